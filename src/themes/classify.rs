//! Labelling sections and paragraphs with themes, strongest first.
//!
//! Headings carry most of the signal, so a section's themes come from its heading's cue
//! words, then from its text (its paragraphs and everything under it), then from the
//! section it sits in. How much each counts depends on how clearly the heading speaks: a
//! heading that names its subject (`畅通陆上通道`) decides; a vague one (`主要任务`,
//! `体现江西特色`, an article with no heading) is decided by its text and its parent.
//! A paragraph takes its section's themes unless its own words clearly point elsewhere.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::bundle::Theme;
use crate::bundle::{Document, Paragraph, Section};

/// Cue scores per theme.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores([f32; Theme::ALL.len()]);

impl Scores {
    fn add(&mut self, theme: Theme, weight: f32) {
        self.0[theme as usize] += weight;
    }

    /// The score of one theme.
    pub fn get(&self, theme: Theme) -> f32 {
        self.0[theme as usize]
    }

    /// The sum over all themes.
    pub fn total(&self) -> f32 {
        self.0.iter().sum()
    }

    /// Scaled to sum to 1 (all zero stays all zero).
    fn normalized(&self) -> Scores {
        let total = self.total();
        if total <= 0.0 {
            return Scores::default();
        }
        Scores(self.0.map(|s| s / total))
    }

    fn plus(self, other: Scores, weight: f32) -> Scores {
        let mut out = self;
        for (o, s) in out.0.iter_mut().zip(other.0) {
            *o += weight * s;
        }
        out
    }

    /// Themes by descending score: the strongest, and those at least `share` of it (at
    /// most three). Ties go to the spec's order.
    pub fn ranked(&self, share: f32) -> Vec<Theme> {
        let mut themes: Vec<Theme> = Theme::ALL
            .into_iter()
            .filter(|&t| self.get(t) > 0.0)
            .collect();
        themes.sort_by(|&a, &b| self.get(b).total_cmp(&self.get(a)));
        let Some(&top) = themes.first() else {
            return themes;
        };
        let floor = self.get(top) * share;
        themes.retain(|&t| self.get(t) >= floor);
        themes.truncate(3);
        themes
    }
}

/// A cue word and the themes it points to, with their weights.
struct Cue {
    word: String,
    themes: Vec<(Theme, f32)>,
}

/// The cue words, indexed by their first character, longest first.
pub struct Cues {
    by_first: HashMap<char, Vec<Cue>>,
}

impl Cues {
    /// The cues that ship with the crate (`src/themes/cues.tsv`).
    pub fn builtin() -> &'static Cues {
        static CUES: OnceLock<Cues> = OnceLock::new();
        // The file is part of the crate and a unit test parses it; an error here is a bug
        // caught by that test, so fall back to no cues rather than panic.
        CUES.get_or_init(|| {
            Cues::parse(include_str!("cues.tsv")).unwrap_or(Cues {
                by_first: HashMap::new(),
            })
        })
    }

    /// Parses `theme <TAB> weight <TAB> word` lines; `#` starts a comment.
    pub fn parse(tsv: &str) -> Result<Cues, String> {
        let mut words: HashMap<String, Vec<(Theme, f32)>> = HashMap::new();
        for (i, line) in tsv.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let [theme, weight, word] = fields[..] else {
                return Err(format!("line {}: expected theme, weight, word", i + 1));
            };
            let theme =
                Theme::from_id(theme).ok_or(format!("line {}: unknown theme {theme}", i + 1))?;
            let weight: f32 = weight
                .parse()
                .map_err(|_| format!("line {}: weight {weight} is not a number", i + 1))?;
            if word.is_empty() {
                return Err(format!("line {}: empty word", i + 1));
            }
            words
                .entry(word.to_owned())
                .or_default()
                .push((theme, weight));
        }
        let mut by_first: HashMap<char, Vec<Cue>> = HashMap::new();
        for (word, themes) in words {
            if let Some(first) = word.chars().next() {
                by_first
                    .entry(first)
                    .or_default()
                    .push(Cue { word, themes });
            }
        }
        for list in by_first.values_mut() {
            list.sort_by(|a, b| b.word.len().cmp(&a.word.len()).then(a.word.cmp(&b.word)));
        }
        Ok(Cues { by_first })
    }

    /// The cue scores of a text: at each position the longest cue that starts there counts,
    /// and scanning resumes after it.
    pub fn score(&self, text: &str) -> Scores {
        let mut scores = Scores::default();
        let mut rest = text;
        while let Some(first) = rest.chars().next() {
            let hit = self
                .by_first
                .get(&first)
                .and_then(|list| list.iter().find(|cue| rest.starts_with(cue.word.as_str())));
            match hit {
                Some(cue) => {
                    for &(theme, weight) in &cue.themes {
                        scores.add(theme, weight);
                    }
                    rest = &rest[cue.word.len()..];
                }
                None => rest = &rest[first.len_utf8()..],
            }
        }
        scores
    }
}

