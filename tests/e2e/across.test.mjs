// Across all regions, as a reader uses it in real headless Chromium: search (from file://,
// in the one-file page, over http, by keyboard alone), a result opened in the comparison,
// the map's numbers opening the passages view, and one theme read everywhere. Each test
// ends by asserting an empty console; screenshots of each view, on a desktop and a phone,
// land in tests/e2e/artifacts/across-*.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, visit, ready, fileUrl, serve, dist, artifacts, bundle } from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
  fs.mkdirSync(artifacts, { recursive: true });
});
after(async () => { await browser?.close(); });

const SIZES = { desktop: { width: 1280, height: 1000 }, phone: { width: 375, height: 900 } };

/** Runs `body` on a page at `url` and asserts an empty console afterwards. */
const withPage = (url, body, options) => visit(browser, url, body, options);

const attr = (page, name) => page.evaluate((n) => document.querySelector('policy-compare').getAttribute(n), name);

async function shoot(page, name) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(artifacts, `across-${name}.png`) });
}

/** Types a query in the widget's search box and presses Enter. */
async function searchFor(page, query) {
  const box = page.locator('policy-compare #pc-query');
  await box.fill(query);
  await box.press('Enter');
  await page.waitForFunction(() => document.querySelector('policy-compare').shadowRoot.querySelector('section.hits'));
}

/** What a search view shows: its regions with counts, and the marked text. */
function results(page) {
  return page.evaluate(() => {
    const root = document.querySelector('policy-compare').shadowRoot;
    return {
      groups: [...root.querySelectorAll('section.hits')].map((s) => [s.querySelector('h3').firstChild.textContent, Number(s.querySelector('h3 .count').textContent)]),
      marks: [...root.querySelectorAll('section.hits mark.hit')].map((m) => m.textContent),
      status: root.querySelector('.status').textContent,
    };
  });
}

test('search_from_file_url', async () => {
  await withPage(fileUrl('index.html'), async (page) => {
    await ready(page);
    await searchFor(page, '中欧班列');
    assert.equal(await attr(page, 'view'), 'search');
    assert.equal(await attr(page, 'query'), '中欧班列');
    const r = await results(page);
    const names = r.groups.map((g) => g[0]);
    for (const region of ['河南', '湖南', '广西']) {
      assert.ok(names.includes(region), `${region} in ${names}`);
    }
    assert.ok(r.marks.length >= 3 && r.marks.every((m) => m === '中欧班列'), r.marks.join(' '));
    assert.match(r.status, /“中欧班列”：\d+ 个地区，\d+ 段/);
    // The query is in the link, and comes back from it.
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('query=中欧班列'));
    await shoot(page, 'search-desktop');
  }, { viewport: SIZES.desktop });
});

test('search_from_the_one_file_page', async () => {
  const html = fs.readFileSync(path.join(dist, 'policy-compare.html'), 'utf8');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-compare-across-'));
  fs.writeFileSync(path.join(dir, 'policy-compare.html'), html);
  const url = pathToFileURL(path.join(dir, 'policy-compare.html')).href + '#view=search&query=' + encodeURIComponent('"境外经贸合作区"') + '&lang=en';
  try {
    await withPage(url, async (page) => {
      await ready(page);
      await page.waitForFunction(() => document.querySelector('policy-compare').shadowRoot.querySelector('section.hits'));
      const r = await results(page);
      assert.ok(r.groups.length >= 3, JSON.stringify(r.groups));
      assert.ok(r.marks.every((m) => m === '境外经贸合作区'), r.marks.join(' '));
      assert.match(r.status, /"境外经贸合作区": \d+ passages in \d+ regions/);
      // The filters narrow it, and say how many each choice holds.
      const first = r.groups[0];
      const option = page.locator('policy-compare #pc-query-region option', { hasText: first[0] });
      await page.locator('policy-compare #pc-query-region').selectOption(await option.getAttribute('value'));
      const narrowed = await results(page);
      assert.deepEqual(narrowed.groups, [first]);
      await shoot(page, 'search-phone');
    }, { viewport: SIZES.phone });
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});

test('search_over_http', async () => {
  const server = await serve(dist);
  try {
    await withPage(server.base + 'index.html', async (page) => {
      await ready(page);
      await searchFor(page, '跨境电商');
      const r = await results(page);
      assert.ok(r.groups.some((g) => g[0] === '河南'));
      assert.ok(r.marks.length > 0 && r.marks.every((m) => m === '跨境电商'));
      // A stray space: two terms, and more than the phrase finds.
      await searchFor(page, '中欧 班列');
      const spaced = await results(page);
      const total = spaced.groups.reduce((n, g) => n + g[1], 0);
      await searchFor(page, '中欧班列');
      const together = await results(page);
      assert.ok(total >= together.groups.reduce((n, g) => n + g[1], 0));
    });
  } finally {
    await server.close();
  }
});

test('search_by_keyboard_only', async () => {
  await withPage(fileUrl('index.html'), async (page) => {
    await ready(page);
    const focused = () => page.evaluate(() => {
      const host = document.activeElement;
      const el = host && host.shadowRoot ? host.shadowRoot.activeElement : host;
      return el ? el.getAttribute('data-key') || el.tagName.toLowerCase() : null;
    });
    for (let i = 0; i < 20 && (await focused()) !== 'query'; i++) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await focused(), 'query', 'the search box is in the tab order');
    await page.keyboard.type('跨境电商');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('policy-compare').shadowRoot.querySelector('section.hits'));
    assert.equal(await focused(), 'query', 'focus stays in the box');
    // On to the first result's button, and open it.
    for (let i = 0; i < 40 && !String(await focused()).startsWith('open:'); i++) {
      await page.keyboard.press('Tab');
    }
    const key = (await focused()).slice('open:'.length);
    await page.keyboard.press('Enter');
    assert.equal(await attr(page, 'view'), 'passages');
    const row = await page.evaluate(() => {
      const root = document.querySelector('policy-compare').shadowRoot;
      const el = root.activeElement;
      return el && el.matches('li.row') ? el.querySelector('.passage.found .where').id : null;
    });
    assert.ok(row && row.endsWith(key), `focus is on the row of ${key}: ${row}`);
  });
});

