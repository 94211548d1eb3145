//! The detection pipeline: fingerprint, select candidates, align, direct, explain.

use std::collections::BTreeMap;
use std::io::IsTerminal;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use std::sync::OnceLock;

use super::align::{self, Aligned, VERBATIM_SIMILARITY};
use super::direction::{self, Shared};
use super::explain::{self, Edge, Fate};
use super::index::{self, Fingerprints};
use super::paraphrase;
use super::quoted::{self, Quoted};
use super::tokens::Profile;
use super::{CopyPair, Options, Passage, Reuse, SharedQuote, Tier};
use crate::article::Article;
use crate::attribution::Attribution;
use crate::span::Range;

/// A progress bar on stderr when asked for and stderr is a terminal.
fn bar(show: bool, len: usize, message: &'static str) -> indicatif::ProgressBar {
    if !show || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(message);
    bar
}

/// What a found pair is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// One article took text from the other.
    Copy,
    /// One outlet reused short passages across its own stories.
    House,
    /// Both articles quote the same speaker; neither copied the other.
    SharedQuote,
}

/// A compared pair before chains and common sources are explained: article
/// indices `a < b`. The case file (`crate::store`) keeps these, so that an
/// incremental add only compares the pairs a new article touches and
/// [`settle`] explains the whole set again.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Found {
    /// Index of the earlier article (in corpus order).
    pub a: usize,
    /// Index of the later article.
    pub b: usize,
    /// Copy, house reuse or shared quotation.
    pub relation: Relation,
    /// Closest tier of the shared text.
    pub tier: Tier,
    /// 0.0–1.0 strength.
    pub score: f64,
    /// (range in a, range in b, similarity)
    pub passages: Vec<(Range, Range, f64)>,
    /// Reasons, in words.
    pub evidence: Vec<String>,
    /// `Some(true)` when `a` is the origin, `None` when undecided.
    pub a_is_origin: Option<bool>,
    /// For an undirected pair dated a day apart: `Some(true)` when `a` is the earlier.
    #[serde(default)]
    pub lean: Option<bool>,
    /// For shared quotes: who the articles say is quoted.
    pub speakers: Vec<String>,
}

/// Which signals proposed a pair.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Signals {
    /// Shared text shingles.
    pub text: bool,
    /// Shared anchor triples (names and numbers in order).
    pub anchors: bool,
}

/// Share of a passage's characters, on both sides, inside quotation marks
/// at or above which the passage is a shared quotation, not copy evidence.
const SHARED_QUOTE_SHARE: f64 = 0.5;

/// Per-article data computed on demand and shared by all of its pairs.
struct Lazy<'a> {
    articles: &'a [Article],
    quoted: Vec<OnceLock<Quoted>>,
}

