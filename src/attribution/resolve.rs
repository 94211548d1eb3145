//! Source resolution inside one article: from a source mention to an entity.
//!
//! A mention is classified by its words: a pronoun ("it", "he", "they"), a
//! report ("a report in US-based MEMRI", "the report", "this report"), an
//! outlet (gazetteer, or "media outlet News18"), an organisation, a person,
//! or a vague source ("sources", "media reports"). Anaphora resolve to the
//! most recent earlier entity of a compatible kind; an indefinite "a report"
//! with no name (a wire lede's "a report said on Thursday") and an
//! unresolved definite "the report" resolve to the first report the article
//! names, wherever it is. Reports are linked to their publishers, and
//! acronyms defined in the text ("Middle East Media Research Institute
//! (MEMRI)") become aliases.

#![allow(clippy::many_single_char_names)] // token indices: s, e (sentence), a, b (ranges), p (paragraph)

use std::collections::{BTreeMap, HashMap};

use crate::entities::census::{self, Census, pick_by_gender};
use crate::entities::gazetteer::gazetteer;
use crate::entities::mention::{self, Determiner, Mention, ORG_HEADS, OUTLET_TAILS};
use crate::entities::names::{TITLES, acronym_matches, is_acronym, org_key, slug};
use crate::entities::people::{
    Gender, PARTY_LABELS, first_name_gender, honorific, is_common_word, is_demonym, is_first_name,
    is_group_word, is_role, is_wordy_first_name,
};
use crate::entities::{Entity, EntityKind, EntityRef};
use crate::text::Text;
use crate::text::calendar::{is_calendar_word, is_time_phrase_word};

use super::lexicon::{DEFINITE, DOCUMENT_NOUNS, OUTLET_NOUNS, REPORT_NOUNS, VAGUE_NOUNS, is_in};
use super::rules::{Doc, Found};
use super::tokens::Kind;

mod scan;
mod vague;

/// Words that mark an organisation name.
const ORG_WORDS: &[&str] = &[
    "institute",
    "ministry",
    "department",
    "party",
    "council",
    "commission",
    "organisation",
    "organization",
    "agency",
    "army",
    "police",
    "government",
    "university",
    "foundation",
    "committee",
    "office",
    "bureau",
    "league",
    "front",
    "movement",
    "group",
    "association",
    "union",
    "center",
    "centre",
    "court",
    "embassy",
    "pentagon",
    "congress",
    "senate",
    "parliament",
    "assembly",
    "campaign",
    "corporation",
    "company",
    "bank",
    "fund",
    "forum",
    "service",
    "services",
    "trust",
    "coalition",
    "alliance",
    "board",
    "authority",
    "administration",
    "forces",
    "force",
    "nations",
    "house",
    "inc",
    "ltd",
    "watch",
    "intelligence",
    "command",
    "network",
    "society",
    "tank",
    "project",
    "institution",
    "chamber",
    "legion",
    "federation",
    "conference",
    "academy",
    "initiative",
];

/// How far back (characters) a he/she looks for a person the text mentions.
const NEAR: usize = 400;

/// How far back anaphora look, in earlier resolved sources.
const HISTORY: usize = 64;

/// Where a source resolved to.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The entity, when identified.
    pub entity: Option<EntityRef>,
    /// The channel's entity, when it names a known outlet.
    pub channel: Option<EntityRef>,
    /// True when the source cannot be identified.
    pub vague: bool,
    /// Further entities a mention naming several sources resolved to ("Jeb
    /// Bush and Chris Christie": Chris Christie), in text order after `entity`.
    pub also: Vec<EntityRef>,
}

struct Resolver {
    acronyms: HashMap<String, String>,
    entities: BTreeMap<String, Entity>,
    history: Vec<EntityRef>,
    main_report: Option<EntityRef>,
    /// The people the article names, read from its whole text.
    census: Census,
    /// Gender of person entities, where the text shows it.
    genders: HashMap<String, Gender>,
    /// Role words given to person entities ("spokesman", "president").
    roles: HashMap<String, Vec<String>>,
    /// Where the heading block (title, subtitle) ends, in characters.
    heading_end: usize,
    /// The last source resolved to a person: where its mention starts, and who.
    last_speaker: Option<(usize, EntityRef)>,
    /// The article's quotations (character ranges, sorted): a name inside a
    /// quotation is what the speaker talked about, not who is speaking.
    quoted: Vec<crate::span::Range>,
    /// The article's text as characters, for the text scans of [`scan`].
    chars: Vec<char>,
    /// Where the mention being resolved starts, and its text.
    at: usize,
    mention: String,
    /// Ids of entities of unknown kind a he/she took up: people after all.
    promoted: std::collections::BTreeSet<String>,
    /// Surnames (lower-cased) written after a male and/or a female honorific.
    honorific_surnames: HashMap<String, (bool, bool)>,
}

/// What one source mention resolved to.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// An identified entity.
    Entity(EntityRef),
    /// An unnamed source of information ("sources said", "a senior official").
    Vague,
    /// A pronoun or description the text does not tie to an entity, or no source.
    Unresolved,
}

/// How far back (characters) a definite description looks in the text for
/// a name that holds its head ("the court" → "Supreme Court").
const SCAN_REACH: usize = 3000;

/// How far back (characters) "the company" looks for a company's name.
const COMPANY_REACH: usize = 400;

/// How far back a relative "who" looks for the person it follows.
const RELATIVE_REACH: usize = 160;

/// Prepositions that never open a source's noun phrase.
const PREPOSITIONS: &[&str] = &[
    "of", "with", "for", "in", "on", "at", "by", "from", "to", "into", "about", "among",
];

/// -ing words that modify a source noun ("leading economists", "polling
/// firms") rather than open a verb phrase.
const PARTICIPLE_MODIFIERS: &[&str] = &[
    "leading",
    "ruling",
    "visiting",
    "governing",
    "polling",
    "opposing",
    "competing",
    "founding",
    "outgoing",
    "incoming",
    "restructuring",
    "consulting",
    "investigating",
    "presiding",
    "remaining",
    "striking",
    "working",
];

/// Heads of unnamed sources beyond the lexicon's vague nouns.
const VAGUE_EXTRA: &[&str] = &[
    "militant",
    "militants",
    "operatives",
    "strategists",
    "investigators",
    "prosecutors",
    "lawmakers",
    "friends",
    "associates",
    "allies",
    "staffers",
    "spokesmen",
    "advisers",
    "advisors",
    "someone",
    "somebody",
    "person",
    "persons",
    "individuals",
    "polls",
    "surveys",
    "studies",
    "reports",
    "others",
    "evidence",
    "republican",
    "democrat",
    "independent",
];

/// True for an impersonal "it" with a passive reporting cue: "it is
/// learned", "it was reported", "it is understood" — nobody in particular.
fn impersonal(mention: &str, cue: &str) -> bool {
    let m = mention.trim();
    if !m.eq_ignore_ascii_case("it") {
        return false;
    }
    let cue = cue.to_lowercase();
    let mut ws = cue.split_whitespace();
    matches!(ws.next(), Some("is" | "was" | "has" | "had" | "been"))
        && cue.split_whitespace().any(|w| {
            matches!(
                w,
                "learned"
                    | "learnt"
                    | "understood"
                    | "believed"
                    | "reported"
                    | "said"
                    | "alleged"
                    | "claimed"
                    | "rumoured"
                    | "rumored"
                    | "known"
                    | "feared"
                    | "thought"
            )
        })
}

/// The word after a one-word source when the source is the cut start of a
/// longer phrase: the word after it, before the cue, is lower-case and
/// neither a verb (an auxiliary, a cue word, an -ed form) nor an adverb —
/// "One month after announcing",
/// "Many observers were surprised when … railing". Such a span says nothing
/// about who the source is (the rules cut it). "Some said", "Many have
/// said", "Speakers openly vowed", "speakers praised X and called" and
/// "One, a senior aide, said" are whole
/// (`None`).
fn cut_noun_phrase(text: &Text, src: crate::span::Range, cue: crate::span::Range) -> Option<&str> {
    if cue.start <= src.end {
        return None;
    }
    let between = text.slice(crate::span::Range::new(src.end, cue.start));
    let next = between.split_whitespace().next()?;
    if !between.starts_with(char::is_whitespace) {
        return None;
    }
    let word = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    (word.len() == next.len()
        && word.chars().next().is_some_and(char::is_lowercase)
        && !is_in(AUXILIARIES, word)
        && !word.ends_with("ly")
        && !word.ends_with("ed")
        && super::lexicon::lexicon().class(word).is_none())
    .then_some(word)
}

/// Words that open another clause between a subject and a cue ("were
/// surprised when Trump, after railing …"): the cue is not that subject's.
const SUBORDINATORS: &[&str] = &[
    "when", "after", "before", "while", "because", "if", "that", "as", "since", "until", "where",
];

/// A mention without a closing participle and time phrase: "A Quinnipiac
/// poll released Monday" → "A Quinnipiac poll", "a survey conducted last
/// week" → "a survey". Anything else is returned whole.
fn without_time_clause(text: &str) -> &str {
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let mut k = words.len();
    while k > 1 && words.len() - k < 4 {
        k -= 1;
        let w = words[k].1.trim_end_matches(|c: char| !c.is_alphanumeric());
        if w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase()) {
            return if k + 1 < words.len() {
                text[..words[k].0].trim_end()
            } else {
                text
            };
        }
        if !is_time_phrase_word(w) {
            return text;
        }
    }
    text
}

/// The report noun of an unnamed indefinite poll, survey or study ("a new
/// poll", "a recent survey"); `None` for anything else.
fn indefinite_report(mention: &str) -> Option<&'static str> {
    let words: Vec<String> = mention.split_whitespace().map(str::to_lowercase).collect();
    let (last, rest) = words.split_last()?;
    let (det, mods) = rest.split_first()?;
    if !is_in(&["a", "an"], det)
        || !mods
            .iter()
            .all(|w| is_in(&["new", "recent", "latest", "national", "separate"], w))
    {
        return None;
    }
    ["poll", "survey", "study"].into_iter().find(|n| last == n)
}

/// The sponsor of the first poll, survey or study (`noun`) the text names
/// within `limit` characters after `from`: the capitalised words right
/// before the noun ("The Huffington Post-Morning Consult poll" → "Huffington
/// Post-Morning Consult"); `None` when no such name follows.
fn named_later(text: &Text, from: usize, noun: &str, limit: usize) -> Option<String> {
    let end = (from + limit).min(text.char_len());
    let after = text.slice(crate::span::Range::new(from.min(end), end));
    let words: Vec<&str> = after.split_whitespace().collect();
    for (k, w) in words.iter().enumerate() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if !bare.eq_ignore_ascii_case(noun) || w.len() - bare.len() > 1 {
            continue;
        }
        let mut j = k;
        while j > 0 && k - j < 5 {
            let prev = words[j - 1];
            // "Rock the Vote": a small word between capitalised ones.
            if j >= 2
                && is_in(&["the", "of", "and", "for", "on"], prev)
                && words[j - 2].starts_with(|c: char| c.is_uppercase())
            {
                j -= 1;
                continue;
            }
            let closes = prev.ends_with(['.', ',', ';', ':', '"', '”']);
            if closes
                || !prev.starts_with(|c: char| c.is_uppercase())
                || is_in(&["The", "A", "An", "This", "That", "New", "Latest"], prev)
            {
                break;
            }
            j -= 1;
        }
        if j < k {
            return Some(words[j..k].join(" "));
        }
    }
    None
}

/// Offices and candidacies a description can name the person the text is
/// about by ("the Florida senator", "the Republican nominee").
const OFFICES: &[&str] = &[
    "senator",
    "governor",
    "secretary",
    "congressman",
    "congresswoman",
    "representative",
    "mayor",
    "candidate",
    "nominee",
    "hopeful",
    "frontrunner",
    "front-runner",
    "businessman",
    "businesswoman",
    "billionaire",
    "mogul",
    "lawmaker",
    "legislator",
];

/// True when a title written before a name fits a role word: the same
/// word, or an abbreviation of it ("Sen." for "senator", "Gov." for "governor").
fn role_fits(title: &str, role: &str) -> bool {
    let t = title.trim_end_matches('.').to_lowercase();
    t == role || t.len() >= 3 && role.starts_with(&t)
}

/// Auxiliaries and adverbs that may stand between a whole subject and its verb.
const AUXILIARIES: &[&str] = &[
    "have",
    "has",
    "had",
    "are",
    "is",
    "was",
    "were",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "did",
    "do",
    "does",
    "also",
    "still",
    "then",
    "later",
    "often",
    "privately",
    "publicly",
    "reportedly",
    "already",
    "not",
    "never",
    "repeatedly",
];

/// True for a role that only a person holds (not "party" or "committee").
fn person_role(role: &str) -> bool {
    role.split_whitespace()
        .any(|w| is_role(w) || honorific(w).is_some())
}

