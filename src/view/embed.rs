//! How a host page embeds a widget, beyond what it compares: which blocks it shows and how
//! many (an article quotes three passages, not two hundred), and what a link points at.
//! Read from attributes like the [`State`](super::State), with an error that names the
//! valid values. (Links themselves, and the URL hash, are the element script's.)

use super::state::StateError;
use crate::bundle::TopicInfo;
use crate::compare::{Block, PassageRef};

/// The host page's choices for one widget.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Embed {
    /// Passages by `document/paragraph` (`passages="henan-2017-09-28/s2.5.p1 …"`): only
    /// the blocks that hold one are shown.
    pub passages: Vec<String>,
    /// Topic ids of the bundle (`topics="rail-freight ports"`): only the blocks with a
    /// passage that names one are shown.
    pub topics: Vec<String>,
    /// At most this many rows, as drawn (a block where both speak is one, a run of one
    /// side's passages may be two: its content and its boilerplate).
    pub max_rows: Option<usize>,
    /// What a link points at: drawn, opened if folded, and marked.
    pub at: Option<Anchor>,
}

/// A passage, or the block that holds it (`at="block:document/paragraph"`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// `document/paragraph`.
    pub passage: String,
    /// The whole block, not the passage alone.
    pub block: bool,
}

/// Ids separated by spaces or commas.
fn list(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for id in text.split([' ', ',', '\n', '\t']) {
        if !id.is_empty() {
            out.push(id.to_owned());
        }
    }
    out
}

impl Embed {
    /// Reads the embedding from attribute values (`None` when absent); `topics` are the
    /// bundle's.
    pub fn from_attributes(
        get: &dyn Fn(&str) -> Option<String>,
        topics: &[TopicInfo],
    ) -> Result<Embed, StateError> {
        let read = |name: &str| get(name).unwrap_or_default().trim().to_owned();
        let chosen = list(&read("topics"));
        for t in &chosen {
            if !topics.iter().any(|info| info.id == *t) {
                return Err(StateError {
                    attribute: "topics",
                    value: t.clone(),
                    valid: topics.iter().map(|t| t.id.clone()).collect(),
                });
            }
        }
        let rows = read("max-rows");
        let max_rows = match rows.parse::<usize>() {
            _ if rows.is_empty() => None,
            Ok(n) if n > 0 => Some(n),
            _ => {
                return Err(StateError {
                    attribute: "max-rows",
                    value: rows,
                    valid: vec!["a whole number from 1".into()],
                });
            }
        };
        let at = read("at");
        let at = (!at.is_empty()).then(|| match at.strip_prefix("block:") {
            Some(p) => Anchor {
                passage: p.to_owned(),
                block: true,
            },
            None => Anchor {
                passage: at.clone(),
                block: false,
            },
        });
        Ok(Embed {
            passages: list(&read("passages")),
            topics: chosen,
            max_rows,
            at,
        })
    }

    /// The blocks to show, by index: those that hold a chosen passage or one that
    /// `about` says names a chosen topic. `None` when the page chose neither (all are
    /// shown; `max_rows` counts rows as drawn, so the view applies it).
    pub fn blocks(
        &self,
        blocks: &[Block],
        passages: &[PassageRef],
        about: &dyn Fn(&PassageRef) -> bool,
    ) -> Option<Vec<usize>> {
        if self.passages.is_empty() && self.topics.is_empty() {
            return None;
        }
        let chosen = |i: usize| {
            passages.get(i).is_some_and(|p| {
                self.passages
                    .iter()
                    .any(|k| k.split_once('/') == Some((&p.document, &p.paragraph)))
                    || (!self.topics.is_empty() && about(p))
            })
        };
        let mut shown = Vec::new();
        for (b, block) in blocks.iter().enumerate() {
            if block.passages().any(&chosen) {
                shown.push(b);
            }
        }
        Some(shown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::Role;

    fn read(attrs: &[(&str, &str)]) -> Result<Embed, String> {
        let topics: Vec<TopicInfo> = ["rail-freight", "ports"]
            .into_iter()
            .map(|id| TopicInfo {
                id: id.into(),
                theme: crate::bundle::Theme::Connectivity,
                zh: String::new(),
                en: String::new(),
                cues: Vec::new(),
                idf: 1.0,
            })
            .collect();
        Embed::from_attributes(
            &|name| {
                attrs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            },
            &topics,
        )
        .map_err(|e| e.to_string())
    }

    fn passage(document: &str, paragraph: &str, text: &str) -> PassageRef {
        PassageRef {
            region: "".into(),
            document: document.into(),
            paragraph: paragraph.into(),
            path: std::sync::Arc::from([]),
            text: text.into(),
            themes: Vec::new(),
            role: Role::default(),
            boilerplate: None,
        }
    }

    #[test]
    fn attributes_and_defaults() {
        let e = read(&[]).unwrap();
        assert_eq!(e, Embed::default());
        let e = read(&[
            ("passages", " a/p1, b/s2.p3 "),
            ("topics", "ports"),
            ("max-rows", "3"),
            ("at", "block:a/p1"),
        ])
        .unwrap();
        assert_eq!(e.passages, ["a/p1", "b/s2.p3"]);
        assert_eq!(e.topics, ["ports"]);
        assert_eq!(e.max_rows, Some(3));
        let at = e.at.unwrap();
        assert_eq!((at.passage.as_str(), at.block), ("a/p1", true));
        let at = read(&[("at", " a/p1 ")]).unwrap().at.unwrap();
        assert_eq!((at.passage.as_str(), at.block), ("a/p1", false));
    }

    #[test]
    fn bad_values_name_the_valid_ones() {
        assert_eq!(
            read(&[("topics", "ports sport")]).unwrap_err(),
            "topics=\"sport\" is not valid; valid values: rail-freight, ports"
        );
        for bad in ["0", "-1", "two"] {
            assert!(
                read(&[("max-rows", bad)])
                    .unwrap_err()
                    .starts_with(&format!("max-rows=\"{bad}\" is not valid"))
            );
        }
    }

    #[test]
    fn blocks_by_passage_and_topic() {
        let passages = vec![
            passage("a", "p1", "班列"),
            passage("a", "p2", "港口"),
            passage("b", "p1", "x"),
            passage("b", "p2", "y"),
        ];
        let blocks = vec![
            Block::Both {
                left: vec![0],
                right: vec![2],
                pairs: vec![0],
            },
            Block::LeftOnly { passages: vec![1] },
            Block::RightOnly { passages: vec![3] },
        ];
        let about = |p: &PassageRef| p.text.contains("港口");
        let pick = |attrs: &[(&str, &str)]| read(attrs).unwrap().blocks(&blocks, &passages, &about);
        assert_eq!(pick(&[]), None);
        assert_eq!(pick(&[("passages", "b/p2 a/p1")]), Some(vec![0, 2]));
        assert_eq!(pick(&[("topics", "ports")]), Some(vec![1]));
        assert_eq!(
            pick(&[("topics", "ports"), ("passages", "b/p1")]),
            Some(vec![0, 1])
        );
        assert_eq!(pick(&[("max-rows", "2")]), None);
        assert_eq!(pick(&[("passages", "zz/p1")]), Some(vec![]));
    }
}
