//! Paragraph and sentence segmentation that survives news abbreviations.
//!
//! Paragraphs are separated by line breaks (wire copy uses one newline, web
//! copy a blank line; both count). Sentences end at `.`, `!` or `?` (optionally
//! followed by closing quotes or brackets) before whitespace and an upper-case
//! letter, digit or opening quote — unless the token before the stop is a known
//! abbreviation ("U.S.", "Dr.", "Jan.", "No. 10", "Lt.", initials like "J.")
//! or the stop is inside a number ("3.5"). Number-only abbreviations ("No.",
//! "Jan.", "Vol.") count only before a digit, and dotted capitals ("U.S.")
//! end a sentence when a typical sentence opener ("The", "It", ...) follows.
//! A quotation that spans sentences stays split into sentences (each
//! keeps its own quote marks), and a closing quote after a stop stays with
//! the sentence it closes; the attribution stage pairs quotation marks
//! across sentences and paragraphs itself.

use crate::span::Range;
use crate::text::Text;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "lt", "col", "maj", "capt",
    "cpt", "sgt", "adm", "cmdr", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "retd",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "vs", "v", "etc", "inc", "ltd", "co", "corp", "bros", "dept", "univ", "approx", "est",
    "fig", "vol", "ft", "ave", "blvd", "rd", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
    "d.c", "ph.d", "al", "op", "pp", "sec",
];

/// True when `word` (without its final stop, any case) is a known abbreviation
/// or an initial ("J", "U.S").
fn is_abbreviation(word: &str) -> bool {
    if ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
        return true;
    }
    // A single capital letter is an initial; dotted capitals ("U.S", "D.C") likewise.
    let mut letters = word.split('.');
    letters.all(|part| {
        let mut cs = part.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    })
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '›')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '„' | '‹')
}

/// Paragraph ranges (character offsets), trimmed of surrounding whitespace;
/// blank paragraphs are skipped.
pub fn paragraphs(text: &Text) -> Vec<Range> {
    paragraphs_of(text.as_str())
        .into_iter()
        .map(|p| p.range)
        .collect()
}

/// A paragraph found by [`paragraphs_of`]: where it is in characters and in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// Character range, trimmed of surrounding whitespace.
    pub range: Range,
    /// Byte offset of `range.start`.
    pub byte_start: usize,
    /// Byte offset of `range.end`.
    pub byte_end: usize,
}

/// The paragraphs of `s` as [`paragraphs`] finds them, with their byte
/// offsets too. Character offsets are counted line by line as it goes, so
/// callers need no character-index look-ups.
pub fn paragraphs_of(s: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut byte = 0;
    let mut ch = 0;
    for line in s.split_inclusive('\n') {
        let lead = line.len() - line.trim_start().len();
        let body = line.trim();
        // Each character of the line is counted once: leading space, body, the rest.
        let start = ch + line[..lead].chars().count();
        let end = start + body.chars().count();
        if !body.is_empty() {
            let byte_start = byte + lead;
            out.push(Paragraph {
                range: Range::new(start, end),
                byte_start,
                byte_end: byte_start + body.len(),
            });
        }
        ch = end + line[lead + body.len()..].chars().count();
        byte += line.len();
    }
    out
}

/// The character starting at byte `b` of `s` (`None` at the end, or when
/// `b` is not on a character boundary). ASCII, the common case, needs no
/// decoding.
pub(crate) fn char_at(s: &str, b: usize) -> Option<char> {
    match s.as_bytes().get(b) {
        Some(&x) if x.is_ascii() => Some(char::from(x)),
        Some(_) => s.get(b..)?.chars().next(),
        None => None,
    }
}

/// Sentence ranges within `para` (a character range of `text`), trimmed.
pub fn sentences_in(text: &Text, para: Range) -> Vec<Range> {
    let mut out = Vec::new();
    sentences_of(text.slice(para), para.start, &mut out);
    out
}

