//! The report as an editor reads it: first what to fix, in plain words and
//! worst first; then the rest (figures that changed over time, counts by
//! different counters, rounding, agreements, facts one source alone
//! states); then each finding in detail, the sources, and the figures no
//! finding checks.
//!
//! Sources are named by outlet and linked to their file; a place is
//! "outlet, line N". Headings are the frame's description in rules/, with
//! the roles and the scope; rule and claim ids stand only in each finding's
//! "ids" line. Every list is capped ("and N more"), so that a report on
//! thousands of articles stays readable and small: the JSON report holds
//! everything. What is judged, and how, is decided before: this module only
//! words it.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::{Report, counted};
use crate::claim::{AsOf, Claim};
use crate::document::Document;
use crate::frame::Attribute;
use crate::interval::Interval;
use crate::verdict::{Finding, Verdict, counters_differ, evolves, moment, moment_text, stated_claim};

pub(super) const SECTIONS: [(Verdict, &str); 4] = [
    (Verdict::Contradiction, "Contradictions"),
    (Verdict::Rounding, "Rounding differences"),
    (Verdict::Agreement, "Agreements"),
    (Verdict::SingleSource, "Stated by one source only"),
];

/// Rows of a finding's table, and quotes, before "and N more".
const ROWS: usize = 8;
/// Places, outlets or values named in one line before "and N more".
const NAMED: usize = 3;
/// Counters side by side in one line before "and N more".
const COUNTERS: usize = 4;
/// Lines of one part of the overview before "and N more".
const LINES: usize = 40;
/// Findings of one verdict shown in detail before "and N more".
const DETAILED: usize = 25;
/// Sources, warnings and skipped inputs listed before "and N more".
const LISTED: usize = 50;
/// How many unchecked figures a source lists before "and N more".
const UNCHECKED_SHOWN: usize = 8;

/// How the report shows a finding: what it is about for an editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Contradiction,
    /// A figure that changed over time: a timeline, latest first.
    Evolving,
    /// Figures of different counters, side by side.
    Counters,
    Rounding,
    Agreement,
    SingleSource,
}

impl Kind {
    fn of(finding: &Finding) -> Kind {
        match finding.verdict {
            Verdict::Contradiction => Kind::Contradiction,
            Verdict::SingleSource => Kind::SingleSource,
            Verdict::Agreement => Kind::Agreement,
            Verdict::Rounding if counters_differ(&finding.pairs) => Kind::Counters,
            Verdict::Rounding if evolves(&finding.pairs) => Kind::Evolving,
            Verdict::Rounding => Kind::Rounding,
        }
    }
}

/// The parts of the overview after "what to fix", in order, with what their lines are.
const REST: [(Kind, &str, &str); 5] = [
    (Kind::Evolving, "Figures that changed over time", "figures that changed over time"),
    (Kind::Counters, "Counts by different counters", "counts by different counters"),
    (Kind::Rounding, "Rounding differences", "rounding differences"),
    (Kind::Agreement, "Agreements", "agreements"),
    (Kind::SingleSource, "Stated by one source only", "facts stated by one source only"),
];

pub fn render(report: &Report) -> String {
    let index = Index::new(report);
    let mut out = String::new();
    let _ = writeln!(out, "# crosscheck report\n\n{}", summary(report));
    what_to_fix(&mut out, report, &index);
    problems(&mut out, report);
    the_rest(&mut out, report, &index);
    details(&mut out, report, &index);
    sources(&mut out, report);
    not_checked(&mut out, report, &index);
    out
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

/// Claims and documents by id, so that each finding's rows are looked up,
/// not searched for: a report can hold thousands of documents.
struct Index<'a> {
    claims: HashMap<&'a str, &'a Claim>,
    docs: HashMap<&'a str, &'a Document>,
    descriptions: &'a std::collections::BTreeMap<String, String>,
}

impl<'a> Index<'a> {
    fn new(report: &'a Report) -> Index<'a> {
        Index {
            claims: report.claims.iter().map(|c| (c.id.as_str(), c)).collect(),
            docs: report.documents.iter().map(|d| (d.id.as_str(), d)).collect(),
            descriptions: &report.descriptions,
        }
    }

    /// The claims of a finding that the report holds, in its order.
    fn members(&self, finding: &Finding) -> Vec<&'a Claim> {
        finding.claims.iter().filter_map(|id| self.claims.get(id.as_str()).copied()).collect()
    }

