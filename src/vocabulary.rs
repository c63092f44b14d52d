//! The lexicon the builder ships: the words of the corpus that two regions or more use,
//! each weighed by how few paragraphs use it, and the topics' weights
//! ([`crate::bundle::LexiconGroup`], [`crate::bundle::TopicInfo::idf`]).
//!
//! Words come from `jieba-rs`, a dictionary-and-HMM segmenter (the standard Python
//! `jieba` in Rust): character bigrams, the alternative, cannot tell `班列` from `列发`.
//! Only the builder segments this way (its dictionary weighs megabytes); readers cut
//! text by longest match against the shipped words ([`crate::compare::segment`]), which
//! needs no dictionary.
//!
//! A word only one region uses can never make two regions' passages alike, so it is left
//! out: the lexicon grows with the shared vocabulary, not with the text.

use std::collections::{BTreeMap, HashMap};

use jieba_rs::Jieba;

use crate::bundle::{Document, LexiconGroup, TopicInfo};
use crate::compare::segment::Segmenter;
use crate::topics::aliases::Alias;

/// The lexicon of `documents`, and `topics` with their weights set. A paragraph that uses
/// any name of an alias uses its term (the dictionary cuts most names apart: `长安`, `号`),
/// and a name the dictionary finds whole is its term too.
pub fn build(
    documents: &[Document],
    topics: &mut [TopicInfo],
    aliases: &[Alias],
) -> Vec<LexiconGroup> {
    let jieba = Jieba::new();
    let term_of: HashMap<&str, &str> = aliases
        .iter()
        .flat_map(|a| a.names.iter().map(|n| (n.as_str(), a.term.as_str())))
        .collect();
    // Per word: the regions that use it and how many paragraphs do.
    let mut regions: HashMap<String, Vec<&str>> = HashMap::new();
    let mut df: HashMap<String, u32> = HashMap::new();
    let mut paragraphs = 0u32;
    for doc in documents {
        for p in doc.all_paragraphs() {
            paragraphs += 1;
            let mut words: Vec<&str> = jieba
                .cut(&p.text, true)
                .into_iter()
                .map(|t| t.word)
                .filter(|w| is_word(w))
                .map(|w| term_of.get(w).copied().unwrap_or(w))
                .collect();
            words.extend(
                aliases
                    .iter()
                    .filter(|a| {
                        std::iter::once(&a.term)
                            .chain(&a.names)
                            .any(|n| p.text.contains(n.as_str()))
                    })
                    .map(|a| a.term.as_str()),
            );
            words.sort_unstable();
            words.dedup();
            for w in words {
                *df.entry(w.to_owned()).or_default() += 1;
                let rs = regions.entry(w.to_owned()).or_default();
                if !rs.contains(&doc.region.as_str()) {
                    rs.push(&doc.region);
                }
            }
        }
    }
    let n = paragraphs as f32;
    let idf = |df: u32| libm::logf((n + 1.0) / (df as f32 + 1.0)) + 1.0;
    let all_regions = {
        let mut r: Vec<&str> = documents.iter().map(|d| d.region.as_str()).collect();
        r.sort_unstable();
        r.dedup();
        r.len()
    };
    // Cues and alias terms name things: never generic.
    let cues: Vec<&str> = topics
        .iter()
        .flat_map(|t| t.cues.iter().map(String::as_str))
        .chain(aliases.iter().map(|a| a.term.as_str()))
        .collect();
    // Grouped by weight rounded to a tenth and by genericness: the bundle lists each
    // weight once.
    let mut groups: BTreeMap<(bool, u32), Vec<String>> = BTreeMap::new();
    for (word, rs) in &regions {
        if rs.len() >= 2 {
            let tenths = (idf(df[word]) * 10.0).round() as u32;
            let generic =
                !cues.contains(&word.as_str()) && generic(&jieba, word, rs.len(), all_regions);
            groups
                .entry((generic, tenths))
                .or_default()
                .push(word.clone());
        }
    }
    let lexicon: Vec<LexiconGroup> = groups
        .into_iter()
        .map(|((generic, tenths), mut words)| {
            words.sort_unstable();
            LexiconGroup {
                idf: tenths as f32 / 10.0,
                words,
                generic,
                alias_of: None,
            }
        })
        .collect();
    let mut lexicon = lexicon;
    // Each alias as a group of its own: the names, and the term they count as.
    lexicon.extend(aliases.iter().map(|a| LexiconGroup {
        idf: 0.0,
        words: a.names.clone(),
        generic: false,
        alias_of: Some(a.term.clone()),
    }));
    lexicon.push(LexiconGroup {
        // Not weighed: the words inside a formula count, the formula adds nothing.
        idf: 0.0,
        words: formulas(&jieba, documents, all_regions, &cues),
        generic: true,
        alias_of: None,
    });
    weigh_topics(documents, topics, &lexicon);
    lexicon
}

