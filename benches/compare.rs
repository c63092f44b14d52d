//! Timing of the comparison engine, natively: `cargo bench --bench compare`.
//!
//! The widget prepares the bundle once (`Comparer::new`, cheap: a region's words and
//! topics are found the first time it is compared) and then compares on every switch of
//! region or theme, so all are timed: the preparation, a first comparison, and the full
//! comparison (all themes, marks included) of the two regions with the most text, national
//! and Henan, plus a typical province pair. A plain harness (no criterion): median, fastest and slowest of N runs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use policy_compare::compare::Comparer;
use policy_compare::compare::segment::Segmenter;

fn time(label: &str, runs: usize, mut f: impl FnMut()) -> Duration {
    f(); // warm-up
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    samples.sort();
    let median = samples[runs / 2];
    println!(
        "{label:<44} median {:>8.2} ms   min {:>8.2} ms   max {:>8.2} ms   ({runs} runs)",
        ms(median),
        ms(samples[0]),
        ms(samples[runs - 1])
    );
    median
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let json = std::fs::read_to_string("www/bundle.json").expect("run from the project root");
    let bundle = policy_compare::Bundle::from_json(&json).expect("bundle");
    time("read and validate the bundle", 30, || {
        black_box(policy_compare::Bundle::from_json(black_box(&json)).unwrap());
    });
    time("prepare (Comparer::new)", 30, || {
        black_box(Comparer::new(black_box(&bundle)));
    });
    // The first comparison of a region finds its passages' words and topics (kept for the
    // next ones): what a widget does once per region.
    time("first align national vs henan (fresh Comparer)", 20, || {
        let fresh = Comparer::new(black_box(&bundle));
        black_box(fresh.align("national", "henan", "all").unwrap());
    });
    // The lexicon's cut of every passage: the alignment's features and every pair's marks
    // are made of it.
    let segmenter = Segmenter::new(&bundle.lexicon, &bundle.topics);
    let texts: Vec<&str> = bundle
        .documents
        .iter()
        .flat_map(|d| d.all_paragraphs())
        .map(|p| p.text.as_str())
        .collect();
    time("cut every passage into words", 30, || {
        for t in &texts {
            black_box(segmenter.words(black_box(t)));
        }
    });
    time("make the lexicon's table (Segmenter::new)", 30, || {
        black_box(Segmenter::new(&bundle.lexicon, &bundle.topics));
    });
    let comparer = Comparer::new(&bundle);
    for (left, right, theme) in [
        ("national", "henan", "all"),
        ("jiangxi", "guangdong", "all"),
        ("jiangxi", "henan", "trade"),
    ] {
        time(&format!("compare {left} vs {right}, {theme}"), 50, || {
            black_box(comparer.compare(left, right, theme).unwrap());
        });
    }
    // What the widget does before its first screen: align, then diff only the pairs drawn.
    time("align national vs henan, all (no diffs)", 50, || {
        black_box(comparer.align("national", "henan", "all").unwrap());
    });
}
