//! Mermaid flowcharts of the provenance graph, for Markdown (`GitHub`, `GitLab`,
//! wikis).
//!
//! Nodes get positional ids (`n0`, `n1`, … in node order) so no article id
//! reaches Mermaid syntax; labels and edge labels are quoted and every
//! character outside letters, digits, spaces and plain punctuation is written
//! as a Mermaid entity code (`#34;`), so titles with quotes, brackets, pipes,
//! HTML or backticks cannot break or inject into the chart. Articles sit in a
//! subgraph per outlet; node kinds and flags are classes.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use petgraph::graph::NodeIndex;

use crate::graph::analysis::Findings;
use crate::graph::{EdgeData, EdgeKind, Level, NodeKind, ProvenanceGraph};

use super::escape::mermaid_label;
use super::graph_text::{flag_words, flags, label_lines};

fn lines(parts: &[String]) -> String {
    parts
        .iter()
        .map(|p| mermaid_label(p))
        .collect::<Vec<_>>()
        .join("<br/>")
}

fn shape(kind: NodeKind, label: &str) -> String {
    match kind {
        NodeKind::Article => format!("[\"{label}\"]"),
        NodeKind::Outlet => format!("[[\"{label}\"]]"),
        NodeKind::Report | NodeKind::Document => format!("[/\"{label}\"/]"),
        NodeKind::Organization => format!("{{{{\"{label}\"}}}}"),
        NodeKind::Person | NodeKind::Vague | NodeKind::Unknown => format!("([\"{label}\"])"),
    }
}

/// Writes `graph` as a Mermaid flowchart.
///
/// # Errors
/// When writing fails.
pub fn write(
    out: &mut dyn Write,
    graph: &ProvenanceGraph,
    findings: Option<&Findings>,
) -> io::Result<()> {
    let flags = flags(graph, findings);
    let ids: HashMap<NodeIndex, String> = graph
        .nodes()
        .enumerate()
        .map(|(i, (ix, _))| (ix, format!("n{i}")))
        .collect();
    writeln!(out, "flowchart LR")?;
    let mut clusters: BTreeMap<NodeIndex, Vec<NodeIndex>> = BTreeMap::new();
    let mut clustered = std::collections::HashSet::new();
    if graph.level() == Level::Article {
        for e in graph.edges() {
            if e.edge.kind() == EdgeKind::PublishedBy
                && let Some((a, o)) = graph.ends(e.index)
            {
                clusters.entry(o).or_default().push(a);
                clustered.insert(a);
            }
        }
    }
    let node_line = |ix: NodeIndex| -> String {
        let node = graph.node(ix);
        let mut parts = label_lines(node, 40);
        for f in flags.get(&node.id).into_iter().flatten() {
            if f != "root" {
                parts.push(flag_words(f).to_string());
            }
        }
        format!("{}{}", ids[&ix], shape(node.kind, &lines(&parts)))
    };
    for (c, (outlet, members)) in clusters.iter().enumerate() {
        writeln!(
            out,
            "  subgraph c{c}[\"{}\"]",
            mermaid_label(&graph.node(*outlet).name)
        )?;
        for &a in members {
            writeln!(out, "    {}", node_line(a))?;
        }
        writeln!(out, "  end")?;
    }
    for (ix, _) in graph.nodes() {
        if !clustered.contains(&ix) {
            writeln!(out, "  {}", node_line(ix))?;
        }
    }
    for e in graph.edges() {
        let Some((a, b)) = graph.ends(e.index) else {
            continue;
        };
        if e.edge.kind() == EdgeKind::PublishedBy && clustered.contains(&a) {
            continue; // shown by the subgraph
        }
        let arrow = match &e.edge.data {
            EdgeData::Copies {
                directed: false, ..
            } => "===",
            EdgeData::Copies { .. } => "==>",
            // Relations, not copy claims: dotted, and a shared quote has no arrow.
            EdgeData::SharesQuote { .. }
            | EdgeData::HouseReuse {
                directed: false, ..
            } => "-.-",
            EdgeData::HouseReuse { .. }
            | EdgeData::QuoteCheck { .. }
            | EdgeData::Cites { vague: true, .. }
            | EdgeData::AuthoredBy { .. }
            | EdgeData::AffiliatedWith { .. }
            | EdgeData::PublishedBy { .. } => "-.->",
            _ => "-->",
        };
        writeln!(
            out,
            "  {} {arrow}|\"{}\"| {}",
            ids[&a],
            mermaid_label(&e.edge.summary()),
            ids[&b]
        )?;
    }
    writeln!(out, "  classDef article fill:#ffffff,stroke:#555")?;
    writeln!(out, "  classDef outlet fill:#dbe4fb,stroke:#5a6ea8")?;
    writeln!(out, "  classDef report fill:#e3f2e1,stroke:#2e7d32")?;
    writeln!(out, "  classDef organization fill:#fde7c8,stroke:#c98b2b")?;
    writeln!(out, "  classDef person fill:#f9dde6,stroke:#b0607a")?;
    writeln!(
        out,
        "  classDef vague fill:#eeeeee,stroke:#888,stroke-dasharray:4 3"
    )?;
    writeln!(
        out,
        "  classDef flagged fill:#fdecea,stroke:#c0392b,stroke-width:3px"
    )?;
    let mut by_class: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (ix, node) in graph.nodes() {
        let alarming = flags.get(&node.id).is_some_and(|f| {
            f.iter().any(|f| {
                matches!(
                    f.as_str(),
                    "citation-laundering" | "unattributed-copy" | "circular-reporting"
                )
            })
        });
        let class = if alarming {
            "flagged"
        } else {
            match node.kind {
                NodeKind::Article => "article",
                NodeKind::Outlet => "outlet",
                NodeKind::Report | NodeKind::Document => "report",
                NodeKind::Organization => "organization",
                NodeKind::Person => "person",
                NodeKind::Vague | NodeKind::Unknown => "vague",
            }
        };
        by_class.entry(class).or_default().push(&ids[&ix]);
    }
    for (class, members) in by_class {
        writeln!(out, "  class {} {class}", members.join(","))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{analysis, fixture};

    #[test]
    fn seed_mermaid_has_clusters_and_flags() {
        let g = ProvenanceGraph::build(&fixture::seeds());
        let f = analysis::run(&g, 10);
        let mut buf = Vec::new();
        write(&mut buf, &g, Some(&f)).expect("write");
        let m = String::from_utf8(buf).expect("utf8");
        insta::assert_snapshot!("seed_fixture_mermaid", m);
        assert!(m.starts_with("flowchart LR\n"));
        assert!(m.contains("subgraph c0[\"IANS\"]"));
        assert!(m.contains("⚠ citation laundering"));
        assert!(m.contains("class ") && m.contains(" flagged"));
    }
}
