//! Headings against the hand-labelled worked example (`tests/fixtures/jiangxi-headings.jsonl`,
//! a copy of `../shared/examples/`): each labelled heading must be found with the right
//! ordinal, text and level. Rows marked `optional` (the appendix table) are reported but
//! not required.
//!
//! Run `cargo test --test headings -- --nocapture` to see the figures.

mod common;

use serde::Deserialize;

#[derive(Deserialize)]
struct Row {
    doc: String,
    level: u8,
    heading: String,
    #[serde(default)]
    optional: bool,
}

#[test]
fn jiangxi_headings_match_the_worked_example() {
    let rows: Vec<Row> = common::jsonl(include_str!("fixtures/jiangxi-headings.jsonl"));
    let doc = common::jiangxi();
    let headings = common::headings(doc);

    let (mut required, mut found, mut optional, mut optional_found) = (0, 0, 0, 0);
    for row in rows.iter().filter(|r| r.doc == "jiangxi") {
        let hit = headings.iter().any(|(text, s)| {
            common::compact(text) == common::compact(&row.heading) && s.level == row.level
        });
        if row.optional {
            optional += 1;
            optional_found += usize::from(hit);
        } else {
            required += 1;
            found += usize::from(hit);
        }
        if !hit {
            let near = headings
                .iter()
                .find(|(text, _)| common::compact(text) == common::compact(&row.heading))
                .map(|(_, s)| format!(" (found at level {})", s.level))
                .unwrap_or_default();
            println!(
                "  missing{}: [{}] {}{near}",
                if row.optional { " (optional)" } else { "" },
                row.level,
                row.heading
            );
        }
    }
    let share = 100.0 * found as f64 / required as f64;
    println!(
        "headings: {found}/{required} required found with number and level ({share:.1}%); optional: {optional_found}/{optional}"
    );
    assert!(
        share >= 97.0,
        "only {share:.1}% of the example's headings found"
    );
}
