//! The comparison engine: which passages of two regions' plans speak to the same thing,
//! and what differs between them.
//!
//! ```
//! # let corpus = "江西省参与“一带一路”建设实施方案 \n\n发布时间：2016-10-9 \n\n来源：江西省发改委网站 \n\n\
//! #   一、畅通陆上通道 \n\n加快中欧班列发展，到2020年开行班列300列。 \n\n\
//! #   甘肃省参与“一带一路”建设实施方案 \n\n发布时间：2015-12-09 \n\n来源：甘肃省发改委 \n\n\
//! #   一、畅通陆上通道 \n\n加快中欧班列发展，到2020年开行班列500列。 \n";
//! # let bundle = policy_compare::build_bundle(corpus, "data/example.txt").unwrap();
//! use policy_compare::compare::{Comparer, Row, SpanKind};
//! let comparer = Comparer::new(&bundle);
//! let result = comparer.compare("jiangxi", "gansu", "all").unwrap();
//! let Row::Pair { diff, .. } = &result.rows[0] else { panic!() };
//! let changed: Vec<_> = diff.right.iter().filter(|s| s.kind == SpanKind::Changed).map(|s| &s.text).collect();
//! assert_eq!(changed, ["500"]);
//!
//! let err = comparer.compare("jiangxi", "atlantis", "all").unwrap_err();
//! assert!(err.to_string().starts_with("unknown region \"atlantis\"; valid regions: national, "));
//! ```
//!
//! The stages: [`passages`] (paragraphs with provenance) → [`tfidf`] (bigram vectors)
//! → [`align`] (greedy pairing) → [`diff`] (readable spans over [`tokens`]); and
//! [`targets`], two regions' quantitative targets side by side, and [`statements`], every
//! region's statements at once (one indicator across every region).

pub mod align;
pub mod diff;
mod error;
pub mod passages;
mod result;
pub mod statements;
pub mod targets;
pub mod text;
pub mod tfidf;
pub mod tokens;

pub use diff::{Diff, Span, SpanKind};
pub use error::CompareError;
pub use result::{
    Alignment, Comparison, Counts, Coverage, DocumentRef, PassageRef, Row, Side, TargetTable,
};

use crate::bundle::Theme;
use crate::bundle::{Bundle, MetricKind, Region};
use align::Item;
use passages::Passage;
use targets::TargetRef;
use tfidf::Model;

/// The bundle prepared for comparisons: every passage and its vector, computed once.
#[derive(Clone, Debug)]
pub struct Comparer {
    regions: Vec<Region>,
    documents: Vec<(String, DocumentRef)>,
    passages: Vec<Passage>,
    model: Model,
    /// Every target of the bundle, with its region, in reading order.
    targets: Vec<(String, TargetRef)>,
}

impl Comparer {
    /// Prepares a bundle: collects its passages and weighs their bigrams against all of them.
    pub fn new(bundle: &Bundle) -> Comparer {
        let passages = passages::all(bundle);
        let model = Model::new(
            passages
                .iter()
                .map(|p| (p.text.as_str(), p.heading.as_str())),
        );
        Comparer {
            regions: bundle.regions.clone(),
            documents: bundle
                .documents
                .iter()
                .map(|d| {
                    let doc = DocumentRef {
                        id: d.id.clone(),
                        title: d.title.clone(),
                        published: d.published.clone(),
                    };
                    (d.region.clone(), doc)
                })
                .collect(),
            passages,
            model,
            targets: bundle
                .documents
                .iter()
                .flat_map(|d| {
                    d.metrics
                        .iter()
                        .filter(|m| m.kind == MetricKind::Target)
                        .map(|m| (d.region.clone(), TargetRef::new(&d.id, m)))
                })
                .collect(),
        }
    }

    /// The targets of `left` and `right` side by side under `theme` (a theme id or `all`):
    /// targets about the same indicator, in compatible units, share a row.
    pub fn targets(
        &self,
        left: &str,
        right: &str,
        theme: &str,
    ) -> Result<TargetTable, CompareError> {
        let theme = self.theme(theme)?;
        let (left_side, right_side) = (self.side(left)?, self.side(right)?);
        let pick = |region: &str| -> Vec<TargetRef> {
            self.targets
                .iter()
                .filter(|(r, t)| r == region && theme.is_none_or(|th| t.theme == Some(th)))
                .map(|(_, t)| t.clone())
                .collect()
        };
        Ok(TargetTable {
            left: left_side,
            right: right_side,
            theme,
            groups: targets::side_by_side(&pick(left), &pick(right)),
        })
    }

