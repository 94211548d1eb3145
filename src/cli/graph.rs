//! `citetrace graph`: the provenance graph of articles, outlets, reports and
//! people, with its analyses (origins, most copied/cited, circular reporting,
//! citation laundering, vague sources, house reuse, shared quotes, quote
//! verdicts), in a summary table, DOT, JSON,
//! GraphML, CSV (nodes.csv + edges.csv) or Mermaid.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use citetrace::export;
use citetrace::graph::{EdgeKind, ProvenanceGraph, analysis};

use super::common::{InputArgs, Outcome};
use super::output::{Format, OutputArgs, formats};

formats!(GraphFormat: Table, Json, Dot, Graphml, Csv, Mermaid);

/// Which edges to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Only {
    /// Shared text only: copies, house reuse, shared quotes.
    Copies,
    /// Citations, quotations, resolved reports and quote checks only.
    Citations,
}

/// What the nodes stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LevelArg {
    /// One node per article.
    Article,
    /// Articles collapsed into their outlets (edge weights are counts).
    Outlet,
}

/// Arguments of `citetrace graph`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: OutputArgs<GraphFormat>,
    /// Show only the neighbourhood of this article (or node id).
    #[arg(long, value_name = "ID")]
    article: Option<String>,
    /// With --article: how many edges away to go.
    #[arg(long, value_name = "N", default_value_t = 2, requires = "article")]
    depth: usize,
    /// Keep only copy edges, or only citation edges (metadata edges stay).
    #[arg(long, value_enum)]
    only: Option<Only>,
    /// Drop copy pairs scoring below this (0.0–1.0).
    #[arg(long, value_name = "SCORE", default_value_t = 0.0)]
    min_score: f64,
    /// Collapse articles into outlets.
    #[arg(long, value_enum, default_value = "article")]
    level: LevelArg,
    /// How many entries each ranking lists.
    #[arg(long, value_name = "N", default_value_t = 10)]
    top: usize,
}

/// Runs the command.
pub fn run(args: &Args) -> Result<Outcome> {
    let format = args.output.format(Format::Table)?;
    if !(0.0..=1.0).contains(&args.min_score) {
        bail!(
            "--min-score must be between 0 and 1, not {}",
            args.min_score
        );
    }
    if format == Format::Csv && args.output.file().is_none() {
        bail!(
            "--format csv writes two files (nodes.csv and edges.csv): give a directory with -o DIR"
        );
    }
    let reuse_options = citetrace::reuse::Options {
        min_score: args.min_score,
        progress: true,
        ..citetrace::reuse::Options::default()
    };
    let (analysis, outcome) = args.input.analysis(&reuse_options)?;
    let built = ProvenanceGraph::build(&analysis);
    let min = args.min_score;
    // What counts as a copy is decided before any analysis; the view options
    // below only cut the picture.
    let full = if min > 0.0 {
        built.filter(|_, _, e| e.kind() != EdgeKind::Copies || e.score().unwrap_or(0.0) >= min)
    } else {
        built
    };
    let findings = analysis::run(&full, args.top);
    let mut view = match args.only {
        Some(Only::Copies) => {
            full.filter(|_, _, e| !e.kind().is_provenance() || e.kind().is_reuse())
        }
        Some(Only::Citations) => full.filter(|_, _, e| !e.kind().is_reuse()),
        None => full,
    };
    if let Some(id) = &args.article {
        view = view.neighbourhood(id, args.depth)?;
    }
    if args.level == LevelArg::Outlet {
        view = view.collapse_outlets();
    }
    // The whole graph needs no restricting (a copy of every finding).
    let whole = args.only.is_none() && args.article.is_none() && args.level == LevelArg::Article;
    let mut findings = if whole {
        findings
    } else {
        findings.restrict(&view)
    };
    if args.level == LevelArg::Outlet {
        // Circular reporting between outlets only shows once they are nodes.
        findings.cycles = analysis::cycles(&view);
    }

    if format == Format::Csv {
        let dir = args.output.file().unwrap_or(Path::new("."));
        export::graph_csv::write_dir(dir, &view, Some(&findings))
            .with_context(|| format!("cannot write CSV to {}", dir.display()))?;
        return Ok(outcome);
    }
    let mut out = args.output.writer()?;
    match format {
        Format::Table => export::graph_table::write(&mut out, &view, &findings)?,
        Format::Json => export::graph_json::write(&mut out, &view, Some(&findings))?,
        Format::Dot => export::dot::write(&mut out, &view, Some(&findings))?,
        Format::Graphml => export::graphml::write(&mut out, &view, Some(&findings))?,
        Format::Mermaid => export::mermaid::write(&mut out, &view, Some(&findings))?,
        _ => unreachable!("checked by OutputArgs::format"),
    }
    out.flush()?;
    // The process ends here: freeing millions of small allocations one by
    // one would only add seconds to a large run.
    std::mem::forget((analysis, view, findings));
    Ok(outcome)
}
