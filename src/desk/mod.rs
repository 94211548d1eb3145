//! The fact-checker's desk: quote verification, the origin of a claim, and a
//! shareable report.
//!
//! - [`quotes`] checks every direct quote against the corpus ([`locate`]
//!   finds passages, [`diff`] shows what changed);
//! - [`origin`] answers "where does this claim first appear, and how did it
//!   spread?" from an inverted index built once;
//! - [`report`] writes one self-contained HTML (or Markdown) file with the
//!   provenance graph, article cards, flags and copy evidence.

pub mod diff;
pub mod locate;
pub mod origin;
pub mod quotes;
pub mod report;
pub mod sources;