impl<'a> Lazy<'a> {
    fn new(articles: &'a [Article]) -> Self {
        Lazy {
            articles,
            quoted: (0..articles.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    fn quoted(&self, i: usize) -> &Quoted {
        self.quoted[i].get_or_init(|| Quoted::of(&self.articles[i]))
    }
}

/// One aligned passage weighed as evidence.
struct Weighed<'p> {
    passage: &'p Aligned,
    /// Quoted share in A and in B.
    quoted: (f64, f64),
    /// Words that count as copy evidence: the passage's words outside the
    /// quotations both articles have there.
    words: f64,
}

/// True when the two articles name the same outlet.
fn same_outlet(a: &Article, b: &Article) -> bool {
    match (&a.meta.outlet, &b.meta.outlet) {
        (Some(x), Some(y)) => direction::names_match(&x.value, &y.value),
        _ => false,
    }
}

fn copied(
    a: &Article,
    b: &Article,
    pa: &Profile,
    pb: &Profile,
    aligned: &[&Weighed],
) -> (Tier, f64, Shared, String) {
    let (mut verbatim, mut near) = (0usize, 0usize);
    let mut weighted = 0.0;
    let mut shared = Shared {
        story_words: (pa.toks.len(), pb.toks.len()),
        ..Shared::default()
    };
    for w in aligned {
        let p = w.passage;
        let (la, lb) = (p.a_toks.1 - p.a_toks.0, p.b_toks.1 - p.b_toks.0);
        let lcs = (p.similarity * (la + lb) as f64 / 2.0).round() as usize;
        shared.words.0 += la;
        shared.words.1 += lb;
        shared.edits.0 += la.saturating_sub(lcs);
        shared.edits.1 += lb.saturating_sub(lcs);
        shared.passages.push((p.a, p.b));
        shared.quoted.push(w.quoted);
        weighted += p.similarity * p.words() as f64;
        if p.similarity >= VERBATIM_SIMILARITY {
            verbatim += p.words();
        } else {
            near += p.words();
        }
    }
    let tier = if verbatim >= near {
        Tier::Verbatim
    } else {
        Tier::NearVerbatim
    };
    let shorter = pa.toks.len().min(pb.toks.len()).max(1);
    let score = (weighted / shorter as f64).min(1.0);
    let summary = format!(
        "{} shared passage{} ({} words in {}, {} in {}; {} verbatim, {} edited)",
        aligned.len(),
        if aligned.len() == 1 { "" } else { "s" },
        shared.words.0,
        a.id,
        shared.words.1,
        b.id,
        aligned
            .iter()
            .filter(|p| p.passage.similarity >= VERBATIM_SIMILARITY)
            .count(),
        aligned
            .iter()
            .filter(|p| p.passage.similarity < VERBATIM_SIMILARITY)
            .count(),
    );
    (tier, score, shared, summary)
}

/// Everything `compare` needs besides the pair.
struct Context<'a> {
    articles: &'a [Article],
    attributions: &'a [Vec<Attribution>],
    lazy: &'a Lazy<'a>,
    options: &'a Options,
}

impl Context<'_> {
    fn attributions(&self, i: usize) -> &[Attribution] {
        self.attributions.get(i).map_or(&[], Vec::as_slice)
    }
}

/// The shared-quote record of a pair whose shared text is quotations.
fn shared_quote(
    cx: &Context,
    (ai, bi): (usize, usize),
    quotes: &[&Weighed],
    shorter: usize,
) -> Found {
    let (a, b) = (&cx.articles[ai], &cx.articles[bi]);
    let mut speakers: Vec<String> = Vec::new();
    for w in quotes {
        for s in quoted::speakers(cx.attributions(ai), w.passage.a)
            .into_iter()
            .chain(quoted::speakers(cx.attributions(bi), w.passage.b))
        {
            if !speakers.iter().any(|x| direction::names_match(x, &s)) {
                speakers.push(s);
            }
        }
    }
    let words: usize = quotes.iter().map(|w| w.passage.words()).sum();
    let weighted: f64 = quotes
        .iter()
        .map(|w| w.passage.similarity * w.passage.words() as f64)
        .sum();
    let verbatim = quotes
        .iter()
        .all(|w| w.passage.similarity >= VERBATIM_SIMILARITY);
    let who = if speakers.is_empty() {
        "the same speaker".to_string()
    } else {
        speakers.join(", ")
    };
    Found {
        a: ai,
        b: bi,
        relation: Relation::SharedQuote,
        tier: if verbatim {
            Tier::Verbatim
        } else {
            Tier::NearVerbatim
        },
        score: (weighted / shorter.max(1) as f64).min(1.0),
        passages: quotes
            .iter()
            .map(|w| (w.passage.a, w.passage.b, w.passage.similarity))
            .collect(),
        evidence: vec![format!(
            "both quote {who}: {} passage{} ({words} words) inside quotation marks in {} and in {}; a shared quotation is not a copy",
            quotes.len(),
            if quotes.len() == 1 { "" } else { "s" },
            a.id,
            b.id
        )],
        a_is_origin: None,
        lean: None,
        speakers,
    }
}

