//! Building a bundle from the corpus: parse, then lay the documents out in the bundle
//! format with stable ids. Deterministic: the same corpus gives the same bytes.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use crate::bundle::Theme;
use crate::bundle::{
    Bundle, CorpusRef, Document, FORMAT, LexiconGroup, ThemeInfo, TopicInfo, VERSION,
};
use crate::corpus::{self, CorpusError, regions};
use crate::metrics;
use crate::roles;
use crate::themes::{self, Cues};

/// Builds the bundle for the corpus `text`, recorded as coming from `file` (a path
/// relative to the project root).
pub fn build_bundle(text: &str, file: &str) -> Result<Bundle, CorpusError> {
    let parsed = corpus::parse(text)?;
    let cues = Cues::builtin();
    let mut taken: HashMap<String, usize> = HashMap::new();
    let documents = parsed
        .into_iter()
        .map(|doc| {
            // `jiangxi-2016-10-09`, with `-2` and up for a region's second plan of a day.
            let base = format!("{}-{}", doc.region, doc.published);
            let n = taken.entry(base.clone()).or_insert(0);
            *n += 1;
            let id = if *n == 1 { base } else { format!("{base}-{n}") };
            let mut document = Document {
                id,
                region: doc.region.to_owned(),
                title: doc.title,
                published: doc.published,
                source: doc.source,
                doc_number: doc.doc_number,
                preamble: doc.outline.preamble,
                sections: doc.outline.sections,
                signatures: doc.outline.signatures,
                attachments: doc.outline.attachments,
                metrics: Vec::new(),
            };
            themes::label_document(&mut document, cues);
            roles::label_document(&mut document);
            document.metrics = metrics::document_metrics(&document, cues);
            document
        })
        .collect();
    let documents: Vec<Document> = documents;
    let (topics, lexicon) = comparison_model(&documents);
    Ok(Bundle {
        format: FORMAT.to_owned(),
        version: VERSION,
        corpus: CorpusRef {
            file: file.to_owned(),
            sha256: sha256_hex(text.as_bytes()),
        },
        themes: Theme::ALL
            .iter()
            .map(|&t| ThemeInfo {
                id: t,
                zh: t.zh().to_owned(),
                en: t.en().to_owned(),
            })
            .collect(),
        regions: regions::bundle_regions(),
        documents,
        topics,
        lexicon,
    })
}

/// The topics and the lexicon (with the other names of its words) that readers compare
/// passages with.
#[cfg(not(target_arch = "wasm32"))]
fn comparison_model(documents: &[Document]) -> (Vec<TopicInfo>, Vec<LexiconGroup>) {
    let mut topics = crate::topics::builtin();
    let aliases = crate::topics::aliases::builtin();
    let lexicon = crate::vocabulary::build(documents, &mut topics, &aliases);
    (topics, lexicon)
}

/// Bundles are built natively; the browser only reads them, and has no dictionary.
#[cfg(target_arch = "wasm32")]
fn comparison_model(_: &[Document]) -> (Vec<TopicInfo>, Vec<LexiconGroup>) {
    (crate::topics::builtin(), Vec::new())
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
