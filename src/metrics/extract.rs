//! Finding the quantitative statements of a document (`metrics.md` in the shared spec).
//!
//! For each number with a unit in a paragraph: is it a metric at all (not a date, an
//! ordinal, a document number, a slogan such as `“五通”`, a time span), what it counts
//! (the indicator: the phrase before a measure, `进出口总额突破300亿美元`, or the noun after
//! a count, `打造1－3个全国茶叶知名品牌`), the word that qualifies it, the year it is for,
//! and whether it is a goal, the present, or another count.
//!
//! A sentence may state several: `进出口总额突破300亿美元、利用外资突破100亿美元` gives
//! two rows, and a list sharing one predicate (`贸易总额、对外投资、引进外资均比2020年翻一番`)
//! gives one row per item.

use super::number::{self, Form, Number};
use super::units::{self, Kind, Unit};
use crate::bundle::Theme;
use crate::bundle::{Comparator, Document, Metric, MetricKind, Normalized, Paragraph, Section};
use crate::date::Date;
use crate::themes::Cues;

/// What a paragraph is read with: the document's date and horizon, the headings above it.
struct Context<'a> {
    published: u32,
    /// The last year of the plan's period, from its title (`（2018-2020年）` → 2020).
    horizon: Option<u32>,
    headings: Vec<&'a str>,
    themes: &'a [Theme],
    /// The year the section's opening paragraph states (`到2020年，…`), which the goals
    /// listed after it share.
    section_year: Option<u32>,
}

/// The metrics of a document, with ids `m1`, `m2`… in reading order.
pub fn document_metrics(doc: &Document, cues: &Cues) -> Vec<Metric> {
    let published = Date::parse_iso(&doc.published).map_or(0, Date::year);
    let horizon = horizon(&doc.title);
    let mut out = Vec::new();
    for p in &doc.preamble {
        let ctx = Context {
            published,
            horizon,
            headings: Vec::new(),
            themes: &p.themes,
            section_year: None,
        };
        paragraph_metrics(p, &ctx, cues, &mut out);
    }
    fn walk<'a>(
        sections: &'a [Section],
        headings: &mut Vec<&'a str>,
        published: u32,
        horizon: Option<u32>,
        cues: &Cues,
        out: &mut Vec<Metric>,
    ) {
        for s in sections {
            headings.push(&s.heading);
            let section_year = s.paragraphs.first().and_then(|p| {
                let opening = p.text.find(['，', '。']).unwrap_or(p.text.len());
                stated_year(&p.text, opening)
            });
            for p in &s.paragraphs {
                let ctx = Context {
                    published,
                    horizon,
                    headings: headings.clone(),
                    themes: &p.themes,
                    section_year,
                };
                paragraph_metrics(p, &ctx, cues, out);
            }
            walk(&s.sections, headings, published, horizon, cues, out);
            headings.pop();
        }
    }
    walk(
        &doc.sections,
        &mut Vec::new(),
        published,
        horizon,
        cues,
        &mut out,
    );
    for (i, m) in out.iter_mut().enumerate() {
        m.id = format!("m{}", i + 1);
    }
    out
}

/// The last year of a plan's period, from its title: `（2018-2020年）` → 2020,
/// `2016年行动计划` → 2016.
fn horizon(title: &str) -> Option<u32> {
    if title.contains("十三五") {
        return Some(2020);
    }
    let years = years_in(title);
    let (start, year) = *years.last()?;
    let before = &title[..start];
    let range = before.ends_with(['-', '－', '—', '~']);
    (range || title[start..].contains("行动计划")).then_some(year)
}

