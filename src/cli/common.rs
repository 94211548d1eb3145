//! What every command shares: input and output options, the writer, progress.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{Result, bail};
use citetrace::read::{self, Corpus};

/// How a command ended when it did not fail outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every input was read.
    Complete,
    /// Some inputs failed (reported on stderr); the rest were processed.
    SomeInputsFailed,
}

/// Inputs: files, directories, `-` for stdin.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Files or directories to read (.txt .md .html .htm .json .jsonl); `-` reads stdin.
    #[arg(required_unless_present = "db", value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Answer from a case file built by `citetrace add` instead of reading inputs.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["inputs", "meta"])]
    pub db: Option<PathBuf>,
    /// Manifest (CSV or JSON keyed by article id) that sets or overrides metadata.
    #[arg(long, value_name = "FILE")]
    pub meta: Option<PathBuf>,
    /// Largest file to read, in bytes (for JSON Lines: largest record).
    #[arg(long, value_name = "BYTES", default_value_t = read::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Format of stdin and of files whose extension names none (default: told from the content).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// Per-article budget, in bytes of text: a longer article is cut to it,
    /// with a warning naming the file and the article.
    #[arg(long, value_name = "BYTES", default_value_t = read::DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: usize,
    /// Follow symbolic links that lead out of the folders named as inputs
    /// (by default they are skipped with a warning).
    #[arg(long)]
    pub follow: bool,
}

/// `--input-format`: how to read stdin and files without a known extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Plain text.
    Txt,
    /// An HTML page.
    Html,
    /// One JSON object or an array of objects.
    Json,
    /// One JSON object per line.
    Jsonl,
}

impl From<InputFormat> for read::Format {
    fn from(f: InputFormat) -> Self {
        match f {
            InputFormat::Txt => read::Format::Plain,
            InputFormat::Html => read::Format::Html,
            InputFormat::Json => read::Format::Json,
            InputFormat::Jsonl => read::Format::JsonLines,
        }
    }
}

impl InputArgs {
    /// Reads the corpus, printing one line per failed input (and per warning,
    /// e.g. manifest ids that match no article) to stderr.
    ///
    /// Fails when nothing at all could be read.
    pub fn read(&self) -> Result<(Corpus, Outcome)> {
        if let Some(db) = &self.db {
            let corpus = citetrace::store::CaseFile::open(db, false)?.corpus()?;
            if corpus.articles.is_empty() {
                bail!("no article in the case file {}", db.display());
            }
            return Ok((corpus, Outcome::Complete));
        }
        let options = read::Options {
            max_bytes: self.max_bytes,
            manifest: self.meta.clone(),
            infer: true,
            input_format: self.input_format.map(Into::into),
            follow: self.follow,
            max_article_bytes: self.max_article_bytes,
        };
        let corpus = read::read_inputs(&self.inputs, &options)?;
        remember_inputs(&corpus);
        for err in &corpus.errors {
            say(&format!("citetrace: {err}"));
        }
        for warning in &corpus.warnings {
            say(&format!("citetrace: warning: {warning}"));
        }
        if corpus.articles.is_empty() {
            bail!("no article could be read");
        }
        let outcome = if corpus.errors.is_empty() {
            Outcome::Complete
        } else {
            Outcome::SomeInputsFailed
        };
        Ok((corpus, outcome))
    }
}

impl InputArgs {
    /// The analysis of the inputs: read and run, or loaded from `--db`.
    pub fn analysis(
        &self,
        options: &citetrace::reuse::Options,
    ) -> Result<(citetrace::analysis::Analysis, Outcome)> {
        if let Some(db) = &self.db {
            let analysis = citetrace::store::CaseFile::open(db, false)?.analysis(options)?;
            if analysis.corpus.articles.is_empty() {
                bail!("no article in the case file {}", db.display());
            }
            return Ok((analysis, Outcome::Complete));
        }
        let (corpus, outcome) = self.read()?;
        Ok((citetrace::analysis::Analysis::run(corpus, options), outcome))
    }
}

/// The files the command read, for [`super::output::OutputArgs::writer`]'s check.
static INPUT_FILES: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Notes the files the corpus was read from.
fn remember_inputs(corpus: &Corpus) {
    // Records of one file are consecutive: skip the repeats before sorting.
    let mut paths: Vec<String> = Vec::new();
    for a in &corpus.articles {
        if paths.last() != Some(&a.path) {
            paths.push(a.path.clone());
        }
    }
    paths.sort_unstable();
    paths.dedup();
    if let Ok(mut files) = INPUT_FILES.lock() {
        *files = paths;
    }
}

/// The input file that `output` would overwrite, if any (compared by
/// identity, so `./a.txt`, `dir/../a.txt` and links all count).
pub(super) fn input_at(output: &std::path::Path) -> Option<String> {
    let target = std::fs::canonicalize(output).ok()?;
    let name = target.file_name()?.to_os_string();
    let files = INPUT_FILES.lock().ok()?;
    files
        .iter()
        .filter(|p| {
            let p = std::path::Path::new(p);
            // Cheap name test first: only candidates are resolved.
            p.file_name().is_some_and(|n| n == name)
                || std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink())
        })
        .find(|p| std::fs::canonicalize(p).is_ok_and(|c| c == target))
        .cloned()
}

/// Writes one line to stderr, control characters escaped (see
/// [`citetrace::text::printable`]). Never panics: when stderr is closed or
/// full (`2>/dev/full`, `2>&1 | head -1`) the line is dropped.
pub fn say(line: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{}", citetrace::text::printable::printable(line));
}

/// True when the error is a closed pipe (`citetrace ... | head`): not a failure.
///
/// The I/O error may arrive bare or wrapped by the JSON or CSV writer (and the
/// CSV writer's error may itself be wrapped back into an `io::Error`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(cause_is_broken_pipe)
}

fn cause_is_broken_pipe(cause: &(dyn std::error::Error + 'static)) -> bool {
    if let Some(e) = cause.downcast_ref::<io::Error>() {
        return e.kind() == io::ErrorKind::BrokenPipe
            || e.get_ref().is_some_and(|inner| cause_is_broken_pipe(inner));
    }
    if let Some(e) = cause.downcast_ref::<serde_json::Error>() {
        return e.io_error_kind() == Some(io::ErrorKind::BrokenPipe);
    }
    if let Some(e) = cause.downcast_ref::<csv::Error>() {
        return matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe);
    }
    if let Some(citetrace::Error::Output(e)) = cause.downcast_ref::<citetrace::Error>() {
        return e.kind() == io::ErrorKind::BrokenPipe;
    }
    false
}

/// Writes `items` as JSON Lines.
pub fn write_jsonl<T: serde::Serialize>(out: &mut dyn Write, items: &[T]) -> Result<()> {
    for item in items {
        serde_json::to_writer(&mut *out, item)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes `value` as pretty JSON with a final newline.
pub fn write_json<T: serde::Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Shortens text to `max` characters for a table cell, adding "…".
pub fn preview(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}
