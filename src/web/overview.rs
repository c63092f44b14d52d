//! The overview: how much each region's plans give to each theme (an SVG chart drawn here,
//! with a text equivalent), how many targets each sets, and the passages the two share most.

use super::ctx::Ctx;
use super::dom::El;
use super::passages::provenance;
use super::targets::counts;
use crate::bundle::Theme;
use crate::compare::{Alignment, SpanKind, TargetTable};
use crate::view::LazyComparison;
use crate::view::format::{number, percent};
use crate::view::{Msg, chart};

fn bar_chart(ctx: &Ctx<'_>, c: &Alignment) -> El {
    let counts: Vec<(usize, usize)> = Theme::ALL.iter().map(|&t| c.coverage_of(t)).collect();
    let (left, right) = (
        ctx.region_name(&c.left.region),
        ctx.region_name(&c.right.region),
    );
    let title = format!("{}: {left} / {right}", Msg::PassagesPerTheme.text(ctx.lang));
    let mut svg = El::svg(ctx.doc, "svg")
        .class("chart")
        .attr("role", "img")
        .attr(
            "viewBox",
            &format!(
                "0 0 {} {}",
                number(chart::WIDTH),
                number(chart::height(counts.len()))
            ),
        )
        .attr("aria-label", &title)
        .child(El::svg(ctx.doc, "title").text(&title));
    for (i, ((l, r), theme)) in chart::bars(&counts).into_iter().zip(Theme::ALL).enumerate() {
        let y = i as f64 * chart::ROW;
        svg = svg
            .child(
                El::svg(ctx.doc, "text")
                    .attr("x", "0")
                    .attr("y", &number(y + chart::ROW / 2.0 + 4.0))
                    .text(ctx.lang.pick(theme.zh(), theme.en())),
            )
            .children([(l, "l", &left), (r, "r", &right)].into_iter().flat_map(
                |(bar, class, name)| {
                    [
                        El::svg(ctx.doc, "rect")
                            .class(class)
                            .attr("x", &number(bar.x))
                            .attr("y", &number(bar.y))
                            .attr("width", &number(bar.width.max(1.0)))
                            .attr("height", &number(bar.height))
                            .child(
                                El::svg(ctx.doc, "title").text(&format!("{name}: {}", bar.count)),
                            ),
                        El::svg(ctx.doc, "text")
                            .attr("x", &number(bar.x + bar.width + 4.0))
                            .attr("y", &number(bar.y + bar.height - 1.0))
                            .text(&bar.count.to_string()),
                    ]
                },
            ));
    }
    // The same figures as a table, for screen readers and for copying; on a narrow screen,
    // where the chart's words would be too small to read, in its place.
    let table = El::new(ctx.doc, "table")
        .class("sr figures")
        .child(El::new(ctx.doc, "caption").text(&title))
        .child(
            El::new(ctx.doc, "tr")
                .child(
                    El::new(ctx.doc, "th")
                        .attr("scope", "col")
                        .text(Msg::Themes.text(ctx.lang)),
                )
                .child(El::new(ctx.doc, "th").attr("scope", "col").text(&left))
                .child(El::new(ctx.doc, "th").attr("scope", "col").text(&right)),
        )
        .children(Theme::ALL.iter().zip(&counts).map(|(t, (l, r))| {
            El::new(ctx.doc, "tr")
                .child(
                    El::new(ctx.doc, "th")
                        .attr("scope", "row")
                        .text(ctx.lang.pick(t.zh(), t.en())),
                )
                .child(El::new(ctx.doc, "td").text(&l.to_string()))
                .child(El::new(ctx.doc, "td").text(&r.to_string()))
        }));
    let key = El::new(ctx.doc, "p").class("legend chart-key").children([
        El::new(ctx.doc, "span")
            .child(El::new(ctx.doc, "span").class("swatch l"))
            .text(&left),
        El::new(ctx.doc, "span")
            .child(El::new(ctx.doc, "span").class("swatch r"))
            .text(&right),
    ]);
    El::new(ctx.doc, "section")
        .child(El::new(ctx.doc, "h3").text(Msg::PassagesPerTheme.text(ctx.lang)))
        .child(key)
        .child(svg)
        .child(table)
}

