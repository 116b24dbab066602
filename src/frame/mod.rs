//! Frames: the kinds of event a claim can speak of, from `rules/frames.toml`.
//!
//! A frame has triggers per language (small regexes), the attributes it takes,
//! whether it can happen more than once, whether its two roles are
//! interchangeable, and cues for its roles and for counter-events. This module
//! only loads and checks them; `claim` uses them.

pub mod measure;

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use toml::Spanned;

use crate::rules::{RuleError, RuleFile};
use crate::text::pattern::PatternSet;

pub use crate::value::Attribute;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrames {
    #[serde(default)]
    frame: Vec<RawFrame>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrame {
    id: Spanned<String>,
    #[serde(default)]
    description: String,
    attributes: Vec<Spanned<String>>,
    /// The event may happen more than once (lawsuits, bids).
    #[serde(default)]
    repeatable: bool,
    /// For a repeatable event: times this many days apart or fewer are one
    /// event told two ways (a flood on 13 or 14 October), farther ones two
    /// events (the 1999 and the 2023 earthquakes). 0: any disjoint times.
    #[serde(default)]
    same_event_within_days: u32,
    /// The two roles are interchangeable (a dispute between A and B).
    #[serde(default)]
    symmetric: bool,
    /// Whether claims name who acts on whom; `false` for a toll, which
    /// sources word around a place or an event rather than two parties.
    #[serde(default = "yes")]
    roles: bool,
    /// Whether a role may be a common noun phrase when no name fills it:
    /// "asked the population to …", "many countries offered their help".
    #[serde(default)]
    noun_roles: bool,
    /// The frame's figure may change from one report to the next (a toll,
    /// an area burned): figures of different moments are a timeline.
    #[serde(default)]
    evolving: bool,
    /// Per language: trigger patterns.
    triggers: BTreeMap<String, Vec<Spanned<String>>>,
    /// Per language: nominal triggers whose "de X" / "X's" names the agent, not the target.
    #[serde(default)]
    genitive_agent: BTreeMap<String, Vec<Spanned<String>>>,
    /// Per language: words after which the target is named ("contre", "against").
    #[serde(default)]
    target_cues: BTreeMap<String, Vec<Spanned<String>>>,
    /// Per language: wording that marks a counter-event ("contre-attaque", "countersue").
    #[serde(default)]
    counter: BTreeMap<String, Vec<Spanned<String>>>,
    /// The words that bind a figure to this frame as what it measures: a
    /// figure so bound is a claim even with no trigger in its sentence.
    #[serde(default)]
    measure: Option<RawMeasure>,
}

/// How a figure is bound to a measure, per language: the noun it counts or
/// the words after it ("1 644 morts", "2,376 injured", "people were killed"),
/// or the measure word or verb before it in its clause ("the death toll rose
/// to", "magnitude", "killing").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeasure {
    /// Which of the frame's attributes the bound figure states.
    attribute: Spanned<String>,
    #[serde(default)]
    after: BTreeMap<String, Vec<Spanned<String>>>,
    #[serde(default)]
    before: BTreeMap<String, Vec<Spanned<String>>>,
    /// The nouns the measure counts ("structures", "bâtiments"): a figure
    /// followed by one is bound by the words before it ("destroyed more
    /// than 12,000 structures") as a figure with no noun would be.
    #[serde(default)]
    nouns: BTreeMap<String, Vec<Spanned<String>>>,
    /// The figure counts no noun (a magnitude): the words before it bind it
    /// whatever follows ("de magnitude 7,8 s'est produit").
    #[serde(default)]
    counts_nothing: bool,
    /// The name reports give what the figure states ("magnitude", "area"),
    /// when it is more than its kind of value (`attribute`).
    #[serde(default)]
    name: Option<Spanned<String>>,
    /// `false` for a figure of the event itself (a magnitude, a depth): the
    /// place it struck is no part of the story it narrows the figure to.
    #[serde(default = "yes")]
    scoped: bool,
    /// The figure is rounded to its unit (a duration: "five years" is
    /// anything from four and a half to five and a half), and a half said
    /// after its unit adds to it ("cinq ans et demi").
    #[serde(default)]
    rounded: bool,
}

