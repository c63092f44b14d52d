//! Diffs of two aligned passages that a person can read.
//!
//! A character diff of two Chinese sentences is confetti: any two of them share `的`, `和`,
//! `建设` here and there, and a raw diff keeps those as islands inside what is really one
//! rewritten clause. So: diff by [`tokens`](super::tokens) (numbers and Latin words
//! whole), then absorb every short shared run that is no longer than the changes on both
//! sides of it, until none is left — the rule of diff-match-patch's semantic cleanup. What
//! survives as shared is text the two plans really have in common; a shared run of
//! [`REUSED`] characters or more is marked as reuse, text copied word for word (often
//! from the national Vision and Actions document).

use serde::Serialize;
use similar::DiffOp;
use similar::algorithms::{Capture, myers};

use super::tokens::{Kind, alone, char_at, is_word, pair, scan};

/// A shared run at least this many characters long (punctuation aside) is reuse.
pub const REUSED: usize = 16;
/// A shared run at least this many characters long (punctuation aside) is kept even inside
/// a long rewrite.
pub const PHRASE: usize = 4;
/// A phrase at least this many characters long found in the changed text of both sides is
/// marked as moved.
pub const MOVED: usize = 5;
/// Names every plan repeats; a run is not reuse for containing them.
const STOCK: [&str; 2] = ["丝绸之路经济带和21世纪海上丝绸之路", "一带一路"];

/// A piece of one side of a diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The text, exactly as in the passage.
    pub text: String,
    /// How it relates to the other side.
    pub kind: SpanKind,
}

/// How a span relates to the other passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpanKind {
    /// In both passages.
    Same,
    /// In both passages, as a long verbatim run: text reuse.
    Reused,
    /// Only in this passage.
    Changed,
    /// In both passages, but in a different place: a phrase the diff could not line up
    /// (`整合优化海关特殊监管区域` / `海关特殊监管区域整合优化`).
    Moved,
    /// A term or phrase both passages use, in passages too different to diff: what two
    /// plans that say it in their own words have in common.
    Shared,
    /// Text of this passage's own in passages too different to diff: neither shared nor
    /// "changed", since there is no version of it to change from.
    Plain,
}

/// Both sides of a diff: the spans of each concatenate to its passage's text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// Spans of the left passage.
    pub left: Vec<Span>,
    /// Spans of the right passage.
    pub right: Vec<Span>,
}

/// A run of tokens: shared, or changed (possibly empty on one side).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Chunk {
    same: bool,
    left: std::ops::Range<usize>,
    right: std::ops::Range<usize>,
}

/// The most tokens the two sides may have between their common start and end for a diff:
/// Myers costs (length × differences), so this bounds a diff's time whatever the input (a
/// whole plan in one paragraph, say). Past it, [`try_diff`] gives up and the caller shows
/// the two texts another way. Passages are a few hundred characters; this is ten times
/// the longest near-copy of the corpus.
pub const MAX_TOKENS: usize = 5_000;

/// How much work (tokens × tokens, summed over the pairs of changed runs compared) the
/// search for moved phrases may do per phrase found; past it, no more are looked for.
const MOVED_WORK: usize = 1 << 21;

/// Diffs two passages; for sides too long to diff (see [`MAX_TOKENS`]), the whole of each
/// is a change.
///
/// ```
/// use policy_compare::compare::diff::{diff, SpanKind};
/// let d = diff("到2020年进出口总额突破300亿美元", "到2020年进出口总额突破500亿美元");
/// let changed: Vec<_> = d.left.iter().filter(|s| s.kind == SpanKind::Changed).map(|s| s.text.as_str()).collect();
/// assert_eq!(changed, ["300"]);
/// ```
pub fn diff(left: &str, right: &str) -> Diff {
    try_diff(left, right).unwrap_or_else(|| {
        let mut d = Diff::default();
        push(&mut d.left, left.to_owned(), SpanKind::Changed);
        push(&mut d.right, right.to_owned(), SpanKind::Changed);
        d
    })
}

/// Diffs two passages, unless what differs between them is longer than [`MAX_TOKENS`].
/// Every step is linear in the tokens but Myers (bounded by the cap) and the search for
/// moved phrases (bounded by its own budget).
pub fn try_diff(left: &str, right: &str) -> Option<Diff> {
    let (start, end) = shared_ends(left.as_bytes(), right.as_bytes());
    diff_with_ends(left, right, start, end)
}

/// [`try_diff`] with the first `start` bytes of both and their last `end` bytes kept
/// whole as one token each (see [`shared_ends`]).
fn diff_with_ends(left: &str, right: &str, start: usize, end: usize) -> Option<Diff> {
    let (mut l, mut r) = (
        Side::new(left, start, left.len() - end),
        Side::new(right, start, right.len() - end),
    );
    key_words(&mut l, &mut r);
    let (lk, rk) = (&l.keys[..], &r.keys[..]);
    let chunks = cleanup(chunks(&matches(lk, rk)?, lk.len(), rk.len()), &l, &r);
    let (mut ls, mut rs) = segments(&chunks, &l);
    mark_moved(&mut ls, &mut rs, &l, &r);
    Some(Diff {
        left: render(&ls, &l),
        right: render(&rs, &r),
    })
}

