// Hostile but possible bundles (after ../shared/repro/hostile-bundles.py): each is shown
// in bounded time, with the page intact, and a clear message where there is nothing to
// show. Named by the behaviour each checks; the console stays empty.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { launch, open, ready, serve, scratch, hostPage, jsonForScript, bundle } from './harness.mjs';
import { synthetic } from './synthetic.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function withPage(url, body) {
  const { page, context, messages } = await open(browser, url);
  try {
    await body(page);
    assert.deepEqual(messages, [], 'the console stays empty');
  } finally {
    await context.close();
  }
}

function paragraphs(doc) {
  const out = [...(doc.preamble || [])];
  const walk = (ss) => ss.forEach((s) => { out.push(...s.paragraphs); walk(s.sections); });
  walk(doc.sections);
  return out;
}

/** Pages over http, each showing `bundle-NAME.json` written beside it. */
async function served(bundles, attrs = '') {
  const pages = {};
  for (const name of Object.keys(bundles)) {
    pages[`${name}.html`] = hostPage(`<policy-compare bundle="${name}.json" ${attrs}></policy-compare>`);
  }
  const dir = scratch(pages);
  for (const [name, b] of Object.entries(bundles)) {
    fs.writeFileSync(path.join(dir, `${name}.json`), typeof b === 'string' ? b : JSON.stringify(b));
  }
  return { dir, server: await serve(dir) };
}

const alert = (page) => page.locator('policy-compare [role="alert"]').textContent();

test('two_whole_plans_as_one_paragraph_each_are_shown_without_freezing_the_page', async () => {
  const b = bundle();
  for (const d of b.documents) {
    if (d.region === 'jiangxi' || d.region === 'henan') {
      const text = paragraphs(d).map((p) => p.text).join('');
      d.preamble = [{ id: 'p1', text, themes: ['general'] }];
      d.sections = [];
      d.metrics = [];
    }
  }
  const { server } = await served({ onepara: b }, 'left="jiangxi" right="henan"');
  try {
    await withPage(server.base + 'onepara.html', async (page) => {
      const t0 = Date.now();
      await ready(page);
      assert.ok(Date.now() - t0 < 10000, `shown after ${Date.now() - t0} ms`);
      // Both texts are there, shortened, each with its "show all".
      const all = page.locator('policy-compare [data-action="long"]');
      assert.ok(await all.count() >= 2);
      await all.first().click();
      assert.equal(await page.locator('policy-compare [data-action="long"][aria-expanded="true"]').count(), 1);
    });
  } finally {
    await server.close();
  }
});

test('a_paragraph_of_megabytes_is_shown_shortened_with_show_all', async () => {
  const b = bundle();
  const d = b.documents.find((d) => d.region === 'jiangxi');
  const ps = paragraphs(d);
  const text = ps.map((p) => p.text).join('');
  ps.find((p) => !p.boilerplate).text = text.repeat(Math.ceil(3_000_000 / Buffer.byteLength(text)));
  d.metrics = [];
  // The region with itself: every passage is shown, paired with itself.
  const { server } = await served({ longpara: b }, 'left="jiangxi" right="jiangxi"');
  try {
    await withPage(server.base + 'longpara.html', async (page) => {
      await ready(page);
      const chars = await page.evaluate(() => document.querySelector('policy-compare').shadowRoot.textContent.length);
      assert.ok(chars < 1_000_000, `the page holds ${chars} characters`);
      assert.ok(await page.locator('policy-compare [data-action="long"]').count() >= 1);
    });
  } finally {
    await server.close();
  }
});

test('a_huge_id_is_refused_with_its_field_and_a_short_message', async () => {
  const b = bundle();
  b.documents[0].id = 'x'.repeat(5_000_000);
  const { server } = await served({ longid: b });
  try {
    await withPage(server.base + 'longid.html', async (page) => {
      await ready(page);
      const text = await alert(page);
      assert.match(text, /documents\[0\]\.id: an id is at most 200 bytes/);
      assert.ok(text.length < 500);
    });
  } finally {
    await server.close();
  }
});

test('a_bundle_with_one_region_or_none_says_there_is_nothing_to_compare', async () => {
  const one = bundle();
  one.documents = one.documents.filter((d) => d.region === 'jiangxi');
  const none = bundle();
  none.documents = [];
  const { server } = await served({ one, none });
  try {
    await withPage(server.base + 'one.html', async (page) => {
      await ready(page);
      const text = await alert(page);
      assert.match(text, /jiangxi/);
      assert.doesNotMatch(text, /left=""/);
    });
    await withPage(server.base + 'none.html', async (page) => {
      await ready(page);
      assert.doesNotMatch(await alert(page), /left=""/);
    });
  } finally {
    await server.close();
  }
});

