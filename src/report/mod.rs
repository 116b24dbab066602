//! The report: what a run found, for people (Markdown, a web page) and
//! programs (JSON).
//!
//! `Report` is the JSON contract of CONTRACT.md (`crosscheck.report/1`) plus
//! what the run could not read, so that nothing is lost silently. Everything in
//! it is sorted and deterministic.

pub(crate) mod html;
mod markdown;
mod review;

use std::io::{self, Write};

use serde::Serialize;

use crate::claim::Claim;
use crate::document::Document;
use crate::document::corpus::Skipped;
use crate::verdict::{Finding, Verdict};

pub use html::render as html;
pub use markdown::render as markdown;
pub use review::{github as review_github, markdown as review_markdown};

pub const SCHEMA: &str = "crosscheck.report/1";

/// `,\n  "name": [...]`: a list one level down in the report, its items
/// pretty-printed four spaces in, a batch at a time on every core, so that
/// memory holds two batches and not the whole list twice. Each batch is
/// written out while the next one is printed.
fn write_list<T: Serialize + Sync>(out: &mut dyn Write, name: &str, items: &[T]) -> io::Result<()> {
    write!(out, ",\n  \"{name}\": ")?;
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[\n")?;
    let mut batches = items.chunks(4096);
    let mut printed = print_batch(batches.next().unwrap_or_default())?;
    let mut first = true;
    loop {
        let mut next = None;
        let batch = batches.next();
        rayon::in_place_scope(|scope| {
            if let Some(batch) = batch {
                scope.spawn(|_| next = Some(print_batch(batch)));
            }
            for item in &printed {
                if !first {
                    out.write_all(b",\n")?;
                }
                first = false;
                out.write_all(item)?;
            }
            Ok::<(), io::Error>(())
        })?;
        match next {
            Some(next) => printed = next?,
            None => return out.write_all(b"\n  ]"),
        }
    }
}

/// Each of `items` pretty-printed as it stands in a list one level down.
fn print_batch<T: Serialize + Sync>(items: &[T]) -> io::Result<Vec<Vec<u8>>> {
    use rayon::prelude::*;
    items
        .par_iter()
        .map(|item| {
            // Room for a claim or a finding, so that the buffer seldom grows.
            let mut indented = Vec::with_capacity(2048);
            indented.extend_from_slice(b"    ");
            item.serialize(&mut serde_json::Serializer::with_formatter(&mut indented, Nested::new(2)))?;
            Ok(indented)
        })
        .collect()
}

/// serde_json's pretty printing, two spaces a level, for a value that
/// starts `depth` levels down: its lines come out indented as they stand in
/// the report, with no second pass to indent them.
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn new(depth: usize) -> Nested {
        Nested { depth, has_value: false }
    }

    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            self.indent(writer)?;
        }
        writer.write_all(bracket)
    }

    fn next_line<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(writer)
    }

    fn indent<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        (0..self.depth).try_for_each(|_| writer.write_all(b"  "))
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.next_line(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.next_line(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub documents: Vec<Document>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    /// Every figure and date in the sources that no claim used.
    pub unchecked: Vec<crate::claim::Unchecked>,
    /// Inputs that could not be read, with the reason.
    pub skipped: Vec<Skipped>,
    /// Problems that did not stop the run, each naming its file.
    pub warnings: Vec<String>,
    /// What each frame is, in words, by frame id (from rules/): the
    /// Markdown report's headings.
    #[serde(skip)]
    pub descriptions: std::collections::BTreeMap<String, String>,
}

impl Report {
    pub fn count(&self, verdict: Verdict) -> usize {
        self.findings.iter().filter(|f| f.verdict == verdict).count()
    }

    /// The JSON report, pretty-printed and ending with a newline: the same
    /// bytes as `serde_json::to_writer_pretty`, but each list serialized on
    /// every core and written as it is made.
    pub fn write_json(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"{\n  \"schema\": ")?;
        serde_json::to_writer(&mut *out, self.schema)?;
        write_list(out, "documents", &self.documents)?;
        write_list(out, "claims", &self.claims)?;
        write_list(out, "findings", &self.findings)?;
        write_list(out, "unchecked", &self.unchecked)?;
        write_list(out, "skipped", &self.skipped)?;
        write_list(out, "warnings", &self.warnings)?;
        out.write_all(b"\n}\n")
    }

    pub fn to_json(&self) -> String {
        let mut out = Vec::new();
        match self.write_json(&mut out) {
            Ok(()) => String::from_utf8_lossy(&out).into_owned(),
            Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
        }
    }
}

/// `n` with the noun that agrees with it: "1 source", "0 sources", "2 sources".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use serde::Serialize;

    use super::Nested;
    use crate::{LoadOptions, Rules};

    /// A list item printed at its depth is serde's pretty JSON with every
    /// line after the first indented two spaces a level.
    #[test]
    fn nested_printing_is_pretty_printing_indented() {
        let value = serde_json::json!({
            "a": [], "b": {}, "c": [1, [], {}, [[2]], {"d": null}],
            "e": "line\nbreak \"quoted\" \u{1}", "f": {"g": [true, {"h": []}]}, "i": 1.5
        });
        for depth in [0, 1, 2, 5] {
            let mut nested = Vec::new();
            value.serialize(&mut serde_json::Serializer::with_formatter(&mut nested, Nested::new(depth))).unwrap();
            let pretty = serde_json::to_string_pretty(&value).unwrap();
            let expected = pretty.replace('\n', &format!("\n{}", "  ".repeat(depth)));
            assert_eq!(String::from_utf8(nested).unwrap(), expected, "depth {depth}");
        }
    }

    /// A list longer than a batch is written batch after batch, in order,
    /// as serde prints it one level down.
    #[test]
    fn a_list_of_many_batches_is_written_in_order() {
        let items: Vec<serde_json::Value> =
            (0..10_000).map(|i| serde_json::json!({"n": i, "list": [i, {"s": i.to_string()}]})).collect();
        let mut written = Vec::new();
        super::write_list(&mut written, "items", &items).unwrap();
        let pretty = serde_json::to_string_pretty(&serde_json::json!({ "items": items })).unwrap();
        // `{\n  "items": [...]\n}` less its braces is `,\n  "items": [...]` less its comma.
        let expected = format!(",{}", &pretty[1..pretty.len() - 2]);
        assert_eq!(String::from_utf8(written).unwrap(), expected);
    }

    /// The report is written by hand, list by list: it must stay what serde
    /// makes of the whole `Report`, new fields included.
    #[test]
    fn the_written_json_is_serdes_pretty_json() {
        let rules = Rules::load(None).unwrap();
        let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let report = crate::run_report(&[seeds, PathBuf::from("no-such-file.txt")], &rules, &LoadOptions::default());
        assert!(!report.claims.is_empty() && !report.skipped.is_empty());
        let expected = serde_json::to_string_pretty(&report).unwrap() + "\n";
        assert_eq!(report.to_json(), expected);
    }
}
