//! The story text of an HTML page, readability-style.
//!
//! 1. Furniture is never looked at: `script`, `style`, `nav`, `header`,
//!    `footer`, `aside`, forms, figures, hidden elements, navigation/banner
//!    roles, and elements whose class or id names comments, related links,
//!    share widgets, cookie/consent banners, newsletters, ads or sidebars.
//! 2. The story container is `[itemprop=articleBody]` when present; otherwise
//!    each paragraph scores its parent (and half its grandparent) by length
//!    and commas, discounted by link density, the best-scoring element wins
//!    and is widened to an enclosing `<article>` or to a parent that holds
//!    clearly more paragraph text.
//! 3. The container's blocks (paragraphs, headings, list items, quotes) are
//!    collapsed to single-spaced lines and joined with blank lines; blocks
//!    that are mostly links (teaser lists) are dropped, and `h1` is left to
//!    the title.
//!
//! Both walks are iterative, so hostile nesting depth cannot overflow the stack.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{Html, Node};

/// Elements that are never story text.
const DROP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "iframe",
    "svg",
    "canvas",
    "select",
    "input",
    "textarea",
    "object",
    "embed",
    "figure",
    "figcaption",
    "menu",
    "dialog",
    "head",
    "title",
    "meta",
    "link",
    "h1",
];

/// Class/id words (split on `-` and `_`) that mark furniture.
const JUNK_WORDS: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "related",
    "alsoread",
    "readmore",
    "readalso",
    "share",
    "sharing",
    "sharebar",
    "social",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "subscription",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "sponsor",
    "sponsored",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "footer",
    "header",
    "masthead",
    "popup",
    "modal",
    "banner",
    "outbrain",
    "taboola",
    "recommended",
    "recommendations",
    "trending",
    "tags",
    "widget",
    "disqus",
    "paywall",
    "signup",
    "onetrust",
    "toolbar",
    "pagination",
    "byline",
    "author",
    "meta",
];

/// Roles that mark furniture.
const JUNK_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
];

/// Elements that start and end a block of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "td",
    "th",
    "tr",
    "table",
    "dd",
    "dt",
    "dl",
    "address",
    "hr",
    "center",
];

/// Word parts of a class or id ("post-comments" → "post", "comments").
fn junk_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    JUNK_WORDS.contains(&lower.as_str())
        || lower
            .split(['-', '_', ' '])
            .any(|part| JUNK_WORDS.contains(&part))
}

