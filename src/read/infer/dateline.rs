//! Wire datelines and explicit date lines.
//!
//! A dateline opens wire copy: "Washington, Jan 22 (IANS)", "NEW DELHI
//! (Reuters) -", "Islamabad, Sep 17", "LONDON, March 3 (AFP) —". It gives the
//! place, often a year-less date and the agency. An explicit date line
//! ("date 2025-09-17", "Published: September 17, 2025") states the date
//! outright. Both are looked for only at the start of the first lines.

use std::sync::LazyLock;

use regex::Regex;

use super::Line;
use crate::article::Date;
use crate::read::{agencies, dates};

/// How many leading lines may hold a dateline (a headline may come first).
const HEAD_LINES: usize = 3;

/// Words that look like a place at a line start but are not one.
const NOT_PLACES: &[&str] = &[
    "on",
    "in",
    "by",
    "at",
    "from",
    "since",
    "after",
    "before",
    "however",
    "but",
    "and",
    "the",
    "this",
    "that",
    "last",
    "next",
    "until",
    "meanwhile",
    "earlier",
    "later",
    "today",
    "yesterday",
    "also",
    "then",
    "when",
    "while",
    "as",
    "if",
    "so",
    "yet",
    "report",
    "updated",
    "published",
    "posted",
    "date",
    "dated",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "according",
];

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<place>\p{Lu}[\p{L}'’.\-]*(?:[ ]+(?:\p{Lu}[\p{L}'’.\-]*|of|de|al|el|la)){0,3})(?:\s*,\s*(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?)?(?:\s*\((?P<agency>[^()\n]{2,40})\))?(?:\s*[-–—:]+)?",
    )
    .expect("static regex")
});

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:date[d]?|published(?:\s+on)?|posted(?:\s+on)?|first\s+published(?:\s+on)?|updated(?:\s+on)?)\s*:?\s*(?P<d>\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})",
    )
    .expect("static regex")
});

/// An explicit date line, as byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateLine {
    /// The date stated.
    pub date: Date,
    /// Byte offset of the line's start.
    pub start: usize,
    /// Byte offset one past the date.
    pub end: usize,
}

/// Finds an explicit date line ("date 2025-09-17") at the start of one of the
/// first lines.
pub fn find_date_line(text: &str, lines: &[Line]) -> Option<DateLine> {
    lines.iter().take(HEAD_LINES).find_map(|line| {
        let s = line.text(text);
        let c = DATE_LINE.captures(s)?;
        let d = c.name("d")?;
        let date = dates::parse_value(d.as_str())?;
        Some(DateLine {
            date,
            start: line.start,
            end: line.start + d.end(),
        })
    })
}

/// A dateline, as byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place ("Washington", "NEW DELHI").
    pub place: String,
    /// Byte range of the place.
    pub place_start: usize,
    /// End of the place.
    pub place_end: usize,
    /// Month and day, when given.
    pub month_day: Option<(i8, i8)>,
    /// The year, when the dateline gives one.
    pub year: Option<i16>,
    /// The agency in brackets, when it is a known one.
    pub agency: Option<&'static str>,
    /// Byte offset of the dateline's start.
    pub start: usize,
    /// Byte offset one past its end (brackets included, dash excluded).
    pub end: usize,
}

impl Dateline {
    /// The publication date this dateline gives, with the rule that gave it
    /// and a confidence: its own year, else the year from the date floor
    /// (the next year when that would fall before the floor). `None` without
    /// a day or a year.
    pub fn resolve_date(&self, floor: Option<Date>) -> Option<(Date, &'static str, f32)> {
        let (month, day) = self.month_day?;
        if let Some(year) = self.year {
            return dates::date(year, month, day).map(|d| (d, "dateline", 0.9));
        }
        let floor = floor?;
        let same = dates::date(floor.year(), month, day)?;
        if same >= floor {
            Some((same, "dateline+date-floor", 0.8))
        } else {
            let next = dates::date(floor.year().checked_add(1)?, month, day)?;
            Some((next, "dateline+date-floor", 0.7))
        }
    }
}

