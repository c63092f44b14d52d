//! Invariants that must hold for any input, checked against generated ones:
//! the builder never panics (it returns a bundle or a typed error), a bundle it returns
//! always validates, and cleaning only ever removes whitespace.

mod common;

use policy_compare::corpus::{blocks, clean, lines, numbering};
use proptest::prelude::*;

fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Text in the corpus's alphabet: Chinese, digits, Latin, the punctuation and labels the
/// parser looks at, spaces and line breaks in the places the PDF puts them.
fn corpus_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("一、".to_owned()),
        Just("（五）".to_owned()),
        Just("(二)".to_owned()),
        Just("1．".to_owned()),
        Just("3. ".to_owned()),
        Just("第十二条 ".to_owned()),
        Just("第三章  总  则".to_owned()),
        Just("发布时间：2016-10-9".to_owned()),
        Just("发布时间：2016-13-40".to_owned()),
        Just("来源：江西省发改委网站".to_owned()),
        Just("文件名称：赣府发〔2015〕26 号".to_owned()),
        Just("江西省实施方案".to_owned()),
        Just("附件：".to_owned()),
        Just("序号".to_owned()),
        Just("调整情况".to_owned()),
        Just("暂时停止实施".to_owned()),
        Just("重点项目 建设内容 工作目标".to_owned()),
        Just("2017年 5月 2日".to_owned()),
        Just("科技信息参考一带一路增刊".to_owned()),
        Just("目 录".to_owned()),
        Just("http://x.cn".to_owned()),
        "[一二三十年月日省市加密通道建设。；：，、“”（）Program of 0-9]{0,12}",
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just(" \n\n".to_owned()),
        Just("\n ".to_owned()),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_builder_never_panics_and_its_bundles_validate(text in corpus_like()) {
        if let Ok(bundle) = policy_compare::build_bundle(&text, "data/x.txt") {
            let json = bundle.to_json();
            prop_assert!(policy_compare::Bundle::from_json(&json).is_ok());
        }
    }

    #[test]
    fn cleaning_only_removes_whitespace(text in "\\PC{0,40}") {
        prop_assert_eq!(compact(&clean::normalize(&text)), compact(&text));
        prop_assert_eq!(compact(&clean::normalize_title(&text)), compact(&text));
        let once = clean::normalize(&text);
        prop_assert_eq!(clean::normalize(&once), once.clone());
    }

    #[test]
    fn joining_paragraphs_keeps_every_character_in_order(text in corpus_like()) {
        let lines = lines::split(&text);
        let blocks = blocks::paragraphs(&lines);
        let from_lines: String = lines.iter().map(|l| compact(l.text)).collect();
        let from_blocks: String = blocks.iter().map(|b| compact(&b.text)).collect();
        prop_assert_eq!(from_lines, from_blocks);
    }

    #[test]
    fn ordinals_split_text_without_losing_any(text in "\\PC{0,20}") {
        if let Some(o) = numbering::ordinal(&text) {
            prop_assert!(text.starts_with(o.number));
            prop_assert_eq!(compact(&format!("{}{}", o.number, o.rest)), compact(&text));
        }
    }
}

proptest! {
    // Each case parses the whole corpus: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The real corpus with lines dropped, repeated or swapped: still a bundle or a typed
    /// error, never a panic.
    #[test]
    fn a_damaged_corpus_never_panics(cuts in proptest::collection::vec((0usize..10_000, 0u8..3), 1..20)) {
        let mut lines: Vec<&str> = common::CORPUS.split('\n').collect();
        for (at, how) in cuts {
            let at = at % lines.len();
            match how {
                0 => { lines.remove(at); }
                1 => { let l = lines[at]; lines.insert(at, l); }
                _ => { let j = (at + 7) % lines.len(); lines.swap(at, j); }
            }
        }
        let text = lines.join("\n");
        if let Ok(bundle) = policy_compare::build_bundle(&text, "data/x.txt") {
            prop_assert!(bundle.validate().is_ok());
        }
    }
}

/// A target row for the sort: a measure (unit word) and a value, or an empty side.
fn sortable_rows() -> impl Strategy<Value = Vec<(Option<(&'static str, f64)>, usize)>> {
    let unit = prop_oneof![
        Just("个"),
        Just("倍"),
        Just("条"),
        Just("万吨"),
        Just("亿美元")
    ];
    let cell = proptest::option::weighted(0.85, (unit, -1e6f64..1e6));
    proptest::collection::vec(cell, 0..40)
        .prop_map(|cells| cells.into_iter().enumerate().map(|(i, c)| (c, i)).collect())
}

proptest! {
    /// Sorting a target table never orders values of different units against each other:
    /// each unit's rows stay in the places that unit held (rows without a value last), in
    /// order within the unit; so changing one unit's values never moves another's rows.
    #[test]
    fn sorting_never_orders_values_of_different_units_against_each_other(
        rows in sortable_rows(),
        descending in any::<bool>(),
        shift in -1e6f64..1e6,
    ) {
        use policy_compare::view::target_sort::sort_within_measures;
        let key = |r: &(Option<(&'static str, f64)>, usize)| r.0;
        let mut sorted = rows.clone();
        sort_within_measures(&mut sorted, key, descending);
        let valued: Vec<_> = rows.iter().filter(|r| r.0.is_some()).collect();
        // The units, place by place, are those of the input; empty rows follow.
        let units = |v: &[(Option<(&'static str, f64)>, usize)]| -> Vec<Option<&'static str>> {
            v.iter().map(|r| r.0.map(|c| c.0)).collect()
        };
        let mut expected_units: Vec<Option<&'static str>> = valued.iter().map(|r| r.0.map(|c| c.0)).collect();
        expected_units.extend(rows.iter().filter(|r| r.0.is_none()).map(|_| None));
        prop_assert_eq!(units(&sorted), expected_units);
        // Within a unit, in order.
        for u in ["个", "倍", "条", "万吨", "亿美元"] {
            let values: Vec<f64> = sorted.iter().filter_map(|r| r.0).filter(|c| c.0 == u).map(|c| c.1).collect();
            let ordered = values.windows(2).all(|w| if descending { w[0] >= w[1] } else { w[0] <= w[1] });
            prop_assert!(ordered, "{u}: {values:?}");
        }
        // Another unit's values moved: the 个 rows keep exactly their places.
        let mut moved = rows.clone();
        for r in &mut moved {
            if let Some((u, v)) = &mut r.0 && *u != "个" {
                *v += shift;
            }
        }
        sort_within_measures(&mut moved, key, descending);
        let places = |v: &[(Option<(&'static str, f64)>, usize)]| -> Vec<(usize, usize)> {
            v.iter().enumerate().filter(|(_, r)| r.0.is_some_and(|c| c.0 == "个")).map(|(i, r)| (i, r.1)).collect()
        };
        prop_assert_eq!(places(&sorted), places(&moved));
    }
}

/// Found by the builder's fuzz target: a run of seventy digits read as a number the bundle
/// reader refuses (beyond ±10¹⁵), so the builder wrote a bundle it could not read back.
#[test]
fn a_number_no_plan_states_is_not_written() {
    // The fuzz input's first byte chose no document head in front.
    let seed = &include_str!("../fuzz/seeds/builder/long-number-round-trip.txt")[1..];
    let bundle = policy_compare::build_bundle(seed, "fuzz.txt").expect("a bundle");
    policy_compare::Bundle::from_json(&bundle.to_json()).expect("read back");
}
