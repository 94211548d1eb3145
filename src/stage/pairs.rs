//! Reading the candidate join's output: the pairs to align.
//!
//! The Spark job writes Parquet files with the columns `a`, `b` (i32 article
//! ordinals, `a < b`), `a_id`, `b_id` (the articles' ids, to check that
//! `align` reads the corpus the ordinals were made from), `text`, `anchors`
//! (bool: which signal proposed the pair) and `shared_text`,
//! `shared_anchors` (the counts, for the record). Any file under the
//! directory whose name ends in `.parquet` is read (Spark also leaves
//! `_SUCCESS` and checksum files there).

use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::{Array, BooleanArray, Int32Array, RecordBatch, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::{bad_file, io_error};
use crate::error::Result;
use crate::reuse::Signals;

/// One candidate pair as the join wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairRow {
    /// The lower article ordinal.
    pub a: usize,
    /// The higher article ordinal.
    pub b: usize,
    /// The id of article `a` when the join wrote it.
    pub a_id: String,
    /// The id of article `b`.
    pub b_id: String,
    /// Which signals proposed the pair.
    pub signals: Signals,
}

/// The `.parquet` files under `dir` (recursively), sorted by path.
///
/// # Errors
/// When the directory cannot be listed.
pub fn parquet_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| io_error(&d, e))? {
            let path = entry.map_err(|e| io_error(&d, e))?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') || name.starts_with('_') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if name.ends_with(".parquet") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn column<'b, T: 'static>(path: &Path, batch: &'b RecordBatch, name: &str) -> Result<&'b T> {
    batch
        .column_by_name(name)
        .ok_or_else(|| bad_file(path, format!("no column {name:?} in the candidate pairs")))?
        .as_any()
        .downcast_ref::<T>()
        .ok_or_else(|| bad_file(path, format!("column {name:?} has an unexpected type")))
}

/// Reads every candidate pair under `dir`, sorted by `(a, b)`, duplicates
/// merged (their signals joined).
///
/// # Errors
/// When a file cannot be read, lacks a column, or holds a null or negative
/// ordinal.
pub fn read_pairs(dir: &Path) -> Result<Vec<PairRow>> {
    let mut rows = Vec::new();
    for path in parquet_files(dir)? {
        let file = File::open(&path).map_err(|e| io_error(&path, e))?;
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .and_then(ParquetRecordBatchReaderBuilder::build)
            .map_err(|e| bad_file(&path, e))?;
        for batch in reader {
            let batch = batch.map_err(|e| bad_file(&path, e))?;
            let a = column::<Int32Array>(&path, &batch, "a")?;
            let b = column::<Int32Array>(&path, &batch, "b")?;
            let a_id = column::<StringArray>(&path, &batch, "a_id")?;
            let b_id = column::<StringArray>(&path, &batch, "b_id")?;
            let text = column::<BooleanArray>(&path, &batch, "text")?;
            let anchors = column::<BooleanArray>(&path, &batch, "anchors")?;
            if a.null_count() + b.null_count() + a_id.null_count() + b_id.null_count() > 0 {
                return Err(bad_file(&path, "null article in the candidate pairs"));
            }
            for r in 0..batch.num_rows() {
                let (Ok(x), Ok(y)) = (usize::try_from(a.value(r)), usize::try_from(b.value(r)))
                else {
                    return Err(bad_file(&path, "negative article ordinal"));
                };
                let flag = |c: &BooleanArray| c.is_valid(r) && c.value(r);
                rows.push(PairRow {
                    a: x.min(y),
                    b: x.max(y),
                    a_id: if x <= y { a_id.value(r) } else { b_id.value(r) }.to_string(),
                    b_id: if x <= y { b_id.value(r) } else { a_id.value(r) }.to_string(),
                    signals: Signals {
                        text: flag(text),
                        anchors: flag(anchors),
                    },
                });
            }
        }
    }
    rows.sort_by_key(|r| (r.a, r.b));
    rows.dedup_by(|later, kept| {
        if later.a == kept.a && later.b == kept.b {
            kept.signals.text |= later.signals.text;
            kept.signals.anchors |= later.signals.anchors;
            true
        } else {
            false
        }
    });
    Ok(rows)
}

/// For each row, the smallest article ordinal of its connected component in
/// the graph of candidate pairs. Explaining chains and common sources
/// (`reuse::explain`) relates only pairs that share an article, so the
/// pairs of one component can be aligned apart from all others: `align
/// --part K/N` takes the components whose root it holds.
pub fn component_roots(rows: &[PairRow]) -> Vec<usize> {
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut ids: Vec<usize> = rows.iter().flat_map(|r| [r.a, r.b]).collect();
    ids.sort_unstable();
    ids.dedup();
    let at = |x: usize| ids.binary_search(&x).unwrap_or(0);
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    for r in rows {
        let (x, y) = (find(&mut parent, at(r.a)), find(&mut parent, at(r.b)));
        // The smaller index stays the root: roots are the smallest ordinals.
        if x < y {
            parent[y] = x;
        } else if y < x {
            parent[x] = y;
        }
    }
    rows.iter()
        .map(|r| ids[find(&mut parent, at(r.a))])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_schema::{DataType, Field, Schema};
    use std::sync::Arc;

    #[test]
    fn pairs_round_trip_and_merge() {
        let dir = tempfile::tempdir().unwrap();
        let schema = Arc::new(Schema::new(vec![
            Field::new("a", DataType::Int32, false),
            Field::new("b", DataType::Int32, false),
            Field::new("a_id", DataType::Utf8, false),
            Field::new("b_id", DataType::Utf8, false),
            Field::new("text", DataType::Boolean, true),
            Field::new("anchors", DataType::Boolean, true),
        ]));
        let batch = RecordBatch::try_new(
            schema.clone(),
            vec![
                Arc::new(Int32Array::from(vec![3, 0, 0])),
                Arc::new(Int32Array::from(vec![1, 2, 2])),
                Arc::new(StringArray::from(vec!["d", "x", "x"])),
                Arc::new(StringArray::from(vec!["b", "c", "c"])),
                Arc::new(BooleanArray::from(vec![Some(true), Some(true), None])),
                Arc::new(BooleanArray::from(vec![false, false, true])),
            ],
        )
        .unwrap();
        std::fs::create_dir_all(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("_SUCCESS"), "").unwrap();
        let file = File::create(dir.path().join("sub/part-0.parquet")).unwrap();
        let mut w = parquet::arrow::ArrowWriter::try_new(file, schema, None).unwrap();
        w.write(&batch).unwrap();
        w.close().unwrap();
        let rows = read_pairs(dir.path()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].a, rows[0].b), (0, 2));
        assert!(rows[0].signals.text && rows[0].signals.anchors);
        assert_eq!((rows[1].a, rows[1].b, rows[1].a_id.as_str()), (1, 3, "b"));
    }

    #[test]
    fn components_are_rooted_at_their_smallest_article() {
        let row = |a, b| PairRow {
            a,
            b,
            a_id: String::new(),
            b_id: String::new(),
            signals: Signals::default(),
        };
        let rows = [row(5, 9), row(2, 7), row(7, 9), row(3, 4)];
        assert_eq!(component_roots(&rows), [2, 2, 2, 3]);
        assert!(component_roots(&[]).is_empty());
    }
}
