//! The words a language uses to build claims: function words, pronouns,
//! descriptions, negation and attribution cues (`[claims]` in
//! `rules/lang/<code>.toml`). Loaded and checked here; used by `entity` and
//! `claim`.

use serde::Deserialize;
use toml::Spanned;

use crate::rules::{RuleError, RuleFile};
use crate::text::pattern::PatternSet;
use crate::text::token::{Token, TokenKind};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaimWords {
    /// Articles, prepositions, pronouns, conjunctions: never a name, even capitalized.
    #[serde(default)]
    pub function_words: Vec<String>,
    /// Capitalized words that are not names ("IA", "PDG", month names).
    #[serde(default)]
    pub not_names: Vec<String>,
    /// Words that end an organization's name ("Inc", "Partners", "Labs").
    #[serde(default)]
    pub org_suffixes: Vec<String>,
    /// Words that open an organization's name ("Grupo Orvalia", "Cruz
    /// Roja"): with one, two capitalized words are no person's name.
    #[serde(default)]
    pub org_prefixes: Vec<String>,
    /// Legal forms that end a company's name and are no part of it: "Kroger
    /// Co." and "Kroger" are one company ("Inc", "Co", "SA").
    #[serde(default)]
    pub legal_forms: Vec<String>,
    /// Titles before a surname ("M.", "Mme", "Mr").
    #[serde(default)]
    pub honorifics: Vec<String>,
    /// A mention right after one of these is not the subject of its clause.
    #[serde(default)]
    pub prepositions: Vec<String>,
    /// Articles and determiners: a trigger right after one is a noun.
    #[serde(default)]
    pub determiners: Vec<String>,
    /// "ce", "cette", "this": a trigger after one points back to an earlier mention.
    #[serde(default)]
    pub demonstratives: Vec<String>,
    /// "son", "sa", "his", "its".
    #[serde(default)]
    pub possessives: Vec<String>,
    #[serde(default)]
    pub person_pronouns: Vec<String>,
    #[serde(default)]
    pub org_pronouns: Vec<String>,
    /// Definite descriptions of an organization ("la start-up", "the company").
    #[serde(default)]
    pub org_descriptions: Vec<Spanned<String>>,
    /// Definite descriptions of a person ("le milliardaire").
    #[serde(default)]
    pub person_descriptions: Vec<Spanned<String>>,
    /// Job titles that appositions teach ("PDG", "patron", "CEO").
    #[serde(default)]
    pub role_nouns: Vec<Spanned<String>>,
    /// Articles that may open a job title: "le PDG de Meta", "the CEO of X".
    /// One ending with an apostrophe is glued to the title ("l'").
    #[serde(default)]
    pub role_articles: Vec<String>,
    /// Words that link a job title to its organization: "de", "of", "del".
    #[serde(default)]
    pub role_links: Vec<String>,
    /// Words that negate a verb near them ("pas", "jamais", "not").
    #[serde(default)]
    pub negation: Vec<String>,
    /// Words that negate a noun right after them ("aucun", "ni", "no").
    #[serde(default)]
    pub nominal_negation: Vec<String>,
    /// Particles without which some negation words do not negate ("ne", "n'").
    #[serde(default)]
    pub negation_particles: Vec<String>,
    /// Words of `negation` that negate only after a particle in the same
    /// clause: "n'a plus racheté", but "plus de 2 000 morts".
    #[serde(default)]
    pub negation_after_particle: Vec<String>,
    /// Words that open a clause whose subject is the word before ("qui", "who").
    #[serde(default)]
    pub subject_relatives: Vec<String>,
    /// Words that open a clause whose object is the word before ("que", "that").
    #[serde(default)]
    pub object_relatives: Vec<String>,
    /// "que", "that": a new clause starts after them.
    #[serde(default)]
    pub complementizers: Vec<String>,
    /// "par", "by": names the agent of a passive.
    #[serde(default)]
    pub passive_agent: Vec<String>,
    /// "was", "being", "été": right before a participle, they make it a
    /// passive whose agent may come after its complements ("was sued for
    /// $1.6 billion by X").
    #[serde(default)]
    pub passive_auxiliaries: Vec<String>,
    /// "and", "et", "y": they join the names of a list.
    #[serde(default)]
    pub conjunctions: Vec<String>,
    /// Words by a figure that make it a number added, not a total: "500
    /// additional soldiers", "500 militaires supplémentaires".
    #[serde(default)]
    pub added: Vec<String>,
    /// Nouns of events that take a name ("the Eaton fire", "la tempête
    /// Boris"): a figure its clause gives such a named event is that event's.
    #[serde(default)]
    pub event_nouns: Vec<String>,
    /// Words between a part and its whole: "16 of the 24 deaths", "huit
    /// des décès": the part counts what the whole counts.
    #[serde(default)]
    pub partitives: Vec<String>,
    /// Words that open an infinitive, whose agent is the name just before
    /// them: "ordered Fox to pay", "a demandé à Fox de payer".
    #[serde(default)]
    pub infinitive_markers: Vec<String>,
    /// Words after a nominal trigger that open its agent: "l'offre de X",
    /// "a bid from X".
    #[serde(default)]
    pub genitive: Vec<String>,
    /// "avec", "with": names a co-agent, not a target.
    #[serde(default)]
    pub coagent: Vec<String>,
    /// Nouns a figure counts that say nothing of what it measures ("people",
    /// "personnes"): the words before the figure then tell its measure.
    #[serde(default)]
    pub generic_nouns: Vec<String>,
    /// Words before a place that a figure is about ("in", "en", "à").
    #[serde(default)]
    pub place_words: Vec<String>,
    /// Words that make an event another one of its kind: "a second quake",
    /// "un nouveau séisme", "an aftershock".
    #[serde(default)]
    pub other_event: Vec<String>,
    /// Words that make it the first one: "the first quake", "la première secousse".
    #[serde(default)]
    pub first_event: Vec<String>,
    /// Cues that a statement is someone's ("selon", "according to", "allègue").
    #[serde(default)]
    pub attribution: Vec<Spanned<String>>,
    /// Nouns that name who gives a figure without a name of their own: a
    /// role or a body ("la police", "the interior ministry", "los
    /// sindicatos"). A counter is a name or one of these.
    #[serde(default)]
    pub source_nouns: Vec<String>,
    /// Words that name a figure or the state it is in, not who gives it:
    /// "selon les chiffres de la police", "a preliminary toll from the
    /// ministry", "según el último balance". Left out of a counter.
    #[serde(default)]
    pub report_words: Vec<String>,
    /// Kinds of counter, each with the words that name one of its kind in a
    /// counter's name: a figure "selon la préfecture de police" and one
    /// "according to the Interior Ministry" are the authorities' count; one
    /// "according to the unions" is the organizers'. The kinds are the same
    /// in every language.
    #[serde(default)]
    pub counter_kinds: std::collections::BTreeMap<String, Vec<String>>,
    /// Auxiliaries and adverbs between a counter and its verb of saying:
    /// "the government has said", "officials also said".
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    /// Endings of the adverbs that may stand inside a verb group, after its
    /// auxiliary: "did not immediately confirm", "a formellement demandé".
    #[serde(default)]
    pub adverb_endings: Vec<String>,
    /// Words after a unit that add a half to its figure: "cinq ans et demi".
    #[serde(default)]
    pub half: Vec<String>,
}

