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
    let lower = word.to_ascii_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
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
    let s = text.as_str();
    let mut out = Vec::new();
    let mut byte = 0;
    for line in s.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let body = line.trim();
        if !body.is_empty() {
            let start = byte + trimmed_start;
            let end = start + body.len();
            out.push(text.range_of_bytes(start, end));
        }
        byte += line.len();
    }
    out
}

/// Sentence ranges within `para` (a character range of `text`), trimmed.
#[allow(clippy::many_single_char_names)]
pub fn sentences_in(text: &Text, para: Range) -> Vec<Range> {
    let s = text.slice(para);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0usize; // index into chars
    let mut i = 0usize;
    while i < chars.len() {
        let c = chars[i].1;
        if matches!(c, '.' | '!' | '?' | '…') {
            // Extend over repeated stops and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len()
                && (matches!(chars[j].1, '.' | '!' | '?') || is_closing(chars[j].1))
            {
                j += 1;
            }
            // Need whitespace next, then a plausible sentence start.
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let boundary = if k == j {
                false
            } else if k >= chars.len() {
                true
            } else {
                let next = chars[k].1;
                let starts = next.is_uppercase() || next.is_numeric() || is_opening(next);
                starts && !(c == '.' && j == i + 1 && ends_with_abbreviation(s, &chars, i, k))
            };
            if boundary {
                push_trimmed(text, para, &chars, start, j, &mut out);
                start = k;
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, para, &chars, start, chars.len(), &mut out);
    out
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

/// True when the word ending just before the stop at `chars[stop]` is an
/// abbreviation that does not end the sentence, given the word starting at
/// `chars[next]`.
fn ends_with_abbreviation(s: &str, chars: &[(usize, char)], stop: usize, next: usize) -> bool {
    let end = chars[stop].0;
    let mut b = stop;
    while b > 0 && (chars[b - 1].1.is_alphanumeric() || chars[b - 1].1 == '.') {
        b -= 1;
    }
    let word = &s[chars.get(b).map_or(end, |c| c.0)..end];
    if word.is_empty() {
        return false;
    }
    let next_word: String = chars[next.min(chars.len())..]
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let lower = word.to_ascii_lowercase();
    if NUMBER_ABBREVIATIONS.contains(&lower.as_str()) {
        return next_word.starts_with(|c: char| c.is_ascii_digit());
    }
    // Dotted capitals ("U.S", "U.K", "D.C") end a sentence before a sentence starter.
    if word.len() > 1 && word.contains('.') && SENTENCE_STARTERS.contains(&next_word.as_str()) {
        return false;
    }
    is_abbreviation(word)
}

fn push_trimmed(
    text: &Text,
    para: Range,
    chars: &[(usize, char)],
    from: usize,
    to: usize,
    out: &mut Vec<Range>,
) {
    let mut a = from;
    let mut b = to;
    while a < b && chars[a].1.is_whitespace() {
        a += 1;
    }
    while b > a && chars[b - 1].1.is_whitespace() {
        b -= 1;
    }
    if a < b {
        let _ = text;
        out.push(Range::new(para.start + a, para.start + b));
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
    fn paragraphs_split_on_lines() {
        let t = Text::new("One.\n\n  Two.\nThree.".to_string());
        let p: Vec<&str> = paragraphs(&t).into_iter().map(|r| t.slice(r)).collect();
        assert_eq!(p, ["One.", "Two.", "Three."]);
    }
}
