//! Quantitative statements: every number in the plans, read with its indicator, unit,
//! year, qualifier and kind ([`extract`]), and its value in a canonical unit where one exists
//! ([`units`]). Two regions' targets side by side are the comparison's
//! ([`crate::compare::targets`]).
//!
//! The number reader ([`number`]) knows the forms these plans use; the extraction decides
//! which numbers are statements and what they say.

pub mod csv;
pub mod extract;
pub mod indicators;
pub mod kind;
pub mod marks;
pub mod number;
pub mod phrase;
pub mod sentence;
pub mod units;

pub use extract::document_metrics;
