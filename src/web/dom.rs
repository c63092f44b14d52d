//! A small builder for DOM trees. Text always goes in as text nodes: nothing from a bundle
//! is ever parsed as HTML, so a bundle containing `<img src=x onerror=…>` shows those
//! characters and runs nothing.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, Node};

/// An element being built.
pub struct El {
    pub el: Element,
    doc: Document,
}

const SVG: &str = "http://www.w3.org/2000/svg";

impl El {
    /// A new HTML element.
    pub fn new(doc: &Document, tag: &str) -> El {
        // Creating an element with a valid literal tag name cannot fail.
        let el = doc
            .create_element(tag)
            .or_else(|_| doc.create_element("div"))
            .unwrap_or_else(|_| wasm_bindgen::throw_str("cannot create elements"));
        El {
            el,
            doc: doc.clone(),
        }
    }

    /// A new SVG element.
    pub fn svg(doc: &Document, tag: &str) -> El {
        let el = doc
            .create_element_ns(Some(SVG), tag)
            .or_else(|_| doc.create_element("div"))
            .unwrap_or_else(|_| wasm_bindgen::throw_str("cannot create elements"));
        El {
            el,
            doc: doc.clone(),
        }
    }

    /// Sets an attribute.
    pub fn attr(self, name: &str, value: &str) -> El {
        let _ = self.el.set_attribute(name, value);
        self
    }

    /// Sets an attribute when `on`.
    pub fn attr_if(self, on: bool, name: &str, value: &str) -> El {
        if on { self.attr(name, value) } else { self }
    }

    /// Sets a custom property through the CSS object model: a `style` attribute would be
    /// blocked by a Content-Security-Policy without `'unsafe-inline'` styles.
    pub fn var(self, name: &str, value: &str) -> El {
        if let Some(el) = self.el.dyn_ref::<HtmlElement>() {
            let _ = el.style().set_property(name, value);
        }
        self
    }

    /// Sets the class.
    pub fn class(self, class: &str) -> El {
        self.attr("class", class)
    }

    /// Appends a text node.
    pub fn text(self, text: &str) -> El {
        let _ = self.el.append_child(&self.doc.create_text_node(text));
        self
    }

    /// Appends a child.
    pub fn child(self, child: El) -> El {
        let _ = self.el.append_child(&child.el);
        self
    }

    /// Appends children.
    pub fn children(self, children: impl IntoIterator<Item = El>) -> El {
        self.append_all(&mut children.into_iter())
    }

    /// The body of [`El::children`], compiled once rather than once per kind of iterator
    /// (one copy per kind of iterator, for tens of call sites, would weigh on the size budget).
    fn append_all(self, children: &mut dyn Iterator<Item = El>) -> El {
        let fragment = self.doc.create_document_fragment();
        for child in children {
            let _ = fragment.append_child(&child.el);
        }
        let _ = self.el.append_child(&fragment);
        self
    }

    /// Appends a child element built by `f` if there is one.
    pub fn maybe(self, child: Option<El>) -> El {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    /// The element as a node.
    pub fn node(&self) -> &Node {
        self.el.unchecked_ref()
    }
}
