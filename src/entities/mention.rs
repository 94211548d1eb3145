//! A source mention parsed into its parts: determiner, title or role,
//! affiliation, name, head noun and the prepositional phrase after it.
//!
//! "Clinton campaign spokesman Brian Fallon" is the name *Brian Fallon* with
//! the role *spokesman* and the affiliation *Clinton campaign*; "NBC's Dante
//! Chinni" is *Dante Chinni* affiliated with *NBC*; "a new report by The New
//! York Times" is the head *report* with the publisher *The New York Times*;
//! "his attorney" is the head *attorney* after a possessive pronoun. Party
//! labels ("Democrat Hillary Clinton"), possessive endings ("Connecticut's"),
//! leading conjunctions ("But Trump") and everything lower-case after a name
//! ("Donald Trump isn't") never enter the name.
//!
//! The parser works on the mention's words alone; what the name *is* (a
//! person, an outlet…) is decided by the resolver with the article's evidence.

use super::gazetteer::gazetteer;
use super::names::is_acronym;
use super::people::Gender;
use super::people::{
    LEADING_JUNK, MODIFIER_WORDS, PARTY_LABELS, ROLE_MODIFIERS, honorific, is_first_name, is_in,
    is_place, is_role, is_wordy_first_name,
};
use super::{EntityKind, EntityRef};

/// How a mention refers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Determiner {
    /// No determiner ("Donald Trump", "officials").
    None,
    /// "the", "this", "that", "these", "those".
    Definite,
    /// "his", "her", "its", "their", "our", "my", "your".
    Possessive,
    /// "a", "an", "one", "another", "some", "several", "many", "two"…
    Indefinite,
}

/// A source mention, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The pronoun, lower-cased, when the mention is one ("he", "it", "who").
    pub pronoun: Option<String>,
    /// The clean name: titles, honorifics, party labels, possessive endings
    /// and lower-case words left out ("Brian Fallon", "New York Times").
    pub name: Option<String>,
    /// The honorific before the name and its gender ("Mr." → male).
    pub honorific: Option<Option<Gender>>,
    /// The role or title ("spokesman", "Majority Leader").
    pub role: Option<String>,
    /// The affiliation before the role or in a possessive ("Clinton campaign", "NBC").
    pub affiliation: Option<String>,
    /// The lower-case head noun of a description ("attorney", "report", "officials").
    pub head: Option<String>,
    /// The determiner.
    pub determiner: Determiner,
    /// The capitalised name in a prepositional phrase after the head ("by
    /// Politico", "for the Clinton campaign"), with its preposition.
    pub pp_name: Option<(String, String)>,
    /// The possessor when it is a name ("Gary Johnson" in "Gary Johnson's doctor").
    pub possessor: Option<String>,
    /// The possessive pronoun before the head, lower-cased ("his" in "his campaign").
    pub possessor_pronoun: Option<String>,
}

const PRONOUNS: &[&str] = &[
    "it", "he", "she", "they", "we", "i", "you", "who", "which", "that", "him", "them", "this",
    "these", "those", "whom", "us", "me",
];
const DEFINITE: &[&str] = &["the", "this", "that", "these", "those"];
const POSSESSIVE: &[&str] = &["his", "her", "its", "their", "our", "my", "your"];
const INDEFINITE: &[&str] = &[
    "a", "an", "one", "another", "some", "several", "many", "few", "certain", "numerous",
    "various", "multiple", "other", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "dozens", "most", "more", "any", "no", "each",
];
/// Prepositions that end a noun phrase's head (unless inside a capitalised name).
const PREPOSITIONS: &[&str] = &[
    "of",
    "for",
    "at",
    "from",
    "by",
    "in",
    "with",
    "on",
    "to",
    "about",
    "who",
    "that",
    "which",
    "close",
    "familiar",
    "representing",
    "involved",
    "near",
    "under",
    "over",
    "inside",
    "within",
    "behind",
    "among",
    "during",
    "after",
    "before",
    "than",
    "like",
    "and",
    "or",
];
/// Function words allowed inside a capitalised name ("Commission on
/// Presidential Debates", "Secretary of State", "Bank of the West").
const NAME_INNER: &[&str] = &[
    "of", "on", "for", "de", "del", "la", "le", "al", "von", "van", "the", "da", "bin",
];

/// One word of a mention.
#[derive(Debug, Clone)]
struct Word {
    /// The word without surrounding punctuation or possessive ending.
    text: String,
    /// A possessive ending was removed ("Trump's").
    possessive: bool,
    /// A comma, bracket, semicolon or dash follows (or, for "(", precedes) it.
    break_after: bool,
    /// It ended with a full stop ("H.", "Mr.").
    dotted: bool,
}

