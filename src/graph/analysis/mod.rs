//! What a desk asks of the provenance graph.
//!
//! - [`origins`]: where each article's information came from, followed back
//!   through copies, citations and resolved reports to the roots, with the
//!   path and its evidence;
//! - [`ranking`]: the most-copied and most-cited sources;
//! - [`cycles`]: circular reporting (strongly connected components of the
//!   "takes from" relation);
//! - [`laundering`]: articles that credit one source while their text comes
//!   from another they do not credit;
//! - [`stories`]: the groups of articles information moved between;
//! - [`relations`]: what accuses no one but a desk should see — house reuse,
//!   shared quotes, quote verdicts (altered quotes are findings).
//!
//! [`run`] computes them all into [`Findings`], which every export carries.

pub mod cycles;
pub mod laundering;
pub mod origins;
pub mod ranking;
pub mod relations;
pub mod stories;

use petgraph::Direction;
use petgraph::graph::{EdgeIndex, NodeIndex};
use serde::Serialize;

pub use cycles::{Cycle, cycles};
pub use laundering::{Laundering, LaunderingKind, laundering};
pub use origins::{Origin, Root, Step, origins};
pub use ranking::{Ranked, Ranking, ranking};
pub use relations::{AlteredQuote, HouseReuse, Quotes, SharedQuote};
pub use stories::{Story, stories};

use super::ProvenanceGraph;
use super::model::{Edge, EdgeData, EdgeKind, NodeKind, shorten};
use crate::article::Date;

/// Every analysis of one graph.
#[derive(Debug, Clone, Serialize)]
#[must_use]
pub struct Findings {
    /// The origin of each article.
    pub origins: Vec<Origin>,
    /// Most-copied and most-cited sources.
    pub ranking: Ranking,
    /// Circular reporting.
    pub cycles: Vec<Cycle>,
    /// Citation laundering and uncredited copying.
    pub laundering: Vec<Laundering>,
    /// Articles with unnamed sources: (article node id, number of vague attributions).
    pub vague: Vec<(String, usize)>,
    /// Groups of articles linked by copying or by citing one another.
    pub stories: Vec<Story>,
    /// An outlet reusing passages of its own stories (not copy claims).
    pub house_reuse: Vec<HouseReuse>,
    /// Pairs of articles quoting one speaker and sharing nothing else.
    pub shared_quotes: Vec<SharedQuote>,
    /// Quote verdicts, and the altered quotes.
    pub quotes: Quotes,
}

/// Runs every analysis; `top` limits each ranking list.
pub fn run(graph: &ProvenanceGraph, top: usize) -> Findings {
    let vague = graph
        .nodes()
        .filter_map(|(_, n)| {
            let count = n.article.as_ref()?.vague_attributions;
            (count > 0).then(|| (n.id.clone(), count))
        })
        .collect();
    Findings {
        origins: origins(graph),
        ranking: ranking(graph, top),
        cycles: cycles(graph),
        laundering: laundering(graph),
        vague,
        stories: stories(graph),
        house_reuse: relations::house_reuse(graph),
        shared_quotes: relations::shared_quotes(graph),
        quotes: relations::quotes(graph),
    }
}

