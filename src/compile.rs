//! Loads the rule files and has each stage compile its part: languages,
//! frames, entities, verdicts, and the cue lists claims are read with. This is
//! the one place that knows every stage, so it sits above them all.

use std::collections::BTreeMap;
use std::path::Path;

use crate::lang::{Lang, Rules};
use crate::rules::{RuleError, RuleFile, rule_files};

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
        let mut detect = crate::text::words::WordMap::default();
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
}

#[cfg(test)]
mod tests {
    use crate::lang::Rules;
    use crate::rules::EMBEDDED_RULES;

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
}
