//! Packs the widget for pages that cannot fetch (files opened from disk): `make` runs it.
//!
//! - `policy-compare.js`: one classic script — the wasm-bindgen "no-modules" glue, the wasm
//!   deflated and in base64, and the custom element — wrapped so that nothing leaks into
//!   the page. The wasm's imports get short names, in the wasm and the glue alike.
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

/// The wasm and its glue with short names for the wasm's imports and wasm-bindgen's own
/// exports, in both alike, and without the wasm's custom sections.
///
/// Why: wasm-bindgen names each import after the function it wraps and a hash of 16 hex
/// digits (`__wbg_createTextNode_2b48c3fc75dfcc67`), under the module
/// `./policy_compare_bg.js`; each name stands in the wasm's import section and as a key of
/// the glue's import object, and the hashes do not compress. Renamed `a`, `b`, … in both,
/// they cost next to nothing. Only the import and export sections change in the wasm; in
/// the glue, every word that is one of the old names (they are unique, hashes and all) and
/// each module name in quotes. An import that the glue does not name, or a module it does
/// not quote, is an error rather than a wasm that would fail to instantiate.
fn with_short_names(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    let bad = |what: &str| format!("the wasm cannot be read: {what}");
    let mut r = Reader { bytes: wasm, at: 0 };
    let header = r.take(8).map_err(|e| bad(&e))?;
    if header != b"\0asm\x01\0\0\0" {
        return Err(bad("not a wasm module of version 1"));
    }
    let mut out = header.to_vec();
    let mut names: Vec<(String, String)> = Vec::new();
    let mut modules: Vec<(String, String)> = Vec::new();
    let mut exports: Vec<(String, String)> = Vec::new();
    while r.at < wasm.len() {
        let id = r.byte().map_err(|e| bad(&e))?;
        let size = r.leb().map_err(|e| bad(&e))?;
        let payload = r
            .take(usize::try_from(size).map_err(|e| bad(&e.to_string()))?)
            .map_err(|e| bad(&e))?;
        let payload = match id {
            2 => imports_renamed(payload, &mut names, &mut modules).map_err(|e| bad(&e))?,
            7 => exports_renamed(payload, &mut exports).map_err(|e| bad(&e))?,
            // Custom sections (what the wasm's compiler targeted): nothing runs them.
            0 => continue,
            _ => payload.to_vec(),
        };
        out.push(id);
        push_leb(&mut out, payload.len() as u64);
        out.extend_from_slice(&payload);
    }
    if let Some((old, _)) = exports
        .iter()
        .find(|(e, _)| names.iter().any(|(i, _)| i == e))
    {
        return Err(format!("`{old}` names both an import and an export"));
    }
    let mut glue = renamed_words(glue, &names, true)?;
    glue = renamed_words(&glue, &exports, false)?;
    for (module, short) in &modules {
        let quoted = format!("\"{module}\"");
        if !glue.contains(&quoted) {
            return Err(format!(
                "the glue does not name the wasm's import module {quoted}"
            ));
        }
        glue = glue.replace(&quoted, &format!("\"{short}\""));
    }
    Ok((out, glue))
}

/// The import section `payload` with each import's module and name replaced by a short
/// one (recorded in `names` and `modules`, old and new).
fn imports_renamed(
    payload: &[u8],
    names: &mut Vec<(String, String)>,
    modules: &mut Vec<(String, String)>,
) -> Result<Vec<u8>, String> {
    let mut r = Reader {
        bytes: payload,
        at: 0,
    };
    let count = r.leb()?;
    let mut out = Vec::with_capacity(payload.len());
    push_leb(&mut out, count);
    for _ in 0..count {
        let module = r.name()?;
        let name = r.name()?;
        let start = r.at;
        r.import_kind()?;
        let kind = &payload[start..r.at];
        let module = match modules.iter().find(|(m, _)| m == module) {
            Some((_, short)) => short.clone(),
            None => {
                let short = short_name(modules.len());
                modules.push((module.to_owned(), short.clone()));
                short
            }
        };
        let short = short_name(names.len());
        names.push((name.to_owned(), short.clone()));
        push_name(&mut out, &module);
        push_name(&mut out, &short);
        out.extend_from_slice(kind);
    }
    if r.at != payload.len() {
        return Err("bytes after the last import".into());
    }
    Ok(out)
}