/// The id key of a person's name: slug of first and last name, so middle
/// initials and middle names do not split a person.
fn person_key(name: &str) -> String {
    let ws: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    match ws.as_slice() {
        [] => slug(name),
        [one] => slug(one),
        [first, .., last] => slug(&format!("{first} {last}")),
    }
}

/// Among people sharing a surname, the one named in full clearly most often
/// (at least twice as often as any other).
fn prominent(people: &[census::Person], list: &[usize]) -> Option<usize> {
    let mut sorted: Vec<usize> = list.to_vec();
    sorted.sort_by_key(|&i| std::cmp::Reverse(people[i].count));
    match sorted.as_slice() {
        [a, b, ..] if people[*a].count >= 2 * people[*b].count.max(1) => Some(*a),
        _ => None,
    }
}

/// True for a name shaped like a person's: two or three capitalised words,
/// none of them an organisation word, not an outlet ("Benard Dreyer").
fn person_shaped(name: &str) -> bool {
    let ws: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&ws.len())
        && ws.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
                && !is_in(ORG_WORDS, w)
                && !is_in(ORG_HEADS, w)
                && !is_common_word(w)
                && !is_acronym(w)
        })
        && gazetteer().lookup(name).is_none()
}

/// True when a source is written as a speaker the text introduces: right
/// after a speech verb ("…," said Benard Dreyer) or set off before a role
/// ("Benard Dreyer, president of …", "Jane Doe, a nurse, said").
fn introduced_speaker(text: &Text, src: crate::span::Range) -> bool {
    let before = text.slice(crate::span::Range::new(
        src.start.saturating_sub(12),
        src.start,
    ));
    let after = text.slice(crate::span::Range::new(
        src.end,
        (src.end + 30).min(text.char_len()),
    ));
    let verb = before
        .split_whitespace()
        .last()
        .is_some_and(|w| is_in(&["said", "says", "added", "told", "wrote", "explained"], w));
    let role = after.strip_prefix(", ").is_some_and(|rest| {
        let w = rest
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_matches(|c: char| !c.is_alphanumeric());
        is_in(&["a", "an", "the"], w)
            || is_role(w)
            || !w.is_empty() && w.chars().all(|c| c.is_ascii_digit())
    });
    verb || role
}

/// The words of a mention; brackets and commas become "," so name runs break there.
fn words_of(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        let breaks = raw.contains(['(', ')', ',', ';']);
        if raw.starts_with('(') {
            out.push(",");
        }
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '@');
        if !w.is_empty() {
            out.push(w);
        }
        if breaks && !raw.starts_with('(') {
            out.push(",");
        }
    }
    out
}

/// True for an "X-based" adjective ("US-based"), any case.
fn based(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 6 && b[b.len() - 6..].eq_ignore_ascii_case(b"-based")
}

fn capitalized(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// The capitalised name in a mention: the longest run of capitalised words
/// (function words allowed inside), leaving out a leading determiner and
/// "X-based" adjectives.
fn name_run(words: &[&str]) -> Option<String> {
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        // Only a capitalised word can open a name; the word lists are
        // consulted for those alone.
        let skip = || {
            is_in(DEFINITE, w)
                || is_in(&["a", "an", "according", "recent", "latest", "another"], w)
                || based(w)
                || is_in(TITLES, w)
                || is_in(VAGUE_NOUNS, w)
                || is_in(REPORT_NOUNS, w)
                || is_in(OUTLET_NOUNS, w)
                || is_calendar_word(w)
        };
        if capitalized(w) && !skip() {
            let start = i;
            let mut end = i + 1;
            while end < words.len() {
                let n = words[end];
                if capitalized(n) && !based(n) {
                    end += 1;
                } else if is_in(&["of", "for", "and", "on", "the", "de", "al"], n)
                    && words.get(end + 1).is_some_and(|x| capitalized(x))
                {
                    end += 2;
                } else {
                    break;
                }
            }
            if best.is_none_or(|(a, b)| end - start > b - a) {
                best = Some((start, end));
            }
            i = end;
        } else {
            i += 1;
        }
    }
    let (a, b) = best?;
    Some(words[a..b].join(" "))
}

impl Resolver {
    fn record(&mut self, mut e: Entity) -> EntityRef {
        let r = e.as_ref();
        if let Some(old) = self.entities.get_mut(&e.id) {
            old.mentions += 1;
            for a in &e.aliases {
                old.add_alias(a);
            }
            if old.publisher.is_none() {
                old.publisher = e.publisher.take();
            }
            for m in e.merges {
                if !old.merges.contains(&m) {
                    old.merges.push(m);
                }
            }
        } else {
            e.mentions = 1;
            self.entities.insert(e.id.clone(), e);
        }
        r
    }

    /// An organisation or outlet by name, with acronym aliases.
    fn named(&self, name: &str) -> Entity {
        if let Some(o) = gazetteer().lookup(name) {
            let mut e = Entity::new(o.id.clone(), o.name.clone(), EntityKind::Outlet);
            if name != o.name {
                e.add_alias(name);
                e.merges
                    .push(format!("gazetteer: \"{name}\" is a spelling of {}", o.name));
            }
            return e;
        }
        let (short, long) = if is_acronym(name) {
            (Some(name.to_string()), self.acronyms.get(name).cloned())
        } else {
            let acro = self
                .acronyms
                .iter()
                .find(|(_, l)| l.as_str() == name)
                .map(|(a, _)| a.clone());
            (acro, Some(name.to_string()))
        };
        let display = short.clone().or_else(|| long.clone()).unwrap_or_default();
        let key = short
            .as_deref()
            .map_or_else(|| org_key(name), str::to_lowercase);
        let mut e = Entity::new(format!("org:{key}"), display, EntityKind::Organization);
        if let (Some(s), Some(l)) = (&short, &long) {
            e.add_alias(l);
            e.add_alias(s);
            e.merges.push(format!(
                "acronym: \"{s}\" is defined in the text as \"{l}\""
            ));
        } else if let Some(l) = &long
            && crate::entities::names::initials(l).is_some()
        {
            e.merges.push(format!(
                "acronym: \"{}\" is the initials of \"{l}\"",
                key.to_uppercase()
            ));
        }
        e
    }

    /// The report a publisher published.
    /// The report a publisher published, named by what the text calls it:
    /// a poll or survey is "X poll", a study "X study", anything else "X report".
    fn report_by(&mut self, publisher: &str, head: &str) -> EntityRef {
        let noun = match head.to_lowercase().as_str() {
            "poll" | "polls" | "survey" | "surveys" => "poll",
            "exit poll" | "exit polls" => "exit poll",
            "data" => "data",
            "research" => "research",
            "study" | "studies" => "study",
            _ => return self.report_of(publisher),
        };
        let longer = self.longer_publisher(publisher, noun);
        let base = self.report_of(longer.as_deref().unwrap_or(publisher));
        let Some(rec) = self.entities.get(&base.id).cloned() else {
            return base;
        };
        // Undo the count report_of gave the plain report.
        if let Some(e) = self.entities.get_mut(&base.id) {
            e.mentions = e.mentions.saturating_sub(1);
            let main = self.main_report.as_ref().is_some_and(|r| r.id == base.id);
            if e.mentions == 0 && !main {
                self.entities.remove(&base.id);
            }
        }
        let name = rec
            .name
            .strip_suffix(" report")
            .unwrap_or(&rec.name)
            .to_string();
        let mut e = Entity::new(
            format!("{}-{noun}", base.id),
            format!("{name} {noun}"),
            EntityKind::Report,
        );
        e.publisher = rec.publisher;
        self.record(e)
    }

    /// The fuller name of a poll's or study's sponsor the article cited
    /// before: "a Times/CBS News poll" after "a New York Times/CBS News
    /// poll", "the Rasmussen poll" after "the Rasmussen Reports poll" —
    /// the one earlier report of that noun whose sponsor ends or starts with
    /// these words; `None` when there is none or more than one.
    fn longer_publisher(&self, publisher: &str, noun: &str) -> Option<String> {
        let suffix = format!(" {noun}");
        let mut found = self.entities.values().filter_map(|e| {
            let base = e.name.strip_suffix(&suffix)?;
            (e.kind == EntityKind::Report
                && base.len() > publisher.len()
                && (base.ends_with(&format!(" {publisher}"))
                    || base.starts_with(&format!("{publisher} "))))
            .then(|| base.to_string())
        });
        let one = found.next()?;
        found.next().is_none().then_some(one)
    }

    fn report_of(&mut self, publisher: &str) -> EntityRef {
        // "an analysis by Lily Batchelder": a person's report.
        let first = publisher.split_whitespace().next().unwrap_or("");
        let person = gazetteer().lookup(publisher).is_none()
            && (publisher.split_whitespace().count() >= 2 && is_first_name(first)
                || self.census.full(publisher).is_some());
        let org = if person {
            Entity::new(
                format!("person:{}", person_key(publisher)),
                publisher.to_string(),
                EntityKind::Person,
            )
        } else {
            self.named(publisher)
        };
        let org_ref = self.record(org.clone());
        let key = org.id.split_once(':').map_or(org.id.as_str(), |(_, k)| k);
        let mut e = Entity::new(
            format!("report:{key}"),
            format!("{} report", org.name),
            EntityKind::Report,
        );
        for a in &org.aliases {
            e.add_alias(&format!("{a} report"));
        }
        e.publisher = Some(org_ref.id);
        self.record(e)
    }

    /// A mention naming several sources ("Jeb Bush and Chris Christie"):
    /// each part resolved on its own ([`mention::coordinated`]), kept only
    /// when every part is a distinct person, organisation, outlet or report;
    /// otherwise nothing is recorded and `None` is returned.
    fn coordinated(&mut self, text: &str, pos: usize) -> Option<Vec<EntityRef>> {
        let parts = mention::coordinated(text)?;
        let saved = self.entities.clone();
        let mut got: Vec<(EntityRef, &str)> = Vec::with_capacity(parts.len());
        for (at, part) in parts {
            let start = pos + text[..at].chars().count();
            match self.resolve(part, start) {
                Outcome::Entity(e) if !got.iter().any(|g| g.0.id == e.id) => got.push((e, part)),
                _ => {
                    self.entities = saved;
                    return None;
                }
            }
        }
        if let Some(list) = mention::typed_by_coordination(&got) {
            let mut out = Vec::with_capacity(list.len());
            for (e, part, why) in list {
                out.push(match why {
                    Some(why) => self.person(&e.name, &mention::parse(part), None, Some(why)),
                    None => e,
                });
            }
            return Some(out);
        }
        self.entities = saved;
        None
    }

    fn last(&self, kinds: &[EntityKind]) -> Option<EntityRef> {
        self.history
            .iter()
            .rev()
            .take(HISTORY)
            .find(|e| kinds.contains(&e.kind))
            .cloned()
    }

    /// Resolves one source mention that starts at character `pos`.
    fn resolve(&mut self, text: &str, pos: usize) -> Outcome {
        let text = without_time_clause(text);
        self.at = pos;
        self.mention = text.to_string();
        if let Some(o) = self.respondents(text) {
            return o;
        }
        if let Some((publisher, head)) = conducted_by(text) {
            return Outcome::Entity(self.report_by(&publisher, &head));
        }
        let mut m = mention::parse(text);
        if let Some(p) = &m.pronoun {
            return self.pronoun(p, pos);
        }
        // A capitalised noun alone is a noun, not a name ("Report:", "Speakers", "Images").
        if m.head.is_none()
            && let Some(n) = m.name.clone()
            && !n.contains(' ')
            && (is_in(REPORT_NOUNS, &n)
                || is_in(VAGUE_NOUNS, &n)
                || is_in(VAGUE_EXTRA, &n)
                || is_in(OUTLET_NOUNS, &n)
                || n.ends_with('s') && is_role(&n[..n.len() - 1]))
        {
            m.head = Some(n.to_lowercase());
            m.name = None;
        }
        // "A USA TODAY/Rock the Vote Millennial Poll": a poll's proper name.
        if let Some(n) = m.name.clone()
            && let Some((base, last)) = n.rsplit_once(' ')
            && is_in(&["Poll", "Study"], last)
            && last.starts_with(char::is_uppercase)
            && base.chars().any(char::is_alphabetic)
            && gazetteer().lookup(&n).is_none()
        {
            let e = Entity::new(format!("report:{}", slug(&n)), n, EntityKind::Report);
            return Outcome::Entity(self.record(e));
        }
        let report_head = m
            .head
            .as_deref()
            .is_some_and(|h| is_in(REPORT_NOUNS, h) && !is_in(DOCUMENT_NOUNS, h));
        if report_head {
            return self.report(&m);
        }
        if let Some(name) = m.name.clone()
            && let Some(o) = self.named_mention(&m, &name, text)
        {
            return o;
        }
        // "US designations and open-source evidence": coordinated unnamed sources.
        let last = text
            .split_whitespace()
            .last()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .unwrap_or_default();
        if m.name.is_none()
            && text.contains(" and ")
            && (is_in(VAGUE_NOUNS, &last) || is_in(VAGUE_EXTRA, &last))
            && matches!(m.determiner, Determiner::None | Determiner::Indefinite)
        {
            return Outcome::Vague;
        }
        self.description(&m, pos)
    }