    /// A source as a link: its outlet, to its file.
    fn source(&self, doc: &str) -> String {
        match self.docs.get(doc) {
            Some(d) => link(&d.outlet, &d.path),
            None => md(doc),
        }
    }

    /// Where a claim stands: "[outlet](path), line N".
    fn place(&self, claim: &Claim) -> String {
        format!("{}, line {}", self.source(&claim.doc), claim.span.line)
    }

    /// The outlets of `claims`, each once, the first few named.
    fn outlets(&self, claims: &[&Claim]) -> String {
        let mut docs: Vec<&str> = Vec::new();
        for claim in claims {
            if !docs.contains(&&*claim.doc) {
                docs.push(&claim.doc);
            }
        }
        capped(docs.iter().map(|d| self.source(d)).collect(), NAMED, ", ")
    }
}

/// `text` safe inline in Markdown: on one line, with the characters that
/// would start a link, code, emphasis, HTML or a table cell escaped.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '[' | ']' | '|' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `[text](path)`, the path written so that spaces and brackets keep the link whole.
fn link(text: &str, path: &str) -> String {
    let mut target = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' => target.push_str("%20"),
            '(' => target.push_str("%28"),
            ')' => target.push_str("%29"),
            '<' => target.push_str("%3C"),
            '>' => target.push_str("%3E"),
            c => target.push(c),
        }
    }
    format!("[{}]({target})", md(text))
}

/// The first `shown` of `items` joined by `separator`, then "and N more"
/// (", and 3 more"; "or 3 more" when the separator is a word).
fn capped(items: Vec<String>, shown: usize, separator: &str) -> String {
    let more = items.len().saturating_sub(shown);
    let mut out = items.into_iter().take(shown).collect::<Vec<_>>().join(separator);
    if more > 0 {
        let word = separator.trim().chars().all(char::is_alphabetic) && !separator.trim().is_empty();
        let and = if word { "" } else { "and " };
        let _ = write!(out, "{separator}{and}{more} more");
    }
    out
}

/// What a finding is about, in words: the frame's description (from
/// rules/), who acted on whom, the event's time, the scope, and what is
/// stated of it. "Elon Musk → OpenAI, someone leaving an organization
/// (date)"; "People killed by an event, in Syria".
fn title(finding: &Finding, descriptions: &std::collections::BTreeMap<String, String>) -> String {
    let described = descriptions.get(&finding.frame).map(|d| without_aside(d)).filter(|d| !d.is_empty());
    let description = described.unwrap_or_else(|| finding.frame.replace('_', " "));
    let agent = finding.roles.get("agent");
    let target = finding.roles.get("target");
    let mut out = match (agent, target) {
        (Some(a), Some(t)) => format!("{a} → {t}, {description}"),
        (Some(a), None) => format!("{a}, {description}"),
        (None, Some(t)) => format!("someone → {t}, {description}"),
        (None, None) => description,
    };
    if let Some((start, end)) = finding.event.as_deref().and_then(|e| e.split_once(" to ")) {
        let _ = write!(out, ", {}", crate::verdict::span_text(start, end));
    }
    if let Some(place) = &finding.scope().place {
        let _ = write!(out, ", in {place}");
    }
    if let Some(group) = &finding.scope().group {
        let _ = write!(out, ", among {group}");
    }
    match finding.scope().event.as_deref() {
        None => {}
        Some("another") => out.push_str(", another event of its kind"),
        Some("added") => out.push_str(", the number added"),
        Some(name) => {
            let _ = write!(out, " ({name})");
        }
    }
    // A measure's figure is what its description names; other attributes say which.
    let figure = matches!(finding.attribute, Attribute::Amount | Attribute::Count | Attribute::Share);
    if !(finding.roles.is_empty() && figure) {
        let _ = write!(out, " ({})", attribute_words(finding.attribute));
    }
    md(&capitalized(&out))
}

fn attribute_words(attribute: Attribute) -> &'static str {
    match attribute {
        Attribute::Amount => "amount",
        Attribute::Count => "number",
        Attribute::Share => "share",
        Attribute::Time => "date",
        Attribute::Occurrence => "whether it happened",
    }
}

