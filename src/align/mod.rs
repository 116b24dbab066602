//! Alignment: claims that speak of the same fact go into one slot.
//!
//! Claims are bucketed by frame, attribute, scope and story (never all pairs
//! of the corpus; a folder may hold several stories, see `story`), then
//! grouped by their role fillers. Reversed roles of one event stay side by
//! side so that the rules can see them, unless the frame repeats and the
//! sources speak of a counter-event or of another time. A claim with a missing
//! role joins the one group it fits; where no claim names both roles, one
//! group that names only the agent and one that names only the target are
//! one event told in halves. Repeatable frames are then split into
//! events by time: claims whose times are disjoint are different events.

pub mod story;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::claim::{Claim, Scope, TimeSpan};
use crate::frame::{Attribute, Frames};
use crate::interval::DayRange;
use story::Stories;

/// Claims (indices into the claim list) that speak of one fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub frame: String,
    pub attribute: Attribute,
    /// The attribute's name in reports (see [`crate::frame::Frame::attribute_name`]).
    pub attribute_name: String,
    pub agent: Option<String>,
    pub target: Option<String>,
    /// The event's time, for repeatable frames split by time.
    pub event: Option<TimeSpan>,
    /// What its claims are about: claims of different scopes are different facts.
    pub scope: Scope,
    /// The frame's figure may change over time.
    pub evolving: bool,
    /// The story its claims tell, when the run holds several.
    pub story: Option<u32>,
    /// The kind of counter whose figures it holds, when several kinds count.
    pub counted_by: Option<String>,
    pub claims: Vec<usize>,
}

#[derive(Debug, Default)]
struct Group {
    agent: Option<String>,
    target: Option<String>,
    claims: Vec<usize>,
}

fn day_range(span: &Option<Box<TimeSpan>>) -> Option<DayRange> {
    span.as_deref().and_then(DayRange::of)
}

/// What claims must share to be one fact: frame, attribute, scope and story.
type Bucket<'c> = (&'c str, Attribute, &'c Scope, u32);

/// Groups `claims`, all of one story, into slots, deterministic for a given claim order.
pub fn align(claims: &[Claim], frames: &Frames) -> Vec<Slot> {
    align_stories(claims, &Stories::one(claims.len()), frames)
}

/// Groups `claims` into slots within each of their `stories`: claims of
/// different stories are never one fact.
pub fn align_stories(claims: &[Claim], stories: &Stories, frames: &Frames) -> Vec<Slot> {
    use rayon::prelude::*;
    let mut buckets: BTreeMap<Bucket, Vec<usize>> = BTreeMap::new();
    let whole = Scope::default();
    for (i, claim) in claims.iter().enumerate() {
        // The story's main place is the scope of a figure that names none.
        let scope = if stories.is_main(i, claim.scope()) { &whole } else { claim.scope() };
        buckets.entry((claim.frame.as_str(), claim.attribute, scope, stories.of(i))).or_default().push(i);
    }
    let several = stories.count > 1;
    let kinds = counter_kinds(claims);
    // Buckets are grouped on every core, their slots then put back in bucket order.
    let buckets: Vec<(Bucket, Vec<usize>)> = buckets.into_iter().collect();
    let per_bucket: Vec<Vec<Slot>> = buckets
        .into_par_iter()
        .with_max_len(1)
        .map(|((frame_id, attribute, scope, story), members)| {
            let frame = frames.by_id(frame_id);
            let evolving = frame.is_some_and(|f| f.evolving);
            let repeatable = frame.is_some_and(|f| f.repeatable);
            let within = frame.map_or(0, |f| i64::from(f.same_event_within_days));
            let symmetric = frame.is_some_and(|f| f.symmetric);
            // A measure's figure dated to another event (the 1999 quake's
            // toll, recalled in 2023) is that event's, apart from the story's.
            let measure = frame.is_some_and(|f| f.measure == Some(attribute));
            let mut slots = Vec::new();
            let figures = attribute != Attribute::Occurrence;
            let counted = if figures { by_counter(claims, &kinds, &members) } else { vec![(None, members)] };
            let groups = counted.iter().flat_map(|(kind, members)| {
                group_by_roles(claims, members, repeatable, symmetric, figures).into_iter().map(move |g| (*kind, g))
            });
            for (counted_by, group) in groups {
                let events = if repeatable {
                    split_events(claims, &group.claims, within)
                } else if measure {
                    split_recalled(claims, group.claims)
                } else {
                    vec![(None, group.claims)]
                };
                for (event, claim_ids) in events {
                    // An earlier event's figure, recalled, no longer changes.
                    let recalled = measure && !repeatable && event.is_some();
                    slots.push(Slot {
                        frame: frame_id.to_string(),
                        attribute,
                        attribute_name: frame
                            .map_or_else(|| attribute.as_str().to_string(), |f| f.attribute_name(attribute)),
                        agent: group.agent.clone(),
                        target: group.target.clone(),
                        event,
                        scope: scope.clone(),
                        evolving: evolving && !recalled,
                        story: several.then_some(story),
                        counted_by: counted_by.map(str::to_string),
                        claims: claim_ids,
                    });
                }
            }
            slots
        })
        .collect();
    let mut slots = Vec::with_capacity(per_bucket.iter().map(Vec::len).sum());
    for bucket in per_bucket {
        slots.extend(bucket);
    }
    slots
}

