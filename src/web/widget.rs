//! One `<policy-compare>` element's wasm side: its state, its shadow root, and the events
//! inside it. The element's JavaScript (`www/element.js`) creates a [`Widget`], hands it
//! the bundle text, and forwards attribute changes; everything else happens here.
//!
//! Attributes and state stay in sync both ways: the state is always read from the
//! attributes, and a choice made in the widget is written back to them (then a `change`
//! event tells the host page). Writing an attribute calls back into the widget
//! synchronously, so the widget never holds its own borrow while it writes one, and
//! batches the callbacks of a multi-attribute change into one render.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::render::{AnimationFrame, request_animation_frame};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{
    Document, Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent,
    ShadowRoot,
};

use super::dom::El;
use super::passages;
use super::render::{self, Ctx, Data, Ui};
use super::session::{self, Session};
use super::targets::{self, Sort};
use crate::compare::{Alignment, TargetTable};
use crate::themes::Theme;
use crate::widget::{Lang, LazyComparison, Msg, State, View};

type Key = (String, String, Option<Theme>);

struct Inner {
    /// The widget itself, for the task that draws pending rows (weak: no cycle).
    me: std::rc::Weak<RefCell<Inner>>,
    host: HtmlElement,
    root: ShadowRoot,
    doc: Document,
    frame: Element,
    announcer: Element,
    bundle_key: Option<String>,
    session: Option<Rc<Session>>,
    load_error: Option<String>,
    ui: Ui,
    /// Attribute callbacks to ignore while the widget writes several attributes.
    batch: bool,
    /// Comparisons already made, most recent last (a short list: a reader switches back
    /// and forth between a few).
    comparisons: Vec<(Key, Rc<LazyComparison>)>,
    targets: Vec<((String, String), Rc<TargetTable>)>,
    renders: u32,
    /// Whether the first comparison on screen has been marked for the Performance API.
    marked: bool,
    /// The difference last jumped to, for when focus has since left the rows (a click on
    /// the "next" button moves focus to the button).
    cursor: Option<i32>,
    /// The first passage row not drawn yet: a long comparison draws its first
    /// [`passages::FIRST_ROWS`] rows at once and the rest in the next task, so that the
    /// first screen does not wait for them.
    pending: Option<usize>,
    /// The request for the next animation frame, and the task queued from it that runs
    /// once that frame is drawn: it draws the pending rows (dropping either cancels it).
    next_frame: Option<AnimationFrame>,
    after_frame: Option<Timeout>,
    /// Whether the first frame with a comparison has been marked as shown.
    shown: bool,
}

/// One `<policy-compare>` element.
#[wasm_bindgen]
pub struct Widget {
    inner: Rc<RefCell<Inner>>,
    _listeners: Vec<EventListener>,
}

