//! Snapshots of every document's outline (headings, levels, the start of each paragraph,
//! signatures, attachments) and of the documents' metadata: a parser change shows up as
//! a reviewable diff (`cargo insta review`).

mod common;

use std::fmt::Write;

use policy_compare::bundle::{Document, Section};

fn start(text: &str) -> String {
    let mut s: String = text.chars().take(24).collect();
    if text.chars().count() > 24 {
        s.push('…');
    }
    s
}

fn render(doc: &Document) -> String {
    let mut out = String::new();
    for p in &doc.preamble {
        writeln!(out, "¶ {}", start(&p.text)).unwrap();
    }
    fn walk(out: &mut String, sections: &[Section]) {
        for s in sections {
            let indent = "  ".repeat(usize::from(s.level) - 1);
            writeln!(
                out,
                "{indent}[{}] {}{}",
                s.level,
                s.number
                    .as_deref()
                    .map(|n| format!("{n} "))
                    .unwrap_or_default(),
                s.heading
            )
            .unwrap();
            for p in &s.paragraphs {
                writeln!(out, "{indent}    ¶ {}", start(&p.text)).unwrap();
            }
            walk(out, &s.sections);
        }
    }
    walk(&mut out, &doc.sections);
    for s in &doc.signatures {
        writeln!(out, "✍ {} {}", s.issuers.join(" / "), s.date).unwrap();
    }
    for a in &doc.attachments {
        writeln!(out, "📎 {a}").unwrap();
    }
    out
}

#[test]
fn outline_of_every_document() {
    for doc in &common::bundle().documents {
        insta::assert_snapshot!(format!("outline-{}", doc.id), render(doc));
    }
}

#[test]
fn metadata_of_every_document() {
    let mut out = String::new();
    for doc in &common::bundle().documents {
        writeln!(
            out,
            "{}\n  title:  {}\n  region: {}  published: {}\n  source: {}\n  number: {}",
            doc.id,
            doc.title,
            doc.region,
            doc.published,
            doc.source,
            doc.doc_number.as_deref().unwrap_or("—")
        )
        .unwrap();
    }
    insta::assert_snapshot!("metadata", out);
}
