//! Near-spellings: an index of names by their words with one letter
//! deleted, so that "Zuckerburg" finds "Zuckerberg" without comparing
//! every name with every other.

use std::sync::Mutex;

use rustc_hash::FxHashMap as HashMap;

use super::{Gazetteer, Kind};
use crate::text::words::key;

/// The known names indexed by every word with at most one letter deleted
/// (case aside), so that a near-spelling is scored only against names that
/// share a word within one edit, never against every name of the corpus.
#[derive(Debug)]
pub(super) struct NearIndex {
    /// Gazetteer entities first, then names seen, in order: the order in which ties are broken.
    pub(super) names: Vec<(String, Kind)>,
    /// Keys of every name, sorted.
    pub(super) keys: Vec<NearKey>,
    /// For each name, the bins of its chars (see [`chars_may_be_near`]), one bit each.
    pub(super) bins: Vec<u64>,
    /// Where the keys of each key value lie in `keys`: one probe a lookup.
    pub(super) runs: KeyRuns,
    /// Name → its index in `names`.
    pub(super) position: HashMap<String, usize>,
    /// For each name, the name before it that it is a near-spelling of,
    /// found for every name at once when the index is built.
    pub(super) nearest: Vec<Option<u32>>,
    /// Texts that are no known name, already resolved: resolution is pure, and texts repeat.
    pub(super) cache: Mutex<HashMap<String, Option<usize>>>,
}

impl Clone for NearIndex {
    fn clone(&self) -> NearIndex {
        NearIndex {
            names: self.names.clone(),
            keys: self.keys.clone(),
            bins: self.bins.clone(),
            runs: self.runs.clone(),
            position: self.position.clone(),
            nearest: self.nearest.clone(),
            cache: Mutex::new(HashMap::default()),
        }
    }
}

/// The least Jaro-Winkler similarity of a near-spelling.
pub(super) const NEAR_SCORE: f64 = 0.94;

/// A word so common among names that it says nothing ("Jean", "Group").
pub(super) const NEAR_COMMON: usize = 64;

impl NearIndex {
    pub(super) fn build(gazetteer: &Gazetteer, seen: &HashMap<String, Kind>) -> NearIndex {
        use rayon::prelude::*;
        let mut seen: Vec<(&String, &Kind)> = seen.iter().collect();
        seen.par_sort_unstable();
        let names: Vec<(String, Kind)> = gazetteer
            .entities
            .iter()
            .map(|e| (e.name.clone(), e.kind))
            .chain(seen.into_iter().map(|(n, k)| (n.clone(), *k)))
            .collect();
        // The keys on every core; meanwhile, the names' positions and bins.
        let ((keys, runs), (position, bins)) = rayon::join(
            || {
                let mut keys: Vec<NearKey> = names
                    .par_iter()
                    .enumerate()
                    .flat_map_iter(|(index, (name, _))| {
                        let index = u32::try_from(index).unwrap_or(u32::MAX);
                        let chars = u16::try_from(name.chars().count()).unwrap_or(u16::MAX);
                        let words = u16::try_from(name.split_whitespace().count()).unwrap_or(u16::MAX);
                        let mut keys = Vec::new();
                        near_keys(name, |key| keys.push(NearKey { key, index, chars, words }));
                        keys
                    })
                    .collect();
                keys.par_sort_unstable();
                keys.dedup();
                let runs = KeyRuns::new(&keys);
                (keys, runs)
            },
            || {
                let mut position = HashMap::with_capacity_and_hasher(names.len(), Default::default());
                for (index, (name, _)) in names.iter().enumerate() {
                    position.entry(name.clone()).or_insert(index);
                }
                let bins: Vec<u64> = names
                    .iter()
                    .map(|(name, _)| name.chars().fold(0u64, |bins, c| bins | 1 << (c as usize & 63)))
                    .collect();
                (position, bins)
            },
        );
        let nearest = nearest_before(&names, &keys, &bins);
        NearIndex { names, keys, bins, runs, position, nearest, cache: Mutex::new(HashMap::default()) }
    }