/// Each claim's kind of counter: the one its attribution's words name, or
/// the one named beside a counter's name elsewhere in the run ("the CGT
/// union" makes "CGT" the organizers').
fn counter_kinds(claims: &[Claim]) -> Vec<Option<&str>> {
    let mut named: BTreeMap<&str, &str> = BTreeMap::new();
    for c in claims {
        if let (Some(kind), Some(by)) = (c.counted_by.as_deref(), c.attributed_to.as_deref()) {
            named.entry(by).or_insert(kind);
        }
    }
    let mut learned: HashMap<&str, Option<&str>> = HashMap::default();
    claims
        .iter()
        .map(|c| {
            c.counted_by.as_deref().or_else(|| {
                let by = c.attributed_to.as_deref()?;
                *learned.entry(by).or_insert_with(|| {
                    let mut kinds = named.iter().filter(|(name, _)| names_word(name, by)).map(|(_, kind)| *kind);
                    let kind = kinds.next()?;
                    kinds.all(|k| k == kind).then_some(kind)
                })
            })
        })
        .collect()
}

/// Whether `part` is a whole word, or words, of `name`.
fn names_word(name: &str, part: &str) -> bool {
    name.match_indices(part).any(|(at, _)| {
        let before = name[..at].chars().next_back();
        let after = name[at + part.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Members split by kind of counter when several kinds give figures: each
/// kind's own, then those of no known kind together. Figures of one kind,
/// or of none, stay one set.
fn by_counter<'k>(
    claims: &[Claim],
    kinds: &[Option<&'k str>],
    members: &[usize],
) -> Vec<(Option<&'k str>, Vec<usize>)> {
    let mut split: BTreeMap<Option<&str>, Vec<usize>> = BTreeMap::new();
    for &i in members {
        split.entry(kinds[i]).or_default().push(i);
    }
    if split.keys().filter(|k| k.is_some()).count() <= 1 {
        return vec![(None, members.to_vec())];
    }
    // A figure whose counter is not said is compared with the counter
    // whose figures it allows ("Lyon (25,000)" with the police's 25 000);
    // not a bound alone ("more than a million"), which allows too much.
    let unsaid = split.remove(&None).unwrap_or_default();
    let mut alone = Vec::new();
    for i in unsaid {
        let kind = split.iter().find(|(_, ids)| ids.iter().any(|&j| overlap(&claims[i], &claims[j]))).map(|(k, _)| *k);
        match kind {
            Some(kind) => split.entry(kind).or_default().push(i),
            None => alone.push(i),
        }
    }
    if !alone.is_empty() {
        split.insert(None, alone);
    }
    for ids in split.values_mut() {
        ids.sort_unstable();
    }
    split.into_iter().collect()
}

/// Whether two claims' figures allow a value in common, the first bounded on both sides.
fn overlap(a: &Claim, b: &Claim) -> bool {
    let (Some(a), Some(b)) = (&a.value, &b.value) else { return false };
    if a.low.is_none() || a.high.is_none() {
        return false;
    }
    let below = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => x <= y,
        _ => true,
    };
    a.unit == b.unit && below(a.low, b.high) && below(b.low, a.high)
}

fn group_by_roles(claims: &[Claim], members: &[usize], repeatable: bool, symmetric: bool, figures: bool) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    // (agent, target) → its group: there is at most one group per ordered pair.
    let mut by_pair: HashMap<(&str, &str), usize> = HashMap::default();
    let mut by_agent = RoleIndex::default();
    let mut by_target = RoleIndex::default();
    // Claims that name both roles make the groups.
    for &i in members {
        let c = &claims[i];
        let (Some(agent), Some(target)) = (c.agent(), c.target()) else {
            continue;
        };
        let same = by_pair.get(&(agent, target)).copied();
        let reversed = by_pair.get(&(target, agent)).copied().filter(|&g| {
            agent != target && (symmetric || !repeatable || reversed_together(claims, &groups[g].claims, c))
        });
        // The group made first, as a scan of the groups in order would find.
        match same.into_iter().chain(reversed).min() {
            Some(g) => groups[g].claims.push(i),
            None => {
                by_pair.insert((agent, target), groups.len());
                by_agent.entry(agent).or_default().push(groups.len());
                by_target.entry(target).or_default().push(groups.len());
                groups.push(Group { agent: Some(agent.to_string()), target: Some(target.to_string()), claims: vec![i] })
            }
        }
    }
    // Groups whose fillers differ but whose sentences name each other's are
    // one event told with a garbled role.
    if !symmetric {
        merge_on_evidence(claims, &mut groups, figures);
        (by_agent, by_target) = index_roles(claims, &groups);
    }
    // A claim with a missing role joins the one group it fits.
    let full = groups.len();
    let evidence: Vec<Evidence> =
        if symmetric { Vec::new() } else { groups.iter().map(|g| Evidence::of(claims, g)).collect() };
    let mut partial: HashMap<(Option<&str>, Option<&str>), usize> = HashMap::default();
    for &i in members {
        let c = &claims[i];
        let (agent, target) = (c.agent(), c.target());
        if agent.is_some() && target.is_some() {
            continue;
        }
        let fitting: Vec<usize> = match agent.or(target) {
            None => (0..full.min(2)).collect(),
            Some(name) => {
                let (direct, swapped) = if agent.is_some() { (&by_agent, &by_target) } else { (&by_target, &by_agent) };
                let mut found: Vec<usize> = direct.get(name).into_iter().flatten().copied().collect();
                if symmetric {
                    found.extend(swapped.get(name).into_iter().flatten().copied());
                    found.sort_unstable();
                    found.dedup();
                }
                found
            }
        };
        let fitting = if fitting.is_empty() && agent.or(target).is_some() && !c.counter {
            evidence.iter().enumerate().filter(|(_, e)| e.admits(c)).map(|(g, _)| g).collect()
        } else if fitting.len() > 1 && !evidence.is_empty() {
            // Several groups name the role: the ones at its time.
            fitting.into_iter().filter(|&g| evidence[g].meets(c)).collect()
        } else {
            fitting
        };
        if let [g] = fitting[..] {
            groups[g].claims.push(i);
            continue;
        }
        match partial.get(&(agent, target)) {
            Some(&g) => groups[g].claims.push(i),
            None => {
                partial.insert((agent, target), groups.len());
                groups.push(Group {
                    agent: agent.map(str::to_string),
                    target: target.map(str::to_string),
                    claims: vec![i],
                })
            }
        }
    }
    // With no claim naming both roles, one group that names only the agent
    // and one that names only the target are one event told in halves:
    // "a bid from X" and "a bid for Y".
    if full == 0 {
        join_halves(&mut groups);
    }
    for g in &mut groups {
        g.claims.sort_unstable();
    }
    groups
}

/// The groups each agent and each target names, in group order.
type RoleIndex<'c> = HashMap<&'c str, Vec<usize>>;

fn index_roles<'c>(claims: &'c [Claim], groups: &[Group]) -> (RoleIndex<'c>, RoleIndex<'c>) {
    let (mut by_agent, mut by_target) = (RoleIndex::default(), RoleIndex::default());
    for (g, group) in groups.iter().enumerate() {
        for &i in &group.claims {
            let c = &claims[i];
            for (index, name) in [(&mut by_agent, c.agent()), (&mut by_target, c.target())] {
                if let Some(name) = name {
                    let at = index.entry(name).or_default();
                    if at.last() != Some(&g) {
                        at.push(g);
                    }
                }
            }
        }
    }
    (by_agent, by_target)
}

/// The one group that names only the agent and the one that names only the
/// target, if each is alone of its shape, become one.
fn join_halves(groups: &mut Vec<Group>) {
    let single = |shape: fn(&Group) -> bool| {
        let mut found = (0..groups.len()).filter(|&g| shape(&groups[g]));
        match (found.next(), found.next()) {
            (Some(g), None) => Some(g),
            _ => None,
        }
    };
    let agent_half = single(|g| g.agent.is_some() && g.target.is_none());
    let target_half = single(|g| g.agent.is_none() && g.target.is_some());
    if let (Some(a), Some(t)) = (agent_half, target_half)
        && groups[a].agent != groups[t].target
    {
        let taken = std::mem::take(&mut groups[t]);
        groups[a].target = taken.target;
        groups[a].claims.extend(taken.claims);
        groups.remove(t);
    }
}

/// How one role's fillers in two groups relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    /// One name, or one the first words of the other ("Fox", "Fox News").
    Same,
    /// Different names, but one group's sentences name the other's filler:
    /// one of them read the role from the wrong name.
    Garbled,
    Conflict,
}

