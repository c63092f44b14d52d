//! Prepared bundles, shared by every widget on the page that uses the same one: the bundle
//! is parsed and prepared for comparison once, however many comparisons the page shows.

use std::cell::RefCell;
use std::rc::Rc;

use crate::bundle::{Bundle, BundleError};
use crate::compare::Comparer;

/// A loaded bundle and its comparison engine.
pub struct Session {
    /// The bundle as read.
    pub bundle: Bundle,
    /// The engine over it.
    pub comparer: Comparer,
    /// Region ids that have documents, in bundle order.
    pub with_documents: Vec<String>,
}

thread_local! {
    /// Sessions by bundle key; a page has one or two, so a list does.
    static SESSIONS: RefCell<Vec<(String, Rc<Session>)>> = const { RefCell::new(Vec::new()) };
}

/// The session already prepared for `key`, if any.
pub fn cached(key: &str) -> Option<Rc<Session>> {
    SESSIONS.with(|s| {
        s.borrow()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    })
}

/// Parses and prepares a bundle, and keeps it under `key`.
pub fn load(key: &str, json: &str) -> Result<Rc<Session>, BundleError> {
    if let Some(session) = cached(key) {
        return Ok(session);
    }
    let bundle = Bundle::from_json(json)?;
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
    });
    SESSIONS.with(|s| s.borrow_mut().push((key.to_owned(), session.clone())));
    Ok(session)
}
