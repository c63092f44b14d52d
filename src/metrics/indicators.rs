//! Canonical indicators: a small taxonomy kept as reviewable data
//! (`src/metrics/indicators.tsv`) that names what a target or baseline measures, the same
//! way for every region, in Chinese and in English.
//!
//! Why a taxonomy and not text similarity: `对外投资` (outbound investment) and
//! `境外投资和对外承包工程总额` (outbound investment *and* contracted projects) share most of
//! their characters, yet one is a component of the other and they must never stand in one
//! row; `在冀国际学生规模` and `招收…留学生` share few, yet count the same students. Such
//! judgements are made once, by a reader, in the data file; the builder stores the id
//! with each metric (`indicator_id`), and comparisons only compare ids.

use std::sync::OnceLock;

/// The table's text.
const TSV: &str = include_str!("indicators.tsv");
// The names alone (what the widget needs), made at compile time: twice, first to learn
// the length (that array is never in the wasm), then into an array of exactly that length.
const NAMES_LEN: usize = names_only::<{ TSV.len() }>(TSV.as_bytes()).1;
const NAMES_BYTES: ([u8; NAMES_LEN], usize) = names_only::<NAMES_LEN>(TSV.as_bytes());
const NAMES: &str = match std::str::from_utf8(&NAMES_BYTES.0) {
    Ok(s) => s,
    Err(_) => "",
};

/// The table without its comments and its `match` column: `id <TAB> zh <TAB> en <TAB>
/// noun` lines, and how long they are (written up to `N` bytes).
const fn names_only<const N: usize>(src: &[u8]) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    let (mut i, mut n) = (0, 0);
    while i < src.len() {
        let comment = src[i] == b'#';
        let mut tabs = 0;
        while i < src.len() && src[i] != b'\n' {
            if src[i] == b'\t' {
                tabs += 1;
            }
            // Cut at a tab (ASCII), so the text stays UTF-8.
            if !comment && tabs < 4 {
                if n < N {
                    out[n] = src[i];
                }
                n += 1;
            }
            i += 1;
        }
        if !comment {
            if n < N {
                out[n] = b'\n';
            }
            n += 1;
        }
        i += 1;
    }
    (out, n)
}

/// The names of indicator `id` — Chinese, English, and the English noun for a count of
/// it — read from the table's names alone. What the widget needs: the whole
/// [`Taxonomy`] (its matching rules, their parser and its error messages) would cost
/// its wasm about 8 kB more (measured with twiggy).
pub fn names(id: &str) -> Option<(&'static str, &'static str, Option<&'static str>)> {
    for line in NAMES.lines() {
        let mut fields = line.split('\t');
        if fields.next() == Some(id) {
            let (zh, en, noun) = (fields.next()?, fields.next()?, fields.next()?);
            return Some((zh, en, (noun != "-" && !noun.is_empty()).then_some(noun)));
        }
    }
    None
}

/// One canonical indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Indicator {
    /// Its stable id (`outbound_investment`), as the bundle stores it.
    pub id: &'static str,
    /// Its name in Chinese.
    pub zh: &'static str,
    /// Its name in English.
    pub en: &'static str,
    /// The English noun for a count of it (`parks`), when the unit does not say it.
    pub noun: Option<&'static str>,
    /// When an indicator is this one: any of these.
    rules: Vec<Rule>,
}

/// One alternative of a `match` column: every word present, none of the excluded, the unit.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Rule {
    words: Vec<&'static str>,
    not: Vec<&'static str>,
    unit: Option<&'static str>,
}

impl Rule {
    fn fits(&self, indicator: &str, unit: &str) -> bool {
        self.words.iter().all(|w| indicator.contains(w))
            && !self.not.iter().any(|w| indicator.contains(w))
            && self.unit.is_none_or(|u| bare_unit(unit) == u)
    }
}

/// A unit without its magnitude characters: `万标箱` → `标箱`.
pub fn bare_unit(unit: &str) -> &str {
    unit.trim_start_matches(['万', '亿', '千', '百'])
}

/// The taxonomy: indicators in the order they are tried.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Taxonomy {
    indicators: Vec<Indicator>,
}

/// A line of the taxonomy that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaxonomyError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

impl std::fmt::Display for TaxonomyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for TaxonomyError {}

