//! Measure binding: each figure bound to what it measures by the words next
//! to it, never by being the nearest number to a trigger.
//!
//! A measure is a frame with binding words (`[frame.measure]` in
//! `rules/frames.toml`), per language: the words right after a figure (the
//! noun it counts: "1 644 morts", "2,376 injured", "13 people still
//! missing"), or the measure word or verb before it in its clause ("the
//! death toll has risen to", "magnitude", "killing"). The words after a
//! figure bind first; the words before bind a figure that has no noun of its
//! own ("rose to 2,445") or only one that counts without saying what
//! ("killed 76 people"). A figure bound to one measure is never another's,
//! and never a trigger's: in "the toll from the 7.7 magnitude quake rose to
//! 1,000", 7.7 is the magnitude and 1,000 the toll.

use regex::Regex;
use toml::Spanned;

use crate::rules::{RuleError, RuleFile};
use crate::text::span::Span;
use crate::value::Attribute;
use crate::value::{Value, ValueKind};

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
    counts_nothing: bool,
}

/// One measure's binding words in one language, as written.
pub struct MeasureWords<'a> {
    pub after: &'a [Spanned<String>],
    pub before: &'a [Spanned<String>],
    pub nouns: &'a [Spanned<String>],
    pub counts_nothing: bool,
}

/// How many bytes before a figure its measure word is looked for.
const BEFORE_WINDOW: usize = 140;

/// How many words may stand between a measure's words and its figure: "the
/// toll across both regions is 1,824". Farther words are in the measure's
/// own pattern ("toll … has risen to").
const MAX_WORDS_BETWEEN: usize = 5;

fn words_between(text: &str, from: usize, to: usize) -> usize {
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
    fn may_bind_before(&self, text: &str, end: usize, free: bool) -> bool {
        free || self.noun_end(text, end).is_some()
    }

    /// Where a noun this measure counts ends, when one follows a figure
    /// ending at `end`.
    fn noun_end(&self, text: &str, end: usize) -> Option<usize> {
        let at = skip_blanks(text, end);
        let m = self.nouns.as_ref()?.find(&text[at..])?;
        crate::text::pattern::at_word_edge(text, at + m.start(), at + m.end()).then_some(at + m.end())
    }

    fn takes(&self, kind: ValueKind) -> bool {
        matches!(
            (self.attribute, kind),
            (Attribute::Count, ValueKind::Count)
                | (Attribute::Amount, ValueKind::Amount)
                | (Attribute::Share, ValueKind::Percent)
        )
    }

    /// The words after a figure ending at `end` that bind it here, if any.
    fn after(&self, text: &str, end: usize) -> Option<Span> {
        let at = skip_blanks(text, end);
        let found = self.after.as_ref()?.find(&text[at..])?;
        let span = Span::new(at + found.start(), at + found.end());
        (span.end > span.start && crate::text::pattern::at_word_edge(text, span.start, span.end)).then_some(span)
    }

    /// The words of this measure in `text[from..to]` that end nearest `to`,
    /// at word edges, with few enough words after them.
    fn before(&self, text: &str, from: usize, to: usize) -> Option<Span> {
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

/// A figure bound to a measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Index of the figure in the values given.
    pub value: usize,
    /// Index of the measure's frame.
    pub frame: usize,
    pub attribute: Attribute,
    /// The binding words.
    pub cue: Span,
    /// The words that state the bound figure: the figure and its binding
    /// words, and the unit or generic noun after it ("depth of 24.1 km").
    pub span: Span,
}

/// Binds the figures of one sentence (`values`, in order of place) to the
/// measures of its language. `bare[i]` says that figure `i` has no noun
/// after it ("rose to 2,445"); `generic` says whether a word after a figure
/// leaves open what it counts: a noun such as "people", "personnes" or a
/// unit (`noun` says these), or a word that is no noun ("selon"). Only a
/// figure with no noun, or with a generic one, may be bound by the words
/// before it.
pub fn bind(
    text: &str,
    values: &[Value],
    bare: &[bool],
    measures: &[MeasureCues],
    generic: &dyn Fn(&str) -> bool,
    noun: &dyn Fn(&str) -> bool,
) -> Vec<Binding> {
    if measures.is_empty() {
        return Vec::new();
    }
    let mut bound: Vec<Option<Binding>> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            measures.iter().filter(|m| m.takes(v.kind)).find_map(|m| {
                let cue = m.after(text, v.span.end)?;
                let span = Span::new(v.span.start, cue.end);
                Some(Binding { value: i, frame: m.frame, attribute: m.attribute, cue, span })
            })
        })
        .collect();
    for (i, value) in values.iter().enumerate() {
        if bound[i].is_some() {
            continue;
        }
        let free = bare[i] || free_of_noun(text, value, generic);
        // The window opens after the figure before this one (a date is no
        // figure here: "the toll in 2023 stood at 12"): its words are its own.
        // A figure bound already ("the 7.7 magnitude quake") leaves the window open.
        let previous_end = (0..i)
            .filter(|&j| values[j].kind != ValueKind::Date && bound[j].is_none())
            .map(|j| values[j].span.end)
            .max()
            .unwrap_or(0);
        let from = floor_char(text, value.span.start.saturating_sub(BEFORE_WINDOW).max(previous_end));
        let nearest = measures
            .iter()
            .filter(|m| m.takes(value.kind))
            .filter_map(|m| {
                let cue = m.before(text, from, value.span.start)?;
                // A figure that counts nothing is bound by the words right before it alone.
                let next_to = m.counts_nothing && words_between(text, cue.end, value.span.start) <= 1;
                (next_to || m.may_bind_before(text, value.span.end, free)).then_some((m, cue))
            })
            .max_by_key(|(m, cue)| (cue.end, std::cmp::Reverse(m.frame)));
        bound[i] = nearest.map(|(m, cue)| {
            let end = m.noun_end(text, value.span.end).or_else(|| noun_end(text, value, noun));
            Binding {
                value: i,
                frame: m.frame,
                attribute: m.attribute,
                cue,
                span: Span::new(cue.start, end.unwrap_or(value.span.end)),
            }
        });
    }
    bind_ellipses(text, values, bare, &mut bound, generic, measures);
    bound.into_iter().flatten().collect()
}

