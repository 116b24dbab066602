//! Inputs the fuzzers found, kept in `fuzz/regressions/` (one file each,
//! named `<target>-<what broke>`), replayed here on every test run: each goes
//! through the value normalizer in both languages, with and without a
//! reference date, and through the whole pipeline as a document. None may
//! panic, and every interval must stay ordered.

use crosscheck::value::date::{DateContext, PartialDate};
use crosscheck::{LoadOptions, Rules};

use crate::common;

fn regressions() -> Vec<(String, Vec<u8>)> {
    let dir = common::root().join("fuzz/regressions");
    let mut found: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("fuzz/regressions is there")
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("readable")))
        .collect();
    found.sort();
    found
}

fn check_values(rules: &Rules, name: &str, text: &str) {
    for code in ["fr", "en"] {
        let lang = rules.lang(code).expect("a built-in language");
        for reference in [None, PartialDate::parse("2025-04").ok()] {
            let mut ctx = DateContext { reference, last_year: None };
            for v in crosscheck::value::find_values(text, &lang.values, &mut ctx) {
                if let (Some(low), Some(high)) = (v.low, v.high) {
                    assert!(low <= high, "{name} ({code}): {low} > {high} in {v:?}");
                }
                assert!(
                    text.get(v.span.start..v.span.end).is_some(),
                    "{name} ({code}): span {:?} off the text",
                    v.span
                );
            }
        }
    }
}

#[test]
fn every_fuzzer_finding_stays_fixed() {
    let rules = Rules::load(None).expect("the built-in rules load");
    let cases = regressions();
    assert!(!cases.is_empty(), "fuzz/regressions holds the fuzzers' findings");
    for (name, bytes) in &cases {
        if let Ok(text) = std::str::from_utf8(bytes) {
            check_values(&rules, name, text);
            for line in text.lines() {
                check_values(&rules, name, line);
            }
        }
        // As a document: loaded, or refused with a reason; read and judged.
        match crosscheck::document::load("case", name, bytes.clone(), &rules, &LoadOptions::default()) {
            Ok(doc) => {
                let claims = crosscheck::claim::extract_all(std::slice::from_ref(&doc), &rules);
                let count = claims.len();
                let report = crosscheck::judge(vec![doc], claims, Vec::new(), &rules);
                let json: serde_json::Value = serde_json::from_str(&report.to_json())
                    .unwrap_or_else(|e| panic!("{name}: the report is JSON: {e}"));
                assert_eq!(json["claims"].as_array().map(Vec::len), Some(count), "{name}: every claim reported");
            }
            Err(refused) => {
                assert!(refused.path == *name && !refused.message.is_empty(), "{name}: refused with a reason");
            }
        }
    }
}

/// "9 d’" once split the typographic apostrophe: the link before a currency
/// ("d’euros") was measured in the normalized text, not in the text as written.
#[test]
fn a_typographic_apostrophe_after_a_figure_is_read_whole() {
    let output = common::run(&["parse", "--lang", "fr"], "9 d’\n97 d’euros\n3 d’\u{2019}".as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let lines: Vec<String> = common::stdout(&output).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[1].contains("\"unit\":\"EUR\""), "{}", lines[1]);
}
