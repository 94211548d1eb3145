//! The provenance graph as a readable terminal summary: counts, then one
//! table per analysis (origins, most copied, most cited, circular reporting,
//! citation laundering, vague sources), then the provenance edges.
//! Cells go through [`Table`], which neutralises control characters.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::graph::analysis::{Findings, cue_phrase};
use crate::graph::model::{article_label_of, shorten};
use crate::graph::{Level, NodeKind, ProvenanceGraph};

use super::table::Table;

/// What people read for a node id: an article's label (outlet · date ·
/// title), another node's name; an id the graph does not hold as given.
fn label(graph: &ProvenanceGraph, id: &str) -> String {
    match graph.find(id) {
        Some(ix) => {
            let node = graph.node(ix);
            if node.kind == NodeKind::Article {
                article_label_of(node)
            } else {
                node.name.clone()
            }
        }
        None => id.strip_prefix("article:").unwrap_or(id).to_string(),
    }
}

/// Writes the summary of `graph` and `findings`.
///
/// # Errors
/// When writing fails.
pub fn write(out: &mut dyn Write, graph: &ProvenanceGraph, findings: &Findings) -> io::Result<()> {
    let mut nodes: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, n) in graph.nodes() {
        *nodes.entry(n.kind.name()).or_default() += 1;
    }
    let mut edges: BTreeMap<&str, usize> = BTreeMap::new();
    for e in graph.edges() {
        *edges.entry(e.edge.kind().name()).or_default() += 1;
    }
    let list = |m: &BTreeMap<&str, usize>| {
        m.iter()
            .map(|(k, v)| format!("{v} {k}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let level = match graph.level() {
        Level::Article => "article",
        Level::Outlet => "outlet",
    };
    writeln!(
        out,
        "PROVENANCE GRAPH ({level} level): {} nodes ({}), {} edges ({})",
        graph.node_count(),
        list(&nodes),
        graph.edge_count(),
        list(&edges)
    )?;

    section(
        out,
        "ORIGINS (where each article's information leads back to)",
    )?;
    let mut t = Table::new(["article", "origin", "kind", "path"]);
    t.max_width = 90;
    let short = |id: &str| label(graph, id);
    for o in &findings.origins {
        if o.roots.is_empty() {
            t.row([
                short(&o.article),
                "itself".to_string(),
                String::new(),
                "takes from nothing named".to_string(),
            ]);
        }
        for r in &o.roots {
            // The root is named by the finding: a narrowed view may not
            // hold its node.
            let name = |id: &str| {
                if id == r.node {
                    r.name.clone()
                } else {
                    short(id)
                }
            };
            let path: Vec<String> = r
                .path
                .iter()
                .map(|s| format!("{} {}", s.summary, name(&s.to)))
                .collect();
            let kind = if r.outside_corpus {
                format!("{} (outside corpus)", r.kind.name())
            } else {
                "corpus article".to_string()
            };
            t.row([short(&o.article), r.name.clone(), kind, path.join(" → ")]);
        }
        if o.truncated {
            t.row([
                short(&o.article),
                "…".to_string(),
                String::new(),
                "walk truncated".to_string(),
            ]);
        }
    }
    t.write(out)?;

    section(out, "MOST COPIED")?;
    let mut t = Table::new(["source", "copied by", "pairs", "copies"]);
    for r in &findings.ranking.most_copied {
        t.row([
            short(&r.node),
            r.by.to_string(),
            r.weight.to_string(),
            r.users
                .iter()
                .map(|u| short(u))
                .collect::<Vec<_>>()
                .join("; "),
        ]);
    }
    write_or_none(out, &t)?;

    section(out, "MOST CITED")?;
    let mut t = Table::new(["source", "kind", "cited by", "attributions", "is article"]);
    for r in &findings.ranking.most_cited {
        t.row([
            format!("{} ({})", r.name, r.node),
            r.kind.name().to_string(),
            r.by.to_string(),
            r.weight.to_string(),
            r.resolves_to.as_deref().map(short).unwrap_or_default(),
        ]);
    }
    write_or_none(out, &t)?;

    section(out, "CIRCULAR REPORTING")?;
    if findings.cycles.is_empty() {
        writeln!(out, "none")?;
    }
    for c in &findings.cycles {
        let names: Vec<String> = c.nodes.iter().map(|n| short(n)).collect();
        writeln!(out, "cycle: {}", names.join(" ↔ "))?;
        for s in &c.steps {
            writeln!(
                out,
                "  {} takes from {}: {}",
                short(&s.from),
                short(&s.to),
                s.summary
            )?;
        }
    }

    section(out, "CITATION LAUNDERING AND UNCREDITED COPYING")?;
    if findings.laundering.is_empty() {
        writeln!(out, "none")?;
    }
    for l in &findings.laundering {
        writeln!(out, "{}: {}", l.kind.name(), shorten(&l.message, 400))?;
        for a in l.attributions.iter().take(3) {
            writeln!(out, "  credits  {}", shorten(&cue_phrase(a), 90))?;
        }
        for p in l.passages.iter().take(3) {
            writeln!(
                out,
                "  copied   [{}..{}] “{}” ← {} [{}..{}]",
                p.copy.start,
                p.copy.end,
                shorten(&p.copy.text, 70),
                short(&l.derives_from),
                p.origin.start,
                p.origin.end
            )?;
        }
        for n in &l.notes {
            writeln!(out, "  note     {}", shorten(n, 200))?;
        }
    }

    section(out, "ALTERED QUOTES")?;
    let q = &findings.quotes.tally;
    writeln!(
        out,
        "{} quotes checked: {} verified, {} partial, {} altered, {} unverified",
        q.total(),
        q.verified,
        q.partial,
        q.altered,
        q.unverified
    )?;
    for a in &findings.quotes.altered {
        writeln!(out, "{}: {}", short(&a.article), shorten(&a.message, 300))?;
        writeln!(
            out,
            "  quote    [{}..{}] “{}”",
            a.quote.start,
            a.quote.end,
            shorten(&a.quote.text, 90)
        )?;
        writeln!(
            out,
            "  source   [{}..{}] “{}”",
            a.source.start,
            a.source.end,
            shorten(&a.source.text, 90)
        )?;
    }

    section(
        out,
        "HOUSE REUSE (an outlet recycling its own passages; not copy claims)",
    )?;
    if findings.house_reuse.is_empty() {
        writeln!(out, "none")?;
    }
    for h in &findings.house_reuse {
        writeln!(
            out,
            "{} ← {}: {}",
            short(&h.copy),
            short(&h.origin),
            h.summary
        )?;
    }

    section(
        out,
        "SHARED QUOTES (both quote one speaker; not copy claims)",
    )?;
    if findings.shared_quotes.is_empty() {
        writeln!(out, "none")?;
    }
    for q in &findings.shared_quotes {
        let who = if q.speakers.is_empty() {
            "one speaker".to_string()
        } else {
            q.speakers.join(", ")
        };
        writeln!(
            out,
            "{} and {}: both quote {}",
            short(&q.a),
            short(&q.b),
            shorten(&who, 80)
        )?;
    }

    section(out, "VAGUE SOURCES")?;
    if findings.vague.is_empty() {
        writeln!(out, "none")?;
    }
    for (id, n) in &findings.vague {
        let cues: Vec<String> = graph
            .find(&format!(
                "vague:{}",
                id.strip_prefix("article:").unwrap_or(id)
            ))
            .map(|v| {
                graph
                    .edges_of(v, petgraph::Direction::Incoming)
                    .flat_map(|(_, _, e)| match &e.data {
                        crate::graph::EdgeData::Cites { evidence, .. } => evidence
                            .iter()
                            .map(|c| {
                                let src = c.source.as_ref().map_or("", |s| s.text.as_str());
                                shorten(&format!("{src} {}", c.cue.text), 50)
                            })
                            .collect::<Vec<_>>(),
                        _ => Vec::new(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        writeln!(out, "{}: {n} unnamed ({})", short(id), cues.join("; "))?;
    }

    section(out, "PROVENANCE EDGES")?;
    let mut t = Table::new(["from", "edge", "to", "detail"]);
    t.max_width = 70;
    for e in graph.edges() {
        if !e.edge.kind().is_provenance() {
            continue;
        }
        let detail = crate::graph::analysis::evidence_line(e.edge)
            .into_iter()
            .next()
            .unwrap_or_default();
        let name = |n: &crate::graph::Node| {
            if n.kind == NodeKind::Article {
                article_label_of(n)
            } else {
                format!("{} ({})", n.name, n.id)
            }
        };
        t.row([name(e.from), e.edge.summary(), name(e.to), detail]);
    }
    write_or_none(out, &t)
}

fn section(out: &mut dyn Write, title: &str) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{title}")
}

fn write_or_none(out: &mut dyn Write, t: &Table) -> io::Result<()> {
    if t.rows.is_empty() {
        writeln!(out, "none")
    } else {
        t.write(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{analysis, fixture};

    #[test]
    fn seed_fixture_summary() {
        let g = ProvenanceGraph::build(&fixture::seeds());
        let f = analysis::run(&g, 10);
        let mut buf = Vec::new();
        write(&mut buf, &g, &f).expect("write");
        let text = String::from_utf8(buf).expect("utf8");
        assert!(
            text.contains("citation-laundering: unknown outlet · undated · 003_42e9713d4d8883b4.txt attributes its information to MEMRI report"),
            "{text}"
        );
        // People read labels, not hash ids, in the tables.
        assert!(text.contains("IANS · 2026-01-22 ·"), "{text}");
        insta::assert_snapshot!("seed_fixture_table", text);
        let outlets = g.collapse_outlets();
        let mut buf = Vec::new();
        write(&mut buf, &outlets, &f.restrict(&outlets)).expect("write");
        insta::assert_snapshot!(
            "seed_fixture_table_outlets",
            String::from_utf8(buf).expect("utf8")
        );
    }
}
