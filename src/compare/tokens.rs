//! Units of Chinese policy text for diffing and similarity: one Chinese character each, but
//! a number (`2020`, `1.5`, `70%`) or a Latin word (`EPC`) whole, so `300亿美元` → `500亿美元`
//! reads as one change of `300` to `500`, not as confetti of digits.

/// A unit of text; its slices, in order, rebuild the text exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Token<'a> {
    /// One Chinese character.
    Han(&'a str),
    /// Digits, with an inner decimal point and a final percent sign.
    Number(&'a str),
    /// Latin letters (`R&D`, `EPC`).
    Latin(&'a str),
    /// Anything else, one character: punctuation, spaces, symbols.
    Other(&'a str),
}

impl<'a> Token<'a> {
    /// The text of the token.
    pub fn text(self) -> &'a str {
        match self {
            Token::Han(s) | Token::Number(s) | Token::Latin(s) | Token::Other(s) => s,
        }
    }
}

/// Two keys (characters, or ids past the last character) as one number, for sets of
/// bigrams that sort and search as integers: `(first << 32) | second`.
pub fn pair(first: u32, second: u32) -> u64 {
    (u64::from(first) << 32) | u64::from(second)
}

/// The character a one-character text is, if it is one.
pub fn single(text: &str) -> Option<char> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// The character at byte `i` of `text`, as a code point, and its length in bytes; `None`
/// at the end. Decoded by hand, and inlined: the widget's wasm is built for size, where
/// `chars()` is a few calls per character, and they took most of the time of a diff of
/// two near-copies (measured with a CPU profile of `make bench-diff`'s pairs).
#[inline(always)]
pub(crate) fn char_at(text: &[u8], i: usize) -> Option<(u32, usize)> {
    let lead = u32::from(*text.get(i)?);
    // A valid text (a `&str`) has the continuation bytes a lead byte announces.
    let next = |k: usize| u32::from(text.get(i + k).copied().unwrap_or(0) & 0x3F);
    Some(match lead {
        0..=0x7F => (lead, 1),
        0x80..=0xDF => (((lead & 0x1F) << 6) | next(1), 2),
        0xE0..=0xEF => (((lead & 0x0F) << 12) | (next(1) << 6) | next(2), 3),
        _ => (
            ((lead & 0x07) << 18) | (next(1) << 12) | (next(2) << 6) | next(3),
            4,
        ),
    })
}

#[inline(always)]
fn is_digit(c: u32) -> bool {
    matches!(c, 0x30..=0x39 | 0xFF10..=0xFF19)
}

#[inline(always)]
fn is_latin(c: u32) -> bool {
    matches!(c, 0x41..=0x5A | 0x61..=0x7A)
}

#[inline(always)]
fn is_han(c: u32) -> bool {
    matches!(c, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF)
}

/// Whether a character counts as a word's (a digit, a Latin letter or a Chinese
/// character), not punctuation or space: in whatever token it is.
#[inline(always)]
pub(crate) fn is_word(c: u32) -> bool {
    is_digit(c) || is_latin(c) || is_han(c)
}

/// Whether a character is always a token by itself: no number or word goes on past it or
/// takes it in.
#[inline(always)]
pub(crate) fn alone(c: u32) -> bool {
    !is_digit(c) && !is_latin(c) && !matches!(c, 0x2E | 0x25 | 0xFF05 | 0x26)
}

/// Splits a text into tokens.
///
/// ```
/// use policy_compare::compare::tokens::{tokens, Token};
/// let t: Vec<_> = tokens("突破300亿美元、1.5%").into_iter().map(Token::text).collect();
/// assert_eq!(t, ["突", "破", "300", "亿", "美", "元", "、", "1.5%"]);
/// ```
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 3 + 1);
    let mut i = 0;
    while let Some(s) = scan(text.as_bytes(), i) {
        let Some(t) = text.get(i..s.end) else { break };
        out.push(match s.kind {
            Kind::Han => Token::Han(t),
            Kind::Number => Token::Number(t),
            Kind::Latin => Token::Latin(t),
            Kind::Other => Token::Other(t),
        });
        i = s.end;
    }
    out
}

/// What kind of token [`scan`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Han,
    Number,
    Latin,
    Other,
}

