//! A deterministic synthetic news corpus with known copies, for benchmarks.
//!
//! Articles are made of sentences drawn from realistic word statistics: a
//! Zipf-distributed content vocabulary, English function words at their usual
//! share, names (people, places, organisations) that cluster by topic so that
//! same-topic articles share names without sharing text, and numbers, years and
//! dates. Then known copies of each tier are injected:
//!
//! - **verbatim**: whole-story republication under a new intro, or one to three
//!   paragraphs lifted unchanged into an otherwise original article;
//! - **near-verbatim**: lifted paragraphs edited — words dropped, substituted,
//!   swapped, quote style changed;
//! - **paraphrase**: the whole story rewritten sentence by sentence: most content
//!   words replaced by synonyms, function words reshuffled, names sometimes
//!   transliterated, dates and figures kept, filler sentences inserted.
//!
//! Everything follows from the seed, so a benchmark can be rerun exactly.

use crate::article::{Article, Field};
use crate::reuse::Tier;

/// A small, fast, seedable generator (splitmix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5851_f42d_4c95_7f2d)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        super::tokens::mix(self.0)
    }

    /// A uniform index below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// Corpus settings.
#[derive(Debug, Clone, Copy)]
pub struct SynthOptions {
    /// Number of articles.
    pub articles: usize,
    /// Seed.
    pub seed: u64,
    /// Share of articles that are verbatim copies.
    pub verbatim: f64,
    /// Share of articles that are near-verbatim copies.
    pub near_verbatim: f64,
    /// Share of articles that are paraphrases.
    pub paraphrase: f64,
    /// Content vocabulary size.
    pub vocabulary: usize,
    /// Number of topics (each with its own cast of names).
    pub topics: usize,
    /// Derivatives of one extra source story (a wire story on many sites):
    /// each republishes it under its own intro, one in five copies an earlier
    /// derivative instead (and so carries that derivative's intro too).
    pub fanout: usize,
    /// Pairs of unrelated original articles that get the same quotation
    /// paragraph (“…,” Name said.): two outlets quoting one speaker.
    pub planted_quotes: usize,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            articles: 1000,
            seed: 42,
            verbatim: 0.02,
            near_verbatim: 0.02,
            paraphrase: 0.02,
            vocabulary: 40_000,
            topics: 500,
            fanout: 0,
            planted_quotes: 0,
        }
    }
}

/// A known copy: `copy` took from `origin` at `tier`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Truth {
    /// Origin article id.
    pub origin: String,
    /// Copy article id.
    pub copy: String,
    /// Tier injected.
    pub tier: Tier,
}

/// A generated corpus and its known copies.
#[derive(Debug)]
pub struct Corpus {
    /// Articles (with dates: copies later than their origins).
    pub articles: Vec<Article>,
    /// Injected copies (fan-out derivatives included, each with its parent:
    /// the source or the derivative it copied).
    pub truth: Vec<Truth>,
    /// The fan-out source's id, when there is one.
    pub fanout_source: Option<String>,
    /// The fan-out derivatives' ids.
    pub fanout_derivatives: Vec<String>,
    /// Pairs of articles that share only a planted quotation.
    pub quote_pairs: Vec<(String, String)>,
}

