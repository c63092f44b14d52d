//! What a widget computes for a state, and keeps: a reader switches back and forth between
//! a few comparisons, and each comes back at once.

use std::rc::Rc;

use super::ctx::Data;
use super::session::Session;
use crate::bundle::Theme;
use crate::compare::{Alignment, Side, TargetTable};
use crate::view::{LazyComparison, State, View};

/// How many of each a widget keeps.
const KEEP: usize = 12;

/// Left and right sides: region ids, or `region/document`.
type Pair = (String, String);
/// A comparison's key: the regions and the theme (`None`: all).
type Key = (Pair, Option<Theme>);

/// Comparisons and target tables already made for one bundle, most recent last.
#[derive(Default)]
pub struct Cache {
    comparisons: Vec<(Key, Rc<LazyComparison>)>,
    targets: Vec<(Pair, Rc<TargetTable>)>,
}

impl Cache {
    /// What the view of `state` needs: computed once, then taken from the cache.
    pub fn data(&mut self, session: &Session, state: &State) -> Data {
        // A side is a region or one of its documents (`region/document`).
        let (left, right) = (state.left_side(), state.right_side());
        let pair = (left.clone(), right.clone());
        let comparer = &session.comparer;
        let mut comparison = |theme: Option<Theme>| {
            cached(&mut self.comparisons, (pair.clone(), theme), || {
                // Ids were validated against the bundle with the state.
                let alignment = comparer
                    .align(&left, &right, theme.map_or("all", |t| t.id()))
                    .unwrap_or_else(|_| empty());
                LazyComparison::new(alignment)
            })
        };
        let current = comparison(state.theme);
        // The overview is about all themes whatever the tab; the other views need only
        // the current one.
        let all = (state.view == View::Overview).then(|| comparison(None));
        let targets = cached(&mut self.targets, pair, || {
            comparer
                .targets(&left, &right, "all")
                .unwrap_or_else(|_| TargetTable {
                    left: empty().left,
                    right: empty().right,
                    theme: None,
                    groups: Vec::new(),
                })
        });
        Data {
            comparison: current,
            all,
            targets,
        }
    }
}

/// Returns the cached value for `key`, or computes, caches and returns it.
fn cached<K: PartialEq, V>(cache: &mut Vec<(K, Rc<V>)>, key: K, make: impl FnOnce() -> V) -> Rc<V> {
    if let Some((_, v)) = cache.iter().find(|(k, _)| *k == key) {
        return v.clone();
    }
    if cache.len() >= KEEP {
        cache.remove(0);
    }
    let v = Rc::new(make());
    cache.push((key, v.clone()));
    v
}

/// A comparison of nothing, for ids the state has already checked (never shown).
fn empty() -> Alignment {
    let side = Side {
        region: String::new(),
        zh: String::new(),
        en: String::new(),
        documents: Vec::new(),
    };
    Alignment {
        left: side.clone(),
        right: side,
        theme: None,
        passages: Vec::new(),
        blocks: Vec::new(),
        pairs: Vec::new(),
        coverage: Vec::new(),
        counts: Default::default(),
    }
}
