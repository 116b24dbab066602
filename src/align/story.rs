//! Stories: which documents of a run tell the same story, so that alignment
//! never lines up claims of unrelated stories (a wire desk's folder holds
//! several). It decides nothing about claims, only which documents go together.
//!
//! A document is known here by the names it states: capitalized words of its
//! sentences away from a sentence's start (the language's month and day names
//! aside; a hyphenated name counts by its parts), names of the rule files in
//! their canonical form (so that "Turquie" and "Turkey" are one), and the
//! canonical names its claims resolved for roles, scopes and attributions.
//! A document known only by its claims (`report --claims`) is read from its
//! claims' sentences. Two documents are linked when the names they share weigh
//! enough of the names each could share (a cosine over IDF weights, so that a
//! name most documents state counts less, and a name stated often more than
//! one named in passing); linked documents are one story (union-find).
//!
//! A document linked to none joins the one document closest to it by names and
//! longer plain words, if any is close enough; one that still names too little
//! to tell a story of its own is told in the run's story when the run tells
//! only one; otherwise it stays a story of its own.
//!
//! Each document is compared with a bounded number of others that share its
//! rarest names, found through an inverted index: never all pairs of a large
//! corpus. Nothing here knows a story or a language.

use rustc_hash::FxHashMap as HashMap;

use crate::claim::{Claim, Scope};
use crate::document::Document;
use crate::entity::{Gazetteer, Stated};
use crate::lang::Rules;

/// The stories of a run's claims.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stories {
    /// The story of each claim, numbered from 1 in the order of their first claims.
    pub of_claim: Vec<u32>,
    /// How many stories there are.
    pub count: usize,
    /// Per story (from 1): the place it is about as a whole, if one stands out.
    pub main_place: Vec<Option<String>>,
}

impl Stories {
    /// Every claim in one story.
    pub fn one(claims: usize) -> Stories {
        Stories { of_claim: vec![1; claims], count: usize::from(claims > 0), main_place: Vec::new() }
    }

    /// These stories with the place each is about as a whole: the place of
    /// the rule files that the most of its documents name, by at least two
    /// documents and half again as many as any other place. A figure "across
    /// France" in a story about France is a figure of the story itself,
    /// as one that names no place; in a story of two countries, neither
    /// stands out.
    pub fn with_main_places(mut self, claims: &[Claim], gazetteer: &Gazetteer) -> Stories {
        let mut named: Vec<HashMap<&str, std::collections::BTreeSet<&str>>> = vec![HashMap::default(); self.count + 1];
        for (i, claim) in claims.iter().enumerate() {
            let places = claim.context.iter().map(String::as_str).chain(claim.scope().place.as_deref());
            for place in places.filter(|p| gazetteer.is_place(p)) {
                named[self.of(i) as usize].entry(place).or_default().insert(&*claim.doc);
            }
        }
        self.main_place = named
            .iter()
            .map(|places| {
                let mut counts: Vec<(usize, &str)> = places.iter().map(|(p, docs)| (docs.len(), *p)).collect();
                counts.sort_unstable_by(|a, b| b.cmp(a));
                let first = counts.first().copied()?;
                let second = counts.get(1).map_or(0, |c| c.0);
                (first.0 >= 2 && 2 * first.0 >= 3 * second).then(|| first.1.to_string())
            })
            .collect();
        self
    }

    /// Whether `scope` is only the main place of claim `i`'s story.
    pub fn is_main(&self, i: usize, scope: &Scope) -> bool {
        scope.group.is_none()
            && scope.event.is_none()
            && scope.place.is_some()
            && self.main_place.get(self.of(i) as usize).and_then(Option::as_deref) == scope.place.as_deref()
    }

    /// The story of claim `i` (1 when unknown).
    pub fn of(&self, i: usize) -> u32 {
        self.of_claim.get(i).copied().unwrap_or(1)
    }
}

/// The least similarity of names for two documents to be one story. On
/// real news, outlets of one story meet at 0.4 to 0.9, and stories that
/// share a head of state or a country at up to 0.3.
const NAME_LINK: f64 = 0.36;

/// The least similarity of names for two groups of linked documents to be
/// one story: far above [`NAME_LINK`], as groups sum their documents' names.
/// On real news, one story's outlets split by language meet at 0.9 and
/// more, and whole stories that share a country and its head of state at
/// up to 0.65.
const GROUP_LINK: f64 = 0.8;

