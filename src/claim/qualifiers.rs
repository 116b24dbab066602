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
        crate::value::date::latest_year_named(&doc.text).map_or(OwnYear::Unknown, OwnYear::Known)
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

/// Who a figure is attributed to, each figure on its own counter's word
/// when a sentence names several: a counter in parentheses right after it
/// ("45 000 (CGT)"); the nearest cue in its clause, in the clause right
/// after it (", according to the ministry") or in a clause fronting the
/// sentence ("Selon la police, …"); a counter standing before it with no
/// verb ("les syndicats plus de 2,5 millions"); else the nearest cue before
/// it in its sentence ("87 000 d'après la préfecture (qui en comptait 80 000
/// …)"), or after it. A counter is a named source or a source noun ("la
/// police", "the interior ministry"): a cue that names neither ("selon des
/// bilans provisoires", "said at least 380") gives none.
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
    let counter = |cue: Span| cue_counter(text, tokens, mentions, segs, cue, words);
    if let Some(source) = parenthesized_counter(text, tokens, mentions, segs, figure, words) {
        return Some(source);
    }
    let fronted =
        segs.iter().take_while(|s| s.kind == SegmentKind::Fronted || s.kind == SegmentKind::Attribution).count();
    let near = |seg: usize| {
        seg == figure_seg
            || (seg == figure_seg + 1 && segs[seg].kind == SegmentKind::Attribution)
            || (seg < fronted && seg < figure_seg && segs[seg].kind == SegmentKind::Attribution)
    };
    let mut by_gap: Vec<Span> = cues.iter().map(|&(span, ())| span).collect();
    by_gap.sort_by_key(|span| (gap(*span, figure), span.start));
    if let Some(source) =
        by_gap.iter().filter(|span| near(segment_of(segs, token_at(tokens, span.start)))).find_map(|&cue| counter(cue))
    {
        return Some(source);
    }
    let seg = segs[figure_seg];
    let at = token_at(tokens, figure.start);
    let no_cue_in_clause = !cues.iter().any(|(span, ())| segment_of(segs, token_at(tokens, span.start)) == figure_seg);
    if no_cue_in_clause && let Some(source) = counter_before(text, tokens, mentions, seg.start, at, words, true) {
        return Some(source);
    }
    let before = cues.iter().rev().filter(|(span, ())| span.end <= figure.start).find_map(|&(span, ())| counter(span));
    // A cue after the figure speaks for it when it closes the sentence or
    // opens its counter ("…, selon la préfecture"), not when it opens a
    // statement of its own ("and the government said that 173 …").
    let speaks_back = |span: Span| {
        let seg = segment_of(segs, token_at(tokens, span.start));
        let cue_end = token_at(tokens, span.end.saturating_sub(1)) + 1;
        let closes = seg + 1 == segs.len() && segs[seg].end.saturating_sub(cue_end) <= 3;
        closes || segs[seg].kind == SegmentKind::Attribution || prepositional(text, tokens, span, words)
    };
    before.or_else(|| {
        cues.iter()
            .filter(|(span, ())| span.start >= figure.end && speaks_back(*span))
            .find_map(|&(span, ())| counter(span))
    })
}

/// Whether a cue is a preposition whose counter follows it ("selon",
/// "according to"), not a verb of saying.
fn prepositional(text: &str, tokens: &[Token], cue: Span, words: &ClaimWords) -> bool {
    let end = token_at(tokens, cue.end.saturating_sub(1));
    let last = key(tokens[end].text(text));
    words.prepositions.contains(&*last) || words.function_words.contains(&*last)
}

/// The counter a cue names: after a preposition ("selon la CGT",
/// "according to the interior ministry"), before a verb ("police said",
/// "le ministère a recensé"), or after a verb that opens its clause ("…,
/// said the ministry").
fn cue_counter(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    segs: &[Segment],
    cue: Span,
    words: &ClaimWords,
) -> Option<String> {
    let start = token_at(tokens, cue.start);
    let end = token_at(tokens, cue.end.saturating_sub(1)) + 1;
    let at = segment_of(segs, start);
    let seg = segs[at];
    let after = || counter_after(text, tokens, mentions, end, seg.end, words);
    if prepositional(text, tokens, cue, words) {
        return after();
    }
    // A verb that opens its clause after an insert ("the CGT, on behalf
    // of the unions, counted …") has its counter before the insert.
    let past_insert = || {
        let opens = tokens[seg.start..start].iter().all(|t| words.auxiliaries.contains(&*key(t.text(text))));
        let short = |s: &Segment| s.kind == SegmentKind::Fronted || s.end - s.start <= 5;
        let insert =
            at.checked_sub(1).map(|i| segs[i]).filter(|s| opens && s.kind != SegmentKind::Attribution && short(s))?;
        let before = segs[..at - 1].last().filter(|s| s.end < insert.start)?;
        counter_before(text, tokens, mentions, before.start, before.end, words, false)
    };
    counter_before(text, tokens, mentions, seg.start, start, words, false).or_else(past_insert).or_else(after)
}

