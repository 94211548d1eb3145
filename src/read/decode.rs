//! Bytes to text, as a browser decodes a page.
//!
//! In order: a byte-order mark wins (UTF-8, UTF-16LE, UTF-16BE); then bytes
//! that are valid UTF-8 are UTF-8 — even under a page that declares another
//! charset, because a page saved by a browser is re-encoded as UTF-8 but
//! keeps its old `<meta charset>`, and text in a legacy encoding is almost
//! never valid UTF-8 by accident; then, for HTML, the charset the page
//! declares in its first 1024 bytes (`<meta charset>`, `<meta http-equiv
//! content="…; charset=…">`, an XML declaration), by its WHATWG label
//! (`windows-1252`, `latin1`, `iso-8859-1`, `shift_jis`, `gbk` …) with the
//! `encoding_rs` crate; last, bytes that are not UTF-8 and declare nothing
//! get the encoding `chardetng` (Firefox's detector) guesses, with a warning
//! saying so. Empty input and binary input (NUL bytes outside UTF-16) are
//! refused.

use std::path::Path;

use encoding_rs::{Encoding, UTF_8};

use crate::error::{Error, Result};

/// How far into an HTML file a charset declaration is looked for (the
/// WHATWG pre-scan's limit).
const DECLARATION_WINDOW: usize = 1024;

/// Decoded text and, when the encoding had to be guessed, a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// Set when the encoding was detected rather than known.
    pub warning: Option<String>,
}

/// Decodes a file's bytes. `html` enables the look for a declared charset.
///
/// # Errors
/// Empty (or only whitespace) or binary (NUL bytes without a UTF-16 BOM).
pub fn decode(path: &Path, bytes: &[u8], html: bool) -> Result<Decoded> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return finish(path, text.into_owned(), None);
    }
    if bytes.contains(&0) {
        return Err(Error::bad_input(path, "binary file (contains NUL bytes)"));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(path, text.to_string(), None);
    }
    let declared = if html { declared_charset(bytes) } else { None };
    if let Some(encoding) = declared.filter(|e| *e != UTF_8) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return finish(path, text.into_owned(), None);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guessed = detector.guess(None, true);
    let (text, _) = guessed.decode_without_bom_handling(bytes);
    let first_bad = std::str::from_utf8(bytes)
        .err()
        .map_or(0, |e| e.valid_up_to());
    let declared_note = if declared.is_some() {
        "declares UTF-8 but is "
    } else {
        "is "
    };
    let warning = format!(
        "{declared_note}not valid UTF-8 (first bad byte at {first_bad}) and names no other encoding: decoded as {} (detected); convert it to UTF-8 or declare its charset if that is wrong",
        guessed.name()
    );
    finish(path, text.into_owned(), Some(warning))
}

fn finish(path: &Path, text: String, warning: Option<String>) -> Result<Decoded> {
    if text.trim().is_empty() {
        return Err(Error::bad_input(path, "empty file"));
    }
    Ok(Decoded { text, warning })
}

/// The encoding an HTML page declares in its first 1024 bytes, if any.
/// UTF-16 declarations mean UTF-8 here, as in browsers (a page that really
/// is UTF-16 starts with a BOM).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"charset").map(|p| from + p) {
        from = at + 7;
        let rest = &lower[from..];
        let mut i = 0;
        while i < rest.len() && rest[i].is_ascii_whitespace() {
            i += 1;
        }
        if rest.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < rest.len() && matches!(rest[i], b' ' | b'\t' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < rest.len() && (rest[i].is_ascii_alphanumeric() || b"-_.:".contains(&rest[i])) {
            i += 1;
        }
        if let Some(encoding) = Encoding::for_label(&rest[start..i]) {
            return Some(encoding.output_encoding());
        }
    }
    let xml = find(&lower, b"<?xml")?;
    let decl_end = find(&lower[xml..], b"?>").map_or(lower.len(), |e| xml + e);
    let decl = &lower[xml..decl_end];
    let at = find(decl, b"encoding")? + 8;
    let value: Vec<u8> = decl[at..]
        .iter()
        .copied()
        .skip_while(|b| matches!(b, b' ' | b'=' | b'"' | b'\''))
        .take_while(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(b))
        .collect();
    Encoding::for_label(&value).map(Encoding::output_encoding)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(bytes: &[u8]) -> Decoded {
        decode(Path::new("x.html"), bytes, true).unwrap()
    }

    #[test]
    fn declared_windows_1252_is_decoded() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9 \x93quoted\x94</body></html>";
        let d = html(page);
        assert!(
            d.text.contains("caf\u{e9} \u{201c}quoted\u{201d}"),
            "{}",
            d.text
        );
        assert_eq!(d.warning, None);
    }

    #[test]
    fn http_equiv_latin1_label_is_decoded() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>na\xefve</p>";
        // WHATWG maps ISO-8859-1 to windows-1252.
        assert!(html(page).text.contains("na\u{ef}ve"));
        assert_eq!(
            declared_charset(page).map(Encoding::name),
            Some("windows-1252")
        );
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "caf\u{e9} said".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = decode(Path::new("x.txt"), &bytes, false).unwrap();
        assert_eq!(d.text, "caf\u{e9} said");
        let mut be = vec![0xFE, 0xFF];
        for unit in "ok".encode_utf16() {
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(Path::new("x.txt"), &be, false).unwrap().text, "ok");
    }

    #[test]
    fn utf8_bom_is_dropped_and_utf8_wins_over_a_stale_declaration() {
        let d = decode(Path::new("x.txt"), b"\xEF\xBB\xBFhello", false).unwrap();
        assert_eq!(d.text, "hello");
        let saved = "<meta charset=\"iso-8859-1\"><p>caf\u{e9}</p>";
        assert!(html(saved.as_bytes()).text.contains("caf\u{e9}"));
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected_with_a_warning() {
        let text = b"Le pr\xe9sident a d\xe9clar\xe9 que la r\xe9forme \xe9tait n\xe9cessaire, a-t-il ajout\xe9 lors d'une conf\xe9rence.";
        let d = decode(Path::new("x.txt"), text, false).unwrap();
        assert!(d.text.contains("pr\u{e9}sident"), "{}", d.text);
        let w = d.warning.unwrap();
        assert!(w.contains("windows-1252") && w.contains("detected"), "{w}");
    }

    #[test]
    fn empty_and_binary_are_refused() {
        let e = decode(Path::new("x.txt"), b"  \n", false).unwrap_err();
        assert!(e.to_string().contains("empty"), "{e}");
        let e = decode(Path::new("x.bin"), b"ab\0cd", false).unwrap_err();
        assert!(e.to_string().contains("binary"), "{e}");
    }
}
