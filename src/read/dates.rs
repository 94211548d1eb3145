//! Dates as news files write them.
//!
//! Metadata values ("2025-09-17T10:00:00Z", "Wed, 17 Sep 2025 10:00:00 +0000",
//! "September 17, 2025") become civil dates with [`parse_value`]: the date as
//! the publisher wrote it, without converting time zones (a story published at
//! 23:30 in New Delhi is dated that day there). In running text,
//! [`full_dates`] finds every complete date ("January 18, 2026", "5 February
//! 2025", "Jan. 5, 2026", "2025-09-17") by first locating four-digit years —
//! rare in text, so the scan runs at memory speed — and then reading the words
//! before them; [`month_days`] finds year-less dates ("January 18", "Sep 17").

use std::sync::LazyLock;

use regex::Regex;

use crate::article::Date;

/// Month names and abbreviations, as a regex alternative (capitalised or upper case).
const MONTH: &str = r"(?:Jan(?:uary)?|JAN(?:UARY)?|Feb(?:ruary)?|FEB(?:RUARY)?|Mar(?:ch)?|MAR(?:CH)?|Apr(?:il)?|APR(?:IL)?|May|MAY|June?|JUNE?|July?|JULY?|Aug(?:ust)?|AUG(?:UST)?|Sep(?:t(?:ember)?)?|SEP(?:T(?:EMBER)?)?|Oct(?:ober)?|OCT(?:OBER)?|Nov(?:ember)?|NOV(?:EMBER)?|Dec(?:ember)?|DEC(?:EMBER)?)";

/// The first two digits of a year from 1900 to 2099.
static YEAR_PREFIX: LazyLock<Regex> = LazyLock::new(|| Regex::new("19|20").expect("static regex"));

/// Year-less "Month Day" or "Day Month".
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH}))(?-u:\b)"
    ))
    .expect("static regex")
});

/// The month number (1–12) of a month name or abbreviation, any case.
pub fn month_of(name: &str) -> Option<i8> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    let n = match lower.as_str() {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    };
    Some(n)
}

/// A valid civil date, or `None` (Feb 30, month 13, ...).
pub fn date(year: i16, month: i8, day: i8) -> Option<Date> {
    Date::new(year, month, day).ok()
}

/// Reads `YYYY-MM-DD` (or `/` or `.` separated) at the start of `s`.
fn iso_prefix(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<i32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let sep = b[4];
    if !matches!(sep, b'-' | b'/' | b'.') || b[7] != sep {
        return None;
    }
    let year = i16::try_from(digits(0..4)?).ok()?;
    let month = i8::try_from(digits(5..7)?).ok()?;
    let day = i8::try_from(digits(8..10)?).ok()?;
    if b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    date(year, month, day)
}

/// Parses a metadata date value: ISO date or datetime (the date as written),
/// RFC 2822 ("Wed, 17 Sep 2025 10:00:00 +0000"), "September 17, 2025",
/// "17 September 2025", "Sep 17 2025". `None` when it is none of these.
pub fn parse_value(value: &str) -> Option<Date> {
    let s = value.trim();
    if let Some(d) = iso_prefix(s) {
        return Some(d);
    }
    // Drop a leading weekday ("Wed, ").
    let s = match s.split_once(',') {
        Some((head, rest)) if head.len() <= 9 && head.chars().all(char::is_alphabetic) => {
            rest.trim_start()
        }
        _ => s,
    };
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .take(3)
        .collect();
    if tokens.len() < 3 {
        return None;
    }
    let num = |t: &str| -> Option<i32> {
        let t = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        t.parse().ok()
    };
    let year = |t: &str| -> Option<i16> { (t.len() == 4).then(|| t.parse::<i16>().ok()).flatten() };
    // Month Day Year
    if let (Some(m), Some(d), Some(y)) = (month_of(tokens[0]), num(tokens[1]), year(tokens[2])) {
        return date(y, m, i8::try_from(d).ok()?);
    }
    // Day Month Year
    if let (Some(d), Some(m), Some(y)) = (num(tokens[0]), month_of(tokens[1]), year(tokens[2])) {
        return date(y, m, i8::try_from(d).ok()?);
    }
    None
}

