//! Author and affiliation lines.
//!
//! Opinion pieces and think-tank articles end with a biography line: "Anna
//! Mahjar-Barducci is a Senior Research Fellow at MEMRI." — the author, and
//! the organisation after "at"/"of"/"with". News copy may open with a byline:
//! "By Jane Doe". Biography lines are looked for in the last lines, bylines in
//! the first; both are marked as boilerplate (author bio / furniture).

use std::sync::LazyLock;

use regex::Regex;

use super::{Line, Marks};
use crate::article::BoilerplateKind;

/// How many lines at either end are searched.
const EDGE_LINES: usize = 3;

/// A personal name: two to five capitalised words, particles allowed.
const NAME: &str = r"\p{Lu}[\p{L}'’\-]+(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|de|van|von|der|al|el|bin|ibn|da|du|del|la|le)){1,4}";

static BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<name>{NAME})\s+is\s+(?:a|an|the)\s+(?P<role>[^.\n]{{2,120}}?)\s+(?:at|of|with|for)\s+(?:the\s+)?(?P<org>\p{{Lu}}[^\n]{{0,120}}?)\.?\s*$"
    ))
    .expect("static regex")
});

/// Job words that make "X is a ... at Y" a biography, not a news sentence.
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:fellow|research|researcher|professor|lecturer|analyst|journalist|editor|writer|columnist|author|scholar|director|correspondent|contributor|expert|consultant|specialist|student|candidate|associate|strategist|commentator|reporter|economist|historian|lawyer|scientist)\b")
        .expect("static regex")
});

static BIO_NO_ORG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<name>{NAME})\s+is\s+(?:a|an)\s+(?:[\p{{L}}\-]+\s+){{0,4}}(?:journalist|writer|reporter|correspondent|analyst|columnist|editor|fellow|researcher|professor|contributor|author|commentator)\b[^\n]{{0,120}}$"
    ))
    .expect("static regex")
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?i:by|written\s+by)\s+(?P<name>{NAME})(?:\s*[,|]\s*(?P<org>[^\n]{{1,80}}))?\s*$"
    ))
    .expect("static regex")
});

/// An author found, as byte offsets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    /// Byte range of the name.
    pub name: (usize, usize),
    /// Byte range of the organisation, if stated.
    pub org: Option<(usize, usize)>,
    /// The rule: `"author-bio"` or `"byline"`.
    pub via: &'static str,
    /// The whole line.
    pub start: usize,
    /// End of the line.
    pub end: usize,
    /// How sure the rule is.
    pub confidence: f32,
}

/// Finds an author biography line at the end or a byline at the start.
pub fn find(text: &str, lines: &[Line], marks: &mut Marks) -> Option<Found> {
    let tail_from = lines.len().saturating_sub(EDGE_LINES);
    for line in lines[tail_from..].iter().rev() {
        let s = line.text(text);
        if s.len() > 300 || marks.overlaps(line.start, line.end) {
            continue;
        }
        if let Some(c) = BIO.captures(s) {
            let (Some(n), Some(o)) = (c.name("name"), c.name("org")) else {
                continue;
            };
            let role = c.name("role").map_or("", |r| r.as_str());
            if !ROLE.is_match(role) {
                continue;
            }
            let org_text = o.as_str().trim_end_matches(['.', ' ']);
            marks.mark(BoilerplateKind::AuthorBio, line.start, line.end);
            return Some(Found {
                name: (line.start + n.start(), line.start + n.end()),
                org: Some((
                    line.start + o.start(),
                    line.start + o.start() + org_text.len(),
                )),
                via: "author-bio",
                start: line.start,
                end: line.end,
                confidence: 0.8,
            });
        }
        if let Some(n) = BIO_NO_ORG.captures(s).and_then(|c| c.name("name")) {
            marks.mark(BoilerplateKind::AuthorBio, line.start, line.end);
            return Some(Found {
                name: (line.start + n.start(), line.start + n.end()),
                org: None,
                via: "author-bio",
                start: line.start,
                end: line.end,
                confidence: 0.7,
            });
        }
    }
    for line in lines.iter().take(EDGE_LINES) {
        let s = line.text(text);
        if s.len() > 160 {
            continue;
        }
        if let Some(c) = BYLINE.captures(s) {
            let Some(n) = c.name("name") else { continue };
            marks.mark(BoilerplateKind::Furniture, line.start, line.end);
            let org = c.name("org").map(|o| {
                let t = o.as_str().trim_end_matches(['.', ' ']);
                (line.start + o.start(), line.start + o.start() + t.len())
            });
            return Some(Found {
                name: (line.start + n.start(), line.start + n.end()),
                org,
                via: "byline",
                start: line.start,
                end: line.end,
                confidence: 0.85,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::infer::lines;

    fn author(text: &str) -> Option<(String, Option<String>, &'static str)> {
        let mut marks = Marks::default();
        find(text, &lines(text), &mut marks).map(|f| {
            (
                text[f.name.0..f.name.1].to_string(),
                f.org.map(|(s, e)| text[s..e].to_string()),
                f.via,
            )
        })
    }

    #[test]
    fn biography_line_gives_author_and_affiliation() {
        assert_eq!(
            author("Story.\nAnna Mahjar-Barducci is a Senior Research Fellow at MEMRI."),
            Some((
                "Anna Mahjar-Barducci".into(),
                Some("MEMRI".into()),
                "author-bio"
            ))
        );
        assert_eq!(
            author("Story.\nJohn van der Berg is a professor of history at Leiden University."),
            Some((
                "John van der Berg".into(),
                Some("Leiden University".into()),
                "author-bio"
            ))
        );
    }

    #[test]
    fn byline_at_the_start() {
        assert_eq!(
            author("By Jane Doe, Reuters\nStory text."),
            Some(("Jane Doe".into(), Some("Reuters".into()), "byline"))
        );
    }

    #[test]
    fn ordinary_sentences_are_not_bios() {
        assert_eq!(author("Story.\nThe report is a warning to the West."), None);
        assert_eq!(
            author("Story.\nPakistan is a major non-NATO ally of the US."),
            None
        );
        assert_eq!(
            author("Story.\nPresident Donald Trump is the chair of the Board of Peace."),
            None
        );
    }
}
