//! Tokens of one paragraph: words and punctuation with character offsets.
//!
//! The rules work on tokens, so each token keeps its character range in the
//! article (for spans) and its byte range (for cheap comparisons). Quote
//! marks are classified here as opening, closing or apostrophe by context, so
//! "shouldn‘t" and "’90s" are never taken for quotation marks.

#![allow(clippy::many_single_char_names)] // token indices: s, e (sentence), a, b (ranges), p (paragraph)

use crate::span::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A word: letters and digits, joined across inner apostrophes, hyphens and dots.
    Word,
    /// A quotation mark that opens a quotation.
    Open(Family),
    /// A quotation mark that closes a quotation.
    Close(Family),
    /// A straight double quote whose role context cannot settle.
    Either(Family),
    /// Any other punctuation character.
    Punct(char),
}

/// Double (“ ” " « » „) or single (‘ ’ ' ‹ ›) quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Double marks.
    Double,
    /// Single marks.
    Single,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// Character range in the article.
    pub range: Range,
    /// Byte range in the article.
    pub b0: usize,
    /// Byte end in the article.
    pub b1: usize,
    /// What it is.
    pub kind: Kind,
}

impl Tok {
    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// True for punctuation `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// True for any quotation mark.
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, Kind::Open(_) | Kind::Close(_) | Kind::Either(_))
    }

    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.b0..self.b1).unwrap_or("")
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn joins(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '-' | '‐' | '.' | '&')
}

/// Tokenises `text[b0..b1]`, whose first character is at character offset `c0`.
pub fn tokenize(text: &str, b0: usize, b1: usize, c0: usize) -> Vec<Tok> {
    let Some(s) = text.get(b0..b1) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::with_capacity(chars.len() / 4);
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                if is_word_char(cj) {
                    j += 1;
                } else if joins(cj) && j + 1 < chars.len() && is_word_char(chars[j + 1].1) {
                    // '.' joins digits ("3.5") and dotted capitals ("U.S").
                    if cj == '.' {
                        let before = chars[j - 1].1;
                        let after = chars[j + 1].1;
                        let digits = before.is_numeric() && after.is_numeric();
                        let initials = before.is_uppercase()
                            && after.is_uppercase()
                            && (j - 1 == start || chars[j - 2].1 == '.');
                        if !(digits || initials) {
                            break;
                        }
                    }
                    j += 2;
                } else {
                    break;
                }
            }
            let end_b = if j < chars.len() { chars[j].0 } else { s.len() };
            out.push(Tok {
                range: Range::new(c0 + start, c0 + j),
                b0: b0 + b,
                b1: b0 + end_b,
                kind: Kind::Word,
            });
            i = j;
            continue;
        }
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let next = chars.get(i + 1).map(|&(_, n)| n);
        let kind = classify(c, prev, next);
        if let Some(kind) = kind {
            out.push(Tok {
                range: Range::new(c0 + i, c0 + i + 1),
                b0: b0 + b,
                b1: b0 + b + c.len_utf8(),
                kind,
            });
        }
        i += 1;
    }
    out
}

fn opening_context(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':' | '“' | '"' | '/')
    })
}

fn closing_context(next: Option<char>) -> bool {
    next.is_none_or(|n| !n.is_alphanumeric())
}

/// Classifies a non-word, non-space character; apostrophes inside or before
/// words return `None` (they are part of no token).
fn classify(c: char, prev: Option<char>, next: Option<char>) -> Option<Kind> {
    use Family::{Double, Single};
    let word_before = prev.is_some_and(char::is_alphanumeric);
    let word_after = next.is_some_and(char::is_alphanumeric);
    Some(match c {
        '“' => {
            if word_before && !word_after {
                Kind::Close(Double) // „…“ style
            } else {
                Kind::Open(Double)
            }
        }
        '„' | '«' => Kind::Open(Double),
        '”' | '»' => Kind::Close(Double),
        '"' => {
            let open = opening_context(prev);
            let close = closing_context(next);
            match (open, close) {
                (true, false) => Kind::Open(Double),
                (false, true) => Kind::Close(Double),
                _ => Kind::Either(Double),
            }
        }
        '‹' => Kind::Open(Single),
        '›' => Kind::Close(Single),
        '‘' | '’' | '\'' => {
            if word_before && word_after {
                return None; // shouldn‘t, Hamas’s
            }
            if c == '‘' || (c == '\'' && !word_before) {
                if word_after && opening_context(prev) {
                    Kind::Open(Single)
                } else {
                    return None;
                }
            } else if word_after {
                return None; // ’90s
            } else if word_before || prev.is_some_and(|p| matches!(p, '.' | ',' | '!' | '?')) {
                // Hamas’ (possessive) and closing marks look alike: the
                // quote pairing decides.
                Kind::Close(Single)
            } else {
                return None;
            }
        }
        c => Kind::Punct(c),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(String, Kind)> {
        tokenize(s, 0, s.len(), 0)
            .into_iter()
            .map(|t| (t.text(s).to_string(), t.kind))
            .collect()
    }

    #[test]
    fn words_and_quotes() {
        let k = kinds("“It’s genuine,” it said of the U.S. ’90s shouldn‘t");
        let words: Vec<&str> = k
            .iter()
            .filter(|(_, k)| *k == Kind::Word)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            words,
            [
                "It’s",
                "genuine",
                "it",
                "said",
                "of",
                "the",
                "U.S",
                "90s",
                "shouldn‘t"
            ]
        );
        assert_eq!(k[0].1, Kind::Open(Family::Double));
        assert!(
            k.iter()
                .any(|(t, k)| t == "”" && *k == Kind::Close(Family::Double))
        );
        assert!(!k.iter().any(|(t, _)| t == "’"));
    }

    #[test]
    fn straight_quotes_by_context() {
        let k = kinds("he said \"yes,\" then");
        assert!(k.contains(&("\"".to_string(), Kind::Open(Family::Double))));
        assert!(k.contains(&("\"".to_string(), Kind::Close(Family::Double))));
    }

    #[test]
    fn offsets_are_characters() {
        let s = "“Zaheer” met";
        let t = tokenize(s, 0, s.len(), 5);
        assert_eq!(t[1].range, Range::new(6, 12));
        assert_eq!(t[1].text(s), "Zaheer");
    }
}
