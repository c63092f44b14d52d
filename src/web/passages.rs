//! The passages view: what two plans say about the same topic, block by block, in the
//! left plan's reading order. In a block, the terms a passage shares with its
//! counterparts are marked (`<mark>`); a near-copy shows its diff instead (`<ins>`,
//! `<del>`, copied and moved text). Runs of passages only one side has are folded to one
//! line when long, boilerplate always; each passage says where it comes from and can be
//! shown with its neighbours.

use super::ctx::Ctx;
use super::dom::El;
use crate::compare::{Block, PassageRef, Span, SpanKind};
use crate::view::format::{css_string, percent};
use crate::view::marks::combine;
use crate::view::{LazyComparison, Msg, boilerplate_run, only_in, passages_summary, run_only_in};

/// How many blocks are drawn before the first frame: about what a tall screen shows
/// (a block is rarely under 100 px high). The rest follow once that frame is on screen, a
/// slice at a time (see `web::element`), each pair marked as its block is drawn
/// ([`crate::view::lazy`]): what is not seen yet costs the first frame nothing.
pub const FIRST_ROWS: usize = 10;

/// Runs of one side's content this long or longer are folded to one line.
const FOLD: usize = 3;

/// A passage longer than this many characters is shown shortened, to its first
/// [`SHORT`], with a button to show it all: a bundle may hold a whole plan in one
/// paragraph, and megabytes of text in one element block the page's layout for seconds.
pub const LONG: usize = 3_000;
/// What a long passage shows until the reader asks for all of it.
pub const SHORT: usize = 1_000;

/// The spans cut to their first `max` characters, if the text is longer.
fn shortened(spans: &[Span], max: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut left = max;
    for s in spans {
        if left == 0 {
            break;
        }
        match s.text.char_indices().nth(left) {
            Some((end, _)) => {
                out.push(Span {
                    text: format!("{}…", &s.text[..end]),
                    kind: s.kind,
                });
                left = 0;
            }
            None => {
                left -= s.text.chars().count();
                out.push(s.clone());
            }
        }
    }
    out
}

/// The button that shows a long passage whole, or short again.
fn long_toggle(ctx: &Ctx<'_>, key: &str, chars: usize, open: bool) -> El {
    let label = if open {
        ctx.lang.pick("收起", "Show less").to_owned()
    } else {
        format!(
            "{} {chars} {}",
            ctx.lang.pick("显示全文，共", "Show all"),
            ctx.lang.pick("字", "characters")
        )
    };
    El::new(ctx.doc, "button")
        .attr("type", "button")
        .class("link")
        .attr("data-action", "long")
        .attr("data-value", key)
        .attr("data-key", &format!("long:{key}"))
        .attr("aria-expanded", if open { "true" } else { "false" })
        .text(&label)
}

/// A passage's text as spans, shortened when long and not opened, with the button that
/// toggles it.
fn passage_text(ctx: &Ctx<'_>, p: &PassageRef, spans: Vec<Span>, side: Side) -> (El, Option<El>) {
    let chars = p.text.chars().count();
    if chars <= LONG {
        return (self::spans(ctx, &spans, side), None);
    }
    let key = key(p);
    let open = ctx.ui.open_long.contains(&key);
    let shown = if open {
        spans
    } else {
        shortened(&spans, SHORT)
    };
    (
        self::spans(ctx, &shown, side),
        Some(long_toggle(ctx, &key, chars, open)),
    )
}

