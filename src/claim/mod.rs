//! Claims: one normalized fact each, with its frame, roles, value and polarity.
//!
//! For each sentence: find the frame triggers, the values and the entity
//! mentions; attach each value to the trigger that governs it (same clause
//! first, a fronted time adverbial to the main clause, never across an
//! attribution such as "selon …"); fill each trigger's roles from the clause's
//! structure (passive "par X", genitive "l'offre de X", subject, object,
//! relative clauses, the previous sentence); decide polarity. Then emit one
//! claim per (trigger, value), or one `occurrence` claim for a trigger that
//! states no value when its frame takes occurrences.
//!
//! This stage sees one document at a time (after [`Names::learn`] has read the
//! corpus) and does not compare claims: that is `align` and `verdict`.

pub(crate) mod measure;

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::entity::{Kind, Mention, Names, PackedSentences, Resolver};
use crate::frame::{Attribute, FrameLang, Frames};
use crate::lang::{Lang, Rules};
use crate::text::pattern::{Joint, PatternSet, Shape};
use crate::text::span::{Location, Span};
use crate::text::token::{Token, TokenKind, tokenize};
use crate::text::words::{ClaimWords, key};
use crate::value::date::DateContext;
use crate::value::{Value, ValueKind, find_dates, find_values_and_bare};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Affirmed,
    Negated,
}

/// A date interval, `YYYY-MM-DD` or `--MM-DD` at both ends.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TimeSpan {
    pub start: String,
    pub end: String,
}

/// One stated fact, shaped as in CONTRACT.md (with a few extra fields).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    pub doc: String,
    pub frame: String,
    /// The kind of value the claim states; read back from its value.
    #[serde(skip, default = "unread")]
    pub attribute: Attribute,
    /// What the claim states, by the name the rules give it: the kind, or a
    /// measure's declared name ("magnitude").
    #[serde(rename = "attribute")]
    pub attribute_name: String,
    /// `agent` and `target`, canonical names; a role may be absent.
    pub roles: BTreeMap<String, String>,
    pub polarity: Polarity,
    pub value: Option<Value>,
    /// The exact words that state the value, or the event's trigger.
    pub text: String,
    /// The sentence it was read from.
    pub quote: String,
    pub span: Location,
    /// The trigger that named the event.
    pub trigger: String,
    /// Who the source says made the statement ("selon …", "according to …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<String>,
    /// The source speaks of a counter-event ("contre-attaque", "countersue").
    #[serde(default, skip_serializing_if = "is_false")]
    pub counter: bool,
    /// When the event happened, as stated with it: splits repeatable events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_time: Option<TimeSpan>,
    /// The source's publication date, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_date: Option<String>,
    /// What a bound figure measures (the frame of an open measure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// The part of the story a figure is about, as its clause names it.
    #[serde(default, skip_serializing_if = "Scope::is_empty")]
    pub scope: Scope,
    /// The moment a figure describes: the document's date unless the text
    /// says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOf>,
}

/// A figure or date a source states that no claim used: the report lists
/// it, so that silence is never read as agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unchecked {
    pub doc: String,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: ValueKind,
    pub span: Location,
    pub quote: String,
}

/// The place or group a figure is about ("in Turkey alone", "en Syrie").
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Scope {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Another event of the story's kind than its main one ("a second
    /// quake measured 7.6"): `"another"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
}

impl Scope {
    pub fn is_empty(&self) -> bool {
        self.place.is_none() && self.group.is_none() && self.event.is_none()
    }
}

/// A moment as a range of days, with how precisely it is known.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct AsOf {
    pub start: String,
    pub end: String,
    pub granularity: crate::value::Granularity,
}

