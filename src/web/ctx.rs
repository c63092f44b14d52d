//! What every view draws with: the page, the language, the bundle, the state and the
//! interface toggles ([`Ctx`]), and the data computed for the state ([`Data`]). Its own
//! module, so that the views and the frame that calls them need not import each other.

use std::rc::Rc;

use web_sys::Document;

use super::session::Session;
use crate::compare::TargetTable;
use crate::view::{Lang, LazyComparison, Sort, State};

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
    /// Show only the blocks where both sides speak.
    pub only_matched: bool,
    /// Folded runs of one side's passages that the reader opened, by run key.
    pub open_runs: Vec<String>,
    /// Blocks the reader asked to see in full, by block key.
    pub open_blocks: Vec<String>,
    /// Passages shown in context, by `document/paragraph`.
    pub context: Vec<String>,
    /// The target table's sort.
    pub sort: Sort,
    /// Source quotes shown in the target tables, by `document/metric`.
    pub open_quotes: Vec<String>,
    /// Lists shown whole in the views across regions (`search:henan`, `topic:henan`).
    pub open_lists: Vec<String>,
    /// The map's sort: a column key and whether largest first.
    pub map_sort: Option<(String, bool)>,
    /// The sort of the table across regions: a year (`2020`, `none`) and whether
    /// largest first.
    pub year_sort: Option<(String, bool)>,
    /// The passage opened from search (`document/paragraph`): shown, and marked, in the
    /// passages view.
    pub reveal: Option<String>,
    /// The list of documents compared is open.
    pub sources_open: bool,
    /// Long passages shown whole, by `document/paragraph`.
    pub open_long: Vec<String>,
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
