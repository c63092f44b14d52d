//! The search box in the header, and the search view: every passage of every region that
//! holds the query, by region (most first), each with its document and section, the hits
//! marked (`<mark>` around text nodes), and a button that opens it in a comparison.

use super::across::{self, marked, more_button, place, select};
use super::ctx::Ctx;
use super::dom::El;
use crate::bundle::Theme;
use crate::compare::passages::Passage;
use crate::search::{self, Query, ranges};
use crate::view::snippet::snippet;
use crate::view::{Msg, search_summary};

/// Results shown per region until the reader asks for all (or picks the region).
const FIRST: usize = 3;
/// Characters of a passage shown around its first hit.
const WIDTH: usize = 150;

/// The search box: a labelled input and a button (Enter searches too; see
/// `across::on_key`). Not a `<form>`: a form would submit the host page.
pub fn search_box(ctx: &Ctx<'_>) -> El {
    El::new(ctx.doc, "div")
        .class("search")
        .attr("role", "search")
        .child(
            El::new(ctx.doc, "label")
                .attr("for", "pc-query")
                .text(Msg::SearchAll.text(ctx.lang)),
        )
        .child(
            El::new(ctx.doc, "div")
                .child(
                    El::new(ctx.doc, "input")
                        .attr("type", "search")
                        .attr("id", "pc-query")
                        .attr("data-key", "query")
                        .attr("enterkeyhint", "search")
                        .attr("value", &ctx.state.query),
                )
                .child(
                    El::new(ctx.doc, "button")
                        .attr("type", "button")
                        .attr("data-action", "search")
                        .attr("data-key", "search")
                        .text(Msg::Search.text(ctx.lang)),
                ),
        )
}

/// One passage found: where it comes from, the text around its hits, and a button that
/// opens it in a comparison.
fn hit(ctx: &Ctx<'_>, p: &Passage, query: &Query) -> El {
    let key = format!("{}/{}", p.document, p.paragraph);
    let where_id = format!("pc-hit-{key}");
    let found = ranges(&p.text, query);
    El::new(ctx.doc, "li")
        .child(place(ctx, p).attr("id", &where_id))
        .child(marked(ctx, &snippet(&p.text, &found, WIDTH)))
        .child(
            El::new(ctx.doc, "button")
                .attr("type", "button")
                .class("link")
                .attr("data-action", "open")
                .attr("data-value", &key)
                .attr("data-key", &format!("open:{key}"))
                .attr("aria-describedby", &where_id)
                .text(Msg::OpenComparison.text(ctx.lang)),
        )
}

/// The view, and the summary to announce.
pub fn panel(ctx: &Ctx<'_>) -> (El, String) {
    let state = ctx.state;
    let query = Query::parse(&state.query);
    if query.is_empty() {
        let help = Msg::SearchHelp.text(ctx.lang);
        return (El::new(ctx.doc, "p").text(help), help.to_owned());
    }
    let session = ctx.session;
    let found = across::found(session, &query);
    let passages = session.comparer.passages();
    let regions = &session.bundle.regions;
    let in_theme = |p: &Passage| state.query_theme.is_none_or(|t| p.themes.contains(&t));
    let in_region = |p: &Passage| state.query_region.as_ref().is_none_or(|r| *p.region == **r);
    let groups = search::groups(&found, passages, regions, &|p| in_theme(p) && in_region(p));

    // Each filter's options count what the other filter lets through.
    let mut per_theme = [0; Theme::ALL.len() + 1];
    for f in found.iter() {
        let p = &passages[f.passage];
        if in_region(p) {
            per_theme[0] += 1;
            for (k, t) in Theme::ALL.iter().enumerate() {
                if p.themes.contains(t) {
                    per_theme[k + 1] += 1;
                }
            }
        }
    }
    let mut themes = vec![(
        "all".to_owned(),
        format!("{} ({})", Msg::AllThemes.text(ctx.lang), per_theme[0]),
        state.query_theme.is_none(),
    )];
    for (k, t) in Theme::ALL.into_iter().enumerate() {
        let name = ctx.lang.pick(t.zh(), t.en());
        let label = format!("{name} ({})", per_theme[k + 1]);
        themes.push((t.id().to_owned(), label, state.query_theme == Some(t)));
    }
    let by_region = search::groups(&found, passages, regions, &in_theme);
    let total: usize = by_region.iter().map(|g| g.found.len()).sum();
    let mut places = vec![(
        "all".to_owned(),
        format!("{} ({total})", Msg::AllRegions.text(ctx.lang)),
        state.query_region.is_none(),
    )];
    for g in &by_region {
        let id = &g.region.id;
        let label = format!("{} ({})", ctx.region_name(id), g.found.len());
        places.push((id.clone(), label, state.query_region.as_ref() == Some(id)));
    }
    let mut out = El::new(ctx.doc, "div").child(
        El::new(ctx.doc, "div")
            .class("controls filters")
            .child(select(ctx, "query-region", Msg::Region, places))
            .child(select(ctx, "query-theme", Msg::Themes, themes)),
    );

    let mut shown_total = 0;
    for g in &groups {
        let id = &g.region.id;
        let name = ctx.region_name(id);
        let key = format!("search:{id}");
        let n = g.found.len();
        shown_total += n;
        let open = state.query_region.is_some() || ctx.ui.open_lists.contains(&key);
        let mut list = Vec::new();
        for f in g.found.iter().take(if open { n } else { FIRST }) {
            list.push(hit(ctx, &passages[f.passage], &query));
        }
        let section = El::new(ctx.doc, "section")
            .class("group hits")
            .child(
                El::new(ctx.doc, "h3")
                    .text(&name)
                    .text(" ")
                    .child(El::new(ctx.doc, "span").class("count").text(&n.to_string())),
            )
            .child(El::new(ctx.doc, "ol").children(list));
        out = out.child(if n > FIRST && state.query_region.is_none() {
            section.child(more_button(ctx, &key, n, open, &name))
        } else {
            section
        });
    }
    let summary = search_summary(ctx.lang, &query.terms.join(" "), shown_total, groups.len());
    (out, summary)
}
