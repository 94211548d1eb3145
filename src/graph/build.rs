//! From an [`Analysis`] to a [`ProvenanceGraph`].
//!
//! Articles, their outlets, authors and affiliations come from metadata;
//! `cites`/`quotes` edges from attributions (one edge per article and source,
//! with every attribution as evidence); `copies` edges from copy pairs;
//! `house-reuse` and `shares-quote` edges from the reuse stage's other
//! relations; `quote-check` edges (and each article's verdict tally) from the
//! analysis's quote checks.
//!
//! **resolves-to** is decided from evidence, never from ids: a cited report
//! *R* is the corpus article *X* when (1) an article *A* that cites *R* took
//! text from *X* (a directed copy pair *X* → *A*), and (2) *R*'s publisher is
//! *X*'s author's affiliation or *X*'s outlet. Among several such *X*, the
//! one supported by the most citing articles wins (then the strongest copy,
//! then the smaller id).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::keys::{org_id, org_key, outlet_id, person_id};
use super::model::{
    ArticleInfo, CitationEvidence, Edge, EdgeData, Node, NodeKind, QuoteEvidence, QuoteTally,
    Verdict, shorten, tier_name,
};
use super::{Level, Parts, ProvenanceGraph};
use crate::analysis::Analysis;
use crate::article::{Article, Field};
use crate::attribution::Attribution;
use crate::entities::EntityKind;
use crate::entities::gazetteer::gazetteer;
use crate::quotes::{QuoteCheck, Status};
use crate::reuse::{CopyPair, SharedQuote};

/// Node id of an article.
pub fn article_id(id: &str) -> String {
    format!("article:{id}")
}

pub(super) fn build(analysis: &Analysis) -> ProvenanceGraph {
    let mut parts = Parts::default();
    let empty: Vec<Attribution> = Vec::new();
    let checks = analysis.quote_checks();
    let index: HashMap<&str, usize> = analysis
        .corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut tallies = vec![QuoteTally::default(); analysis.corpus.articles.len()];
    for c in checks {
        if let Some(&i) = index.get(c.article.as_str()) {
            tallies[i].add(verdict(c.status));
        }
    }
    for (i, article) in analysis.corpus.articles.iter().enumerate() {
        let attributions = analysis.attributions.get(i).unwrap_or(&empty);
        add_article(&mut parts, analysis, article, attributions, tallies[i]);
    }
    for pair in &analysis.copies {
        add_copy(&mut parts, pair, false);
    }
    for pair in &analysis.house {
        add_copy(&mut parts, pair, true);
    }
    for shared in &analysis.shared_quotes {
        add_shared_quote(&mut parts, shared);
    }
    for check in checks {
        add_quote_check(&mut parts, check);
    }
    resolve_reports(&mut parts, analysis);
    parts.finish(Level::Article)
}

fn node_kind(kind: EntityKind) -> NodeKind {
    match kind {
        EntityKind::Report => NodeKind::Report,
        EntityKind::Outlet => NodeKind::Outlet,
        EntityKind::Organization => NodeKind::Organization,
        EntityKind::Person => NodeKind::Person,
        EntityKind::Document => NodeKind::Document,
        EntityKind::Unknown => NodeKind::Unknown,
    }
}

