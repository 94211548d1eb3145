//! Reading inputs into [`Article`]s: files, directories and stdin.
//!
//! [`read_inputs`] walks the paths (directories recursively, sorted, hidden
//! entries skipped), reads each file with a size limit, decodes it as UTF-8
//! (a BOM is dropped; anything else that is not UTF-8 is an error naming the
//! file), and hands it to the reader for its format: [`plain`] for `.txt`/`.md`,
//! [`html`] for `.html`/`.htm`, [`json`] for `.json`/`.jsonl`/`.ndjson`. A
//! `--meta` [`manifest`] then sets or overrides fields, and [`infer`] reads
//! the metadata a desk editor would read from the text itself.
//!
//! One bad file never stops the run: it becomes an [`Error`] in
//! [`Corpus::errors`] and the rest is read.

pub mod agencies;
pub mod dates;
pub mod decode;
pub mod html;
pub mod infer;
pub mod json;
pub mod manifest;
pub mod plain;
pub mod sniff;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::article::Article;
use crate::error::{Error, Result};

/// Default per-file size limit: 50 MB.
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1024 * 1024;

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Files larger than this are rejected.
    pub max_bytes: u64,
    /// Optional manifest (CSV or JSON keyed by article id) whose fields win.
    pub manifest: Option<PathBuf>,
    /// Run metadata inference from the text.
    pub infer: bool,
    /// The format of stdin and of files whose extension names none; `None`
    /// tells it from the content ([`Format::sniff`]).
    pub input_format: Option<Format>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: DEFAULT_MAX_BYTES,
            manifest: None,
            infer: true,
            input_format: None,
        }
    }
}

/// The articles read, in input order, and the inputs that failed.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Articles with unique ids, in the order of the sorted inputs.
    pub articles: Vec<Article>,
    /// One error per input (file or JSON line) that could not be read.
    pub errors: Vec<Error>,
    /// Things worth telling the user that did not stop anything (manifest
    /// ids that match no article). They do not change the exit code.
    pub warnings: Vec<String>,
}

impl Corpus {
    /// The article with `id`, if any.
    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }
}

/// The formats citetrace reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.md`, stdin, and anything without a known extension.
    Plain,
    /// `.html`, `.htm`, `.xhtml`.
    Html,
    /// `.json`: one object or an array of objects.
    Json,
    /// `.jsonl`, `.ndjson`: one object per line.
    JsonLines,
}

impl Format {
    /// The format for a path, by extension (case-insensitive).
    pub fn of(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("json") => Format::Json,
            Some("jsonl" | "ndjson") => Format::JsonLines,
            _ => Format::Plain,
        }
    }

    /// True when a file found in a directory walk should be read: a known
    /// extension (`.txt`, `.md`, `.text`, `.html`, `.htm`, `.xhtml`, `.json`,
    /// `.jsonl`, `.ndjson`) or none at all.
    pub fn readable(path: &Path) -> bool {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        matches!(
            ext.as_deref(),
            None | Some(
                "txt" | "md" | "text" | "html" | "htm" | "xhtml" | "json" | "jsonl" | "ndjson"
            )
        )
    }
}

/// Reads every input path into a corpus.
///
/// Directories are walked recursively in sorted order, skipping hidden
/// entries; files are read in parallel. Errors for single files land in
/// [`Corpus::errors`].
///
/// # Errors
/// Only when the manifest itself cannot be read; per-file problems are
/// collected, not returned.
pub fn read_inputs(inputs: &[PathBuf], options: &Options) -> Result<Corpus> {
    let manifest = match &options.manifest {
        Some(path) => Some(manifest::Manifest::load(path)?),
        None => None,
    };
    let mut errors = Vec::new();
    let mut files = Vec::new();
    for input in inputs {
        collect_files(input, &mut files, &mut errors);
    }
    let results: Vec<(Vec<Article>, Vec<Error>)> = files
        .par_iter()
        .map(|path| read_file(path, options))
        .collect();
    let mut articles = Vec::new();
    for (mut read, mut errs) in results {
        articles.append(&mut read);
        errors.append(&mut errs);
    }
    make_ids_unique(&mut articles);
    let mut warnings: Vec<String> = articles
        .iter_mut()
        .flat_map(|a| {
            std::mem::take(&mut a.warnings)
                .into_iter()
                .map(|w| format!("{}: {w}", a.path))
                .collect::<Vec<_>>()
        })
        .collect();
    if let Some(manifest) = &manifest {
        let mut used = std::collections::HashSet::new();
        for article in &mut articles {
            if manifest.apply(article) {
                used.insert(article.id.clone());
            }
        }
        for id in manifest.entries.keys().filter(|id| !used.contains(*id)) {
            warnings.push(format!(
                "{}: manifest id {id:?} matches no article read",
                manifest.path.display()
            ));
        }
    }
    if options.infer {
        articles.par_iter_mut().for_each(infer::infer);
    }
    Ok(Corpus {
        articles,
        errors,
        warnings,
    })
}

