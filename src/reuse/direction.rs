//! Which article of a pair is the origin: the evidence a desk would weigh.
//!
//! - **Dates** (given or inferred, and date floors) are binding: nobody copies
//!   from the future. When they decide, they decide.
//! - **Wire credits**: the copy credits the agency that is the other
//!   article's outlet.
//! - **Attribution**: the copy cites the other article's outlet, or the
//!   organisation of its author ("a report in ... MEMRI" when the other is
//!   written by a MEMRI fellow); when no attributions were parsed, a plain
//!   mention of that name in the copy's story text counts for less.
//! - **Quotation**: the copy puts the shared passages in quotation marks that
//!   the origin states in its own voice.
//! - **Containment**: the shared text is a large part of the copy but a small
//!   part of the origin; edits drop words of the origin more than they add.
//! - **Specificity** (rewrites): the rewrite loses dates and figures that the
//!   origin gives in the aligned sentences.
//!
//! Each piece of evidence carries a signed weight; the pair is directed when
//! the weights agree clearly, and otherwise reported undirected with the
//! reason.

use crate::article::{Article, Date, Field};
use crate::attribution::Attribution;
use crate::span::Range;

/// Weight of binding evidence (dates).
const BINDING: i32 = 100;

/// What the direction analysis needs to know about the shared text.
#[derive(Debug, Clone, Default)]
pub struct Shared {
    /// Character ranges of the shared passages in A and in B (pairwise).
    pub passages: Vec<(Range, Range)>,
    /// For each passage, the share of it inside quotation marks in A and in
    /// B (the attribution stage's quotations; see [`super::quoted`]).
    pub quoted: Vec<(f64, f64)>,
    /// Words of A and of B inside passages.
    pub words: (usize, usize),
    /// Story words of A and of B.
    pub story_words: (usize, usize),
    /// Words of A's passages missing from B's, and of B's missing from A's.
    pub edits: (usize, usize),
    /// True for the paraphrase tier (containment is not evidence there).
    pub paraphrase: bool,
    /// Dates and figures in A's aligned sentences missing from B's, and the reverse.
    pub specifics: (usize, usize),
}

/// The verdict: `Some(true)` when A is the origin, `Some(false)` when B is.
#[derive(Debug, Clone, Default)]
pub struct Verdict {
    /// The direction, when the evidence decides.
    pub a_is_origin: Option<bool>,
    /// Human-readable reasons, strongest first.
    pub evidence: Vec<String>,
    /// When the pair is undirected and its dates are a day apart: `Some(true)`
    /// when A is the earlier. Not a direction — only a tie-break between two
    /// articles that both look like the origin of a third (see
    /// [`super::explain`]).
    pub lean: Option<bool>,
}

struct Clue {
    weight: i32,
    text: String,
}

fn date_text(f: &Field<Date>) -> String {
    match f.origin {
        crate::article::Origin::Inferred => format!("{} (inferred: {})", f.value, f.via),
        _ => format!("{}", f.value),
    }
}

/// Days apart within which two dates from different publishers do not
/// decide alone. Metadata dates are often a print date (a day after the web
/// date), an update date or a date in another time zone, so a one-day lead is
/// within the noise of how dates are recorded; two days are not. Within one
/// outlet both dates come from one system and one convention, and stay binding.
const CLOSE_DATES_DAYS: i32 = 1;

/// Weight of dates that are too close to decide alone: one weak clue that
/// needs content evidence (credits, quotation, edits, containment) agreeing
/// before the pair is directed, and that such evidence outweighs.
const CLOSE_DATES: i32 = 1;

/// True when both articles name an outlet and it is the same one.
fn same_outlet(a: &Article, b: &Article) -> bool {
    match (a.meta.outlet.as_ref(), b.meta.outlet.as_ref()) {
        (Some(x), Some(y)) => names_match(&x.value, &y.value),
        _ => false,
    }
}

