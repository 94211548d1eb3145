//! The curated list of wire and news agencies (`data/agencies.tsv`).
//!
//! Datelines ("Washington, Jan 22 (IANS)"), credit tails ("–IANS") and
//! syndication lines ("With inputs from PTI") name agencies; the reader only
//! trusts names on this list, so it never turns an arbitrary word in brackets
//! into an outlet. The list is data (one agency a line: canonical name, a tab,
//! aliases separated by `|`) so entity resolution can reuse it.

use std::sync::OnceLock;

/// The agency list as shipped, compiled into the binary.
pub const AGENCIES_TSV: &str = include_str!("../../data/agencies.tsv");

/// One agency: its canonical name and the other names it goes by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    /// The name citetrace reports ("IANS", "Reuters").
    pub canonical: &'static str,
    /// Other spellings ("Indo-Asian News Service").
    pub aliases: Vec<&'static str>,
}

/// Parses the TSV format: `canonical<TAB>alias|alias`; `#` lines and blank
/// lines are skipped, the alias column may be empty or missing.
pub fn parse(tsv: &'static str) -> Vec<Agency> {
    tsv.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut cols = line.splitn(2, '\t');
            let canonical = cols.next()?.trim();
            if canonical.is_empty() {
                return None;
            }
            let aliases = cols
                .next()
                .unwrap_or("")
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .collect();
            Some(Agency { canonical, aliases })
        })
        .collect()
}

/// Every agency on the shipped list.
pub fn all() -> &'static [Agency] {
    static LIST: OnceLock<Vec<Agency>> = OnceLock::new();
    LIST.get_or_init(|| parse(AGENCIES_TSV))
}

/// The canonical name of the agency called `name` (case-insensitive, whole
/// name, surrounding spaces and a leading "the" ignored), if it is on the list.
pub fn lookup(name: &str) -> Option<&'static str> {
    let name = name
        .trim()
        .trim_matches(|c: char| matches!(c, '.' | ',' | ';'));
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name)
        .trim();
    if name.is_empty() || name.len() > 60 {
        return None;
    }
    all().iter().find_map(|a| {
        (a.canonical.eq_ignore_ascii_case(name)
            || a.aliases.iter().any(|x| x.eq_ignore_ascii_case(name)))
        .then_some(a.canonical)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_list_parses_and_has_the_big_wires() {
        let list = all();
        assert!(list.len() > 20);
        for wire in [
            "IANS",
            "PTI",
            "ANI",
            "Reuters",
            "AP",
            "AFP",
            "UPI",
            "Bloomberg",
            "dpa",
            "EFE",
            "Xinhua",
        ] {
            assert!(list.iter().any(|a| a.canonical == wire), "{wire}");
        }
    }

    #[test]
    fn lookup_is_case_insensitive_and_knows_aliases() {
        assert_eq!(lookup("ians"), Some("IANS"));
        assert_eq!(lookup("Press Trust of India"), Some("PTI"));
        assert_eq!(lookup("The Associated Press"), Some("AP"));
        assert_eq!(lookup("DPA"), Some("dpa"));
        assert_eq!(lookup("agencies"), None);
        assert_eq!(lookup(""), None);
    }

    #[test]
    fn parse_tolerates_missing_alias_column() {
        let list = parse("# c\nX\nY\ta|b\n\n");
        assert_eq!(list.len(), 2);
        assert!(list[0].aliases.is_empty());
        assert_eq!(list[1].aliases, ["a", "b"]);
    }
}
