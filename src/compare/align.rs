//! Which passages of two regions say something about the same thing.
//!
//! Provincial plans are not versions of one text: they answer the same national call in
//! their own words, often one long paragraph on one side against several short ones on
//! the other. So the pairing is many-to-many, and asks of each passage one question:
//! which passage on the other side is its best counterpart, and is that good enough?
//!
//! - Each passage is scored against the passages of the other side it shares a word, a
//!   topic or a theme with ([`super::features::Features::similarity`]; the others score
//!   0); passages whose roles cannot meet (a statement of significance and a task) count
//!   at [`ROLE_PENALTY`] of it. Each keeps its best [`KEEP`].
//! - A passage is paired with its best counterpart when the similarity reaches
//!   [`THRESHOLD`], or at least [`FLOOR`] when that counterpart is a clear favourite (the
//!   next best scores at most [`FAVOURITE`] of it: a short annex row and the one omnibus
//!   paragraph that covers its topic share few words, but share them with nothing else;
//!   not when either is a document's bare title, [`super::bare`], whose few words make
//!   a favourite of whatever shares them, nor when their roles do not meet: the
//!   annotators pair a guiding thought or a statement of significance with the other
//!   plan's framing, never with a task, whatever it stands out for), and the passage
//!   is also among the
//!   counterpart's best few on the other side
//!   ([`MUTUAL`], at most [`MUTUAL_MOST`]): a broad summary paragraph that is everyone's
//!   second choice does not collect every passage of a long plan. A clear favourite is exempt
//!   from that last rule: what it guards against is a near-tie, and a passage that
//!   stands out for one counterpart is not one. A short plan's omnibus paragraph is the
//!   clear first choice of more rows of a long plan's annex than `MUTUAL ×` their number
//!   (Guangdong's trade paragraph for Jiangxi's bonded-zone and investment-office rows),
//!   and those rows had no counterpart at all. Both sides choose, so an
//!   omnibus paragraph is paired with each short passage that chose it, and a short
//!   passage with the omnibus paragraph it chose.
//! - A passage much shorter than the best counterpart it chooses is held to a lower
//!   threshold ([`UNEVEN`], [`threshold`]): the score is a cosine, and the words a
//!   one-sentence annex row shares with an omnibus paragraph are a small share of the
//!   paragraph's weight, so the row scores below two paragraphs of like length that
//!   share words scattered among many more. Not the long passage choosing the short
//!   one (a row is one topic; a long paragraph's best row at a low score is one of its
//!   many topics met by a list word), nor a bare title (short for want of content),
//!   nor a clause of a list ([`super::clause`]: a rule's lead-in or item, short for
//!   being a part; its subject is the lead-in's, its own words the list's frame).
//! - A best counterpart that many passages of the chooser's side come closer to
//!   ([`CROWD`]) is a broad paragraph near much of that side; the chooser keeps it only
//!   when it names one of the chooser's two heaviest topics ([`off_topic`]):
//!   Gansu's infrastructure summary, the nearest passage of Henan's inland waterways and
//!   its internet backbone through the wording of infrastructure plans, names neither.
//!   Not for a clear favourite, nor for a passage much shorter than its counterpart
//!   ([`UNEVEN`]): an omnibus paragraph names a row's topic in a word, which its topics
//!   may not catch, and the annotators pair such rows with it (rule 1b).
//! - A task does not choose a goal statement ([`may_choose`]); the goal may choose it.
//!   A plan's goal paragraph lists its aims in a sentence each, so it is the nearest
//!   passage of many of the other plan's tasks that have no counterpart among its tasks.
//! - A passage left beside more than `HUB.0` passages of the other side is a hub: a
//!   summary, or a long plan's one paragraph on a subject the other plan spends a whole
//!   document on. It keeps only the pairs that score at least `HUB.1` of its best
//!   ([`HUB`]): the rest are its list words meeting the other plan's details.
//! - Boilerplate is never paired.
//!
//! The pairing depends only on the two regions, never on a theme filter (a theme shows
//! a subset of it), and comparing B with A pairs exactly what comparing A with B does:
//! scores are symmetric and ties go to bundle order.
//!
//! ## Cost
//!
//! Linear in the passages, not in their pairs. Scoring every pair made the work (and a
//! table of scores) grow with the square of a plan's length. Instead each side's vectors
//! go into an index, term → the passages that use it, and a passage adds up its scores
//! by reading the lists of its own terms: the pairs that share nothing are never looked
//! at. A list is read to its [`POSTINGS`] heaviest entries, so a word
//! that every passage of a long plan uses costs a passage a fixed amount, not one step
//! per passage of the other side; and a passage keeps only its best [`KEEP`]
//! counterparts (best by the scores read; when a list was cut, those are then scored
//! whole), so the choice below reads a fixed number of pairs per passage. The work
//! is at most `POSTINGS` index entries per term of each passage, and `KEEP` pairs per
//! passage ([`Work`] counts it; `tests/compare.rs` checks the bounds, and that the work
//! grows with the passages, not their pairs).
//!
//! When no list is cut, the pairs are exactly those of scoring every pair: the best
//! counterpart, the runner-up and the rank among the counterpart's best (which need go
//! no further than `KEEP`) all lie within each side's `KEEP` best, and the scores are
//! added in the order [`Features::similarity`] adds them, to the same bits (the naive
//! reference in `tests/compare.rs` checks it). When a list is cut, a passage that shares
//! only that word with another, and weighs it less than `POSTINGS` others do, is not
//! scored against it: with that many passages using the word, it says little about
//! which of them is the counterpart. On the shipped corpus the cut lists change no pair
//! (checked for every pair of regions); with lists cut, the pairs are those a slow,
//! obvious reading of this paragraph gives (checked on copies of two provinces). On a
//! plan made of many copies of each passage (the scale benchmark's), each copy ties with
//! the others, and the `KEEP` best of a passage are copies of its first one or two
//! counterparts, so fewer pairs pass the mutual rule than with its stated `MUTUAL × n`.
//!
//! The figures were chosen on four hand-judged gold sets together, the annotators' dev
//! set (`../shared/examples/alignment`) and three region pairs annotated in the project
//! (`tests/fixtures/alignment/`; `make align-score` scores all four): a choice was kept
//! when it helped on average and hurt no set by more than a point or two, never for one
//! set alone.
//!
//! Tried on them and not kept: evidence by clause. Most wrong pairs are a focused
//! passage against a long, list-heavy summary paragraph that shares words scattered over
//! its clauses, so the score was made to ask that the shared words sit in one clause (at
//! stops, or also at commas) of the longer passage: scaled by the share of the words'
//! dot product its best clause holds, blended with its best clause's own cosine, or
//! gated on that cosine; and, apart from those, words that occur only inside
//! enumerations (`、` lists) weighed less. None did better than moving [`THRESHOLD`]
//! alone does for the same precision. The gold's partial pairs (rule 3: a topic that is
//! a bare list word on one side is still a partial counterpart) are as scattered as its
//! wrong ones, so the share of evidence in one clause does not tell them apart; only on
//! the dev set did it lean the right way.
//!
//! Nor was asking a clear favourite for evidence from the chooser's own text (a word or
//! a topic of its own text that the counterpart has, or a least share of the words' score
//! carried by its own words), against rows paired with a passage only through a heading's
//! words: what such pairs share comes from a heading over a long list, which
//! [`super::features::HEADING_SPREAD`] weighs down for every pair, not only for
//! favourites; on top of it the evidence rule removed no more of them, and lost gold
//! pairs of the dev set whose row meets its counterpart through its row heading.
//!
//! Nor, after the goal rule: a torn passage (its runner-up nearly as close, its best
//! low) leaving its best to a counterpart that scores another passage of its side far
//! higher: it removed wrong pairs (Henan's internet-backbone task beside
//! Gansu's infrastructure paragraph) but also good ones (Fujian's and Jiangxi's special
//! funds), and cost passage recall on two sets; with a more lenient favourite beside it
//! the gold sets gained, but across the other region pairs the extra favourites, at low
//! scores, were about half wrong. The lower threshold for uneven lengths whichever
//! passage chooses (not only the shorter): as many wrong pairs as right ones added
//! outside the gold sets, where two long passages' best was a short one. The lower
//! threshold only for a short passage that leads its runner-up by a margin (against
//! rule items met through their list's words): the annex rows it was made for are near
//! ties between two of an omnibus plan's paragraphs, and dev passage recall fell. A task
//! allowed to choose a goal statement when it is among the goal's best few, and the
//! runner-up rule loosened: precision fell on two sets, passage recall did not move.
//!
//! Nor, beside the crowd rule: asking every pair below a score (0.17–0.25) for a shared
//! topic, or a shared word that is not generic, or either (passage recall fell on three
//! sets: Hunan's and Henan's organisation passages share neither, and are gold good);
//! the main-topic rule below a score of 0.2 without the crowd (whatever the
//! counterpart's breadth): precision rose, but passage recall fell on every set; with
//! the crowd but the chooser's heaviest topic only, rather than its two heaviest: dev
//! passage recall fell, on pairs of a topic and its neighbour (air routes beside
//! airports, talent beside cultural exchange) that the annotators grade partial or
//! good; and applied to clear favourites too (dev passage recall fell: annex rows
//! beside the omnibus paragraph they stand out for). Two goal statements exempt from
//! it (the annotators' rule 6) gave back one pair across all region pairs and moved no
//! gold figure. A crowd of six or fewer took passage recall of the dev set below its
//! aim: Xi'an's youth exchanges lost their one counterpart, Shaanxi's heritage and
//! culture paragraph (gold: partial, through its youth roundtable), which six of Xi'an's
//! passages come closer to. Seven rather than eight only removes pairs, between
//! provinces mostly wrong ones.

