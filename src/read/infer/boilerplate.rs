//! Lines that are not the story: "Also read: …", "Related: …", "Comments are
//! closed.", share/newsletter/copyright furniture, and short headline-like
//! lines (section headings) inside the body.
//!
//! Each is a whole line, marked and left in the text. A heading is a line of
//! at most [`HEADING_WORDS`] words with no terminal punctuation, between story
//! lines; the first line of the text is treated as a possible title instead
//! ([`title_line`]).

use std::sync::LazyLock;

use regex::Regex;

use super::{Line, Marks};
use crate::article::BoilerplateKind;

/// Longest line (in words) taken for a section heading.
pub const HEADING_WORDS: usize = 10;

/// Longest first line (in words) taken for a title.
pub const TITLE_WORDS: usize = 30;

static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:also\s+read|read\s+also|read\s+more|must\s+read|related(?:\s+(?:stories|articles|news|coverage|posts?))?|see\s+also|also\s+see|also\s+watch|watch|recommended(?:\s+stories)?|more\s+from\s+\S+|you\s+may\s+also\s+like|trending(?:\s+now)?|read\s+next|don't\s+miss|don’t\s+miss)\s*(?:[:|»›>\-–—]|$)")
        .expect("static regex")
});

static COMMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:comments\s+are\s+closed|leave\s+a\s+(?:comment|reply)|no\s+comments(?:\s+yet)?|\d+\s+comments?|post\s+a\s+comment|add\s+(?:a\s+)?comment|join\s+the\s+(?:conversation|discussion)|comments?|be\s+the\s+first\s+to\s+comment|you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment)(?-u:\b)[^\n]{0,80}$")
        .expect("static regex")
});

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:share\s+(?:this|on|via)|follow\s+us|subscribe(?-u:\b)|sign\s+up(?-u:\b)|click\s+here(?-u:\b)|advertisement$|sponsored$|copyright(?-u:\b)|©|\(c\)\s*\d{4}|all\s+rights\s+reserved|get\s+the\s+latest|download\s+the\s+\S+\s+app|we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies|accept\s+(?:all\s+)?cookies|tags?\s*:|filed\s+under\s*:|updated\s*:|photo\s*:|image\s*:|file\s+photo)")
        .expect("static regex")
});

/// Fixed formulas any news outlet uses inside a paragraph, each with the
/// reason it is not story text. They recur across outlets word for word, so
/// two articles sharing one say nothing about copying.
static FORMULAS: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    [
        (
            r"(?i)(?:has|had|have|with|carries|carried|its|overall)\s+(?:an?\s+|the\s+)?(?:overall\s+)?margin\s+of\s+(?:sampling\s+)?error|margin\s+of\s+(?:sampling\s+)?error\s+(?:is|was|of\s+(?:plus|\+|±))|credibility\s+interval\s+(?:of|is)",
            "formula: a poll's method statement (margin of error)",
        ),
        (
            r"(?i)may\s+not\s+be\s+(?:published|reproduced|copied),?\s+(?:broadcast|distributed)|all\s+rights\s+reserved|(?:©|copyright)\s*(?:\(c\)\s*)?(?:19|20)\d\d",
            "formula: a legal or copyright line",
        ),
        (
            r"(?i)(?:follow|like)\s+(?:us|him|her|them|\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?)\s+on\s+(?:twitter|facebook|instagram)|(?:sign\s+up|subscribe)\s+(?:for|to)\s+(?:our|the|this|his|her)\s+(?:\S+\s+){0,3}?(?:newsletter|podcast|daily\s+update)|(?:click|tap)\s+here\s+to\s+(?:sign|subscribe|receive|get|share|read)|share\s+(?:this|your\s+thoughts)\s+(?:on|with|below)",
            "formula: a share, follow or newsletter prompt",
        ),
    ]
    .into_iter()
    .map(|(re, why)| (Regex::new(re).expect("static regex"), why))
    .collect()
});

/// Longest sentence (bytes) that can be a formula: past this it is story text.
const FORMULA_MAX_BYTES: usize = 400;

