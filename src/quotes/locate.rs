//! Finding a statement (a quote, a claim) wherever it occurs in the corpus,
//! and aligning it word by word with what is there.
//!
//! [`Locator`] is an inverted index built once, in one pass over the corpus:
//! every content word (folded, stop words dropped, plural and possessive
//! endings stripped — the terms of [`term`]) keeps the list
//! of places (article, word position) where it occurs. A query walks only its
//! own words' lists, rarest first — names, numbers and unusual words anchor
//! the lookup — and stops when a fixed budget per query word is spent, so a
//! lookup costs a bounded number of steps whatever the corpus holds, and a
//! run over every quote of a corpus is linear in the text. Each anchor votes
//! for the place where the query would start; nearby votes make a region,
//! and the region is aligned with the query by [`align`].
//!
//! [`align`] is the one alignment of the desk (quote checks and the spread
//! of a claim use it): the longest common subsequence of folded words,
//! trimmed to its best-scoring stretch, with how much of the query's content
//! words it covers *in order*, the word similarity, and which words were
//! dropped, added or elided. A shared phrase of a few words covers little of
//! a quote; [`Alignment::same_statement`] says when an alignment is the same
//! statement rather than a shared phrase.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use crate::article::Article;
use crate::span::Range;
use crate::text::stopwords::is_stopword;

use super::diff::{self, Change, Run, Token};

/// Words that carry no claim beyond the shared function words: the reporting
/// nouns a paraphrase adds or drops freely.
fn is_stop_term(w: &str) -> bool {
    crate::text::stopwords::is_stopword(w) || matches!(w, "report" | "reported")
}

/// The index term for a word, or `None` for stop words.
pub fn term(word: &str) -> Option<String> {
    let mut w: String = super::diff::fold_word(word);
    for suffix in ["'s", "'"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            w = stem.to_string();
        }
    }
    if w.is_empty() || is_stop_term(&w) {
        return None;
    }
    let n = w.chars().count();
    if n > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w.pop();
    }
    Some(w)
}

/// A term's 64-bit key (FNV-1a): the index stores keys, not strings, which
/// keeps millions of sentences' terms small and cheap to build in parallel.
/// A collision between two of a corpus's terms is vanishingly rare and would
/// only merge their postings.
pub fn term_key(term: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in term.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Places a word may occur in and still anchor a lookup; commoner words
/// only count inside the alignment.
const MAX_DF: usize = 5_000;

/// Postings walked per query, at most: a base plus this many per query word.
const BUDGET_BASE: u64 = 2_048;
/// See [`BUDGET_BASE`].
const BUDGET_PER_WORD: u64 = 128;

/// Regions aligned per global lookup, best-voted first.
const MAX_REGIONS: usize = 24;

/// Regions returned per lookup, best-voted first.
const MAX_CANDIDATES: usize = 256;

/// Largest query × region grid aligned (words × words).
const MAX_CELLS: usize = 4_000_000;

/// Content words an alignment must keep to be the same statement (fewer
/// words in common is a shared phrase), unless the quote is that short and
/// every word matches.
pub const MIN_CONTENT: usize = 5;

/// Share of the quote's content words an alignment must cover, in order, to
/// be the same statement: more than half ("most of the quote").
pub const MIN_COVERAGE: f64 = 0.5;

/// Word similarity (Dice) below which an alignment is not the same statement
/// even when it covers most of the quote: the source stretch is mostly other
/// words.
pub const MIN_SIMILARITY: f64 = 0.45;

/// True for a word that carries content (not a stop word or reporting verb).
pub fn is_content(token: &Token) -> bool {
    !token.key.is_empty() && !is_stopword(&token.key)
}

/// How a query aligns with a stretch of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// Word-level runs over the whole query: left = the text, right = the
    /// query. Query words outside the aligned stretch are `added` runs at
    /// either end.
    pub runs: Vec<Run>,
    /// The aligned stretch of the text (first to last kept word), characters.
    pub range: Range,
    /// Token index range of that stretch in the aligned text slice.
    pub tokens: (usize, usize),
    /// Words of the query.
    pub query_words: usize,
    /// Words of the text's aligned stretch.
    pub text_words: usize,
    /// Words kept (in both, in order).
    pub kept: usize,
    /// Content words of the query.
    pub query_content: usize,
    /// Content words kept.
    pub kept_content: usize,
    /// Text words dropped inside the stretch, where the query does not mark
    /// an omission.
    pub removed: usize,
    /// Text words dropped where the query marks an omission (an ellipsis, a
    /// quote split by its attribution).
    pub elided: usize,
    /// Query words inside the stretch that are not in the text.
    pub added: usize,
    /// Query words before the stretch's first kept word.
    pub before: usize,
    /// Query words after its last kept word.
    pub after: usize,
    /// True when the stretch starts a sentence of the text (or the aligned slice).
    pub starts_sentence: bool,
    /// True when the stretch ends a sentence of the text (or the aligned slice).
    pub ends_sentence: bool,
    /// True when the query words before (after) the stretch are other
    /// pieces of the quote: the query marks an omission right there.
    pub other_pieces: (bool, bool),
    /// Most words changed in one place inside the stretch: the longer of
    /// the words dropped (outside marked omissions) and the words added
    /// between two kept words. 1–2 is a word swapped ("like" for "unlike",
    /// "voters" for "supporters"); more is a whole phrase said or left out.
    pub longest_change: usize,
}

