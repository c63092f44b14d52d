//! The JSON reader of the bundle: a serde `Deserializer` over the bundle's text.
//!
//! Why not `serde_json`: the widget reads exactly one kind of JSON (a bundle, into the
//! types of [`super::types`]), and serde_json brought along what a general reader needs —
//! its error machinery (with `std::io` messages and the float formatting of serde's
//! "unexpected value" messages), two visitor paths per struct (objects and arrays), a
//! float parser with its tables, all inlined into each type. That was the largest part of
//! the widget's wasm; the size test (`tests/e2e/size.test.mjs`) keeps the budget that this reader
//! made possible. The derives of `types.rs` stay the one definition of the format: this
//! reader only walks the text for them.
//!
//! What it does differently, on purpose:
//! - errors carry the byte offset where they happened (the value that was wrong, or the
//!   end of the object that lacks a field); [`super::path`] turns it into a JSON path;
//! - serde's "invalid type" and "invalid value" messages are written here, without
//!   formatting floats or escaping strings the way `Debug` does, and a value echoed in a
//!   message is cut short ([`super::error::shorten`]);
//! - nesting deeper than [`MAX_DEPTH`] is an error, not a stack overflow;
//! - numbers: integers exactly; decimals exactly when they have at most 15 significant
//!   digits and a small exponent (every number a builder writes), otherwise to within a
//!   few units in the last place — the widget shows two decimals, and the reader refuses
//!   values beyond 10¹⁵ anyway.
//!
//! Each step is linear in the text: every byte is looked at a bounded number of times.

use std::fmt::{self, Display};

use serde::de::{self, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};

/// Objects and arrays nested deeper than this are refused (a bundle nests about ten deep).
pub const MAX_DEPTH: usize = 128;

/// Why the text could not be read, and where (byte offset into the text).
#[derive(Debug)]
pub struct Error {
    /// Byte offset of the problem, once known.
    pub at: Option<usize>,
    /// What went wrong.
    pub kind: ErrorKind,
}

/// The kinds of [`Error`].
#[derive(Debug)]
pub enum ErrorKind {
    /// Not JSON.
    Syntax(&'static str),
    /// JSON, but not the shape the bundle types have.
    Shape(String),
    /// An object without a required field (`at` is the end of the object).
    Missing(&'static str),
}

impl Error {
    fn syntax(at: usize, message: &'static str) -> Error {
        Error {
            at: Some(at),
            kind: ErrorKind::Syntax(message),
        }
    }

    fn shape(message: String) -> Error {
        Error {
            at: None,
            kind: ErrorKind::Shape(message),
        }
    }

    /// The error with `at` as its place, unless it has one already.
    fn or_at(mut self, at: usize) -> Error {
        self.at.get_or_insert(at);
        self
    }
}

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Syntax(m) => f.write_str(m),
            ErrorKind::Shape(m) => f.write_str(m),
            ErrorKind::Missing(field) => write!(f, "missing field `{field}`"),
        }
    }
}

impl std::error::Error for Error {}

/// What a value was, in words (serde's `Unexpected` without floats or `Debug` escapes).
fn unexpected(u: Unexpected<'_>) -> String {
    match u {
        Unexpected::Bool(b) => format!("boolean `{b}`"),
        Unexpected::Unsigned(n) => format!("integer `{n}`"),
        Unexpected::Signed(n) => format!("integer `{n}`"),
        Unexpected::Float(_) => "a number with a fraction or exponent".to_owned(),
        Unexpected::Str(s) => format!("string \"{}\"", super::error::shorten(s)),
        Unexpected::Unit => "null".to_owned(),
        Unexpected::Seq => "a list".to_owned(),
        Unexpected::Map => "an object".to_owned(),
        _ => "another kind of value".to_owned(),
    }
}

impl de::Error for Error {
    fn custom<T: Display>(message: T) -> Self {
        Error::shape(message.to_string())
    }

    fn invalid_type(u: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        Error::shape(format!(
            "invalid type: {}, expected {expected}",
            unexpected(u)
        ))
    }

