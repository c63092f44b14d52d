//! A comparison as Markdown, for notes, articles and issue trackers: the command line's
//! `--format markdown`. Each block is a section; where both plans speak, their passages
//! stand in a two-column table, what both say in **bold** and what a near-copy changed in
//! *italics* (as HTML `<b>`/`<i>`, because Markdown's `**` does not open next to Chinese
//! punctuation such as `“`).
//!
//! The plans' text is escaped, so a `*`, `|` or `<` in it stays text.

use std::fmt::Write;

use super::targets::TargetRef;
use super::{Block, Comparison, PassageRef, Span, SpanKind, TargetTable};

/// Text with every character that Markdown (or inline HTML) would read as markup escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let markup = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!'
        );
        // A list marker or numbered item at the start of a line.
        let leading = i == 0 && matches!(c, '+' | '-' | '=');
        if markup || leading {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    // `1.` or `1)` at the start would make an ordered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    out
}

fn marked(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            let text = escape(&s.text);
            match s.kind {
                SpanKind::Same | SpanKind::Plain => text,
                SpanKind::Reused | SpanKind::Shared | SpanKind::Moved => format!("<b>{text}</b>"),
                SpanKind::Changed => format!("<i>{text}</i>"),
            }
        })
        .collect()
}

/// Where a passage is: document › headings.
fn place(p: &PassageRef) -> String {
    let mut out = escape(&p.document);
    for heading in p.path.iter() {
        out.push_str(" › ");
        out.push_str(&escape(heading));
    }
    out
}

/// Renders a comparison; with `pairs_only`, only the blocks where both sides speak.
pub fn to_markdown(c: &Comparison, pairs_only: bool) -> String {
    let mut out = String::new();
    let (l, r) = (&c.left, &c.right);
    let theme = c.theme.map_or_else(
        || "all themes".to_owned(),
        |t| format!("{} {}", t.zh(), t.en()),
    );
    let _ = writeln!(out, "# {} {} vs {} {}: {theme}\n", l.zh, l.en, r.zh, r.en);
    let n = c.counts;
    let _ = writeln!(
        out,
        "{} topics in both plans ({} pairs of passages); {} passages only in {}, {} only in {}; {} boilerplate passages not compared.\n",
        n.blocks, n.pairs, n.left_only, l.zh, n.right_only, r.zh, n.boilerplate
    );
    let _ = writeln!(
        out,
        "<b>Bold</b>: what both passages say. <i>Italics</i>: what a near-copy changed.\n"
    );
    for side in [l, r] {
        for d in &side.documents {
            let _ = writeln!(
                out,
                "- {}: {} ({}, `{}`)",
                side.zh,
                escape(&d.title),
                d.published,
                d.id
            );
        }
    }
    let mut section = 0;
    for block in &c.blocks {
        match block {
            Block::Both { left, right, pairs } => {
                section += 1;
                let best = pairs
                    .iter()
                    .map(|&k| c.pairs[k].score)
                    .fold(0.0f32, f32::max);
                let _ = writeln!(out, "\n## {section}. In both (similarity {best:.2})\n");
                let _ = writeln!(out, "| {} | {} |\n| --- | --- |", l.zh, r.zh);
                // One pair: its marks. Several: each passage once, labelled, then the
                // pairs between them with the terms they share.
                if let [k] = pairs.as_slice() {
                    let pair = &c.pairs[*k];
                    let _ = writeln!(
                        out,
                        "| {} | {} |",
                        cell("", &c.passages[pair.left], &marked(&pair.marks.left)),
                        cell("", &c.passages[pair.right], &marked(&pair.marks.right)),
                    );
                    continue;
                }
                let side = |ids: &[usize], label: char, i: usize| {
                    ids.get(i).map_or_else(String::new, |&p| {
                        let label = format!("{label}{} · ", i + 1);
                        cell(&label, &c.passages[p], &escape(&c.passages[p].text))
                    })
                };
                for i in 0..left.len().max(right.len()) {
                    let _ = writeln!(out, "| {} | {} |", side(left, 'L', i), side(right, 'R', i));
                }
                out.push('\n');
                let label =
                    |ids: &[usize], p: usize| ids.iter().position(|&i| i == p).map_or(0, |i| i + 1);
                for &k in pairs {
                    let pair = &c.pairs[k];
                    let mut shared: Vec<String> = Vec::new();
                    for s in &pair.marks.left {
                        let text = escape(&s.text);
                        if !matches!(s.kind, SpanKind::Changed | SpanKind::Plain)
                            && !shared.contains(&text)
                        {
                            shared.push(text);
                        }
                    }
                    let _ = writeln!(
                        out,
                        "- L{} ⇄ R{} ({:.2}): {}",
                        label(left, pair.left),
                        label(right, pair.right),
                        pair.score,
                        if shared.is_empty() {
                            "—".to_owned()
                        } else {
                            shared.join("、")
                        }
                    );
                }
            }
            Block::LeftOnly { passages } | Block::RightOnly { passages } if !pairs_only => {
                section += 1;
                let who = if matches!(block, Block::LeftOnly { .. }) {
                    l
                } else {
                    r
                };
                let _ = writeln!(out, "\n## {section}. Only in {} {}\n", who.zh, who.en);
                for &i in passages {
                    let p = &c.passages[i];
                    match p.boilerplate {
                        Some(b) => {
                            let _ = writeln!(
                                out,
                                "- <i>({})</i> {}: {}",
                                b.id(),
                                place(p),
                                escape(&p.text)
                            );
                        }
                        None => {
                            let _ = writeln!(out, "- {}: {}", place(p), escape(&p.text));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn cell(label: &str, p: &PassageRef, text: &str) -> String {
    format!("<sub>{label}{}</sub><br>{text}", place(p))
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
    format!(
        "{} {}{year}<br><sub>「{}」 {}</sub>",
        escape(&t.indicator),
        escape(&t.phrase(&value)),
        escape(&t.quote),
        escape(&t.document)
    )
}

/// Renders a target table: one Markdown table per theme, left and right side by side,
/// each target with the quote it was read from.
pub fn targets_to_markdown(table: &TargetTable) -> String {
    let (l, r) = (&table.left, &table.right);
    let mut out = String::new();
    let _ = writeln!(out, "# Targets: {} {} vs {} {}", l.zh, l.en, r.zh, r.en);
    for group in &table.groups {
        let name = group
            .theme
            .map_or_else(|| "—".to_owned(), |t| format!("{} {}", t.zh(), t.en()));
        let _ = writeln!(out, "\n## {name}\n\n| {} | {} |\n| --- | --- |", l.zh, r.zh);
        for row in &group.rows {
            let _ = writeln!(out, "| {} | {} |", target(&row.left), target(&row.right));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_the_text_stays_text() {
        assert_eq!(escape("a*b|c<d>"), "a\\*b\\|c\\<d\\>");
        assert_eq!(escape("1.加快"), "1\\.加快");
        assert_eq!(escape("12)项"), "12\\)项");
        assert_eq!(escape("-一"), "\\-一");
        assert_eq!(escape("到2020年。"), "到2020年。");
        assert_eq!(escape("a\nb"), "a b");
    }
}
