//! A linear pre-scan that tames pathological markup before the HTML parser sees it.
//!
//! html5ever's tree builder walks its stack of open elements and its list of
//! active formatting elements for many tags, and checks every attribute of a
//! tag against the others: 100,000 nested `<div>`s (1.1 MB) took 41–82 s and
//! one tag with 200,000 attributes 50 s. Real pages nest a few dozen elements
//! deep and carry a few dozen attributes per tag, so this scan — one pass over
//! the bytes, a bounded amount of work per tag — *flattens* what exceeds
//! [`MAX_DEPTH`] (the start and end tags of elements deeper than that are
//! dropped; their text stays, so no word of the page is lost) and keeps the
//! first [`MAX_ATTRIBUTES`] attributes of a tag; past [`MAX_ELEMENTS`] start
//! tags it drops further tags (text kept), so a 50 MB tag soup stays a
//! bounded tree. Each change is reported as a warning naming the limit. Pages
//! within the limits pass through untouched (borrowed, not copied).
//!
//! The scan is a tokenizer, not a parser: it skips comments, doctypes and the
//! raw text of `<script>`, `<style>`, `<textarea>` and the like, does not count
//! void elements toward depth, closes `<p>`, `<li>`, `<td>` … as a browser's
//! implied end tags do, and matches an end tag against the nearest open
//! element of that name among the top [`END_TAG_SEARCH`] entries, so its depth
//! is close to the browser's without building a tree.

use std::borrow::Cow;

/// Deepest element nesting passed to the parser; deeper tags are dropped.
pub const MAX_DEPTH: usize = 256;
/// Most elements passed to the parser: past this many start tags, further
/// tags are dropped (their text is kept). The largest of 130 real saved pages
/// has ~10,000; the cap keeps a 50 MB tag soup under a second per few MB and
/// its DOM within memory.
pub const MAX_ELEMENTS: usize = 100_000;
/// Most attributes kept on one tag.
pub const MAX_ATTRIBUTES: usize = 256;
/// How far down the open-element stack an end tag looks for its start tag.
const END_TAG_SEARCH: usize = 256;

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound",
];
/// Elements that occur once per page and are never deep.
const ROOTS: &[&str] = &["html", "head", "body"];
/// Elements whose end tag may be left out: a new one closes an open one of
/// the same name found above the nearest container ([`implied_close`]).
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
    "colgroup", "caption", "rb", "rt", "rtc", "rp",
];
/// Inline formatting elements an implied close may pass over.
const INLINE: &[&str] = &[
    "a", "b", "i", "em", "strong", "span", "font", "small", "big", "u", "s", "strike", "code",
    "tt", "nobr", "sub", "sup", "mark", "abbr", "cite", "q", "label",
];
/// How many open elements an implied close looks through.
const IMPLIED_CLOSE_SEARCH: usize = 6;
/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// The markup to parse (borrowed when nothing changed) and what was changed.
#[derive(Debug)]
pub struct Tamed<'a> {
    /// The markup, with over-deep tags dropped and attribute lists cut.
    pub html: Cow<'a, str>,
    /// One line per kind of change, naming the limit.
    pub warnings: Vec<String>,
}

/// One open element on the scan's stack.
struct Open {
    name: String,
    dropped: bool,
}

