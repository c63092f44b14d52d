//! From a document's blocks to its preamble, section tree, signatures and attachments.
//!
//! Each block gets a role in a few passes, each deciding one question with the context it
//! needs (a signature date looks back for its issuers, a table of contents looks ahead for
//! the headings it repeats, a numbered item looks ahead to see whether anything sits under
//! it). Then the tree is built with one stack.
//!
//! Levels: numbering styles are ranked in the order a document first uses them (`一、`
//! then `（一）` then `1．` is the usual order, but regulations start at `第一章`), so a
//! style keeps its level wherever it appears, as the examples label the Jiangxi appendix.
//! Unnumbered headings that stand alone and attachment titles are top level; lead-in
//! headings and table rows sit one level under the section they appear in.

use std::collections::HashMap;

use super::blocks::{Block, BlockKind};
use super::clean::{compact, normalize, normalize_title};
use super::frontmatter;
use super::headings::{self, SENTENCE_END};
use super::numbering::{self, Style};
use crate::bundle::{Paragraph, Section, Signature};

/// What the outline made of a document's body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outline {
    /// Paragraphs before the first heading.
    pub preamble: Vec<Paragraph>,
    /// The section tree.
    pub sections: Vec<Section>,
    /// Signature blocks.
    pub signatures: Vec<Signature>,
    /// Attachment lines naming documents that are not reproduced.
    pub attachments: Vec<String>,
}

/// Where a heading sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Placement {
    /// At the rank of its numbering style.
    Ranked(Style),
    /// At the top level.
    Top,
    /// At the top level, and what follows nests under it with its own numbering (the
    /// attached list restarts at `一、`).
    Attachment,
    /// One level under the section it appears in.
    Child,
}

/// The role of a block, refined pass by pass.
#[derive(Clone, Debug, PartialEq)]
enum Role {
    /// Body text.
    Para,
    /// Opens with a section ordinal; becomes a heading in the numbered pass.
    Numbered,
    /// Short, no sentence punctuation: a heading, an issuer, a repeated title, a TOC line…
    Standalone,
    /// The date line of a signature.
    SignatureDate,
    /// An issuer above a signature date.
    Issuer,
    /// An attachment line.
    Attachment,
    /// Consumed by a neighbour or dropped (a table of contents).
    Gone,
    /// A section heading, with the body text that shared its line.
    Heading {
        number: Option<String>,
        heading: String,
        placement: Placement,
        body: Option<String>,
        /// Whether paragraphs that follow belong to it. A list item that is one sentence
        /// (`（七）履行…其他职责。`) does not take the paragraph after the list.
        takes_text: bool,
    },
    /// The end of a table: what follows belongs to the table's section, not its last row.
    TableEnd,
}

struct Slot {
    block: Block,
    role: Role,
}

/// Steps taken by the passes that look ahead of the block they decide, counted so that a
/// test can hold the outline's cost linear in the number of blocks. Every pass is: each
/// look-ahead either consumes what it passes over or stops after a bounded number of steps.
#[derive(Debug, Default)]
struct Work(usize);

/// Builds the outline of a document from its blocks. `title` is the document's title,
/// used to recognise the attached plan's title under a cover letter.
pub fn build(blocks: Vec<Block>, title: &str) -> Outline {
    build_counted(blocks, title, &mut Work::default())
}

fn build_counted(blocks: Vec<Block>, title: &str, work: &mut Work) -> Outline {
    let mut slots: Vec<Slot> = blocks
        .into_iter()
        .map(|block| {
            let role = initial_role(&block);
            Slot { block, role }
        })
        .collect();
    let mut outline = Outline::default();
    signatures(&mut slots, &mut outline);
    attachments(&mut slots, &mut outline);
    table_of_contents(&mut slots, work);
    repeated_titles(&mut slots, title);
    standalone_headings(&mut slots);
    numbered_headings(&mut slots, work);
    lead_ins(&mut slots);
    tree(slots, &mut outline);
    outline
}

