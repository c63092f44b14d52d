//! The bundle: the one JSON file the widget loads, and the one definition of its format.
//!
//! The builder ([`crate::build`]) writes a [`Bundle`]; the widget reads it with
//! [`Bundle::from_json`], which checks the format and version first and names the field
//! of the first problem it finds.

mod error;
mod json;
mod lexicon;
mod metric;
mod path;
mod read;
mod roles;
mod slices;
mod theme;
mod types;

pub use error::{BundleError, BundleErrorKind, shorten};
pub use lexicon::{LexiconGroup, TopicInfo};
pub use metric::{Canonical, Comparator, Metric, MetricKind, Normalized, Scope};
pub use read::{MAX_ID, MAX_VALUE, YEARS, metric_is_plausible};
pub use roles::{Boilerplate, Role};
pub use slices::Reading;
pub use theme::Theme;
pub use types::{
    Bundle, CorpusRef, Document, FORMAT, Paragraph, Region, RegionKind, Section, Signature,
    ThemeInfo, VERSION,
};

impl Bundle {
    /// The bundle as pretty JSON with a final newline: stable, so a rebuild from the same
    /// corpus gives the same bytes and a changed parser gives a readable diff.
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }
}