#[wasm_bindgen]
impl Widget {
    /// Sets up the shadow root of `host` and shows that the bundle is loading.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, root: ShadowRoot) -> Result<Widget, JsError> {
        let doc = host
            .owner_document()
            .ok_or_else(|| JsError::new("the element has no document"))?;
        root.set_inner_html("");
        let style = El::new(&doc, "style").text(include_str!("style.css"));
        let announcer = El::new(&doc, "p")
            .class("sr")
            .attr("role", "status")
            .attr("aria-live", "polite");
        let frame = El::new(&doc, "div").class("pc");
        let container = El::new(&doc, "div");
        let _ = root.append_child(style.node());
        let _ = container.el.append_child(announcer.node());
        let _ = container.el.append_child(frame.node());
        let _ = root.append_child(container.node());
        let inner = Rc::new_cyclic(|me| {
            RefCell::new(Inner {
                me: me.clone(),
                host,
                root,
                doc,
                frame: frame.el,
                announcer: announcer.el,
                bundle_key: None,
                session: None,
                load_error: None,
                ui: Ui::default(),
                batch: false,
                comparisons: Vec::new(),
                targets: Vec::new(),
                renders: 0,
                marked: false,
                cursor: None,
                pending: None,
                next_frame: None,
                after_frame: None,
                shown: false,
            })
        });
        let target = inner.borrow().frame.clone();
        let listeners = ["click", "change", "keydown"]
            .into_iter()
            .map(|kind| {
                let inner = inner.clone();
                EventListener::new_with_options(
                    &target,
                    kind,
                    EventListenerOptions::enable_prevent_default(),
                    move |event| on_event(&inner, event),
                )
            })
            .collect();
        render(&mut inner.borrow_mut());
        Ok(Widget {
            inner,
            _listeners: listeners,
        })
    }

    /// Whether a bundle under `key` is already prepared on this page.
    pub fn has_bundle(&self, key: &str) -> bool {
        session::cached(key).is_some()
    }

    /// Uses the bundle prepared under `key` (see [`Widget::has_bundle`]).
    pub fn use_bundle(&self, key: &str) {
        if let Some(session) = session::cached(key) {
            self.install(key, Ok(session));
        }
    }

    /// Parses and prepares the bundle text loaded for `key`, then shows the comparison, or
    /// the reason the bundle cannot be read.
    pub fn set_bundle(&self, key: &str, json: &str) {
        let result = session::load(key, json).map_err(|e| format!("{key}: {e}"));
        self.install(key, result);
    }

    /// Shows why the bundle for `key` could not be loaded.
    pub fn bundle_failed(&self, key: &str, message: &str) {
        self.install(key, Err(message.to_owned()));
    }

    /// An observed attribute changed (called by the element's `attributeChangedCallback`).
    pub fn attribute_changed(&self) {
        if let Ok(mut inner) = self.inner.try_borrow_mut()
            && !inner.batch
        {
            inner.cursor = None;
            render(&mut inner);
        }
    }

    /// How many times the widget has drawn itself (for tests and measurements).
    pub fn renders(&self) -> u32 {
        self.inner.borrow().renders
    }
}

impl Widget {
    fn install(&self, key: &str, result: Result<Rc<Session>, String>) {
        let Ok(mut inner) = self.inner.try_borrow_mut() else {
            return;
        };
        inner.bundle_key = Some(key.to_owned());
        inner.comparisons.clear();
        inner.targets.clear();
        match result {
            Ok(session) => {
                inner.session = Some(session);
                inner.load_error = None;
            }
            Err(message) => {
                inner.session = None;
                inner.load_error = Some(message);
            }
        }
        render(&mut inner);
    }
}

/// The language of the page around the element.
fn page_lang(host: &HtmlElement) -> String {
    host.parent_element()
        .and_then(|p| p.closest("[lang]").ok().flatten())
        .and_then(|e| e.get_attribute("lang"))
        .or_else(|| {
            host.owner_document()
                .and_then(|d| d.document_element())
                .and_then(|e| e.get_attribute("lang"))
        })
        .unwrap_or_default()
}

fn state_of(inner: &Inner, session: &Session) -> Result<State, String> {
    let with_documents: Vec<&str> = session.with_documents.iter().map(String::as_str).collect();
    State::from_attributes(
        |name| inner.host.get_attribute(name),
        &page_lang(&inner.host),
        &session.bundle.regions,
        &with_documents,
    )
    .map_err(|e| e.to_string())
}

/// How many comparisons a widget keeps.
const KEEP: usize = 12;

/// Returns the cached value for `key`, or computes, caches and returns it.
fn cached<K: PartialEq, V>(cache: &mut Vec<(K, Rc<V>)>, key: K, make: impl FnOnce() -> V) -> Rc<V> {
    if let Some((_, v)) = cache.iter().find(|(k, _)| *k == key) {
        return v.clone();
    }
    if cache.len() >= KEEP {
        cache.remove(0);
    }
    let v = Rc::new(make());
    cache.push((key, v.clone()));
    v
}

fn data(inner: &mut Inner, session: &Session, state: &State) -> Data {
    let mut comparison = |theme: Option<Theme>| -> Rc<LazyComparison> {
        let key = (state.left.clone(), state.right.clone(), theme);
        cached(&mut inner.comparisons, key, || {
            // Ids were validated against the bundle with the state.
            LazyComparison::new(
                session
                    .comparer
                    .align(&state.left, &state.right, theme.map_or("all", |t| t.id()))
                    .unwrap_or_else(|_| empty_alignment()),
            )
        })
    };
    let all = comparison(None);
    let current = if state.theme.is_none() {
        all.clone()
    } else {
        comparison(state.theme)
    };
    let targets = cached(
        &mut inner.targets,
        (state.left.clone(), state.right.clone()),
        || {
            session
                .comparer
                .targets(&state.left, &state.right, "all")
                .unwrap_or_else(|_| TargetTable {
                    left: all.alignment.left.clone(),
                    right: all.alignment.right.clone(),
                    theme: None,
                    groups: Vec::new(),
                })
        },
    );
    Data {
        comparison: current,
        all,
        targets,
    }
}

