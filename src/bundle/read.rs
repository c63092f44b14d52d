//! Reading a bundle: format and version first (so that a bundle from the future says so
//! instead of failing on some field), then the shape with the path of the first bad field,
//! then the cross-references and ranges serde cannot check.

use super::error::{BundleError, BundleErrorKind};
use super::json::{self, Found};
use super::metric::Metric;
use super::types::{Bundle, Document, FORMAT, Section, VERSION};
use crate::date::Date;

/// The largest number a bundle may state (in absolute value), in its own unit or a
/// canonical one: far past any plan's figure (a plan's largest, in yuan, is near 10¹³),
/// and small enough to be shown with its cents.
pub const MAX_VALUE: f64 = 1e15;
/// The years a statement may be for.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;
/// The longest id, in bytes: ids go into links, keys and the page's attributes.
pub const MAX_ID: usize = 200;
/// The longest name of a region or theme, in characters: a name is drawn in every picker,
/// heading and row, and a megabyte where a word belongs blocked the page on every switch.
pub const MAX_NAME: usize = 200;

impl Bundle {
    /// [`Bundle::from_json`] for bytes as they came (a file, a server's answer): text
    /// that is not UTF-8 is an error, not characters replaced.
    pub fn from_bytes(bytes: &[u8]) -> Result<Bundle, BundleError> {
        match std::str::from_utf8(bytes) {
            Ok(json) => Self::from_json(json),
            Err(e) => Err(BundleError::at(
                "",
                BundleErrorKind::NotUtf8 {
                    at: e.valid_up_to(),
                },
            )),
        }
    }

