//! Two regions' targets side by side: targets about the same indicator share a row.
//!
//! Indicators are matched by meaning as far as text allows: character-bigram overlap
//! (Dice) of the indicators, and only between compatible units — the same canonical unit
//! (`亿美元` and `万美元` are both US dollars), or the same written unit for counts (`个`
//! with `个`). Pairs are taken greedily from the most similar down, each target used once;
//! the rest are listed on their own side. Rows are grouped by theme.

use serde::Serialize;

use super::tokens::pair;
use crate::bundle::{Comparator, Metric, MetricKind, Normalized, Theme};
use crate::metrics::units;

/// Targets whose indicators are less similar than this are not put in one row.
pub const THRESHOLD: f64 = 0.3;

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
}

impl TargetRef {
    /// The amount as the plans phrase it, around `value` (the number, formatted by the
    /// caller): `突破300亿美元`, `100家以上`, `1–3个`, `翻一番`.
    pub fn phrase(&self, value: &str) -> String {
        let unit = &self.unit;
        match self.comparator.map(|c| c.word()) {
            Some(w @ ("翻一番" | "翻番" | "翻两番")) => w.to_owned(),
            Some(w @ ("以上" | "以下" | "左右" | "以内")) => format!("{value}{unit}{w}"),
            Some(w @ ("多" | "余")) => format!("{value}{w}{unit}"),
            Some(w) => format!("{w}{value}{unit}"),
            None => format!("{value}{unit}"),
        }
    }

    /// A target of a document.
    pub fn new(document: &str, m: &Metric) -> TargetRef {
        TargetRef {
            document: document.to_owned(),
            paragraph: m.paragraph.clone(),
            metric: m.id.clone(),
            quote: m.quote.clone(),
            indicator: m.indicator.clone(),
            value: m.value,
            value_max: m.value_max,
            unit: m.unit.clone(),
            year: m.year,
            comparator: m.comparator,
            kind: m.kind,
            theme: m.theme,
            normalized: m.normalized.clone(),
        }
    }
}

/// A row of the table: a target on either side or both.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetRow {
    /// The left region's target.
    pub left: Option<TargetRef>,
    /// The right region's target.
    pub right: Option<TargetRef>,
    /// Similarity of the two indicators (0 when one side is empty).
    pub similarity: f64,
}

/// The rows of one theme.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetGroup {
    /// The theme (`None` for targets without one).
    pub theme: Option<Theme>,
    /// Paired rows first (most similar first), then each side's own.
    pub rows: Vec<TargetRow>,
}

/// Whether two units can stand in one row.
fn compatible(a: &str, b: &str) -> bool {
    match (units::canonical(a), units::canonical(b)) {
        (Some((x, _)), Some((y, _))) => x == y,
        (None, None) => strip_magnitude(a) == strip_magnitude(b),
        _ => false,
    }
}

fn strip_magnitude(unit: &str) -> &str {
    unit.trim_start_matches(['万', '亿', '千', '百'])
}

/// Dice similarity of character bigrams (single characters for one-character texts).
pub fn similarity(a: &str, b: &str) -> f64 {
    // Sorted, deduplicated bigrams; sets by sorting keep the widget's wasm small.
    let grams = |s: &str| -> Vec<u64> {
        let chars: Vec<u32> = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .map(u32::from)
            .collect();
        crate::sort::set_of(match chars.as_slice() {
            [one] => vec![pair(*one, u32::from(' '))],
            _ => chars.windows(2).map(|w| pair(w[0], w[1])).collect(),
        })
    };
    let (a, b) = (grams(a), grams(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|g| b.binary_search(g).is_ok()).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Lines up two sides' targets: `left` and `right` in reading order.
pub fn side_by_side(left: &[TargetRef], right: &[TargetRef]) -> Vec<TargetGroup> {
    let mut candidates: Vec<(usize, usize, f64)> = Vec::new();
    for (i, a) in left.iter().enumerate() {
        for (j, b) in right.iter().enumerate() {
            if !compatible(&a.unit, &b.unit) {
                continue;
            }
            let s = similarity(&a.indicator, &b.indicator);
            if s >= THRESHOLD {
                candidates.push((i, j, s));
            }
        }
    }
    crate::sort::sort_by(&mut candidates, |x, y| {
        y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    let (mut used_l, mut used_r) = (vec![false; left.len()], vec![false; right.len()]);
    let mut rows: Vec<TargetRow> = Vec::new();
    for (i, j, s) in candidates {
        if used_l[i] || used_r[j] {
            continue;
        }
        used_l[i] = true;
        used_r[j] = true;
        rows.push(TargetRow {
            left: Some(left[i].clone()),
            right: Some(right[j].clone()),
            similarity: s,
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

    fn target(indicator: &str, value: f64, unit: &str) -> TargetRef {
        TargetRef {
            document: "d".into(),
            paragraph: "p".into(),
            metric: "m".into(),
            quote: format!("{indicator}{value}{unit}"),
            indicator: indicator.into(),
            value,
            value_max: None,
            unit: unit.into(),
            year: Some(2020),
            comparator: None,
            kind: MetricKind::Target,
            theme: Some(Theme::Trade),
            normalized: None,
        }
    }

    #[test]
    fn same_indicators_with_compatible_units_share_a_row() {
        let left = [
            target("对沿线国家进出口总额", 300.0, "亿美元"),
            target("留学生", 2800.0, "人"),
        ];
        let right = [
            target("进出口总额", 500.0, "亿美元"),
            target("进出口企业", 1500.0, "家"),
        ];
        let groups = side_by_side(&left, &right);
        let rows = &groups[0].rows;
        assert_eq!(rows[0].left.as_ref().unwrap().value, 300.0);
        assert_eq!(rows[0].right.as_ref().unwrap().value, 500.0);
        assert_eq!(rows.len(), 3, "{rows:#?}");
    }

    #[test]
    fn incompatible_units_never_share_a_row() {
        let left = [target("进出口总额", 300.0, "亿美元")];
        let right = [target("进出口总额", 20.0, "%")];
        let groups = side_by_side(&left, &right);
        assert!(
            groups[0]
                .rows
                .iter()
                .all(|r| r.left.is_none() || r.right.is_none())
        );
        assert!(compatible("亿美元", "万美元"));
        assert!(compatible("万个", "个"));
        assert!(!compatible("个", "家"));
    }
}
