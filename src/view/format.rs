//! Numbers as the widget shows them, without the float formatting machinery of `core`
//! (which would add to the wasm more than this whole module for two decimals; the size
//! test keeps it out).

/// A value with at most two decimals, trailing zeros dropped: `300`, `1.5`, `0.33`.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return String::from("—");
    }
    // Past this, cents would not fit the integer below. The bundle reader refuses such
    // values (`bundle::MAX_VALUE`); whole units are shown for any other caller.
    if v.abs() >= 1e15 {
        let sign = if v < 0.0 { "-" } else { "" };
        return format!("{sign}{}", whole(v.abs().round()));
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

/// The digits of a whole `v` (≥ 0), fifteen at a time: formatting it as an `i128` pulled
/// `core`'s 128-bit integer formatting into the wasm for values the bundle reader
/// refuses anyway. For very large values the lowest digits may differ from the `f64`'s
/// exact value, whose low digits mean nothing at that size anyway.
fn whole(v: f64) -> String {
    const CHUNK: f64 = 1e15;
    if v < CHUNK {
        return format!("{}", v as u64);
    }
    let high = (v / CHUNK).trunc();
    let low = (v - high * CHUNK).clamp(0.0, CHUNK - 1.0);
    format!("{}{:015}", whole(high), low as u64)
}

/// Text as a CSS string literal (`"…"`), for a custom property that `content` reads.
/// Quotes and backslashes are escaped, and control characters and line breaks written as
/// code points, so the text cannot end the string or the declaration.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A similarity as a whole percentage: `34%`.
pub fn percent(score: f32) -> String {
    format!("{}%", (f64::from(score) * 100.0).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_escape() {
        assert_eq!(css_string("仅见于江西: "), "\"仅见于江西: \"");
        assert_eq!(css_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(css_string("x\n;}"), "\"x\\a ;}\"");
    }

    #[test]
    fn numbers_and_percentages() {
        assert_eq!(number(300.0), "300");
        assert_eq!(number(1.5), "1.5");
        assert_eq!(number(1.0 / 3.0), "0.33");
        assert_eq!(number(-2.05), "-2.05");
        assert_eq!(number(3e10), "30000000000");
        assert_eq!(number(f64::NAN), "—");
        // Values no plan has, but a bundle might: no overflow, no garbage.
        assert_eq!(number(1e17), "100000000000000000");
        assert_eq!(number(-1e20), "-100000000000000000000");
        assert_eq!(number(1e15), "1000000000000000");
        assert_eq!(number(123_456_789_012_345_680.0), "123456789012345680");
        assert_eq!(number(f64::MAX).len(), 309);
        assert_eq!(number(-5.0), "-5");
        assert_eq!(percent(0.344), "34%");
    }
}