    /// A share of a poll's respondents as the source ("42 percent of the
    /// Republicans surveyed in the CBS poll", "one in five", "half of
    /// respondents"): the poll named in the mention, else the report cited
    /// before; `None` when the mention is not a share.
    fn respondents(&mut self, text: &str) -> Option<Outcome> {
        let words: Vec<String> = text
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '/' && c != '-')
                    .to_string()
            })
            .filter(|w| !w.is_empty())
            .collect();
        // "with three in 10 saying": the share after its preposition.
        let words = match words.first() {
            Some(w) if w == "with" => &words[1..],
            _ => &words[..],
        };
        let first = words.first()?.to_lowercase();
        let number = first.chars().next().is_some_and(|c| c.is_ascii_digit())
            || is_in(
                &[
                    "half",
                    "majority",
                    "majorities",
                    "one",
                    "two",
                    "three",
                    "four",
                    "five",
                    "six",
                    "seven",
                    "eight",
                    "nine",
                    "ten",
                    "most",
                    "nearly",
                    "almost",
                    "about",
                    "roughly",
                    "just",
                    "only",
                    "more",
                    "fewer",
                    "less",
                ],
                &first,
            )
            || first.contains("-percent")
            || first.ends_with("percent")
            // Spelled numbers: "Sixty-six", "Twelve", "Thirty".
            || [
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                "eighty", "ninety",
            ]
            .iter()
            .any(|n| first.starts_with(n));
        let share = words.iter().any(|w| {
            let l = w.to_lowercase();
            l == "percent"
                || l.ends_with('%')
                || l == "respondents"
                || l == "surveyed"
                || l == "polled"
        }) || words.len() >= 3 && is_in(&["in", "out"], &words[1]) && number;
        // "majorities of Republican primary voters", "most of those polled":
        // a share of a group, the poll's respondents only when the sentence names the poll.
        let of_group = words.len() >= 3
            && words[1].eq_ignore_ascii_case("of")
            && is_in(
                &["majority", "majorities", "most", "half", "plurality"],
                &first,
            );
        if !(number && (share || of_group)) {
            return None;
        }
        // "in the CBS poll": the capitalised words before a poll noun.
        if let Some(k) = words.iter().rposition(|w| is_in(&["poll", "survey"], w)) {
            let mut j = k;
            while j > 0
                && words[j - 1].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            {
                j -= 1;
            }
            if j < k {
                let publisher = words[j..k].join(" ");
                return Some(Outcome::Entity(self.report_by(&publisher, &words[k])));
            }
        }
        if let Some(r) = self.poll_in_sentence() {
            return Some(Outcome::Entity(r));
        }
        if !share {
            return None;
        }
        Some(
            self.last(&[EntityKind::Report])
                .or_else(|| self.main_report.clone())
                .map_or(Outcome::Unresolved, Outcome::Entity),
        )
    }

    /// The poll the sentence around the mention being resolved names: one
    /// "conducted by/for X" ("exit polls conducted for the Associated Press
    /// … by Edison Research"), else a poll or survey with its sponsor's
    /// capitalised name before the noun ("a new CBS News poll").
    fn poll_in_sentence(&mut self) -> Option<EntityRef> {
        let start = scan::sentence_start(&self.chars, self.at);
        let mut end = self.at;
        while end < self.chars.len()
            && !(matches!(self.chars[end], '.' | '!' | '?' | '\n')
                && self.chars.get(end + 1).is_none_or(|c| c.is_whitespace()))
        {
            end += 1;
        }
        let sentence: String = self.chars[start..end].iter().collect();
        if let Some((publisher, head)) = conducted_by(&sentence) {
            return Some(self.report_by(&publisher, &head));
        }
        let ws = scan::words(&self.chars, start, end);
        let k = ws.iter().position(|w| {
            is_in(&["poll", "survey"], w.raw.trim_end_matches([',', '.']))
                && w.raw.starts_with(char::is_lowercase)
        })?;
        let mut j = k;
        while j > 0 && k - j < 5 {
            let p = &ws[j - 1];
            let small = j >= 2 && is_in(&["the", "of", "and"], &p.raw) && ws[j - 2].capitalized();
            if !(p.capitalized() && !p.closes() || small)
                || ["The", "A", "An", "This", "New", "Latest"].contains(&p.raw.as_str())
            {
                break;
            }
            j -= 1;
        }
        // "When the poll", "September Washington Post-ABC News poll": no
        // sponsor's name opens with a common word or a month.
        while j < k
            && (!ws[j].capitalized()
                || is_common_word(ws[j].bare())
                || is_calendar_word(ws[j].bare()))
        {
            j += 1;
        }
        if j == k {
            return None;
        }
        let publisher: Vec<&str> = ws[j..k].iter().map(|w| w.raw.as_str()).collect();
        let noun = ws[k].raw.trim_end_matches([',', '.']).to_lowercase();
        Some(self.report_by(&publisher.join(" "), &noun))
    }

    /// A report mention: its publisher when named ("a Politico report", "a
    /// new report by The New York Times"), else the report met before.
    fn report(&mut self, m: &Mention) -> Outcome {
        let head = m.head.clone().unwrap_or_default();
        let from_name = m.name.as_deref().and_then(|n| {
            let ws: Vec<&str> = n.split_whitespace().collect();
            let (last, rest) = ws.split_last()?;
            (last.eq_ignore_ascii_case(&head) && !rest.is_empty()).then(|| rest.join(" "))
        });
        // "by/from X" names a publisher; "in/of/at X" only when X is an
        // organisation or outlet ("a report in US-based MEMRI", not "polls in Pennsylvania").
        let from_pp = m.pp_name.as_ref().and_then(|(prep, n)| {
            let by = is_in(&["by", "from"], prep);
            let org = is_in(&["of", "in", "at", "for"], prep)
                && (gazetteer().lookup(n).is_some()
                    || is_acronym(n)
                    || self.acronyms.values().any(|l| l == n)
                    || n.to_lowercase()
                        .split_whitespace()
                        .any(|w| is_in(ORG_WORDS, w)));
            (by || org).then(|| n.clone())
        });
        let fit = |p: &String| {
            p.chars().any(char::is_alphabetic)
                && !is_common_word(p)
                && !p.split_whitespace().all(|w| {
                    is_common_word(w)
                        || is_in(PARTY_LABELS, w)
                        || is_in(VAGUE_NOUNS, w)
                        || is_in(OUTLET_NOUNS, w)
                })
        };
        let publisher = [
            from_name,
            m.possessor.clone(),
            m.affiliation.clone(),
            from_pp,
        ]
        .into_iter()
        .flatten()
        .find(fit);
        if let Some(p) = publisher {
            return Outcome::Entity(self.report_by(&p, &head));
        }
        let plural = head.ends_with('s') && head != "analysis";
        match m.determiner {
            // "the report", "the findings of the report": the report met before.
            Determiner::Definite | Determiner::Possessive => self
                .last(&[EntityKind::Report])
                .or_else(|| self.main_report.clone())
                .map_or(Outcome::Unresolved, Outcome::Entity),
            Determiner::Indefinite | Determiner::None if !plural => self
                .main_report
                .clone()
                .or_else(|| self.last(&[EntityKind::Report]))
                .map_or(Outcome::Vague, Outcome::Entity),
            Determiner::Indefinite | Determiner::None => Outcome::Vague,
        }
    }

    /// A mention with a name: a person, an outlet, an organisation or a name
    /// of unknown kind; `None` when the "name" is a common word or a group.
    fn named_mention(&mut self, m: &Mention, name: &str, text: &str) -> Option<Outcome> {
        // A person's name ends before "of"/"for" ("Elijah Cummings of
        // Maryland"); a headline's words after a full name are not the name.
        let mut name = name.to_string();
        let mut m = m.clone();
        if let Some(cut) = [" of ", " for "].iter().find_map(|p| name.find(p))
            && (2..=3).contains(&name[..cut].split_whitespace().count())
            && (is_first_name(name.split_whitespace().next().unwrap_or(""))
                || name.split_whitespace().next().is_some_and(|w| {
                    // "G.K. Butterfield of North Carolina": initials open a person's name.
                    w.contains('.') && w.chars().filter(|c| c.is_uppercase()).count() >= 2
                })
                || self.census.full(&name[..cut]).is_some())
            && !name[..cut]
                .to_lowercase()
                .split_whitespace()
                .any(|w| is_in(ORG_WORDS, w) || is_in(ORG_HEADS, w))
        {
            let rest = name[cut..]
                .trim()
                .split_once(' ')
                .map_or("", |(_, r)| r.trim());
            let rest = rest.strip_prefix("the ").unwrap_or(rest).to_string();
            if m.affiliation.is_none() && !rest.is_empty() {
                m.affiliation = Some(rest);
            }
            name.truncate(cut);
        }
        let m = &m;
        let orgish = |n: &str| {
            n.to_lowercase()
                .split_whitespace()
                .any(|w| is_in(ORG_WORDS, w) || is_in(ORG_HEADS, w))
        };
        if name.split_whitespace().count() >= 3
            && m.head.is_none()
            && !orgish(&name)
            && let Some(p) = self
                .census
                .people
                .iter()
                .find(|p| name.starts_with(&format!("{} ", p.name)))
        {
            name = p.name.clone();
        }
        let name = name.as_str();
        let words: Vec<&str> = name.split_whitespace().collect();
        if !name.chars().any(char::is_alphabetic) {
            return None;
        }
        let single = words.len() == 1;
        // A group ("Republicans", "many Democrats", "Some Americans") is an
        // unnamed source; "the Chinese" is nobody in particular.
        if single
            && m.honorific.is_none()
            && (is_group_word(name) || is_demonym(name))
            && self.census.by_surname(name).is_empty()
        {
            let plural = name.ends_with('s');
            return Some(
                if plural && matches!(m.determiner, Determiner::None | Determiner::Indefinite) {
                    Outcome::Vague
                } else {
                    Outcome::Unresolved
                },
            );
        }
        if single && (is_common_word(name) || is_in(PARTY_LABELS, name)) {
            return None;
        }
        // An all-capitals dateline word ("BRUSSELS") is a place heading, not a source.
        if single
            && name.chars().count() >= 6
            && name.chars().all(char::is_uppercase)
            && name.chars().filter(|c| "AEIOU".contains(*c)).count() >= 2
            && !self.acronyms.contains_key(name)
        {
            return None;
        }
        // A first name alone, of exactly one person the article names in full ("Melania").
        if single && is_first_name(name) {
            let with_first: Vec<usize> = (0..self.census.people.len())
                .filter(|&i| {
                    self.census.people[i]
                        .name
                        .split_whitespace()
                        .next()
                        .is_some_and(|f| f.eq_ignore_ascii_case(name))
                })
                .collect();
            if let [i] = with_first.as_slice() {
                let full = self.census.people[*i].name.clone();
                let why =
                    format!("first name: \"{name}\" is {full}, named in full in the same article");
                return Some(Outcome::Entity(self.person(&full, m, Some(*i), Some(why))));
            }
        }
        // "a New Hampshire Republican": an unnamed party member.
        if words.len() >= 2
            && words
                .last()
                .is_some_and(|w| is_in(&["Republican", "Democrat"], w))
            && matches!(m.determiner, Determiner::Indefinite)
        {
            return Some(Outcome::Vague);
        }
        // "(R-S.C.)": a party and state, never a name.
        if name.len() <= 8 && name.chars().nth(1) == Some('-') && name.starts_with(['R', 'D', 'I'])
        {
            return None;
        }
        // The last words of one person named in full ("Wasserman Schultz"
        // after "Debbie Wasserman Schultz"): that person.
        if words.len() == 2 && m.determiner != Determiner::Definite && !is_first_name(words[0]) {
            let tail = format!(" {name}");
            let holders: Vec<usize> = (0..self.census.people.len())
                .filter(|&i| {
                    let full = &self.census.people[i].name;
                    full.split_whitespace().count() >= 3
                        && full.ends_with(&tail)
                        && full.split_whitespace().next().is_some_and(is_first_name)
                })
                .collect();
            if let [i] = holders.as_slice() {
                let full = self.census.people[*i].name.clone();
                let why =
                    format!("surname: \"{name}\" is {full}, named in full in the same article");
                return Some(Outcome::Entity(self.person(&full, m, Some(*i), Some(why))));
            }
        }
        let first = words.first().map_or("", |w| w.trim_end_matches('.'));
        // "R. Gil Kerlikowske": an initial, then a first name.
        let initial_first = words.len() >= 3
            && first.chars().count() == 1
            && first.chars().all(char::is_uppercase)
            && is_first_name(words[1]);
        let initials = words.len() >= 3
            && words[1..words.len() - 1]
                .iter()
                .all(|w| w.trim_end_matches('.').chars().count() == 1);
        let titled = m.honorific.is_some() || m.role.as_deref().is_some_and(person_role);
        // A relative of someone named in the article ("Ivanka Trump" beside Donald Trump).
        let family = words.len() == 2 && !self.census.by_surname(words[1]).is_empty();
        let person_evidence = titled
            || family
            || (2..=3).contains(&words.len()) && is_first_name(first)
            || initials
            || initial_first
            || self.census.full(name).is_some()
            || single && self.census.titled.contains_key(&name.to_lowercase())
            || single && is_first_name(name) && !is_wordy_first_name(name);
        // 1. A surname of someone the article names in full ("Trump" after
        // "Donald Trump"); "The Hill" is never a surname.
        if single && m.determiner != Determiner::Definite {
            let list = self.census.by_surname(name);
            if !list.is_empty() {
                let gender = m.honorific.flatten();
                if let Some(g) = gender
                    && self.honorific_conflict(name, &list)
                {
                    // "Mr. Khan" where the article names only a Ghazala Khan
                    // and also writes "Ms. Khan": someone else, kept apart.
                    let hon = if g == Gender::Male { "Mr." } else { "Ms." };
                    let display = format!("{hon} {name}");
                    let r = self.person(&display, m, None, None);
                    if let Some(e) = self.entities.get_mut(&r.id) {
                        let note = format!(
                            "kept apart: \"{display}\" is not {}, the only {name} named in full",
                            self.census.people[list[0]].name
                        );
                        if !e.notes.contains(&note) {
                            e.notes.push(note);
                        }
                    }
                    return Some(Outcome::Entity(r));
                }
                // Of two people sharing a surname, the only one the text has
                // named in full so far ("Hunter" before "his father, Duncan Hunter Sr.").
                let named_so_far: Vec<usize> = {
                    let before = self.census.before(self.at);
                    list.iter()
                        .copied()
                        .filter(|i| before.contains(i))
                        .collect()
                };
                let pick = pick_by_gender(&self.census.people, &list, gender)
                    .or_else(|| prominent(&self.census.people, &list))
                    .or_else(|| match named_so_far.as_slice() {
                        [one]
                            if gender.is_none_or(|g| {
                                self.census.people[*one].gender.is_none_or(|x| x == g)
                            }) =>
                        {
                            Some(*one)
                        }
                        _ => None,
                    });
                if let Some(i) = pick {
                    let full = self.census.people[i].name.clone();
                    let why = if list.len() == 1 {
                        format!("surname: \"{name}\" is {full}, named in full in the same article")
                    } else {
                        format!(
                            "surname: \"{name}\" is {full}, the most named of {} people with that surname in the article",
                            list.len()
                        )
                    };
                    return Some(Outcome::Entity(self.person(&full, m, Some(i), Some(why))));
                }
                let who: Vec<String> = list
                    .iter()
                    .map(|&i| self.census.people[i].name.clone())
                    .collect();
                let r = self.person(name, m, None, None);
                if let Some(e) = self.entities.get_mut(&r.id) {
                    let note = format!(
                        "ambiguous: \"{name}\" may be {} (kept apart)",
                        who.join(" or ")
                    );
                    if !e.notes.contains(&note) {
                        e.notes.push(note);
                    }
                }
                return Some(Outcome::Entity(r));
            }
        }
        // "The Times", "the Post": the outlet cited before whose name ends so.
        if single && m.determiner == Determiner::Definite && is_in(OUTLET_TAILS, name) {
            let o = self.history.iter().rev().take(HISTORY).find(|e| {
                e.kind == EntityKind::Outlet
                    && e.name
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| w.eq_ignore_ascii_case(name))
            });
            return Some(o.cloned().map_or(Outcome::Unresolved, Outcome::Entity));
        }
        // 2. A news outlet: the whole name, never a word inside a person's name.
        if !(titled || words.len() >= 2 && is_first_name(first))
            && let Some(o) = gazetteer().lookup(name)
        {
            let e = Entity::new(o.id.clone(), o.name.clone(), EntityKind::Outlet);
            return Some(Outcome::Entity(self.record(e)));
        }
        // 3. An organisation: an acronym, a defined acronym or an organisation word.
        let lname = name.to_lowercase();
        if words.len() >= 2 && !titled && words.last().is_some_and(|w| is_in(OUTLET_TAILS, w)) {
            let e = Entity::new(
                format!("outlet:{}", org_key(name)),
                name.to_string(),
                EntityKind::Outlet,
            );
            return Some(Outcome::Entity(self.record(e)));
        }
        let org_like = is_acronym(name)
            || self.acronyms.contains_key(name)
            || lname
                .split_whitespace()
                .any(|w| is_in(ORG_WORDS, w) || is_in(ORG_HEADS, w))
            || m.head.as_deref().is_some_and(|h| is_in(ORG_HEADS, h));
        let outlet_word = words_of(text).iter().any(|w| is_in(OUTLET_NOUNS, w));
        if outlet_word && !person_evidence && !org_like {
            let key = org_key(name);
            let e = Entity::new(
                format!("outlet:{key}"),
                name.to_string(),
                EntityKind::Outlet,
            );
            return Some(Outcome::Entity(self.record(e)));
        }
        if org_like && (!titled || m.head.as_deref().is_some_and(|h| is_in(ORG_HEADS, h))) {
            let full = self.campaign_of(name);
            if full != name {
                let mut e = self.named(&full);
                e.add_alias(name);
                return Some(Outcome::Entity(self.record(e)));
            }
            let e = self.named(name);
            return Some(Outcome::Entity(self.record(e)));
        }
        // 4. A person.
        if person_evidence {
            return Some(Outcome::Entity(self.person(
                name,
                m,
                self.census.full(name),
                None,
            )));
        }
        if single {
            // A surname met as a source earlier in the article.
            if let Some(p) = self.history.iter().rev().take(HISTORY).find(|e| {
                e.kind == EntityKind::Person && e.name.split_whitespace().last() == Some(name)
            }) {
                return Some(Outcome::Entity(p.clone()));
            }
            if is_group_word(name) || is_demonym(name) {
                return None;
            }
        }
        // 5. Named, but the text does not say what it is.
        let e = Entity::new(
            format!("entity:{}", slug(name)),
            name.to_string(),
            EntityKind::Unknown,
        );
        Some(Outcome::Entity(self.record(e)))
    }

    /// True when a surname after an honorific cannot be told to be the one
    /// person of that surname the article names in full: the article writes
    /// the surname after both "Mr." and "Ms./Mrs." (two people), and that
    /// person's first name tells no gender ("Ghazala Khan").
    fn honorific_conflict(&self, surname: &str, list: &[usize]) -> bool {
        let [i] = list else {
            return false;
        };
        let first = self.census.people[*i]
            .name
            .split_whitespace()
            .next()
            .unwrap_or_default();
        first_name_gender(first).is_none() && self.mixed_honorifics(surname)
    }

    /// True when the article writes `surname` after both a male and a female honorific.
    fn mixed_honorifics(&self, surname: &str) -> bool {
        self.honorific_surnames
            .get(&surname.to_lowercase())
            .is_some_and(|&(m, f)| m && f)
    }

    /// True when census person `i` may not be told by gender: the first
    /// name gives none and the surname is written after both "Mr." and "Ms.".
    fn unsure_gender(&self, i: usize) -> bool {
        let p = &self.census.people[i];
        let first = p.name.split_whitespace().next().unwrap_or_default();
        first_name_gender(first).is_none() && self.mixed_honorifics(&p.surname)
    }

    /// A person entity: keyed by first and last name; the census's full name
    /// when known; with the mention's affiliation.
    fn person(
        &mut self,
        name: &str,
        m: &Mention,
        census: Option<usize>,
        why: Option<String>,
    ) -> EntityRef {
        let (display, key) = match census.and_then(|i| self.census.people.get(i)) {
            Some(p) => (p.name.clone(), p.key.clone()),
            None => (name.to_string(), person_key(name)),
        };
        let mut e = Entity::new(format!("person:{key}"), display.clone(), EntityKind::Person);
        if name != display {
            e.add_alias(name);
        }
        if let Some(w) = why {
            e.merges.push(w);
        }
        if let Some(a) = &m.affiliation
            && let Some(org) = self.affiliation(a)
        {
            e.affiliations.push(org.id);
        }
        let gender = census
            .and_then(|i| self.census.people.get(i))
            .and_then(|p| p.gender)
            .or(m.honorific.flatten())
            .or_else(|| {
                // "Clinton" alone is a surname, not the first name Clinton.
                let mut ws = name.split_whitespace();
                let first = ws.next()?;
                ws.next()?;
                first_name_gender(first)
            });
        if let Some(g) = gender {
            self.genders.entry(e.id.clone()).or_insert(g);
        }
        if let Some(role) = &m.role {
            let roles = self.roles.entry(e.id.clone()).or_default();
            for w in role.split_whitespace() {
                let w = w.trim_end_matches('.').to_lowercase();
                if !roles.contains(&w) {
                    roles.push(w);
                }
            }
        }
        let r = self.record(e);
        if let Some(rec) = self.entities.get_mut(&r.id) {
            for a in &rec.affiliations.clone() {
                if !rec.affiliations.contains(a) {
                    rec.affiliations.push(a.clone());
                }
            }
        }
        r
    }

    /// "Trump campaign" → "Donald Trump campaign" when the article names
    /// exactly one person of that surname in full; other names unchanged.
    fn campaign_of(&self, name: &str) -> String {
        let words: Vec<&str> = name.split_whitespace().collect();
        if let [surname, head] = words.as_slice()
            && head.eq_ignore_ascii_case("campaign")
            && let [i] = self.census.by_surname(surname).as_slice()
        {
            return format!("{} {head}", self.census.people[*i].name);
        }
        // "the Trump team", "the Clinton camp": the campaign, when the
        // article speaks of that person's campaign.
        if let [surname, head] = words.as_slice()
            && is_in(&["team", "camp"], head)
            && let [i] = self.census.by_surname(surname).as_slice()
        {
            let text: String = self.chars.iter().collect();
            let campaign = [" campaign", "'s campaign", "’s campaign"]
                .iter()
                .any(|t| text.contains(&format!("{surname}{t}")));
            if campaign {
                return format!("{} campaign", self.census.people[*i].name);
            }
        }
        name.to_string()
    }

    /// The organisation or outlet an affiliation names, when it names one
    /// ("Clinton campaign", "Rice University", "NBC"); places and party
    /// labels alone ("Pennsylvania", "Libertarian") are not affiliations.
    fn affiliation(&mut self, a: &str) -> Option<EntityRef> {
        let a = a.trim();
        let e = if let Some(o) = gazetteer().lookup(a) {
            Entity::new(o.id.clone(), o.name.clone(), EntityKind::Outlet)
        } else {
            let lower = a.to_lowercase();
            let org = is_acronym(a)
                || self.acronyms.contains_key(a)
                || lower
                    .split_whitespace()
                    .any(|w| is_in(ORG_WORDS, w) || is_in(ORG_HEADS, w));
            if !org || lower.split_whitespace().all(|w| is_in(PARTY_LABELS, w)) {
                return None;
            }
            let full = self.campaign_of(a);
            let mut e = self.named(&full);
            if full != a {
                e.add_alias(a);
            }
            e
        };
        let r = e.as_ref();
        self.entities.entry(e.id.clone()).or_insert(e);
        Some(r)
    }

    /// A description without a name: "his attorney", "the campaign", "a
    /// senior official", "sources familiar with the talks".
    fn description(&mut self, m: &Mention, pos: usize) -> Outcome {
        let Some(h) = m.head.clone() else {
            return Outcome::Unresolved;
        };
        let det = m.determiner;
        let plural = h.ends_with('s') && !h.ends_with("ss");
        let vague_head = is_in(VAGUE_NOUNS, &h)
            || is_role(h.trim_end_matches('s'))
            || is_role(&h)
            || is_in(VAGUE_EXTRA, &h);
        // "a spokesman for the Clinton campaign", "officials at the Pentagon".
        if let Some((prep, n)) = &m.pp_name
            && is_in(&["for", "at", "of", "from", "with", "in"], prep)
            && vague_head
            && det != Determiner::Possessive
            && let Some(org) = self.affiliation(n)
        {
            if let Some(e) = self.entities.get_mut(&org.id) {
                e.mentions = e.mentions.max(1);
            }
            return Outcome::Entity(org);
        }
        // Unnamed sources: "sources", "a senior official", "one militant",
        // "Images from the meeting", "some experts".
        if is_in(VAGUE_NOUNS, &h)
            && m.possessor.is_none()
            && matches!(det, Determiner::Indefinite | Determiner::None)
            && m.pp_name.is_none()
        {
            return Outcome::Vague;
        }
        if is_in(OUTLET_NOUNS, &h) && det == Determiner::Definite {
            return self
                .last(&[EntityKind::Outlet])
                .map_or(Outcome::Unresolved, Outcome::Entity);
        }
        // "the book", "the memoir": the work the text named by its title.
        if is_in(scan::WORK_NOUNS, &h) && det == Determiner::Definite {
            if let Some(e) = self.last(&[EntityKind::Document]) {
                return Outcome::Entity(e);
            }
            let Some(title) = scan::titled_work(&self.chars, pos, SCAN_REACH) else {
                return Outcome::Unresolved;
            };
            let mut e = Entity::new(
                format!("document:{}", slug(&title)),
                title.clone(),
                EntityKind::Document,
            );
            e.merges.push(format!(
                "description: \"the {h}\" is {title}, the work the text names by its title before"
            ));
            return Outcome::Entity(self.record(e));
        }
        if is_in(DOCUMENT_NOUNS, &h) {
            return if det == Determiner::Definite {
                self.last(&[EntityKind::Document, EntityKind::Report])
                    .map_or(Outcome::Unresolved, Outcome::Entity)
            } else {
                Outcome::Unresolved
            };
        }
        if vague_head
            && (m.possessor.is_none() || plural)
            && (det == Determiner::Indefinite
                || det == Determiner::None && (plural || is_in(VAGUE_NOUNS, &h)))
        {
            return Outcome::Vague;
        }
        // "the campaign", "his campaign": the campaign of the person met last.
        if h == "campaign" && matches!(det, Determiner::Definite | Determiner::Possessive) {
            let org = self.history.iter().rev().take(HISTORY).find(|e| {
                e.kind == EntityKind::Organization && e.name.to_lowercase().ends_with(" campaign")
            });
            if let Some(o) = org {
                return Outcome::Entity(o.clone());
            }
            let want = match m.possessor_pronoun.as_deref() {
                Some("his") => Some(Gender::Male),
                Some("her") => Some(Gender::Female),
                _ => None,
            };
            // Of the people cited so far, the one the article names most: a
            // campaign's spokesman is cited, the candidate is talked about.
            let person = self
                .history
                .iter()
                .rev()
                .take(HISTORY)
                .filter(|e| {
                    e.kind == EntityKind::Person
                        && e.name.contains(' ')
                        && want.is_none_or(|g| self.genders.get(&e.id).is_none_or(|x| *x == g))
                })
                .max_by_key(|e| self.census_mentions(&e.name));
            // The person of that gender the article names most, cited or not.
            let named = (0..self.census.people.len())
                .filter(|&i| {
                    want.is_none_or(|g| self.census.people[i].gender.is_none_or(|x| x == g))
                })
                .max_by_key(|&i| self.census.mentions.iter().filter(|m| m.1 == i).count())
                .map(|i| self.census.people[i].name.clone());
            let person = named.or_else(|| person.map(|p| p.name.clone()));
            if let Some(name) = person {
                let p = EntityRef {
                    id: String::new(),
                    name,
                    kind: EntityKind::Person,
                };
                let mut e = self.named(&format!("{} campaign", p.name));
                e.merges.push(format!(
                    "description: \"the campaign\" is the campaign of {}, the person cited last",
                    p.name
                ));
                return Outcome::Entity(self.record(e));
            }
        }
        // "the campaign", "the agency": an organisation met before whose name has that word.
        if is_in(ORG_HEADS, &h) && det == Determiner::Definite {
            let generic = is_in(&["group", "organization", "organisation"], &h);
            let company = is_in(&["company", "firm", "corporation"], &h);
            let modifiers = self.modifiers_of(&h);
            let found = self.history.iter().rev().take(HISTORY).find(|e| {
                let lname = e.name.to_lowercase();
                matches!(e.kind, EntityKind::Organization | EntityKind::Outlet)
                    && !company
                    && (generic
                        || lname.split_whitespace().any(|w| w == h)
                            && modifiers
                                .iter()
                                .all(|m| lname.split_whitespace().any(|w| w == m)))
            });
            if let Some(e) = found {
                return Outcome::Entity(e.clone());
            }
            return self
                .org_by_head(&h)
                .map_or(Outcome::Unresolved, Outcome::Entity);
        }
        // "the president", "the GOP nominee": the person the article gives that role.
        if is_role(&h) && matches!(det, Determiner::Definite) {
            if let Some(r) = self.person_with_role(&h, pos) {
                return Outcome::Entity(r);
            }
            if !plural
                && m.possessor.is_none()
                && let Some(r) = self.topic_person(&h, pos, self.heading_end)
            {
                return Outcome::Entity(r);
            }
            if !plural
                && m.possessor.is_none()
                && let Some(r) = self.titled_person(&h, pos)
            {
                return Outcome::Entity(r);
            }
        }
        Outcome::Unresolved
    }

    /// "The Florida senator", "the GOP nominee" when no one was given that
    /// title: the person the text is about just before — the last person
    /// opening a sentence within reach, whose titles (if the article gives
    /// any) fit `role` ("Sen." fits "senator"), else the last person given a
    /// fitting title — outside quotations and the heading. Only offices and
    /// candidacies: "the man", "the spokesman", "the insider" are somebody
    /// else as often as not.
    fn topic_person(&mut self, role: &str, pos: usize, heading_end: usize) -> Option<EntityRef> {
        if !is_in(OFFICES, role) {
            return None;
        }
        let fits = |p: &census::Person| p.roles.iter().any(|r| role_fits(r, role));
        let near = |&&(at, _): &&(usize, usize)| {
            at < pos
                && at >= heading_end
                && pos - at < 2 * NEAR
                && !self.in_other_quotation(at, pos)
        };
        let &(_, i) = self
            .census
            .mentions
            .iter()
            .rev()
            .filter(near)
            .find(|&&(at, i)| {
                self.census.subjects.binary_search(&at).is_ok()
                    && (self.census.people[i].roles.is_empty() || fits(&self.census.people[i]))
            })
            .or_else(|| {
                self.census
                    .mentions
                    .iter()
                    .rev()
                    .filter(near)
                    .find(|&&(_, i)| fits(&self.census.people[i]))
            })?;
        let full = self.census.people[i].name.clone();
        let why = format!(
            "description: \"the {role}\" is {full}, the person the text is about just before"
        );
        Some(self.person(&full, &mention::parse(""), Some(i), Some(why)))
    }

    /// "the pope" when the text wrote "Pope Francis" before (and no other
    /// name after that title): the census's person of that surname, else
    /// the person named with the title ("Pope Francis"; a longer name
    /// without it). `None` when the title went with two names or none.
    fn titled_person(&mut self, role: &str, pos: usize) -> Option<EntityRef> {
        // Only "the [former] pope": no modifier that picks another one
        // ("the French president"), nothing after the title ("the president of the union").
        let after_head = self
            .mention
            .split_whitespace()
            .skip_while(|w| !w.eq_ignore_ascii_case(role))
            .count();
        if !self.modifiers_of(role).is_empty() || after_head != 1 {
            return None;
        }
        let names = scan::titled_names(&self.chars, pos, role);
        let [name] = names.as_slice() else {
            return None;
        };
        let words: Vec<&str> = name.split_whitespace().collect();
        let last = *words.last()?;
        if words.iter().any(|w| {
            is_common_word(w)
                || is_in(ORG_WORDS, w)
                || is_in(ORG_HEADS, w)
                || is_group_word(w)
                || is_calendar_word(w)
        }) {
            return None;
        }
        let why =
            format!("description: \"the {role}\" is the {name} the text names with that title");
        // A surname of people the article names in full: the one it writes
        // with that title ("President Barack Obama"); nobody when none or
        // several are ("President Clinton" beside Hillary Clinton).
        let list = self.census.by_surname(last);
        if !list.is_empty() {
            let text: String = self.chars.iter().collect();
            let lower = text.to_lowercase();
            let titled: Vec<usize> = list
                .into_iter()
                .filter(|&i| {
                    let full = self.census.people[i].name.to_lowercase();
                    lower.contains(&format!("{role} {full}"))
                        || lower.contains(&format!("{role}. {full}"))
                })
                .collect();
            let [i] = titled.as_slice() else {
                return None;
            };
            let full = self.census.people[*i].name.clone();
            return Some(self.person(&full, &mention::parse(""), Some(*i), Some(why)));
        }
        // An office goes with the name alone ("Obama"); a title that is
        // part of how the person is called stays ("Pope Francis").
        let display = if words.len() == 1 && !is_in(OFFICES, role) && role != "president" {
            let mut t = role.chars();
            let title: String = t
                .next()
                .map(|c| c.to_uppercase().chain(t).collect())
                .unwrap_or_default();
            format!("{title} {name}")
        } else {
            name.clone()
        };
        Some(self.person(&display, &mention::parse(""), None, Some(why)))
    }

    /// "the court", "the department", "the company" when no source before
    /// was one: the organisation the text names last with that head
    /// ("Supreme Court", "State Department"; for a company, a web address
    /// or a name before "Inc."). Words before the head must be in that
    /// name ("the local party" is not the Republican Party); `None` when nothing fits.
    fn org_by_head(&mut self, head: &str) -> Option<EntityRef> {
        let modifiers = self.modifiers_of(head);
        let name = if is_in(&["company", "firm", "corporation"], head) {
            scan::named_company(&self.chars, self.at, COMPANY_REACH, self.heading_end)?
        } else if is_in(&["group", "organization", "organisation", "campaign"], head) {
            return None;
        } else {
            scan::named_with_head(&self.chars, self.at, head, SCAN_REACH, self.heading_end)?
        };
        let lname = name.to_lowercase();
        if !modifiers
            .iter()
            .all(|m| lname.split_whitespace().any(|w| w == m.as_str()))
            || self.census.full(&name).is_some()
        {
            return None;
        }
        let mut e = self.named(&name);
        e.merges.push(format!(
            "description: \"the {head}\" is {name}, named before in the text"
        ));
        Some(self.record(e))
    }

    /// The lower-cased words of the mention being resolved between its
    /// determiner and `head` ("local" in "the local party"); words such as
    /// "former" that say nothing about which one are left out.
    fn modifiers_of(&self, head: &str) -> Vec<String> {
        let ws: Vec<String> = self
            .mention
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        let Some(hi) = ws.iter().position(|w| w == head) else {
            return Vec::new();
        };
        // Only the words after the determiner ("Now the government": none).
        let from = ws[..hi]
            .iter()
            .rposition(|w| is_in(DEFINITE, w.as_str()))
            .map_or(0, |d| d + 1);
        ws[from..hi]
            .iter()
            .filter(|w| !is_in(&["former", "late", "then", "current", "new"], w.as_str()))
            .cloned()
            .collect()
    }

    /// A relative "which" right after a noun phrase and its comma ("a
    /// UN-OPCW panel, which said"): what that phrase names, when it names
    /// an organisation, outlet, report or document; `None` for anything else.
    fn relative_which(&mut self, text: &Text, src: crate::span::Range) -> Option<Outcome> {
        if !text.slice(src).trim().eq_ignore_ascii_case("which") {
            return None;
        }
        let phrase = scan::phrase_before_comma(&self.chars, src.start)?;
        let ws: Vec<&str> = phrase.split_whitespace().collect();
        // "a UN-OPCW panel": a name and an organisation's head noun.
        if ws.len() >= 3
            && let Some((head, name)) = ws[1..].split_last()
            && (is_in(ORG_HEADS, head) || is_in(&["panel", "tribunal"], head))
            && head.chars().all(char::is_lowercase)
            && name.iter().all(|w| w.starts_with(char::is_uppercase))
        {
            let full = format!("{} {head}", name.join(" "));
            let e = self.named(&full);
            return Some(Outcome::Entity(self.record(e)));
        }
        let saved = (self.at, self.mention.clone());
        let o = self.resolve(
            &phrase,
            src.start.saturating_sub(phrase.chars().count() + 2),
        );
        (self.at, self.mention) = saved;
        let law = |n: &str| {
            n.split_whitespace()
                .last()
                .is_some_and(|w| is_in(&["Act", "Law", "Amendment", "Constitution", "Bill"], w))
        };
        Some(match o {
            Outcome::Entity(e)
                if !law(&e.name)
                    && matches!(
                        e.kind,
                        EntityKind::Organization
                            | EntityKind::Outlet
                            | EntityKind::Report
                            | EntityKind::Document
                    ) =>
            {
                Outcome::Entity(e)
            }
            _ => Outcome::Unresolved,
        })
    }

    /// True when `at` lies inside a quotation that does not hold `pos`.
    fn in_other_quotation(&self, at: usize, pos: usize) -> bool {
        self.quoted
            .iter()
            .any(|q| q.start <= at && at < q.end && !(q.start <= pos && pos < q.end))
    }

    /// How often the article mentions the person named `name` (in full or by surname).
    fn census_mentions(&self, name: &str) -> usize {
        self.census.full(name).map_or(0, |i| {
            self.census.mentions.iter().filter(|m| m.1 == i).count()
        })
    }

    /// The person last given `role` (a source with that title, or a name the
    /// article writes after that title), before `pos`.
    fn person_with_role(&mut self, role: &str, pos: usize) -> Option<EntityRef> {
        if let Some(e) = self.history.iter().rev().take(HISTORY).find(|e| {
            e.kind == EntityKind::Person
                && self
                    .roles
                    .get(&e.id)
                    .is_some_and(|r| r.iter().any(|x| role_fits(x, role)))
        }) {
            return Some(e.clone());
        }
        let idx = self.census.before(pos).into_iter().find(|&i| {
            self.census.people[i]
                .roles
                .iter()
                .any(|x| role_fits(x, role))
        })?;
        let full = self.census.people[idx].name.clone();
        let why = format!("description: \"the {role}\" is {full}, given that title in the article");
        Some(self.person(&full, &mention::parse(""), Some(idx), Some(why)))
    }

    /// A definite description set off right after a person's name ("Brian
    /// Murphy, the chairman of the county party, said"): that person, not
    /// whoever else the article gave the title.
    fn appositive_person(&mut self, text: &Text, src: crate::span::Range) -> Option<Outcome> {
        let mention = text.slice(src).trim_start();
        let first = mention.split_whitespace().next()?;
        if !first.eq_ignore_ascii_case("the") {
            return None;
        }
        let before = text.slice(crate::span::Range::new(
            src.start.saturating_sub(60),
            src.start,
        ));
        let name_end = before.trim_end().strip_suffix(',')?;
        let &(at, i) = self
            .census
            .mentions
            .iter()
            .rev()
            .find(|&&(at, _)| at < src.start && src.start - at <= 60)?;
        // The census mention must be the words right before the comma.
        let offset = src.start.saturating_sub(60);
        let name = name_end
            .chars()
            .skip(at.checked_sub(offset)?)
            .collect::<String>();
        let person = &self.census.people[i];
        if name.trim() != person.name && !name.trim().eq_ignore_ascii_case(&person.surname) {
            return None;
        }
        let full = person.name.clone();
        let why = format!("apposition: \"{}\" is set off after {full}", mention.trim());
        Some(Outcome::Entity(self.person(
            &full,
            &mention::parse(""),
            Some(i),
            Some(why),
        )))
    }

    /// A pronoun: he/she to the last person of that gender, it/they to the
    /// report, document or organisation met last; I, we, you, who stay unresolved.
    /// A relative "who" right after a person named and set off by a comma
    /// ("Matt Duss, the president of the foundation, who", "Clinton, who"):
    /// that person, not the organisation in the apposition.
    fn relative_person(&mut self, text: &Text, src: crate::span::Range) -> Option<Outcome> {
        if !text.slice(src).trim().eq_ignore_ascii_case("who") {
            return None;
        }
        let &(at, i) = self
            .census
            .mentions
            .iter()
            .rev()
            .find(|(at, _)| *at < src.start)?;
        if src.start - at > RELATIVE_REACH {
            return None;
        }
        let between = text.slice(crate::span::Range::new(at, src.start));
        let sentence_end = between.contains('\n')
            || between
                .split_whitespace()
                .any(|w| w.ends_with(['.', '?', '!']) && w.chars().count() > 3);
        let (name, _) = between.split_once(',')?;
        let name_only = name
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        if sentence_end || !name_only || !between.trim_end().ends_with(',') {
            return None;
        }
        let full = self.census.people[i].name.clone();
        Some(Outcome::Entity(self.person(
            &full,
            &mention::parse(""),
            Some(i),
            None,
        )))
    }

    /// A party-and-state tag as the source ("R-S.C." in "Sen. Lindsey
    /// Graham, R-S.C., said"): the person named right before the comma or bracket.
    fn party_tag_person(&mut self, text: &Text, src: crate::span::Range) -> Option<Outcome> {
        let tag = text.slice(src).trim();
        let (party, state) = tag.split_once('-')?;
        let is_tag = matches!(party, "R" | "D" | "I")
            && state.starts_with(|c: char| c.is_ascii_uppercase())
            && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
            && state.len() <= 8;
        if !is_tag {
            return None;
        }
        let &(at, i) = self
            .census
            .mentions
            .iter()
            .rev()
            .find(|(at, _)| *at < src.start)?;
        let between = text.slice(crate::span::Range::new(at, src.start));
        let (name, rest) = between.split_once(['(', ','])?;
        let name_only = name
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        if !name_only || !rest.trim().is_empty() || name.chars().count() > 40 {
            return None;
        }
        let full = self.census.people[i].name.clone();
        Some(Outcome::Entity(self.person(
            &full,
            &mention::parse(""),
            Some(i),
            None,
        )))
    }

    /// A mention the rules found as vague that is not a source's noun
    /// phrase: a share of respondents cut after its number ("of young
    /// Republicans" after "83%") is the poll; a span opening with a
    /// preposition or a verb's -ing form ("with many", "admonishing
    /// journalists") is not a source; a lone word in the heading ("Poll:",
    /// "official says") is told by the body — the article's named report
    /// for a report noun (a plural there, "Sources", stays vague). Anything
    /// else stays vague.
    fn not_a_source(
        &mut self,
        text: &Text,
        src: crate::span::Range,
        cue: crate::span::Range,
        heading_end: usize,
    ) -> Outcome {
        if let Some(o) = self.named_after_all(text, src, heading_end) {
            return o;
        }
        let m = text.slice(src).trim();
        let mut words = m.split_whitespace();
        let first = words.next().unwrap_or_default();
        let single = words.next().is_none();
        // "according to a new poll that shows … The X-Y poll of 2,000
        // voters …": an unnamed poll the next sentence names is that poll.
        if let Some(noun) = indefinite_report(m)
            && let Some(publisher) = named_later(text, src.end, noun, 300)
        {
            return Outcome::Entity(self.report_by(&publisher, noun));
        }
        if single && let Some(next) = cut_noun_phrase(text, src, cue) {
            // "One operative … tried to downplay it, saying": the whole
            // phrase is an unnamed source, unless another clause ("when
            // Trump, after railing") stands between it and the cue.
            let head = next.to_lowercase();
            let unnamed = is_in(VAGUE_NOUNS, &head)
                || is_in(VAGUE_EXTRA, &head)
                || is_role(&head)
                || is_role(head.trim_end_matches('s'));
            let between = text.slice(crate::span::Range::new(src.end, cue.start));
            let clause = between.split_whitespace().any(|w| {
                is_in(
                    SUBORDINATORS,
                    w.trim_matches(|c: char| !c.is_alphanumeric()),
                )
            });
            if !unnamed || clause {
                return Outcome::Unresolved;
            }
        }
        if is_in(PREPOSITIONS, first) && first.chars().all(|c| c.is_ascii_lowercase()) {
            let rest = m[first.len()..].trim_start();
            if first == "of" {
                let before = text.slice(crate::span::Range::new(
                    src.start.saturating_sub(24),
                    src.start,
                ));
                if let Some(w) = before.split_whitespace().last()
                    && let Some(o) = self.respondents(&format!("{w} of {rest}"))
                {
                    return o;
                }
            }
            return self.respondents(rest).unwrap_or(Outcome::Unresolved);
        }
        let bare = first.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.len() > 5
            && bare.ends_with("ing")
            && !bare.ends_with("thing")
            && bare.chars().all(|c| c.is_ascii_lowercase())
            && !is_in(PARTICIPLE_MODIFIERS, bare)
        {
            return Outcome::Unresolved;
        }
        // A bare singular noun is headline style ("Poll:", "official says");
        // a plural ("Sources") is an unnamed source anywhere.
        if single && src.start < heading_end && !bare.ends_with('s') {
            if is_in(REPORT_NOUNS, bare)
                && let Some(rep) = self.main_report.clone()
            {
                return Outcome::Entity(rep);
            }
            // "Poll: …" over a story that names "A Fox News poll".
            let noun = bare.to_lowercase();
            if is_in(&["poll", "survey", "study"], &noun)
                && let Some(publisher) = named_later(text, heading_end, &noun, 2000)
            {
                return Outcome::Entity(self.report_by(&publisher, &noun));
            }
            return Outcome::Unresolved;
        }
        Outcome::Vague
    }

    /// A person-shaped name of someone the census does not know ("Bill
    /// `McInturff`", a first name the census reads as a word) opening a
    /// sentence after `from` and before `pos`, outside other quotations,
    /// of a gender that fits: the person a he/she follows.
    fn stranger_subject(&mut self, from: usize, pos: usize, want: Gender) -> Option<Outcome> {
        let ws = scan::words(&self.chars, from, pos);
        let found = ws.windows(3).rev().find_map(|w| {
            let (a, b) = (&w[0], &w[1]);
            let first = a.bare();
            let last = b.bare();
            let ok = a.start > from
                && scan::opens_sentence(&self.chars, a.start)
                && !a.closes()
                && is_first_name(first)
                && first_name_gender(first).is_none_or(|g| g == want)
                && b.capitalized()
                && last.chars().count() >= 2
                && last
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                && self.census.by_surname(last).is_empty()
                && self.census.full(&format!("{first} {last}")).is_none()
                && !is_common_word(last)
                && !is_in(ORG_WORDS, last)
                && !is_in(ORG_HEADS, last)
                && !is_group_word(last)
                && !is_demonym(last)
                && !is_calendar_word(last)
                && gazetteer().lookup(&format!("{first} {last}")).is_none()
                && (!w[2].capitalized() || b.closes())
                && !self.in_other_quotation(a.start, pos);
            ok.then(|| format!("{first} {last}"))
        })?;
        let why = format!("pronoun: {found} opens the sentence before, a person the text names");
        Some(Outcome::Entity(self.person(
            &found,
            &mention::parse(""),
            None,
            Some(why),
        )))
    }

    fn pronoun(&mut self, p: &str, pos: usize) -> Outcome {
        match p {
            "he" | "him" | "she" => {
                let want = if p == "she" {
                    Gender::Female
                } else {
                    Gender::Male
                };
                let fits = |g: Option<&Gender>| g.is_none_or(|g| *g == want);
                // A name inside a quotation the pronoun is not in ("… who
                // helped Jesse Jackson win," he said) is talked about, not speaking.
                let quoted_away = |at: usize| self.in_other_quotation(at, pos);
                // The person of that gender the text mentioned last, close
                // before — a sentence's subject first ("Trump attacked Cruz. He said").
                let fits_near = |&&(at, i): &&(usize, usize)| {
                    at < pos
                        && pos - at < NEAR
                        && self.census.people[i].gender.is_none_or(|g| g == want)
                        && !self.unsure_gender(i)
                        && !quoted_away(at)
                };
                // The speaker of the attribution just before goes on speaking
                // ("…," said Donna Lages, a waitress at the Golden Bear. She
                // said …) unless another person opens a sentence in between.
                if let Some((at, e)) = self.last_speaker.clone()
                    && at < pos
                    && pos - at < NEAR
                    && self
                        .genders
                        .get(&e.id)
                        .copied()
                        .or_else(|| {
                            // "Melanie" alone is a first name; "Clinton" alone a surname.
                            let w = e.name.split_whitespace().next()?;
                            self.census
                                .by_surname(w)
                                .is_empty()
                                .then(|| first_name_gender(w))?
                        })
                        .is_none_or(|g| g == want)
                    && !self.census.mentions.iter().any(|&(m, i)| {
                        m > at
                            && m < pos
                            && self.census.subjects.binary_search(&m).is_ok()
                            && self.census.people[i].gender.is_none_or(|g| g == want)
                            && self.census.full(&e.name) != Some(i)
                            && !quoted_away(m)
                    })
                {
                    // A person the text introduces after the speaker, opening a
                    // sentence, is who the pronoun follows.
                    if let Some(o) = self.stranger_subject(at, pos, want) {
                        return o;
                    }
                    if e.kind == EntityKind::Unknown {
                        self.promoted.insert(e.id.clone());
                    }
                    return Outcome::Entity(e);
                }
                let near = self
                    .census
                    .mentions
                    .iter()
                    .rev()
                    .filter(fits_near)
                    .find(|(at, _)| self.census.subjects.binary_search(at).is_ok())
                    .or_else(|| self.census.mentions.iter().rev().find(fits_near))
                    .copied();
                let from = near.map_or(pos.saturating_sub(NEAR), |(at, _)| at);
                if let Some(o) = self.stranger_subject(from, pos, want) {
                    return o;
                }
                if let Some((_, i)) = near {
                    let full = self.census.people[i].name.clone();
                    return Outcome::Entity(self.person(&full, &mention::parse(""), Some(i), None));
                }
                if let Some(e) = self
                    .history
                    .iter()
                    .rev()
                    .take(HISTORY)
                    .find(|e| e.kind == EntityKind::Person && fits(self.genders.get(&e.id)))
                {
                    return Outcome::Entity(e.clone());
                }
                // A single name of unknown kind met as a source ("Zaheer told …
                // He said") is most often a person's.
                if let Some(e) = self
                    .history
                    .iter()
                    .rev()
                    .take(HISTORY)
                    .find(|e| e.kind == EntityKind::Unknown && !e.name.contains(' '))
                    && self.census.before(pos).is_empty()
                {
                    return Outcome::Entity(e.clone());
                }
                let idx = self
                    .census
                    .before(pos)
                    .into_iter()
                    .find(|&i| self.census.people[i].gender.is_none_or(|g| g == want));
                match idx {
                    Some(i) => {
                        let full = self.census.people[i].name.clone();
                        Outcome::Entity(self.person(&full, &mention::parse(""), Some(i), None))
                    }
                    None => Outcome::Unresolved,
                }
            }
            "it" => self
                .last(&[
                    EntityKind::Report,
                    EntityKind::Document,
                    EntityKind::Organization,
                    EntityKind::Outlet,
                ])
                .or_else(|| self.main_report.clone())
                .map_or(Outcome::Unresolved, Outcome::Entity),
            "they" | "them" => match self.history.last() {
                Some(e) if matches!(e.kind, EntityKind::Organization | EntityKind::Outlet) => {
                    Outcome::Entity(e.clone())
                }
                _ => Outcome::Unresolved,
            },
            _ => Outcome::Unresolved,
        }
    }
}

