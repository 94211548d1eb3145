//! Quote verification: is every direct quote found, unchanged, where it came from?
//!
//! The quotes of an article are the direct and mixed attributions' quoted
//! words (the quotation-marked stretches of their content), plus any other
//! quotation-marked stretch of at least [`MIN_WORDS`] words the attribution
//! parser left unattributed. Each is looked up across the corpus
//! ([`super::locate`]) and classified:
//!
//! - **verified** — the same words occur in an article by the source the
//!   quote credits, or (when the corpus holds nothing by that source) in an
//!   earlier article;
//! - **altered** — found there, but with words dropped, added or changed (the
//!   word-level diff says which);
//! - **unverified** — no source for it in the corpus.
//!
//! Each check also names the earliest occurrence (article, outlet, date, span).

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::article::{Article, Date};
use crate::attribution::{Attribution, QuoteKind};
use crate::entities::EntityRef;
use crate::span::{Range, Span};

use super::diff::{self, Run};
use super::locate::{self, Locator};
use super::sources;

/// Shortest quote checked, in words (shorter quoted phrases are names and scare quotes).
pub const MIN_WORDS: usize = 4;

/// The verdict on a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The same words occur in the credited source or an earlier article.
    Verified,
    /// Found there with changes.
    Altered,
    /// No source for it in the corpus.
    Unverified,
}

impl Status {
    /// The lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Status::Verified => "verified",
            Status::Altered => "altered",
            Status::Unverified => "unverified",
        }
    }
}

/// What the verdict was checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// An article by the source the quote credits.
    CreditedSource,
    /// An earlier article (the credited source is not in the corpus).
    EarlierArticle,
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
    /// Where in that article.
    pub span: Span,
    /// True when the words are the same as the quote's.
    pub exact: bool,
    /// 0.0–1.0 word similarity to the quote.
    pub similarity: f64,
}

/// The check of one quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteCheck {
    /// The quoting article.
    pub article: String,
    /// The quoted words, inside the quotation marks.
    pub quote: Span,
    /// The source mention of the attribution, if the quote is attributed.
    pub source: Option<Span>,
    /// The entity the quote is credited to, if resolved.
    pub credited: Option<EntityRef>,
    /// Verified, altered or unverified.
    pub status: Status,
    /// What the status was decided against.
    pub basis: Option<Basis>,
    /// The occurrence the status was decided against.
    pub against: Option<Occurrence>,
    /// Word-level differences (left = `against`, right = the quote); empty
    /// unless altered.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diff: Vec<Run>,
    /// The earliest known occurrence (possibly the quote itself).
    pub earliest: Occurrence,
    /// Every other article where the quote occurs, exactly or nearly.
    pub occurrences: Vec<Occurrence>,
}

/// A quote found in an article, before checking.
#[derive(Debug, Clone, PartialEq)]
pub struct Quoted<'a> {
    /// The quoted words.
    pub range: Range,
    /// The attribution it belongs to, if any.
    pub attribution: Option<&'a Attribution>,
}

/// Quotation-marked stretches inside `within` (character range of `text`),
/// each trimmed to the words inside the marks. Double marks only: single
/// marks are too often apostrophes; nested single quotes stay inside.
pub fn quoted_ranges(article: &Article, within: Range) -> Vec<Range> {
    let s = article.text.slice(within);
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in s.chars().enumerate() {
        let at = within.start + i;
        match (open, c) {
            (None, '“' | '„' | '"' | '«') => open = Some((at + 1, c)),
            (Some((start, o)), '”' | '"' | '»' | '“')
                if matches!((o, c), ('“' | '„', '”' | '“') | ('"', '"') | ('«', '»')) =>
            {
                push_trimmed(article, Range::new(start, at), &mut out);
                open = None;
            }
            (Some(_), '\n') => open = None,
            _ => {}
        }
    }
    out
}

fn push_trimmed(article: &Article, range: Range, out: &mut Vec<Range>) {
    let toks = diff::tokens(article.text.slice(range), range.start);
    if let (Some(first), Some(last)) = (toks.first(), toks.last()) {
        // Keep closing punctuation inside the marks out of the span.
        out.push(Range::new(first.range.start, last.range.end));
    }
}

