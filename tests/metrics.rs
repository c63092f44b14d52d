//! Metrics against the hand-labelled worked example (`tests/fixtures/jiangxi-metrics.jsonl`):
//! recall of its targets and baselines with value, unit and year all right (target ≥ 90%),
//! and the share of what we call targets in that document that are targets (≥ 90%).
//! Rows marked `optional` are reported, not required. Also: every quote is in its
//! paragraph, and the per-region counts.
//!
//! Run `cargo test --test metrics -- --nocapture` to see the figures.

mod common;

use policy_compare::bundle::{Metric, MetricKind};
use serde::Deserialize;

#[derive(Deserialize)]
struct Row {
    quote: String,
    value: f64,
    value_max: Option<f64>,
    unit: String,
    year: Option<i32>,
    kind: MetricKind,
    #[serde(default)]
    optional: bool,
}

/// Labelled documents: the worked example and the reviewed ones, by document id.
const LABELLED: &[(&str, &str)] = &[
    (
        "jiangxi-2016-10-09",
        include_str!("fixtures/jiangxi-metrics.jsonl"),
    ),
    (
        "chengdu-2016-10-19",
        include_str!("fixtures/reviewed-metrics/chengdu-2016-10-19.jsonl"),
    ),
    (
        "hebei-2016-10-19",
        include_str!("fixtures/reviewed-metrics/hebei-2016-10-19.jsonl"),
    ),
    (
        "henan-2017-09-28",
        include_str!("fixtures/reviewed-metrics/henan-2017-09-28.jsonl"),
    ),
    (
        "hunan-2017-12-21",
        include_str!("fixtures/reviewed-metrics/hunan-2017-12-21.jsonl"),
    ),
    (
        "national-2017-04-13",
        include_str!("fixtures/reviewed-metrics/national-2017-04-13.jsonl"),
    ),
    (
        "shaanxi-2016-06-16",
        include_str!("fixtures/reviewed-metrics/shaanxi-2016-06-16.jsonl"),
    ),
    (
        "tianjin-2017-12-22",
        include_str!("fixtures/reviewed-metrics/tianjin-2017-12-22.jsonl"),
    ),
];

fn rows(jsonl: &str) -> Vec<Row> {
    common::jsonl(jsonl)
}

/// Length in characters of the longest common substring.
fn common_run(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut best = 0;
    let mut prev = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        let mut cur = vec![0; b.len() + 1];
        for j in 1..=b.len() {
            if a[i - 1] == b[j - 1] {
                cur[j] = prev[j - 1] + 1;
                best = best.max(cur[j]);
            }
        }
        prev = cur;
    }
    best
}

/// Whether our metric is the example's statement (the quotes overlap on the number).
fn same_statement(ours: &Metric, row: &Row) -> bool {
    (ours.value - row.value).abs() < 1e-9
        && (ours.quote.contains(&row.quote)
            || row.quote.contains(&ours.quote)
            || common_run(&ours.quote, &row.quote) >= 4)
}

/// Recall of targets and baselines (value, range, unit, year and kind right) and the share
/// of our targets that are labelled targets, for one document: (right, wanted, true, ours).
fn measure(doc_id: &str, labels: &[Row]) -> (usize, usize, usize, usize) {
    let doc = common::document(doc_id);
    let ours = &doc.metrics;
    let (mut wanted, mut right) = (0, 0);
    // Each of our statements answers one label at most.
    let mut used = std::collections::HashSet::new();
    for row in labels.iter().filter(|r| r.kind != MetricKind::Other) {
        // The free statement that overlaps the label most (two may share a value).
        let hit = ours
            .iter()
            .filter(|m| !used.contains(&m.id) && same_statement(m, row))
            .max_by_key(|m| common_run(&m.quote, &row.quote));
        if let Some(m) = hit {
            used.insert(m.id.clone());
        }
        let exact = hit.is_some_and(|m| {
            m.kind == row.kind
                && m.value_max == row.value_max
                && m.unit == row.unit
                && m.year == row.year
        });
        if !row.optional {
            wanted += 1;
            right += usize::from(exact);
        }
        if !exact {
            println!(
                "  {doc_id} {}missed: {} ({:?} {} {} {:?}) — ours: {:?}",
                if row.optional { "(optional) " } else { "" },
                row.quote,
                row.kind,
                row.value,
                row.unit,
                row.year,
                hit.map(|m| (&m.quote, m.kind, m.value, &m.unit, m.year))
            );
        }
    }
    let targets: Vec<&Metric> = ours
        .iter()
        .filter(|m| m.kind == MetricKind::Target)
        .collect();
    let is_target = |m: &Metric| {
        labels
            .iter()
            .any(|r| r.kind == MetricKind::Target && same_statement(m, r))
    };
    for m in targets.iter().filter(|m| !is_target(m)) {
        println!("  {doc_id} called a target, is not: {}", m.quote);
    }
    let true_targets = targets.iter().filter(|m| is_target(m)).count();
    (right, wanted, true_targets, targets.len())
}