impl Findings {
    /// The findings that concern nodes of `view` (a filtered, cut or
    /// collapsed copy of the analysed graph): an outlet node stands for its
    /// member articles.
    pub fn restrict(&self, view: &ProvenanceGraph) -> Findings {
        let mut ids: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
        for (_, n) in view.nodes() {
            ids.insert(&n.id);
            ids.extend(n.members.iter().map(String::as_str));
        }
        let has = |id: &str| ids.contains(id);
        let rank = |list: &[Ranked]| -> Vec<Ranked> {
            list.iter().filter(|r| has(&r.node)).cloned().collect()
        };
        Findings {
            origins: self
                .origins
                .iter()
                .filter(|o| has(&o.article))
                .cloned()
                .collect(),
            ranking: Ranking {
                most_copied: rank(&self.ranking.most_copied),
                most_cited: rank(&self.ranking.most_cited),
            },
            cycles: self
                .cycles
                .iter()
                .filter(|c| c.nodes.iter().any(|n| has(n)))
                .cloned()
                .collect(),
            laundering: self
                .laundering
                .iter()
                .filter(|l| has(&l.article))
                .cloned()
                .collect(),
            vague: self
                .vague
                .iter()
                .filter(|(id, _)| has(id))
                .cloned()
                .collect(),
            stories: self
                .stories
                .iter()
                .filter(|st| st.articles.iter().any(|a| has(a)))
                .cloned()
                .collect(),
            house_reuse: self
                .house_reuse
                .iter()
                .filter(|h| has(&h.origin) || has(&h.copy))
                .cloned()
                .collect(),
            shared_quotes: self
                .shared_quotes
                .iter()
                .filter(|q| has(&q.a) || has(&q.b))
                .cloned()
                .collect(),
            quotes: Quotes {
                // Collapsed outlets keep no article details: all verdicts stay.
                tally: if view.level() == crate::graph::Level::Outlet {
                    self.quotes.tally
                } else {
                    view.nodes().filter_map(|(_, n)| n.article.as_ref()).fold(
                        crate::graph::QuoteTally::default(),
                        |mut t, info| {
                            t.absorb(info.quotes);
                            t
                        },
                    )
                },
                altered: self
                    .quotes
                    .altered
                    .iter()
                    .filter(|q| has(&q.article))
                    .cloned()
                    .collect(),
            },
        }
    }

    /// Short flags per node id, for exports that annotate nodes
    /// ("citation-laundering", "circular-reporting", "vague-sources",
    /// "uncredited-copy", "altered-quote", "root").
    pub fn flags(
        &self,
        graph: &ProvenanceGraph,
    ) -> std::collections::BTreeMap<String, Vec<String>> {
        let mut flags: std::collections::BTreeMap<String, Vec<String>> =
            std::collections::BTreeMap::new();
        let mut add = |id: &str, flag: &str| {
            let list = flags.entry(id.to_string()).or_default();
            if !list.iter().any(|f| f == flag) {
                list.push(flag.to_string());
            }
        };
        for l in &self.laundering {
            add(&l.article, l.kind.name());
        }
        for c in &self.cycles {
            for n in &c.nodes {
                add(n, "circular-reporting");
            }
        }
        for (id, _) in &self.vague {
            add(id, "vague-sources");
        }
        for q in &self.quotes.altered {
            add(&q.article, "altered-quote");
        }
        let roots = origin_roots(&self.origins);
        for (_, node) in graph.nodes() {
            if node.kind == NodeKind::Article && roots.contains(node.id.as_str()) {
                add(&node.id, "root");
            }
        }
        // At outlet level a node stands for its member articles' flags too.
        for (_, node) in graph.nodes() {
            let mut inherited: Vec<String> = node
                .members
                .iter()
                .filter_map(|m| flags.get(m))
                .flatten()
                .cloned()
                .collect();
            if !inherited.is_empty() {
                let list = flags.entry(node.id.clone()).or_default();
                list.append(&mut inherited);
            }
        }
        for list in flags.values_mut() {
            list.sort();
            list.dedup();
        }
        flags
    }
}

/// The nodes some other article's origin path ends at: one pass over the
/// origins, so flagging roots is linear in the graph (it once asked every
/// node of every origin, quadratic in articles).
fn origin_roots(origins: &[Origin]) -> std::collections::HashSet<&str> {
    origins
        .iter()
        .flat_map(|o| {
            o.roots
                .iter()
                .filter(move |r| r.node != o.article)
                .map(|r| r.node.as_str())
        })
        .collect()
}

/// The date of an article node, if known.
pub(crate) fn date_of(graph: &ProvenanceGraph, ix: NodeIndex) -> Option<Date> {
    graph.node(ix).article.as_ref().and_then(|a| a.date)
}

/// False when `source` is known to be later than `user`: an article cannot
/// take from one published after it. `source`'s earliest date is its date, or
/// else its date floor (the latest date its text mentions).
pub(crate) fn not_after(graph: &ProvenanceGraph, source: NodeIndex, user: NodeIndex) -> bool {
    let earliest = graph
        .node(source)
        .article
        .as_ref()
        .and_then(|a| a.date.or(a.date_floor));
    match (earliest, date_of(graph, user)) {
        (Some(s), Some(u)) => s <= u,
        _ => true,
    }
}