fn spans(ctx: &Ctx<'_>, spans: &[Span], side: Side) -> El {
    let children = spans.iter().map(|s| {
        let (tag, class) = match s.kind {
            SpanKind::Same | SpanKind::Plain => ("span", ""),
            SpanKind::Shared => ("mark", "shared"),
            SpanKind::Reused => ("mark", "reused"),
            SpanKind::Moved => ("mark", "moved"),
            SpanKind::Changed => (
                if matches!(side, Side::Left) {
                    "del"
                } else {
                    "ins"
                },
                "",
            ),
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
    // Names, titles and headings are cut short: a bundle may hold megabytes in one, and
    // every passage shows them.
    let path = if passage.path.is_empty() {
        path.text(Msg::Preamble.text(ctx.lang))
    } else {
        path.attr("lang", "zh")
            .text(&crate::bundle::shorten(&passage.path.join(" › ")))
    };
    El::new(ctx.doc, "p")
        .class("where")
        .attr("id", id)
        .child(
            El::new(ctx.doc, "span")
                .class("side")
                .text(&crate::bundle::shorten(&ctx.region_name(region))),
        )
        .child(
            El::new(ctx.doc, "span")
                .attr("lang", "zh")
                .text(&crate::bundle::shorten(&ctx.title(&passage.document))),
        )
        .text(" › ")
        .child(path)
}

fn key(p: &PassageRef) -> String {
    format!("{}/{}", p.document, p.paragraph)
}

/// One passage: where it comes from, its text (with its "show all" button when long),
/// and its neighbours on demand.
fn passage(ctx: &Ctx<'_>, side: Side, p: &PassageRef, (text, toggle): (El, Option<El>)) -> El {
    let key = key(p);
    let open = ctx.ui.context.contains(&key);
    let where_id = format!("pc-where-{}-{key}", side.class());
    let mut out = El::new(ctx.doc, "div").class("passage").child(provenance(
        ctx,
        side.region(ctx),
        p,
        &where_id,
    ));
    let neighbours = open.then(|| ctx.session.comparer.neighbours(&p.document, &p.paragraph));
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
        out = out.maybe(context(before, Msg::ContextBefore));
    }
    out = out.child(text.attr("lang", "zh")).maybe(toggle);
    if let Some((_, after)) = &neighbours {
        out = out.maybe(context(after, Msg::ContextAfter));
    }
    out.child(
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
        .child(item(
            "mark",
            "shared",
            "文字",
            Msg::LegendTerms.text(ctx.lang),
        ))
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
        .attr("data-action", "only-matched")
        .attr("data-key", "only-matched")
        .attr_if(ctx.ui.only_matched, "checked", "");
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
                .text(Msg::OnlyMatched.text(ctx.lang)),
        )
        .child(button("previous", Msg::PreviousTopic))
        .child(button("next", Msg::NextTopic))
        .child(
            El::new(ctx.doc, "span")
                .class("hint")
                .text(Msg::KeyboardHint.text(ctx.lang)),
        )
}

/// A block where both sides speak: each side's passages, each marked with what it shares
/// with its counterparts in the block.
fn both(ctx: &Ctx<'_>, c: &LazyComparison, left: &[usize], right: &[usize], pairs: &[usize]) -> El {
    let a = &c.alignment;
    let marks: Vec<(usize, std::rc::Rc<crate::compare::Diff>)> = pairs
        .iter()
        .filter_map(|&k| Some((k, c.marks(k, &ctx.session.comparer)?)))
        .collect();
    let column = |side: Side, ids: &[usize]| {
        let passages = ids.iter().filter_map(|&i| {
            let p = a.passages.get(i)?;
            let sets: Vec<&[Span]> = marks
                .iter()
                .filter_map(|(k, m)| {
                    let pair = a.pairs.get(*k)?;
                    match side {
                        Side::Left if pair.left == i => Some(m.left.as_slice()),
                        Side::Right if pair.right == i => Some(m.right.as_slice()),
                        _ => None,
                    }
                })
                .collect();
            Some(passage(
                ctx,
                side,
                p,
                passage_text(ctx, p, combine(&p.text, &sets), side),
            ))
        });
        El::new(ctx.doc, "div")
            .class(&format!("cell {}", side.class()))
            .children(passages)
    };
    let best = pairs
        .iter()
        .filter_map(|&k| a.pairs.get(k))
        .map(|p| p.score)
        .fold(0.0f32, f32::max);
    let first = |ids: &[usize]| {
        ids.first()
            .and_then(|&i| a.passages.get(i))
            .map(key)
            .unwrap_or_default()
    };
    El::new(ctx.doc, "li")
        .class("row pair")
        .attr("tabindex", "-1")
        .attr("data-key", &format!("row:{}|{}", first(left), first(right)))
        .attr("data-differs", "")
        .child(column(Side::Left, left))
        .child(column(Side::Right, right))
        .child(El::new(ctx.doc, "p").class("score").text(&format!(
            "{} {}",
            Msg::Similarity.text(ctx.lang),
            percent(best)
        )))
}

/// A run of passages one side has, as rows: boilerplate folded to one line, content shown
/// when short and folded when long.
fn one_sided(ctx: &Ctx<'_>, c: &LazyComparison, side: Side, ids: &[usize]) -> Vec<El> {
    let a = &c.alignment;
    let ps: Vec<&PassageRef> = ids.iter().filter_map(|&i| a.passages.get(i)).collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < ps.len() {
        let boiler = ps[k].boilerplate.is_some();
        let n = ps[k..]
            .iter()
            .take_while(|p| p.boilerplate.is_some() == boiler)
            .count();
        let segment = &ps[k..k + n];
        k += n;
        let run_key = format!("{}:{}", if boiler { "bp" } else { "run" }, key(segment[0]));
        let folded = boiler || n >= FOLD;
        let open = folded && ctx.ui.open_runs.contains(&run_key);
        let class = format!(
            "row {}-only{}{}",
            side.class(),
            if boiler { " boilerplate" } else { "" },
            if folded { " folded" } else { "" }
        );
        let texts = |ps: &[&PassageRef]| -> Vec<El> {
            ps.iter()
                .map(|p| {
                    let whole = vec![Span {
                        text: p.text.clone(),
                        kind: SpanKind::Changed,
                    }];
                    passage(ctx, side, p, passage_text(ctx, p, whole, side))
                })
                .collect()
        };
        let mut cell = El::new(ctx.doc, "div").class(&format!("cell {}", side.class()));
        if folded {
            let region = ctx.region_name(side.region(ctx));
            let label = if boiler {
                boilerplate_run(ctx.lang, n)
            } else {
                run_only_in(ctx.lang, n, &region)
            };
            cell = cell.child(
                El::new(ctx.doc, "button")
                    .attr("type", "button")
                    .class("run")
                    .attr("data-action", "run")
                    .attr("data-value", &run_key)
                    .attr("data-key", &run_key)
                    .attr("aria-expanded", if open { "true" } else { "false" })
                    .text(&label)
                    .text(" · ")
                    .text(if open { Msg::HideRun } else { Msg::ShowRun }.text(ctx.lang)),
            );
        }
        if !folded || open {
            cell = cell.children(texts(segment));
        }
        let (left, right) = match side {
            Side::Left => (cell, empty(ctx, Side::Right)),
            Side::Right => (empty(ctx, Side::Left), cell),
        };
        out.push(
            El::new(ctx.doc, "li")
                .class(&class)
                .attr("tabindex", "-1")
                .attr("data-key", &format!("row:{run_key}"))
                .attr_if(ctx.ui.only_matched, "hidden", "")
                .child(left)
                .child(right),
        );
    }
    out
}

/// The rows of blocks `range` (the widget appends the blocks after [`FIRST_ROWS`] to the
/// list a moment after the rest).
pub fn rows<'a>(
    ctx: &'a Ctx<'_>,
    c: &'a LazyComparison,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = El> + 'a {
    let blocks = c.alignment.blocks.get(range).unwrap_or_default();
    blocks.iter().flat_map(move |block| match block {
        Block::Both { left, right, pairs } => vec![both(ctx, c, left, right, pairs)],
        Block::LeftOnly { passages } => one_sided(ctx, c, Side::Left, passages),
        Block::RightOnly { passages } => one_sided(ctx, c, Side::Right, passages),
    })
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
        "--_sr-left: {}; --_sr-right: {}; --_sr-reused: {}; --_sr-moved: {}; --_sr-shared: {}",
        side(&ctx.state.left),
        side(&ctx.state.right),
        css_string(&format!("{}: ", Msg::LegendReused.text(ctx.lang))),
        css_string(&format!("{}: ", Msg::LegendMoved.text(ctx.lang))),
        css_string(&format!("{}: ", Msg::LegendTerms.text(ctx.lang))),
    )
}

/// The view with its first blocks, and the summary to announce.
pub fn panel(ctx: &Ctx<'_>, lazy: &LazyComparison) -> (El, String) {
    let c = &lazy.alignment;
    let first: Vec<El> = rows(ctx, lazy, 0..c.blocks.len().min(FIRST_ROWS)).collect();
    let n = &c.counts;
    let summary = passages_summary(
        ctx.lang,
        (
            &ctx.region_name(&c.left.region),
            &ctx.region_name(&c.right.region),
        ),
        (n.blocks, n.pairs),
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
