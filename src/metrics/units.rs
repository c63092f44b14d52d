//! Units: recognising the unit after a number (magnitude characters included: `亿美元`,
//! `万吨`), and mapping it to a canonical unit where one exists, so that `300亿美元` and
//! `5000万美元` compare as 3×10¹⁰ and 5×10⁷ US dollars.

use crate::bundle::Canonical;

/// What a unit word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A measure with a canonical unit.
    Measure(Canonical),
    /// A count of things (`个`, `家`, `条`): comparable only with the same word.
    Count,
    /// A duration or a date part (`年`, `月`, `天`): numbers with these are not metrics.
    Time,
}

/// Unit words, longest first where one is a prefix of another.
const UNITS: &[(&str, Kind)] = &[
    ("美元", Kind::Measure(Canonical::Usd)),
    ("人民币", Kind::Measure(Canonical::Cny)),
    ("元", Kind::Measure(Canonical::Cny)),
    ("吨级", Kind::Count),
    ("吨", Kind::Measure(Canonical::Tonnes)),
    ("标箱", Kind::Measure(Canonical::Teu)),
    ("TEU", Kind::Measure(Canonical::Teu)),
    ("人次", Kind::Measure(Canonical::PersonTrips)),
    ("人年", Kind::Count),
    ("人", Kind::Measure(Canonical::Persons)),
    ("名", Kind::Measure(Canonical::Persons)),
    ("%", Kind::Measure(Canonical::Percent)),
    ("％", Kind::Measure(Canonical::Percent)),
    ("个百分点", Kind::Count),
    ("倍", Kind::Measure(Canonical::Times)),
    ("平方公里", Kind::Measure(Canonical::SquareKilometres)),
    ("公里", Kind::Measure(Canonical::Kilometres)),
    ("千米", Kind::Measure(Canonical::Kilometres)),
    ("个月", Kind::Time),
    ("个", Kind::Count),
    ("家", Kind::Count),
    ("项", Kind::Count),
    ("条", Kind::Count),
    ("座", Kind::Count),
    ("所", Kind::Count),
    ("户", Kind::Count),
    ("部", Kind::Count),
    ("批", Kind::Count),
    ("对", Kind::Count),
    ("国", Kind::Count),
    ("列", Kind::Count),
    ("班", Kind::Count),
    ("架次", Kind::Count),
    ("架", Kind::Count),
    ("艘", Kind::Count),
    ("辆", Kind::Count),
    ("台", Kind::Count),
    ("套", Kind::Count),
    ("件", Kind::Count),
    ("种", Kind::Count),
    ("类", Kind::Count),
    ("大", Kind::Count),
    ("张", Kind::Count),
    ("处", Kind::Count),
    ("支", Kind::Count),
    ("次", Kind::Count),
    ("强", Kind::Count),
    ("届", Kind::Count),
    ("亩", Kind::Count),
    ("位", Kind::Count),
    ("年", Kind::Time),
    ("月", Kind::Time),
    ("日", Kind::Time),
    ("号", Kind::Time),
    ("天", Kind::Time),
    ("周", Kind::Time),
    ("小时", Kind::Time),
    ("岁", Kind::Time),
    ("期", Kind::Time),
];

/// A unit as read after a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit<'a> {
    /// The unit as written, magnitude included (`亿美元`).
    pub text: &'a str,
    /// The multiplier of its magnitude characters (`亿` = 10⁸, none = 1).
    pub magnitude: f64,
    /// What it measures.
    pub kind: Kind,
}

fn magnitude(c: char) -> Option<f64> {
    match c {
        '万' => Some(1e4),
        '亿' => Some(1e8),
        '千' => Some(1e3),
        '百' => Some(1e2),
        _ => None,
    }
}

/// Reads the unit at the start of `rest`: magnitude characters (`万`, `亿`, and `千`/`百`
/// before another magnitude), then a unit word. A bare magnitude (`一百万` with nothing
/// after) is a unit of its own.
pub fn read(rest: &str) -> Option<Unit<'_>> {
    let mut mult = 1.0;
    let mut len = 0;
    // A unit has at most a few magnitude characters (`千万`, `万亿`); a longer run of them is
    // no unit, and reading it all from each of its positions would be quadratic.
    for c in rest.chars().take(4) {
        match magnitude(c) {
            // `千`/`百` alone are numerals, not magnitudes; they count here only in
            // combinations like `千万`.
            Some(m)
                if c == '万'
                    || c == '亿'
                    || rest[len + c.len_utf8()..].starts_with(['万', '亿']) =>
            {
                mult *= m;
                len += c.len_utf8();
            }
            _ => break,
        }
    }
    let after = &rest[len..];
    for &(word, kind) in UNITS {
        if after.starts_with(word) {
            // A rate keeps its period: `万元/年`.
            let mut end = len + word.len();
            if kind != Kind::Time && rest[end..].starts_with("/年") {
                end += "/年".len();
            }
            return Some(Unit {
                text: &rest[..end],
                magnitude: mult,
                kind,
            });
        }
    }
    (len > 0).then(|| Unit {
        text: &rest[..len],
        magnitude: mult,
        kind: Kind::Count,
    })
}

