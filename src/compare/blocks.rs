//! Pairs into blocks a person reads from top to bottom.
//!
//! The view follows the left plan. Consecutive left passages that share a counterpart
//! form one block with all their counterparts (several short passages against one long
//! one); a right passage paired with passages far apart stands in each of their blocks.
//! Passages with no counterpart form runs of their own: the left ones where they are, the
//! right ones after the block that holds the nearest paired right passage before them,
//! so each side still reads in its own order.

use super::result::Block;

/// The blocks of a comparison of `left` passages (positions `0..left`) with `right`
/// passages (`left..left + right`), given `pairs` as (left position, right position) in
/// `pairs` order. Pair positions in blocks refer to `pairs`.
pub fn blocks(left: usize, right: usize, pairs: &[(usize, usize)]) -> Vec<Block> {
    let mut by_left: Vec<Vec<usize>> = vec![Vec::new(); left];
    let mut paired_right = vec![false; right];
    for (k, &(a, b)) in pairs.iter().enumerate() {
        if let Some(list) = by_left.get_mut(a) {
            list.push(k);
        }
        if let Some(p) = paired_right.get_mut(b.wrapping_sub(left)) {
            *p = true;
        }
    }
    let mut out: Vec<Block> = Vec::new();
    // Where each right passage first stands: the block it is in.
    let mut first_block: Vec<Option<usize>> = vec![None; right];
    let mut in_block: Vec<usize> = vec![0; right];
    let mut run: Vec<usize> = Vec::new();
    let mut a = 0;
    while a < left {
        if by_left[a].is_empty() {
            run.push(a);
            a += 1;
            continue;
        }
        if !run.is_empty() {
            out.push(Block::LeftOnly {
                passages: std::mem::take(&mut run),
            });
        }
        // A block: this passage, and the next ones while each shares a counterpart with
        // the block so far.
        // Which right passages the block holds: a mark per passage (the block's number),
        // so a long block costs its pairs, not its pairs times its counterparts.
        let block = out.len() + 1;
        let mut holds = |b: usize, mark: bool| -> bool {
            let Some(slot) = in_block.get_mut(b.wrapping_sub(left)) else {
                return false;
            };
            let held = *slot == block;
            if mark {
                *slot = block;
            }
            held
        };
        let mut lefts = vec![a];
        let mut ks: Vec<usize> = by_left[a].clone();
        let mut rights: Vec<usize> = Vec::new();
        for &k in &ks {
            if !holds(pairs[k].1, true) {
                rights.push(pairs[k].1);
            }
        }
        a += 1;
        while a < left
            && !by_left[a].is_empty()
            && by_left[a].iter().any(|&k| holds(pairs[k].1, false))
        {
            lefts.push(a);
            for &k in &by_left[a] {
                ks.push(k);
                if !holds(pairs[k].1, true) {
                    rights.push(pairs[k].1);
                }
            }
            a += 1;
        }
        crate::sort::sort_by(&mut rights, Ord::cmp);
        crate::sort::sort_by(&mut ks, Ord::cmp);
        for &b in &rights {
            let slot = &mut first_block[b - left];
            if slot.is_none() {
                *slot = Some(out.len());
            }
        }
        out.push(Block::Both {
            left: lefts,
            right: rights,
            pairs: ks,
        });
    }
    if !run.is_empty() {
        out.push(Block::LeftOnly { passages: run });
    }
    place_right_runs(out, left, &paired_right, &first_block)
}

/// Inserts the runs of unpaired right passages after the block of the paired right
/// passage before them (before everything when there is none).
fn place_right_runs(
    blocks: Vec<Block>,
    left: usize,
    paired: &[bool],
    first_block: &[Option<usize>],
) -> Vec<Block> {
    // Runs keyed by the block they follow (`None`: before the first block).
    let mut runs: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    let mut anchor: Option<usize> = None;
    for (b, &is_paired) in paired.iter().enumerate() {
        if is_paired {
            anchor = first_block[b];
            continue;
        }
        match runs.last_mut() {
            Some((at, run)) if *at == anchor && run.last() == Some(&(left + b - 1)) => {
                run.push(left + b)
            }
            _ => runs.push((anchor, vec![left + b])),
        }
    }
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len() + runs.len());
    let mut runs = runs.into_iter().peekable();
    while let Some((None, run)) = runs.next_if(|r| r.0.is_none()) {
        out.push(Block::RightOnly { passages: run });
    }
    // Runs come in right reading order, but their anchors need not increase; gather them
    // by block.
    let mut after: Vec<Vec<Vec<usize>>> = vec![Vec::new(); blocks.len()];
    for (at, run) in runs {
        if let Some(list) = at.and_then(|i| after.get_mut(i)) {
            list.push(run);
        }
    }
    for (block, runs) in blocks.into_iter().zip(after) {
        out.push(block);
        out.extend(
            runs.into_iter()
                .map(|passages| Block::RightOnly { passages }),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passages_that_share_a_counterpart_form_one_block() {
        // Left 0..4, right 4..7. Left 1 and 2 both pair with right 5; left 3 with 6.
        let pairs = [(1, 5), (2, 5), (3, 6)];
        assert_eq!(
            blocks(4, 3, &pairs),
            vec![
                // Right 4 comes before any paired right passage: first.
                Block::RightOnly { passages: vec![4] },
                Block::LeftOnly { passages: vec![0] },
                Block::Both {
                    left: vec![1, 2],
                    right: vec![5],
                    pairs: vec![0, 1]
                },
                Block::Both {
                    left: vec![3],
                    right: vec![6],
                    pairs: vec![2]
                },
            ]
        );
    }

    #[test]
    fn every_passage_is_shown_and_every_pair_once() {
        let pairs = [(0, 6), (2, 5), (2, 7), (3, 5)];
        let b = blocks(4, 4, &pairs);
        let mut shown: Vec<usize> = b.iter().flat_map(|x| x.passages()).collect();
        shown.sort_unstable();
        shown.dedup();
        assert_eq!(shown, (0..8).collect::<Vec<_>>());
        let mut ks: Vec<usize> = b
            .iter()
            .flat_map(|x| match x {
                Block::Both { pairs, .. } => pairs.clone(),
                _ => vec![],
            })
            .collect();
        ks.sort_unstable();
        assert_eq!(ks, vec![0, 1, 2, 3]);
    }
}
