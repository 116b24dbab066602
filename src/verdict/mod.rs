//! The rule engine: ordered pair rules from `rules/verdicts.toml`.
//!
//! For two claims of one slot, each rule's condition is a list of predicates
//! from a small fixed set (`when` all hold, `unless` none holds); the first
//! rule that matches gives the pair's verdict, severity and explanation. A
//! finding's verdict is its worst pair. Claims with identical values agree and
//! need no pair: one pair is judged per two *distinct* values.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::align::Slot;
use crate::claim::{AsOf, Claim, Polarity, Scope};
use crate::frame::Attribute;
use crate::interval::Interval;

mod explain;
mod facts;

pub use crate::rules::verdicts::{Predicate, Rule, Severity, TestSide, Verdict, VerdictRules, VerdictTest};
pub use explain::{describe, human, moment, moment_text, span_text, stated};
use explain::{explain, wording};
use facts::Facts;

/// Evaluating the rules; what they are and how they load is in [`crate::rules::verdicts`].
impl VerdictRules {
    /// The first rule that matches the pair.
    pub fn judge(&self, a: &Claim, b: &Claim) -> Option<PairJudgement> {
        self.judge_in(a, b, false)
    }

    /// Judges a pair of a finding whose figure may change over time
    /// (`evolving`) or not.
    pub fn judge_in(&self, a: &Claim, b: &Claim, evolving: bool) -> Option<PairJudgement> {
        self.judge_among(a, b, evolving, &[])
    }

    /// Judges a pair among the other claims of its finding, `others`.
    pub fn judge_among(&self, a: &Claim, b: &Claim, evolving: bool, others: &[&Claim]) -> Option<PairJudgement> {
        let mut facts = Facts::of(a, b);
        facts.evolving = evolving;
        facts.finer_between = finer_between(a, b, others);
        let rule = self
            .rules
            .iter()
            .find(|r| r.when.iter().all(|p| facts.holds(*p)) && !r.unless.iter().any(|p| facts.holds(*p)))?;
        Some(PairJudgement {
            verdict: rule.verdict,
            severity: rule.severity,
            rule: rule.id.clone(),
            explanation: explain(&rule.explanation, a, b),
        })
    }
}

/// Whether a figure among `others`, narrower than both `a` and `b`, meets each.
fn finer_between(a: &Claim, b: &Claim, others: &[&Claim]) -> bool {
    let interval = |c: &Claim| c.value.as_deref().and_then(Interval::of);
    let (Some(x), Some(y)) = (interval(a), interval(b)) else { return false };
    let unit = |c: &Claim| c.value.as_deref().and_then(|v| v.unit.clone());
    let same_unit = |c: &&&Claim| unit(c) == unit(a) && unit(c) == unit(b);
    others
        .iter()
        .filter(same_unit)
        .filter_map(|c| interval(c))
        .any(|z| z.width() < x.width() && z.width() < y.width() && z.overlaps(&x) && z.overlaps(&y))
}

/// What the first matching rule said of a pair.
#[derive(Debug, Clone, PartialEq)]
pub struct PairJudgement {
    pub verdict: Verdict,
    pub severity: Severity,
    pub rule: String,
    pub explanation: String,
}

/// One judged pair of distinct values in a finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub a: String,
    pub b: String,
    pub verdict: Verdict,
    pub rule: String,
    pub severity: Severity,
    pub explanation: String,
}

/// A fact as the sources state it, with their agreement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub id: String,
    pub frame: String,
    /// The kind of value its claims state.
    #[serde(skip)]
    pub attribute: Attribute,
    /// Its name in reports: the kind, or a measure's declared name.
    #[serde(rename = "attribute")]
    pub attribute_name: String,
    pub roles: crate::claim::Roles,
    pub verdict: Verdict,
    pub severity: Severity,
    pub claims: Vec<String>,
    pub pairs: Vec<Pair>,
    pub summary: String,
    /// The event's time, when a repeatable frame was split by time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// What all its claims are about, when their clauses name it (see
    /// [`Finding::scope`]).
    #[serde(skip_serializing_if = "Scope::is_unnamed")]
    pub scope: Option<Box<Scope>>,
    /// When its claims describe different moments: one entry per moment, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<TimelineEntry>,
    /// The story its claims tell, numbered from 1, when the run holds several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<u32>,
    /// The kind of counter whose figures it holds, when several kinds count
    /// the same thing (its id ends with `/by-` the kind).
    #[serde(skip)]
    pub counted_by: Option<String>,
}