    fn invalid_value(u: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        Error::shape(format!(
            "invalid value: {}, expected {expected}",
            unexpected(u)
        ))
    }

    fn invalid_length(len: usize, expected: &dyn de::Expected) -> Self {
        Error::shape(format!("invalid length {len}, expected {expected}"))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let names: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
        Error::shape(format!(
            "unknown variant `{}`, expected one of {}",
            super::error::shorten(variant),
            names.join(", ")
        ))
    }

    fn missing_field(field: &'static str) -> Self {
        Error {
            at: None,
            kind: ErrorKind::Missing(field),
        }
    }

    fn duplicate_field(field: &'static str) -> Self {
        Error::shape(format!("duplicate field `{field}`"))
    }
}

/// Reads a `T` from the whole of `text`.
pub fn from_str<'de, T: de::Deserialize<'de>>(text: &'de str) -> Result<T, Error> {
    let mut d = Deserializer::new(text);
    let value = T::deserialize(&mut d)?;
    d.space();
    if d.at < d.bytes.len() {
        return Err(Error::syntax(d.at, "trailing characters after the bundle"));
    }
    Ok(value)
}

/// A top-level field as found, whatever its JSON type (for the `format` and `version`
/// that decide whether the rest can be read at all).
#[derive(Debug, PartialEq)]
pub enum Found {
    /// A string.
    Text(String),
    /// A non-negative integer.
    Count(u64),
    /// Anything else, in words.
    Other(&'static str),
}

/// The values of the top-level fields `names` of an object, read without the rest.
pub fn fields<const N: usize>(text: &str, names: [&str; N]) -> Result<[Option<Found>; N], Error> {
    let mut d = Deserializer::new(text);
    let mut out = [const { None }; N];
    d.open(b'{', "a bundle is a JSON object")?;
    let mut first = true;
    while d.more(b'}', &mut first)? {
        let key = d.string()?;
        d.colon()?;
        match names.iter().position(|n| *n == key.as_ref()) {
            Some(i) => out[i] = Some(d.found()?),
            None => d.skip()?,
        }
    }
    Ok(out)
}

/// A JSON text being read.
pub struct Deserializer<'de> {
    text: &'de str,
    bytes: &'de [u8],
    at: usize,
    depth: usize,
}

/// A string as read: borrowed from the text when it has no escapes.
enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl AsRef<str> for Text<'_> {
    fn as_ref(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            Text::Owned(s) => s,
        }
    }
}

/// A number as read.
enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