/// Every `YYYY年` (or `YYYY` right before a range mark and a year) in a text: (byte offset,
/// year).
fn years_in(text: &str) -> Vec<(usize, u32)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let digits = &bytes[i..i + 4];
        let boundary = i == 0 || !bytes[i - 1].is_ascii_digit();
        if boundary
            && digits.iter().all(u8::is_ascii_digit)
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit())
        {
            let year: u32 = text[i..i + 4].parse().unwrap_or(0);
            let rest = &text[i + 4..];
            if (1900..=2100).contains(&year)
                && (rest.starts_with('年') || rest.starts_with(['-', '－', '—', '~']))
            {
                out.push((i, year));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

/// Sentence ends.
const SENTENCE: [char; 4] = ['。', '；', '！', '？'];
/// Clause marks inside a sentence (an opening parenthesis starts an aside:
/// `535万（折合全时当量为371万人年）`).
const CLAUSE: [char; 5] = ['，', '：', ',', '（', '('];

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

/// Headings over the present situation: their numbers are baselines unless a sentence says
/// otherwise.
const SITUATION_HEADINGS: &[&str] = &["形势", "基础", "现状", "成效", "背景"];
/// Words after a number that still say it is the present (`…均跃居世界第一`).
const BASELINE_AFTER: &[&str] = &["跃居", "已成为", "已经"];

/// Words of rules and parameters (regulations), not goals.
const PARAMETER_CUES: &[&str] = &["应当", "不得", "必须", "须达到", "方可", "允许"];

/// Time and goal words that open a clause but are not part of what is counted.
const LEADING_NOISE: &[&str] = &[
    "力争", "争取", "确保", "预计", "计划", "届时", "同时", "其中", "全年", "年内", "并", "且",
    "使", "我省", "我市", "我区", "全省", "全市", "全区", "本省", "本市", "推动", "实现", "力求",
    "到", "至", "年底", "年末", "底", "末", "前", "，", "的", "每年", "我国", "“", "”",
];

/// Set phrases whose numbers are not counts: "a number of", "at once", "the two markets".
const SET_PHRASES: &[&str] = &[
    "一批",
    "一大批",
    "一次性",
    "一系列",
    "两个大局",
    "两个市场",
    "两种资源",
    "两国",
    "三位一体",
    "四位一体",
    "五位一体",
    "百家争鸣",
    "百花齐放",
    "百人计划",
    "千人计划",
    "万人计划",
];

/// A slogan or code in quotation marks (`“五通”`, `“三个一”`, `“一干九支”`): its numbers
/// are names, not quantities.
fn in_short_quote(text: &str, at: usize) -> bool {
    let open = text[..at].rfind('“');
    let close_before = text[..at].rfind('”');
    let Some(open) = open.filter(|&o| close_before.is_none_or(|c| c < o)) else {
        return false;
    };
    let Some(close) = text[at..].find('”').map(|c| c + at) else {
        return false;
    };
    text[open + '“'.len_utf8()..close].chars().count() <= 8
}

/// Inside the parenthesis that spells out a slogan: `“三个一”（一次申报、一次查验、一次放行）`.
fn explains_a_slogan(text: &str, at: usize) -> bool {
    let Some(open) = text[..at].rfind('（') else {
        return false;
    };
    let closed = text[open..at].contains('）');
    !closed && text[..open].ends_with('”')
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// Whether the number at `n` is a name, an ordinal, part of a word or code, not a quantity.
fn is_not_a_quantity(text: &str, n: &Number, unit: Option<&Unit<'_>>) -> bool {
    let before = char_before(text, n.start);
    let after = &text[n.end..];
    // Ordinals: `第三`, `十届十次` (a plenum), codes `T1`, `K4A`.
    if matches!(before, Some('第' | '届')) || matches!(before, Some(c) if c.is_ascii_alphabetic())
    {
        return true;
    }
    if after.starts_with(['+', '＋', '×'])
        || before.is_some_and(|c| matches!(c, '+' | '＋' | '×' | '〔' | '[' | '［'))
    {
        return true;
    }
    if in_short_quote(text, n.start) || explains_a_slogan(text, n.start) {
        return true;
    }
    if n.form == Form::Chinese {
        // `零部件`, `一部署`: 零 alone and 部 after a Chinese numeral are parts of words.
        if n.value == 0.0 || unit.is_some_and(|u| u.text == "部") {
            return true;
        }
        let word = &text[n.start..];
        if SET_PHRASES.iter().any(|w| word.starts_with(w)) || text[..n.start].ends_with("唯") {
            return true;
        }
        // `一个`, `一支`, `一项` before a noun is the article "a", not a count; `一次` before
        // a verb is "at once" (`一次办结`) — unless the sentence is about a frequency.
        let article = n.value == 1.0
            && unit.is_some_and(|u| ["个", "支", "项", "家", "种", "位", "次"].contains(&u.text));
        let frequency = text[..n.start]
            .rfind(SENTENCE)
            .map_or(&text[..n.start], |i| &text[i..n.start])
            .contains('每');
        if article && !frequency {
            return true;
        }
        // Party congresses and plenums: `十八大`, `十八届三中全会`, `十届十次全会`.
        let congress = (unit.is_some_and(|u| u.text == "大") && n.value > 10.0)
            || unit.is_some_and(|u| u.text == "届")
            || (unit.is_some_and(|u| u.text == "次")
                && after.contains("全会")
                && after.find("全会").is_some_and(|i| i <= "次".len() + 6));
        if congress {
            return true;
        }
    }
    match unit {
        Some(u) => u.kind == Kind::Time,
        None => !matches!(n.form, Form::Doubling | Form::Fraction),
    }
}

/// A candidate: a number, its unit, the qualifier between them (`多`, `余`).
struct Found<'a> {
    number: Number,
    unit: Option<Unit<'a>>,
    /// Byte offset after the unit (and a trailing limiting word, if any).
    end: usize,
    /// Byte offset just after the unit.
    unit_end: usize,
    qualifier: Option<Comparator>,
    trailing: Option<Comparator>,
}

fn find_numbers(text: &str) -> Vec<Found<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(n) = number::read_at(text, at)
            .filter(|n| n.end > n.start)
            .or_else(|| bare_magnitude(text, at))
        else {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let mut after = n.end;
        let qualifier = if text[after..].starts_with('多') {
            after += '多'.len_utf8();
            Some(Comparator::Over)
        } else if text[after..].starts_with('余') {
            after += '余'.len_utf8();
            Some(Comparator::Odd)
        } else {
            None
        };
        let unit = match n.form {
            Form::Doubling => None,
            _ => units::read(&text[after..]),
        };
        let unit_end = after + unit.map_or(0, |u| u.text.len());
        let mut end = unit_end;
        let trailing = [
            Comparator::AtLeast,
            Comparator::AtMost,
            Comparator::About,
            Comparator::Within,
        ]
        .into_iter()
        .find(|c| text[unit_end..].starts_with(c.word()));
        if let Some(t) = trailing {
            end += t.word().len();
        }
        if !is_not_a_quantity(text, &n, unit.as_ref()) {
            out.push(Found {
                number: n,
                unit,
                end,
                unit_end,
                qualifier,
                trailing,
            });
        }
        at = end.max(n.end);
    }
    out
}

/// `万名海外高层次人才`: a magnitude with no numeral before it is one of it.
fn bare_magnitude(text: &str, at: usize) -> Option<Number> {
    let rest = &text[at..];
    // `每万名就业人员`: per ten thousand, a rate's base.
    if !rest.starts_with(['万', '亿']) || text[..at].ends_with('每') {
        return None;
    }
    let unit = units::read(rest)?;
    let word_follows = unit.text.chars().count() > 1;
    (word_follows && unit.kind != Kind::Time).then_some(Number {
        start: at,
        end: at,
        value: 1.0,
        value_max: None,
        form: Form::Chinese,
    })
}

fn sentence_bounds(text: &str, at: usize) -> (usize, usize) {
    let start = text[..at].rfind(SENTENCE).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[at..].find(SENTENCE).map_or(text.len(), |i| i + at);
    (start, end)
}

fn clause_start(text: &str, sentence_start: usize, at: usize) -> usize {
    text[sentence_start..at]
        .rfind(CLAUSE)
        .map_or(sentence_start, |i| {
            let i = sentence_start + i;
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        })
}

/// The comparator verb or limiting word that ends `before` (the text right before the
/// number), and where it starts.
fn comparator_before(before: &str) -> Option<(Comparator, usize)> {
    Comparator::ALL
        .into_iter()
        .filter(|c| {
            !matches!(
                c,
                Comparator::AtLeast
                    | Comparator::AtMost
                    | Comparator::About
                    | Comparator::Within
                    | Comparator::Over
                    | Comparator::Odd
            )
        })
        .filter_map(|c| {
            // The verb ends the text, possibly followed by 到/至 (`达到`, `增长到`).
            [before, before.trim_end_matches(['到', '至'])]
                .into_iter()
                .find(|b| b.ends_with(c.word()))
                .map(|b| (c, b.len() - c.word().len()))
        })
        .max_by_key(|(c, _)| c.word().len())
}

/// The verb nearest the number anywhere in its clause (`建成境外经贸合作园区10个`): the
/// comparator when none stands right before the number.
fn nearest_verb(before: &str) -> Option<Comparator> {
    Comparator::ALL
        .into_iter()
        .filter(|c| !c.is_limiting())
        .filter_map(|c| before.rfind(c.word()).map(|at| (at, c)))
        .max_by_key(|&(at, c)| (at, c.word().len()))
        .map(|(_, c)| c)
}

/// Strips list markers, time words, subjects and goal verbs from the start of an
/// indicator.
fn strip_leading(mut s: &str) -> &str {
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
            s = s.strip_prefix(w).unwrap_or(s);
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

/// Strips a comparison base (`均比2020年`, `比2015年`) and connectives from the end.
fn strip_trailing(mut s: &str) -> &str {
    loop {
        let before = s;
        if let Some(i) = s.rfind("比")
            && years_in(&s[i..])
                .first()
                .is_some_and(|&(o, _)| o == "比".len())
        {
            s = &s[..i];
        }
        for w in ["均", "分别", "共", "约", "近", "的", "为", "达"] {
            s = s.strip_suffix(w).unwrap_or(s);
        }
        if s == before {
            return s;
        }
    }
}

/// The year a statement is for: the nearest year stated before it in its paragraph
/// (`到2020年…突破300亿美元`, or the period that opens the paragraph, `中期（至2025年）…`),
/// skipping comparison bases (`比2020年`), full dates (`2019年12月31日`) and years inside
/// titles (`《…（2017年修订）》`); then the `“十三五”` period (2020).
fn stated_year(text: &str, at: usize) -> Option<u32> {
    let stated = years_in(&text[..at])
        .into_iter()
        .filter(|&(o, _)| {
            let after = &text[o + 4..];
            let date = after
                .strip_prefix('年')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()) && r.contains('月'));
            let date = date && {
                let r = &after['年'.len_utf8()..];
                let digits = r.bytes().take_while(u8::is_ascii_digit).count();
                r[digits..].starts_with('月')
            };
            !text[..o].ends_with(['比', '较']) && !date && !inside_title(text, o)
        })
        .map(|(_, y)| y)
        .next_back();
    stated.or_else(|| text[..at].contains("十三五").then_some(2020))
}

