// What lunr.js + lunr-languages (the vendored copies the browser gets) make of words and texts.
// Reads {"words": [...], "texts": [...], "trim": [...], "tokens": [...]} on stdin; writes, per word, [English stem,
// Russian stem, the indexing pipeline's term or null for a stop word], per text, lunr.tokenizer's tokens, per token of
// "trim" what search.js's trimmer leaves of it, and per token of "tokens" all the terms the indexing pipeline makes of it
// (several for Han and kana), and per query of "queries" its clauses as the page reads them ([presence, fields, terms]:
// readerQuery, lunr's parser and the search pipeline, which a word with a star skips).
"use strict";
const path = require("path");
const vendor = path.join(__dirname, "..", "..", "themes", "default", "static", "vendor", "lunr");
const lunr = require(path.join(vendor, "lunr.min.js"));
require(path.join(vendor, "lunr.stemmer.support.min.js"))(lunr);
require(path.join(vendor, "lunr.ru.min.js"))(lunr);
const { possessive, elision, trimmerOf, cjkPairs, foldQuery, readerQuery, RUSSIAN_STOP_WORDS } = require(path.join(__dirname, "..", "..", "themes", "default", "static", "assets", "search.js"));
// The Russian stop words the index leaves out (ssg/search/data/stopwords-ru.txt; lunr-languages' own list leaves out more).
const russianStopWords = lunr.generateStopWordFilter(RUSSIAN_STOP_WORDS.split(" "));

// lunr.multiLanguage("en", "ru") builds this indexing pipeline, with search.js's trimmer (which keeps every script's
// letters, marks and digits) and its possessive, elision and Han and kana pairs (cjkPairs) steps after it.
const trimmer = trimmerOf(lunr, ["en", "ru"]);
lunr.Pipeline.registerFunction(possessive, "ssg-possessive");
lunr.Pipeline.registerFunction(elision, "ssg-elision");
lunr.Pipeline.registerFunction(cjkPairs, "ssg-cjk-pairs");
const pipeline = new lunr.Pipeline();
pipeline.add(trimmer, possessive, elision, cjkPairs, russianStopWords, lunr.stopWordFilter, lunr.stemmer, lunr.ru.stemmer);
// The search pipeline: the indexing one without its stop-word filters (search.js's, less its Russian case forms).
const searchPipeline = new lunr.Pipeline();
searchPipeline.add(trimmer, possessive, elision, cjkPairs, lunr.stemmer, lunr.ru.stemmer);
const PRESENCE = { 1: "optional", 2: "required", 3: "prohibited" };
const one = (fn, word) => fn(new lunr.Token(word, {})).toString();

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const request = JSON.parse(input);
  const words = (request.words || []).map((w) => {
    const terms = pipeline.run([new lunr.Token(w, {})]);
    return [one(lunr.stemmer, w), one(lunr.ru.stemmer, w), terms.length ? terms[0].toString() : null];
  });
  const texts = (request.texts || []).map((t) => lunr.tokenizer(t).map(String));
  const trimmed = (request.trim || []).map((w) => one(trimmer, w));
  const terms = (request.tokens || []).map((w) => pipeline.run([new lunr.Token(w, {})]).map(String));
  const queries = (request.queries || []).map((q) => {
    const fields = ["title", "body"], query = new lunr.Query(fields);
    new lunr.QueryParser(foldQuery(readerQuery(q, null, fields)), query).parse();
    return query.clauses.map((c) => [PRESENCE[c.presence], c.fields.length === 1 ? c.fields[0] : "", c.usePipeline ? searchPipeline.runString(c.term) : [c.term]]);
  });
  process.stdout.write(JSON.stringify({ words, texts, trimmed, terms, queries }));
});
