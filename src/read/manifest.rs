//! The `--meta` sidecar manifest: CSV or JSON keyed by article id.
//!
//! (First cut: loads nothing yet; being built.)

use std::path::Path;

use crate::article::Article;
use crate::error::Result;

/// Field overrides keyed by article id.
#[derive(Debug, Default)]
pub struct Manifest;

impl Manifest {
    /// Loads a manifest.
    ///
    /// # Errors
    /// When the file cannot be read or parsed.
    pub fn load(path: &Path) -> Result<Self> {
        let _ = crate::read::load_text(path, crate::read::DEFAULT_MAX_BYTES)?;
        Ok(Manifest)
    }

    /// Applies the manifest's fields to `article`.
    pub fn apply(&self, article: &mut Article) {
        let _ = article;
    }
}
