//! What a reader types, read into terms: words separated by spaces must all be found; a
//! phrase in quotes (`"境外经贸合作区"`, `“中欧 班列”`, `「跨境电商」`) is one term, found as
//! it is, spaces and all (which normalisation then drops: `“中欧 班列”` finds `中欧班列`).

use super::normalise::normalise;

/// At most this many terms are kept: a query longer than that is not a search.
pub const MAX_TERMS: usize = 16;

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// The terms, normalised, each once, in the order typed.
    pub terms: Vec<String>,
}

impl Query {
    /// Reads a query. Opening quotes (`"`, `“`, `「`, `『`, `＂`) start a phrase that ends at
    /// the next closing one, or at the end; elsewhere whitespace separates terms.
    pub fn parse(text: &str) -> Query {
        let mut terms: Vec<String> = Vec::new();
        let mut push = |raw: &str| {
            let term = normalise(raw);
            if !term.is_empty() && !terms.contains(&term) && terms.len() < MAX_TERMS {
                terms.push(term);
            }
        };
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if is_open(c) {
                let inner = &rest[c.len_utf8()..];
                let end = inner.find(is_close).unwrap_or(inner.len());
                push(&inner[..end]);
                rest = inner[end..]
                    .char_indices()
                    .nth(1)
                    .map_or("", |(i, _)| &inner[end + i..]);
            } else if c.is_whitespace() {
                rest = &rest[c.len_utf8()..];
            } else {
                let end = rest
                    .find(|c: char| c.is_whitespace() || is_open(c))
                    .unwrap_or(rest.len());
                push(&rest[..end]);
                rest = &rest[end..];
            }
        }
        Query { terms }
    }

    /// Whether there is nothing to look for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

fn is_open(c: char) -> bool {
    matches!(c, '"' | '“' | '「' | '『' | '＂')
}

fn is_close(c: char) -> bool {
    matches!(c, '"' | '”' | '」' | '』' | '＂')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(q: &str) -> Vec<String> {
        Query::parse(q).terms
    }

    #[test]
    fn spaces_separate_terms_and_quotes_make_phrases() {
        assert_eq!(terms("中欧 班列"), ["中欧", "班列"]);
        assert_eq!(terms("  中欧\u{3000}班列 中欧 "), ["中欧", "班列"]);
        assert_eq!(terms("\"境外经贸合作区\""), ["境外经贸合作区"]);
        assert_eq!(terms("“中欧 班列” 河南"), ["中欧班列", "河南"]);
        assert_eq!(terms("物流「跨境 电商」"), ["物流", "跨境电商"]);
        // An unclosed phrase runs to the end; empty ones are nothing.
        assert_eq!(terms("港口 \"国际 航线"), ["港口", "国际航线"]);
        assert_eq!(terms("\"\" “” "), Vec::<String>::new());
        assert_eq!(terms("ＰＰＰ"), ["ppp"]);
        assert!(Query::parse(" \u{3000}").is_empty());
    }

    #[test]
    fn a_flood_of_terms_is_cut() {
        let long: String = (0..100).map(|i| format!("词{i} ")).collect();
        assert_eq!(terms(&long).len(), MAX_TERMS);
    }
}
