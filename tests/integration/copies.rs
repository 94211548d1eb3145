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

/// Writes `files` (name, text) into a fresh directory.
fn corpus(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

const QUOTE: &str = "We will rebuild every bridge on the northern coast before the winter storms arrive, and no family in the valley will spend another season cut off from the hospital, the schools and the markets";

#[test]
fn a_shared_quotation_is_not_a_copy() {
    // Two unrelated stories (in different quotation styles) quote one speaker.
    let dir = corpus(&[
        (
            "harbour_2016-03-01_bridges.txt",
            format!(
                "The harbour board met on Tuesday to discuss the ferry timetable and the new pier.\n“{QUOTE},” the governor told the assembly.\nThe board will publish its budget next month after the audit.\n"
            ),
        ),
        (
            "valley_2016-03-04_roads.txt",
            format!(
                "Farmers in the upper valley counted the cost of the floods as the river fell back.\nAt a rally, the governor repeated her promise: ''{QUOTE}.''\nThe rally ended early when the rain returned over the hills.\n"
            ),
        ),
    ]);
    let copies = citetrace(["copies", &arg(dir.path()), "--format", "json"]).json();
    assert_eq!(copies.as_array().map(Vec::len), Some(0), "{copies:#}");
    let all = citetrace([
        "copies",
        &arg(dir.path()),
        "--format",
        "json",
        "--relations",
    ])
    .json();
    let quotes = all["shared_quotes"].as_array().expect("shared_quotes");
    assert_eq!(quotes.len(), 1, "{all:#}");
    assert!(
        quotes[0]["evidence"][0]
            .as_str()
            .unwrap_or("")
            .starts_with("both quote")
    );
    let span = &quotes[0]["passages"][0]["copy"];
    assert!(
        span["text"]
            .as_str()
            .unwrap_or("")
            .contains("northern coast")
    );
    assert!(all["house"].as_array().is_some_and(Vec::is_empty));
}

/// Story lines of its own built from `words` (distinct per story), long
/// enough that a shared background paragraph is a small part of the story.
fn filler(words: &[&str]) -> String {
    (0..words.len())
        .map(|i| {
            let w = |k: usize| words[(i * 7 + k * 3) % words.len()];
            format!(
                "The {} {} {} near the {} while {} {} {}.",
                w(0),
                w(1),
                w(2),
                w(3),
                w(4),
                w(5),
                w(6)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn house_reuse_is_listed_apart_and_dates_come_from_file_names() {
    let background = "The county approved the reservoir expansion in a close vote last spring after two years of hearings, and the contractors expect the first stage of the dam to be finished before the autumn rains begin";
    let dir = corpus(&[
        (
            "gazette_2016-05-02_water.txt",
            format!(
                "Water prices will rise by four percent in June, the utility said on Monday.\n{background}.\nThe utility blamed the price rise on the cost of pumping from deeper wells during the drought.\n{}\n",
                filler(&[
                    "pipes",
                    "meters",
                    "billing",
                    "engineers",
                    "leaks",
                    "tariffs",
                    "pumps",
                    "reservoirs",
                    "filters",
                    "inspectors",
                    "valves",
                    "mains",
                    "hydrants"
                ])
            ),
        ),
        (
            "gazette_2016-07-19_fishing.txt",
            format!(
                "Anglers say the trout season on the lower river has been the worst in a decade.\n{background}.\nBiologists plan to survey the spawning grounds again after the summer heat has passed.\n{}\n",
                filler(&[
                    "trout", "anglers", "boats", "licences", "wardens", "nets", "salmon", "weirs",
                    "otters", "herons", "spawning", "gravel", "eddies"
                ])
            ),
        ),
    ]);
    let manifest = dir.path().join("meta.csv");
    std::fs::write(
        &manifest,
        "id,outlet\ngazette_2016-05-02_water,Gazette\ngazette_2016-07-19_fishing,Gazette\n",
    )
    .expect("manifest");
    let args = |rel: bool| {
        let mut a = vec![
            "copies".to_string(),
            arg(&dir.path().join("gazette_2016-05-02_water.txt")),
            arg(&dir.path().join("gazette_2016-07-19_fishing.txt")),
            "--meta".into(),
            arg(&manifest),
            "--format".into(),
            "json".into(),
        ];
        if rel {
            a.push("--relations".into());
        }
        a
    };
    let copies = citetrace(args(false)).json();
    assert_eq!(copies.as_array().map(Vec::len), Some(0), "{copies:#}");
    let all = citetrace(args(true)).json();
    let house = all["house"].as_array().expect("house");
    assert_eq!(house.len(), 1, "{all:#}");
    // Directed by the dates in the file names.
    assert_eq!(house[0]["origin"], "gazette_2016-05-02_water");
    assert_eq!(house[0]["directed"], true);
    let evidence = house[0]["evidence"].to_string();
    assert!(evidence.contains("house reuse"), "{evidence}");
    assert!(evidence.contains("file-name 2016-05-02"), "{evidence}");
}
