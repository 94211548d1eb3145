//! `citetrace` integration tests: attributions.

use serde_json::Value;

use crate::util::{arg, citetrace, seeds};

fn seed_attributions() -> Vec<Value> {
    citetrace(["attributions", &arg(&seeds()), "--format", "jsonl"]).jsonl()
}

fn of<'a>(all: &'a [Value], prefix: &str) -> Vec<&'a Value> {
    all.iter()
        .filter(|a| {
            a["article"]
                .as_str()
                .is_some_and(|id| id.starts_with(prefix))
        })
        .collect()
}

fn find<'a>(all: &'a [Value], prefix: &str, cue: &str, source: &str) -> &'a Value {
    of(all, prefix)
        .into_iter()
        .find(|a| a["cue"]["text"] == cue && a["source"]["text"] == source)
        .unwrap_or_else(|| panic!("no attribution {source:?} {cue:?} in {prefix}"))
}

#[test]
fn every_attribution_in_the_wire_copies_resolves_to_the_memri_report() {
    let all = seed_attributions();
    for prefix in ["000", "001", "002"] {
        let these = of(&all, prefix);
        assert!(these.len() >= 7, "{prefix}: {} attributions", these.len());
        for a in these {
            assert_eq!(a["entity"]["id"], "report:memri", "{prefix}: {a}");
            assert_eq!(a["entity"]["kind"], "report");
            assert_eq!(a["vague"], false);
        }
    }
    find(&all, "000", "said", "a report");
    find(&all, "000", "added", "it");
    find(&all, "001", "noted", "the report");
    let parenthetical = find(&all, "002", "said", "it");
    let pieces: Vec<&str> = parenthetical["content"]
        .as_array()
        .expect("content")
        .iter()
        .filter_map(|c| c["text"].as_str())
        .collect();
    assert_eq!(pieces.first(), Some(&"Similar trends"));
    assert!(
        pieces
            .last()
            .is_some_and(|c| c.starts_with("emerged earlier in 2025"))
    );
}

#[test]
fn the_hindi_rewrite_credits_the_report() {
    let all = seed_attributions();
    let a = find(&all, "003", "According to", "this report");
    assert_eq!(a["entity"]["id"], "report:memri");
    let b = find(
        &all,
        "003",
        "suggests",
        "The Middle East Media Research Institute report",
    );
    assert_eq!(b["entity"]["id"], "report:memri");
    assert_eq!(b["entity"]["name"], "MEMRI report");
}

#[test]
fn the_headline_and_the_dateline() {
    let all = seed_attributions();
    // "Report: …" in 003's title line (a heading) is an attribution.
    let headline = find(&all, "003", ":", "Report");
    assert_eq!(headline["entity"]["id"], "report:memri");
    assert!(
        headline["content"][0]["text"]
            .as_str()
            .is_some_and(|c| c.starts_with("Pakistan is becoming"))
    );
    // 001's lede content starts after the date line and dateline.
    let lede = find(&all, "001", "cited", "a report");
    assert!(
        lede["content"][0]["text"]
            .as_str()
            .is_some_and(|c| c.starts_with("Pakistan, particularly")),
        "{lede}"
    );
}

#[test]
fn vague_sources_and_the_news18_outlet() {
    let all = seed_attributions();
    for (cue, source) in [
        ("revealed", "Recent reports"),
        ("indicate", "Media reports"),
        ("indicate", "Intelligence assessments"),
        ("According to", "available information"),
    ] {
        let a = find(&all, "004", cue, source);
        assert_eq!(a["vague"], true, "{source} {cue}");
        assert!(a["entity"].is_null());
    }
    let news18 = find(&all, "004", "reported", "Indian media outlet News18");
    assert_eq!(news18["entity"]["id"], "outlet:news18");
    assert_eq!(news18["entity"]["kind"], "outlet");
    let warned = find(&all, "004", "warned", "one militant");
    assert_eq!(warned["quote"], "direct");
}

#[test]
fn spans_are_exact_character_offsets() {
    let all = seed_attributions();
    for a in &all {
        let id = a["article"].as_str().expect("article");
        let path = std::fs::read_dir(seeds())
            .expect("seeds")
            .filter_map(Result::ok)
            .find(|e| e.file_name().to_string_lossy().starts_with(id))
            .expect("file")
            .path();
        let text: Vec<char> = std::fs::read_to_string(path)
            .expect("text")
            .chars()
            .collect();
        let mut spans = vec![&a["cue"]];
        spans.extend(a["content"].as_array().expect("content"));
        if !a["source"].is_null() {
            spans.push(&a["source"]);
        }
        for s in spans {
            let start = usize::try_from(s["start"].as_u64().expect("start")).expect("fits");
            let end = usize::try_from(s["end"].as_u64().expect("end")).expect("fits");
            let got: String = text[start..end].iter().collect();
            assert_eq!(got, s["text"].as_str().expect("text"));
        }
    }
}