use super::features::Features;

/// Pairs scoring below this are not shown as counterparts, unless [`FLOOR`] and
/// [`FAVOURITE`], or [`UNEVEN`], say otherwise.
pub const THRESHOLD: f32 = 0.165;
/// The least score of a best counterpart that is a clear favourite.
pub const FLOOR: f32 = 0.1;
/// A best counterpart is a clear favourite when the next best scores at most this share
/// of it.
pub const FAVOURITE: f32 = 0.6;
/// A passage's best counterpart must have it among its own best `max(3, MUTUAL × n)`
/// passages of the other side's `n`, and at most [`MUTUAL_MOST`], unless it is a clear
/// favourite ([`FAVOURITE`]).
pub const MUTUAL: f32 = 0.3;
/// The most places among its counterpart's best that the mutual rule allows a passage,
/// however long its plan. A province's paragraph on a subject that a national document
/// spends a whole plan on (Hunan's talent pool, Fujian's talent policy, beside the
/// national plan for scientific talent) was the nearest passage of most of that plan,
/// and `MUTUAL ×` all the national documents is a long way down its list: it stood
/// beside the plan's domestic pay, evaluation and statistics too. It binds only where a
/// side has more than `MUTUAL_MOST / MUTUAL` passages; fewer places took passage recall
/// of the dev set below its aim.
pub const MUTUAL_MOST: usize = 30;

/// A passage paired with more than `HUB.0` of the other side's is a hub: a summary, or
/// a long plan's one paragraph on a subject the other plan spends a document on. It
/// keeps only the pairs that score at least `HUB.1` of its best.
pub const HUB: (usize, f32) = (20, 0.5);
/// How many of its best counterparts a passage keeps for the choice, so at least
/// [`MUTUAL_MOST`], the most the mutual rule asks for. Above `MUTUAL ×` every region of
/// the shipped corpus (national, all its documents together: about 500 passages); in a
/// plan of thousands of passages, "among its best 160" is still a real choice, and it
/// keeps the work per passage fixed.
pub const KEEP: usize = 160;
/// How many passages of one term's list (its heaviest) a passage reads: more than any
/// province of the shipped corpus has (126), so between provinces no list is cut and
/// no pair is scored twice. The national documents together have lists longer than
/// this; their alignment with any province is nonetheless the same as scoring every
/// pair (`tests/compare.rs` checks every pair of regions).
pub const POSTINGS: usize = 128;
/// How many of a passage's next best counterparts after its best may stand beside it
/// too: a plan that says one thing in two places (a goal and its task, a measure and
/// its annex row) has two good counterparts for one passage of the other plan, and the
/// best alone hid the second. Each only when strong: it scores at least
/// `RUNNER_UP.0`, at least `RUNNER_UP.1` of the best, and the passage is among that
/// counterpart's best `RUNNER_UP.2`.
pub const RUNNERS_UP: usize = 3;
/// See [`RUNNERS_UP`].
pub const RUNNER_UP: (f32, f32, usize) = (0.33, 0.8, 3);
/// How many pairs a step of [`Job`] places in one go before it leaves them to a slice
/// of their own (two provinces of the shipped corpus have far fewer; copies of them, a
/// hundred times over, far more).
pub const MANY_PAIRS: usize = 100_000;
/// A passage less than `UNEVEN.0` of its best counterpart's length chooses it from a
/// similarity of `UNEVEN.1` rather than [`THRESHOLD`] ([`threshold`]), unless either is
/// a bare title, it is a clause of a list, or the two name no topic in common.
pub const UNEVEN: (f32, f32) = (0.4, 0.15);
/// The factor on the similarity of passages whose roles do not meet.
pub const ROLE_PENALTY: f32 = 0.5;
/// A best counterpart that at least this many passages of the chooser's side come
/// closer to is a broad paragraph near much of that side: the chooser, unless a clear
/// favourite or much shorter ([`UNEVEN`]), keeps it only when it names one of the
/// chooser's two heaviest topics ([`off_topic`]).
pub const CROWD: usize = 7;