impl Word {
    fn cap(&self) -> bool {
        self.text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }
    fn lower(&self) -> String {
        self.text.to_lowercase()
    }
    fn is(&self, list: &[&str]) -> bool {
        is_in(list, &self.text)
    }
    /// The word as it belongs in a name: single-letter initials keep their dot.
    fn in_name(&self) -> String {
        if self.dotted && self.text.chars().count() == 1 {
            format!("{}.", self.text)
        } else {
            self.text.clone()
        }
    }
}

fn strip_possessive(w: &str) -> (&str, bool) {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = w.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return (stem, true);
        }
    }
    for suffix in ["s'", "s’"] {
        if w.len() > 3 && w.ends_with(suffix) {
            return (&w[..=(w.len() - suffix.len())], true);
        }
    }
    (w, false)
}

fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for raw in text.split_whitespace() {
        if raw.starts_with('(')
            && let Some(last) = out.last_mut()
        {
            last.break_after = true;
        }
        let is_dash = raw.chars().all(|c| matches!(c, '-' | '–' | '—'));
        if is_dash {
            if let Some(last) = out.last_mut() {
                last.break_after = true;
            }
            continue;
        }
        let breaks = raw.ends_with([',', ';', ')', ':', '(']) || raw.contains(['(', ')']);
        let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let trimmed = trimmed.trim_start_matches(['\'', '’']);
        let dotted = raw
            .trim_end_matches([',', ';', ')', ':', '"', '”'])
            .ends_with('.');
        // "I'm", "I've", "they're", "we'll": the pronoun without its verb.
        let trimmed = [
            "'m", "’m", "'ve", "’ve", "'re", "’re", "'ll", "’ll", "'d", "’d",
        ]
        .iter()
        .find_map(|c| trimmed.strip_suffix(c))
        .unwrap_or(trimmed);
        let (stem, possessive) = strip_possessive(trimmed);
        let stem = stem.trim_end_matches(['\'', '’']);
        if stem.is_empty() {
            continue;
        }
        out.push(Word {
            text: stem.to_string(),
            possessive,
            break_after: breaks,
            dotted,
        });
    }
    out
}

/// True for an all-capitals dateline word ("BRUSSELS", "WASHINGTON").
fn dateline(w: &Word) -> bool {
    w.text.chars().count() >= 5 && w.text.chars().all(|c| c.is_uppercase() || c == '.')
}

/// Parses a mention.
pub fn parse(text: &str) -> Mention {
    let all = words(text);
    // The first segment up to a comma, bracket or dash; a later segment is an
    // appositive ("his spokesman, Brian Fallon").
    let mut segments: Vec<&[Word]> = Vec::new();
    let mut start = 0;
    for (i, w) in all.iter().enumerate() {
        if w.break_after {
            segments.push(&all[start..=i]);
            start = i + 1;
        }
    }
    if start < all.len() {
        segments.push(&all[start..]);
    }
    let mut first = segments
        .first()
        .map_or_else(|| parse_segment(&[]), |s| parse_segment(s));
    if first.name.is_none()
        && first.pronoun.is_none()
        && let Some(next) = segments.get(1)
    {
        let second = parse_segment(next);
        if second.name.is_some()
            && second.head.is_none()
            && first.head.as_deref().is_some_and(is_role)
        {
            first.name = second.name;
            first.honorific = second.honorific.or(first.honorific);
            first.role = first.role.or(first.head.take());
        }
    }
    first
}

fn empty() -> Mention {
    Mention {
        pronoun: None,
        name: None,
        honorific: None,
        role: None,
        affiliation: None,
        head: None,
        determiner: Determiner::None,
        pp_name: None,
        possessor: None,
        possessor_pronoun: None,
    }
}

fn join(ws: &[Word]) -> String {
    ws.iter().map(Word::in_name).collect::<Vec<_>>().join(" ")
}

/// The capitalised run in `ws` (first one), inner function words allowed.
fn cap_run(ws: &[Word]) -> Option<String> {
    let first = ws
        .iter()
        .position(|w| w.cap() && !w.is(DEFINITE) && !w.text.to_lowercase().ends_with("-based"))?;
    let start = if ws[first].is(MODIFIER_WORDS) {
        ws.iter()
            .skip(first + 1)
            .position(Word::cap)
            .map(|i| i + first + 1)?
    } else {
        first
    };
    let mut end = start + 1;
    while end < ws.len() {
        if ws[end].cap() {
            end += 1;
        } else if ws[end].is(NAME_INNER) && ws.get(end + 1).is_some_and(Word::cap) {
            end += 2;
        } else {
            break;
        }
    }
    Some(join(&ws[start..end]))
}

