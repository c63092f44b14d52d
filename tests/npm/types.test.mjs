// The TypeScript types (pkg/index.d.ts) against what the API really returns: a usage
// file type-checks, and the API's answers, written out as object literals typed with the
// declared interfaces, type-check too, so a field the types lack or that the data lacks
// fails (object literals get excess-property checks).

import { test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { pkg, scratch, typecheck } from './common.mjs';
import { createComparer } from '../../pkg/node.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * A few elements of every array, chosen so that each shape present appears: the first
 * element of each distinct set of keys, discriminant (`kind`) and null-or-not values, so
 * that the literal stays small while every variant the data has is checked.
 */
function sample(value) {
  if (Array.isArray(value)) {
    const seen = new Set();
    const kept = [];
    for (const item of value) {
      const key = shape(item);
      if (!seen.has(key)) {
        seen.add(key);
        kept.push(sample(item));
      }
    }
    return kept;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sample(v)]));
  }
  return value;
}

function shape(item) {
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    return typeof item === 'string' ? `string:${item.length > 40 ? '' : item}` : JSON.stringify(item === null ? null : typeof item);
  }
  return Object.keys(item)
    .sort()
    .map((k) => {
      const v = item[k];
      const deep = v && typeof v === 'object' && !Array.isArray(v) ? `{${shape(v)}}` : '';
      return `${k}:${v === null ? 'null' : typeof v}${k === 'kind' ? `=${v}` : ''}${deep}`;
    })
    .join(',');
}

function project(files) {
  const dir = scratch('types');
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: 'es2022',
        moduleResolution: 'bundler',
        lib: ['es2022', 'dom'],
        strict: true,
        noEmit: true,
        types: [],
        paths: {
          'policy-compare': [path.join(pkg, 'index.d.ts')],
          'policy-compare/element': [path.join(pkg, 'element.d.ts')],
        },
      },
      include: Object.keys(files),
    }),
  );
  return dir;
}

test('the usage file type-checks against the package types', () => {
  const dir = project({ 'usage.ts': fs.readFileSync(path.join(here, 'types', 'usage.ts'), 'utf8') });
  typecheck(dir);
  fs.rmSync(dir, { recursive: true });
});

test('the types describe the API answers exactly', async () => {
  const pc = await createComparer();
  const answers = {
    comparison: ['Comparison', pc.compare('hunan', 'guangxi')],
    themed: ['Comparison', pc.compare('jiangxi', 'henan', { theme: 'finance' })],
    table: ['TargetTable', pc.targets('henan', 'chengdu')],
    regions: ['RegionEntry[]', pc.regions()],
    themes: ['ThemeInfo[]', pc.themes()],
    documents: ['DocumentEntry[]', pc.documents()],
    metrics: ['MetricRow[]', pc.metrics('all')],
  };
  const names = [...new Set(Object.values(answers).map(([t]) => t.replace('[]', '')))];
  let data = `import type { ${names.join(', ')} } from 'policy-compare';\n`;
  for (const [name, [type, value]] of Object.entries(answers)) {
    data += `export const ${name}: ${type} = ${JSON.stringify(sample(value), null, 1)};\n`;
  }
  const dir = project({ 'data.ts': data });
  typecheck(dir);

  // And the check can fail: a field the types do not declare is refused.
  const extra = data.replace('"counts": {', '"counts": {\n "surprise": 1,');
  fs.writeFileSync(path.join(dir, 'data.ts'), extra);
  let refused = false;
  try {
    typecheck(dir);
  } catch (e) {
    refused = /surprise/.test(e.message);
  }
  if (!refused) {
    throw new Error('tsc accepted a field that the types do not declare');
  }
  fs.rmSync(dir, { recursive: true });
});
