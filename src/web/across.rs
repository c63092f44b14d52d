//! What the views across all regions — search, the map, one topic everywhere — share:
//! the search index and the topics of every passage, made for a bundle the first time a
//! view needs them and kept with it, and what the reader does in those views.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent};

use super::controls;
use super::ctx::Ctx;
use super::dom::El;
use super::element::{Shared, current_state, draw_pending, update};
use super::events::user_change;
use super::session::Session;
use crate::bundle::Theme;
use crate::compare::across::Topics;
use crate::compare::passages::Passage;
use crate::compare::statements::Statements;
use crate::search::{Found, Index, Query};
use crate::view::{Msg, State, show_all};

/// A search's terms, and what it found.
type Search = (Vec<String>, Rc<Vec<Found>>);

/// A bundle's search index and passage topics, made on first use.
#[derive(Default)]
pub struct Across {
    index: OnceCell<Index>,
    topics: OnceCell<Topics>,
    statements: OnceCell<Statements>,
    /// The last search: its terms, and what it found (a redraw of the same results, for a
    /// filter or "show all", searches again for nothing).
    last: RefCell<Option<Search>>,
}

/// The passages that hold `query`, best first. The time a search takes is on the page's
/// performance timeline, between the marks `policy-compare:search` and
/// `policy-compare:searched` (and the index's making, the first time, up to
/// `policy-compare:search-index`).
pub fn found(session: &Session, query: &Query) -> Rc<Vec<Found>> {
    let across = &session.across;
    if let Some((terms, found)) = &*across.last.borrow()
        && *terms == query.terms
    {
        return found.clone();
    }
    let passages = session.comparer.passages();
    super::mark("policy-compare:search");
    let index = across.index.get_or_init(|| {
        let index = Index::new(passages);
        super::mark("policy-compare:search-index");
        index
    });
    let found = Rc::new(index.search(passages, query));
    super::mark("policy-compare:searched");
    *across.last.borrow_mut() = Some((query.terms.clone(), found.clone()));
    found
}

/// The topics of every passage.
pub fn topics(session: &Session) -> &Topics {
    session
        .across
        .topics
        .get_or_init(|| Topics::new(session.comparer.segmenter(), session.comparer.passages()))
}

/// Every region's statements (for the view of one indicator across regions).
pub fn statements(session: &Session) -> &Statements {
    session
        .across
        .statements
        .get_or_init(|| Statements::new(&session.bundle))
}

