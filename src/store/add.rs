//! Adding articles to a case file, incrementally, one transaction per add.
//!
//! An article already stored under the same id with the same text is left
//! alone; a changed text becomes the id's next version (the old one is kept,
//! marked not current, and its derived rows are dropped). For each new
//! article the per-article work is done once, before taking the write lock:
//! attributions with their entity records, reuse fingerprints, claim-index
//! sentences. Under the lock (`BEGIN IMMEDIATE`, so two adds serialize) the
//! new fingerprints are matched against the stored postings with the same
//! candidate rule as [`crate::reuse::index::candidates`] — only pairs with a
//! new article are made — and only those pairs are aligned. Everything is
//! written in the one transaction: a process killed mid-add leaves the last
//! committed state.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rayon::prelude::*;
use rusqlite::{OptionalExtension, params};

use super::{CaseFile, bad_json, content_hash, key, load};
use crate::article::{Article, BoilerplateKind};
use crate::attribution::{self, Attribution};
use crate::desk::origin;
use crate::entities::Registry;
use crate::error::Result;
use crate::graph::credited;
use crate::read::infer::stock::{self, StockInput, StockMark, StockOptions};
use crate::reuse::index::Fingerprints;
use crate::reuse::tokens::Profile;
use crate::reuse::{self, Found, Signals};

/// Fingerprint kinds in the `fingerprint` table.
pub(crate) const TEXT: i64 = 0;
/// See [`TEXT`].
pub(crate) const ANCHOR: i64 = 1;

/// Settings of an add.
#[derive(Debug, Clone, Default)]
pub struct AddOptions {
    /// Reuse detection settings (the stored pairs are compared with them).
    pub reuse: reuse::Options,
}

/// What an add did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct AddSummary {
    /// Articles stored for the first time.
    pub added: Vec<String>,
    /// Articles whose text changed: stored as a new version.
    pub updated: Vec<String>,
    /// Articles already stored with the same text: nothing done.
    pub unchanged: usize,
    /// Stored articles whose stock lines (learned over the whole case
    /// file) changed with this add, and whose findings were redone.
    pub restocked: usize,
    /// Pairs compared (each has a new or redone article).
    pub compared: usize,
    /// Pairs that share text (copies, house reuse, shared quotations).
    pub found: usize,
}

/// How an article read relates to what is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    New,
    /// The current stored row, its version and its sequence number.
    Changed(i64, i64, i64),
    Same,
}

/// What is derived from one article once its stock lines are known.
struct Prepared {
    analysis: attribution::Analysis,
    fingerprints: Fingerprints,
    units: super::claims::Sentences,
}

impl Prepared {
    /// The per-article work: attributions with their entity records, reuse
    /// fingerprints, claim-index sentences.
    fn of(a: &Article, options: &AddOptions) -> Prepared {
        let model = attribution::model::CueModel::bundled();
        Prepared {
            analysis: attribution::analyze_with(a, model, attribution::Scope::Reported),
            fingerprints: Fingerprints::new(&Profile::new(a), &options.reuse.index),
            units: origin::sentence_terms(a),
        }
    }
}

/// An article without the stock lines a corpus pass marked in it: what
/// it is before the case file's own stock pass.
pub(crate) fn without_stock(a: &Article) -> Article {
    let mut a = a.clone();
    a.boilerplate.retain(|b| b.kind != BoilerplateKind::Stock);
    a
}

