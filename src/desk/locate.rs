//! Finding a passage (a quote, a sentence) wherever it occurs in the corpus.
//!
//! Every article is cut into folded words; every run of [`SHINGLE`] words is
//! indexed. A query's shingles vote for places in articles (article, offset
//! of the query's first word there); nearby votes are grouped into a region,
//! the region is aligned with the query word by word ([`super::diff`]), and
//! trimmed to the aligned stretch. Matching is on folded words, so typography
//! never hides a match, and every match is reported as a character range of
//! the article as read.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::article::Article;
use crate::span::Range;

use super::diff::{self, Change, Run, Token};

/// Words per indexed shingle.
pub const SHINGLE: usize = 3;

/// Shingles seen in more places than this are too common to vote.
const MAX_POSTINGS: usize = 20_000;

/// A match must keep at least this share of the query's words…
const MIN_KEPT: f64 = 0.5;
/// …and reach this similarity (Dice on words) with the matched stretch.
const MIN_SIMILARITY: f64 = 0.55;

/// One place where a query occurs.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Index of the article in the corpus.
    pub article: usize,
    /// The matched character range of that article.
    pub range: Range,
    /// True when the words are the same, in the same order, with nothing
    /// added or dropped (typography and case aside).
    pub exact: bool,
    /// 0.0–1.0 Dice similarity of the query and the matched words.
    pub similarity: f64,
    /// Word-level differences: left = the matched text, right = the query.
    pub runs: Vec<Run>,
}

/// The corpus cut into words, with a shingle index for lookups.
#[derive(Debug, Default)]
pub struct Locator {
    tokens: Vec<Vec<Token>>,
    postings: HashMap<u64, Vec<(u32, u32)>>,
}

fn shingle_key(words: &[Token]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for w in words {
        w.key.hash(&mut h);
    }
    h.finish()
}

impl Locator {
    /// Indexes every article's words.
    pub fn new(articles: &[Article]) -> Self {
        let tokens: Vec<Vec<Token>> = articles
            .iter()
            .map(|a| diff::tokens(a.text.as_str(), 0))
            .collect();
        let mut postings: HashMap<u64, Vec<(u32, u32)>> = HashMap::new();
        for (a, toks) in tokens.iter().enumerate() {
            for (p, window) in toks.windows(SHINGLE).enumerate() {
                postings
                    .entry(shingle_key(window))
                    .or_default()
                    .push((a as u32, p as u32));
            }
        }
        Locator { tokens, postings }
    }

    /// The words of article `index`.
    pub fn tokens(&self, index: usize) -> &[Token] {
        self.tokens.get(index).map_or(&[], Vec::as_slice)
    }

    /// Every article (except `skip`) where `query` occurs exactly or nearly;
    /// the best match per article, sorted by article index.
    pub fn find(&self, query: &[Token], skip: Option<usize>) -> Vec<Match> {
        let n = query.len();
        if n < SHINGLE {
            return Vec::new();
        }
        // Votes: article -> list of implied start offsets of the query.
        let mut votes: HashMap<u32, Vec<i64>> = HashMap::new();
        for (i, window) in query.windows(SHINGLE).enumerate() {
            let Some(list) = self.postings.get(&shingle_key(window)) else {
                continue;
            };
            if list.len() > MAX_POSTINGS {
                continue;
            }
            for &(a, p) in list {
                if skip == Some(a as usize) {
                    continue;
                }
                votes.entry(a).or_default().push(i64::from(p) - signed(i));
            }
        }
        let mut out = Vec::new();
        let mut articles: Vec<u32> = votes.keys().copied().collect();
        articles.sort_unstable();
        for a in articles {
            let mut starts = votes.remove(&a).unwrap_or_default();
            starts.sort_unstable();
            let toks = self.tokens(a as usize);
            let mut best: Option<Match> = None;
            for (lo, hi) in clusters(&starts, n) {
                let from = usize::try_from(lo - 2).unwrap_or(0).min(toks.len());
                let to = usize::try_from(hi + signed(n) + 2)
                    .unwrap_or(0)
                    .clamp(from, toks.len());
                if let Some(m) = align_region(a as usize, &toks[from..to], query)
                    && best.as_ref().is_none_or(|b| m.similarity > b.similarity)
                {
                    best = Some(m);
                }
            }
            out.extend(best);
        }
        out
    }
}

