//! A deterministic corpus generator for benchmarks: N documents made from a
//! folder of seed articles, grouped in stories of one document per seed.
//!
//! Each story renames the seeds' proper names (capitalized words that are not
//! rule vocabulary) to made-up ones, shifts their years and moves their
//! figures, the same way in every document of the story, so that a corpus has
//! many slots rather than N copies of one. Within a story, some documents get
//! one year or one figure changed on their own, so that the corpus also has
//! real contradictions. Nothing here knows what the seeds are about: names are
//! found by their shape, figures and years by their digits.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

use regex::Regex;

/// One seed article.
pub struct Seed {
    pub stem: String,
    pub text: String,
}

/// Changes whenever the same arguments would give other bytes, so that a
/// cached corpus is made again.
pub const VERSION: &str = "2";

/// What the generator wrote.
pub struct Generated {
    pub documents: usize,
    pub bytes: u64,
}

/// splitmix64: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Reads the `.txt` and `.md` files of `dir`, sorted by name.
pub fn load_seeds(dir: &Path) -> io::Result<Vec<Seed>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    paths.sort();
    let mut seeds = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        let stem = path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().to_string());
        seeds.push(Seed { stem, text });
    }
    if seeds.is_empty() {
        return Err(io::Error::new(io::ErrorKind::NotFound, format!("no .txt or .md seed in {}", dir.display())));
    }
    Ok(seeds)
}

/// The words of `text`: maximal runs of letters and digits, with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, &text[s..i]));
        }
    }
    out.into_iter()
}

/// Whether the word at `offset` opens a sentence or a line.
fn sentence_initial(text: &str, offset: usize) -> bool {
    let before = text[..offset].trim_end_matches([' ', '\u{a0}', '\u{202f}', '«', '"', '“', '(', '—', '-']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':'])
}

/// Whether the word at `offset` is part of a web address ("elon-musk" in a
/// link's path says nothing about how the text writes the name).
fn in_link(text: &str, offset: usize) -> bool {
    let start =
        text[..offset].rfind(char::is_whitespace).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
    let end = text[offset..].find(char::is_whitespace).map_or(text.len(), |i| offset + i);
    let token = &text[start..end];
    token.contains("://") || token.starts_with("www.")
}

/// The proper names of the seeds: capitalized words seen at least once inside
/// a sentence, never in lower case outside a link, and not part of the rules' vocabulary.
pub fn proper_names(seeds: &[Seed], vocabulary: &BTreeSet<String>) -> BTreeSet<String> {
    let mut lower = BTreeSet::new();
    let mut inside = BTreeSet::new();
    for seed in seeds {
        for (offset, word) in words(&seed.text) {
            let first = word.chars().next().unwrap_or(' ');
            if first.is_lowercase() && !in_link(&seed.text, offset) {
                lower.insert(word.to_string());
            } else if first.is_uppercase() && word.chars().count() > 1 && !sentence_initial(&seed.text, offset) {
                inside.insert(word.to_string());
            }
        }
    }
    inside
        .into_iter()
        .filter(|w| !lower.contains(&w.to_lowercase()) && !vocabulary.contains(&w.to_lowercase()))
        .collect()
}

/// Every word of the language rule files in `rules` but their examples, lower-cased, so that renaming
/// never touches a cue, a month or a boilerplate marker.
pub fn vocabulary(rules: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![rules.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml")
                && path.parent().is_some_and(|p| p.ends_with("lang"))
            {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let Ok(mut table) = text.parse::<toml::Table>() else { continue };
                // The examples name people; the vocabulary is everything else.
                table.remove("test");
                collect_words(&toml::Value::Table(table), &mut out);
            }
        }
    }
    out
}

fn collect_words(value: &toml::Value, out: &mut BTreeSet<String>) {
    match value {
        toml::Value::String(s) => out.extend(words(s).map(|(_, w)| w.to_lowercase())),
        toml::Value::Array(items) => items.iter().for_each(|v| collect_words(v, out)),
        toml::Value::Table(table) => table.values().for_each(|v| collect_words(v, out)),
        _ => {}
    }
}

const ONSETS: &[&str] = &["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr", "st"];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou"];
const CODAS: &[&str] = &["", "", "n", "r", "l", "s", "x"];