/// The keys of `words`, longest first: of two that end or open a text
/// alike ("de", "del"), the longer is tried first.
fn longest_first(words: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = words.iter().map(|w| key(w).into_owned()).collect();
    keys.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then_with(|| a.cmp(b)));
    keys.dedup();
    keys
}

impl ClaimWords {
    /// Whether `word` (a key) reads as an adverb of a verb group: a word
    /// longer than its ending that ends with one of the language's.
    pub fn is_adverb(&self, word: &str) -> bool {
        self.adverb_endings.iter().any(|e| word.len() > e.len() + 2 && word.ends_with(e.as_str()))
    }

    /// The kind of counter a counter's name says it is ("police
    /// headquarters" → authorities), by the first of its words that names one.
    pub fn counter_kind(&self, counter: &str) -> Option<&str> {
        counter.split(|c: char| !c.is_alphanumeric() && c != '-').find_map(|word| {
            let word = key(word);
            self.counter_kinds.iter().find(|(_, words)| words.contains(&*word)).map(|(kind, _)| kind.as_str())
        })
    }
}

fn lowered(words: &[String]) -> WordSet {
    words.iter().map(|w| key(w).into_owned()).collect()
}

/// The first two bytes of the words of a list, when both are ASCII, and the
/// length of its longest word: most words of a text share their opening with
/// no word of a short list, or are longer than all, and are told missing
/// without being keyed or hashed.
#[derive(Debug, Clone)]
struct Openings(Box<[u64; 256]>, usize);

