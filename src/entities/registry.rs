//! The corpus-level entity registry: one record per entity across articles.
//!
//! Each article's attributions come with the entities they resolved to. The
//! registry merges records that are one entity:
//! 1. the same id (the keys are name-derived, so "MEMRI" and "Middle East
//!    Media Research Institute" already share `org:memri`);
//! 2. an alias of one record whose key is another record's key (an acronym
//!    defined in the text of one article: "Inter-Services Intelligence (ISI)");
//! 3. people whose names are transliterations of each other ([`same_person`]:
//!    Qaddoumi / Qaddomi / Qaddumi, Shehbaz / Shahbaz Sharif).
//!
//! Every merge is recorded in [`Entity::merges`]. The canonical id of a group
//! is the id of its most-mentioned member (ties: the smallest id), so it is
//! deterministic for a given corpus; [`Registry::canonical`] maps any member
//! id to it.

use std::collections::{BTreeMap, HashMap};

use super::gazetteer::gazetteer;
use super::names::{
    acronym_matches, is_acronym, org_key, same_person, skeleton, slug, strip_titles,
};
use super::people::{is_common_word, is_place, is_wordy_first_name};
use super::{Entity, EntityKind, EntityRef};

/// In how many articles a person must be named in full before a surname met
/// alone elsewhere in the corpus is taken to be them.
const MIN_ARTICLES_FOR_SURNAME: usize = 2;

/// Entities of a corpus, merged, with a map from every member id to its canonical id.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    entities: Vec<Entity>,
    redirect: HashMap<String, String>,
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        self.parent[ra.max(rb)] = ra.min(rb);
        true
    }
}

