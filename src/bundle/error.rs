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
    /// Bytes that are not UTF-8 text (a bundle is JSON, which is UTF-8).
    NotUtf8 {
        /// Byte offset of the first byte that is not.
        at: usize,
    },
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
    /// A number no plan states: not finite, or beyond ±[`super::read::MAX_VALUE`].
    BadNumber,
    /// The upper end of a range below its lower end.
    RangeReversed,
    /// A year outside [`super::read::YEARS`].
    BadYear {
        /// The year found.
        year: i32,
    },
    /// A weight (idf) that is negative or not finite.
    BadWeight,
    /// `themes` is empty: there is nothing to compare plans by.
    NoThemes,
    /// A region that is its own parent, or whose parents lead back to it.
    ParentCycle {
        /// The region.
        id: String,
    },
    /// An id longer than [`super::read::MAX_ID`] bytes.
    LongId,
    /// A region's or theme's name longer than [`super::read::MAX_NAME`] characters.
    LongName,
}

/// `text`, cut to its first [`SHOWN`] characters (with `…`) when longer: values are
/// echoed in messages for the reader to recognise, and a bundle may hold megabytes where
/// a word was expected.
pub fn shorten(text: &str) -> std::borrow::Cow<'_, str> {
    shorten_to(text, SHOWN)
}

/// How many characters of a value a message shows.
pub const SHOWN: usize = 80;

/// `text` cut to its first `max` characters (with `…`) when longer.
pub fn shorten_to(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(text),
        Some((end, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..end])),
    }
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
            NotUtf8 { at } => write!(
                f,
                "not UTF-8 text (byte {at} is not): a bundle is JSON, saved as UTF-8"
            ),
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
            DuplicateId { id } => write!(f, "id \"{}\" is used more than once", shorten(id)),
            UnknownRegion { id } => {
                write!(f, "region \"{}\" is not listed in `regions`", shorten(id))
            }
            UnknownParagraph { id } => write!(
                f,
                "paragraph \"{}\" does not exist in this document",
                shorten(id)
            ),
            QuoteNotInParagraph { quote } => write!(
                f,
                "quote \"{}\" is not in its paragraph's text",
                shorten(quote)
            ),
            BadDate { value } => {
                write!(f, "\"{}\" is not an ISO date (YYYY-MM-DD)", shorten(value))
            }
            BadLevel { level, parent } => write!(
                f,
                "level {level} cannot sit under a section of level {parent}"
            ),
            BadNumber => write!(
                f,
                "not a figure a plan states: numbers are finite and within ±10^15"
            ),
            RangeReversed => write!(f, "the upper end of the range is below its lower end"),
            BadYear { year } => write!(
                f,
                "year {year} is outside {}–{}",
                super::read::YEARS.start(),
                super::read::YEARS.end()
            ),
            BadWeight => write!(f, "a weight is a finite number, 0 or more"),
            NoThemes => write!(
                f,
                "no themes: a bundle lists the themes its plans are compared by"
            ),
            ParentCycle { id } => write!(
                f,
                "region \"{}\" is its own parent, or its parents lead back to it",
                shorten(id)
            ),
            LongId => write!(
                f,
                "an id is at most {} bytes (ids go into links and keys)",
                super::read::MAX_ID
            ),
            LongName => write!(f, "a name is at most {} characters", super::read::MAX_NAME),
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
