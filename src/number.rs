//! Numbers, scale words, currencies and hedges → intervals.

use serde::Deserialize;

use crate::lexicon::{RuleError, RuleFile};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNumbers {}

#[derive(Debug)]
pub struct NumberLang {}

impl NumberLang {
    pub fn compile(raw: &RawNumbers, file: &RuleFile) -> Result<NumberLang, RuleError> {
        let _ = (raw, file);
        Ok(NumberLang {})
    }
}
