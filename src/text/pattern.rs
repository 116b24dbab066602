//! A list of word patterns searched in one pass.
//!
//! Rule files list triggers, cues and epithets as small regexes. They are
//! joined into one case-insensitive alternation, run once over a text; where
//! it finds a match, one anchored pass gives every end of every pattern that
//! matches there, to keep the longest at a word edge and its pattern. Word
//! boundaries are checked by hand: the `regex` crate's Unicode `\b` disables
//! its fast engines on non-ASCII text.
//!
//! The lists a document is read for are searched together by a [`Joint`]:
//! one walk over each sentence, one anchored automaton of all their patterns
//! stepped at each place a match may start, in place of one pass a list.

use std::sync::Arc;

use regex_automata::hybrid::dfa::{Cache, DFA, OverlappingState};
use regex_automata::util::pool::Pool;
use regex_automata::util::start;
use regex_automata::{Anchored, Input, MatchKind, meta};
use toml::Spanned;

use crate::rules::{RuleError, RuleFile};
use crate::text::span::Span;
use crate::text::token::is_alphanumeric;

#[derive(Debug, Clone)]
pub struct PatternSet<T> {
    payloads: Vec<T>,
    sources: Vec<String>,
    /// The most bytes a match can span, when every pattern is bounded: a
    /// match is never looked for past it.
    max_len: Option<usize>,
    /// No pattern looks around (`^`, `$`, `\b`): a match over a stretch of a
    /// text is then a match of that stretch alone.
    lookless: bool,
    /// No pattern matches the empty text.
    nonempty: bool,
    compiled: std::sync::OnceLock<Option<Compiled>>,
}

/// The union, to find candidates; and every pattern anchored at both ends in
/// one automaton, to test one candidate span and tell which pattern matched
/// it (the first in file order: leftmost-first gives earlier patterns
/// priority). Built once, on first use.
#[derive(Debug, Clone)]
struct Compiled {
    any: meta::Regex,
    whole: meta::Regex,
    /// Every pattern, anchored at its start only, for all of its ends in one
    /// pass; built when the set is lookless.
    ends: Option<Ends>,
}

type CacheFn = Box<dyn Fn() -> Cache + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>;

/// A lazy DFA reporting every (end, pattern) of the matches that start at a
/// given place, with a cache for each thread that uses it.
#[derive(Debug)]
struct Ends {
    dfa: Arc<DFA>,
    caches: Pool<Cache, CacheFn>,
    /// Whether a match may start with each byte: false only when the
    /// anchored automaton dies on it.
    first: [bool; 256],
    /// The same for each pair of bytes, one bit a pair, when asked for
    /// ([`Ends::with_pairs`]): false only when the automaton is dead after
    /// both, so that no match, even of one byte, starts with them.
    pairs: Option<Box<[u64; 1024]>>,
}

impl Ends {
    fn build(sources: &[String]) -> Option<Ends> {
        let dfa = DFA::builder()
            .syntax(regex_automata::util::syntax::Config::new().case_insensitive(true))
            .configure(DFA::config().match_kind(MatchKind::All))
            .build_many(sources)
            .ok()?;
        Some(Ends::with(Arc::new(dfa)))
    }

    fn with(dfa: Arc<DFA>) -> Ends {
        let shared = Arc::clone(&dfa);
        let mut first = [true; 256];
        let mut cache = dfa.create_cache();
        if let Some(start) = anchored_start(&dfa, &mut cache) {
            for (byte, may) in (0..=255u8).zip(first.iter_mut()) {
                *may = dfa.next_state(&mut cache, start, byte).is_ok_and(|s| !s.is_dead());
            }
        }
        Ends { dfa, caches: Pool::new(Box::new(move || shared.create_cache())), first, pairs: None }
    }

