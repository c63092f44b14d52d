//! A comparison as plain text, for the command line and for snapshot tests: one block per
//! row, changed text in `⟦…⟧`, reused text in `⟪…⟫`, moved phrases in `⟨…⟩` (marks that
//! the plans themselves never use, unlike `[]` and `<>`).

use std::fmt::Write;

use super::targets::TargetRef;
use super::{Comparison, Row, Span, SpanKind, TargetTable};

fn marked(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| match s.kind {
            SpanKind::Same => s.text.clone(),
            SpanKind::Reused => format!("⟪{}⟫", s.text),
            SpanKind::Changed => format!("⟦{}⟧", s.text),
            SpanKind::Moved => format!("⟨{}⟩", s.text),
        })
        .collect()
}

fn path(p: &super::PassageRef) -> String {
    if p.path.is_empty() {
        "(preamble)".to_owned()
    } else {
        p.path.join(" › ")
    }
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
                path(left),
                path(right),
                marked(&diff.left),
                marked(&diff.right)
            ),
            Row::LeftOnly { passage } => {
                writeln!(out, "<< {}\n  L: {}", path(passage), passage.text)
            }
            Row::RightOnly { passage } => {
                writeln!(out, ">> {}\n  R: {}", path(passage), passage.text)
            }
        };
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