/// Finds a wire dateline at the start of one of the first lines; when an
/// explicit date line ended at `after`, the dateline may follow it on the
/// same line.
pub fn find(text: &str, lines: &[Line], after: Option<usize>) -> Option<Dateline> {
    lines.iter().take(HEAD_LINES).find_map(|line| {
        let mut start = line.start;
        if let Some(a) = after {
            if a > line.start && a <= line.end {
                start = a + (text[a..line.end].len() - text[a..line.end].trim_start().len());
            }
        }
        // A dateline is short: look at the line's first 160 bytes only.
        let end = crate::read::dates::floor_boundary(text, (start + 160).min(line.end));
        let s = text.get(start..end)?;
        let c = DATELINE.captures(s)?;
        let place = c.name("place")?;
        let first_word = place.as_str().split(' ').next().unwrap_or("");
        if NOT_PLACES.contains(&first_word.to_lowercase().as_str()) {
            return None;
        }
        let agency = c.name("agency").and_then(|a| agencies::lookup(a.as_str()));
        let month_day = match (c.name("month"), c.name("day")) {
            (Some(m), Some(d)) => Some((
                dates::month_of(m.as_str())?,
                d.as_str()
                    .parse::<i8>()
                    .ok()
                    .filter(|d| (1..=31).contains(d))?,
            )),
            _ => None,
        };
        if agency.is_none() && month_day.is_none() {
            return None;
        }
        // Without an agency, what follows the date must start a sentence
        // (a capital letter, a quote, or a dash).
        let whole = c.get(0)?;
        if agency.is_none() {
            let next = s[whole.end()..].trim_start().chars().next();
            if !next.is_none_or(|n| n.is_uppercase() || matches!(n, '"' | '“' | '‘' | '\'')) {
                return None;
            }
        }
        let end_in_s = c.name("agency").filter(|_| agency.is_some()).map_or_else(
            || {
                c.name("year")
                    .or(c.name("day"))
                    .map_or(place.end(), |m| m.end())
            },
            |a| a.end() + 1,
        );
        let year = c.name("year").and_then(|y| y.as_str().parse().ok());
        Some(Dateline {
            place: place.as_str().trim_end_matches(['.', '-']).to_string(),
            place_start: start + place.start(),
            place_end: start + place.start() + place.as_str().trim_end_matches(['.', '-']).len(),
            month_day,
            year,
            agency,
            start,
            end: start + end_in_s,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::infer::lines;

    type Got = (String, Option<(i8, i8)>, Option<&'static str>, String);

    fn dl(text: &str) -> Option<Got> {
        find(text, &lines(text), None).map(|d| {
            (
                d.place.clone(),
                d.month_day,
                d.agency,
                text[d.start..d.end].to_string(),
            )
        })
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            dl("Washington, Jan 22 (IANS) The threat"),
            Some((
                "Washington".into(),
                Some((1, 22)),
                Some("IANS"),
                "Washington, Jan 22 (IANS)".into()
            ))
        );
        assert_eq!(
            dl("NEW DELHI (Reuters) - India said"),
            Some((
                "NEW DELHI".into(),
                None,
                Some("Reuters"),
                "NEW DELHI (Reuters)".into()
            ))
        );
        assert_eq!(
            dl("Islamabad, Sep 17 Pakistan, particularly"),
            Some((
                "Islamabad".into(),
                Some((9, 17)),
                None,
                "Islamabad, Sep 17".into()
            ))
        );
        assert_eq!(
            dl("LONDON, March 3 (AFP) — Britain"),
            Some((
                "LONDON".into(),
                Some((3, 3)),
                Some("AFP"),
                "LONDON, March 3 (AFP)".into()
            ))
        );
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        assert_eq!(dl("On January 15, 2026, the board was formed."), None);
        assert_eq!(dl("However, Jan 5 was cold."), None);
        assert_eq!(dl("The Board of Peace (BoP) said"), None);
        assert_eq!(dl("Report: Pakistan is becoming"), None);
        assert_eq!(dl("Dr Naji Zaheer currently serves"), None);
    }

    #[test]
    fn date_line_then_dateline_on_one_line() {
        let t = " date 2025-09-17 Islamabad, Sep 17 Pakistan, particularly";
        let ls = lines(t);
        let d = find_date_line(t, &ls).unwrap();
        assert_eq!(d.date.to_string(), "2025-09-17");
        assert_eq!(&t[d.start..d.end], "date 2025-09-17");
        let x = find(t, &ls, Some(d.end)).unwrap();
        assert_eq!(x.place, "Islamabad");
    }

    #[test]
    fn year_from_floor_rolls_over() {
        let d = Dateline {
            place: "X".into(),
            place_start: 0,
            place_end: 1,
            month_day: Some((1, 2)),
            year: None,
            agency: None,
            start: 0,
            end: 1,
        };
        let floor: Date = "2025-12-30".parse().unwrap();
        assert_eq!(
            d.resolve_date(Some(floor)).unwrap().0.to_string(),
            "2026-01-02"
        );
        let floor: Date = "2026-01-01".parse().unwrap();
        assert_eq!(
            d.resolve_date(Some(floor)).unwrap().0.to_string(),
            "2026-01-02"
        );
        assert_eq!(d.resolve_date(None), None);
    }
}
