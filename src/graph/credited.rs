//! Which corpus articles a credited source *is*, and which came first: the
//! one rule the quote checker, `origin` and the graph share.
//!
//! An attribution resolves its source to an entity with a canonical id of the
//! corpus registry ("outlet:ians", "person:anna-mahjar-barducci",
//! "report:memri"). A corpus article can be that source when:
//!
//! - the graph **resolves** the cited report to it (`resolves-to`, decided
//!   from evidence in [`super::build`]: an article citing the report took
//!   text from it, and the report's publisher is its outlet or its author's
//!   affiliation) — read from the graph by
//!   [`super::analysis::origins::credited_source`];
//! - or the article is **by** the entity ([`is_by`]): its outlet node, its
//!   author's node or (with an author) its author's affiliation node *is* the
//!   entity's node; a report or document is by its publisher (the article's
//!   outlet or author's affiliation has the report's publisher key).
//!
//! The node ids are the graph's own ([`super::keys`], merged by the corpus
//! [`Registry`]): `is_by` accepts exactly the articles
//! [`ProvenanceGraph::build`] joins to the entity's node by `published-by`,
//! `authored-by` and `affiliated-with`. The quote checker runs before the
//! graph exists, so it calls `is_by` with the same registry rather than
//! reading edges; this file reads no graph, so the pipeline stages before
//! the graph can use it. A source cannot come after the article that credits it
//! ([`is_known_earlier`]: an article dated September cannot quote a text
//! whose events are from January).

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::keys::{key_of, org_id, outlet_id, person_id};
use crate::article::{Article, Date};
use crate::entities::{EntityKind, EntityRef, Registry};

/// Why a corpus article is a credited source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    /// The graph resolves the cited report to this article (`resolves-to`).
    ResolvesTo,
    /// The article is published by the cited outlet.
    Outlet,
    /// The article is written by the cited person.
    Author,
    /// The article's author is affiliated with the cited organisation.
    Affiliation,
    /// The cited report's publisher is the article's outlet or its
    /// author's affiliation.
    Publisher,
}

impl Via {
    /// The reason in a few words ("the report is this article").
    pub fn describe(self) -> &'static str {
        match self {
            Via::ResolvesTo => "the report is this article",
            Via::Outlet => "published by it",
            Via::Author => "written by it",
            Via::Affiliation => "written by someone affiliated with it",
            Via::Publisher => "published by the report's publisher",
        }
    }
}

fn value(field: Option<&crate::article::Field<String>>) -> Option<&str> {
    field.map(|f| f.value.trim()).filter(|v| !v.is_empty())
}

/// The graph nodes an article is by, as [`ProvenanceGraph::build`] links
/// them: its outlet (`published-by`), its author (`authored-by`) and, with an
/// author, the author's affiliation (`affiliated-with`); canonical ids.
pub fn article_nodes(article: &Article, entities: &Registry) -> Vec<(String, Via)> {
    let meta = &article.meta;
    let mut out = Vec::new();
    if let Some(outlet) = value(meta.outlet.as_ref()) {
        out.push((
            entities.canonical(&outlet_id(outlet)).to_string(),
            Via::Outlet,
        ));
    }
    if let Some(author) = value(meta.author.as_ref()) {
        out.push((
            entities.canonical(&person_id(author)).to_string(),
            Via::Author,
        ));
        if let Some(org) = value(meta.affiliation.as_ref()) {
            out.push((
                entities.canonical(&org_id(org)).to_string(),
                Via::Affiliation,
            ));
        }
    }
    out
}

/// The name key of a report's publisher ("memri" for the MEMRI report): the
/// registry's publisher link when there is one, else the report's own key
/// (report ids are keyed by their publisher's name).
pub fn publisher_key(entities: &Registry, report: &str) -> String {
    let id = entities
        .get(report)
        .and_then(|e| e.publisher.clone())
        .unwrap_or_else(|| report.to_string());
    key_of(&id).to_string()
}

