//! Tokens of one paragraph: words and punctuation with character offsets.
//!
//! The rules work on tokens, so each token keeps its character range in the
//! article (for spans) and its byte range (for cheap comparisons). Quote
//! marks are classified here as opening, closing or apostrophe by context, so
//! "shouldn‘t" and "’90s" are never taken for quotation marks.

#![allow(clippy::many_single_char_names)] // token indices: s, e (sentence), a, b (ranges), p (paragraph)

use crate::span::Range;
use crate::text::segment::char_at;

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

/// Bit 7 of every byte of a `u64`.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// 1 in every byte of a `u64`.
const ONES: u64 = 0x0101_0101_0101_0101;

/// Bit 7 set in each byte of `w` that is an ASCII letter or digit.
///
/// Eight bytes at once ("SWAR"): on the low seven bits of each byte, adding
/// `0x80 - lo` sets bit 7 exactly when the byte is at least `lo`, and no sum
/// carries into the next byte. Letters are tested case-folded (`| 0x20`).
fn alnum_bytes(w: u64) -> u64 {
    let low = w & !HIGH;
    let at_least = |v: u64, lo: u8| v + ONES * u64::from(0x80 - lo);
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    let folded = low | (ONES * 0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    (digit | letter) & !w & HIGH
}

/// Length of the run of ASCII letters and digits at the start of `bytes`,
/// eight bytes at a time.
fn alnum_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let ok = alnum_bytes(u64::from_le_bytes(word));
        if ok != HIGH {
            // The first byte (lowest in little-endian) without bit 7 set.
            return n + (!ok & HIGH).trailing_zeros() as usize / 8;
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .take_while(|x| x.is_ascii_alphanumeric())
        .count()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn joins(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '-' | '‐' | '.' | '&')
}

/// Tokenises `text[b0..b1]`, whose first character is at character offset `c0`.
///
/// One forward pass over the characters, decoded in place: `b` is the byte
/// offset in the paragraph and `ch` the matching character offset in the
/// article, advanced together, so no per-paragraph character table is built.
/// Quote classification looks one character back (`prev`) and one ahead.
pub fn tokenize(text: &str, b0: usize, b1: usize, c0: usize) -> Vec<Tok> {
    let Some(s) = text.get(b0..b1) else {
        return Vec::new();
    };
    // News prose averages well over five bytes per token.
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let bytes = s.as_bytes();
    let mut b = 0;
    let mut ch = c0;
    let mut prev: Option<char> = None;
    while let Some(c) = char_at(s, b) {
        if c.is_whitespace() {
            b += c.len_utf8();
            ch += 1;
            prev = Some(c);
            continue;
        }
        if is_word_char(c) {
            let (start_b, start_ch) = (b, ch);
            // The word's last character and the one before it (`None` while
            // the word is a single character).
            let mut last = c;
            let mut before_last: Option<char> = None;
            b += c.len_utf8();
            ch += 1;
            loop {
                // Fast path: a run of ASCII letters and digits.
                let run = alnum_run(bytes.get(b..).unwrap_or_default());
                if run > 0 {
                    before_last = Some(if run > 1 {
                        char::from(bytes[b + run - 2])
                    } else {
                        last
                    });
                    last = char::from(bytes[b + run - 1]);
                    b += run;
                    ch += run;
                }
                let Some(cj) = char_at(s, b) else {
                    break;
                };
                if is_word_char(cj) {
                    before_last = Some(last);
                    last = cj;
                    b += cj.len_utf8();
                    ch += 1;
                    continue;
                }
                // A joiner counts only with a word character after it.
                let Some(after) =
                    char_at(s, b + cj.len_utf8()).filter(|&a| joins(cj) && is_word_char(a))
                else {
                    break;
                };
                // '.' joins digits ("3.5") and dotted capitals ("U.S").
                if cj == '.' {
                    let digits = last.is_numeric() && after.is_numeric();
                    let initials = last.is_uppercase()
                        && after.is_uppercase()
                        && before_last.is_none_or(|x| x == '.');
                    if !(digits || initials) {
                        break;
                    }
                }
                before_last = Some(cj);
                last = after;
                b += cj.len_utf8() + after.len_utf8();
                ch += 2;
            }
            out.push(Tok {
                range: Range::new(start_ch, ch),
                b0: b0 + start_b,
                b1: b0 + b,
                kind: Kind::Word,
            });
            prev = Some(last);
            continue;
        }
        let next = char_at(s, b + c.len_utf8());
        // Two apostrophes are a double quotation mark (''…,'' in the New
        // York Times' archive style): one token of two characters.
        if c == '\'' && next == Some('\'') {
            let after = char_at(s, b + 2);
            if let Some(kind) = classify('"', prev, after) {
                out.push(Tok {
                    range: Range::new(ch, ch + 2),
                    b0: b0 + b,
                    b1: b0 + b + 2,
                    kind,
                });
            }
            prev = Some('"');
            b += 2;
            ch += 2;
            continue;
        }
        if let Some(kind) = classify(c, prev, next) {
            out.push(Tok {
                range: Range::new(ch, ch + 1),
                b0: b0 + b,
                b1: b0 + b + c.len_utf8(),
                kind,
            });
        }
        prev = Some(c);
        b += c.len_utf8();
        ch += 1;
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
    fn two_apostrophes_are_a_double_quote() {
        let k = kinds("''It is over,'' he said.");
        assert_eq!(k[0], ("''".to_string(), Kind::Open(Family::Double)));
        assert!(k.contains(&("''".to_string(), Kind::Close(Family::Double))));
        assert!(!k.iter().any(|(t, _)| t == "'"), "{k:?}");
    }

    #[test]
    fn straight_quotes_by_context() {
        let k = kinds("he said \"yes,\" then");
        assert!(k.contains(&("\"".to_string(), Kind::Open(Family::Double))));
        assert!(k.contains(&("\"".to_string(), Kind::Close(Family::Double))));
    }

    #[test]
    fn alnum_run_agrees_with_a_byte_loop() {
        let text = "Zaheer9 met-the U.S. ’90s [az`{@AZ09/:] é Qaddoumi’s word.\u{7f}\u{80}";
        for start in 0..text.len() {
            let bytes = &text.as_bytes()[start..];
            for end in 0..=bytes.len() {
                let b = &bytes[..end];
                let want = b.iter().take_while(|x| x.is_ascii_alphanumeric()).count();
                assert_eq!(alnum_run(b), want, "{b:?}");
            }
        }
        for x in 0..=255u8 {
            let b = [b'a', x, b'a', b'a', b'a', b'a', b'a', b'a', b'a'];
            assert_eq!(alnum_run(&b), if x.is_ascii_alphanumeric() { 9 } else { 1 });
        }
    }

    #[test]
    fn offsets_are_characters() {
        let s = "“Zaheer” met";
        let t = tokenize(s, 0, s.len(), 5);
        assert_eq!(t[1].range, Range::new(6, 12));
        assert_eq!(t[1].text(s), "Zaheer");
    }
}
