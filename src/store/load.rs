//! Reading a case file back: the corpus and the analysis of the current
//! version of every stored article, in corpus order (the order ids were
//! first added).
//!
//! [`CaseFile::analysis`] gives the [`Analysis`] an in-memory run builds:
//! the stored per-article attributions get their entity ids merged across
//! the corpus by [`Registry::build`] (as `attribution::extract_corpus` does),
//! and the stored compared pairs are explained and sorted by
//! [`crate::reuse::settle`] (as `reuse::detect_all` does).

use std::collections::HashMap;

use rusqlite::params_from_iter;

use super::{CaseFile, bad_json};
use crate::analysis::Analysis;
use crate::article::{Article, Boilerplate, BoilerplateKind, Metadata};
use crate::attribution::Attribution;
use crate::entities::{Entity, Registry};
use crate::error::Result;
use crate::read::Corpus;
use crate::read::infer::stock;
use crate::reuse::{self, Found};
use crate::text::Text;

/// Stored attributions by article row, and entity records.
pub(crate) type RawAttributions = (HashMap<i64, Vec<Attribution>>, Vec<Entity>);

/// Columns of `article` that make an [`Article`].
const ARTICLE_COLUMNS: &str = "row, id, path, text, meta, boilerplate";

fn article_of(file: &CaseFile, r: &rusqlite::Row) -> rusqlite::Result<(i64, Result<Article>)> {
    let row: i64 = r.get(0)?;
    let id: String = r.get(1)?;
    let path: String = r.get(2)?;
    let text: String = r.get(3)?;
    let meta: String = r.get(4)?;
    let boiler: String = r.get(5)?;
    let built = (|| {
        let meta: Metadata =
            serde_json::from_str(&meta).map_err(|e| bad_json(file.path(), "metadata", &e))?;
        let boilerplate: Vec<Boilerplate> =
            serde_json::from_str(&boiler).map_err(|e| bad_json(file.path(), "boilerplate", &e))?;
        Ok(Article {
            id,
            path,
            text: Text::new(text),
            meta,
            boilerplate,
            warnings: Vec::new(),
        })
    })();
    Ok((row, built))
}

/// Stored articles by row, in the order of `rows` (missing rows left out).
pub(crate) fn articles_by_row(file: &CaseFile, rows: &[i64]) -> Result<Vec<(i64, Article)>> {
    let mut out = Vec::with_capacity(rows.len());
    let mut stmt = file
        .conn()
        .prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS} FROM article WHERE row = ?1"
        ))
        .map_err(|e| file.err(&e))?;
    for &row in rows {
        let mut found = stmt
            .query_map([row], |r| article_of(file, r))
            .map_err(|e| file.err(&e))?;
        if let Some(x) = found.next() {
            let (row, a) = x.map_err(|e| file.err(&e))?;
            out.push((row, a?));
        }
    }
    Ok(out)
}

/// The stored attributions (entity ids as each article alone resolved
/// them) by article row, and the entity records of `rows` in their order.
pub(crate) fn raw_attributions(file: &CaseFile, rows: &[i64]) -> Result<RawAttributions> {
    let conn = file.conn();
    let err = |e: rusqlite::Error| file.err(&e);
    let mut attributions: HashMap<i64, Vec<Attribution>> = HashMap::new();
    let mut records = Vec::new();
    let mut att = conn
        .prepare_cached("SELECT record FROM attribution WHERE article = ?1 ORDER BY n")
        .map_err(err)?;
    let mut ent = conn
        .prepare_cached("SELECT record FROM entity_record WHERE article = ?1 ORDER BY n")
        .map_err(err)?;
    for &row in rows {
        let list = attributions.entry(row).or_default();
        for json in att
            .query_map([row], |r| r.get::<_, String>(0))
            .map_err(err)?
        {
            let json = json.map_err(err)?;
            list.push(
                serde_json::from_str(&json)
                    .map_err(|e| bad_json(file.path(), "attribution", &e))?,
            );
        }
        for json in ent
            .query_map([row], |r| r.get::<_, String>(0))
            .map_err(err)?
        {
            let json = json.map_err(err)?;
            records.push(
                serde_json::from_str(&json).map_err(|e| bad_json(file.path(), "entity", &e))?,
            );
        }
    }
    Ok((attributions, records))
}

impl CaseFile {
    /// The current articles, in corpus order, with their rows.
    pub fn corpus_with_rows(&self) -> Result<(Corpus, Vec<i64>)> {
        let mut stmt = self
            .conn()
            .prepare(&format!(
                "SELECT {ARTICLE_COLUMNS} FROM article WHERE current = 1 ORDER BY seq"
            ))
            .map_err(|e| self.err(&e))?;
        let mut articles = Vec::new();
        let mut rows = Vec::new();
        for x in stmt
            .query_map([], |r| article_of(self, r))
            .map_err(|e| self.err(&e))?
        {
            let (row, a) = x.map_err(|e| self.err(&e))?;
            articles.push(a?);
            rows.push(row);
        }
        // Stock lines are learned over the whole corpus, as the reader
        // learns them: the stored marks have the right lines, but their
        // reasons (how many articles, which dates) were written when each
        // article was last derived.
        for a in &mut articles {
            a.boilerplate.retain(|b| b.kind != BoilerplateKind::Stock);
        }
        stock::mark_corpus(&mut articles, &stock::StockOptions::default());
        Ok((
            Corpus {
                articles,
                ..Corpus::default()
            },
            rows,
        ))
    }

