//! Words for values and pairs: a value as a reader would say it, and a rule's
//! explanation with its placeholders filled.

use crate::claim::{AsOf, Claim, Polarity};
use crate::interval::Interval;
use crate::value::date::PartialDate;
use crate::value::{Hedge, Value, ValueKind};

/// A value as a reader would say it: "97.4 billion USD", "2019", "2024-03-20 to 2024-06-20".
pub fn describe(value: &Value) -> String {
    if value.kind == ValueKind::Date {
        let (start, end) = (value.start.as_deref().unwrap_or("?"), value.end.as_deref().unwrap_or("?"));
        if start == end {
            return start.to_string();
        }
        if start.ends_with("-01-01") && end.ends_with("-12-31") && start[..4] == end[..4] {
            return start[..4].to_string();
        }
        return format!("{start} to {end}");
    }
    let unit = value.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
    let percent = if value.kind == ValueKind::Percent { "%" } else { "" };
    let number = |x: f64| human(x);
    match (value.low, value.high) {
        (Some(l), Some(h)) if (l - h).abs() <= f64::EPSILON * l.abs().max(1.0) => {
            format!("{}{percent}{unit}", number(l))
        }
        (Some(l), Some(h)) => format!("{}–{}{percent}{unit}", number(l), number(h)),
        (Some(l), None) => format!("{} {}{percent}{unit}", if value.low_open { "over" } else { "at least" }, number(l)),
        (None, Some(h)) => {
            format!("{} {}{percent}{unit}", if value.high_open { "under" } else { "at most" }, number(h))
        }
        (None, None) => "any value".to_string(),
    }
}

/// A value as its source states it, in a reader's words: "nearly 100
/// billion USD", "1,644", "49%", "2018", "2025-02"; not the interval it
/// allows, which [`describe`] gives.
pub fn stated(value: &Value) -> String {
    if value.kind == ValueKind::Date {
        return stated_date(value);
    }
    let (Some(point), hedge) = (value.point, value.hedge) else {
        return describe(value);
    };
    let hedge = match hedge {
        None => "",
        Some(Hedge::Nearly) => "nearly ",
        Some(Hedge::About) => "about ",
        Some(Hedge::Over) => "over ",
        Some(Hedge::AtLeast) => "at least ",
        Some(Hedge::Under) => "under ",
        Some(Hedge::AtMost) => "at most ",
        Some(Hedge::Range) => return describe(value),
    };
    let percent = if value.kind == ValueKind::Percent { "%" } else { "" };
    let unit = value.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
    format!("{hedge}{}{percent}{unit}", grouped(&human(point)))
}

/// A date as stated: its day, month or year when it is one, else its first
/// and last day; a date whose year the source leaves unsaid, in its words.
pub(super) fn stated_date(value: &Value) -> String {
    let (start, end) = (value.start.as_deref().unwrap_or("?"), value.end.as_deref().unwrap_or("?"));
    if start.starts_with('-') || end.starts_with('-') {
        return format!("{} (year not stated)", value.text.trim());
    }
    span_text(start, end)
}

/// `start`..`end` (`YYYY-MM-DD`) as a reader says it: "2018", "2025-02",
/// "2025-04-10", or "2024-03-20 to 2024-06-20".
pub fn span_text(start: &str, end: &str) -> String {
    if start == end {
        return start.to_string();
    }
    let parts = |d: &str| -> Option<(i32, u32, u32)> {
        let mut it = d.split('-');
        Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?, it.next()?.parse().ok()?))
    };
    match (parts(start), parts(end)) {
        (Some((y, 1, 1)), Some((z, 12, 31))) if y == z => start[..4].to_string(),
        (Some((y, m, 1)), Some((z, n, d))) if y == z && m == n && d == crate::value::date::days_in_month(y, m) => {
            start[..7].to_string()
        }
        _ => format!("{start} to {end}"),
    }
}

/// Thousands grouped in a plain number: "1644" → "1,644"; "97.4 billion" as it is.
pub(super) fn grouped(number: &str) -> String {
    let (sign, digits) = number.strip_prefix('-').map_or(("", number), |d| ("-", d));
    let (whole, rest) = digits.split_at(digits.find(|c: char| !c.is_ascii_digit()).unwrap_or(digits.len()));
    if whole.len() <= 3 || rest.starts_with(' ') {
        return number.to_string();
    }
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out + rest
}

