//! One `<policy-compare>` element's wasm side: its state, its shadow root, and how it
//! draws. The element's JavaScript (`www/element.js`) creates a [`Widget`], hands it the
//! bundle text, and forwards attribute changes; the events inside are in
//! [`super::events`].
//!
//! Attributes and state stay in sync both ways: the state is always read from the
//! attributes, and a choice made in the widget is written back to them (then a `change`
//! event tells the host page).
//!
//! Why drawing is careful about borrows: the DOM calls events synchronously — swapping the
//! content or moving focus fires `blur`/`focusin` at once, and a host page's listener may
//! read `renders` or set an attribute right there. So the widget never holds its state's
//! borrow across such a call: a drawing is built under the borrow and put on the page
//! after it is released, a request that arrives meanwhile only marks the widget dirty,
//! and the outermost drawing loops until it is clean. Host attribute changes are drawn in
//! a microtask, so that a page setting four attributes gets one drawing.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo::events::{EventListener, EventListenerOptions};
use gloo::render::{AnimationFrame, request_animation_frame};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, ShadowRoot};

use super::ctx::{Ctx, Data, Ui};
use super::data::Cache;
use super::dom::El;
use super::passages;
use super::patch;
use super::render;
use super::session::{self, Session};
use crate::bundle::{Bundle, BundleError, Reading};
use crate::compare::Pending;
use crate::view::{Lang, Msg, State, View};

/// The style sheet, without the comments that explain it (see [`crate::view::css`]).
const STYLE_SOURCE: &str = include_str!("style.css");
// Twice: first to learn the length (that array is never in the wasm), then into an array
// of exactly that length.
const STYLE_LEN: usize =
    crate::view::css::minify::<{ STYLE_SOURCE.len() }>(STYLE_SOURCE.as_bytes()).1;
const STYLE_MINIFIED: ([u8; STYLE_LEN], usize) =
    crate::view::css::minify::<STYLE_LEN>(STYLE_SOURCE.as_bytes());
const STYLE: &str = crate::view::css::text(&STYLE_MINIFIED);

/// The style sheet's text. The element's script makes one constructed style sheet of it
/// for the page and adopts it in every widget's shadow root: unlike a `<style>` element,
/// a constructed sheet is not blocked by a Content-Security-Policy without `style-src`.
#[wasm_bindgen]
pub fn style() -> String {
    STYLE.to_owned()
}

/// A widget's state: what `render` reads and event handlers change.
pub(super) struct Inner {
    pub host: HtmlElement,
    pub root: ShadowRoot,
    pub doc: Document,
    frame: Element,
    announcer: Element,
    pub session: Option<Rc<Session>>,
    load_error: Option<String>,
    pub ui: Ui,
    pub cache: Cache,
    /// What the live region said last: said again only when it changes.
    announced: String,
    /// The difference last jumped to, for when focus has since left the rows (a click on
    /// the "next" button moves focus to the button).
    pub cursor: Option<i32>,
    /// The first passage row not drawn yet: a long comparison draws the rows that fill the
    /// window (at most [`passages::FIRST_ROWS`]) at once and the rest once that frame is on
    /// screen.
    pending: Option<usize>,
    /// The request for the next animation frame, and the task queued from it that runs
    /// once that frame is drawn (dropping either cancels it).
    next_frame: Option<AnimationFrame>,
    after_frame: Option<Timeout>,
    /// Whether the first drawing with a comparison has been marked, and shown.
    marked: bool,
    shown: bool,
    /// The bundle ships no lexicon and the one made from its text is not made yet: the
    /// drawing says so, and the lexicon is made once that frame is on screen.
    preparing: bool,
    /// The alignment of the regions shown, when it takes more than the first slice: the
    /// drawing says so, and it goes on a slice per task once that frame is on screen.
    aligning: Option<Pending>,
    /// When the task that read the bundle began, for the drawing that follows it.
    began: Option<f64>,
    /// The bundle being read, a slice per task when it is long.
    reading: Option<Loading>,
    /// A long bundle read, to be prepared for comparison in a task of its own.
    read: Option<(Loading, Result<Bundle, BundleError>)>,
    /// The alignment shown next was made over several tasks: the drawing shows its first
    /// blocks and leaves the rest to the tasks after the frame, without looking how far
    /// down they reach (laying them out in the drawing's task made it the longest).
    long: bool,
    /// The idle task that makes the vectors of passages not compared yet (see
    /// [`warm`]).
    warming: Option<Timeout>,
}

