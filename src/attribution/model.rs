//! A learned cue detector that checks and extends the rules.
//!
//! The rules ([`super::rules`]) know the constructions of reported speech;
//! news annotators mark a much wider set of cues — beliefs, stances, plans
//! and perceptions ("wants", "supports", "seemed", "is expected to"). This
//! model is an averaged perceptron over hashed features (the "hashing
//! trick"): for each candidate token it reads the token, its neighbours,
//! nearby quotation marks, the cue lexicon class and the rules' verdict (is
//! the token a rule cue, inside a rule's source or content?) and scores
//! whether the token belongs to a cue. Tokens are tagged left to right, the
//! previous tag being a feature, so multi-word cues come out as runs.
//!
//! [`refine`] applies it: a rule attribution whose cue the model scores
//! below the *drop* threshold is removed, and a run of tokens the model
//! scores above the *keep* threshold that no rule found becomes a new cue,
//! expanded into source and content by [`super::expand`].
//!
//! The weights (`data/cue-model.bin`) and the candidate vocabulary
//! (`data/cue-candidates.tsv`) are written by
//! `cargo run --release --example train_cue_model -- TRAIN_DIR` from
//! PolNeAR's *train* split; the thresholds are chosen on a held-out part of
//! train, never on dev. Limits: the model knows English news prose of the
//! 2016 US campaign; it sees one paragraph at a time and no syntax.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crate::article::Article;
use crate::span::Range;

use super::lexicon::{AUXILIARIES, CueClass, Fnv, is_in, lexicon};
use super::rules::{Doc, Found, Para, lower};
use super::tokens::{Kind, Tok};
use super::{Basis, Scope};

const WEIGHTS_BIN: &[u8] = include_bytes!("../../data/cue-model.bin");
const CANDIDATES_TSV: &str = include_str!("../../data/cue-candidates.tsv");
/// Magic bytes opening the weights file, with the format version.
const MAGIC: &[u8; 8] = b"CTCUEM01";
const HEADER: usize = MAGIC.len() + 1 + 3 * 4;

type FastSet = HashSet<u64, BuildHasherDefault<Fnv>>;

/// A loaded cue model: weights, candidate vocabulary and thresholds.
#[derive(Debug, Clone)]
pub struct CueModel {
    bits: u8,
    scale: f32,
    /// Tokens scoring above this are cue tokens.
    keep: f32,
    /// Rule cues whose best token scores below this are dropped.
    drop: f32,
    weights: Cow<'static, [u8]>,
    candidates: FastSet,
}

impl CueModel {
    /// The model bundled with citetrace, or `None` if its data is malformed
    /// (then the rules run alone).
    pub fn bundled() -> Option<&'static CueModel> {
        static MODEL: OnceLock<Option<CueModel>> = OnceLock::new();
        MODEL
            .get_or_init(|| CueModel::from_bytes(Cow::Borrowed(WEIGHTS_BIN), CANDIDATES_TSV))
            .as_ref()
    }

    /// Reads a model from its weights file and candidate vocabulary, or
    /// `None` when the weights file is not a cue model.
    pub fn from_bytes(weights: Cow<'static, [u8]>, candidates: &str) -> Option<CueModel> {
        if weights.len() < HEADER || &weights[..MAGIC.len()] != MAGIC {
            return None;
        }
        let bits = weights[MAGIC.len()];
        let f = |k: usize| {
            let at = MAGIC.len() + 1 + 4 * k;
            f32::from_le_bytes([
                weights[at],
                weights[at + 1],
                weights[at + 2],
                weights[at + 3],
            ])
        };
        let (scale, keep, drop) = (f(0), f(1), f(2));
        if !(1..=24).contains(&bits) || weights.len() != HEADER + 2 * (1usize << bits) {
            return None;
        }
        let candidates = candidates
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .filter(|w| !w.is_empty())
            .map(word_hash)
            .collect();
        Some(CueModel {
            bits,
            scale,
            keep,
            drop,
            weights,
            candidates,
        })
    }

    /// The same model with other thresholds (used when choosing them).
    #[must_use]
    pub fn with_thresholds(mut self, keep: f32, drop: f32) -> CueModel {
        self.keep = keep;
        self.drop = drop;
        self
    }

    /// The keep and drop thresholds.
    pub fn thresholds(&self) -> (f32, f32) {
        (self.keep, self.drop)
    }

    fn weight(&self, index: usize) -> f32 {
        let at = HEADER + 2 * index;
        self.weights.get(at..at + 2).map_or(0.0, |b| {
            f32::from(i16::from_le_bytes([b[0], b[1]])) * self.scale
        })
    }

    /// The score of token `i`, tagging from a few tokens before it (the
    /// previous tag is a feature; its influence fades within a few tokens),
    /// or `None` when the token is no candidate.
    fn score_at(&self, view: &View, i: usize) -> Option<f32> {
        if i >= view.toks.len() || !view.is_candidate(self, i) {
            return None;
        }
        let mut feats = Vec::with_capacity(48);
        let mut prev = false;
        for k in i.saturating_sub(WINDOW)..=i {
            if !view.is_candidate(self, k) {
                prev = false;
                continue;
            }
            feats.clear();
            view.features(k, prev, self.bits, &mut feats);
            let score: f32 = feats.iter().map(|&f| self.weight(f)).sum();
            if k == i {
                return Some(score);
            }
            prev = score > self.keep;
        }
        None
    }

    /// Cue scores of every token of paragraph `p` (`None` for tokens that
    /// are no candidates), tagging left to right.
    fn score_paragraph(&self, doc: &Doc, p: &Para, flags: &[u8]) -> Vec<Option<f32>> {
        let view = View::new(doc, p, flags);
        let mut out = Vec::with_capacity(p.toks.len());
        let mut feats = Vec::with_capacity(48);
        let mut prev = false;
        for i in 0..p.toks.len() {
            if !view.is_candidate(self, i) {
                out.push(None);
                prev = false;
                continue;
            }
            feats.clear();
            view.features(i, prev, self.bits, &mut feats);
            let score: f32 = feats.iter().map(|&k| self.weight(k)).sum();
            prev = score > self.keep;
            out.push(Some(score));
        }
        out
    }
}

