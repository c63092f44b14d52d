//! Similarity between passages: TF-IDF over character bigrams.
//!
//! Chinese has no spaces, so words are not at hand; character bigrams are the classic
//! substitute and work well for this register (`互联`, `联互`, `互通` cover `互联互通`).
//! Numbers and Latin words count as one character each, so `2020` is one unit, not four.
//! Bigrams do not cross punctuation. Weights are `(1 + ln tf) · idf`, with document
//! frequencies counted over every paragraph of the bundle, so the boilerplate every plan
//! shares (`一带一路`, `沿线国家`) counts for little and the specifics for much.

use std::collections::HashMap;

use super::tokens::{Token, tokens};

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
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let mut id_of = |term: String| -> u32 {
            let next = vocabulary.len() as u32;
            *vocabulary.entry(term).or_insert(next)
        };
        let count = |ids: Vec<u32>| -> Vec<(u32, u32)> {
            let mut tf: HashMap<u32, u32> = HashMap::new();
            for id in ids {
                *tf.entry(id).or_insert(0) += 1;
            }
            let mut tf: Vec<(u32, u32)> = tf.into_iter().collect();
            tf.sort_unstable();
            tf
        };
        // Per text: term counts of the text itself and of its context.
        type Counts = Vec<(u32, u32)>;
        let mut counts: Vec<(Counts, Counts)> = Vec::new();
        for (text, context) in texts {
            let own = count(terms(text).into_iter().map(&mut id_of).collect());
            let around = count(terms(context).into_iter().map(&mut id_of).collect());
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
        let vectors = counts
            .into_iter()
            .map(|(own, around)| {
                let mut weights: HashMap<u32, f32> = HashMap::new();
                for (tf, scale) in [(own, 1.0), (around, CONTEXT_WEIGHT)] {
                    for (id, c) in tf {
                        *weights.entry(id).or_insert(0.0) +=
                            scale * (1.0 + (c as f32).ln()) * idf[id as usize];
                    }
                }
                let mut v: Vec<(u32, f32)> = weights.into_iter().collect();
                v.sort_unstable_by_key(|&(id, _)| id);
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

/// The bigram terms of a text: pairs of adjacent units, not across punctuation or space.
fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut previous: Option<&str> = None;
    for token in tokens(text) {
        match token {
            Token::Han(s) | Token::Number(s) | Token::Latin(s) => {
                if let Some(p) = previous {
                    let mut term = String::with_capacity(p.len() + s.len());
                    term.push_str(p);
                    term.push_str(s);
                    out.push(term);
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
        assert_eq!(terms("到2020年，互联"), ["到2020", "2020年", "互联"]);
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
