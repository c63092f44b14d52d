//! The extraction of metrics costs in proportion to its input: hostile paragraphs of n and
//! 2n repetitions (the builder reproducers of issue 14 among them) give at most about
//! twice the output — statements, and bytes of quotes and indicators. Quadratic rules
//! failed these: `打造` + `翻一番、`×400 gave 79,800 statements (each doubling made a row of
//! every earlier one), `每年` + `3%`×30,000 wrote 914 MB of quotes (each quote ran from the
//! first `3%`).
//!
//! Output, not wall time, is what is compared: a test of time would fail on a busy machine
//! and pass on a slow rule.

use policy_compare::bundle::Metric;

const HEAD: &str =
    "江西省参与“一带一路”建设实施方案 \n\n发布时间：2016-10-9 \n\n来源：江西省发改委网站 \n\n";

/// The metrics of a one-paragraph document made of `body`.
fn metrics(body: &str) -> Vec<Metric> {
    let corpus = format!("{HEAD}{body}。 \n");
    let bundle = policy_compare::build_bundle(&corpus, "hostile.txt").expect("builds");
    bundle
        .documents
        .into_iter()
        .flat_map(|d| d.metrics)
        .collect()
}

/// What the builder writes for those metrics: (statements, bytes of quotes and indicators).
fn output(body: &str) -> (usize, usize) {
    let m = metrics(body);
    let bytes = m.iter().map(|m| m.quote.len() + m.indicator.len()).sum();
    (m.len(), bytes)
}

/// `make(n)` at n and 2n writes at most about twice as much.
fn proportional(name: &str, n: usize, make: impl Fn(usize) -> String) -> (usize, usize) {
    let (small, large) = (output(&make(n)), output(&make(2 * n)));
    println!("{name}: n={n} → {small:?}, 2n → {large:?}");
    assert!(
        large.0 <= 2 * small.0 + 2,
        "{name}: {} statements at n, {} at 2n",
        small.0,
        large.0
    );
    assert!(
        large.1 as f64 <= 2.2 * small.1 as f64 + 64.0,
        "{name}: {} bytes at n, {} at 2n",
        small.1,
        large.1
    );
    large
}

#[test]
fn a_list_of_doublings_does_not_make_a_row_of_every_earlier_item() {
    // B1: each doubling took the whole list before it as its items.
    let (rows, _) = proportional("B1 doubling list", 400, |n| {
        format!("打造{}", "翻一番、".repeat(n))
    });
    assert!(rows <= 800);
}

#[test]
fn a_run_of_percentages_quotes_each_without_the_run_before_it() {
    // B2: quotes started at the first occurrence of the indicator in the clause.
    proportional("B2 percent run", 5_000, |n| {
        format!("每年{}", "3%".repeat(n))
    });
    // The same with an indicator for each, so there is output to compare.
    let (rows, _) = proportional("percent statements", 2_000, |n| {
        "每年出口增长3%、".repeat(n)
    });
    assert!(rows > 0);
}

#[test]
fn counts_in_one_long_quotation_cost_each_the_same() {
    // B2: the slogan test scanned back to the quotation mark from each number.
    proportional("B2 quoted counts", 5_000, |n| {
        format!("“{}”", "3个".repeat(n))
    });
}

#[test]
fn statements_of_one_long_sentence_cost_each_the_same() {
    let (rows, _) = proportional("one sentence", 1_000, |n| {
        format!("力争到2020年{}", "进出口总额突破300亿美元、".repeat(n))
    });
    assert!(rows >= 2_000);
}

#[test]
fn respectively_and_parts_of_totals_read_a_bounded_neighbourhood() {
    proportional("分别", 1_000, |n| {
        format!(
            "客、货运行业全国排名分别由2012年的{}第7位",
            "第18位和".repeat(n)
        )
    });
    proportional("其中", 1_000, |n| {
        "其中国际地区货运量突破60万吨，".repeat(n)
    });
    proportional("均 ranks", 1_000, |n| {
        format!("{}均跃居世界第1位", "人员总量535万，".repeat(n))
    });
}

#[test]
fn long_runs_of_numerals_and_magnitudes_are_read_once() {
    // A run of numeral characters that is no numeral, or of magnitude characters, was read
    // whole from each of its positions.
    proportional("numeral runs", 2_000, |n| {
        format!("{}{}{}", "一二".repeat(n), "三个".repeat(n), "万".repeat(n))
    });
}

#[test]
fn asides_and_titles_are_found_without_scanning_back() {
    proportional("parentheses", 1_000, |n| {
        format!(
            "{}{}{}",
            "（".repeat(n),
            "）".repeat(n),
            "到2020年建成园区3个，".repeat(n)
        )
    });
    proportional("titles", 1_000, |n| {
        "《规划（2017年修订）》到2020年建成园区3个，".repeat(n)
    });
}
