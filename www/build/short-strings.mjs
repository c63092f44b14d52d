// Gives the wasm-bindgen glue a fast path for short ASCII strings, before terser minifies
// it (`make dist`): `node short-strings.mjs GLUE.js` rewrites the file in place.
//
// Why: drawing the widget passes every tag, class, attribute and text from the wasm as a
// string, ten to twenty thousand of them per switch of theme, most short and ASCII
// (`class`, `data-key`, `row:jiangxi-…`), and the Chinese pieces of the passages between
// their marks. wasm-bindgen decodes each with a `TextDecoder` call on a fresh `subarray`
// view, a fixed cost per string that dominated the switch's string traffic; read byte by
// byte, a short string skips both. The wasm passes only valid UTF-8 (Rust strings), so
// the reading needs no checks: one, two and three bytes make one UTF-16 unit. A character
// beyond the Basic Multilingual Plane (four bytes, two units) or a longer string (a whole
// passage) goes the usual way. Measured against the glue as generated, in one page,
// switches and the first comparison took less main-thread time (the commits that added
// this, for ASCII and then for Chinese, give the figures).
//
// The function it replaces is matched exactly: a wasm-bindgen that generates it otherwise
// stops the build here, rather than shipping a glue without the fast path unnoticed.

import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

export const OLD = `    function getStringFromWasm0(ptr, len) {
        ptr = ptr >>> 0;
        return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
    }`;

export const NEW = `    function getStringFromWasm0(ptr, len) {
        ptr = ptr >>> 0;
        const bytes = getUint8ArrayMemory0();
        if (len < 128) {
            let text = '';
            for (let i = ptr, end = ptr + len; i < end;) {
                const byte = bytes[i];
                let code;
                if (byte < 0x80) {
                    code = byte;
                    i += 1;
                } else if (byte < 0xe0) {
                    code = (byte & 0x1f) << 6 | bytes[i + 1] & 0x3f;
                    i += 2;
                } else if (byte < 0xf0) {
                    code = (byte & 0x0f) << 12 | (bytes[i + 1] & 0x3f) << 6 | bytes[i + 2] & 0x3f;
                    i += 3;
                } else {
                    return decodeText(bytes.subarray(ptr, end));
                }
                text += String.fromCharCode(code);
            }
            return text;
        }
        return decodeText(bytes.subarray(ptr, ptr + len));
    }`;

/** `glue` with the fast path, or an error naming what is not as expected. */
export function patched(glue) {
  const at = glue.indexOf(OLD);
  if (at < 0 || glue.indexOf(OLD, at + 1) >= 0) {
    throw new Error('getStringFromWasm0 is not the one this script knows (a new wasm-bindgen?): update www/build/short-strings.mjs');
  }
  return glue.slice(0, at) + NEW + glue.slice(at + OLD.length);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node short-strings.mjs GLUE.js');
    process.exit(2);
  }
  try {
    fs.writeFileSync(file, patched(fs.readFileSync(file, 'utf8')));
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    process.exit(1);
  }
}
