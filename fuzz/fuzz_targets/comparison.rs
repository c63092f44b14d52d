//! Comparisons in a small bundle built from fuzzed text: three documents (two regions and
//! a national one) whose bodies are the input, compared under any two regions (the same
//! one twice included) and any theme. No panic; each pair's marks rebuild its passages;
//! every passage is shown, a passage without counterpart in exactly one one-sided run;
//! every pair in exactly one block; the counts count them; both text renderings run.
//!
//! Input: three bytes choosing the left region, the right region and the theme, then the
//! three bodies, UTF-8, separated by bytes 0xFF (which UTF-8 never contains).
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use policy_compare::compare::{Block, Comparer, Span, text};
use policy_compare::{Theme, build_bundle};

const HEADS: [&str; 3] = [
    "江西省参与“一带一路”建设实施方案 \n\n发布时间：2016-10-9 \n\n来源：江西省发改委网站 \n\n",
    "河南省参与建设丝绸之路经济带和21世纪海上丝绸之路实施方案 \n\n发布时间：2015-9-1 \n\n来源：河南省发改委 \n\n",
    "推动共建丝绸之路经济带和21世纪海上丝绸之路的愿景与行动 \n\n发布时间：2015-3-28 \n\n来源：国家发展改革委 \n\n",
];

fuzz_target!(|data: &[u8]| {
    let [left, right, theme, rest @ ..] = data else {
        return;
    };
    let mut bodies = rest.splitn(3, |&b| b == 0xFF);
    let mut corpus = String::new();
    for head in HEADS {
        let Ok(body) = std::str::from_utf8(bodies.next().unwrap_or_default()) else {
            return;
        };
        corpus.push_str(head);
        corpus.push_str(body);
        corpus.push_str(" \n");
    }
    let Ok(bundle) = build_bundle(&corpus, "fuzz.txt") else {
        return;
    };
    let comparer = Comparer::new(&bundle);
    let ids: Vec<&str> = bundle.regions.iter().map(|r| r.id.as_str()).collect();
    let pick = |k: u8| ids[usize::from(k) % ids.len()];
    let themes: Vec<&str> = std::iter::once("all")
        .chain(Theme::ALL.iter().map(|t| t.id()))
        .collect();
    let theme = themes[usize::from(*theme) % themes.len()];
    let (left, right) = (pick(*left), pick(*right));

    let c = comparer.compare(left, right, theme).expect("known ids");
    let concat = |spans: &[Span]| -> String { spans.iter().map(|s| s.text.as_str()).collect() };
    for p in &c.pairs {
        assert_eq!(concat(&p.marks.left), *c.passages[p.left].text);
        assert_eq!(concat(&p.marks.right), *c.passages[p.right].text);
    }
    let paired: HashSet<usize> = c.pairs.iter().flat_map(|p| [p.left, p.right]).collect();
    let (mut alone, mut in_blocks): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for block in &c.blocks {
        match block {
            Block::Both {
                left: l,
                right: r,
                pairs,
            } => {
                assert!(l.iter().chain(r).all(|i| paired.contains(i)), "{block:?}");
                in_blocks.extend(pairs);
            }
            Block::LeftOnly { passages } | Block::RightOnly { passages } => {
                alone.extend(passages.iter().copied());
            }
        }
    }
    let n = alone.len();
    alone.sort_unstable();
    alone.dedup();
    assert_eq!(alone.len(), n, "a passage in two one-sided runs");
    assert!(alone.iter().all(|i| !paired.contains(i)));
    in_blocks.sort_unstable();
    assert_eq!(
        in_blocks,
        (0..c.pairs.len()).collect::<Vec<_>>(),
        "each pair in one block"
    );
    assert_eq!(c.counts.pairs, c.pairs.len());
    if theme == "all" {
        // Unfiltered, every passage is shown: beside a counterpart or in a run.
        assert_eq!(alone.len() + paired.len(), c.passages.len());
    }
    let _ = text::to_text(&c);
    let table = comparer.targets(left, right, theme).expect("known ids");
    let _ = text::targets_to_text(&table);
});
