//! A list of word patterns searched in one pass.
//!
//! Rule files list triggers, cues and epithets as small regexes. They are
//! joined into one case-insensitive alternation, run once over a text, and a
//! match is then tried against each pattern to know which one it was. Word
//! boundaries are checked by hand: the `regex` crate's Unicode `\b` disables
//! its fast engines on non-ASCII text.

use regex::Regex;
use toml::Spanned;

use crate::lexicon::{RuleError, RuleFile};
use crate::span::Span;

#[derive(Debug, Clone)]
pub struct PatternSet<T> {
    any: Option<Regex>,
    each: Vec<(Regex, T)>,
    sources: Vec<String>,
}

impl<T> Default for PatternSet<T> {
    fn default() -> Self {
        PatternSet { any: None, each: Vec::new(), sources: Vec::new() }
    }
}

/// Whether a byte offset of `text` is at a word edge.
pub fn at_word_edge(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let edge_before = !(before.is_some_and(char::is_alphanumeric) && first.is_some_and(char::is_alphanumeric));
    let edge_after = !(after.is_some_and(char::is_alphanumeric) && last.is_some_and(char::is_alphanumeric));
    edge_before && edge_after
}

/// Typographic apostrophes read as straight ones, so that rule files can use `'`.
fn apostrophes(pattern: &str) -> String {
    pattern.replace(['\'', '’'], "['’]")
}

impl<T: Clone> PatternSet<T> {
    /// Compiles `(pattern, payload)` pairs; a bad pattern is an error at its place in `file`.
    pub fn compile(file: &RuleFile, patterns: Vec<(&Spanned<String>, T)>) -> Result<PatternSet<T>, RuleError> {
        let mut each = Vec::with_capacity(patterns.len());
        let mut parts = Vec::with_capacity(patterns.len());
        for (pattern, payload) in patterns {
            let source = apostrophes(pattern.get_ref());
            if source.trim().is_empty() {
                return Err(file.error_in(pattern, "empty pattern"));
            }
            let anchored = Regex::new(&format!("(?i)^(?:{source})$")).map_err(|e| {
                file.error_in(pattern, format!("bad regex {:?}: {}", pattern.get_ref(), first_line(&e)))
            })?;
            each.push((anchored, payload));
            parts.push(format!("(?:{source})"));
        }
        if parts.is_empty() {
            return Ok(PatternSet { any: None, each, sources: parts });
        }
        let any = Regex::new(&format!("(?i){}", parts.join("|")))
            .map_err(|e| file.error_at(None, format!("patterns do not compile together: {}", first_line(&e))))?;
        Ok(PatternSet { any: Some(any), each, sources: parts })
    }

    /// Joins sets from several files (each already checked).
    pub fn extend(&mut self, other: PatternSet<T>) {
        self.each.extend(other.each);
        self.sources.extend(other.sources);
        self.any = if self.sources.is_empty() {
            None
        } else {
            // Each part compiled alone, so the union compiles too.
            Regex::new(&format!("(?i){}", self.sources.join("|"))).ok()
        };
    }

    pub fn is_empty(&self) -> bool {
        self.each.is_empty()
    }

    /// Non-overlapping matches at word edges, leftmost-longest among the patterns.
    pub fn find_all(&self, text: &str) -> Vec<(Span, &T)> {
        let Some(any) = &self.any else {
            return Vec::new();
        };
        let mut found = Vec::new();
        let mut at = 0;
        while at <= text.len() {
            let Some(m) = any.find_at(text, at) else {
                break;
            };
            if m.start() == m.end() {
                at = m.end() + text[m.end()..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            if let Some((span, payload)) = self.best_at(text, m.start()) {
                found.push((span, payload));
                at = span.end;
            } else {
                at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            }
        }
        found
    }

    /// The longest pattern that matches at `start` and ends at a word edge.
    fn best_at(&self, text: &str, start: usize) -> Option<(Span, &T)> {
        let mut best: Option<(Span, &T)> = None;
        for (anchored, payload) in &self.each {
            // The anchored regex matches a whole string: try each word end after start.
            for end in word_ends(text, start) {
                if best.is_some_and(|(b, _)| b.end >= end) {
                    continue;
                }
                if anchored.is_match(&text[start..end]) && at_word_edge(text, start, end) {
                    best = Some((Span::new(start, end), payload));
                }
            }
        }
        best
    }

    /// Whether the whole of `text` matches one of the patterns.
    pub fn matches_whole(&self, text: &str) -> Option<&T> {
        self.each.iter().find(|(r, _)| r.is_match(text)).map(|(_, p)| p)
    }
}

/// Byte offsets after `start` where a match may end: after a word, or after
/// a punctuation mark, up to twelve of them.
fn word_ends(text: &str, start: usize) -> Vec<usize> {
    let rest = &text[start..];
    let mut ends = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in rest.char_indices() {
        if let Some(p) = prev {
            let after_word = p.is_alphanumeric() && !c.is_alphanumeric();
            let after_mark = !p.is_alphanumeric() && !p.is_whitespace();
            if after_word || after_mark {
                ends.push(start + i);
                if ends.len() >= 12 {
                    return ends;
                }
            }
        }
        prev = Some(c);
    }
    if prev.is_some_and(|p| !p.is_whitespace()) {
        ends.push(text.len());
    }
    ends
}

fn first_line(e: &regex::Error) -> String {
    e.to_string().lines().last().unwrap_or_default().trim().to_string()
}
