//! The safe walk: which files the inputs name, each once, none from outside.
//!
//! Folders are walked recursively in sorted order, hidden entries skipped,
//! and only files of a readable format kept ([`super::Format::readable`]).
//! What a scraped or shared folder may hold is handled on purpose:
//!
//! - **Links out of the tree** are not followed: a symbolic link whose
//!   target lies outside every folder named on the command line (`ext ->
//!   /etc`) is skipped with a warning, unless `--follow` asks for it.
//! - **Loops** (a link to `.` or to a parent) end: each folder is entered
//!   once, identified by device and inode (on Unix; by canonical path
//!   elsewhere), whatever path leads to it.
//! - **Each file is read once**: a file reached by two paths (a link, a
//!   folder named twice) is read at the first and noted at the others.
//! - **Non-regular files** (FIFOs, sockets, devices) found in a folder are
//!   skipped with a warning and never opened: opening a FIFO blocks until a
//!   writer comes. A path named on the command line is read whatever it is
//!   (`<(cmd)` and `/dev/stdin` are pipes).
//!
//! The walk is a few dozen lines of `std` (`symlink_metadata`, `metadata`,
//! `canonicalize`, `MetadataExt::{dev, ino}`): what `walkdir` and
//! `same-file` would give, without two more dependencies.

use std::collections::HashSet;
use std::fs::Metadata;
use std::path::{Path, PathBuf};

use crate::error::Error;

use super::Format;

/// The files to read, and what the walk met on the way.
#[derive(Debug, Default)]
pub struct Walked {
    /// Files in input order (sorted within each folder), each once.
    pub files: Vec<PathBuf>,
    /// Inputs that could not be opened or listed.
    pub errors: Vec<Error>,
    /// Links not followed, loops, duplicates and non-regular files skipped.
    pub warnings: Vec<String>,
}

/// What identifies a file or folder whatever path reaches it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    /// Device and inode.
    #[cfg(unix)]
    Inode(u64, u64),
    /// The canonical path (where inodes are not at hand).
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

fn key_of(path: &Path, meta: &Metadata) -> Key {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        Key::Inode(meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Key::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
    }
}

/// A name for a non-regular file's kind, for the warning.
fn kind_of(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = meta;
    "not a regular file"
}

struct Walker {
    follow: bool,
    /// Canonical paths of the folders named as inputs.
    roots: Vec<PathBuf>,
    /// Folders entered and files kept, by identity, with the path first seen.
    folders: HashSet<Key>,
    seen: std::collections::HashMap<Key, PathBuf>,
    out: Walked,
}

/// Expands the inputs into the files to read (`-` stays as stdin).
pub fn files(inputs: &[PathBuf], follow: bool) -> Walked {
    let roots = inputs
        .iter()
        .filter(|p| p.as_os_str() != "-" && p.is_dir())
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    let mut walker = Walker {
        follow,
        roots,
        folders: HashSet::new(),
        seen: std::collections::HashMap::new(),
        out: Walked::default(),
    };
    for input in inputs {
        walker.input(input);
    }
    walker.out
}

impl Walker {
    /// One path named on the command line.
    fn input(&mut self, path: &Path) {
        if path.as_os_str() == "-" {
            self.out.files.push(path.to_path_buf());
            return;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => self.folder(path, &meta),
            // Named files are read whatever they are (a pipe from `<(cmd)` too).
            Ok(meta) => self.file(path, &meta),
            Err(e) => self.out.errors.push(Error::io(path, e)),
        }
    }

    /// Keeps a file unless the same file was kept already.
    fn file(&mut self, path: &Path, meta: &Metadata) {
        let key = key_of(path, meta);
        if let Some(first) = self.seen.get(&key) {
            self.out.warnings.push(format!(
                "{}: the same file as {}; read once",
                path.display(),
                first.display()
            ));
            return;
        }
        self.seen.insert(key, path.to_path_buf());
        self.out.files.push(path.to_path_buf());
    }