/// Appends to `out` the sentence ranges of the paragraph `s`, whose first
/// character is at character offset `c0`; trimmed, in character offsets.
pub fn sentences_of(s: &str, c0: usize, out: &mut Vec<Range>) {
    let mut bytes = Vec::new();
    sentence_bytes(s, &mut bytes);
    // Byte ranges to character ranges, counting characters as it goes.
    let (mut at_byte, mut at_ch) = (0, c0);
    for (a, b) in bytes {
        let start = at_ch + s.get(at_byte..a).map_or(0, |t| t.chars().count());
        let end = start + s.get(a..b).map_or(0, |t| t.chars().count());
        out.push(Range::new(start, end));
        (at_byte, at_ch) = (b, end);
    }
}

/// 1 in every byte of a `u64`.
const ONES: u64 = 0x0101_0101_0101_0101;
/// Bit 7 of every byte of a `u64`.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The first byte of `bytes` that may be a stop: `.`, `!`, `?` or 0xE2
/// (which starts `…`, and also curly quotes and dashes).
///
/// Eight bytes at a time: `w ^ (ONES * c)` has a zero byte where `w` has
/// byte `c`, and `(v - ONES) & !v & HIGH` flags zero bytes; the lowest flag
/// is always a true one (only bytes above a zero byte can be misflagged).
fn next_stop(bytes: &[u8]) -> Option<usize> {
    let zero_bytes = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let hits = zero_bytes(w ^ (ONES * u64::from(b'.')))
            | zero_bytes(w ^ (ONES * u64::from(b'!')))
            | zero_bytes(w ^ (ONES * u64::from(b'?')))
            | zero_bytes(w ^ (ONES * 0xE2));
        if hits != 0 {
            return Some(n + hits.trailing_zeros() as usize / 8);
        }
        n += 8;
    }
    bytes[n..]
        .iter()
        .position(|&x| matches!(x, b'.' | b'!' | b'?' | 0xE2))
        .map(|p| n + p)
}

/// Appends to `out` the sentences of the paragraph `s` as byte ranges
/// `(start, end)` of `s`, trimmed of whitespace.
///
/// One forward pass: it jumps from one possible stop to the next (`.`, `!`,
/// `?`, or a byte that may start `…`), decoding characters only around
/// them, so callers can reuse `out` across paragraphs.
#[allow(clippy::many_single_char_names)] // i, j, k: positions around a stop, as in the rule text
pub fn sentence_bytes(s: &str, out: &mut Vec<(usize, usize)>) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while let Some(skip) = next_stop(bytes.get(i..).unwrap_or_default()) {
        i += skip;
        let Some(c) = char_at(s, i) else {
            break;
        };
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += c.len_utf8();
            continue;
        }
        // Extend over repeated stops and closing quotes/brackets.
        let mut j = i + c.len_utf8();
        while let Some(cj) = char_at(s, j)
            && (matches!(cj, '.' | '!' | '?') || is_closing(cj))
        {
            j += cj.len_utf8();
        }
        // Need whitespace next, then a plausible sentence start.
        let mut k = j;
        while let Some(ck) = char_at(s, k)
            && ck.is_whitespace()
        {
            k += ck.len_utf8();
        }
        let boundary = if k == j {
            false
        } else if let Some(next) = char_at(s, k) {
            let starts = next.is_uppercase() || next.is_numeric() || is_opening(next);
            // `j == i + 1`: a single full stop, not "..." or ".”".
            starts && !(c == '.' && j == i + 1 && ends_with_abbreviation(s, i, k))
        } else {
            true
        };
        if boundary {
            push_trimmed(s, start, j, out);
            start = k;
            i = k;
        } else {
            i = j;
        }
    }
    push_trimmed(s, start, s.len(), out);
}

/// Abbreviations that only stand before a number ("No. 10", "Jan. 5",
/// "Vol. 3"); before a word their stop may end the sentence ("said no.").
const NUMBER_ABBREVIATIONS: &[&str] = &[
    "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "vol", "fig", "pp", "sec", "art",
];

/// Words that start sentences, after which "U.S." or "U.K." ends one:
/// "... moved to the U.S. The report ...".
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "But",
    "And",
    "However",
    "Its",
    "His",
    "Her",
    "Their",
    "There",
    "According",
    "Meanwhile",
    "Earlier",
    "Later",
    "If",
    "When",
    "While",
    "As",
];

