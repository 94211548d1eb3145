//! Stock text learned from the corpus: lines an outlet repeats across its
//! own stories, and lines many articles carry between text they do not share.
//!
//! An editor's note stamped on dozens of one outlet's articles, a promo for
//! the outlet's newsletter, a site footer: none of these is in a per-article
//! pattern list, but each recurs. Recurrence alone is not enough — a story
//! republished three times, or a wire story on twenty sites, also recurs line
//! by line — so a line counts as stock only where it is *dropped in*: it
//! belongs to a short run of recurring lines (at most four lines, under a
//! third of the article's words — or a single line of at most sixty words)
//! among lines of the article's own. A
//! republished or syndicated story recurs as a whole and is never dropped in.
//!
//! - **Outlet stock**: at least [`StockOptions::outlet_articles`] articles of
//!   one (known) outlet, not all of one day, have the line dropped in. It is
//!   marked in those articles.
//! - **Corpus stock**: at least [`StockOptions::corpus_articles`] articles,
//!   whatever their outlets, have it dropped in, and the line has no
//!   quotation marks (a quotation many outlets repeat is a shared quote,
//!   which the reuse stage reports as such).
//!
//! Lines are compared on their folded words (case, quote and dash styles
//! ignored), so "—" and "―" versions of one note are one line. Each mark
//! carries its reason: how many articles, which outlet, over which dates.
//! The pass is one sort over all lines: linear in the corpus, no pairs.

use std::collections::HashMap;

use rayon::prelude::*;

use super::{Line, lines};
use crate::article::{Article, Boilerplate, BoilerplateKind};
use crate::text::normalize::fold_char;

/// Settings for the stock-text pass.
#[derive(Debug, Clone, Copy)]
pub struct StockOptions {
    /// Articles of one outlet that must hold a line between unshared
    /// neighbours for it to be that outlet's stock text.
    pub outlet_articles: usize,
    /// Articles of any outlets that must hold a line between unshared
    /// neighbours for it to be stock text everywhere.
    pub corpus_articles: usize,
    /// Fewest words a line needs to be considered (shorter lines are
    /// headings and labels, which the per-article rules handle).
    pub min_words: usize,
}

impl Default for StockOptions {
    fn default() -> Self {
        StockOptions {
            outlet_articles: 3,
            corpus_articles: 5,
            min_words: 6,
        }
    }
}

/// One line of one article, keyed by its folded words: all the stock pass
/// needs of the line, so a case file can keep it instead of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keyed {
    /// Hash of the folded words; 0 for a line too short to count.
    pub key: u64,
    /// Byte range in the article text.
    pub line: Line,
    /// Number of words.
    pub words: usize,
    /// The line contains a quotation mark.
    pub quoted: bool,
}

/// Bytes per line in [`pack_lines`]: key, start, end, words, quoted.
const PACKED: usize = 8 + 4 + 4 + 4 + 1;

/// Packs keyed lines into a blob (little-endian, [`PACKED`] bytes a line),
/// the form a case file stores them in.
pub fn pack_lines(lines: &[Keyed]) -> Vec<u8> {
    let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes();
    let mut out = Vec::with_capacity(lines.len() * PACKED);
    for k in lines {
        out.extend_from_slice(&k.key.to_le_bytes());
        out.extend_from_slice(&small(k.line.start));
        out.extend_from_slice(&small(k.line.end));
        out.extend_from_slice(&small(k.words));
        out.push(u8::from(k.quoted));
    }
    out
}

/// The keyed lines of a [`pack_lines`] blob (a torn tail is ignored).
pub fn unpack_lines(blob: &[u8]) -> Vec<Keyed> {
    let word = |b: &[u8]| {
        let mut x = [0u8; 4];
        x.copy_from_slice(b);
        u32::from_le_bytes(x) as usize
    };
    blob.chunks_exact(PACKED)
        .map(|c| {
            let mut key = [0u8; 8];
            key.copy_from_slice(&c[..8]);
            Keyed {
                key: u64::from_le_bytes(key),
                line: Line {
                    start: word(&c[8..12]),
                    end: word(&c[12..16]),
                },
                words: word(&c[16..20]),
                quoted: c[20] != 0,
            }
        })
        .collect()
}

