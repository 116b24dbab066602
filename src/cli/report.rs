//! `crosscheck report`: read the sources (or claims read elsewhere), judge
//! them, write the report, and exit 1 when a finding reaches `--fail-on`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{write_out, write_with};
use crate::claim::Claim;
use crate::document::{Document, LoadOptions};
use crate::lang::Rules;
use crate::report::Report;
use crate::verdict::Verdict;

/// Reads the sources (or judges the claims of `claims`), writes the report
/// as `format` asks, and tells the exit status `fail_on` gives.
pub(super) fn run(
    paths: &[PathBuf],
    format: ReportFormat,
    fail_on: FailOn,
    claims: Option<&Path>,
    stats: bool,
    options: &LoadOptions,
    rules: Rules,
) -> Result<ExitCode, String> {
    let started = std::time::Instant::now();
    let mut stages = crate::Stages::default();
    let meter = crate::progress::Meter::start();
    let report = match claims {
        Some(file) => stages.time("judge", || report_from_claims(file, paths, &rules, options))?,
        None => crate::run_report_timed(paths, &rules, options, &mut stages),
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

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(super) enum ReportFormat {
    Md,
    Json,
    /// One self-contained web page: the findings beside the sources' text.
    Html,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(super) enum FailOn {
    Contradiction,
    Rounding,
    Never,
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
        let line: crate::claim::ClaimLineIn =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: not a claim: {e}", file.display(), n + 1))?;
        let mut claim = line.claim;
        claim.context = line.context.into();
        claim.counted_by = line.counted_by;
        claim.read_kind();
        claims.push(claim);
    }
    let (mut documents, skipped) = if paths.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let discovery = crate::document::corpus::discover(paths);
        let (docs, skipped) = crate::document::corpus::load_all(&discovery, rules, options);
        claims.extend(crate::claim::extract_all(&docs, rules));
        (docs, skipped)
    };
    let known: BTreeSet<String> = documents.iter().map(|d| d.id.clone()).collect();
    let mut seen = BTreeSet::new();
    for claim in &claims {
        if !known.contains(&*claim.doc) && seen.insert(claim.doc.clone()) {
            documents.push(Document::placeholder(&claim.doc, claim.reference_date.as_deref().map(str::to_string)));
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
