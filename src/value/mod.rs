//! The normalized value: what a wording allows, as an interval.
//!
//! `find_values` scans a text for amounts of money, counts, percents and
//! dates, using one language's words (`rules/lang/<code>.toml`), and returns
//! each with its interval, hedge and byte span. It does not decide what a value
//! is about: that is the claim stage's job.

use serde::{Deserialize, Serialize};

use crate::rules::{RuleError, RuleFile};
use crate::text::span::Span;
use date::{DateContext, PartialDate, RawDates};
use number::RawNumbers;

pub mod date;
pub mod days;
pub mod number;

/// What a claim states about its frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    /// An amount of money.
    Amount,
    /// A number of people or things.
    Count,
    /// A percent.
    Share,
    /// When it happened.
    Time,
    /// That it happened, or did not.
    Occurrence,
}

impl Attribute {
    /// The attribute's name, as serde writes it.
    pub fn as_str(&self) -> &'static str {
        crate::rules::names::name::<Attribute>(*self as usize)
    }
}

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
    /// Days 1–10, 11–20 or 21 to the end of a month: "début juillet", "mid-July".
    PartOfMonth,
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

impl Value {
    /// A date from `start` to `end` (`YYYY-MM-DD`, or `--MM-DD` with no year).
    pub fn date(text: &str, start: String, end: String, granularity: Granularity, span: Span) -> Value {
        Value {
            kind: ValueKind::Date,
            text: text.to_string(),
            low: None,
            high: None,
            point: None,
            unit: None,
            hedge: None,
            low_open: false,
            high_open: false,
            start: Some(start),
            end: Some(end),
            granularity: Some(granularity),
            span,
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One language's value words, compiled.
#[derive(Debug)]
pub struct ValueLang {
    pub numbers: number::NumberLang,
    pub dates: date::DateLang,
    pub days: days::DayWords,
}

impl ValueLang {
    pub fn compile(
        numbers: &RawNumbers,
        dates: &RawDates,
        days: &days::RawDays,
        file: &RuleFile,
    ) -> Result<ValueLang, RuleError> {
        Ok(ValueLang {
            numbers: number::NumberLang::compile(numbers, file)?,
            dates: date::DateLang::compile(dates, file)?,
            days: days::DayWords::compile(days, file)?,
        })
    }
}

/// Every value in `text`, in order of position, spans relative to `text`.
/// `ctx` carries the reference date and the year last mentioned across calls.
pub fn find_values(text: &str, lang: &ValueLang, ctx: &mut DateContext) -> Vec<Value> {
    find_values_and_bare(text, lang, ctx, None)
}

/// [`find_values`], and when `bare` is given, the bare numbers that are no
/// value on their own ("rose to 2,445"), as counts, in order of position.
pub fn find_values_and_bare(
    text: &str,
    lang: &ValueLang,
    ctx: &mut DateContext,
    bare: Option<&mut Vec<Value>>,
) -> Vec<Value> {
    let mut values = find_dates(text, lang, ctx);
    let taken: Vec<Span> = values.iter().map(|v| v.span).collect();
    values.extend(lang.numbers.values_and_bare(text, &taken, bare));
    values.sort_by_key(|v| v.span);
    values
}

/// The dates of [`find_values`] alone, in the same order: what a sentence
/// that names no event passes on to the next ones.
pub fn find_dates(text: &str, lang: &ValueLang, ctx: &mut DateContext) -> Vec<Value> {
    let mut values = lang.dates.dates(text, ctx);
    lang.days.weekday_before(text, &mut values);
    let days = lang.days.days(text, ctx, &values);
    values.extend(days);
    lang.days.put_ahead(text, ctx, &mut values);
    values.sort_by_key(|v| v.span);
    values
}

/// A `[[test]]` of a language file, as written: a phrase and how it reads.
///
/// ```toml
/// [[test]]
/// text = "près de 100 milliards de dollars"
/// expect = { type = "amount", low = 90e9, high = 100e9, unit = "USD", hedge = "nearly" }
/// ```
///
/// `expect` is compared with the first value of its `type`, field by field,
/// for the fields it gives; `none = true` says the phrase holds no value.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawValueTest {
    pub text: toml::Spanned<String>,
    /// The reference date for relative dates, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<toml::Spanned<String>>,
    #[serde(default)]
    pub expect: Option<toml::Spanned<RawExpect>>,
    #[serde(default)]
    pub none: bool,
}

/// What a `[[test]]` expects of a value; absent fields are not compared.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExpect {
    #[serde(rename = "type")]
    pub kind: ValueKind,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub low: Option<Bound>,
    #[serde(default)]
    pub high: Option<Bound>,
    #[serde(default)]
    pub unit: Option<String>,
    /// A hedge, or `"none"` for a figure stated flat.
    #[serde(default)]
    pub hedge: Option<String>,
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub granularity: Option<Granularity>,
}

/// An interval bound in a test: a number, or `"unbounded"`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Bound {
    Finite(f64),
    Named(Unbounded),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unbounded {
    Unbounded,
}

impl Bound {
    fn matches(self, got: Option<f64>) -> bool {
        match (self, got) {
            (Bound::Named(Unbounded::Unbounded), None) => true,
            (Bound::Finite(want), Some(got)) => {
                (want - got).abs() <= 1e-6 * want.abs().max(got.abs()) || (want == 0.0 && got.abs() < 1e-9)
            }
            _ => false,
        }
    }
}

/// A checked `[[test]]` of a language file.
#[derive(Debug, Clone)]
pub struct ValueTest {
    text: String,
    reference: Option<PartialDate>,
    /// `None`: the phrase holds no value.
    expect: Option<RawExpect>,
    /// The expected hedge, parsed: `Some(None)` for a figure stated flat.
    hedge: Option<Option<Hedge>>,
}

impl ValueTest {
    pub fn compile(raw: RawValueTest, file: &RuleFile) -> Result<ValueTest, RuleError> {
        let reference = match &raw.date {
            Some(date) => Some(PartialDate::parse(date.get_ref()).map_err(|e| file.error_in(date, e))?),
            None => None,
        };
        let (expect, hedge) = match (raw.expect, raw.none) {
            (Some(expect), false) => {
                let hedge = match expect.get_ref().hedge.as_deref() {
                    None => None,
                    Some("none") => Some(None),
                    Some(name) => match toml::Value::String(name.to_string()).try_into::<Hedge>() {
                        Ok(hedge) => Some(Some(hedge)),
                        Err(_) => return Err(file.error_in(&expect, format!("unknown hedge {name:?}"))),
                    },
                };
                (Some(expect.into_inner()), hedge)
            }
            (None, true) => (None, None),
            (Some(expect), true) => {
                return Err(file.error_in(&expect, "a test gives `expect` or `none = true`, not both"));
            }
            (None, false) => return Err(file.error_in(&raw.text, "a test needs `expect` or `none = true`")),
        };
        Ok(ValueTest { text: raw.text.into_inner(), reference, expect, hedge })
    }

