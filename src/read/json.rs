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

/// Like [`first`], and notes in `warnings` every present key whose value
/// `f` rejects (a date that is no date, a number where a name belongs), so
/// no given field is dropped in silence. `null`, empty strings, lists and
/// objects are "not given", not wrong.
fn first_noted<T>(
    obj: &Map<String, Value>,
    keys: &[&'static str],
    what: &str,
    f: impl Fn(&Value) -> Option<T>,
    warnings: &mut Vec<String>,
) -> Option<(T, &'static str)> {
    let found = first(obj, keys, &f);
    for k in keys {
        let Some(v) = obj.get(*k) else { continue };
        if found.as_ref().is_some_and(|(_, used)| used == k) {
            break;
        }
        let blank = match v {
            Value::Null => true,
            Value::String(s) => s.trim().is_empty(),
            Value::Array(a) => a.is_empty(),
            Value::Object(o) => o.is_empty(),
            _ => false,
        };
        if !blank && f(v).is_none() {
            warnings.push(format!(
                "field \"{k}\" ({}) is not a usable {what}; ignored",
                preview(v)
            ));
        }
    }
    found
}

/// A short, printable rendering of a JSON value for a warning.
fn preview(v: &Value) -> String {
    let shown = v.to_string();
    let mut out: String = shown.chars().take(40).collect();
    if out.len() < shown.len() {
        out.push('…');
    }
    out
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
/// Fields present with a value of the wrong type or form are noted in `warnings`.
fn article_of(
    default_id: String,
    shown: &str,
    value: &Value,
    warnings: &mut Vec<String>,
) -> Result<Article, String> {
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
    let w = warnings;
    let id = first_noted(
        obj,
        ID_KEYS,
        "id",
        |v| match v {
            Value::String(s) => clean(s),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        },
        w,
    )
    .map_or(default_id, |(id, _)| id);
    let mut article = Article::new(id, shown, text);
    let m = &mut article.meta;
    let given = |(v, k): (_, &str)| Field::given(v, k);
    m.title = first_noted(obj, TITLE_KEYS, "title", name_of, w).map(given);
    m.outlet = first_noted(obj, OUTLET_KEYS, "outlet name", name_of, w).map(given);
    m.url = first_noted(obj, URL_KEYS, "URL", name_of, w).map(given);
    m.date = first_noted(obj, DATE_KEYS, "date", date_of, w).map(|(v, k)| Field::given(v, k));
    m.author = first_noted(obj, AUTHOR_KEYS, "author", names_of, w).map(given);
    m.language = first_noted(obj, LANGUAGE_KEYS, "language", name_of, w).map(given);
    Ok(article)
}

/// What a JSON reader made of one file: articles, errors (one per bad
/// record) and warnings (fields it could not use, per record).
#[derive(Debug, Default)]
pub struct Parsed {
    /// The articles read.
    pub articles: Vec<Article>,
    /// One error per bad record.
    pub errors: Vec<Error>,
    /// `f.jsonl:3: field "date" ("2025-02-30") is not a usable date; ignored`, and the like.
    pub warnings: Vec<String>,
}

impl Parsed {
    /// Adds one record: its article or error, and its warnings prefixed with `at`.
    fn add(&mut self, at: &str, result: Result<Article, Error>, warnings: Vec<String>) {
        self.warnings
            .extend(warnings.into_iter().map(|w| format!("{at}: {w}")));
        match result {
            Ok(a) => self.articles.push(a),
            Err(e) => self.errors.push(e),
        }
    }
}

/// Parses a `.json` file: one object, or an array of objects.
///
/// Malformed JSON (with its line) is one error; a record that is not an
/// article object is one error naming its item number, and the good records
/// are still returned.
pub fn parse_json(stem: &str, path: &Path, text: &str) -> (Vec<Article>, Vec<Error>) {
    let parsed = parse_json_noted(stem, path, text);
    (parsed.articles, parsed.errors)
}

/// Like [`parse_json`], with the warnings about fields it could not use.
pub fn parse_json_noted(stem: &str, path: &Path, text: &str) -> Parsed {
    let shown = path.display().to_string();
    let mut out = Parsed::default();
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            out.errors.push(Error::bad_line(
                path,
                e.line(),
                format!("malformed JSON: {e}"),
            ));
            return out;
        }
    };
    if let Value::Array(items) = &value {
        for (i, item) in items.iter().enumerate() {
            let mut warnings = Vec::new();
            let result = article_of(format!("{stem}-{}", i + 1), &shown, item, &mut warnings)
                .map_err(|p| Error::bad_input(path, format!("item {}: {p}", i + 1)));
            out.add(&format!("{shown}: item {}", i + 1), result, warnings);
        }
        if items.is_empty() {
            out.errors
                .push(Error::bad_input(path, "JSON array holds no articles"));
        }
    } else {
        let mut warnings = Vec::new();
        let result = article_of(stem.to_string(), &shown, &value, &mut warnings)
            .map_err(|p| Error::bad_input(path, p));
        out.add(&shown, result, warnings);
    }
    out
}

/// Parses a JSON Lines text: one object per non-blank line.
///
/// Returns the articles read and one error per bad line (with its number).
pub fn parse_lines(stem: &str, path: &Path, text: &str) -> (Vec<Article>, Vec<Error>) {
    let parsed = read_lines(stem, path, text.as_bytes(), u64::MAX);
    (parsed.articles, parsed.errors)
}

