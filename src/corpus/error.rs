//! Why a corpus could not be turned into documents: always a line of the corpus and a
//! reason a person can act on.

use std::fmt;

/// A malformed corpus, located at a 1-based line of the source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusError {
    /// 1-based line number in the corpus text.
    pub line: usize,
    /// What is wrong there.
    pub kind: CorpusErrorKind,
}

/// The reasons a corpus is rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CorpusErrorKind {
    /// No `发布时间：` line anywhere: nothing that looks like a document.
    NoDocuments,
    /// A document's metadata block has no `发布时间：` (publication date).
    MissingDate {
        /// The document's title.
        title: String,
    },
    /// A `发布时间：` that is not a calendar date.
    BadDate {
        /// The text after the label.
        text: String,
    },
    /// A document's metadata block has no `来源：` (source).
    MissingSource {
        /// The document's title.
        title: String,
    },
    /// A metadata block with no title before it.
    MissingTitle,
    /// A title that names no known region and no national body.
    UnknownRegion {
        /// The document's title.
        title: String,
        /// Ids of the regions the builder knows.
        known: Vec<&'static str>,
    },
    /// A document whose body is empty.
    EmptyDocument {
        /// The document's title.
        title: String,
    },
}

impl fmt::Display for CorpusErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use CorpusErrorKind::*;
        match self {
            NoDocuments => write!(
                f,
                "no documents found: a document starts with its title followed by a `发布时间：` line"
            ),
            MissingDate { title } => {
                write!(
                    f,
                    "document 「{title}」 has no publication date (`发布时间：`)"
                )
            }
            BadDate { text } => write!(
                f,
                "publication date \"{text}\" is not a date (expected YYYY-M-D, e.g. 2016-10-9)"
            ),
            MissingSource { title } => {
                write!(f, "document 「{title}」 has no source (`来源：`)")
            }
            MissingTitle => write!(f, "a metadata block with no title line before it"),
            UnknownRegion { title, known } => write!(
                f,
                "document 「{title}」 names no known region ({}) and no national body",
                known.join(", ")
            ),
            EmptyDocument { title } => write!(f, "document 「{title}」 has no text"),
        }
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

impl std::error::Error for CorpusError {}
