//! Finding the quantitative statements of a document (`metrics.md` in the shared spec).
//!
//! For each number with a unit in a paragraph: is it a metric at all (not a date, an
//! ordinal, a document number, a slogan such as `“五通”`, a time span), what it counts
//! (the indicator: the phrase before a measure, `进出口总额突破300亿美元`, or the noun after
//! a count, `打造1－3个全国茶叶知名品牌`), what limits it (its [`Scope`]: `每市`, `每年`, part
//! of a total after `其中`), the word that qualifies it, the year it is for, and whether
//! it is a goal, the present, or another count ([`super::kind`]). Rankings (`第7位`) and
//! service levels (`每周15班`) are statements like any other.
//!
//! A sentence may state several: `进出口总额突破300亿美元、利用外资突破100亿美元` gives
//! two rows; a list sharing one predicate gives one row per item when each item is meant
//! (`贸易总额、对外投资、引进外资均比2020年翻一番`) and one row for the whole list when the
//! number counts them together (`培训沿线国家科研及管理人员、我市国际化人才500人次`); `分别`
//! hands a list of numbers to a list of items in turn ([`super::sentence`]).
//!
//! **Cost.** Linear in the paragraph: its punctuation, years and cue words are indexed
//! once ([`super::marks`]), and what is read before a number is bounded by
//! [`LOOK_BACK`], so a paragraph of 30,000 numbers costs 30,000 bounded reads — not a
//! scan back to the sentence start for each (which was quadratic), nor a list of every
//! earlier item for each (which made n(n−1)/2 rows). `tests/linear.rs` holds this to
//! account by the output at two input sizes.

use super::indicators::Taxonomy;
use super::kind::{self, Cues as KindCues, Facts};
use super::marks::Marks;
use super::number::{self, Form, Number};
use super::phrase;
use super::sentence::{self, Item, Statement};
use super::units::{self, Kind, Unit};
use crate::bundle::{
    Comparator, Document, Metric, MetricKind, Normalized, Paragraph, Scope, Section, Theme,
};
use crate::date::Date;
use crate::themes::Cues;

/// How far before a number (in bytes, about 120 Chinese characters) its indicator,
/// comparator and list are looked for. A clause of the corpus is never longer; the bound
/// is what keeps the extraction linear on any input.
pub const LOOK_BACK: usize = 360;
/// How far after a count its noun is read, in characters.
const NOUN_AFTER: usize = 40;

/// What a paragraph is read with: the document's date and horizon, the headings above it.
struct Context<'a> {
    published: u32,
    /// The last year of the plan's period, from its title (`（2018-2020年）` → 2020).
    horizon: Option<u32>,
    /// Whether the document sets, suspends or adjusts rules: no goals in it.
    rules: bool,
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
    let rules = kind::sets_rules(&doc.title);
    let mut out = Vec::new();
    for p in &doc.preamble {
        let ctx = Context {
            published,
            horizon,
            rules,
            headings: Vec::new(),
            themes: &p.themes,
            section_year: None,
        };
        paragraph_metrics(p, &ctx, cues, &mut out);
    }
    struct Walk<'c> {
        published: u32,
        horizon: Option<u32>,
        rules: bool,
        cues: &'c Cues,
    }
    fn walk<'a>(
        sections: &'a [Section],
        headings: &mut Vec<&'a str>,
        w: &Walk<'_>,
        out: &mut Vec<Metric>,
    ) {
        for s in sections {
            headings.push(&s.heading);
            let section_year = s.paragraphs.first().and_then(|p| {
                let opening = p.text.find(['，', '。']).unwrap_or(p.text.len());
                Marks::new(&p.text[..opening]).stated_year(0, opening)
            });
            for p in &s.paragraphs {
                let ctx = Context {
                    published: w.published,
                    horizon: w.horizon,
                    rules: w.rules,
                    headings: headings.clone(),
                    themes: &p.themes,
                    section_year,
                };
                paragraph_metrics(p, &ctx, w.cues, out);
            }
            walk(&s.sections, headings, w, out);
            headings.pop();
        }
    }
    let w = Walk {
        published,
        horizon,
        rules,
        cues,
    };
    walk(&doc.sections, &mut Vec::new(), &w, &mut out);
    // A run of seventy digits is no figure a plan states: what the reader would refuse is
    // not written (found by the builder's fuzz target).
    out.retain(crate::bundle::metric_is_plausible);
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
    let years = super::marks::years_in(title);
    let (start, year) = *years.last()?;
    let before = &title[..start];
    let range = before.ends_with(['-', '－', '—', '~']);
    (range || title[start..].contains("行动计划")).then_some(year)
}

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

fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// A slogan or code in quotation marks (`“五通”`, `“三个一”`, `“一干九支”`): its numbers
/// are names, not quantities.
fn in_short_quote(marks: &Marks<'_>, at: usize) -> bool {
    marks
        .quoted(at)
        .is_some_and(|r| marks.text()[r].chars().take(9).count() <= 8)
}

/// Inside the parenthesis that spells out a slogan: `“三个一”（一次申报、一次查验、一次放行）`.
fn explains_a_slogan(marks: &Marks<'_>, at: usize) -> bool {
    marks
        .open_aside(at)
        .is_some_and(|open| marks.text()[..open].ends_with('”'))
}

/// Whether the number at `n` is a rank: `第7位`, `第一大贸易伙伴`.
fn is_rank(text: &str, n: &Number, unit: Option<&Unit<'_>>) -> bool {
    char_before(text, n.start) == Some('第')
        && n.value_max.is_none()
        && unit.is_some_and(|u| {
            u.text == "位"
                || (u.text == "大"
                    && text[n.end + u.text.len()..]
                        .chars()
                        .next()
                        .is_some_and(crate::corpus::clean::is_han))
        })
}

/// Whether the number at `n` is a name, an ordinal, part of a word or code, not a quantity.
fn is_not_a_quantity(
    marks: &Marks<'_>,
    kind_cues: &PerCue,
    n: &Number,
    unit: Option<&Unit<'_>>,
) -> bool {
    let text = marks.text();
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
    if in_short_quote(marks, n.start) || explains_a_slogan(marks, n.start) {
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
        let sentence = marks.sentence(n.start);
        let frequency = kind_cues.0.any_in(sentence.start..n.start);
        if article && !frequency {
            return true;
        }
        // Party congresses and plenums: `十八大`, `十八届三中全会`, `十届十次全会`.
        let congress = (unit.is_some_and(|u| u.text == "大") && n.value > 10.0)
            || unit.is_some_and(|u| u.text == "届")
            || (unit.is_some_and(|u| u.text == "次")
                && after
                    .char_indices()
                    .nth(5)
                    .map_or(after, |(i, _)| &after[..i])
                    .contains("全会"));
        if congress {
            return true;
        }
    }
    match unit {
        Some(u) => u.kind == Kind::Time,
        None => !matches!(n.form, Form::Doubling | Form::Fraction),
    }
}

/// Where `每` stands in a paragraph (a frequency: `一次` after it is a count).
struct PerCue(super::marks::CueIndex);

/// A candidate: a number, its unit, the qualifier between them (`多`, `余`).
#[derive(Clone, Copy)]
struct Found<'a> {
    number: Number,
    unit: Option<Unit<'a>>,
    /// Byte offset after the unit (and a trailing limiting word, if any).
    end: usize,
    /// Byte offset just after the unit.
    unit_end: usize,
    qualifier: Option<Comparator>,
    trailing: Option<Comparator>,
    rank: bool,
}

