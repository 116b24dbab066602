//! The examples that rule files carry (`[[test]]`), run by
//! `crosscheck rules test` and by `cargo test`.

use crate::claim::{Claim, Polarity, attribute_of};
use crate::entity::{Names, Resolver};
use crate::frame::Attribute;
use crate::lang::Rules;
use crate::text::span::Location;
use crate::text::token::tokenize;
use crate::value::date::{DateContext, PartialDate};
use crate::value::find_values;
use crate::verdict::TestSide;

/// One example's result.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub file: String,
    pub name: String,
    pub result: Result<(), String>,
}

/// Runs every example of every rule file.
pub fn run_all(rules: &Rules) -> Vec<Outcome> {
    let mut out = Vec::new();
    for lang in rules.langs.values() {
        for test in &lang.tests {
            out.push(Outcome {
                file: format!("lang/{}.toml", lang.code),
                name: test.name(),
                result: test.run(&lang.values),
            });
        }
    }
    for test in &rules.entities.tests {
        let result = match rules.langs.get(&test.lang) {
            None => Err(format!("unknown language {:?}", test.lang)),
            Some(lang) => {
                let mut names = Names::default();
                names.learn(&test.text, &rules.entities, &lang.claims);
                let mut resolver = Resolver::new(&test.lang, &rules.entities, &names, &lang.claims);
                let got: Vec<String> =
                    resolver.sentence(&test.text, &tokenize(&test.text)).into_iter().map(|m| m.name).collect();
                if got == test.mentions {
                    Ok(())
                } else {
                    Err(format!("expected mentions {:?}, got {got:?}", test.mentions))
                }
            }
        };
        out.push(Outcome { file: test.origin.clone(), name: test.text.clone(), result });
    }
    for test in &rules.verdicts.tests {
        let result = (|| {
            let a = test_claim(rules, &test.lang, &test.a, "a")?;
            let b = test_claim(rules, &test.lang, &test.b, "b")?;
            let judged = rules.verdicts.judge(&a, &b).ok_or("no rule matched")?;
            let reverse = rules.verdicts.judge(&b, &a).ok_or("no rule matched b against a")?;
            if judged.verdict != reverse.verdict || judged.rule != reverse.rule {
                return Err(format!(
                    "not symmetric: {} by {} one way, {} by {} the other",
                    judged.verdict, judged.rule, reverse.verdict, reverse.rule
                ));
            }
            if judged.verdict == test.verdict && judged.rule == test.rule {
                Ok(())
            } else {
                Err(format!("expected {} by {}, got {} by {}", test.verdict, test.rule, judged.verdict, judged.rule))
            }
        })();
        let name = format!(
            "{} vs {}",
            test.a.value.as_deref().unwrap_or("(occurrence)"),
            test.b.value.as_deref().unwrap_or("(occurrence)")
        );
        out.push(Outcome { file: test.origin.clone(), name, result });
    }
    out
}

/// A claim for a verdict example: the first value the phrase reads as.
pub fn test_claim(rules: &Rules, lang: &str, side: &TestSide, id: &str) -> Result<Claim, String> {
    let lang = rules.lang(lang)?;
    let reference = side.date.as_deref().map(PartialDate::parse).transpose()?;
    let value = match &side.value {
        Some(text) => {
            let mut ctx = DateContext { reference, last_year: None };
            let found = find_values(text, &lang.values, &mut ctx);
            Some(found.into_iter().next().ok_or_else(|| format!("{text:?} reads as no value"))?)
        }
        None => None,
    };
    let attribute = value.as_ref().map_or(Attribute::Occurrence, |v| attribute_of(v.kind));
    let roles = crate::claim::Roles { agent: Some(side.agent.clone()), target: Some(side.target.clone()) };
    Ok(Claim {
        id: id.to_string(),
        doc: id.into(),
        attribute_name: attribute.as_str().to_string(),
        frame: "test".into(),
        attribute,
        roles,
        polarity: if side.negated { Polarity::Negated } else { Polarity::Affirmed },
        text: side.value.clone().unwrap_or_default(),
        value: value.map(Box::new),
        quote: "".into(),
        span: Location { line: 1, column: 1, start: 0, end: 0 },
        trigger: String::new(),
        attributed_to: None,
        counter: side.counter,
        event_time: None,
        reference_date: side.date.as_deref().map(Into::into),
        measure: None,
        scope: Default::default(),
        as_of: None,
        context: Default::default(),
        counted_by: None,
    })
}
