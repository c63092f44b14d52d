//! What "show in context" adds beside a passage: the paragraphs before and after it in its
//! document, except one its column already shows right there — the passage drawn just
//! above or below it, in its block or the next row — which a reader would otherwise read
//! twice (Hebei's guiding principles opened under its introduction, then again as the next
//! row). Such a neighbour is named, not repeated. A neighbour folded away, filtered out by
//! a theme or shown elsewhere in the other plan's order is shown.

use crate::compare::Block;

/// Whether the column of the left side (`left`) or the right one draws passage `below`
/// right under passage `above` (positions in the comparison) where it draws passage `x`,
/// one of them, in block `at` (a passage paired far apart stands in several blocks).
/// `blocks` are the blocks, each with how many of its passages on that side are drawn:
/// its first ones, the rest behind a line that is not a passage (a block's "N more"
/// button, a folded run).
pub fn just_above<'a>(
    blocks: impl IntoIterator<Item = (&'a Block, usize)>,
    left: bool,
    (above, below): (usize, usize),
    (x, at): (usize, usize),
) -> bool {
    // What the column drew last: a passage and its block, or `None` for a line that is
    // not one.
    let mut last = None;
    for (k, (block, drawn)) in blocks.into_iter().enumerate() {
        let ids = match (block, left) {
            (Block::Both { left: ids, .. }, true)
            | (Block::Both { right: ids, .. }, false)
            | (Block::LeftOnly { passages: ids }, true)
            | (Block::RightOnly { passages: ids }, false) => ids,
            _ => continue,
        };
        for (n, &i) in ids.iter().enumerate() {
            let now = (n < drawn).then_some((i, k));
            if let (Some((a, ka)), Some((b, kb))) = (last, now)
                && (a, b) == (above, below)
                && (if x == above { ka } else { kb }) == at
            {
                return true;
            }
            last = now;
            if now.is_none() {
                break;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(left: &[usize], right: &[usize]) -> Block {
        Block::Both {
            left: left.to_vec(),
            right: right.to_vec(),
            pairs: Vec::new(),
        }
    }

    #[test]
    fn a_neighbour_drawn_next_to_a_passage_in_its_column_is_just_above_or_below_it() {
        // Left 0..6, right 6..9: a block, a folded left run, a block, a right run.
        let blocks = [
            both(&[0, 1], &[7]),
            Block::LeftOnly { passages: vec![2] },
            both(&[3, 4], &[6, 7]),
            Block::RightOnly { passages: vec![8] },
        ];
        let drawn = [2, 0, 2, 1];
        // Whether `pair` is drawn one above the other where its first passage is drawn
        // in block `at`, and where its second is.
        let column = |left, pair: (usize, usize), at: (usize, usize)| {
            let here = |x, at| just_above(blocks.iter().zip(drawn), left, pair, (x, at));
            (here(pair.0, at.0), here(pair.1, at.1))
        };
        // In one block, whichever passage asks.
        assert_eq!(column(true, (0, 1), (0, 0)), (true, true));
        assert_eq!(column(true, (3, 4), (2, 2)), (true, true));
        assert_eq!(column(true, (1, 0), (0, 0)), (false, false));
        // Passage 2 is folded away: 1 and 3 have a line between them, and 2 is not drawn.
        assert_eq!(column(true, (1, 2), (0, 1)), (false, false));
        assert_eq!(column(true, (2, 3), (1, 2)), (false, false));
        // The right column: 7, then the next row's 6 and 7, then the run's 8 — in the
        // order drawn (7 above 6 across the rows), not the document's.
        assert_eq!(column(false, (6, 7), (2, 2)), (true, true));
        assert_eq!(column(false, (7, 6), (0, 2)), (true, true));
        assert_eq!(column(false, (7, 8), (2, 3)), (true, true));
        // Passage 7 stands in two blocks: 8 is right under it in the second only.
        assert_eq!(column(false, (7, 8), (0, 3)), (false, true));
        // The other side's runs are not in a column.
        assert_eq!(column(true, (1, 8), (0, 3)), (false, false));
    }

    #[test]
    fn a_block_folded_to_its_first_passages_ends_in_a_line_that_is_not_one() {
        let blocks = [both(&[0, 1, 2], &[3]), both(&[4], &[3])];
        let left = |drawn: [usize; 2], pair, x| just_above(blocks.iter().zip(drawn), true, pair, x);
        assert!(!left([1, 1], (0, 1), (0, 0)));
        assert!(!left([1, 1], (0, 4), (4, 1)));
        // Opened, the block draws them all.
        assert!(left([3, 1], (0, 1), (1, 0)));
        assert!(left([3, 1], (2, 4), (2, 0)));
        assert!(left([3, 1], (2, 4), (4, 1)));
    }
}
