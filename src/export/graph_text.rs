//! Readable text for graph nodes, shared by the graph writers (DOT, Mermaid,
//! table): short ids, "outlet · date" lines, short titles, flag wording.
//! Nothing here escapes: each writer escapes for its own format.

use crate::graph::analysis::Findings;
use crate::graph::model::shorten;
use crate::graph::{Node, NodeKind, ProvenanceGraph};
use std::collections::BTreeMap;

/// The id a person would type: the article id for article nodes, the node id otherwise.
pub fn short_id(node: &Node) -> &str {
    node.id.strip_prefix("article:").unwrap_or(&node.id)
}

/// Label lines for a node: id, "outlet · date", short title for articles;
/// name (and member count) for other nodes.
pub fn label_lines(node: &Node, title_max: usize) -> Vec<String> {
    if let Some(info) = &node.article {
        let mut lines = vec![short_id(node).to_string()];
        let mut meta = Vec::new();
        meta.push(
            info.outlet
                .clone()
                .unwrap_or_else(|| "outlet unknown".into()),
        );
        match (info.date, info.date_floor) {
            (Some(d), _) => meta.push(d.to_string()),
            (None, Some(f)) => meta.push(format!("not before {f}")),
            (None, None) => meta.push("date unknown".into()),
        }
        lines.push(meta.join(" · "));
        if let Some(author) = &info.author {
            lines.push(format!("by {}", shorten(author, title_max)));
        }
        let title = info.title.as_deref().unwrap_or(&info.lead);
        if !title.is_empty() {
            lines.push(shorten(title, title_max));
        }
        lines
    } else {
        let mut lines = vec![shorten(&node.name, title_max)];
        if node.kind == NodeKind::Report || node.kind == NodeKind::Document {
            lines.push(node.kind.name().to_string());
        }
        if !node.members.is_empty() {
            lines.push(format!("{} article(s)", node.members.len()));
        }
        lines
    }
}

/// How a flag reads in a picture.
pub fn flag_words(flag: &str) -> &str {
    match flag {
        "citation-laundering" => "⚠ citation laundering",
        "uncredited-reuse" => "uncredited reuse",
        "unattributed-copy" => "⚠ unattributed copy",
        "circular-reporting" => "⚠ circular reporting",
        "vague-sources" => "vague sources",
        "root" => "origin",
        other => other,
    }
}

/// Flags per node id, or none when there are no findings.
pub fn flags(
    graph: &ProvenanceGraph,
    findings: Option<&Findings>,
) -> BTreeMap<String, Vec<String>> {
    findings.map(|f| f.flags(graph)).unwrap_or_default()
}
