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

use super::{Entity, EntityKind, EntityRef};

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

    /// The outlet a metadata value names: by any spelling, or by its id key
    /// (a manifest's "nyt" is `outlet:nyt`).
    pub fn outlet_of(&self, value: &str) -> Option<&Outlet> {
        self.lookup(value).or_else(|| {
            let id = format!("outlet:{}", super::names::slug(value));
            self.outlets.iter().find(|o| o.id == id)
        })
    }

    /// Every outlet.
    pub fn outlets(&self) -> &[Outlet] {
        &self.outlets
    }
}

/// A publisher name that opens with the short name an outlet calls itself
/// by in its own pages — the last word of its name, "The" left out: "Times"
/// for The New York Times, "Post" for The Washington Post — alone or joined
/// to a partner ("Times/CBS News", "Post-ABC News"): the name with the
/// outlet's full name in its place ("New York Times/CBS News"). `None` for
/// any other name, or an outlet of one word. Only meaningful in an article
/// of `own`: elsewhere "Times" may be any Times.
pub fn expand_own_short_name(publisher: &str, own: &Outlet) -> Option<String> {
    let full = own.name.strip_prefix("The ").unwrap_or(&own.name);
    let (_, short) = full.rsplit_once(' ')?;
    let rest = publisher.strip_prefix(short)?;
    (rest.is_empty() || rest.starts_with(['/', '-'])).then(|| format!("{full}{rest}"))
}

/// Report names of an article of the outlet `own` that use the outlet's
/// short self-name ("Times/CBS News poll" in a New York Times article) get
/// the full name ("New York Times/CBS News poll"), with an id built as
/// resolution builds it for the full name, so the poll meets the same poll
/// cited in full elsewhere. Returns the renamed ids and their new references
/// so the article's attributions can follow.
pub fn expand_own_reports(entities: &mut [Entity], own: &Outlet) -> Vec<(String, EntityRef)> {
    let mut renamed = Vec::new();
    for e in entities.iter_mut() {
        if e.kind != EntityKind::Report {
            continue;
        }
        let Some((publisher, noun)) = e
            .name
            .rsplit_once(' ')
            .map(|(p, n)| (p.to_string(), n.to_string()))
        else {
            continue;
        };
        let Some(full) = expand_own_short_name(&publisher, own) else {
            continue;
        };
        let key = super::names::org_key(&full);
        let id = if noun == "report" {
            format!("report:{key}")
        } else {
            format!("report:{key}-{noun}")
        };
        let old_name = std::mem::replace(&mut e.name, format!("{full} {noun}"));
        e.add_alias(&old_name);
        e.merges.push(format!(
            "own outlet: \"{publisher}\" in an article of {} is {full}",
            own.name
        ));
        renamed.push((std::mem::replace(&mut e.id, id), e.as_ref()));
    }
    renamed
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

    #[test]
    fn an_outlets_short_self_name_is_the_outlet_in_its_own_articles() {
        let nyt = gazetteer().outlet_of("nyt").expect("nyt");
        assert_eq!(
            expand_own_short_name("Times/CBS News", nyt).as_deref(),
            Some("New York Times/CBS News")
        );
        assert_eq!(expand_own_short_name("Timesheet", nyt), None);
        let mut list = vec![Entity::new(
            "report:tcn-poll",
            "Times/CBS News poll",
            EntityKind::Report,
        )];
        let renamed = expand_own_reports(&mut list, nyt);
        assert_eq!(list[0].name, "New York Times/CBS News poll");
        assert_eq!(renamed[0].0, "report:tcn-poll");
    }
}
