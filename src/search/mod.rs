//! Search across every passage of every plan: which regions mention `中欧班列` at all, and
//! where.
//!
//! ```
//! # let corpus = "江西省参与“一带一路”建设实施方案 \n\n发布时间：2016-10-9 \n\n来源：江西省发改委网站 \n\n\
//! #   一、畅通陆上通道 \n\n加快中欧 班列发展。 \n\n\
//! #   甘肃省参与“一带一路”建设实施方案 \n\n发布时间：2015-12-09 \n\n来源：甘肃省发改委 \n\n\
//! #   一、畅通陆上通道 \n\n开行“中欧班列”。 \n\n推进跨境电商。 \n";
//! # let bundle = policy_compare::build_bundle(corpus, "data/example.txt").unwrap();
//! use policy_compare::compare::passages;
//! use policy_compare::search::{Index, Query, ranges};
//! let passages = passages::all(&bundle);
//! let index = Index::new(&passages);
//! let found = index.search(&passages, &Query::parse("中欧班列"));
//! // The PDF's stray space and the quote marks do not hide a passage.
//! let regions: Vec<&str> = found.iter().map(|f| &*passages[f.passage].region).collect();
//! assert_eq!(regions.len(), 2);
//! let text = &passages[found[0].passage].text;
//! let hits: Vec<&str> = ranges(text, &Query::parse("中欧班列")).into_iter().map(|(s, e)| &text[s..e]).collect();
//! assert!(hits == ["中欧 班列"] || hits == ["中欧班列"]);
//! ```
//!
//! How: [`normalise`] makes the text that is compared (widths, case, spaces, quote marks),
//! [`query`] reads what the reader typed into terms, and the [`Index`] holds every
//! passage's normalised text end to end, so that a term is looked for in one pass over
//! the whole compilation (the standard library's substring search), and the other terms
//! only in the passages the first was found in. No inverted index: the compilation is a
//! few hundred thousand characters, a scan of it takes a millisecond or two, and an index
//! of every character pair would take longer to build at load than the searches it would
//! speed up, and weigh more in memory than the text. [`Index::new`] is linear in the
//! text, and so is each search. [`report`] is the command line's view of the results.

pub mod normalise;
pub mod query;
pub mod report;

pub use query::Query;

use crate::bundle::Region;
use crate::compare::passages::Passage;
use normalise::{normalise, normalise_mapped};

/// Every passage's normalised text, for searching.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// The normalised texts end to end, each followed by a line break (which no
    /// normalised text or term holds, so no match runs from one passage into the next).
    haystack: String,
    /// Where each passage starts in `haystack`, and where the last one ends.
    starts: Vec<usize>,
    /// The mean length of a passage's text, in bytes.
    mean: f32,
}

/// A passage found, and how well it answers the query.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    /// Its index in the passages searched.
    pub passage: usize,
    /// Higher is better.
    pub score: f32,
}

// Okapi BM25's saturation and length normalisation: a passage that names a term three
// times is about it, one that names it thirty times is not ten times more so, and a long
// passage names everything more often.
const K1: f32 = 1.2;
const B: f32 = 0.75;

impl Index {
    /// The index of `passages` (linear in their text).
    pub fn new(passages: &[Passage]) -> Index {
        let mut haystack = String::with_capacity(passages.iter().map(|p| p.text.len() + 1).sum());
        let mut starts = Vec::with_capacity(passages.len() + 1);
        for p in passages {
            starts.push(haystack.len());
            haystack.extend(p.text.chars().filter_map(normalise::fold));
            haystack.push('\n');
        }
        starts.push(haystack.len());
        let mean = if passages.is_empty() {
            1.0
        } else {
            (haystack.len() as f32 / passages.len() as f32).max(1.0)
        };
        Index {
            haystack,
            starts,
            mean,
        }
    }

    /// How many passages it holds.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether it holds no passage.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Passage `i`'s normalised text.
    pub fn text(&self, i: usize) -> &str {
        &self.haystack[self.starts[i]..self.starts[i + 1] - 1]
    }

