//! Days named relative to the document's date: weekdays ("Tuesday", "ce
//! mardi", "Monday morning") and relative days ("hier", "yesterday").
//!
//! News names the days of its week rather than their dates: "Fox agreed
//! Tuesday to pay…" in an article of Wednesday 19 April means the 18th. A
//! weekday is the latest such day on or before the document's date, or the
//! next one when its sentence speaks of the future ("will", "sera") or says
//! "next". Without a document date known to the day, a weekday is no date.
//! A weekday written with its date ("mardi 31 janvier") is read by `date`,
//! and belongs to that date's wording.

use regex::Regex;
use serde::Deserialize;

use crate::rules::{RuleError, RuleFile};
use crate::text::span::Span;
use crate::value::date::{DateContext, PartialDate, alternation, civil_from_days, days_from_civil};
use crate::value::{Granularity, Value, ValueKind};

/// The `[days]` table of a language file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDays {
    /// The seven weekdays, Monday first.
    #[serde(default)]
    weekdays: Vec<String>,
    /// Words for the document's own day: "today", "aujourd'hui".
    #[serde(default)]
    today: Vec<String>,
    /// Words for the day before it: "yesterday", "hier".
    #[serde(default)]
    yesterday: Vec<String>,
    /// Words before a day that belong to its wording: "ce mardi", "this Tuesday".
    #[serde(default)]
    lead: Vec<String>,
    /// Parts of a day after it: "Monday morning", "dimanche soir".
    #[serde(default)]
    parts: Vec<String>,
    /// Words next to a weekday that make it the next one: "next Tuesday",
    /// "mardi prochain".
    #[serde(default)]
    next: Vec<String>,
    /// Words of a sentence that speaks of what is to come: "will", "sera".
    #[serde(default)]
    future: Vec<String>,
}

/// One language's day words, compiled.
#[derive(Debug)]
pub struct DayWords {
    /// A weekday or relative day, with its lead and part of day.
    found: Option<Regex>,
    weekdays: Vec<String>,
    today: Vec<String>,
    yesterday: Vec<String>,
    next: Option<Regex>,
    future: Option<Regex>,
}

fn key(word: &str) -> String {
    crate::text::words::key(word).into_owned()
}

impl DayWords {
    pub fn compile(raw: &RawDays, file: &RuleFile) -> Result<DayWords, RuleError> {
        if !raw.weekdays.is_empty() && raw.weekdays.len() != 7 {
            return Err(file.error_at(
                file.text.find("weekdays"),
                format!("weekdays lists {} names: it must list the seven days, Monday first", raw.weekdays.len()),
            ));
        }
        let compile = |p: String| Regex::new(&p).map_err(|e| file.error_at(None, format!("day words: {e}")));
        let words = |list: &[String]| (!list.is_empty()).then(|| alternation(list));
        let days: Vec<String> = raw.weekdays.iter().chain(&raw.today).chain(&raw.yesterday).cloned().collect();
        let found = match words(&days) {
            None => None,
            Some(days) => {
                let lead = words(&raw.lead).map_or(String::new(), |l| format!(r"(?:(?:{l})\s+)?"));
                let part = words(&raw.parts).map_or(String::new(), |p| format!(r"(?:\s+(?:{p}))?"));
                Some(compile(format!(r"(?i)(?-u:\b){lead}({days})(?-u:\b){part}"))?)
            }
        };
        let edge_words = |list: &[String]| -> Result<Option<Regex>, RuleError> {
            words(list).map(|w| compile(format!(r"(?i)(?:^|[^\w'’])(?:{w})(?:$|[^\w])"))).transpose()
        };
        Ok(DayWords {
            found,
            weekdays: raw.weekdays.iter().map(|w| key(w)).collect(),
            today: raw.today.iter().map(|w| key(w)).collect(),
            yesterday: raw.yesterday.iter().map(|w| key(w)).collect(),
            next: edge_words(&raw.next)?,
            future: edge_words(&raw.future)?,
        })
    }

    /// The days named in `text` that no date in `taken` already covers,
    /// resolved against the document's date in `ctx`.
    pub fn days(&self, text: &str, ctx: &DateContext, taken: &[Value]) -> Vec<Value> {
        let (Some(found), Some(reference)) = (&self.found, ctx.reference) else {
            return Vec::new();
        };
        // A source dated to the month only: the day is one of that month's
        // (a weekday early in the month may be of the month before: rare
        // enough to read the month).
        let today = day_number(reference);
        let month = match (today, reference.month) {
            (None, Some(m)) => {
                let first = days_from_civil(reference.year as i64, m, 1);
                Some((first, first + i64::from(crate::value::date::days_in_month(reference.year, m)) - 1))
            }
            _ => None,
        };
        if today.is_none() && month.is_none() {
            return Vec::new();
        }
        let future = |at: Span| self.future.as_ref().is_some_and(|f| f.is_match(clause_around(text, at)));
        let mut values = Vec::new();
        for c in found.captures_iter(text) {
            let (Some(all), Some(day)) = (c.get(0), c.get(1)) else { continue };
            let span = Span::new(all.start(), all.end());
            if taken.iter().any(|v| v.span.start < span.end + 4 && span.start < v.span.end) {
                continue;
            }
            // "Tuesday, Jan. 31" and "mardi 31 janvier": the date says it.
            if text[span.end..].trim_start_matches([',', ' ', '\u{a0}']).starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let word = key(day.as_str());
            if let Some((first, last)) = month {
                let iso = |n: i64| {
                    let (y, m, d) = civil_from_days(n);
                    format!("{y:04}-{m:02}-{d:02}")
                };
                let (start, end) = (iso(first), iso(last));
                values.push(Value::date(&text[span.start..span.end], start, end, Granularity::Month, span));
                continue;
            }
            let Some(today) = today else { continue };
            let offset = if self.today.contains(&word) {
                0
            } else if self.yesterday.contains(&word) {
                -1
            } else if let Some(weekday) = self.weekdays.iter().position(|w| *w == word) {
                let (from, to) = floor_boundaries(text, span.start.saturating_sub(12), (span.end + 12).min(text.len()));
                let around = &text[from..to];
                let next = self.next.as_ref().is_some_and(|n| n.is_match(around));
                weekday_offset(today, weekday as i64, next || future(span))
            } else {
                continue;
            };
            let (y, m, d) = civil_from_days(today + offset);
            let iso = format!("{y:04}-{m:02}-{d:02}");
            values.push(Value::date(&text[span.start..span.end], iso.clone(), iso, Granularity::Day, span));
        }
        values
    }

