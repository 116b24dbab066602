//! The web pages of `report --format html` and `review --format html`: our
//! own output must nest properly and stand alone, and a real browser
//! (headless Chromium) must find every claim of the JSON report marked in
//! the page it builds, with its verdict, its words and a link to it.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{code, json, run, stderr, stdout, temp_dir, write};

/// An element of a page: its tag, attributes, and the text inside it
/// (without the verdict labels that follow a claim's words).
#[derive(Debug)]
struct Element {
    tag: String,
    attrs: BTreeMap<String, String>,
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }
}

const VOID: [&str; 8] = ["meta", "link", "br", "img", "hr", "input", "base", "wbr"];

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Reads a start tag's name and attributes (`name="value"` or bare `name`).
fn start_tag(inside: &str) -> (String, BTreeMap<String, String>) {
    let inside = inside.trim_end_matches('/');
    let name_end = inside.find(char::is_whitespace).unwrap_or(inside.len());
    let mut attrs = BTreeMap::new();
    let mut rest = inside[name_end..].trim_start();
    while !rest.is_empty() {
        let key_end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
        let key = rest[..key_end].to_string();
        rest = &rest[key_end..];
        let value = if let Some(after) = rest.strip_prefix("=\"") {
            let close = after.find('"').expect("a closing quote");
            rest = &after[close + 1..];
            decode(&after[..close])
        } else {
            String::new()
        };
        attrs.insert(key, value);
        rest = rest.trim_start();
    }
    (inside[..name_end].to_ascii_lowercase(), attrs)
}

/// Where the tag that opens `markup` ends: its first `>` outside quotes.
fn tag_end(markup: &str) -> usize {
    let mut quoted = false;
    for (i, c) in markup.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '>' if !quoted => return i,
            _ => {}
        }
    }
    panic!("a tag does not end: {}", &markup[..markup.len().min(200)])
}

/// The elements of a page in document order. Serialized HTML with every
/// attribute quoted (ours, and Chromium's `--dump-dom`) is read tag by tag;
/// with `strict`, an end tag that does not close the last open element fails.
fn elements(page: &str, strict: bool) -> Vec<Element> {
    let mut all: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut rest = page;
    while let Some(lt) = rest.find('<') {
        let text = decode(&rest[..lt]);
        let labelled = open.iter().any(|&e| all[e].attr("class").is_some_and(|c| c.split(' ').any(|c| c == "tag")));
        if !labelled {
            open.iter().for_each(|&e| all[e].text.push_str(&text));
        }
        let gt = tag_end(&rest[lt..]) + lt;
        let inside = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if inside.starts_with('!') {
            continue;
        }
        if let Some(name) = inside.strip_prefix('/') {
            let at =
                open.iter().rposition(|&e| all[e].tag == name).unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert!(!strict || at + 1 == open.len(), "</{name}> closes {:?}", all[open[open.len() - 1]]);
            open.truncate(at);
            continue;
        }
        let (tag, attrs) = start_tag(inside);
        let void = VOID.contains(&tag.as_str());
        all.push(Element { tag, attrs, text: String::new() });
        if !void {
            open.push(all.len() - 1);
        }
        // A style sheet's text is not markup.
        if all[all.len() - 1].tag == "style" {
            let end = rest.find("</style>").expect("the style ends");
            rest = &rest[end..];
        }
    }
    assert!(!strict || open.is_empty(), "elements left open: {}", open.len());
    all
}

/// The verdict each claim of a JSON report is shown with: that of the worst
/// finding it belongs to.
fn expected_verdicts(report: &serde_json::Value) -> BTreeMap<String, String> {
    let rank = |v: &str| ["single_source", "agreement", "rounding", "contradiction"].iter().position(|r| *r == v);
    let mut verdicts: BTreeMap<String, String> = BTreeMap::new();
    for finding in report["findings"].as_array().unwrap() {
        let verdict = finding["verdict"].as_str().unwrap();
        for claim in finding["claims"].as_array().unwrap() {
            let claim = claim.as_str().unwrap().to_string();
            let worse = verdicts.get(&claim).is_none_or(|known| rank(verdict) > rank(known));
            if worse {
                verdicts.insert(claim, verdict.to_string());
            }
        }
    }
    verdicts
}

