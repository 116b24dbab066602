//! Figures bound to what they measure, read from short texts of our own:
//! money given, a jury and its alternates, users with their adjectives, and
//! a court that is no place a figure is about.

use crate::common::claims_of_text;

/// (frame, attribute, value text, scope place) of each claim read from `text`.
fn measured(name: &str, text: &str) -> Vec<(String, String, String, Option<String>)> {
    claims_of_text(name, "2031-05-02", text)
        .iter()
        .filter(|c| c["value"]["type"] != "date")
        .map(|c| {
            let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            (s(&c["frame"]), s(&c["attribute"]), s(&c["value"]["text"]), c["scope"]["place"].as_str().map(String::from))
        })
        .collect()
}

fn plain(list: &[(&str, &str, &str)]) -> Vec<(String, String, String, Option<String>)> {
    list.iter().map(|(f, a, v)| (f.to_string(), a.to_string(), v.to_string(), None)).collect()
}

#[test]
fn money_given_is_a_donation_and_money_raised_is_not() {
    assert_eq!(
        measured(
            "donations-fr",
            "Au total, 512 millions d'euros ont été récoltés. Près de 520 millions d'euros de dons ont afflué."
        ),
        plain(&[
            ("donations", "amount", "512 millions d'euros"),
            ("donations", "amount", "Près de 520 millions d'euros")
        ])
    );
    assert_eq!(
        measured("donations-en", "More than 90,000 donors contributed a remarkable 510 million euros."),
        plain(&[("donors", "count", "More than 90,000"), ("donations", "amount", "510 million euros")])
    );
    // A company raising money is funded, not given to.
    let raised = measured("raised", "The start-up raised $6 billion from investors.");
    assert!(raised.iter().all(|(f, ..)| f != "donations"), "{raised:?}");
}

#[test]
fn a_jury_and_its_alternates_are_two_counts() {
    assert_eq!(
        measured("jury-en", "A 12-member jury had been seated, and 6 alternate jurors were called."),
        plain(&[("jurors", "count", "12"), ("alternates", "count", "6")])
    );
    assert_eq!(
        measured("jury-fr", "Un jury de 12 personnes a été sélectionné, ainsi que 6 jurés suppléants."),
        plain(&[("jurors", "count", "12"), ("alternates", "count", "6")])
    );
}

#[test]
fn users_keep_their_adjectives() {
    assert_eq!(
        measured("users", "The service touts 180 million monetizable daily active users."),
        plain(&[("users", "count", "180 million")])
    );
}

#[test]
fn a_court_is_no_place_a_figure_is_about() {
    let found = measured("court", "A 12-member jury had been seated for trial in Norland Superior Court.");
    assert_eq!(found, plain(&[("jurors", "count", "12")]));
    let found = measured("town", "The flood killed 40 people in Velmora.");
    assert_eq!(found[0].3.as_deref(), Some("Velmora"), "{found:?}");
}

#[test]
fn a_magnitude_is_the_event_s_own_and_a_toll_is_a_place_s() {
    let got = measured("magnitude-place", "In Peru, a magnitude 6.4 quake killed 35 people.");
    assert_eq!(
        got,
        [
            ("magnitude".to_string(), "magnitude".to_string(), "6.4".to_string(), None),
            ("casualties".to_string(), "count".to_string(), "35".to_string(), Some("Peru".to_string())),
        ]
    );
}

#[test]
fn a_toll_is_bound_across_a_hedged_verb_and_a_revision() {
    assert_eq!(
        measured(
            "toll-revised",
            "At least 58 people are known to have perished in the storm. On Tuesday the official toll was revised to 55."
        ),
        plain(&[("casualties", "count", "At least 58"), ("casualties", "count", "55")])
    );
}

#[test]
fn a_deal_worth_a_sum_is_the_deal_s_amount_not_a_valuation() {
    let got = measured(
        "deal-worth",
        "Shares of Globex rose. Globex is buying Initech in a deal worth $12.5 billion. Initech was valued at $9 billion last year.",
    );
    let amounts: Vec<(String, String)> =
        got.into_iter().filter(|(_, a, ..)| a == "amount").map(|(f, _, v, _)| (f, v)).collect();
    assert_eq!(
        amounts,
        [("acquisition".to_string(), "$12.5 billion".to_string()), ("valuation".to_string(), "$9 billion".to_string())]
    );
}

