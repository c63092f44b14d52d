//! Which field a JSON error is in. The reader ([`super::json`]) says where in the text it
//! stopped (a byte offset: the start of the value that was wrong, or of the object that
//! lacks a field); walking the text up to there gives the path (`documents[3].sections[0]
//! .level`). Nothing is tracked while a good bundle is read: the walk happens only for an
//! error, and it is linear in the text before the error.

/// One level of nesting while walking the text.
enum Frame<'a> {
    /// An object and the key whose value is being read.
    Object(Option<&'a str>),
    /// An array and the index of the element being read.
    Array(usize),
}

/// Keys longer than this are cut in a path: a path is for reading, and a bundle may have
/// a key of megabytes.
const KEY: usize = 40;

/// The JSON path of the value at byte `offset` of `text` (or of the innermost value that
/// the offset is inside).
pub fn at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(0));
                expecting_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expecting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(key)) => {
                    *key = None;
                    expecting_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if i >= end {
                    break;
                }
                if expecting_key && let Some(Frame::Object(key)) = stack.last_mut() {
                    *key = text.get(start..i);
                    expecting_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&super::error::shorten_to(key, KEY));
            }
            Frame::Object(None) => {}
            Frame::Array(i) => {
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_positions() {
        let text = "{\"a\": [1, {\"b\": \"x\", \"c\": [true, false]}], \"d\": 2}";
        let at_ = |needle: &str| at(text, text.find(needle).unwrap());
        assert_eq!(at_("false"), "a[1].c[1]");
        assert_eq!(at_("\"x\""), "a[1].b");
        assert_eq!(at_("2}"), "d");
        assert_eq!(at_("{\"b\""), "a[1]");
        let text = "{\"中\": [\"文字\", 3]}";
        assert_eq!(at(text, text.find('3').unwrap()), "中[1]");
        let text = "{\"a]\\\"[\": [0, 1]}";
        assert_eq!(at(text, text.find('1').unwrap()), "a]\\\"[[1]");
    }

    #[test]
    fn long_keys_are_cut() {
        let key = "k".repeat(10_000);
        let text = format!("{{\"{key}\": 1}}");
        let path = at(&text, text.len() - 2);
        assert!(path.chars().count() <= KEY + 1, "{}", path.len());
    }
}
