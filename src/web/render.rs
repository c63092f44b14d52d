//! Drawing the widget: the frame every view shares (controls, tabs, summary) and the
//! error box. The views themselves are in their own modules.

use std::rc::Rc;

use web_sys::Document;

use super::dom::El;
use super::session::Session;
use super::{controls, overview, passages, targets};
use crate::compare::{Alignment, TargetTable};
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
    /// Passages, all themes (the overview's shared passages and the coverage).
    pub all: Rc<LazyComparison>,
    /// Targets, all themes.
    pub targets: Rc<TargetTable>,
}

/// The whole widget for a state: returns the body and the summary to announce.
pub fn body(ctx: &Ctx<'_>, data: &Data) -> (El, String) {
    let mut body = El::new(ctx.doc, "div")
        .class("body")
        .child(controls::header(ctx));
    let (panel, summary) = match ctx.state.view {
        View::Passages => {
            let cov = &data.all.alignment.coverage;
            body = body.child(controls::theme_tabs(ctx, |theme| match theme {
                None => format!(
                    "{}·{}",
                    count_all(&data.all.alignment, true),
                    count_all(&data.all.alignment, false)
                ),
                Some(t) => cov
                    .iter()
                    .find(|c| c.theme == t)
                    .map_or_else(String::new, |c| format!("{}·{}", c.left, c.right)),
            }));
            passages::panel(ctx, &data.comparison)
        }
        View::Targets => {
            body = body.child(controls::theme_tabs(ctx, |theme| {
                let (l, r) = targets::counts(&data.targets, theme);
                format!("{l}·{r}")
            }));
            targets::panel(ctx, &data.targets)
        }
        View::Overview => overview::panel(ctx, &data.all, &data.targets),
    };
    let panel = El::new(ctx.doc, "div")
        .attr("id", "pc-panel")
        .attr("role", "tabpanel")
        .child(panel);
    (
        body.child(El::new(ctx.doc, "p").class("status").text(&summary))
            .child(panel),
        summary,
    )
}

fn count_all(c: &Alignment, left: bool) -> usize {
    let n = &c.counts;
    n.pairs + if left { n.left_only } else { n.right_only }
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