/// Compares one candidate pair.
fn compare(cx: &Context, (ai, bi): (usize, usize), signals: Signals) -> Option<Found> {
    let (a, b) = (&cx.articles[ai], &cx.articles[bi]);
    let options = cx.options;
    let (att_a, att_b) = (cx.attributions(ai), cx.attributions(bi));
    let mut quote_only: Option<Found> = None;
    if signals.text {
        let pa = Profile::new(a);
        let pb = Profile::new(b);
        let aligned = align::align(&pa, &pb, &options.align);
        if !aligned.is_empty() {
            let (qa, qb) = (cx.lazy.quoted(ai), cx.lazy.quoted(bi));
            let weighed: Vec<Weighed> = aligned
                .iter()
                .map(|p| {
                    let quoted = (qa.share(p.a), qb.share(p.b));
                    Weighed {
                        passage: p,
                        quoted,
                        words: p.words() as f64 * (1.0 - quoted.0.min(quoted.1)),
                    }
                })
                .collect();
            // A passage is a shared quotation when both articles quote most
            // of it and little of it is left outside the quotation marks.
            let (quotes, own): (Vec<&Weighed>, Vec<&Weighed>) = weighed.iter().partition(|w| {
                w.quoted.0.min(w.quoted.1) >= SHARED_QUOTE_SHARE
                    && w.words < options.align.min_prose as f64
            });
            let evidence_words: f64 = own.iter().map(|w| w.words).sum();
            let strong = evidence_words >= options.min_evidence_words as f64;
            let house = same_outlet(a, b);
            if strong || (house && !own.is_empty()) {
                let (tier, score, shared, summary) = copied(a, b, &pa, &pb, &own);
                let coverage = evidence_words / pa.toks.len().min(pb.toks.len()).max(1) as f64;
                let relation = if house && (!strong || coverage < options.house_coverage) {
                    Relation::House
                } else {
                    Relation::Copy
                };
                let verdict = direction::decide(a, b, att_a, att_b, &shared);
                let mut evidence = vec![summary];
                if !quotes.is_empty() {
                    evidence.push(format!(
                        "{} shared quotation{} left out: both articles quote {}",
                        quotes.len(),
                        if quotes.len() == 1 { "" } else { "s" },
                        if quotes.len() == 1 { "it" } else { "them" }
                    ));
                }
                if relation == Relation::House {
                    evidence.push(format!(
                        "house reuse: both are {}'s, and the shared text is {:.0}% of the shorter story — recycled passages, not a republished story",
                        a.meta.outlet.as_ref().map_or("", |o| o.value.as_str()),
                        coverage * 100.0
                    ));
                }
                evidence.extend(verdict.evidence);
                return Some(Found {
                    a: ai,
                    b: bi,
                    relation,
                    tier,
                    score,
                    passages: own
                        .iter()
                        .map(|w| (w.passage.a, w.passage.b, w.passage.similarity))
                        .collect(),
                    evidence,
                    a_is_origin: verdict.a_is_origin,
                    lean: verdict.lean,
                    speakers: Vec::new(),
                });
            }
            if !quotes.is_empty() {
                quote_only = Some(shared_quote(
                    cx,
                    (ai, bi),
                    &quotes,
                    pa.toks.len().min(pb.toks.len()),
                ));
            }
        }
    }
    // No copied passage: is it a rewrite? Only names and numbers in order say it may be.
    if !signals.anchors {
        return quote_only;
    }
    let opts = &options.paraphrase;
    let sa = paraphrase::sentences(a, opts.max_sentences);
    let sb = paraphrase::sentences(b, opts.max_sentences);
    let pairs = paraphrase::align(&sa, &sb, opts);
    if !paraphrase::is_rewrite(&pairs, &sa, &sb, opts) {
        return quote_only;
    }
    // A rewrite follows the origin in the article's own voice: several
    // sentences at high similarity, or sentence after sentence through most
    // of the shorter story; same-topic articles and shared quotations meet in
    // a few loosely similar ones.
    let (qa, qb) = (cx.lazy.quoted(ai), cx.lazy.quoted(bi));
    let prose: Vec<&paraphrase::SentencePair> = pairs
        .iter()
        .filter(|p| qa.share(sa[p.a].range).min(qb.share(sb[p.b].range)) < SHARED_QUOTE_SHARE)
        .collect();
    let high = prose
        .iter()
        .filter(|p| p.similarity >= opts.high_similarity)
        .count();
    let shorter = sa.len().min(sb.len());
    let Some(route) = paraphrase::enough_evidence(high, prose.len(), shorter, opts) else {
        return quote_only;
    };
    let mean = pairs.iter().map(|p| p.similarity).sum::<f64>() / pairs.len() as f64;
    let mut specifics = (0, 0);
    for p in &pairs {
        let (x, y) = paraphrase::missing_numbers(&sa[p.a], &sb[p.b]);
        specifics.0 += x;
        specifics.1 += y;
    }
    let shared = Shared {
        passages: pairs
            .iter()
            .map(|p| (sa[p.a].range, sb[p.b].range))
            .collect(),
        paraphrase: true,
        specifics,
        story_words: (a.word_count(), b.word_count()),
        ..Shared::default()
    };
    let verdict = direction::decide(a, b, att_a, att_b, &shared);
    let mut evidence = vec![format!(
        "rewrite: {} sentences aligned in order ({} of {} in {}, of {} in {}; {} at similarity {:.2} or more in the articles' own voice; mean similarity {:.2} on content words, names, dates and numbers){}",
        pairs.len(),
        pairs.len(),
        sa.len(),
        a.id,
        sb.len(),
        b.id,
        high,
        opts.high_similarity,
        mean,
        match route {
            paraphrase::Route::Close => String::new(),
            paraphrase::Route::Through => format!(
                "; a heavy rewrite: {} sentences in its own voice follow the origin in order through {:.0}% of the shorter story",
                prose.len(),
                100.0 * prose.len() as f64 / shorter.max(1) as f64
            ),
        }
    )];
    evidence.extend(verdict.evidence);
    Some(Found {
        a: ai,
        b: bi,
        relation: Relation::Copy,
        tier: Tier::Paraphrase,
        score: paraphrase::score(&pairs, &sa, &sb),
        passages: pairs
            .iter()
            .map(|p| (sa[p.a].range, sb[p.b].range, p.similarity))
            .collect(),
        evidence,
        a_is_origin: verdict.a_is_origin,
        lean: verdict.lean,
        speakers: Vec::new(),
    })
}