/// Whether byte offset `at` is inside `《…》`.
fn inside_title(text: &str, at: usize) -> bool {
    let open = text[..at].rfind('《');
    let close = text[..at].rfind('》');
    open.is_some_and(|o| close.is_none_or(|c| c < o))
}

fn paragraph_metrics(p: &Paragraph, ctx: &Context<'_>, cues: &Cues, out: &mut Vec<Metric>) {
    let text = p.text.as_str();
    for found in find_numbers(text) {
        let n = found.number;
        let sentence = sentence_bounds(text, n.start);
        let clause = clause_start(text, sentence.0, n.start);
        let before = &text[clause..n.start];

        let verb = comparator_before(before);
        let unit_text = match n.form {
            Form::Doubling => "倍",
            _ => found.unit.map_or("", |u| u.text),
        };
        let counts_things = found.unit.is_some_and(|u| {
            u.kind == Kind::Count
                || u.kind == Kind::Measure(crate::bundle::Canonical::Persons)
                || u.kind == Kind::Measure(crate::bundle::Canonical::PersonTrips)
        });

        // The indicator: a noun after a count (`3个示范基地`), else the phrase before.
        let after_text: String = text[found.end..sentence.1]
            .chars()
            .take_while(|&c| !CLAUSE.contains(&c) && !"、（(“”".contains(c))
            .take(20)
            .collect();
        let han_after = after_text
            .chars()
            .next()
            .is_some_and(crate::corpus::clean::is_han);
        let mut phrase = &before[..verb.map_or(before.len(), |(_, at)| at)];
        // `由2014年的371万人年达到2020年的480万人年`: both numbers measure what precedes `由`.
        if let Some(i) = phrase.match_indices('由').map(|(i, _)| i).find(|&i| {
            years_in(&phrase[i + '由'.len_utf8()..])
                .first()
                .is_some_and(|&(o, _)| o == 0)
        }) {
            phrase = &phrase[..i];
        }
        // A measure can also precede what it measures (`建成千万标箱集装箱干线港`) when nothing
        // but a verb stands before it.
        let mut left = strip_trailing(strip_leading(phrase.trim()));
        for adverb in [
            "加快",
            "积极",
            "大力",
            "努力",
            "进一步",
            "着力",
            "重点",
            "累计",
        ] {
            left = left.strip_prefix(adverb).unwrap_or(left);
        }
        let noun_after = han_after && (counts_things || left.is_empty());

        // A list sharing one predicate: `A、B、C均比2020年翻一番`, `航线、通航点、周航班量实现翻番`.
        let shared = n.form == Form::Doubling || verb.is_some() || strip_trailing(phrase) != phrase;
        let list: Vec<&str> = phrase.split('、').collect();
        let mut items: Vec<(usize, &str)> = Vec::new();
        if noun_after {
            items.push((found.end, after_text.as_str()));
        } else if shared
            && list.len() > 1
            && list.iter().all(|i| i.chars().count() <= 16)
            // `设立研发基地、营销服务网络的企业`: the list describes one head noun.
            && !list.last().is_some_and(|i| i.contains('的'))
            // `货运量突破100万吨、客运量突破…`: earlier items are statements of their own.
            && !list
                .iter()
                .any(|i| strip_trailing(i).contains(|c: char| c.is_ascii_digit()))
        {
            let mut offset = clause;
            for item in list {
                items.push((offset, item));
                offset += item.len() + '、'.len_utf8();
            }
        } else {
            let start = phrase.rfind('、').map_or(0, |i| i + '、'.len_utf8());
            items.push((clause + start, &phrase[start..]));
        }

        let year_stated = stated_year(text, n.start).or(ctx.section_year);
        let sentence_before = &text[sentence.0..n.start];
        let yearly = sentence_before.contains("每年");
        let doubling = match n.form {
            Form::Doubling => Comparator::ALL
                .into_iter()
                .find(|c| text[n.start..n.end] == *c.word()),
            _ => None,
        };
        let comparator = doubling
            .or(found.trailing)
            .or(found.qualifier)
            .or(verb.map(|(c, _)| c))
            .or_else(|| nearest_verb(before));

        let kind = kind_of(
            ctx,
            &n,
            found.unit.as_ref(),
            &text[sentence.0..sentence.1],
            sentence_before,
            year_stated,
            noun_after,
        );
        let year = match kind {
            _ if yearly => None,
            MetricKind::Target => year_stated.or(ctx.horizon),
            // A baseline is dated by its own sentence, and not by a year that dates another
            // event in it (`2014年…合作，…目前…达到每周15班`).
            MetricKind::Baseline => {
                let own = stated_year(&text[sentence.0..], n.start - sentence.0);
                let now = ["目前", "现已", "现有"]
                    .iter()
                    .any(|w| sentence_before.contains(w));
                own.filter(|_| !now)
            }
            MetricKind::Other => None,
        };

        let multiple = items.len() > 1;
        for (item_start, item) in items {
            let stripped = strip_trailing(strip_leading(item.trim())).trim();
            if stripped.is_empty() {
                continue;
            }
            // A long phrase keeps its end, nearest the number: never drop the statement.
            let indicator = match stripped.char_indices().rev().nth(23) {
                Some((i, _)) if stripped.chars().count() > 30 => &stripped[i..],
                _ => stripped,
            };
            let indicator_start = item_start + item.find(indicator).unwrap_or(0);
            let (quote_start, quote_end) = if noun_after {
                (n.start, indicator_start + indicator.len())
            } else if multiple {
                (indicator_start, n.end.max(found.unit_end))
            } else {
                (indicator_start, found.unit_end.max(n.end))
            };
            let Some(quote) = text.get(quote_start..quote_end) else {
                continue;
            };
            let theme = cues
                .score(indicator)
                .ranked(0.35)
                .first()
                .copied()
                .or_else(|| ctx.themes.first().copied());
            let normalized = units::canonical(unit_text).map(|(unit, factor)| Normalized {
                value: n.value * factor,
                value_max: n.value_max.map(|v| v * factor),
                unit,
            });
            out.push(Metric {
                id: String::new(),
                paragraph: p.id.clone(),
                quote: quote.to_owned(),
                indicator: indicator.to_owned(),
                value: n.value,
                value_max: n.value_max,
                unit: unit_text.to_owned(),
                year: year.map(|y| y as i32),
                comparator,
                kind,
                theme,
                normalized,
            });
        }
    }
}

