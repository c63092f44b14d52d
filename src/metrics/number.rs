//! Reading the numbers of the plans: Arabic (`300`, `1.5`, full-width `３`), ranges
//! (`5-10`, `1－3`), Chinese numerals (`五`, `十二`, `两`, `三千`, `一百万`), fractions
//! (`三分之一`), and doubling (`翻一番`, `翻番`).
//!
//! A trailing `万` or `亿` is left to the unit, as the metrics spec asks: `300亿美元` is 300
//! of `亿美元`, `千万标箱` is 1000 of `万标箱`, `一百万吨` is 100 of `万吨`. Only `十`, `百`
//! and `千` multiply inside a Chinese numeral.

/// A number read from a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    /// Byte offset where it starts.
    pub start: usize,
    /// Byte offset just after it (before its unit).
    pub end: usize,
    /// Its value (the lower end of a range).
    pub value: f64,
    /// The upper end of a range.
    pub value_max: Option<f64>,
    /// How it was written.
    pub form: Form,
}

/// How a number was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Arabic digits.
    Arabic,
    /// Chinese numerals.
    Chinese,
    /// `X分之Y`.
    Fraction,
    /// `翻一番`, `翻两番`, `翻番`: the value is the multiplier.
    Doubling,
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn chinese_digit(c: char) -> Option<f64> {
    Some(match c {
        '零' | '〇' => 0.0,
        '一' => 1.0,
        '二' | '两' => 2.0,
        '三' => 3.0,
        '四' => 4.0,
        '五' => 5.0,
        '六' => 6.0,
        '七' => 7.0,
        '八' => 8.0,
        '九' => 9.0,
        _ => return None,
    })
}

fn chinese_multiplier(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1000.0,
        _ => return None,
    })
}

/// The value of a Chinese numeral made of digits and `十百千` (`十二` = 12, `三千` = 3000,
/// `二十五` = 25, `一百零五` = 105). `None` if it is not one.
pub fn chinese_value(numeral: &str) -> Option<f64> {
    let (mut total, mut pending) = (0.0, None::<f64>);
    let mut seen = false;
    for c in numeral.chars() {
        seen = true;
        if let Some(d) = chinese_digit(c) {
            if pending.is_some_and(|p| p != 0.0) {
                // Two digits in a row (`一二`) is not a numeral.
                return None;
            }
            pending = Some(d);
        } else if let Some(m) = chinese_multiplier(c) {
            // `十二`, `千万`: a bare multiplier at the start means one of it.
            let d = match pending {
                Some(d) => d,
                None if total == 0.0 => 1.0,
                None => return None,
            };
            total += d * m;
            pending = None;
        } else {
            return None;
        }
    }
    seen.then(|| total + pending.unwrap_or(0.0))
}

/// Reads the number that starts at byte offset `at` of `text`, if one does.
pub fn read_at(text: &str, at: usize) -> Option<Number> {
    let rest = text.get(at..)?;
    doubling(rest, at)
        .or_else(|| fraction(rest, at))
        .or_else(|| arabic(rest, at))
        .or_else(|| chinese(rest, at))
}

fn doubling(rest: &str, at: usize) -> Option<Number> {
    let (len, value) = if rest.starts_with("翻一番") {
        ("翻一番".len(), 2.0)
    } else if rest.starts_with("翻两番") {
        ("翻两番".len(), 4.0)
    } else if rest.starts_with("翻番") {
        ("翻番".len(), 2.0)
    } else {
        return None;
    };
    Some(Number {
        start: at,
        end: at + len,
        value,
        value_max: None,
        form: Form::Doubling,
    })
}

/// The longest numeral the plans write in Chinese characters (`一百零五`, `二千三百四十五`)
/// is far shorter; reading a longer run would cost its length at each of its positions
/// (quadratic on `一二一二…`), and no such run is a numeral anyway.
const LONGEST_NUMERAL: usize = 12;

/// The longest run of Chinese numeral characters at the start of `rest` (at most
/// [`LONGEST_NUMERAL`]), without a trailing `万`/`亿` (which belongs to the unit).
fn chinese_run(rest: &str) -> &str {
    let len: usize = rest
        .chars()
        .take_while(|&c| chinese_digit(c).is_some() || chinese_multiplier(c).is_some())
        .take(LONGEST_NUMERAL)
        .map(char::len_utf8)
        .sum();
    &rest[..len]
}

fn fraction(rest: &str, at: usize) -> Option<Number> {
    let denominator = chinese_run(rest);
    let after = rest[denominator.len()..].strip_prefix("分之")?;
    let numerator = chinese_run(after);
    let (d, n) = (chinese_value(denominator)?, chinese_value(numerator)?);
    if d == 0.0 {
        return None;
    }
    let len = denominator.len() + "分之".len() + numerator.len();
    Some(Number {
        start: at,
        end: at + len,
        value: n / d,
        value_max: None,
        form: Form::Fraction,
    })
}

/// Reads digits with an optional decimal part; returns (value, byte length).
fn arabic_value(rest: &str) -> Option<(f64, usize)> {
    let mut digits = String::new();
    let mut len = 0;
    let mut chars = rest.chars().peekable();
    while let Some(&c) = chars.peek() {
        if let Some(d) = digit_value(c) {
            digits.push(char::from_digit(d, 10)?);
            len += c.len_utf8();
            chars.next();
        } else if c == '.' && !digits.is_empty() && !digits.contains('.') {
            let mut ahead = chars.clone();
            ahead.next();
            if ahead.peek().and_then(|&n| digit_value(n)).is_none() {
                break;
            }
            digits.push('.');
            len += 1;
            chars.next();
        } else {
            break;
        }
    }
    if digits.is_empty() {
        return None;
    }
    Some((digits.parse().ok()?, len))
}

