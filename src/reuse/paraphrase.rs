//! Aligning a rewrite with its origin, sentence by sentence.
//!
//! A rewrite keeps the story's sequence, its names, dates and numbers, and
//! some of its content words, but few word n-grams. Each story sentence is
//! reduced to three bags — content-word stems, names (consonant skeletons,
//! with a fuzzy Jaro–Winkler fallback for the rest) and numbers — and two
//! sentences score a weighted Dice overlap (names and numbers count double).
//! An order-preserving alignment (a weighted longest common subsequence over
//! sentences) then picks the best monotone chain of sentence pairs. The pair
//! of articles is a paraphrase only when that chain covers a large share of
//! the shorter article: same-topic articles share names in a few sentences,
//! a rewrite shares them all the way through.

use std::collections::HashSet;

use super::index::skeleton;
use super::tokens::{fold_word, is_stopword};
use crate::article::Article;
use crate::span::Range;
use crate::text::segment;
use crate::text::words::words;

/// Settings for the paraphrase tier.
#[derive(Debug, Clone, Copy)]
pub struct ParaphraseOptions {
    /// Two sentences with a lower similarity are not aligned.
    pub min_sentence_similarity: f64,
    /// Aligned sentences needed.
    pub min_sentences: usize,
    /// Share of the shorter article's sentences that must be aligned.
    pub min_coverage: f64,
    /// Geometric mean of the shares of both articles' sentences that must be
    /// aligned: a rewrite runs through both texts, two articles on one topic
    /// meet in a few sentences of the longer one.
    pub min_joint_coverage: f64,
    /// Coverage of the shorter article times mean sentence similarity: the
    /// pair's paraphrase score must reach this.
    pub min_score: f64,
    /// Sentences considered per article (the first ones), bounding the work.
    pub max_sentences: usize,
    /// Similarity at which an aligned sentence pair is strong evidence.
    pub high_similarity: f64,
    /// Aligned pairs at `high_similarity` or more, outside shared
    /// quotations, a rewrite claim needs — unless the chain runs through the
    /// shorter story (`min_through_sentences`, `min_through_coverage`).
    pub min_high_sentences: usize,
    /// Aligned pairs outside shared quotations that make a chain running
    /// through the shorter story, whatever their similarity.
    pub min_through_sentences: usize,
    /// Share of the shorter story's sentences such a chain covers.
    pub min_through_coverage: f64,
}

impl Default for ParaphraseOptions {
    fn default() -> Self {
        ParaphraseOptions {
            min_sentence_similarity: 0.3,
            min_sentences: 4,
            min_coverage: 0.45,
            min_joint_coverage: 0.35,
            min_score: 0.25,
            max_sentences: 600,
            high_similarity: 0.5,
            min_high_sentences: 3,
            min_through_sentences: 8,
            min_through_coverage: 0.6,
        }
    }
}

/// The comparable content of one sentence.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Character range in the article.
    pub range: Range,
    /// Stems of lower-case content words.
    stems: Vec<String>,
    /// Name skeletons.
    names: Vec<String>,
    /// Names as folded words (for the fuzzy fallback).
    name_words: Vec<String>,
    /// Numbers.
    numbers: Vec<String>,
}

impl Sentence {
    fn weight(&self) -> f64 {
        self.stems.len() as f64 + 2.0 * (self.names.len() + self.numbers.len()) as f64
    }
}