impl Alignment {
    /// Share (0.0–1.0) of the query's content words kept in order (all
    /// words, when the query has no content word).
    pub fn coverage(&self) -> f64 {
        if self.query_content == 0 {
            ratio(self.kept, self.query_words)
        } else {
            ratio(self.kept_content, self.query_content)
        }
    }

    /// Dice similarity (0.0–1.0) of the query's words and the aligned stretch's.
    pub fn similarity(&self) -> f64 {
        ratio(2 * self.kept, self.query_words + self.text_words)
    }

    /// True when nothing differs: every query word kept, in one stretch,
    /// nothing dropped or elided (punctuation and case aside).
    pub fn is_exact(&self) -> bool {
        self.kept == self.query_words && self.removed == 0 && self.elided == 0
    }

    /// True when the words of the query that are aligned are the text's,
    /// unchanged: differences only where the query marks an omission, or
    /// query words beyond the text's sentence at either end.
    pub fn is_verbatim_part(&self) -> bool {
        self.removed == 0
            && self.added == 0
            && (self.before == 0 || self.starts_sentence || self.other_pieces.0)
            && (self.after == 0 || self.ends_sentence || self.other_pieces.1)
    }

    /// True when the alignment is the same statement, not a shared phrase:
    /// it keeps at least [`MIN_CONTENT`] content words (or every word of a
    /// shorter quote), more than [`MIN_COVERAGE`] of the query's content
    /// words in order, and the stretch is not mostly other words.
    pub fn same_statement(&self) -> bool {
        let enough = self.kept_content >= MIN_CONTENT
            || (self.kept_content == self.query_content && self.kept == self.query_words);
        enough && self.coverage() > MIN_COVERAGE && self.similarity() >= MIN_SIMILARITY
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Aligns `query` with `text` (a stretch of an article's tokens): the
/// longest common subsequence of folded words, trimmed to its best-scoring
/// stretch (kept content words weigh most; every dropped or added word
/// costs). `None` when nothing aligns or the grid is too large to align.
pub fn align(query: &[Token], text: &[Token]) -> Option<Alignment> {
    let (n, m) = (query.len(), text.len());
    if n == 0 || m == 0 || n.saturating_mul(m) > MAX_CELLS {
        return None;
    }
    let ops = diff::lcs_ops(text, query);
    // Best-scoring stretch of the op sequence (Kadane).
    let score = |&(change, i, j): &(Change, usize, usize)| -> f64 {
        match change {
            Change::Same if is_content(&text[i]) => 2.0,
            Change::Same => 0.5,
            Change::Removed if j > 0 && query[j - 1].elides => 0.0,
            Change::Removed | Change::Added => -0.5,
        }
    };
    let (mut best, mut best_range) = (0.0f64, None);
    let (mut sum, mut start) = (0.0f64, 0usize);
    for (k, op) in ops.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = k;
        }
        sum += score(op);
        if op.0 == Change::Same && sum > best {
            best = sum;
            best_range = Some((start, k));
        }
    }
    let (mut lo, hi) = best_range?;
    while ops[lo].0 != Change::Same {
        lo += 1;
    }
    let (_, t0, q0) = ops[lo];
    let (_, t1, q1) = ops[hi];
    let mut a = Alignment {
        runs: Vec::new(),
        range: Range::new(text[t0].range.start, text[t1].range.end),
        tokens: (t0, t1 + 1),
        query_words: n,
        text_words: t1 + 1 - t0,
        kept: 0,
        query_content: query.iter().filter(|t| is_content(t)).count(),
        kept_content: 0,
        removed: 0,
        elided: 0,
        added: 0,
        before: q0,
        after: n - 1 - q1,
        // A sentence end or a piece boundary of a quotation bounds a statement.
        starts_sentence: t0 == 0 || text[t0 - 1].ends_sentence() || text[t0 - 1].elides,
        ends_sentence: t1 + 1 == m || text[t1].ends_sentence() || text[t1].elides,
        other_pieces: (
            q0 == 0 || query[q0 - 1].elides,
            q1 + 1 == n || query[q1].elides,
        ),
        longest_change: 0,
    };
    let mut shown: Vec<(Change, usize, usize)> = Vec::with_capacity(n + a.text_words);
    shown.extend((0..q0).map(|j| (Change::Added, t0, j)));
    // Words dropped and added since the last kept word (the stretch ends
    // on a kept word, so every gap is closed).
    let (mut gap_removed, mut gap_added) = (0usize, 0usize);
    // Where the elided text words start (characters), for `merge_equivalent`.
    let mut elided_at: Vec<usize> = Vec::new();
    for &(change, i, j) in &ops[lo..=hi] {
        match change {
            Change::Same => {
                a.kept += 1;
                if is_content(&query[j]) {
                    a.kept_content += 1;
                }
                a.longest_change = a.longest_change.max(gap_removed).max(gap_added);
                (gap_removed, gap_added) = (0, 0);
            }
            Change::Removed if j > 0 && query[j - 1].elides => {
                a.elided += 1;
                elided_at.push(text[i].range.start);
            }
            Change::Removed => {
                a.removed += 1;
                gap_removed += 1;
            }
            Change::Added => {
                a.added += 1;
                gap_added += 1;
            }
        }
        shown.push((change, i, j));
    }
    shown.extend((q1 + 1..n).map(|j| (Change::Added, t1, j)));
    a.runs = diff::runs_of(text, query, &shown);
    merge_equivalent(&mut a, &elided_at);
    Some(a)
}

/// Folds a run's words for [`merge_equivalent`]: lowercase, apostrophes
/// straightened, contractions spelled out ("we’ve" = "we have", "don't" =
/// "do not"), a possessive "’s" after "s" dropped ("ISIS’s" = "ISIS’"), and
/// nothing but letters, digits and single spaces kept.
fn spelled_out(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| {
            if c.is_whitespace() {
                ' '
            } else {
                crate::text::normalize::fold_char(c).unwrap_or(' ')
            }
        })
        .flat_map(char::to_lowercase)
        .collect();
    let mut out = String::with_capacity(folded.len() + 8);
    for word in folded.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        let w = word.trim_matches('\'');
        if w.is_empty() {
            continue;
        }
        let expanded = if w == "can't" {
            "can not".to_string()
        } else if w == "won't" {
            "will not".to_string()
        } else if let Some(stem) = w.strip_suffix("n't") {
            format!("{stem} not")
        } else if let Some(stem) = w.strip_suffix("'ve") {
            format!("{stem} have")
        } else if let Some(stem) = w.strip_suffix("'re") {
            format!("{stem} are")
        } else if let Some(stem) = w.strip_suffix("'ll") {
            format!("{stem} will")
        } else if let Some(stem) = w.strip_suffix("'m") {
            format!("{stem} am")
        } else if let Some(stem) = w.strip_suffix("s's") {
            format!("{stem}s")
        } else {
            w.to_string()
        };
        let clean: String = expanded.chars().filter(|&c| c != '\'').collect();
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&clean);
    }
    out
}

