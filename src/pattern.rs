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
    each: Vec<(Regex, T)>,
    sources: Vec<String>,
    /// The union, to find candidates, and the same anchored at both ends, to
    /// test one candidate span; built once, on first use.
    union: std::sync::OnceLock<Option<(Regex, Regex)>>,
}

impl<T> Default for PatternSet<T> {
    fn default() -> Self {
        PatternSet { each: Vec::new(), sources: Vec::new(), union: std::sync::OnceLock::new() }
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
        Ok(PatternSet { each, sources: parts, union: std::sync::OnceLock::new() })
    }

    /// Joins sets from several files (each already checked).
    pub fn extend(&mut self, other: PatternSet<T>) {
        self.each.extend(other.each);
        self.sources.extend(other.sources);
        self.union = std::sync::OnceLock::new();
    }

    pub fn is_empty(&self) -> bool {
        self.each.is_empty()
    }

    fn union(&self) -> Option<&(Regex, Regex)> {
        self.union
            .get_or_init(|| {
                if self.sources.is_empty() {
                    return None;
                }
                // Each part compiled alone, so the union compiles too.
                let joined = self.sources.join("|");
                Some((Regex::new(&format!("(?i){joined}")).ok()?, Regex::new(&format!("(?i)^(?:{joined})$")).ok()?))
            })
            .as_ref()
    }

    /// Non-overlapping matches at word edges, leftmost-longest among the patterns.
    pub fn find_all(&self, text: &str) -> Vec<(Span, &T)> {
        let Some((any, _)) = self.union() else {
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
        let (_, whole) = self.union()?;
        // The longest end that some pattern matches whole, then which pattern.
        let end = word_ends(text, start)
            .into_iter()
            .rev()
            .find(|&end| at_word_edge(text, start, end) && whole.is_match(&text[start..end]))?;
        let candidate = &text[start..end];
        let payload = self.each.iter().find(|(r, _)| r.is_match(candidate)).map(|(_, p)| p)?;
        Some((Span::new(start, end), payload))
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
