//! Which paragraphs are boilerplate, and what kind of section each content paragraph
//! sits in: decided once by the builder, shipped in the bundle
//! ([`crate::bundle::Boilerplate`], [`crate::bundle::Role`]).
//!
//! Both follow the alignment annotators' definitions (boilerplate: no policy substance of
//! its own; roles: the skeleton plans share), written as rules over the text and the
//! headings above it, and checked against the hand-labelled passages of the dev gold.

mod boilerplate;
mod role;

pub use boilerplate::boilerplate;
pub use role::role;

use crate::bundle::{Document, Paragraph, Section};

/// Labels every paragraph of `doc` with its boilerplate reason and its role.
pub fn label_document(doc: &mut Document) {
    let title = doc.title.clone();
    for p in &mut doc.preamble {
        label(p, &title, &[], true);
    }
    fn walk(sections: &mut [Section], title: &str, headings: &mut Vec<String>) {
        for s in sections {
            headings.push(s.heading.clone());
            let path: Vec<&str> = headings.iter().map(String::as_str).collect();
            for p in &mut s.paragraphs {
                label(p, title, &path, false);
            }
            walk(&mut s.sections, title, headings);
            headings.pop();
        }
    }
    walk(&mut doc.sections, &title, &mut Vec::new());
}

fn label(p: &mut Paragraph, title: &str, headings: &[&str], preamble: bool) {
    p.boilerplate = boilerplate(&p.text, title, preamble);
    p.role = role(&p.text, headings);
}
