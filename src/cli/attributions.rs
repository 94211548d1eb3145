//! `citetrace attributions`: every attribution, with its source resolved.

use std::io::Write;

use anyhow::Result;
use citetrace::attribution::{self, Attribution};
use serde::Serialize;

use super::common::{self, Format, InputArgs, Outcome, OutputArgs};

/// Arguments of `citetrace attributions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: OutputArgs,
}

/// The JSON document: attributions and the merged entities they refer to.
#[derive(Debug, Serialize)]
struct Document<'a> {
    attributions: &'a [Attribution],
    entities: &'a [citetrace::entities::Entity],
}

fn kebab<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn source_cell(a: &Attribution) -> String {
    let mention = a.source.as_ref().map_or("—", |s| s.text.as_str());
    let target = match (&a.entity, a.vague) {
        (Some(e), _) => format!("{} [{}]", e.name, e.id),
        (None, true) => "(vague)".to_string(),
        (None, false) => "?".to_string(),
    };
    let mut cell = format!("{} → {target}", common::preview(mention, 30));
    if let Some(ch) = &a.channel {
        cell.push_str(" via ");
        cell.push_str(&common::preview(&ch.text, 20));
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
    let format = args.output.format(
        Format::Table,
        &[Format::Table, Format::Json, Format::Jsonl, Format::Csv],
    )?;
    let (corpus, outcome) = args.input.read()?;
    let (attributions, registry) = attribution::extract_corpus(&corpus.articles);
    let mut out = args.output.writer()?;
    match format {
        Format::Jsonl => common::write_jsonl(&mut out, &attributions)?,
        Format::Json => common::write_json(
            &mut out,
            &Document {
                attributions: &attributions,
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
            ];
            let rows = attributions.iter().map(|a| {
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
                    a.channel
                        .as_ref()
                        .map(|c| c.text.clone())
                        .unwrap_or_default(),
                    content_text(a),
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
            for a in &attributions {
                table.row([
                    a.article.clone(),
                    common::preview(&a.cue.text, 20),
                    source_cell(a),
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