/// A heading whose cues add up to this names its subject.
const CLEAR_HEADING: f32 = 3.0;
/// Secondary themes need at least this share of the first theme's score.
const SECONDARY_SHARE: f32 = 0.35;
/// A paragraph overrides its section when its own cues add up to this...
const PARAGRAPH_OWN: f32 = 6.0;
/// ...and its top theme outscores the section's first theme this many times over.
const PARAGRAPH_MARGIN: f32 = 2.0;

/// Labels every section and paragraph of a document.
pub fn label_document(doc: &mut Document, cues: &Cues) {
    for p in &mut doc.preamble {
        let own = cues.score(&p.text);
        p.themes = if own.total() >= CLEAR_HEADING {
            own.ranked(SECONDARY_SHARE)
        } else {
            vec![Theme::General]
        };
    }
    label_sections(&mut doc.sections, None, cues);
}

fn label_sections(sections: &mut [Section], parent: Option<Scores>, cues: &Cues) {
    for section in sections {
        let heading = cues.score(&section.heading);
        let text = subtree_text_scores(section, cues).normalized();
        let parent = parent.unwrap_or_default();
        let clarity = heading.total();
        let combined = if clarity >= CLEAR_HEADING {
            Scores::default()
                .plus(heading.normalized(), 2.0)
                .plus(text, 0.6)
                .plus(parent, 0.4)
        } else if clarity > 0.0 {
            Scores::default()
                .plus(heading.normalized(), 1.0)
                .plus(text, 0.8)
                .plus(parent, 0.6)
        } else {
            Scores::default().plus(text, 1.0).plus(parent, 0.8)
        };
        let combined = combined.normalized();
        section.themes = combined.ranked(SECONDARY_SHARE);
        if section.themes.is_empty() {
            // Nothing in or around it names a subject: administrative text.
            section.themes = vec![Theme::General];
        }
        for p in &mut section.paragraphs {
            p.themes = paragraph_themes(p, &section.themes, cues);
        }
        label_sections(&mut section.sections, Some(combined), cues);
    }
}

/// The cue scores of everything a section holds: its paragraphs, and its subsections'
/// headings and text.
fn subtree_text_scores(section: &Section, cues: &Cues) -> Scores {
    let mut scores = Scores::default();
    for p in &section.paragraphs {
        scores = scores.plus(cues.score(&p.text), 1.0);
    }
    for child in &section.sections {
        scores = scores
            .plus(cues.score(&child.heading), 1.0)
            .plus(subtree_text_scores(child, cues), 1.0);
    }
    scores
}

fn paragraph_themes(p: &Paragraph, section: &[Theme], cues: &Cues) -> Vec<Theme> {
    let own = cues.score(&p.text);
    let own_ranked = own.ranked(SECONDARY_SHARE);
    let (Some(&own_top), Some(&section_top)) = (own_ranked.first(), section.first()) else {
        return section.to_vec();
    };
    let clearly_elsewhere = own.total() >= PARAGRAPH_OWN
        && !section.contains(&own_top)
        && own.get(own_top) >= PARAGRAPH_MARGIN * own.get(section_top);
    if clearly_elsewhere {
        own_ranked
    } else {
        section.to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_cues_parse() {
        let cues = Cues::parse(include_str!("cues.tsv")).unwrap();
        assert!(cues.by_first.len() > 100);
    }

    #[test]
    fn the_longest_cue_counts_once() {
        let cues = Cues::parse("trade\t3\t跨境电子商务\ntrade\t2\t电子商务\nculture\t3\t旅游\nculture\t3\t生态旅游\necology\t3\t生态\n").unwrap();
        let s = cues.score("发展跨境电子商务和生态旅游");
        assert_eq!(s.get(Theme::Trade), 3.0);
        assert_eq!(s.get(Theme::Culture), 3.0);
        assert_eq!(s.get(Theme::Ecology), 0.0);
    }

    #[test]
    fn bad_cue_files_are_rejected_with_a_line() {
        assert_eq!(
            Cues::parse("trade\t3\n").err().unwrap(),
            "line 1: expected theme, weight, word"
        );
        assert_eq!(
            Cues::parse("# c\ntrad\t3\t贸易\n").err().unwrap(),
            "line 2: unknown theme trad"
        );
    }

    #[test]
    fn ranking_keeps_strong_secondaries_only() {
        let mut s = Scores::default();
        s.add(Theme::Trade, 10.0);
        s.add(Theme::Industry, 4.0);
        s.add(Theme::Culture, 1.0);
        assert_eq!(s.ranked(0.35), vec![Theme::Trade, Theme::Industry]);
        assert_eq!(Scores::default().ranked(0.35), Vec::<Theme>::new());
    }
}
