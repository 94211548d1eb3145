//! The desk report: what a fact-checker needs about a corpus, in one file.
//!
//! The report is a *view* of the provenance model, never a second analysis:
//! [`Report::build`] reads the [`ProvenanceGraph`] and its [`Findings`]
//! (laundering, uncredited copying, circular reporting, vague sources,
//! stories) exactly as `citetrace graph` computes them, adds the quote checks
//! of [`crate::quotes`], and arranges them for reading:
//!
//! - **stories** (connected groups of articles, [`Findings::stories`]) ranked
//!   by what a desk acts on, each with its own small graph, its findings and
//!   its copy evidence;
//! - repeated findings collapsed and counted (vague phrases across the corpus,
//!   unverified quotes as a number, not a list);
//! - an index of every article with readable labels (outlet, date, title).
//!
//! This module is the report's model only; its writers live in
//! [`crate::export::report`]: [`crate::export::report::html`] writes it as
//! one self-contained page, [`crate::export::report::markdown`] as Markdown;
//! the JSON export (`report --format json`) serialises [`Report`] whole,
//! including every quote check and every article card.

pub mod graph;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::analysis::Analysis;
use crate::article::{Article, Field, Origin};
use crate::attribution::Attribution;
use crate::graph::ProvenanceGraph;
use crate::graph::analysis::{Findings, LaunderingKind};
use crate::graph::model::{EdgeData, EdgeKind};
use crate::quotes::QuoteCheck;
use crate::quotes::diff::{self, Change};
use crate::reuse::CopyPair;
use crate::span::{Range, Span};

/// Stories drawn in full in the HTML and Markdown report; the rest are listed.
pub const MAX_STORIES_SHOWN: usize = 40;

/// Copy pairs shown with their passages per story (strongest first).
pub const MAX_COPIES_PER_STORY: usize = 6;

/// What a finding warns about. The first three are the graph's laundering
/// kinds ([`LaunderingKind`]); names match `citetrace graph`'s flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    /// Copies one article while crediting other sources, hiding the intermediary.
    CitationLaundering,
    /// Copies another article's text without naming any source.
    UnattributedCopy,
    /// Credits some of the articles it copied, but not this one.
    UncreditedReuse,
    /// Articles that, through copying and citing, end up sourcing each other.
    CircularReporting,
    /// A quote that differs from the same statement elsewhere.
    AlteredQuote,
}

impl FlagKind {
    /// The kebab-case name (the same as the graph's flag names).
    pub fn name(self) -> &'static str {
        match self {
            FlagKind::CitationLaundering => "citation-laundering",
            FlagKind::UnattributedCopy => "unattributed-copy",
            FlagKind::UncreditedReuse => "uncredited-reuse",
            FlagKind::CircularReporting => "circular-reporting",
            FlagKind::AlteredQuote => "altered-quote",
        }
    }

    /// Human name.
    pub fn title(self) -> &'static str {
        match self {
            FlagKind::CitationLaundering => "citation laundering",
            FlagKind::UnattributedCopy => "unattributed copying",
            FlagKind::UncreditedReuse => "uncredited reuse",
            FlagKind::CircularReporting => "circular reporting",
            FlagKind::AlteredQuote => "altered quote",
        }
    }

    /// How much a story's rank weighs one finding of this kind.
    fn weight(self) -> usize {
        match self {
            FlagKind::CitationLaundering | FlagKind::CircularReporting => 8,
            FlagKind::UnattributedCopy => 5,
            FlagKind::AlteredQuote => 4,
            FlagKind::UncreditedReuse => 3,
        }
    }

    fn from_laundering(kind: LaunderingKind) -> Self {
        match kind {
            LaunderingKind::CitationLaundering => FlagKind::CitationLaundering,
            LaunderingKind::UncreditedReuse => FlagKind::UncreditedReuse,
            LaunderingKind::UnattributedCopy => FlagKind::UnattributedCopy,
        }
    }
}

/// One finding a desk should look at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    /// What kind.
    pub kind: FlagKind,
    /// The article flagged (article id, not node id).
    pub article: String,
    /// The other article involved, if any.
    pub other: Option<String>,
    /// One sentence explaining it.
    pub message: String,
    /// The text that shows it (spans in `article`, then in `other`).
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
    /// Corpus articles the source it resolves to *is* (the graph's
    /// `resolves-to` edges).
    pub resolved_articles: Vec<String>,
}

