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
    doc: String,
    quote: String,
    value: f64,
    value_max: Option<f64>,
    unit: String,
    year: Option<i32>,
    kind: MetricKind,
    #[serde(default)]
    optional: bool,
}

fn rows() -> Vec<Row> {
    include_str!("fixtures/jiangxi-metrics.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("example row"))
        .collect()
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

fn jiangxi() -> &'static policy_compare::bundle::Document {
    common::bundle()
        .documents
        .iter()
        .find(|d| d.region == "jiangxi")
        .expect("the Jiangxi plan")
}

#[test]
fn jiangxi_targets_and_baselines_match_the_worked_example() {
    let rows = rows();
    let ours = &jiangxi().metrics;

    let (mut wanted, mut right) = (0, 0);
    for row in rows
        .iter()
        .filter(|r| r.doc == "jiangxi" && r.kind != MetricKind::Other)
    {
        let hit = ours.iter().find(|m| same_statement(m, row));
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
                "  {}missed: {} ({:?} {} {} {:?}) — ours: {:?}",
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
    let recall = 100.0 * right as f64 / wanted as f64;

    let targets: Vec<&Metric> = ours
        .iter()
        .filter(|m| m.kind == MetricKind::Target)
        .collect();
    let true_targets = targets
        .iter()
        .filter(|m| {
            rows.iter()
                .any(|r| r.kind == MetricKind::Target && same_statement(m, r))
        })
        .count();
    for m in &targets {
        if !rows
            .iter()
            .any(|r| r.kind == MetricKind::Target && same_statement(m, r))
        {
            println!("  called a target, is not: {}", m.quote);
        }
    }
    let precision = 100.0 * true_targets as f64 / targets.len() as f64;
    println!(
        "targets and baselines: {right}/{wanted} right with value, unit and year ({recall:.1}%); our targets that are targets: {true_targets}/{} ({precision:.1}%)",
        targets.len()
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
