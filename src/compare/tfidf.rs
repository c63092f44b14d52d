//! A lexicon made from a bundle's own text, for bundles that ship none (made before
//! lexicons were shipped, or by other tools): character bigrams that two regions or more
//! use, weighed by how few paragraphs use them.
//!
//! Chinese has no spaces, and without the builder's dictionary the classic substitute
//! for words is the character bigram (`互联`, `联互`, `互通` cover `互联互通`). It is a
//! fallback: it costs a pass over the whole bundle on first use, and it knows no topics,
//! so such bundles are compared by their wording alone.

use rustc_hash::FxHashMap;

use super::passages::Passage;
use super::segment::Segmenter;
use crate::bundle::LexiconGroup;

/// The bigram lexicon of `passages`, cut with overlapping matches.
pub fn lexicon(passages: &[Passage]) -> Segmenter {
    // Per bigram: paragraphs that use it, and the last region seen with whether a second
    // region uses it.
    struct Seen<'a> {
        df: u32,
        last_passage: usize,
        region: &'a str,
        shared: bool,
    }
    let mut seen: FxHashMap<[char; 2], Seen> = FxHashMap::default();
    for (k, p) in passages.iter().enumerate() {
        let chars: Vec<char> = p.text.chars().collect();
        for w in chars.windows(2) {
            if !(is_han(w[0]) && is_han(w[1])) {
                continue;
            }
            let e = seen.entry([w[0], w[1]]).or_insert(Seen {
                df: 0,
                last_passage: usize::MAX,
                region: &p.region,
                shared: false,
            });
            if e.last_passage != k {
                e.last_passage = k;
                e.df += 1;
            }
            if *e.region != *p.region {
                e.shared = true;
            }
        }
    }
    let n = passages.len() as f32;
    let mut groups: FxHashMap<u32, Vec<String>> = FxHashMap::default();
    for (pair, s) in seen {
        if s.shared {
            let idf = libm::logf((n + 1.0) / (s.df as f32 + 1.0)) + 1.0;
            let tenths = (idf * 10.0).round() as u32;
            groups
                .entry(tenths)
                .or_default()
                .push(pair.iter().collect());
        }
    }
    let lexicon: Vec<LexiconGroup> = groups
        .into_iter()
        .map(|(tenths, words)| LexiconGroup {
            idf: tenths as f32 / 10.0,
            words,
            generic: false,
            alias_of: None,
        })
        .collect();
    Segmenter::new(&lexicon, &[]).overlapping()
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn passage(region: &str, text: &str) -> Passage {
        Passage {
            region: region.into(),
            document: "".into(),
            paragraph: String::new(),
            path: Arc::from([]),
            headings: Arc::from([]),
            under: Arc::from([]),
            title: Arc::from(""),
            in_document: 1,
            bare: false,
            clause: false,
            chars: text.chars().count(),
            boilerplate: None,
            role: Default::default(),
            text: text.into(),
            themes: Vec::new(),
            order: 0,
        }
    }

    #[test]
    fn shared_bigrams_are_words_and_overlap() {
        let s = lexicon(&[passage("a", "加快中欧班列"), passage("b", "中欧班列")]);
        let words: Vec<&str> = s
            .words("中欧班列")
            .iter()
            .map(|h| &"中欧班列"[h.start..h.end])
            .collect();
        assert_eq!(words, ["中欧", "欧班", "班列"]);
        assert!(s.lookup("加快").is_none());
    }
}
