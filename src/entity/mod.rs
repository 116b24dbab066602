//! Entities: who and what a sentence speaks of, under one canonical name.
//!
//! Names come from `rules/entities.toml` (canonical name, aliases, epithets per
//! language) and from the text itself: capitalized sequences, surnames of
//! people named in full anywhere in the corpus, near-spellings, appositions
//! ("Jane Roe, PDG d'Acme" teaches "le PDG d'Acme"), pronouns and
//! definite descriptions ("il", "la start-up"). Nothing here knows a story.
//!
//! Resolution runs in two passes: [`Names::learn`] reads every document for
//! full names and appositions (each document on its own, merged in order),
//! then a [`Resolver`] walks one document in order, so that a pronoun resolves
//! to the most recent compatible mention.
//!
//! A near-spelling is a name with as many words as a known one, one of them
//! within one edit (case aside), and a Jaro-Winkler similarity of at least
//! 0.94: "Zuckerburg" is "Zuckerberg". Names are found through an index of
//! their words with one letter deleted, so the cost does not grow with the
//! square of the corpus.

use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::text::pattern::PatternSet;
use crate::text::span::Span;
use crate::text::token::{Token, TokenKind, tokenize};
use crate::text::words::{ClaimWords, key};

mod gazetteer;
mod near;
mod stated;

pub use gazetteer::{Entity, EntityTest, Gazetteer};
use near::NearIndex;
pub use stated::Stated;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Person,
    Organization,
    Product,
    Place,
    Other,
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    Name,
    Epithet,
    /// "le PDG de Meta", learned from an apposition.
    Role,
    Pronoun,
    Description,
}

/// One mention of an entity in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte span in the text given to the resolver.
    pub span: Span,
    pub name: String,
    pub kind: Kind,
    pub form: Form,
    /// Not governed by a preposition: it may be the subject of its clause.
    pub subject: bool,
}

/// What the corpus teaches about names: full names seen, appositions.
#[derive(Debug, Default, Clone)]
pub struct Names {
    /// Every name seen away from the start of a sentence, with its guessed kind.
    seen: HashMap<String, Kind>,
    /// Last word of a person's full name → full names.
    surnames: HashMap<String, BTreeSet<String>>,
    /// (job title, organization) → person, from appositions.
    roles: HashMap<(String, String), String>,
    /// Person → organization they lead, from appositions.
    org_of: HashMap<String, String>,
    /// The names worth scoring for a near-spelling, built on first use after learning.
    near: OnceLock<NearIndex>,
    /// Initials of the organizations' names → the one name they abbreviate
    /// (`None` when several do), built on first use after learning.
    acronyms: OnceLock<HashMap<String, Option<String>>>,
    /// The gazetteer's surnames are in `surnames`.
    gazetteer_surnames: bool,
}

/// A capitalized run of words in a sentence, before resolution.
#[derive(Debug, Clone)]
struct Candidate<'t> {
    span: Span,
    text: &'t str,
    honorific: bool,
    sentence_start: bool,
    /// In a headline written in title case ("X Successfully Buys Y For $4
    /// Billion"), where capitals do not mark names.
    titled: bool,
}

/// The tokens and name candidates of a document's sentences, packed small,
/// read by the names pass and unpacked by the claims pass rather than read
/// twice. Offsets are relative to their sentence and fit 15 bits (sentences
/// are read in pieces of at most a few thousand bytes).
#[derive(Debug, Default)]
pub struct PackedSentences {
    /// Start and end of each token; the end's top bit marks punctuation.
    tokens: Vec<[u16; 2]>,
    token_ends: Vec<u32>,
    /// Start and end of each candidate, and its flags.
    candidates: Vec<[u16; 3]>,
    candidate_ends: Vec<u32>,
}

const PACKED_PUNCT: u16 = 1 << 15;
const PACKED_HONORIFIC: u16 = 1;
const PACKED_SENTENCE_START: u16 = 2;
const PACKED_TITLED: u16 = 4;

impl PackedSentences {
    /// Adds a sentence's reading; `false` when an offset does not fit.
    fn push(&mut self, tokens: &[Token], found: &[Candidate<'_>]) -> bool {
        let small = |n: usize| u16::try_from(n).ok().filter(|&n| n < PACKED_PUNCT);
        for t in tokens {
            let (Some(start), Some(end)) = (small(t.span.start), small(t.span.end)) else {
                return false;
            };
            self.tokens.push([start, if t.kind == TokenKind::Punct { end | PACKED_PUNCT } else { end }]);
        }
        for c in found {
            let (Some(start), Some(end)) = (small(c.span.start), small(c.span.end)) else {
                return false;
            };
            let flags = u16::from(c.honorific) * PACKED_HONORIFIC
                + u16::from(c.sentence_start) * PACKED_SENTENCE_START
                + u16::from(c.titled) * PACKED_TITLED;
            self.candidates.push([start, end, flags]);
        }
        self.token_ends.push(self.tokens.len() as u32);
        self.candidate_ends.push(self.candidates.len() as u32);
        true
    }

    /// The number of sentences.
    pub fn len(&self) -> usize {
        self.token_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.token_ends.is_empty()
    }

    fn range(ends: &[u32], index: usize) -> std::ops::Range<usize> {
        let start = if index == 0 { 0 } else { ends[index - 1] as usize };
        start..ends[index] as usize
    }

    /// The tokens of sentence `index`.
    pub fn tokens(&self, index: usize) -> Vec<Token> {
        self.tokens[PackedSentences::range(&self.token_ends, index)]
            .iter()
            .map(|&[start, end]| Token {
                span: Span::new(usize::from(start), usize::from(end & !PACKED_PUNCT)),
                kind: if end & PACKED_PUNCT != 0 { TokenKind::Punct } else { TokenKind::Word },
            })
            .collect()
    }

    /// The name candidates of sentence `index`, whose text is `text`.
    fn candidates<'t>(&self, index: usize, text: &'t str) -> Vec<Candidate<'t>> {
        self.candidates[PackedSentences::range(&self.candidate_ends, index)]
            .iter()
            .map(|&[start, end, flags]| {
                let span = Span::new(usize::from(start), usize::from(end));
                Candidate {
                    span,
                    text: &text[span.start..span.end],
                    honorific: flags & PACKED_HONORIFIC != 0,
                    sentence_start: flags & PACKED_SENTENCE_START != 0,
                    titled: flags & PACKED_TITLED != 0,
                }
            })
            .collect()
    }
}