/// The provenance parents of `ix`: where its information came from, as
/// (parent, edge kind, edge, edge index). Copy origins (directed copies only), named
/// cited sources, quoted people, and for a report the article it resolves to.
pub(crate) fn parents(
    graph: &ProvenanceGraph,
    ix: NodeIndex,
) -> Vec<(NodeIndex, EdgeKind, &Edge, EdgeIndex)> {
    let mut out = Vec::new();
    let node = graph.node(ix);
    // Only articles (or outlets standing for them) receive copy edges; a
    // much-cited report has thousands of incoming edges not worth scanning.
    let copies_in = node.kind == NodeKind::Article || !node.members.is_empty();
    for (other, ei, edge) in copies_in
        .then(|| graph.edges_of(ix, Direction::Incoming))
        .into_iter()
        .flatten()
    {
        if edge.kind() == EdgeKind::Copies && edge.is_directed() && other != ix {
            out.push((other, EdgeKind::Copies, edge, ei));
        }
    }
    for (other, ei, edge) in graph.edges_of(ix, Direction::Outgoing) {
        match edge.kind() {
            EdgeKind::Cites | EdgeKind::Quotes | EdgeKind::ResolvesTo if other != ix => {
                out.push((other, edge.kind(), edge, ei));
            }
            _ => {}
        }
    }
    out
}

/// "[start..end] source cue" (or "cue source" when the cue comes first), the
/// offsets covering both.
pub fn cue_phrase(c: &super::model::CitationEvidence) -> String {
    match &c.source {
        Some(s) if s.end.abs_diff(c.cue.start).min(c.cue.end.abs_diff(s.start)) > 40 => format!(
            "[{}..{}] {} (source [{}..{}] {})",
            c.cue.start, c.cue.end, c.cue.text, s.start, s.end, s.text
        ),
        Some(s) if s.start < c.cue.start => {
            format!("[{}..{}] {} {}", s.start, c.cue.end, s.text, c.cue.text)
        }
        Some(s) => format!(
            "[{}..{}] {} {}",
            c.cue.start,
            s.end.max(c.cue.end),
            c.cue.text,
            s.text
        ),
        None => format!("[{}..{}] {}", c.cue.start, c.cue.end, c.cue.text),
    }
}