/// Rule flags per token: bit 0 rule cue, bit 1 the cue of a direct quote,
/// bit 2 inside a rule source, bit 3 inside a rule content.
const CUE: u8 = 1;
const DIRECT: u8 = 2;
const SOURCE: u8 = 4;
const CONTENT: u8 = 8;

/// Marks, for each paragraph, the tokens that lie in the rules' findings.
fn rule_flags(doc: &Doc, found: &[Found]) -> Vec<Vec<u8>> {
    let mut flags: Vec<Vec<u8>> = doc.paras.iter().map(|p| vec![0; p.toks.len()]).collect();
    let starts: Vec<usize> = doc
        .paras
        .iter()
        .map(|p| p.toks.first().map_or(usize::MAX, |t| t.range.start))
        .collect();
    let mut mark = |r: Range, bit: u8| {
        // Paragraphs whose tokens may overlap `r`: from the last one starting
        // at or before r.start, while they start before r.end.
        let first = starts.partition_point(|&s| s <= r.start).saturating_sub(1);
        for (pi, p) in doc.paras.iter().enumerate().skip(first) {
            if starts[pi] != usize::MAX && starts[pi] >= r.end {
                break;
            }
            let a = p.toks.partition_point(|t| t.range.end <= r.start);
            for (t, f) in p.toks[a..].iter().zip(flags[pi][a..].iter_mut()) {
                if t.range.start >= r.end {
                    break;
                }
                *f |= bit;
            }
        }
    };
    for f in found {
        let direct = if f.quote == super::QuoteKind::Direct {
            DIRECT
        } else {
            0
        };
        mark(f.cue, CUE | direct);
        if let Some(s) = f.source {
            mark(s, SOURCE);
        }
        for &c in &f.content {
            mark(c, CONTENT);
        }
    }
    flags
}

