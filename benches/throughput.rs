//! Throughput, scaling and memory of the real binary on generated corpora.
//!
//! ```sh
//! cargo bench --bench throughput                  # 1,000 and 10,000 documents
//! cargo bench --bench throughput -- --docs 500,5000
//! ```
//!
//! Corpora are made from `seeds/` by `synth` (the same generator as
//! `cargo run --release --example corpus`) under `target/bench-corpus/`, once.
//! Each figure is the best of a few runs of the whole process, start-up
//! included; the report runs of the sizes take turns, so that the scaling
//! figure compares runs made in the same spells of the machine. It prints figures and never fails on them: the targets are
//! printed beside them for a person to read.

mod synth;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

struct Run {
    time: Duration,
    stdout: Vec<u8>,
    peak_mib: Option<f64>,
    claims: Option<u64>,
}

/// Runs the binary with `args` (and `stdin`), `threads` worker threads.
fn run(args: &[&str], threads: Option<usize>, stdin: Option<&Path>) -> Run {
    let mut command = Command::new(BIN);
    command.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    if let Some(n) = threads {
        command.env("RAYON_NUM_THREADS", n.to_string());
    }
    if let Some(file) = stdin {
        command.stdin(std::fs::File::open(file).expect("the input file opens"));
    }
    let started = Instant::now();
    let output = command.output().expect("the binary runs");
    let time = started.elapsed();
    let code = output.status.code();
    assert!(matches!(code, Some(0 | 1)), "crosscheck {args:?} exited with {code:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stat = |label: &str| {
        stderr.lines().find(|l| l.starts_with("stats:")).and_then(|l| {
            let at = l.find(label)? + label.len();
            l[at..].split_whitespace().next()?.parse::<f64>().ok()
        })
    };
    let claims = stderr
        .lines()
        .find(|l| l.starts_with("stats:"))
        .and_then(|l| l.split(", ").find(|p| p.ends_with(" claims"))?.split(' ').next()?.parse().ok());
    Run { time, stdout: output.stdout, peak_mib: stat("peak memory "), claims }
}

/// The best of `n` runs (the least disturbed by the rest of the machine).
fn best_of(n: usize, args: &[&str], threads: Option<usize>, stdin: Option<&Path>) -> Run {
    (0..n).map(|_| run(args, threads, stdin)).min_by_key(|r| r.time).expect("at least one run")
}

/// The corpus of `docs` documents, generated once.
fn corpus(docs: usize) -> (PathBuf, u64) {
    let dir = PathBuf::from(ROOT).join("target/bench-corpus").join(docs.to_string());
    let done = dir.join(".complete");
    if std::fs::read_to_string(&done).ok().as_deref() != Some(synth::VERSION) {
        let _ = std::fs::remove_dir_all(&dir);
        let seeds = synth::load_seeds(&PathBuf::from(ROOT).join("seeds")).expect("seeds/ is readable");
        let names = synth::proper_names(&seeds, &synth::vocabulary(&PathBuf::from(ROOT).join("rules")));
        let made = synth::generate(&seeds, &names, docs, &dir).expect("the corpus is written");
        eprintln!("generated {} documents ({:.1} MB) in {}", made.documents, made.bytes as f64 / 1e6, dir.display());
        std::fs::write(&done, synth::VERSION).expect("the marker is written");
    }
    let bytes = std::fs::read_dir(&dir)
        .expect("the corpus is readable")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.metadata().map_or(0, |m| m.len()))
        .sum();
    (dir, bytes)
}

