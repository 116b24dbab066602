//! Words and punctuation of a sentence, with byte spans.
//!
//! A word is a run of letters and digits, keeping inner hyphens, periods
//! between digits and apostrophes ("start-up", "97,4" is split by the value
//! stage, not here). French elisions ("d'", "l'", "qu'") and the English
//! possessive ("'s") are split off so that "d'Acme" yields "Acme".

use crate::text::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.start..self.span.end]
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_word_char(c: char) -> bool {
    is_alphanumeric(c)
}

/// [`char::is_alphanumeric`], without the table search for the chars of
/// French and English text: Latin-1, Latin Extended-A and B, and the
/// punctuation, spaces and currency signs of news text (’ « — … €).
#[inline(always)]
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphanumeric(),
        '\u{80}'..='\u{bf}' => matches!(c, 'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼' | '½' | '¾'),
        '\u{c0}'..='\u{24f}' => c != '×' && c != '÷',
        '\u{2000}'..='\u{206f}' | '\u{20a0}'..='\u{20cf}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Longest French elided prefixes that stand as words of their own.
const ELISIONS: &[&str] = &["lorsqu", "puisqu", "jusqu", "quoiqu", "qu", "l", "d", "n", "s", "c", "j", "m", "t"];

/// The char at byte `at` of `text` and its length, ASCII read without decoding.
pub fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let byte = *text.as_bytes().get(at)?;
    if byte.is_ascii() {
        return Some((char::from(byte), 1));
    }
    let c = text[at..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// What a byte is to the word walks: an ASCII letter or digit, other ASCII, or
/// part of a longer char, to decode.
pub const ASCII_ALNUM: u8 = 1;
pub const ASCII_OTHER: u8 = 0;
const NOT_ASCII: u8 = 2;
pub static BYTE_CLASS: [u8; 256] = {
    let mut table = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_alphanumeric() { ASCII_ALNUM } else { ASCII_OTHER };
        b += 1;
    }
    table
};

/// Tokens of `text`, spans relative to `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    // About one token every five bytes of news text.
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut at = 0;
    while let Some((c, len)) = char_at(text, at) {
        let start = at;
        at += len;
        if c.is_whitespace() || c == '\u{0}' {
            continue;
        }
        if !is_word_char(c) {
            tokens.push(Token { span: Span::new(start, at), kind: TokenKind::Punct });
            continue;
        }
        // Only an apostrophe joined inside the word can split it.
        let mut apostrophe = false;
        loop {
            // Most of a word is ASCII letters and digits: read byte by byte.
            while text.as_bytes().get(at).is_some_and(|&b| BYTE_CLASS[usize::from(b)] == ASCII_ALNUM) {
                at += 1;
            }
            let Some((d, len)) = char_at(text, at) else { break };
            let joins =
                || (d == '-' || is_apostrophe(d)) && char_at(text, at + len).is_some_and(|(n, _)| is_word_char(n));
            if !(is_word_char(d) || joins()) {
                break;
            }
            apostrophe |= is_apostrophe(d);
            at += len;
        }
        if apostrophe {
            push_word(text, Span::new(start, at), &mut tokens);
        } else {
            tokens.push(Token { span: Span::new(start, at), kind: TokenKind::Word });
        }
    }
    tokens
}

/// Pushes a word, split at a leading elision or a trailing possessive.
fn push_word(text: &str, span: Span, tokens: &mut Vec<Token>) {
    let word = &text[span.start..span.end];
    let word_token = |start: usize, end: usize| Token { span: Span::new(start, end), kind: TokenKind::Word };
    if let Some(pos) = word.find(is_apostrophe) {
        let prefix = &word[..pos];
        let apostrophe_len = word[pos..].chars().next().map_or(1, char::len_utf8);
        let after = pos + apostrophe_len;
        if ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(prefix)) && after < word.len() {
            tokens.push(word_token(span.start, span.start + after));
            push_word(text, Span::new(span.start + after, span.end), tokens);
            return;
        }
        if &word[after..] == "s" && pos > 0 && !word[after..].contains(is_apostrophe) {
            tokens.push(word_token(span.start, span.start + pos));
            tokens.push(word_token(span.start + pos, span.end));
            return;
        }
    }
    tokens.push(word_token(span.start, span.end));
}

/// The runs of letters and digits of `text`.
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

pub struct Words<'t> {
    text: &'t str,
    at: usize,
}

impl Words<'_> {
    /// Whether the char at byte `at` is a letter or digit, and its length.
    #[inline(always)]
    fn alphanumeric_at(&self, at: usize) -> (bool, usize) {
        char_at(self.text, at).map_or((false, 1), |(c, len)| (is_alphanumeric(c), len))
    }
}

impl<'t> Iterator for Words<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let bytes = self.text.as_bytes();
        let end = bytes.len();
        // ASCII is read byte by byte, one table lookup each; other chars decoded.
        while self.at < end {
            match BYTE_CLASS[usize::from(bytes[self.at])] {
                ASCII_ALNUM => break,
                ASCII_OTHER => self.at += 1,
                _ => {
                    let (alphanumeric, len) = self.alphanumeric_at(self.at);
                    if alphanumeric {
                        break;
                    }
                    self.at += len;
                }
            }
        }
        if self.at >= end {
            return None;
        }
        let start = self.at;
        while self.at < end {
            match BYTE_CLASS[usize::from(bytes[self.at])] {
                ASCII_ALNUM => self.at += 1,
                ASCII_OTHER => break,
                _ => {
                    let (alphanumeric, len) = self.alphanumeric_at(self.at);
                    if !alphanumeric {
                        break;
                    }
                    self.at += len;
                }
            }
        }
        Some(&self.text[start..self.at])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn elisions_are_split_off() {
        assert_eq!(words("d'Acme"), ["d'", "Acme"]);
        assert_eq!(words("lorsqu’Anne Roe"), ["lorsqu’", "Anne", "Roe"]);
        assert_eq!(words("aujourd'hui"), ["aujourd'hui"]);
    }

    #[test]
    fn hyphens_and_punctuation() {
        assert_eq!(words("la start-up, eBay."), ["la", "start-up", ",", "eBay", "."]);
        assert_eq!(words("« Escroc »"), ["«", "Escroc", "»"]);
    }

    #[test]
    fn alphanumeric_agrees_with_the_standard_library() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn no_word_token_splits_further() {
        // Words without a joined apostrophe skip the split: check that
        // splitting each word token again changes nothing.
        let text =
            "L'État, qu’il dit : Acme's board, aujourd'hui d’Ivry-sur-Seine' l'' rock'n'roll O’Neil’s 'quoted' jusqu'à";
        for token in tokenize(text).iter().filter(|t| t.kind == TokenKind::Word) {
            let mut again = Vec::new();
            push_word(text, token.span, &mut again);
            assert_eq!(again.len(), 1, "{:?} splits again", token.text(text));
        }
        assert_eq!(words("rock'n'roll d’Ivry-sur-Seine'"), ["rock'n'roll", "d’", "Ivry-sur-Seine", "'"]);
    }

    #[test]
    fn english_possessive() {
        assert_eq!(words("Acme's board"), ["Acme", "'s", "board"]);
    }
}
