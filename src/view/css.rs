//! The widget's style sheet as it goes into the wasm: without its comments and spare
//! whitespace, done at compile time.
//!
//! Why: `src/web/style.css` explains itself in comments, for the people who change it;
//! every byte of it is in the wasm every visitor downloads. Stripping them in a `const`
//! needs no build script and keeps the source as it is.

/// Copies CSS without comments, collapsing each run of whitespace to one space and
/// dropping it next to `{`, `}`, `;`, `,` and `>` (where it never matters); quoted
/// strings are copied as they are. Returns the bytes and how many of them are used.
pub const fn minify<const N: usize>(src: &[u8]) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    let (mut i, mut n) = (0, 0);
    let mut space = false;
    while i < src.len() && n < N {
        let b = src[i];
        if b == b'/' && i + 1 < src.len() && src[i + 1] == b'*' {
            i += 2;
            while i + 1 < src.len() && !(src[i] == b'*' && src[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            space = true;
            continue;
        }
        if matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
            space = true;
            i += 1;
            continue;
        }
        if space && n > 0 && !tight(out[n - 1]) && !tight(b) && n < N {
            out[n] = b' ';
            n += 1;
        }
        space = false;
        if b == b'"' || b == b'\'' {
            // A string, whole.
            let quote = b;
            loop {
                if i >= src.len() || n >= N {
                    break;
                }
                out[n] = src[i];
                n += 1;
                i += 1;
                if i < src.len() && src[i] == quote {
                    out[n] = quote;
                    n += 1;
                    i += 1;
                    break;
                }
            }
            continue;
        }
        out[n] = b;
        n += 1;
        i += 1;
    }
    (out, n)
}

const fn tight(b: u8) -> bool {
    matches!(b, b'{' | b'}' | b';' | b',' | b'>')
}

/// The used part of [`minify`]'s output as text (empty if it were not UTF-8, which it is
/// when the input is: bytes are only dropped outside strings, and only ASCII ones).
pub const fn text<const N: usize>(minified: &([u8; N], usize)) -> &str {
    let (used, _) = minified.0.split_at(minified.1);
    match core::str::from_utf8(used) {
        Ok(s) => s,
        Err(_) => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn min(css: &str) -> String {
        // Room enough for the tests.
        let out = minify::<512>(css.as_bytes());
        text(&out).to_owned()
    }

    #[test]
    fn comments_and_spare_space_go() {
        assert_eq!(
            min("/* why */\n.a  .b {\n  color: red; /* x */\n  margin: 0 1px;\n}\n"),
            ".a .b{color: red;margin: 0 1px;}"
        );
        assert_eq!(min("a > b , c { }"), "a>b,c{}");
        assert_eq!(
            min("@media (prefers-color-scheme: dark) { :host { x: y } }"),
            "@media (prefers-color-scheme: dark){:host{x: y}}"
        );
    }

    #[test]
    fn strings_stay_whole() {
        assert_eq!(
            min(r#"x { font: "Segoe UI",  'A  /* B */'; content: "" / var(--a, ""); }"#),
            r#"x{font: "Segoe UI",'A  /* B */';content: "" / var(--a,"");}"#
        );
    }

    #[test]
    fn the_style_sheet_loses_only_comments_and_space() {
        let css = include_str!("../web/style.css");
        let out = minify::<16384>(css.as_bytes());
        let small = text(&out);
        assert!(!small.is_empty() && small.len() < css.len() * 4 / 5);
        assert!(!small.contains("/*"));
        // Every declaration's words are still there, in order.
        let words = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        let mut without_comments = String::new();
        let mut rest = css;
        while let Some(start) = rest.find("/*") {
            without_comments.push_str(&rest[..start]);
            rest = rest[start..]
                .find("*/")
                .map_or("", |end| &rest[start + end + 2..]);
        }
        without_comments.push_str(rest);
        assert_eq!(words(small), words(&without_comments));
    }
}
