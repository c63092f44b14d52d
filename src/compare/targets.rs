//! Two regions' targets side by side: targets that measure the same thing share a row.
//!
//! "The same thing" is decided by the canonical indicator (`indicator_id`, from the
//! taxonomy `src/metrics/indicators.tsv`), never by how alike the wording is: a total
//! (`境外投资和对外承包工程总额`) and a component (`对外投资`) share most of their characters
//! and must not share a row. Two targets share a row only when their canonical indicator,
//! their unit ([`UnitKey`]: `亿美元` with `万美元`, `个` with `个`) and their scope (per
//! unit, part of a total) all agree. Of several such pairs, those closest in year are
//! taken first, so a region's 2018 and 2020 targets face the other's 2018 and 2020 ones,
//! not each other's crossed. The rest are listed on their own side. Rows are grouped by
//! theme.

use serde::Serialize;

use super::result::Side;
use crate::bundle::{Comparator, Metric, MetricKind, Normalized, Scope, Theme};
use crate::metrics::csv::Record;
use crate::metrics::units::UnitKey;

/// A target with where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetRef {
    /// Document id.
    pub document: String,
    /// Paragraph id.
    pub paragraph: String,
    /// Metric id within the document.
    pub metric: String,
    /// The exact quote.
    pub quote: String,
    /// What is counted.
    pub indicator: String,
    /// The canonical indicator (an id of the taxonomy), if it has one.
    pub indicator_id: Option<String>,
    /// The value (the lower end of a range).
    pub value: f64,
    /// The upper end of a range.
    pub value_max: Option<f64>,
    /// The unit as written.
    pub unit: String,
    /// The year it is for.
    pub year: Option<i32>,
    /// The qualifying word.
    pub comparator: Option<Comparator>,
    /// Target or baseline.
    pub kind: MetricKind,
    /// Its theme.
    pub theme: Option<Theme>,
    /// The value in a canonical unit, for sorting.
    pub normalized: Option<Normalized>,
    /// What limits it beyond its indicator (per unit, part of a total).
    pub scope: Option<Scope>,
}

impl TargetRef {
    /// The amount as the plans phrase it, around `value` (the number, formatted by the
    /// caller): `突破300亿美元`, `100家以上`, `1–3个`, `翻一番`, with its scope: `每市5–10所`.
    pub fn phrase(&self, value: &str) -> String {
        let unit = &self.unit;
        let amount = match self.comparator.map(|c| c.word()) {
            Some(w @ ("翻一番" | "翻番" | "翻两番")) => w.to_owned(),
            Some(w @ ("以上" | "以下" | "左右" | "以内")) => format!("{value}{unit}{w}"),
            Some(w @ ("多" | "余")) => format!("{value}{w}{unit}"),
            Some(w) => format!("{w}{value}{unit}"),
            None => format!("{value}{unit}"),
        };
        match self.per() {
            Some(per) if per.chars().count() == 1 => format!("每{per}{amount}"),
            Some(per) => format!("{amount}（每{per}）"),
            None => amount,
        }
    }

    /// The unit it is per, if any (`年`, `市`).
    pub fn per(&self) -> Option<&str> {
        self.scope.as_ref().and_then(|s| s.per.as_deref())
    }

    /// The total it is part of, if any.
    pub fn part_of(&self) -> Option<&str> {
        self.scope.as_ref().and_then(|s| s.part_of.as_deref())
    }

    /// A metric of a document.
    pub fn new(document: &str, m: &Metric) -> TargetRef {
        TargetRef {
            document: document.to_owned(),
            paragraph: m.paragraph.clone(),
            metric: m.id.clone(),
            quote: m.quote.clone(),
            indicator: m.indicator.clone(),
            indicator_id: m.indicator_id.clone(),
            value: m.value,
            value_max: m.value_max,
            unit: m.unit.clone(),
            year: m.year,
            comparator: m.comparator,
            kind: m.kind,
            theme: m.theme,
            normalized: m.normalized.clone(),
            scope: m.scope.clone(),
        }
    }

    /// What must agree for two statements to stand in one row, or be sorted against each
    /// other: canonical indicator (when `with_indicator`), unit, scope.
    pub fn measure(&self) -> Measure {
        Measure {
            unit: UnitKey::of(&self.unit),
            per: self.per().map(str::to_owned),
            part_of: self.part_of().map(str::to_owned),
        }
    }

    /// The value in its [`Measure`]'s unit (`300亿美元` → 3×10¹⁰).
    pub fn measured_value(&self) -> f64 {
        crate::metrics::units::in_key_unit(self.value, &self.unit)
    }
}

