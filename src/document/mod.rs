//! Loading a source: decoding, publication date, language, boilerplate lines
//! and sentences with byte offsets.
//!
//! Byte offsets are those of the file (a BOM is kept and skipped), lines are
//! split at `\n` (`\r` is white space), and every cue (boilerplate, teasers,
//! abbreviations, language words) comes from the `[text]` section of the
//! language files. This stage does not read values or claims.

use std::sync::OnceLock;

use serde::Serialize;

use crate::lang::{Lang, Rules};
use crate::text::span::{Location, Span};
use crate::text::token::words;
use crate::value::date::PartialDate;

mod boilerplate;
pub mod corpus;
mod decode;
mod header;
mod sentences;

use boilerplate::{BodyLines, boilerplate_lines, drop_repeated_headline, shared_words};
use decode::decode_source;
use header::{FrontMatter, date_marker, front_matter};
use sentences::split_sentences;

/// The language whose common words `sample` uses most, with their count
/// (the last in code order on a tie), in one pass over its words. The pass
/// stops once one language leads by far in the words that it alone lists:
/// the rest of the sample could not turn it. A word that several languages
/// list ("la", "de", "que" in French and Spanish) counts for each of them,
/// but settles nothing.
fn detect<'r>(rules: &'r Rules, sample: &str) -> Option<(usize, &'r String)> {
    let langs: Vec<&Lang> = rules.langs.values().collect();
    let mut counts = vec![0; langs.len()];
    let mut own = vec![0; langs.len()];
    for word in words(sample) {
        let Some(indices) = rules.detect.get_key(word) else { continue };
        for &index in indices {
            counts[index] += 1;
        }
        if let [index] = indices[..] {
            own[index] += 1;
            if decided(&own) {
                break;
            }
        }
    }
    counts.into_iter().zip(langs).map(|(n, l)| (n, &l.code)).max_by_key(|(n, _)| *n)
}

/// Whether one language has [`DECIDED`] common words and all the others
/// together not a tenth as many.
fn decided(counts: &[usize]) -> bool {
    let total: usize = counts.iter().sum();
    counts.iter().any(|&n| n >= DECIDED && (total - n) * 10 < n)
}

/// How many common words of one language, with next to none of the others,
/// settle what language a text is in.
const DECIDED: usize = 60;

/// A loaded source. The serialized fields are the report's `documents` entry.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// File stem, unique in the run.
    pub id: String,
    /// The path as given on the command line.
    pub path: String,
    /// ISO 639-1 code, detected or given.
    pub language: String,
    /// Publication date as known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    pub title: Option<String>,
    /// Who published it: the front matter's `outlet:`, its `source:` or
    /// `url:` (a URL gives its domain), else the file name.
    pub outlet: String,
    /// 1-based lines judged boilerplate.
    pub excluded_lines: Vec<usize>,
    /// Problems that did not stop the load (NUL bytes, no text…).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    #[serde(skip)]
    pub text: String,
    #[serde(skip)]
    pub lines: crate::text::span::LineIndex,
    #[serde(skip)]
    pub sentences: Vec<Span>,
    #[serde(skip)]
    pub reference_date: Option<PartialDate>,
    /// The names its sentences state, as the story stage compares
    /// documents by them (see [`crate::entity::Stated`]): set by the names
    /// pass, which reads the sentences anyway.
    #[serde(skip)]
    pub stated_names: OnceLock<Vec<u64>>,
}

impl Document {
    /// A document known only by its id, for claims read from elsewhere.
    pub fn placeholder(id: &str, date: Option<String>) -> Document {
        Document {
            id: id.to_string(),
            path: id.to_string(),
            language: String::new(),
            reference_date: date.as_deref().and_then(|d| PartialDate::parse(d).ok()),
            date,
            title: None,
            outlet: id.to_string(),
            excluded_lines: Vec::new(),
            warnings: Vec::new(),
            text: String::new(),
            lines: crate::text::span::LineIndex::default(),
            sentences: Vec::new(),
            stated_names: OnceLock::new(),
        }
    }

    pub fn locate(&self, span: Span) -> Location {
        self.lines.locate(&self.text, span)
    }
}

/// What the caller knows better than the file.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub language: Option<String>,
    pub date: Option<PartialDate>,
}

