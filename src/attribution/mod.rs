//! The attribution parser: who does an article say its information came from?
//!
//! For each article, find every attribution — its **cue** ("said", "according
//! to", a colon), its **source** mention ("it", "the report", "IANS") and its
//! **content** — and resolve the source to the entity it means (see
//! [`crate::entities`]). The output contract is documented in `docs/formats.md`.
//!
//! The parser is rule-based: [`tokens`] tokenises each story paragraph
//! (boilerplate is skipped), [`quotes`] pairs quotation marks across
//! sentences and paragraphs, [`rules`] expands each cue from the data-driven
//! [`lexicon`] into source and content spans, [`model`] (a learned cue
//! detector) drops rule cues it finds implausible and adds the cues the rules
//! missed (expanded by [`expand`]), and [`resolve`] maps sources to
//! entities. [`extract_corpus`] runs articles in parallel and merges entities
//! across the corpus with [`crate::entities::Registry`].

pub mod expand;
pub mod lead;
pub mod lexicon;
pub mod model;
pub mod quotes;
pub mod reported;
pub mod resolve;
pub mod rules;
pub mod tokens;

use std::collections::HashMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::entities::{Entity, EntityRef, Registry};
use crate::span::{Range, Span};
use crate::text::segment;

/// How the content is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteKind {
    /// The content is a verbatim quotation.
    Direct,
    /// Reported speech without quotation marks.
    Indirect,
    /// Reported speech with quoted fragments.
    Mixed,
}

/// Which attributions to find.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// Reported information — speech, writing, documents, hedges — found by
    /// the rules and checked by the cue model (the default).
    #[default]
    Reported,
    /// Also the stances, beliefs, plans and perceptions the cue model finds
    /// ("wants", "is expected to", "seemed"): PolNeAR's wider notion of
    /// attribution, for media research. Noisier on text unlike its training data.
    Broad,
}

/// How an attribution was found.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// A construction rule (and, for lexicon cues, the cue model agreed).
    #[default]
    Rules,
    /// The learned cue model alone ([`Scope::Broad`]).
    Model,
}

/// One attribution relation in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The article id.
    pub article: String,
    /// The cue: "said", "according to", "told Reuters", a colon.
    pub cue: Span,
    /// The source mention where the attribution is made ("it"), if any.
    pub source: Option<Span>,
    /// The content attributed (one or more spans, e.g. a quote split by its cue).
    pub content: Vec<Span>,
    /// Direct, indirect or mixed.
    pub quote: QuoteKind,
    /// What the source resolves to, when it can be identified.
    pub entity: Option<EntityRef>,
    /// Further entities when the source names several ("Jeb Bush and Chris
    /// Christie": `entity` is Jeb Bush, `also` holds Chris Christie); the
    /// graph draws one citation edge per entity, each with this evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<EntityRef>,
    /// True when the source cannot be identified ("sources said", "reportedly").
    pub vague: bool,
    /// How it was found: by the rules, or by the learned cue model alone.
    #[serde(default)]
    pub basis: Basis,
}

/// The channel an attribution was made through: the outlet told ("X told
/// Reuters") or the outlet that quoted the source ("OUTLET quoted X as saying").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    /// The channel mention.
    pub span: Span,
    /// Its entity, when the gazetteer knows the outlet.
    pub entity: Option<EntityRef>,
}

/// An article's attributions with the entity records they resolved to.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Attributions in text order.
    pub attributions: Vec<Attribution>,
    /// For each attribution (same index), its channel if any.
    pub channels: Vec<Option<Channel>>,
    /// Entities the sources resolved to (and the publishers of reports).
    pub entities: Vec<Entity>,
}

/// True when paragraph `n` at `range` is the headline: the reader marks
/// short heading lines as boilerplate, but a headline can carry an
/// attribution ("Report: …", "Smith: …").
fn is_title(article: &Article, n: usize, range: Range) -> bool {
    let only_headings = article
        .boilerplate
        .iter()
        .filter(|b| b.span.start < range.end && range.start < b.span.end)
        .all(|b| b.kind == crate::article::BoilerplateKind::Heading);
    let title = article
        .meta
        .title
        .as_ref()
        .and_then(|t| t.evidence.as_ref())
        .is_some_and(|ev| ev.start < range.end && range.start < ev.end);
    only_headings && (n == 0 || title)
}

