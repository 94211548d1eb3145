//! The provenance graph: articles, outlets, reports, organisations and people,
//! joined by publication, authorship, citation, quotation and copying.
//!
//! [`ProvenanceGraph::build`] turns an [`Analysis`](crate::analysis::Analysis)
//! into a petgraph [`DiGraph`]; [`analysis`] answers the desk's questions
//! (origins, most-cited and most-copied, circular reporting, citation
//! laundering); [`ProvenanceGraph::neighbourhood`], [`ProvenanceGraph::filter`]
//! and [`ProvenanceGraph::collapse_outlets`] cut it down for a picture; the
//! writers live in [`crate::export`] (`dot`, `graphml`, `mermaid`,
//! `graph_json`, `graph_csv`).
//!
//! Node ids are stable (`article:<id>`, `outlet:ians`, `report:memri`,
//! `org:memri`, `person:<slug>`, `vague:<article id>`), nodes are stored
//! sorted by id and edges by (from, to, kind), so every export is
//! deterministic.

pub mod analysis;
mod build;
pub mod credited;
#[cfg(test)]
pub(crate) mod fixture;
pub mod keys;
pub mod model;
mod outlet;

use std::collections::{BTreeSet, HashMap, VecDeque};

use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef as _;

pub use model::{
    ArticleInfo, CitationEvidence, Edge, EdgeData, EdgeKind, Node, NodeKind, QuoteEvidence,
    QuoteTally, Verdict, tier_name,
};

use crate::error::{Error, Result};

/// What the nodes of a graph stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// One node per article (the default).
    Article,
    /// Articles collapsed into their outlets; edge weights are counts.
    Outlet,
}

/// The provenance graph of a corpus.
#[derive(Debug, Clone)]
#[must_use]
pub struct ProvenanceGraph {
    graph: DiGraph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
    level: Level,
}

/// One edge with its two ends, as iterated.
#[derive(Debug, Clone, Copy)]
pub struct EdgeRef<'a> {
    /// The edge's index in the graph.
    pub index: EdgeIndex,
    /// The node the edge leaves.
    pub from: &'a Node,
    /// The node the edge enters.
    pub to: &'a Node,
    /// The edge.
    pub edge: &'a Edge,
}

/// Nodes and edges being collected; turned into a graph in sorted order.
///
/// Ids are interned to slots on first sight (an edge may name a node before
/// it is added), so merging an edge costs one hash lookup, not string
/// comparisons.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    ids: HashMap<String, u32>,
    keys: Vec<String>,
    nodes: Vec<Option<Node>>,
    edges: HashMap<(u32, u32, EdgeKind), Edge>,
}

impl Parts {
    fn slot(&mut self, id: &str) -> u32 {
        if let Some(&s) = self.ids.get(id) {
            return s;
        }
        let s = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        self.ids.insert(id.to_string(), s);
        self.keys.push(id.to_string());
        self.nodes.push(None);
        s
    }

    /// Adds a node unless one with its id exists (aliases are merged).
    pub(crate) fn node(&mut self, node: Node) {
        let s = self.slot(&node.id) as usize;
        match &mut self.nodes[s] {
            Some(existing) => {
                for alias in node.aliases {
                    add_alias(existing, &alias);
                }
                if node.name != existing.name {
                    let name = node.name;
                    add_alias(existing, &name);
                }
                existing.members.extend(node.members);
                existing.members.sort();
                existing.members.dedup();
            }
            slot @ None => *slot = Some(node),
        }
    }

    /// True when a node with `id` was added.
    pub(crate) fn has_node(&self, id: &str) -> bool {
        self.ids
            .get(id)
            .is_some_and(|&s| self.nodes[s as usize].is_some())
    }

    /// Adds an edge, merging it into an existing edge of the same kind
    /// between the same nodes.
    pub(crate) fn edge(&mut self, from: &str, to: &str, edge: Edge) {
        let key = (self.slot(from), self.slot(to), edge.kind());
        match self.edges.get_mut(&key) {
            Some(existing) => existing.merge(edge),
            None => {
                self.edges.insert(key, edge);
            }
        }
    }

