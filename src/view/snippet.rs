//! A passage found by search, cut to the lines around what was found: some passages run to
//! a thousand characters, and a result list of whole passages would bury its hits.

/// `text` as pieces — `(text, is a hit)` — at most about `width` characters around the
/// first hit of `ranges` (byte ranges, in order), with `…` where text was cut.
pub fn snippet<'a>(text: &'a str, ranges: &[(usize, usize)], width: usize) -> Vec<(&'a str, bool)> {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let n = bounds.len();
    let byte = |c: usize| bounds.get(c).copied().unwrap_or(text.len());
    let (from, to) = if n <= width {
        (0, text.len())
    } else {
        // A fifth of the width before the first hit, the rest after it.
        let first = ranges
            .first()
            .map_or(0, |r| bounds.partition_point(|&b| b < r.0));
        let start = first.saturating_sub(width / 5).min(n - width);
        (byte(start), byte(start + width))
    };
    let mut out = Vec::new();
    if from > 0 {
        out.push(("…", false));
    }
    let mut at = from;
    for &(s, e) in ranges {
        let (s, e) = (s.clamp(from, to), e.clamp(from, to));
        if s >= e || s < at {
            continue;
        }
        if s > at {
            out.push((&text[at..s], false));
        }
        out.push((&text[s..e], true));
        at = e;
    }
    if at < to {
        out.push((&text[at..to], false));
    }
    if to < text.len() {
        out.push(("…", false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_passage_is_whole_with_its_hits() {
        let text = "加快中欧班列建设，中欧班列";
        let r = [(6, 18), (27, 39)];
        assert_eq!(
            snippet(text, &r, 100),
            [
                ("加快", false),
                ("中欧班列", true),
                ("建设，", false),
                ("中欧班列", true)
            ]
        );
    }

    #[test]
    fn a_long_passage_is_cut_around_the_first_hit() {
        let text = format!("{}中欧班列{}", "甲".repeat(50), "乙".repeat(50));
        let s = text.find("中欧").unwrap();
        let pieces = snippet(&text, &[(s, s + 12)], 20);
        let joined: String = pieces.iter().map(|p| p.0).collect();
        assert_eq!(
            joined,
            format!("…{}中欧班列{}…", "甲".repeat(4), "乙".repeat(12))
        );
        assert!(pieces.contains(&("中欧班列", true)));
        // A hit near the end: the window ends with the text.
        let s = text.len() - 3;
        let pieces = snippet(&text, &[(s, text.len())], 20);
        assert_eq!(pieces.last(), Some(&("乙", true)));
        assert_eq!(pieces.first(), Some(&("…", false)));
    }
}
