//! Stage outputs for copy detection beyond one machine (issue #16).
//!
//! The single-machine `copies` runs fingerprint → candidate join → alignment
//! in one process. The staged path cuts it at the two places where data
//! crosses machines and writes each cut as Parquet, so that the candidate
//! join (a self-join of postings on the fingerprint) can run on Apache Spark:
//!
//! ```text
//! citetrace fingerprint --shard K/N   →  DIR/{articles,marks,postings}/part-K-of-N.parquet + DIR/params.json
//! scripts/candidate_join.py (Spark)   →  PAIRS/*.parquet   (a, b, a_id, b_id, text, anchors, shared_*)
//! citetrace align --pairs PAIRS       →  copy pairs, the `copies` JSON contract
//! ```
//!
//! Fingerprints come from [`crate::reuse::index::Fingerprints::of`], fan-out
//! ranks from [`crate::reuse::ranks`], the limits in `params.json` from
//! [`crate::reuse::index::IndexOptions`], and alignment from
//! [`crate::reuse::align_candidates`]: the staged path applies the rules of
//! `copies`, not a copy of them. The table layouts are in `docs/scale.md`.

pub mod pairs;
pub mod tables;

use std::path::Path;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::reuse::index::IndexOptions;

/// Version of the stage layout; the Spark job refuses a layout it does not know.
pub const LAYOUT_VERSION: u32 = 1;

/// One of `count` shards (`index` in `0..count`), as `--shard K/N` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This shard, 0-based.
    pub index: u32,
    /// How many shards there are.
    pub count: u32,
}

impl Shard {
    /// The whole input as one shard.
    pub const ALL: Shard = Shard { index: 0, count: 1 };

    /// True when article number `ordinal` (input order) belongs to this shard.
    /// Round robin, so each shard gets a like share of every input file.
    pub fn holds(self, ordinal: usize) -> bool {
        ordinal % self.count.max(1) as usize == self.index as usize
    }

    /// The file name of this shard's part of a table.
    pub fn file_name(self) -> String {
        format!("part-{:05}-of-{:05}.parquet", self.index, self.count)
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("expected K/N (e.g. 0/8), got {s:?}"))?;
        let index: u32 = k.trim().parse().map_err(|_| format!("bad shard {k:?}"))?;
        let count: u32 = n
            .trim()
            .parse()
            .map_err(|_| format!("bad shard count {n:?}"))?;
        if count == 0 || index >= count {
            return Err(format!("shard {index} of {count}: need 0 <= K < N"));
        }
        Ok(Shard { index, count })
    }
}

/// The candidate rule's settings as the Spark job reads them (`params.json`):
/// the very [`IndexOptions`] the single-machine index uses, so the join drops
/// and keeps what `copies` drops and keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Params {
    /// [`LAYOUT_VERSION`].
    pub layout: u32,
    /// Articles read (all shards together); ordinals are `0..articles`.
    pub articles: u64,
    /// Shards the fingerprint stage was asked for.
    pub shards: u32,
    /// Fingerprints held by more articles than this pair each holder with the
    /// `fanout_heads` lowest-ranked holders only.
    pub fanout_df: u64,
    /// Holders of a widely held fingerprint that every holder is paired with.
    pub fanout_heads: u64,
    /// Shared fingerprints a pair made through widely held fingerprints needs.
    pub min_shared_fanout: u32,
    /// Shared text fingerprints a candidate needs (signal `text`, code 0).
    pub min_shared_text: u32,
    /// Shared anchor fingerprints a candidate needs (signal `anchors`, code 1).
    pub min_shared_anchors: u32,
}

impl Params {
    /// The parameters of `options` for a corpus of `articles` in `shards` shards.
    pub fn new(options: &IndexOptions, articles: usize, shards: u32) -> Self {
        Params {
            layout: LAYOUT_VERSION,
            articles: articles as u64,
            shards,
            fanout_df: options.fanout_df.max(2) as u64,
            fanout_heads: options.fanout_heads.max(1) as u64,
            min_shared_fanout: options.min_shared_fanout,
            min_shared_text: options.min_shared_text,
            min_shared_anchors: options.min_shared_anchors,
        }
    }

    /// Writes `DIR/params.json`. Every shard writes the same file.
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn write(&self, dir: &Path) -> Result<()> {
        let path = dir.join("params.json");
        let json = serde_json::to_string_pretty(self)
            .map_err(|e| Error::Usage(format!("cannot encode stage parameters: {e}")))?;
        std::fs::write(&path, json + "\n").map_err(|e| io_error(&path, e))
    }
}

/// Signal code of text shingles in the postings table.
pub const SIGNAL_TEXT: i8 = 0;
/// Signal code of anchor triples in the postings table.
pub const SIGNAL_ANCHORS: i8 = 1;

/// An I/O error on a stage file.
pub(crate) fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        at: crate::error::Location {
            path: path.to_path_buf(),
            line: None,
        },
        source,
    }
}

/// A malformed or unreadable stage file.
pub(crate) fn bad_file(path: &Path, problem: impl std::fmt::Display) -> Error {
    Error::bad_input(path, problem.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_split_round_robin() {
        let s: Shard = "2/4".parse().unwrap();
        assert_eq!(s, Shard { index: 2, count: 4 });
        assert!(s.holds(2) && s.holds(6) && !s.holds(3));
        assert_eq!(s.file_name(), "part-00002-of-00004.parquet");
        assert!("4/4".parse::<Shard>().is_err());
        assert!("1/0".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
        assert!(Shard::ALL.holds(12345));
    }

    #[test]
    fn params_carry_the_index_limits() {
        let o = IndexOptions::default();
        let p = Params::new(&o, 10, 2);
        assert_eq!(p.fanout_df, o.fanout_df as u64);
        assert_eq!(p.min_shared_text, o.min_shared_text);
        assert_eq!(p.min_shared_anchors, o.min_shared_anchors);
    }
}