#[allow(clippy::too_many_lines)]
fn parse_segment(seg: &[Word]) -> Mention {
    let mut m = empty();
    let mut ws: Vec<Word> = seg.to_vec();
    // Leading conjunctions, adverbs, prepositions and datelines.
    while ws.len() > 1 && (ws[0].is(LEADING_JUNK) || dateline(&ws[0]) && ws[1].cap()) {
        ws.remove(0);
    }
    // "US" and "IT" in capitals are names, not pronouns.
    let pronoun =
        |w: &Word| w.is(PRONOUNS) && !(w.text.len() > 1 && w.text.chars().all(char::is_uppercase));
    if ws.len() == 1 && !ws[0].possessive && pronoun(&ws[0]) {
        m.pronoun = Some(ws[0].lower());
        return m;
    }
    if ws.first().is_some_and(|w| pronoun(w) && !w.is(DEFINITE))
        && ws.get(1).is_some_and(|w| !w.cap())
    {
        // "he wasn't", "they say": a pronoun with the verb caught in the span.
        m.pronoun = Some(ws[0].lower());
        return m;
    }
    // Determiner.
    if let Some(w) = ws.first() {
        let det = if w.is(DEFINITE) {
            Determiner::Definite
        } else if w.is(POSSESSIVE) {
            Determiner::Possessive
        } else if w.is(INDEFINITE) || w.text.chars().all(|c| c.is_ascii_digit()) {
            Determiner::Indefinite
        } else {
            Determiner::None
        };
        if det != Determiner::None && ws.len() > 1 {
            m.determiner = det;
            if det == Determiner::Possessive {
                m.possessor_pronoun = Some(w.lower());
            }
            ws.remove(0);
            // "some of the", "one of his": the partitive keeps the quantifier's reading.
            if ws.first().is_some_and(|w| w.lower() == "of") && ws.len() > 1 {
                ws.remove(0);
                if ws
                    .first()
                    .is_some_and(|w| w.is(DEFINITE) || w.is(POSSESSIVE))
                    && ws.len() > 1
                {
                    ws.remove(0);
                }
            }
        } else if det != Determiner::None {
            // A lone determiner or quantifier ("some", "many").
            m.determiner = det;
            m.head = Some(w.lower());
            return m;
        }
    }
    // Split at the first preposition outside a capitalised name.
    let mut cut = ws.len();
    for i in 0..ws.len() {
        let w = &ws[i];
        if w.cap() || !w.is(PREPOSITIONS) {
            continue;
        }
        // "Jeffrey Lewis of the James Martin Center": a person's name ends
        // before the preposition (a first name opening a run of two or three).
        let mut j = i;
        while j > 0 && ws[j - 1].cap() && !ws[j - 1].break_after {
            j -= 1;
        }
        let person_before = (2..=3).contains(&(i - j))
            && is_first_name(&ws[j].text)
            && !is_wordy_first_name(&ws[j].text)
            && !ws[j..i].iter().any(|w| is_role(&w.text));
        let inside = i > 0
            && !person_before
            && ws[i - 1].cap()
            && w.is(NAME_INNER)
            && ws.get(i + 1).is_some_and(|n| {
                n.cap() || n.is(NAME_INNER) && ws.get(i + 2).is_some_and(Word::cap)
            });
        if !inside && i > 0 {
            cut = i;
            break;
        }
    }
    let (main, pp) = ws.split_at(cut);
    if let Some((prep, rest)) = pp.split_first()
        && let Some(name) = cap_run(rest)
    {
        m.pp_name = Some((prep.lower(), name));
    }
    let mut main: Vec<Word> = main.to_vec();
    // Possessive: "NBC's Dante Chinni", "Gary Johnson's doctor", "Connecticut's".
    if let Some(k) = main.iter().rposition(|w| w.possessive) {
        if k + 1 < main.len() {
            let possessor: Vec<Word> = main[..=k].to_vec();
            main.drain(..=k);
            let name = cap_run(&possessor);
            if main.first().is_some_and(Word::cap) {
                m.affiliation = name;
            } else if main.len() == 1 && is_in(ORG_HEADS, &main[0].text) && name.is_some() {
                // "Clinton's campaign" is the Clinton campaign.
                m.name = name.map(|n| format!("{n} {}", main[0].lower()));
                m.head = Some(main[0].lower());
                return m;
            } else {
                m.possessor = name;
                if m.possessor.is_none() && m.determiner == Determiner::None {
                    m.determiner = Determiner::Possessive;
                }
            }
        } else {
            main[k].possessive = false;
        }
    }
    // Trailing lower-case words after a name are not part of it ("Donald
    // Trump isn't"); a lower-case word right after the determiner part is
    // the head of a description.
    let last_cap = main.iter().rposition(Word::cap);
    let head_at = main
        .iter()
        .rposition(|w| !w.cap() && w.text.chars().any(char::is_alphabetic));
    let name_end = match (last_cap, head_at) {
        (Some(c), Some(h)) if h > c => {
            // "Clinton campaign", "the GOP nominee": a head noun after names.
            // Words after the first lower-case word following the name are
            // the verb the span caught ("Trump isn't"): the head is the first.
            let first_lower = (c + 1..main.len()).find(|&i| !main[i].cap()).unwrap_or(h);
            let head = &main[first_lower];
            // A past-tense word after the name is the verb the span caught
            // ("Trump fired back a response"), not a head noun.
            let verb = is_verbish(&head.text)
                || head.text.ends_with("ed")
                    && first_lower + 1 < main.len()
                    && !is_role(&head.text)
                    && !is_in(ORG_HEADS, &head.text);
            if first_lower == c + 1 && !verb {
                m.head = Some(head.lower());
                None
            } else {
                Some(c + 1)
            }
        }
        (Some(c), _) => Some(c + 1),
        (None, Some(h)) => {
            m.head = Some(main[h].lower());
            // The words before the head: role modifiers and any affiliation.
            let before: Vec<Word> = main[..h].to_vec();
            if let Some(r) = role_of(&before, Some(&main[h])) {
                m.role = Some(r);
            }
            return m;
        }
        (None, None) => return m,
    };
    let Some(end) = name_end else {
        // A description whose head follows capitalised modifiers.
        let h = last_cap.map_or(0, |c| c + 1);
        let before: Vec<Word> = main[..h].to_vec();
        let head = main[h].clone();
        if is_role(&head.text)
            || head.is(&[
                "aides",
                "advisers",
                "officials",
                "spokesmen",
                "lawyers",
                "attorneys",
                "allies",
                "supporters",
                "staffers",
            ])
        {
            // "the GOP nominee", "McConnell aides": the capitalised words are an affiliation.
            m.affiliation = cap_run(&before);
            m.role = Some(head.lower());
        } else if is_in(ORG_HEADS, &head.text) {
            // "Clinton campaign", "Tulsa police": an organisation named by its head.
            let from = before.iter().rposition(|w| !w.cap()).map_or(0, |i| i + 1);
            let mut name_words: Vec<Word> = before[from..]
                .iter()
                .skip_while(|w| w.is(MODIFIER_WORDS))
                .cloned()
                .collect();
            if !name_words.is_empty() {
                name_words.push(head.clone());
                m.name = Some(join(&name_words));
                m.head = Some(head.lower());
                return m;
            }
        } else {
            // "a Politico report", "Republican-leaning states": the
            // capitalised words before a report noun are its publisher.
            if is_in(REPORT_HEADS, &head.text) {
                m.affiliation = cap_run(&before);
            }
            m.head = Some(head.lower());
        }
        return m;
    };
    // The trailing capitalised run main[run_start..end].
    let mut run_start = end - 1;
    while run_start > 0 {
        let p = &main[run_start - 1];
        if p.cap() {
            run_start -= 1;
        } else if p.is(NAME_INNER) && run_start >= 2 && main[run_start - 2].cap() {
            run_start -= 2;
        } else {
            break;
        }
    }
    let run: Vec<Word> = main[run_start..end].to_vec();
    // The title inside the run: up to the rightmost role noun, honorific or
    // party label, when a name follows it.
    let mut split = 0;
    for i in (0..run.len()).rev() {
        let w = &run[i];
        // A plural title before two people's names ("Professors Foner and Alba").
        let plural_role = w.text.len() > 3
            && w.text.ends_with('s')
            && !w.text.ends_with("ss")
            && is_role(&w.text[..w.text.len() - 1]);
        let titled =
            is_role(&w.text) || plural_role || honorific(&w.text).is_some() || w.is(PARTY_LABELS);
        if titled && i + 1 < run.len() {
            let rest = &run[i + 1..];
            let org_rest = rest.iter().any(|x| is_in(ORG_HEADS, &x.text));
            // "Dean Baquet": a first name, not the title Dean.
            let first_name_not_title = rest.len() == 1
                && is_first_name(&w.text)
                && !is_wordy_first_name(&w.text)
                && honorific(&w.text).is_none();
            if !org_rest && !first_name_not_title {
                split = i + 1;
            }
            break;
        }
    }
    // "Secretary of State John Kerry": "of State" belongs to the title.
    while split < run.len() && run[split].is(NAME_INNER) {
        split = (split + 2).min(run.len());
    }
    let title: Vec<Word> = run[..split].to_vec();
    let mut name: Vec<Word> = run[split..].to_vec();
    if let Some(h) = title.iter().rev().find_map(|w| honorific(&w.text)) {
        m.honorific = Some(h);
    }
    // Leading modifier words and party labels are never part of a person's
    // name; an organisation keeps them ("Republican National Committee").
    let org_name = name.iter().any(|w| is_in(ORG_HEADS, &w.text))
        || gazetteer().lookup(&join(&name)).is_some();
    while name.len() > 1
        && (!org_name && (name[0].is(MODIFIER_WORDS) || name[0].is(PARTY_LABELS))
            || dateline(&name[0])
            || name[0].text.to_lowercase().ends_with("-based"))
    {
        name.remove(0);
    }
    // Two people joined ("Mr. Grassley and Mr. Leahy") were cut at "and"; a
    // name never ends in a function word.
    while name.last().is_some_and(|w| w.is(NAME_INNER)) {
        name.pop();
    }
    // Numbers and amounts are never names ("19 percent", "14.5 billion").
    if name
        .iter()
        .any(|w| w.text.starts_with(|c: char| c.is_ascii_digit()))
    {
        name.clear();
    }
    if name.is_empty() {
        // A title alone ("the Secretary of State"): a description headed by its role.
        if let Some(r) = title.iter().rev().find(|w| is_role(&w.text)) {
            m.head = Some(r.lower());
        }
    } else {
        m.name = Some(join(&name));
    }
    // The prefix before the name: role and affiliation.
    let mut prefix: Vec<Word> = main[..run_start].to_vec();
    prefix.extend(title);
    if !prefix.is_empty() {
        let role_start = role_start(&prefix);
        if let Some(rs) = role_start {
            let role: Vec<Word> = prefix[rs..]
                .iter()
                .filter(|w| honorific(&w.text).is_none())
                .cloned()
                .collect();
            if !role.is_empty() {
                m.role = Some(join(&role));
            }
            if m.affiliation.is_none() {
                m.affiliation = affiliation_of(&prefix[..rs]);
            }
        } else if m.affiliation.is_none() {
            m.affiliation = affiliation_of(&prefix);
        }
    }
    m
}

