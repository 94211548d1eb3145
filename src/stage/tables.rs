//! The fingerprint stage's tables: articles, boilerplate marks and postings
//! of one shard, written as Parquet.
//!
//! - `articles`: `article` (i32 ordinal, input order), `id`, `outlet`, `date`
//!   (ISO, null when unknown), `rank` (i32, fan-out order: earliest first),
//!   `chars` (i64 length), `words` (i32), `shard` (i32);
//! - `marks`: `article`, `kind` (boilerplate kind, e.g. `stock`), `start`,
//!   `end` (i64 character offsets) — the text the index did not fingerprint;
//! - `postings`: `signal` (i8: 0 text shingle, 1 anchor triple),
//!   `fingerprint` (i64, the u64 hash's bits), `article` (i32).
//!
//! Rows are sorted (articles and marks by ordinal; postings by signal,
//! fingerprint, article), and the writer stamps no time, so one input gives
//! byte-identical files.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use arrow_array::{ArrayRef, Int8Array, Int32Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use rayon::prelude::*;

use super::{SIGNAL_ANCHORS, SIGNAL_TEXT, Shard, bad_file, io_error};
use crate::article::Article;
use crate::error::Result;
use crate::reuse::index::{Fingerprints, IndexOptions};

/// Rows per Parquet record batch (bounds the writer's buffers).
const BATCH_ROWS: usize = 1 << 20;

/// What one shard wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Articles in the shard.
    pub articles: usize,
    /// Postings (text and anchor) of those articles.
    pub postings: usize,
    /// Boilerplate marks of those articles.
    pub marks: usize,
    /// Bytes written, all three tables.
    pub bytes: u64,
}

/// Article ordinals as Parquet/Spark int32; more than 2^31 articles in one
/// run would need a wider column, which [`write_shard`] refuses.
fn ordinal(i: usize) -> i32 {
    i32::try_from(i).unwrap_or(i32::MAX)
}

/// A character offset or length as Parquet int64.
fn offset(i: usize) -> i64 {
    i64::try_from(i).unwrap_or(i64::MAX)
}

fn writer_properties() -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build()
}

/// Writes one table to `path`, one record batch per item of `batches`
/// (built one at a time, so a table is never held twice); returns the bytes
/// written.
fn write_table<I>(path: &Path, schema: &Arc<Schema>, batches: I) -> Result<u64>
where
    I: IntoIterator<Item = Vec<ArrayRef>>,
{
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
    }
    let file = File::create(path).map_err(|e| io_error(path, e))?;
    let mut writer = ArrowWriter::try_new(file, schema.clone(), Some(writer_properties()))
        .map_err(|e| bad_file(path, e))?;
    for columns in batches {
        let batch = RecordBatch::try_new(schema.clone(), columns).map_err(|e| bad_file(path, e))?;
        writer.write(&batch).map_err(|e| bad_file(path, e))?;
    }
    writer.close().map_err(|e| bad_file(path, e))?;
    std::fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| io_error(path, e))
}

