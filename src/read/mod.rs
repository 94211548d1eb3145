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
pub mod walk;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::article::Article;
use crate::error::{Error, Result};

/// Default per-file size limit: 50 MB (per record for JSON Lines).
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1024 * 1024;

/// Default per-article budget: 2 `MiB` of text. A news story is rarely over
/// 100 KB; an article's text past the budget is cut (at a line break where
/// there is one) with a warning naming the file, the article and the limit,
/// so one runaway input cannot hold the run's time and memory while the
/// rest of the corpus waits. See `docs/robustness.md`.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Files larger than this are rejected (for JSON Lines: records).
    pub max_bytes: u64,
    /// Optional manifest (CSV or JSON keyed by article id) whose fields win.
    pub manifest: Option<PathBuf>,
    /// Run metadata inference from the text.
    pub infer: bool,
    /// The format of stdin and of files whose extension names none; `None`
    /// tells it from the content ([`Format::sniff`]).
    pub input_format: Option<Format>,
    /// Follow symbolic links that lead out of the folders named as inputs.
    pub follow: bool,
    /// Per-article budget in bytes of text: longer texts are cut with a warning.
    pub max_article_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: DEFAULT_MAX_BYTES,
            manifest: None,
            infer: true,
            input_format: None,
            follow: false,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
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
    let walked = walk::files(inputs, options.follow);
    let mut errors = walked.errors;
    let mut warnings = walked.warnings;
    let results: Vec<json::Parsed> = walked
        .files
        .par_iter()
        .map(|path| read_file(path, options))
        .collect();
    let mut articles = Vec::new();
    for mut read in results {
        for article in &mut read.articles {
            if let Some(w) = keep_within_budget(article, options.max_article_bytes) {
                warnings.push(w);
            }
        }
        articles.append(&mut read.articles);
        errors.append(&mut read.errors);
        warnings.append(&mut read.warnings);
    }
    make_ids_unique(&mut articles);
    for a in &mut articles {
        let path = a.path.clone();
        warnings.extend(
            std::mem::take(&mut a.warnings)
                .into_iter()
                .map(|w| format!("{path}: {w}")),
        );
    }
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

/// Reads one file (or stdin) and parses it by format: the articles read and
/// the errors met (a JSON Lines file can have both).
fn read_file(path: &Path, options: &Options) -> json::Parsed {
    let stem = if path.as_os_str() == "-" {
        "stdin".to_string()
    } else {
        path.file_stem()
            .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned())
    };
    let failed = |e| json::Parsed {
        errors: vec![e],
        ..json::Parsed::default()
    };
    let known = Format::by_extension(path).or(options.input_format);
    if known == Some(Format::JsonLines) && path.as_os_str() != "-" {
        // Streamed record by record: the size limit is per record.
        return match std::fs::File::open(path) {
            Ok(file) => json::read_lines(
                &stem,
                path,
                std::io::BufReader::with_capacity(1 << 16, file),
                options.max_bytes,
            ),
            Err(e) => failed(Error::io(path, e)),
        };
    }
    let decoded = match load_decoded(path, options.max_bytes, known != Some(Format::Plain)) {
        Ok(d) => d,
        Err(e) => return failed(e),
    };
    let (format, sniffed) = known.map_or_else(|| Format::sniff(&decoded.text), |f| (f, None));
    let text = decoded.text;
    let shown = path.display().to_string();
    let one = |r: Result<Article>| match r {
        Ok(a) => json::Parsed {
            articles: vec![a],
            ..json::Parsed::default()
        },
        Err(e) => failed(e),
    };
    let mut parsed = match format {
        Format::Plain => one(plain::parse(&stem, &shown, text)),
        Format::Html => one(html::parse(&stem, &shown, &text)),
        Format::Json => json::parse_json_noted(&stem, path, &text),
        Format::JsonLines => json::read_lines(&stem, path, text.as_bytes(), options.max_bytes),
    };
    if let Some(first) = parsed.articles.first_mut() {
        first
            .warnings
            .extend(decoded.warning.into_iter().chain(sniffed));
    }
    parsed
}

