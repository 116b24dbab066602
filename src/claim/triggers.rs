//! A sentence's triggers: which of them name an event, what the triggers
//! of one frame share, the values each governs (same clause first, a
//! fronted time adverbial to the main clause, never across an attribution),
//! and the drafts they yield. One trigger's polarity and roles are read in
//! `roles`.

use std::borrow::Cow;

use super::qualifiers::{attribution_of, time_span};
use super::roles::Sentence;
use super::segments::{SegmentKind, gap, opens_incise, segment_of, token_at};
use super::{Draft, Polarity, Previous, SentenceInput, TimeSpan, attribute_of};
use crate::frame::{Attribute, FrameLang, Frames};
use crate::text::span::Span;
use crate::text::token::TokenKind;
use crate::text::words::{ClaimWords, key};
use crate::value::{Value, ValueKind};

/// A frame trigger found in a sentence.
#[derive(Debug, Clone)]
pub(super) struct Trigger {
    pub(super) span: Span,
    pub(super) frame: usize,
    /// Token index of the trigger's first token.
    pub(super) token: usize,
    pub(super) segment: usize,
    pub(super) agent: Option<String>,
    pub(super) target: Option<String>,
    pub(super) polarity: Polarity,
    pub(super) demonstrative: bool,
}

/// The drafts of one sentence's triggers: each trigger's polarity and
/// roles, then the values it governs.
pub(super) fn read_sentence(
    input: &SentenceInput<'_>,
    frame_lang: &FrameLang,
    frames: &Frames,
    words: &ClaimWords,
    previous: &Previous,
    before: Option<&str>,
) -> Vec<Draft> {
    // Most sentences name no event: they are done with before any other work.
    if input.segments.is_empty() || input.triggers.is_empty() {
        return Vec::new();
    }
    let sentence = Sentence::new(input, frame_lang, words, previous, before);
    let attributed_to = attribution_of(input.tokens, input.mentions, input.segments, input.attribution);
    let mut triggers = find_triggers(input);
    if triggers.is_empty() {
        return Vec::new();
    }
    for trigger in &mut triggers {
        trigger.demonstrative = sentence.demonstrative(trigger);
        trigger.polarity = sentence.polarity(trigger);
        sentence.fill_roles(trigger);
        if frames.frames[trigger.frame].noun_roles {
            let (start, end) = verb_group_tokens(input, trigger, words);
            sentence.noun_roles(trigger, start, end);
        }
    }
    let nouns: Vec<bool> = triggers.iter().map(|t| sentence.after_article(t)).collect();
    name_again(&mut triggers, &nouns);
    share_roles(&mut triggers);
    let mut attached = attach_values(input, &triggers, frames, words);
    let values = attach_bare_counts(input, &triggers, frames, &mut attached);
    trigger_drafts(input, &triggers, &attached, &values, frames, words, previous, attributed_to)
}

/// The sentence's triggers that are neither inside a value nor the verb of
/// an incise, with their token and clause; roles and polarity not yet read.
pub(super) fn find_triggers(input: &SentenceInput<'_>) -> Vec<Trigger> {
    let SentenceInput { text, tokens, values, segments: segs, triggers: found, .. } = *input;
    found
        .iter()
        .copied()
        .filter(|(span, _)| !values.iter().any(|v| v.span.start < span.end && span.start < v.span.end))
        .filter(|(span, _)| !opens_incise(text, tokens, token_at(tokens, span.start)))
        .map(|(span, &frame)| {
            let token = token_at(tokens, span.start);
            Trigger {
                span,
                frame,
                token,
                segment: segment_of(segs, token),
                agent: None,
                target: None,
                polarity: Polarity::Affirmed,
                demonstrative: false,
            }
        })
        .collect()
}

