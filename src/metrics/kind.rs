//! Whether a number is a goal, the present, or another count — by its year against the
//! document's date, then by the words of its sentence, then by the headings above it.
//! A document that sets, suspends or adjusts rules (a decision, regulation, measures)
//! states no goals: its numbers are rules and thresholds, `other`.

use std::ops::Range;

use super::marks::CueIndex;
use super::number::{Form, Number};
use super::units::{Kind, Unit};
use crate::bundle::MetricKind;

/// Words before a number that say it is a goal.
const TARGET_CUES: &[&str] = &[
    "力争",
    "争取",
    "确保",
    "预计",
    "计划",
    "目标",
    "将",
    "每年",
    "年均",
    "新增",
    "打造",
    "培育",
    "实现",
    "建成",
    "开通",
    "引进",
    "招收",
    "增加到",
    "提高到",
    "达到",
    "突破",
    "开行",
    "增开",
    "举办",
    "建立",
    "新建",
    "遴选",
];
/// Words that say it is the present or the past.
const BASELINE_CUES: &[&str] = &[
    "已",
    "截至",
    "截止",
    "目前",
    "现有",
    "巩固",
    "先后",
    "累计",
    "上升至",
    "跃居",
    "十二五",
];
/// Words after a number that still say it is the present (`…均跃居世界第一`).
const BASELINE_AFTER: &[&str] = &["跃居", "已成为", "已经"];
/// Words of rules and parameters (regulations), not goals.
const PARAMETER_CUES: &[&str] = &["应当", "不得", "必须", "须达到", "方可", "允许"];
/// Words that make a small count in Chinese numerals a goal.
const STRONG_CUES: &[&str] = &["力争", "争取", "确保", "每年", "到20", "至20"];

/// Headings over the present situation: their numbers are baselines unless a sentence says
/// otherwise.
const SITUATION_HEADINGS: &[&str] = &["形势", "基础", "现状", "成效", "背景"];

/// Words of a title that make a document one of rules: it sets, suspends or adjusts
/// requirements (`…暂时调整有关行政法规…的决定`, `…管理暂行办法`, `…条例`).
const RULE_TITLES: &[&str] = &["办法", "条例", "决定", "规定", "细则", "汇编", "指导目录"];

/// Whether a document with this title is one of rules.
pub fn sets_rules(title: &str) -> bool {
    RULE_TITLES.iter().any(|w| title.contains(w))
}

/// The cue words of one paragraph, found once (linear), asked per number (logarithmic).
pub struct Cues {
    target: CueIndex,
    baseline: CueIndex,
    baseline_after: CueIndex,
    parameter: CueIndex,
    strong: CueIndex,
}

impl Cues {
    /// Finds the cue words of `text`.
    pub fn new(text: &str) -> Cues {
        Cues {
            target: CueIndex::new(text, TARGET_CUES),
            baseline: CueIndex::new(text, BASELINE_CUES),
            baseline_after: CueIndex::new(text, BASELINE_AFTER),
            parameter: CueIndex::new(text, PARAMETER_CUES),
            strong: CueIndex::new(text, STRONG_CUES),
        }
    }
}

/// What the kind of a number is decided from.
pub struct Facts<'a> {
    /// The document's year of publication.
    pub published: u32,
    /// Whether the document is one of rules.
    pub rules: bool,
    /// The headings above the paragraph.
    pub headings: &'a [&'a str],
    /// The paragraph's text.
    pub text: &'a str,
    /// The sentence of the number.
    pub sentence: Range<usize>,
    /// The year stated for it.
    pub year: Option<u32>,
    /// Whether its indicator is the noun after it (`三大战略走向`).
    pub noun_after: bool,
}

/// The kind of the number `n` with unit `unit`.
pub fn kind_of(facts: &Facts<'_>, cues: &Cues, n: &Number, unit: Option<&Unit<'_>>) -> MetricKind {
    let before = facts.sentence.start..n.start;
    if facts.rules {
        return MetricKind::Other;
    }
    // `三大平台`, `五大重点工程`: a named set of the plan's own items, whatever the year.
    if unit.is_some_and(|u| u.text == "大") {
        return MetricKind::Other;
    }
    // `…科技研发等9个有优势的产业`: a count of the list just given.
    if n.start > facts.sentence.start && facts.text[..n.start].ends_with('等') {
        return MetricKind::Other;
    }
    // Rules and parameters of regulations: `不得低于`, `应当不低于`.
    if cues.parameter.any_in(before.clone()) {
        return MetricKind::Other;
    }
    if let Some(y) = facts.year {
        if y > facts.published {
            return MetricKind::Target;
        }
        if y < facts.published {
            return MetricKind::Baseline;
        }
    }
    if cues.baseline.any_in(before.clone()) || cues.baseline_after.any_in(facts.sentence.clone()) {
        return MetricKind::Baseline;
    }
    if n.form == Form::Doubling {
        return MetricKind::Target;
    }
    // A small count in Chinese numerals (`三大战略走向`, `三个示范引导`) tallies the plan's
    // own items, unless the sentence sets it as a goal in so many words.
    let tally = n.form == Form::Chinese
        && n.value <= 10.0
        && unit.is_some_and(|u| u.kind == Kind::Count && u.text != "位")
        && facts.noun_after;
    if tally && !cues.strong.any_in(before.clone()) {
        return MetricKind::Other;
    }
    // `世界500强` names a ranking list, not a quantity.
    if unit.is_some_and(|u| u.text == "强") {
        return MetricKind::Other;
    }
    let under_goals = facts.headings.iter().any(|h| h.contains("目标"));
    if cues.target.any_in(before) || under_goals {
        return MetricKind::Target;
    }
    let situation = facts
        .headings
        .iter()
        .any(|h| SITUATION_HEADINGS.iter().any(|w| h.contains(w)));
    if situation {
        return MetricKind::Baseline;
    }
    MetricKind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_of_rules() {
        assert!(sets_rules(
            "国务院关于在自由贸易试验区暂时调整有关行政法规、国务院文件和经国务院批准的部门规章规定的决定"
        ));
        assert!(sets_rules(
            "科技部 财政部关于印发《国家重点研发计划管理暂行办法》的通知"
        ));
        assert!(!sets_rules(
            "科技部关于印发<“十三五”国家科技人才发展规划>的通知"
        ));
        assert!(!sets_rules(
            "湖南省推进国际产能和装备制造合作三年行动计划（2018-2020年）"
        ));
    }
}
