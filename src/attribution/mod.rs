//! The attribution parser: who does an article say its information came from?
//!
//! For each article, find every attribution — its **cue** ("said", "according
//! to", a colon), its **source** mention ("it", "the report", "IANS") and its
//! **content** — and resolve the source to the entity it means (see
//! [`crate::entities`]). The output contract is documented in `docs/formats.md`.

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::entities::EntityRef;
use crate::span::Span;

/// How the content is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteKind {
    /// The content is a verbatim quotation.
    Direct,
    /// Reported speech without quotation marks.
    Indirect,
    /// Reported speech with quoted fragments.
    Mixed,
}

/// One attribution relation in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The article id.
    pub article: String,
    /// The cue: "said", "according to", "told Reuters", a colon.
    pub cue: Span,
    /// The source mention where the attribution is made ("it"), if any.
    pub source: Option<Span>,
    /// The content attributed (one or more spans, e.g. a quote split by its cue).
    pub content: Vec<Span>,
    /// Direct, indirect or mixed.
    pub quote: QuoteKind,
    /// What the source resolves to, when it can be identified.
    pub entity: Option<EntityRef>,
    /// True when the source cannot be identified ("sources said", "reportedly").
    pub vague: bool,
}

/// Finds and resolves every attribution in `article`, in text order.
pub fn extract(article: &Article) -> Vec<Attribution> {
    let _ = article;
    Vec::new()
}
