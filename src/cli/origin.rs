//! `citetrace origin`: where a claim or quote first appears, and how it spread.

use std::fmt::Write as _;
use std::io::Write;

use anyhow::{Result, bail};
use citetrace::analysis::Analysis;
use citetrace::desk::origin::{self, Carrier, ClaimIndex, Credit, Trace};
use citetrace::graph::credited::Via;
use citetrace::reuse;

use super::common::{self, InputArgs, Outcome};
use super::output::{Format, OutputArgs, formats};

formats!(OriginFormat: Table, Json, Claimreview);

/// Arguments of `citetrace origin`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The claim or quote to trace, as remembered (paraphrase is fine).
    #[arg(value_name = "TEXT")]
    text: String,
    #[command(flatten)]
    input: InputArgs,
    /// Most candidates to list.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    #[command(flatten)]
    output: OutputArgs<OriginFormat>,
}

fn where_(c: &Carrier) -> String {
    format!("{} @{}-{}", c.label, c.span.start, c.span.end)
}

/// The corpus articles a credit can be, each with why when the graph
/// resolves the cited report to it ("004: the report is this article").
/// At most [`SHOWN_SOURCES`] of them; the JSON lists all.
fn corpus_list(c: &Credit) -> String {
    let mut list = c
        .corpus_articles
        .iter()
        .enumerate()
        .take(SHOWN_SOURCES)
        .map(|(k, id)| match c.via.get(k) {
            Some(v @ Via::ResolvesTo) => format!("{id}: {}", v.describe()),
            _ => id.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let more = c.corpus_articles.len().saturating_sub(SHOWN_SOURCES);
    if more > 0 {
        let _ = write!(list, " and {more} more");
    }
    list
}

/// How many of a credited source's corpus articles the table names.
const SHOWN_SOURCES: usize = 5;

fn write_table(out: &mut dyn Write, t: &Trace) -> Result<()> {
    let clean = |s: &str| common::preview(&s.replace(char::is_control, " "), 160);
    let Some(first) = &t.earliest else {
        writeln!(out, "No article in the corpus carries this claim.")?;
        return Ok(());
    };
    writeln!(out, "Earliest: {}", clean(&where_(first)))?;
    writeln!(out, "  “{}”", clean(&first.span.text))?;
    for c in &t.credits {
        let who = match (&c.entity, &c.source) {
            (Some(e), _) => e.name.clone(),
            (None, Some(s)) => s.text.clone(),
            (None, None) => "an unnamed source".into(),
        };
        let note = if c.vague {
            "a vague source; the claim's origin is not identified".to_string()
        } else if c.outside_corpus {
            "not in the corpus: the claim originates outside it".to_string()
        } else if c.source_carries_claim {
            format!("in the corpus ({})", corpus_list(c))
        } else if c.via.contains(&Via::ResolvesTo) {
            format!(
                "in the corpus ({}), but its text here does not carry this claim: not found in the source as read",
                corpus_list(c)
            )
        } else {
            format!(
                "in the corpus ({}), but no article of it here carries this claim: the credited text is outside the corpus",
                corpus_list(c)
            )
        };
        writeln!(out, "  credits {}: {note}", clean(&who))?;
    }
    if !t.spread.is_empty() {
        writeln!(out, "Spread:")?;
    }
    for s in &t.spread {
        writeln!(out, "  {}", clean(&where_(&s.carrier)))?;
        writeln!(out, "    “{}”", clean(&s.carrier.span.text))?;
        writeln!(out, "    ← {}", clean(&s.detail))?;
    }
    writeln!(out, "Candidates (best first):")?;
    let mut table = citetrace::export::table::Table::new(["score", "article", "sentence"]);
    for c in &t.candidates {
        table.row([
            format!("{:.2}", c.score),
            where_(c),
            common::preview(&c.span.text, 90),
        ]);
    }
    table.max_width = 120;
    table.write(out)?;
    Ok(())
}

/// Runs the command.
pub fn run(args: &Args) -> Result<Outcome> {
    let format = args.output.format(Format::Table)?;
    if args.text.split_whitespace().count() == 0 {
        bail!("give the claim or quote to trace");
    }
    if let Some(db) = &args.input.db {
        // From the stored claim index: the corpus is not loaded.
        let file = citetrace::store::CaseFile::open(db, false)?;
        let stored = file.trace(&args.text, args.limit.max(1))?;
        let url_of = |id: &str| {
            stored
                .articles
                .get(id)
                .and_then(|a| a.meta.url.as_ref().map(|u| u.value.clone()))
        };
        return write(args, format, &stored.trace, &url_of).map(|()| Outcome::Complete);
    }
    // Attributions of the whole corpus (entity ids merged across it); copy
    // detection and the provenance graph on the claim's neighbourhood.
    let (corpus, outcome) = args.input.read()?;
    let analysis = Analysis::attributed(corpus);
    let index = ClaimIndex::build(&analysis.corpus.articles);
    let trace = origin::answer(
        &analysis,
        &index,
        &args.text,
        args.limit,
        &reuse::Options::default(),
    );
    let url_of = |id: &str| {
        analysis
            .corpus
            .articles
            .iter()
            .find(|a| a.id == id)
            .and_then(|a| a.meta.url.as_ref().map(|u| u.value.clone()))
    };
    write(args, format, &trace, &url_of)?;
    Ok(outcome)
}

/// Writes the trace in the chosen format.
fn write(
    args: &Args,
    format: Format,
    trace: &Trace,
    url_of: &dyn Fn(&str) -> Option<String>,
) -> Result<()> {
    let mut out = args.output.writer()?;
    match format {
        Format::Json => common::write_json(&mut out, trace)?,
        Format::Claimreview => common::write_json(
            &mut out,
            &citetrace::export::claimreview::claim_review(trace, url_of),
        )?,
        _ => write_table(&mut out, trace)?,
    }
    out.flush()?;
    Ok(())
}
