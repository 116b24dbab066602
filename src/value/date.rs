//! Dates → intervals of days with a granularity.

use regex::{Captures, Regex, RegexSet};
use serde::Deserialize;

use crate::rules::{RuleError, RuleFile};
use crate::text::span::Span;
use crate::text::words::key;
use crate::value::{Granularity, Value};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDates {
    #[serde(default)]
    months: Vec<(String, u32)>,
    #[serde(default)]
    ordinal_first: Vec<String>,
    /// Letters written after a day's number: "15th", "2nd".
    #[serde(default)]
    ordinal_suffixes: Vec<String>,
    /// Words that may link a day to its month and a month or season to its
    /// year: "15 de marzo de 2024", "the 15th of March", "spring of 2024".
    /// One ending with an apostrophe is glued to what follows ("d'").
    #[serde(default)]
    date_links: Vec<String>,
    #[serde(default = "default_order")]
    numeric_order: String,
    /// How the language writes a month's name in running text: "lower"
    /// ("en mars"), "capital" ("in March") or "any". A bare month written
    /// the other way is a word: "sur Mars", unless a lead word stands before
    /// it ("en Mars"); "they march", "the march", always.
    #[serde(default = "default_case")]
    month_case: String,
    #[serde(default)]
    seasons: Vec<(String, String, String)>,
    #[serde(default)]
    parts: Vec<(String, String, String)>,
    /// Parts of a month, before its name, with the words that join them
    /// ("fin avril", "mid-July", "finales de abril"): each with its first
    /// and last day; a last day past the month's end is its last day.
    #[serde(default)]
    month_parts: Vec<(String, u32, u32)>,
    #[serde(default)]
    lead: Vec<String>,
    #[serde(default)]
    past: Vec<String>,
    /// The same, before the month: "last April", "el pasado abril".
    #[serde(default)]
    past_before: Vec<String>,
    #[serde(default)]
    same_year: Vec<String>,
    #[serde(default)]
    last_year: Vec<String>,
    #[serde(default)]
    this_year: Vec<String>,
    #[serde(default)]
    year_context: Vec<String>,
}

fn default_order() -> String {
    "dmy".into()
}

fn default_case() -> String {
    "any".into()
}

/// How a language writes a month's name in running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum MonthCase {
    Lower,
    Capital,
    Any,
}

/// A month and day, as written in rule files: `03-20`.
fn month_day(text: &str, file: &RuleFile) -> Result<(u32, u32), RuleError> {
    let bad = || file.error_at(file.text.find(text), format!("{text:?} is not a month and day (MM-DD)"));
    let (m, d) = text.split_once('-').ok_or_else(bad)?;
    let (m, d): (u32, u32) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(2000, m) {
        return Err(bad());
    }
    Ok((m, d))
}

/// A season or part of a year: its name, first and last (month, day).
type NamedRange = (String, (u32, u32), (u32, u32));

/// One language's date words, compiled into a few regexes.
#[derive(Debug)]
pub struct DateLang {
    iso: Regex,
    numeric: Regex,
    /// The patterns below, in this order, in one set: which of them can match a text.
    which: RegexSet,
    /// What every date holds: a digit, or a month, season or relative word.
    /// A text without one is done with in one plain pass, not the set's.
    may_hold: Regex,
    day_month: Regex,
    month_day: Regex,
    month_year: Regex,
    month_part: Regex,
    season: Regex,
    part: Regex,
    month_alone: Regex,
    relative: Regex,
    year: Regex,
    months: Vec<(String, u32)>,
    seasons: Vec<NamedRange>,
    parts: Vec<NamedRange>,
    /// A part of a month: its name, first and last day.
    month_parts: Vec<(String, u32, u32)>,
    day_first: bool,
    month_case: MonthCase,
    ordinal_first: Vec<String>,
    lead: Vec<String>,
    past: Vec<String>,
    past_before: Vec<String>,
    same_year: Vec<String>,
    last_year: Vec<String>,
    this_year: Vec<String>,
    year_context: Vec<String>,
}

