// Screenshots of every view in Chinese and English, on a desktop and a 375 px phone, saved
// to tests/e2e/artifacts/ for people to look at (CI keeps them as artifacts).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, open, ready, fileUrl, artifacts } from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
  fs.mkdirSync(artifacts, { recursive: true });
});
after(async () => { await browser?.close(); });

const SIZES = { desktop: { width: 1280, height: 1000 }, phone: { width: 375, height: 900 } };

// The indicator view (every region's targets) under one theme: a table of many regions.
const THEME = { passages: 'trade', indicator: 'connectivity' };

for (const view of ['passages', 'targets', 'overview', 'indicator']) {
  for (const lang of ['zh', 'en']) {
    for (const [size, viewport] of Object.entries(SIZES)) {
      const name = `${view}-${lang}-${size}`;
      test(`screenshot_${name.replaceAll('-', '_')}`, async () => {
        const hash = `#left=jiangxi&right=henan&theme=${THEME[view] ?? 'all'}&view=${view}&lang=${lang}`;
        const { page, context, messages } = await open(browser, fileUrl('index.html', hash), { viewport });
        try {
          await ready(page);
          // Fonts and the first frame, then the picture.
          await page.evaluate(() => document.fonts.ready);
          await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
          assert.ok(fs.statSync(path.join(artifacts, `${name}.png`)).size > 10000);
          assert.deepEqual(messages, []);
        } finally {
          await context.close();
        }
      });
    }
  }
}

// The comparisons the alignment work was reviewed on, at the size a first screen has.
for (const [left, right] of [['guangxi', 'fujian'], ['hunan', 'henan'], ['gansu', 'shaanxi']]) {
  const name = `blocks-${left}-${right}`;
  test(`screenshot_${name.replaceAll('-', '_')}`, async () => {
    const { page, context, messages } = await open(browser, fileUrl('index.html', `#left=${left}&right=${right}`), { viewport: { width: 1280, height: 900 } });
    try {
      await ready(page);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
      assert.deepEqual(messages, []);
    } finally {
      await context.close();
    }
  });
}
