//! Themes: the comparison axis ([`Theme`]), and the classifier that labels every section
//! and paragraph of the bundle with them ([`label_document`]), driven by cue words kept as
//! reviewable data in `cues.tsv`.

mod classify;
mod theme;

pub use classify::{Cues, Scores, label_document};
pub use theme::Theme;
