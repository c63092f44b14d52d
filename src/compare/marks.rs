//! What to mark in a pair of passages.
//!
//! Most pairs are two plans saying something about the same topic in their own words; a
//! character diff of those paints nearly everything as changed and says nothing. So:
//! - a **near-copy** (most of the wording in common) gets the readable diff of
//!   [`super::diff`]: what changed, what was copied, what moved;
//! - any other pair gets its **shared terms** marked: the words and phrases both use,
//!   whole, leaving out the generic wording every plan has (`加快`, `互利共赢`, `平台`),
//!   which the builder flags in the lexicon.
//!
//! "Copied word for word" is kept for long runs that hold specific words, never for a
//! run of stock formulas; and no mark begins or ends inside a word of the lexicon.

use super::diff::{self, Diff, Span, SpanKind};
use super::mask;
use super::segment::{Hit, Segmenter};

/// Character-bigram overlap (Dice) from which a pair is a near-copy and gets a diff.
pub const NEAR_COPY: f32 = 0.5;
/// A verbatim run counts as copied only with at least this many characters of
/// specific words in it.
pub const COPIED_SPECIFIC: usize = 8;

/// The marks of a pair.
///
/// A near-copy too long to diff (see [`diff::MAX_TOKENS`]) gets its shared terms
/// instead: both texts are shown whole either way.
pub fn marks(segmenter: &Segmenter, left: &str, right: &str) -> Diff {
    if dice(left, right) >= NEAR_COPY
        && let Some(mut d) = diff::try_diff(left, right)
    {
        for side in [&mut d.left, &mut d.right] {
            for span in side.iter_mut() {
                if span.kind == SpanKind::Reused
                    && specific_chars(segmenter, &span.text) < COPIED_SPECIFIC
                {
                    span.kind = SpanKind::Same;
                }
            }
            let text: String = side.iter().map(|s| s.text.as_str()).collect();
            *side = snap(segmenter, &text, side);
        }
        return d;
    }
    shared_terms(segmenter, left, right)
}

/// Marks the specific words both texts use. A word is marked whole when it, or a word
/// inside it, is on both sides (`跨文化` when the other side says `文化`): a mark never
/// cuts a word. Words naming bodies ([`mask::blank`]) are left out on both sides: two
/// plans naming the same agencies are not saying the same thing.
pub fn shared_terms(segmenter: &Segmenter, left: &str, right: &str) -> Diff {
    let specific = |h: &Hit| segmenter.entry(h.word).is_specific();
    let words = |text: &str| segmenter.words(&mask::blank(text));
    let (lw, rw) = (words(left), words(right));
    let set = |hits: &[Hit]| {
        let mut ids: Vec<u32> = hits
            .iter()
            .filter(|h| specific(h))
            .map(|h| h.word)
            .collect();
        crate::sort::sort_by(&mut ids, Ord::cmp);
        ids.dedup();
        ids
    };
    let (lset, rset) = (set(&lw), set(&rw));
    let shared = |w: u32| lset.binary_search(&w).is_ok() && rset.binary_search(&w).is_ok();
    let generic = |w: u32| segmenter.entry(w).generic;
    Diff {
        left: spans(left, marked_words(&lw, shared, generic)),
        right: spans(right, marked_words(&rw, shared, generic)),
    }
}

/// The whole words of `hits` that are, or hold a word that is, `shared`; a generic whole
/// (a set phrase like `资金融通`) is never marked for the words inside it.
fn marked_words(
    hits: &[Hit],
    shared: impl Fn(u32) -> bool,
    generic: impl Fn(u32) -> bool,
) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < hits.len() {
        let whole = hits[k];
        let end = k + 1 + hits[k + 1..].iter().take_while(|h| !h.whole).count();
        if !generic(whole.word) && hits[k..end].iter().any(|h| shared(h.word)) {
            out.push(whole);
        }
        k = end;
    }
    out
}

