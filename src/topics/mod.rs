//! The topic taxonomy (`topics.tsv`, reviewable data): what passages are about, finer
//! than the nine themes. The builder ships it in the bundle ([`crate::bundle::TopicInfo`]);
//! readers find topics in a text with the bundle's lexicon ([`crate::compare::segment`]).

pub mod aliases;

use crate::bundle::{Theme, TopicInfo};

/// The taxonomy that ships with the crate.
pub fn builtin() -> Vec<TopicInfo> {
    parse(include_str!("topics.tsv"))
}

/// Reads the taxonomy's lines; blank lines and `#` comments are skipped. The file is
/// part of the crate, so a malformed line is a bug that the tests catch, not an input
/// error: it is skipped rather than reported.
fn parse(tsv: &str) -> Vec<TopicInfo> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut f = line.split('\t');
            let (id, theme, en, zh, cues) = (f.next()?, f.next()?, f.next()?, f.next()?, f.next()?);
            Some(TopicInfo {
                id: id.to_owned(),
                theme: Theme::from_id(theme)?,
                zh: zh.to_owned(),
                en: en.to_owned(),
                cues: cues
                    .split(',')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect(),
                // Weighed against the corpus by the builder.
                idf: 1.0,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_taxonomy_is_read() {
        let lines = include_str!("topics.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        let topics = builtin();
        assert_eq!(topics.len(), lines, "a malformed line in topics.tsv");
        let mut ids: Vec<&str> = topics.iter().map(|t| t.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), topics.len(), "topic ids must be unique");
        assert!(
            topics
                .iter()
                .all(|t| !t.cues.is_empty() && t.cues.iter().all(|c| c.chars().count() >= 2))
        );
    }
}
