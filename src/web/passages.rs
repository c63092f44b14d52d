//! The passages view: two columns of aligned passages, what they share and what is only on
//! one side marked (`<ins>`, `<del>`, `<mark>`) and explained by a legend; passages with
//! no counterpart on their own side; each with where it comes from, and its neighbours on
//! demand.

use super::ctx::Ctx;
use super::dom::El;
use crate::compare::{PassageRef, Row, Span, SpanKind};
use crate::view::format::{css_string, percent};
use crate::view::{LazyComparison, Msg, only_in, passages_summary};

/// How many rows are drawn at once, more than a tall screen shows; the rest follow once
/// that frame is on screen (see `web::widget`), each pair diffed as its row is drawn
/// ([`crate::view::lazy`]).
pub const FIRST_ROWS: usize = 24;

fn spans(ctx: &Ctx<'_>, spans: &[Span], left: bool) -> El {
    let children = spans.iter().map(|s| {
        let tag = match s.kind {
            SpanKind::Same => "span",
            SpanKind::Reused | SpanKind::Moved => "mark",
            SpanKind::Changed if left => "del",
            SpanKind::Changed => "ins",
        };
        let class = match s.kind {
            SpanKind::Reused => "reused",
            SpanKind::Moved => "moved",
            _ => "",
        };
        El::new(ctx.doc, tag)
            .attr_if(!class.is_empty(), "class", class)
            .text(&s.text)
    });
    El::new(ctx.doc, "p").class("text").children(children)
}

/// The column a passage is shown in.
#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
}

impl Side {
    fn class(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }

    fn region<'a>(self, ctx: &'a Ctx<'_>) -> &'a str {
        match self {
            Side::Left => &ctx.state.left,
            Side::Right => &ctx.state.right,
        }
    }
}

/// Where a passage comes from: its region (for screen readers, and for the eyes when the
/// columns are stacked), document and section. Interface words keep the interface's
/// language; the source's words are marked Chinese.
pub fn provenance(ctx: &Ctx<'_>, region: &str, passage: &PassageRef, id: &str) -> El {
    let path = El::new(ctx.doc, "span");
    let path = if passage.path.is_empty() {
        path.text(Msg::Preamble.text(ctx.lang))
    } else {
        path.attr("lang", "zh").text(&passage.path.join(" › "))
    };
    El::new(ctx.doc, "p")
        .class("where")
        .attr("id", id)
        .child(
            El::new(ctx.doc, "span")
                .class("side")
                .text(&ctx.region_name(region)),
        )
        .child(
            El::new(ctx.doc, "span")
                .attr("lang", "zh")
                .text(&ctx.title(&passage.document)),
        )
        .text(" › ")
        .child(path)
}

fn cell(ctx: &Ctx<'_>, side: Side, passage: &PassageRef, text: El) -> El {
    let key = format!("{}/{}", passage.document, passage.paragraph);
    let open = ctx.ui.context.contains(&key);
    let where_id = format!("pc-where-{}-{key}", side.class());
    let mut cell = El::new(ctx.doc, "div")
        .class(&format!("cell {}", side.class()))
        .child(provenance(ctx, side.region(ctx), passage, &where_id));
    let neighbours = open.then(|| {
        ctx.session
            .comparer
            .neighbours(&passage.document, &passage.paragraph)
    });
    // The paragraphs around, in a group named for what they are.
    let context = |text: &Option<String>, label: Msg| {
        text.as_ref().map(|t| {
            El::new(ctx.doc, "div")
                .attr("role", "group")
                .attr("aria-label", label.text(ctx.lang))
                .child(
                    El::new(ctx.doc, "p")
                        .class("context")
                        .attr("lang", "zh")
                        .text(t),
                )
        })
    };
    if let Some((before, _)) = &neighbours {
        cell = cell.maybe(context(before, Msg::ContextBefore));
    }
    cell = cell.child(text.attr("lang", "zh"));
    if let Some((_, after)) = &neighbours {
        cell = cell.maybe(context(after, Msg::ContextAfter));
    }
    cell.child(
        El::new(ctx.doc, "button")
            .attr("type", "button")
            .class("link")
            .attr("data-action", "context")
            .attr("data-value", &key)
            .attr("data-key", &format!("context:{key}"))
            .attr("aria-expanded", if open { "true" } else { "false" })
            .attr("aria-describedby", &where_id)
            .text(
                if open {
                    Msg::HideContext
                } else {
                    Msg::ShowContext
                }
                .text(ctx.lang),
            ),
    )
}

