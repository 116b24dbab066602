//! What a source says of itself before its text: front matter (date,
//! title, outlet), a date marker, bylines with a date.

use crate::text::token::words;
use crate::value::date::PartialDate;

/// ` date 2025-02` at the very start: the date and where the text after it starts.
pub(super) fn date_marker(text: &str, from: usize) -> Option<(PartialDate, usize)> {
    let rest = &text[from..];
    let trimmed = rest.trim_start_matches([' ', '\t']);
    let after = trimmed.strip_prefix("date ")?;
    let token: String = after.chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect();
    let date = PartialDate::parse(&token).ok()?;
    let end = from + (rest.len() - trimmed.len()) + 5 + token.len();
    Some((date, end))
}

/// A byline date on a short line: `22/08/2025` (even glued to a name), read
/// in the language's order of day and month (`day_first`), or ISO.
pub(super) fn byline_date(line: &str, day_first: bool) -> Option<PartialDate> {
    // More than 320 bytes is more than 80 chars, without counting them.
    if line.len() > 320 || line.chars().count() > 80 {
        return None;
    }
    let bytes = line.as_bytes();
    for i in 0..bytes.len() {
        // dd/mm/yyyy
        if i + 10 <= bytes.len() && bytes[i + 2] == b'/' && bytes[i + 5] == b'/' {
            let s = &line.get(i..i + 10)?;
            let (a, b, y) = (s[0..2].parse::<u32>().ok(), s[3..5].parse::<u32>().ok(), s[6..10].parse::<i32>().ok());
            let (d, m) = if day_first { (a, b) } else { (b, a) };
            if let (Some(d), Some(m), Some(y)) = (d, m, y)
                && let Ok(date) = PartialDate::parse(&format!("{y:04}-{m:02}-{d:02}"))
            {
                return Some(date);
            }
        }
        // yyyy-mm-dd
        if i + 10 <= bytes.len()
            && bytes[i + 4] == b'-'
            && bytes[i + 7] == b'-'
            && let Some(s) = line.get(i..i + 10)
            && s.bytes().enumerate().all(|(k, b)| if k == 4 || k == 7 { b == b'-' } else { b.is_ascii_digit() })
            && let Ok(date) = PartialDate::parse(s)
        {
            return Some(date);
        }
    }
    None
}

/// Whether `line` has four digits in a row, as a year is written.
pub(super) fn may_hold_year(line: &str) -> bool {
    line.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit))
}

/// A byline in words: a short line that is mostly one date with its day and
/// year ("Published on October 9, 2023", "Publié le 8 octobre 2023 à 10h32"),
/// on a line that does not end as a sentence. A line with a byline cue
/// (`cued`) may also name its outlet or author ("Le Courrier du Sud — Publié
/// le 14 octobre 2024 à 07h45").
pub(super) fn worded_byline(line: &str, dates: &crate::value::date::DateLang, cued: bool) -> Option<PartialDate> {
    let found = dates.dates(line, &mut crate::value::date::DateContext::default());
    let day = found.iter().find(|v| {
        v.granularity == Some(crate::value::Granularity::Day) && v.start.as_deref().is_some_and(|s| !s.starts_with('-'))
    })?;
    // A time, a time zone, "Publié le", "Updated": a few words besides the date.
    let others = words(&line[..day.span.start]).count() + words(&line[day.span.end..]).count();
    if others > if cued { 12 } else { 6 } {
        return None;
    }
    PartialDate::parse(day.start.as_deref()?).ok()
}

/// A front matter `date:` value: a date, or a date and time
/// (`2024-03-15T10:00:00Z`), quoted or not.
pub(super) fn front_matter_date(value: &str) -> Result<PartialDate, String> {
    let value = value.trim().trim_matches(['"', '\'']);
    match value.split_once(['T', ' ']) {
        Some((day, _time)) => PartialDate::parse(day),
        None => PartialDate::parse(value),
    }
}