/// `text` cut into Shared spans (the `hits`, longest first without overlap, touching ones
/// joined into one phrase) and Plain spans between them.
fn spans(text: &str, mut hits: Vec<Hit>) -> Vec<Span> {
    crate::sort::sort_by_key(&mut hits, |h| (std::cmp::Reverse(h.end - h.start), h.start));
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for h in hits {
        if taken.iter().all(|&(s, e)| h.end <= s || h.start >= e) {
            taken.push((h.start, h.end));
        }
    }
    crate::sort::sort_by(&mut taken, Ord::cmp);
    let mut out: Vec<Span> = Vec::new();
    let mut at = 0;
    let push = |out: &mut Vec<Span>, text: &str, kind: SpanKind| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ => out.push(Span {
                text: text.to_owned(),
                kind,
            }),
        }
    };
    for (s, e) in taken {
        push(&mut out, &text[at..s], SpanKind::Plain);
        push(&mut out, &text[s..e], SpanKind::Shared);
        at = e;
    }
    push(&mut out, &text[at..], SpanKind::Plain);
    out
}

/// Redraws the spans of one side of a diff so that none begins or ends inside a word of
/// the lexicon: a word cut between kinds takes the kind that tells most (changed, then
/// moved, reused, same).
fn snap(segmenter: &Segmenter, text: &str, spans: &[Span]) -> Vec<Span> {
    let rank = |k: SpanKind| match k {
        SpanKind::Changed => 4,
        SpanKind::Moved => 3,
        SpanKind::Reused => 2,
        SpanKind::Shared => 1,
        SpanKind::Same | SpanKind::Plain => 0,
    };
    // Kind of each byte's character, by span.
    let mut kinds: Vec<SpanKind> = Vec::with_capacity(text.len());
    for s in spans {
        kinds.extend(std::iter::repeat_n(s.kind, s.text.len()));
    }
    for h in segmenter.words(text).into_iter().filter(|h| h.whole) {
        let Some(slice) = kinds.get(h.start..h.end) else {
            continue;
        };
        let first = slice.first().copied();
        if slice.iter().any(|k| Some(*k) != first)
            && let Some(top) = slice.iter().copied().max_by_key(|&k| rank(k))
        {
            kinds[h.start..h.end].fill(top);
        }
    }
    let mut out: Vec<Span> = Vec::new();
    for (i, c) in text.char_indices() {
        let kind = kinds.get(i).copied().unwrap_or(SpanKind::Same);
        match out.last_mut() {
            Some(last) if last.kind == kind => last.text.push(c),
            _ => out.push(Span {
                text: c.to_string(),
                kind,
            }),
        }
    }
    out
}

/// How many characters of `text` lie in specific words.
fn specific_chars(segmenter: &Segmenter, text: &str) -> usize {
    segmenter
        .words(text)
        .iter()
        .filter(|h| h.whole && segmenter.entry(h.word).is_specific())
        .map(|h| text[h.start..h.end].chars().count())
        .sum()
}