const FUNCTION: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "as", "by", "was", "is",
    "at", "from", "has", "had", "it", "its", "be", "have", "were", "which", "an", "their", "after",
    "this", "but", "been", "also", "who", "they", "are", "over", "into", "while", "against",
];
const SYLLABLES: &[&str] = &[
    "ba", "ka", "ri", "to", "men", "sal", "dor", "vi", "ne", "lu", "tra", "pe", "gon", "fi", "mo",
    "sta", "ler", "qui", "dan", "zo", "hel", "ar", "ton", "mi", "ce", "rus", "pla", "den", "ga",
    "wel", "ost", "nim", "bre", "ju", "kor", "sen",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Word lists and samplers.
struct Lexicon {
    words: Vec<String>,
    /// Cumulative Zipf weights over `words`.
    cdf: Vec<f64>,
    names: Vec<String>,
    /// Word → its index in `words`.
    index: std::collections::HashMap<String, usize>,
}

impl Lexicon {
    fn new(rng: &mut Rng, vocabulary: usize, names: usize) -> Self {
        let make = |rng: &mut Rng, min: usize| -> String {
            let n = min + rng.below(3);
            (0..n)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect()
        };
        let mut seen = std::collections::HashSet::new();
        let mut words = Vec::with_capacity(vocabulary);
        while words.len() < vocabulary {
            let w = make(rng, 2);
            if seen.insert(w.clone()) {
                words.push(w);
            }
        }
        let mut name_list = Vec::with_capacity(names);
        while name_list.len() < names {
            let w = make(rng, 2);
            if seen.insert(w.clone()) {
                let mut c = w.chars();
                let cap: String = c
                    .next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default();
                name_list.push(cap);
            }
        }
        let mut cdf = Vec::with_capacity(vocabulary);
        let mut total = 0.0;
        for rank in 1..=vocabulary {
            total += 1.0 / (rank as f64).powf(1.05);
            cdf.push(total);
        }
        let index = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.clone(), i))
            .collect();
        Lexicon {
            words,
            cdf,
            names: name_list,
            index,
        }
    }

    fn word(&self, rng: &mut Rng) -> usize {
        let total = self.cdf.last().copied().unwrap_or(1.0);
        let x = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
        self.cdf
            .partition_point(|&c| c < x)
            .min(self.words.len() - 1)
    }

    /// The fixed synonym of a word (another word of similar frequency).
    fn synonym(&self, w: usize) -> usize {
        let h = super::tokens::mix(w as u64 ^ 0xabcd) as usize;
        let band = (w / 2).max(50);
        (w + 1 + h % band) % self.words.len()
    }
}

/// One sentence: words as strings (names and numbers included).
fn sentence(rng: &mut Rng, lex: &Lexicon, cast: &[usize], out: &mut Vec<String>) {
    let len = 13 + rng.below(18);
    for i in 0..len {
        let roll = rng.below(100);
        let w = if roll < 42 {
            FUNCTION[rng.below(FUNCTION.len())].to_string()
        } else if roll < 49 && !cast.is_empty() {
            lex.names[cast[rng.below(cast.len())]].clone()
        } else if roll < 51 {
            match rng.below(3) {
                0 => format!("{}", 2 + rng.below(9_998)),
                1 => format!("{}", 1990 + rng.below(37)),
                _ => format!("{} {},", MONTHS[rng.below(MONTHS.len())], 1 + rng.below(28)),
            }
        } else {
            lex.words[lex.word(rng)].clone()
        };
        if i == 0 {
            let mut c = w.chars();
            out.push(
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default(),
            );
        } else {
            out.push(w);
        }
    }
}

fn join_sentence(words: &[String]) -> String {
    let mut s = words.join(" ");
    s = s.replace(", ", " ").trim_end_matches(',').to_string();
    s.push('.');
    s
}

/// An original story: paragraphs of sentences.
fn story(rng: &mut Rng, lex: &Lexicon, cast: &[usize]) -> Vec<Vec<Vec<String>>> {
    let paragraphs = 7 + rng.below(8);
    (0..paragraphs)
        .map(|_| {
            (0..2 + rng.below(3))
                .map(|_| {
                    let mut s = Vec::new();
                    sentence(rng, lex, cast, &mut s);
                    s
                })
                .collect()
        })
        .collect()
}