/// Rank of each article for fan-out: earliest date first (undated last),
/// then input order. The staged path writes it beside each article so the
/// distributed candidate join picks the same fan-out heads.
pub fn ranks(articles: &[Article]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by_key(|&i| {
        (
            articles[i].meta.date.as_ref().map(|d| d.value).is_none(),
            articles[i].meta.date.as_ref().map(|d| d.value),
            i,
        )
    });
    let mut rank = vec![0u32; articles.len()];
    for (r, i) in order.into_iter().enumerate() {
        rank[i] = r as u32;
    }
    rank
}

/// Finds every pair of `articles` that share text. `attributions[i]` belongs to
/// `articles[i]` (it may be empty or shorter than `articles`) and serves as
/// evidence of direction. Output is sorted by origin id, then copy id.
///
/// Only copy claims are returned; [`detect_all`] also gives house reuse and
/// shared quotations.
pub fn detect(
    articles: &[Article],
    attributions: &[Vec<Attribution>],
    options: &Options,
) -> Vec<CopyPair> {
    detect_all(articles, attributions, options).copies
}

/// Finds every pair of `articles` that share text and sorts them into copy
/// claims, house reuse and shared quotations (see [`Reuse`]).
pub fn detect_all(
    articles: &[Article],
    attributions: &[Vec<Attribution>],
    options: &Options,
) -> Reuse {
    let n = articles.len();
    let progress = bar(options.progress, n, "fingerprinting");
    let fingerprints: Vec<Fingerprints> = articles
        .par_iter()
        .map(|a| {
            let f = Fingerprints::of(a, &options.index);
            progress.inc(1);
            f
        })
        .collect();
    progress.finish_and_clear();
    let io = &options.index;
    let rank = ranks(articles);
    let mut signals: BTreeMap<(usize, usize), Signals> = BTreeMap::new();
    for c in index::candidates(
        n,
        |d| fingerprints[d].text.clone(),
        &rank,
        io,
        io.min_shared_text,
    ) {
        signals
            .entry((c.a as usize, c.b as usize))
            .or_default()
            .text = true;
    }
    for c in index::candidates(
        n,
        |d| fingerprints[d].anchors.clone(),
        &rank,
        io,
        io.min_shared_anchors,
    ) {
        signals
            .entry((c.a as usize, c.b as usize))
            .or_default()
            .anchors = true;
    }
    drop(fingerprints);
    let candidates: Vec<((usize, usize), Signals)> = signals.into_iter().collect();
    let found = compare_all(articles, attributions, &candidates, options);
    settle(articles, found, options)
}

