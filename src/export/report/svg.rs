//! Drawing the provenance graph as inline SVG: Graphviz when installed, else
//! a built-in layered layout, so the report always has a picture.
//!
//! The built-in layout puts sources left and copies right: nodes are ordered
//! (external sources first, then articles by date, undated last), each edge
//! that goes forward in that order pushes its target one column further
//! (longest path), and each column is sorted by the mean row of its nodes'
//! predecessors. Edges are curves with arrowheads; copied text is solid red,
//! undecided shared text grey dashes, credits blue dashes.
//!
//! Everything from an article is escaped; node ids in the SVG are ASCII
//! anchors, never article text.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::{Command, Stdio};

use crate::desk::report::graph::{EdgeKind, GraphView, NodeKind};
use crate::export::escape;

/// Which layout engine drew the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Graphviz `dot -Tsvg`.
    Graphviz,
    /// The built-in layered layout.
    Builtin,
}

/// Which engine to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Graphviz when installed and the graph is small enough, else built-in.
    #[default]
    Auto,
    /// Always the built-in layout.
    Builtin,
    /// Graphviz, falling back to built-in if it is missing or fails.
    Graphviz,
}

/// Graphs with more nodes than this skip Graphviz in `Auto` (it can take minutes).
const GRAPHVIZ_MAX_NODES: usize = 300;

/// Graphs with more edges than this skip Graphviz in `Auto`: its layout time
/// grows with edges too (79 nodes with 1,184 edges took seven minutes).
const GRAPHVIZ_MAX_EDGES: usize = 400;

/// How long Graphviz may take before it is killed and the built-in layout
/// draws the graph instead.
pub const GRAPHVIZ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

const NODE_W: f64 = 200.0;
const NODE_H: f64 = 48.0;
const COL_GAP: f64 = 90.0;
const ROW_GAP: f64 = 26.0;
const MARGIN: f64 = 20.0;

/// Draws `graph` as an `<svg>` element.
pub fn render(graph: &GraphView, layout: Layout) -> (String, Engine) {
    let try_dot = match layout {
        Layout::Builtin => false,
        Layout::Graphviz => true,
        Layout::Auto => {
            graph.nodes.len() <= GRAPHVIZ_MAX_NODES && graph.edges.len() <= GRAPHVIZ_MAX_EDGES
        }
    };
    if try_dot && let Some(svg) = graphviz(graph, GRAPHVIZ_TIMEOUT) {
        return (svg, Engine::Graphviz);
    }
    (builtin(graph), Engine::Builtin)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// The DOT text for `graph` (node names are `n0`, `n1`…; text only in labels).
pub fn to_dot(graph: &GraphView) -> String {
    let mut d = String::from(
        "digraph provenance {\n  rankdir=LR; bgcolor=\"transparent\"; nodesep=0.3; ranksep=0.7;\n  \
         node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, \
         fillcolor=\"#ffffff\", color=\"#5b6b7b\", penwidth=1.2];\n  \
         edge [fontname=\"Helvetica\", fontsize=9, color=\"#5b6b7b\"];\n",
    );
    for (i, n) in graph.nodes.iter().enumerate() {
        let label = format!("{}\n{}", truncate(&n.label, 28), truncate(&n.sub, 34));
        let label = label
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n");
        let anchor = escape::anchor("", &n.key);
        let (fill, color, style) = match (n.kind, n.warnings) {
            (NodeKind::External, _) => ("#eef1f4", "#8795a1", "rounded,filled,dashed"),
            (NodeKind::Article, 0) => ("#ffffff", "#5b6b7b", "rounded,filled"),
            (NodeKind::Article, _) => ("#fff4f2", "#c0392b", "rounded,filled,bold"),
        };
        let _ = writeln!(
            d,
            "  n{i} [label=\"{label}\", id={}, URL={}, tooltip={}, fillcolor=\"{fill}\", \
             color=\"{color}\", style=\"{style}\"];",
            escape::dot_quoted(&format!("node-{anchor}")),
            escape::dot_quoted(&format!("#article-{anchor}")),
            escape::dot_quoted(&n.key),
        );
    }
    for e in &graph.edges {
        let attrs = match e.kind {
            EdgeKind::Copied => "color=\"#c0392b\", fontcolor=\"#c0392b\", penwidth=1.6",
            EdgeKind::SharesText => "color=\"#7f8c8d\", style=dashed, dir=none",
            EdgeKind::Credits => "color=\"#2c6fbb\", fontcolor=\"#2c6fbb\", style=dashed",
            EdgeKind::Relation => {
                "color=\"#6b8e23\", fontcolor=\"#6b8e23\", style=dotted, constraint=false"
            }
        };
        let _ = writeln!(
            d,
            "  n{} -> n{} [label={}, {attrs}];",
            e.from,
            e.to,
            escape::dot_quoted(&e.label)
        );
    }
    d.push_str("}\n");
    d
}

/// Runs `dot -Tsvg` for at most `limit`; `None` when Graphviz is missing,
/// fails, or runs over the limit (it is killed then).
fn graphviz(graph: &GraphView, limit: std::time::Duration) -> Option<String> {
    run_limited(Command::new("dot").arg("-Tsvg"), to_dot(graph), limit)
        .and_then(|out| String::from_utf8(out).ok())
        .map(|svg| clean_graphviz_svg(&svg))
}

/// Runs `command` with `input` on its stdin and returns its stdout when it
/// exits successfully within `limit`; past the limit the child is killed.
/// Stdin and stdout are served by threads, so neither pipe can stall it.
fn run_limited(
    command: &mut Command,
    input: String,
    limit: std::time::Duration,
) -> Option<Vec<u8>> {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let mut stdout = child.stdout.take()?;
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut out).map(|_| out)
    });
    let start = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() < limit => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    // The child is gone: its pipes are closed, so both threads end.
    let wrote = writer.join().ok().and_then(Result::ok);
    let out = reader.join().ok().and_then(Result::ok);
    let status = status?;
    (status.success() && wrote.is_some())
        .then_some(out)
        .flatten()
}

