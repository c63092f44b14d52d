//! Similarity between passages: TF-IDF over character bigrams.
//!
//! Chinese has no spaces, so words are not at hand; character bigrams are the classic
//! substitute and work well for this register (`互联`, `联互`, `互通` cover `互联互通`).
//! Numbers and Latin words count as one character each, so `2020` is one unit, not four.
//! Bigrams do not cross punctuation. Weights are `(1 + ln tf) · idf`, with document
//! frequencies counted over every paragraph of the bundle, so the boilerplate every plan
//! shares (`一带一路`, `沿线国家`) counts for little and the specifics for much.

use rustc_hash::FxHashMap;

use super::tokens::{Token, pair, single, tokens};

/// A passage as a unit-length sparse vector: (term id, weight), sorted by term id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Vector(Vec<(u32, f32)>);

impl Vector {
    /// Cosine similarity with another unit vector.
    pub fn cosine(&self, other: &Vector) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
        let (a, b) = (&self.0, &other.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// The (term, weight) entries.
    pub fn entries(&self) -> &[(u32, f32)] {
        &self.0
    }
}

/// How much a passage's heading counts against its own text.
pub const CONTEXT_WEIGHT: f32 = 0.5;

/// Term ids and weights for a set of texts.
#[derive(Clone, Debug, Default)]
pub struct Model {
    vectors: Vec<Vector>,
}

impl Model {
    /// Builds the vectors of `(text, context)` pairs — a passage and its heading. Document
    /// frequencies are counted over the texts; a context term adds [`CONTEXT_WEIGHT`] times
    /// the weight it would have in the text.
    pub fn new<'a>(texts: impl IntoIterator<Item = (&'a str, &'a str)>) -> Model {
        let mut vocabulary = Vocabulary::default();
        // Term counts without a map per text: `slot[id]` is where the id sits in the
        // current text's counts, valid while `seen[id]` is that text's stamp.
        let (mut seen, mut slot): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
        let mut stamp = 0u32;
        let mut count = |text: &str| -> Vec<(u32, u32)> {
            stamp += 1;
            let mut tf: Vec<(u32, u32)> = Vec::new();
            for term in terms(text) {
                let id = vocabulary.id(term);
                let i = id as usize;
                if i >= seen.len() {
                    seen.resize(i + 1, 0);
                    slot.resize(i + 1, 0);
                }
                if seen[i] == stamp {
                    tf[slot[i] as usize].1 += 1;
                } else {
                    seen[i] = stamp;
                    slot[i] = tf.len() as u32;
                    tf.push((id, 1));
                }
            }
            tf
        };
        // Per text: term counts of the text itself and of its context, in first-seen order.
        type Counts = Vec<(u32, u32)>;
        let mut counts: Vec<(Counts, Counts)> = Vec::new();
        for (text, context) in texts {
            let own = count(text);
            let around = count(context);
            counts.push((own, around));
        }
        let mut df = vec![0u32; vocabulary.len()];
        for (own, _) in &counts {
            for &(id, _) in own {
                df[id as usize] += 1;
            }
        }
        let n = counts.len() as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| ((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0)
            .collect();
        // A term in both the text and its heading gets one entry, the weights added.
        let mut sum = vec![0.0f32; idf.len()];
        let vectors = counts
            .into_iter()
            .map(|(own, around)| {
                let weight = |id: u32, c: u32, scale: f32| {
                    scale * (1.0 + (c as f32).ln()) * idf[id as usize]
                };
                let mut ids: Vec<u32> = Vec::with_capacity(own.len() + around.len());
                for &(id, c) in &own {
                    sum[id as usize] = weight(id, c, 1.0);
                    ids.push(id);
                }
                for &(id, c) in &around {
                    let s = &mut sum[id as usize];
                    if *s == 0.0 {
                        ids.push(id);
                    }
                    *s += weight(id, c, CONTEXT_WEIGHT);
                }
                crate::sort::sort_by(&mut ids, Ord::cmp);
                let mut v: Vec<(u32, f32)> = ids
                    .into_iter()
                    .map(|id| (id, std::mem::take(&mut sum[id as usize])))
                    .collect();
                let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                if norm > 0.0 {
                    for (_, w) in &mut v {
                        *w /= norm;
                    }
                }
                Vector(v)
            })
            .collect();
        Model { vectors }
    }