/// Every claim of the JSON report is marked in the page with its verdict;
/// its marked pieces read its words; one piece has an id that a link points
/// at; and every link in the page leads to an element of the page.
fn check_report_page(elements: &[Element], report: &serde_json::Value) {
    let verdicts = expected_verdicts(report);
    let ids: BTreeSet<&str> = elements.iter().filter_map(|e| e.attr("id")).collect();
    let links: BTreeSet<&str> = elements.iter().filter_map(|e| e.attr("href")).collect();
    for link in &links {
        let target = link.strip_prefix('#').unwrap_or_else(|| panic!("a link leaves the page: {link}"));
        assert!(ids.contains(target), "a link to #{target} leads nowhere");
    }
    let claims = report["claims"].as_array().unwrap();
    assert!(!claims.is_empty());
    for claim in claims {
        let id = claim["id"].as_str().unwrap();
        let pieces: Vec<&Element> = elements.iter().filter(|e| e.attr("data-claim") == Some(id)).collect();
        assert!(!pieces.is_empty(), "claim {id} is not marked");
        for piece in &pieces {
            assert_eq!(piece.attr("data-verdict"), verdicts.get(id).map(String::as_str), "verdict of claim {id}");
        }
        let words: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(words, claim["text"].as_str().unwrap(), "the words of claim {id}");
        let anchors: Vec<&str> = pieces.iter().filter_map(|p| p.attr("id")).collect();
        assert_eq!(anchors.len(), 1, "claim {id} has one anchor: {anchors:?}");
        assert!(links.contains(format!("#{}", anchors[0]).as_str()), "no finding links to claim {id}");
    }
}

fn seeds_page() -> String {
    let out = run(&["report", "seeds", "--format", "html"], b"");
    assert_eq!(code(&out), 1, "the seeds hold contradictions: {}", stderr(&out));
    stdout(&out)
}

fn seeds_json() -> serde_json::Value {
    json(&run(&["report", "seeds", "--format", "json"], b""))
}

/// The page as we write it nests properly, needs nothing from elsewhere,
/// and marks every claim.
#[test]
fn the_seeds_page_is_well_formed_and_stands_alone() {
    let page = seeds_page();
    assert!(page.starts_with("<!DOCTYPE html>\n"));
    // The sources' text may name web addresses; the markup must load none.
    for outside in ["<script", "<link", "<img", "<iframe", "<object", "<embed"] {
        assert!(!page.contains(outside), "the page loads something: {outside}");
    }
    let style = page.split("<style>").nth(1).and_then(|s| s.split("</style>").next()).expect("a style sheet");
    assert!(!style.contains("url(") && !style.contains("@import"), "the style sheet loads something");
    let elements = elements(&page, true);
    assert!(elements.iter().all(|e| e.attr("src").is_none()), "an element loads something");
    check_report_page(&elements, &seeds_json());
}

