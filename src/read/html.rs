//! HTML pages: the article body and the page's metadata.
//!
//! (First cut: paragraphs of the page; the full readability-style extraction
//! and meta-tag reading are being built.)

use scraper::{Html, Selector};

use crate::article::{Article, Field};
use crate::error::{Error, Result};

/// Extracts the article from an HTML page.
///
/// # Errors
/// When the page holds no article text.
pub fn parse(id: &str, path: &str, html: &str) -> Result<Article> {
    let doc = Html::parse_document(html);
    let p = Selector::parse("p").expect("static selector");
    let paras: Vec<String> = doc
        .select(&p)
        .map(|e| e.text().collect::<String>().trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    if paras.is_empty() {
        return Err(Error::bad_input(path, "HTML page has no article text"));
    }
    let mut article = Article::new(id, path, paras.join("\n\n"));
    let title = Selector::parse("title").expect("static selector");
    if let Some(t) = doc.select(&title).next() {
        let t = t.text().collect::<String>().trim().to_string();
        if !t.is_empty() {
            article.meta.title = Some(Field::given(t, "title"));
        }
    }
    Ok(article)
}
