//! Who each figure is attributed to and which place it is about, read from
//! short texts of our own: several counters in one sentence, counters that
//! are no source, and figures listed city by city.

use crate::common::claims_of_text;

/// (value text, attributed_to, scope place) of each figure read from `text`.
fn counted(name: &str, text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    claims_of_text(name, "2031-05-02", text)
        .iter()
        .filter(|c| !c["value"].is_null() && c["value"]["type"] != "date")
        .map(|c| {
            let s = |v: &serde_json::Value| v.as_str().map(String::from);
            (s(&c["value"]["text"]).unwrap_or_default(), s(&c["attributed_to"]), s(&c["scope"]["place"]))
        })
        .collect()
}

fn by(list: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    list.iter().map(|(v, b)| (v.to_string(), b.map(String::from))).collect()
}

fn counters(found: Vec<(String, Option<String>, Option<String>)>) -> Vec<(String, Option<String>)> {
    found.into_iter().map(|(v, b, _)| (v, b)).collect()
}

#[test]
fn each_figure_takes_the_counter_of_its_own_clause() {
    let fr = "Ont défilé 3,1 millions de manifestants selon la préfecture, 4,2 millions selon le syndicat Unitas.";
    assert_eq!(
        counters(counted("two-counters-fr", fr)),
        by(&[("3,1 millions", Some("préfecture")), ("4,2 millions", Some("Unitas"))])
    );
    // A counter in parentheses, and a relative clause that recalls the first counter's own figure.
    let fr =
        "Le cortège a réuni 9 000 manifestants (Unitas) et 3 000 selon la police (qui en comptait 2 500 la veille).";
    assert_eq!(
        counters(counted("parenthesis-fr", fr)),
        by(&[("9 000", Some("Unitas")), ("3 000", Some("police")), ("2 500", Some("police"))])
    );
    let en = "Police said 61,000 protesters marched, while organizers said 240,000 protesters took part.";
    assert_eq!(counters(counted("verbs-en", en)), by(&[("61,000", Some("Police")), ("240,000", Some("organizers"))]));
}

#[test]
fn a_counter_named_before_its_figure_with_no_verb_is_its_own() {
    let fr = "La police a recensé 1,4 million de manifestants, les syndicats plus de 3 millions.";
    assert_eq!(
        counters(counted("ellipsis-fr", fr)),
        by(&[("1,4 million", Some("police")), ("plus de 3 millions", Some("syndicats"))])
    );
}

#[test]
fn an_attribution_is_a_named_source_not_a_hedge_or_a_report() {
    // Hedges and the words that name a figure are no counter.
    let en = "Rescuers said at least 40 people died in the valley.";
    assert_eq!(counters(counted("hedge-en", en)), by(&[("at least 40", Some("Rescuers"))]));
    let en = "State media also reported at least 40 deaths.";
    assert_eq!(counters(counted("media-en", en)), by(&[("at least 40", Some("State media"))]));
    let fr = "Au moins 40 personnes sont mortes, selon des bilans provisoires.";
    assert_eq!(counters(counted("report-fr", fr)), by(&[("Au moins 40", None)]));
    let fr = "Au moins 40 personnes sont mortes, selon le dernier bilan du ministère de la Santé.";
    assert_eq!(counters(counted("source-fr", fr)), by(&[("Au moins 40", Some("ministère de la Santé"))]));
    let es = "Al menos 40 personas murieron, según las cifras de la policía.";
    assert_eq!(counters(counted("source-es", es)), by(&[("Al menos 40", Some("policía"))]));
    // A place is no source; its possessive qualifies one.
    let en = "Norland’s disaster agency said 76 people had been killed.";
    assert_eq!(counters(counted("possessive-en", en)), by(&[("76", Some("Norland’s disaster agency"))]));
    // A verb of saying that opens its own statement speaks for what follows it only.
    let en = "Nearly 5,000 people were evacuated, and the government has said that 900 buildings collapsed.";
    assert_eq!(counters(counted("later-statement-en", en)), by(&[("Nearly 5,000", None), ("900", Some("government"))]));
}

/// The findings of a folder of `files` (name, text), as (finding id, the value texts of its claims).
fn findings_of(name: &str, files: &[(&str, &str)]) -> Vec<(String, Vec<String>)> {
    let dir = crate::common::temp_dir(name);
    for (file, text) in files {
        crate::common::write(&dir, file, format!("---\ndate: 2031-05-02\n---\nTitle\n\n{text}\n").as_bytes());
    }
    let (_, report, _) = crate::common::report_json(&[dir.to_str().unwrap()]);
    let text_of = |id: &serde_json::Value| {
        let claim = report["claims"].as_array().unwrap().iter().find(|c| &c["id"] == id).unwrap();
        claim["value"]["text"].as_str().unwrap_or_default().to_string()
    };
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["frame"] == "protesters")
        .map(|f| (f["id"].as_str().unwrap().to_string(), f["claims"].as_array().unwrap().iter().map(text_of).collect()))
        .collect()
}

