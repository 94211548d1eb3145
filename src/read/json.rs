//! JSON and JSON Lines: one article per object.
//!
//! Crawler and API exports name the same things differently; the reader knows
//! the common spellings (first present wins):
//!
//! | field | keys |
//! |---|---|
//! | text | `text`, `body`, `content`, `article_text`, `articleBody`, `maintext`, `full_text`, `story` |
//! | title | `title`, `headline` |
//! | outlet | `outlet`, `source`, `site`, `site_name`, `publisher`, `source_domain` (string or `{name}`) |
//! | url | `url`, `link`, `canonical_url`, `uri` |
//! | date | `date`, `published`, `published_at`, `publishedAt`, `pubDate`, `date_publish`, `datePublished`, `publish_date` |
//! | author | `author`, `authors`, `byline`, `creator` (string, `{name}`, or a list) |
//! | language | `language`, `lang` |
//! | id | `id`, `_id`, `article_id`, `uuid` (string or number) |
//!
//! Dates may be ISO dates or datetimes, RFC 2822, "September 17, 2025", or
//! Unix seconds; each becomes the civil date as written (UTC for Unix time).
//! Every value is a [`Field::given`] whose `via` is the key it came from. One
//! bad record is one error (with its line number in JSON Lines, its item
//! number in an array); the other records are read.

use std::path::Path;

use serde_json::{Map, Value};

use crate::article::{Article, Field};
use crate::error::Error;
use crate::read::dates;

const TEXT_KEYS: &[&str] = &[
    "text",
    "body",
    "content",
    "article_text",
    "articleBody",
    "maintext",
    "full_text",
    "fulltext",
    "story",
];
const TITLE_KEYS: &[&str] = &["title", "headline"];
const OUTLET_KEYS: &[&str] = &[
    "outlet",
    "source",
    "site",
    "site_name",
    "publisher",
    "source_domain",
];
const URL_KEYS: &[&str] = &["url", "link", "canonical_url", "uri"];
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "pubDate",
    "date_publish",
    "datePublished",
    "publish_date",
];
const AUTHOR_KEYS: &[&str] = &["author", "authors", "byline", "creator"];
const LANGUAGE_KEYS: &[&str] = &["language", "lang"];
const ID_KEYS: &[&str] = &["id", "_id", "article_id", "uuid"];

/// Collapses whitespace; `None` when empty.
fn clean(s: &str) -> Option<String> {
    let out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!out.is_empty()).then_some(out)
}

/// A name from a string or an object's `name`/`title`.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Object(o) => o
            .get("name")
            .or_else(|| o.get("title"))
            .and_then(Value::as_str)
            .and_then(clean),
        _ => None,
    }
}

/// Names from a string, an object, or a list of those, joined with ", ".
fn names_of(v: &Value) -> Option<String> {
    match v {
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        other => name_of(other),
    }
}

/// A date from a string or Unix seconds.
fn date_of(v: &Value) -> Option<crate::article::Date> {
    match v {
        Value::String(s) => dates::parse_value(s),
        Value::Number(n) => {
            let secs = n.as_i64()?;
            // Milliseconds are common too: anything past year 5000 in seconds is ms.
            let secs = if secs > 95_617_584_000 {
                secs / 1000
            } else {
                secs
            };
            let ts = jiff::Timestamp::from_second(secs).ok()?;
            Some(ts.to_zoned(jiff::tz::TimeZone::UTC).date())
        }
        _ => None,
    }
}

/// The first key of `keys` present in `obj` whose value `f` accepts.
fn first<T>(
    obj: &Map<String, Value>,
    keys: &[&'static str],
    f: impl Fn(&Value) -> Option<T>,
) -> Option<(T, &'static str)> {
    keys.iter()
        .find_map(|k| obj.get(*k).and_then(&f).map(|v| (v, *k)))
}

/// The article text: a string, or a list of strings (paragraphs).
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => (!s.trim().is_empty()).then(|| s.clone()),
        Value::Array(items) => {
            let parts: Vec<&str> = items
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        _ => None,
    }
}

