//! Benchmarks copy detection on a synthetic corpus with known copies.
//!
//! ```sh
//! cargo run --release --example bench_copies -- 10000            # N articles, seed 42
//! cargo run --release --example bench_copies -- 10000 42 200 100 # + fan-out and planted quotes
//! ```
//!
//! Generates N articles (seeded, see `citetrace::reuse::synth`), runs
//! `reuse::detect`, and reports: corpus size, detection time, peak resident
//! memory of the process (`VmHWM`), recall per injected tier, and false pairs
//! (reported pairs that are not injected copies; set `BENCH_SHOW_FALSE=1` to
//! print them, the directed siblings and the missed fan-out edges on stderr).
//!
//! With a fan-out (third argument: one source story and that many
//! derivatives, one in five copying an earlier derivative) it also reports the
//! share of derivative → parent edges kept, and sibling pairs reported as
//! directed copies although they share nothing their parent lacks. With
//! planted quotes (fourth argument: pairs of unrelated articles quoting one
//! speaker) it reports how many of those pairs became copy claims (should be
//! none) and how many were listed as shared quotations.

use std::collections::HashMap;
use std::time::Instant;

use citetrace::reuse::synth::{SynthOptions, generate};
use citetrace::reuse::{self, Tier};

fn vm_hwm_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let articles: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(42);
    let fanout: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let planted_quotes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let show_false = std::env::var_os("BENCH_SHOW_FALSE").is_some();
    let t0 = Instant::now();
    let corpus = generate(&SynthOptions {
        articles,
        seed,
        fanout,
        planted_quotes,
        ..SynthOptions::default()
    });
    let bytes: usize = corpus.articles.iter().map(|a| a.text.as_str().len()).sum();
    let generated = t0.elapsed();
    let mem_before = vm_hwm_mb().unwrap_or(0.0);
    let t1 = Instant::now();
    let all = reuse::detect_all(&corpus.articles, &[], &reuse::Options::default());
    let pairs = &all.copies;
    let detect = t1.elapsed();
    let mem_peak = vm_hwm_mb().unwrap_or(0.0);

    let truth: HashMap<(String, String), Tier> = corpus
        .truth
        .iter()
        .map(|t| ((t.origin.clone(), t.copy.clone()), t.tier))
        .collect();
    let key = |a: &str, b: &str| {
        if a <= b {
            (a.to_string(), b.to_string())
        } else {
            (b.to_string(), a.to_string())
        }
    };
    let truth_keys: HashMap<(String, String), (Tier, &str)> = corpus
        .truth
        .iter()
        .map(|t| (key(&t.origin, &t.copy), (t.tier, t.origin.as_str())))
        .collect();
    let mut found: HashMap<Tier, usize> = HashMap::new();
    let mut right_direction = 0usize;
    let mut false_pairs = 0usize;
    let derivatives: std::collections::HashSet<&str> = corpus
        .fanout_derivatives
        .iter()
        .map(String::as_str)
        .collect();
    let mut siblings_undirected = 0usize;
    let mut siblings_directed = 0usize;
    for p in pairs {
        if derivatives.contains(p.origin.as_str())
            && derivatives.contains(p.copy.as_str())
            && !truth_keys.contains_key(&key(&p.origin, &p.copy))
        {
            // Two derivatives neither of which copied the other.
            if p.directed {
                siblings_directed += 1;
                if show_false {
                    eprintln!(
                        "directed sibling: {}",
                        serde_json::to_string(p).unwrap_or_default()
                    );
                }
            } else {
                siblings_undirected += 1;
            }
            continue;
        }
        if let Some((tier, origin)) = truth_keys.get(&key(&p.origin, &p.copy)) {
            *found.entry(*tier).or_default() += 1;
            if p.directed && p.origin == *origin {
                right_direction += 1;
            }
        } else {
            false_pairs += 1;
            if show_false {
                eprintln!(
                    "false pair: {}",
                    serde_json::to_string(p).unwrap_or_default()
                );
            }
        }
    }
    println!(
        "articles {articles}  size {:.0} MB  generate {:.1} s  detect {:.1} s  peak {:.0} MB (after generation {:.0} MB)",
        bytes as f64 / 1e6,
        generated.as_secs_f64(),
        detect.as_secs_f64(),
        mem_peak,
        mem_before
    );
    for tier in [Tier::Verbatim, Tier::NearVerbatim, Tier::Paraphrase] {
        let injected = truth.values().filter(|t| **t == tier).count();
        let hit = found.get(&tier).copied().unwrap_or(0);
        println!(
            "  {tier:?}: {hit}/{injected} found ({:.1}%)",
            100.0 * hit as f64 / injected.max(1) as f64
        );
    }
    println!(
        "  reported {} pairs; {} false ({:.2}%); {} of the true ones directed correctly",
        pairs.len(),
        false_pairs,
        100.0 * false_pairs as f64 / pairs.len().max(1) as f64,
        right_direction
    );
    if fanout > 0 {
        let edges: Vec<&citetrace::reuse::synth::Truth> = corpus
            .truth
            .iter()
            .filter(|t| derivatives.contains(t.copy.as_str()))
            .collect();
        let is_kept = |t: &&&citetrace::reuse::synth::Truth| {
            pairs
                .iter()
                .any(|p| p.directed && p.origin == t.origin && p.copy == t.copy)
        };
        let kept = edges.iter().filter(is_kept).count();
        if show_false {
            for t in edges.iter().filter(|t| !is_kept(t)) {
                let reported: Vec<String> = pairs
                    .iter()
                    .chain(&all.house)
                    .filter(|p| key(&p.origin, &p.copy) == key(&t.origin, &t.copy))
                    .map(|p| serde_json::to_string(p).unwrap_or_default())
                    .collect();
                eprintln!(
                    "missed edge {} -> {}: reported as {}",
                    t.origin,
                    t.copy,
                    if reported.is_empty() {
                        "nothing (dropped or not found)".to_string()
                    } else {
                        reported.join(" | ")
                    }
                );
            }
        }
        println!(
            "  fan-out: {kept}/{} derivative -> parent edges kept, directed ({:.1}%); sibling pairs: {siblings_undirected} undirected (common source), {siblings_directed} directed without sibling-only text",
            edges.len(),
            100.0 * kept as f64 / edges.len().max(1) as f64
        );
    }
    if planted_quotes > 0 {
        let planted: std::collections::HashSet<(String, String)> =
            corpus.quote_pairs.iter().map(|(a, b)| key(a, b)).collect();
        let as_copies = pairs
            .iter()
            .filter(|p| planted.contains(&key(&p.origin, &p.copy)))
            .count();
        let as_quotes = all
            .shared_quotes
            .iter()
            .filter(|q| planted.contains(&key(&q.a, &q.b)))
            .count();
        println!(
            "  planted quotes: {} pairs; {as_copies} reported as copies, {as_quotes} listed as shared quotations",
            planted.len()
        );
    }
}
