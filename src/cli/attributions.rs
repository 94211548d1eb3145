//! `citetrace attributions` (being built).

use anyhow::{Result, bail};

use super::common::{InputArgs, Outcome, OutputArgs};

/// Arguments of `citetrace attributions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    output: OutputArgs,
}

/// Runs the command.
pub fn run(args: &Args) -> Result<Outcome> {
    let _ = args;
    bail!("`citetrace attributions` is not built yet")
}
