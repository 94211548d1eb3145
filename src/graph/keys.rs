//! Node ids for names read from metadata (outlets, authors, affiliations).
//!
//! Uses the same `kind:key` scheme as [`crate::entities`] ("outlet:ians",
//! "org:memri", "person:anna-mahjar-barducci") so an outlet named in a
//! dateline and the same outlet cited in another article's text meet in one
//! node: organisations are keyed by their acronym or initials ("Middle East
//! Media Research Institute" and "MEMRI" are both `memri`), people by a slug
//! of their name.

use crate::entities::names::{is_acronym, slug};

/// The key of an organisation or outlet name: its acronym when it is one or
/// has one by initials, else its slug. A trailing "(ACRONYM)" wins.
pub fn org_key(name: &str) -> String {
    let name = name.trim();
    if let Some(open) = name.rfind('(')
        && let Some(inner) = name[open + 1..].strip_suffix(')')
        && is_acronym(inner.trim())
    {
        return inner.trim().to_lowercase();
    }
    crate::entities::names::org_key(name)
}

/// The node id of an outlet name: the gazetteer's id when it knows the
/// outlet (so "Indo-Asian News Service" and "IANS" meet), else by key.
pub fn outlet_id(name: &str) -> String {
    crate::entities::gazetteer::gazetteer()
        .lookup(name)
        .map_or_else(|| format!("outlet:{}", org_key(name)), |o| o.id.clone())
}

/// The node id of an organisation name.
pub fn org_id(name: &str) -> String {
    format!("org:{}", org_key(name))
}

/// The node id of a person's name.
pub fn person_id(name: &str) -> String {
    let name = crate::entities::names::strip_titles(name);
    format!("person:{}", slug(name))
}

/// The key part of an id ("memri" for "report:memri").
pub fn key_of(id: &str) -> &str {
    id.split_once(':').map_or(id, |(_, key)| key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_meet_by_acronym() {
        assert_eq!(org_key("MEMRI"), "memri");
        assert_eq!(org_key("Middle East Media Research Institute"), "memri");
        assert_eq!(
            org_key("Middle East Media Research Institute (MEMRI)"),
            "memri"
        );
        assert_eq!(org_key("News18"), "news18");
        assert_eq!(outlet_id("IANS"), "outlet:ians");
    }

    #[test]
    fn people_are_slugged() {
        assert_eq!(
            person_id("Anna Mahjar-Barducci"),
            "person:anna-mahjar-barducci"
        );
        assert_eq!(slug("  "), "");
        assert_eq!(key_of("report:memri"), "memri");
        assert_eq!(key_of("plain"), "plain");
    }
}
