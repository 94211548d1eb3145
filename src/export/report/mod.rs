//! The desk report's writers: views of the model in [`crate::desk::report`]
//! ([`Report`](crate::desk::report::Report), its stories, cards, flags and
//! story pictures), never a second analysis.
//!
//! [`html`] writes one self-contained page, [`markdown`] a Markdown file for
//! a ticket or chat, [`svg`] each story's picture for the page (Graphviz when
//! installed, else a built-in layout). All article text passes through
//! [`crate::export::escape`].

pub mod html;
pub mod markdown;
pub mod svg;