/// How many bytes at the start and at the end (of what is left after the start) the two
/// texts share up to a token boundary, where a token of both is the same on either side
/// of it: what [`Side::new`] keeps whole, as one token, instead of cutting it into tokens.
///
/// Why: a near-copy shares most of its text at its start and end, and tokenizing it was
/// the largest part of the cost of its diff; comparing bytes is several times cheaper.
/// The diff is the same: the token-level common start and end that [`split`] finds begin
/// with these two tokens, and the middle that it goes on with is the same (a test checks
/// the diff against one that tokenizes everything).
///
/// The start ends after a character that is a token by itself (not a digit, a Latin
/// letter or `.%％&`): the tokens before it end there on both sides whatever follows.
/// The end begins at such a character, a token by itself on both sides whatever precedes.
fn shared_ends(a: &[u8], b: &[u8]) -> (usize, usize) {
    let n = a.len().min(b.len());
    let mut p = 0;
    // Eight bytes at a time: most of a near-copy's bytes are compared here.
    while let (Some(x), Some(y)) = (word(a, p), word(b, p))
        && x == y
    {
        p += 8;
    }
    while p < n && a[p] == b[p] {
        p += 1;
    }
    // `p` is in a character of both sides or after the same one (valid UTF-8): back to
    // a boundary, then to one after a token by itself.
    let mut start = p;
    loop {
        while a.get(start).is_some_and(|&x| x & 0xC0 == 0x80) {
            start -= 1;
        }
        let mut c = start;
        while c > 0 {
            c -= 1;
            if a[c] & 0xC0 != 0x80 {
                break;
            }
        }
        if start == 0 || char_at(a, c).is_some_and(|(ch, _)| alone(ch)) {
            break;
        }
        start = c;
    }
    let most = n - p;
    let mut s = 0;
    while s + 8 <= most
        && let (Some(x), Some(y)) = (word(a, a.len() - s - 8), word(b, b.len() - s - 8))
        && x == y
    {
        s += 8;
    }
    while s < most && a[a.len() - 1 - s] == b[b.len() - 1 - s] {
        s += 1;
    }
    // The end: from the first boundary in the shared bytes, the first token by itself.
    let mut at = a.len() - s;
    while at < a.len() {
        if a[at] & 0xC0 != 0x80 {
            match char_at(a, at) {
                Some((ch, _)) if alone(ch) => break,
                _ => {}
            }
        }
        at += 1;
    }
    (start, a.len() - at)
}

/// The eight bytes of `text` from `at`, as one number.
#[inline(always)]
fn word(text: &[u8], at: usize) -> Option<u64> {
    let bytes: [u8; 8] = text.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(bytes))
}

/// One side of a diff: its text, its tokens' keys, and the sizes of what comes before
/// each token (and of the whole), so that a run's are a subtraction, counted once.
///
/// What the two texts share at their start and at their end (see [`shared_ends`]) is one
/// token each, with a key no other token has; tokens of the rest are what [`scan`] finds.
struct Side<'a> {
    text: &'a str,
    /// Each token as a number that is equal exactly when the texts are: the character
    /// itself, or for a number or word of several characters an id past the last code
    /// point (see [`key_words`]). Myers compares tokens millions of times on a long pair;
    /// numbers make that three to four times faster than comparing strings.
    keys: Vec<u32>,
    /// The tokens of several characters, which [`key_words`] gives their keys.
    words: Vec<usize>,
    before: Vec<Sizes>,
}

/// The key of a token of several characters until [`key_words`] gives it its own: one no
/// character has.
const WORD: u32 = u32::MAX;
/// The key of the shared start (see [`shared_ends`]).
const SHARED_START: u32 = u32::MAX - 1;
/// The key of the shared end.
const SHARED_END: u32 = u32::MAX - 2;

/// The sizes of bytes `from..to` of a text (on character boundaries). The weight is what
/// the thresholds of shared, reused and moved runs count: the characters that are a
/// digit, a Latin letter or a Chinese character, not punctuation or space, so that a
/// number's `.` and `%` and a word's `&` do not count (by class, not
/// `char::is_alphanumeric`, whose Unicode tables the widget need not carry).
fn sizes(text: &[u8], from: usize, to: usize) -> Sizes {
    let mut out = Sizes {
        bytes: to - from,
        ..Sizes::default()
    };
    let mut i = from;
    while i < to
        && let Some((c, n)) = char_at(text, i)
    {
        out.chars += 1;
        if is_word(c) {
            out.weight += 1;
        }
        i += n;
    }
    out
}

/// Sizes of a stretch of text.
#[derive(Clone, Copy, Default)]
struct Sizes {
    bytes: usize,
    chars: usize,
    /// Characters that count as words: see [`sizes`].
    weight: usize,
}

