//! Drawing the widget: the frame every view shares (controls, tabs, summary) and the
//! error box. The views themselves are in their own modules.

use std::rc::Rc;

use web_sys::Document;

use super::dom::El;
use super::session::Session;
use super::{controls, overview, passages, targets};
use crate::compare::TargetTable;
use crate::widget::{Lang, LazyComparison, Msg, State, View};

/// What the view functions draw with.
pub struct Ctx<'a> {
    /// The page's document.
    pub doc: &'a Document,
    /// The interface language.
    pub lang: Lang,
    /// The bundle.
    pub session: &'a Session,
    /// The state.
    pub state: &'a State,
    /// Interface toggles.
    pub ui: &'a Ui,
}

/// Interface state that is not an attribute.
#[derive(Clone, Debug, Default)]
pub struct Ui {
    /// Hide pairs whose texts are the same.
    pub only_differences: bool,
    /// Passages shown in context, by `document/paragraph`.
    pub context: Vec<String>,
    /// The target table's sort.
    pub sort: targets::Sort,
    /// Source quotes shown in the target tables, by `document/metric`.
    pub open_quotes: Vec<String>,
}

impl Ctx<'_> {
    /// The title of a document, by id.
    pub fn title(&self, id: &str) -> String {
        self.session
            .bundle
            .documents
            .iter()
            .find(|d| d.id == id)
            .map_or_else(|| id.to_owned(), |d| d.title.clone())
    }

    /// A region's name in the interface language.
    pub fn region_name(&self, id: &str) -> String {
        self.session
            .bundle
            .regions
            .iter()
            .find(|r| r.id == id)
            .map_or_else(
                || id.to_owned(),
                |r| self.lang.pick(&r.zh, &r.en).to_owned(),
            )
    }
}

/// The data a view needs, computed once per state.
pub struct Data {
    /// Passages, under the current theme.
    pub comparison: Rc<LazyComparison>,
    /// Passages, all themes: the overview's (computed for that view only).
    pub all: Option<Rc<LazyComparison>>,
    /// Targets, all themes.
    pub targets: Rc<TargetTable>,
}

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