/// What the stock pass needs of one article: its keyed lines, its outlet
/// as given (folded for comparison, shown as given) and its date.
#[derive(Debug, Clone, Default)]
pub struct StockInput {
    /// The article's keyed lines ([`keyed_lines`]).
    pub lines: Vec<Keyed>,
    /// The outlet name as the metadata gives it.
    pub outlet: Option<String>,
    /// The publication date.
    pub date: Option<jiff::civil::Date>,
}

impl StockInput {
    /// The stock pass's view of an article.
    pub fn of(article: &Article, options: &StockOptions) -> StockInput {
        StockInput {
            lines: keyed_lines(article, options.min_words),
            outlet: article.outlet().map(str::to_string),
            date: article.date(),
        }
    }
}

/// A stock line learned for one article: the index of the line among its
/// keyed lines, and the reason.
pub type StockMark = (u32, String);

/// A 64-bit finaliser (splitmix64).
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Folds one line's words into a hash, eight bytes at a time.
#[derive(Default)]
struct WordHasher {
    h: u64,
    chunk: u64,
    filled: u32,
    words: usize,
    in_word: bool,
}

impl WordHasher {
    /// Adds one (already folded) byte of a word.
    fn byte(&mut self, b: u8) {
        if !self.in_word {
            self.flush();
            self.words += 1;
            self.h = mix(self.h ^ 0x20);
            self.in_word = true;
        }
        self.chunk = (self.chunk << 8) | u64::from(b);
        self.filled += 1;
        if self.filled == 8 {
            self.flush();
        }
    }

    /// Ends the current word.
    fn gap(&mut self) {
        self.in_word = false;
    }

    fn flush(&mut self) {
        if self.filled > 0 {
            self.h = mix(self.h ^ self.chunk);
            self.chunk = 0;
            self.filled = 0;
        }
    }
}

/// The key of a line: a hash of its words, folded (lower case, ASCII quotes
/// and dashes), punctuation and spacing dropped; 0 when it has fewer than
/// `min_words` words. Also its word count and whether it has quotation marks.
fn line_key(s: &str, min_words: usize) -> (u64, usize, bool) {
    let mut w = WordHasher::default();
    let mut quoted = s.contains("''");
    if s.is_ascii() {
        for &b in s.as_bytes() {
            if b.is_ascii_alphanumeric() {
                w.byte(b.to_ascii_lowercase());
            } else {
                quoted |= b == b'"';
                if !(w.in_word && (b == b'\'' || b == b'-')) {
                    w.gap();
                }
            }
        }
    } else {
        let mut buf = [0u8; 4];
        for c in s.chars() {
            if matches!(c, '"' | '“' | '”' | '«' | '»' | '„') {
                quoted = true;
            }
            let folded = fold_char(c).unwrap_or(c);
            if folded.is_alphanumeric() {
                for l in folded.to_lowercase() {
                    for &b in l.encode_utf8(&mut buf).as_bytes() {
                        w.byte(b);
                    }
                }
            } else if !(w.in_word && (folded == '\'' || folded == '-')) {
                w.gap();
            }
        }
    }
    w.flush();
    let key = if w.words >= min_words { w.h.max(1) } else { 0 };
    (key, w.words, quoted)
}

/// The keyed lines of an article (all its non-empty lines, in order).
pub fn keyed_lines(article: &Article, min_words: usize) -> Vec<Keyed> {
    let text = article.text.as_str();
    lines(text)
        .into_iter()
        .map(|line| {
            let (key, words, quoted) = line_key(line.text(text), min_words);
            Keyed {
                key,
                line,
                words,
                quoted,
            }
        })
        .collect()
}

/// One holder of a recurring line: article and line index.
#[derive(Debug, Clone, Copy)]
struct Holder {
    article: u32,
    line: u32,
}

/// Longest run of recurring lines (in lines) that can be dropped-in stock.
const MAX_RUN_LINES: usize = 4;

/// Longest single recurring line (in words) that is dropped in whatever the
/// length of the article around it.
const MAX_SINGLE_LINE_WORDS: usize = 60;