impl Default for Openings {
    fn default() -> Openings {
        Openings(Box::new([0; 256]), 0)
    }
}

impl Openings {
    /// The bit of `word`'s opening, or `None` when it does not open with two
    /// ASCII bytes (or one, then its end). `lower` reads the bytes as its key does.
    #[inline(always)]
    fn bit(word: &str, lower: bool) -> Option<usize> {
        let bytes = word.as_bytes();
        let first = *bytes.first()?;
        let second = bytes.get(1).copied().unwrap_or(0);
        if !first.is_ascii() || !second.is_ascii() {
            return None;
        }
        let (first, second) =
            if lower { (first.to_ascii_lowercase(), second.to_ascii_lowercase()) } else { (first, second) };
        Some(usize::from(first) << 7 | usize::from(second))
    }

    fn add(&mut self, word: &str) {
        self.1 = self.1.max(word.chars().count());
        if let Some(bit) = Openings::bit(word, false) {
            self.0[bit >> 6] |= 1 << (bit & 63);
        }
    }

    /// Whether a word opening like `word`, and as long, may be in the list.
    /// Keying never shortens a word: each char lowers to one or more.
    #[inline(always)]
    fn may_hold(&self, word: &str, lower: bool) -> bool {
        let longest = self.1;
        let fits = word.len() <= longest || word.len() <= 4 * longest && word.chars().count() <= longest;
        fits && Openings::bit(word, lower).is_none_or(|bit| self.0[bit >> 6] & (1 << (bit & 63)) != 0)
    }
}

/// A set of words, looked up by any kind of string.
#[derive(Debug, Default, Clone)]
pub struct WordSet {
    words: rustc_hash::FxHashSet<String>,
    openings: Openings,
}

impl WordSet {
    pub fn contains(&self, word: impl AsRef<str>) -> bool {
        let word = word.as_ref();
        self.openings.may_hold(word, false) && self.words.contains(word)
    }

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.words.iter()
    }

    /// Whether the [`key`] of `word` is in the set, without allocating for it.
    pub fn contains_key(&self, word: &str) -> bool {
        self.openings.may_hold(word, true) && with_key(word, |key| self.words.contains(key))
    }
}

/// Words, each with a value, looked up by [`key`].
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    words: rustc_hash::FxHashMap<String, V>,
    openings: Openings,
}

impl<V> Default for WordMap<V> {
    fn default() -> WordMap<V> {
        WordMap { words: rustc_hash::FxHashMap::default(), openings: Openings::default() }
    }
}

impl<V> WordMap<V> {
    /// The value of the [`key`] of `word`, without allocating for it.
    pub fn get_key(&self, word: &str) -> Option<&V> {
        if !self.openings.may_hold(word, true) {
            return None;
        }
        with_key(word, |key| self.words.get(key))
    }

