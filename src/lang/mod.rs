//! A language as the rule files describe it (`rules/lang/<code>.toml`), and
//! [`Rules`], every stage's compiled rules side by side.
//!
//! Each stage compiles its own part from its raw section: values in `value`,
//! claim words in `words`, text cues in [`text`]. This module only holds them
//! together; `compile` loads the files and calls each stage.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::rules::{RuleError, RuleFile};

pub mod text;

/// A language file, `rules/lang/<code>.toml`, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLang {
    pub code: String,
    pub name: String,
    /// Numbers, scale words, currencies, hedges (see `number`).
    #[serde(default)]
    pub numbers: crate::value::number::RawNumbers,
    /// Months, seasons, parts of a year, relative-date words (see `date`).
    #[serde(default)]
    pub dates: crate::value::date::RawDates,
    /// Weekdays and relative days (see `value::days`).
    #[serde(default)]
    pub days: crate::value::days::RawDays,
    /// Language detection, boilerplate cues, sentence splitting (see `text`).
    #[serde(default)]
    pub text: text::RawText,
    /// Negation, attribution, pronouns (see `claim`).
    #[serde(default)]
    pub claims: crate::text::words::RawClaimWords,
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
    pub text: text::TextLang,
    pub claims: crate::text::words::ClaimWords,
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
            text: text::TextLang::compile(&raw.text, file)?,
            claims: crate::text::words::ClaimWords::compile(&raw.claims, file)?,
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

/// Every rule, loaded and checked: each stage's compiled rules side by side.
/// Plain data, defined here so that every stage can read it; it is put
/// together by [`Rules::load`] (in `compile`), above all the stages.
#[derive(Debug)]
pub struct Rules {
    /// By ISO 639-1 code.
    pub langs: BTreeMap<String, Lang>,
    pub frames: crate::frame::Frames,
    pub entities: crate::entity::Gazetteer,
    pub verdicts: crate::rules::verdicts::VerdictRules,
    /// Each language's common words → the indices (in `langs` order) of the
    /// languages that list it: one lookup a word to tell a text's language.
    pub detect: crate::text::words::WordMap<Vec<usize>>,
    /// By language code: the cue lists each document is searched for, in one
    /// walk (the lists are `cue_lists` of the `claim` stage).
    pub cue_lists: BTreeMap<String, crate::text::pattern::Joint>,
}

impl Rules {
    /// Builds, on every core, the pattern automata that reading documents in
    /// these languages needs, rather than one at a time as each is first used.
    pub fn prepare<'a>(&self, codes: impl IntoIterator<Item = &'a str>) {
        use crate::text::pattern::Prepare;
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
