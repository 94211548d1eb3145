//! Unnamed-source flags that the article itself contradicts: a one-word
//! name written in camel case ("`RealClearPolitics`") is a name, not an
//! unnamed group; an indefinite office in the heading or the lede ("A
//! federal judge has ordered …") is the one person the article names with
//! that office as a title ("Judge Gonzalo Curiel").

use super::{Outcome, Resolver, scan};
use crate::entities::names::slug;
use crate::entities::{Entity, EntityKind, mention};
use crate::span::Range;
use crate::text::Text;

/// How far past the heading the lede reaches, in characters: an
/// indefinite office there introduces someone the body names.
const LEDE_REACH: usize = 320;

/// Offices written as a title before a name ("Judge Gonzalo Curiel",
/// "Mayor Bill de Blasio"): only these take an indefinite mention ("a
/// federal judge") to a name; "a woman" is no title.
const TITLED_OFFICES: &[&str] = &[
    "judge",
    "justice",
    "senator",
    "governor",
    "mayor",
    "sheriff",
    "ambassador",
    "congressman",
    "congresswoman",
];

/// True for one word with a capital letter right after a lower-case one
/// ("`RealClearPolitics`", "`FiveThirtyEight`"): a name's spelling, which no
/// noun for an unnamed group ("Sources", "Officials") has.
pub(super) fn camel_case_name(word: &str) -> bool {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    !bare.contains(char::is_whitespace)
        && bare
            .chars()
            .zip(bare.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// True when a group mention goes on to name examples of its members
/// ("candidates like Donald Trump", "critics, including Sen. Rand Paul",
/// "groups such as MoveOn"): a capitalised word right after "like",
/// "including" or "such as".
fn names_examples(mention: &str) -> bool {
    let words: Vec<&str> = mention.split_whitespace().collect();
    words.windows(2).enumerate().any(|(k, w)| {
        let marker = w[0].trim_end_matches(',');
        let after_as = marker == "as" && k > 0 && words[k - 1] == "such";
        (marker == "like" || marker == "including" || after_as)
            && w[1].starts_with(char::is_uppercase)
    })
}

/// The office noun of an indefinite singular mention ("A federal judge",
/// "a New York judge"; headline style without the article: "federal
/// judge"), lower-cased; `None` for a plural, a quantity or a non-office.
fn indefinite_office(mention: &str, in_heading: bool) -> Option<String> {
    let words: Vec<&str> = mention.split_whitespace().collect();
    let (last, rest) = words.split_last()?;
    let head = last
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let opens_indefinite = rest
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"));
    (super::is_in(TITLED_OFFICES, &head) && (opens_indefinite || in_heading && !rest.is_empty()))
        .then_some(head)
}

impl Resolver {
    /// A mention flagged vague that the article names after all: a
    /// camel-case name, or an indefinite office in the heading or lede
    /// that the text writes as a title before exactly one person's name.
    /// `None` when the flag stands.
    pub(super) fn named_after_all(
        &mut self,
        text: &Text,
        src: Range,
        heading_end: usize,
    ) -> Option<Outcome> {
        let m = text.slice(src).trim();
        if camel_case_name(m) {
            let name = m.trim_matches(|c: char| !c.is_alphanumeric());
            let e = Entity::new(
                format!("entity:{}", slug(name)),
                name.to_string(),
                EntityKind::Unknown,
            );
            return Some(Outcome::Entity(self.record(e)));
        }
        // "presidential candidates like Donald Trump and Bernie Sanders":
        // the group is given by named examples, so it is not unnamed.
        if names_examples(m) {
            return Some(Outcome::Unresolved);
        }
        if src.start >= heading_end + LEDE_REACH {
            return None;
        }
        let role = indefinite_office(m, src.start < heading_end)?;
        // Titles in the body only: a title-case heading ("Woman Steps
        // Forward …") is no name.
        let body = self.chars.get(heading_end..).unwrap_or_default();
        let mut names = scan::titled_names(body, body.len(), &role);
        // "Judge Gonzalo Curiel" and later "Judge Curiel": one person.
        names.sort_by_key(|n| std::cmp::Reverse(n.split_whitespace().count()));
        let mut people: Vec<String> = Vec::new();
        for n in names {
            let last = n.split_whitespace().last().unwrap_or_default().to_string();
            if !people
                .iter()
                .any(|p| p.split_whitespace().last() == Some(last.as_str()))
            {
                people.push(n);
            }
        }
        let [name] = people.as_slice() else {
            return None;
        };
        if name.split_whitespace().count() < 2 {
            return None;
        }
        let surname = name.split_whitespace().last().unwrap_or_default();
        let found = self.census.by_surname(surname);
        let census = match found.as_slice() {
            [i] => Some(*i),
            [] => None,
            _ => return None,
        };
        let why = format!(
            "description: \"{m}\" is {name}, the one person the article names with the title {role}"
        );
        Some(Outcome::Entity(self.person(
            name,
            &mention::parse(""),
            census,
            Some(why),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_is_a_name() {
        assert!(camel_case_name("`RealClearPolitics`"));
        assert!(!camel_case_name("Sources"));
        assert!(!camel_case_name("U.S. officials"));
    }

    #[test]
    fn examples_name_the_group() {
        assert!(names_examples("presidential candidates like Donald Trump"));
        assert!(names_examples("groups such as MoveOn"));
        assert!(!names_examples("some experts"));
        assert!(!names_examples("voters like him"));
    }

    #[test]
    fn indefinite_office_reads_the_head() {
        assert_eq!(
            indefinite_office("A federal judge", false).as_deref(),
            Some("judge")
        );
        assert_eq!(
            indefinite_office("federal judge", true).as_deref(),
            Some("judge")
        );
        assert_eq!(indefinite_office("federal judge", false), None);
        assert_eq!(indefinite_office("Some judges", false), None);
    }
}
