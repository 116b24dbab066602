//! Helpers shared by the integration tests: run the binary, read its output.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn seeds() -> PathBuf {
    root().join("seeds")
}

/// Runs `crosscheck ARGS` from the project folder, with `stdin` as input.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("the binary finishes");
    let _ = writer.join();
    output
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn code(output: &Output) -> i32 {
    output.status.code().unwrap_or(-1)
}

/// A fresh temporary folder for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crosscheck-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("parent dir");
    }
    std::fs::write(&path, bytes).expect("write");
    path
}

pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(output)))
}

/// Runs `crosscheck report --format json ARGS`: exit status (never a
/// panic), the report, and standard error.
pub fn report_json(args: &[&str]) -> (i32, serde_json::Value, String) {
    let mut all = vec!["report", "--format", "json"];
    all.extend_from_slice(args);
    let out = run(&all, b"");
    assert_ne!(code(&out), 101, "panic: {}", stderr(&out));
    (code(&out), json(&out), stderr(&out))
}

/// The claims `crosscheck claims` reads from `text`, written as the body of
/// a document dated `date` in a fresh folder named `name`.
pub fn claims_of_text(name: &str, date: &str, text: &str) -> Vec<serde_json::Value> {
    let dir = temp_dir(name);
    write(&dir, "a.md", format!("---\ndate: {date}\n---\nTitle\n\n{text}\n").as_bytes());
    let out = run(&["claims", dir.join("a.md").to_str().unwrap()], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    json(&out)["claims"].as_array().cloned().unwrap_or_default()
}
