//! A comparison as plain text, for the command line and for snapshot tests: one block at
//! a time, as the widget shows them. In a near-copy, changed text is in `⟦…⟧`, copied text
//! in `⟪…⟫`, moved phrases in `⟨…⟩`; elsewhere the terms both passages use are in `⦃…⦄`
//! (marks that the plans themselves never use, unlike `[]` and `<>`).

use std::fmt::Write;

use super::targets::TargetRef;
use super::{Block, Comparison, PassageRef, Span, SpanKind, TargetTable};

fn marked(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| match s.kind {
            SpanKind::Same | SpanKind::Plain => s.text.clone(),
            SpanKind::Reused => format!("⟪{}⟫", s.text),
            SpanKind::Changed => format!("⟦{}⟧", s.text),
            SpanKind::Moved => format!("⟨{}⟩", s.text),
            SpanKind::Shared => format!("⦃{}⦄", s.text),
        })
        .collect()
}

fn path(p: &PassageRef) -> String {
    if p.path.is_empty() {
        "(preamble)".to_owned()
    } else {
        p.path.join(" › ")
    }
}

/// Renders a comparison. `==` blocks hold what both sides say about one topic: their left
/// (`L`) and right (`R`) passages, each pair's marks; `<<` runs are only on the left, `>>`
/// only on the right; boilerplate is folded to one line per passage (`··`).
pub fn to_text(c: &Comparison) -> String {
    to_text_with(c, false)
}

/// [`to_text`], or with `pairs_only` only the blocks where both sides speak.
pub fn to_text_with(c: &Comparison, pairs_only: bool) -> String {
    let mut out = String::new();
    let theme = c.theme.map_or("all", |t| t.id());
    let n = c.counts;
    let _ = writeln!(
        out,
        "{} ({}) vs {} ({}), theme {theme}: {} blocks, {} pairs; {} passages only left, {} only right, {} boilerplate",
        c.left.zh,
        c.left.region,
        c.right.zh,
        c.right.region,
        n.blocks,
        n.pairs,
        n.left_only,
        n.right_only,
        n.boilerplate
    );
    let line = |out: &mut String, side: &str, p: &PassageRef, text: &str| {
        let _ = writeln!(out, "  {side} {} › {}\n     {text}", p.document, path(p));
    };
    let one_sided = |out: &mut String, side: &str, arrow: &str, ids: &[usize]| {
        let _ = writeln!(out, "{arrow} {} passage(s)", ids.len());
        for &i in ids {
            let p = &c.passages[i];
            match p.boilerplate {
                Some(b) => {
                    let _ = writeln!(out, "  ·· {} ({}): {}", side, b.id(), p.text);
                }
                None => line(out, side, p, &p.text),
            }
        }
    };
    for block in &c.blocks {
        match block {
            Block::Both { left, right, pairs } => {
                let best = pairs
                    .iter()
                    .map(|&k| c.pairs[k].score)
                    .fold(0.0f32, f32::max);
                let _ = writeln!(out, "== {best:.2}  {} ⇄ {}", left.len(), right.len());
                if let [k] = pairs.as_slice() {
                    let pair = &c.pairs[*k];
                    line(
                        &mut out,
                        "L",
                        &c.passages[pair.left],
                        &marked(&pair.marks.left),
                    );
                    line(
                        &mut out,
                        "R",
                        &c.passages[pair.right],
                        &marked(&pair.marks.right),
                    );
                    continue;
                }
                for &i in left {
                    line(&mut out, "L", &c.passages[i], &c.passages[i].text);
                }
                for &i in right {
                    line(&mut out, "R", &c.passages[i], &c.passages[i].text);
                }
                // A pair names its passages by paragraph id, with the document's where a
                // side of the block draws on more than one (the national documents all
                // begin at `p1`).
                let several = |side: &[usize]| {
                    side.iter()
                        .any(|&j| c.passages[j].document != c.passages[side[0]].document)
                };
                let (left_several, right_several) = (several(left), several(right));
                let name = |several: bool, i: usize| {
                    let p = &c.passages[i];
                    if several {
                        format!("{}/{}", p.document, p.paragraph)
                    } else {
                        p.paragraph.clone()
                    }
                };
                for &k in pairs {
                    let pair = &c.pairs[k];
                    let shared: Vec<&str> = pair
                        .marks
                        .left
                        .iter()
                        .filter(|s| {
                            matches!(s.kind, SpanKind::Shared | SpanKind::Reused | SpanKind::Same)
                        })
                        .map(|s| s.text.as_str())
                        .collect();
                    let _ = writeln!(
                        out,
                        "  ~ {} ⇄ {} {:.2}: {}",
                        name(left_several, pair.left),
                        name(right_several, pair.right),
                        pair.score,
                        shared.join("、")
                    );
                }
            }
            Block::LeftOnly { passages } if !pairs_only => one_sided(&mut out, "L", "<<", passages),
            Block::RightOnly { passages } if !pairs_only => {
                one_sided(&mut out, "R", ">>", passages)
            }
            _ => {}
        }
    }
    out
}

fn target(t: &Option<TargetRef>) -> String {
    let Some(t) = t else {
        return "—".to_owned();
    };
    let value = match t.value_max {
        Some(max) => format!("{}–{}", t.value, max),
        None => t.value.to_string(),
    };
    let year = t.year.map(|y| format!(" ({y})")).unwrap_or_default();
    let amount = t.phrase(&value);
    format!("{} {amount}{year}", t.indicator)
}

/// Renders a target table: one line per row, left | right, grouped by theme.
pub fn targets_to_text(table: &TargetTable) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} vs {}: targets", table.left.zh, table.right.zh);
    for group in &table.groups {
        let _ = writeln!(out, "## {}", group.theme.map_or("—", |t| t.zh()));
        for row in &group.rows {
            let _ = writeln!(out, "  {}  |  {}", target(&row.left), target(&row.right));
        }
    }
    out
}