/// A bundle text being read, and what it was loaded as.
struct Loading {
    key: String,
    /// See [`session::fingerprint`].
    text: u64,
    label: String,
    reading: Reading,
}

/// What a widget's listeners and deferred tasks share.
pub(super) struct Shared {
    pub inner: RefCell<Inner>,
    /// Complete drawings (not counting "loading"), for tests and measurements: outside
    /// the `RefCell`, so reading it never conflicts with a drawing.
    renders: Cell<u32>,
    /// A drawing was asked for and has not been made yet.
    dirty: Cell<bool>,
    /// A drawing loop is running (requests only mark the widget dirty).
    drawing: Cell<bool>,
    /// A microtask to draw is queued.
    queued: Cell<bool>,
}

/// One `<policy-compare>` element.
#[wasm_bindgen]
pub struct Widget {
    shared: Rc<Shared>,
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
        let announcer = El::new(&doc, "p")
            .class("sr")
            .attr("role", "status")
            .attr("aria-live", "polite");
        let frame = El::new(&doc, "div").class("pc");
        let container = El::new(&doc, "div");
        let _ = container.el.append_child(announcer.node());
        let _ = container.el.append_child(frame.node());
        let _ = root.append_child(container.node());
        let shared = Rc::new(Shared {
            inner: RefCell::new(Inner {
                host,
                root,
                doc,
                frame: frame.el.clone(),
                announcer: announcer.el,
                session: None,
                load_error: None,
                ui: Ui::default(),
                cache: Cache::default(),
                announced: String::new(),
                cursor: None,
                pending: None,
                next_frame: None,
                after_frame: None,
                marked: false,
                shown: false,
                preparing: false,
                aligning: None,
                began: None,
                read: None,
                long: false,
                warming: None,
                reading: None,
            }),
            renders: Cell::new(0),
            dirty: Cell::new(false),
            drawing: Cell::new(false),
            queued: Cell::new(false),
        });
        let listeners = ["click", "change", "keydown"]
            .into_iter()
            .map(|kind| {
                let shared = shared.clone();
                EventListener::new_with_options(
                    &frame.el,
                    kind,
                    EventListenerOptions::enable_prevent_default(),
                    move |event| super::events::on_event(&shared, event),
                )
            })
            .collect();
        draw(&shared);
        Ok(Widget {
            shared,
            _listeners: listeners,
        })
    }

    /// Uses the bundle prepared under `key` if a widget on the page still holds it; false
    /// if it has to be loaded.
    pub fn use_bundle(&self, key: &str) -> bool {
        self.use_session(session::cached(key))
    }

    /// Shows that a bundle is loading; the one shown so far goes.
    pub fn loading(&self) {
        self.install(Ok(None));
    }

    /// Parses and prepares the bundle loaded for `key` (its bytes: what a server sent, or
    /// the page's text encoded as UTF-8), then shows the comparison, or the reason the
    /// bundle cannot be read, after `label` (what the page named: `bundle="…"`, or the
    /// default bundle). Bytes, not a string: a server's answer is read as it came, where
    /// asking the browser for text would decode it to UTF-16 and the glue encode it back,
    /// both in one task (see [`crate::bundle::Reading`]).
    pub fn set_bundle(&self, key: &str, bytes: Vec<u8>, label: &str) {
        let text = session::fingerprint(key, &bytes);
        if !self.use_session(session::known(key, text)) {
            self.read(key, text, Reading::from_bytes(bytes), label);
        }
    }

    /// Shows `session` if there is one; false if not.
    fn use_session(&self, session: Option<Rc<Session>>) -> bool {
        let found = session.is_some();
        if session.is_some() {
            self.install(Ok(session));
        }
        found
    }

    fn read(&self, key: &str, text: u64, reading: Reading, label: &str) {
        // A bundle of the usual size is read at once: slices would only add tasks.
        let budget = if reading.len() <= READ_AT_ONCE {
            f64::INFINITY
        } else {
            READ_FIRST_SLICE_MS
        };
        match self.shared.inner.try_borrow_mut() {
            Ok(mut inner) => {
                inner.reading = Some(Loading {
                    key: key.to_owned(),
                    text,
                    label: label.to_owned(),
                    reading,
                });
            }
            Err(_) => return,
        }
        read_pending(&self.shared, budget);
    }

    /// Shows why the bundle could not be loaded.
    pub fn bundle_failed(&self, message: &str) {
        self.install(Err(message.to_owned()));
    }

    /// An observed attribute changed, or the element moved in the page (its language may
    /// have): drawn in a microtask, once for any number of changes.
    pub fn attribute_changed(&self) {
        if let Ok(mut inner) = self.shared.inner.try_borrow_mut() {
            inner.cursor = None;
        }
        draw_soon(&self.shared);
    }

    /// How many times the widget has drawn itself completely (for tests and
    /// measurements); the "loading" message does not count.
    pub fn renders(&self) -> u32 {
        self.shared.renders.get()
    }
}

