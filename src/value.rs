//! The normalized value: what a wording allows, as an interval.
//!
//! `find_values` scans a text for amounts of money, counts, percents and
//! dates, using one language's words (`rules/lang/<code>.toml`), and returns
//! each with its interval, hedge and byte span. It does not decide what a value
//! is about: that is the claim stage's job.

use serde::{Deserialize, Serialize};

use crate::date::{DateContext, RawDates};
use crate::lexicon::{RuleError, RuleFile};
use crate::number::RawNumbers;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    Amount,
    Count,
    Percent,
    Date,
}

/// How a hedge word shapes the interval around the stated figure X.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// [X(1−t), X]
    Nearly,
    /// [X(1−t), X(1+t)]
    About,
    /// (X, ∞)
    Over,
    /// [X, ∞)
    AtLeast,
    /// [0, X)
    Under,
    /// [0, X]
    AtMost,
    /// [X, Y]
    Range,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Day,
    Month,
    Season,
    PartOfYear,
    Year,
}

/// One value found in a text. Shaped like a claim's `value` in CONTRACT.md.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Value {
    #[serde(rename = "type")]
    pub kind: ValueKind,
    /// The exact words, hedge included: "près de 100 milliards de dollars".
    pub text: String,
    /// Interval bounds; `None` is unbounded. Dates leave them `None` and use `start`/`end`.
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The figure as stated.
    pub point: Option<f64>,
    /// ISO 4217 for money; `None` for counts, percents and dates.
    pub unit: Option<String>,
    pub hedge: Option<Hedge>,
    /// `true` when `low` itself is excluded ("more than X").
    #[serde(default, skip_serializing_if = "is_false")]
    pub low_open: bool,
    /// `true` when `high` itself is excluded ("less than X").
    #[serde(default, skip_serializing_if = "is_false")]
    pub high_open: bool,
    /// First day, `YYYY-MM-DD`, or `--MM-DD` when the year is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// Last day, same format as `start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granularity: Option<Granularity>,
    /// Byte span of `text` in the scanned text.
    pub span: Span,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One language's value words, compiled.
#[derive(Debug)]
pub struct ValueLang {
    pub numbers: crate::number::NumberLang,
    pub dates: crate::date::DateLang,
}

impl ValueLang {
    pub fn compile(numbers: &RawNumbers, dates: &RawDates, file: &RuleFile) -> Result<ValueLang, RuleError> {
        Ok(ValueLang {
            numbers: crate::number::NumberLang::compile(numbers, file)?,
            dates: crate::date::DateLang::compile(dates, file)?,
        })
    }
}

/// Every value in `text`, in order of position, spans relative to `text`.
/// `ctx` carries the reference date and the year last mentioned across calls.
pub fn find_values(text: &str, lang: &ValueLang, ctx: &mut DateContext) -> Vec<Value> {
    let mut values = find_dates(text, lang, ctx);
    let taken: Vec<Span> = values.iter().map(|v| v.span).collect();
    values.extend(lang.numbers.values(text, &taken));
    values.sort_by_key(|v| v.span);
    values
}

/// The dates of [`find_values`] alone, in the same order: what a sentence
/// that names no event passes on to the next ones.
pub fn find_dates(text: &str, lang: &ValueLang, ctx: &mut DateContext) -> Vec<Value> {
    let mut values = lang.dates.dates(text, ctx);
    values.sort_by_key(|v| v.span);
    values
}

/// A `[[test]]` of a language file, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawValueTest {}

/// A checked `[[test]]` of a language file.
#[derive(Debug, Clone)]
pub struct ValueTest {}

impl ValueTest {
    pub fn compile(raw: RawValueTest, file: &RuleFile) -> Result<ValueTest, RuleError> {
        let _ = (raw, file);
        Ok(ValueTest {})
    }

    pub fn name(&self) -> String {
        String::new()
    }

    pub fn run(&self, lang: &ValueLang) -> Result<(), String> {
        let _ = lang;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{ValueKind, find_dates, find_values};
    use crate::date::DateContext;
    use crate::lexicon::Rules;

    #[test]
    fn dates_alone_are_the_dates_of_all_values_in_order() {
        let rules = Rules::load(None).unwrap();
        let sentences = [
            "Le 10 février 2025, il a offert 97,4 milliards de dollars, près de 100 milliards.",
            "Il a quitté le conseil en 2018, un an plus tard, le 3 mars, puis la même année.",
            "On 14 March 2024 and in 2019, 1,200 people left; that year 15% more.",
            "No date here, only 42 and forty-two.",
        ];
        let mut found = 0;
        for lang in rules.langs.values() {
            let (mut all_ctx, mut dates_ctx) = (DateContext::default(), DateContext::default());
            for text in sentences {
                let all = find_values(text, &lang.values, &mut all_ctx);
                let dates = find_dates(text, &lang.values, &mut dates_ctx);
                let expected: Vec<_> = all.into_iter().filter(|v| v.kind == ValueKind::Date).collect();
                assert_eq!(dates, expected, "{text}");
                assert_eq!(dates_ctx.last_year, all_ctx.last_year, "{text}");
                found += dates.len();
            }
        }
        assert!(found >= 4, "the sentences hold dates: {found}");
    }

    /// "été" is also the past participle of "être", and "fall" a verb: a
    /// season word is a date with a year, or after a lead or part-of-year word.
    #[test]
    fn a_bare_season_word_is_a_date_only_after_a_lead_word_or_with_a_year() {
        let rules = Rules::load(None).unwrap();
        let cases = [
            ("fr", "Elon Musk a été évincé du conseil.", None),
            ("fr", "L'offre a été rejetée, a été clair Musk.", None),
            ("fr", "L'été dernier, il est parti.", Some("été")),
            ("fr", "Il partira cet hiver.", Some("hiver")),
            ("fr", "Il est parti en plein été.", Some("été")),
            ("fr", "Une plainte lancée été 2024.", Some("été 2024")),
            ("en", "Shares fall 5% on the news.", None),
            ("en", "Summer Zervos sued.", None),
            ("en", "In the fall, he left.", Some("fall")),
            ("en", "He left in early summer.", Some("summer")),
        ];
        for (lang, text, expected) in cases {
            let mut ctx = DateContext::default();
            let dates = find_dates(text, &rules.langs[lang].values, &mut ctx);
            let texts: Vec<&str> = dates.iter().map(|d| d.text.as_str()).collect();
            assert_eq!(texts, expected.into_iter().collect::<Vec<_>>(), "{text}");
        }
    }

    #[test]
    fn a_bare_month_written_as_the_language_does_not_write_months_is_a_word() {
        let rules = Rules::load(None).unwrap();
        let cases = [
            ("fr", "SpaceX veut envoyer des humains sur Mars.", None),
            ("fr", "Mars a été un mois difficile.", Some("Mars")),
            ("fr", "Il est parti en mars.", Some("mars")),
            ("fr", "Il est parti en Mars.", Some("Mars")),
            ("fr", "Il est parti le 3 Mars 2024.", Some("3 Mars 2024")),
            ("en", "Thousands march on the capital.", None),
            ("en", "The march drew thousands.", None),
            ("en", "He left in March.", Some("March")),
            ("en", "He left in march 2024.", Some("march 2024")),
        ];
        for (lang, text, expected) in cases {
            let mut ctx = DateContext::default();
            let dates = find_dates(text, &rules.langs[lang].values, &mut ctx);
            let texts: Vec<&str> = dates.iter().map(|d| d.text.as_str()).collect();
            assert_eq!(texts, expected.into_iter().collect::<Vec<_>>(), "{text}");
        }
    }
}