    /// The known name that `text` is a near-spelling of: the closest, and when
    /// `text` is itself a known name, one listed before it, so that two
    /// spellings resolve to one name rather than to each other.
    pub(super) fn resolve(&self, text: &str) -> Option<usize> {
        if let Some(&own) = self.position.get(text) {
            return self.nearest[own].map(|index| index as usize);
        }
        if let Some(&known) = self.cache.lock().unwrap_or_else(|e| e.into_inner()).get(text) {
            return known;
        }
        let found = self.search(text, None);
        self.cache.lock().unwrap_or_else(|e| e.into_inner()).insert(text.to_string(), found);
        found
    }

    /// The closest name that `text` is a near-spelling of, among those
    /// listed before `own` (all when `None`), looked up by `text`'s keys.
    pub(super) fn search(&self, text: &str, own: Option<usize>) -> Option<usize> {
        let near = NearText::new(text);
        // A name is read only if its shape, kept beside its keys, allows a score.
        let shaped =
            |k: &NearKey| own.is_none_or(|own| (k.index as usize) < own) && k.may_be_near(near.chars.len(), near.words);
        let found = self.candidates(text, shaped);
        near.closest(&self.names, &self.bins, found.iter().map(|k| (k.index as usize, k.chars)))
    }

    /// Keys of the names sharing a word within one edit of a word of
    /// `text`, one a name, in the names' order, among those that pass `keep`.
    pub(super) fn candidates(&self, text: &str, keep: impl Fn(&NearKey) -> bool) -> Vec<NearKey> {
        let mut found: Vec<NearKey> = Vec::new();
        near_keys(text, |key| {
            // A word shared by too many names says nothing, whatever their shapes.
            let run = self.runs.get(key).filter(|run| run.len() <= NEAR_COMMON).and_then(|run| self.keys.get(run));
            found.extend(run.unwrap_or_default().iter().filter(|k| keep(k)).copied());
        });
        found.sort_unstable_by_key(|k| k.index);
        found.dedup_by_key(|k| k.index);
        found
    }
}

/// For each of `names`, what [`NearIndex::search`] finds for it among the
/// names listed before it, for every name at once. A name's candidates are
/// the names before it in the runs of its keys: the sorted `keys` give them
/// all in one pass, where a search a name would look up each of its keys.
pub(super) fn nearest_before(names: &[(String, Kind)], keys: &[NearKey], bins: &[u64]) -> Vec<Option<u32>> {
    use rayon::prelude::*;
    let shapes: Vec<(usize, usize)> =
        names.par_iter().map(|(name, _)| (name.chars().count(), name.split_whitespace().count())).collect();
    // (name, a name before it with a key in common and a shape that allows a
    // score, that one's chars): a run of a key holds its names in order.
    let mut pairs: Vec<(u32, u32, u16)> = Vec::new();
    for run in keys.chunk_by(|a, b| a.key == b.key).filter(|run| run.len() <= NEAR_COMMON) {
        for (at, name) in run.iter().enumerate() {
            let (chars, words) = shapes[name.index as usize];
            let before = run[..at].iter().filter(|k| k.index < name.index && k.may_be_near(chars, words));
            pairs.extend(before.map(|k| (name.index, k.index, k.chars)));
        }
    }
    pairs.par_sort_unstable();
    pairs.dedup();
    let found: Vec<(usize, Option<u32>)> = pairs
        .par_chunk_by(|a, b| a.0 == b.0)
        .map(|pairs| {
            let index = pairs[0].0 as usize;
            let near = NearText::new(&names[index].0);
            let closest = near.closest(names, bins, pairs.iter().map(|&(_, before, chars)| (before as usize, chars)));
            (index, closest.and_then(|c| u32::try_from(c).ok()))
        })
        .collect();
    let mut nearest = vec![None; names.len()];
    for (index, closest) in found {
        nearest[index] = closest;
    }
    nearest
}

/// A text to score names against: its chars, decoded once, and their bins.
pub(super) struct NearText<'t> {
    pub(super) text: &'t str,
    pub(super) chars: Vec<char>,
    pub(super) bins: [u32; 64],
    pub(super) words: usize,
}