/// The reason a sentence is a fixed formula, if it is one.
pub fn formula_reason(sentence: &str) -> Option<&'static str> {
    if sentence.len() > FORMULA_MAX_BYTES {
        return None;
    }
    FORMULAS
        .iter()
        .find(|(re, _)| re.is_match(sentence))
        .map(|(_, why)| *why)
}

/// Marks the sentences of story lines that are fixed formulas (see
/// [`formula_reason`]); lines already marked are left alone.
pub fn find_formulas(text: &str, lines: &[Line], marks: &mut Marks) {
    let mut sentences = Vec::new();
    for line in lines {
        let s = line.text(text);
        // Embedded posts (kept as markup) are someone's words, not furniture.
        if marks.overlaps(line.start, line.end) || s.starts_with('<') || !may_hold_formula(s) {
            continue;
        }
        sentences.clear();
        crate::text::segment::sentence_bytes(s, &mut sentences);
        for &(a, b) in &sentences {
            if formula_reason(&s[a..b]).is_some() {
                marks.mark(BoilerplateKind::Formula, line.start + a, line.start + b);
            }
        }
    }
}

/// A word every formula contains: one scan of the line (the regex crate
/// searches all of them at once) before the formula patterns run.
static FORMULA_KEYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"argin of|interval|rights reserved|broadcast|pyright|©|witter|acebook|nstagram|ewsletter|odcast|aily update|here to|hare th|hare yo")
        .expect("static regex")
});

/// Cheap pre-test for [`find_formulas`].
fn may_hold_formula(line: &str) -> bool {
    FORMULA_KEYS.is_match(line)
}

/// First words (lower case) of the related-links, comment and furniture
/// patterns: a line starting with any other word skips the regexes, which
/// keeps the per-line cost to a few byte comparisons.
const FIRST_WORDS: &[&str] = &[
    "also",
    "read",
    "must",
    "related",
    "see",
    "watch",
    "recommended",
    "more",
    "you",
    "trending",
    "don't",
    "don",
    "comments",
    "comment",
    "leave",
    "no",
    "post",
    "add",
    "join",
    "be",
    "share",
    "follow",
    "subscribe",
    "sign",
    "click",
    "advertisement",
    "sponsored",
    "copyright",
    "all",
    "get",
    "download",
    "we",
    "this",
    "accept",
    "tag",
    "tags",
    "filed",
    "updated",
    "photo",
    "image",
    "file",
    "c",
];

/// Cheap test whether `line` could match one of the furniture patterns.
fn may_be_furniture(line: &str) -> bool {
    let b = line.as_bytes();
    match b.first() {
        None => false,
        Some(c) if c.is_ascii_digit() || !c.is_ascii() => true,
        Some(b'(') => true,
        Some(_) => {
            let end = b
                .iter()
                .position(|c| !(c.is_ascii_alphabetic() || *c == b'\''))
                .unwrap_or(b.len())
                .min(16);
            let word = line[..end].to_ascii_lowercase();
            FIRST_WORDS.contains(&word.as_str())
        }
    }
}

/// True when the line ends like a sentence or a quotation.
fn has_terminal_punctuation(s: &str) -> bool {
    s.chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | ',' | '"' | '”' | '’' | '\'' | ')' | ']' | '…' | '»'
        )
    })
}

/// Number of whitespace-separated words, counting at most `cap + 1`.
fn words_up_to(s: &str, cap: usize) -> usize {
    s.split_whitespace().take(cap + 1).count()
}

/// True for a short line that reads like a heading.
fn is_heading(s: &str) -> bool {
    !has_terminal_punctuation(s)
        && s.chars().any(char::is_alphabetic)
        && words_up_to(s, HEADING_WORDS) <= HEADING_WORDS
}

