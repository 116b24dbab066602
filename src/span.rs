//! Byte spans in a text and their 1-based line and column (in characters).
//!
//! Spans are end-exclusive byte offsets, checked when they are made; lines and
//! columns are computed from a [`LineIndex`] only when something is rendered.

use serde::{Deserialize, Serialize};

/// An end-exclusive byte range in one text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span of `text`; panics in debug builds if it is not on char boundaries.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The same span moved right by `offset` bytes.
    pub fn shifted(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A 1-based line and column (in characters) with the byte span it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
}

/// Where each line of a text starts, to turn byte offsets into lines and columns.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// Byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.saturating_sub(1).min(self.starts.len() - 1)]
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Line, column (in characters, 1-based) and byte range of a span of `text`.
    pub fn locate(&self, text: &str, span: Span) -> Location {
        let line = self.line(span.start);
        let start_of_line = self.line_start(line);
        let column = text.get(start_of_line..span.start).map_or(1, |prefix| prefix.chars().count() + 1);
        Location { line, column, start: span.start, end: span.end }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "première ligne\nété 2024";
        let index = LineIndex::new(text);
        let at = text.find("2024").unwrap();
        let loc = index.locate(text, Span::new(at, at + 4));
        assert_eq!((loc.line, loc.column), (2, 5));
        assert_eq!(index.locate(text, Span::new(0, 1)).line, 1);
    }
}