impl NearText<'_> {
    pub(super) fn new(text: &str) -> NearText<'_> {
        let chars: Vec<char> = text.chars().collect();
        let mut bins = [0u32; 64];
        for &c in &chars {
            bins[c as usize & 63] += 1;
        }
        NearText { text, chars, bins, words: text.split_whitespace().count() }
    }

    /// Of the `candidates` (a name's index in `names` and its
    /// [`NearKey::chars`], in the names' order), the closest to the text
    /// with a score of at least [`NEAR_SCORE`]: the first one on a tie.
    pub(super) fn closest(
        &self,
        names: &[(String, Kind)],
        bins: &[u64],
        candidates: impl IntoIterator<Item = (usize, u16)>,
    ) -> Option<usize> {
        let mut name_chars: Vec<char> = Vec::new();
        let mut best: Option<(f64, usize)> = None;
        for (index, chars) in candidates {
            if chars != u16::MAX && !bins_may_be_near(bins[index], usize::from(chars), &self.bins, self.chars.len()) {
                continue;
            }
            let name = names[index].0.as_str();
            if name == self.text || name.split_whitespace().count() != self.words {
                continue;
            }
            name_chars.clear();
            name_chars.extend(name.chars());
            if !chars_may_be_near(&name_chars, &self.chars) {
                continue;
            }
            let score = strsim::generic_jaro_winkler(&name_chars, &self.chars);
            if score >= NEAR_SCORE && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, index));
            }
        }
        best.map(|(_, index)| index)
    }
}

/// Where each key value's run of [`NearKey`]s lies in the sorted keys, in an
/// open-addressed table: a lookup reads one slot, or a few side by side,
/// where a search of the sorted keys would read several far apart.
#[derive(Debug, Clone, Default)]
pub(super) struct KeyRuns {
    /// A power of two of slots, at most three quarters full; `len == 0` is empty.
    pub(super) slots: Vec<KeyRun>,
}

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct KeyRun {
    pub(super) key: u64,
    pub(super) start: u32,
    pub(super) len: u32,
}

impl KeyRuns {
    /// The runs of `keys`, sorted by key.
    pub(super) fn new(keys: &[NearKey]) -> KeyRuns {
        let distinct = keys.chunk_by(|a, b| a.key == b.key).count();
        let mut slots = vec![KeyRun::default(); (distinct * 4 / 3 + 1).next_power_of_two()];
        let mask = slots.len() - 1;
        let mut start = 0;
        for run in keys.chunk_by(|a, b| a.key == b.key) {
            let mut at = home(run[0].key, slots.len());
            while slots[at].len != 0 {
                at = (at + 1) & mask;
            }
            let len = u32::try_from(run.len()).unwrap_or(u32::MAX);
            slots[at] = KeyRun { key: run[0].key, start: u32::try_from(start).unwrap_or(u32::MAX), len };
            start += run.len();
        }
        KeyRuns { slots }
    }

    /// The range of the keys equal to `key`, if any.
    #[inline]
    pub(super) fn get(&self, key: u64) -> Option<std::ops::Range<usize>> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = home(key, self.slots.len());
        loop {
            let slot = self.slots[at];
            if slot.len == 0 {
                return None;
            }
            if slot.key == key {
                return Some(slot.start as usize..slot.start as usize + slot.len as usize);
            }
            at = (at + 1) & mask;
        }
    }
}

/// The first slot to try for `key` among `slots`: its place in the range of
/// keys, scaled to the table, so that keys in sorted order fill the table
/// from start to end (one sweep through memory, not a random write a key).
#[inline]
pub(super) fn home(key: u64, slots: usize) -> usize {
    ((u128::from(key) * slots as u128) >> 64) as usize
}

/// One key of a name in the near-spelling index, with the name's index and
/// shape: its chars and words, `u16::MAX` when there are more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct NearKey {
    /// Hash of the word count, the word's position and the word or one of its one-letter deletions.
    pub(super) key: u64,
    pub(super) index: u32,
    pub(super) chars: u16,
    pub(super) words: u16,
}

