//! Quote verification: is every direct quote the same statement as its source?
//!
//! A quote is one **statement**: the quotation-marked words of a direct or
//! mixed attribution — all its pieces, so a quote interrupted by its
//! attribution ("…,” he said, “…") or running over several paragraphs is
//! checked as one — or any other quotation-marked stretch of at least
//! [`MIN_WORDS`] words. It is checked only against passages that can be its
//! source ([`Basis`]):
//!
//! - the **credited source's own text** (an article by the entity the
//!   attribution resolves to: the report, the speaker's own article);
//! - an article the quoting article **copies** (a copy pair);
//! - a **quotation credited to the same speaker** in another article (an
//!   earlier one preferred; a later one that copies the quoting article
//!   proves nothing). Speakers repeat their lines, so two such reports are
//!   one statement quoted two ways only on firmer evidence: an alteration
//!   must change words, not phrases ([`MAX_WORD_CHANGE`]), and a short
//!   fragment must come from the same news days ([`MAX_OCCASION_DAYS`]).
//!
//! The passage is found through the [`Locator`]'s inverted index (rare words
//! first, a bounded budget per quote) and aligned with [`locate::align`]; the
//! verdict ([`Status`]) comes from that alignment:
//!
//! - **verified** — the same words, in order, nothing dropped or added
//!   (punctuation and case aside), or the same words as most of another
//!   report's longer quotation;
//! - **partial** — the same words where the quote has them, but the quote
//!   marks an omission (an ellipsis, a split) where the source has more, or
//!   the quote runs on past the end of the source's sentence or quotation (a
//!   longer version): not a misquote;
//! - **altered** — the same statement ([`locate::Alignment::same_statement`]:
//!   at least [`locate::MIN_CONTENT`] content words and most of the quote's
//!   content words in order) with words dropped, added or changed; the diff
//!   says which. A shared phrase of a few words is never enough;
//! - **unverified** — no source passage for it in the corpus.
//!
//! Every check names the speaker, the passage checked against (article and
//! span), the alignment's coverage and similarity, and why, in one sentence.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::article::{Article, Date};
use crate::attribution::{Attribution, QuoteKind};
use crate::entities::{EntityKind, EntityRef, Registry};
use crate::graph::credited;
use crate::graph::keys::key_of;
use crate::graph::model::label;
use crate::reuse::CopyPair;
use crate::span::{Range, Span};

use super::diff::{self, Run, Token};
use super::locate::{self, Locator, Match};

/// Shortest quote checked, in words (shorter quoted phrases are names and scare quotes).
pub const MIN_WORDS: usize = 4;

/// Regions aligned per quote that lie in a possible source quotation…
const MAX_SOURCE_REGIONS: usize = 32;
/// …and elsewhere (other occurrences).
const MAX_OTHER_REGIONS: usize = 12;

/// Most other occurrences listed per quote (the best first).
const MAX_OCCURRENCES: usize = 20;

/// The verdict on a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The same words as the source passage (punctuation and case aside).
    Verified,
    /// A fragment of the source statement, or a longer version of it, with
    /// the shared words unchanged: not a misquote.
    Partial,
    /// The same statement as the source passage, with words changed.
    Altered,
    /// No source passage for it in the corpus.
    Unverified,
}

impl Status {
    /// The lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Status::Verified => "verified",
            Status::Altered => "altered",
            Status::Partial => "partial",
            Status::Unverified => "unverified",
        }
    }
}

/// Why a passage can be the quote's source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// An article by the entity the quote is credited to.
    CreditedSource,
    /// An article the quoting article copies text from.
    CopiedFrom,
    /// A quotation credited to the same speaker in another article.
    SameSpeaker,
}

impl Basis {
    fn phrase(self) -> &'static str {
        match self {
            Basis::CreditedSource => "the credited source's own text",
            Basis::CopiedFrom => "an article this one copies",
            Basis::SameSpeaker => "a quotation of the same speaker",
        }
    }
}

/// One place a quote occurs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occurrence {
    /// The article id.
    pub article: String,
    /// Its outlet, if known.
    pub outlet: Option<String>,
    /// Its date (or date floor), if known.
    pub date: Option<Date>,
    /// True when `date` is only a floor (the latest date the text mentions).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub date_is_floor: bool,
    /// Where in that article (the aligned stretch).
    pub span: Span,
    /// True when the words are the same as the quote's.
    pub exact: bool,
    /// 0.0–1.0 word similarity (Dice) to the quote.
    pub similarity: f64,
    /// 0.0–1.0 share of the quote's content words found there, in order.
    #[serde(default)]
    pub coverage: f64,
}

/// The check of one quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteCheck {
    /// The quoting article.
    pub article: String,
    /// The quoted words, from the first to the last (for a quote in pieces,
    /// the attribution between them is inside this span; see `pieces`).
    pub quote: Span,
    /// The pieces of a quote split by its attribution, by paragraphs or
    /// into fragments, each inside its quotation marks; empty for a quote
    /// in one piece.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pieces: Vec<Span>,
    /// The source mention of the attribution, if the quote is attributed.
    pub source: Option<Span>,
    /// The entity the quote is credited to, if resolved.
    pub credited: Option<EntityRef>,
    /// Who the quote is credited to, as a name: the resolved entity, else
    /// the source mention as written.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Verified, altered, partial or unverified.
    pub status: Status,
    /// Why the passage checked against can be the quote's source.
    pub basis: Option<Basis>,
    /// The passage the status was decided against.
    pub against: Option<Occurrence>,
    /// 0.0–1.0 share of the quote's content words found in order in `against`.
    #[serde(default)]
    pub coverage: Option<f64>,
    /// 0.0–1.0 word similarity of the quote and `against`.
    #[serde(default)]
    pub similarity: Option<f64>,
    /// Why this status, in one sentence.
    #[serde(default)]
    pub why: String,
    /// Word-level differences (left = `against`, right = the quote as
    /// written, punctuation kept); empty when verified or unverified.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diff: Vec<Run>,
    /// The earliest known occurrence of the statement (possibly the quote itself).
    pub earliest: Occurrence,
    /// Other articles where the same statement occurs (at most 20), by article.
    pub occurrences: Vec<Occurrence>,
}

/// A quote found in an article, before checking.
#[derive(Debug, Clone, PartialEq)]
pub struct Quoted<'a> {
    /// From the first quoted word to the last.
    pub range: Range,
    /// The quoted words, piece by piece (one range for a quote in one piece).
    pub pieces: Vec<Range>,
    /// The attribution it belongs to, if any.
    pub attribution: Option<&'a Attribution>,
}

const OPENING: [char; 4] = ['“', '„', '"', '«'];

fn closes(open: char, c: char) -> bool {
    matches!((open, c), ('“' | '„', '”' | '“') | ('"', '"') | ('«', '»'))
}

/// Every quotation-marked stretch of `article`, in text order, each as its
/// pieces trimmed to the words inside the marks. A quotation left open at
/// the end of a paragraph continues when the next paragraph reopens with a
/// mark of the same kind (the news convention for quotes over paragraphs);
/// otherwise its opening mark was stray and is ignored. Double marks only:
/// single marks are too often apostrophes; nested single quotes stay inside.
/// One pass over the text.
pub fn quotations(article: &Article) -> Vec<Vec<Range>> {
    let text = article.text.as_str();
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None; // (mark, piece start)
    let mut pieces: Vec<Range> = Vec::new();
    let mut awaiting: Option<char> = None; // mark of a quotation cut by a paragraph end
    for (at, c) in text.chars().enumerate() {
        if let Some(mark) = awaiting {
            if c.is_whitespace() {
                continue;
            }
            awaiting = None;
            if c == mark || (mark == '„' && c == '“') || (mark == '“' && c == '„') {
                open = Some((mark, at + 1));
                continue;
            }
            pieces.clear();
        }
        match open {
            None if OPENING.contains(&c) => open = Some((c, at + 1)),
            Some((mark, start)) if closes(mark, c) => {
                push_trimmed(article, Range::new(start, at), &mut pieces);
                if !pieces.is_empty() {
                    out.push(std::mem::take(&mut pieces));
                }
                open = None;
            }
            Some((mark, start)) if c == '\n' => {
                push_trimmed(article, Range::new(start, at), &mut pieces);
                open = None;
                awaiting = Some(mark);
            }
            _ => {}
        }
    }
    out
}

