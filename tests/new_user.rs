//! What a new user meets first: phrases written as people write them, the
//! arguments in the order people type them, files as they come, and a
//! report that counts in plain words. Each test is one rough edge, filed
//! after trying the tool as a newcomer would.

use crate::common::{code, json, report_json, root, run, stderr, stdout, temp_dir, write};

/// The values `parse` reads in one phrase: (text, low, high, hedge).
fn parse(lang: &str, phrase: &str) -> Vec<(String, f64, f64, String)> {
    let out = run(&["parse", "--lang", lang, phrase], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    json(&out)
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["text"].as_str().unwrap().to_string(),
                v["low"].as_f64().unwrap_or(f64::NAN),
                v["high"].as_f64().unwrap_or(f64::INFINITY),
                v["hedge"].as_str().unwrap_or("none").to_string(),
            )
        })
        .collect()
}

fn dates(report: &serde_json::Value) -> Vec<(String, Option<String>)> {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap().to_string(), d["date"].as_str().map(str::to_string)))
        .collect()
}

#[test]
fn a_hedge_that_opens_a_sentence_keeps_its_number() {
    for (lang, phrase, hedge) in [
        ("fr", "Environ 30 morts", "about"),
        ("fr", "Quelque 30 morts", "about"),
        ("en", "About 30 dead", "about"),
        ("en", "Some 30 people died", "about"),
        ("en", "Around 30 people died", "about"),
        ("en", "Roughly 30 people died", "about"),
        ("en", "Nearly 30 people died", "nearly"),
    ] {
        let values = parse(lang, phrase);
        assert_eq!(values.len(), 1, "{phrase}: {values:?}");
        let (text, low, high, read) = &values[0];
        assert_eq!((text.split(' ').nth(1), read.as_str()), (Some("30"), hedge), "{phrase}");
        assert!(*low >= 27.0 - 1e-9 && *high <= 33.0 + 1e-9 && low < high, "{phrase}: {low}..{high}");
    }
    // A capitalized word that is no hedge still makes a product's number.
    assert!(parse("en", "Boeing 737 jets").is_empty());
}

#[test]
fn round_number_words_are_counts_of_about_so_many() {
    let cases: [(&str, &str, &str, f64, f64); 6] = [
        ("fr", "une trentaine de morts", "une trentaine", 27.0, 33.0),
        ("fr", "une dizaine de blessés", "une dizaine", 9.0, 11.0),
        ("fr", "des centaines de blessés", "des centaines", 200.0, 999.0),
        ("en", "a dozen people died", "a dozen", 10.8, 13.2),
        ("en", "dozens of people were hurt", "dozens", 24.0, 99.0),
        ("en", "tens of thousands of people fled", "tens of thousands", 20_000.0, 99_999.0),
    ];
    for (lang, phrase, wording, low, high) in cases {
        let values = parse(lang, phrase);
        assert_eq!(values.len(), 1, "{phrase}: {values:?}");
        assert_eq!(values[0].0, wording, "{phrase}");
        assert!((values[0].1 - low).abs() < 1e-6 && (values[0].2 - high).abs() < 1e-6, "{phrase}: {values:?}");
    }
}