/// Why a source could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for DocumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for DocumentError {}

/// Decode and analyse one source. `id` is the file stem, made unique by the caller.
pub fn load(
    id: &str,
    path: &str,
    bytes: Vec<u8>,
    rules: &Rules,
    options: &LoadOptions,
) -> Result<Document, DocumentError> {
    let (text, mut warnings) = decode_source(path, bytes)?;
    let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let lines = crate::text::span::LineIndex::new(&text);
    let header = front_matter(&text, start, &mut warnings);
    let outlet = header.outlet(path);
    let FrontMatter { mut date, mut title, mut body_start, lines: excluded, .. } = header;
    if let Some((marker, end)) = date_marker(&text, body_start) {
        date = Some(marker);
        body_start = end;
    }
    let language = language_of(&text, start, body_start, rules, options, &mut warnings);
    let lang_rules = rules.langs.get(&language);
    let text_lang = lang_rules.map(|l| &l.text);

    let body = BodyLines::new(&text, body_start, &lines);
    let (boiler, foreign_headline) = boilerplate_lines(&body, &excluded, lang_rules, &mut date);
    let excluded_lines: Vec<usize> =
        (1..=body.total()).filter(|&n| boiler[n] && (!body.content(n).is_empty() || excluded.contains(&n))).collect();
    let mut sentences = Vec::new();
    for n in body.lines().filter(|&n| !boiler[n]) {
        let span = body.spans[n - 1];
        let from = span.start.max(body_start).min(span.end);
        split_sentences(&text, Span::new(from, span.end), text_lang, &mut sentences);
    }

    let first_kept = body.lines().find(|&n| !boiler[n] && !body.content(n).is_empty());
    // A headline speaks of what follows; a site's header or a line in
    // another language does not.
    let foreign_headline = foreign_headline.filter(|&headline| {
        let kept: Vec<&str> = body.lines().filter(|&n| !boiler[n]).take(3).map(|n| body.content(n)).collect();
        shared_words(body.content(headline), &kept.join(" ")) >= 2
    });
    let title_line = foreign_headline.or(first_kept);
    if title.is_none() {
        title = title_line.map(|n| body.content(n).trim_start_matches(['#', ' ']).chars().take(200).collect());
    }
    // A headline that yields sentences of its own: its repeat would state its claims twice.
    if let Some(n) = title_line.filter(|&n| !boiler[n]) {
        let headline = body.spans[n - 1];
        drop_repeated_headline(&text, headline, &mut sentences);
    }
    // `--date` says what the file does not: a date the file states wins.
    let date = date.or(options.date).or_else(|| dated_by_text(&text, &sentences, lang_rules?));
    Ok(Document {
        id: id.to_string(),
        path: path.to_string(),
        language,
        date: date.map(|d| d.to_string()),
        title,
        outlet,
        excluded_lines,
        warnings,
        text,
        lines,
        sentences,
        reference_date: date,
        stated_names: OnceLock::new(),
    })
}

/// How many sentences open a document: where a full date is its own time.
const OPENING_SENTENCES: usize = 3;

/// The month of an undated document that speaks of its own days
/// ("aujourd'hui", "mardi"): the month of the latest full date its opening
/// sentences state, when no later year is named. A text that says "ont
/// conclu aujourd'hui un règlement" under a caption dating a photo "le 17
/// avril 2023" is of April 2023 or after.
fn dated_by_text(text: &str, sentences: &[Span], lang: &Lang) -> Option<PartialDate> {
    let values = &lang.values;
    if !values.days.speaks_of_days(text) {
        return None;
    }
    // Its opening sentences (lede, caption) speak of its own time; further
    // on, a full date may recall another ("le séisme du 17 août 1999").
    let latest = sentences
        .iter()
        .take(OPENING_SENTENCES)
        .flat_map(|s| {
            let sentence = &text[s.start..s.end];
            let mut ctx = crate::value::date::DateContext { reference: None, last_year: None };
            let dates = crate::value::find_dates(sentence, values, &mut ctx);
            // A date after "du", "of" names another event ("le séisme du 17 août 1999").
            dates.into_iter().filter(move |v| {
                let before = sentence[..v.span.start].split_whitespace().next_back().unwrap_or("");
                !lang.claims.genitive.contains(&*crate::text::words::key(before))
            })
        })
        .filter(|v| v.granularity == Some(crate::value::Granularity::Day))
        .filter_map(|v| PartialDate::parse(v.start.as_deref()?).ok())
        .max_by_key(|d| (d.year, d.month, d.day))?;
    let latest_year = crate::value::date::latest_year_named(text)?;
    (latest_year <= latest.year).then_some(PartialDate { day: None, ..latest })
}

