//! `crosscheck parse`: the values one language reads in a phrase, to see
//! how a rule file reads.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use crate::lang::Rules;
use crate::value::date::{DateContext, PartialDate};

pub(super) fn parse(rules: &Rules, lang: &str, date: Option<&str>, text: Option<String>) -> Result<ExitCode, String> {
    let lang = rules.lang(lang)?;
    let reference = date.map(PartialDate::parse).transpose()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut print = |line: &str| -> Result<(), String> {
        let mut ctx = DateContext { reference, last_year: None };
        let values = crate::value::find_values(line, &lang.values, &mut ctx);
        let json = serde_json::to_string(&values).map_err(|e| e.to_string())?;
        writeln!(out, "{json}").map_err(|e| format!("cannot write the output: {e}"))
    };
    let mut status = ExitCode::SUCCESS;
    match text {
        Some(text) => print(&text)?,
        None => {
            let stdin = std::io::stdin();
            if std::io::IsTerminal::is_terminal(&stdin) {
                eprintln!("crosscheck parse: reading phrases from standard input, one a line; end with Ctrl-D");
            }
            let mut reader = stdin.lock();
            let mut buf = Vec::new();
            let mut number = 0;
            loop {
                buf.clear();
                let read =
                    reader.read_until(b'\n', &mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
                if read == 0 {
                    break;
                }
                number += 1;
                while buf.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
                    buf.pop();
                }
                match std::str::from_utf8(&buf) {
                    Ok(line) => print(line)?,
                    Err(e) => {
                        eprintln!(
                            "crosscheck: <stdin>:{number}: not valid UTF-8 at byte {}; line skipped",
                            e.valid_up_to()
                        );
                        print("")?;
                        status = ExitCode::from(2);
                    }
                }
            }
        }
    }
    out.flush().map_err(|e| format!("cannot write the output: {e}"))?;
    Ok(status)
}
