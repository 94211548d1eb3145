//! Circular reporting: A takes from B, which (through any chain) takes from A.
//!
//! The "takes from" relation: an article takes from the articles it copied
//! (directed copies), from the sources it cites, and from the article a cited
//! report resolves to (when that article is not later than the citer). At `--level outlet` the nodes are outlets, so an
//! outlet citing another that copied it is a cycle there. (A cited outlet is
//! not taken to stand for everything it published: big wires would fuse the
//! whole corpus into one false loop.)
//! Its strongly connected components with two or more nodes (Tarjan, via
//! petgraph) are the cycles; each is reported with the edges inside it and
//! their evidence, so a desk can see who closes the loop.

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;

use super::{Step, evidence_line, not_after};
use crate::graph::ProvenanceGraph;
use crate::graph::model::{EdgeKind, NodeKind};

/// One strongly connected component of the "takes from" relation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cycle {
    /// Node ids in the cycle, sorted.
    pub nodes: Vec<String>,
    /// The provenance edges among them, as "from takes from to" steps.
    pub steps: Vec<Step>,
}

/// Every cycle, sorted by their first node id.
pub fn cycles(graph: &ProvenanceGraph) -> Vec<Cycle> {
    let g = graph.graph();
    // "takes from" graph on the same node indices; the weight is the graph
    // edge behind it (None for outlet → published article).
    let mut takes: DiGraph<(), Option<petgraph::graph::EdgeIndex>> =
        DiGraph::with_capacity(g.node_count(), g.edge_count());
    for _ in 0..g.node_count() {
        takes.add_node(());
    }
    for e in graph.edges() {
        let Some((a, b)) = graph.ends(e.index) else {
            continue;
        };
        if a == b {
            continue;
        }
        match e.edge.kind() {
            EdgeKind::Copies if e.edge.is_directed() => {
                takes.add_edge(b, a, Some(e.index));
            }
            EdgeKind::Cites if !e.edge.is_vague() => {
                takes.add_edge(a, b, Some(e.index));
                // Citing a report that is a corpus article takes from that
                // article — unless it was published after the citer.
                for (x, ei, r) in graph.edges_of(b, Direction::Outgoing) {
                    if r.kind() == EdgeKind::ResolvesTo && x != a && not_after(graph, x, a) {
                        takes.add_edge(a, x, Some(ei));
                    }
                }
            }
            _ => {}
        }
    }
    let mut out: Vec<Cycle> = petgraph::algo::tarjan_scc(&takes)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|mut members| {
            members.sort();
            let set: std::collections::BTreeSet<NodeIndex> = members.iter().copied().collect();
            let mut steps = Vec::new();
            for &m in &members {
                let mut outs: Vec<_> = takes
                    .edges_directed(m, Direction::Outgoing)
                    .map(|e| {
                        use petgraph::visit::EdgeRef as _;
                        (e.target(), *e.weight())
                    })
                    .filter(|(t, _)| set.contains(t))
                    .collect();
                outs.sort();
                for (t, edge) in outs {
                    let (kind, summary, evidence) = match edge {
                        Some(ei) => {
                            let edge = &g[ei];
                            (edge.kind(), edge.summary(), evidence_line(edge))
                        }
                        None => (EdgeKind::Cites, String::new(), Vec::new()),
                    };
                    steps.push(Step {
                        from: graph.node(m).id.clone(),
                        to: graph.node(t).id.clone(),
                        edge: kind,
                        summary,
                        evidence,
                    });
                }
            }
            Cycle {
                nodes: members.iter().map(|&m| graph.node(m).id.clone()).collect(),
                steps,
            }
        })
        .filter(|c| {
            // A loop among sources alone (no article) is not circular reporting.
            c.nodes.iter().any(|id| {
                graph.find(id).is_some_and(|ix| {
                    let n = graph.node(ix);
                    n.kind == NodeKind::Article || !n.members.is_empty()
                })
            })
        })
        .collect();
    out.sort_by(|a, b| a.nodes.cmp(&b.nodes));
    out
}
