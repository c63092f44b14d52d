//! Shared by the integration tests: the corpus and a fresh bundle built from it.

#![allow(dead_code)]

use std::sync::OnceLock;

use policy_compare::bundle::{Bundle, Document, Section};

/// The vendored corpus.
pub const CORPUS: &str = include_str!("../../data/belt-and-road-plans-2018.txt");
/// Its path as the bundle records it.
pub const CORPUS_PATH: &str = "data/belt-and-road-plans-2018.txt";

/// A bundle built from the corpus now (not the committed one).
pub fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| policy_compare::build_bundle(CORPUS, CORPUS_PATH).expect("corpus builds"))
}

/// Every section of a document with its full heading (`number` + `heading`).
pub fn headings(doc: &Document) -> Vec<(String, &Section)> {
    doc.all_sections()
        .into_iter()
        .map(|s| {
            (
                format!("{}{}", s.number.as_deref().unwrap_or(""), s.heading),
                s,
            )
        })
        .collect()
}

/// The document of a region published on a date.
pub fn document(id: &str) -> &'static Document {
    bundle()
        .documents
        .iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("no document {id}"))
}

/// The Jiangxi plan, which the worked examples describe.
pub fn jiangxi() -> &'static Document {
    bundle()
        .documents
        .iter()
        .find(|d| d.region == "jiangxi")
        .expect("the Jiangxi plan")
}

/// The rows of a JSON Lines example file.
pub fn jsonl<T: serde::de::DeserializeOwned>(text: &str) -> Vec<T> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("example row"))
        .collect()
}

/// Text without whitespace, for comparing headings across line breaks.
pub fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}
