//! The report as one self-contained web page: the findings, worst first,
//! beside the sources' full text, where every claim's words are marked with
//! its id and verdict and linked both ways.
//!
//! The review's page is built of the same pieces: the draft's claims by
//! status beside the draft's text, where they are marked, and the sources
//! below it.
//!
//! A page needs no network and no script: the style sheet is inline, a
//! verdict is shown by a word or an icon as well as by colour, and links are
//! plain anchors. What is judged, and how, is decided before: this module
//! only lays it out.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use super::markdown::{SECTIONS, summary};
use super::{Report, counted};
use crate::claim::Claim;
use crate::document::Document;
use crate::review::{Evidence, Review, ReviewedClaim, STATUS_SECTIONS, Status};
use crate::verdict::{Finding, Verdict};

/// How a verdict or a review status looks: a style class, an icon, a word.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tone {
    pub class: &'static str,
    pub icon: &'static str,
    pub word: &'static str,
}

/// A claim that nothing judged.
pub(crate) const NEUTRAL: Tone = Tone { class: "t-none", icon: "·", word: "not judged" };

pub(crate) fn verdict_tone(verdict: Verdict) -> Tone {
    match verdict {
        Verdict::Contradiction => Tone { class: "t-contradiction", icon: "✗", word: "contradiction" },
        Verdict::Rounding => Tone { class: "t-rounding", icon: "≈", word: "rounding" },
        Verdict::Agreement => Tone { class: "t-agreement", icon: "✓", word: "agreement" },
        Verdict::SingleSource => Tone { class: "t-single", icon: "○", word: "single source" },
    }
}

/// `text` with `&`, `<`, `>` and quotes escaped, for text and attribute
/// values alike. Control characters, which HTML does not allow, become
/// U+FFFD; tabs and line breaks stay.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// An element id made of `prefix` and `id`, safe both in an attribute and
/// in a URL fragment: letters, digits, `-`, `_`, `.` and `:` are kept, any
/// other byte is written `~xx`, so that two ids never meet.
pub(crate) fn anchor(prefix: &str, id: &str) -> String {
    let mut out = String::from(prefix);
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "~{b:02x}");
        }
    }
    out
}

/// Whether `start..end` is a span of `text` (claims read from elsewhere may
/// point anywhere).
pub(crate) fn fits(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

/// A span of a text to wrap in an element: a claim's words, a boilerplate line.
#[derive(Debug, Clone)]
pub(crate) struct Mark {
    pub start: usize,
    pub end: usize,
    pub tag: &'static str,
    /// Attributes of every piece of the mark, already escaped.
    pub attrs: String,
    /// The `id` of its first piece, which links point at.
    pub id: Option<String>,
    /// Written once after its last piece, outside it: a label, a link.
    pub note: String,
}

impl Mark {
    fn open(&self, out: &mut String, first: bool) {
        let _ = write!(out, "<{}", self.tag);
        if let (true, Some(id)) = (first, &self.id) {
            let _ = write!(out, " id=\"{id}\"");
        }
        let _ = write!(out, " {}>", self.attrs);
    }
}

/// The mark of a claim's words: `data-claim`, a data attribute for its
/// verdict or status (`data-verdict`, `data-status`), the tone's class, and
/// the id `q-<claim id>` that links point at.
pub(crate) fn claim_mark(claim: &Claim, data: Option<(&str, &str)>, tone: Tone, title: &str, note: String) -> Mark {
    let data = data.map(|(name, value)| format!(" {name}=\"{}\"", escape(value))).unwrap_or_default();
    let attrs = format!(
        "class=\"claim {}\" data-claim=\"{}\"{data} title=\"{}\"",
        tone.class,
        escape(&claim.id),
        escape(title)
    );
    Mark { start: claim.span.start, end: claim.span.end, tag: "mark", attrs, id: Some(anchor("q-", &claim.id)), note }
}

/// A link from a marked text to what judged it, showing the tone's icon
/// and, to screen readers, its word.
pub(crate) fn tag(tone: Tone, href: &str, title: &str) -> String {
    format!(
        "<a class=\"tag {}\" href=\"#{href}\" title=\"{}\"><span aria-hidden=\"true\">{}</span><span class=\"sr\"> {}</span></a>",
        tone.class,
        escape(title),
        tone.icon,
        tone.word
    )
}

/// A tone's icon and word in a box.
pub(crate) fn badge(tone: Tone) -> String {
    format!("<span class=\"badge {}\"><span aria-hidden=\"true\">{}</span> {}</span>", tone.class, tone.icon, tone.word)
}

/// The boilerplate lines of a text, to be dimmed.
pub(crate) fn boilerplate_marks(text: &str, excluded: &[usize]) -> Vec<Mark> {
    let excluded: BTreeSet<usize> = excluded.iter().copied().collect();
    let mut marks = Vec::new();
    let mut start = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if excluded.contains(&(n + 1)) {
            let words = line.trim_end_matches(['\n', '\r']);
            marks.push(Mark {
                start,
                end: start + words.len(),
                tag: "span",
                attrs: "class=\"boilerplate\" title=\"boilerplate: not read for claims\"".to_string(),
                id: None,
                note: String::new(),
            });
        }
        start += line.len();
    }
    marks
}