    pub fn entry(&mut self, word: String) -> std::collections::hash_map::Entry<'_, String, V> {
        self.openings.add(&word);
        self.words.entry(word)
    }
}

/// Calls `f` with the [`key`] of `word`: `word` itself when it is one already
/// (most words are), else a copy made in a buffer kept for the thread.
fn with_key<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if is_key(word) {
        return f(word);
    }
    thread_local!(static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) });
    KEY.with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        buffer.clear();
        if word.is_ascii() {
            buffer.push_str(word);
            buffer.make_ascii_lowercase();
        } else {
            buffer.extend(key_chars(word));
        }
        f(buffer.as_str())
    })
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> WordSet {
        let mut set = WordSet::default();
        for word in iter {
            set.openings.add(&word);
            set.words.insert(word);
        }
        set
    }
}

/// The claim words of one language, checked.
#[derive(Debug, Default)]
pub struct ClaimWords {
    pub function_words: WordSet,
    pub not_names: WordSet,
    pub org_suffixes: WordSet,
    pub org_prefixes: WordSet,
    pub legal_forms: WordSet,
    pub honorifics: WordSet,
    pub prepositions: WordSet,
    pub determiners: WordSet,
    pub demonstratives: WordSet,
    pub possessives: WordSet,
    pub person_pronouns: WordSet,
    pub org_pronouns: WordSet,
    pub org_descriptions: PatternSet<()>,
    pub person_descriptions: PatternSet<()>,
    pub role_nouns: PatternSet<()>,
    /// Keys, longest first.
    pub role_articles: Vec<String>,
    /// Keys, longest first.
    pub role_links: Vec<String>,
    pub negation: WordSet,
    pub nominal_negation: WordSet,
    pub negation_particles: WordSet,
    pub negation_after_particle: WordSet,
    pub subject_relatives: WordSet,
    pub object_relatives: WordSet,
    pub complementizers: WordSet,
    pub passive_agent: WordSet,
    pub passive_auxiliaries: WordSet,
    pub conjunctions: WordSet,
    pub added: WordSet,
    pub event_nouns: WordSet,
    /// Lowercase, longest first.
    pub partitives: Vec<String>,
    pub genitive: WordSet,
    pub infinitive_markers: WordSet,
    pub coagent: WordSet,
    pub generic_nouns: WordSet,
    pub place_words: WordSet,
    pub other_event: WordSet,
    pub first_event: WordSet,
    pub attribution: PatternSet<()>,
    pub source_nouns: WordSet,
    pub counter_kinds: Vec<(String, WordSet)>,
    pub report_words: WordSet,
    pub auxiliaries: WordSet,
    pub adverb_endings: Vec<String>,
    pub half: Vec<String>,
    /// Pronouns and complementizers in one map, each word with its
    /// [`ClaimWords::PERSON_PRONOUN`], [`ClaimWords::ORG_PRONOUN`] and
    /// [`ClaimWords::COMPLEMENTIZER`] bits: every word of every sentence is
    /// looked up once, not once per list.
    clause_words: WordMap<u8>,
}

impl ClaimWords {
    pub const PERSON_PRONOUN: u8 = 1;
    pub const ORG_PRONOUN: u8 = 2;
    pub const COMPLEMENTIZER: u8 = 4;

    /// The [`ClaimWords::clause_words`] bits of each of `tokens` of `text`; 0 for punctuation.
    pub fn clause_classes(&self, text: &str, tokens: &[Token]) -> Vec<u8> {
        tokens
            .iter()
            .map(|t| match t.kind {
                TokenKind::Word => self.clause_words.get_key(t.text(text)).copied().unwrap_or(0),
                _ => 0,
            })
            .collect()
    }

