//! Why a comparison could not be made: an id that is not in the bundle, named together
//! with the ids that are.

use std::fmt;

/// A comparison request that names something the bundle does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareError {
    /// No region with this id.
    UnknownRegion {
        /// The id asked for.
        id: String,
        /// The ids of the bundle's regions.
        valid: Vec<String>,
    },
    /// No document with this id in the region (a side `region/document-id`).
    UnknownDocument {
        /// The region asked for.
        region: String,
        /// The document id asked for.
        id: String,
        /// The ids of the region's documents.
        valid: Vec<String>,
    },
    /// No theme with this id (nor `all`).
    UnknownTheme {
        /// The id asked for.
        id: String,
        /// The valid theme ids, `all` first.
        valid: Vec<String>,
    },
    /// No statement of the bundle has this canonical indicator.
    UnknownIndicator {
        /// The id asked for.
        id: String,
        /// The canonical indicators the bundle's statements use.
        valid: Vec<String>,
    },
}

impl fmt::Display for CompareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompareError::UnknownRegion { id, valid } => {
                write!(
                    f,
                    "unknown region \"{id}\"; valid regions: {}",
                    valid.join(", ")
                )
            }
            CompareError::UnknownDocument { region, id, valid } => {
                write!(
                    f,
                    "no document \"{id}\" in region \"{region}\"; its documents: {}",
                    valid.join(", ")
                )
            }
            CompareError::UnknownTheme { id, valid } => {
                write!(
                    f,
                    "unknown theme \"{id}\"; valid themes: {}",
                    valid.join(", ")
                )
            }
            CompareError::UnknownIndicator { id, valid } => {
                write!(
                    f,
                    "no statement has the indicator \"{id}\"; indicators used: {}",
                    valid.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for CompareError {}
