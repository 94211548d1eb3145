//! Entities that sources resolve to: reports, outlets, organisations, people.
//!
//! Holds the alias machinery (acronyms defined in the text, the curated
//! gazetteer of outlets and wire agencies, fuzzy matching of transliterated
//! names) that both source resolution and the provenance graph use.

use serde::{Deserialize, Serialize};

/// What kind of thing a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    /// A report, study or survey ("the MEMRI report").
    Report,
    /// A news outlet or wire agency ("IANS", "News18").
    Outlet,
    /// An organisation that is not an outlet ("MEMRI", "the Pentagon").
    Organization,
    /// A person.
    Person,
    /// A document that is not a report (a statement, a letter, a video).
    Document,
    /// Identified but of unknown kind.
    Unknown,
}

/// A resolved entity, as attributions and graph nodes refer to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityRef {
    /// Stable id derived from the canonical name and kind ("report:memri").
    pub id: String,
    /// Canonical display name.
    pub name: String,
    /// The kind of entity.
    pub kind: EntityKind,
}
