//! The alignment against hand-judged gold: the annotators' dev set (copied from
//! `../shared/examples/alignment` into `tests/fixtures/alignment/dev`) and the three
//! region pairs annotated in the project (`tests/fixtures/alignment/`). Scored the way
//! `../shared/tools/align-score` scores the CLI's output (passages matched to gold by
//! their first 20 characters, whitespace and quote marks normalised); each figure has a
//! floor a little under what the engine reaches, so that a change that makes the pairing
//! worse fails here. `cargo test --test alignment_gold -- --nocapture` prints them.

mod common;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use policy_compare::compare::Comparer;
use serde_json::Value;

fn key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '＂' | '“' | '”' => '"',
            '‘' | '’' => '\'',
            c => c,
        })
        .take(20)
        .collect()
}

fn lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[derive(Debug, Default)]
struct Score {
    pairs: usize,
    right: usize,
    boilerplate: usize,
    with_counterpart: usize,
    shown_with_counterpart: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.right as f64 / self.pairs.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.shown_with_counterpart as f64 / self.with_counterpart.max(1) as f64
    }
}

fn score(dir: &Path) -> Score {
    let gold = lines(&dir.join("pairs.jsonl"));
    let passages = lines(&dir.join("passages.jsonl"));
    let comparer = Comparer::new(common::bundle());
    let mut total = Score::default();
    let mut region_pairs: Vec<(String, String)> = Vec::new();
    for p in &gold {
        let rp = (
            p["left_region"].as_str().unwrap().to_owned(),
            p["right_region"].as_str().unwrap().to_owned(),
        );
        if !region_pairs.contains(&rp) {
            region_pairs.push(rp);
        }
    }
    for (l, r) in &region_pairs {
        let c = comparer.compare(l, r, "all").unwrap();
        let engine: HashSet<(String, String)> = c
            .pairs
            .iter()
            .map(|p| {
                (
                    key(&c.passages[p.left].text),
                    key(&c.passages[p.right].text),
                )
            })
            .collect();
        let g: HashSet<(String, String)> = gold
            .iter()
            .filter(|p| p["left_region"] == l.as_str() && p["right_region"] == r.as_str())
            .map(|p| {
                (
                    key(p["left"]["text"].as_str().unwrap()),
                    key(p["right"]["text"].as_str().unwrap()),
                )
            })
            .collect();
        let name = format!("{l}–{r}");
        let boiler: HashSet<String> = passages
            .iter()
            .filter(|p| {
                p["pair"].as_str().unwrap().replace('-', "–") == name && p["class"] == "boilerplate"
            })
            .map(|p| key(p["text"].as_str().unwrap()))
            .collect();
        total.pairs += engine.len();
        for e in &engine {
            if g.contains(e) {
                total.right += 1;
            } else if boiler.contains(&e.0) || boiler.contains(&e.1) {
                total.boilerplate += 1;
            }
        }
        for side in [0, 1] {
            let mut gold_of: HashMap<&String, HashSet<&String>> = HashMap::new();
            for (a, b) in &g {
                let (x, y) = if side == 0 { (a, b) } else { (b, a) };
                gold_of.entry(x).or_default().insert(y);
            }
            for (x, ys) in gold_of {
                total.with_counterpart += 1;
                let shown = engine.iter().any(|(a, b)| {
                    let (p, q) = if side == 0 { (a, b) } else { (b, a) };
                    p == x && ys.contains(q)
                });
                total.shown_with_counterpart += usize::from(shown);
            }
        }
    }
    total
}

fn check(dir: &Path, precision: f64, recall: f64) {
    let s = score(dir);
    println!(
        "{}: {} pairs, precision {:.3}, passage recall {:.3}, boilerplate pairs {}",
        dir.display(),
        s.pairs,
        s.precision(),
        s.recall(),
        s.boilerplate
    );
    assert_eq!(s.boilerplate, 0, "pairs touching boilerplate");
    assert!(
        s.precision() >= precision,
        "precision {:.3} < {precision}",
        s.precision()
    );
    assert!(
        s.recall() >= recall,
        "passage recall {:.3} < {recall}",
        s.recall()
    );
}

#[test]
fn the_dev_gold() {
    // A copy of `../shared/examples/alignment/`, so that a checkout alone runs it.
    check(Path::new("tests/fixtures/alignment/dev"), 0.92, 0.80);
}

#[test]
fn guangxi_fujian() {
    check(
        Path::new("tests/fixtures/alignment/guangxi-fujian"),
        0.80,
        0.78,
    );
}

#[test]
fn hunan_henan() {
    check(
        Path::new("tests/fixtures/alignment/hunan-henan"),
        0.84,
        0.81,
    );
}

#[test]
fn chengdu_tianjin() {
    check(
        Path::new("tests/fixtures/alignment/chengdu-tianjin"),
        0.81,
        0.90,
    );
}

#[test]
fn passages_shown_beside_a_counterpart_across_all_region_pairs() {
    let comparer = Comparer::new(common::bundle());
    let with_plans: Vec<&str> = common::bundle()
        .regions
        .iter()
        .map(|r| r.id.as_str())
        .filter(|r| common::bundle().documents.iter().any(|d| d.region == *r))
        .collect();
    let mut shown: Vec<usize> = Vec::new();
    let mut blocks: Vec<usize> = Vec::new();
    for (i, l) in with_plans.iter().enumerate() {
        for r in &with_plans[i + 1..] {
            let c = comparer.align(l, r, "all").unwrap();
            shown.push(c.counts.left_matched + c.counts.right_matched);
            blocks.push(c.counts.blocks);
        }
    }
    shown.sort_unstable();
    blocks.sort_unstable();
    let median = |v: &[usize]| v[v.len() / 2];
    println!(
        "{} region pairs: passages shown beside a counterpart, median {} (min {}, max {}); blocks where both speak, median {} (min {})",
        shown.len(),
        median(&shown),
        shown[0],
        shown[shown.len() - 1],
        median(&blocks),
        blocks[0]
    );
    assert_eq!(shown.len(), 91);
    assert!(
        blocks[0] > 0,
        "every comparison has something both plans say"
    );
    assert!(median(&shown) >= 40);
}
