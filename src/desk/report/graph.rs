//! The picture of one story, cut from the provenance graph.
//!
//! A [`GraphView`] is what [`crate::export::report::svg`] draws: the story's articles, the
//! named sources they cite (the most cited few), and the edges among them as
//! the provenance graph has them — copied text (origin → copy), shared text
//! whose direction is undecided, credits (source → article), a cited
//! report that *is* an article of the story, and the relations that accuse
//! no one (house reuse, a shared quote, a quote found in another article),
//! drawn apart. It is a drawing of the model, not a second analysis: every
//! node and edge comes from [`ProvenanceGraph`], the sources from the graph's
//! story ([`crate::graph::analysis::Story::sources`]).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::article::Date;
use crate::graph::ProvenanceGraph;
use crate::graph::model::{EdgeKind as ModelEdge, NodeKind as ModelNode};

/// Named sources drawn per story, most cited first.
pub const MAX_SOURCES_DRAWN: usize = 10;

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    /// An article of the corpus.
    Article,
    /// A credited source that is not an article of the story.
    External,
}

/// A node of the drawn graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// Stable key: the article id, or `entity:` + the graph node id.
    pub key: String,
    /// First line of the label (outlet and date, or source name).
    pub label: String,
    /// Second line (title, or the source's kind).
    pub sub: String,
    /// Article or external source.
    pub kind: NodeKind,
    /// Date, for ordering.
    pub date: Option<Date>,
    /// Number of findings on it.
    pub warnings: usize,
}

/// What an edge means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EdgeKind {
    /// Copied text, direction known.
    Copied,
    /// Shared text, direction undecided.
    SharesText,
    /// The target article credits the source node.
    Credits,
    /// A relation that is no copy claim: house reuse, both quote one
    /// speaker, a quote found in the other article.
    Relation,
}

/// An edge of the drawn graph (indices into `nodes`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    /// Where information came from.
    pub from: usize,
    /// Where it went.
    pub to: usize,
    /// Copy or credit.
    pub kind: EdgeKind,
    /// Short label ("near-verbatim 0.82", "credited").
    pub label: String,
}

/// The graph the report draws for one story.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GraphView {
    /// Nodes: the story's articles earliest first, then its sources.
    pub nodes: Vec<Node>,
    /// Edges, sorted.
    pub edges: Vec<Edge>,
}

impl GraphView {
    /// The picture of a story: `articles` (ids, earliest first) and the
    /// first [`MAX_SOURCES_DRAWN`] of `sources` (node ids, most cited first);
    /// `warnings` counts findings per article id.
    pub fn of_story(
        graph: &ProvenanceGraph,
        articles: &[String],
        sources: &[String],
        warnings: &HashMap<String, usize>,
    ) -> Self {
        let mut nodes = Vec::new();
        let mut at: HashMap<petgraph::graph::NodeIndex, usize> = HashMap::new();
        for id in articles {
            let Some(ix) = graph.find(&format!("article:{id}")) else {
                continue;
            };
            let info = graph.node(ix).article.as_ref();
            let date = info.and_then(|i| i.date.or(i.date_floor));
            let when = match info.and_then(|i| i.date) {
                Some(d) => d.to_string(),
                None => info
                    .and_then(|i| i.date_floor)
                    .map_or_else(|| "undated".into(), |d| format!("≥ {d}")),
            };
            let outlet = info
                .and_then(|i| i.outlet.clone())
                .unwrap_or_else(|| "unknown outlet".into());
            at.insert(ix, nodes.len());
            nodes.push(Node {
                key: id.clone(),
                label: format!("{outlet} · {when}"),
                sub: graph.node(ix).name.clone(),
                kind: NodeKind::Article,
                date,
                warnings: warnings.get(id).copied().unwrap_or(0),
            });
        }
        // The named sources the story cites, most cited first (the graph's story).
        for ix in sources
            .iter()
            .filter_map(|id| graph.find(id))
            .take(MAX_SOURCES_DRAWN)
        {
            let node = graph.node(ix);
            at.insert(ix, nodes.len());
            nodes.push(Node {
                key: format!("entity:{}", node.id),
                label: node.name.clone(),
                sub: source_kind(node.kind).to_string(),
                kind: NodeKind::External,
                date: None,
                warnings: 0,
            });
        }
        let mut edges: BTreeMap<(usize, usize, u8), Edge> = BTreeMap::new();
        for (&ix, &i) in &at {
            for (to, _, e) in graph.edges_of(ix, petgraph::Direction::Outgoing) {
                let Some(&j) = at.get(&to) else { continue };
                match e.kind() {
                    ModelEdge::Copies => {
                        let directed = e.is_directed();
                        edges.insert(
                            (i, j, 0),
                            Edge {
                                from: i,
                                to: j,
                                kind: if directed {
                                    EdgeKind::Copied
                                } else {
                                    EdgeKind::SharesText
                                },
                                label: e.summary().trim_start_matches("copies ").to_string(),
                            },
                        );
                    }
                    // Article cites source: drawn as information flowing source → article.
                    ModelEdge::Cites | ModelEdge::Quotes => {
                        edges.insert(
                            (j, i, 1),
                            Edge {
                                from: j,
                                to: i,
                                kind: EdgeKind::Credits,
                                label: "credited".into(),
                            },
                        );
                    }
                    ModelEdge::HouseReuse | ModelEdge::SharesQuote | ModelEdge::QuoteCheck => {
                        let label = match e.kind() {
                            ModelEdge::HouseReuse => "house reuse".to_string(),
                            _ => e.summary().replace("quote-check: ", "quote "),
                        };
                        // One undirected relation line per pair of articles: the
                        // relations both ways share one label, so two parallel lines
                        // never draw their labels over each other.
                        let key = (i.min(j), i.max(j), 3);
                        match edges.get_mut(&key) {
                            Some(edge) if !edge.label.split("; ").any(|l| l == label) => {
                                edge.label = format!("{}; {label}", edge.label);
                            }
                            Some(_) => {}
                            None => {
                                edges.insert(
                                    key,
                                    Edge {
                                        from: i,
                                        to: j,
                                        kind: EdgeKind::Relation,
                                        label,
                                    },
                                );
                            }
                        }
                    }
                    // A cited report that is an article of the story.
                    ModelEdge::ResolvesTo => {
                        edges.insert(
                            (i, j, 2),
                            Edge {
                                from: i,
                                to: j,
                                kind: EdgeKind::Credits,
                                label: "is this article".into(),
                            },
                        );
                    }
                    _ => {}
                }
            }
        }
        GraphView {
            nodes,
            edges: edges.into_values().collect(),
        }
    }
}

fn source_kind(kind: ModelNode) -> &'static str {
    match kind {
        ModelNode::Report => "report",
        ModelNode::Outlet => "outlet",
        ModelNode::Organization => "organisation",
        ModelNode::Person => "person",
        ModelNode::Document => "document",
        ModelNode::Article => "article",
        ModelNode::Vague => "unnamed sources",
        ModelNode::Unknown => "source",
    }
}
