//! `citetrace quotes`: every direct quote, verified against the corpus.

use std::io::Write;

use anyhow::Result;
use citetrace::quotes::diff;
use citetrace::quotes::{Occurrence, QuoteCheck};
use citetrace::reuse;

use super::common::{self, InputArgs, Outcome};
use super::output::{Format, OutputArgs, formats};

formats!(QuotesFormat: Table, Json, Jsonl, Csv);

/// Arguments of `citetrace quotes`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: OutputArgs<QuotesFormat>,
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
        c.speaker.clone().unwrap_or_default(),
        c.against.as_ref().map(place).unwrap_or_default(),
        c.coverage
            .zip(c.similarity)
            .map(|(cov, sim)| format!("{cov:.2}/{sim:.2}"))
            .unwrap_or_default(),
        if c.diff.is_empty() {
            String::new()
        } else {
            cut(&diff::inline(&c.diff))
        },
        cut(&c.why),
        place(&c.earliest),
    ]
}

/// Runs the command.
pub fn run(args: &Args) -> Result<Outcome> {
    let output = &args.output;
    let format = output.format(Format::Table)?;
    // Attributions with entities merged across the corpus (one speaker, one
    // id) and copy pairs (a quote may come from an article its own copies).
    let options = reuse::Options {
        progress: true,
        ..reuse::Options::default()
    };
    let (analysis, outcome) = args.input.analysis(&options)?;
    // The same checks the graph and the report hold (computed once).
    let checks = analysis.quote_checks();
    let mut out = output.writer()?;
    match format {
        Format::Json => common::write_json(&mut out, checks)?,
        Format::Jsonl => common::write_jsonl(&mut out, checks)?,
        Format::Csv | Format::Table => {
            let headers = [
                "article",
                "span",
                "status",
                "quote",
                "speaker",
                "checked against",
                "coverage/similarity",
                "diff",
                "why",
                "earliest",
            ];
            if format == Format::Csv {
                citetrace::export::csv::write_rows(
                    &mut out,
                    &headers,
                    checks.iter().map(|c| row(c, None)),
                )?;
            } else {
                let mut table = citetrace::export::table::Table::new(headers);
                for c in checks {
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
