//! Other names of one object (`aliases.tsv`, reviewable data): Xi'an's `长安号` and
//! Chengdu's `蓉欧` are both their city's China–Europe train, and a reader of the two plans
//! wants them side by side though they share no word. The builder weighs each term over
//! the paragraphs that use any of its names and ships the table in the bundle's lexicon
//! ([`crate::bundle::LexiconGroup::alias_of`]); readers count each name as its term where
//! they cut a text into words ([`crate::compare::segment::Segmenter`]).

/// Other names of one object.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// The word the names count as.
    pub term: String,
    /// Its other names.
    pub names: Vec<String>,
}

/// The aliases that ship with the crate.
pub fn builtin() -> Vec<Alias> {
    parse(include_str!("aliases.tsv"))
}

/// Reads the table's lines; blank lines and `#` comments are skipped. Like the topics, the
/// file is part of the crate: a malformed line is a bug the tests catch.
fn parse(tsv: &str) -> Vec<Alias> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let (term, names) = line.split_once('\t')?;
            Some(Alias {
                term: term.trim().to_owned(),
                names: names
                    .split(',')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_owned)
                    .collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_table_is_read_and_each_name_names_one_term() {
        let lines = include_str!("aliases.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        let aliases = builtin();
        assert_eq!(aliases.len(), lines, "a malformed line in aliases.tsv");
        let mut all: Vec<&str> = aliases
            .iter()
            .flat_map(|a| {
                std::iter::once(a.term.as_str()).chain(a.names.iter().map(String::as_str))
            })
            .collect();
        assert!(all.iter().all(|w| w.chars().count() >= 2));
        assert!(aliases.iter().all(|a| !a.names.is_empty()));
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(
            all.len(),
            n,
            "a name of two terms, or a term that is another's name"
        );
    }

    #[test]
    fn a_name_that_is_a_topic_cue_is_a_cue_of_its_term_s_topic() {
        // A reader finds a name as its term, with the term's topics only.
        let topics = crate::topics::builtin();
        for a in builtin() {
            for name in &a.names {
                for t in topics.iter().filter(|t| t.cues.contains(name)) {
                    assert!(
                        t.cues.contains(&a.term),
                        "{name} is a cue of {}, {} is not",
                        t.id,
                        a.term
                    );
                }
            }
        }
    }

    #[test]
    fn every_name_is_in_the_corpus() {
        let corpus = include_str!("../../data/belt-and-road-plans-2018.txt");
        // The corpus breaks lines inside words.
        let text: String = corpus.chars().filter(|c| !c.is_whitespace()).collect();
        for a in builtin() {
            for name in &a.names {
                assert!(text.contains(name.as_str()), "{name} is not in the corpus");
            }
        }
    }
}