/// A description less a closing aside: "people killed by an event (a toll
/// may rise…)" → "people killed by an event".
fn without_aside(description: &str) -> String {
    let trimmed = description.trim();
    match trimmed.rfind(" (") {
        Some(at) if trimmed.ends_with(')') => trimmed[..at].trim_end().to_string(),
        _ => trimmed.to_string(),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The claims of a finding that state one value, and in how many sources.
struct Group<'a> {
    label: String,
    claims: Vec<&'a Claim>,
    sources: usize,
}

/// The claims of a finding grouped by what they state, most sources first
/// (then the most precise, then in order of first mention). When some claims reverse the roles,
/// each value says who acted on whom.
fn groups<'a>(finding: &Finding, claims: &[&'a Claim]) -> Vec<Group<'a>> {
    let roles = claims.iter().any(|c| reversed(c, finding)).then(|| {
        let role = |r: &str| finding.roles.get(r).map_or("someone", String::as_str);
        (md(&format!("{} → {}", role("agent"), role("target"))), md(&format!("{} → {}", role("target"), role("agent"))))
    });
    let mut groups: Vec<Group> = Vec::new();
    for &claim in claims {
        let who = roles.as_ref().map(|(ab, ba)| if reversed(claim, finding) { ba } else { ab });
        let label = label(claim, who);
        match groups.iter_mut().find(|g| g.label == label) {
            Some(group) => group.claims.push(claim),
            None => groups.push(Group { label, claims: vec![claim], sources: 0 }),
        }
    }
    for group in &mut groups {
        let mut docs: Vec<&str> = group.claims.iter().map(|c| &*c.doc).collect();
        docs.sort_unstable();
        docs.dedup();
        group.sources = docs.len();
    }
    // The more precise of two values as common comes first; the sort is
    // stable, so that values as precise keep the order of first mention.
    let width = |g: &Group| g.claims[0].value.as_deref().and_then(Interval::of).map_or(f64::INFINITY, |i| i.width());
    groups.sort_by(|a, b| b.sources.cmp(&a.sources).then_with(|| width(a).total_cmp(&width(b))));
    groups
}

/// Whether a claim says the finding's target acted on its agent.
fn reversed(claim: &Claim, finding: &Finding) -> bool {
    let (agent, target) = (finding.roles.get("agent"), finding.roles.get("target"));
    agent.is_some() && agent != target && claim.roles.get("agent") == target && claim.roles.get("target") == agent
}

/// What a claim states, after who acted on whom when `who` is given.
fn label(claim: &Claim, who: Option<&String>) -> String {
    let stated = md(&stated_claim(claim));
    match who {
        None => stated,
        Some(who) if claim.value.is_none() && claim.polarity == crate::claim::Polarity::Affirmed => who.clone(),
        Some(who) => format!("{who}: {stated}"),
    }
}

/// "2018 in 2 sources, 2019 in 1": each group's value and its count of sources.
fn values_and_counts(groups: &[Group]) -> String {
    let said: Vec<String> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            if i == 0 {
                format!("{} in {}", g.label, counted(g.sources, "source", "sources"))
            } else {
                format!("{} in {}", g.label, g.sources)
            }
        })
        .collect();
    capped(said, 6, ", ")
}

/// For each contradiction, one line: the values, how many sources give
/// each, and where to check (the minority's places, or all when no value
/// has most sources).
fn what_to_fix(out: &mut String, report: &Report, index: &Index) {
    let findings: Vec<&Finding> = report.findings.iter().filter(|f| f.verdict == Verdict::Contradiction).collect();
    if findings.is_empty() {
        let _ = writeln!(out, "\n## What to fix\n\nNothing: no two sources contradict each other.");
        return;
    }
    let _ = writeln!(out, "\n## What to fix ({})\n", findings.len());
    let lines: Vec<String> = findings.iter().map(|f| format!("- {}", fix_line(f, index))).collect();
    list(out, lines, LINES, "contradictions");
}

/// "**Title**: 2018 in 2 sources, 2019 in 1 — check lemonde.fr, line 12."
fn fix_line(finding: &Finding, index: &Index) -> String {
    let members = index.members(finding);
    let groups = contradicting(finding, &members);
    let to_check: Vec<String> =
        to_check(finding, &groups).iter().flat_map(|g| g.claims.iter().map(|c| index.place(c))).collect();
    // A figure that changed over time contradicts only at one moment: say which.
    let moments: Vec<Option<AsOf>> = groups.iter().flat_map(|g| g.claims.iter().map(|c| moment(c))).collect();
    let when = match moments.first() {
        Some(Some(at)) if evolves(&finding.pairs) && moments.iter().all(|m| m.as_ref() == Some(at)) => {
            format!(", as of {}", moment_text(at))
        }
        _ => String::new(),
    };
    format!(
        "**{}**{when}: {} — check {}.",
        title(finding, index.descriptions),
        values_and_counts(&groups),
        capped(to_check, NAMED, "; ")
    )
}

