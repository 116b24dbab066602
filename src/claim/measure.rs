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
//!
//! The binding words, compiled, are `frame::measure`'s.

use super::qualifiers::{OwnYear, another_event, figure_attribution, recalled_before, scope_of, stated_moment};
use super::segments::{Segment, segment_of, token_at};
use super::{Draft, Polarity, Scope, SentenceInput};
use crate::entity::{Kind, Mention};
use crate::frame::Frames;
use crate::frame::measure::{MeasureCues, skip_blanks, words_between};
use crate::text::span::Span;
use crate::text::token::Token;
use crate::text::words::{ClaimWords, key};
use crate::value::Attribute;
use crate::value::{Value, ValueKind};

/// How many bytes before a figure its measure word is looked for.
const BEFORE_WINDOW: usize = 140;

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
            // The longest words after the figure bind it: "6 jurés suppléants"
            // are alternates before they are jurors.
            measures
                .iter()
                .filter(|m| m.takes(v.kind))
                .filter_map(|m| Some((m, m.after(text, v.span.end)?)))
                .max_by_key(|(m, cue)| (cue.end, std::cmp::Reverse(m.frame)))
                .map(|(m, cue)| {
                    let span = Span::new(v.span.start, cue.end);
                    Binding { value: i, frame: m.frame, attribute: m.attribute, cue, span }
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

fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The drafts of the figures bound to measures, with what their clauses
/// say of them: who counted, which event, where, as of when.
pub(super) fn measure_drafts(
    input: &SentenceInput<'_>,
    measured: Vec<(Binding, Value)>,
    frames: &Frames,
    words: &ClaimWords,
    own_year: OwnYear,
) -> Vec<Draft> {
    if measured.is_empty() {
        return Vec::new();
    }
    let SentenceInput { text, offset, tokens, values, mentions, segments: segs, attribution, .. } = *input;
    let sentence_span = Span::new(offset, offset + text.len());
    measured
        .into_iter()
        .map(|(binding, mut value)| {
            let span = binding.span;
            let value_span = value.span;
            value.span = value.span.shifted(offset);
            Draft {
                frame: binding.frame,
                attribute: binding.attribute,
                agent: None,
                target: None,
                polarity: Polarity::Affirmed,
                value: Some(value),
                span: span.shifted(offset),
                quote: sentence_span,
                quote_extra: None,
                trigger: text[binding.cue.start..binding.cue.end].to_string(),
                attributed_to: figure_attribution(text, tokens, mentions, segs, attribution, value_span, words),
                event_time: recalled_before(values, value_span, own_year),
                scope: Some({
                    let frame = &frames.frames[binding.frame];
                    let part = if frame.scoped {
                        scope_of(text, tokens, mentions, segs, value_span, words)
                    } else {
                        Scope::default()
                    };
                    let event = !frame.evolving && another_event(text, tokens, value_span, words);
                    let event = if added(text, tokens, value_span, span, words) {
                        Some("added".to_string())
                    } else {
                        event.then(|| "another".to_string())
                    };
                    let named_event = || named_event(text, tokens, mentions, segs, value_span, words);
                    match named_before(text, tokens, mentions, value_span) {
                        // "Marseille (40,000)": the place's own figure; "la tempête Boris (23 morts)": the named event's.
                        Some(m) if m.kind == Kind::Place => Scope { place: Some(m.name.clone()), event, ..part },
                        Some(m) => Scope { event: Some(m.name.clone()), ..part },
                        None => Scope { event: event.or_else(named_event), ..part },
                    }
                }),
                as_of: stated_moment(tokens, segs, values, value_span),
                context: Default::default(),
            }
        })
        .collect()
}

/// Whether the word right before the figure, or one after it among its
/// measure's words or right after them, makes it a number added: "an
/// additional 500 soldiers", "500 militaires supplémentaires", "500 more
/// troops" (not "more than 500", a hedge: part of the figure).
fn added(text: &str, tokens: &[Token], figure: Span, span: Span, words: &ClaimWords) -> bool {
    let is_added = |t: &Token| words.added.contains(&*key(t.text(text)));
    let before = token_at(tokens, figure.start).checked_sub(1).map(|i| &tokens[i]);
    let first = token_at(tokens, figure.end.saturating_sub(1)) + 1;
    let last = token_at(tokens, span.end.saturating_sub(1)) + 1;
    before.is_some_and(is_added) || tokens[first..(last + 1).min(tokens.len())].iter().any(is_added)
}

/// The one named event of the figure's clause: a name with an event noun
/// right before or after it, or ending it ("the Palisades Fire has
/// destroyed 6,837 homes", "l'incendie Eaton a tué 16 personnes"), by its
/// name alone, so that every language names it alike.
fn named_event(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    segs: &[Segment],
    figure: Span,
    words: &ClaimWords,
) -> Option<String> {
    let seg = segment_of(segs, token_at(tokens, figure.start));
    let is_event_noun = |i: usize| tokens.get(i).is_some_and(|t| words.event_nouns.contains(&*key(t.text(text))));
    let mut named: Vec<String> = mentions
        .iter()
        .filter(|m| segment_of(segs, token_at(tokens, m.span.start)) == seg)
        .filter_map(|m| {
            let first = token_at(tokens, m.span.start);
            let last = token_at(tokens, m.span.end.saturating_sub(1));
            // A name that ends with an event noun is an event's, whatever its kind was guessed to be.
            let own = last > first && is_event_noun(last);
            let beside =
                m.kind != Kind::Person && (first.checked_sub(1).is_some_and(is_event_noun) || is_event_noun(last + 1));
            if own {
                let end = tokens[last - 1].span.end;
                Some(text[m.span.start..end].trim().to_string())
            } else {
                beside.then(|| m.name.clone())
            }
        })
        .collect();
    named.sort_unstable();
    named.dedup();
    match named.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// The name a figure in parentheses stands right after: "Marseille
/// (40,000)", "la tempête Boris (23 morts)".
fn named_before<'m>(text: &str, tokens: &[Token], mentions: &'m [Mention], figure: Span) -> Option<&'m Mention> {
    let at = token_at(tokens, figure.start);
    let open = at.checked_sub(1).filter(|&i| tokens[i].text(text) == "(")?;
    let before = tokens.get(open.checked_sub(1)?)?;
    mentions.iter().find(|m| m.span.end == before.span.end)
}

/// Binds the sentence's figures to measures (see [`measure`]) and
/// takes the bound ones out of `values` and `bare`: a figure bound to a
/// measure is no trigger's. Returns each binding with its figure.
pub(super) fn bind_measures(
    text: &str,
    values: &mut Vec<Value>,
    bare: &mut Vec<Value>,
    measures: &[MeasureCues],
    words: &ClaimWords,
) -> Vec<(Binding, Value)> {
    if measures.is_empty() || (values.is_empty() && bare.is_empty()) {
        return Vec::new();
    }
    let mut all: Vec<(Value, bool)> =
        values.iter().map(|v| (v.clone(), false)).chain(bare.iter().map(|v| (v.clone(), true))).collect();
    all.sort_by_key(|(v, _)| v.span);
    let (figures, is_bare): (Vec<Value>, Vec<bool>) = all.into_iter().unzip();
    // A word that is no noun ("selon", "in") says no more than a generic one.
    let generic = |word: &str| {
        let word = key(word);
        word.is_empty()
            || word.ends_with('\'')
            || words.generic_nouns.contains(&word)
            || words.function_words.contains(&word)
            || words.prepositions.contains(&word)
    };
    let noun = |word: &str| words.generic_nouns.contains(key(word));
    let bindings = bind(text, &figures, &is_bare, measures, &generic, &noun);
    if bindings.is_empty() {
        return Vec::new();
    }
    let taken: Vec<Span> = bindings.iter().map(|b| figures[b.value].span).collect();
    values.retain(|v| !taken.contains(&v.span));
    bare.retain(|v| !taken.contains(&v.span));
    bindings.into_iter().map(|b| (b.clone(), figures[b.value].clone())).collect()
}