impl<'a> Side<'a> {
    /// The side of `text` whose bytes before `start` and from `end` on are the shared
    /// start and end. Those two tokens count no characters and weigh nothing: they are
    /// only ever in the first and the last shared run, which [`cleanup`] never absorbs
    /// nor weighs and [`reused`] weighs from the text; counting them would cost what
    /// keeping them whole saves.
    fn new(text: &'a str, start: usize, end: usize) -> Side<'a> {
        let middle = text.get(start..end).unwrap_or_default();
        // Written by index into slices as long as the text has characters, not pushed
        // onto vectors: in the widget's wasm, built for size, `push` and `Vec`'s indexing
        // are calls per token.
        let most = middle.chars().count() + 2;
        let mut key_list = vec![0; most];
        let mut before_list = vec![Sizes::default(); most + 1];
        let (keys, before) = (&mut key_list[..], &mut before_list[..]);
        let (mut n, mut at, mut words) = (0, Sizes::default(), Vec::new());
        if start > 0 {
            at.bytes = start;
            keys[0] = SHARED_START;
            before[1] = at;
            n = 1;
        }
        while at.bytes < end
            && let Some(t) = scan(text.as_bytes(), at.bytes)
            && n < most
        {
            let (chars, w) = match t.kind {
                Kind::Han => (1, 1),
                Kind::Other => (1, 0),
                Kind::Number | Kind::Latin => {
                    let s = sizes(text.as_bytes(), at.bytes, t.end);
                    (s.chars, s.weight)
                }
            };
            keys[n] = if chars == 1 {
                t.first
            } else {
                words.push(n);
                WORD
            };
            at.bytes = t.end;
            at.chars += chars;
            at.weight += w;
            n += 1;
            before[n] = at;
        }
        if end < text.len() && n < most {
            keys[n] = SHARED_END;
            at.bytes = text.len();
            n += 1;
            before[n] = at;
        }
        key_list.truncate(n);
        before_list.truncate(n + 1);
        Side {
            text,
            keys: key_list,
            words,
            before: before_list,
        }
    }

    fn token(&self, i: usize) -> &'a str {
        self.text(&(i..i + 1))
    }

    fn chars(&self, r: &std::ops::Range<usize>) -> usize {
        self.before[r.end].chars - self.before[r.start].chars
    }

    fn weight(&self, r: &std::ops::Range<usize>) -> usize {
        self.before[r.end].weight - self.before[r.start].weight
    }

    fn text(&self, r: &std::ops::Range<usize>) -> &'a str {
        &self.text[self.before[r.start].bytes..self.before[r.end].bytes]
    }
}

/// Gives the tokens of several characters of both sides their keys: one per distinct
/// text, past the last code point.
fn key_words<'a>(l: &mut Side<'a>, r: &mut Side<'a>) {
    // Sorted, for a lookup in log time: a pair of passages has a handful of numbers and
    // words, a crafted one may have thousands.
    let mut words: Vec<&'a str> = Vec::new();
    for side in [&*l, &*r] {
        words.extend(side.words.iter().map(|&i| side.token(i)));
    }
    if words.is_empty() {
        return;
    }
    crate::sort::sort_by(&mut words, Ord::cmp);
    words.dedup();
    for side in [l, r] {
        for &i in &side.words {
            let at = words.binary_search(&side.token(i)).unwrap_or(0);
            side.keys[i] = char::MAX as u32 + 1 + at as u32;
        }
    }
}

/// Runs of tokens the two sides share, as (left start, right start, length) in increasing
/// order: a common subsequence of the tokens that can take part in a shared phrase;
/// `None` when what lies between the common start and end is too long to diff.
fn matches(lk: &[u32], rk: &[u32]) -> Option<Vec<(usize, usize, usize)>> {
    let (prefix, suffix) = common_ends(lk, rk);
    let (ml, mr) = (lk.len() - prefix - suffix, rk.len() - prefix - suffix);
    if ml > 0 && mr > 0 && ml + mr > MAX_TOKENS {
        return None;
    }
    // Sized for a near-copy's few edits: growing a vector is an allocation each time.
    let mut out = Vec::with_capacity(8);
    let mut work = HALF_MATCH_WORK * (ml + mr);
    split(lk, rk, (0, 0), &mut work, &mut out);
    Some(out)
}

/// How many tokens `a` and `b` share at their start, and then at their end.
fn common_ends(a: &[u32], b: &[u32]) -> (usize, usize) {
    let prefix = run(a, b);
    (prefix, run_back(&a[prefix..], &b[prefix..]))
}

/// How many tokens `a` and `b` share at their start. (Loops by index, here and below: in
/// the widget's wasm, built for size, iterator adapters are calls per token.)
#[inline(always)]
fn run(a: &[u32], b: &[u32]) -> usize {
    let n = a.len().min(b.len());
    let mut k = 0;
    while k < n && a[k] == b[k] {
        k += 1;
    }
    k
}

/// How many tokens `a` and `b` share at their end.
#[inline(always)]
fn run_back(a: &[u32], b: &[u32]) -> usize {
    let n = a.len().min(b.len());
    let mut k = 0;
    while k < n && a[a.len() - 1 - k] == b[b.len() - 1 - k] {
        k += 1;
    }
    k
}