    /// Parses and validates a bundle from its JSON text (a UTF-8 byte order mark before
    /// it is allowed, as editors on some systems write one).
    ///
    /// ```
    /// use policy_compare::Bundle;
    /// let err = Bundle::from_json(r#"{"format": "policy-compare-bundle", "version": 2}"#)
    ///     .unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "version: bundle version 2 is not supported; this reader understands version 1"
    /// );
    /// ```
    pub fn from_json(json: &str) -> Result<Bundle, BundleError> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        if !json.trim_start().starts_with('{') {
            return Err(BundleError::at("", BundleErrorKind::NotAnObject));
        }
        // The usual case in one pass; the header is read on its own only to explain a
        // failure, or a bundle whose fields happen to parse but whose version is not ours.
        let full = match json::from_str::<Bundle>(json) {
            Ok(bundle) if bundle.format == FORMAT && bundle.version == VERSION => {
                bundle.validate()?;
                return Ok(bundle);
            }
            other => other,
        };
        let [format, version] =
            json::fields(json, ["format", "version"]).map_err(|e| located(json, e))?;
        match format {
            Some(Found::Text(f)) if f == FORMAT => {}
            Some(other) => {
                let found = match other {
                    Found::Text(s) => super::error::shorten(&s).into_owned(),
                    Found::Count(n) => n.to_string(),
                    Found::Other(what) => what.to_owned(),
                };
                return Err(BundleError::at(
                    "format",
                    BundleErrorKind::WrongFormat { found: Some(found) },
                ));
            }
            None => {
                return Err(BundleError::at(
                    "format",
                    BundleErrorKind::WrongFormat { found: None },
                ));
            }
        }
        let version = match version {
            Some(Found::Count(n)) => Some(n),
            _ => None,
        };
        if version != Some(u64::from(VERSION)) {
            return Err(BundleError::at(
                "version",
                BundleErrorKind::UnsupportedVersion { found: version },
            ));
        }
        let bundle = full.map_err(|e| located(json, e))?;
        bundle.validate()?;
        Ok(bundle)
    }

    /// Checks what the types alone cannot: unique ids, references that resolve, dates,
    /// levels that fit their nesting, quotes inside their paragraphs.
    pub fn validate(&self) -> Result<(), BundleError> {
        if self.themes.is_empty() {
            return Err(BundleError::at("themes", BundleErrorKind::NoThemes));
        }
        let long = |name: &str| name.chars().nth(MAX_NAME).is_some();
        for (i, r) in self.regions.iter().enumerate() {
            if long(&r.zh) || long(&r.en) {
                let field = if long(&r.zh) { "zh" } else { "en" };
                return Err(BundleError::at(
                    format!("regions[{i}].{field}"),
                    BundleErrorKind::LongName,
                ));
            }
        }
        for (i, t) in self.themes.iter().enumerate() {
            if long(&t.zh) || long(&t.en) {
                let field = if long(&t.zh) { "zh" } else { "en" };
                return Err(BundleError::at(
                    format!("themes[{i}].{field}"),
                    BundleErrorKind::LongName,
                ));
            }
        }
        let mut regions = Ids::default();
        for region in &self.regions {
            regions.push(&region.id, None);
        }
        let regions = regions
            .seal()
            .map_err(|r| r.at(format!("regions[{}].id", r.order)))?;
        let mut parents: Vec<Option<usize>> = Vec::with_capacity(self.regions.len());
        for (i, region) in self.regions.iter().enumerate() {
            let parent = match &region.parent {
                None => None,
                Some(parent) => Some(regions.order(parent).ok_or_else(|| {
                    BundleError::at(
                        format!("regions[{i}].parent"),
                        BundleErrorKind::UnknownRegion { id: parent.clone() },
                    )
                })?),
            };
            parents.push(parent);
        }
        if let Some(i) = first_in_cycle(&parents) {
            return Err(BundleError::at(
                format!("regions[{i}].parent"),
                BundleErrorKind::ParentCycle {
                    id: self.regions[i].id.clone(),
                },
            ));
        }
        for (i, group) in self.lexicon.iter().enumerate() {
            if !(group.idf.is_finite() && group.idf >= 0.0) {
                return Err(BundleError::at(
                    format!("lexicon[{i}].idf"),
                    BundleErrorKind::BadWeight,
                ));
            }
        }
        for (i, topic) in self.topics.iter().enumerate() {
            if !(topic.idf.is_finite() && topic.idf >= 0.0) {
                return Err(BundleError::at(
                    format!("topics[{i}].idf"),
                    BundleErrorKind::BadWeight,
                ));
            }
        }
        let mut documents = Ids::default();
        for doc in &self.documents {
            documents.push(&doc.id, None);
        }
        documents
            .seal()
            .map_err(|r| r.at(format!("documents[{}].id", r.order)))?;
        for (i, doc) in self.documents.iter().enumerate() {
            let at = |field: &str| format!("documents[{i}].{field}");
            if !regions.contains(doc.region.as_str()) {
                return Err(BundleError::at(
                    at("region"),
                    BundleErrorKind::UnknownRegion {
                        id: doc.region.clone(),
                    },
                ));
            }
            if Date::parse_iso(&doc.published).is_none() {
                return Err(BundleError::at(
                    at("published"),
                    BundleErrorKind::BadDate {
                        value: doc.published.clone(),
                    },
                ));
            }
            validate_document(doc, &at(""))?;
        }
        Ok(())
    }
}

/// The first region (in bundle order) on a cycle of parents, if any: each region is
/// visited once, so this is linear in the number of regions.
fn first_in_cycle(parents: &[Option<usize>]) -> Option<usize> {
    // 0: not seen; walk number + 1: on the walk that started there; done: usize::MAX.
    const DONE: usize = usize::MAX;
    let mut state = vec![0usize; parents.len()];
    let mut on_cycle: Option<usize> = None;
    for start in 0..parents.len() {
        let mut here = Some(start);
        while let Some(i) = here {
            match state[i] {
                0 => {
                    state[i] = start + 1;
                    here = parents[i];
                }
                s if s == start + 1 => {
                    on_cycle = Some(on_cycle.map_or(i, |c| c.min(i)));
                    break;
                }
                _ => break,
            }
        }
        let mut here = Some(start);
        while let Some(i) = here {
            if state[i] != start + 1 {
                break;
            }
            state[i] = DONE;
            here = parents[i];
        }
    }
    // The cycle's first member in bundle order, for a stable message.
    on_cycle.map(|found| {
        let mut members = vec![found];
        let mut i = found;
        while let Some(p) = parents[i] {
            if p == found {
                break;
            }
            members.push(p);
            i = p;
        }
        members.into_iter().min().unwrap_or(found)
    })
}

