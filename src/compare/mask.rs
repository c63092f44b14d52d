//! Agency names out of the way: plans name the bodies responsible for a task
//! (`（责任单位：市商务委、市旅游局）`, `省商务厅牵头`), and two passages that name the same
//! agencies are not about the same thing (the annotators' rule 4). The words of such names
//! (旅游, 科技) would otherwise pass for topics.

use std::borrow::Cow;

/// `text` without responsibility notes and agency names.
pub fn agencies(text: &str) -> Cow<'_, str> {
    if !text.contains(['省', '市', '责', '牵', '配']) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(n) = note(&chars[i..]).or_else(|| agency(&chars[i..])) {
            i += n;
        } else {
            out.push(chars[i].1);
            i += 1;
        }
    }
    Cow::Owned(out)
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
        if matches!(last, '厅' | '局' | '委' | '办') {
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
}
