//! What a comparison returns: plain data, serialisable, so the browser layer and the
//! command line hand it on as it is and draw it without analysing any text themselves.

use std::sync::Arc;

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::diff::Diff;
use super::targets::TargetGroup;
use crate::bundle::{Boilerplate, Role, Theme};

/// The whole comparison of two regions under one theme (or all).
///
/// `D` is what a pair carries as its marks: a [`Diff`] in a full comparison, `()` in an
/// [`Alignment`], whose pairs a caller marks when it draws them.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison<D = Diff> {
    /// The left region.
    pub left: Side,
    /// The right region.
    pub right: Side,
    /// The theme compared, or `None` for all themes.
    pub theme: Option<Theme>,
    /// Every passage of both regions, the left region's first, each in reading order;
    /// blocks and pairs refer to them by position.
    pub passages: Vec<PassageRef>,
    /// What the two plans say, in the left plan's reading order: topics both address
    /// side by side, and runs of passages only one side has, each run where it falls.
    pub blocks: Vec<Block>,
    /// Every pair of passages shown side by side, in the order the blocks show them.
    pub pairs: Vec<Pair<D>>,
    /// For every theme, how many passages each side gives to it (whatever the filter).
    pub coverage: Vec<Coverage>,
    /// How many of each.
    pub counts: Counts,
}

/// Which passages pair up, without their marks: the cheap part of a comparison. The
/// widget marks a pair when it draws it ([`super::marks::marks`]), so that the first
/// screen does not wait for every pair.
pub type Alignment = Comparison<()>;

impl Alignment {
    /// Marks every pair: the full comparison.
    pub fn marked(self, mark: impl Fn(&str, &str) -> Diff) -> Comparison {
        let passages = self.passages;
        let pairs = self
            .pairs
            .into_iter()
            .map(|p| Pair {
                marks: mark(&passages[p.left].text, &passages[p.right].text),
                left: p.left,
                right: p.right,
                score: p.score,
            })
            .collect();
        Comparison {
            left: self.left,
            right: self.right,
            theme: self.theme,
            passages,
            blocks: self.blocks,
            pairs,
            coverage: self.coverage,
            counts: self.counts,
        }
    }
}

impl<D> Comparison<D> {
    /// How many passages each side gives to `theme`, whatever the filter.
    pub fn coverage_of(&self, theme: Theme) -> (usize, usize) {
        self.coverage
            .iter()
            .find(|c| c.theme == theme)
            .map_or((0, 0), |c| (c.left, c.right))
    }

    /// How many passages of each side a comparison under `theme` shows (each once,
    /// though a passage paired far apart stands in several blocks), whatever the filter.
    pub fn shown_under(&self, theme: Theme) -> (usize, usize) {
        self.coverage
            .iter()
            .find(|c| c.theme == theme)
            .map_or((0, 0), |c| (c.shown_left, c.shown_right))
    }

    /// The passages of the pair at `k`.
    pub fn pair_passages(&self, k: usize) -> Option<(&PassageRef, &PassageRef)> {
        let p = self.pairs.get(k)?;
        Some((self.passages.get(p.left)?, self.passages.get(p.right)?))
    }
}

/// A stretch of the side-by-side view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Block {
    /// What both plans say about one topic: passages of each side (positions in
    /// [`Comparison::passages`]) and the pairs between them (positions in
    /// [`Comparison::pairs`]). One long passage may stand against several short ones.
    Both {
        /// Left passages, in reading order.
        left: Vec<usize>,
        /// Right passages, in reading order.
        right: Vec<usize>,
        /// The pairs among them.
        pairs: Vec<usize>,
    },
    /// Consecutive left passages with no counterpart.
    LeftOnly {
        /// The passages.
        passages: Vec<usize>,
    },
    /// Consecutive right passages with no counterpart.
    RightOnly {
        /// The passages.
        passages: Vec<usize>,
    },
}

impl Block {
    /// Every passage the block shows.
    pub fn passages(&self) -> impl Iterator<Item = usize> + '_ {
        let (a, b): (&[usize], &[usize]) = match self {
            Block::Both { left, right, .. } => (left, right),
            Block::LeftOnly { passages } | Block::RightOnly { passages } => (passages, &[]),
        };
        a.iter().chain(b).copied()
    }
}

