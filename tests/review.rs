//! Editorial review of drafts against the seeds: every status, the exit
//! status that gates publication, acknowledgements, GitHub annotations.

use crate::common::{code, json, run, stderr, stdout, temp_dir, write};

fn statuses(draft: &str, extra: &[&str]) -> (i32, Vec<(String, String)>) {
    let mut args = vec!["review", draft, "--sources", "seeds", "--format", "json"];
    args.extend_from_slice(extra);
    let out = run(&args, b"");
    assert_ne!(code(&out), 101, "{}", stderr(&out));
    let review = json(&out);
    assert_eq!(review["schema"], "crosscheck.review/1");
    let claims = review["claims"].as_array().unwrap();
    let list = claims
        .iter()
        .map(|c| (c["text"].as_str().unwrap().to_string(), c["status"].as_str().unwrap().to_string()))
        .collect();
    (code(&out), list)
}

fn status_of<'a>(list: &'a [(String, String)], text: &str) -> &'a str {
    list.iter()
        .find(|(t, _)| t == text)
        .map(|(_, s)| s.as_str())
        .unwrap_or_else(|| panic!("no claim {text:?} in {list:?}"))
}

#[test]
fn french_draft_gets_every_status_and_fails() {
    let (status, list) = statuses("tests/drafts/fr_brouillon.md", &[]);
    assert_eq!(status_of(&list, "environ 97 milliards de dollars"), "rounding");
    assert_eq!(status_of(&list, "a quitté OpenAI en 2017"), "contradicted");
    assert_eq!(status_of(&list, "En 2024, Elon Musk a porté plainte"), "supported");
    assert_eq!(status_of(&list, "20 milliards de dollars"), "contradicted");
    assert_eq!(status_of(&list, "6 milliards de dollars"), "unsupported");
    assert_eq!(status, 1, "a contradiction gates publication");
}

#[test]
fn acknowledged_findings_stop_failing() {
    let (status, _) = statuses("tests/drafts/fr_brouillon.md", &["--ack", "tests/drafts/acknowledged.toml"]);
    assert_eq!(status, 0);
}

#[test]
fn a_stale_acknowledgement_is_reported() {
    let dir = temp_dir("stale-ack");
    let ack =
        write(&dir, "ack.toml", b"[[ack]]\nfingerprint = \"founding.time:nobody>nothing:1999\"\nreason = \"old\"\n");
    let out =
        run(&["review", "tests/drafts/fr_brouillon.md", "--sources", "seeds", "--ack", ack.to_str().unwrap()], b"");
    assert!(stdout(&out).contains("stale acknowledgement"), "{}", stdout(&out));
}

#[test]
fn a_bad_acknowledgement_file_is_an_error() {
    let dir = temp_dir("bad-ack");
    let ack = write(&dir, "ack.toml", b"[[ack]]\nfingerprint = 3\n");
    let out =
        run(&["review", "tests/drafts/fr_brouillon.md", "--sources", "seeds", "--ack", ack.to_str().unwrap()], b"");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("ack.toml:2"), "{}", stderr(&out));
}

#[test]
fn english_draft_against_french_sources() {
    let (status, list) = statuses("tests/drafts/en_draft.md", &[]);
    assert_eq!(status_of(&list, "about $97 billion"), "rounding");
    assert_eq!(status_of(&list, "left OpenAI in 2019"), "contradicted", "the sources disagree on the year");
    assert_eq!(status_of(&list, "$14 billion"), "supported");
    assert_eq!(status_of(&list, "countersued Musk on April 10, 2025"), "supported");
    assert_eq!(status_of(&list, "$6 billion"), "unsupported");
    assert_eq!(status, 1);
}

#[test]
fn fail_on_thresholds() {
    let (status, _) = statuses("tests/drafts/en_draft.md", &["--fail-on", "never"]);
    assert_eq!(status, 0);
    let dir = temp_dir("fail-on");
    let draft = write(&dir, "d.md", "Meta a investi 14 milliards de dollars dans Scale AI.\n".as_bytes());
    let (status, _) = statuses(draft.to_str().unwrap(), &[]);
    assert_eq!(status, 0, "a supported draft passes");
    let draft = write(&dir, "e.md", "xAI a levé 6 milliards de dollars.\n".as_bytes());
    assert_eq!(statuses(draft.to_str().unwrap(), &[]).0, 0);
    assert_eq!(statuses(draft.to_str().unwrap(), &["--fail-on", "unsupported"]).0, 1);
}

#[test]
fn github_annotations_point_at_the_draft() {
    let out = run(&["review", "tests/drafts/fr_brouillon.md", "--sources", "seeds", "--format", "github"], b"");
    let text = stdout(&out);
    let errors: Vec<&str> = text.lines().filter(|l| l.starts_with("::error ")).collect();
    assert_eq!(errors.len(), 2, "{text}");
    assert!(errors.iter().all(|l| l.contains("file=tests/drafts/fr_brouillon.md,line=")), "{text}");
    assert!(text.lines().any(|l| l.starts_with("::warning ")), "unsupported claims are warnings");
}

#[test]
fn review_markdown_snapshots() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    for (name, draft) in
        [("review_fr_md", "tests/drafts/fr_brouillon.md"), ("review_en_md", "tests/drafts/en_draft.md")]
    {
        let out = run(&["review", draft, "--sources", "seeds"], b"");
        settings.bind(|| insta::assert_snapshot!(name, stdout(&out)));
    }
}
