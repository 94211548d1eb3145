//! The article model every stage works on.
//!
//! An [`Article`] is one news text with its metadata. Each metadata value is a
//! [`Field`] that says where it came from — given by the file (HTML meta tags,
//! JSON fields), set by a `--meta` manifest, or inferred from the text by the
//! reader (datelines, credit lines) with its evidence span and a confidence.
//! Spans of boilerplate (disclaimers, "Also read", credit tails) are marked,
//! never cut, so offsets stay true to the text as read.

use serde::{Deserialize, Serialize};

use crate::span::{Range, Span};
use crate::text::Text;

/// A calendar date (no time zone; news datelines rarely give one).
pub type Date = jiff::civil::Date;

/// Where a metadata value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// Stated by the file itself (HTML meta, JSON-LD, JSON field).
    Given,
    /// Set by the user's `--meta` manifest.
    Manifest,
    /// Inferred from the article text by citetrace.
    Inferred,
}

/// A metadata value with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub origin: Origin,
    /// What it was read from: a meta tag name, a JSON key, or a rule name
    /// such as `"dateline"` or `"date-floor"`.
    pub via: String,
    /// The text that supports it, for inferred values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Span>,
    /// 0.0–1.0: how sure the reader is (1.0 for given and manifest values).
    pub confidence: f32,
}

impl<T> Field<T> {
    /// A value stated by the file (confidence 1).
    pub fn given(value: T, via: impl Into<String>) -> Self {
        Field {
            value,
            origin: Origin::Given,
            via: via.into(),
            evidence: None,
            confidence: 1.0,
        }
    }

    /// A value set by the manifest (confidence 1).
    pub fn manifest(value: T) -> Self {
        Field {
            value,
            origin: Origin::Manifest,
            via: "manifest".into(),
            evidence: None,
            confidence: 1.0,
        }
    }

    /// A value inferred from `evidence` by rule `via`.
    pub fn inferred(value: T, via: impl Into<String>, evidence: Span, confidence: f32) -> Self {
        Field {
            value,
            origin: Origin::Inferred,
            via: via.into(),
            evidence: Some(evidence),
            confidence,
        }
    }
}

/// What kind of syndication or credit line the text carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CreditKind {
    /// A wire dateline credit: "Washington, Jan 22 (IANS)".
    Dateline,
    /// A credit tail: "–IANS", "— Reuters", desk initials "scor/as".
    Tail,
    /// "(With inputs from PTI)".
    Inputs,
    /// Auto-published from an agency or syndicated feed, unedited.
    AgencyFeed,
    /// "h/t X", "first reported by X" in a credit line.
    HatTip,
}

/// A syndication or credit statement found in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Credit {
    /// The kind of statement.
    pub kind: CreditKind,
    /// The agency or outlet named, if any ("IANS"); `None` for an unnamed feed.
    pub agency: Option<String>,
    /// The statement in the text.
    pub evidence: Span,
}

/// Why a stretch of text is not part of the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BoilerplateKind {
    /// "Disclaimer: ... auto-published from an agency feed ...".
    Disclaimer,
    /// "Also read: ...", "Related: ...".
    Related,
    /// "Comments are closed." and other comment-section residue.
    Comments,
    /// Credit tails and desk initials ("–IANS", "scor/as").
    Credit,
    /// Author biography lines ("X is a Senior Research Fellow at MEMRI.").
    AuthorBio,
    /// Section headings and other short non-story lines.
    Heading,
    /// Anything else that is site furniture (newsletter, share, cookie lines).
    Furniture,
}

/// A marked stretch of non-story text. It stays in the text; stages skip it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Boilerplate {
    /// Why it is boilerplate.
    pub kind: BoilerplateKind,
    /// Where it is.
    pub span: Span,
}

/// Everything known about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// Headline.
    pub title: Option<Field<String>>,
    /// The outlet that published it (site name, or wire agency for wire copy).
    pub outlet: Option<Field<String>>,
    /// The byline.
    pub author: Option<Field<String>>,
    /// The author's organisation ("MEMRI" for "X is a Senior Research Fellow at MEMRI.").
    pub affiliation: Option<Field<String>>,
    /// Publication date.
    pub date: Option<Field<Date>>,
    /// The latest full date the text mentions: publication is no earlier.
    pub date_floor: Option<Field<Date>>,
    /// The dateline place ("Washington").
    pub place: Option<Field<String>>,
    /// Canonical URL.
    pub url: Option<Field<String>>,
    /// Language code, when known.
    pub language: Option<Field<String>>,
    /// Syndication and credit statements.
    pub credits: Vec<Credit>,
}

/// One news article: id, text and metadata.
#[derive(Debug, Clone)]
pub struct Article {
    /// Stable, unique id (file stem or record id, made unique).
    pub id: String,
    /// The file it was read from (`-` for stdin).
    pub path: String,
    /// The text as read; all spans point into it.
    pub text: Text,
    /// Metadata, given and inferred.
    pub meta: Metadata,
    /// Marked non-story stretches (sorted by start).
    pub boilerplate: Vec<Boilerplate>,
    /// Problems met while reading that did not stop it (an encoding that had
    /// to be guessed, markup that had to be flattened); the reader moves them
    /// to the corpus's warnings, naming the file.
    pub warnings: Vec<String>,
}

impl Article {
    /// Makes an article with no metadata.
    pub fn new(id: impl Into<String>, path: impl Into<String>, text: String) -> Self {
        Article {
            id: id.into(),
            path: path.into(),
            text: Text::new(text),
            meta: Metadata::default(),
            boilerplate: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// A span of this article's text.
    pub fn span(&self, range: Range) -> Span {
        self.text.span(range)
    }

    /// True when `range` lies mostly (over half) inside marked boilerplate.
    pub fn is_boilerplate(&self, range: Range) -> bool {
        let covered: usize = self
            .boilerplate
            .iter()
            .map(|b| {
                let s = b.span.start.max(range.start);
                let e = b.span.end.min(range.end);
                e.saturating_sub(s)
            })
            .sum();
        !range.is_empty() && covered * 2 > range.len()
    }

    /// Number of words in the story (boilerplate included).
    pub fn word_count(&self) -> usize {
        crate::text::words::words(self.text.as_str(), 0).count()
    }

    /// The outlet name, if known.
    pub fn outlet(&self) -> Option<&str> {
        self.meta.outlet.as_ref().map(|f| f.value.as_str())
    }

    /// The publication date, if known.
    pub fn date(&self) -> Option<Date> {
        self.meta.date.as_ref().map(|f| f.value)
    }
}