/// The export section `payload` with wasm-bindgen's own exports (the allocator, the
/// closures' entry points, …: names that start with `__wbindgen_`, `__wbg_`,
/// `__externref_` or `wasm_bindgen__`) renamed short, recorded in `exports`. The widget's
/// own exports keep their names; they are few and hash-free.
fn exports_renamed(payload: &[u8], exports: &mut Vec<(String, String)>) -> Result<Vec<u8>, String> {
    let mut r = Reader {
        bytes: payload,
        at: 0,
    };
    let count = r.leb()?;
    let mut out = Vec::with_capacity(payload.len());
    push_leb(&mut out, count);
    for _ in 0..count {
        let name = r.name()?;
        let start = r.at;
        r.byte()?;
        r.leb()?;
        let internal = ["__wbindgen_", "__wbg_", "__externref_", "wasm_bindgen__"]
            .iter()
            .any(|p| name.starts_with(p));
        let name = if internal {
            let short = short_name(exports.len());
            exports.push((name.to_owned(), short.clone()));
            short
        } else {
            name.to_owned()
        };
        push_name(&mut out, &name);
        out.extend_from_slice(&payload[start..r.at]);
    }
    if r.at != payload.len() {
        return Err("bytes after the last export".into());
    }
    Ok(out)
}

/// `a`…`z`, `A`…`Z`, then `ba`, `bb`, … : a different name for each `n`.
fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = vec![LETTERS[n % 52]];
    n /= 52;
    while n > 0 {
        name.push(LETTERS[n % 52]);
        n /= 52;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// `js` with each word (a run of `[A-Za-z0-9_$]`) that is an old name in `names` replaced
/// by its new one; when `all_used`, every old name must occur.
fn renamed_words(js: &str, names: &[(String, String)], all_used: bool) -> Result<String, String> {
    let map: std::collections::HashMap<&str, &str> = names
        .iter()
        .map(|(old, new)| (old.as_str(), new.as_str()))
        .collect();
    let mut found = std::collections::HashSet::new();
    let mut out = String::with_capacity(js.len());
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut rest = js;
    while let Some(start) = rest.find(word) {
        out.push_str(&rest[..start]);
        let len = rest[start..]
            .find(|c| !word(c))
            .unwrap_or(rest.len() - start);
        let w = &rest[start..start + len];
        match map.get(w) {
            Some(new) => {
                found.insert(w);
                out.push_str(new);
            }
            None => out.push_str(w),
        }
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    match names.iter().find(|(old, _)| !found.contains(old.as_str())) {
        Some((old, _)) if all_used => {
            Err(format!("the glue does not name the wasm's import `{old}`"))
        }
        _ => Ok(out),
    }
}

/// Reads the parts of a wasm module that [`with_short_names`] needs.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("it ends early")?;
        self.at += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let part = &self.bytes[self.at..end.ok_or("it ends early")?];
        self.at += n;
        Ok(part)
    }

    /// An unsigned LEB128 number (a signed one's bytes are skipped the same way).
    fn leb(&mut self) -> Result<u64, String> {
        let (mut n, mut shift) = (0u64, 0);
        loop {
            let b = self.byte()?;
            if shift < 64 {
                n |= u64::from(b & 0x7f) << shift;
            }
            if b & 0x80 == 0 {
                return Ok(n);
            }
            shift += 7;
        }
    }

    fn name(&mut self) -> Result<&'a str, String> {
        let len = usize::try_from(self.leb()?).map_err(|e| e.to_string())?;
        std::str::from_utf8(self.take(len)?).map_err(|e| e.to_string())
    }

    /// Skips an import's kind and type: a function, table, memory, global or tag.
    fn import_kind(&mut self) -> Result<(), String> {
        match self.byte()? {
            0x00 => self.leb().map(drop),
            0x01 => {
                self.value_type()?;
                self.limits()
            }
            0x02 => self.limits(),
            0x03 => {
                self.value_type()?;
                self.byte().map(drop)
            }
            0x04 => {
                self.byte()?;
                self.leb().map(drop)
            }
            kind => Err(format!("an import of unknown kind {kind:#x}")),
        }
    }

    fn value_type(&mut self) -> Result<(), String> {
        // `(ref null? ht)` carries a heap type after it.
        if matches!(self.byte()?, 0x63 | 0x64) {
            self.leb()?;
        }
        Ok(())
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 0x01 != 0 {
            self.leb()?;
        }
        if flags & 0x08 != 0 {
            self.leb()?;
        }
        Ok(())
    }
}