/// A poll, survey, study or research "conducted by X" (else "conducted
/// for X"): the publisher X and the report noun ("exit poll" when the text
/// says so) — "the exit poll conducted by Edison Research for the AP".
fn conducted_by(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '&')
        })
        .collect();
    let k = words.iter().position(|w| {
        is_in(
            &[
                "poll", "polls", "survey", "surveys", "study", "studies", "research",
            ],
            w,
        )
    })?;
    if !words
        .get(k + 1)
        .is_some_and(|w| is_in(&["conducted", "commissioned", "sponsored"], w))
    {
        return None;
    }
    let run_after = |prep: &str| {
        let at = words[k + 2..].iter().position(|w| *w == prep)? + k + 3;
        let mut ws = &words[at.min(words.len())..];
        if ws.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
            ws = &ws[1..];
        }
        let n = ws
            .iter()
            .take_while(|w| w.starts_with(|c: char| c.is_uppercase()) || **w == "&")
            .count();
        (n > 0).then(|| ws[..n].join(" "))
    };
    let publisher = run_after("by").or_else(|| run_after("for"))?;
    let noun = words[k].to_lowercase();
    let head = if k > 0 && words[k - 1].eq_ignore_ascii_case("exit") {
        format!("exit {noun}")
    } else {
        noun
    };
    Some((publisher, head))
}