/// The canonical unit and the factor from the written unit to it, if there is one.
pub fn canonical(unit: &str) -> Option<(Canonical, f64)> {
    let unit = read(unit)?;
    match unit.kind {
        Kind::Measure(c) => Some((c, unit.magnitude)),
        _ => None,
    }
}

/// The unit in which two values can be compared: a canonical unit (`亿美元` and `万美元`
/// are both US dollars), or the unit word without its magnitude for counts (`万个` and `个`
/// are both `个`). Values in different units are never compared.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum UnitKey {
    /// A canonical unit.
    Canonical(Canonical),
    /// A count word (`个`, `家`, `位`), or the unit as written when it is neither.
    Word(String),
}

impl UnitKey {
    /// The key of a unit as written.
    pub fn of(unit: &str) -> UnitKey {
        match canonical(unit) {
            Some((c, _)) => UnitKey::Canonical(c),
            None => UnitKey::Word(unit.trim_start_matches(['万', '亿', '千', '百']).to_owned()),
        }
    }

    /// A short name: the canonical unit's id (`usd`) or the word (`个`).
    pub fn name(&self) -> String {
        match self {
            UnitKey::Canonical(c) => c.id().to_owned(),
            UnitKey::Word(w) => w.clone(),
        }
    }
}

/// A value in its [`UnitKey`]: `300` `亿美元` → 3×10¹⁰; `2` `万个` → 20,000.
pub fn in_key_unit(value: f64, unit: &str) -> f64 {
    match canonical(unit) {
        Some((_, factor)) => value * factor,
        None => value * read(unit).map_or(1.0, |u| u.magnitude),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_keep_their_magnitude() {
        for (text, unit, mult) in [
            ("亿美元、利用外资", "亿美元", 1e8),
            ("万吨、客运量", "万吨", 1e4),
            ("万人次", "万人次", 1e4),
            ("个全国茶叶知名品牌", "个", 1.0),
            ("万标箱", "万标箱", 1e4),
            ("%在税前", "%", 1.0),
            ("万（折合", "万", 1e4),
            ("吨级直升机", "吨级", 1.0),
            ("万人年以上", "万人年", 1e4),
            ("万元/年", "万元/年", 1e4),
        ] {
            let u = read(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((u.text, u.magnitude), (unit, mult), "{text}");
        }
        assert_eq!(read("建设"), None);
        assert_eq!(read("年").map(|u| u.kind), Some(Kind::Time));
    }

    #[test]
    fn a_run_of_magnitudes_is_read_only_as_far_as_a_unit_goes() {
        let run = "万".repeat(1000);
        assert!(read(&run).is_some_and(|u| u.text.chars().count() <= 4));
    }

    #[test]
    fn canonical_units_and_factors() {
        assert_eq!(canonical("亿美元"), Some((Canonical::Usd, 1e8)));
        assert_eq!(canonical("万吨"), Some((Canonical::Tonnes, 1e4)));
        assert_eq!(canonical("万人次"), Some((Canonical::PersonTrips, 1e4)));
        assert_eq!(canonical("%"), Some((Canonical::Percent, 1.0)));
        assert_eq!(canonical("个"), None);
    }

    #[test]
    fn unit_keys_group_what_compares() {
        assert_eq!(UnitKey::of("亿美元"), UnitKey::of("万美元"));
        assert_eq!(UnitKey::of("万个"), UnitKey::of("个"));
        assert_ne!(UnitKey::of("个"), UnitKey::of("家"));
        assert_ne!(UnitKey::of("万吨"), UnitKey::of("万人次"));
        assert_eq!(in_key_unit(300.0, "亿美元"), 3e10);
        assert_eq!(in_key_unit(2.0, "万个"), 2e4);
        assert_eq!(UnitKey::of("亿美元").name(), "usd");
    }
}