/// One frame, checked.
#[derive(Debug, Clone)]
pub struct Frame {
    pub id: String,
    pub description: String,
    pub attributes: BTreeSet<Attribute>,
    pub repeatable: bool,
    pub same_event_within_days: u32,
    pub symmetric: bool,
    pub roles: bool,
    pub noun_roles: bool,
    pub evolving: bool,
    /// The attribute a figure bound to this frame states, when the frame is
    /// a measure: such figures come from binding alone, never from a trigger.
    pub measure: Option<Attribute>,
    /// The name of that attribute in reports, when the rules declare one.
    pub measure_name: Option<String>,
    /// A measure's figure may be about one place or group of the story.
    pub scoped: bool,
    /// A measure's flat figure is rounded to its unit.
    pub rounded: bool,
}

impl Frame {
    /// The name reports give an attribute of this frame: the measure's
    /// declared name, or the attribute's kind.
    pub fn attribute_name(&self, attribute: Attribute) -> String {
        match &self.measure_name {
            Some(name) if self.measure == Some(attribute) => name.clone(),
            _ => attribute.as_str().to_string(),
        }
    }
}

/// Per-language patterns of every frame, each tagged with the frame's index.
#[derive(Debug, Default)]
pub struct FrameLang {
    pub triggers: PatternSet<usize>,
    pub genitive_agent: PatternSet<usize>,
    /// Each cue with every frame it introduces the target of.
    pub target_cues: PatternSet<Vec<usize>>,
    pub counter: PatternSet<usize>,
    /// The measures' binding words, in frame order.
    pub measures: Vec<measure::MeasureCues>,
}

#[derive(Debug, Default)]
pub struct Frames {
    pub frames: Vec<Frame>,
    /// By language code.
    pub langs: BTreeMap<String, FrameLang>,
}

impl Frames {
    pub fn compile(files: &[&RuleFile]) -> Result<Frames, RuleError> {
        let mut frames = Frames::default();
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for file in files {
            let raw: RawFrames = file.parse()?;
            for raw_frame in raw.frame {
                let id = raw_frame.id.get_ref().clone();
                if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '-') {
                    return Err(
                        file.error_in(&raw_frame.id, format!("frame id {id:?}: use lowercase letters, - and _"))
                    );
                }
                if let Some(other) = seen.insert(id.clone(), file.origin.clone()) {
                    return Err(file.error_in(&raw_frame.id, format!("duplicate frame id {id:?} (also in {other})")));
                }
                let mut attributes = BTreeSet::new();
                for attribute in &raw_frame.attributes {
                    let parsed = crate::rules::names::parse::<Attribute>(attribute.get_ref()).ok_or_else(|| {
                        file.error_in(
                            attribute,
                            format!(
                                "frame {id:?} names unknown attribute {:?}; known: {}",
                                attribute.get_ref(),
                                crate::rules::names::listed::<Attribute>()
                            ),
                        )
                    })?;
                    attributes.insert(parsed);
                }
                if attributes.is_empty() {
                    return Err(file.error_in(&raw_frame.id, format!("frame {id:?} takes no attribute")));
                }
                let index = frames.frames.len();
                let lists = [
                    (&raw_frame.triggers, 0),
                    (&raw_frame.genitive_agent, 1),
                    (&raw_frame.target_cues, 2),
                    (&raw_frame.counter, 3),
                ];
                for (by_lang, which) in lists {
                    for (lang, patterns) in by_lang {
                        let entry = frames.langs.entry(lang.clone()).or_default();
                        if which == 2 {
                            let set = PatternSet::compile(file, patterns.iter().map(|p| (p, vec![index])).collect())?;
                            entry.target_cues.extend(set);
                            continue;
                        }
                        let set = PatternSet::compile(file, patterns.iter().map(|p| (p, index)).collect())?;
                        match which {
                            0 => entry.triggers.extend(set),
                            1 => entry.genitive_agent.extend(set),
                            _ => entry.counter.extend(set),
                        }
                    }
                }
                let measure = match &raw_frame.measure {
                    Some(raw) => Some(compile_measure(file, &mut frames.langs, raw, index, &id, &attributes)?),
                    None => None,
                };
                let measure_name = match raw_frame.measure.as_ref().and_then(|m| m.name.as_ref()) {
                    Some(name) => Some(measure_name(file, name, &id)?),
                    None => None,
                };
                frames.frames.push(Frame {
                    id,
                    description: raw_frame.description,
                    attributes,
                    repeatable: raw_frame.repeatable,
                    same_event_within_days: raw_frame.same_event_within_days,
                    symmetric: raw_frame.symmetric,
                    roles: raw_frame.roles,
                    noun_roles: raw_frame.noun_roles,
                    evolving: raw_frame.evolving,
                    measure,
                    measure_name,
                    scoped: raw_frame.measure.as_ref().is_none_or(|m| m.scoped),
                    rounded: raw_frame.measure.as_ref().is_some_and(|m| m.rounded),
                });
            }
        }
        // A cue that several frames list is one pattern serving each of them.
        for lang in frames.langs.values_mut() {
            lang.target_cues.merge_same();
        }
        Ok(frames)
    }

    pub fn by_id(&self, id: &str) -> Option<&Frame> {
        self.frames.iter().find(|f| f.id == id)
    }
}

