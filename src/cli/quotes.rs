//! `citetrace quotes` (being built).

use anyhow::{Result, bail};

use super::common::{InputArgs, Outcome, OutputArgs};

/// Arguments of `citetrace quotes`.
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
    bail!("`citetrace quotes` is not built yet")
}
