//! What the reader does inside a widget: clicks, changes and keys, handled by one
//! listener per kind on the widget's frame (elements say what they do in `data-action`).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{
    Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent, ShadowRoot,
};

use super::element::{Shared, announce, current_state, draw, draw_pending, update, with_view};
use super::{indicator, targets};
use crate::view::Sort;
use crate::view::{Msg, View};

/// Handles an event that reached the widget's frame.
pub(super) fn on_event(shared: &Rc<Shared>, event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    if event.type_() == "keydown" {
        if let Some(key) = event.dyn_ref::<KeyboardEvent>() {
            on_key(shared, &target, key);
        }
        return;
    }
    let Some(el) = target.closest("[data-action]").ok().flatten() else {
        return;
    };
    let action = el.get_attribute("data-action").unwrap_or_default();
    let value = el.get_attribute("data-value").unwrap_or_default();
    match (event.type_().as_str(), action.as_str()) {
        ("change", "left") | ("change", "right") => {
            if let Some(select) = el.dyn_ref::<HtmlSelectElement>() {
                // A new region: all its documents.
                let (name, document) = if action == "left" {
                    ("left", "left-document")
                } else {
                    ("right", "right-document")
                };
                user_change(shared, &[(name, select.value()), (document, String::new())]);
            }
        }
        ("change", "left-document") | ("change", "right-document") => {
            if let Some(select) = el.dyn_ref::<HtmlSelectElement>() {
                let name = if action == "left-document" {
                    "left-document"
                } else {
                    "right-document"
                };
                user_change(shared, &[(name, select.value())]);
            }
        }
        ("change", "only-matched") => {
            let on = el
                .dyn_ref::<HtmlInputElement>()
                .is_some_and(HtmlInputElement::checked);
            update(shared, |inner| inner.ui.only_matched = on);
        }
        ("click", "swap") => {
            // Swap what is shown, which may be defaults rather than attributes.
            let shown = {
                let Ok(inner) = shared.inner.try_borrow() else {
                    return;
                };
                match current_state(&inner) {
                    Some(s) => (
                        (s.left, s.left_document.unwrap_or_default()),
                        (s.right, s.right_document.unwrap_or_default()),
                    ),
                    None => {
                        let get = |name| inner.host.get_attribute(name).unwrap_or_default();
                        (
                            (get("left"), get("left-document")),
                            (get("right"), get("right-document")),
                        )
                    }
                }
            };
            let ((left, left_document), (right, right_document)) = shown;
            user_change(
                shared,
                &[
                    ("left", right),
                    ("right", left),
                    ("left-document", right_document),
                    ("right-document", left_document),
                ],
            );
        }
        ("click", "views") => user_change(shared, &[("view", value)]),
        ("click", "themes") => user_change(shared, &[("theme", value)]),
        ("click", "context") => update(shared, |inner| {
            toggle(&mut inner.ui.context, value);
        }),
        ("click", "run") => update(shared, |inner| {
            toggle(&mut inner.ui.open_runs, value);
        }),
        ("click", "block") => update(shared, |inner| {
            toggle(&mut inner.ui.open_blocks, value);
        }),
        ("click", "long") => update(shared, |inner| {
            toggle(&mut inner.ui.open_long, value);
        }),
        // The summary's own click opens or closes the quote; remember it for redraws.
        ("click", "quote") => {
            if let Ok(mut inner) = shared.inner.try_borrow_mut() {
                toggle(&mut inner.ui.open_quotes, value);
            }
        }
        ("click", "sources") => {
            if let Ok(mut inner) = shared.inner.try_borrow_mut() {
                inner.ui.sources_open = !inner.ui.sources_open;
            }
        }
        ("click", "sort") => {
            if let Some(column) = Sort::column(&value) {
                update(shared, |inner| {
                    inner.ui.sort = inner.ui.sort.toggled(column)
                });
            }
        }
        ("click", "previous") => jump(shared, -1),
        ("click", "next") => jump(shared, 1),
        ("click", "skip") => skip_rows(shared),
        ("click", "csv") => download_csv(shared),
        (kind, action) => {
            super::across::on_event(shared, kind, action, value, &el);
        }
    }
}