/// Appends a run of `n` shared tokens at `(i, j)` to `out`, joined to the last run when
/// it goes on from there.
fn push_run(out: &mut Vec<(usize, usize, usize)>, i: usize, j: usize, n: usize) {
    match out.last_mut() {
        _ if n == 0 => {}
        Some((a, b, m)) if *a + *m == i && *b + *m == j => *m += n,
        _ => out.push((i, j, n)),
    }
}

/// How many token comparisons per token of the middle the search for half matches may
/// make in all (see [`split`]); past it, what is left is diffed whole.
const HALF_MATCH_WORK: usize = 16;

/// [`matches`] of `lk` and `rk`, which start at `at` in the whole sides, appended to `out`.
///
/// What the two share at the start and the end is matched as it stands, whatever the
/// filter of [`filtered_matches`] would say (a text diffed with itself is all shared, even
/// one character). Then, as diff-match-patch does, a run shared by both that is at least
/// half of the longer middle (see [`half_match`]) splits the problem in two smaller ones:
/// an edited copy, which differs in a few places, comes apart into its edits at a cost
/// linear in its length, where the filter and Myers would each go over the whole middle.
/// A run that long is in the diff of nearly any pair that has it; a pair with none (most
/// pairs the engine aligns, whose wording differs) goes to the filter and Myers whole.
/// Each split at least halves the longer side, so the recursion is shallow.
fn split(
    lk: &[u32],
    rk: &[u32],
    (i, j): (usize, usize),
    work: &mut usize,
    out: &mut Vec<(usize, usize, usize)>,
) {
    let (prefix, suffix) = common_ends(lk, rk);
    push_run(out, i, j, prefix);
    let (ml, mr) = (
        &lk[prefix..lk.len() - suffix],
        &rk[prefix..rk.len() - suffix],
    );
    let (i, j) = (i + prefix, j + prefix);
    if !ml.is_empty() && !mr.is_empty() {
        if let Some((a, b, n)) = half_match(ml, mr, work) {
            split(&ml[..a], &mr[..b], (i, j), work, out);
            push_run(out, i + a, j + b, n);
            split(
                &ml[a + n..],
                &mr[b + n..],
                (i + a + n, j + b + n),
                work,
                out,
            );
        } else {
            for (a, b) in filtered_matches(ml, mr) {
                push_run(out, i + a, j + b, 1);
            }
        }
    }
    push_run(out, i + ml.len(), j + mr.len(), suffix);
}

/// A run of tokens both `a` and `b` have, at least half as long as the longer of the two,
/// as (start in a, start in b, length); `None` if there is none, or if finding it would
/// take more than the `work` left.
///
/// A run that long holds the second or the third quarter of the longer side whole, so
/// looking for those two quarters in the shorter side, and growing each occurrence both
/// ways, finds it (diff-match-patch's half match). The naive search is quadratic on
/// crafted input (a side of one repeated character), hence the budget.
fn half_match(a: &[u32], b: &[u32], work: &mut usize) -> Option<(usize, usize, usize)> {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if long.len() < 4 || short.len() * 2 < long.len() {
        return None;
    }
    let q = long.len() / 4;
    // (start in long, start in short, length)
    let mut best = (0, 0, 0);
    for at in [long.len().div_ceil(4), long.len().div_ceil(2)] {
        let seed = &long[at..at + q];
        let mut k = 0;
        while k + q <= short.len() {
            k += 1;
            // Most places differ at once: look no further there.
            let same = if short[k - 1] == seed[0] {
                run(seed, &short[k - 1..])
            } else {
                0
            };
            *work = work.checked_sub(same + 1)?;
            if same < q {
                continue;
            }
            let k = k - 1;
            let back = run_back(&long[..at], &short[..k]);
            let ahead = run(&long[at + q..], &short[k + q..]);
            *work = work.checked_sub(back + ahead)?;
            if back + q + ahead > best.2 {
                best = (at - back, k - back, back + q + ahead);
            }
        }
    }
    let (l, s, n) = best;
    if n * 2 < long.len() {
        None
    } else if a.len() >= b.len() {
        Some((l, s, n))
    } else {
        Some((s, l, n))
    }
}