/// Checks the rules' findings with the model and, in the broad scope, adds
/// the cues they missed.
///
/// Returns the kept and new attributions in text order, each with its basis.
pub fn refine(doc: &Doc, found: Vec<Found>, model: &CueModel, scope: Scope) -> Vec<(Found, Basis)> {
    let flags = rule_flags(doc, &found);
    // The score of a rule cue's token (droppable cues are one token).
    let score_of = |f: &Found| -> Option<f32> {
        let p = doc.paras.get(f.para)?;
        let i = p.toks.partition_point(|t| t.range.end <= f.cue.start);
        model.score_at(&View::lazy(doc, p, &flags[f.para]), i)
    };
    // Only a single lexicon word can be dropped: constructions ("according
    // to", "citing", "via", "h/t", "was reported by", "OUTLET quoted X as
    // saying", hedges, colons) are unambiguous, and rare in the training data.
    let droppable = |f: &Found| {
        if f.channel.is_some() {
            return false;
        }
        let word = doc.text.get(cue_bytes(doc, f)).unwrap_or("");
        let mut buf = [0u8; 24];
        lower(word, &mut buf).is_some_and(|lw| {
            lw != "citing" && matches!(lexicon().class(lw), Some(CueClass::Speech | CueClass::Doc))
        })
    };
    let mut out: Vec<(Found, Basis)> = found
        .into_iter()
        .filter(|f| !droppable(f) || score_of(f).is_none_or(|s| s >= model.drop))
        .map(|f| (f, Basis::Rules))
        .collect();
    if scope == Scope::Reported {
        return out;
    }
    let scores: Vec<Vec<Option<f32>>> = doc
        .paras
        .iter()
        .zip(&flags)
        .map(|(p, f)| model.score_paragraph(doc, p, f))
        .collect();
    for (p, (para_scores, para_flags)) in doc.paras.iter().zip(scores.iter().zip(&flags)) {
        let mut i = 0;
        while i < para_scores.len() {
            if !para_scores[i].is_some_and(|s| s > model.keep) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < para_scores.len() && para_scores[j].is_some_and(|s| s > model.keep) {
                j += 1;
            }
            let run = trim_run(doc, p, i, j);
            i = j;
            if run.is_empty()
                || para_flags[run.clone()]
                    .iter()
                    .any(|f| f & (CUE | CONTENT) != 0)
            {
                continue;
            }
            if let Some(f) = super::expand::learned_cue(doc, p, run.start, run.end) {
                out.push((f, Basis::Model));
            }
        }
    }
    out.sort_by_key(|(f, _)| (f.cue.start, f.cue.end));
    out
}

/// Words a learned cue neither ends with ("demonstrate their") nor is made
/// of alone ("is", "explicitly").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your",
];

/// The run `[a, b)` without trailing determiners, or empty when what is
/// left is only auxiliaries and adverbs ("is increasingly").
fn trim_run(doc: &Doc, p: &Para, a: usize, mut b: usize) -> std::ops::Range<usize> {
    while b > a && is_in(DETERMINERS, p.toks[b - 1].text(doc.text)) {
        b -= 1;
    }
    let contentful = p.toks[a..b].iter().any(|t| {
        let w = t.text(doc.text);
        t.is_word() && !is_in(AUXILIARIES, w) && !w.to_ascii_lowercase().ends_with("ly")
    });
    if contentful { a..b } else { a..a }
}

/// The byte range of a single-token cue in the text (empty when the cue
/// spans several tokens).
fn cue_bytes(doc: &Doc, f: &Found) -> std::ops::Range<usize> {
    doc.paras
        .get(f.para)
        .and_then(|p| {
            let k = p.toks.partition_point(|t| t.range.start < f.cue.start);
            p.toks
                .get(k)
                .filter(|t| t.range == f.cue)
                .map(|t| t.b0..t.b1)
        })
        .unwrap_or(0..0)
}

/// The hash a token is known by in the features: its lower-cased word, one
/// hash for every quotation mark, the character for other punctuation.
fn token_hash(text: &str, t: Tok) -> u64 {
    match t.kind {
        Kind::Word => word_hash(t.text(text)),
        Kind::Open(_) | Kind::Close(_) | Kind::Either(_) => word_hash("\""),
        Kind::Punct(c) => u64::from(c),
    }
}

/// FNV-1a over the lower-cased word.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    if word.is_ascii() {
        word.bytes().for_each(|b| eat(b.to_ascii_lowercase()));
    } else {
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buf).bytes().for_each(&mut eat);
        }
    }
    h
}

/// The hash of the last `n` characters of the lower-cased word.
fn suffix_hash(word: &str, n: usize) -> u64 {
    let at = word.char_indices().rev().nth(n - 1).map_or(0, |(b, _)| b);
    word_hash(&word[at..]) ^ (n as u64)
}

/// Feature index of template `t` with values `a` and `b` in a table of `2^bits`.
fn slot(t: u64, a: u64, b: u64, bits: u8) -> usize {
    let mut h = t.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ b.rotate_left(29);
    h ^= h >> 31;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 29;
    // The table index: the low `bits` bits (bits ≤ 24, so it fits).
    usize::try_from(h & ((1u64 << bits) - 1)).unwrap_or(0)
}

