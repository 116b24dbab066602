//! Which files a run reads, and loading them.
//!
//! A file named on the command line is read whatever its name; a folder is
//! walked in sorted order, its `.txt`, `.md`, `.markdown` and `.text` files
//! read and its other files listed as skipped, so that the report says what
//! was not read and why. Hidden files are passed over.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::document::{Document, LoadOptions, load};
use crate::lang::Rules;

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
                let reason = match ext.as_deref().and_then(binary_format) {
                    Some(format) => format!("{format}, not text: save or export it as a .txt file to check it"),
                    None => {
                        let what = ext.map_or_else(|| "no extension".to_string(), |e| format!(".{e}"));
                        format!("not a text article ({what}); name the file to read it anyway")
                    }
                };
                skipped.push(Skipped { path: path.display().to_string(), reason, error: false });
            }
        }
    }
}

/// The kind of document a file extension names when it is a format that
/// holds text only inside a binary container: no use reading it as text.
fn binary_format(extension: &str) -> Option<&'static str> {
    Some(match extension {
        "pdf" => "a PDF document",
        "doc" | "docx" | "odt" | "rtf" | "pages" => "a word-processor document",
        "xls" | "xlsx" | "ods" | "numbers" => "a spreadsheet",
        "ppt" | "pptx" | "odp" | "key" => "a slide presentation",
        "epub" | "mobi" => "an e-book",
        "zip" | "gz" | "tgz" | "bz2" | "xz" | "7z" | "rar" | "tar" => "an archive",
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "tif" | "tiff" | "bmp" | "heic" | "svg" => "an image",
        "mp3" | "wav" | "m4a" | "ogg" | "mp4" | "mov" | "avi" | "mkv" | "webm" => "an audio or video file",
        _ => return None,
    })
}

/// A file as the system knows it, so that two names for one file are seen
/// as one: the canonical path where it can be had, the path as given otherwise.
fn identity(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The sources named by `paths`, each with an id unique in the run. A file
/// named twice (or named and inside a folder named) is read once.
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
    // Looked up, never walked: hashed, paths are not compared part by part.
    let mut seen: HashMap<PathBuf, PathBuf> = HashMap::with_capacity(files.len());
    let mut unique = Vec::with_capacity(files.len());
    for path in files {
        match seen.entry(identity(&path)) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(path.clone());
                unique.push(path);
            }
            std::collections::hash_map::Entry::Occupied(first) => skipped.push(Skipped {
                path: path.display().to_string(),
                reason: format!("the same file as {}, read once", first.get().display()),
                error: false,
            }),
        }
    }
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    let sources = unique
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

/// Leaves `file` out of the sources, when it is one of them: a draft in its
/// sources folder would support itself. Says so in `skipped`.
pub fn leave_out(discovery: &mut Discovery, file: &Path, why: &str) {
    let file = identity(file);
    let (out, kept): (Vec<Source>, Vec<Source>) =
        std::mem::take(&mut discovery.sources).into_iter().partition(|s| identity(Path::new(&s.path)) == file);
    discovery.sources = kept;
    discovery.skipped.extend(out.into_iter().map(|s| Skipped { path: s.path, reason: why.to_string(), error: false }));
}

/// Reads and loads every source in parallel, keeping their order; what cannot
/// be read or decoded is skipped with the reason.
pub fn load_all(discovery: &Discovery, rules: &Rules, options: &LoadOptions) -> (Vec<Document>, Vec<Skipped>) {
    crate::progress::stage("loading", discovery.sources.len());
    let results: Vec<Result<Document, Skipped>> = discovery
        .sources
        .par_iter()
        .map(|source| {
            crate::progress::tick();
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
