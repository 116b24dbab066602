//! The whole pipeline on one source: load (decode, front matter, language,
//! boilerplate, sentences) → claim extraction → alignment and verdicts → JSON.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn rules() -> &'static crosscheck::Rules {
    static RULES: OnceLock<crosscheck::Rules> = OnceLock::new();
    RULES.get_or_init(|| crosscheck::Rules::load(None).expect("embedded rules load"))
}

fuzz_target!(|data: &[u8]| {
    let rules = rules();
    let Ok(doc) =
        crosscheck::document::load("fuzz", "fuzz.txt", data.to_vec(), rules, &crosscheck::LoadOptions::default())
    else {
        return;
    };
    let text = &doc.text;
    for s in &doc.sentences {
        assert!(s.start <= s.end && s.end <= text.len(), "sentence {s:?} out of text of {} bytes", text.len());
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "sentence {s:?} not on char boundaries"
        );
    }
    let documents = vec![doc];
    let claims = crosscheck::claim::extract_all(&documents, rules);
    let report = crosscheck::judge(documents, claims, Vec::new(), rules);
    let _ = report.to_json();
});
