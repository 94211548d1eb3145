//! HTML pages: the article body and the page's metadata.
//!
//! A saved news page is mostly not the story: navigation, headers and
//! footers, cookie banners, share widgets, "related" teasers, comment
//! sections. [`body`] finds the story container (`itemprop=articleBody`, else a
//! readability-style paragraph-density score, widened to an enclosing
//! `<article>`) and joins its paragraphs with blank lines, skipping the
//! furniture. [`meta`] reads title, author, date, site name, canonical URL and
//! language from OpenGraph / `article:*` / `name=` meta tags, `<link
//! rel=canonical>`, `<html lang>` and JSON-LD `NewsArticle`/`Article` (also in
//! `@graph`). The parser is html5ever (through `scraper`), which repairs
//! malformed markup the way a browser does.

pub mod body;
pub mod meta;

use scraper::Html;

use crate::article::Article;
use crate::error::{Error, Result};

/// Extracts the article from an HTML page.
///
/// # Errors
/// When the page holds no article text (neither in its markup nor in a
/// JSON-LD `articleBody`).
pub fn parse(id: &str, path: &str, html: &str) -> Result<Article> {
    let doc = Html::parse_document(html);
    let meta = meta::read(&doc);
    let mut text = body::extract(&doc);
    if text.trim().is_empty() {
        if let Some(b) = &meta.article_body {
            text = b.trim().to_string();
        }
    }
    if text.trim().is_empty() {
        return Err(Error::bad_input(
            path,
            "HTML page has no article text (no paragraphs outside navigation, scripts and comments)",
        ));
    }
    let mut article = Article::new(id, path, text);
    article.meta = meta.fields;
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_with_only_furniture_is_an_error() {
        let e = parse(
            "x",
            "x.html",
            "<html><nav><p>Home | World | Sport</p></nav><script>var a;</script></html>",
        )
        .unwrap_err();
        assert!(e.to_string().contains("no article text"), "{e}");
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
