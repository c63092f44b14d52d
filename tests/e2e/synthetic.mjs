// A bundle `times` larger than the shipped one, for measuring how search scales: the
// documents repeated, each copy under ids of its own (`henan-2016-10-09-x2`), in the
// regions of the original. Text, sections and metrics are copied as they are, so the
// copy is as valid as the original and every search finds `times` as many passages.
//
//   node synthetic.mjs 10 > /tmp/bundle-10x.json

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function synthetic(bundle, times) {
  const out = structuredClone(bundle);
  for (let k = 2; k <= times; k++) {
    for (const d of bundle.documents) {
      const copy = structuredClone(d);
      copy.id = `${d.id}-x${k}`;
      out.documents.push(copy);
    }
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundle = JSON.parse(fs.readFileSync(path.join(here, '../../www/bundle.json'), 'utf8'));
  process.stdout.write(JSON.stringify(synthetic(bundle, Number(process.argv[2] || 10))));
}
