//! Splitting the compilation into documents and reading each one's metadata.
//!
//! Every document opens the same way: its title (possibly wrapped over several lines),
//! then a block of `发布时间：` (date), `来源：` (source) and, for most, `文件名称：`
//! (document number). The metadata block is the anchor; the title is the paragraph just
//! before it, and a document's body runs to the next document's title.

use super::artefacts;
use super::clean::{normalize, normalize_title};
use super::error::{CorpusError, CorpusErrorKind};
use super::lines::Line;
use super::regions::{self, RegionSpec};
use crate::date::Date;

const DATE_LABEL: &str = "发布时间";
const SOURCE_LABEL: &str = "来源";
const NUMBER_LABEL: &str = "文件名称";

/// One document before its body is parsed.
#[derive(Debug)]
pub struct RawDocument<'a> {
    /// The title as printed (wraps joined, stray spaces removed).
    pub title: String,
    /// Line of the title's first line.
    pub title_line: usize,
    /// From `发布时间：`.
    pub published: Date,
    /// From `来源：`.
    pub source: String,
    /// From `文件名称：`.
    pub doc_number: Option<String>,
    /// The region the title names.
    pub region: &'static RegionSpec,
    /// The body's lines, page furniture removed.
    pub body: Vec<Line<'a>>,
}

/// A metadata line: which label, and the value after it.
fn metadata(line: &Line<'_>) -> Option<(&'static str, String)> {
    [DATE_LABEL, SOURCE_LABEL, NUMBER_LABEL]
        .into_iter()
        .find_map(|label| {
            let rest = line.text.strip_prefix(label)?;
            let value = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':'))?;
            Some((label, value.trim().to_owned()))
        })
}

/// Splits the lines of the corpus into documents.
pub fn split<'a>(lines: &[Line<'a>]) -> Result<Vec<RawDocument<'a>>, CorpusError> {
    // Each metadata block: (first index, one past the last index).
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if metadata(&lines[i]).is_some() {
            let start = i;
            while i < lines.len() && metadata(&lines[i]).is_some() {
                i += 1;
            }
            blocks.push((start, i));
        } else {
            i += 1;
        }
    }
    if blocks.is_empty() {
        return Err(CorpusError {
            line: lines.first().map_or(1, |l| l.no),
            kind: CorpusErrorKind::NoDocuments,
        });
    }
    // Without the spaces that end paragraphs, titles would run back into the previous
    // document and paragraphs into each other: say what was lost rather than misread it.
    if !lines.iter().any(|l| l.ends_paragraph) {
        return Err(CorpusError {
            line: lines[blocks[0].0].no,
            kind: CorpusErrorKind::TrailingSpacesTrimmed,
        });
    }

    // The title of each block starts where the previous paragraph ended.
    let mut title_starts = Vec::with_capacity(blocks.len());
    for &(start, _) in &blocks {
        let Some(last) = start.checked_sub(1).filter(|&j| is_text(&lines[j])) else {
            return Err(CorpusError {
                line: lines[start].no,
                kind: CorpusErrorKind::MissingTitle,
            });
        };
        let mut first = last;
        while first > 0 && is_text(&lines[first - 1]) && !lines[first - 1].ends_paragraph {
            first -= 1;
        }
        title_starts.push(first);
    }

    let mut documents = Vec::with_capacity(blocks.len());
    for (k, &(start, end)) in blocks.iter().enumerate() {
        let title_start = title_starts[k];
        let title_lines: Vec<&str> = lines[title_start..start].iter().map(|l| l.text).collect();
        let title = normalize_title(&title_lines.concat());
        let title_line = lines[title_start].no;
        let body_end = title_starts.get(k + 1).copied().unwrap_or(lines.len());
        documents.push(read_document(
            title,
            title_line,
            &lines[start..end],
            &lines[end..body_end],
        )?);
    }
    Ok(documents)
}

fn is_text(line: &Line<'_>) -> bool {
    artefacts::classify(line).is_none() && metadata(line).is_none()
}