    /// The current articles, in corpus order.
    pub fn corpus(&self) -> Result<Corpus> {
        self.corpus_with_rows().map(|(c, _)| c)
    }

    /// Number of current articles.
    pub fn article_count(&self) -> Result<usize> {
        let n: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM article WHERE current = 1", [], |r| {
                r.get(0)
            })
            .map_err(|e| self.err(&e))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// The stored analysis of the current articles: the same [`Analysis`]
    /// as `Analysis::run` on them, the compared pairs settled with
    /// `options` (its `min_score` applies).
    pub fn analysis(&self, options: &reuse::Options) -> Result<Analysis> {
        // One read transaction: a concurrent add cannot change the file
        // between the articles and their pairs.
        self.conn()
            .execute_batch("BEGIN")
            .map_err(|e| self.err(&e))?;
        let result = self.analysis_in_snapshot(options);
        let _ = self.conn().execute_batch("COMMIT");
        result
    }

    fn analysis_in_snapshot(&self, options: &reuse::Options) -> Result<Analysis> {
        let (corpus, rows) = self.corpus_with_rows()?;
        let (raw, records) = raw_attributions(self, &rows)?;
        let entities = Registry::build(records);
        let attributions: Vec<Vec<Attribution>> = rows
            .iter()
            .map(|r| {
                raw.get(r)
                    .map(|list| super::add::canonical(list, &entities))
                    .unwrap_or_default()
            })
            .collect();
        let index: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, &r)| (r, i)).collect();
        let mut found: Vec<Found> = Vec::new();
        let mut stmt = self
            .conn()
            .prepare("SELECT a, b, found FROM pair")
            .map_err(|e| self.err(&e))?;
        for x in stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(|e| self.err(&e))?
        {
            let (a, b, json) = x.map_err(|e| self.err(&e))?;
            let (Some(&ia), Some(&ib)) = (index.get(&a), index.get(&b)) else {
                continue;
            };
            let mut f: Found =
                serde_json::from_str(&json).map_err(|e| bad_json(self.path(), "pair", &e))?;
            if ia < ib {
                f.a = ia;
                f.b = ib;
            } else {
                // Stored the other way round: swap sides.
                f.a = ib;
                f.b = ia;
                f.a_is_origin = f.a_is_origin.map(|x| !x);
                f.lean = f.lean.map(|x| !x);
                for p in &mut f.passages {
                    *p = (p.1, p.0, p.2);
                }
            }
            found.push(f);
        }
        found.sort_by_key(|f| (f.a, f.b));
        let found = reuse::settle(&corpus.articles, found, options);
        Ok(Analysis::from_parts(corpus, attributions, entities, found))
    }

    /// Articles by row, in the order given (for `origin`).
    pub fn articles(&self, rows: &[i64]) -> Result<Vec<(i64, Article)>> {
        articles_by_row(self, rows)
    }

    /// Rows of current articles known by a name with one of `keys`
    /// ([`crate::graph::credited::lookup_keys`]), in corpus order.
    pub fn rows_named(&self, keys: &[String]) -> Result<Vec<i64>> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let marks = vec!["?"; keys.len()].join(", ");
        let mut stmt = self
            .conn()
            .prepare(&format!(
                "SELECT DISTINCT a.row, a.seq FROM name_key k JOIN article a ON a.row = k.article
                 WHERE a.current = 1 AND k.key IN ({marks}) ORDER BY a.seq"
            ))
            .map_err(|e| self.err(&e))?;
        let rows = stmt
            .query_map(params_from_iter(keys.iter()), |r| r.get::<_, i64>(0))
            .map_err(|e| self.err(&e))?
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(&e))?;
        Ok(rows)
    }
}

impl CaseFile {
    /// Articles by row with their metadata only (empty text, no
    /// boilerplate): enough to tell who published them and when.
    pub fn article_heads(&self, rows: &[i64]) -> Result<Vec<(i64, Article)>> {
        let mut out = Vec::with_capacity(rows.len());
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT row, id, path, '', meta, '[]' FROM article WHERE row = ?1")
            .map_err(|e| self.err(&e))?;
        for &row in rows {
            let mut found = stmt
                .query_map([row], |r| article_of(self, r))
                .map_err(|e| self.err(&e))?;
            if let Some(x) = found.next() {
                let (row, a) = x.map_err(|e| self.err(&e))?;
                out.push((row, a?));
            }
        }
        Ok(out)
    }
}