fn status(file: &CaseFile, article: &Article, hash: &str) -> Result<Status> {
    let row: Option<(i64, i64, i64, String)> = file
        .conn()
        .prepare_cached("SELECT row, version, seq, hash FROM article WHERE id = ?1 AND current = 1")
        .and_then(|mut s| {
            s.query_row([&article.id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()
        })
        .map_err(|e| file.err(&e))?;
    let Some((row, version, seq, h)) = row else {
        return Ok(Status::New);
    };
    if h == hash {
        // Same hash: the texts themselves decide.
        let text: String = file
            .conn()
            .query_row("SELECT text FROM article WHERE row = ?1", [row], |r| {
                r.get(0)
            })
            .map_err(|e| file.err(&e))?;
        if text == article.text.as_str() {
            return Ok(Status::Same);
        }
    }
    Ok(Status::Changed(row, version, seq))
}

/// The line indices of an article's stock marks, packed (4 bytes each).
fn pack_marked(marks: &[StockMark]) -> Vec<u8> {
    marks.iter().flat_map(|m| m.0.to_le_bytes()).collect()
}

/// A holder of a fingerprint as fan-out ranks it: (undated, date, seq, row).
type Holder = (bool, Option<String>, i64, i64);

/// A count as `SQLite` stores it.
pub(crate) fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// An article whose findings this add (re)computes, with what the pair
/// search needs.
struct Stored {
    row: i64,
    seq: i64,
    /// Index in the articles handed to the pair search.
    index: usize,
    fingerprints: Fingerprints,
}

/// An article to (re)derive in this add: new, or stored with stock lines
/// that changed.
struct Todo {
    row: i64,
    seq: i64,
    /// The article without stock lines ([`without_stock`]).
    article: Article,
    /// The article was stored before this add (its old findings go).
    stored_before: bool,
}

impl CaseFile {
    /// Adds `articles` (as the reader gave them) in one transaction.
    pub fn add(&mut self, articles: &[Article], options: &AddOptions) -> Result<AddSummary> {
        // Outside the lock: hashes and each article's stock-pass view.
        let hashes: Vec<String> = articles
            .iter()
            .map(|a| content_hash(a.text.as_str()))
            .collect();
        let stock_options = StockOptions::default();
        let lines: Vec<Vec<stock::Keyed>> = articles
            .par_iter()
            .map(|a| stock::keyed_lines(a, stock_options.min_words))
            .collect();
        let conn = self.conn();
        conn.execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.err(&e))?;
        let result = self.add_locked(articles, &hashes, &lines, options);
        match result {
            Ok(summary) => {
                conn.execute_batch("COMMIT").map_err(|e| self.err(&e))?;
                Ok(summary)
            }
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    fn add_locked(
        &self,
        articles: &[Article],
        hashes: &[String],
        lines: &[Vec<stock::Keyed>],
        options: &AddOptions,
    ) -> Result<AddSummary> {
        let conn = self.conn();
        let err = |e: rusqlite::Error| self.err(&e);
        let mut summary = AddSummary::default();
        let mut next_seq = meta(self, "next_seq")?;
        let now = jiff::Timestamp::now().to_string();
        let mut new: HashMap<i64, Article> = HashMap::new();
        for (i, a) in articles.iter().enumerate() {
            // Checked under the lock: another add may have stored it.
            let st = status(self, a, &hashes[i])?;
            let (version, seq) = match st {
                Status::Same => {
                    summary.unchanged += 1;
                    continue;
                }
                Status::New => {
                    let seq = next_seq;
                    next_seq += 1;
                    summary.added.push(a.id.clone());
                    (1, seq)
                }
                Status::Changed(old, version, seq) => {
                    self.retire(old)?;
                    summary.updated.push(a.id.clone());
                    (version + 1, seq)
                }
            };
            let base = without_stock(a);
            let meta_json = serde_json::to_string(&base.meta)
                .map_err(|e| bad_json(self.path(), "metadata", &e))?;
            conn.execute(
                "INSERT INTO article (id, version, seq, current, hash, path, outlet, date, title, text, meta, boilerplate, added)
                 VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, '[]', ?11)",
                params![
                    base.id,
                    version,
                    seq,
                    hashes[i],
                    base.path,
                    base.outlet(),
                    base.date().map(|d| d.to_string()),
                    base.meta.title.as_ref().map(|t| t.value.as_str()),
                    base.text.as_str(),
                    meta_json,
                    now
                ],
            )
            .map_err(err)?;
            let row = conn.last_insert_rowid();
            conn.execute(
                "INSERT INTO stock_line (article, lines, marked) VALUES (?1, ?2, x'')",
                params![row, stock::pack_lines(&lines[i])],
            )
            .map_err(err)?;
            new.insert(row, base);
        }
        set_meta(self, "next_seq", next_seq)?;
        if new.is_empty() {
            return Ok(summary);
        }
        // The stock pass over every current article, from the stored lines.
        let (todo, restocked) = self.restock(new)?;
        summary.restocked = restocked;
        let prepared: Vec<Prepared> = todo
            .par_iter()
            .map(|t| Prepared::of(&t.article, options))
            .collect();
        let mut units: Vec<(i64, super::claims::Sentences)> = Vec::new();
        let mut stored: Vec<Stored> = Vec::new();
        let mut local: Vec<Article> = Vec::with_capacity(todo.len());
        for (k, (t, p)) in todo.into_iter().zip(prepared).enumerate() {
            if t.stored_before {
                self.drop_findings(t.row)?;
            }
            let boiler = serde_json::to_string(&t.article.boilerplate)
                .map_err(|e| bad_json(self.path(), "boilerplate", &e))?;
            conn.execute(
                "UPDATE article SET boilerplate = ?2 WHERE row = ?1",
                params![t.row, boiler],
            )
            .map_err(err)?;
            self.store_per_article(t.row, &t.article, &p.analysis)?;
            units.push((t.row, p.units));
            stored.push(Stored {
                row: t.row,
                seq: t.seq,
                index: k,
                fingerprints: p.fingerprints,
            });
            local.push(t.article);
        }
        super::claims::store_units(self, &units)?;
        let (compared, found) = self.compare_new(&local, &stored, options)?;
        summary.compared = compared;
        summary.found = found;
        Ok(summary)
    }

    /// Learns the stock lines of every current article from the stored
    /// lines (as the reader learns them from a corpus read at once), and
    /// records them. Returns the articles to (re)derive, in corpus order:
    /// the `new` ones with their stock lines marked, and the stored ones
    /// whose stock lines changed, read back and re-marked; and how many of
    /// the latter there are.
    fn restock(&self, mut new: HashMap<i64, Article>) -> Result<(Vec<Todo>, usize)> {
        let conn = self.conn();
        let err = |e: rusqlite::Error| self.err(&e);
        let mut stmt = conn
            .prepare(
                "SELECT a.row, a.seq, a.outlet, a.date, s.lines, s.marked FROM article a
                 JOIN stock_line s ON s.article = a.row WHERE a.current = 1 ORDER BY a.seq",
            )
            .map_err(err)?;
        let mut rows: Vec<(i64, i64, Vec<u8>)> = Vec::new();
        let mut inputs: Vec<StockInput> = Vec::new();
        let mut all = stmt.query([]).map_err(err)?;
        while let Some(r) = all.next().map_err(err)? {
            let date: Option<String> = r.get(3).map_err(err)?;
            let blob: Vec<u8> = r.get(4).map_err(err)?;
            inputs.push(StockInput {
                lines: stock::unpack_lines(&blob),
                outlet: r.get(2).map_err(err)?,
                date: date.and_then(|d| d.parse().ok()),
            });
            rows.push((
                r.get(0).map_err(err)?,
                r.get(1).map_err(err)?,
                r.get(5).map_err(err)?,
            ));
        }
        drop(all);
        drop(stmt);
        let marks = stock::learn(&inputs, &StockOptions::default());
        let mut set_marked = conn
            .prepare_cached("UPDATE stock_line SET marked = ?2 WHERE article = ?1")
            .map_err(err)?;
        let mut todo: Vec<Todo> = Vec::new();
        let mut changed: Vec<(usize, i64)> = Vec::new();
        for (k, ((row, seq, old), marks)) in rows.iter().zip(&marks).enumerate() {
            let marked = pack_marked(marks);
            let fresh = new.contains_key(row);
            if !fresh && marked == *old {
                continue;
            }
            set_marked.execute(params![row, marked]).map_err(err)?;
            if let Some(mut a) = new.remove(row) {
                stock::apply(&mut a, &inputs[k].lines, marks);
                todo.push(Todo {
                    row: *row,
                    seq: *seq,
                    article: a,
                    stored_before: false,
                });
            } else {
                changed.push((k, *row));
                todo.push(Todo {
                    row: *row,
                    seq: *seq,
                    article: Article::new("", "", String::new()),
                    stored_before: true,
                });
            }
        }
        // The stored articles whose stock lines changed, read back.
        let changed_rows: Vec<i64> = changed.iter().map(|c| c.1).collect();
        let mut loaded: HashMap<i64, Article> = load::articles_by_row(self, &changed_rows)?
            .into_iter()
            .collect();
        for t in &mut todo {
            if !t.stored_before {
                continue;
            }
            let Some(a) = loaded.remove(&t.row) else {
                return Err(super::problem(self.path(), "a stored article is missing"));
            };
            t.article = without_stock(&a);
        }
        for &(k, row) in &changed {
            if let Some(t) = todo.iter_mut().find(|t| t.row == row) {
                stock::apply(&mut t.article, &inputs[k].lines, &marks[k]);
            }
        }
        Ok((todo, changed.len()))
    }

    /// Drops what was derived from a stored article (its pairs, reuse
    /// fingerprints, claim-index sentences, attributions and entity
    /// records), before it is derived again.
    fn drop_findings(&self, row: i64) -> Result<()> {
        let conn = self.conn();
        let err = |e: rusqlite::Error| self.err(&e);
        self.drop_index(row)?;
        conn.execute("DELETE FROM attribution WHERE article = ?1", [row])
            .map_err(err)?;
        conn.execute("DELETE FROM entity_record WHERE article = ?1", [row])
            .map_err(err)?;
        Ok(())
    }

    /// Marks a stored version not current and drops what was derived from it.
    fn retire(&self, row: i64) -> Result<()> {
        let conn = self.conn();
        let err = |e: rusqlite::Error| self.err(&e);
        conn.execute("UPDATE article SET current = 0 WHERE row = ?1", [row])
            .map_err(err)?;
        conn.execute("DELETE FROM name_key WHERE article = ?1", [row])
            .map_err(err)?;
        conn.execute("DELETE FROM stock_line WHERE article = ?1", [row])
            .map_err(err)?;
        self.drop_index(row)
    }

    /// Drops a stored article's pairs, reuse fingerprints and claim-index
    /// sentences.
    fn drop_index(&self, row: i64) -> Result<()> {
        let conn = self.conn();
        let err = |e: rusqlite::Error| self.err(&e);
        conn.execute("DELETE FROM pair WHERE a = ?1 OR b = ?1", [row])
            .map_err(err)?;
        conn.execute("DELETE FROM fingerprint WHERE article = ?1", [row])
            .map_err(err)?;
        // The claim index forgets the old sentences.
        let units: Vec<(i64, Vec<u8>)> = {
            let mut stmt = conn
                .prepare("SELECT unit, terms FROM claim_unit WHERE article = ?1")
                .map_err(err)?;
            stmt.query_map([row], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(err)?
                .collect::<std::result::Result<_, _>>()
                .map_err(err)?
        };
        let mut drop_posting = conn
            .prepare_cached("DELETE FROM claim_posting WHERE term = ?1 AND unit = ?2")
            .map_err(err)?;
        let mut df = conn
            .prepare_cached("UPDATE claim_term SET df = df - 1 WHERE term = ?1")
            .map_err(err)?;
        for (unit, terms) in &units {
            for t in super::claims::unpack(terms) {
                drop_posting.execute(params![key(t), unit]).map_err(err)?;
                df.execute([key(t)]).map_err(err)?;
            }
        }
        conn.execute("DELETE FROM claim_unit WHERE article = ?1", [row])
            .map_err(err)?;
        let n = meta(self, "claim_units")?;
        set_meta(self, "claim_units", n - count(units.len()))?;
        Ok(())
    }

    /// Stores what was computed for one article: attributions (entity ids
    /// as the article alone resolved them), entity records and the names
    /// it is known by.
    fn store_per_article(
        &self,
        row: i64,
        a: &Article,
        analysis: &attribution::Analysis,
    ) -> Result<()> {
        let conn = self.conn();
        let err = |e: rusqlite::Error| self.err(&e);
        let mut put = conn
            .prepare_cached(
                "INSERT INTO attribution (article, n, cue, source, entity, record) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .map_err(err)?;
        for (n, at) in analysis.attributions.iter().enumerate() {
            let record =
                serde_json::to_string(at).map_err(|e| bad_json(self.path(), "attribution", &e))?;
            put.execute(params![
                row,
                count(n),
                at.cue.text,
                at.source.as_ref().map(|s| s.text.as_str()),
                at.entity.as_ref().map(|e| e.id.as_str()),
                record
            ])
            .map_err(err)?;
        }
        let mut put = conn
            .prepare_cached(
                "INSERT INTO entity_record (article, n, entity, record) VALUES (?1, ?2, ?3, ?4)",
            )
            .map_err(err)?;
        for (n, e) in analysis.entities.iter().enumerate() {
            let record =
                serde_json::to_string(e).map_err(|x| bad_json(self.path(), "entity", &x))?;
            put.execute(params![row, count(n), e.id, record])
                .map_err(err)?;
        }
        let mut put = conn
            .prepare_cached("INSERT OR IGNORE INTO name_key (key, article) VALUES (?1, ?2)")
            .map_err(err)?;
        for name in credited::article_names(a) {
            for k in credited::lookup_keys(name) {
                put.execute(params![k, row]).map_err(err)?;
            }
        }
        Ok(())
    }

    /// Finds the candidate pairs of the articles stored now (`stored`: row,
    /// seq, index in `articles`) against every current article, compares
    /// them and stores those that share text. Returns (compared, found).
    fn compare_new(
        &self,
        articles: &[Article],
        stored: &[Stored],
        options: &AddOptions,
    ) -> Result<(usize, usize)> {
        let conn = self.conn();
        let err = |e: rusqlite::Error| self.err(&e);
        let io = &options.reuse.index;
        // Holders are ranked for fan-out as `reuse::ranks` ranks articles:
        // dated first, by date (ISO strings sort as dates), then corpus order.
        let holder_of = |s: &Stored| -> Holder {
            let date = articles[s.index].date().map(|d| d.to_string());
            (date.is_none(), date, s.seq, s.row)
        };
        let new_holders: Vec<Holder> = stored.iter().map(holder_of).collect();
        // Every (kind, hash) a new article holds, with its new holders.
        let mut groups: BTreeMap<(i64, i64), Vec<usize>> = BTreeMap::new();
        for (k, s) in stored.iter().enumerate() {
            for (kind, list) in [
                (TEXT, &s.fingerprints.text),
                (ANCHOR, &s.fingerprints.anchors),
            ] {
                for &h in list {
                    groups.entry((kind, key(h))).or_default().push(k);
                }
            }
        }
        // The stored holders of each, read before the new postings are written.
        let mut holders_of = conn
            .prepare_cached(
                "SELECT f.article, a.date IS NULL, a.date, a.seq FROM fingerprint f JOIN article a ON a.row = f.article
                 WHERE f.kind = ?1 AND f.hash = ?2 AND a.current = 1",
            )
            .map_err(err)?;
        // (low row, high row) by seq → (rare, wide) shared counts per kind.
        let mut counts: [HashMap<(i64, i64), (u32, u32)>; 2] = [HashMap::new(), HashMap::new()];
        let mut seq_of: HashMap<i64, i64> = stored.iter().map(|s| (s.row, s.seq)).collect();
        let all_pairs_df = io.fanout_df.max(2);
        let heads = io.fanout_heads.max(1);
        // Stored holders of groups that grew past the fan-out limit, and
        // stored heads displaced from a group (with its stored holders).
        let mut regrouped: Vec<Vec<i64>> = Vec::new();
        let mut displaced: Vec<(i64, Vec<i64>)> = Vec::new();
        for (&(kind, hash), new) in &groups {
            let mut group: Vec<(Holder, bool)> = holders_of
                .query_map(params![kind, hash], |r| {
                    Ok((
                        (
                            r.get::<_, bool>(1)?,
                            r.get::<_, Option<String>>(2)?,
                            r.get::<_, i64>(3)?,
                            r.get::<_, i64>(0)?,
                        ),
                        false,
                    ))
                })
                .map_err(err)?
                .collect::<std::result::Result<_, _>>()
                .map_err(err)?;
            group.extend(new.iter().map(|&k| (new_holders[k].clone(), true)));
            let n = group.len();
            if n < 2 {
                continue;
            }
            for (h, _) in &group {
                seq_of.insert(h.3, h.2);
            }
            // Pairs of stored articles this group stops pairing as before.
            let olds = group.iter().filter(|g| !g.1).count();
            if n > all_pairs_df && olds >= 2 {
                let old: Vec<&Holder> = group.iter().filter(|g| !g.1).map(|g| &g.0).collect();
                if olds <= all_pairs_df {
                    // It pairs only its earliest holders now.
                    regrouped.push(old.iter().map(|h| h.3).collect());
                } else {
                    // Earlier articles joined its heads: the stored heads
                    // they displaced no longer pair through it.
                    let now = heads_of(group.iter().map(|g| &g.0), heads);
                    for h in heads_of(old.iter().copied(), heads) {
                        if !now.contains(&h) {
                            displaced.push((h, old.iter().map(|h| h.3).collect()));
                        }
                    }
                }
            }
            let counts = &mut counts[usize::from(kind == ANCHOR)];
            let mut bump = |x: &(Holder, bool), y: &(Holder, bool), wide: bool| {
                if !x.1 && !y.1 {
                    return;
                }
                let pair = if x.0.2 < y.0.2 {
                    (x.0.3, y.0.3)
                } else {
                    (y.0.3, x.0.3)
                };
                let c = counts.entry(pair).or_default();
                if wide {
                    c.1 += 1;
                } else {
                    c.0 += 1;
                }
            };
            if n <= all_pairs_df {
                for x in 0..n {
                    for y in x + 1..n {
                        bump(&group[x], &group[y], false);
                    }
                }
            } else {
                let k = heads.min(n);
                group.select_nth_unstable_by(k - 1, |p, q| {
                    (p.0.0, &p.0.1, p.0.2).cmp(&(q.0.0, &q.0.1, q.0.2))
                });
                let (first, rest) = group.split_at(k);
                for (x, h) in first.iter().enumerate() {
                    for d in first[x + 1..].iter().chain(rest) {
                        bump(h, d, true);
                    }
                }
            }
        }
        // The new postings, written in key order (cheap for the B-tree).
        let mut put = conn
            .prepare_cached(
                "INSERT OR IGNORE INTO fingerprint (kind, hash, article) VALUES (?1, ?2, ?3)",
            )
            .map_err(err)?;
        for (&(kind, hash), new) in &groups {
            for &k in new {
                put.execute(params![kind, hash, stored[k].row])
                    .map_err(err)?;
            }
        }
        drop(groups);
        let mut signals: BTreeMap<(i64, i64), Signals> = BTreeMap::new();
        for (kind, min_shared) in [(0usize, io.min_shared_text), (1, io.min_shared_anchors)] {
            for (&pair, &(rare, wide)) in &counts[kind] {
                let shared = rare + wide;
                let enough = if wide == 0 {
                    rare >= min_shared
                } else {
                    rare >= min_shared || shared >= io.min_shared_fanout.max(min_shared)
                };
                if enough && pair.0 != pair.1 {
                    let s = signals.entry(pair).or_default();
                    if kind == 0 {
                        s.text = true;
                    } else {
                        s.anchors = true;
                    }
                }
            }
        }
        let fresh: HashSet<i64> = stored.iter().map(|s| s.row).collect();
        self.recheck_stored_pairs(&regrouped, &displaced, &fresh, io)?;
        if signals.is_empty() {
            return Ok((0, 0));
        }
        // The articles the pairs touch, in corpus order: the new ones from
        // memory, the stored ones from the file.
        let mut rows: Vec<i64> = signals.keys().flat_map(|&(a, b)| [a, b]).collect();
        rows.sort_unstable_by_key(|r| (seq_of.get(r).copied().unwrap_or(i64::MAX), *r));
        rows.dedup();
        let by_row: HashMap<i64, usize> = stored.iter().map(|s| (s.row, s.index)).collect();
        let old: Vec<i64> = rows
            .iter()
            .copied()
            .filter(|r| !by_row.contains_key(r))
            .collect();
        let mut loaded: HashMap<i64, Article> =
            load::articles_by_row(self, &old)?.into_iter().collect();
        let mut local: Vec<Article> = Vec::with_capacity(rows.len());
        for r in &rows {
            match by_row.get(r) {
                Some(&i) => local.push(articles[i].clone()),
                None => {
                    if let Some(a) = loaded.remove(r) {
                        local.push(a);
                    }
                }
            }
        }
        if local.len() != rows.len() {
            return Err(super::problem(self.path(), "a stored article is missing"));
        }
        let index: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, &r)| (r, i)).collect();
        // Attributions of the touched articles, their entities merged with
        // those of every article of this add (for one add into an empty
        // file: the whole corpus, as an in-memory run merges them).
        let mut raw_rows: Vec<i64> = rows.clone();
        for s in stored {
            if !index.contains_key(&s.row) {
                raw_rows.push(s.row);
            }
        }
        let (raw, records) = load::raw_attributions(self, &raw_rows)?;
        let registry = Registry::build(records);
        let attributions: Vec<Vec<Attribution>> = rows
            .iter()
            .map(|r| {
                raw.get(r)
                    .map(|list| canonical(list, &registry))
                    .unwrap_or_default()
            })
            .collect();
        let candidates: Vec<((usize, usize), Signals)> = signals
            .iter()
            .map(|(&(a, b), &s)| ((index[&a], index[&b]), s))
            .collect();
        let found = reuse::compare_all(&local, &attributions, &candidates, &options.reuse);
        let mut put = conn
            .prepare_cached(
                "INSERT OR REPLACE INTO pair (a, b, relation, tier, score, found) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .map_err(err)?;
        for f in &found {
            store_found(self, &mut put, rows[f.a], rows[f.b], f)?;
        }
        Ok((candidates.len(), found.len()))
    }
}

impl CaseFile {
    /// Re-checks the stored pairs of stored articles that a group's growth
    /// may have stopped pairing (`regrouped`: all stored holders of a
    /// group that crossed the fan-out limit; `displaced`: a stored head
    /// pushed out of a wide group, with that group's stored holders), and
    /// drops those that are no longer candidates as an in-memory run on
    /// the whole file finds them. Pairs with a `fresh` article were just
    /// compared and are left alone.
    fn recheck_stored_pairs(
        &self,
        regrouped: &[Vec<i64>],
        displaced: &[(i64, Vec<i64>)],
        fresh: &HashSet<i64>,
        io: &reuse::index::IndexOptions,
    ) -> Result<()> {
        let conn = self.conn();
        let err = |e: rusqlite::Error| self.err(&e);
        let mut suspects: BTreeSet<(i64, i64)> = BTreeSet::new();
        let mut pairs_of = conn
            .prepare_cached("SELECT a, b FROM pair WHERE a = ?1 OR b = ?1")
            .map_err(err)?;
        let mut look = |row: i64, among: &HashSet<i64>| -> Result<()> {
            for p in pairs_of
                .query_map([row], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
                .map_err(err)?
            {
                let (a, b) = p.map_err(err)?;
                let other = if a == row { b } else { a };
                if among.contains(&other) && !fresh.contains(&a) && !fresh.contains(&b) {
                    suspects.insert((a, b));
                }
            }
            Ok(())
        };
        for group in regrouped {
            let among: HashSet<i64> = group.iter().copied().collect();
            for &row in group {
                look(row, &among)?;
            }
        }
        for (head, group) in displaced {
            let among: HashSet<i64> = group.iter().copied().collect();
            look(*head, &among)?;
        }
        drop(pairs_of);
        if suspects.is_empty() {
            return Ok(());
        }
        let mut shared = conn
            .prepare_cached(
                "SELECT f1.kind, f1.hash FROM fingerprint f1 JOIN fingerprint f2
                 ON f2.kind = f1.kind AND f2.hash = f1.hash AND f2.article = ?2 WHERE f1.article = ?1",
            )
            .map_err(err)?;
        let mut holders = conn
            .prepare_cached(
                "SELECT f.article, a.date IS NULL, a.date, a.seq FROM fingerprint f JOIN article a ON a.row = f.article
                 WHERE f.kind = ?1 AND f.hash = ?2 AND a.current = 1",
            )
            .map_err(err)?;
        let mut drop_pair = conn
            .prepare_cached("DELETE FROM pair WHERE a = ?1 AND b = ?2")
            .map_err(err)?;
        let all_pairs_df = io.fanout_df.max(2);
        let heads = io.fanout_heads.max(1);
        // (kind, hash) → None when all its holders pair, else its heads.
        let mut known: HashMap<(i64, i64), Option<Vec<i64>>> = HashMap::new();
        for (a, b) in suspects {
            let keys: Vec<(i64, i64)> = shared
                .query_map(params![a, b], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(err)?
                .collect::<std::result::Result<_, _>>()
                .map_err(err)?;
            let mut counts = [(0u32, 0u32); 2];
            for k in keys {
                if let Entry::Vacant(slot) = known.entry(k) {
                    let group: Vec<Holder> = holders
                        .query_map(params![k.0, k.1], |r| {
                            Ok((r.get(1)?, r.get(2)?, r.get(3)?, r.get(0)?))
                        })
                        .map_err(err)?
                        .collect::<std::result::Result<_, _>>()
                        .map_err(err)?;
                    let info = (group.len() > all_pairs_df).then(|| heads_of(group.iter(), heads));
                    slot.insert(info);
                }
                let c = &mut counts[usize::from(k.0 == ANCHOR)];
                match &known[&k] {
                    None => c.0 += 1,
                    Some(h) if h.contains(&a) || h.contains(&b) => c.1 += 1,
                    Some(_) => {}
                }
            }
            let candidate = [(0, io.min_shared_text), (1, io.min_shared_anchors)]
                .iter()
                .any(|&(kind, min_shared)| {
                    let (rare, wide) = counts[kind];
                    if wide == 0 {
                        rare >= min_shared
                    } else {
                        rare >= min_shared || rare + wide >= io.min_shared_fanout.max(min_shared)
                    }
                });
            if !candidate {
                drop_pair.execute(params![a, b]).map_err(err)?;
            }
        }
        Ok(())
    }
}

/// The rows of the `heads` earliest holders (as fan-out ranks them).
fn heads_of<'a>(holders: impl Iterator<Item = &'a Holder>, heads: usize) -> Vec<i64> {
    let mut all: Vec<&Holder> = holders.collect();
    all.sort_by(|p, q| (p.0, &p.1, p.2).cmp(&(q.0, &q.1, q.2)));
    all.iter().take(heads).map(|h| h.3).collect()
}

/// Attributions with entity ids mapped to the registry's canonical ids.
pub(crate) fn canonical(list: &[Attribution], registry: &Registry) -> Vec<Attribution> {
    list.iter()
        .cloned()
        .map(|mut a| {
            if let Some(e) = &a.entity {
                a.entity = Some(registry.canonical_ref(e));
            }
            for e in &mut a.also {
                *e = registry.canonical_ref(e);
            }
            a
        })
        .collect()
}

fn store_found(
    file: &CaseFile,
    put: &mut rusqlite::CachedStatement,
    a: i64,
    b: i64,
    f: &Found,
) -> Result<()> {
    let json = serde_json::to_string(f).map_err(|e| bad_json(file.path(), "pair", &e))?;
    put.execute(params![
        a,
        b,
        word(&f.relation),
        word(&f.tier),
        f.score,
        json
    ])
    .map_err(|e| file.err(&e))?;
    Ok(())
}

/// The serde name of an enum value ("copy", "near-verbatim").
fn word<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A counter in the `meta` table.
pub(crate) fn meta(file: &CaseFile, name: &str) -> Result<i64> {
    file.conn()
        .query_row("SELECT value FROM meta WHERE key = ?1", [name], |r| {
            r.get(0)
        })
        .optional()
        .map(Option::unwrap_or_default)
        .map_err(|e| file.err(&e))
}

/// Sets a counter in the `meta` table.
pub(crate) fn set_meta(file: &CaseFile, name: &str, value: i64) -> Result<()> {
    file.conn()
        .execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![name, value],
        )
        .map(|_| ())
        .map_err(|e| file.err(&e))
}