fn initial_role(block: &Block) -> Role {
    let text = block.text.as_str();
    match &block.kind {
        BlockKind::Bullet | BlockKind::Cell => Role::Para,
        BlockKind::TableEnd => Role::TableEnd,
        BlockKind::Row { number } => Role::Heading {
            number: Some(number.clone()),
            heading: String::new(),
            placement: Placement::Child,
            body: None,
            takes_text: true,
        },
        BlockKind::CellTitle if numbering::ordinal(text).is_some() => Role::Numbered,
        BlockKind::CellTitle => Role::Para,
        BlockKind::Text if frontmatter::attachment(text).is_some() => Role::Attachment,
        BlockKind::Text if frontmatter::signature_date(text).is_some() => Role::SignatureDate,
        BlockKind::Text if numbering::ordinal(text).is_some() => Role::Numbered,
        BlockKind::Text if headings::is_standalone(text) => Role::Standalone,
        BlockKind::Text => Role::Para,
    }
}

/// A date line and the issuer lines right above it.
fn signatures(slots: &mut [Slot], outline: &mut Outline) {
    for i in 0..slots.len() {
        if slots[i].role != Role::SignatureDate {
            continue;
        }
        let mut first = i;
        while first > 0
            && i - first < 4
            && slots[first - 1].role == Role::Standalone
            && frontmatter::is_issuer(&slots[first - 1].block.text)
        {
            first -= 1;
        }
        let issuers = slots[first..i]
            .iter()
            .flat_map(|s| s.block.raw.split_whitespace().map(normalize))
            .collect();
        for slot in &mut slots[first..i] {
            slot.role = Role::Issuer;
        }
        let block = &slots[i].block;
        if let Some(date) = frontmatter::signature_date(&block.text) {
            outline.signatures.push(Signature {
                issuers,
                date: date.to_string(),
                date_text: block.text.clone(),
            });
        }
    }
}

/// Attachment lines: a title over attached text that follows (Jiangxi's project list)
/// is a top-level heading; a line naming a document the compilation leaves out is a field.
fn attachments(slots: &mut [Slot], outline: &mut Outline) {
    // Whether anything but attachment lines and signatures sits at or after each index.
    // Roles after an attachment line are not changed by the loop below before it looks at
    // them, so this is computed once rather than rescanned for every line.
    let mut content_from = vec![false; slots.len() + 1];
    for k in (0..slots.len()).rev() {
        content_from[k] = content_from[k + 1]
            || !matches!(
                slots[k].role,
                Role::Attachment | Role::SignatureDate | Role::Issuer | Role::Gone
            );
    }
    for i in 0..slots.len() {
        if slots[i].role != Role::Attachment {
            continue;
        }
        let mut heading = slots[i].block.text.clone();
        let mut next = i + 1;
        // `附件：` alone on its line, with the attachment's title on the next.
        if frontmatter::attachment(&heading) == Some("")
            && let Some(title) = slots.get_mut(next)
            && matches!(title.role, Role::Standalone | Role::Para)
        {
            heading.push_str(&title.block.text);
            title.role = Role::Gone;
            next += 1;
        }
        if content_from[next] {
            slots[i].role = Role::Heading {
                number: None,
                heading,
                placement: Placement::Attachment,
                body: None,
                takes_text: true,
            };
        } else {
            // An attachment line names a document: keep its title as printed, with the
            // spaces between issuing bodies, like the document titles.
            let printed = normalize_title(&slots[i].block.raw);
            if let Some(named) = frontmatter::attachment(&printed) {
                outline.attachments.push(named.to_owned());
            }
            slots[i].role = Role::Gone;
        }
    }
}

