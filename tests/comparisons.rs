//! Snapshots of real comparisons, chosen so a reviewer can judge the quality:
//! Shaanxi vs Xi'an (two 2016 action plans from one province), Jiangxi vs Guangdong (two
//! implementation plans answering the same national template), Henan vs Gansu. Changed
//! text is in `[brackets]`, text reuse in `<angles>`; `cargo insta review` shows changes.

mod common;

use policy_compare::compare::{Comparer, text::to_text};

fn snapshot(left: &str, right: &str, theme: &str) -> String {
    let comparer = Comparer::new(common::bundle());
    to_text(&comparer.compare(left, right, theme).unwrap())
}

#[test]
fn shaanxi_vs_xian() {
    insta::assert_snapshot!(snapshot("shaanxi", "xian", "all"));
}

#[test]
fn jiangxi_vs_guangdong() {
    insta::assert_snapshot!(snapshot("jiangxi", "guangdong", "all"));
}

#[test]
fn henan_vs_gansu() {
    insta::assert_snapshot!(snapshot("henan", "gansu", "all"));
}

#[test]
fn jiangxi_vs_fujian_on_connectivity() {
    insta::assert_snapshot!(snapshot("jiangxi", "fujian", "connectivity"));
}

#[test]
fn a_pair_names_its_passages_with_their_document_where_a_side_draws_on_several() {
    let pairs = |left: &str, right: &str| -> Vec<String> {
        snapshot(left, right, "all")
            .lines()
            .filter(|l| l.starts_with("  ~ "))
            .map(str::to_owned)
            .collect()
    };
    // The national documents all begin at `p1`: a bare id would not say which.
    let national = pairs("shaanxi", "national");
    assert!(
        national.iter().any(|l| l.contains("⇄ national-2017-04-28/p")
            || l.contains("⇄ national-2017-04-28/s")),
        "{national:#?}"
    );
    // One document a side: the paragraph id says it all.
    let one = pairs("shaanxi", "xian");
    assert!(!one.is_empty());
    assert!(one.iter().all(|l| !l.contains('/')), "{one:#?}");
}
