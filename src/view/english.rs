//! Amounts in English: value, unit, comparator, magnitude and scope of a statement as an
//! English reader writes them (`突破300亿美元` → `over 30 bn USD`, `5个以上` of parks →
//! `≥ 5 parks`, `每周八班` → `8 trains a week`), and the English name of its canonical
//! indicator. The quote stays Chinese: it is the evidence.
//!
//! Magnitudes come from the value in its canonical unit (`300亿美元` is 3×10¹⁰ USD, shown
//! `30 bn`), so `亿` and `万` never reach the English text.

use super::format::number;
use crate::bundle::{Canonical, Comparator};
use crate::compare::targets::TargetRef;
use crate::metrics::indicators;
use crate::metrics::units;

/// The English name of a canonical indicator (`Outbound investment`).
pub fn indicator(id: &str) -> Option<&'static str> {
    indicators::names(id).map(|x| x.1)
}

/// A statement's amount in English: comparator, value (a range as `5–10`), magnitude,
/// unit and what it is per.
pub fn amount(t: &TargetRef) -> String {
    let noun = t
        .indicator_id
        .as_deref()
        .and_then(indicators::names)
        .and_then(|x| x.2);
    match t.comparator {
        Some(Comparator::DoublesOnce | Comparator::Doubles) => {
            return with_per("×2 (doubling)".to_owned(), t.per());
        }
        Some(Comparator::DoublesTwice) => {
            return with_per("×4 (doubling twice)".to_owned(), t.per());
        }
        _ => {}
    }
    let magnitude = units::in_key_unit(1.0, &t.unit);
    let (low, high) = (t.value * magnitude, t.value_max.map(|v| v * magnitude));
    let canonical = units::canonical(&t.unit).map(|(c, _)| c);
    let figure = |scale: f64| match high {
        Some(h) => format!("{}–{}", grouped(low / scale), grouped(h / scale)),
        None => grouped(low / scale),
    };
    let top = high.unwrap_or(low).abs();
    let (scale, word) = if top >= 1e9 {
        (1e9, " bn")
    } else if top >= 1e6 {
        (1e6, " mn")
    } else {
        (1.0, "")
    };
    let bare = indicators::bare_unit(&t.unit);
    let value = if t.unit == "位" {
        format!("No. {}", figure(1.0))
    } else {
        let unit = match canonical {
            Some(Canonical::Usd) => " USD".to_owned(),
            Some(Canonical::Cny) => " CNY".to_owned(),
            Some(Canonical::Tonnes) => " t".to_owned(),
            Some(Canonical::Teu) => " TEU".to_owned(),
            Some(Canonical::PersonTrips) => " person-trips".to_owned(),
            Some(Canonical::Persons) => format!(" {}", noun.unwrap_or("people")),
            Some(Canonical::Percent) => "%".to_owned(),
            Some(Canonical::Times) => " times".to_owned(),
            Some(Canonical::SquareKilometres) => " km²".to_owned(),
            Some(Canonical::Kilometres) => " km".to_owned(),
            None => noun
                .or_else(|| count_word(bare))
                .map_or(String::new(), |n| format!(" {n}")),
        };
        format!("{}{word}{unit}", figure(scale))
    };
    let rate = if t.unit.ends_with("/年") {
        " a year"
    } else {
        ""
    };
    let prefix = match t.comparator {
        Some(
            Comparator::AtLeast
            | Comparator::NotBelow
            | Comparator::NotFewer
            | Comparator::AtLeastSo,
        ) if high.is_some() => "at least ",
        Some(
            Comparator::AtLeast
            | Comparator::NotBelow
            | Comparator::NotFewer
            | Comparator::AtLeastSo,
        ) => "≥ ",
        Some(
            Comparator::Exceeds | Comparator::BreaksThrough | Comparator::Over | Comparator::Odd,
        ) => "over ",
        Some(Comparator::AtMost | Comparator::NotAbove | Comparator::Within) => "≤ ",
        Some(Comparator::About) => "about ",
        Some(Comparator::Adds | Comparator::AddsRoutes) => "+",
        Some(Comparator::Cumulative) => "cumulative ",
        _ => "",
    };
    with_per(format!("{prefix}{value}{rate}"), t.per())
}

fn with_per(amount: String, per: Option<&str>) -> String {
    let per = match per {
        None => return amount,
        Some("年") => " a year".to_owned(),
        Some("周") => " a week".to_owned(),
        Some("月") => " a month".to_owned(),
        Some("天" | "日") => " a day".to_owned(),
        Some("市") => " per city".to_owned(),
        Some("县") => " per county".to_owned(),
        Some("所" | "校") => " per school".to_owned(),
        // A group of which each counts its own (`省属骨干本科院校`): named as written.
        Some(group) => format!(" each ({group})"),
    };
    amount + &per
}

