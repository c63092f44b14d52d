//! The number reader at every character of any text: a number that starts where asked,
//! ends inside the text on a character boundary, and has a value that is a number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_compare::metrics::number::{chinese_value, read_at};

fuzz_target!(|text: &str| {
    for (at, _) in text.char_indices() {
        let Some(n) = read_at(text, at) else {
            continue;
        };
        assert_eq!(n.start, at);
        assert!(n.end > n.start && n.end <= text.len(), "{n:?}");
        assert!(text.is_char_boundary(n.end), "{n:?}");
        assert!(!n.value.is_nan(), "{n:?}");
        if let Some(max) = n.value_max {
            assert!(max > n.value, "{n:?}");
        }
    }
    let _ = chinese_value(text);
    // Not a character boundary: nothing, rather than a panic.
    for at in 0..=text.len() + 1 {
        if !text.is_char_boundary(at) {
            assert!(read_at(text, at).is_none());
        }
    }
});
