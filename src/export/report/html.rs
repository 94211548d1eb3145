//! The report as one self-contained HTML page.
//!
//! No scripts, no external assets, no network: styles are inline, the graph
//! is inline SVG, and a Content-Security-Policy meta tag forbids scripts and
//! every fetch, so the file is safe to open from an email attachment even if
//! some article text slipped through unescaped (none does: all of it goes
//! through [`crate::export::escape::html`]). Interactivity is CSS-only (`<details>`,
//! in-page links).

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::article::Article;
use crate::quotes::diff::{Change, Run};
use crate::quotes::{Occurrence, Status};
use crate::span::Range;

use super::svg::{self, Engine, Layout};
use crate::desk::report::{
    self as model, Card, CopyView, Flag, FlagKind, MAX_COPIES_PER_STORY, MAX_STORIES_SHOWN, Report,
    StoryView,
};
use crate::export::escape::{anchor, html as esc};

/// The Content-Security-Policy of the page: nothing may load or run.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
                       base-uri 'none'; form-action 'none'";

/// Most passages shown per copy pair.
const MAX_PASSAGES: usize = 6;

const STYLE: &str = r#"
:root{--ink:#1d2733;--muted:#5d6b78;--line:#d9dee3;--bg:#f6f7f9;--card:#fff;--red:#b03a2e;--redbg:#fdecea;--amber:#9a6700;--amberbg:#fff4d6;--green:#1e7b45;--greenbg:#e5f5ec;--blue:#2c6fbb;--bluebg:#e8f0fa}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif}
header.top{background:#1d2733;color:#fff;padding:18px 32px}
header.top h1{margin:0;font-size:20px;font-weight:600;letter-spacing:.2px}
header.top .sub{color:#c5ced6;margin-top:4px;font-size:13px}
nav{background:#fff;border-bottom:1px solid var(--line);padding:8px 32px;position:sticky;top:0;z-index:2}
nav a{color:var(--ink);text-decoration:none;margin-right:18px;font-weight:500}
nav a:hover{color:var(--blue)}
main{max-width:1280px;margin:0 auto;padding:8px 32px 48px}
section{margin-top:26px}
h2{font-size:17px;margin:0 0 10px;padding-bottom:6px;border-bottom:2px solid var(--ink)}
h3{font-size:15px;margin:0}
.stats{display:flex;gap:12px;flex-wrap:wrap;margin:14px 0}
.stat{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:120px}
.stat b{display:block;font-size:20px}
.stat span{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.4px}
.findings{list-style:none;padding:0;margin:0}
.findings li{background:#fff;border:1px solid var(--line);border-left:4px solid var(--red);border-radius:6px;padding:8px 12px;margin-bottom:6px}
.findings li.note{border-left-color:var(--amber)}
.badge{display:inline-block;font-size:11px;font-weight:600;text-transform:uppercase;letter-spacing:.4px;border-radius:4px;padding:1px 6px;margin-right:6px;vertical-align:1px}
.b-warn{background:var(--redbg);color:var(--red)}
.b-note{background:var(--amberbg);color:var(--amber)}
.b-verified{background:var(--greenbg);color:var(--green)}
.b-altered{background:var(--redbg);color:var(--red)}
.b-unverified{background:var(--amberbg);color:var(--amber)}
.b-tier{background:var(--bluebg);color:var(--blue)}
figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px;overflow:auto}
svg.graph{width:100%;height:auto;display:block}
figcaption{color:var(--muted);font-size:12px;margin-top:8px}
.key{display:inline-block;width:22px;height:0;border-top:2px solid;vertical-align:middle;margin:0 4px 0 12px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(380px,1fr));gap:14px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px}
.card.flagged{border-top:4px solid var(--red)}
.story{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin-bottom:18px}
.story .headline{font-weight:600;margin:4px 0}
.twocol{display:grid;grid-template-columns:1fr 1fr;gap:14px}
.card .head{display:flex;justify-content:space-between;gap:8px;align-items:baseline}
.card .when{color:var(--muted);font-size:12px;white-space:nowrap}
.card .title{font-weight:600;margin:6px 0}
dl.fields{display:grid;grid-template-columns:92px 1fr;gap:2px 10px;margin:8px 0;font-size:13px}
dl.fields dt{color:var(--muted)}
dl.fields dd{margin:0}
.prov{color:var(--muted);font-size:11px;margin-left:6px}
ul.flags{list-style:none;padding:0;margin:8px 0}
ul.flags li{font-size:13px;padding:4px 0;border-top:1px dashed var(--line)}
details{margin-top:8px}
summary{cursor:pointer;color:var(--blue);font-weight:500}
table{border-collapse:collapse;width:100%;font-size:13px;background:#fff}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:#eef1f4;font-weight:600}
.pair{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px;margin-bottom:12px}
.pair ul{margin:6px 0 0;padding-left:18px;color:var(--muted);font-size:13px}
.passage{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin-top:10px}
.side{border:1px solid var(--line);border-radius:6px;padding:8px 10px;background:#fbfcfd}
.side .who{font-size:11px;color:var(--muted);margin-bottom:4px;text-transform:uppercase;letter-spacing:.3px}
mark.shared{background:#fff1a8}
del,mark.del{background:#f9d3cf;color:#7d1d12;text-decoration:line-through}
ins,mark.ins{background:#cdeed8;color:#14532d;text-decoration:none}
.q{font-style:italic}
.diff{margin-top:4px;font-size:13px;color:#33414e;background:#fafbfc;border:1px solid var(--line);border-radius:4px;padding:4px 8px}
.muted{color:var(--muted)}
footer{color:var(--muted);font-size:12px;margin-top:32px;border-top:1px solid var(--line);padding-top:10px}
@media print{nav{display:none}details{display:block}}
"#;

fn when(o: &Occurrence) -> String {
    match (o.date, o.date_is_floor) {
        (Some(d), false) => d.to_string(),
        (Some(d), true) => format!("on or after {d}"),
        (None, _) => "undated".into(),
    }
}

fn article_link(id: &str) -> String {
    format!("<a href=\"#{}\">{}</a>", anchor("article-", id), esc(id))
}

/// Renders diff runs: removed words struck through, added words underlined.
fn runs_html(runs: &[Run]) -> String {
    let mut s = String::new();
    for (i, r) in runs.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        match r.change {
            Change::Same => s.push_str(&esc(&r.text)),
            Change::Removed => {
                let _ = write!(
                    s,
                    "<del title=\"in the source, dropped\">{}</del>",
                    esc(&r.text)
                );
            }
            Change::Added => {
                let _ = write!(s, "<ins title=\"not in the source\">{}</ins>", esc(&r.text));
            }
        }
    }
    s
}

/// The text of `range` in `article` with `marks` highlighted as `class`.
fn highlighted(article: &Article, range: Range, marks: &[Range], class: &str) -> String {
    let mut marks: Vec<Range> = marks
        .iter()
        .map(|m| Range::new(m.start.max(range.start), m.end.min(range.end)))
        .filter(|m| !m.is_empty())
        .collect();
    marks.sort();
    let mut s = String::new();
    let mut at = range.start;
    for m in marks {
        if m.start < at {
            continue;
        }
        s.push_str(&esc(article.text.slice(Range::new(at, m.start))));
        let _ = write!(
            s,
            "<mark class=\"{class}\">{}</mark>",
            esc(article.text.slice(m))
        );
        at = m.end;
    }
    s.push_str(&esc(article.text.slice(Range::new(at, range.end))));
    s
}

fn flag_item(f: &Flag, with_article: bool) -> String {
    let mut s = format!(
        "<li class=\"flag kind-{}\"><span class=\"badge b-warn\">{}</span>",
        esc(f.kind.name()),
        esc(f.kind.title())
    );
    if with_article {
        let _ = write!(s, "{}: ", article_link(&f.article));
    }
    s.push_str(&esc(&f.message));
    if !f.diff.is_empty() {
        let _ = write!(s, "<div class=\"diff q\">{}</div>", runs_html(&f.diff));
    } else if let Some(first) = f.evidence.first() {
        let _ = write!(
            s,
            " <span class=\"muted\">— “<span class=\"q\">{}</span>” @{}–{}</span>",
            esc(&model::preview(&first.text, 160)),
            first.start,
            first.end
        );
    }
    s.push_str("</li>");
    s
}

/// Most findings of one kind listed per story before the rest fold away.
const MAX_FLAGS_SHOWN: usize = 5;

/// A story's findings, grouped by kind, the first few of each shown.
fn story_flags_html(s: &mut String, report: &Report, story: &StoryView) {
    if story.flags.is_empty() {
        s.push_str("<p class=\"muted\">No finding: the articles share text or sources, and each credits what it took.</p>");
        return;
    }
    let mut kinds: Vec<FlagKind> = story.flags.iter().map(|&i| report.flags[i].kind).collect();
    kinds.sort();
    kinds.dedup();
    s.push_str("<ul class=\"findings\">");
    for kind in kinds {
        let of_kind: Vec<&Flag> = story
            .flags
            .iter()
            .map(|&i| &report.flags[i])
            .filter(|f| f.kind == kind)
            .collect();
        for f in of_kind.iter().take(MAX_FLAGS_SHOWN) {
            s.push_str(&flag_item(f, true));
        }
        if of_kind.len() > MAX_FLAGS_SHOWN {
            let _ = write!(
                s,
                "<li class=\"note\"><details><summary>{} more {}</summary><ul class=\"findings\">",
                of_kind.len() - MAX_FLAGS_SHOWN,
                esc(kind.title())
            );
            for f in of_kind.iter().skip(MAX_FLAGS_SHOWN) {
                s.push_str(&flag_item(f, true));
            }
            s.push_str("</ul></details></li>");
        }
    }
    s.push_str("</ul>");
}

fn story_html(
    s: &mut String,
    report: &Report,
    articles: &[Article],
    story: &StoryView,
    layout: Layout,
) -> Engine {
    let _ = write!(
        s,
        "<section class=\"story\" id=\"story-{}\"><h3>Story {} · {} article(s){}</h3><p class=\"headline\">{}</p>",
        story.rank,
        story.rank,
        story.articles.len(),
        if story.flags.is_empty() {
            String::new()
        } else {
            format!(" · {} finding(s)", story.flags.len())
        },
        esc(&story.headline)
    );
    if !story.sources.is_empty() {
        let shown: Vec<String> = story.sources.iter().take(8).map(|n| esc(n)).collect();
        let _ = write!(
            s,
            "<p class=\"muted\">Credited sources: {}{}</p>",
            shown.join(", "),
            if story.sources.len() > 8 { ", …" } else { "" }
        );
    }
    story_flags_html(s, report, story);
    let (picture, engine) = svg::render(&story.graph, layout);
    let _ = write!(
        s,
        "<figure>{picture}<figcaption>Information flows left to right. \
         <span class=\"key\" style=\"border-color:#c0392b\"></span>copied text (origin → copy) \
         <span class=\"key\" style=\"border-color:#7f8c8d;border-top-style:dashed\"></span>shared text, direction undecided \
         <span class=\"key\" style=\"border-color:#2c6fbb;border-top-style:dashed\"></span>credited as source \
         <span class=\"key\" style=\"border-color:#6b8e23;border-top-style:dotted\"></span>relation, not a copy claim \
         (house reuse, both quote one speaker, a quote found there) \
         · red border: article with findings · dashed box: a cited source · drawn by {}.</figcaption></figure>",
        match engine {
            Engine::Graphviz => "Graphviz",
            Engine::Builtin => "citetrace's built-in layout",
        }
    );
    if !story.copies.is_empty() {
        let _ = write!(
            s,
            "<details class=\"evidence\"{}><summary>Copy evidence ({} pair(s))</summary>\
             <p class=\"muted\">Aligned passages side by side: <mark class=\"del\">struck</mark> words are in the origin only, <mark class=\"ins\">green</mark> words in the copy only.</p>",
            if story.rank <= 3 { " open" } else { "" },
            story.copies.len()
        );
        for &i in story.copies.iter().take(MAX_COPIES_PER_STORY) {
            copy_html(s, articles, &report.copies[i]);
        }
        if story.copies.len() > MAX_COPIES_PER_STORY {
            let _ = write!(
                s,
                "<p class=\"muted\">… and {} weaker pair(s): see <code>citetrace copies</code> or the JSON export.</p>",
                story.copies.len() - MAX_COPIES_PER_STORY
            );
        }
        s.push_str("</details>");
    }
    let _ = write!(
        s,
        "<details class=\"cards-of\"{}><summary>The {} article(s)</summary><div class=\"cards\">",
        if story.rank <= 3 { " open" } else { "" },
        story.articles.len()
    );
    for id in &story.articles {
        if let Some(card) = report.card(id) {
            card_html(s, report, card);
        }
    }
    s.push_str("</div></details></section>\n");
    engine
}

fn card_html(s: &mut String, report: &Report, card: &Card) {
    let flags: Vec<&Flag> = report.flags_of(&card.id).collect();
    let field = |name: &str| card.fields.iter().find(|f| f.0 == name);
    let _ = write!(
        s,
        "<article class=\"card{}\" id=\"{}\"><div class=\"head\"><h3>{}</h3><span class=\"when\">{} · {}</span></div>",
        if flags.is_empty() { "" } else { " flagged" },
        anchor("article-", &card.id),
        esc(field("outlet").map_or("unknown outlet", |f| f.1.as_str())),
        esc(&card.id),
        esc(field("date").map_or("undated", |f| f.1.as_str())),
    );
    if let Some(t) = field("title") {
        let _ = write!(s, "<p class=\"title\">{}</p>", esc(&t.1));
    }
    s.push_str("<dl class=\"fields\">");
    for (label, value, prov) in &card.fields {
        if label == "title" {
            continue;
        }
        let _ = write!(
            s,
            "<dt>{}</dt><dd>{}<span class=\"prov\">{}</span></dd>",
            esc(label),
            esc(value),
            esc(prov)
        );
    }
    for (kind, agency, evidence) in &card.credits {
        let _ = write!(
            s,
            "<dt>syndication</dt><dd>{} ({}) <span class=\"prov\">“{}” @{}–{}</span></dd>",
            esc(if agency.is_empty() {
                "unnamed feed"
            } else {
                agency
            }),
            esc(kind),
            esc(&model::preview(&evidence.text, 60)),
            evidence.start,
            evidence.end
        );
    }
    let _ = write!(
        s,
        "<dt>file</dt><dd>{} <span class=\"prov\">{} words</span></dd></dl>",
        esc(&card.path),
        card.words
    );
    if !flags.is_empty() {
        s.push_str("<ul class=\"flags\">");
        for f in &flags {
            s.push_str(&flag_item(f, false));
        }
        s.push_str("</ul>");
    }
    if card.vague_sources > 0 {
        let _ = write!(
            s,
            "<p class=\"muted kind-vague-sources\">{} unnamed source(s): see <a href=\"#vague\">vague sources</a>.</p>",
            card.vague_sources
        );
    }
    if !card.attributions.is_empty() {
        let _ = write!(
            s,
            "<details><summary>Attributions ({})</summary><table><tr><th>source</th><th>resolves to</th><th>content</th></tr>",
            card.attributions.len()
        );
        for a in &card.attributions {
            let attr = &a.attribution;
            let source = attr.source.as_ref().map_or_else(
                || format!("<i>{}</i>", esc(&attr.cue.text)),
                |x| esc(&x.text),
            );
            let mut resolved = match &attr.entity {
                Some(e) => esc(&e.name),
                None if attr.vague => "<span class=\"badge b-note\">unnamed</span>".into(),
                None => "<span class=\"muted\">unresolved</span>".into(),
            };
            if !a.resolved_articles.is_empty() {
                let links: Vec<String> = a
                    .resolved_articles
                    .iter()
                    .map(|id| article_link(id))
                    .collect();
                let _ = write!(resolved, " → {}", links.join(", "));
            }
            let content: Vec<String> = attr
                .content
                .iter()
                .map(|c| esc(&model::preview(&c.text, 200)))
                .collect();
            let _ = write!(
                s,
                "<tr><td>{source}<div class=\"prov\">{} · “{}”</div></td><td>{resolved}</td><td class=\"q\">{}</td></tr>",
                esc(&format!("{:?}", attr.quote).to_lowercase()),
                esc(&attr.cue.text),
                content.join(" … ")
            );
        }
        s.push_str("</table></details>");
    }
    if !card.lead.is_empty() {
        let _ = write!(
            s,
            "<details><summary>Lead paragraph</summary><p>{}</p></details>",
            esc(&card.lead)
        );
    }
    s.push_str("</article>");
}

fn copy_html(s: &mut String, articles: &[Article], view: &CopyView) {
    let p = &view.pair;
    let find = |id: &str| articles.iter().find(|a| a.id == id);
    let arrow = if p.directed { "→" } else { "↔" };
    let _ = write!(
        s,
        "<div class=\"pair\" id=\"{}\"><h3>{} {arrow} {} <span class=\"badge b-tier\">{}</span><span class=\"muted\">score {:.2} · {} passage(s){}</span></h3>",
        anchor("copy-", &format!("{}--{}", p.origin, p.copy)),
        article_link(&p.origin),
        article_link(&p.copy),
        esc(&serde_json::to_value(p.tier)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()),
        p.score,
        p.passages.len(),
        if p.directed {
            ""
        } else {
            " · direction undecided"
        },
    );
    if !p.evidence.is_empty() {
        s.push_str("<ul>");
        for e in &p.evidence {
            let _ = write!(s, "<li>{}</li>", esc(e));
        }
        s.push_str("</ul>");
    }
    let (Some(origin), Some(copy)) = (find(&p.origin), find(&p.copy)) else {
        s.push_str("</div>");
        return;
    };
    for (k, passage) in p.passages.iter().enumerate().take(MAX_PASSAGES) {
        let (removed, added) = view.changes.get(k).cloned().unwrap_or_default();
        let _ = write!(
            s,
            "<div class=\"passage\"><div class=\"side origin\"><div class=\"who\">{} @{}–{} · similarity {:.2}</div>{}</div>\
             <div class=\"side copy\"><div class=\"who\">{} @{}–{}</div>{}</div></div>",
            esc(&p.origin),
            passage.origin.start,
            passage.origin.end,
            passage.similarity,
            highlighted(
                origin,
                Range::new(passage.origin.start, passage.origin.end),
                &removed,
                "del"
            ),
            esc(&p.copy),
            passage.copy.start,
            passage.copy.end,
            highlighted(
                copy,
                Range::new(passage.copy.start, passage.copy.end),
                &added,
                "ins"
            ),
        );
    }
    if p.passages.len() > MAX_PASSAGES {
        let _ = write!(
            s,
            "<p class=\"muted\">… and {} more passage(s); see <code>citetrace copies</code>.</p>",
            p.passages.len() - MAX_PASSAGES
        );
    }
    s.push_str("</div>");
}

/// Most vague phrases and articles listed.
const MAX_VAGUE_ROWS: usize = 25;

fn vague_html(s: &mut String, report: &Report) {
    let v = &report.vague;
    s.push_str("<section id=\"vague\"><h2>Unnamed sources</h2>");
    if v.articles.is_empty() {
        s.push_str("<p class=\"muted\">Every source is named.</p></section>\n");
        return;
    }
    let total: usize = v.articles.iter().map(|a| a.1).sum();
    let _ = write!(
        s,
        "<p>{total} attribution(s) in {} article(s) credit a source that is not named (“sources said”, “reportedly”). \
         They are counted here, not listed as warnings: a desk decides whether each article's reliance on them is acceptable.</p>\
         <div class=\"twocol\"><table><tr><th>phrase</th><th>uses</th><th>articles</th></tr>",
        v.articles.len()
    );
    for p in v.phrases.iter().take(MAX_VAGUE_ROWS) {
        let _ = write!(
            s,
            "<tr><td class=\"q\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&model::preview(&p.phrase, 80)),
            p.count,
            p.articles
        );
    }
    s.push_str("</table><table><tr><th>article</th><th>unnamed</th><th>where</th></tr>");
    for (id, count, spans) in v.articles.iter().take(MAX_VAGUE_ROWS) {
        let at: Vec<String> = spans
            .iter()
            .take(6)
            .map(|e| format!("“{}” @{}", esc(&model::preview(&e.text, 40)), e.start))
            .collect();
        let _ = write!(
            s,
            "<tr><td>{}</td><td>{count}</td><td class=\"muted\">{}{}</td></tr>",
            row_link(report, id),
            at.join(" · "),
            if spans.len() > 6 { " …" } else { "" }
        );
    }
    s.push_str("</table></div>");
    if v.articles.len() > MAX_VAGUE_ROWS || v.phrases.len() > MAX_VAGUE_ROWS {
        s.push_str("<p class=\"muted\">Longer lists: <code>citetrace report --format json</code> (<code>vague</code>).</p>");
    }
    s.push_str("</section>\n");
}

fn stock_html(s: &mut String, report: &Report) {
    if report.stock.is_empty() {
        return;
    }
    let c = |k: &str| report.counts.get(k).copied().unwrap_or(0);
    let _ = write!(
        s,
        "<section id=\"stock\"><h2>Shared text that is not copying</h2>\
         <p>Text many articles carry is no evidence that one copied another, so copy detection skips it: \
         {} passage(s) of stock text (editor's notes, promos, poll formulas) learned from the corpus; \
         {} pair(s) of one outlet recycling its own background passages (house reuse); \
         {} pair(s) that share only a quotation of the same speaker. Details: <code>citetrace copies --relations</code>.</p>\
         <table><tr><th>passage</th><th>articles</th><th>outlets</th><th>why</th></tr>",
        report.stock.len(),
        c("house-reuse-pairs"),
        c("shared-quote-pairs"),
    );
    for st in report.stock.iter().take(model::MAX_STOCK_SHOWN) {
        let _ = write!(
            s,
            "<tr><td class=\"q\">{}</td><td>{}</td><td>{}</td><td class=\"muted\">{}</td></tr>",
            esc(&model::preview(&st.text, 140)),
            st.articles,
            esc(&st.outlets.join(", ")),
            esc(&st.reason)
        );
    }
    s.push_str("</table></section>\n");
}

/// A link to an article's card when it has one, else to its index row.
fn row_link(report: &Report, id: &str) -> String {
    let label = report.card(id).map_or(id, |c| c.label.as_str());
    let target = if report.card(id).and_then(|c| c.story).is_some() {
        anchor("article-", id)
    } else {
        anchor("row-", id)
    };
    format!("<a href=\"#{target}\">{}</a>", esc(label))
}

/// Most quotes listed per status in the quotes section.
const MAX_QUOTES_LISTED: usize = 100;

fn quotes_html(s: &mut String, report: &Report) {
    s.push_str("<section id=\"quotes\"><h2>Quotes</h2>");
    let count = |st: Status| report.quotes.iter().filter(|q| q.status == st).count();
    let _ = write!(
        s,
        "<p>{} direct quote(s) checked against the same statement elsewhere in the corpus: \
         <span class=\"badge b-altered\">altered</span>{} \
         <span class=\"badge b-verified\">verified</span>{} \
         <span class=\"badge b-verified\">partial</span>{} (a fragment or a longer version of the same statement) \
         <span class=\"badge b-unverified\">unverified</span>{} (no source text in the corpus; counted, not listed — see <code>citetrace quotes</code>).</p>",
        report.quotes.len(),
        count(Status::Altered),
        count(Status::Verified),
        count(Status::Partial),
        count(Status::Unverified),
    );
    for (status, open) in [
        (Status::Altered, true),
        (Status::Verified, false),
        (Status::Partial, false),
    ] {
        let list: Vec<_> = report
            .quotes
            .iter()
            .filter(|q| q.status == status)
            .collect();
        if list.is_empty() {
            continue;
        }
        let _ = write!(
            s,
            "<details{}><summary>{} quote(s) {}</summary><table><tr><th>article</th><th>quote (as checked)</th><th>credited to</th><th>earliest occurrence</th></tr>",
            if open { " open" } else { "" },
            list.len(),
            status.name()
        );
        for q in list.iter().take(MAX_QUOTES_LISTED) {
            let shown = if q.diff.is_empty() {
                esc(&q.quote.text)
            } else {
                runs_html(&q.diff)
            };
            let against = q.against.as_ref().map_or_else(String::new, |o| {
                format!(
                    "<div class=\"prov\">checked against {} @{}–{}</div>",
                    article_link(&o.article),
                    o.span.start,
                    o.span.end
                )
            });
            let _ = write!(
                s,
                "<tr><td>{} <div class=\"prov\">@{}–{}</div></td><td class=\"q\">{shown}{against}</td><td>{}</td><td>{} <div class=\"prov\">{} · {} · @{}–{}</div></td></tr>",
                row_link(report, &q.article),
                q.quote.start,
                q.quote.end,
                q.credited.as_ref().map_or_else(
                    || "<span class=\"muted\">—</span>".to_string(),
                    |e| esc(&e.name)
                ),
                row_link(report, &q.earliest.article),
                esc(q.earliest.outlet.as_deref().unwrap_or("unknown outlet")),
                esc(&when(&q.earliest)),
                q.earliest.span.start,
                q.earliest.span.end,
            );
        }
        s.push_str("</table>");
        if list.len() > MAX_QUOTES_LISTED {
            let _ = write!(
                s,
                "<p class=\"muted\">… and {} more: <code>citetrace quotes</code>.</p>",
                list.len() - MAX_QUOTES_LISTED
            );
        }
        s.push_str("</details>");
    }
    s.push_str("</section>\n");
}

fn index_html(s: &mut String, report: &Report) {
    let _ = write!(
        s,
        "<section id=\"articles\"><h2>All articles</h2><details><summary>Index of the {} article(s)</summary>\
         <table><tr><th>article</th><th>story</th><th>attributions</th><th>unnamed sources</th><th>findings</th></tr>",
        report.cards.len()
    );
    for c in &report.cards {
        let story = c.story.map_or_else(
            || "<span class=\"muted\">—</span>".to_string(),
            |r| format!("<a href=\"#story-{r}\">{r}</a>"),
        );
        let _ = write!(
            s,
            "<tr id=\"{}\"><td>{} <div class=\"prov\">{}</div></td><td>{story}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            anchor("row-", &c.id),
            esc(&c.label),
            esc(&c.id),
            c.attributions.len(),
            c.vague_sources,
            report.flags_of(&c.id).count()
        );
    }
    s.push_str("</table></details></section>\n");
}

/// Writes the report as HTML, drawing each story's graph with `layout`.
/// `articles` are the corpus articles (for highlighting passages).
///
/// # Errors
/// When writing fails.
pub fn write(
    report: &Report,
    articles: &[Article],
    layout: Layout,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut s = String::with_capacity(256 * 1024);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\
         <meta name=\"referrer\" content=\"no-referrer\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"generator\" content=\"citetrace {}\">\
         <title>{}</title><style>{STYLE}</style></head><body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&report.title)
    );
    let _ = write!(
        s,
        "<header class=\"top\"><h1>{}</h1><div class=\"sub\">Source provenance report · {} articles · generated by citetrace {} · every finding cites character offsets into the article text as read</div></header>\
         <nav><a href=\"#summary\">Summary</a><a href=\"#stories\">Stories</a><a href=\"#vague\">Unnamed sources</a><a href=\"#quotes\">Quotes</a><a href=\"#articles\">All articles</a></nav><main>",
        esc(&report.title),
        report.cards.len(),
        env!("CARGO_PKG_VERSION"),
    );
    let c = |k: &str| report.counts.get(k).copied().unwrap_or(0);
    let _ = write!(
        s,
        "<section id=\"summary\"><h2>Summary</h2><div class=\"stats\">\
         <div class=\"stat\"><b>{}</b><span>articles</span></div>\
         <div class=\"stat\"><b>{}</b><span>stories</span></div>\
         <div class=\"stat\"><b>{}</b><span>copy pairs</span></div>\
         <div class=\"stat\"><b>{}</b><span>citation laundering</span></div>\
         <div class=\"stat\"><b>{}</b><span>uncredited copying</span></div>\
         <div class=\"stat\"><b>{}</b><span>circular reporting</span></div>\
         <div class=\"stat\"><b>{}</b><span>altered quotes</span></div>\
         <div class=\"stat\"><b>{}</b><span>articles with unnamed sources</span></div></div>",
        c("articles"),
        c("stories"),
        c("copy-pairs"),
        c("citation-laundering"),
        c("unattributed-copy") + c("uncredited-reuse"),
        c("circular-reporting"),
        c("altered-quote"),
        c("vague-source-articles"),
    );
    s.push_str("<p class=\"muted\">A <b>story</b> is a group of articles that took text from one another, cite one another, or quote one another's statement altered; stories are ranked by what a desk acts on first (citation laundering and circular reporting, then copying without credit, then altered quotes). Each finding says why, with character offsets into the text as read.</p>");
    let _ = write!(
        s,
        "<p class=\"muted\">Not copy claims (relations, drawn dotted): {} house-reuse pair(s) — an outlet reusing passages of its own stories; {} pair(s) of articles that only quote the same speaker; {} quote(s) checked: {} verified, {} partial, {} altered, {} unverified.</p>",
        c("house-reuse-pairs"),
        c("shared-quote-pairs"),
        c("quotes-checked"),
        c("quotes-verified"),
        c("quotes-partial"),
        c("quotes-altered"),
        c("quotes-unverified"),
    );
    if !report.errors.is_empty() {
        let _ = write!(
            s,
            "<details><summary>{} input(s) could not be read</summary><ul>",
            report.errors.len()
        );
        for e in &report.errors {
            let _ = write!(s, "<li>{}</li>", esc(e));
        }
        s.push_str("</ul></details>");
    }
    s.push_str("</section>\n<section id=\"stories\"><h2>Stories</h2>");
    if report.stories.is_empty() {
        s.push_str("<p class=\"muted\">No two articles share text or cite one another.</p>");
    }
    for story in report.stories.iter().take(MAX_STORIES_SHOWN) {
        story_html(&mut s, report, articles, story, layout);
    }
    if report.stories.len() > MAX_STORIES_SHOWN {
        let _ = write!(
            s,
            "<details><summary>{} more stories</summary><table><tr><th>story</th><th>earliest article</th><th>articles</th><th>findings</th></tr>",
            report.stories.len() - MAX_STORIES_SHOWN
        );
        for st in report.stories.iter().skip(MAX_STORIES_SHOWN) {
            let _ = write!(
                s,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                st.rank,
                esc(&st.headline),
                st.articles.len(),
                st.flags.len()
            );
        }
        s.push_str("</table></details>");
    }
    s.push_str("</section>\n");
    stock_html(&mut s, report);
    vague_html(&mut s, report);
    quotes_html(&mut s, report);
    index_html(&mut s, report);
    s.push_str("<footer>Offsets are character (Unicode scalar) positions in each article's text as read. This report loads nothing and runs no scripts. The full detail (every quote check, card and copy pair) is in <code>citetrace report --format json</code>.</footer></main></body></html>\n");
    out.write_all(s.as_bytes())
}