impl Registry {
    /// Merges per-article entity records into one registry.
    pub fn build(records: impl IntoIterator<Item = Entity>) -> Self {
        // 1. Same id.
        let mut by_id: BTreeMap<String, Entity> = BTreeMap::new();
        let mut names: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        // A place is never a person ("France" read as a first name): such a
        // record becomes a name of unknown kind, and its old id points there.
        let mut rekinded: Vec<(String, String)> = Vec::new();
        // In how many articles each id has a record (one record per article).
        let mut articles: HashMap<String, usize> = HashMap::new();
        for mut rec in records {
            if rec.kind == EntityKind::Person && is_place(&rec.name) {
                let id = format!("{}:{}", EntityKind::Unknown.prefix(), slug(&rec.name));
                rec.merges.push(format!(
                    "kind: \"{}\" is a place, not a person (data/places.tsv)",
                    rec.name
                ));
                rekinded.push((std::mem::replace(&mut rec.id, id.clone()), id));
                rec.kind = EntityKind::Unknown;
                rec.affiliations.clear();
            }
            // "The Washington Post" read as a person by its first word: a
            // name of two or more words the gazetteer knows is that outlet.
            if rec.kind == EntityKind::Person
                && rec.name.split_whitespace().count() >= 2
                && let Some(o) = gazetteer().lookup(&rec.name)
            {
                rec.merges.push(format!(
                    "kind: \"{}\" is the outlet {} (gazetteer), not a person",
                    rec.name, o.name
                ));
                let old_name = std::mem::replace(&mut rec.name, o.name.clone());
                rec.add_alias(&old_name);
                rekinded.push((std::mem::replace(&mut rec.id, o.id.clone()), o.id.clone()));
                rec.kind = EntityKind::Outlet;
                rec.affiliations.clear();
            }
            *articles.entry(rec.id.clone()).or_default() += 1;
            *names
                .entry(rec.id.clone())
                .or_default()
                .entry(rec.name.clone())
                .or_default() += rec.mentions.max(1);
            match by_id.get_mut(&rec.id) {
                Some(e) => {
                    e.mentions += rec.mentions;
                    for a in &rec.aliases {
                        e.add_alias(a);
                    }
                    if rec.name != e.name {
                        e.add_alias(&rec.name);
                    }
                    if e.publisher.is_none() {
                        e.publisher.clone_from(&rec.publisher);
                    }
                    for m in rec.merges {
                        if !e.merges.contains(&m) {
                            e.merges.push(m);
                        }
                    }
                    for a in rec.affiliations {
                        if !e.affiliations.contains(&a) {
                            e.affiliations.push(a);
                        }
                    }
                    for n in rec.notes {
                        if !e.notes.contains(&n) {
                            e.notes.push(n);
                        }
                    }
                }
                None => {
                    by_id.insert(rec.id.clone(), rec);
                }
            }
        }
        let mut list: Vec<Entity> = by_id.into_values().collect();
        // Most frequent spelling becomes the display name.
        for e in &mut list {
            if let Some(spellings) = names.get(&e.id)
                && let Some((best, _)) = spellings
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                && *best != e.name
            {
                let old = std::mem::replace(&mut e.name, best.clone());
                e.add_alias(&old);
                e.aliases.retain(|a| *a != e.name);
            }
        }
        let n = list.len();
        let mut uf = UnionFind {
            parent: (0..n).collect(),
        };
        let mut why: Vec<(usize, usize, String)> = Vec::new();
        // 2. Alias keys.
        let index: HashMap<String, usize> = list
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        for (i, e) in list.iter().enumerate() {
            if matches!(e.kind, EntityKind::Person) {
                continue;
            }
            for alias in &e.aliases {
                let other = format!("{}:{}", e.kind.prefix(), org_key(alias));
                if let Some(&j) = index.get(&other)
                    && j != i
                    && uf.union(i, j)
                {
                    why.push((
                        i,
                        j,
                        format!("alias: \"{alias}\" of {} is the key of {}", e.id, other),
                    ));
                }
            }
        }
        // 3. Transliterated person names, bucketed by the skeleton of the last word.
        let mut buckets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, e) in list.iter().enumerate() {
            // A surname alone is too short to tell a transliteration from
            // another name ("Khan" / "Kaine"): full names only.
            if e.kind == EntityKind::Person
                && strip_titles(&e.name).split_whitespace().count() >= 2
                && let Some(last) = strip_titles(&e.name).split_whitespace().last()
            {
                buckets.entry(skeleton(last)).or_default().push(i);
            }
        }
        for members in buckets.values() {
            for (x, &i) in members.iter().enumerate() {
                for &j in &members[x + 1..] {
                    if same_person(&list[i].name, &list[j].name) && uf.union(i, j) {
                        let jw = strsim::jaro_winkler(
                            &list[i].name.to_lowercase(),
                            &list[j].name.to_lowercase(),
                        );
                        why.push((
                            i,
                            j,
                            format!(
                                "transliteration: \"{}\" ~ \"{}\" (same consonant skeleton, Jaro-Winkler {jw:.2})",
                                list[i].name, list[j].name
                            ),
                        ));
                    }
                }
            }
        }
        // 4a. A name of unknown kind that the corpus types elsewhere under the
        // same key ("Barack Obama" with no evidence in one article, a person in others).
        let mut typed: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, e) in list.iter().enumerate() {
            if e.kind != EntityKind::Unknown
                && let Some((_, key)) = e.id.split_once(':')
            {
                typed.entry(key).or_default().push(i);
            }
        }
        for (i, e) in list.iter().enumerate() {
            if e.kind != EntityKind::Unknown {
                continue;
            }
            let Some((_, key)) = e.id.split_once(':') else {
                continue;
            };
            if let Some([j]) = typed.get(key).map(Vec::as_slice)
                && uf.union(i, *j)
            {
                why.push((
                    i,
                    *j,
                    format!(
                        "same name: \"{}\" is typed {} elsewhere in the corpus",
                        e.name,
                        list[*j].kind.prefix()
                    ),
                ));
            }
        }
        // 4. A surname alone ("Trump", as a person or of unknown kind) joins
        // the one person of that surname the corpus names in full — or the
        // one named far more often than any other; otherwise it is kept apart
        // and the ambiguity is noted.
        let mut full_by_surname: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        // Only a person named in full in at least two articles stands for a
        // surname met alone in another ("Carson" is Ben Carson; "Cheney" is
        // not the Cheryl Cheney one article quotes), and only under a surname
        // that is only a name (not "Is" of a headline's "Christie Is", nor
        // "King", which is also a word and many people's name).
        for (i, e) in list.iter().enumerate() {
            let words: Vec<&str> = e.name.split_whitespace().collect();
            if e.kind == EntityKind::Person
                && words.len() >= 2
                && let Some(last) = words.last()
                && !is_common_word(last)
                && !is_wordy_first_name(last)
            {
                full_by_surname.entry(slug(last)).or_default().push(i);
            }
        }
        let mut notes: Vec<(usize, String)> = Vec::new();
        for (i, e) in list.iter().enumerate() {
            // "Israel", "Washington": a place alone is not a surname.
            if !matches!(e.kind, EntityKind::Person | EntityKind::Unknown)
                || e.name.split_whitespace().count() != 1
                || is_place(&e.name)
            {
                continue;
            }
            let Some(cands) = full_by_surname.get(&slug(&e.name)) else {
                continue;
            };
            let mut ranked: Vec<usize> = cands.clone();
            ranked.sort_by(|&a, &b| {
                list[b]
                    .mentions
                    .cmp(&list[a].mentions)
                    .then_with(|| list[a].id.cmp(&list[b].id))
            });
            let total: usize = ranked.iter().map(|&j| list[j].mentions.max(1)).sum();
            let best = ranked[0];
            let best_n = list[best].mentions.max(1);
            let second_n = ranked.get(1).map_or(0, |&j| list[j].mentions.max(1));
            // Every person of that surname counts for ambiguity; only one
            // named in full in two articles may take the surname.
            let known =
                articles.get(&list[best].id).copied().unwrap_or(0) >= MIN_ARTICLES_FOR_SURNAME;
            let clear =
                known && (ranked.len() == 1 || best_n * 5 >= total * 4 && best_n >= 3 * second_n);
            if clear {
                if uf.union(i, best) {
                    let how = if ranked.len() == 1 {
                        "the only person of that surname named in full in the corpus".to_string()
                    } else {
                        format!(
                            "named in full in {best_n} of {total} mentions of people with that surname in the corpus"
                        )
                    };
                    why.push((
                        i,
                        best,
                        format!("surname: \"{}\" is {}, {how}", e.name, list[best].name),
                    ));
                }
            } else {
                let who: Vec<&str> = ranked
                    .iter()
                    .take(4)
                    .map(|&j| list[j].name.as_str())
                    .collect();
                notes.push((
                    i,
                    format!(
                        "ambiguous surname: \"{}\" may be {} (kept apart)",
                        e.name,
                        who.join(" or ")
                    ),
                ));
            }
        }
        for (i, note) in notes {
            if !list[i].notes.contains(&note) {
                list[i].notes.push(note);
            }
        }
        // Groups: canonical member = a known kind over unknown, a full name
        // over a surname alone, then most mentions, then smallest id.
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..n {
            let r = uf.find(i);
            groups.entry(r).or_default().push(i);
        }
        let mut redirect = HashMap::new();
        let mut entities = Vec::with_capacity(groups.len());
        let mut root_of = vec![0usize; n];
        for members in groups.values() {
            let rank = |x: usize| {
                (
                    list[x].kind != EntityKind::Unknown,
                    list[x].kind != EntityKind::Person || list[x].name.contains(' '),
                    list[x].mentions,
                )
            };
            let &canon = members
                .iter()
                .max_by(|&&a, &&b| {
                    rank(a)
                        .cmp(&rank(b))
                        .then_with(|| list[b].id.cmp(&list[a].id))
                })
                .unwrap_or(&members[0]);
            for &m in members {
                root_of[m] = canon;
            }
        }
        for members in groups.values() {
            let canon = root_of[members[0]];
            let mut merged = list[canon].clone();
            for &m in members {
                redirect.insert(list[m].id.clone(), merged.id.clone());
                if m == canon {
                    continue;
                }
                let other = &list[m];
                merged.mentions += other.mentions;
                merged.add_alias(&other.name);
                for a in &other.aliases {
                    merged.add_alias(a);
                }
                if merged.publisher.is_none() {
                    merged.publisher.clone_from(&other.publisher);
                }
                for a in &other.affiliations {
                    if !merged.affiliations.contains(a) {
                        merged.affiliations.push(a.clone());
                    }
                }
                for n in &other.notes {
                    if !merged.notes.contains(n) {
                        merged.notes.push(n.clone());
                    }
                }
            }
            for (i, j, reason) in &why {
                if root_of[*i] == canon && root_of[*j] == canon {
                    merged.merges.push(reason.clone());
                }
            }
            entities.push(merged);
        }
        for (old, new) in rekinded {
            let to = redirect.get(&new).cloned().unwrap_or(new);
            redirect.insert(old, to);
        }
        name_by_long_form(&mut entities);
        // Publishers and affiliations point at canonical ids too.
        for e in &mut entities {
            if let Some(p) = &e.publisher
                && let Some(c) = redirect.get(p)
            {
                e.publisher = Some(c.clone());
            }
            for a in &mut e.affiliations {
                if let Some(c) = redirect.get(a.as_str()) {
                    a.clone_from(c);
                }
            }
            e.affiliations.sort();
            e.affiliations.dedup();
        }
        entities.sort_by(|a, b| a.id.cmp(&b.id));
        Registry { entities, redirect }
    }

    /// The canonical id for any member id (itself when unknown).
    pub fn canonical<'a>(&'a self, id: &'a str) -> &'a str {
        self.redirect.get(id).map_or(id, String::as_str)
    }

    /// The merged entity a member id belongs to.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        let c = self.canonical(id);
        self.entities
            .binary_search_by(|e| e.id.as_str().cmp(c))
            .ok()
            .map(|i| &self.entities[i])
    }

    /// The canonical reference for a member reference.
    pub fn canonical_ref(&self, r: &EntityRef) -> EntityRef {
        self.get(&r.id).map_or_else(|| r.clone(), Entity::as_ref)
    }

    /// Every merged entity, sorted by id.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }
}

