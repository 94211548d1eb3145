//! Publication dates from file names and URL paths.
//!
//! Crawlers and archives name files after the date a story ran
//! (`breitbart_2016-03-15_slug.txt`) and most news sites put it in the URL
//! path (`/2016/03/15/slug`). Such a date is what the site says, not what a
//! reader guesses from a dateline ("Jan 22", year unknown), so it replaces
//! dates inferred from the text — but never a date the file or the manifest
//! gave, and never one that would fall before the latest date the text
//! itself mentions (the date floor).
//!
//! Only full dates with separators count (`2016-03-15`, `2016_03_15`,
//! `2016/03/15`, `/2016/03/15/`); eight bare digits are as often an id as a
//! date.

use std::sync::LazyLock;

use regex::Regex;

use crate::article::{Date, Field, Origin};

/// A year, month and day joined by one separator, not inside a longer number.
static DATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)\d\d)([-_/.])(0[1-9]|1[0-2])([-_/.])(0[1-9]|[12]\d|3[01])(?:[^0-9]|$)")
        .expect("static regex")
});

/// A date found in a name, with the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedDate {
    /// The date.
    pub date: Date,
    /// The matched part of the name ("2016-03-15").
    pub evidence: String,
}

/// The first full date written in `name` (a file name or a URL path).
pub fn date_in(name: &str) -> Option<NamedDate> {
    for c in DATED.captures_iter(name) {
        // Both separators alike: "2016-03_15" is not a date.
        if c[2] != c[4] {
            continue;
        }
        let (Ok(y), Ok(m), Ok(d)) = (c[1].parse::<i16>(), c[3].parse::<i8>(), c[5].parse::<i8>())
        else {
            continue;
        };
        if let Ok(date) = jiff::civil::Date::new(y, m, d) {
            return Some(NamedDate {
                date,
                evidence: format!("{}{}{}{}{}", &c[1], &c[2], &c[3], &c[4], &c[5]),
            });
        }
    }
    None
}

/// The file-name part of a path (after the last `/` or `\`).
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The path of a URL: what follows the host, without query or fragment.
fn url_path(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    path.split(['?', '#']).next().unwrap_or(path)
}

/// The publication date a file name or URL path states, as an inferred
/// field whose `via` names where it was read ("url-path 2016/03/15").
/// The URL wins over the file name: it is the publisher's own.
pub fn infer(path: &str, url: Option<&str>) -> Option<Field<Date>> {
    let (found, via) = url
        .and_then(|u| date_in(url_path(u)).map(|d| (d, "url-path")))
        .or_else(|| date_in(file_name(path)).map(|d| (d, "file-name")))?;
    Some(Field {
        value: found.date,
        origin: Origin::Inferred,
        via: format!("{via} {}", found.evidence),
        evidence: None,
        confidence: 0.9,
    })
}

/// True when a date from a name may replace `current`: there is none, or it
/// was only inferred from the text; and it is not before the date floor.
pub fn may_replace(current: Option<&Field<Date>>, floor: Option<Date>, named: Date) -> bool {
    let replaceable = current.is_none_or(|f| f.origin == Origin::Inferred);
    replaceable && floor.is_none_or(|f| named >= f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_file_names_and_urls() {
        let d = date_in("breitbart_2016-03-15_the-latest.txt").expect("date");
        assert_eq!(d.date, jiff::civil::date(2016, 3, 15));
        assert_eq!(d.evidence, "2016-03-15");
        let f = infer(
            "x/story.html",
            Some("https://www.example.com/politics/2016/03/15/slug/?ref=1"),
        )
        .expect("url date");
        assert_eq!(f.value, jiff::civil::date(2016, 3, 15));
        assert_eq!(f.via, "url-path 2016/03/15");
        // The host is not the path; ids and mixed separators are not dates.
        assert!(infer("a.txt", Some("https://2016-03-15.example.com/x")).is_none());
        assert!(date_in("report-20160315.txt").is_none());
        assert!(date_in("id_12016-03-15").is_none());
        assert!(date_in("2016-03_15").is_none());
        assert!(date_in("2016-02-30").is_none());
        assert_eq!(
            infer("/corpus/nyt_2015-11-25_golf.txt", None).map(|f| f.via),
            Some("file-name 2015-11-25".to_string())
        );
    }

    #[test]
    fn given_dates_and_floors_win() {
        let named = jiff::civil::date(2016, 3, 15);
        let given = Field::given(jiff::civil::date(2016, 3, 16), "test");
        assert!(!may_replace(Some(&given), None, named));
        let mut guessed = given.clone();
        guessed.origin = Origin::Inferred;
        assert!(may_replace(Some(&guessed), None, named));
        assert!(may_replace(None, Some(named), named));
        assert!(!may_replace(
            None,
            Some(jiff::civil::date(2016, 4, 1)),
            named
        ));
    }
}
