//! A search as the command line gives it: grouped by region, each passage with its
//! document, section path and where the terms are, as text, CSV or JSON.

use serde::Serialize;

use super::{Index, Query, groups, ranges};
use crate::bundle::{Bundle, Theme};
use crate::compare::CompareError;
use crate::compare::passages::{self, Passage};

/// What a search found, by region.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The query as typed.
    pub query: String,
    /// Its terms, normalised: what was looked for.
    pub terms: Vec<String>,
    /// How many passages were found.
    pub total: usize,
    /// The regions with passages found, most first.
    pub regions: Vec<RegionHits>,
}

/// One region's passages found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegionHits {
    /// Region id.
    pub region: String,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
    /// How many passages.
    pub count: usize,
    /// The passages, best first.
    pub hits: Vec<Hit>,
}

/// A passage found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    /// Document id.
    pub document: String,
    /// Document title.
    pub title: String,
    /// Paragraph id.
    pub paragraph: String,
    /// The headings above it, outermost first.
    pub path: Vec<String>,
    /// Its themes, strongest first.
    pub themes: Vec<Theme>,
    /// How well it answers the query (higher is better; only the order means anything).
    pub score: f32,
    /// The text.
    pub text: String,
    /// Where the terms are in `text`: `[start, end)` in characters (Unicode scalar
    /// values), in order.
    pub ranges: Vec<[usize; 2]>,
}

impl Report {
    /// Searches `bundle` for `query`, in `region` and under `theme` if given (ids, checked
    /// against the bundle).
    pub fn new(
        bundle: &Bundle,
        query: &str,
        region: Option<&str>,
        theme: Option<&str>,
    ) -> Result<Report, CompareError> {
        if let Some(id) = region
            && !bundle.regions.iter().any(|r| r.id == id)
        {
            return Err(CompareError::UnknownRegion {
                id: id.to_owned(),
                valid: bundle.regions.iter().map(|r| r.id.clone()).collect(),
            });
        }
        let theme = match theme {
            None | Some("all") => None,
            Some(id) => Some(Theme::from_id(id).ok_or_else(|| {
                CompareError::UnknownTheme {
                    id: id.to_owned(),
                    valid: std::iter::once("all")
                        .chain(Theme::ALL.iter().map(|t| t.id()))
                        .map(str::to_owned)
                        .collect(),
                }
            })?),
        };
        let all = passages::all(bundle);
        let parsed = Query::parse(query);
        let found = Index::new(&all).search(&all, &parsed);
        let keep = |p: &Passage| {
            region.is_none_or(|r| *p.region == *r) && theme.is_none_or(|t| p.themes.contains(&t))
        };
        let title = |id: &str| {
            bundle
                .documents
                .iter()
                .find(|d| d.id == id)
                .map_or_else(String::new, |d| d.title.clone())
        };
        let regions: Vec<RegionHits> = groups(&found, &all, &bundle.regions, &keep)
            .into_iter()
            .map(|g| RegionHits {
                region: g.region.id.clone(),
                zh: g.region.zh.clone(),
                en: g.region.en.clone(),
                count: g.found.len(),
                hits: g
                    .found
                    .iter()
                    .map(|f| {
                        let p = &all[f.passage];
                        let chars = |byte: usize| p.text[..byte].chars().count();
                        Hit {
                            document: p.document.to_string(),
                            title: title(&p.document),
                            paragraph: p.paragraph.clone(),
                            path: p.path.to_vec(),
                            themes: p.themes.clone(),
                            score: (f.score * 1000.0).round() / 1000.0,
                            text: p.text.to_string(),
                            ranges: ranges(&p.text, &parsed)
                                .into_iter()
                                .map(|(s, e)| [chars(s), chars(e)])
                                .collect(),
                        }
                    })
                    .collect(),
            })
            .collect();
        Ok(Report {
            query: query.to_owned(),
            terms: parsed.terms,
            total: regions.iter().map(|r| r.count).sum(),
            regions,
        })
    }

    /// For reading in a terminal: each region with its count, then its passages, each
    /// under where it comes from, the terms in `[brackets]`.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for r in &self.regions {
            out.push_str(&format!("{} {} ({}): {}\n", r.zh, r.en, r.region, r.count));
            for h in &r.hits {
                let mut place = vec![h.title.as_str()];
                place.extend(h.path.iter().map(String::as_str));
                out.push_str(&format!("  {}\n    {}\n", place.join(" › "), marked(h)));
            }
            out.push('\n');
        }
        out
    }

    /// One line per passage found, for spreadsheets.
    pub fn to_csv(&self) -> String {
        let header = [
            "region",
            "document",
            "title",
            "paragraph",
            "path",
            "themes",
            "score",
            "hits",
            "text",
        ];
        let rows: Vec<Vec<String>> = self
            .regions
            .iter()
            .flat_map(|r| {
                r.hits.iter().map(|h| {
                    vec![
                        r.region.clone(),
                        h.document.clone(),
                        h.title.clone(),
                        h.paragraph.clone(),
                        h.path.join(" › "),
                        h.themes
                            .iter()
                            .map(|t| t.id())
                            .collect::<Vec<_>>()
                            .join(" "),
                        h.score.to_string(),
                        h.ranges.len().to_string(),
                        h.text.clone(),
                    ]
                })
            })
            .collect();
        crate::metrics::csv::to_csv(&header, &rows)
    }
}

/// The text with its hits in brackets.
fn marked(h: &Hit) -> String {
    let mut out = String::new();
    let mut open = h.ranges.iter().peekable();
    let mut end = None;
    for (i, c) in h.text.chars().enumerate() {
        if end == Some(i) {
            out.push(']');
            end = None;
        }
        if let Some(r) = open.next_if(|r| r[0] == i) {
            out.push('[');
            end = Some(r[1]);
        }
        out.push(c);
    }
    if end.is_some() {
        out.push(']');
    }
    out
}
