//! The provenance graph as the report draws it.
//!
//! Nodes are the articles, plus the sources articles credit that are not in
//! the corpus (a report, an agency, a person). Edges run the way information
//! flowed: origin → copy for copied text, source → article for a credit.

use std::collections::{BTreeMap, HashMap};

use petgraph::algo::tarjan_scc;
use petgraph::graph::DiGraph;
use serde::Serialize;

use crate::analysis::Analysis;
use crate::article::Date;
use crate::desk::sources;
use crate::entities::EntityKind;

use super::Flag;

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    /// An article of the corpus.
    Article,
    /// A credited source that is not in the corpus.
    External,
}

/// A node of the drawn graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// Stable key: the article id, or `entity:` + entity id.
    pub key: String,
    /// First line of the label (article id or source name).
    pub label: String,
    /// Second line (outlet and date, or source kind).
    pub sub: String,
    /// Article or external source.
    pub kind: NodeKind,
    /// Date (or floor), for ordering.
    pub date: Option<Date>,
    /// Number of warning flags on it.
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
    /// Short label ("near-verbatim 0.82", "credits").
    pub label: String,
}

/// The graph the report draws.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GraphView {
    /// Nodes: articles in corpus order, then external sources by key.
    pub nodes: Vec<Node>,
    /// Edges, sorted.
    pub edges: Vec<Edge>,
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Report => "report",
        EntityKind::Outlet => "outlet",
        EntityKind::Organization => "organisation",
        EntityKind::Person => "person",
        EntityKind::Document => "document",
        EntityKind::Unknown => "source",
    }
}

impl GraphView {
    /// Builds the graph from the analysis; `flags` mark nodes that need attention.
    pub fn from_analysis(analysis: &Analysis, flags: &[Flag]) -> Self {
        let articles = &analysis.corpus.articles;
        // Warnings per article, counted once (not a scan of every flag per article).
        let mut warned: HashMap<&str, usize> = HashMap::new();
        for f in flags.iter().filter(|f| f.kind.is_warning()) {
            *warned.entry(f.article.as_str()).or_default() += 1;
        }
        let mut nodes: Vec<Node> = articles
            .iter()
            .map(|a| {
                let date = sources::effective_date(a);
                let when = match date {
                    Some((d, false)) => d.to_string(),
                    Some((d, true)) => format!("≥ {d}"),
                    None => "undated".into(),
                };
                Node {
                    key: a.id.clone(),
                    label: a.id.clone(),
                    sub: format!("{} · {when}", a.outlet().unwrap_or("unknown outlet")),
                    kind: NodeKind::Article,
                    date: date.map(|d| d.0),
                    warnings: warned.get(a.id.as_str()).copied().unwrap_or(0),
                }
            })
            .collect();
        let index: HashMap<&str, usize> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut edges: BTreeMap<(usize, usize, u8), Edge> = BTreeMap::new();
        for p in &analysis.copies {
            let (Some(&o), Some(&c)) = (index.get(p.origin.as_str()), index.get(p.copy.as_str()))
            else {
                continue;
            };
            let kind = if p.directed {
                EdgeKind::Copied
            } else {
                EdgeKind::SharesText
            };
            let tier = serde_json::to_value(p.tier)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            edges.insert(
                (o, c, 0),
                Edge {
                    from: o,
                    to: c,
                    kind,
                    label: format!("{tier} {:.2}", p.score),
                },
            );
        }
        let by_name = ArticlesByName::new(articles);
        let mut external: BTreeMap<String, usize> = BTreeMap::new();
        for (i, attrs) in analysis.attributions.iter().enumerate() {
            for e in attrs
                .iter()
                .filter(|a| !a.vague)
                .filter_map(|a| a.entity.as_ref())
            {
                let by = by_name.sources_of(articles, e, i);
                let sources: Vec<usize> = if by.is_empty() {
                    let key = format!("entity:{}", e.id);
                    let next = nodes.len();
                    let n = *external.entry(key.clone()).or_insert(next);
                    if n == next {
                        nodes.push(Node {
                            key,
                            label: e.name.clone(),
                            sub: format!("{} · not in corpus", kind_name(e.kind)),
                            kind: NodeKind::External,
                            date: None,
                            warnings: 0,
                        });
                    }
                    vec![n]
                } else {
                    by
                };
                for s in sources {
                    edges.entry((s, i, 1)).or_insert(Edge {
                        from: s,
                        to: i,
                        kind: EdgeKind::Credits,
                        label: "credited".into(),
                    });
                }
            }
        }
        GraphView {
            nodes,
            edges: edges.into_values().collect(),
        }
    }
}

/// The articles of a corpus by the name keys of their outlet, author and
/// affiliation ([`sources::name_keys`]), so "which articles can be the
/// source this article credits" is a look-up, not a question put to every
/// article for every credit (which made `report` quadratic in articles).
pub struct ArticlesByName {
    by_key: HashMap<String, Vec<usize>>,
}

impl ArticlesByName {
    /// Indexes `articles`.
    pub fn new(articles: &[crate::article::Article]) -> Self {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (j, a) in articles.iter().enumerate() {
            for name in sources::article_names(a) {
                for key in sources::name_keys(name) {
                    by_key.entry(key).or_default().push(j);
                }
            }
        }
        ArticlesByName { by_key }
    }

    /// Indices (ascending) of the articles other than `citing` that
    /// [`sources::is_source_of`] accepts as `entity` for article `citing`:
    /// the same answer as asking every article.
    pub fn sources_of(
        &self,
        articles: &[crate::article::Article],
        entity: &crate::entities::EntityRef,
        citing: usize,
    ) -> Vec<usize> {
        let mut by: Vec<usize> = sources::name_keys(&entity.name)
            .iter()
            .filter_map(|k| self.by_key.get(k))
            .flatten()
            .copied()
            .filter(|&j| {
                j != citing && sources::is_source_of(&articles[j], entity, &articles[citing])
            })
            .collect();
        by.sort_unstable();
        by.dedup();
        by
    }
}

/// Groups of articles that source each other in a loop (through directed
/// copies and credits), each sorted, the groups sorted.
pub fn article_cycles(analysis: &Analysis) -> Vec<Vec<String>> {
    let view = GraphView::from_analysis(analysis, &[]);
    let mut g: DiGraph<usize, ()> = DiGraph::new();
    let ids: Vec<_> = (0..view.nodes.len()).map(|i| g.add_node(i)).collect();
    for e in &view.edges {
        if e.kind != EdgeKind::SharesText
            && view.nodes[e.from].kind == NodeKind::Article
            && view.nodes[e.to].kind == NodeKind::Article
        {
            g.add_edge(ids[e.from], ids[e.to], ());
        }
    }
    let mut cycles: Vec<Vec<String>> = tarjan_scc(&g)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| {
            let mut v: Vec<String> = c.iter().map(|&n| view.nodes[g[n]].key.clone()).collect();
            v.sort();
            v
        })
        .collect();
    cycles.sort();
    cycles
}
