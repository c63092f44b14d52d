//! Tables of metrics as text: CSV for spreadsheets, and aligned columns for the terminal
//! (aligned by display width).
//!
//! **One shape everywhere.** Every CSV the project writes — `metrics` in the CLI (one
//! region or all), `compare --view targets`, the widget's *Download CSV* — has the same
//! columns ([`HEADER`]), one line per statement ([`Record`]). A side-by-side table writes
//! each side of a row as its own line with the same `row` number and `side` = `left` or
//! `right`; a list writes `side` empty.
//!
//! **Spreadsheet-safe.** The text starts with a UTF-8 byte order mark, so Excel reads the
//! Chinese as UTF-8; fields are quoted as RFC 4180 asks; and a cell that a spreadsheet
//! would run as a formula (one starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return) is written with a leading `'`, which shows as text — except a plain number
//! (`-5`, `0.25`), which no spreadsheet runs. Quotes come from the plans, but a bundle can
//! come from anywhere.

use crate::bundle::{Comparator, Document, Metric, MetricKind, Normalized, Theme};

/// The byte order mark every CSV starts with.
pub const BOM: &str = "\u{feff}";

/// The columns of every CSV.
pub const HEADER: [&str; 24] = [
    "row",
    "side",
    "region",
    "region_name",
    "document_title",
    "published",
    "indicator",
    "indicator_id",
    "per",
    "part_of",
    "value",
    "value_max",
    "unit",
    "normalized_value",
    "normalized_value_max",
    "normalized_unit",
    "year",
    "comparator",
    "kind",
    "theme",
    "quote",
    "document",
    "paragraph",
    "metric",
];

/// One statement as a CSV line.
#[derive(Clone, Debug, PartialEq)]
pub struct Record<'a> {
    /// The line's row: its place in a list, or the row of a side-by-side table.
    pub row: usize,
    /// `left` or `right` in a side-by-side table, empty in a list.
    pub side: &'a str,
    /// Region id.
    pub region: &'a str,
    /// Region name (as the caller shows it).
    pub region_name: &'a str,
    /// Document id.
    pub document: &'a str,
    /// Document title.
    pub document_title: &'a str,
    /// Document date (ISO).
    pub published: &'a str,
    /// Paragraph id.
    pub paragraph: &'a str,
    /// Metric id.
    pub metric: &'a str,
    /// What is counted.
    pub indicator: &'a str,
    /// Its canonical indicator.
    pub indicator_id: Option<&'a str>,
    /// The unit it is per.
    pub per: Option<&'a str>,
    /// The total it is part of.
    pub part_of: Option<&'a str>,
    /// The value.
    pub value: f64,
    /// The upper end of a range.
    pub value_max: Option<f64>,
    /// The unit as written.
    pub unit: &'a str,
    /// The value in a canonical unit.
    pub normalized: Option<&'a Normalized>,
    /// The year.
    pub year: Option<i32>,
    /// The qualifying word.
    pub comparator: Option<Comparator>,
    /// Target, baseline or other.
    pub kind: MetricKind,
    /// The theme.
    pub theme: Option<Theme>,
    /// The exact quote.
    pub quote: &'a str,
}

impl<'a> Record<'a> {
    /// A metric of a document, as line `row` of a list.
    pub fn of_metric(row: usize, region_name: &'a str, doc: &'a Document, m: &'a Metric) -> Self {
        let scope = m.scope.as_ref();
        Record {
            row,
            side: "",
            region: &doc.region,
            region_name,
            document: &doc.id,
            document_title: &doc.title,
            published: &doc.published,
            paragraph: &m.paragraph,
            metric: &m.id,
            indicator: &m.indicator,
            indicator_id: m.indicator_id.as_deref(),
            per: scope.and_then(|s| s.per.as_deref()),
            part_of: scope.and_then(|s| s.part_of.as_deref()),
            value: m.value,
            value_max: m.value_max,
            unit: &m.unit,
            normalized: m.normalized.as_ref(),
            year: m.year,
            comparator: m.comparator,
            kind: m.kind,
            theme: m.theme,
            quote: &m.quote,
        }
    }

    /// Writes the line, cells in [`HEADER`]'s order.
    fn write(&self, out: &mut String) {
        let text = [
            self.side,
            self.region,
            self.region_name,
            self.document_title,
            self.published,
            self.indicator,
            self.indicator_id.unwrap_or_default(),
            self.per.unwrap_or_default(),
            self.part_of.unwrap_or_default(),
        ];
        cell(out, &self.row.to_string(), true);
        for t in text {
            cell(out, t, false);
        }
        let normalized = self.normalized;
        for v in [Some(self.value), self.value_max] {
            cell(out, &v.map(number).unwrap_or_default(), false);
        }
        cell(out, self.unit, false);
        for v in [
            normalized.map(|n| n.value),
            normalized.and_then(|n| n.value_max),
        ] {
            cell(out, &v.map(number).unwrap_or_default(), false);
        }
        cell(out, normalized.map_or("", |n| n.unit.id()), false);
        cell(
            out,
            &self.year.map(|y| y.to_string()).unwrap_or_default(),
            false,
        );
        cell(out, self.comparator.map_or("", |c| c.word()), false);
        cell(out, self.kind.id(), false);
        cell(out, self.theme.map_or("", |t| t.id()), false);
        for t in [self.quote, self.document, self.paragraph, self.metric] {
            cell(out, t, false);
        }
        out.push_str("\r\n");
    }
}

