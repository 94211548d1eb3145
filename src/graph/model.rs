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

use serde::{Deserialize, Serialize};

use crate::article::Date;
use crate::attribution::QuoteKind;
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
        }
    }

    /// Every kind, in a fixed order (for legends).
    pub const ALL: [EdgeKind; 7] = [
        EdgeKind::PublishedBy,
        EdgeKind::AuthoredBy,
        EdgeKind::AffiliatedWith,
        EdgeKind::Cites,
        EdgeKind::Quotes,
        EdgeKind::Copies,
        EdgeKind::ResolvesTo,
    ];

    /// True for the kinds `--only citations` keeps.
    pub fn is_citation(self) -> bool {
        matches!(
            self,
            EdgeKind::Cites | EdgeKind::Quotes | EdgeKind::ResolvesTo
        )
    }

    /// True for edges that carry provenance (information moving between
    /// nodes), as opposed to metadata (publisher, author, affiliation).
    pub fn is_provenance(self) -> bool {
        matches!(
            self,
            EdgeKind::Cites | EdgeKind::Quotes | EdgeKind::Copies | EdgeKind::ResolvesTo
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

    /// The copy or match score, for `copies` and `resolves-to` edges.
    pub fn score(&self) -> Option<f64> {
        match &self.data {
            EdgeData::Copies { score, .. } | EdgeData::ResolvesTo { score, .. } => Some(*score),
            _ => None,
        }
    }

    /// True for a `copies` edge whose direction is decided, or any other edge.
    pub fn is_directed(&self) -> bool {
        !matches!(
            self.data,
            EdgeData::Copies {
                directed: false,
                ..
            }
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