/// The weight of dates `days` apart between `a` and `b`: binding, or weak
/// when they are close and not from one outlet.
fn date_weight(a: &Article, b: &Article, days: i32) -> i32 {
    if days <= CLOSE_DATES_DAYS && !same_outlet(a, b) {
        CLOSE_DATES
    } else {
        BINDING
    }
}

/// Days from `x` to `y` (positive when `y` is later); saturates on overflow.
fn days_between(x: Date, y: Date) -> i32 {
    x.until(y)
        .map_or(i32::MAX, |s| s.get_days().saturating_abs())
}

/// A date clue `days` apart; `sign` is +1 when A is the earlier.
fn date_clue(a: &Article, b: &Article, sign: i32, days: i32, text: String) -> Clue {
    let weight = date_weight(a, b, days);
    let text = if weight < BINDING {
        text + "; a day apart and not from one outlet: too close to decide alone (a print, update or time-zone date can be a day off)"
    } else {
        text
    };
    Clue {
        weight: sign * weight,
        text,
    }
}

/// Dates: positive when A is earlier.
fn dates(a: &Article, b: &Article) -> Option<Clue> {
    let (da, db) = (a.meta.date.as_ref(), b.meta.date.as_ref());
    let (fa, fb) = (a.meta.date_floor.as_ref(), b.meta.date_floor.as_ref());
    if let (Some(x), Some(y)) = (da, db) {
        let days = days_between(x.value, y.value);
        return match x.value.cmp(&y.value) {
            std::cmp::Ordering::Less => Some(date_clue(
                a,
                b,
                1,
                days,
                format!(
                    "{} was published {}, before {} ({})",
                    a.id,
                    date_text(x),
                    b.id,
                    date_text(y)
                ),
            )),
            std::cmp::Ordering::Greater => Some(date_clue(
                a,
                b,
                -1,
                days,
                format!(
                    "{} was published {}, before {} ({})",
                    b.id,
                    date_text(y),
                    a.id,
                    date_text(x)
                ),
            )),
            std::cmp::Ordering::Equal => None,
        };
    }
    // A dated article and a floor on the other's date: binding when the floor
    // is later (weak when only a day later across outlets).
    if let (Some(x), Some(f)) = (da, fb) {
        if f.value > x.value {
            return Some(date_clue(
                a,
                b,
                1,
                days_between(x.value, f.value),
                format!(
                    "{} mentions {}, after {} was published ({})",
                    b.id,
                    f.value,
                    a.id,
                    date_text(x)
                ),
            ));
        }
    }
    if let (Some(y), Some(f)) = (db, fa) {
        if f.value > y.value {
            return Some(date_clue(
                a,
                b,
                -1,
                days_between(y.value, f.value),
                format!(
                    "{} mentions {}, after {} was published ({})",
                    a.id,
                    f.value,
                    b.id,
                    date_text(y)
                ),
            ));
        }
    }
    None
}

/// Lower-case alphanumeric words of a name.
fn name_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Initials of the significant words ("Middle East Media Research Institute" → "memri"
/// is not initials; it is "memri" by taking up to two letters? no — plain initials "memri").
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for" | "in"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// True when two names plausibly denote the same outlet or organisation:
/// equal, one inside the other (whole words), or one the acronym of the other.
pub fn names_match(x: &str, y: &str) -> bool {
    let (wx, wy) = (name_words(x), name_words(y));
    if wx.is_empty() || wy.is_empty() {
        return false;
    }
    if wx == wy {
        return true;
    }
    let (short, long) = if wx.len() <= wy.len() {
        (&wx, &wy)
    } else {
        (&wy, &wx)
    };
    let short_joined = short.join(" ");
    if short_joined.len() >= 4
        && long
            .windows(short.len())
            .any(|w| w.join(" ") == short_joined)
    {
        return true;
    }
    // Acronyms: "MEMRI" for "Middle East Media Research Institute" (initials
    // "memri"), also when the long form carries the acronym in brackets.
    short.len() == 1 && short[0].len() >= 3 && {
        let ini = initials(long);
        ini == short[0] || (ini.len() > short[0].len() && ini.starts_with(short[0].as_str()))
    }
}

/// The names that identify where an article comes from: outlet, author, affiliation.
fn identities(a: &Article) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(o) = &a.meta.outlet {
        out.push(("outlet", o.value.clone()));
    }
    if let Some(o) = &a.meta.affiliation {
        out.push(("organisation of the author", o.value.clone()));
    }
    if let Some(o) = &a.meta.author {
        out.push(("author", o.value.clone()));
    }
    out
}

