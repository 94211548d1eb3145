//! The curated gazetteer of news outlets, with their usual spellings.
//!
//! Data lives in `data/outlets.tsv` (id, canonical name, aliases) and, for
//! wire agencies, the reader's `data/agencies.tsv` (name, aliases; the id is
//! `outlet:` and the slug of the name, e.g. `outlet:ians`). Lookup
//! ignores case, a leading "The", and spacing/hyphenation differences, but
//! the text matched must start with a capital letter or digit so that common
//! words ("dawn", "time") are never taken for outlets.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{EntityKind, EntityRef};

const OUTLETS_TSV: &str = include_str!("../../data/outlets.tsv");
/// The reader's list of wire agencies (`name<TAB>alias|alias`), shared.
const AGENCIES_TSV: &str = include_str!("../../data/agencies.tsv");

/// One outlet in the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    /// Stable id ("outlet:news18").
    pub id: String,
    /// Canonical name ("News18").
    pub name: String,
    /// Other spellings.
    pub aliases: Vec<String>,
}

impl Outlet {
    /// The outlet as an entity reference.
    pub fn entity(&self) -> EntityRef {
        EntityRef {
            id: self.id.clone(),
            name: self.name.clone(),
            kind: EntityKind::Outlet,
        }
    }
}

/// The gazetteer: outlets and an index of their normalised spellings.
#[derive(Debug, Default)]
pub struct Gazetteer {
    outlets: Vec<Outlet>,
    index: HashMap<String, usize>,
}

/// Normalises a name for lookup: lower case, a leading "the" dropped,
/// non-alphanumerics removed.
pub fn normalize(name: &str) -> String {
    let trimmed = name.trim();
    let lower = trimmed.to_lowercase();
    let rest = lower.strip_prefix("the ").unwrap_or(&lower);
    rest.chars().filter(|c| c.is_alphanumeric()).collect()
}

impl Gazetteer {
    /// Parses gazetteer rows (`id<TAB>name<TAB>alias|alias`, `#` comments).
    pub fn parse(tsv: &str) -> Self {
        let mut g = Gazetteer::default();
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(id), Some(name)) = (cols.next(), cols.next()) else {
                continue;
            };
            let aliases: Vec<String> = cols
                .next()
                .unwrap_or("")
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect();
            let i = g.outlets.len();
            for spelling in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
                let key = normalize(spelling);
                if !key.is_empty() {
                    g.index.entry(key).or_insert(i);
                }
            }
            g.outlets.push(Outlet {
                id: id.to_string(),
                name: name.to_string(),
                aliases,
            });
        }
        g
    }

    /// Adds wire agencies from rows `name<TAB>alias|alias` (`#` comments);
    /// ids are `outlet:` plus the slug of the name.
    pub fn add_agencies(&mut self, tsv: &str) {
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let Some(name) = cols.next().map(str::trim).filter(|n| !n.is_empty()) else {
                continue;
            };
            let id = format!("outlet:{}", super::names::slug(name));
            let row = format!("{id}\t{name}\t{}", cols.next().unwrap_or(""));
            let parsed = Gazetteer::parse(&row);
            for o in parsed.outlets {
                let i = self.outlets.len();
                for spelling in std::iter::once(&o.name).chain(o.aliases.iter()) {
                    let key = normalize(spelling);
                    if !key.is_empty() {
                        self.index.entry(key).or_insert(i);
                    }
                }
                self.outlets.push(o);
            }
        }
    }

    /// The outlet a name means, if the gazetteer knows it.
    pub fn lookup(&self, name: &str) -> Option<&Outlet> {
        let first = name.trim().trim_start_matches("the ").chars().next()?;
        if !(first.is_uppercase() || first.is_ascii_digit()) {
            return None;
        }
        self.index
            .get(&normalize(name))
            .and_then(|&i| self.outlets.get(i))
    }

    /// Every outlet.
    pub fn outlets(&self) -> &[Outlet] {
        &self.outlets
    }
}

/// The bundled gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut g = Gazetteer::parse(OUTLETS_TSV);
        g.add_agencies(AGENCIES_TSV);
        g
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_outlets_by_usual_spellings() {
        let g = gazetteer();
        assert_eq!(
            g.lookup("News18").map(|o| o.id.as_str()),
            Some("outlet:news18")
        );
        assert_eq!(
            g.lookup("the New York Times").map(|o| o.id.as_str()),
            Some("outlet:nyt")
        );
        assert_eq!(g.lookup("NYT").map(|o| o.id.as_str()), Some("outlet:nyt"));
        assert!(g.lookup("dawn").is_none());
        assert_eq!(g.lookup("IANS").map(|o| o.id.as_str()), Some("outlet:ians"));
        assert_eq!(
            g.lookup("Press Trust of India").map(|o| o.id.as_str()),
            Some("outlet:pti")
        );
    }
}
