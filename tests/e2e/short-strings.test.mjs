// The glue's fast path for short strings (www/build/short-strings.mjs) reads every string
// the wasm passes exactly as wasm-bindgen's TextDecoder does, and dist's glue has it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { NEW, OLD, patched } from '../../www/build/short-strings.mjs';
import { root } from './harness.mjs';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

/** The patched `getStringFromWasm0` over `memory`. */
function reader(memory) {
  return new Function('getUint8ArrayMemory0', 'decodeText', `${NEW}\nreturn getStringFromWasm0;`)(
    () => memory,
    (bytes) => decoder.decode(bytes),
  );
}

test('short_strings_read_as_the_text_decoder_reads_them', () => {
  // Strings as Rust passes them (valid UTF-8): ASCII, NUL, a BOM, Chinese, astral
  // characters, at lengths around the fast path's limit, at odd offsets in memory.
  const pieces = ['', 'a', '\0', 'class', '\uFEFF', '中欧班列', '😀', '\u007f', '\u0080', 'row:jiangxi-2016-10-09/p4'];
  let seed = 7;
  const random = (n) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const strings = [];
  for (const n of [0, 1, 62, 63, 64, 65, 126, 127, 128, 129, 200]) {
    strings.push('x'.repeat(n), 'é'.repeat(n >> 1), '中'.repeat(Math.floor(n / 3)), `${'中'.repeat(Math.max(0, Math.floor(n / 3) - 1))}😀`);
  }
  for (let k = 0; k < 2000; k++) {
    let s = '';
    while (s.length < random(80)) s += pieces[random(pieces.length)];
    strings.push(s);
  }
  const encoder = new TextEncoder();
  const memory = new Uint8Array(1 << 16);
  const read = reader(memory);
  for (const s of strings) {
    const bytes = encoder.encode(s);
    const at = 1 + random(memory.length - bytes.length - 2);
    memory.set(bytes, at);
    assert.equal(read(at, bytes.length), s, JSON.stringify(s));
  }
});

test('the_widget_s_glue_has_the_fast_path', () => {
  // What `make dist` minified: the glue as patched, before terser.
  const glue = fs.readFileSync(path.join(root, 'target/no-modules/policy_compare.js'), 'utf8');
  assert.ok(glue.includes(NEW), 'the patched glue');
  assert.ok(!glue.includes(OLD));
  assert.throws(() => patched(glue), /not the one this script knows/);
});
