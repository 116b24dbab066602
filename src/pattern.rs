//! A list of word patterns searched in one pass.
//!
//! Rule files list triggers, cues and epithets as small regexes. They are
//! joined into one case-insensitive alternation, run once over a text, and a
//! match is then tried against each pattern to know which one it was. Word
//! boundaries are checked by hand: the `regex` crate's Unicode `\b` disables
//! its fast engines on non-ASCII text.

use regex::{Regex, RegexSet};
use toml::Spanned;

use crate::lexicon::{RuleError, RuleFile};
use crate::span::Span;

#[derive(Debug, Clone)]
pub struct PatternSet<T> {
    payloads: Vec<T>,
    sources: Vec<String>,
    /// The most bytes a match can span, when every pattern is bounded: a
    /// match is never looked for past it.
    max_len: Option<usize>,
    compiled: std::sync::OnceLock<Option<Compiled>>,
}

/// The union, to find candidates; the same anchored at both ends, to test one
/// candidate span; and each pattern anchored, to tell which one matched.
/// Built once, on first use.
#[derive(Debug, Clone)]
struct Compiled {
    any: Regex,
    whole: Regex,
    each: RegexSet,
}

impl<T> Default for PatternSet<T> {
    fn default() -> Self {
        PatternSet { payloads: Vec::new(), sources: Vec::new(), max_len: Some(0), compiled: std::sync::OnceLock::new() }
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

/// The most bytes a case-insensitive match of `source` can span, if bounded.
fn max_len(source: &str) -> Option<usize> {
    let hir = regex_syntax::ParserBuilder::new().case_insensitive(true).build().parse(source).ok()?;
    hir.properties().maximum_len()
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
            Regex::new(&format!("(?i)^(?:{source})$")).map_err(|e| {
                file.error_in(pattern, format!("bad regex {:?}: {}", pattern.get_ref(), first_line(&e)))
            })?;
            set.max_len = set.max_len.zip(max_len(&source)).map(|(a, b)| a.max(b));
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
        self.compiled = std::sync::OnceLock::new();
    }

    pub fn is_empty(&self) -> bool {
        self.payloads.is_empty()
    }

    fn compiled(&self) -> Option<&Compiled> {
        self.compiled
            .get_or_init(|| {
                if self.sources.is_empty() {
                    return None;
                }
                // Each part compiled alone, so the union compiles too.
                let joined = self.sources.join("|");
                Some(Compiled {
                    any: Regex::new(&format!("(?i){joined}")).ok()?,
                    whole: Regex::new(&format!("(?i)^(?:{joined})$")).ok()?,
                    each: RegexSet::new(self.sources.iter().map(|s| format!("(?i)^{s}$"))).ok()?,
                })
            })
            .as_ref()
    }

    /// Non-overlapping matches at word edges, leftmost-longest among the patterns.
    pub fn find_all(&self, text: &str) -> Vec<(Span, &T)> {
        let Some(compiled) = self.compiled() else {
            return Vec::new();
        };
        let mut found = Vec::new();
        let mut at = 0;
        while at <= text.len() {
            let Some(m) = compiled.any.find_at(text, at) else {
                break;
            };
            if m.start() == m.end() {
                at = m.end() + text[m.end()..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            if let Some((span, payload)) = self.best_at(compiled, text, m.start()) {
                found.push((span, payload));
                at = span.end;
            } else {
                at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            }
        }
        found
    }

    /// The longest pattern that matches at `start` and ends at a word edge.
    fn best_at(&self, compiled: &Compiled, text: &str, start: usize) -> Option<(Span, &T)> {
        let limit = self.max_len.map_or(text.len(), |n| start.saturating_add(n).min(text.len()));
        // The longest end that some pattern matches whole, then which pattern.
        let end = word_ends(text, start, limit)
            .into_iter()
            .rev()
            .find(|&end| at_word_edge(text, start, end) && compiled.whole.is_match(&text[start..end]))?;
        let payload = self.first_whole(compiled, &text[start..end])?;
        Some((Span::new(start, end), payload))
    }

    /// The first pattern, in file order, that matches the whole of `text`.
    fn first_whole(&self, compiled: &Compiled, text: &str) -> Option<&T> {
        compiled.each.matches(text).iter().next().map(|i| &self.payloads[i])
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
    if prev.is_some_and(|p| !p.is_whitespace()) && text.len() <= limit {
        ends.push(text.len());
    }
    ends
}

fn first_line(e: &regex::Error) -> String {
    e.to_string().lines().last().unwrap_or_default().trim().to_string()
}