/// Tokens tagged before the one [`CueModel::score_at`] scores.
const WINDOW: usize = 3;

/// Outside the paragraph.
const EDGE: u64 = 0x5eed;

/// One paragraph as the features see it.
struct View<'a> {
    text: &'a str,
    toks: &'a [Tok],
    quoted: &'a [bool],
    flags: &'a [u8],
    words: Vec<u64>,
}

impl<'a> View<'a> {
    /// A view with every token's word hash computed up front (for tagging
    /// whole paragraphs).
    fn new(doc: &'a Doc, p: &'a Para, flags: &'a [u8]) -> Self {
        let words = p.toks.iter().map(|&t| token_hash(doc.text, t)).collect();
        View {
            text: doc.text,
            toks: &p.toks,
            quoted: &p.quoted,
            flags,
            words,
        }
    }

    /// A view that hashes words when asked (for scoring a few tokens).
    fn lazy(doc: &'a Doc, p: &'a Para, flags: &'a [u8]) -> Self {
        View {
            text: doc.text,
            toks: &p.toks,
            quoted: &p.quoted,
            flags,
            words: Vec::new(),
        }
    }

    fn is_candidate(&self, model: &CueModel, i: usize) -> bool {
        self.flags[i] & CUE != 0
            || (self.toks[i].is_word() || self.toks[i].is_punct(':'))
                && isize::try_from(i).is_ok_and(|k| model.candidates.contains(&self.word(k)))
    }

    fn word(&self, i: isize) -> u64 {
        let Some(i) = usize::try_from(i).ok().filter(|&i| i < self.toks.len()) else {
            return EDGE;
        };
        self.words
            .get(i)
            .copied()
            .unwrap_or_else(|| token_hash(self.text, self.toks[i]))
    }

    fn flag(&self, i: isize) -> u8 {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.flags.get(i))
            .copied()
            .unwrap_or(0)
    }

    fn is_quote(&self, i: isize) -> bool {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.toks.get(i))
            .is_some_and(|t| t.is_quote() || t.is_punct('"') || t.is_punct('\''))
    }

    /// Pushes the feature indices of token `i` (`prev`: the previous token
    /// was tagged a cue).
    fn features(&self, i: usize, prev: bool, bits: u8, out: &mut Vec<usize>) {
        let Ok(k) = isize::try_from(i) else {
            return;
        };
        let w = |d: isize| self.word(k + d);
        let f = |d: isize| u64::from(self.flag(k + d));
        let tok = self.toks[i];
        let text = tok.text(self.text);
        // The lexicon's forms are short ASCII words, so a word `lower` cannot
        // fold (long or non-ASCII) is in no class.
        let mut buf = [0u8; 24];
        let lx = match lower(text, &mut buf).and_then(|lw| lexicon().class(lw)) {
            None => 0,
            Some(CueClass::Speech) => 1,
            Some(CueClass::Doc) => 2,
            Some(CueClass::Hedge) => 3,
        };
        let cue = f(0) & u64::from(CUE | DIRECT);
        let prev = u64::from(prev);
        let cap = u64::from(text.chars().next().is_some_and(char::is_uppercase));
        let quoted = u64::from(self.quoted.get(i).copied().unwrap_or(false));
        let has = |d: isize, bit: u8| u64::from(self.flag(k + d) & bit != 0);
        let templates: [(u64, u64); 27] = [
            (0, 0),
            (w(0), 0),
            (w(-1), 0),
            (w(1), 0),
            (w(-2), 0),
            (w(2), 0),
            (w(-1), w(0)),
            (w(0), w(1)),
            (suffix_hash(text, 3), 0),
            (suffix_hash(text, 2), 0),
            (prev, 0),
            (prev, w(0)),
            (cap, 0),
            (w(1), w(2)),
            (w(-2), w(-1)),
            (lx, 0),
            (cue, 0),
            (cue, w(0)),
            (has(0, SOURCE), 0),
            (has(0, CONTENT), 0),
            (f(-1) & u64::from(CUE | DIRECT), 0),
            (f(1) & u64::from(CUE | DIRECT), 0),
            (quoted, 0),
            (cue, lx),
            (has(-1, SOURCE), 0),
            (has(1, CONTENT), 0),
            (has(-1, SOURCE), cue),
        ];
        for (t, (a, b)) in (0u64..).zip(templates) {
            out.push(slot(t, a, b, bits));
        }
        for d in 1..=3isize {
            if self.is_quote(k - d) {
                out.push(slot(100 + d.unsigned_abs() as u64, 0, 0, bits));
            }
            if self.is_quote(k + d) {
                out.push(slot(200 + d.unsigned_abs() as u64, 0, 0, bits));
            }
        }
    }
}