fn find_numbers<'a>(marks: &Marks<'a>, per: &PerCue) -> Vec<Found<'a>> {
    let text = marks.text();
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
        let rank = is_rank(text, &n, unit.as_ref());
        if rank || !is_not_a_quantity(marks, per, &n, unit.as_ref()) {
            out.push(Found {
                number: n,
                unit,
                end,
                unit_end,
                qualifier,
                trailing,
                rank,
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

/// The start of the window before `at`: [`LOOK_BACK`] bytes, on a character boundary.
pub fn window_start(text: &str, at: usize) -> usize {
    let mut from = at.saturating_sub(LOOK_BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// The comparator verb or limiting word that ends `before` (the text right before the
/// number), and where it starts. A limiting word may stand before a short verb
/// (`至少推动5至10所`).
fn comparator_before(before: &str) -> Option<(Comparator, usize)> {
    let direct = Comparator::ALL
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
            // The verb ends the text, possibly followed by 到/至 (`达到`, `增长到`), or a
            // per unit (`达到每周15班`).
            let per = before
                .char_indices()
                .rev()
                .nth(1)
                .filter(|&(i, c)| {
                    c == '每' && before[i + c.len_utf8()..].starts_with(phrase::PER_UNITS)
                })
                .map_or(before, |(i, _)| &before[..i]);
            [before, before.trim_end_matches(['到', '至']), per]
                .into_iter()
                .find(|b| b.ends_with(c.word()))
                .map(|b| (c, b.len() - c.word().len()))
        })
        .max_by_key(|(c, _)| c.word().len());
    direct.or_else(|| {
        // `至少推动`: a limiting word, then a verb of one or two characters.
        let chars: Vec<(usize, char)> = before.char_indices().rev().take(2).collect();
        chars.iter().find_map(|&(i, _)| {
            let head = &before[..i];
            Comparator::ALL
                .into_iter()
                .filter(|c| c.is_limiting() && c.word().chars().count() >= 2)
                .find(|c| head.ends_with(c.word()))
                .map(|c| (c, head.len() - c.word().len()))
        })
    })
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

/// Words that, right after a number, start a verb phrase rather than name what is counted
/// (`371万人年达到2020年的…`).
fn verb_follows(after: &str) -> bool {
    [
        "提升", "上升", "增长", "下降", "降低", "达", "为", "占", "是",
    ]
    .iter()
    .any(|w| after.starts_with(w))
        || Comparator::ALL
            .into_iter()
            .any(|c| !c.is_limiting() && after.starts_with(c.word()))
}

/// The noun phrase after a count: up to a clause or sentence mark, the next number, or
/// [`NOUN_AFTER`] characters. Asides and lists inside it stay
/// (`中外联合实验室（研究中心）、海外研发机构`).
fn noun_after(text: &str, from: usize, next_number: usize) -> &str {
    let rest = &text[from..next_number.max(from)];
    let len: usize = rest
        .chars()
        .take_while(|&c| !super::marks::CLAUSE.contains(&c) && !super::marks::SENTENCE.contains(&c))
        .take(NOUN_AFTER)
        .map(char::len_utf8)
        .sum();
    let noun = &rest[..len];
    // A rank after the noun (`8个学科领域被引次数位列世界第2位`) is not part of it, nor the
    // list mark before the next number.
    noun.strip_suffix('第')
        .unwrap_or(noun)
        .trim_end_matches(['、', '和', '及'])
}

fn paragraph_metrics(p: &Paragraph, ctx: &Context<'_>, cues: &Cues, out: &mut Vec<Metric>) {
    let text = p.text.as_str();
    let marks = Marks::new(text);
    let per = PerCue(super::marks::CueIndex::new(text, &["每"]));
    let found = find_numbers(&marks, &per);
    if found.is_empty() {
        return;
    }
    let kind_cues = KindCues::new(text);
    let mut statements: Vec<Statement> = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        let prev_end = i.checked_sub(1).map_or(0, |j| found[j].end);
        let next_start = found.get(i + 1).map_or(text.len(), |g| {
            // The rank's `第` belongs to the rank.
            g.number.start
        });
        if let Some(s) = statement(&marks, &kind_cues, ctx, f, prev_end, next_start) {
            statements.push(s);
        }
    }
    sentence::read_together(&marks, &mut statements);
    for s in statements {
        let unit_text = s.unit.as_str();
        let normalized = units::canonical(unit_text).map(|(unit, factor)| Normalized {
            value: s.number.value * factor,
            value_max: s.number.value_max.map(|v| v * factor),
            unit,
        });
        for item in s.items {
            let indicator = phrase::tidy(&item.indicator);
            if indicator.is_empty() {
                continue;
            }
            let Some(quote) = text.get(item.quote.clone()) else {
                continue;
            };
            let theme = cues
                .score(&indicator)
                .ranked(0.35)
                .first()
                .copied()
                .or_else(|| ctx.themes.first().copied());
            let indicator_id = (s.kind != MetricKind::Other)
                .then(|| Taxonomy::builtin().classify(&indicator, unit_text))
                .flatten()
                .map(|x| x.id.to_owned());
            let scope = Scope {
                per: s.per.clone(),
                part_of: s.part_of.clone(),
            };
            out.push(Metric {
                id: String::new(),
                paragraph: p.id.clone(),
                quote: quote.to_owned(),
                indicator,
                value: s.number.value,
                value_max: s.number.value_max,
                unit: unit_text.to_owned(),
                year: s.year.map(|y| y as i32),
                comparator: s.comparator,
                kind: s.kind,
                theme,
                normalized: normalized.clone(),
                scope: (!scope.is_empty()).then_some(scope),
                indicator_id,
            });
        }
    }
}

/// One number read as a statement: its indicator(s), scope, comparator, year and kind.
fn statement(
    marks: &Marks<'_>,
    kind_cues: &KindCues,
    ctx: &Context<'_>,
    found: &Found<'_>,
    prev_end: usize,
    next_start: usize,
) -> Option<Statement> {
    let text = marks.text();
    let n = found.number;
    let sentence = marks.sentence(n.start);
    let clause = marks.clause_start(n.start).max(window_start(text, n.start));
    let mut before = &text[clause..n.start];
    // A rank: `…跃居全国第一位` is the rank of what precedes the verb, in `全国`.
    let mut rank_domain = None;
    if found.rank {
        let (subject, domain) = phrase::rank_subject(before);
        before = subject;
        rank_domain = Some(domain);
    }

    let verb = comparator_before(before);
    let unit_text = match n.form {
        Form::Doubling => "倍",
        _ if found.rank => "位",
        _ => found.unit.map_or("", |u| u.text),
    };
    let counts_things = found.unit.is_some_and(|u| {
        u.kind == Kind::Count
            || u.kind == Kind::Measure(crate::bundle::Canonical::Persons)
            || u.kind == Kind::Measure(crate::bundle::Canonical::PersonTrips)
    });

    let after = noun_after(text, found.end, next_start);
    let han_after = after
        .chars()
        .next()
        .is_some_and(crate::corpus::clean::is_han);
    let mut phrase = &before[..verb.map_or(before.len(), |(_, at)| at)];
    // `由2014年的371万人年达到2020年的480万人年`: both numbers measure what precedes `由`.
    if let Some(i) = phrase.match_indices('由').map(|(i, _)| i).find(|&i| {
        super::marks::years_in(&phrase[i + '由'.len_utf8()..])
            .first()
            .is_some_and(|&(o, _)| o == 0)
    }) {
        phrase = &phrase[..i];
    }
    // An earlier number in the phrase is a statement of its own (`货运量突破100万吨、客运量
    // 突破…`): this one's phrase starts after it, at the next list mark.
    let phrase_start = clause + (phrase.as_ptr() as usize - before.as_ptr() as usize);
    // A rank ranks the whole phrase (`…等8个学科领域被引次数位列世界第2位`).
    if !found.rank && prev_end > phrase_start && prev_end <= phrase_start + phrase.len() {
        let rest = &text[prev_end..phrase_start + phrase.len()];
        phrase = rest.find('、').map_or("", |i| &rest[i + '、'.len_utf8()..]);
    }
    // What the phrase names, with the verb that opens it (`新增进出口企业`: the quote keeps
    // the verb, the indicator does not — the comparator says it).
    let named = phrase::strip_trailing(phrase::strip_adverbs(phrase::strip_leading(phrase.trim())));
    let left = phrase::strip_verb(named);
    let noun_after = han_after
        && !verb_follows(after)
        && (counts_things || left.is_empty() || unit_text == "大");

    let items = if noun_after {
        let noun = phrase::strip_leading(after);
        let noun_start = found.end + (after.len() - noun.len());
        if found.rank {
            // `第一大贸易伙伴关系`: the rank of the subject before it among these.
            let among = noun.strip_suffix("关系").unwrap_or(noun);
            let subject = if left.is_empty() { "" } else { left };
            vec![Item {
                indicator: format!("{subject}{among}排名"),
                quote: offset(text, subject)
                    .filter(|_| !subject.is_empty())
                    .unwrap_or(n.start - '第'.len_utf8())
                    ..noun_start + noun.len(),
            }]
        } else {
            // `分别与“一带一路”沿线国家至少3所高校…`, `…等与沿线地区6对友好城市关系`: the
            // partner belongs to what is counted (not the `与` of `参与`).
            let partner = left
                .match_indices('与')
                .map(|(i, _)| i)
                .rfind(|&i| !left[..i].ends_with('参'))
                .map(|i| &left[i..]);
            // `培训百万名…人才`, `吸引万名…人才`: a short verb that is no comparator says what
            // is counted of the noun (trained, attracted).
            // Not a place (`在海外新建…`), nor the verb of a tally of the plan's own items
            // (`谋划三大战略走向`).
            let tally = unit_text == "大"
                || (n.form == Form::Chinese && n.value <= 10.0 && n.end > n.start);
            let verb = (left.chars().count() <= 3
                && left.chars().all(crate::corpus::clean::is_han)
                && !left.starts_with(['在', '于', '向', '对', '从'])
                && !tally
                && !left.is_empty())
            .then_some(left);
            let (indicator, start) = match partner.or(verb) {
                Some(p) => (format!("{p}{noun}"), offset(text, p).unwrap_or(n.start)),
                None => (noun.to_owned(), n.start),
            };
            vec![Item {
                indicator,
                quote: start..noun_start + noun.len(),
            }]
        }
    } else {
        phrase_items(text, phrase, named, left, found, n)
    };
    let items: Vec<Item> = match rank_domain {
        Some(domain) if !noun_after => items
            .into_iter()
            .map(|i| Item {
                indicator: if i.indicator.is_empty() {
                    String::new()
                } else {
                    phrase::ranked(&i.indicator, domain)
                },
                ..i
            })
            .collect(),
        _ => items,
    };

    let year_stated = marks.stated_year(0, n.start).or(ctx.section_year);
    // `每年`, `每周`: a per unit of time anywhere before it in its sentence; `每市`, `每所`
    // in its clause.
    let per_at = marks.last_per(sentence.start..n.start).and_then(|i| {
        let unit = text[i + '每'.len_utf8()..].chars().next()?;
        // A yearly quota anywhere in the sentence (`每年确定50个…，…`); other units in
        // the clause (`每周15班，货运量占…` is not per week).
        (phrase::PER_UNITS.contains(&unit) && (unit == '年' || i >= clause))
            .then(|| (i, unit.to_string()))
    });
    let per = per_at.as_ref().map(|(_, unit)| unit.clone());
    let yearly = per.as_deref() == Some("年");
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
    // The quote holds every word the value is shown with, so that a reader finds them in
    // it: its comparator before the number in its clause (`举办10至15个`, `至少推动5至10所`,
    // `建成…、1200个…`) or after its unit (`100项以上`), and a per unit in its clause
    // (`每市`). Items that name what follows the number started their quote at the number.
    let before_start = before.as_ptr() as usize - text.as_ptr() as usize;
    let comparator_at = comparator
        .filter(|_| found.trailing.is_none() && found.qualifier.is_none() && doubling.is_none())
        .and_then(|c| {
            verb.filter(|&(v, _)| v == c)
                .map(|(_, at)| at)
                .or_else(|| before.rfind(c.word()))
        });
    let from = [
        comparator_at.map(|at| before_start + at),
        per_at.as_ref().map(|&(i, _)| i).filter(|&i| i >= clause),
    ]
    .into_iter()
    .flatten()
    .min();
    let to = (found.trailing.is_some() && comparator == found.trailing).then_some(found.end);
    let items: Vec<Item> = items
        .into_iter()
        .map(|mut item| {
            if let Some(from) = from {
                item.quote.start = item.quote.start.min(from);
            }
            if let Some(to) = to {
                item.quote.end = item.quote.end.max(to);
            }
            item
        })
        .collect();

    let rank_unit = Unit {
        text: "位",
        magnitude: 1.0,
        kind: Kind::Count,
    };
    let unit_for_kind = if found.rank {
        Some(&rank_unit)
    } else {
        found.unit.as_ref()
    };
    let headings = ctx.headings.as_slice();
    let facts = Facts {
        published: ctx.published,
        rules: ctx.rules,
        headings,
        text,
        sentence: sentence.clone(),
        year: year_stated,
        noun_after,
    };
    let kind = kind::kind_of(&facts, kind_cues, &n, unit_for_kind);
    let year = match kind {
        _ if yearly => None,
        MetricKind::Target => year_stated.or(ctx.horizon),
        // A baseline is dated by its own sentence, and not by a year that dates another
        // event in it (`2014年…合作，…目前…达到每周15班`).
        MetricKind::Baseline => {
            let own = marks.stated_year(sentence.start, n.start);
            let now = ["目前", "现已", "现有"].iter().any(|w| {
                text[sentence.start.max(window_start(text, n.start))..n.start].contains(w)
            });
            own.filter(|_| !now)
        }
        MetricKind::Other => None,
    };
    Some(Statement {
        number: n,
        unit: unit_text.to_owned(),
        end: found.end,
        unit_end: found.unit_end.max(n.end),
        sentence,
        clause,
        comparator,
        kind,
        year,
        items,
        per,
        part_of: None,
        rank: rank_domain,
        noun_after,
    })
}

/// Where `part`, a slice of `text`, starts in it.
fn offset(text: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (start + part.len() <= text.len()).then_some(start)
}

/// The items the phrase before a number names: one per list item when each is meant (a
/// doubling, `均`, `各`), else the whole phrase.
fn phrase_items(
    text: &str,
    phrase: &str,
    named: &str,
    left: &str,
    found: &Found<'_>,
    n: Number,
) -> Vec<Item> {
    let quote_end = found.unit_end.max(n.end);
    let tail = phrase.trim_end();
    let each = n.form == Form::Doubling || tail.ends_with(['均', '各']) || tail.contains("均比");
    if left.is_empty() {
        return Vec::new();
    }
    let start = offset(text, named).unwrap_or(n.start);
    if each && left.contains('、') {
        let items = phrase::list_items(left, false);
        // A long list is not a list of indicators (and reading it item by item would cost
        // its length for each).
        if (2..=12).contains(&items.len()) && items.iter().all(|i| i.chars().count() <= 16) {
            let modifier = phrase::shared_modifier(&items[0]).map(str::to_owned);
            let mut offset_in = 0;
            let mut out = Vec::with_capacity(items.len());
            for (k, (item, raw)) in items.iter().zip(left.split('、')).enumerate() {
                let indicator = match &modifier {
                    Some(m) if k > 0 && !item.contains("相关") && !item.contains('的') => {
                        format!("{m}{item}")
                    }
                    _ => item.clone(),
                };
                out.push(Item {
                    indicator,
                    quote: start + offset_in..quote_end,
                });
                offset_in += raw.len() + '、'.len_utf8();
            }
            return out;
        }
    }
    // The whole list counted together (`培训沿线国家科研及管理人员、我市国际化人才500人次`),
    // unless it is a list of long items of which the last holds the number
    // (`…认证中心、众天蜂蜜5000吨蜂产品综合生产车间`).
    let parts = left.split('、').count();
    if parts > 6 || left.split('、').any(|p| p.chars().count() > 24) {
        let last = left
            .rfind('、')
            .map_or(left, |i| &left[i + '、'.len_utf8()..]);
        let last = phrase::strip_verb(phrase::strip_leading(last));
        return vec![Item {
            indicator: last.to_owned(),
            quote: offset(text, last).unwrap_or(n.start)..quote_end,
        }];
    }
    vec![Item {
        indicator: left.to_owned(),
        quote: start..quote_end,
    }]
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
        assert!(in_short_quote(&Marks::new(t), t.find('一').unwrap()));
        let t = "铜产业物流中心“三个基地、一个中心”建设";
        assert!(!in_short_quote(&Marks::new(t), t.find('三').unwrap()));
    }
}