/// Turns a removed run next to an added run into a kept one when both say
/// the same once spelled out: a contraction ("We’ve" for "We have") or an
/// apostrophe variant ("ISIS’" for "ISIS’s") is transcription, not a change.
fn merge_equivalent(a: &mut Alignment, elided_at: &[usize]) {
    let mut k = 0;
    while k + 1 < a.runs.len() {
        let pair = match (a.runs[k].change, a.runs[k + 1].change) {
            (Change::Removed, Change::Added) => Some((k, k + 1)),
            (Change::Added, Change::Removed) => Some((k + 1, k)),
            _ => None,
        };
        if let Some((r, q)) = pair
            && spelled_out(&a.runs[r].text) == spelled_out(&a.runs[q].text)
            && a.runs[r].right.is_none()
        {
            let (removed, added) = (a.runs[r].clone(), a.runs[q].clone());
            let content = added
                .text
                .split_whitespace()
                .filter(|w| {
                    let f = diff::fold_word(w.trim_matches(|c: char| !c.is_alphanumeric()));
                    !f.is_empty() && !is_stopword(&f)
                })
                .count();
            let inside = k > 0 && k + 2 < a.runs.len();
            if !inside {
                k += 1;
                continue;
            }
            // The removed words were counted as elided where the quote
            // marks an omission right before them ("…we are,” she said,
            // “We have…" against "…we are. We’ve…").
            let elided = removed
                .left
                .map_or(0, |r| {
                    elided_at
                        .iter()
                        .filter(|&&at| r.start <= at && at < r.end)
                        .count()
                })
                .min(removed.words);
            a.elided = a.elided.saturating_sub(elided);
            a.removed = a.removed.saturating_sub(removed.words - elided);
            a.added = a.added.saturating_sub(added.words);
            a.kept += added.words;
            a.kept_content = (a.kept_content + content).min(a.query_content);
            a.text_words = a.text_words.saturating_sub(removed.words) + added.words;
            a.runs[k] = Run {
                change: Change::Same,
                text: added.text,
                left: removed.left,
                right: added.right,
                words: added.words,
            };
            a.runs.remove(k + 1);
            // Join with the kept runs around it.
            if k + 1 < a.runs.len() && a.runs[k + 1].change == Change::Same {
                let next = a.runs.remove(k + 1);
                join_runs(&mut a.runs[k], &next);
            }
            if k > 0 && a.runs[k - 1].change == Change::Same {
                let this = a.runs.remove(k);
                join_runs(&mut a.runs[k - 1], &this);
                k -= 1;
            }
        } else {
            k += 1;
        }
    }
}

