//! The fact-checker's desk: the origin of a claim, and a shareable report —
//! views of the provenance model ([`crate::graph`]), no analysis of their own.
//!
//! - [`origin`] answers "where does this claim first appear, and how did it
//!   spread?" from an inverted index built once, then reads the graph for
//!   whom each step credits and which corpus article that source is;
//! - [`report`] arranges the graph's stories and findings for reading (its
//!   writers are in [`crate::export::report`]).
//!
//! Quote checking is a pipeline stage of its own, [`crate::quotes`].

pub mod origin;
pub mod report;
