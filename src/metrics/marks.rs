//! A paragraph's punctuation and years, indexed once so that every question the
//! extraction asks about a number (where its sentence and clause start, whether it sits
//! in a quoted slogan or a title, which year was stated before it, whether a cue word
//! came earlier in its sentence) costs a binary search, not a scan of the text before it.
//!
//! Why it matters: a paragraph may hold tens of thousands of numbers (`3%3%3%…`, a
//! hand-made hostile input), and a scan back from each number to its sentence start is
//! quadratic in the paragraph — 30,000 numbers took 14 s. Building the index is one pass
//! over the text (linear); every query is logarithmic, or linear in a bounded window.

use std::ops::Range;

/// Sentence ends. An ASCII `;` ends a sentence too: the corpus has
/// `…枢纽航线网络;郑州新郑国际机场…` where the PDF lost the full-width form.
pub const SENTENCE: [char; 5] = ['。', '；', '！', '？', ';'];
/// Clause marks inside a sentence. An opening parenthesis also starts a clause when the
/// number is inside it (`535万（折合全时当量为371万人年）`); a closed one does not
/// (`分支（子）机构`).
pub const CLAUSE: [char; 3] = ['，', '：', ','];

/// Whether `c` opens an aside.
fn opens(c: char) -> bool {
    matches!(c, '（' | '(')
}

/// Whether `c` closes an aside.
fn closes(c: char) -> bool {
    matches!(c, '）' | ')')
}

/// Positions of one character class, sorted.
#[derive(Debug, Default)]
struct Positions(Vec<usize>);

impl Positions {
    /// The last position `< at`.
    fn last_before(&self, at: usize) -> Option<usize> {
        let i = self.0.partition_point(|&p| p < at);
        i.checked_sub(1).map(|i| self.0[i])
    }

    /// The first position `>= at`.
    fn first_from(&self, at: usize) -> Option<usize> {
        let i = self.0.partition_point(|&p| p < at);
        self.0.get(i).copied()
    }

    /// Whether one lies in `range`.
    fn any_in(&self, range: Range<usize>) -> bool {
        self.first_from(range.start).is_some_and(|p| p < range.end)
    }
}

/// A year stated in the paragraph: `2020年`, or `2017` before a range mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Year {
    /// Byte offset of its first digit.
    pub at: usize,
    /// Byte offset just after its `年` or range mark.
    pub end: usize,
    /// The year.
    pub year: u32,
    /// Whether it can date a statement after it: not a comparison base (`比2020年`), not
    /// part of a full date (`2019年12月31日`), not inside a title (`《…（2017年修订）》`).
    pub states: bool,
}

/// The index of one paragraph.
#[derive(Debug)]
pub struct Marks<'a> {
    text: &'a str,
    sentence_ends: Positions,
    clause_marks: Positions,
    quote_opens: Positions,
    quote_closes: Positions,
    paren_opens: Positions,
    paren_closes: Positions,
    title_opens: Positions,
    title_closes: Positions,
    years: Vec<Year>,
    shisanwu: Option<usize>,
    per: Positions,
}