/// Marks related-links, comment, furniture and heading lines.
pub fn find(text: &str, lines: &[Line], marks: &mut Marks) {
    for (i, line) in lines.iter().enumerate() {
        let s = line.text(text);
        if s.len() > 400 || marks.overlaps(line.start, line.end) {
            continue;
        }
        let kind = if s.len() <= 400 && may_be_furniture(s) && RELATED.is_match(s) {
            Some(BoilerplateKind::Related)
        } else if s.len() <= 160 && may_be_furniture(s) && COMMENTS.is_match(s) {
            Some(BoilerplateKind::Comments)
        } else if s.len() <= 200 && may_be_furniture(s) && FURNITURE.is_match(s) {
            Some(BoilerplateKind::Furniture)
        } else if i > 0 && i + 1 < lines.len() && s.len() <= 120 && is_heading(s) {
            Some(BoilerplateKind::Heading)
        } else {
            None
        };
        if let Some(kind) = kind {
            marks.mark(kind, line.start, line.end);
        }
    }
}

/// The first line, when it reads like a headline (no terminal punctuation,
/// at most [`TITLE_WORDS`] words, or "Report: …"-style with a colon early
/// on) and more text follows; `None` otherwise.
pub fn title_line(text: &str, lines: &[Line], marks: &Marks) -> Option<(usize, usize)> {
    if lines.len() < 2 {
        return None;
    }
    let line = lines[0];
    if marks.overlaps(line.start, line.end) {
        return None;
    }
    let s = line.text(text);
    let words = words_up_to(s, TITLE_WORDS);
    let headline = !has_terminal_punctuation(s) || s.ends_with('?') || s.ends_with('!');
    (headline && (2..=TITLE_WORDS).contains(&words) && s.len() <= 300)
        .then_some((line.start, line.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::infer::lines;

    fn marked(text: &str) -> Vec<(BoilerplateKind, String)> {
        let mut marks = Marks::default();
        find(text, &lines(text), &mut marks);
        marks
            .boilerplate
            .iter()
            .map(|&(k, s, e)| (k, text[s..e].to_string()))
            .collect()
    }

    #[test]
    fn related_comments_headings() {
        let t = "First line of story.\n\nnew base of hamas\n\nBody sentence one, long enough.\n\
                 Also read: Nature’s havoc in Afghanistan… Many people died.\n\
                 Share this:\nMore story text.\nComments are closed.";
        assert_eq!(
            marked(t),
            [
                (BoilerplateKind::Heading, "new base of hamas".to_string()),
                (
                    BoilerplateKind::Related,
                    "Also read: Nature’s havoc in Afghanistan… Many people died.".to_string()
                ),
                (BoilerplateKind::Furniture, "Share this:".to_string()),
                (
                    BoilerplateKind::Comments,
                    "Comments are closed.".to_string()
                ),
            ]
        );
    }

    #[test]
    fn formulas_inside_paragraphs() {
        let t = "Clinton leads by five points. The survey of 1,000 voters has a margin of sampling error of plus or minus three percentage points. Trump trails.\n\
                 Follow Jane Doe on Twitter.\nThe error was his, he said.";
        let mut marks = Marks::default();
        find_formulas(t, &lines(t), &mut marks);
        let got: Vec<&str> = marks
            .boilerplate
            .iter()
            .map(|&(_, s, e)| &t[s..e])
            .collect();
        assert_eq!(
            got,
            [
                "The survey of 1,000 voters has a margin of sampling error of plus or minus three percentage points.",
                "Follow Jane Doe on Twitter."
            ]
        );
        assert!(
            formula_reason(
                "This material may not be published, broadcast, rewritten or redistributed."
            )
            .is_some()
        );
        assert!(formula_reason("He made an error in the debate.").is_none());
    }

    #[test]
    fn story_lines_are_not_headings() {
        let t = "Lede.\n“This conduct undermines Western efforts to isolate Hamas as an ally,” it added\nEnd.";
        assert!(marked(t).is_empty());
    }

    #[test]
    fn headline_first_line_is_a_title() {
        let t = "Report: Pakistan is becoming the new base of Hamas\n\nStory.";
        let ls = lines(t);
        let (s, e) = title_line(t, &ls, &Marks::default()).unwrap();
        assert_eq!(
            &t[s..e],
            "Report: Pakistan is becoming the new base of Hamas"
        );
        let t = "Washington, Jan 22 (IANS) The threat is genuine.\nMore.";
        assert_eq!(title_line(t, &lines(t), &Marks::default()), None);
    }
}
