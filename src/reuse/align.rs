//! Aligning copied and edited passages between two articles.
//!
//! Seeds are bigrams of content words found in both articles. Seeds that
//! follow each other closely in both texts (allowing words dropped, inserted,
//! changed or swapped in between) are chained into one passage. Each passage
//! pair is then scored by a banded longest common subsequence over *all* its
//! words (function words included), so "This conduct directly undermines" →
//! "This conduct undermines" scores just under 1. Passages are kept only when
//! they carry enough ordinary prose — a shared conference title or an
//! organisation's full name is not a copy.

use std::collections::HashMap;

use super::tokens::{Profile, combine, kind};
use crate::span::Range;

/// Content words per seed.
const SEED: usize = 2;
/// Content words a chain may skip between seeds (in either text).
const GAP: usize = 12;
/// Occurrences of a seed in one article beyond which it is stock text.
const SEED_MAX_OCCURRENCES: usize = 8;
/// Content words from one seed to the next within which the two confirm
/// each other: the next word, or one of the two after (a word edited
/// between, or a seed over a paragraph break skipped). A chance word pair
/// before a shared passage sits further off.
const CONFIRM_STEP: usize = 3;
/// Words a passage may grow by at either end when both texts agree there.
const EXTEND_WORDS: usize = 12;
/// Characters between two words beyond which a passage does not grow across them.
const EXTEND_GAP_CHARS: usize = 12;
/// Similarity at or above which a passage counts as verbatim: no word
/// changed, or one in a hundred in a long passage.
pub const VERBATIM_SIMILARITY: f64 = 0.995;

/// Settings for passage alignment.
#[derive(Debug, Clone, Copy)]
pub struct AlignOptions {
    /// Prose words (lower-case content words) a passage needs in each article.
    pub min_prose: usize,
    /// Similarity below which an aligned passage is dropped.
    pub min_similarity: f64,
    /// Most passages kept per pair (the longest).
    pub max_passages: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            min_prose: 8,
            min_similarity: 0.5,
            max_passages: 200,
        }
    }
}

/// An aligned pair of passages, in token indices and characters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Aligned {
    /// Token range in the first article.
    pub a_toks: (usize, usize),
    /// Token range in the second article.
    pub b_toks: (usize, usize),
    /// Character range in the first article.
    pub a: Range,
    /// Character range in the second article.
    pub b: Range,
    /// 0–1 word-level similarity.
    pub similarity: f64,
}

impl Aligned {
    /// Words in the shorter side: the weight of the passage.
    pub fn words(&self) -> usize {
        (self.a_toks.1 - self.a_toks.0).min(self.b_toks.1 - self.b_toks.0)
    }
}

/// A chain of seeds: first and last seed positions (content-word indices).
#[derive(Debug, Clone, Copy)]
struct Chain {
    a0: usize,
    b0: usize,
    a1: usize,
    b1: usize,
    seeds: usize,
    /// The last seed added, in both texts.
    last: (usize, usize),
    /// First and last seed of the confirmed stretch: seeds that follow
    /// another seed within [`CONFIRM_STEP`] content words in both texts
    /// (three content words in a row, or with a word or two edited between). A lone seed at a chain's end is often chance — two common
    /// words met in both texts a few words before the shared passage — and
    /// the passage must not grow over it into text the articles do not share.
    confirmed: Option<((usize, usize), (usize, usize))>,
}

impl Chain {
    fn start(i: usize, j: usize) -> Self {
        Chain {
            a0: i,
            b0: j,
            a1: i,
            b1: j,
            seeds: 1,
            last: (i, j),
            confirmed: None,
        }
    }

    fn add(&mut self, i: usize, j: usize) {
        let step = |x: usize, from: usize| (from + 1..=from + CONFIRM_STEP).contains(&x);
        if step(i, self.last.0) && step(j, self.last.1) {
            let first = self.confirmed.map_or(self.last, |c| c.0);
            self.confirmed = Some((first, (i, j)));
        }
        self.a0 = self.a0.min(i);
        self.a1 = self.a1.max(i);
        self.b1 = j;
        self.seeds += 1;
        self.last = (i, j);
    }

