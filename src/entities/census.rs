//! The people an article names, read from its whole text: full names
//! ("Donald J. Trump"), the surnames they lend to later mentions ("Mr.
//! Trump", "Trump"), their gender where the text shows it, and where each is
//! mentioned (for he/she).
//!
//! A run of capitalised words is a person's full name when it starts with a
//! known first name, or follows an honorific or a title ("Mr.", "Sen.",
//! "President"). Names are keyed by first and last name, so a middle initial
//! or middle name does not split a person ("Donald J. Trump" = "Donald
//! Trump"). One pass over the text, no allocation per word beyond the names found.

use std::collections::HashMap;

use super::mention::ORG_HEADS;
use super::names::slug;
use super::people::{
    COMMON_WORDS, Gender, MODIFIER_WORDS, MONTHS_BUT_MAY, PARTY_LABELS, first_name_gender,
    honorific, is_demonym, is_first_name, is_group_word, is_in, is_role, is_wordy_first_name,
};
use super::people::{LEADING_JUNK, ROLE_MODIFIERS, WordSet, is_place};
use crate::text::calendar;

/// One person the article names in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name as first written in full ("Donald J. Trump").
    pub name: String,
    /// The key: slug of first and last name ("donald-trump").
    pub key: String,
    /// The surname ("Trump").
    pub surname: String,
    /// The first of a two-part surname ("Acosta" of "Melba Acosta Febo"),
    /// which the article may use alone ("Ms. Acosta").
    pub first_surname: Option<String>,
    /// Gender from the first name or an honorific.
    pub gender: Option<Gender>,
    /// Titles and roles seen right before the name, lower-cased ("president").
    pub roles: Vec<String>,
    /// How many times the full name appears.
    pub count: usize,
}

/// The article's people and where they are mentioned.
#[derive(Debug, Clone, Default)]
pub struct Census {
    /// Distinct people named in full, in order of first mention.
    pub people: Vec<Person>,
    /// (character offset, index into `people`) of every mention, full or by
    /// surname, in text order.
    pub mentions: Vec<(usize, usize)>,
    /// Character offsets of the mentions that open a sentence (most often its subject), sorted.
    pub subjects: Vec<usize>,
    /// Surnames seen after an honorific with no full name ("Mr. Guajardo"), lower-cased, with gender.
    pub titled: HashMap<String, Option<Gender>>,
}

struct W<'a> {
    text: &'a str,
    start: usize,
    sentence_start: bool,
    /// Ends with a possessive or punctuation that closes a name.
    closes: bool,
    /// Ends with a closing quotation mark (the end of a quoted title).
    quote_after: bool,
}

fn tokenize<'a>(text: &'a str) -> Vec<W<'a>> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    let mut word_start: Option<(usize, usize)> = None; // (byte, char)
    let push =
        |b0: usize, b1: usize, c0: usize, out: &mut Vec<W<'a>>, sentence_start: &mut bool| {
            let raw = &text[b0..b1];
            // A bracket ends the name before it ("Mitch McConnell (R-Ky.)").
            if raw.starts_with(['(', '[', '—', '–'])
                && let Some(last) = out.last_mut()
            {
                last.closes = true;
            }
            let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
            let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
            let trimmed = trimmed.trim_start_matches('.');
            let (stem, poss) = match trimmed
                .strip_suffix("'s")
                .or_else(|| trimmed.strip_suffix("’s"))
            {
                Some(s) => (s, true),
                None => (trimmed, false),
            };
            let bare = stem.trim_end_matches('.');
            let closes = poss
                || raw.ends_with([',', ';', ':', ')', '"', '”', '?', '!'])
                // A closing quote written as two apostrophes ("ISIS,''").
                || raw.ends_with("''")
                || raw.ends_with('.')
                    && bare.chars().count() > 1
                    && honorific(bare).is_none()
                    && !is_role(bare);
            if !bare.is_empty() {
                out.push(W {
                    text: stem,
                    start: c0 + raw[..lead].chars().count(),
                    sentence_start: *sentence_start,
                    closes,
                    quote_after: raw
                        .trim_end_matches([',', '.', ';', ':', '?', '!'])
                        .ends_with(['"', '”']),
                });
            }
            *sentence_start = raw.ends_with(['.', '?', '!', ':', '"', '”', '“'])
                && !(raw.ends_with('.')
                    && (bare.chars().count() == 1 || honorific(bare).is_some() || is_role(bare)))
                || raw.starts_with(['"', '“']) && bare.is_empty();
        };
    for (char_pos, (b, c)) in text.char_indices().enumerate() {
        if c.is_whitespace() {
            if let Some((b0, c0)) = word_start.take() {
                push(b0, b, c0, &mut out, &mut sentence_start);
            }
            if c == '\n' {
                sentence_start = true;
            }
        } else if word_start.is_none() {
            word_start = Some((b, char_pos));
        }
    }
    if let Some((b0, c0)) = word_start {
        push(b0, text.len(), c0, &mut out, &mut sentence_start);
    }
    out
}