/// Whether the reader takes this metric's numbers (see [`validate_metric`]): the builder
/// keeps only these, so that what it writes is always read back.
pub fn metric_is_plausible(metric: &Metric) -> bool {
    validate_metric(metric, "").is_ok()
}

/// Checks a metric's numbers: finite, within [`MAX_VALUE`], ranges the right way round,
/// years plausible.
fn validate_metric(metric: &Metric, here: &str) -> Result<(), BundleError> {
    let bad = |field: &str, kind| Err(BundleError::at(format!("{here}.{field}"), kind));
    let ok = |v: f64| v.is_finite() && v.abs() <= MAX_VALUE;
    let check = |field: &str, value: f64, max: Option<f64>| {
        if !ok(value) {
            return bad(field, BundleErrorKind::BadNumber);
        }
        match max {
            Some(m) if !ok(m) => bad(&format!("{field}_max"), BundleErrorKind::BadNumber),
            Some(m) if m < value => bad(&format!("{field}_max"), BundleErrorKind::RangeReversed),
            _ => Ok(()),
        }
    };
    check("value", metric.value, metric.value_max)?;
    if let Some(n) = &metric.normalized {
        check("normalized.value", n.value, n.value_max)?;
    }
    if let Some(year) = metric.year
        && !YEARS.contains(&year)
    {
        return bad("year", BundleErrorKind::BadYear { year });
    }
    Ok(())
}

fn validate_document(doc: &Document, prefix: &str) -> Result<(), BundleError> {
    // Sections and paragraphs share one id space; a paragraph's value is its text.
    let mut ids = Ids::default();
    for p in &doc.preamble {
        ids.push(&p.id, Some(&p.text));
    }
    // Paths are written only for an error: `at` holds the section indices down to here.
    fn walk<'a>(
        sections: &'a [Section],
        parent_level: u8,
        at: &mut Vec<usize>,
        ids: &mut Ids<'a>,
        prefix: &str,
    ) -> Result<(), BundleError> {
        for (k, s) in sections.iter().enumerate() {
            at.push(k);
            ids.push(&s.id, None);
            if s.level <= parent_level {
                return Err(BundleError::at(
                    format!("{}.level", section_path(prefix, at)),
                    BundleErrorKind::BadLevel {
                        level: s.level,
                        parent: parent_level,
                    },
                ));
            }
            for p in &s.paragraphs {
                ids.push(&p.id, Some(&p.text));
            }
            walk(&s.sections, s.level, at, ids, prefix)?;
            at.pop();
        }
        Ok(())
    }
    walk(&doc.sections, 0, &mut Vec::new(), &mut ids, prefix)?;
    let paragraphs = ids
        .seal()
        .map_err(|r| r.at(id_path(doc, prefix, r.order)))?;

    let mut metric_ids = Ids::default();
    for metric in &doc.metrics {
        metric_ids.push(&metric.id, None);
    }
    metric_ids
        .seal()
        .map_err(|r| r.at(format!("{prefix}metrics[{}].id", r.order)))?;
    for (m, metric) in doc.metrics.iter().enumerate() {
        let here = format!("{prefix}metrics[{m}]");
        validate_metric(metric, &here)?;
        let Some(Some(text)) = paragraphs.get(metric.paragraph.as_str()) else {
            return Err(BundleError::at(
                format!("{here}.paragraph"),
                BundleErrorKind::UnknownParagraph {
                    id: metric.paragraph.clone(),
                },
            ));
        };
        if !text.contains(metric.quote.as_str()) {
            return Err(BundleError::at(
                format!("{here}.quote"),
                BundleErrorKind::QuoteNotInParagraph {
                    quote: metric.quote.clone(),
                },
            ));
        }
    }
    Ok(())
}

