//! Numbers, scale words, currencies and hedges → intervals.
//!
//! A figure is read with its scale word ("milliards", "bn"), its currency
//! (word or symbol, before or after) or percent sign, and the hedge around it
//! ("près de", "or more"). Its interval follows DESIGN.md: a figure with a
//! scale word or decimals is rounded at its last stated digit, a plain integer
//! is exact, a percent is always rounded; a hedge widens or opens it. Digits
//! glued to letters or a hyphen (GPT-4, 8VC, F-35) or following a product name
//! (iPhone 15) are codes, not values. All words are data in the language file.

use regex::Regex;
use serde::Deserialize;

use crate::rules::{RuleError, RuleFile};
use crate::text::span::Span;
use crate::text::words::{key, key_chars};
use crate::value::{Hedge, Value, ValueKind};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNumbers {
    #[serde(default = "default_decimal")]
    decimal: String,
    #[serde(default)]
    thousands: Vec<String>,
    #[serde(default = "default_tolerance")]
    tolerance: f64,
    #[serde(default)]
    percent: Vec<String>,
    #[serde(default)]
    scales: Vec<(String, f64)>,
    #[serde(default)]
    currencies: Vec<(String, String)>,
    #[serde(default)]
    words: Vec<(String, u32)>,
    #[serde(default)]
    articles: Vec<String>,
    /// Capitalized words before a number that are no product's name, when
    /// a sentence opens with them: "The 12 jurors", "Les 12 jurés" (and the
    /// articles: "A 12-member jury").
    #[serde(default)]
    determiners: Vec<String>,
    #[serde(default)]
    range_open: Vec<String>,
    #[serde(default)]
    range_join: Vec<String>,
    /// Words of change before "from X to Y" ("raised", "passé"): a change
    /// from one value to another, not a range of values.
    #[serde(default)]
    range_change: Vec<String>,
    #[serde(default)]
    not_count_after: Vec<String>,
    /// Words that join number words into one number: "et" in "vingt et
    /// un", "y" in "treinta y cinco".
    #[serde(default)]
    word_joins: Vec<String>,
    /// Words between a figure and its currency: "de" in "millions de
    /// dollars"; one ending with an apostrophe is glued to it ("d'euros").
    #[serde(default)]
    unit_links: Vec<String>,
    /// Words before an hour that make it a time of day, no value: "a las
    /// 12.33", "a las 10".
    #[serde(default)]
    clock_before: Vec<String>,
    /// Words after an hour and its minutes that make them a time of day:
    /// "12.33 horas".
    #[serde(default)]
    clock_after: Vec<String>,
    /// Round-number words that state a count about so large: "une
    /// trentaine" is about 30, "a dozen" about 12.
    #[serde(default)]
    approximate: Vec<(String, f64)>,
    /// Plural round-number words that state a range: "des centaines" is
    /// 200 to 999.
    #[serde(default)]
    multitudes: Vec<(String, f64, f64)>,
    #[serde(default)]
    hedges: RawHedges,
}

fn default_decimal() -> String {
    ".".into()
}

fn default_tolerance() -> f64 {
    0.1
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHedges {
    #[serde(default)]
    nearly: Vec<String>,
    #[serde(default)]
    about: Vec<String>,
    #[serde(default)]
    over: Vec<String>,
    #[serde(default)]
    at_least: Vec<String>,
    #[serde(default)]
    under: Vec<String>,
    #[serde(default)]
    at_most: Vec<String>,
    #[serde(default)]
    at_least_after: Vec<String>,
    #[serde(default)]
    at_most_after: Vec<String>,
    /// Words before a hedge that belong to its wording and keep it: "well
    /// over", "bien plus de".
    #[serde(default)]
    intensifiers: Vec<String>,
}

/// One language's number words, compiled.
#[derive(Debug)]
pub struct NumberLang {
    digits: Regex,
    words: Option<Regex>,
    decimal: char,
    thousands: Vec<char>,
    tolerance: f64,
    percent: Vec<String>,
    /// Longest first.
    scales: Vec<(String, f64)>,
    currencies: Vec<(String, String)>,
    word_values: Vec<(String, u32)>,
    articles: Vec<String>,
    determiners: Vec<String>,
    range_open: Vec<String>,
    range_join: Vec<String>,
    range_change: Vec<String>,
    not_count_after: Vec<String>,
    word_joins: Vec<String>,
    unit_links: Vec<String>,
    clock_before: Vec<String>,
    clock_after: Vec<String>,
    /// (phrase, hedge), longest first.
    hedges_before: Vec<(String, Hedge)>,
    hedges_after: Vec<(String, Hedge)>,
    /// Longest first.
    intensifiers: Vec<String>,
    approximations: Approximations,
}

/// A language's round-number words: every phrase in one pattern, and what
/// each one states, keyed by its lowered phrase.
#[derive(Debug, Default)]
struct Approximations {
    pattern: Option<Regex>,
    phrases: Vec<(String, Approximation)>,
}

/// What an approximate number word states, before the language's tolerance.
#[derive(Debug, Clone, Copy)]
enum Approximation {
    /// About this many: "une trentaine".
    About(f64),
    /// Between these: "des centaines".
    Between(f64, f64),
}

/// The marks that group thousands or end a figure's integer part.
const SEPARATORS: [char; 2] = ['.', ','];

fn longest_first<T>(mut list: Vec<(String, T)>) -> Vec<(String, T)> {
    list.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then_with(|| a.0.cmp(&b.0)));
    list
}

