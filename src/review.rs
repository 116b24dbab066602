//! Editorial review: each claim of a draft checked against the sources.
//!
//! The draft's claims are aligned with the sources' claims as in a report;
//! each draft claim is then judged against every source claim of its slot by
//! the same rules. A claim is `contradicted` when a source disagrees,
//! `supported` when one agrees, `rounding` when they agree only up to rounding
//! or a hedge, `unsupported` when no source states it. Acknowledgements
//! (`--ack FILE`) let an editor mark a reviewed claim so it stops failing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::claim::{Claim, Polarity};
use crate::document::Document;
use crate::document::corpus::Skipped;
use crate::lang::Rules;
use crate::verdict::{Verdict, describe};

pub const SCHEMA: &str = "crosscheck.review/1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Supported,
    Rounding,
    Unsupported,
    Contradicted,
}

impl Status {
    /// The status's name, as serde writes it.
    pub fn as_str(&self) -> &'static str {
        crate::rules::names::name::<Status>(*self as usize)
    }

    /// How serious, for `--fail-on`: contradicted > unsupported > rounding > supported.
    pub fn rank(&self) -> u8 {
        match self {
            Status::Supported => 0,
            Status::Rounding => 1,
            Status::Unsupported => 2,
            Status::Contradicted => 3,
        }
    }
}

/// What one source claim says of a draft claim.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub claim: String,
    pub doc: String,
    pub verdict: Verdict,
    pub rule: String,
    pub explanation: String,
}

/// An acknowledgement that matched a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ack {
    pub fingerprint: String,
    pub reason: String,
    #[serde(default)]
    pub by: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AckFile {
    #[serde(default)]
    ack: Vec<Ack>,
}

/// Reads an acknowledgements file, naming the file and place of any error.
pub fn read_acks(path: &Path) -> Result<Vec<Ack>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let file = crate::rules::RuleFile { name: String::new(), origin: path.display().to_string(), text };
    let parsed: AckFile = file.parse().map_err(|e| e.to_string())?;
    Ok(parsed.ack)
}