/// The language given, or the one whose common words the first 20,000
/// bytes of the body use most; else the first known, with a warning.
fn language_of(
    text: &str,
    start: usize,
    body_start: usize,
    rules: &Rules,
    options: &LoadOptions,
    warnings: &mut Vec<String>,
) -> String {
    if let Some(l) = &options.language {
        return l.clone();
    }
    let mut sample_end = (body_start + 20_000).min(text.len());
    while !text.is_char_boundary(sample_end) {
        sample_end -= 1;
    }
    match detect(rules, &text[body_start..sample_end]) {
        Some((n, code)) if n > 0 => code.clone(),
        _ => {
            let first = rules.langs.keys().next().cloned().unwrap_or_default();
            if !text[start..].trim().is_empty() {
                warnings.push(format!("language not recognized; read as {first}"));
            }
            first
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sentences::*;
    use super::*;

    fn seed(name: &str) -> Document {
        let rules = Rules::load(None).unwrap();
        let path = format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap();
        load(name, &path, bytes, &rules, &LoadOptions::default()).unwrap()
    }

    #[test]
    fn words_are_the_runs_of_letters_and_digits() {
        for text in ["", "  ", "l’État a dit: 97,4 Md$ — «non»", "naïve café, x2 ÉTÉ!", "a\u{0}b\u{feff}c"] {
            let by_split: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            assert_eq!(words(text).collect::<Vec<_>>(), by_split, "{text:?}");
        }
    }

    #[test]
    fn a_language_that_leads_by_far_is_settled_before_the_end() {
        let rules = Rules::load(None).unwrap();
        // Four of its words are French alone ("que", "la", "de" are Spanish too).
        let french = "Le groupe a dit que la offre de la société est pour les actionnaires. ".repeat(16);
        let english = "The group said that the offer of the company is for the shareholders. ".repeat(40);
        // Read in full, English has more common words; French opens and settles it.
        assert_eq!(detect(&rules, &english).map(|(_, code)| code.as_str()), Some("en"));
        assert_eq!(detect(&rules, &format!("{french}{english}")).map(|(_, code)| code.as_str()), Some("fr"));
        // A few words, or two languages mixed, settle nothing: every word counts.
        assert!(!decided(&[DECIDED - 1, 0]));
        assert!(!decided(&[DECIDED, DECIDED / 10]));
        assert!(decided(&[0, DECIDED]));
        // "le" is French alone: "la" and "que" are Spanish words too.
        let once = "Le groupe a dit que the company said that ";
        let (n, code) = detect(&rules, once).unwrap();
        assert_eq!(detect(&rules, &once.repeat(100)), Some((100 * n, code)));
    }

    /// "la", "de", "que" are French and Spanish words: they count for both,
    /// and the words each language alone lists tell them apart.
    #[test]
    fn words_two_languages_share_count_for_both() {
        let rules = Rules::load(None).unwrap();
        let code = |text: &str| detect(&rules, text).map(|(_, code)| code.as_str());
        let spanish = "La crecida de la semana causó casi 40 muertos en la comarca, según los bomberos de la zona.";
        let french = "La crue de la semaine a fait près de 40 morts dans la vallée, selon les pompiers de la zone.";
        assert_eq!((code(spanish), code(french)), (Some("es"), Some("fr")));
        // A French line whose only common word is French alone.
        assert_eq!(code("Le séisme a fait 2 000 morts."), Some("fr"));
    }

    #[test]
    fn a_byline_in_words_dates_the_document_and_yields_no_sentence() {
        let rules = Rules::load(None).unwrap();
        let cases = [
            ("Title\n\nPublié le 8 octobre 2023 à 10h32\n\nLe séisme a fait 2 000 morts.\n", Some("2023-10-08"), true),
            ("Title\n\nPublished on October 9, 2023\n\nThe quake killed 2,000 people.\n", Some("2023-10-09"), true),
            (
                "Title\n\nUpdated Oct. 10, 2023 5:04 PM EDT\n\nThe quake killed 2,000 people.\n",
                Some("2023-10-10"),
                true,
            ),
            // A sentence that opens on a date is news; a date without its
            // year dates nothing, though "Published" still marks the line.
            ("Title\n\nLe 8 octobre 2023, la terre a tremblé.\n", None, false),
            ("Title\n\nPublished on October 9\n\nThe quake killed 2,000 people.\n", None, true),
        ];
        for (text, date, excluded) in cases {
            let doc = load("t", "t.txt", text.as_bytes().to_vec(), &rules, &LoadOptions::default()).unwrap();
            assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), date, "{text}");
            assert_eq!(doc.excluded_lines == [3], excluded, "{text}: {:?}", doc.excluded_lines);
        }
    }

    #[test]
    fn sentence_marks_are_every_end_char_in_order() {
        for text in ["", "Non. Oui! Quoi? Fin.", "Il dit… Puis « non ». Ah?!", "…", "3.5 % — É. Roe a dit!", "x.y…z?"]
        {
            let by_chars: Vec<(usize, char)> =
                text.char_indices().filter(|&(_, c)| matches!(c, '.' | '!' | '?' | '…')).collect();
            assert_eq!(sentence_marks(text), by_chars, "{text:?}");
        }
    }

    fn sentence_texts(doc: &Document) -> Vec<&str> {
        doc.sentences.iter().map(|s| &doc.text[s.start..s.end]).collect()
    }

    #[test]
    fn seed_dates_come_from_marker_and_byline() {
        assert_eq!(seed("002_9de6a1a9f164bf50.txt").date.as_deref(), Some("2025-08-22"));
        assert_eq!(seed("003_df5822395eb572df.txt").date.as_deref(), Some("2025-02"));
        assert_eq!(seed("004_7dac47b7e27d2cb1.txt").date.as_deref(), Some("2025-04"));
        assert_eq!(seed("000_76fb5b702e2fbb3a.txt").date, None);
    }

    #[test]
    fn seed_boilerplate_yields_no_sentence() {
        let doc = seed("004_7dac47b7e27d2cb1.txt");
        assert!(sentence_texts(&doc).iter().all(|s| !s.contains("Numerama")), "{:?}", doc.excluded_lines);
        assert!(!doc.excluded_lines.contains(&27), "the quoted tweet is article text");
        let doc = seed("002_9de6a1a9f164bf50.txt");
        assert!(sentence_texts(&doc).iter().all(|s| !s.contains("Comment (0)")));
        assert!(!doc.excluded_lines.contains(&5) && !doc.excluded_lines.contains(&13));
        let doc = seed("001_de1ee3171af4175e.txt");
        assert!(sentence_texts(&doc).iter().all(|s| !s.contains("Fuite de données Grok")));
        assert!(seed("000_76fb5b702e2fbb3a.txt").excluded_lines.is_empty());
    }

    #[test]
    fn a_weak_cue_alone_leaves_a_news_line_in() {
        let rules = Rules::load(None).unwrap();
        let text_lang = |code: &str| &rules.langs[code].text;
        let cases = [
            ("fr", "Le fabricant de cookies Mondelez a racheté Clif Bar pour 2,9 milliards de dollars.", false),
            ("fr", "Meta a modifié sa politique de confidentialité en mars.", false),
            ("fr", "Ce contenu est bloqué car vous n’avez pas accepté les cookies et autres traceurs.", true),
            ("fr", "Ajoutez Numerama à votre écran d'accueil et restez connectés au futur !", true),
            ("fr", "Newsletter", true),
            ("fr", "Tous droits réservés.", true),
            ("en", "Netflix added 5 million subscribers and said it would subscribe to the plan.", false),
            ("en", "Subscribe to our newsletter.", true),
            ("en", "We use cookies to improve your experience.", true),
            ("en", "Share prices rose 3% on Monday.", false),
            ("en", "Share this article", true),
        ];
        for (code, line, expected) in cases {
            assert_eq!(text_lang(code).is_boilerplate(line), expected, "{line}");
        }
    }

    #[test]
    fn the_date_marker_is_not_part_of_the_first_sentence() {
        let doc = seed("003_df5822395eb572df.txt");
        let first = sentence_texts(&doc)[0];
        assert!(!first.contains("date 2025") && first.starts_with(char::is_uppercase), "{first:?}");
        assert_eq!(doc.language, "fr");
    }

    #[test]
    fn sentences_split_after_periods_but_not_after_abbreviations() {
        let rules = Rules::load(None).unwrap();
        let text = "M. Roe a parlé. Il a 97,4 milliards. « Non merci », a-t-il dit.";
        let doc = load("x", "x.txt", text.as_bytes().to_vec(), &rules, &LoadOptions::default()).unwrap();
        assert_eq!(sentence_texts(&doc), ["M. Roe a parlé.", "Il a 97,4 milliards.", "« Non merci », a-t-il dit."]);
    }

    #[test]
    fn damaged_utf8_names_the_byte() {
        let rules = Rules::load(None).unwrap();
        let err = load("x", "x.txt", b"\xC3\xA9t\xE9 def".to_vec(), &rules, &LoadOptions::default()).unwrap_err();
        assert!(err.message.contains("byte 3"), "{err}");
        // Undefined in Windows-1252 too: no encoding reads it.
        let err = load("x", "x.txt", b"abc\x81def".to_vec(), &rules, &LoadOptions::default()).unwrap_err();
        assert!(err.message.contains("byte 3"), "{err}");
    }

    #[test]
    fn a_file_with_no_utf8_is_read_as_windows_1252() {
        let rules = Rules::load(None).unwrap();
        let doc =
            load("x", "x.txt", b"L'\xE9t\xE9 \x96 d\xE9j\xE0.".to_vec(), &rules, &LoadOptions::default()).unwrap();
        assert_eq!(doc.text, "L'été – déjà.");
        assert_eq!(doc.warnings, ["not UTF-8: decoded as Windows-1252"]);
    }

    #[test]
    fn binary_formats_are_refused_by_their_signature() {
        let rules = Rules::load(None).unwrap();
        let pdf = b"%PDF-1.7\n1 0 obj\n<< /Title (News) >>\nendobj\n".to_vec();
        let err = load("x", "x.txt", pdf, &rules, &LoadOptions::default()).unwrap_err();
        assert!(err.message.starts_with("a PDF document, not text"), "{err}");
    }

    fn outlet_of(path: &str, text: &str) -> String {
        let rules = Rules::load(None).unwrap();
        load("x", path, text.as_bytes().to_vec(), &rules, &LoadOptions::default()).unwrap().outlet
    }

    #[test]
    fn the_outlet_comes_from_the_front_matter_or_the_file_name() {
        let body = "Floods\n\nThe floods killed 38 people.\n";
        let with = |header: &str| outlet_of("in/a.md", &format!("---\n{header}\n---\n{body}"));
        assert_eq!(with("source: https://www.lemonde.fr/planete/article/x.html"), "lemonde.fr");
        assert_eq!(with("source: Le Monde"), "Le Monde");
        assert_eq!(with("outlet: \"Le Monde\"\nsource: https://www.lemonde.fr/x"), "Le Monde");
        assert_eq!(with("url: http://user@news.example.org:8080/a?b#c"), "news.example.org");
        assert_eq!(with("url: not a link\ndate: 2031-05-12"), "a.md");
        assert_eq!(outlet_of("in/a.md", body), "a.md");
        // A saved page's first lines, with no front matter.
        assert_eq!(
            outlet_of("in/a.md", &format!("url: https://www.bbc.co.uk/news/1\nquery: x\n\n{body}")),
            "bbc.co.uk"
        );
    }

    #[test]
    fn front_matter_keys_beside_the_date_leave_date_and_title_read() {
        let rules = Rules::load(None).unwrap();
        let text =
            "---\nsource: https://x.org/1\ndate: 2031-05-12\ntitle: \"Floods\"\n---\nThe floods killed 38 people.\n";
        let doc = load("x", "x.md", text.as_bytes().to_vec(), &rules, &LoadOptions::default()).unwrap();
        assert_eq!(
            (doc.date.as_deref(), doc.title.as_deref(), doc.outlet.as_str()),
            (Some("2031-05-12"), Some("Floods"), "x.org")
        );
        assert_eq!(doc.excluded_lines, [1, 2, 3, 4, 5]);
    }
}
