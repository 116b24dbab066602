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

/// Locates spans met in order of place, counting each line's characters
/// once: locating every figure of a long line one by one from its start
/// would take time in the square of its length.
pub struct Locator<'a> {
    index: &'a LineIndex,
    text: &'a str,
    /// The last place located: its byte offset, line and column.
    last: (usize, usize, usize),
}

impl<'a> Locator<'a> {
    pub fn new(index: &'a LineIndex, text: &'a str) -> Locator<'a> {
        Locator { index, text, last: (0, 1, 1) }
    }

    /// As [`LineIndex::locate`]; fastest when spans come in order.
    pub fn locate(&mut self, span: Span) -> Location {
        let line = self.index.line(span.start);
        let (offset, last_line, column) = self.last;
        let location = if line == last_line && span.start >= offset {
            let more = self.text.get(offset..span.start).map_or(0, |s| s.chars().count());
            Location { line, column: column + more, start: span.start, end: span.end }
        } else {
            self.index.locate(self.text, span)
        };
        self.last = (span.start, line, location.column);
        location
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

    #[test]
    fn a_locator_agrees_with_locate_in_any_order() {
        let text = "première ligne, été\nété 2024 à Nîmes\n\nfin";
        let index = LineIndex::new(text);
        let mut locator = Locator::new(&index, text);
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let order = starts.iter().chain(starts.iter().rev()).chain(starts.iter().step_by(3));
        for &at in order {
            let span = Span::new(at, at);
            assert_eq!(locator.locate(span), index.locate(text, span), "at {at}");
        }
    }
}