impl Finding {
    /// What all its claims are about (empty when their clauses name nothing).
    pub fn scope(&self) -> &Scope {
        self.scope.as_deref().unwrap_or(&Scope::NONE)
    }
}

/// The claims of a finding that describe one moment (`as_of`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// The moment: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or a range of days.
    pub as_of: String,
    pub claims: Vec<String>,
    /// The figures stated for it, as stated ("at least 144", or "64 or at least 70").
    pub value: String,
}

/// The pair rules that find a figure which changed over time, and the one
/// that finds two counters' figures: reports show such findings as a
/// timeline, or counter by counter. A test checks that `rules/` has them.
pub const EVOLVING_RULES: [&str; 2] = ["figure-evolves", "count-evolves"];
pub const COUNTERS_RULE: &str = "counters-differ";

/// Whether some of `pairs` are a figure that changed over time.
pub fn evolves(pairs: &[Pair]) -> bool {
    pairs.iter().any(|p| EVOLVING_RULES.contains(&p.rule.as_str()))
}

/// Whether some of `pairs` are figures given by different counters.
pub fn counters_differ(pairs: &[Pair]) -> bool {
    pairs.iter().any(|p| p.rule == COUNTERS_RULE)
}

/// What a claim states, as stated: its value, or whether the event happened.
pub fn stated_claim(claim: &Claim) -> String {
    match &claim.value {
        Some(value) => stated(value),
        None if claim.polarity == Polarity::Negated => "it did not happen".to_string(),
        None => "it happened".to_string(),
    }
}

/// The claims of `members` by `as_of`, earliest first, when they describe
/// more than one moment; claims with no `as_of` are left out.
fn timeline(members: &[&Claim]) -> Vec<TimelineEntry> {
    let mut moments: BTreeMap<&AsOf, Vec<&Claim>> = BTreeMap::new();
    for claim in members {
        if let Some(as_of) = &claim.as_of {
            moments.entry(as_of).or_default().push(claim);
        }
    }
    if moments.len() < 2 {
        return Vec::new();
    }
    moments
        .into_iter()
        .map(|(as_of, claims)| {
            let mut values: Vec<String> = Vec::new();
            for claim in &claims {
                let value = stated_claim(claim);
                if !values.contains(&value) {
                    values.push(value);
                }
            }
            TimelineEntry {
                as_of: moment_text(as_of),
                claims: claims.iter().map(|c| c.id.clone()).collect(),
                value: values.join(" or "),
            }
        })
        .collect()
}

fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in crate::text::words::key_chars(name) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// What makes two claims of a slot "the same wording": value, polarity and
/// direction. Compared field by field, with no text made for it.
#[derive(PartialEq, Eq, Hash)]
struct DistinctKey<'c> {
    value: Option<ValueKey<'c>>,
    polarity: Polarity,
    reversed: bool,
}

/// The parts of a value that tell two wordings apart.
#[derive(PartialEq, Eq, Hash)]
struct ValueKey<'c> {
    kind: crate::value::ValueKind,
    low: Option<u64>,
    high: Option<u64>,
    low_open: bool,
    high_open: bool,
    unit: Option<&'c str>,
    hedge: Option<crate::value::Hedge>,
    start: Option<&'c str>,
    end: Option<&'c str>,
}

/// A bound by its bits: equal bounds, and only they, are equal (every NaN alike).
fn bound_bits(bound: Option<f64>) -> Option<u64> {
    bound.map(|x| if x.is_nan() { f64::NAN.to_bits() } else { x.to_bits() })
}

