//! Writes a synthetic corpus with known copies (see `citetrace::reuse::synth`).
//!
//! ```sh
//! cargo run --release --example gen_corpus -- 10000 /tmp/corpus   # corpus.jsonl + truth.csv
//! cargo run --release --example gen_corpus -- 10000 /tmp/corpus 42 200 100   # + fan-out, planted quotes
//! ```
//!
//! The optional fourth and fifth arguments add one source story with that
//! many derivatives and that many pairs of unrelated articles sharing a
//! planted quotation (`quote_pairs.csv`).
//!
//! `corpus.jsonl` holds one article per line (`id`, `date`, `text`), readable by
//! every citetrace command; `truth.csv` lists `origin,copy,tier` of the injected copies.

use std::io::Write;

use citetrace::reuse::synth::{SynthOptions, generate};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let articles: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "synthetic-corpus".into()));
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(42);
    let fanout: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let planted_quotes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    std::fs::create_dir_all(&dir)?;
    let corpus = generate(&SynthOptions {
        articles,
        seed,
        fanout,
        planted_quotes,
        ..SynthOptions::default()
    });
    let mut quotes = std::io::BufWriter::new(std::fs::File::create(dir.join("quote_pairs.csv"))?);
    writeln!(quotes, "a,b")?;
    for (a, b) in &corpus.quote_pairs {
        writeln!(quotes, "{a},{b}")?;
    }
    quotes.flush()?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(dir.join("corpus.jsonl"))?);
    for a in &corpus.articles {
        let record = serde_json::json!({
            "id": a.id,
            "date": a.date().map(|d| d.to_string()),
            "text": a.text.as_str(),
        });
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    let mut truth = std::io::BufWriter::new(std::fs::File::create(dir.join("truth.csv"))?);
    writeln!(truth, "origin,copy,tier")?;
    for t in &corpus.truth {
        writeln!(truth, "{},{},{:?}", t.origin, t.copy, t.tier)?;
    }
    truth.flush()?;
    eprintln!(
        "{} articles, {} injected copies -> {}",
        corpus.articles.len(),
        corpus.truth.len(),
        dir.display()
    );
    Ok(())
}