fn signed(x: usize) -> i64 {
    i64::try_from(x).unwrap_or(i64::MAX)
}

/// Groups sorted start offsets into clusters at most about one query long.
fn clusters(starts: &[i64], n: usize) -> Vec<(i64, i64)> {
    let gap = (signed(n) / 2).max(2);
    let mut out: Vec<(i64, i64)> = Vec::new();
    for &s in starts {
        match out.last_mut() {
            Some((lo, hi)) if s - *hi <= gap && s - *lo <= 2 * signed(n) => *hi = s,
            _ => out.push((s, s)),
        }
    }
    out
}

/// Aligns `query` with `region` and trims the region to the aligned words.
fn align_region(article: usize, region: &[Token], query: &[Token]) -> Option<Match> {
    let runs = diff::diff(region, query);
    // Trim removed runs at both ends: they are context, not part of the match.
    let first = runs.iter().position(|r| r.change == Change::Same)?;
    let last = runs.iter().rposition(|r| r.change == Change::Same)?;
    let mut core: Vec<Run> = Vec::new();
    for (k, run) in runs.into_iter().enumerate() {
        let outside = k < first || k > last;
        if outside && run.change == Change::Removed {
            continue;
        }
        core.push(run);
    }
    let kept = diff::same_words(&core);
    let matched_words: usize = core
        .iter()
        .filter(|r| r.change != Change::Added)
        .map(|r| r.text.split(' ').count())
        .sum();
    let n = query.len();
    let similarity = 2.0 * kept as f64 / (n + matched_words) as f64;
    if (kept as f64) < MIN_KEPT * n as f64 || similarity < MIN_SIMILARITY {
        return None;
    }
    let start = core.iter().find_map(|r| r.left)?.start;
    let end = core.iter().rev().find_map(|r| r.left)?.end;
    Some(Match {
        article,
        range: Range::new(start, end),
        exact: diff::is_identical(&core),
        similarity,
        runs: core,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<Article> {
        vec![
            Article::new(
                "memri",
                "m",
                "Yet Pakistan continues. This conduct directly undermines Western efforts to \
                 diplomatically isolate Hamas and raises serious questions."
                    .into(),
            ),
            Article::new(
                "ians",
                "i",
                "“This conduct undermines Western efforts to diplomatically isolate Hamas and \
                 raises serious questions,” it added"
                    .into(),
            ),
            Article::new("other", "o", "Nothing to see here at all, really.".into()),
        ]
    }

    #[test]
    fn finds_an_altered_quote_with_its_diff_and_range() {
        let articles = corpus();
        let loc = Locator::new(&articles);
        let quote = diff::tokens(
            "This conduct undermines Western efforts to diplomatically isolate Hamas",
            0,
        );
        let found = loc.find(&quote, Some(1));
        assert_eq!(found.len(), 1);
        let m = &found[0];
        assert_eq!(m.article, 0);
        assert!(!m.exact);
        assert_eq!(
            articles[0].text.slice(m.range),
            "This conduct directly undermines Western efforts to diplomatically isolate Hamas"
        );
        assert_eq!(
            diff::inline(&m.runs),
            "This conduct [-directly-] undermines Western efforts to diplomatically isolate Hamas"
        );
    }

    #[test]
    fn finds_an_exact_occurrence() {
        let articles = corpus();
        let loc = Locator::new(&articles);
        let quote = diff::tokens("this CONDUCT undermines western efforts", 0);
        let found = loc.find(&quote, None);
        assert_eq!(found.len(), 2);
        assert!(found[1].exact);
        assert_eq!(
            articles[1].text.slice(found[1].range),
            "This conduct undermines Western efforts"
        );
    }

    #[test]
    fn unrelated_text_does_not_match() {
        let loc = Locator::new(&corpus());
        assert!(
            loc.find(&diff::tokens("nothing to fear but fear itself", 0), None)
                .is_empty()
        );
        assert!(loc.find(&diff::tokens("two words", 0), None).is_empty());
    }
}
