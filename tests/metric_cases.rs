//! The cases of issue 9 ("Targets an analyst can quote"), each a named test on the corpus:
//! scope and wording kept, rules of decisions not called targets, rankings and service
//! levels read as baselines, totals never set against components.

mod common;

use policy_compare::bundle::{Metric, MetricKind};

/// The metric of document `doc` whose quote contains `quote` and whose value is `value`.
fn metric(doc: &str, quote: &str, value: f64) -> &'static Metric {
    let d = common::document(doc);
    let found: Vec<&Metric> = d
        .metrics
        .iter()
        .filter(|m| m.quote.contains(quote) && (m.value - value).abs() < 1e-9)
        .collect();
    match found.as_slice() {
        [one] => one,
        _ => panic!(
            "{doc}: {} metrics with «{quote}» and value {value}: {:#?}",
            found.len(),
            found
        ),
    }
}

fn per(m: &Metric) -> Option<&str> {
    m.scope.as_ref().and_then(|s| s.per.as_deref())
}

fn part_of(m: &Metric) -> Option<&str> {
    m.scope.as_ref().and_then(|s| s.part_of.as_deref())
}

#[test]
fn hebei_counts_schools_per_city_not_for_the_province() {
    let m = metric("hebei-2016-10-19", "5至10所中小学", 5.0);
    assert_eq!((m.value_max, m.unit.as_str()), (Some(10.0), "所"));
    assert_eq!(per(m), Some("市"));
    assert!(
        m.indicator.starts_with("中小学、中等职业学校"),
        "{}",
        m.indicator
    );
    assert_eq!(m.kind, MetricKind::Target);
}

#[test]
fn hebei_universities_each_partner_with_their_own_number() {
    // `省属骨干本科院校分别与…至少3所高校…`: three per-university quotas, not 3, 2 and 1
    // universities of the province.
    for (value, group) in [
        (3.0, "省属骨干本科院校"),
        (2.0, "其它本科院校和国家示范性及骨干高职院校"),
        (1.0, "其它高职院校"),
    ] {
        let m = metric("hebei-2016-10-19", &format!("至少{value}所"), value);
        assert_eq!(per(m), Some(group), "{}", m.quote);
        assert!(
            m.indicator.starts_with("与“一带一路”沿线国家高校"),
            "{}",
            m.indicator
        );
        assert_eq!(m.indicator_id.as_deref(), Some("university_partnerships"));
    }
}

#[test]
fn henan_international_passengers_are_part_of_the_total() {
    let total = metric("henan-2017-09-28", "客运量突破3000万人次", 3000.0);
    let part = metric("henan-2017-09-28", "客运量突破300万人次", 300.0);
    assert_eq!(total.indicator, "郑州机场客运量");
    assert_eq!(part.indicator, "国际地区客运量");
    assert_eq!(part_of(part), Some("郑州机场客运量"));
    assert_eq!(part_of(total), None);
    assert_ne!(total.indicator_id, part.indicator_id);
    let cargo = metric("henan-2017-09-28", "国际地区货运量突破60万吨", 60.0);
    assert_eq!(part_of(cargo), Some("郑州机场货运量"));
}

#[test]
fn chengdu_yearly_quotas_keep_their_year() {
    for (quote, value) in [
        ("50个重大项目", 50.0),
        ("100户进行重点孵化培育", 100.0),
        ("促进活动100次", 100.0),
    ] {
        let m = metric("chengdu-2016-10-19", quote, value);
        assert_eq!(per(m), Some("年"), "{quote}");
        assert_eq!(
            m.year, None,
            "{quote}: a yearly quota has no year of its own"
        );
        assert_eq!(m.kind, MetricKind::Target);
    }
}

#[test]
fn indicators_keep_their_whole_phrase() {
    for (doc, quote, value, indicator) in [
        (
            "tianjin-2017-12-22",
            "国际化人才500人次",
            500.0,
            "培训沿线国家科研及管理人员、我市国际化人才",
        ),
        (
            "chengdu-2016-10-19",
            "企业达到1000家",
            1000.0,
            "在海外建立分支（子）机构、研发基地、原材料供应基地、营销服务网络、项目开发运营机构的企业",
        ),
        (
            "national-2017-04-13",
            "百万名高层次",
            100.0,
            "培训高层次、急需紧缺和骨干专业技术人才",
        ),
        (
            "chengdu-2016-10-19",
            "本土跨国企业集团10家",
            10.0,
            "在本行业、领域国际竞争力强、市场影响力大、品牌知名度高的本土跨国企业集团",
        ),
        (
            "hunan-2017-12-21",
            "主要指标年均增长10%",
            10.0,
            "对外投资和对外承包工程主要指标年均增长",
        ),
    ] {
        assert_eq!(metric(doc, quote, value).indicator, indicator, "{quote}");
    }
}

