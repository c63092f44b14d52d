//! What is compared: each side's documents with their title, number, issuer, date and
//! source, folded under one line that says how many there are. (The bundle holds them;
//! a reader needs them to cite what the widget shows, and "national" is eleven unrelated
//! documents.)

use super::ctx::Ctx;
use super::dom::El;
use crate::bundle::Document;
use crate::view::Msg;

/// A side's documents: all of its region's, or the one chosen.
pub fn documents<'a>(ctx: &'a Ctx<'_>, region: &str, chosen: Option<&str>) -> Vec<&'a Document> {
    let mut out = Vec::new();
    for d in &ctx.session.bundle.documents {
        if d.region == region && chosen.is_none_or(|c| c == d.id) {
            out.push(d);
        }
    }
    out
}

/// One document: its title, then what identifies it (the issuers are those who signed
/// it, when the compilation kept the signature; nothing is guessed from the title).
fn entry(ctx: &Ctx<'_>, d: &Document) -> El {
    let mut issuers = String::new();
    for s in &d.signatures {
        for issuer in &s.issuers {
            if !issuers.is_empty() {
                issuers.push('、');
            }
            issuers.push_str(issuer);
        }
    }
    let number = d.doc_number.as_deref().unwrap_or_default();
    let mut meta = El::new(ctx.doc, "span").class("meta").attr("lang", "zh");
    for (label, value) in [
        (Msg::DocNumber, number),
        (Msg::Issuer, &issuers),
        (Msg::Published, &d.published),
        (Msg::Source, &d.source),
    ] {
        if !value.is_empty() {
            meta = meta.child(
                El::new(ctx.doc, "span")
                    .child(
                        El::new(ctx.doc, "span")
                            .attr("lang", ctx.lang.tag())
                            .text(label.text(ctx.lang)),
                    )
                    .text(" ")
                    .text(value),
            );
        }
    }
    El::new(ctx.doc, "li")
        .child(El::new(ctx.doc, "cite").attr("lang", "zh").text(&d.title))
        .child(meta)
}

/// Both sides' documents, folded.
pub fn list(ctx: &Ctx<'_>) -> El {
    let state = ctx.state;
    let mut summary = Msg::Sources.text(ctx.lang).to_owned();
    let mut columns = El::new(ctx.doc, "div").class("docs");
    for (region, chosen) in [
        (&state.left, state.left_document.as_deref()),
        (&state.right, state.right_document.as_deref()),
    ] {
        let name = ctx.region_name(region);
        let mut list = El::new(ctx.doc, "ul");
        let docs = documents(ctx, region, chosen);
        summary.push_str(&format!(" · {name} {}", docs.len()));
        for d in docs {
            list = list.child(entry(ctx, d));
        }
        columns = columns.child(
            El::new(ctx.doc, "div")
                .child(El::new(ctx.doc, "h3").text(&name))
                .child(list),
        );
    }
    El::new(ctx.doc, "details")
        .class("sources")
        .attr_if(ctx.ui.sources_open, "open", "")
        .child(
            El::new(ctx.doc, "summary")
                .attr("data-action", "sources")
                .attr("data-key", "sources")
                .text(&summary),
        )
        .child(columns)
}
