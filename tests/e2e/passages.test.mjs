// The passages view as a reader checks it, in real headless Chromium: a table row's
// provenance names its row. Each test ends by asserting an empty console.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, ready, fileUrl } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Runs `body` on a page at `url` and asserts an empty console afterwards. */
async function withPage(url, body, options) {
  const { page, context, messages } = await open(browser, url, options);
  try {
    await body(page, messages);
    assert.deepEqual(messages, [], 'the console stays empty');
  } finally {
    await context.close();
  }
}

test('a_table_row_s_provenance_names_its_table_and_row_not_a_bare_number', async () => {
  // National–Guangxi opens on the FTZ annex: a table whose rows are numbered (序号).
  for (const lang of ['zh', 'en']) {
    await withPage(fileUrl('index.html', `#left=national&right=guangxi&lang=${lang}`), async (page) => {
      await ready(page);
      const paths = await page.evaluate(() => [...document.querySelector('policy-compare').shadowRoot
        .querySelectorAll('.passage .where')].map((w) => w.children[2].textContent));
      assert.ok(paths.length > 50, `${paths.length} passages drawn`);
      assert.match(paths[0], /^附件：.*目录 › 第\d+项$/, 'the first passage: the annex’s caption and its row');
      for (const path of paths) assert.doesNotMatch(path, /(^| › )\d+$/, path);
    });
  }
});
