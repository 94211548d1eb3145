//! The attribution rules: from cue words to cue, source and content spans.
//!
//! Works sentence by sentence over tokens. Each cue word found in the
//! lexicon (or a construction: "according to", "citing", "via", "h/t", a
//! colon before a quotation, a "Report:" headline, a hedge) is expanded into
//! a source (the subject before the cue, an inverted subject after it, or the
//! noun phrase after "according to"/"by"/"citing") and content: the
//! quotation next to the cue (direct), the clause after the cue ("said
//! that …"), or the clause before it ("…, a report said on Thursday"), or both
//! around a parenthetical cue ("Similar trends, it said, emerged …").
//! Every loop moves forward and looks at most a bounded number of tokens to
//! either side of a cue, so the work is linear in the text.

#![allow(clippy::many_single_char_names)] // token indices: s, e (sentence), a, b (ranges), p (paragraph)

use std::collections::HashMap;

use crate::span::Range;
use crate::text::calendar::{MONTHS, TIME_PHRASE_WORDS, WEEKDAYS};

use super::QuoteKind;
use super::lexicon::{
    AUXILIARIES, CLAUSE_OPENERS, CueClass, DOCUMENT_NOUNS, REPORT_NOUNS, VAGUE_NOUNS, is_in,
    lexicon,
};
use super::quotes::Quotation;
use super::tokens::{Kind, Tok};

/// One paragraph, tokenised and split into sentences.
#[derive(Debug)]
pub struct Para {
    /// Index among the article's paragraphs.
    pub index: usize,
    /// Tokens.
    pub toks: Vec<Tok>,
    /// Sentences as token index ranges `[start, end)`.
    pub sents: Vec<(usize, usize)>,
    /// For each token, true when it lies inside a quotation (marks excluded).
    pub quoted: Vec<bool>,
}

/// An attribution found by the rules, before source resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Paragraph index (into the parsed paragraphs).
    pub para: usize,
    /// The cue.
    pub cue: Range,
    /// The source mention.
    pub source: Option<Range>,
    /// What a relative-pronoun source ("who", "which") stands for
    /// ("Barkley, who said …" → "Barkley"): resolution uses it.
    pub antecedent: Option<Range>,
    /// Content pieces.
    pub content: Vec<Range>,
    /// Direct, indirect or mixed.
    pub quote: QuoteKind,
    /// True for hedges ("reportedly"): nobody in particular.
    pub hedge: bool,
    /// The channel: the outlet or audience told ("told Reuters"), or the
    /// outlet that quoted the source ("OUTLET quoted X as saying").
    pub channel: Option<Range>,
}

/// The whole article prepared for the rules.
pub struct Doc<'a> {
    /// The article text.
    pub text: &'a str,
    /// Paragraphs (boilerplate left out).
    pub paras: Vec<Para>,
    /// Quotations.
    pub quotes: Vec<Quotation>,
    /// Quotation index by (paragraph, token) of its opening mark.
    pub by_open: HashMap<(usize, usize), usize>,
    /// Quotation index by (paragraph, token) of its closing mark.
    pub by_close: HashMap<(usize, usize), usize>,
}

const MAX_SUBJECT: usize = 16;
const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "with", "from", "into", "over", "through", "during", "across", "after",
    "before", "up", "down", "off", "onto", "upon", "toward", "towards", "within", "without",
];
const QUANTIFIERS: &[&str] = &["some", "many", "several", "one", "others"];
pub(super) const MAX_NP: usize = 16;
/// Most tokens a subject or noun phrase scan looks at (keeps the work per cue bounded).
const MAX_TOKENS: usize = 40;

const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "interview",
    "post",
    "tweet",
    "letter",
    "email",
    "speech",
    "release",
    "op-ed",
    "video",
    "message",
    "note",
];
const TELL_VERBS: &[&str] = &["told", "tell", "tells", "telling"];
const TIME_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "recently",
    "previously",
];
const FINITE: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "will", "would", "can", "could", "do",
    "does", "did", "has", "have", "had", "must", "should", "may", "might",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "my", "your", "to",
];

impl Doc<'_> {
    pub(super) fn word<'t>(&'t self, p: &'t Para, i: usize) -> &'t str {
        p.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn is_word(&self, p: &Para, i: usize, w: &str) -> bool {
        p.toks
            .get(i)
            .is_some_and(|t| t.is_word() && t.text(self.text).eq_ignore_ascii_case(w))
    }

    pub(super) fn word_in(&self, p: &Para, i: usize, list: &[&str]) -> bool {
        p.toks
            .get(i)
            .is_some_and(|t| t.is_word() && is_in(list, t.text(self.text)))
    }

    pub(super) fn range(p: &Para, a: usize, b: usize) -> Range {
        // Token range [a, b) → character range.
        match (p.toks.get(a), b.checked_sub(1).and_then(|l| p.toks.get(l))) {
            (Some(x), Some(y)) if b > a => Range::new(x.range.start, y.range.end),
            _ => Range::new(0, 0),
        }
    }

    /// Words in tokens `[a, b)`, counted up to 4 and over at most
    /// [`MAX_TOKENS`] tokens: the rules only ask "none, one, a few?", and a
    /// bounded count keeps each cue's work constant.
    pub(super) fn words_between(p: &Para, a: usize, b: usize) -> usize {
        let b = b.min(p.toks.len());
        let a = a.min(b);
        p.toks[a..b]
            .iter()
            .take(MAX_TOKENS * 4)
            .filter(|t| t.is_word())
            .take(4)
            .count()
    }

    /// Trims trailing sentence punctuation (not quote marks) from `[a, b)`.
    pub(super) fn trim_end(p: &Para, a: usize, mut b: usize) -> usize {
        let floor = a.max(b.saturating_sub(MAX_TOKENS));
        while b > floor
            && matches!(
                p.toks[b - 1].kind,
                Kind::Punct('.' | '!' | '?' | ',' | ';' | ':' | '—' | '–' | '-' | '(')
            )
        {
            b -= 1;
        }
        b
    }

    /// Trims leading punctuation that is not a quote mark.
    pub(super) fn trim_start(p: &Para, mut a: usize, b: usize) -> usize {
        let b = b.min(a + MAX_TOKENS);
        while a < b
            && matches!(
                p.toks[a].kind,
                Kind::Punct(',' | ';' | ':' | '—' | '–' | '-')
            )
        {
            a += 1;
        }
        a
    }

    pub(super) fn quote_pieces(&self, q: usize) -> Vec<Range> {
        self.quotes
            .get(q)
            .map(|q| q.pieces.clone())
            .unwrap_or_default()
    }

    /// The quotation that closes at token `i` of paragraph `p`.
    pub(super) fn closing_at(&self, p: &Para, i: usize) -> Option<usize> {
        self.by_close.get(&(p.index, i)).copied()
    }

    /// The quotation that opens at token `i` of paragraph `p`.
    pub(super) fn opening_at(&self, p: &Para, i: usize) -> Option<usize> {
        self.by_open.get(&(p.index, i)).copied()
    }

    /// Mixed when the content includes a quotation it is not made of.
    pub(super) fn kind_of(&self, content: &[Range]) -> QuoteKind {
        // Quotations are disjoint and in text order: look only at those
        // starting inside the content.
        let mixed = content.iter().any(|c| {
            let from = self.quotes.partition_point(|q| q.range().start < c.start);
            self.quotes[from..]
                .iter()
                .take_while(|q| q.range().start < c.end)
                .any(|q| {
                    q.pieces
                        .iter()
                        .any(|r| c.contains(*r) && (r.len() * 10 < c.len() * 9))
                })
        });
        if mixed {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        }
    }
}

/// True for a cue word in a form that is only a verb ("said", "stressed").
fn verb_like(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    lexicon().class(&l).is_some()
        && (l.ends_with("ed") || is_in(&["said", "says", "told", "wrote", "thought", "felt"], &l))
}

/// A quotation mark (or a stray straight one) as a token.
fn quote_mark(t: Tok) -> bool {
    matches!(
        t.kind,
        Kind::Close(_) | Kind::Either(_) | Kind::Punct('\'' | '"')
    )
}

/// Cue words that are also nouns ("a report", "the findings show").
const NOUN_TOO: &[&str] = &[
    "report",
    "reports",
    "show",
    "shows",
    "claim",
    "claims",
    "comment",
    "comments",
    "note",
    "notes",
    "quote",
    "quotes",
    "estimate",
    "estimates",
    "document",
    "documents",
    "detail",
    "details",
    "point",
    "points",
    "tweet",
    "tweets",
    "reply",
    "replies",
    "find",
    "finds",
    "warning",
    "think",
    "post",
    "posts",
    "state",
    "states",
];

/// Irregular past forms that need no ending check.
const IRREGULAR: &[&str] = &[
    "said", "told", "wrote", "thought", "felt", "found", "knew", "saw",
];

/// Lower-cases an ASCII word into `buf`; `None` for long or non-ASCII words.
pub(super) fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..word.len()]).ok()
}

/// The words [`find`] matches itself before the lexicon: keep in step with
/// its `match` (words outside the lexicon are skipped unless listed here).
const CONSTRUCTIONS: &[&str] = &["according", "citing", "via", "h"];

