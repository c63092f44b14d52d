//! Geometry of the overview chart: for each theme, a bar for each region, scaled to the
//! largest count. Kept apart from the drawing so it is tested natively.

/// One bar of the chart, in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width (0 for a zero count).
    pub width: f64,
    /// Height.
    pub height: f64,
    /// The count it shows.
    pub count: usize,
}

/// Layout constants.
pub const WIDTH: f64 = 600.0;
/// Width of the label column.
pub const LABEL: f64 = 150.0;
/// Height of one theme's pair of bars, with its gap.
pub const ROW: f64 = 30.0;
/// Height of one bar.
pub const BAR: f64 = 11.0;
/// Room for the count after the longest bar.
const TAIL: f64 = 40.0;

/// The bars for `counts` (left, right) per row: row `i`'s left bar above its right bar.
pub fn bars(counts: &[(usize, usize)]) -> Vec<(Bar, Bar)> {
    let max = counts
        .iter()
        .map(|&(l, r)| l.max(r))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let span = WIDTH - LABEL - TAIL;
    counts
        .iter()
        .enumerate()
        .map(|(i, &(l, r))| {
            let y = i as f64 * ROW + 4.0;
            let bar = |count: usize, y: f64| Bar {
                x: LABEL,
                y,
                width: span * count as f64 / max,
                height: BAR,
                count,
            };
            (bar(l, y), bar(r, y + BAR + 1.0))
        })
        .collect()
}

/// The chart's height for `rows` rows.
pub fn height(rows: usize) -> f64 {
    rows as f64 * ROW + 8.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_count() {
        let b = bars(&[(10, 5), (0, 20)]);
        assert_eq!(b[1].1.width, WIDTH - LABEL - TAIL);
        assert_eq!(b[0].0.width, (WIDTH - LABEL - TAIL) / 2.0);
        assert_eq!(b[1].0.width, 0.0);
        assert!(b[0].1.y > b[0].0.y && b[1].0.y > b[0].1.y);
        assert_eq!(bars(&[(0, 0)])[0].0.width, 0.0);
    }
}
