//! Splitting the lines of a source's text into sentences, with byte spans.

use crate::lang::text::TextLang;
use crate::text::span::Span;

/// Splits one line into sentences (trimmed byte spans), in one pass.
pub(super) fn split_sentences(text: &str, line: Span, lang: Option<&TextLang>, out: &mut Vec<Span>) {
    let slice = &text[line.start..line.end];
    let mut start = 0;
    for (i, c) in sentence_marks(slice) {
        // Closing quotes and brackets stay with the sentence.
        let rest = &slice[i + c.len_utf8()..];
        let closing = rest.len() - rest.trim_start_matches(['»', '"', '”', ')', '’']).len();
        let after = &rest[closing..];
        if !(after.starts_with(char::is_whitespace) || (c == '.' && glued(&slice[start..i], after))) {
            continue;
        }
        let space_at = i + c.len_utf8() + closing;
        let next = after.trim_start().chars().next();
        let opens = next.is_some_and(|ch| {
            ch.is_uppercase() || ch.is_ascii_digit() || matches!(ch, '«' | '"' | '“' | '(' | '—' | '-')
        });
        if !opens {
            continue;
        }
        if c == '.' {
            let before = &slice[start..i];
            let word_start = before
                .char_indices()
                .rev()
                .take_while(|(_, ch)| ch.is_alphanumeric() || *ch == '.' || *ch == '-')
                .last()
                .map_or(before.len(), |(k, _)| k);
            let word = &before[word_start..];
            let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if single_initial || lang.is_some_and(|l| l.abbreviations.contains(&*crate::text::words::key(word))) {
                continue;
            }
        }
        push_trimmed(text, Span::new(line.start + start, line.start + space_at), out);
        start = space_at;
    }
    push_trimmed(text, Span::new(line.start + start, line.end), out);
}

/// Whether a period with no space after it still ends a sentence: text
/// pasted together from a headline and a body ("…for $4 Billion.Zentrix
/// has …"), a word of small letters then a capitalized word. Not "U.S.Army",
/// nor "example.com".
fn glued(before: &str, after: &str) -> bool {
    let mut last = before.chars().rev();
    let mut next = after.chars();
    last.next().is_some_and(char::is_lowercase)
        && last.next().is_some_and(char::is_lowercase)
        && next.next().is_some_and(char::is_uppercase)
        && next.next().is_some_and(char::is_lowercase)
}

/// Where `slice` may end a sentence: each '.', '!', '?' and '…', in order.
/// The three ASCII marks are found with a vector search; a slice holding
/// '…' is read char by char.
pub(super) fn sentence_marks(slice: &str) -> Vec<(usize, char)> {
    let bytes = slice.as_bytes();
    if memchr::memmem::find(bytes, "…".as_bytes()).is_some() {
        return slice.char_indices().filter(|&(_, c)| matches!(c, '.' | '!' | '?' | '…')).collect();
    }
    memchr::memchr3_iter(b'.', b'!', b'?', bytes).map(|i| (i, char::from(bytes[i]))).collect()
}

pub(super) fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = &text[span.start..span.end];
    let lead = s.len()
        - s.trim_start_matches(|c: char| {
            c.is_whitespace() || c == '\0' || c == '\u{feff}' || matches!(c, '#' | '>' | '*' | '•')
        })
        .len();
    let trail = s.len() - s.trim_end_matches(|c: char| c.is_whitespace() || c == '\0').len();
    let mut start = span.start + lead;
    // A list dash: "- item".
    if text[start..span.end].starts_with("- ") {
        start += 2;
    }
    let end = span.end - trail;
    if start < end {
        out.push(Span::new(start, end));
    }
}
