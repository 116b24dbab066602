//! Loads and validates the rule files: the ones embedded in the binary, plus a
//! `--rules DIR` that adds files or overrides embedded ones by relative path.
//!
//! Loading has two phases: each file is deserialized into raw structs
//! (`deny_unknown_fields`, so a typo is an error, not a default), then compiled
//! into checked types, where regexes compile and references resolve. Every
//! error names the file, line and column. This module knows where rule files
//! live and how to report their errors; what each file means is the business
//! of the stage that uses it.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::span::LineIndex;

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
                let offset = offset.min(self.text.len());
                let loc = LineIndex::new(&self.text).locate(&self.text, crate::span::Span::new(offset, offset));
                (Some(loc.line), Some(loc.column))
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

/// A language file, `rules/lang/<code>.toml`, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLang {
    pub code: String,
    pub name: String,
    /// Numbers, scale words, currencies, hedges (see `number`).
    #[serde(default)]
    pub numbers: crate::number::RawNumbers,
    /// Months, seasons, parts of a year, relative-date words (see `date`).
    #[serde(default)]
    pub dates: crate::date::RawDates,
    /// Weekdays and relative days (see `days`).
    #[serde(default)]
    pub days: crate::days::RawDays,
    /// Language detection, boilerplate cues, sentence splitting (see `document`).
    #[serde(default)]
    pub text: crate::document::RawText,
    /// Negation, attribution, pronouns (see `claim`).
    #[serde(default)]
    pub claims: crate::words::RawClaimWords,
    /// Examples of how phrases read, run by `crosscheck rules test`.
    #[serde(default, rename = "test")]
    pub tests: Vec<crate::value::RawValueTest>,
}

/// One language, compiled and checked.
#[derive(Debug)]
pub struct Lang {
    pub code: String,
    pub name: String,
    pub values: crate::value::ValueLang,
    pub text: crate::document::TextLang,
    pub claims: crate::words::ClaimWords,
    pub tests: Vec<crate::value::ValueTest>,
}

impl Lang {
    pub fn compile(file: &RuleFile) -> Result<Lang, RuleError> {
        let raw: RawLang = file.parse()?;
        let expected = file.name.trim_start_matches("lang/").trim_end_matches(".toml");
        if raw.code != expected {
            return Err(file.error_at(
                file.text.find("code").or(Some(0)),
                format!("language code {:?} does not match the file name {:?}", raw.code, expected),
            ));
        }
        Ok(Lang {
            values: crate::value::ValueLang::compile(&raw.numbers, &raw.dates, &raw.days, file)?,
            text: crate::document::TextLang::compile(&raw.text, file)?,
            claims: crate::words::ClaimWords::compile(&raw.claims, file)?,
            tests: raw
                .tests
                .into_iter()
                .map(|t| crate::value::ValueTest::compile(t, file))
                .collect::<Result<_, _>>()?,
            code: raw.code,
            name: raw.name,
        })
    }
}

/// Every rule, loaded and checked.
#[derive(Debug)]
pub struct Rules {
    /// By ISO 639-1 code.
    pub langs: BTreeMap<String, Lang>,
    pub frames: crate::frame::Frames,
    pub entities: crate::entity::Gazetteer,
    pub verdicts: crate::verdict::VerdictRules,
    /// Each language's common words → the indices (in `langs` order) of the
    /// languages that list it: one lookup a word to tell a text's language.
    pub detect: crate::words::WordMap<Vec<usize>>,
    /// By language code: the cue lists each document is searched for, in one
    /// walk (see [`crate::claim::cue_lists`]).
    pub cue_lists: BTreeMap<String, crate::pattern::Joint>,
}

impl Rules {
    /// The embedded rules, plus or overridden by `dir`. Stops at the first bad file.
    pub fn load(dir: Option<&Path>) -> Result<Rules, RuleError> {
        let files = rule_files(dir)?;
        Rules::from_files(&files)
    }