/// English for the count words that say what they count.
fn count_word(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "人" | "名" => "people",
        "人次" => "person-trips",
        "人年" => "person-years",
        "届" => "editions",
        "次" => "times",
        "对" => "pairs",
        "列" => "trains",
        "班" => "services",
        "架次" => "flights",
        "艘" => "ships",
        "国" => "countries",
        _ => return None,
    })
}

/// A number with thousands separators and at most two decimals: `1,500`, `0.25`, `30`.
fn grouped(v: f64) -> String {
    let plain = number(v);
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain.as_str()),
    };
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    if int.len() <= 3 || !int.bytes().all(|b| b.is_ascii_digit()) {
        return plain;
    }
    let mut out = String::with_capacity(plain.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!(
        "{sign}{out}{}",
        frac.map_or(String::new(), |f| format!(".{f}"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{MetricKind, Normalized, Scope};

    fn t(value: f64, max: Option<f64>, unit: &str, c: Option<Comparator>) -> TargetRef {
        TargetRef {
            document: "d".into(),
            paragraph: "p".into(),
            metric: "m".into(),
            quote: String::new(),
            indicator: String::new(),
            indicator_id: None,
            value,
            value_max: max,
            unit: unit.into(),
            year: None,
            comparator: c,
            kind: MetricKind::Target,
            theme: None,
            normalized: units::canonical(unit).map(|(u, f)| Normalized {
                value: value * f,
                value_max: max.map(|m| m * f),
                unit: u,
            }),
            scope: None,
        }
    }

    #[test]
    fn amounts_read_as_an_english_reader_writes_them() {
        use Comparator::*;
        let parks = TargetRef {
            indicator_id: Some("overseas_trade_zones".into()),
            ..t(5.0, None, "个", Some(AtLeast))
        };
        let mut trains = TargetRef {
            indicator_id: Some("china_europe_trains_outbound".into()),
            ..t(8.0, None, "班", Some(Achieves))
        };
        trains.scope = Some(Scope {
            per: Some("周".into()),
            part_of: None,
        });
        let mut schools = TargetRef {
            indicator_id: Some("school_partnerships".into()),
            ..t(5.0, Some(10.0), "所", Some(AtLeastSo))
        };
        schools.scope = Some(Scope {
            per: Some("市".into()),
            part_of: None,
        });
        for (target, english) in [
            (
                t(300.0, None, "亿美元", Some(BreaksThrough)),
                "over 30 bn USD",
            ),
            (parks, "≥ 5 zones"),
            (trains, "8 trains a week"),
            (schools, "at least 5–10 schools per city"),
            (
                t(3000.0, None, "万人次", Some(BreaksThrough)),
                "over 30 mn person-trips",
            ),
            (t(100.0, None, "万吨", Some(Exceeds)), "over 1 mn t"),
            (t(1000.0, None, "万标箱", Some(Builds)), "10 mn TEU"),
            (t(10.0, None, "%", Some(AtLeast)), "≥ 10%"),
            (t(2.0, None, "倍", Some(DoublesOnce)), "×2 (doubling)"),
            (t(7.0, None, "位", None), "No. 7"),
            (t(1500.0, None, "家", Some(Adds)), "+1,500"),
            (t(5000.0, None, "人", Some(Reaches)), "5,000 people"),
            (t(37.0, None, "万元/年", None), "370,000 CNY a year"),
            (t(371.0, None, "万人年", None), "3.71 mn person-years"),
            (t(0.25, None, "", Some(AtLeast)), "≥ 0.25"),
            (t(12.0, None, "届", Some(Holds)), "12 editions"),
            (t(10.0, None, "国", None), "10 countries"),
        ] {
            assert_eq!(amount(&target), english, "{}{}", target.value, target.unit);
        }
    }

    #[test]
    fn canonical_indicators_have_english_names() {
        assert_eq!(
            indicator("outbound_investment"),
            Some("Outbound investment")
        );
        assert_eq!(indicator("nonexistent"), None);
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(grouped(1500.0), "1,500");
        assert_eq!(grouped(10000.0), "10,000");
        assert_eq!(grouped(1234567.5), "1,234,567.5");
        assert_eq!(grouped(-12345.0), "-12,345");
        assert_eq!(grouped(0.25), "0.25");
    }
}
