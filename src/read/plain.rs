//! Plain-text articles (`.txt`, `.md`, stdin): the text is the article.

use crate::article::Article;
use crate::error::Result;

/// Makes an article from plain text; metadata comes later from inference.
///
/// # Errors
/// Never fails today; the signature matches the other readers.
pub fn parse(id: &str, path: &str, text: String) -> Result<Article> {
    Ok(Article::new(id, path, text))
}