fn kind_of(
    ctx: &Context<'_>,
    n: &Number,
    unit: Option<&Unit<'_>>,
    sentence: &str,
    sentence_before: &str,
    year: Option<u32>,
    noun_after: bool,
) -> MetricKind {
    // `三大平台`, `五大重点工程`: a named set of the plan's own items, whatever the year.
    if unit.is_some_and(|u| u.text == "大") {
        return MetricKind::Other;
    }
    // `…科技研发等9个有优势的产业`: a count of the list just given.
    if sentence_before.ends_with('等') {
        return MetricKind::Other;
    }
    // Rules and parameters of regulations: `不得低于`, `应当不低于`.
    if PARAMETER_CUES.iter().any(|c| sentence_before.contains(c)) {
        return MetricKind::Other;
    }
    if let Some(y) = year {
        if y > ctx.published {
            return MetricKind::Target;
        }
        if y < ctx.published {
            return MetricKind::Baseline;
        }
    }
    if BASELINE_CUES.iter().any(|c| sentence_before.contains(c))
        || BASELINE_AFTER.iter().any(|c| sentence.contains(c))
    {
        return MetricKind::Baseline;
    }

    if n.form == Form::Doubling {
        return MetricKind::Target;
    }
    // A small count in Chinese numerals (`三大战略走向`, `三个示范引导`) tallies the plan's
    // own items, unless the sentence sets it as a goal in so many words.
    let tally = n.form == Form::Chinese
        && n.value <= 10.0
        && unit.is_some_and(|u| u.kind == Kind::Count)
        && noun_after;
    let strong = ["力争", "争取", "确保", "每年", "到20", "至20"];
    if tally && !strong.iter().any(|c| sentence_before.contains(c)) {
        return MetricKind::Other;
    }
    // `世界500强` names a ranking list, not a quantity.
    if unit.is_some_and(|u| u.text == "强") {
        return MetricKind::Other;
    }
    let under_goals = ctx.headings.iter().any(|h| h.contains("目标"));
    if TARGET_CUES.iter().any(|c| sentence_before.contains(c)) || under_goals {
        return MetricKind::Target;
    }
    let situation = ctx
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
    fn horizons_come_from_the_title() {
        assert_eq!(
            horizon("湖南省推进国际产能和装备制造合作三年行动计划（2018-2020年）"),
            Some(2020)
        );
        assert_eq!(
            horizon("天津市“一带一路”科技创新合作行动计划（2017—2020年）"),
            Some(2020)
        );
        assert_eq!(horizon("陕西省“一带一路”建设2016年行动计划"), Some(2016));
        assert_eq!(
            horizon("江西省参与丝绸之路经济带和21世纪海上丝绸之路建设实施方案"),
            None
        );
    }

    #[test]
    fn quotations_of_slogans_hide_their_numbers() {
        let t = "积极推进“一干九支”机场布局";
        assert!(in_short_quote(t, t.find('一').unwrap()));
        let t = "铜产业物流中心“三个基地、一个中心”建设";
        assert!(!in_short_quote(t, t.find('三').unwrap()));
    }
}
