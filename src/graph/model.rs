//! The graph's vocabulary: node and edge kinds and what each carries.
//!
//! Edge direction is fixed per kind so analyses can follow provenance:
//!
//! | kind | from → to |
//! |---|---|
//! | `published-by` | article → outlet |
//! | `authored-by` | article → person |
//! | `affiliated-with` | person → organisation |
//! | `cites` | article → the source it attributes information to |
//! | `quotes` | article → the person it quotes |
//! | `copies` | origin article → the article that took its text (information flow) |
//! | `resolves-to` | cited report/document → the corpus article that is it |
//! | `house-reuse` | earlier story → a later story of the same outlet reusing its passages |
//! | `shares-quote` | first article (by id) → second: both quote one speaker, nothing else shared |
//! | `quote-check` | article holding the statement → article quoting it (verified, partial, altered) |
//!
//! The last three are relations, not accusations: house reuse is an outlet
//! recycling its own background, a shared quote is two reporters quoting one
//! person, a quote check says where a quote's words were found and how they
//! compare. Writers draw them apart from `copies`.

use serde::{Deserialize, Serialize};

use crate::article::Date;
use crate::attribution::QuoteKind;
use crate::quotes::diff::Run;
use crate::reuse::{Passage, Tier};
use crate::span::Span;

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    /// An article of the corpus.
    Article,
    /// A news outlet or wire agency.
    Outlet,
    /// A report or study.
    Report,
    /// A document that is not a report (statement, video, letter).
    Document,
    /// An organisation that is not an outlet.
    Organization,
    /// A person.
    Person,
    /// Unnamed sources of one article ("sources said", "media reports indicate").
    Vague,
    /// A source identified by name but of unknown kind.
    Unknown,
}

impl NodeKind {
    /// The kebab-case name used in every export.
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Article => "article",
            NodeKind::Outlet => "outlet",
            NodeKind::Report => "report",
            NodeKind::Document => "document",
            NodeKind::Organization => "organization",
            NodeKind::Person => "person",
            NodeKind::Vague => "vague",
            NodeKind::Unknown => "unknown",
        }
    }

    /// True for a source someone can be named as (an outlet, report,
    /// organisation, person, document or unknown-kind name): not an article,
    /// and not an article's unnamed sources.
    pub fn is_named_source(self) -> bool {
        !matches!(self, NodeKind::Vague | NodeKind::Article)
    }

    /// Every kind, in a fixed order (for legends).
    pub const ALL: [NodeKind; 8] = [
        NodeKind::Article,
        NodeKind::Outlet,
        NodeKind::Report,
        NodeKind::Document,
        NodeKind::Organization,
        NodeKind::Person,
        NodeKind::Vague,
        NodeKind::Unknown,
    ];
}

/// What an edge says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EdgeKind {
    /// Article → outlet that published it.
    PublishedBy,
    /// Article → its author.
    AuthoredBy,
    /// Person → the organisation they work for.
    AffiliatedWith,
    /// Article → a source it attributes information to.
    Cites,
    /// Article → a person it quotes.
    Quotes,
    /// Origin article → the article that reused its text.
    Copies,
    /// Cited report or document → the corpus article that is that report.
    ResolvesTo,
    /// Earlier story → a later story of the same outlet reusing its passages.
    HouseReuse,
    /// Two articles quoting the same speaker and sharing nothing else.
    SharesQuote,
    /// Article holding a statement → an article quoting it (with verdicts).
    QuoteCheck,
}

