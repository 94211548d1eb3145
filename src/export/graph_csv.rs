//! The provenance graph as two CSV files, `nodes.csv` and `edges.csv`, for
//! spreadsheets and graph tools that import node and edge lists (Gephi's
//! spreadsheet import reads `id`/`label` and `source`/`target`).
//!
//! Both go into one directory (`-o DIR`, created if missing). Every cell is
//! made formula-safe by [`super::escape::csv_cell`].

use std::io;
use std::path::Path;

use crate::graph::analysis::{Findings, evidence_line};
use crate::graph::model::shorten;
use crate::graph::{EdgeData, ProvenanceGraph, tier_name};

use super::graph_text::{flags, label_lines};

/// Column headers of `nodes.csv`.
pub const NODE_HEADERS: [&str; 14] = [
    "id",
    "label",
    "kind",
    "outlet",
    "date",
    "date_floor",
    "title",
    "author",
    "affiliation",
    "path",
    "vague_attributions",
    "members",
    "aliases",
    "flags",
];

/// Column headers of `edges.csv`.
pub const EDGE_HEADERS: [&str; 11] = [
    "source", "target", "kind", "label", "weight", "score", "tier", "directed", "vague", "cues",
    "evidence",
];

/// The rows of `nodes.csv`.
pub fn node_rows(graph: &ProvenanceGraph, findings: Option<&Findings>) -> Vec<Vec<String>> {
    let flags = flags(graph, findings);
    graph
        .nodes()
        .map(|(_, n)| {
            let info = n.article.as_ref();
            let opt = |v: Option<String>| v.unwrap_or_default();
            vec![
                n.id.clone(),
                label_lines(n, 60).join(" · "),
                n.kind.name().to_string(),
                opt(info.and_then(|i| i.outlet.clone())),
                opt(info.and_then(|i| i.date.map(|d| d.to_string()))),
                opt(info.and_then(|i| i.date_floor.map(|d| d.to_string()))),
                opt(info.and_then(|i| i.title.clone())),
                opt(info.and_then(|i| i.author.clone())),
                opt(info.and_then(|i| i.affiliation.clone())),
                opt(info.map(|i| i.path.clone())),
                info.map_or_else(String::new, |i| i.vague_attributions.to_string()),
                n.members.join(" "),
                n.aliases.join("; "),
                flags.get(&n.id).map(|f| f.join(" ")).unwrap_or_default(),
            ]
        })
        .collect()
}

/// The rows of `edges.csv`.
pub fn edge_rows(graph: &ProvenanceGraph) -> Vec<Vec<String>> {
    graph
        .edges()
        .map(|e| {
            let (tier, vague, cues) = match &e.edge.data {
                EdgeData::Copies { tier, .. } | EdgeData::HouseReuse { tier, .. } => {
                    (tier_name(*tier).to_string(), String::new(), String::new())
                }
                EdgeData::Cites { cues, vague, .. } => {
                    (String::new(), vague.to_string(), cues.join("; "))
                }
                EdgeData::Quotes { cues, .. } => (String::new(), String::new(), cues.join("; ")),
                _ => (String::new(), String::new(), String::new()),
            };
            vec![
                e.from.id.clone(),
                e.to.id.clone(),
                e.edge.kind().name().to_string(),
                e.edge.summary(),
                e.edge.weight.to_string(),
                e.edge
                    .score()
                    .map(|s| format!("{s:.4}"))
                    .unwrap_or_default(),
                tier,
                e.edge.is_directed().to_string(),
                vague,
                cues,
                shorten(&evidence_line(e.edge).join(" | "), 1000),
            ]
        })
        .collect()
}

/// Writes `nodes.csv` and `edges.csv` into `dir`, creating it if needed.
///
/// # Errors
/// When the directory or a file cannot be created or written.
pub fn write_dir(
    dir: &Path,
    graph: &ProvenanceGraph,
    findings: Option<&Findings>,
) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let nodes = std::fs::File::create(dir.join("nodes.csv"))?;
    super::csv::write_rows(
        io::BufWriter::new(nodes),
        &NODE_HEADERS,
        node_rows(graph, findings),
    )?;
    let edges = std::fs::File::create(dir.join("edges.csv"))?;
    super::csv::write_rows(io::BufWriter::new(edges), &EDGE_HEADERS, edge_rows(graph))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{analysis, fixture};

    #[test]
    fn rows_match_headers_and_graph() {
        let g = ProvenanceGraph::build(&fixture::seeds());
        let f = analysis::run(&g, 10);
        let nodes = node_rows(&g, Some(&f));
        assert_eq!(nodes.len(), g.node_count());
        assert!(nodes.iter().all(|r| r.len() == NODE_HEADERS.len()));
        let edges = edge_rows(&g);
        assert_eq!(edges.len(), g.edge_count());
        assert!(edges.iter().all(|r| r.len() == EDGE_HEADERS.len()));
        let dir = tempfile::tempdir().expect("tempdir");
        write_dir(&dir.path().join("out"), &g, Some(&f)).expect("write");
        let text = std::fs::read_to_string(dir.path().join("out/edges.csv")).expect("read");
        assert!(text.starts_with("source,target,kind"));
    }
}
