//! What makes a piece of text a heading. Plans print their headings in bold, which the
//! extraction lost; what is left is shape: a heading is short, has at most one comma, and
//! either stands alone or ends with `。` before the body text starts on the same line
//! (`（五）畅通陆上通道。依托…`).

/// Sentence-ending punctuation.
pub const SENTENCE_END: [char; 4] = ['。', '；', '！', '？'];

/// A heading is at most this many characters.
const MAX_HEADING: usize = 40;
/// An unnumbered lead-in heading (`郑州航空港辐射带动作用日益显现。…`) is shorter.
const MAX_LEAD_IN: usize = 30;
/// A line that stands alone as an unnumbered heading is at most this long.
const MAX_STANDALONE: usize = 45;

/// Whether `text` reads as a heading: short, one clause or two, no inner sentence marks.
pub fn is_heading_like(text: &str) -> bool {
    let len = text.chars().count();
    (1..=MAX_HEADING).contains(&len)
        && text.matches('，').count() <= 1
        && !text.contains(['；', '：', ':', '！', '？', '。'])
}

/// Splits `text` at its first `。` into a heading-like first sentence and the rest, when
/// the rest is not empty. Returns `(heading, body)`.
pub fn split_inline(text: &str) -> Option<(&str, &str)> {
    let (head, body) = text.split_once('。')?;
    let body = body.trim_start();
    (!body.is_empty() && is_heading_like(head)).then_some((head, body))
}

/// Splits a paragraph that opens with an unnumbered lead-in heading: a short first
/// sentence, then body text. Returns `(heading, body)`.
pub fn split_lead_in(text: &str) -> Option<(&str, &str)> {
    if text.starts_with(['—', '（', '(', '“']) {
        return None;
    }
    let (head, body) = split_inline(text)?;
    let len = head.chars().count();
    ((2..=MAX_LEAD_IN).contains(&len)).then_some((head, body))
}

/// Whether a paragraph could stand alone as an unnumbered heading: short, no sentence
/// punctuation, not a lead-in to a list (`…原则：`), not a parenthetical note.
pub fn is_standalone(text: &str) -> bool {
    let len = text.chars().count();
    (1..=MAX_STANDALONE).contains(&len)
        && !text.contains(SENTENCE_END)
        && !text.ends_with(['：', ':'])
        && !text.starts_with(['（', '(', '—'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_headings_split_at_their_first_full_stop() {
        assert_eq!(
            split_inline("畅通陆上通道。依托国内现有连接"),
            Some(("畅通陆上通道", "依托国内现有连接"))
        );
        assert_eq!(
            split_inline("战略导向，聚焦重大。瞄准国家目标"),
            Some(("战略导向，聚焦重大", "瞄准国家目标"))
        );
        // A long first sentence is body text with a number, not a heading.
        assert_eq!(
            split_inline(
                "为促进对外投资合作和对外贸易规范发展，强化政府服务，有效提示风险，根据有关规定，制定本办法。"
            ),
            None
        );
        assert_eq!(split_inline("战略路径。"), None);
    }

    #[test]
    fn lead_ins_are_short_and_not_list_items() {
        assert_eq!(
            split_lead_in("近期目标。用5年左右时间，构建机制"),
            Some(("近期目标", "用5年左右时间，构建机制"))
        );
        assert_eq!(split_lead_in("——以科技人才优先发展为导向。理顺"), None);
        assert_eq!(split_lead_in("特此公告。"), None);
    }

    #[test]
    fn standalone_lines() {
        assert!(is_standalone("一大构想"));
        assert!(is_standalone("构建交通商贸物流中心：加强“米字形”高铁网"));
        assert!(!is_standalone("加强科技人才队伍建设必须坚持以下基本原则："));
        assert!(!is_standalone(
            "（2017年12月27日浙江省第十二届人民代表大会常务委员会第四十六次会议通过）"
        ));
        assert!(!is_standalone("特此公告。"));
    }
}
