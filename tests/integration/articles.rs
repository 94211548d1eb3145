//! `citetrace articles` on the seeds, on HTML / JSON fixtures, and on bad input.

use serde_json::Value;

use crate::util::{arg, citetrace, data, seeds};

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
    let corpus = read_inputs(&[seeds(), data("read/good")], &Options::default()).unwrap();
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

// ---- HTML, JSON and manifest fixtures -------------------------------------

fn fixtures() -> Vec<Value> {
    let run = citetrace([
        "articles",
        &arg(&data("read/good")),
        "--format",
        "json",
        "--text",
    ]);
    run.json().as_array().unwrap().clone()
}

fn fixture(id: &str) -> Value {
    fixtures()
        .into_iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("no article {id}"))
}

#[test]
fn news_page_body_drops_furniture_and_reads_json_ld() {
    let a = fixture("daily-sentinel-hamas");
    let text = a["text"].as_str().unwrap();
    assert!(
        text.starts_with("Washington, Jan 22 (IANS) The threat"),
        "{text}"
    );
    for furniture in [
        "cookies",
        "Share on X",
        "Also Read",
        "Very worrying news",
        "Related stories",
        "All rights reserved",
        "Most read",
        "File photo",
        "dataLayer",
    ] {
        assert!(
            !text.contains(furniture),
            "{furniture:?} leaked into {text}"
        );
    }
    // Five story paragraphs and the one-word "Advertisement" label of an
    // inline ad slot, which the Readability algorithm keeps (it is not a
    // link, nor an unlikely candidate): honest extractor output.
    assert_eq!(text.matches("\n\n").count(), 5, "six paragraphs: {text}");
    assert_eq!(
        a["title"]["value"],
        "Pakistan risks becoming Hamas haven, says report"
    );
    assert_eq!(a["title"]["via"], "json-ld:headline");
    assert_eq!(a["outlet"]["value"], "The Daily Sentinel");
    assert_eq!(a["outlet"]["origin"], "given");
    assert_eq!(a["date"]["value"], "2026-01-22");
    assert_eq!(a["date"]["via"], "json-ld:datePublished");
    assert_eq!(
        a["url"]["value"],
        "https://dailysentinel.example/world/pakistan-hamas-haven-report-4471"
    );
    assert_eq!(a["language"]["value"], "en");
    let credits: Vec<(&str, Option<&str>)> = a["credits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["kind"].as_str().unwrap(), c["agency"].as_str()))
        .collect();
    assert_eq!(credits, [("dateline", Some("IANS")), ("agency-feed", None)]);
}

#[test]
fn page_without_article_tags_uses_meta_tags_and_density() {
    let a = fixture("policy-review-pakistan");
    let text = a["text"].as_str().unwrap();
    assert!(
        text.starts_with("Dr Naji Zaheer currently serves"),
        "{text}"
    );
    assert!(!text.contains("Other analysis"), "{text}");
    assert!(!text.contains("Disqus"), "{text}");
    assert!(!text.contains("About us"), "{text}");
    assert_eq!(a["title"]["via"], "og:title");
    assert_eq!(a["outlet"]["value"], "Policy Review");
    assert_eq!(a["author"]["value"], "Omar Siddiqui");
    assert_eq!(a["author"]["via"], "meta:author");
    assert_eq!(a["affiliation"]["value"], "Centre for Strategic Policy");
    assert_eq!(a["date"]["value"], "2026-01-28");
    assert_eq!(a["url"]["via"], "link:canonical");
    assert_eq!(a["language"]["value"], "en");
}

#[test]
fn malformed_html_still_reads() {
    let a = fixture("broken-markup");
    let text = a["text"].as_str().unwrap();
    assert!(
        text.contains("bolds across tags in the wrong order & c."),
        "{text}"
    );
    assert_eq!(a["outlet"]["value"], "Reuters");
    assert_eq!(a["credits"][1]["kind"], "tail");
}

#[test]
fn json_lines_and_json_arrays_recognise_common_fields() {
    let all = fixtures();
    let ids: Vec<&str> = all.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "broken-markup",
            "daily-sentinel-hamas",
            "policy-review-pakistan",
            "portal-7731",
            "portal-7732",
            "feed-001",
            "2",
            "wire-feed-4"
        ],
        "the manifest.csv in the directory is not read as an article"
    );
    let feed = fixture("feed-001");
    assert_eq!(feed["outlet"]["value"], "Reuters");
    assert_eq!(feed["outlet"]["via"], "source");
    assert_eq!(feed["author"]["value"], "Asif Shahzad, Gibran Peshimam");
    assert_eq!(feed["date"]["value"], "2026-01-23");
    let afp = fixture("2");
    assert_eq!(afp["date"]["value"], "2026-02-02");
    assert_eq!(afp["date"]["via"], "pubDate");
    let inputs: Vec<&str> = afp["credits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "inputs")
        .map(|c| c["agency"].as_str().unwrap())
        .collect();
    assert_eq!(inputs, ["Reuters", "AP"]);
    let bare = fixture("wire-feed-4");
    assert_eq!(
        bare["date"]["value"], "2026-01-27",
        "Unix seconds → civil date"
    );
    let portal = fixture("portal-7731");
    assert_eq!(portal["outlet"]["value"], "Portal Times");
    assert_eq!(portal["date"]["value"], "2025-09-17");
    assert_eq!(
        portal["author"],
        Value::Null,
        "an empty author list is no author"
    );
}

