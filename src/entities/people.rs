//! Word lists that tell people from other names: first names (with their
//! usual gender), honorifics, role and title words, party labels, and the
//! common words a sentence-initial capital can dress up as a name.
//!
//! First names come from `data/first-names.tsv` (US Census 1990 name files,
//! public domain; see the file's header). The lists here are small, closed
//! classes of English; none names anyone in particular.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::calendar;

const FIRST_NAMES_TSV: &str = include_str!("../../data/first-names.tsv");

/// A person's grammatical gender as the text shows it (first name, Mr./Mrs., he/she).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// "he", "Mr.", a usually male first name.
    Male,
    /// "she", "Mrs./Ms.", a usually female first name.
    Female,
}

fn first_names() -> &'static HashMap<String, Option<Gender>> {
    static NAMES: OnceLock<HashMap<String, Option<Gender>>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut out = HashMap::new();
        for line in FIRST_NAMES_TSV.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(name), Some(g)) = (cols.next(), cols.next()) else {
                continue;
            };
            let gender = match g.trim() {
                "m" => Some(Gender::Male),
                "f" => Some(Gender::Female),
                _ => None,
            };
            out.insert(name.trim().to_lowercase(), gender);
        }
        out
    })
}

const PLACES_TSV: &str = include_str!("../../data/places.tsv");

fn places() -> &'static std::collections::HashSet<String> {
    static PLACES: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    PLACES.get_or_init(|| {
        PLACES_TSV
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect()
    })
}

/// True when `name` is a country, US state, territory or world region
/// (`data/places.tsv`; a leading "the" and a possessive ending ignored): a
/// place is never a person, even when its name is also a first name
/// ("France", "Georgia"). Short forms ("US", "UK") count only in capitals.
pub fn is_place(name: &str) -> bool {
    let n = name.trim();
    let n = n
        .strip_prefix("the ")
        .or_else(|| n.strip_prefix("The "))
        .unwrap_or(n);
    let n = n
        .strip_suffix("'s")
        .or_else(|| n.strip_suffix("’s"))
        .unwrap_or(n)
        .trim();
    if n.chars().filter(char::is_ascii_alphabetic).count() <= 3 && n.chars().any(char::is_lowercase)
    {
        return false;
    }
    places().contains(&n.to_lowercase())
}

/// First names that are also everyday words: they count as a first name only
/// when something else says the run is a name (not at a sentence start).
const WORDY_FIRST_NAMES: &[&str] = &[
    "will", "may", "hope", "grant", "king", "page", "mark", "chase", "guy", "price", "rich",
    "young", "joy", "faith", "love", "major", "long", "an", "in", "so", "major", "sunny", "star",
    "said", "else", "ever", "son", "way", "see", "cash", "early", "summer", "winter", "rose",
    "tom", "sang", "van", "don", "else", "bill", "art", "gay", "jack", "rusty", "lane", "general",
];

/// True when `word` is a known first name (any case).
pub fn is_first_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 2
        && first_names().contains_key(&word.to_lowercase())
}

