//! Theme labels against the hand-labelled worked example
//! (`tests/fixtures/jiangxi-headings.jsonl`): for each heading, the first theme we give
//! must be among the labelled themes (target ≥ 90%) and equal the labelled first theme
//! (target ≥ 80%). Required rows are the measure; the appendix rows are reported too.
//!
//! Run `cargo test --test themes -- --nocapture` to see the figures and the misses.

mod common;

use policy_compare::Theme;
use serde::Deserialize;

#[derive(Deserialize)]
struct Row {
    doc: String,
    heading: String,
    themes: Vec<Theme>,
    #[serde(default)]
    optional: bool,
}

#[test]
fn jiangxi_heading_themes_match_the_worked_example() {
    let rows: Vec<Row> = common::jsonl(include_str!("fixtures/jiangxi-headings.jsonl"));
    let doc = common::jiangxi();
    let headings = common::headings(doc);

    for optional in [false, true] {
        let (mut n, mut among, mut first) = (0, 0, 0);
        for row in rows
            .iter()
            .filter(|r| r.doc == "jiangxi" && r.optional == optional)
        {
            let Some((_, section)) = headings
                .iter()
                .find(|(text, _)| common::compact(text) == common::compact(&row.heading))
            else {
                continue;
            };
            n += 1;
            let ours = section.themes.first().copied();
            let is_among = ours.is_some_and(|t| row.themes.contains(&t));
            let is_first = ours == row.themes.first().copied();
            among += usize::from(is_among);
            first += usize::from(is_first);
            if !is_first {
                println!(
                    "  {}{}: ours {:?}, labelled {:?}",
                    if is_among { "" } else { "✗ " },
                    row.heading,
                    section.themes.iter().map(|t| t.id()).collect::<Vec<_>>(),
                    row.themes.iter().map(|t| t.id()).collect::<Vec<_>>()
                );
            }
        }
        let pct = |k: usize| 100.0 * k as f64 / n as f64;
        println!(
            "{} headings: {n}; first theme among labels: {among} ({:.1}%); equal to labelled first: {first} ({:.1}%)",
            if optional {
                "optional (appendix)"
            } else {
                "required"
            },
            pct(among),
            pct(first)
        );
        if !optional {
            assert!(
                pct(among) >= 90.0,
                "first theme among labels: {:.1}%",
                pct(among)
            );
            assert!(pct(first) >= 80.0, "first theme equal: {:.1}%", pct(first));
        }
    }
}

#[test]
fn every_section_and_paragraph_has_a_theme() {
    for doc in &common::bundle().documents {
        for s in doc.all_sections() {
            assert!(!s.themes.is_empty(), "{} {} has no theme", doc.id, s.id);
        }
        for p in doc.all_paragraphs() {
            assert!(!p.themes.is_empty(), "{} {} has no theme", doc.id, p.id);
        }
    }
}
