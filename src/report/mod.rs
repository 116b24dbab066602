//! The report: what a run found, for people (Markdown) and programs (JSON).
//!
//! `Report` is the JSON contract of CONTRACT.md (`crosscheck.report/1`) plus
//! what the run could not read, so that nothing is lost silently. Everything in
//! it is sorted and deterministic.

mod markdown;

use serde::Serialize;

use crate::claim::Claim;
use crate::corpus::Skipped;
use crate::document::Document;
use crate::verdict::{Finding, Verdict};

pub use markdown::render as markdown;

pub const SCHEMA: &str = "crosscheck.report/1";

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub documents: Vec<Document>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    /// Inputs that could not be read, with the reason.
    pub skipped: Vec<Skipped>,
    /// Problems that did not stop the run, each naming its file.
    pub warnings: Vec<String>,
}

impl Report {
    pub fn count(&self, verdict: Verdict) -> usize {
        self.findings.iter().filter(|f| f.verdict == verdict).count()
    }

    /// The JSON report, written as it is made, ending with a newline.
    pub fn write_json(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, self).map_err(std::io::Error::from)?;
        out.write_all(b"\n")
    }

    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        out.push('\n');
        out
    }

    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}
