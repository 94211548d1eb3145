//! The origin of a claim: where it first appears, and how it spread.
//!
//! [`ClaimIndex`] is built once per corpus: every story sentence (boilerplate
//! skipped) becomes a unit, every content word (folded, stop words dropped,
//! plural and possessive endings stripped) a term with its inverse document
//! frequency, and each term keeps the sorted list of units holding it. A
//! query — a claim as remembered, paraphrased or cut short — is scored by
//! walking only its own terms' postings: a unit's score mixes how much of the
//! query's weight it covers with how much of its own weight the query covers.
//! The cost of a query grows with the postings of its words, not with the
//! corpus (see `docs/DESIGN.md`, "Origin query").
//!
//! [`trace`] turns the ranked hits into a story: the earliest occurrence (and
//! whether it credits someone outside the corpus), then every later article
//! carrying the claim, with the copy or citation edge that explains the step.
//! It reads the one provenance model: attributions with corpus-merged entity
//! ids from the [`Analysis`], and which corpus article a credited source *is*
//! from the [`ProvenanceGraph`] (`resolves-to`, then the graph's
//! published-by / authored-by / affiliated-with nodes: [`credited`]).

use std::collections::HashMap;
use std::fmt::Write as _;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::article::{Article, Date};
use crate::attribution::Attribution;
use crate::entities::{EntityRef, Registry};
use crate::graph::ProvenanceGraph;
use crate::graph::analysis::origins;
use crate::graph::credited::{self, Via};
use crate::graph::model::label;
use crate::quotes::diff::{Token, tokens};
use crate::quotes::locate::align;
pub use crate::quotes::locate::{term, term_key};
use crate::reuse::CopyPair;
use crate::span::{Range, Span};
use crate::text::segment;
use crate::text::words::words;

/// Hits scoring below this are not candidates.
pub const MIN_SCORE: f64 = 0.3;

/// A hit must reach this share of the best hit's score to join the story.
const STORY_SHARE: f64 = 0.6;

/// The index units of one article: each story sentence (boilerplate
/// skipped) with its distinct term keys, sorted. The case file
/// (`crate::store`) stores these so a query needs no corpus.
pub fn sentence_terms(article: &Article) -> Vec<(Range, Vec<u64>)> {
    segment::sentences(&article.text)
        .into_iter()
        .filter(|&range| !article.is_boilerplate(range))
        .filter_map(|range| {
            let mut terms: Vec<u64> = words(article.text.slice(range), 0)
                .filter_map(|w| term(w.text))
                .map(|t| term_key(&t))
                .collect();
            terms.sort_unstable();
            terms.dedup();
            (!terms.is_empty()).then_some((range, terms))
        })
        .collect()
}

/// The distinct term keys of a query, sorted.
pub fn query_terms(query: &str) -> Vec<u64> {
    let mut terms: Vec<u64> = words(query, 0)
        .filter_map(|w| term(w.text))
        .map(|t| term_key(&t))
        .collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// A unit's `(score, coverage)` for a query: `covered` is the IDF weight of
/// the query terms the unit holds, `query_weight` the query's whole weight,
/// `unit_weight` the unit's. The score never exceeds the coverage.
pub fn unit_score(covered: f32, query_weight: f32, unit_weight: f32) -> (f64, f64) {
    let coverage = f64::from(covered / query_weight);
    let precision = f64::from(covered / unit_weight.max(f32::EPSILON));
    // Recall of the query matters most: a remembered claim is short.
    (coverage * (0.6 + 0.4 * precision.min(1.0)), coverage)
}

/// A term's inverse document frequency among `units` indexed sentences,
/// `df` of which hold it.
pub fn idf(units: usize, df: usize) -> f32 {
    (units.max(1) as f32 / df as f32).ln() + 1.0
}

/// A sentence of an article, the unit the index returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// Index of the article in the corpus.
    pub article: u32,
    /// The sentence's character range.
    pub range: Range,
}