#[test]
fn a_decision_suspending_a_localisation_rate_sets_no_target() {
    let m = metric("national-2018-01-10", "平均国产化率要确保不低于70%", 70.0);
    assert_eq!(m.kind, MetricKind::Other);
    let doc = common::document("national-2018-01-10");
    assert!(doc.metrics.iter().all(|m| m.kind == MetricKind::Other));
}

#[test]
fn a_procedural_ratio_is_not_a_target() {
    let m = metric("national-2017-06-22", "择优遴选出3-4倍", 3.0);
    assert_eq!(m.kind, MetricKind::Other);
}

#[test]
fn rankings_are_read_with_unit_位() {
    // Henan: `客、货运行业全国排名分别由2012年的第18位和第15位，上升至2016年的第15位和第7位`.
    let doc = common::document("henan-2017-09-28");
    let ranks: Vec<(&str, f64, Option<i32>)> = doc
        .metrics
        .iter()
        .filter(|m| m.unit == "位")
        .map(|m| (m.indicator.as_str(), m.value, m.year))
        .collect();
    assert_eq!(
        ranks,
        [
            ("郑州新郑国际机场客运行业全国排名", 18.0, Some(2012)),
            ("郑州新郑国际机场货运行业全国排名", 15.0, Some(2012)),
            ("郑州新郑国际机场客运行业全国排名", 15.0, Some(2016)),
            ("郑州新郑国际机场货运行业全国排名", 7.0, Some(2016)),
            ("郑州新郑综合保税区进出口额全国排名", 1.0, None),
        ]
    );
    assert!(
        doc.metrics
            .iter()
            .filter(|m| m.unit == "位")
            .all(|m| m.kind == MetricKind::Baseline)
    );
}

#[test]
fn service_levels_are_read_per_week() {
    let doc = "henan-2017-09-28";
    for (quote, value, indicator) in [
        ("去程八班", 8.0, "中欧班列（郑州）去程"),
        ("回程六班", 6.0, "中欧班列（郑州）回程"),
        ("每周15班", 15.0, "卢森堡货航航班量"),
    ] {
        let m = metric(doc, quote, value);
        assert_eq!(
            (m.indicator.as_str(), m.unit.as_str(), per(m), m.kind),
            (indicator, "班", Some("周"), MetricKind::Baseline),
            "{quote}"
        );
    }
    // The clause after the weekly flights is not per week.
    let share = metric(doc, "四分之一", 0.25);
    assert_eq!(per(share), None);
    assert_eq!(share.indicator, "卢森堡货航货运量占郑州机场货运量");
}

#[test]
fn every_ranking_and_service_level_of_the_henan_and_jiangxi_plans_is_a_baseline() {
    // Found by reading both plans (`第…位`, `第一大`, `每周…班`, a capacity a year): all of
    // them, nothing else.
    let expected: &[(&str, &str, f64)] = &[
        ("henan-2017-09-28", "郑州新郑国际机场客运行业全国排名", 18.0),
        ("henan-2017-09-28", "郑州新郑国际机场货运行业全国排名", 15.0),
        ("henan-2017-09-28", "郑州新郑国际机场客运行业全国排名", 15.0),
        ("henan-2017-09-28", "郑州新郑国际机场货运行业全国排名", 7.0),
        (
            "henan-2017-09-28",
            "郑州新郑综合保税区进出口额全国排名",
            1.0,
        ),
        ("henan-2017-09-28", "郑州机场二期工程客运年吞吐能力", 4000.0),
        ("henan-2017-09-28", "郑州机场二期工程货运年吞吐能力", 70.0),
        ("henan-2017-09-28", "中欧班列（郑州）去程", 8.0),
        ("henan-2017-09-28", "中欧班列（郑州）回程", 6.0),
        ("henan-2017-09-28", "卢森堡货航航班量", 15.0),
        ("jiangxi-2016-10-09", "东盟与我省贸易伙伴排名", 1.0),
    ];
    let found: Vec<(&str, &str, f64)> =
        ["henan-2017-09-28", "henan-2016-10-09", "jiangxi-2016-10-09"]
            .iter()
            .flat_map(|id| {
                common::document(id)
                    .metrics
                    .iter()
                    .filter(|m| {
                        m.unit == "位"
                            || m.scope
                                .as_ref()
                                .is_some_and(|s| s.per.as_deref() == Some("周"))
                            || m.indicator.contains("吞吐能力")
                    })
                    .map(move |m| {
                        assert_eq!(m.kind, MetricKind::Baseline, "{id}: {}", m.quote);
                        (*id, m.indicator.as_str(), m.value)
                    })
            })
            .collect();
    assert_eq!(found, expected);
}

