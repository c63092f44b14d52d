// pkg/ in a browser as a page without a bundler uses it: an import map names the package,
// the page imports the API and the element over http, and the element draws a
// comparison. Real headless Chromium (the system's, launched as tests/e2e does).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { launch, open, ready, serve, shadowText } from '../e2e/harness.mjs';
import { cliJson, pkg, scratch } from './common.mjs';

let browser;
let server;
let dir;
before(async () => {
  browser = await launch();
  // The package as a site would deploy it: a copy of pkg/ under /node_modules/.
  dir = scratch('importmap');
  fs.cpSync(pkg, path.join(dir, 'node_modules', 'policy-compare'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>import map</title>
<script type="importmap">
{"imports": {
  "policy-compare": "./node_modules/policy-compare/index.js",
  "policy-compare/element": "./node_modules/policy-compare/element.js"
}}
</script>
</head>
<body>
<policy-compare left="jiangxi" right="henan" theme="finance"></policy-compare>
<script type="module">
  import 'policy-compare/element';
  import { createComparer } from 'policy-compare';
  const pc = await createComparer();
  window.comparison = pc.compare('jiangxi', 'henan', { theme: 'finance' });
  try {
    pc.compare('jiangxi', 'atlantis');
  } catch (e) {
    window.thrown = { error: e instanceof Error, message: e.message };
  }
</script>
</body></html>`,
  );
  server = await serve(dir);
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true });
});

test('an_import_map_page_draws_a_comparison_with_the_element_from_pkg', async () => {
  const { page, context, messages } = await open(browser, server.base + 'index.html');
  try {
    await ready(page);
    await page.waitForFunction(() => window.comparison !== undefined, null, { timeout: 15000 });
    const comparison = await page.evaluate(() => window.comparison);
    // The API in the browser answers as the command line does.
    assert.deepStrictEqual(
      comparison,
      cliJson(['compare', '--left', 'jiangxi', '--right', 'henan', '--theme', 'finance']),
    );
    // The element drew that comparison: the first pair's passages are on screen.
    const shown = await shadowText(page);
    const first = comparison.pairs[0];
    assert.ok(shown.includes(first.left.text), 'the first pair\'s left passage is shown');
    assert.ok(shown.includes(first.right.text), 'the first pair\'s right passage is shown');
    assert.equal(await page.locator('policy-compare select#pc-left').inputValue(), 'jiangxi');
    const thrown = await page.evaluate(() => window.thrown);
    assert.equal(thrown.error, true, 'a thrown Error');
    assert.match(thrown.message, /^right: unknown region "atlantis"; valid regions: /);
    // One wasm for the API and the element, the bundle from the package.
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    const count = (name) => loaded.filter((p) => p.endsWith('/policy-compare/' + name)).length;
    assert.equal(count('policy_compare_bg.wasm'), 1, loaded.join(' '));
    assert.ok(count('bundle.json') >= 1, loaded.join(' '));
    assert.deepEqual(messages, [], 'the console stays empty');
  } finally {
    await context.close();
  }
});
