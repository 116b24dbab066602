//! Which lines of a source are not its text: the header's, site menus,
//! boilerplate the language's cues mark, a headline repeated as a sentence.

use super::header::{byline_date, may_hold_year, worded_byline};
use crate::lang::Lang;
use crate::lang::text::ends_as_sentence;
use crate::text::span::Span;
use crate::text::token::words;
use crate::value::date::PartialDate;

/// Which lines (1-based) are boilerplate: those the header takes
/// (`excluded`), those before the body, and what the language's cues or
/// the shape of a menu mark; with a headline in another language, if one
/// was passed over. A date line met on the way may set `date`.
pub(super) fn boilerplate_lines(
    body: &BodyLines,
    excluded: &[usize],
    lang: Option<&Lang>,
    date: &mut Option<PartialDate>,
) -> (Vec<bool>, Option<usize>) {
    let mut boiler = vec![false; body.total() + 1];
    for &n in excluded {
        boiler[n] = true;
    }
    for b in boiler.iter_mut().take(body.first).skip(1) {
        *b = true;
    }
    let foreign_headline = lang.and_then(|lang| mark_boilerplate(body, lang, &mut boiler, date));
    mark_menu(body, &mut boiler);
    (boiler, foreign_headline)
}

/// A text's lines as spans, and where its body starts.
pub(super) struct BodyLines<'t> {
    pub(super) text: &'t str,
    pub(super) spans: Vec<Span>,
    pub(super) body_start: usize,
    /// The body's first line, 1-based.
    pub(super) first: usize,
}

impl<'t> BodyLines<'t> {
    pub(super) fn new(text: &'t str, body_start: usize, index: &crate::text::span::LineIndex) -> BodyLines<'t> {
        let mut spans = Vec::new();
        let mut offset = 0;
        for line in text.split('\n') {
            spans.push(Span::new(offset, offset + line.len()));
            offset += line.len() + 1;
        }
        BodyLines { text, spans, body_start, first: index.line(body_start) }
    }

    pub(super) fn total(&self) -> usize {
        self.spans.len()
    }

    /// The numbers of the body's lines.
    pub(super) fn lines(&self) -> std::ops::RangeInclusive<usize> {
        self.first..=self.total()
    }

    /// Line `n` (1-based) less what comes before the body, trimmed.
    pub(super) fn content(&self, n: usize) -> &'t str {
        let span = self.spans[n - 1];
        let from = span.start.max(self.body_start).min(span.end);
        self.text[from..span.end].trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\0')
    }
}

/// Marks in `boiler` the body's lines that are not news: "read also"
/// teasers and the lines after them, bylines (whose date fills `date` when
/// none is known), cue lines, lines with none of the language's common
/// words, and everything after a banner in the second half. Returns the
/// first line when it is left out only for having none of the language's
/// common words ("Turkey quake: toll tops 2,300"): a headline, which still
/// names the document.
pub(super) fn mark_boilerplate(
    body: &BodyLines,
    lang: &Lang,
    boiler: &mut [bool],
    date: &mut Option<PartialDate>,
) -> Option<usize> {
    let tl = &lang.text;
    let total = body.total();
    let first_line = body.lines().find(|&n| !body.content(n).is_empty());
    let (mut in_teaser, mut footer_from, mut foreign_headline) = (false, None, None);
    for n in body.lines() {
        let line = body.content(n);
        if line.is_empty() {
            in_teaser = false;
            continue;
        }
        // Only small counts matter below: a long paragraph is not split to the
        // end. Counted when a test needs it, after the cheaper tests.
        let word_count = std::cell::OnceCell::new();
        let word_count = || *word_count.get_or_init(|| words(line).take(21).count());
        let list_item = line.starts_with(['-', '•', '*', '–']);
        if tl.is_teaser(line) {
            boiler[n] = true;
            in_teaser = true;
            continue;
        }
        if in_teaser && (list_item || word_count() <= 20) {
            boiler[n] = true;
            continue;
        }
        in_teaser = false;
        if let Some(byline) = byline_date(line, lang.values.dates.day_first())
            && word_count() <= 8
        {
            boiler[n] = true;
            date.get_or_insert(byline);
            continue;
        }
        // Cheap tests first: most lines end as sentences or have no year.
        if !ends_as_sentence(line)
            && may_hold_year(line)
            && word_count() <= 16
            && let Some(byline) = worded_byline(line, &lang.values.dates, tl.has_byline_cue(line))
        {
            boiler[n] = true;
            date.get_or_insert(byline);
            continue;
        }
        let cue = tl.is_boilerplate(line);
        // A line of several words with none of the language's common words: a
        // site header or a line in another language.
        let foreign = !line.ends_with(['.', '!', '?', '»', '"']) && word_count() >= 3 && !tl.has_stopword(line);
        if cue || foreign {
            boiler[n] = true;
            if !cue && Some(n) == first_line {
                foreign_headline = Some(n);
            }
            // A banner in the second half opens the page's footer.
            if cue && footer_from.is_none() && n * 2 > total {
                footer_from = Some(n);
            }
        }
    }
    if let Some(from) = footer_from {
        for b in boiler.iter_mut().skip(from) {
            *b = true;
        }
    }
    foreign_headline
}

/// Marks in `boiler` a trailing run of three or more short unpunctuated
/// lines: a menu.
pub(super) fn mark_menu(body: &BodyLines, boiler: &mut [bool]) {
    let mut run = Vec::new();
    for n in body.lines().rev() {
        let line = body.content(n);
        if line.is_empty() {
            continue;
        }
        let short = !line.ends_with(['.', '!', '?', '»', '"', ':']) && words(line).take(5).count() <= 4;
        if !short {
            break;
        }
        run.push(n);
    }
    if run.len() >= 3 {
        for n in run {
            boiler[n] = true;
        }
    }
}

/// How many distinct words of three chars or more `line` shares with `text`.
pub(super) fn shared_words(line: &str, text: &str) -> usize {
    let keys = |s: &str| -> std::collections::BTreeSet<String> {
        words(s).filter(|w| w.chars().count() >= 3).map(|w| crate::text::words::key(w).into_owned()).collect()
    };
    keys(line).intersection(&keys(text)).count()
}

/// Drops the first sentence after the headline's line when it repeats the
/// headline word for word, as pages often print it twice: one statement,
/// read once.
pub(super) fn drop_repeated_headline(text: &str, headline: Span, sentences: &mut Vec<Span>) {
    let key = |s: &str| -> Vec<String> { words(s).map(|w| crate::text::words::key(w).into_owned()).collect() };
    let wanted = key(&text[headline.start..headline.end]);
    if wanted.is_empty() {
        return;
    }
    if let Some(i) = sentences.iter().position(|s| s.start >= headline.end)
        && key(&text[sentences[i].start..sentences[i].end]) == wanted
    {
        sentences.remove(i);
    }
}
