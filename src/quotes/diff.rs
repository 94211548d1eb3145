//! Word-level differences between two stretches of text.
//!
//! A quote checked against its source, or a copied passage against its
//! origin, differs by words dropped, added or changed. [`diff`] aligns the
//! two word sequences (longest common subsequence on folded words, so quote
//! marks, dashes, spacing and case do not count as changes) and reports runs
//! of kept, removed and added words with their character ranges in each text.

use serde::{Deserialize, Serialize};

use crate::span::Range;
use crate::text::words::words;

/// Largest `left × right` word grid aligned exactly; beyond it the middle is
/// reported as one removed and one added run (after trimming equal ends).
const MAX_CELLS: usize = 4_000_000;

/// What happened to a run of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// In both texts.
    Same,
    /// In the left text (the source) only: dropped by the right.
    Removed,
    /// In the right text (the copy or quote) only: added by it.
    Added,
}

/// A run of consecutive words with the same [`Change`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// Kept, removed or added.
    pub change: Change,
    /// The words as written in the text they come from (the right text —
    /// the quote or copy — for `same` and `added`, the left text for
    /// `removed`), with the punctuation between and right after them as
    /// written ("On January 15, 2026, the US-led"); line breaks become spaces.
    pub text: String,
    /// Character range in the left text (`None` for added words).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left: Option<Range>,
    /// Character range in the right text (`None` for removed words).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right: Option<Range>,
    /// Number of words in the run.
    #[serde(skip)]
    pub words: usize,
}

/// One word prepared for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The folded form compared (lowercase, straight apostrophes).
    pub key: String,
    /// The word as written.
    pub text: String,
    /// Its character range in the article.
    pub range: Range,
    /// What separates it from the next word as written (punctuation and
    /// spacing; whitespace runs folded to one space), so diffs can show the
    /// text with its punctuation. Empty after the last word.
    pub after: String,
    /// True when the writer marks an omission or interruption right after
    /// this word: an ellipsis ("…", "...") in `after`, or (set by the quote
    /// checker) the end of one piece of a quote split by its attribution.
    pub elides: bool,
}

impl Token {
    /// True when a sentence or paragraph ends right after this word.
    pub fn ends_sentence(&self) -> bool {
        self.after.contains(['.', '!', '?', '\n']) && !self.after.contains("...")
            || self.after.contains('\n')
    }
}

/// Folds a word for comparison: lowercase, curly apostrophes and dashes straightened.
pub fn fold_word(word: &str) -> String {
    word.chars()
        .filter_map(crate::text::normalize::fold_char)
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `text` (whose first character is at offset `first_char`) as
/// tokens; hyphenated words count as their parts ("Al-Aqsa" = "Al Aqsa"),
/// and dotted initials are one word ("U.S." = "US").
pub fn tokens(text: &str, first_char: usize) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    // Byte offset just past the previous word, to fill its `after`.
    let mut prev_end: Option<usize> = None;
    for w in words(text, first_char) {
        if let Some(end) = prev_end
            && let Some(last) = out.last_mut()
        {
            let gap = &text[end..w.byte];
            set_after(last, gap);
            // "U.S.": single letters joined by a dot (nothing else between)
            // are one word; the joined text is the slice as written.
            let joined_text = (gap == "." && is_initial(&last.text) && is_initial(w.text))
                .then(|| end.checked_sub(last.text.len()))
                .flatten()
                .and_then(|from| text.get(from..w.byte + w.text.len()));
            if let Some(joined_text) = joined_text {
                last.key = format!("{}{}", last.key, fold_word(w.text));
                last.text = joined_text.to_string();
                last.range = Range::new(last.range.start, w.range.end);
                last.after.clear();
                prev_end = Some(w.byte + w.text.len());
                continue;
            }
        }
        let mut start = w.range.start;
        let mut part_start = 0usize; // byte offset inside w.text
        let mut ch = w.range.start;
        for (b, c) in w.text.char_indices() {
            if matches!(c, '-' | '‐') {
                push_token(&mut out, &w.text[part_start..b], start, ch);
                if let Some(last) = out.last_mut() {
                    last.after = c.to_string();
                }
                part_start = b + c.len_utf8();
                start = ch + 1;
            }
            ch += 1;
        }
        push_token(&mut out, &w.text[part_start..], start, ch);
        prev_end = Some(w.byte + w.text.len());
    }
    // A dotted initialism ends with its dot ("U.S."): keep the dot in the word.
    if let (Some(end), Some(last)) = (prev_end, out.last_mut()) {
        set_after(last, &text[end..]);
    }
    out
}

/// A single letter, as in dotted initials.
fn is_initial(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(char::is_alphabetic) && cs.next().is_none()
}

