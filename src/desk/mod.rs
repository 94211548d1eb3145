//! The fact-checker's desk: quote verification, the origin of a claim, and a
//! shareable report.
