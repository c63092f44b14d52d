//! Tables, put back into reading order.
//!
//! The extractor reads a table page by page and, on each page, cell by cell; a cell that
//! runs over a page break comes out in pieces, interleaved with its neighbours, and cells
//! printed on one line come out as one line with spaces between them. Two layouts occur:
//!
//! - **Numbered rows** (`序号 | 规定 | 调整情况`, the first document's attachment): on each
//!   page the extractor emits a row's provisions, then its adjustment. The adjustment
//!   column is narrow, so on a continuation page it is the run of short lines at the end of
//!   the row's text there; on a row's first page it opens with `暂时停止`.
//! - **Grids** (the Jiangxi project appendix, the list of outbound-investment rules): one
//!   cell after another, except where a row's cells were printed side by side; those lines
//!   are split at the spaces between Chinese characters and their pieces continued column
//!   by column.
//!
//! Either way each cell becomes one block, so no sentence is cut by another cell.

use super::blocks::{self, Block, BlockKind};
use super::clean::is_han;
use super::lines::Line;
use super::numbering::{self, Style};

/// Where a table sits in a document's body lines, and its layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Table {
    /// Index of its first line.
    pub start: usize,
    /// One past its last line.
    pub end: usize,
    /// Its layout.
    pub layout: Layout,
}

/// The two table layouts of the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Rows numbered in a first column, a wide and a narrow text column.
    NumberedRows,
    /// Cells one after another, some rows printed side by side.
    Grid,
}

/// A column of the numbered-rows layout is narrow when its lines hold at most this many
/// characters.
const NARROW: usize = 13;
/// The title column of a grid is at most this wide; wider lines belong to the next cell.
const TITLE_COLUMN: usize = 9;

/// Finds the tables in a document's body lines.
pub fn find(lines: &[Line<'_>]) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].text == "序号" {
            let end = (i..lines.len())
                .find(|&j| lines[j].text.starts_with("注："))
                .unwrap_or(lines.len());
            tables.push(Table {
                start: i,
                end,
                layout: Layout::NumberedRows,
            });
            i = end;
        } else if is_header_row(lines[i].text) && cells_follow(&lines[i + 1..]) {
            let mut start = i;
            // A header printed vertically (`类` / `别`) comes out one character a line.
            while start > 0 && lines[start - 1].text.chars().count() <= 2 {
                start -= 1;
            }
            tables.push(Table {
                start,
                end: lines.len(),
                layout: Layout::Grid,
            });
            break;
        } else {
            i += 1;
        }
    }
    tables
}

/// A header row printed on one line: three or more short column names. (A spaced-out
/// heading such as `第一章  总  则` is not one.)
fn is_header_row(text: &str) -> bool {
    let cells = cells_of(text);
    cells.len() >= 3
        && numbering::ordinal(text).is_none()
        && cells
            .iter()
            .all(|c| (2..=6).contains(&c.chars().count()) && c.chars().all(is_han))
}

/// A header row is followed by cells: short lines, several of them. (A signature with
/// three issuers on one line looks like a header, but only a date follows it.)
fn cells_follow(lines: &[Line<'_>]) -> bool {
    const AT_LEAST: usize = 5;
    lines.len() >= AT_LEAST
        && lines[..AT_LEAST]
            .iter()
            .all(|l| l.text.chars().count() <= 15)
}

/// Characters between which a space can separate two cells printed on one line. Spaces
/// next to digits are the PDF's stray spaces (`2016 年`), and a space after an
/// enumeration comma (`住房城乡建设部、 卫生`) is inside a cell.
fn is_cell_edge(c: char) -> bool {
    is_han(c) || matches!(c, '“' | '”' | '《' | '》' | '（' | '）' | '。')
}

/// Splits a line at the spaces that separate cells printed side by side: between two
/// Chinese characters, after a full stop (`…俄语中心。 2015年底前…`), or before a date that
/// fills a cell of its own (`商务部 2017年 5月 《…》`).
fn cells_of(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut cells = Vec::new();
    let mut start = 0;
    let mut k = 0;
    while k < chars.len() {
        if chars[k].1 == ' ' {
            let run_end = (k..chars.len())
                .find(|&j| chars[j].1 != ' ')
                .unwrap_or(chars.len());
            let before = k.checked_sub(1).map(|j| chars[j].1);
            let after = chars.get(run_end).map(|&(_, c)| c);
            if let (Some(b), Some(a)) = (before, after) {
                let rest = &text[chars[run_end].0..];
                let edge = (is_cell_edge(b) && b != '、' && is_cell_edge(a))
                    || b == '。'
                    || (is_han(b) && date_cell(rest));
                if edge {
                    cells.push(&text[start..chars[k].0]);
                    start = chars[run_end].0;
                }
            }
            k = run_end;
        } else {
            k += 1;
        }
    }
    cells.push(&text[start..]);
    cells
}

/// Whether `text` starts with a date that is a cell of its own: `2017年 5月`, optionally
/// with a day, then a space or the end of the line.
fn date_cell(text: &str) -> bool {
    /// Skips spaces, then `n` digits with `min <= n <= max`; returns the rest.
    fn digits(s: &str, min: usize, max: usize) -> Option<&str> {
        let s = s.trim_start_matches(' ');
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        (min..=max).contains(&n).then(|| &s[n..])
    }
    fn word<'a>(s: &'a str, w: &str) -> Option<&'a str> {
        s.trim_start_matches(' ').strip_prefix(w)
    }
    let Some(rest) = digits(text, 4, 4)
        .and_then(|s| word(s, "年"))
        .and_then(|s| digits(s, 1, 2))
        .and_then(|s| word(s, "月"))
    else {
        return false;
    };
    let rest = digits(rest, 1, 2)
        .and_then(|s| word(s, "日"))
        .unwrap_or(rest);
    rest.is_empty() || rest.starts_with(' ')
}

