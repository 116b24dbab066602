//! Which files a run reads, and loading them.
//!
//! A file named on the command line is read whatever its name; a folder is
//! walked in sorted order, its `.txt`, `.md`, `.markdown` and `.text` files
//! read and its other files listed as skipped, so that the report says what
//! was not read and why. Hidden files are passed over.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::document::{Document, LoadOptions, load};
use crate::lexicon::Rules;

const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text"];

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

fn walk(dir: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            skipped.push(Skipped {
                path: dir.display().to_string(),
                reason: format!("cannot read the folder: {e}"),
                error: true,
            });
            return;
        }
    };
    // The entry's type comes with the listing on most file systems; only a
    // link is followed with a call of its own.
    let mut paths: Vec<(std::ffi::OsString, PathBuf, bool)> = entries
        .flatten()
        .map(|e| {
            let path = e.path();
            let is_dir = match e.file_type() {
                Ok(t) if !t.is_symlink() => t.is_dir(),
                _ => path.is_dir(),
            };
            (e.file_name(), path, is_dir)
        })
        .collect();
    // Entries of one folder differ only by name: sorted by name, they are in
    // path order, without comparing the folder's part of each path again.
    paths.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, path, is_dir) in paths {
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if is_dir {
            walk(&path, files, skipped);
        } else {
            let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
            if ext.as_deref().is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e)) {
                files.push(path);
            } else {
                let what = ext.map_or_else(|| "no extension".to_string(), |e| format!(".{e}"));
                skipped.push(Skipped {
                    path: path.display().to_string(),
                    reason: format!("not a text article ({what}); name the file to read it anyway"),
                    error: false,
                });
            }
        }
    }
}

/// The sources named by `paths`, each with an id unique in the run.
pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = files.len();
            walk(path, &mut files, &mut skipped);
            if files.len() == before {
                skipped.push(Skipped {
                    path: path.display().to_string(),
                    reason: "no .txt or .md file in this folder".into(),
                    error: true,
                });
            }
        } else if path.exists() {
            files.push(path.clone());
        } else {
            skipped.push(Skipped { path: path.display().to_string(), reason: "does not exist".into(), error: true });
        }
    }
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    let sources = files
        .into_iter()
        .map(|path| {
            let stem = path.file_stem().map_or_else(|| "source".to_string(), |s| s.to_string_lossy().to_string());
            let n = used.entry(stem.clone()).or_insert(0);
            *n += 1;
            let id = if *n == 1 { stem } else { format!("{stem}-{n}") };
            Source { id, path: path.display().to_string() }
        })
        .collect();
    Discovery { sources, skipped }
}

/// Reads and loads every source in parallel, keeping their order; what cannot
/// be read or decoded is skipped with the reason.
pub fn load_all(discovery: &Discovery, rules: &Rules, options: &LoadOptions) -> (Vec<Document>, Vec<Skipped>) {
    let results: Vec<Result<Document, Skipped>> = discovery
        .sources
        .par_iter()
        .map(|source| {
            let bytes = std::fs::read(&source.path).map_err(|e| Skipped {
                path: source.path.clone(),
                reason: format!("cannot read: {e}"),
                error: true,
            })?;
            load(&source.id, &source.path, bytes, rules, options).map_err(|e| Skipped {
                path: source.path.clone(),
                reason: e.message,
                error: true,
            })
        })
        .collect();
    let mut docs = Vec::new();
    let mut skipped = discovery.skipped.clone();
    for result in results {
        match result {
            Ok(doc) => docs.push(doc),
            Err(s) => skipped.push(s),
        }
    }
    (docs, skipped)
}
