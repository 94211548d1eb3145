//! Where a paragraph's story text starts: after a dateline the reader found.
//!
//! Wire copy opens with a date line and a dateline ("date 2025-09-17
//! Islamabad, Sep 17 Pakistan, …"). The reader records them in the article's
//! metadata (the `date` and `place` fields and `Dateline` credits, each with
//! its evidence span). An attribution's content must not include them, so
//! the parser starts such a paragraph after the evidence spans that open it,
//! and after the short date or agency tag that completes the dateline.

use std::sync::LazyLock;

use regex::Regex;

use crate::article::{Article, CreditKind};
use crate::span::Range;

/// Completes a dateline after its place: ", Sep 17", "(IANS)", " — ".
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s,]*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?)?\s*(?:\([A-Z][A-Za-z]{1,9}\))?\s*[—–:-]?\s*",
    )
    .unwrap_or_else(|_| unreachable!("the dateline tail pattern is valid"))
});

/// The character offset where the story text of paragraph `para` starts:
/// after the dateline evidence spans that open it, else `para.start`.
pub fn story_start(article: &Article, para: Range) -> usize {
    let meta = &article.meta;
    let mut spans: Vec<Range> = meta
        .date
        .iter()
        .filter_map(|f| f.evidence.as_ref())
        .chain(meta.place.iter().filter_map(|f| f.evidence.as_ref()))
        .chain(
            meta.credits
                .iter()
                .filter(|c| c.kind == CreditKind::Dateline)
                .map(|c| &c.evidence),
        )
        .map(|s| Range::new(s.start, s.end))
        .filter(|r| r.start >= para.start && r.end <= para.end && r.start < r.end)
        .collect();
    if spans.is_empty() {
        return para.start;
    }
    spans.sort_by_key(|r| (r.start, r.end));
    let text = &article.text;
    let body = text.slice(para);
    // Character offsets of the paragraph's characters, to walk them.
    let chars: Vec<char> = body.chars().collect();
    let mut pos = para.start;
    let mut consumed = false;
    loop {
        // Separators between the pieces of a dateline.
        while pos < para.end
            && chars.get(pos - para.start).is_some_and(|c| {
                c.is_whitespace() || matches!(c, ',' | '(' | ')' | '—' | '–' | '-')
            })
        {
            pos += 1;
        }
        match spans.iter().find(|r| r.start <= pos && r.end > pos) {
            Some(r) => {
                pos = r.end;
                consumed = true;
            }
            None => break,
        }
    }
    if !consumed {
        return para.start;
    }
    // The dateline's date or agency tag after the last evidence span.
    let rest = text.slice(Range::new(pos, para.end));
    if let Some(m) = TAIL.find(rest) {
        pos += rest[..m.end()].chars().count();
    }
    // Keep the paragraph when nothing but the dateline is left.
    if pos >= para.end { para.start } else { pos }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Credit, Field};

    fn with_dateline(text: &str) -> Article {
        let mut a = Article::new("t", "t", text.to_string());
        let date = a.span(Range::new(1, 16));
        let place = a.span(Range::new(17, 26));
        let tail = a.span(Range::new(0, 1));
        a.meta.date = Some(Field::inferred(
            jiff::civil::date(2025, 9, 17),
            "date-line",
            date,
            0.9,
        ));
        a.meta.place = Some(Field::inferred(
            "Islamabad".to_string(),
            "dateline",
            place,
            0.9,
        ));
        a.meta.credits.push(Credit {
            kind: CreditKind::Tail,
            agency: None,
            evidence: tail,
        });
        a
    }

    #[test]
    fn skips_date_line_and_dateline() {
        let text = " date 2025-09-17 Islamabad, Sep 17 Pakistan poses a risk, a report cited.";
        let a = with_dateline(text);
        let start = story_start(&a, Range::new(0, a.text.char_len()));
        assert_eq!(&text[start..start + 8], "Pakistan");
    }

    #[test]
    fn other_paragraphs_are_untouched() {
        let text = " date 2025-09-17 Islamabad, Sep 17 Pakistan poses a risk.\n\nIt said so.";
        let a = with_dateline(text);
        let n = a.text.char_len();
        assert_eq!(story_start(&a, Range::new(n - 11, n)), n - 11);
    }
}
