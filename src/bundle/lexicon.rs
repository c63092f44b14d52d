//! The comparison model the builder ships: the corpus's vocabulary (words that occur in
//! two regions or more, each with its weight) and the topic taxonomy (topics finer than
//! the nine themes, each with its cue words).
//!
//! With these, a reader finds the words of any passage and what they are about with one
//! pass over its text and a table lookup per position; it never builds a model itself.
//! Both grow with the vocabulary, not with the number of passages or region pairs.

use serde::{Deserialize, Serialize};

use super::theme::Theme;

/// Words of one weight.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LexiconGroup {
    /// The inverse document frequency of each word (over the bundle's paragraphs),
    /// rounded to a tenth: how much sharing the word says about two passages. 0 for set
    /// phrases (formulas), which are found whole but not weighed.
    pub idf: f32,
    /// The words, sorted.
    pub words: Vec<String>,
    /// Whether these words are generic: verbs, idioms, place names and words every plan
    /// uses (`加快`, `互利共赢`, `平台`). They count for similarity, but two passages that
    /// share them are not shown as saying the same thing. Absent: false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub generic: bool,
    /// Set when these words are other names of one word (`长安号`, `蓉欧` and `郑欧班列`
    /// of `中欧班列`, in `src/topics/aliases.tsv`): where a text is cut into words, each
    /// counts as that word, with its weight and topics, so two plans that name one thing
    /// differently share a word. Then `idf` is 0 and `generic` false (a reader that does
    /// not know this field finds the names as words of no weight). Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias_of: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A topic: a specific object of policy (China–Europe freight trains, overseas
/// industrial parks, Confucius Institutes…), within one theme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TopicInfo {
    /// URL-safe id, e.g. `rail-freight`.
    pub id: String,
    /// The theme it belongs to.
    pub theme: Theme,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
    /// Words that name it (`中欧班列`, `班列`); the longest match at a position counts.
    pub cues: Vec<String>,
    /// Its inverse document frequency over the bundle's paragraphs: a topic few passages
    /// name says more when two share it. 1 when absent.
    #[serde(default = "one")]
    pub idf: f32,
}

fn one() -> f32 {
    1.0
}
