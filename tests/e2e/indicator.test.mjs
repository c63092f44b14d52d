// Targets an analyst can quote, in real headless Chromium: one canonical indicator (or one
// theme) across every region, opened from the targets view and from a link, sorted by a
// year, downloaded as CSV; English amounts in the English interface; and a region without
// targets saying what its plans state instead. Each test ends by asserting an empty
// console.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, visit, ready, fileUrl, bundle } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Runs `body` on a page at `url` and asserts an empty console afterwards. */
const withPage = (url, body, options) => visit(browser, url, body, options);

const attr = (page, name) => page.evaluate((n) => document.querySelector('policy-compare').getAttribute(n), name);

/** The shipped bundle's targets and baselines, with their regions. */
function statements() {
  const out = [];
  for (const d of bundle().documents) {
    for (const m of d.metrics) out.push({ region: d.region, document: d.id, ...m });
  }
  return out;
}

/** The table across regions as shown: per row, its region and each year's cell text. */
function shownTable(page) {
  return page.evaluate(() => {
    const table = document.querySelector('policy-compare').shadowRoot.querySelector('table.across');
    return {
      years: [...table.querySelectorAll('thead th button[data-action="year-sort"]')].map((b) => b.getAttribute('data-value')),
      rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
        region: tr.querySelector('th').textContent,
        cells: [...tr.querySelectorAll('td.num')].map((td) => [...td.querySelectorAll('summary')].map((s) => s.textContent)),
        quotes: [...tr.querySelectorAll('td.num')].map((td) => [...td.querySelectorAll('blockquote')].map((q) => q.textContent)),
      })),
    };
  });
}

/** Downloads the CSV the view offers and returns its text. */
async function downloadCsv(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('policy-compare [data-action="csv"]').click(),
  ]);
  return { text: fs.readFileSync(await download.path(), 'utf8'), name: download.suggestedFilename() };
}

test('one_indicator_across_every_region_opens_from_the_targets_view_and_downloads_as_csv', async () => {
  await withPage(fileUrl('index.html', '#view=targets&left=jiangxi&right=hebei'), async (page) => {
    await ready(page);
    // The canonical indicator beside a region's own words opens it across every region.
    await page.locator('policy-compare button[data-action="open-indicator"][data-value="international_students"]').first().click();
    await page.waitForFunction(() => location.hash.includes('view=indicator') && location.hash.includes('indicator=international_students'));
    assert.equal(await attr(page, 'view'), 'indicator');
    assert.equal(await attr(page, 'indicator'), 'international_students');
    const table = page.locator('policy-compare table.across');
    assert.equal(await table.count(), 1);
    assert.ok((await table.locator('caption').textContent()).length > 0, 'a caption names it');
    assert.equal(await table.locator('th[scope="row"]').count(), await table.locator('tbody tr').count());
    // Every target and baseline of the indicator is in it, and nothing else.
    const expected = statements().filter((m) => m.indicator_id === 'international_students' && m.kind !== 'other');
    assert.equal(await table.locator('tbody details').count(), expected.length);
    const shown = await shownTable(page);
    const regions = [...new Set(expected.map((m) => m.region))];
    assert.equal(shown.rows.length, regions.length);
    // Every statement's quote is there on demand, in Chinese.
    const details = table.locator('tbody details').first();
    await details.locator('summary').click();
    const quote = await details.locator('blockquote').textContent();
    assert.ok(expected.some((m) => quote.startsWith(m.quote)), quote);
    assert.equal(await details.locator('blockquote').getAttribute('lang'), 'zh');
    // Regions with nothing on it are named.
    assert.match(await page.locator('policy-compare p.note').last().textContent(), /未列出相关数字的地区: .*福建/);

    const { text, name } = await downloadCsv(page);
    assert.equal(name, 'indicator-international_students.csv');
    assert.ok(text.startsWith('\ufeffrow,side,region,region_name,document_title,published,indicator,indicator_id,'), text.slice(0, 80));
    const lines = text.trim().split('\r\n');
    assert.equal(lines.length - 1, expected.length, 'a line per statement shown');
    for (const line of lines.slice(1)) {
      assert.match(line, /,international_students,/);
      assert.match(line, /^\d+,,/, 'no side in a table across regions');
    }
    for (const m of expected) {
      assert.ok(lines.some((l) => l.includes(`,${m.region},`) && l.includes(m.quote)), `${m.region}: ${m.quote}`);
    }

    // It is part of the targets view: that tab is selected, and leads back.
    const tab = page.locator('policy-compare [role="tab"][data-key="views:targets"]');
    assert.equal(await tab.getAttribute('aria-selected'), 'true');
    assert.equal(await page.locator('policy-compare [role="tabpanel"]').getAttribute('aria-labelledby'), await tab.getAttribute('id'));
    await tab.click();
    await page.waitForFunction(() => location.hash.includes('view=targets'));
    assert.ok(await page.locator('policy-compare table.targets').count() > 0);
  });
});

