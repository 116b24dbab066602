//! What a document states, as the story stage compares documents by: the
//! names of its sentences and, when asked, their longer plain words, each as
//! a hash, once an occurrence.
//!
//! A name is a capitalized word away from a sentence's start (the language's
//! month and day names aside; a hyphenated name counts by its parts), or a
//! name of the rule files in its canonical form, so that "Turquie" and
//! "Turkey" are one. A capitalized word that opens a sentence or a quotation
//! may be any word: it counts only when the rule files know it as a name.
//!
//! The names pass reads every sentence already: it hands its tokens here,
//! and the story stage does not read the sentences again.

use std::borrow::Cow;

use crate::entity::Gazetteer;
use crate::text::token::{Token, TokenKind, tokenize};
use crate::text::words::{WordSet, key};

/// The least length, in chars, of a plain word worth comparing.
const MIN_WORD: usize = 5;

/// A word's hash: the same in every run and on every thread.
fn hash(word: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    word.hash(&mut hasher);
    hasher.finish()
}

/// Reads the names (and plain words) stated in sentences, as hashes.
pub struct Stated<'r> {
    /// Hashes of the names' keys, once a mention.
    pub names: Vec<u64>,
    /// Hashes of the plain words, once an occurrence.
    pub words: Vec<u64>,
    gazetteer: &'r Gazetteer,
    /// Capitalized words that are no names in the text's language.
    not_names: Vec<&'r WordSet>,
    /// Plain words are read too.
    with_words: bool,
    /// The key of the name being read, when it is ASCII: one buffer for
    /// all, rather than a copy a name.
    ascii_key: String,
}

impl<'r> Stated<'r> {
    pub fn new(gazetteer: &'r Gazetteer, not_names: Vec<&'r WordSet>, with_words: bool) -> Stated<'r> {
        Stated { names: Vec::new(), words: Vec::new(), gazetteer, not_names, with_words, ascii_key: String::new() }
    }

    /// A name's word; the parts of a hyphenated one count apart, as a
    /// language that writes them apart would ("Notre-Dame", "Notre Dame").
    fn name(&mut self, word: &str) {
        if self.not_names.iter().any(|set| set.contains(word)) {
            return;
        }
        // An ASCII word's key is its ASCII lower case (see [`key`]).
        let keyed = if word.is_ascii() {
            self.ascii_key.clear();
            self.ascii_key.push_str(word);
            self.ascii_key.make_ascii_lowercase();
            Cow::Borrowed(self.ascii_key.as_str())
        } else {
            key(word)
        };
        for part in keyed.split('-').filter(|p| p.chars().nth(1).is_some()) {
            self.names.push(hash(part));
        }
    }

    /// The words of a canonical name.
    pub fn canonical(&mut self, name: &str) {
        for token in tokenize(name) {
            let word = token.text(name);
            if token.kind == TokenKind::Word && word.chars().nth(1).is_some() {
                self.name(word);
            }
        }
    }

    /// Names and plain words of one sentence.
    pub fn sentence(&mut self, text: &str) {
        self.tokens(text, &tokenize(text));
    }

    /// [`Stated::sentence`] with the sentence's tokens already read.
    pub fn tokens(&mut self, text: &str, tokens: &[Token]) {
        let mut opening = true;
        for token in tokens {
            let word = token.text(text);
            if token.kind == TokenKind::Punct {
                opening |= word.chars().any(|c| !matches!(c, ',' | ';' | '\'' | '’' | ')' | '/'));
                continue;
            }
            let was_opening = std::mem::replace(&mut opening, false);
            let Some(first) = word.chars().next() else { continue };
            if first.is_uppercase() {
                if let Some(canonical) = self.gazetteer.canonical(word) {
                    self.canonical(canonical);
                } else if !was_opening && word.chars().nth(1).is_some() {
                    self.name(word);
                }
            } else if self.with_words && first.is_lowercase() && word.chars().nth(MIN_WORD - 1).is_some() {
                self.words.push(hash(&key(word)));
            }
        }
    }
}