/// Skips spaces, tabs and commas backwards from `p`; how many were skipped.
fn skip_space_back(b: &[u8], p: &mut usize, commas: bool) -> usize {
    let from = *p;
    while *p > 0 && (matches!(b[*p - 1], b' ' | b'\t') || (commas && b[*p - 1] == b',')) {
        *p -= 1;
    }
    from - *p
}

/// The ASCII alphanumeric run ending at `p`.
fn token_back(b: &[u8], p: usize) -> (usize, &[u8]) {
    let mut s = p;
    while s > 0 && b[s - 1].is_ascii_alphanumeric() {
        s -= 1;
    }
    (s, &b[s..p])
}

/// A day number, optionally with an ordinal suffix ("5", "17th").
fn day_of(tok: &[u8]) -> Option<i8> {
    let digits = tok.iter().take_while(|c| c.is_ascii_digit()).count();
    let suffix = &tok[digits..];
    if !(1..=2).contains(&digits)
        || !(suffix.is_empty() || [&b"st"[..], b"nd", b"rd", b"th"].contains(&suffix))
    {
        return None;
    }
    std::str::from_utf8(&tok[..digits]).ok()?.parse().ok()
}

/// A month name written capitalised or in capitals ("January", "JAN", "Sept").
fn month_token(tok: &[u8]) -> Option<i8> {
    if !tok.first().is_some_and(u8::is_ascii_uppercase) || tok.iter().any(u8::is_ascii_digit) {
        return None;
    }
    month_of(std::str::from_utf8(tok).ok()?)
}

/// Reads "Month Day, " or "Day Month " (also "Jan. 5, ", "1st of March ")
/// backwards from the year at byte `year_start`: month, day and the byte
/// where the date starts. Hand-written because it runs for every year in
/// the text.
fn month_day_before(b: &[u8], year_start: usize) -> Option<(i8, i8, usize)> {
    let mut p = year_start;
    if skip_space_back(b, &mut p, true) == 0 {
        return None;
    }
    let dot = p > 0 && b[p - 1] == b'.';
    if dot {
        p -= 1;
    }
    let (t0, tok) = token_back(b, p);
    if let (Some(day), false) = (day_of(tok), dot) {
        // Month Day, Year
        let mut q = t0;
        if skip_space_back(b, &mut q, false) == 0 {
            return None;
        }
        if q > 0 && b[q - 1] == b'.' {
            q -= 1;
        }
        let (m0, mtok) = token_back(b, q);
        return month_token(mtok).map(|m| (m, day, m0));
    }
    // Day Month Year, Day of Month Year
    let month = month_token(tok)?;
    let mut q = t0;
    if skip_space_back(b, &mut q, false) == 0 {
        return None;
    }
    let (mut d0, mut dtok) = token_back(b, q);
    if dtok == b"of" {
        let mut r = d0;
        if skip_space_back(b, &mut r, false) == 0 {
            return None;
        }
        (d0, dtok) = token_back(b, r);
    }
    day_of(dtok).map(|d| (month, d, d0))
}

/// A date found in text, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The date.
    pub date: Date,
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset one past its last character.
    pub end: usize,
}

/// The largest char boundary of `s` at or before `b`.
pub(crate) fn floor_boundary(s: &str, mut b: usize) -> usize {
    b = b.min(s.len());
    while b > 0 && !s.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// Every full date in `text` (with day, month and year), in order.
pub fn full_dates(text: &str) -> Vec<Found> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut resume = 0;
    // Candidate years: "19"/"20" found by a vectorised literal search, then
    // the whole digit run around it must be exactly four digits.
    for m in YEAR_PREFIX.find_iter(text) {
        let start = m.start();
        if start < resume || (start > 0 && bytes[start - 1].is_ascii_digit()) {
            continue;
        }
        let mut i = start;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        resume = i;
        if i - start != 4 {
            continue;
        }
        let after_alnum = bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
        let before_alnum = start > 0 && bytes[start - 1].is_ascii_alphanumeric();
        if before_alnum {
            continue;
        }
        // ISO: 2025-09-17.
        if let Some(d) = iso_prefix(&text[start..]) {
            let before_dash = start > 0 && matches!(bytes[start - 1], b'-' | b'/' | b'.');
            if !before_dash {
                out.push(Found {
                    date: d,
                    start,
                    end: start + 10,
                });
                resume = start + 10;
                continue;
            }
        }
        if after_alnum {
            continue;
        }
        let Ok(year) = text[start..i].parse::<i16>() else {
            continue;
        };
        if let Some((month, day, from)) = month_day_before(bytes, start) {
            if let Some(date) = date(year, month, day) {
                out.push(Found {
                    date,
                    start: from,
                    end: i,
                });
            }
        }
    }
    out
}

