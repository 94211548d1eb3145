//! A hand-built [`Analysis`] of the seed corpus for unit tests: the real seed
//! texts, the metadata the reader infers, the attributions and copy pairs the
//! issues describe, every span pointing at the real text.

use crate::analysis::Analysis;
use crate::article::{Article, Credit, CreditKind, Field};
use crate::attribution::{Attribution, QuoteKind};
use crate::entities::{EntityKind, EntityRef};
use crate::read::Corpus;
use crate::reuse::{CopyPair, Passage, Tier};
use crate::span::{Range, Span};

const SEEDS: [(&str, &str); 5] = [
    (
        "000_bbfaf4c79d009b75",
        include_str!("../../examples/memri-hamas-pakistan/000_bbfaf4c79d009b75.txt"),
    ),
    (
        "001_7a5be3d7303584e7",
        include_str!("../../examples/memri-hamas-pakistan/001_7a5be3d7303584e7.txt"),
    ),
    (
        "002_09fa0e9ca044ba63",
        include_str!("../../examples/memri-hamas-pakistan/002_09fa0e9ca044ba63.txt"),
    ),
    (
        "003_42e9713d4d8883b4",
        include_str!("../../examples/memri-hamas-pakistan/003_42e9713d4d8883b4.txt"),
    ),
    (
        "004_ffd583650c503103",
        include_str!("../../examples/memri-hamas-pakistan/004_ffd583650c503103.txt"),
    ),
];

/// The span of the first occurrence of `needle` in `article`.
pub fn span(article: &Article, needle: &str) -> Span {
    let text = article.text.as_str();
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {}", article.id));
    let range = article.text.range_of_bytes(byte, byte + needle.len());
    article.span(Range::new(range.start, range.end))
}

/// The span of the occurrence of `needle` closest to `near`.
fn span_near(article: &Article, needle: &str, near: &Span) -> Span {
    let text = article.text.as_str();
    let best = text
        .match_indices(needle)
        .map(|(byte, _)| article.text.range_of_bytes(byte, byte + needle.len()))
        .min_by_key(|r| r.start.abs_diff(near.start))
        .unwrap_or_else(|| panic!("{needle:?} not in {}", article.id));
    article.span(best)
}

fn date(s: &str) -> Field<crate::article::Date> {
    Field::given(s.parse().expect("date"), "test")
}

fn inferred(article: &Article, value: &str, via: &str, evidence: &str) -> Field<String> {
    Field::inferred(value.to_string(), via, span(article, evidence), 0.9)
}

fn memri() -> EntityRef {
    EntityRef {
        id: "report:memri".into(),
        name: "MEMRI report".into(),
        kind: EntityKind::Report,
    }
}

fn att(article: &Article, cue: &str, source: Option<&str>, content: &str) -> Attribution {
    let cue = span(article, cue);
    Attribution {
        article: article.id.clone(),
        source: source.map(|s| span_near(article, s, &cue)),
        cue,
        content: vec![span(article, content)],
        quote: QuoteKind::Indirect,
        entity: Some(memri()),
        vague: false,
        basis: crate::attribution::Basis::Rules,
        also: Vec::new(),
    }
}

fn pair(
    articles: &[Article],
    origin: usize,
    copy: usize,
    tier: Tier,
    score: f64,
    text: (&str, &str),
    directed: bool,
) -> CopyPair {
    CopyPair {
        origin: articles[origin].id.clone(),
        copy: articles[copy].id.clone(),
        directed,
        tier,
        score,
        passages: vec![Passage {
            origin: span(&articles[origin], text.0),
            copy: span(&articles[copy], text.1),
            similarity: score,
        }],
        evidence: vec!["test pair".into()],
    }
}