/// A link between the parts of a date, as a pattern that takes the space
/// after it: `(?:de\s+|d['’])`; an empty string when there is none.
fn link_pattern(links: &[String]) -> String {
    if links.is_empty() {
        return String::new();
    }
    let mut sorted: Vec<&String> = links.iter().collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let each: Vec<String> = sorted
        .iter()
        .map(|link| {
            let glued = link.ends_with(['\'', '’']);
            let escaped = regex::escape(link).replace(['\'', '’'], "['’]");
            if glued { escaped } else { format!(r"{escaped}\s+") }
        })
        .collect();
    format!("(?:{})", each.join("|"))
}

/// The words as one alternation, longest first, escaped, with either apostrophe.
pub(crate) fn alternation(words: &[String]) -> String {
    let mut sorted: Vec<&String> = words.iter().collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.len()));
    sorted.iter().map(|w| regex::escape(w).replace(['\'', '’'], "['’]")).collect::<Vec<_>>().join("|")
}

impl DateLang {
    pub fn compile(raw: &RawDates, file: &RuleFile) -> Result<DateLang, RuleError> {
        let compile = |p: &str| Regex::new(p).map_err(|e| file.error_at(None, format!("date pattern: {e}")));
        let month_names: Vec<String> = raw.months.iter().map(|(w, _)| key(w).into_owned()).collect();
        let months = if month_names.is_empty() { "(?!x)x".to_string() } else { alternation(&month_names) };
        let months = if months.contains("(?!") { "zzzzzz".to_string() } else { months };
        let firsts = alternation(&raw.ordinal_first);
        let day = if firsts.is_empty() { r"\d{1,2}".to_string() } else { format!(r"{firsts}|\d{{1,2}}") };
        let suffixes = alternation(&raw.ordinal_suffixes);
        let suffix = if suffixes.is_empty() { String::new() } else { format!("(?:{suffixes})?") };
        let link = link_pattern(&raw.date_links);
        let link = if link.is_empty() { link } else { format!("{link}?") };
        let season_names: Vec<String> = raw.seasons.iter().map(|(w, _, _)| key(w).into_owned()).collect();
        let seasons_alt = if season_names.is_empty() { "zzzzzz".to_string() } else { alternation(&season_names) };
        let part_names: Vec<String> = raw.parts.iter().map(|(w, _, _)| key(w).into_owned()).collect();
        let parts_alt = if part_names.is_empty() { "zzzzzz".to_string() } else { alternation(&part_names) };
        let mut relative: Vec<String> = Vec::new();
        relative.extend(raw.same_year.iter().cloned());
        relative.extend(raw.last_year.iter().cloned());
        relative.extend(raw.this_year.iter().cloned());
        let relative_alt = if relative.is_empty() { "zzzzzz".to_string() } else { alternation(&relative) };
        let mut seasons = Vec::new();
        for (name, start, end) in &raw.seasons {
            seasons.push((key(name).into_owned(), month_day(start, file)?, month_day(end, file)?));
        }
        let mut parts = Vec::new();
        for (name, start, end) in &raw.parts {
            parts.push((key(name).into_owned(), month_day(start, file)?, month_day(end, file)?));
        }
        let mut month_parts = Vec::new();
        for (name, first, last) in &raw.month_parts {
            if !(1 <= *first && first <= last && *last <= 31) {
                let at = file.text.find(name.as_str());
                return Err(file.error_at(at, format!("{name:?}: days {first} to {last} are no part of a month")));
            }
            month_parts.push((part_key(name), *first, *last));
        }
        // Each part with its own joint: "mi-juillet", "fin avril", "fin d'avril".
        let month_parts_alt = if month_parts.is_empty() {
            "zzzzzz".to_string()
        } else {
            let mut names: Vec<&str> = month_parts.iter().map(|(n, _, _)| n.as_str()).collect();
            names.sort_by_key(|n| std::cmp::Reverse(n.len()));
            let each: Vec<String> = names
                .iter()
                .map(|n| {
                    let escaped = regex::escape(n).replace(['\'', '’'], "['’]").replace(' ', r"\s+");
                    if n.ends_with(['-', '\'']) { escaped } else { format!(r"{escaped}\s+") }
                })
                .collect();
            each.join("|")
        };
        for (name, m) in &raw.months {
            if !(1..=12).contains(m) {
                return Err(file.error_at(file.text.find(name.as_str()), format!("month {name:?} has number {m}")));
            }
        }
        let month_case = crate::rules::names::parse::<MonthCase>(&raw.month_case).ok_or_else(|| {
            let quoted: Vec<String> =
                crate::rules::names::variants::<MonthCase>().iter().map(|n| format!("{n:?}")).collect();
            let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
            file.error_at(
                file.text.find("month_case"),
                format!(
                    "month_case is {:?}: it must be {}",
                    raw.month_case,
                    crate::rules::names::alternatives(&quoted)
                ),
            )
        })?;
        let mut lang = DateLang {
            which: RegexSet::empty(),
            may_hold: compile(&format!(r"(?i)\d|{months}|{seasons_alt}|{relative_alt}"))?,
            iso: compile(r"(\d{4})-(\d{2})-(\d{2})")?,
            numeric: compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")?,
            day_month: compile(&format!(r"(?i)({day}){suffix}\s+{link}({months})\.?(?:,?\s+{link}(\d{{4}}))?"))?,
            month_day: compile(&format!(r"(?i)({months})\.?\s+(\d{{1,2}}){suffix}(?:,?\s+(\d{{4}}))?"))?,
            month_year: compile(&format!(r"(?i)({months})\.?\s+{link}(\d{{4}})"))?,
            month_part: compile(&format!(r"(?i)({month_parts_alt})({months})\.?(?:,?\s+{link}(\d{{4}}))?"))?,
            season: compile(&format!(r"(?i)({seasons_alt})(?:\s+{link}(\d{{4}}))?"))?,
            part: compile(&format!(r"(?i)({parts_alt})\s*{link}(\d{{4}})"))?,
            month_alone: compile(&format!(r"(?i)({months})"))?,
            relative: compile(&format!(r"(?i)({relative_alt})"))?,
            year: compile(r"\d{4}")?,
            months: raw.months.iter().map(|(w, m)| (key(w).into_owned(), *m)).collect(),
            seasons,
            parts,
            month_parts,
            day_first: raw.numeric_order != "mdy",
            month_case,
            ordinal_first: raw.ordinal_first.iter().map(|w| key(w).into_owned()).collect(),
            lead: raw.lead.iter().map(|w| key(w).into_owned()).collect(),
            past: raw.past.iter().map(|w| key(w).into_owned()).collect(),
            past_before: raw.past_before.iter().map(|w| key(w).into_owned()).collect(),
            same_year: raw.same_year.iter().map(|w| key(w).into_owned()).collect(),
            last_year: raw.last_year.iter().map(|w| key(w).into_owned()).collect(),
            this_year: raw.this_year.iter().map(|w| key(w).into_owned()).collect(),
            year_context: raw.year_context.iter().map(|w| key(w).into_owned()).collect(),
        };
        lang.which = RegexSet::new(lang.patterns().map(Regex::as_str))
            .map_err(|e| file.error_at(None, format!("date pattern: {e}")))?;
        Ok(lang)
    }

