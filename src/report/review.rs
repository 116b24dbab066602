//! A draft's review as people and CI read it: Markdown and GitHub Actions
//! workflow commands (the web page is in `html`, the JSON is the
//! [`Review`] itself).

use std::fmt::Write as _;

use super::counted;
use crate::review::{Review, ReviewedClaim, STATUS_SECTIONS, Status};
use crate::verdict::describe;

/// One line on what the review found.
pub(crate) fn summary(review: &Review) -> String {
    let count = |s: Status| review.claims.iter().filter(|c| c.status == s).count();
    let unchecked = match review.unchecked.len() {
        0 => String::new(),
        n => format!(" {} in the draft not checked.", counted(n, "figure", "figures")),
    };
    format!(
        "{} against {}: {} contradicted, {} unsupported, {} rounding, {} supported.{unchecked}",
        counted(review.claims.len(), "claim", "claims"),
        counted(review.sources.documents.len(), "source", "sources"),
        count(Status::Contradicted),
        count(Status::Unsupported),
        count(Status::Rounding),
        count(Status::Supported),
    )
}

fn source_place(review: &Review, id: &str) -> String {
    let Some(c) = review.sources.claims.iter().find(|c| c.id == id) else {
        return id.to_string();
    };
    let path = review.sources.documents.iter().find(|d| *d.id == *c.doc).map_or(&*c.doc, |d| d.path.as_str());
    format!("{path}:{}:{}", c.span.line, c.span.column)
}

pub fn markdown(review: &Review) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# crosscheck review of `{}`\n", review.draft.path);
    let _ = writeln!(out, "{}\n", summary(review));
    for s in &review.skipped {
        let _ = writeln!(out, "- skipped `{}`: {}", s.path, s.reason);
    }
    for w in &review.warnings {
        let _ = writeln!(out, "- warning: {w}");
    }
    for (status, _) in STATUS_SECTIONS {
        let claims: Vec<&ReviewedClaim> = review.claims.iter().filter(|c| c.status == status).collect();
        if claims.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n## {} ({})\n", status.as_str(), claims.len());
        for c in claims {
            let value = c.claim.value.as_deref().map_or_else(|| "(the event)".to_string(), describe);
            let ack = c.acknowledged.as_ref().map(|a| format!(" — acknowledged: {}", a.reason)).unwrap_or_default();
            let _ = writeln!(
                out,
                "- `{}:{}:{}` «{}» = {} ({}){ack}",
                review.draft.path, c.claim.span.line, c.claim.span.column, c.claim.text, value, c.fingerprint
            );
            for e in &c.judgements {
                let _ = writeln!(
                    out,
                    "  - {} `{}`: **{}** by `{}`: {}",
                    e.doc,
                    source_place(review, &e.claim),
                    e.verdict,
                    e.rule,
                    e.explanation
                );
            }
        }
    }
    if !review.unchecked.is_empty() {
        let _ = writeln!(out, "\n## Not checked ({})\n", review.unchecked.len());
        let _ = writeln!(out, "No claim of the draft states these figures: check them by hand.\n");
        for u in &review.unchecked {
            let _ = writeln!(
                out,
                "- `{}:{}:{}` «{}» in: {}",
                review.draft.path,
                u.span.line,
                u.span.column,
                u.text,
                u.quote.replace('\n', " ")
            );
        }
    }
    if !review.source_contradictions.is_empty() {
        let _ = writeln!(out, "\n## The sources disagree among themselves\n");
        for f in &review.source_contradictions {
            let _ = writeln!(out, "- {}: {}", f.id, f.summary);
        }
    }
    out
}

/// One GitHub Actions workflow command per problem.
pub fn github(review: &Review) -> String {
    let mut out = String::new();
    for c in &review.claims {
        let level = match c.status {
            Status::Contradicted => "error",
            Status::Unsupported => "warning",
            Status::Rounding => "notice",
            Status::Supported => continue,
        };
        if c.acknowledged.is_some() {
            continue;
        }
        let detail = c
            .judgements
            .first()
            .map(|e| format!(": {} ({})", e.explanation, source_place(review, &e.claim)))
            .unwrap_or_default();
        let message = format!("«{}» is {}{detail} [{}]", c.claim.text, c.status.as_str(), c.fingerprint);
        let _ = writeln!(
            out,
            "::{level} file={},line={},col={},title={}::{}",
            escape_property(&review.draft.path),
            c.claim.span.line,
            c.claim.span.column,
            escape_property(&format!("crosscheck: {}", c.status.as_str())),
            escape_data(&message)
        );
    }
    for u in &review.unchecked {
        let _ = writeln!(
            out,
            "::notice file={},line={},col={},title={}::{}",
            escape_property(&review.draft.path),
            u.span.line,
            u.span.column,
            escape_property("crosscheck: not checked"),
            escape_data(&format!("«{}» is stated by no claim: nothing checked it", u.text))
        );
    }
    for ack in &review.stale_acks {
        let _ = writeln!(
            out,
            "::warning file={},title={}::{}",
            escape_property(&review.draft.path),
            escape_property("crosscheck: stale acknowledgement"),
            escape_data(&format!("{} matches no claim of the draft", ack.fingerprint))
        );
    }
    out
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