/// For each line of an article, whether it is *dropped in*: it belongs to a
/// short run of lines that recur elsewhere (at most [`MAX_RUN_LINES`] lines
/// and under a third of the article's words, or one line of at most
/// [`MAX_SINGLE_LINE_WORDS`] words), set among lines of the article's own. A republished or syndicated story recurs as a whole and is
/// never dropped in.
fn dropped_in(keyed: &[Keyed], recurring: &dyn Fn(u64) -> bool) -> Vec<bool> {
    if !keyed.iter().any(|k| recurring(k.key)) {
        return Vec::new();
    }
    let words = |k: &Keyed| k.words;
    let total: usize = keyed.iter().map(words).sum();
    let mut out = vec![false; keyed.len()];
    let mut i = 0;
    while i < keyed.len() {
        if !recurring(keyed[i].key) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < keyed.len() && recurring(keyed[j].key) {
            j += 1;
        }
        let run_words: usize = keyed[i..j].iter().map(words).sum();
        let own_words = total - run_words;
        // A short run among more text of the article's own, or one
        // paragraph-sized line (a footer under a short page).
        let single = j - i == 1 && run_words <= MAX_SINGLE_LINE_WORDS && own_words > 0;
        if j - i <= MAX_RUN_LINES && (own_words >= 2 * run_words || single) {
            out[i..j].iter_mut().for_each(|x| *x = true);
        }
        i = j;
    }
    out
}
/// The outlet name of an article, folded for comparison.
fn outlet_of(a: &StockInput) -> Option<String> {
    a.outlet
        .as_ref()
        .map(|o| o.trim().to_lowercase())
        .filter(|o| !o.is_empty())
}

/// True unless every holder is dated and all on one day: stock text recurs
/// over time, versions of one story on one day are not stock.
fn dates_apart(articles: &[StockInput], holders: &[&Holder]) -> bool {
    let mut dates = holders.iter().map(|h| articles[h.article as usize].date);
    let Some(first) = dates.next() else {
        return false;
    };
    first.is_none() || dates.any(|d| d.is_none() || d != first)
}

/// "2016-02-24 to 2016-09-27" for the dated holders, or "".
fn date_span(articles: &[StockInput], holders: &[&Holder]) -> String {
    let mut dates: Vec<_> = holders
        .iter()
        .filter_map(|h| articles[h.article as usize].date)
        .collect();
    dates.sort_unstable();
    match (dates.first(), dates.last()) {
        (Some(a), Some(b)) if a != b => format!(", {a} to {b}"),
        (Some(a), _) => format!(", {a}"),
        _ => String::new(),
    }
}

/// Finds stock lines across `articles` and marks them as
/// [`BoilerplateKind::Stock`] boilerplate with their reason. Lines already
/// (partly) marked keep their marks. Returns the number of lines marked.
pub fn mark_corpus(articles: &mut [Article], options: &StockOptions) -> usize {
    let inputs: Vec<StockInput> = articles
        .par_iter()
        .map(|a| StockInput::of(a, options))
        .collect();
    let marks = learn(&inputs, options);
    let marked = marks.iter().map(Vec::len).sum();
    articles
        .par_iter_mut()
        .zip(marks)
        .zip(inputs)
        .for_each(|((article, marks), input)| apply(article, &input.lines, &marks));
    marked
}

