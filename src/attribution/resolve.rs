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

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use crate::entities::gazetteer::gazetteer;
use crate::entities::names::{TITLES, acronym_matches, is_acronym, org_key, slug, strip_titles};
use crate::entities::{Entity, EntityKind, EntityRef};
use crate::text::Text;

use super::lexicon::{DEFINITE, DOCUMENT_NOUNS, OUTLET_NOUNS, REPORT_NOUNS, VAGUE_NOUNS, is_in};
use super::rules::{Doc, Found};
use super::tokens::Kind;

/// Nouns for a person's role, so that "the spokesman" can refer back to a person.
const PERSON_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "aide",
    "adviser",
    "advisor",
    "candidate",
    "nominee",
    "lawyer",
    "attorney",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "founder",
    "director",
    "secretary",
    "ambassador",
    "analyst",
    "author",
    "fellow",
    "researcher",
    "commander",
    "cleric",
    "man",
    "woman",
    "congressman",
    "congresswoman",
    "mayor",
    "judge",
    "lawmaker",
    "businessman",
    "billionaire",
    "mogul",
    "host",
    "journalist",
    "reporter",
    "writer",
    "columnist",
    "economist",
    "expert",
    "professor",
    "scholar",
    "activist",
    "strategist",
    "pollster",
    "manager",
    "chief",
    "ceo",
    "executive",
    "father",
    "mother",
    "son",
    "daughter",
    "wife",
    "husband",
    "nephew",
    "niece",
    "brother",
    "sister",
    "victim",
    "witness",
    "suspect",
    "officer",
    "soldier",
    "veteran",
    "doctor",
    "teacher",
    "student",
    "resident",
    "voter",
];

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
];

/// How far back anaphora look, in earlier resolved sources.
const HISTORY: usize = 64;

/// Calendar words that are capitalised but never names.
const MONTHS_AND_DAYS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Where a source resolved to.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The entity, when identified.
    pub entity: Option<EntityRef>,
    /// The channel's entity, when it names a known outlet.
    pub channel: Option<EntityRef>,
    /// True when the source cannot be identified.
    pub vague: bool,
}

