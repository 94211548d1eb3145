//! Page metadata: meta tags, `<link rel=canonical>`, `<html lang>` and JSON-LD.
//!
//! Sources, first found wins: JSON-LD `NewsArticle`/`Article`/... (top level,
//! in arrays, or in `@graph`, with `@id` references resolved), then OpenGraph
//! and `article:*` properties, then `name=` meta tags and `itemprop`, then
//! what the page shows: the `<title>` element, the visible byline the
//! extractor found ([`add_visible`]), the first `<h1>`; and a date in the
//! page URL's path (`/2024/03/05/`, via `url-path`). Every value becomes a
//! [`Field::given`] whose `via` names the tag it came from
//! (`"json-ld:datePublished"`, `"og:site_name"`, `"meta:author"`,
//! `"link:canonical"`, `"html:lang"`, `"html:byline"`).
//!
//! Dates outside 1900–2199 (a CMS's `0001-01-01` placeholder) are not dates
//! and are skipped, so the next source gets its turn. An outlet name the
//! gazetteer knows is given in its canonical spelling (`via` then ends in
//! `+gazetteer`), so "the Guardian" from one page and "The Guardian" from
//! another are one outlet.

use std::collections::HashMap;

use dom_query::{Document, NodeRef};
use serde_json::Value;

use crate::article::{Date, Field, Metadata};
use crate::entities::gazetteer::gazetteer;
use crate::read::dates;
use crate::read::html::body::Extracted;

/// What the page says about itself.
#[derive(Debug, Default)]
pub struct PageMeta {
    /// Metadata fields, all [`Field::given`].
    pub fields: Metadata,
    /// JSON-LD `articleBody`, used when the markup yields no text.
    pub article_body: Option<String>,
    /// The first `<h1>`: the title of last resort, after the visible byline.
    pub h1: Option<String>,
}

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "SatiricalArticle",
    "AdvertiserContentArticle",
    "AskPublicNewsArticle",
    "ScholarlyArticle",
    "Report",
];

/// The JSON of a JSON-LD script: without the `<![CDATA[ … ]]>` or `<!-- … -->`
/// wrapper XHTML pages put around it.
fn unwrap_script(text: &str) -> &str {
    let mut t = text.trim();
    for (open, close) in [
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
        ("<!--", "-->"),
    ] {
        if let Some(inner) = t.strip_prefix(open) {
            t = inner.trim_end().strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    t
}

/// The elements `css` selects, in document order.
fn all<'a>(doc: &'a Document, css: &str) -> Vec<NodeRef<'a>> {
    doc.select(css).nodes().to_vec()
}

/// The text of the first element `css` selects, whitespace collapsed.
fn first_text(doc: &Document, css: &str) -> Option<String> {
    all(doc, css).first().and_then(|n| clean(&n.text()))
}

/// Collapses whitespace and trims; `None` when empty.
fn clean(s: &str) -> Option<String> {
    let out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!out.is_empty()).then_some(out)
}

fn has_type(obj: &serde_json::Map<String, Value>) -> bool {
    match obj.get("@type") {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
        _ => false,
    }
}

/// Walks JSON-LD values, collecting article objects and every object by `@id`.
fn walk<'a>(
    v: &'a Value,
    articles: &mut Vec<&'a serde_json::Map<String, Value>>,
    by_id: &mut HashMap<&'a str, &'a serde_json::Map<String, Value>>,
    depth: usize,
) {
    if depth > 16 {
        return;
    }
    match v {
        Value::Array(items) => items
            .iter()
            .for_each(|i| walk(i, articles, by_id, depth + 1)),
        Value::Object(obj) => {
            if let Some(id) = obj.get("@id").and_then(Value::as_str) {
                by_id.entry(id).or_insert(obj);
            }
            if has_type(obj) {
                articles.push(obj);
            }
            if let Some(g) = obj.get("@graph") {
                walk(g, articles, by_id, depth + 1);
            }
        }
        _ => {}
    }
}

