//! Short stories of our own, told by several outlets the way real news is:
//! tolls per place and in total, figures that rise from one day to the next.
//! Each shows one mechanism that real stories need.

use crate::common;
use crate::common::{code, json, run, stderr, temp_dir, write};

/// The findings of a report on `files`: (id, verdict, claim texts).
fn findings(name: &str, files: &[(&str, &str)]) -> Vec<(String, String, Vec<String>)> {
    let dir = temp_dir(name);
    for (file, text) in files {
        write(&dir, file, text.as_bytes());
    }
    let out = run(&["report", "--format", "json", dir.to_str().unwrap()], b"");
    assert_ne!(code(&out), 2, "{}", stderr(&out));
    let report = json(&out);
    let text_of = |id: &serde_json::Value| {
        let claim = report["claims"].as_array().unwrap().iter().find(|c| c["id"] == *id).unwrap();
        claim["value"]["text"].as_str().unwrap_or_default().to_string()
    };
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let texts = f["claims"].as_array().unwrap().iter().map(text_of).collect();
            (f["id"].as_str().unwrap().to_string(), f["verdict"].as_str().unwrap().to_string(), texts)
        })
        .collect()
}

fn find<'a>(all: &'a [(String, String, Vec<String>)], id: &str) -> &'a (String, String, Vec<String>) {
    all.iter().find(|(i, _, _)| i == id).unwrap_or_else(|| panic!("no finding {id} in {all:?}"))
}

#[test]
fn tolls_of_different_places_are_different_facts() {
    let all = findings(
        "places",
        &[
            (
                "a.md",
                "---\ndate: 2031-05-12\n---\nQuake\n\nIn Norland alone, 420 people died, officials said. \
                 The toll in Sudmark was 95.\n",
            ),
            (
                "b.md",
                "---\ndate: 2031-05-12\n---\nSéisme\n\nEn Norland, le séisme a fait 420 morts. \
                 Au Sudmark, 97 personnes ont été tuées.\n",
            ),
            ("c.md", "---\ndate: 2031-05-12\n---\nQuake\n\nThe quake killed 515 people across Norland and Sudmark.\n"),
        ],
    );
    assert_eq!(find(&all, "casualties.count:?>?/norland").1, "agreement", "{all:?}");
    assert_eq!(find(&all, "casualties.count:?>?/sudmark").1, "contradiction", "{all:?}");
    // The whole is its own fact, not a contradiction with either part.
    assert_eq!(find(&all, "casualties.count:?>?").2, ["515"], "{all:?}");
}

