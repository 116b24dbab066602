//! Frames: the kinds of event a claim can speak of, from `rules/frames.toml`.

use crate::lexicon::{RuleError, RuleFile};

#[derive(Debug, Default)]
pub struct Frames {}

impl Frames {
    pub fn compile(files: &[&RuleFile]) -> Result<Frames, RuleError> {
        let _ = files;
        Ok(Frames {})
    }
}
