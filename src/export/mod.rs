//! Output formats shared by every command: tables, CSV, DOT, `GraphML`,
//! Mermaid, JSON, and the escaping that keeps hostile article text inert in
//! each format — all of it in [`escape`], one module for every writer.

pub mod claimreview;
pub mod csv;
pub mod dot;
pub mod escape;
pub mod graph_csv;
pub mod graph_json;
pub mod graph_table;
pub mod graph_text;
pub mod graphml;
pub mod mermaid;
pub mod report;
pub mod table;
pub mod terminal;
