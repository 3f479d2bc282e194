//! `geokg explain`: one sentence in, the extractor's reasoning out.

use super::args::{Cli, ExplainArgs};
use super::{extractor, read_options};
use anyhow::Result;
use std::process::ExitCode;

pub fn run(cli: &Cli, a: &ExplainArgs) -> Result<ExitCode> {
    let opts = read_options(&a.date)?;
    let ex = extractor(cli)?;
    print!("{}", ex.explain(&a.sentence, opts.default_date.as_deref()));
    Ok(ExitCode::SUCCESS)
}
