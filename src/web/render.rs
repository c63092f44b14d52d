//! Drawing the widget: the frame every view shares (controls, tabs, summary) and the
//! error box. The views themselves are in their own modules.

use web_sys::Document;

use super::ctx::{Ctx, Data};
use super::dom::El;
use super::{controls, map, overview, passages, search, targets, topic};
use crate::view::{Lang, Msg, View};

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
        .child(controls::header(ctx));
    let (panel, summary) = match (ctx.state.view, &data.all) {
        (View::Passages, _) => {
            let comparer = &ctx.session.comparer;
            let alignment = &data.comparison.alignment;
            body = body.child(controls::theme_tabs(ctx, |theme| match theme {
                None => (
                    comparer.passage_count(&ctx.state.left),
                    comparer.passage_count(&ctx.state.right),
                ),
                Some(t) => alignment.coverage_of(t),
            }));
            passages::panel(ctx, &data.comparison)
        }
        (View::Targets, _) | (View::Overview, None) => {
            body = body.child(controls::theme_tabs(ctx, |theme| {
                targets::counts(&data.targets, theme)
            }));
            targets::panel(ctx, &data.targets)
        }
        (View::Overview, Some(all)) => overview::panel(ctx, all, &data.targets),
        (View::Search, _) => search::panel(ctx),
        (View::Map, _) => map::panel(ctx),
        (View::Topic, _) => topic::panel(ctx),
    };
    let panel = El::new(ctx.doc, "div")
        .attr("id", "pc-panel")
        .attr("role", "tabpanel")
        .attr(
            "aria-labelledby",
            &controls::tab_id("views", ctx.state.view.id()),
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

/// An error in place of the comparison: what went wrong, in the interface language's
/// frame, the message itself as given.
pub fn error(doc: &Document, lang: Lang, message: &str) -> El {
    El::new(doc, "div")
        .class("error")
        .attr("role", "alert")
        .child(El::new(doc, "h2").text(Msg::ErrorTitle.text(lang)))
        .child(El::new(doc, "p").text(message))
}