/// A run of three or more headings with no text between them, each repeated later in the
/// document, is a table of contents: the sections are not listed twice.
///
/// Linear in the number of blocks. A line recurs after a cut exactly when the last heading
/// with its text sits at or past the cut, so with each text's last heading known, the cuts
/// that work are a prefix of the run, found in one scan from its start; a table of
/// contents found is skipped whole, and a run that is none stops the scan within three
/// lines. (Trying every start and cut and rescanning the document for each was cubic:
/// 16 s for a contents label and 800 headings.)
fn table_of_contents(slots: &mut [Slot], work: &mut Work) {
    let heading_line = |s: &Slot| match s.role {
        Role::Standalone => true,
        Role::Numbered => numbering::ordinal(&s.block.text)
            .is_some_and(|o| !o.rest.contains(SENTENCE_END) && o.style != Style::Article),
        _ => false,
    };
    let n = slots.len();
    let texts: Vec<Option<String>> = slots
        .iter()
        .map(|s| heading_line(s).then(|| compact(&s.block.text)))
        .collect();
    let mut last_at: HashMap<&str, usize> = HashMap::new();
    for (k, text) in texts.iter().enumerate() {
        if let Some(text) = text {
            last_at.insert(text, k);
        }
    }
    // For each heading line, the index of the last heading line with its text.
    let last: Vec<usize> = texts
        .iter()
        .map(|t| t.as_deref().map_or(0, |t| last_at[t]))
        .collect();
    // For each index, the end of the run of heading lines that starts there.
    let mut run_end = vec![n; n + 1];
    for k in (0..n).rev() {
        run_end[k] = if texts[k].is_some() {
            run_end[k + 1]
        } else {
            k
        };
    }
    let mut i = 0;
    while i < n {
        work.0 += 1;
        let label = frontmatter::is_contents_label(&compact(&slots[i].block.text));
        let start = if label { i + 1 } else { i };
        let end = run_end[start];
        // The contents may run straight into the first real heading (`前言` twice in a
        // row), so take the longest prefix of the run whose lines all recur after it.
        let (mut cut, mut recurs_from) = (start, usize::MAX);
        while cut < end && recurs_from.min(last[cut]) > cut {
            work.0 += 1;
            recurs_from = recurs_from.min(last[cut]);
            cut += 1;
        }
        if cut >= start + 3 {
            for slot in &mut slots[i..cut] {
                slot.role = Role::Gone;
            }
            i = cut;
        } else {
            i += 1;
        }
    }
}

/// The attached plan's title under a cover letter is text, not a heading.
fn repeated_titles(slots: &mut [Slot], title: &str) {
    for slot in slots.iter_mut() {
        if matches!(slot.role, Role::Heading { .. } | Role::Numbered) {
            break;
        }
        if slot.role == Role::Standalone && frontmatter::repeats_title(&slot.block.text, title) {
            slot.role = Role::Para;
        }
    }
}

/// Unnumbered headings on a line of their own (`一大构想`, `前言`): the first of a run of
/// standalone lines that leads into body text. The rest of the run is text.
fn standalone_headings(slots: &mut [Slot]) {
    let mut i = 0;
    while i < slots.len() {
        if slots[i].role != Role::Standalone {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < slots.len() && slots[end].role == Role::Standalone {
            end += 1;
        }
        let leads_into_text = slots.get(end).is_some_and(|s| s.role == Role::Para);
        for (k, slot) in slots[i..end].iter_mut().enumerate() {
            slot.role = if k == 0 && leads_into_text {
                Role::Heading {
                    number: None,
                    heading: slot.block.text.clone(),
                    placement: Placement::Top,
                    body: None,
                    takes_text: true,
                }
            } else {
                Role::Para
            };
        }
        i = end;
    }
}

/// How a numbered item's text divides between heading and body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Split {
    /// The whole text is the heading.
    Title,
    /// The first sentence is the heading, the rest is body text.
    Inline,
    /// A sentence on its own line that is a heading (something sits under it).
    Sentence,
    /// No heading; the text is the item's paragraph.
    Body,
}

