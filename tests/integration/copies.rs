//! `citetrace copies` integration tests: the seed corpus, formats, filters, hostile inputs.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::util::{arg, citetrace, data, seeds};

/// The short id ("004") of a seed article id.
fn short(id: &Value) -> String {
    id.as_str().unwrap_or_default().chars().take(3).collect()
}

fn seed_pairs() -> Vec<Value> {
    citetrace(["copies", &arg(&seeds()), "--format", "jsonl"]).jsonl()
}

/// Pairs keyed by the sorted short ids.
fn by_pair(pairs: &[Value]) -> BTreeMap<(String, String), &Value> {
    pairs
        .iter()
        .map(|p| {
            let (o, c) = (short(&p["origin"]), short(&p["copy"]));
            let key = if o <= c { (o, c) } else { (c, o) };
            (key, p)
        })
        .collect()
}

fn key(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn seed_corpus_has_exactly_the_known_copies() {
    let pairs = seed_pairs();
    let map = by_pair(&pairs);
    let keys: Vec<&(String, String)> = map.keys().collect();
    assert_eq!(
        keys,
        [
            &key("000", "001"),
            &key("000", "002"),
            &key("000", "003"),
            &key("000", "004"),
            &key("002", "004"),
        ],
        "{pairs:#?}"
    );
    let directed = |a: &str, b: &str| {
        let p = map[&key(a.min(b), a.max(b))];
        p["directed"] == true && short(&p["origin"]) == a && short(&p["copy"]) == b
    };
    // IANS quoting the MEMRI text, with its edits.
    assert!(directed("004", "000"), "{:#?}", map[&key("000", "004")]);
    assert!(directed("004", "002"), "{:#?}", map[&key("002", "004")]);
    assert_eq!(map[&key("000", "004")]["tier"], "near-verbatim");
    // The rewrite.
    assert!(directed("000", "003"), "{:#?}", map[&key("000", "003")]);
    assert_eq!(map[&key("000", "003")]["tier"], "paraphrase");
    // 000 and 002 share the quoted MEMRI text: both took it from 004.
    let siblings = map[&key("000", "002")];
    assert_eq!(siblings["directed"], false);
    assert!(
        siblings["evidence"]
            .as_array()
            .is_some_and(|e| e.iter().any(|s| s
                .as_str()
                .is_some_and(|s| s.contains("common source") && s.contains("004")))),
        "{siblings:#?}"
    );
    // One paragraph of the September story reused in January.
    let sept = map[&key("000", "001")];
    assert_eq!(sept["passages"].as_array().map(Vec::len), Some(1));
    assert!(
        sept["passages"][0]["copy"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("Kashmir Solidarity Day on February 5, 2025"))
    );
    // Its direction rests on the dates the reader infers (2025-09-17 before 2026-01-22).
    assert!(directed("001", "000"), "{sept:#?}");
    assert!(
        sept["evidence"].as_array().is_some_and(|e| e
            .iter()
            .any(|s| s.as_str().is_some_and(|s| s.contains("2025-09-17")))),
        "{sept:#?}"
    );
}

#[test]
fn passages_are_true_spans_of_the_texts() {
    let pairs = seed_pairs();
    let texts: BTreeMap<String, Vec<char>> = std::fs::read_dir(seeds())
        .expect("seed dir")
        .filter_map(Result::ok)
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let id = name.trim_end_matches(".txt").to_string();
            let text = std::fs::read_to_string(e.path()).expect("seed text");
            (id, text.chars().collect())
        })
        .collect();
    let mut checked = 0;
    for p in &pairs {
        assert!(
            p["score"]
                .as_f64()
                .is_some_and(|s| (0.0..=1.0).contains(&s))
        );
        for passage in p["passages"].as_array().expect("passages") {
            for side in ["origin", "copy"] {
                let id = p[side].as_str().expect("id");
                let span = &passage[side];
                let (s, e) = (
                    span["start"].as_u64().expect("start") as usize,
                    span["end"].as_u64().expect("end") as usize,
                );
                let text: String = texts[id][s..e].iter().collect();
                assert_eq!(span["text"].as_str(), Some(text.as_str()));
                checked += 1;
            }
            assert!(
                passage["similarity"]
                    .as_f64()
                    .is_some_and(|s| (0.0..=1.0).contains(&s))
            );
        }
    }
    assert!(checked > 20);
}