/// The tokens two middles share, as (left index, right index) in increasing order: a
/// longest common subsequence of the tokens that can take part in a shared phrase.
///
/// Why the filter: Myers costs (length × differences), and the pairs the engine aligns
/// are often long and mostly different — a full comparison spent three quarters of its
/// time here. A token that is not in a bigram the other side also has can only match
/// alone, as a one-character "shared" run amid changes, which [`cleanup`] would absorb
/// anyway; leaving such tokens out before Myers shrinks the input of a dissimilar pair
/// several times over and changes what the reader sees very little.
fn filtered_matches(lk: &[u32], rk: &[u32]) -> Vec<(usize, usize)> {
    // A side of one token has no bigram: nothing is kept on either side. (The changed
    // number of a near-copy comes here alone.)
    if lk.len() < 2 || rk.len() < 2 {
        return Vec::new();
    }
    let bigrams = |k: &[u32]| crate::sort::set_of(k.windows(2).map(|w| pair(w[0], w[1])).collect());
    let kept = |k: &[u32], other: &[u64]| -> Vec<usize> {
        let has = |a: u32, b: u32| other.binary_search(&pair(a, b)).is_ok();
        (0..k.len())
            .filter(|&i| (i > 0 && has(k[i - 1], k[i])) || (i + 1 < k.len() && has(k[i], k[i + 1])))
            .collect()
    };
    let (lb, rb) = (bigrams(lk), bigrams(rk));
    let (li, ri) = (kept(lk, &rb), kept(rk, &lb));
    let lf: Vec<u32> = li.iter().map(|&i| lk[i]).collect();
    let rf: Vec<u32> = ri.iter().map(|&j| rk[j]).collect();
    // Plain Myers, not `capture_diff_slices` (its runtime choice of algorithm would put
    // all five of similar's algorithms in the widget's wasm) nor `myers::diff` (its
    // preflight and heuristics are for inputs far larger than a filtered pair, and changed
    // no diff of the snapshots); the size test keeps the wasm within its budget.
    let mut capture = Capture::new();
    let Ok(()) = myers::diff_deadline_raw(
        &mut capture,
        &lf[..],
        0..lf.len(),
        &rf[..],
        0..rf.len(),
        None,
    );
    let mut out = Vec::new();
    for op in capture.into_ops() {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            out.extend((0..len).map(|d| (li[old_index + d], ri[new_index + d])));
        }
    }
    out
}

/// Groups the tokens into alternating shared and changed runs, given the shared runs.
fn chunks(matches: &[(usize, usize, usize)], left: usize, right: usize) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::with_capacity(2 * matches.len() + 1);
    let mut push = |same: bool, l: std::ops::Range<usize>, r: std::ops::Range<usize>| {
        if l.is_empty() && r.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.same == same => {
                last.left.end = l.end;
                last.right.end = r.end;
            }
            _ => out.push(Chunk {
                same,
                left: l,
                right: r,
            }),
        }
    };
    let (mut i, mut j) = (0, 0);
    for &(a, b, n) in matches {
        push(false, i..a, j..b);
        push(true, a..a + n, b..b + n);
        (i, j) = (a + n, b + n);
    }
    push(false, i..left, j..right);
    out
}

/// Absorbs shared runs no longer than the changes around them, until none is left. A
/// shared run of [`PHRASE`] characters or more stays: that is a word or phrase the two
/// passages really share (`电子口岸`, `互联互通`), however much changed around it.
///
/// Absorbing a run changes only its neighbours' neighbourhood, so the scan steps back two
/// places after each and goes on: linear in the runs, not quadratic.
fn cleanup(mut chunks: Vec<Chunk>, l: &Side<'_>, r: &Side<'_>) -> Vec<Chunk> {
    let size = |c: &Chunk| l.chars(&c.left).max(r.chars(&c.right));
    let phrase = |c: &Chunk| l.weight(&c.left) >= PHRASE;
    let mut i = 1;
    while i + 1 < chunks.len() {
        #[cfg(test)]
        tests::CLEANUP_STEPS.with(|n| n.set(n.get() + 1));
        let between_changes = chunks[i].same && !chunks[i - 1].same && !chunks[i + 1].same;
        // A sliver of one or two characters between changes is noise whatever the sizes
        // (`[提升郑]州新[郑]`); a longer one goes if the changes around it dwarf it.
        let absorbed = between_changes && !phrase(&chunks[i]) && {
            let here = size(&chunks[i]);
            here <= 2 || (here <= size(&chunks[i - 1]) && here <= size(&chunks[i + 1]))
        };
        if !absorbed {
            i += 1;
            continue;
        }
        let next = chunks.remove(i + 1);
        chunks.remove(i);
        let previous = &mut chunks[i - 1];
        previous.left.end = next.left.end;
        previous.right.end = next.right.end;
        i = i.saturating_sub(2).max(1);
    }
    chunks
}

/// One side's runs of tokens, each with its kind.
type Segments = Vec<(std::ops::Range<usize>, SpanKind)>;

/// The chunks as each side's runs: changed, shared, or reused (a long shared run).
fn segments(chunks: &[Chunk], left: &Side<'_>) -> (Segments, Segments) {
    let (mut ls, mut rs) = (
        Vec::with_capacity(chunks.len()),
        Vec::with_capacity(chunks.len()),
    );
    for chunk in chunks {
        let r = &chunk.left;
        let kind = if !chunk.same {
            SpanKind::Changed
        } else if reused(left, r) {
            SpanKind::Reused
        } else {
            SpanKind::Same
        };
        if !chunk.left.is_empty() {
            ls.push((chunk.left.clone(), kind));
        }
        if !chunk.right.is_empty() {
            rs.push((chunk.right.clone(), kind));
        }
    }
    (ls, rs)
}

fn render(segments: &Segments, side: &Side<'_>) -> Vec<Span> {
    let mut out = Vec::with_capacity(segments.len());
    for (range, kind) in segments {
        push(&mut out, side.text(range).to_owned(), *kind);
    }
    out
}

