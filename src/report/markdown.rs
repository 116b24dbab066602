//! The report as an editor reads it: a summary, then contradictions first,
//! each finding with every source's wording, value, place and quote.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::{Report, counted};
use crate::claim::Claim;
use crate::verdict::{Finding, Verdict, describe};

pub(super) const SECTIONS: [(Verdict, &str); 4] = [
    (Verdict::Contradiction, "Contradictions"),
    (Verdict::Rounding, "Rounding differences"),
    (Verdict::Agreement, "Agreements"),
    (Verdict::SingleSource, "Stated by one source only"),
];

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# crosscheck report\n");
    let _ = writeln!(out, "{}\n", summary(report));
    let _ = writeln!(out, "## Sources\n");
    for doc in &report.documents {
        let date = doc.date.as_deref().unwrap_or("date unknown");
        let title = doc.title.as_deref().map(|t| format!(" — {}", t.trim())).unwrap_or_default();
        let _ = writeln!(out, "- `{}` ({}, {}){}", doc.path, doc.language, date, title);
    }
    if !report.skipped.is_empty() {
        let _ = writeln!(out, "\n## Skipped inputs\n");
        for s in &report.skipped {
            let _ = writeln!(out, "- `{}`: {}", s.path, s.reason);
        }
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(out, "\n## Warnings\n");
        for w in &report.warnings {
            let _ = writeln!(out, "- {w}");
        }
    }
    let index = Index {
        claims: report.claims.iter().map(|c| (c.id.as_str(), c)).collect(),
        paths: report.documents.iter().map(|d| (d.id.as_str(), d.path.as_str())).collect(),
    };
    for (verdict, title) in SECTIONS {
        let findings: Vec<&Finding> = report.findings.iter().filter(|f| f.verdict == verdict).collect();
        if findings.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n## {title} ({})\n", findings.len());
        for finding in findings {
            if verdict == Verdict::SingleSource {
                single(&mut out, finding, &index);
            } else {
                full(&mut out, finding, &index);
            }
        }
    }
    not_checked(&mut out, report);
    out
}

/// How many unchecked figures a source lists before "and N more".
const UNCHECKED_SHOWN: usize = 8;

/// Per source, the figures and dates no claim used: silence is not agreement.
fn not_checked(out: &mut String, report: &Report) {
    if report.unchecked.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## Not checked ({})\n", report.unchecked.len());
    let _ = writeln!(out, "Figures and dates the sources state that no finding compares.\n");
    for doc in &report.documents {
        let figures: Vec<_> = report.unchecked.iter().filter(|u| u.doc == doc.id).collect();
        if figures.is_empty() {
            continue;
        }
        let shown: Vec<String> = figures
            .iter()
            .take(UNCHECKED_SHOWN)
            .map(|u| format!("«{}» (line {})", u.text.replace('\n', " "), u.span.line))
            .collect();
        let more = figures.len().saturating_sub(UNCHECKED_SHOWN);
        let more = if more > 0 { format!(", and {more} more") } else { String::new() };
        let _ = writeln!(out, "- `{}`: {}{more}", doc.path, shown.join(", "));
    }
}

/// What the run read and found, in one sentence.
pub(super) fn summary(report: &Report) -> String {
    format!(
        "{}, {}, {}: {}, {}, {}, {} single-source.",
        counted(report.documents.len(), "source", "sources"),
        counted(report.claims.len(), "claim", "claims"),
        counted(report.findings.len(), "finding", "findings"),
        counted(report.count(Verdict::Contradiction), "contradiction", "contradictions"),
        counted(report.count(Verdict::Rounding), "rounding difference", "rounding differences"),
        counted(report.count(Verdict::Agreement), "agreement", "agreements"),
        report.count(Verdict::SingleSource),
    ) + &match report.unchecked.len() {
        0 => String::new(),
        n => format!(" {} not checked.", counted(n, "figure", "figures")),
    }
}

/// Claims and document paths by id, so that each finding's rows are looked
/// up, not searched for: a report can hold thousands of documents.
struct Index<'a> {
    claims: HashMap<&'a str, &'a Claim>,
    paths: HashMap<&'a str, &'a str>,
}

impl Index<'_> {
    fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.get(id).copied()
    }

    /// Where the claim stands: `path:line:column`.
    fn place(&self, claim: &Claim) -> String {
        let path = self.paths.get(claim.doc.as_str()).copied().unwrap_or(claim.doc.as_str());
        format!("{path}:{}:{}", claim.span.line, claim.span.column)
    }
}

pub(super) fn heading(finding: &Finding) -> String {
    let agent = finding.roles.get("agent").map_or("?", String::as_str);
    let target = finding.roles.get("target").map_or("?", String::as_str);
    let event = finding.event.as_deref().map(|e| format!(" ({e})")).unwrap_or_default();
    format!("{} · {} · {agent} → {target}{event}", finding.frame, finding.attribute.as_str())
}

pub(super) fn value_of(claim: &Claim) -> String {
    let polarity = if claim.polarity == crate::claim::Polarity::Negated { "not: " } else { "" };
    let value = claim.value.as_ref().map_or_else(|| "(the event)".to_string(), describe);
    format!("{polarity}{value}")
}

/// The quote, cut to about 200 characters around the claim's words.
fn excerpt(claim: &Claim) -> String {
    let quote = claim.quote.replace(['\n', '\r'], " ");
    let chars: Vec<char> = quote.chars().collect();
    if chars.len() <= 220 {
        return quote;
    }
    let at = quote.find(&claim.text).map_or(0, |b| quote[..b].chars().count());
    let start = at.saturating_sub(100);
    let end = (at + 120).min(chars.len());
    let mut out: String = chars[start..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

fn full(out: &mut String, finding: &Finding, index: &Index) {
    let _ = writeln!(out, "### {}\n", heading(finding));
    let _ = writeln!(out, "**{}** ({}): {}\n", finding.verdict, finding.severity, finding.summary);
    let _ = writeln!(out, "| source | wording | value | where |");
    let _ = writeln!(out, "|---|---|---|---|");
    for id in &finding.claims {
        let Some(claim) = index.claim(id) else {
            continue;
        };
        let _ = writeln!(
            out,
            "| {} | «{}» | {} | `{}` |",
            claim.doc,
            claim.text.replace('|', "\\|"),
            value_of(claim).replace('|', "\\|"),
            index.place(claim)
        );
    }
    let _ = writeln!(out);
    for pair in &finding.pairs {
        let _ =
            writeln!(out, "- {} vs {}: **{}** by `{}`: {}", pair.a, pair.b, pair.verdict, pair.rule, pair.explanation);
    }
    if !finding.pairs.is_empty() {
        let _ = writeln!(out);
    }
    for id in &finding.claims {
        if let Some(claim) = index.claim(id) {
            let _ = writeln!(out, "> {} ({}): {}", claim.id, claim.doc, excerpt(claim));
        }
    }
    let _ = writeln!(out);
}

fn single(out: &mut String, finding: &Finding, index: &Index) {
    let first = finding.claims.first().and_then(|id| index.claim(id));
    let Some(claim) = first else {
        return;
    };
    let _ = writeln!(
        out,
        "- {}: «{}» = {} at `{}`",
        heading(finding),
        claim.text.replace('\n', " "),
        value_of(claim),
        index.place(claim)
    );
}
