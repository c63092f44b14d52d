//! Reading a bundle a document at a time, for a page that must answer input while a long
//! bundle is read (no task over 50 ms): the result is exactly [`Bundle::from_bytes`]'s.
//!
//! How: one linear scan finds the top-level `documents` array and where each of its
//! elements begins and ends (strings and escapes skipped, nesting counted); the rest of
//! the bundle is read with that array left empty, then the documents one per step with
//! the same reader and types, then the whole is validated as [`Bundle::from_json`]
//! validates it. Whenever anything is unusual (not an object, no such array or two of
//! them, nesting near the reader's limit, any reading error), the whole text is read by
//! [`Bundle::from_bytes`] instead, so errors are its errors, with its paths and positions.
//!
//! The text is read as bytes, as a server sent them: a page that asks the browser for
//! text has it decoded to UTF-16 and encoded back to UTF-8 for the wasm, both in one task
//! (a third of a second for a 44 MB bundle). Here each part is checked to be UTF-8 as it
//! is read, so that check is sliced too. Every byte is checked: the rest of the bundle
//! and each document are; what lies between documents is space and commas, and any
//! other byte there starts an element of its own, read (and checked) as a document.

use std::ops::Range;

use super::error::BundleError;
use super::json;
use super::types::{Bundle, Document, FORMAT, VERSION};

/// A bundle being read: [`Reading::step`] until it says it is done.
pub struct Reading {
    text: Vec<u8>,
    /// Where the documents are, being found.
    scan: Scan,
    /// The bundle without its documents, once read.
    head: Option<Bundle>,
    /// Each document's text, and the next to read.
    parts: Vec<Range<usize>>,
    next: usize,
    documents: Vec<Document>,
}

impl Reading {
    /// Starts reading `text` (a UTF-8 byte order mark before it is allowed).
    pub fn new(text: String) -> Reading {
        Reading::from_bytes(text.into_bytes())
    }

    /// Starts reading `bytes`, which should be UTF-8 text (a byte order mark before it is
    /// allowed).
    pub fn from_bytes(bytes: Vec<u8>) -> Reading {
        Reading {
            text: bytes,
            scan: Scan::default(),
            head: None,
            parts: Vec::new(),
            next: 0,
            documents: Vec::new(),
        }
    }

    /// How many bytes the text has.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Reads while `more()` says so, and at least one part (the bundle without its
    /// documents, or one document): the bundle or why it cannot be read, once done.
    pub fn step(&mut self, more: &mut dyn FnMut() -> bool) -> Option<Result<Bundle, BundleError>> {
        if self.head.is_none() {
            let text = self
                .text
                .strip_prefix("\u{feff}".as_bytes())
                .unwrap_or(&self.text);
            let found = self.scan.run(text, more)?;
            match found.and_then(|found| self.start(found)) {
                Some(head) => self.head = Some(head),
                None => return Some(Bundle::from_bytes(&self.text)),
            }
            if self.parts.is_empty() {
                return self.finish();
            }
            if !more() {
                return None;
            }
        }
        while let Some(range) = self.parts.get(self.next) {
            let part = self.text.get(range.clone()).map(std::str::from_utf8);
            match part.and_then(Result::ok).map(json::from_str::<Document>) {
                Some(Ok(d)) => self.documents.push(d),
                _ => return Some(Bundle::from_bytes(&self.text)),
            }
            self.next += 1;
            if self.next < self.parts.len() && !more() {
                return None;
            }
        }
        self.finish()
    }

    /// The bundle without its documents (the array the scan found), with the documents'
    /// places in `parts`; `None` when the whole text is to be read at once.
    fn start(&mut self, (array, parts): (Range<usize>, Vec<Range<usize>>)) -> Option<Bundle> {
        let text = self
            .text
            .strip_prefix("\u{feff}".as_bytes())
            .unwrap_or(&self.text);
        let offset = self.text.len() - text.len();
        let mut rest = Vec::with_capacity(text.len() - array.len() + 2);
        rest.extend_from_slice(&text[..array.start]);
        rest.extend_from_slice(b"[]");
        rest.extend_from_slice(&text[array.end..]);
        let head = json::from_str::<Bundle>(&String::from_utf8(rest).ok()?).ok()?;
        if head.format != FORMAT || head.version != VERSION {
            return None;
        }
        self.parts = parts
            .into_iter()
            .map(|r| r.start + offset..r.end + offset)
            .collect();
        Some(head)
    }

    fn finish(&mut self) -> Option<Result<Bundle, BundleError>> {
        let mut bundle = self.head.take()?;
        bundle.documents = std::mem::take(&mut self.documents);
        self.parts.clear();
        Some(bundle.validate().map(|()| bundle))
    }
}

