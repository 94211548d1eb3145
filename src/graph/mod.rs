//! The provenance graph: articles, outlets, reports, organisations and people,
//! joined by publication, authorship, citation, quotation and copying.
