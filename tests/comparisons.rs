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
