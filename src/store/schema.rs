//! The case file's tables, its version and its migrations.
//!
//! A case file is an `SQLite` database whose `application_id` is
//! [`APPLICATION_ID`] and whose `user_version` is the schema version. A
//! writer brings an older file up to [`VERSION`] by running the
//! [`MIGRATIONS`] it lacks, in one transaction; a reader refuses a file
//! that needs migrating (run `add` once) or is newer than this citetrace.
//! The tables are documented in `docs/formats.md` ("Case file").

use super::{CaseFile, problem};
use crate::error::Result;

/// `PRAGMA application_id` of a case file: "CTRC" in ASCII.
pub const APPLICATION_ID: i32 = 0x4354_5243;

/// The schema version this citetrace writes and reads.
pub const VERSION: i32 = 2;

/// Migration `k` brings a file from version `k` to `k + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 0 → 1: the first schema.
    r"
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO meta(key, value) VALUES ('next_seq', 0), ('claim_units', 0), ('next_term_ord', 0);
CREATE TABLE article (
    row INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    current INTEGER NOT NULL,
    hash TEXT NOT NULL,
    path TEXT NOT NULL,
    outlet TEXT,
    date TEXT,
    title TEXT,
    text TEXT NOT NULL,
    meta TEXT NOT NULL,
    boilerplate TEXT NOT NULL,
    added TEXT NOT NULL,
    UNIQUE (id, version)
);
CREATE INDEX article_current ON article(current, seq);
CREATE INDEX article_id ON article(id, current);
CREATE TABLE attribution (
    article INTEGER NOT NULL REFERENCES article(row),
    n INTEGER NOT NULL,
    cue TEXT NOT NULL,
    source TEXT,
    entity TEXT,
    record TEXT NOT NULL,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;
CREATE TABLE entity_record (
    article INTEGER NOT NULL REFERENCES article(row),
    n INTEGER NOT NULL,
    entity TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;
CREATE TABLE pair (
    a INTEGER NOT NULL REFERENCES article(row),
    b INTEGER NOT NULL REFERENCES article(row),
    relation TEXT NOT NULL,
    tier TEXT NOT NULL,
    score REAL NOT NULL,
    found TEXT NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX pair_b ON pair(b);
CREATE TABLE fingerprint (
    kind INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES article(row),
    PRIMARY KEY (kind, hash, article)
) WITHOUT ROWID;
CREATE INDEX fingerprint_article ON fingerprint(article);
CREATE TABLE claim_unit (
    unit INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES article(row),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    terms BLOB NOT NULL
);
CREATE INDEX claim_unit_article ON claim_unit(article);
CREATE TABLE claim_term (
    term INTEGER PRIMARY KEY,
    ord INTEGER NOT NULL,
    df INTEGER NOT NULL
);
CREATE TABLE claim_posting (
    term INTEGER NOT NULL,
    unit INTEGER NOT NULL,
    PRIMARY KEY (term, unit)
) WITHOUT ROWID;
CREATE TABLE name_key (
    key TEXT NOT NULL,
    article INTEGER NOT NULL REFERENCES article(row),
    PRIMARY KEY (key, article)
) WITHOUT ROWID;
",
    // 1 → 2: each article's lines as the stock pass keys them, and the
    // lines it learned as stock, so every add learns stock text over the
    // whole file ([`fill_stock_lines`] fills it for the stored articles).
    r"
CREATE TABLE stock_line (
    article INTEGER PRIMARY KEY REFERENCES article(row),
    lines BLOB NOT NULL,
    marked BLOB NOT NULL
);
",
];

/// Migration 1 → 2's second half: the keyed lines of every stored current
/// article, and the lines its stored boilerplate marks as stock (so the
/// next add redoes only the articles whose stock lines change).
fn fill_stock_lines(file: &CaseFile) -> Result<()> {
    use crate::read::infer::stock::{StockOptions, keyed_lines, pack_lines};
    let conn = file.conn();
    let err = |e: rusqlite::Error| file.err(&e);
    let rows: Vec<i64> = {
        let mut stmt = conn
            .prepare("SELECT row FROM article WHERE current = 1")
            .map_err(err)?;
        stmt.query_map([], |r| r.get(0))
            .map_err(err)?
            .collect::<std::result::Result<_, _>>()
            .map_err(err)?
    };
    let min_words = StockOptions::default().min_words;
    let mut put = conn
        .prepare("INSERT OR REPLACE INTO stock_line (article, lines, marked) VALUES (?1, ?2, ?3)")
        .map_err(err)?;
    for chunk in rows.chunks(1024) {
        for (row, a) in super::load::articles_by_row(file, chunk)? {
            let lines = keyed_lines(&a, min_words);
            let mut marked: Vec<u8> = Vec::new();
            for (k, l) in lines.iter().enumerate() {
                let range = a.text.range_of_bytes(l.line.start, l.line.end);
                let stock = a.boilerplate.iter().any(|b| {
                    b.kind == crate::article::BoilerplateKind::Stock
                        && b.span.start == range.start
                        && b.span.end == range.end
                });
                if stock {
                    marked.extend_from_slice(&u32::try_from(k).unwrap_or(u32::MAX).to_le_bytes());
                }
            }
            put.execute(rusqlite::params![row, pack_lines(&lines), marked])
                .map_err(err)?;
        }
    }
    Ok(())
}

fn pragma_i32(file: &CaseFile, name: &str) -> Result<i32> {
    file.conn()
        .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
        .map_err(|e| file.err(&e))
}

/// Checks that the file is a case file of a known version; when `write`,
/// turns WAL on and creates or migrates the schema.
pub fn prepare(file: &CaseFile, write: bool) -> Result<()> {
    let path = file.path();
    // The first read of the header tells an SQLite file from anything else.
    let app = pragma_i32(file, "application_id")?;
    let version = pragma_i32(file, "user_version")?;
    let tables: i64 = file
        .conn()
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| file.err(&e))?;
    let empty = app == 0 && version == 0 && tables == 0;
    if !empty && app != APPLICATION_ID {
        return Err(problem(
            path,
            "not a citetrace case file (an SQLite database of another application)",
        ));
    }
    if version > VERSION {
        return Err(problem(
            path,
            &format!(
                "written by a newer citetrace (schema version {version}; this one knows up to {VERSION})"
            ),
        ));
    }
    // Map the file (up to SQLite's limit) instead of copying every page
    // read: `origin` reads many scattered pages of a large file.
    file.conn()
        .pragma_update(None, "mmap_size", 1i64 << 33)
        .map_err(|e| file.err(&e))?;
    if !write {
        if empty {
            return Err(problem(path, "empty: nothing was added to it yet"));
        }
        if version < VERSION {
            return Err(problem(
                path,
                &format!(
                    "schema version {version} is older than {VERSION}: run `citetrace add` once to migrate it"
                ),
            ));
        }
        return Ok(());
    }
    let conn = file.conn();
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(|e| file.err(&e))?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(|e| file.err(&e))?;
    // A large page cache: an add writes postings all over their B-trees.
    conn.pragma_update(None, "cache_size", -262_144)
        .map_err(|e| file.err(&e))?;
    if version == VERSION {
        return Ok(());
    }
    // Migrate under the write lock; another writer may have done it first.
    conn.execute_batch("BEGIN IMMEDIATE")
        .map_err(|e| file.err(&e))?;
    let result = (|| {
        let now = pragma_i32(file, "user_version")?;
        for (k, migration) in MIGRATIONS.iter().enumerate().skip(now.max(0) as usize) {
            conn.execute_batch(migration).map_err(|e| file.err(&e))?;
            if k == 1 {
                fill_stock_lines(file)?;
            }
            conn.pragma_update(
                None,
                "user_version",
                i32::try_from(k + 1).unwrap_or(i32::MAX),
            )
            .map_err(|e| file.err(&e))?;
        }
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(|e| file.err(&e))?;
        Ok(())
    })();
    match result {
        Ok(()) => conn.execute_batch("COMMIT").map_err(|e| file.err(&e)),
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_gets_the_current_schema_and_reopens_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.db");
        let file = CaseFile::open(&path, true).unwrap();
        assert_eq!(pragma_i32(&file, "user_version").unwrap(), VERSION);
        assert_eq!(pragma_i32(&file, "application_id").unwrap(), APPLICATION_ID);
        drop(file);
        let again = CaseFile::open(&path, false).unwrap();
        again.integrity_check().unwrap();
    }

    #[test]
    fn a_version_1_file_migrates_with_its_stored_lines_keyed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        let text = "A first line of the story with enough words in it.\nA second line, also long enough to be keyed here.";
        conn.execute(
            "INSERT INTO article (id, version, seq, current, hash, path, text, meta, boilerplate, added)
             VALUES ('a', 1, 0, 1, '', 'a.txt', ?1, ?2, '[]', '')",
            [
                text.to_string(),
                serde_json::to_string(&crate::article::Article::new("a", "a.txt", text.into()).meta)
                    .unwrap(),
            ],
        )
        .unwrap();
        drop(conn);
        assert!(
            CaseFile::open(&path, false).is_err(),
            "a reader does not migrate"
        );
        let file = CaseFile::open(&path, true).unwrap();
        assert_eq!(pragma_i32(&file, "user_version").unwrap(), VERSION);
        let (lines, marked): (Vec<u8>, Vec<u8>) = file
            .conn()
            .query_row("SELECT lines, marked FROM stock_line", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        let lines = crate::read::infer::stock::unpack_lines(&lines);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.key != 0));
        assert!(marked.is_empty());
    }

    #[test]
    fn foreign_and_garbage_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let other = dir.path().join("other.db");
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE t (x)").unwrap();
        drop(conn);
        let err = CaseFile::open(&other, true).unwrap_err().to_string();
        assert!(err.contains("another application"), "{err}");
        let junk = dir.path().join("junk.db");
        std::fs::write(&junk, vec![b'x'; 8192]).unwrap();
        let err = CaseFile::open(&junk, false).unwrap_err().to_string();
        assert!(err.contains("not a citetrace case file"), "{err}");
        let missing = dir.path().join("missing.db");
        assert!(CaseFile::open(&missing, false).is_err());
    }
}