/// Keeps only the `<svg>` element of Graphviz output, without comments, and
/// makes it scale to the page.
fn clean_graphviz_svg(svg: &str) -> String {
    let start = svg.find("<svg").unwrap_or(0);
    let mut body = &svg[start..];
    let mut out = String::with_capacity(body.len());
    while let Some(open) = body.find("<!--") {
        out.push_str(&body[..open]);
        match body[open..].find("-->") {
            Some(close) => body = &body[open + close + 3..],
            None => {
                body = "";
            }
        }
    }
    out.push_str(body);
    // Graphviz writes '-' as "&#45;"; a literal hyphen is equally inert and
    // keeps ids ("node-…") matchable in the source as well as in the DOM.
    let mut out = out.replace("&#45;", "-");
    // Let CSS size it: drop the fixed pt width/height on the root element.
    // Keep its natural width as a maximum, so a small graph is not blown up.
    if let Some(end) = out.find('>') {
        let head = &out[..end];
        let max = attr(head, "width")
            .and_then(|w| w.trim_end_matches("pt").parse::<f64>().ok())
            .map_or_else(String::new, |pt| {
                format!(" style=\"max-width:{:.0}px\"", pt * 4.0 / 3.0)
            });
        let cleaned = strip_attr(&strip_attr(head, "width"), "height");
        out = format!(
            "{cleaned} class=\"graph\" role=\"img\" aria-label=\"provenance graph\"{max}{}",
            &out[end..]
        );
    }
    out.trim_end().to_string()
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let pat = format!(" {name}=\"");
    let i = tag.find(&pat)? + pat.len();
    let j = tag[i..].find('"')?;
    Some(&tag[i..i + j])
}

fn strip_attr(tag: &str, name: &str) -> String {
    let pat = format!(" {name}=\"");
    match tag.find(&pat) {
        Some(i) => match tag[i + pat.len()..].find('"') {
            Some(j) => format!("{}{}", &tag[..i], &tag[i + pat.len() + j + 1..]),
            None => tag.to_string(),
        },
        None => tag.to_string(),
    }
}

