//! The widget's view model, free of the DOM so `cargo test` covers it natively: its
//! state and attributes ([`state`]), how a host page embeds it ([`embed`]), its words in two languages ([`i18n`]), comparisons
//! diffed on demand ([`lazy`]), which neighbours "show in context" adds ([`context`]),
//! which side of a block of passages is the shorter ([`block_lines`]), the geometry of its chart ([`chart`]), number formatting
//! ([`format`](mod@format)), the target tables' sort ([`target_sort`]: values of one unit
//! only are ordered against each other), amounts in English ([`english`]), the sort of a
//! table of one indicator across every region ([`indicator_table`]), search results cut
//! to a few lines around what was found ([`snippet`]) and its style sheet's compile-time
//! minifier ([`css`]). The browser side
//! (`crate::web`, wasm32 only) draws from these.

pub mod block_lines;
pub mod chart;
pub mod context;
pub mod css;
pub mod embed;
pub mod english;
pub mod format;
pub mod i18n;
pub mod indicator_table;
pub mod lazy;
pub mod marks;
pub mod snippet;
pub mod state;
pub mod target_sort;

pub use embed::{Anchor, Embed};
pub use i18n::{
    Lang, Msg, boilerplate_run, indicator_summary, more_passages, no_targets, only_in,
    passages_summary, run_only_in, search_summary, show_all, shown_of, topic_summary,
};
pub use lazy::LazyComparison;
pub use state::{State, StateError, View};
pub use target_sort::{Column, Sort};