    pub fn name(&self) -> String {
        self.text.clone()
    }

    /// `Ok` when the phrase reads as expected, else what differs.
    pub fn run(&self, lang: &ValueLang) -> Result<(), String> {
        let mut ctx = DateContext { reference: self.reference, last_year: None };
        let found = find_values(&self.text, lang, &mut ctx);
        let Some(expect) = &self.expect else {
            return match found.first() {
                None => Ok(()),
                Some(v) => Err(format!("expected no value, read {:?} as {}", v.text, name_of(v.kind))),
            };
        };
        let Some(value) = found.iter().find(|v| v.kind == expect.kind) else {
            return Err(format!("expected {}, found none", name_of(expect.kind)));
        };
        let mut wrong = Vec::new();
        let mut check = |field: &str, ok: bool, want: String, got: String| {
            if !ok {
                wrong.push(format!("{field} {want}, read {got}"));
            }
        };
        let show = |b: Option<f64>| b.map_or("unbounded".to_string(), |b| b.to_string());
        let show_bound = |b: Bound| match b {
            Bound::Finite(x) => x.to_string(),
            Bound::Named(_) => "unbounded".to_string(),
        };
        if let Some(text) = &expect.text {
            check("text", *text == value.text, format!("{text:?}"), format!("{:?}", value.text));
        }
        if let Some(low) = expect.low {
            check("low", low.matches(value.low), show_bound(low), show(value.low));
        }
        if let Some(high) = expect.high {
            check("high", high.matches(value.high), show_bound(high), show(value.high));
        }
        if let Some(unit) = &expect.unit {
            check("unit", Some(unit) == value.unit.as_ref(), unit.clone(), format!("{:?}", value.unit));
        }
        if let Some(hedge) = self.hedge {
            let show = |h: Option<Hedge>| h.map_or("none".to_string(), name_of);
            check("hedge", hedge == value.hedge, show(hedge), show(value.hedge));
        }
        let date_field = |field: &str, want: &Option<String>, got: &Option<String>, wrong: &mut Vec<String>| {
            if let Some(want) = want
                && Some(want) != got.as_ref()
            {
                wrong.push(format!("{field} {want}, read {}", got.as_deref().unwrap_or("none")));
            }
        };
        date_field("start", &expect.start, &value.start, &mut wrong);
        date_field("end", &expect.end, &value.end, &mut wrong);
        if let Some(granularity) = expect.granularity
            && Some(granularity) != value.granularity
        {
            wrong.push(format!("granularity {granularity:?}, read {:?}", value.granularity));
        }
        if wrong.is_empty() { Ok(()) } else { Err(format!("{:?}: expected {}", value.text, wrong.join("; "))) }
    }
}

/// The name a kind or a hedge has in the rule files and the report: "amount", "at_least".
fn name_of(variant: impl Serialize) -> String {
    serde_json::to_value(variant).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::{RawValueTest, ValueKind, ValueTest, find_dates, find_values};
    use crate::lang::Rules;
    use crate::rules::RuleFile;
    use crate::value::date::DateContext;

    /// The one `[[test]]` of a small language file, compiled or its error.
    fn value_test(toml: &str) -> Result<ValueTest, String> {
        let file = RuleFile { name: "lang/xx.toml".into(), origin: "lang/xx.toml".into(), text: toml.into() };
        #[derive(serde::Deserialize)]
        struct Tests {
            test: Vec<RawValueTest>,
        }
        let raw: Tests = file.parse().map_err(|e| e.to_string())?;
        let raw = raw.test.into_iter().next().expect("one test");
        ValueTest::compile(raw, &file).map_err(|e| e.to_string())
    }

    #[test]
    fn a_language_test_fails_on_each_field_that_reads_otherwise() {
        let rules = Rules::load(None).unwrap();
        let fr = &rules.langs["fr"].values;
        let right = value_test(
            "[[test]]\ntext = \"environ 3,5 millions d'euros\"\nexpect = { type = \"amount\", low = 3.15e6, high = 3.85e6, unit = \"EUR\", hedge = \"about\" }\n",
        )
        .unwrap();
        assert_eq!(right.run(fr), Ok(()));
        let wrong = value_test(
            "[[test]]\ntext = \"environ 3,5 millions d'euros\"\nexpect = { type = \"amount\", low = 3.5e6, unit = \"USD\", hedge = \"none\" }\n",
        )
        .unwrap();
        let message = wrong.run(fr).unwrap_err();
        for field in ["low 3500000", "unit USD", "hedge none, read about"] {
            assert!(message.contains(field), "{message}");
        }
        let none = value_test("[[test]]\ntext = \"plus de 2 000 morts\"\nnone = true\n").unwrap();
        assert!(none.run(fr).unwrap_err().contains("expected no value"));
        let other_type = value_test("[[test]]\ntext = \"12 %\"\nexpect = { type = \"count\" }\n").unwrap();
        assert_eq!(other_type.run(fr), Err("expected count, found none".into()));
    }

    #[test]
    fn a_language_test_without_expectation_or_with_a_bad_hedge_is_a_rule_error() {
        let missing = value_test("[[test]]\ntext = \"12 %\"\n").unwrap_err();
        assert_eq!(missing, "lang/xx.toml:2:8: a test needs `expect` or `none = true`");
        let hedge = value_test("[[test]]\ntext = \"12 %\"\nexpect = { type = \"percent\", hedge = \"roughly\" }\n")
            .unwrap_err();
        assert!(hedge.starts_with("lang/xx.toml:3:") && hedge.ends_with("unknown hedge \"roughly\""), "{hedge}");
        let date = value_test("[[test]]\ntext = \"hier\"\ndate = \"demain\"\nnone = true\n").unwrap_err();
        assert!(date.starts_with("lang/xx.toml:3:8:"), "{date}");
    }

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

    /// The words between a day, its month and its year are the language's
    /// `date_links`: with them the day is kept, not only the month.
    #[test]
    fn a_day_linked_to_its_month_keeps_its_day() {
        let rules = Rules::load(None).unwrap();
        let cases = [
            ("en", "On the 15th of March 2024, he left.", "15th of March 2024", "2024-03-15", "2024-03-15"),
            ("en", "He left in the spring of 2024.", "spring of 2024", "2024-03-20", "2024-06-20"),
            ("fr", "Il est parti le 3 avril 2024.", "3 avril 2024", "2024-04-03", "2024-04-03"),
        ];
        for (lang, text, wording, start, end) in cases {
            let dates = find_dates(text, &rules.langs[lang].values, &mut DateContext::default());
            let read: Vec<(&str, Option<&str>, Option<&str>)> =
                dates.iter().map(|d| (d.text.as_str(), d.start.as_deref(), d.end.as_deref())).collect();
            assert_eq!(read, [(wording, Some(start), Some(end))], "{text}");
        }
    }

    /// "last April" in an April article is the April a year before, as
    /// "avril dernier" is: a `past_before` word opens the month's wording.
    #[test]
    fn a_past_word_before_a_month_is_the_one_before_the_reference() {
        let rules = Rules::load(None).unwrap();
        let reference = crate::value::date::PartialDate::parse("2025-04-10").ok();
        for (text, wording, start) in
            [("He left last April.", "last April", "2024-04-01"), ("He left in April.", "April", "2025-04-01")]
        {
            let mut ctx = DateContext { reference, last_year: None };
            let dates = find_dates(text, &rules.langs["en"].values, &mut ctx);
            assert_eq!(dates.len(), 1, "{text}: {dates:?}");
            assert_eq!((dates[0].text.as_str(), dates[0].start.as_deref()), (wording, Some(start)), "{text}");
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

    /// "fin avril", "mid-July", "finales de abril": days 1–10, 11–20 or 21
    /// to the month's end, the year that of a bare month.
    #[test]
    fn a_part_of_a_month_is_a_third_of_it() {
        let rules = Rules::load(None).unwrap();
        let reference = crate::value::date::PartialDate::parse("2025-06-15").ok();
        let cases = [
            ("fr", "Il est parti fin avril.", "fin avril", "2025-04-21", "2025-04-30"),
            ("fr", "Il est revenu début juillet.", "début juillet", "2024-07-01", "2024-07-10"),
            ("fr", "Il est parti à la mi-mai.", "mi-mai", "2025-05-11", "2025-05-20"),
            ("fr", "Mi-juin, il est parti.", "Mi-juin", "2025-06-11", "2025-06-20"),
            ("fr", "Il est parti fin février 2024.", "fin février 2024", "2024-02-21", "2024-02-29"),
            ("fr", "Fin avril 12 morts étaient recensés.", "Fin avril", "2025-04-21", "2025-04-30"),
            ("en", "He left in late April.", "late April", "2025-04-21", "2025-04-30"),
            ("en", "He left in early May.", "early May", "2025-05-01", "2025-05-10"),
            ("en", "He left in mid-March.", "mid-March", "2025-03-11", "2025-03-20"),
            ("en", "He left at the end of April 2023.", "end of April 2023", "2023-04-21", "2023-04-30"),
            ("en", "He left late April 3, 2023.", "April 3, 2023", "2023-04-03", "2023-04-03"),
            ("es", "Se fue a finales de abril.", "finales de abril", "2025-04-21", "2025-04-30"),
            ("es", "Se fue a principios de junio.", "principios de junio", "2025-06-01", "2025-06-10"),
            ("es", "Se fue a mediados de mayo.", "mediados de mayo", "2025-05-11", "2025-05-20"),
            // A past word after the month: the one before the reference's month.
            ("fr", "Il est parti fin juin dernier.", "fin juin dernier", "2024-06-21", "2024-06-30"),
            ("es", "Se fue a finales de junio pasado.", "finales de junio pasado", "2024-06-21", "2024-06-30"),
        ];
        for (lang, text, wording, start, end) in cases {
            let mut ctx = DateContext { reference, last_year: None };
            let dates = find_dates(text, &rules.langs[lang].values, &mut ctx);
            let read: Vec<(&str, Option<&str>, Option<&str>)> =
                dates.iter().map(|d| (d.text.as_str(), d.start.as_deref(), d.end.as_deref())).collect();
            assert_eq!(read, [(wording, Some(start), Some(end))], "{text}");
        }
        // "last year" after it is a year of its own, not a past word.
        let mut ctx = DateContext { reference, last_year: None };
        let dates = find_dates("He left in late April last year.", &rules.langs["en"].values, &mut ctx);
        let texts: Vec<&str> = dates.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["late April", "last year"]);
        // Without a reference, the year stays unknown.
        let dates = find_dates("fin avril", &rules.langs["fr"].values, &mut DateContext::default());
        assert_eq!((dates[0].start.as_deref(), dates[0].end.as_deref()), (Some("--04-21"), Some("--04-30")));
        assert_eq!(dates[0].granularity, Some(super::Granularity::PartOfMonth));
    }

    /// A part of a month is coarser than a day and finer than a month.
    #[test]
    fn a_part_of_a_month_sits_between_a_day_and_a_month() {
        use super::Granularity::{Day, Month, PartOfMonth};
        assert!(Day < PartOfMonth && PartOfMonth < Month);
    }

    /// "vendredi 8 juillet 2022": the weekday belongs to the date's words;
    /// the date alone says which day it is, even when the weekday is wrong.
    #[test]
    fn a_weekday_before_a_dated_day_belongs_to_its_wording() {
        let rules = Rules::load(None).unwrap();
        let cases = [
            ("fr", "Il est parti vendredi 8 juillet 2022.", "vendredi 8 juillet 2022", "2022-07-08"),
            ("fr", "Il est parti le lundi 8 juillet 2022.", "lundi 8 juillet 2022", "2022-07-08"),
            ("en", "He left on Tuesday, Jan. 31, 2023.", "Tuesday, Jan. 31, 2023", "2023-01-31"),
            ("en", "He left on Friday 3 March 2023.", "Friday 3 March 2023", "2023-03-03"),
            ("es", "Se fue el martes 12 de julio de 2022.", "martes 12 de julio de 2022", "2022-07-12"),
            ("en", "He left in the Tuesday March 2023 vote.", "March 2023", "2023-03-01"),
        ];
        for (lang, text, wording, start) in cases {
            let dates = find_dates(text, &rules.langs[lang].values, &mut DateContext::default());
            let read: Vec<(&str, Option<&str>)> = dates.iter().map(|d| (d.text.as_str(), d.start.as_deref())).collect();
            assert_eq!(read, [(wording, Some(start))], "{text}");
            let span = dates[0].span;
            assert_eq!(&text[span.start..span.end], wording, "{text}");
        }
    }
}
