//! The facts a pair rule tests, computed once a pair: the predicates of
//! `rules/verdicts.toml`.

use crate::claim::Claim;
use crate::interval::Interval;
use crate::rules::verdicts::Predicate;
use crate::value::ValueKind;
use crate::value::date::PartialDate;

/// The predicates of one pair, computed once.
pub(super) struct Facts {
    same: bool,
    overlap: bool,
    disjoint: bool,
    polarity_differs: bool,
    roles_reversed: bool,
    counter: bool,
    different_unit: bool,
    different_reference_date: bool,
    rises: bool,
    hedged: bool,
    time: bool,
    figure: bool,
    count: bool,
    occurrence: bool,
    pub(super) evolving: bool,
    same_as_of: bool,
    different_counters: bool,
    same_document: bool,
    pub(super) finer_between: bool,
}

impl Facts {
    pub(super) fn of(a: &Claim, b: &Claim) -> Facts {
        let intervals = match (&a.value, &b.value) {
            (Some(x), Some(y)) => Interval::of(x).zip(Interval::of(y)),
            _ => None,
        };
        let units =
            a.value.as_deref().and_then(|v| v.unit.as_ref()).zip(b.value.as_deref().and_then(|v| v.unit.as_ref()));
        let kinds = a.value.as_deref().map(|v| v.kind).zip(b.value.as_deref().map(|v| v.kind));
        let is_figure = |k: ValueKind| matches!(k, ValueKind::Amount | ValueKind::Count | ValueKind::Percent);
        let same_value = match (&a.value, &b.value) {
            (None, None) => true,
            (Some(x), Some(y)) => intervals.is_some_and(|(i, j)| i.same(&j)) && x.unit == y.unit && x.hedge == y.hedge,
            _ => false,
        };
        let overlap = intervals.is_some_and(|(i, j)| i.overlaps(&j));
        let different_reference_date = matches!((&a.reference_date, &b.reference_date), (Some(x), Some(y)) if x != y);
        let roles_reversed = match (a.agent(), a.target(), b.agent(), b.target()) {
            (Some(aa), Some(at), Some(ba), Some(bt)) => aa == bt && at == ba && aa != at,
            _ => false,
        };
        Facts {
            same: same_value,
            overlap,
            disjoint: intervals.is_some() && !overlap,
            polarity_differs: a.polarity != b.polarity,
            roles_reversed,
            counter: a.counter || b.counter,
            different_unit: units.is_some_and(|(x, y)| x != y),
            different_reference_date,
            // Only disjoint figures from different dates can have risen.
            rises: intervals.is_some() && !overlap && different_reference_date && (rises(a, b) || rises(b, a)),
            hedged: [&a.value, &b.value].iter().any(|v| v.as_ref().is_some_and(|v| v.hedge.is_some())),
            time: kinds.is_some_and(|(x, y)| x == ValueKind::Date && y == ValueKind::Date),
            figure: kinds.is_some_and(|(x, y)| is_figure(x) && is_figure(y)),
            count: kinds.is_some_and(|(x, y)| x == ValueKind::Count && y == ValueKind::Count),
            occurrence: a.value.is_none() && b.value.is_none(),
            evolving: false,
            // A month or a year is no one moment of a figure that changes by the day.
            same_as_of: a.as_of.as_ref().is_some_and(|t| t.granularity == crate::value::Granularity::Day)
                && a.as_of == b.as_of,
            // Two names of one kind of counter ("the prefecture of police",
            // "police headquarters") give one count, not two.
            different_counters: match (&a.attributed_to, &b.attributed_to) {
                (Some(x), Some(y)) => {
                    let one_kind = a.counted_by.is_some() && a.counted_by == b.counted_by;
                    !one_kind && crate::text::words::key(x) != crate::text::words::key(y)
                }
                _ => false,
            },
            same_document: a.doc == b.doc,
            finer_between: false,
        }
    }

    pub(super) fn holds(&self, p: Predicate) -> bool {
        match p {
            Predicate::SameInterval => self.same,
            Predicate::Overlap => self.overlap,
            Predicate::Disjoint => self.disjoint,
            Predicate::PolarityDiffers => self.polarity_differs,
            Predicate::RolesReversed => self.roles_reversed,
            Predicate::CounterEvent => self.counter,
            Predicate::DifferentUnit => self.different_unit,
            Predicate::DifferentReferenceDate => self.different_reference_date,
            Predicate::Rises => self.rises,
            Predicate::Hedged => self.hedged,
            Predicate::Time => self.time,
            Predicate::Figure => self.figure,
            Predicate::Count => self.count,
            Predicate::Occurrence => self.occurrence,
            Predicate::Evolving => self.evolving,
            Predicate::SameAsOf => self.same_as_of,
            Predicate::DifferentCounters => self.different_counters,
            Predicate::SameDocument => self.same_document,
            Predicate::FinerBetween => self.finer_between,
        }
    }
}

/// Whether `later` was published after `earlier` and states a figure above
/// all that `earlier` allows: a toll that rose between the two reports.
pub(super) fn rises(earlier: &Claim, later: &Claim) -> bool {
    let published = |c: &Claim| c.reference_date.as_deref().and_then(|d| PartialDate::parse(d).ok());
    let (Some(first), Some(then)) = (published(earlier), published(later)) else { return false };
    let (Some(before), Some(after)) = (&earlier.value, &later.value) else { return false };
    last_day(first) < first_day(then) && matches!((before.high, after.low), (Some(h), Some(l)) if l >= h)
}

/// The first and last day a date known to the year, month or day may be.
pub(super) fn first_day(date: PartialDate) -> (i32, u32, u32) {
    (date.year, date.month.unwrap_or(1), date.day.unwrap_or(1))
}

pub(super) fn last_day(date: PartialDate) -> (i32, u32, u32) {
    let month = date.month.unwrap_or(12);
    (date.year, month, date.day.unwrap_or_else(|| crate::value::date::days_in_month(date.year, month)))
}
