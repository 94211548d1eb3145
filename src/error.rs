//! The one error type of the library.
//!
//! Every failure names the input it concerns (file, and line for JSON Lines)
//! and the problem in one line, so a command can report a bad file and go on
//! with the rest. The binary maps errors to exit codes (see `docs/cli.md`).

use std::path::PathBuf;

/// Where an error happened: a file (or `-` for stdin), optionally a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The path as the user gave it (or `-`).
    pub path: PathBuf,
    /// 1-based line number, for line-oriented inputs (JSON Lines, CSV).
    pub line: Option<usize>,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path.display()),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

/// Everything that can go wrong in citetrace's library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be opened or read (missing, permission denied, ...).
    #[error("{at}: cannot read: {source}")]
    Io {
        /// The file.
        at: Location,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The input is not something citetrace can read as an article.
    #[error("{at}: {problem}")]
    BadInput {
        /// The file (and line).
        at: Location,
        /// What is wrong, in a few words ("empty file", "binary file", ...).
        problem: String,
    },
    /// The file is larger than the configured limit (`--max-bytes`).
    #[error("{at}: file is {size} bytes, over the limit of {limit} bytes (see --max-bytes)")]
    TooLarge {
        /// The file.
        at: Location,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Writing output failed (other than a closed pipe, which is not an error).
    #[error("cannot write output: {0}")]
    Output(#[source] std::io::Error),
    /// A command-level problem that is not tied to one input file.
    #[error("{0}")]
    Usage(String),
    /// The case file (`--db FILE`) cannot be used: not a citetrace case
    /// file, written by a newer citetrace, corrupt, locked, or unwritable.
    #[error("{path}: case file: {problem}")]
    CaseFile {
        /// The case file.
        path: PathBuf,
        /// What is wrong, in a few words.
        problem: String,
    },
}

impl Error {
    /// Builds a [`Error::BadInput`] for `path` (no line).
    pub fn bad_input(path: impl Into<PathBuf>, problem: impl Into<String>) -> Self {
        Error::BadInput {
            at: Location {
                path: path.into(),
                line: None,
            },
            problem: problem.into(),
        }
    }

    /// Builds a [`Error::BadInput`] for `path` at 1-based `line`.
    pub fn bad_line(path: impl Into<PathBuf>, line: usize, problem: impl Into<String>) -> Self {
        Error::BadInput {
            at: Location {
                path: path.into(),
                line: Some(line),
            },
            problem: problem.into(),
        }
    }

    /// Builds an [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            at: Location {
                path: path.into(),
                line: None,
            },
            source,
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
