//! Stories: the articles that belong together because information moved
//! between them.
//!
//! Two articles are in one story when text was copied between them (a
//! `copies` edge, directed or not), when one cites a report or document
//! that *is* the other (`cites` → `resolves-to`), or when one quotes the
//! other's statement altered (a `quote-check` edge with an altered verdict:
//! the desk reads the quote beside its source). House reuse and shared
//! quotes join nothing: an outlet's background and a speaker quoted twice
//! are not one story. A story is a connected
//! component of that relation (union–find over the edges, linear in the
//! graph). Articles linked to nothing are no story: a desk reads stories
//! first and the rest as an index.
//!
//! Each story also lists the named sources its articles cite (not the vague
//! or unresolved ones), most-cited first, so a picture of the story can show where its
//! information is said to come from.

use std::collections::{BTreeMap, HashMap};

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use serde::Serialize;

use crate::graph::ProvenanceGraph;
use crate::graph::model::{EdgeData, EdgeKind, NodeKind};

/// One connected group of articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// Article node ids, earliest first (undated last, then by id).
    pub articles: Vec<String>,
    /// Named sources the articles cite or quote (node ids), most-cited first.
    pub sources: Vec<String>,
}

/// Union–find with path halving.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Every story of two or more articles, largest first (then by first id).
pub fn stories(graph: &ProvenanceGraph) -> Vec<Story> {
    let n = graph.node_count();
    let mut sets = Sets((0..n).collect());
    let is_article = |ix: NodeIndex| graph.node(ix).kind == NodeKind::Article;
    for e in graph.edges() {
        let Some((a, b)) = graph.ends(e.index) else {
            continue;
        };
        match e.edge.kind() {
            EdgeKind::Copies if is_article(a) && is_article(b) => {
                sets.join(a.index(), b.index());
            }
            EdgeKind::QuoteCheck if is_article(a) && is_article(b) => {
                if matches!(&e.edge.data, EdgeData::QuoteCheck { verdicts, .. } if verdicts.altered > 0)
                {
                    sets.join(a.index(), b.index());
                }
            }
            EdgeKind::ResolvesTo if is_article(b) => {
                // Everyone citing this report is tied to the article it is.
                for (citer, _, edge) in graph.edges_of(a, Direction::Incoming) {
                    if edge.kind().is_citation() && is_article(citer) {
                        sets.join(citer.index(), b.index());
                    }
                }
            }
            _ => {}
        }
    }
    let mut groups: BTreeMap<usize, Vec<NodeIndex>> = BTreeMap::new();
    for (ix, node) in graph.nodes() {
        if node.kind == NodeKind::Article {
            groups.entry(sets.find(ix.index())).or_default().push(ix);
        }
    }
    let mut out: Vec<Story> = groups
        .into_values()
        .filter(|members| members.len() > 1)
        .map(|members| story(graph, &members))
        .collect();
    out.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then_with(|| a.articles.cmp(&b.articles))
    });
    out
}

fn story(graph: &ProvenanceGraph, members: &[NodeIndex]) -> Story {
    let mut ordered: Vec<NodeIndex> = members.to_vec();
    ordered.sort_by(|&a, &b| {
        let date = |ix: NodeIndex| graph.node(ix).article.as_ref().and_then(|i| i.date);
        match (date(a), date(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| graph.node(a).id.cmp(&graph.node(b).id))
    });
    let mut cited: HashMap<NodeIndex, usize> = HashMap::new();
    for &m in members {
        for (to, _, edge) in graph.edges_of(m, Direction::Outgoing) {
            if edge.kind().is_citation()
                && edge.kind() != EdgeKind::ResolvesTo
                && graph.node(to).is_named_source()
            {
                *cited.entry(to).or_default() += edge.weight;
            }
        }
    }
    let mut sources: Vec<(NodeIndex, usize)> = cited.into_iter().collect();
    sources.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| graph.node(a.0).id.cmp(&graph.node(b.0).id))
    });
    Story {
        articles: ordered
            .into_iter()
            .map(|ix| graph.node(ix).id.clone())
            .collect(),
        sources: sources
            .into_iter()
            .map(|(ix, _)| graph.node(ix).id.clone())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fixture;

    #[test]
    fn the_seed_corpus_is_one_story() {
        let g = ProvenanceGraph::build(&fixture::seeds());
        let s = stories(&g);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].articles.len(), 5);
        // 001 (September 2025) comes first; the MEMRI report is the most cited source.
        assert_eq!(s[0].articles[0], "article:001_7a5be3d7303584e7");
        assert_eq!(s[0].sources[0], "report:memri");
        assert!(!s[0].sources.iter().any(|id| id.starts_with("vague:")));
    }

    #[test]
    fn articles_linked_to_nothing_are_no_story() {
        let mut analysis = fixture::seeds();
        analysis.copies.clear();
        let g = ProvenanceGraph::build(&analysis);
        assert!(stories(&g).is_empty());
    }
}
