//! The detection pipeline: fingerprint, select candidates, align, direct, explain.

use std::collections::BTreeMap;
use std::io::IsTerminal;

use rayon::prelude::*;

use super::align::{self, Aligned, VERBATIM_SIMILARITY};
use super::direction::{self, Shared};
use super::explain::{self, Edge, Fate};
use super::index::{self, Fingerprints};
use super::paraphrase;
use super::tokens::Profile;
use super::{CopyPair, Options, Passage, Tier};
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

/// A pair found before direction is weighed: article indices `a < b`.
#[derive(Debug, Clone)]
struct Found {
    a: usize,
    b: usize,
    tier: Tier,
    score: f64,
    /// (range in a, range in b, similarity)
    passages: Vec<(Range, Range, f64)>,
    evidence: Vec<String>,
    a_is_origin: Option<bool>,
}

/// Which signals proposed a pair.
#[derive(Debug, Clone, Copy, Default)]
struct Signals {
    text: bool,
    anchors: bool,
}

fn copied(
    a: &Article,
    b: &Article,
    pa: &Profile,
    pb: &Profile,
    aligned: &[Aligned],
) -> (Tier, f64, Shared, String) {
    let (mut verbatim, mut near) = (0usize, 0usize);
    let mut weighted = 0.0;
    let mut shared = Shared {
        story_words: (pa.toks.len(), pb.toks.len()),
        ..Shared::default()
    };
    for p in aligned {
        let (la, lb) = (p.a_toks.1 - p.a_toks.0, p.b_toks.1 - p.b_toks.0);
        let lcs = (p.similarity * (la + lb) as f64 / 2.0).round() as usize;
        shared.words.0 += la;
        shared.words.1 += lb;
        shared.edits.0 += la.saturating_sub(lcs);
        shared.edits.1 += lb.saturating_sub(lcs);
        shared.passages.push((p.a, p.b));
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
            .filter(|p| p.similarity >= VERBATIM_SIMILARITY)
            .count(),
        aligned
            .iter()
            .filter(|p| p.similarity < VERBATIM_SIMILARITY)
            .count(),
    );
    (tier, score, shared, summary)
}

/// Compares one candidate pair.
fn compare(
    articles: &[Article],
    attributions: &[Vec<Attribution>],
    (ai, bi): (usize, usize),
    signals: Signals,
    options: &Options,
) -> Option<Found> {
    let (a, b) = (&articles[ai], &articles[bi]);
    let no_attributions: Vec<Attribution> = Vec::new();
    let att_a = attributions.get(ai).unwrap_or(&no_attributions);
    let att_b = attributions.get(bi).unwrap_or(&no_attributions);
    if signals.text {
        let pa = Profile::new(a);
        let pb = Profile::new(b);
        let aligned = align::align(&pa, &pb, &options.align);
        if !aligned.is_empty() {
            let (tier, score, shared, summary) = copied(a, b, &pa, &pb, &aligned);
            let verdict = direction::decide(a, b, att_a, att_b, &shared);
            let mut evidence = vec![summary];
            evidence.extend(verdict.evidence);
            return Some(Found {
                a: ai,
                b: bi,
                tier,
                score,
                passages: aligned.iter().map(|p| (p.a, p.b, p.similarity)).collect(),
                evidence,
                a_is_origin: verdict.a_is_origin,
            });
        }
    }
    // No copied passage: is it a rewrite? Only names and numbers in order say it may be.
    if !signals.anchors {
        return None;
    }
    let opts = &options.paraphrase;
    let sa = paraphrase::sentences(a, opts.max_sentences);
    let sb = paraphrase::sentences(b, opts.max_sentences);
    let pairs = paraphrase::align(&sa, &sb, opts);
    if !paraphrase::is_rewrite(&pairs, &sa, &sb, opts) {
        return None;
    }
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
        "rewrite: {} sentences aligned in order ({} of {} in {}, of {} in {}; mean similarity {:.2} on content words, names, dates and numbers)",
        pairs.len(),
        pairs.len(),
        sa.len(),
        a.id,
        sb.len(),
        b.id,
        mean
    )];
    evidence.extend(verdict.evidence);
    Some(Found {
        a: ai,
        b: bi,
        tier: Tier::Paraphrase,
        score: paraphrase::score(&pairs, &sa, &sb),
        passages: pairs
            .iter()
            .map(|p| (sa[p.a].range, sb[p.b].range, p.similarity))
            .collect(),
        evidence,
        a_is_origin: verdict.a_is_origin,
    })
}

/// Finds every pair of `articles` that share text. `attributions[i]` belongs to
/// `articles[i]` (it may be empty or shorter than `articles`) and serves as
/// evidence of direction. Output is sorted by origin id, then copy id.
pub fn detect(
    articles: &[Article],
    attributions: &[Vec<Attribution>],
    options: &Options,
) -> Vec<CopyPair> {
    let n = articles.len();
    let progress = bar(options.progress, n, "fingerprinting");
    let fingerprints: Vec<Fingerprints> = articles
        .par_iter()
        .map(|a| {
            let f = Fingerprints::new(&Profile::new(a), &options.index);
            progress.inc(1);
            f
        })
        .collect();
    progress.finish_and_clear();
    let io = &options.index;
    let mut signals: BTreeMap<(usize, usize), Signals> = BTreeMap::new();
    for c in index::candidates(
        n,
        |d| fingerprints[d].text.clone(),
        io.max_df,
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
        io.max_df,
        io.min_shared_anchors,
    ) {
        signals
            .entry((c.a as usize, c.b as usize))
            .or_default()
            .anchors = true;
    }
    drop(fingerprints);
    let candidates: Vec<((usize, usize), Signals)> = signals.into_iter().collect();

    let progress = bar(options.progress, candidates.len(), "comparing");
    let found: Vec<Found> = candidates
        .par_iter()
        .filter_map(|&(pair, s)| {
            let f = compare(articles, attributions, pair, s, options);
            progress.inc(1);
            f
        })
        .collect();
    progress.finish_and_clear();

    let edges: Vec<Edge> = found
        .iter()
        .map(|f| Edge {
            a: f.a,
            b: f.b,
            passages: f.passages.iter().map(|p| (p.0, p.1)).collect(),
            score: f.score,
            a_is_origin: f.a_is_origin,
        })
        .collect();
    let fates = explain::explain(&edges);
    let mut out: Vec<CopyPair> = found
        .into_iter()
        .zip(fates)
        .filter_map(|(f, fate)| finish(articles, f, &fate))
        .filter(|p| p.score >= options.min_score)
        .collect();
    out.sort_by(|x, y| x.origin.cmp(&y.origin).then(x.copy.cmp(&y.copy)));
    out
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
        let pairs = detect(&articles, &[], &Options::default());
        assert_eq!(pairs.len(), 5, "{pairs:#?}");
        let sept = pair(&pairs, "001", "000").expect("001-000");
        assert!(sept.directed && sept.origin.starts_with("001"), "{sept:#?}");
        let memri = pair(&pairs, "004", "000").expect("004-000");
        assert!(memri.directed && memri.origin.starts_with("004"));
        assert!(
            memri.evidence.iter().any(|e| e.contains("MEMRI")),
            "{memri:#?}"
        );
        // Dated 22 and 27 January, but both took the text from 004.
        let sib = pair(&pairs, "000", "002").expect("000-002");
        assert!(!sib.directed);
        let rewrite = pair(&pairs, "000", "003").expect("000-003");
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
