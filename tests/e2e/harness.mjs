// What every browser test needs: the system's Chromium (never a downloaded one), pages
// whose console is recorded, a static server for the http cases, and the built dist/.

import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = path.join(root, 'dist');
export const artifacts = path.join(here, 'artifacts');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Launches headless Chromium. */
export async function launch() {
  if (!fs.existsSync(path.join(dist, 'policy-compare.js'))) {
    throw new Error('dist/ is not built: run `make dist` first');
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/** A file:// URL of a file in dist/. */
export function fileUrl(name, hash = '') {
  return pathToFileURL(path.join(dist, name)).href + hash;
}

/**
 * Opens `url` in a fresh context and records everything the page writes to its console,
 * and every uncaught error, in `messages`.
 */
export async function open(browser, url, { viewport = { width: 1280, height: 900 }, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  await page.goto(url);
  return { page, context, messages };
}

/** Runs `body` on a page of `browser` at `url` and asserts an empty console afterwards. */
export async function visit(browser, url, body, options) {
  const { page, context, messages } = await open(browser, url, options);
  try {
    await body(page, messages);
    assert.deepEqual(messages, [], 'the console stays empty');
  } finally {
    await context.close();
  }
}

/** Waits until every widget on the page has drawn itself at least `n` times. */
export async function ready(page, n = 1) {
  await page.waitForFunction(
    (n) => {
      const all = [...document.querySelectorAll('policy-compare')];
      return all.length > 0 && all.every((e) => e.renders >= n);
    },
    n,
    { timeout: 15000 },
  );
}

/** The text a widget shows (`index`-th widget on the page), without its style sheet. */
export function shadowText(page, index = 0) {
  return page.evaluate((i) => {
    const root = document.querySelectorAll('policy-compare')[i].shadowRoot;
    return [...root.childNodes].filter((n) => n.nodeName !== 'STYLE').map((n) => n.textContent).join('');
  }, index);
}

/** Serves `dir` over http on a free port, with `headers` on every response. */
export async function serve(dir, headers = {}) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(dir, path.normalize(name).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, headers);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', ...headers });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/`;
  return { base, close: () => new Promise((resolve) => server.close(resolve)) };
}

// Temporary directories of this test file, removed when its process ends, pass or fail
// (node --test runs each file in a process of its own).
const temporary = [];
function removeTemporary() {
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
process.on('exit', removeTemporary);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    removeTemporary();
    process.kill(process.pid, signal);
  });
}

/** A new empty directory under the system's temporary folder, removed at exit. */
export function tempDir(prefix = 'policy-compare-e2e-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/**
 * Writes an HTML page next to a copy of the widget script in a temporary directory (so
 * tests can host pages of their own) and returns the directory.
 */
export function scratch(pages) {
  const dir = tempDir();
  fs.copyFileSync(path.join(dist, 'policy-compare.js'), path.join(dir, 'policy-compare.js'));
  fs.copyFileSync(path.join(dist, 'bundle.js'), path.join(dir, 'bundle.js'));
  fs.copyFileSync(path.join(dist, 'bundle.json'), path.join(dir, 'bundle.json'));
  for (const [name, html] of Object.entries(pages)) {
    fs.writeFileSync(path.join(dir, name), html);
  }
  return dir;
}

/** A minimal host page around `body`. */
export function hostPage(body, { lang = 'zh', head = '' } = {}) {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>test</title>${head}</head>
<body><h1 id="host-heading">Host page</h1>
${body}
<script src="policy-compare.js"></script>
</body></html>`;
}

/** JSON for a `<script type="application/json">`: `<` escaped so the text cannot end it. */
export function jsonForScript(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The shipped bundle, parsed. */
export function bundle() {
  return JSON.parse(fs.readFileSync(path.join(dist, 'bundle.json'), 'utf8'));
}