/// Column and row of every node in the built-in layout.
pub fn layout(graph: &GraphView) -> Vec<(usize, usize)> {
    let n = graph.nodes.len();
    // Order: external sources first, then by date (undated last), then index.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| {
        let node = &graph.nodes[i];
        (
            node.kind == NodeKind::Article,
            node.date.is_none(),
            node.date,
            i,
        )
    });
    let mut pos = vec![0usize; n];
    for (p, &i) in order.iter().enumerate() {
        pos[i] = p;
    }
    let mut col = vec![0usize; n];
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in &graph.edges {
        if e.from < n
            && e.to < n
            && pos[e.from] < pos[e.to]
            && !matches!(e.kind, EdgeKind::SharesText | EdgeKind::Relation)
        {
            incoming[e.to].push(e.from);
        }
    }
    for &i in &order {
        col[i] = incoming[i].iter().map(|&u| col[u] + 1).max().unwrap_or(0);
    }
    // Rows: by column, nodes sorted by the mean row of their predecessors.
    let columns = col.iter().copied().max().map_or(0, |m| m + 1);
    let mut row = vec![0usize; n];
    for c in 0..columns {
        let mut members: Vec<usize> = order.iter().copied().filter(|&i| col[i] == c).collect();
        let key = |i: usize| -> (u64, usize) {
            let preds = &incoming[i];
            if preds.is_empty() {
                (u64::MAX, pos[i])
            } else {
                let mean = preds.iter().map(|&u| row[u] as f64).sum::<f64>() / preds.len() as f64;
                ((mean * 1000.0) as u64, pos[i])
            }
        };
        members.sort_by_key(|&i| key(i));
        for (r, &i) in members.iter().enumerate() {
            row[i] = r;
        }
    }
    col.into_iter().zip(row).collect()
}

