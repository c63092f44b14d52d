//! Tables of metrics as text: CSV (RFC 4180) for spreadsheets, and aligned columns for the
//! terminal (aligned by display width).

/// Rows as CSV with a header line; fields with commas, quotes or line breaks are quoted.
pub fn to_csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let line = |fields: &mut dyn Iterator<Item = &str>| -> String {
        let cells: Vec<String> = fields
            .map(|f| {
                if f.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f.to_owned()
                }
            })
            .collect();
        cells.join(",") + "\r\n"
    };
    let mut out = line(&mut header.iter().copied());
    for row in rows {
        out.push_str(&line(&mut row.iter().map(String::as_str)));
    }
    out
}

/// Display width of a text in a terminal: East Asian wide characters (汉字, `，`, `、`)
/// take two columns; characters of ambiguous width (`“ ”`, `·`) one, as terminals outside
/// CJK locales draw them.
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Rows as aligned columns under a header.
pub fn to_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| -> String {
        let mut out = String::new();
        for (i, cell) in cells.enumerate() {
            out.push_str(cell);
            if i + 1 < widths.len() {
                out.push_str(&" ".repeat(widths[i] - width(cell) + 2));
            }
        }
        out.trim_end().to_owned() + "\n"
    };
    let mut out = line(&mut header.iter().copied());
    for row in rows {
        out.push_str(&line(&mut row.iter().map(String::as_str)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let csv = to_csv(&["a", "b"], &[vec!["x,y".into(), "say \"hi\"".into()]]);
        assert_eq!(csv, "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n");
    }

    #[test]
    fn tables_align_chinese_text() {
        let t = to_table(
            &["k", "v"],
            &[
                vec!["进出口".into(), "300".into()],
                vec!["x".into(), "1".into()],
            ],
        );
        assert_eq!(t, "k       v\n进出口  300\nx       1\n");
    }

    #[test]
    fn curly_quotes_take_one_column_and_cjk_punctuation_two() {
        assert_eq!(width("“一带一路”"), 10);
        assert_eq!(width("进出口，总额"), 12);
        let t = to_table(
            &["indicator", "v"],
            &[
                vec!["“一带一路”".into(), "1".into()],
                vec!["x".into(), "2".into()],
            ],
        );
        assert_eq!(t, "indicator   v\n“一带一路”  1\nx           2\n");
    }
}
