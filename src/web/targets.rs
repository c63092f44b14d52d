//! The targets view: the two regions' targets side by side, grouped by theme, in real
//! tables (captions, column headers, `aria-sort`), sortable, each value with its
//! comparator and year and its source quote on demand, and a CSV of what is shown. In
//! English, amounts are English (`over 30 bn USD`) and each Chinese indicator has its
//! canonical name beside it — a button to that indicator across every region; quotes stay
//! Chinese. A side without targets says what its plans state instead.

use super::ctx::Ctx;
use super::dom::El;
use crate::bundle::{MetricKind, Theme};
use crate::compare::TargetTable;
use crate::compare::targets::{TargetGroup, TargetRef, TargetRow};
use crate::view::format::number;
use crate::view::{Column, Lang, Msg, Sort, no_targets};

/// Targets per side under `theme` (all when `None`).
pub fn counts(table: &TargetTable, theme: Option<Theme>) -> (usize, usize) {
    table
        .groups
        .iter()
        .filter(|g| theme.is_none() || g.theme == theme)
        .flat_map(|g| &g.rows)
        .fold((0, 0), |(l, r), row| {
            (
                l + usize::from(row.left.is_some()),
                r + usize::from(row.right.is_some()),
            )
        })
}

fn sorted(rows: &[TargetRow], sort: Sort) -> Vec<&TargetRow> {
    // Values of one unit only are ordered against each other (view::target_sort).
    crate::view::target_sort::sorted_rows(rows, sort)
}

/// `突破300亿美元`, `100家以上`, `1–3个`, `翻一番`; in English `over 30 bn USD`
/// ([`crate::view::english`]).
pub fn amount(lang: Lang, t: &TargetRef) -> String {
    if lang == Lang::En {
        return crate::view::english::amount(t);
    }
    let value = match t.value_max {
        Some(max) => format!("{}–{}", number(t.value), number(max)),
        None => number(t.value),
    };
    t.phrase(&value)
}

fn target_cells(ctx: &Ctx<'_>, t: Option<&TargetRef>) -> [El; 3] {
    let Some(t) = t else {
        return [
            El::new(ctx.doc, "td").text("—"),
            El::new(ctx.doc, "td"),
            El::new(ctx.doc, "td"),
        ];
    };
    // The quote's open state survives a redraw (a sort, say).
    let key = format!("{}/{}", t.document, t.metric);
    let open = ctx.ui.open_quotes.contains(&key);
    let indicator = El::new(ctx.doc, "td").child(
        El::new(ctx.doc, "details")
            .attr("lang", "zh")
            .attr_if(open, "open", "")
            .child(
                El::new(ctx.doc, "summary")
                    .attr("data-action", "quote")
                    .attr("data-value", &key)
                    .attr("data-key", &format!("quote:{key}"))
                    .text(&t.indicator),
            )
            .child(
                El::new(ctx.doc, "blockquote")
                    .text(&t.quote)
                    .text(" — ")
                    .text(&ctx.title(&t.document)),
            ),
    );
    // The canonical indicator beside the region's own words: what makes rows comparable,
    // and the way to it across every region.
    let indicator = indicator.maybe(
        t.indicator_id
            .as_deref()
            .and_then(|id| super::indicator::link(ctx, id)),
    );
    [
        indicator,
        El::new(ctx.doc, "td")
            .class("num")
            .text(&amount(ctx.lang, t)),
        El::new(ctx.doc, "td")
            .class("num")
            .text(&t.year.map(|y| y.to_string()).unwrap_or_default()),
    ]
}

/// A column header; a sortable one is a button. `table` tells the tables apart, so that
/// focus comes back to the button that was pressed.
fn header_cell(ctx: &Ctx<'_>, table: &str, label: &str, column: Option<Column>) -> El {
    let th = El::new(ctx.doc, "th").attr("scope", "col");
    let Some(column) = column else {
        return th.text(label);
    };
    let sort = ctx.ui.sort;
    let active = sort.column == column;
    // The indicator column's order is the table's own (matched pairs first, the most
    // similar first), not an alphabetical one: no aria-sort for it.
    let th = th.attr_if(
        active && column != Column::Match,
        "aria-sort",
        if sort.descending {
            "descending"
        } else {
            "ascending"
        },
    );
    let (value, region, hint) = match column {
        Column::Match => ("match", None, Msg::SortByMatch),
        Column::Left => ("left", Some(&ctx.state.left), Msg::SortBy),
        Column::Right => ("right", Some(&ctx.state.right), Msg::SortBy),
    };
    let arrow = match (active, column, sort.descending) {
        (false, ..) | (true, Column::Match, _) => "",
        (true, _, true) => " ▼",
        (true, _, false) => " ▲",
    };
    th.child(
        El::new(ctx.doc, "button")
            .attr("type", "button")
            .attr("data-action", "sort")
            .attr("data-value", value)
            .attr("data-key", &format!("sort:{table}:{value}"))
            .attr("title", hint.text(ctx.lang))
            // Which side's value, for screen readers (the header row above says it to
            // the eyes).
            .maybe(region.map(|r| {
                El::new(ctx.doc, "span")
                    .class("sr")
                    .text(&format!("{} ", ctx.region_name(r)))
            }))
            .text(label)
            .maybe((!arrow.is_empty()).then(|| {
                El::new(ctx.doc, "span")
                    .attr("aria-hidden", "true")
                    .text(arrow)
            })),
    )
}

