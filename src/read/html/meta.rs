//! Page metadata: meta tags, `<link rel=canonical>`, `<html lang>` and JSON-LD.
//!
//! Sources, first found wins: JSON-LD `NewsArticle`/`Article`/... (top level,
//! in arrays, or in `@graph`, with `@id` references resolved), then OpenGraph
//! and `article:*` properties, then `name=` meta tags and `itemprop`, then
//! the `<title>` element. Every value becomes a [`Field::given`] whose `via`
//! names the tag it came from (`"json-ld:datePublished"`, `"og:site_name"`,
//! `"meta:author"`, `"link:canonical"`, `"html:lang"`).

use std::collections::HashMap;

use scraper::{Html, Selector};
use serde_json::Value;

use crate::article::{Field, Metadata};
use crate::read::dates;

/// What the page says about itself.
#[derive(Debug, Default)]
pub struct PageMeta {
    /// Metadata fields, all [`Field::given`].
    pub fields: Metadata,
    /// JSON-LD `articleBody`, used when the markup yields no text.
    pub article_body: Option<String>,
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
    "ScholarlyArticle",
    "Report",
];

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
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

/// Sets `slot` to a given field when it is still empty.
fn set<T>(slot: &mut Option<Field<T>>, value: Option<T>, via: &str) {
    if slot.is_none() {
        if let Some(v) = value {
            *slot = Some(Field::given(v, via));
        }
    }
}

/// Reads JSON-LD article metadata into `meta`.
fn json_ld(doc: &Html, meta: &mut PageMeta) {
    let scripts = selector(r#"script[type="application/ld+json"]"#);
    let parsed: Vec<Value> = doc
        .select(&scripts)
        .filter_map(|s| serde_json::from_str(&s.text().collect::<String>()).ok())
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
        text("datePublished")
            .as_deref()
            .and_then(dates::parse_value),
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
pub fn read(doc: &Html) -> PageMeta {
    let mut meta = PageMeta::default();
    json_ld(doc, &mut meta);

    // meta tags: property / name / itemprop → content (first value per key).
    let mut tags: HashMap<String, String> = HashMap::new();
    for el in doc.select(&selector("meta")) {
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"))
            .or_else(|| el.attr("http-equiv"));
        let (Some(key), Some(content)) = (key, el.attr("content")) else {
            continue;
        };
        if let Some(c) = clean(content) {
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
            tag(key).as_deref().and_then(dates::parse_value),
            &format!("meta:{key}"),
        );
    }
    let canonical = doc
        .select(&selector(r"link[rel]"))
        .find(|l| {
            l.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|l| l.attr("href"))
        .and_then(clean);
    set(&mut m.url, canonical, "link:canonical");
    set(&mut m.url, tag("og:url"), "og:url");
    let lang = doc.root_element().attr("lang").and_then(clean);
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
    let title = doc
        .select(&selector("title"))
        .next()
        .and_then(|t| clean(&t.text().collect::<String>()));
    set(&mut m.title, title, "title");
    let h1 = doc
        .select(&selector("h1"))
        .next()
        .and_then(|t| clean(&t.text().collect::<String>()));
    set(&mut m.title, h1, "h1");
    meta
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
        let m = read(&Html::parse_document(html)).fields;
        assert_eq!(m.title.as_ref().unwrap().value, "The headline");
        assert_eq!(m.title.as_ref().unwrap().via, "json-ld:headline");
        assert_eq!(m.author.unwrap().value, "Jane Doe, John Roe");
        assert_eq!(m.outlet.unwrap().value, "Example Times");
        assert_eq!(m.date.unwrap().value.to_string(), "2026-01-22");
        assert_eq!(m.url.unwrap().value, "https://x.test/a");
        assert_eq!(m.language.unwrap().value, "en-GB");
    }

    #[test]
    fn opengraph_and_meta_tags() {
        let html = r#"<html><head><title>Page | Site</title>
          <meta property="og:site_name" content="The Site"><meta property="og:title" content="OG title">
          <meta property="article:published_time" content="2025-09-17T10:00:00Z">
          <meta name="author" content="By Ann Writer"><link rel="canonical" href="https://site.test/a">
          <meta property="og:locale" content="en_IN">
          <script type="application/ld+json">{ not json</script></head></html>"#;
        let m = read(&Html::parse_document(html)).fields;
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
