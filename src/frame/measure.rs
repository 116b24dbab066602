//! A measure's binding words, compiled from `[frame.measure]`, and what
//! binding asks of them: do the words right after a figure bind it, which
//! words before it bind it, does a noun the measure counts follow it. The
//! binding itself, figure by figure, is `claim::measure`'s.

use regex::Regex;
use toml::Spanned;

use crate::rules::{RuleError, RuleFile};
use crate::text::span::Span;
use crate::value::Attribute;
use crate::value::ValueKind;

/// One measure's binding words in one language, compiled.
#[derive(Debug)]
pub struct MeasureCues {
    /// The frame's index.
    pub frame: usize,
    /// What a bound figure states.
    pub attribute: Attribute,
    /// Anchored at the first word after a figure.
    after: Option<Regex>,
    /// Searched in the words before a figure, each on its own: a short
    /// pattern ("toll") must not hide a longer one ("toll … rose to").
    before: Vec<Regex>,
    /// Anchored at the first word after a figure: a noun the measure counts,
    /// which leaves the figure to the words before it.
    nouns: Option<Regex>,
    /// The figure counts no noun: the words before it bind it whatever follows.
    pub counts_nothing: bool,
}

/// One measure's binding words in one language, as written.
pub struct MeasureWords<'a> {
    pub after: &'a [Spanned<String>],
    pub before: &'a [Spanned<String>],
    pub nouns: &'a [Spanned<String>],
    pub counts_nothing: bool,
}

/// How many words may stand between a measure's words and its figure: "the
/// toll across both regions is 1,824". Farther words are in the measure's
/// own pattern ("toll … has risen to").
const MAX_WORDS_BETWEEN: usize = 5;

/// How many words `text[from..to]` holds.
pub(crate) fn words_between(text: &str, from: usize, to: usize) -> usize {
    text[from..to].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count()
}

impl MeasureCues {
    pub fn compile(
        file: &RuleFile,
        frame: usize,
        attribute: Attribute,
        words: &MeasureWords,
    ) -> Result<MeasureCues, RuleError> {
        let compile = |patterns: &[&Spanned<String>], anchor: &str| -> Result<Regex, RuleError> {
            for p in patterns {
                crate::text::pattern::check_syntax(file, p, p.get_ref())?;
            }
            let alternation: Vec<String> =
                patterns.iter().map(|p| format!("(?:{})", p.get_ref().replace(['\'', '’'], "['’]"))).collect();
            Regex::new(&format!("(?i){anchor}(?:{})", alternation.join("|")))
                .map_err(|e| file.error_in(patterns[0], format!("measure words: {e}")))
        };
        let anchored = |patterns: &[Spanned<String>]| match patterns {
            [] => Ok(None),
            some => compile(&some.iter().collect::<Vec<_>>(), "^").map(Some),
        };
        let before = words.before.iter().map(|p| compile(&[p], "")).collect::<Result<_, _>>()?;
        Ok(MeasureCues {
            frame,
            attribute,
            after: anchored(words.after)?,
            before,
            nouns: anchored(words.nouns)?,
            counts_nothing: words.counts_nothing,
        })
    }

    /// Whether the words before a figure ending at `end` may bind it: it
    /// counts nothing, or it counts no noun of its own (`free`), or one
    /// this measure counts.
    pub(crate) fn may_bind_before(&self, text: &str, end: usize, free: bool) -> bool {
        free || self.noun_end(text, end).is_some()
    }

    /// Where a noun this measure counts ends, when one follows a figure
    /// ending at `end`.
    pub(crate) fn noun_end(&self, text: &str, end: usize) -> Option<usize> {
        let at = skip_blanks(text, end);
        let m = self.nouns.as_ref()?.find(&text[at..])?;
        crate::text::pattern::at_word_edge(text, at + m.start(), at + m.end()).then_some(at + m.end())
    }

    pub(crate) fn takes(&self, kind: ValueKind) -> bool {
        matches!(
            (self.attribute, kind),
            (Attribute::Count, ValueKind::Count)
                | (Attribute::Amount, ValueKind::Amount)
                | (Attribute::Share, ValueKind::Percent)
        )
    }

    /// The words after a figure ending at `end` that bind it here, if any.
    pub(crate) fn after(&self, text: &str, end: usize) -> Option<Span> {
        let at = skip_blanks(text, end);
        let found = self.after.as_ref()?.find(&text[at..])?;
        let span = Span::new(at + found.start(), at + found.end());
        (span.end > span.start && crate::text::pattern::at_word_edge(text, span.start, span.end)).then_some(span)
    }

    /// The words of this measure in `text[from..to]` that end nearest `to`,
    /// at word edges, with few enough words after them.
    pub(crate) fn before(&self, text: &str, from: usize, to: usize) -> Option<Span> {
        let window = &text[from..to];
        self.before
            .iter()
            .flat_map(|pattern| pattern.find_iter(window))
            .map(|m| Span::new(from + m.start(), from + m.end()))
            .filter(|s| crate::text::pattern::at_word_edge(text, s.start, s.end))
            .filter(|s| words_between(text, s.end, to) <= MAX_WORDS_BETWEEN)
            .max_by_key(|s| (s.end, std::cmp::Reverse(s.start)))
    }
}

/// `at` moved past white space.
pub(crate) fn skip_blanks(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start().len()
}