/// The inverted index of story sentences by content word.
#[derive(Debug, Default)]
pub struct ClaimIndex {
    units: Vec<Unit>,
    /// Sum of the IDF of each unit's distinct terms.
    unit_weight: Vec<f32>,
    /// Term hash ([`term_key`]) → term id.
    vocabulary: HashMap<u64, u32>,
    postings: Vec<Vec<u32>>,
    idf: Vec<f32>,
}

/// One sentence that carries the query.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The unit (article and sentence).
    pub unit: Unit,
    /// 0.0–1.0 score.
    pub score: f64,
    /// Share of the query's weight found in the sentence.
    pub coverage: f64,
}

impl ClaimIndex {
    /// Indexes the story sentences of `articles`.
    pub fn build(articles: &[Article]) -> Self {
        // Cutting text into sentences and terms is per article: in parallel.
        let cut: Vec<Vec<(Range, Vec<u64>)>> = articles.par_iter().map(sentence_terms).collect();
        // Numbering terms and units is sequential, in corpus order: stable ids.
        let mut index = ClaimIndex::default();
        for (a, units) in cut.into_iter().enumerate() {
            for (range, terms) in units {
                let id = index.units.len() as u32;
                for t in terms {
                    let tid = if let Some(&tid) = index.vocabulary.get(&t) {
                        tid
                    } else {
                        let tid = index.postings.len() as u32;
                        index.vocabulary.insert(t, tid);
                        index.postings.push(Vec::new());
                        tid
                    };
                    index.postings[tid as usize].push(id);
                }
                index.units.push(Unit {
                    article: a as u32,
                    range,
                });
                index.unit_weight.push(0.0);
            }
        }
        let n = index.units.len();
        index.idf = index.postings.iter().map(|p| idf(n, p.len())).collect();
        for (t, list) in index.postings.iter().enumerate() {
            for &u in list {
                index.unit_weight[u as usize] += index.idf[t];
            }
        }
        index
    }

    /// Number of indexed sentences.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// True when nothing was indexed.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The best sentence per article for `query`, best first (ties by
    /// article order), at most `limit`, scoring at least [`MIN_SCORE`].
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let terms = query_terms(query);
        // Words the corpus never uses weigh as much as its rarest word.
        let unseen = (self.units.len().max(1) as f32).ln() + 1.0;
        let mut query_weight = 0f32;
        let mut scores: HashMap<u32, f32> = HashMap::new();
        for t in &terms {
            match self.vocabulary.get(t) {
                Some(&tid) => {
                    let idf = self.idf[tid as usize];
                    query_weight += idf;
                    for &u in &self.postings[tid as usize] {
                        *scores.entry(u).or_insert(0.0) += idf;
                    }
                }
                None => query_weight += unseen,
            }
        }
        if query_weight <= 0.0 {
            return Vec::new();
        }
        let mut best: HashMap<u32, Hit> = HashMap::new();
        for (u, s) in scores {
            let unit = self.units[u as usize];
            let (score, coverage) = unit_score(s, query_weight, self.unit_weight[u as usize]);
            if score < MIN_SCORE {
                continue;
            }
            let hit = Hit {
                unit,
                score,
                coverage,
            };
            best.entry(unit.article)
                .and_modify(|h| {
                    if (hit.score, std::cmp::Reverse(hit.unit.range.start))
                        > (h.score, std::cmp::Reverse(h.unit.range.start))
                    {
                        *h = hit.clone();
                    }
                })
                .or_insert(hit);
        }
        let mut hits: Vec<Hit> = best.into_values().collect();
        hits.sort_by(|a, b| {
            b.score
                .partial_cmp(&a.score)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.unit.article.cmp(&b.unit.article))
        });
        hits.truncate(limit);
        hits
    }
}

