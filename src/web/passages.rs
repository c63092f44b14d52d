//! The passages view: what two plans say about the same topic, block by block, in the
//! left plan's reading order. In a block, the terms a passage shares with its
//! counterparts are marked (`<mark>`); a near-copy shows its diff instead (`<ins>`,
//! `<del>`, copied and moved text). Runs of passages only one side has are folded to one
//! line; long blocks show their first lines until asked; each passage says where it comes
//! from, links to itself, and can be shown with its neighbours.

use super::ctx::Ctx;
use super::dom::El;
use crate::compare::{Block, PassageRef, Span, SpanKind};
use crate::view::block_lines::{SideLines, under_left, width};
use crate::view::context::just_above;
use crate::view::format::percent;
use crate::view::marks::combine;
use crate::view::{
    LazyComparison, Msg, boilerplate_run, more_passages, only_in, passages_summary, run_only_in,
    shown_of,
};

/// How many blocks are drawn before the first frame at most: about what a tall screen
/// shows (a block is rarely under 100 px high). The panel draws [`START_ROWS`]; the widget
/// adds blocks one by one, before the frame, while the rows end above the bottom of the
/// window. The rest follow once that frame is on screen, a slice at a time (see
/// `web::element`), each pair marked as its block is drawn ([`crate::view::lazy`]): what
/// is not seen yet costs the first frame nothing.
pub const FIRST_ROWS: usize = 10;
/// How many blocks the panel draws before the widget looks how far down they reach: on
/// a 900 px window the first three or four fill it (a pair of long passages is folded to
/// a few lines, 150 to 400 px with its provenance).
pub const START_ROWS: usize = 3;

/// Passages longer than this (characters) make a block show its first lines only until
/// the reader asks for all: a first screen then holds several topics, not one.
const CLAMP: usize = 120;

/// How many passages a side of a folded block shows (the first ones): a block may pair an
/// omnibus paragraph with fifty passages of the other plan (Hunan and the national
/// documents), a wall of text on the first screen, and drawing all of them was the
/// longest task of a long comparison's first frame.
const FOLDED_PASSAGES: usize = 6;

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

