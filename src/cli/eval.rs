//! `citetrace eval`: measure citetrace against hand-annotated data (being built).

use anyhow::{Result, bail};

use super::common::Outcome;

/// What to evaluate.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Score attributions against brat standoff gold (PolNeAR's format).
    Attributions(AttributionsArgs),
}

/// Arguments of `citetrace eval attributions`.
#[derive(Debug, clap::Args)]
pub struct AttributionsArgs {
    /// Directory of article texts (`*.txt`).
    #[arg(long, value_name = "DIR")]
    text: std::path::PathBuf,
    /// Directory of brat `.ann` files.
    #[arg(long, value_name = "DIR")]
    ann: std::path::PathBuf,
}

/// Runs the command.
pub fn run(command: &Command) -> Result<Outcome> {
    let Command::Attributions(args) = command;
    let _ = args;
    bail!("`citetrace eval attributions` is not built yet")
}