/// The values to check: those that contradict the value most sources give,
/// when one does; else all.
fn to_check<'g, 'a>(finding: &Finding, groups: &'g [Group<'a>]) -> Vec<&'g Group<'a>> {
    let [first, second, ..] = groups else { return groups.iter().collect() };
    if first.sources == second.sources {
        return groups.iter().collect();
    }
    let holds = |g: &Group, id: &str| g.claims.iter().any(|c| c.id == id);
    let against_first = |g: &Group| {
        finding
            .pairs
            .iter()
            .filter(|p| p.verdict == Verdict::Contradiction)
            .any(|p| (holds(first, &p.a) && holds(g, &p.b)) || (holds(first, &p.b) && holds(g, &p.a)))
    };
    let odd: Vec<&Group> = groups[1..].iter().filter(|g| against_first(g)).collect();
    if odd.is_empty() { groups[1..].iter().collect() } else { odd }
}

/// The groups of a contradiction's values that some contradiction pair
/// names: a toll that rose is not what contradicts, two figures of one day are.
fn contradicting<'a>(finding: &Finding, members: &[&'a Claim]) -> Vec<Group<'a>> {
    let all = groups(finding, members);
    let named = |g: &Group| {
        finding
            .pairs
            .iter()
            .filter(|p| p.verdict == Verdict::Contradiction)
            .any(|p| g.claims.iter().any(|c| c.id == p.a || c.id == p.b))
    };
    let (kept, left): (Vec<Group>, Vec<Group>) = all.into_iter().partition(named);
    if kept.len() >= 2 { kept } else { kept.into_iter().chain(left).collect() }
}

/// `lines` as a list, the first `shown`, then how many more `what` there are.
fn list(out: &mut String, lines: Vec<String>, shown: usize, what: &str) {
    let more = lines.len().saturating_sub(shown);
    for line in lines.into_iter().take(shown) {
        let _ = writeln!(out, "{line}");
    }
    if more > 0 {
        let _ = writeln!(out, "- and {more} more {what}: the JSON report (`--format json`) lists them all");
    }
}

/// Inputs that could not be read and problems that did not stop the run.
fn problems(out: &mut String, report: &Report) {
    let skipped: Vec<String> = report.skipped.iter().map(|s| format!("- `{}`: {}", s.path, md(&s.reason))).collect();
    let warnings: Vec<String> = report.warnings.iter().map(|w| format!("- {}", md(w))).collect();
    for (title, lines, what) in [("Skipped inputs", skipped, "inputs"), ("Warnings", warnings, "warnings")] {
        if !lines.is_empty() {
            let _ = writeln!(out, "\n## {title} ({})\n", lines.len());
            list(out, lines, LISTED, what);
        }
    }
}

/// The findings that are not contradictions, one line each, by kind.
fn the_rest(out: &mut String, report: &Report, index: &Index) {
    if report.findings.iter().all(|f| f.verdict == Verdict::Contradiction) {
        return;
    }
    let _ = writeln!(out, "\n## The rest");
    let families = counter_families(report);
    let in_family: HashSet<&str> = families.iter().flatten().map(|f| f.id.as_str()).collect();
    for (kind, heading, what) in REST {
        let findings: Vec<&Finding> =
            report.findings.iter().filter(|f| Kind::of(f) == kind && !in_family.contains(f.id.as_str())).collect();
        let mut lines: Vec<String> = findings
            .iter()
            .map(|f| format!("- **{}**: {}", title(f, index.descriptions), what_it_says(f, kind, index)))
            .collect();
        if kind == Kind::Counters {
            // Each kind of counter's figures are a finding of their own, shown side by side.
            for family in &families {
                let members: Vec<&Claim> = family.iter().flat_map(|f| index.members(f)).collect();
                lines.push(format!("- **{}**: {}.", title(family[0], index.descriptions), counters(&members, index)));
            }
        }
        if lines.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n### {heading} ({})\n", lines.len());
        list(out, lines, LINES, what);
    }
}

