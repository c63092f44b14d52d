//! The JavaScript API of `pkg/` (wasm32 with the `api` feature): the data behind every view
//! of the widget, as plain objects.
//!
//! ```js
//! import { createComparer } from 'policy-compare';
//! const pc = await createComparer(bundleText);
//! pc.compare('jiangxi', 'henan', { theme: 'finance' }).pairs[0].marks;
//! ```
//!
//! `createComparer` (in `www/npm/`) loads the wasm and makes a [`Api`], exported to
//! JavaScript as `Comparer`. Every answer is built by the same Rust the command line runs
//! ([`crate::Comparer`], [`crate::catalog`]) and crosses the boundary through
//! `serde-wasm-bindgen` in its JSON-compatible mode, so `pc.compare(…)` deep-equals the
//! JSON of `policy-compare compare … --format json`: one code path, two doors. Bad input
//! throws an `Error` that names the argument at fault and, for an unknown id, the valid
//! ones.
//!
//! The widget's classic script (dist/) is built without this module: its visitors do not
//! download a serializer they never use.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::bundle::{Bundle, MetricKind};
use crate::catalog;

/// A bundle prepared for comparisons: `Comparer` in JavaScript.
#[wasm_bindgen(js_name = Comparer)]
pub struct Api {
    bundle: Bundle,
    comparer: crate::Comparer,
}

#[wasm_bindgen(js_class = Comparer)]
impl Api {
    /// Parses and checks a bundle's JSON text; an error names the field at fault.
    #[wasm_bindgen(constructor)]
    pub fn new(bundle: JsValue) -> Result<Api, JsError> {
        let text = bundle.as_string().ok_or_else(|| {
            JsError::new(&format!(
                "bundle: expected the bundle's JSON text (a string), got {}",
                type_of(&bundle)
            ))
        })?;
        let bundle = Bundle::from_json(&text).map_err(|e| JsError::new(&format!("bundle: {e}")))?;
        let comparer = crate::Comparer::new(&bundle);
        Ok(Api { bundle, comparer })
    }

    /// Every region: `[{id, zh, en, kind, parent, documents, targets}]`.
    pub fn regions(&self) -> Result<JsValue, JsError> {
        to_js(&catalog::regions(&self.bundle))
    }

    /// The themes: `[{id, zh, en}]`.
    pub fn themes(&self) -> Result<JsValue, JsError> {
        to_js(catalog::themes(&self.bundle))
    }

    /// The documents of a region (every document without one), without their text.
    pub fn documents(&self, region: JsValue) -> Result<JsValue, JsError> {
        let region = optional_id("region", &region)?;
        let docs = catalog::documents(&self.bundle, region.as_deref()).map_err(field("region"))?;
        to_js(&docs)
    }

    /// Two regions compared: passages, blocks, pairs with their marks, coverage, counts.
    pub fn compare(
        &self,
        left: JsValue,
        right: JsValue,
        options: JsValue,
    ) -> Result<JsValue, JsError> {
        let (left, right, theme) = self.request(&left, &right, &options)?;
        let result = self
            .comparer
            .compare(&left, &right, theme)
            .map_err(|e| JsError::new(&e.to_string()))?;
        to_js(&result)
    }

    /// Two regions' targets side by side, grouped by theme.
    pub fn targets(
        &self,
        left: JsValue,
        right: JsValue,
        options: JsValue,
    ) -> Result<JsValue, JsError> {
        let (left, right, theme) = self.request(&left, &right, &options)?;
        let table = self
            .comparer
            .targets(&left, &right, theme)
            .map_err(|e| JsError::new(&e.to_string()))?;
        to_js(&table)
    }

    /// The quantitative statements of a region, or of every region for `"all"`, each with
    /// its region and document; `{kind}` keeps one kind (`target`, `baseline`, `other`).
    pub fn metrics(&self, region: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        let region = optional_id("region", &region)?.ok_or_else(|| {
            JsError::new("region: expected a region id or \"all\", got undefined")
        })?;
        let kind = match option(&options, "kind", &["kind"])? {
            None => None,
            Some(kind) => Some(match kind.as_str() {
                "target" => MetricKind::Target,
                "baseline" => MetricKind::Baseline,
                "other" => MetricKind::Other,
                _ => {
                    return Err(JsError::new(&format!(
                        "options.kind: unknown kind \"{kind}\"; valid kinds: target, baseline, other"
                    )));
                }
            }),
        };
        let region = (!region.eq_ignore_ascii_case("all")).then_some(region);
        let rows =
            catalog::metrics(&self.bundle, region.as_deref(), kind).map_err(field("region"))?;
        to_js(&rows)
    }
}

impl Api {
    /// The canonical region ids and theme of a comparison request.
    fn request(
        &self,
        left: &JsValue,
        right: &JsValue,
        options: &JsValue,
    ) -> Result<(String, String, &'static str), JsError> {
        let id = |name: &str, value: &JsValue| -> Result<String, JsError> {
            let typed = value.as_string().ok_or_else(|| {
                JsError::new(&format!(
                    "{name}: expected a region id (a string), got {}",
                    type_of(value)
                ))
            })?;
            catalog::region(&self.bundle, &typed)
                .map(|r| r.id.clone())
                .map_err(field(name))
        };
        let (left, right) = (id("left", left)?, id("right", right)?);
        let theme = match option(options, "theme", &["theme"])? {
            Some(typed) => catalog::theme(&typed).map_err(field("options.theme"))?,
            None => None,
        };
        Ok((left, right, catalog::theme_id(theme)))
    }
}

/// `value` as plain JavaScript data, as `JSON.parse` of serde_json's text would give it:
/// objects (not `Map`s) and `null` (not `undefined`).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// An error about one argument, named.
fn field<E: std::fmt::Display>(name: &str) -> impl Fn(E) -> JsError + '_ {
    move |e| JsError::new(&format!("{name}: {e}"))
}

/// A string argument that may be left out.
fn optional_id(name: &str, value: &JsValue) -> Result<Option<String>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_string().map(Some).ok_or_else(|| {
        JsError::new(&format!(
            "{name}: expected a region id (a string), got {}",
            type_of(value)
        ))
    })
}

/// The string option `name` of an options object (`undefined` or `null` for none), after
/// checking that the object has no option other than `known`.
fn option(options: &JsValue, name: &str, known: &[&str]) -> Result<Option<String>, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    if !options.is_object() || js_sys::Array::is_array(options) {
        return Err(JsError::new(&format!(
            "options: expected an object such as {{{name}: …}}, got {}",
            type_of(options)
        )));
    }
    for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(JsError::new(&format!(
                "options.{key}: unknown option; valid options: {}",
                known.join(", ")
            )));
        }
    }
    let value = js_sys::Reflect::get(options, &JsValue::from_str(name))
        .map_err(|_| JsError::new(&format!("options.{name}: cannot be read")))?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_string().map(Some).ok_or_else(|| {
        JsError::new(&format!(
            "options.{name}: expected a string, got {}",
            type_of(&value)
        ))
    })
}

/// What JavaScript's `typeof` says of a value (`null` and arrays named as such).
fn type_of(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_owned()
    } else if js_sys::Array::is_array(value) {
        "an array".to_owned()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}
