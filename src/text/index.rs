//! Conversion between character offsets and byte offsets.
//!
//! Spans are in characters (brat's convention) but Rust strings are indexed by
//! bytes. [`CharIndex`] converts both ways in O(1) for ASCII text and in a
//! short bounded walk otherwise, using a checkpoint every [`STRIDE`]
//! characters (about 1.6% memory overhead instead of 4 bytes per character).

/// Characters between two checkpoints.
pub const STRIDE: usize = 64;

/// Maps character offsets to byte offsets and back for one string.
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// Total characters.
    chars: usize,
    /// Total bytes.
    bytes: usize,
    /// Byte offset of every `STRIDE`-th character; empty when the text is ASCII.
    checkpoints: Vec<u32>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex {
                chars: text.len(),
                bytes: text.len(),
                checkpoints: Vec::new(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut chars = 0;
        for (byte, _) in text.char_indices() {
            if chars % STRIDE == 0 {
                checkpoints.push(u32::try_from(byte).unwrap_or(u32::MAX));
            }
            chars += 1;
        }
        CharIndex {
            chars,
            bytes: text.len(),
            checkpoints,
        }
    }

    /// Number of characters in the text.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// True when the text is ASCII (offsets in bytes and chars coincide).
    pub fn is_ascii(&self) -> bool {
        self.checkpoints.is_empty()
    }

    /// Byte offset of character `ch` in `text` (clamped to the end).
    pub fn byte_of(&self, text: &str, ch: usize) -> usize {
        if ch >= self.chars {
            return self.bytes;
        }
        if self.is_ascii() {
            return ch;
        }
        let block = ch / STRIDE;
        let base = self.checkpoints[block] as usize;
        let skip = ch - block * STRIDE;
        text[base..]
            .char_indices()
            .nth(skip)
            .map_or(self.bytes, |(b, _)| base + b)
    }

    /// Character offset of byte `byte` in `text`; a byte inside a character
    /// maps to that character.
    pub fn char_of(&self, text: &str, byte: usize) -> usize {
        if byte >= self.bytes {
            return self.chars;
        }
        if self.is_ascii() {
            return byte;
        }
        let block = self
            .checkpoints
            .partition_point(|&b| (b as usize) <= byte)
            .saturating_sub(1);
        let base = self.checkpoints[block] as usize;
        let mut ch = block * STRIDE;
        for (b, _) in text[base..].char_indices() {
            if base + b >= byte {
                if base + b > byte {
                    ch -= 1;
                }
                return ch;
            }
            ch += 1;
        }
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let t = "hello world";
        let ix = CharIndex::new(t);
        assert_eq!(ix.byte_of(t, 4), 4);
        assert_eq!(ix.char_of(t, 4), 4);
        assert_eq!(ix.char_len(), 11);
    }

    #[test]
    fn round_trips_on_multibyte_text() {
        let t: String = "“Zaheer” — Qaddoumi’s “rally”. ".repeat(20);
        let ix = CharIndex::new(&t);
        for (ch, (byte, _)) in t.char_indices().enumerate() {
            assert_eq!(ix.byte_of(&t, ch), byte, "char {ch}");
            assert_eq!(ix.char_of(&t, byte), ch, "byte {byte}");
        }
        assert_eq!(ix.byte_of(&t, ix.char_len()), t.len());
        assert_eq!(ix.char_of(&t, t.len()), ix.char_len());
    }
}
