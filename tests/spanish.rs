//! Spanish, read from `rules/lang/es.toml` alone: the phrases of DESIGN.md,
//! language detection beside French and English, and a story of three
//! outlets in `tests/stories/es/` (its JSON report is pinned in
//! `snapshots/`).

use crate::common::{code, json, run, stderr, temp_dir, write};

/// Checks the first value `parse --lang es` reads in `phrase`: its type,
/// words, bounds (`None` for unbounded), currency and hedge.
fn assert_reads(
    phrase: &str,
    kind: &str,
    text: &str,
    bounds: (Option<f64>, Option<f64>),
    unit: Option<&str>,
    hedge: Option<&str>,
) {
    let out = run(&["parse", "--lang", "es", "--date", "2025-04", phrase], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let values = json(&out);
    let v = values.get(0).unwrap_or_else(|| panic!("{phrase:?}: no value in {values}"));
    assert_eq!((v["type"].as_str(), v["text"].as_str()), (Some(kind), Some(text)), "{phrase}");
    let close = |got: Option<f64>, want: Option<f64>| match (got, want) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0),
        (got, want) => got.is_none() && want.is_none(),
    };
    assert!(close(v["low"].as_f64(), bounds.0) && close(v["high"].as_f64(), bounds.1), "{phrase}: {v}");
    assert_eq!((v["unit"].as_str(), v["hedge"].as_str()), (unit, hedge), "{phrase}");
}

#[test]
fn parse_reads_the_spanish_phrases_of_the_design() {
    let eur = Some("EUR");
    assert_reads(
        "1.600 millones de euros",
        "amount",
        "1.600 millones de euros",
        (Some(1599.5e6), Some(1600.5e6)),
        eur,
        None,
    );
    assert_reads("más de 2.000 muertos", "count", "más de 2.000", (Some(2000.0), None), None, Some("over"));
    let nearly = (Some(90e6), Some(100e6));
    assert_reads(
        "casi 100 millones de dólares",
        "amount",
        "casi 100 millones de dólares",
        nearly,
        Some("USD"),
        Some("nearly"),
    );
    assert_reads("61,35 %", "percent", "61,35 %", (Some(61.345), Some(61.355)), None, None);
    let range = (Some(3e6), Some(5e6));
    assert_reads("entre 3 y 5 millones de euros", "amount", "entre 3 y 5 millones de euros", range, eur, Some("range"));
    // "billones" is 10¹², not the English billion; "mil millones" is 10⁹.
    assert_reads("2 billones de euros", "amount", "2 billones de euros", (Some(1.5e12), Some(2.5e12)), eur, None);
    assert_reads("4 mil millones de euros", "amount", "4 mil millones de euros", (Some(3.5e9), Some(4.5e9)), eur, None);
    // Thousands with a comma, as some Latin American sites write them; "apenas" is no hedge.
    assert_reads("35,000 evacuados", "count", "35,000", (Some(35000.0), Some(35000.0)), None, None);
    assert_reads("apenas 1.500 votos", "count", "1.500", (Some(1500.0), Some(1500.0)), None, None);
    let out = run(&["parse", "--lang", "es", "el 3 de enero de 2023"], b"");
    let date = &json(&out)[0];
    assert_eq!(
        (date["text"].as_str(), date["start"].as_str(), date["end"].as_str(), date["granularity"].as_str()),
        (Some("3 de enero de 2023"), Some("2023-01-03"), Some("2023-01-03"), Some("day")),
        "{date}"
    );
    // A time of day is no value.
    let out = run(&["parse", "--lang", "es", "a las 12.33 horas"], b"");
    assert_eq!(json(&out), serde_json::json!([]));
}

