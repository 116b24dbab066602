//! `crosscheck review`: check each claim of a draft against its sources.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::write_out;
use crate::document::LoadOptions;
use crate::lang::Rules;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(super) enum ReviewFormat {
    Md,
    Json,
    Github,
    /// One self-contained web page: the draft's claims marked by status, the sources below.
    Html,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(super) enum ReviewFailOn {
    Contradicted,
    Unsupported,
    Rounding,
    Never,
}

/// The draft of `review`: the path before `--sources`, or else the last
/// path after it (`review --sources DIR DRAFT`), which must then be a file.
pub(super) fn review_draft(draft: Option<PathBuf>, sources: &mut Vec<PathBuf>) -> Result<PathBuf, String> {
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

pub(super) fn review(
    draft_path: &Path,
    sources: &[PathBuf],
    format: ReviewFormat,
    fail_on: ReviewFailOn,
    ack: Option<&Path>,
    rules: &Rules,
    options: &LoadOptions,
) -> Result<ExitCode, String> {
    let acks = ack.map(crate::review::read_acks).transpose()?.unwrap_or_default();
    let mut discovery = crate::document::corpus::discover(sources);
    crate::document::corpus::leave_out(&mut discovery, draft_path, "the draft under review, left out of its sources");
    let (docs, skipped) = crate::document::corpus::load_all(&discovery, rules, options);
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