/// Story sentences (boilerplate skipped) with their bags of features.
pub fn sentences(article: &Article, max: usize) -> Vec<Sentence> {
    let text = &article.text;
    let mut out = Vec::new();
    for range in segment::sentences(text) {
        if out.len() >= max {
            break;
        }
        if article.is_boilerplate(range) || is_title_case(text.slice(range)) {
            continue;
        }
        let mut s = Sentence {
            range,
            stems: Vec::new(),
            names: Vec::new(),
            name_words: Vec::new(),
            numbers: Vec::new(),
        };
        for (k, w) in words(text.slice(range), range.start).enumerate() {
            let folded = fold_word(w.text);
            if folded.is_empty() {
                continue;
            }
            if folded.chars().any(char::is_numeric) {
                s.numbers.push(folded);
            } else if is_stopword(&folded) {
            } else if k > 0 && w.text.chars().next().is_some_and(char::is_uppercase) {
                s.names.push(skeleton(&folded));
                s.name_words.push(folded);
            } else {
                s.stems.push(folded.chars().take(5).collect());
            }
        }
        for bag in [&mut s.stems, &mut s.names, &mut s.numbers] {
            bag.sort_unstable();
            bag.dedup();
        }
        s.name_words.sort_unstable();
        s.name_words.dedup();
        if s.weight() >= 3.0 {
            out.push(s);
        }
    }
    out
}

/// True for a headline-style sentence: four or more words, nearly all
/// capitalised ("Rand Paul Scores Direct Hit On Donald Trump"). Lists of
/// linked headlines recur across an outlet's pages; they are not story text
/// a rewrite could follow.
fn is_title_case(sentence: &str) -> bool {
    let (mut words, mut capitalised) = (0usize, 0usize);
    for w in sentence.split_whitespace() {
        let Some(c) = w.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        words += 1;
        if c.is_uppercase() {
            capitalised += 1;
        }
    }
    words >= 4 && capitalised * 10 >= words * 9
}

#[allow(clippy::many_single_char_names)] // a merge of two sorted lists
fn common(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Names matched exactly by skeleton, plus fuzzy Jaro–Winkler matches (≥ 0.9)
/// among the names left over.
fn common_names(a: &Sentence, b: &Sentence) -> usize {
    let exact = common(&a.names, &b.names);
    if exact >= a.names.len().min(b.names.len()) {
        return exact;
    }
    let bset: HashSet<&str> = b.names.iter().map(String::as_str).collect();
    let aset: HashSet<&str> = a.names.iter().map(String::as_str).collect();
    let left_a: Vec<&String> = a
        .name_words
        .iter()
        .filter(|w| !bset.contains(skeleton(w).as_str()))
        .collect();
    let left_b: Vec<&String> = b
        .name_words
        .iter()
        .filter(|w| !aset.contains(skeleton(w).as_str()))
        .collect();
    let mut used = vec![false; left_b.len()];
    let mut fuzzy = 0;
    for x in left_a {
        if let Some(k) = (0..left_b.len())
            .find(|&k| !used[k] && x.len() >= 4 && strsim::jaro_winkler(x, left_b[k]) >= 0.9)
        {
            used[k] = true;
            fuzzy += 1;
        }
    }
    (exact + fuzzy).min(a.names.len().min(b.names.len()))
}

/// Weighted Dice similarity of two sentences (names and numbers count double).
pub fn similarity(a: &Sentence, b: &Sentence) -> f64 {
    let total = a.weight() + b.weight();
    if total == 0.0 {
        return 0.0;
    }
    let shared = common(&a.stems, &b.stems) as f64
        + 2.0 * (common_names(a, b) + common(&a.numbers, &b.numbers)) as f64;
    // Sentences that share only names or only stems are weaker evidence.
    (2.0 * shared / total).min(1.0)
}

/// Numbers (dates, figures) of `a` missing from `b`, and of `b` missing from `a`.
pub fn missing_numbers(a: &Sentence, b: &Sentence) -> (usize, usize) {
    let shared = common(&a.numbers, &b.numbers);
    (a.numbers.len() - shared, b.numbers.len() - shared)
}

/// One aligned sentence pair: indices and similarity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SentencePair {
    /// Sentence index in the first article.
    pub a: usize,
    /// Sentence index in the second article.
    pub b: usize,
    /// 0–1 similarity.
    pub similarity: f64,
}

