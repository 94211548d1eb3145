//! `citetrace articles` on the seeds and on bad input.

use crate::util::{arg, citetrace, seeds};

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
fn missing_path_is_reported_and_exit_code_is_2() {
    let run = citetrace(["articles", "no/such/file.txt"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no/such/file.txt"), "{}", run.stderr);
}
