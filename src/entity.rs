//! Entities: canonical names from `rules/entities.toml` and resolution of mentions.

use crate::lexicon::{RuleError, RuleFile};

#[derive(Debug, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    pub fn compile(files: &[&RuleFile]) -> Result<Gazetteer, RuleError> {
        let _ = files;
        Ok(Gazetteer {})
    }
}
