//! Metadata read from the text itself, as a desk editor would.
//!
//! When a file carries no metadata (wire copy pasted into a `.txt`), the text
//! usually still says where it came from: a dateline ("Washington, Jan 22
//! (IANS)"), a credit tail ("–IANS"), a syndication disclaimer, an explicit
//! date line, an author's biography line. [`infer`] reads those, each value a
//! [`Field::inferred`](crate::article::Field::inferred) with its evidence span
//! and a confidence, and never overrides a value the file or the manifest
//! gave. It also marks boilerplate (credit tails, "Also read", "Comments are
//! closed.", disclaimers, headings) — marked, never cut, so offsets stay true.
//!
//! The rules live in one file each: [`boilerplate`], [`credits`],
//! [`dateline`] (datelines and explicit date lines), [`date_floor`] and
//! [`author`]. All of them look at whole lines ([`Line`]); only the date
//! floor and syndication checks scan the whole text, with cheap prefilters, so
//! inference keeps up with reading.

pub mod author;
pub mod boilerplate;
pub mod credits;
pub mod date_floor;
pub mod dateline;
pub mod file_date;
pub mod stock;

use crate::article::{Article, Boilerplate, BoilerplateKind, Field};
use crate::span::Span;

/// A trimmed, non-empty line of the text, as byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Byte offset of the first non-blank character.
    pub start: usize,
    /// Byte offset one past the last non-blank character.
    pub end: usize,
}

impl Line {
    /// The line's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// The trimmed non-empty lines of `text`.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let lead = raw.len() - raw.trim_start().len();
        let body = raw.trim();
        if !body.is_empty() {
            out.push(Line {
                start: at + lead,
                end: at + lead + body.len(),
            });
        }
        at += raw.len();
    }
    out
}

/// Work in progress for one article: byte-range marks collected by the rules.
///
/// Marks never overlap and stay sorted by start, so [`Marks::overlaps`] is a
/// binary search — inference calls it for every line.
#[derive(Debug, Default)]
pub struct Marks {
    /// Boilerplate found so far: kind and byte range, sorted, disjoint.
    pub boilerplate: Vec<(BoilerplateKind, usize, usize)>,
}

impl Marks {
    /// Marks a byte range as boilerplate of `kind`; a range overlapping an
    /// earlier mark is ignored (the first rule to claim text keeps it).
    pub fn mark(&mut self, kind: BoilerplateKind, start: usize, end: usize) {
        if start >= end || self.overlaps(start, end) {
            return;
        }
        let at = self.boilerplate.partition_point(|&(_, s, _)| s < start);
        self.boilerplate.insert(at, (kind, start, end));
    }

    /// True when the byte range `[start, end)` overlaps a mark.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        let i = self.boilerplate.partition_point(|&(_, _, e)| e <= start);
        self.boilerplate.get(i).is_some_and(|&(_, s, _)| s < end)
    }
}

/// The span of a byte range of the article text.
pub(crate) fn span_of(article: &Article, start: usize, end: usize) -> Span {
    article.span(article.text.range_of_bytes(start, end))
}

/// An inferred field with evidence at a byte range.
pub(crate) fn field<T>(
    article: &Article,
    value: T,
    via: &str,
    start: usize,
    end: usize,
    confidence: f32,
) -> Field<T> {
    Field::inferred(value, via, span_of(article, start, end), confidence)
}

