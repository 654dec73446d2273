// What lunr.js + lunr-languages (the vendored copies the browser gets) make of words and texts.
// Reads {"words": [...], "texts": [...]} on stdin; writes, per word, [English stem, Russian stem,
// the indexing pipeline's term or null for a stop word] and, per text, lunr.tokenizer's tokens.
"use strict";
const path = require("path");
const vendor = path.join(__dirname, "..", "..", "themes", "default", "static", "vendor", "lunr");
const lunr = require(path.join(vendor, "lunr.min.js"));
require(path.join(vendor, "lunr.stemmer.support.min.js"))(lunr);
require(path.join(vendor, "lunr.ru.min.js"))(lunr);
const { possessive, RUSSIAN_STOP_WORDS } = require(path.join(__dirname, "..", "..", "themes", "default", "static", "assets", "search.js"));
// The Russian stop words the index leaves out (ssg/search/data/stopwords-ru.txt; lunr-languages' own list leaves out more).
const russianStopWords = lunr.generateStopWordFilter(RUSSIAN_STOP_WORDS.split(" "));

// lunr.multiLanguage("en", "ru") builds this indexing pipeline, and search.js's possessive step
// goes after its trimmer.
const trimmer = lunr.trimmerSupport.generateTrimmer("\\w" + lunr.ru.wordCharacters);
lunr.Pipeline.registerFunction(trimmer, "trimmer-en-ru");
lunr.Pipeline.registerFunction(possessive, "ssg-possessive");
const pipeline = new lunr.Pipeline();
pipeline.add(trimmer, possessive, russianStopWords, lunr.stopWordFilter, lunr.stemmer, lunr.ru.stemmer);
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
  process.stdout.write(JSON.stringify({ words, texts }));
});
