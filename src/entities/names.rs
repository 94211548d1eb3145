//! Name keys: slugs, acronyms and transliteration-tolerant skeletons.
//!
//! Entity ids must be the same in every article that names the same entity,
//! without seeing the other articles. So keys are computed from the name
//! alone: an organisation named by three or more capitalised words is keyed
//! by its initials ("Middle East Media Research Institute" → `memri`, the
//! same key as "MEMRI"); other names by a slug. People are matched across
//! spellings by [`skeleton`] and Jaro–Winkler similarity in the registry.

/// Words that do not count towards an acronym.
const FUNCTION_WORDS: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "de", "al", "el", "to", "at", "&",
];

/// Titles dropped from person names ("President Donald Trump" → "Donald Trump").
pub const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "president",
    "prime",
    "minister",
    "pm",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "gen",
    "general",
    "lt",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "sgt",
    "adm",
    "admiral",
    "sheikh",
    "mufti",
    "hafiz",
    "maulana",
    "imam",
    "rabbi",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "sir",
    "dame",
    "lord",
    "judge",
    "justice",
    "chief",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "commander",
    "leader",
    "chairman",
    "retd",
    "former",
    "vice",
    "deputy",
    "us",
    "u.s",
    "mayor",
    "candidate",
    "nominee",
    "democratic",
    "republican",
    "sec",
    "attorney",
    "speaker",
    "director",
    "ceo",
    "founder",
    "senior",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "state",
    "press",
];

/// A lower-case slug: letters and digits, other runs become one `-`; a
/// leading "the" is dropped.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if c == '\'' || c == '’' {
            // Hamas's → hamass would be odd; drop apostrophes.
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
pub fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=8).contains(&n)
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && word.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// The parts of a name that count for an acronym: words split on spaces and
/// hyphens, function words left out.
fn parts(name: &str) -> Vec<&str> {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '‐')
        .filter(|p| !p.is_empty())
        .filter(|p| !FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(p)))
        .collect()
}

/// The lower-case initials of a name of three or more capitalised parts.
pub fn initials(name: &str) -> Option<String> {
    let parts = parts(name);
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

/// True when `acronym` spells the initials of `name` ("MEMRI", "Middle East
/// Media Research Institute"); function words may or may not count.
pub fn acronym_matches(acronym: &str, name: &str) -> bool {
    let want: String = acronym.chars().flat_map(char::to_lowercase).collect();
    let all: String = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|p| p.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    initials(name).is_some_and(|i| i == want) || (all.len() >= 2 && all == want)
}

/// The key of an organisation or outlet name: its acronym when it is one or
/// has one by initials, else its slug.
pub fn org_key(name: &str) -> String {
    let name = name.trim();
    if is_acronym(name) {
        return name.to_lowercase();
    }
    initials(name).unwrap_or_else(|| slug(name))
}

/// A person's name without leading titles.
pub fn strip_titles(name: &str) -> &str {
    let mut rest = name.trim();
    loop {
        let Some((first, tail)) = rest.split_once(char::is_whitespace) else {
            return rest;
        };
        let bare = first.trim_end_matches('.');
        if TITLES.iter().any(|t| t.eq_ignore_ascii_case(bare)) {
            rest = tail.trim_start();
        } else {
            return rest;
        }
    }
}

/// A transliteration-tolerant skeleton: lower-case consonants, vowels and
/// `h`/`w`/`y` after the first letter dropped, doubled letters collapsed
/// ("Qaddoumi", "Qaddomi", "Qaddumi" → `qdm`; "Shehbaz", "Shahbaz" → `sbz`).
pub fn skeleton(word: &str) -> String {
    let mut out = String::new();
    for (i, c) in word.chars().flat_map(char::to_lowercase).enumerate() {
        if !c.is_alphanumeric() {
            continue;
        }
        if i > 0 && matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'h' | 'w' | 'y') {
            continue;
        }
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// True when two person names are spellings of one name: same number of
/// words, each pair with equal skeletons and Jaro–Winkler ≥ 0.8 (or one name
/// is the other's surname alone).
pub fn same_person(a: &str, b: &str) -> bool {
    let a: Vec<&str> = strip_titles(a).split_whitespace().collect();
    let b: Vec<&str> = strip_titles(b).split_whitespace().collect();
    if a.is_empty() || b.is_empty() || a.len() != b.len() {
        return false;
    }
    a.iter().zip(&b).all(|(x, y)| {
        skeleton(x) == skeleton(y)
            && strsim::jaro_winkler(&x.to_lowercase(), &y.to_lowercase()) >= 0.8
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_agree_for_acronym_and_long_name() {
        assert_eq!(org_key("MEMRI"), "memri");
        assert_eq!(org_key("Middle East Media Research Institute"), "memri");
        assert_eq!(org_key("The Hindu"), "hindu");
        assert!(acronym_matches(
            "MEMRI",
            "Middle East Media Research Institute"
        ));
        assert!(acronym_matches("ISI", "Inter-Services Intelligence"));
        assert!(!acronym_matches("LeT", "Jaish-e-Muhammad"));
    }

    #[test]
    fn transliterations_share_a_skeleton() {
        assert_eq!(skeleton("Qaddoumi"), skeleton("Qaddomi"));
        assert_eq!(skeleton("Qaddumi"), skeleton("Qaddomi"));
        assert!(same_person("Shehbaz Sharif", "Shahbaz Sharif"));
        assert!(same_person("Khaled Qaddoumi", "Khalid Qaddumi"));
        assert!(!same_person("Khaled Mashal", "Khaled Qaddoumi"));
    }

    #[test]
    fn titles_are_stripped() {
        assert_eq!(strip_titles("US President Donald Trump"), "Donald Trump");
        assert_eq!(slug("The New York Post"), "new-york-post");
    }
}