/// Cuts `article`'s text to `budget` bytes when it is longer (at the last
/// line break in the budget's second half, else on a character boundary),
/// dropping the boilerplate marks and evidence past the cut. Returns the
/// warning that names the file, the article and the limit.
fn keep_within_budget(article: &mut Article, budget: usize) -> Option<String> {
    let full = article.text.as_str();
    if full.len() <= budget {
        return None;
    }
    let mut cut = budget;
    while !full.is_char_boundary(cut) {
        cut -= 1;
    }
    if let Some(nl) = full[budget / 2..cut].rfind('\n') {
        cut = budget / 2 + nl;
    }
    let warning = format!(
        "{}: article {}: text of {} bytes is over the per-article budget of {budget} bytes \
         (see --max-article-bytes); only its first {cut} bytes are read",
        article.path,
        article.id,
        full.len(),
    );
    let kept = full[..cut].to_string();
    let mut cut_article = Article::new(
        std::mem::take(&mut article.id),
        std::mem::take(&mut article.path),
        kept,
    );
    let chars = cut_article.text.char_len();
    cut_article.meta = std::mem::take(&mut article.meta);
    let within = |s: &crate::span::Span| s.end <= chars;
    for field in [
        &mut cut_article.meta.title,
        &mut cut_article.meta.outlet,
        &mut cut_article.meta.author,
        &mut cut_article.meta.affiliation,
        &mut cut_article.meta.place,
        &mut cut_article.meta.url,
        &mut cut_article.meta.language,
    ]
    .into_iter()
    .flatten()
    {
        if field.evidence.as_ref().is_some_and(|e| !within(e)) {
            field.evidence = None;
        }
    }
    for field in [&mut cut_article.meta.date, &mut cut_article.meta.date_floor]
        .into_iter()
        .flatten()
    {
        if field.evidence.as_ref().is_some_and(|e| !within(e)) {
            field.evidence = None;
        }
    }
    cut_article.meta.credits.retain(|c| within(&c.evidence));
    cut_article.boilerplate = std::mem::take(&mut article.boilerplate)
        .into_iter()
        .filter(|b| within(&b.span))
        .collect();
    *article = cut_article;
    Some(warning)
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
            .take(max_bytes.saturating_add(1))
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
        file.take(max_bytes.saturating_add(1))
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
///
/// The first article with an id keeps it; a repeat takes the first suffix
/// that no article was given and no earlier repeat took, so `a`, `a`, `a-2`
/// become `a`, `a-3`, `a-2` and a manifest row for `a-2` still finds the
/// article that was called `a-2`.
fn make_ids_unique(articles: &mut [Article]) {
    let mut taken: std::collections::HashSet<String> =
        articles.iter().map(|a| a.id.clone()).collect();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut next: HashMap<String, usize> = HashMap::new();
    for article in articles.iter_mut() {
        if seen.insert(article.id.clone()) {
            continue;
        }
        let n = next.entry(article.id.clone()).or_insert(2);
        let mut candidate = format!("{}-{n}", article.id);
        while taken.contains(&candidate) {
            *n += 1;
            candidate = format!("{}-{n}", article.id);
        }
        *n += 1;
        taken.insert(candidate.clone());
        seen.insert(candidate.clone());
        article.id = candidate;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        let mut articles: Vec<Article> = list
            .iter()
            .map(|id| Article::new(*id, "p", "Text.".to_string()))
            .collect();
        make_ids_unique(&mut articles);
        articles.into_iter().map(|a| a.id).collect()
    }

    #[test]
    fn ids_are_unique_without_taking_a_given_id() {
        assert_eq!(ids(&["a", "a", "a-2"]), ["a", "a-3", "a-2"]);
        assert_eq!(ids(&["a", "a", "a", "a-3"]), ["a", "a-2", "a-4", "a-3"]);
        assert_eq!(ids(&["b", "c"]), ["b", "c"]);
        let many = ids(&["x"; 500]);
        let unique: std::collections::HashSet<&String> = many.iter().collect();
        assert_eq!(unique.len(), 500);
    }

    #[test]
    fn an_article_over_the_budget_is_cut_with_a_warning() {
        let text = format!("{}\n{}", "é".repeat(300), "b".repeat(400));
        let mut a = Article::new("big\u{1b}[2J", "in/big.txt", text);
        let w = keep_within_budget(&mut a, 700).expect("over the budget");
        assert!(
            w.starts_with("in/big.txt: article big\u{1b}[2J: text of 1001 bytes"),
            "{w}"
        );
        assert_eq!(a.text.as_str(), "é".repeat(300), "cut at the line break");
        assert_eq!(a.id, "big\u{1b}[2J");
        let mut b = Article::new("b", "p", "c".repeat(10));
        assert!(keep_within_budget(&mut b, 10).is_none());
        let mut c = Article::new("c", "p", "ü".repeat(10));
        assert!(keep_within_budget(&mut c, 5).is_some());
        assert_eq!(c.text.as_str(), "üü");
    }

    #[test]
    fn the_largest_size_limit_does_not_overflow() {
        let dir = std::env::temp_dir().join(format!("citetrace-max-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.txt");
        std::fs::write(&file, "Some text.").unwrap();
        assert_eq!(load_text(&file, u64::MAX).unwrap(), "Some text.");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
