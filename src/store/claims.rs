//! The stored claim index: `origin` without loading the corpus.
//!
//! The same index as [`crate::desk::origin::ClaimIndex`], kept in three
//! tables: `claim_unit` (each story sentence with its term keys),
//! `claim_term` (each term's document frequency, and the order it was first
//! seen in, so a sentence's weight sums its terms' IDFs in the order the
//! in-memory index does) and `claim_posting` (term → sentences, clustered by
//! term). A query reads only its own terms' postings, then the weights of
//! the sentences that can still reach the top `limit` (a sentence's score
//! never exceeds its coverage of the query, so they are scored in falling
//! coverage and the walk stops below the current `limit`-th best): the
//! answer is the in-memory index's, at a cost that grows with the query's
//! postings, not with the corpus.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::add::{meta, set_meta};
use super::{CaseFile, key};
use crate::desk::origin::{Hit, MIN_SCORE, Unit, idf, query_terms, unit_score};
use crate::error::Result;
use crate::span::Range;

/// An article's claim-index sentences: each range with its term keys.
pub(crate) type Sentences = Vec<(Range, Vec<u64>)>;

/// Packs term keys into a blob (8 bytes each, little-endian).
pub(crate) fn pack(terms: &[u64]) -> Vec<u8> {
    terms.iter().flat_map(|t| t.to_le_bytes()).collect()
}

/// The term keys of a packed blob.
pub(crate) fn unpack(blob: &[u8]) -> Vec<u64> {
    blob.chunks_exact(8)
        .map(|c| {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            u64::from_le_bytes(b)
        })
        .collect()
}

/// Stores the claim-index sentences of the articles stored by one add
/// (`(row, sentences)`, in corpus order): the units, each term's document
/// frequency (a term first seen now gets the next order number, in the
/// order the in-memory index would first meet it) and the postings,
/// written in key order.
pub(crate) fn store_units(file: &CaseFile, articles: &[(i64, Sentences)]) -> Result<()> {
    let conn = file.conn();
    let err = |e: rusqlite::Error| file.err(&e);
    let mut put_unit = conn
        .prepare_cached(
            "INSERT INTO claim_unit (article, start, end, terms) VALUES (?1, ?2, ?3, ?4)",
        )
        .map_err(err)?;
    let mut postings: Vec<(i64, i64)> = Vec::new();
    let mut df: HashMap<u64, i64> = HashMap::new();
    let mut first_seen: Vec<u64> = Vec::new();
    let mut count = 0i64;
    for (row, units) in articles {
        for (range, terms) in units {
            put_unit
                .execute(params![
                    row,
                    super::add::count(range.start),
                    super::add::count(range.end),
                    pack(terms)
                ])
                .map_err(err)?;
            let unit = conn.last_insert_rowid();
            count += 1;
            for &t in terms {
                postings.push((key(t), unit));
                let n = df.entry(t).or_insert(0);
                if *n == 0 {
                    first_seen.push(t);
                }
                *n += 1;
            }
        }
    }
    let mut next_ord = meta(file, "next_term_ord")?;
    let mut bump = conn
        .prepare_cached("UPDATE claim_term SET df = df + ?2 WHERE term = ?1")
        .map_err(err)?;
    let mut put_term = conn
        .prepare_cached("INSERT INTO claim_term (term, ord, df) VALUES (?1, ?2, ?3)")
        .map_err(err)?;
    for t in first_seen {
        let n = df[&t];
        if bump.execute(params![key(t), n]).map_err(err)? == 0 {
            put_term
                .execute(params![key(t), next_ord, n])
                .map_err(err)?;
            next_ord += 1;
        }
    }
    postings.sort_unstable();
    let mut put_posting = conn
        .prepare_cached("INSERT OR IGNORE INTO claim_posting (term, unit) VALUES (?1, ?2)")
        .map_err(err)?;
    for (t, u) in postings {
        put_posting.execute(params![t, u]).map_err(err)?;
    }
    set_meta(file, "next_term_ord", next_ord)?;
    let n = meta(file, "claim_units")?;
    set_meta(file, "claim_units", n + count)?;
    Ok(())
}

/// A stored sentence hit: the article's row and the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredHit {
    /// The article's row in the case file.
    pub row: i64,
    /// The article's place in corpus order.
    pub seq: i64,
    /// The sentence's character range.
    pub range: Range,
    /// 0.0–1.0 score.
    pub score: f64,
    /// Share of the query's weight found in the sentence.
    pub coverage: f64,
}