/// Expands one input into files: the path itself, or a directory's files.
fn collect_files(path: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Error>) {
    if path.as_os_str() == "-" {
        files.push(path.to_path_buf());
        return;
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            errors.push(Error::io(path, e));
            return;
        }
    };
    if !meta.is_dir() {
        files.push(path.to_path_buf());
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(rd) => rd,
        Err(e) => {
            errors.push(Error::io(path, e));
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
        // Inside a directory, files of other kinds (images, manifests, notes
        // in unknown formats) are not articles; named files are always read.
        if child.is_dir() || Format::readable(&child) {
            collect_files(&child, files, errors);
        }
    }
}

/// Reads one file (or stdin) and parses it by format: the articles read and
/// the errors met (a JSON Lines file can have both).
fn read_file(path: &Path, options: &Options) -> (Vec<Article>, Vec<Error>) {
    let known = Format::by_extension(path).or(options.input_format);
    let decoded = match load_decoded(path, options.max_bytes, known != Some(Format::Plain)) {
        Ok(d) => d,
        Err(e) => return (Vec::new(), vec![e]),
    };
    let (format, sniffed) = known.map_or_else(|| Format::sniff(&decoded.text), |f| (f, None));
    let text = decoded.text;
    let stem = if path.as_os_str() == "-" {
        "stdin".to_string()
    } else {
        path.file_stem()
            .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned())
    };
    let shown = path.display().to_string();
    let one = |r: Result<Article>| match r {
        Ok(a) => (vec![a], Vec::new()),
        Err(e) => (Vec::new(), vec![e]),
    };
    let (mut articles, errors) = match format {
        Format::Plain => one(plain::parse(&stem, &shown, text)),
        Format::Html => one(html::parse(&stem, &shown, &text)),
        Format::Json => json::parse_json(&stem, path, &text),
        Format::JsonLines => json::parse_lines(&stem, path, &text),
    };
    if let Some(first) = articles.first_mut() {
        first
            .warnings
            .extend(decoded.warning.into_iter().chain(sniffed));
    }
    (articles, errors)
}

/// Reads a file's bytes within the size limit and decodes them ([`decode`]
/// module; a guessed encoding's warning is dropped here).
///
/// # Errors
/// Missing or unreadable file, over the limit, empty, or binary (NUL bytes).
pub fn load_text(path: &Path, max_bytes: u64) -> Result<String> {
    load_decoded(path, max_bytes, false).map(|d| d.text)
}

/// Reads a file's bytes within the size limit and decodes them as a browser
/// would ([`decode::decode`]; `html` looks for a declared charset).
///
/// # Errors
/// Missing or unreadable file, over the limit, empty, or binary (NUL bytes).
pub fn load_decoded(path: &Path, max_bytes: u64, html: bool) -> Result<decode::Decoded> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
    } else {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let size = file.metadata().map_err(|e| Error::io(path, e))?.len();
        if size > max_bytes {
            return Err(Error::TooLarge {
                at: crate::error::Location {
                    path: path.to_path_buf(),
                    line: None,
                },
                size,
                limit: max_bytes,
            });
        }
        file.take(max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
    }
    if bytes.len() as u64 > max_bytes {
        return Err(Error::TooLarge {
            at: crate::error::Location {
                path: path.to_path_buf(),
                line: None,
            },
            size: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    decode::decode(path, &bytes, html)
}

/// Decodes bytes as text ([`decode::decode`] without a charset declaration;
/// a detected encoding's warning is dropped).
///
/// # Errors
/// Empty (or only whitespace) or binary (contains NUL without a UTF-16 BOM).
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String> {
    decode::decode(path, bytes, false).map(|d| d.text)
}

/// Makes article ids unique by suffixing `-2`, `-3`, ... in input order.
fn make_ids_unique(articles: &mut [Article]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for article in articles.iter_mut() {
        let count = seen.entry(article.id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            let mut n = *count;
            let mut candidate = format!("{}-{n}", article.id);
            while seen.contains_key(&candidate) {
                n += 1;
                candidate = format!("{}-{n}", article.id);
            }
            seen.insert(candidate.clone(), 1);
            article.id = candidate;
        }
    }
}
