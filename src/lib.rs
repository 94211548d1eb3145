//! citetrace: a source-provenance and citation tracer for news.
//!
//! The library follows the pipeline (see `docs/DESIGN.md`):
//!
//! ```text
//! read → text → attribution → entities → reuse → quotes → graph → export / desk
//! ```
//!
//! - [`read`] turns files into [`article::Article`]s and infers metadata;
//! - [`text`] addresses text in characters, normalises it for matching and
//!   segments it;
//! - [`attribution`] finds cue, source and content, and [`entities`] resolves
//!   sources to reports, outlets, organisations and people;
//! - [`reuse`] finds who copied whom; [`quotes`] checks every direct quote
//!   against its source;
//! - [`graph`] builds the provenance graph; [`export`] writes it and
//!   everything else; [`desk`] serves the fact-checker's commands;
//! - [`stage`] writes and reads the Parquet stage files of distributed copy
//!   detection;
//! - [`eval`] measures attribution accuracy against brat standoff gold.

pub mod analysis;
pub mod article;
pub mod attribution;
pub mod desk;
pub mod entities;
pub mod error;
pub mod eval;
pub mod export;
pub mod graph;
pub mod quotes;
pub mod read;
pub mod reuse;
pub mod span;
pub mod stage;
pub mod store;
pub mod text;

pub use error::{Error, Result};
