//! One topic everywhere: pick a theme (or a topic of it) and read what every region says
//! on it, one card per region — its targets on it first, then its passages, most on it
//! first — and the regions that say nothing on it, named. Three regions or more are
//! compared here; a card opens its region in the two-column comparison.

use super::across::{self, marked, more_button, place, select, theme_tabs};
use super::ctx::Ctx;
use super::dom::El;
use super::render;
use super::targets::amount;
use crate::bundle::Theme;
use crate::compare::across::{Says, Subject, Topics, everywhere};
use crate::view::snippet::snippet;
use crate::view::{Msg, StateError, topic_summary};

/// Passages shown per card until the reader asks for all.
const FIRST: usize = 3;

/// The byte ranges of `text` where it names topic `k` (its cue words).
fn cues(ctx: &Ctx<'_>, text: &str, k: u16) -> Vec<(usize, usize)> {
    let segmenter = ctx.session.comparer.segmenter();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for h in segmenter.words(text) {
        let covered = out.last().is_some_and(|l| h.start < l.1);
        if !covered && segmenter.entry(h.word).topics.contains(&k) {
            out.push((h.start, h.end));
        }
    }
    out
}

/// One region's card.
fn card(ctx: &Ctx<'_>, s: &Says, topic: Option<u16>, theme: Theme) -> El {
    let passages = ctx.session.comparer.passages();
    let region = ctx.region_name(&s.region);
    let key = format!("topic:{}", s.region);
    let open = ctx.ui.open_lists.contains(&key);
    let n = s.passages.len();
    let mut card = El::new(ctx.doc, "section").class("card").child(
        El::new(ctx.doc, "h3")
            .text(&region)
            .text(" ")
            .child(El::new(ctx.doc, "span").class("count").text(&n.to_string())),
    );
    if !s.targets.is_empty() {
        let mut list = El::new(ctx.doc, "ul")
            .class("targets-on")
            .attr("aria-label", Msg::Targets.text(ctx.lang));
        for t in &s.targets {
            let year = t.year.map(|y| format!(" ({y})")).unwrap_or_default();
            list = list.child(
                El::new(ctx.doc, "li")
                    .child(El::new(ctx.doc, "strong").text(&amount(ctx.lang, t)))
                    .text(&year)
                    .text(" ")
                    .child(El::new(ctx.doc, "q").attr("lang", "zh").text(&t.quote)),
            );
        }
        card = card.child(list);
    }
    let mut list = Vec::new();
    for &i in s.passages.iter().take(if open { n } else { FIRST }) {
        let p = &passages[i];
        let found = topic.map(|k| cues(ctx, &p.text, k)).unwrap_or_default();
        list.push(
            El::new(ctx.doc, "li")
                .child(place(ctx, p))
                .child(marked(ctx, &snippet(&p.text, &found, usize::MAX))),
        );
    }
    let mut actions = El::new(ctx.doc, "p").class("actions");
    if n > FIRST {
        actions = actions.child(more_button(ctx, &key, n, open, &region));
    }
    card.child(El::new(ctx.doc, "ol").class("says").children(list))
        .child(
            actions.child(
                El::new(ctx.doc, "button")
                    .attr("type", "button")
                    .class("link")
                    .attr("data-action", "cell")
                    .attr("data-value", &format!("{}|{}", s.region, theme.id()))
                    .attr("data-key", &format!("compare:{}", s.region))
                    .text(&format!("{} · {region}", Msg::CompareRegion.text(ctx.lang))),
            ),
        )
}

/// The view, and the summary to announce.
pub fn panel(ctx: &Ctx<'_>) -> (El, String) {
    let session = ctx.session;
    let topics = &session.bundle.topics;
    let wanted = ctx.state.topic.as_deref().unwrap_or("");
    let topic = topics.iter().position(|t| t.id == wanted);
    if topic.is_none() && !wanted.is_empty() {
        let message = StateError {
            attribute: "topic",
            value: wanted.to_owned(),
            valid: topics.iter().map(|t| t.id.clone()).collect(),
        }
        .to_string();
        return (render::error(ctx.doc, ctx.lang, &message), message);
    }
    let topic = topic.and_then(|k| u16::try_from(k).ok());
    let theme = match topic {
        Some(k) => topics[usize::from(k)].theme,
        None => ctx.state.theme.unwrap_or(Theme::ALL[0]),
    };
    let mut options = vec![(
        String::new(),
        Msg::WholeTheme.text(ctx.lang).to_owned(),
        topic.is_none(),
    )];
    for t in topics.iter().filter(|t| t.theme == theme) {
        options.push((
            t.id.clone(),
            ctx.lang.pick(&t.zh, &t.en).to_owned(),
            t.id == wanted,
        ));
    }
    let (subject, name) = match topic {
        Some(k) => {
            let t = &topics[usize::from(k)];
            (Subject::Topic(k), ctx.lang.pick(&t.zh, &t.en))
        }
        None => (Subject::Theme(theme), ctx.lang.pick(theme.zh(), theme.en())),
    };
    let none = Topics::default();
    let found = if topic.is_some() {
        across::topics(session)
    } else {
        &none
    };
    let says = everywhere(
        &session.bundle,
        session.comparer.segmenter(),
        session.comparer.passages(),
        found,
        &session.with_documents,
        subject,
    );
    let mut cards = Vec::new();
    let mut speaking = 0;
    for s in &says {
        speaking += usize::from(!s.passages.is_empty());
        cards.push(card(ctx, s, topic, theme));
    }
    let mut silent = Vec::new();
    for r in &session.with_documents {
        if !says.iter().any(|s| s.region == *r) {
            silent.push(ctx.region_name(r));
        }
    }
    let mut out = El::new(ctx.doc, "div")
        .child(theme_tabs(ctx, "topic-theme", false, Some(theme)))
        .child(
            El::new(ctx.doc, "div")
                .class("controls filters")
                .child(select(ctx, "topic", Msg::TopicPicker, options)),
        )
        .child(El::new(ctx.doc, "div").class("cards").children(cards));
    if !silent.is_empty() {
        let list = silent.join(ctx.lang.pick("、", ", "));
        out = out.child(
            El::new(ctx.doc, "p")
                .class("note")
                .text(&format!("{}: {list}", Msg::Silent.text(ctx.lang))),
        );
    }
    (out, topic_summary(ctx.lang, name, speaking))
}
