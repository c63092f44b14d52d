//! The comparison engine's invariants, on the real bundle and on generated text:
//! the spans of every diff rebuild both texts; alignment uses each passage at most once;
//! comparing A with B mirrors comparing B with A; no input makes it panic.

mod common;

use std::collections::HashSet;

use policy_compare::bundle::{Bundle, Document, Paragraph, Section};
use policy_compare::compare::{Comparer, Comparison, Row, Span, SpanKind, diff::diff};
use proptest::prelude::*;

fn comparer() -> &'static Comparer {
    static C: std::sync::OnceLock<Comparer> = std::sync::OnceLock::new();
    C.get_or_init(|| Comparer::new(common::bundle()))
}

fn concat(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// A passage by (document, paragraph).
type Key = (String, String);

/// The passages on each side of a comparison.
fn passages(c: &Comparison) -> (Vec<Key>, Vec<Key>) {
    let key = |p: &policy_compare::compare::PassageRef| (p.document.clone(), p.paragraph.clone());
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for row in &c.rows {
        match row {
            Row::Pair {
                left: l, right: r, ..
            } => {
                left.push(key(l));
                right.push(key(r));
            }
            Row::LeftOnly { passage } => left.push(key(passage)),
            Row::RightOnly { passage } => right.push(key(passage)),
        }
    }
    (left, right)
}

/// The pairs, with their scores' bits (for exact comparison), sorted.
fn pairs(c: &Comparison) -> Vec<(Key, Key, u32)> {
    let mut out: Vec<_> = c
        .rows
        .iter()
        .filter_map(|row| match row {
            Row::Pair {
                left, right, score, ..
            } => Some((
                (left.document.clone(), left.paragraph.clone()),
                (right.document.clone(), right.paragraph.clone()),
                score.to_bits(),
            )),
            _ => None,
        })
        .collect();
    out.sort();
    out
}

/// Each pair's diff spans concatenate to its two passages' texts.
fn assert_diffs_rebuild_their_passages(c: &Comparison) {
    for row in &c.rows {
        if let Row::Pair {
            left, right, diff, ..
        } = row
        {
            assert_eq!(concat(&diff.left), left.text);
            assert_eq!(concat(&diff.right), right.text);
        }
    }
}

fn region_ids() -> Vec<String> {
    common::bundle()
        .regions
        .iter()
        .map(|r| r.id.clone())
        .collect()
}

#[test]
fn every_comparison_uses_each_passage_once_and_rebuilds_every_text() {
    let ids = region_ids();
    for a in &ids {
        for b in &ids {
            let c = comparer().compare(a, b, "all").unwrap();
            let (left, right) = passages(&c);
            let expected = |region: &str| {
                common::bundle()
                    .documents
                    .iter()
                    .filter(|d| d.region == region)
                    .map(|d| d.all_paragraphs().len())
                    .sum::<usize>()
            };
            // Each passage of each side appears exactly once.
            assert_eq!(left.len(), expected(a), "{a} vs {b}: left passages");
            assert_eq!(right.len(), expected(b), "{a} vs {b}: right passages");
            assert_eq!(left.iter().collect::<HashSet<_>>().len(), left.len());
            assert_eq!(right.iter().collect::<HashSet<_>>().len(), right.len());
            assert_diffs_rebuild_their_passages(&c);
        }
    }
}

#[test]
fn comparing_b_with_a_mirrors_comparing_a_with_b() {
    let ids = region_ids();
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i..] {
            for theme in ["all", "trade", "culture"] {
                let ab = comparer().compare(a, b, theme).unwrap();
                let ba = comparer().compare(b, a, theme).unwrap();
                let mirrored: Vec<_> = {
                    let mut m: Vec<_> = pairs(&ba).into_iter().map(|(l, r, s)| (r, l, s)).collect();
                    m.sort();
                    m
                };
                assert_eq!(pairs(&ab), mirrored, "{a} vs {b} ({theme})");
                assert_eq!(ab.counts.left_only, ba.counts.right_only);
                assert_eq!(ab.counts.right_only, ba.counts.left_only);
            }
        }
    }
}

#[test]
fn a_theme_filter_keeps_only_passages_of_that_theme() {
    let c = comparer().compare("jiangxi", "henan", "finance").unwrap();
    assert!(c.counts.pairs > 0);
    for row in &c.rows {
        let themed: Vec<&policy_compare::compare::PassageRef> = match row {
            Row::Pair { left, right, .. } => vec![left, right],
            Row::LeftOnly { passage } | Row::RightOnly { passage } => vec![passage],
        };
        for p in themed {
            assert!(
                p.themes.contains(&policy_compare::Theme::Finance),
                "{}",
                p.text
            );
        }
    }
    let finance = c
        .coverage
        .iter()
        .find(|k| k.theme == policy_compare::Theme::Finance)
        .unwrap();
    assert_eq!(finance.left, c.counts.pairs + c.counts.left_only);
}

#[test]
fn unknown_ids_name_the_valid_ones() {
    let err = comparer()
        .compare("jiangxi", "atlantis", "all")
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "unknown region \"atlantis\"; valid regions: {}",
            region_ids().join(", ")
        )
    );
    let err = comparer().compare("jiangxi", "henan", "sport").unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown theme \"sport\"; valid themes: all, connectivity, trade, industry, finance, culture, science, ecology, policy, general"
    );
}

