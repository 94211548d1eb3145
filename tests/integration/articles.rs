//! `citetrace articles` on the seeds, on HTML / JSON fixtures, and on bad input.

use serde_json::Value;

use crate::util::{arg, citetrace, seeds};

/// The seeds as JSON records, by id prefix ("000", "001", ...).
fn seed(prefix: &str) -> Value {
    let run = citetrace(["articles", &arg(&seeds()), "--format", "json"]);
    run.json()
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"].as_str().unwrap().starts_with(prefix))
        .cloned()
        .unwrap()
}

fn kinds(record: &Value, key: &str) -> Vec<String> {
    record[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn lists_the_five_seed_articles_in_order() {
    let run = citetrace(["articles", &arg(&seeds()), "--format", "json"]);
    let json = run.json();
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "000_bbfaf4c79d009b75",
            "001_7a5be3d7303584e7",
            "002_09fa0e9ca044ba63",
            "003_42e9713d4d8883b4",
            "004_ffd583650c503103"
        ]
    );
}

#[test]
fn seed_000_is_ians_dated_from_the_date_floor() {
    let a = seed("000");
    assert_eq!(a["outlet"]["value"], "IANS");
    assert_eq!(a["outlet"]["origin"], "inferred");
    assert_eq!(a["outlet"]["evidence"]["text"], "Washington, Jan 22 (IANS)");
    assert_eq!(a["date"]["value"], "2026-01-22");
    assert_eq!(a["date"]["via"], "dateline+date-floor");
    assert_eq!(a["date_floor"]["value"], "2026-01-18");
    assert_eq!(a["place"]["value"], "Washington");
    assert_eq!(a["credits"][0]["kind"], "dateline");
    assert_eq!(a["credits"][0]["agency"], "IANS");
}

#[test]
fn seed_001_is_an_unnamed_agency_feed_without_outlet() {
    let a = seed("001");
    assert_eq!(a["date"]["value"], "2025-09-17");
    assert_eq!(a["date"]["evidence"]["text"], "date 2025-09-17");
    assert!(a["outlet"].is_null(), "no outlet invented: {}", a["outlet"]);
    assert_eq!(a["credits"].as_array().unwrap().len(), 1);
    assert_eq!(a["credits"][0]["kind"], "agency-feed");
    assert!(a["credits"][0]["agency"].is_null());
    assert_eq!(kinds(&a, "boilerplate"), ["disclaimer"]);
}

#[test]
fn seed_002_is_ians_with_a_credit_tail() {
    let a = seed("002");
    assert_eq!(a["outlet"]["value"], "IANS");
    assert_eq!(a["date"]["value"], "2026-01-27");
    let tail = a["credits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "tail")
        .expect("a credit tail");
    assert_eq!(tail["agency"], "IANS");
    assert_eq!(tail["evidence"]["text"], "–IANS");
    let texts: Vec<&str> = a["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["span"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["–IANS", "scor/as"]);
}

#[test]
fn seed_003_has_no_outlet_or_date_and_marks_boilerplate() {
    let a = seed("003");
    assert!(a["outlet"].is_null());
    assert!(a["date"].is_null());
    let marks: Vec<(&str, &str)> = a["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["kind"].as_str().unwrap(),
                b["span"]["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        marks
            .iter()
            .any(|(k, t)| *k == "related" && t.starts_with("Also read: Nature’s havoc")),
        "{marks:?}"
    );
    assert!(
        marks.contains(&("comments", "Comments are closed.")),
        "{marks:?}"
    );
    assert!(
        marks.contains(&("heading", "new base of hamas")),
        "{marks:?}"
    );
}

#[test]
fn seed_004_has_author_and_affiliation() {
    let a = seed("004");
    assert_eq!(a["author"]["value"], "Anna Mahjar-Barducci");
    assert_eq!(a["affiliation"]["value"], "MEMRI");
    assert_eq!(
        a["author"]["evidence"]["text"],
        "Anna Mahjar-Barducci is a Senior Research Fellow at MEMRI."
    );
    assert!(a["outlet"].is_null());
    assert!(a["date"].is_null());
}

#[test]
fn every_span_matches_the_text_at_its_offsets() {
    use citetrace::read::{Options, read_inputs};
    let corpus = read_inputs(&[seeds()], &Options::default()).unwrap();
    assert!(corpus.articles.len() >= 5);
    for a in &corpus.articles {
        let chars: Vec<char> = a.text.as_str().chars().collect();
        let json = serde_json::to_value(&a.meta).unwrap();
        let mut spans = Vec::new();
        collect_spans(&json, &mut spans);
        for b in &a.boilerplate {
            spans.push((b.span.start, b.span.end, b.span.text.clone()));
        }
        for (s, e, t) in spans {
            let got: String = chars[s..e].iter().collect();
            assert_eq!(got, t, "{}", a.id);
        }
    }
}

fn collect_spans(v: &Value, out: &mut Vec<(usize, usize, String)>) {
    match v {
        Value::Object(map) => {
            if let (Some(s), Some(e), Some(t)) = (map.get("start"), map.get("end"), map.get("text"))
            {
                out.push((
                    usize::try_from(s.as_u64().unwrap()).unwrap(),
                    usize::try_from(e.as_u64().unwrap()).unwrap(),
                    t.as_str().unwrap().to_string(),
                ));
            }
            map.values().for_each(|x| collect_spans(x, out));
        }
        Value::Array(items) => items.iter().for_each(|x| collect_spans(x, out)),
        _ => {}
    }
}

#[test]
fn table_and_csv_formats_list_the_seeds() {
    let table = citetrace(["articles", &arg(&seeds())]);
    let out = table.ok();
    assert!(out.starts_with("id"), "{out}");
    assert!(out.contains("Anna Mahjar-Barducci (MEMRI)"));
    let csv = citetrace(["articles", &arg(&seeds()), "--format", "csv"]);
    assert_eq!(csv.ok().lines().count(), 6);
    let jsonl = citetrace(["articles", &arg(&seeds()), "--format", "jsonl"]);
    assert_eq!(jsonl.jsonl().len(), 5);
}

#[test]
fn missing_path_is_reported_and_exit_code_is_2() {
    let run = citetrace(["articles", "no/such/file.txt"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no/such/file.txt"), "{}", run.stderr);
}