/// One article carrying the claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Carrier {
    /// Article id.
    pub article: String,
    /// How people read the article: "Outlet · date · title" ([`label`]).
    #[serde(default)]
    pub label: String,
    /// Outlet, if known.
    pub outlet: Option<String>,
    /// Date (or date floor), if known.
    pub date: Option<Date>,
    /// True when `date` is only a floor.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub date_is_floor: bool,
    /// The sentence that carries the claim.
    pub span: Span,
    /// 0.0–1.0 match score.
    pub score: f64,
    /// 0.0–1.0 share of the query's content words the sentence has in the
    /// query's order ([`align`], the quote checker's alignment).
    #[serde(default)]
    pub coverage: f64,
}

/// How a later article got the claim from an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EdgeKind {
    /// Copy detection found it copied text from the earlier article.
    Copied,
    /// It shares text with the earlier article; the direction is undecided.
    SharesText,
    /// It credits the earlier article's outlet or author.
    Cites,
    /// Same outlet (a wire story re-filed, a site repeating itself).
    SameOutlet,
    /// No copy or citation explains it: independent, or an unseen source.
    Unexplained,
}

/// The edge explaining one step of the spread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The later article.
    pub carrier: Carrier,
    /// The kind of edge.
    pub edge: EdgeKind,
    /// The earlier article it comes from, if any.
    pub from: Option<String>,
    /// The evidence, in words.
    pub detail: String,
    /// 0.0–1.0 word similarity of this carrier's sentence and the sentence
    /// of the article it came from (`from`), by the quote checker's
    /// alignment: near 1 when the words travelled unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity_to_from: Option<f64>,
}

/// What the earliest occurrence says the claim came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Credit {
    /// The source mention, if any.
    pub source: Option<Span>,
    /// The entity, when resolved.
    pub entity: Option<EntityRef>,
    /// True for a vague source ("sources said").
    pub vague: bool,
    /// True when no article of the corpus is by that source.
    pub outside_corpus: bool,
    /// Corpus articles that source can be (possible originals): the article
    /// the graph resolves it to, or articles by it ([`credited`]), none
    /// known to come after the crediting article.
    pub corpus_articles: Vec<String>,
    /// Why each of `corpus_articles` is that source, in the same order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<Via>,
    /// True when one of `corpus_articles` carries the claim too.
    pub source_carries_claim: bool,
}

/// The answer to an origin query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    /// The query as given.
    pub query: String,
    /// Every candidate sentence, best first.
    pub candidates: Vec<Carrier>,
    /// The earliest occurrence, if anything matched.
    pub earliest: Option<Carrier>,
    /// Whom the earliest occurrence credits for the claim.
    pub credits: Vec<Credit>,
    /// Each later article carrying the claim, by date.
    pub spread: Vec<Step>,
}

/// The words of a hit's sentence, for alignment.
fn sentence_tokens(articles: &[Article], hit: &Hit) -> Vec<Token> {
    articles
        .get(hit.unit.article as usize)
        .map_or_else(Vec::new, |a| {
            tokens(a.text.slice(hit.unit.range), hit.unit.range.start)
        })
}

fn carrier(articles: &[Article], hit: &Hit, query: &[Token]) -> Option<Carrier> {
    let article = articles.get(hit.unit.article as usize)?;
    let date = credited::effective_date(article);
    let coverage = align(query, &sentence_tokens(articles, hit)).map_or(0.0, |a| a.coverage());
    Some(Carrier {
        article: article.id.clone(),
        label: label(article),
        outlet: article.outlet().map(str::to_string),
        date: date.map(|d| d.0),
        date_is_floor: date.is_some_and(|d| d.1),
        span: article.span(hit.unit.range),
        score: hit.score,
        coverage,
    })
}

/// The articles a claim's story reads, as indexes into the whole corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Neighbourhood {
    /// Read with their text and compared (copy detection, the graph's
    /// `resolves-to` evidence): the carriers, and the articles by the
    /// publisher of a report or document they credit. Sorted.
    pub read: Vec<usize>,
    /// Named only (metadata, for [`credited::is_by`]): the other articles a
    /// source they credit can be by. Sorted, none of `read`.
    pub named: Vec<usize>,
}

