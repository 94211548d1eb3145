//! The origin of each article: follow copies and citations back to the roots.
//!
//! From an article, a breadth-first walk goes to where its information came
//! from ([`super::parents`]): the articles it copied (directed copy edges),
//! the sources it cites, the people it quotes, and from a cited report to the
//! corpus article that report is (`resolves-to`). A report cannot resolve to
//! an article published after the one citing it. Roots are the nodes the walk
//! cannot go past — corpus articles that take from no other corpus article
//! (the corpus origins: the walk stops there, their own sources are on their
//! own row), and the start article's own sources outside the corpus (an
//! intermediate article's are on its row too); each comes with the shortest path to it and the evidence of
//! every step. The walk stops after [`MAX_VISITED`] nodes and says so.

use std::collections::{HashMap, VecDeque};

use petgraph::graph::{EdgeIndex, NodeIndex};
use serde::Serialize;

use super::{evidence_line, not_after, parents};
use crate::article::Article;
use crate::entities::{EntityRef, Registry};
use crate::graph::ProvenanceGraph;
use crate::graph::credited::{self, Via};
use crate::graph::model::{EdgeKind, NodeKind, article_label_of};

/// The most nodes one origin walk visits.
pub const MAX_VISITED: usize = 10_000;

/// One step of an origin path: `from` took information from `to`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// The node that took the information.
    pub from: String,
    /// Where it came from.
    pub to: String,
    /// The edge that says so.
    pub edge: EdgeKind,
    /// The edge in a few words ("copies near-verbatim 0.81").
    pub summary: String,
    /// Spans and reasons behind the edge.
    pub evidence: Vec<String>,
}

/// A root an article's information leads back to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Root {
    /// The root node's id.
    pub node: String,
    /// How people read the root ([`article_label_of`]: "Outlet · date ·
    /// title" for an article, else the node's name), kept here so a view
    /// that no longer holds the node (`graph --article`) still names it.
    pub name: String,
    /// What the root is.
    pub kind: NodeKind,
    /// True when the root is not an article of the corpus (an uncovered
    /// report, a person, unnamed sources).
    pub outside_corpus: bool,
    /// The steps from the article to the root.
    pub path: Vec<Step>,
}

/// The origin of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Origin {
    /// The article's node id.
    pub article: String,
    /// The roots, sorted: corpus articles first, then by path length and id.
    /// Empty when the article takes from nothing: it is an origin itself.
    pub roots: Vec<Root>,
    /// True when the walk hit [`MAX_VISITED`].
    pub truncated: bool,
}

/// The origin of every article (and, at outlet level, of every outlet that
/// stands for articles), in node order; walks run in parallel.
pub fn origins(graph: &ProvenanceGraph) -> Vec<Origin> {
    use rayon::prelude::*;
    let starts: Vec<NodeIndex> = graph
        .nodes()
        .filter(|(_, n)| n.kind == NodeKind::Article || !n.members.is_empty())
        .map(|(ix, _)| ix)
        .collect();
    starts.par_iter().map(|&ix| origin_of(graph, ix)).collect()
}

/// True when article `ix` took text from a corpus article, or cites a report
/// that resolves to one published no later than it.
fn takes_from_articles(graph: &ProvenanceGraph, ix: NodeIndex) -> bool {
    parents(graph, ix)
        .into_iter()
        .any(|(p, kind, _, _)| match kind {
            EdgeKind::Copies => true,
            EdgeKind::Cites => parents(graph, p).into_iter().any(|(x, k, _, _)| {
                k == EdgeKind::ResolvesTo && x != ix && not_after(graph, x, ix)
            }),
            _ => false,
        })
}

/// True when the source node `p` resolves to a corpus article.
fn resolves(graph: &ProvenanceGraph, p: NodeIndex) -> bool {
    graph
        .edges_of(p, petgraph::Direction::Outgoing)
        .any(|(_, _, e)| e.kind() == EdgeKind::ResolvesTo)
}

/// Whether (and why) corpus article `candidate` can be the source `citing`
/// credits as `entity`: the graph resolves the entity's node to it
/// (`resolves-to`), or it is by the entity ([`credited::is_by`], the
/// graph's published-by / authored-by / affiliated-with nodes); and it is
/// not known to come after `citing` (the date rule of the walk above).
pub fn credited_source(
    graph: &ProvenanceGraph,
    entities: &Registry,
    candidate: &Article,
    entity: &EntityRef,
    citing: &Article,
) -> Option<Via> {
    if candidate.id == citing.id || credited::is_known_earlier(citing, candidate) {
        return None;
    }
    let resolved = graph
        .find(entities.canonical(&entity.id))
        .zip(graph.find_article(&candidate.id))
        .is_some_and(|(source, article)| {
            graph
                .edges_of(source, petgraph::Direction::Outgoing)
                .any(|(to, _, e)| to == article && e.kind() == EdgeKind::ResolvesTo)
        });
    if resolved {
        return Some(Via::ResolvesTo);
    }
    credited::is_by(candidate, entity, entities)
}

