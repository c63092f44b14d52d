// Diff speed beside the JavaScript diff libraries (`make bench-diff`): ours (the wasm's
// `diffPair`, the diff the view draws for near-copies, from pkg/), jsdiff's `diffChars`
// and diff-match-patch's `diff_main` + `diff_cleanupSemantic`, on the same pairs in one
// page, interleaved round by round so that the machine's load falls on all three alike.
// Two sets: the pairs the engine shows side by side for a few region pairs (real pairs),
// and near-identical copies of the bundle's passages with a few edits (what the view
// diffs). A benchmark: it prints medians and ratios and asserts nothing.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, serve, root, bundle } from './harness.mjs';
import { stats } from './trace.mjs';

const ROUNDS = Number(process.env.ROUNDS || 15);
const here = path.dirname(new URL(import.meta.url).pathname);

// Real pairs: what the command line's comparison pairs up.
const real = [];
for (const [l, r] of [['jiangxi', 'henan'], ['shaanxi', 'xian'], ['guangdong', 'fujian'], ['national', 'zhejiang'], ['gansu', 'hunan']]) {
  const out = execFileSync(path.join(root, 'target/release/policy-compare'), ['compare', '--left', l, '--right', r, '--format', 'json'], { cwd: root, maxBuffer: 1 << 28 });
  const c = JSON.parse(out);
  for (const p of c.pairs) real.push([p.left.text, p.right.text]);
}

// Near-identical copies: each passage against itself with a few edits (a number changed,
// a few characters in, a few out), from a fixed seed.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const texts = [];
const walk = (ss) => ss.forEach((s) => { s.paragraphs.forEach((p) => texts.push(p.text)); walk(s.sections); });
for (const d of bundle().documents) {
  (d.preamble || []).forEach((p) => texts.push(p.text));
  walk(d.sections);
}
const near = texts.filter((t) => t.length >= 40).map((t) => {
  let s = t.replace(/\d+/, (n) => String(Number(n) + 5));
  const at = Math.floor(random() * s.length);
  s = s.slice(0, at) + '进一步' + s.slice(at);
  const cut = Math.floor(random() * (s.length - 4));
  return [t, s.slice(0, cut) + s.slice(cut + 3)];
});

const page = `<!doctype html><meta charset="utf-8"><title>bench-diff</title>
<script src="diff.min.js"></script>
<script>var module = { exports: {} };</script><script src="dmp.js"></script>
<script>var DMP = module.exports;</script>
<script type="module">
  import init, { diffPair } from './pkg/policy_compare.js';
  await init();
  window.ours = diffPair;
  window.ready = true;
</script>`;
const dir = fs.mkdtempSync(path.join(root, 'target', 'bench-diff-'));
try {
  fs.writeFileSync(path.join(dir, 'index.html'), page);
  fs.copyFileSync(path.join(here, 'node_modules/diff/dist/diff.min.js'), path.join(dir, 'diff.min.js'));
  fs.copyFileSync(path.join(here, 'node_modules/diff-match-patch/index.js'), path.join(dir, 'dmp.js'));
  fs.cpSync(path.join(root, 'pkg'), path.join(dir, 'pkg'), { recursive: true });
  const server = await serve(dir);
  const browser = await launch();
  const p = await browser.newPage();
  await p.goto(server.base + 'index.html');
  await p.waitForFunction(() => window.ready === true);
  const results = await p.evaluate(async ({ sets, rounds }) => {
    const dmp = new DMP();
    dmp.Diff_Timeout = 0;
    const libs = {
      ours: (a, b) => window.ours(a, b),
      jsdiff: (a, b) => Diff.diffChars(a, b).length,
      'diff-match-patch': (a, b) => {
        const d = dmp.diff_main(a, b);
        dmp.diff_cleanupSemantic(d);
        return d.length;
      },
    };
    const out = {};
    for (const [name, pairs] of Object.entries(sets)) {
      out[name] = { ours: [], jsdiff: [], 'diff-match-patch': [] };
      const order = Object.keys(libs);
      for (let r = 0; r < rounds + 1; r++) {
        order.push(order.shift());
        for (const lib of order) {
          const t0 = performance.now();
          for (const [a, b] of pairs) libs[lib](a, b);
          const t = performance.now() - t0;
          if (r > 0) out[name][lib].push(t); // the first round warms up
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }
    }
    return out;
  }, { sets: { 'real pairs': real, 'near-identical edited copies': near }, rounds: ROUNDS });
  await browser.close();
  await server.close();
  console.log(`## Diff speed in headless Chromium (median of ${ROUNDS} interleaved rounds)\n`);
  for (const [name, r] of Object.entries(results)) {
    const m = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, stats(v).median]));
    const n = name === 'real pairs' ? real.length : near.length;
    console.log(`- ${name} (${n} pairs): ours ${m.ours.toFixed(1)} ms, jsdiff ${m.jsdiff.toFixed(1)} ms, diff-match-patch ${m['diff-match-patch'].toFixed(1)} ms; ` +
      `ours ÷ jsdiff ${(m.ours / m.jsdiff).toFixed(2)}, ours ÷ diff-match-patch ${(m.ours / m['diff-match-patch']).toFixed(2)}`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