/// Compares the given candidate pairs (article indices `a < b`, with the
/// signals that proposed them), explains chains and common sources among the
/// pairs found, and sorts them into copy claims, house reuse and shared
/// quotations. [`detect_all`] does the same with the candidates of its own
/// index; `citetrace align` calls it with candidates joined elsewhere (the
/// staged path), so both apply the same rules.
pub fn align_candidates(
    articles: &[Article],
    attributions: &[Vec<Attribution>],
    candidates: &[((usize, usize), Signals)],
    options: &Options,
) -> Reuse {
    let found = compare_all(articles, attributions, candidates, options);
    settle(articles, found, options)
}

/// Compares candidate pairs (`a < b`, indices into `articles`) and keeps
/// those that share text, in the order given.
pub fn compare_all(
    articles: &[Article],
    attributions: &[Vec<Attribution>],
    candidates: &[((usize, usize), Signals)],
    options: &Options,
) -> Vec<Found> {
    let lazy = Lazy::new(articles);
    let cx = Context {
        articles,
        attributions,
        lazy: &lazy,
        options,
    };
    let progress = bar(options.progress, candidates.len(), "comparing");
    let found: Vec<Found> = candidates
        .par_iter()
        .filter_map(|&(pair, s)| {
            let f = compare(&cx, pair, s);
            progress.inc(1);
            f
        })
        .collect();
    progress.finish_and_clear();
    found
}

/// Explains chains and common sources among the compared pairs (sorted by
/// `(a, b)`) and sorts them into copy claims, house reuse and shared
/// quotations, as [`detect_all`] does.
pub fn settle(articles: &[Article], found: Vec<Found>, options: &Options) -> Reuse {
    // Chains and common sources are explained among copy claims; house
    // reuse and shared quotations take part too, so that two articles taking
    // the same text of a third that is in the corpus become siblings of it
    // ("common source"), but with no weight to explain copy claims away.
    let edges: Vec<Edge> = found
        .iter()
        .map(|f| Edge {
            a: f.a,
            b: f.b,
            passages: f.passages.iter().map(|p| (p.0, p.1)).collect(),
            score: if f.relation == Relation::Copy {
                f.score
            } else {
                0.0
            },
            a_is_origin: f.a_is_origin,
            lean: f.lean,
        })
        .collect();
    let mut fates = explain::explain(&edges).into_iter();
    let mut out = Reuse::default();
    for mut f in found {
        let fate = fates.next().unwrap_or(Fate::Keep);
        match (f.relation, &fate) {
            (Relation::Copy, _) => out.copies.extend(finish(articles, f, &fate)),
            (Relation::House, Fate::Siblings(c)) => {
                f.evidence.retain(|e| !e.starts_with("house reuse"));
                f.evidence.push(format!(
                    "not house reuse: the shared text is {}'s, which both took",
                    articles[*c].id
                ));
                f.relation = Relation::Copy;
                out.copies.extend(finish(articles, f, &fate));
            }
            (Relation::House, _) => out.house.extend(finish(articles, f, &Fate::Keep)),
            (Relation::SharedQuote, Fate::Siblings(c)) => {
                f.evidence.push(format!(
                    "the quoted text is {}'s own, which both took",
                    articles[*c].id
                ));
                f.relation = Relation::Copy;
                out.copies.extend(finish(articles, f, &fate));
            }
            (Relation::SharedQuote, _) => out.shared_quotes.push(quote_record(articles, f)),
        }
    }
    out.copies.retain(|p| p.score >= options.min_score);
    let by_ids = |x: &CopyPair, y: &CopyPair| x.origin.cmp(&y.origin).then(x.copy.cmp(&y.copy));
    out.copies.sort_by(by_ids);
    out.house.sort_by(by_ids);
    out.shared_quotes
        .sort_by(|x, y| x.a.cmp(&y.a).then(x.b.cmp(&y.b)));
    out
}

