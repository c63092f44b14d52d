//! Spaces: the PDF put them where the source had none (`2020 年`, `加 密班列`); the only
//! spaces that belong in Chinese running text are between two Latin words or numbers
//! (`National Key R&D Program of China`). A hard wrap is not a space (`1` and `0` on two
//! lines of a table cell are `10`), so lines are concatenated before this runs.

/// Removes every space that does not sit between two Latin characters, and collapses the
/// ones that do.
///
/// ```
/// use policy_compare::corpus::clean::normalize;
/// assert_eq!(normalize("到 2020 年，加 密班列"), "到2020年，加密班列");
/// assert_eq!(normalize("National Key  R&D Program"), "National Key R&D Program");
/// ```
pub fn normalize(text: &str) -> String {
    squeeze(text, |before, after| is_latin(before) && is_latin(after))
}

/// Like [`normalize`], but keeps a single space between two Chinese characters: titles
/// use it to separate issuing bodies (`科技部 财政部关于印发…`), and a title must read
/// exactly as printed.
pub fn normalize_title(text: &str) -> String {
    squeeze(text, |before, after| {
        (is_latin(before) && is_latin(after)) || (is_han(before) && is_han(after))
    })
}

fn squeeze(text: &str, keep: impl Fn(char, char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space
            && let Some(before) = out.chars().last()
            && keep(before, c)
        {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// Latin letters, digits and ASCII punctuation: the characters between which a space can
/// be real.
pub fn is_latin(c: char) -> bool {
    c.is_ascii_graphic()
}

/// A Chinese character (CJK unified ideographs and extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// The text with all whitespace removed: the form in which the fidelity of a paragraph is
/// compared with its source.
pub fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stray_spaces_go_and_real_ones_stay() {
        for (input, expected) in [
            ("2020 年", "2020年"),
            ("加 密班列", "加密班列"),
            ("到 2020 年 3 月 8", "到2020年3月8"),
            ("意大利 K4A 公司", "意大利K4A公司"),
            ("印度 IT 高级工程师", "印度IT高级工程师"),
            ("51% 的项目", "51%的项目"),
            ("第一章  总  则", "第一章总则"),
            ("“National Key R&D Program", "“National Key R&D Program"),
            (
                "出海港（国际陆港） “四港联动”",
                "出海港（国际陆港）“四港联动”",
            ),
        ] {
            assert_eq!(normalize(input), expected, "{input}");
        }
    }

    #[test]
    fn titles_keep_the_separators_between_issuers() {
        assert_eq!(
            normalize_title("科技部 财政部关于印发《国家重点研发计划管理暂行办法》的通知"),
            "科技部 财政部关于印发《国家重点研发计划管理暂行办法》的通知"
        );
        assert_eq!(
            normalize_title("江西省参与丝绸之路经济带和 21 世纪海上丝绸之路"),
            "江西省参与丝绸之路经济带和21世纪海上丝绸之路"
        );
        assert_eq!(
            normalize_title("国家体育总局  国家旅游局"),
            "国家体育总局 国家旅游局"
        );
    }
}
