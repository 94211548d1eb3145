//! Expanding a cue the rules did not find (one the learned model found) into
//! source and content.
//!
//! The rules expand each construction in its own way; a learned cue has no
//! construction, so this uses the general shape of English reporting: the
//! source is the subject before the cue, and the content is the quotation
//! next to it, else the clause after it, else the clause before it
//! ("…, Smith believes"). Like the rules, it looks at one sentence and a
//! bounded number of tokens.

#![allow(clippy::many_single_char_names)] // token indices: s, e (sentence), a, b (cue), p (paragraph)

use super::QuoteKind;
use super::lexicon::AUXILIARIES;
use super::rules::{
    Doc, Found, MAX_NP, Para, appositive_subject, np_after, sentence_subject, subject,
};
use super::tokens::Kind;

/// The fewest words a clause needs to be content.
const MIN_WORDS: usize = 2;

/// The source of a cue at tokens `[a, b)` in sentence `[s, e)`: the subject
/// before it, or before an apposition ("Tamargo, the party chairwoman,
/// recalled"); a relative pronoun ("Trump, who wants …"); or, after a
/// closing quotation mark or a comma, the inverted subject after a finite
/// verb when it ends the clause ("…,” said one aide."); for a participle
/// or infinitive, the sentence's subject.
fn source(doc: &Doc, p: &Para, s: usize, e: usize, a: usize, b: usize) -> Option<(usize, usize)> {
    if let Some(found) = subject(doc, p, s, a) {
        return Some(found);
    }
    let mut k = a;
    while k > s && a - k < 4 && doc.word_in(p, k - 1, AUXILIARIES) {
        k -= 1;
    }
    if k > s && doc.word_in(p, k - 1, RELATIVES) {
        return Some((k - 1, k));
    }
    if a > s
        && p.toks[a - 1].is_punct(',')
        && let Some(found) = appositive_subject(doc, p, s, a - 1)
    {
        return Some(found);
    }
    // "Obama took a whack at Trump, painting him as …", "Trump took to
    // Twitter to continue …": the participle or infinitive shares the
    // sentence's subject.
    let first = doc.word(p, a).to_ascii_lowercase();
    if a > s && (first == "to" || first.ends_with("ing") && p.toks[a - 1].is_punct(',')) {
        return sentence_subject(doc, p, s, a);
    }
    let after_quote_or_comma = a > s
        && (p.toks[a - 1].is_punct(',')
            || matches!(p.toks[a - 1].kind, Kind::Close(_) | Kind::Either(_)));
    let finite = b == a + 1 && !first.ends_with("ing");
    if after_quote_or_comma && finite {
        let (x, y) = np_after(doc, p, b, e, MAX_NP)?;
        let ends_clause =
            y >= e || matches!(p.toks[y].kind, Kind::Punct('.' | ',' | ';' | '!' | '?'));
        return ends_clause.then_some((x, y));
    }
    None
}

/// Relative pronouns that stand for the source ("people who say").
const RELATIVES: &[&str] = &["who", "that", "which"];

/// The attribution whose cue is tokens `[a, b)` of paragraph `p`, or `None`
/// when no content can be found next to it.
pub fn learned_cue(doc: &Doc, p: &Para, a: usize, b: usize) -> Option<Found> {
    let &(s, e) = p.sents.iter().find(|&&(s, e)| s <= a && a < e)?;
    let b = b.min(e);
    let source = source(doc, p, s, e, a, b);
    // Where the clause before the cue ends, and the one after it starts:
    // around the source when it is inverted ("…,” said one aide, …).
    let inverted = source.is_some_and(|(j, _)| j >= b);
    let left = source.map_or(a, |(j, _)| j.min(a));
    let right = match source {
        Some((_, k)) if inverted => k,
        _ => b,
    };
    // "Trump, who wants …": the relative pronoun stands for the noun before it.
    let antecedent = source
        .filter(|&(j, k)| k == j + 1 && doc.word_in(p, j, RELATIVES))
        .and_then(|(j, _)| {
            let before = if j > s && p.toks[j - 1].is_punct(',') {
                j - 1
            } else {
                j
            };
            subject(doc, p, s, before)
        })
        .map(|(x, y)| Doc::range(p, x, y));
    let cue = Doc::range(p, a, b);
    let found = |content: Vec<_>, quote| {
        Some(Found {
            para: p.index,
            cue,
            source: source.map(|(j, k)| Doc::range(p, j, k)),
            antecedent,
            content,
            quote,
            hedge: false,
            channel: None,
        })
    };
    // A quotation just after the cue: X believes: “…”
    let mut k = right;
    while k < e.min(right + 2) && matches!(p.toks[k].kind, Kind::Punct(',' | ':')) {
        k += 1;
    }
    if let Some(q) = doc.opening_at(p, k) {
        return found(doc.quote_pieces(q), QuoteKind::Direct);
    }
    // A quotation just before the source: “…,” X believes.
    if let Some(q) = left.checked_sub(1).and_then(|k| doc.closing_at(p, k)) {
        return found(doc.quote_pieces(q), QuoteKind::Direct);
    }
    // The clause after the cue, else the clause before it.
    let (c0, c1) = (Doc::trim_start(p, right, e), Doc::trim_end(p, right, e));
    if c0 < c1 && Doc::words_between(p, c0, c1) >= MIN_WORDS {
        let content = vec![Doc::range(p, c0, c1)];
        let quote = doc.kind_of(&content);
        return found(content, quote);
    }
    let (c0, c1) = (Doc::trim_start(p, s, left), Doc::trim_end(p, s, left));
    if c0 < c1 && Doc::words_between(p, c0, c1) >= MIN_WORDS {
        let content = vec![Doc::range(p, c0, c1)];
        let quote = doc.kind_of(&content);
        return found(content, quote);
    }
    None
}