impl<'a> Marks<'a> {
    /// Indexes `text` in one pass.
    pub fn new(text: &'a str) -> Marks<'a> {
        let mut m = Marks {
            text,
            sentence_ends: Positions::default(),
            clause_marks: Positions::default(),
            quote_opens: Positions::default(),
            quote_closes: Positions::default(),
            paren_opens: Positions::default(),
            paren_closes: Positions::default(),
            title_opens: Positions::default(),
            title_closes: Positions::default(),
            years: Vec::new(),
            shisanwu: text.find("十三五"),
            per: Positions::default(),
        };
        for (i, c) in text.char_indices() {
            let list = match c {
                c if SENTENCE.contains(&c) => &mut m.sentence_ends,
                c if CLAUSE.contains(&c) => &mut m.clause_marks,
                '“' => &mut m.quote_opens,
                '”' => &mut m.quote_closes,
                c if opens(c) => &mut m.paren_opens,
                c if closes(c) => &mut m.paren_closes,
                '《' => &mut m.title_opens,
                '》' => &mut m.title_closes,
                '每' => &mut m.per,
                _ => continue,
            };
            list.0.push(i);
        }
        m.years = years_in(text)
            .into_iter()
            .map(|(at, year)| {
                let end = at + 4 + text[at + 4..].chars().next().map_or(0, char::len_utf8);
                let after = &text[at + 4..];
                let date = after.strip_prefix('年').is_some_and(|r| {
                    let digits = r.bytes().take_while(u8::is_ascii_digit).count();
                    digits > 0 && r[digits..].starts_with('月')
                });
                let base = text[..at].ends_with(['比', '较']);
                let states = !base && !date && !m.inside_title(at);
                Year {
                    at,
                    end,
                    year,
                    states,
                }
            })
            .collect();
        m
    }

    /// The text indexed.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The sentence around byte offset `at`: from just after the previous sentence end to
    /// the next one (exclusive).
    pub fn sentence(&self, at: usize) -> Range<usize> {
        let start = self
            .sentence_ends
            .last_before(at)
            .map_or(0, |i| i + char_len(self.text, i));
        let end = self.sentence_ends.first_from(at).unwrap_or(self.text.len());
        start..end
    }

    /// Where the clause holding byte offset `at` starts: after the last clause mark of its
    /// sentence, or after the parenthesis it sits in, whichever is later.
    pub fn clause_start(&self, at: usize) -> usize {
        let sentence = self.sentence(at).start;
        let mark = self
            .clause_marks
            .last_before(at)
            .filter(|&i| i >= sentence)
            .map(|i| i + char_len(self.text, i));
        let paren = self
            .open_aside(at)
            .filter(|&i| i >= sentence)
            .map(|i| i + char_len(self.text, i));
        mark.max(paren).unwrap_or(sentence)
    }

    /// The opening parenthesis of the aside `at` is in, if it is in one that opened in its
    /// sentence: the last one before it that no closing parenthesis follows before `at`.
    /// (Nested asides are rare; the innermost unclosed one is what counts.)
    pub fn open_aside(&self, at: usize) -> Option<usize> {
        let open = self.paren_opens.last_before(at)?;
        (!self.paren_closes.any_in(open..at)).then_some(open)
    }

    /// Whether `at` is inside `《…》`.
    pub fn inside_title(&self, at: usize) -> bool {
        let open = self.title_opens.last_before(at);
        let close = self.title_closes.last_before(at);
        open.is_some_and(|o| close.is_none_or(|c| c < o))
    }

    /// The quoted text around `at` (`“五通”`), if `at` is between quotation marks: the
    /// byte range between them.
    pub fn quoted(&self, at: usize) -> Option<Range<usize>> {
        let open = self.quote_opens.last_before(at)?;
        if self.quote_closes.any_in(open..at) {
            return None;
        }
        let close = self.quote_closes.first_from(at)?;
        Some(open + '“'.len_utf8()..close)
    }

    /// Whether a closing parenthesis lies in `range`.
    pub fn closes_in(&self, range: Range<usize>) -> bool {
        self.paren_closes.any_in(range)
    }

    /// The last `每` in `range`.
    pub fn last_per(&self, range: Range<usize>) -> Option<usize> {
        self.per
            .last_before(range.end)
            .filter(|&i| i >= range.start)
    }

    /// The nearest year stated before `at` (ending at or before it) from `from` on, that
    /// can date a statement; then the `“十三五”` period (2020) if named before `at`.
    pub fn stated_year(&self, from: usize, at: usize) -> Option<u32> {
        let i = self.years.partition_point(|y| y.end <= at);
        let stated = self.years[..i]
            .iter()
            .rev()
            .take_while(|y| y.at >= from)
            // Years that cannot date a statement are few (bases, dates, titles); a run
            // of them long enough to matter here is not a plan's text.
            .take(8)
            .find(|y| y.states)
            .map(|y| y.year);
        stated.or_else(|| self.shisanwu.filter(|&s| s >= from && s < at).map(|_| 2020))
    }

    /// Whether any of `words` occurs within `range` (wholly).
    pub fn has(&self, words: &CueIndex, range: Range<usize>) -> bool {
        words.any_in(range)
    }
}

fn char_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(1, char::len_utf8)
}