#[test]
fn the_authorities_and_the_organizers_count_different_facts() {
    let found = findings_of(
        "two-kinds",
        &[
            ("a.md", "Ont défilé 3,1 millions de manifestants selon la préfecture, 4,2 millions selon les syndicats."),
            ("b.md", "Some 3.1 million people marched according to the Interior Ministry."),
            // "the Unitas union" makes Unitas an organizer wherever it is named alone.
            ("c.md", "The Unitas union claimed 4.2 million marchers, while police counted 3.1 million protesters."),
            ("d.md", "Selon Unitas, 4,2 millions de manifestants ont défilé."),
        ],
    );
    let ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["protesters.count:?>?/by-authorities", "protesters.count:?>?/by-organizers"], "{found:?}");
    let sorted = |v: &[String]| {
        let mut v = v.to_vec();
        v.sort();
        v
    };
    assert_eq!(sorted(&found[0].1), ["3,1 millions", "3.1 million", "Some 3.1 million"]);
    assert_eq!(sorted(&found[1].1), ["4,2 millions", "4,2 millions", "4.2 million"]);
}

#[test]
fn a_counter_that_puts_forward_a_figure_gives_it() {
    let fr = "Le syndicat Unitas a avancé le chiffre de 4,2 millions de manifestants dans tout le pays.";
    assert_eq!(counters(counted("put-forward-fr", fr)), by(&[("4,2 millions", Some("Unitas"))]));
    let en = "The Unitas union put the number at 4.2 million protesters across the country.";
    assert_eq!(counters(counted("put-forward-en", en)), by(&[("4.2 million", Some("Unitas"))]));
}

#[test]
fn a_figure_about_a_list_of_places_is_about_all_of_them() {
    let scopes = |name: &str, text: &str| -> Vec<Option<String>> {
        counted(name, text).into_iter().map(|(_, _, place)| place).collect()
    };
    assert_eq!(scopes("one-place", "At least 430 people were killed in Norland."), [Some("Norland".to_string())]);
    assert_eq!(
        scopes("listed", "At least 430 people were killed in the provinces of Norland, Eastmark and Velia."),
        [None]
    );
    let fr = "Au moins 430 personnes ont été tuées dans les provinces de Norland, Eastmark et Velia.";
    assert_eq!(scopes("listed-fr", fr), [None]);
    // A place named by its kind ("la région de …"), and a figure in a phrase
    // that opens with a preposition after the clause that names it.
    let fr = "La région de Norvalle a payé le plus lourd tribut, avec 155 décès confirmés.";
    assert_eq!(scopes("region-fr", fr), [Some("Norvalle".to_string())]);
    // "l'État" is the government, no place.
    let fr = "Le tribunal de l'Etat a fixé le prix de l'opération à 54,20 dollars par action.";
    assert_eq!(scopes("etat-fr", fr), [None]);
}