/// Whether (and why) `article` is by `entity`: one of its graph nodes
/// ([`article_nodes`]) is the entity's node, or — for a report or document —
/// its outlet or author's affiliation has the report's publisher key.
pub fn is_by(article: &Article, entity: &EntityRef, entities: &Registry) -> Option<Via> {
    let id = entities.canonical(&entity.id);
    let nodes = article_nodes(article, entities);
    if let Some((_, via)) = nodes.iter().find(|(n, _)| n == id) {
        return Some(*via);
    }
    if matches!(entity.kind, EntityKind::Report | EntityKind::Document) {
        let publisher = publisher_key(entities, id);
        let published = nodes
            .iter()
            .any(|(n, via)| *via != Via::Author && key_of(n) == publisher);
        if !publisher.is_empty() && published {
            return Some(Via::Publisher);
        }
    }
    None
}

/// The articles of a corpus by graph node, to find the articles an entity
/// can be by ([`is_by`]) without testing every article.
#[derive(Debug, Default)]
pub struct ByNode {
    /// Node (outlet, author, affiliation) → articles by it, in corpus order.
    by_node: std::collections::HashMap<String, Vec<usize>>,
    /// Key of an outlet or affiliation node → articles (a report's publisher).
    by_key: std::collections::HashMap<String, Vec<usize>>,
}