/// Every `YYYY年` (or `YYYY` right before a range mark) in a text: (byte offset, year).
pub fn years_in(text: &str) -> Vec<(usize, u32)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let digits = &bytes[i..i + 4];
        let boundary = i == 0 || !bytes[i - 1].is_ascii_digit();
        if boundary
            && digits.iter().all(u8::is_ascii_digit)
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit())
        {
            let year: u32 = text[i..i + 4].parse().unwrap_or(0);
            let rest = &text[i + 4..];
            if (1900..=2100).contains(&year)
                && (rest.starts_with('年') || rest.starts_with(['-', '－', '—', '~']))
            {
                out.push((i, year));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

/// Where a set of cue words occurs in one paragraph: every occurrence, sorted by start.
#[derive(Debug, Default)]
pub struct CueIndex {
    /// (start, end) of each occurrence.
    hits: Vec<(usize, usize)>,
}

impl CueIndex {
    /// Finds every occurrence of `words` in `text` (one pass per word: linear).
    pub fn new(text: &str, words: &[&str]) -> CueIndex {
        let mut hits: Vec<(usize, usize)> = words
            .iter()
            .filter(|w| !w.is_empty())
            .flat_map(|w| text.match_indices(w).map(|(i, m)| (i, i + m.len())))
            .collect();
        hits.sort_unstable();
        CueIndex { hits }
    }

    /// Whether an occurrence lies wholly in `range`: a binary search, then a walk that
    /// stops at the first occurrence that fits. One that starts in the range but runs
    /// past its end starts within a cue's length of the end (cues are a few characters), so
    /// the walk passes few of them.
    pub fn any_in(&self, range: Range<usize>) -> bool {
        let i = self.hits.partition_point(|&(s, _)| s < range.start);
        self.hits[i..]
            .iter()
            .take_while(|&&(s, _)| s < range.end)
            .any(|&(_, e)| e <= range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_clauses() {
        let t = "到2020年，进出口总额突破300亿美元；利用外资（含分支（子）机构）达到100亿美元。";
        let m = Marks::new(t);
        let at = t.find("300").unwrap();
        assert_eq!(&t[m.sentence(at)], "到2020年，进出口总额突破300亿美元");
        assert_eq!(&t[m.clause_start(at)..at], "进出口总额突破");
        // A closed parenthesis does not start a clause; an open one does.
        let at = t.find("100").unwrap();
        assert_eq!(
            &t[m.clause_start(at)..at],
            "利用外资（含分支（子）机构）达到"
        );
        let t = "人员总量535万（折合全时当量为371万人年），均跃居世界第1位";
        let m = Marks::new(t);
        let at = t.find("371").unwrap();
        assert_eq!(&t[m.clause_start(at)..at], "折合全时当量为");
    }

    #[test]
    fn years_that_date_a_statement() {
        let t = "《条例（2017年修订）》规定，2019年12月31日前，比2015年增长，到2020年突破300亿美元";
        let m = Marks::new(t);
        let at = t.find("300").unwrap();
        assert_eq!(m.stated_year(0, at), Some(2020));
        let at = t.find("增长").unwrap();
        assert_eq!(m.stated_year(0, at), None);
        let t = "“十三五”期间回国人才超过110万";
        assert_eq!(Marks::new(t).stated_year(0, t.len()), Some(2020));
    }

    #[test]
    fn quotes_and_titles() {
        let t = "推进“一干九支”机场，《规划》中三个";
        let m = Marks::new(t);
        let at = t.find('九').unwrap();
        assert_eq!(&t[m.quoted(at).unwrap()], "一干九支");
        assert_eq!(m.quoted(t.find('三').unwrap()), None);
        assert!(m.inside_title(t.find('划').unwrap()));
        assert!(!m.inside_title(t.find('三').unwrap()));
    }

    #[test]
    fn cue_words_within_a_range() {
        let t = "力争到2020年每年新增";
        let cues = CueIndex::new(t, &["力争", "每年", "新增"]);
        assert!(cues.any_in(0..t.len()));
        assert!(!cues.any_in(3..t.find('每').unwrap()));
        // An occurrence that runs past the end does not count.
        assert!(!cues.any_in(t.find('每').unwrap()..t.find('年').unwrap() + 1));
    }
}
