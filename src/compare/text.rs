//! A comparison as plain text, for the command line and for snapshot tests: one block per
//! row, changed text in `[brackets]`, reused text in `<angles>`.

use std::fmt::Write;

use super::{Comparison, Row, Span, SpanKind};

fn marked(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| match s.kind {
            SpanKind::Same => s.text.clone(),
            SpanKind::Reused => format!("<{}>", s.text),
            SpanKind::Changed => format!("[{}]", s.text),
        })
        .collect()
}

/// Renders a comparison: `==` rows are pairs (with their similarity), `<<` rows are only on
/// the left, `>>` rows only on the right; each with the headings it sits under.
pub fn to_text(c: &Comparison) -> String {
    let mut out = String::new();
    let theme = c.theme.map_or("all", |t| t.id());
    let _ = writeln!(
        out,
        "{} ({}) vs {} ({}), theme {theme}: {} pairs, {} only left, {} only right",
        c.left.zh,
        c.left.region,
        c.right.zh,
        c.right.region,
        c.counts.pairs,
        c.counts.left_only,
        c.counts.right_only
    );
    for row in &c.rows {
        let _ = match row {
            Row::Pair {
                left,
                right,
                score,
                diff,
            } => writeln!(
                out,
                "== {score:.2}  {} | {}\n  L: {}\n  R: {}",
                left.path.join(" › "),
                right.path.join(" › "),
                marked(&diff.left),
                marked(&diff.right)
            ),
            Row::LeftOnly { passage } => writeln!(
                out,
                "<< {}\n  L: {}",
                passage.path.join(" › "),
                passage.text
            ),
            Row::RightOnly { passage } => writeln!(
                out,
                ">> {}\n  R: {}",
                passage.path.join(" › "),
                passage.text
            ),
        };
    }
    out
}