/// One annotated article for training: its text and its gold cue ranges.
#[derive(Debug, Clone)]
pub struct Example {
    /// The article.
    pub article: Article,
    /// Gold cue character ranges.
    pub cues: Vec<Range>,
}

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the examples.
    pub epochs: usize,
    /// The weight table has `2^bits` entries.
    pub bits: u8,
    /// A word is a candidate when it is inside a gold cue at least this often…
    pub min_cue_count: u32,
    /// …and in at least this share of its occurrences.
    pub min_cue_rate: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 6,
            bits: 18,
            min_cue_count: 2,
            min_cue_rate: 0.02,
        }
    }
}

/// A trained model before it is written out.
#[derive(Debug, Clone)]
pub struct Trained {
    bits: u8,
    weights: Vec<f32>,
    /// Candidate words with their cue and total counts in the training data.
    vocabulary: Vec<(String, u32, u32)>,
}

/// One training paragraph: the prepared document and the gold tag per token.
struct Sample {
    doc: usize,
    para: usize,
    gold: Vec<bool>,
}

/// Trains a cue model on annotated articles (averaged perceptron, examples
/// in a fixed pseudo-random order, so training is deterministic).
pub fn train(examples: &[Example], options: TrainOptions) -> Trained {
    let docs: Vec<Doc> = examples
        .iter()
        .map(|e| super::prepare(&e.article))
        .collect();
    let flags: Vec<Vec<Vec<u8>>> = docs
        .iter()
        .map(|d| rule_flags(d, &super::rules::find(d)))
        .collect();
    // Gold tags and the candidate vocabulary.
    let mut counts: std::collections::HashMap<String, (u32, u32)> =
        std::collections::HashMap::new();
    let mut samples = Vec::new();
    for (di, (doc, ex)) in docs.iter().zip(examples).enumerate() {
        let mut cues = ex.cues.clone();
        cues.sort();
        for (pi, p) in doc.paras.iter().enumerate() {
            let gold: Vec<bool> = p
                .toks
                .iter()
                .map(|t| {
                    let k = cues.partition_point(|c| c.end <= t.range.start);
                    cues[k..]
                        .iter()
                        .take_while(|c| c.start < t.range.end)
                        .any(|c| c.end > t.range.start)
                })
                .collect();
            for (t, &g) in p.toks.iter().zip(&gold) {
                if t.is_word() || t.is_punct(':') {
                    let entry = counts.entry(t.text(doc.text).to_lowercase()).or_default();
                    entry.0 += u32::from(g);
                    entry.1 += 1;
                }
            }
            samples.push(Sample {
                doc: di,
                para: pi,
                gold,
            });
        }
    }
    let mut vocabulary: Vec<(String, u32, u32)> = counts
        .into_iter()
        .filter(|(_, (c, t))| {
            *c >= options.min_cue_count && f64::from(*c) >= options.min_cue_rate * f64::from(*t)
        })
        .map(|(w, (c, t))| (w, c, t))
        .collect();
    vocabulary.sort();
    let model = CueModel {
        bits: options.bits,
        scale: 1.0,
        keep: 0.0,
        drop: f32::NEG_INFINITY,
        weights: Cow::Owned(Vec::new()),
        candidates: vocabulary.iter().map(|(w, _, _)| word_hash(w)).collect(),
    };
    let size = 1usize << options.bits;
    // Averaged perceptron: current weights, their step-weighted sums, step.
    let mut weights = vec![0f32; size];
    let mut sums = vec![0f64; size];
    let mut step = 1f64;
    let mut order: Vec<usize> = (0..samples.len()).collect();
    let mut rng: u64 = 0x2545_f491_4f6c_dd1d;
    let mut feats = Vec::with_capacity(48);
    for _ in 0..options.epochs {
        // Fisher–Yates with xorshift: a fixed, reproducible order.
        for k in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let j = usize::try_from(rng % (k as u64 + 1)).unwrap_or(0);
            order.swap(k, j);
        }
        for &si in &order {
            let s = &samples[si];
            let doc = &docs[s.doc];
            let p = &doc.paras[s.para];
            let view = View::new(doc, p, &flags[s.doc][s.para]);
            let mut prev = false;
            for (i, &g) in s.gold.iter().enumerate() {
                if view.is_candidate(&model, i) {
                    feats.clear();
                    view.features(i, prev, options.bits, &mut feats);
                    let score: f32 = feats.iter().map(|&k| weights[k]).sum();
                    if (score > 0.0) != g {
                        let y = if g { 1.0 } else { -1.0 };
                        for &k in &feats {
                            weights[k] += y;
                            sums[k] += step * f64::from(y);
                        }
                    }
                    step += 1.0;
                }
                prev = g;
            }
        }
    }
    let weights = weights
        .iter()
        .zip(&sums)
        .map(|(&w, sum)| {
            // Back to f32 for storage: the weights are small numbers.
            #[allow(clippy::cast_possible_truncation)]
            let avg = (f64::from(w) - sum / step) as f32;
            avg
        })
        .collect();
    Trained {
        bits: options.bits,
        weights,
        vocabulary,
    }
}

