//! `citetrace add` and `--db`: the case file answers as the in-memory run,
//! adds are incremental and versioned, and the file survives kills and
//! concurrent writers.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use citetrace::reuse::synth::{SynthOptions, generate};
use citetrace::store::CaseFile;

use crate::util::{citetrace, seeds};

fn db_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("case.db")
}

fn add(inputs: &[&Path], db: &Path) -> serde_json::Value {
    let mut args: Vec<std::ffi::OsString> = vec!["add".into()];
    args.extend(inputs.iter().map(|p| p.as_os_str().to_owned()));
    args.extend(["--db".into(), db.as_os_str().to_owned()]);
    args.extend(["--format".into(), "json".into()]);
    citetrace(args).json()
}

/// Writes `n` synthetic articles (seeded, no corpus text) as JSON Lines.
fn synthetic(path: &Path, n: usize, seed: u64) {
    use std::io::Write;
    let corpus = generate(&SynthOptions {
        articles: n,
        seed,
        ..SynthOptions::default()
    });
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for a in &corpus.articles {
        let record = serde_json::json!({
            "id": format!("s{seed}-{}", a.id),
            "date": a.date().map(|d| d.to_string()),
            "text": a.text.as_str(),
        });
        serde_json::to_writer(&mut out, &record).unwrap();
        out.write_all(b"\n").unwrap();
    }
}

fn stored_ids(db: &Path) -> Vec<String> {
    let file = CaseFile::open(db, false).unwrap();
    file.integrity_check().unwrap();
    file.corpus()
        .unwrap()
        .articles
        .into_iter()
        .map(|a| a.id)
        .collect()
}

#[test]
fn add_then_every_view_equals_the_in_memory_run() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    let summary = add(&[&seeds()], &db);
    assert_eq!(summary["added"].as_array().unwrap().len(), 5);
    let seeds = seeds();
    let seeds = seeds.to_str().unwrap();
    let db = db.to_str().unwrap();
    let claim = "Hamas spoke at a Mirpur conference comparing Gaza and Kashmir";
    for view in [
        vec!["report", "--format", "json"],
        vec!["report", "--format", "markdown"],
        vec!["copies", "--format", "json", "--relations"],
        vec!["graph"],
        vec!["graph", "--format", "json"],
        vec!["quotes", "--format", "json"],
        vec!["articles", "--format", "json"],
        vec!["attributions", "--format", "json"],
        vec!["origin", claim, "--format", "json"],
    ] {
        let memory = citetrace(view.iter().copied().chain([seeds]));
        let stored = citetrace(view.iter().copied().chain(["--db", db]));
        assert!(!memory.ok().is_empty(), "{view:?}");
        assert_eq!(memory.ok(), stored.ok(), "{view:?} differs from --db");
    }
}

#[test]
fn re_adding_is_a_no_op_and_a_changed_text_is_a_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for entry in std::fs::read_dir(seeds()).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, corpus.join(p.file_name().unwrap())).unwrap();
    }
    add(&[&corpus], &db);
    let report = |db: &Path| {
        citetrace(["report", "--format", "json", "--db", db.to_str().unwrap()])
            .ok()
            .to_string()
    };
    let before = report(&db);
    let again = add(&[&corpus], &db);
    assert_eq!(again["unchanged"], 5);
    assert!(again["added"].as_array().unwrap().is_empty());
    assert_eq!(again["compared"], 0);
    assert_eq!(report(&db), before);

    // Change one article's text: a new version, the old one kept.
    let mut names: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let target = &names[0];
    let mut text = std::fs::read_to_string(target).unwrap();
    text.push_str("\n\nA correction was appended to this story later.\n");
    std::fs::write(target, text).unwrap();
    let changed = add(&[&corpus], &db);
    assert_eq!(changed["updated"].as_array().unwrap().len(), 1);
    assert_eq!(changed["unchanged"], 4);
    let id = changed["updated"][0].as_str().unwrap().to_string();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let versions: Vec<(i64, i64)> = conn
        .prepare("SELECT version, current FROM article WHERE id = ?1 ORDER BY version")
        .unwrap()
        .query_map([&id], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(versions, [(1, 0), (2, 1)]);
    // The views follow the new text, as an in-memory run on the folder does.
    let memory = citetrace(["report", "--format", "json", corpus.to_str().unwrap()]);
    assert_eq!(report(&db), memory.ok());
    let texts = citetrace([
        "articles",
        "--text",
        "--format",
        "json",
        "--db",
        db.to_str().unwrap(),
    ])
    .json();
    let stored = texts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id.as_str())
        .unwrap();
    assert!(
        stored["text"]
            .as_str()
            .unwrap()
            .contains("A correction was appended")
    );
}