/// Quotation-marked stretches inside `within` (character range of the
/// text), each piece trimmed to the words inside the marks.
pub fn quoted_ranges(article: &Article, within: Range) -> Vec<Range> {
    quotations(article)
        .into_iter()
        .flatten()
        .filter(|r| within.contains(*r))
        .collect()
}

fn push_trimmed(article: &Article, range: Range, out: &mut Vec<Range>) {
    let toks = diff::tokens(article.text.slice(range), range.start);
    if let (Some(first), Some(last)) = (toks.first(), toks.last()) {
        // Keep closing punctuation inside the marks out of the span.
        out.push(Range::new(first.range.start, last.range.end));
    }
}

fn word_count(article: &Article, pieces: &[Range]) -> usize {
    pieces
        .iter()
        .map(|&r| crate::text::words::words(article.text.slice(r), 0).count())
        .sum()
}

/// Every quote of `article`, in text order: each direct or mixed
/// attribution's quoted pieces as one statement (its content when a direct
/// quote has no marks), then every quotation no attribution claimed. Linear
/// in the text and the attributions' content.
pub fn quotes_of<'a>(article: &Article, attributions: &'a [Attribution]) -> Vec<Quoted<'a>> {
    let quotations = quotations(article);
    // Pieces in text order (quotations do not overlap), with their quotation.
    let flat: Vec<(Range, usize)> = quotations
        .iter()
        .enumerate()
        .flat_map(|(q, pieces)| pieces.iter().map(move |&r| (r, q)))
        .collect();
    let mut claimed = vec![false; quotations.len()];
    let mut out: Vec<Quoted<'a>> = Vec::new();
    for attr in attributions {
        if attr.quote == QuoteKind::Indirect {
            continue;
        }
        let mut mine: Vec<usize> = Vec::new();
        for content in &attr.content {
            let range = Range::new(content.start, content.end);
            let first = flat.partition_point(|(r, _)| r.end <= range.start);
            for &(r, q) in flat[first..]
                .iter()
                .take_while(|(r, _)| r.start < range.end)
            {
                if r.overlaps(range) && !claimed[q] {
                    claimed[q] = true;
                    mine.push(q);
                }
            }
        }
        mine.sort_unstable();
        // Quotations of one attribution are one statement when only the
        // attribution stands between them ("…,” she said, “…"); a quotation
        // in another paragraph ("…,” he continued) is a statement of its own.
        let mut groups: Vec<Vec<Range>> = Vec::new();
        for q in mine {
            let pieces = &quotations[q];
            let joined = match (groups.last(), pieces.first()) {
                (Some(group), Some(next)) => group.last().is_some_and(|prev| {
                    interrupts(article, Range::new(prev.end, next.start), attr)
                }),
                _ => false,
            };
            match groups.last_mut() {
                Some(group) if joined => group.extend(pieces),
                _ => groups.push(pieces.clone()),
            }
        }
        if groups.is_empty() && attr.quote == QuoteKind::Direct {
            let mut pieces = Vec::new();
            for content in &attr.content {
                push_trimmed(article, Range::new(content.start, content.end), &mut pieces);
            }
            groups.push(pieces);
        }
        for mut pieces in groups {
            pieces.sort_unstable();
            pieces.dedup();
            if let (Some(first), Some(last)) = (pieces.first(), pieces.last()) {
                out.push(Quoted {
                    range: Range::new(first.start, last.end),
                    pieces,
                    attribution: Some(attr),
                });
            }
        }
    }
    for (q, pieces) in quotations.into_iter().enumerate() {
        if claimed[q] {
            continue;
        }
        if let (Some(first), Some(last)) = (pieces.first(), pieces.last()) {
            out.push(Quoted {
                range: Range::new(first.start, last.end),
                pieces,
                attribution: None,
            });
        }
    }
    out.retain(|q| word_count(article, &q.pieces) >= MIN_WORDS);
    out.sort_by_key(|q| (q.range.start, q.range.end));
    out.dedup_by_key(|q| q.range);
    out
}

/// Most words between two quotations of one statement (the attribution
/// that interrupts it: "…,” the senator from Vermont said on Sunday, “…").
const MAX_INTERRUPTION_WORDS: usize = 12;

/// True when `gap` (from the end of one quotation's words to the start of
/// the next's) is only the interruption of one statement by `attr` itself:
/// in one paragraph, a few words at most, holding the attribution's cue or
/// source ("…,” she said, “…"), and closed by punctuation after it ("said
/// on Sunday, “…", "she said. “…"). A gap of marks and punctuation only
/// ("…” “…") joins too. Any other words are narrative between two separate
/// quotations ("“make it whole” — a rebuttal to “make it great”", "called it
/// “a mess” and “a disgrace”", "Fiorina told “Fox News”"): each is then a
/// quote of its own, so no quote ever reads narrative as quoted words.
fn interrupts(article: &Article, gap: Range, attr: &Attribution) -> bool {
    let text = article.text.slice(gap);
    if text.contains('\n') {
        return false;
    }
    let words: Vec<Range> = crate::text::words::words(text, gap.start)
        .take(MAX_INTERRUPTION_WORDS + 1)
        .map(|w| w.range)
        .collect();
    if words.is_empty() {
        return true;
    }
    if words.len() > MAX_INTERRUPTION_WORDS {
        return false;
    }
    let Some(attribution_end) = std::iter::once(&attr.cue)
        .chain(attr.source.as_ref())
        .map(|s| Range::new(s.start, s.end))
        .filter(|&r| gap.contains(r))
        .map(|r| r.end)
        .max()
    else {
        return false;
    };
    article
        .text
        .slice(Range::new(attribution_end, gap.end))
        .trim_end_matches(|c: char| {
            c.is_whitespace() || OPENING.contains(&c) || matches!(c, '\'' | '‘' | '`' | '(' | '[')
        })
        .ends_with([',', '.', ':', ';'])
}

/// The words of a quote, piece after piece; the last word of every piece
/// but the last marks an omission (the source may have words there).
pub fn quote_tokens(article: &Article, pieces: &[Range]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    for &r in pieces {
        if let Some(last) = out.last_mut() {
            last.elides = true;
        }
        out.extend(diff::tokens(article.text.slice(r), r.start));
    }
    out
}

fn occurrence(article: &Article, m: &Match) -> Occurrence {
    let date = credited::effective_date(article);
    Occurrence {
        article: article.id.clone(),
        outlet: article.outlet().map(str::to_string),
        date: date.map(|d| d.0),
        date_is_floor: date.is_some_and(|d| d.1),
        span: article.span(m.range),
        exact: m.exact,
        similarity: m.similarity,
        coverage: m.alignment.coverage(),
    }
}

fn own_occurrence(article: &Article, range: Range) -> Occurrence {
    let date = credited::effective_date(article);
    Occurrence {
        article: article.id.clone(),
        outlet: article.outlet().map(str::to_string),
        date: date.map(|d| d.0),
        date_is_floor: date.is_some_and(|d| d.1),
        span: article.span(range),
        exact: true,
        similarity: 1.0,
        coverage: 1.0,
    }
}

