//! The browser side (wasm32 only), and the only module that touches the DOM.
//!
//! `www/element.js` defines the `<policy-compare>` custom element: it loads the bundle
//! text (the default one shipped with the script, `#id` of a JSON script in the page, or a
//! URL) and hands it to a [`Widget`], which draws everything in the element's shadow root
//! from the view model in [`crate::view`] and the data of [`crate::compare`].

mod across;
mod controls;
mod ctx;
mod data;
mod dom;
mod element;
mod events;
mod indicator;
mod map;
mod overview;
mod passages;
mod patch;
mod render;
mod search;
mod session;
mod sources;
mod targets;
mod topic;

pub use element::Widget;

use wasm_bindgen::prelude::*;

use crate::bundle::Bundle;

/// Adds a mark to the page's performance timeline, so that tests and people measuring the
/// widget see where its time goes (`performance.getEntriesByName(name)`).
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Parses and validates a bundle's JSON text; returns a summary, or an error that names
/// the field at fault.
#[wasm_bindgen(js_name = loadBundle)]
pub fn load_bundle(json: &str) -> Result<JsValue, JsError> {
    let bundle = Bundle::from_json(json).map_err(|e| JsError::new(&e.to_string()))?;
    // `{documents, regions}`, built by hand: a serializer would cost the widget's wasm
    // more than the whole function.
    let summary = js_sys::Object::new();
    let regions: js_sys::Array = bundle
        .regions
        .iter()
        .map(|r| JsValue::from_str(&r.id))
        .collect();
    js_sys::Reflect::set(
        &summary,
        &"documents".into(),
        &(bundle.documents.len() as f64).into(),
    )
    .and_then(|_| js_sys::Reflect::set(&summary, &"regions".into(), &regions))
    .map_err(|_| JsError::new("cannot build the summary"))?;
    Ok(summary.into())
}

/// Diffs two texts as the view diffs near-copies, and returns how many spans the two
/// sides have: for `make bench-diff`, which times it beside JavaScript diff libraries on
/// the same pairs.
#[wasm_bindgen(js_name = diffPair)]
pub fn diff_pair(left: &str, right: &str) -> usize {
    let d = crate::compare::diff::diff(left, right);
    d.left.len() + d.right.len()
}

/// The widget's allocator: talc in place of the standard library's dlmalloc, whose code
/// weighed more in the widget's download (measured by `tests/e2e/size.test.mjs`'s figure
/// before and after); talc is also the faster of the two on wasm, and grows the wasm memory
/// as dlmalloc does.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