fn set_after(token: &mut Token, gap: &str) {
    let mut after = String::with_capacity(gap.len().min(16));
    let mut space = false;
    for c in gap.chars().take(64) {
        if c == '\n' {
            if !after.ends_with('\n') {
                after.push('\n');
            }
            space = false;
        } else if c.is_whitespace() {
            space = true;
        } else {
            if space && !after.is_empty() && !after.ends_with('\n') {
                after.push(' ');
            }
            space = false;
            after.push(c);
        }
    }
    if space && !after.ends_with('\n') {
        after.push(' ');
    }
    token.elides = gap.contains('…') || gap.contains("...");
    token.after = after;
}

fn push_token(out: &mut Vec<Token>, text: &str, start: usize, end: usize) {
    if !text.is_empty() {
        out.push(Token {
            key: fold_word(text),
            text: text.to_string(),
            range: Range::new(start, end),
            after: String::new(),
            elides: false,
        });
    }
}

/// Aligns `left` (the source) with `right` (the quote or copy), word by word.
pub fn diff(left: &[Token], right: &[Token]) -> Vec<Run> {
    runs_of(left, right, &lcs_ops(left, right))
}

/// The word-by-word alignment of `left` and `right` as operations
/// `(change, left index, right index)` in order: a longest common
/// subsequence of folded words (beyond [`MAX_CELLS`] cells, after trimming
/// the equal ends, the middle is one removal and one addition).
pub fn lcs_ops(left: &[Token], right: &[Token]) -> Vec<(Change, usize, usize)> {
    // Trim the common suffix: cheap and keeps the grid small. (Not the
    // prefix: the alignment itself picks the best start, see `align`.)
    let mut suf = 0;
    while suf < left.len()
        && suf < right.len()
        && left[left.len() - 1 - suf].key == right[right.len() - 1 - suf].key
    {
        suf += 1;
    }
    let l_mid = &left[..left.len() - suf];
    let r_mid = &right[..right.len() - suf];
    let mut ops = align(l_mid, r_mid);
    for k in 0..suf {
        ops.push((Change::Same, left.len() - suf + k, right.len() - suf + k));
    }
    ops
}

#[allow(clippy::many_single_char_names)] // i, j, n, m, w: the textbook names
/// LCS alignment of two word slices; falls back to remove-all/add-all when too large.
fn align(left: &[Token], right: &[Token]) -> Vec<(Change, usize, usize)> {
    let (n, m) = (left.len(), right.len());
    if n == 0 || m == 0 || n.saturating_mul(m) > MAX_CELLS {
        let mut ops: Vec<_> = (0..n).map(|i| (Change::Removed, i, 0)).collect();
        ops.extend((0..m).map(|j| (Change::Added, 0, j)));
        return ops;
    }
    // lcs[i][j] = LCS length of left[i..] and right[j..].
    let w = m + 1;
    let mut lcs = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * w + j] = if left[i].key == right[j].key {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::with_capacity(n + m);
    while i < n && j < m {
        // Before the first kept word, prefer a later start when it keeps as
        // many words: "said on Thursday. “On January…” starts at the second "On".
        let later_start = j == 0 && lcs[(i + 1) * w] == lcs[i * w];
        // Likewise on the right: "Bad, bad things" against "bad things"
        // keeps the second "bad", so the extra word is before the match.
        let later_right = i == 0 && lcs[j + 1] == lcs[j];
        if left[i].key == right[j].key && !later_start && !later_right {
            ops.push((Change::Same, i, j));
            i += 1;
            j += 1;
        } else if later_right && !later_start {
            ops.push((Change::Added, i, j));
            j += 1;
        } else if lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] {
            ops.push((Change::Removed, i, j));
            i += 1;
        } else {
            ops.push((Change::Added, i, j));
            j += 1;
        }
    }
    ops.extend((i..n).map(|i| (Change::Removed, i, j)));
    ops.extend((j..m).map(|j| (Change::Added, i, j)));
    ops
}

/// Groups operations (see [`lcs_ops`]) into runs, with the words as written.
pub fn runs_of(left: &[Token], right: &[Token], ops: &[(Change, usize, usize)]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    // The token that ended the last run, for the punctuation after it.
    let mut last: Option<&Token> = None;
    for &(change, i, j) in ops {
        let (tok, l, r) = match change {
            Change::Same => (&right[j], Some(left[i].range), Some(right[j].range)),
            Change::Removed => (&left[i], Some(left[i].range), None),
            Change::Added => (&right[j], None, Some(right[j].range)),
        };
        match runs.last_mut() {
            Some(run) if run.change == change => {
                let sep = last.map_or(" ", |t| t.after.as_str());
                if sep.is_empty() {
                    run.text.push(' ');
                } else {
                    run.text
                        .extend(sep.chars().map(|c| if c == '\n' { ' ' } else { c }));
                }
                run.text.push_str(&tok.text);
                run.words += 1;
                run.left = join(run.left, l);
                run.right = join(run.right, r);
            }
            _ => {
                if let (Some(run), Some(t)) = (runs.last_mut(), last) {
                    run.text.push_str(&trailing(&t.after));
                }
                runs.push(Run {
                    change,
                    text: tok.text.clone(),
                    left: l,
                    right: r,
                    words: 1,
                });
            }
        }
        last = Some(tok);
    }
    if let (Some(run), Some(t)) = (runs.last_mut(), last) {
        run.text.push_str(&trailing(&t.after));
    }
    runs
}

