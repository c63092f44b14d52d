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
    // Measures become small numbers, so the sort itself is one function for every row
    // type (each instance of a sort costs the widget's download about a kilobyte).
    let mut measures: Vec<M> = Vec::new();
    let keys: Vec<Option<(usize, f64)>> = rows
        .iter()
        .map(|r| {
            let (m, v) = value(r)?;
            let g = measures.iter().position(|x| *x == m).unwrap_or_else(|| {
                measures.push(m);
                measures.len() - 1
            });
            Some((g, v))
        })
        .collect();
    let order = order_within_groups(&keys, descending);
    let sorted: Vec<T> = order.iter().map(|&i| rows[i]).collect();
    rows.copy_from_slice(&sorted);
}

/// The order of [`sort_within_measures`] for rows keyed (group, value): each group's rows
/// sorted among themselves in the places the group held, keyless rows last.
fn order_within_groups(keys: &[Option<(usize, f64)>], descending: bool) -> Vec<usize> {
    let valued: Vec<usize> = (0..keys.len()).filter(|&i| keys[i].is_some()).collect();
    let value = |i: usize| keys[i].map_or((0, 0.0), |k| k);
    // Sorted by group, then value: each group's members in order, then dealt back into
    // the group's places.
    let mut by_group = valued.clone();
    crate::sort::sort_by(&mut by_group, |&a, &b| {
        let ((ga, va), (gb, vb)) = (value(a), value(b));
        ga.cmp(&gb).then(if descending {
            vb.total_cmp(&va)
        } else {
            va.total_cmp(&vb)
        })
    });
    let mut out = valued.clone();
    let mut next = 0;
    let groups = valued
        .iter()
        .map(|&i| value(i).0)
        .max()
        .map_or(0, |g| g + 1);
    for g in 0..groups {
        for place in valued.iter().enumerate().filter(|(_, i)| value(**i).0 == g) {
            out[place.0] = by_group[next];
            next += 1;
        }
    }
    out.extend((0..keys.len()).filter(|&i| keys[i].is_none()));
    out
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