fn distinct_key<'c>(claim: &'c Claim, slot: &Slot) -> DistinctKey<'c> {
    let value = claim.value.as_deref().map(|v| ValueKey {
        kind: v.kind,
        low: bound_bits(v.low),
        high: bound_bits(v.high),
        low_open: v.low_open,
        high_open: v.high_open,
        unit: v.unit.as_deref(),
        hedge: v.hedge,
        start: v.start.as_deref(),
        end: v.end.as_deref(),
    });
    let reversed =
        slot.agent.is_some() && claim.agent() == slot.target.as_deref() && claim.target() == slot.agent.as_deref();
    DistinctKey { value, polarity: claim.polarity, reversed }
}

/// Judges every slot and returns the findings, sorted: worst verdict first, then by id.
pub fn judge_slots(slots: &[Slot], claims: &[Claim], rules: &VerdictRules) -> Vec<Finding> {
    use rayon::prelude::*;
    // Slots are judged on every core; ids are then made unique in slot order.
    let mut findings: Vec<Finding> = slots.par_iter().map(|slot| judge_slot(slot, claims, rules)).collect();
    let mut seen: rustc_hash::FxHashMap<&str, usize> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(findings.len(), Default::default());
    let repeats: Vec<usize> = findings
        .iter()
        .map(|finding| {
            let n = seen.entry(finding.id.as_str()).or_insert(0);
            *n += 1;
            *n
        })
        .collect();
    for (finding, n) in findings.iter_mut().zip(repeats) {
        if n > 1 {
            finding.id = format!("{}#{n}", finding.id);
        }
    }
    // Their order is sorted, not the findings: a finding is large, and a
    // sort moves each element many times.
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.par_sort_by(|&a, &b| {
        let (a, b) = (&findings[a], &findings[b]);
        b.verdict.rank().cmp(&a.verdict.rank()).then_with(|| a.id.cmp(&b.id))
    });
    permute(&mut findings, order);
    findings
}

/// Puts `items[order[k]]` at `k`, in place: each item moves once, along
/// the cycles of `order`, and no second list is made.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut hole = start;
        // A position whose item is in place points at itself.
        while order[hole] != hole {
            let next = std::mem::replace(&mut order[hole], hole);
            if next == start {
                break;
            }
            items.swap(hole, next);
            hole = next;
        }
    }
}

/// The finding of one slot, its id not yet made unique.
fn judge_slot(slot: &Slot, claims: &[Claim], rules: &VerdictRules) -> Finding {
    let pairs = judge_pairs(slot, claims, rules);
    let docs: std::collections::BTreeSet<&str> = slot.claims.iter().map(|&i| &*claims[i].doc).collect();
    let worst = pairs.iter().map(|p| p.verdict).max_by_key(Verdict::rank);
    let verdict = match worst {
        Some(Verdict::Contradiction) => Verdict::Contradiction,
        _ if docs.len() < 2 => Verdict::SingleSource,
        Some(v) => v,
        None => Verdict::Agreement,
    };
    let severity = pairs.iter().map(|p| p.severity).max().unwrap_or(Severity::Info);
    let roles = crate::claim::Roles { agent: slot.agent.clone(), target: slot.target.clone() };
    let members: Vec<&Claim> = slot.claims.iter().map(|&i| &claims[i]).collect();
    Finding {
        id: finding_id(slot),
        frame: slot.frame.clone(),
        attribute: slot.attribute,
        attribute_name: slot.attribute_name.clone(),
        roles,
        summary: summarize(verdict, &members, &pairs, docs.len()),
        verdict,
        severity,
        claims: members.iter().map(|c| c.id.clone()).collect(),
        pairs,
        event: slot.event.as_ref().map(|e| format!("{} to {}", e.start, e.end)),
        scope: slot.scope.clone().boxed(),
        timeline: timeline(&members),
        story: slot.story,
        counted_by: slot.counted_by.clone(),
    }
}