/// True when the word ending just before the stop at byte `stop` of `s` is
/// an abbreviation that does not end the sentence, given the word starting
/// at byte `next`.
fn ends_with_abbreviation(s: &str, stop: usize, next: usize) -> bool {
    let before = s.get(..stop).unwrap_or("");
    let from = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(stop, |(b, _)| b);
    let word = &before[from..];
    if word.is_empty() {
        return false;
    }
    let rest = s.get(next..).unwrap_or("");
    let next_word = &rest[..rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len())];
    if NUMBER_ABBREVIATIONS
        .iter()
        .any(|a| a.eq_ignore_ascii_case(word))
    {
        return next_word.starts_with(|c: char| c.is_ascii_digit());
    }
    // Dotted capitals ("U.S", "U.K", "D.C") end a sentence before a sentence starter.
    if word.len() > 1 && word.contains('.') && SENTENCE_STARTERS.contains(&next_word) {
        return false;
    }
    is_abbreviation(word)
}

/// Longest sentence, in bytes: a stretch without sentence punctuation longer
/// than this (a scraped page's run-on navigation, hostile input) is cut into
/// pieces at the last whitespace before the limit, so no later stage works
/// on an unbounded sentence. Real news sentences stay far below it (the
/// longest of PolNeAR's 924 articles is under 1,000 bytes); see
/// `docs/robustness.md`.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// Pushes the sentence `s[from..to]`, trimmed of whitespace, unless empty;
/// one longer than [`MAX_SENTENCE_BYTES`] is pushed in pieces.
fn push_trimmed(s: &str, from: usize, to: usize, out: &mut Vec<(usize, usize)>) {
    let body = s.get(from..to).unwrap_or("");
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return;
    }
    let mut a = from + (body.len() - body.trim_start().len());
    let end = a + trimmed.len();
    while end - a > MAX_SENTENCE_BYTES {
        let piece = cut_point(s, a, a + MAX_SENTENCE_BYTES);
        let head = s.get(a..piece).unwrap_or("").trim_end();
        if !head.is_empty() {
            out.push((a, a + head.len()));
        }
        let rest = s.get(piece..end).unwrap_or("");
        a = piece + (rest.len() - rest.trim_start().len());
    }
    if a < end {
        out.push((a, end));
    }
}

/// Where to cut `s[from..limit]`: after its last whitespace in the second
/// half, else at the last character boundary at or before `limit`.
fn cut_point(s: &str, from: usize, limit: usize) -> usize {
    let mut at = limit.min(s.len());
    while at > from && !s.is_char_boundary(at) {
        at -= 1;
    }
    let half = from + (at - from) / 2;
    let window = s.get(half..at).unwrap_or("");
    match window.rfind(char::is_whitespace) {
        Some(k) if half + k > from => half + k,
        _ if at > from => at,
        // Cannot happen for a limit of at least four bytes; move on by one character.
        _ => from + s[from..].chars().next().map_or(1, char::len_utf8),
    }
}

