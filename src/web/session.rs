//! Prepared bundles, shared by every widget on the page that uses the same one: a bundle
//! is parsed and prepared for comparison once, however many comparisons the page shows,
//! and let go when no widget shows it any more.

use std::cell::RefCell;
use std::hash::{BuildHasher, BuildHasherDefault};
use std::rc::{Rc, Weak};

use rustc_hash::FxHasher;

use crate::bundle::Bundle;
use crate::compare::Comparer;

/// A loaded bundle and its comparison engine.
pub struct Session {
    /// The bundle as read.
    pub bundle: Bundle,
    /// The engine over it.
    pub comparer: Comparer,
    /// Region ids that have documents, in bundle order.
    pub with_documents: Vec<String>,
    /// The search index and the passages' topics, for the views across all regions.
    pub across: super::across::Across,
}

/// A prepared bundle: where it came from, what its text was ([`fingerprint`]), and the
/// session while a widget holds it.
struct Entry {
    key: String,
    text: u64,
    session: Weak<Session>,
}

thread_local! {
    /// A page has one or two bundles, so a list does.
    static SESSIONS: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
}

/// What tells two texts loaded under `key` apart: a hash of the text for a `#id` script
/// in the page (its text can change under the same key), nothing for a URL or the
/// built-in bundle, whose text is what one request returned to every widget waiting for
/// it. (Hashing a 44 MB bundle took a task of its own.)
pub fn fingerprint(key: &str, text: &[u8]) -> u64 {
    if key.starts_with('#') {
        BuildHasherDefault::<FxHasher>::default().hash_one(text)
    } else {
        0
    }
}

/// The session prepared for `key`, if a widget still holds it.
pub fn cached(key: &str) -> Option<Rc<Session>> {
    SESSIONS.with(|s| {
        s.borrow()
            .iter()
            .find(|e| e.key == key)
            .and_then(|e| e.session.upgrade())
    })
}

/// The session prepared for the bundle text loaded under `key` (of [`fingerprint`]
/// `text`), if a widget still holds it.
pub fn known(key: &str, text: u64) -> Option<Rc<Session>> {
    SESSIONS.with(|s| {
        s.borrow()
            .iter()
            .find(|e| e.key == key && e.text == text)
            .and_then(|e| e.session.upgrade())
    })
}

/// The session of `bundle`, read from the text loaded under `key` (of [`fingerprint`]
/// `text`): prepared now, and kept for the other widgets of the page.
pub fn prepare(key: &str, text: u64, bundle: Bundle) -> Rc<Session> {
    super::mark("policy-compare:bundle-read");
    let comparer = Comparer::new(&bundle);
    super::mark("policy-compare:bundle-prepared");
    let mut with_documents: Vec<String> = Vec::new();
    for d in &bundle.documents {
        if !with_documents.contains(&d.region) {
            with_documents.push(d.region.clone());
        }
    }
    let session = Rc::new(Session {
        bundle,
        comparer,
        with_documents,
        across: Default::default(),
    });
    SESSIONS.with(|s| {
        let mut s = s.borrow_mut();
        s.retain(|e| e.key != key && e.session.strong_count() > 0);
        s.push(Entry {
            key: key.to_owned(),
            text,
            session: Rc::downgrade(&session),
        });
    });
    session
}