    /// The graph, nodes sorted by id and edges by (from, to, kind). Edges
    /// whose ends were never added are dropped.
    pub(crate) fn finish(self, level: Level) -> ProvenanceGraph {
        let Parts {
            keys, nodes, edges, ..
        } = self;
        let mut order: Vec<usize> = (0..nodes.len()).filter(|&s| nodes[s].is_some()).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        let mut graph = DiGraph::with_capacity(order.len(), edges.len());
        let mut index = HashMap::with_capacity(order.len());
        let mut at: Vec<Option<NodeIndex>> = vec![None; nodes.len()];
        let mut nodes = nodes;
        for &s in &order {
            if let Some(node) = nodes[s].take() {
                let ix = graph.add_node(node);
                at[s] = Some(ix);
                index.insert(keys[s].clone(), ix);
            }
        }
        let mut list: Vec<(NodeIndex, NodeIndex, EdgeKind, Edge)> = edges
            .into_iter()
            .filter_map(|((a, b, kind), edge)| Some((at[a as usize]?, at[b as usize]?, kind, edge)))
            .collect();
        list.sort_by_key(|x| (x.0, x.1, x.2));
        for (a, b, _, edge) in list {
            graph.add_edge(a, b, edge);
        }
        ProvenanceGraph {
            graph,
            index,
            level,
        }
    }
}

fn add_alias(node: &mut Node, alias: &str) {
    if alias != node.name && !node.aliases.iter().any(|a| a == alias) {
        node.aliases.push(alias.to_string());
        node.aliases.sort();
    }
}

impl Edge {
    /// Folds `other` (same kind, same ends) into this edge: counts add up,
    /// evidence is kept, the stronger score wins.
    pub fn merge(&mut self, other: Edge) {
        self.weight += other.weight;
        match (&mut self.data, other.data) {
            (
                EdgeData::Cites {
                    cues,
                    count,
                    evidence,
                    vague,
                },
                EdgeData::Cites {
                    cues: c2,
                    count: n2,
                    evidence: e2,
                    vague: v2,
                },
            ) => {
                merge_cues(cues, c2);
                *count += n2;
                evidence.extend(e2);
                *vague = *vague && v2;
            }
            (
                EdgeData::Quotes {
                    cues,
                    count,
                    evidence,
                },
                EdgeData::Quotes {
                    cues: c2,
                    count: n2,
                    evidence: e2,
                },
            ) => {
                merge_cues(cues, c2);
                *count += n2;
                evidence.extend(e2);
            }
            (
                EdgeData::Copies {
                    score,
                    tier,
                    directed,
                    passages,
                    evidence,
                },
                EdgeData::Copies {
                    score: s2,
                    tier: t2,
                    directed: d2,
                    passages: p2,
                    evidence: e2,
                },
            ) => {
                if s2 > *score {
                    *score = s2;
                }
                // The closest tier (Verbatim sorts first) of the pairs merged.
                *tier = (*tier).min(t2);
                *directed = *directed || d2;
                passages.extend(p2);
                evidence.extend(e2);
            }
            (
                EdgeData::HouseReuse {
                    score,
                    tier,
                    directed,
                    passages,
                    evidence,
                },
                EdgeData::HouseReuse {
                    score: s2,
                    tier: t2,
                    directed: d2,
                    passages: p2,
                    evidence: e2,
                },
            ) => {
                *score = score.max(s2);
                *tier = (*tier).min(t2);
                *directed = *directed || d2;
                passages.extend(p2);
                evidence.extend(e2);
            }
            (
                EdgeData::SharesQuote {
                    speakers,
                    passages,
                    evidence,
                },
                EdgeData::SharesQuote {
                    speakers: s2,
                    passages: p2,
                    evidence: e2,
                },
            ) => {
                merge_cues(speakers, s2);
                passages.extend(p2);
                evidence.extend(e2);
            }
            (
                EdgeData::QuoteCheck { verdicts, checks },
                EdgeData::QuoteCheck {
                    verdicts: v2,
                    checks: c2,
                },
            ) => {
                verdicts.absorb(v2);
                checks.extend(c2);
            }
            (
                EdgeData::ResolvesTo { score, evidence },
                EdgeData::ResolvesTo {
                    score: s2,
                    evidence: e2,
                },
            ) => {
                *score = score.max(s2);
                for e in e2 {
                    if !evidence.contains(&e) {
                        evidence.push(e);
                    }
                }
            }
            _ => {}
        }
    }
}

fn merge_cues(cues: &mut Vec<String>, more: Vec<String>) {
    let set: BTreeSet<String> = cues.drain(..).chain(more).collect();
    cues.extend(set);
}

