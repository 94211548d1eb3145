//! Candidate generation without comparing all pairs.
//!
//! Two fingerprint signals, each indexed in one sorted postings list:
//!
//! - **text shingles** — hashes of four consecutive content words (at least one
//!   of them ordinary prose, so a run of names is not a shingle), sampled
//!   `hash % sample == 0` so the index holds a fixed fraction of them. Copied
//!   and edited passages share many; unrelated texts share almost none.
//! - **anchor triples** — ordered triples of nearby names and numbers, names
//!   reduced to a consonant skeleton ("Qaddoumi", "Qaddomi" and "Qaddumi" all
//!   give `qdm`), so a rewrite that keeps the story's names, dates and figures
//!   in order is found even when it shares no word sequence.
//!
//! Articles sharing at least `min_shared` fingerprints of a signal become a
//! candidate pair. No fingerprint is ignored for being common — a wire story
//! on two hundred sites is common text too, and every one of its copies must
//! keep its edge to the source — but a fingerprint held by more than
//! `fanout_df` articles does not pair all of them: each holder is paired with
//! the `fanout_heads` earliest holders only (by date, then input order), the
//! likeliest origins. Work stays linear in the postings. Such pairs need
//! `min_shared_fanout` shared fingerprints, so a few common phrases do not
//! pair every article with the corpus's first ones; stock text the reader
//! learned is not fingerprinted at all. Siblings that share only the source's
//! text meet through the source; siblings sharing their own changes also
//! share rarer fingerprints, which pair them directly.

use rayon::prelude::*;

use super::tokens::{Profile, combine, kind, mix};

/// Words per text shingle.
pub const SHINGLE: usize = 4;

/// Salt separating anchor fingerprints from text fingerprints.
const ANCHOR_SALT: u64 = 0x9e37_79b9_7f4a_7c15;

/// The fingerprints of one article.
#[derive(Debug, Clone, Default)]
pub struct Fingerprints {
    /// Sampled text shingles (sorted, unique).
    pub text: Vec<u64>,
    /// Sampled anchor triples (sorted, unique).
    pub anchors: Vec<u64>,
}

/// Settings for fingerprinting and candidate selection.
#[derive(Debug, Clone, Copy)]
pub struct IndexOptions {
    /// Keep one text shingle in `text_sample` (by hash).
    pub text_sample: u64,
    /// Keep one anchor triple in `anchor_sample` (by hash).
    pub anchor_sample: u64,
    /// Fingerprints held by more articles than this pair each holder with the
    /// earliest `fanout_heads` holders only, not with every other holder.
    pub fanout_df: usize,
    /// Holders of a widely held fingerprint that every holder is paired with.
    pub fanout_heads: usize,
    /// Shared fingerprints a pair made through widely held fingerprints needs.
    pub min_shared_fanout: u32,
    /// Shared text fingerprints needed to compare two articles for copying.
    pub min_shared_text: u32,
    /// Shared anchor fingerprints needed to compare two articles for paraphrase.
    pub min_shared_anchors: u32,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            text_sample: 2,
            anchor_sample: 2,
            fanout_df: 64,
            fanout_heads: 4,
            min_shared_fanout: 8,
            min_shared_text: 2,
            min_shared_anchors: 8,
        }
    }
}