/// The [`Neighbourhood`] of `hits` in `whole`: every article of the whole
/// corpus that a source the carriers credit can be by
/// ([`credited::is_by`]) — a credited source's own articles need not carry
/// the claim. Only a cited report or document can resolve to an article
/// on copy evidence, so only its publisher's articles are read in full.
pub fn neighbourhood(whole: &Analysis, hits: &[Hit]) -> Neighbourhood {
    use crate::entities::EntityKind;
    let articles = &whole.corpus.articles;
    let by_node = credited::ByNode::new(articles, &whole.entities);
    let mut read: Vec<usize> = hits.iter().map(|h| h.unit.article as usize).collect();
    let mut named = Vec::new();
    let carriers = read.clone();
    for c in carriers {
        for e in whole
            .attributions
            .get(c)
            .into_iter()
            .flatten()
            .filter_map(|a| a.entity.as_ref())
        {
            let by = by_node
                .candidates(e, &whole.entities)
                .into_iter()
                .filter(|&i| credited::is_by(&articles[i], e, &whole.entities).is_some());
            if matches!(e.kind, EntityKind::Report | EntityKind::Document) {
                read.extend(by);
            } else {
                named.extend(by);
            }
        }
    }
    read.sort_unstable();
    read.dedup();
    named.sort_unstable();
    named.dedup();
    named.retain(|i| read.binary_search(i).is_err());
    Neighbourhood { read, named }
}

/// Answers an origin query on a whole corpus: `whole` holds its attributions
/// with corpus-merged entity ids ([`Analysis::attributed`]) and `index` its
/// claim index. Copy detection and the provenance graph run on the
/// [`neighbourhood`] of the hits only, so a query never pays for the
/// pairwise stages on the whole corpus.
pub fn answer(
    whole: &Analysis,
    index: &ClaimIndex,
    query: &str,
    limit: usize,
    reuse_options: &crate::reuse::Options,
) -> Trace {
    let hits = index.search(query, limit.max(1));
    let near = neighbourhood(whole, &hits);
    let story = whole.narrowed(&near.read, &near.named, reuse_options);
    let mut keep: Vec<usize> = near.read.iter().chain(&near.named).copied().collect();
    keep.sort_unstable();
    let hits: Vec<Hit> = hits
        .into_iter()
        .filter_map(|mut h| {
            let at = keep.binary_search(&(h.unit.article as usize)).ok()?;
            h.unit.article = u32::try_from(at).ok()?;
            Some(h)
        })
        .collect();
    let graph = ProvenanceGraph::build(&story);
    trace(query, &story, &graph, &hits)
}

/// Builds the story of a claim from its `hits`, which index
/// `analysis.corpus.articles`; `graph` is the provenance graph of that
/// analysis (`ProvenanceGraph::build`), read for which corpus article a
/// credited source is.
pub fn trace(query: &str, analysis: &Analysis, graph: &ProvenanceGraph, hits: &[Hit]) -> Trace {
    let articles = &analysis.corpus.articles[..];
    let attributions = &analysis.attributions[..];
    let copies = &analysis.copies[..];
    let model = Model {
        graph,
        entities: &analysis.entities,
    };
    let words = tokens(query, 0);
    let candidates: Vec<Carrier> = hits
        .iter()
        .filter_map(|h| carrier(articles, h, &words))
        .collect();
    let top = hits.first().map_or(0.0, |h| h.score);
    let story: Vec<&Hit> = hits
        .iter()
        .filter(|h| h.score >= top * STORY_SHARE)
        .collect();
    let story = order_story(articles, &story, attributions, copies, &model);
    let Some(first) = story.first() else {
        return Trace {
            query: query.to_string(),
            candidates,
            earliest: None,
            credits: Vec::new(),
            spread: Vec::new(),
        };
    };
    let credits = credits_of(articles, first, hits, attributions, &model);
    let mut spread = Vec::new();
    for (k, hit) in story.iter().enumerate().skip(1) {
        let Some(c) = carrier(articles, hit, &words) else {
            continue;
        };
        let earlier: Vec<&Article> = story[..k]
            .iter()
            .map(|h| &articles[h.unit.article as usize])
            .collect();
        let later = &articles[hit.unit.article as usize];
        let own = attributions
            .get(hit.unit.article as usize)
            .map_or(&[][..], Vec::as_slice);
        let (edge, from, mut detail) = explain(later, &earlier, own, copies, &model);
        // How the words travelled: the carrier's sentence against the
        // sentence of the article it came from, by the same alignment.
        let similarity_to_from = from.as_ref().and_then(|id| {
            let source = story[..k]
                .iter()
                .find(|h| articles[h.unit.article as usize].id == *id)?;
            let a = align(
                &sentence_tokens(articles, hit),
                &sentence_tokens(articles, source),
            )?;
            Some(a.similarity())
        });
        if let Some(sim) = similarity_to_from {
            let how = if sim >= 0.999 {
                "the same words"
            } else if sim >= 0.8 {
                "nearly the same words"
            } else if sim >= 0.5 {
                "edited"
            } else {
                "reworded"
            };
            let _ = write!(detail, "; {how} (similarity {sim:.2})");
        }
        spread.push(Step {
            carrier: c,
            edge,
            from,
            detail,
            similarity_to_from,
        });
    }
    Trace {
        query: query.to_string(),
        candidates,
        earliest: carrier(articles, first, &words),
        credits,
        spread,
    }
}