fn empty_alignment() -> Alignment {
    let side = crate::compare::Side {
        region: String::new(),
        zh: String::new(),
        en: String::new(),
        documents: Vec::new(),
    };
    Alignment {
        left: side.clone(),
        right: side,
        theme: None,
        rows: Vec::new(),
        coverage: Vec::new(),
        counts: Default::default(),
    }
}

/// Draws the widget for the current attributes, keeping focus where it was.
fn render(inner: &mut Inner) {
    let focused = inner
        .root
        .active_element()
        .and_then(|e| e.get_attribute("data-key"));
    let lang = Lang::from_tag(
        &inner
            .host
            .get_attribute("lang")
            .unwrap_or_else(|| page_lang(&inner.host)),
    );
    let _ = inner.frame.set_attribute("lang", lang.tag());
    inner.pending = None;
    inner.next_frame = None;
    inner.after_frame = None;
    let (body, summary) = if let Some(message) = &inner.load_error {
        (render::error(&inner.doc, lang, message), message.clone())
    } else if let Some(session) = inner.session.clone() {
        match state_of(inner, &session) {
            Err(message) => (render::error(&inner.doc, lang, &message), message),
            Ok(state) => {
                let _ = inner.frame.set_attribute("lang", state.lang.tag());
                let data = data(inner, &session, &state);
                let ctx = Ctx {
                    doc: &inner.doc,
                    lang: state.lang,
                    session: &session,
                    state: &state,
                    ui: &inner.ui,
                };
                let drawn = render::body(&ctx, &data);
                let rows = data.comparison.alignment.rows.len();
                if state.view == View::Passages && rows > passages::FIRST_ROWS {
                    inner.pending = Some(passages::FIRST_ROWS);
                }
                drawn
            }
        }
    } else {
        let loading = Msg::Loading.text(lang);
        (
            El::new(&inner.doc, "p").class("status").text(loading),
            loading.to_owned(),
        )
    };
    inner.frame.set_inner_html("");
    let _ = inner.frame.append_child(body.node());
    inner.announcer.set_text_content(Some(&summary));
    if let Some(key) = focused {
        let find = |inner: &Inner| {
            inner
                .root
                .query_selector(&format!("[data-key=\"{key}\"]"))
                .ok()
                .flatten()
        };
        // Focus was in a row not drawn yet: draw the rest now, then put it back.
        if find(inner).is_none() {
            draw_pending(inner);
        }
        if let Some(el) = find(inner)
            && let Some(el) = el.dyn_ref::<HtmlElement>()
        {
            let _ = el.focus();
        }
    }
    if inner.pending.is_none() {
        inner.renders += 1;
    }
    if inner.pending.is_some() || (inner.session.is_some() && !inner.shown) {
        after_next_frame(inner);
    }
    if inner.session.is_some() {
        let first = !inner.marked;
        inner.marked = true;
        super::mark(if first {
            "policy-compare:first-render"
        } else {
            "policy-compare:render"
        });
    }
}

/// Once the next frame is on screen: marks the first one with a comparison as shown, and
/// draws the rows left for later. (An animation frame's callback runs before the frame is
/// drawn; a task it queues runs after.)
fn after_next_frame(inner: &mut Inner) {
    let me = inner.me.clone();
    inner.next_frame = Some(request_animation_frame(move |_| {
        let later = me.clone();
        let task = Timeout::new(0, move || {
            let Some(inner) = later.upgrade() else {
                return;
            };
            let Ok(mut inner) = inner.try_borrow_mut() else {
                return;
            };
            if inner.session.is_some() && !inner.shown {
                inner.shown = true;
                super::mark("policy-compare:shown");
            }
            draw_pending(&mut inner);
        });
        match me.upgrade() {
            Some(inner) => match inner.try_borrow_mut() {
                Ok(mut inner) => inner.after_frame = Some(task),
                Err(_) => {
                    let _ = task.forget();
                }
            },
            None => drop(task),
        }
    }));
}