/// One side's passages as the alignment sees them.
pub struct Candidate<'a> {
    /// Position in the bundle: the side-independent order that breaks ties.
    pub order: usize,
    /// Whether it may be paired at all.
    pub pairable: bool,
    /// Whether it is only a document's title ([`super::bare`]): paired on a score that
    /// reaches [`THRESHOLD`], never as a clear favourite.
    pub bare: bool,
    /// Whether it is a clause of a list ([`super::clause`]): short for being a part of
    /// a rule, not for being one topic, so never held to the lower [`UNEVEN`] threshold.
    pub clause: bool,
    /// Its role.
    pub role: crate::bundle::Role,
    /// Its length in characters ([`UNEVEN`]).
    pub chars: usize,
    /// Its vectors.
    pub features: &'a Features,
}

/// The pairs of `left` and `right` (positions in each list) with their scores, sorted by
/// left position then right position.
pub fn align(left: &[Candidate], right: &[Candidate]) -> Vec<(usize, usize, f32)> {
    align_counted(left, right).0
}

/// The work [`align`] does, counted: a test compares it at two sizes to see it grow with
/// the passages, not with their pairs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Work {
    /// Index entries read (each adds one term's product to one pair's score).
    pub postings: usize,
    /// Pairs scored again whole, for a passage one of whose lists was cut.
    pub rescored: usize,
    /// Pairs kept for the choice (at most [`KEEP`] per passage, both sides).
    pub kept: usize,
}

/// [`align`], and the work it did.
pub fn align_counted(left: &[Candidate], right: &[Candidate]) -> (Vec<(usize, usize, f32)>, Work) {
    let mut job = Job::default();
    loop {
        if let Some(pairs) = job.step(left, right, &mut || true) {
            return (pairs, job.work);
        }
    }
}

/// An alignment done a slice at a time: a page that must stay responsive (no task over
/// 50 ms) aligns a long plan over several tasks, and gets the pairs [`align`] gives.
///
/// The work is the one [`align`] describes, in its order: each side's passages read the
/// other side's index, one passage at a time, then the choice. Between two passages
/// the job keeps the index and the scores found so far, so a slice costs what its
/// passages cost, and the slices together cost what one call does.
#[derive(Default)]
pub struct Job {
    /// 0: the left side reads the right's index; 1: the right side the left's; 2: the
    /// pairs found placed by left passage; 3: each pair once there; 4: the pairs placed
    /// by right passage; 5: the left passages choose; 6: the right ones; then the pairs
    /// chosen, grouped by left passage.
    pass: usize,
    /// The next passage of the reading side.
    at: usize,
    index: Option<Index>,
    sums: Vec<[f32; 3]>,
    owner: Vec<u32>,
    found: Vec<(u32, u32, f32)>,
    /// The reading passage's weights by term, per family (zero elsewhere), for scoring
    /// its pairs again whole.
    dense: [Vec<f32>; 3],
    work: Work,
    /// How many pairable passages each side had at the first step.
    sides: Option<(usize, usize)>,
    /// The pairs found, by left passage and by right passage.
    by_left: Option<Groups>,
    by_right: Option<Groups>,
    chosen: Vec<(u32, u32, f32)>,
    /// [`MANY_PAIRS`] unless a test asks for another limit ([`Job::placing_in_own_slice`]).
    many: Option<usize>,
}

impl Job {
    /// A job that places more than `many` pairs in a slice of their own (rather than
    /// [`MANY_PAIRS`]): a test reaches that branch with a small corpus.
    pub fn placing_in_own_slice(many: usize) -> Job {
        Job {
            many: Some(many),
            ..Job::default()
        }
    }

