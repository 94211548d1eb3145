//! The `--meta` sidecar manifest: metadata the user knows better than the files.
//!
//! CSV with a header row (`id` plus any of `title`, `outlet`, `author`,
//! `affiliation`, `date`, `url`, `language`), or JSON: an object keyed by
//! article id (`{"000_x": {"outlet": "IANS"}}`) or an array of objects with an
//! `id`. The format is chosen by extension (`.csv`, `.tsv` tab-separated,
//! `.json`), else by the first character. A non-empty value sets the field as
//! [`Field::manifest`], overriding what the file said and keeping inference
//! from guessing; an empty cell leaves the field alone.
//!
//! A malformed manifest (unknown column, missing `id`, bad date, duplicate id,
//! broken CSV/JSON) is an error naming the file and line: the user asked for
//! it, so the run stops. Ids that match no article are only a warning (the
//! manifest may describe a larger corpus than this run reads).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::article::{Article, Date, Field};
use crate::error::{Error, Result};
use crate::read::dates;

/// The fields a manifest may set.
pub const COLUMNS: &[&str] = &[
    "title",
    "outlet",
    "author",
    "affiliation",
    "date",
    "url",
    "language",
];

/// One article's overrides.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Author's organisation.
    pub affiliation: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Language code.
    pub language: Option<String>,
}

impl Entry {
    /// Sets `column` from `value`; empty values are ignored.
    fn set(&mut self, column: &str, value: &str) -> std::result::Result<(), String> {
        let value = value.trim();
        if value.is_empty() {
            return Ok(());
        }
        let text = Some(value.to_string());
        match column {
            "title" => self.title = text,
            "outlet" => self.outlet = text,
            "author" => self.author = text,
            "affiliation" => self.affiliation = text,
            "url" => self.url = text,
            "language" => self.language = text,
            "date" => {
                self.date = Some(
                    dates::parse_value(value)
                        .ok_or_else(|| format!("date {value:?} is not a date (use YYYY-MM-DD)"))?,
                );
            }
            other => {
                return Err(format!(
                    "unknown field {other:?} (expected id, {})",
                    COLUMNS.join(", ")
                ));
            }
        }
        Ok(())
    }
}

/// Field overrides keyed by article id.
#[derive(Debug, Default)]
pub struct Manifest {
    /// Where it was read from.
    pub path: PathBuf,
    /// Overrides by article id.
    pub entries: BTreeMap<String, Entry>,
}

impl Manifest {
    /// Loads a manifest (CSV or JSON).
    ///
    /// # Errors
    /// When the file cannot be read, or is malformed: no `id` column, an
    /// unknown column or key, a bad date, a duplicate id, broken CSV or JSON.
    pub fn load(path: &Path) -> Result<Self> {
        let text = crate::read::load_text(path, crate::read::DEFAULT_MAX_BYTES)?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let json = match ext.as_deref() {
            Some("json") => true,
            Some("csv" | "tsv") => false,
            _ => text.trim_start().starts_with(['{', '[']),
        };
        let entries = if json {
            parse_json(path, &text)?
        } else {
            let delimiter = if ext.as_deref() == Some("tsv") {
                b'\t'
            } else {
                b','
            };
            parse_csv(path, &text, delimiter)?
        };
        Ok(Manifest {
            path: path.to_path_buf(),
            entries,
        })
    }

    /// Applies the manifest's fields to `article`; true when it has an entry.
    pub fn apply(&self, article: &mut Article) -> bool {
        let Some(e) = self.entries.get(&article.id) else {
            return false;
        };
        let m = &mut article.meta;
        let set = |slot: &mut Option<Field<String>>, v: &Option<String>| {
            if let Some(v) = v {
                *slot = Some(Field::manifest(v.clone()));
            }
        };
        set(&mut m.title, &e.title);
        set(&mut m.outlet, &e.outlet);
        set(&mut m.author, &e.author);
        set(&mut m.affiliation, &e.affiliation);
        set(&mut m.url, &e.url);
        set(&mut m.language, &e.language);
        if let Some(d) = e.date {
            m.date = Some(Field::manifest(d));
        }
        true
    }
}

fn parse_csv(path: &Path, text: &str, delimiter: u8) -> Result<BTreeMap<String, Entry>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| Error::bad_line(path, 1, format!("malformed manifest header: {e}")))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect();
    let id_col = headers.iter().position(|h| h == "id").ok_or_else(|| {
        Error::bad_line(
            path,
            1,
            format!(
                "manifest header has no \"id\" column (got: {})",
                headers.join(", ")
            ),
        )
    })?;
    for h in &headers {
        if h != "id" && !COLUMNS.contains(&h.as_str()) {
            return Err(Error::bad_line(
                path,
                1,
                format!(
                    "unknown manifest column {h:?} (expected id, {})",
                    COLUMNS.join(", ")
                ),
            ));
        }
    }
    let mut entries = BTreeMap::new();
    let mut first_line: BTreeMap<String, u64> = BTreeMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e
                .position()
                .and_then(|p| usize::try_from(p.line()).ok())
                .unwrap_or(0);
            Error::bad_line(path, line, format!("malformed manifest row: {e}"))
        })?;
        let line = record.position().map_or(0, csv::Position::line);
        let at = usize::try_from(line).unwrap_or(0);
        let id = record.get(id_col).unwrap_or("").trim().to_string();
        if id.is_empty() {
            return Err(Error::bad_line(path, at, "manifest row has an empty id"));
        }
        if let Some(prev) = first_line.insert(id.clone(), line) {
            return Err(Error::bad_line(
                path,
                at,
                format!("id {id:?} already given on line {prev}"),
            ));
        }
        let mut entry = Entry::default();
        for (col, value) in headers.iter().zip(record.iter()) {
            if col != "id" {
                entry
                    .set(col, value)
                    .map_err(|p| Error::bad_line(path, at, p))?;
            }
        }
        entries.insert(id, entry);
    }
    Ok(entries)
}

