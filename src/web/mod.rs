//! The browser side (wasm32 only): the only module that talks to JavaScript.
//!
//! For now it exposes bundle loading, so the browser tests can check that the bundle the
//! builder writes is one the widget reads; the widget itself lands with its issue.

use wasm_bindgen::prelude::*;

use crate::bundle::Bundle;

/// Parses and validates a bundle's JSON text; returns a summary the page can show, or an
/// error that names the field at fault.
#[wasm_bindgen(js_name = loadBundle)]
pub fn load_bundle(json: &str) -> Result<JsValue, JsError> {
    let bundle = Bundle::from_json(json).map_err(|e| JsError::new(&e.to_string()))?;
    let summary = Summary {
        documents: bundle.documents.len(),
        regions: bundle.regions.iter().map(|r| r.id.clone()).collect(),
    };
    serde_wasm_bindgen::to_value(&summary).map_err(|e| JsError::new(&e.to_string()))
}

/// What [`load_bundle`] returns.
#[derive(serde::Serialize)]
struct Summary {
    documents: usize,
    regions: Vec<String>,
}
