//! Quantitative statements as the bundle stores them (`metrics.md` in the shared spec).
//!
//! Kinds and comparators are closed sets, so they are enums whose serialised names are
//! the words the plans use; the extraction that fills them lives in its own module.

use serde::{Deserialize, Serialize};

use super::theme::Theme;

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
    /// The value in a canonical unit, where the unit has one (`300亿美元` → 3×10¹⁰ USD),
    /// for comparing and sorting across regions. (An addition within version 1.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normalized: Option<Normalized>,
    /// What limits the number beyond its indicator: the unit it is per (`每市`), the
    /// total it is part of (`其中`). (An addition within version 1.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// The canonical indicator, an id of the taxonomy (`src/metrics/indicators.tsv`):
    /// two regions' statements are comparable only when these agree. (An addition within
    /// version 1.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator_id: Option<String>,
}

/// What limits a number beyond its indicator.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    /// The value is per one of these: `市` (`每市`, per city), `年` (`每年`, per year),
    /// `周` (`每周`), or the group of which each counts its own (`省属骨干本科院校分别与…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    /// The value is part of this total (`其中国际地区客运量…` is part of `郑州机场客运量`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
}

impl Scope {
    /// Whether nothing limits the number.
    pub fn is_empty(&self) -> bool {
        self.per.is_none() && self.part_of.is_none()
    }
}

/// A value converted to a canonical unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Normalized {
    /// The value in `unit`.
    pub value: f64,
    /// The upper end of a range, in `unit`.
    pub value_max: Option<f64>,
    /// The canonical unit.
    pub unit: Canonical,
}

/// A unit in which values of different regions can be compared and sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Canonical {
    /// US dollars.
    Usd,
    /// Renminbi yuan.
    Cny,
    /// Metric tonnes.
    Tonnes,
    /// Twenty-foot equivalent units (containers).
    Teu,
    /// Person-trips (visits, passengers).
    PersonTrips,
    /// People.
    Persons,
    /// Per cent.
    Percent,
    /// A multiple of a base value (doubling = 2).
    Times,
    /// Square kilometres.
    SquareKilometres,
    /// Kilometres.
    Kilometres,
}

impl Canonical {
    /// Its id as the bundle writes it (`usd`).
    pub fn id(self) -> &'static str {
        match self {
            Canonical::Usd => "usd",
            Canonical::Cny => "cny",
            Canonical::Tonnes => "tonnes",
            Canonical::Teu => "teu",
            Canonical::PersonTrips => "person_trips",
            Canonical::Persons => "persons",
            Canonical::Percent => "percent",
            Canonical::Times => "times",
            Canonical::SquareKilometres => "square_kilometres",
            Canonical::Kilometres => "kilometres",
        }
    }
}

impl MetricKind {
    /// Its id as the bundle writes it (`target`).
    pub fn id(self) -> &'static str {
        match self {
            MetricKind::Target => "target",
            MetricKind::Baseline => "baseline",
            MetricKind::Other => "other",
        }
    }
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
    /// Doubling twice (quadrupling).
    #[serde(rename = "翻两番")]
    DoublesTwice,
    /// Not fewer than.
    #[serde(rename = "不少于")]
    NotFewer,
    /// Not more than.
    #[serde(rename = "不超过")]
    NotAbove,
    /// Below.
    #[serde(rename = "以下")]
    AtMost,
    /// Over (`余`).
    #[serde(rename = "余")]
    Odd,
    /// Reaching (`达`).
    #[serde(rename = "达")]
    Amounts,
    /// Increasing to (`增至`).
    #[serde(rename = "增至")]
    RisesTo,
    /// Raising to.
    #[serde(rename = "提高到")]
    RaisesTo,
    /// Introducing, attracting.
    #[serde(rename = "引进")]
    Attracts,
    /// Setting up.
    #[serde(rename = "设立")]
    SetsUp,
    /// Running (trains, routes).
    #[serde(rename = "开行")]
    Runs,
    /// Holding (events).
    #[serde(rename = "举办")]
    Holds,
    /// Enrolling.
    #[serde(rename = "招收")]
    Enrols,
    /// Achieving.
    #[serde(rename = "实现")]
    Achieves,
    /// Cumulatively.
    #[serde(rename = "累计")]
    Cumulative,
    /// At least.
    #[serde(rename = "至少")]
    AtLeastSo,
    /// Newly building.
    #[serde(rename = "新建")]
    NewlyBuilds,
    /// Selecting.
    #[serde(rename = "遴选")]
    Selects,
    /// Sending (staff, teachers).
    #[serde(rename = "选派")]
    Sends,
    /// Adding (routes, services).
    #[serde(rename = "增开")]
    AddsRoutes,
    /// Establishing.
    #[serde(rename = "建立")]
    Establishes,
}

