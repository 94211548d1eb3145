//! Benchmark: build and analyse a provenance graph of a synthetic corpus the
//! size of a large newsroom archive (default 100,000 articles, ~1M edges).
//!
//! ```sh
//! cargo run --release --example bench_graph -- [ARTICLES]
//! ```
//!
//! The corpus is generated deterministically (seeded xorshift): articles in
//! 500 outlets, grouped into stories of 2–24 articles; each attribution
//! points at a real span of its article and names a report, organisation,
//! outlet or person drawn from skewed pools (a few sources are cited
//! everywhere, most rarely), about one in ten is vague; later articles of a
//! story copy 1–4 earlier ones; some report publishers employ the authors of
//! story leads, so `resolves-to` has real work. Prints the time of each step,
//! the graph's size and the peak resident memory.

use std::time::Instant;

use citetrace::analysis::Analysis;
use citetrace::article::{Article, Field};
use citetrace::attribution::{Attribution, QuoteKind};
use citetrace::entities::{EntityKind, EntityRef, Registry};
use citetrace::graph::{ProvenanceGraph, analysis};
use citetrace::read::Corpus;
use citetrace::reuse::{CopyPair, Passage, Tier};
use citetrace::span::Range;

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
        (self.next() % n.max(1) as u64) as usize
    }
    /// Skewed towards 0: the minimum of two draws, squared-ish.
    fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        let b = self.below(n);
        (a.min(b) * a.min(b).max(1) / n.max(1)).min(n - 1)
    }
}

const WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "report",
    "officials",
    "on",
    "Tuesday",
    "minister",
    "according",
    "to",
    "government",
    "security",
    "forces",
    "agency",
    "statement",
    "week",
    "city",
    "police",
    "added",
    "that",
    "would",
    "new",
    "plan",
    "election",
    "vote",
    "court",
    "ruling",
    "budget",
];

