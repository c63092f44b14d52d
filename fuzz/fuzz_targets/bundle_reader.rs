//! The widget's and the CLI's bundle reader on any bytes: an error or a bundle, never a
//! panic (bytes that are not UTF-8 are an error too); the reader a document at a time
//! (the widget's, for long bundles) gives the same bundle or the same error; and a bundle
//! it accepts survives being written and read again unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_compare::Bundle;
use policy_compare::bundle::Reading;

fuzz_target!(|data: &[u8]| {
    let whole = Bundle::from_bytes(data);
    if let Ok(json) = std::str::from_utf8(data) {
        assert_eq!(whole, Bundle::from_json(json));
    }
    let mut reading = Reading::from_bytes(data.to_vec());
    let sliced = loop {
        if let Some(result) = reading.step(&mut || false) {
            break result;
        }
    };
    assert_eq!(
        sliced.as_ref().map_err(ToString::to_string),
        whole.as_ref().map_err(ToString::to_string)
    );
    let Ok(bundle) = whole else {
        return;
    };
    let again = Bundle::from_json(&bundle.to_json()).expect("a bundle it wrote reads back");
    // NaN is not equal to itself; JSON cannot hold one, so equality must hold.
    assert_eq!(again, bundle);
});