#[test]
fn an_add_killed_midway_leaves_the_last_committed_state() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    add(&[&seeds()], &db);
    let before = stored_ids(&db);
    let big = dir.path().join("big.jsonl");
    synthetic(&big, 3000, 7);
    let mut child = Command::new(env!("CARGO_BIN_EXE_citetrace"))
        .args(["add", big.to_str().unwrap(), "--db", db.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once it holds the write lock (the add's transaction is open),
    // or after a while if the lock is not seen.
    let start = Instant::now();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.busy_timeout(Duration::ZERO).unwrap();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        let locked = conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;").is_err();
        if locked || start.elapsed() > Duration::from_secs(120) {
            break;
        }
    }
    drop(conn);
    std::thread::sleep(Duration::from_millis(100));
    let still_running = child.try_wait().unwrap().is_none();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(still_running, "the add finished before it could be killed");
    // The file opens, passes the integrity check and holds what it held.
    assert_eq!(stored_ids(&db), before);
    let memory = citetrace(["copies", "--format", "json", seeds().to_str().unwrap()]);
    let stored = citetrace(["copies", "--format", "json", "--db", db.to_str().unwrap()]);
    assert_eq!(stored.ok(), memory.ok());
    // And the next add works.
    let small = dir.path().join("small.jsonl");
    synthetic(&small, 20, 8);
    let summary = add(&[&small], &db);
    assert_eq!(summary["added"].as_array().unwrap().len(), 20);
    assert_eq!(stored_ids(&db).len(), 25);
}

#[test]
fn two_adds_at_once_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl");
    synthetic(&a, 150, 1);
    synthetic(&b, 150, 2);
    let spawn = |input: &Path| {
        Command::new(env!("CARGO_BIN_EXE_citetrace"))
            .args(["add", input.to_str().unwrap(), "--db", db.to_str().unwrap()])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (x, y) = (spawn(&a), spawn(&b));
    for child in [x, y] {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert_eq!(stored_ids(&db).len(), 300);
}

#[test]
fn a_foreign_or_corrupt_file_gets_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(
        &junk,
        "this is not a database, just some text\n".repeat(200),
    )
    .unwrap();
    let run = citetrace(["report", "--db", junk.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("not a citetrace case file"),
        "{}",
        run.stderr
    );
    let run = citetrace([
        "add",
        seeds().to_str().unwrap(),
        "--db",
        junk.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("not a citetrace case file"),
        "{}",
        run.stderr
    );

    let foreign = dir.path().join("other.sqlite");
    let conn = rusqlite::Connection::open(&foreign).unwrap();
    conn.execute_batch("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('a');")
        .unwrap();
    drop(conn);
    let run = citetrace(["copies", "--db", foreign.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("another application"), "{}", run.stderr);

    // A case file whose pages were damaged.
    let db = db_in(&dir);
    add(&[&seeds()], &db);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    drop(conn);
    let mut bytes = std::fs::read(&db).unwrap();
    let len = bytes.len();
    for b in &mut bytes[4096..len.min(4096 * 6)] {
        *b = 0x5a;
    }
    std::fs::write(&db, bytes).unwrap();
    let run = citetrace(["report", "--db", db.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("case file"), "{}", run.stderr);

    let missing = dir.path().join("missing.db");
    let run = citetrace(["graph", "--db", missing.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no such file"), "{}", run.stderr);
}

#[test]
fn origin_from_the_case_file_writes_claim_review() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    add(&[&seeds()], &db);
    let claim = "Hamas spoke at a Mirpur conference comparing Gaza and Kashmir";
    let review = citetrace([
        "origin",
        claim,
        "--db",
        db.to_str().unwrap(),
        "--format",
        "claimreview",
    ])
    .json();
    let trace = citetrace([
        "origin",
        claim,
        "--format",
        "json",
        seeds().to_str().unwrap(),
    ])
    .json();
    assert_eq!(review["@type"], "ClaimReview");
    let item = &review["itemReviewed"];
    assert_eq!(item["@type"], "Claim");
    assert_eq!(
        item["firstAppearance"]["identifier"],
        trace["earliest"]["article"]
    );
    let appearances = item["appearance"].as_array().unwrap();
    assert_eq!(
        appearances.len(),
        1 + trace["spread"].as_array().unwrap().len()
    );
}

/// Prose from a small vocabulary, seeded: `words` words in sentences, no
/// corpus text.
fn prose(seed: u64, words: usize) -> String {
    const VOCAB: &[&str] = &[
        "the",
        "council",
        "said",
        "budget",
        "river",
        "would",
        "open",
        "bridge",
        "after",
        "years",
        "of",
        "delay",
        "and",
        "residents",
        "asked",
        "for",
        "a",
        "new",
        "school",
        "near",
        "market",
        "mayor",
        "plans",
        "road",
        "water",
        "board",
        "voted",
        "against",
        "park",
        "its",
        "city",
        "north",
        "district",
        "funds",
        "report",
        "week",
        "public",
        "hearing",
        "costs",
        "rose",
    ];
    let mut x = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut out = String::new();
    for i in 0..words {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let w = VOCAB[((x >> 33) as usize) % VOCAB.len()];
        if i % 12 == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push_str(w);
        }
        // A sprinkle of numbers and names keeps the sentences apart.
        if i % 12 == 5 {
            out.push(' ');
            out.push_str(&((x >> 40) % 997).to_string());
        }
        out.push_str(if i % 12 == 11 { ".\n" } else { " " });
    }
    out.trim_end().to_string() + "."
}

/// Writes one JSON Lines file of articles (id, outlet, date, text).
fn write_articles(path: &Path, articles: &[(String, &str, String, String)]) {
    use std::fmt::Write;
    let mut out = String::new();
    for (id, outlet, date, text) in articles {
        let record = serde_json::json!({"id": id, "outlet": outlet, "date": date, "text": text});
        writeln!(out, "{record}").unwrap();
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn several_adds_answer_as_one_add_and_as_the_in_memory_run() {
    // A note the Gazette drops under its stories: two stories in each half
    // of the corpus, so it is stock text only over both halves. A wire
    // story with its rewrites, split the same way, and more copies of it
    // than fan-out pairs among themselves once both halves are in.
    let line = |seed: u64| prose(seed, 24).replace('\n', " ");
    let note = format!("Editor's note: {}\n{}\n{}", line(900), line(901), line(902));
    let wire = prose(500, 180);
    let mut first = Vec::new();
    let mut second = Vec::new();
    for i in 0..4u64 {
        let text = format!("{}\n{note}\n{}", prose(10 + i, 120), prose(20 + i, 120));
        let record = (
            format!("gazette-{i}"),
            "Gazette",
            format!("2024-03-{:02}", 1 + i),
            text,
        );
        if i < 2 {
            first.push(record);
        } else {
            second.push(record);
        }
    }
    for i in 0..80u64 {
        let text = format!("{}\n{wire}\n{}", prose(1000 + i, 30), prose(2000 + i, 20));
        let record = (
            format!("site{i:02}"),
            if i % 3 == 0 { "Daily" } else { "Courier" },
            format!("2024-04-{:02}", 1 + i % 28),
            text,
        );
        if i % 2 == 0 {
            first.push(record);
        } else {
            second.push(record);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    write_articles(&a, &first);
    write_articles(&b, &second);
    let two = dir.path().join("two.db");
    let one = dir.path().join("one.db");
    add(&[&a], &two);
    let later = add(&[&b], &two);
    assert!(
        later["restocked"].as_u64().unwrap() >= 2,
        "the first half's Gazette stories are redone: {later}"
    );
    add(&[&a, &b], &one);
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    for view in [
        vec!["copies", "--format", "json", "--relations"],
        vec!["quotes", "--format", "json"],
        vec!["report", "--format", "json"],
        vec!["articles", "--format", "json"],
    ] {
        let memory = citetrace(view.iter().copied().chain([a, b]));
        assert!(!memory.ok().is_empty(), "{view:?}");
        for db in [&one, &two] {
            let stored = citetrace(view.iter().copied().chain(["--db", db.to_str().unwrap()]));
            assert_eq!(memory.ok(), stored.ok(), "{view:?} --db {}", db.display());
        }
    }
    // The note is stock text, and the wire story's copies are found.
    let articles = citetrace([
        "articles",
        "--format",
        "json",
        "--db",
        two.to_str().unwrap(),
    ]);
    assert!(articles.ok().contains("Gazette repeats this line in 4"));
    let copies = citetrace(["copies", "--format", "json", "--db", two.to_str().unwrap()]).json();
    assert!(copies.as_array().unwrap().len() >= 10, "{copies}");
}
