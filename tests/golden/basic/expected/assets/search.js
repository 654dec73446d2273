// Client-side search over the sharded index that ssg/search/writer.py writes.
//
// A query is parsed with lunr's own parser, its terms are stemmed, and only the shards whose
// term ranges hold them are loaded (as <script> files, which works from file://). The loaded
// shards become one lunr.Index whose document vectors are computed with the same arithmetic
// as lunr.Builder, so scores and ranking equal those of one unsplit lunr index.
// The core runs in node too (tests and benchmarks); the page part only in a browser.
(function (root) {
  "use strict";

  var K1 = 1.2, B = 0.75; // lunr.Builder's BM25 defaults
  var MAX_SHARDS = 24; // a query needing more (a leading * or ~) is refused as too broad

  function SearchError(kind, message) {
    this.kind = kind; // "syntax", "broad", "load"
    this.message = message;
  }

  function foldQuery(q) {
    return q.replace(/ё/g, "е").replace(/Ё/g, "Е");
  }

  // The search pipeline: the indexing pipeline minus the stop-word filters (as lunr does). The
  // trimmer keeps Latin, Cyrillic and digits whatever the languages, as ssg/search/analysis.py.
  function searchPipeline(lunr, languages) {
    var chars = "\\w" + lunr.ru.wordCharacters;
    var trimmer = lunr.trimmerSupport.generateTrimmer(chars);
    lunr.Pipeline.registerFunction(trimmer, "ssg-trimmer-" + languages.join("-"));
    var pipeline = new lunr.Pipeline();
    pipeline.add(trimmer);
    if (languages.indexOf("en") >= 0) pipeline.add(lunr.stemmer);
    if (languages.indexOf("ru") >= 0) pipeline.add(lunr.ru.stemmer);
    return pipeline;
  }

  // load(key) -> Promise of the data of file `key` ("index", "len", "t/3", "d/12").
  function createSearch(lunr, load) {
    var manifest, pipeline, lengths = null, lengthsLoad = null, averages;
    var loading = {}, added = {}, invertedIndex = Object.create(null), fieldVectors = Object.create(null);
    var terms = [], index = null, storeChunks = {};

    function ready() {
      if (manifest) return Promise.resolve(manifest);
      return load("index").then(function (m) {
        manifest = m;
        pipeline = searchPipeline(lunr, m.languages);
        averages = m.lengths.map(function (total) { return total / m.docs; });
        return m;
      });
    }

    function compare(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

    function shardOf(term) { // the last shard whose lower bound is <= term
      var bounds = manifest.shards, lo = 0, hi = bounds.length - 1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (compare(bounds[mid], term) <= 0) lo = mid; else hi = mid - 1;
      }
      return lo;
    }

    function shardsFor(term, editDistance) {
      var star = term.indexOf("*");
      if (editDistance > 0 || star === 0) return manifest.shards.map(function (_, i) { return i; });
      if (star < 0) return [shardOf(term)];
      var prefix = term.slice(0, star), first = shardOf(prefix), out = [first];
      for (var i = first + 1; i < manifest.shards.length && manifest.shards[i].lastIndexOf(prefix, 0) === 0; i++) out.push(i);
      return out;
    }

    // Parse the query; throws SearchError("syntax") and returns the parsed lunr.Query and shards.
    function plan(queryString) {
      var query = new lunr.Query(manifest.fields);
      try {
        new lunr.QueryParser(queryString, query).parse();
      } catch (e) {
        if (e instanceof lunr.QueryParseError) throw new SearchError("syntax", e.message);
        throw e;
      }
      var needed = {};
      query.clauses.forEach(function (clause) {
        var clauseTerms = clause.usePipeline ? pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
        clauseTerms.forEach(function (t) {
          shardsFor(t, clause.editDistance).forEach(function (i) { needed[i] = true; });
        });
      });
      var list = Object.keys(needed).map(Number).sort(function (a, b) { return a - b; });
      if (list.length > MAX_SHARDS) throw new SearchError("broad", "needs " + list.length + " shards");
      return { query: query, shards: list };
    }

    // Turn one shard into lunr postings and document vectors, as lunr.Builder would.
    function addShard(rows) {
      var fields = manifest.fields, docs = manifest.docs;
      rows.forEach(function (row) {
        var term = row[0], termIndex = row[1], posting = Object.create(null), decoded = [];
        posting._index = termIndex;
        for (var f = 0; f < fields.length; f++) {
          var fieldPosting = Object.create(null), list = row[2 + f] || [], docsTf = [];
          for (var i = 0, doc = -1; i < list.length; i++) {
            var v = list[i], tf = 1;
            doc += (v >> 1) + 1;
            if (v & 1) tf = list[++i];
            fieldPosting[doc] = Object.create(null);
            docsTf.push(doc, tf);
          }
          posting[fields[f]] = fieldPosting;
          decoded.push(docsTf);
        }
        invertedIndex[term] = posting;
        terms.push(term);
        var idf = lunr.idf(posting, docs);
        for (f = 0; f < fields.length; f++) {
          var fieldName = fields[f], boost = manifest.boosts[f] || 1, pairs = decoded[f];
          for (i = 0; i < pairs.length; i += 2) {
            var d = pairs[i], count = pairs[i + 1], fieldLength = lengths[f][d];
            var score = idf * ((K1 + 1) * count) / (K1 * (1 - B + B * (fieldLength / averages[f])) + count);
            score *= boost;
            score *= 1; // document boost
            var ref = fieldName + "/" + d, vector = fieldVectors[ref] || (fieldVectors[ref] = new lunr.Vector());
            vector.insert(termIndex, Math.round(score * 1000) / 1000);
          }
        }
      });
    }

    function loadShards(list) {
      var missing = list.filter(function (i) { return !added[i]; });
      if (!missing.length) return Promise.resolve();
      lengthsLoad = lengthsLoad || load("len");
      var waits = missing.map(function (i) { return loading[i] || (loading[i] = load("t/" + i)); });
      return Promise.all([lengthsLoad].concat(waits)).then(function (loaded) {
        lengths = loaded[0];
        var changed = false;
        missing.forEach(function (i, k) {
          if (added[i]) return; // a query that overlapped this one got here first
          addShard(loaded[k + 1]);
          added[i] = changed = true;
        });
        if (!changed) return;
        terms.sort(compare);
        index = new lunr.Index({
          invertedIndex: invertedIndex, fieldVectors: fieldVectors, tokenSet: lunr.TokenSet.fromArray(terms),
          fields: manifest.fields, pipeline: pipeline,
        });
      }, function (e) {
        missing.forEach(function (i) { if (!added[i]) delete loading[i]; });
        if (!lengths) lengthsLoad = null;
        throw new SearchError("load", String((e && e.message) || e));
      });
    }

    // A negated query ("-word" alone) ranks every document: lunr then walks all field vectors.
    function everyDocument() {
      var all = Object.create(null), fields = manifest.fields;
      for (var d = 0; d < manifest.docs; d++) {
        for (var f = 0; f < fields.length; f++) {
          var ref = fields[f] + "/" + d;
          all[ref] = fieldVectors[ref] || new lunr.Vector();
        }
      }
      return new lunr.Index({ invertedIndex: invertedIndex, fieldVectors: all, tokenSet: index.tokenSet, fields: fields, pipeline: pipeline });
    }

    // Resolves to lunr's results: [{ref, score, matchData}], best first.
    function search(queryString) {
      var folded = foldQuery(queryString);
      return ready().then(function () {
        var p = plan(folded);
        return loadShards(p.shards).then(function () {
          if (!index) return [];
          return (p.query.isNegated() ? everyDocument() : index).search(folded);
        });
      });
    }

    // Resolves to the stored [path, title, date, lang, lead, tags] of documents `refs`.
    function documents(refs) {
      var chunk = manifest.chunk, wanted = {};
      refs.forEach(function (r) { wanted[Math.floor(r / chunk)] = true; });
      return Promise.all(Object.keys(wanted).map(function (c) {
        if (!storeChunks[c]) {
          storeChunks[c] = load("d/" + c).catch(function (e) { delete storeChunks[c]; throw new SearchError("load", String(e)); });
        }
        return storeChunks[c];
      })).then(function () {
        return Promise.all(refs.map(function (r) {
          return storeChunks[Math.floor(r / chunk)].then(function (rows) { return rows[r % chunk]; });
        }));
      });
    }

    // The index terms a word of a lead becomes, to highlight what matched.
    function termOf(word) {
      var out = pipeline.runString(foldQuery(word).toLowerCase());
      return out.length ? out[0] : "";
    }

    return { ready: ready, search: search, documents: documents, termOf: termOf, plan: function (q) { return plan(foldQuery(q)); } };
  }

  var api = { createSearch: createSearch, SearchError: SearchError, foldQuery: foldQuery };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.ssgSearch = api;

  if (typeof document === "undefined") return;

  // ---- the page --------------------------------------------------------------------------

  var PAGE = 10, DEBOUNCE = 200, SEPARATOR = /([\s\-]+)/;

  function scriptLoader(base, build) {
    var pending = {};
    root.ssgSearchData = function (key, data) {
      if (pending[key]) { pending[key].resolve(data); delete pending[key]; }
    };
    return function load(key) {
      return new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        pending[key] = { resolve: resolve };
        script.src = base + key + ".js" + (build() ? "?v=" + build() : "");
        script.async = true;
        script.onerror = function () { delete pending[key]; reject(new Error("cannot load " + script.src)); };
        script.onload = function () { script.remove(); };
        document.head.appendChild(script);
      });
    };
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  function pageUrl(rootUrl, path) {
    var url = rootUrl + path;
    return location.protocol === "file:" && /\/$/.test(url) ? url + "index.html" : url;
  }

  function start() {
    var box = document.getElementById("search-page");
    if (!box) return;
    var strings = JSON.parse(document.getElementById("search-strings").textContent);
    var input = document.getElementById("search-page-q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var rootUrl = box.getAttribute("data-root");
    var lang = document.documentElement.lang || "en";
    var manifestBuild = "";
    var engine = createSearch(root.lunr, scriptLoader(box.getAttribute("data-index"), function () { return manifestBuild; }));
    var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
    var dates = window.Intl ? new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }) : null;
    var current = 0, timer = null, results = [], shown = 0;

    function say(key, values) {
      var text = strings[key] || key;
      Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
      status.textContent = text;
    }

    function formatDate(iso) {
      var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
      return m && dates ? dates.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))) : iso.slice(0, 10);
    }

    function highlighted(text, matched) {
      var p = el("p", "search-hit__lead");
      text.split(SEPARATOR).forEach(function (part) {
        var term = part && !SEPARATOR.test(part) ? engine.termOf(part) : "";
        p.appendChild(term && matched[term] ? el("mark", null, part) : document.createTextNode(part));
      });
      return p;
    }

    function render(hit, doc) {
      var matched = hit.matchData.metadata;
      var li = el("li", "search-hit");
      var h = el("h2", "search-hit__title");
      var a = el("a", null, doc[1]);
      a.href = pageUrl(rootUrl, doc[0]);
      h.appendChild(a);
      li.appendChild(h);
      var meta = el("p", "search-hit__meta");
      var time = el("time", null, formatDate(doc[2]));
      time.setAttribute("datetime", doc[2]);
      meta.appendChild(time);
      meta.appendChild(document.createTextNode(" · "));
      var language = el("span", "search-hit__lang", strings["search_lang_" + doc[3]] || doc[3]);
      language.setAttribute("lang", doc[3]);
      meta.appendChild(language);
      li.appendChild(meta);
      if (doc[4]) {
        var lead = highlighted(doc[4], matched);
        lead.setAttribute("lang", doc[3]);
        li.appendChild(lead);
      }
      if (doc[5].length) {
        var tags = el("ul", "search-hit__tags");
        tags.setAttribute("aria-label", strings.search_tags);
        doc[5].forEach(function (tag) { tags.appendChild(el("li", null, tag)); });
        li.appendChild(tags);
      }
      return li;
    }

    function showMore(run) {
      var page = results.slice(shown, shown + PAGE);
      return engine.documents(page.map(function (r) { return +r.ref; })).then(function (docs) {
        if (run !== current) return;
        docs.forEach(function (doc, i) { list.appendChild(render(page[i], doc)); });
        shown += page.length;
        more.hidden = shown >= results.length;
      });
    }

    function countText(n) {
      var form = plural ? plural.select(n) : n === 1 ? "one" : "other";
      return (strings["search_results_" + form] || strings.search_results_other).split("{n}").join(n);
    }

    function run(query, updateUrl) {
      var id = ++current;
      if (updateUrl) {
        var url = new URL(location.href);
        if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
        history.replaceState(null, "", url.href);
      }
      list.textContent = "";
      more.hidden = true;
      results = [];
      shown = 0;
      if (!query.trim()) { status.textContent = ""; return Promise.resolve(); }
      say("search_loading");
      box.setAttribute("aria-busy", "true");
      return engine.ready().then(function (m) {
        manifestBuild = m.build;
        return engine.search(query);
      }).then(function (found) {
        if (id !== current) return;
        results = found;
        if (!found.length) { say("search_no_results", { query: query }); return; }
        status.textContent = countText(found.length);
        return showMore(id);
      }).catch(function (e) {
        if (id !== current) return;
        if (e && e.kind === "syntax") say("search_syntax_error", { error: e.message });
        else if (e && e.kind === "broad") say("search_too_broad");
        else say("search_load_error");
      }).then(function () {
        if (id === current) box.removeAttribute("aria-busy");
      });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value, true); }, DEBOUNCE);
    });
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run(input.value, true);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        var first = list.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      } else if (event.key === "Escape" && input.value) {
        input.value = "";
        run("", true);
      }
    });
    list.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(list.querySelectorAll(".search-hit__title a"));
      var at = links.indexOf(document.activeElement);
      if (at < 0) return;
      event.preventDefault();
      if (event.key === "ArrowUp" && at === 0) input.focus();
      else if (links[at + (event.key === "ArrowDown" ? 1 : -1)]) links[at + (event.key === "ArrowDown" ? 1 : -1)].focus();
    });
    more.addEventListener("click", function () {
      var first = list.children.length;
      showMore(current).then(function () {
        var next = list.children[first] && list.children[first].querySelector("a");
        if (next) next.focus();
      });
    });

    var q = new URLSearchParams(location.search).get("q") || "";
    input.value = q;
    var header = document.getElementById("search-q");
    if (header) header.value = q;
    if (q) run(q, false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(typeof self !== "undefined" ? self : this);
