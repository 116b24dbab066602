//! Claims extracted as JSON lines and judged later give the same findings as
//! one run: extraction can be a map step and alignment a reduce.

use crate::common;
use crate::common::{code, run, temp_dir, write};

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

/// The seeds, each loaded `copies` times under ids `c<copy>_<seed>`, copies
/// of one seed side by side.
fn seed_documents(rules: &crosscheck::Rules, copies: usize) -> Vec<crosscheck::Document> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    let mut docs = Vec::new();
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        for _ in 0..copies {
            let id = if copies == 1 { stem.clone() } else { format!("c{}_{stem}", docs.len()) };
            let options = crosscheck::LoadOptions::default();
            docs.push(
                crosscheck::document::load(&id, &path.to_string_lossy(), bytes.clone(), rules, &options).unwrap(),
            );
        }
    }
    docs
}

/// The claims pass reads the sentences the names pass kept packed; reading
/// them again from the text must give the same claims.
#[test]
fn kept_sentences_read_like_sentences_read_again() {
    use crosscheck::claim::{extract_all_with, learn_names};
    let rules = crosscheck::Rules::load(None).unwrap();
    let docs = seed_documents(&rules, 1);
    let (names, packed) = learn_names(&docs, &rules, true);
    assert!(packed.iter().all(Option::is_some));
    let kept = extract_all_with(&docs, &rules, &names, packed);
    let again = extract_all_with(&docs, &rules, &names, Vec::new());
    assert!(kept.len() > 20);
    assert_eq!(kept, again);
}

/// Documents are read in batches: over many batches, each document is still
/// read with its own kept sentences, and its claims come in document order,
/// numbered from 1.
#[test]
fn claims_of_many_documents_come_in_document_order() {
    use crosscheck::claim::{extract_all_with, learn_names};
    let rules = crosscheck::Rules::load(None).unwrap();
    // Five seeds, 230 copies each: more than two batches.
    let docs = seed_documents(&rules, 230);
    let (names, packed) = learn_names(&docs, &rules, true);
    let claims = extract_all_with(&docs, &rules, &names, packed);
    let again = extract_all_with(&docs, &rules, &names, Vec::new());
    assert_eq!(claims, again);
    let mut by_doc: Vec<Vec<&crosscheck::Claim>> = vec![Vec::new(); docs.len()];
    let mut last_doc = 0;
    for claim in &claims {
        let at = docs.iter().position(|d| *d.id == *claim.doc).unwrap();
        assert!(at >= last_doc, "{} comes after a claim of a later document", claim.id);
        last_doc = at;
        by_doc[at].push(claim);
    }
    for (doc, doc_claims) in docs.iter().zip(&by_doc) {
        let prefix = doc.id.split('_').next().unwrap();
        for (n, claim) in doc_claims.iter().enumerate() {
            assert_eq!(claim.id, format!("{prefix}:{}", n + 1));
        }
    }
    // Copies of one seed read alike, whatever batch they fall in.
    let strip = |c: &crosscheck::Claim| {
        let mut c = c.clone();
        c.id.clear();
        c.doc = "".into();
        c
    };
    for seed in by_doc.chunks(230) {
        assert!(!seed[0].is_empty());
        for copy in seed {
            assert_eq!(
                copy.iter().map(|c| strip(c)).collect::<Vec<_>>(),
                seed[0].iter().map(|c| strip(c)).collect::<Vec<_>>()
            );
        }
    }
}
