//! Claims: one normalized fact each, with its frame, roles, value and polarity.

use serde::Deserialize;

use crate::lexicon::{RuleError, RuleFile};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaimWords {}

#[derive(Debug)]
pub struct ClaimWords {}

impl ClaimWords {
    pub fn compile(raw: &RawClaimWords, file: &RuleFile) -> Result<ClaimWords, RuleError> {
        let _ = (raw, file);
        Ok(ClaimWords {})
    }
}
