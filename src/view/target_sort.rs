//! How a reader has sorted a target table: a column and a direction, toggled by clicks
//! on the column headers.

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