fn value(field: Option<&Field<String>>) -> Option<String> {
    field
        .map(|f| f.value.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The first story paragraph, shortened, for a label when there is no title.
fn lead(article: &Article) -> String {
    crate::text::segment::paragraphs(&article.text)
        .into_iter()
        .find(|r| !article.is_boilerplate(*r))
        .map(|r| shorten(article.text.slice(r), 80))
        .unwrap_or_default()
}

fn add_article(
    parts: &mut Parts,
    analysis: &Analysis,
    article: &Article,
    attributions: &[Attribution],
    quotes: QuoteTally,
) {
    let meta = &article.meta;
    let outlet = value(meta.outlet.as_ref());
    let author = value(meta.author.as_ref());
    let affiliation = value(meta.affiliation.as_ref());
    let title = value(meta.title.as_ref());
    let mut credits: Vec<String> = meta
        .credits
        .iter()
        .filter_map(|c| c.agency.clone())
        .collect();
    credits.sort();
    credits.dedup();
    let info = ArticleInfo {
        path: article.path.clone(),
        outlet: outlet.clone(),
        date: article.date(),
        date_floor: article.meta.date_floor.as_ref().map(|f| f.value),
        title: title.clone(),
        author: author.clone(),
        affiliation: affiliation.clone(),
        credits,
        lead: lead(article),
        vague_attributions: attributions
            .iter()
            .filter(|a| a.vague && a.is_reported_information(&article.text))
            .count(),
        unresolved_attributions: attributions
            .iter()
            .filter(|a| !a.vague && a.entity.is_none() && a.is_reported_information(&article.text))
            .count(),
        quotes,
    };
    let id = article_id(&article.id);
    parts.node(Node {
        id: id.clone(),
        kind: NodeKind::Article,
        name: title.unwrap_or_else(|| info.lead.clone()),
        article: Some(info),
        aliases: Vec::new(),
        members: Vec::new(),
    });

    if let (Some(name), Some(field)) = (outlet, meta.outlet.as_ref()) {
        let oid = analysis.canonical(&outlet_id(&name));
        // The manifest may give a short key ("breitbart"): the outlet's own
        // name is the registry's or the gazetteer's when either knows it.
        let name = analysis
            .entity_name(&oid)
            .or_else(|| gazetteer().lookup(&name).map(|o| o.name.clone()))
            .unwrap_or(name);
        parts.node(Node {
            id: oid.clone(),
            kind: NodeKind::Outlet,
            name,
            article: None,
            aliases: Vec::new(),
            members: Vec::new(),
        });
        parts.edge(
            &id,
            &oid,
            Edge {
                weight: 1,
                data: EdgeData::PublishedBy {
                    via: field.via.clone(),
                    evidence: field.evidence.clone(),
                },
            },
        );
    }

    if let (Some(name), Some(field)) = (author, meta.author.as_ref()) {
        // A staff byline that names the outlet ("Breitbart News", "Washington
        // Post") is the outlet, never a person.
        let (pid, kind, name) = match gazetteer().lookup(&name) {
            Some(o) => (analysis.canonical(&o.id), NodeKind::Outlet, o.name.clone()),
            None => (
                analysis.canonical(&person_id(&name)),
                NodeKind::Person,
                name,
            ),
        };
        parts.node(Node {
            id: pid.clone(),
            kind,
            name,
            article: None,
            aliases: Vec::new(),
            members: Vec::new(),
        });
        parts.edge(
            &id,
            &pid,
            Edge {
                weight: 1,
                data: EdgeData::AuthoredBy {
                    affiliation: affiliation.clone(),
                    evidence: field.evidence.clone(),
                },
            },
        );
        if let (Some(org), Some(afield)) = (affiliation, meta.affiliation.as_ref()) {
            let gid = analysis.canonical(&org_id(&org));
            parts.node(Node {
                id: gid.clone(),
                kind: NodeKind::Organization,
                name: org,
                article: None,
                aliases: Vec::new(),
                members: Vec::new(),
            });
            parts.edge(
                &pid,
                &gid,
                Edge {
                    weight: 1,
                    data: EdgeData::AffiliatedWith {
                        evidence: afield.evidence.clone(),
                    },
                },
            );
        }
    }

    for att in attributions
        .iter()
        .filter(|a| a.is_reported_information(&article.text))
    {
        add_attribution(parts, analysis, &id, &article.id, att);
    }
}

/// One citation edge per entity the attribution's source names (its
/// `entity` and `also`), each with the attribution as evidence; an unnamed
/// source goes to the article's "unnamed sources" node. An attribution whose
/// source is not resolved to anyone draws no edge: an edge must point at an
/// entity, so it is only counted on the article node
/// (`unresolved_attributions`) and still listed by `citetrace attributions`.
fn add_attribution(
    parts: &mut Parts,
    analysis: &Analysis,
    from: &str,
    article_id: &str,
    att: &Attribution,
) {
    let mut targets: Vec<(String, NodeKind, String)> = Vec::new();
    for e in att.entity.iter().chain(att.also.iter()) {
        let canonical = analysis.canonical(&e.id);
        if targets.iter().any(|t| t.0 == canonical) {
            continue;
        }
        let name = analysis
            .entity_name(&canonical)
            .unwrap_or_else(|| e.name.clone());
        targets.push((canonical, node_kind(e.kind), name));
    }
    if targets.is_empty() && att.vague {
        targets.push((
            format!("vague:{article_id}"),
            NodeKind::Vague,
            "unnamed sources".to_string(),
        ));
    }
    for (target, kind, name) in targets {
        let aliases = analysis.entity_aliases(&target);
        parts.node(Node {
            id: target.clone(),
            kind,
            name,
            article: None,
            aliases,
            members: Vec::new(),
        });
        let evidence = vec![CitationEvidence {
            cue: att.cue.clone(),
            source: att.source.clone(),
            content: att.content.clone(),
            quote: att.quote,
        }];
        add_affiliations(parts, analysis, &target, att);
        let cues = vec![shorten(&att.cue.text.to_lowercase(), 40)];
        let data = if kind == NodeKind::Person {
            EdgeData::Quotes {
                cues,
                count: 1,
                evidence,
            }
        } else {
            EdgeData::Cites {
                cues,
                count: 1,
                vague: att.vague || kind == NodeKind::Vague,
                evidence,
            }
        };
        parts.edge(from, &target, Edge { weight: 1, data });
    }
}

/// `affiliated-with` edges from a cited person to the organisations the text
/// ties them to ("Clinton campaign spokesman Brian Fallon"), with the source
/// mention as evidence.
fn add_affiliations(parts: &mut Parts, analysis: &Analysis, person: &str, att: &Attribution) {
    let Some(entity) = analysis.entities.get(person) else {
        return;
    };
    if entity.kind != EntityKind::Person {
        return;
    }
    for org in &entity.affiliations {
        let Some(o) = analysis.entities.get(org) else {
            continue;
        };
        parts.node(Node {
            id: o.id.clone(),
            kind: node_kind(o.kind),
            name: o.name.clone(),
            article: None,
            aliases: o.aliases.clone(),
            members: Vec::new(),
        });
        parts.edge(
            person,
            &o.id,
            Edge {
                weight: 1,
                data: EdgeData::AffiliatedWith {
                    evidence: att.source.clone(),
                },
            },
        );
    }
}

/// A `copies` edge, or a `house-reuse` edge for an outlet's reuse of its
/// own passages (`house`).
fn add_copy(parts: &mut Parts, pair: &CopyPair, house: bool) {
    let (from, to) = (article_id(&pair.origin), article_id(&pair.copy));
    if from == to || !parts.has_node(&from) || !parts.has_node(&to) {
        return;
    }
    let (tier, score, directed) = (pair.tier, pair.score, pair.directed);
    let (passages, evidence) = (pair.passages.clone(), pair.evidence.clone());
    let data = if house {
        EdgeData::HouseReuse {
            tier,
            score,
            directed,
            passages,
            evidence,
        }
    } else {
        EdgeData::Copies {
            tier,
            score,
            directed,
            passages,
            evidence,
        }
    };
    parts.edge(&from, &to, Edge { weight: 1, data });
}

/// A `shares-quote` edge: two articles quoting one speaker, nothing copied.
fn add_shared_quote(parts: &mut Parts, shared: &SharedQuote) {
    let (from, to) = (article_id(&shared.a), article_id(&shared.b));
    if from == to || !parts.has_node(&from) || !parts.has_node(&to) {
        return;
    }
    parts.edge(
        &from,
        &to,
        Edge {
            weight: 1,
            data: EdgeData::SharesQuote {
                speakers: shared.speakers.clone(),
                passages: shared.passages.clone(),
                evidence: shared.evidence.clone(),
            },
        },
    );
}

/// The graph's name for a quote checker's verdict.
fn verdict(status: Status) -> Verdict {
    match status {
        Status::Verified => Verdict::Verified,
        Status::Partial => Verdict::Partial,
        Status::Altered => Verdict::Altered,
        Status::Unverified => Verdict::Unverified,
    }
}

/// A `quote-check` edge from the article holding a quote's statement to the
/// quoting article, for a verdict found against another article.
fn add_quote_check(parts: &mut Parts, check: &QuoteCheck) {
    let Some(against) = &check.against else {
        return;
    };
    if check.status == Status::Unverified {
        return;
    }
    let (from, to) = (article_id(&against.article), article_id(&check.article));
    if from == to || !parts.has_node(&from) || !parts.has_node(&to) {
        return;
    }
    let mut verdicts = QuoteTally::default();
    verdicts.add(verdict(check.status));
    parts.edge(
        &from,
        &to,
        Edge {
            weight: 1,
            data: EdgeData::QuoteCheck {
                verdicts,
                checks: vec![QuoteEvidence {
                    status: verdict(check.status),
                    quote: check.quote.clone(),
                    against: against.span.clone(),
                    speaker: check.speaker.clone(),
                    similarity: check.similarity.unwrap_or(0.0),
                    why: check.why.clone(),
                    diff: check.diff.clone(),
                }],
            },
        },
    );
}

/// One citing article's support for "report R is article X".
struct Support<'a> {
    citing: &'a str,
    pair: &'a CopyPair,
}

/// Adds `resolves-to` edges (see the module notes for the rule).
fn resolve_reports(parts: &mut Parts, analysis: &Analysis) {
    let articles: HashMap<&str, &Article> = analysis
        .corpus
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    // Directed copy origins of each article.
    let mut origins: HashMap<&str, Vec<&CopyPair>> = HashMap::new();
    for pair in analysis.copies.iter().filter(|p| p.directed) {
        origins.entry(pair.copy.as_str()).or_default().push(pair);
    }
    // Reports and documents, with the articles that cite them (sorted).
    let mut cited: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (i, article) in analysis.corpus.articles.iter().enumerate() {
        for att in analysis.attributions.get(i).into_iter().flatten() {
            if let Some(e) = &att.entity
                && matches!(e.kind, EntityKind::Report | EntityKind::Document)
            {
                cited
                    .entry(analysis.canonical(&e.id))
                    .or_default()
                    .insert(article.id.as_str());
            }
        }
    }
    for (report, citing) in &cited {
        let publisher = analysis.publisher_key(report);
        // Candidate article → supports.
        let mut candidates: BTreeMap<&str, Vec<Support>> = BTreeMap::new();
        for &a in citing {
            for pair in origins.get(a).into_iter().flatten() {
                let Some(x) = articles.get(pair.origin.as_str()) else {
                    continue;
                };
                if pair.origin == a || publisher_match(x, &publisher).is_none() {
                    continue;
                }
                candidates
                    .entry(pair.origin.as_str())
                    .or_default()
                    .push(Support { citing: a, pair });
            }
        }
        let best = candidates.into_iter().max_by(|(xa, sa), (xb, sb)| {
            let n = |s: &[Support]| s.iter().map(|s| s.citing).collect::<BTreeSet<_>>().len();
            let top = |s: &[Support]| s.iter().map(|s| s.pair.score).fold(0.0_f64, f64::max);
            n(sa)
                .cmp(&n(sb))
                .then(top(sa).total_cmp(&top(sb)))
                .then(xb.cmp(xa))
        });
        let Some((x, supports)) = best else { continue };
        let Some(article) = articles.get(x) else {
            continue;
        };
        let mut evidence = Vec::new();
        if let Some(why) = publisher_match(article, &publisher) {
            evidence.push(why);
        }
        let mut miss = 1.0_f64;
        for s in &supports {
            miss *= 1.0 - s.pair.score.clamp(0.0, 1.0);
            evidence.push(format!(
                "{} cites the report and took text from {x} ({} {:.2}, {} passage(s))",
                s.citing,
                tier_name(s.pair.tier),
                s.pair.score,
                s.pair.passages.len()
            ));
        }
        parts.edge(
            report,
            &article_id(x),
            Edge {
                weight: 1,
                data: EdgeData::ResolvesTo {
                    score: 1.0 - miss,
                    evidence,
                },
            },
        );
    }
}

/// Why article `x` is published by `publisher` (a name key such as "memri"),
/// or `None` when neither its author's affiliation nor its outlet match.
fn publisher_match(x: &Article, publisher: &str) -> Option<String> {
    if publisher.is_empty() {
        return None;
    }
    if let Some(aff) = value(x.meta.affiliation.as_ref())
        && org_key(&aff) == publisher
    {
        let who = value(x.meta.author.as_ref()).unwrap_or_else(|| "its author".to_string());
        return Some(format!(
            "{}: {who} is affiliated with {aff}, the report's publisher",
            x.id
        ));
    }
    if let Some(outlet) = value(x.meta.outlet.as_ref())
        && org_key(&outlet) == publisher
    {
        return Some(format!(
            "{} is published by {outlet}, the report's publisher",
            x.id
        ));
    }
    None
}
