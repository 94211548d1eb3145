//! Output options every command shares: `--format` (only the formats the
//! command writes, so its `--help` lists only those) and `-o FILE` (`-` is
//! stdout; with no `--format`, the file's extension names the format).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::common::input_at;

/// Every output format citetrace writes; each command accepts the ones that
/// fit it through its own [`formats!`] enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable table (the default).
    Table,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values (formula-safe).
    Csv,
    /// Graphviz DOT.
    Dot,
    /// GraphML (Gephi, yEd, Cytoscape).
    Graphml,
    /// Mermaid, for Markdown.
    Mermaid,
    /// Markdown.
    Markdown,
    /// Self-contained HTML.
    Html,
    /// A schema.org claim review in JSON-LD (`origin`).
    Claimreview,
}

impl Format {
    /// The `--format` spelling.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Dot => "dot",
            Format::Graphml => "graphml",
            Format::Mermaid => "mermaid",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Claimreview => "claimreview",
        }
    }

    /// The format a file name's extension names, if any (`.txt` names
    /// none: a table is text too, but so is everything else).
    pub fn of_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::Jsonl,
            "csv" => Format::Csv,
            "dot" | "gv" => Format::Dot,
            "graphml" => Format::Graphml,
            "mmd" | "mermaid" => Format::Mermaid,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "jsonld" => Format::Claimreview,
            _ => return None,
        })
    }
}

/// The formats one command writes: a `clap` value enum whose `--help` text is
/// [`Format`]'s, convertible to [`Format`].
pub trait Formats: clap::ValueEnum + Copy + Send + Sync + 'static + Into<Format> {}

/// Declares a command's own format enum: `formats!(CopiesFormat: Table, Json)`
/// gives `CopiesFormat` with those variants, their help from [`Format`], and
/// `Into<Format>`.
macro_rules! formats {
    ($name:ident: $($variant:ident),+ $(,)?) => {
        /// The formats this command writes (its `--help` lists only these).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $(
                #[doc = concat!("Format::", stringify!($variant))]
                $variant
            ),+
        }

        impl clap::ValueEnum for $name {
            fn value_variants<'a>() -> &'a [Self] {
                &[$($name::$variant),+]
            }

            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                clap::ValueEnum::to_possible_value(&$crate::cli::output::Format::from(*self))
            }
        }

        impl From<$name> for $crate::cli::output::Format {
            fn from(f: $name) -> Self {
                match f {
                    $($name::$variant => $crate::cli::output::Format::$variant),+
                }
            }
        }

        impl $crate::cli::output::Formats for $name {}
    };
}
pub(crate) use formats;

/// Output: `--format` (one of `F`) and `-o`.
#[derive(Debug, clap::Args)]
pub struct OutputArgs<F: Formats> {
    /// Output format (default: from the -o file's extension, else the command's own).
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<F>,
    /// Write to FILE instead of stdout (`-` is stdout).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The format [`OutputArgs::format`] chose: tables and Markdown get
    /// their control characters escaped by [`OutputArgs::writer`].
    #[arg(skip)]
    chosen: std::cell::Cell<Option<Format>>,
}

impl<F: Formats> OutputArgs<F> {
    /// The chosen format: `--format`, else the one the `-o` file's extension
    /// names, else `default`. An extension naming a format this command
    /// does not write is an error, not a silent table in `out.html`.
    pub fn format(&self, default: Format) -> Result<Format> {
        let supported: Vec<Format> = F::value_variants().iter().map(|f| (*f).into()).collect();
        let format = match (self.format, self.file()) {
            (Some(f), _) => f.into(),
            (None, Some(path)) => match Format::of_extension(path) {
                Some(f) if supported.contains(&f) => f,
                Some(f) => {
                    let names: Vec<&str> = supported.iter().map(|f| f.name()).collect();
                    bail!(
                        "-o {} names the {} format, which this command does not write; \
                         choose --format ({}) or another file name",
                        path.display(),
                        f.name(),
                        names.join(", ")
                    )
                }
                None => default,
            },
            (None, None) => default,
        };
        self.chosen.set(Some(format));
        Ok(format)
    }

    /// The `-o` file, `None` for stdout (no `-o`, or `-o -`).
    pub fn file(&self) -> Option<&Path> {
        self.output.as_deref().filter(|p| *p != Path::new("-"))
    }

    /// Opens the output (a file or stdout), buffered.
    ///
    /// Refuses a file that is one of the inputs read: `-o` never overwrites
    /// the corpus.
    pub fn writer(&self) -> Result<Box<dyn Write>> {
        if let Some(path) = self.file() {
            if let Some(input) = input_at(path) {
                bail!(
                    "refusing to write {}: it is an input file ({}); choose another -o",
                    citetrace::text::printable::printable(&path.display().to_string()),
                    citetrace::text::printable::printable(&input)
                );
            }
        }
        let out: Box<dyn Write> = match self.file() {
            Some(path) => Box::new(io::BufWriter::new(
                std::fs::File::create(path)
                    .with_context(|| format!("cannot create {}", path.display()))?,
            )),
            None => Box::new(io::BufWriter::new(io::stdout().lock())),
        };
        // Text meant for reading on a terminal never carries its controls.
        Ok(match self.chosen.get() {
            Some(
                Format::Json
                | Format::Jsonl
                | Format::Csv
                | Format::Dot
                | Format::Graphml
                | Format::Mermaid
                | Format::Html
                | Format::Claimreview,
            ) => out,
            Some(Format::Table | Format::Markdown) | None => {
                Box::new(citetrace::export::terminal::SafeText::new(out))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    formats!(TestFormat: Table, Json, Csv);

    fn args(format: Option<TestFormat>, output: &str) -> OutputArgs<TestFormat> {
        OutputArgs {
            format,
            output: (!output.is_empty()).then(|| PathBuf::from(output)),
            chosen: std::cell::Cell::new(None),
        }
    }

    #[test]
    fn extension_names_the_format_unless_format_is_given() {
        assert_eq!(
            args(None, "out.json").format(Format::Table).unwrap(),
            Format::Json
        );
        assert_eq!(
            args(None, "OUT.CSV").format(Format::Table).unwrap(),
            Format::Csv
        );
        assert_eq!(
            args(None, "out.txt").format(Format::Table).unwrap(),
            Format::Table
        );
        assert_eq!(args(None, "").format(Format::Table).unwrap(), Format::Table);
        let given = args(Some(TestFormat::Csv), "out.json");
        assert_eq!(given.format(Format::Table).unwrap(), Format::Csv);
    }

    #[test]
    fn an_extension_the_command_does_not_write_is_an_error() {
        let err = args(None, "out.html").format(Format::Table).unwrap_err();
        assert!(err.to_string().contains("html"), "{err}");
    }

    #[test]
    fn dash_is_stdout() {
        assert!(args(None, "-").file().is_none());
        assert_eq!(
            args(None, "-").format(Format::Table).unwrap(),
            Format::Table
        );
    }

    #[test]
    fn help_lists_only_the_declared_formats() {
        use clap::ValueEnum;
        let names: Vec<String> = TestFormat::value_variants()
            .iter()
            .filter_map(ValueEnum::to_possible_value)
            .map(|v| v.get_name().to_string())
            .collect();
        assert_eq!(names, ["table", "json", "csv"]);
    }
}