    /// Goes on aligning `left` with `right` (the same lists at every step) while `more()`
    /// says so, and at least one passage: the pairs, as [`align`] gives them, once done.
    pub fn step(
        &mut self,
        left: &[Candidate],
        right: &[Candidate],
        more: &mut dyn FnMut() -> bool,
    ) -> Option<Vec<(usize, usize, f32)>> {
        let l: Vec<&Candidate> = left.iter().filter(|c| c.pairable).collect();
        let r: Vec<&Candidate> = right.iter().filter(|c| c.pairable).collect();
        if l.is_empty() || r.is_empty() {
            return Some(Vec::new());
        }
        // Other lists than at the first step (a caller's mistake): started again, so that
        // nothing is read out of bounds.
        if *self.sides.get_or_insert((l.len(), r.len())) != (l.len(), r.len()) {
            *self = Job {
                many: self.many,
                ..Job::default()
            };
            self.sides = Some((l.len(), r.len()));
        }
        let many = self.many.unwrap_or(MANY_PAIRS);
        // Both sides choose their best counterparts the same way, so the pairs kept are
        // the same whichever side is on the left. Gathered by left passage (counted, then
        // placed), each pair once.
        while self.pass < 2 {
            let (from, to) = if self.pass == 0 { (&l, &r) } else { (&r, &l) };
            let index = match self.index.take() {
                Some(index) => index,
                None => {
                    self.sums = vec![[0.0; 3]; to.len()];
                    self.owner = vec![u32::MAX; to.len()];
                    Index::new(to)
                }
            };
            while self.at < from.len() {
                let x = self.at;
                nearest(&index, from[x], x as u32, to, self, self.pass == 1);
                self.at += 1;
                if self.at < from.len() && !more() {
                    self.index = Some(index);
                    return None;
                }
            }
            self.pass += 1;
            self.at = 0;
            // The choice reads every pair kept: steps of its own. Placing many pairs
            // starts a slice of its own too: it places every pair found in one go, which
            // a slice that has read passages already would add to its time.
            if self.pass == 2 && (self.found.len() > many || !more()) {
                return None;
            }
        }
        // Rows (by left passage) and columns (by right passage) of the pairs found, each
        // pair once (a pair found from both sides has the same bits both times): steps
        // each linear in the pairs.
        if self.pass == 2 {
            let found = std::mem::take(&mut self.found);
            self.by_left = Some(place(l.len(), &found));
            self.pass = 3;
            if !more() {
                return None;
            }
        }
        if self.pass == 3 {
            let by_left = self.by_left.as_mut()?;
            once_each(by_left, r.len());
            self.work.kept = by_left.items.len();
            self.pass = 4;
            if self.work.kept > many || !more() {
                return None;
            }
        }
        let by_left = self.by_left.as_ref()?;
        if self.pass == 4 {
            let mut swapped: Vec<(u32, u32, f32)> = Vec::with_capacity(by_left.items.len());
            for x in 0..l.len() {
                swapped.extend(by_left.of(x).iter().map(|&(y, s)| (y, x as u32, s)));
            }
            // Each pair is there once already.
            self.by_right = Some(place(r.len(), &swapped));
            self.pass = 5;
            if !more() {
                return None;
            }
        }
        let by_right = self.by_right.as_ref()?;
        // Each side chooses, from its passages' pairs and the other side's ranks, a
        // passage at a time.
        while self.pass < 7 {
            let (mine, theirs, me, other, swapped) = if self.pass == 5 {
                (by_left, by_right, &l, &r, false)
            } else {
                (by_right, by_left, &r, &l, true)
            };
            while self.at < me.len() {
                choose(
                    self.at,
                    (mine, theirs),
                    (me, other),
                    swapped,
                    &mut self.chosen,
                );
                self.at += 1;
                if !more() {
                    return None;
                }
            }
            self.pass += 1;
            self.at = 0;
        }
        // By left passage (counted, then placed), each pair once; then by right passage.
        let by = group(l.len(), &self.chosen, r.len());
        let mut pairs: Vec<(usize, usize, f32)> = Vec::with_capacity(by.items.len());
        // Each passage's count of pairs and best score (left ones first), for the hub
        // rule ([`HUB`]); plain loops, which add less to the widget than adaptors do.
        let n = l.len();
        let (mut count, mut top) = (vec![0usize; n + r.len()], vec![0.0f32; n + r.len()]);
        for x in 0..n {
            for &(y, s) in by.of(x) {
                for k in [x, n + y as usize] {
                    count[k] += 1;
                    if s > top[k] {
                        top[k] = s;
                    }
                }
            }
        }
        for x in 0..l.len() {
            let start = pairs.len();
            for &(y, s) in by.of(x) {
                let near = |k: usize| count[k] <= HUB.0 || s >= HUB.1 * top[k];
                if near(x) && near(n + y as usize) {
                    pairs.push((x, y as usize, s));
                }
            }
            crate::sort::sort_by(&mut pairs[start..], |a, b| a.1.cmp(&b.1));
        }
        let positions = |side: &[Candidate]| -> Vec<usize> {
            (0..side.len()).filter(|&i| side[i].pairable).collect()
        };
        let (pl, pr) = (positions(left), positions(right));
        Some(
            pairs
                .into_iter()
                .map(|(x, y, s)| (pl[x], pr[y], s))
                .collect(),
        )
    }
}

/// One side's vectors by term: for each family (words, topics, themes) and term, the
/// passages that use it with its weight there, a list whose first [`POSTINGS`] are its
/// heaviest (ties to bundle order; the only ones read, so they need no order among
/// themselves).
/// Term ids are small and dense (the lexicon's, the topics', the themes'), so a list is
/// found by offset, not by search.
struct Index {
    starts: [Vec<usize>; 3],
    entries: Vec<Entry>,
}

/// (weight or score, bundle order, passage).
type Entry = (f32, usize, u32);

/// Heaviest (or best) first, ties to bundle order: a total order, so the first `k` are
/// one set.
fn heaviest_first(p: &Entry, q: &Entry) -> std::cmp::Ordering {
    q.0.total_cmp(&p.0).then(p.1.cmp(&q.1))
}

impl Index {
    fn new(side: &[&Candidate]) -> Index {
        // Counted, then placed: linear; then each long list's heaviest picked out.
        let mut starts: [Vec<usize>; 3] = Default::default();
        for c in side {
            for (family, v) in families(c.features).into_iter().enumerate() {
                let counts = &mut starts[family];
                for &(t, _) in v.entries() {
                    let t = t as usize;
                    if counts.len() < t + 2 {
                        counts.resize(t + 2, 0);
                    }
                    counts[t + 1] += 1;
                }
            }
        }
        let mut total = 0;
        for counts in &mut starts {
            if counts.is_empty() {
                counts.push(0);
            }
            counts[0] = total;
            for t in 1..counts.len() {
                counts[t] += counts[t - 1];
            }
            total = counts[counts.len() - 1];
        }
        let mut entries: Vec<Entry> = vec![(0.0, 0, 0); total];
        let mut fill = starts.clone();
        for (k, c) in side.iter().enumerate() {
            for (family, v) in families(c.features).into_iter().enumerate() {
                for &(t, w) in v.entries() {
                    let at = &mut fill[family][t as usize];
                    entries[*at] = (w, c.order, k as u32);
                    *at += 1;
                }
            }
        }
        for counts in &starts {
            for t in 0..counts.len() - 1 {
                let list = &mut entries[counts[t]..counts[t + 1]];
                if list.len() > POSTINGS {
                    select(list, POSTINGS, heaviest_first);
                }
            }
        }
        Index { starts, entries }
    }

    /// The passages that use term `t` of `family`, the heaviest [`POSTINGS`] first.
    fn list(&self, family: usize, t: u32) -> &[Entry] {
        let starts = &self.starts[family];
        let t = t as usize;
        match (starts.get(t), starts.get(t + 1)) {
            (Some(&a), Some(&b)) => &self.entries[a..b],
            _ => &[],
        }
    }
}

fn families(f: &Features) -> [&super::vector::Vector; 3] {
    [&f.words, &f.topics, &f.themes]
}

/// The score of a pair, role penalty included.
fn penalised(s: f32, a: &Candidate, b: &Candidate) -> f32 {
    if a.role.compatible(b.role) {
        s
    } else {
        s * ROLE_PENALTY
    }
}