/// True when `el` (and everything in it) is furniture.
pub fn is_junk(el: &Element) -> bool {
    let name = el.name();
    if DROP_TAGS.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    if el
        .attr("role")
        .is_some_and(|r| JUNK_ROLES.contains(&r.to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    if el
        .attr("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        return false;
    }
    el.classes().any(junk_name) || el.id().is_some_and(junk_name)
}

/// Text length (characters, whitespace collapsed) of a subtree, and how much of it is link text.
fn text_stats(node: NodeRef<'_, Node>) -> (usize, usize, usize) {
    let mut len = 0;
    let mut link = 0;
    let mut commas = 0;
    let mut in_link = 0usize;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(e) if e.name() == "a" => in_link += 1,
                Node::Text(t) => {
                    let words: usize = t.split_whitespace().map(|w| w.chars().count() + 1).sum();
                    len += words;
                    commas += t.chars().filter(|c| matches!(c, ',' | '،' | '，')).count();
                    if in_link > 0 {
                        link += words;
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                if matches!(n.value(), Node::Element(e) if e.name() == "a") {
                    in_link = in_link.saturating_sub(1);
                }
            }
        }
    }
    (len, link, commas)
}

/// True for a `div`/`section` whose own text (not in child elements) is long: a paragraph without `<p>`.
fn is_bare_text_block(node: NodeRef<'_, Node>) -> bool {
    let own: usize = node
        .children()
        .filter_map(|c| c.value().as_text().map(|t| t.trim().len()))
        .sum();
    own >= 80
}

/// Finds the story container.
fn container(doc: &Html) -> Option<NodeRef<'_, Node>> {
    let root = doc.tree.root();
    // Declared article body wins.
    let mut junk = 0usize;
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut ptext: HashMap<NodeId, usize> = HashMap::new();
    let mut declared = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => {
                let Node::Element(el) = n.value() else {
                    continue;
                };
                if junk > 0 || is_junk(el) {
                    junk += 1;
                    continue;
                }
                if declared.is_none()
                    && el
                        .attr("itemprop")
                        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
                    && text_stats(n).0 >= 50
                {
                    declared = Some(n);
                }
                let name = el.name();
                let paragraph = name == "p"
                    || (matches!(name, "div" | "section" | "td") && is_bare_text_block(n));
                if !paragraph {
                    continue;
                }
                let (len, link, commas) = text_stats(n);
                if len < 25 {
                    continue;
                }
                let density = link as f64 / len as f64;
                let score = (1.0 + commas as f64 + (len as f64 / 100.0).min(3.0)) * (1.0 - density);
                let mut anc = n.parent();
                let mut weight = 1.0;
                while let Some(a) = anc {
                    if weight > 0.0 {
                        *scores.entry(a.id()).or_default() += score * weight;
                    }
                    *ptext.entry(a.id()).or_default() += len - link;
                    weight = if weight >= 1.0 { 0.5 } else { 0.0 };
                    anc = a.parent();
                }
            }
            Edge::Close(n) => {
                if n.value().is_element() && junk > 0 {
                    junk -= 1;
                }
            }
        }
    }
    if declared.is_some() {
        return declared;
    }
    let best_id = scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(id, _)| *id)?;
    let mut best = doc.tree.get(best_id)?;
    // Widen to an enclosing <article>.
    if let Some(article) = best.ancestors().find(|a| {
        a.value()
            .as_element()
            .is_some_and(|e| e.name() == "article")
    }) {
        return Some(article);
    }
    // Or to a parent holding clearly more paragraph text.
    let text_of = |n: NodeRef<'_, Node>| ptext.get(&n.id()).copied().unwrap_or(0);
    while let Some(parent) = best.parent() {
        let is_top = parent
            .value()
            .as_element()
            .is_none_or(|e| matches!(e.name(), "body" | "html"));
        if is_top || text_of(parent) * 10 < text_of(best) * 13 {
            break;
        }
        best = parent;
    }
    Some(best)
}

/// Collects the blocks of text under `root`, skipping furniture.
struct Blocks {
    out: Vec<String>,
    buf: String,
    chars: usize,
    link_chars: usize,
}

impl Blocks {
    fn push_text(&mut self, text: &str, in_link: bool) {
        for c in text.chars() {
            if c.is_whitespace() {
                if !self.buf.is_empty() && !self.buf.ends_with([' ', '\n']) {
                    self.buf.push(' ');
                }
            } else {
                self.buf.push(c);
                self.chars += 1;
                if in_link {
                    self.link_chars += 1;
                }
            }
        }
    }

    fn line_break(&mut self) {
        while self.buf.ends_with(' ') {
            self.buf.pop();
        }
        if !self.buf.is_empty() && !self.buf.ends_with('\n') {
            self.buf.push('\n');
        }
    }

    fn flush(&mut self) {
        let mostly_links = self.chars > 0 && self.link_chars * 2 > self.chars;
        if !mostly_links {
            let block: Vec<&str> = self
                .buf
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let block = block.join("\n");
            if !block.is_empty() && self.out.last() != Some(&block) {
                self.out.push(block);
            }
        }
        self.buf.clear();
        self.chars = 0;
        self.link_chars = 0;
    }
}

