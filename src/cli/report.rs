//! `citetrace report`: one self-contained HTML (or Markdown) file for the desk;
//! `--format json` gives the whole report with every detail.

use std::io::Write;

use anyhow::Result;
use citetrace::desk::report::Report;
use citetrace::export::report::{html, markdown, svg};
use citetrace::graph::{ProvenanceGraph, analysis};
use citetrace::reuse;

use super::common::{InputArgs, Outcome};
use super::output::{Format, OutputArgs, formats};

formats!(ReportFormat: Html, Markdown, Json);

/// How to draw the provenance graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum GraphLayout {
    /// Graphviz when installed (and the graph is not huge), else built-in.
    Auto,
    /// Always citetrace's own layout.
    Builtin,
    /// Graphviz; the built-in layout if Graphviz is missing or fails.
    Graphviz,
}

/// Arguments of `citetrace report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Heading of the report.
    #[arg(long, default_value = "citetrace provenance report")]
    title: String,
    /// How to draw the graph.
    #[arg(long, value_enum, default_value_t = GraphLayout::Auto)]
    graph_layout: GraphLayout,
    #[command(flatten)]
    output: OutputArgs<ReportFormat>,
}

/// Runs the command.
pub fn run(args: &Args) -> Result<Outcome> {
    let format = args.output.format(Format::Html)?;
    let options = reuse::Options {
        progress: true,
        ..reuse::Options::default()
    };
    let (analysis, outcome) = args.input.analysis(&options)?;
    let graph = ProvenanceGraph::build(&analysis);
    let findings = analysis::run(&graph, usize::MAX);
    let report = Report::build(&analysis, &graph, &findings, &args.title);
    let mut out = args.output.writer()?;
    match format {
        Format::Markdown => markdown::write(&report, &mut out)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            out.write_all(b"\n")?;
        }
        _ => {
            let layout = match args.graph_layout {
                GraphLayout::Auto => svg::Layout::Auto,
                GraphLayout::Builtin => svg::Layout::Builtin,
                GraphLayout::Graphviz => svg::Layout::Graphviz,
            };
            html::write(&report, &analysis.corpus.articles, layout, &mut out)?;
        }
    }
    out.flush()?;
    Ok(outcome)
}