/// Two passages shown side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair<D = Diff> {
    /// The left passage (position in [`Comparison::passages`]).
    pub left: usize,
    /// The right passage.
    pub right: usize,
    /// How alike they are, 0–1.
    pub score: f32,
    /// What they share (and, for near-copies, what changed).
    pub marks: D,
}

/// One region of a comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Side {
    /// Region id.
    pub region: String,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
    /// Its documents, in bundle order.
    pub documents: Vec<DocumentRef>,
}

/// A document, as the widget names it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentRef {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// ISO date.
    pub published: String,
}

/// A passage with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PassageRef {
    /// Its region.
    pub region: Arc<str>,
    /// Document id.
    pub document: Arc<str>,
    /// Paragraph id within the document.
    pub paragraph: String,
    /// Headings above it, outermost first.
    pub path: Arc<[String]>,
    /// The text (shared with the comparer's passage: a comparison of two long plans
    /// refers to tens of thousands of passages, and copied each time it was drawn).
    pub text: Arc<str>,
    /// Its themes, strongest first.
    pub themes: Vec<Theme>,
    /// The kind of section it sits in.
    pub role: Role,
    /// Why it is boilerplate, if it is (folded away in the view).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boilerplate: Option<Boilerplate>,
}

/// How much each side gives to a theme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// The theme.
    pub theme: Theme,
    /// Passages of the left region with this theme.
    pub left: usize,
    /// Passages of the right region with this theme.
    pub right: usize,
    /// Passages of the left region a comparison under this theme shows: those with the
    /// theme and their counterparts beside them, each once.
    pub shown_left: usize,
    /// The same of the right region.
    pub shown_right: usize,
}

/// What a comparison shows, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Pairs of passages shown side by side.
    pub pairs: usize,
    /// Blocks where both sides speak.
    pub blocks: usize,
    /// Left passages shown beside a counterpart.
    pub left_matched: usize,
    /// Right passages shown beside a counterpart.
    pub right_matched: usize,
    /// Left content passages without counterpart.
    pub left_only: usize,
    /// Right content passages without counterpart.
    pub right_only: usize,
    /// Boilerplate passages shown (both sides), never paired.
    pub boilerplate: usize,
}

/// Two regions' targets side by side, grouped by theme.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetTable {
    /// The left region.
    pub left: Side,
    /// The right region.
    pub right: Side,
    /// The theme shown, or `None` for all.
    pub theme: Option<Theme>,
    /// Rows by theme.
    pub groups: Vec<TargetGroup>,
}

/// A pair as the JSON shows it: both passages written out, so that a reader of the flat
/// `pairs` list needs nothing else.
struct PairOut<'a, D> {
    pair: &'a Pair<D>,
    passages: &'a [PassageRef],
}

impl<D: Serialize> Serialize for PairOut<'_, D> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Pair", 4)?;
        st.serialize_field("left", &self.passages.get(self.pair.left))?;
        st.serialize_field("right", &self.passages.get(self.pair.right))?;
        st.serialize_field("score", &decimal(self.pair.score))?;
        st.serialize_field("marks", &self.pair.marks)?;
        st.end()
    }
}

/// A score as the shortest decimal that reads back as it: the same number in serde_json's
/// text and in the JavaScript API (serde-wasm-bindgen widens an `f32` bit for bit, so 0.1
/// would become 0.10000000149011612 there).
fn decimal(score: f32) -> f64 {
    score.to_string().parse().unwrap_or(f64::from(score))
}

impl<D: Serialize> Serialize for Comparison<D> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let pairs: Vec<PairOut<D>> = self
            .pairs
            .iter()
            .map(|pair| PairOut {
                pair,
                passages: &self.passages,
            })
            .collect();
        let mut st = s.serialize_struct("Comparison", 8)?;
        st.serialize_field("left", &self.left)?;
        st.serialize_field("right", &self.right)?;
        st.serialize_field("theme", &self.theme)?;
        st.serialize_field("passages", &self.passages)?;
        st.serialize_field("blocks", &self.blocks)?;
        st.serialize_field("pairs", &pairs)?;
        st.serialize_field("coverage", &self.coverage)?;
        st.serialize_field("counts", &self.counts)?;
        st.end()
    }
}
