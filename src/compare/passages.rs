//! Passages: the units the comparison aligns. A passage is one paragraph of a region's
//! plans, with where it comes from (document, section path) so a reader can trace it.
//! A region with several documents is the union of them, in bundle order.

use std::sync::Arc;

use serde::Serialize;

use crate::bundle::{Boilerplate, Bundle, Document, Paragraph, Role, Section, Theme};

/// One paragraph of the bundle, ready to be compared.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Passage {
    /// The region of its document (shared by the document's passages).
    pub region: Arc<str>,
    /// Its document's id (shared by the document's passages).
    pub document: Arc<str>,
    /// Its paragraph id, unique within the document.
    pub paragraph: String,
    /// The headings above it, outermost first, each with its ordinal (`三、加强产业合作…`).
    pub path: Arc<[String]>,
    /// The same headings without their ordinals: context for similarity.
    pub headings: Arc<[String]>,
    /// How many passages each of those headings stands above (its section's, its
    /// subsections' included).
    #[serde(skip)]
    pub under: Arc<[usize]>,
    /// Its document's title (shared by the document's passages).
    #[serde(skip)]
    pub title: Arc<str>,
    /// How many passages its document has.
    #[serde(skip)]
    pub in_document: usize,
    /// Whether it is only a document's title ([`super::bare::is_bare`]), whether a clause
    /// of a list ([`super::clause::is_clause`]) and its length in characters: found once
    /// here, not at every slice of an alignment that reads them.
    #[serde(skip)]
    pub bare: bool,
    #[serde(skip)]
    pub clause: bool,
    #[serde(skip)]
    pub chars: usize,
    /// Why it is boilerplate, if it is: shown, never paired.
    pub boilerplate: Option<Boilerplate>,
    /// The kind of section it sits in.
    pub role: Role,
    /// The text.
    pub text: Arc<str>,
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
///
/// A bundle many times the shipped one has very many passages, all made in one task
/// before the first comparison: what the passages of a document or a section have in
/// common (its region and id, the headings above them) is made once and shared, not
/// copied into each of them.
pub fn all(bundle: &Bundle) -> Vec<Passage> {
    let mut out = Vec::new();
    for doc in &bundle.documents {
        let region: Arc<str> = Arc::from(doc.region.as_str());
        let document: Arc<str> = Arc::from(doc.id.as_str());
        let title: Arc<str> = Arc::from(doc.title.as_str());
        let walked = walk(doc);
        let in_document = walked.len();
        for (p, path, headings, under) in walked {
            out.push(Passage {
                region: Arc::clone(&region),
                document: Arc::clone(&document),
                paragraph: p.id.clone(),
                path,
                headings,
                under,
                title: Arc::clone(&title),
                in_document,
                bare: super::bare::is_bare(&p.text),
                clause: super::clause::is_clause(&p.text),
                chars: p.text.chars().count(),
                boilerplate: p.boilerplate,
                role: p.role,
                text: Arc::from(p.text.as_str()),
                themes: p.themes.clone(),
                order: out.len(),
            });
        }
    }
    out
}

/// Every paragraph of `doc` with the headings above it (without ordinals), in reading
/// order.
pub fn with_headings(doc: &Document) -> Vec<(&Paragraph, Headings)> {
    walk(doc).into_iter().map(|(p, _, h, _)| (p, h)).collect()
}

/// The headings above a paragraph, shared by the paragraphs of one section.
type Headings = Arc<[String]>;

/// How many passages each heading above a paragraph stands above.
type Under = Arc<[usize]>;

/// Every paragraph of `doc` with its path (headings with ordinals), its headings and how
/// many passages each heading stands above.
fn walk(doc: &Document) -> Vec<(&Paragraph, Headings, Headings, Under)> {
    fn count(s: &Section) -> usize {
        s.paragraphs.len() + s.sections.iter().map(count).sum::<usize>()
    }
    fn go<'a>(
        sections: &'a [Section],
        path: &mut Vec<String>,
        headings: &mut Vec<String>,
        under: &mut Vec<usize>,
        out: &mut Vec<(&'a Paragraph, Headings, Headings, Under)>,
    ) {
        for s in sections {
            // Text after a section's subsections sits in an unnamed one: it is under its
            // parent's headings, no heading of its own.
            let named = !s.is_unnamed();
            if named {
                under.push(count(s));
                path.push(s.label());
                headings.push(s.heading.clone());
            }
            if !s.paragraphs.is_empty() {
                let (shared_path, shared_headings): (Headings, Headings) =
                    (path.as_slice().into(), headings.as_slice().into());
                let shared_under: Under = under.as_slice().into();
                for p in &s.paragraphs {
                    out.push((
                        p,
                        Arc::clone(&shared_path),
                        Arc::clone(&shared_headings),
                        Arc::clone(&shared_under),
                    ));
                }
            }
            go(&s.sections, path, headings, under, out);
            if named {
                path.pop();
                headings.pop();
                under.pop();
            }
        }
    }
    let none: Headings = Arc::from([]);
    let nothing: Under = Arc::from([]);
    let mut out: Vec<(&Paragraph, Headings, Headings, Under)> = doc
        .preamble
        .iter()
        .map(|p| {
            (
                p,
                Arc::clone(&none),
                Arc::clone(&none),
                Arc::clone(&nothing),
            )
        })
        .collect();
    go(
        &doc.sections,
        &mut Vec::new(),
        &mut Vec::new(),
        &mut Vec::new(),
        &mut out,
    );
    out
}