#[test]
fn manifest_overrides_and_warns_about_unknown_ids() {
    let run = citetrace([
        "articles",
        &arg(&data("read/good")),
        "--meta",
        &arg(&data("read/good/manifest.csv")),
        "--format",
        "json",
    ]);
    let all = run.json();
    let weekly = all
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "portal-7732")
        .unwrap();
    assert_eq!(weekly["outlet"]["value"], "Portal Times Weekly");
    assert_eq!(weekly["outlet"]["origin"], "manifest");
    assert_eq!(weekly["date"]["value"], "2025-09-18");
    let feed = all
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "feed-001")
        .unwrap();
    assert_eq!(
        feed["title"]["value"],
        "Pakistan rejects report on Hamas presence, says claims baseless"
    );
    assert_eq!(
        feed["outlet"]["origin"], "given",
        "empty cells leave fields alone"
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);

    let seeds_run = citetrace([
        "articles",
        &arg(&seeds()),
        "--meta",
        &arg(&data("read/good/manifest.csv")),
    ]);
    assert_eq!(seeds_run.code, 0, "unknown ids are only a warning");
    assert!(
        seeds_run.stderr.contains("warning: ")
            && seeds_run.stderr.contains("\"feed-001\" matches no article"),
        "{}",
        seeds_run.stderr
    );
}

