//! What the words around a claim qualify it with: who says it
//! (attribution), the event it is about (a recalled one, another one of
//! its kind), the place it is about (scope), and the moment it describes.
//! It reads one sentence's clauses and binds no value.

use super::segments::{Segment, SegmentKind, gap, segment_of, token_at};
use super::{AsOf, Scope, TimeSpan};
use crate::document::Document;
use crate::entity::{Kind, Mention};
use crate::text::span::Span;
use crate::text::token::{Token, TokenKind};
use crate::text::words::{ClaimWords, key};
use crate::value::{Value, ValueKind};

pub(super) fn time_span(value: &Value) -> Option<TimeSpan> {
    Some(TimeSpan { start: value.start.clone()?, end: value.end.clone()? })
}

/// Who the sentence says made its statement: "selon X" anywhere, or "X
/// allègue que".
pub(super) fn attribution_of(
    tokens: &[Token],
    mentions: &[Mention],
    segs: &[Segment],
    attribution: &[(Span, &())],
) -> Option<String> {
    for &(span, ()) in attribution {
        let seg = segment_of(segs, token_at(tokens, span.start));
        let source = if segs[seg].kind == SegmentKind::Attribution {
            mentions.iter().find(|m| segment_of(segs, token_at(tokens, m.span.start)) == seg).map(|m| m.name.clone())
        } else {
            mentions.iter().rev().find(|m| m.span.end <= span.start && m.subject).map(|m| m.name.clone())
        };
        if source.is_some() {
            return source;
        }
    }
    None
}

/// The event a measure's figure is about, when its clause dates it: for a
/// figure that changes over time (a toll), only a date of another year than
/// the document's (the 1999 quake's toll recalled in 2023); otherwise any
/// date (a protest's count on 19 January is another protest than 31
/// January's).
pub(super) fn recalled_event(frame: &crate::frame::Frame, stated: Option<&AsOf>, doc: &Document) -> Option<TimeSpan> {
    let stated = stated?;
    let year = |s: &str| s.get(..4).map(str::to_string);
    let doc_year = doc.reference_date.map(|d| format!("{:04}", d.year));
    if frame.evolving && doc_year.is_none_or(|y| Some(y) == year(&stated.start)) {
        return None;
    }
    Some(TimeSpan { start: stated.start.clone(), end: stated.end.clone() })
}

/// The moment a figure's own clause dates it to: a date of known year
/// after the figure in its clause ("alors qu'elles étaient 1,12 million le
/// 19 janvier"). A date before it mostly dates the event the clause names
/// ("le bilan des inondations du 14 octobre s'élève à 37"), not the figure.
pub(super) fn stated_moment(tokens: &[Token], segs: &[Segment], values: &[Value], figure: Span) -> Option<AsOf> {
    let seg = segment_of(segs, token_at(tokens, figure.start));
    let date = values.iter().find(|v| {
        v.kind == ValueKind::Date
            && v.span.start >= figure.end
            && segment_of(segs, token_at(tokens, v.span.start)) == seg
            && v.start.as_deref().is_some_and(|s| !s.starts_with('-'))
    })?;
    Some(AsOf {
        start: date.start.clone()?,
        end: date.end.clone()?,
        granularity: date.granularity.unwrap_or(crate::value::Granularity::Day),
    })
}

/// The latest year a text names, 1900 to 2100: the year an undated
/// document is at least of.
pub(super) fn latest_year_named(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    let mut latest = None;
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run == 0 {
            i += 1;
            continue;
        }
        let alone = |b: Option<&u8>| !b.is_some_and(|b| b.is_ascii_alphanumeric());
        if run == 4 && alone(i.checked_sub(1).and_then(|j| bytes.get(j))) && alone(bytes.get(i + 4)) {
            let year: i32 = text[i..i + 4].parse().unwrap_or(0);
            if (1900..=2100).contains(&year) {
                latest = latest.max(Some(year));
            }
        }
        i += run;
    }
    latest
}