impl EdgeKind {
    /// The kebab-case name used in every export.
    pub fn name(self) -> &'static str {
        match self {
            EdgeKind::PublishedBy => "published-by",
            EdgeKind::AuthoredBy => "authored-by",
            EdgeKind::AffiliatedWith => "affiliated-with",
            EdgeKind::Cites => "cites",
            EdgeKind::Quotes => "quotes",
            EdgeKind::Copies => "copies",
            EdgeKind::ResolvesTo => "resolves-to",
            EdgeKind::HouseReuse => "house-reuse",
            EdgeKind::SharesQuote => "shares-quote",
            EdgeKind::QuoteCheck => "quote-check",
        }
    }

    /// Every kind, in a fixed order (for legends).
    pub const ALL: [EdgeKind; 10] = [
        EdgeKind::PublishedBy,
        EdgeKind::AuthoredBy,
        EdgeKind::AffiliatedWith,
        EdgeKind::Cites,
        EdgeKind::Quotes,
        EdgeKind::Copies,
        EdgeKind::ResolvesTo,
        EdgeKind::HouseReuse,
        EdgeKind::SharesQuote,
        EdgeKind::QuoteCheck,
    ];

    /// True for the relations the reuse stage finds between articles' text
    /// (`--only copies` keeps them): copies, house reuse, shared quotes.
    pub fn is_reuse(self) -> bool {
        matches!(
            self,
            EdgeKind::Copies | EdgeKind::HouseReuse | EdgeKind::SharesQuote
        )
    }

    /// True for the kinds `--only citations` keeps.
    pub fn is_citation(self) -> bool {
        matches!(
            self,
            EdgeKind::Cites | EdgeKind::Quotes | EdgeKind::ResolvesTo | EdgeKind::QuoteCheck
        )
    }

    /// True for edges that carry provenance (information moving between
    /// nodes, or text shared between articles), as opposed to metadata
    /// (publisher, author, affiliation).
    pub fn is_provenance(self) -> bool {
        !matches!(
            self,
            EdgeKind::PublishedBy | EdgeKind::AuthoredBy | EdgeKind::AffiliatedWith
        )
    }
}

/// What the graph knows about an article node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleInfo {
    /// The file it was read from.
    pub path: String,
    /// The outlet, if known.
    pub outlet: Option<String>,
    /// The publication date, if known.
    pub date: Option<Date>,
    /// The latest full date the text mentions: publication is no earlier.
    pub date_floor: Option<Date>,
    /// The headline, if known.
    pub title: Option<String>,
    /// The byline, if known.
    pub author: Option<String>,
    /// The author's organisation, if known.
    pub affiliation: Option<String>,
    /// Agencies named in credit lines ("IANS" for "Washington, Jan 22 (IANS)").
    pub credits: Vec<String>,
    /// The first words of the story, for a label when there is no title.
    pub lead: String,
    /// Number of attributions whose source cannot be identified.
    pub vague_attributions: usize,
    /// Number of attributions whose source is named or described but not
    /// resolved to any entity ("they", "the company"): they draw no edge.
    #[serde(default)]
    pub unresolved_attributions: usize,
    /// The verdicts on the article's direct quotes.
    #[serde(default)]
    pub quotes: QuoteTally,
}

/// The verdict on a quote, as the graph holds it (the quote checker's
/// `quotes::Status`, converted when the graph is built so the model
/// depends on no desk module's types but the diff).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The same words as the source passage.
    Verified,
    /// A fragment or a longer version of the source statement.
    Partial,
    /// The same statement with words changed.
    Altered,
    /// No source passage in the corpus.
    Unverified,
}

impl Verdict {
    /// The lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Verified => "verified",
            Verdict::Partial => "partial",
            Verdict::Altered => "altered",
            Verdict::Unverified => "unverified",
        }
    }

    /// Every verdict, in a fixed order.
    pub const ALL: [Verdict; 4] = [
        Verdict::Verified,
        Verdict::Partial,
        Verdict::Altered,
        Verdict::Unverified,
    ];
}

/// How many of an article's quotes got each verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteTally {
    /// The same words as the source passage.
    pub verified: usize,
    /// A fragment or a longer version of the source statement.
    pub partial: usize,
    /// The same statement with words changed.
    pub altered: usize,
    /// No source passage in the corpus.
    pub unverified: usize,
}

impl QuoteTally {
    /// Counts one verdict.
    pub fn add(&mut self, verdict: Verdict) {
        match verdict {
            Verdict::Verified => self.verified += 1,
            Verdict::Partial => self.partial += 1,
            Verdict::Altered => self.altered += 1,
            Verdict::Unverified => self.unverified += 1,
        }
    }

    /// The count of one verdict.
    pub fn get(&self, verdict: Verdict) -> usize {
        match verdict {
            Verdict::Verified => self.verified,
            Verdict::Partial => self.partial,
            Verdict::Altered => self.altered,
            Verdict::Unverified => self.unverified,
        }
    }

    /// Every quote checked.
    pub fn total(&self) -> usize {
        self.verified + self.partial + self.altered + self.unverified
    }

