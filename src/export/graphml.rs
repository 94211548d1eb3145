//! `GraphML` for Gephi, yEd and Cytoscape: typed attributes declared with
//! `<key>` elements, one `<data>` per known value.
//!
//! Node keys: `label`, `kind`, `outlet`, `date`, `date_floor`, `title`,
//! `author`, `affiliation`, `path`, `vague_attributions` (int), `members`,
//! `aliases`, `flags`, `laundering` (boolean). Edge keys: `kind`, `label`,
//! `weight` (int), `score` (double), `tier`, `directed` (boolean), `vague`
//! (boolean), `cues`, `evidence`. An undecided copy pair is written with
//! `directed="false"`. Text is XML-escaped and characters XML 1.0 forbids are
//! dropped, so any title or quote yields a well-formed document.

use std::io::{self, Write};

use crate::graph::analysis::{Findings, evidence_line};
use crate::graph::model::shorten;
use crate::graph::{EdgeData, ProvenanceGraph, tier_name};

use super::escape::xml;
use super::graph_text::flags;

const NODE_KEYS: [(&str, &str); 14] = [
    ("label", "string"),
    ("kind", "string"),
    ("outlet", "string"),
    ("date", "string"),
    ("date_floor", "string"),
    ("title", "string"),
    ("author", "string"),
    ("affiliation", "string"),
    ("path", "string"),
    ("vague_attributions", "int"),
    ("members", "string"),
    ("aliases", "string"),
    ("flags", "string"),
    ("laundering", "boolean"),
];

const EDGE_KEYS: [(&str, &str); 9] = [
    ("kind", "string"),
    ("label", "string"),
    ("weight", "int"),
    ("score", "double"),
    ("tier", "string"),
    ("directed", "boolean"),
    ("vague", "boolean"),
    ("cues", "string"),
    ("evidence", "string"),
];

fn data(out: &mut dyn Write, key: &str, value: &str) -> io::Result<()> {
    writeln!(out, "      <data key=\"{key}\">{}</data>", xml(value))
}

/// Writes `graph` as `GraphML`, annotated with `findings` when given.
///
/// # Errors
/// When writing fails.
pub fn write(
    out: &mut dyn Write,
    graph: &ProvenanceGraph,
    findings: Option<&Findings>,
) -> io::Result<()> {
    let flags = flags(graph, findings);
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
    )?;
    for (name, ty) in NODE_KEYS {
        writeln!(
            out,
            "  <key id=\"n_{name}\" for=\"node\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        )?;
    }
    for (name, ty) in EDGE_KEYS {
        writeln!(
            out,
            "  <key id=\"e_{name}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        )?;
    }
    writeln!(out, "  <graph id=\"provenance\" edgedefault=\"directed\">")?;
    for (_, node) in graph.nodes() {
        writeln!(out, "    <node id=\"{}\">", xml(&node.id))?;
        data(
            out,
            "n_label",
            &super::graph_text::label_lines(node, 60).join(" · "),
        )?;
        data(out, "n_kind", node.kind.name())?;
        if let Some(info) = &node.article {
            let fields = [
                ("n_outlet", info.outlet.clone()),
                ("n_date", info.date.map(|d| d.to_string())),
                ("n_date_floor", info.date_floor.map(|d| d.to_string())),
                ("n_title", info.title.clone()),
                ("n_author", info.author.clone()),
                ("n_affiliation", info.affiliation.clone()),
                ("n_path", Some(info.path.clone())),
                (
                    "n_vague_attributions",
                    Some(info.vague_attributions.to_string()),
                ),
            ];
            for (key, value) in fields {
                if let Some(v) = value {
                    data(out, key, &v)?;
                }
            }
        }
        if !node.members.is_empty() {
            data(out, "n_members", &node.members.join(" "))?;
        }
        if !node.aliases.is_empty() {
            data(out, "n_aliases", &node.aliases.join("; "))?;
        }
        let node_flags = flags.get(&node.id).cloned().unwrap_or_default();
        if !node_flags.is_empty() {
            data(out, "n_flags", &node_flags.join(" "))?;
        }
        let laundering = node_flags.iter().any(|f| f == "citation-laundering");
        data(
            out,
            "n_laundering",
            if laundering { "true" } else { "false" },
        )?;
        writeln!(out, "    </node>")?;
    }
    for (i, e) in graph.edges().enumerate() {
        let undirected = if e.edge.is_directed() {
            ""
        } else {
            " directed=\"false\""
        };
        writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"{undirected}>",
            xml(&e.from.id),
            xml(&e.to.id)
        )?;
        data(out, "e_kind", e.edge.kind().name())?;
        data(out, "e_label", &e.edge.summary())?;
        data(out, "e_weight", &e.edge.weight.to_string())?;
        if let Some(score) = e.edge.score() {
            data(out, "e_score", &format!("{score:.4}"))?;
        }
        match &e.edge.data {
            EdgeData::Copies { tier, .. } | EdgeData::HouseReuse { tier, .. } => {
                data(out, "e_tier", tier_name(*tier))?;
            }
            EdgeData::Cites { cues, vague, .. } => {
                data(out, "e_vague", if *vague { "true" } else { "false" })?;
                data(out, "e_cues", &cues.join("; "))?;
            }
            EdgeData::Quotes { cues, .. } => data(out, "e_cues", &cues.join("; "))?,
            _ => {}
        }
        data(
            out,
            "e_directed",
            if e.edge.is_directed() {
                "true"
            } else {
                "false"
            },
        )?;
        let evidence = evidence_line(e.edge);
        if !evidence.is_empty() {
            data(out, "e_evidence", &shorten(&evidence.join(" | "), 1000))?;
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{analysis, fixture};

    #[test]
    fn seed_graphml_parses_with_typed_keys() {
        let g = ProvenanceGraph::build(&fixture::seeds());
        let f = analysis::run(&g, 10);
        let mut buf = Vec::new();
        write(&mut buf, &g, Some(&f)).expect("write");
        let xml = String::from_utf8(buf).expect("utf8");
        insta::assert_snapshot!("seed_fixture_graphml", xml);
        let doc = roxmltree::Document::parse(&xml).expect("well-formed");
        let keys = doc.descendants().filter(|n| n.has_tag_name("key")).count();
        assert_eq!(keys, NODE_KEYS.len() + EDGE_KEYS.len());
        let nodes = doc.descendants().filter(|n| n.has_tag_name("node")).count();
        assert_eq!(nodes, g.node_count());
        let undirected = doc
            .descendants()
            .filter(|n| n.has_tag_name("edge") && n.attribute("directed") == Some("false"))
            .count();
        assert_eq!(undirected, 1);
    }
}
