//! How a reader has sorted a target table: a column and a direction, toggled by clicks
//! on the column headers; and the sort itself, which orders values of one measure only
//! ([`sort_within_measures`]).

use crate::compare::targets::{Measure, TargetRef, TargetRow};

/// A sortable column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Column {
    /// Pairs first, most similar first (the table's own order).
    #[default]
    Match,
    /// The left value (normalised where possible).
    Left,
    /// The right value.
    Right,
}

/// The table's sort.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    /// By what.
    pub column: Column,
    /// Descending.
    pub descending: bool,
}

impl Sort {
    /// The sort after a click on `column`'s header: a second click reverses it.
    pub fn toggled(self, column: Column) -> Sort {
        Sort {
            column,
            descending: if self.column == column {
                !self.descending
            } else {
                true
            },
        }
    }

    /// The column with this `data-value`.
    pub fn column(value: &str) -> Option<Column> {
        match value {
            "match" => Some(Column::Match),
            "left" => Some(Column::Left),
            "right" => Some(Column::Right),
            _ => None,
        }
    }
}

/// Sorts `rows` by value without ever ordering values of different measures (units and
/// scopes) against each other: each measure's rows are sorted among themselves and put
/// back into the places that measure's rows held, so `翻番`, `5条`, `30个` and `60万吨` each
/// keep their place among the others while rows of one unit come in order. Rows without a
/// value (an empty side) go to the end, in their order. Stable.
///
/// `value` gives a row's measure and its value in that measure's unit
/// ([`TargetRef::measure`], [`TargetRef::measured_value`]).
///
/// ```
/// use policy_compare::view::target_sort::sort_within_measures;
/// // (unit, value): the two `个` rows swap; `倍` keeps its place between them.
/// let mut rows = [("个", 5.0), ("倍", 2.0), ("个", 30.0)];
/// sort_within_measures(&mut rows, |r| Some((r.0, r.1)), true);
/// assert_eq!(rows, [("个", 30.0), ("倍", 2.0), ("个", 5.0)]);
/// ```
pub fn sort_within_measures<T: Copy, M: PartialEq>(
    rows: &mut [T],
    value: impl Fn(&T) -> Option<(M, f64)>,
    descending: bool,
) {
    // Valued rows first, in their order; rows without a value after them.
    let (valued, empty): (Vec<T>, Vec<T>) = rows.iter().partition(|r| value(r).is_some());
    let mut measures: Vec<M> = Vec::new();
    let mut group_of: Vec<usize> = Vec::with_capacity(valued.len());
    for r in &valued {
        let Some((m, _)) = value(r) else { continue };
        let g = match measures.iter().position(|x| *x == m) {
            Some(g) => g,
            None => {
                measures.push(m);
                measures.len() - 1
            }
        };
        group_of.push(g);
    }
    let mut out = valued.clone();
    for g in 0..measures.len() {
        let places: Vec<usize> = (0..valued.len()).filter(|&i| group_of[i] == g).collect();
        let mut members: Vec<T> = places.iter().map(|&i| valued[i]).collect();
        crate::sort::sort_by(&mut members, |a, b| {
            let (x, y) = (value(a).map_or(0.0, |v| v.1), value(b).map_or(0.0, |v| v.1));
            if descending {
                y.total_cmp(&x)
            } else {
                x.total_cmp(&y)
            }
        });
        for (&place, member) in places.iter().zip(members) {
            out[place] = member;
        }
    }
    for (slot, r) in rows.iter_mut().zip(out.into_iter().chain(empty)) {
        *slot = r;
    }
}

/// The rows of a target table in the reader's sort: by either side's value, within each
/// measure ([`sort_within_measures`]), or the table's own order (most alike first).
pub fn sorted_rows(rows: &[TargetRow], sort: Sort) -> Vec<&TargetRow> {
    let mut rows: Vec<&TargetRow> = rows.iter().collect();
    match sort.column {
        // The table's own order, or its reverse.
        Column::Match if sort.descending => {}
        Column::Match => {
            sort_within_measures(&mut rows, |r| Some(((), r.similarity)), false);
        }
        Column::Left => sort_within_measures(
            &mut rows,
            |r| r.left.as_ref().map(target_value),
            sort.descending,
        ),
        Column::Right => sort_within_measures(
            &mut rows,
            |r| r.right.as_ref().map(target_value),
            sort.descending,
        ),
    }
    rows
}

/// A target's measure and value for [`sort_within_measures`].
pub fn target_value(t: &TargetRef) -> (Measure, f64) {
    (t.measure(), t.measured_value())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_keep_their_places() {
        // The issue's example: 翻番 < 5条 < 30个 < 60万吨 was one order across four units.
        let mut rows = [
            ("倍", 2.0),
            ("条", 5.0),
            ("个", 30.0),
            ("吨", 60.0),
            ("个", 3.0),
        ];
        sort_within_measures(&mut rows, |r| Some((r.0, r.1)), false);
        assert_eq!(
            rows,
            [
                ("倍", 2.0),
                ("条", 5.0),
                ("个", 3.0),
                ("吨", 60.0),
                ("个", 30.0)
            ]
        );
    }

    #[test]
    fn rows_without_a_value_go_last() {
        let mut rows = [
            (None, 1),
            (Some(("个", 3.0)), 2),
            (None, 3),
            (Some(("个", 9.0)), 4),
        ];
        sort_within_measures(&mut rows, |r| r.0, true);
        assert_eq!(rows.map(|r| r.1), [4, 2, 1, 3]);
    }
}