/// A noun naming again the event a verb of its sentence just told ("X is
/// buying Y in a deal worth …") is that event: it takes the verb's roles.
fn name_again(triggers: &mut [Trigger], nouns: &[bool]) {
    for i in 0..triggers.len() {
        if !nouns[i] || triggers[i].demonstrative {
            continue;
        }
        let told = (0..i).rev().find(|&j| {
            !nouns[j]
                && triggers[j].frame == triggers[i].frame
                && triggers[j].agent.is_some()
                && triggers[j].target.is_some()
                && triggers[j].polarity == triggers[i].polarity
        });
        if let Some(j) = told {
            triggers[i].agent = triggers[j].agent.clone();
            triggers[i].target = triggers[j].target.clone();
        }
    }
}

/// Triggers of one frame in one sentence share what they know of the roles.
pub(super) fn share_roles(triggers: &mut [Trigger]) {
    for i in 0..triggers.len() {
        for j in 0..triggers.len() {
            if i != j && triggers[i].frame == triggers[j].frame {
                if triggers[i].agent.is_none() {
                    triggers[i].agent = triggers[j].agent.clone();
                }
                if triggers[i].target.is_none() && triggers[j].target != triggers[i].agent {
                    triggers[i].target = triggers[j].target.clone();
                }
            }
        }
    }
}

/// Attaches each value to the trigger that governs it: per trigger, the
/// indices of its values.
pub(super) fn attach_values(
    input: &SentenceInput<'_>,
    triggers: &[Trigger],
    frames: &Frames,
    words: &ClaimWords,
) -> Vec<Vec<usize>> {
    let SentenceInput { tokens, values, segments: segs, attribution, .. } = *input;
    let mut attached: Vec<Vec<usize>> = vec![Vec::new(); triggers.len()];
    let mut statement_days = Vec::new();
    for (vi, value) in values.iter().enumerate() {
        let attribute = attribute_of(value.kind);
        let v_token = token_at(tokens, value.span.start);
        let v_seg = segment_of(segs, v_token);
        if segs[v_seg].kind == SegmentKind::Attribution {
            continue;
        }
        // A measure's figures come from binding alone.
        let accepts = |t: &Trigger| {
            let frame = &frames.frames[t.frame];
            frame.attributes.contains(&attribute) && frame.measure != Some(attribute)
        };
        let nearest = |candidates: &mut dyn Iterator<Item = usize>| {
            candidates.min_by_key(|&ti| (gap(triggers[ti].span, value.span), triggers[ti].span.start))
        };
        // 1. The same clause; a trigger that is the object of another
        // frame's trigger right before it gives way to it ("settled the
        // lawsuit for $787 million" is the settlement's amount).
        let mut chosen =
            nearest(&mut (0..triggers.len()).filter(|&ti| triggers[ti].segment == v_seg && accepts(&triggers[ti])))
                .map(|ti| governing(input, words, triggers, ti, value.span, &accepts).unwrap_or(ti));
        // 2. A short fronted adverbial ("En 2024, …") governs the main clause.
        if chosen.is_none() {
            let seg = segs[v_seg];
            let word_count = tokens[seg.start..seg.end].iter().filter(|t| t.kind == TokenKind::Word).count();
            if v_seg == 0 && word_count <= 4 {
                chosen = (0..triggers.len()).find(|&ti| {
                    let kind = segs[triggers[ti].segment].kind;
                    accepts(&triggers[ti])
                        && !matches!(kind, SegmentKind::SubjectRelative | SegmentKind::Attribution)
                        && triggers[ti].span.start > value.span.end
                });
            }
        }
        // 3. A neighbouring clause, close by.
        if chosen.is_none() {
            chosen = nearest(&mut (0..triggers.len()).filter(|&ti| {
                let t_seg = triggers[ti].segment;
                let kind = segs[t_seg].kind;
                accepts(&triggers[ti])
                    && t_seg.abs_diff(v_seg) == 1
                    && !matches!(kind, SegmentKind::SubjectRelative | SegmentKind::Attribution)
                    && gap(triggers[ti].span, value.span) <= 40
            }));
        }
        if let Some(ti) = chosen {
            attached[ti].push(vi);
        } else if value.kind == ValueKind::Date && said_on(attribution, value.span) {
            statement_days.push(vi);
        }
    }
    // 4. The day a source says it ("the companies announced on Tuesday",
    // "said Friday") dates the event its sentence states, if nothing else does.
    for vi in statement_days {
        let undated = |ti: usize| !attached[ti].iter().any(|&vj| values[vj].kind == ValueKind::Date);
        let chosen = (0..triggers.len())
            .filter(|&ti| {
                let frame = &frames.frames[triggers[ti].frame];
                // Only an act of the parties who speak: a storm's day is not the day it was reported.
                frame.roles
                    && frame.attributes.contains(&Attribute::Time)
                    && !matches!(segs[triggers[ti].segment].kind, SegmentKind::SubjectRelative)
                    && undated(ti)
            })
            .min_by_key(|&ti| (gap(triggers[ti].span, values[vi].span), triggers[ti].span.start));
        if let Some(ti) = chosen {
            attached[ti].push(vi);
        }
    }
    attached
}

