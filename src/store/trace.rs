//! `origin` from a case file: the stored claim index finds the sentences,
//! and only the articles they are in (and the articles by the sources they
//! credit) are read from the file.
//!
//! The answer is the in-memory command's: the credited sources' articles
//! are found among those sharing a lookup key with them
//! ([`crate::graph::credited::lookup_keys`]) — read in full for a cited
//! report's or document's publisher, by metadata alone otherwise, as the
//! in-memory neighbourhood (`crate::desk::origin::neighbourhood`) — and the
//! pipeline and provenance graph of those articles decide which one a source
//! is, by the same rule as in memory
//! ([`crate::graph::analysis::origins::credited_source`]).

use std::collections::{BTreeSet, HashMap};

use super::CaseFile;
use super::claims::to_hit;
use crate::analysis::Analysis;
use crate::article::Article;
use crate::desk::origin::{self, Trace};
use crate::entities::EntityKind;
use crate::error::Result;
use crate::graph::ProvenanceGraph;
use crate::graph::credited::{lookup_keys, publisher_key};
use crate::read::Corpus;
use crate::reuse;

/// A trace with the articles it names (for their URLs).
#[derive(Debug)]
pub struct StoredTrace {
    /// The trace.
    pub trace: Trace,
    /// The articles the trace names, by id.
    pub articles: HashMap<String, Article>,
}

impl CaseFile {
    /// Where `query` first appears among the stored articles, and how it spread.
    pub fn trace(&self, query: &str, limit: usize) -> Result<StoredTrace> {
        // One read transaction: one committed state, and SQLite takes its
        // shared lock once instead of once per statement (thousands).
        self.conn()
            .execute_batch("BEGIN")
            .map_err(|e| self.err(&e))?;
        let result = self.trace_in_snapshot(query, limit);
        let _ = self.conn().execute_batch("COMMIT");
        result
    }

    fn trace_in_snapshot(&self, query: &str, limit: usize) -> Result<StoredTrace> {
        let stored = self.search_claims(query, limit.max(1))?;
        // The carriers, in corpus order.
        let mut carriers: Vec<(i64, i64)> = stored.iter().map(|h| (h.seq, h.row)).collect();
        carriers.sort_unstable();
        carriers.dedup();
        let carrier_rows: Vec<i64> = carriers.iter().map(|c| c.1).collect();
        let loaded = self.articles(&carrier_rows)?;
        let subset = Corpus {
            articles: loaded.iter().map(|(_, a)| a.clone()).collect(),
            ..Corpus::default()
        };
        let analysis = Analysis::run(subset, &reuse::Options::default());
        // Articles by the sources the carriers credit: those of a cited
        // report's or document's publisher are read in full (a report
        // resolves to an article on copy evidence), the others named only —
        // the in-memory `origin`'s neighbourhood.
        let mut keys: BTreeSet<String> = BTreeSet::new();
        let mut report_keys: BTreeSet<String> = BTreeSet::new();
        for list in &analysis.attributions {
            for e in list.iter().filter_map(|a| a.entity.as_ref()) {
                let mut k = lookup_keys(&e.name);
                k.push(publisher_key(&analysis.entities, &e.id));
                if matches!(e.kind, EntityKind::Report | EntityKind::Document) {
                    report_keys.extend(k.iter().cloned());
                }
                keys.extend(k);
            }
        }
        let keys: Vec<String> = keys.into_iter().collect();
        let report_keys: Vec<String> = report_keys.into_iter().collect();
        let carrier_set: BTreeSet<i64> = carrier_rows.iter().copied().collect();
        let read: Vec<i64> = self
            .rows_named(&report_keys)?
            .into_iter()
            .filter(|r| !carrier_set.contains(r))
            .collect();
        let named: Vec<i64> = self
            .rows_named(&keys)?
            .into_iter()
            .filter(|r| !carrier_set.contains(r) && !read.contains(r))
            .collect();
        let mut heads = self.articles(&read)?;
        heads.extend(self.article_heads(&named)?);
        let seqs = self
            .seqs(&read)?
            .into_iter()
            .chain(self.seqs(&named)?)
            .collect::<HashMap<_, _>>();
        // One slice in corpus order: carriers and named articles.
        let mut all: Vec<(i64, i64, Article)> = Vec::new();
        let carrier_seq: HashMap<i64, i64> =
            carriers.iter().map(|&(seq, row)| (row, seq)).collect();
        for (row, a) in loaded {
            all.push((carrier_seq.get(&row).copied().unwrap_or(i64::MAX), row, a));
        }
        for (row, a) in heads {
            all.push((seqs.get(&row).copied().unwrap_or(i64::MAX), row, a));
        }
        all.sort_by_key(|x| (x.0, x.1));
        let place: HashMap<i64, usize> = all.iter().enumerate().map(|(i, x)| (x.1, i)).collect();
        let hits: Vec<origin::Hit> = stored
            .iter()
            .filter_map(|h| place.get(&h.row).map(|&i| to_hit(h, i)))
            .collect();
        // The pipeline over every article the trace reads (the named ones
        // have no text), and its provenance graph.
        let articles: Vec<Article> = all.into_iter().map(|x| x.2).collect();
        let analysis = Analysis::run(
            Corpus {
                articles,
                ..Corpus::default()
            },
            &reuse::Options::default(),
        );
        let graph = ProvenanceGraph::build(&analysis);
        let trace = origin::trace(query, &analysis, &graph, &hits);
        let by_id = analysis
            .corpus
            .articles
            .into_iter()
            .filter(|a| !a.text.as_str().is_empty())
            .map(|a| (a.id.clone(), a))
            .collect();
        Ok(StoredTrace {
            trace,
            articles: by_id,
        })
    }

    /// Corpus order (`seq`) of rows.
    fn seqs(&self, rows: &[i64]) -> Result<HashMap<i64, i64>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT seq FROM article WHERE row = ?1")
            .map_err(|e| self.err(&e))?;
        let mut out = HashMap::new();
        for &r in rows {
            let s: i64 = stmt
                .query_row([r], |x| x.get(0))
                .map_err(|e| self.err(&e))?;
            out.insert(r, s);
        }
        Ok(out)
    }
}