    /// Whether a numeric date gives the day before the month (`15/03/2024`).
    pub fn day_first(&self) -> bool {
        self.day_first
    }

    /// The date patterns, in the order of `which`.
    fn patterns(&self) -> impl Iterator<Item = &Regex> {
        [
            &self.iso,
            &self.numeric,
            &self.day_month,
            &self.month_day,
            &self.month_part,
            &self.month_year,
            &self.part,
            &self.season,
            &self.relative,
            &self.month_alone,
            &self.year,
        ]
        .into_iter()
    }
}

/// A date known to the year, month or day: a document's date, `--date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the date exists.
    pub fn parse(text: &str) -> Result<PartialDate, String> {
        let bad = || format!("invalid date {text:?}: expected YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |s: &str, len: usize| -> Result<u32, String> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let year = number(parts.first().copied().unwrap_or(""), 4)? as i32;
        let month = parts.get(1).map(|m| number(m, 2)).transpose()?;
        let day = parts.get(2).map(|d| number(d, 2)).transpose()?;
        if parts.len() > 3 {
            return Err(bad());
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(format!("invalid date {text:?}: month {m} does not exist"));
            }
            if let Some(d) = day
                && (d == 0 || d > days_in_month(year, m))
            {
                return Err(format!("invalid date {text:?}: day {d} does not exist in that month"));
            }
        }
        Ok(PartialDate { year, month, day })
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// What relative dates are resolved against while scanning one document.
#[derive(Debug, Clone, Default)]
pub struct DateContext {
    /// The document's date, if known.
    pub reference: Option<PartialDate>,
    /// The year last mentioned, for "la même année" / "that year".
    pub last_year: Option<i32>,
}

/// A day whose year may be unknown.
type Day = (Option<i32>, u32, u32);

/// A date read from text, before it becomes a [`Value`].
#[derive(Debug, Clone)]
struct Found {
    span: Span,
    start: Day,
    end: Day,
    granularity: Granularity,
    /// A year stated in full, for "la même année".
    explicit_year: Option<i32>,
}

fn last_day(year: Option<i32>, month: u32) -> u32 {
    days_in_month(year.unwrap_or(2000), month)
}

/// The last white-space-separated word of `text`, white space at its end
/// ignored: lowering it alone reads as lowering all of `text` would, since no
/// char lowers to white space.
fn last_word(text: &str) -> &str {
    text.trim_end().rsplit(char::is_whitespace).next().unwrap_or("")
}

fn iso(day: Day) -> String {
    match day.0 {
        Some(y) => format!("{y:04}-{:02}-{:02}", day.1, day.2),
        None => format!("--{:02}-{:02}", day.1, day.2),
    }
}

/// How many days ahead of its document a day named without its year is
/// still read as that coming day rather than last year's.
const SOON_DAYS: i64 = 45;

impl DateLang {
    /// Whether `before` ends with words that lead a date: a lead phrase ("en",
    /// "en plein"), an elision ("l'"), or with `parts`, a part of the year
    /// ("early", "mi-").
    fn lead_before(&self, before: &str, parts: bool) -> bool {
        let before = before.trim_end();
        let tail_start = before.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
        let tail = key(&before[tail_start..]).into_owned();
        let ends_with_words = |phrase: &str| {
            tail.strip_suffix(phrase).is_some_and(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace))
        };
        self.lead.iter().any(|lead| ends_with_words(lead))
            || last_word(&tail).ends_with('\'')
            || parts && self.parts.iter().any(|(name, _, _)| ends_with_words(name))
    }

    /// Where a word of `past_before` starts when `before` ends with one:
    /// "el pasado abril" is the last April before the reference.
    fn past_word_before(&self, before: &str) -> Option<usize> {
        let trimmed = before.trim_end();
        let word = last_word(trimmed);
        let word_key = key(word).into_owned();
        (!word.is_empty() && self.past_before.contains(&word_key)).then(|| trimmed.len() - word.len())
    }

    fn month_number(&self, word: &str) -> Option<u32> {
        let w = key(word);
        let w = w.trim_end_matches('.');
        self.months.iter().find(|(name, _)| name == w).map(|(_, m)| *m)
    }

    /// The reference as (year, month, day), its unknown parts at their latest.
    fn reference(ctx: &DateContext) -> Option<(i32, u32, u32)> {
        let r = ctx.reference?;
        let month = r.month.unwrap_or(12);
        Some((r.year, month, r.day.unwrap_or(days_in_month(r.year, month))))
    }

    /// The year of the latest (month, day) not after the reference; None without one.
    fn latest_year(ctx: &DateContext, month: u32, day: u32, strictly_before_month: bool) -> Option<i32> {
        let (ry, rm, rd) = Self::reference(ctx)?;
        let after = if strictly_before_month { month >= rm } else { (month, day) > (rm, rd) };
        Some(if after { ry - 1 } else { ry })
    }

    /// The year of a day named without one: the latest not after the
    /// reference, or the next when it comes within [`SOON_DAYS`] (a day
    /// weeks ahead is one announced, a day months ago one recalled).
    fn day_year(ctx: &DateContext, month: u32, day: u32) -> Option<i32> {
        let (ry, rm, rd) = Self::reference(ctx)?;
        let past = Self::latest_year(ctx, month, day, false)?;
        let reference = days_from_civil(i64::from(ry), rm, rd);
        let next = past + 1;
        let ahead = days_from_civil(i64::from(next), month, day.min(days_in_month(next, month))) - reference;
        Some(if (1..=SOON_DAYS).contains(&ahead) { next } else { past })
    }

    fn season_range(&self, name: &str, year: Option<i32>) -> Option<(Day, Day)> {
        let (_, (sm, sd), (em, ed)) = self.seasons.iter().find(|(n, _, _)| *n == key(name))?;
        let end_year = if (em, ed) < (sm, sd) { year.map(|y| y + 1) } else { year };
        Some(((year, *sm, *sd), (end_year, *em, *ed)))
    }

    /// Every date in `text`, in order, resolved against `ctx`.
    pub fn dates(&self, text: &str, ctx: &mut DateContext) -> Vec<Value> {
        if !self.may_hold.is_match(text) {
            return Vec::new();
        }
        // One pass tells which patterns can match; the others do not run.
        let which = self.which.matches(text);
        if !which.matched_any() {
            return Vec::new();
        }
        let mut found: Vec<Found> = Vec::new();
        for (index, (pattern, reader)) in self.patterns().zip(READERS).enumerate() {
            if !which.matched(index) {
                continue;
            }
            match reader {
                Reader::Groups(read) => {
                    found.extend(pattern.captures_iter(text).filter_map(|c| read(self, text, &c, ctx)))
                }
                Reader::Words(read) => found.extend(
                    pattern.find_iter(text).filter_map(|m| read(self, text, Span::new(m.start(), m.end()), ctx)),
                ),
            }
        }
        longest_readings(found).into_iter().map(|f| f.into_value(text, ctx)).collect()
    }

    /// `2024-03-15`.
    fn read_iso(&self, text: &str, c: &Captures, _: &DateContext) -> Option<Found> {
        let m = whole(c);
        let (Some(y), Ok(mo), Ok(d)) = (year_of(&c[1]), c[2].parse::<u32>(), c[3].parse::<u32>()) else { return None };
        (at_edge(text, m) && (1..=12).contains(&mo) && d >= 1 && d <= days_in_month(y, mo))
            .then(|| Found::day(m, (Some(y), mo, d), Some(y)))
    }

    /// `15/03/2024` or `03/15/2024`, as the language orders them; a month
    /// over 12 is read as the day.
    fn read_numeric(&self, text: &str, c: &Captures, _: &DateContext) -> Option<Found> {
        let m = whole(c);
        let (Ok(a), Ok(b), Some(y)) = (c[1].parse::<u32>(), c[2].parse::<u32>(), year_of(&c[3])) else { return None };
        let (mut d, mut mo) = if self.day_first { (a, b) } else { (b, a) };
        if !(1..=12).contains(&mo) {
            std::mem::swap(&mut d, &mut mo);
        }
        (at_edge(text, m) && (1..=12).contains(&mo) && d >= 1 && d <= days_in_month(y, mo))
            .then(|| Found::day(m, (Some(y), mo, d), Some(y)))
    }

    /// "15 mars 2024", "1er mars".
    fn read_day_month(&self, text: &str, c: &Captures, ctx: &DateContext) -> Option<Found> {
        self.read_day_and_month(text, c, ctx, true)
    }

    /// "March 15, 2024".
    fn read_month_day(&self, text: &str, c: &Captures, ctx: &DateContext) -> Option<Found> {
        self.read_day_and_month(text, c, ctx, false)
    }

    /// A day and a month named, the year stated or the latest before the reference.
    fn read_day_and_month(&self, text: &str, c: &Captures, ctx: &DateContext, day_first: bool) -> Option<Found> {
        let m = whole(c);
        if !at_edge(text, m) {
            return None;
        }
        let (day_text, month_text) = if day_first { (&c[1], &c[2]) } else { (&c[2], &c[1]) };
        let day = if self.ordinal_first.contains(&key(day_text).into_owned()) {
            Some(1)
        } else {
            day_text.parse::<u32>().ok()
        };
        let (Some(d), Some(mo)) = (day, self.month_number(month_text)) else { return None };
        let explicit = c.get(3).and_then(|y| year_of(y.as_str()));
        let year = explicit.or_else(|| Self::day_year(ctx, mo, d));
        if d == 0 || d > last_day(year, mo) {
            return None;
        }
        Some(Found::day(m, (year, mo, d), explicit))
    }

    /// "mars 2024".
    fn read_month_year(&self, text: &str, c: &Captures, _: &DateContext) -> Option<Found> {
        let m = whole(c);
        let (Some(mo), Some(y)) = (self.month_number(&c[1]), year_of(&c[2])) else { return None };
        at_edge(text, m).then(|| Found {
            span: m,
            start: (Some(y), mo, 1),
            end: (Some(y), mo, days_in_month(y, mo)),
            granularity: Granularity::Month,
            explicit_year: Some(y),
        })
    }

    /// A part of a month: "fin avril", "mid-July 2023", "finales de abril";
    /// its year stated or, as a bare month's, the latest not after the
    /// reference. "late April 30" is a day, not a part of a month.
    fn read_month_part(&self, text: &str, c: &Captures, ctx: &DateContext) -> Option<Found> {
        let m = whole(c);
        let (Some(part), Some(month)) = (c.get(1), c.get(2)) else { return None };
        let explicit = c.get(3).and_then(|y| year_of(y.as_str()));
        if !at_edge(text, m) || explicit.is_none() && day_follows(&text[m.end..]) {
            return None;
        }
        let (_, first, last) = self.month_parts.iter().find(|(n, _, _)| *n == part_key(part.as_str()))?;
        let mo = self.month_number(month.as_str())?;
        // The period of "late Feb." may end the sentence: the words are the month's.
        let mut end = if explicit.is_none() && text[..m.end].ends_with('.') { m.end - 1 } else { m.end };
        let past_end = if explicit.is_none() { self.past_after(text, end) } else { None };
        let year = explicit.or_else(|| Self::latest_year(ctx, mo, 1, past_end.is_some()));
        if !self.reads_as_month(text, Span::new(month.start(), month.end()), true, year) {
            return None;
        }
        end = past_end.unwrap_or(end);
        Some(Found {
            span: Span::new(m.start, end),
            start: (year, mo, *first),
            end: (year, mo, (*last).min(last_day(year, mo))),
            granularity: Granularity::PartOfMonth,
            explicit_year: explicit,
        })
    }

    /// Where a `past` word right after `end` ends ("fin avril dernier"),
    /// unless it opens a relative year ("late April last year").
    fn past_after(&self, text: &str, end: usize) -> Option<usize> {
        let rest = &text[end..];
        let trimmed = rest.trim_start();
        let lower = key(&trimmed.chars().take(40).collect::<String>()).into_owned();
        let relative = self.last_year.iter().chain(&self.same_year).chain(&self.this_year);
        if relative.clone().any(|r| lower.starts_with(r.as_str())) {
            return None;
        }
        let word = self
            .past
            .iter()
            .find(|p| lower.starts_with(p.as_str()) && !lower[p.len()..].starts_with(char::is_alphanumeric))?;
        let at = end + rest.len() - trimmed.len();
        Some(at + trimmed.char_indices().nth(word.chars().count()).map_or(trimmed.len(), |(i, _)| i))
    }

    /// A part of a year and the year: "début 2024".
    fn read_part(&self, text: &str, c: &Captures, _: &DateContext) -> Option<Found> {
        let m = whole(c);
        let y = year_of(&c[2])?;
        let name = key(&c[1]).into_owned();
        let (_, s, e) = self.parts.iter().find(|(n, _, _)| *n == name)?;
        let before_ok = text[..m.start].chars().next_back().is_none_or(|ch| !ch.is_alphanumeric());
        (before_ok && !text[m.end..].chars().next().is_some_and(char::is_alphanumeric)).then_some(Found {
            span: m,
            start: (Some(y), s.0, s.1),
            end: (Some(y), e.0, e.1),
            granularity: Granularity::PartOfYear,
            explicit_year: Some(y),
        })
    }

    /// A season, with its year or after a lead word.
    fn read_season(&self, text: &str, c: &Captures, ctx: &DateContext) -> Option<Found> {
        let m = whole(c);
        if !at_edge(text, m) {
            return None;
        }
        let explicit = c.get(2).and_then(|y| year_of(y.as_str()));
        // A bare season is a word as often as a season ("il a été", "prices
        // fall"): only with a year, or a lead or part-of-year word before it.
        if explicit.is_none() && !self.lead_before(&text[..m.start], true) {
            return None;
        }
        let name = key(&c[1]).into_owned();
        let year = explicit.or_else(|| {
            let (_, (sm, sd), _) = self.seasons.iter().find(|(n, _, _)| *n == name)?;
            Self::latest_year(ctx, *sm, *sd, false)
        });
        let (start, end) = self.season_range(&name, year)?;
        Some(Found { span: m, start, end, granularity: Granularity::Season, explicit_year: explicit })
    }

    /// "la même année", "last year": a year from the context.
    fn read_relative(&self, text: &str, m: Span, ctx: &DateContext) -> Option<Found> {
        if !at_edge(text, m) {
            return None;
        }
        let phrase = key(&text[m.start..m.end]).into_owned();
        let year = if self.same_year.contains(&phrase) {
            ctx.last_year
        } else if self.last_year.contains(&phrase) {
            ctx.reference.map(|r| r.year - 1)
        } else if self.this_year.contains(&phrase) {
            ctx.reference.map(|r| r.year)
        } else {
            None
        }?;
        Some(Found::year(m, year, None))
    }

    /// A month alone, its year from the words around it or the reference.
    fn read_month_alone(&self, text: &str, m: Span, ctx: &DateContext) -> Option<Found> {
        let word = &text[m.start..m.end];
        if !at_edge(text, m) {
            return None;
        }
        let mo = self.month_number(word)?;
        let mut end = m.end;
        let rest = text[end..].trim_start();
        let rest_at = text.len() - rest.len();
        let lower_rest: String = key(&rest.chars().take(40).collect::<String>()).into_owned();
        let past = self
            .past
            .iter()
            .find(|p| lower_rest.starts_with(p.as_str()) && !lower_rest[p.len()..].starts_with(char::is_alphanumeric));
        let same = self.same_year.iter().filter(|p| lower_rest.starts_with(p.as_str())).max_by_key(|p| p.len());
        let past_start = self.past_word_before(&text[..m.start]);
        let year = if let Some(p) = same {
            end = rest_at + rest.char_indices().nth(p.chars().count()).map_or(rest.len(), |(i, _)| i);
            ctx.last_year
        } else if let Some(p) = past {
            end = rest_at + rest.char_indices().nth(p.chars().count()).map_or(rest.len(), |(i, _)| i);
            Self::latest_year(ctx, mo, 1, true)
        } else if past_start.is_some() {
            Self::latest_year(ctx, mo, 1, true)
        } else {
            Self::latest_year(ctx, mo, 1, false)
        };
        let lead_before = past_start.is_some() || self.lead_before(&text[..m.start], false);
        if !self.reads_as_month(text, m, lead_before, year) {
            return None;
        }
        Some(Found {
            span: Span::new(past_start.unwrap_or(m.start), end),
            start: (year, mo, 1),
            end: (year, mo, last_day(year, mo)),
            granularity: Granularity::Month,
            explicit_year: None,
        })
    }

    /// Whether a month name alone is a month rather than a word ("mai",
    /// "may"): short names need a lead word, and it must be written as the
    /// language writes months.
    fn reads_as_month(&self, text: &str, m: Span, lead_before: bool, year: Option<i32>) -> bool {
        let word = &text[m.start..m.end];
        // A bare "mai" or "may" is a word as often as a month: only with a year known or a lead word.
        if word.len() <= 3 && !lead_before {
            return false;
        }
        // Written as the language does not write a month, and not at the
        // start of the text, where any word is capitalized.
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let at_start = !text[..m.start].chars().any(char::is_alphanumeric);
        let wrong_case = match self.month_case {
            MonthCase::Lower => capital && !at_start,
            MonthCase::Capital => !capital,
            MonthCase::Any => false,
        };
        if wrong_case && (self.month_case == MonthCase::Capital || !lead_before) {
            return false;
        }
        !(!lead_before && year.is_none() && capital && self.months.iter().any(|(n, _)| n == "may"))
    }

    /// A year alone, unless a noun follows it ("2024 candidats").
    fn read_year(&self, text: &str, m: Span, _: &DateContext) -> Option<Found> {
        let (s, e) = (m.start, m.end);
        if !at_edge(text, m) || text[..s].ends_with(',') || text[..s].ends_with('.') {
            return None;
        }
        let y = year_of(&text[s..e])?;
        if !(1800..=2100).contains(&y) {
            return None;
        }
        let prev = key(last_word(&text[..s])).into_owned();
        let context = self.year_context.contains(&prev) || prev.ends_with("l'an") || prev.ends_with('-');
        let rest = text[e..].trim_start_matches([' ', '\u{a0}']);
        let next: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        let noun_follows = next.chars().next().is_some_and(char::is_lowercase)
            && next.chars().count() > 3
            && !self.year_context.contains(&key(&next).into_owned());
        (context || !noun_follows).then(|| Found::year(m, y, Some(y)))
    }
}