impl CaseFile {
    /// The best sentence per article for `query`, best first (ties by
    /// corpus order), at most `limit`, scoring at least [`MIN_SCORE`]: the
    /// answer of [`crate::desk::origin::ClaimIndex::search`] on the stored
    /// corpus.
    pub fn search_claims(&self, query: &str, limit: usize) -> Result<Vec<StoredHit>> {
        let conn = self.conn();
        let err = |e: rusqlite::Error| self.err(&e);
        let units = usize::try_from(meta(self, "claim_units")?).unwrap_or(0);
        let unseen = idf(units, 1);
        let mut term_info = conn
            .prepare_cached("SELECT ord, df FROM claim_term WHERE term = ?1")
            .map_err(err)?;
        let mut info: HashMap<u64, Option<(i64, f32)>> = HashMap::new();
        let mut lookup = |t: u64| -> Result<Option<(i64, f32)>> {
            if let Some(v) = info.get(&t) {
                return Ok(*v);
            }
            let v: Option<(i64, i64)> = term_info
                .query_row([key(t)], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
                .map_err(err)?;
            let v = v
                .filter(|&(_, df)| df > 0)
                .map(|(ord, df)| (ord, idf(units, usize::try_from(df).unwrap_or(1))));
            info.insert(t, v);
            Ok(v)
        };
        // The query's terms (sorted by key) with their IDF, and its weight,
        // summed in key order as the in-memory index sums it.
        let mut terms: Vec<(u64, f32)> = Vec::new();
        let mut query_weight = 0f32;
        for t in query_terms(query) {
            match lookup(t)? {
                Some((_, w)) => {
                    query_weight += w;
                    terms.push((t, w));
                }
                None => query_weight += unseen,
            }
        }
        if query_weight <= 0.0 {
            return Ok(Vec::new());
        }
        // Sentences that can still cover MIN_SCORE of the query, each with
        // the most it can cover (the rare terms' postings walked, the
        // common terms' weight added in full).
        let (partial, unwalked) = self.candidates(&terms, query_weight)?;
        let mut by_bound: Vec<(i64, f32)> = partial
            .into_iter()
            .map(|(u, w)| (u, w + unwalked))
            .collect();
        by_bound.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut unit_of = conn
            .prepare_cached("SELECT article, start, end, terms FROM claim_unit WHERE unit = ?1")
            .map_err(err)?;
        // The article's place, read only for hits (an article row is wide).
        let mut seq_of = conn
            .prepare_cached("SELECT seq FROM article WHERE row = ?1")
            .map_err(err)?;
        let mut best: HashMap<i64, StoredHit> = HashMap::new();
        // A sentence scores at most its coverage: once the bound falls
        // under MIN_SCORE or the `limit`-th best score so far, stop (a
        // small margin keeps float rounding safe).
        let margin = 1.0 - 1e-4;
        let mut floor = MIN_SCORE;
        for (k, &(unit, bound)) in by_bound.iter().enumerate() {
            if f64::from(bound / query_weight) < floor * margin {
                break;
            }
            let (row, start, end, blob): (i64, i64, i64, Vec<u8>) = unit_of
                .query_row([unit], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
                .map_err(err)?;
            let mut held = unpack(&blob);
            held.sort_unstable();
            // The covered weight, summed in query-term key order as the
            // in-memory index sums it.
            let covered = terms
                .iter()
                .filter(|(t, _)| held.binary_search(t).is_ok())
                .fold(0f32, |acc, (_, w)| acc + w);
            if f64::from(covered / query_weight) < MIN_SCORE {
                continue;
            }
            // The unit's weight: its terms' IDFs summed in first-seen order.
            let mut weights: Vec<(i64, f32)> = Vec::new();
            for t in unpack(&blob) {
                if let Some(v) = lookup(t)? {
                    weights.push(v);
                }
            }
            weights.sort_by_key(|t| t.0);
            let weight: f32 = weights.iter().fold(0.0, |acc, t| acc + t.1);
            let (score, coverage) = unit_score(covered, query_weight, weight);
            if score < MIN_SCORE {
                continue;
            }
            let seq = match best.get(&row) {
                Some(h) => h.seq,
                None => seq_of.query_row([row], |r| r.get(0)).map_err(err)?,
            };
            let range = Range::new(
                usize::try_from(start).unwrap_or(0),
                usize::try_from(end).unwrap_or(0),
            );
            let hit = StoredHit {
                row,
                seq,
                range,
                score,
                coverage,
            };
            best.entry(row)
                .and_modify(|h| {
                    if (hit.score, std::cmp::Reverse(hit.range.start))
                        > (h.score, std::cmp::Reverse(h.range.start))
                    {
                        *h = hit.clone();
                    }
                })
                .or_insert(hit);
            if limit > 0 && best.len() >= limit && k % 16 == 15 {
                let mut s: Vec<f64> = best.values().map(|h| h.score).collect();
                s.sort_by(|a, b| b.total_cmp(a));
                floor = floor.max(s[limit - 1]);
            }
        }
        let mut hits: Vec<StoredHit> = best.into_values().collect();
        hits.sort_by(|a, b| {
            b.score
                .partial_cmp(&a.score)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.seq.cmp(&b.seq))
        });
        hits.truncate(limit);
        Ok(hits)
    }
}

impl CaseFile {
    /// The sentences that may cover [`MIN_SCORE`] of the query, each with
    /// the weight of the query terms found in it so far, and the weight of
    /// the terms whose postings were not walked. Terms are walked rarest
    /// first; once the terms left weigh too little for a sentence holding
    /// only them to reach [`MIN_SCORE`], no new sentence can qualify and
    /// the rest (the common, long-listed terms) are not walked: the
    /// sentences met are checked against them from their own term lists.
    fn candidates(
        &self,
        terms: &[(u64, f32)],
        query_weight: f32,
    ) -> Result<(HashMap<i64, f32>, f32)> {
        let conn = self.conn();
        let err = |e: rusqlite::Error| self.err(&e);
        let mut postings = conn
            .prepare_cached("SELECT unit FROM claim_posting WHERE term = ?1")
            .map_err(err)?;
        let mut order: Vec<usize> = (0..terms.len()).collect();
        order.sort_by(|&a, &b| {
            terms[b]
                .1
                .total_cmp(&terms[a].1)
                .then(terms[a].0.cmp(&terms[b].0))
        });
        // A sentence first met at position i holds at most the weight of
        // the terms from i on; a small margin keeps float rounding safe.
        let need = (MIN_SCORE * f64::from(query_weight)) * (1.0 - 1e-4);
        let mut left: f64 = order.iter().map(|&k| f64::from(terms[k].1)).sum();
        let mut partial: HashMap<i64, f32> = HashMap::new();
        let mut closed = order.len();
        for (i, &k) in order.iter().enumerate() {
            if left < need {
                closed = i;
                break;
            }
            left -= f64::from(terms[k].1);
            for u in postings
                .query_map([key(terms[k].0)], |r| r.get::<_, i64>(0))
                .map_err(err)?
            {
                *partial.entry(u.map_err(err)?).or_insert(0.0) += terms[k].1;
            }
        }
        // The closed terms: no new sentence, but walking a closed term's
        // postings (cheap, in order) tightens the bound of the sentences
        // met, where reading each sentence's term list is a random read:
        // walk it while its postings are few next to the sentences left.
        let mut df = conn
            .prepare_cached("SELECT df FROM claim_term WHERE term = ?1")
            .map_err(err)?;
        let mut unwalked: f32 = order[closed..].iter().map(|&k| terms[k].1).sum();
        let slack = |x: f32| x * (1.0 + 1e-4) + 1e-4;
        for &k in &order[closed..] {
            let (t, w) = terms[k];
            partial.retain(|_, p| f64::from(*p + slack(unwalked)) >= need);
            // The sentences this term decides: those that fall under the
            // minimum without it (none for this term: none for the lighter
            // terms after it either).
            let decided = partial
                .values()
                .filter(|&&p| f64::from(p + slack(unwalked - w)) < need)
                .count();
            if decided == 0 {
                break;
            }
            let n: i64 = df.query_row([key(t)], |r| r.get(0)).map_err(err)?;
            if n as f64 > 8.0 * decided as f64 {
                break;
            }
            for u in postings
                .query_map([key(t)], |r| r.get::<_, i64>(0))
                .map_err(err)?
            {
                if let Some(p) = partial.get_mut(&u.map_err(err)?) {
                    *p += w;
                }
            }
            unwalked -= w;
        }
        // Margin for the float sums of the bounds.
        Ok((partial, slack(unwalked.max(0.0))))
    }
}

/// A stored hit as the in-memory index gives it, `article` being its
/// index in the articles handed to [`crate::desk::origin::trace`].
pub fn to_hit(hit: &StoredHit, article: usize) -> Hit {
    Hit {
        unit: Unit {
            article: article as u32,
            range: hit.range,
        },
        score: hit.score,
        coverage: hit.coverage,
    }
}
