//! Finding the words of a text, and what they are about, with the bundle's lexicon.
//!
//! Chinese has no spaces; the builder found the corpus's words once (with a full
//! dictionary-based segmenter) and shipped those that two regions or more share, with
//! their weights, and the topic cues ([`crate::bundle::LexiconGroup`],
//! [`crate::bundle::TopicInfo`]). Here a text is cut by longest match against that
//! table: one pass, a lookup per position and length, no model to build. A word that
//! contains shorter known words brings them too (`中欧班列` also counts as `班列`), so that
//! passages that say the same thing in longer or shorter compounds still meet.
//!
//! The same cut serves the alignment (which words two passages share), the topics (which
//! cues they name) and the display (shared words are marked whole, never cut).

use rustc_hash::FxHashMap;

use crate::bundle::{LexiconGroup, TopicInfo};

/// What the lexicon knows of one word.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entry {
    /// Its weight for similarity; `None` for a topic cue that is not in the shared
    /// vocabulary (it can name a topic, but no other region uses it).
    pub idf: Option<f32>,
    /// Whether it is generic wording: never marked as something two passages share.
    pub generic: bool,
    /// The topics it is a cue of (indices into the bundle's topics).
    pub topics: Vec<u16>,
}

impl Entry {
    /// Whether the word names something (a topic cue, or a specific shared word): what is
    /// worth marking when two passages both use it.
    pub fn is_specific(&self) -> bool {
        !self.topics.is_empty() || self.idf.is_some() && !self.generic
    }
}

/// A word found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// The word's entry (index into [`Segmenter::entry`]).
    pub word: u32,
    /// Whether the longest match at its place (`false`: a shorter word inside one).
    pub whole: bool,
}

/// The lexicon as a lookup table.
#[derive(Clone, Debug, Default)]
pub struct Segmenter {
    ids: FxHashMap<String, u32>,
    entries: Vec<Entry>,
    /// The words as a trie of characters, its edges in one hash table (node, next
    /// character) → node: walking a text from a position finds every word that starts
    /// there in one step per character, where looking each length up as a string hashed
    /// the same characters again for every length (and the words inside a word, once per
    /// word inside). Node 0 is the root.
    edges: FxHashMap<(u32, char), u32>,
    /// The word each node ends, if any (`NONE` if not): an index into `entries`.
    ends: Vec<u32>,
    /// Report every word at every position, not only the longest (for a lexicon of
    /// bigrams, where longest-match would skip every other one).
    overlapping: bool,
}

/// No word ends at this node of the trie.
const NONE: u32 = u32::MAX;

impl Segmenter {
    /// The table for a bundle's lexicon and topics.
    pub fn new(lexicon: &[LexiconGroup], topics: &[TopicInfo]) -> Segmenter {
        let mut s = Segmenter::default();
        for group in lexicon.iter().filter(|g| g.alias_of.is_none()) {
            for w in &group.words {
                let id = s.id(w);
                let entry = &mut s.entries[id as usize];
                // Weight 0: a set phrase, found and kept whole but not weighed.
                entry.idf = (group.idf > 0.0).then_some(group.idf);
                entry.generic = group.generic;
            }
        }
        for (t, topic) in topics.iter().enumerate() {
            let Ok(t) = u16::try_from(t) else { break };
            for cue in &topic.cues {
                let id = s.id(cue);
                let topics = &mut s.entries[id as usize].topics;
                if !topics.contains(&t) {
                    topics.push(t);
                }
            }
        }
        // Other names last, so that each finds its term's weight and topics.
        for group in lexicon {
            if let Some(term) = &group.alias_of {
                s.alias(term, &group.words);
            }
        }
        s
    }

    /// Makes each of `names` found as `term`: a hit on `长安号` is a hit on `中欧班列` (at
    /// `长安号`'s place), with the term's weight and topics. (A name that is a topic cue
    /// is one of the term's topic: `src/topics/aliases.rs` checks it.)
    fn alias(&mut self, term: &str, names: &[String]) {
        let term = self.id(term);
        for name in names {
            self.ids.insert(name.clone(), term);
            self.place(name, term);
        }
    }