#[test]
fn jiangxi_targets_and_baselines_match_the_worked_example() {
    let (right, wanted, true_targets, targets) =
        measure("jiangxi-2016-10-09", &rows(LABELLED[0].1));
    let recall = 100.0 * right as f64 / wanted as f64;
    let precision = 100.0 * true_targets as f64 / targets as f64;
    println!(
        "Jiangxi (worked example): targets and baselines {right}/{wanted} right with value, unit and year ({recall:.1}%); our targets that are targets {true_targets}/{targets} ({precision:.1}%)"
    );
    assert!(recall >= 90.0, "recall {recall:.1}%");
    assert!(precision >= 90.0, "precision {precision:.1}%");
}

#[test]
fn reviewed_documents_meet_the_same_bar() {
    let (mut r, mut w, mut t, mut o) = (0, 0, 0, 0);
    for (doc_id, jsonl) in &LABELLED[1..] {
        let (right, wanted, true_targets, targets) = measure(doc_id, &rows(jsonl));
        println!("{doc_id}: {right}/{wanted} right; targets {true_targets}/{targets}");
        r += right;
        w += wanted;
        t += true_targets;
        o += targets;
    }
    let recall = 100.0 * r as f64 / w as f64;
    let precision = 100.0 * t as f64 / o as f64;
    println!(
        "seven reviewed documents: targets and baselines {r}/{w} right ({recall:.1}%); our targets that are targets {t}/{o} ({precision:.1}%)"
    );
    assert!(recall >= 90.0, "recall {recall:.1}%");
    assert!(precision >= 90.0, "precision {precision:.1}%");
}

#[test]
fn every_quote_is_in_its_paragraph() {
    let mut checked = 0;
    for doc in &common::bundle().documents {
        let paragraphs = doc.all_paragraphs();
        for m in &doc.metrics {
            let p = paragraphs
                .iter()
                .find(|p| p.id == m.paragraph)
                .unwrap_or_else(|| panic!("{} {}: no paragraph {}", doc.id, m.id, m.paragraph));
            assert!(
                p.text.contains(&m.quote),
                "{} {}: «{}» not in its paragraph",
                doc.id,
                m.id,
                m.quote
            );
            checked += 1;
        }
    }
    println!("{checked} quotes checked");
    assert!(checked > 0);
}

#[test]
fn counts_per_region() {
    let bundle = common::bundle();
    println!(
        "{:<10} {:>7} {:>9} {:>6}",
        "region", "targets", "baselines", "other"
    );
    let (mut t_all, mut b_all) = (0, 0);
    for region in &bundle.regions {
        let metrics: Vec<&Metric> = bundle
            .documents
            .iter()
            .filter(|d| d.region == region.id)
            .flat_map(|d| &d.metrics)
            .collect();
        let count = |k| metrics.iter().filter(|m| m.kind == k).count();
        let (t, b) = (count(MetricKind::Target), count(MetricKind::Baseline));
        t_all += t;
        b_all += b;
        println!(
            "{:<10} {t:>7} {b:>9} {:>6}",
            region.id,
            count(MetricKind::Other)
        );
    }
    println!("{:<10} {t_all:>7} {b_all:>9}", "all");
    assert!(t_all > 0 && b_all > 0);
}

#[test]
fn side_by_side_targets_use_each_target_once_in_compatible_units() {
    let comparer = policy_compare::Comparer::new(common::bundle());
    let ids: Vec<String> = common::bundle()
        .regions
        .iter()
        .map(|r| r.id.clone())
        .collect();
    for a in &ids {
        for b in &ids {
            let table = comparer.targets(a, b, "all").unwrap();
            let mut seen = std::collections::HashSet::new();
            for row in table.groups.iter().flat_map(|g| &g.rows) {
                for (side, t) in [("l", &row.left), ("r", &row.right)] {
                    if let Some(t) = t {
                        assert!(
                            seen.insert((side, t.document.clone(), t.metric.clone())),
                            "{a}/{b}: {} twice",
                            t.quote
                        );
                        assert_eq!(t.kind, MetricKind::Target);
                    }
                }
                if let (Some(l), Some(r)) = (&row.left, &row.right) {
                    let canon = |u: &str| policy_compare::metrics::units::canonical(u).map(|c| c.0);
                    assert!(
                        canon(&l.unit) == canon(&r.unit)
                            && (canon(&l.unit).is_some()
                                || l.unit.trim_start_matches(['万', '亿'])
                                    == r.unit.trim_start_matches(['万', '亿'])),
                        "{a}/{b}: {} ↔ {}",
                        l.quote,
                        r.quote
                    );
                }
            }
            let expected = |region: &str| {
                common::bundle()
                    .documents
                    .iter()
                    .filter(|d| d.region == region)
                    .flat_map(|d| &d.metrics)
                    .filter(|m| m.kind == MetricKind::Target)
                    .count()
            };
            let (l, r) = table
                .groups
                .iter()
                .flat_map(|g| &g.rows)
                .fold((0, 0), |(l, r), row| {
                    (
                        l + usize::from(row.left.is_some()),
                        r + usize::from(row.right.is_some()),
                    )
                });
            assert_eq!((l, r), (expected(a), expected(b)), "{a}/{b}");
        }
    }
}
