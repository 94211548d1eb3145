//! Reading benchmark: plain text → decoded `String` → `Text` → metadata inference, on one core.
//!
//! Builds an in-memory corpus from the bundled seed articles (each copy made
//! distinct by a numbered first line), then times `read::decode`,
//! `Article::new` (character index) and `read::infer::infer` article by
//! article on the current thread — no rayon, no disk. A second measurement
//! reads one large file of the same text, to show inference stays linear.
//!
//! ```sh
//! cargo run --release --example bench_read            # ~256 MB of articles
//! cargo run --release --example bench_read -- 64      # MB to generate
//! cargo run --release --example bench_read -- html ../shared/corpora/readability-test-pages
//! ```
//!
//! `html DIR` instead times the HTML reader (decode, markup pre-scan, parse,
//! body extraction, metadata, inference) on every `.html` file under DIR
//! (but the `expected.html` answers of a Readability test-page folder)
//! (default: `tests/data/read`), each page read 3 times, on one core.

use std::path::Path;
use std::time::Instant;

use citetrace::article::Article;
use citetrace::read;

fn seeds() -> Vec<String> {
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
        .map(|p| std::fs::read_to_string(p).expect("seed text"))
        .collect()
}

/// Reads, indexes and infers every document; returns the number of credits found (to keep the work observable).
fn run(docs: &[Vec<u8>]) -> usize {
    let mut found = 0;
    for (i, bytes) in docs.iter().enumerate() {
        let text = read::decode(Path::new("bench.txt"), bytes).expect("valid text");
        let mut article = Article::new(format!("a{i}"), "bench.txt", text);
        read::infer::infer(&mut article);
        found += article.meta.credits.len() + article.boilerplate.len();
    }
    found
}

/// CPU seconds this thread has used (user + system), from `/proc/thread-self/stat`;
/// `None` where that is not available. On a shared machine wall time
/// includes waiting for a core; CPU time does not.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    // Linux reports clock ticks; USER_HZ is 100 on every mainstream configuration.
    Some((utime + stime) / 100.0)
}

fn measure(label: &str, docs: &[Vec<u8>]) {
    let bytes: usize = docs.iter().map(Vec::len).sum();
    let mb = bytes as f64 / 1e6;
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    let mut found = 0;
    for _ in 0..3 {
        let cpu_start = thread_cpu_seconds();
        let start = Instant::now();
        found = run(docs);
        wall.push(mb / start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_start, thread_cpu_seconds()) {
            if b > a {
                cpu.push(mb / (b - a));
            }
        }
    }
    wall.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    let cpu_rate = cpu
        .get(cpu.len() / 2)
        .map_or_else(|| "n/a".to_string(), |r| format!("{r:.0} MB/s"));
    println!(
        "{label}: {} docs, {mb:.1} MB: wall median {:.0} MB/s (best {:.0}); per CPU-second median {cpu_rate} \
         (3 runs; {found} marks/credits per run)",
        docs.len(),
        wall[1],
        wall[2],
    );
}

/// Every `.html` file under `dir`, sorted.
fn html_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            html_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "html" || e == "htm")
            && p.file_name().is_some_and(|n| n != "expected.html")
        {
            out.push(p);
        }
    }
}

/// Times the HTML reader on the pages under `dir`.
fn bench_html(dir: &Path) {
    let mut paths = Vec::new();
    html_files(dir, &mut paths);
    let pages: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| std::fs::read(p).expect("page"))
        .collect();
    let mb = pages.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    let mut rates = Vec::new();
    let mut cpu_rates = Vec::new();
    let mut read = 0;
    for _ in 0..3 {
        let cpu_start = thread_cpu_seconds();
        let start = Instant::now();
        read = 0;
        for (i, bytes) in pages.iter().enumerate() {
            let Ok(decoded) = read::decode::decode(Path::new("bench.html"), bytes, true) else {
                continue;
            };
            if let Ok(mut article) =
                read::html::parse(&format!("p{i}"), "bench.html", &decoded.text)
            {
                read::infer::infer(&mut article);
                read += 1;
            }
        }
        rates.push(mb / start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_start, thread_cpu_seconds()) {
            if b > a {
                cpu_rates.push(mb / (b - a));
            }
        }
    }
    rates.sort_by(f64::total_cmp);
    cpu_rates.sort_by(f64::total_cmp);
    let cpu_rate = cpu_rates
        .get(cpu_rates.len() / 2)
        .map_or_else(|| "n/a".to_string(), |r| format!("{r:.1} MB/s"));
    println!(
        "HTML reading on one core: {} pages ({read} with text), {mb:.1} MB: wall median {:.1} MB/s (best {:.1}); per CPU-second median {cpu_rate}",
        pages.len(),
        rates[1],
        rates[2],
    );
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("html") {
        let dir = std::env::args().nth(2).map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/read"),
            std::path::PathBuf::from,
        );
        bench_html(&dir);
        return;
    }
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(256);
    let seeds = seeds();
    let target = mb * 1_000_000;
    let mut docs = Vec::new();
    let mut total = 0;
    let mut n = 0usize;
    while total < target {
        let seed = &seeds[n % seeds.len()];
        let doc = format!("{seed}\n[{n}]\n").into_bytes();
        total += doc.len();
        docs.push(doc);
        n += 1;
    }
    println!(
        "plain-text reading on one core (decode + Text + infer); {} seed texts, {} cores visible",
        seeds.len(),
        std::thread::available_parallelism().map_or(1, usize::from)
    );
    measure("articles", &docs);
    let big: Vec<u8> = docs
        .iter()
        .take_while({
            let mut sum = 0;
            move |d| {
                sum += d.len();
                sum <= 50_000_000
            }
        })
        .flat_map(|d| d.iter().copied().chain(std::iter::once(b'\n')))
        .collect();
    measure("one 50 MB file", &[big]);
}