impl ProvenanceGraph {
    /// Builds the graph of an analysed corpus: one node per article, outlet,
    /// author, affiliation and cited source; edges for publication,
    /// authorship, citations, quotations, copies, and `resolves-to` where a
    /// cited report is an article of the corpus (see [`build`](self) notes in
    /// `docs/formats.md`).
    pub fn build(analysis: &crate::analysis::Analysis) -> Self {
        build::build(analysis)
    }

    /// The underlying petgraph graph (nodes in id order).
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// Whether nodes are articles or outlets.
    pub fn level(&self) -> Level {
        self.level
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The index of the node with `id`.
    pub fn find(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The index of an article node, given the article id or the node id.
    pub fn find_article(&self, id: &str) -> Option<NodeIndex> {
        self.find(id)
            .or_else(|| self.find(&format!("article:{id}")))
    }

    /// The node a person means by `query`: a node id, an article id, or a
    /// unique prefix of an article id (`003` for `003_42e9713d4d8883b4`).
    ///
    /// # Errors
    /// [`Error::Usage`] when nothing matches (naming the closest article ids)
    /// or when the prefix fits several articles (naming them).
    pub fn resolve(&self, query: &str) -> Result<NodeIndex> {
        if let Some(ix) = self.find_article(query) {
            return Ok(ix);
        }
        let articles = || {
            self.nodes()
                .filter(|(_, n)| n.kind == NodeKind::Article)
                .map(|(ix, n)| (ix, n.id.strip_prefix("article:").unwrap_or(&n.id)))
        };
        let matches: Vec<(NodeIndex, &str)> =
            articles().filter(|(_, id)| id.starts_with(query)).collect();
        match matches.as_slice() {
            [(ix, _)] => Ok(*ix),
            [] => {
                let mut close: Vec<(f64, &str)> = articles()
                    .map(|(_, id)| (strsim::jaro_winkler(query, id), id))
                    .filter(|(score, _)| *score > 0.7)
                    .collect();
                close.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
                let shown: Vec<&str> = close.iter().take(5).map(|c| c.1).collect();
                Err(Error::Usage(if shown.is_empty() {
                    format!("no article or node with id {query:?}")
                } else {
                    format!(
                        "no article or node with id {query:?}; did you mean {}?",
                        shown.join(", ")
                    )
                }))
            }
            many => {
                let shown: Vec<&str> = many.iter().take(8).map(|m| m.1).collect();
                Err(Error::Usage(format!(
                    "{query:?} fits {} articles: {}{}; give more of the id",
                    many.len(),
                    shown.join(", "),
                    if many.len() > 8 { ", …" } else { "" }
                )))
            }
        }
    }

    /// The node at `ix`.
    ///
    /// # Panics
    /// When `ix` is not a node of this graph.
    pub fn node(&self, ix: NodeIndex) -> &Node {
        &self.graph[ix]
    }

    /// Every node, sorted by id.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &Node)> {
        self.graph
            .node_indices()
            .map(move |ix| (ix, &self.graph[ix]))
    }

    /// Every edge, sorted by (from id, to id, kind).
    pub fn edges(&self) -> impl Iterator<Item = EdgeRef<'_>> {
        self.graph.edge_references().map(move |e| EdgeRef {
            index: e.id(),
            from: &self.graph[e.source()],
            to: &self.graph[e.target()],
            edge: e.weight(),
        })
    }

    /// Edges leaving (`Outgoing`) or entering (`Incoming`) `ix`, in edge order.
    pub fn edges_of(
        &self,
        ix: NodeIndex,
        direction: Direction,
    ) -> impl Iterator<Item = (NodeIndex, EdgeIndex, &Edge)> {
        let mut list: Vec<(NodeIndex, EdgeIndex, &Edge)> = self
            .graph
            .edges_directed(ix, direction)
            .map(|e| {
                let other = if direction == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                (other, e.id(), e.weight())
            })
            .collect();
        list.sort_by_key(|(_, e, _)| *e);
        list.into_iter()
    }

    /// The ends of edge `e`.
    pub fn ends(&self, e: EdgeIndex) -> Option<(NodeIndex, NodeIndex)> {
        self.graph.edge_endpoints(e)
    }

