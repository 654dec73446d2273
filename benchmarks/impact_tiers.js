// For benchmarks/impact_tiers.py: runs queries one after another in one page with search.js (as search_node.js's
// "later" mode), and gives per query its plan (clauses: fields, presence, boost, terms as the planning pipeline makes
// them), the files it loaded, and its first `top` results (ref, score).
//
//   node impact_tiers.js INDEX_DIR < {"queries": [...], "top": 50}
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const repo = path.join(__dirname, "..");
const vendor = path.join(repo, "themes", "default", "static", "vendor", "lunr");
const lunr = require(path.join(vendor, "lunr.min.js"));
require(path.join(vendor, "lunr.stemmer.support.min.js"))(lunr);
require(path.join(vendor, "lunr.ru.min.js"))(lunr);
const { createSearch } = require(path.join(repo, "themes", "default", "static", "assets", "search.js"));

const dir = process.argv[2];
const log = [];
function load(key) {
  const file = key + ".js";
  log.push(file);
  let data;
  vm.runInNewContext(fs.readFileSync(path.join(dir, file), "utf8"), { ssgSearchData: (k, d) => { if (k === key) data = d; } });
  return Promise.resolve(data);
}

async function main() {
  const request = JSON.parse(fs.readFileSync(0, "utf8"));
  const engine = createSearch(lunr, load);
  await engine.ready();
  const out = [];
  for (const q of request.queries) {
    log.length = 0;
    const entry = { query: q };
    try {
      const p = engine.plan(q);
      entry.clauses = p.clauses.map((c) => ({ fields: c.clause.fields, presence: c.clause.presence, boost: c.clause.boost,
                                              fuzzy: "editDistance" in c.clause, terms: c.terms }));
      const results = await engine.search(q);
      await engine.documents(results.slice(0, 10).map((r) => +r.ref));
      entry.count = results.length;
      entry.top = results.slice(0, request.top || 50).map((r) => [r.doc, r.score]);
    } catch (e) {
      entry.error = e.kind || String(e);
    }
    entry.files = log.slice();
    out.push(entry);
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => { console.error(e); process.exit(1); });