    /// The chain cut to its confirmed stretch, when it has one.
    fn trimmed(self) -> Self {
        match self.confirmed {
            Some(((a0, b0), (a1, b1))) if a0 <= a1 && b0 <= b1 => Chain {
                a0,
                b0,
                a1,
                b1,
                ..self
            },
            _ => self,
        }
    }
}

/// Seed hashes per content-word position; 0 for a seed that spans a line
/// break (a passage is not built across paragraphs from such seeds).
fn seeds(p: &Profile) -> Vec<u64> {
    p.content
        .windows(SEED)
        .map(|w| {
            let first = w[0] as usize;
            let last = w[SEED - 1] as usize;
            if p.toks[first + 1..=last]
                .iter()
                .any(|t| t.is(kind::LINE_START))
            {
                return 0;
            }
            w.iter()
                .fold(0u64, |h, &i| combine(h, p.toks[i as usize].hash))
                .max(1)
        })
        .collect()
}

/// Finds the shared passages of two articles' profiles.
#[allow(clippy::many_single_char_names)] // i, j index a and b as in the literature
pub fn align(a: &Profile, b: &Profile, options: &AlignOptions) -> Vec<Aligned> {
    let ta = seeds(a);
    let tb = seeds(b);
    let mut at: HashMap<u64, Vec<u32>> = HashMap::with_capacity(ta.len());
    for (i, &h) in ta.iter().enumerate() {
        at.entry(h).or_default().push(i as u32);
    }
    let mut open: Vec<Chain> = Vec::new();
    let mut done: Vec<Chain> = Vec::new();
    for (j, h) in tb.iter().enumerate() {
        if *h == 0 {
            continue;
        }
        let Some(pos) = at.get(h) else { continue };
        if pos.len() > SEED_MAX_OCCURRENCES {
            continue;
        }
        // Retire chains that can no longer be extended.
        let mut k = 0;
        while k < open.len() {
            if open[k].b1 + GAP < j {
                done.push(open.swap_remove(k));
            } else {
                k += 1;
            }
        }
        // Each open chain takes the occurrence that continues it best (the
        // one nearest its diagonal): a word pair repeated a few words away
        // must not take a chain off its diagonal and leave the true
        // continuation to start a chain of its own.
        let mut used = [false; SEED_MAX_OCCURRENCES];
        for c in &mut open {
            if j <= c.b1 {
                continue;
            }
            let expected = c.last.0 + (j - c.last.1);
            let best = pos
                .iter()
                .enumerate()
                .filter(|&(k, &i)| {
                    let i = i as usize;
                    !used[k]
                        && i + GAP > c.a1
                        && i <= c.a1 + GAP
                        && (i + c.b1).abs_diff(j + c.a1) <= GAP
                })
                .min_by_key(|&(_, &i)| (i as usize).abs_diff(expected));
            if let Some((k, &i)) = best {
                used[k] = true;
                c.add(i as usize, j);
            }
        }
        for (k, &i) in pos.iter().enumerate() {
            if !used[k] {
                open.push(Chain::start(i as usize, j));
            }
        }
    }
    done.append(&mut open);
    let done: Vec<Chain> = done.into_iter().map(Chain::trimmed).collect();

    let mut out: Vec<Aligned> = done
        .into_iter()
        .filter_map(|c| passage(a, b, c, options))
        .collect();
    // Keep the heaviest passages, without overlaps on either side.
    out.sort_by(|x, y| {
        y.words()
            .cmp(&x.words())
            .then(x.b.start.cmp(&y.b.start))
            .then(x.a.start.cmp(&y.a.start))
    });
    let mut kept: Vec<Aligned> = Vec::new();
    for p in out {
        if kept.len() >= options.max_passages {
            break;
        }
        if kept
            .iter()
            .all(|k| !k.a.overlaps(p.a) && !k.b.overlaps(p.b))
        {
            kept.push(p);
        }
    }
    kept.sort_by_key(|p| (p.b.start, p.a.start));
    kept
}