/// `text`, escaped, with each mark's span wrapped in its element. Marks that
/// nest become nested elements; where two marks cross, the one that goes on
/// is closed and opened again (without its id), so that the elements always
/// nest properly and every mark keeps one element that holds its id. Marks
/// that are not spans of `text` are left out.
pub(crate) fn marked_text(out: &mut String, text: &str, mut marks: Vec<Mark>) {
    marks.retain(|m| fits(text, m.start, m.end));
    // The longer of two marks that start together is the outer one; the
    // sort is stable, so ties keep the order given.
    marks.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).chain([0, text.len()]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut open: Vec<usize> = Vec::new();
    let mut next = 0;
    for (i, &at) in cuts.iter().enumerate() {
        close_at(out, &marks, &mut open, at);
        while let Some(mark) = marks.get(next).filter(|m| m.start == at) {
            mark.open(out, true);
            open.push(next);
            next += 1;
        }
        // Marks of no length close where they open.
        close_at(out, &marks, &mut open, at);
        if let Some(&to) = cuts.get(i + 1) {
            escape_into(out, &text[at..to]);
        }
    }
}

/// Closes the open marks that end at `at`, with those opened inside them;
/// writes the notes of the ended ones, then opens again those that go on.
fn close_at(out: &mut String, marks: &[Mark], open: &mut Vec<usize>, at: usize) {
    let Some(first) = open.iter().position(|&m| marks[m].end == at) else {
        return;
    };
    let closed: Vec<usize> = open.drain(first..).collect();
    for &m in closed.iter().rev() {
        let _ = write!(out, "</{}>", marks[m].tag);
    }
    for &m in closed.iter().filter(|&&m| marks[m].end == at) {
        out.push_str(&marks[m].note);
    }
    for &m in closed.iter().filter(|&&m| marks[m].end != at) {
        marks[m].open(out, false);
        open.push(m);
    }
}