const RANGE_MARKS: [&str; 6] = ["-", "－", "—", "~", "～", "至"];

fn arabic(rest: &str, at: usize) -> Option<Number> {
    let (value, mut len) = arabic_value(rest)?;
    let mut value_max = None;
    for mark in RANGE_MARKS {
        if let Some(after) = rest[len..].strip_prefix(mark)
            && let Some((high, high_len)) = arabic_value(after)
            && high > value
        {
            value_max = Some(high);
            len += mark.len() + high_len;
            break;
        }
    }
    Some(Number {
        start: at,
        end: at + len,
        value,
        value_max,
        form: Form::Arabic,
    })
}

fn chinese(rest: &str, at: usize) -> Option<Number> {
    let run = chinese_run(rest);
    let value = chinese_value(run)?;
    let mut len = run.len();
    let mut value_max = None;
    // `三至五个`, `五到十`: ranges in Chinese numerals.
    for mark in ["至", "到", "-", "－"] {
        if let Some(after) = rest[len..].strip_prefix(mark) {
            let high_run = chinese_run(after);
            if let Some(high) = chinese_value(high_run).filter(|&h| h > value) {
                value_max = Some(high);
                len += mark.len() + high_run.len();
                break;
            }
        }
    }
    Some(Number {
        start: at,
        end: at + len,
        value,
        value_max,
        form: Form::Chinese,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, value, value_max, the text the number covers): forms from the corpus.
    const CASES: &[(&str, f64, Option<f64>, &str)] = &[
        ("300亿美元", 300.0, None, "300"),
        ("100亿美元", 100.0, None, "100"),
        ("50亿美元", 50.0, None, "50"),
        ("2800人", 2800.0, None, "2800"),
        ("1500家", 1500.0, None, "1500"),
        ("200家陕西品牌", 200.0, None, "200"),
        ("100万吨", 100.0, None, "100"),
        ("3000万人次", 3000.0, None, "3000"),
        ("60万吨", 60.0, None, "60"),
        ("35条", 35.0, None, "35"),
        ("30个以上", 30.0, None, "30"),
        ("15班", 15.0, None, "15"),
        ("4000万人次", 4000.0, None, "4000"),
        ("70万吨", 70.0, None, "70"),
        ("1.5亿", 1.5, None, "1.5"),
        ("75%", 75.0, None, "75"),
        ("175%", 175.0, None, "175"),
        ("51%", 51.0, None, "51"),
        ("8000万元", 8000.0, None, "8000"),
        ("1－3个", 1.0, Some(3.0), "1－3"),
        ("5-10个", 5.0, Some(10.0), "5-10"),
        ("3-4倍", 3.0, Some(4.0), "3-4"),
        ("6-8列", 6.0, Some(8.0), "6-8"),
        ("１００家", 100.0, None, "１００"),
        ("10国", 10.0, None, "10"),
        ("8对", 8.0, None, "8"),
        ("三大战略走向", 3.0, None, "三"),
        ("三张特色牌", 3.0, None, "三"),
        ("一次重大旅游推介活动", 1.0, None, "一"),
        ("两个大局", 2.0, None, "两"),
        ("五大重点工程", 5.0, None, "五"),
        ("十二项", 12.0, None, "十二"),
        ("二十五个", 25.0, None, "二十五"),
        ("一百零五", 105.0, None, "一百零五"),
        ("三千家", 3000.0, None, "三千"),
        ("一百万吨", 100.0, None, "一百"),
        ("千万标箱", 1000.0, None, "千"),
        ("三至五个", 3.0, Some(5.0), "三至五"),
        ("三分之一", 1.0 / 3.0, None, "三分之一"),
        ("四分之一以上", 0.25, None, "四分之一"),
        ("翻一番", 2.0, None, "翻一番"),
        ("翻番", 2.0, None, "翻番"),
        ("翻两番", 4.0, None, "翻两番"),
        ("100多家", 100.0, None, "100"),
    ];

    #[test]
    fn the_number_reader_reads_every_form_of_the_corpus() {
        assert!(CASES.len() >= 40);
        for &(text, value, value_max, covers) in CASES {
            let n = read_at(text, 0).unwrap_or_else(|| panic!("{text}: no number"));
            assert!(
                (n.value - value).abs() < 1e-9,
                "{text}: {} ≠ {value}",
                n.value
            );
            assert_eq!(n.value_max, value_max, "{text}");
            assert_eq!(&text[n.start..n.end], covers, "{text}");
        }
    }

    #[test]
    fn what_is_not_a_number() {
        for text in ["建设", "第", "万里茶道", "亿元", "分之一", "一二三", ""] {
            assert_eq!(read_at(text, 0).filter(|n| n.end > n.start), None, "{text}");
        }
        assert_eq!(chinese_value("十"), Some(10.0));
        assert_eq!(chinese_value("千"), Some(1000.0));
        assert_eq!(chinese_value("一百千"), None);
    }

    #[test]
    fn a_run_of_numeral_characters_is_read_only_as_far_as_a_numeral_goes() {
        // Read from each of its positions, a whole run would cost its length each time.
        let run = "一二".repeat(1000);
        assert_eq!(chinese_run(&run).chars().count(), LONGEST_NUMERAL);
        assert_eq!(read_at(&run, 0).filter(|n| n.end > n.start), None);
    }

    #[test]
    fn offsets_are_bytes_into_the_text() {
        let text = "到2020年突破300亿美元";
        let at = text.find('3').unwrap();
        let n = read_at(text, at).unwrap();
        assert_eq!(&text[n.start..n.end], "300");
    }
}