/// Whether a word looks like part of a name: capitalized, or with an inner capital ("eBay").
#[inline]
fn is_namey(word: &str) -> bool {
    // The first byte settles most words of French and English text, and a
    // lowercase ASCII word takes one pass; the others take the full test.
    let bytes = word.as_bytes();
    match bytes.first() {
        None => false,
        Some(b) if b.is_ascii_uppercase() => true,
        Some(b) if b.is_ascii_lowercase() => {
            !bytes.iter().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) && namey_in_full(word)
        }
        Some(b) => !b.is_ascii() && namey_in_full(word),
    }
}

/// [`is_namey`] for any word.
#[inline(never)]
fn namey_in_full(word: &str) -> bool {
    // The same test on ASCII bytes, for most words of French and English text.
    if word.is_ascii() {
        let bytes = word.as_bytes();
        return match bytes.first() {
            Some(b) if b.is_ascii_uppercase() => true,
            Some(b) if b.is_ascii_lowercase() => {
                bytes[1..].iter().any(u8::is_ascii_uppercase) && bytes.iter().all(u8::is_ascii_alphanumeric)
            }
            _ => false,
        };
    }
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if first.is_uppercase() {
        return true;
    }
    first.is_lowercase() && word.chars().skip(1).any(char::is_uppercase) && word.chars().all(|c| c.is_alphanumeric())
}