/// Whether a shared run (tokens `r` of `side`) is long enough to be reuse, not counting
/// the names every plan repeats. A run with the shared start or end (which weigh nothing
/// in `side`'s sizes: see [`Side::new`]) is weighed from its text.
fn reused(side: &Side<'_>, r: &std::ops::Range<usize>) -> bool {
    let ends = side.keys.get(r.start) == Some(&SHARED_START)
        || r.end.checked_sub(1).and_then(|k| side.keys.get(k)) == Some(&SHARED_END);
    (ends || side.weight(r) >= REUSED) && weighs_beyond_stock(side.text(r).as_bytes(), REUSED)
}

/// Whether the characters of `text` outside the [`STOCK`] names weigh `least` or more
/// (see [`sizes`]); the names found as `str::matches` finds them, leftmost and without
/// overlaps (the two cannot overlap each other). Read from the start only as far as it
/// takes: a long shared run of a near-copy is decided in its first few characters.
fn weighs_beyond_stock(text: &[u8], least: usize) -> bool {
    let mut weight = 0;
    let mut at = 0;
    'chars: while let Some((c, n)) = char_at(text, at) {
        for name in STOCK {
            if text[at] == name.as_bytes()[0] && text[at..].starts_with(name.as_bytes()) {
                at += name.len();
                continue 'chars;
            }
        }
        if is_word(c) {
            weight += 1;
            if weight >= least {
                return true;
            }
        }
        at += n;
    }
    weight >= least
}

/// The longest common run of tokens of `a` and `b` by weight: (tokens, start in a,
/// start in b, weight). `wa[i].weight` is the weight of `a[..i]`.
fn longest_common(a: &[u32], b: &[u32], wa: &[Sizes]) -> (usize, usize, usize, usize) {
    let mut best = (0, 0, 0, 0);
    // One row of the usual table, updated from the right so that `run[j - 1]` still
    // holds the previous row's value: no allocation per row.
    let mut run = vec![0usize; b.len() + 1];
    for (i, &ka) in a.iter().enumerate() {
        for j in (1..=b.len()).rev() {
            run[j] = if b[j - 1] == ka { run[j - 1] + 1 } else { 0 };
            let len = run[j];
            if len > 0 {
                let w = wa[i + 1].weight - wa[i + 1 - len].weight;
                // Ties go to the earliest start in `a`, then in `b`.
                if w > best.3 {
                    best = (len, i + 1 - len, j - len, w);
                }
            }
        }
    }
    best
}

/// Splits segment `k` at token range `at..at + len` into before / `kind` / after.
fn split_segment(segments: &mut Segments, k: usize, at: usize, len: usize, kind: SpanKind) {
    let (range, old) = segments[k].clone();
    let parts = [
        (range.start..at, old),
        (at..at + len, kind),
        (at + len..range.end, old),
    ];
    segments.splice(k..=k, parts.into_iter().filter(|(r, _)| !r.is_empty()));
}

/// Marks phrases that both sides have in their changed text (in another place) as moved,
/// longest first, on token boundaries (a number is never cut), within a work budget.
fn mark_moved(ls: &mut Segments, rs: &mut Segments, l: &Side<'_>, r: &Side<'_>) {
    let (lk, rk) = (&l.keys[..], &r.keys[..]);
    let candidate = |(r, kind): &(std::ops::Range<usize>, SpanKind), side: &Side<'_>| {
        *kind == SpanKind::Changed && side.weight(r) >= MOVED
    };
    let changed = |segments: &Segments, side: &Side<'_>| -> Vec<usize> {
        (0..segments.len())
            .filter(|&k| candidate(&segments[k], side))
            .collect()
    };
    // Most near-copies have no change long enough to be a moved phrase.
    if !ls.iter().any(|s| candidate(s, l)) || !rs.iter().any(|s| candidate(s, r)) {
        return;
    }
    for _ in 0..16 {
        let (lefts, rights) = (changed(ls, l), changed(rs, r));
        let work: usize = lefts.iter().map(|&i| ls[i].0.len()).sum::<usize>()
            * rights.iter().map(|&j| rs[j].0.len()).sum::<usize>();
        if work > MOVED_WORK {
            return;
        }
        // (weight, tokens, segment left, start, segment right, start)
        let mut best: Option<(usize, usize, usize, usize, usize, usize)> = None;
        for &i in &lefts {
            let a = ls[i].0.clone();
            for &j in &rights {
                let b = rs[j].0.clone();
                let (len, sa, sb, w) =
                    longest_common(&lk[a.clone()], &rk[b.clone()], &l.before[a.start..]);
                if w >= MOVED && best.is_none_or(|x| w > x.0) {
                    best = Some((w, len, i, a.start + sa, j, b.start + sb));
                }
            }
        }
        let Some((_, len, i, a, j, b)) = best else {
            return;
        };
        split_segment(ls, i, a, len, SpanKind::Moved);
        split_segment(rs, j, b, len, SpanKind::Moved);
    }
}

