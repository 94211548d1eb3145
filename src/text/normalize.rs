//! A normalised view of a text for matching, mapped back to original offsets.
//!
//! Matching must not care whether a quote was set with “curly” or "straight"
//! marks, whether a dash is — or --, how many spaces separate words, or case.
//! [`Normalized`] folds those differences and remembers, for every character
//! it produces, the character offset it came from — so a match found in the
//! normalised view is reported as a span of the original text. Offsets never
//! move.

use crate::span::Range;

/// A folded copy of a text plus the original offset of each of its characters.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The folded text (lowercase, straight quotes, `-` for dashes, single spaces).
    pub text: String,
    /// `origin[i]` is the original character offset of the `i`-th folded character;
    /// one extra entry holds the original end, so ranges map cleanly.
    pub origin: Vec<usize>,
}

/// Folds one character: quotes, apostrophes and dashes to their ASCII forms.
/// Returns `None` for characters that fold to whitespace.
pub fn fold_char(c: char) -> Option<char> {
    match c {
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' | '〝' | '〞' | '＂' => Some('"'),
        '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' | '‹' | '›' | '＇' => Some('\''),
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹘' | '﹣' | '－' => Some('-'),
        '\u{a0}' | '\u{2000}'..='\u{200b}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => None,
        c if c.is_whitespace() => None,
        c => Some(c),
    }
}

impl Normalized {
    /// Builds the normalised view of `text`, whose first character is at
    /// original offset `first_char`.
    pub fn new(text: &str, first_char: usize) -> Self {
        let mut out = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len() + 1);
        let mut pending_space = false;
        let mut ch = first_char;
        for c in text.chars() {
            match fold_char(c) {
                None => pending_space = !out.is_empty(),
                Some(f) => {
                    if pending_space {
                        out.push(' ');
                        origin.push(ch - 1);
                        pending_space = false;
                    }
                    for l in f.to_lowercase() {
                        out.push(l);
                        origin.push(ch);
                    }
                }
            }
            ch += 1;
        }
        origin.push(ch);
        Normalized { text: out, origin }
    }

    /// Maps a range of folded characters back to the original character range.
    pub fn original(&self, folded: Range) -> Range {
        let last = self.origin.len().saturating_sub(1);
        let start = self
            .origin
            .get(folded.start.min(last))
            .copied()
            .unwrap_or(0);
        let end = if folded.end == 0 {
            start
        } else {
            // End is one past the original char of the last folded char.
            self.origin
                .get(folded.end - 1)
                .map_or(start, |&o| o + 1)
                .max(start)
        };
        Range::new(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_dashes_space_and_case() {
        let n = Normalized::new("“Board  of Peace”—was", 0);
        assert_eq!(n.text, "\"board of peace\"-was");
    }

    #[test]
    fn maps_back_to_original_offsets() {
        let t = "He said:  “This CONDUCT undermines”";
        let n = Normalized::new(t, 0);
        let at = n.text.find("this conduct").unwrap();
        let folded_start = n.text[..at].chars().count();
        let r = n.original(Range::new(folded_start, folded_start + 12));
        let orig: String = t.chars().skip(r.start).take(r.len()).collect();
        assert_eq!(orig, "This CONDUCT");
    }
}