    /// A copy of the graph keeping only the edges `keep` accepts. Nodes left
    /// without any edge are dropped, except articles.
    pub fn filter(&self, keep: impl Fn(&Node, &Node, &Edge) -> bool) -> Self {
        let mut parts = Parts::default();
        let mut used: BTreeSet<NodeIndex> = BTreeSet::new();
        for e in self.graph.edge_references() {
            let (a, b) = (&self.graph[e.source()], &self.graph[e.target()]);
            if keep(a, b, e.weight()) {
                used.insert(e.source());
                used.insert(e.target());
                parts.edge(&a.id, &b.id, e.weight().clone());
            }
        }
        for (ix, node) in self.nodes() {
            if node.kind == NodeKind::Article || used.contains(&ix) {
                parts.node(node.clone());
            }
        }
        parts.finish(self.level)
    }

    /// The nodes within `depth` edges (either direction) of node `id`
    /// (a node id or an article id), with the edges among them.
    ///
    /// # Errors
    /// [`Error::Usage`] when no node has that id.
    pub fn neighbourhood(&self, id: &str, depth: usize) -> Result<Self> {
        let start = self.resolve(id)?;
        let mut seen: BTreeSet<NodeIndex> = BTreeSet::from([start]);
        let mut queue = VecDeque::from([(start, 0usize)]);
        while let Some((ix, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            let mut next: Vec<NodeIndex> = self.graph.neighbors_undirected(ix).collect();
            next.sort();
            for n in next {
                if seen.insert(n) {
                    queue.push_back((n, d + 1));
                }
            }
        }
        Ok(self.induced(&seen))
    }

    /// The subgraph induced by `keep`.
    pub fn induced(&self, keep: &BTreeSet<NodeIndex>) -> Self {
        let mut parts = Parts::default();
        for &ix in keep {
            parts.node(self.graph[ix].clone());
        }
        for e in self.graph.edge_references() {
            if keep.contains(&e.source()) && keep.contains(&e.target()) {
                parts.edge(
                    &self.graph[e.source()].id,
                    &self.graph[e.target()].id,
                    e.weight().clone(),
                );
            }
        }
        parts.finish(self.level)
    }

    /// Articles collapsed into their outlets: an article with a known outlet
    /// becomes that outlet's node (articles without one stay as they are),
    /// and edges between the same two nodes add up their weights.
    pub fn collapse_outlets(&self) -> Self {
        outlet::collapse(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(g: &ProvenanceGraph, kind: EdgeKind) -> Vec<(String, String)> {
        g.edges()
            .filter(|e| e.edge.kind() == kind)
            .map(|e| (e.from.id.clone(), e.to.id.clone()))
            .collect()
    }

    #[test]
    fn seeds_build_the_story() {
        let g = ProvenanceGraph::build(&fixture::seeds());
        let a = |n: &str| format!("article:{n}");
        assert!(g.find("outlet:ians").is_some());
        assert!(g.find("person:anna-mahjar-barducci").is_some());
        assert!(g.find("org:memri").is_some());
        assert_eq!(
            ids(&g, EdgeKind::ResolvesTo),
            vec![("report:memri".to_string(), a("004_ffd583650c503103"))]
        );
        let copies = ids(&g, EdgeKind::Copies);
        assert!(copies.contains(&(a("004_ffd583650c503103"), a("000_bbfaf4c79d009b75"))));
        assert!(copies.contains(&(a("000_bbfaf4c79d009b75"), a("003_42e9713d4d8883b4"))));
        // Two attributions of 000 to the report make one edge with count 2.
        let cites = g
            .edges()
            .find(|e| e.from.id == a("000_bbfaf4c79d009b75") && e.to.id == "report:memri")
            .expect("000 cites the report");
        assert_eq!(cites.edge.weight, 2);
        assert!(
            matches!(&cites.edge.data, EdgeData::Cites { count: 2, cues, .. } if cues == &["added", "said"])
        );
        // 004's unnamed sources are one vague node.
        let vague = g.find("vague:004_ffd583650c503103").expect("vague node");
        assert_eq!(g.node(vague).kind, NodeKind::Vague);
        assert!(g.edges().any(|e| e.to.id == "outlet:news18"));
    }

    #[test]
    fn several_sources_draw_several_edges_and_unresolved_ones_none() {
        let mut analysis = fixture::seeds();
        let a0 = "article:000_bbfaf4c79d009b75";
        let list = &mut analysis.attributions[0];
        list[0].also.push(crate::entities::EntityRef {
            id: "outlet:news18".into(),
            name: "News18".into(),
            kind: crate::entities::EntityKind::Outlet,
        });
        let evidence = list[0].cue.clone();
        list[1].entity = None;
        list[1].vague = false;
        let g = ProvenanceGraph::build(&analysis);
        // One attribution naming two sources: an edge to each, same evidence.
        for to in ["report:memri", "outlet:news18"] {
            let e = g
                .edges()
                .find(|e| e.from.id == a0 && e.to.id == to)
                .expect("edge");
            let EdgeData::Cites { evidence: ev, .. } = &e.edge.data else {
                panic!("cites");
            };
            assert!(ev.iter().any(|x| x.cue == evidence));
        }
        // An unresolved source draws no edge and no node; the article counts it.
        assert!(g.nodes().all(|(_, n)| !n.id.starts_with("unresolved:")));
        let art = g.node(g.find(a0).expect("article"));
        assert_eq!(
            art.article.as_ref().map(|i| i.unresolved_attributions),
            Some(1)
        );
    }

    #[test]
    fn build_is_deterministic_and_sorted() {
        let g1 = ProvenanceGraph::build(&fixture::seeds());
        let g2 = ProvenanceGraph::build(&fixture::seeds());
        let n1: Vec<&str> = g1.nodes().map(|(_, n)| n.id.as_str()).collect();
        let n2: Vec<&str> = g2.nodes().map(|(_, n)| n.id.as_str()).collect();
        assert_eq!(n1, n2);
        let mut sorted = n1.clone();
        sorted.sort_unstable();
        assert_eq!(n1, sorted);
    }

    #[test]
    fn no_resolution_without_a_publisher_match() {
        let mut analysis = fixture::seeds();
        analysis.corpus.articles[4].meta.affiliation = None;
        let g = ProvenanceGraph::build(&analysis);
        assert!(ids(&g, EdgeKind::ResolvesTo).is_empty());
    }

    #[test]
    fn no_resolution_without_copied_text() {
        let mut analysis = fixture::seeds();
        analysis
            .copies
            .retain(|p| p.origin != "004_ffd583650c503103");
        let g = ProvenanceGraph::build(&analysis);
        assert!(ids(&g, EdgeKind::ResolvesTo).is_empty());
    }

    #[test]
    fn neighbourhood_and_filters() {
        let g = ProvenanceGraph::build(&fixture::seeds());
        let n = g.neighbourhood("003_42e9713d4d8883b4", 1).expect("found");
        let ids: Vec<&str> = n.nodes().map(|(_, n)| n.id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "article:000_bbfaf4c79d009b75",
                "article:003_42e9713d4d8883b4",
                "report:memri"
            ]
        );
        assert!(g.neighbourhood("nope", 1).is_err());
        // A unique prefix of an article id is enough; an ambiguous one is not.
        let short = g.neighbourhood("003", 1).expect("prefix");
        assert_eq!(short.node_count(), 3);
        let err = g.resolve("00").unwrap_err().to_string();
        assert!(err.contains("fits 5 articles"), "{err}");
        let err = g.resolve("003_42e9713d4d8883bX").unwrap_err().to_string();
        assert!(err.contains("did you mean 003_42e9713d4d8883b4"), "{err}");
        let copies = g.filter(|_, _, e| e.kind() == EdgeKind::Copies);
        assert!(copies.edges().all(|e| e.edge.kind() == EdgeKind::Copies));
        assert_eq!(copies.edge_count(), 5);
        // Articles stay, sources without edges go.
        assert_eq!(copies.node_count(), 5);
    }

    #[test]
    fn outlets_collapse_with_counts() {
        let g = ProvenanceGraph::build(&fixture::seeds()).collapse_outlets();
        assert_eq!(g.level(), Level::Outlet);
        let ians = g.find("outlet:ians").expect("IANS");
        assert_eq!(
            g.node(ians).members,
            vec![
                "article:000_bbfaf4c79d009b75",
                "article:002_09fa0e9ca044ba63"
            ]
        );
        assert!(g.find("article:000_bbfaf4c79d009b75").is_none());
        // 000 and 002 both cite the report: one edge, weight 3 (2 + 1).
        let e = g
            .edges()
            .find(|e| e.from.id == "outlet:ians" && e.to.id == "report:memri")
            .expect("edge");
        assert_eq!(e.edge.weight, 3);
        // 004 → 000 and 004 → 002 become one edge of weight 2.
        let e = g
            .edges()
            .find(|e| e.from.id == "article:004_ffd583650c503103" && e.to.id == "outlet:ians")
            .expect("edge");
        assert_eq!(e.edge.weight, 2);
    }
}