/// A passage's text: its marked spans as elements, the text between them as bare text
/// nodes (an element for each would add to every row's building and layout, and tells a
/// reader nothing).
fn spans(ctx: &Ctx<'_>, spans: &[Span], side: Side) -> El {
    let mut p = El::new(ctx.doc, "p").class("text");
    for s in spans {
        let (tag, class) = match s.kind {
            SpanKind::Same | SpanKind::Plain => {
                p = p.text(&s.text);
                continue;
            }
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
        p = p.child(
            El::new(ctx.doc, tag)
                .attr_if(!class.is_empty(), "class", class)
                .text(&s.text),
        );
    }
    p
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
        path.attr("lang", "zh")
            .text(&crate::bundle::shorten(&passage.path.join(" › ")))
    };
    // Names, titles and headings are cut short: a bundle may hold megabytes in one, and
    // every passage shows them.
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

/// A permalink to `at` (`document/paragraph`, or `block:` and one for its block): the
/// element's script makes its address, the page with this widget's state and `at` in the
/// hash, and copies it when clicked.
fn permalink(ctx: &Ctx<'_>, at: &str, text: Msg) -> El {
    El::new(ctx.doc, "a")
        .class("link plink")
        .attr("href", "#")
        .attr("data-value", at)
        .attr("data-key", &format!("link:{at}"))
        .text(text.text(ctx.lang))
}

/// Whether a link points at this passage (`block`: at the block holding it).
fn linked(ctx: &Ctx<'_>, p: &PassageRef, block: bool) -> bool {
    ctx.state.embed.at.as_ref().is_some_and(|a| {
        a.block == block && a.passage.split_once('/') == Some((&p.document, &p.paragraph))
    })
}

fn key(p: &PassageRef) -> String {
    format!("{}/{}", p.document, p.paragraph)
}

/// The key of the first of `ids` (of `passages`): what names a block or a run.
fn first_key(passages: &[PassageRef], ids: &[usize]) -> String {
    ids.first()
        .and_then(|&i| passages.get(i))
        .map(key)
        .unwrap_or_default()
}

/// One passage (the `i`-th of comparison `c`, drawn in its block `at`): where it comes
/// from, its text (with its "show all" button when long), and its neighbours on demand.
fn passage(
    ctx: &Ctx<'_>,
    (c, at, i): (&LazyComparison, usize, usize),
    side: Side,
    p: &PassageRef,
    (text, toggle): (El, Option<El>),
) -> El {
    let key = key(p);
    let open = ctx.ui.context.contains(&key);
    let where_id = format!("pc-where-{}-{key}", side.class());
    // The button sits at the end of the provenance line: a line less per passage.
    let button = El::new(ctx.doc, "button")
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
        );
    // The passage opened from search stands out.
    let found = ctx.ui.reveal.as_ref() == Some(&key);
    let mut out = El::new(ctx.doc, "div")
        .class(if found { "passage found" } else { "passage" })
        .attr_if(linked(ctx, p, false), "data-at", "")
        .child(
            provenance(ctx, side.region(ctx), p, &where_id)
                .text(" · ")
                .child(button)
                .text(" · ")
                .child(permalink(ctx, &key, Msg::Link).attr("aria-describedby", &where_id)),
        );
    let neighbours = open.then(|| ctx.session.comparer.neighbours(&p.document, &p.paragraph));
    // A neighbour drawn right next to the passage is named, not repeated
    // (`view::context`).
    let drawn = |pair| open && drawn_just_above(ctx, c, side, pair, (i, at));
    // The paragraphs around, in a group named for what they are.
    let context = |text: &Option<String>, label: Msg, drawn: bool, named: Msg| {
        text.as_ref().map(|t| {
            let p = El::new(ctx.doc, "p").class("context");
            El::new(ctx.doc, "div")
                .attr("role", "group")
                .attr("aria-label", label.text(ctx.lang))
                .child(if drawn {
                    p.text(named.text(ctx.lang))
                } else {
                    p.attr("lang", "zh").text(t)
                })
        })
    };
    if let Some((before, _)) = &neighbours {
        let drawn = i > 0 && drawn((i - 1, i));
        out = out.maybe(context(before, Msg::ContextBefore, drawn, Msg::ShownAbove));
    }
    out = out.child(text.attr("lang", "zh")).maybe(toggle);
    if let Some((_, after)) = &neighbours {
        out = out.maybe(context(
            after,
            Msg::ContextAfter,
            drawn((i, i + 1)),
            Msg::ShownBelow,
        ));
    }
    out
}

/// Whether the column of `side` draws the second passage of `pair` right under the first,
/// where it draws passage `x` in block `at` ([`crate::view::context`]): a block folded
/// shows its first passages, a run folded none. Where the page narrowed the view to some
/// blocks, the answer is no: the neighbour is shown, never said to be where it may not be.
fn drawn_just_above(
    ctx: &Ctx<'_>,
    c: &LazyComparison,
    side: Side,
    pair: (usize, usize),
    x: (usize, usize),
) -> bool {
    let a = &c.alignment;
    let first = |ids: &[usize]| first_key(&a.passages, ids);
    let ui = &ctx.ui;
    let blocks = a.blocks.iter().map(|b| {
        let drawn = match b {
            Block::Both { left, right, .. }
                if !ui
                    .open_blocks
                    .contains(&format!("{}|{}", first(left), first(right))) =>
            {
                FOLDED_PASSAGES
            }
            Block::LeftOnly { passages } | Block::RightOnly { passages }
                if ui.only_matched
                    || !ui.open_runs.contains(&format!("run:{}", first(passages))) =>
            {
                0
            }
            _ => usize::MAX,
        };
        (b, drawn)
    });
    let embed = &ctx.state.embed;
    embed.passages.is_empty()
        && embed.topics.is_empty()
        && just_above(blocks, matches!(side, Side::Left), pair, x)
}