impl NumberLang {
    pub fn compile(raw: &RawNumbers, file: &RuleFile) -> Result<NumberLang, RuleError> {
        let decimal = raw.decimal.chars().next().unwrap_or('.');
        let thousands: Vec<char> = raw.thousands.iter().filter_map(|t| t.chars().next()).collect();
        // Either mark may group thousands or end the integer part: which one
        // a figure uses is read from the figure (see `parse_digits`).
        let group: String =
            thousands.iter().chain(&SEPARATORS).map(|c| regex::escape(&c.to_string())).collect::<Vec<_>>().join("|");
        let pattern = format!(r"\d{{1,3}}(?:(?:{group})\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?");
        let digits = Regex::new(&pattern).map_err(|e| file.error_at(None, format!("number pattern: {e}")))?;
        let words = if raw.words.is_empty() {
            None
        } else {
            let mut names: Vec<&str> = raw.words.iter().map(|(w, _)| w.as_str()).collect();
            names.sort_by_key(|w| std::cmp::Reverse(w.len()));
            let alternation = names.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
            let joins = raw.word_joins.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
            let join = if joins.is_empty() { "-| ".to_string() } else { format!("-| (?:{joins}) | |-(?:{joins})-") };
            // A compound: "quatre-vingt-dix", "vingt et un", "deux cents".
            let pattern = format!(r"(?i)(?:{alternation})(?:(?:{join})(?:{alternation}))*");
            Some(Regex::new(&pattern).map_err(|e| file.error_at(None, format!("number words: {e}")))?)
        };
        let approximations = Approximations::compile(raw, file)?;
        if !(0.0..1.0).contains(&raw.tolerance) {
            return Err(file.error_at(file.text.find("tolerance"), "tolerance must be between 0 and 1"));
        }
        let h = &raw.hedges;
        let mut before = Vec::new();
        for (list, hedge) in [
            (&h.nearly, Hedge::Nearly),
            (&h.about, Hedge::About),
            (&h.over, Hedge::Over),
            (&h.at_least, Hedge::AtLeast),
            (&h.under, Hedge::Under),
            (&h.at_most, Hedge::AtMost),
        ] {
            before.extend(list.iter().map(|p| (key(p).into_owned(), hedge)));
        }
        let mut after = Vec::new();
        for (list, hedge) in [(&h.at_least_after, Hedge::AtLeast), (&h.at_most_after, Hedge::AtMost)] {
            after.extend(list.iter().map(|p| (key(p).into_owned(), hedge)));
        }
        Ok(NumberLang {
            digits,
            words,
            decimal,
            thousands,
            tolerance: raw.tolerance,
            percent: raw.percent.iter().map(|p| key(p).into_owned()).collect(),
            scales: longest_first(raw.scales.iter().map(|(w, v)| (key(w).into_owned(), *v)).collect()),
            currencies: longest_first(raw.currencies.iter().map(|(w, c)| (key(w).into_owned(), c.clone())).collect()),
            word_values: raw.words.iter().map(|(w, v)| (key(w).into_owned(), *v)).collect(),
            articles: raw.articles.iter().map(|a| key(a).into_owned()).collect(),
            determiners: raw.determiners.iter().map(|a| key(a).into_owned()).collect(),
            range_open: raw.range_open.iter().map(|a| key(a).into_owned()).collect(),
            range_change: raw.range_change.iter().map(|a| key(a).into_owned()).collect(),
            range_join: raw.range_join.iter().map(|a| key(a).into_owned()).collect(),
            not_count_after: raw.not_count_after.iter().map(|a| key(a).into_owned()).collect(),
            word_joins: raw.word_joins.iter().map(|a| key(a).into_owned()).collect(),
            unit_links: raw.unit_links.iter().map(|a| key(a).into_owned()).collect(),
            clock_before: raw.clock_before.iter().map(|a| key(a).into_owned()).collect(),
            clock_after: raw.clock_after.iter().map(|a| key(a).into_owned()).collect(),
            hedges_before: longest_first(before),
            hedges_after: longest_first(after),
            intensifiers: longest_first(h.intensifiers.iter().map(|w| (key(w).into_owned(), ())).collect())
                .into_iter()
                .map(|(w, ())| w)
                .collect(),
            approximations,
        })
    }
}

impl Approximations {
    /// Longest first, so that "des dizaines de milliers" wins over "des dizaines".
    fn compile(raw: &RawNumbers, file: &RuleFile) -> Result<Approximations, RuleError> {
        let mut phrases: Vec<(String, Approximation)> = Vec::new();
        for (phrase, value) in &raw.approximate {
            phrases.push((key(phrase).into_owned(), Approximation::About(*value)));
        }
        for (phrase, low, high) in &raw.multitudes {
            if low > high {
                return Err(
                    file.error_at(file.text.find(phrase.as_str()), format!("{phrase:?}: {low} is above {high}"))
                );
            }
            phrases.push((key(phrase).into_owned(), Approximation::Between(*low, *high)));
        }
        if phrases.is_empty() {
            return Ok(Approximations::default());
        }
        let phrases = longest_first(phrases);
        let alternation = phrases
            .iter()
            .map(|(p, _)| regex::escape(p).replace('\'', "['’]").replace(' ', r"[ \u{a0}]+"))
            .collect::<Vec<_>>()
            .join("|");
        let pattern = Regex::new(&format!("(?i:{alternation})"))
            .map_err(|e| file.error_at(None, format!("approximate numbers: {e}")))?;
        Ok(Approximations { pattern: Some(pattern), phrases })
    }

    /// What the phrase `found` in a text states.
    fn get(&self, found: &str) -> Option<Approximation> {
        let wanted = key(found).split_whitespace().collect::<Vec<_>>().join(" ");
        self.phrases.iter().find(|(p, _)| *p == wanted).map(|(_, a)| *a)
    }
}

/// A figure as written, before hedges and ranges.
#[derive(Debug, Clone)]
struct Figure {
    /// The whole wording: symbol, digits, scale, currency.
    span: Span,
    value: f64,
    decimals: u32,
    scale: Option<f64>,
    unit: Option<String>,
    percent: bool,
    words: bool,
    /// For a round-number word ("une trentaine"), what it states.
    approximation: Option<Approximation>,
}

