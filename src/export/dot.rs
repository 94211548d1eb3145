//! Graphviz DOT for the provenance graph.
//!
//! Top to bottom, sources above the articles that use them: `cites`,
//! `quotes`, `authored-by` and `published-by` are written source-first with
//! `dir=back`, so the arrow still points from the citing article to its
//! source while the layout reads as information flowing down. An undecided
//! copy pair is drawn without arrows and does not rank its two ends. Articles sit
//! in a box per outlet; shape and colour say what a node is, colour and style
//! what an edge is; flagged articles (citation laundering, circular
//! reporting) get a red border and a warning line; a legend explains it all.
//!
//! Every string is written as a DOT quoted string through
//! [`super::escape::dot_string`], so no title, quote or id can end the
//! string, start an HTML label or inject Graphviz escapes (`\N`, `\G`, `\l`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::graph::analysis::Findings;
use crate::graph::model::{Edge, EdgeData, EdgeKind, NodeKind, shorten};
use crate::graph::{Level, ProvenanceGraph, tier_name};
use crate::reuse::Tier;

use super::escape::{dot_quoted, dot_string};
use super::graph_text::{flag_words, flags, label_lines};

/// Longest label line, in characters: an author or outlet field of
/// megabytes makes a node Graphviz refuses.
const MAX_LABEL_LINE: usize = 120;

/// Longest node id written, in bytes; a longer one is cut and made unique
/// with a hash of the whole id (see [`node_id`]).
pub const MAX_NODE_ID: usize = 200;

/// A quoted DOT string of escaped lines joined by centred line breaks, each
/// line at most [`MAX_LABEL_LINE`] characters.
fn label(lines: &[String]) -> String {
    let parts: Vec<String> = lines
        .iter()
        .map(|l| dot_string(&shorten(l, MAX_LABEL_LINE)))
        .collect();
    format!("\"{}\"", parts.join("\\n"))
}

/// The quoted DOT id of a node: its graph id, or for one over
/// [`MAX_NODE_ID`] bytes its start and a 64-bit FNV-1a hash of the whole id,
/// so ids stay distinct, stable across runs and short enough for Graphviz.
fn node_id(id: &str) -> String {
    if id.len() <= MAX_NODE_ID {
        return dot_quoted(id);
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let mut cut = MAX_NODE_ID - 20;
    while !id.is_char_boundary(cut) {
        cut -= 1;
    }
    dot_quoted(&format!("{}…{hash:016x}", &id[..cut]))
}

/// Shape, fill colour and extra style of a node kind.
fn node_style(kind: NodeKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        NodeKind::Article => ("box", "#ffffff", "rounded,filled"),
        NodeKind::Outlet => ("box3d", "#dbe4fb", "filled"),
        NodeKind::Report => ("note", "#e3f2e1", "filled"),
        NodeKind::Document => ("note", "#eef0f2", "filled"),
        NodeKind::Organization => ("house", "#fde7c8", "filled"),
        NodeKind::Person => ("ellipse", "#f9dde6", "filled"),
        NodeKind::Vague => ("ellipse", "#eeeeee", "dashed,filled"),
        NodeKind::Unknown => ("ellipse", "#f5f5f5", "dotted,filled"),
    }
}

fn tier_colour(tier: Tier) -> (&'static str, &'static str) {
    match tier {
        Tier::Verbatim => ("#c0392b", "3"),
        Tier::NearVerbatim => ("#e67e22", "2.5"),
        Tier::Paraphrase => ("#b7950b", "2"),
    }
}