/// Builds the article of one JSON value; `default_id` when it has no id.
fn article_of(default_id: String, shown: &str, value: &Value) -> Result<Article, String> {
    let obj = value.as_object().ok_or_else(|| {
        let got = match value {
            Value::Array(_) => "an array",
            Value::String(_) => "a string",
            Value::Number(_) => "a number",
            Value::Bool(_) => "a boolean",
            Value::Null => "null",
            Value::Object(_) => "an object",
        };
        format!("expected a JSON object, got {got}")
    })?;
    let (text, _) = first(obj, TEXT_KEYS, text_of).ok_or_else(|| {
        format!(
            "JSON object has no article text (expected a non-empty one of: {})",
            TEXT_KEYS.join(", ")
        )
    })?;
    let id = first(obj, ID_KEYS, |v| match v {
        Value::String(s) => clean(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
    .map_or(default_id, |(id, _)| id);
    let mut article = Article::new(id, shown, text);
    let m = &mut article.meta;
    m.title = first(obj, TITLE_KEYS, name_of).map(|(v, k)| Field::given(v, k));
    m.outlet = first(obj, OUTLET_KEYS, name_of).map(|(v, k)| Field::given(v, k));
    m.url = first(obj, URL_KEYS, name_of).map(|(v, k)| Field::given(v, k));
    m.date = first(obj, DATE_KEYS, date_of).map(|(v, k)| Field::given(v, k));
    m.author = first(obj, AUTHOR_KEYS, names_of).map(|(v, k)| Field::given(v, k));
    m.language = first(obj, LANGUAGE_KEYS, name_of).map(|(v, k)| Field::given(v, k));
    Ok(article)
}

/// Parses a `.json` file: one object, or an array of objects.
///
/// # Errors
/// Malformed JSON (with its line), or records that are not article objects
/// (one error each, naming the item number); the good records are still
/// returned in `Ok` when there are any, with the bad ones in the second value.
pub fn parse_json(stem: &str, path: &Path, text: &str) -> (Vec<Article>, Vec<Error>) {
    let shown = path.display().to_string();
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return (
                Vec::new(),
                vec![Error::bad_line(
                    path,
                    e.line(),
                    format!("malformed JSON: {e}"),
                )],
            );
        }
    };
    match &value {
        Value::Array(items) => {
            let mut out = Vec::new();
            let mut errs = Vec::new();
            for (i, item) in items.iter().enumerate() {
                match article_of(format!("{stem}-{}", i + 1), &shown, item) {
                    Ok(a) => out.push(a),
                    Err(p) => errs.push(Error::bad_input(path, format!("item {}: {p}", i + 1))),
                }
            }
            if items.is_empty() {
                errs.push(Error::bad_input(path, "JSON array holds no articles"));
            }
            (out, errs)
        }
        _ => match article_of(stem.to_string(), &shown, &value) {
            Ok(a) => (vec![a], Vec::new()),
            Err(p) => (Vec::new(), vec![Error::bad_input(path, p)]),
        },
    }
}

/// Parses a JSON Lines file: one object per non-blank line.
///
/// Returns the articles read and one error per bad line (with its number).
pub fn parse_lines(stem: &str, path: &Path, text: &str) -> (Vec<Article>, Vec<Error>) {
    let shown = path.display().to_string();
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let n = i + 1;
        match serde_json::from_str::<Value>(line) {
            Ok(v) => match article_of(format!("{stem}-{n}"), &shown, &v) {
                Ok(a) => out.push(a),
                Err(p) => errs.push(Error::bad_line(path, n, p)),
            },
            Err(e) => errs.push(Error::bad_line(path, n, format!("malformed JSON: {e}"))),
        }
    }
    (out, errs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_common_field_names() {
        let line =
            r#"{"id": 42, "headline": "H", "body": "Text here.", "publisher": {"name": "The Site"},
            "link": "https://s.test/a", "pubDate": "Wed, 17 Sep 2025 10:00:00 +0000",
            "byline": ["Ann A", {"name": "Bob B"}], "lang": "en"}"#
                .replace('\n', " ");
        let (arts, errs) = parse_lines("f", Path::new("f.jsonl"), &line);
        assert!(errs.is_empty(), "{errs:?}");
        let a = &arts[0];
        assert_eq!(a.id, "42");
        assert_eq!(a.text.as_str(), "Text here.");
        let m = &a.meta;
        assert_eq!(m.title.as_ref().unwrap().via, "headline");
        assert_eq!(m.outlet.as_ref().unwrap().value, "The Site");
        assert_eq!(m.url.as_ref().unwrap().value, "https://s.test/a");
        assert_eq!(m.date.as_ref().unwrap().value.to_string(), "2025-09-17");
        assert_eq!(m.date.as_ref().unwrap().via, "pubDate");
        assert_eq!(m.author.as_ref().unwrap().value, "Ann A, Bob B");
        assert_eq!(m.language.as_ref().unwrap().value, "en");
    }

    #[test]
    fn bad_lines_are_reported_with_numbers() {
        let text = "{\"text\": \"ok\"}\n\n{\"text\": \n{\"title\": \"no text\"}\n[1]\n";
        let (arts, errs) = parse_lines("f", Path::new("f.jsonl"), text);
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].id, "f-1");
        let msgs: Vec<String> = errs.iter().map(ToString::to_string).collect();
        assert!(msgs[0].starts_with("f.jsonl:3: malformed JSON"), "{msgs:?}");
        assert!(
            msgs[1].starts_with("f.jsonl:4: JSON object has no article text"),
            "{msgs:?}"
        );
        assert!(
            msgs[2].starts_with("f.jsonl:5: expected a JSON object, got an array"),
            "{msgs:?}"
        );
    }

    #[test]
    fn arrays_and_single_objects() {
        let (arts, errs) = parse_json(
            "f",
            Path::new("f.json"),
            r#"[{"content": "A", "date": 1758103200}, {"nope": 1}, {"text": ["P1", "P2"], "published_at": "2026-01-22T23:59:00-08:00"}]"#,
        );
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].id, "f-1");
        assert_eq!(
            arts[0].meta.date.as_ref().unwrap().value.to_string(),
            "2025-09-17"
        );
        assert_eq!(arts[1].text.as_str(), "P1\n\nP2");
        assert_eq!(
            arts[1].meta.date.as_ref().unwrap().value.to_string(),
            "2026-01-22"
        );
        assert!(
            errs[0]
                .to_string()
                .contains("item 2: JSON object has no article text")
        );
        let (arts, _) = parse_json("solo", Path::new("solo.json"), r#"{"text": "A"}"#);
        assert_eq!(arts[0].id, "solo");
        let (_, errs) = parse_json("bad", Path::new("bad.json"), "{\n\"text\": ");
        assert!(
            errs[0]
                .to_string()
                .starts_with("bad.json:2: malformed JSON"),
            "{}",
            errs[0]
        );
    }
}