fn join_runs(into: &mut Run, next: &Run) {
    into.text.push(' ');
    into.text.push_str(&next.text);
    into.words += next.words;
    let span = |a: Option<Range>, b: Option<Range>| match (a, b) {
        (Some(a), Some(b)) => Some(Range::new(a.start.min(b.start), a.end.max(b.end))),
        (a, b) => a.or(b),
    };
    into.left = span(into.left, next.left);
    into.right = span(into.right, next.right);
}

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
    /// The alignment behind the match.
    pub alignment: Alignment,
}

impl Match {
    /// The match an alignment makes in article `article`.
    pub fn from_alignment(article: usize, alignment: Alignment) -> Self {
        Match {
            article,
            range: alignment.range,
            exact: alignment.is_exact(),
            similarity: alignment.similarity(),
            runs: alignment.runs.clone(),
            alignment,
        }
    }

    /// How good a match is, for picking the best: exact first, then the
    /// coverage of the query, then similarity.
    pub fn rank(&self) -> (bool, u64, u64) {
        (
            self.exact,
            (self.alignment.coverage() * 1e6) as u64,
            (self.similarity * 1e6) as u64,
        )
    }
}

/// A place where a query's words cluster, before alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Index of the article.
    pub article: usize,
    /// First and last implied start (word position) of the query there.
    pub lo: i64,
    /// See `lo`.
    pub hi: i64,
    /// Anchor words voting for it.
    pub votes: usize,
    /// Approximate character range (from the first implied start to one
    /// query length past the last).
    pub range: Range,
}

/// The corpus cut into words, with an inverted index of content words.
#[derive(Debug, Default)]
pub struct Locator {
    tokens: Vec<Vec<Token>>,
    /// Term key → places (article, token position), in corpus order.
    postings: HashMap<u64, Vec<(u32, u32)>>,
    /// Steps spent by lookups and alignments (postings walked, grid cells).
    work: AtomicU64,
}