/// A figure with no noun after the figure before it was bound says the same
/// measure again: "500 000 selon la CGT et 87 000 d'après la police",
/// "killed 5 in the north and 3 in the south".
fn bind_ellipses(
    text: &str,
    values: &[Value],
    bare: &[bool],
    bound: &mut [Option<Binding>],
    generic: &dyn Fn(&str) -> bool,
    measures: &[MeasureCues],
) {
    for i in 1..values.len() {
        let value = &values[i];
        if bound[i].is_some() || !(bare[i] || free_of_noun(text, value, generic)) {
            continue;
        }
        let Some(j) = (0..i).rev().find(|&j| values[j].kind != ValueKind::Date) else { continue };
        let Some(previous) = bound[j].clone() else { continue };
        // What counts nothing is not said again by a count of people.
        let counts_nothing = measures.iter().any(|m| m.frame == previous.frame && m.counts_nothing);
        if counts_nothing && !bare[i] {
            continue;
        }
        if values[j].kind != value.kind || words_between(text, values[j].span.end, value.span.start) > 12 {
            continue;
        }
        bound[i] = Some(Binding { value: i, cue: value.span, span: value.span, ..previous });
    }
}

/// Whether a figure is no count of a noun of its own, or of one that counts
/// without saying what.
fn free_of_noun(text: &str, value: &Value, generic: &dyn Fn(&str) -> bool) -> bool {
    value.kind != ValueKind::Count || generic(next_word(text, value.span.end).1)
}

/// The word after `end`, with where it starts; an elided word keeps its
/// apostrophe ("d'" of "d'après").
fn next_word(text: &str, end: usize) -> (usize, &str) {
    let at = skip_blanks(text, end);
    let rest = &text[at..];
    let len = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    let elided = rest[len..].chars().next().filter(|c| matches!(c, '\'' | '’')).map_or(0, char::len_utf8);
    (at, &rest[..len + elided])
}

/// Where the generic noun or unit after a count ends, when one follows it.
fn noun_end(text: &str, value: &Value, noun: &dyn Fn(&str) -> bool) -> Option<usize> {
    let (at, word) = next_word(text, value.span.end);
    (value.kind == ValueKind::Count && !word.is_empty() && noun(word)).then_some(at + word.len())
}

fn skip_blanks(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start().len()
}

fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