/// The punctuation that closes a word ("," "." "?"), without the spacing
/// and quotation marks after it.
fn trailing(after: &str) -> String {
    after
        .chars()
        .take_while(|c| !c.is_whitespace())
        .filter(|c| {
            !matches!(
                c,
                '“' | '”' | '"' | '‘' | '’' | '\'' | '«' | '»' | '„' | '-' | '‐'
            )
        })
        .collect()
}

fn join(a: Option<Range>, b: Option<Range>) -> Option<Range> {
    match (a, b) {
        (Some(a), Some(b)) => Some(Range::new(a.start.min(b.start), a.end.max(b.end))),
        (a, b) => a.or(b),
    }
}

/// Number of words kept (in both texts).
pub fn same_words(runs: &[Run]) -> usize {
    runs.iter()
        .filter(|r| r.change == Change::Same)
        .map(|r| r.words)
        .sum()
}

/// True when nothing was removed or added.
pub fn is_identical(runs: &[Run]) -> bool {
    runs.iter().all(|r| r.change == Change::Same)
}

/// A one-line rendering: `[-removed-]` and `{+added+}` marks, like `git diff --word-diff`.
pub fn inline(runs: &[Run]) -> String {
    let mut out = String::new();
    for run in runs {
        if !out.is_empty() {
            out.push(' ');
        }
        match run.change {
            Change::Same => out.push_str(&run.text),
            Change::Removed => {
                out.push_str("[-");
                out.push_str(&run.text);
                out.push_str("-]");
            }
            Change::Added => {
                out.push_str("{+");
                out.push_str(&run.text);
                out.push_str("+}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn finds_the_dropped_adverb() {
        let src = tokens("This conduct directly undermines Western efforts", 100);
        let quote = tokens("“This conduct undermines Western efforts", 0);
        let runs = diff(&src, &quote);
        assert_eq!(
            inline(&runs),
            "This conduct [-directly-] undermines Western efforts"
        );
        let removed = runs.iter().find(|r| r.change == Change::Removed).unwrap();
        assert_eq!(removed.left, Some(Range::new(113, 121)));
        assert_eq!(removed.right, None);
        assert_eq!(same_words(&runs), 5);
    }

    #[test]
    fn initials_join_only_across_a_bare_dot() {
        let keys = |t: &str| -> Vec<String> { tokens(t, 0).into_iter().map(|t| t.key).collect() };
        assert_eq!(keys("U.S. forces"), ["us", "forces"]);
        assert_eq!(tokens("U.S. forces", 0)[0].text, "U.S");
        // A space before the dot: two words, and no slice across a
        // multi-byte letter (this once panicked).
        assert_eq!(keys("ዘ .a:"), ["ዘ", "a"]);
        assert_eq!(keys("é.b"), ["éb"]);
    }

    #[test]
    fn typography_and_case_are_not_changes() {
        let a = tokens("Hamas’s “major non-NATO ally” Al-Aqsa", 0);
        let b = tokens("HAMAS's major non-NATO ally Al Aqsa", 0);
        assert!(is_identical(&diff(&a, &b)));
    }

    #[test]
    fn a_match_starts_at_the_latest_equivalent_word() {
        let runs = diff(
            &tokens("said on Thursday. On January 15", 0),
            &tokens("On January 15", 0),
        );
        assert_eq!(inline(&runs), "[-said on Thursday.-] On January 15");
    }

    #[test]
    fn replaced_words_show_as_removed_then_added() {
        let runs = diff(&tokens("a b c d", 0), &tokens("a x c d", 0));
        assert_eq!(inline(&runs), "a [-b-] {+x+} c d");
    }

    proptest! {
        #[test]
        fn never_panics_and_ranges_are_in_bounds(a in "\\PC{0,80}", b in "\\PC{0,80}") {
            let ta = tokens(&a, 0);
            let tb = tokens(&b, 0);
            let runs = diff(&ta, &tb);
            let la = a.chars().count();
            let lb = b.chars().count();
            for r in &runs {
                if let Some(l) = r.left { prop_assert!(l.end <= la); }
                if let Some(x) = r.right { prop_assert!(x.end <= lb); }
            }
            let kept: usize = same_words(&runs);
            prop_assert!(kept <= ta.len().min(tb.len()));
        }
    }
}
