//! The comparison engine: what two regions' plans say about the same thing, and where
//! they differ.
//!
//! ```
//! # let corpus = "江西省参与“一带一路”建设实施方案 \n\n发布时间：2016-10-9 \n\n来源：江西省发改委网站 \n\n\
//! #   一、畅通陆上通道 \n\n加快中欧班列发展，到2020年开行班列300列。 \n\n\
//! #   甘肃省参与“一带一路”建设实施方案 \n\n发布时间：2015-12-09 \n\n来源：甘肃省发改委 \n\n\
//! #   一、畅通陆上通道 \n\n加快中欧班列发展，到2020年开行班列500列。 \n";
//! # let bundle = policy_compare::build_bundle(corpus, "data/example.txt").unwrap();
//! use policy_compare::compare::{Block, Comparer, SpanKind};
//! let comparer = Comparer::new(&bundle);
//! let result = comparer.compare("jiangxi", "gansu", "all").unwrap();
//! // One block where both speak, one pair in it: a near-copy, so a diff.
//! assert!(matches!(result.blocks[0], Block::Both { .. }));
//! let marks = &result.pairs[0].marks;
//! let changed: Vec<_> = marks.right.iter().filter(|s| s.kind == SpanKind::Changed).map(|s| &s.text).collect();
//! assert_eq!(changed, ["500"]);
//!
//! let err = comparer.compare("jiangxi", "atlantis", "all").unwrap_err();
//! assert!(err.to_string().starts_with("unknown region \"atlantis\"; valid regions: national, "));
//! ```
//!
//! The stages: [`passages`] (paragraphs with provenance, role and boilerplate) →
//! [`segment`] (their words and topics, with the bundle's lexicon) → [`features`] (word,
//! topic and theme vectors) → [`align`] (each passage's best counterparts, many to many)
//! → [`blocks`] (pairs into blocks in reading order) → [`marks`] (what each pair shares,
//! or for near-copies a readable [`diff`] over [`tokens`]). And [`targets`]: two regions'
//! quantitative targets side by side, and [`statements`], every region's targets and
//! baselines at once (one indicator across every region, by year). [`tfidf`] makes a lexicon for bundles that ship
//! none; [`mask`] keeps agency names out of the way. [`across`] looks at every region at
//! once: how much each says on each theme and topic, and what each says on one.

pub mod across;
pub mod align;
pub mod bare;
pub mod blocks;
pub mod clause;
pub mod diff;
mod error;
pub mod features;
pub mod markdown;
pub mod marks;
pub mod mask;
pub mod passages;
mod result;
pub mod segment;
pub mod statements;
pub mod targets;
pub mod text;
pub mod tfidf;
pub mod tokens;
pub mod vector;

pub use diff::{Diff, Span, SpanKind};
pub use error::CompareError;
pub use result::{
    Alignment, Block, Comparison, Counts, Coverage, DocumentRef, Pair, PassageRef, Side,
    TargetTable,
};

use std::sync::{Arc, OnceLock};

use crate::bundle::{Bundle, MetricKind, Region, Theme, TopicInfo};
use features::Features;
use passages::Passage;
use segment::Segmenter;
use targets::TargetRef;

/// The bundle prepared for comparisons. Preparing is cheap: the words and topics of a
/// region's passages are found the first time the region is compared, and kept.
#[derive(Debug)]
pub struct Comparer {
    regions: Vec<Region>,
    documents: Vec<(String, DocumentRef)>,
    passages: Vec<Passage>,
    topics: Vec<TopicInfo>,
    /// The bundle's lexicon as a table (or, for a bundle without one, a lexicon made from
    /// its text on first use).
    segmenter: OnceLock<Segmenter>,
    lexicon: Vec<crate::bundle::LexiconGroup>,
    /// Each passage's vectors, made on first use.
    features: Vec<OnceLock<Features>>,
    /// The pairs of the last few region pairs aligned: a theme filters one alignment, so
    /// switching themes (or back to a pair seen) need not align again.
    aligned: std::sync::Mutex<Vec<(String, String, Found)>>,
    /// The last document title whose words were asked for, and its words.
    title: std::sync::Mutex<Option<(Arc<str>, Vec<u32>)>>,
    /// Every target of the bundle, with its region, in reading order.
    targets: Vec<(String, TargetRef)>,
    /// The first passage [`Comparer::warm`] has not made the vectors of yet.
    warmed: std::sync::atomic::AtomicUsize,
}

