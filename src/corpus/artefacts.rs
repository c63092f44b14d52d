//! Lines that belong to the printed page, not to any document: they are dropped before
//! paragraphs are joined, so a paragraph broken by a page turn comes out whole.

use super::lines::Line;

/// The running header printed at the top of pages of this compilation.
pub const RUNNING_HEADER: &str = "科技信息参考一带一路增刊";

/// The compilation's own part labels ("policies and regulations", "local policies").
pub const PART_LABELS: [&str; 2] = ["政策法规", "地方政策"];

/// What kind of page furniture a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Artefact {
    /// A page number: digits alone on a line that starts with a space. (Table row numbers
    /// are digits alone too, but never start with a space.)
    PageNumber,
    /// The compilation's running header.
    RunningHeader,
    /// A hyperlink line left by the web pages the documents were copied from.
    Link,
    /// One of the compilation's part labels.
    PartLabel,
}

/// The artefact a line is, if it is one.
pub fn classify(line: &Line<'_>) -> Option<Artefact> {
    let text = line.text;
    if (line.page_start || line.bullet)
        && !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit())
    {
        Some(Artefact::PageNumber)
    } else if text == RUNNING_HEADER {
        Some(Artefact::RunningHeader)
    } else if text.starts_with("http://") || text.starts_with("https://") {
        Some(Artefact::Link)
    } else if PART_LABELS.contains(&text) {
        Some(Artefact::PartLabel)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::lines::split;

    #[test]
    fn page_furniture_is_recognised_and_text_is_not() {
        let src = "正文 \n 12 \n科技信息参考一带一路增刊 \n\nhttp://www.yidaiyilu.gov.cn/x.htm\n\n1 \n\n地方政策 \n\n2020年 \n";
        let kinds: Vec<_> = split(src).iter().map(classify).collect();
        assert_eq!(
            kinds,
            vec![
                None,
                Some(Artefact::PageNumber),
                Some(Artefact::RunningHeader),
                Some(Artefact::Link),
                None, // a table row number has no leading space
                Some(Artefact::PartLabel),
                None,
            ]
        );
    }
}
