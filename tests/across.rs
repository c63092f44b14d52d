//! All regions at once: the map's counts agree with what the passages view counts, and
//! the topic view lists every region that has text on a subject, and only those.

use std::collections::BTreeSet;

use policy_compare::Bundle;
use policy_compare::bundle::{MetricKind, Theme};
use policy_compare::compare::Comparer;
use policy_compare::compare::across::{Map, Subject, Topics, everywhere};

fn load() -> (Bundle, Comparer) {
    let json = std::fs::read_to_string("www/bundle.json").expect("the bundle");
    let bundle = Bundle::from_json(&json).expect("valid");
    let comparer = Comparer::new(&bundle);
    (bundle, comparer)
}

fn with_documents(bundle: &Bundle) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for d in &bundle.documents {
        if !out.contains(&d.region) {
            out.push(d.region.clone());
        }
    }
    out
}

#[test]
fn the_map_counts_what_the_passages_view_shows_less_boilerplate() {
    let (bundle, comparer) = load();
    let regions = with_documents(&bundle);
    let subjects: Vec<Subject> = Theme::ALL.into_iter().map(Subject::Theme).collect();
    let map = Map::new(comparer.passages(), &Topics::default(), &regions, &subjects);
    for (r, region) in regions.iter().enumerate() {
        let other = if region == "henan" {
            "jiangxi"
        } else {
            "henan"
        };
        let shown = comparer.align(region, other, "all").unwrap();
        for (c, t) in Theme::ALL.into_iter().enumerate() {
            let boilerplate = comparer
                .passages()
                .iter()
                .filter(|p| {
                    *p.region == **region && p.boilerplate.is_some() && p.themes.contains(&t)
                })
                .count();
            assert_eq!(
                map.count(r, c) + boilerplate,
                shown.coverage_of(t).0,
                "{region} on {t:?}"
            );
        }
        let content = comparer
            .passages()
            .iter()
            .filter(|p| *p.region == **region && p.boilerplate.is_none())
            .count();
        assert_eq!(map.totals[r], content);
    }
    // Sorted by a column, largest first; the other way, smallest first.
    let rows = map.rows_by(Some(3), true);
    assert!(
        rows.windows(2)
            .all(|w| map.count(w[0], 3) >= map.count(w[1], 3))
    );
    let rows = map.rows_by(None, false);
    assert!(
        rows.windows(2)
            .all(|w| map.totals[w[0]] <= map.totals[w[1]])
    );
    assert_eq!(rows.len(), regions.len());
}

#[test]
fn topic_counts_are_the_passages_that_name_the_topic() {
    let (bundle, comparer) = load();
    let regions = with_documents(&bundle);
    let topics = Topics::new(comparer.segmenter(), comparer.passages());
    let rail = bundle
        .topics
        .iter()
        .position(|t| t.id == "rail-freight")
        .unwrap() as u16;
    let subjects = [Subject::Topic(rail)];
    let map = Map::new(comparer.passages(), &topics, &regions, &subjects);
    for (r, region) in regions.iter().enumerate() {
        let naive = comparer
            .passages()
            .iter()
            .filter(|p| {
                *p.region == **region
                    && p.boilerplate.is_none()
                    && comparer.segmenter().topic_hits(&p.text).contains(&rail)
            })
            .count();
        assert_eq!(map.count(r, 0), naive, "{region}");
    }
    let henan = regions.iter().position(|r| r == "henan").unwrap();
    assert!(map.count(henan, 0) > 0, "Henan writes of 中欧班列");
}

#[test]
fn one_theme_everywhere_lists_every_region_with_text_on_it() {
    let (bundle, comparer) = load();
    let regions = with_documents(&bundle);
    let none = Topics::default();
    for t in Theme::ALL {
        let says = everywhere(
            &bundle,
            comparer.segmenter(),
            comparer.passages(),
            &none,
            &regions,
            Subject::Theme(t),
        );
        let listed: BTreeSet<&str> = says.iter().map(|s| s.region.as_str()).collect();
        let with_text: BTreeSet<&str> = comparer
            .passages()
            .iter()
            .filter(|p| p.boilerplate.is_none() && p.themes.contains(&t))
            .map(|p| &*p.region)
            .collect();
        let with_targets: BTreeSet<&str> = bundle
            .documents
            .iter()
            .filter(|d| {
                d.metrics
                    .iter()
                    .any(|m| m.kind == MetricKind::Target && m.theme == Some(t))
            })
            .map(|d| d.region.as_str())
            .collect();
        let want: BTreeSet<&str> = with_text.union(&with_targets).copied().collect();
        assert_eq!(listed, want, "{t:?}");
        for s in &says {
            for &i in &s.passages {
                let p = &comparer.passages()[i];
                assert!(*p.region == *s.region && p.themes.contains(&t));
            }
            assert!(s.targets.iter().all(|x| x.theme == Some(t)));
            // Most on the theme first: its strongest theme before its second.
            let rank = |i: usize| comparer.passages()[i].themes.iter().position(|&x| x == t);
            assert!(s.passages.windows(2).all(|w| rank(w[0]) <= rank(w[1])));
        }
    }
}

#[test]
fn one_topic_everywhere_marks_the_regions_that_name_it() {
    let (bundle, comparer) = load();
    let regions = with_documents(&bundle);
    let topics = Topics::new(comparer.segmenter(), comparer.passages());
    let rail = bundle
        .topics
        .iter()
        .position(|t| t.id == "rail-freight")
        .unwrap() as u16;
    let says = everywhere(
        &bundle,
        comparer.segmenter(),
        comparer.passages(),
        &topics,
        &regions,
        Subject::Topic(rail),
    );
    let listed: BTreeSet<&str> = says.iter().map(|s| s.region.as_str()).collect();
    for r in ["henan", "hunan", "guangxi"] {
        assert!(listed.contains(r), "{r}: {listed:?}");
    }
    for s in &says {
        // Most mentions first.
        let times = |i: usize| topics.times(i, rail);
        assert!(s.passages.windows(2).all(|w| times(w[0]) >= times(w[1])));
    }
}