/// Findings of one fact told by different kinds of counter (ids that differ
/// only by their `/by-` part), each family in report order.
fn counter_families(report: &Report) -> Vec<Vec<&Finding>> {
    let mut families: Vec<(&str, Vec<&Finding>)> = Vec::new();
    for finding in report.findings.iter().filter(|f| f.counted_by.is_some() && f.verdict != Verdict::Contradiction) {
        let stem = finding.id.rsplit_once("/by-").map_or(finding.id.as_str(), |(stem, _)| stem);
        match families.iter_mut().find(|(s, _)| *s == stem) {
            Some((_, family)) => family.push(finding),
            None => families.push((stem, vec![finding])),
        }
    }
    families.into_iter().map(|(_, family)| family).filter(|family| family.len() > 1).collect()
}

/// A finding's values in one line, as its kind shows them.
fn what_it_says(finding: &Finding, kind: Kind, index: &Index) -> String {
    let members = index.members(finding);
    if members.is_empty() {
        return md(&finding.summary);
    }
    match kind {
        Kind::Contradiction => format!("{}.", values_and_counts(&contradicting(finding, &members))),
        Kind::Evolving => format!("{}.", timeline(&members, index)),
        Kind::Counters => format!("{}.", counters(&members, index)),
        Kind::Rounding => format!("{}{}.", values_and_counts(&groups(finding, &members)), why_rounding(finding)),
        Kind::Agreement => format!("{}.", values_and_counts(&groups(finding, &members))),
        Kind::SingleSource => single(finding, &members, index),
    }
}

/// Why values that differ are no contradiction: rounding, unless a rule
/// says more (values in different currencies, not compared).
fn why_rounding(finding: &Finding) -> String {
    match finding.pairs.iter().find(|p| p.verdict == Verdict::Rounding && p.severity > crate::verdict::Severity::Info) {
        Some(pair) => format!(" — {}", md(&pair.explanation)),
        None => " — the same fact, stated more or less precisely".to_string(),
    }
}

/// "latest: 29 (foxla.com, as of 2025-01-27); before: 24 (…, as of
/// 2025-01-12), 16 (…)": a figure's values by moment, latest first, then
/// those of sources whose date is unknown.
fn timeline(members: &[&Claim], index: &Index) -> String {
    let mut known = Vec::new();
    let mut unknown = String::new();
    for (at, claims) in by_moment(members) {
        let values: Vec<(String, String)> = values_with_outlets(&claims, index);
        match at {
            Some(at) => {
                let when = format!("as of {}", moment_text(&at));
                known.push(match values.as_slice() {
                    [(value, outlets)] => format!("{value} ({outlets}, {when})"),
                    _ => format!("{}, {when}", values_at_once(values)),
                });
            }
            None => unknown = format!("date unknown: {}", values_at_once(values)),
        }
    }
    let mut said = Vec::new();
    let mut known = known.into_iter();
    if let Some(latest) = known.next() {
        said.push(format!("latest: {latest}"));
    }
    let before = capped(known.collect(), ROWS - 1, ", ");
    if !before.is_empty() {
        said.push(format!("before: {before}"));
    }
    if !unknown.is_empty() {
        said.push(unknown);
    }
    said.join("; ")
}

/// "24 (a.com) or 25 (b.com)": values stated for one moment, the first few.
fn values_at_once(values: Vec<(String, String)>) -> String {
    capped(values.into_iter().map(|(v, o)| format!("{v} ({o})")).collect(), NAMED, " or ")
}

/// Claims by the moment they describe, latest first; those of no known moment last.
fn by_moment<'a>(members: &[&'a Claim]) -> Vec<(Option<AsOf>, Vec<&'a Claim>)> {
    let mut moments: Vec<(Option<AsOf>, Vec<&Claim>)> = Vec::new();
    for &claim in members {
        let at = moment(claim);
        match moments.iter_mut().find(|(m, _)| *m == at) {
            Some((_, claims)) => claims.push(claim),
            None => moments.push((at, vec![claim])),
        }
    }
    moments.sort_by(|(a, _), (b, _)| match (a, b) {
        (Some(a), Some(b)) => b.cmp(a),
        (a, b) => b.is_some().cmp(&a.is_some()),
    });
    moments
}

/// Each value `claims` state, with the outlets that state it.
fn values_with_outlets(claims: &[&Claim], index: &Index) -> Vec<(String, String)> {
    let mut values: Vec<(String, Vec<&Claim>)> = Vec::new();
    for &claim in claims {
        let value = md(&stated_claim(claim));
        match values.iter_mut().find(|(v, _)| *v == value) {
            Some((_, same)) => same.push(claim),
            None => values.push((value, vec![claim])),
        }
    }
    values.into_iter().map(|(value, same)| (value, index.outlets(&same))).collect()
}

