//! Passages: the units the comparison aligns. A passage is one paragraph of a region's
//! plans, with where it comes from (document, section path) so a reader can trace it.
//! A region with several documents is the union of them, in bundle order.

use serde::Serialize;

use crate::bundle::Theme;
use crate::bundle::{Bundle, Paragraph, Section};

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
    /// The nearest heading's text, without its ordinal: context for similarity.
    pub heading: String,
    /// Whether it can be paired: substantive text, not a title line, an addressee or a
    /// cover letter's formula (those are shown, never matched).
    pub pairable: bool,
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
            headings: Vec::new(),
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
    headings: Vec<&'a str>,
}

impl Location<'_> {
    fn push(&self, p: &Paragraph, out: &mut Vec<Passage>) {
        out.push(Passage {
            region: self.region.to_owned(),
            document: self.document.to_owned(),
            paragraph: p.id.clone(),
            path: self.path.clone(),
            heading: self
                .headings
                .last()
                .map_or(String::new(), |h| (*h).to_owned()),
            pairable: pairable(&p.text),
            text: p.text.clone(),
            themes: p.themes.clone(),
            order: out.len(),
        });
    }
}

fn walk<'a>(sections: &'a [Section], at: &mut Location<'a>, out: &mut Vec<Passage>) {
    for s in sections {
        at.path.push(format!(
            "{}{}",
            s.number.as_deref().unwrap_or(""),
            s.heading
        ));
        at.headings.push(&s.heading);
        for p in &s.paragraphs {
            at.push(p, out);
        }
        walk(&s.sections, at, out);
        at.path.pop();
        at.headings.pop();
    }
}

/// Passages shorter than this (in characters) are not paired: list items and fragments
/// match long paragraphs by accident.
pub const MIN_PAIRABLE: usize = 20;

/// The formulas of cover letters: same on every side, telling nothing.
const FORMULAS: [&str; 5] = ["印发给你们", "请认真贯彻", "请结合", "特此通知", "特此公告"];

/// Whether a paragraph says something that can be compared.
pub fn pairable(text: &str) -> bool {
    text.chars().count() >= MIN_PAIRABLE
        && text.contains(['，', '。', '；'])
        && !text.ends_with(['：', ':'])
        && !FORMULAS.iter().any(|f| text.contains(f))
}