/// The built-in drawing.
pub fn builtin(graph: &GraphView) -> String {
    let places = layout(graph);
    let xy = |i: usize| {
        let (c, r) = places[i];
        (
            MARGIN + c as f64 * (NODE_W + COL_GAP),
            MARGIN + r as f64 * (NODE_H + ROW_GAP),
        )
    };
    let cols = places.iter().map(|p| p.0 + 1).max().unwrap_or(1);
    let rows = places.iter().map(|p| p.1 + 1).max().unwrap_or(1);
    let width = 2.0 * MARGIN + cols as f64 * NODE_W + (cols - 1) as f64 * COL_GAP;
    let height = 2.0 * MARGIN + rows as f64 * NODE_H + (rows - 1) as f64 * ROW_GAP;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" role=\"img\" \
         aria-label=\"provenance graph\" viewBox=\"0 0 {width:.0} {height:.0}\" \
         style=\"max-width:{width:.0}px\" font-family=\"Helvetica, Arial, sans-serif\">\
         <defs>\
         <marker id=\"arr-copied\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c0392b\"/></marker>\
         <marker id=\"arr-credits\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#2c6fbb\"/></marker>\
         </defs>"
    );
    for e in &graph.edges {
        if e.from >= places.len() || e.to >= places.len() {
            continue;
        }
        let (x1, y1) = xy(e.from);
        let (x2, y2) = xy(e.to);
        let (sx, sy, tx, ty) = (x1 + NODE_W, y1 + NODE_H / 2.0, x2, y2 + NODE_H / 2.0);
        let path = if tx > sx {
            let dx = (tx - sx) / 2.0;
            format!(
                "M{sx:.1},{sy:.1} C{:.1},{sy:.1} {:.1},{ty:.1} {tx:.1},{ty:.1}",
                sx + dx,
                tx - dx
            )
        } else {
            // Same or earlier column: loop out to the right and back in.
            let bulge = sx.max(tx + NODE_W) + COL_GAP / 2.0;
            let tx = x2 + NODE_W;
            format!("M{sx:.1},{sy:.1} C{bulge:.1},{sy:.1} {bulge:.1},{ty:.1} {tx:.1},{ty:.1}")
        };
        let (stroke, dash, marker, class) = match e.kind {
            EdgeKind::Copied => ("#c0392b", "", "url(#arr-copied)", "edge copied"),
            EdgeKind::SharesText => ("#7f8c8d", "5,4", "", "edge shares-text"),
            EdgeKind::Credits => ("#2c6fbb", "4,3", "url(#arr-credits)", "edge credits"),
            EdgeKind::Relation => ("#6b8e23", "2,3", "", "edge relation"),
        };
        let _ = write!(
            s,
            "<g class=\"{class}\"><title>{} → {}: {}</title><path d=\"{path}\" fill=\"none\" \
             stroke=\"{stroke}\" stroke-width=\"1.6\" stroke-dasharray=\"{dash}\" {}/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"{stroke}\" \
             text-anchor=\"middle\">{}</text></g>",
            escape::html(&graph.nodes[e.from].label),
            escape::html(&graph.nodes[e.to].label),
            escape::html(&e.label),
            if marker.is_empty() {
                String::new()
            } else {
                format!("marker-end=\"{marker}\"")
            },
            f64::midpoint(sx, tx.max(sx)),
            f64::midpoint(sy, ty) - 4.0,
            escape::html(&e.label),
        );
    }
    for (i, node) in graph.nodes.iter().enumerate() {
        let (x, y) = xy(i);
        let anchor = escape::anchor("", &node.key);
        let (fill, stroke, dash, width) = match (node.kind, node.warnings) {
            (NodeKind::External, _) => ("#eef1f4", "#8795a1", "4,3", 1.2),
            (NodeKind::Article, 0) => ("#ffffff", "#5b6b7b", "", 1.2),
            (NodeKind::Article, _) => ("#fff4f2", "#c0392b", "", 2.0),
        };
        let _ = write!(
            s,
            "<g class=\"node {}\" id=\"node-{anchor}\"><title>{}</title>\
             <a href=\"#article-{anchor}\">\
             <rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{NODE_W}\" height=\"{NODE_H}\" rx=\"7\" \
             fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\" stroke-dasharray=\"{dash}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" font-weight=\"bold\" fill=\"#1d2733\">{}</text>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10.5\" fill=\"#4a5866\">{}</text>",
            if node.kind == NodeKind::Article {
                "article"
            } else {
                "external"
            },
            escape::html(&node.key),
            x + 10.0,
            y + 19.0,
            escape::html(&truncate(&node.label, 26)),
            x + 10.0,
            y + 36.0,
            escape::html(&truncate(&node.sub, 32)),
        );
        if node.warnings > 0 {
            let _ = write!(
                s,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"9\" fill=\"#c0392b\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" font-weight=\"bold\" \
                 fill=\"#ffffff\" text-anchor=\"middle\">{}</text>",
                x + NODE_W - 4.0,
                y + 4.0,
                x + NODE_W - 4.0,
                y + 7.5,
                node.warnings
            );
        }
        s.push_str("</a></g>");
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::report::graph::{Edge, Node};

    #[cfg(unix)]
    #[test]
    fn external_tools_are_killed_at_the_time_limit() {
        let limit = std::time::Duration::from_millis(300);
        let start = std::time::Instant::now();
        // A tool that never ends (and never reads its input).
        let big = "x".repeat(1 << 20);
        assert!(run_limited(Command::new("sleep").arg("30"), big, limit).is_none());
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
        // One that ends in time gives its output.
        let echoed = run_limited(&mut Command::new("cat"), "digraph {}".into(), limit * 10);
        assert_eq!(echoed.as_deref(), Some(&b"digraph {}"[..]));
        assert!(run_limited(&mut Command::new("false"), String::new(), limit * 10).is_none());
    }

    fn node(key: &str, date: Option<&str>, kind: NodeKind) -> Node {
        Node {
            key: key.into(),
            label: key.into(),
            sub: "x".into(),
            kind,
            date: date.map(|d| d.parse().unwrap()),
            warnings: 0,
        }
    }

    fn graph() -> GraphView {
        GraphView {
            nodes: vec![
                node("copy", Some("2026-01-27"), NodeKind::Article),
                node("wire", Some("2026-01-22"), NodeKind::Article),
                node("</text><script>alert(1)</script>", None, NodeKind::External),
            ],
            edges: vec![
                Edge {
                    from: 1,
                    to: 0,
                    kind: EdgeKind::Copied,
                    label: "verbatim 0.9".into(),
                },
                Edge {
                    from: 2,
                    to: 1,
                    kind: EdgeKind::Credits,
                    label: "credited".into(),
                },
            ],
        }
    }

    #[test]
    fn layers_follow_the_flow() {
        let places = layout(&graph());
        assert_eq!(places[2].0, 0);
        assert_eq!(places[1].0, 1);
        assert_eq!(places[0].0, 2);
    }

    #[test]
    fn builtin_svg_escapes_labels_and_has_every_node() {
        let svg = builtin(&graph());
        assert!(!svg.contains("<script"));
        assert_eq!(svg.matches("<g class=\"node").count(), 3);
        assert!(svg.contains("id=\"node-wire\""));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }

    #[test]
    fn dot_strings_cannot_break_out() {
        let dot = to_dot(&graph());
        assert!(dot.contains("tooltip=\"</text><script>alert(1)</script>\""));
        assert!(!dot.contains("\"\"]"));
    }

    #[test]
    fn graphviz_comments_and_prolog_are_removed() {
        let raw = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg width=\"10pt\" height=\"5pt\" viewBox=\"0 0 10 5\"><!-- n0 --><g/></svg>\n";
        let clean = clean_graphviz_svg(raw);
        assert_eq!(
            clean,
            "<svg viewBox=\"0 0 10 5\" class=\"graph\" role=\"img\" aria-label=\"provenance graph\" style=\"max-width:13px\"><g/></svg>"
        );
    }
}
