// The widget's download sizes and speed in headless Chromium (`make bench-browser`).
// A benchmark, not a test: it reports figures and asserts nothing.
//
// - Sizes: what a visitor downloads, raw, gzip -9 and brotli.
// - First comparison: dist/index.html opened from disk in a fresh browser context and
//   traced; the page is not touched (no script of ours runs in it) until well after the
//   widget marks `policy-compare:shown` (the frame after the comparison is drawn). From
//   the trace: wall time from navigation to that mark, the main thread's CPU time in
//   between (thread time of its tasks), and its longest task.
// - Switch: a click on a theme tab or a region change, until the frame that shows it;
//   wall time in the page, and CPU time from the trace between the marks set around it.
// - Scroll: the longest comparison scrolled to its end a step per frame: the longest
//   task and the frames over 50 ms while it scrolls.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, open, ready, fileUrl, dist, root, bundle } from './harness.mjs';
import { startTrace, stopTrace, pageThread, window_, longTasks, stats, sleep } from './trace.mjs';

const RUNS = Number(process.env.RUNS || 20);
const WAIT = Number(process.env.WAIT || 3000);

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

console.log('## Sizes (raw / gzip -9 / brotli 11; kB = 1000 bytes)\n');
const parts = [
  ['wasm (inside policy-compare.js, deflated)', path.join(root, 'target/no-modules/policy_compare_bg.wasm')],
  ['wasm-bindgen glue JS (minified)', path.join(root, 'target/no-modules/policy_compare.min.js')],
  ['custom element JS (minified)', path.join(root, 'target/no-modules/element.min.js')],
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
const first = { wall: [], cpu: [], longest: [], render: [] };
// Where the CPU goes: the widget's marks in order, and the CPU between each and the next.
const PHASES = ['navigationStart', 'policy-compare:script', 'policy-compare:wasm-ready', 'policy-compare:bundle-loaded',
  'policy-compare:bundle-read', 'policy-compare:bundle-prepared', 'policy-compare:first-render', 'policy-compare:shown'];
const phases = new Map();
let missed = 0;
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await startTrace(browser, page);
  await page.goto(fileUrl('index.html'));
  // Nothing of ours runs in the page until the widget has long marked `shown`.
  await sleep(WAIT);
  const events = await stopTrace(browser);
  const thread = pageThread(events, 'policy-compare:shown');
  if (!thread) {
    missed++;
    await context.close();
    continue;
  }
  const nav = (thread.marks.get('navigationStart') || [thread.tasks[0].ts]).filter((t) => t <= thread.marks.get('policy-compare:shown')[0]);
  const from = nav[nav.length - 1];
  const shown = thread.marks.get('policy-compare:shown')[0];
  const w = window_(thread, from, shown);
  first.wall.push(w.wall);
  first.cpu.push(w.cpu);
  first.longest.push(w.longest);
  let previous = from;
  for (const name of PHASES.slice(1)) {
    const at = (thread.marks.get(name) || []).find((t) => t >= from);
    if (at === undefined) continue;
    if (!phases.has(name)) phases.set(name, []);
    phases.get(name).push(window_(thread, previous, at).cpu);
    previous = at;
  }
  const render = (thread.marks.get('policy-compare:first-render') || [])[0];
  if (render) first.render.push((render - from) / 1000);
  await context.close();
}

