//! Citation laundering: an article credits X while its text derives from Y,
//! which it does not credit.
//!
//! For each article A and each article Y its text was copied from (a directed
//! copy edge Y → A), A *credits* Y when A cites or quotes Y's outlet, Y's
//! author or the author's organisation, a report that resolves to Y, or names
//! Y's outlet in a credit line; reuse within one outlet is house copy, not
//! laundering. An uncredited Y gives a finding:
//!
//! - **citation-laundering**: A attributes its information to named sources,
//!   but none of them is where its text came from (seed 003 credits the MEMRI
//!   report while rewriting IANS's story);
//! - **uncredited-reuse**: A credits some of the articles it copied, not Y;
//! - **unattributed-copy**: A names no source at all.

use std::collections::BTreeSet;

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use serde::Serialize;

use super::not_after;
use crate::graph::ProvenanceGraph;
use crate::graph::keys::outlet_id;
use crate::graph::model::{CitationEvidence, Edge, EdgeData, EdgeKind, NodeKind, article_label_of};
use crate::reuse::Passage;

/// How serious an uncredited copy is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LaunderingKind {
    /// Credits named sources, none of which is where the text came from.
    CitationLaundering,
    /// Credits some of the articles it copied, but not this one.
    UncreditedReuse,
    /// Copies without naming any source.
    UnattributedCopy,
}

impl LaunderingKind {
    /// The kebab-case name used as a flag in exports.
    pub fn name(self) -> &'static str {
        match self {
            LaunderingKind::CitationLaundering => "citation-laundering",
            LaunderingKind::UncreditedReuse => "uncredited-reuse",
            LaunderingKind::UnattributedCopy => "unattributed-copy",
        }
    }
}

/// One uncredited origin of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Laundering {
    /// The article node id (A).
    pub article: String,
    /// The kind of finding.
    pub kind: LaunderingKind,
    /// The named sources A credits (node ids, sorted).
    pub credits: Vec<String>,
    /// The article A's text derives from (Y).
    pub derives_from: String,
    /// Y's outlet, if known.
    pub derives_from_outlet: Option<String>,
    /// The finding in one sentence.
    pub message: String,
    /// The copied passages (origin span in Y, copy span in A).
    pub passages: Vec<Passage>,
    /// A's attributions to the sources it credits (the first few).
    pub attributions: Vec<CitationEvidence>,
    /// Further observations ("000 itself cites report:memri").
    pub notes: Vec<String>,
}

/// Every finding, by article then origin.
pub fn laundering(graph: &ProvenanceGraph) -> Vec<Laundering> {
    let mut out = Vec::new();
    for (a, node) in graph.nodes() {
        if node.kind != NodeKind::Article {
            continue;
        }
        let origins: Vec<(NodeIndex, &Edge)> = graph
            .edges_of(a, Direction::Incoming)
            .filter(|(y, _, e)| {
                e.kind() == EdgeKind::Copies
                    && e.is_directed()
                    && *y != a
                    && graph.node(*y).kind == NodeKind::Article
            })
            .map(|(y, _, e)| (y, e))
            .collect();
        if origins.is_empty() {
            continue;
        }
        let (named, attributions) = named_sources(graph, a);
        let credited = credited(graph, a, &named);
        let own_outlet = outlet_of(graph, a);
        let is_credited = |y: NodeIndex| -> bool {
            if credited.contains(&y) {
                return true;
            }
            // A credited report that resolves to the origin credits it even
            // when the origin's date is later: the directed copy edge already
            // says which came first (a poll story dated by its print edition).
            let resolves_to_y = named.iter().any(|&s| {
                graph
                    .edges_of(s, Direction::Outgoing)
                    .any(|(x, _, e)| x == y && e.kind() == EdgeKind::ResolvesTo)
            });
            if resolves_to_y {
                return true;
            }
            let outlet = outlet_of(graph, y);
            if outlet.is_some() && outlet == own_outlet {
                return true;
            }
            if outlet.is_some_and(|o| credited.contains(&o)) {
                return true;
            }
            graph
                .edges_of(y, Direction::Outgoing)
                .filter(|(_, _, e)| e.kind() == EdgeKind::AuthoredBy)
                .any(|(p, _, _)| {
                    credited.contains(&p)
                        || graph.edges_of(p, Direction::Outgoing).any(|(o, _, e)| {
                            e.kind() == EdgeKind::AffiliatedWith && credited.contains(&o)
                        })
                })
        };
        let any_credited = origins.iter().any(|(y, _)| is_credited(*y));
        for (y, edge) in &origins {
            if is_credited(*y) {
                continue;
            }
            let kind = if named.is_empty() {
                LaunderingKind::UnattributedCopy
            } else if any_credited {
                LaunderingKind::UncreditedReuse
            } else {
                LaunderingKind::CitationLaundering
            };
            out.push(finding(graph, a, *y, edge, kind, &named, &attributions));
        }
    }
    out
}