/// One pair per two distinct wordings of the slot, judged by the first rule
/// that matches, in claim order.
fn judge_pairs(slot: &Slot, claims: &[Claim], rules: &VerdictRules) -> Vec<Pair> {
    // One representative claim per distinct wording, in claim order.
    let mut representatives: Vec<usize> = Vec::new();
    let mut keys = rustc_hash::FxHashSet::default();
    for &i in &slot.claims {
        if keys.insert(distinct_key(&claims[i], slot)) {
            representatives.push(i);
        }
    }
    let mut pairs = Vec::new();
    let all: Vec<&Claim> = representatives.iter().map(|&i| &claims[i]).collect();
    for x in 0..representatives.len() {
        for y in x + 1..representatives.len() {
            let (a, b) = (&claims[representatives[x]], &claims[representatives[y]]);
            if let Some(j) = rules.judge_among(a, b, slot.evolving, &all) {
                pairs.push(Pair {
                    a: a.id.clone(),
                    b: b.id.clone(),
                    verdict: j.verdict,
                    rule: j.rule,
                    severity: j.severity,
                    explanation: j.explanation,
                });
            }
        }
    }
    pairs
}

/// `frame.attribute:agent>target`, then `@event start`, `/place`, `/group`
/// and `/by-` the kind of counter.
fn finding_id(slot: &Slot) -> String {
    let mut id = format!(
        "{}.{}:{}>{}",
        slot.frame,
        slot.attribute_name,
        slot.agent.as_deref().map_or_else(|| "?".to_string(), slug),
        slot.target.as_deref().map_or_else(|| "?".to_string(), slug)
    );
    if let Some(event) = &slot.event {
        id.push('@');
        id.push_str(&event.start);
    }
    for part in [&slot.scope.place, &slot.scope.group, &slot.scope.event].into_iter().flatten() {
        id.push('/');
        id.push_str(&slug(part));
    }
    if let Some(kind) = &slot.counted_by {
        id.push_str("/by-");
        id.push_str(&slug(kind));
    }
    id
}

fn summarize(verdict: Verdict, members: &[&Claim], pairs: &[Pair], sources: usize) -> String {
    let first = members[0];
    let plural = if sources == 1 { "source" } else { "sources" };
    match verdict {
        Verdict::SingleSource => format!("only {} states {}", first.doc, stated_claim(first)),
        Verdict::Agreement => format!("{sources} {plural} agree on {}", stated_claim(first)),
        Verdict::Rounding if evolves(pairs) => {
            let (earliest, latest) = (first_and_latest(members, false), first_and_latest(members, true));
            format!(
                "{sources} {plural}, a figure that changed over time: latest {}, first {}",
                at_moment(latest),
                at_moment(earliest)
            )
        }
        Verdict::Rounding if counters_differ(pairs) => {
            format!("{sources} {plural}, figures of different counters: {}", by_counter(members))
        }
        Verdict::Rounding => format!("{sources} {plural} agree up to rounding on {}", stated_claim(narrowest(members))),
        Verdict::Contradiction => {
            let contra: Vec<&Pair> = pairs.iter().filter(|p| p.verdict == Verdict::Contradiction).collect();
            let by_id = |id: &str| members.iter().find(|c| c.id == id).copied();
            match contra.first().and_then(|p| by_id(&p.a).zip(by_id(&p.b))) {
                Some((a, b)) => {
                    format!("sources contradict each other: {} ({}) vs {} ({})", wording(a), a.doc, wording(b), b.doc)
                }
                None => "sources contradict each other".to_string(),
            }
        }
    }
}

/// The most precise of `claims`: the narrowest interval (the first on a tie).
pub fn narrowest<'c>(claims: &[&'c Claim]) -> &'c Claim {
    claims
        .iter()
        .filter_map(|c| c.value.as_deref().and_then(Interval::of).map(|i| (i.width(), *c)))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map_or(claims[0], |(_, c)| c)
}

