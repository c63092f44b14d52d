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

use super::tokens::{Token, pair, single, tokens};

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

/// Diffs two passages.
///
/// ```
/// use policy_compare::compare::diff::{diff, SpanKind};
/// let d = diff("到2020年进出口总额突破300亿美元", "到2020年进出口总额突破500亿美元");
/// let changed: Vec<_> = d.left.iter().filter(|s| s.kind == SpanKind::Changed).map(|s| s.text.as_str()).collect();
/// assert_eq!(changed, ["300"]);
/// ```
pub fn diff(left: &str, right: &str) -> Diff {
    let lt = tokens(left);
    let rt = tokens(right);
    let (lk, rk) = keys(&lt, &rt);
    let chunks = cleanup(chunks(&matches(&lk, &rk), lk.len(), rk.len()), &lt, &rt);
    let mut diff = render(&chunks, &lt, &rt);
    mark_moved(&mut diff);
    diff
}

/// Each token as a number that is equal exactly when the texts are: the character itself,
/// or for a number or word of several characters an id past the last code point. Myers
/// compares tokens millions of times on a long pair; numbers make that three to four
/// times faster than comparing strings.
fn keys<'a>(left: &[Token<'a>], right: &[Token<'a>]) -> (Vec<u32>, Vec<u32>) {
    // A pair of passages has a handful of numbers and words: a list does.
    let mut words: Vec<&'a str> = Vec::new();
    let mut key = |t: &Token<'a>| -> u32 {
        let text = t.text();
        match single(text) {
            Some(c) => u32::from(c),
            None => {
                let at = words.iter().position(|w| *w == text).unwrap_or_else(|| {
                    words.push(text);
                    words.len() - 1
                });
                char::MAX as u32 + 1 + at as u32
            }
        }
    };
    let l = left.iter().map(&mut key).collect();
    let r = right.iter().map(&mut key).collect();
    (l, r)
}