test('choosing_a_result_opens_the_comparison', async () => {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await withPage(fileUrl('index.html', '#left=jiangxi&right=henan'), async (page) => {
      await ready(page);
      await searchFor(page, '境外经贸合作区');
      const button = page.locator('policy-compare button[data-action="open"]').last();
      const key = await button.getAttribute('data-value');
      const doc = key.split('/')[0];
      const region = bundle().documents.find((d) => d.id === doc).region;
      await button.click();
      assert.equal(await attr(page, 'view'), 'passages');
      assert.ok([await attr(page, 'left'), await attr(page, 'right')].includes(region), `${region} is on one side`);
      const found = page.locator('policy-compare .passage.found');
      assert.equal(await found.count(), 1);
      assert.ok(await found.isVisible());
      assert.ok(await found.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top < innerHeight && r.bottom > 0;
      }), 'the passage is on screen');
      assert.match(await found.locator('.text').textContent(), /境外经贸合作区/);
      await shoot(page, `opened-${size}`);
    }, { viewport });
  }
});

test('the_map_cell_opens_the_passages_view', async () => {
  await withPage(fileUrl('index.html', '#view=map&lang=en'), async (page) => {
    await ready(page);
    const table = page.locator('policy-compare table.map');
    assert.equal(await table.locator('caption').count(), 1);
    assert.equal(await table.locator('thead th[scope="col"]').count(), 11, 'region, nine themes, total');
    assert.ok(await table.locator('tbody th[scope="row"]').count() >= 14);
    // Sorted by finance, largest first.
    await page.locator('policy-compare [data-key="map-sort:finance"]').click();
    assert.equal(await page.locator('policy-compare th[aria-sort="descending"]').count(), 1);
    const finance = await page.evaluate(() => {
      const table = document.querySelector('policy-compare').shadowRoot.querySelector('table.map');
      const column = [...table.querySelectorAll('thead th')].findIndex((th) => th.querySelector('[data-value="finance"]'));
      return [...table.querySelectorAll('tbody tr')].map((tr) => Number(tr.children[column].textContent));
    });
    assert.deepEqual(finance, [...finance].sort((a, b) => b - a));
    await shoot(page, 'map-desktop');
    // Gansu's finance number opens Gansu on finance in the passages view, and the count
    // agrees with that view's (less its boilerplate, which the map does not count).
    const cell = page.locator('policy-compare tbody tr', { hasText: 'Gansu' }).locator('[data-value="gansu|finance"]');
    const n = Number(await cell.textContent());
    await cell.click();
    assert.equal(await attr(page, 'view'), 'passages');
    assert.equal(await attr(page, 'left'), 'gansu');
    assert.equal(await attr(page, 'right'), 'henan', 'facing the region shown before');
    assert.equal(await attr(page, 'theme'), 'finance');
    const tab = await page.locator('policy-compare [data-key="themes:finance"] .count').textContent();
    assert.ok(Number(tab.split('·')[0]) >= n, `${tab} vs ${n}`);
    // A theme's topics: one column for the theme, one per topic.
    await page.evaluate(() => {
      const el = document.querySelector('policy-compare');
      el.setAttribute('view', 'map');
      el.setAttribute('theme', 'connectivity');
    });
    await page.waitForFunction(() => document.querySelector('policy-compare').shadowRoot.querySelector('table.map [data-key="map-sort:rail-freight"]'));
  }, { viewport: SIZES.desktop });
  await withPage(fileUrl('index.html', '#view=map&theme=trade'), async (page) => {
    await ready(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'the table scrolls inside the widget, not the page');
    await shoot(page, 'map-phone');
  }, { viewport: SIZES.phone });
});