/// Attributes of an edge, and whether it is written source-first (`dir=back`).
fn edge_style(edge: &Edge, level: Level) -> (String, bool) {
    let weight_note = |w: usize| {
        if level == Level::Outlet && w > 1 {
            format!(" ×{w}")
        } else {
            String::new()
        }
    };
    match &edge.data {
        EdgeData::PublishedBy { .. } => (
            "style=dotted, color=\"#8c9bbf\", arrowhead=none, arrowtail=none".into(),
            true,
        ),
        EdgeData::AuthoredBy { .. } => (
            "style=dashed, color=\"#b0607a\", label=\"author\"".into(),
            true,
        ),
        EdgeData::AffiliatedWith { .. } => (
            "style=dashed, color=\"#c98b2b\", label=\"works at\"".into(),
            true,
        ),
        EdgeData::Cites { vague, .. } => {
            let colour = if *vague { "#888888" } else { "#1f5fa8" };
            let style = if *vague { "dashed" } else { "solid" };
            let text = format!("{}{}", short_summary(edge), weight_note(edge.weight));
            (
                format!(
                    "style={style}, color=\"{colour}\", fontcolor=\"{colour}\", label={}",
                    dot_quoted(&text)
                ),
                true,
            )
        }
        EdgeData::Quotes { .. } => (
            format!(
                "color=\"#7d3c98\", fontcolor=\"#7d3c98\", label={}",
                dot_quoted(&short_summary(edge))
            ),
            true,
        ),
        EdgeData::Copies {
            tier,
            score,
            directed,
            ..
        } => {
            let (colour, width) = tier_colour(*tier);
            let mut text = format!("{} {score:.2}", tier_name(*tier));
            text.push_str(&weight_note(edge.weight));
            let dir = if *directed {
                ""
            } else {
                ", dir=none, constraint=false, style=\"bold,dashed\""
            };
            (
                format!(
                    "color=\"{colour}\", fontcolor=\"{colour}\", penwidth={width}, label={}{dir}",
                    dot_quoted(&format!("copies: {text}"))
                ),
                false,
            )
        }
        EdgeData::ResolvesTo { score, .. } => (
            format!(
                "color=\"#2e7d32\", fontcolor=\"#2e7d32\", penwidth=2, style=bold, label={}",
                dot_quoted(&format!("is this report ({score:.2})"))
            ),
            true,
        ),
        // Relations, not accusations: thin, grey-green or grey, never the
        // copy colours, and labelled for what they are.
        EdgeData::HouseReuse { directed, .. } => {
            let dir = if *directed { "" } else { ", dir=none" };
            (
                format!(
                    "color=\"#6b8e23\", fontcolor=\"#6b8e23\", style=dotted, constraint=false, label={}{dir}",
                    dot_quoted(&format!("house reuse{}", weight_note(edge.weight)))
                ),
                false,
            )
        }
        EdgeData::SharesQuote { .. } => (
            format!(
                "color=\"#8e8e8e\", fontcolor=\"#6e6e6e\", style=dotted, dir=none, constraint=false, label={}",
                dot_quoted(&short_summary(edge))
            ),
            false,
        ),
        EdgeData::QuoteCheck { verdicts, .. } => {
            let colour = if verdicts.altered > 0 {
                "#a93226"
            } else {
                "#5d6d7e"
            };
            (
                format!(
                    "color=\"{colour}\", fontcolor=\"{colour}\", style=dashed, arrowhead=odot, constraint=false, label={}",
                    dot_quoted(&short_summary(edge).replace("quote-check: ", "quote "))
                ),
                false,
            )
        }
    }
}

/// "cites ×2: said, added" shortened for an edge label.
fn short_summary(edge: &Edge) -> String {
    shorten(&edge.summary(), 40)
}