/// Passage `a` (number `x` of its side) with its best [`KEEP`] of `to` that share a
/// term with it, and their scores, pushed to the job's pairs as (left, right, score): `a`
/// is on the left unless `swapped`.
///
/// Scores are added up term by term from the index of `to`, in term order, which is the
/// order [`Features::similarity`] adds them in (its cosines add the products of the
/// shared terms, by term): the same bits. A passage one of whose
/// lists was cut has its kept pairs scored again whole, so every score emitted is exact.
fn nearest(index: &Index, a: &Candidate, x: u32, to: &[&Candidate], job: &mut Job, swapped: bool) {
    // Per passage of `to`: the three dot products so far, and which passage they belong
    // to (stale ones are reset on first touch).
    let (sums, owner) = (&mut job.sums, &mut job.owner);
    let mut ids: Vec<u32> = Vec::new();
    let mut cut = false;
    for (family, v) in families(a.features).into_iter().enumerate() {
        for &(t, w) in v.entries() {
            let list = index.list(family, t);
            cut |= list.len() > POSTINGS;
            let list = &list[..list.len().min(POSTINGS)];
            job.work.postings += list.len();
            for &(wy, _, y) in list {
                let k = y as usize;
                if owner[k] != x {
                    owner[k] = x;
                    sums[k] = [0.0; 3];
                    ids.push(y);
                }
                sums[k][family] += w * wy;
            }
        }
    }
    let mut touched: Vec<Entry> = ids
        .iter()
        .map(|&y| {
            let [w, t, h] = sums[y as usize];
            let b = to[y as usize];
            (
                penalised(super::features::combine(w, t, h), a, b),
                b.order,
                y,
            )
        })
        .collect();
    if touched.len() > KEEP {
        select(&mut touched, KEEP, heaviest_first);
        touched.truncate(KEEP);
    }
    if cut {
        job.work.rescored += touched.len();
        // Against `a` spread out by term, a pair costs the other passage's terms, where
        // `Features::similarity` walks both lists; in a long plan, where lists are cut,
        // this was the alignment's largest part. The products are the same (`a`'s weight
        // times the other's) and added in the same order (by term), so the bits are too.
        let dense = &mut job.dense;
        for (family, v) in families(a.features).into_iter().enumerate() {
            let row = &mut dense[family];
            for &(t, w) in v.entries() {
                let t = t as usize;
                if row.len() <= t {
                    row.resize(t + 1, 0.0);
                }
                row[t] = w;
            }
        }
        for e in &mut touched {
            let b = to[e.2 as usize];
            let [w, t, h] = families(b.features);
            let (w, t, h) = (
                w.dot_dense(&dense[0]),
                t.dot_dense(&dense[1]),
                h.dot_dense(&dense[2]),
            );
            e.0 = penalised(super::features::combine(w, t, h), a, b);
        }
        for (family, v) in families(a.features).into_iter().enumerate() {
            for &(t, _) in v.entries() {
                dense[family][t as usize] = 0.0;
            }
        }
    }
    for &(s, _, y) in &touched {
        job.found.push(if swapped { (y, x, s) } else { (x, y, s) });
    }
}

/// Reorders `items` so that its first `k` are the `k` least by `cmp` (in any order):
/// quickselect, linear on average; the standard `select_nth_unstable_by` would add
/// another sort's code to the widget (see [`crate::sort`]).
fn select(items: &mut [Entry], k: usize, cmp: fn(&Entry, &Entry) -> std::cmp::Ordering) {
    use std::cmp::Ordering::Less;
    let (mut lo, mut hi) = (0, items.len());
    while hi - lo > 1 && lo < k && k < hi {
        // Median of three as the pivot, moved to the end.
        let mid = lo + (hi - lo) / 2;
        let (a, b, c) = (items[lo], items[mid], items[hi - 1]);
        let m = if (cmp(&a, &b) == Less) == (cmp(&b, &c) == Less) {
            mid
        } else if (cmp(&b, &a) == Less) == (cmp(&a, &c) == Less) {
            lo
        } else {
            hi - 1
        };
        items.swap(m, hi - 1);
        let pivot = items[hi - 1];
        let mut store = lo;
        for i in lo..hi - 1 {
            if cmp(&items[i], &pivot) == Less {
                items.swap(i, store);
                store += 1;
            }
        }
        items.swap(store, hi - 1);
        // items[lo..store] < pivot = items[store] <= items[store + 1..hi]
        if store + 1 == k || store == k {
            return;
        }
        if k < store {
            hi = store;
        } else {
            lo = store + 1;
        }
    }
}

/// Pairs grouped by one side's passage: passage `k`'s are `items[start[k]..start[k + 1]]`,
/// as (other side's passage, score).
struct Groups {
    start: Vec<usize>,
    items: Vec<(u32, f32)>,
}

impl Groups {
    fn of(&self, k: usize) -> &[(u32, f32)] {
        &self.items[self.start[k]..self.start[k + 1]]
    }
}

/// `pairs` (this side's passage, other's of `others`, score) grouped by this side's `n`
/// passages, counted then placed (linear), each pair once, in the order given within
/// a group.
fn group(n: usize, pairs: &[(u32, u32, f32)], others: usize) -> Groups {
    let mut groups = place(n, pairs);
    once_each(&mut groups, others);
    groups
}

/// `pairs` (this side's passage, other's, score) grouped by this side's `n` passages,
/// counted then placed (linear), in the order given within a group.
fn place(n: usize, pairs: &[(u32, u32, f32)]) -> Groups {
    let mut start = vec![0usize; n + 1];
    for &(k, _, _) in pairs {
        start[k as usize + 1] += 1;
    }
    for k in 0..n {
        start[k + 1] += start[k];
    }
    let mut fill = start.clone();
    let mut items: Vec<(u32, f32)> = vec![(0, 0.0); start[n]];
    for &(k, o, s) in pairs {
        items[fill[k as usize]] = (o, s);
        fill[k as usize] += 1;
    }
    Groups { start, items }
}

/// Each group's repeats out (a pair of the same two passages again), in place: linear.
/// `others` is how many passages the other side has.
fn once_each(groups: &mut Groups, others: usize) {
    let Groups { start, items } = groups;
    let n = start.len() - 1;
    let mut seen = vec![u32::MAX; others];
    let mut kept = 0;
    let mut from = 0;
    for k in 0..n {
        let to = start[k + 1];
        start[k] = kept;
        for i in from..to {
            let (o, s) = items[i];
            if std::mem::replace(&mut seen[o as usize], k as u32) != k as u32 {
                items[kept] = (o, s);
                kept += 1;
            }
        }
        from = to;
    }
    start[n] = kept;
    items.truncate(kept);
}