fn push_leb(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// A wasm name: its length, then its bytes.
fn push_name(out: &mut Vec<u8>, name: &str) {
    push_leb(out, name.len() as u64);
    out.extend_from_slice(name.as_bytes());
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
    let (wasm, glue) = with_short_names(&wasm, &read(glue)?)?;
    let script = format!(
        "/* policy-compare: the comparison widget, its wasm inlined (see the README). */\n(function () {{\n{}\nvar POLICY_COMPARE_WASM = \"{}\";\n{}\n}})();\n",
        without_comment_lines(&glue),
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

    /// A module with a function type, two imports (a function and a table) and an
    /// export, as wasm-bindgen would have them.
    fn module_with_imports() -> Vec<u8> {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend([1, 4, 1, 0x60, 0, 0]);
        let mut imports = vec![2];
        for (name, kind) in [
            ("__wbg_f_0123456789abcdef", &[0x00, 0][..]),
            ("__wbindgen_table", &[0x01, 0x6f, 0x00, 1][..]),
        ] {
            for text in ["./m.js", name] {
                imports.push(text.len() as u8);
                imports.extend_from_slice(text.as_bytes());
            }
            imports.extend_from_slice(kind);
        }
        wasm.extend([2, imports.len() as u8]);
        wasm.extend(imports);
        wasm.extend([0, 3, 1, b'x', 9]);
        let mut exports = vec![2, 1, b'g', 0x00, 1, 17];
        exports.extend_from_slice(b"__wbindgen_malloc");
        exports.extend([0x00, 2]);
        wasm.extend([7, exports.len() as u8]);
        wasm.extend(exports);
        wasm
    }

    #[test]
    fn imports_and_wasm_bindgen_exports_get_short_names_in_wasm_and_glue_alike() {
        let glue = "const i = {__proto__: null, __wbg_f_0123456789abcdef: function() {}, \
                    __wbindgen_table: t}; __wbg_f_0123456789abcdef_x(); w.__wbindgen_malloc(1); \
                    return {\"./m.js\": i};";
        let (wasm, glue) = with_short_names(&module_with_imports(), glue).unwrap();
        assert_eq!(
            glue,
            "const i = {__proto__: null, a: function() {}, \
             b: t}; __wbg_f_0123456789abcdef_x(); w.a(1); \
             return {\"a\": i};"
        );
        let mut expected = b"\0asm\x01\0\0\0".to_vec();
        expected.extend([1, 4, 1, 0x60, 0, 0]);
        expected.extend([2, 15, 2, 1, b'a', 1, b'a', 0x00, 0]);
        expected.extend([1, b'a', 1, b'b', 0x01, 0x6f, 0x00, 1]);
        // The custom section goes; the widget's export keeps its name, wasm-bindgen's is short.
        expected.extend([7, 9, 2, 1, b'g', 0x00, 1, 1, b'a', 0x00, 2]);
        assert_eq!(wasm, expected);
    }

    #[test]
    fn an_import_the_glue_does_not_name_is_an_error() {
        let glue = "const i = {__wbindgen_table: t}; return {\"./m.js\": i};";
        let err = with_short_names(&module_with_imports(), glue).unwrap_err();
        assert!(err.contains("__wbg_f_0123456789abcdef"), "{err}");
        let glue = "const i = {__wbg_f_0123456789abcdef: f, __wbindgen_table: t}; return i;";
        assert!(with_short_names(&module_with_imports(), glue).is_err());
        assert!(with_short_names(b"\0asm\x01\0\0\0\x02\x05\x01", glue).is_err());
    }

    #[test]
    fn short_names_are_distinct() {
        let names: std::collections::HashSet<String> = (0..3000).map(short_name).collect();
        assert_eq!(names.len(), 3000);
        assert_eq!(short_name(0), "a");
        assert_eq!(short_name(52), "ba");
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
