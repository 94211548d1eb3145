//! Whole-article inference on small wire-copy texts.

use super::infer;
use crate::article::{Article, BoilerplateKind, CreditKind, Field, Origin};

fn run(text: &str) -> Article {
    let mut a = Article::new("t", "t.txt", text.to_string());
    infer(&mut a);
    a
}

fn check_spans(a: &Article) {
    let chars: Vec<char> = a.text.as_str().chars().collect();
    let check = |s: &crate::span::Span| {
        let got: String = chars[s.start..s.end].iter().collect();
        assert_eq!(got, s.text);
    };
    for b in &a.boilerplate {
        check(&b.span);
    }
    for c in &a.meta.credits {
        check(&c.evidence);
    }
    let m = &a.meta;
    for f in [
        &m.title,
        &m.outlet,
        &m.author,
        &m.affiliation,
        &m.place,
        &m.url,
        &m.language,
    ]
    .into_iter()
    .flatten()
    {
        if let Some(e) = &f.evidence {
            check(e);
        }
    }
    for f in [&m.date, &m.date_floor].into_iter().flatten() {
        if let Some(e) = &f.evidence {
            check(e);
        }
    }
}

#[test]
fn wire_copy_with_dateline_floor_and_tail() {
    let a = run(
        "Washington, Jan 27 (IANS) As the world focuses on Gaza, a “report” said.\n\
         “On January 15, 2026, the board was established. On January 18, Trump invited him,” it added.\n\
         Similar trends emerged earlier in 2025, such as the February 5 conference.\n\
         –IANS\nscor/as\n",
    );
    check_spans(&a);
    assert_eq!(a.outlet(), Some("IANS"));
    assert_eq!(a.date().unwrap().to_string(), "2026-01-27");
    let date = a.meta.date.as_ref().unwrap();
    assert_eq!(date.origin, Origin::Inferred);
    assert_eq!(date.via, "dateline+date-floor");
    assert_eq!(
        a.meta.date_floor.as_ref().unwrap().value.to_string(),
        "2026-01-18"
    );
    assert_eq!(a.meta.place.as_ref().unwrap().value, "Washington");
    let kinds: Vec<(CreditKind, Option<&str>)> = a
        .meta
        .credits
        .iter()
        .map(|c| (c.kind, c.agency.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        [
            (CreditKind::Dateline, Some("IANS")),
            (CreditKind::Tail, Some("IANS"))
        ]
    );
    assert_eq!(a.boilerplate.len(), 2);
    assert!(
        a.boilerplate
            .iter()
            .all(|b| b.kind == BoilerplateKind::Credit)
    );
}

#[test]
fn given_values_are_never_overridden() {
    let mut a = Article::new(
        "t",
        "t.html",
        "LONDON, March 3, 2025 (AFP) — Britain said so.\nMore text here.".to_string(),
    );
    a.meta.outlet = Some(Field::given("The Guardian".to_string(), "og:site_name"));
    a.meta.date = Some(Field::manifest("2025-03-04".parse().unwrap()));
    infer(&mut a);
    assert_eq!(a.outlet(), Some("The Guardian"));
    assert_eq!(a.date().unwrap().to_string(), "2025-03-04");
    assert_eq!(a.meta.credits[0].agency.as_deref(), Some("AFP"));
}

#[test]
fn dateline_with_its_own_year() {
    let a = run("LONDON, March 3, 2025 (AFP) — Britain said so.\nMore text.");
    assert_eq!(a.date().unwrap().to_string(), "2025-03-03");
    assert_eq!(a.outlet(), Some("AFP"));
}

#[test]
fn unnamed_feed_invents_no_outlet() {
    let a = run(
        " date 2025-09-17 Islamabad, Sep 17 Pakistan poses a risk, a report said.\n\n\
         Disclaimer: This post has been auto-published from an agency feed without any modifications to the text",
    );
    check_spans(&a);
    assert_eq!(a.outlet(), None);
    assert_eq!(a.date().unwrap().to_string(), "2025-09-17");
    assert_eq!(a.meta.date.as_ref().unwrap().via, "date-line");
    assert_eq!(a.meta.credits.len(), 1);
    assert_eq!(a.meta.credits[0].kind, CreditKind::AgencyFeed);
    assert_eq!(a.meta.credits[0].agency, None);
    assert_eq!(a.boilerplate[0].kind, BoilerplateKind::Disclaimer);
}

#[test]
fn no_dateline_no_date() {
    let a = run(
        "Report: Pakistan is the new base\n\nOn 5 February 2025 events were held.\n\nComments are closed.",
    );
    check_spans(&a);
    assert_eq!(a.date(), None);
    assert_eq!(a.outlet(), None);
    assert_eq!(
        a.meta.title.as_ref().unwrap().value,
        "Report: Pakistan is the new base"
    );
    assert!(
        a.boilerplate
            .iter()
            .any(|b| b.kind == BoilerplateKind::Comments)
    );
}

#[test]
fn multibyte_text_keeps_spans_true() {
    let a = run(
        "“Zürich”, Jan 5 (Reuters) — Ünïcödé “text” on 5 février 2025 and January 4, 2026.\n— Reuters",
    );
    check_spans(&a);
}
