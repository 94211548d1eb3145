//! `citetrace` integration tests: desk (quotes, origin, report), including a
//! real headless browser opening the report.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{arg, citetrace, data, seeds};

const S000: &str = "000_bbfaf4c79d009b75";
const S001: &str = "001_7a5be3d7303584e7";
const S002: &str = "002_09fa0e9ca044ba63";
const S003: &str = "003_42e9713d4d8883b4";
const S004: &str = "004_ffd583650c503103";
const SEEDS: [&str; 5] = [S000, S001, S002, S003, S004];

fn hostile() -> PathBuf {
    data("desk/hostile")
}

fn seed_text(id: &str) -> String {
    std::fs::read_to_string(seeds().join(format!("{id}.txt"))).expect("seed text")
}

/// Character slice of `text`.
fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn quotes_finds_every_altered_quote_of_the_wire_stories_against_memri() {
    let run = citetrace(["quotes", &arg(&seeds()), "--format", "json"]);
    let checks = run.json();
    let altered: Vec<(String, u64, u64)> = checks
        .as_array()
        .expect("array")
        .iter()
        .filter(|c| c["status"] == "altered")
        .map(|c| {
            assert_eq!(c["against"]["article"], S004, "{c}");
            assert_eq!(c["basis"], "credited-source");
            assert!(!c["why"].as_str().unwrap().is_empty());
            (
                c["article"].as_str().unwrap().to_string(),
                c["quote"]["start"].as_u64().unwrap(),
                c["against"]["span"]["start"].as_u64().unwrap(),
            )
        })
        .collect();
    // 000: the Board of Peace paragraph, "This conduct…", the Zaheer quote;
    // 002: the same two, and MEMRI's "These public appearances…" against
    // 004's "…Speakers offered mutual endorsements and framed…".
    let expect = [
        (S000, 429, 0),
        (S000, 1068, 564),
        (S000, 1568, 1051),
        (S002, 775, 0),
        (S002, 1358, 564),
        (S002, 2184, 6372),
    ];
    let got: Vec<(&str, u64, u64)> = altered
        .iter()
        .map(|(a, q, s)| (a.as_str(), *q, *s))
        .collect();
    assert_eq!(got, expect);
    // Diffs show the quote as written, punctuation kept.
    let board = checks
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["article"] == S000 && c["quote"]["start"] == 429)
        .unwrap();
    let text: String = board["diff"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.starts_with("On January 15, 2026, the US-led"),
        "{text}"
    );
}

