//! Pairs explained by a third article.
//!
//! When A and B share text only because both share it with C, the pair A–B
//! is not a copy edge of its own:
//!
//! - if C → A → … chains through (C → X → Y, Y's shared text with X's
//!   partner lying inside Y's text shared with C's copy, and X giving Y
//!   something C lacks — X's own changes), the pair is the redundant long
//!   side of a chain and is dropped — the best-explaining origin wins; when X
//!   gave Y nothing of its own, X and Y are siblings and C → Y stays;
//! - if C is the origin of both (siblings), A–B is kept but undirected: both
//!   took the text from C, and their dates say nothing about one copying the
//!   other;
//! - if directions are unknown, A–B is dropped only when C explains it better
//!   on both sides (stronger pairs covering its passages).

use std::collections::HashMap;

use crate::span::Range;

/// What the explanation pass needs to know about one pair.
#[derive(Debug, Clone)]
pub struct Edge {
    /// Article indices, `a < b`.
    pub a: usize,
    /// Second article index.
    pub b: usize,
    /// Passages: (range in a, range in b).
    pub passages: Vec<(Range, Range)>,
    /// Pair score.
    pub score: f64,
    /// `Some(true)` when `a` is the origin.
    pub a_is_origin: Option<bool>,
    /// For an undirected pair whose dates are a day apart: `Some(true)` when
    /// `a` is the earlier. Only a tie-break (see [`took_from`]).
    pub lean: Option<bool>,
}

/// What to do with a pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    /// Keep as it is.
    Keep,
    /// Keep, undirected: both derive from article `c`.
    Siblings(usize),
    /// Drop: explained by the chain through article `c`.
    Redundant(usize),
}

/// Share of `inner`'s characters covered by `outer` (both lists of ranges in one article).
fn covered(inner: &[Range], outer: &[Range]) -> f64 {
    let total: usize = inner.iter().map(Range::len).sum();
    if total == 0 {
        return 0.0;
    }
    let mut outer: Vec<Range> = outer.to_vec();
    outer.sort();
    let hit: usize = inner
        .iter()
        .map(|r| {
            outer
                .iter()
                .map(|o| o.end.min(r.end).saturating_sub(o.start.max(r.start)))
                .sum::<usize>()
                .min(r.len())
        })
        .sum();
    hit as f64 / total as f64
}

/// Characters of `inner` outside `outer` beyond which `inner` holds text of
/// its own (alignment ends may differ by a few words).
const SLACK_CHARS: usize = 60;

/// True when the ranges `inner` lie within `outer`: at least 90% covered and
/// no more than [`SLACK_CHARS`] characters outside. A derivative's own
/// paragraph passed on to its copy is a small share of a long story, but it
/// is text the source lacks.
fn within(inner: &[Range], outer: &[Range]) -> bool {
    let total: usize = inner.iter().map(Range::len).sum();
    let cov = covered(inner, outer);
    let outside = (total as f64 * (1.0 - cov)).round() as usize;
    cov >= 0.9 && outside <= SLACK_CHARS
}

/// The side of `edge` in article `x`.
fn side(edge: &Edge, x: usize) -> Vec<Range> {
    edge.passages
        .iter()
        .map(|(ra, rb)| if edge.a == x { *ra } else { *rb })
        .collect()
}

/// True when `edge` says `from` is the origin of `to`.
fn flows(edge: &Edge, from: usize) -> bool {
    match edge.a_is_origin {
        Some(true) => edge.a == from,
        Some(false) => edge.b == from,
        None => false,
    }
}

/// True when `edge` says its other article took the text from `c`, or is
/// undirected with `c` the earlier by a day. A wire source and a derivative
/// dated a day later by another outlet are undirected (the day decides
/// nothing alone); a later derivative then looks like a copy of both. Both
/// share with it only the source's text, so one of them is the common source,
/// and the day is enough to say which of the two it is.
fn took_from(edge: &Edge, c: usize) -> bool {
    flows(edge, c)
        || (edge.a_is_origin.is_none()
            && match edge.lean {
                Some(true) => edge.a == c,
                Some(false) => edge.b == c,
                None => false,
            })
}

/// Decides the fate of every edge (same order as `edges`): the redundant
/// long sides of chains are dropped, and siblings are found among all edges.
pub fn explain(edges: &[Edge]) -> Vec<Fate> {
    let redundant = pass(edges, &vec![false; edges.len()], true);
    // Siblings are found among all edges: a chain edge dropped as redundant
    // still says where both took the text from.
    let siblings = pass(edges, &vec![false; edges.len()], false);
    redundant
        .into_iter()
        .zip(siblings)
        .map(|(r, s)| {
            if matches!(r, Fate::Redundant(_)) {
                r
            } else {
                s
            }
        })
        .collect()
}