/// A theme's table, its first `limit` rows.
fn group_table(ctx: &Ctx<'_>, group: &TargetGroup, limit: usize) -> El {
    let theme_name = group.theme.map_or("—".to_owned(), |t| {
        ctx.lang.pick(t.zh(), t.en()).to_owned()
    });
    let (left, right) = (
        ctx.region_name(&ctx.state.left),
        ctx.region_name(&ctx.state.right),
    );
    let table = group.theme.map_or("none", |t| t.id());
    let head = El::new(ctx.doc, "thead")
        .child(
            El::new(ctx.doc, "tr")
                .child(
                    El::new(ctx.doc, "th")
                        .attr("colspan", "3")
                        .attr("scope", "colgroup")
                        .text(&left),
                )
                .child(
                    El::new(ctx.doc, "th")
                        .attr("colspan", "3")
                        .attr("scope", "colgroup")
                        .text(&right),
                ),
        )
        .child(
            El::new(ctx.doc, "tr")
                .child(header_cell(
                    ctx,
                    table,
                    Msg::Indicator.text(ctx.lang),
                    Some(Column::Match),
                ))
                .child(header_cell(
                    ctx,
                    table,
                    Msg::Value.text(ctx.lang),
                    Some(Column::Left),
                ))
                .child(header_cell(ctx, table, Msg::Year.text(ctx.lang), None))
                .child(header_cell(ctx, table, Msg::Indicator.text(ctx.lang), None))
                .child(header_cell(
                    ctx,
                    table,
                    Msg::Value.text(ctx.lang),
                    Some(Column::Right),
                ))
                .child(header_cell(ctx, table, Msg::Year.text(ctx.lang), None)),
        );
    let rows = sorted(&group.rows, ctx.ui.sort)
        .into_iter()
        .take(limit)
        .map(|row| {
            El::new(ctx.doc, "tr")
                .children(target_cells(ctx, row.left.as_ref()))
                .children(target_cells(ctx, row.right.as_ref()))
        });
    El::new(ctx.doc, "section")
        .class("group")
        .child(El::new(ctx.doc, "h3").text(&theme_name))
        .child(
            // On a phone the six columns scroll sideways rather than crush the text.
            El::new(ctx.doc, "div").class("scroll").child(
                El::new(ctx.doc, "table")
                    .class("targets")
                    .child(
                        El::new(ctx.doc, "caption")
                            .class("sr")
                            .text(&format!("{theme_name}: {left} / {right}")),
                    )
                    // One column group per side (what the headers' scope="colgroup" refers
                    // to), with the same widths in every theme's table, so they read as one.
                    .children([(); 2].map(|()| {
                        El::new(ctx.doc, "colgroup").children(
                            ["ind", "val", "year"].map(|c| El::new(ctx.doc, "col").class(c)),
                        )
                    }))
                    .child(head)
                    .child(El::new(ctx.doc, "tbody").children(rows)),
            ),
        )
}

/// The groups shown under the current theme.
pub fn shown<'a>(ctx: &Ctx<'_>, table: &'a TargetTable) -> Vec<&'a TargetGroup> {
    table
        .groups
        .iter()
        .filter(|g| ctx.state.theme.is_none() || g.theme == ctx.state.theme)
        .collect()
}

/// The CSV of what is shown, in the one shape of every CSV (`metrics::csv`).
pub fn to_csv(ctx: &Ctx<'_>, table: &TargetTable) -> String {
    let names = (
        ctx.region_name(&ctx.state.left),
        ctx.region_name(&ctx.state.right),
    );
    let rows = shown(ctx, table)
        .into_iter()
        .flat_map(|g| sorted(&g.rows, ctx.ui.sort));
    crate::compare::targets::rows_to_csv(&table.left, &table.right, (&names.0, &names.1), rows)
}

