//! Reading brat standoff attribution annotations (PolNeAR's format).
//!
//! `T` lines are text-bound annotations `T12<TAB>Type start end[;start end…]<TAB>text`
//! (discontinuous spans joined by `;`; the text may run over several lines,
//! so only the offsets are read); `E` lines tie them into relations
//! `E3<TAB>Attribution:T12 Cue:T11 Source:T10 Content:T9`. Roles may be
//! numbered (`Content2`); other line kinds (notes, `Discuss`, `Discard`) are
//! ignored.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::span::Range;

/// A text-bound annotation's ranges (several when discontinuous), sorted.
pub type Ranges = Vec<Range>;

/// One gold attribution relation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Relation {
    /// The cue's ranges.
    pub cue: Ranges,
    /// The source's ranges, when the relation has a source.
    pub source: Option<Ranges>,
    /// The content's ranges.
    pub content: Ranges,
}

fn parse_ranges(s: &str) -> Option<Ranges> {
    let mut out = Vec::new();
    for part in s.split(';') {
        let mut it = part.split_whitespace();
        let a: usize = it.next()?.parse().ok()?;
        let b: usize = it.next()?.parse().ok()?;
        out.push(Range::new(a, b));
    }
    out.sort();
    (!out.is_empty()).then_some(out)
}

/// Parses the relations of one `.ann` file's contents.
///
/// # Errors
/// When an `E` line names a `T` annotation that does not exist or a `T`
/// line's offsets cannot be read; the error names `path` and the line.
pub fn parse(path: &Path, ann: &str) -> Result<Vec<Relation>> {
    let mut spans: HashMap<&str, (&str, Ranges)> = HashMap::new();
    let mut events: Vec<(usize, &str)> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let mut cols = line.splitn(3, '\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        let numbered = |p: char| {
            id.strip_prefix(p)
                .is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()))
        };
        if numbered('T') {
            let Some((kind, offsets)) = body.split_once(' ') else {
                return Err(Error::bad_line(path, n + 1, "T line without offsets"));
            };
            let ranges = parse_ranges(offsets)
                .ok_or_else(|| Error::bad_line(path, n + 1, "unreadable offsets"))?;
            spans.insert(id, (kind, ranges));
        } else if numbered('E') {
            events.push((n + 1, body));
        }
    }
    let mut out = Vec::new();
    for (line, body) in events {
        let mut rel = Relation::default();
        for arg in body.split_whitespace() {
            let Some((role, tid)) = arg.split_once(':') else {
                continue;
            };
            let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
            let (_, ranges) = spans
                .get(tid)
                .ok_or_else(|| Error::bad_line(path, line, format!("unknown annotation {tid}")))?;
            match role {
                "Cue" => rel.cue.extend(ranges.iter().copied()),
                "Source" => rel
                    .source
                    .get_or_insert_with(Vec::new)
                    .extend(ranges.iter().copied()),
                "Content" => rel.content.extend(ranges.iter().copied()),
                _ => {}
            }
        }
        rel.cue.sort();
        rel.content.sort();
        if let Some(s) = &mut rel.source {
            s.sort();
        }
        if !rel.cue.is_empty() {
            out.push(rel);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_relations_with_discontinuous_spans() {
        let ann = "T1\tSource 0 3\tThe\nT2\tCue 4 8\tsaid\nT3\tContent 10 20;25 30\tx\ncontinued text\nT4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Cue:T2 Source:T1 Content:T3\n#1\tAnnotatorNotes T1\tnote\n";
        let rels = parse(Path::new("x.ann"), ann).expect("parses");
        assert_eq!(rels.len(), 1);
        assert_eq!(rels[0].cue, vec![Range::new(4, 8)]);
        assert_eq!(rels[0].source, Some(vec![Range::new(0, 3)]));
        assert_eq!(
            rels[0].content,
            vec![Range::new(10, 20), Range::new(25, 30)]
        );
    }

    #[test]
    fn unknown_annotation_is_an_error() {
        assert!(parse(Path::new("x.ann"), "E1\tAttribution:T9 Cue:T8\n").is_err());
    }
}
