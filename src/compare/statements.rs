//! Every region's statements at once: one canonical indicator (or one theme) across all
//! regions, as a table of regions × years, each cell the statements (targets and baselines, with their
//! quotes) a region makes about it for that year. Plain data for the CLI
//! (`metrics --region all --indicator …`) and for a widget view to draw.
//!
//! ```
//! # let corpus = "江西省参与“一带一路”建设实施方案 \n\n发布时间：2016-10-9 \n\n来源：江西省发改委网站 \n\n\
//! #   一、目标 \n\n到2020年，招收沿线国家留学生增加到2800人。 \n\n\
//! #   河北省推进共建“一带一路”教育行动计划 \n\n发布时间：2016-10-19 \n\n来源：河北省教育厅 \n\n\
//! #   一、目标 \n\n力争到2020年，沿线国家在冀国际学生规模达到5000人。 \n";
//! # let bundle = policy_compare::build_bundle(corpus, "data/example.txt").unwrap();
//! use policy_compare::compare::statements::{Statements, Subject};
//! let statements = Statements::new(&bundle);
//! let table = statements.table(&Subject::Indicator("international_students".into())).unwrap();
//! assert_eq!(table.years, [Some(2020)]);
//! let regions: Vec<&str> = table.rows.iter().map(|r| r.region.as_str()).collect();
//! assert_eq!(regions, ["hebei", "jiangxi"]);
//! assert_eq!(table.rows[1].cells[0][0].value, 2800.0);
//! // What a region without targets has instead:
//! assert_eq!(statements.counts("jiangxi").unwrap().targets, 1);
//! ```
//!
//! Rows: one per region and measure (unit and scope: a region's `亿美元` and its `翻一番`
//! of the same indicator are two rows, and so are per-city and whole-province counts);
//! under a theme, one per region, canonical indicator and measure. Columns: the years
//! stated, in order, then statements without a year. Sort a column with
//! [`crate::view::indicator_table::sorted`], which orders values of one measure only.

use serde::{Serialize, Serializer};

use super::error::CompareError;
use super::targets::{Measure, TargetRef};
use crate::bundle::{Bundle, MetricKind, Region, Theme};

/// What a table across regions is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// One canonical indicator (an id of `src/metrics/indicators.tsv`).
    Indicator(String),
    /// Every targets and baselines of one theme.
    Theme(Theme),
}

impl Serialize for Subject {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(1))?;
        match self {
            Subject::Indicator(id) => map.serialize_entry("indicator", id)?,
            Subject::Theme(t) => map.serialize_entry("theme", t.id())?,
        }
        map.end()
    }
}

/// Every region's statements, prepared once.
#[derive(Clone, Debug)]
pub struct Statements {
    regions: Vec<Region>,
    /// Regions with at least one document.
    with_documents: Vec<String>,
    /// Every metric of the bundle with its region, in bundle order.
    statements: Vec<(String, TargetRef)>,
}

/// One canonical indicator across all regions: regions × years.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorTable {
    /// What the table is about.
    pub subject: Subject,
    /// The columns: years in order, then `None` for statements without a year.
    pub years: Vec<Option<i32>>,
    /// One row per region and measure (and, under a theme, canonical indicator), in the
    /// bundle's region order.
    pub rows: Vec<IndicatorRow>,
    /// Regions with documents that state nothing about the subject.
    pub without: Vec<String>,
}

/// A region's statements about one indicator in one measure, by year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorRow {
    /// Region id.
    pub region: String,
    /// Region name in Chinese.
    pub zh: String,
    /// Region name in English.
    pub en: String,
    /// The canonical indicator.
    pub indicator_id: Option<String>,
    /// The region's own wording (of its first statement in the row).
    pub indicator: String,
    /// The unit key (`usd`, `个`) that every value of the row is in.
    pub unit: String,
    /// The unit every value of the row is per, if any.
    pub per: Option<String>,
    /// The total every value of the row is part of, if any.
    pub part_of: Option<String>,
    /// For each of the table's `years`, the statements of that year (targets and
    /// baselines, in reading order; usually none or one).
    pub cells: Vec<Vec<TargetRef>>,
}

impl IndicatorRow {
    /// The row's measure: what its values are compared in.
    pub fn measure(&self) -> Option<Measure> {
        self.cells.iter().flatten().next().map(TargetRef::measure)
    }
}