/// One article's card.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Card {
    /// Article id.
    pub id: String,
    /// A readable one-line name: outlet, date and title (or lead).
    pub label: String,
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
    /// Unnamed sources ("sources said"), as the graph counts them.
    pub vague_sources: usize,
    /// The story it belongs to (1-based rank), if any.
    pub story: Option<usize>,
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

/// One story as the report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct StoryView {
    /// 1-based rank: 1 is the story a desk should read first.
    pub rank: usize,
    /// The label of its earliest article.
    pub headline: String,
    /// Article ids, earliest first.
    pub articles: Vec<String>,
    /// Names of the named sources its articles cite, most cited first.
    pub sources: Vec<String>,
    /// Their graph node ids (the graph's story sources), same order.
    #[serde(skip)]
    pub source_ids: Vec<String>,
    /// Indices into [`Report::flags`] of its findings.
    pub flags: Vec<usize>,
    /// Indices into [`Report::copies`] of its copy pairs, strongest first.
    pub copies: Vec<usize>,
    /// The rank's basis: the weighted count of its findings.
    pub weight: usize,
    /// The story's own small graph.
    pub graph: graph::GraphView,
}

/// An unnamed-source phrase and how often the corpus uses it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VaguePhrase {
    /// The source words, folded to lower case ("officials", "reportedly").
    pub phrase: String,
    /// Attributions using it.
    pub count: usize,
    /// Articles using it.
    pub articles: usize,
}

/// Unnamed sources across the corpus, collapsed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct VagueSummary {
    /// Articles with unnamed sources: (article id, count, the source spans).
    pub articles: Vec<(String, usize, Vec<Span>)>,
    /// The phrases, most used first.
    pub phrases: Vec<VaguePhrase>,
}

/// One passage of stock text (an editor's note, a promo, a poll formula) that
/// many articles carry: counted once, not a finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StockText {
    /// The passage as the first article carrying it reads (shortened).
    pub text: String,
    /// Why the reader marked it (the stock pass's reason).
    pub reason: String,
    /// Articles carrying it.
    pub articles: usize,
    /// Their outlets, sorted.
    pub outlets: Vec<String>,
}

/// Stock passages shown (most widespread first); the JSON keeps them all.
pub const MAX_STOCK_SHOWN: usize = 15;

/// The corpus's learned stock text, collapsed: one entry per passage (folded
/// case and spacing), with how many articles carry it.
fn stock_text(articles: &[Article]) -> Vec<StockText> {
    let mut by_text: HashMap<String, (StockText, std::collections::BTreeSet<String>)> =
        HashMap::new();
    for a in articles {
        for b in a
            .boilerplate
            .iter()
            .filter(|b| b.kind == crate::article::BoilerplateKind::Stock)
        {
            let key: String = b
                .span
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            let entry = by_text.entry(key).or_insert_with(|| {
                (
                    StockText {
                        text: preview(&b.span.text, 200),
                        reason: b.reason.clone().unwrap_or_default(),
                        articles: 0,
                        outlets: Vec::new(),
                    },
                    std::collections::BTreeSet::new(),
                )
            });
            entry.0.articles += 1;
            entry
                .1
                .insert(a.outlet().unwrap_or("unknown outlet").to_string());
        }
    }
    let mut out: Vec<StockText> = by_text
        .into_values()
        .map(|(mut st, outlets)| {
            st.outlets = outlets.into_iter().collect();
            st
        })
        .filter(|st| st.articles > 1)
        .collect();
    out.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.text.cmp(&b.text))
    });
    out
}

/// Counts a reader checks first; keys are the graph's finding names.
pub type Counts = BTreeMap<String, usize>;

/// Everything in the report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// "generated by citetrace VERSION", so the reader never takes a saved
    /// report for an article.
    pub generator: String,
    /// Heading.
    pub title: String,
    /// Headline counts (the same as `citetrace graph`'s analyses).
    pub counts: Counts,
    /// Stories, most serious first.
    pub stories: Vec<StoryView>,
    /// Findings, by kind then article.
    pub flags: Vec<Flag>,
    /// Unnamed sources, collapsed.
    pub vague: VagueSummary,
    /// Stock text the corpus repeats (not evidence of copying), collapsed.
    pub stock: Vec<StockText>,
    /// Every quote check.
    pub quotes: Vec<QuoteCheck>,
    /// Every copy pair with evidence, strongest first.
    pub copies: Vec<CopyView>,
    /// One card per article, in corpus order.
    pub cards: Vec<Card>,
    /// The graph's findings as `citetrace graph --format json` gives them.
    pub findings: Findings,
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