/// The fewest names two groups must share to be one story: two stories of
/// a small folder meet on the one name they share ("the Red Cross").
const GROUP_NAMES: usize = 6;

/// The least similarity of names and words for a document linked to none to
/// join its closest document.
const WORD_LINK: f64 = 0.1;

/// The most documents each document is compared with.
const CANDIDATES: usize = 64;

/// Groups the documents of `claims` into stories. `documents` gives their
/// text, where known; a document known only by its claims is read from
/// their sentences.
pub fn stories(documents: &[Document], claims: &[Claim], rules: &Rules) -> Stories {
    use rayon::prelude::*;
    // Documents in the order of their first claim.
    let mut doc_index: HashMap<&str, u32> = HashMap::default();
    let mut doc_of_claim = Vec::with_capacity(claims.len());
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        let next = doc_index.len() as u32;
        let d = *doc_index.entry(&*claim.doc).or_insert(next);
        if d == next {
            members.push(Vec::new());
        }
        members[d as usize].push(i);
        doc_of_claim.push(d);
    }
    if members.len() < 2 {
        return Stories::one(claims.len());
    }
    let text_of: HashMap<&str, &Document> =
        documents.iter().filter(|d| !d.text.is_empty()).map(|d| (d.id.as_str(), d)).collect();
    // Each document read on every core: names first, plain words only if some document needs them.
    let read = |with_words: bool| -> Vec<(Vec<u64>, Vec<u64>)> {
        members
            .par_iter()
            .map(|ids| {
                let document = text_of.get(&*claims[ids[0]].doc).copied();
                // Words the language says are no names (months, days), in every language when it is unknown.
                let not_names = match document.and_then(|d| rules.langs.get(&d.language)) {
                    Some(lang) => vec![&lang.claims.not_names],
                    None => rules.langs.values().map(|l| &l.claims.not_names).collect(),
                };
                let mut stated = Stated::new(&rules.entities, not_names, with_words);
                read_document(&mut stated, document, ids.iter().map(|&i| &claims[i]), with_words);
                (stated.names, stated.words)
            })
            .collect()
    };
    let mut interned: HashMap<u64, u32> = HashMap::default();
    let names: Vec<Counts> = read(false).into_iter().map(|(names, _)| intern(&mut interned, names)).collect();
    let name_index = Index::new(&names, interned.len());
    let mut links = UnionFind::new(members.len());
    // Documents are compared on every core; the links are then made in order.
    let linked: Vec<Vec<usize>> =
        (0..members.len()).into_par_iter().map(|a| name_index.similar(a, NAME_LINK)).collect();
    for (a, similar) in linked.into_iter().enumerate() {
        for b in similar {
            links.union(a, b);
        }
    }
    // A document that shares too few names with any other is read by its words too.
    let lonely: Vec<usize> = (0..members.len()).filter(|&d| links.size(d) == 1).collect();
    if !lonely.is_empty() {
        let both: Vec<Counts> = read(true)
            .into_iter()
            .map(|(mut all, words)| {
                all.extend(words);
                intern(&mut interned, all)
            })
            .collect();
        let word_index = Index::new(&both, interned.len());
        // Each joins one document only: a lonely document never bridges two stories.
        let joins: Vec<(usize, usize)> =
            lonely.par_iter().filter_map(|&d| word_index.closest(d, WORD_LINK).map(|b| (d, b))).collect();
        for (d, b) in joins {
            links.union(d, b);
        }
    }
    join_groups(&mut links, &names);
    join_the_undecided(&mut links, &names);
    // Stories numbered in the order of their first document.
    let mut number: HashMap<usize, u32> = HashMap::default();
    let story_of_doc: Vec<u32> = (0..members.len())
        .map(|d| {
            let next = number.len() as u32 + 1;
            *number.entry(links.find(d)).or_insert(next)
        })
        .collect();
    Stories {
        of_claim: doc_of_claim.iter().map(|&d| story_of_doc[d as usize]).collect(),
        count: number.len(),
        main_place: Vec::new(),
    }
}

/// A document's features as ids, each with how often it occurs: ids are
/// numbered in document order, each document's features in hash order, so
/// that they do not depend on the threads.
fn intern(interned: &mut HashMap<u64, u32>, mut hashes: Vec<u64>) -> Counts {
    hashes.sort_unstable();
    let mut ids: Counts = Vec::with_capacity(hashes.len());
    for run in hashes.chunk_by(|a, b| a == b) {
        let next = interned.len() as u32;
        ids.push((*interned.entry(run[0]).or_insert(next), run.len() as u32));
    }
    ids.sort_unstable();
    ids
}

