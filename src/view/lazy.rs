//! A comparison whose pairs are diffed when they are first drawn.
//!
//! Why: aligning two regions is cheap, diffing their pairs is not (a third of a full
//! comparison's time natively, more in the browser before the wasm is optimised), and the
//! first screen shows a handful of rows. The widget draws the first rows at once and the
//! rest a moment later; each pair is diffed once, when its row is drawn, and kept.

use std::cell::RefCell;
use std::rc::Rc;

use crate::compare::{Alignment, Diff, Row};

/// An [`Alignment`] and the diffs of the pairs drawn so far.
#[derive(Debug)]
pub struct LazyComparison {
    /// Which passages pair up, in reading order.
    pub alignment: Alignment,
    diffs: RefCell<Vec<Option<Rc<Diff>>>>,
}

impl LazyComparison {
    /// Wraps an alignment; nothing is diffed yet.
    pub fn new(alignment: Alignment) -> LazyComparison {
        let n = alignment.rows.len();
        LazyComparison {
            alignment,
            diffs: RefCell::new(vec![None; n]),
        }
    }

    /// The diff of row `i` if it is a pair, computed on first use.
    pub fn diff(&self, i: usize) -> Option<Rc<Diff>> {
        let Some(Row::Pair { left, right, .. }) = self.alignment.rows.get(i) else {
            return None;
        };
        let mut diffs = self.diffs.borrow_mut();
        let slot = diffs.get_mut(i)?;
        Some(
            slot.get_or_insert_with(|| {
                Rc::new(crate::compare::diff::diff(&left.text, &right.text))
            })
            .clone(),
        )
    }

    /// How many pairs have been diffed.
    #[cfg(test)]
    fn diffed(&self) -> usize {
        self.diffs.borrow().iter().filter(|d| d.is_some()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Bundle, Comparer};

    #[test]
    fn diffs_are_made_on_demand_once_and_match_the_full_comparison() {
        let json = std::fs::read_to_string("www/bundle.json").expect("bundle");
        let bundle = Bundle::from_json(&json).expect("valid");
        let comparer = Comparer::new(&bundle);
        let full = comparer.compare("shaanxi", "xian", "finance").expect("ids");
        let lazy = LazyComparison::new(comparer.align("shaanxi", "xian", "finance").expect("ids"));
        assert_eq!(lazy.diffed(), 0);
        let pair = full
            .rows
            .iter()
            .position(|r| matches!(r, Row::Pair { .. }))
            .expect("a pair");
        let Row::Pair { diff, .. } = &full.rows[pair] else {
            unreachable!()
        };
        assert_eq!(lazy.diff(pair).as_deref(), Some(diff));
        assert_eq!(lazy.diff(pair).as_deref(), Some(diff));
        assert_eq!(lazy.diffed(), 1);
        assert_eq!(lazy.diff(full.rows.len()), None);
        for (i, row) in full.rows.iter().enumerate() {
            if !matches!(row, Row::Pair { .. }) {
                assert_eq!(lazy.diff(i), None);
            }
        }
    }
}
