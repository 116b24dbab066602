//! Text as every stage reads it: byte spans and their lines and columns,
//! tokens, the one key a word is compared by (lowercase, straight
//! apostrophes), word sets, and pattern sets searched in one pass.
//!
//! Nothing here knows a language: the words and patterns come from the rule
//! files, compiled by the stage that uses them.

pub mod pattern;
pub mod span;
pub mod token;
pub mod words;