    /// [`Ends::with`] and its table of pairs of opening bytes; left out if
    /// the automaton gives up on one.
    fn with_pairs(self) -> Ends {
        let mut cache = self.dfa.create_cache();
        let mut pairs = Box::new([0u64; 1024]);
        let mut complete = true;
        if let Some(start) = anchored_start(&self.dfa, &mut cache) {
            for first in (0..=255u8).filter(|&b| self.first[usize::from(b)]) {
                let Ok(after) = self.dfa.next_state(&mut cache, start, first) else {
                    complete = false;
                    break;
                };
                for second in 0..=255u8 {
                    match self.dfa.next_state(&mut cache, after, second) {
                        Ok(state) if state.is_dead() => {}
                        Ok(_) => {
                            let bit = usize::from(first) << 8 | usize::from(second);
                            pairs[bit >> 6] |= 1 << (bit & 63);
                        }
                        Err(_) => complete = false,
                    }
                }
            }
        } else {
            complete = false;
        }
        Ends { pairs: complete.then_some(pairs), ..self }
    }

    /// Whether a match may start at byte `at` of `bytes`, from its first two bytes.
    #[inline(always)]
    fn may_start(&self, bytes: &[u8], at: usize) -> bool {
        let Some(&first) = bytes.get(at) else { return false };
        if !self.first[usize::from(first)] {
            return false;
        }
        match (&self.pairs, bytes.get(at + 1)) {
            (Some(pairs), Some(&second)) => {
                let bit = usize::from(first) << 8 | usize::from(second);
                pairs[bit >> 6] & (1 << (bit & 63)) != 0
            }
            _ => true,
        }
    }

    /// Every (end, pattern) of a match of `text[start..limit]` that starts at
    /// `start`, or `None` when the DFA gives up.
    fn at(&self, text: &str, start: usize, limit: usize, out: &mut Vec<(usize, usize)>) -> Option<()> {
        let mut cache = self.caches.get();
        let input = Input::new(text).range(start..limit).anchored(Anchored::Yes);
        let mut state = OverlappingState::start();
        loop {
            self.dfa.try_search_overlapping_fwd(&mut cache, &input, &mut state).ok()?;
            let Some(found) = state.get_match() else {
                return Some(());
            };
            out.push((found.offset(), found.pattern().as_usize()));
        }
    }

    /// [`Ends::at`] with a cache the caller holds, stepping the automaton
    /// byte by byte: each place costs a few table reads, not a search's
    /// set-up, for the many places a [`Joint`] search tries. The patterns
    /// are lookless (or there is no [`Ends`]), so the start state does not
    /// depend on what comes before `start`.
    fn step_at(
        &self,
        cache: &mut Cache,
        text: &str,
        start: usize,
        limit: usize,
        out: &mut Vec<(usize, usize)>,
    ) -> Option<()> {
        let dfa = &*self.dfa;
        let mut state = anchored_start(dfa, cache)?;
        let mut matches = |cache: &mut Cache, state, end| {
            for i in 0..dfa.match_len(cache, state) {
                out.push((end, dfa.match_pattern(cache, state, i).as_usize()));
            }
        };
        // A match state is entered one byte past the end of its matches.
        for (end, &byte) in (start..).zip(text.as_bytes().get(start..limit)?) {
            state = dfa.next_state(cache, state, byte).ok()?;
            if state.is_tagged() {
                if state.is_match() {
                    matches(cache, state, end);
                } else if state.is_dead() {
                    return Some(());
                } else if state.is_quit() {
                    return None;
                }
            }
        }
        state = dfa.next_eoi_state(cache, state).ok()?;
        if state.is_match() {
            matches(cache, state, limit);
        }
        Some(())
    }
}

/// The state a match anchored where the search starts begins in; with no
/// look-around, the same wherever that is.
fn anchored_start(dfa: &DFA, cache: &mut Cache) -> Option<regex_automata::hybrid::LazyStateID> {
    dfa.start_state(cache, &start::Config::new().anchored(Anchored::Yes)).ok()
}

impl Clone for Ends {
    fn clone(&self) -> Ends {
        Ends::with(Arc::clone(&self.dfa))
    }
}

impl<T> Default for PatternSet<T> {
    fn default() -> Self {
        PatternSet {
            payloads: Vec::new(),
            sources: Vec::new(),
            max_len: Some(0),
            lookless: true,
            nonempty: true,
            compiled: std::sync::OnceLock::new(),
        }
    }
}

/// Something built on first use that can be built ahead, on another core.
pub trait Prepare: Sync {
    fn prepare(&self);
}

impl<T: Clone + Sync + Send> Prepare for PatternSet<T> {
    fn prepare(&self) {
        self.compiled();
    }
}

