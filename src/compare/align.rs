//! Pairing passages of two regions: each passage with the one on the other side that says
//! the most similar thing, each used at most once.
//!
//! Candidate pairs are found through an inverted index (only passages sharing a weighted
//! bigram are ever scored), scored by cosine similarity, and taken greedily from the most
//! similar down. Ties are broken by bundle order, which does not depend on which region is
//! on the left, so comparing B with A pairs exactly what comparing A with B does. Greedy
//! rather than an optimal assignment: it is what a reader expects (the best match first),
//! and the optimum would cost cubic time for a change no one would see.

use super::tfidf::Model;

/// Pairs scoring below this are not shown as counterparts.
pub const THRESHOLD: f32 = 0.12;

/// One row of an alignment, by passage index (into the passage list the model was built on).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Item {
    /// Two passages that say similar things, with their similarity.
    Pair(usize, usize, f32),
    /// A left passage with no counterpart.
    Left(usize),
    /// A right passage with no counterpart.
    Right(usize),
}

/// Aligns `left` with `right` (passage indices, each in reading order); only passages for
/// which `pairable` holds are paired, the others are shown on their side. The result reads
/// in the left side's order; a right passage without counterpart comes right after the row
/// of the nearest paired right passage before it.
pub fn align(
    left: &[usize],
    right: &[usize],
    model: &Model,
    pairable: impl Fn(usize) -> bool,
) -> Vec<Item> {
    let l: Vec<usize> = left.iter().copied().filter(|&i| pairable(i)).collect();
    let r: Vec<usize> = right.iter().copied().filter(|&i| pairable(i)).collect();
    // Passage indices index the lookup tables below.
    let size = left.iter().chain(right).max().map_or(0, |&m| m + 1);
    let pairs = best_pairs(&l, &r, model, size);
    order(left, right, &pairs, size)
}

/// The greedy pairing: (left, right, score).
fn best_pairs(
    left: &[usize],
    right: &[usize],
    model: &Model,
    size: usize,
) -> Vec<(usize, usize, f32)> {
    // Postings of the right side, sorted by term: (term, position in `right`, weight).
    let mut postings: Vec<(u32, usize, f32)> = right
        .iter()
        .enumerate()
        .flat_map(|(j, &b)| {
            model
                .vector(b)
                .entries()
                .iter()
                .map(move |&(t, w)| (t, j, w))
        })
        .collect();
    crate::sort::sort_by_key(&mut postings, |&(t, j, _)| (t, j));
    let mut candidates: Vec<(usize, usize, f32)> = Vec::new();
    let mut acc = vec![0.0f32; right.len()];
    let mut touched: Vec<usize> = Vec::new();
    for &a in left {
        for &(term, w) in model.vector(a).entries() {
            let start = postings.partition_point(|&(t, _, _)| t < term);
            for &(_, j, wb) in postings[start..].iter().take_while(|&&(t, _, _)| t == term) {
                if acc[j] == 0.0 {
                    touched.push(j);
                }
                acc[j] += w * wb;
            }
        }
        for &j in &touched {
            // The accumulated sum is only a filter; the score is recomputed the same way
            // whichever side a passage is on.
            if acc[j] >= THRESHOLD * 0.99 {
                let b = right[j];
                let score = model.vector(a.min(b)).cosine(model.vector(a.max(b)));
                if score >= THRESHOLD {
                    candidates.push((a, b, score));
                }
            }
            acc[j] = 0.0;
        }
        touched.clear();
    }
    crate::sort::sort_by(&mut candidates, |x, y| {
        y.2.total_cmp(&x.2)
            .then_with(|| (x.0.min(x.1), x.0.max(x.1)).cmp(&(y.0.min(y.1), y.0.max(y.1))))
    });
    let (mut used_left, mut used_right) = (vec![false; size], vec![false; size]);
    candidates
        .into_iter()
        .filter(|&(a, b, _)| {
            let free = !used_left[a] && !used_right[b];
            if free {
                used_left[a] = true;
                used_right[b] = true;
            }
            free
        })
        .collect()
}

fn order(left: &[usize], right: &[usize], pairs: &[(usize, usize, f32)], size: usize) -> Vec<Item> {
    let mut by_left: Vec<Option<(usize, f32)>> = vec![None; size];
    let mut by_right: Vec<Option<usize>> = vec![None; size];
    for &(a, b, s) in pairs {
        by_left[a] = Some((b, s));
        by_right[b] = Some(a);
    }
    // Right passages without counterpart, grouped under the left passage they follow
    // (`None`: before any pair).
    let mut before_any: Vec<usize> = Vec::new();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); size];
    let mut anchor: Option<usize> = None;
    for &b in right {
        match (by_right[b], anchor) {
            (Some(a), _) => anchor = Some(a),
            (None, Some(a)) => after[a].push(b),
            (None, None) => before_any.push(b),
        }
    }
    let mut items: Vec<Item> = before_any.into_iter().map(Item::Right).collect();
    for &a in left {
        items.push(match by_left[a] {
            Some((b, s)) => Item::Pair(a, b, s),
            None => Item::Left(a),
        });
        items.extend(std::mem::take(&mut after[a]).into_iter().map(Item::Right));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmatched_right_passages_sit_near_their_neighbours() {
        // Left: 0 1 2; right: 10 11 12 13, with 0–10 and 2–12 paired.
        let pairs = [(0, 10, 0.9), (2, 12, 0.5)];
        let items = order(&[0, 1, 2], &[10, 11, 12, 13], &pairs, 14);
        assert_eq!(
            items,
            vec![
                Item::Pair(0, 10, 0.9),
                Item::Right(11),
                Item::Left(1),
                Item::Pair(2, 12, 0.5),
                Item::Right(13),
            ]
        );
    }

    #[test]
    fn each_passage_is_used_once_and_the_best_pair_wins() {
        let model = Model::new([
            ("加快中欧班列发展", ""),
            ("加快中欧班列发展，开行更多班列", ""),
            ("加快中欧班列发展", ""),
            ("发展跨境电子商务", ""),
        ]);
        let pairs = best_pairs(&[0, 1], &[2, 3], &model, 4);
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].0, pairs[0].1), (0, 2));
    }
}
