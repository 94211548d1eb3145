//! The staged path (`fingerprint` → candidate join → `align`) finds the pairs
//! `copies` finds.
//!
//! Without Spark the candidate join is done here with the library's own index
//! (what `copies` does), so `fingerprint`'s tables and `align` are still
//! checked on every `cargo test`. With Spark (`pyspark` importable and `java`
//! on PATH) `scripts/staged-copies.sh` runs the real Spark join; CI sets
//! `CITETRACE_REQUIRE_SPARK=1` so a missing Spark fails instead of skipping.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Int32Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use citetrace::reuse::index::{self, Fingerprints};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use crate::util::{arg, citetrace, root, seeds};

/// A small generated corpus (with one story copied by 80 sites, past the
/// index's fan-out limit) as JSON Lines under `dir`.
fn generated(dir: &Path) -> std::path::PathBuf {
    let corpus = citetrace::reuse::synth::generate(&citetrace::reuse::synth::SynthOptions {
        articles: 400,
        seed: 7,
        fanout: 80,
        planted_quotes: 5,
        ..citetrace::reuse::synth::SynthOptions::default()
    });
    let path = dir.join("corpus.jsonl");
    let mut out = String::new();
    for a in &corpus.articles {
        let record = serde_json::json!({
            "id": a.id,
            "date": a.date().map(|d| d.to_string()),
            "text": a.text.as_str(),
        });
        out.push_str(&record.to_string());
        out.push('\n');
    }
    std::fs::write(&path, out).expect("write corpus");
    path
}

/// `copies --format jsonl` on `inputs`.
fn copies(inputs: &[String]) -> String {
    let mut args = vec!["copies".to_string()];
    args.extend(inputs.iter().cloned());
    args.extend(["--format".into(), "jsonl".into()]);
    citetrace(&args).ok().to_string()
}

/// Number of rows in every Parquet file of `dir`.
fn rows(dir: &Path) -> usize {
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("table dir") {
        let file = File::open(entry.expect("entry").path()).expect("open");
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .expect("parquet")
            .build()
            .expect("reader");
        n += reader.map(|b| b.expect("batch").num_rows()).sum::<usize>();
    }
    n
}

/// Candidate pairs as `copies` selects them, written in the join's layout.
fn write_library_pairs(articles: &[citetrace::article::Article], dir: &Path) {
    let options = citetrace::reuse::Options::default();
    let io = &options.index;
    let fps: Vec<Fingerprints> = articles.iter().map(|a| Fingerprints::of(a, io)).collect();
    let rank = citetrace::reuse::ranks(articles);
    let mut pairs: std::collections::BTreeMap<(u32, u32), (bool, bool)> =
        std::collections::BTreeMap::new();
    for c in index::candidates(
        articles.len(),
        |d| fps[d].text.clone(),
        &rank,
        io,
        io.min_shared_text,
    ) {
        pairs.entry((c.a, c.b)).or_default().0 = true;
    }
    for c in index::candidates(
        articles.len(),
        |d| fps[d].anchors.clone(),
        &rank,
        io,
        io.min_shared_anchors,
    ) {
        pairs.entry((c.a, c.b)).or_default().1 = true;
    }
    let schema = Arc::new(Schema::new(vec![
        Field::new("a", DataType::Int32, false),
        Field::new("b", DataType::Int32, false),
        Field::new("a_id", DataType::Utf8, false),
        Field::new("b_id", DataType::Utf8, false),
        Field::new("text", DataType::Boolean, false),
        Field::new("anchors", DataType::Boolean, false),
    ]));
    let id = |i: u32| articles[i as usize].id.as_str();
    let columns: Vec<ArrayRef> = vec![
        Arc::new(Int32Array::from_iter_values(
            pairs.keys().map(|k| i32::try_from(k.0).expect("ordinal")),
        )),
        Arc::new(Int32Array::from_iter_values(
            pairs.keys().map(|k| i32::try_from(k.1).expect("ordinal")),
        )),
        Arc::new(StringArray::from_iter_values(pairs.keys().map(|k| id(k.0)))),
        Arc::new(StringArray::from_iter_values(pairs.keys().map(|k| id(k.1)))),
        Arc::new(pairs.values().map(|v| Some(v.0)).collect::<BooleanArray>()),
        Arc::new(pairs.values().map(|v| Some(v.1)).collect::<BooleanArray>()),
    ];
    std::fs::create_dir_all(dir).expect("pairs dir");
    let file = File::create(dir.join("part-0.parquet")).expect("create");
    let mut w = parquet::arrow::ArrowWriter::try_new(file, schema.clone(), None).expect("writer");
    w.write(&RecordBatch::try_new(schema, columns).expect("batch"))
        .expect("write");
    w.close().expect("close");
}

fn read(inputs: &[String]) -> Vec<citetrace::article::Article> {
    let paths: Vec<std::path::PathBuf> = inputs.iter().map(Into::into).collect();
    citetrace::read::read_inputs(&paths, &citetrace::read::Options::default())
        .expect("read")
        .articles
}