fn empty(ctx: &Ctx<'_>, side: Side) -> El {
    El::new(ctx.doc, "div")
        .class(&format!("cell {} empty", side.class()))
        .text(Msg::NoCounterpart.text(ctx.lang))
}

fn legend(ctx: &Ctx<'_>) -> El {
    let item = |tag: &str, class: &str, sample: &str, words: &str| {
        El::new(ctx.doc, "span")
            .child(
                El::new(ctx.doc, tag)
                    .attr_if(!class.is_empty(), "class", class)
                    .text(sample),
            )
            .text(" ")
            .text(words)
    };
    let side = |region: &str| only_in(ctx.lang, &ctx.region_name(region));
    El::new(ctx.doc, "div")
        .class("legend")
        .attr("role", "group")
        .attr("aria-label", Msg::Legend.text(ctx.lang))
        .child(item("span", "", "文字", Msg::LegendShared.text(ctx.lang)))
        .child(item(
            "mark",
            "reused",
            "文字",
            Msg::LegendReused.text(ctx.lang),
        ))
        .child(item(
            "mark",
            "moved",
            "文字",
            Msg::LegendMoved.text(ctx.lang),
        ))
        .child(item("del", "", "文字", &side(&ctx.state.left)))
        .child(item("ins", "", "文字", &side(&ctx.state.right)))
}

fn toolbar(ctx: &Ctx<'_>) -> El {
    let only = El::new(ctx.doc, "input")
        .attr("type", "checkbox")
        .attr("id", "pc-only")
        .attr("data-action", "only-differences")
        .attr("data-key", "only-differences")
        .attr_if(ctx.ui.only_differences, "checked", "");
    let button = |action: &str, msg: Msg| {
        El::new(ctx.doc, "button")
            .attr("type", "button")
            .attr("data-action", action)
            .attr("data-key", action)
            .text(msg.text(ctx.lang))
    };
    El::new(ctx.doc, "div")
        .class("toolbar")
        .child(
            El::new(ctx.doc, "label")
                .child(only)
                .text(" ")
                .text(Msg::OnlyDifferences.text(ctx.lang)),
        )
        .child(button("previous", Msg::PreviousDifference))
        .child(button("next", Msg::NextDifference))
        .child(
            El::new(ctx.doc, "span")
                .class("hint")
                .text(Msg::KeyboardHint.text(ctx.lang)),
        )
}