/// The link to a block, by its first passage.
fn block_link(ctx: &Ctx<'_>, first: Option<&PassageRef>) -> Option<El> {
    Some(permalink(
        ctx,
        &format!("block:{}", key(first?)),
        Msg::BlockLink,
    ))
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
    // Each button shows its key (`j`, `k`): a line of its own said so before, and the
    // legend and the toolbar now share one line where they fit. Screen readers hear the
    // key from `aria-keyshortcuts`, not as part of the button's name.
    let button = |action: &str, msg: Msg, key: &str| {
        El::new(ctx.doc, "button")
            .attr("type", "button")
            .attr("data-action", action)
            .attr("data-key", action)
            .attr("aria-keyshortcuts", key)
            .text(msg.text(ctx.lang))
            .child(
                El::new(ctx.doc, "kbd")
                    .attr("aria-hidden", "true")
                    .text(key),
            )
    };
    El::new(ctx.doc, "div")
        .class("toolbar")
        .child(
            El::new(ctx.doc, "label")
                .child(only)
                .text(" ")
                .text(Msg::OnlyMatched.text(ctx.lang)),
        )
        .child(button("previous", Msg::PreviousTopic, "k"))
        .child(button("next", Msg::NextTopic, "j"))
}

/// A block where both sides speak: each side's passages, each marked with what it shares
/// with its counterparts in the block.
fn both(
    ctx: &Ctx<'_>,
    (c, at): (&LazyComparison, usize),
    left: &[usize],
    right: &[usize],
    pairs: &[usize],
) -> El {
    let a = &c.alignment;
    let first = |ids: &[usize]| first_key(&a.passages, ids);
    let mut marked = false;
    for ids in [left, right] {
        for &i in ids {
            marked |= a.passages.get(i).is_some_and(|p| linked(ctx, p, true));
        }
    }
    let block_key = format!("{}|{}", first(left), first(right));
    // Worth folding: a long passage, or many of them.
    let long = left.len() + right.len() > 3
        || left
            .iter()
            .chain(right)
            .filter_map(|&i| a.passages.get(i))
            .any(|p| p.text.chars().count() > CLAMP);
    let open = marked || ctx.ui.open_blocks.contains(&block_key);
    let all = (left.len(), right.len());
    // Folded, a side shows its first few passages: the rest are drawn (and marked) when
    // the reader opens the block.
    let (left, right, pairs): (&[usize], &[usize], Vec<usize>) = if long && !open {
        let (l, r) = (
            &left[..left.len().min(FOLDED_PASSAGES)],
            &right[..right.len().min(FOLDED_PASSAGES)],
        );
        let shown = |k: &usize| {
            a.pairs
                .get(*k)
                .is_some_and(|p| l.contains(&p.left) && r.contains(&p.right))
        };
        (l, r, pairs.iter().copied().filter(shown).collect())
    } else {
        (left, right, pairs.to_vec())
    };
    let hidden = (all.0 - left.len(), all.1 - right.len());
    let marks: Vec<(usize, std::rc::Rc<crate::compare::Diff>)> = pairs
        .iter()
        .filter_map(|&k| Some((k, c.marks(k, &ctx.session.comparer)?)))
        .collect();
    let column = |side: Side, ids: &[usize], hidden: usize| {
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
                (c, at, i),
                side,
                p,
                passage_text(ctx, p, combine(&p.text, &sets), side),
            ))
        });
        let more = (hidden > 0).then(|| {
            El::new(ctx.doc, "p").class("more").child(
                El::new(ctx.doc, "button")
                    .attr("type", "button")
                    .class("run")
                    .attr("data-action", "block")
                    .attr("data-value", &block_key)
                    // Once the block is open, focus goes to its "show less" button (see
                    // `web::element::show`).
                    .attr("data-key", &format!("fold:{}:{block_key}", side.class()))
                    .attr("aria-expanded", "false")
                    .text(&more_passages(ctx.lang, hidden)),
            )
        });
        El::new(ctx.doc, "div")
            .class(&format!("cell {}", side.class()))
            .children(passages)
            .maybe(more)
    };
    let best = pairs
        .iter()
        .filter_map(|&k| a.pairs.get(k))
        .map(|p| p.score)
        .fold(0.0f32, f32::max);
    let mut score = El::new(ctx.doc, "p").class("score").text(&format!(
        "{} {}",
        Msg::Similarity.text(ctx.lang),
        percent(best)
    ));
    if long {
        score = score.text(" · ").child(
            El::new(ctx.doc, "button")
                .attr("type", "button")
                .class("link")
                .attr("data-action", "block")
                .attr("data-value", &block_key)
                .attr("data-key", &format!("block:{block_key}"))
                .attr("aria-expanded", if open { "true" } else { "false" })
                .text(if open { Msg::ShowLess } else { Msg::ShowInFull }.text(ctx.lang)),
        );
    }
    let score = score.maybe(block_link(
        ctx,
        left.first().and_then(|&i| a.passages.get(i)),
    ));
    // The block's line goes under its shorter side (see `view::block_lines`).
    let clamped = long && !open;
    let chars = |ids: &[usize]| -> Vec<(usize, usize)> {
        ids.iter()
            .filter_map(|&i| a.passages.get(i))
            .map(|p| {
                let place = width(&ctx.title(&p.document))
                    + p.path.iter().map(|h| width(h) + 3).sum::<usize>();
                (place, width(&p.text))
            })
            .collect()
    };
    let (l, r) = (chars(left), chars(right));
    let side = |chars, more| SideLines {
        chars,
        clamped,
        more,
    };
    let under = if under_left(&side(&l, hidden.0 > 0), &side(&r, hidden.1 > 0)) {
        "left"
    } else {
        "right"
    };
    El::new(ctx.doc, "li")
        .class(&format!(
            "row pair{} under-{under}",
            if clamped { " clamped" } else { "" }
        ))
        .attr("tabindex", "-1")
        .attr("data-key", &format!("row:{block_key}"))
        .attr("data-differs", "")
        .attr_if(marked, "data-at", "")
        .child(column(Side::Left, left, hidden.0))
        .child(column(Side::Right, right, hidden.1))
        .child(score)
}