    /// The same table, reporting overlapping words.
    pub fn overlapping(mut self) -> Segmenter {
        self.overlapping = true;
        self
    }

    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.entries.len() as u32;
        self.ids.insert(word.to_owned(), id);
        self.entries.push(Entry::default());
        self.place(word, id);
        id
    }

    /// Makes the trie find `word` as the entry `id` (the last one placed wins: an alias
    /// is placed after its term's own words).
    fn place(&mut self, word: &str, id: u32) {
        if self.ends.is_empty() {
            self.ends.push(NONE);
        }
        let mut node = 0;
        for c in word.chars() {
            let next = self.ends.len() as u32;
            node = *self.edges.entry((node, c)).or_insert(next);
            if node == next {
                self.ends.push(NONE);
            }
        }
        self.ends[node as usize] = id;
    }

    /// The words of `chars[from..to]` that start at `from`, shortest first, as (end,
    /// word): one trie step per character, stopping where no word goes on.
    fn starting(
        &self,
        chars: &[char],
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = (usize, u32)> {
        let mut node = 0;
        (from..to)
            .map_while(move |j| {
                node = *self.edges.get(&(node, chars[j]))?;
                Some((j + 1, self.ends[node as usize]))
            })
            .filter(move |&(end, word)| word != NONE && end - from >= 2)
    }

    /// Whether the lexicon is empty (a bundle from before lexicons were shipped).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many words the table holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entry of a word found by [`Segmenter::words`].
    pub fn entry(&self, word: u32) -> &Entry {
        &self.entries[word as usize]
    }

    /// The id of a word, if the lexicon has it.
    pub fn lookup(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// The known words of `text`, in order: at each position the longest known word of
    /// two characters or more (`whole`), followed by the shorter known words inside it;
    /// positions no word starts at are skipped.
    ///
    /// Linear in the text: each position walks the trie at most as deep as the longest
    /// word, and sub-words are looked for only inside a word found, whose length is bounded.
    pub fn words(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        if self.entries.is_empty() {
            return out;
        }
        // Byte offset of every character, and of the end.
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        let all: Vec<char> = text.chars().collect();
        let chars = all.len();
        let hit = |from: usize, (end, word): (usize, u32), whole: bool| Hit {
            start: bounds[from],
            end: bounds[end],
            word,
            whole,
        };
        let mut i = 0;
        while i < chars {
            let Some(found) = self.starting(&all, i, chars).last() else {
                i += 1;
                continue;
            };
            out.push(hit(i, found, true));
            if self.overlapping {
                i += 1;
                continue;
            }
            let end = found.0;
            for a in i..end {
                out.extend(
                    self.starting(&all, a, end)
                        .filter(|&(b, _)| (a, b) != (i, end))
                        .map(|f| hit(a, f, false)),
                );
            }
            i = end;
        }
        out
    }

    /// The topics `text` names, one count per cue found: a whole word that is a cue
    /// counts; otherwise the longest cues inside it, without overlap.
    pub fn topic_hits(&self, text: &str) -> Vec<u16> {
        self.topics_of(&self.words(text))
    }

    /// [`Segmenter::topic_hits`] of a text whose words are `hits` (from
    /// [`Segmenter::words`]).
    pub fn topics_of(&self, hits: &[Hit]) -> Vec<u16> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < hits.len() {
            let whole = hits[k];
            let mut end = k + 1;
            while end < hits.len() && !hits[end].whole {
                end += 1;
            }
            let entry = self.entry(whole.word);
            if !entry.topics.is_empty() {
                out.extend(&entry.topics);
            } else {
                // Cues inside, longest first, not overlapping one taken.
                let mut inner: Vec<&Hit> = hits[k + 1..end]
                    .iter()
                    .filter(|h| !self.entry(h.word).topics.is_empty())
                    .collect();
                crate::sort::sort_by_key(&mut inner, |h| {
                    (std::cmp::Reverse(h.end - h.start), h.start)
                });
                let mut taken: Vec<(usize, usize)> = Vec::new();
                for h in inner {
                    if taken.iter().all(|&(s, e)| h.end <= s || h.start >= e) {
                        taken.push((h.start, h.end));
                        out.extend(&self.entry(h.word).topics);
                    }
                }
            }
            k = end;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segmenter(words: &[&str], cues: &[(&str, &[&str])]) -> Segmenter {
        let lexicon = [LexiconGroup {
            idf: 2.0,
            words: words.iter().map(|w| (*w).to_owned()).collect(),
            generic: false,
            alias_of: None,
        }];
        let topics: Vec<TopicInfo> = cues
            .iter()
            .map(|(id, cs)| TopicInfo {
                id: (*id).to_owned(),
                theme: crate::bundle::Theme::Connectivity,
                zh: String::new(),
                en: String::new(),
                cues: cs.iter().map(|c| (*c).to_owned()).collect(),
                idf: 1.0,
            })
            .collect();
        Segmenter::new(&lexicon, &topics)
    }

    fn words(s: &Segmenter, text: &str) -> Vec<(String, bool)> {
        s.words(text)
            .iter()
            .map(|h| (text[h.start..h.end].to_owned(), h.whole))
            .collect()
    }

    /// The reference: every length looked up as a string, longest first, and every
    /// stretch inside a word found looked up the same way.
    fn naive(s: &Segmenter, text: &str) -> Vec<Hit> {
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let chars = bounds.len() - 1;
        let word = |a: usize, b: usize| s.lookup(&text[bounds[a]..bounds[b]]);
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars {
            let Some((end, w)) = (i + 2..=chars)
                .rev()
                .find_map(|b| word(i, b).map(|w| (b, w)))
            else {
                i += 1;
                continue;
            };
            out.push(Hit {
                start: bounds[i],
                end: bounds[end],
                word: w,
                whole: true,
            });
            if s.overlapping {
                i += 1;
                continue;
            }
            for a in i..end {
                for b in a + 2..=end {
                    if let Some(w) = word(a, b).filter(|_| (a, b) != (i, end)) {
                        out.push(Hit {
                            start: bounds[a],
                            end: bounds[b],
                            word: w,
                            whole: false,
                        });
                    }
                }
            }
            i = end;
        }
        out
    }

    #[test]
    fn the_trie_finds_what_looking_up_every_stretch_finds_in_every_passage() {
        let json = std::fs::read_to_string("www/bundle.json").expect("bundle");
        let bundle = crate::Bundle::from_json(&json).expect("valid");
        let s = Segmenter::new(&bundle.lexicon, &bundle.topics);
        assert!(s.len() > 1000);
        let mut texts = 0;
        for d in &bundle.documents {
            for p in d.all_paragraphs() {
                assert_eq!(s.words(&p.text), naive(&s, &p.text), "{}", p.text);
                texts += 1;
            }
        }
        assert!(texts > 1000);
        let bigrams = s.clone().overlapping();
        let text = "推进中欧班列和跨境电子商务发展，建设境外经贸合作区";
        assert_eq!(bigrams.words(text), naive(&bigrams, text));
    }

    proptest::proptest! {
        #[test]
        fn the_trie_finds_what_looking_up_every_stretch_finds(
            text in "[中欧班列发展跨境电子商务长安号a ]{0,40}",
            overlapping: bool,
        ) {
            let lexicon = [
                LexiconGroup {
                    idf: 2.0,
                    words: ["中欧班列", "班列", "中欧", "发展", "跨境电子商务", "电子", "商务",
                        "电子商务", "子商", "列发", "a ", "中"]
                        .map(String::from)
                        .to_vec(),
                    generic: false,
                    alias_of: None,
                },
                LexiconGroup {
                    idf: 0.0,
                    words: vec!["长安号".into(), "欧班".into()],
                    generic: false,
                    alias_of: Some("中欧班列".into()),
                },
            ];
            let mut s = Segmenter::new(&lexicon, &[]);
            if overlapping {
                s = s.overlapping();
            }
            proptest::prop_assert_eq!(s.words(&text), naive(&s, &text));
        }
    }

    #[test]
    fn the_longest_word_wins_and_brings_the_words_inside_it() {
        let s = segmenter(&["中欧班列", "班列", "中欧", "发展"], &[]);
        assert_eq!(
            words(&s, "加快中欧班列发展"),
            [
                ("中欧班列".to_owned(), true),
                ("中欧".to_owned(), false),
                ("班列".to_owned(), false),
                ("发展".to_owned(), true)
            ]
        );
    }

    #[test]
    fn a_cue_counts_once_at_its_place() {
        let s = segmenter(
            &["电子商务", "跨境"],
            &[("e-commerce", &["跨境电子商务", "电子商务"])],
        );
        assert_eq!(s.topic_hits("发展跨境电子商务和电子商务"), [0, 0]);
        let cue_only = s.lookup("跨境电子商务").unwrap();
        assert_eq!(s.entry(cue_only).idf, None);
    }

    #[test]
    fn an_alias_is_found_as_its_term_at_its_own_place() {
        let lexicon = [
            LexiconGroup {
                idf: 2.0,
                words: ["中欧班列", "班列", "发展", "高铁"]
                    .map(String::from)
                    .to_vec(),
                generic: false,
                alias_of: None,
            },
            LexiconGroup {
                idf: 0.0,
                words: ["长安号", "郑欧班列"].map(String::from).to_vec(),
                generic: false,
                alias_of: Some("中欧班列".into()),
            },
            LexiconGroup {
                idf: 0.0,
                words: vec!["高速铁路".into()],
                generic: false,
                alias_of: Some("高铁".into()),
            },
        ];
        let topic = |id: &str, cue: &str| TopicInfo {
            id: id.into(),
            theme: crate::bundle::Theme::Connectivity,
            zh: String::new(),
            en: String::new(),
            cues: vec![cue.into()],
            idf: 1.0,
        };
        let topics = [topic("rail-freight", "中欧班列"), topic("railways", "高铁")];
        let s = Segmenter::new(&lexicon, &topics);
        let term = s.lookup("中欧班列").unwrap();
        let text = "打造长安号品牌，发展郑欧班列";
        let found: Vec<(&str, u32, bool)> = s
            .words(text)
            .iter()
            .map(|h| (&text[h.start..h.end], h.word, h.whole))
            .collect();
        let (lie, grow) = (s.lookup("班列").unwrap(), s.lookup("发展").unwrap());
        assert_eq!(
            found,
            [
                ("长安号", term, true),
                ("发展", grow, true),
                ("郑欧班列", term, true),
                ("班列", lie, false)
            ]
        );
        assert_eq!(s.entry(term).idf, Some(2.0));
        assert_eq!(s.topic_hits("长安号"), [0]);
        assert_eq!(s.lookup("高速铁路"), s.lookup("高铁"));
        assert_eq!(s.topic_hits("高速铁路"), [1]);
    }

    #[test]
    fn an_empty_lexicon_finds_nothing() {
        let s = Segmenter::default();
        assert!(s.words("任何文本").is_empty());
        assert!(s.topic_hits("").is_empty());
    }
}
