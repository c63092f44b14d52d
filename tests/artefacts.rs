//! No PDF artefact survives into any paragraph, heading or field of the bundle: no page
//! numbers, no running header, no link lines, no hard line breaks, and no space between
//! two Chinese characters or between a digit and a Chinese character.

mod common;

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// The first artefact in `text`, described.
fn artefact(text: &str) -> Option<String> {
    layout_artefact(text).or_else(|| spacing_artefact(text))
}

/// Page furniture or a line break.
fn layout_artefact(text: &str) -> Option<String> {
    if text.contains('\n') || text.contains('\r') {
        return Some("line break".into());
    }
    if text.contains("科技信息参考一带一路增刊") {
        return Some("running header".into());
    }
    if text.contains("http://") || text.contains("https://") {
        return Some("link".into());
    }
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) {
        return Some("page number".into());
    }
    None
}

/// A stray, doubled or edge space, or whitespace other than a space.
fn spacing_artefact(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() && c != ' ' {
            return Some(format!("whitespace {c:?}"));
        }
        if c == ' ' {
            let before = chars[..i].last().copied();
            let after = chars.get(i + 1).copied();
            if let (Some(b), Some(a)) = (before, after) {
                let stray = (is_han(b) || is_han(a))
                    && (is_han(b) || b.is_ascii_digit())
                    && (is_han(a) || a.is_ascii_digit());
                if stray {
                    return Some(format!("stray space in «{b} {a}»"));
                }
            }
            if before.is_none() || after.is_none() || after == Some(' ') {
                return Some("space at an edge or doubled".into());
            }
        }
    }
    None
}

type Finder = fn(&str) -> Option<String>;

/// Every text of a document that must be clean: (where, text, what to look for).
fn texts(doc: &policy_compare::bundle::Document) -> Vec<(String, String, Finder)> {
    let mut out: Vec<(String, String, Finder)> = Vec::new();
    for p in doc.all_paragraphs() {
        out.push((format!("paragraph {}", p.id), p.text.clone(), artefact));
    }
    for s in doc.all_sections() {
        out.push((format!("heading {}", s.id), s.heading.clone(), artefact));
        // Table rows are numbered with bare digits; an ordinal only needs clean spacing.
        if let Some(n) = &s.number {
            out.push((format!("number {}", s.id), n.clone(), spacing_artefact));
        }
    }
    for (i, s) in doc.signatures.iter().enumerate() {
        for issuer in &s.issuers {
            out.push((format!("signature {i} issuer"), issuer.clone(), artefact));
        }
        out.push((format!("signature {i} date"), s.date_text.clone(), artefact));
    }
    // Attachment lines are document titles: like titles, they keep the spaces between
    // issuing bodies (checked below).
    for a in &doc.attachments {
        out.push(("attachment".into(), a.clone(), layout_artefact));
    }
    out.push(("source".into(), doc.source.clone(), artefact));
    if let Some(n) = &doc.doc_number {
        out.push(("doc_number".into(), n.clone(), artefact));
    }
    out
}

#[test]
fn no_paragraph_or_heading_holds_an_artefact() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for doc in &common::bundle().documents {
        for (what, text, find) in texts(doc) {
            checked += 1;
            if let Some(a) = find(&text) {
                problems.push(format!("{} {what}: {a}: {text}", doc.id));
            }
        }
    }
    println!("{checked} texts checked, {} with artefacts", problems.len());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn titles_keep_only_the_spaces_between_issuing_bodies() {
    for doc in &common::bundle().documents {
        let chars: Vec<char> = doc.title.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                let (b, a) = (chars[i - 1], chars[i + 1]);
                assert!(
                    is_han(b) && is_han(a),
                    "{}: «{b} {a}» in {}",
                    doc.id,
                    doc.title
                );
            }
        }
    }
}

#[test]
fn the_checker_sees_each_kind_of_artefact() {
    for bad in [
        "到2020 年",
        "加 密班列",
        "第一行\n第二行",
        "科技信息参考一带一路增刊",
        "92",
        "见 http://www.yidaiyilu.gov.cn",
    ] {
        assert!(artefact(bad).is_some(), "{bad}");
    }
    assert_eq!(artefact("National Key R&D Program of China"), None);
}
