//! Hostile inputs end to end: link loops, links out of the tree, FIFOs,
//! terminal escapes, a full stderr, `-o` naming an input, runaway articles.

use std::path::{Path, PathBuf};

use crate::util::{arg, citetrace};

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("citetrace-it-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write fixture");
}

const STORY: &str = "The ministry said on Monday that the talks would resume next week.\n\n\
                     Officials in the capital declined to comment on the report.";

#[cfg(unix)]
#[test]
fn loops_links_out_and_fifos_are_warned_about_and_the_rest_is_read() {
    use std::os::unix::fs::symlink;
    let dir = scratch("walk");
    let corpus = dir.join("corpus");
    let outside = dir.join("outside");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    write(&corpus.join("a.txt"), STORY);
    write(&outside.join("private.txt"), STORY);
    for name in ["l1", "l2", "l3"] {
        symlink(".", corpus.join(name)).unwrap();
    }
    symlink(&outside, corpus.join("ext")).unwrap();
    let fifo = corpus.join("pipe.txt");
    let has_fifo = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let run = citetrace(["articles", &arg(&corpus), "--format", "json"]);
    let ids: Vec<String> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a"], "{}", run.stderr);
    assert!(run.stderr.contains("not followed"), "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("already read").count(),
        3,
        "{}",
        run.stderr
    );
    if has_fifo {
        assert!(run.stderr.contains("a FIFO"), "{}", run.stderr);
    }
    let followed = citetrace(["articles", &arg(&corpus), "--follow", "--format", "json"]);
    assert_eq!(followed.json().as_array().unwrap().len(), 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = scratch("escape");
    let id = "x\u{1b}]0;owned\u{7}\u{1b}[2J";
    let line = serde_json::json!({"id": id, "text": STORY, "outlet": 5}).to_string();
    let feed = dir.join("feed.jsonl");
    write(&feed, &format!("{line}\n{line}\n"));
    for command in ["articles", "attributions", "graph", "copies"] {
        let run = citetrace([command, &arg(&feed)]);
        assert!(
            !run.stdout.contains('\u{1b}') && !run.stderr.contains('\u{1b}'),
            "{command}: raw ESC\n{}\n{}",
            run.stdout,
            run.stderr
        );
    }
    let run = citetrace(["articles", &arg(&feed)]);
    assert!(
        run.stderr.contains("field \"outlet\" (5)"),
        "{}",
        run.stderr
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_stderr_is_no_panic() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    let Ok(full) = full else { return };
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_citetrace"))
        .args(["articles", "no/such/a.txt", "no/such/b.txt"])
        .stdout(std::process::Stdio::null())
        .stderr(full)
        .status()
        .expect("runs");
    assert_eq!(
        status.code(),
        Some(2),
        "no article: exit 2, not a panic (101)"
    );
}

#[test]
fn output_never_overwrites_an_input_and_huge_limits_do_not_overflow() {
    let dir = scratch("output");
    let input = dir.join("a.txt");
    write(&input, STORY);
    let run = citetrace(["articles", &arg(&input), "-o", &arg(&input)]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("refusing to write"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&input).unwrap(), STORY);
    let run = citetrace([
        "articles",
        &arg(&input),
        "--max-bytes",
        "18446744073709551615",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_runaway_article_is_cut_to_the_budget_and_the_rest_is_read() {
    let dir = scratch("budget");
    // No sentence punctuation at all, and full of cues.
    write(
        &dir.join("big.txt"),
        &"officials said that the minister said ".repeat(30_000),
    );
    write(&dir.join("small.txt"), STORY);
    let run = citetrace([
        "attributions",
        &arg(&dir),
        "--max-article-bytes",
        "200000",
        "--format",
        "jsonl",
    ]);
    assert!(
        run.stderr.contains(
            "article big: text of 1140000 bytes is over the per-article budget of 200000 bytes"
        ),
        "{}",
        run.stderr
    );
    let records = run.jsonl();
    assert!(records.iter().any(|r| r["article"] == "small"));
    // Linear output: far below the square of the input.
    assert!(run.stdout.len() < 200_000 * 400, "{}", run.stdout.len());
    std::fs::remove_dir_all(&dir).unwrap();
}
