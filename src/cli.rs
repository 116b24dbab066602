//! The command line: argument parsing and exit codes over the library.
//!
//! Exit codes: 0 nothing at or above `--fail-on`; 1 something is; 2 the tool
//! could not do its job (bad arguments, unreadable rules, an input it had to skip).

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::claim::Claim;
use crate::document::{Document, LoadOptions};
use crate::lang::Rules;
use crate::report::Report;
use crate::value::date::{DateContext, PartialDate};
use crate::verdict::Verdict;

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

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ReportFormat {
    Md,
    Json,
    /// One self-contained web page: the findings beside the sources' text.
    Html,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ReviewFormat {
    Md,
    Json,
    Github,
    /// One self-contained web page: the draft's claims marked by status, the sources below.
    Html,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ReviewFailOn {
    Contradicted,
    Unsupported,
    Rounding,
    Never,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ClaimsFormat {
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum FailOn {
    Contradiction,
    Rounding,
    Never,
}

#[derive(Debug, Subcommand)]
enum RulesAction {
    /// Run every `[[test]]` example of the rule files.
    Test,
    /// Check that the rule files load (the built-in ones, plus --rules DIR or DIR).
    Check {
        /// A rules folder to check; defaults to --rules.
        dir: Option<PathBuf>,
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
        Command::Parse { lang, date, text } => parse(&rules, &lang, date.as_deref(), text),
        Command::Report { paths, format, fail_on, claims, stats, load } => {
            let options = load.options(&rules)?;
            let started = std::time::Instant::now();
            let mut stages = crate::Stages::default();
            let meter = crate::progress::Meter::start();
            let report = match claims {
                Some(file) => stages.time("judge", || report_from_claims(&file, &paths, &rules, &options))?,
                None => crate::run_report_timed(&paths, &rules, &options, &mut stages),
            };
            // The line is cleared before the report is written.
            drop(meter);
            stages.time("write", || match format {
                ReportFormat::Md => write_out(&crate::report::markdown(&report)),
                // Streamed: a large report is never held twice in memory.
                ReportFormat::Json => write_with(|out| report.write_json(out)),
                ReportFormat::Html => write_out(&crate::report::html(&report)),
            })?;
            for s in report.skipped.iter().filter(|s| s.error) {
                eprintln!("crosscheck: {}: {}", s.path, s.reason);
            }
            if stats {
                print_stats(&report, started.elapsed(), &stages);
            }
            let status = report_status(&report, fail_on);
            // The process ends here and the system takes its memory back at
            // once: freeing a large report (or the compiled rules) piece by
            // piece only delays the exit.
            std::mem::forget(report);
            std::mem::forget(rules);
            Ok(status)
        }
        Command::Review { draft, mut sources, format, fail_on, ack, load } => {
            let draft = review_draft(draft, &mut sources)?;
            review(&draft, &sources, format, fail_on, ack.as_deref(), &rules, &load.options(&rules)?)
        }
        Command::Claims { paths, format, load } => claims(&paths, format, &rules, &load.options(&rules)?),
        Command::Rules { action: RulesAction::Test } => rules_test(&rules),
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

/// Sizes, time, throughput and peak memory, for benchmarks and curious users.
fn print_stats(report: &Report, elapsed: std::time::Duration, stages: &crate::Stages) {
    let bytes: usize = report.documents.iter().map(|d| d.text.len()).sum();
    let seconds = elapsed.as_secs_f64().max(1e-9);
    eprintln!(
        "stats: {} documents, {} bytes, {} claims, {} findings, {:.3} s, {:.1} MB/s, {:.0} claims/s, peak memory {}",
        report.documents.len(),
        bytes,
        report.claims.len(),
        report.findings.len(),
        seconds,
        bytes as f64 / 1e6 / seconds,
        report.claims.len() as f64 / seconds,
        peak_memory().map_or_else(|| "unknown".to_string(), |kb| format!("{:.1} MiB", kb as f64 / 1024.0)),
    );
    let stages: Vec<String> =
        stages.0.iter().map(|(name, time)| format!("{name} {:.3} s", time.as_secs_f64())).collect();
    eprintln!("stages: {}", stages.join(", "));
}

/// The process's peak resident memory in KiB, where the system tells it.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn report_status(report: &Report, fail_on: FailOn) -> ExitCode {
    if report.skipped.iter().any(|s| s.error) {
        return ExitCode::from(2);
    }
    let threshold = match fail_on {
        FailOn::Contradiction => Some(Verdict::Contradiction),
        FailOn::Rounding => Some(Verdict::Rounding),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|t| report.findings.iter().any(|f| crate::verdict::reaches(f.verdict, t)));
    if failing { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// Judges claims read from JSON lines, plus those of any sources given.
fn report_from_claims(file: &Path, paths: &[PathBuf], rules: &Rules, options: &LoadOptions) -> Result<Report, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
    let mut claims: Vec<Claim> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let claim: Claim =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: not a claim: {e}", file.display(), n + 1))?;
        claims.push(claim);
    }
    let (mut documents, skipped) = if paths.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let discovery = crate::corpus::discover(paths);
        let (docs, skipped) = crate::corpus::load_all(&discovery, rules, options);
        claims.extend(crate::claim::extract_all(&docs, rules));
        (docs, skipped)
    };
    let known: BTreeSet<String> = documents.iter().map(|d| d.id.clone()).collect();
    let mut seen = BTreeSet::new();
    for claim in &claims {
        if !known.contains(&claim.doc) && seen.insert(claim.doc.clone()) {
            documents.push(Document::placeholder(&claim.doc, claim.reference_date.clone()));
        }
    }
    let mut ids = BTreeSet::new();
    for claim in &claims {
        if !ids.insert(claim.id.clone()) {
            return Err(format!("{}: claim id {:?} appears twice", file.display(), claim.id));
        }
    }
    Ok(crate::judge(documents, claims, skipped, rules))
}

fn claims(paths: &[PathBuf], format: ClaimsFormat, rules: &Rules, options: &LoadOptions) -> Result<ExitCode, String> {
    let meter = crate::progress::Meter::start();
    let discovery = crate::corpus::discover(paths);
    let (documents, skipped) = crate::corpus::load_all(&discovery, rules, options);
    let claims = crate::claim::extract_all(&documents, rules);
    drop(meter);
    match format {
        ClaimsFormat::Json => {
            #[derive(serde::Serialize)]
            struct Out<'a> {
                schema: &'static str,
                documents: &'a [Document],
                claims: &'a [Claim],
                skipped: &'a [crate::corpus::Skipped],
            }
            let out = Out { schema: crate::report::SCHEMA, documents: &documents, claims: &claims, skipped: &skipped };
            let mut text = serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?;
            text.push('\n');
            write_out(&text)?;
        }
        ClaimsFormat::Jsonl => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            for claim in &claims {
                let line = serde_json::to_string(claim).map_err(|e| e.to_string())?;
                if let Err(e) = writeln!(out, "{line}") {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        return Ok(ExitCode::SUCCESS);
                    }
                    return Err(format!("cannot write the output: {e}"));
                }
            }
            let _ = out.flush();
        }
    }
    for s in &skipped {
        eprintln!("crosscheck: {}: {}", s.path, s.reason);
    }
    Ok(if skipped.iter().any(|s| s.error) { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// The draft of `review`: the path before `--sources`, or else the last
/// path after it (`review --sources DIR DRAFT`), which must then be a file.
fn review_draft(draft: Option<PathBuf>, sources: &mut Vec<PathBuf>) -> Result<PathBuf, String> {
    if let Some(draft) = draft {
        return Ok(draft);
    }
    match sources.last() {
        Some(last) if sources.len() > 1 && !last.is_dir() => Ok(sources.pop().expect("a last path")),
        _ => Err("no draft to review: name it first (`crosscheck review DRAFT --sources PATH…`) \
                  or last, after the sources"
            .to_string()),
    }
}

fn review(
    draft_path: &Path,
    sources: &[PathBuf],
    format: ReviewFormat,
    fail_on: ReviewFailOn,
    ack: Option<&Path>,
    rules: &Rules,
    options: &LoadOptions,
) -> Result<ExitCode, String> {
    let acks = ack.map(crate::review::read_acks).transpose()?.unwrap_or_default();
    let mut discovery = crate::corpus::discover(sources);
    crate::corpus::leave_out(&mut discovery, draft_path, "the draft under review, left out of its sources");
    let (docs, skipped) = crate::corpus::load_all(&discovery, rules, options);
    let bytes =
        std::fs::read(draft_path).map_err(|e| format!("{}: cannot read the draft: {e}", draft_path.display()))?;
    let stem = draft_path.file_stem().map_or_else(|| "draft".to_string(), |s| s.to_string_lossy().to_string());
    let mut id = stem.clone();
    let mut n = 1;
    while docs.iter().any(|d| d.id == id) {
        n += 1;
        id = format!("{stem}-draft{}", if n > 2 { n.to_string() } else { String::new() });
    }
    let draft = crate::document::load(&id, &draft_path.display().to_string(), bytes, rules, options)
        .map_err(|e| e.to_string())?;
    let review = crate::review::review(draft, docs, skipped, rules, &acks);
    let text = match format {
        ReviewFormat::Md => crate::report::review_markdown(&review),
        ReviewFormat::Json => review.to_json(),
        ReviewFormat::Github => crate::report::review_github(&review),
        ReviewFormat::Html => crate::report::html::review(&review),
    };
    write_out(&text)?;
    for s in &review.skipped {
        eprintln!("crosscheck: {}: {}", s.path, s.reason);
    }
    if review.skipped.iter().any(|s| s.error) {
        return Ok(ExitCode::from(2));
    }
    let threshold = match fail_on {
        ReviewFailOn::Contradicted => Some(crate::review::Status::Contradicted),
        ReviewFailOn::Unsupported => Some(crate::review::Status::Unsupported),
        ReviewFailOn::Rounding => Some(crate::review::Status::Rounding),
        ReviewFailOn::Never => None,
    };
    let failing = threshold.is_some_and(|t| review.failing(t).next().is_some() || review.fails_by_silence(t));
    Ok(if failing { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn rules_test(rules: &Rules) -> Result<ExitCode, String> {
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
            if std::io::IsTerminal::is_terminal(&stdin) {
                eprintln!("crosscheck parse: reading phrases from standard input, one a line; end with Ctrl-D");
            }
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
