/* <policy-compare>: the custom element. This file is appended to the wasm-bindgen
   "no-modules" glue and the wasm bytes to make dist/policy-compare.js, one classic script
   that works the same over http and from file:// (which blocks fetch, modules and .wasm
   files). POLICY_COMPARE_WASM holds the wasm deflated, in base64 (see src/bin/pack.rs).
   The element loads bundle text and forwards attributes; the wasm draws everything.
   pkg/element.js (the ES-module build) is this file after a head that imports the glue
   and sets POLICY_COMPARE_BASE: then the wasm and the default bundle (bundle.json) are
   fetched from there. */
(function () {
  'use strict';
  if (typeof window === 'undefined' || !window.customElements || window.customElements.get('policy-compare')) {
    return;
  }
  performance.mark('policy-compare:script');
  var script = document.currentScript;
  var esModule = typeof POLICY_COMPARE_BASE === 'string';
  var base = esModule ? POLICY_COMPARE_BASE : script && script.src ? script.src.replace(/[^\/]*$/, '') : '';
  var started = null;

  /* Inflates and compiles the wasm, once for the page; the browser compiles it off the
     main thread while the bundle loads. */
  function start() {
    if (!started) {
      started = Promise.resolve().then(function () {
        if (esModule) {
          return undefined;
        }
        if (typeof DecompressionStream !== 'function') {
          throw new Error('this browser cannot run policy-compare (it has no DecompressionStream; any browser from 2023 on has)');
        }
        var text = atob(POLICY_COMPARE_WASM);
        var bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) {
          bytes[i] = text.charCodeAt(i);
        }
        var wasm = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
        return new Response(wasm).arrayBuffer();
      }).then(function (wasm) {
        return wasm_bindgen(wasm && { module_or_path: wasm });
      }).then(function () {
        performance.mark('policy-compare:wasm-ready');
      });
    }
    return started;
  }

  /* Says in the element why it cannot start (the page is otherwise untouched). */
  function cannotStart(el, err) {
    var root = el.shadowRoot || el.attachShadow({ mode: 'open' });
    var p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = 'policy-compare: ' + message(err);
    root.replaceChildren(p);
  }

  function message(err) {
    return err && err.message ? err.message : String(err);
  }

  var defaultBundle = null;
  /* The bundle that ships with the script: dist/bundle.js next to it defines
     window.PolicyCompareBundle (a classic script, so it loads from file:// too). A failed
     load is forgotten, so that the next widget tries again. */
  function loadDefault() {
    if (typeof window.PolicyCompareBundle === 'string') {
      return Promise.resolve(window.PolicyCompareBundle);
    }
    if (!defaultBundle && esModule) {
      defaultBundle = fetch(base + 'bundle.json').then(function (response) {
        if (!response.ok) {
          throw new Error('cannot load the default bundle ' + base + 'bundle.json: HTTP ' + response.status);
        }
        return response.text();
      });
      defaultBundle.catch(function () {
        defaultBundle = null;
      });
    }
    if (!defaultBundle) {
      defaultBundle = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = base + 'bundle.js';
        s.onload = function () {
          if (typeof window.PolicyCompareBundle === 'string') {
            resolve(window.PolicyCompareBundle);
          } else {
            reject(new Error(s.src + ' loaded but did not define the bundle'));
          }
        };
        s.onerror = function () {
          reject(new Error('cannot load the default bundle ' + s.src));
        };
        document.head.appendChild(s);
      });
      defaultBundle.catch(function () {
        defaultBundle = null;
      });
    }
    return defaultBundle;
  }

  /* Bundles fetched by URL, one request per URL however many widgets use it. */
  var fetches = new Map();
  function fetchBundle(spec, url) {
    if (!fetches.has(url)) {
      var request = fetch(url).then(function (response) {
        if (!response.ok) {
          throw new Error('bundle="' + spec + '": HTTP ' + response.status + ' ' + response.statusText);
        }
        return response.text();
      }, function (err) {
        throw new Error('bundle="' + spec + '": ' + message(err));
      });
      fetches.set(url, request);
      request.then(function () {
        fetches.delete(url);
      }, function () {
        fetches.delete(url);
      });
    }
    return fetches.get(url);
  }

  /* Where a `bundle` attribute points: a key that names it on this page, and how to get
     its text. Keys of the three kinds cannot collide (a URL named "builtin" is "url:…"). */
  function source(spec) {
    if (!spec) {
      return { key: 'builtin', load: loadDefault };
    }
    if (spec.charAt(0) === '#') {
      return {
        key: spec,
        /* Read every time: the page may have changed the script's text. */
        inline: true,
        load: function () {
          var el = document.getElementById(spec.slice(1));
          if (!el) {
            return Promise.reject(new Error('bundle="' + spec + '": no element with id "' + spec.slice(1) + '" in the page'));
          }
          return Promise.resolve(el.textContent);
        },
      };
    }
    var url = new URL(spec, document.baseURI).href;
    return {
      key: 'url:' + url,
      load: function () {
        if (location.protocol === 'file:') {
          return Promise.reject(new Error('bundle="' + spec + '": a page opened from a file cannot fetch other files; use bundle="#id" with a <script type="application/json" id="id"> in the page, or the default bundle'));
        }
        return fetchBundle(spec, url);
      },
    };
  }

  var OBSERVED = ['left', 'right', 'theme', 'view', 'lang', 'bundle', 'query', 'query-region', 'query-theme', 'topic'];

  class PolicyCompare extends HTMLElement {
    static get observedAttributes() {
      return OBSERVED;
    }

    connectedCallback() {
      if (this._widget) {
        /* Moved within the page: its language may come from new surroundings. */
        this._widget.attribute_changed();
        return;
      }
      if (!this.hasAttribute('bundle')) {
        /* Start loading the default bundle now: the browser reads and parses it in the
           background while the wasm compiles. */
        loadDefault().catch(function () {});
      }
      var self = this;
      start().then(function () {
        if (!self.isConnected || self._widget) {
          return;
        }
        var root = self.shadowRoot || self.attachShadow({ mode: 'open' });
        self._widget = new wasm_bindgen.Widget(self, root);
        self._key = null;
        self._load();
      }).catch(function (err) {
        cannotStart(self, err);
      });
    }

    disconnectedCallback() {
      /* Removed from the page (not just moved): let the widget go, and with it the
         element, its comparisons and, if no other widget uses it, the bundle. */
      var self = this;
      queueMicrotask(function () {
        if (!self.isConnected && self._widget) {
          self._widget.free();
          self._widget = null;
          self._key = null;
        }
      });
    }

    attributeChangedCallback(name, old, value) {
      if (!this._widget || old === value) {
        return;
      }
      if (name === 'bundle') {
        this._load();
      } else {
        this._widget.attribute_changed();
      }
    }

    _load() {
      var from = source(this.getAttribute('bundle'));
      var widget = this._widget;
      var self = this;
      var previous = this._key;
      this._key = from.key;
      if (!from.inline && widget.use_bundle(from.key)) {
        return;
      }
      if (previous !== null) {
        /* Not the old bundle's comparison while the new one loads. */
        widget.loading();
      }
      from.load().then(function (text) {
        if (self._widget === widget && self._key === from.key) {
          performance.mark('policy-compare:bundle-loaded');
          widget.set_bundle(from.key, text);
        }
      }, function (err) {
        if (self._widget === widget && self._key === from.key) {
          widget.bundle_failed(message(err));
        }
      });
    }

    /* How many times the widget has drawn itself completely (for tests and
       measurements). */
    get renders() {
      return this._widget ? this._widget.renders() : 0;
    }
  }

  window.customElements.define('policy-compare', PolicyCompare);
})();
