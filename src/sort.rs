//! A small stable sort for the code the widget runs in the browser.
//!
//! Why not `slice::sort_by`: the standard sorts are fast, but every element type and
//! comparator instantiates its own copy of driftsort or ipnsort with their small-sort
//! networks, several times the code of this one, and the comparison path sorts many
//! different things. The lists sorted there are small (tens of thousands of entries at
//! most, usually hundreds), so a plain bottom-up merge sort costs little time and keeps
//! the widget within the size budget that `tests/e2e/size.test.mjs` holds. Builder-only
//! code keeps the standard sorts.
//!
//! The tests check it against the standard stable sort on random input.

use std::cmp::Ordering;

/// Sorts `items` stably by `cmp`, like `slice::sort_by`.
///
/// ```
/// let mut v = [(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd')];
/// policy_compare::sort::sort_by(&mut v, |x, y| x.0.cmp(&y.0));
/// assert_eq!(v, [(0, 'd'), (1, 'b'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_by<T: Copy>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    // The sort itself is compiled once, on positions, with the comparator behind `dyn`:
    // instantiated per element type and comparator, it was the widget's third largest
    // generic (a copy for each of the comparison path's sorts). Only the lines below are
    // per type.
    let order = sorted_positions(items.len(), &mut |i, j| cmp(&items[i], &items[j]));
    let unsorted = items.to_vec();
    for (slot, i) in items.iter_mut().zip(order) {
        *slot = unsorted[i];
    }
}

/// The positions `0..n` in the order `cmp` (comparing the items at two positions) sorts
/// them, ties in position order.
#[inline(never)]
fn sorted_positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    // Runs of RUN items by insertion sort (stable, no allocation, fast on short input),
    // then merged pairwise.
    const RUN: usize = 16;
    for run in from.chunks_mut(RUN) {
        insertion_sort(run, cmp);
    }
    if n <= RUN {
        return from;
    }
    let mut to = from.clone();
    let mut width = RUN;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            merge(&from[start..mid], &from[mid..end], &mut to[start..end], cmp);
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// The distinct values of `items`, sorted: a set for `binary_search`. (One function for
/// every such set, so that the widget's wasm has one copy of the sort for them.)
pub fn set_of(mut items: Vec<u64>) -> Vec<u64> {
    sort_keys(&mut items);
    items.dedup();
    items
}

/// Sorts plain keys, smallest first: a least-significant-digit radix sort, a byte at a
/// time, skipping the bytes all keys share.
///
/// Why not [`sort_by`]: the keys sorted most are the character bigrams of every passage
/// pair the widget draws (whether the pair is a near-copy, [`crate::compare::marks::dice`]),
/// hundreds per passage, and `sort_by` compares through a `dyn` comparator and a
/// position table: sorting them that way was the largest single cost of a full
/// comparison, marks included (`cargo bench --bench compare`, profiled). A radix sort
/// looks at each key a few times (a bigram of two CJK characters differs from another in
/// four of its eight bytes), is one small function, and equal keys need no stable order.
pub fn sort_keys(items: &mut [u64]) {
    const SHORT: usize = 32;
    let n = items.len();
    if n <= SHORT {
        // Few keys: the byte counts would cost more than the sort.
        sort_by(items, Ord::cmp);
        return;
    }
    let mut from = items.to_vec();
    let mut to = vec![0u64; n];
    for shift in (0..64).step_by(8) {
        let digit = |x: u64| ((x >> shift) & 0xff) as usize;
        let mut starts = [0usize; 256];
        for &x in &from {
            starts[digit(x)] += 1;
        }
        if starts.contains(&n) {
            continue;
        }
        let mut at = 0;
        for slot in starts.iter_mut() {
            let count = *slot;
            *slot = at;
            at += count;
        }
        for &x in &from {
            let d = digit(x);
            to[starts[d]] = x;
            starts[d] += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    items.copy_from_slice(&from);
}

/// Sorts `(item, key)` pairs by key, largest first, ties in the order given. (One function
/// for the rankings of the views across regions — search results, map rows, topic cards —
/// so that the widget's wasm has one copy of the sort for all of them; smallest first is
/// the keys negated.)
pub fn ranked(items: &mut [(usize, i64)]) {
    sort_by(items, |a, b| b.1.cmp(&a.1));
}

/// Sorts `items` stably by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T: Copy, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts a short slice stably in place.
fn insertion_sort(items: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    for i in 1..items.len() {
        let x = items[i];
        let mut j = i;
        while j > 0 && cmp(x, items[j - 1]) == Ordering::Less {
            items[j] = items[j - 1];
            j -= 1;
        }
        items[j] = x;
    }
}

/// Merges two sorted runs into `out` (of their combined length); on ties the left run
/// goes first, which is what makes the sort stable.
fn merge(
    left: &[usize],
    right: &[usize],
    out: &mut [usize],
    cmp: &mut dyn FnMut(usize, usize) -> Ordering,
) {
    let (mut i, mut j) = (0, 0);
    for slot in out.iter_mut() {
        let take_right = match (left.get(i), right.get(j)) {
            (Some(&a), Some(&b)) => cmp(b, a) == Ordering::Less,
            (None, _) => true,
            (Some(_), None) => false,
        };
        let next = if take_right {
            right.get(j)
        } else {
            left.get(i)
        };
        if let Some(&x) = next {
            *slot = x;
        }
        if take_right {
            j += 1;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn edge_cases() {
        let mut empty: [u8; 0] = [];
        sort_by(&mut empty, Ord::cmp);
        let mut one = [7];
        sort_by(&mut one, Ord::cmp);
        assert_eq!(one, [7]);
        let mut v = [3, 1, 2];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, [3, 2, 1]);
    }

    proptest! {
        /// Same result as the standard stable sort, ties included (the payload tells equal
        /// keys apart).
        #[test]
        fn matches_the_standard_stable_sort(mut v in prop::collection::vec((0u8..8, any::<u16>()), 0..600)) {
            let mut expected = v.clone();
            expected.sort_by_key(|&(k, _)| k);
            sort_by_key(&mut v, |&(k, _)| k);
            prop_assert_eq!(v, expected);
        }

        /// Keys sort as the standard sort sorts them, at every length (the short path and
        /// the radix path), with keys that share bytes and keys that differ in every byte.
        #[test]
        fn keys_sort_like_the_standard_sort(
            mut v in prop::collection::vec(prop_oneof![any::<u64>(), 0u64..300, (0u64..0x20000).prop_map(|x| x << 32 | 0x4e00)], 0..400)
        ) {
            let mut expected = v.clone();
            expected.sort_unstable();
            sort_keys(&mut v);
            prop_assert_eq!(v, expected);
        }

        #[test]
        fn floats_sort_like_total_cmp(mut v in prop::collection::vec(any::<f32>(), 0..200)) {
            let mut expected = v.clone();
            expected.sort_by(f32::total_cmp);
            sort_by(&mut v, f32::total_cmp);
            prop_assert_eq!(v.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
                expected.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
        }
    }
}