    /// Takes a weekday right before a day's date into its wording:
    /// "vendredi 8 juillet 2022", "Tuesday, Jan. 31, 2023". The date says
    /// which day it is; a weekday that does not fit it changes nothing.
    pub fn weekday_before(&self, text: &str, values: &mut [Value]) {
        for value in values.iter_mut().filter(|v| v.kind == ValueKind::Date && v.granularity == Some(Granularity::Day))
        {
            let head = text[..value.span.start].trim_end_matches([' ', '\u{a0}']);
            let head = head.strip_suffix(',').unwrap_or(head).trim_end_matches([' ', '\u{a0}']);
            let word_start =
                head.char_indices().rev().take_while(|(_, c)| c.is_alphabetic()).last().map_or(head.len(), |(i, _)| i);
            let word = &head[word_start..];
            if word.is_empty() || !self.weekdays.contains(&key(word)) {
                continue;
            }
            value.span = Span::new(word_start, value.span.end);
            value.text = text[value.span.start..value.span.end].to_string();
        }
    }

    /// Whether `text` speaks of days relative to its own ("ce lundi",
    /// "yesterday"), as a document that is dated by its present does.
    pub fn speaks_of_days(&self, text: &str) -> bool {
        self.found.as_ref().is_some_and(|f| f.is_match(text))
    }

    /// Dates without their year that `date` put in the past ("on Feb. 7",
    /// the latest 7 February) are the next ones in a sentence about what is
    /// to come: "unions will march again on Feb. 7".
    pub fn put_ahead(&self, text: &str, ctx: &DateContext, values: &mut [Value]) {
        let Some(reference) = ctx.reference.and_then(day_number) else { return };
        let Some(future) = self.future.as_ref().filter(|f| f.is_match(text)) else { return };
        for value in values.iter_mut().filter(|v| v.kind == ValueKind::Date && v.granularity == Some(Granularity::Day))
        {
            if !future.is_match(clause_around(text, value.span)) {
                continue;
            }
            let has_year = value.text.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
            let start = value.start.as_deref().and_then(|s| PartialDate::parse(s).ok()).and_then(day_number);
            let Some(start) = start else { continue };
            if has_year || start >= reference {
                continue;
            }
            let (y, m, d) = civil_from_days(start);
            let next = days_from_civil(y + 1, m, d.min(crate::value::date::days_in_month(y as i32 + 1, m)));
            let (y, m, d) = civil_from_days(next);
            let iso = format!("{y:04}-{m:02}-{d:02}");
            value.start = Some(iso.clone());
            value.end = Some(iso);
        }
    }
}

/// How far before a date its clause's future cue may stand, in bytes.
const CLAUSE_REACH: usize = 120;

/// The words of the clause around `span`: from the end of the sentence or
/// clause before it to the end of its own, at most [`CLAUSE_REACH`] bytes
/// on each side. A run-on text read as one sentence must not lend one
/// clause's future to another's date.
fn clause_around(text: &str, span: Span) -> &str {
    let ends = ['.', '!', '?', ';'];
    let (from, to) =
        floor_boundaries(text, span.start.saturating_sub(CLAUSE_REACH), (span.end + CLAUSE_REACH).min(text.len()));
    let before = &text[from..span.start];
    let start = from + before.rfind(ends).map_or(0, |i| i + 1);
    let after = &text[span.end..to];
    let end = span.end + after.find(ends).unwrap_or(after.len());
    &text[start..end]
}

/// `from..to` moved back to char boundaries.
fn floor_boundaries(text: &str, mut from: usize, mut to: usize) -> (usize, usize) {
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    (from, to)
}

/// The day number of a date known to the day.
fn day_number(date: PartialDate) -> Option<i64> {
    Some(days_from_civil(date.year as i64, date.month?, date.day?))
}

/// Days from `today` to the weekday (0 = Monday): the latest one on or
/// before it, or with `ahead` the first one on or after it.
fn weekday_offset(today: i64, weekday: i64, ahead: bool) -> i64 {
    // Day 0 of `days_from_civil` is Thursday 1 January 1970.
    let today_weekday = (today + 3).rem_euclid(7);
    if ahead { (weekday - today_weekday).rem_euclid(7) } else { -(today_weekday - weekday).rem_euclid(7) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weekday_is_the_latest_one_on_or_before_the_day() {
        // Wednesday 19 April 2023.
        let wednesday = days_from_civil(2023, 4, 19);
        assert_eq!(weekday_offset(wednesday, 1, false), -1);
        assert_eq!(weekday_offset(wednesday, 2, false), 0);
        assert_eq!(weekday_offset(wednesday, 3, false), -6);
        assert_eq!(weekday_offset(wednesday, 4, true), 2);
        assert_eq!(weekday_offset(wednesday, 2, true), 0);
    }
}
