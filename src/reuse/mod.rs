//! Who copied whom: text reuse between articles, with direction and evidence.
//!
//! Finds pairs of articles that share text in three tiers — verbatim,
//! near-verbatim (edited), paraphrase (rewritten) — aligns the shared
//! passages, and decides which article is the origin from dates, credits,
//! attributions and containment, or says that nothing decides.
//! The output contract is documented in `docs/formats.md`.

pub mod align;
pub mod direction;
pub mod explain;
pub mod index;
pub mod paraphrase;
pub mod synth;
pub mod tokens;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How closely the copy follows the origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    /// Passages lifted unchanged (modulo quotes, dashes, spacing, case).
    Verbatim,
    /// Edited copy: words dropped, changed or reordered inside passages.
    NearVerbatim,
    /// A rewrite or translation keeping the sequence, names, dates and numbers.
    Paraphrase,
}

/// One aligned pair of passages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// The passage in the origin article.
    pub origin: Span,
    /// The passage in the copy.
    pub copy: Span,
    /// 0.0–1.0 similarity of the two passages.
    pub similarity: f64,
}

/// A pair of articles that share text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyPair {
    /// The article the text came from (or the first of an undirected pair).
    pub origin: String,
    /// The article that took it (or the second of an undirected pair).
    pub copy: String,
    /// False when the evidence does not decide the direction.
    pub directed: bool,
    /// The closest tier of the shared text.
    pub tier: Tier,
    /// 0.0–1.0 strength of the reuse.
    pub score: f64,
    /// Aligned passages, in copy order.
    pub passages: Vec<Passage>,
    /// Human-readable reasons for the pair and its direction.
    pub evidence: Vec<String>,
}

/// Settings for copy detection.
#[derive(Debug, Clone)]
pub struct Options {
    /// Pairs scoring below this are dropped.
    pub min_score: f64,
    /// Show a progress bar on stderr (only when it is a terminal).
    pub progress: bool,
    /// Fingerprinting and candidate selection.
    pub index: index::IndexOptions,
    /// Passage alignment (verbatim and near-verbatim).
    pub align: align::AlignOptions,
    /// Sentence alignment (paraphrase).
    pub paraphrase: paraphrase::ParaphraseOptions,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_score: 0.0,
            progress: false,
            index: index::IndexOptions::default(),
            align: align::AlignOptions::default(),
            paraphrase: paraphrase::ParaphraseOptions::default(),
        }
    }
}

mod detect;
pub use detect::detect;
