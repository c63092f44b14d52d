//! Blocks: the units between lines and the outline. Running text becomes one block per
//! paragraph (hard wraps joined); tables become one block per cell, in reading order.

use super::clean;
use super::lines::Line;
use super::numbering;

/// A paragraph of running text or a cell of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Line of the corpus where the block starts.
    pub line: usize,
    /// The cleaned text.
    pub text: String,
    /// The lines joined as printed, stray spaces and all (signatures need the spaces
    /// that separate issuing bodies).
    pub raw: String,
    /// What the outline may make of it.
    pub kind: BlockKind,
}

/// How a block entered the document, which limits what the outline may make of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph of running text: may be a heading, a lead-in, a signature…
    Text,
    /// A bullet point: always a paragraph.
    Bullet,
    /// A table cell: always a paragraph.
    Cell,
    /// A table cell that titles the rows after it (`1．基础设施互联互通工程`): a heading if
    /// it is numbered, a paragraph otherwise.
    CellTitle,
    /// The start of a table row with a number of its own (`序号`): a section whose number
    /// is the row number.
    Row {
        /// The row number as printed.
        number: String,
    },
    /// The end of a table (no text): what follows is not part of its last row.
    TableEnd,
}

impl Block {
    /// A block of this kind from the lines (or line pieces) it was printed on.
    pub fn from_lines<S: AsRef<str>>(line: usize, lines: &[S], kind: BlockKind) -> Block {
        let raw: String = lines.iter().map(AsRef::as_ref).collect();
        Block {
            line,
            text: clean::normalize(&raw),
            raw,
            kind,
        }
    }
}

/// Joins the lines of running text into paragraphs.
///
/// A paragraph ends where the extractor left a trailing space, with two exceptions the
/// corpus needs: a wrap between two Latin words also leaves one (`Program ` / `of China`),
/// and a numbered heading can follow a full-width line ending in `。` with no space at all.
pub fn paragraphs(lines: &[Line<'_>]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut bullet = false;
    let flush = |parts: &mut Vec<&str>, start: usize, bullet: bool, out: &mut Vec<Block>| {
        if !parts.is_empty() {
            let kind = if bullet {
                BlockKind::Bullet
            } else {
                BlockKind::Text
            };
            out.push(Block::from_lines(start, parts, kind));
            parts.clear();
        }
    };
    for (i, line) in lines.iter().enumerate() {
        let previous = i.checked_sub(1).map(|j| &lines[j]);
        let continues = previous.is_some_and(|p| continues_paragraph(p, line));
        if !continues {
            flush(&mut parts, start, bullet, &mut out);
            start = line.no;
            bullet = line.bullet;
        } else if previous.is_some_and(|p| p.ends_paragraph) {
            parts.push(" ");
        }
        parts.push(line.text);
    }
    flush(&mut parts, start, bullet, &mut out);
    out
}

/// Whether `line` continues the paragraph that `previous` belongs to.
fn continues_paragraph(previous: &Line<'_>, line: &Line<'_>) -> bool {
    if line.bullet {
        return false;
    }
    if previous.ends_paragraph {
        let latin_wrap = previous.text.ends_with(|c: char| c.is_ascii_alphabetic())
            && line.text.starts_with(|c: char| c.is_ascii_lowercase());
        return latin_wrap;
    }
    let sentence_ended = previous.text.ends_with(['。', '；', '！', '？', '：']);
    !(sentence_ended && numbering::ordinal(line.text).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::lines::split;

    fn texts(src: &str) -> Vec<(String, BlockKind)> {
        paragraphs(&split(src))
            .into_iter()
            .map(|b| (b.text, b.kind))
            .collect()
    }

    #[test]
    fn wraps_are_joined_and_paragraph_ends_respected() {
        let src = "一、重大意义 \n\n（一）重大意义。推进“一带一路”建设，是党中央\n\n作出的重大决策。 \n 下一段。 \n";
        assert_eq!(
            texts(src),
            vec![
                ("一、重大意义".to_owned(), BlockKind::Text),
                (
                    "（一）重大意义。推进“一带一路”建设，是党中央作出的重大决策。".to_owned(),
                    BlockKind::Text
                ),
                ("下一段。".to_owned(), BlockKind::Text),
            ]
        );
    }

    #[test]
    fn a_page_turn_inside_a_paragraph_joins() {
        let src = "依托国内国际大通道，重点谋划\n 三大战略走向。 \n";
        assert_eq!(
            texts(src)[0].0,
            "依托国内国际大通道，重点谋划三大战略走向。"
        );
    }

    #[test]
    fn latin_words_across_a_wrap_keep_their_space() {
        let src = "英文标注：“National Key R&D Program \n\nof China”。第一标注 \n";
        assert_eq!(
            texts(src)[0].0,
            "英文标注：“National Key R&D Program of China”。第一标注"
        );
    }

    #[test]
    fn a_heading_after_a_full_line_starts_a_new_paragraph() {
        let src = "合作不断扩大和深化。\n\n（二）促进沿线国家语言互通。 \n";
        assert_eq!(texts(src).len(), 2);
    }

    #[test]
    fn bullets_are_marked() {
        let src = "三大平台 \n\n 以兰州新区为重点的向西开放经济战略平台； \n";
        assert_eq!(texts(src)[1].1, BlockKind::Bullet);
    }
}