/// The most precise claim of the latest moment (`latest`) or of the
/// earliest one; claims of no known moment count only when none is known.
fn first_and_latest<'c>(members: &[&'c Claim], latest: bool) -> &'c Claim {
    let known: Vec<(AsOf, &Claim)> = members.iter().filter_map(|c| Some((moment(c)?, *c))).collect();
    let pick = if latest { known.iter().map(|(m, _)| m).max() } else { known.iter().map(|(m, _)| m).min() };
    match pick {
        Some(at) => narrowest(&known.iter().filter(|(m, _)| m == at).map(|(_, c)| *c).collect::<Vec<_>>()),
        None => members[0],
    }
}

/// "29 (as of 2025-01-27)", or the figure alone when its moment is unknown.
fn at_moment(claim: &Claim) -> String {
    match moment(claim) {
        Some(at) => format!("{} (as of {})", stated_claim(claim), moment_text(&at)),
        None => stated_claim(claim),
    }
}

/// "1.27 million according to ministère, 2.8 million according to CGT":
/// the latest, most precise figure of each counter, in order of first mention.
fn by_counter(members: &[&Claim]) -> String {
    let mut counters: Vec<(String, Vec<&Claim>)> = Vec::new();
    for claim in members {
        let name = claim.attributed_to.clone().unwrap_or_default();
        let key = crate::text::words::key(&name).into_owned();
        match counters.iter_mut().find(|(k, _)| *k == key) {
            Some((_, claims)) => claims.push(claim),
            None => counters.push((key, vec![claim])),
        }
    }
    let said: Vec<String> = counters
        .iter()
        .map(|(_, claims)| {
            let claim = first_and_latest(claims, true);
            match &claim.attributed_to {
                Some(by) => format!("{} according to {by}", stated_claim(claim)),
                None => format!("{} with no counter named", stated_claim(claim)),
            }
        })
        .collect();
    said.join(", ")
}