/// (frame, value text) of each date claim read from `text`.
fn dated(name: &str, text: &str) -> Vec<(String, String)> {
    let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    claims_of_text(name, "2031-05-14", text)
        .iter()
        .filter(|c| c["value"]["type"] == "date")
        .map(|c| (s(&c["frame"]), s(&c["value"]["text"])))
        .collect()
}

#[test]
fn the_day_the_parties_announce_dates_their_deal_not_a_storm() {
    assert_eq!(
        dated(
            "announced-deal",
            "Globex is buying Initech for $2 billion, the companies announced on Tuesday and more."
        ),
        [("acquisition".to_string(), "Tuesday".to_string())]
    );
    assert_eq!(
        dated(
            "reported-storm",
            "The storm that hit the coast overnight killed 12 people across the region, officials said on Tuesday and more."
        ),
        []
    );
}

/// The scope's event of each figure read from `text`: another event's, or a number added.
fn events_of(name: &str, text: &str) -> Vec<(String, Option<String>)> {
    claims_of_text(name, "2031-05-02", text)
        .iter()
        .filter(|c| c["value"].is_object() && c["value"]["type"] != "date")
        .map(|c| {
            (
                c["value"]["text"].as_str().unwrap_or_default().to_string(),
                c["scope"]["event"].as_str().map(String::from),
            )
        })
        .collect()
}

/// Rows of [`events_of`].
fn events(list: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    list.iter().map(|(v, e)| (v.to_string(), e.map(String::from))).collect()
}

#[test]
fn a_number_added_is_no_total() {
    let fr =
        "Au total, 300 militaires supplémentaires ont été déployés, portant à 2 100 le nombre de soldats mobilisés.";
    assert_eq!(events_of("added-fr", fr), events(&[("300", Some("added")), ("2 100", None)]));
    let en = "An additional 300 soldiers were deployed, bringing to 2,100 the number of soldiers mobilized.";
    let found = events_of("added-en", en);
    assert!(found.contains(&("300".to_string(), Some("added".to_string()))), "{found:?}");
    // A hedge before a figure is no number added.
    let hedged = events_of("hedge", "More than 2,100 soldiers were deployed.");
    assert_eq!(hedged, events(&[("More than 2,100", None)]));
}

#[test]
fn a_figure_in_parentheses_after_a_name_is_that_name_s() {
    let fr =
        "Un mois après la tempête Hilda (14 morts) qui a frappé le nord, les inondations ont fait au moins 60 morts.";
    assert_eq!(events_of("named-event", fr), events(&[("14", Some("Hilda")), ("au moins 60", None)]));
}

#[test]
fn a_figure_its_clause_gives_a_named_fire_is_that_fire_s() {
    let en = "The Halden Fire has killed 16 people, fire officials said.";
    assert_eq!(events_of("named-fire-en", en), events(&[("16", Some("Halden"))]));
    let fr = "Selon les pompiers, l'incendie Halden a fait 16 morts dans la nuit de lundi.";
    assert_eq!(events_of("named-fire-fr", fr), events(&[("16", Some("Halden"))]));
    // Fires together: no one fire's.
    let all = events_of("all-fires", "Together, the Halden fire and the Marrow fire have killed 24 people.");
    assert_eq!(all, events(&[("24", None)]));
}

#[test]
fn a_part_of_a_toll_is_the_toll_of_what_its_own_words_name() {
    // A partitive: the part counts what its whole counts; the whole is no one fire's.
    let en = "Officials said 9 of the 31 deaths are attributed to the Halden Fire and 22 to the Marrow Fire.";
    assert_eq!(events_of("partitive-en", en), events(&[("9", Some("Halden")), ("31", None), ("22", Some("Marrow"))]));
    let fr = "Selon le coroner, neuf des décès sont attribués à l'incendie Halden et 22 à l'incendie Marrow.";
    assert_eq!(events_of("partitive-fr", fr), events(&[("neuf", Some("Halden")), ("22", Some("Marrow"))]));
}

#[test]
fn each_figure_of_a_list_of_places_is_its_own_place_s() {
    let found = measured(
        "arrests-by-city",
        "Les heurts ont donné lieu à 41 interpellations à Valmont, 12 à Corvel et trois à Ostrane.",
    );
    let places: Vec<(String, Option<String>)> = found.into_iter().map(|(_, _, v, p)| (v, p)).collect();
    let row = |v: &str, p: &str| (v.to_string(), Some(p.to_string()));
    assert_eq!(places, [row("41", "Valmont"), row("12", "Corvel"), row("trois", "Ostrane")]);
}