#[test]
fn quotes_finds_every_quote_with_spans_that_match_the_text() {
    let run = citetrace(["quotes", &arg(&seeds()), "--format", "json"]);
    let checks = run.json();
    let checks = checks.as_array().expect("array");
    assert!(checks.len() >= 10, "{} quotes", checks.len());
    for c in checks {
        let id = c["article"].as_str().unwrap();
        let q = &c["quote"];
        let text = seed_text(id);
        assert_eq!(
            chars(
                &text,
                q["start"].as_u64().unwrap(),
                q["end"].as_u64().unwrap()
            ),
            q["text"].as_str().unwrap()
        );
        let e = &c["earliest"];
        let etext = seed_text(e["article"].as_str().unwrap());
        assert_eq!(
            chars(
                &etext,
                e["span"]["start"].as_u64().unwrap(),
                e["span"]["end"].as_u64().unwrap()
            ),
            e["span"]["text"].as_str().unwrap()
        );
        assert!(
            ["verified", "partial", "altered", "unverified"]
                .contains(&c["status"].as_str().unwrap())
        );
        // No "altered" verdict rests on an alignment covering less than most of the quote.
        if c["status"] == "altered" {
            assert!(c["coverage"].as_f64().unwrap() > 0.5, "{c}");
        }
    }
    // The IANS quote is also in MEMRI's text (004), with one word more.
    let ians = checks
        .iter()
        .find(|c| {
            c["article"] == S000
                && c["quote"]["text"]
                    .as_str()
                    .unwrap()
                    .starts_with("This conduct undermines Western efforts")
        })
        .expect("000's quote");
    let occ: Vec<&str> = ians["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["article"].as_str().unwrap())
        .collect();
    assert!(occ.contains(&S004) && occ.contains(&S002), "{occ:?}");
}

#[test]
fn quotes_tabular_formats() {
    let csv = citetrace(["quotes", &arg(&seeds()), "--format", "csv"]);
    let first = csv.ok().lines().next().unwrap();
    assert!(first.starts_with("article,span,status,quote"), "{first}");
    let lines = citetrace(["quotes", &arg(&seeds()), "--format", "jsonl"]).jsonl();
    assert!(lines.len() >= 10);
    let table = citetrace(["quotes", &arg(&seeds())]);
    assert!(table.ok().contains("status"));
    let bad = citetrace(["quotes", &arg(&seeds()), "--format", "dot"]);
    assert_eq!(bad.code, 2);
    // Help lists only the formats the command writes.
    let help = citetrace(["quotes", "--help"]);
    let help = help.ok();
    assert!(help.contains("jsonl") && help.contains("csv"), "{help}");
    for refused in ["dot", "graphml", "mermaid", "markdown"] {
        assert!(!help.contains(refused), "--help offers {refused}: {help}");
    }
}

#[test]
fn origin_traces_a_paraphrased_claim() {
    let run = citetrace([
        "origin",
        "Hamas representative spoke at a conference in Mirpur comparing Gaza and Kashmir",
        &arg(&seeds()),
        "--format",
        "json",
    ]);
    let t = run.json();
    let candidates: Vec<&str> = t["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["article"].as_str().unwrap())
        .collect();
    assert!(
        candidates.contains(&S001) && candidates.contains(&S004),
        "{candidates:?}"
    );
    // 001 is dated September 2025; 004 only mentions January 2026 events.
    assert_eq!(t["earliest"]["article"], S001);
    let spread: Vec<&str> = t["spread"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["carrier"]["article"].as_str().unwrap())
        .collect();
    assert!(spread.contains(&S004), "{spread:?}");
    let e = &t["earliest"]["span"];
    assert!(e["text"].as_str().unwrap().contains("Mirpur"));
}

/// The credited source is found in the whole corpus although it does not
/// carry the claim, and the graph says why: IANS's 000 credits "a report in
/// US-based MEMRI", which the graph resolves to 004 (000 copies 004, whose
/// author works at MEMRI).
#[test]
fn origin_names_the_corpus_article_a_credited_report_is() {
    let run = citetrace([
        "origin",
        "Pakistan is becoming the next fertile ground for Hamas",
        &arg(&seeds()),
        "--format",
        "json",
    ]);
    let t = run.json();
    assert_eq!(t["earliest"]["article"], S000);
    let carriers: Vec<&str> = t["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["article"].as_str().unwrap())
        .collect();
    assert!(!carriers.contains(&S004), "{carriers:?}");
    let memri = t["credits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["entity"]["id"] == "report:memri")
        .expect("000 credits the MEMRI report");
    assert_eq!(memri["corpus_articles"], serde_json::json!([S004]));
    assert_eq!(memri["via"], serde_json::json!(["resolves-to"]));
    assert_eq!(memri["outside_corpus"], false);
    let table = citetrace([
        "origin",
        "Pakistan is becoming the next fertile ground for Hamas",
        &arg(&seeds()),
    ]);
    assert!(
        table.ok().contains("the report is this article"),
        "{}",
        table.ok()
    );
    // The case file reads the publisher's article in full too: same answer.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("case.db");
    let db = db.to_str().unwrap();
    citetrace(["add", &arg(&seeds()), "--db", db]).ok();
    let stored = citetrace([
        "origin",
        "Pakistan is becoming the next fertile ground for Hamas",
        "--format",
        "json",
        "--db",
        db,
    ]);
    assert_eq!(stored.ok(), run.ok());
}

#[test]
fn origin_says_when_nothing_matches_and_rejects_empty_queries() {
    let run = citetrace([
        "origin",
        "quantum chromodynamics on a lattice",
        &arg(&seeds()),
    ]);
    assert!(
        run.ok()
            .contains("No article in the corpus carries this claim")
    );
    assert_eq!(citetrace(["origin", "  ", &arg(&seeds())]).code, 2);
}

fn report_html(input: &Path, extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let mut args = vec!["report".to_string(), arg(input), "-o".into(), arg(&out)];
    args.extend(extra.iter().map(|s| (*s).to_string()));
    citetrace(&args).ok();
    std::fs::read_to_string(&out).unwrap()
}

/// Every tag in `html` (text between `<` and `>`), lowercased.
fn tags(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or("").to_lowercase())
        .collect()
}

/// The attribute names of a tag (values are double-quoted in our output).
fn attribute_names(tag: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = tag.split_once(char::is_whitespace).map_or("", |x| x.1);
    loop {
        rest = rest.trim_start();
        let Some(eq) = rest.find('=') else { break };
        names.push(rest[..eq].trim().to_string());
        let after = &rest[eq + 1..];
        let Some(value) = after.strip_prefix('"') else {
            names.push(format!("unquoted value in <{tag}>"));
            break;
        };
        let Some(close) = value.find('"') else { break };
        rest = &value[close + 1..];
    }
    names
}

fn assert_inert(html: &str) {
    assert!(
        html.contains("Content-Security-Policy\" content=\"default-src 'none'"),
        "CSP meta tag"
    );
    for t in tags(html) {
        assert!(!t.starts_with("script"), "script tag: <{t}>");
        assert!(!t.starts_with("iframe") && !t.starts_with("object") && !t.starts_with("img"));
        for name in attribute_names(&t) {
            assert!(
                !name.starts_with("on") && !name.contains(' '),
                "attribute {name} in <{t}>"
            );
        }
        assert!(!t.contains("javascript:"), "<{t}>");
        assert!(
            !t.starts_with("link") && !t.contains("src=\"http"),
            "external asset <{t}>"
        );
    }
}

#[test]
fn report_is_self_contained_and_tells_what_it_has() {
    for layout in ["builtin", "auto"] {
        let html = report_html(&seeds(), &["--graph-layout", layout]);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert_inert(&html);
        assert!(!html.contains("http://") || html.contains("http://www.w3.org/"));
        assert!(html.contains("<svg"), "graph picture");
        for id in SEEDS {
            assert!(
                html.contains(&format!("id=\"node-{id}\"")),
                "node {id} ({layout})"
            );
            assert!(html.contains(&format!("id=\"article-{id}\"")), "card {id}");
        }
    }
}

#[test]
fn hostile_text_is_escaped_in_html_and_markdown() {
    let html = report_html(&hostile(), &[]);
    assert_inert(&html);
    assert!(html.contains("&lt;/script&gt;&lt;script&gt;console.error(&#39;pwned-title&#39;)"));
    assert!(html.contains("&quot; onload=&quot;console.error(&#39;pwned-attr"));
    let builtin = report_html(&hostile(), &["--graph-layout", "builtin"]);
    assert_inert(&builtin);
    let md = citetrace(["report", &arg(&hostile()), "--format", "markdown"]);
    let md = md.ok();
    for bad in ["<script", "<svg", "<img", "](javascript:", "onload=\""] {
        assert!(!md.contains(bad), "markdown holds {bad}");
    }
    // A hostile story: two articles sharing text, with hostile ids, outlets
    // and titles, so the story's graph (SVG, Mermaid) holds them too.
    let dir = tempfile::tempdir().unwrap();
    let body = seed_text(S004);
    let records = [
        (
            "\"><img src=x onerror=console.error('pwned-a')>",
            "</text><script>console.error('pwned-o')</script>",
            "2026-01-20",
        ),
        ("b]-->x[<script>", "Out\"]-->let[\"let", "2026-01-21"),
    ]
    .iter()
    .map(|(id, outlet, date)| {
        serde_json::json!({"id": id, "outlet": outlet, "title": outlet, "date": date, "text": body})
            .to_string()
    })
    .collect::<Vec<_>>()
    .join("\n");
    let path = dir.path().join("story.jsonl");
    std::fs::write(&path, records).unwrap();
    for layout in ["builtin", "auto"] {
        let html = report_html(&path, &["--graph-layout", layout]);
        assert_inert(&html);
        assert!(html.contains("id=\"story-1\""), "a story ({layout})");
        assert!(html.contains("&lt;/text&gt;&lt;script&gt;"), "{layout}");
    }
    let md = citetrace(["report", &arg(&path), "--format", "markdown"]);
    let md = md.ok();
    assert!(md.contains("```mermaid"));
    for bad in ["<script", "<img", "onerror=", "-->x["] {
        assert!(!md.contains(bad), "markdown holds {bad}");
    }
}

#[test]
fn markdown_report_has_every_section() {
    let run = citetrace(["report", &arg(&seeds()), "--format", "markdown"]);
    let md = run.ok();
    for section in [
        "## Stories",
        "### Story 1",
        "```mermaid",
        "## Unnamed sources",
        "## Quotes",
        "## Articles",
    ] {
        assert!(md.contains(section), "{section}");
    }
    for id in SEEDS {
        assert!(md.contains(&id.replace('_', "\\_")), "{id}");
    }
}

/// The seed report tells the story of the corpus: MEMRI's text (004) → IANS
/// (000, 002, quotes altered) → the rewrite 003 crediting MEMRI while copying
/// IANS; 001's paragraph reused in 000; 004's vague sources.
#[test]
fn seed_report_tells_the_story() {
    let run = citetrace(["quotes", &arg(&seeds()), "--format", "json"]);
    let checks = run.json();
    let altered = checks
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["article"] == S000
                && c["quote"]["text"]
                    .as_str()
                    .unwrap()
                    .starts_with("This conduct undermines")
        })
        .expect("000's quote");
    assert_eq!(altered["status"], "altered");
    assert_eq!(altered["against"]["article"], S004);
    assert_eq!(altered["earliest"]["article"], S004);
    let html = report_html(&seeds(), &[]);
    let card = |id: &str| -> String {
        let start = html.find(&format!("id=\"article-{id}\"")).expect("card");
        html[start..]
            .split("</article>")
            .next()
            .unwrap()
            .to_string()
    };
    assert!(
        card(S003).contains("kind-citation-laundering"),
        "003 launders"
    );
    assert!(
        card(S000).contains("kind-uncredited-reuse"),
        "000 reuses 001 without credit"
    );
    assert!(card(S000).contains("kind-altered-quote"));
    assert!(card(S002).contains("kind-altered-quote"));
    assert!(card(S004).contains("kind-vague-sources"));
    // One story holds the whole seed corpus; intent verbs make no source.
    assert!(html.contains("id=\"story-1\""));
    assert!(!html.contains("id=\"story-2\""));
    for noise in ["entity:entity:pakistan", "entity:entity:zaheer"] {
        assert!(!html.contains(noise), "{noise} drawn as a source");
    }
    assert!(
        html.contains(&format!("id=\"copy-{S001}--{S000}\"")),
        "001 → 000 reuse"
    );
}

/// The counts `report` gives, by the names `graph` uses for its findings.
fn report_counts(input: &Path) -> serde_json::Value {
    let report = citetrace(["report", &arg(input), "--format", "json"]).json();
    report["counts"].clone()
}

/// `graph` and `report` read one model: every finding and every count agrees.
fn assert_graph_and_report_agree(input: &Path) {
    let graph = citetrace(["graph", &arg(input), "--format", "json", "--top", "1000000"]).json();
    let report = citetrace(["report", &arg(input), "--format", "json"]).json();
    let counts = &report["counts"];
    let analyses = &graph["analyses"];
    // The report carries the graph's findings whole: the same model.
    assert_eq!(
        report["findings"], *analyses,
        "report findings = graph analyses"
    );
    let laundering = analyses["laundering"].as_array().expect("laundering");
    for kind in [
        "citation-laundering",
        "unattributed-copy",
        "uncredited-reuse",
    ] {
        let in_graph = laundering.iter().filter(|l| l["kind"] == kind).count();
        assert_eq!(counts[kind].as_u64(), Some(in_graph as u64), "{kind}");
    }
    let cycles = analyses["cycles"].as_array().expect("cycles");
    let article_cycles = cycles
        .iter()
        .filter(|c| {
            c["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|n| n.as_str().unwrap().starts_with("article:"))
        })
        .count();
    assert_eq!(
        counts["circular-reporting"].as_u64(),
        Some(article_cycles as u64)
    );
    let vague = analyses["vague"].as_array().expect("vague");
    assert_eq!(
        counts["vague-source-articles"].as_u64(),
        Some(vague.len() as u64)
    );
    let vague_total: u64 = vague.iter().map(|v| v[1].as_u64().unwrap()).sum();
    assert_eq!(counts["vague-sources"].as_u64(), Some(vague_total));
    assert_eq!(
        counts["stories"].as_u64(),
        Some(analyses["stories"].as_array().unwrap().len() as u64)
    );
    let edges = graph["edges"].as_array().unwrap();
    let of_kind = |kind: &str| edges.iter().filter(|e| e["kind"] == kind).count() as u64;
    assert_eq!(counts["copy-pairs"].as_u64(), Some(of_kind("copies")));
    let directed = edges
        .iter()
        .filter(|e| e["kind"] == "copies" && e["directed"] == true)
        .count() as u64;
    assert_eq!(counts["directed-copies"].as_u64(), Some(directed));
    // Relations that accuse no one are edges of the graph too.
    assert_eq!(
        counts["house-reuse-pairs"].as_u64(),
        Some(of_kind("house-reuse"))
    );
    assert_eq!(
        counts["shared-quote-pairs"].as_u64(),
        Some(of_kind("shares-quote"))
    );
    let altered = analyses["quotes"]["altered"].as_array().expect("altered");
    assert_eq!(counts["altered-quote"].as_u64(), Some(altered.len() as u64));
    let tally = &analyses["quotes"]["tally"];
    for status in ["verified", "partial", "altered", "unverified"] {
        assert_eq!(
            counts[format!("quotes-{status}")].as_u64(),
            tally[status].as_u64(),
            "{status}"
        );
    }
    let nodes = graph["nodes"].as_array().unwrap();
    let articles = nodes.iter().filter(|n| n["kind"] == "article").count() as u64;
    assert_eq!(counts["articles"].as_u64(), Some(articles));
    let attributions: u64 = edges
        .iter()
        .filter(|e| e["kind"] == "cites" || e["kind"] == "quotes")
        .map(|e| e["count"].as_u64().unwrap())
        .sum();
    assert_eq!(counts["attributions"].as_u64(), Some(attributions));
    // Every altered quote the report flags is one the graph found.
    let flagged = report["flags"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "altered-quote")
        .count();
    assert_eq!(flagged, altered.len());
}

/// A generated corpus (`reuse::synth`) with known copies, a wire story
/// re-filed by many sites and planted shared quotations, written as JSON
/// Lines with four outlets so that some reuse stays inside one outlet.
fn synthetic_corpus(dir: &Path) -> PathBuf {
    use citetrace::reuse::synth::{SynthOptions, generate};
    let corpus = generate(&SynthOptions {
        articles: 150,
        seed: 7,
        verbatim: 0.05,
        near_verbatim: 0.05,
        paraphrase: 0.04,
        fanout: 8,
        planted_quotes: 4,
        ..SynthOptions::default()
    });
    let mut lines = String::new();
    for (i, a) in corpus.articles.iter().enumerate() {
        let record = serde_json::json!({
            "id": a.id,
            "date": a.date().map(|d| d.to_string()),
            "outlet": format!("Outlet {}", i % 4),
            "text": a.text.as_str(),
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    let path = dir.join("generated.jsonl");
    std::fs::write(&path, lines).expect("write corpus");
    path
}

#[test]
fn graph_and_report_agree_on_a_synthetic_corpus() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = synthetic_corpus(dir.path());
    let counts = report_counts(&input);
    // The generated corpus exercises the relations, not just the seeds' few.
    assert!(counts["copy-pairs"].as_u64() > Some(5), "{counts}");
    assert!(counts["stories"].as_u64() > Some(1), "{counts}");
    assert_graph_and_report_agree(&input);
}

#[test]
fn graph_and_report_agree_on_the_seeds() {
    let counts = report_counts(&seeds());
    assert_eq!(counts["citation-laundering"], 1, "{counts}");
    assert_eq!(counts["uncredited-reuse"], 1, "{counts}");
    assert_eq!(counts["stories"], 1, "{counts}");
    assert_graph_and_report_agree(&seeds());
}

/// A generated corpus: a wire story, portals copying it (some crediting a
/// report instead), a rewrite of a rewrite, and a pair citing each other.
#[test]
fn graph_and_report_agree_on_a_generated_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let wire = seed_text(S004);
    let paragraphs: Vec<&str> = wire.lines().filter(|p| p.len() > 200).collect();
    assert!(paragraphs.len() >= 8, "{} paragraphs", paragraphs.len());
    let mut lines = Vec::new();
    let mut push = |id: &str, outlet: &str, date: &str, text: String| {
        lines.push(
            serde_json::json!({"id": id, "outlet": outlet, "date": date, "text": text}).to_string(),
        );
    };
    push("wire", "Wire Agency", "2026-01-20", paragraphs.join("\n\n"));
    for (k, outlet) in ["Portal One", "Portal Two", "Portal Three"]
        .iter()
        .enumerate()
    {
        let body: Vec<&str> = paragraphs.iter().skip(k).take(4).copied().collect();
        let lead = if k == 1 {
            "According to the MEMRI report, officials said the findings matter.".to_string()
        } else {
            format!("{outlet} staff write that the story matters.")
        };
        push(
            &format!("portal-{k}"),
            outlet,
            &format!("2026-01-2{}", k + 1),
            format!("{lead}\n\n{}", body.join("\n\n")),
        );
    }
    let rewrite: Vec<&str> = paragraphs.iter().skip(1).take(3).copied().collect();
    push(
        "rewrite",
        "Blog",
        "2026-01-26",
        format!(
            "Sources said the report is grim.\n\n{}",
            rewrite.join("\n\n")
        ),
    );
    push("other", "Local News", "2026-01-27", "The council met on Tuesday to discuss the new budget and its effect on local schools. Reportedly, several members objected.".to_string());
    let path = dir.path().join("generated.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let counts = report_counts(&path);
    assert!(counts["copy-pairs"].as_u64().unwrap() >= 3, "{counts}");
    assert_graph_and_report_agree(&path);
}

/// Finds a Chromium binary, or explains why the browser test cannot run.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for name in [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// Runs headless Chromium on `page` with `mode` (`--dump-dom` or
/// `--screenshot=…`); returns (stdout, stderr).
fn headless(browser: &Path, page: &Path, mode: &str) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1400,1800",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(mode)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    // Drain both pipes while waiting: Chromium logs a lot, and a full pipe
    // would block it forever.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut s);
        s
    });
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    (
        out_reader.join().expect("stdout reader"),
        err_reader.join().expect("stderr reader"),
    )
}

fn console_messages(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.contains(":CONSOLE")).collect()
}