/// Finds every attribution in the document.
pub fn find(doc: &Doc) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let lex = lexicon();
    let mut buf = [0u8; 24];
    for p in &doc.paras {
        for &(s, e) in &p.sents {
            let first_in_sentence = out.len();
            let mut i = s;
            while i < e {
                let tok = p.toks[i];
                if p.quoted.get(i).copied().unwrap_or(false) {
                    i += 1;
                    continue;
                }
                if tok.is_punct(':') {
                    if let Some(f) = colon(doc, p, s, e, i) {
                        out.push(f);
                    }
                    i += 1;
                    continue;
                }
                if !tok.is_word() {
                    i += 1;
                    continue;
                }
                let word = tok.text(doc.text);
                // Most words are neither a cue form nor a construction: skip
                // them before lower-casing.
                if !lex.may_contain(word) && !is_in(CONSTRUCTIONS, word) {
                    i += 1;
                    continue;
                }
                let Some(lw) = lower(word, &mut buf) else {
                    i += 1;
                    continue;
                };
                let found = match lw {
                    "according" if doc.is_word(p, i + 1, "to") => according(doc, p, s, e, i),
                    "citing" => citing(doc, p, s, e, i, &out[first_in_sentence..]),
                    "via" => via(doc, p, s, e, i, i + 1),
                    "h" if p.toks.get(i + 1).is_some_and(|t| t.is_punct('/'))
                        && doc.is_word(p, i + 2, "t") =>
                    {
                        via(doc, p, s, e, i, i + 3)
                    }
                    _ => match lex.class(lw) {
                        Some(CueClass::Hedge) => hedge(doc, p, s, e, i),
                        Some(class) => verb(doc, p, s, e, i, class, &out[first_in_sentence..]),
                        None => None,
                    },
                };
                if let Some(mut f) = found {
                    tidy_source(doc, p, &mut f);
                    let skip_to = p.toks[i..e]
                        .iter()
                        .position(|t| t.range.start >= f.cue.end)
                        .map_or(e, |k| i + k)
                        .max(i + 1);
                    out.push(f);
                    i = skip_to;
                } else {
                    i += 1;
                }
            }
        }
    }
    out
}

/// The subject of a coordinated verb ending at token `k` when a clause of
/// its own opens after the sentence's earlier attribution: "when I asked
/// Sanders …, he looked into the camera, furrowed his brow and said …" →
/// "he", not the "I" of the earlier "asked". A subject pronoun right after a
/// comma (outside quotations) opens that clause.
fn clause_pronoun(
    doc: &Doc,
    p: &Para,
    s: usize,
    earlier: &[Found],
    k: usize,
) -> Option<(usize, usize)> {
    let from = earlier
        .last()
        .map_or(s, |f| p.toks.partition_point(|t| t.range.end <= f.cue.end));
    (from.max(s + 1)..k).rev().find_map(|i| {
        (!p.quoted.get(i).copied().unwrap_or(true)
            && doc.word_in(p, i, &["he", "she", "they", "we"])
            && p.toks[i - 1].is_punct(','))
        .then_some((i, i + 1))
    })
}

/// Subject pronouns: the speaker when a source span ends with one.
const SUBJECT_PRONOUNS: &[&str] = &["i", "he", "she", "we", "they", "you", "it"];

/// True for an auxiliary or a negated one ("hasn't", "aren't", "doesn't"):
/// a verb group, never the end of a subject.
fn aux_or_negation(word: &str) -> bool {
    let lw = word.to_ascii_lowercase();
    is_in(FINITE, word)
        || is_in(&["is", "are", "was", "were", "not", "never"], word)
        || lw.ends_with("n't")
        || lw.ends_with("n\u{2019}t")
}

/// Trims a source span to the speaker's noun phrase where the subject scan
/// took in words that are not part of it: a trailing auxiliary ("Grassley
/// hasn't" expressed → "Grassley"), the words before a subject pronoun
/// ("then he promised", "the kind of tone he said" → "he": the pronoun is
/// the subject of the cue), and the "with" of an absolute construction
/// ("with Trump calling it …" → "Trump").
fn tidy_source(doc: &Doc, p: &Para, f: &mut Found) {
    let Some(src) = f.source else {
        return;
    };
    let a = p.toks.partition_point(|t| t.range.start < src.start);
    let b = p.toks.partition_point(|t| t.range.end <= src.end);
    if b <= a + 1
        || p.toks[a..b]
            .iter()
            .any(|t| !t.is_word() && !t.is_punct('.'))
    {
        return;
    }
    let (mut a2, mut b2) = (a, b);
    // …and a floating quantifier or intensifier ("voters alike", "Obama
    // himself", "the two both").
    while b2 > a2 + 1
        && (aux_or_negation(doc.word(p, b2 - 1))
            || doc.word_in(
                p,
                b2 - 1,
                &[
                    "alike",
                    "himself",
                    "herself",
                    "themselves",
                    "itself",
                    "both",
                    "too",
                ],
            ))
    {
        b2 -= 1;
    }
    if b2 > a2 + 1
        && doc.word_in(p, b2 - 1, SUBJECT_PRONOUNS)
        && !doc.word_in(p, b2 - 2, &["and", "or", "nor", "but", "than"])
    {
        a2 = b2 - 1;
    }
    if b2 > a2 + 1 && doc.is_word(p, a2, "with") {
        a2 += 1;
    }
    // A verb in "-ing" before a determiner phrase ("discrediting an earlier
    // report from Bloomberg saying …", "hearing a candidate acknowledging
    // …"), or an adverb before a name ("how deeply Washington believes"):
    // the noun phrase after it is the subject of the cue.
    if b2 > a2 + 1 {
        let w = doc.word(p, a2);
        let lower = w.starts_with(|c: char| c.is_lowercase());
        let verb_before_np = gerund(w)
            && doc.word_in(
                p,
                a2 + 1,
                &[
                    "a", "an", "the", "his", "her", "its", "their", "this", "that",
                ],
            );
        let adverb_before_name = lower
            && w.len() > 4
            && w.ends_with("ly")
            && !is_in(&["early", "only", "likely", "elderly", "family"], w)
            && doc.word(p, a2 + 1).starts_with(|c: char| c.is_uppercase());
        if (verb_before_np && b2 > a2 + 2) || adverb_before_name {
            a2 += 1;
        }
    }
    // "42% of Ohioans say", "half of voters say": the share the subject
    // scan left out before "of" (a plural: "of Democratic claims" is a
    // noun phrase, not a subject).
    if doc.is_word(p, a2, "of") && a2 >= 2 && doc.word(p, b2 - 1).ends_with('s') {
        let before = p.toks[a2 - 1];
        let share = before.is_punct('%')
            || doc.word_in(
                p,
                a2 - 1,
                &["percent", "half", "third", "quarter", "majority", "most"],
            );
        if share {
            let mut x = a2 - 1;
            while x > 0
                && x + 3 > a2
                && (p.toks[x - 1].is_word()
                    && p.toks[x - 1]
                        .text(doc.text)
                        .starts_with(|c: char| c.is_ascii_digit())
                    || doc.word_in(
                        p,
                        x - 1,
                        &[
                            "a", "the", "about", "nearly", "almost", "over", "roughly", "some",
                        ],
                    ))
            {
                x -= 1;
            }
            a2 = x;
        }
    }
    // A time adjunct after the noun phrase ("the report on Wednesday for
    // the first time cited …") is not part of the speaker's name.
    if let Some(i) = (a2 + 1..b2.saturating_sub(1)).find(|&i| {
        doc.word_in(p, i, &["on", "in", "last", "earlier"])
            && p.toks[i + 1].is_word()
            && crate::text::calendar::is_time_phrase_word(doc.word(p, i + 1))
            && !doc.word_in(p, i + 1, &["on", "in", "this"])
    }) {
        b2 = i;
    }
    // The agent of a reduced relative the subject scan stopped at ("A
    // national poll released Sunday by The Washington Post and ABC News
    // shows …" gave "Sunday by The Washington Post …"): the noun phrase
    // before the participle opens the source.
    if a2 == a
        && a >= 2
        && (doc.is_word(p, a, "by")
            || crate::text::calendar::is_calendar_word(doc.word(p, a))
                && doc.word_in(p, a + 1, &["by"]))
        && p.toks[a - 1].is_word()
        && {
            let w = doc.word(p, a - 1);
            w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase())
        }
        && let Some(&(s, _)) = p.sents.iter().find(|&&(x, y)| x <= a && a < y)
        && let Some((j, _)) = subject_ending(doc, p, s, a - 1)
    {
        a2 = j;
    }
    if (a2, b2) != (a, b) {
        f.source = Some(Range::new(p.toks[a2].range.start, p.toks[b2 - 1].range.end));
    }
}

/// Adverbs that may stand between a subject and its verb ("has twice
/// complained", "were both critical") besides the -ly ones.
const MID_ADVERBS: &[&str] = &[
    "twice",
    "long",
    "now",
    "both",
    "all",
    "always",
    "often",
    "ever",
    "soon",
    "sometimes",
    "together",
    "alone",
    "initially",
    "instead",
    "thus",
    "therefore",
    "however",
    "only",
];

/// Verbs of beginning, going on and stopping that take a participle.
const ASPECT_VERBS: &[&str] = &[
    "began",
    "begun",
    "begin",
    "begins",
    "started",
    "start",
    "starts",
    "continued",
    "continue",
    "continues",
    "kept",
    "keep",
    "keeps",
    "stopped",
    "resumed",
];

/// Nouns ending in -ly that are no adverbs ("the family said").
const LY_NOUNS: &[&str] = &[
    "family",
    "ally",
    "rally",
    "assembly",
    "supply",
    "anomaly",
    "monopoly",
    "bully",
    "reply",
    "early",
    "jelly",
    "belly",
    "folly",
    "holly",
    "lily",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
];

