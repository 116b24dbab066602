//! A sentence's clauses: where each begins and ends and what kind it is
//! (plain, fronted, relative, attribution), and which token and clause a
//! byte offset falls in. It reads punctuation and clause words, not roles.

use crate::text::span::Span;
use crate::text::token::{Token, TokenKind};
use crate::text::words::{ClaimWords, key};

/// What kind of clause a segment of a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SegmentKind {
    Plain,
    /// Opens with a preposition: "En 2024", "Depuis cette brouille".
    Fronted,
    /// "qui a cofondé Acme"
    SubjectRelative,
    /// "qu'il a cofondée", also "que" after a verb.
    ObjectRelative,
    /// "selon un dossier", "according to"
    Attribution,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Segment {
    /// Token range.
    pub(super) start: usize,
    pub(super) end: usize,
    /// Byte range in the sentence.
    pub(super) span: Span,
    pub(super) kind: SegmentKind,
}

pub(super) fn is_break(word: &str) -> bool {
    matches!(word, "," | ";" | ":" | "(" | ")" | "«" | "»" | "\"" | "“" | "”" | "—" | "–" | "[" | "]")
}

/// `classes`: the [`ClaimWords::clause_classes`] of `tokens`.
pub(super) fn segments(text: &str, tokens: &[Token], classes: &[u8], words: &ClaimWords) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut start = 0;
    let close = |start: usize, end: usize, out: &mut Vec<Segment>| {
        let slice = &tokens[start..end];
        let Some(first) = slice.iter().find(|t| t.kind == TokenKind::Word) else {
            return;
        };
        let first_word = key(first.text(text));
        let span = Span::new(slice[0].span.start, slice[slice.len() - 1].span.end);
        let opening = &text[first.span.start..span.end];
        let kind = if words.attribution.matches_at_start(opening) {
            SegmentKind::Attribution
        } else if words.subject_relatives.contains(&first_word) {
            SegmentKind::SubjectRelative
        } else if words.object_relatives.contains(&first_word) {
            SegmentKind::ObjectRelative
        } else if words.prepositions.contains(&first_word) {
            SegmentKind::Fronted
        } else {
            SegmentKind::Plain
        };
        out.push(Segment { start, end, span, kind });
    };
    for (i, token) in tokens.iter().enumerate() {
        let word = token.text(text);
        // "1,5": a comma between digits breaks nothing.
        let inside_number = || {
            text[..token.span.start].ends_with(|c: char| c.is_ascii_digit())
                && text[token.span.end..].starts_with(|c: char| c.is_ascii_digit())
        };
        if token.kind == TokenKind::Punct && is_break(word) && !inside_number() {
            if i > start {
                close(start, i, &mut out);
            }
            start = i + 1;
        } else if classes[i] & ClaimWords::COMPLEMENTIZER != 0 && i > start {
            close(start, i, &mut out);
            start = i;
        }
    }
    if start < tokens.len() {
        close(start, tokens.len(), &mut out);
    }
    out
}

/// Marks the sentence's last clause as an attribution when it is short and a
/// verb of saying ends it, a couple of words at most after the verb: "…, the
/// Wall Street Journal reported", "…, officials said on Sunday". (A clause
/// that opens with one, "selon X", is marked by [`segments`].)
pub(super) fn mark_trailing_attribution(segs: &mut [Segment], tokens: &[Token], cues: &[(Span, &())]) {
    let [.., _, last] = segs else { return };
    if last.kind != SegmentKind::Plain {
        return;
    }
    let words = |from: usize, to: usize| tokens[from..to].iter().filter(|t| t.kind == TokenKind::Word).count();
    if words(last.start, last.end) > 6 {
        return;
    }
    let ends_with_cue = cues.iter().any(|(span, ())| {
        let cue_end = token_at(tokens, span.end.saturating_sub(1)) + 1;
        span.start >= last.span.start && cue_end <= last.end && words(cue_end, last.end) <= 2
    });
    if ends_with_cue {
        last.kind = SegmentKind::Attribution;
    }
}

pub(super) fn token_at(tokens: &[Token], offset: usize) -> usize {
    tokens.partition_point(|t| t.span.end <= offset)
}

pub(super) fn segment_of(segments: &[Segment], token: usize) -> usize {
    segments.iter().position(|s| s.start <= token && token < s.end).unwrap_or(segments.len().saturating_sub(1))
}

/// Whether the word at `token` is the verb of an incise after a quotation,
/// where a verb of saying comes before its subject: "« … », poursuit
/// l'entreprise", "\"…,\" continues the filing". Such a verb reports speech
/// and states no event.
pub(super) fn opens_incise(text: &str, tokens: &[Token], token: usize) -> bool {
    let mut before = tokens[..token].iter().rev().map(|t| t.text(text));
    let mut previous = before.next();
    if previous == Some(",") {
        previous = before.next();
    }
    match previous {
        Some("»" | "”") => true,
        // A straight quote closes when it is the second, fourth… of the sentence.
        Some("\"") => tokens[..token].iter().filter(|t| t.text(text) == "\"").count() % 2 == 0,
        _ => false,
    }
}

/// Bytes between two spans (0 when they touch or overlap).
pub(super) fn gap(a: Span, b: Span) -> usize {
    b.start.saturating_sub(a.end).max(a.start.saturating_sub(b.end))
}
