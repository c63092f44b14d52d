//! Every region at once: one canonical indicator — or one theme's targets and baselines —
//! across all regions, as a real table of regions × years (caption, header cells,
//! `aria-sort`), each cell a region's values for that year with their quotes on demand.
//! A year's column sorts the rows by their values in it, one measure at a time
//! ([`crate::view::indicator_table`]: `亿美元` never against `个`); the CSV of what is
//! shown is the one shape of every CSV ([`crate::metrics::csv`]). Reached from the
//! targets view (a statement's canonical indicator, or the toolbar) and by
//! `view=indicator&indicator=…` (or `&theme=…`).

use super::across::{select, theme_tabs};
use super::ctx::Ctx;
use super::dom::El;
use super::render;
use super::targets::amount;
use crate::bundle::MetricKind;
use crate::compare::statements::{IndicatorRow, IndicatorTable, Subject};
use crate::metrics::indicators::names;
use crate::view::indicator_table::{self, year_key};
use crate::view::{Msg, indicator_summary};

/// The canonical indicator's name in the interface language.
pub fn name(ctx: &Ctx<'_>, id: &str) -> Option<&'static str> {
    names(id).map(|x| ctx.lang.pick(x.0, x.1))
}

/// The button that opens indicator `id` across every region, named for it.
pub fn link(ctx: &Ctx<'_>, id: &str) -> Option<El> {
    let name = name(ctx, id)?;
    Some(
        El::new(ctx.doc, "button")
            .attr("type", "button")
            .class("link")
            .attr("data-action", "open-indicator")
            .attr("data-value", id)
            .attr("title", Msg::EveryRegion.text(ctx.lang))
            .text(name),
    )
}

/// The rows in the order shown.
fn shown<'a>(ctx: &Ctx<'_>, table: &'a IndicatorTable) -> Vec<&'a IndicatorRow> {
    let sort = ctx.ui.year_sort.as_ref().map(|(k, d)| (k.as_str(), *d));
    indicator_table::sorted_by_year(table, sort)
}

/// The table of the current state, with its subject's name; an error names what is wrong.
fn table(ctx: &Ctx<'_>) -> Result<(IndicatorTable, String), String> {
    let statements = super::across::statements(ctx.session);
    let subject =
        indicator_table::subject(ctx.state.indicator.as_deref(), ctx.state.theme, statements)
            .map_err(|e| e.to_string())?
            .ok_or_else(|| Msg::NoTargets.text(ctx.lang).to_owned())?;
    let label = match &subject {
        Subject::Indicator(id) => name(ctx, id).unwrap_or(id).to_owned(),
        Subject::Theme(t) => ctx.lang.pick(t.zh(), t.en()).to_owned(),
    };
    // The subject is one the bundle has (checked above): no error to say here, and the
    // widget's wasm carries no message for one.
    let table = statements
        .table(&subject)
        .map_err(|_| Msg::NoTargets.text(ctx.lang).to_owned())?;
    Ok((table, label))
}

/// The CSV of what is shown, and a file name for it.
pub fn to_csv(ctx: &Ctx<'_>) -> Option<(String, String)> {
    let (table, _) = table(ctx).ok()?;
    let file = match &table.subject {
        Subject::Indicator(id) => format!("indicator-{id}.csv"),
        Subject::Theme(t) => format!("indicator-theme-{}.csv", t.id()),
    };
    let csv = crate::compare::statements::rows_to_csv(
        &ctx.session.bundle,
        shown(ctx, &table),
        ctx.lang == crate::view::Lang::En,
    );
    Some((csv, file))
}

/// A year's header cell: a button that sorts by it.
fn year_header(ctx: &Ctx<'_>, year: Option<i32>) -> El {
    let key = year_key(year);
    let label = year.map_or("—".to_owned(), |y| y.to_string());
    let sorted = ctx.ui.year_sort.as_ref().filter(|(k, _)| *k == key);
    let (sort, arrow) = match sorted {
        Some((_, true)) => ("descending", " ▼"),
        Some((_, false)) => ("ascending", " ▲"),
        None => ("", ""),
    };
    El::new(ctx.doc, "th")
        .attr("scope", "col")
        .class("num")
        .attr_if(sorted.is_some(), "aria-sort", sort)
        .child(
            El::new(ctx.doc, "button")
                .attr("type", "button")
                .attr("data-action", "year-sort")
                .attr("data-value", &key)
                .attr("data-key", &format!("year-sort:{key}"))
                .attr("title", Msg::SortBy.text(ctx.lang))
                .text(&label)
                .maybe((!arrow.is_empty()).then(|| {
                    El::new(ctx.doc, "span")
                        .attr("aria-hidden", "true")
                        .text(arrow)
                })),
        )
}

/// A cell: the region's statements of that year, each with its quote on demand.
fn cell(ctx: &Ctx<'_>, row: &IndicatorRow, column: usize) -> El {
    let mut td = El::new(ctx.doc, "td").class("num");
    for t in row.cells.get(column).into_iter().flatten() {
        let key = format!("{}/{}", t.document, t.metric);
        let open = ctx.ui.open_quotes.contains(&key);
        let mut value = amount(ctx.lang, t);
        if t.kind == MetricKind::Baseline {
            value.push_str(Msg::BaselineMark.text(ctx.lang));
        }
        td = td.child(
            El::new(ctx.doc, "details")
                .attr_if(open, "open", "")
                .child(
                    El::new(ctx.doc, "summary")
                        .attr("data-action", "quote")
                        .attr("data-value", &key)
                        .attr("data-key", &format!("quote:{key}"))
                        .text(&value),
                )
                .child(
                    El::new(ctx.doc, "blockquote")
                        .attr("lang", "zh")
                        .text(&t.quote)
                        .text(" — ")
                        .text(&ctx.title(&t.document)),
                ),
        );
    }
    td
}

/// The view, and the summary to announce.
pub fn panel(ctx: &Ctx<'_>) -> (El, String) {
    let (table, label) = match table(ctx) {
        Ok(found) => found,
        Err(message) => return (render::error(ctx.doc, ctx.lang, &message), message),
    };
    let statements = super::across::statements(ctx.session);
    let theme = match table.subject {
        Subject::Theme(t) => Some(t),
        Subject::Indicator(_) => None,
    };
    let mut options = Vec::new();
    if theme.is_some() {
        options.push((
            String::new(),
            Msg::WholeTheme.text(ctx.lang).to_owned(),
            true,
        ));
    }
    for u in statements.indicators() {
        let text = format!("{} ({})", name(ctx, &u.id).unwrap_or(&u.id), u.regions);
        let selected = table.subject == Subject::Indicator(u.id.clone());
        options.push((u.id, text, selected));
    }
    let mut head = El::new(ctx.doc, "tr")
        .child(
            El::new(ctx.doc, "th")
                .attr("scope", "col")
                .text(Msg::Region.text(ctx.lang)),
        )
        .child(
            El::new(ctx.doc, "th")
                .attr("scope", "col")
                .text(Msg::Indicator.text(ctx.lang)),
        );
    for year in &table.years {
        head = head.child(year_header(ctx, *year));
    }
    let mut body = El::new(ctx.doc, "tbody");
    let mut regions: Vec<&str> = Vec::new();
    for row in shown(ctx, &table) {
        if !regions.contains(&row.region.as_str()) {
            regions.push(&row.region);
        }
        // Under a theme, rows of several indicators: each says its canonical one.
        let canonical = match (&theme, &row.indicator_id) {
            (Some(_), Some(id)) => name(ctx, id),
            _ => None,
        };
        let mut tr = El::new(ctx.doc, "tr")
            .child(
                El::new(ctx.doc, "th")
                    .attr("scope", "row")
                    .text(ctx.lang.pick(&row.zh, &row.en)),
            )
            .child(
                El::new(ctx.doc, "td")
                    .child(
                        El::new(ctx.doc, "span")
                            .attr("lang", "zh")
                            .text(&row.indicator),
                    )
                    .maybe(canonical.map(|c| El::new(ctx.doc, "span").class("canonical").text(c))),
            );
        for c in 0..table.years.len() {
            tr = tr.child(cell(ctx, row, c));
        }
        body = body.child(tr);
    }
    let caption = format!("{label} — {}", Msg::EveryRegion.text(ctx.lang));
    let out = El::new(ctx.doc, "div")
        .child(theme_tabs(ctx, "indicator-theme", false, theme))
        .child(
            El::new(ctx.doc, "div")
                .class("controls filters")
                .child(select(ctx, "indicator", Msg::Indicator, options)),
        )
        .child(
            El::new(ctx.doc, "div").class("toolbar").child(
                El::new(ctx.doc, "button")
                    .attr("type", "button")
                    .attr("data-action", "csv")
                    .attr("data-key", "csv")
                    .text(Msg::DownloadCsv.text(ctx.lang)),
            ),
        )
        .child(
            El::new(ctx.doc, "div").class("map-scroll").child(
                El::new(ctx.doc, "table")
                    .class("across")
                    .child(El::new(ctx.doc, "caption").text(&caption))
                    .child(El::new(ctx.doc, "thead").child(head))
                    .child(body),
            ),
        );
    let mut silent = Vec::new();
    for r in &table.without {
        silent.push(ctx.region_name(r));
    }
    let out = out.maybe((!silent.is_empty()).then(|| {
        let list = silent.join(ctx.lang.pick("、", ", "));
        El::new(ctx.doc, "p")
            .class("note")
            .text(&format!("{}: {list}", Msg::NoNumbers.text(ctx.lang)))
    }));
    (out, indicator_summary(ctx.lang, &label, regions.len()))
}