/// The event a figure is about when a date of another year than the
/// document's own (see [`OwnYear`]) stands before it in its sentence with no figure between:
/// "that of 1999, which had a magnitude of 7.6".
pub(super) fn recalled_before(values: &[Value], figure: Span, own: OwnYear) -> Option<TimeSpan> {
    if own == OwnYear::Unknown {
        return None;
    }
    let before = values.iter().rev().find(|v| v.span.end <= figure.start)?;
    let start = before.start.as_deref().filter(|_| before.kind == ValueKind::Date)?;
    let year: i32 = start.get(..4)?.parse().ok()?;
    let end = before.end.clone()?;
    (own != OwnYear::Known(year)).then(|| TimeSpan { start: start.to_string(), end })
}

/// The year a document speaks from, to tell a recalled figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OwnYear {
    /// Its date's year, or the latest year it names.
    Known(i32),
    /// Undated, but speaking of its own days ("ce lundi",
    /// "yesterday"): a year it names is another time than its own.
    Present,
    Unknown,
}

impl OwnYear {
    pub(super) fn of(doc: &Document, days: &crate::value::days::DayWords) -> OwnYear {
        if let Some(date) = doc.reference_date {
            return OwnYear::Known(date.year);
        }
        if days.speaks_of_days(&doc.text) {
            return OwnYear::Present;
        }
        latest_year_named(&doc.text).map_or(OwnYear::Unknown, OwnYear::Known)
    }
}

/// Whether the words before a figure in its sentence make its event
/// another one of its kind than the story's main one: "a second, a little
/// later, measured 7.6", "des répliques ont suivi, avant un séisme de
/// magnitude 7,5". The nearest such word decides: "the first quake" is the
/// main one, unless a preposition makes it a point of reference ("after the
/// first quake, including one measuring 7.5").
pub(super) fn another_event(text: &str, tokens: &[Token], figure: Span, words: &ClaimWords) -> bool {
    let at = token_at(tokens, figure.start);
    let before: Vec<String> = tokens[..at]
        .iter()
        .rev()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| key(t.text(text)).into_owned())
        .collect();
    for (i, word) in before.iter().enumerate() {
        if words.other_event.contains(word) {
            return true;
        }
        let after_preposition = before[i + 1..].iter().take(2).any(|w| words.prepositions.contains(w));
        if words.first_event.contains(word) && !after_preposition {
            return false;
        }
    }
    false
}

/// Who a figure is attributed to when a cue stands by it: in its clause
/// ("500 000 selon la CGT"), in the clause right after it (", according to
/// the ministry"), or in a clause fronting the sentence ("Selon la police,
/// …"). The nearest cue wins, so that two counters in one sentence keep
/// their own figures. The counter is the name after the cue, or else its
/// words ("selon la préfecture de police" → "préfecture de police"); for a
/// verb of saying, the words before it ("police said").
pub(super) fn figure_attribution(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    segs: &[Segment],
    cues: &[(Span, &())],
    figure: Span,
    words: &ClaimWords,
) -> Option<String> {
    let figure_seg = segment_of(segs, token_at(tokens, figure.start));
    let fronted =
        segs.iter().take_while(|s| s.kind == SegmentKind::Fronted || s.kind == SegmentKind::Attribution).count();
    let near = |seg: usize| {
        seg == figure_seg
            || (seg == figure_seg + 1 && segs[seg].kind == SegmentKind::Attribution)
            || (seg < fronted && seg < figure_seg && segs[seg].kind == SegmentKind::Attribution)
    };
    let (cue, _) = cues
        .iter()
        .filter(|(span, ())| near(segment_of(segs, token_at(tokens, span.start))))
        .min_by_key(|(span, ())| gap(*span, figure))?;
    let cue_end = token_at(tokens, cue.end.saturating_sub(1)) + 1;
    let seg = segs[segment_of(segs, token_at(tokens, cue.start))];
    let named_after = mentions.iter().find(|m| {
        let t = token_at(tokens, m.span.start);
        t >= cue_end && t <= cue_end + 2 && t < seg.end
    });
    if let Some(m) = named_after {
        return Some(m.name.clone());
    }
    // The words after the cue, past its articles, to the clause's end or a figure.
    let after: Vec<&str> = tokens[cue_end..seg.end]
        .iter()
        .take_while(|t| t.kind == TokenKind::Word && !t.text(text).starts_with(|c: char| c.is_ascii_digit()))
        .map(|t| t.text(text))
        .skip_while(|w| words.determiners.contains(key(w)))
        .take(4)
        .collect();
    if !after.is_empty() {
        return Some(after.join(" "));
    }
    // A verb of saying closing the clause: the words before it.
    let start = token_at(tokens, cue.start);
    let before: Vec<&str> = tokens[seg.start..start]
        .iter()
        .rev()
        .take_while(|t| t.kind == TokenKind::Word && !words.function_words.contains(key(t.text(text))))
        .map(|t| t.text(text))
        .take(3)
        .collect();
    (!before.is_empty()).then(|| before.into_iter().rev().collect::<Vec<_>>().join(" "))
}