#[test]
fn report_opens_in_a_real_browser() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is required in CI (.ci/run installs it)"
        );
        eprintln!(
            "SKIPPED report_opens_in_a_real_browser: no chromium on PATH \
             (apt-get install chromium to run it)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // The seed report.
    let page = dir.path().join("seeds.html");
    citetrace(["report", &arg(&seeds()), "-o", &arg(&page)]).ok();
    let (dom, stderr) = headless(&browser, &page, "--dump-dom");
    assert!(console_messages(&stderr).is_empty(), "{stderr}");
    assert!(dom.contains("<svg"), "graph SVG in the DOM");
    let svg_start = dom.find("<svg").unwrap();
    let svg = &dom[svg_start..dom[svg_start..].find("</svg>").unwrap() + svg_start];
    for id in SEEDS {
        assert!(
            svg.contains(&format!("id=\"node-{id}\"")),
            "node {id} in the SVG"
        );
    }
    let card_start = dom
        .find(&format!("id=\"article-{S003}\""))
        .expect("003's card");
    let card = dom[card_start..].split("</article>").next().unwrap();
    assert!(
        card.contains("class=\"flags\"") || card.contains("<details><summary>"),
        "003's flags are on its card"
    );
    let (_, stderr) = headless(
        &browser,
        &page,
        &format!("--screenshot={}", dir.path().join("shot.png").display()),
    );
    assert!(console_messages(&stderr).is_empty(), "{stderr}");
    let png = std::fs::read(dir.path().join("shot.png")).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG"));
    // The hostile report: nothing runs, nothing is blocked (there is nothing to block).
    let hostile_page = dir.path().join("hostile.html");
    citetrace(["report", &arg(&hostile()), "-o", &arg(&hostile_page)]).ok();
    let (dom, stderr) = headless(&browser, &hostile_page, "--dump-dom");
    assert!(console_messages(&stderr).is_empty(), "{stderr}");
    assert!(!stderr.contains("pwned"), "{stderr}");
    assert!(!dom.to_lowercase().contains("<script"));
    assert!(
        dom.contains("console.error('pwned-title')"),
        "hostile title shown as text"
    );
}