/// "according to police: 1.2 million (a.fr); according to CGT: 2.8 million
/// (b.fr)": each counter's figures side by side.
fn counters(members: &[&Claim], index: &Index) -> String {
    let said: Vec<String> = by_counter(members)
        .iter()
        .map(|(counter, claims)| {
            let values: Vec<String> =
                values_with_outlets(claims, index).into_iter().map(|(v, o)| format!("{v} ({o})")).collect();
            let who = counter
                .as_deref()
                .map_or_else(|| "no counter named".to_string(), |c| format!("according to {}", md(c)));
            format!("{who}: {}", capped(values, NAMED, ", "))
        })
        .collect();
    capped(said, COUNTERS, "; ")
}

/// Claims by who the source says gave the figure, in order of first
/// mention; those attributed to no one last.
fn by_counter<'a>(members: &[&'a Claim]) -> Vec<(Option<String>, Vec<&'a Claim>)> {
    let mut counters: Vec<(String, Option<String>, Vec<&Claim>)> = Vec::new();
    for &claim in members {
        let key = claim.attributed_to.as_deref().map(|c| crate::text::words::key(c).into_owned()).unwrap_or_default();
        match counters.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, claims)) => claims.push(claim),
            None => counters.push((key, claim.attributed_to.clone(), vec![claim])),
        }
    }
    counters.sort_by_key(|(_, name, _)| name.is_none());
    counters.into_iter().map(|(_, name, claims)| (name, claims)).collect()
}

/// "2015 («en 2015», lemonde.fr, line 3)": what one source alone states,
/// each value once, and where.
fn single(finding: &Finding, members: &[&Claim], index: &Index) -> String {
    let mut values: Vec<(String, &Claim)> = Vec::new();
    for &claim in members {
        let value = stated_claim(claim);
        if !values.iter().any(|(v, _)| *v == value) {
            values.push((value, claim));
        }
    }
    let said = values
        .iter()
        .map(|(value, claim)| {
            let words = claim.text.trim();
            let same = crate::text::words::key(value).starts_with(&*crate::text::words::key(words));
            let wording = if same { String::new() } else { format!("«{}», ", md(words)) };
            format!("{} ({wording}{})", md(value), index.place(claim))
        })
        .collect();
    let ids = capped(finding.claims.iter().map(|id| format!("`{id}`")).collect(), NAMED, " ");
    format!("{} · ids: {ids}", capped(said, NAMED, "; "))
}

/// Every finding but those one source alone states, in detail, worst first.
fn details(out: &mut String, report: &Report, index: &Index) {
    if report.findings.iter().all(|f| f.verdict == Verdict::SingleSource) {
        return;
    }
    let _ = writeln!(out, "\n## Details");
    for (verdict, heading) in SECTIONS.iter().filter(|(v, _)| *v != Verdict::SingleSource) {
        let findings: Vec<&Finding> = report.findings.iter().filter(|f| f.verdict == *verdict).collect();
        if findings.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n### {heading} ({})", findings.len());
        for finding in findings.iter().take(DETAILED) {
            detail(out, finding, index);
        }
        if findings.len() > DETAILED {
            let more = findings.len() - DETAILED;
            let _ = writeln!(out, "\nAnd {more} more: the JSON report (`--format json`) holds them all.");
        }
    }
}

/// One finding: what it says, a table of its claims (the first few), the
/// pairs' explanations, the quotes, and its ids.
fn detail(out: &mut String, finding: &Finding, index: &Index) {
    let kind = Kind::of(finding);
    let _ = writeln!(out, "\n#### {}\n", title(finding, index.descriptions));
    let _ = writeln!(out, "**{}**: {}\n", verdict_words(kind), what_it_says(finding, kind, index));
    let members = index.members(finding);
    let (shown, left) = rows(finding, &members, kind);
    table(out, &shown, kind, index);
    if !left.is_empty() {
        let more = counted(left.len(), "more claim", "more claims");
        let _ = writeln!(out, "\nAnd {more}: {}.", values_and_counts(&groups(finding, &left)));
    }
    let mut explained: Vec<String> = Vec::new();
    for pair in &finding.pairs {
        let explanation = pair.explanation.trim_end();
        let stop = if explanation.ends_with(['.', '!', '?', '»', ')']) { "" } else { "." };
        let line = format!("- {}{stop}", md(explanation));
        if !explained.contains(&line) {
            explained.push(line);
        }
    }
    if !explained.is_empty() {
        let _ = writeln!(out);
        list(out, explained, ROWS, "pairs of values");
    }
    quotes(out, &shown, index);
    ids(out, finding, &shown);
}

