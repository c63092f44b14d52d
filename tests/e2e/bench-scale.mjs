// The widget and the engine on bundles 1×, 10× and 100× the shipped one (`make
// bench-scale`). Larger bundles are made from www/bundle.json by repeating every paragraph
// K times in its section (new ids; metrics keep pointing at the first copy): each region
// has K times the passages, which is what the comparison's work grows with. For each
// size: the first comparison on screen (a page over http with bundle="…", traced, not
// touched until the widget marks `shown`): wall time, main-thread CPU and the longest
// task; a theme switch to the next frame; and the command line's comparison of the same
// regions (native). A benchmark: it prints figures and asserts nothing.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, serve, root, dist, hostPage } from './harness.mjs';
import { startTrace, stopTrace, pageThread, window_, sleep } from './trace.mjs';

const SIZES = (process.env.SIZES || '1,10,100').split(',').map(Number);
const out = path.join(root, 'target', 'scale');
fs.mkdirSync(out, { recursive: true });

/** The shipped bundle with every paragraph `k` times. */
function scaled(k) {
  const b = JSON.parse(fs.readFileSync(path.join(root, 'www/bundle.json'), 'utf8'));
  const mult = (ps) => ps.flatMap((p) => [p, ...Array.from({ length: k - 1 }, (_, i) => ({ ...p, id: `${p.id}.k${i + 2}` }))]);
  const walk = (ss) => ss.forEach((s) => { s.paragraphs = mult(s.paragraphs); walk(s.sections); });
  for (const d of b.documents) {
    if (d.preamble) d.preamble = mult(d.preamble);
    walk(d.sections);
  }
  return JSON.stringify(b);
}

for (const k of SIZES) fs.writeFileSync(path.join(out, `bundle-${k}x.json`), k === 1 ? fs.readFileSync(path.join(root, 'www/bundle.json')) : scaled(k));
fs.copyFileSync(path.join(dist, 'policy-compare.js'), path.join(out, 'policy-compare.js'));
for (const k of SIZES) {
  fs.writeFileSync(path.join(out, `${k}x.html`), hostPage(`<policy-compare bundle="bundle-${k}x.json" left="jiangxi" right="henan"></policy-compare>`));
}

const server = await serve(out);
const browser = await launch();
console.log('## Scale: jiangxi–henan, first comparison over http, then a theme switch\n');
for (const k of SIZES) {
  const bytes = fs.statSync(path.join(out, `bundle-${k}x.json`)).size;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await startTrace(browser, page);
  await page.goto(server.base + `${k}x.html`);
  await sleep(3000 + k * 150);
  const events = await stopTrace(browser);
  const thread = pageThread(events, 'policy-compare:shown');
  let first = 'not shown in time';
  if (thread) {
    const shown = thread.marks.get('policy-compare:shown')[0];
    const nav = thread.marks.get('navigationStart').filter((t) => t <= shown);
    const w = window_(thread, nav[nav.length - 1], shown);
    const after = window_(thread, shown, shown + 60e6);
    first = `wall ${w.wall.toFixed(0)} ms, main-thread CPU ${w.cpu.toFixed(0)} ms, longest task ${w.longest.toFixed(0)} ms (after it: longest task ${after.longest.toFixed(0)} ms)`;
  }
  // A theme switch, to the next frame.
  const sw = await page.evaluate(async () => {
    const el = document.querySelector('policy-compare');
    const t0 = performance.now();
    const shown = new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
    el.shadowRoot.querySelector('[data-key="themes:trade"]').click();
    return (await shown) - t0;
  });
  await context.close();
  const t0 = process.hrtime.bigint();
  execFileSync(path.join(root, 'target/release/policy-compare'), ['compare', '--bundle', path.join(out, `bundle-${k}x.json`), '--left', 'jiangxi', '--right', 'henan', '--format', 'json'], { cwd: root, maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'ignore'] });
  const native = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`- ${k}× (${(bytes / 1e6).toFixed(1)} MB): first comparison ${first}; theme switch → frame ${sw.toFixed(0)} ms wall; native compare (command line, read + compare + JSON) ${native.toFixed(0)} ms`);
}
await browser.close();
await server.close();
