//! The value normalizer, as `crosscheck parse --lang {en,es,fr} [--date 2025-04]`
//! runs it on one line, plus the invariants every returned value must keep.
#![no_main]

use std::sync::OnceLock;

use crosscheck::value::date::{DateContext, PartialDate};
use libfuzzer_sys::fuzz_target;

fn rules() -> &'static crosscheck::Rules {
    static RULES: OnceLock<crosscheck::Rules> = OnceLock::new();
    RULES.get_or_init(|| crosscheck::Rules::load(None).expect("embedded rules load"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let rules = rules();
    // Half the inputs with a reference date, half without.
    let reference = if data.first().is_some_and(|b| b & 1 == 1) {
        PartialDate::parse("2025-04").ok()
    } else {
        None
    };
    for (code, lang) in &rules.langs {
        let mut ctx = DateContext { reference, last_year: None };
        let values = crosscheck::value::find_values(text, &lang.values, &mut ctx);
        for v in &values {
            if let Some(low) = v.low {
                assert!(!low.is_nan(), "{code}: low is NaN: {v:?}");
            }
            if let Some(high) = v.high {
                assert!(!high.is_nan(), "{code}: high is NaN: {v:?}");
            }
            if let (Some(low), Some(high)) = (v.low, v.high) {
                assert!(low <= high, "{code}: low {low} > high {high}: {v:?}");
            }
            let s = v.span;
            assert!(s.start <= s.end && s.end <= text.len(), "{code}: span {s:?} out of text of {} bytes: {v:?}", text.len());
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{code}: span {s:?} not on char boundaries: {v:?}"
            );
        }
        // `parse` prints each line's values as JSON.
        serde_json::to_string(&values).expect("values serialize");
    }
});