/// The blocks of a table, in reading order.
pub fn reflow(table: &Table, lines: &[Line<'_>]) -> Vec<Block> {
    let lines = &lines[table.start..table.end];
    match table.layout {
        Layout::NumberedRows => numbered_rows(lines),
        Layout::Grid => grid(lines),
    }
}

fn is_row_number(line: &Line<'_>) -> bool {
    line.text.bytes().all(|b| b.is_ascii_digit())
}

fn numbered_rows(lines: &[Line<'_>]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut i = 0;
    // The header: `序号`, the wrapped name of the middle column, `调整情况`.
    if let Some(last) = lines.iter().position(|l| l.text == "调整情况") {
        out.push(cell(&lines[..1]));
        if last > 1 {
            out.push(cell(&lines[1..last]));
        }
        out.push(cell(&lines[last..=last]));
        i = last + 1;
    }
    while i < lines.len() {
        // A row number may wrap (`1` / `0` is row 10).
        let number_start = i;
        while i < lines.len() && is_row_number(&lines[i]) {
            i += 1;
            if lines[i - 1].ends_paragraph {
                break;
            }
        }
        if i > number_start {
            let number: String = lines[number_start..i].iter().map(|l| l.text).collect();
            out.push(Block::from_lines::<&str>(
                lines[number_start].no,
                &[],
                BlockKind::Row { number },
            ));
        }
        let row_end = (i..lines.len())
            .find(|&j| is_row_number(&lines[j]))
            .unwrap_or(lines.len());
        if row_end == i {
            // A row number with nothing after it; move on rather than loop.
            i += 1;
            continue;
        }
        out.extend(row_cells(&lines[i..row_end]));
        i = row_end;
    }
    out
}

/// Separates one row's provisions from its adjustment, page by page.
fn row_cells(row: &[Line<'_>]) -> Vec<Block> {
    let mut wide: Vec<Line<'_>> = Vec::new();
    let mut narrow: Vec<Line<'_>> = Vec::new();
    let mut narrow_started = false;
    let mut narrow_open = false;
    let mut segments: Vec<&[Line<'_>]> = Vec::new();
    let mut seg_start = 0;
    for k in 1..=row.len() {
        if k == row.len() || row[k].page_start {
            segments.push(&row[seg_start..k]);
            seg_start = k;
        }
    }
    for seg in segments {
        let split = if !narrow_started {
            seg.iter().position(|l| l.text.starts_with("暂时停止"))
        } else if narrow_open {
            narrow_start(seg, wide.last().is_none_or(|l| l.ends_paragraph))
        } else {
            None
        };
        match split {
            Some(s) => {
                wide.extend_from_slice(&seg[..s]);
                narrow.extend_from_slice(&seg[s..]);
                narrow_started = true;
                narrow_open = seg.last().is_some_and(|l| !l.ends_paragraph);
            }
            None => wide.extend_from_slice(seg),
        }
    }
    let mut out: Vec<Block> = blocks::paragraphs(&wide)
        .into_iter()
        .map(|b| Block {
            kind: BlockKind::Cell,
            ..b
        })
        .collect();
    if !narrow.is_empty() {
        out.push(cell(&narrow));
    }
    out
}

/// Where the narrow column starts on a continuation page: the first line of the run of
/// short lines that ends the segment, at a paragraph boundary (`wide_closed`: the wide
/// column's text so far ended one). Linear: the run is found from the end once, rather
/// than checked again from every start (quadratic: 1.6 s for a 100 KB row).
fn narrow_start(seg: &[Line<'_>], wide_closed: bool) -> Option<usize> {
    let short_from = seg
        .iter()
        .rposition(|l| l.text.chars().count() > NARROW)
        .map_or(0, |k| k + 1);
    (short_from..seg.len()).find(|&s| {
        if s == 0 {
            wide_closed
        } else {
            seg[s - 1].ends_paragraph
        }
    })
}

fn cell(lines: &[Line<'_>]) -> Block {
    let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    Block::from_lines(lines[0].no, &texts, BlockKind::Cell)
}

/// A cell of a grid while it is being assembled.
struct GridCell<'a> {
    line: usize,
    parts: Vec<Line<'a>>,
    /// Still receiving lines.
    open: bool,
    /// A title cut short by the split from its neighbour (its end may turn up later).
    cut: bool,
}

impl GridCell<'_> {
    fn block(&self, kind: BlockKind) -> Block {
        let texts: Vec<&str> = self.parts.iter().map(|l| l.text).collect();
        Block::from_lines(self.line, &texts, kind)
    }
}

fn grid(lines: &[Line<'_>]) -> Vec<Block> {
    let mut cells: Vec<GridCell<'_>> = Vec::new();
    // Cells of the row printed side by side, by column, while it continues.
    let mut columns: Vec<usize> = Vec::new();
    let mut current: Option<usize> = None;
    let mut header_done = false;

    for (k, line) in lines.iter().enumerate() {
        let parts = cells_of(line.text);
        if parts.len() >= 2 {
            let header = !header_done && is_header_row(line.text);
            header_done |= header;
            let continuing = !columns.is_empty()
                && k > 0
                && cells_of(lines[k - 1].text).len() >= 2
                && parts.len() <= columns.len();
            if !continuing {
                columns.clear();
            }
            for (c, part) in parts.iter().enumerate() {
                let last = c + 1 == parts.len();
                // A middle cell is done if it ends a sentence or is a date of its own.
                let open = !header
                    && if last {
                        !line.ends_paragraph
                    } else {
                        !part.ends_with(['。', '；']) && !date_cell(part)
                    };
                let piece = Line {
                    text: part,
                    ..*line
                };
                if continuing {
                    let cell = &mut cells[columns[c]];
                    cell.parts.push(piece);
                    cell.open = open;
                } else {
                    columns.push(cells.len());
                    cells.push(GridCell {
                        line: line.no,
                        parts: vec![piece],
                        open,
                        cut: false,
                    });
                }
            }
            current = None;
            continue;
        }

        if current.is_none() {
            // Continue the first open column after the title column, if a side-by-side row
            // is still running; otherwise this line starts a new cell.
            current = columns.iter().skip(1).copied().find(|&c| cells[c].open);
            if current.is_none() {
                columns.clear();
            }
        }
        match current {
            Some(c) => cells[c].parts.push(*line),
            None => {
                cells.push(GridCell {
                    line: line.no,
                    parts: vec![*line],
                    open: true,
                    cut: false,
                });
                current = Some(cells.len() - 1);
            }
        }
        if line.ends_paragraph {
            if let Some(c) = current {
                cells[c].open = false;
            }
            current = None;
        }
    }

    split_cut_titles(&mut cells);
    rejoin_cut_cells(&mut cells);
    to_blocks(cells)
}

/// A numbered title cell whose lines run on into wider lines absorbed its neighbour
/// (`2．对接“一带` / `一路”货运通道工` / `研究建立赣欧（亚）国际铁路…`): split them, and give
/// the title the one or two characters that a page break pushed into a later cell.
fn split_cut_titles(cells: &mut Vec<GridCell<'_>>) {
    let mut k = 0;
    while k < cells.len() {
        let starts_numbered = cells[k]
            .parts
            .first()
            .is_some_and(|l| numbering::ordinal(l.text).is_some_and(|o| o.style == Style::Arabic));
        let cut_at = cells[k]
            .parts
            .iter()
            .position(|l| l.text.chars().count() > TITLE_COLUMN);
        if starts_numbered && let Some(at) = cut_at.filter(|&at| at > 0) {
            let rest = cells[k].parts.split_off(at);
            let line = rest[0].no;
            cells[k].cut = true;
            cells.insert(
                k + 1,
                GridCell {
                    line,
                    parts: rest,
                    open: false,
                    cut: false,
                },
            );
        }
        if cells[k].cut {
            let later = (k + 1..cells.len()).take(3).find(|&j| {
                cells[j].parts.len() > 1
                    && cells[j]
                        .parts
                        .last()
                        .is_some_and(|l| l.page_start && l.text.chars().count() <= 2)
            });
            if let Some(j) = later
                && let Some(tail) = cells[j].parts.pop()
            {
                cells[k].parts.push(tail);
                cells[k].cut = false;
            }
        }
        k += 1;
    }
}

/// A cell cut off mid-sentence by a page break (`…前期研究工作，`) goes on after the next
/// page has printed the row's other columns: the cell after its neighbour continues it.
fn rejoin_cut_cells(cells: &mut Vec<GridCell<'_>>) {
    let ends_sentence = |c: &GridCell<'_>| {
        c.parts
            .last()
            .is_some_and(|l| l.text.ends_with(['。', '；']))
    };
    let mut k = 0;
    while k + 2 < cells.len() {
        let cut = cells[k]
            .parts
            .last()
            .is_some_and(|l| l.text.ends_with(['，', '、']));
        let continuation = &cells[k + 2];
        let starts_item = continuation
            .parts
            .first()
            .is_some_and(|l| numbering::ordinal(l.text).is_some());
        if cut && ends_sentence(&cells[k + 1]) && !starts_item {
            let rest = cells.remove(k + 2);
            cells[k].parts.extend(rest.parts);
        }
        k += 1;
    }
}

fn to_blocks(cells: Vec<GridCell<'_>>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut category: Option<String> = None;
    for cell in cells {
        let text = cell.block(BlockKind::Cell).text;
        if text.is_empty() {
            continue;
        }
        let numbered = numbering::ordinal(&text).map(|o| o.style);
        let sentence = text.contains(['。', '；', '！', '？']);
        let kind = match numbered {
            Some(Style::ChineseComma | Style::Arabic) if !sentence => BlockKind::CellTitle,
            _ => BlockKind::Cell,
        };
        if numbered == Some(Style::ChineseComma) && kind == BlockKind::CellTitle {
            // A merged category cell is printed again at the top of each page it spans.
            if category.as_deref() == Some(text.as_str()) {
                continue;
            }
            category = Some(text.clone());
        }
        out.push(cell.block(kind));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn side_by_side_cells_split_only_between_chinese_characters() {
        assert_eq!(
            cells_of("8．出口产业基 积极推进机电产业基地（南 集聚一批各具特色的出口主"),
            [
                "8．出口产业基",
                "积极推进机电产业基地（南",
                "集聚一批各具特色的出口主"
            ]
        );
        assert_eq!(
            cells_of("26．支持平台 设立省级参与“一带一路” 力争 2016 年完成"),
            ["26．支持平台", "设立省级参与“一带一路”", "力争 2016 年完成"]
        );
        assert_eq!(cells_of("房城乡建设部、 卫生"), ["房城乡建设部、 卫生"]);
        assert_eq!(
            cells_of("建设南昌大学俄语中心。 2015年底前建成并投入使用。"),
            ["建设南昌大学俄语中心。", "2015年底前建成并投入使用。"]
        );
        assert_eq!(
            cells_of("商务部 2017年 5月 《中国对外投资合作发展报告（2016）》"),
            [
                "商务部",
                "2017年 5月",
                "《中国对外投资合作发展报告（2016）》"
            ]
        );
        assert_eq!(cells_of("贸仲委 2017年 9月"), ["贸仲委", "2017年 9月"]);
        assert_eq!(cells_of("2017 年 12"), ["2017 年 12"]);
    }

    proptest::proptest! {
        #[test]
        fn the_narrow_column_starts_where_the_naive_search_says(
            lines in proptest::collection::vec((0usize..20, proptest::bool::ANY), 0..30),
            wide_closed in proptest::bool::ANY,
        ) {
            let texts: Vec<String> = lines.iter().map(|&(n, _)| "字".repeat(n)).collect();
            let seg: Vec<Line<'_>> = texts
                .iter()
                .zip(&lines)
                .enumerate()
                .map(|(no, (text, &(_, ends)))| Line {
                    no,
                    text,
                    page_start: false,
                    bullet: false,
                    ends_paragraph: ends,
                })
                .collect();
            // The search as first written: every start, the rest of the segment rescanned.
            let naive = (0..seg.len()).find(|&s| {
                seg[s..].iter().all(|l| l.text.chars().count() <= NARROW)
                    && if s == 0 { wide_closed } else { seg[s - 1].ends_paragraph }
            });
            proptest::prop_assert_eq!(narrow_start(&seg, wide_closed), naive);
        }
    }

    #[test]
    fn header_rows_are_short_chinese_names() {
        assert!(is_header_row("重点项目 建设内容 工作目标"));
        assert!(is_header_row("文件类别 发文单位 发文日期 文件"));
        assert!(!is_header_row(
            "8．出口产业基 积极推进机电产业基地（南 集聚一批"
        ));
        assert!(!is_header_row("第一章  总  则"));
    }
}