/// Where the top-level `documents` array is (its `[` to its `]`), and each element of it;
/// `None` unless the text is one object with exactly one such array, nested well within
/// the reader's limit.
#[cfg(test)]
fn documents(b: &[u8]) -> Found {
    let mut scan = Scan::default();
    loop {
        if let Some(done) = scan.run(b, &mut || true) {
            return done;
        }
    }
}

/// Where the `documents` array and its elements are, if they are to be read that way.
type Found = Option<(Range<usize>, Vec<Range<usize>>)>;

/// The scan for the `documents` array, a slice at a time: it may stop after each element
/// of the array (a document) and go on from there, one linear pass over the text in all.
/// (A 44 MB bundle took a tenth of a second to scan in one task.)
#[derive(Default)]
struct Scan {
    i: usize,
    started: bool,
    depth: usize,
    found: Found,
    /// In the object: at a key (depth 1), the key's text decides.
    key: Option<Range<usize>>,
    /// The documents array being scanned: its start, and the start of the current element.
    array: Option<(usize, Vec<Range<usize>>, Option<usize>)>,
}

impl Scan {
    /// Goes on scanning `b` (the same text at every call) until done — the array and its
    /// elements, or `None` unless the text is one object with exactly one such array,
    /// nested well within the reader's limit — or until `more()` says to stop after an
    /// element: then `None`.
    fn run(&mut self, b: &[u8], more: &mut dyn FnMut() -> bool) -> Option<Found> {
        if !self.started {
            self.started = true;
            self.i = skip_space(b, 0);
            if b.get(self.i) != Some(&b'{') {
                return Some(None);
            }
        }
        let Scan {
            i,
            depth,
            found,
            key,
            array,
            ..
        } = self;
        while *i < b.len() {
            match b[*i] {
                b'"' => {
                    let start = *i;
                    let Some(end) = skip_string(b, *i) else {
                        return Some(None);
                    };
                    *i = end;
                    if *depth == 1 && key.is_none() && b.get(skip_space(b, *i)) == Some(&b':') {
                        *key = Some(start + 1..*i - 1);
                    }
                    if let Some((_, _, element @ None)) = array
                        && *depth == 2
                    {
                        *element = Some(start);
                    }
                    continue;
                }
                b'{' | b'[' => {
                    if let Some((_, _, element @ None)) = array
                        && *depth == 2
                    {
                        *element = Some(*i);
                    }
                    *depth += 1;
                    if *depth + 2 >= json::MAX_DEPTH {
                        return Some(None);
                    }
                    if *depth == 2
                        && b[*i] == b'['
                        && key.as_ref().is_some_and(|k| &b[k.clone()] == b"documents")
                    {
                        if found.is_some() {
                            return Some(None);
                        }
                        *array = Some((*i, Vec::new(), None));
                    }
                }
                b'}' | b']' => {
                    if *depth == 2
                        && let Some((start, mut parts, element)) = array.take()
                    {
                        if let Some(e) = element {
                            parts.push(e..trim_end(b, *i));
                        }
                        *found = Some((start..*i + 1, parts));
                    }
                    let Some(up) = depth.checked_sub(1) else {
                        return Some(None);
                    };
                    *depth = up;
                    if *depth == 2
                        && let Some((_, parts, element)) = array
                        && let Some(e) = element.take()
                    {
                        parts.push(e..*i + 1);
                        // A document scanned: a place to stop.
                        if !more() {
                            *i += 1;
                            return None;
                        }
                    }
                    if *depth == 0 {
                        // Past the object: only space may follow (the reader says the rest).
                        return Some(if skip_space(b, *i + 1) == b.len() {
                            found.take()
                        } else {
                            None
                        });
                    }
                }
                b',' => {
                    if *depth == 1 {
                        *key = None;
                    }
                    if *depth == 2
                        && let Some((_, parts, element)) = array
                        && let Some(e) = element.take()
                    {
                        parts.push(e..trim_end(b, *i));
                    }
                }
                b' ' | b'\t' | b'\n' | b'\r' | b':' => {}
                _ => {
                    // A bare value (number, true, false, null) as an element.
                    if let Some((_, _, element @ None)) = array
                        && *depth == 2
                    {
                        *element = Some(*i);
                    }
                }
            }
            *i += 1;
        }
        Some(None)
    }
}

