//! Packs the widget for pages that cannot fetch (files opened from disk): `make` runs it.
//!
//! - `policy-compare.js`: one classic script — the wasm-bindgen "no-modules" glue, the wasm
//!   bytes as a string literal, and the custom element — wrapped so that nothing leaks into
//!   the page.
//! - `bundle.js`: the default bundle as a classic script (`window.PolicyCompareBundle`).
//! - `policy-compare.html`: the demo page with every `<script src>` it uses inlined: one
//!   file to email and open offline.
//!
//! Usage: `pack GLUE.js WASM ELEMENT.js BUNDLE.json DEMO_DIR OUT_DIR`

use std::fs;
use std::path::Path;
use std::process::ExitCode;

/// The bytes as the body of a double-quoted JS string whose code units are the bytes
/// (U+0000–U+00FF); the element reads them back with `charCodeAt`.
///
/// Why not base64: once the server gzips the script, this costs about 1.06× the gzipped
/// wasm where base64 costs 1.36× (measured on our wasm: 164 KB against 210 KB), because
/// base64 hides the byte patterns gzip would find. The file is UTF-8 (with a BOM so that a
/// host page in another charset still decodes it right); only what a string literal or an
/// inline `<script>` cannot hold is escaped.
fn byte_string(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3 / 2);
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'"' => out.push_str("\\\""),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            // NUL is replaced by the HTML parser; `\0` before a digit would be octal.
            0 => out.push_str("\\x00"),
            // `</script` and `<!--` would end or confuse an inline script element.
            b'<' if matches!(bytes.get(i + 1), Some(b'/' | b'!')) => out.push_str("\\x3c"),
            _ => out.push(char::from(b)),
        }
    }
    out
}

/// JSON text without the whitespace between tokens: the bundle in `www/` is indented for
/// review, what visitors download need not be (a fifth smaller, and parsed that much
/// sooner). Strings are copied as they are, escapes included.
fn compact_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// Marks a script file as UTF-8 whatever the charset of the page that loads it.
const BOM: &str = "\u{feff}";

/// Checks that script text can stand inside an inline `<script>` element: the HTML parser
/// ends the element at `</script` in any case, and `<!--` changes how it reads what
/// follows. Rewriting code to avoid them could change its meaning, so a script that has
/// them is refused; the strings we put in scripts (the wasm bytes, the bundle) are
/// escaped where they are written.
fn check_inline(name: &str, js: &str) -> Result<(), String> {
    let lower = js.to_ascii_lowercase();
    for bad in ["</script", "<!--"] {
        if let Some(at) = lower.find(bad) {
            return Err(format!(
                "{name} cannot be inlined: it contains `{bad}` at byte {at}"
            ));
        }
    }
    Ok(())
}

/// The bundle's text as a JS string literal that is also safe inside an inline
/// `<script>`: every `<` escaped, so no text in the bundle can close the element.
fn bundle_literal(json: &str) -> Result<String, String> {
    let literal = serde_json::to_string(json).map_err(|e| e.to_string())?;
    Ok(literal.replace('<', "\\u003c"))
}