    /// Walks a folder (once, whatever path leads to it).
    fn folder(&mut self, path: &Path, meta: &Metadata) {
        if !self.folders.insert(key_of(path, meta)) {
            self.out.warnings.push(format!(
                "{}: a folder already read (a link loop or a second path to it); skipped",
                path.display()
            ));
            return;
        }
        let entries = match std::fs::read_dir(path) {
            Ok(rd) => rd,
            Err(e) => {
                self.out.errors.push(Error::io(path, e));
                return;
            }
        };
        let mut children: Vec<PathBuf> = entries
            .filter_map(std::result::Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .collect();
        children.sort();
        for child in children {
            self.entry(&child);
        }
    }

    /// One entry of a folder.
    fn entry(&mut self, path: &Path) {
        let Ok(own) = std::fs::symlink_metadata(path) else {
            return;
        };
        let meta = if own.file_type().is_symlink() {
            if !self.follow && !self.inside_roots(path) {
                let target = std::fs::read_link(path)
                    .map_or_else(|_| "?".into(), |t| t.display().to_string());
                self.out.warnings.push(format!(
                    "{}: a link to {target}, outside the folders named; not followed (use --follow to read it)",
                    path.display()
                ));
                return;
            }
            match std::fs::metadata(path) {
                Ok(m) => m,
                Err(e) => {
                    self.out
                        .warnings
                        .push(format!("{}: a broken link ({e}); skipped", path.display()));
                    return;
                }
            }
        } else {
            own
        };
        if meta.is_dir() {
            self.folder(path, &meta);
        } else if !Format::readable(path) {
            // Images, notes in unknown formats: not articles.
        } else if meta.is_file() {
            self.file(path, &meta);
        } else {
            self.out.warnings.push(format!(
                "{}: {}, not a regular file; skipped (never opened)",
                path.display(),
                kind_of(&meta)
            ));
        }
    }

    /// True when the link at `path` resolves inside a folder named as input.
    fn inside_roots(&self, path: &Path) -> bool {
        std::fs::canonicalize(path)
            .is_ok_and(|target| self.roots.iter().any(|root| target.starts_with(root)))
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    /// A fresh scratch folder for one test.
    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("citetrace-walk-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(w: &Walked, root: &Path) -> Vec<String> {
        w.files
            .iter()
            .map(|f| f.strip_prefix(root).unwrap_or(f).display().to_string())
            .collect()
    }

    #[test]
    fn link_loops_end_and_each_file_is_read_once() {
        let dir = scratch("loops");
        let corpus = dir.join("corpus");
        std::fs::create_dir_all(corpus.join("sub")).unwrap();
        std::fs::write(corpus.join("a.txt"), "A.").unwrap();
        std::fs::write(corpus.join("sub/b.txt"), "B.").unwrap();
        for name in ["l1", "l2", "l3"] {
            symlink(".", corpus.join(name)).unwrap();
        }
        symlink("..", corpus.join("sub/up")).unwrap();
        symlink("a.txt", corpus.join("same.txt")).unwrap();
        let w = files(&[corpus.clone(), corpus.join("a.txt")], false);
        assert_eq!(names(&w, &corpus), ["a.txt", "sub/b.txt"], "{w:?}");
        assert!(w.warnings.iter().any(|m| m.contains("already read")));
        assert!(w.warnings.iter().any(|m| m.contains("the same file as")));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn links_out_of_the_tree_need_follow() {
        let dir = scratch("out");
        let corpus = dir.join("corpus");
        let outside = dir.join("outside");
        std::fs::create_dir_all(&corpus).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(corpus.join("a.txt"), "A.").unwrap();
        std::fs::write(outside.join("secret.txt"), "S.").unwrap();
        symlink(&outside, corpus.join("ext")).unwrap();
        symlink(outside.join("secret.txt"), corpus.join("s.txt")).unwrap();
        let w = files(std::slice::from_ref(&corpus), false);
        assert_eq!(names(&w, &corpus), ["a.txt"]);
        assert_eq!(
            w.warnings
                .iter()
                .filter(|m| m.contains("not followed"))
                .count(),
            2,
            "{w:?}"
        );
        // Named on the command line, the outside folder counts as inside.
        let w = files(&[corpus.clone(), outside.clone()], false);
        assert_eq!(w.files.len(), 2, "{w:?}");
        let w = files(std::slice::from_ref(&corpus), true);
        assert_eq!(names(&w, &corpus), ["a.txt", "ext/secret.txt"], "{w:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn fifos_in_a_folder_are_skipped_unopened() {
        let dir = scratch("fifo");
        std::fs::write(dir.join("a.txt"), "A.").unwrap();
        let fifo = dir.join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: nothing to test
        }
        let w = files(std::slice::from_ref(&dir), false);
        assert_eq!(names(&w, &dir), ["a.txt"]);
        assert!(w.warnings.iter().any(|m| m.contains("a FIFO")), "{w:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
