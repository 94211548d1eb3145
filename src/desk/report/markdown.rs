//! The report as Markdown, for a ticket or a chat.
//!
//! Same content as the HTML page: findings, the graph (as a Mermaid block,
//! which code hosts draw), article cards, copy evidence and quotes.
//! All article text goes through [`super::escape::markdown`]; Mermaid labels
//! keep only letters, digits, spaces and a few safe marks.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::desk::diff::{Change, Run};
use crate::desk::quotes::Status;

use super::escape::markdown as esc;
use super::graph::{EdgeKind, NodeKind};
use super::{Report, preview};

/// Most passages shown per copy pair.
const MAX_PASSAGES: usize = 3;

fn mermaid_label(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '.' | ',' | ':' | '-' | '_' | '·' | '≥')
            {
                c
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn runs_md(runs: &[Run]) -> String {
    runs.iter()
        .map(|r| match r.change {
            Change::Same => esc(&r.text),
            Change::Removed => format!("~~{}~~", esc(&r.text)),
            Change::Added => format!("**{}**", esc(&r.text)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes the report as Markdown.
///
/// # Errors
/// When writing fails.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", esc(&report.title));
    let _ = writeln!(
        s,
        "{} articles · {} copy pairs · {} quotes checked · {} flags. Offsets are character positions in each article as read.\n",
        report.cards.len(),
        report.copies.len(),
        report.quotes.len(),
        report.flags.len()
    );
    s.push_str("## Findings\n\n");
    if report.flags.is_empty() {
        s.push_str("Nothing flagged.\n");
    }
    for f in report.flags.iter().filter(|f| f.kind.is_warning()) {
        let _ = writeln!(
            s,
            "- **{}** — {}: {}",
            esc(f.kind.title()),
            esc(&f.article),
            esc(&f.message)
        );
    }
    let notes: Vec<_> = report
        .flags
        .iter()
        .filter(|f| !f.kind.is_warning())
        .collect();
    if !notes.is_empty() {
        let _ = writeln!(s, "\nNotes ({}):\n", notes.len());
        for f in notes {
            let quote = f
                .evidence
                .first()
                .map(|e| preview(&e.text, 90))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "- {} — {}: {} (“{}”)",
                esc(f.kind.title()),
                esc(&f.article),
                esc(&f.message),
                esc(&quote)
            );
        }
    }
    s.push_str("\n## Provenance graph\n\n```mermaid\nflowchart LR\n");
    for (i, n) in report.graph.nodes.iter().enumerate() {
        let label = format!("{}<br/>{}", mermaid_label(&n.label), mermaid_label(&n.sub));
        let shape = if n.kind == NodeKind::External {
            ("([", "])")
        } else {
            ("[", "]")
        };
        let _ = writeln!(s, "  n{i}{}\"{label}\"{}", shape.0, shape.1);
    }
    for e in &report.graph.edges {
        let arrow = match e.kind {
            EdgeKind::Copied => "==>",
            EdgeKind::SharesText => "---",
            EdgeKind::Credits => "-.->",
        };
        let _ = writeln!(
            s,
            "  n{} {arrow}|{}| n{}",
            e.from,
            mermaid_label(&e.label),
            e.to
        );
    }
    s.push_str("```\n\nThick arrows: copied text (origin → copy); dotted: credited as source; plain line: shared text, direction undecided; rounded: source not in the corpus.\n\n## Articles\n");
    for card in &report.cards {
        let _ = writeln!(s, "\n### {}\n", esc(&card.id));
        for (label, value, prov) in &card.fields {
            let _ = writeln!(s, "- {}: {} _({})_", esc(label), esc(value), esc(prov));
        }
        for (kind, agency, evidence) in &card.credits {
            let _ = writeln!(
                s,
                "- syndication: {} ({}) — “{}”",
                esc(if agency.is_empty() {
                    "unnamed feed"
                } else {
                    agency
                }),
                esc(kind),
                esc(&preview(&evidence.text, 60))
            );
        }
        let _ = writeln!(s, "- file: {} ({} words)", esc(&card.path), card.words);
        for f in report.flags_of(&card.id) {
            let _ = writeln!(s, "- ⚑ **{}**: {}", esc(f.kind.title()), esc(&f.message));
        }
        for a in &card.attributions {
            let attr = &a.attribution;
            let who = attr
                .source
                .as_ref()
                .map_or_else(|| attr.cue.text.clone(), |x| x.text.clone());
            let entity = attr.entity.as_ref().map_or_else(
                || {
                    if attr.vague {
                        "vague".to_string()
                    } else {
                        "unresolved".to_string()
                    }
                },
                |e| e.name.clone(),
            );
            let resolved = if a.resolved_articles.is_empty() {
                String::new()
            } else {
                format!(" → {}", a.resolved_articles.join(", "))
            };
            let content: Vec<String> = attr.content.iter().map(|c| preview(&c.text, 120)).collect();
            let _ = writeln!(
                s,
                "- attribution: {} = {}{} — “{}”",
                esc(&who),
                esc(&entity),
                esc(&resolved),
                esc(&content.join(" … "))
            );
        }
    }
    s.push_str("\n## Copy evidence\n");
    if report.copies.is_empty() {
        s.push_str("\nNo shared text found.\n");
    }
    for view in &report.copies {
        let p = &view.pair;
        let _ = writeln!(
            s,
            "\n### {} {} {} — {} {:.2}\n",
            esc(&p.origin),
            if p.directed { "→" } else { "↔" },
            esc(&p.copy),
            esc(&serde_json::to_value(p.tier)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()),
            p.score
        );
        for e in &p.evidence {
            let _ = writeln!(s, "- {}", esc(e));
        }
        for passage in p.passages.iter().take(MAX_PASSAGES) {
            let _ = writeln!(
                s,
                "\n| {} @{}–{} | {} @{}–{} |\n|---|---|\n| {} | {} |",
                esc(&p.origin),
                passage.origin.start,
                passage.origin.end,
                esc(&p.copy),
                passage.copy.start,
                passage.copy.end,
                esc(&preview(&passage.origin.text, 400)),
                esc(&preview(&passage.copy.text, 400)),
            );
        }
    }
    s.push_str("\n## Quotes\n\n");
    if report.quotes.is_empty() {
        s.push_str("No direct quotes found.\n");
    } else {
        s.push_str("| article | status | quote | credited | earliest |\n|---|---|---|---|---|\n");
        for q in &report.quotes {
            let shown = if q.status == Status::Altered {
                runs_md(&q.diff)
            } else {
                esc(&preview(&q.quote.text, 200))
            };
            let _ = writeln!(
                s,
                "| {} @{}–{} | {} | {} | {} | {} @{}–{} |",
                esc(&q.article),
                q.quote.start,
                q.quote.end,
                q.status.name(),
                shown,
                esc(q.credited.as_ref().map_or("—", |e| e.name.as_str())),
                esc(&q.earliest.article),
                q.earliest.span.start,
                q.earliest.span.end
            );
        }
    }
    out.write_all(s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mermaid_labels_keep_only_safe_characters() {
        assert_eq!(mermaid_label("a\"]--> x[<script>"), "a -- x script");
    }
}