/// True when two credited entities are the same speaker: the same entity
/// id, spellings of one person's name, a surname alone against the full
/// name ("Trump", "Donald Trump"), or names of one organisation.
pub fn same_speaker(a: &EntityRef, b: &EntityRef) -> bool {
    if a.id == b.id {
        return true;
    }
    let personal = |k: EntityKind| matches!(k, EntityKind::Person | EntityKind::Unknown);
    if personal(a.kind) && personal(b.kind) {
        if crate::entities::names::same_person(&a.name, &b.name) {
            return true;
        }
        let words = |n: &str| -> Vec<String> {
            crate::entities::names::strip_titles(n)
                .split_whitespace()
                .map(diff::fold_word)
                .collect()
        };
        let (wa, wb) = (words(&a.name), words(&b.name));
        // A surname alone, or the same first and last names ("Hillary
        // Rodham Clinton", "Hillary Clinton").
        return !wa.is_empty()
            && !wb.is_empty()
            && wa.last() == wb.last()
            && (wa.len() == 1 || wb.len() == 1 || wa.first() == wb.first());
    }
    // Organisations, outlets and reports: the same graph key ("report:memri"
    // is MEMRI's, as "org:memri" is).
    !personal(a.kind) && !personal(b.kind) && key_of(&a.id) == key_of(&b.id)
}

/// What a quote can be checked against: the corpus, its quotes, the copy
/// pairs and the articles of each named source, prepared once.
struct Desk<'a> {
    articles: &'a [Article],
    quotes: Vec<Vec<Quoted<'a>>>,
    locator: &'a Locator,
    /// Article index → articles it copies from (or shares text with, undirected).
    copied_from: HashMap<usize, Vec<usize>>,
    /// The articles by each graph node (outlet, author, affiliation).
    by_node: credited::ByNode,
    /// The corpus registry: canonical ids, report publishers.
    entities: &'a Registry,
}

/// Who a quote is credited to and which articles can hold its source.
struct Possible<'s> {
    /// The credited entity, if resolved.
    credited: Option<&'s EntityRef>,
    /// Articles by the credited entity.
    own: &'s [usize],
    /// Articles the quoting article copies.
    copied: &'s [usize],
}

/// Why a quotation that has the statement was not taken as the quote's
/// source (said in the check's `why` when nothing else decides it).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Refusal {
    /// Changed, but covering or resembling too little of the quote to
    /// accuse anyone of misquoting ([`firm_alteration`]).
    Weak,
    /// Another report of the speaker, changed by a whole phrase: this many
    /// words in one place ([`MAX_WORD_CHANGE`]).
    Phrase(usize),
    /// A short fragment in a report of the speaker this many days apart
    /// (`None`: not both dated), see [`MAX_OCCASION_DAYS`].
    Apart(Option<i64>),
}

/// A refused source passage: which article, why, and how close it came.
struct Refused {
    article: usize,
    refusal: Refusal,
    coverage: f64,
    similarity: f64,
}

/// A candidate source passage with the verdict it would give.
struct Candidate {
    m: Match,
    basis: Basis,
    status: Status,
    /// The passage's article is known to be later than the quote's.
    later: bool,
    /// The passage is part of a longer quotation (the quote is most of it).
    of_longer: bool,
}

impl<'a> Desk<'a> {
    fn new(
        articles: &'a [Article],
        attributions: &'a [Vec<Attribution>],
        copies: &[CopyPair],
        locator: &'a Locator,
        entities: &'a Registry,
    ) -> Self {
        let quotes: Vec<Vec<Quoted<'a>>> = articles
            .par_iter()
            .enumerate()
            .map(|(i, a)| quotes_of(a, attributions.get(i).map_or(&[][..], Vec::as_slice)))
            .collect();
        let index: HashMap<&str, usize> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut copied_from: HashMap<usize, Vec<usize>> = HashMap::new();
        for p in copies {
            let (Some(&o), Some(&c)) = (index.get(p.origin.as_str()), index.get(p.copy.as_str()))
            else {
                continue;
            };
            copied_from.entry(c).or_default().push(o);
            if !p.directed {
                copied_from.entry(o).or_default().push(c);
            }
        }
        let by_node = credited::ByNode::new(articles, entities);
        Desk {
            articles,
            quotes,
            locator,
            copied_from,
            by_node,
            entities,
        }
    }