/// Lower-case words that are verbs a span caught after a name, not a head noun.
fn is_verbish(w: &str) -> bool {
    let l = w.to_lowercase();
    l.contains(['\'', '’'])
        || is_in(
            &[
                "is",
                "was",
                "are",
                "were",
                "has",
                "had",
                "have",
                "will",
                "would",
                "could",
                "should",
                "may",
                "might",
                "can",
                "did",
                "does",
                "do",
                "said",
                "says",
                "told",
                "also",
                "himself",
                "herself",
                "themselves",
                "itself",
                "himself",
                "too",
                "alone",
                "first",
                "last",
                "again",
                "then",
                "now",
                "later",
                "earlier",
                "both",
                "all",
                "not",
                "never",
                "who",
                "which",
                "that",
                "added",
                "wrote",
                "argued",
                "recently",
                "once",
                "previously",
                "repeatedly",
                "often",
            ],
            &l,
        )
}

/// Report nouns whose capitalised modifiers name the publisher.
const REPORT_HEADS: &[&str] = &[
    "reports",
    "studies",
    "surveys",
    "analyses",
    "reviews",
    "audits",
    "memos",
    "report",
    "study",
    "survey",
    "poll",
    "analysis",
    "review",
    "investigation",
    "audit",
    "paper",
    "research",
    "data",
    "memo",
    "findings",
    "estimate",
    "estimates",
    "assessment",
    "polls",
];

