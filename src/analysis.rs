//! One run of the pipeline over a corpus: attributions, then reuse.
//!
//! Every command that needs more than reading (copies, graph, quotes, origin,
//! report) builds an [`Analysis`] once and reads from it, so commands cannot
//! disagree about an attribution, an entity id or a copy.

use crate::article::Article;
use crate::attribution::{self, Attribution};
use crate::entities::Registry;
use crate::read::Corpus;
use crate::reuse::{self, CopyPair, SharedQuote};

/// The corpus with every stage's findings.
#[derive(Debug)]
pub struct Analysis {
    /// The articles read (and the inputs that failed).
    pub corpus: Corpus,
    /// `attributions[i]` are the attributions of `corpus.articles[i]`.
    pub attributions: Vec<Vec<Attribution>>,
    /// Copy claims between articles.
    pub copies: Vec<CopyPair>,
    /// House reuse: one outlet recycling passages across its own stories.
    pub house: Vec<CopyPair>,
    /// Pairs that share only quotations of a third party.
    pub shared_quotes: Vec<SharedQuote>,
    /// Entities of the whole corpus, merged (aliases, transliterations,
    /// report publishers); attributions' entity ids are its canonical ids.
    pub entities: Registry,
}

impl Analysis {
    /// Runs attribution parsing (in parallel, entities merged across the
    /// corpus) and reuse detection (copies, house reuse, shared quotations)
    /// over `corpus`, whose stock text the reader has already marked.
    pub fn run(corpus: Corpus, reuse_options: &reuse::Options) -> Self {
        let (attributions, entities) = attributions_by_article(&corpus.articles);
        let reuse::Reuse {
            copies,
            house,
            shared_quotes,
        } = reuse::detect_all(&corpus.articles, &attributions, reuse_options);
        Analysis {
            corpus,
            attributions,
            copies,
            house,
            shared_quotes,
            entities,
        }
    }
}

/// Attributions of every article (`out[i]` for `articles[i]`), entities
/// merged across the corpus, and the merged registry. [`Analysis::run`] and
/// `citetrace align` (which needs the same direction evidence) share it.
pub fn attributions_by_article(articles: &[Article]) -> (Vec<Vec<Attribution>>, Registry) {
    let (flat, entities) = attribution::extract_corpus(articles);
    let index: std::collections::HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut attributions: Vec<Vec<Attribution>> = vec![Vec::new(); articles.len()];
    for a in flat {
        if let Some(&i) = index.get(a.article.as_str()) {
            attributions[i].push(a);
        }
    }
    (attributions, entities)
}

impl Analysis {
    /// The canonical id of an entity id (merged aliases share one id); ids
    /// the registry does not know are their own canonical id.
    pub fn canonical(&self, id: &str) -> String {
        self.entities.canonical(id).to_string()
    }

    /// The canonical display name of an entity, when the registry knows it.
    pub fn entity_name(&self, id: &str) -> Option<String> {
        self.entities.get(id).map(|e| e.name.clone())
    }

    /// Other names of an entity, sorted, when the registry knows them.
    pub fn entity_aliases(&self, id: &str) -> Vec<String> {
        self.entities
            .get(id)
            .map(|e| e.aliases.clone())
            .unwrap_or_default()
    }

    /// The name key of a report's publisher ("memri" for the MEMRI report):
    /// the registry's publisher link when there is one, else the report's
    /// own key (report ids are keyed by their publisher's name).
    pub fn publisher_key(&self, report: &str) -> String {
        let id = self
            .entities
            .get(report)
            .and_then(|e| e.publisher.clone())
            .unwrap_or_else(|| report.to_string());
        crate::graph::keys::key_of(&id).to_string()
    }
}
