//! The provenance graph as one JSON document (node-link), with full evidence.
//!
//! ```json
//! {"level": "article",
//!  "nodes": [{"id": "article:000…", "kind": "article", "name": "…", "article": {…},
//!             "flags": ["citation-laundering"]}, …],
//!  "edges": [{"from": "…", "to": "…", "kind": "copies", "weight": 1, "tier": "…",
//!             "score": 0.82, "directed": true, "passages": [SPAN pairs], "evidence": […]}, …],
//!  "analyses": {"origins": […], "ranking": {…}, "cycles": […], "laundering": […], "vague": […]}}
//! ```
//! Node and edge order is the graph's (sorted), so output is deterministic.

use std::io::{self, Write};

use serde::Serialize;

use crate::graph::analysis::Findings;
use crate::graph::{Edge, Level, Node, ProvenanceGraph};

use super::graph_text::flags;

#[derive(Serialize)]
struct JsonNode<'a> {
    #[serde(flatten)]
    node: &'a Node,
    flags: &'a [String],
}

#[derive(Serialize)]
struct JsonEdge<'a> {
    from: &'a str,
    to: &'a str,
    #[serde(flatten)]
    edge: &'a Edge,
}

#[derive(Serialize)]
struct Document<'a> {
    level: Level,
    nodes: Vec<JsonNode<'a>>,
    edges: Vec<JsonEdge<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    analyses: Option<&'a Findings>,
}

/// Writes `graph` (and `findings`, when given) as pretty JSON with a final newline.
///
/// # Errors
/// When writing or serialising fails.
pub fn write(
    out: &mut dyn Write,
    graph: &ProvenanceGraph,
    findings: Option<&Findings>,
) -> io::Result<()> {
    let flags = flags(graph, findings);
    let doc = Document {
        level: graph.level(),
        nodes: graph
            .nodes()
            .map(|(_, node)| JsonNode {
                node,
                flags: flags.get(&node.id).map(Vec::as_slice).unwrap_or_default(),
            })
            .collect(),
        edges: graph
            .edges()
            .map(|e| JsonEdge {
                from: &e.from.id,
                to: &e.to.id,
                edge: e.edge,
            })
            .collect(),
        analyses: findings,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{analysis, fixture};

    #[test]
    fn json_round_trips_with_evidence() {
        let g = ProvenanceGraph::build(&fixture::seeds());
        let f = analysis::run(&g, 10);
        let mut buf = Vec::new();
        write(&mut buf, &g, Some(&f)).expect("write");
        let v: serde_json::Value = serde_json::from_slice(&buf).expect("json");
        assert_eq!(v["level"], "article");
        let copies: Vec<&serde_json::Value> = v["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .filter(|e| e["kind"] == "copies")
            .collect();
        assert_eq!(copies.len(), 5);
        let p = &copies[0]["passages"][0]["copy"];
        assert!(p["start"].is_u64() && p["text"].is_string());
        assert!(v["analyses"]["laundering"][0]["message"].is_string());
        let n003 = v["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .find(|n| n["id"] == "article:003_42e9713d4d8883b4")
            .expect("003");
        assert_eq!(n003["flags"][0], "citation-laundering");
    }
}
