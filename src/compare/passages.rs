//! Passages: the units the comparison aligns. A passage is one paragraph of a region's
//! plans, with where it comes from (document, section path) so a reader can trace it.
//! A region with several documents is the union of them, in bundle order.

use serde::Serialize;

use crate::bundle::{Bundle, Paragraph, Section};
use crate::themes::Theme;

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
    /// The text.
    pub text: String,
    /// Its themes, strongest first.
    pub themes: Vec<Theme>,
    /// Position in the bundle (reading order across all documents): a side-independent key.
    pub order: usize,
}

/// Every paragraph of the bundle as a passage, in reading order.
pub fn all(bundle: &Bundle) -> Vec<Passage> {
    let mut out = Vec::new();
    for doc in &bundle.documents {
        let mut at = Location {
            region: &doc.region,
            document: &doc.id,
            path: Vec::new(),
        };
        for p in &doc.preamble {
            at.push(p, &mut out);
        }
        walk(&doc.sections, &mut at, &mut out);
    }
    out
}

/// Where the walk through a document is.
struct Location<'a> {
    region: &'a str,
    document: &'a str,
    path: Vec<String>,
}

impl Location<'_> {
    fn push(&self, p: &Paragraph, out: &mut Vec<Passage>) {
        out.push(Passage {
            region: self.region.to_owned(),
            document: self.document.to_owned(),
            paragraph: p.id.clone(),
            path: self.path.clone(),
            text: p.text.clone(),
            themes: p.themes.clone(),
            order: out.len(),
        });
    }
}

fn walk(sections: &[Section], at: &mut Location<'_>, out: &mut Vec<Passage>) {
    for s in sections {
        at.path.push(format!(
            "{}{}",
            s.number.as_deref().unwrap_or(""),
            s.heading
        ));
        for p in &s.paragraphs {
            at.push(p, out);
        }
        walk(&s.sections, at, out);
        at.path.pop();
    }
}