/// A counter alone in parentheses right after the figure or its noun:
/// "500 000 (CGT)", "9 000 manifestants (Unitas)".
fn parenthesized_counter(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    segs: &[Segment],
    figure: Span,
    words: &ClaimWords,
) -> Option<String> {
    let after = token_at(tokens, figure.end);
    let figure_seg = segment_of(segs, token_at(tokens, figure.start));
    let seg = segs.get(figure_seg + 1)?;
    let open = seg.start.checked_sub(1).filter(|&i| i >= after && tokens[i].text(text) == "(")?;
    if !tokens[after..open].iter().all(|t| is_name_word(text, t)) || open - after > 2 {
        return None;
    }
    let close = tokens.get(seg.end).is_some_and(|t| t.text(text) == ")");
    let only_words = tokens[seg.start..seg.end].iter().all(|t| is_name_word(text, t));
    if !close || !only_words {
        return None;
    }
    let words_in = tokens[seg.start..seg.end].iter().map(|t| t.text(text)).collect::<Vec<_>>();
    // A capitalized name alone there is a counter even when the text names it once.
    let capitalized =
        !words_in.is_empty() && words_in.len() <= 4 && words_in.iter().all(|w| w.starts_with(char::is_uppercase));
    source_of(text, tokens, mentions, seg.start, seg.end, &words_in, words)
        .or_else(|| capitalized.then(|| join_words(&words_in)))
}

/// Whether a token may be part of a counter's words: a word that is no figure.
fn is_name_word(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word && !t.text(text).starts_with(|c: char| c.is_ascii_digit())
}

/// The counter named from token `from` on, up to `to`: past articles,
/// hedges and the words that name a figure ("les remontées de la police",
/// "un dernier bilan de l'agence"), to the end of its noun phrase.
fn counter_after(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    from: usize,
    to: usize,
    words: &ClaimWords,
) -> Option<String> {
    let skippable = |w: &str| {
        words.determiners.contains(w)
            || words.report_words.contains(w)
            || words.genitive.contains(w)
            || words.prepositions.contains(w)
            || words.function_words.contains(w)
    };
    let mut i = from;
    while i < to && is_name_word(text, &tokens[i]) && skippable(&key(tokens[i].text(text))) {
        i += 1;
    }
    let first = i;
    let mut taken = 0;
    while i < to && is_name_word(text, &tokens[i]) && taken < 6 {
        let word = key(tokens[i].text(text));
        let joins = words.determiners.contains(&*word) || words.prepositions.contains(&*word) || word == "'s";
        // "Disaster and Emergency Management Agency": a conjunction inside a name.
        let in_name = i > first
            && tokens.get(i + 1).is_some_and(|t| t.text(text).starts_with(char::is_uppercase))
            && tokens[i - 1].text(text).starts_with(char::is_uppercase);
        if words.function_words.contains(&*word) && !joins && !in_name {
            break;
        }
        i += 1;
        taken += 1;
    }
    // A name the words run into is taken whole: "l'établissement public Rebâtir Notre-Dame".
    if i > first
        && let Some(m) =
            mentions.iter().find(|m| m.span.start < tokens[i - 1].span.end && tokens[i - 1].span.end < m.span.end)
    {
        i = token_at(tokens, m.span.end.saturating_sub(1)) + 1;
    }
    // No article or preposition ends it ("le ministère syrien de la").
    while i > first && {
        let word = key(tokens[i - 1].text(text));
        words.determiners.contains(&*word) || words.prepositions.contains(&*word)
    } {
        i -= 1;
    }
    let phrase: Vec<&str> = tokens[first..i].iter().map(|t| t.text(text)).collect();
    source_of(text, tokens, mentions, first, i, &phrase, words)
}