/// A run of passages one side has: one line that says how many (and how many of them are
/// boilerplate), opening to the passages on request. Folded always: the first screen
/// shows what both plans say. The row is made by [`runs_row`].
fn one_sided(
    ctx: &Ctx<'_>,
    (c, at): (&LazyComparison, usize),
    side: Side,
    ids: &[usize],
) -> Option<Run> {
    let a = &c.alignment;
    let ps: Vec<&PassageRef> = ids.iter().filter_map(|&i| a.passages.get(i)).collect();
    let first = ps.first()?;
    let formal = ps.iter().filter(|p| p.boilerplate.is_some()).count();
    let content = ps.len() - formal;
    let run_key = format!("run:{}", key(first));
    // Open when the reader opened it, or when it holds the passage opened from search or
    // a link.
    let open = ctx.ui.open_runs.contains(&run_key)
        || ps
            .iter()
            .any(|p| ctx.ui.reveal.as_ref() == Some(&key(p)) || linked(ctx, p, false));
    let region = ctx.region_name(side.region(ctx));
    let label = match (content, formal) {
        (0, m) => boilerplate_run(ctx.lang, m),
        (n, 0) => run_only_in(ctx.lang, n, &region),
        (n, m) => format!(
            "{} + {}",
            run_only_in(ctx.lang, n, &region),
            boilerplate_run(ctx.lang, m)
        ),
    };
    let mut cell = El::new(ctx.doc, "div")
        .class(&format!("cell {}", side.class()))
        .child(
            El::new(ctx.doc, "button")
                .attr("type", "button")
                .class("run")
                .attr("data-action", "run")
                .attr("data-value", &run_key)
                .attr("data-key", &run_key)
                .attr("aria-expanded", if open { "true" } else { "false" })
                .text(&label)
                .child(
                    El::new(ctx.doc, "span")
                        .class("act")
                        .text(" · ")
                        .text(if open { Msg::HideRun } else { Msg::ShowRun }.text(ctx.lang)),
                ),
        )
        .maybe(block_link(ctx, Some(first)));
    if open {
        cell = cell.children(ids.iter().zip(&ps).map(|(&i, p)| {
            let whole = vec![Span {
                text: p.text.to_string(),
                kind: SpanKind::Changed,
            }];
            let shown = passage(ctx, (c, at, i), side, p, passage_text(ctx, p, whole, side));
            if p.boilerplate.is_some() {
                shown.class("passage boilerplate")
            } else {
                shown
            }
        }));
    }
    Some(Run {
        cell,
        key: run_key,
        formal_only: content == 0,
        linked: ps.iter().any(|p| linked(ctx, p, true)),
    })
}