/// Rows of a table across regions (as shown: sorted, say) as CSV in the one shape
/// ([`crate::metrics::csv`]): a line per statement, `row` the table row it stands in
/// (from 1), `side` empty; regions named in English when `english`. What the widget's
/// *Download CSV* of this table writes.
pub fn rows_to_csv<'a>(
    bundle: &Bundle,
    rows: impl IntoIterator<Item = &'a IndicatorRow>,
    english: bool,
) -> String {
    let mut records = Vec::new();
    for (i, row) in rows.into_iter().enumerate() {
        let name = if english { &row.en } else { &row.zh };
        for t in row.cells.iter().flatten() {
            let doc = bundle.documents.iter().find(|d| d.id == t.document);
            records.push(t.record_of(
                i + 1,
                "",
                (&row.region, name),
                doc.map_or(("", ""), |d| (d.title.as_str(), d.published.as_str())),
            ));
        }
    }
    crate::metrics::csv::records_to_csv(&records)
}

/// How many statements of each kind a region makes: what to say where it sets no targets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MetricCounts {
    /// Region id.
    pub region: String,
    /// Goals.
    pub targets: usize,
    /// Statements of the present or past.
    pub baselines: usize,
    /// Other numbers (tallies of the plan's own items, rules, parameters).
    pub other: usize,
    /// The same by theme, for the themes with any (theme order).
    pub by_theme: Vec<ThemeCounts>,
}

/// A region's statements of one theme, by kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ThemeCounts {
    /// The theme.
    pub theme: Theme,
    /// Goals.
    pub targets: usize,
    /// Statements of the present or past.
    pub baselines: usize,
    /// Other numbers.
    pub other: usize,
}

/// A canonical indicator and how much of the bundle speaks of it: for a picker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IndicatorUse {
    /// Its id.
    pub id: String,
    /// How many regions state it.
    pub regions: usize,
    /// How many statements.
    pub statements: usize,
}

impl Statements {
    /// Prepares a bundle's statements.
    pub fn new(bundle: &Bundle) -> Statements {
        let mut with_documents: Vec<String> = Vec::new();
        for r in &bundle.regions {
            if bundle.documents.iter().any(|d| d.region == r.id) {
                with_documents.push(r.id.clone());
            }
        }
        Statements {
            regions: bundle.regions.clone(),
            with_documents,
            statements: bundle
                .documents
                .iter()
                .flat_map(|d| {
                    d.metrics
                        .iter()
                        .map(move |m| (d.region.clone(), TargetRef::new(&d.id, m)))
                })
                .collect(),
        }
    }

