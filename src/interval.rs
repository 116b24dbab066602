//! Comparing what two wordings allow: numeric intervals with open or closed
//! ends, and date ranges (with or without a known year).

use crate::claim::TimeSpan;
use crate::value::date::{civil_from_days, days_from_civil};
use crate::value::{Value, ValueKind};

/// A set of true values, numeric or in days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Interval {
    Number { low: Option<f64>, high: Option<f64>, low_open: bool, high_open: bool },
    Days(DayRange),
}

/// Days since 1970-01-01 when the year is known; day of a 366-day year otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    pub start: i64,
    pub end: i64,
    pub year_known: bool,
}

/// Position of a month and day in a leap year, 0-based.
fn day_of_year(month: u32, day: u32) -> i64 {
    days_from_civil(2000, month, day) - days_from_civil(2000, 1, 1)
}

/// `YYYY-MM-DD` → (Some(year), month, day); `--MM-DD` → (None, month, day).
fn parse_day(text: &str) -> Option<(Option<i64>, u32, u32)> {
    if let Some(rest) = text.strip_prefix("--") {
        let (m, d) = rest.split_once('-')?;
        return Some((None, m.parse().ok()?, d.parse().ok()?));
    }
    let mut parts = text.splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Some((Some(y), m, d))
}

impl DayRange {
    pub fn of(span: &TimeSpan) -> Option<DayRange> {
        let (ys, ms, ds) = parse_day(&span.start)?;
        let (ye, me, de) = parse_day(&span.end)?;
        match (ys, ye) {
            (Some(ys), Some(ye)) => Some(DayRange {
                start: days_from_civil(ys, ms, ds),
                end: days_from_civil(ye, me, de),
                year_known: true,
            }),
            _ => Some(DayRange { start: day_of_year(ms, ds), end: day_of_year(me, de), year_known: false }),
        }
    }

    /// Month-and-day positions, for comparing with a range whose year is unknown.
    /// A range of a year or more covers every day.
    fn month_days(&self) -> Vec<(i64, i64)> {
        if !self.year_known {
            return if self.start <= self.end {
                vec![(self.start, self.end)]
            } else {
                vec![(self.start, 365), (0, self.end)]
            };
        }
        if self.end - self.start >= 365 {
            return vec![(0, 365)];
        }
        let (ys, ms, ds) = civil_from_days(self.start);
        let (ye, me, de) = civil_from_days(self.end);
        let (s, e) = (day_of_year(ms, ds), day_of_year(me, de));
        if ys == ye { vec![(s, e)] } else { vec![(s, 365), (0, e)] }
    }

    pub fn overlaps(&self, other: &DayRange) -> bool {
        if self.year_known && other.year_known {
            return self.start <= other.end && other.start <= self.end;
        }
        let (a, b) = (self.month_days(), other.month_days());
        a.iter().any(|(s1, e1)| b.iter().any(|(s2, e2)| s1 <= e2 && s2 <= e1))
    }

    /// Whether two times can be one event's: they overlap, and a day or
    /// month without its year does not fall in a whole year, which says
    /// nothing of the day ("31 January" is no date of "1995").
    pub fn meets_event(&self, other: &DayRange) -> bool {
        let whole_year = |r: &DayRange| r.year_known && r.end - r.start >= 364;
        let vague = (!self.year_known && whole_year(other)) || (!other.year_known && whole_year(self));
        !vague && self.overlaps(other)
    }

    /// Whether two times are at most `days` apart (or overlap), as one
    /// event's told two ways may be; with a year unknown, whether they overlap.
    pub fn within(&self, other: &DayRange, days: i64) -> bool {
        if !(self.year_known && other.year_known) || days == 0 {
            return self.meets_event(other);
        }
        self.start - days <= other.end && other.start - days <= self.end
    }

    pub fn width(&self) -> i64 {
        if self.end >= self.start { self.end - self.start } else { self.end + 366 - self.start }
    }
}

const EPSILON: f64 = 1e-9;

fn close(a: f64, b: f64) -> bool {
    if a.is_infinite() || b.is_infinite() {
        return a == b;
    }
    (a - b).abs() <= EPSILON * a.abs().max(b.abs()).max(1.0)
}

impl Interval {
    pub fn of(value: &Value) -> Option<Interval> {
        if value.kind == ValueKind::Date {
            let span = TimeSpan { start: value.start.clone()?, end: value.end.clone()? };
            return DayRange::of(&span).map(Interval::Days);
        }
        // A figure stated flat allows what rounds to it: half a unit of its
        // last digit each way, the upper half-unit going to the next figure,
        // so that two figures of one precision ("7.5", "7.6") never meet.
        let flat = value.hedge.is_none() && value.low.is_some() && value.high.is_some() && value.low != value.high;
        Some(Interval::Number {
            low: value.low,
            high: value.high,
            low_open: value.low_open,
            high_open: value.high_open || flat,
        })
    }