    /// The vector of the `i`-th text.
    pub fn vector(&self, i: usize) -> &Vector {
        &self.vectors[i]
    }
}

/// A bigram: two adjacent units. Most are two characters, kept as a number so that the
/// vocabulary (built in the browser on every load) neither allocates nor hashes strings
/// for them; a number or Latin word makes the rest.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Term<'a> {
    /// Two single characters: `(first << 32) | second`.
    Chars(u64),
    /// Two units, at least one of several characters.
    Units(&'a str, &'a str),
}

impl<'a> Term<'a> {
    fn new(first: &'a str, second: &'a str) -> Term<'a> {
        match (single(first), single(second)) {
            (Some(a), Some(b)) => Term::Chars(pair(u32::from(a), u32::from(b))),
            _ => Term::Units(first, second),
        }
    }
}

/// Term ids in order of first sight.
#[derive(Default)]
struct Vocabulary {
    chars: FxHashMap<u64, u32>,
    units: FxHashMap<String, u32>,
}

impl Vocabulary {
    /// How many terms there are (ids are `0..len`).
    fn len(&self) -> usize {
        self.chars.len() + self.units.len()
    }

    fn id(&mut self, term: Term) -> u32 {
        let next = self.len() as u32;
        match term {
            Term::Chars(key) => *self.chars.entry(key).or_insert(next),
            // Joined: units are maximal runs, so `20`+`20年` and `2020`+`年` cannot both
            // occur and the join is unambiguous.
            Term::Units(a, b) => *self.units.entry([a, b].concat()).or_insert(next),
        }
    }
}

/// The bigram terms of a text: pairs of adjacent units, not across punctuation or space.
fn terms(text: &str) -> Vec<Term<'_>> {
    let mut out = Vec::new();
    let mut previous: Option<&str> = None;
    for token in tokens(text) {
        match token {
            Token::Han(s) | Token::Number(s) | Token::Latin(s) => {
                if let Some(p) = previous {
                    out.push(Term::new(p, s));
                }
                previous = Some(s);
            }
            Token::Other(_) => previous = None,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigrams_do_not_cross_punctuation_and_numbers_are_units() {
        let pair = |a: char, b: char| Term::Chars(pair(u32::from(a), u32::from(b)));
        assert_eq!(
            terms("到2020年，互联"),
            [
                Term::Units("到", "2020"),
                Term::Units("2020", "年"),
                pair('互', '联')
            ]
        );
    }

    #[test]
    fn shared_specifics_outweigh_shared_boilerplate() {
        let model = Model::new([
            ("推进一带一路建设，加快中欧班列发展", ""),
            ("推进一带一路建设，加快中欧班列开行", ""),
            ("推进一带一路建设，发展跨境电子商务", ""),
            ("推进一带一路建设", ""),
        ]);
        let trains = model.vector(0).cosine(model.vector(1));
        let other = model.vector(0).cosine(model.vector(2));
        assert!(trains > other + 0.2, "{trains} vs {other}");
        assert!((model.vector(3).cosine(model.vector(3)) - 1.0).abs() < 1e-5);
    }

    #[test]
    fn a_heading_brings_its_words_at_half_weight() {
        let model = Model::new([
            (
                "整合优化海关特殊监管区域，加快申报进度",
                "积极推进自贸区申报工作",
            ),
            ("推进自贸区申报工作", ""),
            ("整合优化海关特殊监管区域，加快申报进度", ""),
        ]);
        assert!(model.vector(0).cosine(model.vector(1)) > model.vector(2).cosine(model.vector(1)));
    }

    #[test]
    fn empty_texts_have_empty_vectors() {
        let model = Model::new([("", ""), ("。", "")]);
        assert_eq!(model.vector(0).cosine(model.vector(1)), 0.0);
    }
}