/// Records as CSV in the one shape: byte order mark, [`HEADER`], a line each.
pub fn records_to_csv(records: &[Record<'_>]) -> String {
    let mut out = String::from(BOM);
    for (i, h) in HEADER.iter().enumerate() {
        cell(&mut out, h, i == 0);
    }
    out.push_str("\r\n");
    for r in records {
        r.write(&mut out);
    }
    out
}

/// Appends one cell (after a comma unless `first`): neutralised, quoted if it must be.
fn cell(out: &mut String, text: &str, first: bool) {
    if !first {
        out.push(',');
    }
    let text = neutralize(text);
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&text);
    }
}

/// A number as a cell: whole numbers without a decimal point (`30000000000`), others with
/// up to nine decimals, trailing zeros dropped (`0.25`, `0.333333333`).
///
/// Written by hand rather than with `format!("{v}")`: the widget writes CSV too, and this
/// was the last use of Rust's float formatting in its wasm, which weighed more than
/// everything else in this file (measured with the size test, `tests/e2e/size.test.mjs`). Values are below 10¹⁵ (the bundle
/// reader's bound); from 10⁹ on, three decimals.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let a = v.abs();
    if a.fract() == 0.0 && a < 1e18 {
        return format!("{sign}{}", a as u64);
    }
    let places: u32 = if a < 1e9 { 9 } else { 3 };
    let scale = 10u64.pow(places);
    let scaled = (a * scale as f64).round();
    if scaled >= 1.8e19 {
        return format!("{sign}{}", a.round() as u64);
    }
    let n = scaled as u64;
    let (int, frac) = (n / scale, n % scale);
    let frac = format!("{frac:0width$}", width = places as usize);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// Whether a cell is a plain decimal number (`-5`, `0.25`): safe as it is.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A cell a spreadsheet shows as text, never runs as a formula.
pub fn neutralize(cell: &str) -> std::borrow::Cow<'_, str> {
    let runs = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if runs && !is_plain_number(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Rows as CSV: byte order mark, a header line, then the rows; fields with commas, quotes
/// or line breaks quoted; formula-like cells neutralised ([`neutralize`]).
pub fn to_csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from(BOM);
    for line in std::iter::once(header.to_vec())
        .chain(rows.iter().map(|r| r.iter().map(String::as_str).collect()))
    {
        for (i, f) in line.iter().enumerate() {
            cell(&mut out, f, i == 0);
        }
        out.push_str("\r\n");
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
                out.push_str(&" ".repeat(widths[i].saturating_sub(width(cell)) + 2));
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
    fn csv_starts_with_a_bom_and_quotes_what_needs_quoting() {
        let csv = to_csv(&["a", "b"], &[vec!["x,y".into(), "say \"hi\"".into()]]);
        assert_eq!(csv, "\u{feff}a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n");
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised() {
        for (cell, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1+2", "'+1+2"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\r=1", "'\r=1"),
            ("-5", "-5"),
            ("-0.25", "-0.25"),
            ("0.25", "0.25"),
            ("进出口总额", "进出口总额"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(neutralize(cell), written, "{cell:?}");
        }
        let csv = to_csv(&["q"], &[vec!["=1+1,\"x\"".into()]]);
        assert_eq!(csv, "\u{feff}q\r\n\"'=1+1,\"\"x\"\"\"\r\n");
    }

    #[test]
    fn records_have_every_column_of_the_header() {
        let normalized = Normalized {
            value: 3e10,
            value_max: None,
            unit: crate::bundle::Canonical::Usd,
        };
        let r = Record {
            row: 1,
            side: "left",
            region: "jiangxi",
            region_name: "江西",
            document: "jiangxi-2016-10-09",
            document_title: "江西省…实施方案",
            published: "2016-10-09",
            paragraph: "s1.4.p1",
            metric: "m8",
            indicator: "对沿线国家进出口总额",
            indicator_id: Some("trade_with_br_countries"),
            per: None,
            part_of: None,
            value: 300.0,
            value_max: None,
            unit: "亿美元",
            normalized: Some(&normalized),
            year: Some(2020),
            comparator: Some(Comparator::BreaksThrough),
            kind: MetricKind::Target,
            theme: Some(Theme::Trade),
            quote: "=对沿线国家进出口总额突破300亿美元",
        };
        let csv = records_to_csv(&[r]);
        let lines: Vec<&str> = csv.trim_start_matches(BOM).lines().collect();
        assert_eq!(lines[0], HEADER.join(","));
        assert_eq!(
            lines[1],
            "1,left,jiangxi,江西,江西省…实施方案,2016-10-09,对沿线国家进出口总额,trade_with_br_countries,,,\
             300,,亿美元,30000000000,,usd,2020,突破,target,trade,'=对沿线国家进出口总额突破300亿美元,\
             jiangxi-2016-10-09,s1.4.p1,m8"
        );
    }

    #[test]
    fn numbers_as_cells() {
        assert_eq!(number(3e10), "30000000000");
        assert_eq!(number(0.25), "0.25");
        assert_eq!(number(-5.0), "-5");
        assert_eq!(number(1.0 / 3.0), "0.333333333");
        assert_eq!(number(78.1), "78.1");
        assert_eq!(number(-0.5), "-0.5");
        assert_eq!(number(1234567890.25), "1234567890.25");
        assert_eq!(number(1e15), "1000000000000000");
        assert_eq!(number(0.0000000001), "0");
        assert_eq!(number(f64::NAN), "");
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