/// One side's run, drawn: its cell and what the row needs to know of it.
struct Run {
    cell: El,
    key: String,
    formal_only: bool,
    linked: bool,
}

/// The row of a left run, a right run, or both side by side (two runs that follow each
/// other in the comparison share a line: each column says what only its side has there).
fn runs_row(ctx: &Ctx<'_>, left: Option<Run>, right: Option<Run>) -> Option<El> {
    let empty = |side: &str| El::new(ctx.doc, "div").class(&format!("cell {side} empty"));
    let mut class = String::from("row");
    let mut keys = Vec::new();
    let (mut formal, mut marked) = (true, false);
    for (run, side) in [(&left, "left"), (&right, "right")] {
        if let Some(r) = run {
            class.push_str(&format!(" {side}-only"));
            keys.push(r.key.clone());
            formal &= r.formal_only;
            marked |= r.linked;
        }
    }
    if keys.is_empty() {
        return None;
    }
    class.push_str(" folded");
    if formal {
        class.push_str(" boilerplate");
    }
    Some(
        El::new(ctx.doc, "li")
            .class(&class)
            .attr("tabindex", "-1")
            .attr("data-key", &format!("row:{}", keys.join("|")))
            .attr_if(marked, "data-at", "")
            .attr_if(ctx.ui.only_matched, "hidden", "")
            .child(left.map_or_else(|| empty("left"), |r| r.cell))
            .child(right.map_or_else(|| empty("right"), |r| r.cell)),
    )
}

/// The rows of blocks `range` (the widget appends the blocks after [`START_ROWS`] to the
/// list a moment after the rest).
pub fn rows<'a>(
    ctx: &'a Ctx<'_>,
    c: &'a LazyComparison,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = El> + 'a {
    let picked = picked(ctx, c);
    let start = range.start;
    let blocks = c.alignment.blocks.get(range).unwrap_or_default();
    let shown = move |k: usize| {
        picked
            .as_ref()
            .is_none_or(|p| p.binary_search(&(start + k)).is_ok())
    };
    let blocks: Vec<&Block> = blocks
        .iter()
        .enumerate()
        .filter(|(k, _)| shown(*k))
        .map(|(_, b)| b)
        .collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < blocks.len() {
        // A run of one side's passages shares a line with a run of the other's after it.
        let (left, right, n) = match (blocks[k], blocks.get(k + 1)) {
            (Block::Both { left, right, pairs }, _) => {
                out.push(both(ctx, (c, start + k), left, right, pairs));
                k += 1;
                continue;
            }
            (Block::LeftOnly { passages: l }, Some(Block::RightOnly { passages: r }))
            | (Block::RightOnly { passages: r }, Some(Block::LeftOnly { passages: l })) => {
                (Some(&l[..]), Some(&r[..]), 2)
            }
            (Block::LeftOnly { passages }, _) => (Some(&passages[..]), None, 1),
            (Block::RightOnly { passages }, _) => (None, Some(&passages[..]), 1),
        };
        // Which of the two blocks each run is (passages are drawn in a block: see
        // `view::context`).
        let block_of = |side| {
            start
                + k
                + usize::from(!matches!(
                    (blocks[k], side),
                    (Block::LeftOnly { .. }, Side::Left) | (Block::RightOnly { .. }, Side::Right)
                ))
        };
        let run = |side, ids: Option<&[usize]>| {
            ids.and_then(|ids| one_sided(ctx, (c, block_of(side)), side, ids))
        };
        out.extend(runs_row(
            ctx,
            run(Side::Left, left),
            run(Side::Right, right),
        ));
        k += n;
    }
    out.into_iter()
}