/// Capitalized runs of words; a run at the start of a sentence (or after an
/// opening quote or colon) is flagged so that callers can doubt it.
fn candidates<'t>(text: &'t str, tokens: &[Token], words: &ClaimWords) -> Vec<Candidate<'t>> {
    let titled = in_title_case(text, tokens, words);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        let word = token.text(text);
        let usable = token.kind == TokenKind::Word
            && is_namey(word)
            && !words.not_names.contains(word)
            && !words.honorifics.contains(word)
            && !word.chars().all(|c| c.is_ascii_digit());
        if !usable {
            i += 1;
            continue;
        }
        let honorific = i >= 1 && {
            let (prev, prev2) = (tokens[i - 1].text(text), if i >= 2 { tokens[i - 2].text(text) } else { "" });
            words.honorifics.contains(prev) || (prev == "." && words.honorifics.contains(prev2))
        };
        let start_index = if honorific && tokens[i - 1].text(text) == "." {
            i - 2
        } else if honorific {
            i - 1
        } else {
            i
        };
        let sentence_start = start_index == 0
            || matches!(tokens[start_index - 1].text(text), "«" | "\"" | "“" | ":" | "—" | "-" | "(" | "." | "?" | "!");
        let mut j = i;
        while j < tokens.len() {
            let t = tokens[j];
            let w = t.text(text);
            // A word that is no name alone may end one: "Scale AI".
            let suffix = j > i && words.org_suffixes.contains(w);
            if t.kind != TokenKind::Word
                || !is_namey(w)
                || (words.not_names.contains(w) && !suffix)
                || words.honorifics.contains(w)
            {
                break;
            }
            // A function word inside a run ("Le" in "Le Monde") only at the start.
            if j > i && words.function_words.contains_key(w) {
                break;
            }
            j += 1;
        }
        // A capitalized word opening a job title is no name: "le Premier
        // ministre Jonas Berg".
        let opens_title = tokens.get(j).is_some_and(|t| {
            let w = t.text(text);
            t.kind == TokenKind::Word
                && w.starts_with(char::is_lowercase)
                && words.role_nouns.matches_whole(w).is_some()
        });
        if opens_title {
            i = j;
            continue;
        }
        // Leading function words ("Le", "Selon") are not part of the name.
        let mut first = i;
        while first < j && words.function_words.contains_key(tokens[first].text(text)) {
            first += 1;
        }
        if first < j {
            let span = Span::new(tokens[first].span.start, tokens[j - 1].span.end);
            out.push(Candidate {
                span,
                text: &text[span.start..span.end],
                honorific,
                sentence_start: sentence_start && first == i,
                titled,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// Whether a sentence is a headline in title case: at least three
/// capitalized words after its first, and no other word but function words
/// ("Elon Musk Successfully Purchases Twitter for $44 Billion").
fn in_title_case(text: &str, tokens: &[Token], words: &ClaimWords) -> bool {
    let mut capitalized = 0;
    for t in tokens.iter().skip(1).filter(|t| t.kind == TokenKind::Word) {
        let word = t.text(text);
        match word.chars().next() {
            Some(c) if c.is_uppercase() => capitalized += 1,
            Some(c) if c.is_lowercase() && !words.function_words.contains_key(word) => return false,
            _ => {}
        }
    }
    capitalized >= 3
}

/// "FTC", "ONU": two to six capital letters.
fn is_acronym(text: &str) -> bool {
    (2..=6).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// The capitals a name is abbreviated to: "Federal Trade Commission" →
/// "FTC", "Organisation des Nations unies" → "ONU"; `None` for a name of
/// fewer than two words that count.
fn initials(name: &str, words: &ClaimWords) -> Option<String> {
    let letters: String = name
        .split([' ', '-'])
        .filter(|w| !w.is_empty() && !words.function_words.contains_key(w))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    (letters.chars().count() >= 2).then_some(letters)
}

/// A company's name without its legal form: "Kroger Co" → "Kroger"; `None`
/// when the name has none, or is nothing else.
fn without_legal_form<'t>(name: &'t str, words: &ClaimWords) -> Option<&'t str> {
    let (rest, last) = name.rsplit_once(' ')?;
    let rest = rest.trim_end_matches([',', ' ']);
    (words.legal_forms.contains(last) && !rest.is_empty()).then_some(rest)
}

/// What a walk over a document found of the cue lists that name entities
/// (`None`: not searched, to be searched alone).
#[derive(Debug, Default)]
pub struct FoundDescriptions {
    pub epithets: Option<crate::text::pattern::SetMatches>,
    pub org_descriptions: Option<crate::text::pattern::SetMatches>,
    pub person_descriptions: Option<crate::text::pattern::SetMatches>,
}

/// A guess at what an unknown name is.
fn guess_kind(name: &str, honorific: bool, words: &ClaimWords) -> Kind {
    if honorific {
        return Kind::Person;
    }
    let parts: Vec<&str> = name.split_whitespace().collect();
    if parts.last().is_some_and(|w| words.org_suffixes.contains(*w))
        || parts.len() >= 2 && parts.first().is_some_and(|w| words.org_prefixes.contains(*w))
    {
        return Kind::Organization;
    }
    let titlecase = |w: &&str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.all(|c| c.is_lowercase() || c == '-' || c == '\'')
    };
    if (2..=3).contains(&parts.len()) && parts.iter().all(titlecase) { Kind::Person } else { Kind::Organization }
}

fn is_person_like(kind: Kind) -> bool {
    kind == Kind::Person
}

fn is_org_like(kind: Kind) -> bool {
    matches!(kind, Kind::Organization | Kind::Other)
}

impl Names {
    /// Reads one sentence for names and appositions. Call for every sentence
    /// of the corpus before resolving any.
    pub fn learn(&mut self, text: &str, gazetteer: &Gazetteer, words: &ClaimWords) {
        self.learn_packing(text, &tokenize(text), gazetteer, words, &mut None);
    }

    /// [`Names::learn`] with the sentence's tokens already read, and the
    /// sentence as read (tokens and candidates) added to `packed`, when the
    /// claims pass is to read it again.
    pub fn learn_packing(
        &mut self,
        text: &str,
        tokens: &[Token],
        gazetteer: &Gazetteer,
        words: &ClaimWords,
        packed: &mut Option<PackedSentences>,
    ) {
        let found = candidates(text, tokens, words);
        if let Some(p) = packed
            && !p.push(tokens, &found)
        {
            *packed = None;
        }
        self.near = OnceLock::new();
        self.acronyms = OnceLock::new();
        let mut named: Vec<(Span, String, Kind)> = Vec::new();
        for c in &found {
            let base = without_legal_form(c.text, words);
            let known = gazetteer.lookup(base.unwrap_or(c.text));
            let (name, kind) = match (known, base) {
                (Some(e), _) => (e.name.clone(), e.kind),
                (None, Some(base)) => (base.to_string(), Kind::Organization),
                (None, None) => (c.text.to_string(), guess_kind(c.text, c.honorific, words)),
            };
            // Names repeat: copied into the maps only the first time. A
            // company's legal form marks a name even at a sentence's start.
            if (!c.sentence_start && !c.titled) || known.is_some() || base.is_some() {
                if !self.seen.contains_key(&name) {
                    self.seen.insert(name.clone(), kind);
                }
                if kind == Kind::Person && name.contains(' ') {
                    let last = name.split_whitespace().last().unwrap_or_default();
                    if !self.surnames.get(last).is_some_and(|full| full.contains(&name)) {
                        self.surnames.entry(last.to_string()).or_default().insert(name.clone());
                    }
                }
            }
            named.push((c.span, name, kind));
        }
        self.add_gazetteer_surnames(gazetteer);
        self.learn_appositions(text, &named, words);
    }

    /// These names and what the rule files alone teach: the surnames of their people.
    pub fn with_gazetteer(mut self, gazetteer: &Gazetteer) -> Names {
        self.add_gazetteer_surnames(gazetteer);
        self
    }

    fn add_gazetteer_surnames(&mut self, gazetteer: &Gazetteer) {
        if std::mem::replace(&mut self.gazetteer_surnames, true) {
            return;
        }
        for entity in &gazetteer.entities {
            if entity.kind == Kind::Person && entity.name.contains(' ') {
                let last = entity.name.split_whitespace().last().unwrap_or_default();
                if !self.surnames.get(last).is_some_and(|s| s.contains(&entity.name)) {
                    self.surnames.entry(last.to_string()).or_default().insert(entity.name.clone());
                }
            }
        }
    }

    /// Builds the index of near-spellings now, on every core, rather than on
    /// the first lookup, when the other threads would wait for it.
    pub fn index_near_spellings(&self, gazetteer: &Gazetteer) {
        self.near.get_or_init(|| NearIndex::build(gazetteer, &self.seen));
    }

    /// Adds what `later` learned; what this one learned first wins.
    pub fn merge(&mut self, later: Names) {
        self.near = OnceLock::new();
        self.acronyms = OnceLock::new();
        self.gazetteer_surnames |= later.gazetteer_surnames;
        for (name, kind) in later.seen {
            self.seen.entry(name).or_insert(kind);
        }
        for (surname, full) in later.surnames {
            self.surnames.entry(surname).or_default().extend(full);
        }
        for (role, person) in later.roles {
            self.roles.entry(role).or_insert(person);
        }
        for (person, org) in later.org_of {
            self.org_of.entry(person).or_insert(org);
        }
    }

    /// "P, PDG de O" and "le PDG de O, P": P is O's PDG.
    fn learn_appositions(&mut self, text: &str, named: &[(Span, String, Kind)], words: &ClaimWords) {
        for (i, (p_span, person, kind)) in named.iter().enumerate() {
            if *kind != Kind::Person {
                continue;
            }
            // P, [le] ROLE de O
            if let Some((o_span, org, o_kind)) = named.get(i + 1)
                && is_org_like(*o_kind)
                && let Some(role) = role_between(&text[p_span.end..o_span.start], words, true)
            {
                self.remember(role, org, person);
                continue;
            }
            // [le] ROLE de O, P
            if i >= 1
                && let (o_span, org, o_kind) = &named[i - 1]
                && is_org_like(*o_kind)
                && text[o_span.end..p_span.start].trim() == ","
            {
                let before = &text[..o_span.start];
                if let Some((role, _)) = role_before(before, words) {
                    self.remember(role, org, person);
                }
            }
        }
    }

    fn remember(&mut self, role: String, org: &str, person: &str) {
        self.roles.entry((role, org.to_string())).or_insert_with(|| person.to_string());
        self.org_of.entry(person.to_string()).or_insert_with(|| org.to_string());
    }

    /// The organizations' names by their initials, built once.
    fn acronyms(&self, gazetteer: &Gazetteer, words: &ClaimWords) -> &HashMap<String, Option<String>> {
        self.acronyms.get_or_init(|| {
            let mut by_initials: HashMap<String, Option<String>> = HashMap::default();
            let names =
                gazetteer.entities.iter().map(|e| (&e.name, e.kind)).chain(self.seen.iter().map(|(n, k)| (n, *k)));
            for (name, kind) in names {
                // A name of three words may be guessed a person's: "Federal Trade Commission".
                let Some(letters) = initials(name, words) else { continue };
                if !(is_org_like(kind) || letters.chars().count() >= 3) {
                    continue;
                }
                by_initials
                    .entry(letters)
                    .and_modify(|known| {
                        if known.as_ref() != Some(name) {
                            *known = None;
                        }
                    })
                    .or_insert_with(|| Some(name.clone()));
            }
            by_initials
        })
    }

    /// The canonical name and kind of a capitalized run.
    fn resolve_name(&self, text: &str, honorific: bool, gazetteer: &Gazetteer, words: &ClaimWords) -> (String, Kind) {
        if let Some(base) = without_legal_form(text, words) {
            let (name, kind) = self.resolve_name(base, false, gazetteer, words);
            return (name, if kind == Kind::Person { Kind::Organization } else { kind });
        }
        if let Some(e) = gazetteer.lookup(text) {
            return (e.name.clone(), e.kind);
        }
        if !text.contains(' ')
            && let Some(full) = self.surnames.get(text)
            && full.len() == 1
        {
            let name = full.iter().next().cloned().unwrap_or_default();
            let kind = gazetteer.lookup(&name).map_or(Kind::Person, |e| e.kind);
            return (name, kind);
        }
        if is_acronym(text)
            && let Some(Some(full)) = self.acronyms(gazetteer, words).get(text)
        {
            let kind = gazetteer.lookup(full).map_or(Kind::Organization, |e| e.kind);
            return (full.clone(), kind);
        }
        if text.chars().count() >= 5 {
            let near = self.near.get_or_init(|| NearIndex::build(gazetteer, &self.seen));
            if let Some(index) = near.resolve(text) {
                let (name, kind) = &near.names[index];
                return (name.clone(), *kind);
            }
        }
        let kind = self.seen.get(text).copied().unwrap_or_else(|| guess_kind(text, honorific, words));
        (text.to_string(), kind)
    }
}

/// `text` is ", [le] ROLE de " between a person and an organization: the role.
fn role_between(text: &str, words: &ClaimWords, comma_first: bool) -> Option<String> {
    let mut rest = text.trim();
    if comma_first {
        rest = rest.strip_prefix(',')?.trim();
    }
    let rest = strip_article(rest, &words.role_articles);
    let body = strip_link(rest.trim_end(), &words.role_links)?;
    let role = body.trim();
    words.role_nouns.matches_whole(role).map(|_| key(role).into_owned())
}

/// The role just before an organization: "... le PDG de " → "pdg", and
/// the byte where it starts in `text`.
fn role_before(text: &str, words: &ClaimWords) -> Option<(String, usize)> {
    let body = strip_link(text.trim_end(), &words.role_links)?;
    let body = body.trim_end();
    // Try the last one to four words as a role: their starts, read backwards.
    let mut word_starts = Vec::with_capacity(4);
    let mut after: Option<(usize, char)> = None;
    for (i, c) in body.char_indices().rev() {
        if let Some((next, d)) = after
            && c.is_whitespace()
            && !d.is_whitespace()
        {
            word_starts.push(next);
            if word_starts.len() == 4 {
                break;
            }
        }
        after = Some((i, c));
    }
    if word_starts.len() < 4
        && let Some((0, first)) = after
        && !first.is_whitespace()
    {
        word_starts.push(0);
    }
    for &start in &word_starts {
        let role = &body[start..];
        if words.role_nouns.matches_whole(role).is_some() {
            return Some((key(role).into_owned(), start));
        }
    }
    None
}

/// `text` without the last `suffix.chars().count()` chars when their key is `suffix`.
fn strip_key_suffix<'t>(text: &'t str, suffix: &str) -> Option<&'t str> {
    let start = text.char_indices().rev().nth(suffix.chars().count().checked_sub(1)?)?.0;
    (key(&text[start..]) == suffix).then(|| &text[..start])
}