#[test]
fn malformed_manifests_stop_the_run_with_a_clear_error() {
    for (file, needle) in [
        (
            "read/bad/manifest-unknown-column.csv",
            ":1: unknown manifest column \"colour\"",
        ),
        (
            "read/bad/manifest-bad-date.json",
            "date \"not a date\" is not a date",
        ),
    ] {
        let run = citetrace(["articles", &arg(&seeds()), "--meta", &arg(&data(file))]);
        assert_eq!(run.code, 2, "{file}");
        assert!(run.stderr.contains(needle), "{file}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
}

// ---- Bad input ------------------------------------------------------------

#[test]
fn bad_json_lines_are_reported_with_line_numbers() {
    let path = data("read/bad/mixed.jsonl");
    let run = citetrace(["articles", &arg(&path), "--format", "jsonl"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let ids: Vec<String> = run
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["good-1", "good-2"]);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    assert!(
        lines[0].contains("mixed.jsonl:2: malformed JSON"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("mixed.jsonl:3: JSON object has no article text"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains("mixed.jsonl:4: expected a JSON object"),
        "{}",
        lines[2]
    );
}

#[test]
fn json_object_without_text_is_an_error() {
    let run = citetrace(["articles", &arg(&data("read/bad/no-text.json"))]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no-text.json: JSON object has no article text"),
        "{}",
        run.stderr
    );
}

#[test]
fn html_without_text_is_an_error() {
    let run = citetrace(["articles", &arg(&data("read/bad/no-text.html"))]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no-text.html: HTML page has no article text"),
        "{}",
        run.stderr
    );
}

/// A directory with one good article and one bad file of the given bytes.
fn dir_with_bad(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Washington, Jan 22 (IANS) A good story that reads fine.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    dir
}

#[test]
fn one_bad_file_in_a_directory_is_reported_and_skipped() {
    let cases: [(&str, &[u8], &str); 3] = [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "empty file"),
        (
            "binary.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary file",
        ),
    ];
    for (name, bytes, problem) in cases {
        let dir = dir_with_bad(name, bytes);
        let run = citetrace(["articles", &arg(dir.path()), "--format", "json"]);
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{name}: {}", run.stderr);
        assert!(
            lines[0].contains(name) && lines[0].contains(problem),
            "{name}: {}",
            lines[0]
        );
        let json: Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(json.as_array().unwrap().len(), 1, "{name}");
        assert_eq!(json[0]["id"], "good");
        assert_eq!(json[0]["outlet"]["value"], "IANS");
    }
}

#[test]
fn legacy_and_utf16_encodings_are_decoded() {
    // Undeclared windows-1252 bytes: decoded as detected, with a warning.
    let dir = dir_with_bad(
        "latin1.txt",
        b"Le pr\xe9sident a d\xe9clar\xe9 que la r\xe9forme \xe9tait n\xe9cessaire.\n",
    );
    let run = citetrace(["articles", &arg(dir.path()), "--format", "json", "--text"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("latin1.txt") && run.stderr.contains("windows-1252 (detected)"),
        "{}",
        run.stderr
    );
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let latin1 = json
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "latin1")
        .unwrap();
    assert!(
        latin1["text"]
            .as_str()
            .unwrap()
            .starts_with("Le pr\u{e9}sident")
    );
    // A page that declares its charset, and UTF-16 with a BOM: no warning.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("page.html"),
        b"<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head><body><p>Caf\xe9 society, said the mayor of the town, is back after the long winter.</p></body></html>",
    )
    .unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Na\u{ef}ve text in UTF-16, the minister said.".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(dir.path().join("utf16.txt"), utf16).unwrap();
    let run = citetrace(["articles", &arg(dir.path()), "--format", "json", "--text"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let texts: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.iter().any(|t| t.starts_with("Caf\u{e9} society")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("Na\u{ef}ve text")),
        "{texts:?}"
    );
}

#[test]
fn stdin_format_is_chosen_by_option_or_content() {
    let feed = "{\"id\": \"a\", \"text\": \"The minister said the plan would work.\"}\n{\"id\": \"b\", \"text\": \"Officials said it would not.\"}\n";
    let sniffed =
        crate::util::run_with_stdin(["articles", "-", "--format", "json"], Some(feed.as_bytes()));
    assert_eq!(sniffed.code, 0, "{}", sniffed.stderr);
    assert!(
        sniffed.stderr.contains("read as JSON Lines"),
        "{}",
        sniffed.stderr
    );
    assert_eq!(sniffed.json().as_array().unwrap().len(), 2);
    let chosen = crate::util::run_with_stdin(
        [
            "articles",
            "-",
            "--input-format",
            "jsonl",
            "--format",
            "json",
        ],
        Some(feed.as_bytes()),
    );
    assert_eq!(chosen.code, 0, "{}", chosen.stderr);
    assert!(chosen.stderr.is_empty(), "{}", chosen.stderr);
    assert_eq!(chosen.json().as_array().unwrap().len(), 2);
    let plain = crate::util::run_with_stdin(
        ["articles", "-", "--input-format", "txt", "--format", "json"],
        Some(feed.as_bytes()),
    );
    assert_eq!(plain.json().as_array().unwrap().len(), 1);
}

#[test]
fn file_over_the_size_limit_is_rejected() {
    let dir = dir_with_bad("big.txt", "word ".repeat(400).as_bytes());
    let run = citetrace(["articles", &arg(dir.path()), "--max-bytes", "1000"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("big.txt: file is 2000 bytes, over the limit of 1000 bytes"),
        "{}",
        run.stderr
    );
    let stdin = crate::util::run_with_stdin(
        ["articles", "-", "--max-bytes", "10"],
        Some(b"A story from stdin that is too long."),
    );
    assert_eq!(stdin.code, 2);
    assert!(
        stdin.stderr.contains("-: file is 11 bytes"),
        "{}",
        stdin.stderr
    );
}

#[test]
fn permission_denied_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir_with_bad("secret.txt", b"A story nobody may read.");
    let path = dir.path().join("secret.txt");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&path).is_ok() {
        // Running as root (or with CAP_DAC_OVERRIDE): permissions do not apply.
        eprintln!("skipping: this user can read a mode-000 file");
        return;
    }
    let run = citetrace(["articles", &arg(dir.path())]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("secret.txt: cannot read") && run.stderr.contains("ermission denied"),
        "{}",
        run.stderr
    );
}

#[test]
fn stdin_is_read_as_plain_text() {
    let run = crate::util::run_with_stdin(
        ["articles", "-", "--format", "json"],
        Some("\u{feff}LONDON, March 3 (AFP) — A story from stdin.\n— AFP\n".as_bytes()),
    );
    let json = run.json();
    assert_eq!(json[0]["id"], "stdin");
    assert_eq!(json[0]["outlet"]["value"], "AFP");
    assert_eq!(json[0]["place"]["value"], "LONDON");
    assert_eq!(
        json[0]["credits"][0]["evidence"]["start"], 0,
        "the BOM is dropped"
    );
}

#[test]
fn duplicate_ids_are_made_unique() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("a")).unwrap();
    std::fs::create_dir(dir.path().join("b")).unwrap();
    std::fs::write(dir.path().join("a/story.txt"), "One story.").unwrap();
    std::fs::write(dir.path().join("b/story.txt"), "Another story.").unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), "Hidden.").unwrap();
    let run = citetrace(["articles", &arg(dir.path()), "--format", "json"]);
    let ids: Vec<String> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["story", "story-2"]);
}

