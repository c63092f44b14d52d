//! What a passage is about, as three vectors the alignment compares: its words (weighed
//! by how rare they are), its topics, and the themes those topics belong to.
//!
//! Each says something the others cannot. Words catch the same named project
//! (`中俄丝路创新园`) or the same measure in the same terms; topics catch the same object
//! named differently (an annex row on a Confucius Institute and an omnibus paragraph's
//! `教育合作`); themes catch the same area when the objects differ (bonded zones and trade
//! fairs are both trade). The headings above a passage count too, at a lower weight: an
//! annex row `持续推进` means little, its row heading `千家企业闯国际市场` a lot.
//!
//! A heading says less about each passage the more passages it stands above. A row
//! heading over two cells names what both are about; an annex title over a long list of rule
//! rows (`国务院决定在自由贸易试验区暂时调整…目录`) names the list, not the row
//! `（四）滚装船、液化气体运输船和散装化学品运输船；`, and with its words at full weight
//! every such row, having few words of its own, became a copy of the title and the
//! counterpart of any passage of the other plan that names a free-trade zone. So a
//! heading's words count in full over at most [`HEADING_SPREAD`] passages, and beyond
//! that are spread over the passages below it. What a passage loses that way still
//! counts in its length, as a term no other passage shares ([`Vector::damped`]): a row
//! made mostly of a broad heading's words is a short vector, alike nothing much, rather
//! than the heading's copy.
//!
//! A document's title is such a heading over all its passages, and its words, when a
//! passage says them again, are the document's subject more than the passage's: the
//! free-trade-zone regulation names `自贸试验区` in nearly every article, so every article
//! was the counterpart of whatever passage of another plan names a free-trade zone. In a
//! long document, a passage's own words that its title has are spread the same way, over
//! the document's passages beyond [`TITLE_SPREAD`]. A short plan's title words keep
//! their weight: there they still tell its few passages from another plan's.
//! (Spreading instead any word that many passages of one document use needed every
//! passage of a document cut before the first of its vectors, and on the gold sets and
//! the national documents did less than the title.)

use super::mask;
use super::segment::{Hit, Segmenter};
use super::vector::Vector;
use crate::bundle::{Theme, TopicInfo};

/// How much the nearest two headings' words count against the passage's own.
pub const HEADING_WORDS: f32 = 0.8;
/// The most passages a heading may stand above and have its words count in full (at
/// [`HEADING_WORDS`]) for each; above `n` passages, each gets `HEADING_SPREAD / n` of that
/// weight. Above the row and sub-section headings of the provincial plans (the gold's
/// headings that carry a row's topic), below an annex title over a list of rules.
pub const HEADING_SPREAD: usize = 20;
/// The most passages a document may have and the words of its title, said in a
/// passage's own text, count in full; above `n` passages, `TITLE_SPREAD / n`. More than
/// [`HEADING_SPREAD`]: a passage that names its document's subject says it on purpose,
/// and only in a long document does the subject run through every section.
pub const TITLE_SPREAD: usize = 60;
/// How much a topic named by the nearest heading counts, and by a heading further up.
pub const HEADING_TOPIC: (f32, f32) = (0.5, 0.3);
/// The weight of each vector in the similarity: words, topics, themes.
pub const WEIGHTS: (f32, f32, f32) = (0.8, 0.1, 0.1);
/// How much topic weight a passage needs before its topics count in full (about two
/// clear cues): the topic and theme vectors are [`Vector::damped`] by it. A passage that
/// names a topic once in passing, as a bare list word, is not about it the way a passage
/// that dwells on it is; undamped, one shared cue between two passages with one cue each
/// would make their topics identical.
pub const TOPIC_PRIOR: f32 = 8.0;

/// A passage's vectors.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Features {
    /// Shared-vocabulary words, `(1 + ln tf) · idf`.
    pub words: Vector,
    /// Topics, `(1 + ln count) · idf`.
    pub topics: Vector,
    /// The same topic weights summed by theme.
    pub themes: Vector,
}