/// `text` without the role link that ends it ("de", "d'", "of"), a whole
/// word (or glued, for a link ending with an apostrophe): "le PDG de" → "le PDG ".
fn strip_link<'t>(text: &'t str, links: &[String]) -> Option<&'t str> {
    links.iter().find_map(|link| {
        let body = strip_key_suffix(text, link)?;
        // A whole word: "de", not the end of "commande".
        let word = link.ends_with('\'') || body.is_empty() || body.ends_with(|c: char| !c.is_alphanumeric());
        word.then_some(body)
    })
}

/// `text` without the article that opens it ("le ", "l'", "the ").
fn strip_article<'t>(text: &'t str, articles: &[String]) -> &'t str {
    for article in articles {
        let count = article.chars().count();
        let end = text.char_indices().nth(count).map_or(text.len(), |(i, _)| i);
        if key(&text[..end]) != article.as_str() {
            continue;
        }
        if article.ends_with('\'') {
            return &text[end..];
        }
        if let Some(rest) = text[end..].strip_prefix(' ') {
            return rest;
        }
    }
    text
}

/// A text's canonical name and kind, without and with an honorific before it.
type Resolved = [Option<(String, Kind)>; 2];

/// Walks one document in order and resolves each sentence's mentions.
pub struct Resolver<'a> {
    gazetteer: &'a Gazetteer,
    names: &'a Names,
    words: &'a ClaimWords,
    epithets: Option<&'a PatternSet<usize>>,
    /// The document's most mentioned organization, for bare descriptions.
    main_org: Option<String>,
    last_person: Option<String>,
    /// The person last named as a sentence's subject: a pronoun that opens
    /// the next sentence as its subject is that person ("Musk, who founded
    /// Acme with Roe, left. He sued …").
    subject_person: Option<String>,
    last_org: Option<String>,
    last_any: Option<(String, Kind)>,
    /// Names already resolved in this document: resolution is pure, and names repeat.
    memo: std::cell::RefCell<HashMap<String, Resolved>>,
}