/// The anchor terms of a query: (term key, query position), content words only.
fn anchors(query: &[Token]) -> Vec<(u64, usize)> {
    query
        .iter()
        .enumerate()
        .filter_map(|(j, t)| term(&t.key).map(|w| (term_key(&w), j)))
        .collect()
}

impl Locator {
    /// Indexes every article's words (linear in the corpus).
    pub fn new(articles: &[Article]) -> Self {
        let cut: Vec<(Vec<Token>, Vec<u64>)> = articles
            .par_iter()
            .map(|a| {
                let toks = diff::tokens(a.text.as_str(), 0);
                let keys = toks
                    .iter()
                    .map(|t| term(&t.key).map_or(0, |w| term_key(&w)))
                    .collect();
                (toks, keys)
            })
            .collect();
        let mut postings: HashMap<u64, Vec<(u32, u32)>> = HashMap::new();
        let mut tokens = Vec::with_capacity(cut.len());
        for (a, (toks, keys)) in cut.into_iter().enumerate() {
            for (p, key) in keys.into_iter().enumerate() {
                if key != 0 {
                    postings.entry(key).or_default().push((a as u32, p as u32));
                }
            }
            tokens.push(toks);
        }
        Locator {
            tokens,
            postings,
            work: AtomicU64::new(0),
        }
    }

    /// The words of article `index`.
    pub fn tokens(&self, index: usize) -> &[Token] {
        self.tokens.get(index).map_or(&[], Vec::as_slice)
    }

    /// Steps spent so far by every lookup (postings walked and alignment
    /// cells): a measure of work that does not depend on the machine.
    pub fn work(&self) -> u64 {
        self.work.load(Ordering::Relaxed)
    }

    fn spend(&self, steps: u64) {
        self.work.fetch_add(steps, Ordering::Relaxed);
    }

    /// Every article (except `skip`) where `query` occurs exactly or nearly,
    /// found from its rarest words within a bounded budget; the best match
    /// per article (by coverage, then similarity), sorted by article index.
    /// A match here is only an alignment: [`Alignment::same_statement`] says
    /// whether it is the same statement.
    pub fn find(&self, query: &[Token], skip: Option<usize>) -> Vec<Match> {
        let mut out: Vec<Match> = self
            .regions(query, skip)
            .iter()
            .take(MAX_REGIONS)
            .filter_map(|r| self.align_region(r, query))
            .collect();
        out.sort_by_key(|m| m.article);
        out
    }

    /// The places (one per article, except `skip`) where `query`'s rarest
    /// words cluster, most-voted first, at most [`MAX_CANDIDATES`]; not yet
    /// aligned, so a caller can choose which to align.
    pub fn regions(&self, query: &[Token], skip: Option<usize>) -> Vec<Region> {
        let n = query.len();
        let mut terms = anchors(query);
        if terms.is_empty() {
            return Vec::new();
        }
        let df = |key: u64| self.postings.get(&key).map_or(0, Vec::len);
        // Rarest first: names, numbers and unusual words anchor the lookup.
        terms.sort_by_key(|&(key, j)| (df(key), key, j));
        let budget = BUDGET_BASE + BUDGET_PER_WORD * n as u64;
        let mut steps = 0u64;
        let mut votes: HashMap<u32, Vec<i64>> = HashMap::new();
        for &(key, j) in &terms {
            steps += 1;
            let Some(list) = self.postings.get(&key) else {
                continue;
            };
            // The query's own article is skipped in one jump (its places are
            // contiguous): a storm of quotes in one article costs nothing.
            let own = skip
                .and_then(|s| u32::try_from(s).ok())
                .map_or((0, 0), |s| {
                    let from = list.partition_point(|&(x, _)| x < s);
                    (from, from + list[from..].partition_point(|&(x, _)| x == s))
                });
            let others = list.len() - (own.1 - own.0);
            if others > MAX_DF || steps + others as u64 > budget {
                break;
            }
            steps += others as u64;
            for &(a, p) in list[..own.0].iter().chain(&list[own.1..]) {
                votes.entry(a).or_default().push(i64::from(p) - signed(j));
            }
        }
        self.spend(steps);
        // Regions: clusters of votes, most-voted first, at most one per article
        // (its best).
        let mut regions: Vec<Region> = Vec::new();
        for (a, mut starts) in votes {
            starts.sort_unstable();
            if let Some((count, lo, hi)) = clusters(&starts, n).into_iter().max_by_key(|c| c.0) {
                let toks = self.tokens(a as usize);
                let at = |p: i64| {
                    usize::try_from(p)
                        .unwrap_or(0)
                        .min(toks.len().saturating_sub(1))
                };
                let range = match (toks.get(at(lo)), toks.get(at(hi + signed(n)))) {
                    (Some(x), Some(y)) => Range::new(x.range.start, y.range.end),
                    _ => Range::new(0, 0),
                };
                regions.push(Region {
                    article: a as usize,
                    lo,
                    hi,
                    votes: count,
                    range,
                });
            }
        }
        let min_votes = if terms.len() >= 3 { 2 } else { 1 };
        regions.retain(|r| r.votes >= min_votes);
        regions.sort_by(|x, y| y.votes.cmp(&x.votes).then(x.article.cmp(&y.article)));
        regions.truncate(MAX_CANDIDATES);
        regions
    }

