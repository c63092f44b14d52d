//! Timing of the passage diff, natively: `cargo bench --bench diff`.
//!
//! The two sets of `make bench-diff` (which times the same diff in the browser beside
//! jsdiff and diff-match-patch): the pairs the engine shows side by side for a few region
//! pairs (real pairs, mostly dissimilar), and near-identical copies of the bundle's
//! passages with a few edits (a number changed, three characters in, three out), the
//! pairs the view diffs. A plain harness (no criterion): median, fastest and slowest of N
//! runs over each whole set.

use std::hint::black_box;
use std::time::Instant;

use policy_compare::compare::Comparer;
use policy_compare::compare::diff::diff;

fn time(label: &str, runs: usize, pairs: &[(String, String)]) {
    let run = || {
        for (a, b) in pairs {
            black_box(diff(black_box(a), black_box(b)));
        }
    };
    run(); // warm-up
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    println!(
        "{label:<40} median {:>7.2} ms   min {:>7.2} ms   max {:>7.2} ms   ({} pairs, {runs} runs)",
        samples[runs / 2],
        samples[0],
        samples[runs - 1],
        pairs.len()
    );
}

/// The near-copy of `text` that `tests/e2e/bench-diff.mjs` makes: first number + 5,
/// `进一步` inserted somewhere, three characters deleted somewhere else.
fn edited(text: &str, random: &mut impl FnMut() -> f64) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    if let Some(a) = chars.iter().position(char::is_ascii_digit) {
        let b = a + chars[a..].iter().take_while(|c| c.is_ascii_digit()).count();
        let n: String = chars[a..b].iter().collect();
        let bumped = n.parse::<u128>().map_or(n, |v| (v + 5).to_string());
        chars.splice(a..b, bumped.chars());
    }
    let at = (random() * chars.len() as f64) as usize;
    chars.splice(at..at, "进一步".chars());
    let cut = (random() * (chars.len() - 4) as f64) as usize;
    chars.drain(cut..cut + 3);
    chars.into_iter().collect()
}

fn main() {
    let json = std::fs::read_to_string("www/bundle.json").expect("run from the project root");
    let bundle = policy_compare::Bundle::from_json(&json).expect("bundle");
    let comparer = Comparer::new(&bundle);
    let mut real = Vec::new();
    for (l, r) in [
        ("jiangxi", "henan"),
        ("shaanxi", "xian"),
        ("guangdong", "fujian"),
        ("national", "zhejiang"),
        ("gansu", "hunan"),
    ] {
        let c = comparer.align(l, r, "all").expect("regions");
        for k in 0..c.pairs.len() {
            if let Some((a, b)) = c.pair_passages(k) {
                real.push((a.text.to_string(), b.text.to_string()));
            }
        }
    }
    let mut seed: u64 = 42;
    let mut random = move || {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        seed as f64 / 2_147_483_648.0
    };
    let near: Vec<(String, String)> = comparer
        .passages()
        .iter()
        .filter(|p| p.text.chars().count() >= 40)
        .map(|p| (p.text.to_string(), edited(&p.text, &mut random)))
        .collect();
    // `cargo bench --bench diff -- near` times one set (for a profiler, say).
    let only = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |name: &str| only.as_ref().is_none_or(|o| name.contains(o.as_str()));
    if wanted("real pairs") {
        time("diff real pairs", 30, &real);
    }
    if wanted("near-identical edited copies") {
        time("diff near-identical edited copies", 60, &near);
    }
}
