//! A folder that holds several stories, as a wire desk's does: two earthquakes
//! years and countries apart, two acquisitions by different buyers, each told
//! by two or three outlets (`tests/stories/two-of-each/`, made up). Nothing of
//! one story may be lined up with another, and each story still lines up
//! across its outlets.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::report_json;

/// The event a document tells: its file name up to the outlet ("quake-a").
fn event(doc: &str) -> String {
    doc.splitn(3, '-').take(2).collect::<Vec<_>>().join("-")
}

/// Each finding: (id, verdict, story, documents of its claims).
fn findings() -> Vec<(String, String, Option<u64>, BTreeSet<String>)> {
    let (code, report, stderr) = report_json(&["tests/stories/two-of-each"]);
    assert_ne!(code, 2, "{stderr}");
    let doc_of: BTreeMap<&str, &str> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["doc"].as_str().unwrap()))
        .collect();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let docs =
                f["claims"].as_array().unwrap().iter().map(|c| doc_of[c.as_str().unwrap()].to_string()).collect();
            (
                f["id"].as_str().unwrap().to_string(),
                f["verdict"].as_str().unwrap().to_string(),
                f["story"].as_u64(),
                docs,
            )
        })
        .collect()
}

#[test]
fn no_finding_joins_claims_of_two_stories() {
    for (id, _, _, docs) in findings() {
        let events: BTreeSet<String> = docs.iter().map(|d| event(d)).collect();
        assert_eq!(events.len(), 1, "{id} joins {docs:?}");
    }
}

#[test]
fn each_story_still_lines_up_across_its_outlets() {
    let all = findings();
    let finding_with = |wanted: &[&str]| {
        all.iter()
            .find(|(_, _, _, docs)| wanted.iter().all(|w| docs.contains(*w)))
            .unwrap_or_else(|| panic!("no finding with claims of {wanted:?} in {all:?}"))
    };
    // The toll of each earthquake, told in three languages.
    let (_, verdict, _, _) = finding_with(&["quake-a-courier", "quake-a-matin", "quake-a-wire"]);
    assert_eq!(verdict, "agreement");
    let (_, verdict, _, _) = finding_with(&["quake-b-gazette", "quake-b-cronica"]);
    assert_eq!(verdict, "agreement");
    // Each buyer's price: "about $2.4 billion" is $2.4 billion rounded; $610 and $650 million cannot both hold.
    let (_, verdict, _, _) = finding_with(&["deal-c-ledger", "deal-c-journal"]);
    assert_eq!(verdict, "rounding");
    let (_, verdict, _, _) = finding_with(&["deal-d-ledger", "deal-d-journal"]);
    assert_eq!(verdict, "contradiction");
}

#[test]
fn findings_name_their_story_when_a_folder_holds_several() {
    let mut story_of_event: BTreeMap<String, BTreeSet<u64>> = BTreeMap::new();
    for (id, _, story, docs) in findings() {
        let story = story.unwrap_or_else(|| panic!("{id} has no story"));
        for d in docs {
            story_of_event.entry(event(&d)).or_default().insert(story);
        }
    }
    assert_eq!(story_of_event.len(), 4, "{story_of_event:?}");
    let numbers: BTreeSet<u64> = story_of_event.values().flatten().copied().collect();
    assert!(story_of_event.values().all(|s| s.len() == 1), "{story_of_event:?}");
    assert_eq!(numbers.len(), 4, "{story_of_event:?}");
}

#[test]
fn a_folder_of_one_story_names_none() {
    let (_, report, _) = report_json(&["seeds"]);
    assert!(report["findings"].as_array().unwrap().iter().all(|f| f.get("story").is_none()));
}
