//! `citetrace fingerprint`: the first stage of staged copy detection — the
//! articles, their boilerplate marks and their reuse postings as Parquet.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use citetrace::reuse;
use citetrace::stage::{self, Params, Shard};

use super::common::{self, InputArgs, Outcome};

/// Arguments of `citetrace fingerprint`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Write this shard only: articles whose input position is K modulo N.
    /// Shards of one corpus can be written by separate runs (or machines).
    #[arg(long, value_name = "K/N", conflicts_with = "shards")]
    shard: Option<Shard>,
    /// Write all N shards in one run (one file per shard and table).
    #[arg(long, value_name = "N")]
    shards: Option<u32>,
    /// Directory for the tables (`articles/`, `marks/`, `postings/`) and `params.json`.
    #[arg(long, short = 'o', value_name = "DIR")]
    output: PathBuf,
}

/// Runs the command.
pub fn run(args: &Args) -> Result<Outcome> {
    let shards: Vec<Shard> = match (args.shard, args.shards) {
        (Some(s), _) => vec![s],
        (None, Some(0)) => bail!("--shards must be at least 1"),
        (None, Some(n)) => (0..n).map(|index| Shard { index, count: n }).collect(),
        (None, None) => vec![Shard::ALL],
    };
    // The whole corpus is read by every shard: stock text is learned across
    // it and fan-out ranks order all of it (docs/scale.md says what that costs).
    let (corpus, outcome) = args.input.read()?;
    let options = reuse::Options::default();
    let rank = reuse::ranks(&corpus.articles);
    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("cannot create {}", args.output.display()))?;
    let count = shards[0].count;
    Params::new(&options.index, corpus.articles.len(), count).write(&args.output)?;
    for shard in shards {
        let w = stage::tables::write_shard(
            &args.output,
            &corpus.articles,
            &rank,
            shard,
            &options.index,
        )?;
        common::say(&format!(
            "citetrace: shard {}/{}: {} articles, {} postings, {} marks, {} bytes",
            shard.index, shard.count, w.articles, w.postings, w.marks, w.bytes
        ));
    }
    Ok(outcome)
}