/// The counter right before token `to` (a verb of saying, or a figure when
/// `whole`), from `from` at most: "Turkey's disaster agency said", "the
/// government has said", "les syndicats plus de 2,5 millions". With
/// `whole`, the words must fill the clause up to the figure and end with
/// the counter's noun or name: no verb stands between.
fn counter_before(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    from: usize,
    to: usize,
    words: &ClaimWords,
    whole: bool,
) -> Option<String> {
    let mut end = to;
    if !whole {
        while end > from && words.auxiliaries.contains(&*key(tokens[end - 1].text(text))) {
            end -= 1;
        }
    }
    let mut start = end;
    while start > from && end - start < 7 && is_name_word(text, &tokens[start - 1]) {
        let word = key(tokens[start - 1].text(text));
        let joins = words.determiners.contains(&*word) || words.prepositions.contains(&*word) || word == "'s";
        if words.function_words.contains(&*word) && !joins {
            break;
        }
        start -= 1;
    }
    if whole && start != from {
        return None;
    }
    while start < end && {
        let word = key(tokens[start].text(text));
        words.determiners.contains(&*word) || words.prepositions.contains(&*word) || words.report_words.contains(&*word)
    } {
        start += 1;
    }
    if start == end {
        return None;
    }
    // The counter's own noun or name ends the words: "the organizers", "AFAD".
    let last = tokens[end - 1];
    let names_last = mentions.iter().any(|m| m.kind != Kind::Place && m.span.end == last.span.end);
    if !names_last && !words.source_nouns.contains(&*key(last.text(text))) {
        return None;
    }
    // A person named last is the counter ("Turkey's vice president Jane
    // Roe said"); another name only if no source noun heads the words
    // ("le ministère de l'Intérieur a recensé").
    let headed = words.source_nouns.contains(&*key(tokens[start].text(text)));
    if let Some(m) = mentions.iter().rev().find(|m| {
        m.kind != Kind::Place
            && (m.kind == Kind::Person || !headed)
            && m.span.end == last.span.end
            && m.span.start >= tokens[start].span.start
    }) {
        return Some(m.name.clone());
    }
    let phrase: Vec<&str> = tokens[start..end].iter().map(|t| t.text(text)).collect();
    source_of(text, tokens, mentions, start, end, &phrase, words)
}

/// The source the words of tokens `from..to` name: a name at their head or
/// right after a source noun ("la CGT", "le syndicat Unitas", "the agency
/// SANA"); else the words themselves when a source noun is among them ("la
/// préfecture de police", "Turkey's disaster agency"); else a name among
/// them. A place is no source ("selon la Syrie" aside, a place before a
/// source noun qualifies it: "the Syrian state agency").
fn source_of(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    from: usize,
    to: usize,
    phrase: &[&str],
    words: &ClaimWords,
) -> Option<String> {
    if from >= to {
        return None;
    }
    let span = Span::new(tokens[from].span.start, tokens[to - 1].span.end);
    let named: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.kind != Kind::Place && m.span.start >= span.start && m.span.end <= span.end)
        .collect();
    let source_noun = |t: &Token| words.source_nouns.contains(&*key(t.text(text)));
    // A name at the head that a source noun follows qualifies it ("the
    // Turkish government"), unless it is an organization's ("the CGT union").
    let headed = named.iter().find(|m| {
        let at = token_at(tokens, m.span.start);
        let next = token_at(tokens, m.span.end.saturating_sub(1)) + 1;
        let qualifies = next < to && source_noun(&tokens[next]) && m.kind != Kind::Organization;
        (at == from && !qualifies) || (at > from && source_noun(&tokens[at - 1]))
    });
    if let Some(m) = headed {
        return Some(m.name.clone());
    }
    if tokens[from..to].iter().any(source_noun) {
        return Some(join_words(phrase));
    }
    named.first().map(|m| m.name.clone())
}

