//! A comparison whose pairs are marked when they are first drawn.
//!
//! Why: aligning two regions is cheap, marking their pairs less so (a diff for each
//! near-copy, the shared terms of the others), and the first screen shows a handful of
//! blocks. Each pair is marked once, when its block is drawn, and kept.

use std::cell::RefCell;
use std::rc::Rc;

use crate::compare::{Alignment, Comparer, Diff};

/// An [`Alignment`] and the marks of the pairs drawn so far.
#[derive(Debug)]
pub struct LazyComparison {
    /// Which passages pair up, in blocks, in reading order.
    pub alignment: Alignment,
    marks: RefCell<Vec<Option<Rc<Diff>>>>,
}

impl LazyComparison {
    /// Wraps an alignment; nothing is marked yet.
    pub fn new(alignment: Alignment) -> LazyComparison {
        let n = alignment.pairs.len();
        LazyComparison {
            alignment,
            marks: RefCell::new(vec![None; n]),
        }
    }

    /// The marks of pair `k`, computed on first use with `comparer`'s lexicon.
    pub fn marks(&self, k: usize, comparer: &Comparer) -> Option<Rc<Diff>> {
        let (left, right) = self.alignment.pair_passages(k)?;
        let mut marks = self.marks.borrow_mut();
        let slot = marks.get_mut(k)?;
        Some(
            slot.get_or_insert_with(|| Rc::new(comparer.marks(&left.text, &right.text)))
                .clone(),
        )
    }

    /// How many pairs have been marked.
    #[cfg(test)]
    fn marked(&self) -> usize {
        self.marks.borrow().iter().filter(|d| d.is_some()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Bundle;

    #[test]
    fn marks_are_made_on_demand_once_and_match_the_full_comparison() {
        let json = std::fs::read_to_string("www/bundle.json").expect("bundle");
        let bundle = Bundle::from_json(&json).expect("valid");
        let comparer = Comparer::new(&bundle);
        let full = comparer.compare("shaanxi", "xian", "finance").expect("ids");
        let lazy = LazyComparison::new(comparer.align("shaanxi", "xian", "finance").expect("ids"));
        assert_eq!(lazy.marked(), 0);
        assert!(!full.pairs.is_empty());
        assert_eq!(
            lazy.marks(0, &comparer).as_deref(),
            Some(&full.pairs[0].marks)
        );
        assert_eq!(
            lazy.marks(0, &comparer).as_deref(),
            Some(&full.pairs[0].marks)
        );
        assert_eq!(lazy.marked(), 1);
        assert_eq!(lazy.marks(full.pairs.len(), &comparer), None);
    }
}