/// Writes `graph` as DOT, annotated with `findings` when given.
///
/// # Errors
/// When writing fails.
pub fn write(
    out: &mut dyn Write,
    graph: &ProvenanceGraph,
    findings: Option<&Findings>,
) -> io::Result<()> {
    let flags = flags(graph, findings);
    writeln!(out, "digraph provenance {{")?;
    let title = match graph.level() {
        Level::Article => "citetrace provenance graph",
        Level::Outlet => "citetrace provenance graph (outlets)",
    };
    writeln!(
        out,
        "  graph [rankdir=TB, newrank=true, nodesep=0.35, ranksep=0.9, fontname=\"Helvetica\", \
         fontsize=12, labelloc=t, label={}];",
        dot_quoted(title)
    )?;
    writeln!(
        out,
        "  node [fontname=\"Helvetica\", fontsize=10, penwidth=1.2];"
    )?;
    writeln!(
        out,
        "  edge [fontname=\"Helvetica\", fontsize=8, arrowsize=0.7];"
    )?;

    // Articles by the outlet that published them (outlet node id → article indices).
    let mut clusters: BTreeMap<String, Vec<petgraph::graph::NodeIndex>> = BTreeMap::new();
    let mut clustered = std::collections::HashSet::new();
    if graph.level() == Level::Article {
        for e in graph.edges() {
            if e.edge.kind() == EdgeKind::PublishedBy
                && let Some((a, o)) = graph.ends(e.index)
            {
                clusters
                    .entry(graph.node(o).id.clone())
                    .or_default()
                    .push(a);
                clustered.insert(a);
                clustered.insert(o);
            }
        }
    }
    for (n, (outlet_id, members)) in clusters.iter().enumerate() {
        let Some(o) = graph.find(outlet_id) else {
            continue;
        };
        writeln!(out, "  subgraph cluster_{n} {{")?;
        writeln!(
            out,
            "    label={}; style=\"rounded,filled\"; fillcolor=\"#f4f6fb\"; color=\"#9aa7c7\"; fontsize=11;",
            dot_quoted(&shorten(&graph.node(o).name, MAX_LABEL_LINE))
        )?;
        write_node(out, graph, o, &flags, "    ")?;
        for &a in members {
            write_node(out, graph, a, &flags, "    ")?;
        }
        writeln!(out, "  }}")?;
    }
    for (ix, _) in graph.nodes() {
        if !clustered.contains(&ix) {
            write_node(out, graph, ix, &flags, "  ")?;
        }
    }
    for e in graph.edges() {
        let (style, back) = edge_style(e.edge, graph.level());
        let tooltip = dot_quoted(&shorten(&e.edge.summary(), 200));
        if back {
            writeln!(
                out,
                "  {} -> {} [dir=back, {style}, tooltip={tooltip}];",
                node_id(&e.to.id),
                node_id(&e.from.id)
            )?;
        } else {
            writeln!(
                out,
                "  {} -> {} [{style}, tooltip={tooltip}];",
                node_id(&e.from.id),
                node_id(&e.to.id)
            )?;
        }
    }
    write_legend(out, graph)?;
    writeln!(out, "}}")
}

fn write_node(
    out: &mut dyn Write,
    graph: &ProvenanceGraph,
    ix: petgraph::graph::NodeIndex,
    flags: &BTreeMap<String, Vec<String>>,
    indent: &str,
) -> io::Result<()> {
    let node = graph.node(ix);
    let (shape, fill, style) = node_style(node.kind);
    let mut lines = label_lines(node, 38);
    if node.kind == NodeKind::Vague {
        let n: usize = graph
            .edges_of(ix, petgraph::Direction::Incoming)
            .map(|(_, _, e)| e.weight)
            .sum();
        lines = vec![format!("unnamed sources ×{n}")];
    }
    let node_flags = flags.get(&node.id).map(Vec::as_slice).unwrap_or_default();
    let mut extra = String::new();
    let alarming = node_flags.iter().any(|f| {
        matches!(
            f.as_str(),
            "citation-laundering" | "unattributed-copy" | "circular-reporting"
        )
    });
    for f in node_flags {
        if f != "root" && !(f == "vague-sources" && node.kind == NodeKind::Vague) {
            lines.push(flag_words(f).to_string());
        }
    }
    if alarming {
        extra.push_str(", color=\"#c0392b\", penwidth=2.5, fillcolor=\"#fdecea\"");
    } else if node_flags.iter().any(|f| f == "root") {
        extra.push_str(", peripheries=2");
    }
    let tooltip = match &node.article {
        Some(info) => format!(
            "{} — {}",
            node.id,
            info.title.as_deref().unwrap_or(&info.lead)
        ),
        None => format!("{} ({})", node.name, node.id),
    };
    writeln!(
        out,
        "{indent}{} [shape={shape}, style={}, fillcolor=\"{fill}\", label={}, tooltip={}{extra}];",
        node_id(&node.id),
        dot_quoted(style),
        label(&lines),
        dot_quoted(&shorten(&tooltip, 300)),
    )
}