/// Turns a chain into a scored passage, or `None` when it is too thin.
fn passage(a: &Profile, b: &Profile, c: Chain, options: &AlignOptions) -> Option<Aligned> {
    let mut a_from = *a.content.get(c.a0)? as usize;
    let mut a_to = *a.content.get(c.a1 + SEED - 1)? as usize + 1;
    let mut b_from = *b.content.get(c.b0)? as usize;
    let mut b_to = *b.content.get(c.b1 + SEED - 1)? as usize + 1;
    // Take in the function words both sides share just outside the seeds
    // ("The report stressed ..."), without jumping over a gap in the text.
    let near = |p: &Profile, x: usize, y: usize| {
        p.toks[y].range.start.saturating_sub(p.toks[x].range.end) <= EXTEND_GAP_CHARS
            && !p.toks[y].is(kind::LINE_START)
    };
    for _ in 0..EXTEND_WORDS {
        if a_from == 0 || b_from == 0 {
            break;
        }
        let (prev_a, prev_b) = (a_from - 1, b_from - 1);
        if a.toks[prev_a].hash != b.toks[prev_b].hash
            || !near(a, prev_a, a_from)
            || !near(b, prev_b, b_from)
        {
            break;
        }
        a_from = prev_a;
        b_from = prev_b;
    }
    for _ in 0..EXTEND_WORDS {
        if a_to >= a.toks.len() || b_to >= b.toks.len() {
            break;
        }
        if a.toks[a_to].hash != b.toks[b_to].hash
            || !near(a, a_to - 1, a_to)
            || !near(b, b_to - 1, b_to)
        {
            break;
        }
        a_to += 1;
        b_to += 1;
    }
    if a.prose_in(a_from, a_to) < options.min_prose || b.prose_in(b_from, b_to) < options.min_prose
    {
        return None;
    }
    let sa: Vec<u64> = a.toks[a_from..a_to].iter().map(|t| t.hash).collect();
    let sb: Vec<u64> = b.toks[b_from..b_to].iter().map(|t| t.hash).collect();
    let lcs = banded_lcs(&sa, &sb);
    let similarity = 2.0 * lcs as f64 / (sa.len() + sb.len()) as f64;
    // Prose must be shared too, not only names around it.
    let prose_shared = shared_prose(a, (a_from, a_to), b, (b_from, b_to));
    if similarity < options.min_similarity || prose_shared < options.min_prose {
        return None;
    }
    Some(Aligned {
        a_toks: (a_from, a_to),
        b_toks: (b_from, b_to),
        a: a.char_range(a_from, a_to),
        b: b.char_range(b_from, b_to),
        similarity,
    })
}

/// Distinct prose words of the first range that also occur in the second.
fn shared_prose(a: &Profile, ar: (usize, usize), b: &Profile, br: (usize, usize)) -> usize {
    let bset: std::collections::HashSet<u64> = b.toks[br.0..br.1]
        .iter()
        .filter(|t| t.is(kind::PROSE))
        .map(|t| t.hash)
        .collect();
    let shared: std::collections::HashSet<u64> = a.toks[ar.0..ar.1]
        .iter()
        .filter(|t| t.is(kind::PROSE) && bset.contains(&t.hash))
        .map(|t| t.hash)
        .collect();
    shared.len()
}

