// The latest articles' list of article pages, and links that work when the site is opened from disk.
(function () {
  "use strict";

  // latest.js (written by ssg with every build) sets window.ssgLatest: for each page language, the
  // newest articles with their dates as that language shows them, paths from the site root. The
  // pages do not hold the list themselves: then each new article would rewrite every article page.
  function showLatest() {
    var aside = document.querySelector("aside[data-latest]");
    var lists = window.ssgLatest;
    var lang = document.documentElement.lang;
    var dir = document.documentElement.dir === "rtl" ? "rtl" : "ltr";
    var items = aside && lists && lists[lang];
    if (!items || !items.length) return;
    var root = aside.getAttribute("data-root");
    var here = aside.getAttribute("data-path");
    var list = aside.querySelector("ol");
    items.forEach(function (item) {
      var entry = document.createElement("li");
      var time = document.createElement("time");
      time.setAttribute("datetime", item.date);
      time.textContent = item.shown;
      if (item.lang !== lang) {
        entry.lang = item.lang; // the title's language ...
        time.lang = lang; // ... and the date's, as the page shows it
        if (item.dir === "rtl" || dir === "rtl") { // and their directions, where one is right-to-left (lang_attrs)
          entry.dir = item.dir || "ltr";
          time.dir = dir;
        }
      }
      var link = document.createElement("a");
      link.href = root + item.url;
      link.textContent = item.title;
      if (item.path === here) link.setAttribute("aria-current", "page");
      entry.appendChild(time);
      entry.appendChild(document.createTextNode(" "));
      entry.appendChild(link);
      if (item.scheduled) {
        // (an article the preview shows before its time: marked as its page marks it)
        var badge = document.createElement("span");
        badge.className = "badge badge--scheduled";
        badge.textContent = item.scheduled;
        entry.appendChild(document.createTextNode(" "));
        entry.appendChild(badge);
      }
      list.appendChild(entry);
    });
    aside.hidden = false;
  }

  // A code block or table wider than the text scrolls sideways, and a keyboard scrolls only what has the focus:
  // such a block is a tab stop (Hugo's code blocks all are), while it is wider than the page leaves it.
  var SCROLLS = "data-scroll-stop";

  function reachScrolling() {
    var blocks = document.querySelectorAll(".prose pre, .prose table");
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      var wide = block.scrollWidth > block.clientWidth + 1;
      if (wide && !block.hasAttribute("tabindex")) {
        block.setAttribute("tabindex", "0");
        block.setAttribute(SCROLLS, "");
      } else if (!wide && block.hasAttribute(SCROLLS)) {
        block.removeAttribute("tabindex");
        block.removeAttribute(SCROLLS);
      }
    }
  }

  // Opened from disk, a link to "dir/" shows a file listing instead of the page:
  // point such links (and the search form) at "dir/index.html" instead.
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

  // Deferred scripts have all run by then, latest.js (which comes after this one) too.
  document.addEventListener("DOMContentLoaded", function () {
    showLatest();
    reachScrolling();
    window.addEventListener("resize", reachScrolling); // (a phone turned: what was wide may fit, and back)
    if (location.protocol !== "file:") return;
    rewrite("a[href]", "href");
    rewrite("form[action]", "action");
  });
})();
