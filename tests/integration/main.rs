//! The one integration-test binary: runs the real `citetrace` CLI.
//!
//! Each command has its own module; `util` is the small harness they share.

mod articles;

mod attributions;

mod casefile;

mod copies;

mod graph;

mod desk;

mod hostile;

mod staged;
mod util;
