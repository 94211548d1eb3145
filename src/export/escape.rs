//! Every escaper of the crate, one per output format: the one place that
//! keeps hostile article text inert wherever it is written.
//!
//! Article text and metadata are attacker-controlled: a page title may hold
//! `</script><script>…`, `" onload="…`, `"]--> x[`, `\N` or `ESC ] 0 ;`.
//! Every writer in [`crate::export`] passes such text through the escaper of
//! its format before it is written:
//!
//! | format | escaper |
//! |---|---|
//! | HTML and SVG (report) | [`html`], [`anchor`] for ids and links |
//! | Markdown (report) | [`markdown`] |
//! | DOT (graph export, report picture) | [`dot_string`] |
//! | Mermaid (graph export, Markdown report) | [`mermaid_label`] |
//! | `GraphML` (XML) | [`xml`] |
//! | CSV | [`csv_cell`] |
//! | terminal (tables, Markdown on stdout) | [`SafeText`] |
//!
//! Control characters never reach a renderer: each escaper drops them or
//! turns them into spaces, as its format needs.

pub use super::terminal::SafeText;

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

/// Escapes `text` for the inside of a DOT quoted string (`"…"`): backslashes
/// and double quotes are backslash-escaped, so no text can end the string or
/// inject Graphviz escapes (`\N`, `\G`, `\l`); line breaks and other control
/// characters become spaces, so words stay apart.
pub fn dot_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `text` as a whole DOT quoted string: [`dot_string`] between double quotes.
pub fn dot_quoted(text: &str) -> String {
    format!("\"{}\"", dot_string(text))
}

/// Escapes `text` for a quoted Mermaid label (`["…"]`, `|…|`): letters,
/// digits, spaces and plain punctuation are kept, control characters become
/// spaces, and every other character is written as a Mermaid entity code
/// (`#34;`), so quotes, brackets, pipes, HTML or backticks in a title can
/// neither end the label nor inject into the chart, and nothing is lost.
pub fn mermaid_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric()
            || matches!(
                c,
                ' ' | '.' | ',' | ':' | '-' | '_' | '(' | ')' | '/' | '×' | '·' | '…' | '⚠'
            )
        {
            out.push(c);
        } else if c.is_control() {
            out.push(' ');
        } else {
            let _ = write!(out, "#{};", c as u32);
        }
    }
    out
}

/// Escapes `text` for XML content and attribute values (`GraphML`); drops
/// characters XML 1.0 does not allow (most control characters, U+FFFE,
/// U+FFFF), so any title or quote yields a well-formed document.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Makes a CSV cell safe to open in a spreadsheet: a cell starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return is prefixed with `'` (OWASP's
/// advice against CSV formula injection). Quoting is the CSV writer's job.
pub fn csv_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
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

    #[test]
    fn dot_strings_cannot_break_out() {
        assert_eq!(dot_string(r#"a "b" \N"#), r#"a \"b\" \\N"#);
        assert_eq!(dot_string("line\nbreak\r\t"), "line break  ");
        assert_eq!(dot_string("<b>{x}</b> ünï"), "<b>{x}</b> ünï");
        assert_eq!(dot_quoted("a\"b\\c\nd"), "\"a\\\"b\\\\c d\"");
    }

    #[test]
    fn mermaid_labels_neutralise_syntax() {
        assert_eq!(
            mermaid_label("a \"b\" [c] |d| <e>"),
            "a #34;b#34; #91;c#93; #124;d#124; #60;e#62;"
        );
        assert_eq!(mermaid_label("Qaddoumi’s"), "Qaddoumi#8217;s");
        assert_eq!(
            mermaid_label("a\"]--> x[<script>"),
            "a#34;#93;--#62; x#91;#60;script#62;"
        );
    }

    #[test]
    fn xml_escapes_and_drops_forbidden_characters() {
        assert_eq!(xml("a<b>&\"c\"'"), "a&lt;b&gt;&amp;&quot;c&quot;&apos;");
        assert_eq!(xml("x\u{1}\u{FFFF}y\n"), "xy\n");
    }

    #[test]
    fn csv_formulas_are_defused() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("-2+3"), "'-2+3");
        assert_eq!(csv_cell("IANS"), "IANS");
    }

    proptest! {
        #[test]
        fn html_output_has_no_markup_characters(s in "\\PC*") {
            let e = html(&s);
            prop_assert!(!e.contains('<') && !e.contains('>') && !e.contains('"') && !e.contains('\''));
        }

        #[test]
        fn dot_string_never_ends_the_string(s in "[\\s\\S]{0,64}") {
            let e = dot_string(&s);
            let quotes_unescaped = e
                .char_indices()
                .filter(|&(i, c)| c == '"' && e[..i].chars().rev().take_while(|&b| b == '\\').count() % 2 == 0)
                .count();
            prop_assert_eq!(quotes_unescaped, 0);
            prop_assert!(!e.chars().any(char::is_control));
        }

        #[test]
        fn mermaid_label_has_no_syntax_characters(s in "[\\s\\S]{0,64}") {
            let e = mermaid_label(&s);
            let syntax = ['"', '[', ']', '|', '<', '>', '`', '{', '}', '\n'];
            prop_assert!(!e.contains(syntax), "{}", e);
        }
    }
}
