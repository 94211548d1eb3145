//! `citetrace quotes`: every direct quote, verified against the corpus.

use std::io::Write;

use anyhow::Result;
use citetrace::attribution::{self, Attribution};
use citetrace::desk::diff;
use citetrace::desk::locate::Locator;
use citetrace::desk::quotes::{self, Occurrence, QuoteCheck};
use rayon::prelude::*;

use super::common::{self, Format, InputArgs, Outcome, OutputArgs};

/// Arguments of `citetrace quotes`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: OutputArgs,
}

fn place(o: &Occurrence) -> String {
    let outlet = o.outlet.as_deref().unwrap_or("unknown outlet");
    let date = match (o.date, o.date_is_floor) {
        (Some(d), false) => d.to_string(),
        (Some(d), true) => format!("≥{d}"),
        (None, _) => "undated".into(),
    };
    format!(
        "{} ({outlet}, {date}) @{}-{}",
        o.article, o.span.start, o.span.end
    )
}

fn row(c: &QuoteCheck, width: Option<usize>) -> Vec<String> {
    let cut = |s: &str| width.map_or_else(|| s.to_string(), |w| common::preview(s, w));
    vec![
        c.article.clone(),
        format!("{}-{}", c.quote.start, c.quote.end),
        c.status.name().to_string(),
        cut(&c.quote.text),
        c.credited
            .as_ref()
            .map(|e| e.name.clone())
            .unwrap_or_default(),
        c.against.as_ref().map(place).unwrap_or_default(),
        place(&c.earliest),
        if c.diff.is_empty() {
            String::new()
        } else {
            cut(&diff::inline(&c.diff))
        },
    ]
}

/// Runs the command.
pub fn run(args: &Args) -> Result<Outcome> {
    let format = args.output.format(
        Format::Table,
        &[Format::Table, Format::Json, Format::Jsonl, Format::Csv],
    )?;
    let (corpus, outcome) = args.input.read()?;
    let attributions: Vec<Vec<Attribution>> = corpus
        .articles
        .par_iter()
        .map(attribution::extract)
        .collect();
    let locator = Locator::new(&corpus.articles);
    let checks = quotes::check_all(&corpus.articles, &attributions, &locator);
    let mut out = args.output.writer()?;
    match format {
        Format::Json => common::write_json(&mut out, &checks)?,
        Format::Jsonl => common::write_jsonl(&mut out, &checks)?,
        Format::Csv | Format::Table => {
            let headers = [
                "article",
                "span",
                "status",
                "quote",
                "credited",
                "checked against",
                "earliest",
                "diff",
            ];
            if format == Format::Csv {
                citetrace::export::csv::write_rows(
                    &mut out,
                    &headers,
                    checks.iter().map(|c| row(c, None)),
                )?;
            } else {
                let mut table = citetrace::export::table::Table::new(headers);
                for c in &checks {
                    table.row(row(c, Some(70)));
                }
                table.max_width = 70;
                table.write(&mut out)?;
            }
        }
        _ => unreachable!("checked by OutputArgs::format"),
    }
    out.flush()?;
    Ok(outcome)
}
