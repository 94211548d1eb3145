//! Entities that sources resolve to: reports, outlets, organisations, people.
//!
//! Holds the alias machinery (acronyms defined in the text, the curated
//! gazetteer of outlets and wire agencies, fuzzy matching of transliterated
//! names) that both source resolution and the provenance graph use.
//!
//! Ids are `kind:key` ("report:memri", "org:memri", "outlet:news18",
//! "person:khaled-qaddoumi") where the key is computed from the name alone
//! (see [`names`]), so the same entity gets the same id in every article. The
//! corpus-level [`Registry`] then merges what only the whole corpus reveals
//! (an acronym defined in one article, a transliteration in another) and
//! records why.

pub mod census;
pub mod gazetteer;
pub mod mention;
pub mod names;
pub mod people;
pub mod registry;

pub use registry::Registry;

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

impl EntityKind {
    /// The id prefix for this kind.
    pub fn prefix(self) -> &'static str {
        match self {
            EntityKind::Report => "report",
            EntityKind::Outlet => "outlet",
            EntityKind::Organization => "org",
            EntityKind::Person => "person",
            EntityKind::Document => "document",
            EntityKind::Unknown => "entity",
        }
    }
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

/// Everything known about one entity: the graph's node record.
///
/// Built per article by the attribution stage and merged across articles by
/// [`Registry::build`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id ("report:memri"); after merging, the canonical id of the group.
    pub id: String,
    /// Canonical display name ("MEMRI report").
    pub name: String,
    /// The kind of entity.
    pub kind: EntityKind,
    /// Other names it goes by, sorted ("Middle East Media Research Institute").
    pub aliases: Vec<String>,
    /// For a report: the entity id of its publisher ("org:memri").
    pub publisher: Option<String>,
    /// Why other records were merged into this one, one line per merge.
    pub merges: Vec<String>,
    /// For a person: the entity ids of the organisations or outlets the text
    /// ties them to ("Clinton campaign spokesman Brian Fallon" → the Clinton
    /// campaign); the graph draws them as `affiliated-with` edges.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliations: Vec<String>,
    /// Names that were kept apart from this one and why ("Clinton": two
    /// people of that name in the corpus).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// How many attributions resolved to it.
    pub mentions: usize,
}

impl Entity {
    /// A new entity record with no aliases or merges.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: EntityKind) -> Self {
        Entity {
            id: id.into(),
            name: name.into(),
            kind,
            aliases: Vec::new(),
            publisher: None,
            merges: Vec::new(),
            affiliations: Vec::new(),
            notes: Vec::new(),
            mentions: 0,
        }
    }

    /// The entity as a reference.
    pub fn as_ref(&self) -> EntityRef {
        EntityRef {
            id: self.id.clone(),
            name: self.name.clone(),
            kind: self.kind,
        }
    }

    /// Adds an alias unless it is the name or already known.
    pub fn add_alias(&mut self, alias: &str) {
        let alias = alias.trim();
        if !alias.is_empty() && alias != self.name && !self.aliases.iter().any(|a| a == alias) {
            self.aliases.push(alias.to_string());
            self.aliases.sort();
        }
    }
}