impl Comparator {
    /// Every comparator, limiting words first (they win over verbs).
    pub const ALL: [Comparator; 39] = [
        Comparator::AtLeast,
        Comparator::Exceeds,
        Comparator::BreaksThrough,
        Comparator::Reaches,
        Comparator::NotBelow,
        Comparator::NotFewer,
        Comparator::NotAbove,
        Comparator::AtMost,
        Comparator::About,
        Comparator::Over,
        Comparator::Odd,
        Comparator::Within,
        Comparator::Amounts,
        Comparator::IncreasesTo,
        Comparator::RisesTo,
        Comparator::RaisesTo,
        Comparator::DoublesOnce,
        Comparator::DoublesTwice,
        Comparator::Doubles,
        Comparator::Adds,
        Comparator::Builds,
        Comparator::Opens,
        Comparator::Forms,
        Comparator::Cultivates,
        Comparator::Creates,
        Comparator::Organises,
        Comparator::Attracts,
        Comparator::SetsUp,
        Comparator::Runs,
        Comparator::Holds,
        Comparator::Enrols,
        Comparator::Achieves,
        Comparator::Cumulative,
        Comparator::AtLeastSo,
        Comparator::NewlyBuilds,
        Comparator::Selects,
        Comparator::Sends,
        Comparator::AddsRoutes,
        Comparator::Establishes,
    ];

    /// The word as the plans write it.
    pub fn word(self) -> &'static str {
        match self {
            Comparator::AtLeast => "以上",
            Comparator::Exceeds => "超过",
            Comparator::BreaksThrough => "突破",
            Comparator::Reaches => "达到",
            Comparator::NotBelow => "不低于",
            Comparator::About => "左右",
            Comparator::Over => "多",
            Comparator::Within => "以内",
            Comparator::IncreasesTo => "增加到",
            Comparator::Adds => "新增",
            Comparator::Builds => "建成",
            Comparator::Opens => "开通",
            Comparator::Forms => "形成",
            Comparator::Cultivates => "培育",
            Comparator::Creates => "打造",
            Comparator::Organises => "组织",
            Comparator::DoublesOnce => "翻一番",
            Comparator::Doubles => "翻番",
            Comparator::DoublesTwice => "翻两番",
            Comparator::NotFewer => "不少于",
            Comparator::NotAbove => "不超过",
            Comparator::AtMost => "以下",
            Comparator::Odd => "余",
            Comparator::Amounts => "达",
            Comparator::RisesTo => "增至",
            Comparator::RaisesTo => "提高到",
            Comparator::Attracts => "引进",
            Comparator::SetsUp => "设立",
            Comparator::Runs => "开行",
            Comparator::Holds => "举办",
            Comparator::Enrols => "招收",
            Comparator::Achieves => "实现",
            Comparator::Cumulative => "累计",
            Comparator::AtLeastSo => "至少",
            Comparator::NewlyBuilds => "新建",
            Comparator::Selects => "遴选",
            Comparator::Sends => "选派",
            Comparator::AddsRoutes => "增开",
            Comparator::Establishes => "建立",
        }
    }

    /// Whether it limits the number (`以上`, `突破`) rather than naming the action.
    pub fn is_limiting(self) -> bool {
        matches!(
            self,
            Comparator::AtLeast
                | Comparator::Exceeds
                | Comparator::BreaksThrough
                | Comparator::Reaches
                | Comparator::NotBelow
                | Comparator::NotFewer
                | Comparator::NotAbove
                | Comparator::AtMost
                | Comparator::About
                | Comparator::Over
                | Comparator::Odd
                | Comparator::Within
                | Comparator::Amounts
                | Comparator::IncreasesTo
                | Comparator::RisesTo
                | Comparator::RaisesTo
                | Comparator::AtLeastSo
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_serialised_names() {
        let all = [
            Canonical::Usd,
            Canonical::Cny,
            Canonical::Tonnes,
            Canonical::Teu,
            Canonical::PersonTrips,
            Canonical::Persons,
            Canonical::Percent,
            Canonical::Times,
            Canonical::SquareKilometres,
            Canonical::Kilometres,
        ];
        for c in all {
            assert_eq!(serde_json::to_value(c).unwrap(), c.id());
        }
        for k in [MetricKind::Target, MetricKind::Baseline, MetricKind::Other] {
            assert_eq!(serde_json::to_value(k).unwrap(), k.id());
        }
    }

    #[test]
    fn a_metric_without_the_additions_still_reads() {
        let m: Metric = serde_json::from_str(
            r#"{"id": "m1", "paragraph": "p1", "quote": "300亿美元", "indicator": "进出口总额",
                "value": 300, "value_max": null, "unit": "亿美元", "year": 2020,
                "comparator": "突破", "kind": "target", "theme": "trade"}"#,
        )
        .unwrap();
        assert_eq!((m.scope, m.indicator_id), (None, None));
    }
}