/// Acronyms defined in the text: "Long Name (ACR)" where ACR spells the initials.
fn acronym_definitions(doc: &Doc) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for p in &doc.paras {
        let t = &p.toks;
        for i in 1..t.len().saturating_sub(2) {
            if !(t[i].is_punct('(') && t[i + 1].is_word() && t[i + 2].is_punct(')')) {
                continue;
            }
            let acro = t[i + 1].text(doc.text);
            // The first definition of an acronym is the one kept.
            if out.contains_key(acro) || acro.chars().filter(|c| c.is_uppercase()).count() < 2 {
                continue;
            }
            // Longest run of words before "(" whose initials spell the acronym.
            let mut j = i;
            let mut best = None;
            while j > 0 && i - j < 10 && t[j - 1].kind == Kind::Word {
                j -= 1;
                let w = t[j].text(doc.text);
                if !capitalized(w) {
                    continue;
                }
                let long = doc.text.get(t[j].b0..t[i - 1].b1).unwrap_or("");
                if acronym_matches(acro, long) {
                    best = Some(long.to_string());
                }
            }
            if let Some(long) = best {
                out.entry(acro.to_string()).or_insert(long);
            }
        }
    }
    out
}

/// The first report the text names: "report in/of/by/from NAME", "NAME report".
fn first_named_report(doc: &Doc) -> Option<String> {
    for p in &doc.paras {
        let t = &p.toks;
        for i in 0..t.len() {
            // Only 5- and 6-byte words can be one of these (a cheap test first).
            if !(t[i].is_word()
                && matches!(t[i].b1.saturating_sub(t[i].b0), 5 | 6)
                && is_in(&["report", "study", "survey"], t[i].text(doc.text)))
            {
                continue;
            }
            // After: "report in US-based Middle East ... (MEMRI)".
            if i + 1 < t.len() && is_in(&["in", "of", "by", "from"], t[i + 1].text(doc.text)) {
                let mut j = i + 2;
                let start = j;
                while j < t.len() && j - start < 14 {
                    let w = t[j].text(doc.text);
                    if t[j].is_word()
                        && (capitalized(w)
                            || is_in(&["the", "of", "for", "and", "think", "tank"], w)
                            || based(w))
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
                let words: Vec<&str> = t[start..j].iter().map(|x| x.text(doc.text)).collect();
                if let Some(name) = name_run(&words) {
                    return Some(name);
                }
            }
            // Before: "The Middle East Media Research Institute report" (a
            // capitalised "Report" is a heading word, not this pattern).
            if capitalized(t[i].text(doc.text)) {
                continue;
            }
            let mut j = i;
            while j > i.saturating_sub(12)
                && j > 0
                && t[j - 1].is_word()
                && capitalized(t[j - 1].text(doc.text))
            {
                j -= 1;
            }
            if j < i {
                let words: Vec<&str> = t[j..i].iter().map(|x| x.text(doc.text)).collect();
                if let Some(name) = name_run(&words) {
                    return Some(name);
                }
            }
        }
    }
    None
}

/// Resolves every found attribution's source; returns one result per found
/// attribution and the article's entity records.
pub fn resolve(doc: &Doc, text: &Text, found: &[Found]) -> (Vec<Resolved>, Vec<Entity>) {
    // The heading block: the title and subtitle, before the first blank line.
    let heading_end = doc
        .text
        .find("\n\n")
        .map_or(0, |b| doc.text[..b].chars().count());
    let mut r = Resolver {
        heading_end,
        acronyms: acronym_definitions(doc),
        entities: BTreeMap::new(),
        history: Vec::new(),
        last_speaker: None,
        quoted: {
            let mut q: Vec<crate::span::Range> = doc
                .quotes
                .iter()
                .flat_map(|q| q.pieces.iter().copied())
                .collect();
            q.sort_unstable_by_key(|r| r.start);
            q
        },
        main_report: None,
        census: Census::of(doc.text),
        genders: HashMap::new(),
        roles: HashMap::new(),
        chars: doc.text.chars().collect(),
        at: 0,
        mention: String::new(),
        promoted: std::collections::BTreeSet::new(),
        honorific_surnames: HashMap::new(),
    };
    r.honorific_surnames = scan::honorific_surnames(&r.chars);
    if let Some(first) = first_named_report(doc) {
        let rep = r.report_of(&first);
        // Counted when an attribution resolves to it, not for being named.
        if let Some(e) = r.entities.get_mut(&rep.id) {
            e.mentions = 0;
        }
        r.main_report = Some(rep);
    }
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let mut also = Vec::new();
        let outcome = match f.antecedent.or(f.source) {
            Some(src) if !f.hedge => {
                let mention = text.slice(src);
                if impersonal(mention, text.slice(f.cue)) {
                    Outcome::Vague
                } else if f.antecedent.is_none()
                    && let Some(mut list) = r.coordinated(mention, src.start)
                {
                    also = list.split_off(1);
                    Outcome::Entity(list.remove(0))
                } else if let Some(o) = f.source.and_then(|s| {
                    r.relative_person(text, s)
                        .or_else(|| r.party_tag_person(text, s))
                        .or_else(|| r.appositive_person(text, s))
                }) {
                    o
                } else {
                    match r.resolve(mention, src.start) {
                        Outcome::Vague => r.not_a_source(text, src, f.cue, heading_end),
                        // "a UN-OPCW panel, which said": the phrase before the comma.
                        Outcome::Unresolved => f
                            .source
                            .and_then(|s| r.relative_which(text, s))
                            .unwrap_or(Outcome::Unresolved),
                        o @ Outcome::Entity(_) => o,
                    }
                }
            }
            // "reportedly", "allegedly": nobody in particular.
            _ if f.hedge => Outcome::Vague,
            // No source in the span: unresolved, not an unnamed source.
            _ => Outcome::Unresolved,
        };
        let vague = outcome == Outcome::Vague;
        let entity = match outcome {
            Outcome::Entity(e) => Some(e),
            _ => None,
        };
        if let Some(e) = &entity {
            if let Some(rec) = r.entities.get_mut(&e.id) {
                rec.mentions = rec.mentions.max(1);
            }
            r.history.push(e.clone());
            // A name of unknown kind may be a person's ("Benard Dreyer"),
            // not when the text writes it with a determiner ("the Philippine Star").
            if (e.kind == EntityKind::Person
                || e.kind == EntityKind::Unknown
                    && person_shaped(&e.name)
                    && f.source.is_some_and(|s| introduced_speaker(text, s)))
                && let Some(src) = f.source
            {
                r.last_speaker = Some((src.start, e.clone()));
            }
        }
        let channel = f.channel.and_then(|c| {
            let o = gazetteer().lookup(text.slice(c))?;
            Some(r.record(Entity::new(
                o.id.clone(),
                o.name.clone(),
                EntityKind::Outlet,
            )))
        });
        for e in &also {
            if let Some(rec) = r.entities.get_mut(&e.id) {
                rec.mentions = rec.mentions.max(1);
            }
        }
        out.push(Resolved {
            entity,
            channel,
            vague,
            also,
        });
    }
    // Entities of unknown kind a he/she took up are people.
    for id in std::mem::take(&mut r.promoted) {
        let Some(mut e) = r.entities.remove(&id) else {
            continue;
        };
        let key = id.split_once(':').map_or(id.as_str(), |(_, k)| k);
        let new_id = format!("person:{key}");
        e.kind = EntityKind::Person;
        e.merges
            .push("kind: a person, taken up by he/she in the text".to_string());
        e.id.clone_from(&new_id);
        match r.entities.get_mut(&new_id) {
            Some(old) => old.mentions += e.mentions,
            None => {
                r.entities.insert(new_id.clone(), e);
            }
        }
        for x in &mut out {
            if let Some(ent) = &mut x.entity
                && ent.id == id
            {
                ent.id.clone_from(&new_id);
                ent.kind = EntityKind::Person;
            }
        }
    }
    // Keep only entities something resolved to, plus publishers of those.
    let used: std::collections::BTreeSet<String> = out
        .iter()
        .flat_map(|x| x.entity.iter().chain(x.channel.iter()).chain(x.also.iter()))
        .map(|e| e.id.clone())
        .collect();
    let publishers: Vec<String> = r
        .entities
        .values()
        .filter(|e| used.contains(&e.id))
        .flat_map(|e| e.publisher.iter().chain(e.affiliations.iter()).cloned())
        .collect();
    let entities = r
        .entities
        .into_values()
        .filter(|e| used.contains(&e.id) || publishers.contains(&e.id))
        .collect();
    (out, entities)
}