/// One name, or the first or last words of the other, hyphens read as
/// spaces: a short form ("Dominion" for "Dominion Voting Systems", "Macron"
/// for "President Emmanuel Macron", "Notre Dame" for "Notre-Dame
/// Cathedral") is evidence of one entity, not a merge of names.
fn same_entity(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Compared as if each hyphen were a space, with no copy: both are one
    // byte, and no byte of a longer char is either.
    let spaced = |c: u8| if c == b'-' { b' ' } else { c };
    let same = |x: &[u8], y: &[u8]| x.len() == y.len() && x.iter().zip(y).all(|(&p, &q)| spaced(p) == spaced(q));
    let space_at = |s: &[u8], at: Option<usize>| at.and_then(|i| s.get(i)).is_some_and(|&c| spaced(c) == b' ');
    let part = |long: &[u8], short: &[u8]| {
        let Some(rest) = long.len().checked_sub(short.len()) else { return false };
        (same(&long[..short.len()], short) && space_at(long, Some(short.len())))
            || (same(&long[rest..], short) && space_at(long, rest.checked_sub(1)))
    };
    let (a, b) = (a.as_bytes(), b.as_bytes());
    same(a, b) || part(a, b) || part(b, a)
}

fn names_any(context: &[&str], name: &str) -> bool {
    context.iter().any(|c| same_entity(c, name))
}

