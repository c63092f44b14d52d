//! The whole compilation at once, rather than two regions: how much each region says on
//! each theme and topic (the map), and what every region says on one of them.
//!
//! Counts are of content passages (boilerplate — titles, cover letters, lists of agencies
//! — says nothing on a subject). The topics a passage names are found with the bundle's
//! lexicon ([`super::segment`]), once for every passage: [`Topics::new`] is one pass over
//! the text, made when a view first needs it.

use super::passages::Passage;
use super::segment::Segmenter;
use super::targets::TargetRef;
use crate::bundle::{Bundle, MetricKind, Theme};

/// What the map's columns and the topic view are about: a theme, or a topic (an index into
/// the bundle's topics).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// One of the nine themes.
    Theme(Theme),
    /// A topic of the bundle's taxonomy.
    Topic(u16),
}

/// The topics each passage names, with how often.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Topics {
    /// Per passage: `(topic, times named)`, in the order first named.
    per_passage: Vec<Vec<(u16, u16)>>,
}

impl Topics {
    /// Finds the topics of every passage (one pass over the text).
    pub fn new(segmenter: &Segmenter, passages: &[Passage]) -> Topics {
        let mut per_passage = Vec::with_capacity(passages.len());
        for p in passages {
            let mut out: Vec<(u16, u16)> = Vec::new();
            for t in segmenter.topic_hits(&p.text) {
                match out.iter_mut().find(|(k, _)| *k == t) {
                    Some((_, n)) => *n = n.saturating_add(1),
                    None => out.push((t, 1)),
                }
            }
            per_passage.push(out);
        }
        Topics { per_passage }
    }

    /// How many times passage `i` names `topic`.
    pub fn times(&self, i: usize, topic: u16) -> usize {
        self.per_passage
            .get(i)
            .and_then(|ts| ts.iter().find(|(k, _)| *k == topic))
            .map_or(0, |&(_, n)| usize::from(n))
    }
}

impl Subject {
    /// How strongly passage `i` is about it: 0 when not at all. For a theme, higher for a
    /// passage whose strongest theme it is; for a topic, the times the passage names it.
    pub fn weight(self, passages: &[Passage], topics: &Topics, i: usize) -> usize {
        let p = &passages[i];
        if p.boilerplate.is_some() {
            return 0;
        }
        match self {
            Subject::Theme(t) => p
                .themes
                .iter()
                .position(|&x| x == t)
                .map_or(0, |k| Theme::ALL.len() - k),
            Subject::Topic(k) => topics.times(i, k),
        }
    }
}

/// Regions × subjects: how many content passages of each region are on each subject.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Map {
    /// Region ids, one per row.
    pub regions: Vec<String>,
    /// One per column.
    pub subjects: Vec<Subject>,
    /// Row by row.
    counts: Vec<usize>,
    /// Each region's content passages, all subjects.
    pub totals: Vec<usize>,
}

impl Map {
    /// Counts `passages` of each of `regions` on each of `subjects`.
    pub fn new(
        passages: &[Passage],
        topics: &Topics,
        regions: &[String],
        subjects: &[Subject],
    ) -> Map {
        let mut counts = vec![0; regions.len() * subjects.len()];
        let mut totals = vec![0; regions.len()];
        for (i, p) in passages.iter().enumerate() {
            let Some(row) = regions.iter().position(|r| **r == *p.region) else {
                continue;
            };
            if p.boilerplate.is_some() {
                continue;
            }
            totals[row] += 1;
            for (col, s) in subjects.iter().enumerate() {
                if s.weight(passages, topics, i) > 0 {
                    counts[row * subjects.len() + col] += 1;
                }
            }
        }
        Map {
            regions: regions.to_vec(),
            subjects: subjects.to_vec(),
            counts,
            totals,
        }
    }

    /// The count of region `row` on subject `col`.
    pub fn count(&self, row: usize, col: usize) -> usize {
        self.counts[row * self.subjects.len() + col]
    }

    /// The largest count of a cell.
    pub fn max(&self) -> usize {
        self.counts.iter().copied().max().unwrap_or(0)
    }

    /// The rows in the order of a column, largest first when `descending`: `Some(col)` a
    /// subject's, `None` the totals'. Ties keep the bundle's order.
    pub fn rows_by(&self, column: Option<usize>, descending: bool) -> Vec<usize> {
        let mut rows: Vec<(usize, usize)> = (0..self.regions.len())
            .map(|r| (r, column.map_or(self.totals[r], |c| self.count(r, c))))
            .collect();
        crate::sort::sort_by(&mut rows, |a, b| {
            if descending {
                b.1.cmp(&a.1)
            } else {
                a.1.cmp(&b.1)
            }
        });
        rows.into_iter().map(|(r, _)| r).collect()
    }
}

/// What one region says on a subject.
#[derive(Clone, Debug, PartialEq)]
pub struct Says {
    /// Region id.
    pub region: String,
    /// Its passages on the subject (indices into the passages), most on it first, then
    /// the longest.
    pub passages: Vec<usize>,
    /// Its targets on the subject, in reading order.
    pub targets: Vec<TargetRef>,
}

/// What each of `regions` says on `subject`: regions with nothing on it are left out.
/// A target is on a theme when it is classed under it, on a topic when its quote names it.
pub fn everywhere(
    bundle: &Bundle,
    segmenter: &Segmenter,
    passages: &[Passage],
    topics: &Topics,
    regions: &[String],
    subject: Subject,
) -> Vec<Says> {
    let mut out = Vec::new();
    for region in regions {
        let mut on: Vec<(usize, i64)> = Vec::new();
        for (i, p) in passages.iter().enumerate() {
            let weight = if *p.region == **region {
                subject.weight(passages, topics, i)
            } else {
                0
            };
            // Most on it first; of those, the longest: a paragraph says more than an
            // item of a list of regulations.
            if weight > 0 {
                on.push((
                    i,
                    weight as i64 * 1_000_000 + p.text.len().min(999_999) as i64,
                ));
            }
        }
        crate::sort::ranked(&mut on);
        let mut targets = Vec::new();
        for d in bundle.documents.iter().filter(|d| d.region == *region) {
            for m in &d.metrics {
                let on_it = m.kind == MetricKind::Target
                    && match subject {
                        Subject::Theme(t) => m.theme == Some(t),
                        Subject::Topic(k) => segmenter.topic_hits(&m.quote).contains(&k),
                    };
                if on_it {
                    targets.push(TargetRef::new(&d.id, m));
                }
            }
        }
        if !on.is_empty() || !targets.is_empty() {
            out.push(Says {
                region: region.clone(),
                passages: on.iter().map(|&(i, _)| i).collect(),
                targets,
            });
        }
    }
    out
}
