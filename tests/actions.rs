//! What people and bodies do in a story, read from short texts of our own:
//! roles that are common nouns ("asked the population"), the words that
//! state an event ("did not immediately confirm"), a date told with its
//! event, and a job title that is no name.

use crate::common::claims_of_text;

/// (frame, agent, target, polarity, text) of each claim of `frame`.
fn acts(name: &str, text: &str, frame: &str) -> Vec<(String, String, String, String, String)> {
    claims_of_text(name, "2031-05-20", text)
        .iter()
        .filter(|c| c["frame"] == frame)
        .map(|c| {
            let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            (s(&c["frame"]), s(&c["roles"]["agent"]), s(&c["roles"]["target"]), s(&c["polarity"]), s(&c["text"]))
        })
        .collect()
}

fn act(frame: &str, agent: &str, target: &str, polarity: &str, text: &str) -> (String, String, String, String, String) {
    (frame.into(), agent.into(), target.into(), polarity.into(), text.into())
}

#[test]
fn a_common_noun_takes_a_role_no_name_fills() {
    assert_eq!(
        acts("noun-roles-en", "The regional fire service urged residents to stay indoors.", "appeal"),
        vec![act("appeal", "regional fire service", "residents", "affirmed", "urged")]
    );
    assert_eq!(
        acts("noun-roles-fr", "Halvard Moen a demandé à la population de rester chez elle.", "request"),
        vec![act("request", "Halvard Moen", "population", "affirmed", "a demandé")]
    );
    // A figure before the noun is no part of the role.
    assert_eq!(
        acts("noun-roles-figure", "Halvard Moen thanked the 2,000 volunteers, nurses and drivers.", "tribute"),
        vec![act("tribute", "Halvard Moen", "volunteers", "affirmed", "thanked")]
    );
}

#[test]
fn a_name_that_ends_or_heads_a_phrase_is_the_role() {
    // "Norland's" only qualifies the agency that acts; the target cue
    // "à" leads to the country the help goes to.
    assert_eq!(
        acts("phrase-names", "Norland's weather agency appealed for calm.", "appeal"),
        vec![act("appeal", "Norland's weather agency", "calm", "affirmed", "appealed")]
    );
    assert_eq!(
        acts("phrase-names-fr", "De nombreux pays ont proposé leur aide à la Norvège.", "aid")[0].1,
        "nombreux pays"
    );
}

#[test]
fn the_words_of_a_negated_event_are_its_whole_verb_group() {
    assert_eq!(
        acts("verb-group-en", "Quarrow Labs did not immediately confirm the figure.", "confirmation"),
        vec![act("confirmation", "Quarrow Labs", "figure", "negated", "did not immediately confirm")]
    );
    let fr = acts("verb-group-fr", "Quarrow Labs affirme n'avoir violé aucune de ses obligations.", "breach");
    assert_eq!((fr[0].3.as_str(), fr[0].4.as_str()), ("negated", "violé aucune"));
}

#[test]
fn a_date_is_told_with_its_event() {
    let claims = claims_of_text(
        "dated-event",
        "2031-05-20",
        "On May 2, 2031, Halvard Moen made a last visit to the Brandt Museum before its reopening.",
    );
    let time = claims.iter().find(|c| c["frame"] == "visit" && c["attribute"] == "time").expect("a visit's time");
    assert_eq!(time["text"], "On May 2, 2031, Halvard Moen made a last visit");
    assert_eq!(time["value"]["start"], "2031-05-02");
}

#[test]
fn a_capitalized_word_opening_a_job_title_is_no_name() {
    assert_eq!(
        acts("title-word", "Le Premier ministre Jonas Berg a exhorté les habitants à la prudence.", "appeal"),
        vec![act("appeal", "Jonas Berg", "habitants", "affirmed", "a exhorté")]
    );
}

#[test]
fn a_day_without_its_year_weeks_ahead_is_the_coming_one() {
    let claims = claims_of_text(
        "coming-day",
        "2031-02-01",
        "The unions said they would hold new demonstrations on Feb. 7. The first demonstration was held on Dec. 20.",
    );
    let days: Vec<&str> = claims.iter().filter_map(|c| c["value"]["start"].as_str()).collect();
    assert_eq!(days, ["2031-02-07", "2030-12-20"]);
}

#[test]
fn a_cue_that_several_frames_share_leads_to_each_ones_target() {
    // "from" is both a request's and an appeal's target cue.
    let appeal = acts("shared-cue", "The weather agency appealed for help from the regional council.", "appeal");
    assert_eq!(appeal[0].2, "regional council");
    let request = acts("shared-cue-2", "The weather agency requested help from the regional council.", "request");
    assert_eq!(request[0].2, "regional council");
}