fn render(paragraphs: &[Vec<Vec<String>>]) -> String {
    paragraphs
        .iter()
        .map(|p| {
            p.iter()
                .map(|s| join_sentence(s))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Edits a lifted paragraph: drops, substitutions, swaps, quote style.
fn edit(rng: &mut Rng, lex: &Lexicon, para: &[Vec<String>]) -> Vec<Vec<String>> {
    para.iter()
        .map(|s| {
            let mut out: Vec<String> = Vec::with_capacity(s.len());
            for w in s {
                let roll = rng.below(100);
                if roll < 7 && out.len() > 1 {
                    continue; // dropped
                }
                if roll < 12 {
                    out.push(lex.words[lex.word(rng)].clone()); // changed
                } else {
                    out.push(w.clone());
                }
            }
            if out.len() > 4 && rng.chance(0.5) {
                let k = 1 + rng.below(out.len() - 2);
                out.swap(k, k + 1);
            }
            if let Some(first) = out.first_mut() {
                if rng.chance(0.3) {
                    *first = format!("“{first}");
                }
            }
            out
        })
        .collect()
}

/// Rewrites a story sentence by sentence.
fn rewrite(
    rng: &mut Rng,
    lex: &Lexicon,
    paragraphs: &[Vec<Vec<String>>],
    cast: &[usize],
) -> Vec<Vec<Vec<String>>> {
    let index = &lex.index;
    paragraphs
        .iter()
        .map(|p| {
            let mut out = Vec::new();
            for s in p {
                let mut n: Vec<String> = Vec::with_capacity(s.len());
                for (i, w) in s.iter().enumerate() {
                    let lower = w.to_lowercase();
                    if let Some(&k) = index.get(lower.as_str()) {
                        // Content word: mostly a synonym, sometimes dropped.
                        let roll = rng.below(100);
                        if roll < 55 {
                            n.push(lex.words[lex.synonym(k)].clone());
                        } else if roll < 70 {
                        } else {
                            n.push(lower);
                        }
                    } else if FUNCTION.contains(&lower.as_str()) {
                        if rng.chance(0.6) {
                            n.push(FUNCTION[rng.below(FUNCTION.len())].to_string());
                        }
                    } else if i > 0
                        && w.chars().next().is_some_and(char::is_uppercase)
                        && !w.chars().any(char::is_numeric)
                        && !MONTHS.contains(&w.as_str())
                        && rng.chance(0.2)
                    {
                        // Transliterate a name: change one vowel.
                        n.push(w.replacen('a', "e", 1));
                    } else {
                        n.push(w.clone());
                    }
                }
                if n.len() > 3 {
                    out.push(n);
                }
                if rng.chance(0.3) {
                    let mut filler = Vec::new();
                    sentence(rng, lex, cast, &mut filler);
                    out.push(filler);
                }
            }
            out
        })
        .collect()
}

/// The random stream of article `i`.
fn stream(seed: u64, i: usize, salt: u64) -> Rng {
    Rng::new(seed ^ (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d) ^ salt)
}

/// The original story of article `i` (its topic and text follow from the seed).
fn original(
    options: &SynthOptions,
    lex: &Lexicon,
    topics: &[Vec<usize>],
    i: usize,
) -> (usize, Vec<Vec<Vec<String>>>) {
    let mut r = stream(options.seed, i, 0);
    let topic = r.below(topics.len());
    (topic, story(&mut r, lex, &topics[topic]))
}

/// Makes the copy of `src` (the origin's story) at `tier`, using article `i`'s stream.
fn copy_of(
    options: &SynthOptions,
    lex: &Lexicon,
    topics: &[Vec<usize>],
    i: usize,
    tier: Tier,
    (topic, src): (usize, Vec<Vec<Vec<String>>>),
) -> Vec<Vec<Vec<String>>> {
    let mut r = stream(options.seed, i, 0x77);
    let own = &topics[r.below(topics.len())];
    let lift = |r: &mut Rng, s: &mut Vec<Vec<Vec<String>>>, edited: bool| {
        let take = 1 + r.below(3);
        let from = r.below(src.len().saturating_sub(take).max(1));
        let at = r.below(s.len());
        for (k, p) in src.iter().skip(from).take(take).enumerate() {
            let p = if edited { edit(r, lex, p) } else { p.clone() };
            s.insert(at + k, p);
        }
    };
    match tier {
        Tier::Verbatim if r.chance(0.5) => {
            // Wire copy republished under a new intro.
            let mut s = story(&mut r, lex, &topics[topic]);
            s.truncate(1);
            s.extend(src.iter().cloned());
            s
        }
        Tier::Verbatim => {
            let mut s = story(&mut r, lex, own);
            lift(&mut r, &mut s, false);
            s
        }
        Tier::NearVerbatim => {
            let mut s = story(&mut r, lex, own);
            lift(&mut r, &mut s, true);
            s
        }
        Tier::Paraphrase => rewrite(&mut r, lex, &src, &topics[topic]),
    }
}

/// Generates the corpus (in parallel; the result depends only on the options).
pub fn generate(options: &SynthOptions) -> Corpus {
    use rayon::prelude::*;
    let mut rng = Rng::new(options.seed);
    let lex = Lexicon::new(&mut rng, options.vocabulary, 20_000);
    let n = options.articles;
    let topics: Vec<Vec<usize>> = (0..options.topics.max(1))
        .map(|_| (0..12).map(|_| rng.below(lex.names.len())).collect())
        .collect();
    // The plan: which articles copy which, and every article's day.
    let mut plan: Vec<Option<(usize, Tier)>> = vec![None; n];
    let mut used = vec![false; n];
    let mut days: Vec<i32> = Vec::with_capacity(n);
    for i in 0..n {
        let roll = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let mut acc = 0.0;
        let mut tier = None;
        for (share, t) in [
            (options.verbatim, Tier::Verbatim),
            (options.near_verbatim, Tier::NearVerbatim),
            (options.paraphrase, Tier::Paraphrase),
        ] {
            acc += share;
            if roll < acc {
                tier = Some(t);
                break;
            }
        }
        let origin = if i > 10 { Some(rng.below(i)) } else { None };
        match (tier, origin) {
            (Some(t), Some(o)) if !used[o] && plan[o].is_none() => {
                used[o] = true;
                used[i] = true;
                plan[i] = Some((o, t));
                days.push(days[o] + 1 + i32::try_from(rng.below(30)).unwrap_or(0));
            }
            _ => days.push(i32::try_from(rng.below(3000)).unwrap_or(0)),
        }
    }
    let base = jiff::civil::date(2018, 1, 1);
    let articles: Vec<Article> = (0..n)
        .into_par_iter()
        .map(|i| {
            let body = match plan[i] {
                Some((o, t)) => copy_of(
                    options,
                    &lex,
                    &topics,
                    i,
                    t,
                    original(options, &lex, &topics, o),
                ),
                None => original(options, &lex, &topics, i).1,
            };
            let mut a = Article::new(format!("a{i:07}"), format!("synthetic/{i}"), render(&body));
            if let Ok(d) = base.checked_add(jiff::Span::new().days(i64::from(days[i]))) {
                a.meta.date = Some(Field::given(d, "synthetic"));
            }
            a
        })
        .collect();
    let mut truth: Vec<Truth> = plan
        .iter()
        .enumerate()
        .filter_map(|(c, p)| {
            p.map(|(o, tier)| Truth {
                origin: format!("a{o:07}"),
                copy: format!("a{c:07}"),
                tier,
            })
        })
        .collect();
    let mut corpus = Corpus {
        articles,
        truth: Vec::new(),
        fanout_source: None,
        fanout_derivatives: Vec::new(),
        quote_pairs: Vec::new(),
    };
    plant_quotes(options, &lex, &plan, &used, &mut corpus);
    fan_out(options, &lex, &topics, base, &mut corpus, &mut truth);
    corpus.truth = truth;
    corpus
}

/// Plants one quotation paragraph in each of `options.planted_quotes` pairs
/// of untouched original articles.
fn plant_quotes(
    options: &SynthOptions,
    lex: &Lexicon,
    plan: &[Option<(usize, Tier)>],
    used: &[bool],
    corpus: &mut Corpus,
) {
    let free: Vec<usize> = (0..plan.len()).filter(|&i| !used[i]).collect();
    let mut r = stream(options.seed, 0, 0x9407);
    for q in 0..options.planted_quotes {
        let (Some(&x), Some(&y)) = (free.get(2 * q), free.get(2 * q + 1)) else {
            break;
        };
        let mut words = Vec::new();
        while words.len() < 35 {
            sentence(&mut r, lex, &[0, 1, 2, 3], &mut words);
        }
        let speaker = &lex.names[r.below(lex.names.len())];
        let quote = join_sentence(&words);
        let quote = quote.trim_end_matches('.');
        for (k, i) in [x, y].into_iter().enumerate() {
            let a = &mut corpus.articles[i];
            let said = if k == 0 { "said" } else { "told reporters" };
            let text = format!(
                "{}\n“{quote},” {speaker} {said}.\n",
                a.text.as_str().trim_end()
            );
            a.text = crate::text::Text::new(text);
        }
        corpus
            .quote_pairs
            .push((corpus.articles[x].id.clone(), corpus.articles[y].id.clone()));
    }
}

/// Days at least between a fan-out derivative and its parent. The synthetic
/// articles carry no outlets, credits or attributions, so their dates are
/// the only direction evidence; a one-day gap between articles not known to
/// be of one outlet is too close to decide alone (see
/// `super::direction`), and the fan-out benchmark measures which edges the
/// explanation pass keeps and which siblings it recognises, given directions.
const MIN_FANOUT_GAP_DAYS: i64 = 2;

/// Appends a source story and `options.fanout` derivatives of it.
fn fan_out(
    options: &SynthOptions,
    lex: &Lexicon,
    topics: &[Vec<usize>],
    base: jiff::civil::Date,
    corpus: &mut Corpus,
    truth: &mut Vec<Truth>,
) {
    if options.fanout == 0 {
        return;
    }
    let mut r = stream(options.seed, usize::MAX, 0xfa17);
    let topic = r.below(topics.len());
    let src = story(&mut r, lex, &topics[topic]);
    let day0 = 3100i64;
    let date = |d: i64| base.checked_add(jiff::Span::new().days(d)).ok();
    let mut add = |id: String, body: &[Vec<Vec<String>>], day: i64| {
        let mut a = Article::new(id.clone(), format!("synthetic/{id}"), render(body));
        if let Some(d) = date(day) {
            a.meta.date = Some(Field::given(d, "synthetic"));
        }
        corpus.articles.push(a);
    };
    add("fsrc".to_string(), &src, day0);
    corpus.fanout_source = Some("fsrc".to_string());
    // (body, day) of each derivative, for copies of copies.
    let mut made: Vec<(Vec<Vec<Vec<String>>>, i64)> = Vec::new();
    for j in 0..options.fanout {
        let own = r.below(topics.len());
        let mut intro = story(&mut r, lex, &topics[own]);
        intro.truncate(1);
        let (parent, from, day) = if !made.is_empty() && r.chance(0.2) {
            let k = r.below(made.len());
            (
                format!("f{k:04}"),
                made[k].0.clone(),
                made[k].1 + MIN_FANOUT_GAP_DAYS + i64::try_from(r.below(5)).unwrap_or(0),
            )
        } else {
            (
                "fsrc".to_string(),
                src.clone(),
                day0 + MIN_FANOUT_GAP_DAYS + i64::try_from(r.below(10)).unwrap_or(0),
            )
        };
        let mut body = intro;
        body.extend(from);
        let id = format!("f{j:04}");
        add(id.clone(), &body, day);
        truth.push(Truth {
            origin: parent,
            copy: id.clone(),
            tier: Tier::Verbatim,
        });
        corpus.fanout_derivatives.push(id);
        made.push((body, day));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_injects_every_tier() {
        let o = SynthOptions {
            articles: 300,
            verbatim: 0.05,
            near_verbatim: 0.05,
            paraphrase: 0.05,
            ..SynthOptions::default()
        };
        let a = generate(&o);
        let b = generate(&o);
        assert_eq!(a.truth, b.truth);
        assert_eq!(a.articles[7].text.as_str(), b.articles[7].text.as_str());
        for t in [Tier::Verbatim, Tier::NearVerbatim, Tier::Paraphrase] {
            assert!(a.truth.iter().any(|x| x.tier == t), "{t:?}");
        }
    }

    #[test]
    fn fan_out_and_planted_quotes() {
        let options = SynthOptions {
            articles: 100,
            fanout: 20,
            planted_quotes: 3,
            ..SynthOptions::default()
        };
        let c = generate(&options);
        assert_eq!(c.articles.len(), 121);
        assert_eq!(c.fanout_derivatives.len(), 20);
        assert_eq!(c.quote_pairs.len(), 3);
        let (x, y) = &c.quote_pairs[0];
        let last = |id: &str| {
            let a = c.articles.iter().find(|a| a.id == *id).expect("article");
            a.text
                .as_str()
                .lines()
                .last()
                .unwrap_or("")
                .split('”')
                .next()
                .unwrap_or("")
                .to_string()
        };
        assert_eq!(last(x), last(y));
        assert!(last(x).starts_with('“'));
    }
}