/// The provenance model a trace reads: the graph and the corpus registry.
struct Model<'a> {
    graph: &'a ProvenanceGraph,
    entities: &'a Registry,
}

impl Model<'_> {
    /// Whether (and why) `candidate` can be the source `citing` credits as
    /// `entity` ([`origins::credited_source`]).
    fn source_of(&self, candidate: &Article, entity: &EntityRef, citing: &Article) -> Option<Via> {
        origins::credited_source(self.graph, self.entities, candidate, entity, citing)
    }
}

/// Orders the story: an article goes after every article it is known to
/// follow — it copied from it (directed copy), it credits it, or its date is
/// later than the other's exact date (a date floor only proves "not before").
/// Among articles free to go next, the earliest effective date (date, else
/// floor; undated last) goes first, then corpus order; a loop is broken the
/// same way.
fn order_story<'h>(
    articles: &[Article],
    story: &[&'h Hit],
    attributions: &[Vec<Attribution>],
    copies: &[CopyPair],
    model: &Model,
) -> Vec<&'h Hit> {
    let n = story.len();
    let art = |k: usize| &articles[story[k].unit.article as usize];
    // after[k][j]: story[k] goes after story[j].
    let after: Vec<Vec<bool>> = (0..n)
        .map(|k| {
            let own = attributions
                .get(story[k].unit.article as usize)
                .map_or(&[][..], Vec::as_slice);
            (0..n)
                .map(|j| {
                    if j == k {
                        return false;
                    }
                    let (later, earlier) = (art(k), art(j));
                    let copied = copies
                        .iter()
                        .any(|p| p.directed && p.origin == earlier.id && p.copy == later.id);
                    let credits = own
                        .iter()
                        .filter_map(|a| a.entity.as_ref())
                        .any(|e| model.source_of(earlier, e, later).is_some());
                    copied || credits || credited::is_known_earlier(earlier, later)
                })
                .collect()
        })
        .collect();
    let key = |k: usize| {
        let date = credited::effective_date(art(k)).map(|d| d.0);
        (date.is_none(), date, story[k].unit.article)
    };
    let mut placed = vec![false; n];
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let free: Vec<usize> = (0..n)
            .filter(|&k| !placed[k] && (0..n).all(|j| placed[j] || !after[k][j]))
            .collect();
        let pool: Vec<usize> = if free.is_empty() {
            (0..n).filter(|&k| !placed[k]).collect()
        } else {
            free
        };
        let Some(next) = pool.into_iter().min_by_key(|&k| key(k)) else {
            break;
        };
        placed[next] = true;
        out.push(story[next]);
    }
    out
}