/// Words that head an organisation's name, capitalised or not.
pub const ORG_HEADS: &[&str] = &[
    "campaign",
    "police",
    "administration",
    "department",
    "ministry",
    "committee",
    "party",
    "council",
    "commission",
    "agency",
    "bureau",
    "office",
    "court",
    "university",
    "college",
    "institute",
    "institution",
    "foundation",
    "center",
    "centre",
    "association",
    "union",
    "group",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "llc",
    "bank",
    "fund",
    "board",
    "authority",
    "service",
    "network",
    "organization",
    "organisation",
    "coalition",
    "alliance",
    "league",
    "society",
    "caucus",
    "senate",
    "house",
    "congress",
    "parliament",
    "assembly",
    "government",
    "army",
    "navy",
    "pentagon",
    "embassy",
    "team",
    "staff",
    "pac",
    "project",
    "forum",
    "school",
    "hospital",
    "church",
    "club",
    "movement",
    "front",
    "tank",
    "watch",
    "trust",
    "lab",
    "laboratory",
    "firm",
    "newspaper",
    "magazine",
    "network",
    "post",
    "times",
    "journal",
    "news",
    "tribune",
    "herald",
    "gazette",
    "observer",
    "register",
    "chronicle",
    "inquirer",
    "examiner",
    "courier",
    "dispatch",
    "globe",
    "bee",
    "club",
    "act",
];

/// Last words of newspaper names ("Charlotte Observer", "Des Moines Register").
pub const OUTLET_TAILS: &[&str] = &[
    "post",
    "times",
    "journal",
    "tribune",
    "herald",
    "gazette",
    "observer",
    "register",
    "chronicle",
    "inquirer",
    "examiner",
    "courier",
    "dispatch",
    "globe",
    "bee",
    "daily",
    "newspaper",
    "magazine",
];

/// Where the role phrase of a prefix starts: the rightmost role noun,
/// extended left over role modifiers.
fn role_start(prefix: &[Word]) -> Option<usize> {
    let r = prefix
        .iter()
        .rposition(|w| is_role(&w.text) || honorific(&w.text).is_some())?;
    let mut s = r;
    while s > 0 {
        let p = &prefix[s - 1];
        let org = is_in(ORG_HEADS, &p.text) && !p.is(&["of", "the"]);
        if !org && (p.is(ROLE_MODIFIERS) || is_role(&p.text) || honorific(&p.text).is_some()) {
            s -= 1;
        } else {
            break;
        }
    }
    Some(s)
}

