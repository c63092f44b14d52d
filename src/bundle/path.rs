//! Which field a JSON error is in. serde_json reports where in the text it stopped (line
//! and column); walking the text up to there gives the path (`documents[3].sections[0]
//! .level`). This costs a few hundred bytes of wasm where a tracking deserializer would
//! cost tens of kilobytes, since it does not depend on the bundle's types.

/// One level of nesting while walking the text.
enum Frame {
    /// An object and the key whose value is being read.
    Object(Option<String>),
    /// An array and the index of the element being read.
    Array(usize),
}

/// The JSON path of the value at 1-based `line` and `column` (in bytes, as serde_json
/// counts) of `text`; with `container`,
/// the path of the object or array around that position (for "missing field" errors,
/// which serde_json reports at the end of the object).
pub fn at(text: &str, line: usize, column: usize, container: bool) -> String {
    let mut stack: Vec<Frame> = Vec::new();
    let (mut l, mut c) = (1, 0);
    let mut chars = text.chars().peekable();
    let mut expecting_key = false;
    while let Some(ch) = chars.next() {
        if ch == '\n' {
            l += 1;
            c = 0;
        } else {
            c += ch.len_utf8();
        }
        if (l, c) >= (line, column) {
            break;
        }
        match ch {
            '{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            '[' => {
                stack.push(Frame::Array(0));
                expecting_key = false;
            }
            '}' | ']' => {
                stack.pop();
                expecting_key = false;
            }
            ',' => match stack.last_mut() {
                Some(Frame::Array(i)) => *i += 1,
                Some(Frame::Object(key)) => {
                    *key = None;
                    expecting_key = true;
                }
                None => {}
            },
            '"' => {
                let mut s = String::new();
                while let Some(ch) = chars.next() {
                    c += ch.len_utf8();
                    match ch {
                        '\\' => {
                            if let Some(escaped) = chars.next() {
                                c += escaped.len_utf8();
                                s.push(escaped);
                            }
                        }
                        '"' => break,
                        '\n' => {
                            l += 1;
                            c = 0;
                        }
                        _ => s.push(ch),
                    }
                }
                if expecting_key && let Some(Frame::Object(key)) = stack.last_mut() {
                    *key = Some(s);
                    expecting_key = false;
                }
            }
            _ => {}
        }
    }
    if container && let Some(Frame::Object(key)) = stack.last_mut() {
        *key = None;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(i) => path.push_str(&format!("[{i}]")),
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
        let col = |needle: &str| text.find(needle).unwrap() + 1;
        assert_eq!(at(text, 1, col("false"), false), "a[1].c[1]");
        assert_eq!(at(text, 1, col("\"x\""), false), "a[1].b");
        assert_eq!(at(text, 1, col("2}"), false), "d");
        assert_eq!(at(text, 1, col("}], \"d\""), true), "a[1]");
        let text = "{\"中\": [\"文字\", 3]}";
        assert_eq!(at(text, 1, text.find('3').unwrap() + 1, false), "中[1]");
    }
}