/// True when `word` is a first name that is also a common word ("Will", "May").
pub fn is_wordy_first_name(word: &str) -> bool {
    WORDY_FIRST_NAMES
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// The usual gender of a first name, when the list knows it and it is clear.
pub fn first_name_gender(word: &str) -> Option<Gender> {
    first_names().get(&word.to_lowercase()).copied().flatten()
}

/// Honorifics and their gender: "Mr." is male, "Mrs."/"Ms." female, "Dr." either.
pub fn honorific(word: &str) -> Option<Option<Gender>> {
    let w = word.trim_end_matches('.').to_lowercase();
    match w.as_str() {
        "mr" | "mister" | "sir" | "lord" => Some(Some(Gender::Male)),
        "mrs" | "ms" | "miss" | "madam" | "dame" | "lady" => Some(Some(Gender::Female)),
        "dr" | "prof" | "rev" | "hon" => Some(None),
        _ => None,
    }
}

/// Nouns naming a person's role or title. A capitalised one before a name is
/// a title ("Senate Majority Leader" before a name); a lower-case one is the
/// head of a description ("the spokesman", "his attorney").
pub const ROLE_NOUNS: &[&str] = &[
    "president",
    "vice-president",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "mayor",
    "leader",
    "whip",
    "speaker",
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
    "secretary",
    "minister",
    "pm",
    "chancellor",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "judge",
    "justice",
    "attorney",
    "lawyer",
    "counsel",
    "prosecutor",
    "general",
    "gen",
    "lt",
    "col",
    "colonel",
    "maj",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "adm",
    "admiral",
    "commander",
    "officer",
    "chief",
    "sheriff",
    "director",
    "administrator",
    "commissioner",
    "treasurer",
    "manager",
    "strategist",
    "adviser",
    "advisor",
    "aide",
    "consultant",
    "pollster",
    "analyst",
    "economist",
    "historian",
    "professor",
    "prof",
    "scholar",
    "researcher",
    "fellow",
    "author",
    "writer",
    "columnist",
    "editor",
    "reporter",
    "correspondent",
    "anchor",
    "host",
    "commentator",
    "journalist",
    "founder",
    "co-founder",
    "ceo",
    "executive",
    "president-elect",
    "nominee",
    "candidate",
    "hopeful",
    "challenger",
    "incumbent",
    "lawmaker",
    "legislator",
    "delegate",
    "official",
    "operative",
    "organizer",
    "activist",
    "advocate",
    "expert",
    "businessman",
    "businesswoman",
    "billionaire",
    "mogul",
    "developer",
    "entrepreneur",
    "investor",
    "actor",
    "actress",
    "singer",
    "rapper",
    "comedian",
    "star",
    "coach",
    "player",
    "pastor",
    "reverend",
    "rabbi",
    "imam",
    "bishop",
    "cardinal",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "cleric",
    "doctor",
    "physician",
    "surgeon",
    "psychiatrist",
    "scientist",
    "engineer",
    "teacher",
    "student",
    "veteran",
    "survivor",
    "widow",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "nephew",
    "niece",
    "uncle",
    "aunt",
    "friend",
    "partner",
    "employee",
    "worker",
    "staffer",
    "volunteer",
    "supporter",
    "donor",
    "voter",
    "resident",
    "witness",
    "victim",
    "suspect",
    "defendant",
    "plaintiff",
    "narrator",
    "announcer",
    "moderator",
    "questioner",
    "man",
    "woman",
    "dean",
    "provost",
    "trustee",
    "member",
    "assemblyman",
    "assemblywoman",
    "councilman",
    "councilwoman",
    "superintendent",
    "inspector",
    "detective",
    "trooper",
    "agent",
    "deputy",
    "principal",
    "emir",
    "premier",
    "ayatollah",
    "chaplain",
    "demonstrator",
    "protester",
    "protestor",
    "participant",
    "attendee",
    "spectator",
    "bystander",
    "neighbor",
    "neighbour",
    "citizen",
    "parent",
    "passenger",
    "customer",
    "critic",
    "opponent",
    "proponent",
    "observer",
    "insider",
    "mullah",
    "mufti",
    "maulana",
    "hafiz",
];

/// Words that may stand inside a title before its role noun ("Senate
/// *Majority* Leader", "*press* secretary", "*Lt.* Gen.", "*former* Gov.").
pub const ROLE_MODIFIERS: &[&str] = &[
    "majority",
    "minority",
    "press",
    "deputy",
    "assistant",
    "associate",
    "senior",
    "chief",
    "vice",
    "former",
    "executive",
    "general",
    "national",
    "communications",
    "communication",
    "presidential",
    "vice-presidential",
    "then",
    "top",
    "acting",
    "interim",
    "retired",
    "lt",
    "longtime",
    "political",
    "policy",
    "foreign",
    "district",
    "supreme",
    "attorney",
    "prime",
    "first",
    "lead",
    "special",
    "managing",
    "finance",
    "field",
    "digital",
    "research",
    "state",
    "u.s",
    "us",
    "federal",
    "county",
    "city",
    "white",
    "house",
    "principal",
    "democratic",
    "republican",
    "gop",
    "libertarian",
    "conservative",
    "liberal",
    "progressive",
    "independent",
    "front-runner",
    "frontrunner",
    "would-be",
    "outgoing",
    "incoming",
    "defense",
    "defence",
    "interior",
    "homeland",
    "security",
    "health",
    "economic",
    "education",
    "energy",
    "labor",
    "budget",
    "legal",
    "military",
    "intelligence",
    "staff",
    "news",
    "team",
    "party",
    "rank",
    "ranking",
    "senate",
    "co",
    "of",
    "the",
    "and",
    "for",
    "on",
];

/// Party labels that may stand before a name ("Democrat Hillary Clinton") but never belong to it.
pub const PARTY_LABELS: &[&str] = &[
    "democrat",
    "democrats",
    "democratic",
    "republican",
    "republicans",
    "gop",
    "libertarian",
    "independent",
    "conservative",
    "liberal",
    "progressive",
    "socialist",
    "green",
];

/// Words that open a clause or phrase and never begin a name ("But Trump",
/// "And Clinton", "With Democratic leaders").
pub const LEADING_JUNK: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "or",
    "nor",
    "still",
    "then",
    "now",
    "meanwhile",
    "however",
    "also",
    "even",
    "with",
    "according",
    "to",
    "as",
    "while",
    "when",
    "after",
    "before",
    "if",
    "because",
    "though",
    "although",
    "instead",
    "indeed",
    "later",
    "earlier",
    "today",
    "yesterday",
    "tonight",
    "there",
    "here",
    "thus",
    "hence",
    "since",
    "until",
    "unless",
    "whereas",
    "where",
    "why",
    "how",
    "what",
    "whether",
    "once",
    "by",
    "for",
    "from",
    "in",
    "on",
    "at",
    "of",
    "that",
    "which",
    "who",
    "whom",
    "said",
    "says",
    "told",
    "asked",
    "like",
    "unlike",
    "plus",
    "only",
    "just",
    "perhaps",
    "maybe",
    "finally",
    "first",
    "second",
    "third",
    "last",
    "next",
    "again",
    "already",
    "ultimately",
    "separately",
    "similarly",
    "likewise",
    "moreover",
    "furthermore",
    "besides",
    "otherwise",
    "nevertheless",
    "nonetheless",
    "overall",
    "specifically",
    "essentially",
    "basically",
    "clearly",
    "obviously",
    "apparently",
    "actually",
    "really",
    "well",
    "oh",
    "yes",
    "no",
    "ok",
    "okay",
    "please",
    "sure",
];

