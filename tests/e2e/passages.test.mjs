// The passages view as a reader checks it, in real headless Chromium: a theme tab's count
// is what choosing the theme shows, and a table row's provenance names its row. Each test
// ends by asserting an empty console.

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

/** Runs `act` on the widget and waits until it has drawn itself again. */
async function redraw(page, act) {
  const n = await page.evaluate(() => document.querySelector('policy-compare').renders);
  await act();
  await ready(page, n + 1);
}

const PAIRS = [['hebei', 'tianjin'], ['zhejiang', 'fujian'], ['gansu', 'shaanxi'], ['national', 'guangxi']];

test('a_theme_tab_counts_the_passages_choosing_it_shows', async () => {
  // Each side's passages, each once: those drawn (every folded block opened) and those a
  // folded run's line counts.
  for (const [left, right] of PAIRS) {
    await withPage(fileUrl('index.html', `#left=${left}&right=${right}&lang=en`), async (page) => {
      await ready(page);
      const tabs = await page.evaluate(() => [...document.querySelector('policy-compare').shadowRoot
        .querySelectorAll('.themes [role="tab"]')].map((t) => [t.dataset.value, t.querySelector('.count').textContent, t.querySelector('.sr').textContent]));
      assert.equal(tabs.length, 10);
      for (const [theme, count, said] of tabs) {
        const [l, r] = count.split('·').map(Number);
        assert.match(said, new RegExp(`passages shown: .* ${l}, .* ${r}\\)$`), `${theme}: ${said}`);
        if (theme !== 'all') {
          await redraw(page, () => page.evaluate((t) => document.querySelector('policy-compare').setAttribute('theme', t), theme));
        }
        // Open every folded block, one by one.
        for (;;) {
          const more = page.locator('policy-compare .row.pair .more button').first();
          if (await more.count() === 0) break;
          await redraw(page, () => more.click());
        }
        const shown = await page.evaluate(() => {
          const root = document.querySelector('policy-compare').shadowRoot;
          const side = (name) => {
            const keys = new Set();
            let folded = 0;
            for (const cell of root.querySelectorAll(`ol.rows > li > .cell.${name}`)) {
              for (const b of cell.querySelectorAll('.passage button[data-action="context"]')) keys.add(b.dataset.value);
              const run = cell.querySelector(':scope > button.run');
              if (run && !cell.querySelector('.passage')) {
                const label = run.firstChild.textContent;
                folded += (label.match(/\d+/g) || []).map(Number).reduce((a, b) => a + b, 0);
              }
            }
            return keys.size + folded;
          };
          return [side('left'), side('right')];
        });
        assert.deepEqual(shown, [l, r], `${left}–${right} under ${theme}: the tab says ${count}`);
      }
    });
  }
});

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
