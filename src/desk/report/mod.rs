//! The desk report: everything a fact-checker needs about a corpus, in one file.
//!
//! [`Report::build`] gathers, from an [`Analysis`], the article cards
//! (metadata with where each value came from), attributions with the
//! article their source resolves to, quote checks, copy evidence with
//! word-level differences, the provenance graph ([`graph::GraphView`]) and
//! the [`Flag`]s a desk acts on. [`html`] writes it as one self-contained HTML
//! page, [`markdown`] as Markdown; both escape all article text ([`escape`]).

pub mod escape;
pub mod graph;
pub mod html;
pub mod markdown;
pub mod svg;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::article::{Article, Field, Origin};
use crate::attribution::Attribution;
use crate::desk::diff::{self, Change};
use crate::desk::locate::Locator;
use crate::desk::quotes::{self, QuoteCheck, Status};
use crate::desk::sources;
use crate::reuse::CopyPair;
use crate::span::{Range, Span};

/// A copy must score this much (or share three passages) to count as
/// laundering when the copy credits someone else.
const LAUNDERING_MIN_SCORE: f64 = 0.2;

/// What a flag warns about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    /// Copies another article's text without crediting it.
    UnattributedCopying,
    /// Copies one article while crediting the source *that* article credits,
    /// hiding the intermediary.
    CitationLaundering,
    /// Articles that, through copying and citing, end up sourcing each other.
    CircularReporting,
    /// A quote that differs from its source.
    AlteredQuote,
    /// A source that cannot be identified ("sources said", "reportedly").
    VagueAttribution,
    /// A quote with no source in the corpus.
    UnverifiedQuote,
}

impl FlagKind {
    /// Human name.
    pub fn title(self) -> &'static str {
        match self {
            FlagKind::UnattributedCopying => "unattributed copying",
            FlagKind::CitationLaundering => "citation laundering",
            FlagKind::CircularReporting => "circular reporting",
            FlagKind::AlteredQuote => "altered quote",
            FlagKind::VagueAttribution => "vague attribution",
            FlagKind::UnverifiedQuote => "unverified quote",
        }
    }

    /// True for flags that need a person's attention; the rest are notes.
    pub fn is_warning(self) -> bool {
        !matches!(self, FlagKind::UnverifiedQuote)
    }
}

/// One finding a desk should look at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    /// What kind.
    pub kind: FlagKind,
    /// The article flagged.
    pub article: String,
    /// The other article involved, if any.
    pub other: Option<String>,
    /// One sentence explaining it.
    pub message: String,
    /// The text that shows it.
    pub evidence: Vec<Span>,
    /// For an altered quote: the word-level differences (left = source).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diff: Vec<diff::Run>,
}

/// An attribution as shown on a card.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttributionView {
    /// The attribution.
    pub attribution: Attribution,
    /// Corpus articles by the source it resolves to.
    pub resolved_articles: Vec<String>,
}

/// One article's card.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Card {
    /// Article id.
    pub id: String,
    /// File read.
    pub path: String,
    /// Headline, outlet, author, affiliation, date, place: (label, value, provenance).
    pub fields: Vec<(String, String, String)>,
    /// Syndication and credit statements: (kind, agency, evidence).
    pub credits: Vec<(String, String, Span)>,
    /// Words in the article.
    pub words: usize,
    /// Attributions with their resolved sources.
    pub attributions: Vec<AttributionView>,
    /// The first paragraph, as a preview.
    pub lead: String,
}

/// A copy pair with its word-level evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyView {
    /// The pair as copy detection found it.
    pub pair: CopyPair,
    /// Per passage: character ranges changed in the origin passage (dropped
    /// by the copy) and in the copy passage (added by it).
    pub changes: Vec<(Vec<Range>, Vec<Range>)>,
}

/// Everything in the report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Heading.
    pub title: String,
    /// One card per article, in corpus order.
    pub cards: Vec<Card>,
    /// Flags, most serious first.
    pub flags: Vec<Flag>,
    /// Quote checks.
    pub quotes: Vec<QuoteCheck>,
    /// Copy pairs with evidence, strongest first.
    pub copies: Vec<CopyView>,
    /// The provenance graph.
    pub graph: graph::GraphView,
    /// Inputs that could not be read (one line each).
    pub errors: Vec<String>,
}

fn provenance<T>(field: &Field<T>) -> String {
    match field.origin {
        Origin::Given => format!("given ({})", field.via),
        Origin::Manifest => "manifest".into(),
        Origin::Inferred => format!("inferred ({}, {:.0}%)", field.via, field.confidence * 100.0),
    }
}

