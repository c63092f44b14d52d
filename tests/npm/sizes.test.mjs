// The API stays out of the widget's classic script: dist/ is built without the `api`
// feature, pkg/ with it. Prints the sizes the README and the issue report.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { pkg, root } from './common.mjs';

const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;

test('the_widget_script_carries_no_api_and_pkg_does', () => {
  const script = fs.readFileSync(path.join(root, 'dist', 'policy-compare.js'));
  const glue = fs.readFileSync(path.join(pkg, 'policy_compare.js'), 'utf8');
  // The wasm-bindgen glue names every exported class: the API's `Comparer` is in pkg/ only.
  assert.match(glue, /export class Comparer\b/);
  assert.match(glue, /export class Widget\b/);
  assert.doesNotMatch(script.toString('utf8'), /comparer_new|class Comparer\b/);
  const wasm = fs.readFileSync(path.join(pkg, 'policy_compare_bg.wasm'));
  console.log(`# dist/policy-compare.js: ${script.length} bytes, ${gzip(script)} gzip -9`);
  console.log(`# pkg/policy_compare_bg.wasm: ${wasm.length} bytes, ${gzip(wasm)} gzip -9`);
});
