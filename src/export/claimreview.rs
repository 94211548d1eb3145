//! schema.org `ClaimReview` JSON-LD from an origin trace, for a fact-check page.
//!
//! The `itemReviewed` is a `Claim` whose `firstAppearance` is the earliest
//! article carrying the claim and whose `appearance` lists every article of
//! the trace (the earliest, then the spread by date), each a `CreativeWork`
//! with its URL when known (else its id as `identifier`), its outlet as
//! `publisher` and its date. citetrace traces where a claim travelled; it
//! does not rate whether the claim is true, so the review's `author`,
//! `reviewRating` and `url` are left for the fact-checker to add (see
//! `docs/formats.md`).

use serde_json::{Map, Value, json};

use crate::desk::origin::{Carrier, Trace};

/// One appearance as a `CreativeWork`; `url_of` gives an article's URL.
fn appearance(c: &Carrier, url_of: &dyn Fn(&str) -> Option<String>) -> Value {
    let mut work = Map::new();
    work.insert("@type".into(), json!("CreativeWork"));
    match url_of(&c.article) {
        Some(url) => {
            work.insert("url".into(), json!(url));
            work.insert("identifier".into(), json!(c.article));
        }
        None => {
            work.insert("identifier".into(), json!(c.article));
        }
    }
    if let Some(outlet) = &c.outlet {
        work.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": outlet}),
        );
    }
    if let Some(date) = c.date {
        // A date floor only says "not before": it is not a publication date.
        let field = if c.date_is_floor {
            "temporalCoverage"
        } else {
            "datePublished"
        };
        let value = if c.date_is_floor {
            format!("{date}/..")
        } else {
            date.to_string()
        };
        work.insert(field.into(), json!(value));
    }
    Value::Object(work)
}

/// The `ClaimReview` of `trace`: the claim as queried, its first appearance
/// and every appearance. `url_of` gives an article's URL, when known.
pub fn claim_review(trace: &Trace, url_of: &dyn Fn(&str) -> Option<String>) -> Value {
    let mut claim = Map::new();
    claim.insert("@type".into(), json!("Claim"));
    claim.insert("name".into(), json!(trace.query));
    if let Some(first) = &trace.earliest {
        claim.insert("firstAppearance".into(), appearance(first, url_of));
        if let Some(date) = first.date.filter(|_| !first.date_is_floor) {
            claim.insert("datePublished".into(), json!(date.to_string()));
        }
        let all: Vec<Value> = std::iter::once(first)
            .chain(trace.spread.iter().map(|s| &s.carrier))
            .map(|c| appearance(c, url_of))
            .collect();
        claim.insert("appearance".into(), Value::Array(all));
    }
    json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": trace.query,
        "itemReviewed": Value::Object(claim),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn carrier(id: &str, date: &str, floor: bool) -> Carrier {
        Carrier {
            article: id.into(),
            label: id.into(),
            outlet: Some("IANS".into()),
            date: Some(date.parse().unwrap()),
            date_is_floor: floor,
            span: Span {
                start: 0,
                end: 1,
                text: "x".into(),
            },
            score: 1.0,
            coverage: 1.0,
        }
    }

    #[test]
    fn first_appearance_and_every_appearance() {
        let trace = Trace {
            query: "a claim".into(),
            candidates: Vec::new(),
            earliest: Some(carrier("a", "2025-09-01", false)),
            credits: Vec::new(),
            spread: vec![crate::desk::origin::Step {
                carrier: carrier("b", "2025-09-03", true),
                edge: crate::desk::origin::EdgeKind::Copied,
                from: Some("a".into()),
                detail: String::new(),
                similarity_to_from: None,
            }],
        };
        let url = |id: &str| (id == "a").then(|| "https://example.org/a".to_string());
        let v = claim_review(&trace, &url);
        assert_eq!(v["@type"], "ClaimReview");
        let item = &v["itemReviewed"];
        assert_eq!(item["@type"], "Claim");
        assert_eq!(item["firstAppearance"]["url"], "https://example.org/a");
        assert_eq!(item["firstAppearance"]["datePublished"], "2025-09-01");
        assert_eq!(item["appearance"].as_array().unwrap().len(), 2);
        assert_eq!(item["appearance"][1]["identifier"], "b");
        assert_eq!(item["appearance"][1]["temporalCoverage"], "2025-09-03/..");
        assert!(item["appearance"][1].get("datePublished").is_none());
    }
}
