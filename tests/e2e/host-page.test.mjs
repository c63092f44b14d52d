// The widget in someone else's page: an article column with its own font and dark toggle,
// a light-only newspaper, a page under a strict Content-Security-Policy, a reader who
// shares or prints one passage. Each test is named by the behaviour it checks and asserts
// an empty console; the screenshots it writes (tests/e2e/artifacts/host-*.png) are for
// people to look at.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { launch, open, ready, serve, scratch, artifacts, dist } from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
  fs.mkdirSync(artifacts, { recursive: true });
});
after(async () => { await browser?.close(); });

/** Runs `body` on a page at `url` and asserts an empty console afterwards. */
async function withPage(url, body, options) {
  const { page, context, messages } = await open(browser, url, options);
  try {
    await body(page, messages, context);
    assert.deepEqual(messages, [], 'the console stays empty');
  } finally {
    await context.close();
  }
}

/** A page with no inline script or style (so that it works under any CSP); its styles
    come from `host.css`, written next to it. */
function page(body, { lang = 'zh', css = '', htmlClass = '' } = {}) {
  return {
    html: `<!doctype html>
<html lang="${lang}"${htmlClass ? ` class="${htmlClass}"` : ''}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="favicon.ico"><link rel="stylesheet" href="host.css"><title>host</title></head>
<body>${body}
<script src="policy-compare.js"></script>
</body></html>`,
    css,
  };
}

/** Writes pages (name → page()) into a scratch directory with the widget, and returns its
    file:// URL maker and the directory. */
function site(pages) {
  const files = {};
  for (const [name, p] of Object.entries(pages)) {
    files[name] = p.html;
    files[name.replace(/\.html$/, '.css')] = p.css;
  }
  const dir = scratch(files);
  for (const name of Object.keys(pages)) {
    // Each page reads host.css: give each its own by rewriting the link.
    const file = path.join(dir, name);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('href="host.css"', `href="${name.replace(/\.html$/, '.css')}"`));
  }
  fs.writeFileSync(path.join(dir, 'favicon.ico'), '');
  return { dir, url: (name, hash = '') => pathToFileURL(path.join(dir, name)).href + hash };
}

// The think-tank article: a 40 rem column, its own serif at 19 px, a class-based dark
// toggle that also tells the widget (color-scheme on the element, as the README says).
const ARTICLE_CSS = `
body { margin: 0; font: 19px/1.6 Georgia, "Noto Serif CJK SC", serif; background: #fbfaf7; color: #222; }
article { max-width: 40rem; margin: 0 auto; padding: 1rem; }
html.dark body { background: #16181c; color: #ddd; }
policy-compare { color-scheme: light; --pc-accent: light-dark(#8a2c0d, #f4a27a); margin: 1.5rem 0; }
html.dark policy-compare { color-scheme: dark; }
`;
const LOREM = '<p>Provinces answered the national plan with plans of their own; the passages below are what two of them say about the same things.</p>';
function article(widget, { htmlClass = '' } = {}) {
  return page(`<article><h1>Two plans, one template</h1>${LOREM}${widget}${LOREM}</article>`, { lang: 'en', css: ARTICLE_CSS, htmlClass });
}

const shadow = (p, js, arg) => p.evaluate(([js, arg]) => {
  const el = document.querySelector('policy-compare');
  return new Function('el', 'root', 'arg', js)(el, el.shadowRoot, arg);
}, [js, arg]);
const bg = (p, i = 0) => p.evaluate((i) => getComputedStyle(document.querySelectorAll('policy-compare')[i].shadowRoot.querySelector('.pc')).backgroundColor, i);

/** A screenshot; `fullPage` by making the viewport as tall as the page first, so that
    rows that lay out only near the screen (content-visibility) are drawn. */
async function shot(page, name, { fullPage = false, ...options } = {}) {
  const frames = () => page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  await frames();
  const file = path.join(artifacts, `host-${name}.png`);
  const size = page.viewportSize();
  if (fullPage) {
    for (let i = 0; i < 3; i++) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: size.width, height: Math.min(height, 8000) });
      await frames();
    }
  }
  await page.screenshot({ path: file, ...options });
  await page.setViewportSize(size);
  assert.ok(fs.statSync(file).size > 5000);
}

