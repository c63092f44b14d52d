//! Comparisons in a small bundle built from fuzzed text: three documents (two regions and
//! a national one) whose bodies are the input, compared under any two regions (the same
//! one twice included) and any theme. No panic; each diff rebuilds its passages; every
//! passage of a side appears once; the counts count the rows; both text renderings run.
//!
//! Input: three bytes choosing the left region, the right region and the theme, then the
//! three bodies, UTF-8, separated by bytes 0xFF (which UTF-8 never contains).
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use policy_compare::compare::{Comparer, Row, text};
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
    let (mut seen_left, mut seen_right) = (HashSet::new(), HashSet::new());
    let mut counts = (0, 0, 0);
    for row in &c.rows {
        match row {
            Row::Pair { left: l, right: r, diff, .. } => {
                let concat = |spans: &[policy_compare::compare::Span]| -> String {
                    spans.iter().map(|s| s.text.as_str()).collect()
                };
                assert_eq!(concat(&diff.left), l.text);
                assert_eq!(concat(&diff.right), r.text);
                assert!(seen_left.insert((&l.document, &l.paragraph)), "{l:?} twice");
                assert!(seen_right.insert((&r.document, &r.paragraph)), "{r:?} twice");
                counts.0 += 1;
            }
            Row::LeftOnly { passage } => {
                assert!(seen_left.insert((&passage.document, &passage.paragraph)));
                counts.1 += 1;
            }
            Row::RightOnly { passage } => {
                assert!(seen_right.insert((&passage.document, &passage.paragraph)));
                counts.2 += 1;
            }
        }
    }
    assert_eq!(
        (c.counts.pairs, c.counts.left_only, c.counts.right_only),
        counts
    );
    let _ = text::to_text(&c);
    let table = comparer.targets(left, right, theme).expect("known ids");
    let _ = text::targets_to_text(&table);
});