/// The trigger of another frame whose object is trigger `ti`: it ends a
/// few words before it, in the same clause, with neither a preposition nor
/// another function word but an article between, and both come before the
/// value ("settled a headline-making lawsuit for …", "settle defamation
/// lawsuit for …"; not "a visit before the reopening on …").
fn governing(
    input: &SentenceInput<'_>,
    words: &ClaimWords,
    triggers: &[Trigger],
    ti: usize,
    value: Span,
    accepts: &dyn Fn(&Trigger) -> bool,
) -> Option<usize> {
    let object = &triggers[ti];
    if object.span.end > value.start {
        return None;
    }
    (0..triggers.len()).find(|&ui| {
        let head = &triggers[ui];
        let between = token_at(input.tokens, head.span.end.saturating_sub(1)) + 1..object.token;
        head.frame != object.frame
            && head.segment == object.segment
            && head.span.end <= object.span.start
            && between.len() <= 4
            && input.tokens[between].iter().all(|t| {
                let word = key(t.text(input.text));
                (t.kind == TokenKind::Word || word == "-")
                    && (words.determiners.contains(&*word) || !words.function_words.contains(&*word))
                    && !words.prepositions.contains(&*word)
            })
            && accepts(head)
    })
}

/// Whether a verb of saying stands right before `span` ("announced on",
/// "said"): the date is the day of the statement.
fn said_on(attribution: &[(Span, &())], span: Span) -> bool {
    attribution.iter().any(|(cue, ())| cue.end <= span.start && span.start - cue.end <= 4)
}

/// A bare number a few words after a count's trigger, in its clause, is
/// that count: "the death toll has risen to 2,445", "injured 2,000".
/// Returns the sentence's values with the numbers so attached after them
/// (the indices in `attached` count them there).
pub(super) fn attach_bare_counts<'v>(
    input: &SentenceInput<'v>,
    triggers: &[Trigger],
    frames: &Frames,
    attached: &mut [Vec<usize>],
) -> Cow<'v, [Value]> {
    let SentenceInput { tokens, values, bare, segments: segs, .. } = *input;
    let mut counted: Vec<bool> =
        attached.iter().map(|a| a.iter().any(|&vi| values[vi].kind == ValueKind::Count)).collect();
    let mut with_bare = Vec::new();
    for number in bare {
        let n_token = token_at(tokens, number.span.start);
        let n_seg = segment_of(segs, n_token);
        if segs[n_seg].kind == SegmentKind::Attribution {
            continue;
        }
        let chosen = (0..triggers.len())
            .filter(|&ti| {
                let t = &triggers[ti];
                let end_token = token_at(tokens, t.span.end.saturating_sub(1)) + 1;
                !counted[ti]
                    && t.segment == n_seg
                    && t.span.end <= number.span.start
                    && frames.frames[t.frame].attributes.contains(&Attribute::Count)
                    && frames.frames[t.frame].measure != Some(Attribute::Count)
                    && tokens[end_token..n_token].iter().filter(|t| t.kind == TokenKind::Word).count() <= 4
                    && !values.iter().any(|v| v.span.start >= t.span.end && v.span.end <= number.span.start)
            })
            .max_by_key(|&ti| triggers[ti].span.start);
        if let Some(ti) = chosen {
            counted[ti] = true;
            attached[ti].push(values.len() + with_bare.len());
            with_bare.push(number.clone());
        }
    }
    if with_bare.is_empty() {
        Cow::Borrowed(values)
    } else {
        Cow::Owned(values.iter().cloned().chain(with_bare).collect())
    }
}