/// First words of place names ("West Virginia", "San Diego"), never of a person's.
const PLACE_WORDS: &[&str] = &[
    "north", "south", "east", "west", "new", "san", "santa", "los", "las", "saint", "st", "fort",
    "port", "mount", "mt", "lake", "upper", "lower", "great", "little", "el", "la", "rio", "cape",
];

/// Lower-case determiners: a capitalised run right after one names a thing
/// ("the Golden Bear restaurant", "his Labor Day cookout"), unless a title
/// stands between ("the Rev. Al Sharpton").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those",
];

/// Last words of places, days and faiths, never a surname ("Lee County",
/// "Labor Day", "Roman Catholic").
const NOT_SURNAMES: &[&str] = &[
    "county",
    "parish",
    "township",
    "city",
    "island",
    "islands",
    "beach",
    "valley",
    "springs",
    "heights",
    "falls",
    "harbor",
    "bay",
    "river",
    "creek",
    "park",
    "square",
    "street",
    "avenue",
    "road",
    "boulevard",
    "day",
    "eve",
    "catholic",
    "catholics",
    "christian",
    "christians",
    "baptist",
    "baptists",
    "methodist",
    "lutheran",
    "evangelical",
    "evangelicals",
    "muslim",
    "muslims",
    "jewish",
];

/// The long word lists the census consults for every capitalised word, as sets.
struct Sets {
    org: WordSet,
    common: WordSet,
    modifiers: WordSet,
}

fn sets() -> &'static Sets {
    static SETS: std::sync::OnceLock<Sets> = std::sync::OnceLock::new();
    SETS.get_or_init(|| Sets {
        org: WordSet::new(&[ORG_HEADS]),
        common: WordSet::new(&[
            COMMON_WORDS,
            MONTHS_BUT_MAY[0],
            MONTHS_BUT_MAY[1],
            calendar::WEEKDAYS,
            LEADING_JUNK,
        ]),
        modifiers: WordSet::new(&[MODIFIER_WORDS]),
    })
}

fn cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn bare(w: &str) -> &str {
    w.trim_end_matches('.')
}

/// True for a middle initial ("J.", "R").
fn initial(w: &str) -> bool {
    let b = bare(w);
    b.chars().count() == 1 && cap(b)
}

/// Small words a title-case headline leaves in lower case.
const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with",
    "from", "as", "vs", "via", "nor", "per",
];

/// Character ranges of the lines written in title case ("Christie Is Out
/// of the Race", "Clinton Hid Past Health Scares"): every word but the small
/// ones capitalised, at least four of them. In such a line capitals do not
/// mark names, so a run there is not read as a person's full name.
fn title_case_lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let len = line.chars().count();
        let words: Vec<&str> = line
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
            .filter(|w| !TITLE_SMALL.iter().any(|s| s.eq_ignore_ascii_case(w)))
            .collect();
        if words.len() >= 4 && words.iter().all(|w| cap(w)) {
            out.push((start, start + len));
        }
        start += len + 1;
    }
    out
}

