//! `--level outlet`: articles collapsed into the outlets that published them.
//!
//! Each article with a `published-by` edge becomes its outlet's node (the
//! outlet node lists the articles in [`Node::members`]); articles whose outlet
//! is unknown stay as article nodes, because lumping unknowns together would
//! invent a relation. Edges between the same two nodes merge: weights add up
//! (so "IANS copies from MEMRI ×3" reads as one thick edge), evidence is kept.
//! A copy inside one outlet becomes a self-loop: house reuse.

use std::collections::HashMap;

use petgraph::visit::EdgeRef as _;

use super::model::{EdgeKind, Node};
use super::{Level, Parts, ProvenanceGraph};

pub(super) fn collapse(graph: &ProvenanceGraph) -> ProvenanceGraph {
    let g = graph.graph();
    // Article node id → outlet node id.
    let mut into: HashMap<&str, &str> = HashMap::new();
    for e in g.edge_references() {
        if e.weight().kind() == EdgeKind::PublishedBy {
            into.insert(g[e.source()].id.as_str(), g[e.target()].id.as_str());
        }
    }
    let mut parts = Parts::default();
    for (_, node) in graph.nodes() {
        if !into.contains_key(node.id.as_str()) {
            parts.node(node.clone());
        }
    }
    // Members of each outlet, in id order (nodes are sorted).
    for (_, node) in graph.nodes() {
        if let Some(outlet) = into.get(node.id.as_str())
            && let Some(ix) = graph.find(outlet)
        {
            let mut merged: Node = graph.node(ix).clone();
            merged.members = vec![node.id.clone()];
            parts.node(merged);
        }
    }
    let map = |id: &str| -> String { into.get(id).map_or(id, |o| *o).to_string() };
    for e in g.edge_references() {
        let edge = e.weight();
        if edge.kind() == EdgeKind::PublishedBy {
            continue;
        }
        let (from, to) = (map(&g[e.source()].id), map(&g[e.target()].id));
        parts.edge(&from, &to, edge.clone());
    }
    parts.finish(Level::Outlet)
}
