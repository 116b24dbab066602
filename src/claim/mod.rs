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
//!
//! Here: the claim types and the walk over a document's sentences.
//! `segments` cuts a sentence into clauses; `triggers` finds its events and
//! the values each governs; `roles` reads a trigger's polarity and roles;
//! `measure` binds figures to what they measure; `qualifiers` reads who
//! says a figure, of which event, where, and as of when.

mod measure;
mod qualifiers;
mod roles;
mod segments;
mod triggers;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::entity::{Mention, Names, PackedSentences, Resolver, Stated};
use crate::frame::{Attribute, FrameLang, Frames};
use crate::lang::{Lang, Rules};
use crate::text::pattern::{Joint, PatternSet, SetMatches, Shape};
use crate::text::span::{Location, Span};
use crate::text::token::{Token, tokenize};
use crate::value::date::DateContext;
use crate::value::{Value, ValueKind, find_dates, find_values_and_bare};
use measure::{ListMeasure, bind_measures, measure_drafts};
use qualifiers::{OwnYear, recalled_event};
use segments::{Segment, SegmentKind, mark_trailing_attribution, segment_of, segments, token_at};
use triggers::read_sentence;

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
    /// The document's id, shared by its claims.
    pub doc: Arc<str>,
    pub frame: String,
    /// The kind of value the claim states; read back from its value.
    #[serde(skip, default = "unread")]
    pub attribute: Attribute,
    /// What the claim states, by the name the rules give it: the kind, or a
    /// measure's declared name ("magnitude").
    #[serde(rename = "attribute")]
    pub attribute_name: String,
    /// `agent` and `target`, canonical names; a role may be absent.
    pub roles: Roles,
    pub polarity: Polarity,
    /// Boxed: most claims state no value, and claims are many.
    pub value: Option<Box<Value>>,
    /// The exact words that state the value, or the event's trigger.
    pub text: String,
    /// The sentence it was read from, shared by the claims read from it.
    pub quote: Arc<str>,
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
    pub event_time: Option<Box<TimeSpan>>,
    /// The source's publication date, if known; shared by its claims.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_date: Option<Arc<str>>,
    /// What a bound figure measures (the frame of an open measure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// The part of the story a figure is about, as its clause names it;
    /// `None` when it names none, as most claims (see [`Claim::scope`]).
    #[serde(default, skip_serializing_if = "Scope::is_unnamed")]
    pub scope: Option<Box<Scope>>,
    /// The moment a figure describes: the document's date unless the text
    /// says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Box<AsOf>>,
    /// The entities its sentence names, canonical and sorted: evidence for
    /// alignment when a role is hidden or garbled. Shared by the claims of
    /// one sentence.
    #[serde(skip)]
    pub context: Arc<[String]>,
    /// The kind of counter its attribution names ("authorities",
    /// "organizers"), when its words say: figures of different counters are
    /// different facts.
    #[serde(skip)]
    pub counted_by: Option<String>,
}

/// A claim as one line of `claims --format jsonl`: its JSON and the
/// entities its sentence names, which a later `report --claims` aligns on.
#[derive(Debug, Serialize)]
pub struct ClaimLine<'c> {
    #[serde(flatten)]
    claim: &'c Claim,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    context: &'c [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    counted_by: Option<&'c str>,
}

impl<'c> ClaimLine<'c> {
    pub fn of(claim: &'c Claim) -> ClaimLine<'c> {
        ClaimLine { claim, context: &claim.context, counted_by: claim.counted_by.as_deref() }
    }
}

/// A line of `claims --format jsonl` read back.
#[derive(Debug, Deserialize)]
pub struct ClaimLineIn {
    #[serde(flatten)]
    pub claim: Claim,
    #[serde(default)]
    pub context: Vec<String>,
    #[serde(default)]
    pub counted_by: Option<String>,
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
    /// The scope that names nothing.
    pub const NONE: Scope = Scope { place: None, group: None, event: None };

    pub fn is_empty(&self) -> bool {
        self.place.is_none() && self.group.is_none() && self.event.is_none()
    }

    /// The scope as a claim or a finding holds it: boxed when it names
    /// something, `None` when not.
    pub fn boxed(self) -> Option<Box<Scope>> {
        (!self.is_empty()).then(|| Box::new(self))
    }