    pub fn compile(raw: &RawClaimWords, file: &RuleFile) -> Result<ClaimWords, RuleError> {
        let set = |list: &Vec<Spanned<String>>| PatternSet::compile(file, list.iter().map(|p| (p, ())).collect());
        Ok(ClaimWords {
            function_words: lowered(&raw.function_words),
            not_names: raw.not_names.iter().cloned().collect(),
            org_suffixes: raw.org_suffixes.iter().chain(&raw.legal_forms).cloned().collect(),
            org_prefixes: raw.org_prefixes.iter().cloned().collect(),
            legal_forms: raw.legal_forms.iter().cloned().collect(),
            honorifics: raw.honorifics.iter().map(|h| h.trim_end_matches('.').to_string()).collect(),
            prepositions: lowered(&raw.prepositions),
            determiners: lowered(&raw.determiners),
            demonstratives: lowered(&raw.demonstratives),
            possessives: lowered(&raw.possessives),
            person_pronouns: lowered(&raw.person_pronouns),
            org_pronouns: lowered(&raw.org_pronouns),
            org_descriptions: set(&raw.org_descriptions)?,
            person_descriptions: set(&raw.person_descriptions)?,
            role_nouns: set(&raw.role_nouns)?,
            role_articles: longest_first(&raw.role_articles),
            role_links: longest_first(&raw.role_links),
            negation: lowered(&raw.negation),
            nominal_negation: lowered(&raw.nominal_negation),
            negation_particles: lowered(&raw.negation_particles),
            negation_after_particle: lowered(&raw.negation_after_particle),
            subject_relatives: lowered(&raw.subject_relatives),
            object_relatives: lowered(&raw.object_relatives),
            complementizers: lowered(&raw.complementizers),
            passive_agent: lowered(&raw.passive_agent),
            passive_auxiliaries: lowered(&raw.passive_auxiliaries),
            conjunctions: lowered(&raw.conjunctions),
            added: lowered(&raw.added),
            event_nouns: lowered(&raw.event_nouns),
            partitives: longest_first(&raw.partitives),
            genitive: lowered(&raw.genitive),
            infinitive_markers: lowered(&raw.infinitive_markers),
            coagent: lowered(&raw.coagent),
            generic_nouns: lowered(&raw.generic_nouns),
            place_words: lowered(&raw.place_words),
            other_event: lowered(&raw.other_event),
            first_event: lowered(&raw.first_event),
            attribution: set(&raw.attribution)?,
            source_nouns: lowered(&raw.source_nouns),
            counter_kinds: raw.counter_kinds.iter().map(|(kind, words)| (kind.clone(), lowered(words))).collect(),
            report_words: lowered(&raw.report_words),
            auxiliaries: lowered(&raw.auxiliaries),
            adverb_endings: raw.adverb_endings.iter().map(|e| key(e).into_owned()).collect(),
            half: raw.half.iter().map(|e| key(e).into_owned()).collect(),
            clause_words: {
                let mut map = WordMap::default();
                for (list, bit) in [
                    (&raw.person_pronouns, ClaimWords::PERSON_PRONOUN),
                    (&raw.org_pronouns, ClaimWords::ORG_PRONOUN),
                    (&raw.complementizers, ClaimWords::COMPLEMENTIZER),
                ] {
                    for word in lowered(list).iter() {
                        *map.entry(word.clone()).or_insert(0) |= bit;
                    }
                }
                map
            },
        })
    }
}

/// The chars of [`key`], one by one, for comparing without a copy (char by
/// char, a final Σ lowers to σ, not ς).
pub fn key_chars(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c })
}

/// Whether `word` is its own [`key`]: lower case, straight apostrophes.
// On the path of every word lookup: inlined, or lookups cost about 1% more.
#[inline(always)]
fn is_key(word: &str) -> bool {
    if word.is_ascii() {
        !word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        // A titlecase letter (ǅ) is neither upper nor lower case, and lowers.
        !word.chars().any(|c| c == '’' || c.is_uppercase() || !c.is_lowercase() && !c.to_lowercase().eq([c]))
    }
}

