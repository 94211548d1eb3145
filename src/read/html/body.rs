//! The story text of an HTML page, from the `dom_smoothie` extractor.
//!
//! `dom_smoothie` is a maintained Rust port of Mozilla's Readability (the
//! algorithm behind Firefox's reader view): it drops unlikely candidates,
//! scores paragraphs and their ancestors, picks and widens the best container,
//! cleans it conditionally, and — when the strict pass finds too little —
//! retries with looser policies down to no cleaning at all. We ask for its
//! *formatted* text (paragraphs separated by blank lines, line breaks kept) and
//! tidy it: lines trimmed, runs of blank lines collapsed, so the text reads as a
//! plain article and every later offset points into exactly this string.
//! Why this crate rather than `trafilatura` or our own scorer: see
//! `docs/DESIGN.md` ("Crates and why").

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

/// What the extractor found besides the text.
#[derive(Debug, Default)]
pub struct Extracted {
    /// The article text: paragraphs joined with blank lines (may be empty).
    pub text: String,
    /// The byline the extractor saw in the page (a visible "By …" line, a
    /// `rel=author` link, or a byline element), when it found one.
    pub byline: Option<String>,
}

/// Extracts the article from a parsed page (the extractor rewrites the tree,
/// so it takes it).
pub fn extract(doc: Document) -> Extracted {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let Ok(mut reader) = Readability::with_document(doc, None, Some(config)) else {
        return Extracted::default();
    };
    match reader.parse() {
        Ok(article) => Extracted {
            text: tidy(&article.text_content),
            byline: article.byline.and_then(|b| clean_line(&b)),
        },
        Err(_) => Extracted::default(),
    }
}

/// One line, whitespace collapsed; `None` when empty.
fn clean_line(s: &str) -> Option<String> {
    let out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!out.is_empty()).then_some(out)
}

/// Trims each line (collapsing inner runs of spaces and tabs), drops blank
/// lines at the ends and keeps at most one blank line between paragraphs.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0usize;
    for line in text.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        let mut first = true;
        for w in words {
            if !first {
                out.push(' ');
            }
            out.push_str(w);
            first = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_article_and_drops_furniture() {
        let html = r##"<html><head><title>Headline - Example News</title></head><body>
          <nav><a href="/">Home</a> <a href="/world">World</a></nav>
          <div id="cookie-banner"><p>We use cookies to improve your experience, please accept them all.</p></div>
          <article>
            <h1>Headline</h1>
            <div class="share-buttons"><a href="#">Share on X</a></div>
            <p>WASHINGTON (Reuters) - The first paragraph of the story, with a comma, and more words, long enough to count as the story of this page.</p>
            <p>The second paragraph, quoting an official, who said things at length, and more things, at more length, for the reader.</p>
            <h2>A section heading</h2>
            <p>The third paragraph &amp; its entity, which closes the story, after a long and careful account of events.</p>
            <p>A fourth paragraph, because a story is longer than a teaser, with more detail, more names, and more places in it.</p>
            <p>A fifth paragraph that gives the background, the numbers, and what comes next, at the length a real story has.</p>
          </article>
          <section class="comments"><p>Great article, really enjoyed reading it, thanks!</p></section>
          <footer><p>Copyright 2026 Example News. All rights reserved.</p></footer>
        </body></html>"##;
        let got = extract(Document::from(html));
        assert!(
            got.text
                .starts_with("WASHINGTON (Reuters) - The first paragraph of the story"),
            "{}",
            got.text
        );
        assert!(
            got.text.contains("\n\nA section heading\n\n"),
            "{}",
            got.text
        );
        assert!(got.text.ends_with("at the length a real story has."));
        for furniture in [
            "cookies",
            "Share on X",
            "Great article",
            "Copyright",
            "Home",
        ] {
            assert!(!got.text.contains(furniture), "{furniture} in {}", got.text);
        }
    }

    #[test]
    fn text_in_spans_without_paragraphs_is_read() {
        let html = r#"<html><body><div class="content-with-sidebar-wrp"><div><span>Story text in a span, without any paragraph element, long enough and with commas, clauses and detail to be the article.</span></div>
          <div><span>A second block of story text in a span, again long enough, with commas, to be read as part of it.</span></div></div></body></html>"#;
        let got = extract(Document::from(html));
        assert!(got.text.contains("Story text in a span"), "{}", got.text);
        assert!(got.text.contains("A second block"), "{}", got.text);
    }

    #[test]
    fn page_without_text_gives_empty_text() {
        assert!(
            extract(Document::from(
                "<html><head><script>var a = 1;</script></head><body> </body></html>"
            ))
            .text
            .is_empty()
        );
        assert!(extract(Document::from("")).text.is_empty());
    }

    #[test]
    fn tidy_keeps_paragraphs_and_line_breaks() {
        assert_eq!(tidy("  a  b \n c\n\n\n\n d \n\n"), "a b\nc\n\nd");
        assert_eq!(tidy("\n\n"), "");
    }
}