/// A token as [`scan`] finds it: no slice of the text yet, which the diff needs only for
/// the few tokens of several characters.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scanned {
    pub kind: Kind,
    /// The byte after its last.
    pub end: usize,
    /// Its first character, as a code point.
    pub first: u32,
}

/// The token that starts at byte `i` of `text` (a character boundary); `None` at the end.
/// Inlined into its one caller in the widget, the diff's loop over the tokens.
#[inline(always)]
pub(crate) fn scan(b: &[u8], i: usize) -> Option<Scanned> {
    let (first, n) = char_at(b, i)?;
    let mut i = i + n;
    let kind = if is_digit(first) {
        while let Some((d, m)) = char_at(b, i) {
            if is_digit(d) {
                i += m;
            } else if d == u32::from('.') {
                // A point is part of the number only with a digit after it.
                if !char_at(b, i + 1).is_some_and(|(e, _)| is_digit(e)) {
                    break;
                }
                i += 1;
            } else {
                if d == u32::from('%') || d == u32::from('％') {
                    i += m;
                }
                break;
            }
        }
        Kind::Number
    } else if is_latin(first) {
        while char_at(b, i).is_some_and(|(d, _)| is_latin(d) || d == u32::from('&')) {
            i += 1;
        }
        Kind::Latin
    } else if is_han(first) {
        Kind::Han
    } else {
        Kind::Other
    };
    Some(Scanned {
        kind,
        end: i,
        first,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The tokenizer as first written, by `char`s: the reference the one by bytes must
    /// agree with.
    fn reference(text: &str) -> Vec<Token<'_>> {
        let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        let end = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>| {
            chars.peek().map_or(text.len(), |&(i, _)| i)
        };
        while let Some((start, c)) = chars.next() {
            let token = if digit(c) {
                loop {
                    match chars.peek().map(|&(_, c)| c) {
                        Some(d) if digit(d) => {
                            chars.next();
                        }
                        Some('.') => {
                            let mut ahead = chars.clone();
                            ahead.next();
                            if ahead.next().is_some_and(|(_, d)| digit(d)) {
                                chars.next();
                            } else {
                                break;
                            }
                        }
                        Some('%' | '％') => {
                            chars.next();
                            break;
                        }
                        _ => break,
                    }
                }
                Token::Number(&text[start..end(&mut chars)])
            } else if c.is_ascii_alphabetic() {
                while chars
                    .peek()
                    .is_some_and(|&(_, d)| d.is_ascii_alphabetic() || d == '&')
                {
                    chars.next();
                }
                Token::Latin(&text[start..end(&mut chars)])
            } else if matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
            {
                Token::Han(&text[start..start + c.len_utf8()])
            } else {
                Token::Other(&text[start..start + c.len_utf8()])
            };
            out.push(token);
        }
        out
    }

    proptest! {
        #[test]
        fn tokens_agree_with_the_reference(
            text in "[0-9０-９.%％a-zA-Z&，。到年亿㐀豈 \\PC]{0,40}"
        ) {
            prop_assert_eq!(tokens(&text), reference(&text));
        }
    }

    #[test]
    fn tokens_rebuild_the_text() {
        for text in [
            "",
            "到2020年，R&D人员达到1.5%。",
            "ａ１２３。",
            "2.",
            "EPC总承包",
        ] {
            let rebuilt: String = tokens(text).into_iter().map(Token::text).collect();
            assert_eq!(rebuilt, text);
        }
    }

    #[test]
    fn characters_decode_as_the_standard_library_does() {
        let text = "a£到𠀀Ｅ１２％\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}";
        let mut i = 0;
        for c in text.chars() {
            assert_eq!(
                char_at(text.as_bytes(), i),
                Some((u32::from(c), c.len_utf8()))
            );
            i += c.len_utf8();
        }
        assert_eq!(char_at(text.as_bytes(), i), None);
    }

    #[test]
    fn numbers_and_words_stay_whole() {
        let t: Vec<_> = tokens("2020年R&D和EPC，70%以上")
            .into_iter()
            .map(Token::text)
            .collect();
        assert_eq!(
            t,
            ["2020", "年", "R&D", "和", "EPC", "，", "70%", "以", "上"]
        );
    }
}