/// Groups of documents that tell one story together: the names of each
/// group, summed over its documents, against the others'. Outlets of one
/// story in two languages link among their own language more than across
/// it ("Turquie" and "Turkey" are one name, their own words are not); as
/// groups they share the story's names. Each group is compared with a
/// bounded number of others, as documents are.
fn join_groups(links: &mut UnionFind, names: &[Counts]) {
    let mut group_of: HashMap<usize, usize> = HashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for d in 0..names.len() {
        let root = links.find(d);
        let next = groups.len();
        let g = *group_of.entry(root).or_insert(next);
        if g == next {
            groups.push(Vec::new());
        }
        groups[g].push(d);
    }
    if groups.len() < 2 || groups.len() == names.len() {
        return;
    }
    let summed: Vec<Counts> = groups
        .iter()
        .map(|members| {
            let mut all: Counts = members.iter().flat_map(|&d| names[d].iter().copied()).collect();
            all.sort_unstable();
            let mut out: Counts = Vec::with_capacity(all.len());
            for (f, n) in all {
                match out.last_mut() {
                    Some(last) if last.0 == f => last.1 += n,
                    _ => out.push((f, n)),
                }
            }
            out
        })
        .collect();
    let features = summed.iter().flat_map(|c| c.iter().map(|&(f, _)| f as usize + 1)).max().unwrap_or(0);
    let index = Index::new(&summed, features);
    for (g, members) in groups.iter().enumerate() {
        // Only groups of several documents: a lonely one was decided above.
        if members.len() < 2 {
            continue;
        }
        for other in index.similar(g, GROUP_LINK) {
            if groups[other].len() >= 2 && index.shared(g, other) >= GROUP_NAMES {
                links.union(members[0], groups[other][0]);
            }
        }
    }
}

/// A document alone in its story that names fewer things than this says too
/// little to be a story apart.
const MIN_NAMES: usize = 3;

/// A document alone in its story that names too little is no evidence of
/// another story: when the rest of the run tells at most one story, it is
/// told there (a folder of short notes with no names is one story). Among
/// several stories, which one it tells is unknown: it stays alone.
fn join_the_undecided(links: &mut UnionFind, names: &[Counts]) {
    let mut undecided = Vec::new();
    let mut known = vec![false; names.len()];
    let mut stories = Vec::new();
    for (d, named) in names.iter().enumerate() {
        let root = links.find(d);
        if links.size(d) == 1 && named.len() < MIN_NAMES {
            undecided.push(d);
        } else if !std::mem::replace(&mut known[root], true) {
            stories.push(root);
            if stories.len() > 1 {
                return;
            }
        }
    }
    let Some(&into) = stories.first().or(undecided.first()) else { return };
    for d in undecided {
        links.union(d, into);
    }
}

/// The features of one document: its sentences (their names as the names
/// pass read them, when it did and plain words are not asked for), or where
/// its text is not known, its claims' sentences; and the names its claims
/// resolved.
fn read_document<'c>(
    stated: &mut Stated,
    document: Option<&Document>,
    claims: impl Iterator<Item = &'c Claim>,
    with_words: bool,
) {
    let mut last_quote: Option<&str> = None;
    for claim in claims {
        // A role that no name of its sentence gives is words ("the
        // population", "many countries"), not a name of the story.
        let named = |name: &&String| claim.context.binary_search(*name).is_ok();
        let resolved = claim
            .roles
            .names()
            .filter(named)
            .chain(&claim.scope().place)
            .chain(&claim.scope().group)
            .chain(&claim.attributed_to);
        for name in resolved {
            stated.canonical(name);
        }
        // Claims of one sentence follow each other.
        if document.is_some() || last_quote == Some(&*claim.quote) {
            continue;
        }
        last_quote = Some(&claim.quote);
        stated.sentence(&claim.quote);
    }
    let Some(doc) = document else { return };
    match doc.stated_names.get().filter(|_| !with_words) {
        Some(names) => stated.names.extend_from_slice(names),
        None => {
            for s in &doc.sentences {
                if let Some(text) = doc.text.get(s.start..s.end) {
                    stated.sentence(text);
                }
            }
        }
    }
}

/// A document's features (interned) and how often it states each, by feature.
type Counts = Vec<(u32, u32)>;

