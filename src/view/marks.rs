//! One passage's marks when it stands beside several counterparts: what it shares with
//! any of them.

use crate::compare::{Span, SpanKind};

/// The spans of `text` combining the marks `sets` (each a division of `text` into spans,
/// from one pair): a character takes the kind that tells most across the sets.
/// One set is returned as it is.
pub fn combine(text: &str, sets: &[&[Span]]) -> Vec<Span> {
    match sets {
        [] => vec![Span {
            text: text.to_owned(),
            kind: SpanKind::Plain,
        }],
        [one] => one.to_vec(),
        _ => {
            let rank = |k: SpanKind| match k {
                SpanKind::Reused => 6,
                SpanKind::Shared => 5,
                SpanKind::Same => 4,
                SpanKind::Moved => 3,
                SpanKind::Changed => 2,
                SpanKind::Plain => 1,
            };
            let mut kinds: Vec<SpanKind> = vec![SpanKind::Plain; text.len()];
            for set in sets {
                let mut at = 0;
                for s in *set {
                    let end = (at + s.text.len()).min(kinds.len());
                    for k in &mut kinds[at..end] {
                        if rank(s.kind) > rank(*k) {
                            *k = s.kind;
                        }
                    }
                    at = end;
                }
            }
            let mut out: Vec<Span> = Vec::new();
            for (i, c) in text.char_indices() {
                let kind = kinds[i];
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, kind: SpanKind) -> Span {
        Span {
            text: text.to_owned(),
            kind,
        }
    }

    #[test]
    fn terms_shared_with_any_counterpart_are_marked() {
        let a = [
            span("文化", SpanKind::Shared),
            span("和教育合作", SpanKind::Plain),
        ];
        let b = [
            span("文化和", SpanKind::Plain),
            span("教育", SpanKind::Shared),
            span("合作", SpanKind::Plain),
        ];
        let c = combine("文化和教育合作", &[&a, &b]);
        assert_eq!(
            c,
            [
                span("文化", SpanKind::Shared),
                span("和", SpanKind::Plain),
                span("教育", SpanKind::Shared),
                span("合作", SpanKind::Plain)
            ]
        );
    }
}
