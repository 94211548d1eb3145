//! The word profile of an article that reuse detection matches on.
//!
//! Every story word (boilerplate skipped) becomes a [`Tok`]: a hash of its
//! folded form (lowercase, ASCII quotes and dashes — see
//! [`crate::text::normalize::fold_char`]), its character range in the text as
//! read, and what kind of word it is. Function words ("the", "of", "said")
//! are kept for measuring similarity but do not form fingerprints; capitalised
//! words and numbers are *names* — evidence for paraphrase, but never enough
//! on their own to make a copy edge.

use crate::article::Article;
use crate::span::Range;
use crate::text::normalize::fold_char;
use crate::text::words::words;

pub use crate::text::stopwords::is_stopword;

/// What kind of word a token is (bit flags).
pub mod kind {
    /// Not a function word.
    pub const CONTENT: u8 = 1;
    /// Starts with a capital letter or is all capitals: a name or acronym.
    pub const NAME: u8 = 2;
    /// Contains a digit: a number, year or day.
    pub const NUMBER: u8 = 4;
    /// A content word in lower case: ordinary prose, the part of a passage
    /// that shows it was copied rather than merely naming the same things.
    pub const PROSE: u8 = 8;
    /// The first word after a line break: passages do not grow across it.
    pub const LINE_START: u8 = 16;
}

/// One story word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// Hash of the folded word.
    pub hash: u64,
    /// For names and numbers, the anchor key the paraphrase signal indexes:
    /// the hash of a number as written, or of a name's consonant skeleton
    /// (see [`super::index::skeleton`]); 0 for other words.
    pub anchor: u64,
    /// Character range in the article text.
    pub range: Range,
    /// [`kind`] flags.
    pub kind: u8,
}

impl Tok {
    /// True when the flag is set.
    pub fn is(&self, flag: u8) -> bool {
        self.kind & flag != 0
    }
}

/// The words of an article's story text.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Story words in text order (boilerplate words skipped).
    pub toks: Vec<Tok>,
    /// Indices into `toks` of the content words, in order.
    pub content: Vec<u32>,
}

/// FNV-1a over bytes, then a final avalanche so low bits are well mixed.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// A 64-bit finaliser (splitmix64): spreads every input bit over the output.
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Combines a running hash with the next element (order-sensitive).
pub fn combine(h: u64, next: u64) -> u64 {
    mix(h.rotate_left(17) ^ next)
}

/// Folds a word for matching: lowercase, ASCII quotes and dashes.
pub fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_word_into(word, &mut out);
    out
}

/// [`fold_word`] into a reused buffer (cleared first).
pub fn fold_word_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        for c in word.chars() {
            if let Some(f) = fold_char(c) {
                out.extend(f.to_lowercase());
            }
        }
    }
    // "Hamas's" and "Hamas'" match "Hamas": possessives are spelling, not content.
    if out.ends_with("'s") {
        out.truncate(out.len() - 2);
    } else if out.ends_with('\'') {
        out.truncate(out.len() - 1);
    }
}

/// Classifies a word as written.
fn classify(word: &str, folded: &str) -> u8 {
    let mut k = 0;
    if folded.chars().any(char::is_numeric) {
        k |= kind::NUMBER | kind::CONTENT;
    } else if !is_stopword(folded) {
        k |= kind::CONTENT;
        if word.chars().next().is_some_and(char::is_uppercase) {
            k |= kind::NAME;
        } else {
            k |= kind::PROSE;
        }
    }
    k
}

impl Profile {
    /// Builds the profile of `article`'s story text.
    pub fn new(article: &Article) -> Self {
        let mut bp = article.boilerplate.iter().map(|b| b.span.start..b.span.end);
        let mut current = bp.next();
        let mut toks = Vec::new();
        let mut content = Vec::new();
        let mut folded = String::new();
        let text = article.text.as_str();
        let mut prev_end = 0usize;
        for w in words(text, 0) {
            let line_start = text
                .get(prev_end..w.byte)
                .is_some_and(|gap| gap.contains('\n'));
            prev_end = w.byte + w.text.len();
            // Boilerplate marks are sorted by start; skip words inside one.
            while let Some(r) = &current {
                if r.end <= w.range.start {
                    current = bp.next();
                } else {
                    break;
                }
            }
            if current
                .as_ref()
                .is_some_and(|r| r.start <= w.range.start && w.range.end <= r.end)
            {
                continue;
            }
            fold_word_into(w.text, &mut folded);
            if folded.is_empty() {
                continue;
            }
            let mut k = classify(w.text, &folded);
            if line_start {
                k |= kind::LINE_START;
            }
            if k & kind::CONTENT != 0 {
                content.push(toks.len() as u32);
            }
            let hash = hash_bytes(folded.as_bytes());
            let anchor = if k & kind::NUMBER != 0 {
                hash
            } else if k & kind::NAME != 0 {
                super::index::skeleton_hash(&folded)
            } else {
                0
            };
            toks.push(Tok {
                hash,
                anchor,
                range: w.range,
                kind: k,
            });
        }
        Profile { toks, content }
    }

    /// Number of prose words among `toks[from..to]`.
    pub fn prose_in(&self, from: usize, to: usize) -> usize {
        self.toks
            .get(from..to.min(self.toks.len()))
            .map_or(0, |t| t.iter().filter(|t| t.is(kind::PROSE)).count())
    }

    /// The character range from the start of `toks[from]` to the end of `toks[to - 1]`.
    pub fn char_range(&self, from: usize, to: usize) -> Range {
        match (
            self.toks.get(from),
            to.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(a), Some(b)) => Range::new(a.range.start, b.range.end),
            _ => Range::new(0, 0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Boilerplate, BoilerplateKind};

    #[test]
    fn stopwords_are_lowercase() {
        assert!(
            crate::text::stopwords::STOPWORDS
                .iter()
                .all(|w| w.to_lowercase() == *w)
        );
        assert!(is_stopword("the") && !is_stopword("hamas"));
    }

    #[test]
    fn folds_quotes_case_and_possessives() {
        assert_eq!(fold_word("Hamas’s"), "hamas");
        assert_eq!(fold_word("NATO"), "nato");
        assert_eq!(fold_word("non—NATO"), "non-nato");
    }

    #[test]
    fn classifies_and_skips_boilerplate() {
        let mut a = Article::new(
            "a",
            "a",
            "The Board met on 5 June. Comments are closed.".into(),
        );
        a.boilerplate.push(Boilerplate {
            kind: BoilerplateKind::Comments,
            span: a.span(Range::new(25, 45)),
            reason: None,
        });
        let p = Profile::new(&a);
        let kinds: Vec<u8> = p.toks.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                0,
                kind::CONTENT | kind::NAME,
                kind::CONTENT | kind::PROSE,
                0,
                kind::CONTENT | kind::NUMBER,
                kind::CONTENT | kind::NAME
            ]
        );
        assert_eq!(p.content, [1, 2, 4, 5]);
        assert_eq!(p.char_range(1, 3), Range::new(4, 13));
    }
}
