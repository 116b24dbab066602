//! Loads and validates the rule files: the ones embedded in the binary, plus a
//! `--rules DIR` that adds files or overrides embedded ones by relative path.
//!
//! Loading has two phases: each file is deserialized into raw structs
//! (`deny_unknown_fields`, so a typo is an error, not a default), then compiled
//! into checked types, where regexes compile and references resolve. Every
//! error names the file, line and column. This module knows where rule files
//! live and how to report their errors, and imports nothing of the pipeline;
//! what each file means is the business of the stage that uses it, which
//! compiles its own part (`compile` calls them all).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

pub mod names;
pub mod verdicts;

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// One rule file's text and where it came from.
#[derive(Debug, Clone)]
pub struct RuleFile {
    /// Path relative to the rules folder, with `/` separators: `lang/fr.toml`.
    pub name: String,
    /// What to print in errors: `rules/lang/fr.toml` (embedded) or the real path.
    pub origin: String,
    pub text: String,
}

impl RuleFile {
    /// A rule error at a byte offset of this file.
    pub fn error_at(&self, offset: Option<usize>, message: impl Into<String>) -> RuleError {
        let (line, column) = match offset {
            Some(offset) => {
                // 1-based, the column in chars, as `text::span` locates a span.
                let offset = offset.min(self.text.len());
                let before = &self.text.as_bytes()[..offset];
                let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
                let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
                let column = self.text.get(line_start..offset).map_or(1, |prefix| prefix.chars().count() + 1);
                (Some(line), Some(column))
            }
            None => (None, None),
        };
        RuleError { file: self.origin.clone(), line, column, message: message.into() }
    }

    /// A rule error at a spanned value of this file.
    pub fn error_in<T>(&self, spanned: &toml::Spanned<T>, message: impl Into<String>) -> RuleError {
        self.error_at(Some(spanned.span().start), message)
    }

    /// Deserialize the whole file, mapping TOML and schema errors to a located [`RuleError`].
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, RuleError> {
        toml::from_str(&self.text).map_err(|e| {
            let message = e.message().trim().to_string();
            self.error_at(e.span().map(|s| s.start), message)
        })
    }
}

/// A rule file that cannot be used, with the place at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for RuleError {}

/// The embedded rule files, then those of `dir` (which override by name).
pub fn rule_files(dir: Option<&Path>) -> Result<Vec<RuleFile>, RuleError> {
    let mut files: BTreeMap<String, RuleFile> = EMBEDDED_RULES
        .iter()
        .map(|(name, text)| {
            let file = RuleFile { name: name.to_string(), origin: format!("rules/{name}"), text: text.to_string() };
            (file.name.clone(), file)
        })
        .collect();
    if let Some(dir) = dir {
        if !dir.is_dir() {
            return Err(RuleError {
                file: dir.display().to_string(),
                line: None,
                column: None,
                message: "the rules folder does not exist or is not a folder".into(),
            });
        }
        let mut found = Vec::new();
        collect_toml(dir, &mut found).map_err(|e| RuleError {
            file: dir.display().to_string(),
            line: None,
            column: None,
            message: format!("cannot read the rules folder: {e}"),
        })?;
        for path in found {
            let name = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            let origin = path.display().to_string();
            let bytes = std::fs::read(&path).map_err(|e| RuleError {
                file: origin.clone(),
                line: None,
                column: None,
                message: format!("cannot read: {e}"),
            })?;
            let text = String::from_utf8(bytes).map_err(|e| RuleError {
                file: origin.clone(),
                line: None,
                column: None,
                message: format!("not UTF-8 at byte {}", e.utf8_error().valid_up_to()),
            })?;
            files.insert(name.clone(), RuleFile { name, origin, text });
        }
    }
    Ok(files.into_values().collect())
}

/// The files of a rules folder that are passed over because they are not
/// `.toml` files (`entities/x.tml`), so that the user can be told: a rule
/// file with a mistyped name must not be dropped without a word. Hidden
/// files are not listed.
pub fn ignored_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                continue;
            }
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_none_or(|e| e != "toml") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out
}

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}
