//! What a view of one indicator across every region needs beyond the model
//! ([`crate::compare::statements`]): its rows sorted by a year's values, one measure at a time.

use super::target_sort::sort_within_measures;
use crate::compare::statements::{IndicatorRow, IndicatorTable};

/// The rows of `table` sorted by the values in year column `column` (an index into
/// `table.years`): largest first when `descending`. Values are ordered only against values
/// of the same measure (unit and scope), each measure's rows keeping the places they
/// held; rows with nothing in that year go last, in the table's order. A column out of
/// range leaves the table's order.
pub fn sorted(table: &IndicatorTable, column: usize, descending: bool) -> Vec<&IndicatorRow> {
    let mut rows: Vec<&IndicatorRow> = table.rows.iter().collect();
    sort_within_measures(
        &mut rows,
        |r| {
            let t = r.cells.get(column)?.first()?;
            Some((t.measure(), t.measured_value()))
        },
        descending,
    );
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::MetricKind;
    use crate::compare::statements::Subject;
    use crate::compare::targets::TargetRef;

    fn cell(value: f64, unit: &str) -> Vec<TargetRef> {
        vec![TargetRef {
            document: "d".into(),
            paragraph: "p".into(),
            metric: "m".into(),
            quote: format!("{value}{unit}"),
            indicator: "x".into(),
            indicator_id: Some("x".into()),
            value,
            value_max: None,
            unit: unit.into(),
            year: Some(2020),
            comparator: None,
            kind: MetricKind::Target,
            theme: None,
            normalized: None,
            scope: None,
        }]
    }

    fn row(region: &str, cells: Vec<Vec<TargetRef>>) -> IndicatorRow {
        IndicatorRow {
            region: region.into(),
            zh: region.into(),
            en: region.into(),
            indicator_id: Some("x".into()),
            indicator: "x".into(),
            unit: String::new(),
            per: None,
            part_of: None,
            cells,
        }
    }

    #[test]
    fn a_year_sorts_within_its_units() {
        let table = IndicatorTable {
            subject: Subject::Indicator("x".into()),
            years: vec![Some(2020)],
            rows: vec![
                row("a", vec![cell(50.0, "亿美元")]),
                row("b", vec![cell(2.0, "倍")]),
                row("c", vec![vec![]]),
                row("d", vec![cell(5000.0, "万美元")]),
                row("e", vec![cell(300.0, "亿美元")]),
            ],
            without: vec![],
        };
        let order: Vec<&str> = sorted(&table, 0, true)
            .iter()
            .map(|r| r.region.as_str())
            .collect();
        // USD rows in order in the USD places; the doubling stays; the empty row last.
        assert_eq!(order, ["e", "b", "a", "d", "c"]);
        let order: Vec<&str> = sorted(&table, 9, true)
            .iter()
            .map(|r| r.region.as_str())
            .collect();
        assert_eq!(order, ["a", "b", "c", "d", "e"]);
    }
}