/// The corpus articles a cited entity *is*, per the graph's `resolves-to` edges.
fn resolved_articles(graph: &ProvenanceGraph, analysis: &Analysis, entity: &str) -> Vec<String> {
    let Some(ix) = graph.find(&analysis.canonical(entity)) else {
        return Vec::new();
    };
    graph
        .edges_of(ix, petgraph::Direction::Outgoing)
        .filter(|(_, _, e)| e.kind() == EdgeKind::ResolvesTo)
        .filter_map(|(to, _, _)| {
            graph
                .node(to)
                .id
                .strip_prefix("article:")
                .map(str::to_string)
        })
        .collect()
}

fn card(analysis: &Analysis, graph: &ProvenanceGraph, index: usize) -> Card {
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
    let mut resolved: HashMap<&str, Vec<String>> = HashMap::new();
    let attributions: Vec<AttributionView> = analysis
        .attributions
        .get(index)
        .map(|attrs| {
            attrs
                .iter()
                .map(|attr| AttributionView {
                    resolved_articles: attr.entity.as_ref().map_or_else(Vec::new, |e| {
                        resolved
                            .entry(e.id.as_str())
                            .or_insert_with(|| resolved_articles(graph, analysis, &e.id))
                            .clone()
                    }),
                    attribution: attr.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let vague_sources = graph
        .find(&format!("article:{}", a.id))
        .and_then(|ix| graph.node(ix).article.as_ref())
        .map_or(0, |info| info.vague_attributions);
    let lead = crate::text::segment::paragraphs(&a.text)
        .into_iter()
        .find(|p| !a.is_boilerplate(*p))
        .map(|p| preview(a.text.slice(p), 400))
        .unwrap_or_default();
    Card {
        id: a.id.clone(),
        label: crate::graph::model::label(a),
        path: a.path.clone(),
        fields,
        credits,
        words: a.word_count(),
        attributions,
        vague_sources,
        story: None,
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
fn copy_view(articles: &[Article], index: &HashMap<&str, usize>, pair: &CopyPair) -> CopyView {
    let find = |id: &str| index.get(id).map(|&i| &articles[i]);
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

fn strip(node_id: &str) -> String {
    node_id
        .strip_prefix("article:")
        .unwrap_or(node_id)
        .to_string()
}

/// The graph's findings (laundering, cycles, altered quotes) as flags.
fn flags(findings: &Findings) -> Vec<Flag> {
    let mut out = Vec::new();
    for l in &findings.laundering {
        let mut evidence: Vec<Span> = l
            .passages
            .iter()
            .take(2)
            .flat_map(|p| [p.copy.clone(), p.origin.clone()])
            .collect();
        evidence.extend(
            l.attributions
                .iter()
                .take(2)
                .map(|c| c.source.clone().unwrap_or_else(|| c.cue.clone())),
        );
        out.push(Flag {
            kind: FlagKind::from_laundering(l.kind),
            article: strip(&l.article),
            other: Some(strip(&l.derives_from)),
            message: l.message.clone(),
            evidence,
            diff: Vec::new(),
        });
    }
    for c in &findings.cycles {
        let articles: Vec<String> = c
            .nodes
            .iter()
            .filter(|n| n.starts_with("article:"))
            .map(|n| strip(n))
            .collect();
        let Some(first) = articles.first() else {
            continue;
        };
        out.push(Flag {
            kind: FlagKind::CircularReporting,
            article: first.clone(),
            other: articles.get(1).cloned(),
            message: format!(
                "sources loop back on themselves: {}",
                c.nodes
                    .iter()
                    .map(|n| strip(n))
                    .collect::<Vec<_>>()
                    .join(" ↔ ")
            ),
            evidence: Vec::new(),
            diff: Vec::new(),
        });
    }
    for q in &findings.quotes.altered {
        out.push(Flag {
            kind: FlagKind::AlteredQuote,
            article: strip(&q.article),
            other: Some(strip(&q.against)),
            message: q.message.clone(),
            evidence: vec![q.quote.clone(), q.source.clone()],
            diff: q.diff.clone(),
        });
    }
    out.sort_by(|a, b| {
        (a.kind, &a.article, &a.other, &a.message).cmp(&(b.kind, &b.article, &b.other, &b.message))
    });
    out.dedup();
    out
}

/// Unnamed sources per article and the phrases they use, from the graph's
/// vague edges (article → `vague:<article>`).
fn vague_summary(graph: &ProvenanceGraph, findings: &Findings) -> VagueSummary {
    let mut phrases: HashMap<String, (usize, std::collections::BTreeSet<String>)> = HashMap::new();
    let mut articles = Vec::new();
    for (node_id, count) in &findings.vague {
        let article = strip(node_id);
        let mut spans = Vec::new();
        if let (Some(a), Some(v)) = (graph.find(node_id), graph.find(&format!("vague:{article}"))) {
            for (to, _, edge) in graph.edges_of(a, petgraph::Direction::Outgoing) {
                if to != v {
                    continue;
                }
                if let EdgeData::Cites { evidence, .. } = &edge.data {
                    for c in evidence {
                        let span = c.source.clone().unwrap_or_else(|| c.cue.clone());
                        let phrase = span
                            .text
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .to_lowercase();
                        let entry = phrases.entry(phrase).or_default();
                        entry.0 += 1;
                        entry.1.insert(article.clone());
                        spans.push(span);
                    }
                }
            }
        }
        spans.sort();
        articles.push((article, *count, spans));
    }
    articles.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut phrases: Vec<VaguePhrase> = phrases
        .into_iter()
        .map(|(phrase, (count, arts))| VaguePhrase {
            phrase,
            count,
            articles: arts.len(),
        })
        .collect();
    phrases.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.phrase.cmp(&b.phrase)));
    VagueSummary { articles, phrases }
}

/// The headline counts, named as the graph names its findings, every one
/// read from the graph and its findings.
fn counts(graph: &ProvenanceGraph, findings: &Findings, flags: &[Flag]) -> Counts {
    let mut c = Counts::new();
    let edges = |kind: EdgeKind| graph.edges().filter(|e| e.edge.kind() == kind).count();
    let articles = graph
        .nodes()
        .filter(|(_, n)| n.kind == crate::graph::NodeKind::Article)
        .count();
    c.insert("articles".into(), articles);
    c.insert(
        "attributions".into(),
        graph
            .edges()
            .map(|e| match &e.edge.data {
                EdgeData::Cites { count, .. } | EdgeData::Quotes { count, .. } => *count,
                _ => 0,
            })
            .sum(),
    );
    c.insert("copy-pairs".into(), edges(EdgeKind::Copies));
    c.insert("house-reuse-pairs".into(), findings.house_reuse.len());
    c.insert("shared-quote-pairs".into(), findings.shared_quotes.len());
    c.insert(
        "directed-copies".into(),
        graph
            .edges()
            .filter(|e| e.edge.kind() == EdgeKind::Copies && e.edge.is_directed())
            .count(),
    );
    c.insert("stories".into(), findings.stories.len());
    for kind in [
        FlagKind::CitationLaundering,
        FlagKind::UnattributedCopy,
        FlagKind::UncreditedReuse,
        FlagKind::CircularReporting,
        FlagKind::AlteredQuote,
    ] {
        c.insert(
            kind.name().into(),
            flags.iter().filter(|f| f.kind == kind).count(),
        );
    }
    c.insert("vague-source-articles".into(), findings.vague.len());
    c.insert(
        "vague-sources".into(),
        findings.vague.iter().map(|(_, n)| n).sum(),
    );
    let tally = &findings.quotes.tally;
    c.insert("quotes-checked".into(), tally.total());
    for verdict in crate::graph::Verdict::ALL {
        c.insert(format!("quotes-{}", verdict.name()), tally.get(verdict));
    }
    c
}

impl Report {
    /// Builds the report from an analysed corpus, its provenance graph and
    /// the graph's findings (as `citetrace graph` computes them).
    pub fn build(
        analysis: &Analysis,
        graph: &ProvenanceGraph,
        findings: &Findings,
        title: &str,
    ) -> Self {
        let articles = &analysis.corpus.articles;
        let index: HashMap<&str, usize> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let checks = analysis.quote_checks().to_vec();
        let flags = flags(findings);
        let mut copies: Vec<CopyView> = analysis
            .copies
            .iter()
            .map(|p| copy_view(articles, &index, p))
            .collect();
        copies.sort_by(|a, b| {
            b.pair
                .score
                .partial_cmp(&a.pair.score)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| (&a.pair.origin, &a.pair.copy).cmp(&(&b.pair.origin, &b.pair.copy)))
        });
        let mut cards: Vec<Card> = (0..articles.len())
            .map(|i| card(analysis, graph, i))
            .collect();
        let stories = stories(analysis, graph, findings, &flags, &copies);
        for s in &stories {
            for id in &s.articles {
                if let Some(&i) = index.get(id.as_str()) {
                    cards[i].story = Some(s.rank);
                }
            }
        }
        Report {
            generator: format!(
                "{} {}",
                crate::read::GENERATOR_MARK,
                env!("CARGO_PKG_VERSION")
            ),
            title: title.to_string(),
            counts: counts(graph, findings, &flags),
            stories,
            vague: vague_summary(graph, findings),
            stock: stock_text(articles),
            flags,
            quotes: checks,
            copies,
            cards,
            findings: findings.clone(),
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

    /// The card of an article.
    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }
}

/// The graph's stories as the report shows them, ranked: a story's weight is
/// the weighted count of its findings; ties go to larger, then earlier stories.
/// A lone article with a finding (an altered quote of a text outside every
/// story) is a story of its own.
fn stories(
    analysis: &Analysis,
    graph: &ProvenanceGraph,
    findings: &Findings,
    flags: &[Flag],
    copies: &[CopyView],
) -> Vec<StoryView> {
    let articles = &analysis.corpus.articles;
    let index: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    // (article ids, the sources' node ids, most cited first)
    let mut groups: Vec<(Vec<String>, Vec<String>)> = findings
        .stories
        .iter()
        .map(|s| {
            (
                s.articles.iter().map(|a| strip(a)).collect(),
                s.sources.clone(),
            )
        })
        .collect();
    let mut story_of: HashMap<String, usize> = HashMap::new();
    for (k, (members, _)) in groups.iter().enumerate() {
        for m in members {
            story_of.insert(m.clone(), k);
        }
    }
    for f in flags {
        if !story_of.contains_key(&f.article) {
            story_of.insert(f.article.clone(), groups.len());
            groups.push((vec![f.article.clone()], Vec::new()));
        }
    }
    let mut story_flags: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (i, f) in flags.iter().enumerate() {
        if let Some(&k) = story_of.get(&f.article) {
            story_flags[k].push(i);
        }
    }
    let mut story_copies: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (i, c) in copies.iter().enumerate() {
        if let Some(&k) = story_of.get(&c.pair.copy) {
            story_copies[k].push(i);
        }
    }
    let name_of = |node_id: &str| {
        graph
            .find(node_id)
            .map_or_else(|| node_id.to_string(), |ix| graph.node(ix).name.clone())
    };
    let mut out: Vec<StoryView> = groups
        .into_iter()
        .enumerate()
        .map(|(k, (members, sources))| {
            let weight = story_flags[k].iter().map(|&i| flags[i].kind.weight()).sum();
            let headline = members
                .first()
                .and_then(|id| index.get(id.as_str()))
                .map(|&i| crate::graph::model::label(&articles[i]))
                .unwrap_or_default();
            StoryView {
                rank: 0,
                headline,
                articles: members,
                source_ids: sources.clone(),
                sources: sources.iter().map(|s| name_of(s)).collect(),
                flags: std::mem::take(&mut story_flags[k]),
                copies: std::mem::take(&mut story_copies[k]),
                weight,
                graph: graph::GraphView::default(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.weight
            .cmp(&a.weight)
            .then_with(|| b.articles.len().cmp(&a.articles.len()))
            .then_with(|| a.headline.cmp(&b.headline))
            .then_with(|| a.articles.cmp(&b.articles))
    });
    for (rank, s) in out.iter_mut().enumerate() {
        s.rank = rank + 1;
        let warned: HashMap<String, usize> = s.flags.iter().fold(HashMap::new(), |mut m, &i| {
            *m.entry(flags[i].article.clone()).or_default() += 1;
            m
        });
        s.graph = graph::GraphView::of_story(graph, &s.articles, &s.source_ids, &warned);
    }
    out
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
