//! The diff of any two texts: each side's spans rebuild its text exactly, no span is
//! empty, the shared text (same or reused) is the same text on both sides, and the moved
//! phrases of one side are those of the other.
//!
//! Input: the two texts, UTF-8, separated by a byte 0xFF (which UTF-8 never contains), so
//! that seeds are easy to write by hand.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_compare::compare::diff::{Span, SpanKind, diff};

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(2, |&b| b == 0xFF);
    let (Ok(left), Ok(right)) = (
        std::str::from_utf8(parts.next().unwrap_or_default()),
        std::str::from_utf8(parts.next().unwrap_or_default()),
    ) else {
        return;
    };
    let d = diff(left, right);
    let shared = |spans: &[Span]| -> String {
        spans
            .iter()
            .filter(|s| matches!(s.kind, SpanKind::Same | SpanKind::Reused))
            .map(|s| s.text.as_str())
            .collect()
    };
    let moved = |spans: &[Span]| -> Vec<String> {
        let mut texts: Vec<String> = spans
            .iter()
            .filter(|s| s.kind == SpanKind::Moved)
            .map(|s| s.text.clone())
            .collect();
        texts.sort();
        texts
    };
    for (spans, text) in [(&d.left, left), (&d.right, right)] {
        let rebuilt: String = spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(rebuilt, text);
        assert!(spans.iter().all(|s| !s.text.is_empty()), "{spans:?}");
    }
    assert_eq!(shared(&d.left), shared(&d.right));
    assert_eq!(moved(&d.left), moved(&d.right));
});