impl Features {
    /// The vectors of `text` under `headings` (outermost first), each with how many
    /// passages it stands above (its own, its sub-sections' and this one included), in a
    /// document of that many passages whose title has the words given (see
    /// [`Features::title_words`]).
    pub fn new(
        segmenter: &Segmenter,
        topics: &[TopicInfo],
        text: &str,
        headings: &[(&str, usize)],
        document: (&[u32], usize),
    ) -> Features {
        let text = mask::agencies(text);
        // Each text cut once; its words and its topics both come from the cut.
        let own = segmenter.words(&text);
        let cut: Vec<Vec<Hit>> = headings
            .iter()
            .map(|h| segmenter.words(&mask::agencies(h.0)))
            .collect();
        // Words: the text, and the nearest two headings as one context, each word at the
        // spread of the nearest heading that has it.
        let mut words: Vec<(u32, f32)> = Vec::new();
        let idf = |w: u32| segmenter.entry(w).idf;
        weigh(&mut words, own.iter().map(|h| h.word).collect(), 1.0, idf);
        let nearest: Vec<(&Vec<Hit>, f32)> = cut
            .iter()
            .zip(headings)
            .rev()
            .take(2)
            .map(|(hits, h)| (hits, spread(h.1, HEADING_SPREAD)))
            .collect();
        let context: Vec<u32> = nearest.iter().flat_map(|n| n.0).map(|h| h.word).collect();
        let from = words.len();
        weigh(&mut words, context, HEADING_WORDS, idf);
        let mut lost = 0.0f32;
        if document.1 > TITLE_SPREAD {
            let title = document.0;
            let share = spread(document.1, TITLE_SPREAD);
            for (w, weight) in &mut words[..from] {
                if title.contains(w) {
                    lost += *weight * *weight * (1.0 - share * share);
                    *weight *= share;
                }
            }
        }
        for (w, weight) in &mut words[from..] {
            let share = nearest
                .iter()
                .find(|n| n.0.iter().any(|h| h.word == *w))
                .map_or(1.0, |n| n.1);
            lost += *weight * *weight * (1.0 - share * share);
            *weight *= share;
        }

        // Topics: each cue once per place, headings at a lower weight.
        let mut counts: Vec<(u32, f32)> = segmenter
            .topics_of(&own)
            .into_iter()
            .map(|t| (u32::from(t), 1.0))
            .collect();
        for (k, hits) in cut.iter().rev().enumerate() {
            let w = if k == 0 {
                HEADING_TOPIC.0
            } else {
                HEADING_TOPIC.1
            };
            counts.extend(
                segmenter
                    .topics_of(hits)
                    .into_iter()
                    .map(|t| (u32::from(t), w)),
            );
        }
        let topic_weights: Vec<(u32, f32)> = super::vector::merged(counts)
            .into_iter()
            .filter_map(|(t, c)| {
                let info = topics.get(t as usize)?;
                let tf = if c >= 1.0 { 1.0 + libm::logf(c) } else { c };
                Some((t, tf * info.idf))
            })
            .collect();
        let themes: Vec<(u32, f32)> = topic_weights
            .iter()
            .filter_map(|&(t, w)| Some((theme_index(topics.get(t as usize)?.theme), w)))
            .collect();
        Features {
            words: Vector::damped(words, lost.sqrt()),
            topics: Vector::damped(topic_weights, TOPIC_PRIOR),
            themes: Vector::damped(themes, TOPIC_PRIOR),
        }
    }

    /// The words of a document's title, as [`Features::new`] takes them: found once per
    /// document by the caller, not once per passage.
    pub fn title_words(segmenter: &Segmenter, title: &str) -> Vec<u32> {
        segmenter
            .words(&mask::agencies(title))
            .iter()
            .map(|h| h.word)
            .collect()
    }

    /// How alike two passages are, 0–1.
    pub fn similarity(&self, other: &Features) -> f32 {
        combine(
            self.words.cosine(&other.words),
            self.topics.cosine(&other.topics),
            self.themes.cosine(&other.themes),
        )
    }
}

/// The similarity of two passages from the cosines of their words, topics and themes:
/// one expression, so every way of finding the cosines gives the same bits.
pub fn combine(words: f32, topics: f32, themes: f32) -> f32 {
    WEIGHTS.0 * words + WEIGHTS.1 * topics + WEIGHTS.2 * themes
}

/// The share of its weight a word that `n` passages share (below one heading, or in one
/// document's title) gives each of them, when it counts in full over at most `most`.
fn spread(n: usize, most: usize) -> f32 {
    if n <= most {
        1.0
    } else {
        most as f32 / n as f32
    }
}

/// Adds the `(1 + ln tf) · idf · scale` weights of the words `ids` (with repeats).
fn weigh(
    out: &mut Vec<(u32, f32)>,
    mut ids: Vec<u32>,
    scale: f32,
    idf: impl Fn(u32) -> Option<f32>,
) {
    crate::sort::sort_by(&mut ids, Ord::cmp);
    let mut k = 0;
    while k < ids.len() {
        let w = ids[k];
        let run = ids[k..].iter().take_while(|&&x| x == w).count();
        if let Some(idf) = idf(w) {
            out.push((w, scale * (1.0 + libm::logf(run as f32)) * idf));
        }
        k += run;
    }
}

