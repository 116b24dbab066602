//! crosscheck: reads several articles about one story, normalizes what each
//! one claims, lines up the claims that speak of the same fact, and lets rules
//! in TOML decide whether the sources agree, differ by rounding, or contradict.
//!
//! The pipeline, one module a stage:
//! `document` (load) → `value` (amounts, counts, percents, dates) →
//! `claim` (frames, roles, polarity) → `align` (slots) → `verdict` (rules) →
//! `report` (Markdown, JSON).

pub mod claim;
pub mod cli;
pub mod date;
pub mod document;
pub mod entity;
pub mod frame;
pub mod lexicon;
pub mod number;
pub mod pattern;
pub mod span;
pub mod token;
pub mod value;
pub mod verdict;
pub mod words;

pub use cli::main_with_args;
