//! What a comparison returns: plain data, serialisable, so the browser layer can hand it to
//! JavaScript as it is and draw it without analysing any text itself.

use serde::Serialize;

use super::diff::Diff;
use super::targets::TargetGroup;
use crate::bundle::Theme;

/// The whole comparison of two regions under one theme (or all).
///
/// `D` is what a pair carries as its diff: a [`Diff`] in a full comparison, `()` in an
/// [`Alignment`], whose pairs a caller diffs when it needs them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison<D = Diff> {
    /// The left region.
    pub left: Side,
    /// The right region.
    pub right: Side,
    /// The theme compared, or `None` for all themes.
    pub theme: Option<Theme>,
    /// Aligned passages in reading order (the left side's), unmatched ones in place.
    pub rows: Vec<Row<D>>,
    /// For every theme, how many passages each side gives to it (whatever the filter).
    pub coverage: Vec<Coverage>,
    /// How many rows of each kind.
    pub counts: Counts,
}

/// Which passages pair up, without their diffs: the cheap part of a comparison. The
/// widget diffs a pair when it draws it ([`super::diff::diff`] on the two texts), so that
/// the first screen does not wait for every diff.
pub type Alignment = Comparison<()>;

impl Alignment {
    /// Diffs every pair: the full comparison.
    pub fn diffed(self) -> Comparison {
        Comparison {
            left: self.left,
            right: self.right,
            theme: self.theme,
            rows: self.rows.into_iter().map(Row::diffed).collect(),
            coverage: self.coverage,
            counts: self.counts,
        }
    }
}

impl Row<()> {
    /// The row with its pair diffed.
    pub fn diffed(self) -> Row {
        match self {
            Row::Pair {
                left, right, score, ..
            } => {
                let diff = super::diff::diff(&left.text, &right.text);
                Row::Pair {
                    left,
                    right,
                    score,
                    diff,
                }
            }
            Row::LeftOnly { passage } => Row::LeftOnly { passage },
            Row::RightOnly { passage } => Row::RightOnly { passage },
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
}

impl<D> Row<D> {
    /// Whether the row shows any difference: a pair whose texts differ, or a passage with
    /// no counterpart. (A pair's diff has changed spans exactly when its texts differ.)
    pub fn differs(&self) -> bool {
        match self {
            Row::Pair { left, right, .. } => left.text != right.text,
            _ => true,
        }
    }
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

/// A row of the side-by-side view.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Row<D = Diff> {
    /// Two passages that say similar things.
    Pair {
        /// The left passage.
        left: PassageRef,
        /// The right passage.
        right: PassageRef,
        /// Cosine similarity of their bigram vectors, 0–1.
        score: f32,
        /// What they share and what is only on one side.
        diff: D,
    },
    /// A left passage with no counterpart.
    LeftOnly {
        /// The passage.
        passage: PassageRef,
    },
    /// A right passage with no counterpart.
    RightOnly {
        /// The passage.
        passage: PassageRef,
    },
}

/// A passage with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PassageRef {
    /// Document id.
    pub document: String,
    /// Paragraph id within the document.
    pub paragraph: String,
    /// Headings above it, outermost first.
    pub path: Vec<String>,
    /// The text.
    pub text: String,
    /// Its themes, strongest first.
    pub themes: Vec<Theme>,
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
}

/// Row counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Paired rows.
    pub pairs: usize,
    /// Left passages without counterpart.
    pub left_only: usize,
    /// Right passages without counterpart.
    pub right_only: usize,
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