/// Documents' features with their weights, and which documents hold each.
struct Index<'a> {
    /// Each document's features and how often it states each.
    docs: &'a [Counts],
    /// Documents holding each feature, in order.
    postings: Vec<Vec<u32>>,
    /// Each feature's weight squared; 0 for a feature of one document, which links nothing.
    weight: Vec<f64>,
    /// Each document's norm over the features it could share.
    norm: Vec<f64>,
}

impl<'a> Index<'a> {
    fn new(docs: &'a [Counts], features: usize) -> Index<'a> {
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); features];
        for (d, list) in docs.iter().enumerate() {
            for &(f, _) in list {
                postings[f as usize].push(d as u32);
            }
        }
        let n = docs.len() as f64;
        let weight: Vec<f64> = postings
            .iter()
            .map(|p| match p.len() {
                0 | 1 => 0.0,
                df => (1.0 + n / df as f64).ln().powi(2),
            })
            .collect();
        let norm = docs
            .iter()
            .map(|list| list.iter().map(|&(f, n)| weight[f as usize] * tf(n).powi(2)).sum::<f64>().sqrt())
            .collect();
        Index { docs, postings, weight, norm }
    }

    /// The documents that share `d`'s rarest features, at most [`CANDIDATES`].
    fn candidates(&self, d: usize) -> Vec<usize> {
        let mut features: Vec<u32> =
            self.docs[d].iter().map(|&(f, _)| f).filter(|&f| self.weight[f as usize] > 0.0).collect();
        features.sort_by_key(|&f| (self.postings[f as usize].len(), f));
        let mut found: Vec<usize> = Vec::new();
        let mut seen = rustc_hash::FxHashSet::default();
        'features: for f in features {
            for &other in &self.postings[f as usize] {
                let other = other as usize;
                if other != d && seen.insert(other) {
                    found.push(other);
                    if found.len() == CANDIDATES {
                        break 'features;
                    }
                }
            }
        }
        found.sort_unstable();
        found
    }

    /// How many features that link anything two documents share.
    fn shared(&self, a: usize, b: usize) -> usize {
        let (x, y) = (&self.docs[a], &self.docs[b]);
        x.iter()
            .filter(|&&(f, _)| self.weight[f as usize] > 0.0 && y.binary_search_by_key(&f, |&(g, _)| g).is_ok())
            .count()
    }

    /// Cosine similarity of two documents over the features they could share.
    fn similarity(&self, a: usize, b: usize) -> f64 {
        let (x, y) = (&self.docs[a], &self.docs[b]);
        let (mut i, mut j, mut shared) = (0, 0, 0.0);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.weight[x[i].0 as usize] * tf(x[i].1) * tf(y[j].1);
                    i += 1;
                    j += 1;
                }
            }
        }
        let norms = self.norm[a] * self.norm[b];
        if norms > 0.0 { shared / norms } else { 0.0 }
    }

    /// Documents at least `threshold` similar to `d`.
    fn similar(&self, d: usize, threshold: f64) -> Vec<usize> {
        self.candidates(d).into_iter().filter(|&b| self.similarity(d, b) >= threshold).collect()
    }

    /// The document most similar to `d`, if at least `threshold` (the first on a tie).
    fn closest(&self, d: usize, threshold: f64) -> Option<usize> {
        let mut best: Option<(usize, f64)> = None;
        for b in self.candidates(d) {
            let s = self.similarity(d, b);
            if s >= threshold && best.is_none_or(|(_, t)| s > t) {
                best = Some((b, s));
            }
        }
        best.map(|(b, _)| b)
    }
}

/// The weight of a feature stated `n` times: a name a story keeps naming
/// counts more than one it names in passing, but not `n` times more.
fn tf(n: u32) -> f64 {
    1.0 + f64::from(n.max(1)).ln()
}