/// Numbered items: the heading is the text after the ordinal when it stands alone, or its
/// first sentence when that is short; otherwise the item has no heading of its own and its
/// text is a paragraph of the section.
///
/// A style is read consistently within a document: where most items of a style are plain
/// numbered sentences (the articles of a regulation), a short first sentence in one of
/// them (`九、本办法自发布之日起30日后施行。…`) is not a heading either.
fn numbered_headings(slots: &mut [Slot], work: &mut Work) {
    let mut ranks: Vec<Style> = Vec::new();
    let rank_of = |ranks: &[Style], style| ranks.iter().position(|&s| s == style);
    let mut decisions: Vec<(usize, Style, Split)> = Vec::new();
    for i in 0..slots.len() {
        if slots[i].role != Role::Numbered {
            continue;
        }
        let Some(ordinal) = numbering::ordinal(&slots[i].block.text) else {
            slots[i].role = Role::Para;
            continue;
        };
        if rank_of(&ranks, ordinal.style).is_none() {
            ranks.push(ordinal.style);
        }
        let rank = rank_of(&ranks, ordinal.style);
        let rest = ordinal.rest;
        let split = if ordinal.style == Style::Article {
            Split::Body
        } else if ordinal.style == Style::Chapter
            || !(rest.contains(SENTENCE_END) || rest.contains('：'))
        {
            Split::Title
        } else if headings::split_inline(rest).is_some() {
            Split::Inline
        } else if rest
            .strip_suffix('。')
            .is_some_and(headings::is_heading_like)
        {
            // A numbered sentence on its own line is a heading only if something sits
            // under it before the next item at its level.
            // Passes over blocks dropped as a table of contents: each run of them follows
            // one block only, so the look-ahead stays linear overall.
            let next_is_sibling = slots[i + 1..]
                .iter()
                .inspect(|_| work.0 += 1)
                .find(|s| s.role != Role::Gone)
                .and_then(|s| match s.role {
                    Role::Numbered => numbering::ordinal(&s.block.text),
                    _ => None,
                })
                .is_some_and(|o| rank_of(&ranks, o.style).is_some_and(|r| Some(r) <= rank));
            if next_is_sibling {
                Split::Body
            } else {
                Split::Sentence
            }
        } else {
            Split::Body
        };
        decisions.push((i, ordinal.style, split));
    }

    let mut counts: HashMap<(Style, Split), usize> = HashMap::new();
    for &(_, style, split) in &decisions {
        *counts.entry((style, split)).or_default() += 1;
    }
    let count = |style, split| counts.get(&(style, split)).copied().unwrap_or(0);
    for &(i, style, split) in &decisions {
        let split = match split {
            Split::Inline | Split::Sentence
                if count(style, Split::Body)
                    > count(style, Split::Inline) + count(style, Split::Sentence) =>
            {
                Split::Body
            }
            other => other,
        };
        let text = slots[i].block.text.clone();
        let Some(ordinal) = numbering::ordinal(&text) else {
            continue;
        };
        let rest = ordinal.rest;
        let (heading, body) = match split {
            Split::Title => (rest, None),
            Split::Inline => {
                headings::split_inline(rest).map_or(("", Some(rest)), |(h, b)| (h, Some(b)))
            }
            Split::Sentence => (rest.trim_end_matches('。'), None),
            Split::Body => ("", Some(rest)),
        };
        let one_sentence_item =
            split == Split::Body && ordinal.style != Style::Article && rest.ends_with(['。', '；']);
        slots[i].role = Role::Heading {
            number: Some(ordinal.number.to_owned()),
            heading: heading.to_owned(),
            placement: Placement::Ranked(ordinal.style),
            body: body.filter(|b| !b.is_empty()).map(str::to_owned),
            takes_text: !one_sentence_item,
        };
    }
}

/// Unnumbered lead-in headings (`近期目标。用5年左右时间…`): two or more paragraphs in a
/// row that each open with a short sentence are headed by it. One alone is just text, and
/// regulations have none.
fn lead_ins(slots: &mut [Slot]) {
    // Regulations (`第一条`…) state rules in short sentences; they have no lead-ins.
    let regulation = slots.iter().any(|s| {
        matches!(
            s.role,
            Role::Heading {
                placement: Placement::Ranked(Style::Article),
                ..
            }
        )
    });
    if regulation {
        return;
    }
    let candidate = |s: &Slot| {
        s.role == Role::Para
            && s.block.kind == BlockKind::Text
            && headings::split_lead_in(&s.block.text).is_some()
    };
    let mut i = 0;
    while i < slots.len() {
        let mut end = i;
        while end < slots.len() && candidate(&slots[end]) {
            end += 1;
        }
        if end - i >= 2 {
            for slot in &mut slots[i..end] {
                if let Some((head, body)) = headings::split_lead_in(&slot.block.text) {
                    slot.role = Role::Heading {
                        number: None,
                        heading: head.to_owned(),
                        placement: Placement::Child,
                        body: Some(body.to_owned()),
                        takes_text: true,
                    };
                }
            }
        }
        i = end.max(i + 1);
    }
}

/// An open section while the tree is built.
struct Open {
    section: Section,
    /// Placed relative to its parent (lead-ins, table rows): siblings of the same kind
    /// share the parent's level + 1 rather than nesting in each other.
    relative: bool,
    /// Whether the paragraphs that follow belong to it.
    takes_text: bool,
}