/// The role of a description's words before its head ("senior" in "a senior official").
fn role_of(before: &[Word], head: Option<&Word>) -> Option<String> {
    let head = head?;
    if !is_role(&head.text) {
        return None;
    }
    let mut s = before.len();
    while s > 0 && (before[s - 1].is(ROLE_MODIFIERS) || is_role(&before[s - 1].text)) {
        s -= 1;
    }
    let mut words: Vec<Word> = before[s..].to_vec();
    words.push(head.clone());
    Some(join(&words).to_lowercase())
}

/// An affiliation from the words before a role: kept only when it names an
/// organisation (an organisation head word or an acronym; the resolver also
/// accepts a gazetteer outlet), never a place or nationality alone
/// ("German Chancellor", "Pennsylvania Gov.").
fn affiliation_of(ws: &[Word]) -> Option<String> {
    let ws: Vec<Word> = ws
        .iter()
        .skip_while(|w| w.is(MODIFIER_WORDS) || w.is(DEFINITE) || w.is(LEADING_JUNK))
        .cloned()
        .collect();
    if ws.is_empty() || !ws.iter().any(Word::cap) {
        return None;
    }
    Some(join(&ws))
}

/// Most names one coordinated mention is read as ("Cruz, Rubio, Kasich and Carson").
const MAX_CONJUNCTS: usize = 6;

/// The parts of a mention that names several sources joined by "and" ("Jeb
/// Bush and Chris Christie", "Clinton and Sen. Bernie Sanders (Vt.)", "Cruz,
/// Rubio and Kasich"), each as its byte offset in `text` and its text; `None`
/// when the mention is one name or a part is not a name ("Trump and his
/// campaign").
///
/// The parser alone cannot tell two names from one name with "and" inside
/// ("Department of Health and Human Services", "Procter and Gamble"): the
/// resolver accepts the split only when every part resolves to a person,
/// organisation, outlet or report of its own. A first name alone before "and"
/// ("Bill and Melinda Gates") shares the surname after it, so it is not split.
pub fn coordinated(text: &str) -> Option<Vec<(usize, &str)>> {
    // Separators outside brackets: commas, and the last " and ".
    let mut depth = 0i32;
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut last_and = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth == 0 => cuts.push((i, i + 1)),
            ' ' if depth == 0 && text[i..].starts_with(" and ") => last_and = Some(i),
            _ => {}
        }
    }
    let and = last_and?;
    // Commas after the last "and" belong to its part ("Sen. Tim Kaine, D-Va.").
    cuts.retain(|&(a, _)| a < and);
    cuts.push((and, and + " and ".len()));
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for &(a, b) in &cuts {
        parts.push((from, &text[from..a]));
        from = b;
    }
    parts.push((from, &text[from..]));
    // "A, B, and C": the Oxford comma leaves an empty part before "and".
    parts.retain(|(_, t)| !t.trim().is_empty());
    if parts.len() < 2 || parts.len() > MAX_CONJUNCTS {
        return None;
    }
    let parsed: Vec<Mention> = parts.iter().map(|(_, t)| parse(t)).collect();
    let mut names: Vec<String> = Vec::with_capacity(parts.len());
    for (k, m) in parsed.iter().enumerate() {
        let name = m
            .name
            .clone()
            .filter(|_| m.pronoun.is_none() && m.head.is_none())?;
        // "Bill and Melinda Gates": a first name alone, then a bare first
        // name and surname, is two people of one surname, not two sources
        // named in full.
        let alone = !name.contains(' ') && m.honorific.is_none() && m.role.is_none();
        let next_bare_full = parsed.get(k + 1).is_some_and(|n| {
            n.honorific.is_none()
                && n.role.is_none()
                && n.name.as_deref().is_some_and(|x| {
                    let ws: Vec<&str> = x.split_whitespace().collect();
                    ws.len() == 2 && is_first_name(ws[0])
                })
        });
        if alone && next_bare_full && is_first_name(&name) {
            return None;
        }
        // "Charles G. and David H. Koch": a first name and initial share the
        // surname after them; "Fox News Vice President and … Editor Bill
        // Sammon": a title is not a source of its own.
        let last = name.split_whitespace().last().unwrap_or("");
        let initial = last.trim_end_matches('.').chars().count() == 1;
        if (k + 1 < parsed.len() && initial) || is_role(last.trim_end_matches('.')) {
            return None;
        }
        if names.contains(&name) {
            return None;
        }
        names.push(name);
    }
    // Trim each part to its words so offsets point at them.
    Some(
        parts
            .into_iter()
            .map(|(at, t)| {
                let lead = t.len() - t.trim_start().len();
                (at + lead, t.trim())
            })
            .collect(),
    )
}