/// `source` (what `pattern` of `file` became) parsed as a case-insensitive
/// regex, or a bad-regex error at the pattern's place: a check that builds no
/// automaton.
pub fn check_syntax(
    file: &RuleFile,
    pattern: &Spanned<String>,
    source: &str,
) -> Result<regex_syntax::hir::Hir, RuleError> {
    regex_syntax::ParserBuilder::new().case_insensitive(true).build().parse(source).map_err(|e| {
        let message = e.to_string();
        let reason = message.lines().last().unwrap_or_default().trim().to_string();
        file.error_in(pattern, format!("bad regex {:?}: {reason}", pattern.get_ref()))
    })
}

/// Whether a byte offset of `text` is at a word edge.
pub fn at_word_edge(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let edge_before = !(before.is_some_and(is_alphanumeric) && first.is_some_and(is_alphanumeric));
    let edge_after = !(after.is_some_and(is_alphanumeric) && last.is_some_and(is_alphanumeric));
    edge_before && edge_after
}

/// Typographic apostrophes read as straight ones, so that rule files can use `'`.
fn apostrophes(pattern: &str) -> String {
    pattern.replace(['\'', '’'], "['’]")
}

impl<T: Clone> PatternSet<T> {
    /// Compiles `(pattern, payload)` pairs; a bad pattern is an error at its place in `file`.
    pub fn compile(file: &RuleFile, patterns: Vec<(&Spanned<String>, T)>) -> Result<PatternSet<T>, RuleError> {
        let mut set = PatternSet::default();
        for (pattern, payload) in patterns {
            let source = apostrophes(pattern.get_ref());
            if source.trim().is_empty() {
                return Err(file.error_in(pattern, "empty pattern"));
            }
            // Checked by the parser alone: the automata are built once, for the union.
            let hir = check_syntax(file, pattern, &source)?;
            set.max_len = set.max_len.zip(hir.properties().maximum_len()).map(|(a, b)| a.max(b));
            set.lookless &= hir.properties().look_set().is_empty();
            set.nonempty &= hir.properties().minimum_len().is_some_and(|n| n > 0);
            set.payloads.push(payload);
            set.sources.push(format!("(?:{source})"));
        }
        Ok(set)
    }

    /// Joins sets from several files (each already checked).
    pub fn extend(&mut self, other: PatternSet<T>) {
        self.payloads.extend(other.payloads);
        self.sources.extend(other.sources);
        self.max_len = self.max_len.zip(other.max_len).map(|(a, b)| a.max(b));
        self.lookless &= other.lookless;
        self.nonempty &= other.nonempty;
        self.compiled = std::sync::OnceLock::new();
    }

    pub fn is_empty(&self) -> bool {
        self.payloads.is_empty()
    }
}

impl<T: Clone + PartialEq> PatternSet<Vec<T>> {
    /// One pattern for each source, with the payloads of all its copies:
    /// a cue that several frames share ("against") stands for each of them,
    /// where a match would otherwise tell the first one only.
    pub fn merge_same(&mut self) {
        let mut sources: Vec<String> = Vec::with_capacity(self.sources.len());
        let mut payloads: Vec<Vec<T>> = Vec::with_capacity(self.payloads.len());
        for (source, payload) in self.sources.drain(..).zip(self.payloads.drain(..)) {
            match sources.iter().position(|s| *s == source) {
                Some(i) => {
                    for p in payload {
                        if !payloads[i].contains(&p) {
                            payloads[i].push(p);
                        }
                    }
                }
                None => {
                    sources.push(source);
                    payloads.push(payload);
                }
            }
        }
        self.sources = sources;
        self.payloads = payloads;
        self.compiled = std::sync::OnceLock::new();
    }
}

impl<T: Clone> PatternSet<T> {
    fn compiled(&self) -> Option<&Compiled> {
        self.compiled
            .get_or_init(|| {
                if self.sources.is_empty() {
                    return None;
                }
                // Each part was parsed alone at load, so the union parses too.
                let joined = self.sources.join("|");
                let anchored: Vec<String> = self.sources.iter().map(|s| format!("^{s}$")).collect();
                Some(Compiled {
                    any: meta::Regex::builder()
                        .syntax(regex_automata::util::syntax::Config::new().case_insensitive(true))
                        .configure(meta::Config::new().auto_prefilter(false))
                        .build(&joined)
                        .ok()?,
                    whole: meta::Regex::builder()
                        .syntax(regex_automata::util::syntax::Config::new().case_insensitive(true))
                        .build_many(&anchored)
                        .ok()?,
                    ends: self.lookless.then(|| Ends::build(&self.sources)).flatten(),
                })
            })
            .as_ref()
    }

