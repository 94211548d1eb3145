//! Precision, recall and F1 of predicted attributions against gold ones.
//!
//! Spans are compared two ways: **exact** (the same character ranges) and
//! **overlap** (at least one character in common). Matching is one-to-one
//! and greedy in text order, so a prediction counts once. Scored: cue,
//! source and content spans on their own; cue+source pairs of one relation;
//! and whole relations (cue, source and content all matching).

use serde::Serialize;

use super::brat::{Ranges, Relation};
use crate::span::Range;

/// How two spans must agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Match {
    /// Same ranges.
    Exact,
    /// At least one shared character.
    Overlap,
}

/// Counts for one measure; precision, recall and F1 derive from them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Gold items.
    pub gold: usize,
    /// Predicted items.
    pub predicted: usize,
    /// One-to-one matches.
    pub matched: usize,
}

impl Counts {
    /// Adds another document's counts.
    pub fn add(&mut self, other: Counts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.matched += other.matched;
    }

    /// matched / predicted (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }

    /// matched / gold (0 when there is no gold).
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// True when the two span sets agree under `m`.
pub fn agree(a: &[Range], b: &[Range], m: Match) -> bool {
    match m {
        Match::Exact => trim_eq(a, b),
        Match::Overlap => a.iter().any(|x| b.iter().any(|y| x.overlaps(*y))),
    }
}

fn trim_eq(a: &[Range], b: &[Range]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// One-to-one greedy matching of `pred` to `gold` under `same`.
pub fn count<T>(gold: &[T], pred: &[T], same: impl Fn(&T, &T) -> bool) -> Counts {
    let mut used = vec![false; gold.len()];
    let mut matched = 0;
    for p in pred {
        if let Some(i) = (0..gold.len()).find(|&i| !used[i] && same(&gold[i], p)) {
            used[i] = true;
            matched += 1;
        }
    }
    Counts {
        gold: gold.len(),
        predicted: pred.len(),
        matched,
    }
}

fn unique(mut v: Vec<Ranges>) -> Vec<Ranges> {
    v.sort();
    v.dedup();
    v
}

/// All the measures for one document (or summed over many).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Scores {
    /// Cue spans, exact.
    pub cue_exact: Counts,
    /// Cue spans, overlap.
    pub cue_overlap: Counts,
    /// Source spans, exact.
    pub source_exact: Counts,
    /// Source spans, overlap.
    pub source_overlap: Counts,
    /// Content spans, exact.
    pub content_exact: Counts,
    /// Content spans, overlap.
    pub content_overlap: Counts,
    /// Cue and source of one relation, exact.
    pub cue_source_exact: Counts,
    /// Cue and source of one relation, overlap (a relation without a source
    /// matches one without a source).
    pub cue_source_overlap: Counts,
    /// Cue, source and content of one relation, exact.
    pub relation_exact: Counts,
    /// Cue, source and content of one relation, overlap.
    pub relation_overlap: Counts,
}

impl Scores {
    /// Adds another document's scores.
    pub fn add(&mut self, o: &Scores) {
        self.cue_exact.add(o.cue_exact);
        self.cue_overlap.add(o.cue_overlap);
        self.source_exact.add(o.source_exact);
        self.source_overlap.add(o.source_overlap);
        self.content_exact.add(o.content_exact);
        self.content_overlap.add(o.content_overlap);
        self.cue_source_exact.add(o.cue_source_exact);
        self.cue_source_overlap.add(o.cue_source_overlap);
        self.relation_exact.add(o.relation_exact);
        self.relation_overlap.add(o.relation_overlap);
    }

    /// The measures as (name, match, counts) rows, in display order.
    pub fn rows(&self) -> [(&'static str, Match, Counts); 10] {
        [
            ("cue", Match::Exact, self.cue_exact),
            ("cue", Match::Overlap, self.cue_overlap),
            ("source", Match::Exact, self.source_exact),
            ("source", Match::Overlap, self.source_overlap),
            ("content", Match::Exact, self.content_exact),
            ("content", Match::Overlap, self.content_overlap),
            ("cue+source", Match::Exact, self.cue_source_exact),
            ("cue+source", Match::Overlap, self.cue_source_overlap),
            ("relation", Match::Exact, self.relation_exact),
            ("relation", Match::Overlap, self.relation_overlap),
        ]
    }
}

/// Scores one document's predicted relations against its gold relations.
pub fn score(gold: &[Relation], pred: &[Relation]) -> Scores {
    let field = |rels: &[Relation], f: fn(&Relation) -> Option<Ranges>| {
        unique(
            rels.iter()
                .filter_map(f)
                .filter(|r| !r.is_empty())
                .collect(),
        )
    };
    let cue = |r: &Relation| Some(r.cue.clone());
    let source = |r: &Relation| r.source.clone();
    let content = |r: &Relation| Some(r.content.clone());
    let spans = |f: fn(&Relation) -> Option<Ranges>, m: Match| {
        count(&field(gold, f), &field(pred, f), |g, p| agree(g, p, m))
    };
    let src_agree = |g: &Relation, p: &Relation, m: Match| match (&g.source, &p.source) {
        (None, None) => true,
        (Some(a), Some(b)) => agree(a, b, m),
        _ => false,
    };
    let pair = |m: Match| {
        count(gold, pred, |g, p| {
            agree(&g.cue, &p.cue, m) && src_agree(g, p, m)
        })
    };
    let whole = |m: Match| {
        count(gold, pred, |g, p| {
            agree(&g.cue, &p.cue, m) && src_agree(g, p, m) && agree(&g.content, &p.content, m)
        })
    };
    Scores {
        cue_exact: spans(cue, Match::Exact),
        cue_overlap: spans(cue, Match::Overlap),
        source_exact: spans(source, Match::Exact),
        source_overlap: spans(source, Match::Overlap),
        content_exact: spans(content, Match::Exact),
        content_overlap: spans(content, Match::Overlap),
        cue_source_exact: pair(Match::Exact),
        cue_source_overlap: pair(Match::Overlap),
        relation_exact: whole(Match::Exact),
        relation_overlap: whole(Match::Overlap),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(cue: (usize, usize), src: Option<(usize, usize)>, content: (usize, usize)) -> Relation {
        Relation {
            cue: vec![Range::new(cue.0, cue.1)],
            source: src.map(|s| vec![Range::new(s.0, s.1)]),
            content: vec![Range::new(content.0, content.1)],
        }
    }

    #[test]
    fn exact_and_overlap() {
        let gold = [rel((10, 14), Some((0, 9)), (15, 40))];
        let pred = [
            rel((10, 14), Some((4, 9)), (15, 39)),
            rel((50, 54), None, (55, 60)),
        ];
        let s = score(&gold, &pred);
        assert_eq!(s.cue_exact.matched, 1);
        assert_eq!(s.cue_exact.predicted, 2);
        assert_eq!(s.source_exact.matched, 0);
        assert_eq!(s.source_overlap.matched, 1);
        assert_eq!(s.content_exact.matched, 0);
        assert_eq!(s.relation_overlap.matched, 1);
        assert!((s.cue_exact.precision() - 0.5).abs() < 1e-9);
        assert!((s.cue_exact.recall() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn matching_is_one_to_one() {
        let gold = [rel((0, 10), None, (20, 30))];
        let pred = [rel((0, 5), None, (20, 30)), rel((5, 10), None, (20, 30))];
        let s = score(&gold, &pred);
        assert_eq!(s.cue_overlap.matched, 1);
        assert_eq!(s.relation_overlap.matched, 1);
    }
}