/// What a file says of itself before its text: front matter between `---`
/// lines (`date:`, `title:`, `outlet:`, `source:`, `url:`), or, with no
/// front matter, `url:`, `source:` or `outlet:` lines at the very top.
#[derive(Debug, Default)]
pub(super) struct FrontMatter {
    pub(super) date: Option<PartialDate>,
    pub(super) title: Option<String>,
    pub(super) outlet: Option<String>,
    pub(super) source: Option<String>,
    pub(super) url: Option<String>,
    /// The front matter's lines, 1-based, `---` included: not text.
    pub(super) lines: Vec<usize>,
    /// The byte where the text starts.
    pub(super) body_start: usize,
}

impl FrontMatter {
    /// Who published the file: `outlet:` as written; else `source:`, a URL
    /// giving its domain; else the domain of `url:`; else the file name.
    pub(super) fn outlet(&self, path: &str) -> String {
        let named = |value: &Option<String>| value.as_deref().map(|v| domain(v).unwrap_or(v).to_string());
        named(&self.outlet)
            .or_else(|| named(&self.source))
            .or_else(|| self.url.as_deref().and_then(domain).map(str::to_string))
            .unwrap_or_else(|| {
                let name = std::path::Path::new(path).file_name().map(|n| n.to_string_lossy().into_owned());
                name.filter(|n| !n.is_empty()).unwrap_or_else(|| path.to_string())
            })
    }

    /// Reads one `key: value` line; `false` when the key is none of those
    /// the front matter knows.
    pub(super) fn read(&mut self, key: &str, value: &str, line: usize, warnings: &mut Vec<String>) -> bool {
        let text = || Some(value.trim().trim_matches(['"', '\'']).trim().to_string()).filter(|v| !v.is_empty());
        match key {
            "date" => match front_matter_date(value) {
                Ok(d) => self.date = Some(d),
                Err(why) => warnings.push(format!("line {line}: front matter date ignored: {why}")),
            },
            "title" => self.title = Some(value.trim().trim_matches('"').to_string()),
            "outlet" => self.outlet = text(),
            "source" => self.source = text(),
            "url" => self.url = text(),
            _ => return false,
        }
        true
    }
}

/// `key: value` on a line, the key a lowercase word.
pub(super) fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.trim().split_once(':')?;
    (!key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')).then_some((key, value))
}

/// The front matter of `text`, whose first byte after a BOM is `start`.
pub(super) fn front_matter(text: &str, start: usize, warnings: &mut Vec<String>) -> FrontMatter {
    let mut header = FrontMatter { body_start: start, ..FrontMatter::default() };
    if !text[start..].starts_with("---") {
        // Saved pages often keep where they came from on their first lines;
        // those lines stay in the text, where boilerplate is told apart.
        for (n, line) in text[start..].split('\n').enumerate() {
            let known = key_value(line).is_some_and(|(key, value)| {
                matches!(key, "url" | "source" | "outlet") && header.read(key, value, n + 1, warnings)
            });
            if !known {
                break;
            }
        }
        return header;
    }
    let mut offset = start;
    for (n, line) in text[start..].split('\n').enumerate() {
        offset += line.len() + 1;
        header.lines.push(n + 1);
        let l = line.trim();
        if n > 0 && l == "---" {
            header.body_start = offset.min(text.len());
            return header;
        }
        if let Some((key, value)) = key_value(l) {
            header.read(key, value, n + 1, warnings);
        }
    }
    // No closing `---`: its lines are text, though what they said is kept.
    header.lines.clear();
    header
}

/// The domain of a URL (`https://www.lemonde.fr/a/b` → `lemonde.fr`), or
/// `None` when `value` is not a URL.
pub(super) fn domain(value: &str) -> Option<&str> {
    let value = value.trim();
    let rest = match value.split_once("://") {
        Some((scheme, rest)) if !scheme.is_empty() && scheme.bytes().all(|b| b.is_ascii_alphabetic()) => rest,
        Some(_) => return None,
        None if value.starts_with("www.") && !value.contains(char::is_whitespace) => value,
        None => return None,
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && !host.contains(char::is_whitespace)).then_some(host)
}