impl Taxonomy {
    /// The taxonomy that ships with the crate.
    pub fn builtin() -> &'static Taxonomy {
        static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
        // The file is part of the crate and a unit test parses it; an error here is a bug
        // caught by that test, so fall back to no indicators rather than panic.
        TAXONOMY.get_or_init(|| Taxonomy::parse(TSV).unwrap_or_default())
    }

    /// Reads `id <TAB> zh <TAB> en <TAB> noun <TAB> match` lines; `#` starts a comment.
    pub fn parse(tsv: &'static str) -> Result<Taxonomy, TaxonomyError> {
        let mut indicators: Vec<Indicator> = Vec::new();
        for (i, line) in tsv.lines().enumerate() {
            let error = |reason: String| TaxonomyError {
                line: i + 1,
                reason,
            };
            let line = line.trim_end();
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&'static str> = line.split('\t').collect();
            let [id, zh, en, noun, matches] = fields[..] else {
                return Err(error(format!(
                    "expected 5 tab-separated fields (id, zh, en, noun, match), found {}",
                    fields.len()
                )));
            };
            if id.is_empty()
                || !id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(error(format!("id {id:?} is not snake_case")));
            }
            if indicators.iter().any(|x| x.id == id) {
                return Err(error(format!("id {id} appears twice")));
            }
            if zh.is_empty() || en.is_empty() {
                return Err(error("empty name".to_owned()));
            }
            let mut rules = Vec::new();
            for alternative in matches.split('|') {
                let mut rule = Rule {
                    words: Vec::new(),
                    not: Vec::new(),
                    unit: None,
                };
                for term in alternative.split_whitespace() {
                    if let Some(w) = term.strip_prefix('-') {
                        rule.not.push(w);
                    } else if let Some(u) = term.strip_prefix('@') {
                        rule.unit = Some(u);
                    } else {
                        rule.words.push(term);
                    }
                }
                if rule.words.is_empty() {
                    return Err(error(format!(
                        "an alternative of {id} names no word: {alternative:?}"
                    )));
                }
                rules.push(rule);
            }
            indicators.push(Indicator {
                id,
                zh,
                en,
                noun: (noun != "-" && !noun.is_empty()).then_some(noun),
                rules,
            });
        }
        Ok(Taxonomy { indicators })
    }

    /// Every indicator, in the order they are tried.
    pub fn all(&self) -> &[Indicator] {
        &self.indicators
    }

    /// The indicator with this id.
    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|x| x.id == id)
    }

    /// The canonical indicator of a statement's indicator and unit: the first that fits.
    pub fn classify(&self, indicator: &str, unit: &str) -> Option<&Indicator> {
        self.indicators
            .iter()
            .find(|x| x.rules.iter().any(|r| r.fits(indicator, unit)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_alone_are_the_taxonomys_names() {
        let all = Taxonomy::builtin().all();
        assert!(all.len() > 50);
        for x in all {
            assert_eq!(names(x.id), Some((x.zh, x.en, x.noun)), "{}", x.id);
        }
        assert_eq!(names("atlantis"), None);
        assert!(
            NAMES.len() < TSV.len() * 3 / 4,
            "{} of {}",
            NAMES.len(),
            TSV.len()
        );
    }

    #[test]
    fn the_builtin_taxonomy_parses() {
        let t = Taxonomy::parse(include_str!("indicators.tsv")).unwrap();
        assert!(t.all().len() >= 40);
        assert_eq!(Taxonomy::builtin(), &t);
        for x in t.all() {
            assert!(x.en.is_ascii() || x.en.contains('–'), "{}: {}", x.id, x.en);
        }
    }

    #[test]
    fn components_and_totals_are_told_apart() {
        let t = Taxonomy::builtin();
        let id = |s: &str, u: &str| t.classify(s, u).map(|x| x.id);
        assert_eq!(id("对外投资", "亿美元"), Some("outbound_investment"));
        assert_eq!(
            id("境外投资和对外承包工程总额", "亿美元"),
            Some("outbound_investment_and_contracting")
        );
        assert_eq!(id("对外工程承包额", "亿美元"), Some("contracted_projects"));
        assert_eq!(id("郑州机场客运量", "万人次"), Some("airport_passengers"));
        assert_eq!(
            id("国际地区客运量", "万人次"),
            Some("airport_passengers_international")
        );
        assert_eq!(id("港口", "万标箱"), Some("port_container_capacity"));
        assert_eq!(id("港口", "个"), None);
        assert_eq!(id("发展理念", "大"), None);
    }

    #[test]
    fn bad_lines_are_rejected_with_their_number() {
        let e = Taxonomy::parse("# c\na\tb\tc\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = Taxonomy::parse("Bad-Id\t甲\tA\t-\t甲\n").unwrap_err();
        assert!(e.reason.contains("snake_case"), "{e}");
        let e = Taxonomy::parse("a\t甲\tA\t-\t甲\na\t乙\tB\t-\t乙\n").unwrap_err();
        assert_eq!((e.line, e.reason.as_str()), (2, "id a appears twice"));
        let e = Taxonomy::parse("a\t甲\tA\t-\t-甲\n").unwrap_err();
        assert!(e.reason.contains("names no word"), "{e}");
    }
}
