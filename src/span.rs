//! Evidence spans: character offset ranges into an article's text.
//!
//! Every finding in citetrace points back into the text *as read* with a
//! [`Span`]. Offsets count Unicode scalar values (Rust `char`s), the same
//! convention as brat standoff and PolNeAR, and `text` always equals the
//! article text between `start` and `end`.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of character offsets, with the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First character (inclusive), counted in Unicode scalar values.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The covered text, exactly as in the article.
    pub text: String,
}

impl Span {
    /// Number of characters covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// True when the two spans share at least one character.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A character range without its text, for internal bookkeeping.
///
/// Turn it into a [`Span`] with [`crate::text::Text::span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Range {
    /// First character (inclusive).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

impl Range {
    /// Makes a range; `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Self {
        Range {
            start,
            end: end.max(start),
        }
    }

    /// Number of characters covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the range covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// True when the two ranges share at least one character.
    pub fn overlaps(&self, other: Range) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside this range.
    pub fn contains(&self, other: Range) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}