impl<'a> Resolver<'a> {
    pub fn new(lang: &str, gazetteer: &'a Gazetteer, names: &'a Names, words: &'a ClaimWords) -> Resolver<'a> {
        Resolver {
            gazetteer,
            names,
            words,
            epithets: gazetteer.epithets.get(lang),
            main_org: None,
            last_person: None,
            subject_person: None,
            last_org: None,
            last_any: None,
            memo: std::cell::RefCell::default(),
        }
    }

    /// [`Names::resolve_name`], remembered.
    fn resolve(&self, text: &str, honorific: bool) -> (String, Kind) {
        if let Some(Some(known)) = self.memo.borrow().get(text).map(|m| &m[usize::from(honorific)]) {
            return known.clone();
        }
        let resolved = self.names.resolve_name(text, honorific, self.gazetteer, self.words);
        self.memo.borrow_mut().entry(text.to_string()).or_default()[usize::from(honorific)] = Some(resolved.clone());
        resolved
    }

    /// Counts the organizations named in the document's sentences to find the main one.
    pub fn set_main_org(&mut self, cues: &DocumentCues<'_, '_>) {
        let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for (order, found) in cues.candidates.iter().enumerate() {
            for c in found {
                let (name, kind) = self.resolve(c.text, c.honorific);
                if kind == Kind::Organization {
                    let entry = counts.entry(name).or_insert((0, order));
                    entry.0 += 1;
                }
            }
        }
        self.main_org =
            counts.into_iter().max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1))).map(|(name, _)| name);
    }

    /// A new paragraph: descriptions no longer see the last one's organizations.
    pub fn new_paragraph(&mut self) {
        self.last_org = None;
    }

    /// The name candidates of each of `sentences` of `text`, and their
    /// epithets and descriptions found in one pass over the text, for
    /// [`Resolver::set_main_org`] and [`Resolver::sentence_with`].
    /// `packed`, when given, holds the candidates already found; `found`, the
    /// epithets, organization and person descriptions a joint search found
    /// (each `None` is searched here).
    pub fn cues<'t>(
        &self,
        text: &'t str,
        sentences: &[Span],
        tokens: &[Vec<Token>],
        packed: Option<&PackedSentences>,
        found: FoundDescriptions,
    ) -> DocumentCues<'a, 't> {
        let FoundDescriptions { epithets, org_descriptions, person_descriptions } = found;
        DocumentCues {
            candidates: sentences
                .iter()
                .zip(tokens)
                .enumerate()
                .map(|(i, (s, tokens))| match packed {
                    Some(packed) => packed.candidates(i, &text[s.start..s.end]),
                    None => candidates(&text[s.start..s.end], tokens, self.words),
                })
                .collect(),
            epithets: self
                .epithets
                .map_or_else(|| vec![Vec::new(); sentences.len()], |e| e.find_in_or(text, sentences, epithets)),
            org_descriptions: self.words.org_descriptions.find_in_or(text, sentences, org_descriptions),
            person_descriptions: self.words.person_descriptions.find_in_or(text, sentences, person_descriptions),
        }
    }

    /// Mentions of `text` (one sentence), in order, spans relative to `text`.
    pub fn sentence(&mut self, text: &str, tokens: &[Token]) -> Vec<Mention> {
        let span = [Span::new(0, text.len())];
        let cues = self.cues(text, &span, &[tokens.to_vec()], None, FoundDescriptions::default());
        let classes = self.words.clause_classes(text, tokens);
        self.sentence_with(text, tokens, &classes, &cues, 0)
    }

    /// [`Resolver::sentence`] for sentence number `sentence` of a document
    /// whose cues are known; `classes` are the [`ClaimWords::clause_classes`] of `tokens`.
    pub fn sentence_with(
        &mut self,
        text: &str,
        tokens: &[Token],
        classes: &[u8],
        cues: &DocumentCues<'_, '_>,
        sentence: usize,
    ) -> Vec<Mention> {
        let mut raw = self.raw_mentions(tokens, classes, cues, sentence);
        raw.sort_by_key(|(s, _)| *s);
        drop_descriptions_of_names(text, &mut raw);
        let mut mentions: Vec<Mention> = Vec::with_capacity(raw.len());
        for (index, (span, _)) in raw.iter().enumerate() {
            let Some((name, kind, form)) = self.resolve_mention(text, tokens, &raw, index, &mentions) else {
                continue;
            };
            if is_person_like(kind) {
                self.last_person = Some(name.clone());
            } else if is_org_like(kind) {
                self.last_org = Some(name.clone());
            }
            self.last_any = Some((name.clone(), kind));
            let subject = !self.governed(text, tokens, *span);
            mentions.push(Mention { span: *span, name, kind, form, subject });
        }
        self.add_roles(text, &mut mentions);
        mentions.sort_by_key(|m| m.span);
        if let Some(m) = mentions.iter().find(|m| m.subject && is_person_like(m.kind)) {
            self.subject_person = Some(m.name.clone());
        }
        mentions
    }

    /// What may be a mention in one sentence, unsorted: epithets, names,
    /// descriptions and pronouns, each kept only where no earlier kind is.
    fn raw_mentions<'t>(
        &self,
        tokens: &[Token],
        classes: &[u8],
        cues: &DocumentCues<'_, 't>,
        sentence: usize,
    ) -> Vec<(Span, RawMention<'t>)> {
        let mut raw: Vec<(Span, RawMention)> = Vec::new();
        for &(span, &entity) in &cues.epithets[sentence] {
            raw.push((span, RawMention::Known(entity)));
        }
        for c in &cues.candidates[sentence] {
            if raw.iter().any(|(s, _)| overlaps(*s, c.span)) {
                continue;
            }
            if c.titled {
                raw.extend(self.known_parts(c).into_iter().map(|(span, part)| (span, RawMention::Name(part, false))));
                continue;
            }
            let known = self.gazetteer.lookup(c.text).is_some() || self.names.seen.contains_key(c.text);
            if c.sentence_start && !known && !c.text.contains(' ') {
                let (name, _) = self.resolve(c.text, c.honorific);
                if name == c.text {
                    continue;
                }
            }
            raw.push((c.span, RawMention::Name(c.text, c.honorific)));
        }
        for &(span, ()) in &cues.org_descriptions[sentence] {
            if !raw.iter().any(|(s, _)| overlaps(*s, span)) {
                raw.push((span, RawMention::OrgDescription));
            }
        }
        for &(span, ()) in &cues.person_descriptions[sentence] {
            if !raw.iter().any(|(s, _)| overlaps(*s, span)) {
                raw.push((span, RawMention::PersonDescription));
            }
        }
        for (token, &class) in tokens.iter().zip(classes) {
            let pronoun = if class & ClaimWords::PERSON_PRONOUN != 0 {
                RawMention::PersonPronoun
            } else if class & ClaimWords::ORG_PRONOUN != 0 {
                RawMention::OrgPronoun
            } else {
                continue;
            };
            if !raw.iter().any(|(s, _)| overlaps(*s, token.span)) {
                raw.push((token.span, pronoun));
            }
        }
        raw
    }

    /// The names a run of capitals in a title-case headline holds: its
    /// longest pieces the corpus or the rule files know as names, or that
    /// resolve to one ("Musk"); its other words are no names.
    fn known_parts<'t>(&self, c: &Candidate<'t>) -> Vec<(Span, &'t str)> {
        let words: Vec<(usize, &'t str)> = c
            .text
            .split(' ')
            .scan(0, |at, w| {
                let start = *at;
                *at += w.len() + 1;
                Some((start, w))
            })
            .filter(|(_, w)| !w.is_empty())
            .collect();
        let mut parts = Vec::new();
        let mut k = 0;
        while k < words.len() {
            let found = (k + 1..=words.len()).rev().find_map(|j| {
                let (start, last) = (words[k].0, words[j - 1]);
                let part = &c.text[start..last.0 + last.1.len()];
                let known = self.gazetteer.lookup(part).is_some()
                    || self.names.seen.contains_key(part)
                    || (j == k + 1 && self.resolve(part, false).0 != part);
                known.then_some((j, Span::new(c.span.start + start, c.span.start + start + part.len()), part))
            });
            match found {
                Some((j, span, part)) => {
                    parts.push((span, part));
                    k = j;
                }
                None => k += 1,
            }
        }
        parts
    }

    /// The name, kind and form mention `index` of `raw` stands for, given the
    /// `mentions` of the sentence before it; `None` when nothing before says.
    fn resolve_mention(
        &self,
        text: &str,
        tokens: &[Token],
        raw: &[(Span, RawMention)],
        index: usize,
        mentions: &[Mention],
    ) -> Option<(String, Kind, Form)> {
        let (span, mention) = &raw[index];
        match mention {
            RawMention::Known(i) => {
                let e = &self.gazetteer.entities[*i];
                Some((e.name.clone(), e.kind, Form::Epithet))
            }
            RawMention::Name(name, honorific) => {
                let (name, kind) = self.resolve(name, *honorific);
                Some((name, kind, Form::Name))
            }
            RawMention::PersonPronoun => {
                let opens_as_subject =
                    !mentions.iter().any(|m| is_person_like(m.kind)) && !self.governed(text, tokens, *span);
                let person = if opens_as_subject { self.subject_person.as_ref() } else { None };
                person.or(self.last_person.as_ref()).map(|n| (n.clone(), Kind::Person, Form::Pronoun))
            }
            RawMention::OrgPronoun => self.last_org.clone().map(|n| (n, Kind::Organization, Form::Pronoun)),
            RawMention::PersonDescription => self.last_person.clone().map(|n| (n, Kind::Person, Form::Description)),
            RawMention::OrgDescription => {
                self.described_org(text, raw, index).map(|n| (n, Kind::Organization, Form::Description))
            }
        }
    }

    /// The organization a description (raw mention `index`) stands for.
    fn described_org(&self, text: &str, raw: &[(Span, RawMention)], index: usize) -> Option<String> {
        let span = raw[index].0;
        // "le groupe de Jane Roe": the organization that person leads.
        let owner = raw.get(index + 1).and_then(|(next, m)| {
            let between = key(text[span.end..next.start].trim());
            let is_of = self.words.role_links.iter().any(|link| *link == between);
            match m {
                RawMention::Name(n, h) if is_of => {
                    let (person, kind) = self.resolve(n, *h);
                    (kind == Kind::Person).then(|| self.names.org_of.get(&person).cloned()).flatten()
                }
                _ => None,
            }
        });
        let possessive = self.possessive_before(text, span);
        owner
            .or_else(|| {
                possessive.then(|| self.last_person.as_ref().and_then(|p| self.names.org_of.get(p).cloned()))?
            })
            // "la start-up" is the organization the document is about,
            // unless it has none: then the last one named.
            .or_else(|| self.main_org.clone())
            .or_else(|| self.last_org.clone())
    }

    /// "le PDG de Meta" → the person an apposition named Meta's PDG.
    fn add_roles(&mut self, text: &str, mentions: &mut Vec<Mention>) {
        let mut added = Vec::new();
        for m in mentions.iter() {
            if !is_org_like(m.kind) {
                continue;
            }
            let before = &text[..m.span.start];
            let Some((role, role_start)) = role_before(before, self.words) else {
                continue;
            };
            let Some(person) = self.names.roles.get(&(role, m.name.clone())) else {
                continue;
            };
            // The role phrase starts at its article, if any.
            let mut start = role_start;
            let head = before[..role_start].trim_end();
            for article in &self.words.role_articles {
                // The article is a word of its own, after another word.
                if let Some(body) = strip_key_suffix(head, article)
                    && body.ends_with(|c: char| !c.is_alphanumeric())
                {
                    start = body.len();
                    break;
                }
            }
            let span = Span::new(start, m.span.end);
            let subject = !before[..start].trim_end().rsplit(char::is_whitespace).next().is_some_and(|w| {
                let w = key(w);
                self.words.prepositions.contains(&w) || w.ends_with('\'') && self.words.prepositions.contains(&w)
            });
            added.push(Mention { span, name: person.clone(), kind: Kind::Person, form: Form::Role, subject });
        }
        // A role phrase covers its organization only as a modifier: keep both,
        // the organization is governed by "de".
        mentions.extend(added);
    }

    /// Whether the word before `span` is a possessive ("son entreprise").
    fn possessive_before(&self, text: &str, span: Span) -> bool {
        let before = text[..span.start].trim_end();
        let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
        self.words.possessives.contains_key(word)
    }

    /// Whether a preposition governs the mention at `span`.
    fn governed(&self, text: &str, tokens: &[Token], span: Span) -> bool {
        // Tokens are in text order: the first at or after the span, by halves.
        let pos = tokens.partition_point(|t| t.span.start < span.start);
        if pos == tokens.len() {
            return false;
        }
        // A mention that opens with an article ("la start-up") holds it in
        // its span: the word before the span is the one to look at.
        if pos == 0 {
            return false;
        }
        let word = tokens[pos - 1].text(text);
        if self.words.prepositions.contains_key(word) {
            return true;
        }
        // "sur d'éventuelles discussions" or "au PDG d'Acme"
        pos >= 2 && word.ends_with(['\'', '’']) && self.words.prepositions.contains_key(tokens[pos - 2].text(text))
    }

    pub fn last_person(&self) -> Option<&str> {
        self.last_person.as_deref()
    }

    pub fn last_any(&self) -> Option<&str> {
        self.last_any.as_ref().map(|(n, _)| n.as_str())
    }

    pub fn org_of(&self, person: &str) -> Option<&str> {
        self.names.org_of.get(person).map(String::as_str)
    }
}

