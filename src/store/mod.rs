//! The case file: a persistent `SQLite` store of a corpus and its findings.
//!
//! A desk follows a story for weeks. Instead of re-reading and re-analysing
//! the whole corpus on every command, `citetrace add` stores each article
//! once (text, metadata with origin and evidence, a content hash, a version)
//! with what is computed per article — its attributions and entity records,
//! its reuse fingerprints, its claim-index sentences — and the pairs of
//! articles already compared. Adding articles compares only the pairs a new
//! article touches; reading commands load the stored state into the same
//! [`crate::analysis::Analysis`] an in-memory run builds, doing only the
//! corpus-wide steps that are cheap (merging entity records, explaining
//! chains among compared pairs). `origin` answers from the stored claim
//! index without loading the corpus.
//!
//! - [`schema`]: the tables, the version (`PRAGMA user_version`) and the
//!   migrations; a foreign or corrupt file is refused with a clear error;
//! - [`add`]: incremental adds, one transaction each;
//! - [`load`]: the stored corpus and analysis;
//! - [`claims`]: the stored claim index and its query.
//!
//! The format is documented in `docs/formats.md` ("Case file").
//!
//! Every fallible function here fails with [`Error::CaseFile`], naming the
//! file and the problem (not a case file, newer schema, corrupt, busy,
//! unwritable, a stored record that does not parse).

#![allow(clippy::missing_errors_doc)]

pub mod add;
pub mod claims;
pub mod load;
pub mod schema;
pub mod trace;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

pub use add::{AddOptions, AddSummary};

/// How long a command waits for another process's write (a concurrent
/// `add`) before giving up: adds serialize instead of failing.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(600);

/// An open case file.
#[derive(Debug)]
pub struct CaseFile {
    conn: Connection,
    path: PathBuf,
}

impl CaseFile {
    /// Opens the case file at `path`, creating it when `create` is set and
    /// it does not exist; migrates an older schema when writing. Refuses a
    /// file that is not a citetrace case file, one from a newer citetrace,
    /// and a corrupt one.
    pub fn open(path: &Path, create: bool) -> Result<Self> {
        if !create && !path.exists() {
            return Err(problem(
                path,
                "no such file (create it with `citetrace add INPUT... --db FILE`)",
            ));
        }
        // Readers open read-write too (they never write): SQLite needs it
        // to share the write-ahead log's index with a concurrent writer.
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn = Connection::open_with_flags(path, flags).map_err(|e| sql(path, &e))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| sql(path, &e))?;
        let file = CaseFile {
            conn,
            path: path.to_path_buf(),
        };
        schema::prepare(&file, create)?;
        Ok(file)
    }

    /// The path the case file was opened at.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The `SQLite` connection, for the store's modules.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Maps a `SQLite` error to the library error, naming this file.
    pub(crate) fn err(&self, e: &rusqlite::Error) -> Error {
        sql(&self.path, e)
    }

    /// Runs `SQLite`'s own integrity check; `Ok(())` when it says "ok".
    pub fn integrity_check(&self) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(|e| self.err(&e))?;
        let lines: Vec<String> = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(&e))?
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| self.err(&e))?;
        if lines.len() == 1 && lines[0] == "ok" {
            Ok(())
        } else {
            Err(problem(
                &self.path,
                &format!("integrity check failed: {}", lines.join("; ")),
            ))
        }
    }
}

/// A case-file error with a message.
pub(crate) fn problem(path: &Path, message: &str) -> Error {
    Error::CaseFile {
        path: path.to_path_buf(),
        problem: message.to_string(),
    }
}

/// A `SQLite` error in words a user can act on.
pub(crate) fn sql(path: &Path, e: &rusqlite::Error) -> Error {
    use rusqlite::ErrorCode;
    let message = match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => {
            "not a citetrace case file (not an SQLite database)".to_string()
        }
        Some(ErrorCode::DatabaseCorrupt) => format!("the file is corrupt ({e})"),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => format!(
            "another process held the file for over {} s ({e})",
            BUSY_TIMEOUT.as_secs()
        ),
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied | ErrorCode::CannotOpen) => {
            format!("cannot open or write the file ({e})")
        }
        Some(ErrorCode::DiskFull) => format!("the disk is full ({e})"),
        _ => e.to_string(),
    };
    problem(path, &message)
}

/// A stored JSON column that does not parse: the file is damaged or was
/// written by an incompatible citetrace.
pub(crate) fn bad_json(path: &Path, what: &str, e: &serde_json::Error) -> Error {
    problem(path, &format!("stored {what} does not parse ({e})"))
}

/// FNV-1a 64 of the text, as 16 hex digits: the content hash that tells a
/// re-added article from a changed one (the text itself is compared too).
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// A 64-bit key as `SQLite` stores integers (the bits kept, the sign reused).
pub(crate) fn key(k: u64) -> i64 {
    i64::from_ne_bytes(k.to_ne_bytes())
}
