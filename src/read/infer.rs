//! Metadata read from the text itself, as a desk editor would.
//!
//! (Being built: datelines, credit lines, date floor, author lines, boilerplate.)

use crate::article::Article;

/// Infers missing metadata and marks boilerplate in `article`.
pub fn infer(article: &mut Article) {
    let _ = article;
}
