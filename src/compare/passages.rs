//! Passages: the units the comparison aligns. A passage is one paragraph of a region's
//! plans, with where it comes from (document, section path) so a reader can trace it.
//! A region with several documents is the union of them, in bundle order.

use serde::Serialize;

use crate::bundle::{Boilerplate, Bundle, Document, Paragraph, Role, Section, Theme};

/// One paragraph of the bundle, ready to be compared.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Passage {
    /// The region of its document.
    pub region: String,
    /// Its document's id.
    pub document: String,
    /// Its paragraph id, unique within the document.
    pub paragraph: String,
    /// The headings above it, outermost first, each with its ordinal (`三、加强产业合作…`).
    pub path: Vec<String>,
    /// The same headings without their ordinals: context for similarity.
    pub headings: Vec<String>,
    /// Why it is boilerplate, if it is: shown, never paired.
    pub boilerplate: Option<Boilerplate>,
    /// The kind of section it sits in.
    pub role: Role,
    /// The text.
    pub text: String,
    /// Its themes, strongest first.
    pub themes: Vec<Theme>,
    /// Position in the bundle (reading order across all documents): a side-independent key.
    pub order: usize,
}

impl Passage {
    /// Whether it can be paired: content, not boilerplate.
    pub fn pairable(&self) -> bool {
        self.boilerplate.is_none()
    }
}

/// Every paragraph of the bundle as a passage, in reading order.
pub fn all(bundle: &Bundle) -> Vec<Passage> {
    let mut out = Vec::new();
    for doc in &bundle.documents {
        for (p, path, headings) in walk(doc) {
            out.push(Passage {
                region: doc.region.clone(),
                document: doc.id.clone(),
                paragraph: p.id.clone(),
                path,
                headings: headings.into_iter().map(str::to_owned).collect(),
                boilerplate: p.boilerplate,
                role: p.role,
                text: p.text.clone(),
                themes: p.themes.clone(),
                order: out.len(),
            });
        }
    }
    out
}

/// Every paragraph of `doc` with the headings above it (without ordinals), in reading
/// order.
pub fn with_headings(doc: &Document) -> Vec<(&Paragraph, Vec<&str>)> {
    walk(doc).into_iter().map(|(p, _, h)| (p, h)).collect()
}

/// Every paragraph of `doc` with its path (headings with ordinals) and its headings.
fn walk(doc: &Document) -> Vec<(&Paragraph, Vec<String>, Vec<&str>)> {
    fn go<'a>(
        sections: &'a [Section],
        path: &mut Vec<String>,
        headings: &mut Vec<&'a str>,
        out: &mut Vec<(&'a Paragraph, Vec<String>, Vec<&'a str>)>,
    ) {
        for s in sections {
            path.push(format!(
                "{}{}",
                s.number.as_deref().unwrap_or(""),
                s.heading
            ));
            headings.push(&s.heading);
            for p in &s.paragraphs {
                out.push((p, path.clone(), headings.clone()));
            }
            go(&s.sections, path, headings, out);
            path.pop();
            headings.pop();
        }
    }
    let mut out: Vec<(&Paragraph, Vec<String>, Vec<&str>)> = doc
        .preamble
        .iter()
        .map(|p| (p, Vec::new(), Vec::new()))
        .collect();
    go(&doc.sections, &mut Vec::new(), &mut Vec::new(), &mut out);
    out
}
