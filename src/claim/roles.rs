//! One trigger's polarity and roles, read from its sentence's structure:
//! passive "par X", genitive "l'offre de X", possessive, a name before an
//! infinitive, a subject relative, the clause's and the sentence's
//! subjects, target cues, object relatives, and the previous sentence.

use std::borrow::Cow;

use super::qualifiers::join_words;
use super::segments::{SegmentKind, segment_of, token_at};
use super::triggers::Trigger;
use super::{Polarity, Previous, SentenceInput};
use crate::entity::{Kind, Mention};
use crate::frame::FrameLang;
use crate::text::token::TokenKind;
use crate::text::words::{ClaimWords, key};

/// A sentence as the role and polarity search reads it: its input, where
/// each mention stands, and what the sentence borrows from the one before.
pub(super) struct Sentence<'s> {
    input: &'s SentenceInput<'s>,
    frame_lang: &'s FrameLang,
    words: &'s ClaimWords,
    previous: &'s Previous,
    /// The last name read before this sentence.
    before: Option<&'s str>,
    mention_token: Vec<usize>,
    mention_segment: Vec<usize>,
    /// The sentence's subject: the first free mention of the first clause
    /// that is neither fronted nor relative nor an attribution.
    main_subject: Option<&'s Mention>,
    /// Whether the sentence names anybody free.
    any_subject: bool,
}