/// How a match of one date pattern reads as a date.
#[derive(Clone, Copy)]
enum Reader {
    /// From the pattern's groups.
    Groups(fn(&DateLang, &str, &Captures, &DateContext) -> Option<Found>),
    /// From the matched words alone, which needs no groups (a faster search).
    Words(fn(&DateLang, &str, Span, &DateContext) -> Option<Found>),
}

/// The reader of each pattern, in the order of [`DateLang::patterns`].
const READERS: [Reader; 11] = [
    Reader::Groups(DateLang::read_iso),
    Reader::Groups(DateLang::read_numeric),
    Reader::Groups(DateLang::read_day_month),
    Reader::Groups(DateLang::read_month_day),
    Reader::Groups(DateLang::read_month_part),
    Reader::Groups(DateLang::read_month_year),
    Reader::Groups(DateLang::read_part),
    Reader::Groups(DateLang::read_season),
    Reader::Words(DateLang::read_relative),
    Reader::Words(DateLang::read_month_alone),
    Reader::Words(DateLang::read_year),
];

/// A part of a month's name as a key, its spaces single: "end of".
fn part_key(name: &str) -> String {
    key(name.trim()).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `rest` opens with a day's number ("April 30, 2024", "April
/// 30."), not with a count of something ("avril 12 morts").
fn day_follows(rest: &str) -> bool {
    let after_space = rest.trim_start_matches([' ', '\u{a0}']);
    if after_space.len() == rest.len() {
        return false;
    }
    let digits = after_space.chars().take_while(char::is_ascii_digit).count();
    let after = &after_space[digits..];
    let next_word = after.trim_start_matches([' ', '\u{a0}']);
    let noun = next_word.len() < after.len() && next_word.starts_with(char::is_lowercase);
    (1..=2).contains(&digits) && !after.starts_with(char::is_alphanumeric) && !noun
}

/// The span of a whole match.
fn whole(c: &Captures) -> Span {
    c.get(0).map_or(Span::default(), |m| Span::new(m.start(), m.end()))
}

fn year_of(s: &str) -> Option<i32> {
    s.parse::<i32>().ok()
}

/// Whether a date at `m` stands alone: no letter or digit runs into it, nor
/// a `-` or `/` before it (part of a range or a number), nor a `.` after text.
fn at_edge(text: &str, m: Span) -> bool {
    let (s, e) = (m.start, m.end);
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '/' || c == '.' && s >= 2)
        && !after.is_some_and(|c| c.is_alphanumeric())
}

