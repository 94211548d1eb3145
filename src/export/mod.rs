//! Output formats shared by every command: tables, CSV, and the escaping that
//! keeps hostile article text inert in each format.

pub mod csv;
pub mod dot;
pub mod graph_csv;
pub mod graph_json;
pub mod graph_table;
pub mod graph_text;
pub mod graphml;
pub mod mermaid;
pub mod table;
pub mod terminal;