fn text(rng: &mut Rng, words: usize) -> String {
    let mut s = String::with_capacity(words * 7);
    for i in 0..words {
        if i > 0 {
            s.push(if i % 17 == 0 { '.' } else { ' ' });
            if i % 17 == 0 {
                s.push(' ');
            }
        }
        s.push_str(WORDS[rng.below(WORDS.len())]);
    }
    s.push('.');
    s
}

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let t0 = Instant::now();

    let outlets = 500;
    let reports = (n / 5).max(1);
    let orgs = (n / 20).max(1);
    let people = (n / 5).max(1);
    let mut articles = Vec::with_capacity(n);
    let mut attributions = Vec::with_capacity(n);
    let mut copies = Vec::new();
    let mut story_start = 0;
    let mut story_len = 2 + rng.below(23);
    for i in 0..n {
        if i - story_start >= story_len {
            story_start = i;
            story_len = 2 + rng.below(23);
        }
        let id = format!("a{i:07}");
        let mut article = Article::new(id.clone(), format!("{id}.txt"), text(&mut rng, 60));
        let outlet = rng.skewed(outlets);
        article.meta.outlet = Some(Field::given(format!("Outlet {outlet}"), "bench"));
        let day = i64::try_from(i / 300).unwrap_or(0);
        article.meta.date = Some(Field::given(
            jiff::civil::date(2020, 1, 1)
                .checked_add(jiff::Span::new().days(day))
                .unwrap_or(jiff::civil::date(2020, 1, 1)),
            "bench",
        ));
        // Story leads are sometimes written by a report publisher's fellow.
        let publisher = rng.skewed(reports);
        if i == story_start && rng.below(3) == 0 {
            article.meta.author = Some(Field::given(format!("Fellow {}", i % people), "bench"));
            article.meta.affiliation = Some(Field::given(format!("pub{publisher}"), "bench"));
        }
        let len = article.text.char_len();
        let mut atts = Vec::new();
        for k in 0..6 {
            let at = rng.below(len.saturating_sub(20)).min(len);
            let cue = article.span(Range::new(at, (at + 4).min(len)));
            let content = vec![article.span(Range::new((at + 5).min(len), (at + 20).min(len)))];
            let (entity, vague) = match rng.below(10) {
                0 => (None, true),
                1..=4 => {
                    let r = if k == 0 {
                        publisher
                    } else {
                        rng.skewed(reports)
                    };
                    (
                        Some(EntityRef {
                            id: format!("report:pub{r}"),
                            name: format!("pub{r} report"),
                            kind: EntityKind::Report,
                        }),
                        false,
                    )
                }
                5 | 6 => {
                    let o = rng.skewed(orgs);
                    (
                        Some(EntityRef {
                            id: format!("org:o{o}"),
                            name: format!("Org {o}"),
                            kind: EntityKind::Organization,
                        }),
                        false,
                    )
                }
                7 => {
                    let o = rng.skewed(outlets);
                    (
                        Some(EntityRef {
                            id: format!("outlet:outlet-{o}"),
                            name: format!("Outlet {o}"),
                            kind: EntityKind::Outlet,
                        }),
                        false,
                    )
                }
                _ => {
                    let p = rng.skewed(people);
                    (
                        Some(EntityRef {
                            id: format!("person:p{p}"),
                            name: format!("Person {p}"),
                            kind: EntityKind::Person,
                        }),
                        false,
                    )
                }
            };
            atts.push(Attribution {
                article: id.clone(),
                cue,
                source: None,
                content,
                quote: QuoteKind::Indirect,
                entity,
                vague,
                basis: citetrace::attribution::Basis::Rules,
                also: Vec::new(),
            });
        }
        // Copies of earlier articles of the same story.
        if i > story_start {
            let k = 1 + rng.below(4);
            for _ in 0..k {
                let origin = story_start + rng.below(i - story_start);
                let o: &Article = &articles[origin];
                let span_o = o.span(Range::new(0, 40));
                let span_c = article.span(Range::new(0, 40));
                copies.push(CopyPair {
                    origin: o.id.clone(),
                    copy: id.clone(),
                    directed: rng.below(10) != 0,
                    tier: match rng.below(3) {
                        0 => Tier::Verbatim,
                        1 => Tier::NearVerbatim,
                        _ => Tier::Paraphrase,
                    },
                    score: 0.2 + (rng.below(80) as f64) / 100.0,
                    passages: vec![Passage {
                        origin: span_o,
                        copy: span_c,
                        similarity: 0.9,
                    }],
                    evidence: vec!["bench".into()],
                });
            }
        }
        articles.push(article);
        attributions.push(atts);
    }
    let generated = t0.elapsed();
    let analysis_input = Analysis::from_parts(
        Corpus {
            articles,
            errors: Vec::new(),
            warnings: Vec::new(),
        },
        attributions,
        Registry::default(),
        citetrace::reuse::Reuse {
            copies,
            house: Vec::new(),
            shared_quotes: Vec::new(),
        },
    );

    let t = Instant::now();
    let graph = ProvenanceGraph::build(&analysis_input);
    let build = t.elapsed();
    println!(
        "articles {n}, attributions {}, copy pairs {}; generated in {:.2?}",
        analysis_input
            .attributions
            .iter()
            .map(Vec::len)
            .sum::<usize>(),
        analysis_input.copies.len(),
        generated
    );
    println!(
        "graph: {} nodes, {} edges; build {:.2?}",
        graph.node_count(),
        graph.edge_count(),
        build
    );
    let t = Instant::now();
    let origins = analysis::origins(&graph);
    let t_origins = t.elapsed();
    let t = Instant::now();
    let ranking = analysis::ranking(&graph, 10);
    let t_ranking = t.elapsed();
    let t = Instant::now();
    let cycles = analysis::cycles(&graph);
    let t_cycles = t.elapsed();
    let t = Instant::now();
    let laundering = analysis::laundering(&graph);
    let t_laundering = t.elapsed();
    let t = Instant::now();
    let outlets_view = graph.collapse_outlets();
    let t_collapse = t.elapsed();
    println!(
        "origins {:.2?} ({} articles, {} roots); ranking {:.2?} (top cited {}); cycles {:.2?} ({}); \
         laundering {:.2?} ({} findings); outlet collapse {:.2?} ({} nodes, {} edges)",
        t_origins,
        origins.len(),
        origins.iter().map(|o| o.roots.len()).sum::<usize>(),
        t_ranking,
        ranking.most_cited.first().map_or("-", |r| r.node.as_str()),
        t_cycles,
        cycles.len(),
        t_laundering,
        laundering.len(),
        t_collapse,
        outlets_view.node_count(),
        outlets_view.edge_count()
    );
    let t = Instant::now();
    let mut sink = std::io::sink();
    let findings = analysis::Findings {
        origins,
        ranking,
        cycles,
        laundering,
        vague: Vec::new(),
        stories: analysis::stories(&graph),
        house_reuse: analysis::relations::house_reuse(&graph),
        shared_quotes: analysis::relations::shared_quotes(&graph),
        quotes: analysis::relations::quotes(&graph),
    };
    citetrace::export::dot::write(
        &mut sink,
        &outlets_view,
        Some(&findings.restrict(&outlets_view)),
    )
    .expect("dot");
    println!("outlet-level DOT written in {:.2?}", t.elapsed());
    println!("total {:.2?}", t0.elapsed());
    if let Some(mib) = peak_rss_mib() {
        println!("peak RSS {mib:.0} MiB");
    }
}