/// The moment a claim's figure describes: its `as_of`, else its source's
/// publication date.
pub fn moment(claim: &Claim) -> Option<AsOf> {
    claim
        .as_of
        .as_deref()
        .cloned()
        .or_else(|| claim.reference_date.as_deref().and_then(|d| PartialDate::parse(d).ok()).map(AsOf::of))
}

/// A moment as a reader says it: "2025-01-27", "2025-01", "2025".
pub fn moment_text(moment: &AsOf) -> String {
    span_text(&moment.start, &moment.end)
}

/// 97400000000 → "97.4 billion"; small numbers as they are.
pub fn human(x: f64) -> String {
    let scales = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];
    for (scale, word) in scales {
        if x.abs() >= scale {
            return format!("{} {word}", trim_number(x / scale));
        }
    }
    trim_number(x)
}

pub(super) fn trim_number(x: f64) -> String {
    // A whole number prints as its integer: float formatting is the slow path.
    // Zero keeps it, for "-0".
    if x.fract() == 0.0 && x != 0.0 && x.abs() < 1e15 {
        return (x as i64).to_string();
    }
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

pub(super) fn wording(claim: &Claim) -> String {
    claim.value.as_deref().map_or_else(|| claim.text.clone(), |v| v.text.clone())
}

/// The marks around a placeholder's name.
pub(super) const OPEN: char = '{';
pub(super) const CLOSE: char = '}';

/// `template` with each placeholder replaced by what it names, in one pass:
/// only the placeholders used are computed, and the words put in (a source's
/// own text) are never read as placeholders.
pub(super) fn explain(template: &str, a: &Claim, b: &Claim) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find(OPEN) {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        match after.find(CLOSE).and_then(|close| Some((close, placeholder(&after[1..close], a, b)?))) {
            Some((close, value)) => {
                rest = &after[close + 1..];
                // "{a} ({a_value})" says a wording and what it means: once, when they read the same.
                let name = &after[1..close];
                if let Some(then) = rest.strip_prefix(&format!(" ({{{name}_value}})"))
                    && placeholder(&format!("{name}_value"), a, b).is_some_and(|v| v.eq_ignore_ascii_case(&value))
                {
                    rest = then;
                }
                out.push_str(&value);
            }
            None => {
                out.push(OPEN);
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What placeholder `name` of an explanation stands for, for the pair `a`, `b`.
pub(super) fn placeholder(name: &str, a: &Claim, b: &Claim) -> Option<String> {
    let width = |c: &Claim| c.value.as_deref().and_then(Interval::of).map_or(0.0, |i| i.width());
    let wider_first = || width(a) >= width(b);
    let role = |c: &Claim, r: &str| c.roles.get(r).cloned().unwrap_or_else(|| "?".into());
    let value = |c: &Claim| {
        c.value.as_deref().map_or_else(
            || if c.polarity == Polarity::Negated { "did not happen".to_string() } else { "happened".to_string() },
            describe,
        )
    };
    let unit = |c: &Claim| c.value.as_deref().and_then(|v| v.unit.clone()).unwrap_or_default();
    let date = |c: &Claim| c.reference_date.as_deref().unwrap_or("an unknown date").to_string();
    Some(match name {
        "a_value" => value(a),
        "b_value" => value(b),
        "wider" => wording(if wider_first() { a } else { b }),
        "narrower" => wording(if wider_first() { b } else { a }),
        "a_agent" => role(a, "agent"),
        "a_target" => role(a, "target"),
        "b_agent" => role(b, "agent"),
        "b_target" => role(b, "target"),
        "a_unit" => unit(a),
        "b_unit" => unit(b),
        "a_date" => date(a),
        "b_date" => date(b),
        "a_by" => a.attributed_to.clone().unwrap_or_else(|| "an unnamed source".into()),
        "b_by" => b.attributed_to.clone().unwrap_or_else(|| "an unnamed source".into()),
        "a" => wording(a),
        "b" => wording(b),
        _ => return None,
    })
}