/// The seed corpus, analysed as the pipeline is meant to analyse it.
pub fn seeds() -> Analysis {
    let mut articles: Vec<Article> = SEEDS
        .iter()
        .map(|(id, text)| Article::new(*id, format!("{id}.txt"), (*text).to_string()))
        .collect();
    {
        let a = &mut articles[0];
        a.meta.outlet = Some(inferred(a, "IANS", "dateline", "(IANS)"));
        a.meta.date = Some(date("2026-01-22"));
        a.meta.credits.push(Credit {
            kind: CreditKind::Dateline,
            agency: Some("IANS".into()),
            evidence: span(a, "Washington, Jan 22 (IANS)"),
        });
    }
    articles[1].meta.date = Some(date("2025-09-17"));
    {
        let a = &mut articles[2];
        a.meta.outlet = Some(inferred(a, "IANS", "dateline", "(IANS)"));
        a.meta.date = Some(date("2026-01-27"));
    }
    {
        let a = &mut articles[4];
        a.meta.author = Some(inferred(
            a,
            "Anna Mahjar-Barducci",
            "author-bio",
            "Anna Mahjar-Barducci",
        ));
        a.meta.affiliation = Some(inferred(a, "MEMRI", "author-bio", "MEMRI."));
        a.meta.date_floor = Some(Field::inferred(
            "2026-01-15".parse().expect("date"),
            "date-floor",
            span(a, "On January 15, 2026"),
            0.8,
        ));
    }
    let a = &articles;
    let mut vague = Attribution {
        article: a[4].id.clone(),
        cue: span(&a[4], "revealed"),
        source: Some(span(&a[4], "Recent reports")),
        content: vec![span(&a[4], "Zaheer met with Pakistan-based LeT leaders")],
        quote: QuoteKind::Indirect,
        entity: None,
        vague: true,
        basis: crate::attribution::Basis::Rules,
        also: Vec::new(),
    };
    let mut vague2 = vague.clone();
    vague2.cue = span(&a[4], "indicate");
    vague2.source = Some(span(&a[4], "Media reports"));
    let news18 = Attribution {
        article: a[4].id.clone(),
        cue: span(&a[4], "reported"),
        source: Some(span(&a[4], "Indian media outlet News18")),
        content: vec![span(
            &a[4],
            "the conference sought to equate Gaza with Kashmir",
        )],
        quote: QuoteKind::Indirect,
        entity: Some(EntityRef {
            id: "outlet:news18".into(),
            name: "News18".into(),
            kind: EntityKind::Outlet,
        }),
        vague: false,
        basis: crate::attribution::Basis::Rules,
        also: Vec::new(),
    };
    vague.content = vec![span(&a[4], "Zaheer met with Pakistan-based LeT leaders")];
    let attributions = vec![
        vec![
            att(&a[0], "said", Some("a report"), "The threat of Hamas"),
            att(
                &a[0],
                "added",
                Some("it"),
                "This conduct undermines Western efforts",
            ),
        ],
        vec![att(
            &a[1],
            "cited",
            Some("a report"),
            "Pakistan, particularly",
        )],
        vec![att(
            &a[2],
            "detailed",
            Some("the report"),
            "On January 15, 2026",
        )],
        vec![att(
            &a[3],
            "According to",
            Some("this report"),
            "Pakistan is now becoming a safe haven",
        )],
        vec![vague, vague2, news18],
    ];
    let copies = vec![
        pair(
            a,
            4,
            0,
            Tier::NearVerbatim,
            0.82,
            (
                "This conduct directly undermines Western efforts",
                "This conduct undermines Western efforts",
            ),
            true,
        ),
        pair(
            a,
            4,
            2,
            Tier::NearVerbatim,
            0.78,
            (
                "proposals to deploy Pakistani forces to Gaza",
                "proposals to deploy Pakistani troops to Gaza",
            ),
            true,
        ),
        pair(
            a,
            0,
            3,
            Tier::Paraphrase,
            0.56,
            (
                "Pakistan is becoming the next fertile ground for Hamas to reorganise",
                "Pakistan is becoming the next fertile ground for Hamas’s reorganization",
            ),
            true,
        ),
        pair(
            a,
            1,
            0,
            Tier::Verbatim,
            0.31,
            (
                "The report stressed that marking Kashmir Solidarity Day",
                "The report stressed that marking Kashmir Solidarity Day",
            ),
            true,
        ),
        pair(
            a,
            0,
            2,
            Tier::Verbatim,
            0.44,
            ("On January 15, 2026", "On January 15, 2026"),
            false,
        ),
    ];
    Analysis::from_parts(
        Corpus {
            articles,
            errors: Vec::new(),
            warnings: Vec::new(),
        },
        attributions,
        crate::entities::Registry::default(),
        crate::reuse::Reuse {
            copies,
            house: Vec::new(),
            shared_quotes: Vec::new(),
        },
    )
}