/// A name from a string, `{name}` object (or `@id` reference), or array of those.
fn names(v: &Value, by_id: &HashMap<&str, &serde_json::Map<String, Value>>) -> Vec<String> {
    match v {
        Value::String(s) => clean(s).into_iter().collect(),
        Value::Array(items) => items.iter().flat_map(|i| names(i, by_id)).collect(),
        Value::Object(obj) => {
            let resolved = obj
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| by_id.get(id))
                .copied()
                .unwrap_or(obj);
            resolved
                .get("name")
                .and_then(Value::as_str)
                .and_then(clean)
                .into_iter()
                .collect()
        }
        _ => Vec::new(),
    }
}

/// A string, or the `@id`/`url` of an object.
fn url_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Object(o) => o
            .get("@id")
            .or_else(|| o.get("url"))
            .and_then(Value::as_str)
            .and_then(clean),
        _ => None,
    }
}

/// A metadata date, when it is one a news page could carry: CMS placeholders
/// such as `0001-01-01` or `9999-12-31` are not publication dates.
fn plausible_date(value: &str) -> Option<Date> {
    dates::parse_value(value).filter(|d| (1900..2200).contains(&d.year()))
}

/// A publication date in a URL's path, as news sites write it:
/// `/2024/03/05/slug` or a segment opening with `2024-03-05`.
fn date_in_url(url: &str) -> Option<Date> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| -> Option<i32> {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    for (i, seg) in segments.iter().enumerate() {
        if let (Some(y), Some(m), Some(d)) = (
            number(seg, 4..=4),
            segments.get(i + 1).and_then(|s| number(s, 1..=2)),
            segments.get(i + 2).and_then(|s| number(s, 1..=2)),
        ) {
            let date = dates::date(
                i16::try_from(y).ok()?,
                i8::try_from(m).ok()?,
                i8::try_from(d).ok()?,
            );
            if let Some(date) = date.filter(|d| (1900..2200).contains(&d.year())) {
                return Some(date);
            }
        }
        if seg.len() >= 10 && seg.as_bytes()[4] == b'-' {
            if let Some(date) = plausible_date(&seg[..10]) {
                return Some(date);
            }
        }
    }
    None
}

/// Sets `slot` to a given field when it is still empty.
fn set<T>(slot: &mut Option<Field<T>>, value: Option<T>, via: &str) {
    if slot.is_none() {
        if let Some(v) = value {
            *slot = Some(Field::given(v, via));
        }
    }
}