/// The best order-preserving chain of similar sentence pairs.
#[allow(clippy::many_single_char_names)] // dynamic programming over i, j as in the literature
pub fn align(a: &[Sentence], b: &[Sentence], options: &ParaphraseOptions) -> Vec<SentencePair> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    let mut sim = vec![0f64; n * m];
    for i in 0..n {
        for j in 0..m {
            let s = similarity(&a[i], &b[j]);
            if s >= options.min_sentence_similarity {
                sim[i * m + j] = s;
            }
        }
    }
    // dp[i][j]: best total over a[..i], b[..j].
    let w = m + 1;
    let mut dp = vec![0f64; (n + 1) * w];
    for i in 1..=n {
        for j in 1..=m {
            let s = sim[(i - 1) * m + (j - 1)];
            let diag = if s > 0.0 {
                dp[(i - 1) * w + (j - 1)] + s
            } else {
                0.0
            };
            dp[i * w + j] = dp[(i - 1) * w + j].max(dp[i * w + (j - 1)]).max(diag);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let here = dp[i * w + j];
        let s = sim[(i - 1) * m + (j - 1)];
        if s > 0.0 && (here - (dp[(i - 1) * w + (j - 1)] + s)).abs() < 1e-9 {
            out.push(SentencePair {
                a: i - 1,
                b: j - 1,
                similarity: s,
            });
            i -= 1;
            j -= 1;
        } else if (here - dp[(i - 1) * w + j]).abs() < 1e-12 {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    out.reverse();
    out
}

/// True when an alignment is strong enough to call the pair a rewrite.
pub fn is_rewrite(
    pairs: &[SentencePair],
    a: &[Sentence],
    b: &[Sentence],
    options: &ParaphraseOptions,
) -> bool {
    let shorter = a.len().min(b.len());
    let longer = a.len().max(b.len());
    let n = pairs.len() as f64;
    n >= options.min_sentences as f64
        && shorter > 0
        && n / shorter as f64 >= options.min_coverage
        && (n / shorter as f64 * n / longer as f64).sqrt() >= options.min_joint_coverage
        && score(pairs, a, b) >= options.min_score
}

/// Why an aligned chain that [`is_rewrite`] accepts is evidence enough for a
/// rewrite claim, if it is. `high` aligned pairs reach `high_similarity` and
/// `prose` pairs are outside shared quotations (both counted outside them);
/// `shorter` is the shorter story's sentence count.
///
/// Same-topic articles and shared quotations meet in a few loosely similar
/// sentences, so a claim needs either several sentences rewritten closely
/// (`min_high_sentences` at `high_similarity`), or a chain that runs through
/// most of the shorter story in order: a heavy rewrite keeps each sentence's
/// names and figures but replaces most words, so no sentence of it may reach
/// high similarity, yet sentence after sentence follows the origin. Two
/// stories on one topic do not follow each other for eight sentences and most
/// of the shorter one.
pub fn enough_evidence(
    high: usize,
    prose: usize,
    shorter: usize,
    options: &ParaphraseOptions,
) -> Option<Route> {
    if high >= options.min_high_sentences {
        Some(Route::Close)
    } else if prose >= options.min_through_sentences
        && shorter > 0
        && prose as f64 / shorter as f64 >= options.min_through_coverage
    {
        Some(Route::Through)
    } else {
        None
    }
}

/// Which evidence makes a rewrite claim (see [`enough_evidence`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Several sentences rewritten closely.
    Close,
    /// A chain running through most of the shorter story.
    Through,
}

/// Paraphrase strength: the share of the shorter article's sentences aligned,
/// times their mean similarity.
pub fn score(pairs: &[SentencePair], a: &[Sentence], b: &[Sentence]) -> f64 {
    if pairs.is_empty() {
        return 0.0;
    }
    let mean = pairs.iter().map(|p| p.similarity).sum::<f64>() / pairs.len() as f64;
    let shorter = a.len().min(b.len()).max(1);
    (pairs.len() as f64 / shorter as f64 * mean).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(s: &str) -> Vec<Sentence> {
        sentences(&Article::new("x", "x", s.to_string()), 100)
    }

    #[test]
    fn rewritten_sentence_with_transliterated_names_is_similar() {
        let a = sents(
            "Additionally, the Special Representative of Hamas in Tehran, Khaled Qaddoumi, has also been attending rallies and events at Pakistani institutions since October 2023.",
        );
        let b = sents(
            "Tehran-based Hamas representative Khaled Qaddomi has also been organizing rallies in various institutions in Pakistan.",
        );
        let s = similarity(&a[0], &b[0]);
        assert!(s > 0.35, "{s}");
    }

    #[test]
    fn headline_lists_are_not_sentences() {
        assert!(is_title_case(
            "Rand Paul Scores Direct Hit On Donald Trump."
        ));
        assert!(!is_title_case(
            "Rand Paul scored a direct hit on Donald Trump."
        ));
        assert!(sents("Marco Rubio Responds To Question About Minimum Wage.").is_empty());
    }

    #[test]
    fn a_heavy_rewrite_running_through_the_story_is_enough() {
        let o = ParaphraseOptions::default();
        // Three close sentences: enough however short the chain.
        assert_eq!(enough_evidence(3, 4, 20, &o), Some(Route::Close));
        // Nine of twelve sentences in order, none close: a heavy rewrite.
        assert_eq!(enough_evidence(0, 9, 12, &o), Some(Route::Through));
        // Same-topic stories meeting in a few sentences, or in half of the
        // shorter one: not enough.
        assert_eq!(enough_evidence(2, 5, 6, &o), None);
        assert_eq!(enough_evidence(2, 8, 16, &o), None);
        assert_eq!(enough_evidence(1, 0, 0, &o), None);
    }

    #[test]
    fn a_rewrite_in_other_words_aligns_sentence_after_sentence() {
        // Made-up story and a heavy rewrite of it: names and figures kept,
        // most other words replaced, one sentence per sentence.
        let origin = "Mayor Ilse Vantongeren opened the Korvel bridge on Monday after 14 months of work. \
            The bridge cost 38 million euros, the council said. \
            Engineers from Brandvik Works tested the span with 40 loaded trucks. \
            Vantongeren thanked residents of Oudmeer for their patience during closures. \
            Traffic on the Korvel route is expected to fall by 30 percent. \
            A cycling lane will open in April, according to Brandvik Works. \
            The old ferry across the Lenne will stop running on 1 May. \
            Opposition leader Piet Hasseldonk called the 38 million price too high. \
            He said Oudmeer needed schools more than a second crossing. \
            The council will vote on the ferry staff's severance in June.";
        let rewrite = "On Monday, Ilse Vantongeren, the mayor, inaugurated the Korvel crossing, which took 14 months to build. \
            According to councillors, 38 million euros were spent on it. \
            Brandvik Works staff checked the structure by driving 40 heavy lorries over it. \
            People in Oudmeer were praised by Vantongeren for enduring the shutdowns. \
            Cars using the Korvel road should drop by 30 percent. \
            Brandvik Works says bikes get their own path in April. \
            From 1 May the Lenne boat service ends. \
            Piet Hasseldonk, who leads the opposition, said 38 million was excessive. \
            Oudmeer, in his view, wants classrooms rather than another bridge. \
            In June councillors decide on pay-offs for the boat crew.";
        let (a, b) = (sents(origin), sents(rewrite));
        let o = ParaphraseOptions::default();
        let pairs = align(&a, &b, &o);
        assert!(is_rewrite(&pairs, &a, &b, &o), "{pairs:?}");
        let high = pairs
            .iter()
            .filter(|p| p.similarity >= o.high_similarity)
            .count();
        let shorter = a.len().min(b.len());
        assert!(
            enough_evidence(high, pairs.len(), shorter, &o).is_some(),
            "{pairs:?}"
        );
    }

    #[test]
    fn alignment_keeps_order() {
        let a = sents("Alpha Bravo met Charlie today. Delta Echo won 5 prizes. Foxtrot Golf left.");
        let b = sents("Foxtrot Golf left. Alpha Bravo met Charlie. Delta Echo won 5 awards.");
        let got = align(&a, &b, &ParaphraseOptions::default());
        let idx: Vec<(usize, usize)> = got.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(idx, [(0, 1), (1, 2)]);
    }
}