/// Words joined by spaces, with an elided article or a possessive glued on:
/// "préfecture de l'Intérieur", "Turkey's agency".
pub(super) fn join_words(phrase: &[&str]) -> String {
    let mut out = String::new();
    for (i, word) in phrase.iter().enumerate() {
        let glued = i > 0 && (phrase[i - 1].ends_with(['\'', '’']) || word.starts_with(['\'', '’']));
        if i > 0 && !glued {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The place a figure's clause says it is about: a place word ("in",
/// "en", "à") before a name, in the figure's clause or in a clause that
/// fronts the sentence ("In Turkey alone, …"). A clause that names two
/// places ("across Turkey and Syria") speaks of the whole: no scope. A name
/// in the words of one of the `others` figures is that figure's.
pub(super) fn scope_of(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    segs: &[Segment],
    figure: Span,
    others: &[Span],
    words: &ClaimWords,
) -> Scope {
    let Some(figure_seg) =
        segs.iter().position(|s| s.span.start <= figure.start && figure.start < s.span.end.max(s.span.start + 1))
    else {
        return Scope::default();
    };
    let fronted = segs.iter().take_while(|s| s.kind == SegmentKind::Fronted).count();
    // A figure in a phrase that opens with a preposition after a clause
    // belongs to that clause: "La région de Valence a payé le plus lourd
    // tribut, avec 155 décès".
    let attached_to = (figure_seg >= fronted && figure_seg > 0)
        .then(|| figure_seg - 1)
        .filter(|&seg| segs[figure_seg].kind == SegmentKind::Fronted && segs[seg].kind == SegmentKind::Plain);
    let in_scope = |seg: usize| seg == figure_seg || (seg < fronted && seg < figure_seg) || Some(seg) == attached_to;
    // "In Chiva, Valencia, …": a place and the larger one it lies in; the
    // figure is the first's.
    let apposed = |m: &Mention| {
        mentions.iter().any(|before| {
            let gap = text.get(before.span.end..m.span.start).map(str::trim);
            gap == Some(",") && !opens_list(text, tokens, before.span, words)
        })
    };
    let mut places: Vec<&str> = mentions
        .iter()
        .filter(|m| !apposed(m))
        // A place, not an organization its name says it is ("in Delaware Superior Court").
        .filter(|m| m.kind != Kind::Person && !named_as_organization(&m.name, words))
        // Not in another figure's own words: "30 à Paris, 16 à Rennes".
        .filter(|m| !others.iter().any(|o| o.start <= m.span.start && m.span.end <= o.end))
        // A name after an event noun is the event's ("à l'incendie Eaton").
        .filter(|m| !after_event_noun(text, tokens, m.span, words))
        .filter(|m| {
            let token = token_at(tokens, m.span.start);
            let seg = segment_of(segs, token);
            in_scope(seg) && segs[seg].kind != SegmentKind::Attribution && after_place_word(text, tokens, token, words)
        })
        .map(|m| m.name.as_str())
        .collect();
    places.sort_unstable();
    places.dedup();
    // A place that opens a list ("in the provinces of Aleppo, Hama and
    // Latakia") is one of several: the figure is about all of them.
    let listed = mentions.iter().any(|m| places.contains(&m.name.as_str()) && opens_list(text, tokens, m.span, words));
    if listed {
        return Scope::default();
    }
    match places.as_slice() {
        [one] => Scope { place: Some(one.to_string()), ..Scope::default() },
        _ => Scope::default(),
    }
}

/// Whether a name stands right after an event noun: "la tempête Boris",
/// "l'incendie Eaton".
pub(super) fn after_event_noun(text: &str, tokens: &[Token], name: Span, words: &ClaimWords) -> bool {
    let first = token_at(tokens, name.start);
    first.checked_sub(1).is_some_and(|i| words.event_nouns.contains(&*key(tokens[i].text(text))))
}

/// Whether a name is the first of a list of names: followed by a
/// conjunction and another capitalized word, or by commas and capitalized
/// words up to a conjunction ("Aleppo, Hama and Latakia"; not "Chiva,
/// Valencia, …", a place and where it lies).
fn opens_list(text: &str, tokens: &[Token], name: Span, words: &ClaimWords) -> bool {
    let capitalized = |i: usize| {
        tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase))
    };
    let mut next = token_at(tokens, name.end.saturating_sub(1)) + 1;
    while let Some(link) = tokens.get(next) {
        let link = link.text(text);
        if words.conjunctions.contains(&*key(link)) {
            return capitalized(next + 1);
        }
        if link != "," || !capitalized(next + 1) {
            return false;
        }
        // Past the capitalized words of the next name.
        next += 1;
        while capitalized(next) {
            next += 1;
        }
    }
    false
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
        // "in cash for each share of X": another preposition than "of" heads X.
        if words.prepositions.contains(key(word)) && !words.genitive.contains(key(word)) {
            return false;
        }
        if !(t.kind == TokenKind::Word || matches!(word, "-" | "'" | "’" | ",")) {
            return false;
        }
    }
    false
}