fn card(analysis: &Analysis, by_name: &graph::ArticlesByName, index: usize) -> Card {
    let a = &analysis.corpus.articles[index];
    let m = &a.meta;
    let mut fields = Vec::new();
    let mut push = |label: &str, f: Option<&Field<String>>| {
        if let Some(f) = f {
            fields.push((label.to_string(), f.value.clone(), provenance(f)));
        }
    };
    push("title", m.title.as_ref());
    push("outlet", m.outlet.as_ref());
    push("author", m.author.as_ref());
    push("affiliation", m.affiliation.as_ref());
    push("place", m.place.as_ref());
    push("url", m.url.as_ref());
    if let Some(d) = &m.date {
        fields.push(("date".into(), d.value.to_string(), provenance(d)));
    } else if let Some(d) = &m.date_floor {
        fields.push((
            "date".into(),
            format!("on or after {}", d.value),
            provenance(d),
        ));
    }
    let credits = m
        .credits
        .iter()
        .map(|c| {
            (
                kebab(&c.kind),
                c.agency.clone().unwrap_or_default(),
                c.evidence.clone(),
            )
        })
        .collect();
    let attributions = analysis
        .attributions
        .get(index)
        .map(|attrs| {
            attrs
                .iter()
                .map(|attr| AttributionView {
                    resolved_articles: attr
                        .entity
                        .as_ref()
                        .map(|e| {
                            let articles = &analysis.corpus.articles;
                            by_name
                                .sources_of(articles, e, index)
                                .into_iter()
                                .map(|j| articles[j].id.clone())
                                .filter(|id| *id != a.id)
                                .collect()
                        })
                        .unwrap_or_default(),
                    attribution: attr.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let lead = crate::text::segment::paragraphs(&a.text)
        .into_iter()
        .find(|p| !a.is_boilerplate(*p))
        .map(|p| a.text.slice(p).to_string())
        .unwrap_or_default();
    Card {
        id: a.id.clone(),
        path: a.path.clone(),
        fields,
        credits,
        words: a.word_count(),
        attributions,
        lead,
    }
}

fn kebab<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The changed ranges of each passage of a copy pair.
fn copy_view(articles: &[Article], pair: &CopyPair) -> CopyView {
    let find = |id: &str| articles.iter().find(|a| a.id == id);
    let changes = pair
        .passages
        .iter()
        .map(|p| {
            let (Some(o), Some(c)) = (find(&pair.origin), find(&pair.copy)) else {
                return (Vec::new(), Vec::new());
            };
            let ot = diff::tokens(
                o.text.slice(Range::new(p.origin.start, p.origin.end)),
                p.origin.start,
            );
            let ct = diff::tokens(
                c.text.slice(Range::new(p.copy.start, p.copy.end)),
                p.copy.start,
            );
            let runs = diff::diff(&ot, &ct);
            let removed = runs
                .iter()
                .filter(|r| r.change == Change::Removed)
                .filter_map(|r| r.left)
                .collect();
            let added = runs
                .iter()
                .filter(|r| r.change == Change::Added)
                .filter_map(|r| r.right)
                .collect();
            (removed, added)
        })
        .collect();
    CopyView {
        pair: pair.clone(),
        changes,
    }
}

/// True when `article` credits `other`: an attribution resolves to it, a
/// credit line names its outlet, or both are by the same publisher.
pub fn credits_article(article: &Article, attributions: &[Attribution], other: &Article) -> bool {
    attributions
        .iter()
        .filter_map(|a| a.entity.as_ref())
        .any(|e| sources::is_source_of(other, e, article))
        || article.meta.credits.iter().any(|c| {
            c.agency.as_deref().is_some_and(|agency| {
                sources::article_names(other)
                    .iter()
                    .any(|n| sources::same_name(n, agency))
            })
        })
        || sources::same_publisher(article, other)
}

fn flags(analysis: &Analysis, checks: &[QuoteCheck]) -> Vec<Flag> {
    let articles = &analysis.corpus.articles;
    let attrs_of = |i: usize| analysis.attributions.get(i).map_or(&[][..], Vec::as_slice);
    // Ids are unique: a map, not a search per copy pair.
    let positions: std::collections::HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let index_of = |id: &str| positions.get(id).copied();
    let mut out = Vec::new();
    // One flag per article listing its vague sources, in text order.
    for (i, a) in articles.iter().enumerate() {
        let mut shown: Vec<Span> = attrs_of(i)
            .iter()
            .filter(|x| x.vague)
            .map(|attr| attr.source.clone().unwrap_or_else(|| attr.cue.clone()))
            .collect();
        shown.sort();
        if shown.is_empty() {
            continue;
        }
        let names: Vec<String> = shown.iter().map(|s| format!("“{}”", s.text)).collect();
        out.push(Flag {
            kind: FlagKind::VagueAttribution,
            article: a.id.clone(),
            other: None,
            message: format!(
                "{} source(s) not identified: {}",
                shown.len(),
                names.join(", ")
            ),
            evidence: shown,
            diff: Vec::new(),
        });
    }
    for c in checks {
        let (kind, message) = match c.status {
            Status::Altered => {
                let against = c.against.as_ref().map_or("?", |o| o.article.as_str());
                let count = |change: Change| {
                    c.diff
                        .iter()
                        .filter(|r| r.change == change)
                        .map(|r| r.text.split(' ').count())
                        .sum::<usize>()
                };
                (
                    FlagKind::AlteredQuote,
                    format!(
                        "quote differs from its source {against}: {} word(s) dropped, {} added or changed",
                        count(Change::Removed),
                        count(Change::Added)
                    ),
                )
            }
            Status::Unverified if c.credited.is_some() => (
                FlagKind::UnverifiedQuote,
                format!(
                    "credited to {}, but no article in the corpus has these words",
                    c.credited.as_ref().map_or("", |e| e.name.as_str())
                ),
            ),
            Status::Unverified => (
                FlagKind::UnverifiedQuote,
                "no source for this quote in the corpus".to_string(),
            ),
            Status::Verified => continue,
        };
        let mut evidence = vec![c.quote.clone()];
        evidence.extend(c.against.as_ref().map(|o| o.span.clone()));
        out.push(Flag {
            kind,
            article: c.article.clone(),
            other: c.against.as_ref().map(|o| o.article.clone()),
            message,
            evidence,
            diff: c.diff.clone(),
        });
    }
    for pair in analysis.copies.iter().filter(|p| p.directed) {
        let (Some(oi), Some(ci)) = (index_of(&pair.origin), index_of(&pair.copy)) else {
            continue;
        };
        let (origin, copy) = (&articles[oi], &articles[ci]);
        if credits_article(copy, attrs_of(ci), origin) {
            continue;
        }
        let evidence: Vec<Span> = pair
            .passages
            .iter()
            .take(2)
            .flat_map(|p| [p.copy.clone(), p.origin.clone()])
            .collect();
        let origin_label = sources::label(origin);
        out.push(Flag {
            kind: FlagKind::UnattributedCopying,
            article: copy.id.clone(),
            other: Some(origin.id.clone()),
            message: format!(
                "copies text from {origin_label} ({}, {} passage(s)) without crediting it",
                kebab(&pair.tier),
                pair.passages.len()
            ),
            evidence: evidence.clone(),
            diff: Vec::new(),
        });
        // Laundering: it credits someone else for what it copied.
        let credited: Vec<String> = attrs_of(ci)
            .iter()
            .filter_map(|x| x.entity.as_ref())
            .filter(|e| !sources::is_by(origin, e))
            .map(|e| e.name.clone())
            .fold(Vec::new(), |mut v, n| {
                if !v.contains(&n) {
                    v.push(n);
                }
                v
            });
        // Only a substantial copy launders: a shared stock paragraph does not.
        let substantial = pair.score >= LAUNDERING_MIN_SCORE || pair.passages.len() >= 3;
        if substantial && !credited.is_empty() {
            let origin_also = attrs_of(oi)
                .iter()
                .filter_map(|x| x.entity.as_ref())
                .any(|e| credited.iter().any(|n| sources::same_name(n, &e.name)));
            out.push(Flag {
                kind: FlagKind::CitationLaundering,
                article: copy.id.clone(),
                other: Some(origin.id.clone()),
                message: format!(
                    "credits {} while copying {origin_label}{}",
                    credited.join(", "),
                    if origin_also {
                        ", which itself credits that source"
                    } else {
                        ""
                    }
                ),
                evidence,
                diff: Vec::new(),
            });
        }
    }
    for cycle in graph::article_cycles(analysis) {
        for id in &cycle {
            out.push(Flag {
                kind: FlagKind::CircularReporting,
                article: id.clone(),
                other: None,
                message: format!("sources loop back on themselves: {}", cycle.join(" → ")),
                evidence: Vec::new(),
                diff: Vec::new(),
            });
        }
    }
    out.sort_by(|a, b| {
        (a.kind, &a.article, &a.other, &a.message).cmp(&(b.kind, &b.article, &b.other, &b.message))
    });
    out.dedup();
    out
}

impl Report {
    /// Builds the report for `analysis`.
    pub fn build(analysis: &Analysis, title: &str) -> Self {
        let locator = Locator::new(&analysis.corpus.articles);
        let checks = quotes::check_all(&analysis.corpus.articles, &analysis.attributions, &locator);
        let flags = flags(analysis, &checks);
        let mut copies: Vec<CopyView> = analysis
            .copies
            .iter()
            .map(|p| copy_view(&analysis.corpus.articles, p))
            .collect();
        copies.sort_by(|a, b| {
            b.pair
                .score
                .partial_cmp(&a.pair.score)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| (&a.pair.origin, &a.pair.copy).cmp(&(&b.pair.origin, &b.pair.copy)))
        });
        let by_name = graph::ArticlesByName::new(&analysis.corpus.articles);
        Report {
            title: title.to_string(),
            cards: (0..analysis.corpus.articles.len())
                .map(|i| card(analysis, &by_name, i))
                .collect(),
            graph: graph::GraphView::from_analysis(analysis, &flags),
            flags,
            quotes: checks,
            copies,
            errors: analysis
                .corpus
                .errors
                .iter()
                .map(ToString::to_string)
                .collect(),
        }
    }

    /// The flags on one article.
    pub fn flags_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Flag> + 'a {
        self.flags.iter().filter(move |f| f.article == id)
    }
}

/// Shortens `text` to `max` characters on one line, adding "…".
pub fn preview(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}