/// Words of a source that look like markup are shown, not read as markup.
#[test]
fn a_source_that_holds_markup_is_escaped() {
    let dir = temp_dir("html-escape");
    let text = "<script>alert('x')</script> \"Le bilan\" & <b>le séisme</b> a fait 1 644 morts.\n";
    write(&dir, "a.txt", text.as_bytes());
    let out = run(&["report", dir.to_str().unwrap(), "--format", "html", "--lang", "fr"], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let page = stdout(&out);
    assert!(!page.contains("<script") && !page.contains("<b>"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;Le bilan&quot; &amp; &lt;b&gt;"));
    elements(&page, true);
}

/// The review's page marks every claim of the draft with its status.
#[test]
fn the_review_page_marks_the_drafts_claims_by_status() {
    let args = ["review", "tests/drafts/fr_brouillon.md", "--sources", "seeds", "--format"];
    let page = stdout(&run(&[&args[..], &["html"][..]].concat(), b""));
    let review = json(&run(&[&args[..], &["json"][..]].concat(), b""));
    let elements = elements(&page, true);
    let claims = review["claims"].as_array().unwrap();
    assert!(claims.len() > 3);
    for claim in claims {
        let id = claim["id"].as_str().unwrap();
        let marked = elements.iter().find(|e| e.attr("data-claim") == Some(id)).expect("the claim is marked");
        assert_eq!(marked.attr("data-status"), claim["status"].as_str(), "status of {id}");
        assert_eq!(marked.text, claim["text"].as_str().unwrap());
    }
    let sources: Vec<&Element> = elements.iter().filter(|e| e.attr("data-verdict").is_some()).collect();
    assert!(sources.iter().any(|e| e.attr("data-verdict") == Some("contradiction")), "a source contradicts the draft");
}

/// A report judged from a claims file has no text to show: no link may
/// point at words that are not there.
#[test]
fn a_report_from_claims_alone_links_nowhere_it_cannot() {
    let dir = temp_dir("html-claims");
    let lines = run(&["claims", "seeds", "--format", "jsonl"], b"");
    let file = write(&dir, "claims.jsonl", &lines.stdout);
    let out = run(&["report", "--claims", file.to_str().unwrap(), "--format", "html"], b"");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let page = stdout(&out);
    let elements = elements(&page, true);
    assert!(!elements.iter().any(|e| e.attr("href").is_some_and(|h| h.starts_with("#q-"))), "a link to missing words");
    assert!(page.contains("not available"));
}

// Headless Chromium.

const BROWSERS: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

fn find_browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let dirs: Vec<PathBuf> = std::env::split_paths(&path).collect();
    BROWSERS.iter().flat_map(|name| dirs.iter().map(move |dir| dir.join(name))).find(|p| p.is_file())
}

/// Chromium refuses to run as root with its sandbox on.
fn is_root() -> bool {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let uid = status.lines().find_map(|l| l.strip_prefix("Uid:")).and_then(|l| l.split_whitespace().next());
    uid.is_none_or(|uid| uid == "0")
}

/// The DOM that `browser` builds from the page at `file`, serialized; fails
/// if the browser does not finish within `limit`.
fn dump_dom(browser: &Path, file: &Path, profile: &Path, limit: Duration) -> String {
    let mut command = Command::new(browser);
    command.args([
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
    ]);
    if is_root() {
        command.arg("--no-sandbox");
    }
    command.arg(format!("--user-data-dir={}", profile.display()));
    command.arg("--dump-dom").arg(format!("file://{}", file.display()));
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{} does not start: {e}", browser.display()));
    // Read while it runs, so that a full pipe never stops it.
    let read = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    };
    let out = read(Box::new(child.stdout.take().expect("stdout")));
    let err = read(Box::new(child.stderr.take().expect("stderr")));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the browser runs") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{} did not finish within {limit:?}", browser.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let (out, err) = (out.join().unwrap_or_default(), err.join().unwrap_or_default());
    assert!(status.success(), "{} failed ({status}): {err}", browser.display());
    out
}

/// Headless Chromium reads the seeds' page; in the DOM it builds, every
/// claim of the JSON report is marked with its verdict and words, and every
/// link leads somewhere. Skipped when no Chromium is installed, unless CI
/// is `true`.
#[test]
fn chromium_finds_every_claim_marked_in_the_seeds_page() {
    let Some(browser) = find_browser() else {
        let names = BROWSERS.join(", ");
        if std::env::var("CI").is_ok_and(|ci| ci == "true") {
            panic!("CI is true but no browser is installed (looked for {names} on PATH)");
        }
        eprintln!("skipped: no browser on PATH (looked for {names}); install chromium to run this test");
        return;
    };
    let dir = temp_dir("html-chromium");
    let file = write(&dir, "seeds.html", seeds_page().as_bytes());
    let started = Instant::now();
    let dom = dump_dom(&browser, &file, &dir.join("profile"), Duration::from_secs(120));
    eprintln!("{} read the page in {:.1} s", browser.display(), started.elapsed().as_secs_f64());
    assert!(dom.contains("data-claim"), "the DOM holds no claim: {dom}");
    check_report_page(&elements(&dom, false), &seeds_json());
    let _ = std::fs::remove_dir_all(&dir);
}