impl Widget {
    /// Shows a bundle (`Some`), "loading" (`None`) or why there is none.
    fn install(&self, result: Result<Option<Rc<Session>>, String>) {
        Widget::install_into(&self.shared, result);
    }

    fn install_into(shared: &Rc<Shared>, result: Result<Option<Rc<Session>>, String>) {
        match shared.inner.try_borrow_mut() {
            Ok(mut inner) => {
                inner.cache = Cache::default();
                // An alignment under way belongs to the bundle it was started on, and a
                // bundle being read gives way to the one shown now.
                inner.aligning = None;
                inner.reading = None;
                inner.read = None;
                match result {
                    Ok(session) => {
                        inner.session = session;
                        inner.load_error = None;
                    }
                    Err(message) => {
                        inner.session = None;
                        inner.load_error = Some(message);
                    }
                }
            }
            // Only a drawing holds the borrow, and it cannot call back into this.
            Err(_) => return,
        }
        draw(shared);
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

/// The state shown, if there is a bundle and the attributes describe one.
pub(super) fn current_state(inner: &Inner) -> Option<State> {
    let session = inner.session.clone()?;
    state_of(inner, &session).ok()
}

/// The state the attributes describe, checked against the bundle.
pub(super) fn state_of(inner: &Inner, session: &Session) -> Result<State, String> {
    let with_documents: Vec<&str> = session.with_documents.iter().map(String::as_str).collect();
    // Defaults need two regions with documents; without them no attribute is at fault.
    if with_documents.len() < 2 {
        let lang = Lang::from_tag(
            &inner
                .host
                .get_attribute("lang")
                .unwrap_or_else(|| page_lang(&inner.host)),
        );
        return Err(match with_documents.first() {
            None => lang
                .pick(
                    "此数据包中没有任何地区的文件，无可比较。",
                    "This bundle has no region with documents: there is nothing to compare.",
                )
                .to_owned(),
            Some(only) => format!(
                "{} \"{}\"{}",
                lang.pick(
                    "此数据包中只有一个地区有文件：",
                    "This bundle has documents for one region only:"
                ),
                crate::bundle::shorten(only),
                lang.pick("，无可比较。", "; there is nothing to compare it with."),
            ),
        });
    }
    let get = |name: &str| inner.host.get_attribute(name);
    State::from_attributes(
        get,
        &page_lang(&inner.host),
        &session.bundle.regions,
        &with_documents,
    )
    .and_then(|state| state.with_embedding(&get, &session.bundle))
    .map_err(|e| e.to_string())
}

/// Runs `f` with the current view's context and data: `None` without a bundle, an error
/// when the attributes do not describe a state (the message says why). (`f` is a `dyn`:
/// one copy of this in the wasm for its three callers.)
pub(super) fn with_view(
    inner: &mut Inner,
    f: &mut dyn FnMut(&Ctx<'_>, &Data),
) -> Option<Result<(), String>> {
    let session = inner.session.clone()?;
    let state = match state_of(inner, &session) {
        Ok(state) => state,
        Err(message) => return Some(Err(message)),
    };
    let data = inner.cache.data(&session, &state);
    let ctx = Ctx {
        doc: &inner.doc,
        lang: state.lang,
        session: &session,
        state: &state,
        ui: &inner.ui,
    };
    f(&ctx, &data);
    Some(Ok(()))
}

/// Draws the widget now, and again while anything asked for another drawing meanwhile.
pub(super) fn draw(shared: &Rc<Shared>) {
    shared.dirty.set(true);
    if shared.drawing.replace(true) {
        return;
    }
    while shared.dirty.replace(false) {
        let Some(drawing) = build(shared) else {
            break;
        };
        show(shared, drawing);
    }
    shared.drawing.set(false);
}

/// Draws the widget in a microtask (once, however many requests come before it).
fn draw_soon(shared: &Rc<Shared>) {
    shared.dirty.set(true);
    if shared.queued.replace(true) {
        return;
    }
    let weak = Rc::downgrade(shared);
    let task = Closure::once_into_js(move || {
        if let Some(shared) = weak.upgrade() {
            shared.queued.set(false);
            if shared.dirty.get() {
                draw(&shared);
            }
        }
    });
    let queued = web_sys::window().map(|w| w.queue_microtask(task.unchecked_ref()));
    if queued.is_none() {
        shared.queued.set(false);
        draw(shared);
    }
}

/// A drawing made under the borrow, to put on the page after it.
struct Drawing {
    frame: Element,
    announcer: Element,
    root: ShadowRoot,
    lang: Lang,
    body: El,
    /// What to announce, if it changed.
    announce: Option<String>,
    /// The `data-key` of the control that had focus.
    focused: Option<String>,
    /// Not "loading".
    counts: bool,
    /// The rows left for later are drawn right after this, before focus comes back.
    complete: bool,
    /// Rows were left for later: [`draw_pending`] completes (and counts) the drawing.
    deferred: bool,
    /// Rows are added before the frame while the list ends above the window's bottom
    /// (see [`Inner::long`]).
    fill: bool,
}

/// Builds the drawing for the current attributes.
fn build(shared: &Shared) -> Option<Drawing> {
    let mut guard = shared.inner.try_borrow_mut().ok()?;
    let inner = &mut *guard;
    let focused = inner
        .root
        .active_element()
        .and_then(|e| e.get_attribute("data-key"));
    let page = Lang::from_tag(
        &inner
            .host
            .get_attribute("lang")
            .unwrap_or_else(|| page_lang(&inner.host)),
    );
    inner.pending = None;
    inner.next_frame = None;
    inner.after_frame = None;
    inner.preparing = inner.load_error.is_none()
        && inner
            .session
            .as_ref()
            .is_some_and(|s| !s.comparer.is_ready());
    // After reading a long bundle, the task has had its share: the alignment goes on in
    // the next ones.
    let spent = inner.began.take().map_or(0.0, |t| now() - t);
    let fill = !std::mem::take(&mut inner.long);
    let first = (FIRST_SLICE_MS - spent).max(0.0);
    let aligning = !inner.preparing && !aligned(inner, first);
    let view = if inner.load_error.is_some() || inner.preparing || aligning {
        None
    } else {
        let mut drawn = None;
        let view = with_view(inner, &mut |ctx, data| {
            let (body, summary) = render::body(ctx, data);
            let rows = data.comparison.alignment.blocks.len();
            // Whether focus is on a row (or in one), which may be among the later ones.
            let in_rows = focused.as_deref().is_some_and(|k| {
                ["row:", "context:", "link:", "block:", "fold:", "long:"]
                    .iter()
                    .any(|p| k.starts_with(p))
            });
            let embed = &ctx.state.embed;
            // With `max-rows`, the panel draws all it shows at once.
            let first = passages::first_end(&data.comparison.alignment);
            let defer =
                (ctx.state.view == View::Passages && rows > first && embed.max_rows.is_none())
                    .then_some(first);
            // The rest at once too, right after (not once the first frame is on screen),
            // when focus is in the rows or a link points at a passage, which is then
            // scrolled to: either may be on a later row.
            let now = in_rows || embed.at.is_some();
            drawn = Some((body, summary, ctx.lang, defer, now));
        });
        view.map(|done| done.map(|()| drawn))
    };
    let mut complete = false;
    let (body, summary, lang, counts) = match (view, &inner.load_error) {
        (_, Some(message)) => (
            render::error(&inner.doc, page, message),
            message.clone(),
            page,
            true,
        ),
        (Some(Ok(Some((body, summary, lang, defer, now)))), None) => {
            complete = now;
            if defer.is_some() {
                inner.pending = defer;
            }
            (body, summary, lang, true)
        }
        (Some(Err(message)), None) => (
            render::error(&inner.doc, page, &message),
            message,
            page,
            true,
        ),
        (None | Some(Ok(None)), None) if inner.preparing => {
            let text = page.pick(
                "此数据包未附词表，正在根据其文本准备比较……",
                "This bundle ships no lexicon: preparing the comparison from its text…",
            );
            let body = El::new(&inner.doc, "p").class("status").text(text);
            (body, text.to_owned(), page, false)
        }
        (None | Some(Ok(None)), None) if aligning => {
            let text = page.pick("正在比较两地的文件……", "Comparing the two plans…");
            let body = El::new(&inner.doc, "p").class("status").text(text);
            (body, text.to_owned(), page, false)
        }
        (None | Some(Ok(None)), None) => {
            let loading = Msg::Loading.text(page);
            let body = El::new(&inner.doc, "p").class("status").text(loading);
            (body, loading.to_owned(), page, false)
        }
    };
    let announce = (summary != inner.announced).then(|| {
        inner.announced.clone_from(&summary);
        summary
    });
    Some(Drawing {
        deferred: inner.pending.is_some(),
        fill,
        complete,
        frame: inner.frame.clone(),
        announcer: inner.announcer.clone(),
        root: inner.root.clone(),
        lang,
        body,
        announce,
        focused,
        counts,
    })
}

/// Puts a drawing on the page and focus back where it was: DOM calls that fire events
/// synchronously, made without the borrow.
fn show(shared: &Rc<Shared>, drawing: Drawing) {
    let _ = drawing.frame.set_attribute("lang", drawing.lang.tag());
    // A switch changes little of what is drawn (the rows, the tabs, the status line): the
    // drawing there is changed into this one, and the nodes that stay keep their style and
    // layout.
    patch::put(&drawing.frame, &drawing.body.el);
    if drawing.complete && drawing.deferred {
        draw_pending(shared, f64::INFINITY);
    } else if drawing.deferred && drawing.fill {
        fill_window(shared, &drawing.frame);
    }
    if let Some(text) = &drawing.announce {
        drawing.announcer.set_text_content(Some(text));
    }
    // A folded block's "more passages" is gone once the block is open: its button to fold
    // it again takes the focus.
    let open_block = |key: &str| {
        let (_, block) = key.strip_prefix("fold:")?.split_once(':')?;
        find(&drawing.root, &format!("block:{block}"))
    };
    if let Some(key) = &drawing.focused
        && let Some(el) = find(&drawing.root, key).or_else(|| open_block(key))
    {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
    let Ok(mut inner) = shared.inner.try_borrow_mut() else {
        return;
    };
    if drawing.counts && !drawing.deferred {
        shared.renders.set(shared.renders.get() + 1);
    }
    // The first drawing with a comparison (not the one saying it is being prepared).
    let waiting = inner.preparing || inner.aligning.is_some();
    if inner.session.is_some() && inner.load_error.is_none() && !waiting {
        let first = !inner.marked;
        inner.marked = true;
        super::mark(if first {
            "policy-compare:first-render"
        } else {
            "policy-compare:render"
        });
    }
    if inner.preparing {
        super::mark("policy-compare:preparing");
    }
    if inner.aligning.is_some() {
        super::mark("policy-compare:aligning");
    }
    if inner.pending.is_some() || waiting || (inner.marked && !inner.shown) {
        after_next_frame(&mut inner, Rc::downgrade(shared));
    }
}

/// Draws the rows left for later one block at a time while the list ends above the bottom
/// of the window, up to [`passages::FIRST_ROWS`] blocks: the first frame shows as many
/// rows as before on a tall window, and builds, styles and lays out no more on a short
/// one. (Measuring lays out what is there, which the frame then reuses.)
fn fill_window(shared: &Rc<Shared>, frame: &Element) {
    let bottom = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY);
    for _ in passages::START_ROWS..passages::FIRST_ROWS {
        match frame.query_selector("ol.rows") {
            Ok(Some(list)) if list.get_bounding_client_rect().bottom() < bottom => {
                draw_pending(shared, 0.0);
            }
            _ => break,
        }
    }
    // The next slice waits for the frame (see `show`), as the rows left for later do.
    if let Ok(mut inner) = shared.inner.try_borrow_mut() {
        inner.after_frame = None;
    }
}

/// The element with this `data-key` (compared as text: keys hold ids from the bundle,
/// which a selector would have to escape).
fn find(root: &ShadowRoot, key: &str) -> Option<HtmlElement> {
    let all = root.query_selector_all("[data-key]").ok()?;
    (0..all.length())
        .filter_map(|i| all.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .find(|e| e.get_attribute("data-key").as_deref() == Some(key))
}

/// Once the next frame is on screen: marks the first one with a comparison as shown, and
/// draws the rows left for later. (An animation frame's callback runs before the frame is
/// drawn; a task it queues runs after.)
fn after_next_frame(inner: &mut Inner, me: Weak<Shared>) {
    inner.next_frame = Some(request_animation_frame(move |_| {
        let later = me.clone();
        let task = Timeout::new(0, move || {
            let Some(shared) = later.upgrade() else {
                return;
            };
            let mut prepare = None;
            if let Ok(mut inner) = shared.inner.try_borrow_mut() {
                if inner.marked && !inner.shown {
                    inner.shown = true;
                    super::mark("policy-compare:shown");
                }
                if std::mem::take(&mut inner.preparing) {
                    prepare = inner.session.clone();
                }
            }
            if let Some(session) = prepare {
                // The lexicon made from the text, now that the frame saying so is shown.
                session.comparer.segmenter();
                super::mark("policy-compare:lexicon-made");
                draw(&shared);
                return;
            }
            align_pending(&shared);
            draw_pending(&shared, SLICE_MS);
            warm_soon(&shared);
        });
        let Some(shared) = me.upgrade() else {
            return;
        };
        match shared.inner.try_borrow_mut() {
            Ok(mut inner) => inner.after_frame = Some(task),
            Err(_) => {
                let _ = task.forget();
            }
        }
    }));
}

/// Whether the alignment of the regions of the current state is made, after working on
/// it for up to `budget_ms` (at least one passage): a long plan is aligned a slice per
/// task (see [`align_pending`]), which the page's next drawing picks up where it was.
fn aligned(inner: &mut Inner, budget_ms: f64) -> bool {
    let Some(session) = inner.session.clone() else {
        return true;
    };
    let Ok(state) = state_of(inner, &session) else {
        return true;
    };
    let (left, right) = (state.left_side(), state.right_side());
    let mut pending = match inner.aligning.take() {
        Some(p) if p.sides() == (left.as_str(), right.as_str()) => p,
        _ => match session.comparer.pending(&left, &right) {
            Ok(Some(p)) => p,
            _ => return true,
        },
    };
    // Two plans of the usual size are aligned at once: slices would only add a frame.
    let budget_ms = if pending.passages() <= ALIGN_AT_ONCE {
        f64::INFINITY
    } else {
        budget_ms
    };
    let start = now();
    if session.comparer.advance(&mut pending, &mut || {
        budget_ms.is_infinite() || now() - start < budget_ms
    }) {
        return true;
    }
    inner.aligning = Some(pending);
    false
}

/// Reads the bundle being read for up to `budget_ms` (at least one document), then shows
/// it (or why it cannot be read), or goes on in the next task.
fn read_pending(shared: &Rc<Shared>, budget_ms: f64) {
    let Ok(mut inner) = shared.inner.try_borrow_mut() else {
        return;
    };
    let Some(mut loading) = inner.reading.take() else {
        return;
    };
    let start = now();
    let Some(result) = loading
        .reading
        .step(&mut || budget_ms.is_infinite() || now() - start < budget_ms)
    else {
        inner.reading = Some(loading);
        inner.after_frame = Some(next_task(shared, |s| read_pending(s, SLICE_MS)));
        return;
    };
    if budget_ms.is_finite() {
        // A long bundle: prepared (a step that grows with it) in the next task.
        inner.read = Some((loading, result));
        inner.after_frame = Some(next_task(shared, prepare_read));
        return;
    }
    drop(inner);
    install_read(shared, loading, result, start);
}

/// Prepares the long bundle read (see [`read_pending`]) and shows it.
fn prepare_read(shared: &Rc<Shared>) {
    let start = now();
    let read = shared
        .inner
        .try_borrow_mut()
        .ok()
        .and_then(|mut i| i.read.take());
    if let Some((loading, result)) = read {
        install_read(shared, loading, result, start);
    }
}

/// Prepares the bundle read (in a task that began at `start`) and shows it, or why it
/// cannot be read.
fn install_read(
    shared: &Rc<Shared>,
    loading: Loading,
    result: Result<Bundle, BundleError>,
    start: f64,
) {
    // The drawing that follows gets what is left of this task's share.
    if let Ok(mut inner) = shared.inner.try_borrow_mut() {
        inner.began = Some(start);
    }
    let result = result
        .map(|bundle| Some(session::prepare(&loading.key, loading.text, bundle)))
        .map_err(|e| format!("{}: {e}", loading.label));
    Widget::install_into(shared, result);
}

/// The page's clock, in milliseconds.
fn now() -> f64 {
    // Looked up through the window at each call: a clock kept in a thread-local saved
    // little of a sliced alignment's time and added more to the widget than it saved.
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Goes on with the alignment under way, a slice per task, and draws the comparison
/// once it is made.
fn align_pending(shared: &Rc<Shared>) {
    let Ok(mut inner) = shared.inner.try_borrow_mut() else {
        return;
    };
    if inner.aligning.is_none() {
        return;
    }
    if aligned(&mut inner, SLICE_MS) {
        // Drawn in a task of its own: this one has had its slice.
        inner.long = true;
        inner.after_frame = Some(next_task(shared, draw));
        return;
    }
    inner.after_frame = Some(next_task(shared, align_pending));
}

/// Runs `step` in a task of its own, unless the widget is gone by then. (A `fn`, not a
/// closure: one copy of the timer's glue in the wasm for every kind of step.)
fn next_task(shared: &Rc<Shared>, step: fn(&Rc<Shared>)) -> Timeout {
    let me = Rc::downgrade(shared);
    Timeout::new(0, move || {
        if let Some(shared) = me.upgrade() {
            step(&shared);
        }
    })
}

/// How long the drawing that follows a change may work on a long new alignment before
/// the rest goes a slice per task (and the drawing shows that it is comparing).
const FIRST_SLICE_MS: f64 = 30.0;

/// How long the task that gets a long bundle may read it: less than a slice, as that task
/// has already decoded the bundle and copied it into the wasm's memory, work that grows
/// with the bundle.
const READ_FIRST_SLICE_MS: f64 = 12.0;

/// The largest bundle text (bytes) read in one task: well above the shipped one, so that
/// its first comparison comes with no extra task; a bundle ten times larger is read a
/// document per step.
const READ_AT_ONCE: usize = 2_000_000;

/// The most passages (both sides) aligned in one task: well above the largest pair of
/// the shipped corpus (the national documents and a province; a browser test checks it),
/// so that its comparisons come with no extra frame whatever the machine's speed; plans
/// ten times as long are aligned a slice per task.
const ALIGN_AT_ONCE: usize = 1200;

/// How long one task of drawing rows may take before it lets the page run (a frame, a
/// scroll, a click) and goes on in the next: under the 50 ms of a "long task".
const SLICE_MS: f64 = 25.0;

/// Draws the passage rows that [`build`] left for later, if any, `budget_ms` at a time
/// ([`SLICE_MS`] when the page draws them on its own; all at once for a reader's jump
/// past them), each slice in its own task; the drawing is complete (and counted) once the
/// last row is in.
pub(super) fn draw_pending(shared: &Rc<Shared>, budget_ms: f64) {
    let Ok(mut guard) = shared.inner.try_borrow_mut() else {
        return;
    };
    let inner = &mut *guard;
    let Some(from) = inner.pending.take() else {
        return;
    };
    let Ok(Some(list)) = inner.frame.query_selector("ol.rows") else {
        shared.renders.set(shared.renders.get() + 1);
        return;
    };
    let start = now();
    let fragment = inner.doc.create_document_fragment();
    let mut next = None;
    let drawn = with_view(inner, &mut |ctx, data| {
        let n = data.comparison.alignment.blocks.len();
        let mut k = from;
        while k < n {
            // A row at a time: one block, or two runs that share a line.
            let end = passages::row_end(&data.comparison.alignment, k);
            for row in passages::rows(ctx, &data.comparison, k..end) {
                let _ = fragment.append_child(row.node());
            }
            k = end;
            if now() - start > budget_ms {
                break;
            }
        }
        next = (k < n).then_some(k);
    });
    if !matches!(drawn, Some(Ok(()))) {
        return;
    }
    inner.pending = next;
    if next.is_some() {
        inner.after_frame = Some(next_task(shared, |s| draw_pending(s, SLICE_MS)));
    } else {
        shared.renders.set(shared.renders.get() + 1);
        warm_later(shared, inner);
    }
    drop(guard);
    // Appending fires no focus events, but the borrow is released first all the same.
    let _ = list.append_child(&fragment);
}

/// The most passages a bundle may have for the widget to make their vectors when idle
/// (well above the shipped corpus): beyond, the memory and the idle time would go to
/// regions the reader may never pick.
const WARM_MAX: usize = 20_000;

/// How long one idle task makes vectors: short, as a click may come at any time.
const WARM_SLICE_MS: f64 = 5.0;

/// Once the comparison is drawn whole: makes the vectors of the passages not compared
/// yet, a slice per task, so that a reader's first switch to another region does not
/// wait for them.
fn warm_soon(shared: &Rc<Shared>) {
    if let Ok(mut inner) = shared.inner.try_borrow_mut() {
        warm_later(shared, &mut inner);
    }
}

fn warm_later(shared: &Rc<Shared>, inner: &mut Inner) {
    let Some(session) = &inner.session else {
        return;
    };
    let comparer = &session.comparer;
    if inner.pending.is_none()
        && inner.warming.is_none()
        && comparer.is_ready()
        && !comparer.is_warm()
        && comparer.passages().len() <= WARM_MAX
    {
        inner.warming = Some(next_task(shared, warm));
    }
}

/// One idle slice of [`warm_soon`]'s work.
fn warm(shared: &Rc<Shared>) {
    let Ok(mut inner) = shared.inner.try_borrow_mut() else {
        return;
    };
    inner.warming = None;
    let Some(session) = inner.session.clone() else {
        return;
    };
    let start = now();
    if !session.comparer.warm(&mut || now() - start < WARM_SLICE_MS) {
        inner.warming = Some(next_task(shared, warm));
    }
}

/// Says `text` in the live region (a jump's "difference 3 of 17").
pub(super) fn announce(shared: &Shared, text: &str) {
    if let Ok(mut inner) = shared.inner.try_borrow_mut() {
        inner.announced = text.to_owned();
        inner.announcer.set_text_content(Some(text));
    }
}

/// Mutates the interface state and draws.
pub(super) fn update(shared: &Rc<Shared>, change: impl FnOnce(&mut Inner)) {
    if let Ok(mut inner) = shared.inner.try_borrow_mut() {
        change(&mut inner);
    }
    draw(shared);
}