/// The tokens the two sides share, as (left index, right index) in increasing order: a
/// longest common subsequence of the tokens that can take part in a shared phrase.
///
/// Why the filter: Myers costs (length × differences), and the pairs the engine aligns
/// are often long and mostly different — a full comparison spent three quarters of its
/// time here. A token that is not in a bigram the other side also has can only match
/// alone, as a one-character "shared" run amid changes, which [`cleanup`] would absorb
/// anyway; leaving such tokens out before Myers shrinks the input of a dissimilar pair
/// several times over and changes what the reader sees very little.
fn matches(lk: &[u32], rk: &[u32]) -> Vec<(usize, usize)> {
    // What the two share at the start and the end is matched as it stands, whatever the
    // filter below would say (a text diffed with itself is all shared, even one character).
    let prefix = lk.iter().zip(rk).take_while(|(a, b)| a == b).count();
    let suffix = lk[prefix..]
        .iter()
        .rev()
        .zip(rk[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (ml, mr) = (
        &lk[prefix..lk.len() - suffix],
        &rk[prefix..rk.len() - suffix],
    );
    let mut out: Vec<(usize, usize)> = (0..prefix).map(|i| (i, i)).collect();
    out.extend(
        middle_matches(ml, mr)
            .into_iter()
            .map(|(i, j)| (i + prefix, j + prefix)),
    );
    out.extend((0..suffix).map(|k| (ml.len() + prefix + k, mr.len() + prefix + k)));
    out
}

/// [`matches`] between the common prefix and suffix.
fn middle_matches(lk: &[u32], rk: &[u32]) -> Vec<(usize, usize)> {
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
    // preflight and heuristics, for inputs far larger than a filtered pair, cost 22 KB of
    // wasm and changed no diff of the snapshots).
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

/// Groups the tokens into alternating shared and changed runs, given the shared ones.
fn chunks(matches: &[(usize, usize)], left: usize, right: usize) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
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
    for &(a, b) in matches {
        push(false, i..a, j..b);
        push(true, a..a + 1, b..b + 1);
        (i, j) = (a + 1, b + 1);
    }
    push(false, i..left, j..right);
    out
}

fn chars(tokens: &[Token<'_>], range: &std::ops::Range<usize>) -> usize {
    tokens[range.clone()]
        .iter()
        .map(|t| t.text().chars().count())
        .sum()
}

/// Absorbs shared runs no longer than the changes around them, until none is left. A
/// shared run of [`PHRASE`] characters or more stays: that is a word or phrase the two
/// passages really share (`电子口岸`, `互联互通`), however much changed around it.
fn cleanup(mut chunks: Vec<Chunk>, lt: &[Token<'_>], rt: &[Token<'_>]) -> Vec<Chunk> {
    let size = |c: &Chunk| chars(lt, &c.left).max(chars(rt, &c.right));
    let phrase = |c: &Chunk| {
        lt[c.left.clone()]
            .iter()
            .flat_map(|t| t.text().chars())
            .filter(|c| c.is_alphanumeric())
            .count()
            >= PHRASE
    };
    loop {
        let absorbed = (1..chunks.len().saturating_sub(1)).find(|&i| {
            let between_changes = chunks[i].same && !chunks[i - 1].same && !chunks[i + 1].same;
            // A sliver of one or two characters between changes is noise whatever the sizes
            // (`[提升郑]州新[郑]`); a longer one goes if the changes around it dwarf it.
            let sliver = size(&chunks[i]) <= 2;
            between_changes
                && !phrase(&chunks[i])
                && (sliver
                    || (size(&chunks[i]) <= size(&chunks[i - 1])
                        && size(&chunks[i]) <= size(&chunks[i + 1])))
        });
        let Some(i) = absorbed else {
            return chunks;
        };
        let next = chunks.remove(i + 1);
        chunks.remove(i);
        let previous = &mut chunks[i - 1];
        previous.left.end = next.left.end;
        previous.right.end = next.right.end;
    }
}

fn render(chunks: &[Chunk], lt: &[Token<'_>], rt: &[Token<'_>]) -> Diff {
    let text = |tokens: &[Token<'_>], range: &std::ops::Range<usize>| -> String {
        tokens[range.clone()].iter().map(|t| t.text()).collect()
    };
    let mut diff = Diff {
        left: Vec::new(),
        right: Vec::new(),
    };
    for chunk in chunks {
        let (l, r) = (text(lt, &chunk.left), text(rt, &chunk.right));
        let kind = if !chunk.same {
            SpanKind::Changed
        } else if reused(&l) {
            SpanKind::Reused
        } else {
            SpanKind::Same
        };
        push(&mut diff.left, l, kind);
        push(&mut diff.right, r, kind);
    }
    diff
}

/// Whether a shared run is long enough to be reuse, not counting the names every plan
/// repeats.
fn reused(text: &str) -> bool {
    let mut rest = text.to_owned();
    for stock in STOCK {
        rest = rest.replace(stock, "");
    }
    rest.chars().filter(|c| c.is_alphanumeric()).count() >= REUSED
}

/// The longest common substring of two texts: (length in chars, start in a, start in b),
/// in char indices.
fn longest_common(a: &[char], b: &[char]) -> (usize, usize, usize) {
    let mut best = (0, 0, 0);
    // One row of the usual table, updated from the right so that `run[j - 1]` still
    // holds the previous row's value: no allocation per row.
    let mut run = vec![0usize; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        // Ties go to the earliest start in `a`, then in `b`.
        let mut row = (0, 0);
        for j in (1..=b.len()).rev() {
            run[j] = if b[j - 1] == ca { run[j - 1] + 1 } else { 0 };
            if run[j] > 0 && run[j] >= row.0 {
                row = (run[j], j);
            }
        }
        if row.0 > best.0 {
            best = (row.0, i + 1 - row.0, row.1 - row.0);
        }
    }
    best
}

/// Splits span `k` of `spans` into before / `kind` / after at char range `at..at + len`.
fn split_span(spans: &mut Vec<Span>, k: usize, at: usize, len: usize, kind: SpanKind) {
    let chars: Vec<char> = spans[k].text.chars().collect();
    let old = spans[k].kind;
    let piece = |r: std::ops::Range<usize>, kind| Span {
        text: chars[r].iter().collect(),
        kind,
    };
    let parts = [
        piece(0..at, old),
        piece(at..at + len, kind),
        piece(at + len..chars.len(), old),
    ];
    spans.splice(k..=k, parts.into_iter().filter(|p| !p.text.is_empty()));
}

/// Marks phrases that both sides have in their changed text (in another place) as moved,
/// longest first.
fn mark_moved(diff: &mut Diff) {
    let changed = |spans: &[Span]| -> Vec<(usize, Vec<char>)> {
        spans
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == SpanKind::Changed && s.text.chars().nth(MOVED - 1).is_some())
            .map(|(k, s)| (k, s.text.chars().collect()))
            .collect()
    };
    for _ in 0..16 {
        let mut best: Option<(usize, usize, usize, usize, usize)> = None;
        let rights = changed(&diff.right);
        for (i, lc) in changed(&diff.left) {
            for (j, rc) in &rights {
                let (len, a, b) = longest_common(&lc, rc);
                let j = *j;
                let alnum = lc[a..a + len]
                    .iter()
                    .filter(|c| c.is_alphanumeric())
                    .count();
                if alnum >= MOVED && best.is_none_or(|x| len > x.0) {
                    best = Some((len, i, a, j, b));
                }
            }
        }
        let Some((len, i, a, j, b)) = best else {
            return;
        };
        split_span(&mut diff.left, i, a, len, SpanKind::Moved);
        split_span(&mut diff.right, j, b, len, SpanKind::Moved);
    }
}

fn push(spans: &mut Vec<Span>, text: String, kind: SpanKind) {
    if text.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(&text),
        _ => spans.push(Span { text, kind }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // Marking a phrase moved splits spans but loses no text.
        assert_eq!(concat_kinds(&d.left), left);
        assert_eq!(concat_kinds(&d.right), right);
    }

    fn concat_kinds(spans: &[Span]) -> String {
        spans.iter().map(|s| s.text.as_str()).collect()
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
