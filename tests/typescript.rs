//! The closed sets of the TypeScript types (`www/npm/index.d.ts`, shipped in `pkg/`) list
//! exactly the values the Rust enums serialise to: a variant added in Rust and not in the
//! types (or the other way round) fails here. (tests/npm/types.test.mjs checks the
//! interfaces against real answers of the API.)

use std::collections::BTreeSet;

use policy_compare::bundle::{
    Boilerplate, Canonical, Comparator, MetricKind, RegionKind, Role, Theme,
};
use policy_compare::compare::SpanKind;

const TYPES: &str = include_str!("../www/npm/index.d.ts");

/// The string literals of `export type NAME = 'a' | 'b' …;`.
fn union(name: &str) -> BTreeSet<String> {
    let start = TYPES
        .find(&format!("export type {name} ="))
        .unwrap_or_else(|| panic!("index.d.ts declares no type {name}"));
    let body = &TYPES[start..];
    let body = &body[..body.find(';').expect("the declaration ends")];
    body.split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn serde_names<T: serde::Serialize>(values: impl IntoIterator<Item = T>) -> BTreeSet<String> {
    values
        .into_iter()
        .map(|v| {
            serde_json::to_value(v)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn closed_sets_with_a_list_of_all_values() {
    assert_eq!(union("ThemeId"), serde_names(Theme::ALL));
    assert_eq!(union("Role"), serde_names(Role::ALL));
    assert_eq!(union("Boilerplate"), serde_names(Boilerplate::ALL));
    assert_eq!(union("Comparator"), serde_names(Comparator::ALL));
}

#[test]
fn closed_sets_listed_here() {
    // Each list is kept complete by the `match` beside it: a new variant does not compile
    // until it is added to the list, and then fails until it is added to the types.
    let spans = [
        SpanKind::Same,
        SpanKind::Reused,
        SpanKind::Changed,
        SpanKind::Moved,
        SpanKind::Shared,
        SpanKind::Plain,
    ];
    for s in spans {
        match s {
            SpanKind::Same
            | SpanKind::Reused
            | SpanKind::Changed
            | SpanKind::Moved
            | SpanKind::Shared
            | SpanKind::Plain => {}
        }
    }
    assert_eq!(union("SpanKind"), serde_names(spans));

    let kinds = [MetricKind::Target, MetricKind::Baseline, MetricKind::Other];
    for k in kinds {
        match k {
            MetricKind::Target | MetricKind::Baseline | MetricKind::Other => {}
        }
    }
    assert_eq!(union("MetricKind"), serde_names(kinds));

    let regions = [RegionKind::Province, RegionKind::City, RegionKind::National];
    for r in regions {
        match r {
            RegionKind::Province | RegionKind::City | RegionKind::National => {}
        }
    }
    assert_eq!(union("RegionKind"), serde_names(regions));

    let units = [
        Canonical::Usd,
        Canonical::Cny,
        Canonical::Tonnes,
        Canonical::Teu,
        Canonical::PersonTrips,
        Canonical::Persons,
        Canonical::Percent,
        Canonical::Times,
        Canonical::SquareKilometres,
        Canonical::Kilometres,
    ];
    for u in units {
        match u {
            Canonical::Usd
            | Canonical::Cny
            | Canonical::Tonnes
            | Canonical::Teu
            | Canonical::PersonTrips
            | Canonical::Persons
            | Canonical::Percent
            | Canonical::Times
            | Canonical::SquareKilometres
            | Canonical::Kilometres => {}
        }
    }
    assert_eq!(union("Canonical"), serde_names(units));
}