#[test]
fn fingerprint_tables_are_deterministic_and_sharded() {
    let tmp = tempfile::tempdir().expect("tmp");
    let corpus = arg(&generated(tmp.path()));
    let one = tmp.path().join("one");
    let two = tmp.path().join("two");
    citetrace(["fingerprint", &corpus, "--shards", "3", "-o", &arg(&one)]).ok();
    citetrace(["fingerprint", &corpus, "--shards", "3", "-o", &arg(&two)]).ok();
    for table in ["articles", "marks", "postings"] {
        for k in 0..3 {
            let name = format!("part-{k:05}-of-00003.parquet");
            let a = std::fs::read(one.join(table).join(&name)).expect("shard file");
            let b = std::fs::read(two.join(table).join(&name)).expect("shard file");
            assert!(a == b, "{table}/{name} differs between two runs");
        }
    }
    // One shard at a time writes the same files.
    let single = tmp.path().join("single");
    citetrace([
        "fingerprint",
        &corpus,
        "--shard",
        "1/3",
        "-o",
        &arg(&single),
    ])
    .ok();
    let name = "part-00001-of-00003.parquet";
    assert_eq!(
        std::fs::read(single.join("postings").join(name)).expect("postings"),
        std::fs::read(one.join("postings").join(name)).expect("postings")
    );
    // Every article once; the postings are the index's.
    let articles = read(std::slice::from_ref(&corpus));
    assert_eq!(rows(&one.join("articles")), articles.len());
    let io = citetrace::reuse::index::IndexOptions::default();
    let expected: usize = articles
        .iter()
        .map(|a| {
            let f = Fingerprints::of(a, &io);
            f.text.len() + f.anchors.len()
        })
        .sum();
    assert_eq!(rows(&one.join("postings")), expected);
    let params: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(one.join("params.json")).expect("params"))
            .expect("json");
    assert_eq!(params["articles"], articles.len());
    assert_eq!(params["fanout_df"], io.fanout_df);
}

#[test]
fn align_on_the_index_candidates_equals_copies() {
    let tmp = tempfile::tempdir().expect("tmp");
    for inputs in [vec![arg(&seeds())], vec![arg(&generated(tmp.path()))]] {
        let pairs = tmp.path().join("pairs");
        let _ = std::fs::remove_dir_all(&pairs);
        write_library_pairs(&read(&inputs), &pairs);
        let mut args = vec!["align".to_string(), "--pairs".into(), arg(&pairs)];
        args.extend(inputs.iter().cloned());
        let staged = citetrace(&args).ok().to_string();
        let direct = copies(&inputs);
        assert!(!direct.is_empty());
        assert_eq!(staged, direct, "align differs from copies on {inputs:?}");
    }
}

#[test]
fn align_parts_together_equal_copies() {
    let tmp = tempfile::tempdir().expect("tmp");
    let inputs = vec![arg(&seeds()), arg(&generated(tmp.path()))];
    let pairs = tmp.path().join("pairs");
    write_library_pairs(&read(&inputs), &pairs);
    let mut lines: Vec<(String, String, String)> = Vec::new();
    let mut sizes = Vec::new();
    for part in ["0/3", "1/3", "2/3"] {
        let mut args = vec!["align".to_string(), "--pairs".into(), arg(&pairs)];
        args.extend(inputs.iter().cloned());
        args.extend(["--part".into(), part.into()]);
        let out = citetrace(&args).ok().to_string();
        sizes.push(out.lines().count());
        for line in out.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("json");
            let key = |k: &str| v[k].as_str().expect("id").to_string();
            lines.push((key("origin"), key("copy"), line.to_string()));
        }
    }
    assert!(sizes.iter().filter(|&&n| n > 0).count() >= 2, "{sizes:?}");
    lines.sort();
    let merged: String = lines.into_iter().map(|l| l.2 + "\n").collect();
    assert_eq!(merged, copies(&inputs));
}

#[test]
fn align_refuses_pairs_of_another_corpus() {
    let tmp = tempfile::tempdir().expect("tmp");
    let corpus = generated(tmp.path());
    let pairs = tmp.path().join("pairs");
    write_library_pairs(&read(&[arg(&corpus)]), &pairs);
    let run = citetrace(["align", "--pairs", &arg(&pairs), &arg(&seeds())]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("does not match the inputs"),
        "{}",
        run.stderr
    );
}

/// True when the Spark join can run here (`pyspark` and `java`).
fn spark_available() -> bool {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let pyspark = std::process::Command::new(&python)
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success());
    let java = std::process::Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    pyspark && java
}

#[test]
fn staged_path_with_spark_equals_copies() {
    if !spark_available() {
        assert!(
            std::env::var("CITETRACE_REQUIRE_SPARK").as_deref() != Ok("1"),
            "CITETRACE_REQUIRE_SPARK=1 but pyspark or java is missing"
        );
        eprintln!("staged_path_with_spark_equals_copies: skipped (no pyspark or java)");
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let generated = generated(tmp.path());
    // One run over both corpora as one: the seed story and 400 generated articles.
    let inputs = vec![arg(&seeds()), arg(&generated)];
    let out = tmp.path().join("staged");
    let status = std::process::Command::new("bash")
        .arg(root().join("scripts/staged-copies.sh"))
        .args(&inputs)
        .arg(&out)
        .env("CITETRACE", env!("CARGO_BIN_EXE_citetrace"))
        .env("SPARK_DRIVER_MEMORY", "1g")
        // Align in two parts (by connected component) and merge, as machines would.
        .env("ALIGN_PARTS", "2")
        .status()
        .expect("staged-copies.sh runs");
    assert!(status.success(), "staged-copies.sh failed");
    let staged = std::fs::read_to_string(out.join("pairs.jsonl")).expect("pairs.jsonl");
    let direct = copies(&inputs);
    assert!(direct.lines().count() > 10, "{direct}");
    assert_eq!(staged, direct, "the staged path differs from copies");
}
