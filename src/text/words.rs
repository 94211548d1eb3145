//! Word tokens with their character ranges.
//!
//! A word is a maximal run of alphanumeric characters, joined across inner
//! apostrophes and hyphens ("Hamas's", "Pakistan-occupied", "3.5" stays one
//! token too). Every token keeps its character range so matches on words can
//! be reported as spans.

use crate::span::Range;

/// One word of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Its character range in the text.
    pub range: Range,
    /// Its byte offset in the text.
    pub byte: usize,
}

/// True for characters that join two word parts ("Hamas's", "e-Taiba", "3.5").
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | ',')
}

/// Iterates over the words of `text`, counting character offsets from `first_char`
/// (the character offset of `text`'s first byte in the article).
pub fn words(text: &str, first_char: usize) -> impl Iterator<Item = Word<'_>> {
    let mut chars = text.char_indices().peekable();
    let mut ch = first_char;
    std::iter::from_fn(move || {
        // Skip to the next alphanumeric.
        loop {
            let &(_, c) = chars.peek()?;
            if c.is_alphanumeric() {
                break;
            }
            chars.next();
            ch += 1;
        }
        let (start_byte, _) = *chars.peek()?;
        let start_ch = ch;
        let mut end_byte = start_byte;
        let mut end_ch = ch;
        while let Some(&(b, c)) = chars.peek() {
            if c.is_alphanumeric() {
                chars.next();
                ch += 1;
                end_byte = b + c.len_utf8();
                end_ch = ch;
            } else if is_joiner(c) {
                // A joiner counts only when a letter or digit follows it, and
                // '.'/',' only between digits ("3.5", "166,000").
                let mut ahead = chars.clone();
                ahead.next();
                let next = ahead.peek().map(|&(_, n)| n);
                let prev_digit = text[..b].chars().next_back().is_some_and(char::is_numeric);
                let ok = match (c, next) {
                    ('.' | ',', Some(n)) => prev_digit && n.is_numeric(),
                    (_, Some(n)) => n.is_alphanumeric(),
                    _ => false,
                };
                if !ok {
                    break;
                }
                chars.next();
                ch += 1;
            } else {
                break;
            }
        }
        Some(Word {
            text: &text[start_byte..end_byte],
            range: Range::new(start_ch, end_ch),
            byte: start_byte,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_apostrophes_hyphens_and_decimals() {
        let got: Vec<&str> = words(
            "Hamas's “Pakistan-occupied” 3.5% of 166,000 U.S. troops.",
            0,
        )
        .map(|w| w.text)
        .collect();
        assert_eq!(
            got,
            [
                "Hamas's",
                "Pakistan-occupied",
                "3.5",
                "of",
                "166,000",
                "U",
                "S",
                "troops"
            ]
        );
    }

    #[test]
    fn ranges_are_character_offsets() {
        let t = "“Zaheer” met";
        let w: Vec<_> = words(t, 10).collect();
        assert_eq!(w[0].range, Range::new(11, 17));
        assert_eq!(w[1].range, Range::new(19, 22));
    }
}
