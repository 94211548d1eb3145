//! JSON and JSON Lines: one article per object.
//!
//! (First cut: `text`/`body`/`content` and `id`; full field recognition is
//! being built.)

use std::path::Path;

use serde_json::Value;

use crate::article::Article;
use crate::error::Error;

fn article_of(
    stem: &str,
    path: &Path,
    n: usize,
    value: &Value,
    line: Option<usize>,
) -> Result<Article, Error> {
    let shown = path.display().to_string();
    let bad = |p: &str| match line {
        Some(l) => Error::bad_line(path, l, p),
        None => Error::bad_input(path, p),
    };
    let obj = value.as_object().ok_or_else(|| bad("not a JSON object"))?;
    let text = ["text", "body", "content"]
        .iter()
        .find_map(|k| obj.get(*k).and_then(Value::as_str))
        .ok_or_else(|| bad("JSON object has no text (text/body/content)"))?;
    let id = obj
        .get("id")
        .and_then(|v| {
            v.as_str()
                .map(str::to_string)
                .or_else(|| v.as_i64().map(|i| i.to_string()))
        })
        .unwrap_or_else(|| format!("{stem}-{n}"));
    Ok(Article::new(id, shown, text.to_string()))
}

/// Parses a `.json` file: one object or an array of objects.
///
/// # Errors
/// Malformed JSON, or an object without text.
pub fn parse_json(stem: &str, path: &Path, text: &str) -> Result<Vec<Article>, Vec<Error>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![Error::bad_line(
            path,
            e.line(),
            format!("malformed JSON: {e}"),
        )]
    })?;
    match &value {
        Value::Array(items) => {
            let mut out = Vec::new();
            let mut errs = Vec::new();
            for (i, item) in items.iter().enumerate() {
                match article_of(stem, path, i + 1, item, None) {
                    Ok(a) => out.push(a),
                    Err(e) => errs.push(e),
                }
            }
            if out.is_empty() && !errs.is_empty() {
                Err(errs)
            } else {
                Ok(out)
            }
        }
        _ => article_of(stem, path, 1, &value, None)
            .map(|a| vec![a])
            .map_err(|e| vec![e]),
    }
}

/// Parses a JSON Lines file: one object per non-blank line.
///
/// # Errors
/// Every malformed line is reported with its line number.
pub fn parse_lines(stem: &str, path: &Path, text: &str) -> Result<Vec<Article>, Vec<Error>> {
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => match article_of(stem, path, i + 1, &v, Some(i + 1)) {
                Ok(a) => out.push(a),
                Err(e) => errs.push(e),
            },
            Err(e) => errs.push(Error::bad_line(path, i + 1, format!("malformed JSON: {e}"))),
        }
    }
    if out.is_empty() { Err(errs) } else { Ok(out) }
}
