//! Numbers as the widget shows them, without the float formatting machinery of `core`
//! (which would add tens of kilobytes to the wasm for two decimals).

/// A value with at most two decimals, trailing zeros dropped: `300`, `1.5`, `0.33`.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return String::from("—");
    }
    let cents = (v * 100.0).round() as i64;
    let sign = if cents < 0 { "-" } else { "" };
    let (int, frac) = (cents.abs() / 100, cents.abs() % 100);
    match frac {
        0 => format!("{sign}{int}"),
        f if f % 10 == 0 => format!("{sign}{int}.{}", f / 10),
        f => format!("{sign}{int}.{f:02}"),
    }
}

/// A similarity as a whole percentage: `34%`.
pub fn percent(score: f32) -> String {
    format!("{}%", (f64::from(score) * 100.0).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_percentages() {
        assert_eq!(number(300.0), "300");
        assert_eq!(number(1.5), "1.5");
        assert_eq!(number(1.0 / 3.0), "0.33");
        assert_eq!(number(-2.05), "-2.05");
        assert_eq!(number(3e10), "30000000000");
        assert_eq!(number(f64::NAN), "—");
        assert_eq!(percent(0.344), "34%");
    }
}
