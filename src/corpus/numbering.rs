//! Ordinals that open a heading or a numbered item: `第三章`, `第十二条`, `一、`, `（五）`,
//! `(五)`, `1．`, `1.`, `1、`.
//!
//! Numbers in the form `（1）` are list items inside a paragraph's logic and stay part of
//! the text; everything recognised here opens a section.

/// The numbering styles that open sections. Which of them is a document's top level
/// depends on the document, so the outline ranks styles in order of first use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// `第一章`
    Chapter,
    /// `第一条`: articles of regulations; their text is never a heading.
    Article,
    /// `一、`
    ChineseComma,
    /// `（一）` or `(一)`: full- and half-width parentheses are the same style.
    ChineseParen,
    /// `1．`, `1.`, `1、`: the plans mix the three for one level.
    Arabic,
}

/// A recognised ordinal at the start of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ordinal<'a> {
    /// Its style.
    pub style: Style,
    /// The ordinal as written, including its punctuation (`（五）`, `1．`).
    pub number: &'a str,
    /// The text after it, leading spaces removed.
    pub rest: &'a str,
}

const CHINESE_DIGITS: &str = "一二三四五六七八九十百零〇两";

fn is_chinese_digit(c: char) -> bool {
    CHINESE_DIGITS.contains(c)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The ordinal at the start of `text`, if any.
///
/// ```
/// use policy_compare::corpus::numbering::{ordinal, Style};
/// let o = ordinal("（五）畅通陆上通道。依托…").unwrap();
/// assert_eq!((o.style, o.number, o.rest), (Style::ChineseParen, "（五）", "畅通陆上通道。依托…"));
/// assert!(ordinal("1.5亿元").is_none());
/// assert!(ordinal("（1）不为境内派出人员办理").is_none());
/// ```
pub fn ordinal(text: &str) -> Option<Ordinal<'_>> {
    let split = |len: usize, style| {
        let (number, rest) = text.split_at(len);
        Some(Ordinal {
            style,
            number,
            rest: rest.trim_start(),
        })
    };
    let mut chars = text.char_indices().peekable();
    let (_, first) = *chars.peek()?;

    if first == '第' {
        chars.next();
        let mut seen = false;
        while let Some(&(_, c)) = chars.peek() {
            if is_chinese_digit(c) {
                seen = true;
                chars.next();
            } else {
                break;
            }
        }
        let (at, c) = chars.next()?;
        let style = match c {
            '章' => Style::Chapter,
            '条' => Style::Article,
            _ => return None,
        };
        return if seen {
            split(at + c.len_utf8(), style)
        } else {
            None
        };
    }

    if first == '（' || first == '(' {
        chars.next();
        let mut seen = false;
        while let Some(&(_, c)) = chars.peek() {
            if is_chinese_digit(c) {
                seen = true;
                chars.next();
            } else {
                break;
            }
        }
        let (at, c) = chars.next()?;
        return if seen && (c == '）' || c == ')') {
            split(at + c.len_utf8(), Style::ChineseParen)
        } else {
            None
        };
    }

    if is_chinese_digit(first) {
        let mut count = 0;
        while let Some(&(_, c)) = chars.peek() {
            if is_chinese_digit(c) {
                count += 1;
                chars.next();
            } else {
                break;
            }
        }
        let (at, c) = chars.next()?;
        return if c == '、' && count <= 3 {
            split(at + c.len_utf8(), Style::ChineseComma)
        } else {
            None
        };
    }

    if is_digit(first) {
        let mut count = 0;
        while let Some(&(_, c)) = chars.peek() {
            if is_digit(c) {
                count += 1;
                chars.next();
            } else {
                break;
            }
        }
        let (at, c) = chars.next()?;
        if count > 2 || !matches!(c, '．' | '.' | '、') {
            return None;
        }
        // `1.5亿` is a number, not an ordinal.
        if c == '.' && chars.peek().is_some_and(|&(_, n)| is_digit(n)) {
            return None;
        }
        return split(at + c.len_utf8(), Style::Arabic);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_of_the_corpus_is_recognised() {
        for (text, style, number, rest) in [
            ("第一章  总  则", Style::Chapter, "第一章", "总  则"),
            (
                "第五十九条 本条例自2018年1月1日起施行。",
                Style::Article,
                "第五十九条",
                "本条例自2018年1月1日起施行。",
            ),
            (
                "一、重大意义和总体要求",
                Style::ChineseComma,
                "一、",
                "重大意义和总体要求",
            ),
            (
                "二十、完善境外营销网络",
                Style::ChineseComma,
                "二十、",
                "完善境外营销网络",
            ),
            (
                "（三十四）加强组织实施。",
                Style::ChineseParen,
                "（三十四）",
                "加强组织实施。",
            ),
            (
                "(一)重大意义。推进",
                Style::ChineseParen,
                "(一)",
                "重大意义。推进",
            ),
            ("1．明确战略走向。", Style::Arabic, "1．", "明确战略走向。"),
            (
                "3. 打造重大海洋合作平台。",
                Style::Arabic,
                "3.",
                "打造重大海洋合作平台。",
            ),
            (
                "12、采取虚报进出口价格",
                Style::Arabic,
                "12、",
                "采取虚报进出口价格",
            ),
            (
                "３、境外雇主、机构和个人的下列行为：",
                Style::Arabic,
                "３、",
                "境外雇主、机构和个人的下列行为：",
            ),
        ] {
            let o = ordinal(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((o.style, o.number, o.rest), (style, number, rest), "{text}");
        }
    }

    #[test]
    fn numbers_that_are_not_ordinals_are_left_alone() {
        for text in [
            "2015年3月，国家发改委",
            "1.5亿元",
            "2015．",
            "第一批企业",
            "第二十届",
            "（1）不为境内派出人员",
            "（2017年12月27日通过）",
            "一带一路",
            "十三五",
            "“十三五”期间",
            "",
            "第",
            "（一",
        ] {
            assert_eq!(ordinal(text), None, "{text}");
        }
    }
}