/// `prefix` + `sections[a].sections[b]…` for the section indices `at`.
fn section_path(prefix: &str, at: &[usize]) -> String {
    let steps: Vec<String> = at.iter().map(|k| format!("sections[{k}]")).collect();
    format!("{prefix}{}", steps.join("."))
}

/// The path of the `order`-th id of a document, counted as `validate_document` meets them
/// (preamble paragraphs, then each section followed by its paragraphs and subsections).
fn id_path(doc: &Document, prefix: &str, order: usize) -> String {
    if let Some(j) = (order < doc.preamble.len()).then_some(order) {
        return format!("{prefix}preamble[{j}].id");
    }
    fn find(
        sections: &[Section],
        at: &mut Vec<usize>,
        left: &mut usize,
        prefix: &str,
    ) -> Option<String> {
        for (k, s) in sections.iter().enumerate() {
            at.push(k);
            if *left == 0 {
                return Some(format!("{}.id", section_path(prefix, at)));
            }
            *left -= 1;
            if *left < s.paragraphs.len() {
                return Some(format!(
                    "{}.paragraphs[{left}].id",
                    section_path(prefix, at)
                ));
            }
            *left -= s.paragraphs.len();
            if let Some(path) = find(&s.sections, at, left, prefix) {
                return Some(path);
            }
            at.pop();
        }
        None
    }
    let mut left = order - doc.preamble.len();
    find(&doc.sections, &mut Vec::new(), &mut left, prefix).unwrap_or_default()
}

/// Ids as they are met, each with a value (a paragraph's text; `None` for a section),
/// checked for repeats once all are in.
///
/// Not a `HashSet`: hashing code weighs on the widget's wasm. Not a sorted list kept as
/// ids come either: inserting into one is quadratic, which a crafted bundle with a
/// hundred thousand ids would feel. Sorting once is O(n log n); the path of a repeat is
/// written only when there is one.
#[derive(Default)]
struct Ids<'a> {
    /// (id, value, order met).
    entries: Vec<(&'a str, Option<&'a str>, usize)>,
}

/// An id met again, or too long: which one, and the order (0-based) in which the place
/// at fault came.
struct Repeat {
    order: usize,
    id: String,
    long: bool,
}

impl Repeat {
    fn at(&self, path: String) -> BundleError {
        if self.long {
            return BundleError::at(path, BundleErrorKind::LongId);
        }
        BundleError::at(
            path,
            BundleErrorKind::DuplicateId {
                id: self.id.clone(),
            },
        )
    }
}

impl<'a> Ids<'a> {
    /// Adds an id, with its value if it has one.
    fn push(&mut self, id: &'a str, value: Option<&'a str>) {
        let order = self.entries.len();
        self.entries.push((id, value, order));
    }

    /// Sorted for lookup; an id met twice is a repeat at its second place (the earliest
    /// such place, as a reader going through the bundle would find it).
    fn seal(mut self) -> Result<Sealed<'a>, Repeat> {
        if let Some(&(id, _, order)) = self.entries.iter().find(|e| e.0.len() > MAX_ID) {
            return Err(Repeat {
                order,
                id: super::error::shorten(id).into_owned(),
                long: true,
            });
        }
        // Stable: equal ids stay in the order met.
        crate::sort::sort_by(&mut self.entries, |a, b| a.0.cmp(b.0));
        let repeat = self
            .entries
            .windows(2)
            .filter(|w| w[0].0 == w[1].0)
            .map(|w| (w[1].2, w[1].0))
            .min();
        match repeat {
            Some((order, id)) => Err(Repeat {
                order,
                id: id.to_owned(),
                long: false,
            }),
            None => Ok(Sealed(self.entries)),
        }
    }
}

/// Ids without repeats, sorted.
struct Sealed<'a>(Vec<(&'a str, Option<&'a str>, usize)>);