fn theme_index(theme: Theme) -> u32 {
    Theme::ALL.iter().position(|&t| t == theme).unwrap_or(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::LexiconGroup;

    /// A short document without a title.
    const SHORT: (&[u32], usize) = (&[], 1);

    fn model() -> (Segmenter, Vec<TopicInfo>) {
        let lexicon = [LexiconGroup {
            idf: 3.0,
            words: ["中欧", "班列", "发展", "教育", "合作", "孔子学院"]
                .map(String::from)
                .to_vec(),
            generic: false,
            alias_of: None,
        }];
        let topics = vec![
            TopicInfo {
                id: "rail-freight".into(),
                theme: Theme::Connectivity,
                zh: String::new(),
                en: String::new(),
                cues: vec!["中欧班列".into(), "班列".into()],
                idf: 2.0,
            },
            TopicInfo {
                id: "education".into(),
                theme: Theme::Culture,
                zh: String::new(),
                en: String::new(),
                cues: vec!["教育".into(), "孔子学院".into()],
                idf: 2.0,
            },
        ];
        let s = Segmenter::new(&lexicon, &topics);
        (s, topics)
    }

    #[test]
    fn the_same_topic_in_other_words_is_alike() {
        let (s, t) = model();
        let a = Features::new(&s, &t, "建设孔子学院。", &[], SHORT);
        let b = Features::new(&s, &t, "深化教育合作。", &[], SHORT);
        let c = Features::new(&s, &t, "加快中欧班列发展。", &[], SHORT);
        assert!(a.similarity(&b) > 0.0);
        assert_eq!(a.similarity(&c), 0.0);
    }

    #[test]
    fn a_passage_that_dwells_on_a_topic_is_about_it_more_than_a_passing_mention() {
        let (s, t) = model();
        let dwells = Features::new(&s, &t, "建设孔子学院，扩大教育合作，发展教育。", &[], SHORT);
        let mentions = Features::new(&s, &t, "建设孔子学院。", &[], SHORT);
        let other = Features::new(&s, &t, "推动教育。", &[], SHORT);
        assert!(dwells.topics.cosine(&other.topics) > 1.5 * mentions.topics.cosine(&other.topics));
    }

    #[test]
    fn a_heading_names_the_topic_of_a_bare_row() {
        let (s, t) = model();
        let row = Features::new(
            &s,
            &t,
            "持续推进。",
            &[("人文交流项目", 8), ("教育合作工程", 2)],
            SHORT,
        );
        let other = Features::new(&s, &t, "深化教育合作。", &[], SHORT);
        assert!(row.similarity(&other) > 0.5);
    }

    #[test]
    fn a_heading_over_a_long_list_says_little_about_each_row() {
        let (s, t) = model();
        let other = Features::new(&s, &t, "深化教育合作。", &[], SHORT);
        let under = |n: usize| Features::new(&s, &t, "持续推进。", &[("教育合作工程", n)], SHORT);
        let (row, list) = (under(2), under(10 * HEADING_SPREAD));
        assert_eq!(under(HEADING_SPREAD), row);
        assert!(list.similarity(&other) < 0.2 * row.similarity(&other));
        // Its own words keep their weight.
        let own = |n: usize| Features::new(&s, &t, "发展教育。", &[("中欧班列", n)], SHORT);
        assert!(own(10 * HEADING_SPREAD).similarity(&other) > 0.9 * own(2).similarity(&other));
    }

    #[test]
    fn a_long_document_s_subject_said_again_in_a_passage_says_little_about_it() {
        let (s, t) = model();
        let other = Features::new(&s, &t, "加快中欧班列发展。", &[], SHORT);
        let text = "发展教育，开行中欧班列。";
        let title = |t: &str| Features::title_words(&s, t);
        let rail = title("中欧班列条例");
        let alike = |n: usize| Features::new(&s, &t, text, &[], (&rail, n)).similarity(&other);
        assert_eq!(alike(TITLE_SPREAD), alike(1));
        assert!(alike(10 * TITLE_SPREAD) < 0.5 * alike(1));
        // Words its title does not have keep their weight.
        let school = title("孔子学院条例");
        let own = |n: usize| Features::new(&s, &t, text, &[], (&school, n)).similarity(&other);
        assert_eq!(own(10 * TITLE_SPREAD), own(1));
    }
}