/// Most tokens the rules see as one sentence. Every rule scans at most one
/// sentence from its cue (content runs to the sentence end), so this bound
/// makes the work and the content span of each cue bounded, and the whole
/// parse linear in the article's length, whatever its punctuation. Real news
/// sentences stay below it (PolNeAR's longest has about 200 tokens); a
/// longer one is read in windows, cut after a comma, semicolon or colon
/// where there is one. See `docs/robustness.md`.
pub const MAX_SENTENCE_TOKENS: usize = 256;

/// Pushes the sentence of tokens `[a, b)` onto `sents`, in windows of at
/// most [`MAX_SENTENCE_TOKENS`] tokens.
fn push_window(toks: &[tokens::Tok], mut a: usize, b: usize, sents: &mut Vec<(usize, usize)>) {
    while b - a > MAX_SENTENCE_TOKENS {
        let limit = a + MAX_SENTENCE_TOKENS;
        let half = a + MAX_SENTENCE_TOKENS / 2;
        let cut = (half..limit)
            .rev()
            .find(|&i| matches!(toks[i].kind, tokens::Kind::Punct(',' | ';' | ':')))
            .map_or(limit, |i| i + 1);
        sents.push((a, cut));
        a = cut;
    }
    if a < b {
        sents.push((a, b));
    }
}

/// Prepares the article for the rules: story paragraphs, tokens, sentences, quotations.
fn prepare(article: &Article) -> rules::Doc<'_> {
    let text = &article.text;
    let mut paras = Vec::new();
    // Sentence byte ranges of the current paragraph, reused across paragraphs.
    let mut sentences = Vec::new();
    for (n, para) in segment::paragraphs_of(text.as_str())
        .into_iter()
        .enumerate()
    {
        let range = para.range;
        if article.is_boilerplate(range) && !is_title(article, n, range) {
            continue;
        }
        let start = lead::story_start(article, range);
        let b0 = if start == range.start {
            para.byte_start
        } else {
            text.byte_of(start)
        };
        let b1 = para.byte_end;
        let toks = tokens::tokenize(text.as_str(), b0, b1, start);
        sentences.clear();
        let body = text.as_str().get(para.byte_start..b1).unwrap_or("");
        segment::sentence_bytes(body, &mut sentences);
        // Sentences and tokens are both in text order: one merge maps each
        // sentence (a byte range of the paragraph) to its token range.
        let mut sents = Vec::with_capacity(sentences.len());
        let mut a = 0;
        for &(start, end) in &sentences {
            let (start, end) = (para.byte_start + start, para.byte_start + end);
            while a < toks.len() && toks[a].b0 < start {
                a += 1;
            }
            let mut b = a;
            while b < toks.len() && toks[b].b0 < end {
                b += 1;
            }
            push_window(&toks, a, b, &mut sents);
            a = b;
        }
        let n = toks.len();
        paras.push(rules::Para {
            index: paras.len(),
            toks,
            sents,
            quoted: vec![false; n],
        });
    }
    let refs: Vec<&[tokens::Tok]> = paras.iter().map(|p| p.toks.as_slice()).collect();
    let quotes = quotes::pair(&refs);
    let mut by_open = HashMap::new();
    let mut by_close = HashMap::new();
    for (qi, q) in quotes.iter().enumerate() {
        by_open.insert(q.open, qi);
        by_close.insert(q.close, qi);
        for p in q.open.0..=q.close.0 {
            let Some(para) = paras.get_mut(p) else {
                continue;
            };
            let from = if p == q.open.0 { q.open.1 + 1 } else { 0 };
            let to = if p == q.close.0 {
                q.close.1
            } else {
                para.quoted.len()
            };
            for flag in para.quoted.iter_mut().take(to).skip(from) {
                *flag = true;
            }
        }
    }
    rules::Doc {
        text: text.as_str(),
        paras,
        quotes,
        by_open,
        by_close,
    }
}

/// Finds and resolves every attribution of reported information in
/// `article`, with entity records, using the rules checked by the bundled
/// cue model.
pub fn analyze(article: &Article) -> Analysis {
    analyze_with(article, model::CueModel::bundled(), Scope::Reported)
}

