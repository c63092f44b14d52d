//! Boilerplate: titles, addressees, cover-letter formulas, bare enacting formulas, agency
//! lists, legal scope clauses, table headers and cells that name no topic. Shown, never
//! compared: two plans' cover letters look alike and say nothing.

use crate::bundle::Boilerplate;

/// Why `text` is boilerplate, if it is. `title` is its document's title; `preamble` says
/// whether it comes before the first heading.
pub fn boilerplate(text: &str, title: &str, preamble: bool) -> Option<Boilerplate> {
    let t = text.trim();
    let chars = t.chars().count();
    let sentence_punct = t.contains(['，', '。', '；']);
    // An addressee names bodies and nothing they do: a clause that leads in a list of
    // duties or conditions (`管委会…负责…，履行下列职责：`, `…应当符合下列条件：`) is content.
    if chars < 80
        && t.ends_with(['：', ':'])
        && !contains_any(t, &["下列", "以下", "职责", "负责", "应当"])
        && contains_any(
            t,
            &[
                "政府",
                "部门",
                "单位",
                "各有关",
                "厅",
                "局",
                "委员会",
                "机构",
            ],
        )
    {
        return Some(Boilerplate::Addressee);
    }
    if contains_any(t, COVER_LETTER) {
        return Some(Boilerplate::CoverLetter);
    }
    if !t.is_empty()
        && (t.trim_end_matches(['。', ' ']) == title.trim()
            || preamble
                && !sentence_punct
                && (ends_with_document_type(t) || crate::compare::marks::dice(t, title) >= 0.6))
    {
        return Some(Boilerplate::Title);
    }
    if is_enacting(t) {
        return Some(Boilerplate::EnactingFormula);
    }
    if AGENCY_LABELS.iter().any(|l| {
        t.strip_prefix(l)
            .is_some_and(|r| r.starts_with(['：', ':']))
    }) {
        return Some(Boilerplate::AgencyList);
    }
    if let Some(rest) = t.strip_prefix('本')
        && ["条例", "办法", "规定", "方案", "规划", "细则"]
            .iter()
            .any(|d| {
                rest.strip_prefix(d)
                    .is_some_and(|r| r.starts_with(['自', '由', '适']) || r.starts_with("所称"))
            })
        && t.matches('。').count() <= 1
    {
        return Some(Boilerplate::ScopeClause);
    }
    if is_date(t) {
        return Some(Boilerplate::DateCell);
    }
    if !sentence_punct && is_agency_cell(t) {
        return Some(Boilerplate::AgencyCell);
    }
    if TABLE_HEADERS.contains(&t) {
        return Some(Boilerplate::TableHeader);
    }
    if chars <= 30 && is_status_only(t) {
        return Some(Boilerplate::StatusCell);
    }
    None
}

const COVER_LETTER: &[&str] = &[
    "印发给你们",
    "现将《",
    "请认真贯彻",
    "请结合实际",
    "特此通知",
    "特此公告",
    "请遵照执行",
    "认真组织实施",
    "认真贯彻执行",
];

/// Words by which an enacting sentence says something of its own: the region's place in
/// the strategy (`内陆型改革开放新高地`), which makes it content.
const POSITIONING: &[&str] = &[
    "新高地",
    "新起点",
    "桥头堡",
    "枢纽",
    "定位",
    "核心区",
    "战略支点",
    "门户",
    "高地",
    "中心",
    "基地",
];

const AGENCY_LABELS: &[&str] = &[
    "牵头单位",
    "责任单位",
    "配合单位",
    "主办单位",
    "承办单位",
    "责任部门",
    "牵头部门",
];

/// Column headers of the compilation's tables.
const TABLE_HEADERS: &[&str] = &[
    "类别",
    "重点项目",
    "建设内容",
    "工作目标",
    "序号",
    "调整情况",
    "文件类别",
    "发文单位",
    "发文日期",
    "文件",
    "文件名称",
    "项目名称",
    "备注",
];

/// Words of a status cell: time, progress and generic action, no object.
const STATUS: &[&str] = &[
    "投入使用",
    "交流活动",
    "合作成果",
    "合作协议",
    "合作意向",
    "争取",
    "力争",
    "持续",
    "推进",
    "积极",
    "全部",
    "建成",
    "投运",
    "正式",
    "开工",
    "建设",
    "完成",
    "基本",
    "各项",
    "圆满",
    "成立",
    "形成",
    "一批",
    "加快",
    "签署",
    "启动",
    "实施",
    "项目",
    "达成",
    "以前",
    "开展",
    "工作",
    "实现",
    "取得",
    "成效",
    "进展",
    "落实",
    "继续",
    "深化",
    "完善",
    "逐步",
    "有序",
    "年内",
    "期间",
    "全面",
    "初步",
    "进一步",
    "并",
    "前",
    "底",
    "到",
    "年",
    "月",
];

fn contains_any(t: &str, words: &[&str]) -> bool {
    words.iter().any(|w| t.contains(w))
}

/// One sentence that only says the plan is made, and why in general terms:
/// `为…，制定本方案。`, `按照…要求，…，制定本方案。`, `为…，经…同意，发布《…》。`. One that
/// states the region's own positioning is content.
fn is_enacting(t: &str) -> bool {
    let purpose =
        t.starts_with('为') || t.starts_with("按照") || t.starts_with("根据") || t.contains("，为");
    let enacts = contains_any(t, &["制定本", "特制定", "制定如下", "制定以下"])
        || t.contains("发布《") && t.ends_with("》。");
    purpose && enacts && t.matches('。').count() <= 1 && !contains_any(t, POSITIONING)
}