impl<'s> Sentence<'s> {
    pub(super) fn new(
        input: &'s SentenceInput<'s>,
        frame_lang: &'s FrameLang,
        words: &'s ClaimWords,
        previous: &'s Previous,
        before: Option<&'s str>,
    ) -> Sentence<'s> {
        let SentenceInput { tokens, mentions, segments: segs, .. } = *input;
        let mention_token: Vec<usize> = mentions.iter().map(|m| token_at(tokens, m.span.start)).collect();
        let mention_segment: Vec<usize> = mention_token.iter().map(|&t| segment_of(segs, t)).collect();
        let mut sentence = Sentence {
            input,
            frame_lang,
            words,
            previous,
            before,
            mention_token,
            mention_segment,
            main_subject: None,
            any_subject: mentions.iter().any(|m| m.subject),
        };
        sentence.main_subject = sentence.main_subject_but(&|_, _| false);
        sentence
    }

    fn word_at(&self, i: usize) -> Cow<'s, str> {
        self.input.tokens.get(i).map(|t| key(t.text(self.input.text))).unwrap_or_default()
    }

    /// The token right after the trigger's last one.
    fn end_token(&self, trigger: &Trigger) -> usize {
        token_at(self.input.tokens, trigger.span.end.saturating_sub(1)) + 1
    }

    fn prev_word(&self, trigger: &Trigger) -> Cow<'s, str> {
        if trigger.token > 0 { self.word_at(trigger.token - 1) } else { Cow::Borrowed("") }
    }

    /// The sentence's subject; `skip` leaves out mentions that cannot be the
    /// subject of one trigger.
    fn main_subject_but(&self, skip: &dyn Fn(&Mention, usize) -> bool) -> Option<&'s Mention> {
        let SentenceInput { mentions, segments: segs, .. } = *self.input;
        segs.iter().enumerate().filter(|(_, s)| s.kind == SegmentKind::Plain).find_map(|(i, _)| {
            mentions
                .iter()
                .zip(&self.mention_segment)
                .find(|(m, s)| **s == i && m.subject && !skip(m, i))
                .map(|(m, _)| m)
        })
    }

    /// The mention that starts right after token `i` (allowing one article).
    fn mention_after(&self, i: usize) -> Option<&'s Mention> {
        (0..=2).find_map(|skip| {
            let at = i + skip;
            if skip > 0 && !self.words.determiners.contains(self.word_at(at - 1)) && skip == 2 {
                return None;
            }
            self.input.mentions.iter().zip(&self.mention_token).find(|(_, t)| **t == at).map(|(m, _)| m)
        })
    }

    fn is_coagent(&self, token: usize) -> bool {
        (1..=2).filter(|d| token >= *d).any(|d| self.words.coagent.contains(self.word_at(token - d)))
    }

    /// Whether a demonstrative stands right before the trigger ("cette brouille").
    pub(super) fn demonstrative(&self, trigger: &Trigger) -> bool {
        (1..=2)
            .filter(|d| trigger.token >= *d)
            .any(|d| self.words.demonstratives.contains(self.word_at(trigger.token - d)))
    }

    /// Whether an article stands right before the trigger: a noun ("in a
    /// deal worth", "l'acquisition").
    pub(super) fn after_article(&self, trigger: &Trigger) -> bool {
        trigger.token >= 1 && self.words.determiners.contains(self.prev_word(trigger))
    }

    pub(super) fn polarity(&self, trigger: &Trigger) -> Polarity {
        let words = self.words;
        let seg = self.input.segments[trigger.segment];
        let trigger_end_token = self.end_token(trigger);
        let prev_word = self.prev_word(trigger);
        let nominal = words.determiners.contains(&prev_word)
            || words.possessives.contains(&prev_word)
            || words.prepositions.contains(&prev_word);
        let word_at = |i: usize| self.word_at(i);
        let negated = if nominal {
            (1..=2).filter(|d| trigger.token >= *d).any(|d| words.nominal_negation.contains(word_at(trigger.token - d)))
        } else {
            let from = trigger.token.saturating_sub(4).max(seg.start);
            let cues: Vec<Cow<str>> =
                (from..trigger.token).map(word_at).filter(|w| words.negation.contains(w)).collect();
            let only_ne = !cues.is_empty() && cues.iter().all(|w| words.negation_particles.contains(w));
            let restrictive = only_ne
                && (trigger_end_token..(trigger_end_token + 4).min(self.input.tokens.len()))
                    .any(|i| words.complementizers.contains(word_at(i)));
            // "plus", "jamais" alone compare or stress: they negate after "ne"
            // anywhere earlier in the clause.
            let needs_particle = cues.iter().all(|w| words.negation_after_particle.contains(w));
            let particle = || (seg.start..trigger.token).any(|i| words.negation_particles.contains(word_at(i)));
            !cues.is_empty() && !restrictive && (!needs_particle || particle())
        };
        if negated { Polarity::Negated } else { Polarity::Affirmed }
    }

    /// Fills the trigger's agent, then its target, from the clause's structure.
    pub(super) fn fill_roles(&self, trigger: &mut Trigger) {
        // 0. "Ce rachat", "this deal": the event the document last told.
        if trigger.demonstrative
            && let Some((agent, target)) = self.previous.events.get(&trigger.frame)
        {
            trigger.agent = agent.clone();
            trigger.target = target.clone();
            return;
        }
        // 1. Passive: "… par X".
        let passive = self.passive_agent(trigger);
        let clause_subject = self.clause_subject(trigger);
        trigger.agent = passive
            .clone()
            .or_else(|| self.agent_near(trigger))
            .or_else(|| self.agent_from_subjects(trigger, clause_subject));
        trigger.target = self.target(trigger, passive.is_some(), clause_subject);
    }

    fn passive_agent(&self, trigger: &Trigger) -> Option<String> {
        let trigger_end_token = self.end_token(trigger);
        // After a passive auxiliary the agent may follow the complements
        // ("was being sued for $1.6 billion by X"), within the clause.
        let reach =
            if trigger.token.checked_sub(1).is_some_and(|i| self.words.passive_auxiliaries.contains(self.word_at(i))) {
                let seg = self.input.segments[trigger.segment];
                (trigger_end_token + 10).min(seg.end)
            } else {
                trigger_end_token + 3
            };
        for i in trigger_end_token..reach.min(self.input.tokens.len()) {
            if self.words.passive_agent.contains(self.word_at(i))
                && let Some(m) = self.mention_after(i + 1)
            {
                return Some(m.name.clone());
            }
        }
        None
    }

    /// The agent the words around the trigger name: a genitive, a
    /// possessive, a name before an infinitive.
    fn agent_near(&self, trigger: &Trigger) -> Option<String> {
        let SentenceInput { text, tokens, mentions, segments: segs, .. } = *self.input;
        let words = self.words;
        let seg = segs[trigger.segment];
        let trigger_end_token = self.end_token(trigger);
        let prev_word = self.prev_word(trigger);
        let trigger_text = &text[trigger.span.start..trigger.span.end];
        // 2. Genitive: "l'offre de X", "X's bid".
        if self.frame_lang.genitive_agent.matches_whole(trigger_text) == Some(&trigger.frame) {
            // The agent follows a genitive word, after the trigger or ending it ("a bid from X").
            let last = self.word_at(trigger_end_token.saturating_sub(1));
            let agent_from = if words.genitive.contains(&last) {
                Some(trigger_end_token)
            } else {
                words.genitive.contains(self.word_at(trigger_end_token)).then_some(trigger_end_token + 1)
            };
            if let Some(from) = agent_from
                && let Some(m) = self.mention_after(from)
            {
                return Some(m.name.clone());
            } else if trigger.token >= 2
                && self.word_at(trigger.token - 1) == "'s"
                && let Some(m) = mentions.iter().find(|m| m.span.end == tokens[trigger.token - 1].span.start)
            {
                return Some(m.name.clone());
            }
        }
        // 3. Possessive: "son offre" is the owner's; in a fronted clause the
        //    owner is usually the subject that follows.
        if trigger.token >= 1 && words.possessives.contains(&prev_word) {
            let owner = if seg.kind == SegmentKind::Fronted {
                self.main_subject.filter(|m| m.span.start > trigger.span.end).map(|m| m.name.clone())
            } else {
                None
            };
            let agent = owner
                .or_else(|| {
                    mentions
                        .iter()
                        .rev()
                        .find(|m| m.span.end <= trigger.span.start && m.kind == Kind::Person)
                        .map(|m| m.name.clone())
                })
                .or_else(|| mentions.iter().rev().find(|m| m.span.end <= trigger.span.start).map(|m| m.name.clone()))
                .or_else(|| self.before.map(str::to_string));
            if agent.is_some() {
                return agent;
            }
        }
        // 3b. An infinitive after a name: "ordered Fox to pay", "a demandé à
        //     Fox de payer": the name is who acts.
        if trigger.token >= 2
            && words.infinitive_markers.contains(&prev_word)
            && let Some(m) = mentions.iter().find(|m| m.span.end == tokens[trigger.token - 2].span.end)
        {
            return Some(m.name.clone());
        }
        None
    }

    /// 5. The first free mention of the trigger's clause, before it.
    fn clause_subject(&self, trigger: &Trigger) -> Option<&'s Mention> {
        self.input
            .mentions
            .iter()
            .zip(&self.mention_segment)
            .zip(&self.mention_token)
            .find(|((m, s), t)| {
                **s == trigger.segment && m.subject && m.span.end <= trigger.span.start && !self.is_coagent(**t)
            })
            .map(|((m, _), _)| m)
    }

    /// The agent the sentence's subjects name, or the previous sentence's.
    fn agent_from_subjects(&self, trigger: &Trigger, clause_subject: Option<&Mention>) -> Option<String> {
        let SentenceInput { mentions, segments: segs, .. } = *self.input;
        let seg = segs[trigger.segment];
        // 4. A subject relative: "X, qui a cofondé Y".
        if seg.kind == SegmentKind::SubjectRelative
            && let Some(m) = mentions.iter().rev().find(|m| m.span.end <= seg.span.start)
        {
            return Some(m.name.clone());
        }
        // 5. The first free mention of the trigger's clause, before it.
        if let Some(m) = clause_subject {
            return Some(m.name.clone());
        }
        // 6. The sentence's subject, leaving out names after the trigger in
        // its own clause: those are its objects ("X a racheté Y" with X not
        // known as a name; "Après avoir racheté Y, X a …").
        if let Some(m) =
            self.main_subject_but(&|m, segment| segment == trigger.segment && m.span.start >= trigger.span.end)
        {
            return Some(m.name.clone());
        }
        // 7. The previous sentence's subject, when this one names nobody free.
        if !self.any_subject {
            return self.previous.subject.clone();
        }
        None
    }

    /// The trigger's target, its agent already read: never the agent itself.
    fn target(&self, trigger: &Trigger, passive: bool, clause_subject: Option<&Mention>) -> Option<String> {
        let SentenceInput { mentions, segments: segs, .. } = *self.input;
        let seg = segs[trigger.segment];
        let trigger_end_token = self.end_token(trigger);
        let mut target = None;
        if passive {
            target = clause_subject.or(self.main_subject).map(|m| m.name.clone());
        }
        // The frame's first cue after the trigger, a few words on at most: "plainte déposée contre X".
        if target.is_none()
            && let Some(cue_end) = self.cue_end(trigger.frame, trigger_end_token)
            && let Some(m) = self.mention_after(cue_end)
            && Some(&m.name) != trigger.agent.as_ref()
        {
            target = Some(m.name.clone());
        }
        if target.is_none() {
            let next_plain = segs
                .get(trigger.segment + 1)
                .filter(|s| s.kind != SegmentKind::Attribution)
                .map(|_| trigger.segment + 1);
            target = mentions
                .iter()
                .zip(&self.mention_segment)
                .zip(&self.mention_token)
                .find(|((m, s), t)| {
                    (**s == trigger.segment || Some(**s) == next_plain)
                        && m.span.start >= trigger.span.end
                        && Some(&m.name) != trigger.agent.as_ref()
                        && !self.is_coagent(**t)
                })
                .map(|((m, _), _)| m.name.clone());
        }
        if target.is_none() && seg.kind == SegmentKind::ObjectRelative {
            target = mentions
                .iter()
                .rev()
                .find(|m| m.span.end <= seg.span.start && Some(&m.name) != trigger.agent.as_ref())
                .map(|m| m.name.clone());
        }
        if target.is_none() && !self.any_subject {
            target = self.previous.objects.get(&trigger.frame).cloned().filter(|o| Some(o) != trigger.agent.as_ref());
        }
        if target == trigger.agent { None } else { target }
    }

    /// For a frame whose roles may be common nouns: the noun phrase right
    /// before the verb group (tokens `start..end`) is the agent, or the name
    /// that ends it ("many countries offered", "Turkey's disaster agency
    /// appealed"); the phrase right after the group, or after the frame's
    /// target cue, is the target ("asked the population", "paid tribute to
    /// the craftsmen"), or the name that heads it. Where no such phrase
    /// stands, the roles the names gave stay.
    pub(super) fn noun_roles(&self, trigger: &mut Trigger, start: usize, end: usize) {
        let seg = self.input.segments[trigger.segment];
        if let Some(agent) = self.phrase_before(seg.start, start) {
            trigger.agent = Some(agent);
        }
        let target = self.phrase_after(self.cue_end(trigger.frame, end).unwrap_or(end), seg.end);
        if target.is_some() && target != trigger.agent {
            trigger.target = target;
        }
    }

    /// The token after the first target cue of `frame` that starts at token
    /// `from` or at most three words on: "plainte déposée contre X".
    fn cue_end(&self, frame: usize, from: usize) -> Option<usize> {
        let tokens = self.input.tokens;
        self.input.target_cues.iter().find_map(|(span, frames)| {
            let at = token_at(tokens, span.start);
            (frames.contains(&frame) && at >= from && at <= from + 3)
                .then(|| token_at(tokens, span.end.saturating_sub(1)) + 1)
        })
    }

    /// Whether token `i` may be part of a noun phrase: a word, no figure,
    /// no function word ("'s" joins).
    fn phrase_word(&self, i: usize) -> bool {
        let t = &self.input.tokens[i];
        let w = self.word_at(i);
        t.kind == TokenKind::Word
            && !w.starts_with(|c: char| c.is_ascii_digit())
            && !self.in_value(i)
            && (w == "'s" || !self.words.function_words.contains(&w))
    }

    /// Whether token `i` is a figure ("the 2,000 craftsmen") or part of a
    /// date ("on Friday").
    fn in_value(&self, i: usize) -> bool {
        let t = &self.input.tokens[i];
        let figure = t.text(self.input.text).starts_with(|c: char| c.is_ascii_digit());
        figure
            || self.input.values.iter().any(|v| {
                // A date's words, or a figure's separators ("2,000").
                let inside = v.span.start < t.span.end && t.span.start < v.span.end;
                inside && (v.kind == crate::value::ValueKind::Date || t.kind != TokenKind::Word)
            })
    }

    /// The noun phrase that ends right before token `to`, from `from` on.
    fn phrase_before(&self, from: usize, to: usize) -> Option<String> {
        let mut start = to;
        while start > from && to - start < PHRASE_WORDS && self.phrase_word(start - 1) {
            start -= 1;
        }
        // A phrase after a preposition is no subject: "on Friday paid".
        let word_before = if start > from { self.word_at(start - 1) } else { Cow::Borrowed("") };
        // ("De nombreux pays ont proposé": a partitive opening the clause is one.)
        let opens = start == from + 1;
        if !opens && self.words.prepositions.contains(&word_before) && !self.words.determiners.contains(&word_before) {
            return None;
        }
        self.phrase(start, to, true)
    }

    /// The noun phrase that starts at token `from` (past articles and
    /// prepositions), up to `to`.
    fn phrase_after(&self, from: usize, to: usize) -> Option<String> {
        let words = self.words;
        let mut start = from;
        while start < to && {
            let w = self.word_at(start);
            words.determiners.contains(&w)
                || words.prepositions.contains(&w)
                || words.possessives.contains(&w)
                || words.infinitive_markers.contains(&w)
                || self.in_value(start)
        } {
            start += 1;
        }
        let mut end = start;
        while end < to && end - start < PHRASE_WORDS && self.phrase_word(end) {
            end += 1;
        }
        self.phrase(start, end, false)
    }

    /// A role from the words of tokens `start..end`: the name that ends
    /// them (`before`) or opens them, else the words themselves.
    fn phrase(&self, start: usize, end: usize, before: bool) -> Option<String> {
        if start >= end {
            return None;
        }
        let SentenceInput { text, tokens, mentions, .. } = *self.input;
        let span = (tokens[start].span.start, tokens[end - 1].span.end);
        let edge = |m: &&Mention| if before { m.span.end == span.1 } else { m.span.start == span.0 };
        if let Some(m) = mentions.iter().filter(|m| m.span.start >= span.0 && m.span.end <= span.1).find(edge) {
            return Some(m.name.clone());
        }
        let words: Vec<&str> = tokens[start..end].iter().map(|t| t.text(text)).collect();
        Some(join_words(&words))
    }
}

/// How many words a common-noun role takes at most.
const PHRASE_WORDS: usize = 4;