impl Trained {
    /// The weights file: magic, table bits, scale and thresholds, then the
    /// weights as little-endian `i16` scaled to the largest.
    pub fn weights_bytes(&self, keep: f32, drop: f32) -> Vec<u8> {
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut out = Vec::with_capacity(HEADER + 2 * self.weights.len());
        out.extend_from_slice(MAGIC);
        out.push(self.bits);
        for v in [scale, keep, drop] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for w in &self.weights {
            // Rounded to the nearest step; within i16 by construction of `scale`.
            #[allow(clippy::cast_possible_truncation)]
            let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
        out
    }

    /// The candidate vocabulary file: one word a line with its counts.
    pub fn candidates_tsv(&self) -> String {
        let mut out = String::from(
            "# Cue-model candidate words: the tokens the learned cue model scores.\n\
             # Written by `cargo run --release --example train_cue_model`; do not edit by hand.\n\
             # word<TAB>times inside a PolNeAR train cue<TAB>times in PolNeAR train\n",
        );
        for (w, c, t) in &self.vocabulary {
            let _ = writeln!(out, "{w}\t{c}\t{t}");
        }
        out
    }

    /// The trained model with the given thresholds, ready to use.
    pub fn model(&self, keep: f32, drop: f32) -> Option<CueModel> {
        CueModel::from_bytes(
            Cow::Owned(self.weights_bytes(keep, drop)),
            &self.candidates_tsv(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_model_loads() {
        let m = CueModel::bundled().expect("bundled model");
        assert!(m.candidates.contains(&word_hash("said")));
        assert!(m.candidates.contains(&word_hash("SAID")));
    }

    #[test]
    fn hashes_ignore_case_and_suffixes_count_characters() {
        assert_eq!(word_hash("Said"), word_hash("said"));
        assert_eq!(word_hash("ÉTÉ"), word_hash("été"));
        assert_eq!(suffix_hash("reported", 2), suffix_hash("Fed", 2));
        assert_eq!(suffix_hash("é", 3), suffix_hash("é", 3));
    }

    #[test]
    fn training_learns_a_cue_and_round_trips() {
        let text = "Smith said the plan failed. Jones wants a new plan. The plan is old.";
        let cue = |w: &str| {
            let b = text.find(w).expect("word");
            Range::new(b, b + w.len())
        };
        let ex = Example {
            article: Article::new("t", "t", text.to_string()),
            cues: vec![cue("said"), cue("wants")],
        };
        let trained = train(
            &[ex.clone(), ex],
            TrainOptions {
                epochs: 4,
                bits: 12,
                min_cue_count: 1,
                min_cue_rate: 0.0,
            },
        );
        assert!(trained.candidates_tsv().contains("wants\t2\t2"));
        let model = trained.model(0.0, f32::NEG_INFINITY).expect("model");
        let article = Article::new("t", "t", text.to_string());
        let doc = super::super::prepare(&article);
        let found = refine(&doc, super::super::rules::find(&doc), &model, Scope::Broad);
        let cues: Vec<&str> = found
            .iter()
            .map(|(f, _)| &text[f.cue.start..f.cue.end])
            .collect();
        assert!(cues.contains(&"wants"), "{cues:?}");
        assert!(CueModel::from_bytes(Cow::Borrowed(b"nonsense"), "").is_none());
    }
}
