//! Small builders of values and claims for unit tests.

use crate::claim::{Claim, Polarity};
use crate::frame::Attribute;
use crate::text::span::{Location, Span};
use crate::value::{Value, ValueKind};

pub(crate) fn amount(low: f64, high: f64, hedge: Option<crate::value::Hedge>) -> Value {
    Value {
        kind: ValueKind::Amount,
        text: format!("{low}..{high}"),
        low: Some(low),
        high: Some(high),
        point: Some(high),
        unit: Some("USD".into()),
        hedge,
        low_open: false,
        high_open: false,
        start: None,
        end: None,
        granularity: None,
        span: Span::default(),
    }
}

pub(crate) fn year(y: i32) -> Value {
    Value::date(
        &y.to_string(),
        format!("{y}-01-01"),
        format!("{y}-12-31"),
        crate::value::Granularity::Year,
        Span::default(),
    )
}

/// A plain count, exact: "1644".
pub(crate) fn count(n: f64) -> Value {
    Value {
        kind: ValueKind::Count,
        text: n.to_string(),
        low: Some(n),
        high: Some(n),
        point: Some(n),
        unit: None,
        ..year(2000)
    }
}

pub(crate) fn claim(id: &str, value: Option<Value>) -> Claim {
    claim_by(id, "A", "B", value)
}

pub(crate) fn claim_by(id: &str, agent: &str, target: &str, value: Option<Value>) -> Claim {
    let named = |name: &str| (!name.is_empty()).then(|| name.to_string());
    let roles = crate::claim::Roles { agent: named(agent), target: named(target) };
    let attribute = value.as_ref().map_or(Attribute::Occurrence, |v| crate::claim::attribute_of(v.kind));
    Claim {
        id: id.into(),
        doc: id.into(),
        frame: "acquisition".into(),
        attribute,
        attribute_name: attribute.as_str().to_string(),
        roles,
        polarity: Polarity::Affirmed,
        text: value.as_ref().map(|v| v.text.clone()).unwrap_or_default(),
        value: value.map(Box::new),
        quote: "".into(),
        span: Location { line: 1, column: 1, start: 0, end: 0 },
        trigger: String::new(),
        attributed_to: None,
        counter: false,
        event_time: None,
        reference_date: None,
        measure: None,
        scope: Default::default(),
        as_of: None,
        context: Default::default(),
        counted_by: None,
    }
}