impl NearKey {
    /// Whether the name can score [`NEAR_SCORE`] against a text of `chars`
    /// chars and `words` words, told from lengths alone: the names must have
    /// as many words, and [`chars_may_be_near`] holds at best with every
    /// char of the shorter one in common.
    pub(super) fn may_be_near(&self, chars: usize, words: usize) -> bool {
        if self.words != u16::MAX && usize::from(self.words) != words {
            return false;
        }
        if self.chars == u16::MAX || self.chars == 0 || chars == 0 {
            return true;
        }
        let m = chars.min(usize::from(self.chars));
        may_reach(u32::try_from(m).unwrap_or(u32::MAX), usize::from(self.chars), chars)
    }
}

/// The least m / |a| + m / |b| of two near names with m chars in common; see [`chars_may_be_near`].
pub(super) const NEAR_CHARS: f64 = 1.69;

/// Whether two names can score [`NEAR_SCORE`], told from the chars they
/// share. Jaro counts `m` matching chars, at most as many as the two have in
/// common, and is at most (m / |a| + m / |b| + 1) / 3; the common-prefix
/// bonus lifts it to at most 0.4 + 0.6 × Jaro. A score of 0.94 needs Jaro ≥
/// 0.9, so m / |a| + m / |b| ≥ 1.7; the test allows 1.69, leaving room for
/// rounding. Chars are counted in 64 bins: two chars sharing a bin only
/// count more in common, so the test never turns away a near pair.
pub(super) fn chars_may_be_near(a: &[char], b: &[char]) -> bool {
    if a.is_empty() || b.is_empty() {
        return a.is_empty() && b.is_empty();
    }
    let mut counts = [0u32; 64];
    for &c in a {
        counts[c as usize & 63] += 1;
    }
    let mut common = 0u32;
    for &c in b {
        let bin = &mut counts[c as usize & 63];
        if *bin > 0 {
            *bin -= 1;
            common += 1;
        }
    }
    may_reach(common, a.len(), b.len())
}

/// [`chars_may_be_near`] for a name of `name_len` chars whose bins are
/// known, not its chars, and a text whose chars are counted in `text_bins`:
/// the text's chars in the name's bins are at least as many as the two share.
pub(super) fn bins_may_be_near(name_bins: u64, name_len: usize, text_bins: &[u32; 64], text_len: usize) -> bool {
    let (mut bins, mut shared) = (name_bins, 0u32);
    while bins != 0 {
        shared += text_bins[bins.trailing_zeros() as usize];
        bins &= bins - 1;
    }
    let most = shared.min(u32::try_from(name_len.min(text_len)).unwrap_or(u32::MAX));
    may_reach(most, name_len, text_len)
}

/// Whether two names of `a` and `b` chars with `common` chars in common may
/// score [`NEAR_SCORE`]: m / |a| + m / |b| ≥ [`NEAR_CHARS`], which grows with m.
pub(super) fn may_reach(common: u32, a: usize, b: usize) -> bool {
    let m = f64::from(common);
    m / a as f64 + m / b as f64 >= NEAR_CHARS
}

/// Calls `emit` with a key for each word of `name` and each of its one-letter deletions.
pub(super) fn near_keys(name: &str, mut emit: impl FnMut(u64)) {
    use std::hash::{Hash, Hasher};
    let words: Vec<String> = name.split_whitespace().map(|w| key(w).into_owned()).collect();
    let mut variant = String::new();
    for (position, word) in words.iter().enumerate() {
        let hash = |variant: &str| {
            let mut h = rustc_hash::FxHasher::default();
            (words.len(), position, variant).hash(&mut h);
            // Fx mixes low bits weakly; spread them all for the table's slots.
            let mut z = h.finish();
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        emit(hash(word));
        for (i, c) in word.char_indices() {
            variant.clear();
            variant.push_str(&word[..i]);
            variant.push_str(&word[i + c.len_utf8()..]);
            emit(hash(&variant));
        }
    }
}