impl AsOf {
    /// The days a publication date known to the year, month or day covers.
    pub fn of(date: crate::value::date::PartialDate) -> AsOf {
        let month_end = |m: u32| crate::value::date::days_in_month(date.year, m);
        use crate::value::Granularity;
        let (start, end, granularity) = match (date.month, date.day) {
            (Some(m), Some(d)) => ((m, d), (m, d), Granularity::Day),
            (Some(m), None) => ((m, 1), (m, month_end(m)), Granularity::Month),
            _ => ((1, 1), (12, 31), Granularity::Year),
        };
        let day = |(m, d): (u32, u32)| format!("{:04}-{m:02}-{d:02}", date.year);
        AsOf { start: day(start), end: day(end), granularity }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The kind of a claim read from JSON before [`Claim::read_kind`].
fn unread() -> Attribute {
    Attribute::Occurrence
}

impl Claim {
    /// Sets the kind of value a claim read from JSON states, from its value.
    pub fn read_kind(&mut self) {
        self.attribute = self.value.as_ref().map_or(Attribute::Occurrence, |v| attribute_of(v.kind));
    }

    pub fn agent(&self) -> Option<&str> {
        self.roles.get("agent").map(String::as_str)
    }

    pub fn target(&self) -> Option<&str> {
        self.roles.get("target").map(String::as_str)
    }
}

pub fn attribute_of(kind: ValueKind) -> Attribute {
    match kind {
        ValueKind::Amount => Attribute::Amount,
        ValueKind::Count => Attribute::Count,
        ValueKind::Percent => Attribute::Share,
        ValueKind::Date => Attribute::Time,
    }
}

/// Reads every sentence of the corpus for names and appositions; when `keep`
/// is set, also returns each document's sentences as read (tokens and name
/// candidates), for [`extract_all_with`] not to read them again.
pub fn learn_names(docs: &[Document], rules: &Rules, keep: bool) -> (Names, Vec<Option<PackedSentences>>) {
    use rayon::prelude::*;
    rules.prepare(docs.iter().map(|d| d.language.as_str()));
    crate::progress::stage("finding names in", docs.len());
    // Each core learns from a run of documents, and the runs are merged in
    // document order, so that what is learned first still wins.
    let (names, packed) = docs
        .par_iter()
        .fold(
            || (Names::default(), Vec::new()),
            |(mut names, mut packed), doc| {
                crate::progress::tick();
                let mut sentences = None;
                if let Some(lang) = rules.langs.get(&doc.language) {
                    sentences = keep.then(PackedSentences::default);
                    for span in doc.sentences.iter().flat_map(|&s| bounded(&doc.text, s)) {
                        let text = &doc.text[span.start..span.end];
                        names.learn_packing(text, &rules.entities, &lang.claims, &mut sentences);
                    }
                }
                packed.push(sentences);
                (names, packed)
            },
        )
        .reduce(
            || (Names::default(), Vec::new()),
            |(mut names, mut packed), (later, later_packed)| {
                names.merge(later);
                packed.extend(later_packed);
                (names, packed)
            },
        );
    let names = names.with_gazetteer(&rules.entities);
    names.index_near_spellings(&rules.entities);
    (names, packed)
}

/// What kind of clause a segment of a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SegmentKind {
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
struct Segment {
    /// Token range.
    start: usize,
    end: usize,
    /// Byte range in the sentence.
    span: Span,
    kind: SegmentKind,
}

fn is_break(word: &str) -> bool {
    matches!(word, "," | ";" | ":" | "(" | ")" | "«" | "»" | "\"" | "“" | "”" | "—" | "–" | "[" | "]")
}

/// `classes`: the [`ClaimWords::clause_classes`] of `tokens`.
fn segments(text: &str, tokens: &[Token], classes: &[u8], words: &ClaimWords) -> Vec<Segment> {
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
fn mark_trailing_attribution(segs: &mut [Segment], tokens: &[Token], cues: &[(Span, &())]) {
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

/// A frame trigger found in a sentence.
#[derive(Debug, Clone)]
struct Trigger {
    span: Span,
    frame: usize,
    /// Token index of the trigger's first token.
    token: usize,
    segment: usize,
    agent: Option<String>,
    target: Option<String>,
    polarity: Polarity,
    demonstrative: bool,
}

/// Everything one sentence yields before claims are numbered.
struct Draft {
    frame: usize,
    attribute: Attribute,
    agent: Option<String>,
    target: Option<String>,
    polarity: Polarity,
    value: Option<Value>,
    /// Byte span (document offsets) of `text`.
    span: Span,
    quote: Span,
    quote_extra: Option<Span>,
    trigger: String,
    attributed_to: Option<String>,
    event_time: Option<TimeSpan>,
    /// For a figure bound to a measure: its scope (empty when the clause
    /// names none); `None` for claims read from a trigger.
    scope: Option<Scope>,
    /// For a figure bound to a measure, the moment its clause says it
    /// describes ("1,12 million le 19 janvier"), if it says one.
    as_of: Option<AsOf>,
}

/// The sentence-level context a later sentence may borrow from.
#[derive(Debug, Default, Clone)]
struct Previous {
    subject: Option<String>,
    /// Per frame: the mention after one of its target cues ("contre X").
    objects: BTreeMap<usize, String>,
    /// The last date stated outside an attribution, with the sentence span.
    date: Option<(Value, Span)>,
}

/// The lists searched for over each document's sentences, in one walk:
/// triggers, attribution, target cues, epithets, organization descriptions,
/// person descriptions, in that order.
pub fn cue_lists(frame: &FrameLang, lang: &Lang, epithets: Option<&PatternSet<usize>>) -> Joint {
    let words = &lang.claims;
    Joint::new(&[
        frame.triggers.shape(),
        words.attribution.shape(),
        frame.target_cues.shape(),
        epithets.map_or(Shape::EMPTY, PatternSet::shape),
        words.org_descriptions.shape(),
        words.person_descriptions.shape(),
    ])
}

/// The claims of one document, ids not yet assigned (`id` is empty), and
/// the figures and dates it states that no claim used.
/// `packed`: the document's sentences as the names pass read them, if kept.
pub fn extract(
    doc: &Document,
    lang: &Lang,
    rules: &Rules,
    names: &Names,
    packed: Option<&PackedSentences>,
) -> (Vec<Claim>, Vec<Unchecked>) {
    let Some(frame_lang) = rules.frames.langs.get(&lang.code) else {
        return (Vec::new(), Vec::new());
    };
    let counter_doc = frame_lang.counter.finds_any(&doc.text);
    let (drafts, unchecked) = draft_document(doc, lang, frame_lang, rules, names, packed);
    let claims = drafts.into_iter().map(|d| claim_of(d, doc, &rules.frames, counter_doc)).collect();
    let mut locator = crate::text::span::Locator::new(&doc.lines, &doc.text);
    let unchecked = unchecked
        .into_iter()
        .map(|(span, kind, sentence): (Span, ValueKind, Span)| Unchecked {
            doc: doc.id.clone(),
            text: doc.text[span.start..span.end].to_string(),
            kind,
            span: locator.locate(span),
            quote: excerpt(&doc.text, sentence, span),
        })
        .collect();
    (claims, unchecked)
}

/// Reads a document sentence by sentence: the drafts of its claims, and its
/// figures (document offsets) that none of them states, with their sentence.
fn draft_document(
    doc: &Document,
    lang: &Lang,
    frame_lang: &FrameLang,
    rules: &Rules,
    names: &Names,
    packed: Option<&PackedSentences>,
) -> (Vec<Draft>, Vec<(Span, ValueKind, Span)>) {
    let words = &lang.claims;
    let mut resolver = Resolver::new(&lang.code, &rules.entities, names, words);
    let sentences: Vec<Span> = doc.sentences.iter().flat_map(|&s| bounded(&doc.text, s)).collect();
    let packed = packed.filter(|p| p.len() == sentences.len());
    let tokenized: Vec<Vec<Token>> = match packed {
        Some(packed) => (0..sentences.len()).map(|i| packed.tokens(i)).collect(),
        None => sentences.iter().map(|s| tokenize(&doc.text[s.start..s.end])).collect(),
    };
    let mut ctx = DateContext { reference: doc.reference_date, last_year: None };
    let doc_year = doc.reference_date.map(|d| d.year).or_else(|| latest_year_named(&doc.text));
    // Cue lists are searched once over the document, not once a sentence.
    let found = rules.cue_lists.get(&lang.code).map(|j| j.find_in(&doc.text, &sentences)).unwrap_or_default();
    let mut found = found.into_iter();
    let mut next = || found.next().flatten();
    let triggers = frame_lang.triggers.find_in_or(&doc.text, &sentences, next());
    let attribution = words.attribution.find_in_or(&doc.text, &sentences, next());
    let target_cues = frame_lang.target_cues.find_in_or(&doc.text, &sentences, next());
    let cues = resolver.cues(&doc.text, &sentences, &tokenized, packed, [next(), next(), next()]);
    resolver.set_main_org(&cues);
    let mut drafts = Vec::new();
    let mut unchecked = Vec::new();
    let mut previous = Previous::default();
    let mut last_line = 0;
    for (index, (&sentence, tokens)) in sentences.iter().zip(&tokenized).enumerate() {
        let line = doc.lines.line(sentence.start);
        if line != last_line {
            resolver.new_paragraph();
            last_line = line;
        }
        let text = &doc.text[sentence.start..sentence.end];
        let before = resolver.last_any().map(str::to_string);
        // A sentence with no trigger yields no claim: only its dates matter
        // to the sentences after it.
        let mut bare = Vec::new();
        let mut values = match triggers[index].is_empty() && frame_lang.measures.is_empty() {
            true => find_dates(text, &lang.values, &mut ctx),
            false => find_values_and_bare(text, &lang.values, &mut ctx, Some(&mut bare)),
        };
        let classes = words.clause_classes(text, tokens);
        let mentions = resolver.sentence_with(text, tokens, &classes, &cues, index);
        let mut segs = segments(text, tokens, &classes, words);
        mark_trailing_attribution(&mut segs, tokens, &attribution[index]);
        let figures: Vec<(Span, ValueKind)> =
            values.iter().chain(&bare).map(|v| (v.span.shifted(sentence.start), v.kind)).collect();
        let first_draft = drafts.len();
        let measured = bind_measures(text, &mut values, &mut bare, &frame_lang.measures, words);
        let input = SentenceInput {
            text,
            offset: sentence.start,
            tokens,
            values: &values,
            bare: &bare,
            mentions: &mentions,
            segments: &segs,
            triggers: &triggers[index],
            attribution: &attribution[index],
            target_cues: &target_cues[index],
        };
        drafts.extend(measure_drafts(&input, measured, &rules.frames, words, doc_year));
        drafts.extend(read_sentence(&input, frame_lang, &rules.frames, words, &previous, before.as_deref()));
        note_unchecked(&figures, &drafts[first_draft..], sentence, &mut unchecked);
        previous = summarize(sentence, tokens, &segs, &values, &mentions, &target_cues[index], &previous);
    }
    (drafts, unchecked)
}

/// The drafts of the figures bound to measures, with what their clauses
/// say of them: who counted, which event, where, as of when.
fn measure_drafts(
    input: &SentenceInput<'_>,
    measured: Vec<(measure::Binding, Value)>,
    frames: &Frames,
    words: &ClaimWords,
    doc_year: Option<i32>,
) -> Vec<Draft> {
    if measured.is_empty() {
        return Vec::new();
    }
    let SentenceInput { text, offset, tokens, values, mentions, segments: segs, attribution, .. } = *input;
    let sentence_attribution = attribution_of(tokens, mentions, segs, attribution);
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
                attributed_to: figure_attribution(text, tokens, mentions, segs, attribution, value_span, words)
                    .or_else(|| sentence_attribution.clone()),
                event_time: recalled_before(values, value_span, doc_year),
                scope: Some(Scope {
                    event: (!frames.frames[binding.frame].evolving && another_event(text, tokens, value_span, words))
                        .then(|| "another".to_string()),
                    ..scope_of(text, tokens, mentions, segs, value_span, words)
                }),
                as_of: stated_moment(tokens, segs, values, value_span),
            }
        })
        .collect()
}

/// A draft made a claim: its frame's roles kept (in order for a symmetric
/// frame), its text and quote read from the document, its times settled.
fn claim_of(d: Draft, doc: &Document, frames: &Frames, counter: bool) -> Claim {
    let frame = &frames.frames[d.frame];
    let mut roles = BTreeMap::new();
    let (mut agent, mut target) = if frame.roles { (d.agent, d.target) } else { (None, None) };
    if frame.symmetric && agent.is_some() && target.is_some() && agent > target {
        std::mem::swap(&mut agent, &mut target);
    }
    if let Some(a) = agent {
        roles.insert("agent".to_string(), a);
    }
    if let Some(t) = target {
        roles.insert("target".to_string(), t);
    }
    let mut quote = doc.text[d.quote.start..d.quote.end].to_string();
    if let Some(extra) = d.quote_extra {
        quote = format!("{} {}", &doc.text[extra.start..extra.end], quote);
    }
    Claim {
        id: String::new(),
        doc: doc.id.clone(),
        frame: frame.id.clone(),
        attribute: d.attribute,
        attribute_name: frame.attribute_name(d.attribute),
        roles,
        polarity: d.polarity,
        text: doc.text[d.span.start..d.span.end].to_string(),
        value: d.value,
        quote,
        span: doc.lines.locate(&doc.text, d.span),
        trigger: d.trigger,
        attributed_to: d.attributed_to,
        counter,
        event_time: d.event_time.or_else(|| recalled_event(frame, d.as_of.as_ref(), doc)),
        reference_date: doc.date.clone(),
        measure: d.scope.is_some().then(|| frame.id.clone()),
        as_of: d.scope.as_ref().and_then(|_| d.as_of.or_else(|| doc.reference_date.map(AsOf::of))),
        scope: d.scope.unwrap_or_default(),
    }
}

/// How many bytes of its sentence an unchecked figure's quote shows on
/// each side of it.
const EXCERPT_SIDE: usize = 120;

/// The words of `sentence` around `span`, cut at word edges with "…" where
/// the sentence goes on: a quote that stays short on a run-on line.
fn excerpt(text: &str, sentence: Span, span: Span) -> String {
    let mut start = span.start.saturating_sub(EXCERPT_SIDE).max(sentence.start);
    let mut end = (span.end + EXCERPT_SIDE).min(sentence.end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if start > sentence.start {
        start = text[start..span.start].find(' ').map_or(start, |i| start + i + 1);
    }
    if end < sentence.end {
        end = text[span.end..end].rfind(' ').map_or(end, |i| span.end + i);
    }
    let open = if start > sentence.start { "…" } else { "" };
    let close = if end < sentence.end { "…" } else { "" };
    format!("{open}{}{close}", text[start..end].trim())
}

/// Notes the figures of a sentence (document offsets) that none of its
/// claims states, with the sentence.
fn note_unchecked(
    figures: &[(Span, ValueKind)],
    drafts: &[Draft],
    sentence: Span,
    unchecked: &mut Vec<(Span, ValueKind, Span)>,
) {
    for &(span, kind) in figures {
        let used = drafts.iter().any(|d| d.value.as_ref().is_some_and(|v| v.span == span));
        if !used {
            unchecked.push((span, kind, sentence));
        }
    }
}

/// The longest stretch read as one sentence: past it, work per sentence would
/// grow with the square of its length, so a run-on text is read in pieces.
const MAX_SENTENCE: usize = 2000;

/// `span` cut at white space into pieces of at most [`MAX_SENTENCE`] bytes.
fn bounded(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    // Most sentences are one piece: nothing is collected.
    let mut start = span.start;
    std::iter::from_fn(move || {
        if start >= span.end {
            return None;
        }
        if span.end - start <= MAX_SENTENCE {
            let piece = Span::new(start, span.end);
            start = span.end;
            return Some(piece);
        }
        let mut cut = start + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &text[start..cut];
        let at = window.rfind(char::is_whitespace).filter(|&i| i > 0).map_or(cut, |i| start + i);
        let piece = Span::new(start, at);
        start = at;
        while start < span.end && text[start..].starts_with(char::is_whitespace) {
            start += text[start..].chars().next().map_or(1, char::len_utf8);
        }
        Some(piece)
    })
}

struct SentenceInput<'a> {
    text: &'a str,
    offset: usize,
    tokens: &'a [Token],
    values: &'a [Value],
    /// Bare numbers ("rose to 2,445"): a count only right after a count's trigger.
    bare: &'a [Value],
    mentions: &'a [Mention],
    segments: &'a [Segment],
    triggers: &'a [(Span, &'a usize)],
    attribution: &'a [(Span, &'a ())],
    target_cues: &'a [(Span, &'a usize)],
}

