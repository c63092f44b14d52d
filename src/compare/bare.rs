//! Passages that only name another document.
//!
//! A list of policy documents (`《关于进一步引导和规范境外投资方向的指导意见》`), or the
//! regulation an annex row amends (`1.《营业性演出管理条例》`), is a title and nothing
//! else. Its few words are the title's, and the one passage of the other plan that shares
//! them is easily its clear favourite, though the title says nothing of what either plan
//! does. [`super::align`] pairs such a passage only on a score that stands on its own.

/// Whether `text` is a document's title alone: `《…》`, perhaps after an ordinal
/// (`1.`, `（一）`) and before a bracketed note (an edition, a document number) or a
/// closing stop.
pub fn is_bare(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches(['。', '；', ';', '，', ',', '、']);
    let t = without_ordinal(t);
    let Some(inner) = t.strip_prefix('《') else {
        return false;
    };
    // The title runs to its last closing mark (titles may quote titles).
    let Some(end) = inner.rfind('》') else {
        return false;
    };
    let note = inner[end + '》'.len_utf8()..].trim();
    note.is_empty()
        || note.starts_with('（') && note.ends_with('）')
        || note.starts_with('(') && note.ends_with(')')
}

/// `text` without a leading ordinal: digits and a stop (`1.`, `23、`), or a short
/// bracketed one (`（一）`, `（12）`).
fn without_ordinal(text: &str) -> &str {
    let digits = text.trim_start_matches(|c: char| c.is_ascii_digit());
    if digits.len() < text.len() {
        return digits.trim_start_matches(['.', '．', '、', ' ']);
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = text.strip_prefix(open)
            && let Some(k) = rest.find(close)
            && rest[..k].chars().count() <= 3
        {
            return rest[k + close.len_utf8()..].trim_start();
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::is_bare;

    #[test]
    fn a_title_alone_is_bare() {
        for t in [
            "《关于进一步引导和规范境外投资方向的指导意见》",
            "1.《营业性演出管理条例》",
            "2.《外商投资产业指导目录（2017年修订）》",
            "《中国对外投资合作发展报告（2016）》",
            "1.《国务院办公厅转发国家计委关于城市轨道交通设备国产化实施意见的通知》（国办发〔1999〕20号）",
            "（一）《印刷业管理条例》；",
        ] {
            assert!(is_bare(t), "{t}");
        }
    }

    #[test]
    fn a_passage_that_says_something_is_not() {
        for t in [
            "",
            "限制外商投资产业目录",
            "贯彻落实《“一带一路”科技创新行动计划》，加强科技合作。",
            "《“一带一路”科技创新行动计划》提出，加强科技合作。",
            "第七条：申请成为直销企业，应当具备下列条件：",
            "2017年（一）",
            "《未闭合",
        ] {
            assert!(!is_bare(t), "{t}");
        }
    }
}
