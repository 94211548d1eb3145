//! Benchmark of the desk: `report` on 1,000 articles and `origin` queries on
//! 100,000 articles.
//!
//! Run with `cargo run --release --example bench_desk [REPORT_N] [ORIGIN_N]`
//! (defaults 1000 and 100000). The corpus is synthetic and deterministic:
//! the five seed articles' sentences are mixed into generated news-like text
//! (a Zipf-distributed vocabulary of 30,000 words), so copy detection and
//! the claim index see realistic overlap. Figures go to `docs/benchmarks.md`.

use std::path::Path;
use std::time::Instant;

use citetrace::analysis::Analysis;
use citetrace::article::{Article, Field};
use citetrace::desk::origin::ClaimIndex;
use citetrace::desk::report::Report;
use citetrace::export::report::{html, svg};
use citetrace::read::{self, Corpus};
use citetrace::reuse;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Zipf-like: small indices much more often.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0) as usize
    }
}

fn word(i: usize) -> String {
    const SYL: [&str; 16] = [
        "ka", "ri", "to", "men", "sa", "lo", "pre", "dan", "vi", "tor", "el", "un", "pa", "gis",
        "ar", "no",
    ];
    let mut w = String::new();
    let mut x = i + 1;
    while x > 0 {
        w.push_str(SYL[x % 16]);
        x /= 16;
    }
    w
}

fn seed_sentences() -> Vec<String> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/memri-hamas-pakistan");
    let corpus = read::read_inputs(&[seeds], &read::Options::default()).expect("seeds");
    corpus
        .articles
        .iter()
        .flat_map(|a| {
            citetrace::text::segment::sentences(&a.text)
                .into_iter()
                .map(|r| a.text.slice(r).to_string())
                .collect::<Vec<_>>()
        })
        .filter(|s| s.split_whitespace().count() >= 8)
        .collect()
}

fn synthetic(n: usize, seeds: &[String], rng: &mut Rng) -> Vec<Article> {
    (0..n)
        .map(|i| {
            let mut text = String::new();
            for s in 0..20 {
                if s > 0 {
                    text.push_str(if s % 4 == 0 { "\n\n" } else { " " });
                }
                if rng.below(25) == 0 {
                    text.push_str(&seeds[rng.below(seeds.len())]);
                    continue;
                }
                let len = 12 + rng.below(18);
                let mut sentence: Vec<String> = (0..len).map(|_| word(rng.zipf(30_000))).collect();
                if let Some(first) = sentence.first_mut() {
                    let mut c = first.chars();
                    *first = c
                        .next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or_default();
                }
                text.push_str(&sentence.join(" "));
                text.push('.');
            }
            let mut a = Article::new(format!("syn{i:06}"), format!("syn{i:06}.txt"), text);
            let day = 1 + rng.below(28);
            let month = 1 + rng.below(12);
            a.meta.date = Some(Field::given(
                jiff::civil::date(2025, month as i8, day as i8),
                "bench",
            ));
            a.meta.outlet = Some(Field::given(format!("Outlet {}", rng.below(40)), "bench"));
            a
        })
        .collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let report_n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let origin_n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let seeds = seed_sentences();
    let mut rng = Rng(0x5EED_CAFE);

    // report on report_n articles.
    let articles = synthetic(report_n, &seeds, &mut rng);
    let words: usize = articles.iter().map(Article::word_count).sum();
    let t = Instant::now();
    let analysis = Analysis::run(
        Corpus {
            articles,
            ..Corpus::default()
        },
        &reuse::Options::default(),
    );
    let t_analysis = t.elapsed();
    let t = Instant::now();
    let graph = citetrace::graph::ProvenanceGraph::build(&analysis);
    let findings = citetrace::graph::analysis::run(&graph, usize::MAX);
    let rep = Report::build(&analysis, &graph, &findings, "bench");
    let t_build = t.elapsed();
    let t = Instant::now();
    let mut html = Vec::new();
    html::write(
        &rep,
        &analysis.corpus.articles,
        svg::Layout::Auto,
        &mut html,
    )
    .expect("write");
    let t_write = t.elapsed();
    println!(
        "report: {report_n} articles ({words} words): analysis (attributions + copies) {:.2} s, \
         report build (quotes, flags, graph) {:.2} s, render + HTML {:.2} s; \
         {} copy pairs, {} quotes, {} flags, {:.1} MB HTML",
        t_analysis.as_secs_f64(),
        t_build.as_secs_f64(),
        t_write.as_secs_f64(),
        rep.copies.len(),
        rep.quotes.len(),
        rep.flags.len(),
        html.len() as f64 / 1e6
    );
    drop(analysis);

    // origin on origin_n articles.
    let articles = synthetic(origin_n, &seeds, &mut rng);
    let t = Instant::now();
    let index = ClaimIndex::build(&articles);
    let t_index = t.elapsed();
    let queries = [
        "Pakistan is becoming the next fertile ground for Hamas to reorganise",
        "This conduct undermines Western efforts to diplomatically isolate Hamas",
        "Hamas representative spoke at a conference in Mirpur comparing Gaza and Kashmir",
        "Zaheer shared a stage with a Lashkar commander in Gujranwala",
        "Board of Peace established to promote stability in Gaza",
        "Trump invited Sharif to join",
        "kari toka menri sato danlo",
    ];
    let mut times = Vec::new();
    for q in queries {
        let t = Instant::now();
        let hits = index.search(q, 20);
        let e = t.elapsed();
        times.push(e.as_secs_f64());
        println!(
            "origin: {:>7.1} ms  {:>3} hits  {q}",
            e.as_secs_f64() * 1e3,
            hits.len()
        );
    }
    times.sort_by(f64::total_cmp);
    println!(
        "origin: {origin_n} articles, {} sentences indexed in {:.2} s; query median {:.1} ms, max {:.1} ms",
        index.len(),
        t_index.as_secs_f64(),
        times[times.len() / 2] * 1e3,
        times[times.len() - 1] * 1e3
    );
}