/// Name candidates, epithets and descriptions of each sentence of a document,
/// spans relative to the sentence.
pub struct DocumentCues<'a, 't> {
    candidates: Vec<Vec<Candidate<'t>>>,
    epithets: Vec<Vec<(Span, &'a usize)>>,
    org_descriptions: Vec<Vec<(Span, &'a ())>>,
    person_descriptions: Vec<Vec<(Span, &'a ())>>,
}

enum RawMention<'t> {
    Known(usize),
    Name(&'t str, bool),
    PersonPronoun,
    OrgPronoun,
    PersonDescription,
    OrgDescription,
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// "la start-up Acme": a description right before a name is that name, not
/// a mention of its own. `raw` is sorted.
fn drop_descriptions_of_names(text: &str, raw: &mut Vec<(Span, RawMention)>) {
    let named_next = |i: usize| {
        raw.get(i + 1).is_some_and(|(next, m)| {
            matches!(m, RawMention::Name(..) | RawMention::Known(_))
                && text[raw[i].0.end..next.start].trim_matches([' ', ',']).is_empty()
        })
    };
    let keep: Vec<bool> = (0..raw.len())
        .map(|i| !matches!(raw[i].1, RawMention::OrgDescription | RawMention::PersonDescription) || !named_next(i))
        .collect();
    let mut index = 0;
    raw.retain(|_| {
        index += 1;
        keep[index - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::near::{NEAR_SCORE, NearKey, bins_may_be_near, chars_may_be_near};
    use super::*;
    use crate::lang::Rules;

    /// The names of the mentions in `text`, after learning from `learned`.
    fn mentions_after(rules: &Rules, lang: &str, learned: &str, text: &str) -> Vec<String> {
        let words = &rules.langs[lang].claims;
        let mut names = Names::default();
        names.learn(learned, &rules.entities, words);
        let mut resolver = Resolver::new(lang, &rules.entities, &names, words);
        resolver.sentence(text, &tokenize(text)).into_iter().map(|m| m.name).collect()
    }

    fn names_in(rules: &Rules, lang: &str, text: &str) -> Vec<String> {
        mentions_after(rules, lang, text, text)
    }

    #[test]
    fn every_entities_test_passes() {
        let rules = Rules::load(None).unwrap();
        for test in &rules.entities.tests {
            assert_eq!(names_in(&rules, &test.lang, &test.text), test.mentions, "{}: {}", test.origin, test.text);
        }
    }

    #[test]
    fn surname_and_honorific_resolve_to_the_full_name() {
        let rules = Rules::load(None).unwrap();
        let found =
            mentions_after(&rules, "fr", "Le fonds de Joe Lonsdale a investi.", "Selon M. Lonsdale, rien n'est fait.");
        assert_eq!(found, ["Joe Lonsdale"]);
    }

    #[test]
    fn near_spelling_resolves() {
        let rules = Rules::load(None).unwrap();
        let learned = "The board met Jonathan Lindqvist on Monday.";
        let found = mentions_after(&rules, "en", learned, "Later, Jonathan Lindquist declined.");
        assert_eq!(found, ["Jonathan Lindqvist"]);
    }

    /// What the index finds for every known name when it is built is what a
    /// search by the name's own keys finds: the same name, or none.
    #[test]
    fn near_names_found_at_build_are_those_a_search_finds() {
        let rules = Rules::load(None).unwrap();
        let mut seen: HashMap<String, Kind> = HashMap::default();
        let bases = ["Jonathan Lindqvist", "Élodie Müller", "Koutrex Sapai", "Sam Altman", "Nulux Holdings"];
        for base in bases {
            let chars: Vec<char> = base.chars().collect();
            seen.insert(base.to_string(), Kind::Person);
            for i in 0..chars.len() {
                let mut deleted = chars.clone();
                deleted.remove(i);
                seen.insert(deleted.iter().collect(), Kind::Person);
                for c in ['e', 'ü', 'q', 'a', 'z', 'o'] {
                    let mut changed = chars.clone();
                    changed[i] = c;
                    seen.insert(changed.iter().collect(), Kind::Organization);
                }
            }
        }
        let index = NearIndex::build(&rules.entities, &seen);
        let mut found = 0;
        for (name, _) in &index.names {
            let own = index.position[name];
            let at_build = index.nearest[own].map(|i| i as usize);
            assert_eq!(at_build, index.search(name, Some(own)), "{name}");
            found += usize::from(at_build.is_some());
        }
        // Most variants are near a name listed before them; the first listed is near none before it.
        assert!(found > index.names.len() / 2, "{found} of {}", index.names.len());
        assert!(index.nearest.iter().any(Option::is_none));
    }

    /// The chars test must let through every pair that reaches the score:
    /// prefixes (the most a length allows), spellings one deletion, change or
    /// insertion apart, swaps, accents, and the pairs of these.
    #[test]
    fn the_chars_test_keeps_every_near_pair() {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        let mut names: Vec<String> = Vec::new();
        let long: String = ('a'..='z').chain('A'..='Z').collect();
        names.extend((1..=long.len()).map(|n| long[..n].to_string()));
        for base in ["Jonathan Lindqvist", "Élodie Müller", "Sam Altman", "OpenAI", "Xochitl Ñúñez"] {
            let b = chars(base);
            names.push(base.to_string());
            for i in 0..b.len() {
                let mut deleted = b.clone();
                deleted.remove(i);
                names.push(deleted.iter().collect());
                for c in ['a', 'é', 'z', ' '] {
                    let mut changed = b.clone();
                    changed[i] = c;
                    names.push(changed.iter().collect());
                    changed.insert(i, c);
                    names.push(changed.iter().collect());
                }
                if i + 1 < b.len() {
                    let mut swapped = b.clone();
                    swapped.swap(i, i + 1);
                    names.push(swapped.iter().collect());
                }
            }
        }
        let (mut near, mut rejected) = (0, 0);
        for a in &names {
            for b in &names {
                let (ca, cb) = (chars(a), chars(b));
                if chars_may_be_near(&ca, &cb) {
                    // The shape test kept beside the keys lets the pair through too.
                    let shape = NearKey {
                        key: 0,
                        index: 0,
                        chars: u16::try_from(ca.len()).unwrap(),
                        words: u16::try_from(a.split_whitespace().count()).unwrap(),
                    };
                    let same_words = a.split_whitespace().count() == b.split_whitespace().count();
                    // So does the test on the name's bins.
                    let mut counts = [0u32; 64];
                    cb.iter().for_each(|&c| counts[c as usize & 63] += 1);
                    let bins = ca.iter().fold(0u64, |bins, &c| bins | 1 << (c as usize & 63));
                    assert!(bins_may_be_near(bins, ca.len(), &counts, cb.len()), "{a:?}, {b:?}");
                    assert_eq!(shape.may_be_near(cb.len(), b.split_whitespace().count()), same_words, "{a:?}, {b:?}");
                }
                if strsim::jaro_winkler(a, b) >= NEAR_SCORE {
                    assert!(chars_may_be_near(&ca, &cb), "{a:?} and {b:?}");
                    near += 1;
                }
                rejected += usize::from(!chars_may_be_near(&ca, &cb));
            }
        }
        assert!(near > names.len() && rejected > 0, "{near} near, {rejected} rejected");
    }

    #[test]
    fn namey_reads_ascii_as_chars_do() {
        for word in [
            "Acme", "acme", "eBay", "iPhone-X", "e-Bay", "9Acme", "", "a", "A", "x9Z", "ÉLAN", "éLan", "aB'", "ab",
            "aÉ", "aé", "élan", "«x", "1é", "a-É",
        ] {
            let chars = word.chars().next().is_some_and(|first| {
                first.is_uppercase()
                    || first.is_lowercase()
                        && word.chars().skip(1).any(char::is_uppercase)
                        && word.chars().all(char::is_alphanumeric)
            });
            assert_eq!(is_namey(word), chars, "{word}");
        }
    }

    #[test]
    fn the_role_before_an_organization_is_one_of_the_last_words() {
        let rules = Rules::load(None).unwrap();
        let words = &rules.langs["fr"].claims;
        let role = |text: &str| role_before(text, words).map(|(role, _)| role);
        assert_eq!(role("Selon le directeur général de ").as_deref(), Some("directeur général"));
        assert_eq!(role("Elle a vu hier soir le PDG d’").as_deref(), Some("pdg"));
        assert_eq!(role("PDG de").as_deref(), Some("pdg"));
        assert_eq!(role("  PDG  de ").as_deref(), Some("pdg"));
        // Past four words back, nothing is a role.
        assert_eq!(role("PDG du groupe et de la maison de"), None);
        assert_eq!(role("Il parle de"), None);
        // "de" is a word of its own, not the end of another.
        assert_eq!(role("le PDGde"), None);
        assert_eq!(role("le PDG commande"), None);
        assert_eq!(role("Selon le PDG de "), Some("pdg".to_string()));
        assert_eq!(role_before("À İzmir, le PDG de ", words).map(|(_, at)| at), Some("À İzmir, le ".len()));
    }

    #[test]
    fn two_spellings_seen_meet_on_one_name() {
        let rules = Rules::load(None).unwrap();
        let words = &rules.langs["en"].claims;
        let mut names = Names::default();
        names.learn("The board met Jonathan Lindqvist on Monday.", &rules.entities, words);
        names.learn("On Tuesday, Jonathan Lindquist declined.", &rules.entities, words);
        let resolve = |text: &str| names.resolve_name(text, false, &rules.entities, words).0;
        assert_eq!(resolve("Jonathan Lindqvist"), resolve("Jonathan Lindquist"));
        // Another name stays itself.
        assert_eq!(resolve("Jonathan Lindstrom"), "Jonathan Lindstrom");
    }

    #[test]
    fn apposition_teaches_a_role() {
        let rules = Rules::load(None).unwrap();
        let found = mentions_after(&rules, "fr", "Il a parlé à Jane Roe, PDG de Acme.", "Le PDG de Acme a refusé.");
        assert!(found.contains(&"Jane Roe".to_string()), "{found:?}");
    }

    #[test]
    fn a_role_phrase_spans_its_own_words_whatever_comes_before() {
        let rules = Rules::load(None).unwrap();
        let words = &rules.langs["fr"].claims;
        let mut names = Names::default();
        names.learn("Il a parlé à Jane Roe, PDG de Acme.", &rules.entities, words);
        // "İ" lowercases to three bytes, not two: the role is found in the text itself.
        for text in ["Le PDG de Acme a refusé.", "À İzmir, le PDG de Acme a refusé.", "À İzmir, PDG de Acme, rien."]
        {
            let mut resolver = Resolver::new("fr", &rules.entities, &names, words);
            let found = resolver.sentence(text, &tokenize(text));
            let role = found.iter().find(|m| m.form == Form::Role).unwrap_or_else(|| panic!("{text}: {found:?}"));
            assert_eq!(role.name, "Jane Roe");
            let phrase = &text[role.span.start..role.span.end];
            assert!(
                phrase == "le PDG de Acme" || phrase == "Le PDG de Acme" || phrase == "PDG de Acme",
                "{text}: {phrase:?}"
            );
        }
    }

    /// The names of each sentence's mentions, after `learn` has read them all.
    fn resolved(lang: &str, sentences: &[&str]) -> Vec<Vec<String>> {
        let rules = Rules::load(None).unwrap();
        let words = &rules.langs[lang].claims;
        let mut names = Names::default();
        for s in sentences {
            names.learn(s, &rules.entities, words);
        }
        let mut resolver = Resolver::new(lang, &rules.entities, &names, words);
        sentences.iter().map(|s| resolver.sentence(s, &tokenize(s)).into_iter().map(|m| m.name).collect()).collect()
    }

    #[test]
    fn a_pronoun_opening_a_sentence_as_subject_takes_the_last_subject() {
        let got = resolved(
            "en",
            &[
                "Jane Roe, who founded Acme with John Doe, left its board.",
                "He sued the company.",
                // After another person in its own sentence: the last person named.
                "The board of Acme hired John Doe, and he stayed.",
            ],
        );
        assert_eq!(got[1], ["Jane Roe", "Acme"]);
        assert_eq!(got[2], ["Acme", "John Doe", "John Doe"]);
    }

    #[test]
    fn a_legal_form_is_no_part_of_a_company_name() {
        let got = resolved(
            "en",
            &["Kroger Co. agreed to acquire Albertsons Cos. on Friday.", "Kroger said it would buy Albertsons."],
        );
        assert_eq!(got, [vec!["Kroger", "Albertsons"], vec!["Kroger", "Kroger", "Albertsons"]], "\"it\" is Kroger");
    }

    #[test]
    fn an_acronym_is_the_one_organization_with_those_initials() {
        let got = resolved(
            "en",
            &["The Federal Trade Commission sued on Monday.", "The FTC and the SEC declined to comment."],
        );
        assert_eq!(got, [vec!["Federal Trade Commission"], vec!["Federal Trade Commission", "SEC"]]);
        let got = resolved("en", &["The European Central Bank raised rates.", "Then the ECB paused."]);
        assert_eq!(got[1], ["European Central Bank"]);
        // Two names with the same initials: the acronym stays as written.
        let got = resolved(
            "en",
            &["The Ford Motor Company wrote to the Federal Maritime Commission.", "Later, FMC said little."],
        );
        assert_eq!(got[1], ["FMC"]);
    }

    #[test]
    fn pronoun_takes_the_last_person() {
        let rules = Rules::load(None).unwrap();
        let words = &rules.langs["fr"].claims;
        let names = Names::default();
        let mut resolver = Resolver::new("fr", &rules.entities, &names, words);
        let first = "Jane Roe a parlé.";
        resolver.sentence(first, &tokenize(first));
        let second = "Il a ensuite poursuivi Acme.";
        let found: Vec<String> = resolver.sentence(second, &tokenize(second)).into_iter().map(|m| m.name).collect();
        assert_eq!(found, ["Jane Roe", "Acme"]);
    }
}
