//! Trains the learned cue model from a brat-annotated corpus (PolNeAR train).
//!
//! ```sh
//! cargo run --release --example train_cue_model -- ../shared/corpora/polnear/train [OUT_DIR]
//! ```
//!
//! 1. Holds out every 7th text and trains on the rest. On the held-out texts
//!    (never on dev) it picks the drop threshold that maximises the mean of
//!    the cue, cue+source and content overlap F1 in the default (reported)
//!    scope, then the keep threshold that maximises it in the broad scope.
//! 2. Trains again on all texts and writes `OUT_DIR/cue-model.bin` and
//!    `OUT_DIR/cue-candidates.tsv` (default `data/`) with those thresholds.
//!
//! The corpus is read at run time only; the outputs hold hashed feature
//! weights and word counts, no text.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use citetrace::article::Article;
use citetrace::attribution::{self, Scope, model};
use citetrace::eval::{self, Scores, brat};
use citetrace::span::Range;
use rayon::prelude::*;

fn load(dir: &Path) -> Result<Vec<(model::Example, Vec<brat::Relation>)>> {
    let (pairs, _) = eval::annotated(&dir.join("text"), &dir.join("attributions"))?;
    pairs
        .par_iter()
        .map(|(text, ann)| {
            let (body, gold) = eval::read_annotated(text, ann)?;
            let id = text
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            let cues: Vec<Range> = gold.iter().flat_map(|r| r.cue.iter().copied()).collect();
            let article = Article::new(id.clone(), id, body);
            Ok((model::Example { article, cues }, gold))
        })
        .collect()
}

fn scores(
    data: &[&(model::Example, Vec<brat::Relation>)],
    m: Option<&model::CueModel>,
    scope: Scope,
) -> Scores {
    let per: Vec<Scores> = data
        .par_iter()
        .map(|(ex, gold)| {
            let got = attribution::analyze_with(&ex.article, m, scope).attributions;
            eval::score::score(gold, &eval::relations(&got))
        })
        .collect();
    let mut total = Scores::default();
    for s in &per {
        total.add(s);
    }
    total
}

fn objective(s: &Scores) -> f64 {
    (s.cue_overlap.f1() + s.cue_source_overlap.f1() + s.content_overlap.f1()) / 3.0
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .context("usage: train_cue_model TRAIN_DIR [OUT_DIR]")?,
    );
    let out = PathBuf::from(args.next().unwrap_or_else(|| "data".into()));
    let data = load(&dir)?;
    eprintln!("{} annotated texts", data.len());
    let options = model::TrainOptions::default();

    let (fit, held): (Vec<_>, Vec<_>) = data.iter().enumerate().partition(|(i, _)| i % 7 != 0);
    let fit: Vec<model::Example> = fit.into_iter().map(|(_, d)| d.0.clone()).collect();
    let held: Vec<&(model::Example, Vec<brat::Relation>)> =
        held.into_iter().map(|(_, d)| d).collect();
    let trained = model::train(&fit, options);
    let rules = scores(&held, None, Scope::Reported);
    let show = |name: &str, s: &Scores| {
        eprintln!(
            "{name:>24}: cue {:.3} (P {:.3} R {:.3})  cue+source {:.3}  content {:.3}",
            s.cue_overlap.f1(),
            s.cue_overlap.precision(),
            s.cue_overlap.recall(),
            s.cue_source_overlap.f1(),
            s.content_overlap.f1()
        );
    };
    show("held-out, rules alone", &rules);
    let mut best_drop = (f64::MIN, f32::NEG_INFINITY);
    for drop in [f32::NEG_INFINITY, -12.0, -8.0, -6.0, -4.0, -2.0, 0.0] {
        let m = trained.model(f32::INFINITY, drop).context("model")?;
        let s = scores(&held, Some(&m), Scope::Reported);
        show(&format!("reported, drop {drop}"), &s);
        if objective(&s) > best_drop.0 {
            best_drop = (objective(&s), drop);
        }
    }
    let drop = best_drop.1;
    let mut best_keep = (f64::MIN, 0.0f32);
    for keep in [-6.0f32, -4.0, -3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 4.0] {
        let m = trained.model(keep, drop).context("model")?;
        let s = scores(&held, Some(&m), Scope::Broad);
        show(&format!("broad, keep {keep}"), &s);
        if objective(&s) > best_keep.0 {
            best_keep = (objective(&s), keep);
        }
    }
    let keep = best_keep.1;
    eprintln!("chosen: keep {keep} drop {drop}");
    let all: Vec<model::Example> = data.iter().map(|d| d.0.clone()).collect();
    let trained = model::train(&all, options);
    std::fs::write(out.join("cue-model.bin"), trained.weights_bytes(keep, drop))?;
    std::fs::write(out.join("cue-candidates.tsv"), trained.candidates_tsv())?;
    eprintln!("wrote {}", out.display());
    Ok(())
}