    /// Adds another tally.
    pub fn absorb(&mut self, other: QuoteTally) {
        self.verified += other.verified;
        self.partial += other.partial;
        self.altered += other.altered;
        self.unverified += other.unverified;
    }
}

/// One quote checked against a passage of another article (a `quote-check`
/// edge's evidence).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteEvidence {
    /// Verified, partial or altered.
    pub status: Verdict,
    /// The quote in the quoting article.
    pub quote: Span,
    /// The passage in the article holding the statement.
    pub against: Span,
    /// Who the quote is credited to, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// 0.0–1.0 word similarity of quote and passage.
    pub similarity: f64,
    /// Why this verdict, in one sentence.
    pub why: String,
    /// Word-level differences (left = the passage, right = the quote); empty
    /// unless altered or partial.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub diff: Vec<Run>,
}

/// A node of the provenance graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Stable id: `article:<article id>`, `outlet:<slug>`, or the entity id
    /// (`report:memri`), `vague:<article id>` for an article's unnamed sources.
    pub id: String,
    /// What it stands for.
    pub kind: NodeKind,
    /// Display name (outlet name, person's name, article title or lead).
    pub name: String,
    /// Article details (article nodes only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<ArticleInfo>,
    /// Other names this node was known by in the corpus, sorted.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub aliases: Vec<String>,
    /// At `--level outlet`: the ids of the articles collapsed into this node.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub members: Vec<String>,
}

impl Node {
    /// True for a source someone is named as: a named kind
    /// ([`NodeKind::is_named_source`]).
    pub fn is_named_source(&self) -> bool {
        self.kind.is_named_source()
    }
}

/// One attribution behind a `cites` or `quotes` edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CitationEvidence {
    /// The cue ("said", "according to").
    pub cue: Span,
    /// The source mention ("it", "the report"), if any.
    pub source: Option<Span>,
    /// The content attributed.
    pub content: Vec<Span>,
    /// Direct, indirect or mixed.
    pub quote: QuoteKind,
}

/// What an edge carries, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum EdgeData {
    /// Article → outlet. `via` says how the outlet is known (meta tag, dateline).
    PublishedBy {
        /// The rule or field the outlet came from.
        via: String,
        /// The text it was read from, for inferred outlets.
        evidence: Option<Span>,
    },
    /// Article → author.
    AuthoredBy {
        /// The author's organisation, if known.
        affiliation: Option<String>,
        /// The byline or bio line it was read from.
        evidence: Option<Span>,
    },
    /// Person → organisation.
    AffiliatedWith {
        /// The bio line it was read from.
        evidence: Option<Span>,
    },
    /// Article → source (`cites`) or person (`quotes`).
    Cites {
        /// Distinct cue words, lowercased, sorted.
        cues: Vec<String>,
        /// Number of attributions.
        count: usize,
        /// True for unnamed sources.
        vague: bool,
        /// Every attribution, in text order.
        evidence: Vec<CitationEvidence>,
    },
    /// Article → person quoted.
    Quotes {
        /// Distinct cue words, lowercased, sorted.
        cues: Vec<String>,
        /// Number of attributions.
        count: usize,
        /// Every attribution, in text order.
        evidence: Vec<CitationEvidence>,
    },
    /// Origin article → copy.
    Copies {
        /// Closest tier of the shared text.
        tier: Tier,
        /// 0.0–1.0 strength of the reuse.
        score: f64,
        /// False when the direction is undecided (origin/copy are then just
        /// the pair's two articles).
        directed: bool,
        /// Aligned passages.
        passages: Vec<Passage>,
        /// Reasons for the pair and its direction.
        evidence: Vec<String>,
    },
    /// Cited report → corpus article.
    ResolvesTo {
        /// 0.0–1.0 confidence of the match.
        score: f64,
        /// Reasons for the match.
        evidence: Vec<String>,
    },
    /// Earlier story → later story of the same outlet (house reuse, not a copy claim).
    HouseReuse {
        /// Closest tier of the shared text.
        tier: Tier,
        /// 0.0–1.0 strength of the reuse.
        score: f64,
        /// False when the direction is undecided.
        directed: bool,
        /// Aligned passages.
        passages: Vec<Passage>,
        /// Reasons.
        evidence: Vec<String>,
    },
    /// First article → second: both quote the same speaker (not a copy claim).
    SharesQuote {
        /// Who both quote, when attributions name them.
        speakers: Vec<String>,
        /// The shared quotations (`origin` in the first, `copy` in the second).
        passages: Vec<Passage>,
        /// Reasons.
        evidence: Vec<String>,
    },
    /// Article holding a statement → article quoting it.
    QuoteCheck {
        /// The verdicts of the quotes checked against this article.
        verdicts: QuoteTally,
        /// Every quote checked, in the quoting article's text order.
        checks: Vec<QuoteEvidence>,
    },
}