fn read(path: &str) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn write(dir: &Path, name: &str, text: &str) -> Result<(), String> {
    let path = dir.join(name);
    fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Replaces each `<script src="NAME"></script>` whose NAME is in `scripts` by the script.
fn inline_scripts(html: &str, scripts: &[(&str, &str)]) -> Result<String, String> {
    let mut out = html.to_owned();
    for (name, text) in scripts {
        check_inline(name, text)?;
        let tag = format!("<script src=\"{name}\"></script>");
        out = out.replace(&tag, &format!("<script>\n{text}\n</script>"));
    }
    Ok(out)
}

fn run(args: &[String]) -> Result<String, String> {
    let [glue, wasm, element, bundle, demo, out] = args else {
        return Err("usage: pack GLUE.js WASM ELEMENT.js BUNDLE.json DEMO_DIR OUT_DIR".into());
    };
    let out = Path::new(out);
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let wasm = fs::read(wasm).map_err(|e| format!("cannot read {wasm}: {e}"))?;
    let script = format!(
        "/* policy-compare: the comparison widget, its wasm inlined (see the README). */\n(function () {{\n{}\nvar POLICY_COMPARE_WASM = \"{}\";\n{}\n}})();\n",
        read(glue)?,
        byte_string(&wasm),
        read(element)?
    );
    let bundle_text = compact_json(&read(bundle)?);
    let bundle_js = format!(
        "window.PolicyCompareBundle = {};\n",
        bundle_literal(&bundle_text)?
    );
    write(out, "policy-compare.js", &format!("{BOM}{script}"))?;
    write(out, "bundle.js", &format!("{BOM}{bundle_js}"))?;
    write(out, "bundle.json", &bundle_text)?;
    let demo = Path::new(demo);
    for name in ["index.html", "demo.js", "embed-example.html"] {
        write(out, name, &read(&demo.join(name).to_string_lossy())?)?;
    }
    let index = read(&demo.join("index.html").to_string_lossy())?;
    let demo_js = read(&demo.join("demo.js").to_string_lossy())?;
    let standalone = inline_scripts(
        &index,
        // The bundle first: the element then finds it defined and loads nothing more.
        &[
            ("policy-compare.js", &format!("{bundle_js}{script}")),
            ("demo.js", &demo_js),
        ],
    )?;
    if standalone.contains("<script src=") {
        return Err("index.html loads a script that policy-compare.html cannot inline".into());
    }
    write(out, "policy-compare.html", &standalone)?;
    Ok(format!(
        "packed {} (wasm {} bytes) into {}",
        "policy-compare.js",
        wasm.len(),
        out.display()
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(message) => {
            eprintln!("{message}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_string_escapes_only_what_a_literal_or_inline_script_cannot_hold() {
        assert_eq!(byte_string(b""), "");
        assert_eq!(byte_string(b"ab\x01\x7f"), "ab\u{1}\u{7f}");
        assert_eq!(byte_string(&[0, b'1']), "\\x001");
        assert_eq!(byte_string(b"\\\"\n\r"), "\\\\\\\"\\n\\r");
        assert_eq!(byte_string(b"</ <!-- <a"), "\\x3c/ \\x3c!-- <a");
        assert_eq!(byte_string(&[0xe9, 0xff]), "\u{e9}\u{ff}");
    }

    #[test]
    fn compact_json_keeps_strings_whole() {
        let json = "{\n  \"a b\": [1, 2],\n  \"c\": \"x \\\" y\\\\\",\t\"d\": \"\"\n}\n";
        let compact = compact_json(json);
        assert_eq!(compact, r#"{"a b":[1,2],"c":"x \" y\\","d":""}"#);
        let (a, b): (serde_json::Value, serde_json::Value) = (
            serde_json::from_str(json).unwrap(),
            serde_json::from_str(&compact).unwrap(),
        );
        assert_eq!(a, b);
    }

    #[test]
    fn inline_scripts_cannot_close_their_element() {
        for bad in ["a = '</script>'", "a = '</Script >'", "x <!-- y"] {
            assert!(inline_scripts("<script src=\"x.js\"></script>", &[("x.js", bad)]).is_err());
        }
        let html = inline_scripts("<script src=\"x.js\"></script>", &[("x.js", "1")]);
        assert_eq!(html.as_deref(), Ok("<script>\n1\n</script>"));
    }

    #[test]
    fn bundle_text_cannot_close_an_inline_script() {
        let literal =
            bundle_literal("{\"t\": \"</Script><img src=x onerror=alert(1)> <!-- \"}").unwrap();
        assert!(!literal.contains('<'));
        assert!(check_inline("bundle", &literal).is_ok());
        // The literal still reads back as the text.
        let back: String = serde_json::from_str(&literal.replace("\\u003c", "<")).unwrap();
        assert!(back.contains("</Script><img"));
    }
}