/// What a side without targets states instead — how many baselines and other numbers —
/// and a button that lists them, each with its quote.
fn without_targets(ctx: &Ctx<'_>, region: &str, document: Option<&str>) -> El {
    let statements = super::across::statements(ctx.session);
    let key = format!("numbers:{region}");
    let open = ctx.ui.open_lists.contains(&key);
    let mut baselines = 0;
    let mut list = El::new(ctx.doc, "ul").class("targets-on");
    let mut n = 0;
    for (_, t) in statements.statements(Some(region)) {
        if document.is_some_and(|d| d != t.document) {
            continue;
        }
        n += 1;
        let baseline = t.kind == MetricKind::Baseline;
        baselines += usize::from(baseline);
        if open {
            let year = t.year.map(|y| format!(" ({y})")).unwrap_or_default();
            let mark = if baseline {
                Msg::BaselineMark.text(ctx.lang)
            } else {
                ""
            };
            list = list.child(
                El::new(ctx.doc, "li")
                    .child(El::new(ctx.doc, "strong").text(&amount(ctx.lang, t)))
                    .text(&format!("{mark}{year} "))
                    .child(El::new(ctx.doc, "q").attr("lang", "zh").text(&t.quote)),
            );
        }
    }
    let mut name = ctx.region_name(region);
    // One document of the region: that one is what sets no targets (its date says which).
    if let Some(d) = document.and_then(|d| ctx.session.bundle.documents.iter().find(|x| x.id == d))
    {
        name = format!("{name} {}", d.published);
    }
    let note = El::new(ctx.doc, "p").class("note").text(&no_targets(
        ctx.lang,
        &name,
        baselines,
        n - baselines,
    ));
    if n == 0 {
        return note;
    }
    let label = if open { Msg::HideRun } else { Msg::ShowRun };
    El::new(ctx.doc, "div")
        .class("without")
        .child(
            note.text(" ").child(
                El::new(ctx.doc, "button")
                    .attr("type", "button")
                    .class("link")
                    .attr("data-action", "more")
                    .attr("data-value", &key)
                    .attr("data-key", &format!("more:{key}"))
                    .attr("aria-expanded", if open { "true" } else { "false" })
                    .text(&format!("{} · {name}", label.text(ctx.lang))),
            ),
        )
        .maybe(open.then_some(list))
}

/// The view, and the summary to announce.
pub fn panel(ctx: &Ctx<'_>, table: &TargetTable) -> (El, String) {
    let groups = shown(ctx, table);
    let (l, r) = counts(table, ctx.state.theme);
    // A side with no targets at all (whatever the theme) says what it has instead.
    let (all_l, all_r) = counts(table, None);
    let state = ctx.state;
    let mut notes = Vec::new();
    if all_l == 0 {
        notes.push(without_targets(
            ctx,
            &state.left,
            state.left_document.as_deref(),
        ));
    }
    if all_r == 0 {
        notes.push(without_targets(
            ctx,
            &state.right,
            state.right_document.as_deref(),
        ));
    }
    let summary = format!(
        "{}: {l} · {}: {r} — {}",
        ctx.region_name(&ctx.state.left),
        ctx.region_name(&ctx.state.right),
        Msg::Targets.text(ctx.lang)
    );
    // Every region at once: the theme shown (or the indicator most regions state).
    let every = El::new(ctx.doc, "button")
        .attr("type", "button")
        .attr("data-action", "open-indicator")
        .attr("data-value", "")
        .attr("data-key", "open-indicator")
        .text(Msg::EveryRegion.text(ctx.lang));
    if groups.is_empty() {
        let body = if notes.is_empty() {
            El::new(ctx.doc, "p").text(Msg::NoTargets.text(ctx.lang))
        } else {
            El::new(ctx.doc, "div").children(notes)
        };
        return (
            El::new(ctx.doc, "div")
                .child(El::new(ctx.doc, "div").class("toolbar").child(every))
                .child(body),
            summary,
        );
    }
    let download = El::new(ctx.doc, "button")
        .attr("type", "button")
        .attr("data-action", "csv")
        .attr("data-key", "csv")
        .text(Msg::DownloadCsv.text(ctx.lang));
    // At most `max-rows` rows in all, when the page asks for that.
    let all: usize = groups.iter().map(|g| g.rows.len()).sum();
    let max = ctx.state.embed.max_rows;
    let mut left = max.unwrap_or(usize::MAX);
    let tables: Vec<El> = groups
        .into_iter()
        .filter_map(|g| {
            let take = left.min(g.rows.len());
            left -= take;
            (take > 0).then(|| group_table(ctx, g, take))
        })
        .collect();
    let shown = all.min(max.unwrap_or(all));
    (
        El::new(ctx.doc, "div")
            .child(
                El::new(ctx.doc, "div")
                    .class("toolbar")
                    .child(download)
                    .child(every),
            )
            .children(notes)
            .children(tables)
            .maybe((shown < all).then(|| super::passages::narrowed(ctx, shown, all))),
        summary,
    )
}