/// The stock lines of each article of `articles` (in corpus order), learned
/// from them all: the pass [`mark_corpus`] makes, on what a case file keeps
/// of each article. Each article's marks are sorted by line.
pub fn learn(articles: &[StockInput], options: &StockOptions) -> Vec<Vec<StockMark>> {
    let keyed: Vec<&[Keyed]> = articles.iter().map(|a| a.lines.as_slice()).collect();
    let mut holders: Vec<(u64, Holder)> = keyed
        .iter()
        .enumerate()
        .flat_map(|(ai, ls)| {
            ls.iter()
                .enumerate()
                .filter(|(_, k)| k.key != 0)
                .map(move |(li, k)| {
                    (
                        k.key,
                        Holder {
                            article: ai as u32,
                            line: li as u32,
                        },
                    )
                })
        })
        .collect();
    holders.par_sort_unstable_by_key(|(k, h)| (*k, h.article, h.line));
    let need = options.outlet_articles.min(options.corpus_articles).max(2);
    // Groups of holders (one per article) of the lines that recur enough.
    let mut groups: Vec<(u64, Vec<Holder>)> = Vec::new();
    let mut i = 0;
    while i < holders.len() {
        let key = holders[i].0;
        let mut j = i + 1;
        while j < holders.len() && holders[j].0 == key {
            j += 1;
        }
        let mut group: Vec<Holder> = holders[i..j].iter().map(|(_, h)| *h).collect();
        i = j;
        group.dedup_by_key(|h| h.article);
        if group.len() >= need {
            groups.push((key, group));
        }
    }
    drop(holders);
    let recurring: std::collections::HashSet<u64> = groups.iter().map(|(k, _)| *k).collect();
    let is_recurring = |k: u64| k != 0 && recurring.contains(&k);
    let dropped: Vec<Vec<bool>> = keyed
        .par_iter()
        .map(|ks| dropped_in(ks, &is_recurring))
        .collect();
    let outlets: Vec<Option<String>> = articles.iter().map(outlet_of).collect();
    // (article, line index, reason)
    let mut found: Vec<(u32, u32, String)> = Vec::new();
    for (_, group) in &groups {
        let alone: Vec<&Holder> = group
            .iter()
            .filter(|h| {
                dropped[h.article as usize]
                    .get(h.line as usize)
                    .copied()
                    .unwrap_or(false)
            })
            .collect();
        let quoted = group
            .iter()
            .any(|h| keyed[h.article as usize][h.line as usize].quoted);
        if alone.len() >= options.corpus_articles && !quoted {
            let mut names: Vec<&str> = alone
                .iter()
                .filter_map(|h| outlets[h.article as usize].as_deref())
                .collect();
            names.sort_unstable();
            names.dedup();
            let reason = format!(
                "stock: the same line is dropped into {} articles ({} outlets known) among text they do not share{}",
                alone.len(),
                names.len(),
                date_span(articles, &alone)
            );
            found.extend(alone.iter().map(|h| (h.article, h.line, reason.clone())));
            continue;
        }
        // Outlet stock: dropped-in holders per outlet, on more than one date.
        let mut per_outlet: HashMap<&str, Vec<&Holder>> = HashMap::new();
        for h in &alone {
            if let Some(o) = outlets[h.article as usize].as_deref() {
                per_outlet.entry(o).or_default().push(h);
            }
        }
        for (outlet, hs) in per_outlet {
            if hs.len() < options.outlet_articles || !dates_apart(articles, &hs) {
                continue;
            }
            let shown = articles[hs[0].article as usize]
                .outlet
                .as_deref()
                .unwrap_or(outlet);
            let reason = format!(
                "stock: {shown} repeats this line in {} of its stories{}",
                hs.len(),
                date_span(articles, &hs)
            );
            found.extend(hs.iter().map(|h| (h.article, h.line, reason.clone())));
        }
    }
    found.sort_unstable_by_key(|(a, l, _)| (*a, *l));
    let mut by_article: Vec<Vec<StockMark>> = vec![Vec::new(); articles.len()];
    for (a, l, r) in found {
        by_article[a as usize].push((l, r));
    }
    by_article
}