    /// Compares region `left` with region `right` under `theme`: a theme id, or `all`.
    pub fn compare(
        &self,
        left: &str,
        right: &str,
        theme: &str,
    ) -> Result<Comparison, CompareError> {
        Ok(self.align(left, right, theme)?.diffed())
    }

    /// Which passages of `left` and `right` pair up under `theme`, without diffing them:
    /// [`Comparer::compare`] without its most expensive part, for a caller that diffs only
    /// the pairs it shows.
    pub fn align(&self, left: &str, right: &str, theme: &str) -> Result<Alignment, CompareError> {
        let theme = self.theme(theme)?;
        let (left_side, right_side) = (self.side(left)?, self.side(right)?);
        let pick = |region: &str| -> Vec<usize> {
            self.passages
                .iter()
                .enumerate()
                .filter(|(_, p)| p.region == region && theme.is_none_or(|t| p.themes.contains(&t)))
                .map(|(i, _)| i)
                .collect()
        };
        let items = align::align(&pick(left), &pick(right), &self.model, |i| {
            self.passages[i].pairable
        });

        let mut counts = Counts::default();
        let rows = items
            .into_iter()
            .map(|item| match item {
                Item::Pair(a, b, score) => {
                    counts.pairs += 1;
                    Row::Pair {
                        left: reference(&self.passages[a]),
                        right: reference(&self.passages[b]),
                        score,
                        diff: (),
                    }
                }
                Item::Left(a) => {
                    counts.left_only += 1;
                    Row::LeftOnly {
                        passage: reference(&self.passages[a]),
                    }
                }
                Item::Right(b) => {
                    counts.right_only += 1;
                    Row::RightOnly {
                        passage: reference(&self.passages[b]),
                    }
                }
            })
            .collect();
        let coverage = Theme::ALL
            .into_iter()
            .map(|t| {
                let count = |region: &str| {
                    self.passages
                        .iter()
                        .filter(|p| p.region == region && p.themes.contains(&t))
                        .count()
                };
                Coverage {
                    theme: t,
                    left: count(left),
                    right: count(right),
                }
            })
            .collect();
        Ok(Comparison {
            left: left_side,
            right: right_side,
            theme,
            rows,
            coverage,
            counts,
        })
    }

    /// How many passages `region` has, all themes.
    pub fn passage_count(&self, region: &str) -> usize {
        self.passages.iter().filter(|p| p.region == region).count()
    }

    /// The regions of the bundle.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// The texts of the paragraphs just before and after a paragraph, in its document:
    /// the passage in context.
    pub fn neighbours(&self, document: &str, paragraph: &str) -> (Option<String>, Option<String>) {
        let Some(i) = self
            .passages
            .iter()
            .position(|p| p.document == document && p.paragraph == paragraph)
        else {
            return (None, None);
        };
        let text = |j: Option<usize>| {
            j.and_then(|j| self.passages.get(j))
                .filter(|p| p.document == document)
                .map(|p| p.text.clone())
        };
        (text(i.checked_sub(1)), text(Some(i + 1)))
    }

    fn side(&self, id: &str) -> Result<Side, CompareError> {
        let region = self.regions.iter().find(|r| r.id == id).ok_or_else(|| {
            CompareError::UnknownRegion {
                id: id.to_owned(),
                valid: self.regions.iter().map(|r| r.id.clone()).collect(),
            }
        })?;
        Ok(Side {
            region: region.id.clone(),
            zh: region.zh.clone(),
            en: region.en.clone(),
            documents: self
                .documents
                .iter()
                .filter(|(r, _)| r == id)
                .map(|(_, d)| d.clone())
                .collect(),
        })
    }

    fn theme(&self, id: &str) -> Result<Option<Theme>, CompareError> {
        if id == "all" {
            return Ok(None);
        }
        Theme::from_id(id)
            .map(Some)
            .ok_or_else(|| CompareError::UnknownTheme {
                id: id.to_owned(),
                valid: std::iter::once("all")
                    .chain(Theme::ALL.iter().map(|t| t.id()))
                    .map(str::to_owned)
                    .collect(),
            })
    }
}

fn reference(p: &Passage) -> PassageRef {
    PassageRef {
        document: p.document.clone(),
        paragraph: p.paragraph.clone(),
        path: p.path.clone(),
        text: p.text.clone(),
        themes: p.themes.clone(),
    }
}

/// Compares two regions of a bundle under a theme (`all` or a theme id). For repeated
/// comparisons, prepare the bundle once with [`Comparer::new`].
pub fn compare(
    bundle: &Bundle,
    left: &str,
    right: &str,
    theme: &str,
) -> Result<Comparison, CompareError> {
    Comparer::new(bundle).compare(left, right, theme)
}
