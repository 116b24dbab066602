//! Properties of the normalizer and the verdicts, on generated inputs.

use crosscheck::claim::{Claim, Polarity};
use crosscheck::frame::Attribute;
use crosscheck::text::span::{Location, Span};
use crosscheck::value::date::DateContext;
use crosscheck::value::{Value, ValueKind, find_values};
use crosscheck::{Rules, Verdict};
use proptest::prelude::*;

fn rules() -> &'static Rules {
    static RULES: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
    RULES.get_or_init(|| Rules::load(None).unwrap())
}

fn amount(low: f64, high: f64) -> Value {
    Value {
        kind: ValueKind::Amount,
        text: format!("{low}–{high}"),
        low: Some(low),
        high: Some(high),
        point: Some((low + high) / 2.0),
        unit: Some("USD".into()),
        hedge: None,
        low_open: false,
        high_open: false,
        start: None,
        end: None,
        granularity: None,
        span: Span::default(),
    }
}

fn claim(id: &str, value: Value) -> Claim {
    let roles = crosscheck::claim::Roles { agent: Some("A".to_string()), target: Some("B".to_string()) };
    Claim {
        id: id.into(),
        doc: id.into(),
        frame: "acquisition".into(),
        attribute: Attribute::Amount,
        attribute_name: "amount".into(),
        roles,
        polarity: Polarity::Affirmed,
        text: value.text.clone(),
        value: Some(Box::new(value)),
        quote: "".into(),
        span: Location { line: 1, column: 1, start: 0, end: 0 },
        trigger: String::new(),
        attributed_to: None,
        counter: false,
        event_time: None,
        reference_date: None,
        measure: None,
        scope: Default::default(),
        as_of: None,
        context: Default::default(),
        counted_by: None,
    }
}

fn verdict(a: &Claim, b: &Claim) -> Verdict {
    rules().verdicts.judge(a, b).expect("a rule always matches").verdict
}

/// Phrases built from pieces of news wording, digits and noise.
fn phrase() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "près de ",
        "environ ",
        "plus de ",
        "au moins ",
        "jusqu'à ",
        "entre ",
        " et ",
        "moins de ",
        "nearly ",
        "about ",
        "more than ",
        "up to ",
        "between ",
        " and ",
        "97",
        "97,4",
        "97.4",
        "1 644",
        "1,644",
        "100",
        " ",
        " milliards",
        " millions",
        " billion",
        " bn",
        " m",
        " de dollars",
        " d'euros",
        "$",
        "€",
        " %",
        " percent",
        "en ",
        "février ",
        "2018",
        "2025",
        "printemps ",
        "début ",
        "fin ",
        "mi-",
        "le 10 avril",
        "22/08/2025",
        "GPT-4",
        "COVID-19",
        "-",
        ",",
        ".",
        "dernier",
        "la même année",
        "ou plus",
        "9",
        "0",
        "12,5",
        "casi ",
        "más de ",
        " y ",
        "1.600",
        "35,000",
        " mil millones",
        " billones",
        " de euros",
        "dos mil ",
        "treinta y ",
        "una veintena",
        "a las ",
        " horas",
        "3 de enero de ",
        "el pasado ",
        "abril",
    ]);
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn every_interval_has_low_at_most_high(text in phrase(), which in any::<prop::sample::Index>()) {
        let langs: Vec<_> = rules().langs.values().collect();
        let lang = which.get(&langs);
        let mut ctx = DateContext::default();
        for value in find_values(&text, &lang.values, &mut ctx) {
            if let (Some(low), Some(high)) = (value.low, value.high) {
                prop_assert!(low <= high, "{text:?}: {value:?}");
            }
            if let (Some(start), Some(end)) = (&value.start, &value.end)
                && !start.starts_with("--")
                && !end.starts_with("--")
            {
                prop_assert!(start <= end, "{text:?}: {value:?}");
            }
            prop_assert!(text.get(value.span.start..value.span.end).is_some(), "span on char boundaries: {value:?}");
        }
    }

    #[test]
    fn values_of_arbitrary_text_are_in_order_and_in_place(text in "\\PC{0,80}") {
        for lang in rules().langs.values() {
            let mut ctx = DateContext::default();
            let values = find_values(&text, &lang.values, &mut ctx);
            for value in &values {
                // Each value's words are where it says, and are its text.
                prop_assert_eq!(text.get(value.span.start..value.span.end), Some(value.text.as_str()), "{:?}", value);
            }
            // In order of place, never overlapping.
            for pair in values.windows(2) {
                prop_assert!(pair[0].span.end <= pair[1].span.start, "{:?}", pair);
            }
        }
    }

    #[test]
    fn a_value_agrees_with_itself(low in 0.0f64..1e12, width in 0.0f64..1e9) {
        let v = amount(low, low + width);
        prop_assert_eq!(verdict(&claim("a", v.clone()), &claim("b", v)), Verdict::Agreement);
    }

    #[test]
    fn verdicts_are_symmetric(a in 0.0f64..1e3, wa in 0.0f64..50.0, b in 0.0f64..1e3, wb in 0.0f64..50.0) {
        let (x, y) = (claim("a", amount(a, a + wa)), claim("b", amount(b, b + wb)));
        prop_assert_eq!(verdict(&x, &y), verdict(&y, &x));
    }

    #[test]
    fn a_rounding_is_never_a_contradiction(point in 1.0f64..1e12, digits in 0i32..4) {
        // The value stated to `digits` more decimals than its rounding.
        let step = 10f64.powi(-digits);
        let scale = 10f64.powi((point.log10().floor() as i32).max(0));
        let precise = amount(point - step * scale / 20.0, point + step * scale / 20.0);
        let rounded_point = (point / (step * scale)).round() * step * scale;
        let rounded = amount(rounded_point - step * scale / 2.0, rounded_point + step * scale / 2.0);
        let v = verdict(&claim("a", precise), &claim("b", rounded));
        prop_assert_ne!(v, Verdict::Contradiction);
    }
}