test('a_year_column_sorts_the_regions_one_unit_at_a_time', async () => {
  // A theme across every region: many regions' values in 2020, in several units.
  await withPage(fileUrl('index.html', '#view=indicator&theme=connectivity&lang=en'), async (page) => {
    await ready(page);
    const before = await shownTable(page);
    const year = before.years.indexOf('2020');
    assert.ok(year >= 0, before.years.join(' '));
    const filled = before.rows.filter((r) => r.cells[year].length > 0).length;
    assert.ok(filled >= 5, `${filled} regions in 2020`);
    const button = page.locator('policy-compare button[data-action="year-sort"][data-value="2020"]');
    await button.click();
    assert.equal(await page.locator('policy-compare th[aria-sort="descending"] button[data-value="2020"]').count(), 1);
    const down = (await shownTable(page)).rows;
    await button.click();
    assert.equal(await page.locator('policy-compare th[aria-sort="ascending"] button[data-value="2020"]').count(), 1);
    const up = (await shownTable(page)).rows;
    // Rows with nothing in 2020 go last, either way.
    for (const rows of [down, up]) {
      const empty = rows.findIndex((r) => r.cells[year].length === 0);
      assert.ok(rows.slice(empty).every((r) => r.cells[year].length === 0), 'the empty ones last');
    }
    // Values of one unit only are ordered against each other: each place holds the same
    // measure (unit and scope, as the bundle says) whichever way the column is sorted.
    const all = statements();
    const measure = (r) => {
      const m = all.find((m) => r.quotes[year][0].startsWith(m.quote + ' — '));
      assert.ok(m, r.quotes[year][0]);
      const unit = m.normalized ? m.normalized.unit : m.unit.replace(/^[万亿千百]+/, '');
      return `${unit}/${m.scope?.per ?? ''}/${m.scope?.part_of ?? ''}`;
    };
    const measures = down.slice(0, filled).map(measure);
    assert.deepEqual(up.slice(0, filled).map(measure), measures);
    assert.ok(new Set(measures).size > 1, 'several units in the column');
    assert.notDeepEqual(down.map((r) => r.region + r.cells[year]), up.map((r) => r.region + r.cells[year]));
    // The CSV follows the order shown.
    const { text } = await downloadCsv(page);
    const firstRegion = text.trim().split('\r\n')[1].split(',')[3];
    assert.equal(firstRegion, up[0].region);
  });
});

test('the_targets_toolbar_opens_the_theme_shown_across_every_region', async () => {
  await withPage(fileUrl('index.html', '#view=targets&left=jiangxi&right=henan&theme=trade&lang=en'), async (page) => {
    await ready(page);
    await page.locator('policy-compare .toolbar button[data-action="open-indicator"]').click();
    await page.waitForFunction(() => location.hash.includes('view=indicator'));
    assert.equal(await attr(page, 'theme'), 'trade');
    assert.equal(await attr(page, 'indicator'), null);
    assert.match(await page.locator('policy-compare table.across caption').textContent(), /^Trade — Every region$/);
    assert.equal(await page.locator('policy-compare [role="tab"][aria-selected="true"][data-key="indicator-theme:trade"]').count(), 1);
    // Every target and baseline of the theme, each once.
    const expected = statements().filter((m) => m.theme === 'trade' && m.kind !== 'other');
    assert.equal(await page.locator('policy-compare table.across tbody details').count(), expected.length);
    // Another theme's tab shows that theme; the picker, one indicator.
    await page.locator('policy-compare [data-key="indicator-theme:connectivity"]').click();
    await page.waitForFunction(() => location.hash.includes('theme=connectivity'));
    await page.locator('policy-compare select#pc-indicator').selectOption('international_students');
    await page.waitForFunction(() => location.hash.includes('indicator=international_students'));
    assert.match(await page.locator('policy-compare table.across caption').textContent(), /^International students/);
  });
});