#[test]
fn a_region_with_no_documents_and_a_region_with_itself() {
    // Sichuan is listed (Chengdu's province) but has no plan of its own.
    let c = comparer().compare("sichuan", "chengdu", "all").unwrap();
    assert_eq!(c.counts.pairs + c.counts.left_only, 0);
    assert!(c.counts.right_only > 0);
    // A region with itself: every passage that can be paired pairs with itself; titles,
    // list items and fragments (never paired) appear once on each side.
    let c = comparer().compare("gansu", "gansu", "all").unwrap();
    assert_eq!(c.counts.left_only, c.counts.right_only);
    assert!(c.counts.pairs > 0);
    for row in &c.rows {
        match row {
            Row::Pair {
                left, right, score, ..
            } => {
                assert_eq!(left.paragraph, right.paragraph);
                assert!((score - 1.0).abs() < 1e-4);
            }
            Row::LeftOnly { passage } | Row::RightOnly { passage } => {
                assert!(
                    !policy_compare::compare::passages::pairable(&passage.text),
                    "{}",
                    passage.text
                );
            }
        }
    }
}

fn bundle_with(texts_a: &[String], texts_b: &[String]) -> Bundle {
    let mut bundle = common::bundle().clone();
    let doc = |region: &str, texts: &[String]| Document {
        id: format!("{region}-test"),
        region: region.to_owned(),
        title: "t".into(),
        published: "2016-01-01".into(),
        source: "s".into(),
        doc_number: None,
        preamble: Vec::new(),
        sections: vec![Section {
            id: "s1".into(),
            number: None,
            heading: "h".into(),
            level: 1,
            themes: vec![],
            paragraphs: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Paragraph {
                    id: format!("s1.p{}", i + 1),
                    text: t.clone(),
                    themes: vec![],
                })
                .collect(),
            sections: vec![],
        }],
        signatures: Vec::new(),
        attachments: Vec::new(),
        metrics: Vec::new(),
    };
    bundle.documents = vec![doc("jiangxi", texts_a), doc("henan", texts_b)];
    bundle
}

#[test]
fn one_character_and_very_long_passages() {
    let long: String = common::CORPUS
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(60_000)
        .collect();
    let texts_a = vec![
        "建".to_owned(),
        "。".to_owned(),
        String::new(),
        long.clone(),
    ];
    let texts_b = vec!["建".to_owned(), long.chars().rev().collect(), long];
    let bundle = bundle_with(&texts_a, &texts_b);
    let c = Comparer::new(&bundle)
        .compare("jiangxi", "henan", "all")
        .unwrap();
    let (left, right) = passages(&c);
    assert_eq!((left.len(), right.len()), (4, 3));
    assert_diffs_rebuild_their_passages(&c);
}

/// Text in the corpus's alphabet, with numbers and Latin words.
fn text() -> impl Strategy<Value = String> {
    "[一带路建设加快发展合作推进国家沿线的和。，、“”0-9.%A-Za-z ]{0,60}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn diff_spans_rebuild_both_texts(a in text(), b in text()) {
        let d = diff(&a, &b);
        prop_assert_eq!(&concat(&d.left), &a);
        prop_assert_eq!(&concat(&d.right), &b);
        // Spans never repeat a kind back to back (they are merged).
        for side in [&d.left, &d.right] {
            for w in side.windows(2) {
                prop_assert_ne!(w[0].kind, w[1].kind);
            }
            prop_assert!(side.iter().all(|s| !s.text.is_empty()));
        }
        // A diff shows a change exactly when the texts differ: what `Row::differs` (which
        // the widget uses before it has diffed a pair) relies on.
        let changed = d.left.iter().chain(&d.right).any(|s| {
            matches!(s.kind, SpanKind::Changed | SpanKind::Moved)
        });
        prop_assert_eq!(changed, a != b);
    }

    #[test]
    fn a_text_diffed_with_itself_is_all_shared(a in text()) {
        let d = diff(&a, &a);
        prop_assert!(d.left.iter().chain(&d.right).all(|s| !matches!(s.kind, SpanKind::Changed | SpanKind::Moved)));
    }

    #[test]
    fn diffs_of_real_passages_rebuild_them(i in 0usize..1200, j in 0usize..1200) {
        let all: Vec<&Paragraph> = common::bundle().documents.iter().flat_map(|d| d.all_paragraphs()).collect();
        let (a, b) = (&all[i % all.len()].text, &all[j % all.len()].text);
        let d = diff(a, b);
        prop_assert_eq!(&concat(&d.left), a);
        prop_assert_eq!(&concat(&d.right), b);
    }

    #[test]
    fn generated_regions_align_each_passage_at_most_once(
        a in proptest::collection::vec(text(), 0..12),
        b in proptest::collection::vec(text(), 0..12),
    ) {
        let bundle = bundle_with(&a, &b);
        let c = Comparer::new(&bundle).compare("jiangxi", "henan", "all").unwrap();
        let (left, right) = passages(&c);
        prop_assert_eq!(left.len(), a.len());
        prop_assert_eq!(right.len(), b.len());
        prop_assert_eq!(left.iter().collect::<HashSet<_>>().len(), a.len());
        prop_assert_eq!(right.iter().collect::<HashSet<_>>().len(), b.len());
    }
}