    /// Every statement of `region` (all regions when `None`), in bundle order.
    pub fn statements<'a>(
        &'a self,
        region: Option<&'a str>,
    ) -> impl Iterator<Item = (&'a str, &'a TargetRef)> + 'a {
        self.statements
            .iter()
            .filter(move |(r, _)| region.is_none_or(|x| x == r))
            .map(|(r, t)| (r.as_str(), t))
    }

    /// The canonical indicators the bundle's targets and baselines use, with how many
    /// regions and statements: most regions first, then by id.
    pub fn indicators(&self) -> Vec<IndicatorUse> {
        let mut out: Vec<(IndicatorUse, Vec<&str>)> = Vec::new();
        for (region, t) in &self.statements {
            let Some(id) = t.indicator_id.as_deref() else {
                continue;
            };
            let i = match out.iter().position(|(u, _)| u.id == id) {
                Some(i) => i,
                None => {
                    out.push((
                        IndicatorUse {
                            id: id.to_owned(),
                            regions: 0,
                            statements: 0,
                        },
                        Vec::new(),
                    ));
                    out.len() - 1
                }
            };
            let (usage, regions) = &mut out[i];
            usage.statements += 1;
            if !regions.contains(&region.as_str()) {
                regions.push(region);
                usage.regions += 1;
            }
        }
        let uses: Vec<IndicatorUse> = out.into_iter().map(|(u, _)| u).collect();
        // The widget's small sort sorts copies: sort the places, then take them.
        let mut order: Vec<usize> = (0..uses.len()).collect();
        crate::sort::sort_by(&mut order, |&a, &b| {
            let (a, b) = (&uses[a], &uses[b]);
            b.regions.cmp(&a.regions).then(a.id.cmp(&b.id))
        });
        order.into_iter().map(|i| uses[i].clone()).collect()
    }

    /// The table of `subject` across all regions: its targets and baselines.
    pub fn table(&self, subject: &Subject) -> Result<IndicatorTable, CompareError> {
        if let Subject::Indicator(id) = subject
            && !self
                .statements
                .iter()
                .any(|(_, t)| t.indicator_id.as_deref() == Some(id))
        {
            return Err(CompareError::UnknownIndicator {
                id: id.clone(),
                valid: self.indicators().into_iter().map(|u| u.id).collect(),
            });
        }
        let chosen: Vec<(&str, &TargetRef)> = self
            .statements
            .iter()
            .filter(|(_, t)| t.kind != MetricKind::Other)
            .filter(|(_, t)| match subject {
                Subject::Indicator(id) => t.indicator_id.as_deref() == Some(id),
                Subject::Theme(theme) => t.theme == Some(*theme),
            })
            .map(|(r, t)| (r.as_str(), t))
            .collect();
        let mut years: Vec<Option<i32>> = Vec::new();
        for (_, t) in &chosen {
            if !years.contains(&t.year) {
                years.push(t.year);
            }
        }
        // Years in order, no year last.
        crate::sort::sort_by(&mut years[..], |a: &Option<i32>, b: &Option<i32>| {
            match (a, b) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
        });
        let mut rows: Vec<IndicatorRow> = Vec::new();
        for region in &self.regions {
            // Rows of this region, in the order their first statement comes.
            let start = rows.len();
            for (_, t) in chosen.iter().filter(|(r, _)| *r == region.id) {
                let measure = t.measure();
                let same = |row: &IndicatorRow| {
                    row.indicator_id == t.indicator_id && row.measure().as_ref() == Some(&measure)
                };
                let at = match rows[start..].iter().position(same) {
                    Some(i) => start + i,
                    None => {
                        rows.push(IndicatorRow {
                            region: region.id.clone(),
                            zh: region.zh.clone(),
                            en: region.en.clone(),
                            indicator_id: t.indicator_id.clone(),
                            indicator: t.indicator.clone(),
                            unit: measure.unit.name(),
                            per: measure.per.clone(),
                            part_of: measure.part_of.clone(),
                            cells: vec![Vec::new(); years.len()],
                        });
                        rows.len() - 1
                    }
                };
                if let Some(col) = years.iter().position(|y| *y == t.year) {
                    rows[at].cells[col].push((*t).clone());
                }
            }
        }
        let without = self
            .with_documents
            .iter()
            .filter(|r| !rows.iter().any(|row| &row.region == *r))
            .cloned()
            .collect();
        Ok(IndicatorTable {
            subject: subject.clone(),
            years,
            rows,
            without,
        })
    }

    /// How many targets, baselines and other numbers `region` states, in all and by theme.
    pub fn counts(&self, region: &str) -> Result<MetricCounts, CompareError> {
        if !self.regions.iter().any(|r| r.id == region) {
            return Err(CompareError::UnknownRegion {
                id: region.to_owned(),
                valid: self.regions.iter().map(|r| r.id.clone()).collect(),
            });
        }
        let mut counts = MetricCounts {
            region: region.to_owned(),
            ..MetricCounts::default()
        };
        fn add(kind: MetricKind, t: &mut usize, b: &mut usize, o: &mut usize) {
            match kind {
                MetricKind::Target => *t += 1,
                MetricKind::Baseline => *b += 1,
                MetricKind::Other => *o += 1,
            }
        }
        for (_, t) in self.statements(Some(region)) {
            add(
                t.kind,
                &mut counts.targets,
                &mut counts.baselines,
                &mut counts.other,
            );
        }
        for theme in Theme::ALL {
            let mut c = ThemeCounts {
                theme,
                targets: 0,
                baselines: 0,
                other: 0,
            };
            for (_, t) in self
                .statements(Some(region))
                .filter(|(_, t)| t.theme == Some(theme))
            {
                add(t.kind, &mut c.targets, &mut c.baselines, &mut c.other);
            }
            if c.targets + c.baselines + c.other > 0 {
                counts.by_theme.push(c);
            }
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORPUS: &str = "江西省参与“一带一路”建设实施方案 \n\n发布时间：2016-10-9 \n\n来源：江西省发改委网站 \n\n\
        一、目标 \n\n到2020年，招收沿线国家留学生增加到2800人。 \n\n\
        河北省推进共建“一带一路”教育行动计划 \n\n发布时间：2016-10-19 \n\n来源：河北省教育厅 \n\n\
        一、目标 \n\n力争到2020年，沿线国家在冀国际学生规模达到5000人。 \n";

    #[test]
    fn a_table_as_csv_is_a_line_per_statement_in_the_one_shape() {
        let bundle = crate::build_bundle(CORPUS, "data/example.txt").unwrap();
        let table = Statements::new(&bundle)
            .table(&Subject::Indicator("international_students".into()))
            .unwrap();
        // In the order shown (here the table's reversed), numbered as shown.
        let csv = rows_to_csv(&bundle, table.rows.iter().rev(), true);
        assert!(csv.starts_with(crate::metrics::csv::BOM));
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines[0][3..], crate::metrics::csv::HEADER.join(","));
        assert_eq!(lines.len(), 3, "{csv}");
        assert!(lines[1].starts_with("1,,jiangxi,Jiangxi,"), "{}", lines[1]);
        assert!(lines[1].contains(",international_students,"));
        assert!(lines[1].contains(",2800,"), "{}", lines[1]);
        assert!(lines[1].contains("2016-10-09"), "{}", lines[1]);
        assert!(lines[2].starts_with("2,,hebei,Hebei,"), "{}", lines[2]);
        assert!(lines[2].contains(",5000,"), "{}", lines[2]);
    }
}
