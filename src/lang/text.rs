//! A language's text rules, the `[text]` section of `rules/lang/<code>.toml`:
//! the words that tell the language, boilerplate and teaser cues, byline
//! cues and abbreviations. `document` uses them; this module only compiles them.

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use crate::rules::{RuleError, RuleFile};
use crate::text::token::words;
use crate::text::words::{WordSet, key};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawText {
    /// Common words, to tell the language of a text.
    #[serde(default)]
    detect: Vec<String>,
    /// Patterns of boilerplate lines (case-insensitive): one is enough.
    #[serde(default)]
    boilerplate: Vec<Spanned<String>>,
    /// Patterns that boilerplate uses but news may too ("cookies",
    /// "newsletter"): a line is boilerplate on them only with two of them,
    /// with one of the `reader` words, or when it does not end as a sentence.
    #[serde(default)]
    boilerplate_weak: Vec<Spanned<String>>,
    /// Words that speak to the reader ("vous", "your").
    #[serde(default)]
    reader: Vec<String>,
    /// Patterns of lines that open a list of links to other stories.
    #[serde(default)]
    teasers: Vec<Spanned<String>>,
    /// Words that end with a period inside a sentence ("M.", "Dr.").
    #[serde(default)]
    abbreviations: Vec<String>,
    /// Patterns that mark a date line ("publié le", "updated"): such a line
    /// may also name the outlet or the author and still date the document.
    #[serde(default)]
    bylines: Vec<Spanned<String>>,
}

#[derive(Debug, Default)]
pub struct TextLang {
    detect: WordSet,
    boilerplate: Option<Cues>,
    teasers: Option<Regex>,
    pub(crate) abbreviations: std::collections::BTreeSet<String>,
    bylines: Option<Regex>,
}

/// A rule pattern as compiled: an apostrophe matches either kind, and an
/// ASCII word boundary keeps the fast engines on non-ASCII text.
fn cue_pattern(pattern: &str) -> String {
    format!("(?i:{})", pattern.replace('\'', "['’]").replace(r"\b", r"(?-u:\b)"))
}

fn union(file: &RuleFile, patterns: &[Spanned<String>]) -> Result<Option<Regex>, RuleError> {
    if patterns.is_empty() {
        return Ok(None);
    }
    // Each is checked by the parser alone: only the union is compiled.
    for p in patterns {
        crate::text::pattern::check_syntax(file, p, p.get_ref())?;
    }
    let joined = patterns.iter().map(|p| cue_pattern(p.get_ref())).collect::<Vec<_>>().join("|");
    Regex::new(&joined).map(Some).map_err(|e| file.error_at(None, e.to_string()))
}

/// The boilerplate cues of a language, strong and weak.
#[derive(Debug)]
struct Cues {
    /// Every cue in one pattern, the strong ones first, which tells which of
    /// them matched: most lines have none, and are done with in one pass.
    any: regex_automata::meta::Regex,
    strong: usize,
    reader: WordSet,
}

impl Cues {
    fn compile(raw: &RawText, file: &RuleFile) -> Result<Option<Cues>, RuleError> {
        let all: Vec<&Spanned<String>> = raw.boilerplate.iter().chain(&raw.boilerplate_weak).collect();
        if all.is_empty() {
            return Ok(None);
        }
        // Each is checked by the parser alone: only the union is compiled.
        for p in &all {
            crate::text::pattern::check_syntax(file, p, p.get_ref())?;
        }
        let patterns: Vec<String> = all.iter().map(|p| cue_pattern(p.get_ref())).collect();
        // Only a forward search is run: no groups, nor the engines that report them.
        let config = regex_automata::meta::Config::new()
            .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit)
            .onepass(false)
            .backtrack(false);
        let any = regex_automata::meta::Builder::new()
            .configure(config)
            .build_many(&patterns)
            .map_err(|e| file.error_at(None, e.to_string()))?;
        let reader = raw.reader.iter().map(|w| key(w).into_owned()).collect();
        Ok(Some(Cues { any, strong: raw.boilerplate.len(), reader }))
    }

    /// Whether `line` is boilerplate: a strong cue, two weak ones (the same
    /// one twice counts), or a weak one in a line that speaks to the reader
    /// or does not end as a sentence.
    fn in_line(&self, line: &str) -> bool {
        // Only which cues a line has matters, not where they start: each
        // search stops at the first match it sees, and the next goes on from there.
        let mut input = regex_automata::Input::new(line).earliest(true);
        let mut weak = 0;
        while let Some(cue) = self.any.search_half(&input) {
            if cue.pattern().as_usize() < self.strong || weak == 1 {
                return true;
            }
            weak += 1;
            input.set_start(cue.offset());
        }
        weak == 1 && (!ends_as_sentence(line) || words(line).any(|w| self.reader.contains_key(w)))
    }
}

/// Whether `line` ends as a sentence of running text does.
pub(crate) fn ends_as_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', '»', '"', '…'])
}

impl TextLang {
    pub fn compile(raw: &RawText, file: &RuleFile) -> Result<TextLang, RuleError> {
        Ok(TextLang {
            detect: raw.detect.iter().map(|w| key(w).into_owned()).collect(),
            boilerplate: Cues::compile(raw, file)?,
            teasers: union(file, &raw.teasers)?,
            abbreviations: raw.abbreviations.iter().map(|w| key(w).into_owned()).collect(),
            bylines: union(file, &raw.bylines)?,
        })
    }

    pub(crate) fn is_boilerplate(&self, line: &str) -> bool {
        self.boilerplate.as_ref().is_some_and(|cues| cues.in_line(line))
    }

    pub(crate) fn has_byline_cue(&self, line: &str) -> bool {
        self.bylines.as_ref().is_some_and(|r| r.is_match(line))
    }

    pub(crate) fn is_teaser(&self, line: &str) -> bool {
        self.teasers.as_ref().is_some_and(|r| r.is_match(line))
    }

    /// The words that tell this language, as keys.
    pub fn detect_words(&self) -> impl Iterator<Item = &String> {
        self.detect.iter()
    }

    pub(crate) fn has_stopword(&self, line: &str) -> bool {
        words(line).any(|w| self.detect.contains_key(w))
    }
}