/// The kinds of a coordinated mention's parts, once each part is resolved:
/// every part as it resolved when none is of unknown kind; a surname alone
/// of unknown kind beside people only ("Richards and Menendez" after Cecile
/// Richards) is a person too, with the reason, since "and" joins like with
/// like; `None` when some part stays unknown otherwise ("Procter and
/// Gamble", "Department of Health and Human Services"), so the mention is
/// not split.
pub fn typed_by_coordination<'a>(
    parts: &[(EntityRef, &'a str)],
) -> Option<Vec<(EntityRef, &'a str, Option<String>)>> {
    let typed: Vec<&EntityRef> = parts
        .iter()
        .map(|(e, _)| e)
        .filter(|e| e.kind != EntityKind::Unknown)
        .collect();
    if typed.is_empty() {
        return None;
    }
    // An organisation part without its own determiner may be the tail of
    // one name ("United States Citizenship and Immigration Services").
    let bare_org = parts.iter().skip(1).any(|(e, part)| {
        matches!(e.kind, EntityKind::Organization)
            && !is_acronym(e.name.as_str())
            && parse(part).determiner == Determiner::None
    });
    if bare_org || parts.iter().any(|(e, _)| is_place(&e.name)) {
        return None;
    }
    let people = typed.iter().all(|e| e.kind == EntityKind::Person);
    let mut out = Vec::with_capacity(parts.len());
    for (e, part) in parts {
        if e.kind != EntityKind::Unknown {
            out.push((e.clone(), *part, None));
            continue;
        }
        if !people
            || e.name.contains(' ')
            || !e.name.starts_with(char::is_uppercase)
            || is_place(&e.name)
        {
            return None;
        }
        let beside: Vec<&str> = typed.iter().map(|t| t.name.as_str()).collect();
        let why = format!(
            "coordinated: \"{}\" is named beside the person {} (\"{}\")",
            e.name,
            beside.join(" and "),
            parts.iter().map(|p| p.1).collect::<Vec<_>>().join(" and ")
        );
        out.push((e.clone(), *part, Some(why)));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Mention {
        parse(s)
    }

    #[test]
    fn titled_people_split_into_role_affiliation_and_name() {
        let m = p("Clinton campaign spokesman Brian Fallon");
        assert_eq!(m.name.as_deref(), Some("Brian Fallon"));
        assert_eq!(m.role.as_deref(), Some("spokesman"));
        assert_eq!(m.affiliation.as_deref(), Some("Clinton campaign"));
        let m = p("Senate Majority Leader Mitch McConnell");
        assert_eq!(m.name.as_deref(), Some("Mitch McConnell"));
        assert_eq!(m.role.as_deref(), Some("Majority Leader"));
        assert_eq!(m.affiliation.as_deref(), Some("Senate"));
        let m = p("Rice University historian Douglas Brinkley");
        assert_eq!(m.name.as_deref(), Some("Douglas Brinkley"));
        assert_eq!(m.affiliation.as_deref(), Some("Rice University"));
        let m = p("Tulsa police Chief Chuck Jordan");
        assert_eq!(m.name.as_deref(), Some("Chuck Jordan"));
        assert_eq!(m.affiliation.as_deref(), Some("Tulsa police"));
        let m = p("NBC’s Dante Chinni");
        assert_eq!(m.name.as_deref(), Some("Dante Chinni"));
        assert_eq!(m.affiliation.as_deref(), Some("NBC"));
        let m = p("Secretary of State John Kerry");
        assert_eq!(m.name.as_deref(), Some("John Kerry"));
        assert_eq!(m.role.as_deref(), Some("Secretary of State"));
        let m = p("Mr. Obama");
        assert_eq!(m.name.as_deref(), Some("Obama"));
        assert_eq!(m.honorific, Some(Some(Gender::Male)));
    }

    #[test]
    fn names_stay_clean() {
        assert_eq!(
            p("Democrat Hillary Clinton").name.as_deref(),
            Some("Hillary Clinton")
        );
        assert_eq!(
            p("Donald Trump isn't").name.as_deref(),
            Some("Donald Trump")
        );
        assert_eq!(p("Connecticut’s").name.as_deref(), Some("Connecticut"));
        assert_eq!(p("But Trump").name.as_deref(), Some("Trump"));
        assert_eq!(
            p("Laurence H. Tribe").name.as_deref(),
            Some("Laurence H. Tribe")
        );
        assert_eq!(
            p("The New York Post").name.as_deref(),
            Some("New York Post")
        );
        assert_eq!(
            p("Mr. Grassley and Mr. Leahy").name.as_deref(),
            Some("Grassley")
        );
        assert_eq!(p("Professors Foner").name.as_deref(), Some("Foner"));
        assert_eq!(
            p("The Commission on Presidential Debates").name.as_deref(),
            Some("Commission on Presidential Debates")
        );
        assert_eq!(
            p("Justice Department").name.as_deref(),
            Some("Justice Department")
        );
    }

    #[test]
    fn a_person_of_an_organisation_ends_before_of() {
        let m = parse("Jeffrey Lewis of the James Martin Center for Nonproliferation Studies");
        assert_eq!(m.name.as_deref(), Some("Jeffrey Lewis"));
        assert_eq!(m.pp_name.as_ref().map(|p| p.0.as_str()), Some("of"));
        assert_eq!(
            parse("Bank of America").name.as_deref(),
            Some("Bank of America")
        );
    }

    #[test]
    fn descriptions_and_pronouns() {
        let m = p("his attorney");
        assert_eq!(m.head.as_deref(), Some("attorney"));
        assert_eq!(m.determiner, Determiner::Possessive);
        assert!(m.name.is_none());
        assert_eq!(p("they").pronoun.as_deref(), Some("they"));
        let m = p("a new report by The New York Times");
        assert_eq!(m.head.as_deref(), Some("report"));
        assert_eq!(m.pp_name, Some(("by".into(), "New York Times".into())));
        let m = p("a Politico report");
        assert_eq!(m.head.as_deref(), Some("report"));
        assert_eq!(m.affiliation.as_deref(), Some("Politico"));
        let m = p("FEC reports");
        assert_eq!(m.head.as_deref(), Some("reports"));
        assert_eq!(m.affiliation.as_deref(), Some("FEC"));
        let m = p("a senior official");
        assert_eq!(m.determiner, Determiner::Indefinite);
        assert_eq!(m.head.as_deref(), Some("official"));
        let m = p("Gary Johnson’s doctor");
        assert_eq!(m.possessor.as_deref(), Some("Gary Johnson"));
        assert_eq!(m.head.as_deref(), Some("doctor"));
        assert!(m.name.is_none());
        let m = p("The GOP nominee");
        assert_eq!(m.head.as_deref(), Some("nominee"));
        assert_eq!(m.affiliation.as_deref(), Some("GOP"));
    }

    #[test]
    fn several_names_joined_by_and_are_parts() {
        let parts = |s: &str| {
            coordinated(s).map(|v| {
                v.into_iter()
                    .map(|(_, t)| t.to_string())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            parts("Republican presidential hopefuls Jeb Bush and Chris Christie"),
            Some(vec![
                "Republican presidential hopefuls Jeb Bush".to_string(),
                "Chris Christie".to_string()
            ])
        );
        assert_eq!(
            parts("Clinton and Sen. Bernie Sanders (Vt.)"),
            Some(vec![
                "Clinton".to_string(),
                "Sen. Bernie Sanders (Vt.)".to_string()
            ])
        );
        assert_eq!(parts("Cruz, Rubio, and Kasich").map(|v| v.len()), Some(3));
        let text = "Richards and Menendez";
        let got = coordinated(text).expect("two");
        assert_eq!(&text[got[1].0..got[1].0 + got[1].1.len()], "Menendez");
        assert_eq!(parts("Bill and Melinda Gates"), None);
        assert_eq!(
            parts("the billionaire brothers Charles G. and David H. Koch"),
            None
        );
        assert_eq!(
            parts("Fox News Vice President and Washington Managing Editor Bill Sammon"),
            None
        );
        assert_eq!(parts("Trump and his campaign"), None);
        assert_eq!(parts("Donald Trump"), None);
        assert_eq!(parts("Johnson and Johnson"), None);
    }

    #[test]
    fn a_surname_beside_people_is_a_person_and_unknown_pairs_are_not_split() {
        let r = |id: &str, name: &str, kind| EntityRef {
            id: id.into(),
            name: name.into(),
            kind,
        };
        let got = typed_by_coordination(&[
            (
                r(
                    "person:cecile-richards",
                    "Cecile Richards",
                    EntityKind::Person,
                ),
                "Richards",
            ),
            (
                r("entity:menendez", "Menendez", EntityKind::Unknown),
                "Menendez",
            ),
        ])
        .expect("split");
        assert!(got[0].2.is_none());
        assert!(
            got[1]
                .2
                .as_deref()
                .is_some_and(|w| w.starts_with("coordinated"))
        );
        assert!(
            typed_by_coordination(&[
                (
                    r("entity:procter", "Procter", EntityKind::Unknown),
                    "Procter"
                ),
                (r("entity:gamble", "Gamble", EntityKind::Unknown), "Gamble"),
            ])
            .is_none()
        );
        assert!(
            typed_by_coordination(&[
                (
                    r(
                        "org:department-of-health",
                        "Department of Health",
                        EntityKind::Organization
                    ),
                    "Department of Health"
                ),
                (
                    r(
                        "entity:human-services",
                        "Human Services",
                        EntityKind::Unknown
                    ),
                    "Human Services"
                ),
            ])
            .is_none()
        );
    }
}
