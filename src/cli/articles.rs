//! `citetrace articles`: what was read, with metadata and where it came from.

use std::io::Write;

use anyhow::Result;
use citetrace::article::{Article, Boilerplate, Credit, Date, Field, Metadata};
use serde::Serialize;

use super::common::{self, InputArgs, Outcome};
use super::output::{Format, OutputArgs, formats};

formats!(ArticlesFormat: Table, Json, Jsonl, Csv);

/// Arguments of `citetrace articles`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: OutputArgs<ArticlesFormat>,
    /// Include each article's text (as read; all spans index into it) in JSON and JSONL output.
    #[arg(long)]
    text: bool,
}

/// One article as listed (the JSON/JSONL record).
#[derive(Debug, Serialize)]
struct Record<'a> {
    id: &'a str,
    path: &'a str,
    words: usize,
    chars: usize,
    #[serde(flatten)]
    meta: &'a Metadata,
    boilerplate: &'a [Boilerplate],
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

fn record(article: &Article, with_text: bool) -> Record<'_> {
    Record {
        id: &article.id,
        path: &article.path,
        words: article.word_count(),
        chars: article.text.char_len(),
        meta: &article.meta,
        boilerplate: &article.boilerplate,
        text: with_text.then(|| article.text.as_str()),
    }
}

fn value(field: Option<&Field<String>>) -> String {
    field.map(|f| f.value.clone()).unwrap_or_default()
}

fn via<T>(field: Option<&Field<T>>) -> String {
    field.map(|f| f.via.clone()).unwrap_or_default()
}

fn date_cell(field: Option<&Field<Date>>) -> String {
    field.map_or_else(String::new, |f| format!("{} ({})", f.value, f.via))
}

fn credits_cell(credits: &[Credit]) -> String {
    credits
        .iter()
        .map(|c| match &c.agency {
            Some(a) => format!("{a} ({})", kebab(&c.kind)),
            None => kebab(&c.kind),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn kebab<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Runs the command.
pub fn run(args: &Args) -> Result<Outcome> {
    let format = args.output.format(Format::Table)?;
    let (corpus, outcome) = args.input.read()?;
    let mut out = args.output.writer()?;
    let records: Vec<Record> = corpus
        .articles
        .iter()
        .map(|a| record(a, args.text))
        .collect();
    match format {
        Format::Json => common::write_json(&mut out, &records)?,
        Format::Jsonl => common::write_jsonl(&mut out, &records)?,
        Format::Csv => {
            let headers = [
                "id",
                "path",
                "outlet",
                "outlet_via",
                "date",
                "date_via",
                "date_floor",
                "place",
                "author",
                "affiliation",
                "title",
                "url",
                "language",
                "words",
                "credits",
                "boilerplate",
            ];
            let rows = corpus.articles.iter().map(|a| {
                let m = &a.meta;
                vec![
                    a.id.clone(),
                    a.path.clone(),
                    value(m.outlet.as_ref()),
                    via(m.outlet.as_ref()),
                    m.date
                        .as_ref()
                        .map(|d| d.value.to_string())
                        .unwrap_or_default(),
                    via(m.date.as_ref()),
                    m.date_floor
                        .as_ref()
                        .map(|d| d.value.to_string())
                        .unwrap_or_default(),
                    value(m.place.as_ref()),
                    value(m.author.as_ref()),
                    value(m.affiliation.as_ref()),
                    value(m.title.as_ref()),
                    value(m.url.as_ref()),
                    value(m.language.as_ref()),
                    a.word_count().to_string(),
                    credits_cell(&m.credits),
                    a.boilerplate.len().to_string(),
                ]
            });
            citetrace::export::csv::write_rows(&mut out, &headers, rows)?;
        }
        Format::Table => {
            let headers = [
                "id", "outlet", "date", "author", "title", "words", "credits",
            ];
            let mut table = citetrace::export::table::Table::new(headers);
            for a in &corpus.articles {
                let m = &a.meta;
                let author = match (&m.author, &m.affiliation) {
                    (Some(au), Some(af)) => format!("{} ({})", au.value, af.value),
                    (Some(au), None) => au.value.clone(),
                    (None, _) => String::new(),
                };
                table.row(vec![
                    a.id.clone(),
                    value(m.outlet.as_ref()),
                    date_cell(m.date.as_ref()),
                    author,
                    value(m.title.as_ref()),
                    a.word_count().to_string(),
                    credits_cell(&m.credits),
                ]);
            }
            table.write(&mut out)?;
        }
        _ => unreachable!("checked by OutputArgs::format"),
    }
    out.flush()?;
    Ok(outcome)
}
