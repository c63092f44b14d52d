// The passages view as a reader checks it, in real headless Chromium: a theme tab's count
// is what choosing the theme shows, "show in context" never repeats the passage drawn next
// to it, and a table row's provenance names its row. Each test ends by asserting an empty
// console.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, visit, ready, fileUrl, bundle } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Runs `body` on a page at `url` and asserts an empty console afterwards. */
const withPage = (url, body, options) => visit(browser, url, body, options);

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

/** Every paragraph's neighbours in its document, in reading order, by `document/paragraph`. */
function documentOrder() {
  const order = new Map();
  for (const doc of bundle().documents) {
    const ids = [];
    const walk = (sections) => {
      for (const s of sections) {
        ids.push(...s.paragraphs);
        walk(s.sections);
      }
    };
    ids.push(...(doc.preamble || []));
    walk(doc.sections);
    ids.forEach((p, k) => order.set(`${doc.id}/${p.id}`, { before: ids[k - 1], after: ids[k + 1] }));
  }
  return order;
}

test('show_in_context_names_the_passage_drawn_next_to_it_instead_of_repeating_it', async () => {
  const order = documentOrder();
  for (const [left, right] of PAIRS.slice(0, 3)) {
    await withPage(fileUrl('index.html', `#left=${left}&right=${right}&lang=en`), async (page) => {
      await ready(page);
      // The first passages of each column, in context.
      const keys = await page.evaluate(() => ['left', 'right'].flatMap((side) => [...document.querySelector('policy-compare').shadowRoot
        .querySelectorAll(`ol.rows > li > .cell.${side} .passage button[data-action="context"]`)].slice(0, 8).map((b) => b.dataset.value)));
      for (const key of new Set(keys)) {
        const button = page.locator(`policy-compare button[data-key="context:${key}"]`).first();
        if (await button.getAttribute('aria-expanded') === 'false') await redraw(page, () => button.click());
      }
      // Each column from top to bottom: its passages, and `null` for a line that is not one.
      const columns = await page.evaluate(() => ['left', 'right'].map((side) => {
        const out = [];
        for (const cell of document.querySelector('policy-compare').shadowRoot.querySelectorAll(`ol.rows > li > .cell.${side}`)) {
          if (cell.querySelector(':scope > button.run') && !cell.querySelector('.passage')) out.push(null);
          for (const p of cell.querySelectorAll('.passage')) {
            const groups = [...p.querySelectorAll('[role="group"]')];
            const at = (label) => groups.find((g) => g.getAttribute('aria-label') === label)?.textContent ?? null;
            out.push({
              key: p.querySelector('button[data-action="context"]').dataset.value,
              open: p.querySelector('button[data-action="context"]').getAttribute('aria-expanded') === 'true',
              before: at('Paragraph before'),
              after: at('Paragraph after'),
            });
          }
          if (cell.querySelector('.more')) out.push(null);
        }
        return out;
      }));
      let named = 0;
      let shown = 0;
      for (const column of columns) {
        column.forEach((p, k) => {
          if (!p?.open) return;
          for (const [which, next, said] of [['before', column[k - 1], 'Before: shown above'], ['after', column[k + 1], 'After: shown below']]) {
            const neighbour = order.get(p.key)[which];
            const doc = p.key.split('/')[0];
            if (!neighbour) {
              assert.equal(p[which], null, `${p.key}: nothing ${which} it`);
            } else if (next && next.key === `${doc}/${neighbour.id}`) {
              assert.equal(p[which], said, `${p.key}: the paragraph ${which} it is drawn next to it, named not repeated`);
              named++;
            } else {
              assert.equal(p[which], neighbour.text, `${p.key}: the paragraph ${which} it, not drawn next to it, is shown`);
              shown++;
            }
          }
        });
      }
      assert.ok(named > 0 && shown > 0, `${left}–${right}: ${named} named, ${shown} shown`);
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
