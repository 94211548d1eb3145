//! `citetrace eval`: measure citetrace against hand-annotated data.

use std::io::Write;

use anyhow::Result;
use citetrace::eval;
use serde::Serialize;

use super::common::{self, Outcome};
use super::output::{Format, OutputArgs, formats};

formats!(EvalFormat: Table, Json, Csv);

/// What to evaluate.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Score attributions against brat standoff gold (PolNeAR's format).
    Attributions(AttributionsArgs),
}

/// Arguments of `citetrace eval attributions`.
#[derive(Debug, clap::Args)]
pub struct AttributionsArgs {
    /// Directory of article texts (`*.txt`).
    #[arg(long, value_name = "DIR")]
    text: std::path::PathBuf,
    /// Directory of brat `.ann` files (`stem.ann` or `stem_<annotator>.ann`;
    /// with several annotators the first in sorted order is used).
    #[arg(long, value_name = "DIR")]
    ann: std::path::PathBuf,
    /// Score the broad scope: also the stances, beliefs and plans the
    /// learned cue model finds (see `citetrace attributions --broad`).
    #[arg(long)]
    broad: bool,
    #[command(flatten)]
    output: OutputArgs<EvalFormat>,
}

#[derive(Serialize)]
struct Row {
    measure: &'static str,
    #[serde(rename = "match")]
    how: eval::Match,
    gold: usize,
    predicted: usize,
    matched: usize,
    precision: f64,
    recall: f64,
    f1: f64,
}

#[derive(Serialize)]
struct Json {
    documents: usize,
    unannotated: Vec<String>,
    measures: Vec<Row>,
}

/// Runs the command.
pub fn run(command: &Command) -> Result<Outcome> {
    let Command::Attributions(args) = command;
    let format = args.output.format(Format::Table)?;
    let scope = if args.broad {
        citetrace::attribution::Scope::Broad
    } else {
        citetrace::attribution::Scope::Reported
    };
    let report = eval::evaluate(&args.text, &args.ann, scope)?;
    let rows: Vec<Row> = report
        .scores
        .rows()
        .into_iter()
        .map(|(measure, how, c)| Row {
            measure,
            how,
            gold: c.gold,
            predicted: c.predicted,
            matched: c.matched,
            precision: round(c.precision()),
            recall: round(c.recall()),
            f1: round(c.f1()),
        })
        .collect();
    let mut out = args.output.writer()?;
    let cells = |r: &Row| {
        vec![
            r.measure.to_string(),
            match r.how {
                eval::Match::Exact => "exact".into(),
                eval::Match::Overlap => "overlap".into(),
            },
            r.gold.to_string(),
            r.predicted.to_string(),
            r.matched.to_string(),
            format!("{:.3}", r.precision),
            format!("{:.3}", r.recall),
            format!("{:.3}", r.f1),
        ]
    };
    let headers = [
        "measure",
        "match",
        "gold",
        "predicted",
        "matched",
        "precision",
        "recall",
        "f1",
    ];
    match format {
        Format::Json => common::write_json(
            &mut out,
            &Json {
                documents: report.documents,
                unannotated: report.unannotated.clone(),
                measures: rows,
            },
        )?,
        Format::Csv => {
            citetrace::export::csv::write_rows(&mut out, &headers, rows.iter().map(cells))?;
        }
        _ => {
            let mut table = citetrace::export::table::Table::new(headers);
            for r in &rows {
                table.row(cells(r));
            }
            table.write(&mut out)?;
            writeln!(out, "{} documents scored", report.documents)?;
        }
    }
    out.flush()?;
    Ok(Outcome::Complete)
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