#[derive(Debug, Clone, Serialize)]
pub struct ReviewedClaim {
    #[serde(flatten)]
    pub claim: Claim,
    pub status: Status,
    /// Source claims of the same fact, those that disagree first.
    pub evidence: Vec<String>,
    /// What each source claim says of this one.
    pub judgements: Vec<Evidence>,
    /// Identifies the claim independently of where it stands in the draft.
    pub fingerprint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acknowledged: Option<Ack>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Sources {
    pub documents: Vec<Document>,
    pub claims: Vec<Claim>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub schema: &'static str,
    pub draft: Document,
    pub claims: Vec<ReviewedClaim>,
    pub sources: Sources,
    /// Source findings where the sources disagree among themselves.
    pub source_contradictions: Vec<crate::verdict::Finding>,
    /// Figures and dates of the draft that no claim states: nothing checked
    /// them, so a draft never passes by silence.
    pub unchecked: Vec<crate::claim::Unchecked>,
    /// Acknowledgements that no longer match any claim of the draft.
    pub stale_acks: Vec<Ack>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in crate::text::words::key_chars(text) {
        if c.is_alphanumeric() || c == '.' {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// `frame.attribute:agent>target:value[:not]`, stable when lines move.
pub fn fingerprint(claim: &Claim) -> String {
    let role = |r: &str| claim.roles.get(r).map_or_else(|| "?".to_string(), |n| slug(n));
    let value = claim.value.as_deref().map_or_else(
        || "occurred".to_string(),
        |v| match (v.kind, v.point) {
            // A figure by its stated value: "about-97-billion-usd".
            (kind, Some(point)) if kind != crate::value::ValueKind::Date => {
                let hedge = v.hedge.map(|h| format!("{h:?} ")).unwrap_or_default();
                slug(&format!("{hedge}{} {}", crate::verdict::human(point), v.unit.as_deref().unwrap_or("")))
            }
            _ => slug(&describe(v)),
        },
    );
    let negated = if claim.polarity == Polarity::Negated { ":not" } else { "" };
    format!("{}.{}:{}>{}:{value}{negated}", claim.frame, claim.attribute_name, role("agent"), role("target"))
}

/// Reviews `draft` against `sources` (already loaded).
pub fn review(draft: Document, sources: Vec<Document>, skipped: Vec<Skipped>, rules: &Rules, acks: &[Ack]) -> Review {
    let mut all = Vec::with_capacity(sources.len() + 1);
    all.push(draft);
    all.extend(sources);
    let crate::claim::Reading { claims, unchecked } = crate::claim::read(&all, rules);
    let draft = all.remove(0);
    let unchecked: Vec<crate::claim::Unchecked> = unchecked.into_iter().filter(|u| u.doc == draft.id).collect();
    let sources = all;
    let slots = crate::align::align(&claims, &rules.frames);
    let slot_of = slots_of_claims(&slots);
    let mut reviewed = Vec::new();
    let mut used_acks = BTreeSet::new();
    for (i, claim) in claims.iter().enumerate() {
        if *claim.doc != *draft.id {
            continue;
        }
        let others: BTreeSet<usize> = slot_of
            .get(&i)
            .into_iter()
            .flatten()
            .flat_map(|&s| slots[s].claims.iter().copied())
            .filter(|&j| *claims[j].doc != *draft.id)
            .collect();
        let judgements = evidence(claim, others.into_iter().map(|j| &claims[j]), rules);
        let fingerprint = fingerprint(claim);
        let acknowledged = acks.iter().find(|a| a.fingerprint == fingerprint).cloned();
        if acknowledged.is_some() {
            used_acks.insert(fingerprint.clone());
        }
        reviewed.push(ReviewedClaim {
            claim: claim.clone(),
            status: status_of(&judgements),
            evidence: judgements.iter().map(|e| e.claim.clone()).collect(),
            judgements,
            fingerprint,
            acknowledged,
        });
    }
    let stale_acks: Vec<Ack> = acks.iter().filter(|a| !used_acks.contains(&a.fingerprint)).cloned().collect();
    let source_claims: Vec<Claim> = claims.iter().filter(|c| *c.doc != *draft.id).cloned().collect();
    let source_contradictions = contradictions_among(&source_claims, rules);
    let warnings = review_warnings(&draft, &sources, &stale_acks);
    Review {
        schema: SCHEMA,
        draft,
        claims: reviewed,
        sources: Sources { documents: sources, claims: source_claims },
        source_contradictions,
        unchecked,
        stale_acks,
        skipped,
        warnings,
    }
}

/// For each claim index, the slots it is a member of.
fn slots_of_claims(slots: &[crate::align::Slot]) -> BTreeMap<usize, Vec<usize>> {
    let mut slot_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (s, slot) in slots.iter().enumerate() {
        for &c in &slot.claims {
            slot_of.entry(c).or_default().push(s);
        }
    }
    slot_of
}

/// What each source claim says of the draft's `claim`, the worst first.
fn evidence<'c>(claim: &Claim, others: impl Iterator<Item = &'c Claim>, rules: &Rules) -> Vec<Evidence> {
    let mut judgements: Vec<Evidence> = others
        .filter_map(|other| {
            let judged = rules.verdicts.judge(claim, other)?;
            Some(Evidence {
                claim: other.id.clone(),
                doc: other.doc.to_string(),
                verdict: judged.verdict,
                rule: judged.rule,
                explanation: judged.explanation,
            })
        })
        .collect();
    judgements.sort_by(|a, b| b.verdict.rank().cmp(&a.verdict.rank()).then_with(|| a.claim.cmp(&b.claim)));
    judgements
}

/// A draft claim's status from what the sources say of it: one
/// contradiction is enough, then one agreement, then a rounding.
fn status_of(judgements: &[Evidence]) -> Status {
    let has = |v: Verdict| judgements.iter().any(|e| e.verdict == v);
    if has(Verdict::Contradiction) {
        Status::Contradicted
    } else if has(Verdict::Agreement) {
        Status::Supported
    } else if has(Verdict::Rounding) {
        Status::Rounding
    } else {
        Status::Unsupported
    }
}

/// The findings where the sources contradict each other.
fn contradictions_among(source_claims: &[Claim], rules: &Rules) -> Vec<crate::verdict::Finding> {
    let source_slots: Vec<crate::align::Slot> = crate::align::align(source_claims, &rules.frames);
    crate::verdict::judge_slots(&source_slots, source_claims, &rules.verdicts)
        .into_iter()
        .filter(|f| f.verdict == Verdict::Contradiction)
        .collect()
}

/// The documents' warnings, then one per stale acknowledgement.
fn review_warnings(draft: &Document, sources: &[Document], stale_acks: &[Ack]) -> Vec<String> {
    let mut warnings: Vec<String> = std::iter::once(draft)
        .chain(sources)
        .flat_map(|d| d.warnings.iter().map(move |w| format!("{}: {w}", d.path)))
        .collect();
    for ack in stale_acks {
        warnings.push(format!("stale acknowledgement: {} matches no claim of the draft", ack.fingerprint));
    }
    warnings
}

/// The statuses in the order a review shows them, worst first, with titles.
pub(crate) const STATUS_SECTIONS: [(Status, &str); 4] = [
    (Status::Contradicted, "Contradicted"),
    (Status::Unsupported, "Unsupported"),
    (Status::Rounding, "Rounding"),
    (Status::Supported, "Supported"),
];

impl Review {
    /// Claims at or above `threshold` that no acknowledgement covers.
    /// Whether figures of the draft went unchecked while `threshold` asks
    /// for every figure to be supported (`unsupported` or `rounding`).
    pub fn fails_by_silence(&self, threshold: Status) -> bool {
        !self.unchecked.is_empty() && threshold.rank() <= Status::Unsupported.rank()
    }

    pub fn failing(&self, threshold: Status) -> impl Iterator<Item = &ReviewedClaim> {
        self.claims.iter().filter(move |c| c.acknowledged.is_none() && c.status.rank() >= threshold.rank())
    }

    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        out.push('\n');
        out
    }
}
