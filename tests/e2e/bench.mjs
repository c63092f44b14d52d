// The widget's download sizes and speed in headless Chromium (`make bench-browser`).
// A benchmark, not a test: it reports figures and asserts nothing.
//
// - Sizes: what a visitor downloads, raw, gzip -9 and brotli.
// - First comparison: dist/index.html opened from disk in a fresh browser context, until
//   the widget marks `policy-compare:first-render` (the comparison is in the DOM) and
//   `policy-compare:shown` (the frame after it), on the page's Performance timeline.
// - Switch: a click on a theme tab or a region change, until the frame that shows it has
//   been drawn; only comparisons not seen before on that page (cached ones are instant).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, open, ready, fileUrl, dist, root } from './harness.mjs';

const RUNS = Number(process.env.RUNS || 15);

function size(file) {
  const bytes = fs.readFileSync(file);
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

// kB = 1000 bytes, as the budget is written.
const kb = (n) => (n / 1000).toFixed(1) + ' kB';
const ms = (n) => n.toFixed(1) + ' ms';
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, worst: sorted[sorted.length - 1], best: sorted[0], n: sorted.length };
}

console.log('## Sizes (raw / gzip -9 / brotli 11; kB = 1000 bytes)\n');
const parts = [
  ['wasm (inside policy-compare.js)', path.join(root, 'target/no-modules/policy_compare_bg.wasm')],
  ['wasm-bindgen glue JS', path.join(root, 'target/no-modules/policy_compare.js')],
  ['custom element JS', path.join(root, 'www/element.js')],
  ['CSS source (the wasm holds it without comments)', path.join(root, 'src/web/style.css')],
  ['dist/policy-compare.js: all of the above, one file', path.join(dist, 'policy-compare.js')],
  ['dist/bundle.js (the default bundle)', path.join(dist, 'bundle.js')],
  ['dist/bundle.json', path.join(dist, 'bundle.json')],
  ['dist/policy-compare.html (everything)', path.join(dist, 'policy-compare.html')],
];
for (const [name, file] of parts) {
  if (!fs.existsSync(file)) continue;
  const s = size(file);
  console.log(`- ${name}: ${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}`);
}

const browser = await launch();
const first = { render: [], shown: [] };
for (let run = 0; run < RUNS; run++) {
  const { page, context } = await open(browser, fileUrl('index.html'));
  await page.waitForFunction(() => performance.getEntriesByName('policy-compare:shown').length > 0, null, { timeout: 15000 });
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
  first.render.push(marks['policy-compare:first-render']);
  first.shown.push(marks['policy-compare:shown']);
  await context.close();
}

const switches = { theme: [], region: [] };
for (let run = 0; run < Math.max(1, RUNS / 5); run++) {
  const { page, context } = await open(browser, fileUrl('index.html'));
  await ready(page);
  const times = await page.evaluate(async () => {
    const el = document.querySelector('policy-compare');
    const out = { theme: [], region: [] };
    // Asked for before the change, so that it runs right after the frame that shows it
    // (before any rows the widget leaves for later).
    const time = async (kind, act) => {
      const t0 = performance.now();
      const shown = new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
      act();
      out[kind].push((await shown) - t0);
      // Let the widget finish before the next change.
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    const pairs = [['jiangxi', 'henan'], ['guangdong', 'fujian'], ['national', 'zhejiang'], ['shaanxi', 'xian']];
    for (const [left, right] of pairs) {
      await time('region', () => {
        const select = el.shadowRoot.querySelector('#pc-left');
        select.value = left;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await time('region', () => {
        const select = el.shadowRoot.querySelector('#pc-right');
        select.value = right;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      for (const theme of ['connectivity', 'trade', 'industry', 'finance', 'culture', 'all']) {
        await time('theme', () => el.shadowRoot.querySelector(`[data-key="themes:${theme}"]`).click());
      }
    }
    return out;
  });
  switches.theme.push(...times.theme);
  switches.region.push(...times.region);
  await context.close();
}
await browser.close();

const line = (name, s, budget) =>
  `- ${name}: median ${ms(s.median)}, worst ${ms(s.worst)}, best ${ms(s.best)} (${s.n} runs; budget ${budget} ms)`;
console.log(`\n## Speed in headless Chromium (${process.env.CHROMIUM || '/usr/bin/chromium'})\n`);
console.log(line('first comparison in the DOM (first-render mark)', stats(first.render), 300));
console.log(line('first comparison on screen (shown mark)', stats(first.shown), 300));
console.log(line('switch theme, to the next frame', stats(switches.theme), 50));
console.log(line('switch region, to the next frame', stats(switches.region), 50));