/// The named sources an article cites or quotes, and the attributions to them.
fn named_sources(
    graph: &ProvenanceGraph,
    a: NodeIndex,
) -> (BTreeSet<NodeIndex>, Vec<CitationEvidence>) {
    let mut named = BTreeSet::new();
    let mut attributions = Vec::new();
    for (s, _, e) in graph.edges_of(a, Direction::Outgoing) {
        let target = graph.node(s);
        if target.kind == NodeKind::Vague || e.is_vague() {
            continue;
        }
        match &e.data {
            EdgeData::Cites { evidence, .. } | EdgeData::Quotes { evidence, .. } => {
                named.insert(s);
                attributions.extend(evidence.iter().take(3).cloned());
            }
            _ => {}
        }
    }
    (named, attributions)
}

/// Everything crediting counts for: the named sources, the articles cited
/// reports resolve to (not later than `a`), and outlets in credit lines.
fn credited(
    graph: &ProvenanceGraph,
    a: NodeIndex,
    named: &BTreeSet<NodeIndex>,
) -> BTreeSet<NodeIndex> {
    let mut credited = named.clone();
    for &s in named {
        for (x, _, e) in graph.edges_of(s, Direction::Outgoing) {
            if e.kind() == EdgeKind::ResolvesTo && not_after(graph, x, a) {
                credited.insert(x);
            }
        }
    }
    if let Some(info) = &graph.node(a).article {
        for agency in &info.credits {
            if let Some(o) = graph.find(&outlet_id(agency)) {
                credited.insert(o);
            }
        }
    }
    credited
}

/// The outlet node an article is published by.
fn outlet_of(graph: &ProvenanceGraph, a: NodeIndex) -> Option<NodeIndex> {
    graph
        .edges_of(a, Direction::Outgoing)
        .find(|(_, _, e)| e.kind() == EdgeKind::PublishedBy)
        .map(|(o, _, _)| o)
}

/// How a node reads in a message: an article's one label ("Outlet · date ·
/// title", [`article_label_of`]), else the node's name.
fn describe(graph: &ProvenanceGraph, ix: NodeIndex) -> String {
    article_label_of(graph.node(ix))
}

fn finding(
    graph: &ProvenanceGraph,
    a: NodeIndex,
    y: NodeIndex,
    edge: &Edge,
    kind: LaunderingKind,
    named: &BTreeSet<NodeIndex>,
    attributions: &[CitationEvidence],
) -> Laundering {
    let credits: Vec<String> = named.iter().map(|&s| graph.node(s).id.clone()).collect();
    let credit_names: Vec<String> = named.iter().map(|&s| describe(graph, s)).collect();
    let (passages, tier) = match &edge.data {
        EdgeData::Copies { passages, tier, .. } => {
            let mut p = passages.clone();
            p.sort_by(|x, y| {
                y.similarity
                    .total_cmp(&x.similarity)
                    .then(x.copy.start.cmp(&y.copy.start))
            });
            p.truncate(5);
            p.sort_by_key(|x| x.copy.start);
            (p, crate::graph::tier_name(*tier))
        }
        _ => (Vec::new(), ""),
    };
    let (an, yn) = (describe(graph, a), describe(graph, y));
    let message = match kind {
        LaunderingKind::CitationLaundering => format!(
            "{an} attributes its information to {} but its text derives from {yn} ({tier} copy), which it does not credit",
            credit_names.join(", ")
        ),
        LaunderingKind::UncreditedReuse => format!(
            "{an} credits {} but also reuses text from {yn} ({tier} copy) without crediting it",
            credit_names.join(", ")
        ),
        LaunderingKind::UnattributedCopy => {
            format!("{an} copies text from {yn} ({tier} copy) and names no source")
        }
    };
    // Does Y itself credit what A credits? Then A took the attribution second-hand.
    let mut notes = Vec::new();
    let (y_named, _) = named_sources(graph, y);
    for s in named.intersection(&y_named) {
        notes.push(format!(
            "{yn} itself cites {}: the attribution was taken second-hand along with the text",
            describe(graph, *s)
        ));
    }
    Laundering {
        article: graph.node(a).id.clone(),
        kind,
        credits,
        derives_from: graph.node(y).id.clone(),
        derives_from_outlet: outlet_of(graph, y).map(|o| graph.node(o).name.clone()),
        message,
        passages,
        attributions: attributions.iter().take(5).cloned().collect(),
        notes,
    }
}
