//! crosscheck: reads several articles about one story, normalizes what each
//! one claims, lines up the claims that speak of the same fact, and lets rules
//! in TOML decide whether the sources agree, differ by rounding, or contradict.
//!
//! The pipeline, one module a stage; each imports only those above it:
//!
//! ```text
//! rules     rule files, located errors          (imports nothing)
//! text      spans, tokens, word keys, patterns
//! value     amounts, counts, percents, dates
//! entity    gazetteer, names, near-spellings
//! frame, lang    each stage's compiled rules (a measure's words in frame), side by side in Rules
//! document  load, decode, header, boilerplate, sentences; corpus
//! claim     clauses, triggers, roles, polarity, measure binding, qualifiers
//!           (compile: Rules::load, above all)
//! interval, align    stories, then slots of claims that speak of one fact
//! verdict   pair rules, findings, explanations
//! report, review     Markdown, JSON, HTML, GitHub; drafts against sources
//! ```

// The stages, in pipeline order.
mod align;
pub mod claim;
mod compile;
pub mod document;
pub mod entity;
pub mod frame;
mod interval;
pub mod lang;
pub mod report;
pub mod review;
pub mod rules;
pub mod text;
pub mod value;
pub mod verdict;

// Around the pipeline.
mod cli;
mod progress;
pub mod selftest;
#[cfg(test)]
mod testing;

use std::path::PathBuf;

pub use claim::Claim;
pub use cli::main_with_args;
pub use document::{Document, LoadOptions};
pub use lang::Rules;
pub use report::Report;
pub use rules::RuleError;
pub use verdict::{Finding, Verdict};

/// How long each stage of a run took, for `--stats`.
#[derive(Debug, Default, Clone)]
pub struct Stages(pub Vec<(&'static str, std::time::Duration)>);

impl Stages {
    /// Runs `stage`, adding its time under `name`.
    pub fn time<T>(&mut self, name: &'static str, stage: impl FnOnce() -> T) -> T {
        let started = std::time::Instant::now();
        let out = stage();
        self.0.push((name, started.elapsed()));
        out
    }
}

/// Reads the sources at `paths` (files or folders) and judges what they claim.
pub fn run_report(paths: &[PathBuf], rules: &Rules, options: &LoadOptions) -> Report {
    run_report_timed(paths, rules, options, &mut Stages::default())
}

/// [`run_report`], noting the time of each stage in `stages`.
pub fn run_report_timed(paths: &[PathBuf], rules: &Rules, options: &LoadOptions, stages: &mut Stages) -> Report {
    let (documents, skipped) = stages.time("load", || {
        let discovery = document::corpus::discover(paths);
        document::corpus::load_all(&discovery, rules, options)
    });
    let (names, packed) = stages.time("names", || claim::learn_names_for_stories(&documents, rules));
    let reading = stages.time("claims", || claim::read_all(&documents, rules, &names, packed));
    // Freeing what was learned takes a while: another core does it.
    rayon::spawn(move || drop(names));
    let mut report = stages.time("judge", || judge(documents, reading.claims, skipped, rules));
    report.unchecked = reading.unchecked;
    report
}

/// Aligns and judges claims already extracted (from this run or elsewhere).
pub fn judge(
    documents: Vec<Document>,
    claims: Vec<Claim>,
    skipped: Vec<document::corpus::Skipped>,
    rules: &Rules,
) -> Report {
    progress::stage("judging the claims", 0);
    let stories = align::story::stories(&documents, &claims, rules).with_main_places(&claims, &rules.entities);
    let slots = align::align_stories(&claims, &stories, &rules.frames);
    let findings = verdict::judge_slots(&slots, &claims, &rules.verdicts);
    rayon::spawn(move || drop(slots));
    let mut warnings: Vec<String> =
        documents.iter().flat_map(|d| d.warnings.iter().map(move |w| format!("{}: {w}", d.path))).collect();
    for d in &documents {
        if !rules.langs.contains_key(&d.language) {
            warnings.push(format!("{}: no rules for language {:?}; no claims read", d.path, d.language));
        }
    }
    let descriptions = rules.frames.frames.iter().map(|f| (f.id.clone(), f.description.clone())).collect();
    Report {
        schema: report::SCHEMA,
        documents,
        claims,
        findings,
        unchecked: Vec::new(),
        skipped,
        warnings,
        descriptions,
    }
}
