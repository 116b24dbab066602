//! Claims extracted as JSON lines and judged later give the same findings as
//! one run: extraction can be a map step and alignment a reduce.

mod common;

use common::{code, run, temp_dir, write};

#[test]
fn claims_as_json_lines_judge_like_one_run() {
    let direct = run(&["report", "seeds", "--format", "json"], b"");
    let lines = run(&["claims", "seeds", "--format", "jsonl"], b"");
    assert_eq!(code(&lines), 0);
    let dir = temp_dir("map-reduce");
    let file = write(&dir, "all.jsonl", &lines.stdout);
    let reduced = run(&["report", "--claims", file.to_str().unwrap(), "--format", "json"], b"");
    let a: serde_json::Value = serde_json::from_slice(&direct.stdout).unwrap();
    let b: serde_json::Value = serde_json::from_slice(&reduced.stdout).unwrap();
    assert!(!a["findings"].as_array().unwrap().is_empty());
    assert_eq!(a["findings"], b["findings"]);
    assert_eq!(code(&direct), code(&reduced));
}

#[test]
fn a_bad_claims_line_names_the_file_and_line() {
    let dir = temp_dir("bad-jsonl");
    let file = write(&dir, "bad.jsonl", b"{\"id\": 1}\n");
    let out = run(&["report", "--claims", file.to_str().unwrap()], b"");
    assert_eq!(code(&out), 2);
    assert!(common::stderr(&out).contains("bad.jsonl:1"), "{}", common::stderr(&out));
}

/// The claims pass reads the sentences the names pass kept packed; reading
/// them again from the text must give the same claims.
#[test]
fn kept_sentences_read_like_sentences_read_again() {
    use crosscheck::claim::{extract_all_with, learn_names};
    let rules = crosscheck::lexicon::Rules::load(None).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut docs = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let id = path.file_stem().unwrap().to_string_lossy().to_string();
        let options = crosscheck::LoadOptions::default();
        docs.push(crosscheck::document::load(&id, &path.to_string_lossy(), bytes, &rules, &options).unwrap());
    }
    let (names, packed) = learn_names(&docs, &rules, true);
    assert!(packed.iter().all(Option::is_some));
    let kept = extract_all_with(&docs, &rules, &names, packed);
    let again = extract_all_with(&docs, &rules, &names, Vec::new());
    assert!(kept.len() > 20);
    assert_eq!(kept, again);
}
