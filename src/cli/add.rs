//! `citetrace add`: add articles to a case file, incrementally.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use citetrace::read;
use citetrace::store::{AddOptions, CaseFile};

use super::common::{self, InputArgs, InputFormat, Outcome};
use super::output::{Format, OutputArgs, formats};

formats!(AddFormat: Table, Json);

/// Arguments of `citetrace add`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories to read (.txt .md .html .htm .json .jsonl); `-` reads stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// The case file (one database file); created when missing.
    #[arg(long, value_name = "FILE", required = true)]
    db: PathBuf,
    /// Manifest (CSV or JSON keyed by article id) that sets or overrides metadata.
    #[arg(long, value_name = "FILE")]
    meta: Option<PathBuf>,
    /// Largest file to read, in bytes (for JSON Lines: largest record).
    #[arg(long, value_name = "BYTES", default_value_t = read::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Format of stdin and of files whose extension names none (default: told from the content).
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputFormat>,
    /// Per-article budget, in bytes of text (a longer article is cut, with a warning).
    #[arg(long, value_name = "BYTES", default_value_t = read::DEFAULT_MAX_ARTICLE_BYTES)]
    max_article_bytes: usize,
    /// Follow symbolic links that lead out of the folders named as inputs.
    #[arg(long)]
    follow: bool,
    #[command(flatten)]
    output: OutputArgs<AddFormat>,
}

/// Runs the command.
pub fn run(args: &Args) -> Result<Outcome> {
    let format = args.output.format(Format::Table)?;
    let input = InputArgs {
        inputs: args.inputs.clone(),
        db: None,
        meta: args.meta.clone(),
        max_bytes: args.max_bytes,
        input_format: args.input_format,
        max_article_bytes: args.max_article_bytes,
        follow: args.follow,
    };
    let (corpus, outcome) = input.read()?;
    let mut file = CaseFile::open(&args.db, true)?;
    let summary = file.add(&corpus.articles, &AddOptions::default())?;
    let total = file.article_count()?;
    let mut out = args.output.writer()?;
    match format {
        Format::Json => common::write_json(&mut out, &summary)?,
        _ => writeln!(
            out,
            "{}: {} added, {} updated (new version), {} unchanged; {} stored redone (stock text changed); {} pairs compared, {} share text; {} articles in the case file",
            args.db.display(),
            summary.added.len(),
            summary.updated.len(),
            summary.unchanged,
            summary.restocked,
            summary.compared,
            summary.found,
            total
        )?,
    }
    out.flush()?;
    Ok(outcome)
}
