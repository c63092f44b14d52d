//! Quantitative statements as the bundle stores them (`metrics.md` in the shared spec).
//!
//! Kinds and comparators are closed sets, so they are enums whose serialised names are
//! the words the plans use; the extraction that fills them lives in its own module.

use serde::{Deserialize, Serialize};

use crate::themes::Theme;

/// One number attached to an indicator, with the exact quote it was read from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// Unique within the document.
    pub id: String,
    /// The id of the paragraph it was read from.
    pub paragraph: String,
    /// Exact substring of that paragraph's text.
    pub quote: String,
    /// What is counted, e.g. `对沿线国家进出口总额`.
    pub indicator: String,
    /// The number (the lower end of a range).
    pub value: f64,
    /// The upper end of a range.
    pub value_max: Option<f64>,
    /// The unit as written, magnitude characters included (`亿美元`).
    pub unit: String,
    /// The year the statement is for.
    pub year: Option<i32>,
    /// The limiting word or verb that qualifies the number.
    pub comparator: Option<Comparator>,
    /// Goal, present situation, or other count.
    pub kind: MetricKind,
    /// The theme of the statement.
    pub theme: Option<Theme>,
}

/// Whether a number is a goal, a statement of the present, or another count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MetricKind {
    /// A goal the plan sets for the future.
    Target,
    /// The present or past situation.
    Baseline,
    /// Any other count tied to an indicator.
    Other,
}

/// The word that qualifies a number, as written in the plans.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Comparator {
    /// More than (limiting word after the number).
    #[serde(rename = "以上")]
    AtLeast,
    /// Exceeding.
    #[serde(rename = "超过")]
    Exceeds,
    /// Breaking through.
    #[serde(rename = "突破")]
    BreaksThrough,
    /// Reaching.
    #[serde(rename = "达到")]
    Reaches,
    /// Not lower than.
    #[serde(rename = "不低于")]
    NotBelow,
    /// About.
    #[serde(rename = "左右")]
    About,
    /// Over (`多`).
    #[serde(rename = "多")]
    Over,
    /// Within / up to.
    #[serde(rename = "以内")]
    Within,
    /// Increasing to.
    #[serde(rename = "增加到")]
    IncreasesTo,
    /// Newly adding.
    #[serde(rename = "新增")]
    Adds,
    /// Building (completed).
    #[serde(rename = "建成")]
    Builds,
    /// Opening (routes, lines).
    #[serde(rename = "开通")]
    Opens,
    /// Forming.
    #[serde(rename = "形成")]
    Forms,
    /// Cultivating.
    #[serde(rename = "培育")]
    Cultivates,
    /// Creating.
    #[serde(rename = "打造")]
    Creates,
    /// Organising.
    #[serde(rename = "组织")]
    Organises,
    /// Doubling (one doubling).
    #[serde(rename = "翻一番")]
    DoublesOnce,
    /// Doubling.
    #[serde(rename = "翻番")]
    Doubles,
}
