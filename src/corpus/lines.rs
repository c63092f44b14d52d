//! The lines of the PDF extraction, with the spacing the extractor left around them.
//!
//! The extraction is not plain text: it carries the page layout in its whitespace, and
//! that whitespace is the most reliable signal we have.
//! - Every printed line is followed by an empty line, except the last line of a page.
//! - The first line of a page starts with a space (so: a leading space with no empty line
//!   before it is a page break, not an indent).
//! - A leading space *after* an empty line is a bullet point (the bullet glyph was lost).
//! - The last line of a paragraph ends with a space; a hard-wrapped line does not.
//!
//! What editors do to a text file on its way here is undone where it loses nothing: line
//! breaks may be `\n`, `\r\n` or a lone `\r` (old Mac files), and a leading byte-order
//! mark is skipped. What would lose the layout or let a non-text character into the
//! bundle is refused with its line: a file whose trailing spaces were trimmed (see
//! [`super::documents`]) and control characters ([`check`]).

use super::error::{CorpusError, CorpusErrorKind};

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
    for (i, raw) in raw_lines(src).enumerate() {
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

/// The lines of `src`, ended by `\n`, `\r\n` or `\r`, without a leading byte-order mark.
fn raw_lines(src: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(src.strip_prefix('\u{feff}').unwrap_or(src));
    std::iter::from_fn(move || {
        let text = rest?;
        match text.find(['\n', '\r']) {
            Some(at) => {
                let next = if text[at..].starts_with("\r\n") {
                    at + 2
                } else {
                    at + 1
                };
                rest = Some(&text[next..]);
                Some(&text[..at])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// Refuses a corpus with a character that has no place in a plan's text: a control
/// character (NUL, escape, DEL, the C1 controls…) other than the whitespace the layout is
/// made of, or a bidirectional control, which would reorder how the text around it is
/// shown. They come from a damaged or binary file, and the bundle must not carry them into
/// headings and texts; cleaning them silently would hide that.
pub fn check(src: &str) -> Result<(), CorpusError> {
    for (i, line) in raw_lines(src).enumerate() {
        if let Some((column, ch)) = line.chars().enumerate().find(|&(_, c)| is_forbidden(c)) {
            return Err(CorpusError {
                line: i + 1,
                kind: CorpusErrorKind::ControlCharacter {
                    ch,
                    column: column + 1,
                },
            });
        }
    }
    Ok(())
}

/// Control characters except whitespace (tab, form feed, vertical tab, next line: the
/// builder treats them as spaces), and the bidirectional embeddings, overrides and isolates.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && !c.is_whitespace())
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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

    #[test]
    fn crlf_and_cr_only_line_breaks_read_like_lf() {
        let lf = "\u{feff}标题 \n\n正文第一行\n\n正文第二行。 \n 下一页 \n";
        fn flags(src: &str) -> Vec<(usize, &str, bool, bool, bool)> {
            split(src)
                .iter()
                .map(|l| (l.no, l.text, l.page_start, l.bullet, l.ends_paragraph))
                .collect()
        }
        assert_eq!(flags(lf)[0].1, "标题", "the byte-order mark is skipped");
        assert_eq!(flags(&lf.replace('\n', "\r\n")), flags(lf));
        assert_eq!(flags(&lf.replace('\n', "\r")), flags(lf));
    }

    #[test]
    fn control_characters_are_refused_with_line_and_column() {
        let error = |src: &str| check(src).unwrap_err().to_string();
        assert_eq!(
            error("标题 \n\n推进\u{0}合作。 \n"),
            "line 3: control character U+0000 (NUL) at column 3: the corpus must be plain text; remove it"
        );
        assert!(
            error("一\r二\r三\u{1b}[31m")
                .starts_with("line 3: control character U+001B (ESC) at column 2")
        );
        assert!(error("甲\u{7f}").contains("U+007F (DEL)"));
        assert!(error("甲\u{9b}").contains("U+009B at column 2"));
        assert!(error("甲\u{202e}乙").contains("U+202E (bidirectional control)"));
        // The whitespace the layout is made of is not refused.
        assert_eq!(check("甲\t乙\u{b}丙\u{c}丁\u{85} \r\n"), Ok(()));
    }
}
