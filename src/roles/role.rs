//! The kind of section a paragraph sits in, from the headings above it (nearest first):
//! plans name their parts in a handful of set words.

use crate::bundle::Role;

/// The role of a paragraph with `text` under `headings` (outermost first; empty for the
/// preamble).
pub fn role(text: &str, headings: &[&str]) -> Role {
    if headings.is_empty() {
        return Role::Preamble;
    }
    for h in headings.iter().rev() {
        if let Some(role) = heading_role(h) {
            // A framing section that sets out goals year by year is a goal statement
            // (Gansu's 一大构想 ends with its 近期/中期/远期 goals).
            if role == Role::Framing
                && ["近期目标", "中期目标", "远期目标"]
                    .iter()
                    .any(|g| text.contains(g))
            {
                return Role::Goal;
            }
            return role;
        }
    }
    Role::Task
}

fn heading_role(h: &str) -> Option<Role> {
    let any = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if any(&["重大意义", "意义", "战略机遇", "机遇", "时代背景"]) {
        Some(Role::Significance)
    } else if h.contains("目标") {
        Some(Role::Goal)
    } else if any(&[
        "定位",
        "布局",
        "战略路径",
        "战略走向",
        "合作方向",
        "重点方向",
        "框架思路",
    ]) {
        // Where the region stands and what it will build where (功能定位, 战略布局,
        // 战略路径, 合作方向, Guangxi's 框架思路 that lists what it will build): tasks laid
        // out in advance, whatever the section around them (Jiangxi's 战略路径 sits in
        // 重大意义和总体要求, Fujian's 功能定位 in 总体思路).
        Some(Role::Task)
    } else if any(&["指导思想", "原则", "总体思路", "基本思路", "构想", "前言"]) || h == "总体要求"
    {
        Some(Role::Framing)
    } else if any(&["背景", "建设基础", "发展基础", "工作基础", "现状", "成效"]) {
        Some(Role::Background)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_telling_heading_decides() {
        assert_eq!(role("…", &["总体要求", "发展目标", "近期目标"]), Role::Goal);
        assert_eq!(
            role("…", &["重大意义和总体要求", "指导思想"]),
            Role::Framing
        );
        assert_eq!(role("…", &["重点任务", "促进基础设施互联互通"]), Role::Task);
        assert_eq!(role("…", &["规划背景", "战略机遇"]), Role::Significance);
        assert_eq!(role("…", &[]), Role::Preamble);
        assert_eq!(role("近期目标(2015—2020年)是…", &["一大构想"]), Role::Goal);
        // Positioning and layout are what the plan will build where, under any section.
        assert_eq!(role("…", &["总体思路", "功能定位"]), Role::Task);
        assert_eq!(
            role("…", &["重大意义和总体要求", "战略路径", "明确战略走向"]),
            Role::Task
        );
        assert_eq!(role("…", &["框架思路", "共建中国—东盟信息港"]), Role::Task);
    }
}