/// All sentences of the text, paragraph by paragraph.
pub fn sentences(text: &Text) -> Vec<Range> {
    paragraphs(text)
        .into_iter()
        .flat_map(|p| sentences_in(text, p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<String> {
        let t = Text::new(s.to_string());
        sentences(&t)
            .into_iter()
            .map(|r| t.slice(r).to_string())
            .collect()
    }

    #[test]
    fn survives_news_abbreviations() {
        let got = split(
            "Lt. Gen. (Retd) Aamer met Dr. Naim in the U.S. on Jan. 5 at No. 10. It cost $3.5 million. J. Smith said so.",
        );
        assert_eq!(
            got,
            [
                "Lt. Gen. (Retd) Aamer met Dr. Naim in the U.S. on Jan. 5 at No. 10.",
                "It cost $3.5 million.",
                "J. Smith said so."
            ]
        );
    }

    #[test]
    fn brief_cases() {
        assert_eq!(
            split("Lt Gen (Retd) Muhammad Aamer met him on Aug. 5. He left. Dr Naim stayed."),
            [
                "Lt Gen (Retd) Muhammad Aamer met him on Aug. 5.",
                "He left.",
                "Dr Naim stayed."
            ]
        );
        assert_eq!(
            split(
                "Troops moved to the U.S. The report said so. Aid to the U.S. Army rose 4.5 per cent."
            ),
            [
                "Troops moved to the U.S.",
                "The report said so.",
                "Aid to the U.S. Army rose 4.5 per cent."
            ]
        );
        assert_eq!(
            split("He said no. No. 10 declined. J. R. R. Tolkien wrote it."),
            [
                "He said no.",
                "No. 10 declined.",
                "J. R. R. Tolkien wrote it."
            ]
        );
        assert_eq!(
            split("Prof. Khan, Mr. Lee and Gen. Asim Munir met at 10 a.m. on Monday. It rained."),
            [
                "Prof. Khan, Mr. Lee and Gen. Asim Munir met at 10 a.m. on Monday.",
                "It rained."
            ]
        );
    }

    #[test]
    fn quotes_spanning_sentences() {
        assert_eq!(
            split(
                "“Hamas's reach is evident. Along the years, it met ambassadors,” it noted. Next."
            ),
            [
                "“Hamas's reach is evident.",
                "Along the years, it met ambassadors,” it noted.",
                "Next."
            ]
        );
        assert_eq!(
            split("He said: \"Stop. Now!\" Then he left?! Yes…"),
            ["He said: \"Stop.", "Now!\"", "Then he left?!", "Yes…"]
        );
    }

    #[test]
    fn quote_closing_after_stop_stays_with_sentence() {
        let got = split("“It is genuine.” The report said so.");
        assert_eq!(got, ["“It is genuine.”", "The report said so."]);
    }

    #[test]
    fn next_stop_agrees_with_a_byte_loop() {
        let text = "It said. Really! Why? Wait… “Quote” — done.ab!cd?ef\u{e2}";
        let text = text.as_bytes();
        for start in 0..text.len() {
            for end in start..=text.len() {
                let b = &text[start..end];
                let want = b
                    .iter()
                    .position(|&x| matches!(x, b'.' | b'!' | b'?' | 0xE2));
                assert_eq!(next_stop(b), want, "{b:?}");
            }
        }
        for x in 0..=255u8 {
            let b = [b'a', b'a', x, b'.', b'a', b'a', b'a', b'a', b'a'];
            let want = if matches!(x, b'.' | b'!' | b'?' | 0xE2) {
                2
            } else {
                3
            };
            assert_eq!(next_stop(&b), Some(want));
        }
    }

    #[test]
    fn run_on_text_is_cut_into_bounded_sentences() {
        // No sentence punctuation at all: pieces of at most the limit, cut
        // at whitespace, covering every word in order.
        let text = "word said the officials ".repeat(2_000);
        let mut got = Vec::new();
        sentence_bytes(&text, &mut got);
        assert!(got.len() >= text.len() / MAX_SENTENCE_BYTES);
        let mut last = 0;
        for &(a, b) in &got {
            assert!(b - a <= MAX_SENTENCE_BYTES && a >= last, "{a}..{b}");
            assert!(!text[a..b].starts_with(' ') && !text[a..b].ends_with(' '));
            last = b;
        }
        let words: usize = got
            .iter()
            .map(|&(a, b)| text[a..b].split(' ').count())
            .sum();
        assert_eq!(words, 8_000);
        // Without whitespace (multi-byte characters): cut on character boundaries.
        let text = "é".repeat(10_000);
        let mut got = Vec::new();
        sentence_bytes(&text, &mut got);
        assert!(got.iter().all(|&(a, b)| b - a <= MAX_SENTENCE_BYTES
            && text.is_char_boundary(a)
            && text.is_char_boundary(b)));
        assert_eq!(got.iter().map(|&(a, b)| b - a).sum::<usize>(), text.len());
    }

    #[test]
    fn paragraphs_split_on_lines() {
        let t = Text::new("One.\n\n  Two.\nThree.".to_string());
        let p: Vec<&str> = paragraphs(&t).into_iter().map(|r| t.slice(r)).collect();
        assert_eq!(p, ["One.", "Two.", "Three."]);
    }
}