/// Like [`analyze`] with a given cue model (or the rules alone: `None`) and scope.
pub fn analyze_with(
    article: &Article,
    cue_model: Option<&model::CueModel>,
    scope: Scope,
) -> Analysis {
    let doc = prepare(article);
    let found = rules::find(&doc);
    let (found, bases): (Vec<rules::Found>, Vec<Basis>) = match cue_model {
        Some(m) => model::refine(&doc, found, m, scope).into_iter().unzip(),
        None => found.into_iter().map(|f| (f, Basis::Rules)).unzip(),
    };
    let (resolved, entities) = resolve::resolve(&doc, &article.text, &found);
    let span = |r: Range| article.span(r);
    let mut attributions = Vec::with_capacity(found.len());
    let mut channels = Vec::with_capacity(found.len());
    for ((f, r), basis) in found.iter().zip(resolved).zip(bases) {
        attributions.push(Attribution {
            article: article.id.clone(),
            cue: span(f.cue),
            source: f.source.map(span),
            content: f.content.iter().copied().map(span).collect(),
            quote: f.quote,
            entity: r.entity,
            also: r.also,
            vague: r.vague,
            basis,
        });
        channels.push(f.channel.map(|c| Channel {
            span: span(c),
            entity: r.channel,
        }));
    }
    let mut entities = entities;
    // "A Times/CBS News poll" in an article of The New York Times.
    if let Some(own) = article
        .meta
        .outlet
        .as_ref()
        .and_then(|f| crate::entities::gazetteer::gazetteer().outlet_of(&f.value))
    {
        let renamed = crate::entities::gazetteer::expand_own_reports(&mut entities, own);
        for a in &mut attributions {
            for e in a.entity.iter_mut().chain(a.also.iter_mut()) {
                if let Some((_, new)) = renamed.iter().find(|(old, _)| *old == e.id) {
                    e.clone_from(new);
                }
            }
        }
    }
    Analysis {
        attributions,
        channels,
        entities,
    }
}

/// Finds and resolves every attribution in `article`, in text order.
///
/// Entity ids are the article-level ones; use [`extract_corpus`] for ids
/// merged across a corpus.
pub fn extract(article: &Article) -> Vec<Attribution> {
    analyze(article).attributions
}

/// Extracts attributions from every article (in parallel), builds the
/// corpus [`Registry`], and rewrites every entity to its canonical id.
///
/// The one shape attributions travel in: `result[i]` holds the attributions
/// of `articles[i]`, in text order.
pub fn extract_corpus(articles: &[Article]) -> (Vec<Vec<Attribution>>, Registry) {
    let (attributions, _, registry) = extract_corpus_in(articles, Scope::Reported);
    (attributions, registry)
}

/// One list per article: `lists[i]` belongs to `articles[i]`.
pub type PerArticle<T> = Vec<Vec<T>>;

