//! Credit and syndication lines: "–IANS", "— Reuters", "scor/as",
//! "(With inputs from PTI)", and agency-feed disclaimers.
//!
//! Credit tails and desk initials sit in the last lines of wire copy; "with
//! inputs from" and feed disclaimers can be anywhere, so those are looked for
//! in every line that contains their key word (a cheap substring test first).
//! Agencies are only named when they are on the curated list
//! ([`crate::read::agencies`]); an unnamed feed stays unnamed.

use std::sync::LazyLock;

use regex::Regex;

use super::{Line, Marks};
use crate::article::{BoilerplateKind, CreditKind};
use crate::read::agencies;

/// A credit statement found in the text, as byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// What kind of statement.
    pub kind: CreditKind,
    /// The agency named, if it is a known one.
    pub agency: Option<&'static str>,
    /// Byte offset of the statement.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
}

/// How many trailing lines may hold a credit tail.
const TAIL_LINES: usize = 6;

/// "–IANS", "— Reuters", "-- AFP", "Source: PTI".
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-–—~]+\s*|(?i:source|agency|courtesy)\s*:\s*|\()(?P<a>[\p{L}][\p{L} .&\-]{0,40}?)\)?\.?$")
        .expect("static regex")
});

/// Desk initials: "scor/as", "ksk/rad/".
static INITIALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[a-z]{2,6}(?:/[a-z]{1,6}){0,4}/$|^[a-z]{2,6}(?:/[a-z]{1,6}){1,4}$")
        .expect("static regex")
});

/// "(With inputs from PTI)", "with additional inputs from agencies".
static INPUTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\(?\bwith\s+(?:additional\s+)?inputs?\s+from\s+(?P<a>[^()\n.]{2,80}?)\s*(?:\)|\.|$)",
    )
    .expect("static regex")
});

/// The agency a feed is said to come from: "from an agency feed", "from PTI feed".
static FEED_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bfrom\s+(?:an?\s+|the\s+)?(?P<a>[\p{L}][\p{L}\-]*(?:\s+[\p{L}][\p{L}\-]*){0,3}?)\s+(?:news\s+|wire\s+)?feeds?\b")
        .expect("static regex")
});

/// Words that say the copy went out unedited, automatically.
static UNEDITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)auto-?(?:published|generated|posted)|not been (?:edited|reviewed|modified)|without any (?:modifications?|editing|changes)|syndicated feed")
        .expect("static regex")
});

/// The key words of "with inputs from" and feed disclaimers (case-sensitive
/// literals: a vectorised search, unlike a case-insensitive pattern).
static KEYWORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("nputs|NPUTS|feed|Feed|FEED").expect("static regex"));