/// Every quote of `article`: quoted words of direct and mixed attributions,
/// then unattributed quotation-marked stretches, in text order.
pub fn quotes_of<'a>(article: &Article, attributions: &'a [Attribution]) -> Vec<Quoted<'a>> {
    let mut out: Vec<Quoted<'a>> = Vec::new();
    for attr in attributions {
        if attr.quote == QuoteKind::Indirect {
            continue;
        }
        for content in &attr.content {
            let range = Range::new(content.start, content.end);
            let inner = quoted_ranges(article, widen_to_marks(article, range));
            if inner.is_empty() && attr.quote == QuoteKind::Direct {
                let mut one = Vec::new();
                push_trimmed(article, range, &mut one);
                out.extend(one.into_iter().map(|range| Quoted {
                    range,
                    attribution: Some(attr),
                }));
            } else {
                out.extend(inner.into_iter().map(|range| Quoted {
                    range,
                    attribution: Some(attr),
                }));
            }
        }
    }
    let whole = Range::new(0, article.text.char_len());
    for range in quoted_ranges(article, whole) {
        if !out.iter().any(|q| q.range.overlaps(range)) {
            out.push(Quoted {
                range,
                attribution: None,
            });
        }
    }
    out.retain(|q| crate::text::words::words(article.text.slice(q.range), 0).count() >= MIN_WORDS);
    out.sort_by_key(|q| (q.range.start, q.range.end));
    out.dedup_by_key(|q| q.range);
    out
}

/// Extends a content range by one character each side when those are quote
/// marks, so marks just outside the content still pair up.
fn widen_to_marks(article: &Article, range: Range) -> Range {
    let is_mark = |c: Option<char>| matches!(c, Some('“' | '”' | '"' | '„' | '«' | '»'));
    let before = range.start.checked_sub(1).and_then(|s| {
        article
            .text
            .slice(Range::new(s, range.start))
            .chars()
            .next()
    });
    let after = article
        .text
        .slice(Range::new(range.end, range.end + 1))
        .chars()
        .next();
    let start = if is_mark(before) {
        range.start - 1
    } else {
        range.start
    };
    let end = if is_mark(after) {
        range.end + 1
    } else {
        range.end
    };
    Range::new(start, end)
}

fn occurrence(article: &Article, range: Range, exact: bool, similarity: f64) -> Occurrence {
    let date = sources::effective_date(article);
    Occurrence {
        article: article.id.clone(),
        outlet: article.outlet().map(str::to_string),
        date: date.map(|d| d.0),
        date_is_floor: date.is_some_and(|d| d.1),
        span: article.span(range),
        exact,
        similarity,
    }
}