test('the_topic_view_for_one_theme_lists_every_region_that_has_text_on_it', async () => {
  // From the bundle itself: regions with content passages under finance, or finance targets.
  const b = bundle();
  const expected = new Set();
  const walk = (region, sections) => {
    for (const s of sections) {
      for (const p of s.paragraphs) {
        if (!p.boilerplate && p.themes.includes('finance')) expected.add(region);
      }
      walk(region, s.sections);
    }
  };
  for (const d of b.documents) {
    for (const p of d.preamble || []) {
      if (!p.boilerplate && p.themes.includes('finance')) expected.add(d.region);
    }
    walk(d.region, d.sections);
    if (d.metrics.some((m) => m.kind === 'target' && m.theme === 'finance')) expected.add(d.region);
  }
  const names = Object.fromEntries(b.regions.map((r) => [r.zh, r.id]));
  for (const [size, viewport] of Object.entries(SIZES)) {
    await withPage(fileUrl('index.html', '#view=topic&theme=finance'), async (page) => {
      await ready(page);
      const cards = await page.evaluate(() => [...document.querySelector('policy-compare').shadowRoot.querySelectorAll('.card h3')].map((h) => h.firstChild.textContent));
      assert.deepEqual(new Set(cards.map((c) => names[c])), expected);
      assert.match(await page.locator('policy-compare .status').textContent(), /资金融通：\d+ 个地区有相关段落/);
      await shoot(page, `topic-${size}`);
      if (size === 'desktop') {
        // A topic of the theme: its cue words marked, and the regions that name it.
        await page.locator('policy-compare #pc-topic').selectOption({ index: 1 });
        assert.ok(await attr(page, 'topic'));
        // Another theme's tab clears the topic.
        await page.locator('policy-compare [data-key="topic-theme:trade"]').click();
        assert.equal(await attr(page, 'theme'), 'trade');
        assert.ok(!(await attr(page, 'topic')), 'the topic is cleared');
        await page.evaluate(() => document.querySelector('policy-compare').setAttribute('topic', 'rail-freight'));
        await page.waitForFunction(() => document.querySelector('policy-compare').shadowRoot.querySelector('.card mark.hit'));
        const marks = await page.evaluate(() => [...document.querySelector('policy-compare').shadowRoot.querySelectorAll('.card mark.hit')].map((m) => m.textContent));
        assert.ok(marks.includes('中欧班列'), marks.join(' '));
        await shoot(page, 'topic-rail-freight-desktop');
      }
    }, { viewport });
  }
});

test('an_unknown_topic_is_reported', async () => {
  await withPage(fileUrl('index.html', '#view=topic&topic=space-elevators'), async (page) => {
    await ready(page);
    const alert = await page.locator('policy-compare [role="alert"]').textContent();
    assert.match(alert, /topic="space-elevators" is not valid; valid values: rail-freight/);
  });
});

test('the_topic_view_lists_each_region_s_targets_on_the_theme_with_their_quotes', async () => {
  const b = bundle();
  const names = Object.fromEntries(b.regions.map((r) => [r.zh, r.id]));
  await withPage(fileUrl('index.html', '#view=topic&theme=connectivity'), async (page) => {
    await ready(page);
    const quoted = await page.evaluate(() => Object.fromEntries([...document.querySelector('policy-compare').shadowRoot.querySelectorAll('.card')]
      .map((c) => [c.querySelector('h3').firstChild.textContent, [...c.querySelectorAll('.targets-on q')].map((q) => q.textContent).sort()])));
    for (const [zh, quotes] of Object.entries(quoted)) {
      const want = b.documents.filter((d) => d.region === names[zh])
        .flatMap((d) => d.metrics.filter((m) => m.kind === 'target' && m.theme === 'connectivity').map((m) => m.quote)).sort();
      assert.deepEqual(quotes, want, `${zh}: its connectivity targets, and no others`);
    }
    assert.ok(Object.values(quoted).filter((q) => q.length > 0).length >= 2, 'regions that set connectivity targets show them');
  }, { viewport: SIZES.desktop });
});
