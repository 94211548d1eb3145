//! `citetrace align`: the last stage of staged copy detection — aligns the
//! candidate pairs a distributed join selected and writes copy pairs in the
//! contract of `copies`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};
use citetrace::reuse::{self, Signals};

use super::common::{InputArgs, Outcome};
use super::output::{Format, OutputArgs, formats};

formats!(AlignFormat: Table, Json, Jsonl, Csv);

/// Arguments of `citetrace align`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directory of candidate pairs (Parquet) written by the candidate join
    /// (`scripts/candidate_join.py`).
    #[arg(long, value_name = "DIR")]
    pairs: PathBuf,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: OutputArgs<AlignFormat>,
    /// Also list house reuse and shared quotations, as `copies --relations` does.
    #[arg(long)]
    relations: bool,
    /// Align this part only: the connected components of the candidate graph
    /// whose smallest article ordinal is K modulo N. Parts can run on
    /// separate machines; together they give every pair once (each part's
    /// output is sorted, so merge them by origin and copy).
    #[arg(long, value_name = "K/N")]
    part: Option<citetrace::stage::Shard>,
}

/// Runs the command.
pub fn run(args: &Args) -> Result<Outcome> {
    let format = args.output.format(Format::Jsonl)?;
    let mut rows = citetrace::stage::pairs::read_pairs(&args.pairs)?;
    if let Some(part) = args.part {
        let roots = citetrace::stage::pairs::component_roots(&rows);
        let mut keep = roots.into_iter().map(|root| part.holds(root));
        rows.retain(|_| keep.next().unwrap_or(false));
    }
    let (corpus, outcome) = args.input.read()?;
    let articles = &corpus.articles;
    let mut candidates: Vec<((usize, usize), Signals)> = Vec::with_capacity(rows.len());
    for r in rows {
        let (Some(a), Some(b)) = (articles.get(r.a), articles.get(r.b)) else {
            bail!(
                "pair {}–{} names article {} but {} articles were read: were the pairs made from these inputs?",
                r.a_id,
                r.b_id,
                r.a.max(r.b),
                articles.len()
            );
        };
        if a.id != r.a_id || b.id != r.b_id {
            bail!(
                "pair {}–{} does not match the inputs (article {} is {}, article {} is {}): read the inputs, in the order, given to `fingerprint`",
                r.a_id,
                r.b_id,
                r.a,
                a.id,
                r.b,
                b.id
            );
        }
        if r.a != r.b {
            candidates.push(((r.a, r.b), r.signals));
        }
    }
    // Direction evidence needs every article's attributions, entities merged
    // across the corpus, exactly as `copies` computes them.
    let (attributions, _) = citetrace::attribution::extract_corpus(articles);
    let options = reuse::Options {
        progress: true,
        ..reuse::Options::default()
    };
    let all = reuse::align_candidates(articles, &attributions, &candidates, &options);
    let mut out = args.output.writer()?;
    super::copies::write_reuse(&mut *out, format, args.relations, &all)?;
    out.flush()?;
    Ok(outcome)
}
