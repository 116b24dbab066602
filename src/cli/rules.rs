//! `crosscheck rules`: run the `[[test]]` examples of the rule files, or
//! check that a rules folder loads.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

use crate::lang::Rules;

#[derive(Debug, Subcommand)]
pub(super) enum RulesAction {
    /// Run every `[[test]]` example of the rule files.
    Test,
    /// Check that the rule files load (the built-in ones, plus --rules DIR or DIR).
    Check {
        /// A rules folder to check; defaults to --rules.
        dir: Option<PathBuf>,
    },
}

pub(super) fn rules_test(rules: &Rules) -> Result<ExitCode, String> {
    let outcomes = crate::selftest::run_all(rules);
    let failed: Vec<_> = outcomes.iter().filter(|o| o.result.is_err()).collect();
    for o in &failed {
        if let Err(why) = &o.result {
            println!("FAIL {}: {}: {why}", o.file, o.name);
        }
    }
    println!("{} passed, {} failed", outcomes.len() - failed.len(), failed.len());
    Ok(if failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
