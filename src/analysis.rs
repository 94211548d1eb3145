//! One run of the pipeline over a corpus: attributions, then reuse, then
//! quote verification.
//!
//! Every command that needs more than reading (copies, graph, quotes, origin,
//! report) builds an [`Analysis`] once and reads from it, so commands cannot
//! disagree about an attribution, an entity id, a copy or a quote verdict.
//! Attributions travel in one shape: `attributions[i]` belongs to
//! `corpus.articles[i]`, entity ids merged across the corpus.

use std::sync::OnceLock;

use crate::attribution::{self, Attribution};
use crate::entities::Registry;
use crate::quotes::locate::Locator;
use crate::quotes::{self, QuoteCheck};
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
    /// Every quote's verdict, computed on first use (`copies` never needs it).
    quote_checks: OnceLock<Vec<QuoteCheck>>,
}

impl Analysis {
    /// Runs attribution parsing (in parallel, entities merged across the
    /// corpus) and reuse detection (copies, house reuse, shared quotations)
    /// over `corpus`, whose stock text the reader has already marked.
    pub fn run(corpus: Corpus, reuse_options: &reuse::Options) -> Self {
        let (attributions, entities) = attribution::extract_corpus(&corpus.articles);
        let found = reuse::detect_all(&corpus.articles, &attributions, reuse_options);
        Self::from_parts(corpus, attributions, entities, found)
    }

    /// The first stages only — attributions, entity ids merged across the
    /// whole corpus — with no reuse yet: what [`Analysis::narrowed`] starts
    /// from, so a command that needs the pairwise stages on a few articles
    /// (`origin`) still names every source as the whole corpus does.
    pub fn attributed(corpus: Corpus) -> Self {
        let (attributions, entities) = attribution::extract_corpus(&corpus.articles);
        Self::from_parts(corpus, attributions, entities, reuse::Reuse::default())
    }

    /// A few articles of this corpus as an analysis of their own: `read`
    /// (indexes into this corpus) with their text and attributions, reuse
    /// detection run among them only; `named` with their metadata alone (no
    /// text, so no attributions, copies or quotes) — articles a command
    /// needs to name but not to compare. The whole corpus's entity registry
    /// is kept; articles stay in corpus order.
    #[must_use]
    pub fn narrowed(
        &self,
        read: &[usize],
        named: &[usize],
        reuse_options: &reuse::Options,
    ) -> Self {
        let mut keep: Vec<(usize, bool)> = read
            .iter()
            .map(|&i| (i, true))
            .chain(named.iter().map(|&i| (i, false)))
            .filter(|&(i, _)| i < self.corpus.articles.len())
            .collect();
        keep.sort_unstable_by_key(|&(i, full)| (i, !full));
        keep.dedup_by_key(|x| x.0);
        let mut articles = Vec::with_capacity(keep.len());
        let mut attributions = Vec::with_capacity(keep.len());
        for &(i, full) in &keep {
            let a = &self.corpus.articles[i];
            if full {
                articles.push(a.clone());
                attributions.push(self.attributions.get(i).cloned().unwrap_or_default());
            } else {
                let mut head =
                    crate::article::Article::new(a.id.clone(), a.path.clone(), String::new());
                head.meta = a.meta.clone();
                articles.push(head);
                attributions.push(Vec::new());
            }
        }
        let found = reuse::detect_all(&articles, &attributions, reuse_options);
        let corpus = Corpus {
            articles,
            ..Corpus::default()
        };
        Self::from_parts(corpus, attributions, self.entities.clone(), found)
    }

    /// An analysis from stages already run: `attributions[i]` belongs to
    /// `corpus.articles[i]` (missing entries count as none).
    pub fn from_parts(
        corpus: Corpus,
        mut attributions: Vec<Vec<Attribution>>,
        entities: Registry,
        found: reuse::Reuse,
    ) -> Self {
        attributions.resize_with(corpus.articles.len(), Vec::new);
        let reuse::Reuse {
            copies,
            house,
            shared_quotes,
        } = found;
        Analysis {
            corpus,
            attributions,
            copies,
            house,
            shared_quotes,
            entities,
            quote_checks: OnceLock::new(),
        }
    }

    /// Every direct quote checked against the same statement elsewhere
    /// ([`quotes::check_all`]), in article then text order: computed once,
    /// on first use, and shared by the graph, the report and `quotes`.
    pub fn quote_checks(&self) -> &[QuoteCheck] {
        self.quote_checks.get_or_init(|| {
            let articles = &self.corpus.articles;
            let locator = Locator::new(articles);
            quotes::check_all(
                articles,
                &self.attributions,
                &self.copies,
                &locator,
                &self.entities,
            )
        })
    }
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
    /// [`crate::graph::credited::publisher_key`] with this corpus's registry.
    pub fn publisher_key(&self, report: &str) -> String {
        crate::graph::credited::publisher_key(&self.entities, report)
    }
}
