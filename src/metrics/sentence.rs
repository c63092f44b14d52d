//! Reading a sentence's statements together, where one alone does not say what it counts:
//!
//! - a clause that opens with a verb and no subject (`开行…中欧班列（郑州），实现每周“去程
//!   八班、回程六班”`) takes the subject of the clause before it;
//! - a list of measures ending in one head (`客运4000万人次、货运70万吨的年吞吐能力`) reads
//!   each with it;
//! - a bare measure word after another shares its subject (`郑州机场货运量…、客运量…`);
//! - `其中` makes the statements after it parts of the totals before it;
//! - `分别` hands the numbers after it to the items before it in turn (`客、货运行业全国
//!   排名分别由…第18位和第15位，上升至…第15位和第7位`), or, when each of a group counts its
//!   own (`省属骨干本科院校分别与…至少3所高校…`), makes the group the scope (per);
//! - a rank with no subject of its own after `均` ranks each subject before it;
//! - an aside restating a number (`535万（折合全时当量为371万人年）`) restates its indicator.
//!
//! **Cost.** Each pass looks at a bounded number of neighbours (at most
//! [`NEIGHBOURS`] statements, within [`super::extract::LOOK_BACK`] bytes), and each
//! sentence's `其中` and `分别` are found once: linear in the paragraph.

use std::ops::Range;

use super::extract::{LOOK_BACK, window_start};
use super::marks::{CLAUSE, Marks, SENTENCE};
use super::number::Number;
use super::phrase;
use crate::bundle::{Comparator, MetricKind};

/// Adverbs of state that follow a subject (`…平稳健康发展`).
const STATE_WORDS: &[&str] = &[
    "平稳", "稳步", "持续", "快速", "健康", "不断", "显著", "明显",
];

/// How many statements before or after one a pass considers.
const NEIGHBOURS: usize = 16;

/// An indicator and the span of the paragraph that shows it with its number.
#[derive(Clone, Debug)]
pub struct Item {
    /// What is counted.
    pub indicator: String,
    /// The quote: byte range of the paragraph's text.
    pub quote: Range<usize>,
}

/// A number read as a statement, before it becomes one metric per item.
#[derive(Clone, Debug)]
pub struct Statement {
    pub number: Number,
    /// The unit as written (`位` for ranks, `倍` for doubling).
    pub unit: String,
    /// Byte offset after the unit and a trailing limiting word.
    pub end: usize,
    /// Byte offset after the unit.
    pub unit_end: usize,
    pub sentence: Range<usize>,
    pub clause: usize,
    pub comparator: Option<Comparator>,
    pub kind: MetricKind,
    pub year: Option<u32>,
    /// One metric each.
    pub items: Vec<Item>,
    /// The unit it is per (`年`, `市`, `省属骨干本科院校`).
    pub per: Option<String>,
    /// The total it is a part of.
    pub part_of: Option<String>,
    /// For a rank, where it ranks (`世界`, `全国`, or `""`).
    pub rank: Option<&'static str>,
    /// Whether its indicator is the noun after it.
    pub noun_after: bool,
}

/// Runs every pass over each sentence's statements (`statements` in reading order).
pub fn read_together(marks: &Marks<'_>, statements: &mut [Statement]) {
    let mut i = 0;
    while i < statements.len() {
        let start = statements[i].sentence.start;
        let len = statements[i..]
            .iter()
            .take_while(|s| s.sentence.start == start)
            .count();
        let group = &mut statements[i..i + len];
        subject_from_previous_clause(marks, group);
        ratios(marks, group);
        head_noun(marks, group);
        carry_measures(group);
        parts_of_totals(marks, group);
        respectively(marks, group);
        ranks_of_earlier(marks, group);
        asides(marks, group);
        i += len;
    }
}

