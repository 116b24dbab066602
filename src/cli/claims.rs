//! `crosscheck claims`: the claims each source states, as JSON or JSON lines.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::write_out;
use crate::claim::Claim;
use crate::document::Document;
use crate::document::LoadOptions;
use crate::lang::Rules;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(super) enum ClaimsFormat {
    Json,
    Jsonl,
}

pub(super) fn claims(
    paths: &[PathBuf],
    format: ClaimsFormat,
    rules: &Rules,
    options: &LoadOptions,
) -> Result<ExitCode, String> {
    let meter = crate::progress::Meter::start();
    let discovery = crate::document::corpus::discover(paths);
    let (documents, skipped) = crate::document::corpus::load_all(&discovery, rules, options);
    let claims = crate::claim::extract_all(&documents, rules);
    drop(meter);
    match format {
        ClaimsFormat::Json => {
            #[derive(serde::Serialize)]
            struct Out<'a> {
                schema: &'static str,
                documents: &'a [Document],
                claims: &'a [Claim],
                skipped: &'a [crate::document::corpus::Skipped],
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
                let line = serde_json::to_string(&crate::claim::ClaimLine::of(claim)).map_err(|e| e.to_string())?;
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