#[test]
fn spanish_french_and_english_are_told_apart() {
    let dir = temp_dir("three-languages");
    write(
        &dir,
        "fr.md",
        "Crue dans la vallée\n\nLes pluies ont fait au moins douze morts dans la vallée, selon la préfecture. \
         Les secours ont évacué plus de 300 habitants et la route reste coupée depuis mardi.\n"
            .as_bytes(),
    );
    write(
        &dir,
        "en.md",
        b"Flood in the valley\n\nThe rain has killed at least twelve people in the valley, officials said. \
          Rescuers evacuated more than 300 residents and the road has been closed since Tuesday.\n",
    );
    write(
        &dir,
        "es.md",
        "Crecida en el valle\n\nLas lluvias han dejado al menos doce muertos en el valle, según la delegación. \
         Los servicios de emergencia evacuaron a más de 300 vecinos y la carretera sigue cortada desde el martes.\n"
            .as_bytes(),
    );
    let out = run(&["report", "--format", "json", dir.to_str().unwrap(), "seeds"], b"");
    let report = json(&out);
    let languages: Vec<(&str, &str)> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["language"].as_str().unwrap()))
        .collect();
    for (id, language) in &languages {
        let expected = if id.len() == 2 { *id } else { "fr" };
        assert_eq!(language, &expected, "{id}: {languages:?}");
    }
    assert_eq!(languages.len(), 8, "{languages:?}");
    // Each reads its toll, in its own words.
    let tolls: Vec<(&str, &str)> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["frame"] == "casualties" && c["doc"].as_str().is_some_and(|d| d.len() == 2))
        .map(|c| (c["doc"].as_str().unwrap(), c["value"]["text"].as_str().unwrap()))
        .collect();
    assert_eq!(tolls, [("en", "at least twelve"), ("es", "al menos doce"), ("fr", "au moins douze")]);
}

/// The story's facts, as an editor reads them: the toll differs only by
/// rounding, the day of the flood (the outbreak of the disaster) contradicts.
#[test]
fn the_spanish_story_rounds_its_toll_and_contradicts_its_date() {
    let out = run(&["report", "--format", "json", "tests/stories/es"], b"");
    assert_eq!(code(&out), 1, "a contradiction: {}", stderr(&out));
    let report = json(&out);
    assert!(report["documents"].as_array().unwrap().iter().all(|d| d["language"] == "es"), "{report}");
    let verdict = |id: &str| {
        let finding = report["findings"].as_array().unwrap().iter().find(|f| f["id"] == id);
        finding.unwrap_or_else(|| panic!("no finding {id}")).get("verdict").and_then(|v| v.as_str()).unwrap()
    };
    assert_eq!(verdict("outbreak.time:?>?"), "contradiction");
    assert_eq!(verdict("casualties.count:?>?/valdoria"), "rounding");
    assert_eq!(verdict("missing.count:?>?"), "rounding");
    assert_eq!(verdict("evacuated.count:?>?"), "rounding");
    assert_eq!(verdict("budget.amount:gobierno>?"), "agreement");
}

/// Who did what to whom, and what did not happen, in Spanish words: an
/// active and a passive sentence, a genitive, "no".
#[test]
fn spanish_roles_and_negation() {
    let dir = temp_dir("spanish-roles");
    write(
        &dir,
        "a.md",
        "---\ndate: 2025-06-10\n---\nCompra\n\n\
         El Grupo Orvalia compró Tecnalia Sur por 1.600 millones de euros, según fuentes de la operación.\n\n\
         Lucía Serrano, presidenta del Grupo Orvalia, demandó a Tecnalia Sur en abril pasado.\n\n\
         Tecnalia Sur no firmó el acuerdo.\n"
            .as_bytes(),
    );
    write(
        &dir,
        "b.md",
        "---\ndate: 2025-06-11\n---\nAdquisición\n\n\
         Tecnalia Sur fue adquirida por el Grupo Orvalia por casi 1.600 millones de euros.\n\n\
         La demanda de Lucía Serrano contra Tecnalia Sur se presentó el pasado abril.\n\n\
         Tecnalia Sur firmó el acuerdo.\n"
            .as_bytes(),
    );
    let out = run(&["report", "--format", "json", dir.to_str().unwrap()], b"");
    let report = json(&out);
    let findings: Vec<(&str, &str)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["id"].as_str().unwrap(), f["verdict"].as_str().unwrap()))
        .collect();
    for expected in [
        ("acquisition.amount:grupo-orvalia>tecnalia-sur", "rounding"),
        ("lawsuit.time:lucía-serrano>tecnalia-sur", "agreement"),
        ("signature.occurrence:tecnalia-sur>?", "contradiction"),
    ] {
        assert!(findings.contains(&expected), "{expected:?} in {findings:?}");
    }
}