/// Reduces a folded name to its consonant skeleton: first letter kept, later
/// vowels dropped, repeated letters collapsed. Transliterations of one name
/// ("Shehbaz"/"Shahbaz", "Khaled"/"Khalid") mostly share a skeleton.
pub fn skeleton(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut last = None;
    for (i, c) in folded.chars().filter(|c| c.is_alphanumeric()).enumerate() {
        if i > 0 && matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
            continue;
        }
        if last != Some(c) {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// The hash of [`skeleton`]`(folded)`, without building the string.
pub fn skeleton_hash(folded: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut last = None;
    let mut buf = [0u8; 4];
    for (i, c) in folded.chars().filter(|c| c.is_alphanumeric()).enumerate() {
        if i > 0 && matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
            continue;
        }
        if last != Some(c) {
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        last = Some(c);
    }
    mix(h)
}

impl Fingerprints {
    /// Fingerprints of an article (its reuse profile: story text without
    /// boilerplate). The one entry point for the index and the staged path.
    pub fn of(article: &crate::article::Article, options: &IndexOptions) -> Self {
        Self::new(&Profile::new(article), options)
    }

    /// Fingerprints of a profile; `text` is the article text the profile indexes.
    pub fn new(profile: &Profile, options: &IndexOptions) -> Self {
        let toks = &profile.toks;
        let mut shingles = Vec::new();
        for window in profile.content.windows(SHINGLE) {
            let mut prose = false;
            let mut h = 0u64;
            for &i in window {
                let t = &toks[i as usize];
                prose |= t.is(kind::PROSE);
                h = combine(h, t.hash);
            }
            if prose && h % options.text_sample.max(1) == 0 {
                shingles.push(h);
            }
        }
        shingles.sort_unstable();
        shingles.dedup();

        let mut keys: Vec<u64> = Vec::new();
        for t in toks.iter().filter(|t| t.is(kind::NAME | kind::NUMBER)) {
            let key = t.anchor;
            if keys.last() != Some(&key) {
                keys.push(key);
            }
        }
        // Ordered triples of nearby anchors: consecutive, and with one anchor
        // skipped so an inserted or dropped name does not break every triple.
        let mut anchors = Vec::new();
        for i in 0..keys.len() {
            for (j, k) in [(1, 2), (1, 3), (2, 3)] {
                let (Some(&b), Some(&c)) = (keys.get(i + j), keys.get(i + k)) else {
                    continue;
                };
                let h = mix(combine(combine(keys[i], b), c) ^ ANCHOR_SALT);
                if h % options.anchor_sample.max(1) == 0 {
                    anchors.push(h);
                }
            }
        }
        anchors.sort_unstable();
        anchors.dedup();
        Fingerprints {
            text: shingles,
            anchors,
        }
    }
}

/// A pair of article indices (`a < b`) with the number of fingerprints they share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    /// The lower article index.
    pub a: u32,
    /// The higher article index.
    pub b: u32,
    /// Shared fingerprints.
    pub shared: u32,
}

/// Pairs of documents sharing at least `min_shared` of the fingerprints that
/// `fingerprints_of` gives. A fingerprint held by more than
/// `options.fanout_df` documents pairs each holder with the
/// `options.fanout_heads` holders of lowest `rank` only, and pairs made that
/// way need `options.min_shared_fanout` shared fingerprints. Sorted by `(a, b)`.
pub fn candidates<F>(
    docs: usize,
    fingerprints_of: F,
    rank: &[u32],
    options: &IndexOptions,
    min_shared: u32,
) -> Vec<Candidate>
where
    F: Fn(usize) -> Vec<u64> + Sync,
{
    let mut postings: Vec<(u64, u32)> = (0..docs)
        .into_par_iter()
        .flat_map_iter(|d| fingerprints_of(d).into_iter().map(move |h| (h, d as u32)))
        .collect();
    postings.par_sort_unstable();
    // Split into groups of equal hash.
    let mut bounds = vec![0usize];
    let mut i = 0;
    while i < postings.len() {
        let h = postings[i].0;
        let mut j = i + 1;
        while j < postings.len() && postings[j].0 == h {
            j += 1;
        }
        bounds.push(j);
        i = j;
    }
    let rank_of = |d: u32| rank.get(d as usize).copied().unwrap_or(d);
    let all_pairs_df = options.fanout_df.max(2);
    let heads = options.fanout_heads.max(1);
    // (low, high, widely held?)
    let mut pairs: Vec<(u32, u32, bool)> = bounds
        .par_windows(2)
        .flat_map_iter(|w| {
            let group = &postings[w[0]..w[1]];
            let n = group.len();
            let mut out: Vec<(u32, u32, bool)> = Vec::new();
            if n < 2 {
            } else if n <= all_pairs_df {
                for x in 0..n {
                    for y in x + 1..n {
                        out.push((group[x].1, group[y].1, false));
                    }
                }
            } else {
                let mut docs: Vec<u32> = group.iter().map(|p| p.1).collect();
                let k = heads.min(n);
                docs.select_nth_unstable_by_key(k - 1, |&d| (rank_of(d), d));
                let (first, rest) = docs.split_at(k);
                for (x, &h) in first.iter().enumerate() {
                    for &d in first[x + 1..].iter().chain(rest) {
                        out.push((h.min(d), h.max(d), true));
                    }
                }
            }
            out
        })
        .collect();
    drop(postings);
    pairs.par_sort_unstable();
    let mut out = Vec::new();
    let mut k = 0;
    while k < pairs.len() {
        let (a, b, _) = pairs[k];
        let (mut rare, mut wide) = (0u32, 0u32);
        while k < pairs.len() && pairs[k].0 == a && pairs[k].1 == b {
            if pairs[k].2 {
                wide += 1;
            } else {
                rare += 1;
            }
            k += 1;
        }
        let shared = rare + wide;
        let enough = if wide == 0 {
            rare >= min_shared
        } else {
            rare >= min_shared || shared >= options.min_shared_fanout.max(min_shared)
        };
        if enough && a != b {
            out.push(Candidate { a, b, shared });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_share_a_skeleton() {
        assert_eq!(skeleton("qaddoumi"), skeleton("qaddomi"));
        assert_eq!(skeleton("qaddumi"), "qdm");
        assert_eq!(skeleton("shehbaz"), skeleton("shahbaz"));
        assert_eq!(skeleton("khaled"), skeleton("khalid"));
        assert_eq!(
            skeleton_hash("qaddoumi"),
            super::super::tokens::hash_bytes(b"qdm")
        );
    }

    #[test]
    fn candidates_count_shared_fingerprints() {
        let fps = [vec![1, 2, 3, 9], vec![1, 2, 9], vec![3, 9], vec![9]];
        let options = IndexOptions {
            fanout_df: 3,
            fanout_heads: 1,
            min_shared_fanout: 2,
            ..IndexOptions::default()
        };
        let got = candidates(fps.len(), |d| fps[d].clone(), &[0, 1, 2, 3], &options, 2);
        // 9 is in four documents: each is paired with document 0 only through
        // it; 0–1 share 1, 2 and 9, 0–2 share 3 and 9.
        let ab: Vec<(u32, u32, u32)> = got.iter().map(|c| (c.a, c.b, c.shared)).collect();
        assert_eq!(ab, [(0, 1, 3), (0, 2, 2)]);
    }

    #[test]
    fn fan_out_pairs_every_holder_with_the_earliest() {
        // Document 5 is the earliest (rank 0); 300 others share its 10 fingerprints.
        let n = 301usize;
        let rank: Vec<u32> = (0..n as u32)
            .map(|d| if d == 5 { 0 } else { d + 1 })
            .collect();
        let got = candidates(n, |_| (0..10).collect(), &rank, &IndexOptions::default(), 2);
        let with_source = got.iter().filter(|c| c.a == 5 || c.b == 5).count();
        assert_eq!(with_source, n - 1);
        // Linear: each holder meets at most `fanout_heads` others through the group.
        assert!(got.len() <= n * IndexOptions::default().fanout_heads);
    }
}