test('stays_styled_under_csp_without_style_src', async () => {
  const { dir } = site({
    'csp.html': page('<policy-compare left="hunan" right="guangxi" height="30rem"></policy-compare>', { css: 'body { margin: 0; }' }),
  });
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
  const server = await serve(dir, { 'Content-Security-Policy': csp });
  try {
    const { page: p, context, messages } = await open(browser, server.base + 'csp.html');
    try {
      await ready(p);
      const style = await shadow(p, `
        const pc = root.querySelector('.pc'), s = getComputedStyle(pc);
        const del = root.querySelector('del');
        return {
          styleElements: root.querySelectorAll('style').length,
          adopted: root.adoptedStyleSheets.length,
          background: s.backgroundColor, border: s.borderTopWidth, padding: s.paddingTop,
          display: getComputedStyle(root.querySelector('.row')).display,
          del: getComputedStyle(del).backgroundColor,
          spoken: getComputedStyle(del, '::before').content,
          height: el.getBoundingClientRect().height,
        };`);
      assert.equal(style.styleElements, 0, 'no <style> element');
      assert.equal(style.adopted, 1, 'one adopted, constructed style sheet');
      assert.equal(style.background, 'rgb(255, 255, 255)');
      assert.equal(style.border, '1px');
      assert.equal(style.display, 'grid', 'the rows are laid out side by side');
      assert.notEqual(style.del, 'rgba(0, 0, 0, 0)', 'highlights have their colour');
      assert.match(style.spoken, /仅见于湖南/, 'custom properties set through the CSSOM reach the style sheet');
      assert.ok(Math.abs(style.height - 480) < 2, `the fixed height holds (${style.height})`);
      assert.deepEqual(messages, [], 'no CSP violation reported');
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
  }
});

test('color_scheme_attribute_overrides_the_os', async () => {
  const { url } = site({
    'schemes.html': page(`
      <policy-compare id="auto" left="hunan" right="guangxi" max-rows="1"></policy-compare>
      <policy-compare id="attr" color-scheme="light" left="hunan" right="guangxi" max-rows="1"></policy-compare>
      <policy-compare id="css" class="light-only" left="hunan" right="guangxi" max-rows="1"></policy-compare>
      <policy-compare id="forced" class="light-only" color-scheme="dark" left="hunan" right="guangxi" max-rows="1"></policy-compare>`,
    { css: '.light-only { color-scheme: light; } #forced { --pc-accent: light-dark(#8a2c0d, #f4a27a); }' }),
  });
  const DARK = 'rgb(27, 28, 31)';
  const WHITE = 'rgb(255, 255, 255)';
  await withPage(url('schemes.html'), async (p) => {
    await ready(p);
    assert.equal(await bg(p, 0), DARK, 'auto follows the OS');
    assert.equal(await bg(p, 1), WHITE, 'color-scheme="light" wins over a dark OS');
    assert.equal(await bg(p, 2), WHITE, 'the page\'s CSS color-scheme on the element is honoured');
    assert.equal(await bg(p, 3), DARK, 'the attribute wins over the page\'s CSS');
    // One custom property themes both modes: the dark half of the host's pair.
    const accent = await p.evaluate(() => getComputedStyle(document.querySelector('#forced').shadowRoot.querySelector('[role="tab"][aria-selected="true"]')).backgroundColor);
    assert.equal(accent, 'rgb(244, 162, 122)');
  }, { colorScheme: 'dark' });
  await withPage(url('schemes.html'), async (p) => {
    await ready(p);
    assert.equal(await bg(p, 0), WHITE);
    assert.equal(await bg(p, 3), DARK, 'color-scheme="dark" wins over a light OS');
  }, { colorScheme: 'light' });
});

test('follows_the_host_font_size', async () => {
  const { url } = site({
    'fonts.html': page(`
      <div class="article"><policy-compare left="hunan" right="guangxi" max-rows="4"></policy-compare></div>
      <div class="reader"><policy-compare left="hunan" right="guangxi" max-rows="4"></policy-compare></div>
      <div class="article"><policy-compare class="scaled" left="hunan" right="guangxi" max-rows="4"></policy-compare></div>
      <div class="article"><policy-compare class="square" left="hunan" right="guangxi" max-rows="4"></policy-compare></div>`,
    // An article at 19 px; a page that leaves the size to the reader (here a reader
    // whose default is 20 px); the scale property on top of the article's size.
    { css: 'html { font-size: 20px; } .article { font-size: 19px; } .reader { font-size: 1rem; } .scaled { --pc-scale: 1.25; --pc-radius: 0; --pc-tab-radius: 2px; } .square { --pc-radius: 0; }' }),
  });
  await withPage(url('fonts.html'), async (p) => {
    await ready(p);
    const sizes = await p.evaluate(() => [...document.querySelectorAll('policy-compare')].map((el) => {
      const root = el.shadowRoot;
      const px = (e, prop = 'fontSize') => parseFloat(getComputedStyle(e)[prop]);
      return {
        pc: px(root.querySelector('.pc')),
        text: px(root.querySelector('.text')),
        padding: px(root.querySelector('.pc'), 'paddingTop'),
        tab: getComputedStyle(root.querySelector('[role="tab"]')).borderTopLeftRadius,
        frame: getComputedStyle(root.querySelector('.pc')).borderTopLeftRadius,
      };
    }));
    const near = (a, b, what) => assert.ok(Math.abs(a - b) < 0.01, `${what}: ${a} vs ${b}`);
    near(sizes[0].pc, 19 * 0.9375, 'the article\'s 19 px');
    near(sizes[1].pc, 20 * 0.9375, 'the reader\'s 20 px');
    near(sizes[2].pc, 19 * 0.9375 * 1.25, '--pc-scale');
    near(sizes[0].text, sizes[0].pc, 'passage text at the widget\'s size');
    near(sizes[0].padding, sizes[0].pc * 0.75, 'spacing in em');
    near(sizes[2].padding, sizes[2].pc * 0.75, 'spacing scales too');
    assert.equal(sizes[0].tab, '999px');
    assert.equal(sizes[2].tab, '2px', '--pc-tab-radius reaches the tabs');
    assert.equal(sizes[2].frame, '0px', '--pc-radius');
    assert.equal(sizes[3].tab, '0px', '--pc-radius alone reaches the tabs too');
  });
});

test('search_and_topic_views_follow_the_host_font_size', async () => {
  const { url } = site({
    'fonts-across.html': page(`
      <div class="article"><policy-compare view="search" query="中欧班列"></policy-compare></div>
      <div class="article"><policy-compare class="scaled" view="search" query="中欧班列"></policy-compare></div>
      <div class="article"><policy-compare view="topic" theme="finance"></policy-compare></div>`,
    { css: 'html { font-size: 20px; } .article { font-size: 19px; } .scaled { --pc-scale: 1.25; }' }),
  });
  await withPage(url('fonts-across.html'), async (p) => {
    await ready(p);
    const sizes = await p.evaluate(() => [...document.querySelectorAll('policy-compare')].map((el) => {
      const root = el.shadowRoot;
      const px = (s, prop = 'fontSize') => { const e = root.querySelector(s); return e ? parseFloat(getComputedStyle(e)[prop]) : null; };
      return {
        pc: px('.pc'), box: px('#pc-query'), boxPadding: px('#pc-query', 'paddingLeft'),
        heading: px('.hits h3, .card h3'), hit: px('.hits li', 'paddingTop'), card: px('.card', 'paddingLeft'),
      };
    }));
    const near = (a, b, what) => assert.ok(a !== null && Math.abs(a - b) < 0.01, `${what}: ${a} vs ${b}`);
    // The root's 20 px is nowhere: everything follows the article's 19 px (and the scale).
    for (const [i, s] of sizes.entries()) {
      near(s.box, s.pc, `search box at the widget's size (${i})`);
      near(s.boxPadding, s.pc * 0.5, `search box padding in em (${i})`);
      near(s.heading, s.pc, `headings at the widget's size (${i})`);
    }
    near(sizes[1].pc, sizes[0].pc * 1.25, '--pc-scale');
    near(sizes[0].hit, sizes[0].pc * 0.4, 'a search hit\'s spacing in em');
    near(sizes[1].hit, sizes[1].pc * 0.4, 'and scaled');
    near(sizes[2].card, sizes[2].pc * 0.75, 'a topic card\'s spacing in em');
  });
});

test('fixed_height_keeps_controls_visible', async () => {
  const { url } = site({
    'fixed.html': page(`
      <policy-compare left="hunan" right="guangxi" height="26rem"></policy-compare>
      <policy-compare class="boxed" height left="henan" right="chengdu" view="targets"></policy-compare>
      <p id="after">after</p>`,
    { css: 'html { font-size: 16px; } body { margin: 0; } .boxed { height: 420px; }' }),
  });
  await withPage(url('fixed.html'), async (p) => {
    await ready(p);
    const at = (i) => p.evaluate((i) => {
      const el = document.querySelectorAll('policy-compare')[i], root = el.shadowRoot;
      const box = (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
      const panel = root.querySelector('#pc-panel');
      panel.scrollTop = panel.scrollHeight / 2;
      // The passages' region headers; or the largest table's header, that table scrolled
      // to a little past its top.
      let head = root.querySelector('.heads');
      if (!head) {
        const table = [...root.querySelectorAll('table')].sort((a, b) => b.offsetHeight - a.offsetHeight)[0];
        panel.scrollTop += table.getBoundingClientRect().top - panel.getBoundingClientRect().top + 80;
        head = table.querySelector('thead');
      }
      return {
        host: box(el), controls: box(root.querySelector('.controls')), panel: box(panel),
        head: box(head), scrolled: panel.scrollTop, scrolls: panel.scrollHeight > panel.clientHeight,
      };
    }, i);
    for (const [i, height] of [[0, 26 * 16], [1, 420]]) {
      const r = await at(i);
      assert.ok(Math.abs(r.host.bottom - r.host.top - height) < 2, `widget ${i} is ${height}px tall`);
      assert.ok(r.scrolls && r.scrolled > 0, 'its view scrolls inside');
      assert.ok(r.controls.top >= r.host.top && r.controls.bottom <= r.panel.top, 'the controls stay above the view');
      assert.ok(Math.abs(r.head.top - r.panel.top) < 2, `the region headers stick to the top of the view (${r.head.top} vs ${r.panel.top})`);
    }
    await p.locator('policy-compare').first().locator('.heads').waitFor();
    await shot(p, 'fixed-height', { clip: { x: 0, y: 0, width: 1280, height: 26 * 16 + 20 } });
    // Without the attribute the page flows on: the first widget is no taller than asked.
    assert.ok(await p.evaluate(() => document.getElementById('after').getBoundingClientRect().top) < 26 * 16 + 420 + 50);
  });
});

test('shows_a_chosen_set_of_passages', async () => {
  // Passage ids as the widget's links carry them.
  const { url } = site({ 'all.html': page('<policy-compare left="hunan" right="guangxi"></policy-compare>') });
  let ids;
  let holding;
  await withPage(url('all.html'), async (p) => {
    await ready(p);
    ids = await shadow(p, 'return [...root.querySelectorAll(".row.pair a.plink:not([data-value^=block])")].map((a) => a.dataset.value)');
    // The rows that hold either (a passage may stand beside counterparts in two blocks).
    holding = await shadow(p, 'return [...root.querySelectorAll("li.row")].filter((r) => [...r.querySelectorAll("a.plink")].some((a) => arg.includes(a.dataset.value))).length', [ids[3], ids[12]]);
  });
  const chosen = [ids[3], ids[12]];
  const { url: url2 } = site({
    'chosen.html': page(`
      <policy-compare left="hunan" right="guangxi" passages="${chosen.join(' ')}"></policy-compare>
      <policy-compare left="hunan" right="guangxi" topics="rail-freight"></policy-compare>
      <policy-compare left="hunan" right="guangxi" max-rows="3"></policy-compare>
      <policy-compare left="hunan" right="guangxi" view="targets" max-rows="4"></policy-compare>
      <policy-compare left="jiangxi" right="gansu" passages="${chosen[0]}"></policy-compare>
      <policy-compare left="hunan" right="guangxi" topics="trains"></policy-compare>`),
  });
  await withPage(url2('chosen.html'), async (p) => {
    await ready(p);
    const of = (i, js) => p.evaluate(([i, js]) => new Function('root', js)(document.querySelectorAll('policy-compare')[i].shadowRoot), [i, js]);
    const values = await of(0, 'return [...root.querySelectorAll("a.plink")].map((a) => a.dataset.value)');
    assert.ok(chosen.every((id) => values.includes(id)), 'both chosen passages are shown');
    assert.equal(await of(0, 'return root.querySelectorAll("li.row").length'), holding, 'and only their blocks');
    const trains = await of(1, 'return [...root.querySelectorAll("li.row")].map((r) => r.textContent)');
    assert.ok(trains.length > 0 && trains.every((t) => /班列/.test(t)), 'every block names the topic');
    assert.equal(await of(2, 'return root.querySelectorAll("ol.rows > li").length'), 3);
    assert.match(await of(2, 'return root.querySelector("#pc-panel .status").textContent'), /显示 3 \/ \d+ 项/);
    assert.equal(await of(3, 'return root.querySelectorAll("table.targets tbody tr").length'), 4);
    assert.match(await of(4, 'return root.querySelector("#pc-panel").textContent'), /页面所选的段落不在这一对比中/);
    assert.match(await of(5, 'return root.textContent'), /topics="trains" is not valid; valid values: rail-freight, railways/);
  });
});

test('compact_mode_fits_an_article_column', async () => {
  const { url } = site({
    'compact.html': article(`
      <policy-compare left="hunan" right="guangxi" max-rows="3" lang="en"></policy-compare>
      <policy-compare compact left="hunan" right="guangxi" max-rows="3" lang="en"></policy-compare>`),
  });
  await withPage(url('compact.html'), async (p) => {
    await ready(p);
    const heights = await p.evaluate(() => [...document.querySelectorAll('policy-compare')].map((e) => e.getBoundingClientRect().height));
    assert.ok(heights[1] < heights[0] * 0.9, `compact is shorter (${heights})`);
    const hidden = await p.evaluate(() => {
      const root = document.querySelectorAll('policy-compare')[1].shadowRoot;
      return ['.toolbar', '.legend'].map((s) => getComputedStyle(root.querySelector(s)).display);
    });
    assert.deepEqual(hidden, ['none', 'none']);
  }, { viewport: { width: 900, height: 1200 } });
});

test('passage_permalink_scrolls_to_it', async () => {
  const spacer = '<div class="spacer"></div>';
  const { url } = site({
    'far.html': page(`<h1>far down</h1>${spacer}<policy-compare id="w1" left="hunan" right="guangxi"></policy-compare>`,
      { css: '.spacer { height: 2500px; }' }),
  });
  // A passage far into the comparison, found by its link.
  let target, block, folded;
  await withPage(url('far.html'), async (p) => {
    await p.evaluate(() => document.querySelector('policy-compare').scrollIntoView());
    await ready(p);
    const links = await p.evaluate(() => {
      const root = document.querySelector('policy-compare').shadowRoot;
      const values = (sel) => [...root.querySelectorAll(sel)].map((a) => a.dataset.value);
      return { passages: values('.row.pair .passage a.plink'), blocks: values('.row.pair .score a.plink'), runs: values('.row.folded a.plink') };
    });
    target = links.passages[links.passages.length - 5];
    block = links.blocks[links.blocks.length - 3];
    folded = links.runs[links.runs.length - 1].replace(/^block:/, '');
  });
  await withPage(url('far.html', `#w1.at=${target}`), async (p) => {
    await ready(p);
    await p.waitForFunction(() => {
      const t = document.querySelector('policy-compare').shadowRoot.querySelector('[data-at]');
      if (!t) return false;
      const r = t.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, null, { timeout: 5000 });
    const marked = await shadow(p, `const t = root.querySelector('[data-at]');
      return { cls: t.className, link: t.querySelector('a.plink').dataset.value, outline: getComputedStyle(t).outlineStyle }`);
    assert.equal(marked.cls, 'passage');
    assert.equal(marked.link, target);
    assert.equal(marked.outline, 'solid', 'marked');
    await shot(p, 'permalink');
  });
  // A block link marks the row; a passage of a folded run opens it.
  await withPage(url('far.html', `#w1.at=${block}`), async (p) => {
    await ready(p);
    await p.waitForFunction(() => document.querySelector('policy-compare').shadowRoot.querySelector('li.row[data-at]'));
  });
  await withPage(url('far.html', `#w1.at=${folded}`), async (p) => {
    await ready(p);
    const open = await shadow(p, 'const t = root.querySelector("[data-at]"); return t && t.closest("li").querySelector("button.run").getAttribute("aria-expanded")');
    assert.equal(open, 'true');
  });
  // Clicking a link: the address holds it, the clipboard too, and it is said.
  await withPage(url('far.html'), async (p, messages, context) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await p.evaluate(() => document.querySelector('policy-compare').scrollIntoView());
    await ready(p);
    const link = p.locator('policy-compare .row.pair .passage a.plink').nth(2);
    const value = await link.getAttribute('data-value');
    await link.hover();
    assert.match(await link.getAttribute('href'), new RegExp(`#w1\\.left=hunan&w1\\.right=guangxi.*&w1\\.at=${value.replace(/[.]/g, '\\.')}$`));
    await link.click();
    await p.waitForFunction((v) => location.hash.endsWith('w1.at=' + v), value);
    assert.equal(await p.evaluate(() => navigator.clipboard.readText()), await p.evaluate(() => location.href));
    await p.waitForFunction(() => document.querySelector('policy-compare').shadowRoot.querySelector('[role="status"]').textContent === '链接已复制');
    assert.equal(await shadow(p, 'return root.querySelector("[data-at] a.plink").dataset.value'), value);
  });
});

test('two_widgets_keep_separate_hash_state', async () => {
  const { url } = site({
    'two.html': page(`
      <policy-compare hash="a" left="hunan" right="guangxi"></policy-compare>
      <policy-compare hash="b" left="jiangxi" right="henan" view="targets"></policy-compare>`),
  });
  await withPage(url('two.html'), async (p) => {
    await ready(p);
    const widget = (i) => p.locator('policy-compare').nth(i);
    await widget(0).locator('#pc-right').selectOption('fujian');
    await p.waitForFunction(() => location.hash.includes('a.right=fujian'));
    // From the keyboard: the first widget's rows take their height only once scrolled
    // into view (`content-visibility: auto`), so going down to the second widget moves it
    // by tens of pixels a frame later, and a pointer click could land where the tab was.
    await widget(1).locator('[data-key="themes:trade"]').press('Enter');
    await p.waitForFunction(() => location.hash.includes('b.theme=trade'));
    const hash = await p.evaluate(() => location.hash);
    assert.match(hash, /a\.left=hunan/);
    assert.match(hash, /b\.left=jiangxi/);
    assert.doesNotMatch(hash, /a\.theme=trade|b\.right=fujian/);
    // The link opens both as they were.
    const { page: q, context, messages } = await open(browser, url('two.html', hash));
    try {
      await ready(q);
      const attrs = await q.evaluate(() => [...document.querySelectorAll('policy-compare')].map((e) => [e.getAttribute('right'), e.getAttribute('theme'), e.getAttribute('view')]));
      // (Values the page never set stay unset: the defaults.)
      assert.deepEqual(attrs, [['fujian', null, null], ['henan', 'trade', 'targets']]);
      // Back to the page as written when the hash goes.
      await q.evaluate(() => { location.hash = ''; });
      await q.waitForFunction(() => document.querySelector('policy-compare').getAttribute('right') === 'guangxi');
      assert.deepEqual(messages, []);
    } finally {
      await context.close();
    }
  });
});

test('loads_when_scrolled_into_view', async () => {
  const { url } = site({
    'lazy.html': page('<div class="spacer"></div><policy-compare left="hunan" right="guangxi"></policy-compare>', { css: '.spacer { height: 5000px; }' }),
  });
  await withPage(url('lazy.html'), async (p) => {
    const requests = [];
    p.on('request', (r) => requests.push(r.url()));
    await p.waitForFunction(() => performance.getEntriesByName('policy-compare:wasm-ready').length > 0);
    await p.waitForTimeout(300);
    assert.equal(await p.evaluate(() => document.querySelector('policy-compare').renders), 0, 'not drawn far from the screen');
    assert.equal(await p.evaluate(() => document.querySelector('policy-compare').shadowRoot), null);
    assert.ok(!requests.some((u) => u.endsWith('bundle.js')), 'its data not loaded');
    await p.evaluate(() => window.scrollTo(0, 4000));
    await ready(p);
    assert.ok(requests.some((u) => u.endsWith('bundle.js')));
  });
});

test('prints_without_controls', async () => {
  const { url } = site({
    'print.html': article('<policy-compare left="hunan" right="guangxi" theme="connectivity" max-rows="6" lang="en"></policy-compare>'),
  });
  await withPage(url('print.html'), async (p) => {
    await ready(p);
    await p.emulateMedia({ media: 'print' });
    const r = await shadow(p, `
      const d = (s) => getComputedStyle(root.querySelector(s)).display;
      const pair = root.querySelector('.row.pair');
      const text = pair.querySelector('.text').getBoundingClientRect(), where = pair.querySelector('.where').getBoundingClientRect();
      const cells = pair.querySelectorAll('.cell');
      return {
        hidden: ['.controls', '[role="tablist"]', '.toolbar', 'a.plink', 'button.link', '.sources'].map(d),
        columns: getComputedStyle(pair).gridTemplateColumns.split(' ').length,
        sideBySide: cells[0].getBoundingClientRect().top === cells[1].getBoundingClientRect().top,
        sourceUnder: where.top >= text.bottom,
        highlight: getComputedStyle(root.querySelector('.row.pair mark, .row.pair del, .row.pair ins')).backgroundColor,
        line: getComputedStyle(root.querySelector('.row.pair mark, .row.pair del, .row.pair ins')).textDecorationLine,
        // Passages folded to their first lines on screen: [shown height, full height].
        clamped: [...root.querySelectorAll('.row.pair.clamped .passage .text')].map((t) => [t.clientHeight, t.scrollHeight]),
      };`);
    assert.deepEqual(r.hidden, ['none', 'none', 'none', 'none', 'none', 'none'], 'no controls');
    assert.equal(r.columns, 2);
    assert.ok(r.sideBySide, 'both columns');
    assert.ok(r.sourceUnder, 'the source line under each passage');
    assert.equal(r.highlight, 'rgba(0, 0, 0, 0)', 'no background to lose on paper');
    assert.equal(r.line, 'underline', 'a line instead');
    assert.ok(r.clamped.length > 0, 'the comparison has passages folded on screen');
    for (const [shown, full] of r.clamped) assert.ok(shown >= full, `a passage prints whole (${shown} of ${full} px)`);
    // The print preview, as a picture.
    const pdf = path.join(artifacts, 'host-print.pdf');
    await p.pdf({ path: pdf, format: 'A4' });
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', pdf, path.join(artifacts, 'host-print')]);
    assert.ok(fs.readdirSync(artifacts).some((f) => /^host-print-0?1\.png$/.test(f)));
  }, { viewport: { width: 1000, height: 900 } });
});

test('prints_every_row_laid_out_whole', async () => {
  // On screen, rows past the first screen are laid out only near it
  // (`content-visibility: auto`); on paper every row is.
  const { url } = site({ 'long.html': article('<policy-compare left="hunan" right="guangxi" lang="en"></policy-compare>') });
  await withPage(url('long.html'), async (p) => {
    await ready(p);
    const seen = () => shadow(p, 'return [...root.querySelectorAll("ol.rows > li")].map((r) => getComputedStyle(r).contentVisibility)');
    const screen = await seen();
    assert.ok(screen.length > 10, `a long comparison (${screen.length} rows)`);
    assert.ok(screen.includes('auto'), 'on screen, rows far down are laid out when near');
    await p.emulateMedia({ media: 'print' });
    assert.deepEqual([...new Set(await seen())], ['visible'], 'in print, every row');
  });
});

test('sources_list_each_side_s_documents', async () => {
  const { url } = site({ 'sources.html': page('<policy-compare left="national" right="henan"></policy-compare>') });
  await withPage(url('sources.html'), async (p) => {
    await ready(p);
    await p.locator('policy-compare .sources summary').click();
    const lists = await shadow(p, 'return [...root.querySelectorAll(".docs ul")].map((ul) => [...ul.children].map((li) => li.textContent))');
    assert.equal(lists[0].length, 11, 'national: eleven documents');
    assert.equal(lists[1].length, 2);
    const national = lists[0].join('\n');
    assert.match(national, /国务院关于在自由贸易试验区暂时调整.*文号 国发〔2017〕57号.*发文机关 国务院.*发布 2018-01-10.*来源 中国政府网/);
    assert.match(lists[1].join('\n'), /河南省参与建设“一带一路”实施方案.*发布 2016-10-09.*来源 河南省发改委网站/);
    // It stays open across a redraw.
    await p.locator('policy-compare [data-key="themes:trade"]').click();
    assert.equal(await shadow(p, 'return root.querySelector(".sources").open'), true);
  });
});

test('compares_one_national_document_with_a_province', async () => {
  const { url } = site({ 'doc.html': page('<policy-compare left="national" right="guangxi"></policy-compare>') });
  await withPage(url('doc.html'), async (p) => {
    await ready(p);
    const before = await shadow(p, 'return root.querySelectorAll("ol.rows > li").length');
    await p.locator('policy-compare #pc-left-document').selectOption('national-2017-04-28');
    assert.equal(await p.evaluate(() => document.querySelector('policy-compare').getAttribute('left-document')), 'national-2017-04-28');
    const docs = await shadow(p, 'return [...new Set([...root.querySelectorAll(".cell.left a.plink:not([data-value^=block])")].map((a) => a.dataset.value.split("/")[0]))]');
    assert.deepEqual(docs, ['national-2017-04-28'], 'only that document on the left');
    assert.ok(await shadow(p, 'return root.querySelectorAll("ol.rows > li").length') < before);
    assert.match(await shadow(p, 'return getComputedStyle(root.querySelector(".heads"), "::before").content'), /国家 2017-04-28/);
    // A new region: all its documents again.
    await p.locator('policy-compare #pc-left').selectOption('fujian');
    assert.equal(await p.evaluate(() => document.querySelector('policy-compare').hasAttribute('left-document')), false);
    // A document of another region is refused, naming the region's.
    await p.evaluate(() => document.querySelector('policy-compare').setAttribute('left-document', 'henan-2016-10-09'));
    await p.waitForFunction(() => /left-document="henan-2016-10-09" is not valid; valid values: fujian-2016-12-01/.test(document.querySelector('policy-compare').shadowRoot.textContent));
  });
});

test('target_tables_fit_600px_and_stack_on_a_phone', async () => {
  const { url } = site({
    'targets.html': page('<div class="col"><policy-compare left="henan" right="hunan" view="targets" theme="connectivity"></policy-compare></div>', { css: 'body { margin: 0; } .col { max-width: 600px; }' }),
  });
  const measure = (p) => shadow(p, `
    const row = [...root.querySelectorAll('table.targets tbody tr')].find((tr) => tr.children[1].textContent.includes('3000万人次'));
    const table = row.closest('table');
    const cells = [...row.children].map((td) => td.getBoundingClientRect());
    return {
      overflow: table.scrollWidth - table.parentElement.clientWidth,
      valueEnd: cells[1].right, yearStart: cells[2].left,
      stacked: cells[3].top >= Math.max(cells[0].bottom, cells[1].bottom, cells[2].bottom) - 1,
      cue: getComputedStyle(row, '::after').content,
    };`);
  await withPage(url('targets.html'), async (p) => {
    await ready(p);
    const m = await measure(p);
    assert.ok(m.overflow <= 0, `fits 600 px (${m.overflow})`);
    assert.ok(m.valueEnd <= m.yearStart + 0.5, 'the value stays out of the year column');
    await shot(p, '600px', { clip: { x: 0, y: 0, width: 620, height: 900 } });
  }, { viewport: { width: 1000, height: 900 } });
  await withPage(url('targets.html'), async (p) => {
    await ready(p);
    const m = await measure(p);
    assert.ok(m.stacked, 'the right region under the left');
    assert.match(m.cue, /^"湖南"/, 'each side led by its region');
    assert.ok(await p.evaluate(() => document.documentElement.scrollWidth) <= 375, 'nothing off-screen');
    await shot(p, 'phone-targets');
  }, { viewport: { width: 375, height: 800 } });
});

test('one_file_page_works_in_an_iframe', async () => {
  const dir = scratch({ 'frame.html': '' });
  fs.copyFileSync(path.join(dist, 'policy-compare.html'), path.join(dir, 'policy-compare.html'));
  fs.writeFileSync(path.join(dir, 'frame.html'), page('<iframe src="policy-compare.html#left=hunan&right=guangxi&view=targets" title="Hunan and Guangxi compared"></iframe>', { css: 'iframe { width: 100%; height: 600px; border: 0; }' }).html);
  fs.writeFileSync(path.join(dir, 'host.css'), 'iframe { width: 100%; height: 600px; border: 0; }');
  fs.writeFileSync(path.join(dir, 'favicon.ico'), '');
  const server = await serve(dir);
  try {
    await withPage(server.base + 'frame.html', async (p) => {
      const frame = p.frameLocator('iframe');
      await frame.locator('policy-compare table.targets').first().waitFor();
      assert.equal(await frame.locator('policy-compare #pc-left').inputValue(), 'hunan');
    });
  } finally {
    await server.close();
  }
});

// The article page as readers see it: light and dark host, OS light and dark; a light-only
// newspaper for a dark-mode reader; a 600 px column; a phone.
for (const [name, options, htmlClass] of [
  ['article-light', { colorScheme: 'light' }, ''],
  ['article-os-dark', { colorScheme: 'dark' }, ''],
  ['article-dark-host', { colorScheme: 'light' }, 'dark'],
  ['article-dark-host-os-dark', { colorScheme: 'dark' }, 'dark'],
  ['article-phone', { colorScheme: 'light', viewport: { width: 375, height: 900 } }, ''],
]) {
  test(`screenshot_${name.replaceAll('-', '_')}`, async () => {
    const { url } = site({
      'article.html': article('<policy-compare compact left="hunan" right="guangxi" theme="connectivity" max-rows="4" lang="en"></policy-compare>', { htmlClass }),
    });
    await withPage(url('article.html'), async (p) => {
      await ready(p);
      await shot(p, name, { fullPage: true });
    }, { viewport: { width: 1000, height: 900 }, ...options });
  });
}

test('screenshot_newspaper_light_only_for_a_dark_reader', async () => {
  const { url } = site({
    'paper.html': page('<main><h1>Newspaper</h1><policy-compare left="hunan" right="guangxi" max-rows="3"></policy-compare></main>',
      { css: ':root { color-scheme: light; } body { background: #fff; margin: 0; } main { max-width: 600px; margin: 0 auto; } policy-compare { color-scheme: light; }' }),
  });
  await withPage(url('paper.html'), async (p) => {
    await ready(p);
    assert.equal(await bg(p), 'rgb(255, 255, 255)');
    await shot(p, 'newspaper-600px-os-dark', { fullPage: true });
  }, { colorScheme: 'dark', viewport: { width: 700, height: 900 } });
});
