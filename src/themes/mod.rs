//! Themes: the classifier that labels every section and paragraph of the bundle with a
//! [`Theme`](crate::bundle::Theme) ([`label_document`]), driven by cue words kept as
//! reviewable data in `cues.tsv`.

mod classify;

pub use classify::{Cues, Scores, label_document};