test('english_amounts_in_the_english_interface_with_the_chinese_indicator_and_quote', async () => {
  await withPage(fileUrl('index.html', '#view=targets&left=chengdu&right=jiangxi&lang=en'), async (page) => {
    await ready(page);
    const values = await page.locator('policy-compare table.targets tbody td.num').allTextContents();
    const amounts = values.filter((v) => v && v !== '—' && !/^\d{4}$/.test(v));
    assert.ok(amounts.length > 5, amounts.join(' | '));
    // Units, comparators and magnitudes in English: no 亿, 万, 以上 in the amounts.
    for (const a of amounts) assert.doesNotMatch(a, /[\u4e00-\u9fff]/, a);
    assert.ok(amounts.some((a) => /\b(bn|mn) USD\b/.test(a)), amounts.join(' | '));
    // The indicator as the plan words it (Chinese), its English canonical name beside it.
    const cell = page.locator('policy-compare table.targets tbody td:has(button[data-action="open-indicator"])').first();
    assert.match(await cell.locator('summary').textContent(), /[\u4e00-\u9fff]/);
    assert.match(await cell.locator('button[data-action="open-indicator"]').textContent(), /^[A-Z][\x20-\x7e–’]+$/);
    // The quote stays Chinese.
    await cell.locator('summary').click();
    assert.match(await cell.locator('blockquote').textContent(), /[\u4e00-\u9fff]/);
  });
});

test('a_region_without_targets_says_what_its_plans_state_instead', async () => {
  const fujian = statements().filter((m) => m.region === 'fujian');
  assert.equal(fujian.filter((m) => m.kind === 'target').length, 0, 'Fujian sets no targets');
  const baselines = fujian.filter((m) => m.kind === 'baseline').length;
  const other = fujian.filter((m) => m.kind === 'other').length;
  assert.ok(baselines + other > 0, 'but states numbers');
  await withPage(fileUrl('index.html', '#view=targets&left=fujian&right=henan&lang=en'), async (page) => {
    await ready(page);
    const note = page.locator('policy-compare .without p.note');
    assert.equal(await note.count(), 1);
    const text = await note.textContent();
    assert.ok(text.includes(`Fujian sets no quantitative targets; its plans state ${baselines} baseline`), text);
    assert.ok(text.includes(`${other} other number`), text);
    // Its button lists them, each with its quote.
    const button = note.locator('button[data-action="more"]');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    await button.click();
    assert.equal(await page.locator('policy-compare .without button[data-action="more"]').getAttribute('aria-expanded'), 'true');
    const items = page.locator('policy-compare .without li');
    assert.equal(await items.count(), baselines + other);
    const quotes = await page.locator('policy-compare .without li q').allTextContents();
    assert.deepEqual(quotes.sort(), fujian.map((m) => m.quote).sort());
    // Henan's targets are still shown beside.
    assert.ok(await page.locator('policy-compare table.targets').count() > 0);
  });
  // Two regions without targets: both say so (Zhejiang's plans state no number at all).
  await withPage(fileUrl('index.html', '#view=targets&left=fujian&right=zhejiang'), async (page) => {
    await ready(page);
    const notes = await page.locator('policy-compare p.note').allTextContents();
    assert.ok(notes.some((t) => t.startsWith('福建没有量化目标')), notes.join(' | '));
    assert.ok(notes.some((t) => t.startsWith('浙江没有量化目标')), notes.join(' | '));
  });
});

test('an_unknown_indicator_names_the_valid_ones', async () => {
  await withPage(fileUrl('index.html', '#view=indicator&indicator=atlantis'), async (page) => {
    await ready(page);
    const error = page.locator('policy-compare [role="alert"]');
    assert.match(await error.textContent(), /indicator="atlantis" is not valid; valid values: .*international_students/);
  });
});
