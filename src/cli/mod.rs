//! The command line: argument parsing, dispatch and exit codes.
//!
//! One file per command; each defines its `Args` and a `run` that returns
//! whether every input was read. Exit codes (documented in `docs/cli.md`):
//! 0 success, 1 some inputs could not be read (the rest were processed),
//! 2 usage error or a failure that stopped the command.

mod add;
mod align;
mod articles;
mod attributions;
mod common;
mod copies;
mod eval;
mod fingerprint;
mod graph;
mod origin;
mod output;
mod quotes;
mod report;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// citetrace: trace who said what first, and who copied whom, in a pile of news articles.
#[derive(Debug, Parser)]
#[command(name = "citetrace", version, about, long_about = None, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Add articles to a case file (a database), comparing only what is new.
    Add(add::Args),
    /// List the articles read, with their metadata (given or inferred).
    Articles(articles::Args),
    /// Every attribution: cue, source, content, and the entity the source means.
    Attributions(attributions::Args),
    /// Pairs of articles that share text, with direction and aligned passages.
    Copies(copies::Args),
    /// Staged copy detection, stage 1: articles and reuse postings as Parquet.
    Fingerprint(fingerprint::Args),
    /// Staged copy detection, stage 3: align joined candidate pairs into copy pairs.
    Align(align::Args),
    /// The provenance graph of articles, outlets, reports and people.
    Graph(graph::Args),
    /// Every direct quote, verified against the corpus.
    Quotes(quotes::Args),
    /// Where a claim or quote first appears, and how it spread.
    Origin(origin::Args),
    /// A self-contained HTML (or Markdown) report for the desk.
    Report(report::Args),
    /// Measure citetrace against hand-annotated data.
    #[command(subcommand)]
    Eval(eval::Command),
}

/// Parses arguments, runs the command, and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Add(args) => add::run(&args),
        Command::Articles(args) => articles::run(&args),
        Command::Attributions(args) => attributions::run(&args),
        Command::Copies(args) => copies::run(&args),
        Command::Fingerprint(args) => fingerprint::run(&args),
        Command::Align(args) => align::run(&args),
        Command::Graph(args) => graph::run(&args),
        Command::Quotes(args) => quotes::run(&args),
        Command::Origin(args) => origin::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Eval(command) => eval::run(&command),
    };
    match result {
        Ok(common::Outcome::Complete) => ExitCode::SUCCESS,
        Ok(common::Outcome::SomeInputsFailed) => ExitCode::from(1),
        Err(err) if common::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            common::say(&format!("citetrace: {err:#}"));
            ExitCode::from(2)
        }
    }
}
