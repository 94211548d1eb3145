//! `citetrace` integration tests: attributions.