/// Splits "PTI and ANI", "IANS, Reuters" into known agencies.
fn agencies_in(list: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for part in list.split([',', '&', '/']).flat_map(|p| p.split(" and ")) {
        if let Some(a) = agencies::lookup(part) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out
}

/// Finds credits in `text`, marking tails, initials, input lines and
/// disclaimers as boilerplate.
pub fn find(text: &str, lines: &[Line], marks: &mut Marks) -> Vec<Found> {
    let mut out = Vec::new();

    // Tails and desk initials in the last lines (skipping trailing initials).
    let first_tail = lines.len().saturating_sub(TAIL_LINES);
    for (i, line) in lines.iter().enumerate().skip(first_tail) {
        let s = line.text(text);
        if s.len() > 60 {
            continue;
        }
        if INITIALS.is_match(s) {
            marks.mark(BoilerplateKind::Credit, line.start, line.end);
            continue;
        }
        // A tail must be the last line or followed only by short lines.
        let rest_short = lines[i + 1..].iter().all(|l| l.end - l.start <= 40);
        if !rest_short {
            continue;
        }
        if let Some(c) = TAIL.captures(s) {
            let Some(a) = c.name("a") else { continue };
            if let Some(agency) = agencies::lookup(a.as_str()) {
                out.push(Found {
                    kind: CreditKind::Tail,
                    agency: Some(agency),
                    start: line.start,
                    end: line.end,
                });
                marks.mark(BoilerplateKind::Credit, line.start, line.end);
            }
        }
    }

    // "With inputs from ..." and feed disclaimers, anywhere: one scan of the
    // whole text for the key words, then the lines that hold them.
    let mut hit_lines: Vec<usize> = Vec::new();
    for m in KEYWORDS.find_iter(text) {
        let i = lines.partition_point(|l| l.end <= m.start());
        if lines.get(i).is_some_and(|l| l.start <= m.start()) && hit_lines.last() != Some(&i) {
            hit_lines.push(i);
        }
    }
    for line in hit_lines.iter().map(|&i| lines[i]) {
        let s = line.text(text);
        if s.len() >= 18 && memchr_ci(s, "inputs") {
            for c in INPUTS.captures_iter(s) {
                let (Some(whole), Some(a)) = (c.get(0), c.name("a")) else {
                    continue;
                };
                let start = line.start + whole.start();
                let end = line.start + whole.end();
                let named = agencies_in(a.as_str());
                if named.is_empty() {
                    out.push(Found {
                        kind: CreditKind::Inputs,
                        agency: None,
                        start,
                        end,
                    });
                }
                for agency in named {
                    out.push(Found {
                        kind: CreditKind::Inputs,
                        agency: Some(agency),
                        start,
                        end,
                    });
                }
                marks.mark(BoilerplateKind::Credit, start, end);
            }
        }
        if s.len() >= 20 && s.len() <= 600 && memchr_ci(s, "feed") && UNEDITED.is_match(s) {
            let agency = FEED_SOURCE
                .captures(s)
                .and_then(|c| c.name("a"))
                .and_then(|a| agencies::lookup(a.as_str()));
            out.push(Found {
                kind: CreditKind::AgencyFeed,
                agency,
                start: line.start,
                end: line.end,
            });
            marks.mark(BoilerplateKind::Disclaimer, line.start, line.end);
        }
    }
    out.sort_by_key(|f| (f.start, f.end));
    out
}

/// Case-insensitive ASCII substring test (`needle` lower case).
fn memchr_ci(hay: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    hay.as_bytes()
        .windows(n.len())
        .any(|w| w.eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Got = Vec<(CreditKind, Option<&'static str>, String)>;

    fn run(text: &str) -> (Got, Marks) {
        let mut marks = Marks::default();
        let found = find(text, &super::super::lines(text), &mut marks)
            .into_iter()
            .map(|f| (f.kind, f.agency, text[f.start..f.end].to_string()))
            .collect();
        (found, marks)
    }

    #[test]
    fn credit_tail_and_initials() {
        let (found, marks) = run("Story text here.\n–IANS\nscor/as\nksk/\n");
        assert_eq!(
            found,
            [(CreditKind::Tail, Some("IANS"), "–IANS".to_string())]
        );
        assert_eq!(marks.boilerplate.len(), 3);
    }

    #[test]
    fn reuters_dash_tail() {
        let (found, _) = run("Story.\n— Reuters");
        assert_eq!(found[0].1, Some("Reuters"));
    }

    #[test]
    fn unknown_tail_is_not_a_credit() {
        let (found, _) = run("Story.\n— Our Correspondent");
        assert!(found.is_empty());
    }

    #[test]
    fn with_inputs_from() {
        let (found, _) = run("Story.\n(With inputs from PTI and ANI)\nMore.");
        assert_eq!(
            found.iter().map(|f| f.1).collect::<Vec<_>>(),
            [Some("PTI"), Some("ANI")]
        );
        let (found, _) = run("Story. With inputs from agencies.");
        assert_eq!(found[0].0, CreditKind::Inputs);
        assert_eq!(found[0].1, None);
    }

    #[test]
    fn feed_disclaimers() {
        let (found, marks) = run(
            "Story.\nDisclaimer: This post has been auto-published from an agency feed without any modifications to the text and has not been reviewed by an editor",
        );
        assert_eq!(found[0].0, CreditKind::AgencyFeed);
        assert_eq!(found[0].1, None);
        assert_eq!(marks.boilerplate[0].0, BoilerplateKind::Disclaimer);
        let (found, _) = run(
            "Story.\n(This story has not been edited by HT staff and is auto-generated from a syndicated feed.)",
        );
        assert_eq!((found[0].0, found[0].1), (CreditKind::AgencyFeed, None));
        let (found, _) = run("Story.\nThis article was auto-published from PTI feed.");
        assert_eq!(found[0].1, Some("PTI"));
    }
}