#[test]
fn jiangxi_ranks_asean_first_among_its_trading_partners() {
    let m = metric("jiangxi-2016-10-09", "第一大贸易伙伴", 1.0);
    assert_eq!(
        (m.indicator.as_str(), m.unit.as_str(), m.kind),
        ("东盟与我省贸易伙伴排名", "位", MetricKind::Baseline)
    );
}

#[test]
fn every_target_and_baseline_has_a_canonical_indicator() {
    let taxonomy = policy_compare::metrics::indicators::Taxonomy::builtin();
    let mut used = std::collections::HashSet::new();
    for doc in &common::bundle().documents {
        for m in doc.metrics.iter().filter(|m| m.kind != MetricKind::Other) {
            let id = m.indicator_id.as_deref().unwrap_or_else(|| {
                panic!(
                    "{} {}: no canonical indicator for «{}»",
                    doc.id, m.id, m.indicator
                )
            });
            assert!(taxonomy.get(id).is_some(), "{id}");
            used.insert(id);
        }
        for m in doc.metrics.iter().filter(|m| m.kind == MetricKind::Other) {
            assert_eq!(m.indicator_id, None, "{} {}", doc.id, m.id);
        }
    }
    // Every row of the taxonomy names something the corpus states.
    let unused: Vec<&str> = taxonomy
        .all()
        .iter()
        .map(|x| x.id)
        .filter(|id| !used.contains(id))
        .collect();
    assert!(unused.is_empty(), "rows no statement uses: {unused:?}");
}

#[test]
fn chengdus_combined_total_never_stands_against_a_jiangxi_component() {
    let comparer = policy_compare::Comparer::new(common::bundle());
    let table = comparer.targets("jiangxi", "chengdu", "all").unwrap();
    for row in table.groups.iter().flat_map(|g| &g.rows) {
        if let (Some(l), Some(r)) = (&row.left, &row.right) {
            panic!("{} ↔ {}", l.quote, r.quote);
        }
    }
}

/// A value is shown with its comparator (`至少`, `以上`, `举办`) and its per unit (`每市`):
/// the quote a reader checks it against holds them, whether they stand before the number,
/// after its unit, or before a list the number ends.
#[test]
fn every_quote_holds_the_words_its_value_is_shown_with() {
    let mut missing = Vec::new();
    for d in &common::bundle().documents {
        for m in &d.metrics {
            if let Some(c) = m.comparator
                && !m.quote.contains(c.word())
            {
                missing.push(format!("{} «{}»: {}", d.id, m.quote, c.word()));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
    let hundred = metric("tianjin-2017-12-22", "重点项目100项", 100.0);
    assert!(hundred.quote.ends_with("100项以上"), "{}", hundred.quote);
    let courses = metric("hebei-2016-10-19", "中外合作办学项目", 10.0);
    assert!(
        courses.quote.starts_with("举办10至15个"),
        "{}",
        courses.quote
    );
    let schools = metric("hebei-2016-10-19", "5至10所中小学", 5.0);
    assert!(
        schools.quote.starts_with("每市至少推动5至10所"),
        "{}",
        schools.quote
    );
    let quotas = metric("chengdu-2016-10-19", "确定50个重大项目", 50.0);
    assert!(quotas.quote.starts_with("每年确定50个"), "{}", quotas.quote);
}