/// Length in tokens of an adverbial ending just before token `b`: an
/// auxiliary ("has"), an adverb ("repeatedly", "twice"), or a short time or
/// manner phrase ("last month", "on Friday", "in the past", "in particular").
fn adverbial_before(doc: &Doc, p: &Para, s: usize, b: usize) -> usize {
    if b <= s || !p.toks[b - 1].is_word() {
        return 0;
    }
    let w = doc.word(p, b - 1);
    let lower_ly = w.len() > 4
        && w.ends_with("ly")
        && w.chars().next().is_some_and(char::is_lowercase)
        && !is_in(LY_NOUNS, w);
    // "have begun urging", "has lately started asking": an aspect verb
    // before a participle belongs to the verb group.
    let aspect = is_in(ASPECT_VERBS, w) && doc.word(p, b).ends_with("ing");
    if doc.word_in(p, b - 1, AUXILIARIES) || lower_ly || is_in(MID_ADVERBS, w) || aspect {
        return 1;
    }
    let time_noun = is_in(WEEKDAYS, w)
        || is_in(&["week", "month", "year", "night", "weekend", "time"], w)
        || is_in(&["past", "particular", "turn", "public", "private"], w);
    if b >= s + 2 && time_noun {
        if doc.word_in(p, b - 2, &["last", "this", "on", "in", "at"]) {
            return 2;
        }
        if b >= s + 3
            && doc.word_in(p, b - 3, &["in", "at", "on"])
            && doc.word_in(p, b - 2, &["the", "a"])
        {
            return 3;
        }
    }
    0
}

/// True when tokens `[a, b)` are nothing but adverbials ("fiercely", "on Tuesday").
fn all_adverbial(doc: &Doc, p: &Para, a: usize, mut b: usize) -> bool {
    for _ in 0..8 {
        if b <= a {
            return true;
        }
        let n = adverbial_before(doc, p, a, b);
        if n == 0 {
            return false;
        }
        b -= n;
    }
    false
}

/// Where the verb group of the verb at `v` starts: before its auxiliaries
/// and adverbials ("Police had last month charged"), but never at the
/// sentence start (a sentence is not all adverbial: "Both said").
fn verb_start(doc: &Doc, p: &Para, s: usize, v: usize) -> usize {
    let mut b = v;
    while v - b < 8 {
        let n = adverbial_before(doc, p, s, b);
        if n == 0 || b - n <= s {
            break;
        }
        b -= n;
    }
    b
}

/// The subject noun phrase ending just before token `end` (after skipping
/// auxiliaries and adverbials): token range `[a, b)`.
pub(super) fn subject(doc: &Doc, p: &Para, s: usize, verb: usize) -> Option<(usize, usize)> {
    let b = verb_start(doc, p, s, verb);
    if let Some(k) = reduced_relative(doc, p, s, b)
        && let Some((a, _)) = subject_ending(doc, p, s, k)
    {
        return Some((a, b));
    }
    subject_ending(doc, p, s, b)
}

/// True when token `k` is a word of a short time phrase ([`TIME_PHRASE_WORDS`],
/// a weekday or a month).
fn is_when_word(doc: &Doc, p: &Para, k: usize) -> bool {
    doc.word_in(p, k, TIME_PHRASE_WORDS) || doc.word_in(p, k, WEEKDAYS) || doc.word_in(p, k, MONTHS)
}

/// A reduced relative clause closing a subject — a participle and a short
/// time phrase: "A Quinnipiac poll released Monday found", "a survey
/// conducted last week shows". Returns the participle's token when tokens
/// `[k, b)` are one, so the subject is the noun phrase before `k` with the
/// clause (the rules otherwise stop at the participle, or take "Monday").
fn reduced_relative(doc: &Doc, p: &Para, s: usize, b: usize) -> Option<usize> {
    let mut k = b;
    while k > s + 1 && b - k < 4 {
        k -= 1;
        if !p.toks[k].is_word() {
            return None;
        }
        let w = doc.word(p, k);
        if w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase()) {
            let when = (k + 1..b).all(|i| is_when_word(doc, p, i));
            let before = k - 1;
            let noun = p.toks[before].is_word()
                && !doc.word_in(p, before, FINITE)
                && !doc.word_in(p, before, DETERMINERS)
                && !doc.word_in(p, before, CLAUSE_OPENERS)
                && !doc.word_in(p, before, AUXILIARIES)
                && !doc.word(p, before).ends_with("ed");
            return (when && noun).then_some(k);
        }
        if !(is_when_word(doc, p, k)) {
            return None;
        }
    }
    None
}

/// Where the auxiliaries before the verb at `v` start ("has also said").
fn aux_start(doc: &Doc, p: &Para, s: usize, v: usize) -> usize {
    let mut b = v;
    while b > s && v - b < 8 && doc.word_in(p, b - 1, AUXILIARIES) {
        b -= 1;
    }
    b
}

/// The subject noun phrase ending just before token `b`.
fn subject_ending(doc: &Doc, p: &Para, s: usize, b: usize) -> Option<(usize, usize)> {
    let mut j = b;
    let mut depth = 0usize;
    let mut words = 0;
    let floor = s.max(b.saturating_sub(MAX_TOKENS));
    while j > floor {
        let t = p.toks[j - 1];
        match t.kind {
            Kind::Word => {
                let w = t.text(doc.text);
                let joins_names = w.eq_ignore_ascii_case("and")
                    && j >= 2
                    && p.toks[j - 2]
                        .text(doc.text)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                    && p.toks[j]
                        .text(doc.text)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase);
                if depth == 0
                    && !joins_names
                    && (is_in(CLAUSE_OPENERS, w) || is_in(FINITE, w) || verb_like(w))
                {
                    break;
                }
                words += 1;
                if words > MAX_SUBJECT {
                    return None;
                }
            }
            Kind::Punct(')') => depth += 1,
            Kind::Punct('(') if depth > 0 => depth -= 1,
            Kind::Punct('.') if depth > 0 => {}
            Kind::Punct('.') if j >= 2 && p.toks[j - 2].is_word() => {
                // "Dr." inside a name: the stop belongs to an abbreviation.
                let w = p.toks[j - 2].text(doc.text);
                if !(w.len() <= 3 && w.chars().next().is_some_and(char::is_uppercase)) {
                    break;
                }
            }
            Kind::Punct('&' | '/' | '@' | '#') => {}
            _ => {
                if depth == 0 {
                    break;
                }
            }
        }
        j -= 1;
    }
    if depth != 0 || j == b || words == 0 {
        return None;
    }
    // "called for continued action": a preposition ends no subject.
    if doc.word_in(p, b - 1, PREPOSITIONS) || doc.word_in(p, b - 1, &["for", "of", "to", "by"]) {
        return None;
    }
    // "to say", "the report" (noun use): not a subject.
    if j + 1 == b && doc.word_in(p, j, DETERMINERS) {
        return None;
    }
    Some((j, b))
}

/// A noun phrase starting at token `a`, up to punctuation or a clause word.
pub(super) fn np_after(
    doc: &Doc,
    p: &Para,
    a: usize,
    e: usize,
    max: usize,
) -> Option<(usize, usize)> {
    let mut j = a;
    let mut depth = 0usize;
    let mut words = 0;
    let e = e.min(a + MAX_TOKENS);
    while j < e {
        let t = p.toks[j];
        match t.kind {
            Kind::Word => {
                let w = t.text(doc.text);
                if depth == 0
                    && j > a
                    && (is_in(CLAUSE_OPENERS, w) && !w.eq_ignore_ascii_case("and")
                        || is_in(
                            &[
                                "on", "at", "during", "since", "last", "this", "earlier", "over",
                            ],
                            w,
                        )
                        || is_in(FINITE, w)
                        || verb_like(w))
                {
                    break;
                }
                words += 1;
                if words > max {
                    break;
                }
            }
            Kind::Punct('(') => depth += 1,
            Kind::Punct(')') if depth > 0 => depth -= 1,
            Kind::Punct('&' | '/' | '@' | '#' | '\'') => {}
            Kind::Punct('.')
                if j > a && {
                    let w = p.toks[j - 1].text(doc.text);
                    w.len() <= 3 && w.chars().next().is_some_and(char::is_uppercase)
                } => {}
            _ => break,
        }
        j += 1;
    }
    // Do not end on an opening bracket or a dangling "and".
    while j > a && (p.toks[j - 1].is_punct('(') || doc.is_word(p, j - 1, "and")) {
        j -= 1;
    }
    (j > a && words > 0).then_some((a, j))
}

/// Words that open a sentence with an adverbial phrase ending at a comma
/// ("After the debate, …", "Hours later, …", "Throughout the 2000s, …").
const OPENER_WORDS: &[&str] = &[
    "after",
    "before",
    "during",
    "for",
    "throughout",
    "since",
    "despite",
    "amid",
    "among",
    "under",
    "as",
    "when",
    "while",
    "although",
    "though",
    "because",
    "if",
    "once",
    "in",
    "on",
    "at",
    "by",
    "with",
    "without",
    "like",
    "unlike",
    "following",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "minutes",
    "moments",
    "later",
    "earlier",
    "still",
    "instead",
    "meanwhile",
    "however",
    "now",
    "then",
    "today",
    "yesterday",
    "last",
    "this",
];

/// True when the sentence at `s` opens with an adverbial phrase: a
/// preposition, a subordinator, a participle or a time word ("In an
/// attempt …", "Holding signs …", "When someone shouted …", "On Saturday").
fn opens_adverbial(doc: &Doc, p: &Para, s: usize) -> bool {
    let first = doc.word(p, s);
    p.toks.get(s).is_some_and(Tok::is_word)
        && (is_in(OPENER_WORDS, first)
            || is_in(PREPOSITIONS, first)
            || is_in(WEEKDAYS, first)
            || first.len() > 4 && (first.ends_with("ing") || first.ends_with("ed")))
}

/// A lower-case word in "-ing": a gerund or participle ("admonishing").
fn gerund(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ing") && w.starts_with(|c: char| c.is_lowercase())
}

/// Quantifier and number words that determine a noun when they open a
/// sentence ("One operative inside Trump Tower tried …", "Many observers
/// were …"): the subject is the noun phrase they open, not the word alone.
const QUANTIFIER_DETERMINERS: &[&str] = &[
    "one", "many", "most", "some", "several", "each", "two", "three", "four", "five", "few",
    "both", "all",
];

