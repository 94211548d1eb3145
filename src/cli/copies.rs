//! `citetrace copies`: pairs of articles that share text, with direction and passages.

use std::io::Write;

use anyhow::{Result, bail};
use citetrace::reuse::{self, CopyPair, Reuse, SharedQuote, Tier};

use super::common::{self, InputArgs, Outcome};
use super::output::{Format, OutputArgs, formats};

formats!(CopiesFormat: Table, Json, Jsonl, Csv);

/// Arguments of `citetrace copies`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: OutputArgs<CopiesFormat>,
    /// Drop pairs scoring below this (0.0–1.0).
    #[arg(long, value_name = "SCORE", default_value_t = 0.0)]
    min_score: f64,
    /// Keep only these tiers (repeat or separate with commas).
    #[arg(long, value_enum, value_delimiter = ',')]
    tier: Vec<TierArg>,
    /// Also list the relations below copy claims: house reuse (an outlet
    /// recycling passages across its own stories) and shared quotations (two
    /// articles quoting the same speaker). JSON becomes an object with the
    /// lists `copies`, `house` and `shared_quotes`; tables and CSV gain a
    /// `relation` column.
    #[arg(long)]
    relations: bool,
}

/// A tier on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum TierArg {
    Verbatim,
    NearVerbatim,
    Paraphrase,
}

impl TierArg {
    fn tier(self) -> Tier {
        match self {
            TierArg::Verbatim => Tier::Verbatim,
            TierArg::NearVerbatim => Tier::NearVerbatim,
            TierArg::Paraphrase => Tier::Paraphrase,
        }
    }
}

fn tier_name(tier: Tier) -> &'static str {
    match tier {
        Tier::Verbatim => "verbatim",
        Tier::NearVerbatim => "near-verbatim",
        Tier::Paraphrase => "paraphrase",
    }
}

/// One CSV/table row per pair.
fn row(p: &CopyPair, max_preview: usize) -> Vec<String> {
    let first = p.passages.first();
    vec![
        p.origin.clone(),
        p.copy.clone(),
        if p.directed { "yes" } else { "no" }.to_string(),
        tier_name(p.tier).to_string(),
        format!("{:.3}", p.score),
        p.passages.len().to_string(),
        first.map_or_else(String::new, |x| format!("{}-{}", x.copy.start, x.copy.end)),
        first.map_or_else(String::new, |x| common::preview(&x.copy.text, max_preview)),
        p.evidence.join(" | "),
    ]
}

/// One CSV/table row per shared quotation (`a` and `b` in the origin and copy columns).
fn quote_row(q: &SharedQuote, max_preview: usize) -> Vec<String> {
    let first = q.passages.first();
    vec![
        q.a.clone(),
        q.b.clone(),
        "no".to_string(),
        String::new(),
        String::new(),
        q.passages.len().to_string(),
        first.map_or_else(String::new, |x| format!("{}-{}", x.copy.start, x.copy.end)),
        first.map_or_else(String::new, |x| common::preview(&x.copy.text, max_preview)),
        q.evidence.join(" | "),
    ]
}

/// Every row with its relation in front, copy claims first.
fn relation_rows(all: &Reuse, max_preview: usize) -> Vec<Vec<String>> {
    let tagged = |tag: &str, mut r: Vec<String>| {
        r.insert(0, tag.to_string());
        r
    };
    all.copies
        .iter()
        .map(|p| tagged("copy", row(p, max_preview)))
        .chain(
            all.house
                .iter()
                .map(|p| tagged("house-reuse", row(p, max_preview))),
        )
        .chain(
            all.shared_quotes
                .iter()
                .map(|q| tagged("shared-quote", quote_row(q, max_preview))),
        )
        .collect()
}

/// Runs the command.
pub fn run(args: &Args) -> Result<Outcome> {
    let format = args.output.format(Format::Table)?;
    if !(0.0..=1.0).contains(&args.min_score) {
        bail!("--min-score must be between 0 and 1");
    }
    let options = reuse::Options {
        min_score: args.min_score,
        progress: true,
        ..reuse::Options::default()
    };
    let (analysis, outcome) = args.input.analysis(&options)?;
    let tiers: Vec<Tier> = args.tier.iter().map(|t| t.tier()).collect();
    let keep = |p: &CopyPair| tiers.is_empty() || tiers.contains(&p.tier);
    let mut all = Reuse {
        copies: analysis.copies,
        house: analysis.house,
        shared_quotes: analysis.shared_quotes,
    };
    all.copies.retain(keep);
    all.house.retain(keep);
    let mut out = args.output.writer()?;
    write_reuse(&mut *out, format, args.relations, &all)?;
    out.flush()?;
    Ok(outcome)
}

/// Writes the pairs in `format` (table, JSON, JSON Lines or CSV), with house
/// reuse and shared quotations when `relations`: the output contract of
/// `copies`, which `align` (the staged path) writes too.
pub(super) fn write_reuse(
    out: &mut dyn Write,
    format: Format,
    relations: bool,
    all: &Reuse,
) -> Result<()> {
    let headers = [
        "origin",
        "copy",
        "directed",
        "tier",
        "score",
        "passages",
        "first_copy_span",
        "first_passage",
        "evidence",
    ];
    let mut with_relation = vec!["relation"];
    with_relation.extend(headers);
    match (format, relations) {
        (Format::Json, false) => common::write_json(out, &all.copies)?,
        (Format::Json, true) => common::write_json(out, &all)?,
        (Format::Jsonl, false) => common::write_jsonl(out, &all.copies)?,
        (Format::Jsonl, true) => {
            // One object per line, each tagged with its relation.
            let tag = |relation: &str, v: serde_json::Value| {
                let mut v = v;
                if let Some(o) = v.as_object_mut() {
                    o.insert("relation".into(), relation.into());
                }
                v
            };
            let mut rows: Vec<serde_json::Value> = Vec::new();
            for p in &all.copies {
                rows.push(tag("copy", serde_json::to_value(p)?));
            }
            for p in &all.house {
                rows.push(tag("house-reuse", serde_json::to_value(p)?));
            }
            for q in &all.shared_quotes {
                rows.push(tag("shared-quote", serde_json::to_value(q)?));
            }
            common::write_jsonl(out, &rows)?;
        }
        (Format::Csv, false) => citetrace::export::csv::write_rows(
            &mut *out,
            &headers,
            all.copies.iter().map(|p| row(p, usize::MAX)),
        )?,
        (Format::Csv, true) => citetrace::export::csv::write_rows(
            &mut *out,
            &with_relation,
            relation_rows(all, usize::MAX),
        )?,
        (Format::Table, relations) => {
            let mut table = if relations {
                let mut t = citetrace::export::table::Table::new(with_relation.clone());
                for r in relation_rows(all, 50) {
                    t.row(r);
                }
                t
            } else {
                let mut t = citetrace::export::table::Table::new(headers);
                for p in &all.copies {
                    t.row(row(p, 50));
                }
                t
            };
            table.max_width = 80;
            table.write(&mut *out)?;
        }
        _ => unreachable!("checked by OutputArgs::format"),
    }
    Ok(())
}
