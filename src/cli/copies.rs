//! `citetrace copies`: pairs of articles that share text, with direction and passages.

use std::io::Write;

use anyhow::{Result, bail};
use citetrace::reuse::{self, CopyPair, Tier};

use super::common::{self, Format, InputArgs, Outcome, OutputArgs};

/// Arguments of `citetrace copies`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: OutputArgs,
    /// Drop pairs scoring below this (0.0–1.0).
    #[arg(long, value_name = "SCORE", default_value_t = 0.0)]
    min_score: f64,
    /// Keep only these tiers (repeat or separate with commas).
    #[arg(long, value_enum, value_delimiter = ',')]
    tier: Vec<TierArg>,
}

/// A tier on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum TierArg {
    Verbatim,
    NearVerbatim,
    Paraphrase,
}

impl TierArg {
    fn tier(self) -> Tier {
        match self {
            TierArg::Verbatim => Tier::Verbatim,
            TierArg::NearVerbatim => Tier::NearVerbatim,
            TierArg::Paraphrase => Tier::Paraphrase,
        }
    }
}

fn tier_name(tier: Tier) -> &'static str {
    match tier {
        Tier::Verbatim => "verbatim",
        Tier::NearVerbatim => "near-verbatim",
        Tier::Paraphrase => "paraphrase",
    }
}

/// One CSV/table row per pair.
fn row(p: &CopyPair, max_preview: usize) -> Vec<String> {
    let first = p.passages.first();
    vec![
        p.origin.clone(),
        p.copy.clone(),
        if p.directed { "yes" } else { "no" }.to_string(),
        tier_name(p.tier).to_string(),
        format!("{:.3}", p.score),
        p.passages.len().to_string(),
        first.map_or_else(String::new, |x| format!("{}-{}", x.copy.start, x.copy.end)),
        first.map_or_else(String::new, |x| common::preview(&x.copy.text, max_preview)),
        p.evidence.join(" | "),
    ]
}

/// Runs the command.
pub fn run(args: &Args) -> Result<Outcome> {
    let format = args.output.format(
        Format::Table,
        &[Format::Table, Format::Json, Format::Jsonl, Format::Csv],
    )?;
    if !(0.0..=1.0).contains(&args.min_score) {
        bail!("--min-score must be between 0 and 1");
    }
    let (corpus, outcome) = args.input.read()?;
    let attributions: Vec<_> = {
        use rayon::prelude::*;
        corpus
            .articles
            .par_iter()
            .map(citetrace::attribution::extract)
            .collect()
    };
    let options = reuse::Options {
        min_score: args.min_score,
        progress: true,
        ..reuse::Options::default()
    };
    let tiers: Vec<Tier> = args.tier.iter().map(|t| t.tier()).collect();
    let pairs: Vec<CopyPair> = reuse::detect(&corpus.articles, &attributions, &options)
        .into_iter()
        .filter(|p| tiers.is_empty() || tiers.contains(&p.tier))
        .collect();
    let mut out = args.output.writer()?;
    let headers = [
        "origin",
        "copy",
        "directed",
        "tier",
        "score",
        "passages",
        "first_copy_span",
        "first_passage",
        "evidence",
    ];
    match format {
        Format::Json => common::write_json(&mut out, &pairs)?,
        Format::Jsonl => common::write_jsonl(&mut out, &pairs)?,
        Format::Csv => citetrace::export::csv::write_rows(
            &mut out,
            &headers,
            pairs.iter().map(|p| row(p, usize::MAX)),
        )?,
        Format::Table => {
            let mut table = citetrace::export::table::Table::new(headers);
            for p in &pairs {
                table.row(row(p, 50));
            }
            table.max_width = 80;
            table.write(&mut out)?;
        }
        _ => unreachable!("checked by OutputArgs::format"),
    }
    out.flush()?;
    Ok(outcome)
}