/// What a group offers as evidence: the fillers of each role, the entities
/// its sentences name, and the times its claims state.
struct Evidence<'c> {
    agents: Vec<&'c str>,
    targets: Vec<&'c str>,
    context: Vec<&'c str>,
    times: Vec<DayRange>,
    /// A source speaks of a counter-event.
    counter: bool,
}

impl<'c> Evidence<'c> {
    fn of(claims: &'c [Claim], group: &Group) -> Evidence<'c> {
        let mut e = Evidence {
            agents: Vec::new(),
            targets: Vec::new(),
            context: Vec::new(),
            times: Vec::new(),
            counter: false,
        };
        for &i in &group.claims {
            let c = &claims[i];
            e.agents.extend(c.agent());
            e.targets.extend(c.target());
            e.context.extend(c.context.iter().map(String::as_str));
            e.times.extend(day_range(&c.event_time));
            e.counter |= c.counter;
        }
        for list in [&mut e.agents, &mut e.targets, &mut e.context] {
            list.sort_unstable();
            list.dedup();
        }
        e
    }

    /// The best fit of any of one side's fillers with any of the other's: a
    /// group that took in a garbled filler still has its true one.
    fn fit(mine: &[&str], theirs: &[&str], my_context: &[&str], their_context: &[&str]) -> Fit {
        let mut best = Fit::Conflict;
        for a in mine {
            for b in theirs {
                let fit = if same_entity(a, b) {
                    Fit::Same
                } else if names_any(my_context, b) || names_any(their_context, a) {
                    Fit::Garbled
                } else {
                    Fit::Conflict
                };
                best = best.min(fit);
            }
        }
        best
    }

    /// One event: times that meet, and no role conflicts with at least one
    /// role the same in both; or, for a figure, the roles reversed.
    fn joins(&self, other: &Evidence, figures: bool) -> bool {
        let agent = Evidence::fit(&self.agents, &other.agents, &self.context, &other.context);
        let target = Evidence::fit(&self.targets, &other.targets, &self.context, &other.context);
        let crossed = |xs: &[&str], ys: &[&str]| xs.iter().any(|x| ys.iter().any(|y| same_entity(x, y)));
        let reversed = crossed(&self.agents, &other.targets) && crossed(&self.targets, &other.agents);
        let times_meet = self.times.is_empty()
            || other.times.is_empty()
            || self.times.iter().any(|t| other.times.iter().any(|u| t.overlaps(u)));
        if !times_meet {
            return false;
        }
        // A figure with its roles read the other way is the same figure,
        // unless a source speaks of a counter-event.
        if reversed {
            return figures && !self.counter && !other.counter;
        }
        agent != Fit::Conflict && target != Fit::Conflict && (agent == Fit::Same || target == Fit::Same)
    }

    /// Whether a claim that names one role only belongs here: its role
    /// names this group's filler in short or long form ("Fox" for "Fox
    /// News"), or its sentence names an agent and a target of the group; at
    /// a time that meets.
    fn admits(&self, claim: &Claim) -> bool {
        if !self.meets(claim) {
            return false;
        }
        let named =
            |mine: Option<&str>, theirs: &[&str]| mine.is_some_and(|m| theirs.iter().any(|t| same_entity(m, t)));
        let context: Vec<&str> = claim.context.iter().map(String::as_str).collect();
        let covered = |fillers: &[&str]| fillers.iter().any(|n| names_any(&context, n));
        let covered = covered(&self.agents) && covered(&self.targets);
        named(claim.agent(), &self.agents) || named(claim.target(), &self.targets) || covered
    }

    /// Whether the claim's time, if it states one, meets this group's, if it has any.
    fn meets(&self, claim: &Claim) -> bool {
        let time = day_range(&claim.event_time);
        time.is_none_or(|t| self.times.is_empty() || self.times.iter().any(|u| u.overlaps(&t)))
    }

    fn absorb(&mut self, other: Evidence<'c>) {
        for (list, more) in
            [(&mut self.agents, other.agents), (&mut self.targets, other.targets), (&mut self.context, other.context)]
        {
            list.extend(more);
            list.sort_unstable();
            list.dedup();
        }
        self.times.extend(other.times);
        self.counter |= other.counter;
    }
}

/// Merges groups that the evidence says are one event, each into the first
/// it joins: deterministic for a given group order.
fn merge_on_evidence(claims: &[Claim], groups: &mut Vec<Group>, figures: bool) {
    if groups.len() < 2 {
        return;
    }
    let mut kept: Vec<(Group, Evidence)> = Vec::with_capacity(groups.len());
    for group in groups.drain(..) {
        let evidence = Evidence::of(claims, &group);
        match kept.iter().position(|(_, e)| e.joins(&evidence, figures)) {
            Some(k) => {
                kept[k].0.claims.extend(group.claims);
                kept[k].1.absorb(evidence);
            }
            None => kept.push((group, evidence)),
        }
    }
    groups.extend(kept.into_iter().map(|(g, _)| g));
}

/// Reversed roles of a repeatable event are one event told two ways only when
/// no source speaks of a counter-event and their times meet.
fn reversed_together(claims: &[Claim], group: &[usize], claim: &Claim) -> bool {
    if claim.counter || group.iter().any(|&i| claims[i].counter) {
        return false;
    }
    let Some(time) = day_range(&claim.event_time) else {
        return false;
    };
    group.iter().any(|&i| day_range(&claims[i].event_time).is_some_and(|t| t.overlaps(&time)))
}

/// A measure's figures: those of the story's own event, then one event per
/// recalled time.
fn split_recalled(claims: &[Claim], group: Vec<usize>) -> Vec<(Option<TimeSpan>, Vec<usize>)> {
    let year = |date: &str| date.get(..4).and_then(|y| y.parse::<i32>().ok());
    let is_recalled = |c: &Claim| {
        let event = c.event_time.as_ref().and_then(|t| year(&t.start));
        let own = c.reference_date.as_deref().and_then(year);
        // An undated source's figure dated by its clause is recalled (see
        // `claim::qualifiers::OwnYear`).
        match (event, own) {
            (Some(e), Some(o)) => e != o,
            (Some(_), None) => true,
            _ => false,
        }
    };
    let (recalled, own): (Vec<usize>, Vec<usize>) = group.into_iter().partition(|&i| is_recalled(&claims[i]));
    if recalled.is_empty() {
        return vec![(None, own)];
    }
    // A recalled event keeps its time even when it is the only one: its
    // figure is that event's, which no longer changes.
    let mut out: Vec<(Option<TimeSpan>, Vec<usize>)> = split_events(claims, &recalled, 0)
        .into_iter()
        .map(|(event, ids)| {
            let event = event.or_else(|| ids.iter().find_map(|&i| claims[i].event_time.as_deref().cloned()));
            (event, ids)
        })
        .collect();
    if !own.is_empty() {
        out.insert(0, (None, own));
    }
    out
}

/// Events of a repeatable frame: times that meet are one event, finest first,
/// so that a coarse "2024" joins every 2024 event rather than merging them.
fn split_events(claims: &[Claim], group: &[usize], within: i64) -> Vec<(Option<TimeSpan>, Vec<usize>)> {
    let mut timed: Vec<(usize, DayRange)> =
        group.iter().filter_map(|&i| day_range(&claims[i].event_time).map(|r| (i, r))).collect();
    timed.sort_by_key(|(i, r)| (r.width(), *i));
    let mut events: Vec<(DayRange, TimeSpan, Vec<usize>)> = Vec::new();
    for (i, range) in timed {
        let meeting: Vec<usize> = (0..events.len()).filter(|&e| events[e].0.within(&range, within)).collect();
        if meeting.is_empty() {
            let span = claims[i]
                .event_time
                .as_deref()
                .cloned()
                .unwrap_or(TimeSpan { start: String::new(), end: String::new() });
            events.push((range, span, vec![i]));
        } else {
            for e in meeting {
                events[e].2.push(i);
            }
        }
    }
    let untimed: Vec<usize> = group.iter().copied().filter(|&i| day_range(&claims[i].event_time).is_none()).collect();
    if events.is_empty() {
        return vec![(None, untimed)];
    }
    if !untimed.is_empty() {
        // An untimed claim joins the event most sources speak of (earliest on a tie).
        let best = (0..events.len())
            .max_by(|&a, &b| events[a].2.len().cmp(&events[b].2.len()).then(events[b].0.start.cmp(&events[a].0.start)))
            .unwrap_or(0);
        events[best].2.extend(untimed);
    }
    let single = events.len() == 1;
    let mut out: Vec<(Option<TimeSpan>, Vec<usize>)> = events
        .into_iter()
        .map(|(_, span, mut ids)| {
            ids.sort_unstable();
            ids.dedup();
            (if single { None } else { Some(span) }, ids)
        })
        .collect();
    out.sort_by(|a, b| a.1.first().cmp(&b.1.first()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Rules;
    use crate::testing::{claim_by, year};

    fn dated(id: &str, agent: &str, target: &str, start: &str, end: &str) -> Claim {
        let mut c = claim_by(id, agent, target, Some(year(2024)));
        c.frame = "lawsuit".into();
        let v = c.value.as_mut().unwrap();
        v.start = Some(start.into());
        v.end = Some(end.into());
        c.event_time = Some(Box::new(TimeSpan { start: start.into(), end: end.into() }));
        c
    }

    fn slots_of(claims: &[Claim]) -> Vec<Vec<&str>> {
        let rules = Rules::load(None).unwrap();
        align(claims, &rules.frames).iter().map(|s| s.claims.iter().map(|&i| claims[i].id.as_str()).collect()).collect()
    }

    #[test]
    fn claims_of_different_stories_are_never_one_slot() {
        let claims = [
            dated("one", "A", "B", "2024-03-01", "2024-03-31"),
            dated("other", "A", "B", "2024-03-01", "2024-03-31"),
            dated("partial", "", "", "2024-03-01", "2024-03-31"),
        ];
        let rules = Rules::load(None).unwrap();
        let stories = Stories { of_claim: vec![1, 2, 2], count: 2, main_place: Vec::new() };
        let slots = align_stories(&claims, &stories, &rules.frames);
        let members: Vec<(Option<u32>, Vec<usize>)> = slots.iter().map(|s| (s.story, s.claims.clone())).collect();
        assert_eq!(members, [(Some(1), vec![0]), (Some(2), vec![1, 2])]);
    }

    #[test]
    fn a_coarse_year_joins_every_event_it_contains() {
        let claims = [
            dated("spring", "A", "B", "2024-03-20", "2024-06-20"),
            dated("autumn", "A", "B", "2024-09-23", "2024-12-20"),
            dated("year", "A", "B", "2024-01-01", "2024-12-31"),
        ];
        assert_eq!(slots_of(&claims), [vec!["spring", "year"], vec!["autumn", "year"]]);
    }

    #[test]
    fn a_counter_suit_is_another_event() {
        let mut counter = dated("counter", "B", "A", "2024-03-01", "2024-03-31");
        counter.counter = true;
        let claims = [dated("suit", "A", "B", "2024-01-01", "2024-12-31"), counter];
        assert_eq!(slots_of(&claims).len(), 2);
    }

    #[test]
    fn reversed_roles_in_one_window_stay_side_by_side() {
        let claims =
            [dated("one", "A", "B", "2024-03-01", "2024-03-31"), dated("two", "B", "A", "2024-03-10", "2024-03-10")];
        assert_eq!(slots_of(&claims), [vec!["one", "two"]]);
    }

    #[test]
    fn a_missing_role_joins_the_one_slot_it_fits() {
        let claims = [
            dated("full", "A", "B", "2024-03-01", "2024-03-31"),
            dated("other", "C", "D", "2024-03-01", "2024-03-31"),
            dated("partial", "A", "", "2024-03-01", "2024-03-31"),
        ];
        assert_eq!(slots_of(&claims), [vec!["full", "partial"], vec!["other"]]);
    }

    #[test]
    fn a_role_read_from_the_wrong_name_joins_the_event_its_sentence_names() {
        let named = |mut c: Claim, context: &[&str]| {
            c.context = context.iter().map(|n| n.to_string()).collect();
            c
        };
        let claims = [
            named(dated("plain", "Buyer Corp", "Target", "2024-03-01", "2024-03-31"), &["Buyer Corp", "Target"]),
            named(
                dated("garbled", "Buyer", "Regulator", "2024-03-01", "2024-03-31"),
                &["Buyer", "Regulator", "Target"],
            ),
            named(dated("other", "Buyer", "Elsewhere", "2024-03-01", "2024-03-31"), &["Buyer", "Elsewhere"]),
        ];
        assert_eq!(slots_of(&claims), [vec!["plain", "garbled"], vec!["other"]]);
        // Another time is another event, whatever the sentences name.
        let claims = [
            named(dated("now", "Buyer", "Target", "2024-03-01", "2024-03-31"), &["Buyer", "Target"]),
            named(dated("then", "Buyer", "Old", "2021-03-01", "2021-03-31"), &["Buyer", "Old", "Target"]),
        ];
        assert_eq!(slots_of(&claims).len(), 2);
    }

    #[test]
    fn a_missing_role_joins_the_group_at_its_time() {
        let claims = [
            dated("now", "A", "B", "2024-03-01", "2024-03-31"),
            dated("then", "A", "C", "2021-01-01", "2021-12-31"),
            dated("partial", "A", "", "2024-03-10", "2024-03-10"),
        ];
        assert_eq!(slots_of(&claims), [vec!["now", "partial"], vec!["then"]]);
    }

    #[test]
    fn a_short_form_is_the_first_or_last_words_of_a_name() {
        assert!(same_entity("Dominion", "Dominion Voting Systems"));
        assert!(same_entity("President Ana Ruiz", "Ruiz"));
        assert!(same_entity("Notre Dame", "Notre-Dame Cathedral"));
        assert!(!same_entity("Meta", "Metaverse Labs"));
        assert!(!same_entity("Ruiz Group", "Ana Ruiz"));
    }

    #[test]
    fn hyphens_count_as_spaces_as_in_copies_with_spaces() {
        let copied = |a: &str, b: &str| {
            let (a, b) = (a.replace('-', " "), b.replace('-', " "));
            let part = |long: &str, short: &str| {
                (long.starts_with(short) && long[short.len()..].starts_with(' '))
                    || (long.ends_with(short) && long[..long.len() - short.len()].ends_with(' '))
            };
            a == b || part(&a, &b) || part(&b, &a)
        };
        let names = [
            "",
            " ",
            "-",
            "Ruiz",
            "Ana Ruiz",
            "Ana-Ruiz",
            "Ruiz-",
            "-Ruiz",
            " Ruiz",
            "Ruiz ",
            "Ana  Ruiz",
            "Ré-mi",
            "Ré mi X",
        ];
        for a in names {
            for b in names {
                assert_eq!(same_entity(a, b), a == b || copied(a, b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn halves_of_one_event_join_when_no_claim_names_both_roles() {
        let claims = [
            dated("from", "A", "", "2024-03-01", "2024-03-31"),
            dated("for", "", "B", "2024-03-01", "2024-03-31"),
            dated("also-for", "", "B", "2024-03-01", "2024-03-31"),
        ];
        assert_eq!(slots_of(&claims), [vec!["from", "for", "also-for"]]);
        let rules = Rules::load(None).unwrap();
        let slots = align(&claims, &rules.frames);
        assert_eq!((slots[0].agent.as_deref(), slots[0].target.as_deref()), (Some("A"), Some("B")));
        // Two agents named alone: which one the target's half speaks of is unknown.
        let claims = [
            dated("from-a", "A", "", "2024-03-01", "2024-03-31"),
            dated("from-c", "C", "", "2024-03-01", "2024-03-31"),
            dated("for", "", "B", "2024-03-01", "2024-03-31"),
        ];
        assert_eq!(slots_of(&claims).len(), 3);
    }
}