    /// Aligns `query` with the words of a region found by [`Locator::regions`].
    pub fn align_region(&self, region: &Region, query: &[Token]) -> Option<Match> {
        self.align_at(region.article, region.lo, region.hi, query)
    }

    /// The best place in article `index` where `query` aligns, found from
    /// the query's words in that article only.
    pub fn find_in(&self, query: &[Token], index: usize) -> Option<Match> {
        let n = query.len();
        let a = u32::try_from(index).ok()?;
        let mut starts: Vec<i64> = Vec::new();
        let budget = BUDGET_BASE + BUDGET_PER_WORD * n as u64;
        let mut steps = 0u64;
        for (key, j) in anchors(query) {
            let Some(list) = self.postings.get(&key) else {
                continue;
            };
            let from = list.partition_point(|&(x, _)| x < a);
            let to = from + list[from..].partition_point(|&(x, _)| x == a);
            steps += 1 + (to - from) as u64;
            if steps > budget {
                break;
            }
            starts.extend(
                list[from..to]
                    .iter()
                    .map(|&(_, p)| i64::from(p) - signed(j)),
            );
        }
        self.spend(steps);
        starts.sort_unstable();
        let mut found = clusters(&starts, n);
        found.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        found
            .into_iter()
            .take(3)
            .filter_map(|(_, lo, hi)| self.align_at(index, lo, hi, query))
            .max_by_key(Match::rank)
    }

    /// Aligns `query` with the words of article `a` around the implied
    /// starts `lo..=hi`.
    fn align_at(&self, a: usize, lo: i64, hi: i64, query: &[Token]) -> Option<Match> {
        let toks = self.tokens(a);
        let n = signed(query.len());
        let from = usize::try_from(lo - n / 2 - 2).unwrap_or(0).min(toks.len());
        let to = usize::try_from(hi + n + n / 2 + 2)
            .unwrap_or(0)
            .clamp(from, toks.len());
        self.spend((query.len() * (to - from)) as u64);
        align(query, &toks[from..to]).map(|mut al| {
            al.tokens = (al.tokens.0 + from, al.tokens.1 + from);
            // Sentence boundaries against the whole article, not the slice.
            al.starts_sentence = al.tokens.0 == 0 || toks[al.tokens.0 - 1].ends_sentence();
            al.ends_sentence = al.tokens.1 == toks.len() || toks[al.tokens.1 - 1].ends_sentence();
            Match::from_alignment(a, al)
        })
    }
}

fn signed(x: usize) -> i64 {
    i64::try_from(x).unwrap_or(i64::MAX)
}

