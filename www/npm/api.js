// What index.js (browsers, bundlers) and node.js share: `createComparer`, given how to
// get the wasm and the bundle shipped with the package where each runs.

import init, { Comparer } from './policy_compare.js';

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/**
 * Makes `createComparer(bundle?)`. `wasm()` gives what the wasm-bindgen glue takes as
 * `module_or_path` (a URL, bytes or a compiled module); `bundle()` the text of the
 * bundle shipped with the package.
 */
export function api({ wasm, bundle }) {
  let started = null;
  return async function createComparer(text) {
    if (text !== undefined && typeof text !== 'string') {
      throw new TypeError(
        `createComparer: bundle: expected the bundle's JSON text (a string), or nothing for the bundle shipped with the package; got ${describe(text)}`,
      );
    }
    if (!started) {
      started = Promise.resolve()
        .then(wasm)
        .then((module_or_path) => init({ module_or_path }));
      // A failed start (say, the .wasm file was not found) is tried again next time.
      started.catch(() => {
        started = null;
      });
    }
    const [, json] = await Promise.all([started, text === undefined ? bundle() : text]);
    return new Comparer(json);
  };
}
