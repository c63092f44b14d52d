//! The builder's side: from the plain-text extraction of the compilation to documents.
//!
//! The stages, each in its own module, in the order they run:
//! 1. [`lines`]: the extraction's lines, with the page layout its whitespace encodes.
//! 2. [`documents`]: split at each `发布时间：` block; title, date, source, number, region
//!    ([`regions`]); page furniture ([`artefacts`]) dropped.
//! 3. [`tables`] and [`blocks`]: tables put back in reading order, running text joined
//!    into paragraphs, stray spaces removed ([`clean`]).
//! 4. [`outline`]: preamble, section tree ([`numbering`], [`headings`]), signatures and
//!    attachments ([`frontmatter`]).

pub mod artefacts;
pub mod blocks;
pub mod clean;
pub mod documents;
pub mod error;
pub mod frontmatter;
pub mod headings;
pub mod lines;
pub mod numbering;
pub mod outline;
pub mod regions;
pub mod tables;

pub use error::{CorpusError, CorpusErrorKind};

use blocks::Block;
use documents::RawDocument;
use outline::Outline;

/// A document of the corpus, parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedDocument {
    /// The region's id.
    pub region: &'static str,
    /// Title as printed.
    pub title: String,
    /// Line of the title in the corpus.
    pub line: usize,
    /// ISO date.
    pub published: String,
    /// From `来源：`.
    pub source: String,
    /// From `文件名称：`.
    pub doc_number: Option<String>,
    /// Its outline.
    pub outline: Outline,
}

/// Parses the whole corpus text into documents.
pub fn parse(text: &str) -> Result<Vec<ParsedDocument>, CorpusError> {
    lines::check(text)?;
    let lines = lines::split(text);
    let raw = documents::split(&lines)?;
    Ok(raw.into_iter().map(parse_document).collect())
}

/// The blocks of a document's body, tables reflowed, in reading order.
pub fn body_blocks(doc: &RawDocument<'_>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut at = 0;
    for table in tables::find(&doc.body) {
        out.extend(blocks::paragraphs(&doc.body[at..table.start]));
        out.extend(tables::reflow(&table, &doc.body));
        out.push(Block::from_lines::<&str>(
            doc.body.get(table.end - 1).map_or(0, |l| l.no),
            &[],
            blocks::BlockKind::TableEnd,
        ));
        at = table.end;
    }
    out.extend(blocks::paragraphs(&doc.body[at..]));
    out
}

fn parse_document(doc: RawDocument<'_>) -> ParsedDocument {
    let blocks = body_blocks(&doc);
    let outline = outline::build(blocks, &doc.title);
    ParsedDocument {
        region: doc.region.id,
        line: doc.title_line,
        published: doc.published.to_string(),
        source: doc.source,
        doc_number: doc.doc_number,
        outline,
        title: doc.title,
    }
}
