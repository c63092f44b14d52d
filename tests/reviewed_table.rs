//! Every target and baseline of the bundle against the reviewed table
//! (`tests/fixtures/reviewed-targets-baselines.csv`): each row was checked by reading its
//! quote — kind, indicator with its scope, value, unit and year — and marked `right` or
//! `wrong` with a note. The bundle must hold exactly the reviewed statements with exactly
//! the reviewed fields (a change to the extraction that changes any of them fails here
//! until the table is reviewed again), and at least 97 % of them must be right.
//!
//! Also the side-by-side rows with both sides filled over every region pair, against the
//! reviewed list `tests/fixtures/cross-region-rows.csv` (each pair the same indicator and
//! scope).
//!
//! `cargo test --test reviewed_table -- --nocapture` prints the figures.

mod common;

use std::collections::HashMap;

use policy_compare::bundle::MetricKind;

/// A CSV line split into fields (RFC 4180 quoting; the fixtures have no line breaks in
/// fields).
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// The lines of a CSV fixture as maps from column to value.
fn table(text: &str) -> Vec<HashMap<String, String>> {
    let mut lines = text.lines();
    let header = fields(lines.next().expect("a header"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| header.iter().cloned().zip(fields(l)).collect())
        .collect()
}

fn number(v: f64) -> String {
    policy_compare::metrics::csv::number(v)
}

#[test]
fn targets_and_baselines_are_the_reviewed_ones_and_97_percent_right() {
    let reviewed = table(include_str!("fixtures/reviewed-targets-baselines.csv"));
    let mut by_key: HashMap<(String, String, String), &HashMap<String, String>> = HashMap::new();
    for r in &reviewed {
        let key = (
            r["document"].clone(),
            r["quote"].clone(),
            r["value"].clone(),
        );
        assert!(
            by_key.insert(key.clone(), r).is_none(),
            "reviewed twice: {key:?}"
        );
    }
    let mut seen = 0;
    let mut stale = Vec::new();
    for doc in &common::bundle().documents {
        for m in doc.metrics.iter().filter(|m| m.kind != MetricKind::Other) {
            let key = (doc.id.clone(), m.quote.clone(), number(m.value));
            let Some(r) = by_key.get(&key) else {
                stale.push(format!(
                    "not reviewed: {} «{}» {}",
                    doc.id, m.quote, m.value
                ));
                continue;
            };
            seen += 1;
            let scope = m.scope.clone().unwrap_or_default();
            let ours = [
                ("kind", m.kind.id().to_owned()),
                ("indicator", m.indicator.clone()),
                ("indicator_id", m.indicator_id.clone().unwrap_or_default()),
                ("per", scope.per.unwrap_or_default()),
                ("part_of", scope.part_of.unwrap_or_default()),
                ("value_max", m.value_max.map(number).unwrap_or_default()),
                ("unit", m.unit.clone()),
                ("year", m.year.map(|y| y.to_string()).unwrap_or_default()),
            ];
            for (field, value) in ours {
                if r[field] != value {
                    stale.push(format!(
                        "{} «{}»: {field} is {value:?}, reviewed {:?}",
                        doc.id, m.quote, r[field]
                    ));
                }
            }
        }
    }
    if seen != reviewed.len() {
        stale.push(format!(
            "{} reviewed statements are no longer in the bundle",
            reviewed.len() - seen
        ));
    }
    assert!(
        stale.is_empty(),
        "the bundle differs from the reviewed table; review the change and update \
         tests/fixtures/reviewed-targets-baselines.csv:\n{}",
        stale.join("\n")
    );
    let wrong: Vec<&&HashMap<String, String>> = by_key
        .values()
        .filter(|r| r["verdict"] != "right")
        .collect();
    for r in &wrong {
        assert_eq!(r["verdict"], "wrong");
        println!(
            "  not fully right: {} «{}»: {}",
            r["document"], r["quote"], r["note"]
        );
    }
    let right = reviewed.len() - wrong.len();
    let share = 100.0 * right as f64 / reviewed.len() as f64;
    println!(
        "targets and baselines fully right (kind, indicator with scope, value, unit, year): {right}/{} ({share:.1}%)",
        reviewed.len()
    );
    assert!(share >= 97.0, "{share:.1}%");
}

#[test]
fn cross_region_rows_are_the_reviewed_ones() {
    let reviewed = table(include_str!("fixtures/cross-region-rows.csv"));
    let comparer = policy_compare::Comparer::new(common::bundle());
    let regions: Vec<&str> = common::bundle()
        .regions
        .iter()
        .filter(|r| common::bundle().documents.iter().any(|d| d.region == r.id))
        .map(|r| r.id.as_str())
        .collect();
    let mut rows = Vec::new();
    let mut pairs = 0;
    for (i, a) in regions.iter().enumerate() {
        for b in &regions[i + 1..] {
            pairs += 1;
            let table = comparer.targets(a, b, "all").unwrap();
            for row in table.groups.iter().flat_map(|g| &g.rows) {
                if let (Some(l), Some(r)) = (&row.left, &row.right) {
                    assert_eq!(l.indicator_id, r.indicator_id);
                    assert_eq!(l.measure(), r.measure());
                    rows.push(vec![
                        a.to_string(),
                        b.to_string(),
                        l.indicator_id.clone().unwrap_or_default(),
                        l.quote.clone(),
                        l.year.map(|y| y.to_string()).unwrap_or_default(),
                        r.quote.clone(),
                        r.year.map(|y| y.to_string()).unwrap_or_default(),
                    ]);
                }
            }
        }
    }
    assert_eq!(pairs, 91);
    println!(
        "rows with both sides filled over {pairs} region pairs: {}",
        rows.len()
    );
    let expected: Vec<Vec<String>> = reviewed
        .iter()
        .map(|r| {
            [
                "left",
                "right",
                "indicator_id",
                "left_quote",
                "left_year",
                "right_quote",
                "right_year",
            ]
            .iter()
            .map(|c| r[*c].clone())
            .collect()
        })
        .collect();
    for r in &reviewed {
        assert_eq!(r["verdict"], "same indicator and scope", "{r:?}");
        println!(
            "  {}/{} {}: «{}» ({}) | «{}» ({})",
            r["left"],
            r["right"],
            r["indicator_id"],
            r["left_quote"],
            r["left_year"],
            r["right_quote"],
            r["right_year"]
        );
    }
    assert_eq!(rows, expected);
}
