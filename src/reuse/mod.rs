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
pub mod quoted;
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

/// Two articles that quote the same speaker and share nothing else: not a
/// copy, and listed apart from copy claims so that quote checking, the graph
/// and the report can use it ("both quote SPEAKER").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedQuote {
    /// The first article (by id).
    pub a: String,
    /// The second article.
    pub b: String,
    /// Who the articles say is quoted, when an attribution resolved it.
    pub speakers: Vec<String>,
    /// The shared quotations: `origin` spans in `a`, `copy` spans in `b`.
    pub passages: Vec<Passage>,
    /// Human-readable reasons.
    pub evidence: Vec<String>,
}

/// Everything the reuse stage finds, by relation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reuse {
    /// Copy claims: one article took text from the other (or both from a
    /// common source, said in the evidence).
    pub copies: Vec<CopyPair>,
    /// House reuse: one outlet recycled short passages across its own
    /// different stories. Below copy claims: worth knowing, not a copied story.
    pub house: Vec<CopyPair>,
    /// Pairs whose shared text is only quotations of a third party.
    pub shared_quotes: Vec<SharedQuote>,
}

/// Settings for copy detection.
#[derive(Debug, Clone)]
pub struct Options {
    /// Pairs scoring below this are dropped.
    pub min_score: f64,
    /// Words of shared text outside shared quotations (summed over passages
    /// of at least `align.min_prose` prose words) a copy claim needs: one
    /// long passage, or several short ones.
    pub min_evidence_words: usize,
    /// Share of the shorter story that text shared by two articles of one
    /// outlet must reach to be a republished story (a copy) rather than
    /// house reuse.
    pub house_coverage: f64,
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
            min_evidence_words: 30,
            house_coverage: 0.3,
            progress: false,
            index: index::IndexOptions::default(),
            align: align::AlignOptions::default(),
            paraphrase: paraphrase::ParaphraseOptions::default(),
        }
    }
}

mod detect;
pub use detect::{
    Found, Relation, Signals, align_candidates, compare_all, detect, detect_all, ranks, settle,
};
