//! `citetrace` integration tests: desk.