/// The id of each finding of a report on `docs` (file name, text), written to a folder of their own.
fn finding_ids(name: &str, docs: &[(&str, &str)]) -> Vec<String> {
    let dir = crate::common::temp_dir(name);
    for (file, text) in docs {
        crate::common::write(&dir, file, format!("---\ndate: 2031-05-02\n---\n{text}\n").as_bytes());
    }
    let (code, report, stderr) = crate::common::report_json(&[dir.to_str().unwrap()]);
    assert_ne!(code, 2, "{stderr}");
    report["findings"].as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn the_country_a_story_is_about_is_the_scope_of_a_figure_that_names_none() {
    // Both speak of Portugal (their claims name it); the police figure is
    // "in Portugal" in one, names no place in the other, or is Lisbon's.
    let police = |place: &str| {
        let first = "Strike\n\n41,000 protesters marched in Portugal on Tuesday, police said. Portugal's unions \
                     counted 90,000 protesters.";
        let second = format!(
            "Unions march\n\nSome 41,000 protesters marched{place} on Tuesday, police said. Portugal's unions \
             counted 90,000 protesters."
        );
        let ids = finding_ids(&format!("main-place{}", place.len()), &[("a.md", first), ("b.md", &second)]);
        ids.into_iter().filter(|id| !id.contains("by-organizers")).collect::<Vec<String>>()
    };
    assert_eq!(police(""), ["protesters.count:?>?/by-authorities"]);
    // A city stays a part of the story, apart from its whole.
    assert_eq!(police(" in Lisbon"), ["protesters.count:?>?/by-authorities", "protesters.count:?>?/lisbon"]);
}

#[test]
fn the_rows_of_a_list_count_what_its_heading_names() {
    let rows = "Les chiffres des manifestants ville par ville :\n\nValmont : 12 000 (Unitas) / 5 000 selon la \
                police\n\nCorvel : 8 000 (Unitas) / 3 000 selon la police";
    let row = |v: &str, by: &str, place: &str| (v.to_string(), Some(by.to_string()), Some(place.to_string()));
    assert_eq!(
        counted("rows", rows),
        [
            row("12 000", "Unitas", "Valmont"),
            row("5 000", "police", "Valmont"),
            row("8 000", "Unitas", "Corvel"),
            row("3 000", "police", "Corvel"),
        ]
    );
    // A line that is no row ends the list.
    let after = format!("{rows}\n\nLe cortège est parti à 14 heures, 300 mètres plus loin.");
    assert_eq!(counted("rows-end", &after).len(), 4);
}

#[test]
fn a_list_of_places_in_a_paragraph_counts_what_its_first_figure_counts() {
    let claims = claims_of_text(
        "inline-list",
        "2031-05-02",
        "In Valmont, 12,000 demonstrators marched. Turnout rose everywhere, in Corvel (8,000) and Ostrane (3,500).",
    );
    let found: Vec<(String, String, String)> = claims
        .iter()
        .filter(|c| c["frame"] == "protesters")
        .map(|c| {
            let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            (s(&c["text"]), s(&c["value"]["text"]), s(&c["scope"]["place"]))
        })
        .collect();
    let row = |t: &str, v: &str, p: &str| (t.to_string(), v.to_string(), p.to_string());
    assert_eq!(
        found,
        [
            row("12,000 demonstrators", "12,000", "Valmont"),
            row("Corvel (8,000)", "8,000", "Corvel"),
            row("Ostrane (3,500)", "3,500", "Ostrane")
        ]
    );
}

#[test]
fn a_figure_whose_counter_is_not_said_meets_the_counter_it_agrees_with() {
    let dir = crate::common::temp_dir("unsaid-counter");
    let a = "Strike\n\nIn Corvel, 3,000 protesters marched according to the police, 8,000 according to the unions.";
    let b = "Turnout\n\nIn Valmont, 12,000 protesters marched. Turnout rose in Corvel (3,000) too.";
    for (file, text) in [("a.md", a), ("b.md", b)] {
        crate::common::write(&dir, file, format!("---\ndate: 2031-05-02\n---\n{text}\n").as_bytes());
    }
    let (code, report, stderr) = crate::common::report_json(&[dir.to_str().unwrap()]);
    assert_ne!(code, 2, "{stderr}");
    let text_of = |id: &serde_json::Value| {
        let claims = report["claims"].as_array().unwrap();
        claims.iter().find(|c| &c["id"] == id).map(|c| c["text"].as_str().unwrap().to_string()).unwrap()
    };
    let corvel: Vec<Vec<String>> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"].as_str().unwrap().contains("corvel"))
        .map(|f| f["claims"].as_array().unwrap().iter().map(text_of).collect())
        .collect();
    let police = corvel.iter().find(|texts| texts.contains(&"3,000 protesters".to_string()));
    assert!(police.is_some_and(|texts| texts.contains(&"Corvel (3,000)".to_string())), "{corvel:?}");
    assert_eq!(corvel.len(), 2, "{corvel:?}");
}

#[test]
fn a_counter_named_before_an_insert_gives_the_figure_after_it() {
    let en = "In Lisbon, 90,000 people marched according to the police, while the Unitas union, speaking for all \
              unions, counted 300,000 protesters.";
    assert_eq!(counters(counted("past-insert", en)), by(&[("90,000", Some("police")), ("300,000", Some("Unitas"))]));
}

#[test]
fn two_names_of_the_authorities_give_one_count_that_can_contradict() {
    let (_, report, _) = {
        let dir = crate::common::temp_dir("one-kind");
        for (file, text) in [
            ("a.md", "In Lisbon, 90,000 protesters marched according to the police prefecture."),
            ("b.md", "In Lisbon, police headquarters counted 150,000 protesters."),
        ] {
            crate::common::write(&dir, file, format!("---\ndate: 2031-05-02\n---\nTitle\n\n{text}\n").as_bytes());
        }
        crate::common::report_json(&[dir.to_str().unwrap()])
    };
    let finding = report["findings"].as_array().unwrap().iter().find(|f| f["frame"] == "protesters").unwrap();
    assert_eq!(finding["verdict"], "contradiction", "{finding}");
}