    /// The passages whose normalised text holds every term of `query`, best first (ties
    /// in reading order): those where the terms stand together as typed, then by score.
    /// `passages` are those the index was made from.
    pub fn search(&self, passages: &[Passage], query: &Query) -> Vec<Found> {
        let terms = &query.terms;
        if terms.is_empty() || passages.len() != self.len() {
            return Vec::new();
        }
        // The longest term first: most often the rarest, so the others are looked for in
        // fewer passages.
        let mut by_length: Vec<(usize, i64)> =
            terms.iter().map(|t| t.len() as i64).enumerate().collect();
        crate::sort::ranked(&mut by_length);
        let mut found: Vec<Found> = Vec::new();
        let mut passage = 0;
        for (at, _) in self.haystack.match_indices(terms[by_length[0].0].as_str()) {
            while self.starts[passage + 1] <= at {
                passage += 1;
            }
            match found.last_mut() {
                Some(f) if f.passage == passage => f.score += 1.0,
                _ => found.push(Found {
                    passage,
                    score: 1.0,
                }),
            }
        }
        // `score` holds the first term's count; then its weight, plus the other terms'.
        for f in &mut found {
            f.score = self.weight(f.passage, f.score);
        }
        for &(t, _) in &by_length[1..] {
            let term = terms[t].as_str();
            found.retain_mut(|f| {
                let n = self.text(f.passage).matches(term).count();
                f.score += self.weight(f.passage, n as f32);
                n > 0
            });
        }
        let phrase: String = terms.concat();
        let mut ranked: Vec<(usize, i64)> = Vec::with_capacity(found.len());
        for (k, f) in found.iter_mut().enumerate() {
            let p = &passages[f.passage];
            // Several terms that stand together as typed (`中欧 班列` in `中欧班列`): such
            // passages come first, whatever their score.
            let together = terms.len() > 1 && self.text(f.passage).contains(phrase.as_str());
            // A passage under a heading that names a term is about it.
            if !p.path.is_empty() {
                let heading = normalise(&p.path.concat());
                if terms.iter().any(|t| heading.contains(t.as_str())) {
                    f.score += 1.0;
                }
            }
            // Titles, cover letters and lists of agencies last.
            if p.boilerplate.is_some() {
                f.score *= 0.5;
            }
            ranked.push((
                k,
                (f.score * 1e6) as i64 + if together { 1 << 40 } else { 0 },
            ));
        }
        crate::sort::ranked(&mut ranked);
        ranked.iter().map(|&(k, _)| found[k]).collect()
    }

    /// The weight of a term found `n` times in passage `i`.
    fn weight(&self, i: usize, n: f32) -> f32 {
        let len = (self.starts[i + 1] - self.starts[i]) as f32;
        n * (K1 + 1.0) / (n + K1 * (1.0 - B + B * len / self.mean))
    }
}