fn id_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn entry_of(path: &Path, id: &str, obj: &serde_json::Map<String, Value>) -> Result<Entry> {
    let mut entry = Entry::default();
    for (key, value) in obj {
        if key == "id" {
            continue;
        }
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Null => continue,
            _ => {
                return Err(Error::bad_input(
                    path,
                    format!("manifest entry {id:?}: field {key:?} must be a string"),
                ));
            }
        };
        entry
            .set(&key.to_ascii_lowercase(), &text)
            .map_err(|p| Error::bad_input(path, format!("manifest entry {id:?}: {p}")))?;
    }
    Ok(entry)
}

fn parse_json(path: &Path, text: &str) -> Result<BTreeMap<String, Entry>> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| Error::bad_line(path, e.line(), format!("malformed manifest JSON: {e}")))?;
    let mut entries = BTreeMap::new();
    match value {
        Value::Object(map) => {
            for (id, v) in &map {
                let obj = v.as_object().ok_or_else(|| {
                    Error::bad_input(path, format!("manifest entry {id:?} must be an object"))
                })?;
                entries.insert(id.clone(), entry_of(path, id, obj)?);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let obj = v.as_object().ok_or_else(|| {
                    Error::bad_input(path, format!("manifest item {} must be an object", i + 1))
                })?;
                let id = obj.get("id").and_then(id_string).ok_or_else(|| {
                    Error::bad_input(path, format!("manifest item {} has no \"id\"", i + 1))
                })?;
                let entry = entry_of(path, &id, obj)?;
                if entries.insert(id.clone(), entry).is_some() {
                    return Err(Error::bad_input(
                        path,
                        format!("manifest item {}: id {id:?} given twice", i + 1),
                    ));
                }
            }
        }
        _ => {
            return Err(Error::bad_input(
                path,
                "manifest JSON must be an object keyed by id or an array of objects with \"id\"",
            ));
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str) -> Result<BTreeMap<String, Entry>> {
        parse_csv(Path::new("m.csv"), text, b',')
    }

    #[test]
    fn csv_manifest() {
        let m = csv("id,outlet,date,title\na,IANS,2026-01-22,\"Quoted, title\"\nb,,,\n").unwrap();
        assert_eq!(m["a"].outlet.as_deref(), Some("IANS"));
        assert_eq!(m["a"].date.unwrap().to_string(), "2026-01-22");
        assert_eq!(m["a"].title.as_deref(), Some("Quoted, title"));
        assert_eq!(m["b"], Entry::default());
    }

    #[test]
    fn csv_errors_name_the_line() {
        let e = csv("id,outlet,colour\na,b,c\n").unwrap_err().to_string();
        assert!(
            e.contains("m.csv:1: unknown manifest column \"colour\""),
            "{e}"
        );
        let e = csv("outlet\nIANS\n").unwrap_err().to_string();
        assert!(e.contains("no \"id\" column"), "{e}");
        let e = csv("id,date\na,yesterday\n").unwrap_err().to_string();
        assert!(
            e.starts_with("m.csv:2: date \"yesterday\" is not a date"),
            "{e}"
        );
        let e = csv("id,outlet\na,x\na,y\n").unwrap_err().to_string();
        assert!(
            e.contains("m.csv:3: id \"a\" already given on line 2"),
            "{e}"
        );
        let e = csv("id,outlet\na,x,extra\n").unwrap_err().to_string();
        assert!(e.contains("malformed manifest row"), "{e}");
    }

    #[test]
    fn json_manifests() {
        let p = Path::new("m.json");
        let m = parse_json(
            p,
            r#"{"a": {"outlet": "PTI", "date": "17 September 2025"}}"#,
        )
        .unwrap();
        assert_eq!(m["a"].date.unwrap().to_string(), "2025-09-17");
        let m = parse_json(p, r#"[{"id": 7, "author": "X Y"}]"#).unwrap();
        assert_eq!(m["7"].author.as_deref(), Some("X Y"));
        assert!(parse_json(p, r#"[{"author": "X"}]"#).is_err());
        assert!(parse_json(p, r#"{"a": {"colour": "red"}}"#).is_err());
        assert!(
            parse_json(p, r#"{"a": "#)
                .unwrap_err()
                .to_string()
                .contains("malformed manifest JSON")
        );
    }

    #[test]
    fn apply_overrides_given_fields() {
        let mut entries = BTreeMap::new();
        entries.insert(
            "a".to_string(),
            Entry {
                outlet: Some("IANS".into()),
                ..Entry::default()
            },
        );
        let m = Manifest {
            path: "m.csv".into(),
            entries,
        };
        let mut a = Article::new("a", "a.html", "x".into());
        a.meta.outlet = Some(Field::given("Site".to_string(), "og:site_name"));
        assert!(m.apply(&mut a));
        let f = a.meta.outlet.unwrap();
        assert_eq!(
            (f.value.as_str(), f.origin),
            ("IANS", crate::article::Origin::Manifest)
        );
        let mut b = Article::new("b", "b.txt", "x".into());
        assert!(!m.apply(&mut b));
    }
}
