//! The parts of a document around its body: signature blocks, attachment lines, and the
//! attached plan's own title repeated under a cover letter. These are recognised by shape
//! and kept out of the section tree (signatures and attachment lines become fields; the
//! repeated title stays a preamble paragraph, because it is text the source prints).

use std::collections::HashSet;

use crate::date::Date;

/// The date of a signature block: a line that is a Chinese date and nothing else.
pub fn signature_date(text: &str) -> Option<Date> {
    Date::parse_chinese(text)
}

/// An issuing body above a signature date: short, a name and nothing else.
pub fn is_issuer(text: &str) -> bool {
    let len = text.chars().count();
    (2..=20).contains(&len) && !text.contains(['。', '，', '；', '：', '、'])
}

/// The text after an attachment label (`附件：`, `附件1：`), if `text` starts with one.
pub fn attachment(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("附件")?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':'))?;
    Some(rest.trim())
}

/// Whether a line is the label of a table of contents.
pub fn is_contents_label(compact: &str) -> bool {
    compact == "目录"
}

/// Whether `line` repeats the document's title (or the title of the plan it issues),
/// as attached plans do under their cover letter.
pub fn repeats_title(line: &str, title: &str) -> bool {
    let line = letters(line);
    let title = letters(title);
    if line.chars().count() < 4 {
        return false;
    }
    if title.contains(&line) || line.contains(&title) {
        return true;
    }
    dice(&line, &title) >= 0.6
}

/// The characters that carry meaning: no spaces, no punctuation.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() && !c.is_whitespace())
        .collect()
}

/// Sørensen–Dice similarity of the character bigrams of two strings.
fn dice(a: &str, b: &str) -> f64 {
    let bigrams = |s: &str| -> HashSet<(char, char)> {
        let chars: Vec<char> = s.chars().collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (a, b) = (bigrams(a), bigrams(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(&b).count() as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_and_attachments() {
        assert_eq!(
            signature_date("2017年12月25日").map(|d| d.to_string()),
            Some("2017-12-25".into())
        );
        assert_eq!(signature_date("2015年底前成立。"), None);
        assert!(is_issuer("国家发展改革委"));
        assert!(!is_issuer("各有关单位："));
        assert_eq!(attachment("附件："), Some(""));
        assert_eq!(
            attachment("附件：《宁波“一带一路”建设综合试验区总体方案》"),
            Some("《宁波“一带一路”建设综合试验区总体方案》")
        );
        assert_eq!(attachment("附件1：目录"), Some("目录"));
        assert_eq!(attachment("附件是"), None);
    }

    #[test]
    fn repeated_titles_are_recognised() {
        assert!(repeats_title(
            "“十三五”国家科技人才发展规划",
            "科技部关于印发<“十三五”国家科技人才发展规划>的通知"
        ));
        assert!(repeats_title(
            "广西参与建设丝绸之路经济带和21世纪海上丝绸之路的思路与行动",
            "广西建设丝绸之路经济带和21世纪海上丝绸之路的思路与行动"
        ));
        assert!(!repeats_title(
            "一大构想",
            "甘肃省参与“一带一路”建设实施方案"
        ));
    }
}