/// Rows `range` of the comparison (the widget appends the rows after [`FIRST_ROWS`] to
/// the list a moment after the rest).
pub fn rows<'a>(
    ctx: &'a Ctx<'_>,
    c: &'a LazyComparison,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = El> + 'a {
    let rows = c.alignment.rows.get(range.clone()).unwrap_or_default();
    rows.iter().zip(range).map(move |(row, i)| {
        let (class, left, right, score) = match row {
            Row::Pair {
                left, right, score, ..
            } => {
                // A pair always has a diff.
                let diff = c.diff(i).unwrap_or_default();
                (
                    "row pair",
                    cell(ctx, Side::Left, left, spans(ctx, &diff.left, true)),
                    cell(ctx, Side::Right, right, spans(ctx, &diff.right, false)),
                    Some(*score),
                )
            }
            Row::LeftOnly { passage } => (
                "row left-only",
                cell(
                    ctx,
                    Side::Left,
                    passage,
                    El::new(ctx.doc, "p")
                        .class("text")
                        .child(El::new(ctx.doc, "del").text(&passage.text)),
                ),
                empty(ctx, Side::Right),
                None,
            ),
            Row::RightOnly { passage } => (
                "row right-only",
                empty(ctx, Side::Left),
                cell(
                    ctx,
                    Side::Right,
                    passage,
                    El::new(ctx.doc, "p")
                        .class("text")
                        .child(El::new(ctx.doc, "ins").text(&passage.text)),
                ),
                None,
            ),
        };
        let differs = row.differs();
        El::new(ctx.doc, "li")
            .class(class)
            .attr("tabindex", "-1")
            .attr("data-key", &row_key(row))
            .attr_if(differs, "data-differs", "")
            .attr_if(ctx.ui.only_differences && !differs, "hidden", "")
            .child(left)
            .child(right)
            .maybe(score.map(|s| {
                El::new(ctx.doc, "p").class("score").text(&format!(
                    "{} {}",
                    Msg::Similarity.text(ctx.lang),
                    percent(s)
                ))
            }))
    })
}

/// A row's key for focus: its passages, so that focus finds the same passages again after
/// a redraw, wherever they are now.
fn row_key<D>(row: &Row<D>) -> String {
    let id = |p: &PassageRef| format!("{}/{}", p.document, p.paragraph);
    match row {
        Row::Pair { left, right, .. } => format!("row:{}|{}", id(left), id(right)),
        Row::LeftOnly { passage } => format!("row:{}|", id(passage)),
        Row::RightOnly { passage } => format!("row:|{}", id(passage)),
    }
}

/// The side's words for text found only there, as CSS strings: the highlights' alternative
/// text for screen readers (`del::before { content: "" / var(--_sr-left) }`), which,
/// unlike hidden text in the page, is not copied with the passage.
fn spoken_marks(ctx: &Ctx<'_>) -> String {
    let side = |region: &str| {
        css_string(&format!(
            "{}: ",
            only_in(ctx.lang, &ctx.region_name(region))
        ))
    };
    format!(
        "--_sr-left: {}; --_sr-right: {}; --_sr-reused: {}; --_sr-moved: {}",
        side(&ctx.state.left),
        side(&ctx.state.right),
        css_string(&format!("{}: ", Msg::LegendReused.text(ctx.lang))),
        css_string(&format!("{}: ", Msg::LegendMoved.text(ctx.lang))),
    )
}

/// The view with its first rows, and the summary to announce.
pub fn panel(ctx: &Ctx<'_>, lazy: &LazyComparison) -> (El, String) {
    let c = &lazy.alignment;
    let first = rows(ctx, lazy, 0..c.rows.len().min(FIRST_ROWS));
    let n = &c.counts;
    let summary = passages_summary(
        ctx.lang,
        (
            &ctx.region_name(&c.left.region),
            &ctx.region_name(&c.right.region),
        ),
        n.pairs,
        (n.left_only, n.right_only),
    );
    (
        El::new(ctx.doc, "div")
            .attr("style", &spoken_marks(ctx))
            .child(legend(ctx))
            .child(toolbar(ctx))
            // A keyboard user can skip the hundreds of controls in the rows.
            .child(
                El::new(ctx.doc, "button")
                    .attr("type", "button")
                    .class("skip")
                    .attr("data-action", "skip")
                    .attr("data-key", "skip")
                    .text(Msg::SkipRows.text(ctx.lang)),
            )
            .child(El::new(ctx.doc, "ol").class("rows").children(first))
            .child(
                El::new(ctx.doc, "p")
                    .class("sr")
                    .attr("id", "pc-after-rows")
                    .attr("tabindex", "-1")
                    .text(Msg::EndOfRows.text(ctx.lang)),
            ),
        summary,
    )
}
