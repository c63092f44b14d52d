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
    /// No line ends with a space: the trailing spaces that end paragraphs were trimmed.
    TrailingSpacesTrimmed,
    /// A character no plan's text contains (see [`super::lines::check`]).
    ControlCharacter {
        /// The character.
        ch: char,
        /// 1-based column, in characters.
        column: usize,
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
            TrailingSpacesTrimmed => write!(
                f,
                "no line of the corpus ends with a space, so the layout that marks where \
                 paragraphs end is lost (were trailing spaces trimmed, by an editor setting \
                 or a copy?): in the PDF's extraction the last line of each paragraph ends \
                 with a space and a wrapped line does not; build from the extraction as it \
                 was written"
            ),
            ControlCharacter { ch, column } => {
                let name = match ch {
                    '\0' => " (NUL)",
                    '\u{7}' => " (BEL)",
                    '\u{8}' => " (BS)",
                    '\u{1b}' => " (ESC)",
                    '\u{7f}' => " (DEL)",
                    '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => " (bidirectional control)",
                    _ => "",
                };
                write!(
                    f,
                    "control character U+{:04X}{name} at column {column}: the corpus must \
                     be plain text; remove it",
                    u32::from(*ch)
                )
            }
        }
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

impl std::error::Error for CorpusError {}