/// The place a figure's clause says it is about: a place word ("in",
/// "en", "à") before a name, in the figure's clause or in a clause that
/// fronts the sentence ("In Turkey alone, …"). A clause that names two
/// places ("across Turkey and Syria") speaks of the whole: no scope.
pub(super) fn scope_of(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    segs: &[Segment],
    figure: Span,
    words: &ClaimWords,
) -> Scope {
    let Some(figure_seg) =
        segs.iter().position(|s| s.span.start <= figure.start && figure.start < s.span.end.max(s.span.start + 1))
    else {
        return Scope::default();
    };
    let fronted = segs.iter().take_while(|s| s.kind == SegmentKind::Fronted).count();
    let in_scope = |seg: usize| seg == figure_seg || (seg < fronted && seg < figure_seg);
    let mut places: Vec<&str> = mentions
        .iter()
        // A place, not an organization its name says it is ("in Delaware Superior Court").
        .filter(|m| m.kind != Kind::Person && !named_as_organization(&m.name, words))
        .filter(|m| {
            let token = token_at(tokens, m.span.start);
            let seg = segment_of(segs, token);
            in_scope(seg) && segs[seg].kind != SegmentKind::Attribution && after_place_word(text, tokens, token, words)
        })
        .map(|m| m.name.as_str())
        .collect();
    places.sort_unstable();
    places.dedup();
    match places.as_slice() {
        [one] => Scope { place: Some(one.to_string()), ..Scope::default() },
        _ => Scope::default(),
    }
}

/// Whether a name's own words make it an organization: a first word such
/// as "Grupo", a last word such as "Court" or "Inc".
fn named_as_organization(name: &str, words: &ClaimWords) -> bool {
    let mut parts = name.split_whitespace();
    let first = parts.next();
    let last = parts.next_back();
    last.is_some_and(|w| words.org_suffixes.contains(w))
        || last.is_some() && first.is_some_and(|w| words.org_prefixes.contains(w))
}

/// Whether the name at `token` follows a place word, a few words at most
/// before it ("in northwest Syria", "dans le nord-ouest de la Syrie", "across
/// Norland and Sudmark").
pub(super) fn after_place_word(text: &str, tokens: &[Token], token: usize, words: &ClaimWords) -> bool {
    for back in 1..=6 {
        let Some(t) = token.checked_sub(back).and_then(|i| tokens.get(i)) else { return false };
        let word = t.text(text);
        if words.place_words.contains(key(word)) {
            return true;
        }
        if !(t.kind == TokenKind::Word || matches!(word, "-" | "'" | "’" | ",")) {
            return false;
        }
    }
    false
}
