//! Reading a bundle: format and version first (so that a bundle from the future says so
//! instead of failing on some field), then the shape with the path of the first bad field,
//! then the cross-references serde cannot check.

use serde::Deserialize;

use super::error::{BundleError, BundleErrorKind};
use super::types::{Bundle, Document, FORMAT, Section, VERSION};
use crate::date::Date;

/// Just enough of a bundle to decide whether the rest can be read.
#[derive(Deserialize)]
struct Header {
    format: Option<Scalar>,
    version: Option<Scalar>,
}

/// A header field as found, whatever its JSON type, so that a wrong one is reported
/// rather than failing the parse. (Not `serde_json::Value`: its code weighs on the wasm.)
enum Scalar {
    Text(String),
    Count(u64),
    Other(&'static str),
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_owned()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar::Count(v))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Scalar, E> {
                Ok(Scalar::Other("a negative number"))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Scalar, E> {
                Ok(Scalar::Other("a fraction"))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Scalar, E> {
                Ok(Scalar::Other("a boolean"))
            }
            fn visit_unit<E>(self) -> Result<Scalar, E> {
                Ok(Scalar::Other("null"))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Scalar, A::Error> {
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other("a list"))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Scalar, A::Error> {
                while a
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Scalar::Other("an object"))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl Bundle {
    /// Parses and validates a bundle from its JSON text.
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
        if !json.trim_start().starts_with('{') {
            return Err(BundleError::at("", BundleErrorKind::NotAnObject));
        }
        // The usual case in one pass; the header is read on its own only to explain a
        // failure, or a bundle whose fields happen to parse but whose version is not ours.
        if let Ok(bundle) = serde_json::from_str::<Bundle>(json)
            && bundle.format == FORMAT
            && bundle.version == VERSION
        {
            bundle.validate()?;
            return Ok(bundle);
        }
        let header: Header = serde_json::from_str(json).map_err(syntax_or_shape)?;
        match header.format {
            Some(Scalar::Text(f)) if f == FORMAT => {}
            Some(other) => {
                let found = match other {
                    Scalar::Text(s) => s,
                    Scalar::Count(n) => n.to_string(),
                    Scalar::Other(what) => what.to_owned(),
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
        let version = match header.version {
            Some(Scalar::Count(n)) => Some(n),
            _ => None,
        };
        if version != Some(u64::from(VERSION)) {
            return Err(BundleError::at(
                "version",
                BundleErrorKind::UnsupportedVersion { found: version },
            ));
        }

        let bundle: Bundle = serde_json::from_str(json).map_err(|e| {
            let missing = e.to_string().starts_with("missing field");
            let path = super::path::at(json, e.line(), e.column(), missing);
            let mut err = syntax_or_shape(e);
            err.path = path;
            err
        })?;
        bundle.validate()?;
        Ok(bundle)
    }

    /// Checks what the types alone cannot: unique ids, references that resolve, dates,
    /// levels that fit their nesting, quotes inside their paragraphs.
    pub fn validate(&self) -> Result<(), BundleError> {
        let mut regions = Ids::default();
        for region in &self.regions {
            regions.push(&region.id, None);
        }
        let regions = regions
            .seal()
            .map_err(|r| r.at(format!("regions[{}].id", r.order)))?;
        for (i, region) in self.regions.iter().enumerate() {
            if let Some(parent) = &region.parent
                && !regions.contains(parent.as_str())
            {
                return Err(BundleError::at(
                    format!("regions[{i}].parent"),
                    BundleErrorKind::UnknownRegion { id: parent.clone() },
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

/// An id met again: which one, and the order (0-based) in which its second place came.
struct Repeat {
    order: usize,
    id: String,
}

impl Repeat {
    fn at(&self, path: String) -> BundleError {
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
}

fn syntax_or_shape(e: serde_json::Error) -> BundleError {
    use serde_json::error::Category;
    let kind = match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => BundleErrorKind::Syntax {
            message: strip_position(&e.to_string()),
            line: e.line(),
            column: e.column(),
        },
        Category::Data => BundleErrorKind::Shape {
            message: strip_position(&e.to_string()),
        },
    };
    BundleError::at("", kind)
}

/// serde_json appends " at line L column C"; the path (or our own Syntax fields) says it better.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
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
