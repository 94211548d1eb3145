//! HTML pages: the article body and the page's metadata.
//!
//! A saved news page is mostly not the story: navigation, headers and
//! footers, cookie banners, share widgets, "related" teasers, comment
//! sections. [`prescan`] first flattens pathological markup (nesting deeper
//! than browsers' pages ever need, attribute storms) in one linear pass, so
//! the parser's cost stays bounded. [`body`] takes the story from the
//! `dom_smoothie` extractor (a port of Mozilla's Readability) as plain
//! paragraphs. [`meta`] reads title, author, date, site name, canonical URL and
//! language in a fixed order — JSON-LD `NewsArticle`/`Article` (also in
//! `@graph`), then OpenGraph / `article:*` / `name=` meta tags, then what the
//! page shows (the visible byline, `<title>`, `<h1>`) — rejecting impossible
//! dates and naming outlets as the gazetteer does. The parser is html5ever
//! (through `dom_query`, parsed once), which repairs malformed markup the way
//! a browser does.

pub mod body;
pub mod meta;
pub mod prescan;

use crate::article::Article;
use crate::error::{Error, Result};

/// Extracts the article from an HTML page. Warnings about markup that had to
/// be flattened land in [`Article::warnings`].
///
/// # Errors
/// When the page holds no article text (neither in its markup nor in a
/// JSON-LD `articleBody`).
pub fn parse(id: &str, path: &str, html: &str) -> Result<Article> {
    let tamed = prescan::tame(html);
    // One parse: metadata is read from the tree first, then the extractor
    // (which rewrites the tree) takes it.
    let doc = dom_query::Document::from(tamed.html.as_ref());
    let mut meta = meta::read(&doc);
    let extracted = body::extract(doc);
    meta::add_visible(&mut meta, &extracted);
    let mut text = extracted.text;
    if let Some(declared) = &meta.article_body {
        // The publisher's own JSON-LD `articleBody` wins when the markup gave
        // nothing or clearly less (a paywalled or script-rendered page that
        // still carries the full text): half again as many words, and 50 more.
        let (seen, given) = (word_count(&text), word_count(declared));
        if seen == 0 || (given * 2 >= seen * 3 && given >= seen + 50) {
            text = body::tidy(declared);
        }
    }
    if text.is_empty() {
        return Err(Error::bad_input(
            path,
            "HTML page has no article text (no readable text in its markup, nor a JSON-LD articleBody)",
        ));
    }
    let mut article = Article::new(id, path, text);
    article.meta = meta.fields;
    article.warnings = tamed.warnings;
    Ok(article)
}

/// Words (whitespace-separated runs) in a text.
fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_without_text_is_an_error() {
        let e = parse(
            "x",
            "x.html",
            "<html><head><title>T</title></head><body><script>var a;</script><!-- x --></body></html>",
        )
        .unwrap_err();
        assert!(e.to_string().contains("no article text"), "{e}");
    }

    #[test]
    fn declared_article_body_wins_over_a_teaser() {
        let full = (0..80).fold(String::new(), |mut s, i| {
            use std::fmt::Write as _;
            let _ = write!(s, "Sentence {i} of the story, the minister said. ");
            s
        });
        let page = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","articleBody":"{full}"}}</script></head>
            <body><article><p>Only the teaser of the story is shown, subscribe to read the rest of it, the minister said.</p></article></body></html>"#
        );
        let a = parse("x", "x.html", &page).unwrap();
        assert!(
            a.text.as_str().starts_with("Sentence 0 of the story"),
            "{}",
            a.text.as_str()
        );
        assert!(
            a.text
                .as_str()
                .ends_with("Sentence 79 of the story, the minister said.")
        );
    }

    #[test]
    fn hostile_nesting_and_attribute_storms_read_with_warnings() {
        // 50,000 nested divs and a tag with 20,000 attributes: before the
        // pre-scan these cost the parser quadratic time (issue #14).
        let attrs = " data-x=\"1\"".repeat(20_000);
        let page = format!(
            "<html><body{attrs}>{}<p>Deep story text, the minister said on Monday, is still read.</p></body></html>",
            "<div>".repeat(50_000)
        );
        let a = parse("x", "x.html", &page).unwrap();
        assert!(
            a.text.as_str().contains("Deep story text"),
            "{}",
            a.text.as_str()
        );
        assert_eq!(a.warnings.len(), 2, "{:?}", a.warnings);
    }

    #[test]
    fn malformed_markup_still_reads() {
        let a = parse(
            "x",
            "x.html",
            "<html><head><title>T</title><body><div><p>First paragraph of the story, long enough to count.<p>Second <b>bold paragraph</i> here, also long enough.</div></span></table>",
        )
        .unwrap();
        assert_eq!(
            a.text.as_str(),
            "First paragraph of the story, long enough to count.\n\nSecond bold paragraph here, also long enough."
        );
        assert_eq!(a.meta.title.unwrap().value, "T");
    }
}