/// A legend of the node and edge kinds present, as an HTML-like table (its
/// text is fixed, so nothing needs escaping).
fn write_legend(out: &mut dyn Write, graph: &ProvenanceGraph) -> io::Result<()> {
    let node_kinds: std::collections::BTreeSet<NodeKind> =
        graph.nodes().map(|(_, n)| n.kind).collect();
    let edge_kinds: std::collections::BTreeSet<EdgeKind> =
        graph.edges().map(|e| e.edge.kind()).collect();
    let mut rows = String::new();
    rows.push_str("<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>");
    for kind in NodeKind::ALL {
        if node_kinds.contains(&kind) {
            let (shape, fill, _) = node_style(kind);
            let _ = write!(
                rows,
                "<TR><TD BGCOLOR=\"{fill}\">{}</TD><TD ALIGN=\"LEFT\">{shape}</TD></TR>",
                kind.name()
            );
        }
    }
    for kind in EdgeKind::ALL {
        if !edge_kinds.contains(&kind) {
            continue;
        }
        let (colour, text) = match kind {
            EdgeKind::PublishedBy => ("#8c9bbf", "published by (box = outlet)"),
            EdgeKind::AuthoredBy => ("#b0607a", "written by"),
            EdgeKind::AffiliatedWith => ("#c98b2b", "works at"),
            EdgeKind::Cites => ("#1f5fa8", "cites (grey dashed: unnamed)"),
            EdgeKind::Quotes => ("#7d3c98", "quotes"),
            EdgeKind::Copies => (
                "#e67e22",
                "copies text (red verbatim, orange edited, ochre rewrite)",
            ),
            EdgeKind::ResolvesTo => ("#2e7d32", "cited report is this article"),
            EdgeKind::HouseReuse => (
                "#6b8e23",
                "house reuse: the outlet recycles its own passages (not a copy claim)",
            ),
            EdgeKind::SharesQuote => ("#8e8e8e", "both quote one speaker (not a copy claim)"),
            EdgeKind::QuoteCheck => ("#5d6d7e", "quote found in that article (dark red: altered)"),
        };
        let _ = write!(
            rows,
            "<TR><TD><FONT COLOR=\"{colour}\">&#8594; {}</FONT></TD><TD ALIGN=\"LEFT\">{text}</TD></TR>",
            kind.name()
        );
    }
    rows.push_str(
        "<TR><TD BGCOLOR=\"#fdecea\"><FONT COLOR=\"#c0392b\">red border</FONT></TD>\
         <TD ALIGN=\"LEFT\">flagged: citation laundering, circular reporting</TD></TR>",
    );
    rows.push_str(
        "<TR><TD>double border</TD><TD ALIGN=\"LEFT\">origin of other articles</TD></TR>",
    );
    writeln!(out, "  subgraph cluster_legend {{")?;
    writeln!(out, "    label=\"\"; style=invis;")?;
    writeln!(
        out,
        "    \"legend\" [shape=plaintext, fontsize=9, label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\">{rows}</TABLE>>];"
    )?;
    writeln!(out, "  }}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::analysis;
    use crate::graph::fixture;

    #[test]
    fn long_ids_and_labels_are_bounded_and_stay_distinct() {
        let a = format!("person:{}", "x".repeat(2_000_000));
        let b = format!("person:{}y", "x".repeat(2_000_000));
        let (ia, ib) = (node_id(&a), node_id(&b));
        assert!(ia.len() <= MAX_NODE_ID + 4 && ib.len() <= MAX_NODE_ID + 4);
        assert_ne!(ia, ib);
        assert_eq!(node_id("article:a"), "\"article:a\"");
        let l = label(&["é".repeat(10_000), "short".into()]);
        assert!(l.chars().count() < 2 * MAX_LABEL_LINE + 8, "{}", l.len());
    }

    #[test]
    fn seed_dot_tells_the_story() {
        let g = ProvenanceGraph::build(&fixture::seeds());
        let f = analysis::run(&g, 10);
        let mut buf = Vec::new();
        write(&mut buf, &g, Some(&f)).expect("write");
        let dot = String::from_utf8(buf).expect("utf8");
        assert!(dot.starts_with("digraph provenance {"));
        assert!(dot.contains("subgraph cluster_0"));
        assert!(dot.contains("label=\"IANS\""));
        assert!(dot.contains("⚠ citation laundering"));
        assert!(dot.contains("unnamed sources ×2"));
        assert!(
            dot.contains("\"report:memri\" -> \"article:004_ffd583650c503103\"")
                || dot.contains("\"article:004_ffd583650c503103\" -> \"report:memri\"")
        );
        insta::assert_snapshot!("seed_fixture_dot", dot);
        // Deterministic.
        let mut again = Vec::new();
        write(&mut again, &g, Some(&f)).expect("write");
        assert_eq!(dot.as_bytes(), again.as_slice());
    }
}
