//! Putting a new drawing on the page by changing the one already there into it.
//!
//! Every change of state draws the whole widget anew from the view model (see
//! [`super::render`]): simple, and the drawing is always what a fresh load of that state
//! draws. But swapping the new tree in for the old one makes the browser style, lay out
//! and shape (CJK text) every node again, while a switch of theme or region changes
//! little of what is drawn: the controls, the tabs (one class moves), the header, often
//! some rows stay. So the new drawing is patched into the old one, and the nodes that
//! stay the same keep their style and layout: the frame after a switch then costs the
//! browser only what changed (`make bench-browser` measures the switch).
//!
//! The rule is a walk, not a tree diff. Two elements whose children are the same kinds of
//! node in the same order are patched in place: attributes set and removed, children
//! pairwise (equal ones left alone). Any other is replaced whole: the rows of another
//! theme differ in number, and replacing a list is quicker than emptying it, and cheaper
//! than matching rows by key. A form control that differs is replaced too: what the
//! reader chose in it is its state, not its attributes. Inline styles go through the CSS
//! object model, as [`super::dom::El::var`] sets them: a `style` attribute set from
//! script is blocked by a Content-Security-Policy without `'unsafe-inline'`.
//!
//! Hand-written rather than a virtual-DOM crate: the widget builds real nodes
//! ([`super::dom`]), and a crate with a tree of its own would weigh more in the wasm than
//! this walk (the widget's size is a budget its tests keep).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, Node};

/// Puts `drawing` into `frame` (which holds one drawing or none): the drawing there is
/// changed into it where the two have the same shape.
pub fn put(frame: &Element, drawing: &Element) {
    match frame.children().item(0) {
        Some(old) if old.tag_name() == drawing.tag_name() => patch(frame, &old, drawing),
        _ => {
            frame.set_inner_html("");
            let _ = frame.append_child(drawing);
        }
    }
}

/// What kind of node this is, for comparing children: an element's tag; `None` for text
/// (the widget draws no other kind).
fn kind(node: Option<Node>) -> Option<String> {
    node?.dyn_ref::<Element>().map(Element::tag_name)
}

/// Changes `old` (a child of `parent`, on the page) into `new` (not on the page; some of
/// its nodes move there).
fn patch(parent: &Node, old: &Element, new: &Element) {
    let (was, now) = (old.child_nodes(), new.child_nodes());
    let n = was.length();
    if n != now.length() || (0..n).any(|k| kind(was.item(k)) != kind(now.item(k))) {
        let _ = parent.replace_child(new, old);
        return;
    }
    attributes(old, new);
    // From the last child: a node that moves from `new` to the page leaves the live list
    // `now`, which shifts only the nodes after it.
    for k in (0..n).rev() {
        let (Some(a), Some(b)) = (was.item(k), now.item(k)) else {
            continue;
        };
        if a.is_equal_node(Some(&b)) {
            continue;
        }
        match (a.dyn_ref::<Element>(), b.dyn_ref::<Element>()) {
            (Some(x), Some(y))
                if !x.is_instance_of::<HtmlSelectElement>()
                    && !x.is_instance_of::<HtmlInputElement>() =>
            {
                patch(old, x, y)
            }
            // Text, and form controls.
            _ => {
                let _ = old.replace_child(&b, &a);
            }
        }
    }
}

/// The names of an element's attributes (which hold no spaces: joined by one, they come
/// over from JavaScript as one string).
fn names(e: &Element) -> String {
    e.get_attribute_names().join(" ").into()
}

/// Gives `old` the attributes of `new`, leaving alone those that are the same.
fn attributes(old: &Element, new: &Element) {
    for name in names(old).split(' ') {
        if new.get_attribute(name).is_none() {
            let _ = old.remove_attribute(name);
        }
    }
    for name in names(new).split(' ') {
        let value = new.get_attribute(name).unwrap_or_default();
        if old.get_attribute(name).as_deref() == Some(&*value) {
            continue;
        }
        // The attribute holds what was set through the object model, serialised.
        if name == "style" {
            // (SVG elements have a `style` too, and the widget sets none on them.)
            old.unchecked_ref::<HtmlElement>()
                .style()
                .set_css_text(&value);
        } else {
            let _ = old.set_attribute(name, &value);
        }
    }
}
