// The JavaScript API in Node, with no DOM: the answers are the command line's, for the
// same question (one code path, two doors), and bad input is a thrown Error that names
// the argument at fault.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { cliJson, pkg, root } from './common.mjs';
// What `import 'policy-compare'` gives Node (package.json's "node" condition).
import { createComparer } from '../../pkg/node.js';

const shipped = fs.readFileSync(path.join(root, 'www', 'bundle.json'), 'utf8');
const pc = await createComparer(shipped);

test('there is no DOM here', () => {
  assert.equal(typeof globalThis.document, 'undefined');
  assert.equal(typeof globalThis.window, 'undefined');
});

test('compare deep-equals the command line JSON for the same comparison', () => {
  const api = pc.compare('jiangxi', 'henan', { theme: 'finance' });
  const json = cliJson(['compare', '--left', 'jiangxi', '--right', 'henan', '--theme', 'finance']);
  assert.deepStrictEqual(api, json);
  assert.ok(api.pairs.length > 0, 'the comparison has pairs');
  // The pairs carry their passages and marks, as the widget draws them.
  const pair = api.pairs[0];
  assert.equal(pair.left.region, 'jiangxi');
  assert.equal(pair.marks.left.map((s) => s.text).join(''), pair.left.text);
});

test('a whole comparison, all themes, deep-equals the command line JSON too', () => {
  const api = pc.compare('hunan', 'guangxi');
  const json = cliJson(['compare', '--left', 'hunan', '--right', 'guangxi']);
  assert.deepStrictEqual(api, json);
  const kinds = new Set(api.blocks.map((b) => b.kind));
  assert.deepEqual([...kinds].sort(), ['both', 'left-only', 'right-only']);
});

test('targets, regions, themes and documents deep-equal the command line JSON', () => {
  assert.deepStrictEqual(
    pc.targets('henan', 'chengdu', { theme: 'all' }),
    cliJson(['compare', '--left', 'henan', '--right', 'chengdu', '--view', 'targets']),
  );
  assert.deepStrictEqual(pc.regions(), cliJson(['regions']));
  assert.deepStrictEqual(pc.themes(), cliJson(['themes']));
  assert.deepStrictEqual(pc.documents('henan'), cliJson(['documents', '--region', 'henan']));
  assert.deepStrictEqual(pc.documents(), cliJson(['documents']));
});

test('metrics lists every statement of a region, or of all, with its provenance', () => {
  const bundle = JSON.parse(shipped);
  const of = (region) => bundle.documents.filter((d) => region === 'all' || d.region === region).flatMap((d) => d.metrics);
  const henan = pc.metrics('henan');
  assert.equal(henan.length, of('henan').length);
  assert.ok(henan.length > 0);
  for (const row of henan) {
    const doc = bundle.documents.find((d) => d.id === row.document);
    assert.equal(row.region, 'henan');
    assert.equal(row.title, doc.title);
    assert.equal(row.published, doc.published);
    const metric = doc.metrics.find((m) => m.id === row.id);
    assert.equal(row.quote, metric.quote);
    assert.equal(row.value, metric.value);
  }
  assert.equal(pc.metrics('all').length, of('all').length);
  const targets = pc.metrics('ALL', { kind: 'target' });
  assert.ok(targets.length > 0 && targets.every((m) => m.kind === 'target'));
  assert.equal(targets.length, pc.regions().reduce((n, r) => n + r.targets, 0));
});

test('ids are matched in any case, and by name', () => {
  const canonical = pc.compare('jiangxi', 'henan', { theme: 'finance' });
  assert.deepStrictEqual(pc.compare('Jiangxi', 'HENAN', { theme: 'Finance' }), canonical);
  assert.deepStrictEqual(pc.compare('江西', 'Henan', { theme: '资金融通' }), canonical);
  assert.deepStrictEqual(pc.documents('Henan'), pc.documents('henan'));
});

test('bad input throws an Error naming the argument and the valid ids', () => {
  const throws = (f, re) => assert.throws(f, (e) => e instanceof Error && re.test(e.message), `expected ${re}`);
  throws(() => pc.compare('jiangxi', 'atlantis'), /^right: unknown region "atlantis"; valid regions: national, tianjin, /);
  throws(() => pc.compare(42, 'henan'), /^left: expected a region id \(a string\), got number$/);
  throws(() => pc.compare('jiangxi', 'henan', { theme: 'money' }), /^options\.theme: unknown theme "money"; valid themes: all, connectivity, /);
  throws(() => pc.compare('jiangxi', 'henan', { them: 'finance' }), /^options\.them: unknown option; valid options: theme$/);
  throws(() => pc.compare('jiangxi', 'henan', 'finance'), /^options: expected an object such as \{theme: …\}, got string$/);
  throws(() => pc.targets('jiangxi', 'henan', { theme: 7 }), /^options\.theme: expected a string, got number$/);
  throws(() => pc.documents('mars'), /^region: unknown region "mars"; valid regions: /);
  throws(() => pc.metrics(), /^region: expected a region id or "all", got undefined$/);
  throws(() => pc.metrics('henan', { kind: 'goal' }), /^options\.kind: unknown kind "goal"; valid kinds: target, baseline, other$/);
});

test('a bad bundle is refused with the field at fault', async () => {
  await assert.rejects(createComparer('{'), (e) => e instanceof Error && /^bundle: /.test(e.message));
  const broken = shipped.replace('"region": "jiangxi"', '"region": "atlantis"');
  await assert.rejects(
    createComparer(broken),
    (e) => /^bundle: documents\[\d+\]\.region: region "atlantis" is not listed in `regions`$/.test(e.message),
  );
  await assert.rejects(createComparer({ documents: [] }), (e) => e instanceof TypeError && /got object$/.test(e.message));
});

test('with no argument, createComparer reads the bundle shipped in the package', async () => {
  assert.equal(fs.readFileSync(path.join(pkg, 'bundle.json'), 'utf8'), shipped);
  const own = await createComparer();
  assert.deepStrictEqual(own.regions(), pc.regions());
  own.free();
});
