//! Which passages of two regions say something about the same thing.
//!
//! Provincial plans are not versions of one text: they answer the same national call in
//! their own words, often one long paragraph on one side against several short ones on
//! the other. So the pairing is many-to-many, and asks of each passage one question:
//! which passage on the other side is its best counterpart, and is that good enough?
//!
//! - Each passage is compared with every passage of the other side
//!   ([`super::features::Features::similarity`]); passages whose roles cannot meet
//!   (a statement of significance and a task) count at [`ROLE_PENALTY`] of it.
//! - A passage is paired with its best counterpart when the similarity reaches
//!   [`THRESHOLD`], or at least [`FLOOR`] when that counterpart is a clear favourite (the
//!   next best scores at most [`FAVOURITE`] of it: a short annex row and the one omnibus
//!   paragraph that covers its topic share few words, but share them with nothing else),
//!   and the passage is also among the counterpart's best few on the other side
//!   ([`MUTUAL`]): a broad summary paragraph that is everyone's second choice does not
//!   collect every passage of a long plan. Both sides choose, so an omnibus paragraph is
//!   paired with each short passage that chose it, and a short passage with the omnibus
//!   paragraph it chose.
//! - Boilerplate is never paired.
//!
//! The pairing depends only on the two regions, never on a theme filter (a theme shows
//! a subset of it), and comparing B with A pairs exactly what comparing A with B does:
//! scores are symmetric and ties go to bundle order.
//!
//! The figures were chosen on four hand-judged gold sets together, the annotators' dev
//! set (`../shared/examples/alignment`) and three region pairs annotated in the project
//! (`tests/fixtures/alignment/`; `make align-score` scores all four): a choice was kept
//! when it helped on average and hurt no set by more than a point or two, never for one
//! set alone.

use super::features::Features;

/// Pairs scoring below this are not shown as counterparts, unless [`FLOOR`] and
/// [`FAVOURITE`] say otherwise.
pub const THRESHOLD: f32 = 0.165;
/// The least score of a best counterpart that is a clear favourite.
pub const FLOOR: f32 = 0.1;
/// A best counterpart is a clear favourite when the next best scores at most this share
/// of it.
pub const FAVOURITE: f32 = 0.6;
/// A passage's best counterpart must have it among its own best `max(3, MUTUAL × n)`
/// passages of the other side's `n`.
pub const MUTUAL: f32 = 0.3;
/// The factor on the similarity of passages whose roles do not meet.
pub const ROLE_PENALTY: f32 = 0.5;

/// One side's passages as the alignment sees them.
pub struct Candidate<'a> {
    /// Position in the bundle: the side-independent order that breaks ties.
    pub order: usize,
    /// Whether it may be paired at all.
    pub pairable: bool,
    /// Its role.
    pub role: crate::bundle::Role,
    /// Its vectors.
    pub features: &'a Features,
}

/// The pairs of `left` and `right` (positions in each list) with their scores, sorted by
/// left position then right position.
pub fn align(left: &[Candidate], right: &[Candidate]) -> Vec<(usize, usize, f32)> {
    let l: Vec<usize> = (0..left.len()).filter(|&i| left[i].pairable).collect();
    let r: Vec<usize> = (0..right.len()).filter(|&j| right[j].pairable).collect();
    if l.is_empty() || r.is_empty() {
        return Vec::new();
    }
    // Dense: plans have tens to hundreds of passages a side, and every passage needs its
    // best counterpart and its rank among the other side's, which sparse candidate
    // lists would not give.
    // Cosines are symmetric term by term, so a score is the same whichever side a passage
    // is on; each left passage is spread once and scored against every right one.
    let mut dense = super::features::Dense::default();
    let mut scores: Vec<f32> = Vec::with_capacity(l.len() * r.len());
    for (k, &i) in l.iter().enumerate() {
        let a = &left[i];
        dense.load(a.features, k.checked_sub(1).map(|p| left[l[p]].features));
        scores.extend(r.iter().map(|&j| {
            let b = &right[j];
            let s = dense.similarity(b.features);
            if a.role.compatible(b.role) {
                s
            } else {
                s * ROLE_PENALTY
            }
        }));
    }
    let at = |x: usize, y: usize| scores[x * r.len() + y];
    // Best counterpart of each, ties to the earlier passage in the bundle.
    let better = |s: f32, order: usize, best: Option<(f32, usize)>| {
        best.is_none_or(|(bs, bo)| s > bs || (s == bs && order < bo))
    };
    // How many of `n` others beat `x` for `y`.
    let rank_in_column = |x: usize, y: usize| {
        let s = at(x, y);
        (0..l.len())
            .filter(|&k| {
                let t = at(k, y);
                t > s || (t == s && left[l[k]].order < left[l[x]].order)
            })
            .count()
    };
    let rank_in_row = |x: usize, y: usize| {
        let s = at(x, y);
        (0..r.len())
            .filter(|&k| {
                let t = at(x, k);
                t > s || (t == s && right[r[k]].order < right[r[y]].order)
            })
            .count()
    };
    let limit = |n: usize| 3usize.max((MUTUAL * n as f32) as usize);
    let good_enough =
        |best: f32, second: f32| best >= THRESHOLD || best >= FLOOR && second <= FAVOURITE * best;
    let mut pairs: Vec<(usize, usize, f32)> = Vec::new();
    for x in 0..l.len() {
        let mut best: Option<(f32, usize, usize)> = None;
        for y in 0..r.len() {
            let s = at(x, y);
            if better(s, right[r[y]].order, best.map(|b| (b.0, b.1))) {
                best = Some((s, right[r[y]].order, y));
            }
        }
        if let Some((s, _, y)) = best
            && good_enough(
                s,
                second_best((0..r.len()).filter(|&k| k != y).map(|k| at(x, k))),
            )
            && rank_in_column(x, y) < limit(l.len())
        {
            pairs.push((l[x], r[y], s));
        }
    }
    for y in 0..r.len() {
        let mut best: Option<(f32, usize, usize)> = None;
        for x in 0..l.len() {
            let s = at(x, y);
            if better(s, left[l[x]].order, best.map(|b| (b.0, b.1))) {
                best = Some((s, left[l[x]].order, x));
            }
        }
        if let Some((s, _, x)) = best
            && good_enough(
                s,
                second_best((0..l.len()).filter(|&k| k != x).map(|k| at(k, y))),
            )
            && rank_in_row(x, y) < limit(r.len())
        {
            pairs.push((l[x], r[y], s));
        }
    }
    crate::sort::sort_by(&mut pairs, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    pairs.dedup_by(|a, b| (a.0, a.1) == (b.0, b.1));
    pairs
}

/// The highest of `scores` (the scores of the other candidates than the best), or 0.
fn second_best(scores: impl Iterator<Item = f32>) -> f32 {
    scores.fold(0.0, f32::max)
}
