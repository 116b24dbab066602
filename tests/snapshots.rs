//! The reports on the bundled seeds, pinned: a change in the rules or the
//! code that changes a finding shows up as a snapshot diff.

use crate::common::{code, run, stdout};

fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_sort_maps(true);
    settings
}

#[test]
fn seeds_markdown_report() {
    let out = run(&["report", "seeds"], b"");
    assert_eq!(code(&out), 1, "the seeds hold contradictions");
    settings().bind(|| insta::assert_snapshot!("seeds_report_md", stdout(&out)));
}

#[test]
fn seeds_json_report() {
    let out = run(&["report", "seeds", "--format", "json"], b"");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    settings().bind(|| insta::assert_json_snapshot!("seeds_report_json", report));
}

#[test]
fn the_report_is_deterministic() {
    let a = run(&["report", "seeds", "--format", "json"], b"");
    let b = run(&["report", "seeds", "--format", "json"], b"");
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn seeds_html_report() {
    let out = run(&["report", "seeds", "--format", "html"], b"");
    assert_eq!(code(&out), 1, "the seeds hold contradictions");
    settings().bind(|| insta::assert_snapshot!("seeds_report_html", stdout(&out)));
}

/// A Spanish story of three outlets: a toll that differs by rounding, a
/// flood's day that contradicts.
#[test]
fn spanish_story_json_report() {
    let out = run(&["report", "tests/stories/es", "--format", "json"], b"");
    assert_eq!(code(&out), 1, "the story holds a contradiction");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    settings().bind(|| insta::assert_json_snapshot!("es_story_report_json", report));
}
