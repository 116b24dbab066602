//! The rule files: every embedded file loads, and every `[[test]]` passes.

use crate::common;

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

/// A measure is lines in a rule file: a newsroom adds snowfall without code.
#[test]
fn a_measure_added_with_rules_gives_claims_and_findings() {
    let rules = common::temp_dir("measure-rules");
    common::write(
        &rules,
        "frames/snowfall.toml",
        r#"[[frame]]
id = "snowfall"
description = "snow fallen in a place, in centimetres"
attributes = ["count"]
roles = false
triggers = {}
[frame.measure]
attribute = "count"
name = "volume"
[frame.measure.after]
en = ["(?:cm|centimet(?:er|re)s) of snow"]
fr = ["(?:cm|centimètres) de neige"]
"#
        .as_bytes(),
    );
    let sources = common::temp_dir("measure-sources");
    common::write(&sources, "a.md", "Storm\n\nAbout 240 cm of snow fell in eight hours, officials said.\n".as_bytes());
    common::write(
        &sources,
        "b.md",
        "Tempête\n\nIl est tombé 241 centimètres de neige en huit heures, selon la préfecture.\n".as_bytes(),
    );
    let out = common::run(
        &["--rules", rules.to_str().unwrap(), "report", "--format", "json", sources.to_str().unwrap()],
        b"",
    );
    assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
    let report = common::json(&out);
    let claims: Vec<&serde_json::Value> =
        report["claims"].as_array().unwrap().iter().filter(|c| c["frame"] == "snowfall").collect();
    assert_eq!(claims.len(), 2, "{report}");
    // What the figure states goes by the name the rules give it.
    assert!(claims.iter().all(|c| c["attribute"] == "volume"), "{report}");
    let finding = report["findings"].as_array().unwrap().iter().find(|f| f["frame"] == "snowfall").unwrap();
    assert_eq!(finding["verdict"], "rounding", "{finding}");
    assert_eq!((&finding["attribute"], &finding["id"]), (&"volume".into(), &"snowfall.volume:?>?".into()));
    // Without the rule file, nothing is read of the snow.
    let out = common::run(&["report", "--format", "json", sources.to_str().unwrap()], b"");
    assert!(!common::stdout(&out).contains("snowfall"));
}