/// The two sides that show `region`: the sides shown if it is one of them, else it on the
/// left, facing the right.
fn sides(state: &State, region: &str) -> [(&'static str, String); 2] {
    let left = if region == state.right {
        state.left.clone()
    } else {
        region.to_owned()
    };
    [("left", left), ("right", state.right.clone())]
}

/// Handles what the reader does in the views across regions; false for anything else.
pub(super) fn on_event(
    shared: &Rc<Shared>,
    kind: &str,
    action: &str,
    value: String,
    el: &Element,
) -> bool {
    match (kind, action) {
        ("click", "search") => search(shared),
        ("change", "query-region" | "query-theme" | "topic" | "indicator") => {
            if let Some(select) = el.dyn_ref::<HtmlSelectElement>() {
                user_change(shared, &[(action, select.value())]);
            }
        }
        ("click", "topic-theme") => {
            user_change(shared, &[("theme", value), ("topic", String::new())]);
        }
        ("click", "indicator-theme") => {
            user_change(shared, &[("theme", value), ("indicator", String::new())]);
        }
        // A canonical indicator (or, empty, the current theme) across every region.
        ("click", "open-indicator") => user_change(
            shared,
            &[("view", "indicator".to_owned()), ("indicator", value)],
        ),
        ("click", "year-sort") => update(shared, |inner| {
            let descending = match &inner.ui.year_sort {
                Some((year, descending)) if *year == value => !descending,
                _ => true,
            };
            inner.ui.year_sort = Some((value, descending));
        }),
        ("click", "open") => open(shared, &value),
        // `region|theme`: that region's passages on that theme.
        ("click", "cell") => {
            let Some((region, theme)) = value.split_once('|') else {
                return true;
            };
            let Some(state) = state(shared) else {
                return true;
            };
            let [left, right] = sides(&state, region);
            user_change(
                shared,
                &[
                    left,
                    right,
                    ("theme", theme.to_owned()),
                    ("view", "passages".to_owned()),
                ],
            );
        }
        ("click", "map-sort") => update(shared, |inner| {
            let descending = match &inner.ui.map_sort {
                Some((column, descending)) if *column == value => !descending,
                _ => value != "region",
            };
            inner.ui.map_sort = Some((value, descending));
        }),
        ("click", "more") => update(shared, |inner| {
            let open = &mut inner.ui.open_lists;
            match open.iter().position(|k| *k == value) {
                Some(i) => {
                    open.remove(i);
                }
                None => open.push(value),
            }
        }),
        _ => return false,
    }
    true
}

/// Enter in the search box searches (not while an input method is composing: that Enter
/// picks the characters).
pub(super) fn on_key(shared: &Rc<Shared>, target: &Element, key: &KeyboardEvent) -> bool {
    if target.id() != "pc-query" || key.key() != "Enter" || key.is_composing() {
        return false;
    }
    key.prevent_default();
    search(shared);
    true
}

fn state(shared: &Shared) -> Option<State> {
    current_state(&*shared.inner.try_borrow().ok()?)
}

/// Searches for what the search box holds.
fn search(shared: &Rc<Shared>) {
    let input = shared
        .inner
        .try_borrow()
        .ok()
        .and_then(|inner| inner.root.get_element_by_id("pc-query"))
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
    if let Some(input) = input {
        user_change(
            shared,
            &[("query", input.value()), ("view", "search".to_owned())],
        );
    }
}

/// The attributes that show passage `document/paragraph` in the passages view.
fn opening(shared: &Shared, key: &str) -> Option<[(&'static str, String); 4]> {
    let inner = shared.inner.try_borrow().ok()?;
    let session = inner.session.clone()?;
    let state = current_state(&inner)?;
    let (document, paragraph) = key.split_once('/')?;
    let p = session
        .comparer
        .passages()
        .iter()
        .find(|p| *p.document == *document && p.paragraph == paragraph)?;
    let [left, right] = sides(&state, &p.region);
    let theme = p.themes.first().map_or("all", |t| t.id()).to_owned();
    Some([
        left,
        right,
        ("theme", theme),
        ("view", "passages".to_owned()),
    ])
}

/// Opens passage `document/paragraph` in the passages view, its region on one side and
/// its strongest theme chosen, and brings it into view with focus on its row.
fn open(shared: &Rc<Shared>, key: &str) {
    let Some(changes) = opening(shared, key) else {
        return;
    };
    // Set without drawing: the change of attributes draws.
    if let Ok(mut inner) = shared.inner.try_borrow_mut() {
        inner.ui.reveal = Some(key.to_owned());
        inner.ui.only_matched = false;
    }
    user_change(shared, &changes);
    draw_pending(shared, f64::INFINITY);
    // Focus on its row (a block may hold many passages), and the passage itself in view.
    let passage = shared.inner.try_borrow().ok().and_then(|inner| {
        ["left", "right"].iter().find_map(|side| {
            inner
                .root
                .get_element_by_id(&format!("pc-where-{side}-{key}"))
        })
    });
    let Some(passage) = passage.and_then(|p| p.parent_element()) else {
        return;
    };
    if let Some(row) = passage
        .closest("li")
        .ok()
        .flatten()
        .and_then(|r| r.dyn_into::<HtmlElement>().ok())
    {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = row.focus_with_options(&options);
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    passage.scroll_into_view_with_scroll_into_view_options(&options);
}

// What the three views draw alike. (Shared, and written as loops over vectors rather than
// iterator chains: each chain is code of its own in the widget's wasm.)

/// Where a passage comes from: its document's title and its section path.
pub fn place(ctx: &Ctx<'_>, p: &Passage) -> El {
    let mut text = ctx.title(&p.document);
    for heading in p.path.iter() {
        text.push_str(" › ");
        text.push_str(heading);
    }
    El::new(ctx.doc, "p")
        .class("where")
        .attr("lang", "zh")
        .text(&text)
}

/// A passage's text as pieces, the hits marked (`<mark>`, text inside).
pub fn marked(ctx: &Ctx<'_>, pieces: &[(&str, bool)]) -> El {
    let mut out = El::new(ctx.doc, "p").class("text").attr("lang", "zh");
    for &(text, hit) in pieces {
        out = if hit {
            out.child(El::new(ctx.doc, "mark").class("hit").text(text))
        } else {
            out.text(text)
        };
    }
    out
}

/// The button that shows a list whole (`open` says whether it is), or folds it again.
pub fn more_button(ctx: &Ctx<'_>, key: &str, n: usize, open: bool, name: &str) -> El {
    let label = if open {
        Msg::HideRun.text(ctx.lang).to_owned()
    } else {
        show_all(ctx.lang, n)
    };
    El::new(ctx.doc, "button")
        .attr("type", "button")
        .class("link")
        .attr("data-action", "more")
        .attr("data-value", key)
        .attr("data-key", &format!("more:{key}"))
        .attr("aria-expanded", if open { "true" } else { "false" })
        .text(&format!("{label} · {name}"))
}

/// A labelled `<select>` that sets the attribute `action`: `(value, label, selected)` per
/// option.
pub fn select(ctx: &Ctx<'_>, action: &str, label: Msg, options: Vec<(String, String, bool)>) -> El {
    let id = format!("pc-{action}");
    let mut select = El::new(ctx.doc, "select")
        .attr("id", &id)
        .attr("data-action", action)
        .attr("data-key", action);
    for (value, text, selected) in options {
        select = select.child(
            El::new(ctx.doc, "option")
                .attr("value", &value)
                .attr_if(selected, "selected", "")
                .text(&text),
        );
    }
    El::new(ctx.doc, "label")
        .attr("for", &id)
        .text(label.text(ctx.lang))
        .child(select)
}

/// Theme tabs of `kind` (`all` first when `with_all`), `selected` chosen.
pub fn theme_tabs(ctx: &Ctx<'_>, kind: &str, with_all: bool, selected: Option<Theme>) -> El {
    let mut tabs = Vec::new();
    if with_all {
        let all = El::new(ctx.doc, "span").text(Msg::AllThemes.text(ctx.lang));
        tabs.push(("all".to_owned(), all, selected.is_none()));
    }
    for t in Theme::ALL {
        let name = El::new(ctx.doc, "span").text(ctx.lang.pick(t.zh(), t.en()));
        tabs.push((t.id().to_owned(), name, Some(t) == selected));
    }
    controls::tabs(ctx, kind, Msg::Themes.text(ctx.lang), tabs)
}