/// Marks an article's learned stock lines ([`learn`]) as
/// [`BoilerplateKind::Stock`] boilerplate with their reasons; `lines` are
/// its keyed lines. A line that overlaps boilerplate already marked keeps
/// that mark.
pub fn apply(article: &mut Article, lines: &[Keyed], marks: &[StockMark]) {
    if marks.is_empty() {
        return;
    }
    for (l, reason) in marks {
        let Some(keyed) = lines.get(*l as usize) else {
            continue;
        };
        let line = keyed.line;
        if line.end > article.text.as_str().len() {
            continue;
        }
        let range = article.text.range_of_bytes(line.start, line.end);
        let overlaps = article
            .boilerplate
            .iter()
            .any(|b| b.span.start < range.end && range.start < b.span.end);
        if overlaps {
            continue;
        }
        let span = article.span(range);
        article.boilerplate.push(Boilerplate {
            kind: BoilerplateKind::Stock,
            span,
            reason: Some(reason.clone()),
        });
    }
    article
        .boilerplate
        .sort_by_key(|b| (b.span.start, b.span.end));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Field;

    fn article(id: &str, outlet: &str, day: i8, text: &str) -> Article {
        let mut a = Article::new(id, id, text.to_string());
        a.meta.outlet = Some(Field::given(outlet.to_string(), "test"));
        a.meta.date = Some(Field::given(jiff::civil::date(2016, 3, day), "test"));
        a
    }

    const BODY: &str = "A story of its own, long enough to outweigh the note that is stamped under it by the desk, with many more words than the note has in all, as stories do.";
    const NOTE: &str =
        "Editor’s note: the candidate is a serial example of something we print under every story.";

    #[test]
    fn an_outlets_note_is_stock_a_republished_story_is_not() {
        let story = "First line of the republished story about golf courses.\nSecond line of the republished story about golf courses.\nThird line of the republished story about golf courses.";
        let mut articles = vec![
            article("a", "Post", 1, &format!("{BODY} Alpha.\n{NOTE}")),
            article(
                "b",
                "Post",
                2,
                &format!("{BODY} Beta.\n{}", NOTE.replace('’', "'")),
            ),
            article(
                "c",
                "Post",
                3,
                &format!("{BODY} Gamma.\n{NOTE}\nGamma ends here with a line."),
            ),
            article("d", "Other", 3, &format!("{BODY} Delta.\n{NOTE}")),
            article("e", "Post", 4, story),
            article("f", "Post", 5, story),
            article("g", "Post", 6, story),
        ];
        let n = mark_corpus(&mut articles, &StockOptions::default());
        assert_eq!(
            n, 3,
            "the note in a, b, c; not in d (another outlet), not the story"
        );
        for a in &articles[..3] {
            let b = &a.boilerplate[0];
            assert_eq!(b.kind, BoilerplateKind::Stock);
            assert!(b.span.text.starts_with("Editor"), "{}", b.span.text);
            let why = b.reason.as_deref().unwrap_or("");
            assert!(why.contains("Post repeats this line in 3"), "{why}");
            assert!(why.contains("2016-03-01 to 2016-03-03"), "{why}");
        }
        assert!(articles[3].boilerplate.is_empty());
        assert!(articles[4..].iter().all(|a| a.boilerplate.is_empty()));
    }

    #[test]
    fn stored_lines_learn_what_the_articles_learn() {
        let mut articles = vec![
            article("a", "Post", 1, &format!("{BODY} Alpha.\n{NOTE}")),
            article("b", "Post", 2, &format!("{BODY} Beta.\n{NOTE}")),
            article("c", "Post", 3, &format!("{BODY} Gamma.\n{NOTE}\nEnd.")),
        ];
        let options = StockOptions::default();
        // What a case file keeps: the packed lines, outlet and date.
        let stored: Vec<StockInput> = articles
            .iter()
            .map(|a| {
                let mut input = StockInput::of(a, &options);
                input.lines = unpack_lines(&pack_lines(&input.lines));
                input
            })
            .collect();
        assert_eq!(
            stored[2].lines,
            keyed_lines(&articles[2], options.min_words)
        );
        let marks = learn(&stored, &options);
        assert!(marks.iter().all(|m| m.len() == 1));
        let mut from_stored = articles.clone();
        for ((a, input), m) in from_stored.iter_mut().zip(&stored).zip(&marks) {
            apply(a, &input.lines, m);
        }
        mark_corpus(&mut articles, &options);
        for (x, y) in articles.iter().zip(&from_stored) {
            assert_eq!(x.boilerplate, y.boilerplate);
        }
    }

    #[test]
    fn corpus_stock_needs_many_articles_and_no_quotes() {
        let footer = "Subscribe to our newsletter for the latest updates every single morning.";
        let quote = "“Another horrific attack, this time in a city we all know well,” he wrote.";
        let mut articles: Vec<Article> = (0..6)
            .map(|i| {
                Article::new(
                    format!("p{i}"),
                    "p",
                    format!("Listing {i} for sale near the river bank, with a garden, three bedrooms, a garage and a view of the water from every window of the house.\n{footer}\n{quote}\nPage {i} of the listings here, with more houses for sale along the river and in the hills above the town.\nListing {i} has a new roof, a cellar, an orchard of old apple trees and a path down to the river where the boats are kept.\n"),
                )
            })
            .collect();
        let n = mark_corpus(&mut articles, &StockOptions::default());
        // The footer is dropped into every listing; the quote too, but it
        // has quotation marks: a shared quote is not stock text.
        assert_eq!(n, 6);
        assert!(
            articles
                .iter()
                .all(|a| a.boilerplate.len() == 1 && a.boilerplate[0].span.text == footer)
        );
    }
}
