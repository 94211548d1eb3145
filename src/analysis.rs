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

impl Analysis {
    /// The canonical id of an entity id (merged aliases share one id).
    /// Without a corpus-level registry every id is its own canonical id.
    pub fn canonical(&self, id: &str) -> String {
        id.to_string()
    }

    /// The canonical display name of an entity, when the registry knows it.
    pub fn entity_name(&self, id: &str) -> Option<String> {
        let _ = id;
        None
    }

    /// Other names of an entity, sorted, when the registry knows them.
    pub fn entity_aliases(&self, id: &str) -> Vec<String> {
        let _ = id;
        Vec::new()
    }

    /// The name key of a report's publisher ("memri" for the MEMRI report):
    /// report ids are keyed by their publisher's name.
    pub fn publisher_key(&self, report: &str) -> String {
        crate::graph::keys::key_of(report).to_string()
    }
}
