//! Escaping hostile text for HTML, SVG and Markdown.
//!
//! Article text and metadata are attacker-controlled: a page title may hold
//! `</script><script>…` or `" onload="…`. Everything from an article passes
//! through [`html`] (for element content and quoted attribute values alike:
//! `&`, `<`, `>`, `"` and `'` all become entities) or [`markdown`] before it is
//! written. Control characters (other than tab and newline) are dropped so
//! no renderer sees them.

use std::fmt::Write as _;

/// Escapes `text` for HTML or SVG element content and quoted attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => {}
            // Line and paragraph separators break JavaScript strings and some parsers.
            '\u{2028}' | '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A safe fragment identifier (`id` attribute and `#` link) for an article id:
/// ASCII letters, digits, `-` and `_` kept, every other byte as `.xx` hex.
pub fn anchor(prefix: &str, id: &str) -> String {
    let mut out = String::from(prefix);
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            out.push(b as char);
        } else {
            let _ = write!(out, ".{b:02x}");
        }
    }
    out
}

/// Escapes `text` for Markdown inline content (paragraphs, list items, table
/// cells): Markdown syntax is backslash-escaped, HTML specials become
/// entities (renderers pass raw HTML through), line breaks become spaces.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '!'
            | '|' | '~' | '"' | '\'' | '=' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn script_and_attribute_breakouts_are_inert() {
        let hostile = "</script><script>alert(1)</script>\" onload=\"alert(2)' x='";
        let e = html(hostile);
        assert!(!e.contains('<') && !e.contains('>') && !e.contains('"') && !e.contains('\''));
        assert_eq!(html("a & b"), "a &amp; b");
    }

    #[test]
    fn markdown_cannot_open_links_html_or_cells() {
        let e = markdown("[x](javascript:alert(1)) <img src=x onerror=alert(1)> | `c`");
        assert!(!e.contains('<'));
        assert!(e.contains("\\[x\\]\\(javascript:alert\\(1\\)\\)"));
        assert!(e.contains("\\|"));
    }

    #[test]
    fn anchors_are_plain_ascii() {
        assert_eq!(anchor("a-", "000_bb f\""), "a-000_bb.20f.22");
    }

    proptest! {
        #[test]
        fn html_output_has_no_markup_characters(s in "\\PC*") {
            let e = html(&s);
            prop_assert!(!e.contains('<') && !e.contains('>') && !e.contains('"') && !e.contains('\''));
        }
    }
}