#[test]
fn a_rising_toll_is_a_timeline_and_the_same_day_still_contradicts() {
    let all = findings(
        "timeline",
        &[
            ("a.md", "---\ndate: 2031-05-12\n---\nFloods\n\nThe floods have killed 38 people, officials said.\n"),
            ("b.md", "Floods\n\nThe toll from the floods has risen to 61, officials said.\n"),
            ("c.md", "---\ndate: 2031-05-14\n---\nFloods\n\nThe floods killed 64 people, officials said.\n"),
            ("d.md", "---\ndate: 2031-05-14\n---\nFloods\n\nAt least 70 people were killed by the floods.\n"),
        ],
    );
    let (_, verdict, texts) = find(&all, "casualties.count:?>?");
    assert_eq!(texts.len(), 4, "{all:?}");
    // 64 and "at least 70" on the same day cannot both hold; the rest is the toll rising.
    assert_eq!(verdict, "contradiction", "{all:?}");
    let dir = temp_dir("timeline-pairs");
    for (file, text) in [
        ("a.md", "---\ndate: 2031-05-12\n---\nFloods\n\nThe floods have killed 38 people, officials said.\n"),
        ("b.md", "Floods\n\nThe toll from the floods has risen to 61, officials said.\n"),
        ("c.md", "---\ndate: 2031-05-14\n---\nFloods\n\nThe floods killed 64 people, officials said.\n"),
    ] {
        write(&dir, file, text.as_bytes());
    }
    let out = run(&["report", "--format", "json", dir.to_str().unwrap()], b"");
    let report = json(&out);
    let pairs = report["findings"][0]["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 3, "{report}");
    assert!(pairs.iter().all(|p| p["verdict"] == "rounding"), "{report}");
    assert!(pairs.iter().any(|p| p["rule"] == "figure-evolves"), "{report}");
}

#[test]
fn counts_by_different_counters_are_never_a_contradiction() {
    let dir = temp_dir("counters");
    write(
        &dir,
        "a.md",
        "---\ndate: 2031-03-07\n---\nGrève\n\nÀ Lyonnais, 600 000 manifestants ont défilé selon le syndicat Unitas, \
         et 90 000 d'après la préfecture.\n"
            .as_bytes(),
    );
    write(
        &dir,
        "b.md",
        "---\ndate: 2031-03-07\n---\nStrike\n\nIn Lyonnais, 90,000 protesters marched according to the prefecture.\n"
            .as_bytes(),
    );
    let out = run(&["report", "--format", "json", dir.to_str().unwrap()], b"");
    let report = json(&out);
    let claims = report["claims"].as_array().unwrap();
    let by: Vec<(&str, &str)> = claims
        .iter()
        .filter(|c| c["frame"] == "protesters")
        .map(|c| (c["value"]["text"].as_str().unwrap(), c["attributed_to"].as_str().unwrap_or("")))
        .collect();
    // The figure without its noun says the same measure again, on its own counter's word.
    assert_eq!(by, [("600 000", "Unitas"), ("90 000", "préfecture"), ("90,000", "prefecture")], "{report}");
    // Each kind of counter's figures are a fact of their own: the prefecture's
    // in two sources agree, the union's stands alone.
    let findings: Vec<(&str, &str)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["frame"] == "protesters")
        .map(|f| (f["id"].as_str().unwrap(), f["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(
        findings,
        [
            ("protesters.count:?>?/lyonnais/by-authorities", "agreement"),
            ("protesters.count:?>?/lyonnais/by-organizers", "single_source")
        ],
        "{report}"
    );
}

#[test]
fn figures_no_claim_reads_are_listed_not_silent() {
    let dir = temp_dir("unchecked");
    let text = "Budget\n\nThe deficit will reach 4.6% of output in 2032, the minister said. \
                The floods killed 12 people.\n";
    write(&dir, "a.md", text.as_bytes());
    let out = run(&["report", "--format", "json", dir.to_str().unwrap()], b"");
    let report = json(&out);
    let unchecked = report["unchecked"].as_array().unwrap();
    let listed: Vec<(&str, &str)> =
        unchecked.iter().map(|u| (u["text"].as_str().unwrap(), u["type"].as_str().unwrap())).collect();
    assert_eq!(listed, [("4.6%", "percent"), ("2032", "date")], "{report}");
    let first = &unchecked[0];
    assert_eq!((first["span"]["line"].as_u64(), first["span"]["column"].as_u64()), (Some(3), Some(24)));
    assert!(first["quote"].as_str().unwrap().starts_with("The deficit will reach 4.6%"), "{first}");
    // The toll is a claim: never listed as unchecked.
    assert!(!listed.iter().any(|(t, _)| t.contains("12")));
    let markdown = common::stdout(&run(&["report", dir.to_str().unwrap()], b""));
    assert!(markdown.contains("## Not checked (2)") && markdown.contains("«4.6%» (line 3)"), "{markdown}");
}

#[test]
fn a_draft_never_passes_by_silence() {
    let sources = temp_dir("silence-sources");
    write(&sources, "a.md", b"Floods\n\nThe floods killed 12 people, officials said.\n");
    let draft = write(
        &temp_dir("silence-draft"),
        "draft.md",
        b"Floods\n\nThe floods killed 12 people. Repairs will cost 40% of the budget.\n",
    );
    let args = |fail_on: &'static str| {
        vec![
            "review".to_string(),
            draft.to_str().unwrap().into(),
            "--sources".into(),
            sources.to_str().unwrap().into(),
            "--fail-on".into(),
            fail_on.into(),
        ]
    };
    let strict = run(&args("unsupported").iter().map(String::as_str).collect::<Vec<_>>(), b"");
    assert_eq!(code(&strict), 1, "an unchecked figure fails a review that asks for support");
    let text = common::stdout(&strict);
    assert!(text.contains("1 figure in the draft not checked") && text.contains("«40%»"), "{text}");
    let lenient = run(&args("contradicted").iter().map(String::as_str).collect::<Vec<_>>(), b"");
    assert_eq!(code(&lenient), 0, "{}", common::stdout(&lenient));
}

#[test]
fn an_undated_text_that_speaks_of_its_days_is_of_the_month_its_opening_dates() {
    let date_of = |name: &str, body: &str| -> serde_json::Value {
        let dir = temp_dir(name);
        write(&dir, "a.md", body.as_bytes());
        let out = run(&["claims", dir.to_str().unwrap()], b"");
        json(&out)["documents"][0]["date"].clone()
    };
    let fr = "Norvale paiera 40 millions\n\nUn camion passe devant le tribunal le 17 avril 2031 à Lyon.\n\n\
              Norvale et Pickering ont conclu aujourd'hui un règlement de 40 millions d'euros.\n";
    assert_eq!(date_of("dated-by-text", fr), "2031-04");
    // A full date that names another event ("le séisme du …") is no date of the text's own.
    let fr = "Séisme\n\nLe nombre de morts dépasse désormais le bilan du séisme du 17 août 1999. \
              Ce lundi, les secours cherchaient encore des survivants.\n";
    assert_eq!(date_of("recalled-date", fr), serde_json::Value::Null);
}