/// An organisation named by an acronym whose long form the corpus gives
/// ("DNC", defined in the text as "Democratic National Committee") is named
/// by the long form, the acronym kept as an alias. A report keeps the name
/// its mentions give it ("MEMRI report"): the publisher it links to carries
/// the long form. An acronym no text spells out keeps its name: its
/// expansion is not guessed.
fn name_by_long_form(entities: &mut [Entity]) {
    for e in entities.iter_mut() {
        if !matches!(e.kind, EntityKind::Organization) || !is_acronym(&e.name) {
            continue;
        }
        let long = e
            .aliases
            .iter()
            .map(|a| a.strip_prefix("The ").unwrap_or(a).trim())
            .filter(|a| a.contains(' ') && acronym_matches(&e.name, a))
            // Several spellings ("Federal Election(s) Commission"): the plainest.
            .min_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)))
            .map(str::to_string);
        if let Some(long) = long {
            let old = std::mem::replace(&mut e.name, long.clone());
            e.add_alias(&old);
            e.aliases.retain(|a| a != &e.name);
            e.merges.push(format!(
                "name: \"{old}\" is the acronym of \"{long}\", given in the corpus"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, name: &str, mentions: usize) -> Entity {
        let mut e = Entity::new(id, name, EntityKind::Person);
        e.mentions = mentions;
        e
    }

    #[test]
    fn merges_transliterations_and_records_why() {
        let r = Registry::build([
            person("person:khaled-qaddoumi", "Khaled Qaddoumi", 2),
            person("person:khaled-qaddomi", "Khaled Qaddomi", 1),
            person("person:khaled-mashal", "Khaled Mashal", 1),
        ]);
        assert_eq!(
            r.canonical("person:khaled-qaddomi"),
            "person:khaled-qaddoumi"
        );
        assert_eq!(r.canonical("person:khaled-mashal"), "person:khaled-mashal");
        let e = r.get("person:khaled-qaddomi").expect("merged");
        assert!(e.aliases.contains(&"Khaled Qaddomi".to_string()));
        assert!(e.merges[0].starts_with("transliteration"));
    }

    #[test]
    fn a_surname_joins_the_one_full_name_or_stays_apart() {
        let mut trump = Entity::new("entity:trump", "Trump", EntityKind::Unknown);
        trump.mentions = 9;
        let mut clinton = person("person:clinton", "Clinton", 4);
        clinton.mentions = 4;
        // Donald Trump is named in full in two articles; Cheryl Cheney in one.
        let r = Registry::build([
            trump,
            person("person:donald-trump", "Donald Trump", 3),
            person("person:donald-trump", "Donald Trump", 2),
            clinton,
            person("person:hillary-clinton", "Hillary Clinton", 2),
            person("person:hillary-clinton", "Hillary Clinton", 1),
            person("person:bill-clinton", "Bill Clinton", 1),
            person("person:bill-clinton", "Bill Clinton", 1),
            person("person:cheney", "Cheney", 1),
            person("person:cheryl-cheney", "Cheryl Cheney", 2),
            Entity::new("entity:israel", "Israel", EntityKind::Unknown),
            person("person:steve-israel", "Steve Israel", 1),
            person("person:steve-israel", "Steve Israel", 1),
        ]);
        assert_eq!(r.canonical("person:cheney"), "person:cheney");
        assert_eq!(r.canonical("entity:israel"), "entity:israel");
        assert_eq!(r.canonical("entity:trump"), "person:donald-trump");
        let t = r.get("entity:trump").expect("merged");
        assert_eq!(t.kind, EntityKind::Person);
        assert!(t.merges.iter().any(|m| m.starts_with("surname")));
        assert_eq!(r.canonical("person:clinton"), "person:clinton");
        let c = r.get("person:clinton").expect("kept");
        assert!(c.notes[0].starts_with("ambiguous surname"));
    }

    #[test]
    fn merges_by_alias_key() {
        let mut long = Entity::new(
            "org:inter-services-intelligence",
            "Inter Services Intelligence",
            EntityKind::Organization,
        );
        long.add_alias("ISI");
        long.mentions = 1;
        let mut short = Entity::new("org:isi", "ISI", EntityKind::Organization);
        short.mentions = 3;
        let r = Registry::build([long, short]);
        assert_eq!(r.canonical("org:inter-services-intelligence"), "org:isi");
        assert_eq!(r.entities().len(), 1);
        assert!(r.entities()[0].merges[0].starts_with("alias"));
    }

    #[test]
    fn an_acronym_spelled_out_is_named_by_its_long_form() {
        let mut dnc = Entity::new("org:dnc", "DNC", EntityKind::Organization);
        dnc.add_alias("The Democratic National Committee");
        dnc.mentions = 3;
        let mut rep = Entity::new("report:dnc", "DNC report", EntityKind::Report);
        rep.publisher = Some("org:dnc".into());
        rep.mentions = 1;
        let fec = Entity::new("org:fec", "FEC", EntityKind::Organization);
        let r = Registry::build([dnc, rep, fec]);
        let e = r.get("org:dnc").expect("dnc");
        assert_eq!(e.name, "Democratic National Committee");
        assert!(e.aliases.contains(&"DNC".to_string()));
        // A report keeps the name its mentions give it.
        assert_eq!(r.get("report:dnc").expect("report").name, "DNC report");
        // No expansion in the corpus: the acronym stays.
        assert_eq!(r.get("org:fec").expect("fec").name, "FEC");
    }

    #[test]
    fn a_place_is_never_a_person() {
        let r = Registry::build([
            person("person:france", "France", 2),
            Entity::new("entity:france", "France", EntityKind::Unknown),
        ]);
        let e = r.get("person:france").expect("kept");
        assert_eq!(e.kind, EntityKind::Unknown);
        assert_eq!(r.canonical("person:france"), "entity:france");
        assert!(e.merges.iter().any(|m| m.starts_with("kind:")));
        let r = Registry::build([person("person:washington-post", "The Washington Post", 1)]);
        let e = r.get("person:washington-post").expect("kept");
        assert_eq!(
            (e.id.as_str(), e.kind),
            ("outlet:washington-post", EntityKind::Outlet)
        );
    }
}
