//! One run of the pipeline over a corpus: attributions, then copies.
//!
//! Commands that need more than one stage (graph, quotes, origin, report)
//! build an [`Analysis`] once and read from it.

use rayon::prelude::*;

use crate::attribution::{self, Attribution};
use crate::read::Corpus;
use crate::reuse::{self, CopyPair};

/// The corpus with every stage's findings.
#[derive(Debug)]
pub struct Analysis {
    /// The articles read (and the inputs that failed).
    pub corpus: Corpus,
    /// `attributions[i]` are the attributions of `corpus.articles[i]`.
    pub attributions: Vec<Vec<Attribution>>,
    /// Copy pairs between articles.
    pub copies: Vec<CopyPair>,
}

impl Analysis {
    /// Runs attribution parsing (in parallel) and copy detection over `corpus`.
    pub fn run(corpus: Corpus, reuse_options: &reuse::Options) -> Self {
        let attributions: Vec<Vec<Attribution>> = corpus
            .articles
            .par_iter()
            .map(attribution::extract)
            .collect();
        let copies = reuse::detect(&corpus.articles, &attributions, reuse_options);
        Analysis {
            corpus,
            attributions,
            copies,
        }
    }
}