test('a_bundle_with_a_byte_order_mark_loads_inline_and_over_http', async () => {
  const json = jsonForScript(bundle());
  const dir = scratch({
    'inline.html': hostPage(`<script type="application/json" id="b">\ufeff${json}</script><policy-compare bundle="#b"></policy-compare>`),
    'http.html': hostPage('<policy-compare bundle="bom.json"></policy-compare>'),
  });
  fs.writeFileSync(path.join(dir, 'bom.json'), '\ufeff' + JSON.stringify(bundle()));
  await withPage(pathToFileURL(path.join(dir, 'inline.html')).href, async (page) => {
    await ready(page);
    assert.equal(await page.locator('policy-compare [role="alert"]').count(), 0);
    assert.ok(await page.locator('policy-compare li.row').count() > 0);
  });
  const server = await serve(dir);
  try {
    await withPage(server.base + 'http.html', async (page) => {
      await ready(page);
      assert.equal(await page.locator('policy-compare [role="alert"]').count(), 0);
    });
  } finally {
    await server.close();
  }
});

test('an_html_answer_is_labelled_with_the_bundle_attribute', async () => {
  const { server } = await served({ page404: '<!doctype html><html><body>Not found</body></html>' });
  try {
    await withPage(server.base + 'page404.html', async (page) => {
      await ready(page);
      const text = await alert(page);
      assert.match(text, /bundle="page404\.json"/);
      assert.match(text, /HTML/);
      assert.doesNotMatch(text, /url:/);
    });
  } finally {
    await server.close();
  }
});

test('an_unbreakable_error_does_not_widen_the_host_page', async () => {
  const b = bundle();
  b.documents[0].sections[0].level = 'z'.repeat(200_000);
  const { server } = await served({ wide: b });
  try {
    await withPage(server.base + 'wide.html', async (page) => {
      await ready(page);
      await alert(page);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `the page is ${scroll} px wide in a ${client} px window`);
    });
  } finally {
    await server.close();
  }
});

test('a_region_compared_with_itself_shows_each_passage_once_per_side', async () => {
  const dir = scratch({ 'page.html': hostPage('<policy-compare left="xian" right="xian" theme="all"></policy-compare>') });
  await withPage(pathToFileURL(path.join(dir, 'page.html')).href, async (page) => {
    await ready(page);
    // Only boilerplate (never paired) stands alone, once on each side.
    assert.equal(await page.locator('policy-compare li.row.left-only:not(.boilerplate), policy-compare li.row.right-only:not(.boilerplate)').count(), 0);
    assert.equal(
      await page.locator('policy-compare li.row.left-only.boilerplate').count(),
      await page.locator('policy-compare li.row.right-only.boilerplate').count(),
    );
    assert.ok(await page.locator('policy-compare li.row.pair').count() > 0);
  });
});

test('a_bundle_without_a_lexicon_shows_a_frame_then_its_comparison', async () => {
  const b = bundle();
  delete b.lexicon;
  delete b.topics;
  const { server } = await served({ nolexicon: b }, 'left="shaanxi" right="xian"');
  try {
    await withPage(server.base + 'nolexicon.html', async (page) => {
      await ready(page);
      assert.ok(await page.locator('policy-compare li.row.pair').count() > 0);
      // The lexicon was made after the drawing that says it is being prepared, in a task
      // after that frame, and before the comparison.
      const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
      const [preparing, made, drawn] = ['preparing', 'lexicon-made', 'first-render'].map((n) => marks[`policy-compare:${n}`]);
      assert.ok(preparing < made && made < drawn, JSON.stringify(marks));
    });
  } finally {
    await server.close();
  }
});

test('a_long_plan_is_aligned_in_slices_after_a_frame_that_says_so', async () => {
  // Ten copies of every document: far more alignment than one task may take. The widget
  // says it is comparing, aligns a slice per task, then shows the comparison.
  const { server } = await served({ tenfold: synthetic(bundle(), 10) }, 'left="jiangxi" right="henan"');
  try {
    await withPage(server.base + 'tenfold.html', async (page) => {
      await ready(page);
      assert.ok(await page.locator('policy-compare li.row.pair').count() > 0);
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      const at = (n) => marks.indexOf(`policy-compare:${n}`);
      assert.ok(at('bundle-prepared') < at('aligning') && at('aligning') < at('first-render'), marks.join(' '));
    });
  } finally {
    await server.close();
  }
  // The shipped bundle's largest pair is read and aligned at once, on any machine: no
  // frame says it is comparing.
  const shipped = await served({ shipped: bundle() }, 'left="national" right="jiangxi"');
  try {
    await withPage(shipped.server.base + 'shipped.html', async (page) => {
      await ready(page);
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      assert.ok(marks.includes('policy-compare:first-render'), marks.join(' '));
      assert.ok(!marks.includes('policy-compare:aligning'), marks.join(' '));
    });
  } finally {
    await shipped.server.close();
  }
});

