//! The widget's controls: two labelled region pickers, a swap button, the view tabs and the
//! theme tabs (with counts). Tabs follow the ARIA tabs pattern: one tab in the tab order,
//! arrow keys move between them.

use super::ctx::Ctx;
use super::dom::El;
use crate::bundle::Theme;
use crate::view::{Msg, View};

fn region_picker(ctx: &Ctx<'_>, side: &str, label: Msg, selected: &str) -> El {
    let id = format!("pc-{side}");
    let options = ctx.session.bundle.regions.iter().map(|r| {
        let name = ctx.lang.pick(&r.zh, &r.en);
        let has_documents = ctx.session.with_documents.contains(&r.id);
        let text = if has_documents {
            name.to_owned()
        } else {
            format!("{name} ({})", Msg::NoDocuments.text(ctx.lang))
        };
        El::new(ctx.doc, "option")
            .attr("value", &r.id)
            .attr_if(r.id == selected, "selected", "")
            .text(&text)
    });
    El::new(ctx.doc, "label")
        .attr("for", &id)
        .text(label.text(ctx.lang))
        .child(
            El::new(ctx.doc, "select")
                .attr("id", &id)
                .attr("data-action", side)
                .attr("data-key", side)
                .children(options),
        )
}

/// The documents of the region on one side, when it has more than one: all of them, or
/// one (`national` is eleven unrelated documents).
fn document_picker(ctx: &Ctx<'_>, side: &str, label: Msg) -> Option<El> {
    let (region, chosen) = if side == "left" {
        (&ctx.state.left, ctx.state.left_document.as_deref())
    } else {
        (&ctx.state.right, ctx.state.right_document.as_deref())
    };
    let docs = super::sources::documents(ctx, region, None);
    if docs.len() < 2 {
        return None;
    }
    let id = format!("pc-{side}-document");
    let all = El::new(ctx.doc, "option")
        .attr("value", "")
        .text(Msg::AllDocuments.text(ctx.lang));
    let options = docs.into_iter().map(|d| {
        El::new(ctx.doc, "option")
            .attr("value", &d.id)
            .attr_if(chosen == Some(d.id.as_str()), "selected", "")
            .text(&d.published)
            .text(" ")
            .text(&d.title)
    });
    let action = format!("{side}-document");
    Some(
        El::new(ctx.doc, "label")
            .attr("for", &id)
            .text(label.text(ctx.lang))
            .child(
                El::new(ctx.doc, "select")
                    .attr("id", &id)
                    .class("doc")
                    .attr("data-action", &action)
                    .attr("data-key", &action)
                    .child(all)
                    .children(options),
            ),
    )
}

/// The id of a tab, for the panel's `aria-labelledby`.
pub fn tab_id(kind: &str, value: &str) -> String {
    format!("pc-tab-{kind}-{value}")
}

/// A tablist: `(value, label, selected)` per tab.
pub fn tabs(ctx: &Ctx<'_>, kind: &str, label: &str, tabs: Vec<(String, El, bool)>) -> El {
    let items = tabs.into_iter().map(|(value, content, selected)| {
        El::new(ctx.doc, "button")
            .attr("type", "button")
            .attr("id", &tab_id(kind, &value))
            .attr("role", "tab")
            .attr("aria-selected", if selected { "true" } else { "false" })
            .attr("aria-controls", "pc-panel")
            .attr("tabindex", if selected { "0" } else { "-1" })
            .attr("data-action", kind)
            .attr("data-value", &value)
            .attr("data-key", &format!("{kind}:{value}"))
            .child(content)
    });
    El::new(ctx.doc, "div")
        .attr("role", "tablist")
        .attr("aria-label", label)
        .class(kind)
        .children(items)
}

/// The view whose tab is selected: every region's targets are part of the targets view
/// (reached from it; a seventh tab would push the first screen's passages down a line).
pub fn tab_view(view: View) -> View {
    match view {
        View::Indicator => View::Targets,
        v => v,
    }
}

/// Pickers, swap and view tabs.
pub fn header(ctx: &Ctx<'_>) -> El {
    let views = View::ALL
        .iter()
        .filter_map(|&v| {
            let msg = match v {
                View::Passages => Msg::Passages,
                View::Targets => Msg::Targets,
                View::Overview => Msg::Overview,
                View::Search => Msg::Search,
                View::Map => Msg::Map,
                View::Topic => Msg::Topic,
                View::Indicator => return None,
            };
            Some((
                v.id().to_owned(),
                El::new(ctx.doc, "span").text(msg.text(ctx.lang)),
                v == tab_view(ctx.state.view),
            ))
        })
        .collect();
    El::new(ctx.doc, "div")
        .class("controls")
        .child(region_picker(ctx, "left", Msg::LeftRegion, &ctx.state.left))
        .maybe(document_picker(ctx, "left", Msg::LeftDocument))
        .child(
            El::new(ctx.doc, "button")
                .attr("type", "button")
                .class("swap")
                .attr("data-action", "swap")
                .attr("data-key", "swap")
                .attr("aria-label", Msg::Swap.text(ctx.lang))
                .attr("title", Msg::Swap.text(ctx.lang))
                .text("⇄"),
        )
        .child(region_picker(
            ctx,
            "right",
            Msg::RightRegion,
            &ctx.state.right,
        ))
        .maybe(document_picker(ctx, "right", Msg::RightDocument))
        .child(super::search::search_box(ctx))
        .child(tabs(ctx, "views", Msg::Views.text(ctx.lang), views))
}

/// Theme tabs; `count` gives each side's count of `unit` shown on each (`None` for all
/// themes): what choosing the tab shows, so that a reader can count it there.
pub fn theme_tabs(
    ctx: &Ctx<'_>,
    unit: &str,
    count: impl Fn(Option<Theme>) -> (usize, usize),
) -> El {
    let (left, right) = (
        ctx.region_name(&ctx.state.left),
        ctx.region_name(&ctx.state.right),
    );
    let theme_tab = |theme: Option<Theme>| {
        let name = match theme {
            None => Msg::AllThemes.text(ctx.lang).to_owned(),
            Some(t) => ctx.lang.pick(t.zh(), t.en()).to_owned(),
        };
        let (l, r) = count(theme);
        // `12·30` for the eyes; what is counted, and whose, for screen readers.
        let content = El::new(ctx.doc, "span")
            .text(&name)
            .child(
                El::new(ctx.doc, "span")
                    .class("count")
                    .attr("aria-hidden", "true")
                    .text(&format!("{l}·{r}")),
            )
            .child(
                El::new(ctx.doc, "span")
                    .class("sr")
                    .text(&format!(" ({unit}: {left} {l}, {right} {r})")),
            );
        (
            theme.map_or("all", |t| t.id()).to_owned(),
            content,
            theme == ctx.state.theme,
        )
    };
    let all = std::iter::once(None)
        .chain(Theme::ALL.into_iter().map(Some))
        .map(theme_tab)
        .collect();
    tabs(ctx, "themes", Msg::Themes.text(ctx.lang), all)
}