#[test]
fn output_is_deterministic_and_formats_agree() {
    let jsonl = citetrace(["copies", &arg(&seeds()), "--format", "jsonl"]);
    let again = citetrace(["copies", &arg(&seeds()), "--format", "jsonl"]);
    assert_eq!(jsonl.ok(), again.ok());
    let json = citetrace(["copies", &arg(&seeds()), "--format", "json"]).json();
    assert_eq!(json.as_array().map(Vec::len), Some(jsonl.jsonl().len()));
    let csv = citetrace(["copies", &arg(&seeds()), "--format", "csv"]);
    let mut lines = csv.ok().lines();
    assert_eq!(
        lines.next(),
        Some("origin,copy,directed,tier,score,passages,first_copy_span,first_passage,evidence")
    );
    let table = citetrace(["copies", &arg(&seeds())]);
    assert!(table.ok().starts_with("origin "));
    assert_eq!(table.ok().lines().count(), 6);
}

#[test]
fn tier_and_score_filters() {
    let para = citetrace([
        "copies",
        &arg(&seeds()),
        "--format",
        "jsonl",
        "--tier",
        "paraphrase",
    ])
    .jsonl();
    assert_eq!(para.len(), 1);
    assert_eq!(short(&para[0]["copy"]), "003");
    let strong = citetrace([
        "copies",
        &arg(&seeds()),
        "--format",
        "jsonl",
        "--min-score",
        "0.2",
    ])
    .jsonl();
    assert!(strong.iter().all(|p| p["score"].as_f64() >= Some(0.2)));
    assert!(strong.len() < seed_pairs().len());
    let bad = citetrace(["copies", &arg(&seeds()), "--min-score", "2"]);
    assert_eq!(bad.code, 2);
}

#[test]
fn identical_empty_and_boilerplate_inputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let story = std::fs::read_to_string(seeds().join("000_bbfaf4c79d009b75.txt")).expect("seed");
    std::fs::write(dir.path().join("a.txt"), &story).expect("write");
    std::fs::write(dir.path().join("b.txt"), &story).expect("write");
    // Many pages sharing only a stock footer, plus one word each.
    for i in 0..200 {
        std::fs::write(
            dir.path().join(format!("page{i:03}.txt")),
            format!(
                "Item {i} of the catalogue.\nSubscribe to our newsletter for the latest updates delivered straight to your inbox every single morning without fail, and follow us on every social network.\n"
            ),
        )
        .expect("write");
    }
    let pairs = citetrace(["copies", &arg(dir.path()), "--format", "jsonl"]).jsonl();
    assert_eq!(pairs.len(), 1, "{pairs:#?}");
    assert_eq!(pairs[0]["tier"], "verbatim");
    assert_eq!(pairs[0]["directed"], false);
    assert!(pairs[0]["score"].as_f64() > Some(0.9));
}

#[test]
fn hostile_text_stays_inert_in_csv_and_table() {
    let pairs = citetrace(["copies", &arg(&data("copies")), "--format", "csv"]);
    let out = pairs.ok();
    // The file "=hostile_a.txt" makes an id that a spreadsheet would run as a formula.
    assert!(out.lines().skip(1).all(|l| !l.starts_with('=')), "{out}");
    assert!(out.contains("'=hostile_a"), "{out}");
    let table = citetrace(["copies", &arg(&data("copies"))]);
    assert!(!table.ok().contains('\u{1b}'));
}