fn skip_space(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The end of the space-trimmed text before `end`.
fn trim_end(b: &[u8], mut end: usize) -> usize {
    while end > 0 && matches!(b[end - 1], b' ' | b'\t' | b'\n' | b'\r') {
        end -= 1;
    }
    end
}

/// Past the string that starts at `i` (its closing quote included); `None` if it does
/// not end.
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, per_step: usize) -> (Result<Bundle, String>, usize) {
        read_bytes(text.as_bytes(), per_step)
    }

    fn read_bytes(text: &[u8], per_step: usize) -> (Result<Bundle, String>, usize) {
        let mut reading = Reading::from_bytes(text.to_vec());
        let mut steps = 0;
        loop {
            steps += 1;
            let mut budget = per_step;
            if let Some(result) = reading.step(&mut || {
                budget -= 1;
                budget > 0
            }) {
                return (result.map_err(|e| e.to_string()), steps);
            }
        }
    }

    fn shipped() -> String {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/bundle.json"))
            .expect("www/bundle.json")
    }

    #[test]
    fn the_shipped_bundle_reads_a_document_at_a_time_as_in_one_call() {
        let text = shipped();
        let whole = Bundle::from_json(&text).unwrap();
        // A step at most per document found by the scan, then per document read.
        let (sliced, steps) = read(&text, 1);
        assert_eq!(sliced.unwrap(), whole);
        assert_eq!(steps, 2 * whole.documents.len() + 1);
        let (sliced, steps) = read(&format!("\u{feff}{text}"), 10);
        assert_eq!(sliced.unwrap(), whole);
        assert!(steps < 8, "{steps}");
    }

    #[test]
    fn documents_are_found_whatever_the_spacing_and_order_of_fields() {
        let text =
            r#" { "documents" : [ {"a": "]}\"[{"} , [1, {"b": 2}] ,3,"x" ] , "format": 1 }  "#;
        let (array, parts) = documents(text.as_bytes()).unwrap();
        assert_eq!(
            &text[array],
            r#"[ {"a": "]}\"[{"} , [1, {"b": 2}] ,3,"x" ]"#
        );
        let parts: Vec<&str> = parts.into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            [r#"{"a": "]}\"[{"}"#, r#"[1, {"b": 2}]"#, "3", r#""x""#]
        );
        assert_eq!(documents(br#"{"documents": []}"#).unwrap().1, []);
        // Two arrays, none, a nested one only, trailing text, not an object.
        for bad in [
            r#"{"documents": [], "documents": []}"#,
            r#"{"format": []}"#,
            r#"{"x": {"documents": [1]}}"#,
            r#"{"documents": [1]} x"#,
            r#"[{"documents": [1]}]"#,
            r#"{"documents": [1"#,
        ] {
            assert!(documents(bad.as_bytes()).is_none(), "{bad}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        /// Against the naive reference, one call of the whole reader: a small edit
        /// anywhere in the shipped bundle (a bracket, quote, comma, colon or backslash
        /// put in, or a byte taken out).
        #[test]
        fn an_edited_bundle_reads_as_in_one_call(at in 0usize..1_000_000, put in "[\\[\\]{}\",:\\\\]?") {
            let text = shipped();
            let mut at = at % text.len();
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let edited = if put.is_empty() {
                let next = text[at..].chars().next().map_or(0, char::len_utf8);
                format!("{}{}", &text[..at], &text[at + next..])
            } else {
                format!("{}{put}{}", &text[..at], &text[at..])
            };
            let whole = Bundle::from_json(&edited).map_err(|e| e.to_string());
            proptest::prop_assert_eq!(read(&edited, 3).0, whole);
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_anywhere_get_the_error_of_one_call() {
        let text = shipped().into_bytes();
        // In the rest of the bundle, in a document, between two documents, at the end.
        let first = text.windows(7).position(|w| w == b"\"title\"").unwrap();
        let document = text
            .windows(12)
            .rposition(|w| w == b"\"paragraphs\"")
            .unwrap();
        let between = documents(&text).unwrap().1[0].end;
        for (at, put) in [
            (first, &b"\xff"[..]),
            (document, b"\xe4\xb8"),
            (between, b"\xc0"),
            (text.len(), b"\xe4"),
        ] {
            let mut bad = text.clone();
            bad.splice(at..at, put.iter().copied());
            let whole = Bundle::from_bytes(&bad).map_err(|e| e.to_string());
            assert!(
                whole.as_ref().is_err_and(|e| e.contains("not UTF-8")),
                "{whole:?}"
            );
            assert_eq!(read_bytes(&bad, 1).0, whole);
        }
    }

    #[test]
    fn a_broken_bundle_gets_the_error_of_one_call() {
        let text = shipped();
        let cuts = [
            text.replacen("\"paragraphs\"", "\"paragraphz\"", 1),
            text.replacen("\"title\":", "\"title\":1,\"x\":", 3),
            text.replacen("\"id\":", "\"id\": [", 7),
            text.replacen("\"version\": 1", "\"version\": 2", 1),
            text[..(0..=text.len() / 2)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0)]
                .to_owned(),
            format!("{text}{{"),
        ];
        for cut in &cuts {
            let whole = Bundle::from_json(cut).map_err(|e| e.to_string());
            assert!(whole.is_err());
            assert_eq!(read(cut, 1).0, whole);
        }
    }
}