/// Where the terms of `query` are in `text` (an original passage text, not normalised):
/// byte ranges, in order, overlapping ones merged. A range may hold characters that
/// normalisation drops (`中欧 班列`, `“中欧班列`).
pub fn ranges(text: &str, query: &Query) -> Vec<(usize, usize)> {
    let (normalised, map) = normalise_mapped(text);
    // (end, start negated): ranked, the earliest start first.
    let mut found: Vec<(usize, i64)> = Vec::new();
    for term in &query.terms {
        for (at, m) in normalised.match_indices(term.as_str()) {
            // The characters of the match: the first starts at `at`, the last before its end.
            let first = map.partition_point(|c| (c.0 as usize) < at);
            let last = map.partition_point(|c| (c.0 as usize) < at + m.len()) - 1;
            found.push((map[last].2 as usize, -i64::from(map[first].1)));
        }
    }
    crate::sort::ranked(&mut found);
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(found.len());
    for (e, s) in found {
        let s = -s as usize;
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// The passages found in one region.
#[derive(Clone, Debug, PartialEq)]
pub struct Group<'a> {
    /// The region.
    pub region: &'a Region,
    /// Its passages found, best first.
    pub found: Vec<Found>,
}

/// `found` by region, regions with most passages first (ties in the bundle's order),
/// keeping the passages `keep` says to; regions with none are left out.
pub fn groups<'a>(
    found: &[Found],
    passages: &[Passage],
    regions: &'a [Region],
    keep: &dyn Fn(&Passage) -> bool,
) -> Vec<Group<'a>> {
    let mut all: Vec<Vec<Found>> = vec![Vec::new(); regions.len()];
    for f in found {
        let p = &passages[f.passage];
        if keep(p)
            && let Some(r) = regions.iter().position(|r| *r.id == *p.region)
        {
            all[r].push(*f);
        }
    }
    let mut order: Vec<(usize, i64)> = Vec::new();
    for (r, list) in all.iter().enumerate() {
        if !list.is_empty() {
            order.push((r, list.len() as i64));
        }
    }
    crate::sort::ranked(&mut order);
    let mut out = Vec::with_capacity(order.len());
    for (r, _) in order {
        out.push(Group {
            region: &regions[r],
            found: std::mem::take(&mut all[r]),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn passage(region: &str, text: &str) -> Passage {
        Passage {
            region: region.into(),
            document: format!("{region}-doc").into(),
            paragraph: "p".to_owned(),
            path: Arc::from([]),
            headings: Arc::from([]),
            under: Arc::from([]),
            title: Arc::from(""),
            in_document: 1,
            bare: false,
            clause: false,
            chars: text.chars().count(),
            boilerplate: None,
            role: Default::default(),
            text: text.into(),
            themes: Vec::new(),
            order: 0,
        }
    }

    #[test]
    fn every_term_must_be_found_and_more_mentions_rank_higher() {
        let ps = [
            passage("a", "中欧班列和物流"),
            passage("a", "中欧班列，中欧班列"),
            passage("b", "开行班列"),
            passage("b", "中欧 物流"),
        ];
        let index = Index::new(&ps);
        let found = |q: &str| -> Vec<usize> {
            index
                .search(&ps, &Query::parse(q))
                .iter()
                .map(|f| f.passage)
                .collect()
        };
        assert_eq!(found("中欧班列"), [1, 0]);
        let mut all = found("班列");
        assert_eq!(all[0], 1);
        all.sort_unstable();
        assert_eq!(all, [0, 1, 2]);
        assert_eq!(found("中欧 物流"), [3, 0]);
        assert!(found("").is_empty());
        assert!(found("铁路").is_empty());
    }

    #[test]
    fn terms_standing_together_rank_first() {
        let ps = [
            passage("a", "中欧合作，开行班列"),
            passage("a", "开行中欧班列"),
        ];
        let index = Index::new(&ps);
        let found = index.search(&ps, &Query::parse("中欧 班列"));
        assert_eq!(found[0].passage, 1);
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn ranges_cover_the_original_characters() {
        let text = "一是“跨境 电商”，二是跨境电商。";
        let q = Query::parse("跨境电商");
        let r: Vec<&str> = ranges(text, &q).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(r, ["跨境 电商", "跨境电商"]);
        // Overlapping terms make one range.
        let q = Query::parse("跨境 境电");
        let r: Vec<&str> = ranges("跨境电商", &q)
            .iter()
            .map(|&(s, e)| &"跨境电商"[s..e])
            .collect();
        assert_eq!(r, ["跨境电"]);
    }

    #[test]
    fn groups_put_the_region_with_most_first() {
        let ps = [
            passage("a", "港口"),
            passage("b", "港口"),
            passage("b", "港口"),
        ];
        let regions: Vec<Region> = ["a", "b", "c"]
            .iter()
            .map(|id| Region {
                id: (*id).to_owned(),
                zh: String::new(),
                en: String::new(),
                kind: crate::bundle::RegionKind::Province,
                parent: None,
            })
            .collect();
        let index = Index::new(&ps);
        let found = index.search(&ps, &Query::parse("港口"));
        let g = groups(&found, &ps, &regions, &|_| true);
        let ids: Vec<(&str, usize)> = g
            .iter()
            .map(|g| (g.region.id.as_str(), g.found.len()))
            .collect();
        assert_eq!(ids, [("b", 2), ("a", 1)]);
        assert!(groups(&found, &ps, &regions, &|p| &*p.region == "c").is_empty());
    }
}
