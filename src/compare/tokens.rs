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

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
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
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let token = if is_digit(c) {
            loop {
                match chars.peek().map(|&(_, c)| c) {
                    Some(d) if is_digit(d) => {
                        chars.next();
                    }
                    Some('.') => {
                        // A point is part of the number only with a digit after it.
                        let mut ahead = chars.clone();
                        ahead.next();
                        if ahead.next().is_some_and(|(_, d)| is_digit(d)) {
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
            Token::Number(&text[start..end(&mut chars, text)])
        } else if c.is_ascii_alphabetic() {
            while chars
                .peek()
                .is_some_and(|&(_, d)| d.is_ascii_alphabetic() || d == '&')
            {
                chars.next();
            }
            Token::Latin(&text[start..end(&mut chars, text)])
        } else if is_han(c) {
            Token::Han(&text[start..start + c.len_utf8()])
        } else {
            Token::Other(&text[start..start + c.len_utf8()])
        };
        out.push(token);
    }
    out
}

/// The byte offset of the next character, or the end of the text.
fn end(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, text: &str) -> usize {
    chars.peek().map_or(text.len(), |&(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

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
