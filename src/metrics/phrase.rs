//! The wording of an indicator: what to strip from the phrase before a number (list
//! markers, time words, goal verbs, a comparison base) and how a list of items reads
//! (`客、货运行业全国排名` is two rankings; `A、B的企业` is one head noun).
//!
//! Every function here works on one phrase, which the extraction bounds to a window
//! before its number, so none of them can make the extraction quadratic.

use super::marks::years_in;
use crate::bundle::Comparator;

/// Time and goal words that open a clause but are not part of what is counted.
const LEADING_NOISE: &[&str] = &[
    "力争", "争取", "确保", "预计", "计划", "届时", "同时", "其中", "全年", "年内", "并", "且",
    "使", "我省", "我市", "我区", "全省", "全市", "全区", "本省", "本市", "推动", "实现", "力求",
    "到", "至", "年底", "年末", "底", "末", "前", "，", "的", "每年", "我国", "具备", "巩固", "”",
    "是",
];

/// Adverbs before a verb: not part of what is counted.
const ADVERBS: &[&str] = &[
    "加快",
    "积极",
    "大力",
    "努力",
    "进一步",
    "着力",
    "重点",
    "累计",
];

/// Units a value can be per (`每市`, `每年`): after `每`, one character.
pub const PER_UNITS: &[char] = &['年', '周', '月', '天', '日', '市', '县', '所', '校'];

/// Strips list markers, time words, subjects and goal verbs from the start of an
/// indicator.
pub fn strip_leading(mut s: &str) -> &str {
    loop {
        let before = s;
        if let Some(o) = crate::corpus::numbering::ordinal(s) {
            s = o.rest;
        }
        // A parenthesised list marker: `（1）`, `(2)`.
        if s.starts_with(['（', '('])
            && let Some((i, c)) = s.char_indices().find(|&(_, c)| c == '）' || c == ')')
            && i <= 6
        {
            s = &s[i + c.len_utf8()..];
        }
        for w in LEADING_NOISE {
            // `前30年回国人数`: `前` before a number is "the previous", not "by" a date.
            match s.strip_prefix(w) {
                Some(rest) if *w == "前" && rest.starts_with(|c: char| c.is_ascii_digit()) => {}
                Some(rest) => s = rest,
                None => {}
            }
        }
        // `每周`, `每市`: the unit a value is per is its scope, not its indicator.
        if let Some(rest) = s.strip_prefix('每')
            && rest.starts_with(PER_UNITS)
        {
            s = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
        }
        // An opening quotation mark goes only with its closing one: `“一带一路”沿线国家`
        // keeps it, `“去程` loses it.
        if let Some(rest) = s.strip_prefix('“')
            && !rest.contains('”')
        {
            s = rest;
        }
        // `2020年`, `2017年底前`.
        if let Some(&(0, _)) = years_in(s).first() {
            s = &s[4..];
            s = s.strip_prefix('年').unwrap_or(s);
        }
        if s == before {
            return s;
        }
    }
}

/// Strips adverbs before a verb (`加快建成…`, `重点支持…`) from the phrase before a number;
/// not from a noun after one (`四项重点任务`).
pub fn strip_adverbs(mut s: &str) -> &str {
    loop {
        let before = s;
        for w in ADVERBS {
            s = s.strip_prefix(w).unwrap_or(s);
        }
        if s == before {
            return strip_leading(s);
        }
    }
}

/// Strips a comparison base (`均比2020年`, `比2015年`) and connectives from the end.
pub fn strip_trailing(mut s: &str) -> &str {
    loop {
        let before = s;
        if let Some(i) = s.rfind("比")
            && years_in(&s[i..])
                .first()
                .is_some_and(|&(o, _)| o == "比".len())
        {
            s = &s[..i];
        }
        for w in ["均", "各", "分别", "共", "约", "近", "的", "为", "达", "“"] {
            s = s.strip_suffix(w).unwrap_or(s);
        }
        if s == before {
            return s;
        }
    }
}