const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1d1d1f; background: #f5f5f4; }
header { padding: 1rem 1.5rem; background: #fff; border-bottom: 1px solid #d6d3d1; }
h1 { margin: 0 0 .3rem; font-size: 1.45rem; }
h2 { font-size: 1.15rem; margin: .2rem 0 .6rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
p { margin: .3rem 0; }
code { font-size: .85em; overflow-wrap: anywhere; }
.layout { display: grid; grid-template-columns: minmax(24rem, 2fr) 3fr; }
.panel { padding: 1rem 1.5rem; min-width: 0; }
.side { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; background: #fff; border-right: 1px solid #d6d3d1; }
@media (max-width: 60rem) {
  .layout { grid-template-columns: 1fr; }
  .side { position: static; max-height: none; border-right: 0; }
}
.t-contradiction { --c: #b42318; --bg: #fde4e1; --line: wavy; }
.t-rounding { --c: #8a4b00; --bg: #ffefc7; --line: dashed; }
.t-agreement { --c: #1f6f35; --bg: #dcf2e2; --line: solid; }
.t-single { --c: #475467; --bg: #e8ecf2; --line: dotted; }
.t-unsupported { --c: #6c3aa8; --bg: #efe5fb; --line: dotted; }
.t-none { --c: #8c8c8c; --bg: #f0f0f0; --line: dotted; }
.badge { display: inline-block; padding: 0 .45em; border-radius: 3px; font-size: .8rem; font-weight: 650; color: #fff; background: var(--c); white-space: nowrap; }
.legend .badge { margin-right: .3rem; }
.item { border: 1px solid #e2e0dd; border-left: 6px solid var(--c); border-radius: 4px; padding: .45rem .7rem; margin: .6rem 0; background: #fff; }
.item h4 { margin: 0 0 .2rem; font-size: .95rem; }
.item ul { margin: .25rem 0; padding-left: 1.1rem; }
.item li { margin: .1rem 0; }
.item:target, mark.claim:target { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.where, .meta { color: #57534e; font-size: .85em; }
.pairs { font-size: .9em; }
.source { background: #fff; border: 1px solid #e2e0dd; border-radius: 4px; padding: .8rem 1.1rem; margin: 0 0 1rem; }
.source h3 { margin-top: 0; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 1rem/1.65 Georgia, "DejaVu Serif", serif; }
.boilerplate { color: #8a8580; }
mark.claim { color: inherit; background: var(--bg); text-decoration: underline var(--line) var(--c); text-decoration-thickness: 2px; text-underline-offset: 3px; border-radius: 2px; }
.tag { color: var(--c); font: 700 .75em system-ui, "DejaVu Sans", sans-serif; vertical-align: super; text-decoration: none; margin-left: 1px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
"#;

/// The page's head and the opening of its body.
pub(crate) fn page_start(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"crosscheck\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    );
}

pub(crate) fn page_end(out: &mut String) {
    out.push_str("</body>\n</html>\n");
}

/// The legend of the tones used on a page.
pub(crate) fn legend(out: &mut String, tones: &[Tone]) {
    out.push_str("<p class=\"legend\">");
    for tone in tones {
        out.push_str(&badge(*tone));
    }
    out.push_str("</p>\n");
}

/// A list of problems (skipped inputs, warnings) under a heading, if any.
pub(crate) fn notices(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h2>{}</h2>\n<ul>", escape(title));
    for item in items {
        let _ = writeln!(out, "<li>{}</li>", escape(item));
    }
    out.push_str("</ul>\n");
}

/// One source as an article: its title, path, language and date, and its
/// full text with `marks` (boilerplate lines are added here).
pub(crate) fn source_article(out: &mut String, doc: &Document, marks: Vec<Mark>, label: &str) {
    let lang = if doc.language.is_empty() { String::new() } else { format!(" lang=\"{}\"", escape(&doc.language)) };
    let _ = writeln!(out, "<article class=\"source\" id=\"{}\"{lang}>", anchor("doc-", &doc.id));
    let title: String = doc.title.as_deref().map_or(doc.id.as_str(), str::trim).chars().take(160).collect();
    let cut = if doc.title.as_deref().is_some_and(|t| t.trim().chars().count() > 160) { "…" } else { "" };
    let _ = writeln!(out, "<h3>{}{cut}</h3>", escape(&title));
    let date = doc.date.as_deref().unwrap_or("date unknown");
    let language = if doc.language.is_empty() { "language unknown" } else { &doc.language };
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} · <code>{}</code> · {} · {}</p>",
        escape(label),
        escape(&doc.path),
        escape(language),
        escape(date)
    );
    if doc.text.is_empty() {
        out.push_str("<p class=\"meta\">The text of this source is not available.</p>\n");
    } else {
        out.push_str("<div class=\"text\">");
        let mut all = boilerplate_marks(&doc.text, &doc.excluded_lines);
        all.extend(marks);
        marked_text(out, &doc.text, all);
        out.push_str("</div>\n");
    }
    out.push_str("</article>\n");
}

/// What the report's page looks up: claims by id, and for each claim the
/// first finding of the worst verdict it belongs to.
struct Index<'a> {
    claims: HashMap<&'a str, &'a Claim>,
    docs: HashMap<&'a str, &'a Document>,
    judged: HashMap<&'a str, (usize, &'a Finding)>,
}

impl<'a> Index<'a> {
    fn new(report: &'a Report, ordered: &[&'a Finding]) -> Index<'a> {
        let mut judged: HashMap<&str, (usize, &Finding)> = HashMap::new();
        // `ordered` is worst first: the first finding met is the one to keep.
        for (n, finding) in ordered.iter().enumerate() {
            for id in &finding.claims {
                judged.entry(id.as_str()).or_insert((n + 1, finding));
            }
        }
        Index {
            claims: report.claims.iter().map(|c| (c.id.as_str(), c)).collect(),
            docs: report.documents.iter().map(|d| (d.id.as_str(), d)).collect(),
            judged,
        }
    }

    /// Whether a claim's words are marked in its source, so that a link to
    /// them leads somewhere.
    fn marked(&self, claim: &Claim) -> bool {
        self.docs.get(&*claim.doc).is_some_and(|d| fits(&d.text, claim.span.start, claim.span.end))
    }

    fn place(&self, claim: &Claim) -> String {
        let path = self.docs.get(&*claim.doc).map_or(&*claim.doc, |d| d.path.as_str());
        format!("{path}:{}:{}", claim.span.line, claim.span.column)
    }
}

/// `frame · attribute · agent → target (event)`: a finding in a few words.
fn heading(finding: &Finding) -> String {
    let agent = finding.roles.get("agent").map_or("?", String::as_str);
    let target = finding.roles.get("target").map_or("?", String::as_str);
    let event = finding.event.as_deref().map(|e| format!(" ({e})")).unwrap_or_default();
    format!("{} · {} · {agent} → {target}{event}", finding.frame, finding.attribute_name)
}

/// A claim's value as its interval, or the event.
fn value_of(claim: &Claim) -> String {
    let polarity = if claim.polarity == crate::claim::Polarity::Negated { "not: " } else { "" };
    let value = claim.value.as_deref().map_or_else(|| "(the event)".to_string(), crate::verdict::describe);
    format!("{polarity}{value}")
}

/// The findings in the Markdown report's order: contradictions first.
fn ordered(report: &Report) -> Vec<&Finding> {
    SECTIONS.iter().flat_map(|(verdict, _)| report.findings.iter().filter(move |f| f.verdict == *verdict)).collect()
}

/// The report as a web page.
pub fn render(report: &Report) -> String {
    let ordered = ordered(report);
    let index = Index::new(report, &ordered);
    let mut out = String::with_capacity(4096 + report.documents.iter().map(|d| d.text.len() * 2).sum::<usize>());
    page_start(&mut out, "crosscheck report");
    out.push_str("<header>\n<h1>crosscheck report</h1>\n");
    let _ = writeln!(out, "<p>{}</p>", escape(&summary(report)));
    legend(&mut out, &SECTIONS.map(|(v, _)| verdict_tone(v)));
    let skipped: Vec<String> = report.skipped.iter().map(|s| format!("{}: {}", s.path, s.reason)).collect();
    notices(&mut out, "Skipped inputs", &skipped);
    notices(&mut out, "Warnings", &report.warnings);
    out.push_str("</header>\n<div class=\"layout\">\n<nav class=\"panel side\" aria-label=\"findings\">\n");
    let _ = writeln!(out, "<h2>Findings</h2>");
    let mut n = 0;
    for (verdict, title) in SECTIONS {
        let count = report.count(verdict);
        if count > 0 {
            let _ = writeln!(out, "<h3>{title} ({count})</h3>");
        }
        for finding in report.findings.iter().filter(|f| f.verdict == verdict) {
            n += 1;
            finding_item(&mut out, n, finding, &index);
        }
    }
    out.push_str("</nav>\n<main class=\"panel\">\n<h2>Sources</h2>\n");
    for doc in &report.documents {
        let marks = report.claims.iter().filter(|c| *c.doc == *doc.id).map(|c| report_mark(c, &index)).collect();
        let label = counted(report.claims.iter().filter(|c| *c.doc == *doc.id).count(), "claim", "claims");
        source_article(&mut out, doc, marks, &label);
    }
    out.push_str("</main>\n</div>\n");
    page_end(&mut out);
    out
}

/// A claim's words in its source, marked with the verdict of its worst
/// finding and linked to it.
fn report_mark(claim: &Claim, index: &Index) -> Mark {
    match index.judged.get(claim.id.as_str()) {
        Some(&(n, finding)) => {
            let tone = verdict_tone(finding.verdict);
            let title = format!("{} · {}: {}", claim.id, tone.word, heading(finding));
            let note = tag(tone, &format!("finding-{n}"), &title);
            claim_mark(claim, Some(("data-verdict", finding.verdict.as_str())), tone, &title, note)
        }
        // Every claim is in a finding; should one not be, it is still marked.
        None => claim_mark(claim, None, NEUTRAL, &claim.id, String::new()),
    }
}

/// A claim's words, linked to where they stand in the source when they are
/// marked there.
pub(crate) fn quote_link(claim: &Claim, marked: bool) -> String {
    let words = format!("«{}»", escape(claim.text.trim()));
    if marked { format!("<a href=\"#{}\">{words}</a>", anchor("q-", &claim.id)) } else { words }
}

fn finding_item(out: &mut String, n: usize, finding: &Finding, index: &Index) {
    let tone = verdict_tone(finding.verdict);
    let _ = writeln!(
        out,
        "<article class=\"item {}\" id=\"finding-{n}\" data-finding=\"{}\" data-verdict=\"{}\">",
        tone.class,
        escape(&finding.id),
        finding.verdict.as_str()
    );
    let _ = writeln!(out, "<h4>{} {}</h4>", badge(tone), escape(&heading(finding)));
    let _ = writeln!(out, "<p>{} <span class=\"meta\">({})</span></p>", escape(&finding.summary), finding.severity);
    out.push_str("<ul class=\"claims\">\n");
    for id in &finding.claims {
        match index.claims.get(id.as_str()) {
            Some(claim) => {
                let _ = writeln!(
                    out,
                    "<li>{} = {} <span class=\"where\">{} · <code>{}</code></span></li>",
                    quote_link(claim, index.marked(claim)),
                    escape(&value_of(claim)),
                    escape(&claim.id),
                    escape(&index.place(claim))
                );
            }
            None => {
                let _ = writeln!(out, "<li>{} (not in the report)</li>", escape(id));
            }
        }
    }
    out.push_str("</ul>\n");
    if !finding.pairs.is_empty() {
        out.push_str("<ul class=\"pairs\">\n");
        for pair in &finding.pairs {
            let _ = writeln!(
                out,
                "<li>{} vs {}: <strong>{}</strong> by <code>{}</code>: {}</li>",
                claim_ref(&pair.a, index),
                claim_ref(&pair.b, index),
                pair.verdict,
                escape(&pair.rule),
                escape(&pair.explanation)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article>\n");
}

/// A claim's id, linked to its words when they are marked.
fn claim_ref(id: &str, index: &Index) -> String {
    match index.claims.get(id) {
        Some(claim) if index.marked(claim) => format!("<a href=\"#{}\">{}</a>", anchor("q-", id), escape(id)),
        _ => escape(id),
    }
}

// The review's page: the same pieces, the draft's claims by status.

fn status_tone(status: Status) -> Tone {
    match status {
        Status::Contradicted => Tone { class: "t-contradiction", icon: "✗", word: "contradicted" },
        Status::Unsupported => Tone { class: "t-unsupported", icon: "?", word: "unsupported" },
        Status::Rounding => Tone { class: "t-rounding", icon: "≈", word: "rounding" },
        Status::Supported => Tone { class: "t-agreement", icon: "✓", word: "supported" },
    }
}

/// `frame · attribute · agent → target`
fn claim_heading(claim: &Claim) -> String {
    let role = |r: &str| claim.roles.get(r).map_or("?", String::as_str);
    format!("{} · {} · {} → {}", claim.frame, claim.attribute_name, role("agent"), role("target"))
}

/// What the review's page looks up: source claims and documents by id, and
/// for each source claim the worst verdict it gives a draft claim.
struct ReviewIndex<'a> {
    claims: HashMap<&'a str, &'a Claim>,
    docs: HashMap<&'a str, &'a Document>,
    worst: HashMap<&'a str, (&'a Evidence, &'a str)>,
}

impl<'a> ReviewIndex<'a> {
    fn new(review: &'a Review) -> ReviewIndex<'a> {
        let mut worst: HashMap<&str, (&Evidence, &str)> = HashMap::new();
        for reviewed in &review.claims {
            for e in &reviewed.judgements {
                let entry = worst.entry(e.claim.as_str()).or_insert((e, reviewed.claim.id.as_str()));
                if e.verdict.rank() > entry.0.verdict.rank() {
                    *entry = (e, reviewed.claim.id.as_str());
                }
            }
        }
        ReviewIndex {
            claims: review.sources.claims.iter().map(|c| (c.id.as_str(), c)).collect(),
            docs: std::iter::once(&review.draft).chain(&review.sources.documents).map(|d| (d.id.as_str(), d)).collect(),
            worst,
        }
    }

    fn marked(&self, claim: &Claim) -> bool {
        self.docs.get(&*claim.doc).is_some_and(|d| fits(&d.text, claim.span.start, claim.span.end))
    }

    fn place(&self, claim: &Claim) -> String {
        let path = self.docs.get(&*claim.doc).map_or(&*claim.doc, |d| d.path.as_str());
        format!("{path}:{}:{}", claim.span.line, claim.span.column)
    }

    /// A source claim's words, linked, with its value and place.
    fn source_claim(&self, id: &str) -> String {
        match self.claims.get(id) {
            Some(c) => format!(
                "{} = {} <span class=\"where\">{} · <code>{}</code></span>",
                quote_link(c, self.marked(c)),
                escape(&value_of(c)),
                escape(id),
                escape(&self.place(c))
            ),
            None => escape(id),
        }
    }

    /// A source claim's words marked with the worst verdict it gives a
    /// draft claim, and linked to that claim; neutral if it judges none.
    fn source_mark(&self, claim: &Claim) -> Mark {
        match self.worst.get(claim.id.as_str()) {
            Some(&(e, draft_claim)) => {
                let tone = verdict_tone(e.verdict);
                let title = format!("{} · {} with the draft's {draft_claim}: {}", claim.id, tone.word, e.explanation);
                let note = tag(tone, &anchor("claim-", draft_claim), &title);
                claim_mark(claim, Some(("data-verdict", e.verdict.as_str())), tone, &title, note)
            }
            None => {
                let title = format!("{} · compared with no claim of the draft", claim.id);
                claim_mark(claim, None, NEUTRAL, &title, String::new())
            }
        }
    }
}

/// The review as one web page: the draft's claims by status beside the
/// draft's text, where they are marked, and the sources below it.
pub fn review(review: &Review) -> String {
    let index = ReviewIndex::new(review);
    let mut out = String::new();
    page_start(&mut out, &format!("crosscheck review of {}", review.draft.path));
    let _ = writeln!(out, "<header>\n<h1>crosscheck review of <code>{}</code></h1>", escape(&review.draft.path));
    let _ = writeln!(out, "<p>{}</p>", escape(&super::review::summary(review)));
    legend(&mut out, &STATUS_SECTIONS.map(|(s, _)| status_tone(s)));
    let skipped: Vec<String> = review.skipped.iter().map(|s| format!("{}: {}", s.path, s.reason)).collect();
    notices(&mut out, "Skipped inputs", &skipped);
    notices(&mut out, "Warnings", &review.warnings);
    out.push_str("</header>\n<div class=\"layout\">\n<nav class=\"panel side\" aria-label=\"claims\">\n");
    out.push_str("<h2>Claims of the draft</h2>\n");
    for (status, title) in STATUS_SECTIONS {
        let claims: Vec<&ReviewedClaim> = review.claims.iter().filter(|c| c.status == status).collect();
        if !claims.is_empty() {
            let _ = writeln!(out, "<h3>{title} ({})</h3>", claims.len());
        }
        for claim in claims {
            review_item(&mut out, claim, &index);
        }
    }
    source_contradictions(&mut out, review, &index);
    out.push_str("</nav>\n<main class=\"panel\">\n<h2>Draft</h2>\n");
    let marks = review.claims.iter().map(draft_mark).collect();
    let label = format!("draft · {}", counted(review.claims.len(), "claim", "claims"));
    source_article(&mut out, &review.draft, marks, &label);
    out.push_str("<h2>Sources</h2>\n");
    for doc in &review.sources.documents {
        let claims: Vec<&Claim> = review.sources.claims.iter().filter(|c| *c.doc == *doc.id).collect();
        let label = counted(claims.len(), "claim", "claims");
        let marks = claims.into_iter().map(|c| index.source_mark(c)).collect();
        source_article(&mut out, doc, marks, &label);
    }
    out.push_str("</main>\n</div>\n");
    page_end(&mut out);
    out
}

/// A draft claim in the list: its words (linked), value, fingerprint,
/// acknowledgement, and what each source claim says of it.
fn review_item(out: &mut String, reviewed: &ReviewedClaim, index: &ReviewIndex) {
    let claim = &reviewed.claim;
    let tone = status_tone(reviewed.status);
    let _ = writeln!(
        out,
        "<article class=\"item {}\" id=\"{}\" data-status=\"{}\">",
        tone.class,
        anchor("claim-", &claim.id),
        reviewed.status.as_str()
    );
    let _ = writeln!(out, "<h4>{} {}</h4>", badge(tone), escape(&claim_heading(claim)));
    let _ = writeln!(
        out,
        "<p>{} = {} <span class=\"where\">{} · <code>{}</code></span></p>",
        quote_link(claim, index.marked(claim)),
        escape(&value_of(claim)),
        escape(&claim.id),
        escape(&index.place(claim))
    );
    let _ = writeln!(out, "<p class=\"meta\">fingerprint <code>{}</code></p>", escape(&reviewed.fingerprint));
    if let Some(ack) = &reviewed.acknowledged {
        let by = ack.by.as_deref().map(|b| format!(" ({b})")).unwrap_or_default();
        let _ = writeln!(out, "<p><strong>acknowledged</strong>: {}</p>", escape(&format!("{}{by}", ack.reason)));
    }
    if !reviewed.judgements.is_empty() {
        out.push_str("<ul class=\"pairs\">\n");
        for e in &reviewed.judgements {
            let _ = writeln!(
                out,
                "<li>{} <strong>{}</strong> by <code>{}</code>: {}</li>",
                index.source_claim(&e.claim),
                e.verdict,
                escape(&e.rule),
                escape(&e.explanation)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article>\n");
}

fn source_contradictions(out: &mut String, review: &Review, index: &ReviewIndex) {
    if review.source_contradictions.is_empty() {
        return;
    }
    out.push_str("<h3>The sources disagree among themselves</h3>\n");
    let tone = verdict_tone(Verdict::Contradiction);
    for f in &review.source_contradictions {
        let _ = writeln!(out, "<article class=\"item {}\">\n<p>{}</p>\n<ul>", tone.class, escape(&f.summary));
        for id in &f.claims {
            let _ = writeln!(out, "<li>{}</li>", index.source_claim(id));
        }
        out.push_str("</ul>\n</article>\n");
    }
}

/// A draft claim's words marked with its status and linked to its entry.
fn draft_mark(reviewed: &ReviewedClaim) -> Mark {
    let claim = &reviewed.claim;
    let tone = status_tone(reviewed.status);
    let title = format!("{} · {} · {}", claim.id, tone.word, claim_heading(claim));
    let note = tag(tone, &anchor("claim-", &claim.id), &title);
    claim_mark(claim, Some(("data-status", reviewed.status.as_str())), tone, &title, note)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, name: &str) -> Mark {
        Mark {
            start,
            end,
            tag: "m",
            attrs: format!("n=\"{name}\""),
            id: Some(name.to_string()),
            note: format!("[{name}]"),
        }
    }

    fn marked(text: &str, marks: Vec<Mark>) -> String {
        let mut out = String::new();
        marked_text(&mut out, text, marks);
        out
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(escape("a < b & \"c\" > 'd'"), "a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39;");
        assert_eq!(escape("nul\u{0}\tline\n"), "nul\u{FFFD}\tline\n");
    }

    #[test]
    fn anchors_keep_safe_bytes_and_encode_the_others() {
        assert_eq!(anchor("q-", "003:1"), "q-003:1");
        assert_eq!(anchor("q-", "a b\"é"), "q-a~20b~22~c3~a9");
        assert_ne!(anchor("q-", "a~20"), anchor("q-", "a 0"));
    }

    #[test]
    fn nested_marks_become_nested_elements() {
        let out = marked("one two three", vec![mark(4, 7, "b"), mark(0, 13, "a")]);
        assert_eq!(out, "<m id=\"a\" n=\"a\">one <m id=\"b\" n=\"b\">two</m>[b] three</m>[a]");
    }

    #[test]
    fn crossing_marks_are_split_and_keep_their_id_on_the_first_piece() {
        let out = marked("abcdef", vec![mark(0, 4, "x"), mark(2, 6, "y")]);
        assert_eq!(out, "<m id=\"x\" n=\"x\">ab<m id=\"y\" n=\"y\">cd</m></m>[x]<m n=\"y\">ef</m>[y]");
    }

    #[test]
    fn identical_marks_nest_in_the_order_given() {
        let out = marked("2018", vec![mark(0, 4, "p"), mark(0, 4, "q")]);
        assert_eq!(out, "<m id=\"p\" n=\"p\"><m id=\"q\" n=\"q\">2018</m></m>[p][q]");
    }

    #[test]
    fn empty_marks_and_marks_off_the_text_are_safe() {
        let out = marked("é<", vec![mark(0, 0, "e"), mark(1, 2, "inside-a-char"), mark(3, 9, "past-the-end")]);
        assert_eq!(out, "<m id=\"e\" n=\"e\"></m>[e]é&lt;");
    }

    /// Many random marks: tags always balance, and each mark's id appears once.
    #[test]
    fn random_marks_always_nest() {
        let text = "abcdefghijklmnopqrstuvwxyz";
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) % n) as usize
        };
        for _ in 0..500 {
            let marks: Vec<Mark> = (0..next(6))
                .map(|i| {
                    let (a, b) = (next(27), next(27));
                    mark(a.min(b), a.max(b), &format!("k{i}"))
                })
                .collect();
            let count = marks.len();
            let out = marked(text, marks);
            let mut depth = 0i32;
            for piece in out.split('<').skip(1) {
                depth += if piece.starts_with('/') { -1 } else { 1 };
                assert!(depth >= 0, "{out}");
            }
            assert_eq!(depth, 0, "{out}");
            for i in 0..count {
                assert_eq!(out.matches(&format!("id=\"k{i}\"")).count(), 1, "{out}");
            }
            let plain: String = out.split('<').map(|p| p.split_once('>').map_or(p, |(_, t)| t)).collect();
            let plain: String = plain.split(['[', ']']).step_by(2).collect();
            assert_eq!(plain, text, "{out}");
        }
    }

    /// A claim in two findings is marked with the worse verdict, whichever
    /// finding the report lists first.
    #[test]
    fn a_claim_in_two_findings_shows_the_worse_verdict() {
        let rules = crate::Rules::load(None).unwrap();
        let seeds = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut report = crate::run_report(&[seeds], &rules, &crate::LoadOptions::default());
        let verdict_at = |report: &Report, v: Verdict| report.findings.iter().position(|f| f.verdict == v).unwrap();
        let contradicted = report.findings[verdict_at(&report, Verdict::Contradiction)].claims[0].clone();
        let agreement = report.findings.remove(verdict_at(&report, Verdict::Agreement));
        report.findings.insert(0, agreement);
        report.findings[0].claims.push(contradicted.clone());
        let page = render(&report);
        let marked = format!("data-claim=\"{contradicted}\" data-verdict=\"contradiction\"");
        assert!(page.contains(&marked), "{marked} not in the page");
    }

    #[test]
    fn boilerplate_lines_are_marked_without_their_line_break() {
        let marks = boilerplate_marks("a\r\nmenu\nb\n", &[2, 9]);
        assert_eq!(marks.len(), 1);
        assert_eq!((marks[0].start, marks[0].end), (3, 7));
    }
}