impl Census {
    /// Reads the people named in `text`.
    #[allow(clippy::many_single_char_names, clippy::too_many_lines)] // token indices i, j, k
    pub fn of(text: &str) -> Self {
        let ws = tokenize(text);
        let title_case = title_case_lines(text);
        let in_title_case = |at: usize| title_case.iter().any(|&(a, b)| a <= at && at < b);
        let mut census = Census::default();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
        let mut pairs: Vec<(usize, &str, &str)> = Vec::new();
        let mut singles: Vec<(usize, String)> = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            let w = ws[i].text;
            let b = bare(w);
            if !cap(b) {
                i += 1;
                continue;
            }
            // Titles and honorifics before the run.
            let mut j = i;
            let mut gender_hint = None;
            let mut titled = false;
            let mut roles = Vec::new();
            while j < ws.len() && !ws[j].closes {
                let t = bare(ws[j].text);
                if let Some(h) = honorific(t) {
                    gender_hint = h;
                    titled = true;
                } else if cap(t) && is_role(t) {
                    titled = true;
                    roles.push(t.to_lowercase());
                } else if !(cap(t) && (sets().modifiers.contains(t) || is_in(PARTY_LABELS, t))) {
                    break;
                }
                j += 1;
            }
            // The name run.
            let mut k = j;
            while k < ws.len() && k - j < 4 {
                let t = bare(ws[k].text);
                let dateline = t.chars().count() >= 5 && t.chars().all(char::is_uppercase);
                // A middle initial inside a name ("William A. Ackman") keeps the run going.
                let middle_initial = k > j
                    && initial(ws[k].text)
                    && !ws[k].closes
                    && ws.get(k + 1).is_some_and(|n| cap(bare(n.text)));
                if middle_initial {
                    k += 1;
                    continue;
                }
                if !cap(t)
                    || dateline
                    || sets().org.contains(t)
                    || sets().common.contains(t)
                    || sets().modifiers.contains(t) && k > j
                    || honorific(t).is_some()
                    || is_role(t) && k > j
                    || is_group_word(t)
                    || is_demonym(t) && k > j
                {
                    break;
                }
                k += 1;
                if ws[k - 1].closes {
                    break;
                }
            }
            if k == j {
                i = j.max(i + 1);
                continue;
            }
            let run: Vec<&str> = ws[j..k].iter().map(|x| x.text).collect();
            // A leading initial before a first name ("R. Gil Kerlikowske"):
            // the first name is the word after it.
            let first = if run.len() >= 3 && initial(run[0]) && is_first_name(bare(run[1])) {
                bare(run[1])
            } else {
                bare(run[0])
            };
            let first_ok = is_first_name(first)
                && !(is_wordy_first_name(first) && ws[j].sentence_start && !titled);
            // A run that goes on into an organisation's name is not a person
            // ("Orlando Regional Medical Center").
            let org_follows = ws.get(k).is_some_and(|n| {
                !ws[k - 1].closes && cap(bare(n.text)) && sets().org.contains(bare(n.text))
            });
            // "the Golden Bear restaurant", "his Labor Day cookout", "Lee
            // County", "a Roman Catholic": a thing or place, not a person.
            // A person met before keeps the mention ("the Donald Trump campaign").
            let known = index.contains_key(&slug(&format!("{first} {}", bare(run[run.len() - 1]))));
            let after_determiner = !titled
                && !known
                && i > 0
                && !ws[i - 1].closes
                && is_in(DETERMINERS, ws[i - 1].text);
            let thing = is_in(NOT_SURNAMES, bare(run[run.len() - 1]));
            if (after_determiner || thing) && (first_ok || titled) {
                i = k;
                continue;
            }
            // "Puerto Rico", "the United States", "New Hampshire": a place, never a person.
            let place = is_place(&run.iter().map(|x| bare(x)).collect::<Vec<_>>().join(" "));
            if run.len() >= 2
                && (first_ok || titled)
                && !initial(run[run.len() - 1])
                && !org_follows
                && !place
                && !in_title_case(ws[j].start)
            {
                // Lower-case roles written just before ("presidential candidate Donald Trump").
                let mut back = i;
                while back > 0 && i - back < 4 {
                    let t = bare(ws[back - 1].text);
                    if ws[back - 1].closes
                        || !(is_role(t)
                            || sets().modifiers.contains(t)
                            || is_in(PARTY_LABELS, t)
                            || t == "of"
                            || t == "state")
                    {
                        break;
                    }
                    if is_role(t) {
                        roles.push(t.to_lowercase());
                    }
                    back -= 1;
                }
                // "Brent Bozell III", "Harry Hurt Jr.": the surname is before the suffix.
                let last = match run.as_slice() {
                    [.., before, suffix] if run.len() >= 3 && is_in(GENERATIONS, bare(suffix)) => {
                        bare(before)
                    }
                    _ => bare(run[run.len() - 1]),
                };
                // A father and son ("Charles Elliott Jr." and "Charles
                // Elliott III") are two people: the suffix is in the key.
                let suffix = bare(run[run.len() - 1]);
                let key = if last == suffix {
                    slug(&format!("{first} {last}"))
                } else {
                    slug(&format!("{first} {last} {suffix}"))
                };
                let gender = gender_hint.or_else(|| first_name_gender(first));
                let idx = *index.entry(key.clone()).or_insert_with(|| {
                    census.people.push(Person {
                        name: run
                            .iter()
                            .map(|x| {
                                if initial(x) {
                                    format!("{}.", bare(x))
                                } else {
                                    bare(x).to_string()
                                }
                            })
                            .collect::<Vec<_>>()
                            .join(" "),
                        key: key.clone(),
                        surname: last.to_string(),
                        // Not in a quoted title ("The Rachel Maddow Show").
                        first_surname: if ws[k - 1].quote_after {
                            None
                        } else {
                            first_surname(&run)
                        },
                        gender,
                        roles: Vec::new(),
                        count: 0,
                    });
                    census.people.len() - 1
                });
                let p = &mut census.people[idx];
                p.count += 1;
                if p.gender.is_none() {
                    p.gender = gender;
                }
                for r in roles {
                    if !p.roles.contains(&r) {
                        p.roles.push(r);
                    }
                }
                let entry = by_surname.entry(last.to_lowercase()).or_default();
                if !entry.contains(&idx) {
                    entry.push(idx);
                }
                if let Some(s) = census.people[idx].first_surname.clone() {
                    let entry = by_surname.entry(s.to_lowercase()).or_default();
                    if !entry.contains(&idx) {
                        entry.push(idx);
                    }
                }
                census.mentions.push((ws[j].start, idx));
                // A name after lower-case roles that open the sentence is its
                // subject too ("Republican presidential nominee Donald Trump has …").
                if ws[i].sentence_start || ws[back].sentence_start {
                    census.subjects.push(ws[j].start);
                }
                i = k;
                continue;
            }
            // "Will Trump win?", "State Hillary Clinton": a word before a name
            // that is not a first name; look again from the next word.
            if run.len() >= 2 && !titled {
                // Two capitalised words with no first name we know ("Zephyr
                // Teachout") may still be a person: kept for the second pass.
                if run.len() == 2
                    && !org_follows
                    && !ws[j].sentence_start
                    && !in_title_case(ws[j].start)
                {
                    pairs.push((ws[j].start, bare(run[0]), bare(run[1])));
                }
                i = j + 1;
                continue;
            }
            if run.len() == 1 {
                let s = bare(run[0]).to_lowercase();
                singles.push((ws[j].start, s.clone()));
                if let Some(list) = by_surname.get(&s) {
                    // A surname met in full before: a mention of that person.
                    let pick = pick_by_gender(&census.people, list, gender_hint);
                    if let Some(idx) = pick {
                        census.mentions.push((ws[j].start, idx));
                        if ws[i].sentence_start {
                            census.subjects.push(ws[j].start);
                        }
                        if ws[i].sentence_start {
                            census.subjects.push(ws[j].start);
                        }
                        for r in roles {
                            if !census.people[idx].roles.contains(&r) {
                                census.people[idx].roles.push(r);
                            }
                        }
                        if census.people[idx].gender.is_none() {
                            census.people[idx].gender = gender_hint;
                        }
                    }
                } else if titled {
                    let entry = census.titled.entry(s).or_insert(gender_hint);
                    if entry.is_none() {
                        *entry = gender_hint;
                    }
                }
            }
            i = k.max(i + 1);
        }
        // Second pass: a pair of capitalised words whose second word the
        // article also uses alone, later, is a person named in full
        // ("Zephyr Teachout" … "Teachout said"), unless that surname is taken.
        for (at, first, last) in pairs {
            let lower = last.to_lowercase();
            if by_surname.contains_key(&lower)
                || sets().common.contains(first)
                || sets().modifiers.contains(first)
                || is_in(PARTY_LABELS, first)
                || is_role(first)
                || is_group_word(last)
                || is_demonym(last)
                || is_demonym(first)
                || is_in(PLACE_WORDS, first)
                || is_place(&format!("{first} {last}"))
                || first.to_lowercase().ends_with("-based")
                || sets().common.contains(last)
                || sets().org.contains(last)
                || is_in(ROLE_MODIFIERS, last)
                || is_role(last)
            {
                continue;
            }
            let later: Vec<usize> = singles
                .iter()
                .filter(|(p, s)| *p > at && *s == lower)
                .map(|(p, _)| *p)
                .collect();
            // Used alone at least twice: a surname, not a one-off word.
            if later.len() < 2 {
                continue;
            }
            census.people.push(Person {
                name: format!("{first} {last}"),
                key: slug(&format!("{first} {last}")),
                surname: last.to_string(),
                first_surname: None,
                gender: census.titled.get(&lower).copied().flatten(),
                roles: Vec::new(),
                count: 1,
            });
            let idx = census.people.len() - 1;
            by_surname.insert(lower, vec![idx]);
            census.mentions.push((at, idx));
            census.mentions.extend(later.into_iter().map(|p| (p, idx)));
        }
        census.mentions.sort_unstable();
        census
    }

    /// The people whose surname is `surname` (any case).
    pub fn by_surname(&self, surname: &str) -> Vec<usize> {
        (0..self.people.len())
            .filter(|&i| {
                let p = &self.people[i];
                p.surname.eq_ignore_ascii_case(surname)
                    || p.first_surname
                        .as_deref()
                        .is_some_and(|s| s.eq_ignore_ascii_case(surname))
            })
            .collect()
    }

    /// The person named `name` in full (first and last name match; a
    /// leading initial before a first name is passed over).
    pub fn full(&self, name: &str) -> Option<usize> {
        let mut words: Vec<&str> = name.split_whitespace().collect();
        if words.len() >= 3 && initial(words[0]) && is_first_name(bare(words[1])) {
            words.remove(0);
        }
        let suffix = match words.as_slice() {
            [_, _, .., s] if is_in(GENERATIONS, bare(s)) => {
                let s = bare(s);
                words.pop();
                Some(s)
            }
            _ => None,
        };
        let (first, last) = (words.first()?, words.last()?);
        if words.len() < 2 {
            return None;
        }
        let key = match suffix {
            Some(s) => slug(&format!("{} {} {s}", bare(first), bare(last))),
            None => slug(&format!("{} {}", bare(first), bare(last))),
        };
        self.people.iter().position(|p| p.key == key)
    }

    /// The people mentioned before character `pos`, most recent first, once each.
    pub fn before(&self, pos: usize) -> Vec<usize> {
        let mut seen = Vec::new();
        for &(at, idx) in self.mentions.iter().rev() {
            if at < pos && !seen.contains(&idx) {
                seen.push(idx);
            }
        }
        seen
    }
}

