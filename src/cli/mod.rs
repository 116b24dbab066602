//! The command line: argument parsing and exit codes over the library.
//!
//! Exit codes: 0 nothing at or above `--fail-on`; 1 something is; 2 the tool
//! could not do its job (bad arguments, unreadable rules, an input it had to skip).

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::document::LoadOptions;
use crate::lang::Rules;
use crate::value::date::PartialDate;

mod claims;
mod parse;
mod report;
mod review;
mod rules;

use claims::ClaimsFormat;
use report::{FailOn, ReportFormat};
use review::{ReviewFailOn, ReviewFormat};
use rules::RulesAction;

#[derive(Debug, Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Cross-check the facts that several news articles state about one story"
)]
struct Cli {
    /// A folder of rule files that adds to or overrides the built-in rules.
    #[arg(long, global = true, value_name = "DIR")]
    rules: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Cross-check the sources: which facts they agree on, round, or contradict.
    ///
    /// Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 when
    /// an input could not be read (the others are still checked) or the rules are bad.
    Report {
        /// Articles to read: files, or folders of .txt and .md files.
        #[arg(required_unless_present = "claims")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        /// The least serious verdict that makes the exit status 1.
        #[arg(long, value_enum, default_value = "contradiction")]
        fail_on: FailOn,
        /// Judge claims extracted elsewhere (JSON lines from `crosscheck claims --format jsonl`).
        #[arg(long, value_name = "FILE.jsonl")]
        claims: Option<PathBuf>,
        /// Print sizes, time, throughput and peak memory on standard error.
        #[arg(long)]
        stats: bool,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Check each claim of a draft against its sources before publishing.
    ///
    /// Each claim is supported, rounding, contradicted or unsupported. Exit
    /// status: 0, 1 when an unacknowledged claim reaches --fail-on, 2 on error.
    Review {
        /// The draft to check. It may also come last, after the sources:
        /// `review --sources DIR DRAFT`.
        draft: Option<PathBuf>,
        /// The sources: files, or folders of .txt and .md files. A draft
        /// found among them is left out.
        #[arg(long, required = true, num_args = 1..)]
        sources: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "md")]
        format: ReviewFormat,
        /// The least serious status that makes the exit status 1.
        #[arg(long, value_enum, default_value = "contradicted")]
        fail_on: ReviewFailOn,
        /// A TOML file of acknowledged findings: [[ack]] fingerprint, reason, by.
        #[arg(long, value_name = "FILE")]
        ack: Option<PathBuf>,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Print the documents and claims read from the sources.
    Claims {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "json")]
        format: ClaimsFormat,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Run or check the rule files.
    Rules {
        #[command(subcommand)]
        action: RulesAction,
    },
    /// Read phrases and print the values found in each, one JSON array per line.
    Parse {
        /// Language of the phrases.
        #[arg(long, default_value = "fr")]
        lang: String,
        /// Reference date for relative dates: YYYY, YYYY-MM or YYYY-MM-DD.
        #[arg(long)]
        date: Option<String>,
        /// A phrase to read; without it, one phrase per line of standard input.
        text: Option<String>,
    },
}

#[derive(Debug, clap::Args)]
struct LoadArgs {
    /// The sources' language (fr, en), when detection should not decide.
    #[arg(long)]
    lang: Option<String>,
    /// The sources' publication date (YYYY, YYYY-MM or YYYY-MM-DD), when the files do not say.
    #[arg(long)]
    date: Option<String>,
}

impl LoadArgs {
    fn options(&self, rules: &Rules) -> Result<LoadOptions, String> {
        if let Some(lang) = &self.lang {
            rules.lang(lang)?;
        }
        let date = self.date.as_deref().map(PartialDate::parse).transpose()?;
        Ok(LoadOptions { language: self.lang.clone(), date })
    }
}

/// Run the tool with these arguments (the first is the program name).
pub fn main_with_args<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("crosscheck: {message}");
            ExitCode::from(2)
        }
    }
}

/// Warns of the files of a rules folder that are not read.
fn warn_ignored_rule_files(dir: Option<&Path>) {
    for path in dir.map(crate::rules::ignored_files).unwrap_or_default() {
        eprintln!("crosscheck: warning: {}: not a .toml file, not read as rules", path.display());
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    if let Command::Rules { action: RulesAction::Check { dir } } = &cli.command {
        let dir = dir.as_deref().or(cli.rules.as_deref());
        warn_ignored_rule_files(dir);
        let rules = Rules::load(dir).map_err(|e| e.to_string())?;
        println!(
            "rules ok: {} languages, {} frames, {} entities, {} verdict rules",
            rules.langs.len(),
            rules.frames.frames.len(),
            rules.entities.entities.len(),
            rules.verdicts.rules.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    warn_ignored_rule_files(cli.rules.as_deref());
    let rules = Rules::load(cli.rules.as_deref()).map_err(|e| e.to_string())?;
    match cli.command {
        Command::Parse { lang, date, text } => parse::parse(&rules, &lang, date.as_deref(), text),
        Command::Report { paths, format, fail_on, claims, stats, load } => {
            let options = load.options(&rules)?;
            report::run(&paths, format, fail_on, claims.as_deref(), stats, &options, rules)
        }
        Command::Review { draft, mut sources, format, fail_on, ack, load } => {
            let draft = review::review_draft(draft, &mut sources)?;
            review::review(&draft, &sources, format, fail_on, ack.as_deref(), &rules, &load.options(&rules)?)
        }
        Command::Claims { paths, format, load } => claims::claims(&paths, format, &rules, &load.options(&rules)?),
        Command::Rules { action: RulesAction::Test } => rules::rules_test(&rules),
        Command::Rules { action: RulesAction::Check { .. } } => unreachable!("handled above"),
    }
}

fn write_out(text: &str) -> Result<(), String> {
    write_with(|out| out.write_all(text.as_bytes()))
}

/// Runs `write` on a buffered standard output and flushes it.
fn write_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), String> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is not an error of ours.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write the output: {e}")),
    }
}