/// Where readings overlap, the longest wins (the first of equal ones).
fn longest_readings(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.len().cmp(&a.span.len())));
    let mut kept: Vec<Found> = Vec::new();
    for f in found {
        if let Some(last) = kept.last_mut()
            && f.span.start < last.span.end
        {
            if f.span.len() > last.span.len() {
                *last = f;
            }
            continue;
        }
        kept.push(f);
    }
    kept
}

impl Found {
    /// One day.
    fn day(span: Span, day: Day, explicit_year: Option<i32>) -> Found {
        Found { span, start: day, end: day, granularity: Granularity::Day, explicit_year }
    }

    /// A whole year.
    fn year(span: Span, year: i32, explicit_year: Option<i32>) -> Found {
        Found {
            span,
            start: (Some(year), 1, 1),
            end: (Some(year), 12, 31),
            granularity: Granularity::Year,
            explicit_year,
        }
    }

    /// The date as a value; a year stated in full becomes the context's last year.
    fn into_value(self, text: &str, ctx: &mut DateContext) -> Value {
        if let Some(y) = self.explicit_year {
            ctx.last_year = Some(y);
        }
        Value::date(&text[self.span.start..self.span.end], iso(self.start), iso(self.end), self.granularity, self.span)
    }
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month, day) of days since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The latest year a text names, 1900 to 2100: the year an undated
/// document is at least of.
pub fn latest_year_named(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    let mut latest = None;
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run == 0 {
            i += 1;
            continue;
        }
        let alone = |b: Option<&u8>| !b.is_some_and(|b| b.is_ascii_alphanumeric());
        if run == 4 && alone(i.checked_sub(1).and_then(|j| bytes.get(j))) && alone(bytes.get(i + 4)) {
            let year: i32 = text[i..i + 4].parse().unwrap_or(0);
            if (1900..=2100).contains(&year) {
                latest = latest.max(Some(year));
            }
        }
        i += run;
    }
    latest
}
