//! Attribution benchmark: `attribution::extract` over ≥ 100 MB of news text.
//!
//! Builds an in-memory corpus from the bundled seed articles: each article is
//! a seed's paragraphs in a pseudo-random order (a fixed-seed generator, so
//! runs are comparable) with a numbered first line, about 5 KB each. Articles
//! are built (`Article::new`, character index) before the clock starts;
//! then it times attribution extraction and source resolution
//! 1. article by article on the current thread (one core), at 25%, 50% and
//!    100% of the corpus to show the time is linear in the input;
//! 2. with `extract_corpus` (rayon over articles, plus the corpus registry).
//!
//! ```sh
//! cargo run --release --example bench_attributions           # 128 MB
//! cargo run --release --example bench_attributions -- 256    # MB to generate
//! ```

use std::path::Path;
use std::time::Instant;

use citetrace::article::Article;
use citetrace::attribution;

fn seeds() -> Vec<Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/memri-hamas-pakistan");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("seed directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            std::fs::read_to_string(p)
                .expect("seed text")
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect()
        })
        .collect()
}

fn corpus(megabytes: usize) -> Vec<Article> {
    let seeds = seeds();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out = Vec::new();
    let mut bytes = 0;
    while bytes < megabytes * 1_000_000 {
        let i = out.len();
        let seed = &seeds[i % seeds.len()];
        let mut paras = seed.clone();
        for k in (1..paras.len()).rev() {
            let j = (next() % (k as u64 + 1)) as usize;
            paras.swap(k, j);
        }
        let text = format!("Story {i}\n\n{}", paras.join("\n\n"));
        bytes += text.len();
        out.push(Article::new(format!("a{i}"), "bench.txt", text));
    }
    out
}

fn size(articles: &[Article]) -> usize {
    articles.iter().map(|a| a.text.as_str().len()).sum()
}

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(128);
    let articles = corpus(mb);
    let total = size(&articles);
    println!(
        "corpus: {} articles, {:.1} MB",
        articles.len(),
        total as f64 / 1e6
    );
    for share in [4, 2, 1] {
        let part = &articles[..articles.len() / share];
        let bytes = size(part);
        let start = Instant::now();
        let mut found = 0;
        for a in part {
            found += attribution::extract(a).len();
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "one core: {:>6.1} MB in {:>6.2} s = {:>6.1} MB/s ({found} attributions)",
            bytes as f64 / 1e6,
            secs,
            bytes as f64 / 1e6 / secs
        );
    }
    let start = Instant::now();
    let (found, registry) = attribution::extract_corpus(&articles);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "rayon ({} threads): {:.1} MB in {:.2} s = {:.1} MB/s ({} attributions, {} entities)",
        rayon::current_num_threads(),
        total as f64 / 1e6,
        secs,
        total as f64 / 1e6 / secs,
        found.iter().map(Vec::len).sum::<usize>(),
        registry.entities().len()
    );
}
