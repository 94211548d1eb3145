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

mod never_panics {
    use super::check_spans;
    use crate::article::Article;
    use crate::read::infer::infer;
    use proptest::prelude::*;

    /// Pieces of real wire copy, recombined and mutated by the strategy.
    const PIECES: &[&str] = &[
        "Washington, Jan 22 (IANS) ",
        "NEW DELHI (Reuters) - ",
        "LONDON, March 3, 2025 (AFP) — ",
        " date 2025-09-17 Islamabad, Sep 17 ",
        "On January 15, 2026, the board met. On January 18, Trump spoke.",
        "5 February 2025",
        "Jan. 5, 2026",
        "1st of March 2024",
        "\n–IANS\n",
        "\nscor/as\n",
        "(With inputs from PTI and ANI)",
        "Disclaimer: This post has been auto-published from an agency feed without any modifications",
        "Also read: something",
        "\nComments are closed.\n",
        "Anna Mahjar-Barducci is a Senior Research Fellow at MEMRI.",
        "By Jane Doe, Reuters\n",
        "Report: headline here\n\n",
        "“Zürich” — ’’ …",
        "\u{feff}\u{200b}\u{a0}",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ",
        "\r\n",
        "2019",
        "Sept",
        "(",
        ")",
    ];

    fn article_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => proptest::sample::select(PIECES).prop_map(str::to_string),
            2 => "\\PC{0,20}",
            1 => "[ \n\t.,:;()\\-–—]{0,4}",
            1 => "[0-9]{1,5}",
        ];
        proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn infer_never_panics_and_spans_are_true(text in article_text()) {
            let mut a = Article::new("p", "p.txt", text);
            infer(&mut a);
            check_spans(&a);
            for w in a.boilerplate.windows(2) {
                prop_assert!(w[0].span.start <= w[1].span.start);
            }
        }

        #[test]
        fn html_and_json_readers_never_panic(text in article_text(), markup in "[<>/a-z =\"']{0,40}") {
            let html = format!("<html><body><p>{text}</p>{markup}<article><p>{text}</p></article>");
            if let Ok(mut a) = crate::read::html::parse("h", "h.html", &html) {
                infer(&mut a);
                check_spans(&a);
            }
            let line = serde_json::json!({"text": text, "date": text, "author": [text]}).to_string();
            let (arts, _) = crate::read::json::parse_lines("j", std::path::Path::new("j.jsonl"), &format!("{line}\n{markup}\n{text}"));
            for mut a in arts {
                infer(&mut a);
                check_spans(&a);
            }
        }
    }
}