fn tree(slots: Vec<Slot>, outline: &mut Outline) {
    // Numbering styles ranked in order of first use, counted from `base` (0 in the body,
    // the attachment's level inside an attachment, whose numbering starts afresh).
    let mut ranks: HashMap<Style, u8> = HashMap::new();
    let mut base = 0;
    let mut stack: Vec<Open> = Vec::new();

    fn close(stack: &mut Vec<Open>, outline: &mut Outline) {
        if let Some(open) = stack.pop() {
            match stack.last_mut() {
                Some(parent) => parent.section.sections.push(open.section),
                None => outline.sections.push(open.section),
            }
        }
    }
    fn paragraph(stack: &mut [Open], outline: &mut Outline, text: String) {
        let p = Paragraph {
            text,
            ..Paragraph::default()
        };
        let Some(open) = stack.last_mut() else {
            outline.preamble.push(p);
            return;
        };
        let section = &mut open.section;
        if section.sections.is_empty() {
            section.paragraphs.push(p);
            return;
        }
        // Text after a section's subsections (`第七条` ends with a sentence after its
        // items `（一）`…`（七）`): a section's paragraphs are read before its subsections,
        // so it goes in an unnamed subsection after them, where it is read in the
        // source's order.
        if !section.sections.last().is_some_and(Section::is_unnamed) {
            section.sections.push(Section {
                id: String::new(),
                number: None,
                heading: String::new(),
                level: section.level + 1,
                themes: Vec::new(),
                paragraphs: Vec::new(),
                sections: Vec::new(),
            });
        }
        if let Some(last) = section.sections.last_mut() {
            last.paragraphs.push(p);
        }
    }

    for slot in slots {
        match slot.role {
            Role::Heading {
                number,
                heading,
                placement,
                body,
                takes_text,
            } => {
                let (level, relative) = match placement {
                    Placement::Top | Placement::Attachment => (1, false),
                    Placement::Ranked(style) => {
                        let next = base + ranks.len() as u8 + 1;
                        (*ranks.entry(style).or_insert(next), false)
                    }
                    Placement::Child => {
                        let parent = stack.iter().rev().find(|o| !o.relative);
                        (parent.map_or(0, |o| o.section.level) + 1, true)
                    }
                };
                if placement == Placement::Attachment {
                    ranks.clear();
                    base = level;
                }
                while stack.last().is_some_and(|o| o.section.level >= level) {
                    close(&mut stack, outline);
                }
                stack.push(Open {
                    section: Section {
                        id: String::new(),
                        number,
                        heading: heading.trim_end_matches('。').to_owned(),
                        level,
                        themes: Vec::new(),
                        paragraphs: Vec::new(),
                        sections: Vec::new(),
                    },
                    relative,
                    takes_text,
                });
                if let Some(body) = body {
                    paragraph(&mut stack, outline, body);
                }
            }
            Role::Para | Role::Standalone | Role::Numbered => {
                while stack.last().is_some_and(|o| !o.takes_text) {
                    close(&mut stack, outline);
                }
                if !slot.block.text.is_empty() {
                    paragraph(&mut stack, outline, slot.block.text);
                }
            }
            Role::TableEnd => {
                while stack.last().is_some_and(|o| o.relative) {
                    close(&mut stack, outline);
                }
            }
            Role::SignatureDate | Role::Issuer | Role::Attachment | Role::Gone => {}
        }
    }
    while !stack.is_empty() {
        close(&mut stack, outline);
    }
    assign_ids(outline);
}