/// Length of the longest common subsequence, computed in a diagonal band wide
/// enough for the length difference plus edits, so huge identical passages
/// cost linear time.
pub fn banded_lcs(a: &[u64], b: &[u64]) -> usize {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return 0;
    }
    let band = n.abs_diff(m) + 48;
    let mut prev = vec![0usize; m + 1];
    let mut cur = vec![0usize; m + 1];
    for i in 1..=n {
        // Columns j with |i·m/n − j| ≤ band.
        let centre = i * m / n;
        let lo = centre.saturating_sub(band).max(1);
        let hi = (centre + band).min(m);
        cur[lo - 1] = if lo > 1 { prev[lo - 1] } else { 0 };
        for j in lo..=hi {
            cur[j] = if a[i - 1] == b[j - 1] {
                prev[j - 1] + 1
            } else {
                prev[j].max(cur[j - 1])
            };
        }
        // Outside the band keep values monotone for the next row.
        for j in hi + 1..=m.min(hi + 1) {
            cur[j] = cur[hi];
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.iter().copied().max().unwrap_or(0).min(n.min(m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn profile(s: &str) -> Profile {
        Profile::new(&Article::new("x", "x", s.to_string()))
    }

    #[test]
    fn lcs_counts_common_words() {
        assert_eq!(banded_lcs(&[1, 2, 3, 4], &[1, 3, 4]), 3);
        assert_eq!(banded_lcs(&[], &[1]), 0);
        let long: Vec<u64> = (0..5000).collect();
        assert_eq!(banded_lcs(&long, &long), 5000);
    }

    #[test]
    fn finds_an_edited_passage() {
        let a = profile(
            "Unrelated opening words here. Yet Pakistan continues to allow Hamas representatives to operate freely on its soil, participate in public events and forge alliances with local militant groups. This conduct directly undermines Western efforts to diplomatically isolate Hamas and raises serious questions.",
        );
        let b = profile(
            "A different start. “Pakistan allows Hamas representatives to operate freely on its soil, participate in public events, and forge alliances with local militant groups. This conduct undermines Western efforts to diplomatically isolate Hamas and raises serious questions,” it added.",
        );
        let got = align(&a, &b, &AlignOptions::default());
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].similarity > 0.8 && got[0].similarity < VERBATIM_SIMILARITY,
            "{got:?}"
        );
    }

    /// Made-up content words: "bab", "bac", … (no stopwords, no digits).
    fn words(n: usize, salt: usize) -> Vec<String> {
        let letters = b"bcdfgklmnprstvz";
        (0..n)
            .map(|k| {
                let k = k + salt * n;
                let c = |x: usize| char::from(letters[x % letters.len()]);
                format!("{}a{}o{}", c(k / 225), c(k / 15), c(k))
            })
            .collect()
    }

    #[test]
    fn a_repeated_word_pair_does_not_split_the_passage() {
        // The pair "zebra quilt" comes twice, five words apart: the chain
        // must keep to its diagonal and run through the whole text.
        let mut shared = words(20, 0);
        shared.extend(["zebra".into(), "quilt".into()]);
        shared.extend(words(3, 1));
        shared.extend(["zebra".into(), "quilt".into()]);
        shared.extend(words(60, 2));
        let shared = shared.join(" ");
        let a = profile(&shared);
        let b = profile(&format!("Some opening of its own here.\n\n{shared}"));
        let got = align(&a, &b, &AlignOptions::default());
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].a, Range::new(0, shared.len()), "{got:?}");
    }

    #[test]
    fn a_chance_word_pair_before_the_passage_is_left_out() {
        // Both intros hold "zebra quilt", a few words before the shared text:
        // the passage starts where the texts really meet.
        let shared = words(40, 3).join(" ");
        let intro_a = format!(
            "{} zebra quilt {}",
            words(6, 4).join(" "),
            words(3, 5).join(" ")
        );
        let intro_b = format!(
            "{} zebra quilt {}",
            words(6, 6).join(" "),
            words(3, 7).join(" ")
        );
        let a = profile(&format!("{intro_a}\n\n{shared}"));
        let b = profile(&format!("{intro_b}\n\n{shared}"));
        let got = align(&a, &b, &AlignOptions::default());
        assert_eq!(got.len(), 1, "{got:?}");
        let start = intro_a.len() + 2;
        assert_eq!(got[0].a, Range::new(start, start + shared.len()), "{got:?}");
    }

    #[test]
    fn a_shared_title_is_not_a_passage() {
        let a = profile(
            "The Kashmir Solidarity and Hamas Operation Al-Aqsa Flood Conference in Rawalakot drew crowds of supporters.",
        );
        let b = profile(
            "Speakers at the Kashmir Solidarity and Hamas Operation Al-Aqsa Flood Conference in Rawalakot praised the militants.",
        );
        assert!(align(&a, &b, &AlignOptions::default()).is_empty());
    }
}