/// True when the sentence at `s` opens with a quantifier and a time word:
/// "One month after announcing …, Rubio", "One Sunday in late 2001, …" —
/// an adverbial phrase, not a subject.
fn time_opener(doc: &Doc, p: &Para, s: usize) -> bool {
    doc.word_in(p, s, QUANTIFIER_DETERMINERS)
        && p.toks.get(s + 1).is_some_and(|t| {
            t.is_word() && crate::text::calendar::is_time_phrase_word(t.text(doc.text))
        })
}

/// Skips an adverbial phrase opening the sentence at `s` up to its comma
/// ("Hours later, Trump returned …" → the token after the comma).
fn skip_opener(doc: &Doc, p: &Para, s: usize, limit: usize) -> usize {
    let first = doc.word(p, s);
    let opener = is_in(OPENER_WORDS, first)
        || is_in(WEEKDAYS, first)
        || time_opener(doc, p, s)
        || first.len() > 4 && (first.ends_with("ing") || first.ends_with("ed"));
    if !opener {
        return s;
    }
    let to = limit.min(s + 12);
    (s + 1..to)
        .find(|&k| p.toks[k].is_punct(',') && !p.quoted.get(k).copied().unwrap_or(false))
        .map_or(s, |c| c + 1)
}

/// A short noun phrase led by a determiner at `s`: "The man ended up …" →
/// "The man", "The Vermont senator emailed …" → "The Vermont senator".
fn determiner_np(doc: &Doc, p: &Para, s: usize, limit: usize) -> Option<(usize, usize)> {
    let mut b = s + 1;
    while b < limit.min(s + 6) && p.toks[b].is_word() {
        let w = doc.word(p, b);
        let lw = w.to_ascii_lowercase();
        if is_in(FINITE, w)
            || verb_like(w)
            || is_in(CLAUSE_OPENERS, w)
            || is_in(PREPOSITIONS, w)
            || lexicon().class(&lw).is_some()
            || lw.ends_with("ed")
        {
            break;
        }
        b += 1;
    }
    (b > s + 1 && b - s <= 5 && b < limit).then_some((s, b))
}

/// The noun phrase a sentence opens with (after an opening adverbial
/// phrase), when it is a name, a pronoun or a short determiner phrase
/// followed by its verb: "Hillary Clinton posted …" → "Hillary Clinton";
/// "Hours later, the man returned …" → "the man".
pub(super) fn sentence_subject(
    doc: &Doc,
    p: &Para,
    s: usize,
    limit: usize,
) -> Option<(usize, usize)> {
    let s = skip_opener(doc, p, s, limit);
    if s >= limit || !p.toks[s].is_word() {
        return None;
    }
    if doc.word_in(
        p,
        s,
        &["the", "a", "an", "his", "her", "their", "its", "our"],
    ) {
        return determiner_np(doc, p, s, limit);
    }
    if doc.word_in(p, s, QUANTIFIER_DETERMINERS)
        && p.toks.get(s + 1).is_some_and(|t| {
            t.is_word() && t.text(doc.text).starts_with(|c: char| c.is_lowercase())
        })
        && let Some(np) = determiner_np(doc, p, s, limit)
    {
        return Some(np);
    }
    let first = doc.word(p, s);
    // "Following …", "Speaking …", "Asked …": a participle opens no subject.
    let participle = first.len() > 4 && (first.ends_with("ing") || first.ends_with("ed"));
    let named = first.chars().next().is_some_and(char::is_uppercase)
        && !participle
        && !is_in(CLAUSE_OPENERS, first)
        && !is_in(PREPOSITIONS, first)
        && !is_in(SENTENCE_ADVERBS, first);
    if !(named || is_in(&["he", "she", "they", "we", "i"], first)) {
        return None;
    }
    if !named {
        return Some((s, s + 1));
    }
    // A name: capitalised words, with abbreviation stops ("Sen.") and hyphens.
    let mut b = s;
    while b < limit.min(s + 8)
        && p.toks[b].is_word().then(|| doc.word(p, b)).map_or_else(
            || p.toks[b].is_punct('.') || p.toks[b].is_punct('-'),
            |w| w.chars().next().is_some_and(char::is_uppercase),
        )
    {
        b += 1;
    }
    while b > s && !p.toks[b - 1].is_word() {
        b -= 1;
    }
    (b > s && p.toks.get(b).is_some_and(Tok::is_word)).then_some((s, b))
}

/// The subject of a verb after an apposition ending at the comma `k`:
/// "Sanders, a senator from Vermont, said" → "Sanders"; "in the primary,
/// Gov. John Kasich (R-OH), said" → "Gov. John Kasich (R-OH)".
pub(super) fn appositive_subject(
    doc: &Doc,
    p: &Para,
    s: usize,
    k: usize,
) -> Option<(usize, usize)> {
    // The apposition's closing mark: a comma or a dash ("X — a lawyer — told").
    let Kind::Punct(mark) = p.toks[k].kind else {
        return None;
    };
    // The apposition itself when it is a name that follows a comma, or a
    // name opening the sentence ("Cruz also lacks support …, said X" is a
    // clause, not a subject).
    if let Some((x, y)) = subject(doc, p, s, k)
        && y == k
        && (x > s && p.toks[x - 1].is_punct(mark) || x == s && name_like(doc, p, x, y))
        && doc
            .word(p, x)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        && !is_in(SENTENCE_ADVERBS, doc.word(p, x))
        && !is_in(CLAUSE_OPENERS, doc.word(p, x))
    {
        return Some((x, y));
    }
    // The noun phrase before the apposition's opening comma; the apposition
    // may itself hold commas ("Marley Anderson, 21, a junior from Las Vegas,
    // said"), so try up to four of them, nearest first.
    let floor = s.max(k.saturating_sub(MAX_TOKENS));
    let commas = (floor..k)
        .rev()
        .filter(|&i| p.toks[i].is_punct(mark))
        .take(4);
    for c in commas {
        if p.quoted.get(c).copied().unwrap_or(false) {
            return None;
        }
        if let Some((x, y)) = subject(doc, p, s, c)
            && y == c
            && (named_np(doc, p, x, y) || doc.word_in(p, x, &["he", "she", "they"]))
        {
            return Some((x, y));
        }
    }
    None
}

