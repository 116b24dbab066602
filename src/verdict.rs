//! The rule engine: ordered pair rules from `rules/verdicts.toml`.

use crate::lexicon::{RuleError, RuleFile};

#[derive(Debug, Default)]
pub struct VerdictRules {}

impl VerdictRules {
    pub fn compile(files: &[&RuleFile]) -> Result<VerdictRules, RuleError> {
        let _ = files;
        Ok(VerdictRules {})
    }
}