/// The best of a passage's pairs (ties to bundle order of `other`), with the runner-up's
/// score (0 when there is none: the passages it shares nothing with score 0).
fn best(pairs: &[(u32, f32)], other: &[&Candidate]) -> Option<(u32, f32, f32)> {
    let mut top: Option<(u32, f32)> = None;
    for &(k, s) in pairs {
        if top.is_none_or(|(bk, bs)| {
            s > bs || s == bs && other[k as usize].order < other[bk as usize].order
        }) {
            top = Some((k, s));
        }
    }
    let (b, s) = top?;
    let second = pairs
        .iter()
        .filter(|p| p.0 != b)
        .map(|p| p.1)
        .fold(0.0, f32::max);
    Some((b, s, second))
}

/// How many of a passage's pairs beat `who` of `other` (scoring `s`; ties to bundle
/// order).
fn rank(pairs: &[(u32, f32)], who: u32, s: f32, other: &[&Candidate]) -> usize {
    let order = other[who as usize].order;
    pairs
        .iter()
        .filter(|&&(k, t)| t > s || t == s && other[k as usize].order < order)
        .count()
}

/// Passage `x` of `me` chooses its counterparts of `other` (pushed to `chosen` as (left,
/// right, score); `me` is the left side unless `swapped`): its best, when good enough
/// and it is among that counterpart's best few, and its strong runners-up.
fn choose(
    x: usize,
    (mine, theirs): (&Groups, &Groups),
    (me, other): (&[&Candidate], &[&Candidate]),
    swapped: bool,
    chosen: &mut Vec<(u32, u32, f32)>,
) {
    let limit = 3usize.max(((MUTUAL * me.len() as f32) as usize).min(MUTUAL_MOST));
    let pairs = mine.of(x);
    let Some((y, s, second)) = best(pairs, other) else {
        return;
    };
    let (a, b) = (me[x], other[y as usize]);
    let favourite = !a.bare && !b.bare && a.role.compatible(b.role) && second <= FAVOURITE * s;
    // A bare title is short for want of content, not for being one topic: it is held
    // to the threshold, as it is never a favourite. A clause of a list is short for
    // being a part: its subject is its lead-in's, and its own words the list's frame.
    // And a row asked for less must be about what the long passage says something
    // about (the annotators' rule 1b): a topic of the lexicon both name, not only words
    // (a low-carbon conference met by a bonded-zone paragraph through `建设` and `平台`).
    let shared_topic = a.features.topics.cosine(&b.features.topics) > 0.0;
    let least = if a.bare || a.clause || b.bare || !shared_topic {
        THRESHOLD
    } else {
        threshold(a.chars, b.chars)
    };
    if !(s >= least || favourite && s >= FLOOR) {
        return;
    }
    // A broad paragraph that many passages of this side come closer to, and that names
    // none of this passage's own topics, is near it through the wording every plan
    // shares, not through what it is about: Gansu's infrastructure summary was the best
    // counterpart of Henan's waterways and its internet backbone. Not for a clear
    // favourite, nor for a passage much shorter than its counterpart: an omnibus
    // paragraph names a row's topic in a word or two, which its topics may not catch.
    let place = rank(theirs.of(y as usize), x as u32, s, me);
    if !favourite
        && place >= CROWD
        && !much_shorter(a.chars, b.chars)
        && off_topic(a.features, b.features)
    {
        return;
    }
    let mut keep = |y: u32, s: f32| {
        if may_choose(me[x].role, other[y as usize].role) {
            chosen.push(if swapped {
                (y, x as u32, s)
            } else {
                (x as u32, y, s)
            });
        }
    };
    // A clear favourite needs no place among the counterpart's best: the mutual rule is
    // against a broad paragraph that is everyone's near-tie, not against the one
    // counterpart a passage stands out for (a short plan's omnibus paragraph is the clear
    // first choice of more rows of a long plan's annex than `MUTUAL ×` their number).
    if favourite || place < limit {
        keep(y, s);
    }
    for (z, t) in runners_up(pairs, y, other) {
        if t >= RUNNER_UP.0
            && t >= RUNNER_UP.1 * s
            && rank(theirs.of(z as usize), x as u32, t, me) < RUNNER_UP.2
        {
            keep(z, t);
        }
    }
}

/// The least similarity at which a passage `mine` characters long chooses a best
/// counterpart `theirs` long that is not a clear favourite. The similarity is a cosine:
/// the words a short passage shares with a long one are a small share of the long one's
/// weight, so a short row whose every word is in an omnibus paragraph scores lower than
/// two paragraphs of like length that share as many words scattered among many more. A
/// short passage choosing a far longer one (a Jiangxi annex row on Chinese medicine
/// choosing Guangdong's paragraph on culture, science, education and health) is asked
/// for less; the long one choosing the short one is not: a row is one topic, and a long
/// paragraph's best row at a low score is one of its many topics met by list words.
fn threshold(mine: usize, theirs: usize) -> f32 {
    if much_shorter(mine, theirs) {
        UNEVEN.1
    } else {
        THRESHOLD
    }
}

/// Whether a passage `mine` characters long is much shorter than one `theirs` long
/// ([`UNEVEN`]).
fn much_shorter(mine: usize, theirs: usize) -> bool {
    (mine as f32) < UNEVEN.0 * theirs as f32
}

/// Whether `theirs` names neither of the two heaviest topics of `mine` (ties to
/// the lower topic id); never when `mine` names no topic.
fn off_topic(mine: &Features, theirs: &Features) -> bool {
    let t = mine.topics.entries();
    let named = |k: usize| theirs.topics.entries().iter().any(|e| e.0 == t[k].0);
    // The heaviest topic but `skip`, ties to the first (the lower id).
    let heaviest = |skip: usize| {
        (0..t.len())
            .filter(|&k| k != skip)
            .fold(None, |m: Option<usize>, k| match m {
                Some(b) if t[b].1 >= t[k].1 => m,
                _ => Some(k),
            })
    };
    heaviest(usize::MAX).is_some_and(|a| !named(a) && heaviest(a).is_none_or(|b| !named(b)))
}

/// Whether a passage in role `me` may choose a counterpart in role `other` (the
/// counterpart may still choose it). A task does not choose a goal statement: a goal
/// paragraph sums up a plan's aims in one list, so it is the nearest passage of many
/// tasks of the other plan that have no task counterpart, and each of them shares with
/// it a list word at most (the annotators' rules 3 and 6: goals pair with goals; a goal
/// sub-statement about one topic pairs with the tasks on that topic, which the goal,
/// choosing, finds). A task whose best counterpart is a goal does not fall back to its
/// next best: only its strong runners-up may still stand beside it.
fn may_choose(me: crate::bundle::Role, other: crate::bundle::Role) -> bool {
    use crate::bundle::Role::{Goal, Task};
    !(me == Task && other == Goal)
}