fn toggle(list: &mut Vec<String>, value: String) {
    match list.iter().position(|k| *k == value) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(value),
    }
}

fn on_key(shared: &Rc<Shared>, target: &Element, key: &KeyboardEvent) {
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
    if super::across::on_key(shared, target, key) {
        return;
    }
    let typing = matches!(target.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA");
    if typing {
        return;
    }
    let delta = match key.key().as_str() {
        "j" => 1,
        "k" => -1,
        _ => return,
    };
    key.prevent_default();
    jump(shared, delta);
}

/// Writes attributes the reader changed, draws once, and tells the host page.
pub(super) fn user_change(shared: &Rc<Shared>, changes: &[(&str, String)]) {
    let host = {
        let Ok(mut inner) = shared.inner.try_borrow_mut() else {
            return;
        };
        inner.cursor = None;
        inner.host.clone()
    };
    // Each write calls back (attributeChangedCallback), which only queues a drawing; the
    // drawing is made here, at once, for the reader.
    for (name, value) in changes {
        // An empty value (all of a region's documents) is no attribute.
        let _ = if value.is_empty() {
            host.remove_attribute(name)
        } else {
            host.set_attribute(name, value)
        };
    }
    draw(shared);
    let state = {
        let Ok(inner) = shared.inner.try_borrow() else {
            return;
        };
        current_state(&inner)
    };
    if let Some(state) = state {
        let detail = js_sys::Object::new();
        for (name, value) in state.attributes() {
            let _ = js_sys::Reflect::set(&detail, &name.into(), &value.into());
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("change", &init) {
            let _ = host.dispatch_event(&event);
        }
    }
}

fn root(shared: &Shared) -> Option<ShadowRoot> {
    shared.inner.try_borrow().ok().map(|i| i.root.clone())
}

/// Moves focus to the next (or previous) passage row that shows a difference, and says
/// which one it is.
fn jump(shared: &Rc<Shared>, delta: i32) {
    draw_pending(shared, f64::INFINITY);
    let Some(root) = root(shared) else {
        return;
    };
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
    let (next, lang) = {
        let Ok(mut inner) = shared.inner.try_borrow_mut() else {
            return;
        };
        let next = match current.or(inner.cursor) {
            Some(i) => (i + delta).clamp(0, n - 1),
            None if delta > 0 => 0,
            None => n - 1,
        };
        inner.cursor = Some(next);
        let lang = current_state(&inner).map(|s| s.lang);
        (next, lang)
    };
    if let Some(lang) = lang {
        let words = Msg::Difference.text(lang);
        announce(shared, &format!("{words} {}/{n}", next + 1));
    }
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

/// Moves focus past the rows (the skip button before them).
fn skip_rows(shared: &Rc<Shared>) {
    draw_pending(shared, f64::INFINITY);
    if let Some(root) = root(shared)
        && let Some(end) = root.get_element_by_id("pc-after-rows")
        && let Some(end) = end.dyn_ref::<HtmlElement>()
    {
        let _ = end.focus();
    }
}

/// Saves the targets shown (side by side, or across every region) as a CSV file.
fn download_csv(shared: &Rc<Shared>) {
    let (csv, name, doc) = {
        let Ok(mut inner) = shared.inner.try_borrow_mut() else {
            return;
        };
        let mut file = None;
        let _ = with_view(&mut inner, &mut |ctx, data| {
            let state = ctx.state;
            if state.view == View::Indicator {
                file = indicator::to_csv(ctx);
                return;
            }
            let name = format!(
                "targets-{}-{}-{}.csv",
                state.left,
                state.right,
                state.theme.map_or("all", |t| t.id())
            );
            file = Some((targets::to_csv(ctx, &data.targets), name));
        });
        let Some((csv, name)) = file else {
            return;
        };
        (csv, name, inner.doc.clone())
    };
    // The CSV starts with a byte order mark (metrics::csv), so spreadsheet programs read
    // the Chinese text as UTF-8.
    let parts = js_sys::Array::of1(&csv.into());
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
