//! Where an article quotes someone else: the attribution stage's quotations.
//!
//! Text inside quotation marks is the speaker's, not the article's: two
//! articles quoting the same speaker share it without either copying the
//! other. The reuse stage asks here which characters of an article are
//! quoted. It keeps no quote detector of its own: paragraphs are tokenised
//! and their marks paired by [`crate::attribution::tokens`] and
//! [`crate::attribution::quotes`], so every style the attribution stage knows
//! counts (“…”, "…", ‘…’, ''…'' as in the New York Times archive, «…»,
//! quotations running over several paragraphs). Embedded posts — lines of
//! `<tweet …>` or `<blockquote>` markup the reader kept — are quoted too.
//!
//! The result also carries who is quoted, where an attribution whose content
//! covers the quotation resolved its source.

use crate::article::Article;
use crate::attribution::{Attribution, quotes, tokens};
use crate::span::Range;
use crate::text::segment;

/// The quoted stretches of an article (character ranges, sorted, disjoint).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quoted {
    /// Quotation marks included; one range per paragraph piece.
    pub ranges: Vec<Range>,
}

/// True for a paragraph that is an embedded post kept as markup.
fn is_embed(s: &str) -> bool {
    let s = s.trim_start();
    let lower: String = s.chars().take(12).collect::<String>().to_lowercase();
    lower.starts_with("<tweet") || lower.starts_with("<blockquote") || lower.starts_with("<embed")
}

impl Quoted {
    /// The quotations of `article`'s story text (boilerplate skipped).
    pub fn of(article: &Article) -> Self {
        let text = article.text.as_str();
        let mut paras: Vec<Vec<tokens::Tok>> = Vec::new();
        let mut ranges = Vec::new();
        for para in segment::paragraphs_of(text) {
            if article.is_boilerplate(para.range) {
                continue;
            }
            let body = text.get(para.byte_start..para.byte_end).unwrap_or("");
            if is_embed(body) {
                ranges.push(para.range);
                continue;
            }
            paras.push(tokens::tokenize(
                text,
                para.byte_start,
                para.byte_end,
                para.range.start,
            ));
        }
        let refs: Vec<&[tokens::Tok]> = paras.iter().map(Vec::as_slice).collect();
        for q in quotes::pair(&refs) {
            ranges.extend(q.pieces);
        }
        ranges.sort_unstable();
        // Disjoint: nested or touching pieces merge.
        let mut merged: Vec<Range> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        Quoted { ranges: merged }
    }

    /// Characters of `r` inside a quotation.
    pub fn chars_in(&self, r: Range) -> usize {
        let from = self.ranges.partition_point(|q| q.end <= r.start);
        self.ranges[from..]
            .iter()
            .take_while(|q| q.start < r.end)
            .map(|q| q.end.min(r.end).saturating_sub(q.start.max(r.start)))
            .sum()
    }

    /// Share (0–1) of `r`'s characters inside a quotation.
    pub fn share(&self, r: Range) -> f64 {
        if r.is_empty() {
            return 0.0;
        }
        self.chars_in(r) as f64 / r.len() as f64
    }
}

/// Pronouns and other source words that name nobody on their own.
const NAMELESS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "his", "who",
];

/// The speakers an article names for the quoted text at `r`: the resolved
/// sources of attributions whose content overlaps `r` (or the source as
/// written, unless it is a pronoun), in text order, without repeats.
pub fn speakers(attributions: &[Attribution], r: Range) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for at in attributions {
        let overlaps = at
            .content
            .iter()
            .any(|c| c.start < r.end && r.start < c.end);
        if !overlaps {
            continue;
        }
        let name = at
            .entity
            .as_ref()
            .map(|e| e.name.clone())
            .or_else(|| at.source.as_ref().map(|s| s.text.trim().to_string()))
            .filter(|n| !NAMELESS.contains(&n.to_lowercase().as_str()));
        if let Some(name) = name.filter(|n| !n.is_empty()) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let a = Article::new("a", "a", text.to_string());
        Quoted::of(&a)
            .ranges
            .iter()
            .map(|r| a.text.slice(*r).to_string())
            .collect()
    }

    #[test]
    fn every_quotation_style_counts() {
        assert_eq!(
            quoted(
                "He said “yes” and ''no,'' then «peut-être».\n“A long quote.\n“Goes on,” he said."
            ),
            [
                "“yes”",
                "''no,''",
                "«peut-être»",
                "“A long quote.",
                "“Goes on,”"
            ]
        );
        assert!(quoted("It shouldn’t matter in the ’90s, Hamas’s men").is_empty());
    }

    #[test]
    fn embedded_posts_are_quoted() {
        let t = "Story line.\n<tweet id=\"1\" author=\"@x\">Another attack. When will we learn?</tweet>\nMore.";
        assert_eq!(quoted(t).len(), 1);
        assert!(quoted(t)[0].starts_with("<tweet"));
        let a = Article::new("a", "a", t.to_string());
        let q = Quoted::of(&a);
        assert!(q.share(Range::new(0, 10)) < 1e-9);
        assert!(q.share(Range::new(12, 40)) > 0.99);
    }
}