    /// Non-overlapping matches at word edges, leftmost-longest among the patterns.
    pub fn find_all(&self, text: &str) -> Vec<(Span, &T)> {
        self.find_in(text, &[Span::new(0, text.len())]).pop().unwrap_or_default()
    }

    /// [`PatternSet::find_all`] on each of `spans` (sorted, not overlapping)
    /// of `text`, spans relative to their own, in one pass over `text`: one
    /// search a document rather than one a sentence.
    pub fn find_in(&self, text: &str, spans: &[Span]) -> Vec<Vec<(Span, &T)>> {
        let mut out: Vec<Vec<(Span, &T)>> = vec![Vec::new(); spans.len()];
        self.scan(text, spans, |index, found| {
            out[index].push(found);
            true
        });
        out
    }

    /// Whether [`PatternSet::find_all`] finds anything in `text`: the search
    /// stops at the first match.
    pub fn finds_any(&self, text: &str) -> bool {
        let mut any = false;
        self.scan(text, &[Span::new(0, text.len())], |_, _| {
            any = true;
            false
        });
        any
    }

    /// The matches of [`PatternSet::find_in`], in order, each given to
    /// `found` with its span's index, until `found` returns false.
    fn scan<'s>(&'s self, text: &str, spans: &[Span], mut found: impl FnMut(usize, (Span, &'s T)) -> bool) {
        let Some(compiled) = self.compiled() else {
            return;
        };
        let next_char = |at: usize| at + text[at..].chars().next().map_or(1, char::len_utf8);
        let mut at = spans.first().map_or(text.len() + 1, |s| s.start);
        let mut index = 0;
        while at <= text.len() {
            let Some(m) = compiled.any.search(&Input::new(text).range(at..)) else {
                break;
            };
            while index < spans.len() && spans[index].end <= m.start() {
                index += 1;
            }
            let Some(&span) = spans.get(index) else {
                break;
            };
            if m.start() < span.start {
                // Between two spans: look again from the next one.
                at = span.start;
                continue;
            }
            if m.start() == m.end() {
                at = next_char(m.end());
                continue;
            }
            let local = &text[span.start..span.end];
            match self.best_at(compiled, local, m.start() - span.start) {
                Some((span_found, payload)) => {
                    if !found(index, (span_found, payload)) {
                        return;
                    }
                    at = span.start + span_found.end;
                }
                None => at = next_char(m.start()),
            }
        }
    }

    /// The longest pattern that matches at `start` and ends at a word edge.
    fn best_at(&self, compiled: &Compiled, text: &str, start: usize) -> Option<(Span, &T)> {
        let limit = self.max_len.map_or(text.len(), |n| start.saturating_add(n).min(text.len()));
        let mut found = Vec::new();
        if let Some(all) = &compiled.ends
            && all.at(text, start, limit, &mut found).is_some()
        {
            let (end, pattern) = longest_at_edge(text, start, &found)?;
            return Some((Span::new(start, end), self.payloads.get(pattern)?));
        }
        // The longest end that some pattern matches whole, and which pattern.
        word_ends(text, start, limit).into_iter().rev().find_map(|end| {
            let payload = at_word_edge(text, start, end).then(|| self.first_whole(compiled, &text[start..end]))??;
            Some((Span::new(start, end), payload))
        })
    }

    /// The first pattern, in file order, that matches the whole of `text`.
    fn first_whole(&self, compiled: &Compiled, text: &str) -> Option<&T> {
        let found = compiled.whole.search(&Input::new(text).anchored(Anchored::Yes))?;
        self.payloads.get(found.pattern().as_usize())
    }

    /// What a [`Joint`] search needs of the set.
    pub fn shape(&self) -> Shape<'_> {
        Shape { sources: &self.sources, max_len: self.max_len, joinable: self.lookless && self.nonempty }
    }

