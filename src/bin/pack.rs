//! Packs the widget for pages that cannot fetch (files opened from disk): `make` runs it.
//!
//! - `policy-compare.js`: one classic script — the wasm-bindgen "no-modules" glue, the wasm
//!   deflated and in base64, and the custom element — wrapped so that nothing leaks into
//!   the page.
//! - `bundle.js`: the default bundle as a classic script (`window.PolicyCompareBundle`).
//! - `policy-compare.html`: the demo page with every `<script src>` it uses inlined: one
//!   file to email and open offline.
//!
//! Usage: `pack GLUE.js WASM ELEMENT.js BUNDLE.json DEMO_DIR OUT_DIR`

use std::fs;
use std::path::Path;
use std::process::ExitCode;

/// The wasm as it travels inside the script: deflated (raw DEFLATE, which the browser's
/// `DecompressionStream("deflate-raw")` inflates), then base64.
///
/// Why: deflated, the wasm is about a third of its size, and a server's gzip of the base64
/// text gives back nearly the deflated size (base64 has 64 symbols: six bits each), where
/// gzip of the raw bytes as a string literal, or of plain base64, was larger by a tenth and
/// by a third. A host that does not compress, and the one-file `policy-compare.html` sent
/// by email, gain most. Base64 is safe in a string literal and in an inline `<script>`.
/// Zopfli, not zlib's best level: the deflate stream is about 5 % smaller, once, at build
/// time (`tests/e2e/size.test.mjs` holds the budget). Zopfli's default of at most 15 block
/// splits is lifted: the wasm's parts (code, then data; within the code, the bundle reader,
/// the DOM glue, …) deflate best each with Huffman codes of their own, and zopfli splits
/// there when allowed to (a few seconds more, once).
fn packed_wasm(wasm: &[u8]) -> String {
    let mut deflated = Vec::with_capacity(wasm.len() / 2);
    let options = zopfli::Options {
        maximum_block_splits: 1000,
        ..zopfli::Options::default()
    };
    match zopfli::compress(options, zopfli::Format::Deflate, wasm, &mut deflated) {
        Ok(()) => base64(&deflated),
        // Writing into a Vec cannot fail; were it to, zlib's level is a correct fallback.
        Err(_) => base64(&miniz_oxide::deflate::compress_to_vec(wasm, 10)),
    }
}

fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(TABLE[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Script text without its comments that stand on lines of their own (`/* … */` blocks,
/// `//` lines): for the reader of the source, not for each visitor to download. Comments
/// after code stay (telling one inside a string apart would need a JS parser).
fn without_comment_lines(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut in_block = false;
    for line in js.lines() {
        let code = line.trim_start();
        if in_block {
            in_block = !line.contains("*/");
            continue;
        }
        if code.starts_with("/*") {
            in_block = !line.contains("*/");
            continue;
        }
        if code.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
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
/// them is refused. (The strings we put in scripts cannot have them: the wasm is base64,
/// and the bundle's `<` are escaped where it is written.)
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
        without_comment_lines(&read(glue)?),
        packed_wasm(&wasm),
        without_comment_lines(&read(element)?)
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
    let page = |name: &str| read(&demo.join(name).to_string_lossy());
    let (index, embed) = (page("index.html")?, page("embed-example.html")?);
    write(out, "index.html", &index)?;
    write(out, "embed-example.html", &embed)?;
    let standalone = inline_scripts(
        &index,
        // The bundle first: the element then finds it defined and loads nothing more.
        &[("policy-compare.js", &format!("{bundle_js}{script}"))],
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
    fn comment_lines_go_and_code_stays() {
        let js = "/* a\n   b */\nvar x = 1; /* kept */\n  // gone\n  /** doc */\nf('/*');\n";
        assert_eq!(
            without_comment_lines(js),
            "var x = 1; /* kept */\nf('/*');\n"
        );
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0, 255, 128]), "AP+A");
    }

    #[test]
    fn the_packed_wasm_inflates_back() {
        let wasm: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 251) as u8).collect();
        let packed = packed_wasm(&wasm);
        assert!(
            packed
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
        let table = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut bits = Vec::new();
        for b in packed.bytes().filter(|&b| b != b'=') {
            let v = table.iter().position(|&t| t == b).unwrap() as u32;
            bits.push(v);
        }
        let mut deflated = Vec::new();
        for chunk in bits.chunks(4) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, v)| n | (v << (18 - 6 * i)));
            for i in 0..chunk.len() - 1 {
                deflated.push((n >> (16 - 8 * i)) as u8);
            }
        }
        assert_eq!(
            miniz_oxide::inflate::decompress_to_vec(&deflated).unwrap(),
            wasm
        );
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
