//! The rule files: every embedded file loads, and every `[[test]]` passes.

use crosscheck::Rules;
use crosscheck::selftest::run_all;

#[test]
fn embedded_rules_load() {
    let rules = Rules::load(None).expect("embedded rules load");
    assert!(rules.langs.contains_key("fr") && rules.langs.contains_key("en"));
    assert!(rules.frames.frames.len() >= 10, "the ten frames of the contract");
    assert!(!rules.verdicts.rules.is_empty());
}

#[test]
fn every_rule_example_passes() {
    let rules = Rules::load(None).unwrap();
    let outcomes = run_all(&rules);
    assert!(outcomes.len() >= 10, "rule files carry examples");
    let failures: Vec<String> = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().err().map(|why| format!("{}: {}: {why}", o.file, o.name)))
        .collect();
    assert!(failures.is_empty(), "failing rule examples:\n{}", failures.join("\n"));
}

#[test]
fn the_contract_frames_are_all_there() {
    let rules = Rules::load(None).unwrap();
    for id in [
        "acquisition",
        "lawsuit",
        "founding",
        "departure",
        "dispute",
        "investment",
        "compensation",
        "signature",
        "rejection",
        "valuation",
    ] {
        assert!(rules.frames.by_id(id).is_some(), "frame {id}");
    }
}