/// Generational suffixes after a surname, never a surname themselves.
const GENERATIONS: &[&str] = &["Jr", "Sr", "II", "III", "IV"];

/// The first part of a two-part surname: the middle word of a three-word
/// name when it is neither an initial nor a first name ("Acosta" of "Melba
/// Acosta Febo", "Rodham" of "Hillary Rodham Clinton"); `None` otherwise.
fn first_surname(run: &[&str]) -> Option<String> {
    let [first, middle, last] = run else {
        return None;
    };
    if is_in(GENERATIONS, bare(last)) {
        return None;
    }
    let m = bare(middle);
    (!initial(first)
        && !initial(middle)
        && !middle.ends_with('.')
        && m.chars().count() >= 2
        && !is_first_name(m))
    .then(|| m.to_string())
}

/// Among people sharing a surname, the one an honorific's gender picks, or
/// the only one; `None` when still ambiguous.
pub fn pick_by_gender(people: &[Person], list: &[usize], gender: Option<Gender>) -> Option<usize> {
    if list.len() == 1 {
        return list.first().copied();
    }
    let g = gender?;
    let fits: Vec<usize> = list
        .iter()
        .copied()
        .filter(|&i| people[i].gender == Some(g))
        .collect();
    if let [one] = fits.as_slice() {
        return Some(*one);
    }
    // Nobody known to be of that gender: leave out those known to be of the other.
    let open: Vec<usize> = list
        .iter()
        .copied()
        .filter(|&i| people[i].gender.is_none_or(|x| x == g))
        .collect();
    (fits.is_empty() && open.len() == 1).then(|| open[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_people_and_their_surnames() {
        let c = Census::of(
            "WASHINGTON — Donald J. Trump met Hillary Clinton. Mr. Trump said so. \
             Senate Majority Leader Mitch McConnell agreed, and Mrs. Clinton did not. \
             Will Trump win? Mr. Guajardo spoke.",
        );
        let names: Vec<&str> = c.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["Donald J. Trump", "Hillary Clinton", "Mitch McConnell"]
        );
        assert_eq!(c.people[0].key, "donald-trump");
        assert_eq!(c.people[1].gender, Some(Gender::Female));
        assert_eq!(c.people[2].roles, ["leader"]);
        assert!(c.titled.contains_key("guajardo"));
        // Trump: full, Mr. Trump, "Will Trump" (surname) → three mentions.
        assert_eq!(c.mentions.iter().filter(|m| m.1 == 0).count(), 3);
        assert_eq!(c.full("Donald Trump"), Some(0));
    }

    #[test]
    fn initials_suffixes_and_two_part_surnames_join_the_full_name() {
        let c = Census::of(
            "Hedge fund manager William A. Ackman spoke. Mr. Ackman said no. \
             Melba Acosta Febo agreed. Ms. Acosta said so. \
             R. Gil Kerlikowske said it. The pastor Charles Elliott III spoke; \
             his father, the Rev. Charles Elliott Jr., listened.",
        );
        let ackman = c.full("William Ackman").expect("Ackman named in full");
        assert_eq!(c.people[ackman].name, "William A. Ackman");
        assert_eq!(c.by_surname("Ackman"), vec![ackman]);
        let acosta = c.full("Melba Febo").expect("Acosta Febo named in full");
        assert_eq!(c.by_surname("Acosta"), vec![acosta]);
        assert!(c.full("R. Gil Kerlikowske").is_some());
        // Father and son are two people.
        assert_eq!(c.by_surname("Elliott").len(), 2);
        assert_ne!(c.full("Charles Elliott III"), c.full("Charles Elliott Jr."));
    }

    #[test]
    fn a_quoted_title_gives_no_surname() {
        let c = Census::of("She spoke on MSNBC's \"The Rachel Maddow Show\" on Thursday.");
        assert!(c.by_surname("Maddow").is_empty());
    }

    #[test]
    fn a_title_case_headline_names_no_one() {
        let c = Census::of(
            "Christie Is Out Of The Race After New Hampshire\n\nChris Christie said on Wednesday that he would leave.",
        );
        let names: Vec<&str> = c.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, vec!["Chris Christie"]);
    }
}