    /// [`PatternSet::find_in`], from the pattern numbers a [`Joint`] search
    /// found for this set when it has them.
    pub fn find_in_or(
        &self,
        text: &str,
        spans: &[Span],
        joint: Option<Vec<Vec<(Span, usize)>>>,
    ) -> Vec<Vec<(Span, &T)>> {
        match joint {
            Some(found) => found
                .into_iter()
                .map(|matches| {
                    matches.into_iter().filter_map(|(span, p)| Some((span, self.payloads.get(p)?))).collect()
                })
                .collect(),
            None => self.find_in(text, spans),
        }
    }

    /// Whether a match of [`PatternSet::find_all`] starts `text`, found
    /// without searching the rest of it.
    pub fn matches_at_start(&self, text: &str) -> bool {
        self.compiled().is_some_and(|compiled| {
            // Most texts open with a byte no match opens with.
            let opens = match (&compiled.ends, text.as_bytes().first()) {
                (Some(ends), Some(&byte)) => ends.first[usize::from(byte)],
                _ => true,
            };
            opens
                && compiled.any.search(&Input::new(text).anchored(Anchored::Yes)).is_some()
                && self.best_at(compiled, text, 0).is_some()
        })
    }

    /// Whether the whole of `text` matches one of the patterns.
    pub fn matches_whole(&self, text: &str) -> Option<&T> {
        let compiled = self.compiled()?;
        if self.max_len.is_some_and(|n| text.len() > n) {
            return None;
        }
        self.first_whole(compiled, text)
    }
}

/// The patterns of a set, as a [`Joint`] search takes them.
#[derive(Debug, Clone, Copy)]
pub struct Shape<'s> {
    sources: &'s [String],
    max_len: Option<usize>,
    /// Lookless and never empty: a match is then found from its start alone.
    joinable: bool,
}

impl Shape<'_> {
    /// A set with no patterns.
    pub const EMPTY: Shape<'static> = Shape { sources: &[], max_len: Some(0), joinable: true };
}

/// Several pattern sets searched in one walk over a text, where each set
/// alone would take a pass of its own. At each place a match may start, one
/// anchored pass of an automaton holding every set's patterns gives every
/// (end, pattern); each set then keeps what [`PatternSet::find_in`] keeps.
#[derive(Debug)]
pub struct Joint {
    /// Per set, where its patterns stand in the joint automaton; `None` for
    /// a set that looks around or may match empty text, left to search alone.
    parts: Vec<Option<Part>>,
    sources: Vec<String>,
    /// The most bytes a match of any set can span, when all are bounded.
    max_len: Option<usize>,
    ends: std::sync::OnceLock<Option<Ends>>,
}

#[derive(Debug, Clone, Copy)]
struct Part {
    first: usize,
    len: usize,
}

/// What a joint search found for one set: per span, (span, pattern number
/// in the set).
pub type SetMatches = Vec<Vec<(Span, usize)>>;

/// The matches of a joint search, per set; `None` for a set the search left alone.
pub type JointMatches = Vec<Option<SetMatches>>;