/// The sentences of `claims`, each once, with the places that print it (wire
/// copy is often printed word for word), one a paragraph: lines of one
/// paragraph would run together.
fn quotes(out: &mut String, claims: &[&Claim], index: &Index) {
    let mut quoted: Vec<(String, Vec<String>)> = Vec::new();
    for claim in claims {
        let text = md(&excerpt(claim));
        match quoted.iter_mut().find(|(t, _)| *t == text) {
            Some((_, places)) => places.push(index.place(claim)),
            None => quoted.push((text, vec![index.place(claim)])),
        }
    }
    let lines: Vec<String> =
        quoted.into_iter().map(|(text, places)| format!("> {}: {text}", capped(places, NAMED, "; "))).collect();
    let _ = writeln!(out, "\n{}", lines.join("\n>\n"));
}

fn verdict_words(kind: Kind) -> &'static str {
    match kind {
        Kind::Contradiction => "Contradiction",
        Kind::Evolving => "A figure that changed over time",
        Kind::Counters => "Different counters",
        Kind::Rounding => "Rounding",
        Kind::Agreement => "Agreement",
        Kind::SingleSource => "One source",
    }
}

/// The claims a finding's table shows, at most [`ROWS`], each value at
/// least once when there is room, in the order its kind reads best (latest
/// first, counter by counter, or as the finding lists them); and the others.
fn rows<'a>(finding: &Finding, members: &[&'a Claim], kind: Kind) -> (Vec<&'a Claim>, Vec<&'a Claim>) {
    let ordered: Vec<&Claim> = match kind {
        Kind::Evolving => by_moment(members).into_iter().flat_map(|(_, c)| c).collect(),
        Kind::Counters => by_counter(members).into_iter().flat_map(|(_, c)| c).collect(),
        _ => members.to_vec(),
    };
    if ordered.len() <= ROWS {
        return (ordered, Vec::new());
    }
    let mut picked: Vec<&str> = groups(finding, members).iter().map(|g| g.claims[0].id.as_str()).take(ROWS).collect();
    for claim in &ordered {
        if picked.len() >= ROWS {
            break;
        }
        if !picked.contains(&claim.id.as_str()) {
            picked.push(&claim.id);
        }
    }
    ordered.into_iter().partition(|c| picked.contains(&c.id.as_str()))
}

/// The table of a finding's claims: source, wording, value, where, and
/// the moment or the counter when the finding's kind turns on it.
fn table(out: &mut String, claims: &[&Claim], kind: Kind, index: &Index) {
    let extra = match kind {
        Kind::Evolving => " as of |",
        Kind::Counters => " according to |",
        _ => "",
    };
    let _ = writeln!(out, "| source | wording | value |{extra} line |");
    let _ = writeln!(out, "|---|---|---|{}---|", if extra.is_empty() { "" } else { "---|" });
    for claim in claims {
        let extra = match kind {
            Kind::Evolving => {
                format!(" {} |", moment(claim).map_or_else(|| "unknown".to_string(), |m| moment_text(&m)))
            }
            Kind::Counters => format!(" {} |", claim.attributed_to.as_deref().map_or_else(|| "—".to_string(), md)),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "| {} | «{}» | {} |{extra} {} |",
            index.source(&claim.doc),
            md(claim.text.trim()),
            md(&stated_claim(claim)),
            claim.span.line
        );
    }
}