test('a_crash_inside_the_wasm_is_reported_in_place_of_loading', async () => {
  // A trap (out of memory, a bug) escapes the widget's own error handling as a
  // RuntimeError. Made here for the first bundle the page's widgets read: the wasm's
  // exports are wrapped before the script instantiates them.
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>test</title>
<script>
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (...args) {
    const made = await instantiate.apply(this, args);
    const real = made.instance || made;
    let first = true;
    const exports = { ...real.exports };
    exports.widget_set_bundle = function (...a) {
      if (first) { first = false; throw new WebAssembly.RuntimeError('unreachable'); }
      return real.exports.widget_set_bundle.apply(this, a);
    };
    const instance = { exports };
    return made.instance ? { instance, module: made.module } : instance;
  };
</script></head>
<body><policy-compare id="a" left="jiangxi" right="henan"></policy-compare>
<policy-compare id="b" left="hunan" right="guangxi"></policy-compare>
<script src="policy-compare.js"></script></body></html>`;
  const dir = scratch({ 'crash.html': page });
  const server = await serve(dir);
  try {
    await withPage(server.base + 'crash.html', async (p) => {
      await p.waitForFunction(() => document.querySelector('#a').shadowRoot?.querySelector('[role="alert"]'));
      const text = await p.locator('#a [role="alert"]').textContent();
      assert.match(text, /stopped: unreachable/);
      assert.equal(await p.locator('#a').evaluate((el) => el.shadowRoot.textContent.includes('Loading')), false);
      // The other widget on the page draws its comparison.
      await p.waitForFunction(() => document.querySelector('#b').renders >= 1);
      // An attribute set on the stopped widget changes nothing and throws nothing.
      await p.locator('#a').evaluate((el) => el.setAttribute('theme', 'finance'));
      assert.match(await p.locator('#a [role="alert"]').textContent(), /stopped/);
    });
  } finally {
    await server.close();
  }
});

/** A server for the page and the widget's script, with the bundle's answer given by `answer`. */
async function misbehaving(answer, page) {
  const dir = scratch({});
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    const name = new URL(req.url, 'http://x').pathname;
    if (name === '/page.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(page);
    } else if (name === '/policy-compare.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      fs.createReadStream(path.join(dir, 'policy-compare.js')).pipe(res);
    } else {
      answer(req, res);
    }
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(resolve); }),
  };
}

// The widget gives up on a bundle after 30 s; the page here makes that 1.5 s by scaling
// the timers the script sets (before it loads), so that the test does not wait 30 s.
const FAST_TIMEOUT = `<script>
  const setTimer = window.setTimeout;
  window.setTimeout = (f, ms, ...a) => setTimer(f, ms === 30000 ? 1500 : ms, ...a);
</script>`;

for (const [name, answer, expected] of [
  ['a_dropped_connection_names_the_bundle_and_says_what_failed',
    (req) => req.socket.destroy(),
    /bundle="plans\.json": the request failed \(.+\): the server cannot be reached/],
  ['a_server_that_never_answers_is_given_up_with_a_message',
    () => {},
    /bundle="plans\.json": no answer from the server after 30 s$/],
  ['a_served_bundle_that_is_not_utf8_says_so_with_the_byte',
    (req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(Buffer.concat([Buffer.from('{"format": "policy-compare-bundle", "title": "'), Buffer.from([0xe6, 0xb1]), Buffer.from('"}')])); },
    /bundle="plans\.json": not UTF-8 text \(byte 46 is not\)/],
  ['a_bundle_whose_body_stalls_is_given_up_with_a_message',
    (req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.write('{"version": 1, "documents": ['); },
    /bundle="plans\.json": no answer from the server after 30 s$/],
]) {
  test(name, async () => {
    const server = await misbehaving(answer, hostPage('<policy-compare bundle="plans.json"></policy-compare>', { head: FAST_TIMEOUT }).replace('"policy-compare.js"', '"/policy-compare.js"'));
    try {
      const { page, context, messages } = await open(browser, server.base + 'page.html');
      try {
        await page.waitForFunction(() => document.querySelector('policy-compare').shadowRoot?.querySelector('[role="alert"]'), null, { timeout: 20000 });
        const text = await page.locator('policy-compare [role="alert"]').textContent();
        assert.match(text.trim(), expected);
        // Only the browser's own line about the failed request, nothing from the widget.
        assert.deepEqual(messages.filter((m) => !/^error: Failed to load resource/.test(m)), []);
      } finally {
        await context.close();
      }
    } finally {
      await server.close();
    }
  });
}

test('a_region_name_of_a_megabyte_is_refused_with_its_place', async () => {
  const b = bundle();
  const i = b.regions.findIndex((r) => r.id === 'henan');
  b.regions[i].en = 'Henan'.repeat(200_000);
  const { server } = await served({ longname: b }, 'left="jiangxi" right="henan"');
  try {
    await withPage(server.base + 'longname.html', async (page) => {
      await page.waitForFunction(() => document.querySelector('policy-compare').shadowRoot?.querySelector('[role="alert"]'));
      assert.match(await alert(page), new RegExp(`regions\\[${i}\\]\\.en: a name is at most 200 characters`));
    });
  } finally {
    await server.close();
  }
});