/// A made-up capitalized name of about the length of `like`.
fn made_up(rng: &mut Rng, like: &str) -> String {
    let syllables = (like.chars().count() / 3).clamp(2, 4);
    let mut name = String::new();
    for _ in 0..syllables {
        name.push_str(ONSETS[rng.below(ONSETS.len() as u64) as usize]);
        name.push_str(VOWELS[rng.below(VOWELS.len() as u64) as usize]);
    }
    name.push_str(CODAS[rng.below(CODAS.len() as u64) as usize]);
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// How one story varies its seeds.
struct Story {
    names: BTreeMap<String, String>,
    year_shift: i64,
    figure_shift: f64,
}

impl Story {
    fn new(index: u64, names: &BTreeSet<String>, words: &BTreeSet<String>) -> Story {
        let mut rng = Rng::new(index.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x5EED);
        let names = names
            .iter()
            .map(|n| {
                let mut word_rng = Rng::new(rng.0 ^ fnv(n));
                // A made-up name that is also a word of the seeds ("Raison") would
                // turn that word into a name everywhere: draw again.
                let mut name = made_up(&mut word_rng, n);
                while words.contains(&name.to_lowercase()) {
                    name = made_up(&mut word_rng, n);
                }
                (n.clone(), name)
            })
            .collect();
        let year_shift = rng.below(15) as i64 - 10;
        let figure_shift = rng.below(60) as f64;
        Story { names, year_shift, figure_shift }
    }
}

/// A figure as written: digits with optional thousands groups and decimals.
struct Figure {
    value: f64,
    decimals: usize,
    separator: Option<char>,
    group: Option<char>,
}

impl Figure {
    fn read(text: &str) -> Option<Figure> {
        let group = text.chars().find(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}'));
        let (int, frac, separator) = match text.rfind([',', '.']) {
            Some(i) => (&text[..i], &text[i + 1..], text[i..].chars().next()),
            None => (text, "", None),
        };
        let digits: String = int.chars().filter(char::is_ascii_digit).collect();
        let value: f64 = format!("{digits}.{}", if frac.is_empty() { "0" } else { frac }).parse().ok()?;
        Some(Figure { value, decimals: frac.len(), separator, group })
    }

    fn write(&self, value: f64) -> String {
        let fixed = format!("{value:.*}", self.decimals);
        let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
        let mut out = String::new();
        for (i, c) in int.chars().enumerate() {
            if let Some(g) = self.group
                && i > 0
                && (int.len() - i) % 3 == 0
            {
                out.push(g);
            }
            out.push(c);
        }
        if let Some(sep) = self.separator
            && !frac.is_empty()
        {
            out.push(sep);
            out.push_str(frac);
        }
        out
    }
}

/// Rewrites one seed for one story; `rng` decides this document's own changes.
fn vary(seed: &Seed, story: &Story, figures: &Regex, rng: &mut Rng) -> String {
    // One year and one figure of this document may change on their own.
    let year_count = figures.find_iter(&seed.text).filter(|m| is_year(m.as_str())).count() as u64;
    let figure_count = figures.find_iter(&seed.text).filter(|m| is_figure(m.as_str())).count() as u64;
    let odd_year = (rng.chance(25) && year_count > 1).then(|| 1 + rng.below(year_count - 1));
    let odd_figure = (rng.chance(20) && figure_count > 0).then(|| rng.below(figure_count));

    let (mut years, mut figs) = (0, 0);
    let renumbered = figures.replace_all(&seed.text, |caps: &regex::Captures| {
        let text = &caps[0];
        if is_year(text) {
            // The first year is the document's own date: it moves with the story only.
            let odd = odd_year == Some(years);
            years += 1;
            let year: i64 = text.parse().unwrap_or(2000);
            (year + story.year_shift + i64::from(odd)).to_string()
        } else if is_figure(text) {
            let odd = odd_figure == Some(figs);
            figs += 1;
            let Some(figure) = Figure::read(text) else { return text.to_string() };
            let shifted = figure.value + story.figure_shift;
            figure.write(if odd { shifted * 1.25 } else { shifted })
        } else {
            text.to_string()
        }
    });
    let mut out = String::with_capacity(renumbered.len());
    let mut last = 0;
    for (offset, word) in words(&renumbered) {
        if let Some(name) = story.names.get(word) {
            out.push_str(&renumbered[last..offset]);
            out.push_str(name);
            last = offset + word.len();
        }
    }
    out.push_str(&renumbered[last..]);
    out
}

fn is_year(text: &str) -> bool {
    text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) && (1900..=2099).contains(&text.parse().unwrap_or(0))
}

/// Figures move; small integers (days of the month, small counts) do not.
fn is_figure(text: &str) -> bool {
    !is_year(text) && Figure::read(text).is_some_and(|f| f.decimals > 0 || f.value > 31.0)
}

/// Writes `documents` documents made from `seeds` into `out` (created if needed).
pub fn generate(seeds: &[Seed], names: &BTreeSet<String>, documents: usize, out: &Path) -> io::Result<Generated> {
    std::fs::create_dir_all(out)?;
    let figures =
        Regex::new(r"(?-u:\b)[0-9]{1,3}(?:[ \u{a0}\u{202f}][0-9]{3})+(?:[.,][0-9]+)?(?-u:\b)|(?-u:\b)[0-9]+(?:[.,][0-9]+)?(?-u:\b)")
            .expect("a valid pattern");
    let mut bytes = 0;
    let words: BTreeSet<String> =
        seeds.iter().flat_map(|seed| words(&seed.text).map(|(_, w)| w.to_lowercase())).collect();
    let mut story = Story::new(0, names, &words);
    for n in 0..documents {
        let (story_index, seed_index) = (n / seeds.len(), n % seeds.len());
        if seed_index == 0 {
            story = Story::new(story_index as u64, names, &words);
        }
        let seed = &seeds[seed_index];
        let mut rng = Rng::new(fnv(&seed.stem) ^ (story_index as u64).wrapping_mul(0x9E37_79B9));
        let text = vary(seed, &story, &figures, &mut rng);
        bytes += text.len() as u64;
        std::fs::write(out.join(format!("s{story_index:05}-{}.txt", seed.stem)), text)?;
    }
    Ok(Generated { documents, bytes })
}
