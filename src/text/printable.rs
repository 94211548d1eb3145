//! Text made safe for a terminal: control characters shown, never sent.
//!
//! Article ids, file names, titles and quotes come from the input, and an
//! input can hold escape sequences (`ESC ] 0 ; … BEL` retitles a terminal,
//! `ESC [ 2 J` clears it) or bidirectional overrides that reorder what a
//! reader sees. Every line citetrace writes for a terminal — tables, error
//! and warning lines — passes through [`printable`], which writes such
//! characters as `\u{1b}` escapes instead.

use std::borrow::Cow;

/// True for a character that must not reach a terminal raw: C0 and C1
/// controls, DEL, and the bidirectional embedding, override and isolate
/// controls.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every unsafe character (see [`is_unsafe`]), line breaks and
/// tabs included, written as a `\u{…}` escape; borrowed when there is none.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like [`printable`], keeping line breaks (for multi-line tables and text
/// reports); every other unsafe character is escaped.
pub fn printable_lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c != '\n' && is_unsafe(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_controls_and_keeps_text() {
        assert!(matches!(printable("plain é “quote”"), Cow::Borrowed(_)));
        assert_eq!(
            printable("a\u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}b"),
            "a\\u{1b}]0;owned\\u{7}\\u{1b}[2J\\u{9b}b"
        );
        assert_eq!(printable("x\u{202e}y\nz\t"), "x\\u{202e}y\\u{a}z\\u{9}");
        assert_eq!(printable_lines("x\ny\r\u{7f}"), "x\ny\\u{d}\\u{7f}");
    }
}