    /// Whether a held scope names nothing.
    pub fn is_unnamed(scope: &Option<Box<Scope>>) -> bool {
        scope.as_deref().is_none_or(Scope::is_empty)
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

/// Who acts and who is acted on, as canonical names; a role may be absent.
/// Written as the map `{"agent": …, "target": …}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Roles {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

impl Roles {
    /// The role named `name` ("agent" or "target").
    pub fn get(&self, name: &str) -> Option<&String> {
        match name {
            "agent" => self.agent.as_ref(),
            "target" => self.target.as_ref(),
            _ => None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.agent.is_none() && self.target.is_none()
    }

    /// The names it holds, agent first.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        self.agent.iter().chain(&self.target)
    }
}

impl Claim {
    /// Sets the kind of value a claim read from JSON states, from its value.
    pub fn read_kind(&mut self) {
        self.attribute = self.value.as_deref().map_or(Attribute::Occurrence, |v| attribute_of(v.kind));
    }

    pub fn agent(&self) -> Option<&str> {
        self.roles.agent.as_deref()
    }

    /// The part of the story it is about (empty when it names none).
    pub fn scope(&self) -> &Scope {
        self.scope.as_deref().unwrap_or(&Scope::NONE)
    }

    pub fn target(&self) -> Option<&str> {
        self.roles.target.as_deref()
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
    learn_names_noting(docs, rules, keep, false)
}

/// [`learn_names`], noting too the names each document's sentences state
/// as the story stage compares documents by them ([`Document::stated_names`]),
/// from the tokens read here: a report need not read its sentences again.
pub fn learn_names_for_stories(docs: &[Document], rules: &Rules) -> (Names, Vec<Option<PackedSentences>>) {
    learn_names_noting(docs, rules, true, true)
}

fn learn_names_noting(
    docs: &[Document],
    rules: &Rules,
    keep: bool,
    note_stated: bool,
) -> (Names, Vec<Option<PackedSentences>>) {
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
                    let mut stated =
                        note_stated.then(|| Stated::new(&rules.entities, vec![&lang.claims.not_names], false));
                    for &sentence in &doc.sentences {
                        let mut whole = false;
                        for span in bounded(&doc.text, sentence) {
                            let text = &doc.text[span.start..span.end];
                            let tokens = tokenize(text);
                            names.learn_packing(text, &tokens, &rules.entities, &lang.claims, &mut sentences);
                            if let Some(stated) = stated.as_mut().filter(|_| span == sentence) {
                                stated.tokens(text, &tokens);
                                whole = true;
                            }
                        }
                        // A run-on sentence read in pieces is read whole for its names.
                        if let Some(stated) = stated.as_mut().filter(|_| !whole) {
                            stated.sentence(doc.text.get(sentence.start..sentence.end).unwrap_or_default());
                        }
                    }
                    if let Some(stated) = stated {
                        // Each document is read once: the names are set once.
                        let _ = doc.stated_names.set(stated.names);
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
    /// The entities its sentence names (see [`Claim::context`]).
    context: Arc<[String]>,
}

/// The sentence-level context a later sentence may borrow from.
#[derive(Debug, Default, Clone)]
struct Previous {
    subject: Option<String>,
    /// Per frame: the mention after one of its target cues ("contre X").
    objects: BTreeMap<usize, String>,
    /// The last date stated outside an attribution, with the sentence span.
    date: Option<(Value, Span)>,
    /// Per frame with roles, not symmetric: the roles of the last event of
    /// that frame the document told, which "ce rachat", "this deal" speak of again.
    events: BTreeMap<usize, (Option<String>, Option<String>)>,
}

/// A list of cues searched for over each document's sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Triggers,
    Attribution,
    TargetCues,
    Epithets,
    OrgDescriptions,
    PersonDescriptions,
}

/// The cue lists of the one walk over a document's sentences: each is
/// found and read back by its name, so their order means nothing.
const CUES: [Cue; 6] =
    [Cue::Triggers, Cue::Attribution, Cue::TargetCues, Cue::Epithets, Cue::OrgDescriptions, Cue::PersonDescriptions];

/// The lists searched for over each document's sentences, in one walk (see [`CUES`]).
pub fn cue_lists(frame: &FrameLang, lang: &Lang, epithets: Option<&PatternSet<usize>>) -> Joint {
    let words = &lang.claims;
    let shape = |cue: Cue| match cue {
        Cue::Triggers => frame.triggers.shape(),
        Cue::Attribution => words.attribution.shape(),
        Cue::TargetCues => frame.target_cues.shape(),
        Cue::Epithets => epithets.map_or(Shape::EMPTY, PatternSet::shape),
        Cue::OrgDescriptions => words.org_descriptions.shape(),
        Cue::PersonDescriptions => words.person_descriptions.shape(),
    };
    Joint::new(&CUES.map(shape))
}

/// What the one walk found of `cue`, taken out of `found` (see [`CUES`]).
fn take_cue(found: &mut [Option<SetMatches>], cue: Cue) -> Option<SetMatches> {
    let at = CUES.iter().position(|&c| c == cue)?;
    found.get_mut(at)?.take()
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
    let mut shared = Shared::of(doc);
    let claims = drafts
        .into_iter()
        .map(|d| {
            let mut claim = claim_of(d, doc, &rules.frames, counter_doc, &mut shared);
            claim.counted_by = claim.attributed_to.as_deref().and_then(|a| counter_kind(&claim.quote, a, &lang.claims));
            claim
        })
        .collect();
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

/// The kind of counter `counter` is: by its own words ("police
/// headquarters"), or by a word right beside its name in the sentence ("the
/// Unitas union", "le syndicat Unitas").
fn counter_kind(quote: &str, counter: &str, words: &crate::text::words::ClaimWords) -> Option<String> {
    if let Some(kind) = words.counter_kind(counter) {
        return Some(kind.to_string());
    }
    let at = quote.find(counter)?;
    let is_word = |c: char| c.is_alphanumeric() || c == '-';
    let before = quote[..at].trim_end().rsplit(|c: char| !is_word(c)).next().unwrap_or("");
    let after = quote[at + counter.len()..].trim_start().split(|c: char| !is_word(c)).next().unwrap_or("");
    [before, after].into_iter().find_map(|w| words.counter_kind(w)).map(str::to_string)
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
    let own_year = OwnYear::of(doc, &lang.values.days);
    // Cue lists are searched once over the document, not once a sentence.
    let mut found: Vec<Option<SetMatches>> =
        rules.cue_lists.get(&lang.code).map(|j| j.find_in(&doc.text, &sentences)).unwrap_or_default();
    let mut take = |cue: Cue| take_cue(&mut found, cue);
    let triggers = frame_lang.triggers.find_in_or(&doc.text, &sentences, take(Cue::Triggers));
    let attribution = words.attribution.find_in_or(&doc.text, &sentences, take(Cue::Attribution));
    let target_cues = frame_lang.target_cues.find_in_or(&doc.text, &sentences, take(Cue::TargetCues));
    let descriptions = crate::entity::FoundDescriptions {
        epithets: take(Cue::Epithets),
        org_descriptions: take(Cue::OrgDescriptions),
        person_descriptions: take(Cue::PersonDescriptions),
    };
    let cues = resolver.cues(&doc.text, &sentences, &tokenized, packed, descriptions);
    resolver.set_main_org(&cues);
    let mut drafts = Vec::new();
    let mut unchecked = Vec::new();
    let mut previous = Previous::default();
    let mut list_measure = None;
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
        let list = ListMeasure::holds(list_measure, text, line);
        let measured = bind_measures(text, &mut values, &mut bare, &frame_lang.measures, words, list);
        list_measure = ListMeasure::after(list_measure, text, line, &measured, &frame_lang.measures);
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
        drafts.extend(measure_drafts(&input, measured, &rules.frames, words, own_year));
        drafts.extend(read_sentence(&input, frame_lang, &rules.frames, words, &previous, before.as_deref()));
        if drafts.len() > first_draft {
            let mut named: Vec<String> = mentions.iter().map(|m| m.name.clone()).collect();
            named.sort_unstable();
            named.dedup();
            let named: Arc<[String]> = named.into();
            for d in &mut drafts[first_draft..] {
                d.context = Arc::clone(&named);
            }
        }
        note_unchecked(&figures, &drafts[first_draft..], sentence, &mut unchecked);
        let mut events = std::mem::take(&mut previous.events);
        for d in &drafts[first_draft..] {
            // Not a symmetric frame's: "cette brouille avec …" often names
            // another pair of the same conflict.
            let frame = &rules.frames.frames[d.frame];
            if frame.roles && !frame.symmetric && d.agent.is_some() {
                events.insert(d.frame, (d.agent.clone(), d.target.clone()));
            }
        }
        previous = summarize(sentence, tokens, &segs, &values, &mentions, &target_cues[index], &previous);
        previous.events = events;
    }
    (once_per_document(drafts), unchecked)
}

/// A source states that an event happened once, however often it names it:
/// its first occurrence of each event (frame, roles, polarity) stands for all.
fn once_per_document(mut drafts: Vec<Draft>) -> Vec<Draft> {
    let mut seen = rustc_hash::FxHashSet::default();
    drafts.retain(|d| {
        d.attribute != Attribute::Occurrence || seen.insert((d.frame, d.agent.clone(), d.target.clone(), d.polarity))
    });
    drafts
}

/// What the claims of one document share rather than each holding a copy:
/// the document's id and date, and the sentence last quoted (the claims of
/// one sentence come one after another).
struct Shared {
    doc: Arc<str>,
    date: Option<Arc<str>>,
    quote: Option<Quote>,
}

/// A claim's quote: its sentence, and the words before it that it borrows, if any.
struct Quote {
    sentence: Span,
    extra: Option<Span>,
    words: Arc<str>,
}

impl Shared {
    fn of(doc: &Document) -> Shared {
        Shared { doc: Arc::from(doc.id.as_str()), date: doc.date.as_deref().map(Arc::from), quote: None }
    }

    /// The words of `sentence` in `text`, after those of `extra` if any.
    fn quote(&mut self, text: &str, sentence: Span, extra: Option<Span>) -> Arc<str> {
        if let Some(last) = self.quote.as_ref().filter(|q| q.sentence == sentence && q.extra == extra) {
            return Arc::clone(&last.words);
        }
        let words = &text[sentence.start..sentence.end];
        let words: Arc<str> = match extra {
            Some(extra) => format!("{} {words}", &text[extra.start..extra.end]).into(),
            None => words.into(),
        };
        self.quote = Some(Quote { sentence, extra, words: Arc::clone(&words) });
        words
    }
}

/// A draft made a claim: its frame's roles kept (in order for a symmetric
/// frame), its text and quote read from the document, its times settled.
fn claim_of(d: Draft, doc: &Document, frames: &Frames, counter: bool, shared: &mut Shared) -> Claim {
    let frame = &frames.frames[d.frame];
    let (mut agent, mut target) = if frame.roles { (d.agent, d.target) } else { (None, None) };
    if frame.symmetric && agent.is_some() && target.is_some() && agent > target {
        std::mem::swap(&mut agent, &mut target);
    }
    let roles = Roles { agent, target };
    let event_time = d.event_time.or_else(|| recalled_event(frame, d.as_of.as_ref(), doc));
    let as_of = d.scope.as_ref().and_then(|_| d.as_of.or_else(|| doc.reference_date.map(AsOf::of)));
    Claim {
        id: String::new(),
        doc: Arc::clone(&shared.doc),
        frame: frame.id.clone(),
        attribute: d.attribute,
        attribute_name: frame.attribute_name(d.attribute),
        roles,
        polarity: d.polarity,
        text: doc.text[d.span.start..d.span.end].to_string(),
        quote: shared.quote(&doc.text, d.quote, d.quote_extra),
        value: d.value.map(Box::new),
        span: doc.lines.locate(&doc.text, d.span),
        trigger: d.trigger,
        attributed_to: d.attributed_to,
        counter,
        event_time: event_time.map(Box::new),
        reference_date: shared.date.clone(),
        measure: d.scope.is_some().then(|| frame.id.clone()),
        as_of: as_of.map(Box::new),
        scope: d.scope.and_then(Scope::boxed),
        context: d.context,
        counted_by: None,
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
    target_cues: &'a [(Span, &'a Vec<usize>)],
}

/// What the next sentence may borrow: subject, object, last date.
#[allow(clippy::too_many_arguments)]
fn summarize(
    sentence: Span,
    tokens: &[Token],
    segs: &[Segment],
    values: &[Value],
    mentions: &[Mention],
    target_cues: &[(Span, &Vec<usize>)],
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
    for &(span, cue_frames) in target_cues {
        if let Some(m) = mentions.iter().find(|m| m.span.start >= span.end && m.span.start <= span.end + 4) {
            for &frame in cue_frames {
                objects.entry(frame).or_insert_with(|| m.name.clone());
            }
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
        events: BTreeMap::new(),
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

    /// The polarity of each figure read from `text`, with the words of its value.
    fn polarities(text: &str) -> Vec<(String, Polarity)> {
        claims_of(None, text).into_iter().filter_map(|c| Some((c.value?.text, c.polarity))).collect()
    }

    /// Frame, agent and target of each event read from `text`: its
    /// occurrence and its figures name the same roles.
    fn roles(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let mut events: Vec<(String, Option<String>, Option<String>)> = claims_of(Some("fr"), text)
            .into_iter()
            .map(|c| (c.frame.clone(), c.agent().map(str::to_string), c.roles.get("target").cloned()))
            .collect();
        events.dedup();
        events
    }

    #[test]
    fn a_name_after_the_verb_of_its_clause_is_not_its_agent() {
        // "Mondelez", first word of the sentence, is not known as a name.
        let got = roles("Titre\n\nMondelez a racheté Clif Bar pour 2,9 milliards de dollars.\n");
        assert_eq!(got, [("acquisition".to_string(), None, Some("Clif Bar".to_string()))]);
        // A fronted clause's verb takes the main clause's subject after it.
        let got = roles("Titre\n\nAprès avoir racheté Twitter pour 44 milliards de dollars, Elon Musk a licencié.\n");
        assert_eq!(got, [("acquisition".to_string(), Some("Elon Musk".to_string()), Some("Twitter".to_string()))]);
    }

    #[test]
    fn a_source_states_an_event_once_however_often_it_names_it() {
        let text = "Titre\n\nSelon Initech, Globex a racheté Initech. Plus tard, Globex a racheté Initech. Globex n'a pas racheté Initech.\n";
        let occurrences: Vec<Polarity> = claims_of(Some("fr"), text)
            .into_iter()
            .filter(|c| c.attribute == Attribute::Occurrence)
            .map(|c| c.polarity)
            .collect();
        assert_eq!(occurrences, [Polarity::Affirmed, Polarity::Negated]);
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
                    (v, c.scope.and_then(|s| s.event), c.event_time.map(|t| t.start))
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
        // An undated source that speaks of "this Monday" is not of 2009,
        // the latest year it names.
        let undated = |text: &str| -> Vec<Option<String>> {
            claims_of(
                Some("en"),
                &format!(
                    "Title

{text}
"
                ),
            )
            .into_iter()
            .filter(|c| c.frame == "magnitude")
            .map(|c| c.event_time.map(|t| t.start))
            .collect()
        };
        let text = "The tremor of this Monday measured 6.3. It was stronger than the one of 2009, which had a magnitude of 5.9.";
        assert_eq!(undated(text), [None, Some("2009-01-01".to_string())]);
        let text = "The tremor measured 6.3. It was stronger than the one of 2009, which had a magnitude of 5.9.";
        assert_eq!(undated(text), [None, None], "with no day of its own, the source may be of 2009");
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
        assert!(!rejection.roles.names().any(|r| r == "Judge Doe"), "{:?}", rejection.roles);
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
    fn the_names_pass_notes_the_names_a_reading_of_the_sentences_finds() {
        let rules = Rules::load(None).unwrap();
        let options = crate::document::LoadOptions { language: Some("en".into()), ..Default::default() };
        let run_on = "Jane Roe met the Acme board in Paris, and ".repeat(80);
        let text = format!("Title\n\nJane Roe sued Acme. \"Acme lied,\" said John Doe.\n\n{run_on}left.\n");
        let doc = crate::document::load("t", "t.txt", text.into_bytes(), &rules, &options).unwrap();
        learn_names_for_stories(std::slice::from_ref(&doc), &rules);
        let lang = &rules.langs["en"];
        let mut read = Stated::new(&rules.entities, vec![&lang.claims.not_names], false);
        for s in &doc.sentences {
            read.sentence(&doc.text[s.start..s.end]);
        }
        assert!(doc.sentences.iter().any(|s| s.end - s.start > MAX_SENTENCE));
        assert_eq!(doc.stated_names.get(), Some(&read.names));
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