/// Dice overlap of the two texts' character bigrams (as multisets).
pub fn dice(a: &str, b: &str) -> f32 {
    // Each bigram as one key (first character in the high half), so it sorts as the pair
    // would and by the radix sort.
    let grams = |t: &str| -> Vec<u64> {
        let cs: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
        let mut g: Vec<u64> = cs
            .windows(2)
            .map(|w| u64::from(w[0]) << 32 | u64::from(w[1]))
            .collect();
        crate::sort::sort_keys(&mut g);
        g
    };
    let (x, y) = (grams(a), grams(b));
    if x.is_empty() || y.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    // Multiset intersection of two sorted lists.
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f32 / (x.len() + y.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::LexiconGroup;

    fn segmenter() -> Segmenter {
        Segmenter::new(
            &[
                LexiconGroup {
                    idf: 1.5,
                    words: ["一带", "一路", "合作", "沿线", "国家"]
                        .map(String::from)
                        .to_vec(),
                    generic: true,
                    alias_of: None,
                },
                LexiconGroup {
                    idf: 5.0,
                    words: ["中欧班列", "班列", "国家开发银行", "物流", "海关", "旅游"]
                        .map(String::from)
                        .to_vec(),
                    generic: false,
                    alias_of: None,
                },
            ],
            &[],
        )
    }

    fn marked(spans: &[Span], kind: SpanKind) -> Vec<&str> {
        spans
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| s.text.as_str())
            .collect()
    }

    #[test]
    fn different_wording_marks_only_specific_shared_terms() {
        let s = segmenter();
        let d = marks(
            &s,
            "加快中欧班列发展，推进一带一路合作。",
            "支持中欧班列常态化运行，深化沿线国家合作。",
        );
        assert_eq!(marked(&d.left, SpanKind::Shared), ["中欧班列"]);
        assert_eq!(marked(&d.right, SpanKind::Shared), ["中欧班列"]);
        assert!(marked(&d.left, SpanKind::Changed).is_empty());
    }

    #[test]
    fn near_copies_get_a_diff_whose_marks_keep_words_whole() {
        let s = segmenter();
        let d = marks(
            &s,
            "支持国家开发银行设立分支机构",
            "支持国家开发银团设立分支机构",
        );
        // `国家开发银行` is a word: the change covers it whole, not just `行`.
        assert_eq!(marked(&d.left, SpanKind::Changed), ["国家开发银行"]);
    }

    #[test]
    fn spans_rebuild_both_texts() {
        let s = segmenter();
        for (a, b) in [
            ("加快中欧班列发展", "中欧班列和物流"),
            ("", "物流"),
            ("同一", "同一"),
            ("协调海关、旅游等部门（责任单位：市旅游局", "等部门、海关"),
        ] {
            let d = marks(&s, a, b);
            let l: String = d.left.iter().map(|x| x.text.as_str()).collect();
            let r: String = d.right.iter().map(|x| x.text.as_str()).collect();
            assert_eq!((l.as_str(), r.as_str()), (a, b));
        }
    }

    #[test]
    fn a_shared_agency_in_a_list_of_bodies_is_not_marked() {
        let s = segmenter();
        let d = shared_terms(
            &s,
            "协调海关、检验检疫等部门，支持中欧班列发展。",
            "推进海关通关便利化，开行中欧班列。",
        );
        assert_eq!(marked(&d.left, SpanKind::Shared), ["中欧班列"]);
        assert_eq!(marked(&d.right, SpanKind::Shared), ["中欧班列"]);
    }

    #[test]
    fn a_shared_agency_in_a_responsibility_note_or_named_by_its_province_is_not_marked() {
        let s = segmenter();
        let d = shared_terms(
            &s,
            "由省旅游局牵头，发展物流。（责任单位：市旅游局）",
            "发展旅游物流。",
        );
        assert_eq!(marked(&d.left, SpanKind::Shared), ["物流"]);
        assert_eq!(marked(&d.right, SpanKind::Shared), ["物流"]);
    }

    #[test]
    fn a_word_named_outside_the_list_too_is_marked_there() {
        let s = segmenter();
        let d = shared_terms(&s, "协调海关、检验检疫等部门，优化海关监管。", "海关监管");
        assert_eq!(marked(&d.left, SpanKind::Shared), ["海关"]);
        assert_eq!(marked(&d.right, SpanKind::Shared), ["海关"]);
    }

    #[test]
    fn funds_and_layouts_are_no_agencies_and_stay_marked() {
        let s = segmenter();
        let d = shared_terms(
            &s,
            "争取丝路基金、国家开发银行等机构支持，优化全省海关特殊监管区域布局，",
            "国家开发银行支持海关",
        );
        assert_eq!(marked(&d.left, SpanKind::Shared), ["国家开发银行", "海关"]);
    }
}