/// The origin of the node at `start`.
pub fn origin_of(graph: &ProvenanceGraph, start: NodeIndex) -> Origin {
    // parent pointer: node → (the node that took from it, the edge)
    let mut came: HashMap<NodeIndex, Option<(NodeIndex, EdgeKind, EdgeIndex)>> = HashMap::new();
    came.insert(start, None);
    let mut queue = VecDeque::from([start]);
    let mut roots = Vec::new();
    let mut truncated = false;
    // The article a citation chain started from, for the date check on
    // resolves-to.
    let mut citer: HashMap<NodeIndex, NodeIndex> = HashMap::new();
    while let Some(ix) = queue.pop_front() {
        // A corpus origin ends the walk: what it cites is its own origin row.
        let is_article = graph.node(ix).kind == NodeKind::Article;
        if ix != start && is_article && !takes_from_articles(graph, ix) {
            roots.push(ix);
            continue;
        }
        let mut has_parents = false;
        for (p, kind, _, ei) in parents(graph, ix) {
            if kind == EdgeKind::ResolvesTo {
                let user = citer.get(&ix).copied().unwrap_or(ix);
                if !not_after(graph, p, user) {
                    continue;
                }
            }
            has_parents = true;
            // Past the start article, follow only what leads to corpus
            // articles: an intermediate article's other sources are on its
            // own row (this keeps a corpus-wide table linear in size).
            if ix != start
                && graph.node(ix).kind == NodeKind::Article
                && matches!(kind, EdgeKind::Cites | EdgeKind::Quotes)
                && !resolves(graph, p)
            {
                continue;
            }
            if came.contains_key(&p) {
                continue;
            }
            if came.len() >= MAX_VISITED {
                truncated = true;
                break;
            }
            if kind != EdgeKind::ResolvesTo && graph.node(ix).kind == NodeKind::Article {
                citer.insert(p, ix);
            }
            came.insert(p, Some((ix, kind, ei)));
            queue.push_back(p);
        }
        if ix != start && !has_parents {
            roots.push(ix);
        }
    }
    let mut out: Vec<Root> = roots
        .into_iter()
        .map(|r| {
            let mut path = Vec::new();
            let mut at = r;
            while let Some(&Some((prev, kind, ei))) = came.get(&at) {
                let edge = &graph.graph()[ei];
                path.push(Step {
                    from: graph.node(prev).id.clone(),
                    to: graph.node(at).id.clone(),
                    edge: kind,
                    summary: edge.summary(),
                    // The strongest piece only: a corpus-wide origin table
                    // repeats shared steps many times; the edge has the rest.
                    evidence: evidence_line(edge).into_iter().take(1).collect(),
                });
                at = prev;
            }
            path.reverse();
            let node = graph.node(r);
            Root {
                node: node.id.clone(),
                name: article_label_of(node),
                kind: node.kind,
                outside_corpus: node.kind != NodeKind::Article && node.members.is_empty(),
                path,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.outside_corpus
            .cmp(&b.outside_corpus)
            .then(a.path.len().cmp(&b.path.len()))
            .then(a.node.cmp(&b.node))
    });
    Origin {
        article: graph.node(start).id.clone(),
        roots: out,
        truncated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::EntityKind;
    use crate::graph::fixture;

    fn entity(id: &str, name: &str, kind: EntityKind) -> EntityRef {
        EntityRef {
            id: id.into(),
            name: name.into(),
            kind,
        }
    }

    #[test]
    fn a_credited_source_is_the_article_the_graph_resolves_it_to_never_a_later_one() {
        let analysis = fixture::seeds();
        let graph = ProvenanceGraph::build(&analysis);
        let (a, reg) = (&analysis.corpus.articles, &analysis.entities);
        let report = entity("report:memri", "MEMRI report", EntityKind::Report);
        // IANS's 000 cites the MEMRI report and copies 004, by a MEMRI fellow.
        assert_eq!(
            credited_source(&graph, reg, &a[4], &report, &a[0]),
            Some(Via::ResolvesTo)
        );
        // 001 (September 2025) cannot take from 004 (January 2026 events).
        assert_eq!(credited_source(&graph, reg, &a[4], &report, &a[1]), None);
        // An outlet is its articles; an article is never its own source.
        let ians = entity("outlet:ians", "IANS", EntityKind::Outlet);
        assert_eq!(
            credited_source(&graph, reg, &a[2], &ians, &a[3]),
            Some(Via::Outlet)
        );
        assert_eq!(credited_source(&graph, reg, &a[2], &ians, &a[2]), None);
        assert_eq!(credited_source(&graph, reg, &a[1], &ians, &a[3]), None);
    }
}
