//! The listing commands, `regions`, `themes` and `documents`: what the bundle holds, as a
//! table for the terminal, CSV for a spreadsheet, or JSON (the same objects as the
//! JavaScript API's `pc.regions()`, `pc.themes()` and `pc.documents(region)`, since both
//! come from [`policy_compare::catalog`]).

use std::path::Path;

use policy_compare::catalog;
use policy_compare::metrics::csv::{to_csv, to_table};

use super::{TableFormat, print, read_bundle, to_json};

/// Prints rows in `format`: `json` is `value` serialised, `table` and `csv` are `header`
/// and `cells`.
fn output<T: serde::Serialize + ?Sized>(
    format: TableFormat,
    value: &T,
    header: &[&str],
    cells: impl FnOnce() -> Vec<Vec<String>>,
) -> Result<(), String> {
    let text = match format {
        TableFormat::Json => to_json(value)? + "\n",
        TableFormat::Csv => to_csv(header, &cells()),
        TableFormat::Table => to_table(header, &cells()),
    };
    print(&text)
}

pub fn regions(bundle: Option<&Path>, format: TableFormat) -> Result<String, String> {
    let bundle = read_bundle(bundle)?;
    let regions = catalog::regions(&bundle);
    let header = ["id", "zh", "en", "kind", "parent", "documents", "targets"];
    output(format, &regions, &header, || {
        regions
            .iter()
            .map(|r| {
                vec![
                    r.id.clone(),
                    r.zh.clone(),
                    r.en.clone(),
                    word(&r.kind),
                    r.parent.clone().unwrap_or_default(),
                    r.documents.to_string(),
                    r.targets.to_string(),
                ]
            })
            .collect()
    })?;
    Ok(format!("{} regions", regions.len()))
}

pub fn themes(bundle: Option<&Path>, format: TableFormat) -> Result<String, String> {
    let bundle = read_bundle(bundle)?;
    let themes = catalog::themes(&bundle);
    output(format, themes, &["id", "zh", "en"], || {
        themes
            .iter()
            .map(|t| vec![t.id.id().to_owned(), t.zh.clone(), t.en.clone()])
            .collect()
    })?;
    Ok(format!(
        "{} themes (compare --theme takes an id, or all)",
        themes.len()
    ))
}

pub fn documents(
    bundle: Option<&Path>,
    region: Option<&str>,
    format: TableFormat,
) -> Result<String, String> {
    let bundle = read_bundle(bundle)?;
    let docs = catalog::documents(&bundle, region).map_err(|e| format!("--region: {e}"))?;
    let header = [
        "id",
        "region",
        "published",
        "paragraphs",
        "metrics",
        "doc_number",
        "source",
        "title",
    ];
    output(format, &docs, &header, || {
        docs.iter()
            .map(|d| {
                vec![
                    d.id.clone(),
                    d.region.clone(),
                    d.published.clone(),
                    d.paragraphs.to_string(),
                    d.metrics.to_string(),
                    d.doc_number.clone().unwrap_or_default(),
                    d.source.clone(),
                    d.title.clone(),
                ]
            })
            .collect()
    })?;
    Ok(format!("{} documents", docs.len()))
}

/// A closed set's serialised word (`province`).
fn word<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