#[cfg(test)]
mod tests {
    use crate::article::Article;
    use crate::attribution::analyze;

    /// (source text, (entity name, kind prefix), vague) of one attribution.
    type Row = (String, Option<(String, String)>, bool);

    fn entities(text: &str) -> Vec<Row> {
        let a = Article::new("t", "t", text.to_string());
        analyze(&a)
            .attributions
            .into_iter()
            .map(|x| {
                (
                    x.source.map(|s| s.text).unwrap_or_default(),
                    x.entity.map(|e| (e.name, e.kind.prefix().to_string())),
                    x.vague,
                )
            })
            .collect()
    }

    fn find<'a>(got: &'a [Row], source: &str) -> &'a Row {
        got.iter()
            .find(|x| x.0 == source)
            .unwrap_or_else(|| panic!("no attribution with source {source}: {got:?}"))
    }

    #[test]
    fn titled_people_are_people_with_an_affiliation() {
        let text = "Hillary Clinton spoke in Ohio on Monday.\n\n\
                    Clinton campaign spokesman Brian Fallon said the speech went well.\n\n\
                    Rice University historian Douglas Brinkley said it was a turning point.";
        let a = Article::new("t", "t", text.to_string());
        let got = analyze(&a);
        let fallon = got
            .attributions
            .iter()
            .find(|x| x.source.as_ref().is_some_and(|s| s.text.contains("Fallon")))
            .and_then(|x| x.entity.clone())
            .expect("Fallon");
        assert_eq!(fallon.id, "person:brian-fallon");
        let record = got
            .entities
            .iter()
            .find(|e| e.id == fallon.id)
            .expect("record");
        let org = got
            .entities
            .iter()
            .find(|e| record.affiliations.contains(&e.id))
            .expect("affiliation kept");
        assert_eq!(org.name, "Hillary Clinton campaign");
        let brinkley = entities(text);
        let b = find(&brinkley, "Rice University historian Douglas Brinkley");
        assert_eq!(b.1, Some(("Douglas Brinkley".into(), "person".into())));
    }

    #[test]
    fn surnames_join_the_full_name_and_names_stay_clean() {
        let got = entities(
            "Donald J. Trump held a rally on Tuesday.\n\n\
             But Trump said the polls were wrong.\n\n\
             Democrat Hillary Clinton said he was mistaken.\n\n\
             Mr. Trump said she was lying.",
        );
        assert_eq!(
            find(&got, "Trump").1,
            Some(("Donald J. Trump".into(), "person".into()))
        );
        assert_eq!(
            find(&got, "Democrat Hillary Clinton").1,
            Some(("Hillary Clinton".into(), "person".into()))
        );
        assert_eq!(
            find(&got, "Mr. Trump").1,
            Some(("Donald J. Trump".into(), "person".into()))
        );
    }

    #[test]
    fn outlets_only_as_the_whole_name() {
        let got = entities(
            "Anita Hill said the hearings were unfair.\n\n\
             The Hill reported that the vote was delayed.",
        );
        assert_eq!(
            find(&got, "Anita Hill").1,
            Some(("Anita Hill".into(), "person".into()))
        );
        assert_eq!(
            find(&got, "The Hill").1,
            Some(("The Hill".into(), "outlet".into()))
        );
    }

    #[test]
    fn fragments_are_not_vague_and_who_follows_the_person() {
        let got = entities(
            "Poll: Smith gains on rival.\n\n             A new Gallup poll released Monday shows Smith ahead.\n\n             Sanders invited Matt Duss, the president of the Foundation for Middle East Peace, \
             who said the policy had failed.\n\n             Carson ended by admonishing journalists who cannot put ideology aside.",
        );
        for (src, ent, vague) in &got {
            if src == "Poll" || src.starts_with("admonishing") {
                assert!(!vague, "{src} flagged vague: {got:?}");
            }
            if src == "who" && ent.is_some() {
                assert_eq!(
                    ent.as_ref().map(|e| e.0.as_str()),
                    Some("Matt Duss"),
                    "{got:?}"
                );
            }
        }
        assert!(
            got.iter()
                .any(|(s, e, _)| s == "who" && e.as_ref().is_some_and(|e| e.0 == "Matt Duss")),
            "{got:?}"
        );
    }

    #[test]
    fn a_party_tag_is_the_person_before_it() {
        let got = entities("Sen. Lindsey Graham, R-S.C., said the plan would fail.");
        for (src, ent, _) in &got {
            if src.starts_with("R-") {
                assert_eq!(
                    ent.as_ref().map(|e| e.0.as_str()),
                    Some("Lindsey Graham"),
                    "{got:?}"
                );
            }
        }
        assert!(
            got.iter()
                .any(|(_, e, _)| e.as_ref().is_some_and(|e| e.0 == "Lindsey Graham")),
            "{got:?}"
        );
    }

    #[test]
    fn a_poll_conducted_by_names_its_publisher() {
        use super::conducted_by;
        assert_eq!(
            conducted_by(
                "early results of exit polls conducted for The Associated Press and networks by Edison Research"
            ),
            Some(("Edison Research".to_string(), "exit polls".to_string()))
        );
        assert_eq!(
            conducted_by("Research conducted for the Women's Media Center"),
            Some(("Women's Media Center".to_string(), "research".to_string()))
        );
        assert_eq!(conducted_by("a poll released Monday"), None);
        assert_eq!(conducted_by("polls conducted by phone"), None);
    }

    #[test]
    fn unnamed_sources_are_vague_and_descriptions_are_not() {
        let got = entities(
            "Sources said the deal was close.\n\n\
             A senior official said talks would resume.\n\n\
             His attorney said the charges were false.\n\n\
             It said nothing more.",
        );
        assert!(find(&got, "Sources").2);
        assert!(find(&got, "A senior official").2);
        let lawyer = find(&got, "His attorney");
        assert!(!lawyer.2 && lawyer.1.is_none());
        let it = find(&got, "It");
        assert!(!it.2);
    }

    #[test]
    fn junk_words_are_never_entities() {
        let got = entities(
            "Americans said they were worried.\n\n\
             It said the numbers were up.\n\n\
             All said the same thing.",
        );
        for x in &got {
            assert!(x.1.is_none(), "{x:?}");
        }
    }

    #[test]
    fn a_cut_quantifier_is_not_an_unnamed_source() {
        use super::cut_noun_phrase;
        use crate::span::Range;
        use crate::text::Text;
        let t = Text::new("Many voters were angry when he, after attacking the plan, left.".into());
        let cue = Range::new(38, 47); // "attacking"
        assert_eq!(t.slice(cue), "attacking");
        assert_eq!(cut_noun_phrase(&t, Range::new(0, 4), cue), Some("voters"));
        let t = Text::new("Some have said the plan failed.".into());
        assert_eq!(
            cut_noun_phrase(&t, Range::new(0, 4), Range::new(10, 14)),
            None
        );
        let t = Text::new("Speakers praised it and called for more.".into());
        assert_eq!(
            cut_noun_phrase(&t, Range::new(0, 8), Range::new(23, 29)),
            None
        );
        let t = Text::new("Speakers openly vowed to fight.".into());
        assert_eq!(
            cut_noun_phrase(&t, Range::new(0, 8), Range::new(16, 21)),
            None
        );
        let t = Text::new("Some said the plan failed.".into());
        assert_eq!(
            cut_noun_phrase(&t, Range::new(0, 4), Range::new(5, 9)),
            None
        );
        let t = Text::new("One, a senior aide, said the plan failed.".into());
        assert_eq!(
            cut_noun_phrase(&t, Range::new(0, 3), Range::new(20, 24)),
            None
        );
    }

    #[test]
    fn he_is_the_speaker_before_and_a_description_after_a_name_is_that_name() {
        let got = entities(
            "Mayor Carol Stone opened the fair on Monday.\n\n\
             \"It was a fine day,\" said Dana Whitcombe, a baker at the Silver Oak cafe. \
             She said the crowd was large.\n\n\
             Paul Renner, the chairman of the county board, said the fair would return.",
        );
        assert_eq!(
            find(&got, "She").1,
            Some(("Dana Whitcombe".into(), "person".into()))
        );
        let chair = got
            .iter()
            .find(|x| x.0.contains("chairman") || x.0 == "Paul Renner")
            .unwrap_or_else(|| panic!("{got:?}"));
        assert_eq!(chair.1, Some(("Paul Renner".into(), "person".into())));
    }

    #[test]
    fn a_poll_named_short_is_the_poll_named_in_full_before() {
        let got = entities(
            "Mayor leads.\n\n\
             The race was tied, according to a Hartwell Daily/Channel Nine News poll.\n\n\
             The mayor was ahead in May, according to a Daily/Channel Nine News poll.",
        );
        assert_eq!(
            find(&got, "a Daily/Channel Nine News poll").1,
            Some((
                "Hartwell Daily/Channel Nine News poll".into(),
                "report".into()
            ))
        );
    }

    #[test]
    fn a_title_no_one_was_given_is_the_person_the_text_is_about() {
        let got = entities(
            "Lanton ends his run.\n\n\
             Gregory Lanton spoke to supporters on Tuesday. Lanton thanked his staff.\n\n\
             The Vermont senator sought to calm the crowd, saying the fight would go on.",
        );
        let row = got
            .iter()
            .find(|x| x.0.starts_with("The Vermont senator"))
            .unwrap_or_else(|| panic!("{got:?}"));
        assert_eq!(row.1, Some(("Gregory Lanton".into(), "person".into())));
    }

    #[test]
    fn a_poll_released_monday_is_the_poll() {
        assert_eq!(
            super::without_time_clause("A Quinnipiac poll released Monday"),
            "A Quinnipiac poll"
        );
        assert_eq!(
            super::without_time_clause("a survey conducted last week"),
            "a survey"
        );
        assert_eq!(
            super::without_time_clause("the people surveyed"),
            "the people surveyed"
        );
        let got = entities(
            "Poll news.\n\n\
             A Quinnipiac poll released Monday found that voters rated the economy as good.",
        );
        assert_eq!(
            find(&got, "A Quinnipiac poll released Monday").1,
            Some(("Quinnipiac poll".into(), "report".into()))
        );
    }

    #[test]
    fn an_unnamed_poll_the_next_sentence_names_is_that_poll() {
        use super::{Text, indefinite_report, named_later};
        assert_eq!(indefinite_report("a new poll"), Some("poll"));
        assert_eq!(indefinite_report("a poll of voters"), None);
        assert_eq!(indefinite_report("the poll"), None);
        let t = Text::new(
            "Voters are split, according to a new poll. The Lakeview-Harbor Insight poll of 900 \
             voters was taken last week. A Rock the Vote Youth Poll agrees."
                .into(),
        );
        assert_eq!(
            named_later(&t, 41, "poll", 300).as_deref(),
            Some("Lakeview-Harbor Insight")
        );
        assert_eq!(
            named_later(&t, 100, "poll", 300).as_deref(),
            Some("Rock the Vote Youth")
        );
        let t = Text::new("Voters are split, according to a new poll. The poll was taken.".into());
        assert_eq!(named_later(&t, 41, "poll", 300), None);
    }

    #[test]
    fn a_share_of_respondents_is_the_poll() {
        let got = entities(
            "A Quinnipiac University poll released Monday found the race tied.\n\n\
             Forty-two percent of voters said the economy mattered most.",
        );
        assert_eq!(
            find(&got, "Forty-two percent of voters").1,
            Some(("Quinnipiac University poll".into(), "report".into()))
        );
    }

    #[test]
    fn a_report_takes_its_publisher() {
        let got = entities(
            "A new report by The New York Times said the program had failed.\n\n\
             A Politico report said the vote would be close.",
        );
        assert_eq!(
            find(&got, "A new report by The New York Times").1,
            Some(("The New York Times report".into(), "report".into()))
        );
        assert_eq!(
            find(&got, "A Politico report").1,
            Some(("Politico report".into(), "report".into()))
        );
    }

    #[allow(clippy::unnecessary_wraps)] // compared with `Row`'s optional entity
    fn person(name: &str) -> Option<(String, String)> {
        Some((name.into(), "person".into()))
    }

    #[test]
    fn descriptions_take_the_name_that_holds_their_head() {
        let got = entities(
            "Voting law\n\n\
             The rule was lifted in a landmark Supreme Court ruling in 2013.\n\n\
             The court said Congress must write a new formula.\n\n\
             The local party said it would back the slate.",
        );
        assert_eq!(
            find(&got, "The court").1,
            Some(("Supreme Court".into(), "org".into()))
        );
        // "local" is in no name the text gives: unresolved, not a guess.
        assert_eq!(find(&got, "The local party").1, None);
    }

    #[test]
    fn a_title_before_one_name_tells_the_description() {
        let got = entities(
            "Pope Francis met the senator at the Vatican guest house.\n\n\
             \"This is called good manners,\" the pope told reporters.",
        );
        assert_eq!(find(&got, "the pope").1, person("Pope Francis"));
    }

    #[test]
    fn which_takes_the_phrase_before_its_comma() {
        let got = entities(
            "The results of the investigation by a UN-OPCW panel, which said the army \
             carried out two attacks, were sent to the council.",
        );
        assert_eq!(
            find(&got, "which").1,
            Some(("UN-OPCW panel".into(), "org".into()))
        );
    }

    #[test]
    fn respondents_are_the_poll_their_sentence_names() {
        let got = entities(
            "According to exit polls conducted for the Associated Press by Edison Research, \
             majorities of Republican primary voters say they feel betrayed by the party.",
        );
        let row = got
            .iter()
            .find(|x| x.0.starts_with("majorities"))
            .expect("the share is a source");
        assert_eq!(
            row.1,
            Some(("Edison Research exit poll".into(), "report".into()))
        );
    }

    #[test]
    fn mr_and_ms_of_one_surname_are_two_people() {
        let got = entities(
            "The parents, Khizr and Ghazala Khan, spoke on Sunday.\n\n\
             Mr. Khan said the remarks were unfair.\n\n\
             Ms. Khan wrote that she had not been allowed to speak.",
        );
        assert_eq!(find(&got, "Mr. Khan").1, person("Mr. Khan"));
        assert_ne!(find(&got, "Ms. Khan").1, find(&got, "Mr. Khan").1);
    }

    #[test]
    fn he_follows_the_speaker_the_text_introduced() {
        let got = entities(
            "The virus is spreading in Puerto Rico.\n\n\
             \"This is a public health emergency,\" said Benard Dreyer, president of the \
             American Academy of Pediatrics.\n\n\
             He said Congress must act.",
        );
        assert_eq!(find(&got, "He").1, person("Benard Dreyer"));
        let got = entities(
            "Ben Carson rose in the polls this fall.\n\n\
             Bill McInturff, a Republican pollster, sounded a cautious note. While \
             confidence is high, he said, the mood is sour.",
        );
        assert_eq!(find(&got, "he").1, person("Bill McInturff"));
    }
}
