//! Passages that are one clause of a list.
//!
//! Rules are written as a lead-in and its items: `经核准开展境外投资业务企业的下列行为：`
//! then `（1）通过欺骗手段与境内企业合资合作；` … `（3）其他非法侵害我境外企业利益的行为。`.
//! Each item is short, but not for being one topic of its own, as an annex row
//! (`巩固扩大南昌至泰国、新加坡旅游包机规模。`) is: its subject is the lead-in's, and its
//! own words are the frame every item repeats (`其他…的行为`). [`super::align`] asks a
//! clause to reach the full threshold when it chooses a far longer passage.

/// Whether `text` is a clause of a list: a lead-in ending in a colon, an item ending in
/// a semicolon, or an item led by its ordinal (`（3）`, `17.`).
pub fn is_clause(text: &str) -> bool {
    let t = text.trim();
    t.ends_with(['：', ':', '；', ';']) || ordinal(t)
}

/// Whether `text` starts with an ordinal: digits and a stop (`17.`, `3、`), or one to
/// three characters in brackets (`（3）`, `（十二）`), not a year (`2017年`) or a note.
fn ordinal(text: &str) -> bool {
    let digits = text.trim_start_matches(|c: char| c.is_ascii_digit());
    if digits.len() < text.len() {
        return digits.starts_with(['.', '．', '、']);
    }
    [('（', '）'), ('(', ')')].iter().any(|&(open, close)| {
        text.strip_prefix(open)
            .and_then(|rest| rest.find(close).map(|k| &rest[..k]))
            .is_some_and(|inner| (1..=3).contains(&inner.chars().count()))
    })
}

#[cfg(test)]
mod tests {
    use super::is_clause;

    #[test]
    fn a_lead_in_and_its_items_are_clauses() {
        for t in [
            "经核准开展境外投资业务企业的下列行为：",
            "（1）通过欺骗手段与境内企业合资合作；",
            "（3）其他非法侵害我境外企业利益的行为。",
            "研究制定国家重点研发计划管理制度；",
            "17.国内水上运输公司（中方控股），国际海上运输公司（限于合资、合作）",
            "积极参与“一带一路”建设，必须把握以下原则:",
        ] {
            assert!(is_clause(t), "{t}");
        }
    }

    #[test]
    fn a_row_or_a_paragraph_is_not() {
        for t in [
            "",
            "巩固扩大南昌至泰国、新加坡旅游包机规模。",
            "开通赣粤铁海联运。",
            "建设江西中医药大学与俄罗斯巴什科尔托斯坦共和国尤玛达瓦疗养院巴国长江中医馆。",
            "2017年，合作关系全面深化。",
            "（中方控股）国际海上运输公司。",
        ] {
            assert!(!is_clause(t), "{t}");
        }
    }
}