/// One pass over the edges not `gone`: looking for redundancy (`drop`) or siblings.
fn pass(edges: &[Edge], gone: &[bool], drop: bool) -> Vec<Fate> {
    let mut by_pair: HashMap<(usize, usize), usize> = HashMap::new();
    let mut neighbours: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, e) in edges.iter().enumerate() {
        if gone[k] {
            continue;
        }
        by_pair.insert((e.a, e.b), k);
        neighbours.entry(e.a).or_default().push(e.b);
        neighbours.entry(e.b).or_default().push(e.a);
    }
    let get = |x: usize, y: usize| by_pair.get(&(x.min(y), x.max(y))).map(|&k| &edges[k]);
    edges
        .iter()
        .enumerate()
        .map(|(k, e)| {
            if gone[k] {
                return Fate::Keep;
            }
            let (x, y) = (e.a, e.b);
            let mut cs: Vec<usize> = neighbours
                .get(&x)
                .map(|n| {
                    n.iter()
                        .copied()
                        .filter(|c| *c != y && get(*c, y).is_some())
                        .collect()
                })
                .unwrap_or_default();
            cs.sort_unstable();
            for c in cs {
                let (Some(xc), Some(yc)) = (get(x, c), get(y, c)) else {
                    continue;
                };
                let in_x = within(&side(e, x), &side(xc, x));
                let in_y = within(&side(e, y), &side(yc, y));
                if drop {
                    // Chain x → c → y: y's shared text with x lies in what y
                    // took from c, and c gave y something x does not have
                    // (c's own changes). Without the latter c and y are
                    // siblings that both took x's text, and x → y stays.
                    if flows(xc, x) && flows(yc, c) && in_y && !within(&side(yc, y), &side(e, y)) {
                        return Fate::Redundant(c);
                    }
                    if flows(yc, y) && flows(xc, c) && in_x && !within(&side(xc, x), &side(e, x)) {
                        return Fate::Redundant(c);
                    }
                    if xc.a_is_origin.is_none()
                        && yc.a_is_origin.is_none()
                        && in_x
                        && in_y
                        && xc.score > e.score
                        && yc.score > e.score
                    {
                        return Fate::Redundant(c);
                    }
                } else if in_x
                    && in_y
                    && (flows(xc, c) || flows(yc, c))
                    && took_from(xc, c)
                    && took_from(yc, c)
                {
                    return Fate::Siblings(c);
                }
            }
            Fate::Keep
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(a: usize, b: usize, ra: Range, rb: Range, score: f64, dir: Option<bool>) -> Edge {
        Edge {
            a,
            b,
            passages: vec![(ra, rb)],
            score,
            a_is_origin: dir,
            lean: None,
        }
    }

    #[test]
    fn chain_drops_the_long_side_and_siblings_stay_undirected() {
        let r = Range::new(0, 100);
        let own = Range::new(100, 150);
        // 0 → 1 → 2, and 0–2 is the long side: 1 gave 2 its own text too.
        let mut via = edge(1, 2, r, r, 0.9, Some(true));
        via.passages.push((own, own));
        let edges = [
            edge(0, 1, r, r, 0.9, Some(true)),
            via,
            edge(0, 2, r, r, 0.5, Some(true)),
        ];
        assert_eq!(
            explain(&edges),
            [Fate::Keep, Fate::Keep, Fate::Redundant(1)]
        );
        // 0 → 1 and 0 → 2 (which took more of 0 than 1 has): 1–2 are
        // siblings, even though their dates order them.
        let more = Range::new(200, 300);
        let mut wide = edge(0, 2, r, r, 0.9, Some(true));
        wide.passages.push((more, more));
        let edges = [
            edge(0, 1, r, r, 0.9, Some(true)),
            wide,
            edge(1, 2, r, r, 0.5, Some(true)),
        ];
        assert_eq!(explain(&edges), [Fate::Keep, Fate::Keep, Fate::Siblings(0)]);
        // 0 → 1, 0 → 2, and 1 (dated before 2) shares only 0's text with 2:
        // siblings, and 0 → 2 stays.
        let edges = [
            edge(0, 1, r, r, 0.9, Some(true)),
            edge(1, 2, r, r, 0.9, Some(true)),
            edge(0, 2, r, r, 0.9, Some(true)),
        ];
        assert_eq!(explain(&edges), [Fate::Keep, Fate::Siblings(0), Fate::Keep]);
    }

    #[test]
    fn a_source_a_day_before_its_derivative_is_still_the_common_source() {
        let r = Range::new(0, 100);
        // 0–1 undirected (a day apart, 0 the earlier), 0 → 2 and 1 → 2
        // directed by dates, 1–2 sharing only 0's text: 1 and 2 are
        // siblings of 0, and 0 → 2 stays.
        let mut day = edge(0, 1, r, r, 0.9, None);
        day.lean = Some(true);
        let edges = [
            day.clone(),
            edge(0, 2, r, r, 0.9, Some(true)),
            edge(1, 2, r, r, 0.9, Some(true)),
        ];
        assert_eq!(explain(&edges), [Fate::Keep, Fate::Keep, Fate::Siblings(0)]);
        // 1 gave 2 text that 0 lacks: 1 → 2 stays a copy.
        let own = Range::new(100, 200);
        let mut more = edge(1, 2, r, r, 0.9, Some(true));
        more.passages.push((own, own));
        let edges = [day, edge(0, 2, r, r, 0.9, Some(true)), more];
        assert_eq!(explain(&edges), [Fate::Keep, Fate::Keep, Fate::Keep]);
        // Same day (no lean): nothing says which of 0 and 1 is the source.
        let edges = [
            edge(0, 1, r, r, 0.9, None),
            edge(0, 2, r, r, 0.9, Some(true)),
            edge(1, 2, r, r, 0.9, Some(true)),
        ];
        assert_eq!(explain(&edges), [Fate::Keep, Fate::Keep, Fate::Keep]);
    }
}