/// The ids of a finding, its claims shown and the rules that judged it: for
/// tools and for acknowledging, out of the prose.
fn ids(out: &mut String, finding: &Finding, shown: &[&Claim]) {
    let claims: Vec<String> = shown.iter().map(|c| format!("`{}`", c.id)).collect();
    let more = finding.claims.len().saturating_sub(claims.len());
    let more = if more > 0 { format!(" and {more} more") } else { String::new() };
    let mut rules: Vec<&str> = finding.pairs.iter().map(|p| p.rule.as_str()).collect();
    rules.sort_unstable();
    rules.dedup();
    let rules: Vec<String> = rules.iter().map(|r| format!("`{r}`")).collect();
    let rules = if rules.is_empty() { String::new() } else { format!(" · rules {}", rules.join(" ")) };
    let _ = writeln!(out, "\nids: finding `{}` · claims {}{more}{rules}", finding.id, claims.join(" "));
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

/// The sources read: outlet (linked to the file), language, date, title.
fn sources(out: &mut String, report: &Report) {
    let _ = writeln!(out, "\n## Sources ({})\n", report.documents.len());
    let lines: Vec<String> = report
        .documents
        .iter()
        .map(|doc| {
            let date = doc.date.as_deref().unwrap_or("date unknown");
            let title = doc.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
            let title = title.map(|t| format!(" — {}", md(&shortened(t, 120)))).unwrap_or_default();
            format!("- {} ({}, {date}){title}", link(&doc.outlet, &doc.path), doc.language)
        })
        .collect();
    list(out, lines, LISTED, "sources");
}

/// `text` cut at a word edge to about `chars` characters.
fn shortened(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(chars).collect();
    let at = cut.rfind(' ').filter(|&at| at > chars / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

/// Per source, the figures and dates no claim used: silence is not agreement.
fn not_checked(out: &mut String, report: &Report, index: &Index) {
    if report.unchecked.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## Not checked ({})\n", report.unchecked.len());
    let _ = writeln!(out, "Figures and dates the sources state that no finding compares.\n");
    let mut by_doc: HashMap<&str, Vec<&crate::claim::Unchecked>> = HashMap::new();
    for figure in &report.unchecked {
        by_doc.entry(figure.doc.as_str()).or_default().push(figure);
    }
    let lines = report
        .documents
        .iter()
        .filter_map(|doc| {
            let figures = by_doc.get(doc.id.as_str())?;
            let shown = figures.iter().map(|u| format!("«{}» (line {})", md(u.text.trim()), u.span.line)).collect();
            Some(format!("- {}: {}", index.source(&doc.id), capped(shown, UNCHECKED_SHOWN, ", ")))
        })
        .collect();
    list(out, lines, LISTED, "sources with figures not checked");
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::claim::Scope;
    use crate::verdict::Severity;

    fn finding(frame: &str, attribute: Attribute, roles: &[(&str, &str)], scope: Scope) -> Finding {
        Finding {
            id: String::new(),
            frame: frame.into(),
            attribute,
            attribute_name: attribute.as_str().into(),
            roles: crate::claim::Roles {
                agent: roles.iter().find(|(r, _)| *r == "agent").map(|(_, n)| n.to_string()),
                target: roles.iter().find(|(r, _)| *r == "target").map(|(_, n)| n.to_string()),
            },
            verdict: Verdict::Agreement,
            severity: Severity::Info,
            claims: Vec::new(),
            pairs: Vec::new(),
            summary: String::new(),
            event: None,
            scope: scope.boxed(),
            timeline: Vec::new(),
            story: None,
            counted_by: None,
        }
    }

    #[test]
    fn a_title_is_the_frames_description_with_roles_and_scope() {
        let descriptions: BTreeMap<String, String> = [
            ("casualties".to_string(), "people killed by an event (a toll may rise)".to_string()),
            ("acquisition".to_string(), "a purchase or a bid to buy".to_string()),
        ]
        .into();
        let syria = Scope { place: Some("Syria".into()), ..Scope::default() };
        let toll = finding("casualties", Attribute::Count, &[], syria);
        assert_eq!(title(&toll, &descriptions), "People killed by an event, in Syria");
        let deal = [("agent", "Microsoft"), ("target", "Activision Blizzard")];
        let deal = finding("acquisition", Attribute::Amount, &deal, Scope::default());
        assert_eq!(title(&deal, &descriptions), "Microsoft → Activision Blizzard, a purchase or a bid to buy (amount)");
        let unknown = finding("new_frame", Attribute::Time, &[("target", "X")], Scope::default());
        assert_eq!(title(&unknown, &descriptions), "Someone → X, new frame (date)");
    }

    #[test]
    fn lists_say_how_many_more() {
        let items = |n: usize| (1..=n).map(|i| i.to_string()).collect::<Vec<_>>();
        assert_eq!(capped(items(3), 3, ", "), "1, 2, 3");
        assert_eq!(capped(items(5), 3, ", "), "1, 2, 3, and 2 more");
        assert_eq!(capped(items(5), 2, " or "), "1 or 2 or 3 more");
    }

    #[test]
    fn links_and_text_keep_markdown_whole() {
        assert_eq!(link("Le [Monde]", "in/a b (1).md"), "[Le \\[Monde\\]](in/a%20b%20%281%29.md)");
        assert_eq!(md("a | b *c*\nd"), "a \\| b \\*c\\* d");
    }
}
