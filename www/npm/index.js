// policy-compare for browsers and bundlers: the wasm and the shipped bundle are fetched
// from next to this module (bundlers that understand `new URL(…, import.meta.url)` copy
// them). In Node, package.json's "node" condition loads node.js instead.

import { api } from './api.js';

export const createComparer = api({
  wasm: () => new URL('./policy_compare_bg.wasm', import.meta.url),
  bundle: async () => {
    const url = new URL('./bundle.json', import.meta.url);
    const response = await fetch(url);
    if (!response.ok) {
      throw new Error(`createComparer: cannot load the shipped bundle ${url}: HTTP ${response.status}`);
    }
    return response.text();
  },
});
