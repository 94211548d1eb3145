//! Measuring citetrace against hand-annotated data (brat standoff, PolNeAR).
//!
//! [`evaluate`] reads a directory of texts and a directory of `.ann` files,
//! runs the attribution parser on each text and scores it with [`score`].
//! A text `stem.txt` is annotated by `stem.ann` or, when several annotators
//! annotated it, `stem_<annotator>.ann`: the first in sorted order is used,
//! so the choice is deterministic.

pub mod brat;
pub mod score;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::article::Article;
use crate::attribution;
use crate::error::{Error, Result};
use crate::span::{Range, Span};

pub use score::{Counts, Match, Scores};

/// The result of an evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Documents scored.
    pub documents: usize,
    /// Texts without an annotation file (skipped).
    pub unannotated: Vec<String>,
    /// Scores summed over all documents (micro-averaged).
    pub scores: Scores,
}

fn to_ranges(span: &Span) -> Vec<Range> {
    vec![Range::new(span.start, span.end)]
}

/// Predicted relations for one text in the given scope, in the gold format.
pub fn predict(id: &str, text: String, scope: attribution::Scope) -> Vec<brat::Relation> {
    let article = Article::new(id, id, text);
    let model = attribution::model::CueModel::bundled();
    relations(&attribution::analyze_with(&article, model, scope).attributions)
}

/// Attributions in the gold format (for scoring them).
pub fn relations(attributions: &[attribution::Attribution]) -> Vec<brat::Relation> {
    attributions
        .iter()
        .map(|a| brat::Relation {
            cue: to_ranges(&a.cue),
            source: a.source.as_ref().map(to_ranges),
            content: {
                let mut c: Vec<Range> = a
                    .content
                    .iter()
                    .map(|s| Range::new(s.start, s.end))
                    .collect();
                c.sort();
                c
            },
        })
        .collect()
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::io(path, e))
}

fn list(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    out.sort();
    Ok(out)
}

/// Annotated texts (text path, annotation path) and the stems without an annotation.
pub type Annotated = (Vec<(PathBuf, PathBuf)>, Vec<String>);

/// The annotated texts of a brat corpus: for each text stem in `text_dir`
/// with an annotation file in `ann_dir`, its text path and its (first, in
/// sorted order) annotation file; and the stems without one.
///
/// # Errors
/// When a directory cannot be read, or no text has an annotation.
pub fn annotated(text_dir: &Path, ann_dir: &Path) -> Result<Annotated> {
    let texts = list(text_dir, "txt")?;
    let anns = list(ann_dir, "ann")?;
    // stem → first annotation file in sorted order.
    let mut by_stem: BTreeMap<String, PathBuf> = BTreeMap::new();
    let stems: std::collections::BTreeSet<String> = texts
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    for ann in &anns {
        let Some(stem) = ann.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        let owner = if stems.contains(&stem) {
            Some(stem)
        } else {
            stem.rsplit_once('_')
                .map(|(s, _)| s.to_string())
                .filter(|s| stems.contains(s))
        };
        if let Some(owner) = owner {
            by_stem.entry(owner).or_insert_with(|| ann.clone());
        }
    }
    let unannotated: Vec<String> = stems
        .iter()
        .filter(|s| !by_stem.contains_key(*s))
        .cloned()
        .collect();
    if by_stem.is_empty() {
        return Err(Error::Usage(format!(
            "no text in {} has an annotation file in {}",
            text_dir.display(),
            ann_dir.display()
        )));
    }
    let pairs = by_stem
        .into_iter()
        .map(|(stem, ann)| (text_dir.join(format!("{stem}.txt")), ann))
        .collect();
    Ok((pairs, unannotated))
}

/// Reads one annotated text: its text and gold relations.
///
/// # Errors
/// When a file cannot be read or the annotation is malformed.
pub fn read_annotated(text: &Path, ann: &Path) -> Result<(String, Vec<brat::Relation>)> {
    let gold = brat::parse(ann, &read(ann)?)?;
    Ok((read(text)?, gold))
}

/// Scores the attribution parser (in `scope`) on the texts in `text_dir`
/// against the brat annotations in `ann_dir`.
///
/// # Errors
/// When a directory or file cannot be read, an annotation file is malformed,
/// or no text has an annotation.
pub fn evaluate(text_dir: &Path, ann_dir: &Path, scope: attribution::Scope) -> Result<Report> {
    let (pairs, unannotated) = annotated(text_dir, ann_dir)?;
    let per_doc: Vec<Result<Scores>> = pairs
        .par_iter()
        .map(|(text, ann)| {
            let (body, gold) = read_annotated(text, ann)?;
            let stem = text
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            let pred = predict(&stem, body, scope);
            Ok(score::score(&gold, &pred))
        })
        .collect();
    let mut scores = Scores::default();
    for s in per_doc {
        scores.add(&s?);
    }
    Ok(Report {
        documents: pairs.len(),
        unannotated,
        scores,
    })
}
