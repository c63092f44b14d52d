//! Drawing the widget: the frame every view shares (controls, tabs, summary) and the
//! error box. The views themselves are in their own modules.

use web_sys::Document;

use super::ctx::{Ctx, Data};
use super::dom::El;
use super::{controls, indicator, map, overview, passages, search, sources, targets, topic};
use crate::view::format::css_string;
use crate::view::{Lang, Msg, View, only_in};

/// The whole widget for a state: returns the body and the summary to announce.
pub fn body(ctx: &Ctx<'_>, data: &Data) -> (El, String) {
    let (left, right) = (
        ctx.region_name(&ctx.state.left),
        ctx.region_name(&ctx.state.right),
    );
    // A landmark with a name, so that two widgets on a page can be told apart.
    let mut body = El::new(ctx.doc, "div")
        .class("body")
        .attr("role", "region")
        .attr(
            "aria-label",
            &format!("{}: {left} / {right}", Msg::Widget.text(ctx.lang)),
        )
        .child(controls::header(ctx))
        .child(sources::list(ctx));
    body = words(ctx, body);
    let (panel, summary) = match (ctx.state.view, &data.all) {
        (View::Passages, _) => {
            let comparer = &ctx.session.comparer;
            let alignment = &data.comparison.alignment;
            let unit = ctx.lang.pick("显示段落", "passages shown");
            body = body.child(controls::theme_tabs(ctx, unit, |theme| match theme {
                None => (
                    comparer.passage_count(&ctx.state.left_side()),
                    comparer.passage_count(&ctx.state.right_side()),
                ),
                Some(t) => alignment.shown_under(t),
            }));
            passages::panel(ctx, &data.comparison)
        }
        (View::Targets, _) | (View::Overview, None) => {
            let unit = ctx.lang.pick("目标", "targets");
            body = body.child(controls::theme_tabs(ctx, unit, |theme| {
                targets::counts(&data.targets, theme)
            }));
            targets::panel(ctx, &data.targets)
        }
        (View::Overview, Some(all)) => overview::panel(ctx, all, &data.targets),
        (View::Search, _) => search::panel(ctx),
        (View::Map, _) => map::panel(ctx),
        (View::Topic, _) => topic::panel(ctx),
        (View::Indicator, _) => indicator::panel(ctx),
    };
    let panel = El::new(ctx.doc, "div")
        .attr("id", "pc-panel")
        .attr("role", "tabpanel")
        .attr(
            "aria-labelledby",
            &controls::tab_id("views", controls::tab_view(ctx.state.view).id()),
        )
        .child(panel);
    (
        // The live region announces the summary; this copy is for the eyes.
        body.child(
            El::new(ctx.doc, "p")
                .class("status")
                .attr("aria-hidden", "true")
                .text(&summary),
        )
        .child(panel),
        summary,
    )
}

/// Words the style sheet shows, as CSS strings in custom properties (set through the
/// CSS object model, which a strict Content-Security-Policy allows): what each highlight
/// means, said by screen readers before it (`del::before { content: "" / var(--_sr-left) }`
/// — alternative text, which unlike hidden text is not copied with a passage), and the
/// regions' names that label each side of a target row when the table is stacked.
fn words(ctx: &Ctx<'_>, mut body: El) -> El {
    let (left, right) = (
        ctx.region_name(&ctx.state.left),
        ctx.region_name(&ctx.state.right),
    );
    let (l, r) = (only_in(ctx.lang, &left), only_in(ctx.lang, &right));
    // A side that is one document: its date after the region's name.
    let date = |name: &str, region: &str, document: &Option<String>| {
        let d = document.as_deref().unwrap_or_default();
        match sources::documents(ctx, region, Some(d)).first() {
            Some(doc) if !d.is_empty() => format!("{name} {}", doc.published),
            _ => name.to_owned(),
        }
    };
    let state = ctx.state;
    let (left, right) = (
        date(&left, &state.left, &state.left_document),
        date(&right, &state.right, &state.right_document),
    );
    for (name, text, said) in [
        ("--_sr-left", l.as_str(), true),
        ("--_sr-right", &r, true),
        ("--_sr-reused", Msg::LegendReused.text(ctx.lang), true),
        ("--_sr-moved", Msg::LegendMoved.text(ctx.lang), true),
        ("--_sr-shared", Msg::LegendTerms.text(ctx.lang), true),
        ("--_ln", &left, false),
        ("--_rn", &right, false),
    ] {
        let text = if said {
            format!("{text}: ")
        } else {
            text.to_owned()
        };
        body = body.var(name, &css_string(&text));
    }
    body
}

/// An error in place of the comparison: what went wrong, in the interface language's
/// frame, the message itself as given.
pub fn error(doc: &Document, lang: Lang, message: &str) -> El {
    El::new(doc, "div")
        .class("error")
        .attr("role", "alert")
        .child(El::new(doc, "h2").text(Msg::ErrorTitle.text(lang)))
        .child(El::new(doc, "p").text(message))
}