impl Comparer {
    /// Prepares a bundle.
    pub fn new(bundle: &Bundle) -> Comparer {
        let passages = passages::all(bundle);
        let features = (0..passages.len()).map(|_| OnceLock::new()).collect();
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
            topics: bundle.topics.clone(),
            segmenter: OnceLock::new(),
            lexicon: bundle.lexicon.clone(),
            features,
            aligned: std::sync::Mutex::new(Vec::new()),
            title: std::sync::Mutex::new(None),
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
            warmed: Default::default(),
        }
    }

    /// The lexicon as a lookup table.
    pub fn segmenter(&self) -> &Segmenter {
        self.segmenter.get_or_init(|| {
            if self.lexicon.is_empty() {
                tfidf::lexicon(&self.passages)
            } else {
                Segmenter::new(&self.lexicon, &self.topics)
            }
        })
    }

    /// Whether the lexicon is ready: for a bundle that ships none, the first comparison
    /// makes one from the whole text (see [`tfidf`]), which the widget does after a frame
    /// that says so rather than before its first frame.
    pub fn is_ready(&self) -> bool {
        self.segmenter.get().is_some() || !self.lexicon.is_empty()
    }

    /// Every passage of the bundle, in reading order.
    pub fn passages(&self) -> &[Passage] {
        &self.passages
    }

    /// Makes the vectors of every passage not compared yet, in reading order, while
    /// `go_on` says so (at least one passage); whether all are made. A page calls it
    /// when idle: the first comparison of a region then no longer makes its vectors on
    /// the reader's switch (those of the national documents are most of the time that
    /// switch took). Work done is kept, so calls may stop and resume anywhere.
    pub fn warm(&self, go_on: &mut dyn FnMut() -> bool) -> bool {
        use std::sync::atomic::Ordering::Relaxed;
        let mut i = self.warmed.load(Relaxed);
        while i < self.passages.len() {
            if self.passages[i].pairable() {
                self.features(i);
            }
            i += 1;
            self.warmed.store(i, Relaxed);
            if !go_on() {
                break;
            }
        }
        i >= self.passages.len()
    }

    /// Whether [`Comparer::warm`] has made every passage's vectors.
    pub fn is_warm(&self) -> bool {
        self.warmed.load(std::sync::atomic::Ordering::Relaxed) >= self.passages.len()
    }

    /// The vectors of passage `i` (of [`Comparer::passages`]), made on first use.
    pub fn features(&self, i: usize) -> &Features {
        self.features[i].get_or_init(|| {
            let p = &self.passages[i];
            let headings: Vec<(&str, usize)> = p
                .headings
                .iter()
                .map(String::as_str)
                .zip(p.under.iter().copied())
                .collect();
            let title = if p.in_document > features::TITLE_SPREAD {
                self.title_words(&p.title)
            } else {
                Vec::new()
            };
            Features::new(
                self.segmenter(),
                &self.topics,
                &p.text,
                &headings,
                (&title, p.in_document),
            )
        })
    }

    /// The words of a document's title, kept for the passages that follow it: features
    /// are made a region at a time, in reading order, so one title is asked for many
    /// times in a row.
    fn title_words(&self, title: &Arc<str>) -> Vec<u32> {
        let Ok(mut last) = self.title.lock() else {
            return Features::title_words(self.segmenter(), title);
        };
        match &*last {
            Some((t, words)) if Arc::ptr_eq(t, title) => words.clone(),
            _ => {
                let words = Features::title_words(self.segmenter(), title);
                *last = Some((Arc::clone(title), words.clone()));
                words
            }
        }
    }

    /// The targets of `left` and `right` side by side under `theme` (a theme id or `all`):
    /// targets about the same indicator, in compatible units, share a row. A side is a
    /// region id or `region/document-id` (see [`Comparer::align`]).
    pub fn targets(
        &self,
        left: &str,
        right: &str,
        theme: &str,
    ) -> Result<TargetTable, CompareError> {
        let theme = self.theme(theme)?;
        let (left_side, right_side) = (self.side(left)?, self.side(right)?);
        let pick = |spec: &str| -> Vec<TargetRef> {
            let scope = Scope::of(spec);
            self.targets
                .iter()
                .filter(|(r, t)| {
                    scope.holds(r, &t.document) && theme.is_none_or(|th| t.theme == Some(th))
                })
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

    /// Compares region `left` with region `right` under `theme`: a theme id, or `all`. A
    /// side may also be one document of a region, `region/document-id` (see
    /// [`Comparer::align`]).
    pub fn compare(
        &self,
        left: &str,
        right: &str,
        theme: &str,
    ) -> Result<Comparison, CompareError> {
        Ok(self
            .align(left, right, theme)?
            .marked(|a, b| marks::marks(self.segmenter(), a, b)))
    }

    /// What a pair of passages shares (and, for near-copies, what changed): the marks of
    /// [`Comparer::compare`], for a caller that marks only the pairs it shows.
    pub fn marks(&self, left: &str, right: &str) -> Diff {
        marks::marks(self.segmenter(), left, right)
    }

    /// Which passages of `left` and `right` pair up, and the blocks they make, shown
    /// under `theme`: [`Comparer::compare`] without the marks. The pairing is the same
    /// whatever the theme; a theme shows the blocks that touch it.
    ///
    /// A side is a region id (all its documents) or `region/document-id` (that document
    /// alone): "national" is eleven unrelated documents, and a reader compares one of them
    /// with a province. The side's `documents` then list that one document.
    pub fn align(&self, left: &str, right: &str, theme: &str) -> Result<Alignment, CompareError> {
        let theme = self.theme(theme)?;
        let (left_side, right_side) = (self.side(left)?, self.side(right)?);
        let (l, r) = (self.scope_ids(left), self.scope_ids(right));
        // A region with itself: each passage is its own counterpart, shown once per side
        // (aligning would show the passages it leaves unpaired twice, once as each side's
        // own). Boilerplate is never paired: it stays in each side's runs, once per side.
        let found = self.aligned_pairs(left, right, || {
            if left == right {
                (0..l.len())
                    .filter(|&i| self.passages[l[i]].pairable())
                    .map(|i| (i, i, 1.0))
                    .collect()
            } else {
                align::align(&self.candidates(&l), &self.candidates(&r))
            }
        });
        let nl = l.len();
        let passages: Vec<PassageRef> = l
            .iter()
            .chain(&r)
            .map(|&i| reference(&self.passages[i]))
            .collect();
        // A theme shows the pairs that touch it, each whole, and the passages of its own
        // with no counterpart: a filter of one alignment, the same from either side.
        let has_theme = |i: usize| theme.is_none_or(|t| passages[i].themes.contains(&t));
        let all = found;
        let found: Vec<(usize, usize, f32)> = all
            .iter()
            .map(|&(a, b, s)| (a, nl + b, s))
            .filter(|&(a, b, _)| has_theme(a) || has_theme(b))
            .collect();
        let positions: Vec<(usize, usize)> = found.iter().map(|&(a, b, _)| (a, b)).collect();
        let blocks: Vec<Block> = blocks::blocks(nl, r.len(), &positions)
            .into_iter()
            .filter_map(|b| match b {
                Block::Both { .. } => Some(b),
                Block::LeftOnly { passages } => {
                    let kept: Vec<usize> = passages.into_iter().filter(|&i| has_theme(i)).collect();
                    (!kept.is_empty()).then_some(Block::LeftOnly { passages: kept })
                }
                Block::RightOnly { passages } => {
                    let kept: Vec<usize> = passages.into_iter().filter(|&i| has_theme(i)).collect();
                    (!kept.is_empty()).then_some(Block::RightOnly { passages: kept })
                }
            })
            .collect();
        // Pairs in the order the blocks show them, renumbered.
        let mut order: Vec<usize> = Vec::new();
        let blocks: Vec<Block> = blocks
            .into_iter()
            .map(|b| match b {
                Block::Both { left, right, pairs } => {
                    let pairs = pairs
                        .into_iter()
                        .map(|k| {
                            order.push(k);
                            order.len() - 1
                        })
                        .collect();
                    Block::Both { left, right, pairs }
                }
                other => other,
            })
            .collect();
        let pairs: Vec<Pair<()>> = order
            .iter()
            .map(|&k| Pair {
                left: found[k].0,
                right: found[k].1,
                score: found[k].2,
                marks: (),
            })
            .collect();
        let counts = count(&blocks, &pairs, &passages, nl);
        Ok(Comparison {
            left: left_side,
            right: right_side,
            theme,
            coverage: coverage(&passages, nl, &all),
            passages,
            blocks,
            pairs,
            counts,
        })
    }

    /// The pairs of `left` and `right` (as [`align::align`] gives them), made by `make`
    /// the first time and kept for the last few region pairs.
    fn aligned_pairs(
        &self,
        left: &str,
        right: &str,
        make: impl FnOnce() -> Vec<(usize, usize, f32)>,
    ) -> Found {
        if let Some(found) = self.known(left, right) {
            return found;
        }
        let found = std::sync::Arc::new(make());
        self.remember(left, right, found.clone());
        found
    }

    /// The pairs of `left` and `right`, if they are among those kept.
    fn known(&self, left: &str, right: &str) -> Option<Found> {
        self.aligned.lock().ok().and_then(|cache| {
            cache
                .iter()
                .find(|(l, r, _)| l == left && r == right)
                .map(|(_, _, found)| found.clone())
        })
    }

    /// Keeps the pairs of `left` and `right`, in place of the oldest kept when there are
    /// enough.
    fn remember(&self, left: &str, right: &str, found: Found) {
        const KEEP: usize = 8;
        if let Ok(mut cache) = self.aligned.lock() {
            if cache.len() >= KEEP {
                cache.remove(0);
            }
            cache.push((left.to_owned(), right.to_owned(), found));
        }
    }

    /// The alignment of `left` with `right` (sides as for [`Comparer::align`]) to be done
    /// a slice at a time with [`Comparer::advance`], for a page that must answer input
    /// while a long plan is aligned; `None` when their pairs are known already (then
    /// [`Comparer::align`] is quick).
    pub fn pending(&self, left: &str, right: &str) -> Result<Option<Pending>, CompareError> {
        self.side(left)?;
        self.side(right)?;
        if left == right || self.known(left, right).is_some() {
            return Ok(None);
        }
        Ok(Some(Pending {
            left: left.to_owned(),
            right: right.to_owned(),
            l: self.scope_ids(left),
            r: self.scope_ids(right),
            made: 0,
            job: align::Job::default(),
        }))
    }

    /// Works on `pending` while `more()` says so, and at least one passage: true once its
    /// pairs are known, the pairs [`Comparer::align`] makes in one call.
    ///
    /// A `Pending` belongs to the comparer that made it; given to another, it is never
    /// read out of bounds (it is done at once when its passages are not there).
    pub fn advance(&self, pending: &mut Pending, more: &mut dyn FnMut() -> bool) -> bool {
        let p = pending;
        if p.l.iter().chain(&p.r).any(|&i| i >= self.passages.len()) {
            return true;
        }
        // The vectors first, a passage at a time: for a long plan they are a good part
        // of the work.
        let all = p.l.len() + p.r.len();
        while p.made < all {
            let i = match p.l.get(p.made) {
                Some(&i) => i,
                None => p.r[p.made - p.l.len()],
            };
            if self.passages[i].pairable() {
                self.features(i);
            }
            p.made += 1;
            if !more() {
                return false;
            }
        }
        let (l, r) = (self.candidates(&p.l), self.candidates(&p.r));
        match p.job.step(&l, &r, more) {
            Some(pairs) => {
                self.remember(&p.left, &p.right, std::sync::Arc::new(pairs));
                true
            }
            None => false,
        }
    }

    /// The passages of a side (`region` or `region/document-id`), in bundle order.
    fn scope_ids(&self, spec: &str) -> Vec<usize> {
        let scope = Scope::of(spec);
        (0..self.passages.len())
            .filter(|&i| scope.holds(&self.passages[i].region, &self.passages[i].document))
            .collect()
    }

    /// Passages as the alignment sees them.
    fn candidates(&self, ids: &[usize]) -> Vec<align::Candidate<'_>> {
        ids.iter()
            .map(|&i| {
                let p = &self.passages[i];
                align::Candidate {
                    order: p.order,
                    pairable: p.pairable(),
                    bare: p.bare,
                    clause: p.clause,
                    role: p.role,
                    chars: p.chars,
                    features: if p.pairable() {
                        self.features(i)
                    } else {
                        &EMPTY_FEATURES
                    },
                }
            })
            .collect()
    }

    /// How many passages a side (`region` or `region/document-id`) has, all themes.
    pub fn passage_count(&self, side: &str) -> usize {
        let scope = Scope::of(side);
        self.passages
            .iter()
            .filter(|p| scope.holds(&p.region, &p.document))
            .count()
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
            .position(|p| *p.document == *document && p.paragraph == paragraph)
        else {
            return (None, None);
        };
        let text = |j: Option<usize>| {
            j.and_then(|j| self.passages.get(j))
                .filter(|p| *p.document == *document)
                .map(|p| p.text.to_string())
        };
        (text(i.checked_sub(1)), text(Some(i + 1)))
    }

    /// A side as asked for (`region` or `region/document-id`), checked against the bundle.
    fn side(&self, spec: &str) -> Result<Side, CompareError> {
        let scope = Scope::of(spec);
        let region = self
            .regions
            .iter()
            .find(|r| r.id == scope.region)
            .ok_or_else(|| CompareError::UnknownRegion {
                id: scope.region.to_owned(),
                valid: self.regions.iter().map(|r| r.id.clone()).collect(),
            })?;
        let documents: Vec<DocumentRef> = self
            .documents
            .iter()
            .filter(|(r, d)| scope.holds(r, &d.id))
            .map(|(_, d)| d.clone())
            .collect();
        if let Some(id) = scope.document
            && documents.is_empty()
        {
            return Err(CompareError::UnknownDocument {
                region: region.id.clone(),
                id: id.to_owned(),
                valid: self
                    .documents
                    .iter()
                    .filter(|(r, _)| *r == region.id)
                    .map(|(_, d)| d.id.clone())
                    .collect(),
            });
        }
        Ok(Side {
            region: region.id.clone(),
            zh: region.zh.clone(),
            en: region.en.clone(),
            documents,
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

/// One side of a comparison as asked for: a region, or one document of it
/// (`region/document-id`; neither kind of id has a `/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Scope<'a> {
    region: &'a str,
    document: Option<&'a str>,
}

impl<'a> Scope<'a> {
    fn of(spec: &'a str) -> Scope<'a> {
        match spec.split_once('/') {
            Some((region, document)) => Scope {
                region,
                document: Some(document),
            },
            None => Scope {
                region: spec,
                document: None,
            },
        }
    }

    /// Whether a passage or target of `document`, in `region`, is on this side.
    fn holds(&self, region: &str, document: &str) -> bool {
        region == self.region && self.document.is_none_or(|d| d == document)
    }
}
/// The pairs of two regions' passages: (left, right, score), positions in each region.
type Found = std::sync::Arc<Vec<(usize, usize, f32)>>;

/// An alignment of two sides under way: made by [`Comparer::pending`], worked on by
/// [`Comparer::advance`].
pub struct Pending {
    left: String,
    right: String,
    /// Each side's passages.
    l: Vec<usize>,
    r: Vec<usize>,
    /// How many of them (left then right) have their vectors made.
    made: usize,
    job: align::Job,
}

impl Pending {
    /// The two sides being aligned, as given to [`Comparer::pending`].
    pub fn sides(&self) -> (&str, &str) {
        (&self.left, &self.right)
    }

    /// How many passages the two sides have together: the size of the work.
    pub fn passages(&self) -> usize {
        self.l.len() + self.r.len()
    }
}

/// Vectors of a passage that is never paired.
static EMPTY_FEATURES: Features = Features {
    words: vector::Vector::EMPTY,
    topics: vector::Vector::EMPTY,
    themes: vector::Vector::EMPTY,
};

fn reference(p: &Passage) -> PassageRef {
    PassageRef {
        region: Arc::clone(&p.region),
        document: Arc::clone(&p.document),
        paragraph: p.paragraph.clone(),
        path: Arc::clone(&p.path),
        text: Arc::clone(&p.text),
        themes: p.themes.clone(),
        role: p.role,
        boilerplate: p.boilerplate,
    }
}

/// For every theme, how many passages each side gives to it, and how many each side shows
/// under it: its own and their counterparts (of `found`, the pairs of the whole
/// alignment, positions as in `passages` less `nl` on the right), as [`Comparer::align`]
/// filters them. The theme tabs count what a theme shows.
fn coverage(passages: &[PassageRef], nl: usize, found: &[(usize, usize, f32)]) -> Vec<Coverage> {
    Theme::ALL
        .into_iter()
        .map(|t| {
            let own: Vec<bool> = passages.iter().map(|p| p.themes.contains(&t)).collect();
            let mut shown = own.clone();
            for &(a, b, _) in found {
                if own[a] || own[nl + b] {
                    (shown[a], shown[nl + b]) = (true, true);
                }
            }
            let count = |marked: &[bool]| {
                let (l, r) = marked.split_at(nl);
                let n = |s: &[bool]| s.iter().filter(|&&m| m).count();
                (n(l), n(r))
            };
            let ((left, right), (shown_left, shown_right)) = (count(&own), count(&shown));
            Coverage {
                theme: t,
                left,
                right,
                shown_left,
                shown_right,
            }
        })
        .collect()
}

/// What the shown blocks hold, counted; `nl` passages are the left region's.
fn count<D>(blocks: &[Block], pairs: &[Pair<D>], passages: &[PassageRef], nl: usize) -> Counts {
    let mut c = Counts {
        pairs: pairs.len(),
        ..Counts::default()
    };
    let mut matched = vec![false; passages.len()];
    for p in pairs {
        matched[p.left] = true;
        matched[p.right] = true;
    }
    let mut seen = vec![false; passages.len()];
    for b in blocks {
        if matches!(b, Block::Both { .. }) {
            c.blocks += 1;
        }
        for i in b.passages() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            let left = i < nl;
            match (matched[i], passages[i].boilerplate.is_some(), left) {
                (true, _, true) => c.left_matched += 1,
                (true, _, false) => c.right_matched += 1,
                (false, true, _) => c.boilerplate += 1,
                (false, false, true) => c.left_only += 1,
                (false, false, false) => c.right_only += 1,
            }
        }
    }
    c
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::Role;

    fn passage(themes: &[Theme]) -> PassageRef {
        PassageRef {
            region: Arc::from("r"),
            document: Arc::from("d"),
            paragraph: String::new(),
            path: Arc::from([]),
            text: Arc::from("文字"),
            themes: themes.to_vec(),
            role: Role::Task,
            boilerplate: None,
        }
    }

    #[test]
    fn a_theme_shows_its_own_passages_and_their_counterparts_each_once() {
        use Theme::{Culture, Science};
        // Left 0..3, right 3..5. Left 0 (culture) pairs with right 0 (science) and right 1
        // (no theme); left 2 (science) with right 0 too.
        let passages: Vec<PassageRef> = [&[Culture][..], &[], &[Science], &[Science], &[]]
            .iter()
            .map(|t| passage(t))
            .collect();
        let found = [(0, 0, 0.5), (0, 1, 0.4), (2, 0, 0.3)];
        let cover = coverage(&passages, 3, &found);
        let of = |t: Theme| cover.iter().find(|c| c.theme == t).unwrap();
        // Culture: its left passage and both its counterparts.
        assert_eq!((of(Culture).left, of(Culture).right), (1, 0));
        assert_eq!((of(Culture).shown_left, of(Culture).shown_right), (1, 2));
        // Science: left 2 and right 0, which shows left 0 and 2 beside it, once each.
        assert_eq!((of(Science).left, of(Science).right), (1, 1));
        assert_eq!((of(Science).shown_left, of(Science).shown_right), (2, 1));
        assert_eq!(
            (of(Theme::Trade).shown_left, of(Theme::Trade).shown_right),
            (0, 0)
        );
    }

    #[test]
    fn warming_stops_when_told_resumes_where_it_stopped_and_changes_no_comparison() {
        let json = std::fs::read_to_string("www/bundle.json").expect("bundle");
        let bundle = Bundle::from_json(&json).expect("valid");
        let (warm, cold) = (Comparer::new(&bundle), Comparer::new(&bundle));
        // Told to stop at once: one passage per call.
        let mut calls = 1;
        while !warm.warm(&mut || false) {
            calls += 1;
        }
        assert_eq!(calls, warm.passages().len());
        assert!(warm.is_warm() && !cold.is_warm());
        assert!(warm.warm(&mut || true));
        for i in (0..cold.passages().len()).step_by(37) {
            assert_eq!(warm.features(i), cold.features(i));
        }
        assert_eq!(
            warm.compare("national", "zhejiang", "all").expect("ids"),
            cold.compare("national", "zhejiang", "all").expect("ids")
        );
    }
}