impl<'a> Sealed<'a> {
    /// The value of `id` (`Some(None)` for an id with no value), if it is there.
    fn get(&self, id: &str) -> Option<Option<&'a str>> {
        let at = self.0.binary_search_by(|e| e.0.cmp(id)).ok()?;
        self.0.get(at).map(|e| e.1)
    }

    fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// The order in which `id` was met, if it is there.
    fn order(&self, id: &str) -> Option<usize> {
        let at = self.0.binary_search_by(|e| e.0.cmp(id)).ok()?;
        self.0.get(at).map(|e| e.2)
    }
}

/// A reader's error as a bundle error with its path (and for a syntax error, its line
/// and column).
fn located(json: &str, e: json::Error) -> BundleError {
    let at = e.at.unwrap_or(0);
    let kind = match e.kind {
        json::ErrorKind::Syntax(message) => {
            let before = &json.as_bytes()[..at.min(json.len())];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            BundleErrorKind::Syntax {
                message: message.to_owned(),
                line,
                column: at - line_start + 1,
            }
        }
        json::ErrorKind::Shape(_) | json::ErrorKind::Missing(_) => BundleErrorKind::Shape {
            message: e.to_string(),
        },
    };
    BundleError::at(super::path::at(json, at), kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> serde_json::Value {
        serde_json::json!({
            "format": "policy-compare-bundle",
            "version": 1,
            "corpus": {"file": "data/x.txt", "sha256": "00"},
            "themes": [{"id": "trade", "zh": "贸易畅通", "en": "Trade"}],
            "regions": [{"id": "jiangxi", "zh": "江西", "en": "Jiangxi", "kind": "province", "parent": null}],
            "documents": [{
                "id": "jiangxi-2016-10-09", "region": "jiangxi", "title": "t",
                "published": "2016-10-09", "source": "s", "doc_number": null,
                "sections": [{"id": "s1", "number": "一、", "heading": "h", "level": 1,
                    "themes": [], "sections": [],
                    "paragraphs": [{"id": "s1.p1", "text": "突破300亿美元", "themes": ["trade"]}]}],
                "metrics": [{"id": "m1", "paragraph": "s1.p1", "quote": "300亿美元",
                    "indicator": "i", "value": 300, "value_max": null, "unit": "亿美元",
                    "year": 2020, "comparator": "突破", "kind": "target", "theme": "trade"}]
            }]
        })
    }

    fn read(v: &serde_json::Value) -> Result<Bundle, String> {
        Bundle::from_json(&v.to_string()).map_err(|e| e.to_string())
    }

    #[test]
    fn a_minimal_bundle_reads() {
        let b = read(&minimal()).unwrap();
        assert_eq!(b.documents[0].metrics[0].value, 300.0);
    }

    #[test]
    fn unknown_fields_are_ignored_within_version_1() {
        let mut v = minimal();
        v["extra"] = serde_json::json!({"anything": 1});
        v["documents"][0]["sections"][0]["note"] = serde_json::json!("x");
        assert!(read(&v).is_ok());
    }

    #[test]
    fn errors_name_the_field() {
        let mut v = minimal();
        v["documents"][0]["sections"][0]["paragraphs"][0]["themes"] = serde_json::json!(["trad"]);
        let err = read(&v).unwrap_err();
        assert!(
            err.starts_with(
                "documents[0].sections[0].paragraphs[0].themes[0]: unknown variant `trad`"
            ),
            "{err}"
        );

        let mut v = minimal();
        v["documents"][0]["sections"][0]
            .as_object_mut()
            .unwrap()
            .remove("level");
        let err = read(&v).unwrap_err();
        assert_eq!(err, "documents[0].sections[0]: missing field `level`");
    }

    #[test]
    fn cross_references_are_checked() {
        let mut v = minimal();
        v["documents"][0]["region"] = serde_json::json!("atlantis");
        assert_eq!(
            read(&v).unwrap_err(),
            "documents[0].region: region \"atlantis\" is not listed in `regions`"
        );

        let mut v = minimal();
        v["documents"][0]["metrics"][0]["quote"] = serde_json::json!("500亿美元");
        assert_eq!(
            read(&v).unwrap_err(),
            "documents[0].metrics[0].quote: quote \"500亿美元\" is not in its paragraph's text"
        );

        let mut v = minimal();
        v["documents"][0]["published"] = serde_json::json!("2016-10-9");
        assert!(read(&v).unwrap_err().contains("not an ISO date"));

        let mut v = minimal();
        v["documents"][0]["sections"][0]["level"] = serde_json::json!(0);
        assert!(read(&v).unwrap_err().contains("level 0 cannot sit under"));
    }

    #[test]
    fn a_repeated_id_is_reported_where_it_repeats() {
        let mut v = minimal();
        let p = v["documents"][0]["sections"][0]["paragraphs"][0].clone();
        let paragraphs = v["documents"][0]["sections"][0]["paragraphs"]
            .as_array_mut()
            .unwrap();
        paragraphs.push(serde_json::json!({"id": "s1.p2", "text": "x", "themes": []}));
        paragraphs.push(p.clone());
        paragraphs.push(p);
        let err = read(&v).unwrap_err();
        assert!(
            err.starts_with("documents[0].sections[0].paragraphs[2].id"),
            "{err}"
        );
        // A section and a paragraph share one id space.
        let mut v = minimal();
        v["documents"][0]["sections"][0]["paragraphs"][0]["id"] = serde_json::json!("s1");
        assert!(read(&v).unwrap_err().contains("paragraphs[0].id"));
        // Deeper: a subsection's id, then a paragraph of a subsection, repeating earlier ids.
        let sub = |id: &str, para: &str| {
            serde_json::json!({"id": id, "number": null, "heading": "h", "level": 2,
                "themes": [], "sections": [],
                "paragraphs": [{"id": para, "text": "x", "themes": []}]})
        };
        for (subs, want) in [
            (
                vec![sub("s1.1", "a"), sub("s1", "b")],
                "documents[0].sections[0].sections[1].id",
            ),
            (
                vec![sub("s1.1", "a"), sub("s1.2", "s1.p1")],
                "documents[0].sections[0].sections[1].paragraphs[0].id",
            ),
        ] {
            let mut v = minimal();
            v["documents"][0]["sections"][0]["sections"] = serde_json::Value::Array(subs);
            let err = read(&v).unwrap_err();
            assert!(err.starts_with(want), "{err}");
        }
    }

    #[test]
    fn a_hundred_thousand_ids_are_checked() {
        // (Checking them as they came, by inserting into a sorted list, was quadratic.)
        let mut v = minimal();
        let paragraphs: Vec<serde_json::Value> = (0..100_000)
            .map(|i| serde_json::json!({"id": format!("p{i}"), "text": "突破300亿美元", "themes": []}))
            .collect();
        v["documents"][0]["preamble"] = serde_json::Value::Array(paragraphs);
        assert!(read(&v).is_ok());
    }

    #[test]
    fn a_byte_order_mark_before_the_bundle_is_accepted() {
        let text = format!("\u{feff}{}", minimal());
        assert!(Bundle::from_json(&text).is_ok());
    }

    #[test]
    fn numbers_no_plan_states_are_refused_with_their_field() {
        let cases = [
            (
                "value",
                serde_json::json!(1e300),
                "documents[0].metrics[0].value: not a figure",
            ),
            (
                "value",
                serde_json::json!(-2e15),
                "documents[0].metrics[0].value: not a figure",
            ),
            (
                "value_max",
                serde_json::json!(100),
                "documents[0].metrics[0].value_max: the upper end",
            ),
            (
                "year",
                serde_json::json!(2147483647),
                "documents[0].metrics[0].year: year 2147483647 is outside 1900–2200",
            ),
            (
                "year",
                serde_json::json!(-5),
                "documents[0].metrics[0].year: year -5",
            ),
        ];
        for (field, value, want) in cases {
            let mut v = minimal();
            v["documents"][0]["metrics"][0][field] = value;
            let err = read(&v).unwrap_err();
            assert!(err.starts_with(want), "{field}: {err}");
        }
        // JSON has no infinity, but 1e999 reads as one.
        let text = minimal()
            .to_string()
            .replace("\"value\":300", "\"value\":1e999");
        let err = Bundle::from_json(&text).unwrap_err().to_string();
        assert!(
            err.starts_with("documents[0].metrics[0].value: not a figure"),
            "{err}"
        );
        let mut v = minimal();
        v["documents"][0]["metrics"][0]["normalized"] =
            serde_json::json!({"value": 3e10, "value_max": 1e10, "unit": "usd"});
        let err = read(&v).unwrap_err();
        assert!(
            err.starts_with("documents[0].metrics[0].normalized.value_max"),
            "{err}"
        );
    }

    #[test]
    fn a_bundle_without_themes_or_with_a_circle_of_parents_is_refused() {
        let mut v = minimal();
        v["themes"] = serde_json::json!([]);
        assert!(read(&v).unwrap_err().starts_with("themes: no themes"));
        let mut v = minimal();
        v["regions"][0]["parent"] = serde_json::json!("jiangxi");
        assert_eq!(
            read(&v).unwrap_err(),
            "regions[0].parent: region \"jiangxi\" is its own parent, or its parents lead back to it"
        );
        let mut v = minimal();
        v["regions"] = serde_json::json!([
            {"id": "a", "zh": "a", "en": "a", "kind": "city", "parent": "c"},
            {"id": "jiangxi", "zh": "江西", "en": "Jiangxi", "kind": "province", "parent": null},
            {"id": "c", "zh": "c", "en": "c", "kind": "city", "parent": "d"},
            {"id": "d", "zh": "d", "en": "d", "kind": "city", "parent": "c"},
        ]);
        assert!(read(&v).unwrap_err().starts_with("regions[2].parent"));
    }

    #[test]
    fn a_name_of_a_megabyte_is_refused_naming_its_place() {
        let mut v = minimal();
        v["regions"][0]["en"] = serde_json::json!("J".repeat(1 << 20));
        assert_eq!(
            read(&v).unwrap_err(),
            "regions[0].en: a name is at most 200 characters"
        );
        let mut v = minimal();
        v["themes"][0]["zh"] = serde_json::json!("贸".repeat(201));
        assert!(
            read(&v)
                .unwrap_err()
                .starts_with("themes[0].zh: a name is at most")
        );
        let mut v = minimal();
        v["regions"][0]["zh"] = serde_json::json!("江".repeat(200));
        assert!(read(&v).is_ok(), "200 characters are a name");
    }

    #[test]
    fn huge_ids_and_values_are_refused_and_echoed_short() {
        let mut v = minimal();
        v["documents"][0]["id"] = serde_json::json!("x".repeat(5_000_000));
        let err = read(&v).unwrap_err();
        assert!(
            err.starts_with("documents[0].id: an id is at most 200 bytes"),
            "{err}"
        );
        let mut v = minimal();
        v["documents"][0]["region"] = serde_json::json!("y".repeat(5_000_000));
        let err = read(&v).unwrap_err();
        assert!(err.len() < 300, "{}", err.len());
        let mut v = minimal();
        v["documents"][0]["sections"][0]["level"] = serde_json::json!("z".repeat(5_000_000));
        let err = read(&v).unwrap_err();
        assert!(err.len() < 300, "{}", err.len());
        assert!(
            err.starts_with("documents[0].sections[0].level: invalid type: string"),
            "{err}"
        );
    }

    #[test]
    fn not_json_and_wrong_format_say_so() {
        let err = Bundle::from_json("{\"format\": ").unwrap_err();
        assert!(
            matches!(err.kind, BundleErrorKind::Syntax { line: 1, .. }),
            "{err}"
        );
        assert_eq!(
            Bundle::from_json("{}").unwrap_err().to_string(),
            "format: no `format` field: this is not a policy-compare bundle (expected \"format\": \"policy-compare-bundle\")"
        );
        assert_eq!(
            Bundle::from_json("[1, 2]").unwrap_err().to_string(),
            "a bundle is a JSON object ({…}); this text is not one"
        );
    }
}
