//! Which side of a block of passages is the shorter: the block's own line (its
//! similarity, "show in full", its link) goes under that side, beside the longer one,
//! instead of on a line of its own under both, so a first screen holds more blocks (the
//! browser test `the_first_screen_shows_what_both_plans_say` counts them).
//!
//! The two sides have the same width, so the number of lines each takes at a nominal line
//! length tells the shorter without laying anything out: when the guess is wrong, the
//! line adds to the longer side, which costs no more than a line of its own.

/// Width of a nominal line in half-width units (a Chinese character is two): the text of
/// half the widget at its usual width.
const LINE: usize = 64;
/// The same for a provenance line (smaller type), and what its two links add.
const PROVENANCE: (usize, usize) = (94, 16);

/// The width of `text` in half-width units: two for a wide (CJK) character, one for the
/// others.
pub fn width(text: &str) -> usize {
    text.chars()
        .map(|c| if c >= '\u{1100}' { 2 } else { 1 })
        .sum()
}
/// How many lines of its text a folded block shows: of its first passage, of the others.
pub const CLAMPED: (usize, usize) = (3, 2);

/// One side of a block: the [`width`] of each passage shown and of its provenance
/// (document title and headings), whether the block is folded, and whether a "more
/// passages" line follows them.
pub struct SideLines<'a> {
    /// The width of each passage shown: its provenance, its text.
    pub chars: &'a [(usize, usize)],
    /// Whether the block is folded (each passage clamped to [`CLAMPED`] lines).
    pub clamped: bool,
    /// Whether some passages are hidden behind a "more passages" line.
    pub more: bool,
}

impl SideLines<'_> {
    /// About how many lines the side takes: the provenance and the text of each passage,
    /// and the "more passages" line.
    pub fn lines(&self) -> usize {
        let text = |k: usize, chars: usize| {
            let n = chars.div_ceil(LINE).max(1);
            match (self.clamped, k) {
                (false, _) => n,
                (true, 0) => n.min(CLAMPED.0),
                (true, _) => n.min(CLAMPED.1),
            }
        };
        let shown: usize = self
            .chars
            .iter()
            .enumerate()
            .map(|(k, &(place, c))| (place + PROVENANCE.1).div_ceil(PROVENANCE.0) + text(k, c))
            .sum();
        shown + usize::from(self.more)
    }
}

/// Whether the block's line goes under the left side (else under the right): the
/// shorter, the right one when both are alike. The line follows the right side in the
/// page's order, so under the right side reading order and keyboard order agree; under
/// the left, focus goes from the right side back to the bottom of the left.
pub fn under_left(left: &SideLines, right: &SideLines) -> bool {
    left.lines() < right.lines()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(texts: &[usize], clamped: bool, more: bool) -> SideLines<'static> {
        // A short provenance: one line.
        let chars: Vec<(usize, usize)> = texts.iter().map(|&t| (10, t)).collect();
        SideLines {
            chars: Vec::leak(chars),
            clamped,
            more,
        }
    }

    #[test]
    fn the_line_goes_under_the_side_with_less_text() {
        assert!(under_left(
            &side(&[40], false, false),
            &side(&[400], false, false)
        ));
        assert!(!under_left(
            &side(&[40, 40, 40], false, false),
            &side(&[100], false, false)
        ));
    }

    #[test]
    fn a_folded_block_counts_the_lines_it_shows_not_its_whole_text() {
        // Folded, a long passage shows three lines: one passage of 1,000 characters is
        // shorter than three short ones.
        assert_eq!(side(&[1000], true, false).lines(), 1 + CLAMPED.0);
        assert!(under_left(
            &side(&[1000], true, false),
            &side(&[60, 60, 60], true, false)
        ));
        assert!(!under_left(
            &side(&[1000], false, false),
            &side(&[60, 60, 60], false, false)
        ));
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(width("江西2020"), 8);
    }

    #[test]
    fn a_long_provenance_takes_lines_too() {
        let long = SideLines {
            chars: &[(width(&"文".repeat(100)), width(&"文".repeat(60)))],
            clamped: false,
            more: false,
        };
        assert_eq!(long.lines(), 3 + 2);
        assert!(!under_left(&long, &side(&[120], false, false)));
    }

    #[test]
    fn the_more_passages_line_counts_and_ties_go_right() {
        assert_eq!(side(&[10], true, true).lines(), 3);
        assert!(!under_left(
            &side(&[10], false, false),
            &side(&[10], false, false)
        ));
        assert!(!under_left(
            &side(&[], false, false),
            &side(&[], false, false)
        ));
        assert!(under_left(
            &side(&[], false, false),
            &side(&[10], false, false)
        ));
    }
}
