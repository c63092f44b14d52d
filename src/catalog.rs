//! What a bundle holds, listed for people and for programs: its regions, themes and
//! documents, and its quantitative statements as rows; and ids looked up as people type
//! them (`Henan`, `HENAN`, `河南` are all `henan`).
//!
//! The command line's listing commands (`regions`, `themes`, `documents`) and the
//! JavaScript API (`pc.regions()`, …) both answer from here, so the two doors give the same
//! data: the JSON of one deep-equals the objects of the other.
//!
//! ```
//! # let corpus = "江西省参与“一带一路”建设实施方案 \n\n发布时间：2016-10-9 \n\n来源：江西省发改委网站 \n\n\
//! #   一、畅通陆上通道 \n\n到2020年开行班列300列。 \n";
//! # let bundle = policy_compare::build_bundle(corpus, "data/example.txt").unwrap();
//! use policy_compare::catalog;
//! assert_eq!(catalog::region(&bundle, "Jiangxi").unwrap().id, "jiangxi");
//! assert_eq!(catalog::region(&bundle, "江西").unwrap().id, "jiangxi");
//! let err = catalog::region(&bundle, "atlantis").unwrap_err().to_string();
//! assert!(err.starts_with("unknown region \"atlantis\"; valid regions: national, "));
//!
//! let docs = catalog::documents(&bundle, Some("jiangxi")).unwrap();
//! assert_eq!((docs[0].id.as_str(), docs[0].published.as_str()), ("jiangxi-2016-10-09", "2016-10-09"));
//! ```

use serde::Serialize;

use crate::bundle::{Bundle, Metric, MetricKind, Region, RegionKind, Theme, ThemeInfo};
use crate::compare::CompareError;

/// A region, with how much of it the bundle holds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegionEntry {
    /// The id (`henan`).
    pub id: String,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
    /// Province, city or national.
    pub kind: RegionKind,
    /// The province a city belongs to.
    pub parent: Option<String>,
    /// How many of its documents the bundle has.
    pub documents: usize,
    /// How many quantitative targets they set.
    pub targets: usize,
}

/// A document without its text: what it is and how much it holds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentEntry {
    /// The id (`henan-2016-10-09`).
    pub id: String,
    /// Its region's id.
    pub region: String,
    /// The title as printed.
    pub title: String,
    /// ISO date of publication.
    pub published: String,
    /// Where the compilation took it from.
    pub source: String,
    /// The issuing number, if it has one.
    pub doc_number: Option<String>,
    /// Paragraphs of text (preamble included).
    pub paragraphs: usize,
    /// Quantitative statements read from them.
    pub metrics: usize,
}

/// A quantitative statement with the region and document it comes from: one row of a
/// table that needs nothing else to be read or traced.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MetricRow<'a> {
    /// The region's id.
    pub region: &'a str,
    /// The document's id.
    pub document: &'a str,
    /// The document's title.
    pub title: &'a str,
    /// The document's date of publication.
    pub published: &'a str,
    /// The statement, as the bundle has it.
    #[serde(flatten)]
    pub metric: &'a Metric,
}

/// Every region of the bundle, in bundle order.
pub fn regions(bundle: &Bundle) -> Vec<RegionEntry> {
    bundle
        .regions
        .iter()
        .map(|r| {
            let docs = || bundle.documents.iter().filter(|d| d.region == r.id);
            RegionEntry {
                id: r.id.clone(),
                zh: r.zh.clone(),
                en: r.en.clone(),
                kind: r.kind,
                parent: r.parent.clone(),
                documents: docs().count(),
                targets: docs()
                    .flat_map(|d| &d.metrics)
                    .filter(|m| m.kind == MetricKind::Target)
                    .count(),
            }
        })
        .collect()
}

/// The themes, with their names, in the bundle's order.
pub fn themes(bundle: &Bundle) -> &[ThemeInfo] {
    &bundle.themes
}

/// The documents of `region` (an id as typed, see [`region`]), or of every region.
pub fn documents(
    bundle: &Bundle,
    region: Option<&str>,
) -> Result<Vec<DocumentEntry>, CompareError> {
    let wanted = region.map(|r| self::region(bundle, r)).transpose()?;
    Ok(bundle
        .documents
        .iter()
        .filter(|d| wanted.is_none_or(|r| d.region == r.id))
        .map(|d| DocumentEntry {
            id: d.id.clone(),
            region: d.region.clone(),
            title: d.title.clone(),
            published: d.published.clone(),
            source: d.source.clone(),
            doc_number: d.doc_number.clone(),
            paragraphs: d.all_paragraphs().len(),
            metrics: d.metrics.len(),
        })
        .collect())
}