impl TargetRef {
    /// This target as a CSV line of `side` (`left`, `right`) of row `row`, with its
    /// document's title and date from `region`'s side of the table.
    pub fn record<'a>(
        &'a self,
        row: usize,
        side: &'a str,
        region: &'a Side,
        region_name: &'a str,
    ) -> Record<'a> {
        let doc = region.documents.iter().find(|d| d.id == self.document);
        self.record_of(
            row,
            side,
            (&region.region, region_name),
            doc.map_or(("", ""), |d| (d.title.as_str(), d.published.as_str())),
        )
    }

    /// This statement as a CSV line: `region` is its id and name as shown, `document` its
    /// document's title and date.
    pub fn record_of<'a>(
        &'a self,
        row: usize,
        side: &'a str,
        (region, region_name): (&'a str, &'a str),
        (document_title, published): (&'a str, &'a str),
    ) -> Record<'a> {
        Record {
            row,
            side,
            region,
            region_name,
            document: &self.document,
            document_title,
            published,
            paragraph: &self.paragraph,
            metric: &self.metric,
            indicator: &self.indicator,
            indicator_id: self.indicator_id.as_deref(),
            per: self.per(),
            part_of: self.part_of(),
            value: self.value,
            value_max: self.value_max,
            unit: &self.unit,
            normalized: self.normalized.as_ref(),
            year: self.year,
            comparator: self.comparator,
            kind: self.kind,
            theme: self.theme,
            quote: &self.quote,
        }
    }
}

/// Rows of a side-by-side table as CSV in the one shape ([`crate::metrics::csv`]): each
/// side of row *n* (from 1) is a line of its own with `row` = *n*; an empty side has no
/// line. `names` are the two regions' names as the caller shows them.
pub fn rows_to_csv<'a>(
    left: &Side,
    right: &Side,
    names: (&str, &str),
    rows: impl IntoIterator<Item = &'a TargetRow>,
) -> String {
    let mut records = Vec::new();
    for (i, row) in rows.into_iter().enumerate() {
        if let Some(t) = &row.left {
            records.push(t.record(i + 1, "left", left, names.0));
        }
        if let Some(t) = &row.right {
            records.push(t.record(i + 1, "right", right, names.1));
        }
    }
    crate::metrics::csv::records_to_csv(&records)
}

/// The unit and scope of a value: values with different measures are never compared or
/// sorted against each other (`翻番` against `5条`, `每市5所` against `3所`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Measure {
    /// The unit.
    pub unit: UnitKey,
    /// The unit it is per.
    pub per: Option<String>,
    /// The total it is part of.
    pub part_of: Option<String>,
}

/// A row of the table: a target on either side or both.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetRow {
    /// The left region's target.
    pub left: Option<TargetRef>,
    /// The right region's target.
    pub right: Option<TargetRef>,
    /// 1 for a pair (the same canonical indicator, unit and scope), 0 when one side is
    /// empty. (Kept for the table's own order; wording is never compared.)
    pub similarity: f64,
}

/// The rows of one theme.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetGroup {
    /// The theme (`None` for targets without one).
    pub theme: Option<Theme>,
    /// Paired rows first (closest in year first), then each side's own.
    pub rows: Vec<TargetRow>,
}

/// Whether two targets can stand in one row: the same canonical indicator, unit and scope.
pub fn comparable(a: &TargetRef, b: &TargetRef) -> bool {
    a.indicator_id.is_some() && a.indicator_id == b.indicator_id && a.measure() == b.measure()
}

/// How far apart two targets' years are, for pairing: equal years first, a missing year
/// last.
fn year_gap(a: Option<i32>, b: Option<i32>) -> i64 {
    match (a, b) {
        (Some(x), Some(y)) => i64::from(x.abs_diff(y)),
        (None, None) => 1_000,
        _ => 10_000,
    }
}