/// Ids follow the tree: `s2.5` is the fifth subsection of the second section, `s2.5.p1`
/// its first paragraph, `p1` the first paragraph of the preamble.
fn assign_ids(outline: &mut Outline) {
    for (i, p) in outline.preamble.iter_mut().enumerate() {
        p.id = format!("p{}", i + 1);
    }
    fn walk(sections: &mut [Section], prefix: &str) {
        for (i, s) in sections.iter_mut().enumerate() {
            s.id = format!("{prefix}{}", i + 1);
            for (j, p) in s.paragraphs.iter_mut().enumerate() {
                p.id = format!("{}.p{}", s.id, j + 1);
            }
            let child_prefix = format!("{}.", s.id);
            walk(&mut s.sections, &child_prefix);
        }
    }
    walk(&mut outline.sections, "s");
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn slots(texts: &[String]) -> Vec<Slot> {
        texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let block = Block::from_lines(i + 1, &[text], BlockKind::Text);
                let role = initial_role(&block);
                Slot { block, role }
            })
            .collect()
    }

    /// The search as first written: every start, every cut, the rest of the document
    /// rescanned for each line. Cubic, and obviously right.
    fn naive_table_of_contents(slots: &mut [Slot]) {
        let heading_line = |s: &Slot| match s.role {
            Role::Standalone => true,
            Role::Numbered => numbering::ordinal(&s.block.text)
                .is_some_and(|o| !o.rest.contains(SENTENCE_END) && o.style != Style::Article),
            _ => false,
        };
        let mut i = 0;
        while i < slots.len() {
            let label = frontmatter::is_contents_label(&compact(&slots[i].block.text));
            let start = if label { i + 1 } else { i };
            let mut end = start;
            while end < slots.len() && heading_line(&slots[end]) {
                end += 1;
            }
            let repeated = (start + 3..=end).rev().find(|&cut| {
                (start..cut).all(|k| {
                    let text = compact(&slots[k].block.text);
                    slots[cut..]
                        .iter()
                        .any(|later| heading_line(later) && compact(&later.block.text) == text)
                })
            });
            if let Some(cut) = repeated {
                for slot in &mut slots[i..cut] {
                    slot.role = Role::Gone;
                }
                i = cut;
            } else {
                i += 1;
            }
        }
    }

    fn roles(slots: &[Slot]) -> Vec<Role> {
        slots.iter().map(|s| s.role.clone()).collect()
    }

    proptest! {
        #[test]
        fn table_of_contents_finds_what_the_naive_search_finds(
            picks in proptest::collection::vec(0usize..9, 0..40)
        ) {
            const LINES: [&str; 9] = [
                "目录", "一、总体要求", "二、重点任务", "三、保障措施", "前言",
                "（一）加强合作", "附录", "推进合作，加强交流。", "第一条 本办法。",
            ];
            let texts: Vec<String> = picks.iter().map(|&k| LINES[k].to_owned()).collect();
            let (mut fast, mut naive) = (slots(&texts), slots(&texts));
            table_of_contents(&mut fast, &mut Work::default());
            naive_table_of_contents(&mut naive);
            prop_assert_eq!(roles(&fast), roles(&naive));
        }
    }

    #[test]
    fn a_table_of_contents_that_runs_into_the_first_heading_is_dropped() {
        let texts: Vec<String> = [
            "目录",
            "前言",
            "一、甲",
            "二、乙",
            "前言",
            "正文。",
            "一、甲",
            "正文。",
            "二、乙",
            "正文。",
        ]
        .map(str::to_owned)
        .to_vec();
        let mut s = slots(&texts);
        table_of_contents(&mut s, &mut Work::default());
        let gone: Vec<bool> = s.iter().map(|s| s.role == Role::Gone).collect();
        assert_eq!(
            gone,
            [
                true, true, true, true, false, false, false, false, false, false
            ]
        );
    }

    /// The steps the outline takes for a document of `n` repetitions of a shape.
    fn work(n: usize, shape: impl Fn(usize) -> Vec<String>) -> usize {
        let texts: Vec<String> = (0..n).flat_map(&shape).collect();
        let blocks = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Block::from_lines(i + 1, &[t], BlockKind::Text))
            .collect();
        let mut work = Work::default();
        build_counted(blocks, "江西省参与“一带一路”建设实施方案", &mut work);
        work.0
    }

    #[test]
    fn the_outline_s_cost_is_linear_in_the_number_of_blocks() {
        const DIGITS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
        type Shape = Box<dyn Fn(usize) -> Vec<String>>;
        let shapes: [(&str, Shape); 3] = [
            // A contents label and headings that never recur (the cubic case: 16 s at 800).
            (
                "headings after a contents label",
                Box::new(|k| {
                    let label = if k == 0 {
                        vec!["目录".to_owned()]
                    } else {
                        vec![]
                    };
                    [label, vec![format!("{}、标题{k}", DIGITS[k % 10])]].concat()
                }),
            ),
            // A contents that does recur: found once, skipped whole.
            (
                "recurring headings",
                Box::new(|k| vec![format!("{}、标题{}", DIGITS[k % 10], k % 7)]),
            ),
            // Numbered sentences on their own lines, each looking ahead for what sits under it.
            (
                "numbered sentences",
                Box::new(|k| vec![format!("{}、推进合作{k}。", DIGITS[k % 10])]),
            ),
        ];
        for (name, shape) in shapes {
            let (small, large) = (work(200, &shape), work(800, &shape));
            assert!(
                large <= 4 * small + 8,
                "{name}: {small} steps for 200 blocks, {large} for 800"
            );
        }
    }
}
