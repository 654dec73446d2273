// What lunr.js + lunr-languages (the vendored copies the browser gets) make of words and texts.
// Reads {"words": [...], "texts": [...], "trim": [...]} on stdin; writes, per word, [English stem, Russian stem,
// the indexing pipeline's term or null for a stop word], per text, lunr.tokenizer's tokens, and per token of "trim"
// what search.js's trimmer leaves of it.
"use strict";
const path = require("path");
const vendor = path.join(__dirname, "..", "..", "themes", "default", "static", "vendor", "lunr");
const lunr = require(path.join(vendor, "lunr.min.js"));
require(path.join(vendor, "lunr.stemmer.support.min.js"))(lunr);
require(path.join(vendor, "lunr.ru.min.js"))(lunr);
const { possessive, elision, trimmerOf, RUSSIAN_STOP_WORDS } = require(path.join(__dirname, "..", "..", "themes", "default", "static", "assets", "search.js"));
// The Russian stop words the index leaves out (ssg/search/data/stopwords-ru.txt; lunr-languages' own list leaves out more).
const russianStopWords = lunr.generateStopWordFilter(RUSSIAN_STOP_WORDS.split(" "));

// lunr.multiLanguage("en", "ru") builds this indexing pipeline, with search.js's trimmer (which keeps the Latin script's
// letters, as lunr-languages' German, French and Spanish ones do) and its possessive and elision steps after it.
const trimmer = trimmerOf(lunr, ["en", "ru"]);
lunr.Pipeline.registerFunction(possessive, "ssg-possessive");
lunr.Pipeline.registerFunction(elision, "ssg-elision");
const pipeline = new lunr.Pipeline();
pipeline.add(trimmer, possessive, elision, russianStopWords, lunr.stopWordFilter, lunr.stemmer, lunr.ru.stemmer);
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
  process.stdout.write(JSON.stringify({ words, texts, trimmed }));
});