/// Scans `html` once and returns it with pathological nesting flattened and
/// over-long attribute lists cut.
pub fn tame(html: &str) -> Tamed<'_> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    // `copied` is the end of the input already handled (copied to `out` or skipped).
    let mut copied = 0;
    let mut stack: Vec<Open> = Vec::new();
    let mut dropped_tags = 0usize;
    let mut cut_tags = 0usize;
    let mut elements = 0usize;
    let mut over_count = 0usize;
    let mut i = 0;
    while let Some(offset) = memchr(b'<', &bytes[i..]) {
        let lt = i + offset;
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |e| lt + e + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_end = name_start
            + bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
                .count();
        if name_end == name_start || !bytes[name_start].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        let tag = scan_tag(bytes, name_end);
        let tag_end = tag.end;
        if closing {
            let top = stack.len();
            let found = (top.saturating_sub(END_TAG_SEARCH)..top)
                .rev()
                .find(|&k| stack[k].name == name);
            if let Some(k) = found {
                if stack[k].dropped {
                    skip(html, &mut out, &mut copied, lt, tag_end);
                }
                stack.truncate(k);
            }
            i = tag_end;
            continue;
        }
        let counted =
            !VOID.contains(&name.as_str()) && !ROOTS.contains(&name.as_str()) && !tag.self_closing;
        if !ROOTS.contains(&name.as_str()) {
            elements += 1;
        }
        if elements > MAX_ELEMENTS && !ROOTS.contains(&name.as_str()) {
            skip(html, &mut out, &mut copied, lt, tag_end);
            over_count += 1;
            if counted {
                stack.push(Open {
                    name,
                    dropped: true,
                });
            }
            i = tag_end;
            continue;
        }
        if counted && OPTIONAL_END.contains(&name.as_str()) {
            implied_close(&mut stack, &name);
        }
        if counted && stack.len() >= MAX_DEPTH {
            skip(html, &mut out, &mut copied, lt, tag_end);
            dropped_tags += 1;
            stack.push(Open {
                name,
                dropped: true,
            });
            i = tag_end;
            continue;
        }
        if let Some(cut) = tag.cut_at {
            // Keep the tag up to the end of its last kept attribute, then close it.
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..cut]);
            o.push('>');
            copied = tag_end;
            cut_tags += 1;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            i = raw_text_end(bytes, tag_end, &name);
            continue;
        }
        if counted {
            stack.push(Open {
                name,
                dropped: false,
            });
        }
        i = tag_end;
    }
    let mut warnings = Vec::new();
    if dropped_tags > 0 {
        warnings.push(format!(
            "markup nested deeper than {MAX_DEPTH} elements: {dropped_tags} tags below that depth were dropped (their text is kept)"
        ));
    }
    if over_count > 0 {
        warnings.push(format!(
            "more than {MAX_ELEMENTS} elements: the {over_count} tags after that were dropped (their text is kept)"
        ));
    }
    if cut_tags > 0 {
        warnings.push(format!(
            "{cut_tags} tags with more than {MAX_ATTRIBUTES} attributes: only the first {MAX_ATTRIBUTES} were kept"
        ));
    }
    let html = match out {
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(html),
    };
    Tamed { html, warnings }
}

/// A new `<li>`, `<td>`, `<p>` … closes an open element of the same name when
/// only inline elements and other optional-end elements lie above it (the
/// browser's implied end tags); a container (`<ul>`, `<table>`, `<div>` …) in
/// between means the new one nests.
fn implied_close(stack: &mut Vec<Open>, name: &str) {
    let top = stack.len();
    for k in (top.saturating_sub(IMPLIED_CLOSE_SEARCH)..top).rev() {
        let open = stack[k].name.as_str();
        if open == name {
            if !stack[k].dropped {
                stack.truncate(k);
            }
            return;
        }
        if !OPTIONAL_END.contains(&open) && !INLINE.contains(&open) {
            return;
        }
    }
}

/// Leaves `start..end` out of the output (copying what came before it).
fn skip(html: &str, out: &mut Option<String>, copied: &mut usize, start: usize, end: usize) {
    let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
    o.push_str(&html[*copied..start]);
    *copied = end;
}

/// Where a tag ends, whether it closes itself, and where to cut it when it has
/// too many attributes.
struct TagEnd {
    /// Just past the closing `>` (or the end of input).
    end: usize,
    self_closing: bool,
    /// The end of the last kept attribute when the tag has more than [`MAX_ATTRIBUTES`].
    cut_at: Option<usize>,
}

/// Reads a tag's attributes from `from` (just after its name) to its `>`,
/// honouring quoted values.
fn scan_tag(bytes: &[u8], from: usize) -> TagEnd {
    let mut i = from;
    let mut attributes = 0usize;
    let mut cut_at = None;
    let mut last_attribute_end = from;
    let n = bytes.len();
    loop {
        while i < n && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= n {
            return TagEnd {
                end: n,
                self_closing: false,
                cut_at,
            };
        }
        if bytes[i] == b'>' {
            return TagEnd {
                end: i + 1,
                self_closing: i > from && bytes[i - 1] == b'/',
                cut_at,
            };
        }
        // An attribute name, then optionally `= value`.
        while i < n && !matches!(bytes[i], b'=' | b'>') && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut j = i;
        while j < n && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < n && bytes[j] == b'=' {
            j += 1;
            while j < n && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < n && (bytes[j] == b'"' || bytes[j] == b'\'') {
                let quote = bytes[j];
                j = memchr(quote, &bytes[j + 1..]).map_or(n, |e| j + 1 + e + 1);
            } else {
                while j < n && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                    j += 1;
                }
            }
            i = j;
        }
        attributes += 1;
        if attributes == MAX_ATTRIBUTES {
            last_attribute_end = i;
        } else if attributes == MAX_ATTRIBUTES + 1 {
            cut_at = Some(last_attribute_end);
        }
    }
}