#[test]
fn table_csv_and_json_formats() {
    let table = citetrace(["attributions", &arg(&seeds())]);
    let out = table.ok();
    assert!(out.contains("MEMRI report [report:memri]"));
    assert!(out.contains("(vague)"));
    let csv = citetrace(["attributions", &arg(&seeds()), "--format", "csv"]);
    assert!(csv.ok().starts_with("article,cue_start,cue_end,cue,"));
    let json = citetrace(["attributions", &arg(&seeds()), "--format", "json"]).json();
    let entities = json["entities"].as_array().expect("entities");
    let report = entities
        .iter()
        .find(|e| e["id"] == "report:memri")
        .expect("MEMRI report entity");
    assert_eq!(report["publisher"], "org:memri");
    assert!(
        json["attributions"]
            .as_array()
            .is_some_and(|a| a.len() > 30)
    );
}

#[test]
fn eval_scores_brat_gold() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = dir.path().join("text");
    let ann = dir.path().join("ann");
    std::fs::create_dir_all(&text).expect("mkdir");
    std::fs::create_dir_all(&ann).expect("mkdir");
    std::fs::write(
        text.join("doc.txt"),
        "The economy grew, the minister said on Monday.\n",
    )
    .expect("write");
    std::fs::write(
        ann.join("doc_b.ann"),
        "T1\tSource 18 30\tthe minister\nT2\tCue 31 35\tsaid\nT3\tContent 0 16\tThe economy grew\nE1\tAttribution:T2 Cue:T2 Source:T1 Content:T3\n",
    )
    .expect("write");
    std::fs::write(ann.join("doc_a.ann"), "").expect("write");
    let json = citetrace([
        "eval",
        "attributions",
        "--text",
        &arg(&text),
        "--ann",
        &arg(&ann),
        "--format",
        "json",
    ])
    .json();
    // doc_a.ann sorts first and is empty: nothing gold, one predicted.
    assert_eq!(json["documents"], 1);
    let cue = &json["measures"][0];
    assert_eq!(cue["gold"], 0);
    assert_eq!(cue["predicted"], 1);
    std::fs::remove_file(ann.join("doc_a.ann")).expect("rm");
    let json = citetrace([
        "eval",
        "attributions",
        "--text",
        &arg(&text),
        "--ann",
        &arg(&ann),
        "--format",
        "json",
    ])
    .json();
    for m in json["measures"].as_array().expect("measures") {
        assert_eq!(m["f1"], 1.0, "{m}");
    }
}

#[test]
fn the_broad_scope_adds_model_cues_and_marks_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("story.txt");
    std::fs::write(
        &path,
        "Senator Jane Smith wants to cut taxes for the middle class before the election.\n\n\
         The new poll shows Clinton leading by five points among likely voters.\n",
    )
    .expect("write");
    let reported = citetrace(["attributions", &arg(&path), "--format", "jsonl"]).jsonl();
    assert!(
        reported.iter().all(|a| a["basis"] == "rules"),
        "{reported:?}"
    );
    assert!(reported.iter().all(|a| a["cue"]["text"] != "wants"));
    let broad = citetrace(["attributions", &arg(&path), "--broad", "--format", "jsonl"]).jsonl();
    let wants = broad
        .iter()
        .find(|a| a["cue"]["text"] == "wants")
        .expect("a model cue");
    assert_eq!(wants["basis"], "model");
    assert_eq!(wants["source"]["text"], "Senator Jane Smith");
    assert_eq!(
        wants["content"][0]["text"],
        "to cut taxes for the middle class before the election"
    );
    let table = citetrace(["attributions", &arg(&path), "--broad"]);
    let table = table.ok();
    assert!(table.contains("~wants"), "{table}");
    let csv = citetrace(["attributions", &arg(&path), "--broad", "--format", "csv"]);
    let csv = csv.ok();
    assert!(csv.lines().next().is_some_and(|h| h.ends_with(",basis")));
    assert!(csv.contains(",model"));
}
