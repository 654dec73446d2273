// Runs queries with the page's own search core (themes/default/static/assets/search.js) over an
// index folder that ssg wrote, in node, recording which index files each query loaded.
//
//   node search_node.js INDEX_DIR < request.json
//
// request: {"queries": [...], "fresh": true|false, "repeat": N, "page": 10,
//           "reference": [{"title": .., "tags": .., "body": ..}, ...]  (optional, in index order)}
// With "fresh", every query starts from an empty page (what a first query downloads); otherwise
// the queries run one after another in one page (what later queries download).
// "reference" builds one unsplit lunr index of the same documents with lunr.Builder and the
// same pipeline, and runs every query on it too.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const repo = path.join(__dirname, "..", "..");
const vendor = path.join(repo, "themes", "default", "static", "vendor", "lunr");
const lunr = require(path.join(vendor, "lunr.min.js"));
require(path.join(vendor, "lunr.stemmer.support.min.js"))(lunr);
require(path.join(vendor, "lunr.ru.min.js"))(lunr);
const { createSearch, possessive, elision, readerQuery, russianCases, trimmerOf, cjkPairs, RUSSIAN_STOP_WORDS } = require(path.join(repo, "themes", "default", "static", "assets", "search.js"));
const russianStopWords = lunr.generateStopWordFilter(RUSSIAN_STOP_WORDS.split(" "));  // (the index's: ssg/search/data/stopwords-ru.txt)

const dir = process.argv[2];

function loader(log) {
  return function load(key) {
    const file = key + ".js";
    log.push(file);
    let data;
    const source = fs.readFileSync(path.join(dir, file), "utf8");
    vm.runInNewContext(source, { ssgSearchData: (k, d) => { if (k === key) data = d; } });
    return new Promise((resolve) => setImmediate(() => resolve(data)));
  };
}

const trimmer = trimmerOf(lunr, ["en", "ru"]);  // (the Latin script's letters and the Cyrillic ones, as the index's)

function reference(docs, manifest) {
  const idx = lunr(function () {
    // lunr.multiLanguage("en", "ru")'s pipeline with search.js's possessive, elision and Han and kana pairs steps
    // after its trimmer.
    this.pipeline.reset();
    this.pipeline.add(trimmer, possessive, elision, cjkPairs, russianStopWords, lunr.stopWordFilter, lunr.stemmer, lunr.ru.stemmer);
    this.ref("id");
    manifest.fields.forEach((f, i) => this.field(f, { boost: manifest.boosts[i] }));
    docs.forEach((doc, i) => this.add(Object.assign({ id: String(i) }, doc)));
  });
  // The search pipeline also trims, as search.js's does, and its Russian stemmer is search.js's: a word's stem and the
  // stems of its case forms that this index holds.
  idx.pipeline = new lunr.Pipeline();
  idx.pipeline.add(trimmer, possessive, elision, cjkPairs, lunr.stemmer, russianCases(lunr, (term) => term in idx.invertedIndex));
  return idx;
}

// lunr.Index.search, but a whole word with a star at its end stands for its own stems too (search.js's starredStems): its
// clause is given lunr's pipeline, which lunr.Index.query runs for the terms of a clause, here the starred word and the
// stems the prefix does not hold, those the index has (all of them where it has none).
function referenceSearch(idx, q) {
  const words = idx.pipeline;
  const terms = Object.keys(idx.invertedIndex);
  const starred = {
    runString(str, metadata) {
      const star = str.indexOf("*");
      if (star < 1 || star !== str.length - 1) return words.runString(str, metadata);
      const prefix = str.slice(0, star);
      const all = [str].concat(words.runString(prefix, metadata).filter((t) => !t.startsWith(prefix)));
      const held = all.filter((t) => (t === str ? terms.some((k) => k.startsWith(prefix)) : t in idx.invertedIndex));
      return held.length ? held : all;
    },
  };
  idx.pipeline = starred;
  let stopWordsOnly = false;
  try {
    const results = idx.query((query) => {
      new lunr.QueryParser(q, query).parse();
      // A word the index's pipeline leaves out (a stop word once trimmed, its 's gone) is left out of the query, as the
      // index left it out of the texts; a word with a star or ~ is kept.
      const asked = query.clauses.length;
      query.clauses = query.clauses.filter((clause) => {
        if (!clause.usePipeline || "editDistance" in clause) return true;
        const token = elision(possessive(trimmer(new lunr.Token(clause.term, {}))));
        return ![lunr.stopWordFilter, russianStopWords].some((filter) => filter(token) === undefined);
      });
      stopWordsOnly = asked > 0 && !query.clauses.length;
      query.clauses.forEach((clause) => {
        const star = clause.term.indexOf("*");
        if (!("editDistance" in clause) && star > 0 && star === clause.term.length - 1) clause.usePipeline = true;
      });
    });
    return stopWordsOnly ? [] : results; // (stop words only: no query, where lunr lists every article for no clauses)
  } finally {
    idx.pipeline = words;
  }
}

const fold = (s) => s.replace(/ё/g, "е").replace(/Ё/g, "Е").replace(/[Σς]/g, "σ").replace(/İ/g, "i");
const referenceStopWord = (word) => {
  const w = fold(word).toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  return [lunr.stopWordFilter, russianStopWords].some((filter) => filter(w) === undefined);
};
const pairs = (results) => results.slice(0).map((r) => [r.ref, r.score]); // a search.js Results or lunr's array

async function main() {
  const request = JSON.parse(fs.readFileSync(0, "utf8"));
  const page = request.page || 10;
  let log = [];
  let engine = createSearch(lunr, loader(log));
  const manifest = await engine.ready();
  const ref = request.reference ? reference(request.reference, manifest) : null;
  const out = [];
  for (const q of request.queries) {
    if (request.fresh) {
      log = [];
      engine = createSearch(lunr, loader(log));
    }
    const files = (log.length = 0, log);
    const entry = { query: q };
    try {
      const results = await engine.search(q);
      await engine.documents(results.slice(0, page).map((r) => +r.ref));
      entry.results = pairs(results);
      if (!results.length) entry.only_stop_words = engine.onlyStopWords(q);
      const times = [];
      for (let i = 0; i < (request.repeat || 0); i++) {
        const t0 = process.hrtime.bigint();
        await engine.search(q);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      entry.ms = times;
    } catch (e) {
      entry.error = e.kind || String(e);
    }
    entry.files = files.slice();
    if (ref) {
      try {
        // (as the page reads a query typed as in other search boxes: МС-21's parts required, as words in quotes)
        entry.reference = pairs(referenceSearch(ref, fold(readerQuery(q, referenceStopWord, manifest.fields))));
      } catch (e) {
        entry.reference_error = e instanceof lunr.QueryParseError ? "syntax" : String(e);
      }
    }
    out.push(entry);
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