/// Just past the end tag that closes a raw-text element, or the end of input.
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> usize {
    if name == "plaintext" {
        return bytes.len();
    }
    let mut i = from;
    while let Some(offset) = find(bytes, i, b"</") {
        let after = offset + 2;
        let candidate = bytes.get(after..after + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            // Leave the end tag for the main loop (it pops nothing: raw-text
            // elements are not pushed).
            return offset;
        }
        i = after;
    }
    bytes.len()
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

/// The first occurrence of `needle` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= bytes.len() {
        return None;
    }
    bytes[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_page_is_borrowed_unchanged() {
        let page = "<html><head><title>a<b</title><script>if (a<b) {}</script></head>\
                    <body><div class=\"x\"><p>One<p>Two<br><img src=a.png/></div><!-- <div> --></body></html>";
        let t = tame(page);
        assert!(matches!(t.html, Cow::Borrowed(_)));
        assert!(t.warnings.is_empty());
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let n = 2000;
        let page = format!(
            "{}deep text{}<p>after</p>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let t = tame(&page);
        assert_eq!(t.html.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(t.html.matches("</div>").count(), MAX_DEPTH);
        assert!(t.html.contains("deep text") && t.html.ends_with("<p>after</p>"));
        assert!(
            t.warnings[0].contains("deeper than 256"),
            "{:?}",
            t.warnings
        );
    }

    #[test]
    fn unclosed_paragraphs_and_list_items_do_not_count_as_depth() {
        let page = "<div>".to_string()
            + &"<p>para <b>bold <li>item <td>cell <tr><td>row ".repeat(5000)
            + "</div><ul><li>a<li>b<ul><li>c<li>d</ul></ul>";
        let t = tame(&page);
        assert!(matches!(t.html, Cow::Borrowed(_)), "{:?}", t.warnings);
    }

    #[test]
    fn deep_lists_and_tables_are_flattened() {
        for unit in ["<ul><li>", "<table><tr><td>", "<ol><li><p>"] {
            let page = unit.repeat(20_000) + "x";
            let t = tame(&page);
            assert!(t.html.len() < unit.len() * (MAX_DEPTH + 1), "{unit}");
            assert_eq!(t.warnings.len(), 1, "{unit}");
        }
    }

    #[test]
    fn element_flood_is_capped() {
        let page = "<div><p>x</p><br></div>".repeat(MAX_ELEMENTS) + "<b>last words</b>";
        let t = tame(&page);
        assert_eq!(t.html.matches("<div>").count(), MAX_ELEMENTS / 3 + 1);
        assert!(
            t.html.ends_with("last words"),
            "{}",
            &t.html[t.html.len() - 40..]
        );
        assert!(
            t.warnings[0].contains("more than 100000 elements"),
            "{:?}",
            t.warnings
        );
    }

    #[test]
    fn attribute_storm_is_cut() {
        let mut attrs = String::new();
        for k in 0..1000 {
            attrs.push_str(" a");
            attrs.push_str(&k.to_string());
            attrs.push_str("=\"v>");
            attrs.push_str(&k.to_string());
            attrs.push('"');
        }
        let page = format!("<div{attrs}>text</div>");
        let t = tame(&page);
        assert!(
            t.html.contains(" a255=\"v>255\">text</div>"),
            "{}",
            &t.html[t.html.len() - 60..]
        );
        assert!(!t.html.contains("a256"));
        assert_eq!(t.warnings.len(), 1);
    }

    #[test]
    fn truncated_markup_does_not_panic() {
        for page in [
            "<div a=\"",
            "<",
            "</",
            "<!--",
            "<script>",
            "<div",
            "<a b=c",
            "\u{e9}<\u{e9}>",
        ] {
            let _ = tame(page);
        }
    }
}
