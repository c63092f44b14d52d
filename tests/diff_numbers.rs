//! Numbers stay whole in every mark: over edited copies of the shipped bundle's passages
//! (the near-copies the view diffs), no span — changed, moved, copied or shared — begins
//! or ends inside a number. And the diff's work is bounded: a pair too long to diff is
//! shown by its shared terms, both texts whole.

use std::sync::OnceLock;

use policy_compare::compare::diff::{MAX_TOKENS, diff, try_diff};
use policy_compare::compare::tokens::{Token, tokens};
use policy_compare::compare::{Comparer, Span};
use policy_compare::{Bundle, CompareError};
use proptest::prelude::*;

fn comparer() -> &'static (Comparer, Vec<String>) {
    static C: OnceLock<(Comparer, Vec<String>)> = OnceLock::new();
    C.get_or_init(|| {
        let json = std::fs::read_to_string("www/bundle.json").expect("bundle");
        let bundle = Bundle::from_json(&json).expect("valid");
        let comparer = Comparer::new(&bundle);
        let texts = comparer
            .passages()
            .iter()
            .map(|p| p.text.to_string())
            .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
            .collect();
        (comparer, texts)
    })
}

/// Byte ranges of the numbers of `text`.
fn numbers(text: &str) -> Vec<(usize, usize)> {
    let mut at = 0;
    let mut out = Vec::new();
    for t in tokens(text) {
        let len = t.text().len();
        if matches!(t, Token::Number(_)) {
            out.push((at, at + len));
        }
        at += len;
    }
    out
}

/// The first span boundary inside a number, if any.
fn cut_number(text: &str, spans: &[Span]) -> Option<String> {
    let rebuilt: String = spans.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(rebuilt, text);
    let nums = numbers(text);
    let mut at = 0;
    for s in spans {
        at += s.text.len();
        if let Some(&(a, b)) = nums.iter().find(|&&(a, b)| a < at && at < b) {
            return Some(format!("{:?} cut at {}: {spans:?}", &text[a..b], at - a));
        }
    }
    None
}

#[derive(Clone, Debug)]
enum Edit {
    /// Replace the `k`-th number by this one.
    Number(usize, u32),
    /// Insert text at a fraction of the length.
    Insert(u8, &'static str),
    /// Delete a stretch (start fraction, characters).
    Delete(u8, u8),
    /// Move a stretch (start fraction, characters) to the end.
    Move(u8, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..6usize, 0..100_000u32).prop_map(|(k, n)| Edit::Number(k, n)),
        (
            any::<u8>(),
            prop::sample::select(vec!["2025年", "，加快", "100亿元", "1.5%", "EPC", "、"])
        )
            .prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<u8>(), 1..12u8).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<u8>(), 4..20u8).prop_map(|(at, n)| Edit::Move(at, n)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let place = |f: u8, len: usize| len * f as usize / 256;
        match e {
            Edit::Number(k, n) => {
                let s: String = chars.iter().collect();
                if let Some(&(a, b)) = numbers(&s).get(*k) {
                    let (a, b) = (s[..a].chars().count(), s[..b].chars().count());
                    chars.splice(a..b, n.to_string().chars());
                }
            }
            Edit::Insert(at, s) => {
                let i = place(*at, chars.len());
                chars.splice(i..i, s.chars());
            }
            Edit::Delete(at, n) => {
                let i = place(*at, chars.len());
                let j = (i + *n as usize).min(chars.len());
                chars.drain(i..j);
            }
            Edit::Move(at, n) => {
                let i = place(*at, chars.len());
                let j = (i + *n as usize).min(chars.len());
                let moved: Vec<char> = chars.drain(i..j).collect();
                chars.extend(moved);
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_span_cuts_a_number_in_edited_copies_of_real_passages(
        pick in any::<prop::sample::Index>(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let (comparer, texts) = comparer();
        let left = pick.get(texts);
        let right = apply(left, &edits);
        for d in [diff(left, &right), comparer.marks(left, &right)] {
            prop_assert_eq!(cut_number(left, &d.left), None);
            prop_assert_eq!(cut_number(&right, &d.right), None);
        }
    }
}

#[test]
fn a_long_near_copy_is_marked_by_its_shared_terms_with_both_texts_whole() -> Result<(), CompareError>
{
    let (comparer, texts) = comparer();
    // Passages with numbers in one text, and in the other the same in another order: the
    // same words (a near-copy by its bigrams), in a middle far past what a diff may take on.
    let left: String = texts.concat();
    let right: String = texts.iter().rev().map(String::as_str).collect();
    assert!(tokens(&left).len() > MAX_TOKENS);
    assert!(try_diff(&left, &right).is_none());
    let d = comparer.marks(&left, &right);
    let l: String = d.left.iter().map(|s| s.text.as_str()).collect();
    let r: String = d.right.iter().map(|s| s.text.as_str()).collect();
    assert!(l == left && r == right);
    Ok(())
}