/// Reads JSON Lines from `input` one record at a time, so a file of any
/// size can be read: `max_record` bounds each line (a longer one is an
/// error naming its line, skipped without being kept in memory), not the file.
pub fn read_lines(
    stem: &str,
    path: &Path,
    input: impl std::io::BufRead,
    max_record: u64,
) -> Parsed {
    let shown = path.display().to_string();
    let mut out = Parsed::default();
    let mut lines = BoundedLines {
        input,
        max: max_record,
    };
    let mut n = 0;
    let mut line = Vec::new();
    loop {
        n += 1;
        let read = match lines.next_into(&mut line) {
            Ok(Some(r)) => r,
            Ok(None) => break,
            Err(e) => {
                out.errors.push(Error::io(path, e));
                break;
            }
        };
        if let LineRead::TooLong(size) = read {
            out.errors.push(Error::TooLarge {
                at: crate::error::Location {
                    path: path.to_path_buf(),
                    line: Some(n),
                },
                size,
                limit: max_record,
            });
            continue;
        }
        let Ok(text) = std::str::from_utf8(&line) else {
            out.errors.push(Error::bad_line(path, n, "not valid UTF-8"));
            continue;
        };
        // A BOM may start the first line.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            continue;
        }
        let mut warnings = Vec::new();
        let result = match serde_json::from_str::<Value>(text) {
            Ok(v) => article_of(format!("{stem}-{n}"), &shown, &v, &mut warnings)
                .map_err(|p| Error::bad_line(path, n, p)),
            Err(e) => Err(Error::bad_line(path, n, format!("malformed JSON: {e}"))),
        };
        out.add(&format!("{shown}:{n}"), result, warnings);
    }
    if out.articles.is_empty() && out.errors.is_empty() {
        out.errors
            .push(Error::bad_input(path, "empty file (no JSON Lines records)"));
    }
    out
}

/// How one line was read.
enum LineRead {
    /// The line is in the buffer (without its line break).
    Whole,
    /// The line was longer than the limit: its size, and it was skipped.
    TooLong(u64),
}

/// Lines of a reader, each at most `max` bytes kept.
struct BoundedLines<R> {
    input: R,
    max: u64,
}

impl<R: std::io::BufRead> BoundedLines<R> {
    /// Reads the next line into `line`; `None` at the end of the input.
    fn next_into(&mut self, line: &mut Vec<u8>) -> std::io::Result<Option<LineRead>> {
        line.clear();
        let mut size: u64 = 0;
        let mut any = false;
        loop {
            let buf = match self.input.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                break;
            }
            any = true;
            let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
                Some(k) => (&buf[..k], k + 1),
                None => (buf, buf.len()),
            };
            let ends = done > chunk.len();
            size = size.saturating_add(chunk.len() as u64);
            if size <= self.max {
                line.extend_from_slice(chunk);
            } else {
                line.clear();
            }
            self.input.consume(done);
            if ends {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Ok(Some(if size > self.max {
            LineRead::TooLong(size)
        } else {
            LineRead::Whole
        }))
    }
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
    fn wrong_typed_fields_are_warned_about_not_dropped_in_silence() {
        let text = "{\"text\": \"A.\", \"date\": \"2025-02-30\", \"outlet\": 5, \"title\": null}\n";
        let parsed = read_lines("f", Path::new("f.jsonl"), text.as_bytes(), 1000);
        assert_eq!(parsed.articles.len(), 1);
        let w = &parsed.warnings;
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w[0].starts_with("f.jsonl:1: field \"outlet\" (5)"), "{w:?}");
        assert!(
            w[1].starts_with("f.jsonl:1: field \"date\" (\"2025-02-30\")"),
            "{w:?}"
        );
        // A later key that works still wins, and the unusable one is named.
        let parsed = parse_json_noted(
            "g",
            Path::new("g.json"),
            r#"[{"text": "B.", "date": true, "published": "2025-02-03"}]"#,
        );
        let date = parsed.articles[0].meta.date.as_ref().expect("date");
        assert_eq!(date.via, "published");
        assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
        assert!(parsed.warnings[0].starts_with("g.json: item 1: field \"date\""));
    }

    #[test]
    fn the_record_limit_applies_per_line_not_per_file() {
        let good = "{\"text\": \"short\"}";
        let long = format!("{{\"text\": \"{}\"}}", "x".repeat(500));
        let text = format!("{good}\r\n{long}\n{good}\n{good}");
        // The file is far over the limit; each good record is under it.
        let parsed = read_lines("f", Path::new("f.jsonl"), text.as_bytes(), 100);
        assert_eq!(parsed.articles.len(), 3);
        assert_eq!(parsed.errors.len(), 1);
        let msg = parsed.errors[0].to_string();
        assert!(msg.starts_with("f.jsonl:2: "), "{msg}");
        let ids: Vec<&str> = parsed.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["f-1", "f-3", "f-4"]);
        // Tiny read buffers: lines split across reads are joined.
        let reader = std::io::BufReader::with_capacity(3, text.as_bytes());
        let parsed = read_lines("f", Path::new("f.jsonl"), reader, 100);
        assert_eq!(parsed.articles.len(), 3);
        assert!(
            read_lines("e", Path::new("e.jsonl"), &b"\n\n"[..], 10)
                .errors
                .len()
                == 1
        );
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