/// Infers missing metadata and marks boilerplate in `article`.
///
/// Given and manifest values are never overridden; existing boilerplate marks
/// are kept and new ones added, sorted by start.
pub fn infer(article: &mut Article) {
    let text_owned = std::mem::take(&mut article.text);
    let text = text_owned.as_str();
    let lines = lines(text);
    let mut marks = Marks::default();

    // Credits first: tails and disclaimers are boilerplate the other rules skip.
    let credits = credits::find(text, &lines, &mut marks);
    let bio = author::find(text, &lines, &mut marks);
    boilerplate::find(text, &lines, &mut marks);
    boilerplate::find_formulas(text, &lines, &mut marks);
    let explicit = dateline::find_date_line(text, &lines);
    let dateline = dateline::find(text, &lines, explicit.map(|d| d.end));
    let floor = date_floor::find(text, &lines, &marks);

    article.text = text_owned;
    let text = article.text.as_str();

    // Title: a headline-like first line, when the file gave none.
    if article.meta.title.is_none() {
        if let Some((s, e)) = boilerplate::title_line(text, &lines, &marks) {
            let title = text[s..e].to_string();
            article.meta.title = Some(field(article, title, "first-line", s, e, 0.6));
            marks.mark(BoilerplateKind::Heading, s, e);
        }
    }

    // Date floor, then the publication date.
    if article.meta.date_floor.is_none() {
        if let Some(f) = &floor {
            article.meta.date_floor = Some(field(
                article,
                f.date,
                "date-floor",
                f.start,
                f.end,
                f.confidence,
            ));
        }
    }
    let floor_date = article.meta.date_floor.as_ref().map(|f| f.value);
    if article.meta.date.is_none() {
        if let Some(d) = explicit {
            article.meta.date = Some(field(article, d.date, "date-line", d.start, d.end, 0.95));
        } else if let Some(dl) = &dateline {
            if let Some((date, via, conf)) = dl.resolve_date(floor_date) {
                article.meta.date = Some(field(article, date, via, dl.start, dl.end, conf));
            }
        }
    }
    // A date in the URL path or file name is the publisher's or the
    // archive's: it replaces a date guessed from the text, never a given one.
    let url = article.meta.url.as_ref().map(|u| u.value.as_str());
    if let Some(named) = file_date::infer(&article.path, url) {
        if file_date::may_replace(article.meta.date.as_ref(), floor_date, named.value) {
            article.meta.date = Some(named);
        }
    }

    // Place and outlet from the dateline; outlet otherwise from credits.
    if let Some(dl) = &dateline {
        if article.meta.place.is_none() {
            let place = dl.place.clone();
            article.meta.place = Some(field(
                article,
                place,
                "dateline",
                dl.place_start,
                dl.place_end,
                0.85,
            ));
        }
    }
    if article.meta.outlet.is_none() {
        let from_dateline = dateline
            .as_ref()
            .and_then(|dl| dl.agency.map(|a| (a, "dateline", dl.start, dl.end, 0.9)));
        let from_credit = || {
            credits.iter().find_map(|c| {
                let agency = c.agency?;
                let (via, conf) = match c.kind {
                    crate::article::CreditKind::Tail => ("credit-tail", 0.85),
                    crate::article::CreditKind::AgencyFeed => ("agency-feed", 0.7),
                    _ => return None,
                };
                Some((agency, via, c.start, c.end, conf))
            })
        };
        if let Some((agency, via, s, e, conf)) = from_dateline.or_else(from_credit) {
            article.meta.outlet = Some(field(article, agency.to_string(), via, s, e, conf));
        }
    }

    // Credits: the dateline's agency first, then the others in text order.
    let mut new_credits = Vec::new();
    if let Some(dl) = &dateline {
        if let Some(agency) = dl.agency {
            new_credits.push(crate::article::Credit {
                kind: crate::article::CreditKind::Dateline,
                agency: Some(agency.to_string()),
                evidence: span_of(article, dl.start, dl.end),
            });
        }
    }
    for c in &credits {
        new_credits.push(crate::article::Credit {
            kind: c.kind,
            agency: c.agency.map(str::to_string),
            evidence: span_of(article, c.start, c.end),
        });
    }
    article.meta.credits.extend(new_credits);

    // Author and affiliation from a biography line or byline.
    if let Some(b) = &bio {
        if article.meta.author.is_none() {
            let name = text[b.name.0..b.name.1].to_string();
            article.meta.author = Some(field(article, name, b.via, b.start, b.end, b.confidence));
        }
        if article.meta.affiliation.is_none() {
            if let Some((s, e)) = b.org {
                let org = text[s..e].to_string();
                article.meta.affiliation =
                    Some(field(article, org, b.via, b.start, b.end, b.confidence));
            }
        }
    }

    // Boilerplate marks, as spans, sorted and without duplicates.
    let mut found: Vec<Boilerplate> = marks
        .boilerplate
        .iter()
        .map(|&(kind, s, e)| Boilerplate {
            kind,
            span: span_of(article, s, e),
            reason: (kind == BoilerplateKind::Formula)
                .then(|| text.get(s..e).and_then(boilerplate::formula_reason))
                .flatten()
                .map(str::to_string),
        })
        .collect();
    article.boilerplate.append(&mut found);
    article
        .boilerplate
        .sort_by_key(|b| (b.span.start, b.span.end));
    article
        .boilerplate
        .dedup_by(|b, a| a.span.start == b.span.start && a.span.end == b.span.end);
}

#[cfg(test)]
mod tests;