fn read_document<'a>(
    title: String,
    title_line: usize,
    meta: &[Line<'a>],
    body: &[Line<'a>],
) -> Result<RawDocument<'a>, CorpusError> {
    let field = |label: &str| {
        meta.iter().find_map(|l| {
            metadata(l)
                .filter(|(k, _)| *k == label)
                .map(|(_, v)| (l.no, v))
        })
    };
    let error = |line, kind| Err(CorpusError { line, kind });

    let Some((date_line, date_text)) = field(DATE_LABEL) else {
        return error(title_line, CorpusErrorKind::MissingDate { title });
    };
    let Some(published) = Date::parse_dashed(&normalize(&date_text)) else {
        return error(date_line, CorpusErrorKind::BadDate { text: date_text });
    };
    let Some((_, source)) = field(SOURCE_LABEL) else {
        return error(title_line, CorpusErrorKind::MissingSource { title });
    };
    let source = normalize_title(&source);
    let doc_number = field(NUMBER_LABEL)
        .map(|(_, v)| normalize(&v))
        .filter(|v| !v.is_empty());
    let Some(region) = regions::assign(&title, &source) else {
        let known = regions::ids();
        return error(title_line, CorpusErrorKind::UnknownRegion { title, known });
    };
    let body: Vec<Line<'a>> = body
        .iter()
        .filter(|l| artefacts::classify(l).is_none())
        .copied()
        .collect();
    if body.is_empty() {
        return error(title_line, CorpusErrorKind::EmptyDocument { title });
    }
    Ok(RawDocument {
        title,
        title_line,
        published,
        source,
        doc_number,
        region,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::lines;

    const TWO: &str = " 政策法规 \n\n江西省参与丝绸之路经济带和 21 世纪海上丝绸之路\n\n建设实施方案 \n\n发布时间：2016-10-9 \n\n来源：江西省发改委网站 \n\n文件名称：赣府发〔2015〕26 号 \n\n 正文。 \n 3 \n\n甘肃省参与“一带一路”建设实施方案 \n\n发布时间：2015-12-09 \n\n来源：甘肃省发改委 \n\n正文二。 \n";

    #[test]
    fn documents_are_split_at_their_metadata() {
        let lines = lines::split(TWO);
        let docs = split(&lines).unwrap();
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(
            d.title,
            "江西省参与丝绸之路经济带和21世纪海上丝绸之路建设实施方案"
        );
        assert_eq!(d.title_line, 3);
        assert_eq!(d.published.to_string(), "2016-10-09");
        assert_eq!(d.source, "江西省发改委网站");
        assert_eq!(d.doc_number.as_deref(), Some("赣府发〔2015〕26号"));
        assert_eq!(d.region.id, "jiangxi");
        assert_eq!(
            d.body.iter().map(|l| l.text).collect::<Vec<_>>(),
            ["正文。"]
        );
        assert_eq!(docs[1].doc_number, None);
        assert_eq!(docs[1].region.id, "gansu");
    }

    fn error_of(src: &str) -> String {
        split(&lines::split(src)).unwrap_err().to_string()
    }

    #[test]
    fn malformed_metadata_is_reported_with_its_line() {
        let no_date = TWO.replace("发布时间：2016-10-9 \n\n", "");
        assert_eq!(
            error_of(&no_date),
            "line 3: document 「江西省参与丝绸之路经济带和21世纪海上丝绸之路建设实施方案」 has no publication date (`发布时间：`)"
        );
        let bad_date = TWO.replace("2016-10-9", "2016-13-9");
        assert_eq!(
            error_of(&bad_date),
            "line 7: publication date \"2016-13-9\" is not a date (expected YYYY-M-D, e.g. 2016-10-9)"
        );
        let unknown = TWO.replace("甘肃省", "某某省");
        assert!(error_of(&unknown).starts_with("line 16: document 「某某省参与“一带一路”建设实施方案」 names no known region (national, tianjin,"));
        assert!(error_of("只有正文。 \n").contains("no documents found"));
        let trimmed = TWO.replace(" \n", "\n");
        assert!(
            error_of(&trimmed).starts_with("line 7: no line of the corpus ends with a space"),
            "{}",
            error_of(&trimmed)
        );
        assert!(error_of("发布时间：2016-1-1 \n").contains("no title"));
    }
}