/// A word as the word lists hold it, and the one way words and phrases are
/// normalized before they are compared, in rule files and in texts alike:
/// lowercase (as `str::to_lowercase` lowers), straight apostrophes.
pub fn key(word: &str) -> std::borrow::Cow<'_, str> {
    // Most words are already keys: no copy.
    if is_key(word) {
        std::borrow::Cow::Borrowed(word)
    } else if word.is_ascii() {
        std::borrow::Cow::Owned(word.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Owned(word.to_lowercase().replace('’', "'"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_of_keying_a_word_agrees() {
        let set: WordSet = ["l'express", "abc", "élan", "çà"].iter().map(|w| w.to_string()).collect();
        for word in ["L’Express", "L'EXPRESS", "ABC", "abc", "Abc", "ÉLAN", "élan", "Çà", "İx", "x’y"] {
            let chars: String = key_chars(word).collect();
            assert_eq!(key(word), chars, "{word}");
            assert_eq!(set.contains_key(word), set.contains(&chars), "{word}");
        }
        assert!(set.contains_key("L’Express") && set.contains_key("ABC") && set.contains_key("ÉLAN"));
    }

    #[test]
    fn clause_classes_are_the_lists_each_word_is_in() {
        let raw = RawClaimWords {
            person_pronouns: vec!["il".into(), "Elle".into(), "he".into()],
            org_pronouns: vec!["il".into(), "it".into()],
            complementizers: vec!["que".into(), "qu'".into(), "that".into()],
            ..RawClaimWords::default()
        };
        let file = RuleFile { name: "test.toml".into(), origin: "test.toml".into(), text: String::new() };
        let words = ClaimWords::compile(&raw, &file).expect("the lists compile");
        let text = "Il dit qu’elle sait QUE it is that, il y a: IL-ELLE hello";
        let tokens = crate::text::token::tokenize(text);
        let classes = words.clause_classes(text, &tokens);
        assert_eq!(classes.len(), tokens.len());
        for (token, class) in tokens.iter().zip(&classes) {
            let t = token.text(text);
            let word = token.kind == TokenKind::Word;
            let lists = [
                (&words.person_pronouns, ClaimWords::PERSON_PRONOUN),
                (&words.org_pronouns, ClaimWords::ORG_PRONOUN),
                (&words.complementizers, ClaimWords::COMPLEMENTIZER),
            ];
            let expected =
                lists.iter().filter(|(list, _)| word && list.contains_key(t)).fold(0, |bits, (_, bit)| bits | bit);
            assert_eq!(*class, expected, "{t:?}");
        }
        assert!(classes.contains(&(ClaimWords::PERSON_PRONOUN | ClaimWords::ORG_PRONOUN)));
        assert!(classes.contains(&ClaimWords::COMPLEMENTIZER) && classes.contains(&ClaimWords::ORG_PRONOUN));
    }

    #[test]
    fn openings_never_hide_a_listed_word() {
        let listed = ["a", "l'", "IA", "été", "de", "ẞx"];
        let set: WordSet = listed.iter().map(|w| w.to_string()).collect();
        for word in listed {
            assert!(set.contains(word), "{word}");
        }
        for (word, keyed) in [("A", true), ("L'", true), ("L’", true), ("ÉTÉ", true), ("De", true), ("IA", false)] {
            assert_eq!(set.contains_key(word), keyed, "{word}");
        }
        assert!(!set.contains("ab") && !set.contains_key("Du") && !set.contains("x"));
        let mut map = WordMap::default();
        map.entry("qu'".to_string()).or_insert(1);
        assert_eq!(map.get_key("QU’"), Some(&1));
        assert_eq!(map.get_key("que"), None);
        // Length: a word as long as the longest listed is looked up, a longer one is not.
        let long: WordSet = ["événement", "i̇x"].iter().map(|w| w.to_string()).collect();
        assert!(long.contains_key("ÉVÉNEMENT") && long.contains("événement") && long.contains_key("İx"));
        assert!(!long.contains_key("ÉVÉNEMENTS") && !long.contains("événementiel"));
    }
}
