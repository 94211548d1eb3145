//! Conversion between character offsets and byte offsets.
//!
//! Spans are in characters (brat's convention) but Rust strings are indexed by
//! bytes. [`CharIndex`] converts both ways in O(1) for ASCII text and in a
//! short bounded walk otherwise, using a checkpoint every [`STRIDE`]
//! characters (about 1.6% memory overhead instead of 4 bytes per character).

/// Bit 7 of every byte of a `u64`.
const HIGH: u64 = 0x8080_8080_8080_8080;

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
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut chars = 0usize;
        let mut at = 0usize;
        // Count characters by their first bytes (everything but UTF-8
        // continuation bytes 0b10xx_xxxx), eight bytes at a time; only the
        // words where a checkpoint falls are walked byte by byte.
        while at + 8 <= bytes.len() {
            let mut word = [0u8; 8];
            word.copy_from_slice(&bytes[at..at + 8]);
            let w = u64::from_le_bytes(word);
            let continuation = (w & HIGH) & !((w << 1) & HIGH);
            // Bit 7 of each byte that starts a character.
            let start_bits = !continuation & HIGH;
            // Sum of the 0/1 bytes by multiplication (no POPCNT on baseline x86-64).
            let starts = ((start_bits >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
            let next_checkpoint = chars.div_ceil(STRIDE) * STRIDE;
            if next_checkpoint < chars + starts {
                // The checkpoint is the k-th character start in this word
                // (at most one: a word holds at most 8 < STRIDE characters).
                let mut bits = start_bits;
                for _ in 0..next_checkpoint - chars {
                    bits &= bits - 1;
                }
                let byte = at + (bits.trailing_zeros() / 8) as usize;
                checkpoints.push(u32::try_from(byte).unwrap_or(u32::MAX));
            }
            chars += starts;
            at += 8;
        }
        for (i, &b) in bytes[at..].iter().enumerate() {
            if b & 0xC0 != 0x80 {
                if chars % STRIDE == 0 {
                    checkpoints.push(u32::try_from(at + i).unwrap_or(u32::MAX));
                }
                chars += 1;
            }
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

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn index_agrees_with_char_indices(s in "(\\PC|[a-z ]{1,9}){0,400}") {
            let ix = CharIndex::new(&s);
            prop_assert_eq!(ix.char_len(), s.chars().count());
            for (ch, (byte, _)) in s.char_indices().enumerate() {
                prop_assert_eq!(ix.byte_of(&s, ch), byte);
                prop_assert_eq!(ix.char_of(&s, byte), ch);
            }
        }
    }
}
