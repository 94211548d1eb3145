//! `citetrace attributions`: every attribution, with its source resolved.

use std::io::Write;

use anyhow::Result;
use citetrace::attribution::{self, Attribution, Channel};
use citetrace::span::Span;
use serde::Serialize;

use super::common::{self, InputArgs, Outcome};
use super::output::{Format, OutputArgs, formats};

formats!(AttributionsFormat: Table, Json, Jsonl, Csv);

/// Arguments of `citetrace attributions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Also find stances, beliefs, plans and perceptions ("wants", "is
    /// expected to", "seemed") with the learned cue model: PolNeAR's wider
    /// notion of attribution. Those records have `"basis": "model"`.
    #[arg(long)]
    broad: bool,
    #[command(flatten)]
    output: OutputArgs<AttributionsFormat>,
}

/// One attribution as written: the library record plus its channel.
#[derive(Debug, Serialize)]
struct Record<'a> {
    #[serde(flatten)]
    attribution: &'a Attribution,
    #[serde(skip_serializing_if = "Option::is_none")]
    channel: Option<&'a Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    channel_entity: Option<&'a citetrace::entities::EntityRef>,
}

/// The JSON document: attributions and the merged entities they refer to.
#[derive(Debug, Serialize)]
struct Document<'a> {
    attributions: &'a [Record<'a>],
    entities: &'a [citetrace::entities::Entity],
}

fn kebab<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn source_cell(a: &Attribution, channel: Option<&Channel>) -> String {
    let mention = a.source.as_ref().map_or("—", |s| s.text.as_str());
    let target = match (&a.entity, a.vague) {
        (Some(e), _) => format!("{} [{}]", e.name, e.id),
        (None, true) => "(vague)".to_string(),
        (None, false) => "?".to_string(),
    };
    let mut cell = format!("{} → {target}", common::preview(mention, 30));
    if let Some(ch) = channel {
        cell.push_str(" via ");
        cell.push_str(&common::preview(&ch.span.text, 20));
    }
    cell
}

fn content_text(a: &Attribution) -> String {
    a.content
        .iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join(" … ")
}

/// Runs the command.
pub fn run(args: &Args) -> Result<Outcome> {
    let format = args.output.format(Format::Table)?;
    let (corpus, outcome) = args.input.read()?;
    let scope = if args.broad {
        attribution::Scope::Broad
    } else {
        attribution::Scope::Reported
    };
    let (attributions, channels, registry) =
        attribution::extract_corpus_in(&corpus.articles, scope);
    // Per article (the one shape), listed in article then text order.
    let listed = || {
        attributions
            .iter()
            .zip(&channels)
            .flat_map(|(a, c)| a.iter().zip(c))
    };
    let records: Vec<Record> = listed()
        .map(|(a, c)| Record {
            attribution: a,
            channel: c.as_ref().map(|c| &c.span),
            channel_entity: c.as_ref().and_then(|c| c.entity.as_ref()),
        })
        .collect();
    let mut out = args.output.writer()?;
    match format {
        Format::Jsonl => common::write_jsonl(&mut out, &records)?,
        Format::Json => common::write_json(
            &mut out,
            &Document {
                attributions: &records,
                entities: registry.entities(),
            },
        )?,
        Format::Csv => {
            let headers = [
                "article",
                "cue_start",
                "cue_end",
                "cue",
                "source_start",
                "source_end",
                "source",
                "entity_id",
                "entity_name",
                "entity_kind",
                "vague",
                "quote",
                "channel",
                "content",
                "basis",
            ];
            let rows = listed().map(|(a, ch)| {
                let (ss, se, st) = a.source.as_ref().map_or_else(
                    || (String::new(), String::new(), String::new()),
                    |s| (s.start.to_string(), s.end.to_string(), s.text.clone()),
                );
                vec![
                    a.article.clone(),
                    a.cue.start.to_string(),
                    a.cue.end.to_string(),
                    a.cue.text.clone(),
                    ss,
                    se,
                    st,
                    a.entity.as_ref().map(|e| e.id.clone()).unwrap_or_default(),
                    a.entity
                        .as_ref()
                        .map(|e| e.name.clone())
                        .unwrap_or_default(),
                    a.entity
                        .as_ref()
                        .map(|e| kebab(&e.kind))
                        .unwrap_or_default(),
                    a.vague.to_string(),
                    kebab(&a.quote),
                    ch.as_ref().map(|c| c.span.text.clone()).unwrap_or_default(),
                    content_text(a),
                    kebab(&a.basis),
                ]
            });
            citetrace::export::csv::write_rows(&mut out, &headers, rows)?;
        }
        Format::Table => {
            let mut table = citetrace::export::table::Table::new([
                "article",
                "cue",
                "source → entity",
                "quote",
                "content",
            ]);
            table.max_width = 70;
            for (a, ch) in listed() {
                // A cue only the learned model found is marked with "~".
                let marker = if a.basis == attribution::Basis::Model {
                    "~"
                } else {
                    ""
                };
                table.row([
                    a.article.clone(),
                    format!("{marker}{}", common::preview(&a.cue.text, 20)),
                    source_cell(a, ch.as_ref()),
                    kebab(&a.quote),
                    common::preview(&content_text(a), 50),
                ]);
            }
            table.write(&mut out)?;
        }
        _ => unreachable!("checked by OutputArgs::format"),
    }
    out.flush()?;
    Ok(outcome)
}
