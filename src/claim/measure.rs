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

use super::qualifiers::{
    OwnYear, after_event_noun, another_event, figure_attribution, recalled_before, scope_of, stated_moment,
};
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
    /// The figure is the whole of a part stated right before it: "24" in
    /// "16 of the 24 deaths".
    pub whole: bool,
}

/// Binds the figures of one sentence (`values`, in order of place) to the
/// measures of its language. `around` says where the words after each
/// figure are read and where its own words end. `bare[i]` says that figure `i` has no noun
/// after it ("rose to 2,445"); `generic` says whether a word after a figure
/// leaves open what it counts: a noun such as "people", "personnes" or a
/// unit (`noun` says these), or a word that is no noun ("selon"). Only a
/// figure with no noun, or with a generic one, may be bound by the words
/// before it.
pub fn bind(
    text: &str,
    values: &[Value],
    bare: &[bool],
    around: &Around,
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
                .filter_map(|m| Some((m, m.after(text, around.after_at[i])?)))
                .max_by_key(|(m, cue)| (cue.end, std::cmp::Reverse(m.frame)))
                .map(|(m, cue)| {
                    let span = Span::new(v.span.start, cue.end);
                    Binding { value: i, frame: m.frame, attribute: m.attribute, cue, span, whole: false }
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
        // Nor does the old figure of a change ("from 217 to 215").
        let old_figure = |j: usize| j + 1 == i && words_between(text, values[j].span.end, value.span.start) == 1;
        let previous_end = (0..i)
            .filter(|&j| values[j].kind != ValueKind::Date && bound[j].is_none() && !old_figure(j))
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
                whole: false,
            }
        });
    }
    bind_ellipses(text, values, bare, &around.own_end, &mut bound, generic, measures);
    for (i, b) in bound.iter_mut().enumerate() {
        if let Some(b) = b {
            b.whole = (0..i).any(|j| around.after_at[j] == values[i].span.end);
        }
    }
    bound.into_iter().flatten().collect()
}

/// The words around each figure of a sentence.
pub struct Around {
    /// Where the words after each figure are read: right after it, or past
    /// a partitive and the figure of its whole ("16 of the 24 deaths",
    /// "huit des décès").
    pub after_at: Vec<usize>,
    /// Where the words each figure has of its own end: "87 000 d'après la
    /// police" up to a punctuation mark, a conjunction or another figure.
    pub own_end: Vec<usize>,
}

impl Around {
    fn of(text: &str, values: &[Value], words: &ClaimWords) -> Around {
        Around {
            after_at: after_partitives(text, values, &words.partitives),
            own_end: values.iter().map(|v| own_end(text, v.span.end, words)).collect(),
        }
    }
}

/// Where the words from `at` that belong to the figure before it end: at
/// a punctuation mark, a conjunction or a digit, eight words on at most.
fn own_end(text: &str, at: usize, words: &ClaimWords) -> usize {
    let mut end = at;
    let mut rest = &text[at..];
    for _ in 0..8 {
        let blank = rest.len() - rest.trim_start().len();
        let word_len = rest[blank..]
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')) || c.is_ascii_digit())
            .unwrap_or(rest.len() - blank);
        let word = &rest[blank..blank + word_len];
        if word.is_empty() || word.starts_with(|c: char| c.is_ascii_digit()) || words.conjunctions.contains(key(word)) {
            break;
        }
        end += blank + word_len;
        rest = &rest[blank + word_len..];
    }
    end
}

/// Where the words after each figure are read (see [`Around::after_at`]).
fn after_partitives(text: &str, values: &[Value], partitives: &[String]) -> Vec<usize> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let at = skip_blanks(text, v.span.end);
            let rest = &text[at..];
            let Some(len) = partitives.iter().find_map(|p| {
                let head = rest.get(..p.len())?;
                (key(head) == p.as_str() && rest[p.len()..].starts_with(char::is_whitespace)).then_some(p.len())
            }) else {
                return v.span.end;
            };
            let end = at + len;
            match values.get(i + 1) {
                Some(whole) if whole.kind == v.kind && skip_blanks(text, end) == whole.span.start => whole.span.end,
                _ => end,
            }
        })
        .collect()
}