/// The quantitative statements of `region` (an id as typed), or of every region, in
/// bundle order; only those of `kind` if given.
pub fn metrics<'a>(
    bundle: &'a Bundle,
    region: Option<&str>,
    kind: Option<MetricKind>,
) -> Result<Vec<MetricRow<'a>>, CompareError> {
    let wanted = region.map(|r| self::region(bundle, r)).transpose()?;
    Ok(bundle
        .documents
        .iter()
        .filter(|d| wanted.is_none_or(|r| d.region == r.id))
        .flat_map(|d| {
            d.metrics.iter().map(move |metric| MetricRow {
                region: &d.region,
                document: &d.id,
                title: &d.title,
                published: &d.published,
                metric,
            })
        })
        .filter(|row| kind.is_none_or(|k| row.metric.kind == k))
        .collect())
}

/// The region `typed` names: its id, English or Chinese name, in any case.
pub fn region<'a>(bundle: &'a Bundle, typed: &str) -> Result<&'a Region, CompareError> {
    let typed = typed.trim();
    bundle
        .regions
        .iter()
        .find(|r| {
            r.id.eq_ignore_ascii_case(typed) || r.en.eq_ignore_ascii_case(typed) || r.zh == typed
        })
        .ok_or_else(|| CompareError::UnknownRegion {
            id: typed.to_owned(),
            valid: bundle.regions.iter().map(|r| r.id.clone()).collect(),
        })
}

/// The theme `typed` names (its id, English or Chinese name, in any case), or `None` for
/// `all`.
pub fn theme(typed: &str) -> Result<Option<Theme>, CompareError> {
    let typed = typed.trim();
    if typed.eq_ignore_ascii_case("all") {
        return Ok(None);
    }
    Theme::ALL
        .into_iter()
        .find(|t| {
            t.id().eq_ignore_ascii_case(typed)
                || t.en().eq_ignore_ascii_case(typed)
                || t.zh() == typed
        })
        .map(Some)
        .ok_or_else(|| CompareError::UnknownTheme {
            id: typed.to_owned(),
            valid: std::iter::once("all")
                .chain(Theme::ALL.iter().map(|t| t.id()))
                .map(str::to_owned)
                .collect(),
        })
}

/// A theme as the comparison engine takes it: its id, or `all`.
pub fn theme_id(theme: Option<Theme>) -> &'static str {
    theme.map_or("all", Theme::id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> Bundle {
        let corpus = "江西省参与“一带一路”建设实施方案 \n\n发布时间：2016-10-9 \n\n来源：江西省发改委网站 \n\n\
                      一、畅通陆上通道 \n\n到2020年开行班列300列。 \n\n\
                      甘肃省参与“一带一路”建设实施方案 \n\n发布时间：2015-12-09 \n\n来源：甘肃省发改委 \n\n\
                      一、畅通陆上通道 \n\n到2020年开行班列500列。 \n";
        crate::build_bundle(corpus, "data/example.txt").unwrap()
    }

    #[test]
    fn ids_are_found_however_they_are_typed() {
        let b = bundle();
        for typed in ["gansu", "Gansu", "GANSU", " gansu ", "甘肃"] {
            assert_eq!(region(&b, typed).unwrap().id, "gansu", "{typed}");
        }
        assert_eq!(theme("Finance").unwrap(), Some(Theme::Finance));
        assert_eq!(theme("ALL").unwrap(), None);
        assert_eq!(theme(Theme::Trade.zh()).unwrap(), Some(Theme::Trade));
        let err = theme("money").unwrap_err().to_string();
        assert!(
            err.starts_with("unknown theme \"money\"; valid themes: all, connectivity, "),
            "{err}"
        );
    }

    #[test]
    fn listings_count_what_the_bundle_holds() {
        let b = bundle();
        let regions = regions(&b);
        let gansu = regions.iter().find(|r| r.id == "gansu").unwrap();
        assert_eq!((gansu.documents, gansu.targets), (1, 1));
        let national = regions.iter().find(|r| r.id == "national").unwrap();
        assert_eq!((national.documents, national.targets), (0, 0));
        assert_eq!(documents(&b, None).unwrap().len(), 2);
        let docs = documents(&b, Some("Gansu")).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!((docs[0].paragraphs, docs[0].metrics), (1, 1));
        assert!(documents(&b, Some("atlantis")).is_err());
    }

    #[test]
    fn metric_rows_carry_their_provenance() {
        let b = bundle();
        let all = metrics(&b, None, None).unwrap();
        assert_eq!(all.len(), 2);
        let rows = metrics(&b, Some("JIANGXI"), Some(MetricKind::Target)).unwrap();
        assert_eq!(rows.len(), 1);
        let json = serde_json::to_value(&rows[0]).unwrap();
        assert_eq!(json["region"], "jiangxi");
        assert_eq!(json["document"], "jiangxi-2016-10-09");
        assert_eq!(json["published"], "2016-10-09");
        assert_eq!(json["value"], 300.0);
        assert_eq!(json["quote"], rows[0].metric.quote);
        assert!(
            metrics(&b, None, Some(MetricKind::Baseline))
                .unwrap()
                .is_empty()
        );
    }
}
