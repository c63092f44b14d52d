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
use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::tokens::{Token, tokens};

/// A shared run at least this many characters long (punctuation aside) is reuse.
pub const REUSED: usize = 16;
/// A shared run at least this many characters long (punctuation aside) is kept even inside
/// a long rewrite.
pub const PHRASE: usize = 4;

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
}

/// Both sides of a diff: the spans of each concatenate to its passage's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    let lk: Vec<&str> = lt.iter().map(|t| t.text()).collect();
    let rk: Vec<&str> = rt.iter().map(|t| t.text()).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &lk, &rk);
    let chunks = cleanup(chunks(&ops), &lt, &rt);
    render(&chunks, &lt, &rt)
}

/// Groups the diff into alternating shared and changed runs.
fn chunks(ops: &[DiffOp]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    for op in ops {
        let (same, left, right) = match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => (true, old_index..old_index + len, new_index..new_index + len),
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (false, old_index..old_index + old_len, new_index..new_index),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (false, old_index..old_index, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                false,
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
        };
        match out.last_mut() {
            Some(last) if last.same == same => {
                last.left.end = left.end;
                last.right.end = right.end;
            }
            _ => out.push(Chunk { same, left, right }),
        }
    }
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
            chunks[i].same
                && !chunks[i - 1].same
                && !chunks[i + 1].same
                && !phrase(&chunks[i])
                && size(&chunks[i]) <= size(&chunks[i - 1])
                && size(&chunks[i]) <= size(&chunks[i + 1])
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
        } else if l.chars().filter(|c| c.is_alphanumeric()).count() >= REUSED {
            SpanKind::Reused
        } else {
            SpanKind::Same
        };
        push(&mut diff.left, l, kind);
        push(&mut diff.right, r, kind);
    }
    diff
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
                SpanKind::Same => s.text.clone(),
                SpanKind::Reused => format!("<{}>", s.text),
                SpanKind::Changed => format!("[{}]", s.text),
            })
            .collect()
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