    pub fn from_files(files: &[RuleFile]) -> Result<Rules, RuleError> {
        let mut langs = BTreeMap::new();
        let mut frames = Vec::new();
        let mut entities = Vec::new();
        let mut verdicts = Vec::new();
        // Languages compile on every core; an error is still reported in file order.
        let mut compiled: Vec<Option<Result<Lang, RuleError>>> = {
            use rayon::prelude::*;
            files.par_iter().map(|file| file.name.starts_with("lang/").then(|| Lang::compile(file))).collect()
        };
        for (file, compiled) in files.iter().zip(&mut compiled) {
            let name = file.name.as_str();
            if let Some(lang) = compiled.take() {
                let lang = lang?;
                langs.insert(lang.code.clone(), lang);
            } else if name == "frames.toml" || name.starts_with("frames/") {
                frames.push(file);
            } else if name == "entities.toml" || name.starts_with("entities/") {
                entities.push(file);
            } else if name == "verdicts.toml" || name.starts_with("verdicts/") {
                verdicts.push(file);
            } else {
                return Err(file.error_at(
                    None,
                    "unknown rule file: expected lang/<code>.toml, frames.toml, entities.toml or verdicts.toml",
                ));
            }
        }
        if langs.is_empty() {
            return Err(RuleError {
                file: "rules/lang".into(),
                line: None,
                column: None,
                message: "no language file".into(),
            });
        }
        let frames = crate::frame::Frames::compile(&frames)?;
        let entities = crate::entity::Gazetteer::compile(&entities)?;
        let verdicts = crate::verdict::VerdictRules::compile(&verdicts)?;
        let mut detect = crate::words::WordMap::default();
        for (index, lang) in langs.values().enumerate() {
            for word in lang.text.detect_words() {
                let listed: &mut Vec<usize> = detect.entry(word.clone()).or_default();
                if listed.last() != Some(&index) {
                    listed.push(index);
                }
            }
        }
        let cue_lists = langs
            .values()
            .filter_map(|lang| {
                let frame = frames.langs.get(&lang.code)?;
                let lists = crate::claim::cue_lists(frame, lang, entities.epithets(&lang.code));
                Some((lang.code.clone(), lists))
            })
            .collect();
        Ok(Rules { langs, frames, entities, verdicts, detect, cue_lists })
    }

    /// Builds, on every core, the pattern automata that reading documents in
    /// these languages needs, rather than one at a time as each is first used.
    pub fn prepare<'a>(&self, codes: impl IntoIterator<Item = &'a str>) {
        use crate::pattern::Prepare;
        use rayon::prelude::*;
        let codes: std::collections::BTreeSet<&str> = codes.into_iter().collect();
        let mut sets: Vec<&dyn Prepare> = Vec::new();
        for code in codes {
            if let Some(f) = self.frames.langs.get(code) {
                sets.extend([&f.triggers as &dyn Prepare, &f.genitive_agent, &f.target_cues, &f.counter]);
            }
            if let Some(l) = self.langs.get(code) {
                let w = &l.claims;
                sets.extend([
                    &w.org_descriptions as &dyn Prepare,
                    &w.person_descriptions,
                    &w.role_nouns,
                    &w.attribution,
                ]);
            }
            if let Some(e) = self.entities.epithets(code) {
                sets.push(e);
            }
            if let Some(lists) = self.cue_lists.get(code) {
                sets.push(lists);
            }
        }
        sets.par_iter().with_max_len(1).for_each(|set| set.prepare());
    }

    /// The language with this code, or an error listing the known ones.
    pub fn lang(&self, code: &str) -> Result<&Lang, String> {
        self.langs.get(code).ok_or_else(|| {
            let known: Vec<&str> = self.langs.keys().map(String::as_str).collect();
            format!("unknown language {code:?}: known languages are {}", known.join(", "))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_load_every_file() {
        let rules = Rules::load(None).unwrap();
        // Every embedded language file is a language, keyed by its code.
        let lang_files = EMBEDDED_RULES.iter().filter(|(name, _)| name.starts_with("lang/")).count();
        assert_eq!(rules.langs.len(), lang_files);
        assert!(rules.langs.iter().all(|(code, lang)| *code == lang.code));
        // Every frame declared in the frame files is loaded, once.
        let declared: usize = EMBEDDED_RULES
            .iter()
            .filter(|(name, _)| name.starts_with("frames"))
            .map(|(_, text)| text.matches("[[frame]]").count())
            .sum();
        assert_eq!(rules.frames.frames.len(), declared);
        // Each language has the cue lists claims are read with.
        assert!(rules.langs.keys().all(|code| rules.cue_lists.contains_key(code)));
    }

    #[test]
    fn a_typo_names_file_line_and_column() {
        let file = RuleFile {
            name: "lang/xx.toml".into(),
            origin: "rules/lang/xx.toml".into(),
            text: "code = \"xx\"\nname = \"test\"\nnmbers = 1\n".into(),
        };
        let err = Lang::compile(&file).unwrap_err();
        assert_eq!((err.line, err.column), (Some(3), Some(1)), "{err}");
        assert!(err.message.contains("nmbers"), "{err}");
    }
}