/// Lines up two sides' targets: `left` and `right` in reading order.
pub fn side_by_side(left: &[TargetRef], right: &[TargetRef]) -> Vec<TargetGroup> {
    let mut candidates: Vec<(usize, usize, i64)> = Vec::new();
    for (i, a) in left.iter().enumerate() {
        for (j, b) in right.iter().enumerate() {
            if comparable(a, b) {
                candidates.push((i, j, year_gap(a.year, b.year)));
            }
        }
    }
    crate::sort::sort_by(&mut candidates, |x, y| {
        x.2.cmp(&y.2).then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    let (mut used_l, mut used_r) = (vec![false; left.len()], vec![false; right.len()]);
    let mut rows: Vec<TargetRow> = Vec::new();
    for (i, j, _) in candidates {
        if used_l[i] || used_r[j] {
            continue;
        }
        used_l[i] = true;
        used_r[j] = true;
        rows.push(TargetRow {
            left: Some(left[i].clone()),
            right: Some(right[j].clone()),
            similarity: 1.0,
        });
    }
    rows.extend(
        left.iter()
            .enumerate()
            .filter(|(i, _)| !used_l[*i])
            .map(|(_, t)| TargetRow {
                left: Some(t.clone()),
                right: None,
                similarity: 0.0,
            }),
    );
    rows.extend(
        right
            .iter()
            .enumerate()
            .filter(|(j, _)| !used_r[*j])
            .map(|(_, t)| TargetRow {
                left: None,
                right: Some(t.clone()),
                similarity: 0.0,
            }),
    );

    let theme_of = |r: &TargetRow| {
        r.left
            .as_ref()
            .and_then(|t| t.theme)
            .or_else(|| r.right.as_ref().and_then(|t| t.theme))
    };
    let mut groups: Vec<TargetGroup> = Theme::ALL
        .into_iter()
        .map(Some)
        .chain([None])
        .map(|theme| TargetGroup {
            theme,
            rows: rows
                .iter()
                .filter(|r| theme_of(r) == theme)
                .cloned()
                .collect(),
        })
        .collect();
    groups.retain(|g| !g.rows.is_empty());
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(id: &str, indicator: &str, value: f64, unit: &str, year: i32) -> TargetRef {
        TargetRef {
            document: "d".into(),
            paragraph: "p".into(),
            metric: format!("m{value}{year}"),
            quote: format!("{indicator}{value}{unit}"),
            indicator: indicator.into(),
            indicator_id: Some(id.into()),
            value,
            value_max: None,
            unit: unit.into(),
            year: Some(year),
            comparator: None,
            kind: MetricKind::Target,
            theme: Some(Theme::Trade),
            normalized: None,
            scope: None,
        }
    }

    fn pairs(groups: &[TargetGroup]) -> Vec<(String, String)> {
        groups
            .iter()
            .flat_map(|g| &g.rows)
            .filter_map(|r| {
                Some((
                    r.left.as_ref()?.quote.clone(),
                    r.right.as_ref()?.quote.clone(),
                ))
            })
            .collect()
    }

    #[test]
    fn the_same_canonical_indicator_in_one_unit_shares_a_row() {
        let left = [
            target("trade", "对沿线国家进出口总额", 300.0, "亿美元", 2020),
            target("students", "留学生", 2800.0, "人", 2017),
        ];
        let right = [
            target("trade", "与沿线国家贸易总额", 500.0, "万美元", 2020),
            target("firms", "进出口企业", 1500.0, "家", 2020),
        ];
        let groups = side_by_side(&left, &right);
        assert_eq!(
            pairs(&groups),
            [(
                "对沿线国家进出口总额300亿美元".into(),
                "与沿线国家贸易总额500万美元".into()
            )]
        );
        assert_eq!(groups[0].rows.len(), 3, "{groups:#?}");
    }

    #[test]
    fn totals_never_stand_against_components() {
        // Alike in wording, different canonical indicators.
        let left = [target(
            "outbound_investment",
            "对外投资",
            50.0,
            "亿美元",
            2020,
        )];
        let right = [target(
            "outbound_investment_and_contracting",
            "境外投资和对外承包工程总额",
            200.0,
            "亿美元",
            2020,
        )];
        assert!(pairs(&side_by_side(&left, &right)).is_empty());
        // A part of a total never stands against the total.
        let mut part = target("air_passengers", "国际地区客运量", 300.0, "万人次", 2020);
        part.scope = Some(Scope {
            per: None,
            part_of: Some("郑州机场客运量".into()),
        });
        let total = target("air_passengers", "郑州机场客运量", 3000.0, "万人次", 2020);
        assert!(pairs(&side_by_side(&[part], &[total])).is_empty());
    }

    #[test]
    fn different_units_or_scopes_never_share_a_row() {
        let left = [target("trade", "进出口总额", 300.0, "亿美元", 2020)];
        let right = [target("trade", "进出口总额", 2.0, "倍", 2020)];
        assert!(pairs(&side_by_side(&left, &right)).is_empty());
        let mut per_city = target("schools", "中小学", 5.0, "所", 2020);
        per_city.scope = Some(Scope {
            per: Some("市".into()),
            part_of: None,
        });
        let total = target("schools", "中小学", 50.0, "所", 2020);
        assert!(pairs(&side_by_side(&[per_city], &[total])).is_empty());
        let unknown = TargetRef {
            indicator_id: None,
            ..target("x", "进出口总额", 1.0, "个", 2020)
        };
        let one = std::slice::from_ref(&unknown);
        assert!(pairs(&side_by_side(one, one)).is_empty());
    }

    #[test]
    fn years_face_their_own_years() {
        let left = [
            target("parks", "园区", 10.0, "个", 2018),
            target("parks", "园区", 20.0, "个", 2020),
        ];
        let right = [
            target("parks", "园区", 30.0, "个", 2020),
            target("parks", "园区", 5.0, "个", 2018),
        ];
        assert_eq!(
            pairs(&side_by_side(&left, &right)),
            [
                ("园区10个".into(), "园区5个".into()),
                ("园区20个".into(), "园区30个".into())
            ]
        );
    }

    #[test]
    fn phrases_keep_their_scope() {
        let mut t = target("schools", "中小学", 5.0, "所", 2020);
        t.comparator = Some(Comparator::AtLeastSo);
        t.scope = Some(Scope {
            per: Some("市".into()),
            part_of: None,
        });
        assert_eq!(t.phrase("5–10"), "每市至少5–10所");
    }
}
