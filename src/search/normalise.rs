//! The text that search compares: full-width letters and digits as their half-width
//! selves, Latin letters in lower case, dashes as one dash, and no whitespace or quote
//! marks at all.
//!
//! Why drop rather than fold spaces and quotes: Chinese has no spaces between words, so
//! a space in a plan's text is an artefact of the PDF it came from (`中欧 班列`), and a
//! reader who types `一带一路建设` means the plan's `“一带一路”建设`. A character is
//! either kept (perhaps as another) or dropped, one at a time: matches in the normalised
//! text map back to the original characters (see [`normalise_mapped`]).

/// What a character becomes: `None` when it is dropped.
pub fn fold(c: char) -> Option<char> {
    match c {
        c if c.is_whitespace() => None,
        // Zero-width spaces and joiners, and the byte-order mark.
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => None,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '〝' | '〞' | '《'
        | '》' | '〈' | '〉' | '«' | '»' | '‹' | '›' | '＂' | '＇' | '｢' | '｣' => {
            None
        }
        // Dashes and minus signs: `中国—中亚` is typed `中国-中亚`.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '－' => Some('-'),
        // Full-width ASCII (Ａ, １, ％…) as ASCII.
        '\u{ff01}'..='\u{ff5e}' => {
            char::from_u32(c as u32 - 0xfee0).map(|a| a.to_ascii_lowercase())
        }
        '｡' => Some('。'),
        '､' => Some('、'),
        c => Some(c.to_ascii_lowercase()),
    }
}

/// `text` normalised.
pub fn normalise(text: &str) -> String {
    text.chars().filter_map(fold).collect()
}

/// `text` normalised, and for each character of the result the byte range in `text` of the
/// character it came from: `(normalised byte offset, original start, original end)`.
pub fn normalise_mapped(text: &str) -> (String, Vec<(u32, u32, u32)>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::new();
    for (i, c) in text.char_indices() {
        if let Some(f) = fold(c) {
            map.push((out.len() as u32, i as u32, (i + c.len_utf8()) as u32));
            out.push(f);
        }
    }
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_case_spaces_and_quotes() {
        assert_eq!(normalise("中欧 班列"), "中欧班列");
        assert_eq!(normalise("“一带一路”建设"), "一带一路建设");
        assert_eq!(normalise("《愿景与行动》"), "愿景与行动");
        // Full-width punctuation too: `(郑州)` finds `（郑州）`.
        assert_eq!(
            normalise("ＰＰＰ模式，２０２０年（郑州）"),
            "ppp模式,2020年(郑州)"
        );
        assert_eq!(normalise("中国—中亚－西亚"), "中国-中亚-西亚");
        assert_eq!(normalise("\u{3000}跨境\u{200b}电商\n"), "跨境电商");
        // Chinese punctuation that is not a quote stays: it separates clauses.
        assert_eq!(normalise("港口、机场。"), "港口、机场。");
    }

    #[test]
    fn the_map_leads_back_to_the_original_characters() {
        let text = "加快 “中欧班列”";
        let (n, map) = normalise_mapped(text);
        assert_eq!(n, "加快中欧班列");
        let start = n.find("中欧").unwrap();
        let (_, from, _) = map.iter().find(|m| m.0 as usize == start).unwrap();
        assert_eq!(&text[*from as usize..], "中欧班列”");
    }
}
