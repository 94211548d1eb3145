//! Choosing a reader for inputs whose name says nothing: stdin (`-`) and
//! files without a known extension.
//!
//! `--input-format` decides when given. Otherwise the content does: a page
//! that opens like HTML (a doctype, `<html>`, `<head>`, `<body>`, or a
//! paragraph or `<div>` tag first) is HTML; text that is one whole JSON value
//! is JSON; text whose first line is a JSON object is JSON Lines; anything
//! else is plain text, as before. A sniffed format other than plain text is
//! named in a warning, so a surprise is visible and `--input-format` can
//! override it.

use std::path::Path;

use super::Format;

/// Tags that, opening a file, mean an HTML page.
const HTML_OPENINGS: &[&str] = &[
    "<!doctype html",
    "<html",
    "<head",
    "<body",
    "<meta",
    "<title",
    "<article",
    "<div",
    "<p>",
    "<p ",
    "<!--",
];

impl Format {
    /// The format a path's extension names: `None` for stdin and for
    /// unknown or missing extensions.
    pub fn by_extension(path: &Path) -> Option<Format> {
        if path.as_os_str() == "-" {
            return None;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref()? {
            "txt" | "md" | "text" => Some(Format::Plain),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }

    /// The format of decoded text by its content, and a warning naming it
    /// when it is not plain text.
    pub fn sniff(text: &str) -> (Format, Option<String>) {
        let start = text.trim_start();
        let head: String = start
            .chars()
            .take(64)
            .collect::<String>()
            .to_ascii_lowercase();
        let format = if HTML_OPENINGS.iter().any(|o| head.starts_with(o)) {
            Format::Html
        } else if start.starts_with(['{', '[']) {
            if serde_json::from_str::<serde::de::IgnoredAny>(start).is_ok() {
                Format::Json
            } else if start.starts_with('{')
                && start.lines().next().is_some_and(|line| {
                    serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(line).is_ok()
                })
            {
                Format::JsonLines
            } else {
                Format::Plain
            }
        } else {
            Format::Plain
        };
        let name = match format {
            Format::Plain => return (format, None),
            Format::Html => "HTML",
            Format::Json => "JSON",
            Format::JsonLines => "JSON Lines",
        };
        (
            format,
            Some(format!(
                "read as {name} from its content (no extension names a format); pass --input-format txt|html|json|jsonl to choose"
            )),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_name_formats_and_stdin_names_none() {
        assert_eq!(Format::by_extension(Path::new("a.HTM")), Some(Format::Html));
        assert_eq!(Format::by_extension(Path::new("a.md")), Some(Format::Plain));
        assert_eq!(
            Format::by_extension(Path::new("feed.ndjson")),
            Some(Format::JsonLines)
        );
        assert_eq!(Format::by_extension(Path::new("-")), None);
        assert_eq!(Format::by_extension(Path::new("README")), None);
        assert_eq!(Format::by_extension(Path::new("page.php")), None);
    }

    #[test]
    fn content_tells_the_format() {
        assert_eq!(Format::sniff("  <!DOCTYPE html><html>").0, Format::Html);
        assert_eq!(Format::sniff("[{\"text\": \"a\"}]").0, Format::Json);
        let (f, warning) = Format::sniff("{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
        assert_eq!(f, Format::JsonLines);
        assert!(warning.unwrap().contains("JSON Lines"));
        let (f, warning) = Format::sniff("[Reuters] The minister said on Monday ...");
        assert_eq!(f, Format::Plain);
        assert!(warning.is_none());
        assert_eq!(Format::sniff("<3 the story, he said.").0, Format::Plain);
    }
}
