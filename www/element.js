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
        /* The browser's own decoder where it has one: the loop below is slower. */
        var bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(POLICY_COMPARE_WASM) : null;
        if (!bytes) {
          var text = atob(POLICY_COMPARE_WASM);
          bytes = new Uint8Array(text.length);
          for (var i = 0; i < text.length; i++) {
            bytes[i] = text.charCodeAt(i);
          }
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

  /* The style sheet, one for the page, adopted by every shadow root: a constructed sheet
     is not subject to the page's Content-Security-Policy, as <style> elements and style
     attributes are (see the README for the exact policy). */
  var sheet = null;
  function adopt(root) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(wasm_bindgen.style());
    }
    root.adoptedStyleSheets = [sheet];
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

  /* Runs a call into the widget's wasm. Errors the widget can name come back as its own
     drawing; what escapes is a trap (out of memory, a bug), after which this widget's
     state cannot be trusted: it says so in place of "Loading…" and stops, instead of
     leaving an unhandled rejection and a page that waits forever. */
  function guarded(el, call) {
    try {
      call();
    } catch (err) {
      el._widget = null;
      cannotStart(el, new Error('this comparison stopped: ' + message(err)));
    }
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
        return response.arrayBuffer();
      }).then(bytes);
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

  /* A server's answer as bytes: the widget reads them as they came (UTF-8), where asking
     for text would have the browser decode them to UTF-16 and the glue encode them back,
     both in one task (a third of a second for a 44 MB bundle). */
  function bytes(buffer) {
    return new Uint8Array(buffer);
  }

  /* The first byte past a byte order mark and spaces. */
  function firstByte(b) {
    var i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
    while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) {
      i++;
    }
    return b[i];
  }

  /* Bundles fetched by URL, one request per URL however many widgets use it. A server
     that never answers is given up after FETCH_TIMEOUT ms (the widget would otherwise say
     "Loading…" forever); what comes back must look like JSON, or the message says what it
     looks like instead (an HTML page, typically a host's 404 page served with 200). */
  var FETCH_TIMEOUT = 30000;
  var fetches = new Map();
  function fetchBundle(spec, url) {
    if (!fetches.has(url)) {
      var label = 'bundle="' + spec + '": ';
      var abort = typeof AbortController === 'function' ? new AbortController() : null;
      var timer = setTimeout(function () {
        if (abort) abort.abort();
      }, FETCH_TIMEOUT);
      var request = fetch(url, abort ? { signal: abort.signal } : {}).then(function (response) {
        if (!response.ok) {
          throw new Error(label + 'HTTP ' + response.status + ' ' + response.statusText);
        }
        return response.arrayBuffer();
      }, function (err) {
        if (abort && abort.signal.aborted) {
          throw new Error(label + 'no answer from the server after ' + FETCH_TIMEOUT / 1000 + ' s');
        }
        throw new Error(label + 'the request failed (' + message(err) + '): the server cannot be reached, or does not let this page read the file (CORS)');
      }).then(function (buffer) {
        clearTimeout(timer);
        var body = bytes(buffer);
        var start = firstByte(body);
        if (start !== 0x7b) {
          throw new Error(label + (start === 0x3c ? 'the server sent an HTML page, not a bundle (JSON)' : 'the server sent something that is not a bundle (JSON)'));
        }
        return body;
      }, function (err) {
        clearTimeout(timer);
        /* Headers came, then the body stalled until the timer aborted it. */
        if (abort && abort.signal.aborted && message(err).indexOf(label) !== 0) {
          throw new Error(label + 'no answer from the server after ' + FETCH_TIMEOUT / 1000 + ' s');
        }
        throw err;
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
      return { key: 'builtin', label: 'bundle.js', load: loadDefault };
    }
    if (spec.charAt(0) === '#') {
      return {
        key: spec,
        label: 'bundle="' + spec + '"',
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
      label: 'bundle="' + spec + '"',
      load: function () {
        if (location.protocol === 'file:') {
          return Promise.reject(new Error('bundle="' + spec + '": a page opened from a file cannot fetch other files; use bundle="#id" with a <script type="application/json" id="id"> in the page, or the default bundle'));
        }
        return fetchBundle(spec, url);
      },
    };
  }

  /* State in the URL hash: a widget's attributes under its key (`w1.left=hunan&…`;
     the `hash` attribute names the key, else the element's id, else "pc"). A widget with
     a `hash` attribute keeps its state there; any widget follows a link made for it (a
     permalink to a passage, `…&w1.at=document/paragraph`). */
  var HASHED = ['left', 'right', 'left-document', 'right-document', 'theme', 'view', 'lang',
    'query', 'query-region', 'query-theme', 'topic', 'indicator', 'at'];
  function prefix(el) {
    var key = el.getAttribute('hash');
    if (key === null) {
      key = el.id || 'pc';
    }
    key = key.replace(/[^A-Za-z0-9_-]/g, '');
    return key ? key + '.' : '';
  }
  function params() {
    return new URLSearchParams(location.hash.slice(1));
  }
  function hashOf(p) {
    var text = p.toString().replace(/%2F/gi, '/').replace(/%3A/gi, ':');
    return text ? '#' + text : '';
  }
  /* Applies the hash to a widget: the values under its key; for a widget that keeps its
     state there, the page's own values for keys the hash lacks (back to no hash is back
     to the page as written). */
  function fromHash(el) {
    var p = params();
    var pre = prefix(el);
    var keeps = el.hasAttribute('hash');
    var found = HASHED.some(function (name) {
      return p.has(pre + name);
    });
    if (!found && !keeps) {
      return;
    }
    HASHED.forEach(function (name) {
      var value = p.get(pre + name);
      if (value === null) {
        if (!keeps) {
          return;
        }
        value = el._written[name];
      }
      if (value === null) {
        el.removeAttribute(name);
      } else if (el.getAttribute(name) !== value) {
        el.setAttribute(name, value);
      }
    });
  }
  /* The hash with this widget's state under its key (`at` as given), other widgets'
     values kept. */
  function withState(el, at) {
    var p = params();
    var pre = prefix(el);
    HASHED.forEach(function (name) {
      var value = name === 'at' ? at : el.getAttribute(name);
      if (value) {
        p.set(pre + name, value);
      } else {
        p.delete(pre + name);
      }
    });
    return hashOf(p);
  }
  /* After the reader changed something: the widget's state into the hash (replacing the
     entry, as a reader's choices are not navigation), the link target dropped. */
  function toHash(el) {
    el.removeAttribute('at');
    /* Once the frame that shows the change is drawn: replacing the address costs the
       browser a millisecond or two, which the reader should not wait for. */
    requestAnimationFrame(function () {
      setTimeout(function () {
        var hash = withState(el, null);
        if (el.hasAttribute('hash') && location.hash !== hash) {
          history.replaceState(history.state, '', hash || location.pathname + location.search);
        }
      });
    });
  }
  /* A permalink: this page with the widget's state and `at` (a passage, or a block by
     its first passage) in the hash. The widget draws `<a class="plink" data-value="…">`;
     its address is made when the reader points at it or focuses it, and a click puts it
     into the address bar (the widget then marks what it points at) and onto the
     clipboard where the page may. */
  function onLink(el, root, event) {
    var a = event.target.closest && event.target.closest('a.plink');
    if (!a) {
      return;
    }
    var url = location.href.replace(/#.*$/, '') + withState(el, a.getAttribute('data-value'));
    a.href = url;
    if (event.type !== 'click') {
      return;
    }
    event.preventDefault();
    location.hash = url.slice(url.indexOf('#'));
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () {
        var status = root.querySelector('[role="status"]');
        /* The panel drawn now: the link itself may have been redrawn meanwhile. */
        var done = root.querySelector('[data-done]');
        if (status && done) {
          status.textContent = done.getAttribute('data-done');
        }
      }, function () {});
    }
  }
  /* Scrolls to what a link points at, once the widget has drawn it: a long plan is
     aligned over several tasks, so the comparison may come a few frames later (looked
     for in each frame, for about two seconds). */
  function seek(el, frames) {
    requestAnimationFrame(function () {
      var target = el.shadowRoot && el.shadowRoot.querySelector('[data-at]');
      if (target) {
        target.scrollIntoView({ block: 'center' });
      } else if ((frames || 0) < 120) {
        seek(el, (frames || 0) + 1);
      }
    });
  }
  var live = new Set();
  window.addEventListener('hashchange', function () {
    live.forEach(fromHash);
  });

  /* A widget loads and draws when it nears the viewport (one screen ahead); the wasm
     compiles at once, for the first one. `loading="eager"`, or a link to it, starts it
     at once. */
  var near = null;
  function whenNear(el) {
    /* On screen already (a look now, not after the first frame as the observer's would
       be: the data then loads while the wasm compiles). */
    var box = el.getBoundingClientRect();
    if (typeof IntersectionObserver !== 'function' || el.getAttribute('loading') === 'eager' || el.hasAttribute('at')
        || (box.top < innerHeight * 2 && box.bottom > -innerHeight)) {
      el._begin();
      return;
    }
    if (!near) {
      near = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            near.unobserve(entry.target);
            entry.target._begin();
          }
        });
      }, { rootMargin: '100% 0px' });
    }
    near.observe(el);
  }

  /* A fixed height (`height="30rem"`, a bare number is pixels): a custom property the
     style sheet reads, set through the CSS object model (allowed by any CSP). */
  function size(el) {
    var h = (el.getAttribute('height') || '').trim();
    if (/^\d+(\.\d+)?$/.test(h)) {
      h += 'px';
    }
    if (h) {
      el.style.setProperty('--pc-height', h);
    } else {
      el.style.removeProperty('--pc-height');
    }
  }

  var OBSERVED = ['left', 'right', 'left-document', 'right-document', 'theme', 'view', 'lang', 'bundle',
    'passages', 'topics', 'max-rows', 'at', 'hash', 'height', 'query', 'query-region', 'query-theme',
    'topic', 'indicator'];

  class PolicyCompare extends HTMLElement {
    static get observedAttributes() {
      return OBSERVED;
    }

    connectedCallback() {
      live.add(this);
      if (this._widget) {
        /* Moved within the page: its language may come from new surroundings. */
        var widget = this._widget;
        guarded(this, function () { widget.attribute_changed(); });
        return;
      }
      if (!this._written) {
        /* The page's own values, and what the hash says for this widget. */
        var self = this;
        this._written = {};
        HASHED.forEach(function (name) {
          self._written[name] = self.getAttribute(name);
        });
        this.addEventListener('change', function (event) {
          if (event.target === self && event.detail) {
            toHash(self);
          }
        });
        fromHash(this);
        size(this);
      }
      start().catch(function () {});
      whenNear(this);
    }

    /* Loads the bundle and draws (when the widget nears the viewport). */
    _begin() {
      /* Start loading the bundle now: it downloads (and the default one is parsed) while
         the wasm compiles, instead of after it. */
      var from = source(this.getAttribute('bundle'));
      this._early = from.inline ? null : { key: from.key, text: from.load() };
      if (this._early) {
        this._early.text.catch(function () {});
      }
      var self = this;
      start().then(function () {
        if (!self.isConnected || self._widget) {
          return;
        }
        var root = self.shadowRoot || self.attachShadow({ mode: 'open' });
        adopt(root);
        ['click', 'focusin', 'pointerover'].forEach(function (kind) {
          root.addEventListener(kind, function (event) {
            onLink(self, root, event);
          });
        });
        self._widget = new wasm_bindgen.Widget(self, root);
        self._key = null;
        self._load();
      }).catch(function (err) {
        cannotStart(self, err);
      });
    }

    disconnectedCallback() {
      live.delete(this);
      if (near) {
        near.unobserve(this);
      }
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
      if (name === 'height') {
        size(this);
        return;
      }
      if (!this._widget || old === value) {
        return;
      }
      if (name === 'at' && value) {
        seek(this);
      }
      if (name === 'bundle') {
        this._load();
      } else {
        var widget = this._widget;
        guarded(this, function () { widget.attribute_changed(); });
      }
    }

    _load() {
      var from = source(this.getAttribute('bundle'));
      var widget = this._widget;
      var self = this;
      var previous = this._key;
      this._key = from.key;
      if (!from.inline && widget.use_bundle(from.key)) {
        if (this.hasAttribute('at')) {
          seek(this);
        }
        return;
      }
      if (previous !== null) {
        /* Not the old bundle's comparison while the new one loads. */
        widget.loading();
      }
      var early = this._early;
      this._early = null;
      (early && early.key === from.key ? early.text : from.load()).then(function (text) {
        if (self._widget === widget && self._key === from.key) {
          performance.mark('policy-compare:bundle-loaded');
          guarded(self, function () {
            /* Bytes from a server; text from the page, as UTF-8. */
            var body = typeof text === 'string' ? new TextEncoder().encode(text) : text;
            widget.set_bundle(from.key, body, from.label);
          });
          if (self._widget && self.hasAttribute('at')) {
            seek(self);
          }
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