#[test]
fn seed_listing_snapshot() {
    // Relative path, so the snapshot does not depend on where the clone lives.
    let json = citetrace([
        "articles",
        "examples/memri-hamas-pakistan",
        "--format",
        "json",
    ]);
    insta::assert_snapshot!("articles_seeds_json", json.ok());
    let table = citetrace(["articles", "examples/memri-hamas-pakistan"]);
    insta::assert_snapshot!("articles_seeds_table", table.ok());
}

/// `citetrace … | head` closes the pipe early: that is not an error (exit 0,
/// nothing on stderr), whichever writer (table, JSON, CSV) meets the closed pipe.
#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::process::{Command, Stdio};
    for (command, format) in [
        ("articles", "table"),
        ("attributions", "jsonl"),
        ("attributions", "csv"),
        ("copies", "json"),
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_citetrace"))
            .args([command, &arg(&seeds()), "--format", format])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("citetrace runs");
        // Close our end before citetrace has written anything.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("citetrace finishes");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{command} {format}: {stderr}");
        assert!(stderr.is_empty(), "{command} {format}: {stderr}");
    }
}

/// Lower-cased word counts of a text.
fn word_bag(text: &str) -> std::collections::HashMap<String, usize> {
    let mut bag = std::collections::HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *bag.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

/// The visible text of an HTML fragment (tags dropped, entities as written).
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn readability_pages_read_as_expected() {
    // Four synthetic pages from Mozilla Readability's test suite (Apache 2.0,
    // see tests/data/read/readability/README.md): body word F1 against the
    // expected article, and the metadata the page declares.
    let root = data("read/readability");
    for page in [
        "003-metadata-preferred",
        "basic-tags-cleaning",
        "parsely-metadata",
        "title-en-dash",
    ] {
        let dir = root.join(page);
        let run = citetrace([
            "articles",
            &arg(&dir.join("source.html")),
            "--format",
            "json",
            "--text",
        ]);
        assert_eq!(run.code, 0, "{page}: {}", run.stderr);
        let json = run.json();
        let got = word_bag(json[0]["text"].as_str().unwrap());
        let want = word_bag(&strip_tags(
            &std::fs::read_to_string(dir.join("expected.html")).unwrap(),
        ));
        let common: usize = want
            .iter()
            .map(|(w, n)| (*n).min(got.get(w).copied().unwrap_or(0)))
            .sum();
        let p = common as f64 / got.values().sum::<usize>() as f64;
        let r = common as f64 / want.values().sum::<usize>() as f64;
        let f1 = 2.0 * p * r / (p + r);
        assert!(f1 >= 0.95, "{page}: F1 {f1:.3} (p {p:.3}, r {r:.3})");
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join("expected-metadata.json")).unwrap(),
        )
        .unwrap();
        if page == "003-metadata-preferred" {
            // JSON-LD is absent; OpenGraph comes before Dublin Core in our
            // order, so the title is the og:title and the author the meta author.
            assert_eq!(json[0]["title"]["via"], "og:title");
            assert_eq!(json[0]["author"]["via"], "meta:author");
            assert!(expected["title"].is_string());
        }
        if page == "parsely-metadata" {
            assert_eq!(json[0]["author"]["value"], expected["byline"], "{page}");
        }
    }
}
