//! Which files a run reads. (Minimal version; replaced by the full one.)

use std::path::PathBuf;

use serde::Serialize;

use crate::document::{Document, LoadOptions, load};
use crate::lexicon::Rules;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub id: String,
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
    /// The input was meant to be read and could not be (exit status 2);
    /// `false` for files a folder holds that are not articles.
    pub error: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Discovery {
    pub sources: Vec<Source>,
    pub skipped: Vec<Skipped>,
}

pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut out = Discovery::default();
    for path in paths {
        if path.is_dir() {
            let mut entries: Vec<PathBuf> =
                std::fs::read_dir(path).map(|r| r.flatten().map(|e| e.path()).collect()).unwrap_or_default();
            entries.sort();
            for p in entries {
                if p.extension().is_some_and(|e| e == "txt" || e == "md") {
                    let id = p.file_stem().unwrap_or_default().to_string_lossy().to_string();
                    out.sources.push(Source { id, path: p.display().to_string() });
                }
            }
        } else if path.exists() {
            let id = path.file_stem().unwrap_or_default().to_string_lossy().to_string();
            out.sources.push(Source { id, path: path.display().to_string() });
        } else {
            out.skipped.push(Skipped {
                path: path.display().to_string(),
                reason: "does not exist".into(),
                error: true,
            });
        }
    }
    out
}

pub fn load_all(discovery: &Discovery, rules: &Rules, options: &LoadOptions) -> (Vec<Document>, Vec<Skipped>) {
    let mut docs = Vec::new();
    let mut skipped = discovery.skipped.clone();
    for source in &discovery.sources {
        match std::fs::read(&source.path) {
            Ok(bytes) => match load(&source.id, &source.path, &bytes, rules, options) {
                Ok(doc) => docs.push(doc),
                Err(e) => skipped.push(Skipped { path: source.path.clone(), reason: e.message, error: true }),
            },
            Err(e) => {
                skipped.push(Skipped { path: source.path.clone(), reason: format!("cannot read: {e}"), error: true })
            }
        }
    }
    (docs, skipped)
}