/// True when `text` mentions `name` as whole words, or spells out the acronym `name`.
fn mentions(text: &str, name: &str) -> bool {
    let target = name_words(name);
    if target.is_empty() {
        return false;
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if lower.windows(target.len()).any(|w| w == target.as_slice()) {
        return true;
    }
    // An acronym spelled out: a run of capitalised words whose initials match.
    if target.len() == 1 && target[0].len() >= 3 {
        let acro = &target[0];
        let n = acro.chars().count();
        return words.windows(n).any(|w| {
            w.iter()
                .all(|x| x.chars().next().is_some_and(char::is_uppercase))
                && w.iter()
                    .filter_map(|x| x.chars().next())
                    .flat_map(char::to_lowercase)
                    .collect::<String>()
                    == *acro
        });
    }
    false
}

/// Evidence that `copy` took from `origin` through citing or crediting it; positive weight.
fn cites(origin: &Article, copy: &Article, copy_attributions: &[Attribution]) -> Vec<Clue> {
    let mut out = Vec::new();
    let copy_ids = identities(copy);
    for (role, name) in identities(origin) {
        // A shared identity (both IANS) says nothing about direction.
        if copy_ids.iter().any(|(_, n)| names_match(n, &name)) {
            continue;
        }
        let credited = copy.meta.credits.iter().find(|c| {
            c.agency
                .as_deref()
                .is_some_and(|ag| role == "outlet" && names_match(ag, &name))
        });
        if let Some(c) = credited {
            out.push(Clue {
                weight: 3,
                text: format!(
                    "{} credits {} (\"{}\"), the outlet of {}",
                    copy.id,
                    name,
                    c.evidence.text.trim(),
                    origin.id
                ),
            });
            continue;
        }
        let cited = copy_attributions.iter().find(|at| {
            at.entity
                .as_ref()
                .is_some_and(|e| names_match(&e.name, &name))
        });
        if let Some(at) = cited {
            let what = at.source.as_ref().map_or_else(
                || {
                    at.entity
                        .as_ref()
                        .map(|e| e.name.clone())
                        .unwrap_or_default()
                },
                |s| s.text.clone(),
            );
            out.push(Clue {
                weight: 3,
                text: format!(
                    "{} attributes to \"{}\" ({}), the {} of {}",
                    copy.id, what, name, role, origin.id
                ),
            });
            continue;
        }
        if copy_attributions.is_empty() && role != "author" && mentions(&story(copy), &name) {
            out.push(Clue {
                weight: 2,
                text: format!("{} names {}, the {} of {}", copy.id, name, role, origin.id),
            });
        }
    }
    out
}

/// The story text (boilerplate blanked) of an article.
fn story(a: &Article) -> String {
    let mut s = String::with_capacity(a.text.as_str().len());
    let mut at = 0;
    for b in &a.boilerplate {
        if b.span.start >= at {
            s.push_str(a.text.slice(Range::new(at, b.span.start)));
            s.push(' ');
            at = b.span.end;
        }
    }
    s.push_str(a.text.slice(Range::new(at, a.text.char_len())));
    s
}

/// Share of the passages (by characters) that each side puts in quotation marks.
fn quotation(a: &Article, b: &Article, shared: &Shared) -> Option<Clue> {
    if shared.paraphrase
        || shared.passages.is_empty()
        || shared.quoted.len() != shared.passages.len()
    {
        return None;
    }
    let (mut ca, mut ta, mut cb, mut tb) = (0.0, 0, 0.0, 0);
    for ((ra, rb), (qa, qb)) in shared.passages.iter().zip(&shared.quoted) {
        ca += qa * ra.len() as f64;
        ta += ra.len();
        cb += qb * rb.len() as f64;
        tb += rb.len();
    }
    let fa = ca / ta.max(1) as f64;
    let fb = cb / tb.max(1) as f64;
    let pct = |f: f64| (f * 100.0).round() as i64;
    if fb - fa >= 0.5 {
        Some(Clue {
            weight: 3,
            text: format!(
                "{} quotes the shared text ({}% inside quotation marks) that {} states in its own voice ({}%)",
                b.id,
                pct(fb),
                a.id,
                pct(fa)
            ),
        })
    } else if fa - fb >= 0.5 {
        Some(Clue {
            weight: -3,
            text: format!(
                "{} quotes the shared text ({}% inside quotation marks) that {} states in its own voice ({}%)",
                a.id,
                pct(fa),
                b.id,
                pct(fb)
            ),
        })
    } else {
        None
    }
}

/// Containment and edit asymmetry for copied (not rewritten) text.
fn containment(a: &Article, b: &Article, shared: &Shared) -> Vec<Clue> {
    let mut out = Vec::new();
    if shared.paraphrase {
        if shared.specifics.0 >= shared.specifics.1 * 2 + 2 {
            out.push(Clue {
                weight: 2,
                text: format!(
                    "{} leaves out {} dates and figures that {} gives in the aligned sentences ({} the other way): rewrites lose detail",
                    b.id, shared.specifics.0, a.id, shared.specifics.1
                ),
            });
        } else if shared.specifics.1 >= shared.specifics.0 * 2 + 2 {
            out.push(Clue {
                weight: -2,
                text: format!(
                    "{} leaves out {} dates and figures that {} gives in the aligned sentences ({} the other way): rewrites lose detail",
                    a.id, shared.specifics.1, b.id, shared.specifics.0
                ),
            });
        }
        return out;
    }
    let fa = shared.words.0 as f64 / shared.story_words.0.max(1) as f64;
    let fb = shared.words.1 as f64 / shared.story_words.1.max(1) as f64;
    let pct = |f: f64| (f * 100.0).round() as i64;
    if fb >= 0.2 && fb >= 2.0 * fa {
        out.push(Clue {
            weight: 1,
            text: format!(
                "the shared text is {}% of {} but {}% of {}",
                pct(fb),
                b.id,
                pct(fa),
                a.id
            ),
        });
    } else if fa >= 0.2 && fa >= 2.0 * fb {
        out.push(Clue {
            weight: -1,
            text: format!(
                "the shared text is {}% of {} but {}% of {}",
                pct(fa),
                a.id,
                pct(fb),
                b.id
            ),
        });
    }
    let (drop_b, drop_a) = shared.edits;
    if drop_b >= 3 && drop_b > 2 * drop_a {
        out.push(Clue {
            weight: 1,
            text: format!(
                "{}'s passages drop {} words of {}'s and add {}",
                b.id, drop_b, a.id, drop_a
            ),
        });
    } else if drop_a >= 3 && drop_a > 2 * drop_b {
        out.push(Clue {
            weight: -1,
            text: format!(
                "{}'s passages drop {} words of {}'s and add {}",
                a.id, drop_a, b.id, drop_b
            ),
        });
    }
    out
}

/// Weighs all the evidence on the direction of a pair.
pub fn decide(
    a: &Article,
    b: &Article,
    att_a: &[Attribution],
    att_b: &[Attribution],
    shared: &Shared,
) -> Verdict {
    let mut clues: Vec<Clue> = Vec::new();
    let date = dates(a, b);
    // The sign of dates too close to decide alone, if that is what they are.
    let close_dates = date
        .as_ref()
        .filter(|c| c.weight.abs() < BINDING)
        .map(|c| c.weight.signum());
    clues.extend(date);
    clues.extend(cites(a, b, att_b));
    clues.extend(cites(b, a, att_a).into_iter().map(|c| Clue {
        weight: -c.weight,
        text: c.text,
    }));
    clues.extend(quotation(a, b, shared));
    clues.extend(containment(a, b, shared));
    clues.sort_by_key(|c| std::cmp::Reverse(c.weight.abs()));

    let binding: i32 = clues
        .iter()
        .filter(|c| c.weight.abs() >= BINDING)
        .map(|c| c.weight)
        .sum();
    let soft_for: i32 = clues
        .iter()
        .filter(|c| c.weight > 0 && c.weight < BINDING)
        .map(|c| c.weight)
        .sum();
    let soft_against: i32 = clues
        .iter()
        .filter(|c| c.weight < 0 && c.weight > -BINDING)
        .map(|c| -c.weight)
        .sum();
    let mut evidence: Vec<String> = clues.iter().map(|c| c.text.clone()).collect();
    let a_is_origin = if binding != 0 {
        if (binding > 0 && soft_against > 0) || (binding < 0 && soft_for > 0) {
            evidence.push("the dates outweigh the evidence pointing the other way".into());
        }
        Some(binding > 0)
    } else if soft_for >= 2 && soft_for >= 2 * soft_against.max(1) {
        if close_dates == Some(-1) {
            evidence.push("the evidence in the text outweighs dates a day apart".into());
        }
        Some(true)
    } else if soft_against >= 2 && soft_against >= 2 * soft_for.max(1) {
        if close_dates == Some(1) {
            evidence.push("the evidence in the text outweighs dates a day apart".into());
        }
        Some(false)
    } else {
        evidence.push(if clues.is_empty() {
            "undirected: no dates, credits, attributions or asymmetry decide which came first"
                .into()
        } else if close_dates.is_some() && clues.len() == 1 {
            "undirected: dates a day apart are the only evidence, and nothing in the text says which came first".into()
        } else {
            "undirected: the evidence is too weak or conflicting to decide which came first".into()
        });
        None
    };
    let lean = if a_is_origin.is_none() {
        close_dates.map(|sign| sign > 0)
    } else {
        None
    };
    Verdict {
        a_is_origin,
        evidence,
        lean,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_acronyms_and_containment() {
        assert!(names_match("MEMRI", "Middle East Media Research Institute"));
        assert!(names_match(
            "the Middle East Media Research Institute (MEMRI)",
            "Middle East Media Research Institute"
        ));
        assert!(names_match("IANS", "ians"));
        assert!(!names_match("IANS", "PTI"));
        assert!(!names_match("A", "Anna Mahjar-Barducci"));
    }

    #[test]
    fn mentions_spelled_out_acronym() {
        assert!(mentions(
            "a report of the Middle East Media Research Institute said",
            "MEMRI"
        ));
        assert!(!mentions("a report said", "MEMRI"));
    }

    #[test]
    fn dates_bind() {
        let mut a = Article::new("a", "a", String::new());
        let mut b = Article::new("b", "b", String::new());
        a.meta.date = Some(Field::given(jiff::civil::date(2025, 9, 17), "test"));
        b.meta.date_floor = Some(Field::given(jiff::civil::date(2026, 1, 15), "test"));
        let v = decide(&a, &b, &[], &[], &Shared::default());
        assert_eq!(v.a_is_origin, Some(true));
        assert!(v.evidence[0].contains("mentions 2026-01-15"));
    }

    /// An article of `outlet` dated `day` (of January 2026), with a line of
    /// made-up text.
    fn dated(id: &str, outlet: &str, day: i8) -> Article {
        let mut a = Article::new(id, id, "A council voted on the harbour budget.".to_string());
        a.meta.outlet = Some(Field::manifest(outlet.to_string()));
        a.meta.date = Some(Field::manifest(jiff::civil::date(2026, 1, day)));
        a
    }

    #[test]
    fn a_one_day_gap_across_outlets_does_not_decide_alone() {
        let a = dated("a", "Harbour Gazette", 14);
        let b = dated("b", "Valley Courier", 15);
        let v = decide(&a, &b, &[], &[], &Shared::default());
        assert_eq!(v.a_is_origin, None);
        assert_eq!(v.lean, Some(true));
        assert!(v.evidence[0].contains("too close to decide alone"));
        assert!(
            v.evidence
                .last()
                .unwrap()
                .contains("dates a day apart are the only evidence")
        );
        // The same the other way round, and with no outlet known at all.
        let v = decide(&b, &a, &[], &[], &Shared::default());
        assert_eq!(v.a_is_origin, None);
        let (mut first, mut second) = (a.clone(), b.clone());
        first.meta.outlet = None;
        second.meta.outlet = None;
        assert_eq!(
            decide(&first, &second, &[], &[], &Shared::default()).a_is_origin,
            None
        );
    }

    #[test]
    fn two_days_apart_or_one_outlet_the_dates_bind() {
        let a = dated("a", "Harbour Gazette", 13);
        let b = dated("b", "Valley Courier", 15);
        assert_eq!(
            decide(&a, &b, &[], &[], &Shared::default()).a_is_origin,
            Some(true)
        );
        assert_eq!(
            decide(&b, &a, &[], &[], &Shared::default()).a_is_origin,
            Some(false)
        );
        // One outlet's two dates follow one convention: a day apart binds.
        let a = dated("a", "Harbour Gazette", 14);
        let b = dated("b", "Harbour Gazette", 15);
        let v = decide(&b, &a, &[], &[], &Shared::default());
        assert_eq!(v.a_is_origin, Some(false));
        assert!(!v.evidence[0].contains("too close"));
    }

    #[test]
    fn a_credit_outweighs_a_one_day_gap_the_other_way() {
        // The copy is dated a day *before* the article it credits.
        let origin = dated("origin", "Harbour Gazette", 15);
        let mut copy = dated("copy", "Valley Courier", 14);
        copy.meta.credits.push(crate::article::Credit {
            kind: crate::article::CreditKind::Tail,
            agency: Some("Harbour Gazette".into()),
            evidence: copy.span(Range::new(0, 11)),
        });
        let v = decide(&origin, &copy, &[], &[], &Shared::default());
        assert_eq!(v.a_is_origin, Some(true));
        assert!(v.evidence[0].contains("credits Harbour Gazette"));
        assert!(
            v.evidence
                .iter()
                .any(|e| e.contains("outweighs dates a day apart"))
        );
    }

    #[test]
    fn a_one_day_gap_and_one_agreeing_clue_direct_the_pair() {
        let a = dated("a", "Harbour Gazette", 14);
        let b = dated("b", "Valley Courier", 15);
        // B's passages drop 8 words of A's and add none: edits agree with the dates.
        let shared = Shared {
            edits: (8, 0),
            ..Shared::default()
        };
        assert_eq!(decide(&a, &b, &[], &[], &shared).a_is_origin, Some(true));
        // Edits pointing the other way leave it undirected.
        let shared = Shared {
            edits: (0, 8),
            ..Shared::default()
        };
        assert_eq!(decide(&a, &b, &[], &[], &shared).a_is_origin, None);
    }

    #[test]
    fn a_date_floor_one_day_later_across_outlets_is_weak() {
        let a = dated("a", "Harbour Gazette", 14);
        let mut b = dated("b", "Valley Courier", 14);
        b.meta.date = None;
        b.meta.date_floor = Some(Field::given(jiff::civil::date(2026, 1, 15), "test"));
        assert_eq!(
            decide(&a, &b, &[], &[], &Shared::default()).a_is_origin,
            None
        );
        b.meta.date_floor = Some(Field::given(jiff::civil::date(2026, 1, 16), "test"));
        assert_eq!(
            decide(&a, &b, &[], &[], &Shared::default()).a_is_origin,
            Some(true)
        );
    }
}
