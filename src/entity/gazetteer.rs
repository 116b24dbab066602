//! The gazetteer: the entities of `rules/entities.toml`, their aliases and
//! epithets per language, compiled and checked.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::Kind;
use crate::rules::{RuleError, RuleFile};
use crate::text::pattern::PatternSet;
use crate::text::words::key;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEntities {
    #[serde(default)]
    pub(super) entity: Vec<RawEntity>,
    #[serde(default)]
    pub(super) test: Vec<RawEntityTest>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEntity {
    pub(super) name: Spanned<String>,
    pub(super) kind: Kind,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    #[serde(default)]
    pub(super) epithets: BTreeMap<String, Vec<Spanned<String>>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEntityTest {
    pub(super) lang: String,
    pub(super) text: String,
    pub(super) mentions: Vec<String>,
}

/// A `[[test]]` of an entities file: the canonical names a text mentions, in order.
#[derive(Debug, Clone)]
pub struct EntityTest {
    pub origin: String,
    pub lang: String,
    pub text: String,
    pub mentions: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub kind: Kind,
}

/// The entities of the rule files.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
    /// Name or alias → entity index.
    pub(super) by_name: HashMap<String, usize>,
    /// Per language: epithets, tagged with the entity index.
    pub(super) epithets: BTreeMap<String, PatternSet<usize>>,
    pub tests: Vec<EntityTest>,
}

/// One word of an epithet's optional adjective: anything up to a space or a
/// punctuation mark ("nouveau", "tout-puissant"). A short class of
/// exclusions, not `\w`: Unicode `\w` made the epithets the costliest
/// automaton of the rules to build.
pub(super) const ADJECTIVE: &str = r#"[^\s,.;:!?«»"“”()]+"#;

/// An epithet as a pattern: literal words, one optional adjective after the article.
pub(super) fn epithet_pattern(epithet: &str) -> String {
    let words: Vec<&str> = epithet.split_whitespace().collect();
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push_str("\\s+");
        }
        let lower = key(word);
        if i == 0 && matches!(lower.as_ref(), "le" | "la" | "les" | "the") && words.len() > 1 {
            out.push_str(&regex::escape(word));
            out.push_str(&format!("(?:\\s+{ADJECTIVE})?"));
            continue;
        }
        if let Some(rest) = lower.strip_prefix("l'") {
            out.push_str(&format!("l'(?:{ADJECTIVE}\\s+)?"));
            out.push_str(&regex::escape(rest));
            continue;
        }
        out.push_str(&regex::escape(word));
    }
    out
}

impl Gazetteer {
    pub fn compile(files: &[&RuleFile]) -> Result<Gazetteer, RuleError> {
        let mut gazetteer = Gazetteer::default();
        for file in files {
            let raw: RawEntities = file.parse()?;
            for entity in raw.entity {
                let name = entity.name.get_ref().trim().to_string();
                if name.is_empty() {
                    return Err(file.error_in(&entity.name, "empty entity name"));
                }
                if gazetteer.by_name.contains_key(&name) {
                    return Err(file.error_in(&entity.name, format!("duplicate entity {name:?}")));
                }
                let index = gazetteer.entities.len();
                for form in std::iter::once(&name).chain(&entity.aliases) {
                    gazetteer.by_name.insert(form.clone(), index);
                }
                for (lang, epithets) in &entity.epithets {
                    let patterns: Vec<Spanned<String>> =
                        epithets.iter().map(|e| Spanned::new(e.span(), epithet_pattern(e.get_ref()))).collect();
                    let set = PatternSet::compile(file, patterns.iter().map(|p| (p, index)).collect())?;
                    gazetteer.epithets.entry(lang.clone()).or_default().extend(set);
                }
                gazetteer.entities.push(Entity { name, kind: entity.kind });
            }
            for test in raw.test {
                gazetteer.tests.push(EntityTest {
                    origin: file.origin.clone(),
                    lang: test.lang,
                    text: test.text,
                    mentions: test.mentions,
                });
            }
        }
        Ok(gazetteer)
    }

    /// The epithets of one language, if any.
    pub fn epithets(&self, lang: &str) -> Option<&PatternSet<usize>> {
        self.epithets.get(lang)
    }

    pub(super) fn lookup(&self, name: &str) -> Option<&Entity> {
        self.by_name.get(name).map(|&i| &self.entities[i])
    }

    /// Whether the rule files list `name` (canonical) as a place.
    pub fn is_place(&self, name: &str) -> bool {
        self.lookup(name).is_some_and(|e| e.kind == super::Kind::Place && e.name == name)
    }

    /// The canonical name of a name or alias the rule files list ("Turquie" → "Turkey").
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.lookup(name).map(|e| e.name.as_str())
    }
}
