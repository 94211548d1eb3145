//! Pairing quotation marks into quotations, across sentences and paragraphs.
//!
//! A quotation opens at an opening mark and closes at the next closing mark
//! of the same family (double or single; marks of the other family inside it
//! are nested quotes). When a paragraph ends inside a quotation and the next
//! paragraph re-opens with a mark of the same family, the quotation continues
//! (the news convention for multi-paragraph quotes); otherwise the opening
//! mark was unbalanced and is ignored. Every step moves forward, so pairing
//! is linear in the number of tokens whatever the marks.

use crate::span::Range;

use super::tokens::{Family, Kind, Tok};

/// One quotation: the stretch from its opening to its closing mark, per paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// One range per paragraph, marks included; the first starts at the
    /// opening mark and the last ends after the closing mark.
    pub pieces: Vec<Range>,
    /// Paragraph index and token index of the opening mark.
    pub open: (usize, usize),
    /// Paragraph index and token index of the closing mark.
    pub close: (usize, usize),
    /// Number of words inside.
    pub words: usize,
}

impl Quotation {
    /// The whole stretch, first mark to last.
    pub fn range(&self) -> Range {
        let start = self.pieces.first().map_or(0, |r| r.start);
        let end = self.pieces.last().map_or(start, |r| r.end);
        Range::new(start, end)
    }
}

struct Pending {
    family: Family,
    open: (usize, usize),
    pieces: Vec<Range>,
    piece_start: usize,
    words: usize,
}

/// Pairs the quotation marks of consecutive paragraphs (each a token list).
pub fn pair(paragraphs: &[&[Tok]]) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut pending: Option<Pending> = None;
    for (p, toks) in paragraphs.iter().enumerate() {
        let mut start_tok = 0;
        if let Some(mut open) = pending.take() {
            // A continuation paragraph re-opens with a mark of the same family.
            match toks.first().map(|t| t.kind) {
                Some(Kind::Open(f) | Kind::Either(f)) if f == open.family => {
                    open.piece_start = toks[0].range.start;
                    pending = Some(open);
                    start_tok = 1;
                }
                _ => {}
            }
        }
        for (i, tok) in toks.iter().enumerate().skip(start_tok) {
            match (&mut pending, tok.kind) {
                (None, Kind::Open(f) | Kind::Either(f)) => {
                    pending = Some(Pending {
                        family: f,
                        open: (p, i),
                        pieces: Vec::new(),
                        piece_start: tok.range.start,
                        words: 0,
                    });
                }
                (Some(open), Kind::Close(f) | Kind::Either(f)) if f == open.family => {
                    let mut done = pending.take().expect("matched Some");
                    done.pieces
                        .push(Range::new(done.piece_start, tok.range.end));
                    out.push(Quotation {
                        pieces: done.pieces,
                        open: done.open,
                        close: (p, i),
                        words: done.words,
                    });
                }
                (Some(open), Kind::Open(f)) if f == open.family && f == Family::Double => {
                    // A second opening mark: the first was unbalanced.
                    *open = Pending {
                        family: f,
                        open: (p, i),
                        pieces: Vec::new(),
                        piece_start: tok.range.start,
                        words: 0,
                    };
                }
                (Some(open), Kind::Word) => open.words += 1,
                _ => {}
            }
        }
        if let Some(open) = &mut pending {
            if open.family == Family::Double {
                let end = toks.last().map_or(open.piece_start, |t| t.range.end);
                open.pieces.push(Range::new(open.piece_start, end));
            } else {
                pending = None;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn quotes(paras: &[&str]) -> Vec<Vec<String>> {
        let text = paras.join("\n");
        let mut toks = Vec::new();
        let mut b = 0;
        let mut c = 0;
        for p in paras {
            toks.push(tokenize(&text, b, b + p.len(), c));
            b += p.len() + 1;
            c += p.chars().count() + 1;
        }
        let refs: Vec<&[Tok]> = toks.iter().map(Vec::as_slice).collect();
        let t = crate::text::Text::new(text.clone());
        pair(&refs)
            .into_iter()
            .map(|q| q.pieces.iter().map(|r| t.slice(*r).to_string()).collect())
            .collect()
    }

    #[test]
    fn pairs_within_a_paragraph() {
        assert_eq!(
            quotes(&["He said “it is ‘fine’ now,” and left."]),
            [["“it is ‘fine’ now,”"]]
        );
    }

    #[test]
    fn continues_across_paragraphs() {
        let got = quotes(&["“First part.", "“Second part,” it said.", "No quote."]);
        assert_eq!(got, [["“First part.", "“Second part,”"]]);
    }

    #[test]
    fn drops_unbalanced_marks() {
        let got = quotes(&["“Bullet one", "Plain text", "“ok” then"]);
        assert_eq!(got, [["“ok”"]]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes(&["It shouldn‘t matter in the ’90s, Hamas’s men"]).is_empty());
    }
}