/// A measure's declared attribute name: small letters and underscores, and
/// no other kind's name ("time" is not a count's).
fn measure_name(file: &RuleFile, name: &Spanned<String>, id: &str) -> Result<String, RuleError> {
    let text = name.get_ref();
    let well_formed =
        text.starts_with(|c: char| c.is_ascii_lowercase()) && text.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    if !well_formed || crate::rules::names::parse::<Attribute>(text).is_some() {
        return Err(file.error_in(
            name,
            format!(
                "frame {id:?}: a measure's name is small letters and underscores, other than {}: not {text:?}",
                crate::rules::names::listed::<Attribute>()
            ),
        ));
    }
    Ok(text.clone())
}

/// Checks a frame's measure and adds its binding words to each language.
fn compile_measure(
    file: &RuleFile,
    langs: &mut BTreeMap<String, FrameLang>,
    raw: &RawMeasure,
    frame: usize,
    id: &str,
    attributes: &BTreeSet<Attribute>,
) -> Result<Attribute, RuleError> {
    let attribute = crate::rules::names::parse::<Attribute>(raw.attribute.get_ref())
        .filter(|a| attributes.contains(a) && matches!(a, Attribute::Amount | Attribute::Count | Attribute::Share))
        .ok_or_else(|| {
            file.error_in(
                &raw.attribute,
                format!(
                    "frame {id:?}: a measure states one of the frame's attributes among amount, count and share, not {:?}",
                    raw.attribute.get_ref()
                ),
            )
        })?;
    let codes: BTreeSet<&String> = raw.after.keys().chain(raw.before.keys()).chain(raw.nouns.keys()).collect();
    for code in codes {
        let none = Vec::new();
        let words = measure::MeasureWords {
            after: raw.after.get(code).unwrap_or(&none),
            before: raw.before.get(code).unwrap_or(&none),
            nouns: raw.nouns.get(code).unwrap_or(&none),
            counts_nothing: raw.counts_nothing,
        };
        let cues = measure::MeasureCues::compile(file, frame, attribute, &words)?;
        langs.entry(code.clone()).or_default().measures.push(cues);
    }
    Ok(attribute)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> RuleFile {
        RuleFile { name: "frames.toml".into(), origin: "rules/frames.toml".into(), text: text.into() }
    }

    #[test]
    fn unknown_attribute_is_located() {
        let f = file("[[frame]]\nid = \"x\"\nattributes = [\"time\", \"colour\"]\ntriggers = { en = [\"x\"] }\n");
        let err = Frames::compile(&[&f]).unwrap_err();
        assert_eq!((err.line, err.column), (Some(3), Some(23)), "{err}");
        assert!(err.message.contains("colour"), "{err}");
    }

    #[test]
    fn bad_regex_is_located() {
        let f = file("[[frame]]\nid = \"x\"\nattributes = [\"time\"]\ntriggers = { en = [\"(sue\"] }\n");
        let err = Frames::compile(&[&f]).unwrap_err();
        assert_eq!(err.line, Some(4), "{err}");
        assert!(err.message.contains("bad regex"), "{err}");
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let f = file(
            "[[frame]]\nid = \"x\"\nattributes = [\"time\"]\ntriggers = {}\n[[frame]]\nid = \"x\"\nattributes = [\"time\"]\ntriggers = {}\n",
        );
        let err = Frames::compile(&[&f]).unwrap_err();
        assert_eq!(err.line, Some(6), "{err}");
    }
}