/// Reads JSON-LD article metadata into `meta`.
fn json_ld(doc: &Document, meta: &mut PageMeta) {
    let parsed: Vec<Value> = all(doc, r#"script[type="application/ld+json"]"#)
        .iter()
        .filter_map(|s| serde_json::from_str(unwrap_script(&s.text())).ok())
        .collect();
    let mut articles = Vec::new();
    let mut by_id = HashMap::new();
    for v in &parsed {
        walk(v, &mut articles, &mut by_id, 0);
    }
    let Some(a) = articles.first() else { return };
    let m = &mut meta.fields;
    let text = |k: &str| a.get(k).and_then(Value::as_str).and_then(clean);
    set(
        &mut m.title,
        text("headline").or_else(|| text("name")),
        "json-ld:headline",
    );
    if let Some(authors) = a.get("author").map(|v| names(v, &by_id)) {
        set(
            &mut m.author,
            (!authors.is_empty()).then(|| authors.join(", ")),
            "json-ld:author",
        );
    }
    if let Some(p) = a.get("publisher").map(|v| names(v, &by_id)) {
        set(&mut m.outlet, p.into_iter().next(), "json-ld:publisher");
    }
    set(
        &mut m.date,
        text("datePublished").as_deref().and_then(plausible_date),
        "json-ld:datePublished",
    );
    set(
        &mut m.url,
        a.get("url")
            .and_then(url_of)
            .or_else(|| a.get("mainEntityOfPage").and_then(url_of)),
        "json-ld:url",
    );
    let lang = a.get("inLanguage").and_then(|l| match l {
        Value::String(s) => clean(s),
        Value::Object(o) => o
            .get("alternateName")
            .or_else(|| o.get("name"))
            .and_then(Value::as_str)
            .and_then(clean),
        _ => None,
    });
    set(&mut m.language, lang, "json-ld:inLanguage");
    if meta.article_body.is_none() {
        meta.article_body = a
            .get("articleBody")
            .and_then(Value::as_str)
            .map(str::to_string);
    }
}

/// Reads the page's metadata.
pub fn read(doc: &Document) -> PageMeta {
    let mut meta = PageMeta::default();
    json_ld(doc, &mut meta);

    // meta tags: property / name / itemprop → content (first value per key).
    let mut tags: HashMap<String, String> = HashMap::new();
    for el in all(doc, "meta") {
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"))
            .or_else(|| el.attr("http-equiv"));
        let key = key.as_deref();
        let (Some(key), Some(content)) = (key, el.attr("content")) else {
            continue;
        };
        if let Some(c) = clean(&content) {
            tags.entry(key.trim().to_ascii_lowercase()).or_insert(c);
        }
    }
    let tag = |k: &str| tags.get(k).cloned();
    let m = &mut meta.fields;
    for (key, via) in [("og:title", "og:title"), ("twitter:title", "twitter:title")] {
        set(&mut m.title, tag(key), via);
    }
    for key in [
        "og:site_name",
        "application-name",
        "publisher",
        "twitter:site",
    ] {
        let value = tag(key).map(|v| v.trim_start_matches('@').to_string());
        set(&mut m.outlet, value, key);
    }
    for key in [
        "article:author",
        "author",
        "byl",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
    ] {
        let value = tag(key)
            .filter(|v| !v.starts_with("http"))
            .map(|v| v.strip_prefix("By ").map_or(v.clone(), str::to_string));
        set(&mut m.author, value, &format!("meta:{key}"));
    }
    for key in [
        "article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "parsely-pub-date",
        "sailthru.date",
        "dc.date.issued",
        "dc.date",
        "date",
    ] {
        set(
            &mut m.date,
            tag(key).as_deref().and_then(plausible_date),
            &format!("meta:{key}"),
        );
    }
    let canonical = all(doc, "link[rel]")
        .iter()
        .find(|l| {
            l.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|l| l.attr("href"))
        .and_then(|h| clean(&h));
    set(&mut m.url, canonical, "link:canonical");
    set(&mut m.url, tag("og:url"), "og:url");
    let url_date = m.url.as_ref().and_then(|u| date_in_url(&u.value));
    set(&mut m.date, url_date, "url-path");
    let lang = all(doc, "html")
        .first()
        .and_then(|h| h.attr("lang"))
        .and_then(|l| clean(&l));
    set(&mut m.language, lang, "html:lang");
    set(
        &mut m.language,
        tag("og:locale").map(|l| l.replace('_', "-")),
        "og:locale",
    );
    set(
        &mut m.language,
        tag("content-language"),
        "meta:content-language",
    );
    let title = first_text(doc, "title");
    set(&mut m.title, title, "title");
    let h1 = first_text(doc, "h1");
    meta.h1 = h1;
    let mut sites: Vec<String> = ["og:site_name", "application-name", "twitter:site"]
        .iter()
        .filter_map(|k| tag(k))
        .collect();
    sites.extend(meta.fields.outlet.as_ref().map(|o| o.value.clone()));
    if let Some(title) = meta.fields.title.as_mut() {
        if let Some(stripped) = strip_site_name(&title.value, &sites) {
            title.value = stripped;
            title.via.push_str("-site");
        }
    }
    canonical_outlet(&mut meta.fields);
    meta
}

/// Adds what the page shows where the tags said nothing: the byline the
/// extractor saw (`html:byline`), then the first `<h1>` as the title.
pub fn add_visible(meta: &mut PageMeta, extracted: &Extracted) {
    let byline = extracted.byline.as_deref().and_then(visible_byline);
    set(&mut meta.fields.author, byline, "html:byline");
    set(&mut meta.fields.title, meta.h1.take(), "h1");
}

/// A visible byline as a name list: a leading "By" dropped, and refused when
/// it is a link, or too long to be names (a sentence the extractor took for
/// a byline).
fn visible_byline(line: &str) -> Option<String> {
    let trimmed = line
        .trim()
        .trim_end_matches(['|', ',', '-', '\u{2013}', '\u{2014}']);
    let mut name = trimmed.trim();
    for prefix in ["By ", "by ", "BY "] {
        if let Some(rest) = name.strip_prefix(prefix) {
            name = rest.trim();
        }
    }
    let words = name.split_whitespace().count();
    (words > 0 && words <= 12 && !name.contains("://") && !name.contains('@'))
        .then(|| name.to_string())
}

/// Separators between a headline and the site name in page titles.
const TITLE_SEPARATORS: &[&str] = &[
    " | ",
    " - ",
    " \u{2013} ",
    " \u{2014} ",
    " \u{b7} ",
    " :: ",
    " // ",
];

/// A title without a leading or trailing segment that names the site
/// ("Headline | The Site"), or `None` when it has none. A segment names the
/// site when it equals (ignoring case and a leading "The") one of the page's
/// site names or the part of one before its own separator ("Site - tagline").
fn strip_site_name(title: &str, sites: &[String]) -> Option<String> {
    let key = |s: &str| crate::entities::gazetteer::normalize(s);
    let mut names: Vec<String> = Vec::new();
    for site in sites {
        names.push(key(site));
        for sep in TITLE_SEPARATORS {
            if let Some((head, _)) = site.split_once(sep) {
                names.push(key(head));
            }
        }
    }
    names.retain(|n| !n.is_empty());
    for sep in TITLE_SEPARATORS {
        if let Some((head, last)) = title.rsplit_once(sep) {
            if names.contains(&key(last)) && !head.trim().is_empty() {
                return Some(head.trim().to_string());
            }
        }
        if let Some((first, rest)) = title.split_once(sep) {
            if names.contains(&key(first)) && !rest.trim().is_empty() {
                return Some(rest.trim().to_string());
            }
        }
    }
    None
}

/// Gives a known outlet its gazetteer name, keeping where it came from.
fn canonical_outlet(m: &mut Metadata) {
    let Some(field) = m.outlet.as_mut() else {
        return;
    };
    if let Some(outlet) = gazetteer().lookup(&field.value) {
        if outlet.name != field.value {
            field.value.clone_from(&outlet.name);
            field.via.push_str("+gazetteer");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_graph_with_references() {
        let html = r#"<html lang="en-GB"><head>
          <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"Organization","@id":"https://x.test/#org","name":"Example Times"},
            {"@type":"Person","@id":"https://x.test/#p1","name":"Jane  Doe"},
            {"@type":["NewsArticle"],"headline":"The headline","datePublished":"2026-01-22T08:00:00+05:30",
             "author":[{"@id":"https://x.test/#p1"},{"@type":"Person","name":"John Roe"}],
             "publisher":{"@id":"https://x.test/#org"},"mainEntityOfPage":{"@id":"https://x.test/a"}}
          ]}</script>
          <meta property="og:title" content="OG title"></head><body></body></html>"#;
        let m = read(&Document::from(html)).fields;
        assert_eq!(m.title.as_ref().unwrap().value, "The headline");
        assert_eq!(m.title.as_ref().unwrap().via, "json-ld:headline");
        assert_eq!(m.author.unwrap().value, "Jane Doe, John Roe");
        assert_eq!(m.outlet.unwrap().value, "Example Times");
        assert_eq!(m.date.unwrap().value.to_string(), "2026-01-22");
        assert_eq!(m.url.unwrap().value, "https://x.test/a");
        assert_eq!(m.language.unwrap().value, "en-GB");
    }

    #[test]
    fn site_name_is_cut_from_titles_and_placeholder_dates_skipped() {
        let html = r#"<html><head><title>Quake hits city | The Daily Example</title>
            <meta property="og:site_name" content="Daily Example - news you can use">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z"}</script>
            <meta property="article:published_time" content="2024-03-05T10:00:00Z">
            </head><body></body></html>"#;
        let m = read(&Document::from(html)).fields;
        let title = m.title.unwrap();
        assert_eq!(title.value, "Quake hits city");
        assert_eq!(title.via, "title-site");
        let date = m.date.unwrap();
        assert_eq!(date.value.to_string(), "2024-03-05");
        assert_eq!(date.via, "meta:article:published_time");
        assert_eq!(
            strip_site_name("Wikipedia - A - B", &["Wikipedia".into()]).as_deref(),
            Some("A - B")
        );
        assert_eq!(strip_site_name("A - B", &["C".into()]), None);
    }

    #[test]
    fn json_ld_in_cdata_and_posting_types() {
        let html = r#"<html><head><script type="application/ld+json">
            <![CDATA[ {"@type":"SocialMediaPosting","datePublished":"2014-09-02T08:35:27-04:00",
            "publisher":{"name":"Example Posts"}} ]]></script></head><body></body></html>"#;
        let m = read(&Document::from(html)).fields;
        assert_eq!(m.date.unwrap().value.to_string(), "2014-09-02");
        assert_eq!(m.outlet.unwrap().via, "json-ld:publisher");
        assert_eq!(unwrap_script("//<![CDATA[\n{}\n//]]>"), "{}");
    }

    #[test]
    fn dates_in_url_paths() {
        let d = |u: &str| date_in_url(u).map(|d| d.to_string());
        assert_eq!(
            d("https://x.example/news/2024/03/05/quake-hits").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            d("https://x.example/2019-11-02-story.html").as_deref(),
            Some("2019-11-02")
        );
        assert_eq!(d("https://x.example/2024/13/05/x"), None);
        assert_eq!(d("https://x.example/story/12345/67/89"), None);
        assert_eq!(d("https://x.example/a?d=2024/03/05"), None);
        let html = r#"<html><head><link rel="canonical" href="https://x.example/2021/1/9/a"></head></html>"#;
        let m = read(&Document::from(html)).fields;
        let date = m.date.unwrap();
        assert_eq!(
            (date.value.to_string().as_str(), date.via.as_str()),
            ("2021-01-09", "url-path")
        );
    }

    #[test]
    fn opengraph_and_meta_tags() {
        let html = r#"<html><head><title>Page | Site</title>
          <meta property="og:site_name" content="The Site"><meta property="og:title" content="OG title">
          <meta property="article:published_time" content="2025-09-17T10:00:00Z">
          <meta name="author" content="By Ann Writer"><link rel="canonical" href="https://site.test/a">
          <meta property="og:locale" content="en_IN">
          <script type="application/ld+json">{ not json</script></head></html>"#;
        let m = read(&Document::from(html)).fields;
        assert_eq!(m.title.unwrap().via, "og:title");
        assert_eq!(m.outlet.unwrap().value, "The Site");
        let d = m.date.unwrap();
        assert_eq!(
            (d.value.to_string(), d.via.as_str()),
            ("2025-09-17".into(), "meta:article:published_time")
        );
        assert_eq!(m.author.unwrap().value, "Ann Writer");
        assert_eq!(m.url.unwrap().via, "link:canonical");
        assert_eq!(m.language.unwrap().value, "en-IN");
    }
}