/// Determiners, quantifiers, possessive pronouns and everyday adjectives that a
/// sentence-initial capital dresses up as a name ("Another", "Few", "Small",
/// "Other"): stripped from the front of a name, never an entity on their own.
pub const MODIFIER_WORDS: &[&str] = &[
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "all",
    "any",
    "both",
    "each",
    "every",
    "either",
    "neither",
    "some",
    "many",
    "much",
    "more",
    "most",
    "few",
    "fewer",
    "less",
    "least",
    "several",
    "other",
    "another",
    "such",
    "same",
    "own",
    "one",
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "over",
    "under",
    "above",
    "below",
    "a",
    "an",
    "the",
    "small",
    "large",
    "big",
    "little",
    "young",
    "younger",
    "youngest",
    "old",
    "older",
    "oldest",
    "newer",
    "latest",
    "recent",
    "early",
    "late",
    "good",
    "bad",
    "great",
    "high",
    "low",
    "top",
    "fellow",
    "average",
    "typical",
    "half",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "domestic",
    "current",
    "previous",
    "future",
    "final",
    "male",
    "female",
    "rich",
    "poor",
    "rival",
    "retired",
    "even",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozen",
    "no",
    "not",
    "very",
    "too",
    "key",
    "leading",
    "prominent",
    "longtime",
    "veteran",
    "outspoken",
    "powerful",
    "influential",
    "unnamed",
    "anonymous",
];

/// Words that are never an entity on their own, whatever their case:
/// pronouns and indefinite pronouns, the modifier words above, and nouns
/// for groups or generic things ("It", "All", "Americans" is a group word).
pub const COMMON_WORDS: &[&str] = &[
    "it",
    "i",
    "we",
    "you",
    "he",
    "she",
    "they",
    "them",
    "us",
    "me",
    "him",
    "hers",
    "theirs",
    "ours",
    "mine",
    "yours",
    "ones",
    "none",
    "nobody",
    "nothing",
    "everyone",
    "everybody",
    "everything",
    "someone",
    "somebody",
    "something",
    "anyone",
    "anybody",
    "anything",
    "whoever",
    "whatever",
    "majority",
    "minority",
    "percent",
    "people",
    "folks",
    "there",
    "here",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "video",
    "photo",
    "poll",
    "polls",
    "report",
    "reports",
    "data",
    "sources",
    "source",
    "officials",
    "official",
    "critics",
    "supporters",
    "opponents",
    "proponents",
    "experts",
    "analysts",
    "voters",
    "residents",
    "protesters",
    "observers",
    "advocates",
    "aides",
    "lawmakers",
    "members",
    "leaders",
    "democracy",
    "freedom",
    "liberty",
    "while",
    "although",
    "despite",
    "however",
    "breaking",
    "watch",
    "look",
    "read",
    "update",
    "exclusive",
    "live",
    "note",
    "contributing",
    "image",
    "credit",
    "file",
    "screenshot",
    "first",
    "second",
    "third",
    "last",
    "next",
    "democrat",
    "democratic",
    "republican",
    "gop",
    "libertarian",
];