impl EdgeData {
    /// The kind of edge this data belongs to.
    pub fn kind(&self) -> EdgeKind {
        match self {
            EdgeData::PublishedBy { .. } => EdgeKind::PublishedBy,
            EdgeData::AuthoredBy { .. } => EdgeKind::AuthoredBy,
            EdgeData::AffiliatedWith { .. } => EdgeKind::AffiliatedWith,
            EdgeData::Cites { .. } => EdgeKind::Cites,
            EdgeData::Quotes { .. } => EdgeKind::Quotes,
            EdgeData::Copies { .. } => EdgeKind::Copies,
            EdgeData::ResolvesTo { .. } => EdgeKind::ResolvesTo,
            EdgeData::HouseReuse { .. } => EdgeKind::HouseReuse,
            EdgeData::SharesQuote { .. } => EdgeKind::SharesQuote,
            EdgeData::QuoteCheck { .. } => EdgeKind::QuoteCheck,
        }
    }
}

/// An edge of the provenance graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// How many findings this edge stands for (attributions for `cites`,
    /// 1 for a copy pair; summed when articles collapse into outlets).
    pub weight: usize,
    /// The evidence, by kind.
    #[serde(flatten)]
    pub data: EdgeData,
}

impl Edge {
    /// The kind of edge.
    pub fn kind(&self) -> EdgeKind {
        self.data.kind()
    }

    /// The copy or match score, for `copies`, `house-reuse` and `resolves-to` edges.
    pub fn score(&self) -> Option<f64> {
        match &self.data {
            EdgeData::Copies { score, .. }
            | EdgeData::HouseReuse { score, .. }
            | EdgeData::ResolvesTo { score, .. } => Some(*score),
            _ => None,
        }
    }

    /// False for a `copies` or `house-reuse` edge whose direction is
    /// undecided and for `shares-quote` (two articles quoting one speaker:
    /// neither took from the other); true for every other edge.
    pub fn is_directed(&self) -> bool {
        !matches!(
            self.data,
            EdgeData::Copies {
                directed: false,
                ..
            } | EdgeData::HouseReuse {
                directed: false,
                ..
            } | EdgeData::SharesQuote { .. }
        )
    }

    /// True for a `cites` edge to unnamed sources.
    pub fn is_vague(&self) -> bool {
        matches!(self.data, EdgeData::Cites { vague: true, .. })
    }

    /// A one-line human summary ("cites ×3: said, added", "copies paraphrase 0.62").
    pub fn summary(&self) -> String {
        match &self.data {
            EdgeData::PublishedBy { via, .. } => format!("published-by ({via})"),
            EdgeData::AuthoredBy { affiliation, .. } => match affiliation {
                Some(a) => format!("authored-by ({a})"),
                None => "authored-by".to_string(),
            },
            EdgeData::AffiliatedWith { .. } => "affiliated-with".to_string(),
            EdgeData::Cites { cues, count, .. } | EdgeData::Quotes { cues, count, .. } => {
                let verb = self.kind().name();
                let shown: Vec<&str> = cues.iter().take(3).map(String::as_str).collect();
                let more = if cues.len() > 3 { ", …" } else { "" };
                format!("{verb} ×{count}: {}{more}", shown.join(", "))
            }
            EdgeData::Copies {
                tier,
                score,
                directed,
                ..
            } => {
                let tier = tier_name(*tier);
                let dir = if *directed { "" } else { ", undirected" };
                format!("copies {tier} {score:.2}{dir}")
            }
            EdgeData::ResolvesTo { score, .. } => format!("resolves-to {score:.2}"),
            EdgeData::HouseReuse { tier, score, .. } => {
                format!("house reuse {} {score:.2}", tier_name(*tier))
            }
            EdgeData::SharesQuote { speakers, .. } => match speakers.as_slice() {
                [] => "both quote one speaker".to_string(),
                [one] => format!("both quote {}", shorten(one, 40)),
                [first, ..] => format!(
                    "both quote {} and {} more",
                    shorten(first, 40),
                    speakers.len() - 1
                ),
            },
            EdgeData::QuoteCheck { verdicts, .. } => {
                let mut parts = Vec::new();
                for status in [Verdict::Altered, Verdict::Partial, Verdict::Verified] {
                    let n = verdicts.get(status);
                    if n > 0 {
                        parts.push(format!("{} ×{n}", status.name()));
                    }
                }
                format!("quote-check: {}", parts.join(", "))
            }
        }
    }
}