/// `方案`, `规划（2017—2025年）`… at the end: a document's name.
fn ends_with_document_type(t: &str) -> bool {
    // A trailing bracketed span (the plan's years) does not count.
    let core = match t.rfind(['（', '(']) {
        Some(i) if t.ends_with(['）', ')']) => &t[..i],
        _ => t,
    };
    [
        "方案", "规划", "计划", "意见", "通知", "办法", "条例", "纲要", "指南", "目录", "细则",
        "规定", "决定", "行动",
    ]
    .iter()
    .any(|d| core.ends_with(d))
}

/// `2017年12月26日`, `2017年8月`, `2017年`.
fn is_date(t: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let Some((year, rest)) = t.split_once('年') else {
        return false;
    };
    if year.len() != 4 || !digits(year) || !(year.starts_with("19") || year.starts_with("20")) {
        return false;
    }
    if rest.is_empty() {
        return true;
    }
    let Some((month, rest)) = rest.split_once('月') else {
        return false;
    };
    if !digits(month) || month.len() > 2 {
        return false;
    }
    rest.is_empty()
        || rest
            .strip_suffix('日')
            .is_some_and(|d| digits(d) && d.len() <= 2)
}

/// Issuing bodies alone (`商务部、环保部`, `国务院`): each name ends as a body does.
fn is_agency_cell(t: &str) -> bool {
    // Up to eight names (the guideline's seven issuing bodies); federations (`全国工商联`)
    // issue with the ministries.
    let chars = t.chars().count();
    (2..=48).contains(&chars)
        && t.split('、').all(|name| {
            let n = name.chars().count();
            (2..=10).contains(&n)
                && name.chars().all(is_han)
                && (name.ends_with(['部', '委', '局', '署', '院', '办', '联'])
                    || name.ends_with("委员会"))
        })
}

/// Whether nothing but dates, progress words and punctuation is left of `t`.
fn is_status_only(t: &str) -> bool {
    let mut rest: String = t
        .chars()
        .filter(|c| {
            !c.is_ascii_digit() && !c.is_whitespace() && !"，。、；：:,.“”\"（）()".contains(*c)
        })
        .collect();
    for w in STATUS {
        rest = rest.replace(w, "");
    }
    rest.is_empty() && !t.is_empty()
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(text: &str) -> Option<Boilerplate> {
        boilerplate(
            text,
            "江西省参与丝绸之路经济带和21世纪海上丝绸之路建设实施方案",
            false,
        )
    }

    #[test]
    fn the_annotators_boilerplate_is_found() {
        use Boilerplate::*;
        assert_eq!(b("各市、县（区）政府，省政府各部门："), Some(Addressee));
        assert_eq!(
            b("现将《江西省参与…实施方案》印发给你们，请认真贯彻执行。"),
            Some(CoverLetter)
        );
        assert_eq!(
            b("江西省参与丝绸之路经济带和21世纪海上丝绸之路建设实施方案"),
            Some(Title)
        );
        assert_eq!(
            b(
                "为贯彻落实党中央、国务院关于推进“一带一路”建设的战略部署，结合我省实际，制定本方案。"
            ),
            Some(EnactingFormula)
        );
        assert_eq!(b("牵头单位：省商务厅、省贸促会。"), Some(AgencyList));
        assert_eq!(b("本条例自2018年1月1日起施行。"), Some(ScopeClause));
        assert_eq!(b("重点项目"), Some(TableHeader));
        assert_eq!(b("争取2017年前全部建成投运。"), Some(StatusCell));
        assert_eq!(b("加快签署合作协议，启动实施一批项目。"), Some(StatusCell));
        assert_eq!(b("2017年12月26日"), Some(DateCell));
        assert_eq!(b("商务部、环保部"), Some(AgencyCell));
        assert_eq!(
            b("商务部、外交部、发改委、公安部、国资委、安全监管总局、全国工商联"),
            Some(AgencyCell)
        );
        assert_eq!(
            b("各省、自治区、直辖市人民政府，国务院各部委、各直属机构："),
            Some(Addressee)
        );
    }

    #[test]
    fn a_clause_that_leads_in_duties_or_conditions_is_no_addressee() {
        for lead in [
            "中国（浙江）自由贸易试验区管理委员会（以下简称管委会）作为省人民政府的派出机构，负责自贸试验区建设、管理等工作，履行下列职责：",
            "第十一条第一款：外商投资企业取得认证机构资质，除应当符合本条例第十条规定的条件外，还应当符合下列条件：",
            "科技部是国家重点研发计划的牵头组织部门，主要职责是会同相关部门和地方开展以下工作：",
            "项目牵头单位负责项目的具体组织实施工作，强化法人责任。主要职责是：",
        ] {
            assert_eq!(b(lead), None, "{lead}");
        }
    }

    #[test]
    fn content_that_looks_like_boilerplate_is_content() {
        // Short items that carry a topic (Gansu's corridors, the annex's projects).
        assert_eq!(b("中巴经济走廊"), None);
        assert_eq!(b("开行赣闽“五定班列”。"), None);
        assert_eq!(b("建设南昌大学俄语中心。"), None);
        assert_eq!(b("打造丝绸之路经济带甘肃黄金段"), None);
        // An enacting sentence that states the region's own positioning.
        assert_eq!(
            b(
                "为贯彻落实国家“一带一路”战略规划，着力打造内陆型改革开放新高地，特制定以下行动计划。"
            ),
            None
        );
    }
}