/// Where the row that starts at block `k` ends: after the next block too when a run of
/// one side's passages is followed by one of the other's (they share a line, see
/// [`runs_row`]). The widget draws the rows after the first ones a row at a time, so that
/// they are the same rows however they are sliced.
pub fn row_end(c: &crate::compare::Alignment, k: usize) -> usize {
    match (c.blocks.get(k), c.blocks.get(k + 1)) {
        (Some(Block::LeftOnly { .. }), Some(Block::RightOnly { .. }))
        | (Some(Block::RightOnly { .. }), Some(Block::LeftOnly { .. })) => k + 2,
        _ => k + 1,
    }
}

/// Where the rows the panel draws at once end: the rows of the first [`START_ROWS`]
/// blocks (one more when the last shares a line with the next).
pub fn first_end(c: &crate::compare::Alignment) -> usize {
    let mut end = 0;
    while end < START_ROWS.min(c.blocks.len()) {
        end = row_end(c, end);
    }
    end
}

/// The blocks the host page chose (by passage, topic, number), by index; `None`: all.
fn picked(ctx: &Ctx<'_>, c: &LazyComparison) -> Option<Vec<usize>> {
    let embed = &ctx.state.embed;
    let mut chosen: Vec<u16> = Vec::new();
    for (t, info) in (0u16..).zip(&ctx.session.bundle.topics) {
        if embed.topics.contains(&info.id) {
            chosen.push(t);
        }
    }
    let segmenter = ctx.session.comparer.segmenter();
    let about = |p: &PassageRef| {
        segmenter
            .topic_hits(&p.text)
            .iter()
            .any(|t| chosen.contains(t))
    };
    let a = &c.alignment;
    embed.blocks(&a.blocks, &a.passages, &about)
}

/// The regions' names over the two columns, drawn by the style sheet from the names it
/// already has (`--_ln`, `--_rn`): they stay in view while the rows scroll.
fn heads(ctx: &Ctx<'_>) -> El {
    El::new(ctx.doc, "div")
        .class("heads")
        .attr("aria-hidden", "true")
}

/// How many rows a block is drawn as: one, whether both speak or one side's run is
/// folded to a line (see [`one_sided`]).
fn row_count(_: &crate::compare::Alignment, _: &Block) -> usize {
    1
}

/// When the page narrowed the view: how many of how many, or that none of its choice is
/// here (a passage id of another comparison).
pub fn narrowed(ctx: &Ctx<'_>, shown: usize, all: usize) -> El {
    let note = El::new(ctx.doc, "p").class("status");
    if shown == 0 {
        return note.text(Msg::NothingChosen.text(ctx.lang));
    }
    note.text(&shown_of(ctx.lang, shown, all))
}

/// The view with its first blocks, and the summary to announce.
pub fn panel(ctx: &Ctx<'_>, lazy: &LazyComparison) -> (El, String) {
    let c = &lazy.alignment;
    // The first blocks, the rest once they are on screen; with `max-rows`, all it allows.
    let end = match ctx.state.embed.max_rows {
        Some(_) => c.blocks.len(),
        None => first_end(c),
    };
    let mut first: Vec<El> = rows(ctx, lazy, 0..end).collect();
    first.truncate(ctx.state.embed.max_rows.unwrap_or(usize::MAX));
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
    // What the page narrowed, said under the rows: the blocks it chose, of all; or, with
    // `max-rows` only, the rows drawn of the rows there are when the cap was reached.
    let note = match (picked(ctx, lazy), ctx.state.embed.max_rows) {
        (Some(p), _) => Some(narrowed(ctx, p.len(), c.blocks.len())),
        (None, Some(max)) if first.len() == max => {
            let all = c.blocks.iter().map(|b| row_count(c, b)).sum();
            Some(narrowed(ctx, max, all))
        }
        _ => None,
    };
    (
        El::new(ctx.doc, "div")
            .attr("data-done", Msg::LinkCopied.text(ctx.lang))
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
            .child(heads(ctx))
            .child(El::new(ctx.doc, "ol").class("rows").children(first))
            .maybe(note)
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