fn shared_most(ctx: &Ctx<'_>, lazy: &LazyComparison) -> El {
    let a = &lazy.alignment;
    let mut pairs: Vec<(usize, f32)> = a
        .pairs
        .iter()
        .enumerate()
        .map(|(k, p)| (k, p.score))
        .collect();
    crate::sort::sort_by(&mut pairs, |x, y| y.1.total_cmp(&x.1));
    let items = pairs.into_iter().take(5).filter_map(|(k, score)| {
        let (left, right) = a.pair_passages(k)?;
        let marks = lazy.marks(k, &ctx.session.comparer)?;
        let marked = |spans: &[crate::compare::Span]| {
            El::new(ctx.doc, "p")
                .class("text")
                .children(spans.iter().map(|s| match s.kind {
                    // Here what the two share is the point: highlight it.
                    SpanKind::Reused | SpanKind::Same | SpanKind::Shared => {
                        El::new(ctx.doc, "mark").class("shared").text(&s.text)
                    }
                    _ => El::new(ctx.doc, "span").text(&s.text),
                }))
        };
        let i = k;
        let diff = marks;
        Some(
            El::new(ctx.doc, "li")
                .class("row pair")
                .child(
                    El::new(ctx.doc, "div")
                        .class("cell left")
                        .child(provenance(
                            ctx,
                            &ctx.state.left,
                            left,
                            &format!("pc-shared-{i}-left"),
                        ))
                        .child(marked(&diff.left).attr("lang", "zh")),
                )
                .child(
                    El::new(ctx.doc, "div")
                        .class("cell right")
                        .child(provenance(
                            ctx,
                            &ctx.state.right,
                            right,
                            &format!("pc-shared-{i}-right"),
                        ))
                        .child(marked(&diff.right).attr("lang", "zh")),
                )
                .child(El::new(ctx.doc, "p").class("score").text(&format!(
                    "{} {}",
                    Msg::Similarity.text(ctx.lang),
                    percent(score)
                ))),
        )
    });
    let list: Vec<El> = items.collect();
    let body = if list.is_empty() {
        El::new(ctx.doc, "p").text(Msg::NothingShared.text(ctx.lang))
    } else {
        El::new(ctx.doc, "ol").class("rows").children(list)
    };
    El::new(ctx.doc, "section")
        .child(El::new(ctx.doc, "h3").text(Msg::SharedMost.text(ctx.lang)))
        .child(body)
}

/// The view, and the summary to announce.
pub fn panel(ctx: &Ctx<'_>, lazy: &LazyComparison, targets: &TargetTable) -> (El, String) {
    let all = &lazy.alignment;
    let (lt, rt) = counts(targets, None);
    let (left, right) = (
        ctx.region_name(&all.left.region),
        ctx.region_name(&all.right.region),
    );
    let totals = El::new(ctx.doc, "section")
        .child(El::new(ctx.doc, "h3").text(Msg::TargetsPerRegion.text(ctx.lang)))
        .child(
            El::new(ctx.doc, "div")
                .class("totals")
                .child(
                    El::new(ctx.doc, "p")
                        .child(El::new(ctx.doc, "strong").text(&lt.to_string()))
                        .text(" ")
                        .text(&left),
                )
                .child(
                    El::new(ctx.doc, "p")
                        .child(El::new(ctx.doc, "strong").text(&rt.to_string()))
                        .text(" ")
                        .text(&right),
                ),
        );
    let summary = format!("{} — {left} / {right}", Msg::Overview.text(ctx.lang));
    (
        El::new(ctx.doc, "div")
            .child(bar_chart(ctx, all))
            .child(totals)
            .child(shared_most(ctx, lazy)),
        summary,
    )
}