/// Checks every quote of every article against the corpus, in article then
/// text order. `attributions[i]` belongs to `articles[i]`.
pub fn check_all(
    articles: &[Article],
    attributions: &[Vec<Attribution>],
    locator: &Locator,
) -> Vec<QuoteCheck> {
    articles
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, article)| {
            let attrs = attributions.get(i).map_or(&[][..], Vec::as_slice);
            quotes_of(article, attrs)
                .into_iter()
                .map(|q| check(articles, locator, i, &q))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Checks one quote of article `index`.
pub fn check(articles: &[Article], locator: &Locator, index: usize, q: &Quoted) -> QuoteCheck {
    let article = &articles[index];
    let query = diff::tokens(article.text.slice(q.range), q.range.start);
    let matches: Vec<locate::Match> = locator.find(&query, Some(index));
    let credited = q.attribution.and_then(|a| a.entity.clone());
    let by_source = |m: &locate::Match| {
        credited
            .as_ref()
            .is_some_and(|e| sources::is_source_of(&articles[m.article], e, article))
    };
    let best_of = |pred: &dyn Fn(&locate::Match) -> bool| -> Option<&locate::Match> {
        matches.iter().filter(|m| pred(m)).max_by(|a, b| {
            (a.exact, a.similarity)
                .partial_cmp(&(b.exact, b.similarity))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
    };
    let decided = best_of(&by_source)
        .map(|m| (m, Basis::CreditedSource))
        .or_else(|| {
            best_of(&|m: &locate::Match| sources::is_known_earlier(&articles[m.article], article))
                .map(|m| (m, Basis::EarlierArticle))
        });
    let (status, basis, against, runs) = match decided {
        Some((m, basis)) => {
            let status = if m.exact {
                Status::Verified
            } else {
                Status::Altered
            };
            let runs = if m.exact { Vec::new() } else { m.runs.clone() };
            (
                status,
                Some(basis),
                Some(occurrence(
                    &articles[m.article],
                    m.range,
                    m.exact,
                    m.similarity,
                )),
                runs,
            )
        }
        None => (Status::Unverified, None, None, Vec::new()),
    };
    let occurrences: Vec<Occurrence> = matches
        .iter()
        .map(|m| occurrence(&articles[m.article], m.range, m.exact, m.similarity))
        .collect();
    // Earliest: the credited source, when it has the words, came first (it
    // is what the quote credits); otherwise by effective date (undated
    // last), ties to the quoting article, then corpus order.
    let own = (index, q.range, true, 1.0, false);
    let earliest = std::iter::once(own)
        .chain(
            matches
                .iter()
                .map(|m| (m.article, m.range, m.exact, m.similarity, by_source(m))),
        )
        .min_by(|a, b| {
            b.4.cmp(&a.4)
                .then_with(|| sources::by_date(&articles[a.0], &articles[b.0]))
                .then((a.0 != index).cmp(&(b.0 != index)))
                .then(a.0.cmp(&b.0))
        })
        .map_or_else(
            || occurrence(article, q.range, true, 1.0),
            |(i, r, exact, sim, _)| occurrence(&articles[i], r, exact, sim),
        );
    QuoteCheck {
        article: article.id.clone(),
        quote: article.span(q.range),
        source: q.attribution.and_then(|a| a.source.clone()),
        credited,
        status,
        basis,
        against,
        diff: runs,
        earliest,
        occurrences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Field;
    use crate::entities::EntityKind;

    fn date(s: &str) -> Field<Date> {
        Field::given(s.parse().unwrap(), "test")
    }

    fn memri() -> EntityRef {
        EntityRef {
            id: "organization:memri".into(),
            name: "MEMRI".into(),
            kind: EntityKind::Organization,
        }
    }

    fn corpus() -> Vec<Article> {
        let mut source = Article::new(
            "004",
            "a",
            "Yet Pakistan continues. This conduct directly undermines Western efforts to \
             diplomatically isolate Hamas. He said: “The mujahideen have become united.”"
                .into(),
        );
        source.meta.affiliation = Some(Field::given("MEMRI".into(), "bio"));
        let mut wire = Article::new(
            "000",
            "b",
            "“This conduct undermines Western efforts to diplomatically isolate Hamas,” it \
             added. “Nobody else ever said these words,” a source claimed."
                .into(),
        );
        wire.meta.date = Some(date("2026-01-22"));
        wire.meta.outlet = Some(Field::given("IANS".into(), "dateline"));
        let mut later = Article::new(
            "002",
            "c",
            "Later: “This conduct undermines Western efforts to diplomatically isolate Hamas,” \
             it added."
                .into(),
        );
        later.meta.date = Some(date("2026-01-27"));
        vec![source, wire, later]
    }

    fn attribution(article: &Article, quote: &str, entity: Option<EntityRef>) -> Attribution {
        let text = article.text.as_str();
        let byte = text.find(quote).unwrap();
        let start = text[..byte].chars().count();
        let range = Range::new(start, start + quote.chars().count());
        Attribution {
            article: article.id.clone(),
            cue: article.span(Range::new(range.end, range.end + 1)),
            source: None,
            content: vec![article.span(range)],
            quote: QuoteKind::Direct,
            entity,
            vague: false,
            basis: crate::attribution::Basis::Rules,
        }
    }

    #[test]
    fn altered_against_the_credited_source() {
        let articles = corpus();
        let loc = Locator::new(&articles);
        let a = attribution(
            &articles[1],
            "This conduct undermines Western efforts to diplomatically isolate Hamas,",
            Some(memri()),
        );
        let qs = quotes_of(&articles[1], std::slice::from_ref(&a));
        assert_eq!(qs.len(), 2, "{qs:?}");
        let c = check(&articles, &loc, 1, &qs[0]);
        assert_eq!(c.status, Status::Altered);
        assert_eq!(c.basis, Some(Basis::CreditedSource));
        assert_eq!(c.against.as_ref().unwrap().article, "004");
        assert!(diff::inline(&c.diff).contains("[-directly-]"));
        assert_eq!(
            c.quote.text,
            "This conduct undermines Western efforts to diplomatically isolate Hamas"
        );
        // The credited source holds the words: it is the earliest, dated or not.
        assert_eq!(c.earliest.article, "004");
        assert_eq!(c.occurrences.len(), 2);
        // The unattributed quote has no source anywhere.
        let u = check(&articles, &loc, 1, &qs[1]);
        assert_eq!(u.status, Status::Unverified);
        assert!(u.credited.is_none());
    }

    #[test]
    fn verified_against_an_earlier_article_when_the_source_is_absent() {
        let articles = corpus();
        let loc = Locator::new(&articles);
        let qs = quotes_of(&articles[2], &[]);
        assert_eq!(qs.len(), 1);
        let c = check(&articles, &loc, 2, &qs[0]);
        assert_eq!(c.status, Status::Verified);
        assert_eq!(c.basis, Some(Basis::EarlierArticle));
        assert_eq!(c.against.unwrap().article, "000");
        assert_eq!(c.earliest.article, "000");
    }

    #[test]
    fn quoted_ranges_pair_marks_and_trim_punctuation() {
        let a = Article::new(
            "x",
            "p",
            "He said “one two, three.” and \"four five\" end".into(),
        );
        let got: Vec<&str> = quoted_ranges(&a, Range::new(0, a.text.char_len()))
            .into_iter()
            .map(|r| a.text.slice(r))
            .collect();
        assert_eq!(got, ["one two, three", "four five"]);
    }
}