/// Every month but May, which is also a name (Theresa May): with
/// [`calendar::WEEKDAYS`], calendar words that are never an entity alone.
pub const MONTHS_BUT_MAY: [&[&str]; 2] = [
    calendar::MONTHS.split_at(4).0,
    calendar::MONTHS.split_at(5).1,
];

/// True for a word that is never an entity alone ("It", "All", "Another").
pub fn is_common_word(word: &str) -> bool {
    common_set().contains(word)
}

/// US state abbreviations in news style ("Fla.", "N.C."), never a source on their own.
pub const STATE_ABBREVIATIONS: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "n.h", "n.j", "n.m",
    "n.y", "n.c", "n.d", "okla", "ore", "pa", "r.i", "s.c", "s.d", "tenn", "vt", "va", "wash",
    "w.va", "wis", "wyo",
];

/// True when `word` (any case) is in `list`.
pub fn is_in(list: &[&str], word: &str) -> bool {
    let w = word.trim_end_matches('.');
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// A word list as a hash set of lower-case words, for the long lists that
/// are consulted for every capitalised word of an article.
pub struct WordSet {
    words: std::collections::HashSet<String>,
}

impl WordSet {
    /// The set of the words of `lists`.
    pub fn new(lists: &[&[&str]]) -> Self {
        WordSet {
            words: lists
                .iter()
                .flat_map(|l| l.iter())
                .map(|w| w.to_lowercase())
                .collect(),
        }
    }

    /// True when `word` (any case, a final full stop ignored) is in the set.
    pub fn contains(&self, word: &str) -> bool {
        let w = word.trim_end_matches('.');
        if w.bytes().all(|b| !b.is_ascii_uppercase()) {
            return self.words.contains(w);
        }
        self.words.contains(&w.to_lowercase())
    }
}

fn role_set() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(&[ROLE_NOUNS]))
}

fn common_set() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        WordSet::new(&[
            COMMON_WORDS,
            MONTHS_BUT_MAY[0],
            MONTHS_BUT_MAY[1],
            calendar::WEEKDAYS,
            MODIFIER_WORDS,
            LEADING_JUNK,
            STATE_ABBREVIATIONS,
            &["wow", "hey", "hello", "thanks", "amen"],
        ])
    })
}

/// True for a role noun ("Leader", "spokesman", "Gov.").
pub fn is_role(word: &str) -> bool {
    role_set().contains(word)
}

/// True for a group word: a plural demonym or faction ("Americans",
/// "Democrats", "Conservatives", "Hispanics") — a group, never one entity.
pub fn is_group_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    if is_in(PARTY_LABELS, &lower) && lower.ends_with('s') {
        return true;
    }
    let plural_ending = [
        "ans", "ats", "ists", "als", "ives", "ics", "ims", "inos", "anos", "ites", "ites",
    ]
    .iter()
    .any(|s| lower.len() > s.len() + 2 && lower.ends_with(s));
    plural_ending && !is_first_name(word)
}

/// True for a demonym or nationality adjective used alone ("European",
/// "Chinese", "British"): the text names a people, not an entity.
pub fn is_demonym(word: &str) -> bool {
    let lower = word.to_lowercase();
    (lower.ends_with("ese")
        || lower.ends_with("ish")
        || lower.ends_with("ean")
        || lower.ends_with("ian")
        || lower.ends_with("can"))
        && lower.len() > 5
        && !is_first_name(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_names_and_gender() {
        assert!(is_first_name("Hillary"));
        assert_eq!(first_name_gender("Hillary"), Some(Gender::Female));
        assert_eq!(first_name_gender("Donald"), Some(Gender::Male));
        assert!(!is_first_name("Senate"));
        assert!(!is_first_name("hillary"));
        assert_eq!(honorific("Mrs."), Some(Some(Gender::Female)));
        assert_eq!(honorific("Dr"), Some(None));
        assert_eq!(honorific("Trump"), None);
    }

    #[test]
    fn groups_are_not_names() {
        assert!(is_group_word("Americans"));
        assert!(is_group_word("Democrats"));
        assert!(is_group_word("Republicans"));
        assert!(!is_group_word("Sanders"));
        assert!(!is_group_word("Trump"));
        assert!(is_demonym("Chinese"));
        assert!(is_demonym("European"));
    }

    #[test]
    fn places_are_places() {
        assert!(is_place("Puerto Rico"));
        assert!(is_place("the United States"));
        assert!(is_place("France"));
        assert!(is_place("US"));
        assert!(!is_place("us"));
        assert!(!is_place("Jordan Peterson"));
    }
}