#[test]
fn feminine_and_formal_words_for_the_dead_are_a_toll() {
    let dir = temp_dir("toll-words");
    write(&dir, "a.md", "Crue\n\nSelon la préfecture, trente personnes sont mortes dans la crue.\n".as_bytes());
    write(&dir, "b.md", "Crue\n\nSelon la préfecture, trente personnes sont décédées dans la crue.\n".as_bytes());
    let (_, report, err) = report_json(&["--lang", "fr", dir.to_str().unwrap()]);
    let claims = report["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2, "{err}{report}");
    assert!(claims.iter().all(|c| c["frame"] == "casualties" && c["value"]["point"] == 30.0), "{report}");
}

#[test]
fn the_date_option_fills_only_the_dates_files_do_not_give() {
    let dir = temp_dir("date-option");
    write(&dir, "dated.md", b"---\ndate: 2024-10-14\n---\nThe flood killed three people, officials said.\n");
    write(&dir, "undated.md", b"The flood killed three people, officials said.\n");
    let (_, report, err) = report_json(&["--date", "2024-10-20", dir.to_str().unwrap()]);
    assert_eq!(
        dates(&report),
        [("dated".into(), Some("2024-10-14".into())), ("undated".into(), Some("2024-10-20".into()))],
        "{err}"
    );
}

#[test]
fn date_lines_with_an_outlet_a_time_or_the_month_first() {
    let dir = temp_dir("date-lines");
    let flood = "La crue a fait trois morts dans la vallée, selon la préfecture.";
    write(
        &dir,
        "a.md",
        format!("Crue\n\nLa Gazette du Val — Publié le 14 octobre 2024 à 07h45\n\n{flood}\n").as_bytes(),
    );
    write(
        &dir,
        "b.md",
        format!("Crue\n\nMis à jour le 16 octobre 2024 à 18h02 — Journal du Val\n\n{flood}\n").as_bytes(),
    );
    // English writes the month first: 3 May is 05/03 there.
    write(
        &dir,
        "c.md",
        b"Flood\n\nUpdated 03/05/2025\n\nThe flood killed three people in the valley, officials said.\n",
    );
    let (_, report, err) = report_json(&[dir.to_str().unwrap()]);
    assert_eq!(
        dates(&report),
        [
            ("a".into(), Some("2024-10-14".into())),
            ("b".into(), Some("2024-10-16".into())),
            ("c".into(), Some("2025-03-05".into()))
        ],
        "{err}"
    );
    // The date line is no sentence of the article.
    for doc in report["documents"].as_array().unwrap() {
        assert_eq!(doc["excluded_lines"], serde_json::json!([3]), "{doc}");
    }
}

#[test]
fn a_file_named_twice_is_one_source() {
    let dir = temp_dir("twice");
    let file = write(&dir, "a.md", b"The flood killed three people in the valley, officials said.\n");
    let file = file.to_str().unwrap();
    let (_, report, err) = report_json(&[file, file, dir.to_str().unwrap()]);
    assert_eq!(report["documents"].as_array().unwrap().len(), 1, "{err}{report}");
    let skipped = report["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 2, "{report}");
    assert!(skipped.iter().all(|s| s["reason"].as_str().unwrap().contains("same file") && s["error"] == false));
    let finding = &report["findings"][0];
    assert_eq!(finding["verdict"], "single_source", "{finding}");
}

/// A sources folder with two articles that agree, and a draft saved inside it.
fn draft_among_sources(name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = temp_dir(name);
    write(&dir, "one.md", b"The flood killed three people in the valley, officials said.\n");
    write(&dir, "two.md", b"Officials said three people were killed by the flood in the valley.\n");
    let draft = write(&dir, "draft.md", b"The flood killed five people in the valley, officials said.\n");
    (dir, draft)
}

#[test]
fn a_draft_inside_its_sources_folder_is_left_out_of_them() {
    let (dir, draft) = draft_among_sources("draft-inside");
    let out = run(&["review", draft.to_str().unwrap(), "--sources", dir.to_str().unwrap(), "--format", "json"], b"");
    let review = json(&out);
    let sources: Vec<&str> =
        review["sources"]["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(sources, ["one", "two"], "{review}");
    assert!(stderr(&out).contains("draft.md: the draft under review, left out of its sources"), "{}", stderr(&out));
    // Had it stayed a source, the five dead would support themselves.
    assert_eq!(code(&out), 1, "{review}");
    assert_eq!(review["claims"][0]["status"], "contradicted", "{review}");
}

#[test]
fn the_draft_may_come_after_the_sources() {
    let (dir, draft) = draft_among_sources("draft-last");
    let first = run(&["review", draft.to_str().unwrap(), "--sources", dir.to_str().unwrap(), "--format", "json"], b"");
    let last = run(&["review", "--sources", dir.to_str().unwrap(), draft.to_str().unwrap(), "--format", "json"], b"");
    assert_eq!(code(&last), code(&first), "{}", stderr(&last));
    assert_eq!(stdout(&last), stdout(&first));
    // A folder last is no draft: the message says how to name one.
    let out = run(&["review", "--sources", dir.to_str().unwrap(), dir.to_str().unwrap()], b"");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no draft to review"), "{}", stderr(&out));
}

#[test]
fn a_pdf_is_refused_with_what_to_do() {
    let dir = temp_dir("pdf");
    let pdf = write(&dir, "story.txt", b"%PDF-1.7\n1 0 obj\n<< /Title (Flood) >>\nendobj\ntrailer\n");
    let listed = write(&dir, "annex.pdf", b"%PDF-1.7\n");
    write(&dir, "good.md", b"The flood killed three people in the valley, officials said.\n");
    let (status, report, err) = report_json(&[dir.to_str().unwrap(), pdf.to_str().unwrap()]);
    assert_eq!(status, 2, "a file named to be read and refused: {err}");
    assert!(err.contains("story.txt: a PDF document, not text"), "{err}");
    assert!(report["documents"].as_array().unwrap().iter().all(|d| d["title"] != "endobj"));
    let annex = report["skipped"].as_array().unwrap().iter().find(|s| s["path"] == listed.to_str().unwrap()).unwrap();
    let reason = annex["reason"].as_str().unwrap();
    assert!(reason.starts_with("a PDF document") && !reason.contains("anyway"), "{reason}");
}

#[test]
fn an_invalid_front_matter_date_is_named() {
    let dir = temp_dir("front-matter");
    write(&dir, "a.md", b"---\ndate: 2024-13-45\n---\nThe flood killed three people, officials said.\n");
    let (_, report, _) = report_json(&[dir.to_str().unwrap()]);
    assert_eq!(report["documents"][0]["date"], serde_json::Value::Null);
    let warnings = report["warnings"].to_string();
    assert!(warnings.contains("a.md") && warnings.contains("line 2") && warnings.contains("month 13"), "{warnings}");
}

#[test]
fn a_rule_file_with_another_extension_is_named() {
    let rules = temp_dir("rules-extension");
    write(&rules, "entities/x.tml", b"[[entity]]\nname = \"Val Water Board\"\nkind = \"organization\"\n");
    let out = run(&["--rules", rules.to_str().unwrap(), "rules", "check"], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("x.tml: not a .toml file, not read as rules"), "{}", stderr(&out));
    let out = run(&["--rules", rules.to_str().unwrap(), "parse", "--lang", "en", "3 dead"], b"");
    assert!(stderr(&out).contains("x.tml"), "{}", stderr(&out));
}

#[test]
fn parse_says_it_reads_standard_input_when_a_person_types() {
    // A terminal on standard input: `script` gives the command one.
    let Ok(probe) = std::process::Command::new("script").arg("--version").output() else { return };
    if !probe.status.success() {
        return;
    }
    let command = format!("{} parse --lang en < /dev/tty", env!("CARGO_BIN_EXE_crosscheck"));
    let mut child = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("script runs");
    {
        use std::io::Write;
        let mut input = child.stdin.take().unwrap();
        // A phrase, then Ctrl-D as a person ends their input.
        input.write_all(b"about 30 dead\n\x04").unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("reading phrases from standard input"), "{shown}");
    assert!(shown.contains("\"about 30\""), "{shown}");
    // Without a terminal, nothing is said: the output stays JSON alone.
    let out = run(&["parse", "--lang", "en"], b"about 30 dead\n");
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn counts_agree_with_their_nouns() {
    let dir = temp_dir("plurals");
    write(&dir, "a.md", b"The flood killed three people in the valley, officials said.\n");
    let out = run(&["report", dir.to_str().unwrap()], b"");
    let text = stdout(&out);
    assert!(text.contains("1 source, 1 claim, 1 finding: 0 contradictions"), "{text}");
    assert!(!text.contains("1 sources") && !text.contains("1 findings"), "{text}");
    let out = run(&["review", dir.join("a.md").to_str().unwrap(), "--sources", "seeds"], b"");
    assert!(stdout(&out).contains("1 claim against 5 sources"), "{}", stdout(&out));
}

#[test]
fn the_readme_first_command_succeeds_on_the_seeds() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let block = readme.split("```sh\n").nth(1).and_then(|b| b.split("```").next()).unwrap();
    let first = block.lines().next().unwrap();
    let args: Vec<&str> = first.split(" -- ").nth(1).expect("cargo run -- ARGS").split_whitespace().collect();
    assert_eq!(args.first(), Some(&"report"), "{first}");
    let out = run(&args, b"");
    assert_eq!(code(&out), 0, "`{first}` exits 0 so that `&& cargo test` goes on: {}", stderr(&out));
    assert!(stdout(&out).contains("# crosscheck report"));
}

#[test]
fn a_headline_names_the_document() {
    let dir = temp_dir("headlines");
    // No common word in the headline: still the title, not the first sentence.
    write(&dir, "a.md", b"Valley flood: toll hits 3\n\nThe flood killed three people in the valley, officials said.\n");
    // The headline printed again as the first sentence: one statement, read once.
    write(
        &dir,
        "b.md",
        b"Flood kills three in the valley\n\nFlood kills three in the valley. Rescuers searched on, officials said.\n",
    );
    let (_, report, err) = report_json(&[dir.to_str().unwrap()]);
    let titles: Vec<&str> =
        report["documents"].as_array().unwrap().iter().map(|d| d["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Valley flood: toll hits 3", "Flood kills three in the valley"], "{err}");
    let from_b: Vec<u64> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["doc"] == "b")
        .map(|c| c["span"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(from_b, [1], "{report}");
}
