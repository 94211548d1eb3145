//! The most-copied and most-cited sources.
//!
//! *Most copied*: nodes by the number of distinct nodes that took their text
//! (directed copy edges leaving them). *Most cited*: named sources by the
//! number of distinct nodes that cite or quote them (unnamed sources are left
//! out: each article's are its own). A report that resolves to a corpus
//! article says so, and that article is credited with the report's citers.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::graph::ProvenanceGraph;
use crate::graph::model::{EdgeKind, NodeKind};

/// One ranked node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    /// The node id.
    pub node: String,
    /// Its display name.
    pub name: String,
    /// What it is.
    pub kind: NodeKind,
    /// Distinct nodes that copied or cited it.
    pub by: usize,
    /// Total findings behind it (copy pairs, or attributions).
    pub weight: usize,
    /// The ids of those nodes, sorted.
    pub users: Vec<String>,
    /// For a report: the corpus article it resolves to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolves_to: Option<String>,
}

/// Both rankings, best first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    /// Sources whose text was copied most.
    pub most_copied: Vec<Ranked>,
    /// Sources cited or quoted most.
    pub most_cited: Vec<Ranked>,
}

/// Ranks the graph's nodes; each list keeps at most `top` entries.
pub fn ranking(graph: &ProvenanceGraph, top: usize) -> Ranking {
    let mut copied: BTreeMap<_, (BTreeSet<String>, usize)> = BTreeMap::new();
    let mut cited: BTreeMap<_, (BTreeSet<String>, usize)> = BTreeMap::new();
    let mut resolves: BTreeMap<_, _> = BTreeMap::new();
    for e in graph.edges() {
        let Some((a, b)) = graph.ends(e.index) else {
            continue;
        };
        match e.edge.kind() {
            EdgeKind::Copies if e.edge.is_directed() && a != b => {
                let entry = copied.entry(a).or_default();
                entry.0.insert(e.to.id.clone());
                entry.1 += e.edge.weight;
            }
            EdgeKind::Cites | EdgeKind::Quotes
                if !e.edge.is_vague() && !matches!(e.to.kind, NodeKind::Vague) && a != b =>
            {
                let entry = cited.entry(b).or_default();
                entry.0.insert(e.from.id.clone());
                entry.1 += e.edge.weight;
            }
            EdgeKind::ResolvesTo => {
                resolves.insert(a, b);
            }
            _ => {}
        }
    }
    let rank = |map: BTreeMap<_, (BTreeSet<String>, usize)>| -> Vec<Ranked> {
        let mut list: Vec<Ranked> = map
            .into_iter()
            .map(|(ix, (users, weight))| {
                let node = graph.node(ix);
                Ranked {
                    node: node.id.clone(),
                    name: node.name.clone(),
                    kind: node.kind,
                    by: users.len(),
                    weight,
                    users: users.into_iter().collect(),
                    resolves_to: resolves.get(&ix).map(|&t| graph.node(t).id.clone()),
                }
            })
            .collect();
        list.sort_by(|a, b| {
            b.by.cmp(&a.by)
                .then(b.weight.cmp(&a.weight))
                .then(a.node.cmp(&b.node))
        });
        list.truncate(top);
        list
    };
    Ranking {
        most_copied: rank(copied),
        most_cited: rank(cited),
    }
}
