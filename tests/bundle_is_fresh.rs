//! The committed bundle is exactly what the builder makes from the vendored corpus: no
//! hand edits, no stale build.

mod common;

#[test]
fn committed_bundle_equals_a_fresh_build() {
    let committed = include_str!("../www/bundle.json");
    let fresh = common::bundle().to_json();
    assert!(
        committed == fresh,
        "www/bundle.json differs from a fresh build of {}: run `make bundle` and commit the result (never edit the bundle by hand)",
        common::CORPUS_PATH
    );
}

#[test]
fn the_build_is_deterministic_and_records_its_corpus() {
    let again = policy_compare::build_bundle(common::CORPUS, common::CORPUS_PATH).unwrap();
    assert_eq!(&again, common::bundle());
    assert_eq!(
        again.corpus.sha256,
        "6bdbb40ad1c5810936cccbd7557c369794a80643a88d039b8c15931530113ebc"
    );
    assert_eq!(again.documents.len(), 27);
}

#[test]
fn the_bundle_reads_back_through_the_widget_reader() {
    let json = common::bundle().to_json();
    let read = policy_compare::Bundle::from_json(&json).expect("bundle validates");
    assert_eq!(&read, common::bundle());
}
