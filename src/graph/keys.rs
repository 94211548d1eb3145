//! Node ids for names read from metadata (outlets, authors, affiliations).
//!
//! Uses the same `kind:key` scheme as [`crate::entities`] ("outlet:ians",
//! "org:memri", "person:anna-mahjar-barducci") so an outlet named in a
//! dateline and the same outlet cited in another article's text meet in one
//! node: organisations are keyed by their acronym or initials ("Middle East
//! Media Research Institute" and "MEMRI" are both `memri`), people by a slug
//! of their name.

/// Words that do not count towards an acronym.
const FUNCTION_WORDS: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "de", "al", "el", "to", "at", "&",
];

/// A lower-case slug: letters and digits, other runs become one `-`; a
/// leading "the" is dropped.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if c == '\'' || c == '’' {
            // apostrophes vanish: "Hamas's" → "hamass"
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    match out.strip_prefix("the-") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => out,
    }
}

/// True for an acronym: 2–8 characters, capitals and digits, at least two capitals.
fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=8).contains(&n)
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && word.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// The lower-case initials of a name of three or more capitalised words.
fn initials(name: &str) -> Option<String> {
    let parts: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '‐')
        .filter(|p| !p.is_empty())
        .filter(|p| !FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(p)))
        .collect();
    if parts.len() < 3
        || !parts
            .iter()
            .all(|p| p.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    Some(
        parts
            .iter()
            .filter_map(|p| p.chars().next())
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

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
    if is_acronym(name) {
        return name.to_lowercase();
    }
    initials(name).unwrap_or_else(|| slug(name))
}

/// The node id of an outlet name.
pub fn outlet_id(name: &str) -> String {
    format!("outlet:{}", org_key(name))
}

/// The node id of an organisation name.
pub fn org_id(name: &str) -> String {
    format!("org:{}", org_key(name))
}

/// The node id of a person's name.
pub fn person_id(name: &str) -> String {
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