/// Appends a span, joined to the last when of the same kind — except moved phrases: each
/// is one phrase with its counterpart on the other side, and two of them side by side on
/// one side may be apart on the other (found by fuzzing: joined, the two sides' moved
/// phrases no longer matched).
fn push(spans: &mut Vec<Span>, text: String, kind: SpanKind) {
    if text.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.kind == kind && kind != SpanKind::Moved => last.text.push_str(&text),
        _ => spans.push(Span { text, kind }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tokens::{Token, tokens};
    use proptest::prelude::*;

    thread_local! {
        /// How many places [`cleanup`] looked at: its work, for the test of its cost.
        pub static CLEANUP_STEPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    #[test]
    fn each_moved_phrase_is_one_span_on_both_sides() {
        // Found by the diff fuzz target: two moved phrases side by side on one side, apart
        // on the other, were joined into one span on the first.
        let data = include_bytes!("../../fuzz/seeds/diff/moved-phrases-side-by-side-on-one-side");
        let cut = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len());
        let left = String::from_utf8_lossy(&data[..cut]);
        let right = String::from_utf8_lossy(data.get(cut + 1..).unwrap_or_default());
        let d = diff(&left, &right);
        let moved = |spans: &[Span]| {
            let mut texts: Vec<String> = spans
                .iter()
                .filter(|s| s.kind == SpanKind::Moved)
                .map(|s| s.text.clone())
                .collect();
            texts.sort();
            texts
        };
        assert!(!moved(&d.left).is_empty());
        assert_eq!(moved(&d.left), moved(&d.right));
    }

    #[test]
    fn cleanup_work_grows_linearly_with_the_runs() {
        // Shared phrases that stay, then slivers of one shared character between
        // changes, all absorbed: a scan that restarts from the beginning after each
        // absorbed sliver passes every phrase again, quadratic work.
        let steps = |n: usize| {
            let unit_left = "海关特殊监管甲乙";
            let unit_right = "海关特殊监管丙丁";
            let tail_left = "的甲乙";
            let tail_right = "的丙丁";
            let left = format!("{}{}", unit_left.repeat(n), tail_left.repeat(n));
            let right = format!("{}{}", unit_right.repeat(n), tail_right.repeat(n));
            let (l, r) = (
                Side::new(&left, 0, left.len()),
                Side::new(&right, 0, right.len()),
            );
            let mut chunks = Vec::new();
            for k in 0..n {
                let a = 8 * k;
                chunks.push(Chunk {
                    same: true,
                    left: a..a + 6,
                    right: a..a + 6,
                });
                chunks.push(Chunk {
                    same: false,
                    left: a + 6..a + 8,
                    right: a + 6..a + 8,
                });
            }
            for k in 0..n {
                let a = 8 * n + 3 * k;
                chunks.push(Chunk {
                    same: true,
                    left: a..a + 1,
                    right: a..a + 1,
                });
                chunks.push(Chunk {
                    same: false,
                    left: a + 1..a + 3,
                    right: a + 1..a + 3,
                });
            }
            CLEANUP_STEPS.with(|c| c.set(0));
            let out = cleanup(chunks, &l, &r);
            assert_eq!(out.len(), 2 * n, "the phrases stay, the slivers go");
            CLEANUP_STEPS.with(|c| c.get())
        };
        let (small, large) = (steps(500), steps(4000));
        assert!(
            large <= small * 8 + 16,
            "{small} steps for 500 runs, {large} for 4000"
        );
    }

    fn show(spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| match s.kind {
                SpanKind::Same | SpanKind::Plain => s.text.clone(),
                SpanKind::Reused | SpanKind::Shared => format!("<{}>", s.text),
                SpanKind::Changed => format!("[{}]", s.text),
                SpanKind::Moved => format!("{{{}}}", s.text),
            })
            .collect()
    }

    #[test]
    fn phrases_in_another_place_are_marked_moved() {
        let (left, right) = (
            "整合优化提升海关特殊监管区域",
            "海关特殊监管区域整合优化提升",
        );
        let d = diff(left, right);
        assert!(
            d.left.iter().any(|s| s.kind == SpanKind::Moved),
            "{}",
            show(&d.left)
        );
        assert_eq!(concat(&d.left), "整合优化提升海关特殊监管区域");
        assert_eq!(concat(&d.right), "海关特殊监管区域整合优化提升");
    }

    fn concat(spans: &[Span]) -> String {
        spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn no_stock_name_can_overlap_another() {
        // What lets [`weighs_beyond_stock`] look for all of them in one pass.
        for a in STOCK {
            for b in STOCK.iter().filter(|&&b| b != a) {
                assert!(!a.contains(b), "{a} {b}");
                for (k, _) in b.char_indices().skip(1) {
                    assert!(!a.ends_with(&b[..k]), "{a} {b}");
                }
            }
        }
    }

    #[test]
    fn stock_names_are_counted_as_str_matches_counts_them() {
        let long = STOCK[0];
        // The name ends as it begins: two of them can overlap.
        let overlapping = format!("甲{long}{}乙{long}", &long["丝绸之路".len()..]);
        for text in [
            overlapping.as_str(),
            "一带一路一带一路，一带",
            "",
            "推进一带一路和丝绸之路经济带和21世纪海上丝绸之路建设，2021年",
        ] {
            let weight = |t: &str| sizes(t.as_bytes(), 0, t.len()).weight;
            let stock: usize = STOCK
                .iter()
                .map(|name| text.matches(name).count() * weight(name))
                .sum();
            let beyond = weight(text) - stock;
            for least in 0..=60 {
                assert_eq!(
                    weighs_beyond_stock(text.as_bytes(), least),
                    beyond >= least,
                    "{text} {least}"
                );
            }
        }
    }

    #[test]
    fn the_initiative_s_name_is_not_reuse() {
        let d = diff(
            "推进丝绸之路经济带和21世纪海上丝绸之路建设",
            "参与丝绸之路经济带和21世纪海上丝绸之路建设",
        );
        assert!(d.left.iter().all(|s| s.kind != SpanKind::Reused));
    }

    #[test]
    fn a_changed_number_is_one_change() {
        let d = diff(
            "力争到2020年对沿线国家进出口总额突破300亿美元",
            "力争到2025年对沿线国家进出口总额突破500亿美元",
        );
        assert_eq!(
            show(&d.left),
            "力争到[2020]年对沿线国家进出口总额突破[300]亿美元"
        );
        assert_eq!(
            show(&d.right),
            "力争到[2025]年对沿线国家进出口总额突破[500]亿美元"
        );
    }

    #[test]
    fn small_shared_islands_inside_a_rewrite_are_absorbed() {
        let d = diff("加快建设现代物流体系", "积极推进航空枢纽建设");
        assert_eq!(show(&d.left), "[加快建设现代物流体系]");
        assert_eq!(show(&d.right), "[积极推进航空枢纽建设]");
    }

    #[test]
    fn long_shared_runs_are_marked_as_reuse() {
        let shared = "以政策沟通、设施联通、贸易畅通、资金融通、民心相通为主要内容";
        let d = diff(&format!("江西{shared}"), &format!("河南{shared}"));
        assert_eq!(show(&d.left), format!("[江西]<{shared}>"));
    }

    #[test]
    fn a_pair_too_long_to_diff_is_given_up_whole_and_quickly() {
        // Two whole plans as one paragraph each, nearly alike: Myers would take seconds.
        let base: String = (0..4000)
            .map(|i| if i % 7 == 0 { '，' } else { '建' })
            .collect();
        let left = format!("{base}江西");
        let right = format!("河南{}", base.replace("建建建", "设设设"));
        assert_eq!(try_diff(&left, &right), None);
        let d = diff(&left, &right);
        assert_eq!(show(&d.left), format!("[{left}]"));
        // Just under the cap it is diffed.
        let (l, r) = (&left[..3 * 1000], &right[..3 * 1000]);
        assert!(try_diff(l, r).is_some());
    }

    #[test]
    fn moved_phrases_keep_numbers_whole() {
        let d = diff(
            "到2020年进出口总额突破300亿美元，加快建设物流枢纽",
            "加快建设物流枢纽，到2025年进出口总额突破300亿美元",
        );
        for side in [&d.left, &d.right] {
            for s in side.iter() {
                assert!(
                    !s.text.starts_with(|c: char| c.is_ascii_digit()) || !s.text.starts_with('0'),
                    "{}",
                    show(side)
                );
            }
        }
        assert!(show(&d.left).contains("2020"), "{}", show(&d.left));
        assert!(!show(&d.left).contains("{到202}"), "{}", show(&d.left));
    }

    /// A text and an edited copy of it: characters of every class the tokens and the
    /// shared ends treat apart, cut, inserted and replaced in a few places.
    fn near_copy() -> impl Strategy<Value = (String, String)> {
        let text = "[0-9０-９.%％a-zA-Z&，。到年亿一带路丝绸之 ]{0,30}";
        (text, text, text, text, any::<bool>()).prop_map(|(a, b, c, d, swap)| {
            let (l, r) = (format!("{a}{b}{c}"), format!("{a}{d}{c}"));
            if swap { (r, l) } else { (l, r) }
        })
    }

    proptest! {
        #[test]
        fn keeping_the_shared_ends_whole_changes_no_diff((l, r) in near_copy()) {
            prop_assert_eq!(try_diff(&l, &r), diff_with_ends(&l, &r, 0, 0));
        }

        #[test]
        fn a_character_weighs_what_its_token_does(text in "[0-9０-９.%％a-zA-Z&，。到年亿㐀豈 \\PC]{0,40}") {
            // The weight of a token as it was counted by kind.
            let by_token: usize = tokens(&text)
                .iter()
                .map(|t| match t {
                    Token::Han(_) => 1,
                    Token::Number(s) => s.chars().filter(|c| !matches!(c, '.' | '%' | '％')).count(),
                    Token::Latin(s) => s.chars().filter(|&c| c != '&').count(),
                    Token::Other(_) => 0,
                })
                .sum();
            prop_assert_eq!(sizes(text.as_bytes(), 0, text.len()).weight, by_token);
        }
    }

    #[test]
    fn empty_sides() {
        let d = diff("", "新增内容");
        assert!(d.left.is_empty());
        assert_eq!(show(&d.right), "[新增内容]");
        assert_eq!(
            diff("", ""),
            Diff {
                left: vec![],
                right: vec![]
            }
        );
    }
}