/// A figure with no noun after the figure before it was bound says the same
/// measure again: "500 000 selon la CGT et 87 000 d'après la police",
/// "killed 5 in the north and 3 in the south". Its words up to `own_end`
/// state it.
fn bind_ellipses(
    text: &str,
    values: &[Value],
    bare: &[bool],
    own_end: &[usize],
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
        // Its words are its own: "87 000 d'après la police", "16 à l'incendie Eaton".
        let span = Span::new(value.span.start, own_end[i]);
        bound[i] = Some(Binding { value: i, cue: value.span, span, ..previous });
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
    // Where each figure's own words end: at the next figure that is not its whole.
    let mut parts: Vec<Span> = measured.iter().filter(|(b, _)| !b.whole).map(|(_, v)| v.span).collect();
    parts.extend(values.iter().filter(|v| v.kind != ValueKind::Date).map(|v| v.span));
    parts.sort_unstable();
    // Each of these figures with its own words ("30 à Paris, 16 à Rennes").
    let owned: Vec<Span> = parts.iter().map(|p| Span::new(p.start, own_end(text, p.end, words))).collect();
    measured
        .into_iter()
        .map(|(binding, mut value)| {
            let next_start = parts.iter().find(|p| p.start >= value.span.end).map_or(text.len(), |p| p.start);
            let others: Vec<Span> = owned.iter().copied().filter(|o| o.start != value.span.start).collect();
            let before = named_before(text, tokens, mentions, value.span);
            // "Marseille (40,000)" is stated with its name.
            let span = match before {
                Some(m) => {
                    let closing = usize::from(text[value.span.end..].starts_with(')'));
                    Span::new(m.span.start, binding.span.end.max(value.span.end + closing))
                }
                None => binding.span,
            };
            let value_span = value.span;
            if frames.frames[binding.frame].rounded {
                rounded_to_unit(&mut value, &text[value_span.end..span.end.max(value_span.end)], words);
            }
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
                        scope_of(text, tokens, mentions, segs, value_span, &others, words)
                    } else {
                        Scope::default()
                    };
                    let event = !frame.evolving && another_event(text, tokens, value_span, words);
                    let event = if added(text, tokens, value_span, span, words) {
                        Some("added".to_string())
                    } else {
                        event.then(|| "another".to_string())
                    };
                    let named_event = || {
                        let own = Span::new(value_span.start, next_start);
                        (!binding.whole).then(|| named_event(text, tokens, mentions, segs, own, words)).flatten()
                    };
                    // Only a figure with no words of its own ("Bilan : 45 morts" is no place's).
                    let row = row_label(text, mentions).filter(|_| frame.scoped && binding.cue == value_span);
                    match before {
                        // "Lyon : 25 000": the row's place.
                        _ if row.is_some() => Scope { place: row.map(str::to_string), event, ..part },
                        // "Marseille (40,000)": the place's own figure; "la tempête Boris (23 morts)": the named event's.
                        Some(m) if after_event_noun(text, tokens, m.span, words) || m.kind == Kind::Person => {
                            Scope { event: Some(m.name.clone()), ..part }
                        }
                        Some(m) => Scope { place: Some(m.name.clone()), event, ..part },
                        None => Scope { event: event.or_else(named_event), ..part },
                    }
                }),
                as_of: stated_moment(tokens, segs, values, value_span),
                context: Default::default(),
            }
        })
        .collect()
}

/// A figure rounded to its unit allows half a unit each way when stated
/// flat; a half said among its words after it (`after`) adds to it and
/// narrows that to a quarter.
fn rounded_to_unit(value: &mut Value, after: &str, words: &ClaimWords) {
    let Some(point) = value.point else { return };
    let after = key(after);
    let half = words.half.iter().any(|h| after.contains(h.as_str()));
    let (point, width) = if half { (point + 0.5, 0.25) } else { (point, 0.5) };
    match value.hedge {
        None => {
            value.low = Some(point - width);
            value.high = Some(point + width);
        }
        Some(_) if half => {
            value.low = value.low.map(|l| l + 0.5);
            value.high = value.high.map(|h| h + 0.5);
        }
        Some(_) => {}
    }
    value.point = Some(point);
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

/// The named event of the figure's clause: a name with an event noun
/// right before or after it, or ending it ("the Palisades Fire has
/// destroyed 6,837 homes", "l'incendie Eaton a tué 16 personnes"), by its
/// name alone, so that every language names it alike. `own` spans the
/// figure and its own words, up to the next figure: of several named
/// events, the one there is the figure's ("8 in the Palisades fire and 16
/// in the Eaton fire").
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
    let named: Vec<(Span, String)> = mentions
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
                Some((m.span, text[m.span.start..end].trim().to_string()))
            } else {
                beside.then(|| (m.span, m.name.clone()))
            }
        })
        .collect();
    let mut names: Vec<&String> = named.iter().map(|(_, name)| name).collect();
    names.sort_unstable();
    names.dedup();
    match names.as_slice() {
        [one] => Some((*one).clone()),
        _ => named.into_iter().find(|(span, _)| span.start >= figure.start && span.start < figure.end).map(|(_, n)| n),
    }
}