// Switches: in one page, each to a comparison not seen before on it (cached ones are
// instant), timed in the page to the frame that shows it and traced for CPU.
const switches = { theme: [], region: [], themeCpu: [], regionCpu: [] };
{
  const { page, context } = await open(browser, fileUrl('index.html'));
  await ready(page);
  await sleep(500);
  await startTrace(browser, page);
  const times = await page.evaluate(async () => {
    const el = document.querySelector('policy-compare');
    const out = [];
    let n = 0;
    // Asked for before the change, so that it runs right after the frame that shows it
    // (before any rows the widget leaves for later).
    const time = async (kind, act) => {
      const id = n++;
      performance.mark(`bench:start:${id}`);
      const t0 = performance.now();
      const shown = new Promise((resolve) =>
        requestAnimationFrame(() => setTimeout(() => {
          performance.mark(`bench:end:${id}`);
          resolve(performance.now());
        }, 0)));
      act();
      out.push({ kind, id, wall: (await shown) - t0 });
      // Let the widget finish drawing before the next change.
      await new Promise((resolve) => setTimeout(resolve, 300));
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
  const events = await stopTrace(browser);
  const thread = pageThread(events, 'bench:start:0');
  for (const t of times) {
    switches[t.kind].push(t.wall);
    if (thread) {
      const a = thread.marks.get(`bench:start:${t.id}`)?.[0];
      const b = thread.marks.get(`bench:end:${t.id}`)?.[0];
      if (a && b) switches[`${t.kind}Cpu`].push(window_(thread, a, b).cpu);
    }
  }
  await context.close();
}

// Scroll: the two regions with the most paragraphs, all themes, scrolled a step a frame.
const scroll = {};
{
  const b = bundle();
  const count = new Map();
  const walk = (ss, r) => ss.forEach((s) => { count.set(r, (count.get(r) || 0) + s.paragraphs.length); walk(s.sections, r); });
  for (const d of b.documents) {
    count.set(d.region, (count.get(d.region) || 0) + (d.preamble || []).length);
    walk(d.sections, d.region);
  }
  const [left, right] = [...count.entries()].sort((a, b) => b[1] - a[1]).map(([r]) => r);
  scroll.pair = `${left}–${right}`;
  const { page, context } = await open(browser, fileUrl('index.html'));
  await ready(page);
  await page.evaluate(([l, r]) => {
    const el = document.querySelector('policy-compare');
    el.setAttribute('left', l);
    el.setAttribute('right', r);
    el.setAttribute('theme', 'all');
  }, [left, right]);
  await sleep(3000);
  await startTrace(browser, page);
  const frames = await page.evaluate(async () => {
    performance.mark('bench:scroll:start');
    const gaps = [];
    let last = performance.now();
    while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 2) {
      window.scrollBy(0, 120);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }
    performance.mark('bench:scroll:end');
    return { gaps, height: document.documentElement.scrollHeight };
  });
  const events = await stopTrace(browser);
  const thread = pageThread(events, 'bench:scroll:start');
  const a = thread.marks.get('bench:scroll:start')[0];
  const z = thread.marks.get('bench:scroll:end')[0];
  const long = longTasks(thread, a, z, 50);
  scroll.frames = frames.gaps.length;
  scroll.height = frames.height;
  scroll.worstFrame = Math.max(...frames.gaps);
  scroll.framesOver50 = frames.gaps.filter((g) => g > 50).length;
  scroll.longestTask = long.longest;
  scroll.tasksOver50 = long.over;
  await context.close();
}
await browser.close();

const line = (name, s, target) =>
  `- ${name}: median ${ms(s.median)}, best ${ms(s.best)}, worst ${ms(s.worst)} (${s.n} runs${target ? `; target ${target}` : ''})`;
console.log(`\n## Speed in headless Chromium (${process.env.CHROMIUM || '/usr/bin/chromium'}), from file://\n`);
console.log(line('first comparison on screen, main-thread CPU (trace)', stats(first.cpu), '≤ 70 ms'));
console.log(line('first comparison on screen, wall (navigation → shown mark)', stats(first.wall)));
console.log(line('first comparison in the DOM, wall (navigation → first-render mark)', stats(first.render)));
console.log(line('longest main-thread task before it is shown', stats(first.longest)));
console.log('- main-thread CPU by phase, median (from the previous mark to this one): ' +
  [...phases.entries()].map(([name, v]) => `${name.replace('policy-compare:', '')} ${ms(stats(v).median)}`).join(', '));
if (missed) console.log(`- (${missed} loads did not show within ${WAIT} ms and are not counted)`);
console.log(line('switch theme → next frame, wall', stats(switches.theme), '≤ 16 ms'));
console.log(line('switch theme → next frame, main-thread CPU', stats(switches.themeCpu)));
console.log(line('switch region → next frame, wall', stats(switches.region)));
console.log(line('switch region → next frame, main-thread CPU', stats(switches.regionCpu)));
console.log(`- scroll of the longest comparison (${scroll.pair}, ${scroll.height} px, ${scroll.frames} frames): worst frame ${ms(scroll.worstFrame)}, frames over 50 ms: ${scroll.framesOver50}; longest task ${ms(scroll.longestTask)}, tasks over 50 ms: ${scroll.tasksOver50}`);
