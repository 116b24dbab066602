//! The Markdown report as an editor reads it, on a story of our own told by
//! invented outlets: sources named by outlet, what to fix first, a toll
//! that rose shown latest first, two counters side by side, and a finding
//! stated by many outlets cut to a few rows.

use std::path::{Path, PathBuf};

use crate::common::{code, json, run, stderr, stdout, temp_dir, write};

/// An article with front matter naming its source.
fn article(source: &str, date: &str, text: &str) -> String {
    format!("---\nsource: {source}\ndate: {date}\n---\nValley fire\n\n{text}\n")
}

/// The story: a toll that rises over five days, a departure dated 2018 by
/// two outlets and 2019 by one, a march counted by the police and by the
/// unions, and a deal's amount that eleven wires state; in a folder `name`.
fn story(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    let files = [
        (
            "nordpost.md",
            article(
                "https://www.nordpost.example/fires/2031/07/01/valley-fire",
                "2031-07-01",
                "The Valley fire has killed 12 people, officials said. Ana Lind left Brightwave in 2018, the company said.",
            ),
        ),
        (
            "valley.md",
            article(
                "https://valley-times.example/news/fire-toll",
                "2031-07-03",
                "The death toll from the Valley fire has risen to 17, officials said. Ana Lind left Brightwave in 2019.",
            ),
        ),
        (
            "courier.md",
            article(
                "https://courier.example/a/1",
                "2031-07-05",
                "The Valley fire has killed 21 people, officials said. Ana Lind left Brightwave in 2018.",
            ),
        ),
        (
            "herald.md",
            "---\noutlet: The Herald\nsource: https://herald.example/x\ndate: 2031-07-05\n---\nMarch\n\n\
             About 120,000 people marched on Saturday, according to the police.\n"
                .to_string(),
        ),
        (
            "unionwire.md",
            article(
                "https://www.unionwire.example/march",
                "2031-07-05",
                "Some 300,000 people marched on Saturday, according to the unions.",
            ),
        ),
    ];
    for (name, text) in &files {
        write(&dir, name, text.as_bytes());
    }
    for n in 1..=11 {
        let amount = match n {
            10 => "about $2 billion",
            11 => "$2 billion",
            _ => "$2.1 billion",
        };
        let text = article(
            &format!("https://wire{n:02}.example/deal"),
            "2031-06-20",
            &format!("Halvorsen Systems bought Brightwave for {amount}, the company said."),
        );
        write(&dir, &format!("wire{n:02}.md"), text.as_bytes());
    }
    dir
}

/// `[outlet](path of file in dir)`
fn link(outlet: &str, dir: &Path, file: &str) -> String {
    format!("[{outlet}]({})", dir.join(file).display())
}

#[test]
fn an_editor_reads_what_to_fix_first_with_outlets_named() {
    let dir = story("fix-first");
    let out = run(&["report", dir.to_str().unwrap()], b"");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = stdout(&out);
    let headings: Vec<&str> = report.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings[0], "## What to fix (1)", "{report}");
    // The one contradiction, in plain words, pointing at the minority's place.
    let fix = format!(
        "- **Ana Lind → Brightwave, someone leaving an organization (date)**: 2018 in 2 sources, 2019 in 1 \
         — check {}, line 7.",
        link("valley-times.example", &dir, "valley.md")
    );
    assert!(report.contains(&format!("## What to fix (1)\n\n{fix}\n")), "{report}");
    // Outlets: the source's domain without www., or the front matter's outlet.
    for outlet in ["nordpost.example", "unionwire.example", "The Herald", "wire01.example"] {
        assert!(report.contains(&format!("[{outlet}](")), "{outlet} not named: {report}");
    }
    // Rule ids stay in the ids lines, out of the prose.
    for line in report.lines().filter(|l| l.contains("count-evolves") || l.contains("date-disjoint")) {
        assert!(line.starts_with("ids: "), "a rule id in the prose: {line}");
    }
}

#[test]
fn a_rising_toll_reads_latest_first_and_counters_side_by_side() {
    let dir = story("timeline");
    let report = stdout(&run(&["report", dir.to_str().unwrap()], b""));
    let timeline = format!(
        "- **People killed by an event (Valley)**: latest: 21 ({}, as of 2031-07-05); before: 17 ({}, as of 2031-07-03), \
         12 ({}, as of 2031-07-01).",
        link("courier.example", &dir, "courier.md"),
        link("valley-times.example", &dir, "valley.md"),
        link("nordpost.example", &dir, "nordpost.md"),
    );
    assert!(report.contains(&timeline), "{report}");
    let counters = format!(
        "- **People counted at a protest or a strike**: according to police: about 120,000 ({}); \
         according to unions: about 300,000 ({}).",
        link("The Herald", &dir, "herald.md"),
        link("unionwire.example", &dir, "unionwire.md"),
    );
    assert!(report.contains(&counters), "{report}");

    // The JSON says the same: a timeline in order, a summary naming the latest figure.
    let out = run(&["report", "--format", "json", dir.to_str().unwrap()], b"");
    let findings = json(&out)["findings"].as_array().unwrap().clone();
    let toll = findings.iter().find(|f| f["frame"] == "casualties").expect("a toll finding");
    let moments: Vec<(&str, &str)> = toll["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["as_of"].as_str().unwrap(), e["value"].as_str().unwrap()))
        .collect();
    assert_eq!(moments, [("2031-07-01", "12"), ("2031-07-03", "17"), ("2031-07-05", "21")]);
    assert!(toll["summary"].as_str().unwrap().contains("latest 21 (as of 2031-07-05)"), "{toll}");
}

#[test]
fn a_finding_of_many_outlets_shows_a_few_rows_and_how_many_more() {
    let dir = story("many-rows");
    let report = stdout(&run(&["report", dir.to_str().unwrap()], b""));
    let start = report.find("#### Halvorsen Systems → Brightwave").expect("the deal in detail");
    let detail = &report[start..];
    let detail = &detail[..detail[4..].find("\n#### ").map_or(detail.len(), |end| end + 4)];
    let rows = detail.lines().filter(|l| l.starts_with("| [")).count();
    assert_eq!(rows, 8, "{detail}");
    // Every value keeps a row; the rest is counted.
    for value in ["| 2.1 billion USD |", "| about 2 billion USD |", "| 2 billion USD |"] {
        assert!(detail.contains(value), "{value} not shown: {detail}");
    }
    assert!(detail.contains("And 3 more claims: 2.1 billion USD in 3 sources."), "{detail}");
    assert!(report.contains("2.1 billion USD in 9 sources, about 2 billion USD in 1, 2 billion USD in 1"), "{report}");
}
