//! # policy-compare
//!
//! Compare China's provincial Belt-and-Road plans side by side. A pre-built JSON bundle
//! holds the plans, cleaned of the artefacts of the PDF they were extracted from; the
//! widget loads it and shows two regions' plans next to each other.
//!
//! ## A short tour
//!
//! Build a bundle from a corpus (this is what `policy-compare bundle` does):
//!
//! ```
//! let corpus = "江西省参与“一带一路”建设实施方案 \n\n发布时间：2016-10-9 \n\n来源：江西省发改委网站 \n\n\
//!               一、重大意义和总体要求 \n\n（一）重大意义。推进“一带一路”建设，是党中央\n\n作出的重大决策。 \n";
//! let bundle = policy_compare::build_bundle(corpus, "data/example.txt").unwrap();
//! let doc = &bundle.documents[0];
//! assert_eq!(doc.region, "jiangxi");
//! assert_eq!(doc.published, "2016-10-09");
//! let sub = &doc.sections[0].sections[0];
//! assert_eq!((sub.number.as_deref(), sub.heading.as_str()), (Some("（一）"), "重大意义"));
//! assert_eq!(sub.paragraphs[0].text, "推进“一带一路”建设，是党中央作出的重大决策。");
//! ```
//!
//! Read it back, as the widget does; a bad bundle names the field at fault:
//!
//! ```
//! # let corpus = "甘肃省参与“一带一路”建设实施方案 \n\n发布时间：2015-12-09 \n\n来源：甘肃省发改委 \n\n正文。 \n";
//! # let bundle = policy_compare::build_bundle(corpus, "data/example.txt").unwrap();
//! use policy_compare::Bundle;
//! let json = bundle.to_json();
//! assert_eq!(Bundle::from_json(&json).unwrap(), bundle);
//!
//! let broken = json.replacen("\"region\": \"gansu\"", "\"region\": \"atlantis\"", 1);
//! assert_eq!(
//!     Bundle::from_json(&broken).unwrap_err().to_string(),
//!     "documents[0].region: region \"atlantis\" is not listed in `regions`"
//! );
//! ```
//!
//! ## Where things are
//!
//! Dependencies point one way, down this list:
//!
//! - `web` (wasm32 only): the browser side, the only code that touches the DOM; and
//!   `api` (wasm32, feature `api`): the JavaScript data API of `pkg/`.
//! - [`catalog`]: what a bundle holds, listed (regions, themes, documents, metric rows),
//!   and ids looked up as people type them; the command line and the API answer from it.
//! - [`view`]: the widget's view model, free of the DOM: state, words, formatting.
//! - [`search`]: every passage of every region that holds a query.
//! - [`mod@compare`]: the comparison engine: alignment of passages, readable diffs, targets
//!   side by side; [`compare::across`], all regions at once on a theme or topic; and
//!   [`compare::statements`], one indicator across every region.
//! - [`build`]: corpus → bundle, using [`corpus`] (the builder's parser, stage by stage),
//!   [`themes`] (the classifier), [`metrics`] (numbers read into statements), [`roles`]
//!   (boilerplate and the parts a plan is made of), [`topics`] (the topic lexicon, finer
//!   than the themes) and `vocabulary` (native only: the shared words and set phrases the
//!   alignment weighs, learnt from the corpus).
//! - [`bundle`]: the bundle format, written by the builder and read by the widget, with its
//!   closed sets ([`Theme`]).
//! - [`date`] and [`sort`]: small shared helpers.

#[cfg(all(target_arch = "wasm32", feature = "api"))]
pub mod api;
pub mod build;
pub mod bundle;
pub mod catalog;
pub mod compare;
pub mod corpus;
pub mod date;
pub mod metrics;
pub mod roles;
pub mod search;
pub mod sort;
pub mod themes;
pub mod topics;
pub mod view;
#[cfg(not(target_arch = "wasm32"))]
pub mod vocabulary;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use build::build_bundle;
pub use bundle::Theme;
pub use bundle::{Bundle, BundleError};
pub use compare::{CompareError, Comparer, Comparison, compare};
pub use corpus::CorpusError;
