//! Quote checking: is every direct quote the same statement as its source?
//!
//! A pipeline stage between reuse and the graph: it reads the attributions
//! (who is quoted, with which words), the copy pairs (which article took
//! text from which) and the corpus registry (which article *is* a credited
//! source, by the graph's rule in [`crate::graph::credited`]), and its
//! verdicts become `quote-check` edges of the provenance graph.
//!
//! - [`check`] decides each quote's verdict (verified, partial, altered,
//!   unverified) and says why;
//! - [`locate`] finds candidate passages through an inverted index of
//!   content words and aligns them with the quote;
//! - [`diff`] shows, word by word, what changed between a quote and its
//!   source.

pub mod check;
pub mod diff;
pub mod locate;

pub use check::{Basis, Occurrence, QuoteCheck, Status, check_all};