#[test]
fn rain_is_measured_in_litres_on_the_place_its_clause_names() {
    let found = measured(
        "rainfall",
        "In Corvel, Valmora, some 480 litres fell over several hours. Ostrane had 120 litres per square metre.",
    );
    let rows: Vec<(String, String, Option<String>)> = found.into_iter().map(|(f, _, v, p)| (f, v, p)).collect();
    assert_eq!(
        rows,
        [
            ("rainfall".to_string(), "some 480".to_string(), Some("Corvel".to_string())),
            ("rainfall".to_string(), "120".to_string(), None),
        ]
    );
}

#[test]
fn a_name_another_preposition_heads_is_no_place() {
    // "in cash for each share of X": X is the company, not where the price holds.
    let found = measured("price-of", "Holders will receive $31.50 in cash for each share of Zentrix stock.");
    assert!(found.iter().all(|(_, _, _, place)| place.is_none()), "{found:?}");
}

#[test]
fn a_toll_revised_from_one_figure_to_another_is_the_second() {
    let found = measured(
        "revised-from-to",
        "The death toll was revised downwards on Monday, from 133 to 131. Officials listed 40 people as missing.",
    );
    let rows: Vec<(String, String)> = found.into_iter().map(|(f, _, v, _)| (f, v)).collect();
    assert!(rows.contains(&("casualties".to_string(), "131".to_string())), "{rows:?}");
    assert!(rows.contains(&("missing".to_string(), "40".to_string())), "{rows:?}");
    let fr = measured("revise-de-a", "Le bilan a été révisé mardi de 133 à 131 morts.");
    assert!(fr.iter().any(|(f, _, v, _)| f == "casualties" && v == "131"), "{fr:?}");
}

#[test]
fn a_duration_in_years_is_rounded_to_the_year_and_a_half_adds_to_it() {
    let dir = crate::common::temp_dir("durations");
    for (file, text) in [
        ("a.md", "Le 3 mai 2031, après quatre ans de travaux, le musée Brandt rouvrira ses portes."),
        ("b.md", "Les quatre années et demie de restauration du musée ont coûté cher."),
        ("c.md", "The museum, which has been under reconstruction for over four years, reopens in May."),
    ] {
        crate::common::write(&dir, file, format!("---\ndate: 2031-05-02\n---\nTitle\n\n{text}\n").as_bytes());
    }
    let (_, report, _) = crate::common::report_json(&[dir.to_str().unwrap()]);
    let claims = report["claims"].as_array().unwrap();
    let works: Vec<(f64, f64)> = claims
        .iter()
        .filter(|c| c["frame"] == "works_duration")
        .map(|c| (c["value"]["low"].as_f64().unwrap_or(-1.0), c["value"]["high"].as_f64().unwrap_or(-1.0)))
        .collect();
    assert_eq!(works, [(3.5, 4.5), (4.25, 4.75), (4.0, -1.0)]);
    let finding = report["findings"].as_array().unwrap().iter().find(|f| f["frame"] == "works_duration").unwrap();
    assert_eq!(finding["claims"].as_array().unwrap().len(), 3);
    assert_eq!(finding["verdict"], "rounding", "{finding}");
}

#[test]
fn days_of_mourning_are_a_measure() {
    assert_eq!(
        measured("mourning", "Trois jours de deuil national ont été décrétés."),
        plain(&[("mourning", "duration", "Trois")])
    );
}

#[test]
fn a_toll_caused_and_an_amount_claimed_in_court_are_bound() {
    let claims = claims_of_text(
        "caused-claimed",
        "2031-05-02",
        "Le séisme du 3 mars 1990 avait causé la mort de 4.000 personnes. Quarrow Labs réclamait 2,1 milliards \
         de dollars à Fennick Games devant la justice.",
    );
    let read: Vec<(String, String)> = claims
        .iter()
        .filter(|c| c["value"]["type"] == "count" || c["value"]["type"] == "amount")
        .map(|c| (c["frame"].as_str().unwrap().to_string(), c["value"]["text"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        read,
        [
            ("casualties".to_string(), "4.000".to_string()),
            ("lawsuit".to_string(), "2,1 milliards de dollars".to_string())
        ]
    );
}
