//! `citetrace` integration tests: copies.
