//! Output formats shared by every command: tables, CSV, and the escaping that
//! keeps hostile article text inert in each format.

pub mod csv;
pub mod table;