/// The time of trigger `ti`'s event: its own, or those of its frame's other
/// triggers in the sentence.
pub(super) fn event_time_of(
    triggers: &[Trigger],
    attached: &[Vec<usize>],
    values: &[Value],
    ti: usize,
) -> Option<TimeSpan> {
    let own_time = attached[ti].iter().map(|&vi| &values[vi]).find(|v| v.kind == ValueKind::Date);
    let sibling_time = triggers
        .iter()
        .enumerate()
        .filter(|(tj, t)| *tj != ti && t.frame == triggers[ti].frame)
        .flat_map(|(tj, _)| attached[tj].iter().map(|&vi| &values[vi]))
        .find(|v| v.kind == ValueKind::Date);
    own_time.or(sibling_time).and_then(time_span)
}

/// The drafts of the sentence's triggers: one per attached value; a
/// demonstrative's time from the sentence before; else one occurrence.
#[allow(clippy::too_many_arguments)]
pub(super) fn trigger_drafts(
    input: &SentenceInput<'_>,
    triggers: &[Trigger],
    attached: &[Vec<usize>],
    values: &[Value],
    frames: &Frames,
    words: &ClaimWords,
    previous: &Previous,
    attributed_to: Option<String>,
) -> Vec<Draft> {
    let SentenceInput { text, offset, .. } = *input;
    let mut drafts = Vec::new();
    let sentence_span = Span::new(offset, offset + text.len());
    for (ti, trigger) in triggers.iter().enumerate() {
        let frame = &frames.frames[trigger.frame];
        let trigger_text = text[trigger.span.start..trigger.span.end].to_string();
        let event_time = event_time_of(triggers, attached, values, ti);
        let draft = |attribute, value: Option<Value>, span: Span, quote_extra: Option<Span>| Draft {
            frame: trigger.frame,
            attribute,
            agent: trigger.agent.clone(),
            target: trigger.target.clone(),
            polarity: trigger.polarity,
            value,
            span,
            quote: sentence_span,
            quote_extra,
            trigger: trigger_text.clone(),
            attributed_to: attributed_to.clone(),
            event_time: event_time.clone(),
            scope: None,
            as_of: None,
            context: Default::default(),
        };
        for &vi in &attached[ti] {
            let mut value = values[vi].clone();
            let attribute = attribute_of(value.kind);
            // A time states its event with the words of the event: "Dominion
            // sued Fox News in March 2021" from the verb to the date.
            let stated =
                if attribute == Attribute::Time { with_event(input, trigger, value.span, words) } else { value.span };
            let span = value.span.shifted(offset);
            let mut d = draft(attribute, None, stated.shifted(offset), None);
            if attribute == Attribute::Time {
                d.event_time = time_span(&value);
            }
            value.span = span;
            d.value = Some(value);
            drafts.push(d);
        }
        let states_time = attached[ti].iter().any(|&vi| values[vi].kind == ValueKind::Date);
        // A demonstrative ("cette brouille") takes its time from the sentence before.
        if !states_time
            && trigger.demonstrative
            && frame.attributes.contains(&Attribute::Time)
            && let Some((date, from)) = &previous.date
        {
            let mut d = draft(Attribute::Time, Some(date.clone()), date.span, Some(*from));
            d.event_time = time_span(date);
            drafts.push(d);
            continue;
        }
        if frame.attributes.contains(&Attribute::Occurrence) && !states_occurrence(&drafts, trigger, sentence_span) {
            drafts.push(draft(Attribute::Occurrence, None, verb_group(input, trigger, words).shifted(offset), None));
        }
    }
    drafts
}