/// The name that labels a row of a list: "Lyon : 25 000 …"; resolved
/// when it is a mention, as written otherwise (a row's label opens its
/// line, where a name is not told from a word by its capital).
fn row_label<'t>(text: &'t str, mentions: &'t [Mention]) -> Option<&'t str> {
    let (label, _) = text.split_once(':').filter(|_| is_row(text))?;
    let label = label.trim();
    let named = mentions.iter().find(|m| m.span.start == 0 && m.span.end == label.len());
    match named {
        Some(m) => (m.kind != Kind::Person).then_some(m.name.as_str()),
        None => label.starts_with(char::is_uppercase).then_some(label),
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

/// What the figures of a list go on counting: the measure of the figure
/// before them in their paragraph ("In Paris, 150,000 demonstrators.
/// Between 25,000 and 45,000 in Lyon"), or of a heading that ends with a
/// colon ("Les chiffres des manifestants ville par ville :"), over the rows
/// under it ("Lyon : 25 000").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ListMeasure {
    frame: usize,
    attribute: Attribute,
    /// The line it was stated on.
    line: usize,
    /// Stated by a heading: it holds over the rows that follow.
    heading: bool,
}

impl ListMeasure {
    /// The measure a sentence's figures go on counting, if any: on the line
    /// of the figure before, or in a row under a heading.
    pub(super) fn holds(this: Option<ListMeasure>, text: &str, line: usize) -> Option<ListMeasure> {
        this.filter(|m| m.line == line || (m.heading && is_row(text)))
    }

    /// The measure after a sentence on `line`: its last bound figure's, the
    /// one a heading names, or the one before while rows go on.
    pub(super) fn after(
        this: Option<ListMeasure>,
        text: &str,
        line: usize,
        bound: &[(Binding, Value)],
        measures: &[MeasureCues],
    ) -> Option<ListMeasure> {
        if text.trim_end().ends_with(':') {
            let heading = heading_measure(text, measures);
            return heading.map(|(frame, attribute)| ListMeasure { frame, attribute, line, heading: true });
        }
        // What counts nothing (a magnitude) is no list's.
        let counts = |b: &Binding| measures.iter().any(|m| m.frame == b.frame && !m.counts_nothing);
        if let Some((b, _)) = bound.iter().rev().find(|(b, _)| counts(b)) {
            let heading = this.is_some_and(|m| m.heading && is_row(text));
            return Some(ListMeasure { frame: b.frame, attribute: b.attribute, line, heading });
        }
        ListMeasure::holds(this, text, line)
    }
}

/// Whether a sentence is a row of a list: a short label, then a colon
/// ("Lyon : 25 000 (CGT) / 12 000 selon la police").
fn is_row(text: &str) -> bool {
    text.split_once(':').is_some_and(|(label, rest)| {
        let words = label.split_whitespace().count();
        (1..=4).contains(&words) && rest.chars().any(|c| c.is_ascii_digit())
    })
}

/// The one measure whose words a heading names, anywhere in it.
fn heading_measure(text: &str, measures: &[MeasureCues]) -> Option<(usize, Attribute)> {
    let starts = std::iter::once(0).chain(text.match_indices(' ').map(|(i, _)| i));
    let mut found: Vec<(usize, Attribute)> = starts
        .flat_map(|at| measures.iter().filter(move |m| m.after(text, at).is_some()))
        .map(|m| (m.frame, m.attribute))
        .collect();
    found.sort_unstable();
    found.dedup();
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Binds the sentence's figures to measures (see [`measure`]) and
/// takes the bound ones out of `values` and `bare`: a figure bound to a
/// measure is no trigger's. A count with no noun of its own that no
/// measure binds is bound to the `list`'s. Returns each binding with its
/// figure.
pub(super) fn bind_measures(
    text: &str,
    values: &mut Vec<Value>,
    bare: &mut Vec<Value>,
    measures: &[MeasureCues],
    words: &ClaimWords,
    list: Option<ListMeasure>,
) -> Vec<(Binding, Value)> {
    if measures.is_empty() || (values.is_empty() && bare.is_empty()) {
        return Vec::new();
    }
    let mut all: Vec<(Value, bool)> =
        values.iter().map(|v| (v.clone(), false)).chain(bare.iter().map(|v| (v.clone(), true))).collect();
    all.sort_by_key(|(v, _)| v.span);
    let (figures, is_bare): (Vec<Value>, Vec<bool>) = all.into_iter().unzip();
    // No noun at all, not even a unit: "Lyon : 25 000 (CGT)", "in Lyon (25,000)".
    let no_noun = |word: &str| {
        let word = key(word);
        word.is_empty() || words.function_words.contains(&word) || words.prepositions.contains(&word)
    };
    let noun = |word: &str| words.generic_nouns.contains(key(word));
    // A word that is no noun ("selon", "in", "d'") says no more than a generic one.
    let generic = |word: &str| no_noun(word) || key(word).ends_with('\'') || noun(word);
    let around = Around::of(text, &figures, words);
    let mut bindings = bind(text, &figures, &is_bare, &around, measures, &generic, &noun);
    if let Some(list) = list {
        for (i, figure) in figures.iter().enumerate() {
            let listed = figure.kind == ValueKind::Count
                && list.attribute == Attribute::Count
                && !bindings.iter().any(|b| b.value == i)
                && (is_bare[i] || no_noun(next_word(text, figure.span.end).1));
            if listed {
                let span = Span::new(figure.span.start, around.own_end[i]);
                let (frame, attribute) = (list.frame, list.attribute);
                bindings.push(Binding { value: i, frame, attribute, cue: figure.span, span, whole: false });
            }
        }
        bindings.sort_by_key(|b| b.value);
    }
    if bindings.is_empty() {
        return Vec::new();
    }
    let taken: Vec<Span> = bindings.iter().map(|b| figures[b.value].span).collect();
    values.retain(|v| !taken.contains(&v.span));
    bare.retain(|v| !taken.contains(&v.span));
    bindings.into_iter().map(|b| (b.clone(), figures[b.value].clone())).collect()
}