/// The snake-case name of a boilerplate kind, as the JSON output spells it.
fn kind_name(b: &crate::article::Boilerplate) -> String {
    serde_json::to_value(b.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Writes the shard's three tables under `dir` (`articles/`, `marks/`,
/// `postings/`, one file each named by [`Shard::file_name`]). `articles` is
/// the whole corpus in input order (ordinals are positions in it) and `rank`
/// its fan-out ranks ([`crate::reuse::ranks`]); only the shard's articles are
/// written.
///
/// # Errors
/// When a file cannot be written or the corpus has 2^31 articles or more.
pub fn write_shard(
    dir: &Path,
    articles: &[Article],
    rank: &[u32],
    shard: Shard,
    options: &IndexOptions,
) -> Result<Written> {
    if i32::try_from(articles.len()).is_err() {
        return Err(crate::Error::Usage(
            "the staged path numbers articles with 32-bit ordinals: split the corpus".into(),
        ));
    }
    let mine: Vec<usize> = (0..articles.len()).filter(|&i| shard.holds(i)).collect();
    let name = shard.file_name();
    let mut written = Written {
        articles: mine.len(),
        ..Written::default()
    };

    // articles
    let path = dir.join("articles").join(&name);
    let schema = Arc::new(Schema::new(vec![
        Field::new("article", DataType::Int32, false),
        Field::new("id", DataType::Utf8, false),
        Field::new("outlet", DataType::Utf8, true),
        Field::new("date", DataType::Utf8, true),
        Field::new("rank", DataType::Int32, false),
        Field::new("chars", DataType::Int64, false),
        Field::new("words", DataType::Int32, false),
        Field::new("shard", DataType::Int32, false),
    ]));
    let a = |i: &usize| &articles[*i];
    let batches = mine.chunks(BATCH_ROWS).map(|chunk| -> Vec<ArrayRef> {
        vec![
            Arc::new(Int32Array::from_iter_values(
                chunk.iter().map(|&i| ordinal(i)),
            )),
            Arc::new(StringArray::from_iter_values(
                chunk.iter().map(|i| a(i).id.as_str()),
            )),
            Arc::new(chunk.iter().map(|i| a(i).outlet()).collect::<StringArray>()),
            Arc::new(
                chunk
                    .iter()
                    .map(|i| a(i).date().map(|d| d.to_string()))
                    .collect::<StringArray>(),
            ),
            Arc::new(Int32Array::from_iter_values(
                chunk
                    .iter()
                    .map(|&i| ordinal(rank.get(i).map_or(i, |&r| r as usize))),
            )),
            Arc::new(Int64Array::from_iter_values(
                chunk.iter().map(|i| offset(a(i).text.char_len())),
            )),
            Arc::new(Int32Array::from_iter_values(
                chunk.iter().map(|i| ordinal(a(i).word_count())),
            )),
            Arc::new(Int32Array::from_iter_values(
                chunk.iter().map(|_| ordinal(shard.index as usize)),
            )),
        ]
    });
    written.bytes += write_table(&path, &schema, batches)?;

    // marks
    let path = dir.join("marks").join(&name);
    let schema = Arc::new(Schema::new(vec![
        Field::new("article", DataType::Int32, false),
        Field::new("kind", DataType::Utf8, false),
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
    ]));
    let marks: Vec<(i32, String, i64, i64)> = mine
        .iter()
        .flat_map(|&i| {
            articles[i].boilerplate.iter().map(move |b| {
                (
                    ordinal(i),
                    kind_name(b),
                    offset(b.span.start),
                    offset(b.span.end),
                )
            })
        })
        .collect();
    written.marks = marks.len();
    let batches = marks.chunks(BATCH_ROWS).map(|chunk| -> Vec<ArrayRef> {
        vec![
            Arc::new(Int32Array::from_iter_values(chunk.iter().map(|m| m.0))),
            Arc::new(StringArray::from_iter_values(
                chunk.iter().map(|m| m.1.as_str()),
            )),
            Arc::new(Int64Array::from_iter_values(chunk.iter().map(|m| m.2))),
            Arc::new(Int64Array::from_iter_values(chunk.iter().map(|m| m.3))),
        ]
    });
    written.bytes += write_table(&path, &schema, batches)?;
    drop(marks);

    // postings: the fingerprints the single-machine index would post.
    let path = dir.join("postings").join(&name);
    let schema = Arc::new(Schema::new(vec![
        Field::new("signal", DataType::Int8, false),
        Field::new("fingerprint", DataType::Int64, false),
        Field::new("article", DataType::Int32, false),
    ]));
    let mut postings: Vec<(i8, u64, i32)> = mine
        .par_iter()
        .flat_map_iter(|&i| {
            let f = Fingerprints::of(&articles[i], options);
            let d = ordinal(i);
            f.text
                .into_iter()
                .map(move |h| (SIGNAL_TEXT, h, d))
                .chain(f.anchors.into_iter().map(move |h| (SIGNAL_ANCHORS, h, d)))
        })
        .collect();
    postings.par_sort_unstable();
    written.postings = postings.len();
    let batches = postings.chunks(BATCH_ROWS).map(|chunk| -> Vec<ArrayRef> {
        vec![
            Arc::new(Int8Array::from_iter_values(chunk.iter().map(|p| p.0))),
            // The u64 hash's bits: Spark has no unsigned 64-bit type, and
            // equality is all the join needs.
            Arc::new(Int64Array::from_iter_values(
                chunk.iter().map(|p| i64::from_ne_bytes(p.1.to_ne_bytes())),
            )),
            Arc::new(Int32Array::from_iter_values(chunk.iter().map(|p| p.2))),
        ]
    });
    written.bytes += write_table(&path, &schema, batches)?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shard_holds_its_articles_and_their_postings() {
        let text = "The harbour committee approved the dredging of the ferry terminal on Tuesday, \
                    over the objections of residents who said the fishing grounds would suffer.";
        let articles: Vec<Article> = (0..3)
            .map(|i| Article::new(format!("a{i}"), "p", text.to_string()))
            .collect();
        let options = IndexOptions::default();
        let dir = tempfile::tempdir().unwrap();
        let shard = Shard { index: 1, count: 2 };
        let w = write_shard(dir.path(), &articles, &[2, 1, 0], shard, &options).unwrap();
        assert_eq!(w.articles, 1);
        let f = Fingerprints::of(&articles[1], &options);
        assert_eq!(w.postings, f.text.len() + f.anchors.len());
        assert!(w.postings > 0);
        let first = std::fs::read(dir.path().join("postings").join(shard.file_name())).unwrap();
        write_shard(dir.path(), &articles, &[2, 1, 0], shard, &options).unwrap();
        let again = std::fs::read(dir.path().join("postings").join(shard.file_name())).unwrap();
        assert_eq!(first, again);
    }
}
