//! The map: every region at once, against the nine themes (or the topics of one theme), as
//! a heat table with its numbers — a real table (caption, header cells, `aria-sort`), whose
//! shading repeats the numbers for the eye and is not needed to read them (in black and
//! white, or in forced colours, the numbers are all there). Any column sorts; a number
//! opens that region's passages on that theme.

use super::across::{self, theme_tabs};
use super::ctx::Ctx;
use super::dom::El;
use crate::bundle::Theme;
use crate::compare::across::{Map, Subject, Topics};
use crate::view::Msg;

/// A cell's classes by its shade.
const SHADES: [&str; 5] = ["num h0", "num h1", "num h2", "num h3", "num h4"];

/// A header cell that sorts by its column (`key`).
fn sort_header(ctx: &Ctx<'_>, name: &str, key: &str) -> El {
    let sorted = ctx.ui.map_sort.as_ref().filter(|(k, _)| k == key);
    let (sort, arrow) = match sorted {
        Some((_, true)) => ("descending", " ↓"),
        Some((_, false)) => ("ascending", " ↑"),
        None => ("", ""),
    };
    El::new(ctx.doc, "th")
        .attr("scope", "col")
        .attr_if(sorted.is_some(), "aria-sort", sort)
        .child(
            El::new(ctx.doc, "button")
                .attr("type", "button")
                .attr("data-action", "map-sort")
                .attr("data-value", key)
                .attr("data-key", &format!("map-sort:{key}"))
                .text(name)
                .text(arrow),
        )
}

/// The view, and the summary to announce.
pub fn panel(ctx: &Ctx<'_>) -> (El, String) {
    let session = ctx.session;
    let topics = &session.bundle.topics;
    let theme = ctx.state.theme;
    // All themes; or one theme, then its topics. Each column with its name and key.
    let mut subjects = Vec::new();
    let mut columns: Vec<(String, String, Theme)> = Vec::new();
    for t in Theme::ALL {
        if theme.is_none_or(|s| s == t) {
            subjects.push(Subject::Theme(t));
            columns.push((
                ctx.lang.pick(t.zh(), t.en()).to_owned(),
                t.id().to_owned(),
                t,
            ));
        }
    }
    if let Some(t) = theme {
        for (k, topic) in topics.iter().enumerate() {
            if topic.theme == t
                && let Ok(k) = u16::try_from(k)
            {
                subjects.push(Subject::Topic(k));
                columns.push((
                    ctx.lang.pick(&topic.zh, &topic.en).to_owned(),
                    topic.id.clone(),
                    t,
                ));
            }
        }
    }
    let none = Topics::default();
    let found = if theme.is_some() {
        across::topics(session)
    } else {
        &none
    };
    let map = Map::new(
        session.comparer.passages(),
        found,
        &session.with_documents,
        &subjects,
    );
    let all: Vec<usize> = (0..map.regions.len()).collect();
    let rows = match &ctx.ui.map_sort {
        Some((key, descending)) if key == "total" => map.rows_by(None, *descending),
        Some((key, descending)) => match columns.iter().position(|c| c.1 == *key) {
            Some(c) => map.rows_by(Some(c), *descending),
            None if key == "region" && !descending => all.into_iter().rev().collect(),
            None => all,
        },
        None => all,
    };

    let mut head =
        El::new(ctx.doc, "tr").child(sort_header(ctx, Msg::Region.text(ctx.lang), "region"));
    for (name, key, _) in &columns {
        head = head.child(sort_header(ctx, name, key));
    }
    head = head.child(sort_header(ctx, Msg::Total.text(ctx.lang), "total"));
    let max = map.max().max(1) as f64;
    let mut body = El::new(ctx.doc, "tbody");
    for r in rows {
        let region = &map.regions[r];
        let name = ctx.region_name(region);
        let mut row =
            El::new(ctx.doc, "tr").child(El::new(ctx.doc, "th").attr("scope", "row").text(&name));
        for (c, (column, _, theme)) in columns.iter().enumerate() {
            let n = map.count(r, c);
            // Four shades, on a square-root scale: the national documents, eleven of
            // them, would otherwise leave every province pale.
            let level = (4.0 * (n as f64 / max).sqrt()).ceil() as usize;
            let td = El::new(ctx.doc, "td").class(SHADES[level.min(4)]);
            row = row.child(if n == 0 {
                td.text("0")
            } else {
                td.child(
                    El::new(ctx.doc, "button")
                        .attr("type", "button")
                        .attr("data-action", "cell")
                        .attr("data-value", &format!("{region}|{}", theme.id()))
                        .attr("aria-label", &format!("{name}, {column}: {n}"))
                        .text(&n.to_string()),
                )
            });
        }
        body = body.child(
            row.child(
                El::new(ctx.doc, "td")
                    .class("num total")
                    .text(&map.totals[r].to_string()),
            ),
        );
    }
    let table = El::new(ctx.doc, "table")
        .class("map")
        .child(El::new(ctx.doc, "caption").text(Msg::MapCaption.text(ctx.lang)))
        .child(El::new(ctx.doc, "thead").child(head))
        .child(body);
    let subject = theme.map_or(Msg::AllThemes.text(ctx.lang), |t| {
        ctx.lang.pick(t.zh(), t.en())
    });
    (
        El::new(ctx.doc, "div")
            .child(theme_tabs(ctx, "themes", true, theme))
            .child(
                El::new(ctx.doc, "p")
                    .class("note")
                    .text(Msg::MapHint.text(ctx.lang)),
            )
            .child(El::new(ctx.doc, "div").class("map-scroll").child(table)),
        format!("{} — {subject}", Msg::Map.text(ctx.lang)),
    )
}
