//! The command line: argument parsing and exit codes over the library.
//!
//! Exit codes: 0 nothing at or above `--fail-on`; 1 something is; 2 the tool
//! could not do its job (bad arguments, unreadable rules, an input it had to skip).

use std::ffi::OsString;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::date::{DateContext, PartialDate};
use crate::lexicon::Rules;

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

fn run(cli: Cli) -> Result<ExitCode, String> {
    let rules = Rules::load(cli.rules.as_deref()).map_err(|e| e.to_string())?;
    match cli.command {
        Command::Parse { lang, date, text } => parse(&rules, &lang, date.as_deref(), text),
    }
}

fn parse(rules: &Rules, lang: &str, date: Option<&str>, text: Option<String>) -> Result<ExitCode, String> {
    let lang = rules.lang(lang)?;
    let reference = date.map(PartialDate::parse).transpose()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut print = |line: &str| -> Result<(), String> {
        let mut ctx = DateContext { reference, last_year: None };
        let values = crate::value::find_values(line, &lang.values, &mut ctx);
        let json = serde_json::to_string(&values).map_err(|e| e.to_string())?;
        writeln!(out, "{json}").map_err(|e| format!("cannot write the output: {e}"))
    };
    let mut status = ExitCode::SUCCESS;
    match text {
        Some(text) => print(&text)?,
        None => {
            let stdin = std::io::stdin();
            let mut reader = stdin.lock();
            let mut buf = Vec::new();
            let mut number = 0;
            loop {
                buf.clear();
                let read =
                    reader.read_until(b'\n', &mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
                if read == 0 {
                    break;
                }
                number += 1;
                while buf.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
                    buf.pop();
                }
                match std::str::from_utf8(&buf) {
                    Ok(line) => print(line)?,
                    Err(e) => {
                        eprintln!(
                            "crosscheck: <stdin>:{number}: not valid UTF-8 at byte {}; line skipped",
                            e.valid_up_to()
                        );
                        print("")?;
                        status = ExitCode::from(2);
                    }
                }
            }
        }
    }
    out.flush().map_err(|e| format!("cannot write the output: {e}"))?;
    Ok(status)
}