    /// The quotes of `article` with a piece overlapping `range`.
    fn quotes_in(&self, article: usize, range: Range) -> impl Iterator<Item = &Quoted<'a>> {
        let quotes = &self.quotes[article];
        let first = quotes.partition_point(|q| q.range.end <= range.start);
        quotes[first..]
            .iter()
            .take_while(move |q| q.range.start < range.end)
            .filter(move |q| q.pieces.iter().any(|p| p.overlaps(range)))
    }

    /// Articles by `entity` ([`credited::is_by`], the graph's rule) that can
    /// be the source `citing` credits: none known to come after it.
    fn source_articles(&self, entity: &EntityRef, citing: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .by_node
            .candidates(entity, self.entities)
            .into_iter()
            .filter(|&i| {
                let (candidate, quoting) = (&self.articles[i], &self.articles[citing]);
                i != citing
                    && !credited::is_known_earlier(quoting, candidate)
                    && credited::is_by(candidate, entity, self.entities).is_some()
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether match `m` (in another article) can be the quote's source,
    /// and the verdict it gives. The credited source's own text counts as
    /// it stands; elsewhere only a quotation counts — credited to the same
    /// speaker, or any quotation of an article this one copies — and the
    /// quote is re-aligned with that quotation's words alone (its own
    /// attribution "…,” she said, “…" left out, its ends the statement's ends).
    fn candidate(
        &self,
        index: usize,
        query: &[Token],
        m: &Match,
        from: &Possible,
        refused: &mut Vec<Refused>,
    ) -> Option<Candidate> {
        let (credited, copied) = (from.credited, from.copied);
        if from.own.contains(&m.article) {
            let status = verdict(&m.alignment)?;
            return Some(Candidate {
                m: m.clone(),
                basis: Basis::CreditedSource,
                status,
                later: false,
                of_longer: false,
            });
        }
        let source = &self.articles[m.article];
        // A later report of the same speaker corroborates (or contradicts)
        // the quote too — unless it copies this article, which proves nothing.
        let later = credited::is_known_earlier(&self.articles[index], source);
        if later
            && self
                .copied_from
                .get(&m.article)
                .is_some_and(|from| from.contains(&index))
        {
            return None;
        }
        let quotes = &self.quotes[m.article];
        let first = quotes.partition_point(|q| q.range.end <= m.range.start);
        let mut best: Option<Candidate> = None;
        for (k, sq) in quotes
            .iter()
            .enumerate()
            .skip(first)
            .take_while(|(_, q)| q.range.start < m.range.end)
        {
            if !sq.pieces.iter().any(|p| p.overlaps(m.range)) {
                continue;
            }
            let theirs = sq.attribution.and_then(|a| a.entity.as_ref());
            let basis = match (credited, theirs) {
                (Some(a), Some(b)) if same_speaker(a, b) => Basis::SameSpeaker,
                (Some(_), Some(_)) => continue,
                _ if copied.contains(&m.article) && !later => Basis::CopiedFrom,
                _ => continue,
            };
            let words = quote_tokens(source, &sq.pieces);
            let Some(al) = locate::align(query, &words) else {
                continue;
            };
            let Some(status) = verdict(&al) else {
                continue;
            };
            // The quote runs on into the speaker's next (or from the
            // previous) quotation: checked joined, it may be the very words.
            let (words, al, mut status) = match (basis, status, credited) {
                (Basis::SameSpeaker, Status::Partial, Some(who)) if al.before + al.after > 0 => {
                    match joined_with_neighbour(quotes, k, source, query, &al, who) {
                        Some((words, joined)) => (words, joined, Status::Verified),
                        None => (words, al, status),
                    }
                }
                _ => (words, al, status),
            };
            // The same words inside a longer quotation: verified when they
            // are most of it (the other report quotes a sentence more), a
            // fragment (partial) when they are a short piece of it.
            let fragment = al.tokens.0 > 0 || al.tokens.1 < words.len();
            if status == Status::Verified && fragment && !most_of(al.kept, words.len()) {
                status = Status::Partial;
            }
            let refusal = match status {
                Status::Altered if !firm_alteration(&al) => Some(Refusal::Weak),
                Status::Altered if basis == Basis::SameSpeaker && !word_level(&al) => {
                    Some(Refusal::Phrase(al.longest_change))
                }
                Status::Partial | Status::Verified
                    if basis == Basis::SameSpeaker
                        && (status == Status::Partial || fragment)
                        && al.kept_content < locate::MIN_CONTENT =>
                {
                    let apart = days_apart(&self.articles[index], source);
                    apart
                        .is_none_or(|d| d > MAX_OCCASION_DAYS)
                        .then_some(Refusal::Apart(apart))
                }
                _ => None,
            };
            if let Some(refusal) = refusal {
                refused.push(Refused {
                    article: m.article,
                    refusal,
                    coverage: al.coverage(),
                    similarity: al.similarity(),
                });
                continue;
            }
            let c = Candidate {
                m: Match::from_alignment(m.article, al),
                basis,
                status,
                later,
                of_longer: fragment,
            };
            if best.as_ref().is_none_or(|b| {
                (c.status, std::cmp::Reverse(c.m.rank()))
                    < (b.status, std::cmp::Reverse(b.m.rank()))
            }) {
                best = Some(c);
            }
        }
        best
    }

    fn check(&self, index: usize, q: &Quoted) -> QuoteCheck {
        let article = &self.articles[index];
        let query = quote_tokens(article, &q.pieces);
        let credited = q.attribution.and_then(|a| a.entity.clone());
        let speaker = credited.as_ref().map(|e| e.name.clone()).or_else(|| {
            q.attribution
                .and_then(|a| a.source.as_ref())
                .map(|s| s.text.clone())
        });
        let own_sources = credited
            .as_ref()
            .map(|e| self.source_articles(e, index))
            .unwrap_or_default();
        let copied: &[usize] = self.copied_from.get(&index).map_or(&[], Vec::as_slice);
        // Align first the regions that can be a source — inside a quotation
        // of the same speaker, or of an article this one copies — then the
        // best-voted others (for the list of occurrences).
        let (mut sourced, mut others) = (0, 0);
        let mut matches: Vec<Match> = Vec::new();
        for r in self.locator.regions(&query, Some(index)) {
            let quoted = self.quotes_in(r.article, r.range).any(|sq| {
                match (
                    credited.as_ref(),
                    sq.attribution.and_then(|a| a.entity.as_ref()),
                ) {
                    (Some(a), Some(b)) => same_speaker(a, b),
                    _ => copied.contains(&r.article),
                }
            });
            let take = if quoted {
                sourced += 1;
                sourced <= MAX_SOURCE_REGIONS
            } else {
                others += 1;
                others <= MAX_OTHER_REGIONS
            };
            if take && let Some(m) = self.locator.align_region(&r, &query) {
                matches.push(m);
            }
        }
        // The passages that may be the source are looked up in those articles
        // directly, whatever the global lookup's budget reached.
        for &a in own_sources.iter().chain(copied) {
            if a == index {
                continue;
            }
            if let Some(m) = self.locator.find_in(&query, a) {
                match matches.iter_mut().find(|x| x.article == a) {
                    Some(x) if better(&m, x) => *x = m,
                    Some(_) => {}
                    None => matches.push(m),
                }
            }
        }
        matches.sort_by_key(|m| m.article);
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut refused: Vec<Refused> = Vec::new();
        for m in &matches {
            let from = Possible {
                credited: credited.as_ref(),
                own: &own_sources,
                copied,
            };
            if let Some(c) = self.candidate(index, &query, m, &from, &mut refused) {
                candidates.push(c);
            }
        }
        let decided = candidates.into_iter().min_by(|a, b| {
            (a.basis, a.later, a.status)
                .cmp(&(b.basis, b.later, b.status))
                .then_with(|| b.m.rank().cmp(&a.m.rank()))
        });
        // Other places the statement occurs, whoever they are by.
        let mut same: Vec<&Match> = matches
            .iter()
            .filter(|m| verdict(&m.alignment).is_some())
            .collect();
        same.sort_by(|a, b| b.rank().cmp(&a.rank()).then(a.article.cmp(&b.article)));
        same.truncate(MAX_OCCURRENCES);
        same.sort_by_key(|m| m.article);
        let occurrences: Vec<Occurrence> = same
            .iter()
            .map(|m| occurrence(&self.articles[m.article], m))
            .collect();
        let earliest = self.earliest(index, q.range, &same, &own_sources);
        let (status, basis, against, diff_runs, why) = match decided {
            Some(c) => {
                let why = explain(&c, &self.articles[c.m.article], speaker.as_deref());
                let runs = if c.status == Status::Verified {
                    Vec::new()
                } else {
                    c.m.runs.clone()
                };
                (
                    c.status,
                    Some(c.basis),
                    Some(occurrence(&self.articles[c.m.article], &c.m)),
                    runs,
                    why,
                )
            }
            None => (
                Status::Unverified,
                None,
                None,
                Vec::new(),
                refused
                    .iter()
                    .max_by(|a, b| a.coverage.total_cmp(&b.coverage))
                    .map_or_else(
                        || self.why_unverified(credited.as_ref(), &own_sources, &matches),
                        |r| explain_refusal(r, &self.articles[r.article]),
                    ),
            ),
        };
        QuoteCheck {
            article: article.id.clone(),
            quote: article.span(q.range),
            pieces: if q.pieces.len() > 1 {
                q.pieces.iter().map(|&r| article.span(r)).collect()
            } else {
                Vec::new()
            },
            source: q.attribution.and_then(|a| a.source.clone()),
            credited,
            speaker,
            status,
            basis,
            coverage: against.as_ref().map(|o| o.coverage),
            similarity: against.as_ref().map(|o| o.similarity),
            against,
            why,
            diff: diff_runs,
            earliest,
            occurrences,
        }
    }

    /// The earliest occurrence: the credited source, when it has the
    /// statement, came first (it is what the quote credits); otherwise by
    /// effective date (undated last), ties to the quoting article, then
    /// corpus order.
    fn earliest(&self, index: usize, range: Range, same: &[&Match], own: &[usize]) -> Occurrence {
        let articles = self.articles;
        let best = same
            .iter()
            .map(|m| (m.article, Some(*m)))
            .chain(std::iter::once((index, None)))
            .min_by(|a, b| {
                own.contains(&b.0)
                    .cmp(&own.contains(&a.0))
                    .then_with(|| credited::by_date(&articles[a.0], &articles[b.0]))
                    .then((a.0 != index).cmp(&(b.0 != index)))
                    .then(a.0.cmp(&b.0))
            });
        match best {
            Some((i, Some(m))) => occurrence(&articles[i], m),
            _ => own_occurrence(&articles[index], range),
        }
    }

    fn why_unverified(
        &self,
        credited: Option<&EntityRef>,
        own: &[usize],
        matches: &[Match],
    ) -> String {
        let near = matches
            .iter()
            .filter(|m| verdict(&m.alignment).is_some())
            .max_by_key(|m| m.rank());
        if let Some(m) = near {
            return format!(
                "the statement is in {} ({:.0}% of its content words in order), but that \
                 article is not by the credited source, not copied by this one, and not a \
                 quotation of the same speaker",
                self.articles[m.article].id,
                100.0 * m.alignment.coverage()
            );
        }
        match credited {
            Some(e) if !own.is_empty() => format!(
                "credited to {}, whose text in the corpus ({}) does not have this statement",
                e.name,
                own.iter()
                    .take(3)
                    .map(|&i| self.articles[i].id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            _ => "no article in the corpus has this statement: at most a shared phrase".into(),
        }
    }
}

/// The better of two matches in one article.
fn better(a: &Match, b: &Match) -> bool {
    let va = verdict(&a.alignment).map_or(4, |s| s as u8);
    let vb = verdict(&b.alignment).map_or(4, |s| s as u8);
    (va, std::cmp::Reverse(a.rank())) < (vb, std::cmp::Reverse(b.rank()))
}

/// Share of the quote's content words an *altered* verdict against another
/// reporter's quotation needs, in order: an accusation of misquoting is the
/// costliest thing the desk says, so it asks for two thirds of the quote,
/// more than the bare majority ([`locate::MIN_COVERAGE`]) that makes two
/// passages the same statement.
pub const ALTERED_MIN_COVERAGE: f64 = 2.0 / 3.0;

/// Word similarity an *altered* verdict needs (see [`ALTERED_MIN_COVERAGE`]).
pub const ALTERED_MIN_SIMILARITY: f64 = 0.6;

/// The verdict an alignment gives, if it is a source at all: exact words
/// verify; unchanged words with a marked omission or past the source's
/// sentence are partial (when they share [`locate::MIN_CONTENT`] content
/// words, or all of a shorter quote's); the same statement with changes is
/// altered. Anything less is a shared phrase: no verdict.
pub fn verdict(a: &locate::Alignment) -> Option<Status> {
    let all_content = a.kept_content == a.query_content;
    if a.is_exact() && (a.kept_content >= 1 || a.query_content == 0) {
        return Some(Status::Verified);
    }
    let substantial = a.kept_content >= locate::MIN_CONTENT || (all_content && a.kept_content >= 2);
    if a.is_verbatim_part() && substantial {
        return Some(Status::Partial);
    }
    a.same_statement().then_some(Status::Altered)
}

/// Most words an *altered* verdict against a quotation of the same speaker
/// may change in one place (see [`locate::Alignment::longest_change`]). A
/// reporter's slip or a mishearing swaps a word or two ("like" for
/// "unlike", "voters" for "supporters"); a whole phrase more or less ("let's
/// dispel *once and for all* with…", names in another order and frame) is
/// what a speaker's *other delivery* of a talking point looks like — or an
/// unmarked cut by either reporter — and two second-hand reports cannot say
/// which. That is not enough to accuse a quote of being altered.
pub const MAX_WORD_CHANGE: usize = 2;

/// Most days between two reports of the same speaker for a short fragment
/// (fewer than [`locate::MIN_CONTENT`] content words) to count as a piece of
/// the same statement: a few words a speaker says again and again ("right to
/// be angry", a slogan) are only tied to one occasion by reports of the
/// same news days.
pub const MAX_OCCASION_DAYS: i64 = 7;

/// True when an alteration found in *another reporter's* quotation is firm
/// enough to accuse anyone of misquoting: the alignment covers
/// [`ALTERED_MIN_COVERAGE`] of the quote at [`ALTERED_MIN_SIMILARITY`]. Two
/// second-hand reports of one speaker differ more often by paraphrase or by
/// a different occasion than by a misquote; the credited source's own text
/// is the statement itself, so there the bare majority stands.
fn firm_alteration(a: &locate::Alignment) -> bool {
    a.coverage() >= ALTERED_MIN_COVERAGE && a.similarity() >= ALTERED_MIN_SIMILARITY
}

/// Most characters between two quotations of one speaker that a quote
/// may run across ("…for sale,” Pence stated in a press release on Tuesday
/// afternoon. Pence added, “It would…"): an attribution sentence or two.
const MAX_NEIGHBOUR_GAP: usize = 300;

/// The quote aligned with quotation `k` of `quotes` (in `source`) joined
/// with the same speaker's next quotation when the quote runs past the end
/// of quotation `k` (`al.after`), or with the previous one when it starts
/// before it (`al.before`), if they stand at most [`MAX_NEIGHBOUR_GAP`]
/// characters apart: one report quotes the statement in two quotations, the
/// other in one. Only an exact match counts (the same words over more of
/// the quote than quotation `k` alone), so no change is ever read across the
/// join.
fn joined_with_neighbour(
    quotes: &[Quoted],
    k: usize,
    source: &Article,
    query: &[Token],
    al: &locate::Alignment,
    who: &EntityRef,
) -> Option<(Vec<Token>, locate::Alignment)> {
    let this = &quotes[k];
    let ours = |q: &&Quoted| {
        q.attribution
            .and_then(|a| a.entity.as_ref())
            .is_some_and(|e| same_speaker(who, e))
    };
    let mut pieces: Vec<Range> = Vec::new();
    if al.before > 0
        && let Some(prev) = k.checked_sub(1).and_then(|p| quotes.get(p)).filter(ours)
        && this.range.start.saturating_sub(prev.range.end) <= MAX_NEIGHBOUR_GAP
    {
        pieces.extend(&prev.pieces);
    }
    pieces.extend(&this.pieces);
    if al.after > 0
        && let Some(next) = quotes.get(k + 1).filter(ours)
        && next.range.start.saturating_sub(this.range.end) <= MAX_NEIGHBOUR_GAP
    {
        pieces.extend(&next.pieces);
    }
    if pieces.len() == this.pieces.len() {
        return None;
    }
    let words = quote_tokens(source, &pieces);
    let joined = locate::align(query, &words)?;
    (verdict(&joined) == Some(Status::Verified) && joined.kept > al.kept).then_some((words, joined))
}

/// True when `part` words are most (at least half) of `whole`: a quote with
/// the same words as that much of a longer quotation is the same words
/// quoted, one report taking a sentence more; less is a fragment.
fn most_of(part: usize, whole: usize) -> bool {
    2 * part >= whole
}

/// True when two reports of one speaker differ only word by word (at most
/// [`MAX_WORD_CHANGE`] words changed in any one place), so the difference is
/// a misquote of one statement rather than another delivery of it.
fn word_level(a: &locate::Alignment) -> bool {
    a.longest_change <= MAX_WORD_CHANGE
}

/// Days between the publication of two articles (given or inferred dates;
/// a date floor is not a publication date), if both are dated.
fn days_apart(a: &Article, b: &Article) -> Option<i64> {
    let (x, y) = (a.date()?, b.date()?);
    let span = x.until(y).ok()?;
    Some(i64::from(span.get_days()).abs())
}

/// Why a quote stays unverified although `r`'s passage has the statement.
fn explain_refusal(r: &Refused, source: &Article) -> String {
    let place = label(source);
    let found = format!(
        "{place} has the statement ({:.0}% of the quote's content words in order, similarity \
         {:.2})",
        100.0 * r.coverage,
        r.similarity
    );
    match r.refusal {
        Refusal::Weak => format!(
            "{found} with words changed, but that is too little of the quote, or too unlike it, \
             to say another reporter's quotation is the same statement altered"
        ),
        Refusal::Phrase(n) => format!(
            "{found} in a quotation of the same speaker, but differs by a whole phrase ({n} \
             words in one place): another delivery of the line or an unmarked cut, not shown to \
             be the same statement altered"
        ),
        Refusal::Apart(Some(days)) => format!(
            "{place} quotes the same speaker with these few words, {days} days apart: a phrase \
             said again, not shown to be the same statement"
        ),
        Refusal::Apart(None) => format!(
            "{place} quotes the same speaker with these few words, but the two reports are not \
             both dated: not shown to be the same statement"
        ),
    }
}

fn explain(c: &Candidate, source: &Article, speaker: Option<&str>) -> String {
    let a = &c.m.alignment;
    let place = format!(
        "{}, {}{}",
        c.basis.phrase(),
        label(source),
        if c.later { ", published later" } else { "" }
    );
    let who = speaker.map_or(String::new(), |s| format!(" credited to {s}"));
    match c.status {
        Status::Verified if c.of_longer => format!(
            "the quote{who} has the same words as most of {place}, punctuation and case aside \
             (that report quotes a little more of the statement)"
        ),
        Status::Verified => {
            format!("the quote{who} has the same words as {place}, punctuation and case aside")
        }
        Status::Partial if a.elided == 0 && a.before + a.after == 0 => format!(
            "the quote{who} has the same words as part of {place}, which quotes more of the \
             statement: a fragment, not a misquote"
        ),
        Status::Partial if a.elided > 0 && a.before + a.after == 0 => format!(
            "the quote{who} has the words of {place} unchanged but leaves out {} word(s) where it \
             marks an omission (an ellipsis or a split quote): a fragment, not a misquote",
            a.elided
        ),
        Status::Partial => format!(
            "{place} has {} of the quote's {} words unchanged, as a whole sentence or \
             quotation; the quote runs on past it ({} word(s) more): a longer version, not a \
             misquote",
            a.kept,
            a.query_words,
            a.before + a.after
        ),
        _ => format!(
            "the same statement as {place}: {:.0}% of the quote's content words in order, \
             similarity {:.2}, with {} word(s) of the source dropped and {} added or changed",
            100.0 * a.coverage(),
            a.similarity(),
            a.removed,
            a.added + a.before + a.after
        ),
    }
}

/// Checks every quote of every article, in article then text order.
/// `attributions[i]` belongs to `articles[i]`; `copies` are the corpus's
/// copy pairs (a quote may be checked against an article its own copies);
/// `entities` is the corpus registry the attributions' entity ids belong to.
pub fn check_all(
    articles: &[Article],
    attributions: &[Vec<Attribution>],
    copies: &[CopyPair],
    locator: &Locator,
    entities: &Registry,
) -> Vec<QuoteCheck> {
    let desk = Desk::new(articles, attributions, copies, locator, entities);
    (0..articles.len())
        .into_par_iter()
        .flat_map_iter(|i| {
            desk.quotes[i]
                .iter()
                .map(|q| desk.check(i, q))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Field;

    fn date(s: &str) -> Field<Date> {
        Field::given(s.parse().unwrap(), "test")
    }

    fn entity(id: &str, name: &str, kind: EntityKind) -> EntityRef {
        EntityRef {
            id: id.into(),
            name: name.into(),
            kind,
        }
    }

    fn memri() -> EntityRef {
        entity("org:memri", "MEMRI", EntityKind::Organization)
    }

    fn article(id: &str, day: Option<&str>, text: &str) -> Article {
        let mut a = Article::new(id, id, text.into());
        a.meta.date = day.map(date);
        a
    }

    /// A direct attribution of `quote` (its first occurrence in the text).
    fn attribution(a: &Article, quote: &str, who: Option<EntityRef>) -> Attribution {
        let text = a.text.as_str();
        let byte = text.find(quote).unwrap();
        let start = text[..byte].chars().count();
        let range = Range::new(start, start + quote.chars().count());
        Attribution {
            article: a.id.clone(),
            cue: a.span(Range::new(range.end, range.end + 1)),
            source: None,
            content: vec![a.span(range)],
            quote: QuoteKind::Direct,
            entity: who,
            vague: false,
            basis: crate::attribution::Basis::Rules,
            also: Vec::new(),
        }
    }

    /// The span of the first occurrence of `needle` in `a`.
    fn span_of(a: &Article, needle: &str) -> Span {
        let text = a.text.as_str();
        let start = text[..text.find(needle).unwrap()].chars().count();
        a.span(Range::new(start, start + needle.chars().count()))
    }

    fn run(
        articles: &[Article],
        attrs: &[Vec<Attribution>],
        copies: &[CopyPair],
    ) -> Vec<QuoteCheck> {
        let loc = Locator::new(articles);
        check_all(articles, attrs, copies, &loc, &Registry::default())
    }

    fn memri_corpus() -> Vec<Article> {
        let mut source = article(
            "004",
            None,
            "Yet Pakistan continues. This conduct directly undermines Western efforts to \
             diplomatically isolate Hamas. These are not merely symbolic gestures. Speakers \
             offered mutual endorsements and framed the Palestinian and Kashmiri causes as \
             interconnected fronts in a broader pan-Islamic jihadist struggle.",
        );
        // By a MEMRI fellow: the graph's authored-by → affiliated-with org:memri.
        source.meta.author = Some(Field::given("Anna Mahjar-Barducci".into(), "byline"));
        source.meta.affiliation = Some(Field::given("MEMRI".into(), "bio"));
        let wire = article(
            "000",
            Some("2026-01-22"),
            "“This conduct undermines Western efforts to diplomatically isolate Hamas,” it \
             added. “These public appearances go beyond symbolic solidarity. Speakers offered \
             mutual endorsements and rhetoric that framed the Palestinian cause, as championed \
             by Hamas, and the Kashmiri cause, as pursued by groups such as LeT and JeM, as \
             interconnected fronts within a broader pan-Islamic jihadist struggle,” it said. \
             “Nobody else ever said these words,” a source claimed.",
        );
        vec![source, wire]
    }

    #[test]
    fn altered_against_the_credited_source_with_a_diff_that_keeps_punctuation() {
        let articles = memri_corpus();
        let wire = &articles[1];
        let attrs = vec![
            Vec::new(),
            vec![
                attribution(wire, "This conduct undermines", Some(memri())),
                attribution(wire, "These public appearances", Some(memri())),
            ],
        ];
        let checks = run(&articles, &attrs, &[]);
        assert_eq!(checks.len(), 3, "{checks:#?}");
        let c = &checks[0];
        assert_eq!(c.status, Status::Altered, "{}", c.why);
        assert_eq!(c.basis, Some(Basis::CreditedSource));
        assert_eq!(c.speaker.as_deref(), Some("MEMRI"));
        assert!(diff::inline(&c.diff).contains("[-directly-]"));
        assert_eq!(c.earliest.article, "004");
        assert!(c.why.contains("same statement"), "{}", c.why);
        // The long rewrite is the same statement too, and its diff shows the
        // quote as written.
        let long = &checks[1];
        assert_eq!(long.status, Status::Altered, "{}", long.why);
        assert!(long.coverage.unwrap() > 0.5);
        let shown = diff::inline(&long.diff);
        assert!(shown.contains("pan-Islamic jihadist struggle"), "{shown}");
        assert!(
            shown.contains("{+cause, as championed by Hamas,+}"),
            "{shown}"
        );
        // The unattributed quote has no source anywhere.
        assert_eq!(checks[2].status, Status::Unverified);
        assert!(checks[2].credited.is_none());
    }

    #[test]
    fn a_shared_phrase_is_never_altered() {
        let mut trump = article(
            "a",
            Some("2016-01-01"),
            "“Look at what happened in Iowa last night with the voters,” Trump said. \
             Polls say there will always be exceptions.",
        );
        trump.meta.outlet = Some(Field::given("Outlet A".into(), "test"));
        let later = article(
            "b",
            Some("2016-02-01"),
            "“There will always be exceptions, believe me,” Trump said.",
        );
        let t = entity("person:donald-trump", "Donald Trump", EntityKind::Person);
        let attrs = vec![
            vec![attribution(&trump, "Look at what", Some(t.clone()))],
            vec![attribution(&later, "There will always", Some(t))],
        ];
        let checks = run(&[trump, later], &attrs, &[]);
        let b = checks.iter().find(|c| c.article == "b").unwrap();
        assert_eq!(b.status, Status::Unverified, "{b:#?}");
    }

    #[test]
    fn same_speaker_quotes_are_checked_against_each_other() {
        let first = article(
            "wapo",
            Some("2016-06-01"),
            "“When the convention ends, the vast majority of my supporters will vote for her in \
             November,” Sanders said.",
        );
        let second = article(
            "politico",
            Some("2016-06-05"),
            "“When the convention ends, the vast majority of my voters will vote for her in November,” \
             Bernie Sanders said. \
             Elsewhere, “the vast majority of people want change,” a voter said.",
        );
        let attrs = vec![
            vec![attribution(
                &first,
                "When the convention",
                Some(entity("entity:sanders", "Sanders", EntityKind::Unknown)),
            )],
            vec![attribution(
                &second,
                "When the convention",
                Some(entity(
                    "person:bernie-sanders",
                    "Bernie Sanders",
                    EntityKind::Person,
                )),
            )],
        ];
        let checks = run(&[first, second], &attrs, &[]);
        let c = checks
            .iter()
            .find(|c| c.article == "politico" && c.quote.start == 1)
            .unwrap();
        assert_eq!(c.status, Status::Altered, "{c:#?}");
        assert_eq!(c.basis, Some(Basis::SameSpeaker));
        assert_eq!(diff::inline(&c.diff).matches("{+").count(), 1);
        // The earlier report is contradicted by the later one, and says so.
        let w = checks.iter().find(|c| c.article == "wapo").unwrap();
        assert_eq!(w.status, Status::Altered, "{w:#?}");
        assert!(w.why.contains("published later"), "{}", w.why);
    }

    /// Two reports of one speaker, each quoting one statement of its own.
    fn two_reports(
        first: (&str, &str),
        second: (&str, &str),
        q1: &str,
        q2: &str,
    ) -> Vec<QuoteCheck> {
        let a = article("first", Some(first.0), first.1);
        let b = article("second", Some(second.0), second.1);
        let who = || Some(entity("person:jane-roe", "Jane Roe", EntityKind::Person));
        let attrs = vec![
            vec![attribution(&a, q1, who())],
            vec![attribution(&b, q2, who())],
        ];
        run(&[a, b], &attrs, &[])
    }

    #[test]
    fn a_talking_point_said_again_with_a_phrase_more_is_not_altered() {
        // The same line, once with a whole phrase more: another delivery (or
        // an unmarked cut), not shown to be one statement quoted two ways.
        let checks = two_reports(
            (
                "2016-02-07",
                "“Let us be clear about what the governor has done to this great state,” Roe said.",
            ),
            (
                "2016-02-09",
                "“Let us be clear once and for all about what the governor has done to this \
                 great state,” Roe said.",
            ),
            "Let us be clear",
            "Let us be clear",
        );
        for c in &checks {
            assert_eq!(c.status, Status::Unverified, "{c:#?}");
            assert!(c.why.contains("whole phrase (4 words"), "{}", c.why);
        }
        // A word swapped in the same line is a misquote of one statement.
        let checks = two_reports(
            (
                "2016-02-07",
                "“Let us be clear about what the governor has done to this great state,” Roe said.",
            ),
            (
                "2016-02-09",
                "“Let us be clear about what the governor has done to our great state,” Roe said.",
            ),
            "Let us be clear",
            "Let us be clear",
        );
        assert!(
            checks.iter().all(|c| c.status == Status::Altered),
            "{checks:#?}"
        );
    }

    #[test]
    fn most_of_a_longer_quotation_is_verified_a_short_piece_is_partial() {
        let long = "“We will rebuild the mills in every town of this state. We will bring the \
                    jobs home and keep them here,” Roe said.";
        let check = |quote: &str, text: &str| {
            two_reports(
                ("2016-03-15", long),
                ("2016-03-16", text),
                "We will rebuild",
                quote,
            )
            .into_iter()
            .find(|c| c.article == "second")
            .unwrap()
        };
        // The first sentence is most of the other report's quotation: the
        // same words, that report quoting a little more.
        let most = check(
            "We will rebuild the mills",
            "“We will rebuild the mills in every town of this state. We will bring the jobs \
             home,” Roe said.",
        );
        assert_eq!(most.status, Status::Verified, "{most:#?}");
        assert!(most.why.contains("most of"), "{}", most.why);
        // Its last sentence alone is a fragment.
        let piece = check(
            "We will bring the jobs",
            "Roe said: “We will bring the jobs home and keep them here.”",
        );
        assert_eq!(piece.status, Status::Partial, "{piece:#?}");
    }

    #[test]
    fn a_statement_quoted_in_two_quotations_is_checked_joined() {
        let who = || Some(entity("person:jane-roe", "Jane Roe", EntityKind::Person));
        let check = |between: &str| {
            let split = article(
                "first",
                Some("2016-08-23"),
                &format!(
                    "“The mills must reopen in every town of this state,” Roe said in a \
                     statement.{between}\n\nRoe added, “Nobody should lose a pension over a \
                     closed mill.”"
                ),
            );
            let whole = article(
                "second",
                Some("2016-08-24"),
                "“The mills must reopen in every town of this state. Nobody should lose a \
                 pension over a closed mill,” Roe said.",
            );
            let attrs = vec![
                vec![
                    attribution(&split, "The mills must", who()),
                    attribution(&split, "Nobody should", who()),
                ],
                vec![attribution(&whole, "The mills must", who())],
            ];
            run(&[split, whole], &attrs, &[])
                .into_iter()
                .find(|c| c.article == "second")
                .unwrap()
        };
        // An attribution sentence between them: the same words, joined.
        let near = check("");
        assert_eq!(near.status, Status::Verified, "{near:#?}");
        // Far apart they are two quotations: the quote is a longer version
        // of the first.
        let far = check(&" And the weather was fine that day in the capital.".repeat(8));
        assert_eq!(far.status, Status::Partial, "{far:#?}");
    }

    #[test]
    fn a_short_fragment_needs_reports_of_the_same_days() {
        let long =
            "“People have every right to be angry, but they are hungry for solutions,” Roe said.";
        let short = "Roe said voters are “right to be angry” tonight.";
        let fragment = |day: &str| {
            two_reports(
                ("2016-02-10", long),
                (day, short),
                "People have every",
                "right to be angry",
            )
            .into_iter()
            .find(|c| c.article == "second")
            .unwrap()
        };
        let near = fragment("2016-02-12");
        assert_eq!(near.status, Status::Partial, "{near:#?}");
        let far = fragment("2016-03-20");
        assert_eq!(far.status, Status::Unverified, "{far:#?}");
        assert!(far.why.contains("39 days apart"), "{}", far.why);
        // Undated, the occasion is unknown.
        let a = article("first", Some("2016-02-10"), long);
        let b = article("second", None, short);
        let who = Some(entity("person:jane-roe", "Jane Roe", EntityKind::Person));
        let attrs = vec![
            vec![attribution(&a, "People have every", who.clone())],
            vec![attribution(&b, "right to be angry", who)],
        ];
        let c = run(&[a, b], &attrs, &[])
            .into_iter()
            .find(|c| c.article == "second")
            .unwrap();
        assert_eq!(c.status, Status::Unverified, "{c:#?}");
        assert!(c.why.contains("not both dated"), "{}", c.why);
    }

    #[test]
    fn a_quote_split_by_its_attribution_is_one_statement() {
        let source = {
            let mut a = article(
                "src",
                None,
                "We will rebuild this party from the ground up and we will win in November.",
            );
            a.meta.author = Some(Field::given("Jane Roe".into(), "test"));
            a
        };
        let text = "“We will rebuild this party,” she said, “and we will win in November.”";
        let quoting = article("q", None, text);
        let roe = entity("person:jane-roe", "Jane Roe", EntityKind::Person);
        let mut attr = attribution(&quoting, "We will rebuild this party", Some(roe));
        let second = attribution(&quoting, "and we will win in November", None);
        attr.content.push(second.content[0].clone());
        let checks = run(&[source, quoting], &[Vec::new(), vec![attr]], &[]);
        assert_eq!(checks.len(), 1, "{checks:#?}");
        let c = &checks[0];
        assert_eq!(c.pieces.len(), 2);
        assert_eq!(c.status, Status::Partial, "{c:#?}");
        assert!(c.why.contains("omission"), "{}", c.why);
    }

    #[test]
    fn a_quotation_in_another_paragraph_is_its_own_statement() {
        let text = "“We will rebuild this party,” she said, “and we will win it.”\n\n\
                    “Nobody thought so a year ago,” she continued.";
        let a = article("q", None, text);
        let mut attr = attribution(&a, "We will rebuild", None);
        attr.cue = span_of(&a, "said");
        for part in ["and we will win", "Nobody thought so"] {
            attr.content
                .push(attribution(&a, part, None).content[0].clone());
        }
        let attrs = [attr];
        let got: Vec<usize> = quotes_of(&a, &attrs)
            .iter()
            .map(|q| q.pieces.len())
            .collect();
        assert_eq!(got, [2, 1]);
    }

    /// Pieces of one attribution joined into one statement, as text per piece.
    fn statements(a: &Article, content: &[&str], cue: &str) -> Vec<Vec<String>> {
        let mut attr = attribution(a, content[0], None);
        attr.cue = span_of(a, cue);
        for part in &content[1..] {
            attr.content
                .push(attribution(a, part, None).content[0].clone());
        }
        let attrs = [attr];
        quotes_of(a, &attrs)
            .iter()
            .map(|q| {
                q.pieces
                    .iter()
                    .map(|&r| a.text.slice(r).to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn narrative_between_two_quotations_is_never_quoted_text() {
        // Narrative between a closing and the next opening mark: two quotes.
        let a = article(
            "q",
            None,
            "And he said that her call to “make the whole country new again” — itself a \
             rebuttal to his “make the whole country great again” cry — was late.",
        );
        let content = "that her call to “make the whole country new again” — itself a rebuttal to \
                       his “make the whole country great again” cry — was late";
        let got = statements(&a, &[content], "said");
        assert_eq!(
            got,
            [
                vec!["make the whole country new again".to_string()],
                vec!["make the whole country great again".to_string()]
            ]
        );
        // The attribution itself between the pieces: one statement, the
        // pieces are the quoted words only.
        let b = article(
            "q",
            None,
            "“We will rebuild this party,” the senator from Vermont said on Sunday, “and we \
             will win in November.”",
        );
        let got = statements(
            &b,
            &["We will rebuild this party", "and we will win in November"],
            "said",
        );
        assert_eq!(
            got,
            [vec![
                "We will rebuild this party".to_string(),
                "and we will win in November".to_string()
            ]]
        );
        // Words after the cue that lead into the next quotation are narrative.
        let c = article(
            "q",
            None,
            "“We will rebuild this party,” she said, adding that the voters who “will win \
             in November” agree.",
        );
        let mut attr = attribution(&c, "We will rebuild this party", None);
        attr.cue = span_of(&c, "said");
        attr.content
            .push(attribution(&c, "will win in November", None).content[0].clone());
        let attrs = [attr];
        let got: Vec<usize> = quotes_of(&c, &attrs)
            .iter()
            .map(|q| q.pieces.len())
            .collect();
        assert_eq!(got, [1, 1]);
    }

    #[test]
    fn speakers_match_by_surname_or_first_and_last_name() {
        let person = |n: &str| entity(&format!("person:{n}"), n, EntityKind::Person);
        assert!(same_speaker(
            &person("Hillary Rodham Clinton"),
            &person("Hillary Clinton")
        ));
        assert!(same_speaker(&person("Clinton"), &person("Hillary Clinton")));
        assert!(!same_speaker(
            &person("Bill Clinton"),
            &person("Hillary Clinton")
        ));
        assert!(!same_speaker(
            &person("Eric Trump"),
            &person("Donald J. Trump")
        ));
    }

    #[test]
    fn quotations_continue_over_paragraphs() {
        let a = Article::new(
            "x",
            "p",
            "He said: “one two three\n“four five six.” Then \"seven eight\" and “stray\nnext"
                .into(),
        );
        let got: Vec<Vec<&str>> = quotations(&a)
            .into_iter()
            .map(|q| q.into_iter().map(|r| a.text.slice(r)).collect())
            .collect();
        assert_eq!(
            got,
            [vec!["one two three", "four five six"], vec!["seven eight"]]
        );
    }

    /// Every "altered" verdict rests on an alignment covering most of the
    /// quote's content words, with several content words in common.
    #[test]
    fn altered_always_covers_most_of_the_quote() {
        let articles = memri_corpus();
        let wire = &articles[1];
        let attrs = vec![
            Vec::new(),
            vec![
                attribution(wire, "This conduct undermines", Some(memri())),
                attribution(wire, "These public appearances", Some(memri())),
            ],
        ];
        for c in run(&articles, &attrs, &[]) {
            if c.status == Status::Altered {
                assert!(c.coverage.unwrap() > locate::MIN_COVERAGE, "{c:#?}");
            }
        }
        proptest::proptest!(|(words in proptest::collection::vec("[a-e]{1,3}", 4..12),
                              noise in proptest::collection::vec("[a-g]{1,3}", 0..30))| {
            let quote = words.join(" ");
            let text = format!("{} {}", noise.join(" "), words.iter().rev().cloned().collect::<Vec<_>>().join(" "));
            let q = diff::tokens(&quote, 0);
            let t = diff::tokens(&text, 0);
            if let Some(a) = locate::align(&q, &t)
                && verdict(&a) == Some(Status::Altered)
            {
                proptest::prop_assert!(a.coverage() > locate::MIN_COVERAGE);
                proptest::prop_assert!(a.kept_content >= locate::MIN_CONTENT
                    || a.kept_content == a.query_content);
            }
        });
    }

    /// A storm of `He said "…".` sentences costs work linear in its length.
    #[test]
    fn quote_storm_costs_linear_work() {
        fn work(n: usize) -> (u64, usize) {
            let mut text = String::new();
            for i in 0..n {
                text.push_str("He said \"we shall overcome them all ");
                text.push_str(&(i % 7).to_string());
                text.push_str("\". ");
            }
            let a = Article::new("storm", "s", text);
            let attrs = vec![crate::attribution::extract(&a)];
            let articles = vec![a];
            let loc = Locator::new(&articles);
            let checks = check_all(&articles, &attrs, &[], &loc, &Registry::default());
            (loc.work(), checks.len())
        }
        let (w1, n1) = work(500);
        let (w4, n4) = work(2_000);
        assert_eq!((n1, n4), (500, 2_000));
        assert!(w4 <= 5 * w1.max(1), "work {w1} → {w4} for 4× the text");
    }
}
