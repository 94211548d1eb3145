//! Relations a desk should know about that accuse no one: an outlet reusing
//! its own passages (house reuse), two articles quoting one speaker (shared
//! quotes), and the verdicts on quotes checked against another article.
//!
//! Each is read off the graph's own edges (`house-reuse`, `shares-quote`,
//! `quote-check`) and the article nodes' quote tallies, so `graph` and
//! `report` count them from one place. Only an **altered** quote is a finding
//! a desk acts on; the rest are counts and context.

use serde::Serialize;

use crate::graph::ProvenanceGraph;
use crate::graph::model::{EdgeData, NodeKind, QuoteTally, Verdict, article_label_of};
use crate::quotes::diff::{Change, Run};
use crate::span::Span;

/// One outlet reusing passages of its own earlier story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HouseReuse {
    /// The earlier story's node id (or the first of an undirected pair).
    pub origin: String,
    /// The later story's node id.
    pub copy: String,
    /// The edge in a few words ("house reuse verbatim 0.21").
    pub summary: String,
}

/// Two articles quoting the same speaker, sharing nothing else.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedQuote {
    /// The first article's node id.
    pub a: String,
    /// The second article's node id.
    pub b: String,
    /// Who both quote, when attributions name them.
    pub speakers: Vec<String>,
}

/// A quote that differs from the same statement in another article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlteredQuote {
    /// The quoting article's node id.
    pub article: String,
    /// The node id of the article holding the statement.
    pub against: String,
    /// Who the quote is credited to, if known.
    pub speaker: Option<String>,
    /// The quote as written.
    pub quote: Span,
    /// The statement it was checked against.
    pub source: Span,
    /// 0.0–1.0 word similarity of the two.
    pub similarity: f64,
    /// The finding in one sentence.
    pub message: String,
    /// Word-level differences (left = the source statement, right = the quote).
    pub diff: Vec<Run>,
}

/// Quote verdicts across the graph.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Quotes {
    /// Every quote checked, by verdict (from the article nodes).
    pub tally: QuoteTally,
    /// Altered quotes, by article then position.
    pub altered: Vec<AlteredQuote>,
}

/// Every `house-reuse` edge, in edge order.
pub fn house_reuse(graph: &ProvenanceGraph) -> Vec<HouseReuse> {
    graph
        .edges()
        .filter(|e| matches!(e.edge.data, EdgeData::HouseReuse { .. }))
        .map(|e| HouseReuse {
            origin: e.from.id.clone(),
            copy: e.to.id.clone(),
            summary: e.edge.summary(),
        })
        .collect()
}

/// Every `shares-quote` edge, in edge order.
pub fn shared_quotes(graph: &ProvenanceGraph) -> Vec<SharedQuote> {
    graph
        .edges()
        .filter_map(|e| match &e.edge.data {
            EdgeData::SharesQuote { speakers, .. } => Some(SharedQuote {
                a: e.from.id.clone(),
                b: e.to.id.clone(),
                speakers: speakers.clone(),
            }),
            _ => None,
        })
        .collect()
}

/// The verdict tally of every article node and each altered quote found
/// against another article (`quote-check` edges).
pub fn quotes(graph: &ProvenanceGraph) -> Quotes {
    let mut tally = QuoteTally::default();
    for (_, node) in graph.nodes() {
        if node.kind == NodeKind::Article
            && let Some(info) = &node.article
        {
            tally.absorb(info.quotes);
        }
    }
    let mut altered = Vec::new();
    for e in graph.edges() {
        let EdgeData::QuoteCheck { checks, .. } = &e.edge.data else {
            continue;
        };
        for c in checks.iter().filter(|c| c.status == Verdict::Altered) {
            let words = |change: Change| {
                c.diff
                    .iter()
                    .filter(|r| r.change == change)
                    .map(|r| r.text.split_whitespace().count())
                    .sum::<usize>()
            };
            altered.push(AlteredQuote {
                article: e.to.id.clone(),
                against: e.from.id.clone(),
                speaker: c.speaker.clone(),
                quote: c.quote.clone(),
                source: c.against.clone(),
                similarity: c.similarity,
                message: format!(
                    "quote differs from the same statement in {}: {} word(s) dropped, {} added or changed",
                    article_label_of(e.from),
                    words(Change::Removed),
                    words(Change::Added)
                ),
                diff: c.diff.clone(),
            });
        }
    }
    altered.sort_by(|a, b| {
        (&a.article, a.quote.start, &a.against).cmp(&(&b.article, b.quote.start, &b.against))
    });
    Quotes { tally, altered }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fixture;

    #[test]
    fn seed_quotes_are_tallied_and_altered_ones_listed() {
        let g = ProvenanceGraph::build(&fixture::seeds());
        let q = quotes(&g);
        assert!(q.tally.total() > 0);
        assert_eq!(q.tally.altered, q.altered.len());
        for a in &q.altered {
            assert_ne!(a.article, a.against);
            assert!(a.message.contains("word(s) dropped"), "{}", a.message);
            assert!(a.diff.iter().any(|r| r.change != Change::Same));
        }
    }

    #[test]
    fn house_reuse_and_shared_quotes_come_from_their_edges() {
        let mut analysis = fixture::seeds();
        let pair = analysis.copies.pop().expect("a pair");
        analysis.house.push(pair.clone());
        analysis.shared_quotes.push(crate::reuse::SharedQuote {
            a: pair.origin.clone(),
            b: pair.copy.clone(),
            speakers: vec!["Someone".into()],
            passages: Vec::new(),
            evidence: Vec::new(),
        });
        let g = ProvenanceGraph::build(&analysis);
        let house = house_reuse(&g);
        assert_eq!(house.len(), 1);
        assert!(house[0].summary.starts_with("house reuse"), "{house:?}");
        let shared = shared_quotes(&g);
        assert_eq!(shared.len(), 1);
        assert_eq!(shared[0].speakers, vec!["Someone"]);
    }
}