fn mb_per_s(bytes: u64, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let sizes: Vec<usize> = args
        .iter()
        .position(|a| a == "--docs")
        .and_then(|i| args.get(i + 1))
        .map_or_else(|| vec![1_000, 10_000], |s| s.split(',').filter_map(|n| n.parse().ok()).collect());
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!("crosscheck throughput: {cores} cores, best of 3 runs, whole process");
    println!();
    println!("| command | documents | MB | seconds | MB/s | claims/s | peak MiB |");
    println!("|---|---:|---:|---:|---:|---:|---:|");

    let corpora: Vec<(PathBuf, u64)> = sizes.iter().map(|&docs| corpus(docs)).collect();
    let dir_args: Vec<String> = corpora.iter().map(|(dir, _)| dir.to_string_lossy().to_string()).collect();
    // The report runs of every size take turns, so that a slow spell of the
    // machine falls on all sizes alike and does not skew the scaling figure.
    let mut reports: Vec<Option<Run>> = sizes.iter().map(|_| None).collect();
    for _ in 0..3 {
        for (best, dir_arg) in reports.iter_mut().zip(&dir_args) {
            let run = run(&["report", dir_arg, "--format", "json", "--stats"], None, None);
            if best.as_ref().is_none_or(|b| run.time < b.time) {
                *best = Some(run);
            }
        }
    }

    let mut report_times = Vec::new();
    let mut identical = Vec::new();
    for (((&docs, (_, bytes)), dir_arg), report) in sizes.iter().zip(&corpora).zip(&dir_args).zip(reports) {
        let (bytes, dir_arg) = (*bytes, dir_arg.as_str());
        let runs = if docs > 5_000 { 2 } else { 3 };
        let report = report.expect("three rounds ran");
        let claims = report.claims.unwrap_or(0);
        print_row("report", docs, bytes, &report, claims);
        report_times.push((docs, report.time));

        let extract = best_of(runs, &["claims", dir_arg, "--format", "jsonl"], None, None);
        let lines = extract.stdout.iter().filter(|&&b| b == b'\n').count() as u64;
        print_row("claims --format jsonl", docs, bytes, &extract, lines);

        let one = run(&["report", dir_arg, "--format", "json"], Some(1), None);
        identical.push((docs, one.stdout == report.stdout, one.time));
    }

    // `parse` on one large file: every line of the smallest corpus, one phrase a line.
    if let Some(&docs) = sizes.first() {
        let (dir, _) = corpus(docs);
        let big = dir.with_extension("lines.txt");
        if !big.exists() {
            let mut text = String::new();
            let mut files: Vec<PathBuf> =
                std::fs::read_dir(&dir).expect("readable").flatten().map(|e| e.path()).collect();
            files.sort();
            for file in files.iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
                text.push_str(&std::fs::read_to_string(file).expect("readable"));
                text.push('\n');
            }
            std::fs::write(&big, text).expect("written");
        }
        let bytes = std::fs::metadata(&big).map_or(0, |m| m.len());
        let parse = best_of(3, &["parse", "--lang", "fr", "--date", "2025-04"], None, Some(&big));
        let values = parse.stdout.iter().filter(|&&b| b == b'{').count() as u64;
        println!(
            "| parse (one {:.1} MB file) | 1 | {:.1} | {:.3} | {:.1} | {:.0} values/s | |",
            bytes as f64 / 1e6,
            bytes as f64 / 1e6,
            parse.time.as_secs_f64(),
            mb_per_s(bytes, parse.time),
            values as f64 / parse.time.as_secs_f64()
        );
    }

    println!();
    if let (Some(first), Some(last)) = (report_times.first(), report_times.last())
        && last.0 > first.0
    {
        let ratio = last.1.as_secs_f64() / first.1.as_secs_f64();
        let size = last.0 as f64 / first.0 as f64;
        println!(
            "scaling: time({} docs) / time({} docs) = {ratio:.2} for {size:.0}x the documents (target: at most {:.0})",
            last.0,
            first.0,
            size * 1.1
        );
    }
    for (docs, same, time) in identical {
        println!(
            "threads: report on {docs} docs with 1 thread ({:.3} s) is {} the report with {cores}",
            time.as_secs_f64(),
            if same { "byte-identical to" } else { "DIFFERENT from" }
        );
    }
    println!("targets: report at least 20 MB/s end to end; peak memory under 1024 MiB at 10,000 documents");
}

fn print_row(command: &str, docs: usize, bytes: u64, run: &Run, claims: u64) {
    println!(
        "| {command} | {docs} | {:.1} | {:.3} | {:.1} | {:.0} | {} |",
        bytes as f64 / 1e6,
        run.time.as_secs_f64(),
        mb_per_s(bytes, run.time),
        claims as f64 / run.time.as_secs_f64(),
        run.peak_mib.map_or_else(|| "-".to_string(), |m| format!("{m:.1}")),
    );
}