/// The [`RUNNERS_UP`] best of a passage's pairs after its best `top` (by score, ties to
/// bundle order of `other`), best first.
fn runners_up(pairs: &[(u32, f32)], top: u32, other: &[&Candidate]) -> Vec<(u32, f32)> {
    let ahead = |a: &(u32, f32), b: &(u32, f32)| {
        a.1 > b.1 || a.1 == b.1 && other[a.0 as usize].order < other[b.0 as usize].order
    };
    let mut out: Vec<(u32, f32)> = Vec::with_capacity(RUNNERS_UP + 1);
    for p in pairs.iter().filter(|p| p.0 != top) {
        let at = out.iter().position(|q| ahead(p, q)).unwrap_or(out.len());
        if at < RUNNERS_UP {
            out.insert(at, *p);
            out.truncate(RUNNERS_UP);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::Role;
    use crate::compare::vector::Vector;

    fn words(terms: &[u32]) -> Features {
        Features {
            words: Vector::unit(terms.iter().map(|&t| (t, 1.0)).collect()),
            ..Features::default()
        }
    }

    fn side(features: &[Features], first: usize) -> Vec<Candidate<'_>> {
        in_role(features, first, Role::Task)
    }

    fn in_role(features: &[Features], first: usize, role: Role) -> Vec<Candidate<'_>> {
        features
            .iter()
            .enumerate()
            .map(|(k, f)| Candidate {
                order: first + k,
                pairable: true,
                bare: false,
                clause: false,
                role,
                chars: 0,
                features: f,
            })
            .collect()
    }

    /// How many passages of the left side are paired with the right side's first.
    fn with_first(left: &[Features], right: &[Features]) -> usize {
        align(&side(left, 0), &side(right, left.len()))
            .iter()
            .filter(|p| p.1 == 0)
            .count()
    }

    #[test]
    fn every_passage_that_clearly_prefers_one_counterpart_stands_beside_it() {
        // Six rows that each share a word with one summary paragraph and nothing with the
        // other passage: more than the mutual rule's three for six passages.
        let rows: Vec<Features> = (0..6).map(|k| words(&[1, 10 + k])).collect();
        let right = [words(&[1]), words(&[2])];
        assert_eq!(with_first(&rows, &right), 6);
    }

    #[test]
    fn passages_torn_between_two_counterparts_still_meet_the_mutual_rule() {
        // The same rows, each as close to the other paragraph: no favourite, and the
        // summary paragraph keeps only its best few (three by the mutual rule, one more
        // as its own runner-up).
        let rows: Vec<Features> = (0..6).map(|_| words(&[1, 2])).collect();
        let right = [words(&[1]), words(&[2])];
        assert_eq!(with_first(&rows, &right), 4);
    }

    #[test]
    fn a_short_passage_chooses_a_far_longer_one_at_a_lower_similarity() {
        // A row sharing its one word with two long paragraphs, a little closer to the
        // first: a near-tie, so no favourite, at a score between the two thresholds. A
        // long twin of the row, after it, keeps the paragraphs from making a favourite
        // of it.
        // All four name one topic, faintly (a long damped vector of one light term).
        let topical = |f: Features| Features {
            topics: Vector::damped(vec![(7, 0.1)], 8.0),
            ..f
        };
        let paragraph =
            |from: u32, n: u32| words(&[1].into_iter().chain(from..from + n).collect::<Vec<_>>());
        let rows = [topical(words(&[1])), topical(words(&[1]))];
        let long = [topical(paragraph(100, 25)), topical(paragraph(200, 29))];
        let s = rows[0].similarity(&long[0]);
        assert!(UNEVEN.1 <= s && s < THRESHOLD, "{s}");
        assert!(rows[0].similarity(&long[1]) > FAVOURITE * s);
        let aligned = |rows: &[Features],
                       long: &[Features],
                       set: &dyn Fn(&mut [Candidate], &mut [Candidate])|
         -> Vec<(usize, usize)> {
            let mut l = side(rows, 0);
            let mut r = side(long, 2);
            l[1].chars = 200;
            r.iter_mut().for_each(|c| c.chars = 200);
            set(&mut l, &mut r);
            align(&l, &r).iter().map(|p| (p.0, p.1)).collect()
        };
        let with_length = |row_chars: usize| aligned(&rows, &long, &|l, _| l[0].chars = row_chars);
        assert_eq!(with_length(40), [(0, 0)]);
        // Of like length, the same score is not enough.
        assert_eq!(with_length(200), []);
        // Nor for a clause of a list, however short; nor a bare title on either side.
        assert_eq!(
            aligned(&rows, &long, &|l, _| {
                l[0].chars = 40;
                l[0].clause = true;
            }),
            []
        );
        assert_eq!(
            aligned(&rows, &long, &|l, _| {
                l[0].chars = 40;
                l[0].bare = true;
            }),
            []
        );
        assert_eq!(
            aligned(&rows, &long, &|l, r| {
                l[0].chars = 40;
                r[0].bare = true;
            }),
            []
        );
        // Nor when the two name no topic in common: what they share is words alone.
        let plain = [words(&[1]), words(&[1])];
        let long_plain = [paragraph(100, 25), paragraph(200, 29)];
        assert_eq!(aligned(&plain, &long_plain, &|l, _| l[0].chars = 40), []);
        // Only the shorter side is asked for less.
        assert_eq!(threshold(40, 200), UNEVEN.1);
        assert_eq!(threshold(200, 40), THRESHOLD);
        assert_eq!(threshold(0, 0), THRESHOLD);
    }

    #[test]
    fn a_clear_favourite_is_one_whose_role_meets_the_chooser_s() {
        let pairs = |l: &[Candidate], r: &[Candidate]| -> Vec<(usize, usize)> {
            align(l, r).iter().map(|p| (p.0, p.1)).collect()
        };
        // Two tasks sharing one word of six, and nothing else: each the other's clear
        // favourite, under the threshold and over the floor.
        let (row, task) = ([words(&[1, 2, 3, 4, 5, 6])], [words(&[1, 7, 8, 9, 10, 11])]);
        let s = row[0].similarity(&task[0]);
        assert!((FLOOR..THRESHOLD).contains(&s), "{s}");
        assert_eq!(pairs(&side(&row, 0), &side(&task, 10)), [(0, 0)]);
        // A guiding thought as close to a task once the role penalty is counted: the
        // annotators pair a guiding thought with the other plan's framing, never with a
        // task, so standing out for one task makes it no counterpart.
        let (thought, task) = ([words(&[1, 2, 3])], [words(&[1, 4, 5])]);
        let s = ROLE_PENALTY * thought[0].similarity(&task[0]);
        assert!((FLOOR..THRESHOLD).contains(&s), "{s}");
        assert_eq!(
            pairs(&in_role(&thought, 0, Role::Framing), &side(&task, 10)),
            []
        );
    }

    #[test]
    fn a_broad_paragraph_keeps_the_crowd_of_passages_only_where_it_names_their_topic() {
        // Forty like passages, each as near one paragraph (a little nearer) as another:
        // no favourite, and the paragraph ranks them in bundle order, so the mutual rule
        // keeps the first `MUTUAL × 40` of them.
        let with_topic = |topics: &[u32]| Features {
            words: Vector::unit(vec![(1, 1.0), (2, 0.9), (3, 0.5)]),
            topics: Vector::unit(topics.iter().map(|&t| (t, 1.0)).collect()),
            ..Features::default()
        };
        let rows: Vec<Features> = (0..40).map(|_| with_topic(&[7, 8])).collect();
        let beside_first = |paragraph: Features, row_chars: usize| -> usize {
            let right = [paragraph, words(&[2])];
            let mut l = side(&rows, 0);
            l.iter_mut().for_each(|c| c.chars = row_chars);
            let mut r = side(&right, 40);
            r.iter_mut().for_each(|c| c.chars = 100);
            align(&l, &r).iter().filter(|p| p.1 == 0).count()
        };
        let mutual = (MUTUAL * 40.0) as usize;
        assert!(CROWD < mutual);
        let broad = |topics: &[u32]| Features {
            words: Vector::unit(vec![(1, 1.0)]),
            topics: Vector::unit(topics.iter().map(|&t| (t, 1.0)).collect()),
            ..Features::default()
        };
        // A paragraph that names one of their topics keeps them all.
        assert_eq!(beside_first(broad(&[8]), 100), mutual);
        // One that names none keeps only those fewer than `CROWD` come closer to: seven
        // nearer make a crowd already (eight left Hunan's high-tech paragraph beside the
        // eighth of Henan's logistics and services passages nearest it).
        assert_eq!(beside_first(broad(&[9]), 100), CROWD);
        // Unless they are much shorter: a paragraph names a row's topic in a word.
        assert_eq!(beside_first(broad(&[9]), 10), mutual);
        // Only the two heaviest topics say what a passage is about.
        let third = Features {
            topics: Vector::unit(vec![(7, 1.0), (8, 1.0), (9, 0.5)]),
            ..with_topic(&[])
        };
        assert!(off_topic(&third, &broad(&[9])));
        assert!(!off_topic(&third, &broad(&[8])));
        // A passage that names no topic is never off topic.
        assert!(!off_topic(&with_topic(&[]), &broad(&[9])));
    }

    #[test]
    fn a_summary_keeps_at_most_its_best_few_of_a_long_plan() {
        // Like rows, each as near one paragraph (first in bundle order) as another: no
        // favourite, and the paragraph ranks them in bundle order.
        let torn = |n: usize| -> Vec<Features> { (0..n).map(|_| words(&[1, 2])).collect() };
        let right = [words(&[1]), words(&[2])];
        // Of forty, `MUTUAL ×` forty stand beside it; of two hundred, not `MUTUAL ×` two
        // hundred but its best `MUTUAL_MOST`.
        assert_eq!(with_first(&torn(40), &right), (MUTUAL * 40.0) as usize);
        assert!(MUTUAL * 200.0 > MUTUAL_MOST as f32);
        assert_eq!(with_first(&torn(200), &right), MUTUAL_MOST);
        // A clear favourite is not held to it.
        let rows: Vec<Features> = (0..200).map(|k| words(&[1, 10 + k])).collect();
        assert_eq!(with_first(&rows, &right), 200);
    }

    #[test]
    fn a_task_does_not_choose_a_goal_but_a_goal_chooses_a_task() {
        // Two tasks near one goal paragraph, which is nearer the first.
        let tasks = [words(&[1, 2]), words(&[1, 3, 4])];
        let goal = [words(&[1, 2, 5])];
        let pairs = |l: &[Candidate], r: &[Candidate]| -> Vec<(usize, usize)> {
            align(l, r).iter().map(|p| (p.0, p.1)).collect()
        };
        let as_goal = in_role(&goal, 10, Role::Goal);
        assert_eq!(pairs(&side(&tasks, 0), &as_goal), [(0, 0)]);
        // The same paragraph as a task: each task chooses it.
        let as_task = in_role(&goal, 10, Role::Task);
        assert_eq!(pairs(&side(&tasks, 0), &as_task), [(0, 0), (1, 0)]);
    }

    #[test]
    fn a_passage_beside_very_many_keeps_only_those_near_its_best() {
        // Rows that each stand out for one summary paragraph: strong ones sharing one of
        // their two words with it, weak ones one of their nine, under half the score.
        let rows = |strong: usize, weak: usize| -> Vec<Features> {
            (0..strong as u32)
                .map(|k| words(&[1, 10 + k]))
                .chain((0..weak as u32).map(|k| {
                    let mut terms = vec![1];
                    terms.extend(100 + 10 * k..108 + 10 * k);
                    words(&terms)
                }))
                .collect()
        };
        let summary = [words(&[1])];
        let (strong, weak) = (rows(1, 1)[0].clone(), rows(0, 1)[0].clone());
        let best = strong.similarity(&summary[0]);
        assert!(weak.similarity(&summary[0]) < HUB.1 * best);
        assert!(weak.similarity(&summary[0]) >= FLOOR);
        // `HUB.0` pairs are not a hub: the weak rows stay beside it.
        assert_eq!(with_first(&rows(HUB.0 - 4, 4), &summary), HUB.0);
        // One more strong row makes it one, which keeps only the strong rows; and the
        // same whichever side it is on.
        assert_eq!(with_first(&rows(HUB.0 + 1, 4), &summary), HUB.0 + 1);
        let hub = side(&summary, 0);
        let many = rows(HUB.0 + 1, 4);
        assert_eq!(align(&hub, &side(&many, 1)).len(), HUB.0 + 1);
    }
}