struct Resolver {
    acronyms: HashMap<String, String>,
    entities: BTreeMap<String, Entity>,
    history: Vec<EntityRef>,
    main_report: Option<EntityRef>,
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
                || is_in(
                    &["a", "an", "according", "recent", "new", "latest", "another"],
                    w,
                )
                || based(w)
                || is_in(TITLES, w)
                || is_in(VAGUE_NOUNS, w)
                || is_in(REPORT_NOUNS, w)
                || is_in(OUTLET_NOUNS, w)
                || is_in(MONTHS_AND_DAYS, w)
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
    fn report_of(&mut self, publisher: &str) -> EntityRef {
        let org = self.named(publisher);
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

    fn last(&self, kinds: &[EntityKind]) -> Option<EntityRef> {
        self.history
            .iter()
            .rev()
            .take(HISTORY)
            .find(|e| kinds.contains(&e.kind))
            .cloned()
    }

    /// Resolves one source mention.
    fn resolve(&mut self, text: &str) -> Option<EntityRef> {
        let words = words_of(text);
        // Lower-case forms; words that already are (most) are borrowed.
        let lw: Vec<Cow<str>> = words
            .iter()
            .map(|&w| {
                if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                    Cow::Borrowed(w)
                } else {
                    Cow::Owned(w.to_lowercase())
                }
            })
            .collect();
        let first = lw.first().map_or("", |w| w.as_ref());
        if words.len() == 1 {
            match first {
                "it" | "its" => {
                    return self
                        .last(&[
                            EntityKind::Report,
                            EntityKind::Document,
                            EntityKind::Organization,
                            EntityKind::Outlet,
                        ])
                        .or_else(|| self.main_report.clone());
                }
                // A single name not known as an organisation ("Zaheer") is
                // most often a person's.
                "he" | "she" => return self.last(&[EntityKind::Person, EntityKind::Unknown]),
                "they" => {
                    return self.last(&[
                        EntityKind::Organization,
                        EntityKind::Outlet,
                        EntityKind::Report,
                    ]);
                }
                _ => {}
            }
        }
        let has = |list: &[&str]| lw.iter().any(|w| is_in(list, w));
        let definite = is_in(DEFINITE, first);
        let report_word = lw
            .iter()
            .find(|w| is_in(REPORT_NOUNS, w) && !is_in(DOCUMENT_NOUNS, w));
        let name = name_run(&words);
        if let Some(rw) = report_word {
            let plural = rw.ends_with('s') && rw != "analysis";
            if let Some(name) = &name
                && !is_in(&["report", "study", "survey"], name)
            {
                return Some(self.report_of(name));
            }
            let singular_report = lw
                .iter()
                .any(|w| is_in(REPORT_NOUNS, w) && !is_in(DOCUMENT_NOUNS, w) && !w.ends_with('s'));
            if singular_report && (definite || lw.iter().any(|w| is_in(DEFINITE, w))) {
                return self
                    .last(&[EntityKind::Report])
                    .or_else(|| self.main_report.clone());
            }
            if singular_report && !plural {
                return self
                    .main_report
                    .clone()
                    .or_else(|| self.last(&[EntityKind::Report]));
            }
            return None;
        }
        if let Some(name) = &name {
            if let Some(o) = gazetteer().lookup(name) {
                let e = Entity::new(o.id.clone(), o.name.clone(), EntityKind::Outlet);
                return Some(self.record(e));
            }
            // Any sub-run the gazetteer knows ("Indian media outlet News18").
            for w in words.iter().rev() {
                if capitalized(w)
                    && let Some(o) = gazetteer().lookup(w)
                {
                    let e = Entity::new(o.id.clone(), o.name.clone(), EntityKind::Outlet);
                    return Some(self.record(e));
                }
            }
            if has(OUTLET_NOUNS) {
                let key = org_key(name);
                let e = Entity::new(format!("outlet:{key}"), name.clone(), EntityKind::Outlet);
                return Some(self.record(e));
            }
            let lname = name.to_lowercase();
            let org_like = is_acronym(name)
                || self.acronyms.contains_key(name.as_str())
                || lname.split_whitespace().any(|w| is_in(ORG_WORDS, w))
                || has(ORG_WORDS);
            if org_like {
                let e = self.named(name);
                return Some(self.record(e));
            }
            let person = strip_titles(name);
            let parts: Vec<&str> = person.split_whitespace().collect();
            if parts.len() >= 2 {
                let e = Entity::new(
                    format!("person:{}", slug(person)),
                    person.to_string(),
                    EntityKind::Person,
                );
                return Some(self.record(e));
            }
            if let [single] = parts.as_slice() {
                // A surname already met as a person's.
                if let Some(p) = self.history.iter().rev().take(HISTORY).find(|e| {
                    e.kind == EntityKind::Person
                        && e.name.split_whitespace().last() == Some(*single)
                }) {
                    return Some(p.clone());
                }
                let e = Entity::new(
                    format!("entity:{}", slug(single)),
                    (*single).to_string(),
                    EntityKind::Unknown,
                );
                return Some(self.record(e));
            }
            return None;
        }
        if has(OUTLET_NOUNS) && definite {
            return self.last(&[EntityKind::Outlet]);
        }
        if has(DOCUMENT_NOUNS) && definite {
            return self.last(&[EntityKind::Document, EntityKind::Report]);
        }
        if has(VAGUE_NOUNS) {
            return None;
        }
        // "the budget office": an organisation met earlier, never a person.
        if has(ORG_WORDS) {
            return if definite {
                self.last(&[EntityKind::Organization])
            } else {
                None
            };
        }
        // "the senator", "the spokesman": the person met last. Other definite
        // descriptions ("the international community") name nobody known.
        if definite
            && lw
                .last()
                .is_some_and(|w| is_in(TITLES, w) || is_in(PERSON_NOUNS, w))
        {
            return self.last(&[EntityKind::Person]);
        }
        None
    }
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
    let mut r = Resolver {
        acronyms: acronym_definitions(doc),
        entities: BTreeMap::new(),
        history: Vec::new(),
        main_report: None,
    };
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
        let entity = match f.antecedent.or(f.source) {
            Some(src) if !f.hedge => r.resolve(text.slice(src)),
            _ => None,
        };
        if let Some(e) = &entity {
            if let Some(rec) = r.entities.get_mut(&e.id) {
                rec.mentions = rec.mentions.max(1);
            }
            r.history.push(e.clone());
        }
        let channel = f.channel.and_then(|c| {
            let o = gazetteer().lookup(text.slice(c))?;
            Some(r.record(Entity::new(
                o.id.clone(),
                o.name.clone(),
                EntityKind::Outlet,
            )))
        });
        out.push(Resolved {
            vague: entity.is_none(),
            entity,
            channel,
        });
    }
    // Keep only entities something resolved to, plus publishers of those.
    let used: std::collections::BTreeSet<String> = out
        .iter()
        .flat_map(|x| x.entity.iter().chain(x.channel.iter()))
        .map(|e| e.id.clone())
        .collect();
    let publishers: Vec<String> = r
        .entities
        .values()
        .filter(|e| used.contains(&e.id))
        .filter_map(|e| e.publisher.clone())
        .collect();
    let entities = r
        .entities
        .into_values()
        .filter(|e| used.contains(&e.id) || publishers.contains(&e.id))
        .collect();
    (out, entities)
}