/// The kebab-case name of a copy tier.
pub fn tier_name(tier: Tier) -> &'static str {
    match tier {
        Tier::Verbatim => "verbatim",
        Tier::NearVerbatim => "near-verbatim",
        Tier::Paraphrase => "paraphrase",
    }
}

/// `text` on one line (whitespace runs and control characters become one
/// space), cut to `max` characters with "…".
pub fn shorten(text: &str, max: usize) -> String {
    let flat: String = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The one readable name of an article, used wherever people read one:
/// "Outlet · date · title". The date is the publication date, else "≥" the
/// date floor, else "undated"; without a title, the file name (or `id` for an
/// article of a JSON or JSON Lines file, which holds many).
pub fn article_label(
    outlet: Option<&str>,
    date: Option<Date>,
    date_floor: Option<Date>,
    title: Option<&str>,
    path: &str,
    id: &str,
) -> String {
    let outlet = outlet
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .unwrap_or("unknown outlet");
    let when = match (date, date_floor) {
        (Some(d), _) => d.to_string(),
        (None, Some(f)) => format!("≥ {f}"),
        (None, None) => "undated".to_string(),
    };
    let name = title
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map_or_else(|| file_name(path, id), |t| shorten(t, 90));
    format!("{outlet} · {when} · {name}")
}

/// The file an article was read from, or its id when the file holds many
/// articles (JSON, JSON Lines) or there is no file.
fn file_name(path: &str, id: &str) -> String {
    let p = std::path::Path::new(path);
    let many = p
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("jsonl"));
    match p.file_name().and_then(|f| f.to_str()) {
        Some(f) if !many && !f.is_empty() && f != "-" => shorten(f, 90),
        _ => id.to_string(),
    }
}

/// [`article_label`] of a corpus article: how every view names it.
pub fn label(article: &crate::article::Article) -> String {
    let title = article.meta.title.as_ref().map(|t| t.value.as_str());
    article_label(
        article.outlet(),
        article.date(),
        article.meta.date_floor.as_ref().map(|f| f.value),
        title,
        &article.path,
        &article.id,
    )
}

/// [`article_label`] of a graph node: an article node's label, else the
/// node's name.
pub fn article_label_of(node: &Node) -> String {
    match &node.article {
        Some(info) => article_label(
            info.outlet.as_deref(),
            info.date,
            info.date_floor,
            info.title.as_deref(),
            &info.path,
            node.id.strip_prefix("article:").unwrap_or(&node.id),
        ),
        None => node.name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_outlet_date_and_title_or_file() {
        let d = |s: &str| s.parse::<Date>().ok();
        assert_eq!(
            article_label(
                Some("IANS"),
                d("2026-01-22"),
                None,
                Some("  Hamas in\nPakistan "),
                "x/000_a.txt",
                "000_a"
            ),
            "IANS · 2026-01-22 · Hamas in Pakistan"
        );
        // No title: the file name; a date floor is marked; no outlet is said.
        assert_eq!(
            article_label(None, None, d("2026-01-15"), None, "x/004_b.txt", "004_b"),
            "unknown outlet · ≥ 2026-01-15 · 004_b.txt"
        );
        // A record of a JSON Lines file is named by its id, not the file.
        assert_eq!(
            article_label(Some("Wire"), None, None, Some(" "), "c/all.jsonl", "wire-7"),
            "Wire · undated · wire-7"
        );
    }
}
