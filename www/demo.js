/* The demo page's state follows the URL hash (#left=jiangxi&right=henan&theme=finance&view=targets,
   #view=search&query=中欧班列),
   so a comparison can be shared as a link. A separate file, not an inline script, so the
   page works under a strict Content-Security-Policy. */
(function () {
  'use strict';
  var widget = document.getElementById('compare');
  var KEYS = ['left', 'right', 'theme', 'view', 'lang', 'query', 'query-region', 'query-theme', 'topic'];

  function fromHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    KEYS.forEach(function (key) {
      var value = params.get(key);
      if (value !== null && widget.getAttribute(key) !== value) {
        widget.setAttribute(key, value);
      } else if (value === null && KEYS.indexOf(key) > 4 && widget.hasAttribute(key)) {
        /* A search or topic the link no longer holds goes. */
        widget.removeAttribute(key);
      }
    });
  }

  function toHash(detail) {
    var params = new URLSearchParams();
    KEYS.forEach(function (key) {
      if (detail[key]) {
        params.set(key, detail[key]);
      }
    });
    var hash = '#' + params.toString();
    if (location.hash !== hash) {
      history.replaceState(null, '', hash);
    }
  }

  fromHash();
  window.addEventListener('hashchange', fromHash);
  widget.addEventListener('change', function (event) {
    toHash(event.detail);
  });
})();