    pub fn same(&self, other: &Interval) -> bool {
        match (self, other) {
            // "February 7" says the same day as "Feb. 7, 2023" as far as it says.
            (Interval::Days(a), Interval::Days(b)) => {
                a == b || (a.year_known != b.year_known && a.width() < 31 && a.month_days() == b.month_days())
            }
            (
                Interval::Number { low: l1, high: h1, low_open: lo1, high_open: ho1 },
                Interval::Number { low: l2, high: h2, low_open: lo2, high_open: ho2 },
            ) => {
                let eq = |a: &Option<f64>, b: &Option<f64>| match (a, b) {
                    (None, None) => true,
                    (Some(a), Some(b)) => close(*a, *b),
                    _ => false,
                };
                eq(l1, l2) && eq(h1, h2) && lo1 == lo2 && ho1 == ho2
            }
            _ => false,
        }
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        match (self, other) {
            (Interval::Days(a), Interval::Days(b)) => a.overlaps(b),
            (
                Interval::Number { low: l1, high: h1, high_open: ho1, .. },
                Interval::Number { low: l2, high: h2, high_open: ho2, .. },
            ) => {
                // The greater low against the smaller high.
                let low = match (l1, l2) {
                    (None, None) => f64::NEG_INFINITY,
                    (Some(a), None) => *a,
                    (None, Some(b)) => *b,
                    (Some(a), Some(b)) => a.max(*b),
                };
                let (high, high_open) = match (h1, h2) {
                    (None, None) => (f64::INFINITY, false),
                    (Some(a), None) => (*a, *ho1),
                    (None, Some(b)) => (*b, *ho2),
                    (Some(a), Some(b)) if close(*a, *b) => (*a, *ho1 || *ho2),
                    (Some(a), Some(b)) if a < b => (*a, *ho1),
                    (Some(_), Some(b)) => (*b, *ho2),
                };
                // "More than 17,000" meets a flat "17,000" (a figure told
                // rounded down), where two figures of one precision never meet.
                if close(low, high) { !high_open } else { low < high }
            }
            _ => false,
        }
    }

    /// How much the wording allows: wider is rounder or more hedged.
    pub fn width(&self) -> f64 {
        match self {
            Interval::Days(d) => d.width() as f64,
            Interval::Number { low, high, .. } => match (low, high) {
                (Some(l), Some(h)) => h - l,
                _ => f64::INFINITY,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(start: &str, end: &str) -> DayRange {
        DayRange::of(&TimeSpan { start: start.into(), end: end.into() }).unwrap()
    }

    fn number(low: f64, high: f64) -> Interval {
        Interval::Number { low: Some(low), high: Some(high), low_open: false, high_open: false }
    }

    #[test]
    fn civil_days_round_trip() {
        for d in [-1000, 0, 18_000, 20_089, 40_000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }

    #[test]
    fn years_apart_are_disjoint() {
        assert!(!days("2018-01-01", "2018-12-31").overlaps(&days("2019-01-01", "2019-12-31")));
        assert!(days("2024-01-01", "2024-12-31").overlaps(&days("2024-03-20", "2024-06-20")));
    }

    #[test]
    fn a_month_without_year_meets_early_that_year() {
        assert!(days("--02-01", "--02-29").overlaps(&days("2025-01-01", "2025-04-30")));
        assert!(!days("--02-01", "--02-29").overlaps(&days("2025-09-01", "2025-12-31")));
    }

    #[test]
    fn open_ends_touching_do_not_overlap() {
        let under = Interval::Number { low: Some(0.0), high: Some(50.0), low_open: false, high_open: true };
        assert!(!under.overlaps(&number(50.0, 50.0)));
        assert!(number(96.5e9, 97.5e9).overlaps(&number(97.35e9, 97.45e9)));
        assert!(!number(96.5e9, 97.5e9).overlaps(&number(9.735e9, 9.745e9)));
    }

    #[test]
    fn more_than_a_figure_meets_that_figure_told_flat() {
        let over = Interval::Number { low: Some(17_000.0), high: None, low_open: true, high_open: false };
        assert!(over.overlaps(&number(17_000.0, 17_000.0)));
        // Two figures of one precision still never meet: "7.5" and "7.6".
        let flat = |low: f64, high: f64| Interval::Number {
            low: Some(low),
            high: Some(high),
            low_open: false,
            high_open: true,
        };
        assert!(!flat(7.45, 7.55).overlaps(&flat(7.55, 7.65)));
    }
}
