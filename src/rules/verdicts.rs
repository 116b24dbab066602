//! The verdict rules of `rules/verdicts.*.toml`, as data: ordered pair rules
//! whose conditions name predicates from a closed set, and the `[[test]]`
//! pairs they must decide. Compiling them checks ids, predicate names and
//! explanation placeholders; `verdict` evaluates them on claims.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::{RuleError, RuleFile, names};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Agreement,
    Rounding,
    Contradiction,
    SingleSource,
}

impl Verdict {
    /// How bad it is, for "worst pair" and `--fail-on`.
    pub fn rank(&self) -> u8 {
        match self {
            Verdict::SingleSource => 0,
            Verdict::Agreement => 1,
            Verdict::Rounding => 2,
            Verdict::Contradiction => 3,
        }
    }

    /// The verdict's name, as serde writes it.
    pub fn as_str(&self) -> &'static str {
        names::name::<Verdict>(*self as usize)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(names::name::<Severity>(*self as usize))
    }
}

/// The fixed set of facts a rule can test about a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Predicate {
    /// Same interval, unit and hedge (or two occurrences).
    SameInterval,
    /// The intervals meet.
    Overlap,
    /// The intervals cannot both hold.
    Disjoint,
    PolarityDiffers,
    /// One says A acts on B, the other B on A.
    RolesReversed,
    /// A source speaks of a counter-event.
    CounterEvent,
    /// Two amounts in different currencies.
    DifferentUnit,
    /// The sources were published at different dates.
    DifferentReferenceDate,
    /// The source published later states the higher figure, above the other.
    Rises,
    /// Either wording is hedged ("près de", "about").
    Hedged,
    /// Both values are dates.
    Time,
    /// Both values are amounts, counts or percents.
    Figure,
    /// Both values are counts.
    Count,
    /// Neither claim has a value: the event happened, or did not.
    Occurrence,
    /// The figure may change over time (a toll, an area burned): the
    /// frame says so with `evolving = true`.
    Evolving,
    /// Both figures are known to describe the same moment (`as_of`).
    SameAsOf,
    /// The sources attribute the two figures to different counters
    /// ("selon la police" / "selon la CGT").
    DifferentCounters,
    /// Both claims come from one document: an outlet that gives two
    /// figures of one measure speaks of two facts (two places, counters or
    /// moments), even when its words do not say which.
    SameDocument,
    /// Another figure of the finding, more precise than both, is within
    /// each: both round it ("787 million" and "788 millions" of 787.5).
    FinerBetween,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVerdicts {
    #[serde(default)]
    rule: Vec<RawRule>,
    #[serde(default)]
    test: Vec<RawTest>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    #[serde(default)]
    when: Vec<Spanned<String>>,
    #[serde(default)]
    unless: Vec<Spanned<String>>,
    verdict: Spanned<String>,
    severity: Severity,
    explanation: String,
}

/// One side of a `[[test]]`: a phrase to read, or an occurrence.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestSide {
    /// A phrase with one value ("97 milliards de dollars"); absent for an occurrence.
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default = "default_agent")]
    pub agent: String,
    #[serde(default = "default_target")]
    pub target: String,
    #[serde(default)]
    pub negated: bool,
    #[serde(default)]
    pub counter: bool,
    /// The source's publication date, also the reference for relative dates.
    #[serde(default)]
    pub date: Option<String>,
}

fn default_agent() -> String {
    "A".into()
}

fn default_target() -> String {
    "B".into()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTest {
    lang: String,
    a: TestSide,
    b: TestSide,
    verdict: Verdict,
    rule: String,
}

/// A `[[test]]` of a verdicts file: two claims and the rule that must decide them.
#[derive(Debug, Clone)]
pub struct VerdictTest {
    pub origin: String,
    pub lang: String,
    pub a: TestSide,
    pub b: TestSide,
    pub verdict: Verdict,
    pub rule: String,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub when: Vec<Predicate>,
    pub unless: Vec<Predicate>,
    pub verdict: Verdict,
    pub severity: Severity,
    pub explanation: String,
}

#[derive(Debug, Default)]
pub struct VerdictRules {
    pub rules: Vec<Rule>,
    pub tests: Vec<VerdictTest>,
}

pub const PLACEHOLDERS: &[&str] = &[
    "a", "b", "a_value", "b_value", "wider", "narrower", "a_agent", "a_target", "b_agent", "b_target", "a_unit",
    "b_unit", "a_date", "b_date", "a_by", "b_by",
];

impl VerdictRules {
    pub fn compile(files: &[&RuleFile]) -> Result<VerdictRules, RuleError> {
        let mut out = VerdictRules::default();
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for file in files {
            let raw: RawVerdicts = file.parse()?;
            for rule in raw.rule {
                let id = rule.id.get_ref().clone();
                if let Some(other) = seen.insert(id.clone(), file.origin.clone()) {
                    return Err(file.error_in(&rule.id, format!("duplicate rule id {id:?} (also in {other})")));
                }
                let predicates = |list: &[Spanned<String>]| -> Result<Vec<Predicate>, RuleError> {
                    list.iter()
                        .map(|p| {
                            names::parse::<Predicate>(p.get_ref()).ok_or_else(|| {
                                file.error_in(
                                    p,
                                    format!(
                                        "rule {id:?} names unknown predicate {:?}; known: {}",
                                        p.get_ref(),
                                        names::listed::<Predicate>()
                                    ),
                                )
                            })
                        })
                        .collect()
                };
                // A pair agrees, rounds or contradicts; a single source is no pair.
                let verdict = names::parse::<Verdict>(rule.verdict.get_ref()).filter(|v| *v != Verdict::SingleSource);
                let Some(verdict) = verdict else {
                    let pair_verdicts: Vec<&str> = names::variants::<Verdict>()
                        .iter()
                        .copied()
                        .filter(|n| *n != Verdict::SingleSource.as_str())
                        .collect();
                    return Err(file.error_in(
                        &rule.verdict,
                        format!(
                            "rule {id:?}: unknown verdict {:?}; a pair is {}",
                            rule.verdict.get_ref(),
                            names::alternatives(&pair_verdicts)
                        ),
                    ));
                };
                check_placeholders(&rule.explanation).map_err(|p| {
                    file.error_in(&rule.id, format!("rule {id:?}: unknown placeholder {{{p}}} in the explanation"))
                })?;
                out.rules.push(Rule {
                    when: predicates(&rule.when)?,
                    unless: predicates(&rule.unless)?,
                    id,
                    verdict,
                    severity: rule.severity,
                    explanation: rule.explanation,
                });
            }
            for test in raw.test {
                out.tests.push(VerdictTest {
                    origin: file.origin.clone(),
                    lang: test.lang,
                    a: test.a,
                    b: test.b,
                    verdict: test.verdict,
                    rule: test.rule,
                });
            }
        }
        for test in &out.tests {
            if !out.rules.iter().any(|r| r.id == test.rule) {
                return Err(RuleError {
                    file: test.origin.clone(),
                    line: None,
                    column: None,
                    message: format!("a test names unknown rule {:?}", test.rule),
                });
            }
        }
        Ok(out)
    }
}

fn check_placeholders(template: &str) -> Result<(), String> {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            return Err(rest[open..].to_string());
        };
        let name = &rest[open + 1..open + close];
        if !PLACEHOLDERS.contains(&name) {
            return Err(name.to_string());
        }
        rest = &rest[open + close + 1..];
    }
    Ok(())
}
