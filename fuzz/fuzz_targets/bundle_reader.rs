//! The widget's and the CLI's bundle reader on any bytes: an error or a bundle, never a
//! panic; and a bundle it accepts survives being written and read again unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_compare::Bundle;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(bundle) = Bundle::from_json(json) else {
        return;
    };
    let again = Bundle::from_json(&bundle.to_json()).expect("a bundle it wrote reads back");
    // NaN is not equal to itself; JSON cannot hold one, so equality must hold.
    assert_eq!(again, bundle);
});