/// Groups sorted implied starts into clusters at most about one query long:
/// (votes, first start, last start).
fn clusters(starts: &[i64], n: usize) -> Vec<(usize, i64, i64)> {
    let gap = (signed(n) / 2).max(2);
    let mut out: Vec<(usize, i64, i64)> = Vec::new();
    for &s in starts {
        match out.last_mut() {
            Some((count, lo, hi)) if s - *hi <= gap && s - *lo <= 2 * signed(n) => {
                *hi = s;
                *count += 1;
            }
            _ => out.push((1, s, s)),
        }
    }
    out
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
        assert!(m.alignment.same_statement());
        assert_eq!(m.alignment.removed, 1);
        assert!((m.alignment.coverage() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn longest_change_tells_a_swapped_word_from_a_phrase() {
        let source = diff::tokens(
            "we will not stop until every vote is counted in every state of this great union",
            0,
        );
        let longest = |quote: &str| {
            align(&diff::tokens(quote, 0), &source)
                .unwrap()
                .longest_change
        };
        // One word for another, in two places: word-level changes.
        assert_eq!(
            longest("we will never stop until every ballot is counted in every state"),
            1
        );
        // A phrase inserted in the middle.
        assert_eq!(
            longest("we will not stop, now or ever, until every vote is counted in every state"),
            3
        );
        // A phrase dropped ("vote is counted in every").
        assert_eq!(
            longest("we will not stop until every state of this great union"),
            5
        );
        // Words past the source's ends are not changes inside the stretch.
        assert_eq!(
            longest("and so we will not stop until every vote is counted in every state"),
            0
        );
        // A marked omission is not a change.
        let mut split = diff::tokens("we will not stop", 0);
        split.last_mut().unwrap().elides = true;
        split.extend(diff::tokens("in every state", 100));
        assert_eq!(align(&split, &source).unwrap().longest_change, 0);
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
        assert_eq!(
            loc.find_in(&quote, 1).map(|m| m.range),
            Some(found[1].range)
        );
    }

    #[test]
    fn unrelated_text_does_not_match() {
        let loc = Locator::new(&corpus());
        assert!(
            loc.find(&diff::tokens("nothing to fear but fear itself", 0), None)
                .iter()
                .all(|m| !m.alignment.same_statement())
        );
        assert!(loc.find(&diff::tokens("two words", 0), None).is_empty());
    }

    #[test]
    fn a_shared_phrase_is_not_the_same_statement() {
        // Five words in common, in order, inside an unrelated sentence.
        let quote = diff::tokens(
            "There will always be exceptions to the rule for veterans and their families across \
             rural America",
            0,
        );
        let text = diff::tokens(
            "Voters will always be angry about taxes, the governor said on Monday.",
            0,
        );
        let a = align(&quote, &text).expect("aligns");
        assert!(a.kept >= 3);
        assert!(!a.same_statement(), "{a:?}");
        // The same quote with one word changed is.
        let text = diff::tokens(
            "There will always be exemptions to the rule for veterans and their families across \
             rural America.",
            0,
        );
        let a = align(&quote, &text).expect("aligns");
        assert!(a.same_statement(), "{a:?}");
        assert_eq!((a.removed, a.added), (1, 1));
    }

    #[test]
    fn an_ellipsis_marks_an_elision_not_a_change() {
        let quote = diff::tokens("We will rebuild the party … and we will win", 0);
        assert!(quote[4].elides);
        let text = diff::tokens(
            "We will rebuild the party from the ground up, and we will win in November.",
            0,
        );
        let a = align(&quote, &text).expect("aligns");
        assert_eq!((a.removed, a.added, a.elided), (0, 0, 4));
        assert!(a.is_verbatim_part() && !a.is_exact());
    }

    #[test]
    fn a_contraction_right_after_a_split_is_exact() {
        // "…who we are,” she said, “We have got to…" against "…who we are.
        // We’ve got to…": the contraction is transcription, and nothing of
        // the source is left out at the split.
        let source = diff::tokens(
            "this is not who we are. We’ve got to do everything possible",
            0,
        );
        let mut quote = diff::tokens("this is not who we are", 0);
        quote.last_mut().unwrap().elides = true;
        quote.extend(diff::tokens("We have got to do everything possible", 100));
        let a = align(&quote, &source).unwrap();
        assert_eq!((a.removed, a.elided, a.added), (0, 0, 0), "{a:#?}");
        assert!(a.is_exact());
    }

    #[test]
    fn a_longer_version_ends_past_the_sentence() {
        let quote = diff::tokens("Speakers offered mutual endorsements and more besides", 0);
        let text = diff::tokens(
            "Something else. Speakers offered mutual endorsements. Next.",
            0,
        );
        let a = align(&quote, &text).expect("aligns");
        assert_eq!((a.before, a.after), (0, 3));
        assert!(a.ends_sentence && a.is_verbatim_part());
    }
}