fn single(s: &Statement) -> Option<&Item> {
    match s.items.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// `开行直达德国汉堡的中欧班列（郑州），实现每周“去程八班…”`: a clause opening with `实现` or
/// `具备` and naming only a bare indicator (`去程`) takes the subject of the clause before.
fn subject_from_previous_clause(marks: &Marks<'_>, group: &mut [Statement]) {
    let text = marks.text();
    for s in group.iter_mut() {
        // A clause opening with a verb and naming a bare indicator (`去程`), or one whose
        // indicator is only a pronoun of what came before (`主要指标`).
        let opens = ["实现", "具备"]
            .iter()
            .any(|w| text[s.clause..].starts_with(w));
        let Some(item) = single(s).filter(|i| {
            (opens && i.indicator.chars().count() <= 4) || i.indicator.starts_with("主要指标")
        }) else {
            continue;
        };
        let Some(mark) = text[..s.clause].char_indices().next_back() else {
            continue;
        };
        if s.clause <= s.sentence.start || !CLAUSE.contains(&mark.1) {
            continue;
        }
        let from = marks.clause_start(mark.0).max(window_start(text, mark.0));
        let previous = phrase::strip_leading(&text[from..mark.0]);
        let subject = match previous.rfind('的') {
            Some(i) => &previous[i + '的'.len_utf8()..],
            None => {
                // `郑州机场二期工程建成投用`, `对外投资和对外承包工程平稳健康发展`: what comes
                // before its verb or the adverb before it.
                let verb = Comparator::ALL
                    .into_iter()
                    .filter(|c| !c.is_limiting())
                    .map(Comparator::word)
                    .chain(STATE_WORDS.iter().copied())
                    .filter_map(|w| previous.find(w))
                    .filter(|&i| i > 0)
                    .min();
                verb.map_or("", |i| &previous[..i])
            }
        };
        let subject = phrase::strip_verb(subject);
        if subject.chars().count() < 2 {
            continue;
        }
        let indicator = format!("{subject}{}", item.indicator);
        let start = offset(text, subject).unwrap_or(item.quote.start);
        s.items[0] = Item {
            indicator,
            quote: start.min(item.quote.start)..item.quote.end,
        };
    }
}

/// `“十二五”期间回国人才超过110万，是前30年回国人数的3倍`: a multiple in a clause opening
/// with `是` compares the statement before it with what it names.
fn ratios(marks: &Marks<'_>, group: &mut [Statement]) {
    let text = marks.text();
    for k in 1..group.len() {
        let (earlier, later) = group.split_at_mut(k);
        let (a, b) = (&earlier[k - 1], &mut later[0]);
        if b.unit != "倍" || !text[b.clause..].starts_with('是') {
            continue;
        }
        let (Some(x), Some(y)) = (single(a), single(b)) else {
            continue;
        };
        b.items[0] = Item {
            indicator: format!("{}与{}之比", x.indicator, y.indicator),
            quote: x.quote.start.min(y.quote.start)..y.quote.end,
        };
    }
}

/// `具备客运4000万人次、货运70万吨的年吞吐能力`: a head measure after the last number of a
/// clause (`的年吞吐能力`) belongs to each statement of the clause.
fn head_noun(marks: &Marks<'_>, group: &mut [Statement]) {
    let text = marks.text();
    for idx in 0..group.len() {
        let s = &group[idx];
        if s.noun_after {
            continue;
        }
        let Some(rest) = text[s.end..s.sentence.end].strip_prefix('的') else {
            continue;
        };
        let head_len: usize = rest
            .chars()
            .take_while(|&c| crate::corpus::clean::is_han(c))
            .take(11)
            .map(char::len_utf8)
            .sum();
        let head = &rest[..head_len];
        let ends_clause = rest[head_len..]
            .chars()
            .next()
            .is_none_or(|c| CLAUSE.contains(&c) || SENTENCE.contains(&c));
        let measure = ["能力", "规模", "总量"].iter().any(|m| head.ends_with(m));
        if !ends_clause || !measure || head.chars().count() > 10 {
            continue;
        }
        let head_end = s.end + '的'.len_utf8() + head_len;
        let clause = s.clause;
        let first = idx.saturating_sub(NEIGHBOURS);
        for t in group[first..=idx].iter_mut().rev() {
            if t.noun_after || t.clause != clause {
                break;
            }
            for item in &mut t.items {
                item.indicator.push_str(head);
                item.quote.end = head_end;
            }
        }
    }
}

/// `郑州机场货运量突破100万吨、客运量突破3000万人次`: `客运量` is Zhengzhou airport's too.
fn carry_measures(group: &mut [Statement]) {
    for k in 1..group.len() {
        let (earlier, later) = group.split_at_mut(k);
        let (a, b) = (&earlier[k - 1], &mut later[0]);
        if a.noun_after || b.noun_after {
            continue;
        }
        let (Some(x), Some(y)) = (single(a), single(b)) else {
            continue;
        };
        if let Some(carried) = phrase::carry_measure(&x.indicator, &y.indicator) {
            let start = x.quote.start.min(y.quote.start);
            b.items[0] = Item {
                indicator: carried,
                quote: start..y.quote.end,
            };
        }
    }
}

/// `…货运量突破100万吨、客运量突破3000万人次，其中国际地区货运量突破60万吨、客运量…`:
/// the statements after `其中` are parts of the total before it that measures the same.
fn parts_of_totals(marks: &Marks<'_>, group: &mut [Statement]) {
    let text = marks.text();
    let Some(sentence) = group.first().map(|s| s.sentence.clone()) else {
        return;
    };
    let marks_at: Vec<usize> = text[sentence.clone()]
        .match_indices("其中")
        .map(|(i, _)| sentence.start + i)
        .collect();
    if marks_at.is_empty() {
        return;
    }
    for idx in 0..group.len() {
        let at = group[idx].number.start;
        let Some(&q) = marks_at.iter().rev().find(|&&q| q < at) else {
            continue;
        };
        let Some(part) = single(&group[idx]).map(|i| i.indicator.clone()) else {
            continue;
        };
        let measure: String = {
            let chars: Vec<char> = part.chars().collect();
            chars[chars.len().saturating_sub(3)..].iter().collect()
        };
        let total = group[..idx]
            .iter()
            .rev()
            .take(NEIGHBOURS)
            .filter(|t| t.end <= q)
            .filter_map(single)
            .find(|t| t.indicator.ends_with(&measure) && t.indicator != part);
        if let Some(total) = total {
            group[idx].part_of = Some(phrase::tidy(&total.indicator));
        }
    }
}

/// `分别`: the numbers after it (of one unit) go to the items before it in turn; or, when
/// they count partners of each (`省属骨干本科院校分别与…至少3所高校`), the group before it is
/// what each is per.
fn respectively(marks: &Marks<'_>, group: &mut [Statement]) {
    let text = marks.text();
    let Some(sentence) = group.first().map(|s| s.sentence.clone()) else {
        return;
    };
    let marks_at: Vec<usize> = text[sentence.clone()]
        .match_indices("分别")
        .map(|(i, _)| sentence.start + i)
        .collect();
    for (m, &r) in marks_at.iter().enumerate() {
        let next_mark = marks_at.get(m + 1).copied().unwrap_or(sentence.end);
        let first = group.partition_point(|s| s.number.start < r);
        let Some(unit) = group.get(first).map(|s| s.unit.clone()) else {
            continue;
        };
        let count = group[first..]
            .iter()
            .take(NEIGHBOURS)
            .take_while(|s| s.unit == unit && s.number.start < next_mark)
            .take_while(|s| s.unit_end <= r + 2 * LOOK_BACK)
            .count();
        if count == 0 {
            continue;
        }
        let from = marks.clause_start(r).max(window_start(text, r));
        let subject = phrase::strip_leading(&text[from..r]);
        if subject.is_empty() {
            continue;
        }
        let subject_start = offset(text, subject).unwrap_or(from);
        let members = &mut group[first..first + count];
        if members.iter().all(|s| s.noun_after) {
            for s in members.iter_mut() {
                if s.per.is_none() {
                    s.per = Some(phrase::tidy(subject));
                }
                for item in &mut s.items {
                    item.quote.start = item.quote.start.min(subject_start);
                }
            }
            continue;
        }
        let items = phrase::list_items(subject, true);
        let k = items.len();
        // `分别居世界第1位和第2位`: the second rank is in the world too.
        let domain = members
            .iter()
            .find_map(|s| s.rank.filter(|d| !d.is_empty()));
        if k < 2 || (count != 1 && count % k != 0) {
            continue;
        }
        let each_gets_all = count == 1;
        for (i, s) in members.iter_mut().enumerate() {
            let end = s.unit_end;
            let named = |indicator: &str| match s.rank {
                Some(own) => phrase::ranked(indicator, domain.unwrap_or(own)),
                None => indicator.to_owned(),
            };
            s.items = if each_gets_all {
                items
                    .iter()
                    .map(|item| Item {
                        indicator: named(item),
                        quote: subject_start..end,
                    })
                    .collect()
            } else {
                vec![Item {
                    indicator: named(&items[i % k]),
                    quote: subject_start..end,
                }]
            };
        }
    }
}

/// `科技人力资源总量超过7100万，研究与发展（R&D）人员总量535万…，均跃居世界第1位`: a rank
/// with no subject of its own after `均` is the rank of each earlier statement of the
/// sentence (not of those in an aside).
fn ranks_of_earlier(marks: &Marks<'_>, group: &mut [Statement]) {
    let text = marks.text();
    for idx in 0..group.len() {
        let s = &group[idx];
        let Some(domain) = s.rank else { continue };
        if !s.items.iter().all(|i| i.indicator.is_empty())
            || !text[s.clause..s.number.start].contains('均')
        {
            continue;
        }
        let end = s.unit_end;
        let reach = s.number.start.saturating_sub(2 * LOOK_BACK);
        let mut subjects: Vec<Item> = group[..idx]
            .iter()
            .rev()
            .take(4)
            .filter(|t| t.rank.is_none() && t.number.start >= reach)
            .filter(|t| !text[..t.clause].ends_with(['（', '(']))
            .filter_map(single)
            .map(|t| Item {
                indicator: phrase::ranked(&t.indicator, domain),
                quote: t.quote.start..end,
            })
            .collect();
        subjects.reverse();
        group[idx].items = subjects;
    }
}

/// `研究与发展（R&D）人员总量535万（折合全时当量为371万人年）`: the aside's number restates
/// the one before it: `研究与发展（R&D）人员总量（折合全时当量）`.
fn asides(marks: &Marks<'_>, group: &mut [Statement]) {
    let text = marks.text();
    for k in 1..group.len() {
        let (earlier, later) = group.split_at_mut(k);
        let (a, b) = (&earlier[k - 1], &mut later[0]);
        let opened = text[..b.clause].chars().next_back();
        let restates = matches!(opened, Some('（' | '('))
            && opened.is_some_and(|c| a.end + c.len_utf8() == b.clause);
        let (Some(x), Some(y)) = (single(a), single(b)) else {
            continue;
        };
        if restates && !y.indicator.is_empty() {
            b.items[0] = Item {
                indicator: format!("{}（{}）", x.indicator, y.indicator),
                quote: x.quote.start.min(y.quote.start)..y.quote.end,
            };
        }
    }
}

/// Where `part`, a slice of `text`, starts in it.
fn offset(text: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (start + part.len() <= text.len()).then_some(start)
}
