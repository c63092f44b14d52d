//! What a view of one indicator across every region needs beyond the model
//! ([`crate::compare::statements`]): what it is about, from the widget's attributes
//! ([`subject`]), and its rows sorted by a year's values, one measure at a time
//! ([`sorted`], [`sorted_by_year`]).

use super::state::StateError;
use super::target_sort::sort_within_measures;
use crate::bundle::Theme;
use crate::compare::statements::{IndicatorRow, IndicatorTable, Statements, Subject};

/// What the view is about: `indicator` (the attribute: an indicator the bundle's
/// statements use), else `theme`'s targets and baselines, else the indicator the most
/// regions state; `None` when the bundle states none. An unknown indicator is an error
/// naming the ones in use.
pub fn subject(
    indicator: Option<&str>,
    theme: Option<Theme>,
    statements: &Statements,
) -> Result<Option<Subject>, StateError> {
    let used = statements.indicators();
    Ok(match (indicator, theme) {
        (Some(id), _) if used.iter().any(|u| u.id == id) => Some(Subject::Indicator(id.into())),
        (Some(id), _) => {
            return Err(StateError {
                attribute: "indicator",
                value: id.to_owned(),
                valid: used.into_iter().map(|u| u.id).collect(),
            });
        }
        (None, Some(theme)) => Some(Subject::Theme(theme)),
        (None, None) => used.into_iter().next().map(|u| Subject::Indicator(u.id)),
    })
}

/// A year column's key, as the sort names it: `2020`, or `none` for no year.
pub fn year_key(year: Option<i32>) -> String {
    year.map_or("none".to_owned(), |y| y.to_string())
}

/// The rows sorted by the year column keyed `key` ([`year_key`]), largest first when
/// `descending` ([`sorted`]); in the table's order with no sort, or a year the table
/// lacks.
pub fn sorted_by_year<'a>(
    table: &'a IndicatorTable,
    sort: Option<(&str, bool)>,
) -> Vec<&'a IndicatorRow> {
    let column = sort.and_then(|(key, descending)| {
        let c = table.years.iter().position(|y| year_key(*y) == key)?;
        Some((c, descending))
    });
    match column {
        Some((c, descending)) => sorted(table, c, descending),
        None => table.rows.iter().collect(),
    }
}

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
        // By the year's key, as the widget keeps it.
        let regions = |rows: Vec<&IndicatorRow>| -> Vec<String> {
            rows.iter().map(|r| r.region.clone()).collect()
        };
        assert_eq!(
            regions(sorted_by_year(&table, Some(("2020", false)))),
            ["d", "b", "a", "e", "c"]
        );
        assert_eq!(
            regions(sorted_by_year(&table, Some(("2019", true)))),
            ["a", "b", "c", "d", "e"]
        );
        assert_eq!(
            regions(sorted_by_year(&table, None)),
            ["a", "b", "c", "d", "e"]
        );
        assert_eq!(
            (year_key(Some(2020)), year_key(None)),
            ("2020".into(), "none".into())
        );
    }

    #[test]
    fn the_subject_is_the_indicator_else_the_theme_else_the_one_most_regions_state() {
        let json = std::fs::read_to_string("www/bundle.json").expect("bundle");
        let bundle = crate::bundle::Bundle::from_json(&json).expect("valid");
        let statements = Statements::new(&bundle);
        let id = |s: &str| Ok(Some(Subject::Indicator(s.to_owned())));
        assert_eq!(
            subject(Some("rd_personnel_fte"), Some(Theme::Trade), &statements),
            id("rd_personnel_fte")
        );
        assert_eq!(
            subject(None, Some(Theme::Trade), &statements),
            Ok(Some(Subject::Theme(Theme::Trade)))
        );
        // International students: Hebei and Jiangxi, the only indicator two regions state.
        assert_eq!(
            subject(None, None, &statements),
            id("international_students")
        );
        let error = subject(Some("atlantis"), None, &statements).unwrap_err();
        assert!(
            error.to_string().starts_with(
                "indicator=\"atlantis\" is not valid; valid values: international_students, "
            ),
            "{error}"
        );
        // A bundle that states no numbers has nothing to show.
        let mut none = bundle.clone();
        for d in &mut none.documents {
            d.metrics.clear();
        }
        assert_eq!(subject(None, None, &Statements::new(&none)), Ok(None));
    }
}
