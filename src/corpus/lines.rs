//! The lines of the PDF extraction, with the spacing the extractor left around them.
//!
//! The extraction is not plain text: it carries the page layout in its whitespace, and
//! that whitespace is the most reliable signal we have.
//! - Every printed line is followed by an empty line, except the last line of a page.
//! - The first line of a page starts with a space (so: a leading space with no empty line
//!   before it is a page break, not an indent).
//! - A leading space *after* an empty line is a bullet point (the bullet glyph was lost).
//! - The last line of a paragraph ends with a space; a hard-wrapped line does not.

/// One non-blank line of the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number in the corpus.
    pub no: usize,
    /// The text without the spaces at either edge.
    pub text: &'a str,
    /// The first line of a PDF page.
    pub page_start: bool,
    /// A bullet point: a leading space after an empty line.
    pub bullet: bool,
    /// The last line of a paragraph (a trailing space).
    pub ends_paragraph: bool,
}

/// Splits the corpus into its non-blank lines. Lines of spaces only are dropped: they are
/// the blank tops of pages.
pub fn split(src: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut previous_empty = true;
    for (i, raw) in src.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let text = raw.trim();
        if text.is_empty() {
            previous_empty = raw.is_empty();
            continue;
        }
        let leading = raw.starts_with(char::is_whitespace);
        out.push(Line {
            no: i + 1,
            text,
            page_start: leading && !previous_empty,
            bullet: leading && previous_empty,
            ends_paragraph: raw.ends_with(char::is_whitespace),
        });
        previous_empty = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_becomes_flags() {
        let src = "标题 \n\n正文第一行\n\n正文第二行。 \n 下一页的第一行 \n\n 要点 \n";
        let lines = split(src);
        let flags: Vec<_> = lines
            .iter()
            .map(|l| (l.no, l.text, l.page_start, l.bullet, l.ends_paragraph))
            .collect();
        assert_eq!(
            flags,
            vec![
                (1, "标题", false, false, true),
                (3, "正文第一行", false, false, false),
                (5, "正文第二行。", false, false, true),
                (6, "下一页的第一行", true, false, true),
                (8, "要点", false, true, true),
            ]
        );
    }
}
