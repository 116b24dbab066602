//! Whatever is pasted or scraped: the tool never panics, never hangs, never
//! drops a source silently. Each bad input is named with what is wrong, exit
//! status 2, and the other inputs are still checked.

use crate::common::{code, json, report_json, run, stderr, stdout, temp_dir, write};

const GOOD: &str = " date 2025-02 Elon Musk a quitté OpenAI en 2019. Il avait cofondé la société en 2015.\n";

fn skipped_paths(report: &serde_json::Value) -> Vec<String> {
    report["skipped"].as_array().unwrap().iter().map(|s| s["path"].as_str().unwrap().to_string()).collect()
}

#[test]
fn a_path_that_does_not_exist() {
    let dir = temp_dir("missing");
    let good = write(&dir, "good.txt", GOOD.as_bytes());
    let (status, report, err) = report_json(&["/no/such/article.txt", good.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(err.contains("/no/such/article.txt"), "{err}");
    assert_eq!(skipped_paths(&report), ["/no/such/article.txt"]);
    assert_eq!(report["documents"].as_array().unwrap().len(), 1, "the good file is still read");
}

#[test]
fn an_empty_folder() {
    let dir = temp_dir("empty-folder");
    let (status, report, err) = report_json(&[dir.to_str().unwrap()]);
    assert_eq!(status, 2, "{err}");
    assert_eq!(report["documents"].as_array().unwrap().len(), 0);
    assert!(!skipped_paths(&report).is_empty(), "the report says the folder held nothing");
}

#[test]
fn an_empty_file() {
    let dir = temp_dir("empty-file");
    write(&dir, "empty.txt", b"");
    write(&dir, "good.txt", GOOD.as_bytes());
    let (status, report, _) = report_json(&[dir.to_str().unwrap()]);
    assert_eq!(status, 0, "an empty file is no error: {report}");
    // Listed among the documents, with a warning that names it and says why.
    let warnings: Vec<&str> = report["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
    assert!(warnings.iter().any(|w| w.contains("empty.txt") && w.ends_with("no text")), "{warnings:?}");
    assert!(report["claims"].as_array().unwrap().iter().all(|c| c["doc"] != "empty"));
    assert!(report["claims"].as_array().unwrap().iter().any(|c| c["doc"] == "good"));
}

#[test]
fn damaged_utf8_names_the_file_and_byte() {
    let dir = temp_dir("utf8");
    // "é" in UTF-8, then a lone byte: UTF-8 with a damaged char, not another encoding.
    let mut bytes = "Elon Musk a quitté".as_bytes().to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice(b" OpenAI en 2019.\n");
    let bad = write(&dir, "damaged.txt", &bytes);
    write(&dir, "good.txt", GOOD.as_bytes());
    let (status, report, err) = report_json(&[dir.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(err.contains("damaged.txt") && err.contains("byte 19"), "names the file and byte offset 19: {err}");
    assert_eq!(skipped_paths(&report), [bad.to_str().unwrap()]);
    assert!(report["documents"].as_array().unwrap().iter().any(|d| d["id"] == "good"));
}

#[test]
fn a_windows_1252_file_is_decoded_with_a_warning() {
    let dir = temp_dir("cp1252");
    // "é" is 0xE9 and the curly quotes 0x93 and 0x94 in Windows-1252.
    let mut bytes = b"Musk\n\nElon Musk a quitt".to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice(b" OpenAI en 2019, selon ");
    bytes.push(0x93);
    bytes.extend_from_slice(b"Le Monde");
    bytes.push(0x94);
    bytes.extend_from_slice(b".\n");
    write(&dir, "legacy.txt", &bytes);
    let (status, report, err) = report_json(&[dir.to_str().unwrap()]);
    assert_eq!(status, 0, "{err}");
    assert!(report["skipped"].as_array().unwrap().is_empty(), "{report}");
    let warnings = report["warnings"].to_string();
    assert!(warnings.contains("legacy.txt") && warnings.contains("Windows-1252"), "{warnings}");
    let claim = &report["claims"].as_array().unwrap()[0];
    assert_eq!(claim["frame"], "departure");
    assert!(claim["quote"].as_str().unwrap().contains("quitté OpenAI en 2019, selon “Le Monde”"), "{claim}");
}

#[test]
fn a_binary_file() {
    let dir = temp_dir("binary");
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    write(&dir, "image.txt", &bytes);
    let (status, report, err) = report_json(&[dir.to_str().unwrap()]);
    assert_eq!(status, 2, "{err}");
    assert_eq!(report["skipped"].as_array().unwrap().len(), 1);
}

#[test]
fn a_bom_and_crlf_read_like_plain_text() {
    let dir = temp_dir("bom");
    let plain = write(&dir, "plain.txt", GOOD.as_bytes());
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(GOOD.replace('\n', "\r\n").as_bytes());
    let bommed = write(&dir, "bom.txt", &bom);
    let (_, a, _) = report_json(&[plain.to_str().unwrap()]);
    let (_, b, _) = report_json(&[bommed.to_str().unwrap()]);
    let texts = |r: &serde_json::Value| -> Vec<String> {
        r["claims"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(texts(&a), texts(&b));
    assert_eq!(a["documents"][0]["date"], b["documents"][0]["date"]);
}

#[test]
fn nul_bytes_are_a_warning_not_a_crash() {
    let dir = temp_dir("nul");
    let bytes = GOOD.replace("OpenAI", "Open\0AI");
    write(&dir, "nul.txt", bytes.as_bytes());
    let (status, report, _) = report_json(&[dir.to_str().unwrap()]);
    assert_eq!(status, 0, "{report}");
    let warnings: Vec<&str> = report["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
    assert!(warnings.iter().any(|w| w.contains("nul.txt") && w.contains("NUL bytes")), "{warnings:?}");
    // The text around the NUL is still read: the departure and its year.
    let claims = report["claims"].as_array().unwrap();
    assert!(claims.iter().any(|c| c["doc"] == "nul" && c["frame"] == "departure"), "{report}");
}

#[test]
fn fifty_megabytes_on_one_line() {
    let dir = temp_dir("huge");
    // One run-on sentence: no period, a figure now and then, 50 MB on one line.
    let chunk = "le texte continue sans point final, avec 12 chiffres et des mots ordinaires ";
    let line = chunk.repeat(50_000_000 / chunk.len());
    write(&dir, "huge.txt", line.as_bytes());
    let started = std::time::Instant::now();
    let out = run(&["report", "--format", "json", dir.to_str().unwrap()], b"");
    assert_ne!(code(&out), 101, "{}", stderr(&out));
    // Not a timing assertion on speed: a guard against a quadratic hang.
    assert!(started.elapsed().as_secs() < 120, "took {:?}", started.elapsed());
}

#[test]
fn thousands_of_numbers_in_one_sentence() {
    let numbers: Vec<String> = (0..5000).map(|i| format!("{i} milliards")).collect();
    let text = format!("Elon Musk a proposé {} pour racheter OpenAI.\n", numbers.join(", "));
    let dir = temp_dir("numbers");
    write(&dir, "numbers.txt", text.as_bytes());
    let out = run(&["report", "--format", "json", dir.to_str().unwrap()], b"");
    assert_ne!(code(&out), 101, "{}", stderr(&out));
    json(&out);
}

#[test]
fn a_folder_mixing_articles_and_other_files() {
    let dir = temp_dir("mixed");
    write(&dir, "a.txt", GOOD.as_bytes());
    write(&dir, "b.md", GOOD.as_bytes());
    write(&dir, "notes.pdf", b"%PDF-1.4");
    write(&dir, "data.json", b"{}");
    let (_, report, _) = report_json(&[dir.to_str().unwrap()]);
    let ids: Vec<&str> = report["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b"]);
    let skipped = skipped_paths(&report);
    assert!(skipped.iter().any(|p| p.ends_with("notes.pdf")), "{skipped:?}");
    assert!(skipped.iter().any(|p| p.ends_with("data.json")), "{skipped:?}");
    let md = stdout(&run(&["report", dir.to_str().unwrap()], b""));
    assert!(md.contains("notes.pdf"), "the Markdown report says what was skipped");
}

#[test]
fn parse_bad_arguments_and_lines() {
    let out = run(&["parse", "--date", "2025-13"], b"97 milliards\n");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("2025-13"), "{}", stderr(&out));
    let out = run(&["parse", "--lang", "xx"], b"97 milliards\n");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("xx"), "{}", stderr(&out));
    let out = run(&["parse"], b"\n\xff\xfe\n97 milliards\n");
    assert_ne!(code(&out), 101);
    assert_eq!(stdout(&out).lines().count(), 3, "one line of output per line of input");
    let long = "97,4 milliards de dollars ".repeat(40_000);
    let out = run(&["parse"], long.as_bytes());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}