/// Whether a finding's verdict reaches a threshold.
pub fn reaches(verdict: Verdict, threshold: Verdict) -> bool {
    verdict != Verdict::SingleSource && verdict.rank() >= threshold.rank()
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::explain::*;
    use super::*;
    use crate::lang::Rules;
    use crate::testing::{amount, claim, claim_by, count, year};
    use crate::value::date::PartialDate;
    use crate::value::{Hedge, Value};

    #[test]
    fn a_permutation_in_place_puts_each_item_where_its_order_says() {
        let orders: [&[usize]; 5] = [&[], &[0], &[1, 0], &[2, 0, 1, 3], &[3, 4, 0, 1, 2, 6, 5]];
        for order in orders {
            let mut items: Vec<usize> = (0..order.len()).map(|i| i * 10).collect();
            permute(&mut items, order.to_vec());
            assert_eq!(items, order.iter().map(|i| i * 10).collect::<Vec<_>>(), "{order:?}");
        }
    }

    #[test]
    fn whole_numbers_print_as_the_float_format_would() {
        let values =
            [1.0, -3.0, 10.0, 100.0, 2019.0, 97.4, 0.5, 1e14, -1e14 + 1.0, 999_999_999_999_999.0, 1e15, 0.0, -0.0];
        for x in values {
            let slow = format!("{x:.4}");
            assert_eq!(trim_number(x), slow.trim_end_matches('0').trim_end_matches('.'), "{x}");
        }
    }

    fn assert_verdict(a: Option<Value>, b: Option<Value>, verdict: Verdict) {
        let rules = Rules::load(None).unwrap();
        let judged = rules.verdicts.judge(&claim("a", a), &claim("b", b)).expect("a rule matches");
        assert_eq!(judged.verdict, verdict, "{judged:?}");
    }

    #[test]
    fn every_placeholder_a_rule_may_use_is_filled() {
        let (a, b) = (claim("a", Some(year(2018))), claim("b", None));
        for name in crate::rules::verdicts::PLACEHOLDERS {
            assert!(placeholder(name, &a, &b).is_some(), "{{{name}}}");
        }
    }

    #[test]
    fn an_explanation_fills_each_placeholder_once() {
        let mut wide = amount(90e9, 100e9, None);
        wide.text = "près de 100 milliards {b}".into();
        let mut narrow = amount(97.35e9, 97.45e9, None);
        narrow.text = "97,4 milliards".into();
        let (a, b) = (claim_by("a", "Musk", "OpenAI", Some(narrow)), claim_by("b", "Musk", "OpenAI", Some(wide)));
        let said = explain("{a_agent} → {b_target}: {wider} covers {narrower}; {a} vs {b} {c} {", &a, &b);
        // The source's own "{b}" is text, not a placeholder; an unknown one stays as written.
        assert_eq!(
            said,
            "Musk → OpenAI: près de 100 milliards {b} covers 97,4 milliards; \
             97,4 milliards vs près de 100 milliards {b} {c} {"
        );
    }

    #[test]
    fn two_roundings_of_a_finer_figure_are_rounding() {
        let rules = Rules::load(None).unwrap();
        let low = claim("low", Some(amount(786.5e6, 787.5e6, None)));
        let high = claim("high", Some(amount(787.5e6, 788.5e6, None)));
        let fine = claim("fine", Some(amount(787.45e6, 787.55e6, None)));
        let alone = rules.verdicts.judge_among(&low, &high, false, &[&low, &high]).unwrap();
        assert_eq!(alone.verdict, Verdict::Contradiction);
        let among = rules.verdicts.judge_among(&low, &high, false, &[&low, &high, &fine]).unwrap();
        assert_eq!((among.verdict, among.rule.as_str()), (Verdict::Rounding, "figures-round-one"));
    }

    #[test]
    fn rounded_amount_is_rounding() {
        assert_verdict(Some(amount(96.5e9, 97.5e9, None)), Some(amount(97.35e9, 97.45e9, None)), Verdict::Rounding);
    }

    #[test]
    fn disjoint_years_contradict() {
        assert_verdict(Some(year(2018)), Some(year(2019)), Verdict::Contradiction);
    }

    #[test]
    fn same_value_agrees() {
        assert_verdict(Some(year(2018)), Some(year(2018)), Verdict::Agreement);
    }

    #[test]
    fn explanations_name_the_wordings() {
        let rules = Rules::load(None).unwrap();
        let mut a = claim("a", Some(amount(96.5e9, 97.5e9, None)));
        a.value.as_mut().unwrap().text = "97 milliards".into();
        let mut b = claim("b", Some(amount(97.35e9, 97.45e9, None)));
        b.value.as_mut().unwrap().text = "97,4 milliards".into();
        let judged = rules.verdicts.judge(&a, &b).unwrap();
        assert_eq!(judged.explanation, "97 milliards is 97,4 milliards rounded");
    }

    #[test]
    fn pairs_stay_small() {
        let rules = Rules::load(None).unwrap();
        // Six claims with three distinct wordings: three pairs, not fifteen.
        let values = [year(2018), year(2018), year(2019), year(2019), year(2020), year(2020)];
        let claims: Vec<Claim> =
            values.iter().enumerate().map(|(i, v)| claim(&format!("c{i}"), Some(v.clone()))).collect();
        let slot = Slot {
            frame: "departure".into(),
            attribute: Attribute::Time,
            attribute_name: "time".into(),
            agent: Some("A".into()),
            target: Some("B".into()),
            event: None,
            scope: Scope::default(),
            evolving: false,
            story: None,
            counted_by: None,
            claims: (0..claims.len()).collect(),
        };
        let findings = judge_slots(&[slot], &claims, &rules.verdicts);
        assert_eq!(findings[0].pairs.len(), 3);
        assert_eq!(findings[0].verdict, Verdict::Contradiction);
    }

    #[test]
    fn a_value_is_stated_as_its_source_gives_it() {
        let mut nearly = amount(90e9, 100e9, Some(Hedge::Nearly));
        nearly.point = Some(100e9);
        assert_eq!(stated(&nearly), "nearly 100 billion USD");
        assert_eq!(stated(&count(1644.0)), "1,644");
        assert_eq!(stated(&count(1_270_000.0)), "1.27 million");
        assert_eq!(stated(&year(2018)), "2018");
        let mut month = year(2025);
        (month.start, month.end) = (Some("2025-02-01".into()), Some("2025-02-28".into()));
        assert_eq!(stated(&month), "2025-02");
        (month.start, month.end, month.text) = (Some("--02-01".into()), Some("--02-29".into()), "février".into());
        assert_eq!(stated(&month), "février (year not stated)");
        assert_eq!(grouped("-12345.5"), "-12,345.5");
    }

    #[test]
    fn an_explanation_describes_a_value_once() {
        let rules = Rules::load(None).unwrap();
        let judged = rules.verdicts.judge(&claim("a", Some(year(2018))), &claim("b", Some(year(2019)))).unwrap();
        assert_eq!(judged.explanation, "2018 and 2019 cannot both be true");
        let (mut a, b) = (claim("a", Some(year(2018))), claim("b", Some(year(2019))));
        a.value.as_mut().unwrap().text = "en 2018".into();
        let judged = rules.verdicts.judge(&a, &b).unwrap();
        assert_eq!(judged.explanation, "en 2018 (2018) and 2019 cannot both be true");
    }

    #[test]
    fn the_rules_that_reports_name_are_in_the_rules() {
        let rules = Rules::load(None).unwrap();
        for id in EVOLVING_RULES.iter().chain([&COUNTERS_RULE]) {
            assert!(rules.verdicts.rules.iter().any(|r| r.id == *id), "no rule {id} in rules/verdicts.toml");
        }
    }

    /// A toll of 17, then 21, then 21 again: its summary names the latest
    /// figure, and its timeline lists each moment in order.
    #[test]
    fn a_rising_figure_is_summarized_by_its_latest_value() {
        let rules = Rules::load(None).unwrap();
        let told = [("a", 17.0, "2031-05-14"), ("b", 17.0, "2031-05-12"), ("c", 21.0, "2031-05-14")];
        let claims: Vec<Claim> = told
            .iter()
            .map(|&(id, n, date)| {
                let mut c = claim_by(id, "", "", Some(count(n)));
                c.frame = "casualties".into();
                c.reference_date = Some(date.into());
                c.as_of = Some(Box::new(AsOf::of(PartialDate::parse(date).unwrap())));
                c
            })
            .collect();
        let slot = Slot {
            frame: "casualties".into(),
            attribute: Attribute::Count,
            attribute_name: "count".into(),
            agent: None,
            target: None,
            event: None,
            scope: Scope::default(),
            evolving: true,
            story: None,
            counted_by: None,
            claims: vec![0, 1, 2],
        };
        let finding = &judge_slots(&[slot], &claims, &rules.verdicts)[0];
        // 17 and 21 on the same day cannot both be true; still, the latest figure leads.
        assert_eq!(finding.verdict, Verdict::Contradiction, "{finding:?}");
        let timeline: Vec<(&str, &str)> =
            finding.timeline.iter().map(|e| (e.as_of.as_str(), e.value.as_str())).collect();
        assert_eq!(timeline, [("2031-05-12", "17"), ("2031-05-14", "17 or 21")]);
        let rising: Vec<&Claim> = vec![&claims[1], &claims[2]];
        let pairs = vec![Pair {
            a: "b".into(),
            b: "c".into(),
            verdict: Verdict::Rounding,
            rule: EVOLVING_RULES[1].into(),
            severity: Severity::Warning,
            explanation: String::new(),
        }];
        assert_eq!(
            summarize(Verdict::Rounding, &rising, &pairs, 2),
            "2 sources, a figure that changed over time: latest 21 (as of 2031-05-14), first 17 (as of 2031-05-12)"
        );
    }
}