/// The `n` bytes of `text` from `at`, cut back to a char.
fn window(text: &str, at: usize, n: usize) -> &str {
    let mut end = (at + n).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

/// Whether the [`key`] of `window` starts with `phrase`:
/// char by char, without a copy. Σ lowers by its context; a window holding
/// one is lowered whole.
fn lowered_starts_with(window: &str, phrase: &str) -> bool {
    if window.contains('Σ') {
        return key(window).starts_with(phrase);
    }
    let mut lowered = crate::text::words::key_chars(window);
    phrase.chars().all(|wanted| lowered.next() == Some(wanted))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// A place in a text where phrases are tried, its first char lowered once
/// for all of them: most phrases differ at the first letter, and are turned
/// away without lowering a window.
struct Probe<'t> {
    text: &'t str,
    at: usize,
    first: First,
}

enum First {
    /// No char at the place.
    None,
    /// The first char, lowered, with straight apostrophes.
    One(char),
    /// A char that lowers to several: phrases are tested in full.
    Several,
}

impl<'t> Probe<'t> {
    fn new(text: &'t str, at: usize) -> Probe<'t> {
        let first = match text.get(at..).and_then(|rest| rest.chars().next()) {
            None => First::None,
            Some(c) => {
                // The key of the first char alone: most phrases are told apart by it.
                let mut lowered = key_chars(&text[at..at + c.len_utf8()]);
                match (lowered.next(), lowered.next()) {
                    (Some(one), None) => First::One(one),
                    _ => First::Several,
                }
            }
        };
        Probe { text, at, first }
    }

    /// Length in the text's bytes of a lowercase prefix match of `phrase`
    /// ending at a word edge, or None.
    fn word(&self, phrase: &str) -> Option<usize> {
        let (text, at) = (self.text, self.at);
        match self.first {
            First::None => return None,
            First::One(first) if !phrase.starts_with(first) => return None,
            First::One(_) | First::Several => {}
        }
        if !lowered_starts_with(window(text, at, phrase.len() + 8), phrase) {
            return None;
        }
        // Walk the original text for as many chars as the phrase has.
        let count = phrase.chars().count();
        let end = text[at..].char_indices().nth(count).map_or(text.len(), |(i, _)| at + i);
        let last = phrase.chars().last()?;
        let next = text[end..].chars().next();
        if is_word_char(last) && next.is_some_and(is_word_char) {
            return None;
        }
        Some(end - at)
    }
}

/// How a figure reads, see [`NumberLang::reading`].
enum Reading {
    Value(ValueKind),
    /// A number with no unit and no noun after it: "rose to 2,445".
    Bare,
    /// A product's number or a clock time: "Boeing 737", "5:04".
    Nothing,
}

/// Digits of a clock time or a score, "5:04", "3:2": next to a colon that
/// has a digit on its other side.
fn is_clock(text: &str, span: Span) -> bool {
    let before = text[..span.start].strip_suffix(':').is_some_and(|t| t.ends_with(|c: char| c.is_ascii_digit()));
    let after = text[span.end..].strip_prefix(':').is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
    before || after
}

/// The words of a compound number with where each starts: the runs
/// between hyphens and spaces.
fn word_parts(raw: &str) -> impl Iterator<Item = (usize, &str)> {
    raw.split_inclusive(['-', ' '])
        .scan(0, |at, piece| {
            let start = *at;
            *at += piece.len();
            Some((start, piece.trim_end_matches(['-', ' '])))
        })
        .filter(|(_, part)| !part.is_empty())
}

/// Skips spaces (any kind) from `at`; returns the new offset.
fn skip_spaces(text: &str, at: usize) -> usize {
    let mut i = at;
    for c in text[at..].chars() {
        if c == ' ' || c == '\u{a0}' || c == '\u{202f}' || c == '\t' {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// The last `n` bytes of `text` or a little more, from a char boundary.
fn tail(text: &str, n: usize) -> &str {
    let mut s = text.len().saturating_sub(n);
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    &text[s..]
}

/// Where `phrase` starts when `text` ends with it as whole words; `window`
/// is the [`key`] of a tail of `text`.
fn phrase_before(text: &str, window: &str, phrase: &str) -> Option<usize> {
    if phrase.is_empty() || !window.ends_with(phrase) {
        return None;
    }
    let chars = phrase.chars().count();
    let begin = text.char_indices().rev().nth(chars - 1).map_or(0, |(i, _)| i);
    text[..begin].chars().next_back().is_none_or(|c| !c.is_alphanumeric()).then_some(begin)
}

impl NumberLang {
    /// The value of digits as written, and how many decimals they state.
    /// News in one language quotes figures written the other way ("magnitude
    /// 7.8" in French, "1.600 millones" in Spanish), so either mark is read
    /// where the figure itself says which it is: the last of two different
    /// marks is the decimal one; a mark repeated groups thousands; a single
    /// mark before one, two or four and more digits is decimal. Only a single
    /// mark before exactly three digits is ambiguous ("1.498", "1,498"): the
    /// language's decimal mark decides, unless the three are zeros ("35,000").
    fn parse_digits(&self, raw: &str) -> Option<(f64, u32)> {
        let marks: Vec<(usize, char)> = raw.char_indices().filter(|(_, c)| SEPARATORS.contains(c)).collect();
        let decimal_at = match marks.as_slice() {
            [] => None,
            [.., (last, c)] if marks.iter().any(|(_, m)| m != c) => Some(*last),
            [(at, c)] => {
                let after = raw[at + 1..].chars().take_while(char::is_ascii_digit).count();
                // No one states three decimals that are all zero: "35,000" is 35 000.
                let zeros = raw[at + 1..].starts_with("000");
                (after != 3 || *c == self.decimal && !zeros).then_some(*at)
            }
            _ => None,
        };
        let mut int = String::new();
        let mut frac = String::new();
        for (i, c) in raw.char_indices() {
            if c.is_ascii_digit() {
                if decimal_at.is_some_and(|at| i > at) { frac.push(c) } else { int.push(c) }
            } else if !SEPARATORS.contains(&c) && !self.thousands.contains(&c) {
                return None;
            }
        }
        let text = if frac.is_empty() { int } else { format!("{int}.{frac}") };
        Some((text.parse().ok()?, frac.len() as u32))
    }

    /// The value of number words ("deux cents", "treinta y cinco", "mil
    /// quinientos") and how many bytes of `raw` they take. A join word
    /// ("et", "and", "y") links a round ten or hundred to a smaller number
    /// after it ("vingt et un", "hundred and five"); any other join ends
    /// the number before it: "entre dos y tres" is two, then three. A word
    /// worth a thousand or more closes a group ("dos mil quinientos").
    fn parse_words(&self, raw: &str) -> Option<(f64, usize)> {
        let mut total: f64 = 0.0;
        let mut current: f64 = 0.0;
        let mut last: Option<f64> = None;
        let mut joined = false;
        let mut read = 0;
        for (at, part) in word_parts(raw) {
            let part_key = key(part).into_owned();
            if self.word_joins.contains(&part_key) {
                joined = true;
                continue;
            }
            let v = f64::from(self.word_values.iter().find(|(w, _)| *w == part_key)?.1);
            if joined && !last.is_some_and(|last| last >= 20.0 && last % 10.0 == 0.0 && v < last) {
                break;
            }
            joined = false;
            if v >= 1000.0 {
                total += current.max(1.0) * v;
                current = 0.0;
            } else if v == 100.0 || (v == 20.0 && current == 4.0) {
                current = current.max(1.0) * v;
            } else {
                current += v;
            }
            last = Some(v);
            read = at + part.len();
        }
        last.map(|_| (total + current, read))
    }

    /// Every figure in `text`: digits or number words with scale, currency, percent.
    fn figures(&self, text: &str, taken: &[Span]) -> Vec<Figure> {
        let mut found = self.approximate_figures(text, taken);
        let approximate: Vec<Span> = found.iter().map(|f| f.span).collect();
        let taken = &[taken, &approximate].concat()[..];
        for m in self.digits.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            if taken.iter().any(|s| s.start < end && start < s.end) {
                continue;
            }
            let before = text[..start].chars().next_back();
            // Part of a code or another number: "GPT-4", "8VC", "F-35", "1.2.3".
            if before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '/' || c == '.' || c == ',') {
                continue;
            }
            let Some((value, decimals)) = self.parse_digits(m.as_str()) else {
                continue;
            };
            if let Some(figure) = self.extend(text, start, Span::new(start, end), value, decimals, false) {
                found.push(figure);
            }
        }
        if let Some(words) = &self.words {
            let mut from = 0;
            while let Some(m) = words.find_at(text, from) {
                let (start, end) = (m.start(), m.end());
                from = end;
                let inside = text[..start].chars().next_back().is_some_and(crate::text::token::is_alphanumeric)
                    && text[start..].chars().next().is_some_and(crate::text::token::is_alphanumeric);
                if inside {
                    // "chacun trois": the match began in a word; the next word may start one.
                    from = text[start..]
                        .find(|c: char| !crate::text::token::is_alphanumeric(c))
                        .map_or(text.len(), |i| start + i);
                    continue;
                }
                let Some((end, value)) = self.words_at(text, start, m.as_str(), taken) else {
                    continue;
                };
                from = end.max(start + 1);
                let article = start < end && self.articles.iter().any(|a| key_chars(&text[start..end]).eq(a.chars()));
                let Some(figure) = self.extend(text, start, Span::new(start, end), value, 0, true) else {
                    continue;
                };
                if (article || start == end) && figure.scale.is_none() {
                    continue;
                }
                from = from.max(figure.span.end);
                found.push(figure);
            }
        }
        found.sort_by_key(|f| f.span);
        found.dedup_by(|b, a| b.span.start < a.span.end);
        found
    }

    /// The number that the number words `matched` at `start` state: where it
    /// ends and its value. It ends before a word that opens a scale word
    /// ("dos" of "dos mil millones", so that it reads as "2 mil millones";
    /// "mil millones" alone is one of them, as "un milliard" is), before a
    /// join that joins nothing, and at the last word that ends at a word
    /// edge ("mil" of "millones" is no number). An article ("un") counts
    /// only before a scale word.
    fn words_at(&self, text: &str, start: usize, matched: &str, taken: &[Span]) -> Option<(usize, f64)> {
        let mut whole = None;
        let mut opens_scale = false;
        for (at, part) in word_parts(matched) {
            let probe = Probe::new(text, start + at);
            if self.scales.iter().any(|(w, _)| probe.word(w).is_some_and(|len| len > part.len())) {
                opens_scale = true;
                break;
            }
            let end = start + at + part.len();
            if crate::text::pattern::at_word_edge(text, start, end) {
                whole = Some(end);
            }
        }
        let Some(whole) = whole else {
            return (opens_scale && self.scale_may_follow(text, start)).then_some((start, 1.0));
        };
        if taken.iter().any(|s| s.start < whole && start < s.end) {
            return None;
        }
        let words = &text[start..whole];
        let article = self.articles.iter().any(|a| key_chars(words).eq(a.chars()));
        if article && !self.scale_may_follow(text, whole) {
            return None;
        }
        let (value, read) = self.parse_words(words)?;
        Some((start + read, value))
    }

    /// The round-number words of `text` ("une trentaine", "dozens"), as
    /// figures that state their own interval.
    fn approximate_figures(&self, text: &str, taken: &[Span]) -> Vec<Figure> {
        let Some(pattern) = &self.approximations.pattern else { return Vec::new() };
        let mut found = Vec::new();
        for m in pattern.find_iter(text) {
            let span = Span::new(m.start(), m.end());
            if !crate::text::pattern::at_word_edge(text, span.start, span.end)
                || taken.iter().any(|s| s.start < span.end && span.start < s.end)
            {
                continue;
            }
            let Some(approximation) = self.approximations.get(m.as_str()) else { continue };
            let value = match approximation {
                Approximation::About(v) => v,
                Approximation::Between(low, _) => low,
            };
            found.push(Figure {
                span,
                value,
                decimals: 0,
                scale: None,
                unit: None,
                percent: false,
                words: true,
                approximation: Some(approximation),
            });
        }
        found
    }

    /// Whether a scale word may follow a number ending at `end`: when not,
    /// [`NumberLang::extend`] finds no scale there.
    fn scale_may_follow(&self, text: &str, end: usize) -> bool {
        let glued = text[end..].chars().next().is_some_and(char::is_alphabetic);
        let at = if glued { end } else { skip_spaces(text, end) };
        let probe = Probe::new(text, at);
        self.scales.iter().any(|(word, _)| probe.word(word).is_some())
    }

    /// Reads the scale, currency and percent around a number at `number`.
    fn extend(&self, text: &str, start: usize, number: Span, value: f64, decimals: u32, words: bool) -> Option<Figure> {
        // Glued letters are a code ("8VC"), unless they are a scale word ("3.5m", "97.4bn").
        let glued = text[number.end..].chars().next().is_some_and(char::is_alphabetic);
        let scaled = self.scale_after(text, number.end, glued);
        if glued && scaled.is_none() {
            return None;
        }
        // A compound adjective: "a $44-billion deal", "A$95.64-billion-dollar offer".
        let scaled = scaled.or_else(|| self.hyphen_scale(text, number.end));
        let (scale, mut end) = scaled.map_or((None, number.end), |(multiplier, end)| (Some(multiplier), end));
        let after = skip_spaces(text, end);
        let mut percent = false;
        let spaced_unit = self.currency_after(text, after);
        let hyphened = spaced_unit.is_none().then(|| self.hyphen_currency(text, end)).flatten();
        let compound = hyphened.is_some();
        let mut unit = spaced_unit.or(hyphened).map(|(code, unit_end)| {
            end = unit_end;
            code
        });
        if unit.is_none()
            && let Some(percent_end) = self.percent_after(text, after)
        {
            percent = true;
            end = percent_end;
        }
        let mut span_start = start;
        if !percent && (unit.is_none() || compound) {
            // A symbol before: "$97.4 billion", "€3.5m", "US$ 5". In a
            // compound it names the currency better than the word after it:
            // "A$95.64-billion-dollar".
            if let Some((code, symbol_start)) = self.symbol_before(&text[..start]) {
                unit = Some(code);
                span_start = symbol_start;
            }
        }
        Some(Figure {
            span: Span::new(span_start, end),
            value,
            decimals,
            scale,
            unit,
            percent,
            words,
            approximation: None,
        })
    }

    /// The scale word after a number ending at `end`, with where it ends: glued
    /// to it (`glued`, "3.5m") or after a space ("97,4 milliards").
    fn scale_after(&self, text: &str, end: usize, glued: bool) -> Option<(f64, usize)> {
        let at = if glued { end } else { skip_spaces(text, end) };
        let probe = Probe::new(text, at);
        for (word, multiplier) in &self.scales {
            if let Some(len) = probe.word(word) {
                // A one-letter scale stands only glued to its number ("3.5m"), or before a currency.
                if word.chars().count() == 1 && !glued {
                    let symbol_follows = self
                        .currencies
                        .iter()
                        .any(|(w, _)| !w.chars().any(char::is_alphabetic) && text[at + len..].starts_with(w.as_str()));
                    if !symbol_follows {
                        continue;
                    }
                }
                return Some((*multiplier, at + len));
            }
        }
        None
    }

    /// A scale word of more than one letter joined to a number ending at
    /// `end` by a hyphen, with where it ends: "95.64-billion", "2-milliards".
    fn hyphen_scale(&self, text: &str, end: usize) -> Option<(f64, usize)> {
        let at = end + text[end..].strip_prefix('-').map(|_| 1)?;
        let probe = Probe::new(text, at);
        self.scales
            .iter()
            .filter(|(word, _)| word.chars().count() > 1)
            .find_map(|(word, multiplier)| probe.word(word).map(|len| (*multiplier, at + len)))
    }

    /// A currency word joined by a hyphen at `end`: "-dollar" of
    /// "95.64-billion-dollar"; its code and where it ends.
    fn hyphen_currency(&self, text: &str, end: usize) -> Option<(String, usize)> {
        let at = end + text[end..].strip_prefix('-').map(|_| 1)?;
        let probe = Probe::new(text, at);
        self.currencies
            .iter()
            .filter(|(word, _)| word.chars().all(char::is_alphabetic))
            .find_map(|(word, code)| probe.word(word).map(|len| (code.clone(), at + len)))
    }

    /// The currency at `after` or past a link to it ("de dollars", "d'euros",
    /// "of dollars"): its code, and where its word ends.
    fn currency_after(&self, text: &str, after: usize) -> Option<(String, usize)> {
        let mut cursor = after;
        let at_link = Probe::new(text, cursor);
        for link in &self.unit_links {
            // The link's length as written: "d’" is longer than "d'".
            if let Some(len) = at_link.word(link) {
                let glued = link.ends_with('\'');
                let beyond_at = if glued { cursor + len } else { skip_spaces(text, cursor + len) };
                let beyond = Probe::new(text, beyond_at);
                if (glued || beyond_at > cursor + len) && self.currencies.iter().any(|(w, _)| beyond.word(w).is_some())
                {
                    cursor = beyond_at;
                }
                break;
            }
        }
        let at_unit = Probe::new(text, cursor);
        self.currencies.iter().find_map(|(word, code)| at_unit.word(word).map(|len| (code.clone(), cursor + len)))
    }

    /// Where a percent word at `after` ends, if there is one.
    fn percent_after(&self, text: &str, after: usize) -> Option<usize> {
        let at_percent = Probe::new(text, after);
        self.percent.iter().find_map(|word| at_percent.word(word).map(|len| after + len))
    }

    /// A currency symbol that `head` ends with (spaces aside): its code, and where it starts.
    fn symbol_before(&self, head: &str) -> Option<(String, usize)> {
        let trimmed = head.trim_end_matches([' ', '\u{a0}']);
        for (word, code) in &self.currencies {
            if word.chars().all(char::is_alphabetic) {
                continue;
            }
            let Some(sym_start) = trimmed.len().checked_sub(word.len()) else {
                continue;
            };
            if !trimmed.is_char_boundary(sym_start) {
                continue;
            }
            // A symbol that opens with letters opens a word: "A$", not the end of "USA$".
            let word_edge = !word.starts_with(char::is_alphabetic)
                || trimmed[..sym_start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            if word_edge && crate::text::words::key_chars(&trimmed[sym_start..]).eq(word.chars()) {
                return Some((code.clone(), sym_start));
            }
        }
        None
    }

    /// How a figure reads: a value of some kind, a bare number, or no
    /// number of anything.
    fn reading(&self, text: &str, figure: &Figure, hedged: bool) -> Reading {
        if figure.unit.is_some() {
            return Reading::Value(ValueKind::Amount);
        }
        if figure.percent {
            return Reading::Value(ValueKind::Percent);
        }
        // A product name before a bare number: "iPhone 15", "Boeing 737";
        // a hedge is no name, even capitalized at a sentence's start ("About 30").
        let prev_word =
            text[..figure.span.start].trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let determiner = {
            let word = key(prev_word);
            self.articles.iter().chain(&self.determiners).any(|d| *d == word)
        };
        let product = !hedged && !determiner && prev_word.chars().any(char::is_uppercase) && figure.scale.is_none();
        if product || is_clock(text, figure.span) || self.is_time_of_day(text, figure) {
            return Reading::Nothing;
        }
        if figure.scale.is_some() {
            return Reading::Value(ValueKind::Count);
        }
        // A bare number counts something when a noun follows: "1 644 morts".
        let rest = &text[skip_spaces(text, figure.span.end)..];
        let next: String = rest.chars().take_while(|c| c.is_alphabetic() || *c == '\'' || *c == '’').collect();
        let next = key(&next).into_owned();
        let noun = next.chars().next().is_some_and(char::is_lowercase)
            && next.chars().count() > 1
            && !self.not_count_after.contains(&next)
            && !self.scales.iter().any(|(w, _)| *w == next);
        if noun || (hedged && figure.scale.is_some()) { Reading::Value(ValueKind::Count) } else { Reading::Bare }
    }

    /// An hour, or an hour and its minutes, with a clock word: "a las
    /// 12.33", "a las 10", "12.33 horas" (but "48 horas" is a count, and
    /// so is "a las 20 familias").
    fn is_time_of_day(&self, text: &str, figure: &Figure) -> bool {
        let minutes = (figure.value.fract() * 100.0).round();
        let hour = figure.value.trunc();
        let clock_like = figure.scale.is_none()
            && !figure.words
            && hour <= 24.0
            && (figure.decimals == 0 || figure.decimals == 2 && minutes < 60.0);
        if !clock_like {
            return false;
        }
        let rest = &text[skip_spaces(text, figure.span.end)..];
        let next = key(&rest.chars().take_while(|c| c.is_alphabetic()).collect::<String>()).into_owned();
        let clock_after = self.clock_after.contains(&next);
        if figure.decimals == 2 && clock_after {
            return true;
        }
        // "a las 10", "a las 10 de la mañana", but "a las 20 familias": a noun counts.
        let head = key(text[..figure.span.start].trim_end()).into_owned();
        let before = self.clock_before.iter().any(|w| {
            head.strip_suffix(w.as_str())
                .is_some_and(|rest| rest.chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
        });
        before && (figure.decimals == 2 || next.is_empty() || clock_after || self.not_count_after.contains(&next))
    }

    /// The hedge that `text` states just before `start`, and where its
    /// wording begins: an intensifier before it belongs to it ("well over").
    /// A hedge ending in an elision is glued to the figure ("plus d'un
    /// millier"); any other stands a space before it.
    fn hedge_before(&self, text: &str, start: usize) -> Option<(Hedge, usize)> {
        let head = &text[..start];
        let trimmed = head.trim_end_matches([' ', '\u{a0}', '\u{202f}']);
        let glued = trimmed.len() == head.len();
        if glued && !head.ends_with(['\'', '’']) {
            return None;
        }
        let window = key(tail(trimmed, 40)).into_owned();
        for (phrase, hedge) in &self.hedges_before {
            if glued && !phrase.ends_with('\'') {
                continue;
            }
            if let Some(begin) = phrase_before(trimmed, &window, phrase) {
                return Some((*hedge, self.intensifier_before(trimmed, begin)));
            }
        }
        None
    }

    /// Where an intensifier before a hedge starting at `begin` starts, or `begin`.
    fn intensifier_before(&self, text: &str, begin: usize) -> usize {
        let head = text[..begin].trim_end_matches([' ', '\u{a0}', '\u{202f}']);
        if head.len() == begin {
            return begin;
        }
        let window = key(tail(head, 20)).into_owned();
        self.intensifiers.iter().find_map(|word| phrase_before(head, &window, word)).unwrap_or(begin)
    }

    fn hedge_after(&self, text: &str, end: usize) -> Option<(Hedge, usize)> {
        let at = skip_spaces(text, end);
        let probe = Probe::new(text, at);
        for (phrase, hedge) in &self.hedges_after {
            if let Some(len) = probe.word(phrase) {
                return Some((*hedge, at + len));
            }
        }
        None
    }

    /// The point value and the interval of a figure as stated, before hedges.
    fn stated(&self, figure: &Figure, kind: ValueKind) -> (f64, f64, f64) {
        let scale = figure.scale.unwrap_or(1.0);
        let point = figure.value * scale;
        let rounded = figure.decimals > 0 || figure.scale.is_some() || kind == ValueKind::Percent || figure.words;
        if !rounded {
            return (point, point, point);
        }
        let half = 0.5 * 10f64.powi(-(figure.decimals as i32)) * scale;
        (point, (point - half).max(0.0), point + half)
    }

    /// The interval a hedge makes of a figure stated as `point` in
    /// `low..=high`: (low, high, low open, high open), `None` unbounded.
    fn hedged(&self, hedge: Option<Hedge>, point: f64, low: f64, high: f64) -> (Option<f64>, Option<f64>, bool, bool) {
        let t = self.tolerance;
        match hedge {
            None | Some(Hedge::Range) => (Some(low), Some(high), false, false),
            Some(Hedge::Nearly) => (Some(point * (1.0 - t)), Some(point), false, false),
            Some(Hedge::About) => (Some(point * (1.0 - t)), Some(point * (1.0 + t)), false, false),
            Some(Hedge::Over) => (Some(point), None, true, false),
            Some(Hedge::AtLeast) => (Some(point), None, false, false),
            Some(Hedge::Under) => (Some(0.0), Some(point), false, true),
            Some(Hedge::AtMost) => (Some(0.0), Some(point), false, false),
        }
    }

    /// Amounts, counts and percents in `text`, skipping `taken` spans (dates).
    pub fn values(&self, text: &str, taken: &[Span]) -> Vec<Value> {
        self.values_and_bare(text, taken, None)
    }

    /// [`Self::values`], and when `bare` is given, the bare numbers too ("the
    /// toll rose to 2,445"), read as counts: the claim stage decides whether a
    /// trigger just before one makes it a count.
    pub fn values_and_bare(&self, text: &str, taken: &[Span], mut bare: Option<&mut Vec<Value>>) -> Vec<Value> {
        let figures = self.figures(text, taken);
        let mut out = Vec::new();
        let mut i = 0;
        while i < figures.len() {
            let figure = &figures[i];
            if let Some(approximation) = figure.approximation {
                out.push(self.approximate_value(text, figure.span, approximation));
                i += 1;
                continue;
            }
            // A range: "entre 5 et 10 milliards d'euros", "between $5 billion and $10 billion".
            if let Some(next) = figures.get(i + 1)
                && let Some(value) = self.range(text, figure, next)
            {
                out.push(value);
                i += 2;
                continue;
            }
            let hedge_before = self.hedge_before(text, figure.span.start);
            let hedge_after = if hedge_before.is_none() { self.hedge_after(text, figure.span.end) } else { None };
            let hedged = hedge_before.is_some() || hedge_after.is_some();
            let (kind, is_bare) = match self.reading(text, figure, hedged) {
                Reading::Value(kind) => (kind, false),
                Reading::Bare if bare.is_some() => (ValueKind::Count, true),
                Reading::Bare | Reading::Nothing => {
                    i += 1;
                    continue;
                }
            };
            let (point, low, high) = self.stated(figure, kind);
            let hedge = hedge_before.map(|h| h.0).or(hedge_after.map(|h| h.0));
            let (low, high, low_open, high_open) = self.hedged(hedge, point, low, high);
            let start = hedge_before.map_or(figure.span.start, |h| h.1);
            let end = hedge_after.map_or(figure.span.end, |h| h.1);
            let list = match (&mut bare, is_bare) {
                (Some(bare), true) => &mut **bare,
                _ => &mut out,
            };
            list.push(Value {
                kind,
                text: text[start..end].to_string(),
                low,
                high,
                point: Some(point),
                unit: figure.unit.clone(),
                hedge,
                low_open,
                high_open,
                start: None,
                end: None,
                granularity: None,
                span: Span::new(start, end),
            });
            i += 1;
        }
        out
    }

    /// The count a round-number word states: about so many, with the
    /// language's tolerance, or a range. A hedge before "about so many"
    /// shapes it as it does a figure: "plus d'un millier" is over 1000.
    fn approximate_value(&self, text: &str, span: Span, approximation: Approximation) -> Value {
        let t = self.tolerance;
        let (point, low, high, hedge, begin) = match approximation {
            Approximation::About(v) => match self.hedge_before(text, span.start) {
                Some((hedge, begin)) => (v, v, v, hedge, begin),
                None => (v, v * (1.0 - t), v * (1.0 + t), Hedge::About, span.start),
            },
            Approximation::Between(low, high) => (low, low, high, Hedge::Range, span.start),
        };
        let (low, high, low_open, high_open) = self.hedged(Some(hedge), point, low, high);
        Value {
            kind: ValueKind::Count,
            text: text[begin..span.end].to_string(),
            low,
            high,
            point: Some(point),
            unit: None,
            hedge: Some(hedge),
            low_open,
            high_open,
            start: None,
            end: None,
            granularity: None,
            span: Span::new(begin, span.end),
        }
    }

    fn range(&self, text: &str, first: &Figure, second: &Figure) -> Option<Value> {
        if first.approximation.is_some() || second.approximation.is_some() {
            return None;
        }
        let between = key(text[first.span.end..second.span.start].trim()).into_owned();
        if !self.range_join.contains(&between) {
            return None;
        }
        let head = text[..first.span.start].trim_end();
        let opener = self.range_open.iter().find_map(|w| {
            let n = w.chars().count();
            let begin = head.char_indices().rev().nth(n - 1).map(|(i, _)| i)?;
            (key(&head[begin..]) == *w && head[..begin].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
                .then_some(begin)
        })?;
        // "raised the age from 62 to 64": a change, the figures two values.
        let clause = head[..opener].rsplit([',', ';', '.', ':']).next().unwrap_or_default();
        let words: Vec<String> = clause.split_whitespace().rev().take(6).map(|w| key(w).into_owned()).collect();
        if words.iter().any(|w| self.range_change.contains(w)) {
            return None;
        }
        // The first figure shares what it lacks with the second.
        let mut a = first.clone();
        if a.scale.is_none() {
            a.scale = second.scale;
        }
        if a.unit.is_none() {
            a.unit = second.unit.clone();
        }
        a.percent |= second.percent;
        let kind = match self.reading(text, second, true) {
            Reading::Value(kind) => kind,
            Reading::Bare | Reading::Nothing => ValueKind::Count,
        };
        let (pa, _, _) = self.stated(&a, kind);
        let (pb, _, _) = self.stated(second, kind);
        if pa > pb {
            return None;
        }
        Some(Value {
            kind: if a.unit.is_some() { ValueKind::Amount } else { kind },
            text: text[opener..second.span.end].to_string(),
            low: Some(pa),
            high: Some(pb),
            point: Some((pa + pb) / 2.0),
            unit: a.unit.clone(),
            hedge: Some(Hedge::Range),
            low_open: false,
            high_open: false,
            start: None,
            end: None,
            granularity: None,
            span: Span::new(opener, second.span.end),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::Rules;
    use crate::value::date::DateContext;
    use crate::value::{Hedge, ValueKind, find_values};

    #[test]
    fn a_prefix_is_read_as_the_lowered_window_reads() {
        let windows = ["Milliards de", "MILLIONS", "m", "", "d’euros", "d'euros", "İstanbul", "ΣΑΣ x", "Kelvin", "ǅx"];
        let phrases =
            ["milliards", "millions", "m", "d'euros", "d’euros", "i", "i̇stanbul", "σας", "ς", "kelvin", "ǆ", ""];
        for window in windows {
            for phrase in phrases {
                let lowered = crate::text::words::key(window).starts_with(phrase);
                assert_eq!(super::lowered_starts_with(window, phrase), lowered, "{window:?} {phrase:?}");
            }
        }
    }

    fn read(lang: &str, text: &str) -> Vec<crate::value::Value> {
        let rules = Rules::load(None).unwrap();
        find_values(text, &rules.langs[lang].values, &mut DateContext::default())
    }

    fn assert_reads(lang: &str, text: &str, kind: ValueKind, low: f64, high: Option<f64>, unit: Option<&str>) {
        let values = read(lang, text);
        let v = values.iter().find(|v| v.kind == kind).unwrap_or_else(|| panic!("{text:?}: no {kind:?} in {values:?}"));
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0);
        assert!(close(v.low.unwrap(), low), "{text:?}: low {:?} != {low}", v.low);
        match (v.high, high) {
            (Some(h), Some(want)) => assert!(close(h, want), "{text:?}: high {h} != {want}"),
            (None, None) => {}
            (got, want) => panic!("{text:?}: high {got:?} != {want:?}"),
        }
        assert_eq!(v.unit.as_deref(), unit, "{text:?}");
    }

    #[test]
    fn french_amounts_are_rounded_at_their_last_digit() {
        assert_reads(
            "fr",
            "une offre de 97,4 milliards de dollars",
            ValueKind::Amount,
            97.35e9,
            Some(97.45e9),
            Some("USD"),
        );
        assert_reads("fr", "97 400 millions de dollars", ValueKind::Amount, 97399.5e6, Some(97400.5e6), Some("USD"));
        assert_reads("fr", "un contrat de 1,2 Md€", ValueKind::Amount, 1.15e9, Some(1.25e9), Some("EUR"));
        assert_reads("fr", "un rachat à un milliard de dollars", ValueKind::Amount, 0.5e9, Some(1.5e9), Some("USD"));
    }

    #[test]
    fn plain_integers_are_exact() {
        assert_reads("fr", "un loyer de 1 500 euros", ValueKind::Amount, 1500.0, Some(1500.0), Some("EUR"));
        assert_reads("en", "sold for $500,000", ValueKind::Amount, 500_000.0, Some(500_000.0), Some("USD"));
        assert_reads("fr", "le séisme a fait 1 644 morts", ValueKind::Count, 1644.0, Some(1644.0), None);
    }

    #[test]
    fn hedges_widen_or_open_the_interval() {
        assert_reads("fr", "près de 100 milliards de dollars", ValueKind::Amount, 90e9, Some(100e9), Some("USD"));
        assert_reads("fr", "100 millions de dollars ou plus", ValueKind::Amount, 100e6, None, Some("USD"));
        assert_reads("en", "about $14 billion", ValueKind::Amount, 12.6e9, Some(15.4e9), Some("USD"));
        assert_reads("fr", "entre 5 et 10 milliards d'euros", ValueKind::Amount, 5e9, Some(10e9), Some("EUR"));
        let v = &read("fr", "plus de 100 millions de dollars")[0];
        assert_eq!((v.hedge, v.low_open), (Some(Hedge::Over), true));
    }

    #[test]
    fn percents_are_always_rounded() {
        assert_reads("fr", "une hausse de 12,5 %", ValueKind::Percent, 12.45, Some(12.55), None);
        assert_reads("en", "a 49 percent stake", ValueKind::Percent, 48.5, Some(49.5), None);
    }

    #[test]
    fn a_number_in_words_is_read_after_a_word_that_ends_like_one() {
        // "un" ends "chacun", "one" ends "someone": the number after them still counts.
        for (lang, text, point, unit) in [
            ("fr", "Ils ont reçu chacun trois mille euros", 3000.0, "EUR"),
            ("en", "someone one hundred dollars richer", 100.0, "USD"),
        ] {
            let values = read(lang, text);
            let amount = values.iter().find(|v| v.kind == ValueKind::Amount);
            assert_eq!(amount.map(|v| (v.point, v.unit.as_deref())), Some((Some(point), Some(unit))), "{text:?}");
        }
        // Inside a word alone, it is not a number.
        assert!(read("fr", "Ils ont reçu chacun").is_empty());
    }

    /// A join word links a round ten or hundred to a smaller number after
    /// it; between two numbers that it cannot join, it ends the first.
    #[test]
    fn a_join_word_joins_only_what_makes_one_number() {
        assert_reads("fr", "vingt et un morts", ValueKind::Count, 20.5, Some(21.5), None);
        assert_reads("en", "one hundred and five dead", ValueKind::Count, 104.5, Some(105.5), None);
        assert_reads("fr", "entre deux et trois millions d'euros", ValueKind::Amount, 2e6, Some(3e6), Some("EUR"));
        assert_reads("en", "between two and three million dollars", ValueKind::Amount, 2e6, Some(3e6), Some("USD"));
    }

    /// A mark before three zeros groups thousands in any language: no one
    /// states a figure to three decimals that are all zero.
    #[test]
    fn three_zeros_after_a_single_mark_are_thousands() {
        assert_reads("fr", "2,000 morts", ValueKind::Count, 2000.0, Some(2000.0), None);
        assert_reads("en", "1.000 people died", ValueKind::Count, 1000.0, Some(1000.0), None);
        // Other digits after it still read as the language says.
        assert_reads("fr", "1,498 morts", ValueKind::Count, 1.4975, Some(1.4985), None);
        assert_reads("en", "1,498 dead", ValueKind::Count, 1498.0, Some(1498.0), None);
    }

    /// A hedge before a round-number word shapes it as it shapes a figure,
    /// even elided and glued to it: "plus d'un millier" is over 1000.
    #[test]
    fn a_hedge_before_a_round_number_word_shapes_it() {
        let cases = [
            ("fr", "plus d'un millier de blessés", "plus d'un millier", Some(Hedge::Over), 1000.0, None),
            ("fr", "près d'un millier d'abris", "près d'un millier", Some(Hedge::Nearly), 900.0, Some(1000.0)),
            ("fr", "environ un millier d'abris", "environ un millier", Some(Hedge::About), 900.0, Some(1100.0)),
            ("fr", "un millier d'abris", "un millier", Some(Hedge::About), 900.0, Some(1100.0)),
            ("en", "more than a thousand homes", "more than a thousand", Some(Hedge::Over), 1000.0, None),
            ("en", "nearly a million homes", "nearly a million", Some(Hedge::Nearly), 0.9e6, Some(1e6)),
            ("es", "más de un millar de casas", "más de un millar", Some(Hedge::Over), 1000.0, None),
            ("fr", "plus d'1 million de foyers", "plus d'1 million", Some(Hedge::Over), 1e6, None),
        ];
        for (lang, phrase, text, hedge, low, high) in cases {
            let values = read(lang, phrase);
            let v = values.first().unwrap_or_else(|| panic!("{phrase:?}: no value"));
            assert_eq!((v.text.as_str(), v.hedge, v.low, v.high), (text, hedge, Some(low), high), "{phrase:?}");
        }
    }

    /// "well over", "bien plus de": the intensifier belongs to the
    /// wording, the hedge is the one it strengthens.
    #[test]
    fn an_intensifier_before_a_hedge_keeps_the_hedge() {
        let cases = [
            ("en", "well over 3,000 acres", "well over 3,000", Hedge::Over),
            ("en", "just over 40 percent", "just over 40 percent", Hedge::Over),
            ("en", "just under 40 people", "just under 40", Hedge::Nearly),
            ("fr", "bien plus de 300 morts", "bien plus de 300", Hedge::Over),
            ("fr", "largement plus de 2 000 morts", "largement plus de 2 000", Hedge::Over),
            ("es", "muy por encima de 300 personas", "muy por encima de 300", Hedge::Over),
        ];
        for (lang, phrase, text, hedge) in cases {
            let v = &read(lang, phrase)[0];
            assert_eq!((v.text.as_str(), v.hedge), (text, Some(hedge)), "{phrase:?}");
        }
        // A word that is no intensifier stays out: "as well as" is no "well".
        assert_eq!(read("en", "as well as over 300 people")[0].text, "over 300");
    }

    /// "a $44-billion deal": a scale and a currency joined by hyphens are
    /// read as spaced ones; a symbol's prefix names its dollar.
    #[test]
    fn hyphenated_compounds_and_prefixed_dollars_read_as_amounts() {
        assert_reads("en", "an A$95.64-billion-dollar offer", ValueKind::Amount, 95.635e9, Some(95.645e9), Some("AUD"));
        assert_reads("en", "a $44-billion deal", ValueKind::Amount, 43.5e9, Some(44.5e9), Some("USD"));
        assert_reads("en", "a 12-million-euro fine", ValueKind::Amount, 11.5e6, Some(12.5e6), Some("EUR"));
        assert_reads("fr", "un contrat de 2-milliards", ValueKind::Count, 1.5e9, Some(2.5e9), None);
        for (symbol, code) in [
            ("A$", "AUD"),
            ("AU$", "AUD"),
            ("C$", "CAD"),
            ("CA$", "CAD"),
            ("NZ$", "NZD"),
            ("HK$", "HKD"),
            ("US$", "USD"),
        ] {
            let phrase = format!("the {symbol}5 million bond");
            let v = &read("en", &phrase)[0];
            assert_eq!((v.text.clone(), v.unit.as_deref()), (format!("{symbol}5 million"), Some(code)), "{phrase}");
        }
        // Letters run into a symbol that opens with them: no prefix there.
        assert_eq!(read("en", "USA$5 million")[0].unit.as_deref(), Some("USD"));
        // A code is still no value, and a one-letter scale needs no hyphen.
        assert!(read("en", "the F-35 jets").is_empty());
        assert!(read("en", "a 10-k race").iter().all(|v| v.kind != ValueKind::Amount));
    }

    #[test]
    fn codes_and_model_names_are_not_values() {
        for text in ["GPT-4", "COVID-19", "le fonds 8VC", "un F-35", "l'iPhone 15", "un Boeing 737", "Windows 11"] {
            let values = read("fr", text);
            assert!(values.is_empty(), "{text:?} read as {values:?}");
        }
    }
}