/// How many tokens may stand between an event's words and its date for
/// the claim's text to take both.
const EVENT_TO_DATE: usize = 8;

/// The words from an event's verb group to its date, when both stand in
/// one clause a few words apart; else the date's own words.
fn with_event(input: &SentenceInput<'_>, trigger: &Trigger, date: Span, words: &ClaimWords) -> Span {
    let (start, end) = verb_group_tokens(input, trigger, words);
    let (first, last) = (token_at(input.tokens, date.start), token_at(input.tokens, date.end.saturating_sub(1)));
    // A date may open the sentence in a clause of its own: "On 29
    // November, X made a final visit".
    let date_segment = segment_of(input.segments, first);
    let one_clause = date_segment == trigger.segment
        || (date_segment < trigger.segment
            && input.segments[date_segment..trigger.segment]
                .iter()
                .all(|s| s.kind == SegmentKind::Fronted || s.span.end <= date.end));
    let near =
        if first >= end { first - end <= EVENT_TO_DATE } else { start.saturating_sub(last + 1) <= EVENT_TO_DATE };
    if !one_clause || !near {
        return date;
    }
    let group = Span::new(input.tokens[start].span.start, input.tokens[end - 1].span.end);
    // A fronted date is told from its clause's first word: "En 2024, X a porté plainte".
    let from = if date_segment < trigger.segment { input.segments[date_segment].span.start } else { date.start };
    Span::new(group.start.min(from), group.end.max(date.end))
}

/// The words that state an event: its trigger with the auxiliaries,
/// negation and adverbs right before it ("is buying", "a poursuivi", "did
/// not immediately confirm", "a formellement demandé"), and a negation
/// word right after it ("n'a violé aucune").
fn verb_group(input: &SentenceInput<'_>, trigger: &Trigger, words: &ClaimWords) -> Span {
    let (start, end) = verb_group_tokens(input, trigger, words);
    Span::new(
        input.tokens[start].span.start.min(trigger.span.start),
        input.tokens[end - 1].span.end.max(trigger.span.end),
    )
}

/// The token range of [`verb_group`].
pub(super) fn verb_group_tokens(input: &SentenceInput<'_>, trigger: &Trigger, words: &ClaimWords) -> (usize, usize) {
    let word = |i: usize| key(input.tokens[i].text(input.text));
    let helper =
        |w: &str| words.auxiliaries.contains(w) || words.passive_auxiliaries.contains(w) || words.negation.contains(w);
    let mut start = trigger.token;
    while start > 0 && trigger.token - start < 4 {
        let w = word(start - 1);
        // An adverb belongs to the group only after a helper: "a formellement demandé".
        let adverb = start >= 2 && words.is_adverb(&w) && helper(&word(start - 2));
        if !(helper(&w) || adverb) {
            break;
        }
        start -= 1;
    }
    let mut end = token_at(input.tokens, trigger.span.end.saturating_sub(1)) + 1;
    if trigger.polarity == Polarity::Negated && end < input.tokens.len() && words.negation.contains(&*word(end)) {
        end += 1;
    }
    (start, end)
}

/// Whether the sentence already has the occurrence a trigger would state.
pub(super) fn states_occurrence(drafts: &[Draft], trigger: &Trigger, sentence_span: Span) -> bool {
    drafts.iter().any(|d: &Draft| {
        d.frame == trigger.frame
            && d.attribute == Attribute::Occurrence
            && d.agent == trigger.agent
            && d.target == trigger.target
            && d.polarity == trigger.polarity
            && d.quote == sentence_span
    })
}
