// policy-compare/element: registers <policy-compare>. Made by `make pkg`: this head, then
// www/element.js (the element of the classic script dist/policy-compare.js), which finds
// here the ES-module build's wasm (fetched from next to this module) and its default
// bundle (bundle.json next to it) instead of the inlined ones.

import init, { Widget, style } from './policy_compare.js';

var wasm_bindgen = Object.assign(function (options) { return init(options); }, { Widget: Widget, style: style });
var POLICY_COMPARE_BASE = new URL('./', import.meta.url).href;

