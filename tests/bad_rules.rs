//! A bad rules folder is an error that names the file, line and column, with
//! exit status 2, never a panic.

use crate::common;
use crate::common::{code, run, stderr, temp_dir, write};

/// Runs `crosscheck --rules DIR rules check` with one file and returns stderr.
fn check_with(name: &str, file: &str, text: &str) -> String {
    let dir = temp_dir(name);
    write(&dir, file, text.as_bytes());
    let out = run(&["--rules", dir.to_str().unwrap(), "rules", "check"], b"");
    assert_eq!(code(&out), 2, "exit status for {name}: {}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(file), "the error names the file {file}: {err}");
    err
}

fn assert_located(err: &str, line: usize) {
    assert!(err.contains(&format!(".toml:{line}:")), "the error names line {line} and a column: {err}");
}

#[test]
fn toml_syntax_error() {
    let err = check_with("syntax", "verdicts.toml", "[[rule]]\nid = \"x\nverdict = 1\n");
    assert_located(&err, 2);
}

#[test]
fn unknown_key() {
    let err = check_with(
        "unknown-key",
        "verdicts.toml",
        "[[rule]]\nid = \"x\"\nverdict = \"agreement\"\nseverity = \"info\"\nexplanation = \"\"\ncolour = \"red\"\n",
    );
    assert_located(&err, 6);
    assert!(err.contains("colour"), "{err}");
}

#[test]
fn duplicate_rule_id() {
    let rule = "[[rule]]\nid = \"same\"\nwhen = [\"overlap\"]\nverdict = \"rounding\"\nseverity = \"info\"\nexplanation = \"\"\n";
    let err = check_with("duplicate", "verdicts.toml", &format!("{rule}{rule}"));
    assert_located(&err, 8);
    assert!(err.contains("duplicate"), "{err}");
}

#[test]
fn bad_regex_in_a_trigger() {
    let err = check_with(
        "regex",
        "frames.toml",
        "[[frame]]\nid = \"merger\"\nattributes = [\"time\"]\n[frame.triggers]\nen = [\"merg(er\"]\n",
    );
    assert_located(&err, 5);
    assert!(err.contains("regex"), "{err}");
}

#[test]
fn unknown_predicate() {
    let err = check_with(
        "predicate",
        "verdicts.toml",
        "[[rule]]\nid = \"x\"\nwhen = [\"overlaps_a_lot\"]\nverdict = \"rounding\"\nseverity = \"info\"\nexplanation = \"\"\n",
    );
    assert_located(&err, 3);
    assert!(err.contains("overlaps_a_lot"), "{err}");
}

#[test]
fn frame_naming_an_unknown_attribute() {
    let err = check_with(
        "attribute",
        "frames.toml",
        "[[frame]]\nid = \"merger\"\nattributes = [\"price\"]\ntriggers = { en = [\"merger\"] }\n",
    );
    assert_located(&err, 3);
}

#[test]
fn a_measure_named_like_another_kind_of_value() {
    let err = check_with(
        "measure-name",
        "frames.toml",
        "[[frame]]\nid = \"rain\"\nattributes = [\"count\"]\ntriggers = {}\n[frame.measure]\nattribute = \"count\"\nname = \"time\"\n",
    );
    assert_located(&err, 7);
    assert!(err.contains("name"), "{err}");
}

#[test]
fn a_missing_rules_folder_is_an_error() {
    let out = run(&["--rules", "/nonexistent/rules", "report", "seeds"], b"");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("/nonexistent/rules"), "{}", stderr(&out));
}

#[test]
fn a_rules_folder_adds_a_frame() {
    let dir = temp_dir("adds-frame");
    write(
        &dir,
        "frames/merger.toml",
        b"[[frame]]\nid = \"merger\"\nattributes = [\"time\"]\n[frame.triggers]\nen = [\"merg(?:er|ed)\"]\n",
    );
    let frames = |out: &std::process::Output| -> usize {
        let text = common::stdout(out);
        let words: Vec<&str> = text.split_whitespace().collect();
        let at = words.iter().position(|w| w.starts_with("frames")).expect("a frame count");
        words[at - 1].parse().expect("a number")
    };
    let built_in = run(&["rules", "check"], b"");
    let out = run(&["--rules", dir.to_str().unwrap(), "rules", "check"], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(frames(&out), frames(&built_in) + 1, "{}", common::stdout(&out));
}

#[test]
fn bad_regex_in_a_boilerplate_pattern() {
    let english = include_str!("../rules/lang/en.toml");
    assert!(english.contains("\nboilerplate = [\n"), "the embedded file lists boilerplate patterns");
    let text = english.replacen("\nboilerplate = [\n", "\nboilerplate = [\n  \"photo (credit\",\n", 1);
    let line = text[..text.find("photo (credit").unwrap()].lines().count();
    let err = check_with("boilerplate", "lang/en.toml", &text);
    assert_located(&err, line);
    assert!(err.contains("unclosed group"), "{err}");
}