fn credits_of(
    articles: &[Article],
    hit: &Hit,
    hits: &[Hit],
    attributions: &[Vec<Attribution>],
    model: &Model,
) -> Vec<Credit> {
    let index = hit.unit.article as usize;
    let Some(attrs) = attributions.get(index) else {
        return Vec::new();
    };
    let mut out: Vec<Credit> = Vec::new();
    for a in attrs {
        let touches = a.content.iter().any(|c| {
            Range::new(c.start, c.end).overlaps(hit.unit.range)
                || hit.unit.range.contains(Range::new(a.cue.start, a.cue.end))
        });
        if !touches {
            continue;
        }
        // The whole corpus is searched: a credited source's articles need
        // not carry the claim.
        let (by, via): (Vec<usize>, Vec<Via>) = a.entity.as_ref().map_or_else(
            || (Vec::new(), Vec::new()),
            |e| {
                articles
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != index)
                    .filter_map(|(i, other)| {
                        model.source_of(other, e, &articles[index]).map(|v| (i, v))
                    })
                    .unzip()
            },
        );
        let credit = Credit {
            source: a.source.clone(),
            entity: a.entity.clone(),
            vague: a.vague,
            outside_corpus: by.is_empty(),
            source_carries_claim: by
                .iter()
                .any(|&i| hits.iter().any(|h| h.unit.article as usize == i)),
            corpus_articles: by.iter().map(|&i| articles[i].id.clone()).collect(),
            via,
        };
        if !out.contains(&credit) {
            out.push(credit);
        }
    }
    out
}

/// Explains how `later` got the claim from one of `earlier` (nearest first).
fn explain(
    later: &Article,
    earlier: &[&Article],
    attributions: &[Attribution],
    copies: &[CopyPair],
    model: &Model,
) -> (EdgeKind, Option<String>, String) {
    for e in earlier.iter().rev() {
        if let Some(p) = copies
            .iter()
            .find(|p| p.directed && p.origin == e.id && p.copy == later.id)
        {
            return (
                EdgeKind::Copied,
                Some(e.id.clone()),
                format!(
                    "copied from {} ({}, score {:.2})",
                    label(e),
                    kebab(&p.tier),
                    p.score
                ),
            );
        }
    }
    for e in earlier.iter().rev() {
        if let Some(entity) = attributions
            .iter()
            .filter_map(|a| a.entity.as_ref())
            .find(|en| model.source_of(e, en, later).is_some())
        {
            return (
                EdgeKind::Cites,
                Some(e.id.clone()),
                format!("credits {} ({})", entity.name, label(e)),
            );
        }
    }
    for e in earlier.iter().rev() {
        if let Some(p) = copies.iter().find(|p| {
            (p.origin == e.id && p.copy == later.id) || (p.copy == e.id && p.origin == later.id)
        }) {
            return (
                EdgeKind::SharesText,
                Some(e.id.clone()),
                format!(
                    "shares text with {} ({}, direction undecided)",
                    label(e),
                    kebab(&p.tier)
                ),
            );
        }
    }
    for e in earlier.iter().rev() {
        if credited::same_publisher(later, e, model.entities) {
            return (
                EdgeKind::SameOutlet,
                Some(e.id.clone()),
                format!("same outlet or author as {}", label(e)),
            );
        }
    }
    (
        EdgeKind::Unexplained,
        None,
        "no copy or citation edge to an earlier article: independent, or from a source \
         outside the corpus"
            .into(),
    )
}

