// Opened from disk, a link to "dir/" shows a file listing instead of the page:
// point such links (and the search form) at "dir/index.html" instead.
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  var ABSOLUTE = /^([a-z][a-z0-9+.-]*:|\/|#)/i;

  function toIndex(url) {
    if (url === null || ABSOLUTE.test(url)) return null;
    var cut = url.search(/[?#]/);
    var path = cut < 0 ? url : url.slice(0, cut);
    var rest = cut < 0 ? "" : url.slice(cut);
    return /\/$/.test(path) ? path + "index.html" + rest : null;
  }

  function rewrite(selector, attribute) {
    var elements = document.querySelectorAll(selector);
    for (var i = 0; i < elements.length; i++) {
      var fixed = toIndex(elements[i].getAttribute(attribute));
      if (fixed) elements[i].setAttribute(attribute, fixed);
    }
  }

  rewrite("a[href]", "href");
  rewrite("form[action]", "action");
})();
