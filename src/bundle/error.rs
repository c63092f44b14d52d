//! Why a bundle could not be read: always with the place (a JSON path) and the reason,
//! because the person reading the message is usually someone who built their own bundle.

use std::fmt;

/// A bundle that failed to load, parse or validate.
#[derive(Clone, Debug, PartialEq)]
pub struct BundleError {
    /// Where in the bundle, as a JSON path (`documents[3].sections[0].level`); empty for
    /// the whole file.
    pub path: String,
    /// What is wrong there.
    pub kind: BundleErrorKind,
}

/// The reasons a bundle is rejected.
#[derive(Clone, Debug, PartialEq)]
pub enum BundleErrorKind {
    /// Not JSON at all.
    Syntax {
        /// The parser's message.
        message: String,
        /// 1-based line of the JSON text.
        line: usize,
        /// 1-based column of the JSON text.
        column: usize,
    },
    /// Not a JSON object (an HTML error page, an array…).
    NotAnObject,
    /// JSON, but a field is missing or has the wrong type or value.
    Shape {
        /// The parser's message, e.g. ``unknown variant `trad`, expected one of …``.
        message: String,
    },
    /// `format` is not `policy-compare-bundle`.
    WrongFormat {
        /// What the file says instead.
        found: Option<String>,
    },
    /// A version this reader does not understand.
    UnsupportedVersion {
        /// The version the file declares.
        found: Option<u64>,
    },
    /// An id that must be unique is not.
    DuplicateId {
        /// The repeated id.
        id: String,
    },
    /// A reference to a region that the bundle does not list.
    UnknownRegion {
        /// The id referred to.
        id: String,
    },
    /// A metric refers to a paragraph that the document does not have.
    UnknownParagraph {
        /// The id referred to.
        id: String,
    },
    /// A metric's quote is not a substring of its paragraph.
    QuoteNotInParagraph {
        /// The quote.
        quote: String,
    },
    /// Not an ISO `YYYY-MM-DD` date.
    BadDate {
        /// The value found.
        value: String,
    },
    /// A section level that does not fit its nesting (1 at the top, deeper below).
    BadLevel {
        /// The level found.
        level: u8,
        /// The level of the enclosing section (0 at the top).
        parent: u8,
    },
}

impl BundleError {
    pub(crate) fn at(path: impl Into<String>, kind: BundleErrorKind) -> Self {
        BundleError {
            path: path.into(),
            kind,
        }
    }
}

impl fmt::Display for BundleErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use BundleErrorKind::*;
        match self {
            Syntax {
                message,
                line,
                column,
            } => write!(
                f,
                "not valid JSON (line {line}, column {column}): {message}"
            ),
            NotAnObject => write!(f, "a bundle is a JSON object ({{…}}); this text is not one"),
            Shape { message } => write!(f, "{message}"),
            WrongFormat { found: Some(found) } => {
                write!(f, "`format` is \"{found}\", expected \"{}\"", super::FORMAT)
            }
            WrongFormat { found: None } => write!(
                f,
                "no `format` field: this is not a policy-compare bundle (expected \"format\": \"{}\")",
                super::FORMAT
            ),
            UnsupportedVersion { found: Some(v) } => write!(
                f,
                "bundle version {v} is not supported; this reader understands version {}",
                super::VERSION
            ),
            UnsupportedVersion { found: None } => write!(
                f,
                "no `version` field; this reader understands version {}",
                super::VERSION
            ),
            DuplicateId { id } => write!(f, "id \"{id}\" is used more than once"),
            UnknownRegion { id } => write!(f, "region \"{id}\" is not listed in `regions`"),
            UnknownParagraph { id } => {
                write!(f, "paragraph \"{id}\" does not exist in this document")
            }
            QuoteNotInParagraph { quote } => {
                write!(f, "quote \"{quote}\" is not in its paragraph's text")
            }
            BadDate { value } => write!(f, "\"{value}\" is not an ISO date (YYYY-MM-DD)"),
            BadLevel { level, parent } => write!(
                f,
                "level {level} cannot sit under a section of level {parent}"
            ),
        }
    }
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.path, self.kind)
        }
    }
}

impl std::error::Error for BundleError {}