/// Disjoint sets of documents, by size.
struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind { parent: (0..n).collect(), size: vec![1; n] }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        let (big, small) = if self.size[a] >= self.size[b] { (a, b) } else { (b, a) };
        self.parent[small] = big;
        self.size[big] += self.size[small];
    }

    fn size(&mut self, x: usize) -> usize {
        let root = self.find(x);
        self.size[root]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{claim, count};

    #[test]
    fn groups_of_one_story_in_two_languages_join_and_another_story_stays_apart() {
        // Two French outlets and two English ones share the story's names
        // (1 to 6) and each pair its own words; two outlets of another
        // story share theirs only.
        let shared = [(1, 2), (2, 1), (3, 1), (4, 3), (5, 1), (6, 2)];
        let with = |own: &[(u32, u32)]| -> Counts {
            let mut c: Counts = shared.iter().copied().chain(own.iter().copied()).collect();
            c.sort_unstable();
            c
        };
        let names = vec![
            with(&[(10, 2)]),
            with(&[(10, 1), (11, 1)]),
            with(&[(20, 2)]),
            with(&[(20, 1), (21, 1)]),
            vec![(30, 2), (31, 1), (32, 1)],
            vec![(30, 1), (31, 2)],
        ];
        let mut links = UnionFind::new(names.len());
        for (a, b) in [(0, 1), (2, 3), (4, 5)] {
            links.union(a, b);
        }
        join_groups(&mut links, &names);
        assert_eq!(links.find(0), links.find(2));
        assert_ne!(links.find(0), links.find(4));
        // Groups that meet on fewer names stay apart however alike those are.
        let few: Vec<Counts> = names.iter().map(|c| c.iter().copied().filter(|&(f, _)| f > 3).collect()).collect();
        let mut links = UnionFind::new(few.len());
        for (a, b) in [(0, 1), (2, 3), (4, 5)] {
            links.union(a, b);
        }
        join_groups(&mut links, &few);
        assert_ne!(links.find(0), links.find(2));
    }

    /// Claims of documents known only by them: (document, sentence).
    fn stories_of(sentences: &[(&str, &str)]) -> Vec<u32> {
        let rules = Rules::load(None).unwrap();
        let claims: Vec<Claim> = sentences
            .iter()
            .enumerate()
            .map(|(i, (doc, quote))| {
                let mut c = claim(&format!("{doc}:{i}"), Some(count(1.0)));
                c.doc = (*doc).into();
                c.quote = (*quote).into();
                c.roles = Default::default();
                c
            })
            .collect();
        stories(&[], &claims, &rules).of_claim
    }

    #[test]
    fn documents_that_name_the_same_things_are_one_story() {
        let of = stories_of(&[
            ("a", "The quake near Ostrel in Kestria killed 212, Alva Renholt said."),
            ("b", "In Kestria, 212 died around Ostrel, said Alva Renholt."),
            ("c", "Brightwell Foods will pay $2.4 billion for Tamsin Dairy."),
            ("d", "The price Brightwell Foods pays for Tamsin Dairy is $2.4 billion."),
        ]);
        assert_eq!(of, [1, 1, 2, 2]);
    }

    #[test]
    fn a_name_every_story_shares_does_not_join_them() {
        let of = stories_of(&[
            ("a", "In Ostrel, Kestria, 212 died, the Red Cross said."),
            ("b", "The toll in Ostrel, Kestria, is 212, the Red Cross said."),
            ("c", "In Talvik, Odrava, 1,380 died, the Red Cross said."),
            ("d", "The toll in Talvik, Odrava, is 1,380, the Red Cross said."),
        ]);
        assert_eq!(of, [1, 1, 2, 2]);
    }

    #[test]
    fn a_document_that_names_nothing_joins_the_closest_by_its_words() {
        let of = stories_of(&[
            ("a", "In Ostrel, Kestria, the floods killed 38 villagers."),
            ("b", "The floods in Ostrel, Kestria, killed 38."),
            ("c", "In Talvik, Odrava, the earthquake destroyed 400 houses."),
            ("d", "The earthquake in Talvik, Odrava, destroyed 400 houses."),
            ("e", "the toll of the floods has risen to 61 villagers."),
            ("f", "nothing in common here at all, 5."),
        ]);
        assert_eq!(of, [1, 1, 2, 2, 1, 3]);
    }

    #[test]
    fn documents_that_name_too_little_tell_the_one_story_of_the_run() {
        let of = stories_of(&[
            ("a", "about 240 mm of rain fell in eight hours."),
            ("b", "il est tombé 241 millimètres de pluie."),
            ("c", "In Ostrel, Kestria, Alva Renholt counted 240 mm."),
        ]);
        assert_eq!(of, [1, 1, 1]);
        assert_eq!(stories_of(&[("a", "240 mm of rain."), ("b", "241 millimètres de pluie.")]), [1, 1]);
    }

    #[test]
    fn one_document_is_one_story() {
        assert_eq!(stories_of(&[("a", "Kestria: 212."), ("a", "Odrava: 1,380.")]), [1, 1]);
    }
}
