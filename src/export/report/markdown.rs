//! The report as Markdown, for a ticket or a chat.
//!
//! Same content as the HTML page: stories with their findings and graphs (as
//! Mermaid blocks, which code hosts draw), unnamed sources, quotes and an
//! index of the articles.
//! All article text goes through [`crate::export::escape::markdown`], Mermaid
//! labels through [`crate::export::escape::mermaid_label`].

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::quotes::Status;
use crate::quotes::diff::{Change, Run};

use crate::desk::report::graph::{EdgeKind, GraphView, NodeKind};
use crate::desk::report::{MAX_COPIES_PER_STORY, MAX_STORIES_SHOWN, Report, StoryView, preview};
use crate::export::escape::{markdown as esc, mermaid_label};
use crate::graph::model::tier_name;

/// Most passages shown per copy pair.
const MAX_PASSAGES: usize = 3;

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

fn mermaid(s: &mut String, graph: &GraphView) {
    s.push_str("```mermaid\nflowchart LR\n");
    for (i, n) in graph.nodes.iter().enumerate() {
        let label = format!(
            "{}<br/>{}",
            mermaid_label(&n.label),
            mermaid_label(&preview(&n.sub, 40))
        );
        let shape = if n.kind == NodeKind::External {
            ("([", "])")
        } else {
            ("[", "]")
        };
        let _ = writeln!(s, "  n{i}{}\"{label}\"{}", shape.0, shape.1);
    }
    for e in &graph.edges {
        let arrow = match e.kind {
            EdgeKind::Copied => "==>",
            EdgeKind::SharesText => "---",
            EdgeKind::Credits => "-.->",
            EdgeKind::Relation => "-.-",
        };
        let _ = writeln!(
            s,
            "  n{} {arrow}|{}| n{}",
            e.from,
            mermaid_label(&e.label),
            e.to
        );
    }
    s.push_str("```\n\n");
}

fn story(s: &mut String, report: &Report, st: &StoryView) {
    let _ = writeln!(
        s,
        "\n### Story {} · {} article(s) · {} finding(s)\n\n{}\n",
        st.rank,
        st.articles.len(),
        st.flags.len(),
        esc(&st.headline)
    );
    for &i in &st.flags {
        let f = &report.flags[i];
        let _ = writeln!(
            s,
            "- **{}** — {}: {}",
            esc(f.kind.title()),
            esc(&f.article),
            esc(&f.message)
        );
        if !f.diff.is_empty() {
            let _ = writeln!(s, "  - {}", runs_md(&f.diff));
        }
    }
    if !st.flags.is_empty() {
        s.push('\n');
    }
    mermaid(s, &st.graph);
    for id in &st.articles {
        let label = report.card(id).map_or(id.as_str(), |c| c.label.as_str());
        let _ = writeln!(s, "- {} ({})", esc(label), esc(id));
    }
    for &i in st.copies.iter().take(MAX_COPIES_PER_STORY) {
        let v = &report.copies[i];
        let p = &v.pair;
        let _ = writeln!(
            s,
            "- copy: {} {} {} — {} {:.2}, {} passage(s){}",
            esc(&p.origin),
            if p.directed { "→" } else { "↔" },
            esc(&p.copy),
            tier_name(p.tier),
            p.score,
            p.passages.len(),
            if p.directed {
                ""
            } else {
                ", direction undecided"
            }
        );
        for passage in p.passages.iter().take(MAX_PASSAGES) {
            let _ = writeln!(
                s,
                "  - @{}–{} “{}” ← @{}–{}",
                passage.copy.start,
                passage.copy.end,
                esc(&preview(&passage.copy.text, 140)),
                passage.origin.start,
                passage.origin.end
            );
        }
    }
}

/// Writes the report as Markdown.
///
/// # Errors
/// When writing fails.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut s = String::new();
    let c = |k: &str| report.counts.get(k).copied().unwrap_or(0);
    let _ = writeln!(
        s,
        "<!-- {} {} -->\n# {}\n",
        crate::read::GENERATOR_MARK,
        env!("CARGO_PKG_VERSION"),
        esc(&report.title)
    );
    let _ = writeln!(
        s,
        "{} articles · {} stories · {} copy pairs · {} citation laundering · {} uncredited copying · {} circular reporting · {} altered quotes · {} articles with unnamed sources. Offsets are character positions in each article as read.\n",
        c("articles"),
        c("stories"),
        c("copy-pairs"),
        c("citation-laundering"),
        c("unattributed-copy") + c("uncredited-reuse"),
        c("circular-reporting"),
        c("altered-quote"),
        c("vague-source-articles"),
    );
    s.push_str("## Stories\n");
    if report.stories.is_empty() {
        s.push_str("\nNo two articles share text or cite one another.\n");
    }
    for st in report.stories.iter().take(MAX_STORIES_SHOWN) {
        story(&mut s, report, st);
    }
    if report.stories.len() > MAX_STORIES_SHOWN {
        let _ = writeln!(
            s,
            "\n{} more stories: `citetrace report --format json`.",
            report.stories.len() - MAX_STORIES_SHOWN
        );
    }
    s.push_str("\n## Unnamed sources\n\n");
    if report.vague.phrases.is_empty() {
        s.push_str("Every source is named.\n");
    } else {
        s.push_str("| phrase | uses | articles |\n|---|---|---|\n");
        for p in report.vague.phrases.iter().take(25) {
            let _ = writeln!(
                s,
                "| {} | {} | {} |",
                esc(&preview(&p.phrase, 60)).replace('|', "\\|"),
                p.count,
                p.articles
            );
        }
    }
    s.push_str("\n## Quotes\n\n");
    let count = |st: Status| report.quotes.iter().filter(|q| q.status == st).count();
    let _ = writeln!(
        s,
        "{} checked: {} altered, {} verified, {} partial, {} unverified (no source text in the corpus).\n",
        report.quotes.len(),
        count(Status::Altered),
        count(Status::Verified),
        count(Status::Partial),
        count(Status::Unverified)
    );
    for q in report
        .quotes
        .iter()
        .filter(|q| q.status == Status::Altered)
        .take(100)
    {
        let _ = writeln!(
            s,
            "- {} @{}–{} vs {}: {}",
            esc(&q.article),
            q.quote.start,
            q.quote.end,
            esc(q.against.as_ref().map_or("?", |o| o.article.as_str())),
            runs_md(&q.diff)
        );
    }
    s.push_str("\n## Articles\n\n| article | id | story | attributions | unnamed | findings |\n|---|---|---|---|---|---|\n");
    for card in &report.cards {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} |",
            esc(&card.label).replace('|', "\\|"),
            esc(&card.id).replace('|', "\\|"),
            card.story
                .map_or_else(|| "—".to_string(), |r| r.to_string()),
            card.attributions.len(),
            card.vague_sources,
            report.flags_of(&card.id).count()
        );
    }
    if !report.errors.is_empty() {
        s.push_str("\n## Inputs not read\n\n");
        for e in &report.errors {
            let _ = writeln!(s, "- {}", esc(e));
        }
    }
    out.write_all(s.as_bytes())
}