/// Like [`extract_corpus`] in the given scope, also returning each
/// attribution's channel (`channels[i][k]` belongs to `attributions[i][k]`).
pub fn extract_corpus_in(
    articles: &[Article],
    scope: Scope,
) -> (
    PerArticle<Attribution>,
    PerArticle<Option<Channel>>,
    Registry,
) {
    let model = model::CueModel::bundled();
    let analyses: Vec<Analysis> = articles
        .par_iter()
        .map(|a| analyze_with(a, model, scope))
        .collect();
    let mut attributions = Vec::with_capacity(analyses.len());
    let mut channels = Vec::with_capacity(analyses.len());
    let mut records = Vec::new();
    for a in analyses {
        attributions.push(a.attributions);
        channels.push(a.channels);
        records.extend(a.entities);
    }
    let registry = Registry::build(records);
    for a in attributions.iter_mut().flatten() {
        if let Some(e) = &a.entity {
            a.entity = Some(registry.canonical_ref(e));
        }
        for e in &mut a.also {
            *e = registry.canonical_ref(e);
        }
    }
    for c in channels.iter_mut().flatten().flatten() {
        if let Some(e) = &c.entity {
            c.entity = Some(registry.canonical_ref(e));
        }
    }
    (attributions, channels, registry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn article(text: &str) -> Article {
        Article::new("t", "t", text.to_string())
    }

    /// Every span lies inside the text, on character boundaries, and its
    /// text is the text at its offsets.
    fn check_spans(a: &Article, got: &[Attribution]) {
        let chars = a.text.char_len();
        for at in got {
            let mut spans = vec![&at.cue];
            spans.extend(at.source.iter());
            spans.extend(at.content.iter());
            for s in spans {
                assert!(s.start <= s.end && s.end <= chars, "{s:?}");
                assert_eq!(a.text.span(Range::new(s.start, s.end)).text, s.text);
            }
        }
    }

    fn run(text: &str) -> Vec<Attribution> {
        let a = article(text);
        let got = extract(&a);
        check_spans(&a, &got);
        got
    }

    #[test]
    fn constructions() {
        let got = run(
            "“It is genuine,” the report said. Officials, it said, were warned.\n\
             According to Reuters, the talks failed. The talks failed, according to Reuters.\n\
             Smith told Reuters that the deal was off. The minister reportedly resigned.\n\
             The paper quoted an aide as saying that talks would resume. One militant warned: “We are united.”",
        );
        let cues: Vec<&str> = got.iter().map(|a| a.cue.text.as_str()).collect();
        assert!(cues.contains(&"said"), "{cues:?}");
        assert!(cues.contains(&"According to"));
        assert!(cues.contains(&"according to"));
        assert!(cues.contains(&"told Reuters"));
        assert!(cues.contains(&"reportedly"));
        assert!(cues.contains(&"quoted"));
        assert!(cues.contains(&"warned"));
        let told = got
            .iter()
            .find(|a| a.cue.text == "told Reuters")
            .expect("told");
        assert_eq!(told.source.as_ref().map(|s| s.text.as_str()), Some("Smith"));
        let reuters = got
            .iter()
            .find(|a| a.cue.text == "According to")
            .expect("acc");
        assert_eq!(
            reuters.entity.as_ref().map(|e| e.id.as_str()),
            Some("outlet:reuters")
        );
        let quoted = got.iter().find(|a| a.cue.text == "quoted").expect("quoted");
        assert_eq!(
            quoted.source.as_ref().map(|s| s.text.as_str()),
            Some("an aide")
        );
        let hedge = got
            .iter()
            .find(|a| a.cue.text == "reportedly")
            .expect("hedge");
        assert!(hedge.vague && hedge.source.is_none());
    }

    /// The cue, source and first content piece of the attribution whose cue is `cue`.
    fn by_cue<'a>(got: &'a [Attribution], cue: &str) -> (&'a str, &'a str) {
        let a = got
            .iter()
            .find(|a| a.cue.text == cue)
            .unwrap_or_else(|| panic!("no cue {cue:?} in {got:?}"));
        (
            a.source.as_ref().map_or("", |s| s.text.as_str()),
            a.content.first().map_or("", |c| c.text.as_str()),
        )
    }

    #[test]
    fn appositions_coordination_participles_and_questions() {
        let got = run(
            "Sanders, a senator from Vermont, said economic stagnation is the source.\n\n\
             Graham called Trump “crazy” and said the party is bound to lose.\n\n\
             Clinton posted a comment of her own, saying, “We are so excited.”\n\n\
             There are people who say the senator lacks experience.\n\n\
             Trump said during the debate that he favours waterboarding.\n\n\
             Asked whether Clinton is honest, he shrugged.\n\n\
             Sen. Bernie Sanders (I-Vt.) claimed he will release his records.\n\n\
             Warren: Trump is a failure in business.",
        );
        assert_eq!(
            by_cue(&got, "said").0,
            "Sanders",
            "apposition skipped: {got:?}"
        );
        let and_said = got
            .iter()
            .find(|a| a.cue.text == "said" && a.content[0].text.starts_with("the party"))
            .expect("and said");
        assert_eq!(
            and_said.source.as_ref().map(|s| s.text.as_str()),
            Some("Graham")
        );
        assert_eq!(by_cue(&got, "saying"), ("Clinton", "“We are so excited.”"));
        // PolNeAR's convention: the relative pronoun is the source mention.
        assert_eq!(by_cue(&got, "say").0, "who");
        assert!(
            got.iter()
                .any(|a| a.content[0].text == "that he favours waterboarding")
        );
        // Who asked goes unnamed (PolNeAR gives such questions no source).
        assert_eq!(by_cue(&got, "Asked"), ("", "whether Clinton is honest"));
        assert_eq!(by_cue(&got, "claimed").0, "Sen. Bernie Sanders (I-Vt.)");
        assert_eq!(
            by_cue(&got, ":"),
            ("Warren", "Trump is a failure in business")
        );
    }

    #[test]
    fn plural_and_numeric_subjects_documents_and_dashes() {
        let got = run("Six in 10 say he is decisive.\n\n\
             The reports show Conservative Solutions PAC raised money.\n\n\
             Smith — a lawyer in Illinois — told The Huffington Post he will not appeal.\n\n\
             Trump landed in hot water by saying that the judge was biased.\n\n\
             Reporter Jomana Karadsheh says:\n\n\
             “Well Anderson, we are here now.”");
        assert_eq!(by_cue(&got, "say").1, "he is decisive");
        assert_eq!(by_cue(&got, "show").0, "The reports");
        assert_eq!(by_cue(&got, "told").0, "Smith");
        assert_eq!(by_cue(&got, "saying").0, "Trump");
        assert_eq!(
            by_cue(&got, "says"),
            (
                "Reporter Jomana Karadsheh",
                "“Well Anderson, we are here now.”"
            )
        );
    }

    #[test]
    fn relative_pronouns_adverbs_and_long_appositions() {
        let got = run(
            "Charles Barkley, who said he typically votes Democratic, likes Kasich.\n\n\
             The American Legion has twice complained to Sanders officials about the emblem.\n\n\
             Police had last month charged Corey Lewandowski with battery.\n\n\
             Morton Blackwell, the conservative icon who founded the Leadership Institute, has endorsed Sen. Ted Cruz for president.\n\n\
             Cruz also lacks support from his colleagues in Congress, said Larry Sabato, director of the Center for Politics.",
        );
        let who = got
            .iter()
            .find(|a| a.cue.text == "said" && a.source.as_ref().is_some_and(|s| s.text == "who"));
        let who = who.unwrap_or_else(|| panic!("no 'who said' in {got:?}"));
        assert_eq!(
            who.entity.as_ref().map(|e| e.name.as_str()),
            Some("Charles Barkley"),
            "the pronoun resolves through its antecedent"
        );
        assert_eq!(by_cue(&got, "complained").0, "The American Legion");
        assert_eq!(by_cue(&got, "charged").0, "Police");
        assert_eq!(
            by_cue(&got, "endorsed"),
            ("Morton Blackwell", "Sen. Ted Cruz for president")
        );
        let sabato = got
            .iter()
            .find(|a| a.source.as_ref().is_some_and(|s| s.text == "Larry Sabato"));
        assert!(sabato.is_some(), "inverted subject after a clause: {got:?}");
    }

    #[test]
    fn content_after_the_cue_beats_an_earlier_quotation() {
        let got = run(
            "He called the season “soft.” He says referees are constantly throwing flags.\n\n\
             Sunday on Fox News Channel’s “Sunday Morning Futures,” Rep. Darrell Issa said Clinton’s judgment is in question.\n\n\
             Trump said things “should be wrapped up by Cleveland,” referring to the party’s July convention.",
        );
        assert_eq!(
            by_cue(&got, "says"),
            ("He", "referees are constantly throwing flags")
        );
        assert_eq!(
            by_cue(&got, "said"),
            ("Rep. Darrell Issa", "Clinton’s judgment is in question")
        );
        assert_eq!(
            by_cue(&got, "referring").1,
            "to the party’s July convention"
        );
    }

    #[test]
    fn passives_citing_and_fronted_participles() {
        let got = run(
            "The plan was ultimately approved last year, but officials balked.\n\n\
             Clinton’s position was supported Friday by Sen. Dianne Feinstein of California.\n\n\
             “It is a reflection of frustration,” McCain said, citing low economic growth and inequality.\n\n\
             After saying he was nervous to ask a question, the man hugged Kasich.\n\n\
             Hours later, Trump returned the compliment, telling Reuters he is a friend.",
        );
        let approved = got
            .iter()
            .find(|a| a.cue.text == "approved")
            .expect("approved");
        assert!(approved.source.is_none(), "{approved:?}");
        assert_eq!(approved.content[0].text, "The plan");
        assert_eq!(
            by_cue(&got, "supported"),
            ("Sen. Dianne Feinstein of California", "Clinton’s position")
        );
        assert_eq!(
            by_cue(&got, "citing"),
            ("McCain", "low economic growth and inequality")
        );
        assert_eq!(
            by_cue(&got, "saying"),
            ("the man", "he was nervous to ask a question")
        );
        assert_eq!(by_cue(&got, "telling").0, "Trump");
    }

    #[test]
    fn inverted_subjects_and_commas_inside_appositions() {
        let got = run(
            "“It’s Bernie’s to lose at this point,” said one New Hampshire Democrat.\n\n\
             “It is unusual,” said pollster Frank Luntz.\n\n\
             Marley Anderson, 21, a junior from Las Vegas, said she turned out to support Sanders.\n\n\
             Even as the race moves to New York, a state she hoped to carry, the race will be tight, said Dan Gerstein, director of Gotham Ghostwriters.",
        );
        let sources: Vec<&str> = got
            .iter()
            .filter_map(|a| a.source.as_ref().map(|s| s.text.as_str()))
            .collect();
        for want in [
            "one New Hampshire Democrat",
            "pollster Frank Luntz",
            "Marley Anderson",
            "Dan Gerstein",
        ] {
            assert!(sources.contains(&want), "{want:?} not in {sources:?}");
        }
    }

    #[test]
    fn long_subjects_and_opening_adverbials() {
        let got = run(
            "A redacted copy of the 2013 FDIC inspector general’s memo seen by Reuters said investigators could not tell which files were taken.\n\n\
             In an attempt to make its point, the Daily News focuses on how many people the attackers were able to kill.",
        );
        assert_eq!(
            by_cue(&got, "said").0,
            "A redacted copy of the 2013 FDIC inspector general’s memo seen by Reuters"
        );
        assert_eq!(
            by_cue(&got, "focuses"),
            (
                "the Daily News",
                "how many people the attackers were able to kill"
            )
        );
    }

    #[test]
    fn labels_and_tallies_are_not_speakers() {
        let got = run(
            "The Latest: Cruz gives away a shotgun.\n\nClinton: 547.\n\nUpdate: the vote is over.",
        );
        assert!(got.iter().all(|a| a.cue.text != ":"), "{got:?}");
        let got =
            run("Another eight states have split control. In those states voters stayed home.");
        assert!(got.is_empty(), "{got:?}");
        let got =
            run("Sanders had said “We’ll see” when asked whether he would fundraise for them.");
        assert_eq!(
            by_cue(&got, "asked").1,
            "whether he would fundraise for them"
        );
    }

    #[test]
    fn quotes_continue_across_paragraphs() {
        let got = run("“First paragraph of the quote.\n\n“Second paragraph,” the report noted.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].quote, QuoteKind::Direct);
        assert_eq!(got[0].content.len(), 2);
        assert_eq!(got[0].content[0].text, "“First paragraph of the quote.");
    }

    #[test]
    fn the_cue_model_keeps_constructions_and_broadens_on_request() {
        let text = "Senator Jane Smith wants to cut taxes for the middle class.\n\n\
                    “We will win,” said Senator Tom Jones.\n\n\
                    Taxes will rise, according to the budget office.";
        let a = article(text);
        let reported = analyze(&a).attributions;
        check_spans(&a, &reported);
        let cues: Vec<&str> = reported.iter().map(|x| x.cue.text.as_str()).collect();
        assert!(
            cues.contains(&"said") && cues.contains(&"according to"),
            "{cues:?}"
        );
        assert!(!cues.contains(&"wants"));
        let broad = analyze_with(&a, model::CueModel::bundled(), Scope::Broad).attributions;
        check_spans(&a, &broad);
        let wants = broad.iter().find(|x| x.cue.text == "wants").expect("wants");
        assert_eq!(wants.basis, Basis::Model);
        assert_eq!(
            wants.source.as_ref().map(|s| s.text.as_str()),
            Some("Senator Jane Smith")
        );
        let rules_alone = analyze_with(&a, None, Scope::Broad).attributions;
        assert!(rules_alone.iter().all(|x| x.basis == Basis::Rules));
    }

    #[test]
    fn he_is_a_single_name_met_before_and_descriptions_need_a_role() {
        let got = run("Zaheer told supporters that Hamas is strong.\n\n\
             He said the talks had failed.\n\n\
             The international community says the talks failed.\n\n\
             Senator Jane Smith said the vote was close. The senator said it was over.");
        let entity = |cue: &str, source: &str| {
            got.iter()
                .find(|a| a.cue.text == cue && a.source.as_ref().is_some_and(|s| s.text == source))
                .and_then(|a| a.entity.as_ref().map(|e| e.id.clone()))
        };
        assert_eq!(
            entity("said", "He").as_deref(),
            Some("entity:zaheer"),
            "{got:?}"
        );
        assert_eq!(entity("says", "The international community"), None);
        assert_eq!(
            entity("said", "The senator").as_deref(),
            Some("person:jane-smith")
        );
    }

    #[test]
    fn source_spans_are_the_speaker() {
        let got = run(
            "Last month, when I asked the senator if he would run, he looked into the camera, furrowed his brow and said, “I will.”\n\n\
             It was the kind of tone he said he wanted.\n\n\
             In Ohio, 42% of Ohioans say they do not know him.\n\n\
             Carson concluded by admonishing journalists who cannot put their ideology aside.\n\n\
             One operative inside Trump Tower tried to downplay the comments, saying they were not a big deal.\n\n\
             Trump is discrediting an earlier report from Bloomberg saying his campaign invited a boxer.\n\n\
             A national poll released Sunday by The Washington Post and ABC News shows Trump ahead.\n\n\
             But the report on Wednesday for the first time cited a 2013 memo.",
        );
        let source = |cue: &str, content: &str| {
            got.iter()
                .find(|a| a.cue.text == cue && a.content.iter().any(|c| c.text.contains(content)))
                .and_then(|a| a.source.as_ref().map(|s| s.text.clone()))
                .unwrap_or_else(|| panic!("no {cue:?} with {content:?} in {got:?}"))
        };
        assert_eq!(
            source("said", "I will"),
            "he",
            "coordinated verb of the clause after the comma"
        );
        assert_eq!(source("said", "he wanted"), "he");
        assert_eq!(source("say", "do not know"), "42% of Ohioans");
        assert_eq!(
            source("saying", "big deal"),
            "One operative inside Trump Tower"
        );
        assert_eq!(
            source("saying", "invited"),
            "an earlier report from Bloomberg"
        );
        assert_eq!(
            source("shows", "Trump ahead"),
            "A national poll released Sunday by The Washington Post and ABC News"
        );
        assert_eq!(source("cited", "memo"), "the report");
        let concluded = got
            .iter()
            .find(|a| a.cue.text.starts_with("concluded"))
            .expect("concluded");
        assert_eq!(
            concluded.source.as_ref().map(|s| s.text.as_str()),
            Some("Carson")
        );
    }

    #[test]
    fn archive_style_double_apostrophe_quotes() {
        let got = run("''We are not going anywhere,'' Mr. Sanders said on Tuesday.");
        let said = got.iter().find(|a| a.cue.text == "said").expect("said");
        assert_eq!(said.quote, QuoteKind::Direct);
        assert_eq!(said.content[0].text, "''We are not going anywhere,''");
        assert_eq!(
            said.source.as_ref().map(|s| s.text.as_str()),
            Some("Mr. Sanders")
        );
    }

    #[test]
    fn via_and_hat_tip_and_first_reported_by() {
        let got = run(
            "The senator quit on Monday (via CNN).\n\nThe story was first reported by The Guardian.\n\nTariffs will rise, h/t Politico.",
        );
        let cues: Vec<&str> = got.iter().map(|a| a.cue.text.as_str()).collect();
        assert!(cues.contains(&"via"), "{cues:?}");
        assert!(cues.contains(&"reported by"), "{cues:?}");
        assert!(cues.contains(&"h/t"), "{cues:?}");
    }

    /// Counts the bytes each thread holds, so a test can bound the memory
    /// one call needs (tests run in parallel: a process-wide figure would
    /// mix them up). Frees on another thread only lower the count.
    mod counting {
        use std::alloc::{GlobalAlloc, Layout, System};
        use std::cell::Cell;

        thread_local! {
            static LIVE: Cell<usize> = const { Cell::new(0) };
            static PEAK: Cell<usize> = const { Cell::new(0) };
        }

        pub struct Counting;

        fn grow(n: usize) {
            let _ = LIVE.try_with(|live| {
                let v = live.get().saturating_add(n);
                live.set(v);
                let _ = PEAK.try_with(|p| p.set(p.get().max(v)));
            });
        }

        fn shrink(n: usize) {
            let _ = LIVE.try_with(|live| live.set(live.get().saturating_sub(n)));
        }

        // SAFETY: every call is passed to the system allocator unchanged;
        // the counters are const-initialised thread locals that never allocate.
        unsafe impl GlobalAlloc for Counting {
            unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
                let p = unsafe { System.alloc(layout) };
                if !p.is_null() {
                    grow(layout.size());
                }
                p
            }

            unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
                unsafe { System.dealloc(ptr, layout) };
                shrink(layout.size());
            }

            unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
                let p = unsafe { System.realloc(ptr, layout, new_size) };
                if !p.is_null() {
                    shrink(layout.size());
                    grow(new_size);
                }
                p
            }
        }

        /// Runs `f` and returns its result with the most bytes it held at once.
        pub fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
            let base = LIVE.with(Cell::get);
            PEAK.with(|p| p.set(base));
            let out = f();
            (out, PEAK.with(Cell::get).saturating_sub(base))
        }
    }

    #[global_allocator]
    static ALLOCATOR: counting::Counting = counting::Counting;

    /// Runs the parser on `text` and checks the memory it needed at its
    /// peak stays within a constant times the text. Today's peaks are 10–80
    /// times the text (the output spans are copies); before the windows a
    /// 304 KB cue storm needed 2.3 GB, about 7,700 times.
    fn run_within_budget(text: &str) -> Vec<Attribution> {
        let (got, peak) = counting::peak_during(|| run(text));
        assert!(
            peak <= 200 * text.len() + (1 << 20),
            "{} bytes of text needed {peak} bytes",
            text.len()
        );
        got
    }

    #[test]
    fn hostile_text_is_linear_and_safe() {
        let no_punct = "word ".repeat(200_000);
        assert!(run_within_budget(&no_punct).is_empty());
        let cues = "said ".repeat(100_000);
        let _ = run_within_budget(&cues);
        let mixed = "“x” said it, according to “ ‘ ’ ".repeat(20_000);
        let _ = run_within_budget(&mixed);
        let bullets = "“ point one\n“ point two\n” stray\n".repeat(10_000);
        let _ = run_within_budget(&bullets);
        let brackets = format!("{}said that it is so.", ")".repeat(100_000));
        let _ = run_within_budget(&brackets);
        let storm = "officials said that the minister said ".repeat(8_000);
        let _ = run_within_budget(&storm);
        let _ = run("shouldn‘t in the ’90s, the “scare” quotes, Hamas’ men ‘ ’ \" ' «»„");
        let _ = run("");
        let _ = run("\u{feff}é\u{301}\u{200b}”said“");
    }

    /// Characters of output for `text`: every cue, source and content span.
    fn output_chars(text: &str) -> usize {
        extract(&article(text))
            .iter()
            .map(|a| {
                a.cue.text.len()
                    + a.source.as_ref().map_or(0, |s| s.text.len())
                    + a.content.iter().map(|c| c.text.len()).sum::<usize>()
            })
            .sum()
    }

    /// The smaller size of a storm: beyond one window (two sentence limits
    /// of 4,096 bytes), where growth must be linear.
    const STORM_BYTES: usize = 8 * 1024;

    /// Hostile fragments whose repetition once made the output (and the
    /// work) grow with the square of the input.
    const STORMS: &[&str] = &[
        "officials said that the minister said ",
        "“x” said it, according to “ ‘ ’ ",
        "said ",
        "word said the officials according to reports ",
        "“ point one\n“ point two\n” stray\n",
        "he said: “ ",
        "citing ",
        "Smith, who said, ",
    ];

    #[test]
    fn storms_grow_linearly() {
        for storm in STORMS {
            let n = STORM_BYTES / storm.len();
            let small = output_chars(&storm.repeat(n));
            let large = output_chars(&storm.repeat(4 * n));
            // Four times the input: at most about four times the output
            // (a square would be sixteen times).
            assert!(
                large <= small * 5 + 20_000,
                "{storm:?}: {small} → {large} output characters"
            );
            // And the output per input character is bounded by the windows.
            assert!(
                large <= storm.len() * 4 * n * MAX_SENTENCE_TOKENS,
                "{storm:?}: {large}"
            );
        }
    }

    #[test]
    fn long_sentences_are_read_in_bounded_windows() {
        let text = "officials said that the minister said ".repeat(2_000);
        let a = article(&text);
        let doc = prepare(&a);
        let longest = doc
            .paras
            .iter()
            .flat_map(|p| p.sents.iter().map(|&(s, e)| e - s))
            .max()
            .unwrap_or(0);
        assert!(longest <= MAX_SENTENCE_TOKENS, "{longest}");
        for at in extract(&a) {
            for c in &at.content {
                assert!(c.end - c.start <= crate::text::segment::MAX_SENTENCE_BYTES);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

        #[test]
        fn generated_storms_grow_linearly(
            pieces in proptest::collection::vec(0usize..STORMS.len(), 1..4),
            n in 50usize..300,
        ) {
            let unit: String = pieces.iter().map(|&i| STORMS[i]).collect();
            // Linear beyond one window: start at a few windows' worth.
            let n = n.max(STORM_BYTES / unit.len());
            let small = output_chars(&unit.repeat(n));
            let large = output_chars(&unit.repeat(4 * n));
            prop_assert!(large <= small * 5 + 20_000, "{unit:?} x{n}: {small} → {large}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn random_text_never_panics(s in "[a-zA-Z .,;:!?'\"“”‘’«»„()\\n—é0-9]{0,400}") {
            let _ = run(&s);
        }

        #[test]
        fn mutated_news_never_panics(cut in 0usize..2000, insert in "[“”‘’\"'():,.\\n]{0,5}", keep in 0usize..2000) {
            let base = "Washington, Jan 22 (IANS) The threat is genuine, a report said on Thursday.\n\n“This conduct undermines Western efforts,” it added. According to the report, the activities of Naji Zaheer escalated. Additionally, the report said, in an effort to garner support, Khaled Qaddoumi attended rallies. Similar trends, it said, emerged earlier. Indian media outlet News18 reported that the conference sought to equate Gaza with Kashmir. One militant warned: “The mujahideen have become united.”";
            let chars: Vec<char> = base.chars().collect();
            let at = cut % (chars.len() + 1);
            let mut text: String = chars[..at].iter().collect();
            text.push_str(&insert);
            let rest = (at + keep % 40).min(chars.len());
            text.extend(&chars[rest..]);
            let _ = run(&text);
        }
    }
}