/// The story text of the page: paragraphs joined with blank lines (empty when none).
pub fn extract(doc: &Html) -> String {
    let Some(root) = container(doc) else {
        return String::new();
    };
    let mut blocks = Blocks {
        out: Vec::new(),
        buf: String::new(),
        chars: 0,
        link_chars: 0,
    };
    let mut junk = 0usize;
    let mut in_link = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(el) => {
                    if junk > 0 || (n.id() != root.id() && is_junk(el)) {
                        junk += 1;
                        continue;
                    }
                    let name = el.name();
                    if name == "br" {
                        blocks.line_break();
                    } else if name == "a" {
                        in_link += 1;
                    } else if BLOCK_TAGS.contains(&name) {
                        blocks.flush();
                    }
                }
                Node::Text(t) if junk == 0 => blocks.push_text(t, in_link > 0),
                _ => {}
            },
            Edge::Close(n) => {
                let Node::Element(el) = n.value() else {
                    continue;
                };
                if junk > 0 {
                    junk -= 1;
                    continue;
                }
                let name = el.name();
                if name == "a" {
                    in_link = in_link.saturating_sub(1);
                } else if BLOCK_TAGS.contains(&name) {
                    blocks.flush();
                }
            }
        }
    }
    blocks.flush();
    blocks.out.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str) -> String {
        extract(&Html::parse_document(html))
    }

    #[test]
    fn picks_the_article_and_drops_furniture() {
        let html = r##"<html><body>
          <nav><a href="/">Home</a> <a href="/world">World</a></nav>
          <div id="cookie-banner"><p>We use cookies to improve your experience, please accept them all.</p></div>
          <article>
            <h1>Headline</h1>
            <div class="share-buttons"><a href="#">Share on X</a></div>
            <p>WASHINGTON (Reuters) - The first paragraph of the story, with a comma, and more words.</p>
            <p>The second paragraph, quoting an official, who said things at length.</p>
            <div class="related-stories"><p><a href="/a">Also read: another story entirely</a></p></div>
            <h2>A section heading</h2>
            <p>The third paragraph &amp; its entity, which closes the story.</p>
          </article>
          <section class="comments"><p>Great article, really enjoyed reading it, thanks!</p></section>
          <footer><p>Copyright 2026 Example News. All rights reserved.</p></footer>
        </body></html>"##;
        assert_eq!(
            body(html),
            "WASHINGTON (Reuters) - The first paragraph of the story, with a comma, and more words.\n\n\
             The second paragraph, quoting an official, who said things at length.\n\n\
             A section heading\n\n\
             The third paragraph & its entity, which closes the story."
        );
    }

    #[test]
    fn density_finds_the_story_without_article_tags() {
        let html = r#"<body><div class="wrap">
          <div class="teasers"><p><a href="/1">A teaser link that is only a link to elsewhere</a></p></div>
          <div class="content"><p>One long paragraph of real story text, with commas, clauses, and detail.</p>
          <p>Another long paragraph of story text, with more commas, and more detail too.</p>
          <p>Line one<br>line two of an address block that is long enough to count.</p></div>
        </div></body>"#;
        assert_eq!(
            body(html),
            "One long paragraph of real story text, with commas, clauses, and detail.\n\n\
             Another long paragraph of story text, with more commas, and more detail too.\n\n\
             Line one\nline two of an address block that is long enough to count."
        );
    }

    #[test]
    fn declared_article_body_wins() {
        let html = r#"<body><div><p>Sidebar text that is long enough to score, with commas, commas, commas.</p></div>
          <div itemprop="articleBody">Bare story text without paragraph tags but long enough to be the article body itself.</div></body>"#;
        assert_eq!(
            body(html),
            "Bare story text without paragraph tags but long enough to be the article body itself."
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}<p>Deep text that is long enough to be a paragraph here.</p>",
            "<div>".repeat(3_000)
        );
        let got = body(&html);
        assert!(got.contains("Deep text"));
    }

    #[test]
    fn junk_names() {
        assert!(junk_name("post-comments"));
        assert!(junk_name("cookie_banner"));
        assert!(junk_name("ad"));
        assert!(!junk_name("article-body"));
        assert!(!junk_name("header2"));
        assert!(!junk_name("reader"));
    }
}