/// A report saved into the corpus folder is not read back as an article.
#[test]
fn saved_reports_are_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    for id in SEEDS {
        std::fs::copy(
            seeds().join(format!("{id}.txt")),
            dir.path().join(format!("{id}.txt")),
        )
        .unwrap();
    }
    let corpus = arg(dir.path());
    citetrace([
        "report",
        &corpus,
        "-o",
        &arg(&dir.path().join("report.html")),
    ])
    .ok();
    citetrace([
        "report",
        &corpus,
        "--format",
        "markdown",
        "-o",
        &arg(&dir.path().join("report.md")),
    ])
    .ok();
    citetrace([
        "report",
        &corpus,
        "--format",
        "json",
        "-o",
        &arg(&dir.path().join("report.json")),
    ])
    .ok();
    let run = citetrace(["articles", &corpus, "--format", "json"]);
    let articles = run.json();
    let ids: Vec<&str> = articles
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, SEEDS.to_vec(), "only the seed articles are read");
    for name in ["report.html", "report.md", "report.json"] {
        assert!(
            run.stderr.contains(name) && run.stderr.contains("written by citetrace"),
            "{name} skipped with a warning: {}",
            run.stderr
        );
    }
}

/// Pieces of each quote as text, for the quotes of a one-article corpus.
fn quote_pieces(text: &str) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let run = citetrace(["quotes", &arg(dir.path()), "--format", "json"]);
    let checks = run.json();
    checks
        .as_array()
        .expect("array")
        .iter()
        .map(|c| match c["pieces"].as_array() {
            Some(pieces) => pieces
                .iter()
                .map(|p| p["text"].as_str().unwrap().to_string())
                .collect(),
            None => vec![c["quote"]["text"].as_str().unwrap().to_string()],
        })
        .collect()
}

#[test]
fn quotes_never_read_narrative_between_two_quotations_as_quoted() {
    let got = quote_pieces(
        "And he said that her call to “make the whole country new again” — itself a rebuttal \
         to his “make the whole country great again” cry — came too late.\n\n\
         “We will rebuild this party from the ground up,” the senator said on Sunday, “and we \
         will win in November.”\n",
    );
    for pieces in &got {
        for p in pieces {
            assert!(!p.contains("rebuttal") && !p.contains('”'), "{got:?}");
        }
    }
    assert!(
        got.iter()
            .any(|p| p == &["make the whole country new again"]),
        "{got:?}"
    );
    assert!(
        got.iter().any(|p| p
            == &[
                "We will rebuild this party from the ground up",
                "and we will win in November"
            ]),
        "{got:?}"
    );
}
