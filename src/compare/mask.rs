//! Agency names out of the way: plans name the bodies responsible for a task
//! (`（责任单位：市商务委、市旅游局）`, `省商务厅牵头`), and two passages that name the same
//! agencies are not about the same thing (the annotators' rule 4). The words of such names
//! (旅游, 科技) would otherwise pass for topics.

use std::borrow::Cow;

/// `text` without responsibility notes and agency names.
pub fn agencies(text: &str) -> Cow<'_, str> {
    cut(text, false)
}

/// `text` with what names bodies blanked out byte for byte, so that the words found in it
/// sit where they sit in `text`: what [`agencies`] takes out, and lists of bodies closed
/// by `等部门` and the like (`协调海关、检验检疫等部门`).
pub fn blank(text: &str) -> Cow<'_, str> {
    cut(text, true)
}

fn cut(text: &str, blank: bool) -> Cow<'_, str> {
    if !text.contains(['省', '市', '责', '牵', '配', '等']) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let name = note(&chars[i..]).or_else(|| agency(&chars[i..]));
        let list = if blank { list(&chars, i) } else { None };
        if let Some((from, n)) = name.map(|n| (i, n)).or(list) {
            if blank {
                out.truncate(at(from));
                out.extend(std::iter::repeat_n(' ', at(i + n) - at(from)));
            }
            i += n;
        } else {
            out.push(chars[i].1);
            i += 1;
        }
    }
    Cow::Owned(out)
}

/// At a list's `等` closed by a word naming government bodies, `部门` or `部委`, maybe with
/// a few characters of field before it (`海关、出入境检验检疫等口岸管理相关部门`): where the
/// list begins and how many characters it takes from `等` on. Not `等单位`, `等机构`: they
/// close lists of universities or of funds (`丝路基金`), which are topics.
fn list(chars: &[(usize, char)], k: usize) -> Option<(usize, usize)> {
    let c = |i: usize| chars.get(i).map_or(' ', |c| c.1);
    if c(k) != '等' {
        return None;
    }
    let mut n = 1;
    while !(c(k + n) == '部' && matches!(c(k + n + 1), '门' | '委')) {
        if n == 7 || !is_han(c(k + n)) {
            return None;
        }
        n += 1;
    }
    // Back over the items (`、` between them) to the first, of which only the last few
    // characters are taken: what comes before it is the clause's own wording.
    let mut s = k;
    loop {
        let end = s;
        while s > 0 && is_han(c(s - 1)) {
            s -= 1;
        }
        if s > 0 && s < end && c(s - 1) == '、' {
            s -= 1;
        } else {
            s = s.max(end.saturating_sub(8));
            break;
        }
    }
    (s < k).then_some((s, n + 2))
}

const LABELS: [&str; 5] = ["责任单位", "牵头单位", "配合单位", "责任部门", "牵头部门"];

/// A bracketed note that starts with a responsibility label: its length in characters.
fn note(chars: &[(usize, char)]) -> Option<usize> {
    let open = chars.first()?.1;
    if open != '（' && open != '(' {
        return None;
    }
    let label: String = chars.iter().skip(1).take(4).map(|c| c.1).collect();
    if !LABELS.contains(&label.as_str()) {
        return None;
    }
    let close = chars.iter().position(|c| c.1 == '）' || c.1 == ')')?;
    Some(close + 1)
}

/// `省商务厅`, `市外事侨务办`, `市人民政府办` followed by a separator or by what agencies do
/// (`牵头`, `负责`): its length.
fn agency(chars: &[(usize, char)]) -> Option<usize> {
    let first = chars.first()?.1;
    if first != '省' && first != '市' {
        return None;
    }
    // The shortest name that ends in a body's suffix and is followed by a separator.
    for n in 2..=10 {
        let Some(&(_, last)) = chars.get(n) else {
            break;
        };
        if !is_han(last) {
            break;
        }
        // `布局`, `格局`, `大局`, `全局` end in `局` and name no body.
        let layout = last == '局' && matches!(chars[n - 1].1, '布' | '格' | '大' | '全');
        if matches!(last, '厅' | '局' | '委' | '办') && !layout {
            let next = chars.get(n + 1).map(|c| c.1);
            let then: String = chars.iter().skip(n + 1).take(2).map(|c| c.1).collect();
            if next.is_none_or(|c| "、，。；：:）)".contains(c))
                || ["牵头", "负责", "配合", "会同"].contains(&then.as_str())
            {
                return Some(n + 1);
            }
        }
    }
    None
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn blanking_keeps_every_byte_offset_and_only_ever_writes_spaces(
            text in "[省市责任单位牵头配合部门委厅局布格等海关、，。（）(): a-z检验疫]{0,60}"
        ) {
            let b = blank(&text);
            prop_assert_eq!(b.len(), text.len());
            for (i, c) in text.char_indices() {
                // Each character is kept or blanked whole, as many spaces as its bytes.
                let (was, now) = (&text[i..i + c.len_utf8()], b.get(i..i + c.len_utf8()));
                prop_assert!(now == Some(was) || now.is_some_and(|n| n.bytes().all(|x| x == b' ')), "{} at {}", text, i);
            }
        }
    }

    #[test]
    fn notes_and_agencies_go_and_the_rest_stays() {
        assert_eq!(
            agencies("建设空中丝绸之路。（责任单位：市口岸物流办、市旅游局）"),
            "建设空中丝绸之路。"
        );
        assert_eq!(agencies("由省商务厅、省发改委牵头"), "由、牵头");
        assert_eq!(agencies("市举办各类活动"), "市举办各类活动");
        assert_eq!(agencies("推动省内企业走出去"), "推动省内企业走出去");
    }

    #[test]
    fn blanks_are_notes_agency_names_and_lists_of_departments() {
        let t =
            "协调海关、出入境检验检疫等口岸管理相关部门，由省商务厅牵头。（责任单位：市旅游局）";
        let kept = |b: &str| {
            b.split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("|")
        };
        assert_eq!(blank(t).len(), t.len());
        assert_eq!(kept(&blank(t)), "，由|牵头。");
        // The first item keeps only its last few characters: the rest is the clause's.
        assert_eq!(
            kept(&blank("发展跨境电商，推动我省对外贸易与海关等部门")),
            "发展跨境电商，推动我"
        );
    }

    #[test]
    fn funds_universities_and_layouts_are_not_blanked() {
        for t in [
            "争取丝路基金、亚洲基础设施投资银行等机构加大支持力度",
            "鼓励规划设计、高等院校和科研机构等单位的专业人才",
            "优化全省海关特殊监管区域布局，优化国际友好城市布局，",
            "等部门",
            "、等部门",
        ] {
            assert_eq!(blank(t), t);
        }
    }

    #[test]
    fn a_layout_is_no_agency() {
        // `省…布局` ends like `省商务局` does: a plan's layout, not a body.
        for t in ["按照国家和我省对外开放总体布局，", "服务全省大局，"] {
            assert_eq!(agencies(t), t);
        }
        assert_eq!(agencies("由省商务局牵头，"), "由牵头，");
    }
}