fn kebab<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Field;
    use crate::entities::EntityKind;
    use crate::reuse::Tier;

    fn article(id: &str, date: Option<&str>, outlet: Option<&str>, text: &str) -> Article {
        let mut a = Article::new(id, id, text.into());
        a.meta.date = date.map(|d| Field::given(d.parse().unwrap(), "test"));
        a.meta.outlet = outlet.map(|o| Field::given(o.to_string(), "test"));
        a
    }

    fn corpus() -> Vec<Article> {
        vec![
            article(
                "late",
                Some("2026-01-27"),
                Some("Blog"),
                "Weather was fine. Pakistan is becoming the next fertile ground for Hamas to \
                 reorganise, the Middle East Media Research Institute said.",
            ),
            article(
                "wire",
                Some("2026-01-22"),
                Some("IANS"),
                "Pakistan is becoming the next fertile ground for Hamas to reorganise, posing a \
                 risk to the West, a report said. Other news follows here.",
            ),
            article(
                "noise",
                Some("2025-01-01"),
                Some("Other"),
                "Cricket scores from Lahore were announced. Hamas held a rally in Gaza.",
            ),
        ]
    }

    #[test]
    fn terms_fold_and_stem() {
        assert_eq!(term("Hamas’s").as_deref(), Some("hama"));
        assert_eq!(term("Hamas").as_deref(), Some("hama"));
        assert_eq!(term("militias").as_deref(), Some("militia"));
        assert_eq!(term("countries").as_deref(), Some("country"));
        assert_eq!(term("The"), None);
    }

    #[test]
    fn a_paraphrased_claim_finds_both_carriers_first() {
        let articles = corpus();
        let index = ClaimIndex::build(&articles);
        assert_eq!(index.len(), 6);
        let hits = index.search(
            "Pakistan becoming fertile ground where Hamas reorganises",
            10,
        );
        assert!(hits.len() >= 2, "{hits:?}");
        let ids: Vec<u32> = hits.iter().take(2).map(|h| h.unit.article).collect();
        assert!(ids.contains(&0) && ids.contains(&1));
        assert!(hits[0].score > 0.6);
        assert!(
            hits.iter()
                .all(|h| h.unit.article != 2 || h.score < hits[0].score)
        );
    }

    #[test]
    fn trace_orders_by_date_and_explains_each_step() {
        let articles = corpus();
        let index = ClaimIndex::build(&articles);
        let hits = index.search("Pakistan is becoming the next fertile ground for Hamas", 10);
        let copies = vec![CopyPair {
            origin: "wire".into(),
            copy: "late".into(),
            directed: true,
            tier: Tier::NearVerbatim,
            score: 0.8,
            passages: Vec::new(),
            evidence: Vec::new(),
        }];
        let mut attributions = vec![Vec::new(); articles.len()];
        let wire = &articles[1];
        attributions[1] = vec![Attribution {
            article: "wire".into(),
            cue: wire.span(Range::new(98, 102)),
            source: Some(wire.span(Range::new(89, 97))),
            content: vec![wire.span(Range::new(0, 84))],
            quote: crate::attribution::QuoteKind::Indirect,
            entity: Some(EntityRef {
                id: "report:memri".into(),
                name: "MEMRI report".into(),
                kind: EntityKind::Report,
            }),
            vague: false,
            basis: crate::attribution::Basis::Rules,
            also: Vec::new(),
        }];
        let analysis = Analysis::from_parts(
            crate::read::Corpus {
                articles,
                ..crate::read::Corpus::default()
            },
            attributions,
            Registry::default(),
            crate::reuse::Reuse {
                copies,
                house: Vec::new(),
                shared_quotes: Vec::new(),
            },
        );
        let graph = ProvenanceGraph::build(&analysis);
        let t = trace("q", &analysis, &graph, &hits);
        assert_eq!(t.earliest.as_ref().unwrap().article, "wire");
        assert_eq!(t.credits.len(), 1);
        assert!(t.credits[0].outside_corpus);
        assert_eq!(t.spread.len(), 1);
        assert_eq!(t.spread[0].carrier.article, "late");
        assert_eq!(t.spread[0].edge, EdgeKind::Copied);
        assert_eq!(t.spread[0].from.as_deref(), Some("wire"));
    }

    #[test]
    fn nothing_matches_an_unrelated_query() {
        let index = ClaimIndex::build(&corpus());
        assert!(
            index
                .search("quantum chromodynamics lattice", 10)
                .is_empty()
        );
        assert!(index.search("", 10).is_empty());
    }
}