/// Draws the passage rows that [`render`] left for later, if any; the widget is then
/// complete (`renders` counts complete drawings).
fn draw_pending(inner: &mut Inner) {
    let Some(from) = inner.pending.take() else {
        return;
    };
    inner.renders += 1;
    let Some(session) = inner.session.clone() else {
        return;
    };
    let Ok(state) = state_of(inner, &session) else {
        return;
    };
    let data = data(inner, &session, &state);
    let ctx = Ctx {
        doc: &inner.doc,
        lang: state.lang,
        session: &session,
        state: &state,
        ui: &inner.ui,
    };
    let Ok(Some(list)) = inner.frame.query_selector("ol.rows") else {
        return;
    };
    let n = data.comparison.alignment.rows.len();
    let fragment = inner.doc.create_document_fragment();
    for row in passages::rows(&ctx, &data.comparison, from..n) {
        let _ = fragment.append_child(row.node());
    }
    let _ = list.append_child(&fragment);
}

/// Writes attributes the user changed, renders once, and tells the host page.
fn user_change(inner: &Rc<RefCell<Inner>>, changes: &[(&str, String)]) {
    let host = {
        let Ok(mut i) = inner.try_borrow_mut() else {
            return;
        };
        i.batch = true;
        i.host.clone()
    };
    for (name, value) in changes {
        let _ = host.set_attribute(name, value);
    }
    let detail = {
        let Ok(mut i) = inner.try_borrow_mut() else {
            return;
        };
        i.batch = false;
        i.cursor = None;
        render(&mut i);
        let session = i.session.clone();
        session.and_then(|s| state_of(&i, &s).ok())
    };
    if let Some(state) = detail {
        let object = js_sys::Object::new();
        for (name, value) in state.attributes() {
            let _ = js_sys::Reflect::set(&object, &name.into(), &value.into());
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&object);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("change", &init) {
            let _ = host.dispatch_event(&event);
        }
    }
}

fn rerender(inner: &Rc<RefCell<Inner>>, update: impl FnOnce(&mut Ui)) {
    if let Ok(mut i) = inner.try_borrow_mut() {
        update(&mut i.ui);
        render(&mut i);
    }
}

fn on_event(inner: &Rc<RefCell<Inner>>, event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    if event.type_() == "keydown" {
        if let Some(key) = event.dyn_ref::<KeyboardEvent>() {
            on_key(inner, &target, key);
        }
        return;
    }
    let Some(el) = target.closest("[data-action]").ok().flatten() else {
        return;
    };
    let action = el.get_attribute("data-action").unwrap_or_default();
    let value = el.get_attribute("data-value").unwrap_or_default();
    match (event.type_().as_str(), action.as_str()) {
        ("change", side @ ("left" | "right")) => {
            if let Some(select) = el.dyn_ref::<HtmlSelectElement>() {
                user_change(inner, &[(side_attr(side), select.value())]);
            }
        }
        ("change", "only-differences") => {
            let on = el
                .dyn_ref::<HtmlInputElement>()
                .is_some_and(HtmlInputElement::checked);
            rerender(inner, |ui| ui.only_differences = on);
        }
        ("click", "swap") => {
            let host = inner.borrow().host.clone();
            let (l, r) = (host.get_attribute("left"), host.get_attribute("right"));
            // Swap what is shown, which may be defaults rather than attributes.
            let shown = {
                let i = inner.borrow();
                i.session.clone().and_then(|s| state_of(&i, &s).ok())
            };
            let (l, r) = match shown {
                Some(s) => (s.left, s.right),
                None => (l.unwrap_or_default(), r.unwrap_or_default()),
            };
            user_change(inner, &[("left", r), ("right", l)]);
        }
        ("click", "views") => user_change(inner, &[("view", value)]),
        ("click", "themes") => user_change(inner, &[("theme", value)]),
        ("click", "context") => rerender(inner, |ui| {
            match ui.context.iter().position(|k| *k == value) {
                Some(i) => {
                    ui.context.remove(i);
                }
                None => ui.context.push(value),
            }
        }),
        ("click", "sort") => {
            if let Some(column) = Sort::column(&value) {
                rerender(inner, |ui| ui.sort = ui.sort.toggled(column));
            }
        }
        ("click", "previous") => jump(inner, -1),
        ("click", "next") => jump(inner, 1),
        ("click", "csv") => download_csv(inner),
        _ => {}
    }
}