/// The output record of a shared quotation.
fn quote_record(articles: &[Article], f: Found) -> SharedQuote {
    let (a, b) = (&articles[f.a], &articles[f.b]);
    SharedQuote {
        a: a.id.clone(),
        b: b.id.clone(),
        speakers: f.speakers,
        passages: f
            .passages
            .iter()
            .map(|&(ra, rb, similarity)| Passage {
                origin: a.span(ra),
                copy: b.span(rb),
                similarity: (similarity * 1000.0).round() / 1000.0,
            })
            .collect(),
        evidence: f.evidence,
    }
}

/// Turns a found pair into the output record, applying its fate.
fn finish(articles: &[Article], mut f: Found, fate: &Fate) -> Option<CopyPair> {
    match fate {
        Fate::Redundant(_) => return None,
        Fate::Siblings(c) => {
            let c = &articles[*c];
            f.evidence.push(format!(
                "common source: the shared passages also appear in {}, from which both took them; the pair is left undirected",
                c.id
            ));
            f.a_is_origin = None;
        }
        Fate::Keep => {}
    }
    let (a, b) = (&articles[f.a], &articles[f.b]);
    let a_first = match f.a_is_origin {
        Some(x) => x,
        None => a.id <= b.id,
    };
    let (origin, copy) = if a_first { (a, b) } else { (b, a) };
    let mut passages: Vec<Passage> = f
        .passages
        .iter()
        .map(|&(ra, rb, similarity)| {
            let (ro, rc) = if a_first { (ra, rb) } else { (rb, ra) };
            Passage {
                origin: origin.span(ro),
                copy: copy.span(rc),
                similarity: (similarity * 1000.0).round() / 1000.0,
            }
        })
        .collect();
    passages.sort_by_key(|p| (p.copy.start, p.origin.start));
    Some(CopyPair {
        origin: origin.id.clone(),
        copy: copy.id.clone(),
        directed: f.a_is_origin.is_some(),
        tier: f.tier,
        score: (f.score * 1000.0).round() / 1000.0,
        passages,
        evidence: f.evidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Field;
    use proptest::prelude::*;

    fn seeds() -> Vec<Article> {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/memri-hamas-pakistan");
        let options = crate::read::Options {
            infer: false,
            ..crate::read::Options::default()
        };
        crate::read::read_inputs(&[dir], &options)
            .map(|c| c.articles)
            .unwrap_or_default()
    }

    fn pair<'a>(pairs: &'a [CopyPair], a: &str, b: &str) -> Option<&'a CopyPair> {
        pairs.iter().find(|p| {
            (p.origin.starts_with(a) && p.copy.starts_with(b))
                || (p.origin.starts_with(b) && p.copy.starts_with(a))
        })
    }

    #[test]
    fn seeds_with_the_metadata_the_reader_infers() {
        let mut articles = seeds();
        assert_eq!(articles.len(), 5);
        let date = |y, m, d| jiff::civil::date(y, m, d);
        articles[0].meta.date = Some(Field::given(date(2026, 1, 22), "test"));
        articles[1].meta.date = Some(Field::given(date(2025, 9, 17), "test"));
        articles[2].meta.date = Some(Field::given(date(2026, 1, 27), "test"));
        articles[4].meta.affiliation = Some(Field::given("MEMRI".to_string(), "test"));
        for (i, a) in articles.iter_mut().enumerate() {
            if i != 4 && i != 3 {
                a.meta.outlet = Some(Field::given("IANS".to_string(), "test"));
            }
        }
        let all = detect_all(&articles, &[], &Options::default());
        let pairs = &all.copies;
        assert_eq!(pairs.len(), 4, "{pairs:#?}");
        // Both IANS here: 000 recycles one paragraph of the September story,
        // which is house reuse, listed apart from copy claims.
        assert_eq!(all.house.len(), 1, "{:#?}", all.house);
        let sept = pair(&all.house, "001", "000").expect("001-000");
        assert!(sept.directed && sept.origin.starts_with("001"), "{sept:#?}");
        assert!(sept.evidence.iter().any(|e| e.starts_with("house reuse")));
        let memri = pair(pairs, "004", "000").expect("004-000");
        assert!(memri.directed && memri.origin.starts_with("004"));
        assert!(
            memri.evidence.iter().any(|e| e.contains("MEMRI")),
            "{memri:#?}"
        );
        // Dated 22 and 27 January, but both took the text from 004.
        let sib = pair(pairs, "000", "002").expect("000-002");
        assert!(!sib.directed);
        let rewrite = pair(pairs, "000", "003").expect("000-003");
        assert!(rewrite.directed && rewrite.origin.starts_with("000"));
    }

    #[test]
    fn empty_and_tiny_articles_make_no_pairs() {
        let articles = vec![
            Article::new("a", "a", String::new()),
            Article::new("b", "b", String::new()),
            Article::new("c", "c", "Hello.".into()),
            Article::new("d", "d", "Hello.".into()),
        ];
        assert!(detect(&articles, &[], &Options::default()).is_empty());
    }

    #[test]
    fn one_huge_article_and_its_copy() {
        let words = [
            "harbour",
            "committee",
            "approved",
            "dredging",
            "ferry",
            "terminal",
            "fishing",
            "grounds",
            "residents",
            "opposed",
            "hearings",
            "winter",
            "budget",
            "council",
        ];
        let mut text = String::new();
        let mut x: u64 = 7;
        for i in 0..60_000 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push_str(words[(x >> 33) as usize % words.len()]);
            text.push(if i % 17 == 16 { '.' } else { ' ' });
        }
        let articles = vec![
            Article::new("big", "big", text.clone()),
            Article::new("copy", "copy", text),
        ];
        let pairs = detect(&articles, &[], &Options::default());
        // Random text over 14 words repeats every trigram: stock text, bounded work.
        assert!(pairs.len() <= 1);
        for p in &pairs {
            assert!(p.passages.len() <= AlignOptions::default().max_passages);
        }
    }

    use super::super::align::AlignOptions;

    #[test]
    fn thousands_of_template_pages_are_stock_text() {
        let template = "Subscribe to our newsletter for the latest updates delivered straight to your inbox every morning, and follow our reporters on every social network for breaking coverage of local politics.";
        let articles: Vec<Article> = (0..3000)
            .map(|i| {
                Article::new(
                    format!("p{i:04}"),
                    "p",
                    format!("Listing {i} for sale near the river.\n{template}\nPage {i}."),
                )
            })
            .collect();
        let started = std::time::Instant::now();
        // The reader's corpus pass learns the template as stock text first.
        let mut articles = articles;
        let marked = crate::read::infer::stock::mark_corpus(
            &mut articles,
            &crate::read::infer::stock::StockOptions::default(),
        );
        assert_eq!(marked, 3000);
        let pairs = detect(&articles, &[], &Options::default());
        assert!(pairs.is_empty(), "{}", pairs.len());
        assert!(started.elapsed().as_secs() < 30);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn spans_stay_in_bounds_and_match(
            base in proptest::collection::vec(0usize..40, 30..120),
            edits in proptest::collection::vec((0usize..120, 0usize..40), 0..10),
            prefix in "[ a-zé“”\"—\n.]{0,20}",
        ) {
            let vocab: Vec<String> = (0..40)
                .map(|i| if i % 7 == 0 { format!("Name{i}") } else { format!("wörd{i}") })
                .collect();
            let mut a_words: Vec<&str> = base.iter().map(|&i| vocab[i].as_str()).collect();
            let b_text_words: Vec<&str> = a_words.clone();
            for &(at, w) in &edits {
                if at < a_words.len() {
                    a_words[at] = vocab[w].as_str();
                }
            }
            let a_text = format!("{prefix}{}", a_words.join(" "));
            let b_text = format!("“{}.”\n{prefix}", b_text_words.join(", "));
            let articles = vec![
                Article::new("a", "a", a_text),
                Article::new("b", "b", b_text),
            ];
            for p in detect(&articles, &[], &Options::default()) {
                prop_assert!((0.0..=1.0).contains(&p.score));
                for passage in &p.passages {
                    for (id, span) in [(&p.origin, &passage.origin), (&p.copy, &passage.copy)] {
                        let art = articles.iter().find(|a| &a.id == id).expect("article");
                        prop_assert!(span.start <= span.end && span.end <= art.text.char_len());
                        let expect: String = art.text.as_str().chars().skip(span.start).take(span.len()).collect();
                        prop_assert_eq!(&span.text, &expect);
                    }
                }
            }
        }
    }
}