impl ByNode {
    /// Indexes `articles` by their graph nodes ([`article_nodes`]).
    pub fn new(articles: &[Article], entities: &Registry) -> Self {
        let mut index = ByNode::default();
        for (i, a) in articles.iter().enumerate() {
            for (node, via) in article_nodes(a, entities) {
                if via != Via::Author {
                    let list = index.by_key.entry(key_of(&node).to_string()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
                let list = index.by_node.entry(node).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        index
    }

    /// The articles `entity` can be by, sorted: a superset of those
    /// [`is_by`] accepts (check each with it).
    pub fn candidates(&self, entity: &EntityRef, entities: &Registry) -> Vec<usize> {
        let id = entities.canonical(&entity.id);
        let publisher = matches!(entity.kind, EntityKind::Report | EntityKind::Document)
            .then(|| publisher_key(entities, id));
        let mut out: Vec<usize> = self
            .by_node
            .get(id)
            .into_iter()
            .chain(publisher.and_then(|k| self.by_key.get(&k)))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// True when two articles share a graph node they are by: the same outlet,
/// author or author's affiliation.
pub fn same_publisher(a: &Article, b: &Article, entities: &Registry) -> bool {
    let nb = article_nodes(b, entities);
    article_nodes(a, entities)
        .iter()
        .any(|(n, _)| nb.iter().any(|(m, _)| m == n))
}

/// Lookup keys of a name — the folded name, its parenthesised acronym and
/// its initials ("middle east media research institute", "memri") — for an
/// index that cannot hold the corpus registry (the case file finds the
/// articles a credited source may be by these keys, then decides with
/// `credited_source`). A key is a way to find candidates, never a decision.
pub fn lookup_keys(name: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let (main, paren) = match (name.find('('), name.rfind(')')) {
        (Some(a), Some(b)) if a < b => (&name[..a], Some(&name[a + 1..b])),
        _ => (name, None),
    };
    let folded = fold_name(main);
    if folded.is_empty() {
        return keys;
    }
    let words: Vec<&str> = folded
        .split(' ')
        .filter(|w| !matches!(*w, "the" | "of" | "and" | "for" | "a" | "an" | "in"))
        .collect();
    if words.len() >= 3 {
        keys.push(words.iter().filter_map(|w| w.chars().next()).collect());
    }
    // Strip a leading "the" and trailing generic words.
    let mut trimmed: Vec<&str> = folded.split(' ').collect();
    if trimmed.first() == Some(&"the") {
        trimmed.remove(0);
    }
    if trimmed.len() > 1
        && matches!(
            trimmed.last(),
            Some(&("report" | "study" | "website" | "site"))
        )
    {
        trimmed.pop();
    }
    keys.push(trimmed.join(" "));
    if let Some(p) = paren {
        let p = fold_name(p);
        if !p.is_empty() {
            keys.push(p);
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

fn fold_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The names an article is known by (outlet, author, affiliation), for
/// [`lookup_keys`].
pub fn article_names(article: &Article) -> Vec<&str> {
    let m = &article.meta;
    [&m.outlet, &m.author, &m.affiliation]
        .into_iter()
        .filter_map(|f| f.as_ref().map(|f| f.value.as_str()))
        .collect()
}

/// The date used for ordering: the publication date, else the date floor
/// (the latest date the text mentions), with whether it is only a floor.
pub fn effective_date(article: &Article) -> Option<(Date, bool)> {
    article
        .date()
        .map(|d| (d, false))
        .or_else(|| article.meta.date_floor.as_ref().map(|f| (f.value, true)))
}

/// Orders two articles by effective date; undated ones last.
pub fn by_date(a: &Article, b: &Article) -> Ordering {
    match (effective_date(a), effective_date(b)) {
        (Some((x, _)), Some((y, _))) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// True when `a` is known to come before `b`: `a` has an exact date and
/// `b`'s date (or date floor, a lower bound) is later. The graph's
/// `not_after` is the same rule on nodes.
pub fn is_known_earlier(a: &Article, b: &Article) -> bool {
    match (a.date(), effective_date(b)) {
        (Some(x), Some((y, _))) => x < y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Field;
    use crate::entities::EntityKind;

    fn memri_fellow() -> Article {
        let mut a = Article::new("004", "p", "text".into());
        a.meta.author = Some(Field::given("Anna Mahjar-Barducci".to_string(), "byline"));
        a.meta.affiliation = Some(Field::given("MEMRI".to_string(), "bio"));
        a
    }

    fn entity(id: &str, name: &str, kind: EntityKind) -> EntityRef {
        EntityRef {
            id: id.into(),
            name: name.into(),
            kind,
        }
    }

    #[test]
    fn an_article_is_by_its_author_affiliation_and_the_reports_publisher() {
        let registry = Registry::default();
        let a = memri_fellow();
        let memri = entity("org:memri", "MEMRI", EntityKind::Organization);
        assert_eq!(is_by(&a, &memri, &registry), Some(Via::Affiliation));
        let report = entity("report:memri", "MEMRI report", EntityKind::Report);
        assert_eq!(is_by(&a, &report, &registry), Some(Via::Publisher));
        let author = entity(
            "person:anna-mahjar-barducci",
            "Anna Mahjar-Barducci",
            EntityKind::Person,
        );
        assert_eq!(is_by(&a, &author, &registry), Some(Via::Author));
        let ians = entity("outlet:ians", "IANS", EntityKind::Outlet);
        assert_eq!(is_by(&a, &ians, &registry), None);
    }

    #[test]
    fn a_person_named_like_an_organisation_is_not_its_publisher() {
        // A person's key never stands for a report's publisher.
        let mut a = Article::new("x", "p", "text".into());
        a.meta.author = Some(Field::given("Memri".to_string(), "byline"));
        let report = entity("report:memri", "MEMRI report", EntityKind::Report);
        assert_eq!(is_by(&a, &report, &Registry::default()), None);
    }

    #[test]
    fn lookup_keys_find_acronyms_and_full_names() {
        let shared = |a: &str, b: &str| {
            let kb = lookup_keys(b);
            lookup_keys(a).iter().any(|k| kb.contains(k))
        };
        assert!(shared(
            "Middle East Media Research Institute (MEMRI)",
            "MEMRI"
        ));
        assert!(shared("the MEMRI report", "MEMRI"));
        assert!(!shared("IANS", "MEMRI"));
        assert!(lookup_keys("").is_empty());
    }

    #[test]
    fn a_later_article_is_never_the_source() {
        let mut early = Article::new("early", "p", "text".into());
        early.meta.date = Some(Field::given("2025-09-17".parse().unwrap(), "test"));
        let mut late = memri_fellow();
        late.meta.date_floor = Some(Field::given("2026-01-15".parse().unwrap(), "test"));
        assert!(is_known_earlier(&early, &late));
        assert!(!is_known_earlier(&late, &early));
        assert_eq!(by_date(&early, &late), Ordering::Less);
    }
}