impl Joint {
    pub fn new(shapes: &[Shape<'_>]) -> Joint {
        let mut sources = Vec::new();
        let mut parts = Vec::new();
        let mut max_len = Some(0);
        for shape in shapes {
            if !shape.joinable {
                parts.push(None);
                continue;
            }
            parts.push(Some(Part { first: sources.len(), len: shape.sources.len() }));
            sources.extend(shape.sources.iter().cloned());
            max_len = max_len.zip(shape.max_len).map(|(a, b)| a.max(b));
        }
        Joint { parts, sources, max_len, ends: std::sync::OnceLock::new() }
    }

    /// The joint automaton; `None` when there are no patterns or it could not be built.
    fn ends(&self) -> Option<&Ends> {
        self.ends
            .get_or_init(
                || if self.sources.is_empty() { None } else { Ends::build(&self.sources).map(Ends::with_pairs) },
            )
            .as_ref()
    }

    /// What [`PatternSet::find_in`] finds for each set on `spans` of `text`.
    pub fn find_in(&self, text: &str, spans: &[Span]) -> JointMatches {
        let mut out: JointMatches = self.parts.iter().map(|part| part.map(|_| vec![Vec::new(); spans.len()])).collect();
        let Some(ends) = self.ends() else {
            if !self.sources.is_empty() {
                out.iter_mut().for_each(|found| *found = None);
            }
            return out;
        };
        let mut cache = ends.caches.get();
        let mut found = Vec::new();
        // Per set, where its next match may start: past the end of its last one.
        let mut next = vec![0; self.parts.len()];
        for (index, span) in spans.iter().enumerate() {
            let text = &text[span.start..span.end];
            for (next, part) in next.iter_mut().zip(&self.parts) {
                *next = if part.is_some() { 0 } else { usize::MAX };
            }
            let bytes = text.as_bytes();
            let mut prev_alphanumeric = false;
            let mut at = 0;
            while let Some(&byte) = bytes.get(at) {
                let (alphanumeric, width) = match byte.is_ascii() {
                    true => (byte.is_ascii_alphanumeric(), 1),
                    false => text[at..].chars().next().map_or((false, 1), |c| (is_alphanumeric(c), c.len_utf8())),
                };
                // Inside a word no match starts at a word edge; most bytes open no match.
                if !(prev_alphanumeric && alphanumeric) && ends.may_start(bytes, at) && next.iter().any(|&n| n <= at) {
                    found.clear();
                    let limit = self.max_len.map_or(text.len(), |n| at.saturating_add(n).min(text.len()));
                    if ends.step_at(&mut cache, text, at, limit, &mut found).is_none() {
                        // The automaton gave up: every set searches alone.
                        return self.parts.iter().map(|_| None).collect();
                    }
                    found.sort_unstable_by_key(|&(_, p)| p);
                    for ((part, next), sets) in self.parts.iter().zip(next.iter_mut()).zip(out.iter_mut()) {
                        let (Some(part), Some(sets)) = (part, sets) else { continue };
                        if *next > at {
                            continue;
                        }
                        // Sorted by pattern, each set's matches are a run of `found`.
                        let from = found.partition_point(|&(_, p)| p < part.first);
                        let to = found.partition_point(|&(_, p)| p < part.first + part.len);
                        if from == to {
                            continue;
                        }
                        if let Some((end, pattern)) = longest_at_edge(text, at, &found[from..to]) {
                            sets[index].push((Span::new(at, end), pattern - part.first));
                            *next = end;
                        }
                    }
                }
                prev_alphanumeric = alphanumeric;
                at += width;
                if alphanumeric {
                    // The rest of an ASCII word opens no match.
                    while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
                        at += 1;
                    }
                }
            }
        }
        out
    }
}

impl Prepare for Joint {
    fn prepare(&self) {
        self.ends();
    }
}

/// Among the (end, pattern) of the matches that start at `start`, the
/// longest end at a word edge, and its first pattern; the ends looked for
/// stop at the last match.
fn longest_at_edge(text: &str, start: usize, found: &[(usize, usize)]) -> Option<(usize, usize)> {
    let last = found.iter().map(|&(end, _)| end).max()?;
    word_ends(text, start, last).into_iter().rev().find_map(|end| {
        let pattern = found.iter().filter(|&&(e, _)| e == end).map(|&(_, p)| p).min()?;
        at_word_edge(text, start, end).then_some((end, pattern))
    })
}

/// Byte offsets after `start`, and not past `limit`, where a match may end:
/// after a word, or after a punctuation mark, up to twelve of them.
fn word_ends(text: &str, start: usize, limit: usize) -> Vec<usize> {
    let rest = &text[start..];
    let mut ends = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in rest.char_indices() {
        if start + i > limit {
            return ends;
        }
        if let Some(p) = prev {
            let after_word = is_alphanumeric(p) && !is_alphanumeric(c);
            let after_mark = !is_alphanumeric(p) && !p.is_whitespace();
            if after_word || after_mark {
                ends.push(start + i);
                if ends.len() >= 12 {
                    return ends;
                }
            }
        }
        prev = Some(c);
    }
    if prev.is_some_and(|p| !p.is_whitespace()) && text.len() <= limit {
        ends.push(text.len());
    }
    ends
}

#[cfg(test)]
mod tests {
    use crate::lang::Rules;
    use crate::text::span::Span;

