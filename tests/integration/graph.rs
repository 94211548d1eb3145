//! `citetrace` integration tests: graph.