/// A short piece of evidence for one edge: the first copied passages or
/// attributions, with their character offsets, and the edge's reasons.
pub fn evidence_line(edge: &Edge) -> Vec<String> {
    match &edge.data {
        EdgeData::Copies {
            passages, evidence, ..
        } => {
            let mut out: Vec<String> = passages
                .iter()
                .take(2)
                .map(|p| {
                    format!(
                        "copy [{}..{}] “{}” ← origin [{}..{}] “{}”",
                        p.copy.start,
                        p.copy.end,
                        shorten(&p.copy.text, 70),
                        p.origin.start,
                        p.origin.end,
                        shorten(&p.origin.text, 70)
                    )
                })
                .collect();
            out.extend(evidence.iter().take(2).cloned());
            out
        }
        EdgeData::Cites { evidence, .. } | EdgeData::Quotes { evidence, .. } => evidence
            .iter()
            .take(2)
            .map(|c| {
                let content = c
                    .content
                    .first()
                    .map(|s| format!(" “{}”", shorten(&s.text, 60)))
                    .unwrap_or_default();
                format!("{}{content}", cue_phrase(c))
            })
            .collect(),
        EdgeData::ResolvesTo { evidence, .. } => evidence.clone(),
        EdgeData::HouseReuse {
            passages, evidence, ..
        } => passages
            .iter()
            .take(2)
            .map(|p| {
                format!(
                    "reused [{}..{}] “{}” ← same outlet [{}..{}]",
                    p.copy.start,
                    p.copy.end,
                    shorten(&p.copy.text, 70),
                    p.origin.start,
                    p.origin.end
                )
            })
            .chain(evidence.iter().take(1).cloned())
            .collect(),
        EdgeData::SharesQuote {
            passages, evidence, ..
        } => passages
            .iter()
            .take(2)
            .map(|p| {
                format!(
                    "both quote [{}..{}] “{}” / [{}..{}]",
                    p.origin.start,
                    p.origin.end,
                    shorten(&p.origin.text, 70),
                    p.copy.start,
                    p.copy.end
                )
            })
            .chain(evidence.iter().take(1).cloned())
            .collect(),
        EdgeData::QuoteCheck { checks, .. } => checks
            .iter()
            .take(2)
            .map(|c| {
                format!(
                    "{} quote [{}..{}] “{}” ← [{}..{}]",
                    c.status.name(),
                    c.quote.start,
                    c.quote.end,
                    shorten(&c.quote.text, 60),
                    c.against.start,
                    c.against.end
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fixture;

    const A000: &str = "article:000_bbfaf4c79d009b75";
    const A003: &str = "article:003_42e9713d4d8883b4";
    const A004: &str = "article:004_ffd583650c503103";

    #[test]
    fn seed_003_launders_the_memri_citation() {
        let g = ProvenanceGraph::build(&fixture::seeds());
        let found = laundering(&g);
        let l = found
            .iter()
            .find(|l| l.article == A003)
            .expect("003 is flagged");
        assert_eq!(l.kind, LaunderingKind::CitationLaundering);
        assert_eq!(l.credits, vec!["report:memri"]);
        assert_eq!(l.derives_from, A000);
        assert_eq!(l.derives_from_outlet.as_deref(), Some("IANS"));
        assert!(l.message.contains("does not credit"), "{}", l.message);
        assert!(
            l.notes
                .iter()
                .any(|n| n.contains("itself cites MEMRI report")),
            "{:?}",
            l.notes
        );
        assert_eq!(l.passages.len(), 1);
        assert!(l.attributions[0].cue.text == "According to");
        // 000 credits the report, which is 004: its copy of 004 is credited;
        // only the paragraph from 001 is uncredited reuse.
        let of_000: Vec<_> = found.iter().filter(|l| l.article == A000).collect();
        assert_eq!(of_000.len(), 1);
        assert_eq!(of_000[0].kind, LaunderingKind::UncreditedReuse);
        assert_eq!(of_000[0].derives_from, "article:001_7a5be3d7303584e7");
        // 002 copies 004 and credits the report: nothing to say.
        assert!(!found.iter().any(|l| l.article.starts_with("article:002")));
    }

    #[test]
    fn crediting_the_outlet_clears_003() {
        let mut analysis = fixture::seeds();
        let mut credit = analysis.attributions[3][0].clone();
        credit.entity = Some(crate::entities::EntityRef {
            id: "outlet:ians".into(),
            name: "IANS".into(),
            kind: crate::entities::EntityKind::Outlet,
        });
        analysis.attributions[3].push(credit);
        let g = ProvenanceGraph::build(&analysis);
        assert!(!laundering(&g).iter().any(|l| l.article == A003));
    }

    #[test]
    fn a_credited_report_resolving_to_the_origin_credits_it_whatever_the_dates() {
        // 000 copies 004 and credits the MEMRI report, which is 004. Dated a day
        // after 000 (as a print edition can be), 004 stays the copy's origin,
        // and 000 still credits it: no laundering finding against 004.
        let mut analysis = fixture::seeds();
        let a4 = analysis
            .corpus
            .articles
            .iter_mut()
            .find(|a| a.id.starts_with("004"))
            .expect("004");
        a4.meta.date = Some(crate::article::Field::given(
            "2026-01-23".parse().expect("date"),
            "test",
        ));
        a4.meta.date_floor = None;
        let g = ProvenanceGraph::build(&analysis);
        let copy_from_004 = g
            .edges_of(g.find(A000).expect("000"), Direction::Incoming)
            .any(|(y, _, e)| y == g.find(A004).expect("004") && e.kind() == EdgeKind::Copies);
        assert!(copy_from_004, "the fixture's copy 004 → 000 is kept");
        let found = laundering(&g);
        assert!(
            !found
                .iter()
                .any(|l| l.article == A000 && l.derives_from == A004),
            "{found:?}"
        );
    }

    #[test]
    fn origin_of_003_leads_to_memri_through_ians() {
        let g = ProvenanceGraph::build(&fixture::seeds());
        let o = origins::origin_of(&g, g.find(A003).expect("003"));
        let root = o
            .roots
            .iter()
            .find(|r| r.node == A004)
            .expect("004 is a root");
        assert!(!root.outside_corpus);
        let hops: Vec<(&str, EdgeKind)> =
            root.path.iter().map(|s| (s.to.as_str(), s.edge)).collect();
        // 003 → report:memri → 004 is as short as 003 → 000 → 004; BFS takes the
        // first found in edge order (incoming copies first).
        assert_eq!(hops.len(), 2);
        assert!(root.path.iter().all(|s| !s.evidence.is_empty()));
        // 004 takes from nothing named in the corpus: only outside roots.
        let o4 = origins::origin_of(&g, g.find(A004).expect("004"));
        assert!(o4.roots.iter().all(|r| r.outside_corpus));
        // 001 (September 2025) cannot resolve to 004 (January 2026).
        let o1 = origins::origin_of(&g, g.find("article:001_7a5be3d7303584e7").expect("001"));
        assert!(o1.roots.iter().all(|r| r.node != A004), "{o1:?}");
    }

    #[test]
    fn ranking_counts_distinct_users() {
        let g = ProvenanceGraph::build(&fixture::seeds());
        let r = ranking(&g, 10);
        assert_eq!(r.most_cited[0].node, "report:memri");
        assert_eq!(r.most_cited[0].by, 4);
        assert_eq!(r.most_cited[0].resolves_to.as_deref(), Some(A004));
        assert_eq!(r.most_copied[0].node, A004);
        assert_eq!(r.most_copied[0].by, 2);
        assert!(ranking(&g, 1).most_cited.len() == 1);
    }

    #[test]
    fn no_cycles_in_the_seeds_but_a_planted_one_is_found() {
        let g = ProvenanceGraph::build(&fixture::seeds());
        assert!(cycles(&g).is_empty());
        // 004 citing IANS closes a loop: IANS's 000 copied 004.
        let mut analysis = fixture::seeds();
        let mut back = analysis.attributions[4][2].clone();
        back.entity = Some(crate::entities::EntityRef {
            id: "outlet:ians".into(),
            name: "IANS".into(),
            kind: crate::entities::EntityKind::Outlet,
        });
        analysis.attributions[4].push(back);
        let g = ProvenanceGraph::build(&analysis);
        // Between articles there is no loop (004 cites IANS, not an IANS
        // article); between outlets there is: IANS took 004's text.
        assert!(cycles(&g).is_empty());
        let found = cycles(&g.collapse_outlets());
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].nodes,
            vec![A004.to_string(), "outlet:ians".to_string()]
        );
        assert!(found[0].steps.iter().any(|s| s.edge == EdgeKind::Copies));
        assert!(found[0].steps.iter().any(|s| s.edge == EdgeKind::Cites));
        // A report that resolves into a loop: 004 citing the MEMRI report
        // (which is 004 itself) is a self-reference, not a cycle of two.
        let mut analysis = fixture::seeds();
        let mut back = analysis.attributions[0][0].clone();
        back.article = analysis.corpus.articles[4].id.clone();
        analysis.attributions[4].push(back);
        analysis.attributions[4][3].cue = analysis.attributions[4][0].cue.clone();
        let g = ProvenanceGraph::build(&analysis);
        let found = cycles(&g);
        assert!(found.iter().all(|c| c.nodes.len() >= 2));
    }

    #[test]
    fn flags_mark_the_story() {
        let g = ProvenanceGraph::build(&fixture::seeds());
        let f = run(&g, 10);
        let flags = f.flags(&g);
        assert_eq!(flags[A003], vec!["citation-laundering"]);
        assert!(flags[A004].contains(&"vague-sources".to_string()));
        assert!(flags[A004].contains(&"root".to_string()));
        assert_eq!(f.vague, vec![(A004.to_string(), 2)]);
    }
}
