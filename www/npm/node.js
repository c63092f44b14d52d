// policy-compare for Node: the wasm and the shipped bundle are read from the package's
// directory (Node's fetch cannot read file: URLs).

import { readFile } from 'node:fs/promises';
import { api } from './api.js';

export const createComparer = api({
  wasm: () => readFile(new URL('./policy_compare_bg.wasm', import.meta.url)),
  bundle: () => readFile(new URL('./bundle.json', import.meta.url), 'utf8'),
});