fn token_at(tokens: &[Token], offset: usize) -> usize {
    tokens.partition_point(|t| t.span.end <= offset)
}

fn segment_of(segments: &[Segment], token: usize) -> usize {
    segments.iter().position(|s| s.start <= token && token < s.end).unwrap_or(segments.len().saturating_sub(1))
}

/// Whether the word at `token` is the verb of an incise after a quotation,
/// where a verb of saying comes before its subject: "« … », poursuit
/// l'entreprise", "\"…,\" continues the filing". Such a verb reports speech
/// and states no event.
fn opens_incise(text: &str, tokens: &[Token], token: usize) -> bool {
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
fn gap(a: Span, b: Span) -> usize {
    b.start.saturating_sub(a.end).max(a.start.saturating_sub(b.end))
}

fn time_span(value: &Value) -> Option<TimeSpan> {
    Some(TimeSpan { start: value.start.clone()?, end: value.end.clone()? })
}

/// Who the sentence says made its statement: "selon X" anywhere, or "X
/// allègue que".
fn attribution_of(
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
fn recalled_event(frame: &crate::frame::Frame, stated: Option<&AsOf>, doc: &Document) -> Option<TimeSpan> {
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
fn stated_moment(tokens: &[Token], segs: &[Segment], values: &[Value], figure: Span) -> Option<AsOf> {
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
fn latest_year_named(text: &str) -> Option<i32> {
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
/// document's stands before it in its sentence with no figure between:
/// "that of 1999, which had a magnitude of 7.6".
fn recalled_before(values: &[Value], figure: Span, doc_year: Option<i32>) -> Option<TimeSpan> {
    let doc_year = doc_year?;
    let before = values.iter().rev().find(|v| v.span.end <= figure.start)?;
    let start = before.start.as_deref().filter(|_| before.kind == ValueKind::Date)?;
    let year: i32 = start.get(..4)?.parse().ok()?;
    let end = before.end.clone()?;
    (year != doc_year).then(|| TimeSpan { start: start.to_string(), end })
}

/// Whether the words before a figure in its sentence make its event
/// another one of its kind than the story's main one: "a second, a little
/// later, measured 7.6", "des répliques ont suivi, avant un séisme de
/// magnitude 7,5". The nearest such word decides: "the first quake" is the
/// main one, unless a preposition makes it a point of reference ("after the
/// first quake, including one measuring 7.5").
fn another_event(text: &str, tokens: &[Token], figure: Span, words: &ClaimWords) -> bool {
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
fn figure_attribution(
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
fn scope_of(
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
        .filter(|m| m.kind != Kind::Person)
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

/// Whether the name at `token` follows a place word, a few words at most
/// before it ("in northwest Syria", "dans le nord-ouest de la Syrie", "across
/// Norland and Sudmark").
fn after_place_word(text: &str, tokens: &[Token], token: usize, words: &ClaimWords) -> bool {
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

/// Binds the sentence's figures to measures (see [`measure`]) and
/// takes the bound ones out of `values` and `bare`: a figure bound to a
/// measure is no trigger's. Returns each binding with its figure.
fn bind_measures(
    text: &str,
    values: &mut Vec<Value>,
    bare: &mut Vec<Value>,
    measures: &[measure::MeasureCues],
    words: &ClaimWords,
) -> Vec<(measure::Binding, Value)> {
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
    let bindings = measure::bind(text, &figures, &is_bare, measures, &generic, &noun);
    if bindings.is_empty() {
        return Vec::new();
    }
    let taken: Vec<Span> = bindings.iter().map(|b| figures[b.value].span).collect();
    values.retain(|v| !taken.contains(&v.span));
    bare.retain(|v| !taken.contains(&v.span));
    bindings.into_iter().map(|b| (b.clone(), figures[b.value].clone())).collect()
}

/// The drafts of one sentence's triggers: each trigger's polarity and
/// roles, then the values it governs.
fn read_sentence(
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
    }
    share_roles(&mut triggers);
    let mut attached = attach_values(input, &triggers, frames);
    let values = attach_bare_counts(input, &triggers, frames, &mut attached);
    trigger_drafts(input, &triggers, &attached, &values, frames, previous, attributed_to)
}

/// The sentence's triggers that are neither inside a value nor the verb of
/// an incise, with their token and clause; roles and polarity not yet read.
fn find_triggers(input: &SentenceInput<'_>) -> Vec<Trigger> {
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

/// A sentence as the role and polarity search reads it: its input, where
/// each mention stands, and what the sentence borrows from the one before.
struct Sentence<'s> {
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
    fn new(
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
    fn demonstrative(&self, trigger: &Trigger) -> bool {
        (1..=2)
            .filter(|d| trigger.token >= *d)
            .any(|d| self.words.demonstratives.contains(self.word_at(trigger.token - d)))
    }

    fn polarity(&self, trigger: &Trigger) -> Polarity {
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
    fn fill_roles(&self, trigger: &mut Trigger) {
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
        for i in trigger_end_token..(trigger_end_token + 3).min(self.input.tokens.len()) {
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
        let SentenceInput { tokens, mentions, segments: segs, target_cues, .. } = *self.input;
        let seg = segs[trigger.segment];
        let trigger_end_token = self.end_token(trigger);
        let mut target = None;
        if passive {
            target = clause_subject.or(self.main_subject).map(|m| m.name.clone());
        }
        if target.is_none() {
            // The frame's first cue after the trigger, a few words on at most: "plainte déposée contre X".
            let cue = target_cues.iter().copied().find(|(span, frame)| {
                **frame == trigger.frame
                    && span.start >= trigger.span.end
                    && token_at(tokens, span.start) <= trigger_end_token + 3
            });
            if let Some((span, _)) = cue {
                let cue_end = token_at(tokens, span.end.saturating_sub(1)) + 1;
                if let Some(m) = self.mention_after(cue_end)
                    && Some(&m.name) != trigger.agent.as_ref()
                {
                    target = Some(m.name.clone());
                }
            }
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
}

/// Triggers of one frame in one sentence share what they know of the roles.
fn share_roles(triggers: &mut [Trigger]) {
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
fn attach_values(input: &SentenceInput<'_>, triggers: &[Trigger], frames: &Frames) -> Vec<Vec<usize>> {
    let SentenceInput { tokens, values, segments: segs, .. } = *input;
    let mut attached: Vec<Vec<usize>> = vec![Vec::new(); triggers.len()];
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
        // 1. The same clause.
        let mut chosen =
            nearest(&mut (0..triggers.len()).filter(|&ti| triggers[ti].segment == v_seg && accepts(&triggers[ti])));
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
        }
    }
    attached
}

/// A bare number a few words after a count's trigger, in its clause, is
/// that count: "the death toll has risen to 2,445", "injured 2,000".
/// Returns the sentence's values with the numbers so attached after them
/// (the indices in `attached` count them there).
fn attach_bare_counts<'v>(
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
fn event_time_of(triggers: &[Trigger], attached: &[Vec<usize>], values: &[Value], ti: usize) -> Option<TimeSpan> {
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
fn trigger_drafts(
    input: &SentenceInput<'_>,
    triggers: &[Trigger],
    attached: &[Vec<usize>],
    values: &[Value],
    frames: &Frames,
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
        };
        for &vi in &attached[ti] {
            let mut value = values[vi].clone();
            let span = value.span.shifted(offset);
            let attribute = attribute_of(value.kind);
            let mut d = draft(attribute, None, span, None);
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
        if attached[ti].is_empty()
            && frame.attributes.contains(&Attribute::Occurrence)
            && !states_occurrence(&drafts, trigger, sentence_span)
        {
            drafts.push(draft(Attribute::Occurrence, None, trigger.span.shifted(offset), None));
        }
    }
    drafts
}

/// Whether the sentence already has the occurrence a trigger would state.
fn states_occurrence(drafts: &[Draft], trigger: &Trigger, sentence_span: Span) -> bool {
    drafts.iter().any(|d: &Draft| {
        d.frame == trigger.frame
            && d.attribute == Attribute::Occurrence
            && d.agent == trigger.agent
            && d.target == trigger.target
            && d.polarity == trigger.polarity
            && d.quote == sentence_span
    })
}

/// What the next sentence may borrow: subject, object, last date.
#[allow(clippy::too_many_arguments)]
fn summarize(
    sentence: Span,
    tokens: &[Token],
    segs: &[Segment],
    values: &[Value],
    mentions: &[Mention],
    target_cues: &[(Span, &usize)],
    previous: &Previous,
) -> Previous {
    let subject = segs
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == SegmentKind::Plain)
        .find_map(|(_, s)| {
            mentions.iter().find(|m| m.subject && s.span.start <= m.span.start && m.span.end <= s.span.end)
        })
        .map(|m| m.name.clone());
    let mut objects = BTreeMap::new();
    for &(span, &frame) in target_cues {
        if let Some(m) = mentions.iter().find(|m| m.span.start >= span.end && m.span.start <= span.end + 4) {
            objects.entry(frame).or_insert_with(|| m.name.clone());
        }
    }
    let date = values
        .iter()
        .rev()
        .find(|v| {
            let seg = segment_of(segs, token_at(tokens, v.span.start));
            v.kind == ValueKind::Date && segs.get(seg).is_none_or(|s| s.kind != SegmentKind::Attribution)
        })
        .map(|v| {
            let mut v = v.clone();
            v.span = v.span.shifted(sentence.start);
            (v, sentence)
        });
    Previous {
        subject: subject.or_else(|| if mentions.is_empty() { previous.subject.clone() } else { None }),
        objects,
        date,
    }
}

/// Claims of every document, numbered `<doc>:<n>` in document order.
pub fn extract_all(docs: &[Document], rules: &Rules) -> Vec<Claim> {
    read(docs, rules).claims
}

/// [`extract_all`], with the figures and dates no claim used.
pub fn read(docs: &[Document], rules: &Rules) -> Reading {
    let (names, packed) = learn_names(docs, rules, true);
    read_all(docs, rules, &names, packed)
}

/// [`extract_all`] with the names already learned, and each document's
/// sentences as read then, where kept (`packed` may be empty).
pub fn extract_all_with(
    docs: &[Document],
    rules: &Rules,
    names: &Names,
    packed: Vec<Option<PackedSentences>>,
) -> Vec<Claim> {
    read_all(docs, rules, names, packed).claims
}

/// What the claims stage reads in a corpus.
#[derive(Debug, Default)]
pub struct Reading {
    /// Numbered `<doc>:<n>` in document order.
    pub claims: Vec<Claim>,
    /// The figures and dates no claim used, in document order.
    pub unchecked: Vec<Unchecked>,
}

/// The claims of every document and the figures they leave unchecked, with
/// the names already learned (see [`extract_all_with`]).
pub fn read_all(docs: &[Document], rules: &Rules, names: &Names, mut packed: Vec<Option<PackedSentences>>) -> Reading {
    use rayon::prelude::*;
    packed.resize_with(docs.len(), || None);
    let prefixes = claim_prefixes(docs);
    crate::progress::stage("reading claims in", docs.len());
    let read = |doc: &Document, packed: Option<PackedSentences>, prefix: &str| {
        crate::progress::tick();
        let Some(lang) = rules.langs.get(&doc.language) else { return (Vec::new(), Vec::new()) };
        let (mut claims, unchecked) = extract(doc, lang, rules, names, packed.as_ref());
        for (n, claim) in claims.iter_mut().enumerate() {
            claim.id = format!("{prefix}:{}", n + 1);
        }
        (claims, unchecked)
    };
    // Documents are read a batch at a time on every core, and the claims of
    // a batch are moved into the list while the next batch is read: claims
    // are large, and moving them all at the end would keep the other core idle.
    let mut reading = Reading::default();
    let mut batch_claims: Vec<Vec<Claim>> = Vec::new();
    let batches = docs.chunks(CLAIM_BATCH).zip(packed.chunks_mut(CLAIM_BATCH)).zip(prefixes.chunks(CLAIM_BATCH));
    for (batch, ((docs_now, packed_now), prefixes_now)) in batches.enumerate() {
        let done = std::mem::take(&mut batch_claims);
        let ((), now): ((), Vec<DocReading>) = rayon::join(
            || append_claims(&mut reading.claims, done, docs.len(), batch * CLAIM_BATCH),
            || {
                docs_now
                    .par_iter()
                    .zip(packed_now.par_iter_mut())
                    .zip(prefixes_now)
                    // Each document's packed reading is freed as soon as it is used.
                    .map(|((doc, packed), prefix)| read(doc, packed.take(), prefix))
                    .collect()
            },
        );
        batch_claims = now
            .into_iter()
            .map(|(claims, unchecked)| {
                reading.unchecked.extend(unchecked);
                claims
            })
            .collect();
    }
    append_claims(&mut reading.claims, batch_claims, docs.len(), docs.len());
    reading
}

/// One document's claims and unchecked figures.
type DocReading = (Vec<Claim>, Vec<Unchecked>);

/// Documents read together by [`read_all`].
const CLAIM_BATCH: usize = 512;

/// Moves a batch's claims to the end of `claims`, once `read` of `docs`
/// documents are in: the room for the rest is reserved from the claims per
/// document so far, so that the list seldom grows again.
fn append_claims(claims: &mut Vec<Claim>, batch: Vec<Vec<Claim>>, docs: usize, read: usize) {
    let added: usize = batch.iter().map(Vec::len).sum();
    if claims.capacity() - claims.len() < added {
        let expected = (claims.len() + added) * docs / read.max(1);
        claims.reserve(expected.max(claims.len() + added) * 9 / 8 - claims.len());
    }
    for doc_claims in batch {
        claims.extend(doc_claims);
    }
}

/// Short claim-id prefixes: the part of each document id before `_`, or the
/// whole id when that would not be unique.
pub fn claim_prefixes(docs: &[Document]) -> Vec<String> {
    let short: Vec<&str> = docs.iter().map(|d| d.id.split('_').next().unwrap_or(&d.id)).collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &short {
        *counts.entry(s).or_default() += 1;
    }
    docs.iter().zip(&short).map(|(d, s)| if counts[s] == 1 { s.to_string() } else { d.id.clone() }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The claims of one document of `text`, in `lang` (detected when `None`).
    fn claims_of(lang: Option<&str>, text: &str) -> Vec<Claim> {
        let rules = Rules::load(None).unwrap();
        let options = crate::document::LoadOptions { language: lang.map(str::to_string), ..Default::default() };
        let doc = crate::document::load("t", "t.txt", text.as_bytes().to_vec(), &rules, &options).unwrap();
        extract_all(std::slice::from_ref(&doc), &rules)
    }

    /// The polarity of each claim read from `text`, with the words of its value.
    fn polarities(text: &str) -> Vec<(String, Polarity)> {
        claims_of(None, text).into_iter().map(|c| (c.value.map(|v| v.text).unwrap_or_default(), c.polarity)).collect()
    }

    /// Frame, agent and target of each claim read from `text`.
    fn roles(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        claims_of(Some("fr"), text)
            .into_iter()
            .map(|c| (c.frame.clone(), c.agent().map(str::to_string), c.roles.get("target").cloned()))
            .collect()
    }

    #[test]
    fn a_name_after_the_verb_of_its_clause_is_not_its_agent() {
        // "Mondelez", first word of the sentence, is not known as a name.
        let got = roles("Titre\n\nMondelez a racheté Clif Bar pour 2,9 milliards de dollars.\n");
        assert_eq!(got, [("acquisition".to_string(), None, Some("Clif Bar".to_string()))]);
        // A fronted clause's verb takes the main clause's subject after it.
        let got = roles("Titre\n\nAprès avoir racheté Twitter pour 44 milliards de dollars, Elon Musk a licencié.\n");
        assert_eq!(got, [("acquisition".to_string(), Some("Elon Musk".to_string()), Some("X".to_string()))]);
    }

    #[test]
    fn a_verb_of_saying_after_a_quotation_states_no_event() {
        let text = "Titre\n\n« Ses mails le prouvent », poursuit l'entreprise.\n\n\"He left,\" continues OpenAI.\n";
        assert_eq!(roles(text), []);
        let text = "Titre\n\n« Nous irons en justice », a dit Musk, qui poursuit OpenAI depuis 2024.\n";
        assert_eq!(roles(text).len(), 1, "a trigger later in the sentence still counts");
    }

    /// Frame and value words of each claim read from `text`.
    fn counts(text: &str) -> Vec<(String, String)> {
        claims_of(Some("en"), text)
            .into_iter()
            .map(|c| (c.frame, c.value.map(|v| v.text).unwrap_or_default()))
            .collect()
    }

    #[test]
    fn a_bare_number_right_after_a_count_trigger_is_that_count() {
        let pair = |frame: &str, text: &str| (frame.to_string(), text.to_string());
        assert_eq!(
            counts("Title\n\nThe death toll has risen to 2,445, according to the ministry.\n"),
            [pair("casualties", "2,445")]
        );
        assert_eq!(
            counts("Title\n\nThe quake killed at least 2,400 people and injured 2,000, officials said.\n"),
            [pair("casualties", "at least 2,400"), pair("injuries", "2,000")]
        );
        let fr = polarities("Titre\n\nLe bilan s'élève désormais à 2 445, selon le ministère.\n");
        assert_eq!(fr, [("2 445".to_string(), Polarity::Affirmed)]);
        // Too far from the trigger, or another value between: no count.
        assert_eq!(counts("Title\n\nThe toll was revised by the ministry on its site at 9 and 11.\n"), []);
        // A year is no count: the toll is the figure its measure word binds.
        // (A toll states no time of its own: the date of a disaster is its outbreak's.)
        assert_eq!(counts("Title\n\nThe toll in 2023 stood at 12.\n"), [pair("casualties", "12")]);
    }

    /// Frame and value wording of each count or share read from `text`.
    fn measured(lang: &str, text: &str) -> Vec<(String, String)> {
        claims_of(Some(lang), &format!("Title\n\n{text}\n"))
            .into_iter()
            .filter(|c| c.attribute != Attribute::Time)
            .map(|c| (c.frame, c.value.map(|v| v.text).unwrap_or_default()))
            .collect()
    }

    #[test]
    fn a_measure_binds_the_nouns_it_counts_and_the_figures_that_count_nothing() {
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter().map(|(f, t)| (f.to_string(), t.to_string())).collect()
        };
        // "structures" is what the measure counts: the verb before binds it.
        assert_eq!(
            measured("en", "The blaze has destroyed more than 4,100 structures and is 40% contained."),
            pairs(&[("structures_destroyed", "more than 4,100"), ("containment", "40%")])
        );
        // A magnitude counts nothing: a verb after it does not unbind it.
        assert_eq!(
            measured("fr", "Le séisme de magnitude 6,4 s'est produit à l'aube."),
            pairs(&[("magnitude", "6,4")])
        );
        // Orders and warnings are two measures.
        assert_eq!(
            measured(
                "en",
                "About 31,000 residents in the valley remain under mandatory evacuation orders, while another 9,000 are under evacuation warnings."
            ),
            pairs(&[("evacuated", "About 31,000"), ("warned", "9,000")])
        );
    }

    #[test]
    fn a_figure_of_another_event_says_so() {
        let scoped = |text: &str| -> Vec<(String, Option<String>, Option<String>)> {
            claims_of(Some("en"), &format!("---\ndate: 2031-03-02\n---\nTitle\n\n{text}\n"))
                .into_iter()
                .filter(|c| c.frame == "magnitude")
                .map(|c| {
                    let v = c.value.map(|v| v.text).unwrap_or_default();
                    (v, c.scope.event, c.event_time.map(|t| t.start))
                })
                .collect()
        };
        let another = Some("another".to_string());
        assert_eq!(
            scoped("The first tremor measured a magnitude of 6.1 and a second, an hour later, measured 5.8."),
            [("6.1".to_string(), None, None), ("5.8".to_string(), another.clone(), None)]
        );
        // "the first" after a preposition is a point of reference.
        assert_eq!(
            scoped("Aftershocks followed after the first tremor, including one measuring magnitude 5.2."),
            [("5.2".to_string(), another, None)]
        );
        // A date of another year before the figure dates its event.
        assert_eq!(
            scoped("It was stronger than the one of 2009, which had a magnitude of 5.9."),
            [("5.9".to_string(), None, Some("2009-01-01".to_string()))]
        );
    }

    #[test]
    fn each_figure_is_bound_to_what_it_measures() {
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter().map(|(f, t)| (f.to_string(), t.to_string())).collect()
        };
        // The figure nearest the measure word is not the measure: 6.9 is a magnitude.
        assert_eq!(
            measured("en", "The toll from the 6.9 magnitude tremor in the hills has climbed to at least 412."),
            pairs(&[("magnitude", "6.9"), ("casualties", "at least 412")])
        );
        // A noun after a figure binds it before any word before it.
        assert_eq!(
            measured("en", "The storm killed 31 people, and 208 were hurt; 9 people are still missing."),
            pairs(&[("casualties", "31"), ("injuries", "208"), ("missing", "9")])
        );
        assert_eq!(
            measured("en", "Officials counted at least 19 deaths, with 4 people still unaccounted for."),
            pairs(&[("casualties", "at least 19"), ("missing", "4")])
        );
        // French thousands with a dot; "deux" counts storms, not the dead.
        assert_eq!(
            measured("fr", "Plus de 1.200 personnes ont été tuées par deux tempêtes, et au moins 3.411 blessés."),
            pairs(&[("casualties", "Plus de 1.200"), ("injuries", "au moins 3.411")])
        );
        // A date after a toll's words is no toll; buildings are no dead.
        assert_eq!(measured("fr", "Le bilan dépasse celui de la crue du 3 mars 2001."), pairs(&[]));
        assert_eq!(
            measured("en", "More than 5,200 buildings have been destroyed at a depth of 12.5 km."),
            pairs(&[("structures_destroyed", "More than 5,200"), ("depth", "12.5")])
        );
    }

    #[test]
    fn a_short_last_clause_ending_with_a_verb_of_saying_names_no_role() {
        let text =
            "Title\n\nJane Roe sued Acme on Friday.\n\nThe court rejected the claim on Monday, Judge Doe said.\n";
        let claims = claims_of(Some("en"), text);
        let rejection = claims.iter().find(|c| c.frame == "rejection").expect("a rejection");
        assert!(!rejection.roles.values().any(|r| r == "Judge Doe"), "{:?}", rejection.roles);
        assert_eq!(rejection.attributed_to.as_deref(), Some("Judge Doe"));
        // A clause that goes on after the verb is no attribution.
        let claims = claims_of(Some("en"), "Title\n\nThe talks failed, and Jane Roe said she sued Acme in 2024.\n");
        assert!(claims.iter().any(|c| c.frame == "lawsuit" && c.attribute == Attribute::Time), "{claims:?}");
    }

    #[test]
    fn a_genitive_word_ending_a_nominal_trigger_opens_its_agent() {
        let claims =
            claims_of(Some("en"), "Title\n\nThe board of Acme rejected a nearly $100 billion bid from Jane Roe.\n");
        let bid = claims.iter().find(|c| c.frame == "acquisition").expect("the bid");
        assert_eq!((bid.agent(), bid.text.as_str()), (Some("Jane Roe"), "nearly $100 billion"));
    }

    #[test]
    fn the_name_before_an_infinitive_is_its_agent() {
        let agent_of =
            |lang: &str, text: &str| claims_of(Some(lang), text).first().and_then(|c| c.agent().map(str::to_string));
        let en = "Title\n\nA jury in the state ordered Fox News to pay $787.5 million to Jane Roe.\n";
        assert_eq!(agent_of("en", en).as_deref(), Some("Fox News"));
        let fr = "Titre\n\nLe tribunal a ordonné à Fox News de payer 787,5 millions de dollars à Jane Roe.\n";
        assert_eq!(agent_of("fr", fr).as_deref(), Some("Fox News"));
        // "agreed to pay": no name before the marker, the subject pays.
        let en = "Title\n\nFox News agreed to pay $787 million to Jane Roe.\n";
        assert_eq!(agent_of("en", en).as_deref(), Some("Fox News"));
    }

    #[test]
    fn plus_and_jamais_negate_only_after_ne() {
        let affirmed = |value: &str| (value.to_string(), Polarity::Affirmed);
        let negated = |value: &str| (value.to_string(), Polarity::Negated);
        assert_eq!(polarities("Titre\n\nLe séisme a fait plus de 2 000 morts.\n"), [affirmed("plus de 2 000")]);
        assert_eq!(polarities("Titre\n\nSéisme : plus de 2 000 morts\n"), [affirmed("plus de 2 000")]);
        assert_eq!(
            polarities("Titre\n\nMondelez n'a finalement jamais racheté Clif Bar pour 2,9 milliards de dollars.\n"),
            [negated("2,9 milliards de dollars")],
            "a particle earlier in the clause"
        );
        assert_eq!(
            polarities("Titre\n\nMondelez n'a pas racheté Clif Bar pour 2,9 milliards de dollars.\n"),
            [negated("2,9 milliards de dollars")]
        );
        assert_eq!(
            polarities("Titre\n\nMondelez a racheté Clif Bar pour plus de 2,9 milliards de dollars.\n"),
            [affirmed("plus de 2,9 milliards de dollars")]
        );
    }

    #[test]
    fn a_run_on_sentence_is_read_in_pieces_cut_at_white_space() {
        let short = "Une phrase courte.";
        assert_eq!(bounded(short, Span::new(0, short.len())).collect::<Vec<_>>(), [Span::new(0, short.len())]);
        let long = "un mot été ".repeat(600);
        let span = Span::new(3, long.len() - 2);
        let pieces: Vec<Span> = bounded(&long, span).collect();
        assert!(pieces.len() >= 3, "{pieces:?}");
        assert_eq!((pieces[0].start, pieces.last().unwrap().end), (span.start, span.end));
        for (piece, next) in pieces.iter().zip(&pieces[1..]) {
            assert!(piece.end - piece.start <= MAX_SENTENCE, "{piece:?}");
            // Only white space lies between one piece and the next.
            assert!(long[piece.end..next.start].chars().all(char::is_whitespace), "{piece:?} {next:?}");
            assert!(!long[piece.start..piece.end].ends_with(char::is_whitespace));
        }
    }
}
