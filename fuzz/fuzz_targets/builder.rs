//! The builder on any text: an error with a line inside the text, or a bundle that the
//! reader accepts and whose headings and texts carry no control characters.
//!
//! Half the inputs get a document's title and metadata in front, so that the fuzzer
//! spends its time in the body's parser rather than finding `发布时间：` by chance.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_compare::Bundle;
use policy_compare::corpus::lines::is_forbidden;

const HEAD: &str =
    "江西省参与“一带一路”建设实施方案 \n\n发布时间：2016-10-9 \n\n来源：江西省发改委网站 \n\n";

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(body) = std::str::from_utf8(rest) else {
        return;
    };
    let text = if first & 1 == 1 {
        format!("{HEAD}{body}")
    } else {
        body.to_owned()
    };
    match policy_compare::build_bundle(&text, "fuzz.txt") {
        Err(e) => {
            // Lines are counted from 1 and as the builder splits them (\n, \r\n or \r).
            let lines = text.split('\n').count() + text.matches('\r').count();
            assert!(
                e.line >= 1 && e.line <= lines.max(1),
                "{e} of {lines} lines"
            );
        }
        Ok(bundle) => {
            let json = bundle.to_json();
            let mut read = Bundle::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
            // serde_json reads a number of more than 17 significant digits (a run of 70
            // digits in the text) to within an ulp, not always exactly; its exact mode
            // costs the widget 12 KB. Such values are within rounding; the rest is equal.
            let settle = |read: &mut f64, built: f64| {
                let close = (*read - built).abs() <= read.abs().max(built.abs()) * 1e-15;
                assert!(*read == built || close, "{built} read as {read}");
                *read = built;
            };
            for (d, e) in read.documents.iter_mut().zip(&bundle.documents) {
                for (m, n) in d.metrics.iter_mut().zip(&e.metrics) {
                    settle(&mut m.value, n.value);
                    if let (Some(a), Some(b)) = (&mut m.value_max, n.value_max) {
                        settle(a, b);
                    }
                    if let (Some(a), Some(b)) = (&mut m.normalized, &n.normalized) {
                        settle(&mut a.value, b.value);
                        if let (Some(a), Some(b)) = (&mut a.value_max, b.value_max) {
                            settle(a, b);
                        }
                    }
                }
            }
            assert_eq!(read, bundle);
            for doc in &bundle.documents {
                let mut texts = vec![doc.title.as_str(), doc.source.as_str()];
                texts.extend(doc.all_sections().iter().map(|s| s.heading.as_str()));
                texts.extend(doc.all_paragraphs().iter().map(|p| p.text.as_str()));
                for t in texts {
                    assert!(!t.chars().any(is_forbidden), "{t:?}");
                }
            }
        }
    }
});