/// A year-less date mention: month, day and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthDay {
    /// Month 1–12.
    pub month: i8,
    /// Day 1–31 (not checked against the month).
    pub day: i8,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
}

/// Year-less dates in `text` ("January 18", "18 January", "Sep 17"): mentions
/// directly followed by a year are left out (they are full dates).
pub fn month_days(text: &str) -> Vec<MonthDay> {
    let mut out = Vec::new();
    for c in MONTH_DAY.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let ((Some(m), Some(d), _, _) | (_, _, Some(d), Some(m))) =
            (c.get(1), c.get(2), c.get(3), c.get(4))
        else {
            continue;
        };
        let rest = text[whole.end()..].trim_start_matches([',', '.', ' ']);
        let followed_by_year = rest.len() >= 4
            && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            && !rest.as_bytes().get(4).is_some_and(u8::is_ascii_digit);
        if followed_by_year {
            continue;
        }
        let (Some(month), Ok(day)) = (month_of(m.as_str()), d.as_str().parse::<i8>()) else {
            continue;
        };
        if !(1..=31).contains(&day) {
            continue;
        }
        out.push(MonthDay {
            month,
            day,
            start: whole.start(),
            end: whole.end(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn parses_metadata_values() {
        assert_eq!(parse_value("2025-09-17"), Some(d("2025-09-17")));
        assert_eq!(
            parse_value("2025-09-17T23:30:00+05:30"),
            Some(d("2025-09-17"))
        );
        assert_eq!(
            parse_value("Wed, 17 Sep 2025 10:00:00 +0000"),
            Some(d("2025-09-17"))
        );
        assert_eq!(parse_value("September 17, 2025"), Some(d("2025-09-17")));
        assert_eq!(parse_value("17 September 2025"), Some(d("2025-09-17")));
        assert_eq!(parse_value("Sept. 17 2025"), Some(d("2025-09-17")));
        assert_eq!(parse_value("2025/09/17"), Some(d("2025-09-17")));
        assert_eq!(parse_value("2025-02-30"), None);
        assert_eq!(parse_value("yesterday"), None);
        assert_eq!(parse_value(""), None);
    }

    #[test]
    fn finds_full_dates_in_text() {
        let t = "On January 15, 2026, it began. Kashmir Day on 5 February 2025 and Jan. 5, 2026; \
                 posted 2025-09-17; in 2024 and October 2023 nothing; the 1st of March 2024.";
        let got: Vec<(Date, &str)> = full_dates(t)
            .into_iter()
            .map(|f| (f.date, &t[f.start..f.end]))
            .collect();
        assert_eq!(
            got,
            [
                (d("2026-01-15"), "January 15, 2026"),
                (d("2025-02-05"), "5 February 2025"),
                (d("2026-01-05"), "Jan. 5, 2026"),
                (d("2025-09-17"), "2025-09-17"),
                (d("2024-03-01"), "1st of March 2024"),
            ]
        );
    }

    #[test]
    fn year_less_dates_skip_full_ones() {
        let t = "On January 18, Trump invited him; on January 15, 2026 it began; Sep 17 and 5 Feb.";
        let got: Vec<&str> = month_days(t)
            .into_iter()
            .map(|m| &t[m.start..m.end])
            .collect();
        assert_eq!(got, ["January 18", "Sep 17", "5 Feb"]);
    }

    #[test]
    fn multibyte_text_does_not_panic() {
        let t = "“Zaheer” — 2026 ’’’’’’’’’’’’’’’’’’’’ 2025-01-01 ü 1999";
        let _ = full_dates(t);
        let _ = month_days(t);
    }
}