fn side_attr(side: &str) -> &'static str {
    if side == "left" { "left" } else { "right" }
}

fn on_key(inner: &Rc<RefCell<Inner>>, target: &Element, key: &KeyboardEvent) {
    if key.alt_key() || key.ctrl_key() || key.meta_key() {
        return;
    }
    // Arrow keys move between tabs (the tabs pattern), and activate the new one.
    if target.get_attribute("role").as_deref() == Some("tab") {
        let delta: i32 = match key.key().as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            "Home" => -1000,
            "End" => 1000,
            _ => return,
        };
        key.prevent_default();
        let Some(list) = target.parent_element() else {
            return;
        };
        let tabs = list.children();
        let n = tabs.length() as i32;
        let current = (0..n)
            .find(|&i| tabs.item(i as u32).as_ref() == Some(target))
            .unwrap_or(0);
        let next = (current + delta).clamp(0, n - 1);
        if let Some(tab) = tabs.item(next as u32)
            && let Some(tab) = tab.dyn_ref::<HtmlElement>()
        {
            let _ = tab.focus();
            tab.click();
        }
        return;
    }
    let typing = matches!(target.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA");
    if typing {
        return;
    }
    match key.key().as_str() {
        "j" => {
            key.prevent_default();
            jump(inner, 1);
        }
        "k" => {
            key.prevent_default();
            jump(inner, -1);
        }
        _ => {}
    }
}

/// Moves focus to the next (or previous) passage row that shows a difference.
fn jump(inner: &Rc<RefCell<Inner>>, delta: i32) {
    if let Ok(mut i) = inner.try_borrow_mut() {
        draw_pending(&mut i);
    }
    let root = inner.borrow().root.clone();
    let Ok(rows) = root.query_selector_all("li[data-differs]:not([hidden])") else {
        return;
    };
    let n = rows.length() as i32;
    if n == 0 {
        return;
    }
    let active = root.active_element();
    let current = (0..n).find(|&i| {
        rows.item(i as u32)
            .and_then(|r| r.dyn_into::<Element>().ok())
            .is_some_and(|r| {
                active
                    .as_ref()
                    .is_some_and(|a| r == *a || r.contains(Some(a)))
            })
    });
    let next = match current.or(inner.borrow().cursor) {
        Some(i) => (i + delta).clamp(0, n - 1),
        None if delta > 0 => 0,
        None => n - 1,
    };
    inner.borrow_mut().cursor = Some(next);
    if let Some(row) = rows
        .item(next as u32)
        .and_then(|r| r.dyn_into::<HtmlElement>().ok())
    {
        let _ = row.focus();
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        row.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

fn download_csv(inner: &Rc<RefCell<Inner>>) {
    let (csv, name, doc) = {
        let Ok(mut i) = inner.try_borrow_mut() else {
            return;
        };
        let Some(session) = i.session.clone() else {
            return;
        };
        let Ok(state) = state_of(&i, &session) else {
            return;
        };
        let data = data(&mut i, &session, &state);
        let ctx = Ctx {
            doc: &i.doc,
            lang: state.lang,
            session: &session,
            state: &state,
            ui: &i.ui,
        };
        let name = format!(
            "targets-{}-{}-{}.csv",
            state.left,
            state.right,
            state.theme.map_or("all", |t| t.id())
        );
        (targets::to_csv(&ctx, &data.targets), name, i.doc.clone())
    };
    // A UTF-8 byte order mark, so spreadsheet programs read the Chinese text as UTF-8.
    let parts = js_sys::Array::of1(&format!("\u{feff}{csv}").into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc.create_element("a")
        && let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>()
    {
        a.set_href(&url);
        a.set_download(&name);
        a.click();
    }
    // Revoke once the download has started, not before.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
}