/// Strips a goal verb that opens an indicator (`建成境外经贸合作园区` → `境外经贸合作园区`):
/// the comparator carries it.
pub fn strip_verb(s: &str) -> &str {
    Comparator::ALL
        .into_iter()
        .filter(|c| !c.is_limiting())
        .find_map(|c| s.strip_prefix(c.word()))
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(s)
}

/// Drops what only names a thing for later (`郑州新郑国际机场（以下简称郑州机场）` →
/// `郑州新郑国际机场`), and a clause mark left at either end.
pub fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("（以下简称") {
        out.push_str(&rest[..i]);
        match rest[i..].find('）') {
            Some(j) => rest = &rest[i + j + '）'.len_utf8()..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out.trim_matches(['，', '、', ' ', '：']).to_owned()
}

/// The items of a list sharing one predicate (`A、B、C均翻一番`): split at `、`, and at
/// `和`/`及` when `with_and` (`国内专利申请量和授权量分别居…`). Two forms are read
/// specially:
/// - `客、货运行业全国排名`: a one-character item before the mark abbreviates the word
///   the next one starts, so the items are `客运行业全国排名` and `货运行业全国排名`;
/// - a short item after a longer one that ends in a measure word of the same kind
///   (`申请量`, `授权量`) shares its subject: `国内专利授权量`.
pub fn list_items(phrase: &str, with_and: bool) -> Vec<String> {
    let marks: &[char] = if with_and {
        &['、', '和', '及']
    } else {
        &['、']
    };
    let parts: Vec<&str> = phrase.split(marks).collect();
    if let [first, second] = parts.as_slice()
        && let Some(x) = first.chars().next_back()
        && crate::corpus::clean::is_han(x)
        && first[..first.len() - x.len_utf8()]
            .chars()
            .next_back()
            .is_none_or(|c| !crate::corpus::clean::is_han(c))
        && let Some(y) = second.chars().next()
        && second.chars().count() >= 3
    {
        let tail = &second[y.len_utf8()..];
        let subject = &first[..first.len() - x.len_utf8()];
        return vec![format!("{first}{tail}"), format!("{subject}{second}")];
    }
    let mut items: Vec<String> = Vec::with_capacity(parts.len());
    for part in parts {
        let part = part.trim();
        let carried = items
            .first()
            .and_then(|first| carry_measure(first, part))
            .unwrap_or_else(|| part.to_owned());
        items.push(carried);
    }
    items
}

/// A measure word (`货运量`, `授权量`, `总额`): two or three characters ending in `量` or
/// `额`, at the start of `s`. Its length in bytes.
fn leading_measure(s: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().take(3).collect();
    chars
        .iter()
        .skip(1)
        .find(|(_, c)| matches!(c, '量' | '额'))
        .map(|&(i, c)| i + c.len_utf8())
}

/// `later` read with the subject of `earlier` when `later` starts with a measure word and
/// `earlier` ends with one of the same length and last character (`郑州机场货运量` then
/// `客运量` → `郑州机场客运量`; `卢森堡货航航班量` then `货运量占…` → `卢森堡货航货运量占…`).
pub fn carry_measure(earlier: &str, later: &str) -> Option<String> {
    let m = leading_measure(later)?;
    let measure = &later[..m];
    let last = measure.chars().next_back()?;
    let n = measure.chars().count();
    let tail_start = earlier.char_indices().rev().nth(n - 1).map(|(i, _)| i)?;
    let tail = &earlier[tail_start..];
    let subject = &earlier[..tail_start];
    (tail.ends_with(last) && !subject.is_empty() && !later.starts_with(subject))
        .then(|| format!("{subject}{later}"))
}

/// The shared modifier of a list's first item (`卢森堡货航相关航线` → `卢森堡货航相关`), which
/// the other items take when they have none: `通航点` → `卢森堡货航相关通航点`.
pub fn shared_modifier(first: &str) -> Option<&str> {
    ["相关", "的"]
        .iter()
        .filter_map(|m| first.find(m).map(|i| &first[..i + m.len()]))
        .find(|m| m.chars().count() >= 3)
}

/// Where a ranking is: `世界`, `全国`… just before `第`.
const RANK_DOMAINS: &[&str] = &["世界", "全球", "全国", "国内", "全省", "中部", "西部"];
/// Verbs that put something at a rank.
const RANK_VERBS: &[&str] = &[
    "跃居",
    "上升至",
    "上升到",
    "位列",
    "排在",
    "排名",
    "位居",
    "居于",
    "居",
    "列",
];

/// The phrase before a rank (`…论文数量连续六年居世界第2位`) without its verb and domain,
/// and the domain: (`…论文数量连续六年`, `世界`).
pub fn rank_subject(before: &str) -> (&str, &'static str) {
    let mut s = before.strip_suffix('第').unwrap_or(before);
    let mut domain = "";
    for _ in 0..2 {
        if let Some(d) = RANK_DOMAINS.iter().find(|d| s.ends_with(**d)) {
            domain = d;
            s = &s[..s.len() - d.len()];
        }
        if let Some(v) = RANK_VERBS.iter().find(|v| s.ends_with(**v)) {
            s = &s[..s.len() - v.len()];
        }
    }
    (s, domain)
}

/// An indicator that names a rank: `郑州新郑综合保税区进出口额` in `全国` →
/// `郑州新郑综合保税区进出口额全国排名`.
pub fn ranked(indicator: &str, domain: &str) -> String {
    if indicator.contains("排名") || indicator.contains("位次") {
        indicator.to_owned()
    } else {
        format!("{indicator}{domain}排名")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_words_are_stripped_but_balanced_quotes_stay() {
        assert_eq!(
            strip_leading("力争到2020年我省对沿线国家进出口总额"),
            "对沿线国家进出口总额"
        );
        assert_eq!(strip_leading("实现每周“去程"), "去程");
        assert_eq!(
            strip_leading("“一带一路”沿线国家在冀国际学生规模"),
            "“一带一路”沿线国家在冀国际学生规模"
        );
        assert_eq!(strip_verb("建成境外经贸合作园区"), "境外经贸合作园区");
    }

    #[test]
    fn abbreviated_and_shared_list_items() {
        assert_eq!(
            list_items(
                "郑州新郑国际机场（以下简称郑州机场）客、货运行业全国排名",
                false
            ),
            [
                "郑州新郑国际机场（以下简称郑州机场）客运行业全国排名",
                "郑州新郑国际机场（以下简称郑州机场）货运行业全国排名"
            ]
        );
        assert_eq!(
            list_items("国内专利申请量和授权量", true),
            ["国内专利申请量", "国内专利授权量"]
        );
        assert_eq!(
            list_items("与沿线国家贸易总额、对外投资、引进外资", false),
            ["与沿线国家贸易总额", "对外投资", "引进外资"]
        );
        assert_eq!(
            tidy("郑州新郑国际机场（以下简称郑州机场）客运"),
            "郑州新郑国际机场客运"
        );
    }

    #[test]
    fn measure_words_carry_their_subject() {
        assert_eq!(
            carry_measure("郑州机场货运量", "客运量").as_deref(),
            Some("郑州机场客运量")
        );
        assert_eq!(
            carry_measure("卢森堡货航航班量", "货运量占郑州机场货运量").as_deref(),
            Some("卢森堡货航货运量占郑州机场货运量")
        );
        assert_eq!(carry_measure("利用外资", "对外投资"), None);
        assert_eq!(
            shared_modifier("卢森堡货航相关航线"),
            Some("卢森堡货航相关")
        );
        assert_eq!(shared_modifier("与沿线国家贸易总额"), None);
    }

    #[test]
    fn rank_subjects() {
        assert_eq!(
            rank_subject("高被引国际论文数量排在世界第"),
            ("高被引国际论文数量", "世界")
        );
        assert_eq!(
            rank_subject("郑州新郑综合保税区进出口额跃居全国第"),
            ("郑州新郑综合保税区进出口额", "全国")
        );
        assert_eq!(
            ranked("郑州新郑综合保税区进出口额", "全国"),
            "郑州新郑综合保税区进出口额全国排名"
        );
    }
}
