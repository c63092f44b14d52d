//! Calendar dates as the plans print them (`2018-1-10`, `2017年12月25日`) and as the
//! bundle stores them (ISO `2018-01-10`). A small type instead of a date crate: the
//! corpus needs only validation and formatting, never arithmetic or time zones.

use std::fmt;

/// A valid Gregorian date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, if it exists on the calendar (years 1000–2999).
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        if !(1000..=2999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days).then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Parses `Y-M-D` with one- or two-digit month and day (`2018-1-10`, `2018-01-10`).
    pub fn parse_dashed(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || !(1..=2).contains(&m.len()) {
            return None;
        }
        if !(1..=2).contains(&d.len()) {
            return None;
        }
        Date::new(number(y)?, number(m)?, number(d)?)
    }

    /// Parses a strict ISO date (`2018-01-10`).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let date = Date::parse_dashed(text)?;
        (date.to_string() == text).then_some(date)
    }

    /// Parses a Chinese date (`2017年12月25日`), ignoring spaces.
    pub fn parse_chinese(text: &str) -> Option<Date> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let (y, rest) = compact.split_once('年')?;
        let (m, rest) = rest.split_once('月')?;
        let d = rest.strip_suffix('日')?;
        if y.len() != 4 || m.is_empty() || m.len() > 2 || d.is_empty() || d.len() > 2 {
            return None;
        }
        Date::new(number(y)?, number(m)?, number(d)?)
    }

    /// The year.
    pub fn year(self) -> u32 {
        u32::from(self.year)
    }
}

fn number(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashed_dates_are_normalised_to_iso() {
        assert_eq!(
            Date::parse_dashed("2018-1-10").unwrap().to_string(),
            "2018-01-10"
        );
        assert_eq!(
            Date::parse_dashed("2016-06-21").unwrap().to_string(),
            "2016-06-21"
        );
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for bad in [
            "2017-2-29",
            "2016-13-01",
            "2016-0-1",
            "16-1-1",
            "2016-1",
            "2016-1-1-1",
            "2016-a-1",
            "",
        ] {
            assert_eq!(Date::parse_dashed(bad), None, "{bad}");
        }
        assert!(Date::parse_dashed("2016-2-29").is_some());
    }

    #[test]
    fn iso_is_strict() {
        assert!(Date::parse_iso("2018-01-10").is_some());
        assert!(Date::parse_iso("2018-1-10").is_none());
    }

    #[test]
    fn chinese_dates_tolerate_the_pdf_spaces() {
        assert_eq!(
            Date::parse_chinese("2017年 12月 25日").unwrap().to_string(),
            "2017-12-25"
        );
        assert_eq!(Date::parse_chinese("2017年12月"), None);
        assert_eq!(Date::parse_chinese("2017年13月1日"), None);
    }
}
