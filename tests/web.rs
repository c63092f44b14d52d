//! Browser tests, in real headless Chromium (`cargo test --target wasm32-unknown-unknown
//! --test web`): the bundle the builder writes is one the browser side reads, and a bad
//! bundle is refused with the field at fault, without a panic.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const BUNDLE: &str = include_str!("../www/bundle.json");

#[wasm_bindgen_test]
fn the_shipped_bundle_loads_in_the_browser() {
    let summary = policy_compare::web::load_bundle(BUNDLE).expect("bundle loads");
    let documents = js_sys::Reflect::get(&summary, &"documents".into()).unwrap();
    assert_eq!(documents.as_f64(), Some(27.0));
}

#[wasm_bindgen_test]
fn a_bad_bundle_is_refused_with_the_field_at_fault() {
    let broken = BUNDLE.replacen("\"level\": 1", "\"level\": \"top\"", 1);
    let err = policy_compare::Bundle::from_json(&broken)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("documents[0].sections[0].level: invalid type"),
        "{err}"
    );
    assert!(policy_compare::web::load_bundle("<html>404</html>").is_err());
}
