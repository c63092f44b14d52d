// Search speed in headless Chromium (`make bench-search`): 200 queries drawn from the
// corpus, typed into the widget one after another, on the shipped bundle and on one ten
// times larger (synthetic.mjs). A benchmark, not a test: it reports figures and asserts
// nothing.
//
// Per query, two times: the search itself (the widget's performance marks
// `policy-compare:search` → `policy-compare:searched`: every passage scanned and the
// results ranked), and from setting the `query` attribute to the frame that shows the
// results (the search, drawing the view, layout and paint).

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, open, ready, scratch, hostPage, jsonForScript, bundle } from './harness.mjs';
import { synthetic } from './synthetic.mjs';

const QUERIES = Number(process.env.QUERIES || 200);

/** A small seeded generator, so that every run draws the same queries. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every paragraph's text. */
function texts(b) {
  const out = [];
  const walk = (sections) => {
    for (const s of sections) {
      for (const p of s.paragraphs) out.push(p.text);
      walk(s.sections);
    }
  };
  for (const d of b.documents) {
    for (const p of d.preamble || []) out.push(p.text);
    walk(d.sections);
  }
  return out;
}

/** Queries as readers type them: one term (half of them), two terms of one passage, a
 *  phrase in quotes, a term with a stray space. Terms are 2–6 characters of a passage,
 *  without the quote marks and spaces that are query syntax. */
function queries(b, n) {
  const rnd = random(20180101);
  const all = texts(b).filter((t) => t.length >= 12);
  const piece = (text, min, max) => {
    const len = min + Math.floor(rnd() * (max - min + 1));
    const at = Math.floor(rnd() * (text.length - len));
    return [...text.slice(at, at + len)].filter((c) => !/[\s"'“”‘’「」『』《》]/.test(c)).join('');
  };
  const out = [];
  while (out.length < n) {
    const text = all[Math.floor(rnd() * all.length)];
    const kind = rnd();
    let q;
    if (kind < 0.5) q = piece(text, 2, 6);
    else if (kind < 0.75) q = `${piece(text, 2, 4)} ${piece(text, 2, 4)}`;
    else if (kind < 0.9) q = `"${piece(text, 4, 8)}"`;
    else {
      const t = piece(text, 4, 6);
      q = `${t.slice(0, 2)} ${t.slice(2)}`;
    }
    if (q.replace(/[\s"]/g, '').length >= 2) out.push(q);
  }
  return out;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const p90 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))];
  return { median, p90, worst: sorted[sorted.length - 1], n: sorted.length };
}

const ms = (n) => n.toFixed(2) + ' ms';

async function measure(browser, name, b, qs) {
  const dir = scratch({
    'bench.html': hostPage(`<script type="application/json" id="b">${jsonForScript(b)}</script>
<policy-compare bundle="#b" view="search"></policy-compare>`),
  });
  const { page, context, messages } = await open(browser, pathToFileURL(path.join(dir, 'bench.html')).href);
  try {
    await ready(page);
    const result = await page.evaluate(async (qs) => {
      const el = document.querySelector('policy-compare');
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const last = (name) => performance.getEntriesByName(name).at(-1);
      // The first search makes the index: timed on its own.
      el.setAttribute('query', '一带一路');
      await frame();
      const index = last('policy-compare:search-index').startTime - last('policy-compare:search').startTime;
      const core = [];
      const shown = [];
      let found = 0;
      for (const q of qs) {
        const before = performance.getEntriesByName('policy-compare:searched').length;
        const t0 = performance.now();
        el.setAttribute('query', q);
        await frame();
        shown.push(performance.now() - t0);
        if (performance.getEntriesByName('policy-compare:searched').length > before) {
          core.push(last('policy-compare:searched').startTime - last('policy-compare:search').startTime);
        }
        found += el.shadowRoot.querySelectorAll('section.hits').length > 0 ? 1 : 0;
      }
      const slowest = qs.map((q, i) => [shown[i], q]).sort((a, b) => b[0] - a[0]).slice(0, 3);
      return { index, core, shown, found, slowest };
    }, qs);
    const passages = texts(b).length;
    const chars = texts(b).reduce((n, t) => n + t.length, 0);
    console.log(`\n### ${name}: ${passages} passages, ${(chars / 1000).toFixed(0)}k characters\n`);
    console.log(`- making the index (first search only): ${ms(result.index)}`);
    const core = stats(result.core);
    const shown = stats(result.shown);
    console.log(`- search (scan and rank): median ${ms(core.median)}, 90th percentile ${ms(core.p90)}, worst ${ms(core.worst)} (${core.n} queries)`);
    console.log(`- query set to the frame that shows the results: median ${ms(shown.median)}, 90th percentile ${ms(shown.p90)}, worst ${ms(shown.worst)} (${shown.n} queries)`);
    console.log(`- queries that found something: ${result.found} of ${qs.length}`);
    console.log(`- slowest to the frame: ${result.slowest.map(([t, q]) => `${JSON.stringify(q)} ${ms(t)}`).join(', ')}`);
    if (messages.length) console.log(`- console: ${messages.join(' | ')}`);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true });
  }
}

const shipped = bundle();
const qs = queries(shipped, QUERIES);
console.log(`## Search in headless Chromium (${process.env.CHROMIUM || '/usr/bin/chromium'}), ${qs.length} queries drawn from the corpus`);
console.log(`(e.g. ${qs.slice(0, 6).map((q) => JSON.stringify(q)).join(', ')})`);
const browser = await launch();
try {
  await measure(browser, 'the shipped bundle', shipped, qs);
  await measure(browser, 'ten times larger (synthetic.mjs)', synthetic(shipped, 10), qs);
} finally {
  await browser.close();
}