/// True when tokens `[a, b)` name someone: a capitalised word in them, the
/// first not an adverb, preposition or clause opener ("81-year-old Parker
/// Eaton", "Sen. Ted Cruz").
fn named_np(doc: &Doc, p: &Para, a: usize, b: usize) -> bool {
    let w = doc.word(p, a);
    !is_in(SENTENCE_ADVERBS, w)
        && !is_in(CLAUSE_OPENERS, w)
        && !is_in(PREPOSITIONS, w)
        && (a..b.min(a + MAX_SUBJECT)).any(|k| {
            p.toks[k].is_word()
                && doc
                    .word(p, k)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
}

/// Lower-case words a name may contain ("Bank of America", "Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] = &[
    "of", "the", "and", "for", "de", "del", "da", "van", "von", "la", "le", "al", "bin", "el",
];

/// True when tokens `[a, b)` look like a name or a title: capitalised
/// words (name particles allowed), abbreviation stops, hyphens, brackets.
fn name_like(doc: &Doc, p: &Para, a: usize, b: usize) -> bool {
    (a..b).all(|k| {
        let t = p.toks[k];
        if t.is_word() {
            let w = t.text(doc.text);
            w.chars().next().is_some_and(char::is_uppercase) || is_in(NAME_PARTICLES, w)
        } else {
            matches!(t.kind, Kind::Punct('.' | '-' | '(' | ')' | '&'))
        }
    })
}

/// Sentence adverbs that open a sentence without being its subject.
const SENTENCE_ADVERBS: &[&str] = &[
    "then",
    "now",
    "still",
    "also",
    "however",
    "meanwhile",
    "instead",
    "indeed",
    "yet",
    "here",
    "there",
    "today",
    "yesterday",
    "later",
    "earlier",
    "last",
    "this",
    "on",
    "in",
    "at",
];

/// Skips time adjuncts ("on Thursday", "last week", "earlier") from token `a`.
fn skip_time(doc: &Doc, p: &Para, mut a: usize, e: usize) -> usize {
    loop {
        if a < e && doc.word_in(p, a, TIME_WORDS) {
            a += 1;
        } else if a + 1 < e
            && (doc.is_word(p, a, "on") && doc.word_in(p, a + 1, WEEKDAYS)
                || doc.word_in(p, a, &["last", "this", "next"]))
            && (doc.word_in(p, a + 1, WEEKDAYS)
                || doc.word_in(p, a + 1, &["week", "month", "year", "night", "weekend"]))
        {
            a += 2;
        } else {
            return a;
        }
    }
}

/// A speech or document verb at token `v`.
fn verb(
    doc: &Doc,
    p: &Para,
    s: usize,
    e: usize,
    v: usize,
    class: CueClass,
    earlier: &[Found],
) -> Option<Found> {
    let vw = doc.word(p, v);
    // "A poll released Monday found …": the participle of a reduced
    // relative is no cue; the verb after the time phrase is.
    if vw.ends_with("ed") && v > s {
        let mut k = v + 1;
        while k < e && k - v <= 4 && (is_when_word(doc, p, k)) {
            k += 1;
        }
        if k > v + 1
            && k < e
            && p.toks[k].is_word()
            && lexicon()
                .class(&doc.word(p, k).to_ascii_lowercase())
                .is_some_and(|c| c != CueClass::Hedge)
        {
            return None;
        }
    }
    if vw.eq_ignore_ascii_case("asked")
        && (v == s || p.toks[v - 1].is_punct(',') || doc.word_in(p, v - 1, &["when", "if"]))
        && doc.word_in(p, v + 1, QUESTION_WORDS)
    {
        return fronted(doc, p, e, v);
    }
    // "After saying he was nervous, the man …", "While saying that …, he …".
    if vw.ends_with("ing")
        && (v == s
            || v == s + 1
                && doc.word_in(
                    p,
                    s,
                    &[
                        "after", "while", "before", "when", "since", "upon", "despite",
                    ],
                ))
        && p.toks.get(v + 1).is_some_and(Tok::is_word)
    {
        return fronted(doc, p, e, v);
    }
    // Capitalised mid-sentence: a name or a title, not a verb.
    if v > s && vw.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // "to say", "the report", "a show", "Hamas's claims": not verbs.
    if v > s
        && (doc.word_in(p, v - 1, DETERMINERS)
            || p.toks[v - 1].text(doc.text).ends_with("'s")
            || p.toks[v - 1].text(doc.text).ends_with("’s"))
    {
        return None;
    }
    let next = p.toks.get(v + 1).map_or("", |t| t.text(doc.text));
    // "Media reports indicate", "the report suggests", "a report of", "think tank":
    // the cue word is a noun here.
    let prev_word = if v > s {
        p.toks[v - 1].text(doc.text)
    } else {
        ""
    };
    let clause_follows = is_in(&["that", "it", "he", "she", "they", "we"], next)
        || p.toks.get(v + 1).is_some_and(|t| {
            matches!(
                t.kind,
                Kind::Punct(':' | ',') | Kind::Open(_) | Kind::Either(_)
            )
        });
    let named_subject = v > s
        && (is_in(&["he", "she", "it", "they", "who", "which"], prev_word)
            || prev_word.chars().next().is_some_and(char::is_uppercase) && v - 1 > s
            // "The reports show …", "polls show …", "Tuesday’s results show".
            || class == CueClass::Doc
                && (is_in(REPORT_NOUNS, prev_word)
                    || is_in(DOCUMENT_NOUNS, prev_word)
                    || is_in(DATA_NOUNS, prev_word)));
    // "eight states", "those states", "in other states": a counted noun.
    if is_in(NOUN_TOO, vw)
        && (prev_word.chars().next().is_some_and(|c| c.is_ascii_digit())
            || is_in(COUNTERS, prev_word))
    {
        return None;
    }
    if is_in(NOUN_TOO, vw) && !clause_follows && !named_subject {
        return None;
    }
    // "a program called X", "was called for": naming, not saying.
    if vw.eq_ignore_ascii_case("called")
        && (v == s
            || !is_in(&["he", "she", "it", "they", "who", "and", ")"], prev_word)
                && !prev_word.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    if is_in(NOUN_TOO, vw)
        && (verb_like(next)
            || lexicon().class(&next.to_ascii_lowercase()).is_some() && !next.ends_with("ing")
            || is_in(
                &[
                    "of", "in", "on", "from", "tank", "by", "for", "and", "was", "is", "has",
                ],
                next,
            ))
    {
        return None;
    }
    // "accused of", "cited as": participles, not attributions.
    if vw.ends_with("ed") && is_in(&["of", "as"], next) {
        return None;
    }
    // A base form ("state", "say") needs an auxiliary or a plural or pronoun subject.
    let lvw = vw.to_ascii_lowercase();
    let base = !(lvw.ends_with('s')
        || lvw.ends_with("ed")
        || lvw.ends_with("ing")
        || is_in(IRREGULAR, &lvw));
    if base && v > s {
        let prev = p.toks[v - 1].text(doc.text);
        let ok = is_in(AUXILIARIES, prev)
            || is_in(&["they", "we", "i", "you", "people", "who"], prev)
            || (v.saturating_sub(8).max(s)..v).any(|k| doc.is_word(p, k, "and"))
            || (prev.ends_with('s')
                && !prev.ends_with("'s")
                && !prev.ends_with("’s")
                && p.toks[v - 1].is_word())
            || (v.saturating_sub(6).max(s)..v).any(|k| {
                let w = p.toks[k].text(doc.text);
                w.ends_with('s')
                    && p.toks[k].is_word()
                    && doc.word_in(p, k + 1, &["of", "from", "to", "in", "at", "close", "on"])
            })
            // "Six in 10 say", "9 percent say", "majorities in all five say".
            || prev.chars().next().is_some_and(|c| c.is_ascii_digit())
            || is_in(NUMBER_WORDS, prev)
            // "… say she’s shifting", "… say they want": a clause follows.
            || class == CueClass::Speech
                && p.toks[v - 1].is_word()
                && !is_in(DETERMINERS, prev)
                && (is_in(&["he", "she", "they", "it", "we", "that"], next)
                    || is_in(&["he’s", "she’s", "it’s", "they’re", "he's", "she's", "it's", "they're"], next));
        if !ok {
            return None;
        }
    }
    let mut cue_end = v + 1;
    // Particles and statement adjuncts join the cue.
    if doc.is_word(p, cue_end, "out") {
        cue_end += 1;
    }
    // Passive: "was first reported by X" (not "concluded by admonishing
    // journalists": "by" before a gerund tells how, and names no agent).
    if doc.is_word(p, cue_end, "by") && vw.ends_with("ed") && !gerund(doc.word(p, cue_end + 1)) {
        let (na, nb) = np_after(doc, p, cue_end + 1, e, MAX_NP)?;
        let mut cs = v;
        while cs > s && v - cs < 8 && doc.word_in(p, cs - 1, AUXILIARIES) {
            cs -= 1;
        }
        let cb = Doc::trim_end(p, s, cs);
        let content = if Doc::words_between(p, s, cb) >= 2 {
            vec![Doc::range(p, s, cb)]
        } else {
            Vec::new()
        };
        let quote = doc.kind_of(&content);
        return Some(Found {
            para: p.index,
            cue: Doc::range(p, v, cue_end + 1),
            source: Some(Doc::range(p, na, nb)),
            antecedent: None,
            content,
            quote,
            hedge: false,
            channel: None,
        });
    }
    if class != CueClass::Doc
        && let Some(f) = passive(doc, p, s, e, v, cue_end)
    {
        return Some(f);
    }
    if doc.is_word(p, cue_end, "in")
        && doc.word_in(
            p,
            cue_end + 1,
            &["a", "an", "the", "his", "her", "its", "their"],
        )
        && doc.word_in(p, cue_end + 2, STATEMENT_NOUNS)
    {
        cue_end += 3;
    }
    let mut source = subject(doc, p, s, v);
    let before_verb = verb_start(doc, p, s, v);
    let mut antecedent = None;
    // "Barkley, who said …", "a page, which dutifully recounts …": the
    // relative pronoun is the source mention; the noun it stands for resolves it.
    if source.is_none() && before_verb > s && doc.word_in(p, before_verb - 1, &["who", "which"]) {
        let k = before_verb - 1;
        let k2 = if k > s && p.toks[k - 1].is_punct(',') {
            k - 1
        } else {
            k
        };
        antecedent = subject(doc, p, s, k2).map(|(x, y)| Doc::range(p, x, y));
        source = Some((k, k + 1));
    }
    // The adverbials skipped may be part of a longer phrase the subject
    // scan cannot cross: try again skipping only auxiliaries.
    // An adverbial alone ("fiercely", "on Tuesday") is no subject, though:
    // the cue stands, its source is left unknown unless a rule below finds it.
    let mut adverbial_only = false;
    if source.is_none() {
        source = subject_ending(doc, p, s, aux_start(doc, p, s, v));
        if let Some((x, y)) = source
            && all_adverbial(doc, p, x, y)
        {
            source = None;
            adverbial_only = true;
        }
    }
    let mut channel = None;
    let mut a = cue_end;
    // "OUTLET quoted X as saying".
    if vw.eq_ignore_ascii_case("quoted")
        && let Some((na, nb)) = np_after(doc, p, cue_end, e, 8)
        && doc.is_word(p, nb, "as")
        && doc.word_in(p, nb + 1, &["saying", "telling", "writing"])
    {
        channel = source.map(|(x, y)| Doc::range(p, x, y));
        source = Some((na, nb));
        a = nb + 2;
    }
    // Subject-less: an inverted subject ("said Smith") or a participle
    // continuing an earlier attribution ("…, adding that …").
    let mut inherited = None;
    if source.is_none() {
        let after_boundary = before_verb == s
            || matches!(
                p.toks[before_verb - 1].kind,
                Kind::Punct(',' | '\'' | '"') | Kind::Close(_) | Kind::Either(_)
            );
        let starts_np = |i: usize| {
            p.toks.get(i).is_some_and(|t| {
                t.is_word() && {
                    let w = t.text(doc.text);
                    w.chars().next().is_some_and(char::is_uppercase)
                        || is_in(&["the", "a", "an", "its", "his", "her", "another"], w)
                        || is_in(&["he", "she", "it", "they"], w)
                        || inverted_np_start(doc, p, i, e)
                }
            })
        };
        let prev = before_verb.checked_sub(1);
        let appositive = prev
            .filter(|&k| k > s && matches!(p.toks[k].kind, Kind::Punct(',' | '—' | '–')))
            .and_then(|k| appositive_subject(doc, p, s, k));
        if after_boundary && vw.ends_with("ing") && before_verb > s {
            // "…, adding that …" continues an earlier attribution; "Clinton
            // posted a comment, saying, “…”" takes the sentence's subject.
            inherited = earlier.last().and_then(|f| f.source);
            antecedent = earlier.last().and_then(|f| f.antecedent);
            if inherited.is_none() {
                source = Some(sentence_subject(doc, p, s, before_verb)?);
            }
        } else if let Some((na, nb)) = after_boundary
            .then(|| clear_inversion(doc, p, e, v, cue_end))
            .flatten()
        {
            // "…, said Larry Sabato, director of …": a name closing the
            // sentence (or followed by its apposition) after a say-verb.
            source = Some((na, nb));
            a = nb;
        } else if let Some(x) = appositive {
            // "Sanders, a senator from Vermont, said …", "Graham, a former
            // candidate, told CBS News": the subject before an apposition, or
            // the name the apposition ends with — not the object after the verb.
            source = Some(x);
        } else if after_boundary && starts_np(cue_end) {
            let (na, nb) = np_after(doc, p, cue_end, e, 10)?;
            // "said he", but not "said he saw …": a pronoun followed by
            // more words opens the content, it is no inverted subject.
            if nb > na + 1 && doc.word_in(p, na, &["he", "she", "it", "they"]) {
                return None;
            }
            source = Some((na, nb));
            a = nb;
        } else if vw.ends_with("ing")
            && let Some(k) = prev.filter(|&k| {
                doc.word_in(p, k, &["by", "while", "after", "before", "and", "when"])
                    || matches!(p.toks[k].kind, Kind::Punct('—' | '–'))
            })
        {
            // "… by saying that …", "… and saying …", "… – saying …": the
            // participle shares the sentence's subject (none when it opens it).
            if let Some(x) = clause_pronoun(doc, p, s, earlier, k) {
                source = Some(x);
            } else {
                inherited = earlier.last().and_then(|f| f.source);
                antecedent = earlier.last().and_then(|f| f.antecedent);
            }
            if inherited.is_none() && source.is_none() {
                source = sentence_subject(doc, p, s, k);
                if source.is_none() && !is_in(&["saying", "telling", "writing"], vw) {
                    return None;
                }
            }
        } else if let Some(k) = prev.filter(|&k| doc.word_in(p, k, &["and", "but"])) {
            // "Graham called both “crazy” and said …": a coordinated verb
            // shares the sentence's subject.
            if !verb_like(vw) {
                return None;
            }
            if let Some(x) = clause_pronoun(doc, p, s, earlier, k) {
                source = Some(x);
            } else {
                inherited = earlier.last().and_then(|f| f.source);
                antecedent = earlier.last().and_then(|f| f.antecedent);
            }
            if inherited.is_none() && source.is_none() {
                source = Some(sentence_subject(doc, p, s, k)?);
            }
        } else if !adverbial_only {
            return None;
        }
    }
    // Document verbs need a document-like subject ("the findings of the
    // report show"), or "it"/"they" with "that".
    if class == CueClass::Doc
        && let Some((sa, sb)) = source
    {
        let of = (sa..sb).find(|&i| doc.is_word(p, i, "of") || doc.is_word(p, i, "from"));
        let head = of.map_or(sb, |o| o).saturating_sub(1).max(sa);
        let pronoun =
            doc.word_in(p, head, &["it", "they", "this"]) && doc.is_word(p, cue_end, "that");
        let named = doc
            .word(p, head)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            && head > s;
        let ok = doc.word_in(p, head, REPORT_NOUNS)
            || named
            || doc.word_in(p, head, &["he", "she"])
            || doc.word_in(p, head, VAGUE_NOUNS) && !doc.word_in(p, head, QUANTIFIERS)
            || pronoun;
        if !ok {
            return None;
        }
    }
    // The channel after a tell-verb: "told Reuters", "told reporters".
    if TELL_VERBS.iter().any(|t| t.eq_ignore_ascii_case(vw))
        && let Some((na, nb)) = np_after(doc, p, a, e, 5)
        && !doc.is_word(p, na, "that")
    {
        channel = Some(Doc::range(p, na, nb));
        let name = doc.text.get(p.toks[na].b0..p.toks[nb - 1].b1).unwrap_or("");
        if crate::entities::gazetteer::gazetteer()
            .lookup(name)
            .is_some()
        {
            cue_end = nb;
        }
        a = nb;
    }
    a = skip_time(doc, p, a, e);
    if a < e && doc.is_word(p, a, "to") && doc.word_in(p, a + 1, &["reporters", "journalists"]) {
        a += 2;
    }
    a = skip_time(doc, p, a, e);
    let source_range = source.map(|(x, y)| Doc::range(p, x, y)).or(inherited);
    let found = |content: Vec<Range>, quote: QuoteKind| Found {
        para: p.index,
        cue: Doc::range(p, v, cue_end),
        source: source_range,
        antecedent,
        content,
        quote,
        hedge: false,
        channel,
    };
    // Where the subject (or the verb, when inverted) starts.
    let left_edge = match source {
        Some((x, _)) if x < v => x,
        _ => before_verb,
    };
    // 1. Direct quotation just before: “…,” it added.
    let mut k = left_edge;
    if k > 0 && p.toks[k - 1].is_punct(',') {
        k -= 1;
    }
    let complement = complement_follows(doc, p, a, e);
    // "In an attempt to make its point, the Daily News focuses on …",
    // "Holding signs …, the protesters chanted …": an adverbial opening the
    // sentence is not what was said.
    let opener_led = left_edge > s && opens_adverbial(doc, p, s);
    // "…, saying/adding …" after a comma: the participle's own content follows it.
    let participle = vw.ends_with("ing") && Doc::words_between(p, a, e) >= 2;
    if k > 0
        && let Some(q) = doc.closing_at(p, k - 1)
        && !participle
        && !(complement && quote_is_not_lead(doc, p, s, q))
    {
        // “…” quoted words inside a longer clause: a mixed quote.
        let open = doc.quotes[q].open;
        if open.0 == p.index && Doc::words_between(p, s, open.1.max(s)) >= 3 && open.1 >= s {
            let before_end = Doc::trim_end(p, s, k);
            let content = vec![Doc::range(p, s, before_end)];
            return Some(found(content, QuoteKind::Mixed));
        }
        let mut content = doc.quote_pieces(q);
        // Middle cue: “…,” X said. “…”
        let mut n = a;
        while n < e.min(a + 4) && matches!(p.toks[n].kind, Kind::Punct(',' | '.' | ':' | ';')) {
            n += 1;
        }
        if let Some(q2) = doc.opening_at(p, n) {
            content.extend(doc.quote_pieces(q2));
        }
        return Some(found(content, QuoteKind::Direct));
    }
    // 1b. A closing mark the pairing left unpaired (its opening was lost, or
    // '' marks): “…,” he said. / ''…,'' said X.
    if k > s
        && quote_mark(p.toks[k - 1])
        && doc.closing_at(p, k - 1).is_none()
        && !participle
        && !complement
    {
        let mut m = k - 1;
        while m > s && quote_mark(p.toks[m - 1]) {
            m -= 1;
        }
        let end = Doc::trim_end(p, s, m);
        if Doc::words_between(p, s, end) >= 2 {
            return Some(found(vec![Doc::range(p, s, k)], QuoteKind::Direct));
        }
    }
    // "said in an interview with X that …", "said on Twitter Thursday that …":
    // an adjunct between a speech verb and its "that" clause.
    if verb_like(vw) && doc.word_in(p, a, PREPOSITIONS) {
        let to = e.min(a + 16);
        if let Some(t) = (a + 1..to).find(|&t| {
            doc.is_word(p, t, "that") || p.toks[t].is_punct('.') || doc.opening_at(p, t).is_some()
        }) && doc.is_word(p, t, "that")
            && !(a..t).any(|i| p.quoted.get(i).copied().unwrap_or(false))
        {
            a = t;
        }
    }
    // 2. Direct quotation just after: X said: “…”
    let mut n = a;
    while n < p.toks.len().min(a + 4) && matches!(p.toks[n].kind, Kind::Punct(',' | ':')) {
        n += 1;
    }
    if let Some(q) = doc.opening_at(p, n) {
        return Some(found(doc.quote_pieces(q), QuoteKind::Direct));
    }
    // "Reporter X says:" ending its paragraph, the quotation opening the next.
    if n == p.toks.len()
        && n > a
        && p.toks[n - 1].is_punct(':')
        && let Some(next) = doc.paras.get(p.index + 1)
        && let Some(q) = doc.opening_at(next, 0)
    {
        return Some(found(doc.quote_pieces(q), QuoteKind::Direct));
    }
    // 3. Indirect: content after the cue, and before it when parenthetical.
    let a2 = Doc::trim_start(p, a, e);
    let end = Doc::trim_end(p, a2, e);
    // "focuses on …", "remains in …": a prepositional phrase is no content,
    // except after a participle ("…, hinting at his playbook").
    let after = if doc.word_in(p, a2, PREPOSITIONS) && a2 == a && !participle {
        0
    } else {
        Doc::words_between(p, a2, end)
    };
    let before_end = Doc::trim_end(p, s, left_edge);
    let before_has_comma = left_edge > s && p.toks[left_edge - 1].is_punct(',');
    let before = if before_has_comma {
        Doc::words_between(p, s, before_end)
    } else {
        0
    };
    let mut content = Vec::new();
    if participle && after < 2 {
        return None;
    }
    // "In an attempt to make its point, the Daily News focuses on how many
    // …": the opening adverbial was not said; the prepositional object was.
    if opener_led && before_has_comma && after < 2 && doc.word_in(p, a2, PREPOSITIONS) {
        let from = a2 + 1;
        if Doc::words_between(p, from, end) >= 2 {
            content.push(Doc::range(p, from, end));
            let quote = doc.kind_of(&content);
            return Some(found(content, quote));
        }
    }

    if after >= 2 {
        if before >= 2 && before_has_comma && p.toks.get(a).is_some_and(|t| t.is_punct(',')) {
            content.push(Doc::range(p, s, before_end));
        }
        content.push(Doc::range(p, a2, end));
    } else if before >= 2 {
        content.push(Doc::range(p, s, before_end));
    } else {
        return None;
    }
    let quote = doc.kind_of(&content);
    Some(found(content, quote))
}

/// Forms of "be" that make a participle passive.
const BE_FORMS: &[&str] = &["was", "were", "is", "are", "been", "being", "be"];

/// Words after a passive participle that introduce what was said rather
/// than what it was said about ("was told that", "was quoted as saying").
const PASSIVE_COMPLEMENTS: &[&str] = &[
    "that", "to", "as", "about", "whether", "if", "how", "what", "why", "with", "for", "in",
];

/// A passive cue without an agent right after it: "The plan was ultimately
/// approved last year", "Clinton's position was supported Friday by Sen.
/// Feinstein". What was said or done (the content) is the subject; the
/// source, if any, is the "by" phrase a few words on.
fn passive(doc: &Doc, p: &Para, s: usize, e: usize, v: usize, cue_end: usize) -> Option<Found> {
    let vw = doc.word(p, v);
    let participle =
        vw.ends_with("ed") || is_in(&["told", "said", "known", "shown", "written"], vw);
    let start = verb_start(doc, p, s, v);
    if !participle || !(start..v).any(|k| doc.word_in(p, k, BE_FORMS)) {
        return None;
    }
    let next = p.toks.get(cue_end)?;
    if doc.word_in(p, cue_end, PASSIVE_COMPLEMENTS) && is_in(ADDRESSEE_VERBS, vw) {
        return addressee_passive(doc, p, e, v, cue_end);
    }
    if doc.word_in(p, cue_end, PASSIVE_COMPLEMENTS)
        || doc.is_word(p, cue_end, "by")
        || doc.opening_at(p, cue_end).is_some()
        || next.is_punct(':')
    {
        return None;
    }
    let subj = if start > s && doc.word_in(p, start - 1, &["who", "which", "that"]) {
        (start - 1, start)
    } else {
        subject(doc, p, s, v)?
    };
    // "… was supported Friday by Sen. Dianne Feinstein": the agent, within a
    // few words and no punctuation.
    let by = (cue_end..e.min(cue_end + 8))
        .take_while(|&k| p.toks[k].is_word())
        .find(|&k| doc.is_word(p, k, "by"));
    let source = by
        .and_then(|k| np_after(doc, p, k + 1, e, MAX_NP))
        .map(|(x, y)| Doc::range(p, x, y));
    Some(Found {
        para: p.index,
        cue: Doc::range(p, v, cue_end),
        source,
        antecedent: None,
        content: vec![Doc::range(p, subj.0, subj.1)],
        quote: QuoteKind::Indirect,
        hedge: false,
        channel: None,
    })
}

/// Verbs whose passive subject is the one addressed, not the speaker
/// ("Sanders was asked to name …", "He was told that …").
const ADDRESSEE_VERBS: &[&str] = &[
    "asked",
    "told",
    "urged",
    "pressed",
    "invited",
    "encouraged",
    "advised",
    "questioned",
    "warned",
    "reminded",
    "informed",
    "assured",
];

/// "Sanders was asked to name a decision", "he was told that …": the content
/// is what follows; the source is a "by" agent when there is one.
fn addressee_passive(doc: &Doc, p: &Para, e: usize, v: usize, cue_end: usize) -> Option<Found> {
    let end = Doc::trim_end(p, cue_end, e);
    if Doc::words_between(p, cue_end, end) < 2 {
        return None;
    }
    let by = (cue_end..end)
        .take(MAX_TOKENS)
        .find(|&k| doc.is_word(p, k, "by"));
    let source = by
        .and_then(|k| np_after(doc, p, k + 1, e, MAX_NP))
        .map(|(x, y)| Doc::range(p, x, y));
    let content = vec![Doc::range(
        p,
        cue_end,
        by.map_or(end, |k| Doc::trim_end(p, cue_end, k)),
    )];
    let quote = doc.kind_of(&content);
    Some(Found {
        para: p.index,
        cue: Doc::range(p, v, cue_end),
        source,
        antecedent: None,
        content,
        quote,
        hedge: false,
        channel: None,
    })
}

/// Verbs that invert with their subject after the content ("…, said Smith").
const INVERTING_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "asked",
    "asks",
    "wrote",
    "writes",
    "explained",
    "noted",
    "continued",
    "recalled",
    "replied",
    "answered",
    "insisted",
    "argued",
    "warned",
    "declared",
    "concluded",
    "countered",
    "cautioned",
    "acknowledged",
    "observed",
];

/// The inverted subject after a say-verb when nothing else can be read
/// there: a name (or "one …", "former Gov. …") that ends the sentence or is
/// followed by a comma or bracket — "…, said Dan Gerstein, director of …".
fn clear_inversion(
    doc: &Doc,
    p: &Para,
    e: usize,
    v: usize,
    cue_end: usize,
) -> Option<(usize, usize)> {
    if !is_in(INVERTING_VERBS, doc.word(p, v)) || cue_end != v + 1 {
        return None;
    }
    let first = doc.word(p, cue_end);
    let capital = first.chars().next().is_some_and(char::is_uppercase)
        && !is_in(WEEKDAYS, first)
        && !is_in(CLAUSE_OPENERS, first);
    if !(capital || inverted_np_start(doc, p, cue_end, e)) {
        return None;
    }
    let (na, nb) = np_after(doc, p, cue_end, e, 10)?;
    let end = Doc::trim_end(p, nb, e);
    let closes = end == nb
        || p.toks
            .get(nb)
            .is_some_and(|t| t.is_punct(',') || t.is_punct('('));
    closes.then_some((na, nb))
}

/// Lower-case words that open an inverted subject: counts and quantifiers.
const INVERTED_OPENERS: &[&str] = &[
    "one", "two", "three", "several", "some", "many", "both", "few", "most", "other", "others",
    "former", "retired", "current", "longtime", "senior", "top",
];

/// True when a lower-case noun phrase starts at `i` after an inverting cue:
/// "“…,” said one New Hampshire Democrat", "said pollster Frank Luntz",
/// "said former Gov. Jim Doyle". A title word must lead to a name.
fn inverted_np_start(doc: &Doc, p: &Para, i: usize, e: usize) -> bool {
    let w = doc.word(p, i);
    if is_in(INVERTED_OPENERS, w) {
        return p.toks.get(i + 1).is_some_and(Tok::is_word)
            && !doc.word_in(p, i + 1, CLAUSE_OPENERS)
            && !doc.word_in(p, i + 1, PREPOSITIONS);
    }
    // "spokesman John Kirby", "election lawyer Joe Birkenstock": up to two
    // lower-case words, then a capitalised name.
    let plain = |k: usize| {
        p.toks.get(k).is_some_and(Tok::is_word)
            && doc
                .word(p, k)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            && !doc.word_in(p, k, CLAUSE_OPENERS)
            && !doc.word_in(p, k, PREPOSITIONS)
            && !doc.word_in(p, k, ADJUNCT_OPENERS)
            && !doc.word_in(p, k, FINITE)
            && !doc.word_in(p, k, TIME_WORDS)
            && !doc.word(p, k).ends_with("ly")
            && lexicon()
                .class(&doc.word(p, k).to_ascii_lowercase())
                .is_none()
    };
    let caps = |k: usize| {
        k < e
            && p.toks[k].is_word()
            && doc
                .word(p, k)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    plain(i) && (caps(i + 1) || plain(i + 1) && caps(i + 2))
}

/// Words that open an adjunct rather than a reported clause after a cue
/// ("said of the industry", "told him as he left").
const ADJUNCT_OPENERS: &[&str] = &[
    "of", "to", "for", "as", "about", "by", "and", "but", "or", "while", "when", "after", "before",
    "because", "since", "so", "than", "then", "again",
];

/// True when a reported clause follows the cue from token `a`: "He says
/// referees are …", "admitted that the name was inaccurate" — at least three
/// words that do not open with a preposition or conjunction.
fn complement_follows(doc: &Doc, p: &Para, a: usize, e: usize) -> bool {
    p.toks.get(a).is_some_and(Tok::is_word)
        && !doc.word_in(p, a, PREPOSITIONS)
        && !doc.word_in(p, a, ADJUNCT_OPENERS)
        && Doc::words_between(p, a, e) >= 3
}

/// True when quotation `q`, closing before a cue, does not lead the cue's
/// sentence: it closed in an earlier sentence ("… “was inappropriate.” He
/// writes that …") or words precede it ("Sunday on “Fox & Friends,” X said …").
fn quote_is_not_lead(doc: &Doc, p: &Para, s: usize, q: usize) -> bool {
    let Some(quote) = doc.quotes.get(q) else {
        return false;
    };
    let (op, ot) = quote.open;
    let (cp, ct) = quote.close;
    let closed_earlier = cp != p.index || ct < s;
    let words_before = op == p.index && ot > s && Doc::words_between(p, s, ot) >= 1;
    closed_earlier || words_before
}

/// Plural nouns of data that "show" things.
const DATA_NOUNS: &[&str] = &[
    "results",
    "figures",
    "data",
    "numbers",
    "files",
    "records",
    "polls",
    "surveys",
    "estimates",
    "statistics",
    "returns",
    "filings",
    "reports",
    "documents",
    "studies",
];

/// Words that count or point at a following noun ("those states", "eight states").
const COUNTERS: &[&str] = &[
    "those", "these", "other", "some", "various", "several", "each", "few", "many", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "all", "both", "western", "eastern",
    "southern", "northern", "more", "most",
];

/// Number words that can be a subject ("all five say", "half say").
const NUMBER_WORDS: &[&str] = &[
    "percent",
    "half",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozen",
    "majority",
    "majorities",
    "most",
    "many",
    "few",
    "others",
    "both",
    "all",
];

/// Words that open an indirect question after "asked".
const QUESTION_WORDS: &[&str] = &[
    "whether", "if", "about", "what", "why", "how", "when", "who", "where", "which",
];

/// A participle clause fronting its sentence: "Asked whether Clinton “has
/// the integrity …”, he said …", "After saying he was nervous, the man …".
/// The clause is the content; the source is the subject after its comma.
fn fronted(doc: &Doc, p: &Para, e: usize, v: usize) -> Option<Found> {
    let to = e.min(v + MAX_TOKENS);
    let comma = (v + 2..to)
        .find(|&k| p.toks[k].is_punct(',') && !p.quoted.get(k).copied().unwrap_or(false));
    let end = Doc::trim_end(p, v + 1, comma.unwrap_or(to));
    if Doc::words_between(p, v + 1, end) < 2 {
        return None;
    }
    // "Asked whether …, he said": he answers; who asked goes unnamed.
    let source = comma
        .filter(|_| !doc.is_word(p, v, "asked"))
        .and_then(|c| sentence_subject(doc, p, c + 1, e));
    let content = vec![Doc::range(p, v + 1, end)];
    let quote = doc.kind_of(&content);
    Some(Found {
        para: p.index,
        cue: Doc::range(p, v, v + 1),
        source: source.map(|(x, y)| Doc::range(p, x, y)),
        antecedent: None,
        content,
        quote,
        hedge: false,
        channel: None,
    })
}

/// True for "Smith: …", "TAPPER: …", "Clinton to Planned Parenthood: …": a
/// short name opening the sentence that labels what follows as its words.
fn name_label(doc: &Doc, p: &Para, s: usize, i: usize) -> bool {
    if i <= s || i - s > 8 {
        return false;
    }
    let caps = |k: usize| {
        doc.word(p, k)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let mut words = 0;
    for k in s..i {
        let t = p.toks[k];
        if t.is_word() {
            words += 1;
            if !(caps(k) || doc.word_in(p, k, &["of", "on", "to", "at", "for", "and", "the"])) {
                return false;
            }
        } else if !(t.is_punct('.') || t.is_punct('-')) {
            return false;
        }
    }
    let first = doc.word(p, s);
    (1..=6).contains(&words)
        && caps(s)
        && caps(i - 1)
        && first.chars().count() > 1
        && !is_in(LABELS, first)
        && !is_in(REPORT_NOUNS, first)
}

/// Labels that end with a colon without naming a speaker.
const LABELS: &[&str] = &[
    "update",
    "updated",
    "note",
    "editor",
    "editors",
    "related",
    "watch",
    "read",
    "photo",
    "photos",
    "video",
    "warning",
    "breaking",
    "question",
    "answer",
    "source",
    "sources",
    "by",
    "via",
    "tags",
    "topics",
    "share",
    "follow",
    "subscribe",
    "correction",
    "clarification",
    "disclaimer",
    "image",
    "credit",
    "more",
    "see",
    "also",
    "listen",
    "click",
    "transcript",
    "full",
    "partial",
    "live",
    "exclusive",
    "opinion",
    "analysis",
    "poll",
    "polls",
    "q",
    "a",
    "here",
    "then",
    "now",
    "today",
    "yesterday",
    "tonight",
    "morning",
    "evening",
    "afternoon",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "first",
    "second",
    "third",
    "next",
    "last",
    "finally",
    "bottom",
    "result",
    "results",
    "total",
    "background",
    "why",
    "what",
    "how",
    "when",
    "where",
    "who",
    "this",
    "that",
    "these",
    "the",
    "latest",
    "delegate",
    "delegates",
];

/// "according to X, …" and "…, according to X."
fn according(doc: &Doc, p: &Para, s: usize, e: usize, i: usize) -> Option<Found> {
    let (na, nb) = np_after(doc, p, i + 2, e, MAX_NP)?;
    let before_end = Doc::trim_end(p, s, i);
    let before = Doc::words_between(p, s, before_end);
    let a = Doc::trim_start(p, nb, e);
    let end = Doc::trim_end(p, a, e);
    let after = Doc::words_between(p, a, end);
    let mut content = Vec::new();
    if before >= 2 {
        content.push(Doc::range(p, s, before_end));
    }
    if after >= 2 {
        content.push(Doc::range(p, a, end));
    }
    if content.is_empty() {
        return None;
    }
    let quote = if let Some(q) = doc.opening_at(p, a).filter(|_| before < 2) {
        content = doc.quote_pieces(q);
        QuoteKind::Direct
    } else {
        doc.kind_of(&content)
    };
    Some(Found {
        para: p.index,
        cue: Doc::range(p, i, i + 2),
        source: Some(Doc::range(p, na, nb)),
        antecedent: None,
        content,
        quote,
        hedge: false,
        channel: None,
    })
}

/// "…, he said, citing low economic growth.": what is cited is the
/// content; the source is whoever cites it — the speaker of an earlier
/// attribution in the sentence, else the sentence's subject.
fn citing(doc: &Doc, p: &Para, s: usize, e: usize, i: usize, earlier: &[Found]) -> Option<Found> {
    let end = Doc::trim_end(p, i + 1, e);
    if Doc::words_between(p, i + 1, end) < 1 || !p.toks.get(i + 1).is_some_and(Tok::is_word) {
        return None;
    }
    let (source, antecedent) = if let Some(f) = earlier.last() {
        (f.source, f.antecedent)
    } else {
        let subj = sentence_subject(doc, p, s, i).or_else(|| subject(doc, p, s, i))?;
        (Some(Doc::range(p, subj.0, subj.1)), None)
    };
    let content = vec![Doc::range(p, i + 1, end)];
    let quote = doc.kind_of(&content);
    Some(Found {
        para: p.index,
        cue: Doc::range(p, i, i + 1),
        source,
        antecedent,
        content,
        quote,
        hedge: false,
        channel: None,
    })
}

/// "… (via X)" and "… h/t X": only at the end of a sentence, naming a capitalised source.
fn via(doc: &Doc, p: &Para, s: usize, e: usize, i: usize, a: usize) -> Option<Found> {
    let (na, nb) = np_after(doc, p, a, e, 6)?;
    let first = doc.word(p, na);
    if !(first.chars().next().is_some_and(char::is_uppercase) || first.starts_with('@')) {
        return None;
    }
    let rest = Doc::trim_end(p, nb, e);
    if rest > nb && !(rest == nb + 1 && p.toks[nb].is_punct(')')) {
        return None;
    }
    let mut before_end = i;
    while before_end > s.max(i.saturating_sub(4))
        && matches!(p.toks[before_end - 1].kind, Kind::Punct('(' | '['))
    {
        before_end -= 1;
    }
    let before_end = Doc::trim_end(p, s, before_end);
    if Doc::words_between(p, s, before_end) < 2 {
        return None;
    }
    let content = vec![Doc::range(p, s, before_end)];
    let quote = doc.kind_of(&content);
    Some(Found {
        para: p.index,
        cue: Doc::range(p, i, a),
        source: Some(Doc::range(p, na, nb)),
        antecedent: None,
        content,
        quote,
        hedge: false,
        channel: None,
    })
}

/// "reportedly", "allegedly": the sentence is attributed to nobody in particular.
fn hedge(doc: &Doc, p: &Para, s: usize, e: usize, i: usize) -> Option<Found> {
    let end = Doc::trim_end(p, s, e);
    if Doc::words_between(p, s, end) < 3 {
        return None;
    }
    let content = vec![Doc::range(p, s, end)];
    let quote = doc.kind_of(&content);
    Some(Found {
        para: p.index,
        cue: Doc::range(p, i, i + 1),
        source: None,
        antecedent: None,
        content,
        quote,
        hedge: true,
        channel: None,
    })
}

/// A colon: "one militant warned: “…”" is the verb's; "Smith: “…”" and a
/// "Report: …" headline are the colon's own.
fn colon(doc: &Doc, p: &Para, s: usize, e: usize, i: usize) -> Option<Found> {
    let lex = lexicon();
    // A cue verb right before the colon handles it.
    let headline = i == s + 1
        && doc.word_in(p, s, REPORT_NOUNS)
        && doc
            .word(p, s)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
    if !headline
        && i > s
        && p.toks[i - 1].is_word()
        && lex
            .class(&p.toks[i - 1].text(doc.text).to_ascii_lowercase())
            .is_some()
    {
        return None;
    }
    if headline {
        let end = Doc::trim_end(p, i + 1, e);
        if Doc::words_between(p, i + 1, end) < 2 {
            return None;
        }
        let content = vec![Doc::range(p, i + 1, end)];
        let quote = doc.kind_of(&content);
        return Some(Found {
            para: p.index,
            cue: Doc::range(p, i, i + 1),
            source: Some(Doc::range(p, s, s + 1)),
            antecedent: None,
            content,
            quote,
            hedge: false,
            channel: None,
        });
    }
    // The words labelled start with a letter or a quotation ("Clinton: 547." is a tally).
    let labelled = p.toks.get(i + 1).is_some_and(|t| {
        doc.opening_at(p, i + 1).is_some()
            || t.is_word()
                && doc
                    .word(p, i + 1)
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
    });
    if labelled && name_label(doc, p, s, i) {
        let end = Doc::trim_end(p, i + 1, e);
        if Doc::words_between(p, i + 1, end) >= 2 {
            let (content, quote) = if let Some(q) = doc.opening_at(p, i + 1) {
                (doc.quote_pieces(q), QuoteKind::Direct)
            } else {
                let content = vec![Doc::range(p, i + 1, end)];
                let quote = doc.kind_of(&content);
                (content, quote)
            };
            return Some(Found {
                para: p.index,
                cue: Doc::range(p, i, i + 1),
                source: Some(Doc::range(p, s, i)),
                antecedent: None,
                content,
                quote,
                hedge: false,
                channel: None,
            });
        }
    }
    let q = doc.opening_at(p, i + 1)?;
    if i - s > 8 {
        return None;
    }
    let words = Doc::words_between(p, s, i);
    if words == 0 || (s..i).any(|k| !p.toks[k].is_word()) {
        return None;
    }
    Some(Found {
        para: p.index,
        cue: Doc::range(p, i, i + 1),
        source: Some(Doc::range(p, s, i)),
        antecedent: None,
        content: doc.quote_pieces(q),
        quote: QuoteKind::Direct,
        hedge: false,
        channel: None,
    })
}
