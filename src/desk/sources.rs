//! Which article *is* a credited source, and which article came first.
//!
//! An attribution resolves its source to an entity ("MEMRI", "IANS"); the
//! desk needs to know which articles of the corpus that entity published or
//! wrote, so a quote can be checked against the source it credits. An article
//! belongs to an entity when its outlet, author, author's affiliation or a
//! credit line names it — compared on folded names, with acronyms
//! ("Middle East Media Research Institute (MEMRI)" = "MEMRI").

use std::cmp::Ordering;

use crate::article::{Article, Date};
use crate::entities::EntityRef;

/// Name keys of a name: the folded name, its parenthesised acronym and its
/// initials ("middle east media research institute", "memri").
pub fn name_keys(name: &str) -> Vec<String> {
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

/// True when the two names share a key.
pub fn same_name(a: &str, b: &str) -> bool {
    let ka = name_keys(a);
    let kb = name_keys(b);
    ka.iter().any(|k| kb.contains(k))
}

/// The names an article is known by: outlet, author, affiliation.
pub fn article_names(article: &Article) -> Vec<&str> {
    let m = &article.meta;
    [&m.outlet, &m.author, &m.affiliation]
        .into_iter()
        .filter_map(|f| f.as_ref().map(|f| f.value.as_str()))
        .collect()
}

/// True when `article` was published or written by `entity`.
pub fn is_by(article: &Article, entity: &EntityRef) -> bool {
    article_names(article)
        .into_iter()
        .any(|n| same_name(n, &entity.name))
}

/// True when `candidate` can be the source `citing` credits as `entity`: it
/// is by that entity and not known to come after `citing` (an article dated
/// September cannot quote a text whose events are from January).
pub fn is_source_of(candidate: &Article, entity: &EntityRef, citing: &Article) -> bool {
    is_by(candidate, entity) && !is_known_earlier(citing, candidate)
}

/// True when `article` was published by the outlet or author of `other`
/// (both by the same name).
pub fn same_publisher(article: &Article, other: &Article) -> bool {
    let a = article_names(article);
    let b = article_names(other);
    a.iter().any(|x| b.iter().any(|y| same_name(x, y)))
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
/// `b`'s date (or date floor, a lower bound) is later.
pub fn is_known_earlier(a: &Article, b: &Article) -> bool {
    match (a.date(), effective_date(b)) {
        (Some(x), Some((y, _))) => x < y,
        _ => false,
    }
}

/// How an article is shown wherever people read it: "Outlet · date ·
/// title" (the one label function, [`crate::graph::model::article_label`]).
pub fn label(article: &Article) -> String {
    let title = article.meta.title.as_ref().map(|t| t.value.as_str());
    crate::graph::model::article_label(
        article.outlet(),
        article.date(),
        article.meta.date_floor.as_ref().map(|f| f.value),
        title,
        &article.path,
        &article.id,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Field;
    use crate::entities::EntityKind;

    #[test]
    fn acronyms_and_full_names_match() {
        assert!(same_name(
            "Middle East Media Research Institute (MEMRI)",
            "MEMRI"
        ));
        assert!(same_name("Middle East Media Research Institute", "memri"));
        assert!(same_name("the MEMRI report", "MEMRI"));
        assert!(!same_name("IANS", "MEMRI"));
        assert!(!same_name("", ""));
    }

    #[test]
    fn an_article_is_by_its_affiliation() {
        let mut a = Article::new("004", "p", "text".into());
        a.meta.affiliation = Some(Field::given("MEMRI".to_string(), "bio"));
        let e = EntityRef {
            id: "organization:memri".into(),
            name: "Middle East Media Research Institute".into(),
            kind: EntityKind::Organization,
        };
        assert!(is_by(&a, &e));
    }
}