impl<'de> Deserializer<'de> {
    fn new(text: &'de str) -> Self {
        Deserializer {
            text,
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
        }
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// The next byte after white space, not consumed.
    fn peek(&mut self) -> Result<u8, Error> {
        self.space();
        self.bytes
            .get(self.at)
            .copied()
            .ok_or_else(|| Error::syntax(self.at, "the text ends in the middle of a value"))
    }

    fn expect(&mut self, byte: u8, message: &'static str) -> Result<(), Error> {
        if self.peek()? != byte {
            return Err(Error::syntax(self.at, message));
        }
        self.at += 1;
        Ok(())
    }

    fn colon(&mut self) -> Result<(), Error> {
        self.expect(b':', "expected `:` after an object key")
    }

    /// Enters an object or array opened by `open`.
    fn open(&mut self, open: u8, message: &'static str) -> Result<(), Error> {
        self.expect(open, message)?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error::syntax(
                self.at,
                "the bundle nests more than 128 levels deep",
            ));
        }
        Ok(())
    }

    /// Whether another element or entry follows (consuming the `,` before it); at the end,
    /// consumes `close` and leaves the container.
    fn more(&mut self, close: u8, first: &mut bool) -> Result<bool, Error> {
        let next = self.peek()?;
        if next == close {
            self.at += 1;
            self.depth -= 1;
            return Ok(false);
        }
        if !std::mem::take(first) {
            if next != b',' {
                return Err(Error::syntax(
                    self.at,
                    if close == b'}' {
                        "expected `,` or `}` in an object"
                    } else {
                        "expected `,` or `]` in a list"
                    },
                ));
            }
            self.at += 1;
            self.peek()?;
        }
        if close == b'}' && self.bytes.get(self.at) != Some(&b'"') {
            return Err(Error::syntax(
                self.at,
                "expected a key (a string) in an object",
            ));
        }
        Ok(true)
    }

    /// A literal (`true`, `false`, `null`) at the current place.
    fn literal(&mut self, word: &'static str) -> Result<(), Error> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            Err(Error::syntax(self.at, "expected a value"))
        }
    }

    fn string(&mut self) -> Result<Text<'de>, Error> {
        self.expect(b'"', "expected a string")?;
        let start = self.at;
        // Fast path: no escape before the closing quote.
        loop {
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    let s = &self.text[start..self.at];
                    self.at += 1;
                    return Ok(Text::Borrowed(s));
                }
                Some(b'\\') => break,
                Some(b) if *b < 0x20 => {
                    return Err(Error::syntax(
                        self.at,
                        "a control character inside a string",
                    ));
                }
                Some(_) => self.at += 1,
                None => return Err(Error::syntax(self.at, "the text ends inside a string")),
            }
        }
        let mut out = String::from(&self.text[start..self.at]);
        loop {
            let run = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.push_str(&self.text[run..self.at]);
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Text::Owned(out));
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = self.escape()?;
                    out.push(c);
                }
                Some(_) => {
                    return Err(Error::syntax(
                        self.at,
                        "a control character inside a string",
                    ));
                }
                None => return Err(Error::syntax(self.at, "the text ends inside a string")),
            }
        }
    }

    /// The character of an escape, after its backslash.
    fn escape(&mut self) -> Result<char, Error> {
        let at = self.at;
        let bad = || Error::syntax(at, "an invalid escape in a string");
        let b = *self.bytes.get(self.at).ok_or_else(bad)?;
        self.at += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4().ok_or_else(bad)?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    // A surrogate pair: `\uD83D\uDE00`.
                    if !self.bytes[self.at..].starts_with(b"\\u") {
                        return Err(bad());
                    }
                    self.at += 2;
                    let second = self.hex4().ok_or_else(bad)?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(bad());
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                char::from_u32(code).ok_or_else(bad)?
            }
            _ => return Err(bad()),
        })
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + char::from(d).to_digit(16)?;
        }
        self.at += 4;
        Some(n)
    }

    fn number(&mut self) -> Result<Number, Error> {
        let start = self.at;
        let negative = self.bytes.get(self.at) == Some(&b'-');
        if negative {
            self.at += 1;
        }
        // Up to 19 significant digits into `mantissa`; further integer digits raise the
        // exponent, further fraction digits are dropped (past what an f64 holds).
        let (mut mantissa, mut digits, mut exponent) = (0u64, 0u32, 0i32);
        let mut any = false;
        let mut integer = true;
        let mut digit = |d: u8, fraction: bool| {
            if digits == 0 && d == 0 {
                if fraction {
                    exponent -= 1;
                }
                return;
            }
            if digits < 19 {
                mantissa = mantissa * 10 + u64::from(d);
                digits += 1;
                if fraction {
                    exponent -= 1;
                }
            } else if !fraction {
                exponent += 1;
            }
        };
        let leading_zero = self.bytes.get(self.at) == Some(&b'0');
        while let Some(&b @ b'0'..=b'9') = self.bytes.get(self.at) {
            digit(b - b'0', false);
            self.at += 1;
            any = true;
        }
        if !any || (leading_zero && self.at - start - usize::from(negative) > 1) {
            return Err(Error::syntax(start, "an invalid number"));
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            integer = false;
            self.at += 1;
            let from = self.at;
            while let Some(&b @ b'0'..=b'9') = self.bytes.get(self.at) {
                digit(b - b'0', true);
                self.at += 1;
            }
            if self.at == from {
                return Err(Error::syntax(start, "an invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            integer = false;
            self.at += 1;
            let sign = match self.bytes.get(self.at) {
                Some(b'-') => -1,
                Some(b'+') => 1,
                _ => 0,
            };
            if sign != 0 {
                self.at += 1;
            }
            let from = self.at;
            let mut e: i32 = 0;
            while let Some(&b @ b'0'..=b'9') = self.bytes.get(self.at) {
                e = e.saturating_mul(10).saturating_add(i32::from(b - b'0'));
                self.at += 1;
            }
            if self.at == from {
                return Err(Error::syntax(start, "an invalid number"));
            }
            exponent = exponent.saturating_add(if sign < 0 { -e } else { e });
        }
        if integer && exponent == 0 {
            if !negative {
                return Ok(Number::Unsigned(mantissa));
            }
            if let Ok(n) = i64::try_from(mantissa) {
                return Ok(Number::Signed(-n));
            }
        }
        let value = to_float(mantissa, digits, exponent);
        Ok(Number::Float(if negative { -value } else { value }))
    }

    /// A top-level field's value as [`Found`].
    fn found(&mut self) -> Result<Found, Error> {
        Ok(match self.peek()? {
            b'"' => Found::Text(self.string()?.as_ref().to_owned()),
            b'-' | b'0'..=b'9' => match self.number()? {
                Number::Unsigned(n) => Found::Count(n),
                Number::Signed(_) => Found::Other("a negative number"),
                Number::Float(_) => Found::Other("a fraction"),
            },
            b'[' => {
                self.skip()?;
                Found::Other("a list")
            }
            b'{' => {
                self.skip()?;
                Found::Other("an object")
            }
            b't' | b'f' => {
                self.skip()?;
                Found::Other("a boolean")
            }
            _ => {
                self.skip()?;
                Found::Other("null")
            }
        })
    }

    /// Skips a value (a field no reader of version 1 knows).
    fn skip(&mut self) -> Result<(), Error> {
        match self.peek()? {
            b'"' => self.string().map(drop),
            b'-' | b'0'..=b'9' => self.number().map(drop),
            b't' => self.literal("true"),
            b'f' => self.literal("false"),
            b'n' => self.literal("null"),
            b'[' => {
                self.open(b'[', "expected a list")?;
                let mut first = true;
                while self.more(b']', &mut first)? {
                    self.skip()?;
                }
                Ok(())
            }
            b'{' => {
                self.open(b'{', "expected an object")?;
                let mut first = true;
                while self.more(b'}', &mut first)? {
                    self.string()?;
                    self.colon()?;
                    self.skip()?;
                }
                Ok(())
            }
            _ => Err(Error::syntax(self.at, "expected a value")),
        }
    }

    /// Runs `f` (which calls a visitor) with errors placed at the value starting here.
    fn placed<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, Error>) -> Result<T, Error> {
        self.space();
        let at = self.at;
        f(self).map_err(|e| e.or_at(at))
    }
}

/// `mantissa × 10^exponent` (`digits`: how many significant digits `mantissa` has).
fn to_float(mantissa: u64, digits: u32, exponent: i32) -> f64 {
    const EXACT: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let m = mantissa as f64;
    if mantissa == 0 {
        return 0.0;
    }
    // Exact when the mantissa and the power of ten are both exact f64s: one correctly
    // rounded operation (Clinger's fast path).
    if digits <= 15 && exponent.unsigned_abs() <= 22 {
        let p = EXACT[exponent.unsigned_abs() as usize];
        return if exponent < 0 { m / p } else { m * p };
    }
    // Far outside any figure a plan states: close is enough, and finite or not is what
    // the reader's range check looks at.
    if exponent > 400 {
        return f64::INFINITY;
    }
    if exponent < -400 {
        return 0.0;
    }
    let mut value = m;
    let mut e = exponent;
    while e > 0 {
        let step = e.min(22);
        value *= EXACT[step as usize];
        e -= step;
    }
    while e < 0 {
        let step = (-e).min(22);
        value /= EXACT[step as usize];
        e += step;
    }
    value
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek()? {
            b'"' => self.deserialize_str(visitor),
            b'-' | b'0'..=b'9' => self.deserialize_f64(visitor),
            b't' | b'f' => self.deserialize_bool(visitor),
            b'n' => self.deserialize_unit(visitor),
            b'[' => self.deserialize_seq(visitor),
            b'{' => self.deserialize_map(visitor),
            _ => Err(Error::syntax(self.at, "expected a value")),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.placed(|d| match d.peek()? {
            b't' => {
                d.literal("true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                d.literal("false")?;
                visitor.visit_bool(false)
            }
            _ => Err(d.wrong_type(&visitor)),
        })
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.placed(|d| match d.peek()? {
            b'-' | b'0'..=b'9' => match d.number()? {
                Number::Unsigned(n) => visitor.visit_u64(n),
                Number::Signed(n) => visitor.visit_i64(n),
                Number::Float(x) => visitor.visit_f64(x),
            },
            _ => Err(d.wrong_type(&visitor)),
        })
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.placed(|d| match d.peek()? {
            b'"' => match d.string()? {
                Text::Borrowed(s) => visitor.visit_borrowed_str(s),
                Text::Owned(s) => visitor.visit_string(s),
            },
            _ => Err(d.wrong_type(&visitor)),
        })
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.placed(|d| match d.peek()? {
            b'n' => {
                d.literal("null")?;
                visitor.visit_unit()
            }
            _ => Err(d.wrong_type(&visitor)),
        })
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.peek()? == b'n' {
            self.placed(|d| {
                d.literal("null")?;
                visitor.visit_none()
            })
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.placed(|d| match d.peek()? {
            b'[' => {
                d.open(b'[', "expected a list")?;
                visitor.visit_seq(Elements { d, first: true })
            }
            _ => Err(d.wrong_type(&visitor)),
        })
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.placed(|d| match d.peek()? {
            b'{' => {
                d.open(b'{', "expected an object")?;
                let value = visitor.visit_map(Entries { d, first: true })?;
                Ok(value)
            }
            _ => Err(d.wrong_type(&visitor)),
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // The bundle's enums are closed sets of names: unit variants, written as strings.
        self.placed(|d| match d.peek()? {
            b'"' => {
                let name = d.string()?;
                visitor.visit_enum(name.as_ref().into_deserializer())
            }
            _ => Err(d.wrong_type(&visitor)),
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.skip()?;
        visitor.visit_unit()
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 char bytes byte_buf unit_struct
        newtype_struct tuple_struct
    }
}

impl Deserializer<'_> {
    /// "invalid type" for the value here (its kind told from its first byte).
    fn wrong_type(&mut self, expected: &dyn de::Expected) -> Error {
        let found = match self.bytes.get(self.at) {
            Some(b'"') => match self.string() {
                Ok(s) => return de::Error::invalid_type(Unexpected::Str(s.as_ref()), expected),
                Err(e) => return e,
            },
            Some(b'-' | b'0'..=b'9') => match self.number() {
                Ok(Number::Unsigned(n)) => Unexpected::Unsigned(n),
                Ok(Number::Signed(n)) => Unexpected::Signed(n),
                Ok(Number::Float(x)) => Unexpected::Float(x),
                Err(e) => return e,
            },
            Some(b't') => Unexpected::Bool(true),
            Some(b'f') => Unexpected::Bool(false),
            Some(b'n') => Unexpected::Unit,
            Some(b'[') => Unexpected::Seq,
            Some(b'{') => Unexpected::Map,
            _ => return Error::syntax(self.at, "expected a value"),
        };
        de::Error::invalid_type(found, expected)
    }
}

/// The elements of a list.
struct Elements<'a, 'de> {
    d: &'a mut Deserializer<'de>,
    first: bool,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if !self.d.more(b']', &mut self.first)? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.d).map(Some)
    }
}

/// The entries of an object.
struct Entries<'a, 'de> {
    d: &'a mut Deserializer<'de>,
    first: bool,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        // At the end, a field found missing is placed at the start of its object (by
        // `deserialize_map`), whose path is the object's.
        if !self.d.more(b'}', &mut self.first)? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.d).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        self.d.colon()?;
        seed.deserialize(&mut *self.d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Sample {
        text: String,
        n: u8,
        x: f64,
        list: Vec<i32>,
        maybe: Option<String>,
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#" {"text": "a\"b\\c\u4e2d\ud83d\ude00/", "n": 7, "x": -1.5e3,
            "list": [1, -2, 3], "maybe": null, "other": {"deep": [true, false, null, "x"]}} "#;
        let ours: Sample = from_str(text).unwrap();
        let theirs: Sample = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn numbers_read_exactly_where_a_builder_writes_them() {
        for text in [
            "0",
            "300",
            "1.5",
            "0.33",
            "3e10",
            "30000000000",
            "2.3",
            "-2.05",
            "1e-7",
            "123456789.123456",
            "0.000123",
            "1e22",
            "9007199254740993",
        ] {
            let mut d = Deserializer::new(text);
            let ours = match d.number().unwrap() {
                Number::Unsigned(n) => n as f64,
                Number::Signed(n) => n as f64,
                Number::Float(x) => x,
            };
            assert_eq!(ours, text.parse::<f64>().unwrap(), "{text}");
        }
        // Beyond any figure: close, or infinite for the range check to refuse.
        let mut d = Deserializer::new("1.7e308");
        assert!(matches!(d.number(), Ok(Number::Float(x)) if (x / 1.7e308 - 1.0).abs() < 1e-12));
        let mut d = Deserializer::new("1e999");
        assert!(matches!(d.number(), Ok(Number::Float(x)) if x.is_infinite()));
    }

    #[test]
    fn bad_json_is_refused_with_its_place() {
        for (text, at) in [
            ("{\"text\": \"a", 11),
            ("{\"text\" \"a\"}", 8),
            ("{\"text\": 01}", 9),
            ("{\"text\": \"\u{1}\"}", 10),
            ("{\"text\": \"\\x\"}", 11),
            ("{\"n\": 1,}", 8),
            ("{\"text\": \"\", \"n\": 1, \"x\": 0, \"list\": []} x", 41),
        ] {
            let err = from_str::<Sample>(text).unwrap_err();
            assert!(matches!(err.kind, ErrorKind::Syntax(_)), "{text}: {err}");
            assert_eq!(err.at, Some(at), "{text}: {err}");
        }
    }

    #[test]
    fn shape_errors_say_what_was_found_and_where() {
        let text = r#"{"text": "t", "n": 300, "x": 1, "list": [], "maybe": null}"#;
        let err = from_str::<Sample>(text).unwrap_err();
        assert_eq!(err.to_string(), "invalid value: integer `300`, expected u8");
        assert_eq!(err.at, text.find("300"));
        let text = r#"{"text": 1.5, "n": 3, "x": 1, "list": [], "maybe": null}"#;
        let err = from_str::<Sample>(text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: a number with a fraction or exponent, expected a string"
        );
        let text = r#"{"text": "t", "n": 3, "x": 1}"#;
        let err = from_str::<Sample>(text).unwrap_err();
        assert_eq!(err.to_string(), "missing field `list`");
        assert_eq!(err.at, Some(0));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = format!(
            "{{\"other\": {}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let err = from_str::<Sample>(&text).unwrap_err();
        assert!(err.to_string().contains("128 levels"), "{err}");
    }

    #[test]
    fn top_level_fields_are_read_alone() {
        let [format, version] = fields(
            r#"{"documents": [{"a": 1}], "version": 2, "format": "x"}"#,
            ["format", "version"],
        )
        .unwrap();
        assert_eq!(format, Some(Found::Text("x".into())));
        assert_eq!(version, Some(Found::Count(2)));
        let [format] = fields(r#"{"format": [1]}"#, ["format"]).unwrap();
        assert_eq!(format, Some(Found::Other("a list")));
    }
}