/// Set phrases: runs of four to twelve Chinese characters that most regions' plans use
/// (`资金融通`, `互利共赢`, `党中央、国务院`), longest first. Learned from the corpus rather
/// than listed: what every plan repeats is what tells two plans apart least. Shipped as
/// generic words, so that a reader never marks them, nor a word inside them, as what two
/// passages share.
///
/// Cost: one pass over each paragraph per phrase length, so linear in the text.
fn formulas(
    jieba: &Jieba,
    documents: &[Document],
    all_regions: usize,
    cues: &[&str],
) -> Vec<String> {
    const SHORTEST: usize = 4;
    const LONGEST: usize = 12;
    let mut seen: HashMap<String, Vec<&str>> = HashMap::new();
    for doc in documents {
        for p in doc.all_paragraphs() {
            let chars: Vec<char> = p.text.chars().collect();
            for run in chars.split(|c| !('\u{4e00}'..='\u{9fff}').contains(c)) {
                for n in SHORTEST..=LONGEST.min(run.len()) {
                    for w in run.windows(n) {
                        let rs = seen.entry(w.iter().collect()).or_default();
                        if !rs.contains(&doc.region.as_str()) {
                            rs.push(&doc.region);
                        }
                    }
                }
            }
        }
    }
    // Most regions (at least half of those with plans) use it.
    let common: Vec<(String, usize)> = seen
        .into_iter()
        .filter(|(_, rs)| rs.len() * 2 >= all_regions)
        .map(|(w, rs)| (w, rs.len()))
        .collect();
    // The longest form of each: a phrase goes when a longer one that contains it is as
    // widespread (`一带一` goes, `一带一路` stays).
    let mut by_length = common;
    by_length.sort_by(|a, b| {
        b.0.chars()
            .count()
            .cmp(&a.0.chars().count())
            .then(a.0.cmp(&b.0))
    });
    let mut kept: Vec<(String, usize)> = Vec::new();
    for (w, n) in by_length {
        if !kept.iter().any(|(k, m)| *m >= n && k.contains(w.as_str())) {
            kept.push((w, n));
        }
    }
    // A phrase that names a topic (`跨境电子商务`) is a common topic, not a formula; one
    // that begins or ends on a particle (`与沿线国家`) is a cut through words.
    const PARTICLES: &str = "与和的在等及并对为将以于之";
    kept.retain(|(w, _)| {
        let words = jieba.cut(w, true);
        let last = words.len().saturating_sub(1);
        !cues.iter().any(|c| w.contains(c))
            && !w.starts_with(|c| PARTICLES.contains(c))
            && !w.ends_with(|c| PARTICLES.contains(c))
            // Whole words, a particle between them at most (`加强与沿` cuts `沿线`).
            && words.iter().enumerate().all(|(k, t)| {
                t.word.chars().count() >= 2 || (k != 0 && k != last && PARTICLES.contains(t.word))
            })
    });
    let mut out: Vec<String> = kept.into_iter().map(|(w, _)| w).collect();
    out.sort_unstable();
    out
}

/// Sets each topic's weight from how many paragraphs name it (in their text or the
/// headings above them), found the way readers find topics.
fn weigh_topics(documents: &[Document], topics: &mut [TopicInfo], lexicon: &[LexiconGroup]) {
    let segmenter = Segmenter::new(lexicon, topics);
    let mut df = vec![0u32; topics.len()];
    let mut n = 0u32;
    for doc in documents {
        for (p, headings) in crate::compare::passages::with_headings(doc) {
            n += 1;
            let mut seen = vec![false; topics.len()];
            for text in std::iter::once(p.text.as_str()).chain(headings.iter().map(String::as_str))
            {
                for t in segmenter.topic_hits(&crate::compare::mask::agencies(text)) {
                    seen[usize::from(t)] = true;
                }
            }
            for (d, s) in df.iter_mut().zip(seen) {
                *d += u32::from(s);
            }
        }
    }
    for (topic, d) in topics.iter_mut().zip(df) {
        let idf = libm::logf((n as f32 + 1.0) / (d as f32 + 1.0)) + 1.0;
        topic.idf = (idf * 10.0).round() / 10.0;
    }
}

/// Whether a word is generic wording rather than the name of something specific: a verb,
/// an adverb, an idiom or set phrase (`互利共赢`), a place name, a government body
/// (`商务部`), or a noun that many plans use (`平台`, `大局`, `部署`). What is left — the
/// names few plans share (a project, a programme, a specific object) — and the topic cues
/// are what a reader is shown as common to two passages. Parts of speech are the
/// dictionary's.
fn generic(jieba: &Jieba, word: &str, regions: usize, all: usize) -> bool {
    const NAMING: [&str; 8] = ["n", "nr", "nrt", "nt", "nz", "j", "eng", "vn"];
    const BODIES: [char; 8] = ['部', '委', '局', '厅', '办', '署', '院', '会'];
    let tags = jieba.tag(word, true);
    let naming = matches!(tags.as_slice(), [t] if NAMING.contains(&t.tag));
    let body = matches!(tags.as_slice(), [t] if t.tag == "nt") && word.ends_with(BODIES);
    // Shared by few plans: at most three in ten.
    let few = regions * 10 <= all * 3;
    !(naming && few) || body
}

/// A word worth comparing: two characters or more, not a number, no punctuation.
fn is_word(w: &str) -> bool {
    w.chars().count() >= 2
        && w.chars().all(|c| c.is_alphanumeric())
        && !w
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_words() {
        assert!(is_word("中欧班列"));
        assert!(is_word("AEO"));
        assert!(!is_word("2020"));
        assert!(!is_word("的"));
        assert!(!is_word("，"));
    }
}
