//! The text model: an article's text exactly as decoded, addressed in characters.
//!
//! [`Text`] owns the string and a [`CharIndex`] so any stage can turn a
//! character range into a [`Span`] cheaply. Matching happens on a
//! [`normalize`]d view whose every character maps back to an original offset;
//! [`segment`] finds paragraphs and sentences.

pub mod calendar;
pub mod index;
pub mod normalize;
pub mod printable;
pub mod segment;
pub mod stopwords;
pub mod words;

pub use index::CharIndex;

use crate::span::{Range, Span};

/// An article's text as decoded, with character-offset access.
#[derive(Debug, Clone, Default)]
pub struct Text {
    string: String,
    index: CharIndex,
}

impl Text {
    /// Wraps a decoded string (a leading BOM must already be removed).
    pub fn new(string: String) -> Self {
        let index = CharIndex::new(&string);
        Text { string, index }
    }

    /// The whole text.
    pub fn as_str(&self) -> &str {
        &self.string
    }

    /// Length in characters.
    pub fn char_len(&self) -> usize {
        self.index.char_len()
    }

    /// The character/byte index.
    pub fn index(&self) -> &CharIndex {
        &self.index
    }

    /// Byte offset of character offset `ch` (clamped to the end).
    pub fn byte_of(&self, ch: usize) -> usize {
        self.index.byte_of(&self.string, ch)
    }

    /// Character offset of byte offset `byte`.
    pub fn char_of(&self, byte: usize) -> usize {
        self.index.char_of(&self.string, byte)
    }

    /// The text of a character range (clamped to the text).
    pub fn slice(&self, range: Range) -> &str {
        let start = self.byte_of(range.start);
        let end = self.byte_of(range.end).max(start);
        &self.string[start..end]
    }

    /// A [`Span`] for a character range, clamped to the text.
    pub fn span(&self, range: Range) -> Span {
        let end = range.end.min(self.char_len());
        let start = range.start.min(end);
        Span {
            start,
            end,
            text: self.slice(Range { start, end }).to_string(),
        }
    }

    /// Converts a byte range of this text into a character range.
    pub fn range_of_bytes(&self, start: usize, end: usize) -> Range {
        Range::new(self.char_of(start), self.char_of(end))
    }
}