    /// Sentence-like spans of `text`: its lines, cut at each period.
    fn spans(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '\n' || c == '.' {
                if i > start {
                    out.push(Span::new(start, i));
                }
                start = i + c.len_utf8();
            }
        }
        if start < text.len() {
            out.push(Span::new(start, text.len()));
        }
        out
    }

    fn set(patterns: &[&str]) -> super::PatternSet<usize> {
        let file = crate::rules::RuleFile { name: "t.toml".into(), origin: "t.toml".into(), text: String::new() };
        let spanned: Vec<toml::Spanned<String>> =
            patterns.iter().map(|p| toml::Spanned::new(0..0, p.to_string())).collect();
        super::PatternSet::compile(&file, spanned.iter().zip(0..).collect()).unwrap()
    }

    #[test]
    fn the_first_pattern_in_file_order_that_matches_the_whole_span_wins() {
        assert_eq!(set(&["a\\w*", "ab"]).matches_whole("AB"), Some(&0));
        assert_eq!(set(&["ab", "a\\w*"]).matches_whole("ab"), Some(&0));
        // A pattern that matches only a prefix of the span does not count.
        assert_eq!(set(&["a", "ab"]).matches_whole("ab"), Some(&1));
        assert_eq!(set(&["a", "ab"]).matches_whole("abc"), None);
        // The longest match at word edges, then its first pattern.
        let suits = set(&["plainte", "plainte en diffamation", "diffamation"]);
        assert_eq!(suits.find_all("Une plainte en diffamation."), vec![(Span::new(4, 26), &1)]);
    }

    /// The set as it reads when some pattern looks around: every end tried
    /// by the anchored whole-match automaton, none from the all-ends one.
    fn looking<T: Clone>(set: &super::PatternSet<T>) -> super::PatternSet<T> {
        let mut copy = set.clone();
        copy.lookless = false;
        copy.compiled = std::sync::OnceLock::new();
        copy
    }

    /// Checks `set` on `spans` of `text`: one pass over the text finds what
    /// each sentence finds alone, and the all-ends automaton picks what
    /// whole matches pick. Returns the number of matches.
    fn one_pass_agrees<T: Clone + PartialEq + std::fmt::Debug>(
        set: &super::PatternSet<T>,
        text: &str,
        spans: &[Span],
    ) -> usize {
        assert!(set.compiled().is_none_or(|c| c.ends.is_some()), "the default rules do not look around");
        let each: Vec<_> = spans.iter().map(|s| set.find_all(&text[s.start..s.end])).collect();
        for (span, found) in spans.iter().zip(&each) {
            assert_eq!(set.finds_any(&text[span.start..span.end]), !found.is_empty());
        }
        assert_eq!(set.find_in(text, spans), each);
        let plain = looking(set);
        assert_eq!(plain.find_in(text, spans), each);
        for (span, found) in spans.iter().zip(&each) {
            let starts = found.first().is_some_and(|(s, _)| s.start == 0);
            assert_eq!(set.matches_at_start(&text[span.start..span.end]), starts);
        }
        each.iter().map(Vec::len).sum()
    }

    #[test]
    fn one_pass_over_a_document_finds_what_each_sentence_finds() {
        let rules = Rules::load(None).unwrap();
        let text = concat!(
            "Elon Musk a porté plainte contre OpenAI. La start-up a riposté par une demande reconventionnelle.\n",
            "Il avait quitté le conseil en 2018 ; selon le Wall Street Journal, une offre de rachat a été rejetée.\n",
            "Puis une plainte en diffamation ; d'après lui, l'entreprise a été rachetée — rachat rejeté.\n",
            "plainte.plainte\n\nThe company sued Acme, which countersued; she resigned and left the board.\n",
            "According to Reuters, the company took them to court."
        );
        let spans = spans(text);
        let mut found = 0;
        for lang in rules.frames.langs.values() {
            for set in [&lang.triggers, &lang.counter, &lang.genitive_agent] {
                found += one_pass_agrees(set, text, &spans);
            }
            found += one_pass_agrees(&lang.target_cues, text, &spans);
        }
        for lang in rules.langs.values() {
            let words = &lang.claims;
            for set in [&words.org_descriptions, &words.person_descriptions, &words.attribution] {
                found += one_pass_agrees(set, text, &spans);
            }
        }
        assert!(found >= 15, "the text exercises the patterns: {found} matches");
    }

    /// The joint search of `sets` on `spans` of `text` finds what each set
    /// finds alone, or leaves the set alone; returns the number of matches.
    fn joint_agrees(sets: &[&super::PatternSet<usize>], text: &str, spans: &[Span]) -> usize {
        let shapes: Vec<super::Shape> = sets.iter().map(|s| s.shape()).collect();
        let found = super::Joint::new(&shapes).find_in(text, spans);
        let mut total = 0;
        for (set, joint) in sets.iter().zip(found) {
            let alone = set.find_in(text, spans);
            assert_eq!(joint.is_some(), set.shape().joinable);
            assert_eq!(set.find_in_or(text, spans, joint), alone, "{:?}", set.sources);
            total += alone.iter().map(Vec::len).sum::<usize>();
        }
        total
    }

    #[test]
    fn a_joint_search_finds_what_each_list_finds_alone() {
        let rules = Rules::load(None).unwrap();
        let text = concat!(
            "Elon Musk, le milliardaire, a porté plainte contre OpenAI. La start-up a riposté.\n",
            "Selon le Wall Street Journal, l'entreprise avait été rachetée ; l'homme d'affaires a quitté le conseil.\n",
            "The company sued Acme, according to Reuters; the billionaire said he left the board in a feud with them.\n",
            "plainte.plainte d'achat — rachats, contre-attaque."
        );
        let spans = spans(text);
        let mut found = 0;
        for (code, lang) in &rules.langs {
            let frame = &rules.frames.langs[code];
            let words = &lang.claims;
            let mut sets = vec![&frame.triggers];
            sets.extend(rules.entities.epithets(code));
            let joint = joint_agrees(&sets, text, &spans);
            // The target cues, whose payloads are lists, searched with the triggers.
            let shapes = [frame.triggers.shape(), frame.target_cues.shape()];
            let cues_joint = super::Joint::new(&shapes).find_in(text, &spans).pop().flatten();
            let cues = frame.target_cues.find_in(text, &spans);
            assert_eq!(frame.target_cues.find_in_or(text, &spans, cues_joint), cues);
            found += cues.iter().map(Vec::len).sum::<usize>();
            let lists = rules.cue_lists[code].find_in(text, &spans);
            assert_eq!(lists.len(), 6);
            assert!(lists.iter().all(Option::is_some), "the default lists are searched together");
            // Sets of other payloads: each alone, and the language's own joint search.
            let alone = [
                words.attribution.find_in(text, &spans),
                words.org_descriptions.find_in(text, &spans),
                words.person_descriptions.find_in(text, &spans),
            ];
            assert_eq!(words.attribution.find_in_or(text, &spans, lists[1].clone()), alone[0]);
            assert_eq!(words.org_descriptions.find_in_or(text, &spans, lists[4].clone()), alone[1]);
            assert_eq!(words.person_descriptions.find_in_or(text, &spans, lists[5].clone()), alone[2]);
            found += joint + alone.iter().flatten().map(Vec::len).sum::<usize>();
        }
        assert!(found >= 15, "the text exercises the patterns: {found} matches");
        // Overlapping patterns across sets, one with no bound; a set that
        // looks around and one that may match empty text are left alone.
        let first = set(&["a", "ab", "a\\w*", "b c"]);
        let second = set(&["ab c d", "c", "-c"]);
        let looks = set(&["\\bab"]);
        let empty = set(&["x?"]);
        for text in ["ab c d e", "abc", "a ab abc", "x ab c", "ab-c", "é ab c", ""] {
            let all = [Span::new(0, text.len())];
            joint_agrees(&[&first, &second, &looks, &empty], text, &all);
            joint_agrees(&[&second, &first], text, &all);
        }
    }

    #[test]
    fn all_ends_pick_what_whole_matches_pick_among_overlapping_patterns() {
        // Overlapping patterns of several lengths, and a pattern with no bound.
        let mixed = set(&["a", "ab", "a\\w*", "b c", "ab c d"]);
        for text in ["ab c d e", "abc", "a ab abc", "x ab c", "ab-c"] {
            let all = [Span::new(0, text.len())];
            let plain = looking(&mixed);
            assert_eq!(mixed.find_in(text, &all), plain.find_in(text, &all), "{text}");
        }
    }
}
