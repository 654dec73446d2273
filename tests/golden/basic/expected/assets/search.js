// Client-side search over the sharded index that ssg/search/writer.py writes.
//
// A query is parsed with lunr's own parser, its terms are stemmed with lunr's pipeline, and only
// the shards whose term ranges hold them are loaded (as <script> files, which works from
// file://). The query then runs here rather than in lunr.Index, over compact postings decoded
// once per term, but with lunr's arithmetic step by step: the field vectors of lunr.Builder
// (BM25 with lunr's k1, b and rounding), the query vectors and their dot products in lunr's term
// order, required and prohibited terms, and the order lunr lists and sorts matches in. So the
// results, refs and scores, are those of one unsplit lunr index of the archive built newest
// first (tests/test_search_ranking.py compares them float for float).
// The core runs in node too (tests and benchmarks); the page part only in a browser.
(function (root) {
  "use strict";

  var K1 = 1.2, B = 0.75; // lunr.Builder's BM25 defaults
  var MAX_SHARDS = 32; // a query needing more (a leading * or ~, a short prefix) is refused as too broad
  var KEY_SPAN = 67108864; // 2^26: room for a term's offset in its document (see termKey)
  // The index format this script reads (writer.FORMAT). A browser may keep an earlier search.js, or an earlier index.js,
  // after the site is built by a newer ssg (their URLs do not change): reading another format would rank wrongly
  // without a word, so it says so.
  var FORMAT = 4;
  // The Russian stop words the index leaves out: Snowball's (ssg/search/data/stopwords-ru.txt, BSD-3-Clause), not
  // lunr-languages' lunr.ru.stopWordFilter, which leaves out words news are searched by (год, мира, первый).
  var RUSSIAN_STOP_WORDS = "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам сказал ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто человек чего раз тоже себе под жизнь будет ж тогда кто этот говорил того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее кажется сейчас были куда зачем сказать всех никогда сегодня можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве сказала три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между";

  function SearchError(kind, message, fields, build) {
    this.kind = kind; // "syntax", "broad", "load", "format", "stale"
    this.message = message;
    this.fields = fields; // for "syntax": the fields a query may name
    this.build = build; // for "stale": the build the site holds now
  }
  var RECHECK = 2000; // ms a look at the site's build (build.js) holds for: a query's files within it are not asked again

  // ё as е, what a word copied from a page holds and shows as nothing (analysis.INVISIBLE: a soft hyphen, zero-width
  // characters, a byte-order mark) gone, a dash other than the hyphen a space (analysis.DASHES: Луна–25, Ту‑214), and a
  // word's final ъ dropped (Коммерсантъ), as ssg/search/analysis.py's fold does to the articles. (A space, not a
  // hyphen: lunr reads " - " before a word as leaving it out, and "Союз — Луна" is no such query.)
  // Greek's Σ and final ς are σ and a Turkish İ (with a combining dot after i or I) is i, as analysis.fold makes them
  // once lower-cased: toLowerCase makes Σ σ or ς by what follows it, which a query word alone need not share with the
  // text it is in. (Before lunr lower-cases the query: after it, a final Σ would be ς.)
  var DASHES = /[\u2010-\u2015\u2212]/g;
  // An emoji's variation selectors and the keycap go too (analysis.SELECTORS: "⚡️Роскосмос"), and a stress mark on a
  // Cyrillic letter (Москва́).
  function foldQuery(q) {
    if (/[\u0306\u0308\u0301]/.test(q)) q = q.normalize("NFC").replace(/([\u0400-\u04ff])\u0301/g, "$1");
    return q.replace(/ё/g, "е").replace(/Ё/g, "Е").replace(/[\u00ad\u200b-\u200d\u2060\ufeff\ufe0e\ufe0f\u20e3]/g, "").replace(DASHES, " ")
      .replace(/[ъЪ](?![0-9A-Za-z_\u0400-\u04ff])/g, "").replace(/[Σς]/g, "σ").replace(/İ/g, "i").replace(/([iI])\u0307/g, "$1");
  }

  // Latin letters that look like Cyrillic ones, and back: a word typed with the wrong keyboard layout for a letter
  // or two ("Роскосмоc" with a Latin c) is a word of the alphabet most of its letters are in.
  var LATIN_TO_CYRILLIC = { a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", A: "А", B: "В", C: "С", E: "Е", H: "Н",
                            K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х" };
  var CYRILLIC_TO_LATIN = {};
  Object.keys(LATIN_TO_CYRILLIC).forEach(function (k) { CYRILLIC_TO_LATIN[LATIN_TO_CYRILLIC[k]] = k; });

  function oneAlphabet(word) {
    var cyrillic = (word.match(/[\u0400-\u04ff]/g) || []).length, latin = (word.match(/[A-Za-z]/g) || []).length;
    if (!cyrillic || !latin) return word;
    var map = cyrillic >= latin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN, from = cyrillic >= latin ? /[A-Za-z]/g : /[\u0400-\u04ff]/g;
    var out = word.replace(from, function (c) { return map[c] || c; });
    return (out.match(from) || []).length ? word : out; // a letter with no look-alike: two words run together, left as typed
  }

  // A query as readers type it in other search boxes, in lunr's syntax, which would read it otherwise:
  // - words in double quotes ("Союз МС-17", «Прогресс МС-25», “Artemis II”) must all be in a hit (lunr has no
  //   phrases; it would list every article with any of them, МС-25 as high as МС-17);
  // - a word with a hyphen or dash inside (МС-21, Ту-214, COVID-19, 2031–2035) is a name: each of its parts must be in
  //   a hit, as in quotes (lunr parts it at the hyphen, and listed every article with МС or 21: every Союз МС);
  // - a + or - between spaces is punctuation ("Роскосмос продлил контракт - Интерфакс", a headline pasted as a
  //   browser's tab gives it): lunr read it as the next word's, and left out every article of the outlet;
  // - "+ракета+союз", required words with no space, are two words (lunr reads one, "ракета+союз", found nowhere);
  // - a pasted address (https://www.nasa.gov/artemis) is a word, not the field "https" (a syntax error);
  // - a word with a look-alike letter of the other alphabet is spelt in one (see oneAlphabet).
  // `stopWord` (optional) tells a word the index leaves out ("в", "the"): one in quotes is not required, as a half
  // remembered phrase ("Space news of the day") required it and found nothing; quotes of stop words only keep them.
  var WORD_PARTS = /[\s\-\u2010-\u2015\u2212]+/; // (what parts the words of a phrase, and a word with a hyphen: any dash)
  function readerQuery(q, stopWord, fields) {
    // Words a comma, semicolon or slash joins (ракета,союз; ракета/союз) are two, as with a space between (a number keeps
    // its comma, 1,5, as the articles' text has it, and an address its slashes).
    q = q.replace(/\S+/g, function (token) {
      return token.indexOf("://") >= 0 ? token : token.replace(/([\p{L}\p{M}])[,;\/]+(?=\p{L})/gu, "$1 ");
    });
    // A word and its colon before a space, as a pasted headline has them ("Artemis I: ракета", "Борисов: МКС"), is a word,
    // not a field that does not exist; a field of the site's so written is the field of the next word (title: ракета).
    // The word is anything up to the colon, as a headline's (Q&A: NASA, U.S.: Space, SpaceX's: Mars, NASA’s: Mars).
    function isField(word) { return fields && fields.indexOf(word.toLowerCase()) >= 0; }
    q = q.replace(/(^|[\s(])([+\-]?)([^\s:\\+\-][^\s:\\]*):(?=\s|$)/gu, function (whole, before, sign, word) {
      return isField(word) ? whole : before + sign + word + " ";  // (МС-21: первый полёт; Итоги: МКС: ракета)
    });
    q = q.replace(/(^|[\s(])([+\-]?)(\p{L}+):\s+(?=\S)/gu, function (whole, before, sign, word) {
      return isField(word) ? before + sign + word + ":" : whole;
    });
    // Quoted words, each required ("Союз МС-17": +Союз +МС +17); each left out after a minus (-"Союз МС-17", which
    // required them); each of a field before the quotes (title:"Союз МС-21", which was a syntax error).
    q = q.replace(/([+\-]?)((?:\p{L}+:)?)(?:"([^"]*)"|«([^»]*)»|“([^”]*)”|„([^“”]*)[“”])/gu, function (whole, sign, field, a, b, c, d) {
      var inner = [a, b, c, d].filter(function (x) { return x != null; })[0];
      // (A colon inside quotes parts words, as a headline's: "Итоги: МКС" is no field; a time's stays, "в 22:40".)
      var words = inner.replace(/([^\s:]*):(?=(\S?))/gu, function (whole, before, next) {
        return /^\p{N}/u.test(before) && next ? whole : before + " ";  // (a time's colon: after a number's word alone)
      }).split(WORD_PARTS).map(function (w) { return w.replace(/^[+\-]+/, ""); }).filter(Boolean);
      var told = stopWord ? words.filter(function (w) { return !stopWord(w); }) : words;
      var mark = sign === "-" ? "-" : "+";
      return " " + (told.length ? told : words).map(function (w) { return mark + field + w; }).join(" ") + " ";
    });
    q = q.replace(/(^|[\s(])(\+?)((?:\p{L}+:)?)([\p{L}\p{N}]+(?:[\-\u2010-\u2015\u2212][\p{L}\p{N}]+)+)(?![\p{L}\p{N}\p{M}*~^:\-\u2010-\u2015\u2212])/gu, function (whole, before, plus, field, word) {
      var parts = word.split(WORD_PARTS);  // (+МС-21 and title:МС-21 likewise; -МС-21 is left to lunr)
      var told = stopWord ? parts.filter(function (w) { return !stopWord(w); }) : parts;
      if (!told.length) return before + plus + field + parts.join(" " + plus + field);  // (из-за: as typed)
      return before + told.map(function (w) { return "+" + field + w; }).join(" ");
    });
    // A word of Han or kana (Chinese, Japanese: written without spaces, so the word is inside a longer one) is found by
    // its pairs of characters, as the index holds it (cjkParts): each is required, as a hyphenated word's parts are
    // (长征五号: +长征 +征五 +五号), but of a run longer than a typed word only those that hold each character (every
    // other one and the last: a pasted sentence of 40 characters asked for 39 pairs, and was refused as too broad);
    // each pair is left out after a minus, and each of a field before it (title:月球背面). A
    // lone character is a prefix, as the text holds it first in a pair (長征5号: +長征 +5 +号*, where the text says
    // 長征5号火箭: 号火); a star stays on the last part (月球背*: +月球 +球背*), a boost on each.
    q = q.replace(/(^|[\s(])([+\-]?)(\S+)/gu, function (whole, before, sign, word) {
      if (!CJK.test(word)) return whole;
      var colon = word.indexOf(":"), field = "";
      if (colon > 0 && (fields ? isField(word.slice(0, colon)) : /^[a-z]+$/i.test(word.slice(0, colon)))) { field = word.slice(0, colon + 1); word = word.slice(colon + 1); }
      var end = /(\*?)((?:\^\d+)?)$/.exec(word), star = end[1], boost = end[2];
      if (/[*~^]/.test(word.slice(0, word.length - end[0].length))) return whole;  // (a fuzzy or inner star: as typed)
      // (What the index's pipeline does to a word before it parts it: trimmed, lower-cased, its possessive and elided
      // article gone.)
      var bare = foldQuery(word.slice(0, word.length - end[0].length)).toLowerCase().replace(NOT_WORD_AT_ENDS, "");
      var parts = cjkParts(withoutElision(withoutPossessive(bare)), sign !== "-");
      var told = stopWord ? parts.filter(function (w) { return !stopWord(w); }) : parts;
      if (!told.length) return whole;
      if (sign !== "-" && told.length > MOST_PASTED) { // (a long paste: as many of its parts, evenly spread, first and last)
        told = told.filter(function (w, i) { return Math.floor(i * (MOST_PASTED - 1) / (told.length - 1)) !== Math.floor((i - 1) * (MOST_PASTED - 1) / (told.length - 1)) || i === 0; });
      }
      var terms = told.map(function (w, i) {
        var lone = w.length <= 2 && Array.from(w).length === 1 && CJK.test(w);
        return w + (lone || i === told.length - 1 ? star || (lone ? "*" : "") : "") + boost;
      });
      var mark = terms.length < 2 ? sign : sign === "-" ? "-" : "+";
      return before + terms.map(function (t) { return mark + field + t; }).join(" ");
    });
    // A colon after a number (22:40, 3:22 p.m., 3:1) is the word's, as the index holds it ("22:40"): a field's name is
    // never a number, and lunr read one ("there is no field 22"). (Again while one is left: 22:40:15's second colon
    // follows the first's; no lookbehind, which a Safari before 16.4 cannot parse: the whole script would fail there.)
    var time = /(^|[\s(+\-:])(\p{N}[^\s:\\]*):(?=[^\s:])/gu;
    while (q.search(time) >= 0) q = q.replace(time, "$1$2\\:");
    q = q.replace(/(^|\s)[+\-]+(?=\s)/g, "$1 ");
    q = q.replace(/([^\s+\-:^~\\])\+(?=[^\s+])/g, "$1 +");
    q = q.replace(/(^|[\s+\-])([A-Za-z][A-Za-z0-9.+\-]*):\/\//g, "$1$2\\://");
    return q.replace(/[\p{L}\p{M}]+/gu, oneAlphabet);
  }

  // After the trimmer, before the stop words and the stemmers: ’ and ʼ become ', then a final 's
  // and any apostrophe left at the end go ("nasa’s" -> "nasa"), as possessive() in
  // ssg/search/analysis.py, which says why. lunr's own pipeline would index "europe's" as "europe'".
  function withoutPossessive(s) {
    if (s.indexOf("'") < 0 && s.indexOf("\u2019") < 0 && s.indexOf("\u02bc") < 0) return s;
    return s.replace(/[\u2019\u02bc]/g, "'").replace(/'[sS]$/, "").replace(/'+$/, "");
  }
  function possessive(token) {
    return token.update(withoutPossessive);
  }

  // After possessive: a word without the elided article written onto it ("l'europe" -> "europe", "qu'il" -> "il"), as
  // elision() in ssg/search/analysis.py, which says why it is every language's step: the part before the first
  // apostrophe goes where it is one of Lucene's French articles (ELIDED_ARTICLES).
  var ELIDED_ARTICLES = { l: 1, m: 1, t: 1, qu: 1, n: 1, s: 1, j: 1, d: 1, c: 1, jusqu: 1, quoiqu: 1, lorsqu: 1, puisqu: 1 };
  function withoutElision(s) {
    var at = s.indexOf("'");
    return at > 0 && Object.prototype.hasOwnProperty.call(ELIDED_ARTICLES, s.slice(0, at)) ? s.slice(at + 1) : s;
  }
  function elision(token) {
    return token.update(withoutElision);
  }

  // Case forms. lunr-languages' Russian stemmer reads many a name or masculine noun as people say it, in the
  // nominative, as carrying a case ending (Газпром -> "газпр", but Газпрома, Газпромом -> "газпром"; Иван, Алексей,
  // Борисов, космодром likewise: 29% of OpenCorpora's masculine names, 20% of its other masculine nouns), so the word
  // typed as said missed the articles with only its other cases. A query word the stemmer cut, ending as such a
  // nominative does (a consonant, or й but not -ый), also stands for the stems of its singular case forms (+а +у +ом
  // +е; -й: -я -ю -ем -е): lunr-languages' own terms for its other cases. The index is unchanged (docs/search.md).
  var CASE_ENDINGS = ["а", "у", "ом", "е"], SOFT_CASE_ENDINGS = ["я", "ю", "ем", "е"];

  function caseForms(word) {
    if (word.length < 3 || !/^[а-я]+$/.test(word) || /ый$/.test(word)) return [];
    if (/й$/.test(word)) return SOFT_CASE_ENDINGS.map(function (e) { return word.slice(0, -1) + e; });
    if (/[бвгджзклмнпрстфхцчшщ]$/.test(word)) return CASE_ENDINGS.map(function (e) { return word + e; });
    return [];
  }

  // The other way round: a query word in a singular case of a masculine noun (Мантурова, Лаврову, Газпромом; Алексея),
  // as people type a name inside a phrase ("заявление Мантурова"), also stands for its nominative's stem, which the
  // stemmer cuts apart (Мантуров -> "мантур", Мантурова -> "мантуров"): an article saying only Мантуров was not found.
  // Most words' nominatives so made stem as the word does (ракета, ракет: "ракет") and add nothing. A soft stem's
  // (-я -ю -ем -е, for -й) only from six letters, where short words of other roots meet (идея, идей: "ид").
  var OBLIQUE_ENDINGS = ["ом", "ым", "а", "у", "е"], SOFT_OBLIQUE_ENDINGS = ["ем", "я", "ю", "е"];

  function nominatives(word) {
    if (word.length < 4 || !/^[а-я]+$/.test(word)) return [];
    var found = [];
    OBLIQUE_ENDINGS.forEach(function (e) {
      var base = word.slice(0, -e.length);
      if (word.slice(-e.length) === e && base.length >= 3 && /[бвгджзклмнпрстфхцчшщ]$/.test(base)) found.push(base);
    });
    if (word.length >= 6) {
      SOFT_OBLIQUE_ENDINGS.forEach(function (e) {
        var base = word.slice(0, -e.length);
        if (word.slice(-e.length) === e && /[аеиоуыэюя]$/.test(base)) found.push(base + "й");
      });
    }
    return found;
  }

  // The Russian stemmer of the search pipeline: a word's stem, then the other stems of its case forms (caseForms) as
  // further terms of the same clause. `known(term)` (null: any) tells whether the index holds a term; only known ones
  // are kept, unless none is (then the stem alone, as lunr-languages'): lunr.Index.query finds nothing for a required
  // clause one of whose terms the index lacks, and "+Росатом" must find the articles that say only "Росатома".
  function russianCases(lunr, known) {
    function cases(token) {
      var word = token.toString(), stemmed = lunr.ru.stemmer(token), terms = [stemmed.toString()];
      if (terms[0] === word) return stemmed; // no ending taken off: its case forms are the word and an ending
      caseForms(word).concat(nominatives(word)).forEach(function (form) {
        var term = lunr.ru.stemmer(form);
        if (terms.indexOf(term) < 0) terms.push(term);
      });
      var kept = known ? terms.filter(known) : terms;
      if (kept.length < 2) return kept.length ? new lunr.Token(kept[0], stemmed.metadata) : stemmed;
      return kept.map(function (term) { return new lunr.Token(term, stemmed.metadata); });
    }
    var label = known ? "ssg-stemmer-ru-cases-known" : "ssg-stemmer-ru-cases"; // (registered once: lunr warns of another)
    if (lunr.Pipeline.registeredFunctions[label]) cases.label = label;
    else lunr.Pipeline.registerFunction(cases, label);
    return cases;
  }

  // Han and kana, the scripts written without spaces between words (analysis.py's CJK_CHARACTERS): their letters are
  // indexed as overlapping pairs, as Lucene's CJKBigramFilter does. Hangul is written with spaces: its words are words.
  // (KANA is ssg/scripts.py's KANA: a test holds the two the same.)
  var KANA = "\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f\u{1b000}-\u{1b16f}";
  var CJK_CHARACTERS = "\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c" + KANA + "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{323af}";
  var CJK = new RegExp("[" + CJK_CHARACTERS + "]", "u");
  // Word characters as analysis.py's _CharKinds tells them: a letter, digit or "_" (not a superscript or subscript
  // digit: analysis.NOT_WORD_DIGITS, km², CO₂), a mark of Han or kana, and another mark only after one of those.
  var NOT_WORD_DIGITS = "\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089";
  var LETTER = "(?![" + NOT_WORD_DIGITS + "])(?:[\\p{L}\\p{N}_]|(?=[" + CJK_CHARACTERS + "])\\p{M})";
  var MARK = "(?![" + CJK_CHARACTERS + "])\\p{M}";
  var NOT_WORD = "(?:(?!" + LETTER + ")(?!" + MARK + ")[\\s\\S])";

  // The index's trimmer (ssg/search/analysis.py's trim): what is not a word character at a word's ends goes. Every
  // script's letters, combining marks and digits are word characters, and "_" ("\\w" holds it), whatever the index's
  // languages: lunr-languages' trimmers for en and ru kept Latin and Cyrillic alone, and a Greek, Arabic, Hebrew,
  // Chinese or Japanese word was trimmed to nothing. A combining mark is one only on a word character: an emoji's
  // selector after a symbol goes with it.
  var NOT_WORD_AT_ENDS = new RegExp("^(?:" + NOT_WORD + "|" + MARK + ")+|(?:" + NOT_WORD + "(?:" + MARK + ")*)+$", "gu");
  function trimmerOf(lunr, languages) {
    function trimmer(token) {
      return token.update(function (s) { return s.replace(NOT_WORD_AT_ENDS, ""); });
    }
    var label = "ssg-trimmer-" + languages.join("-");
    if (lunr.Pipeline.registeredFunctions[label]) trimmer.label = label; // (registered once: lunr warns of another)
    else lunr.Pipeline.registerFunction(trimmer, label);
    return trimmer;
  }

  var CJK_WORD = new RegExp("^(?=[\\p{L}\\p{M}\\p{N}])[" + CJK_CHARACTERS + "]$", "u");
  var NON_CJK_WORDS = new RegExp("(?:(?![" + CJK_CHARACTERS + "])[\\p{L}\\p{M}\\p{N}_])+", "gu");
  // Runs of Han and kana, and runs of other word characters; one that starts with marks keeps them only after a letter
  // (cjkParts tells: no look-behind in the browsers of a few years ago).
  var CJK_RUNS = new RegExp("(?:(?=[\\p{L}\\p{M}\\p{N}])[" + CJK_CHARACTERS + "])+|(?:(?![" + CJK_CHARACTERS + "])" + LETTER + "|" +
    MARK + ")+", "gu");
  var LEADING_MARKS = new RegExp("^(?:" + MARK + ")+", "u"), ENDS_WITH_LETTER = new RegExp("(?:" + LETTER + ")$", "u");
  var MOST_PASTED = 16; // the parts a pasted word of Han or kana requires at most: each may be a shard of its own (MAX_SHARDS)
  var LONGEST_TYPED = 8; // characters of Han or kana: a longer run in a query is pasted (cjkParts)
  var LONE_PREFIX = new RegExp("^[" + CJK_CHARACTERS + "]\\*$", "u"); // a query's lone Han or kana, a prefix (readerQuery)
  var IDEOGRAPHIC_SELECTORS = /[\u{e0100}-\u{e01ef}]/gu; // (analysis._IDEOGRAPHIC_SELECTOR: they follow Han)

  // A word holding Han or kana as the parts the index holds (analysis.cjk_parts, which says why): each run of Han and
  // kana as its overlapping pairs of characters (a lone one as itself), each run of other word characters as a word;
  // any other character parts them ("月球背面" -> 月球 球背 背面; "長征5号" -> 長征 5 号).
  function cjkParts(word, required) {
    var parts = [];
    word = word.replace(IDEOGRAPHIC_SELECTORS, "");
    var found;
    CJK_RUNS.lastIndex = 0;
    while ((found = CJK_RUNS.exec(word))) {
      var run = found[0];
      if (!ENDS_WITH_LETTER.test(word.slice(0, found.index))) run = run.replace(LEADING_MARKS, ""); // (marks on no letter)
      if (!run) continue;
      var chars = Array.from(run);
      if (chars.length < 2 || !CJK.test(chars[0])) parts.push(run);
      // (`required`: the pairs a query requires of a run longer than a typed word, a pasted sentence's, are every
      // other one and the last, which hold each character: a text with them all holds its every pair but for a rare
      // chance, and the sentence asks for half the shards. A word's are all its pairs: 背面月球 is not in 月球背面.)
      else for (var i = 1, thin = required && chars.length > LONGEST_TYPED; i < chars.length; i++) {
        if (!thin || i % 2 || i === chars.length - 1) parts.push(chars[i - 1] + chars[i]);
      }
    }
    return parts;
  }

  // The pipeline's step after elision: a token of Han or kana becomes its parts (cjkParts), as the index's did.
  function cjkPairs(token) {
    var word = token.toString();
    if (!CJK.test(word)) return token;
    return cjkParts(word).map(function (part) { return token.clone(function () { return part; }); });
  }

  // The search pipeline: the indexing pipeline minus the stop-word filters (as lunr does), with the case forms of a
  // Russian word (russianCases; `known` as there). The trimmer keeps every script's letters whatever the languages,
  // and a word of Han or kana is its pairs (cjkPairs), as ssg/search/analysis.py.
  function searchPipeline(lunr, languages, known) {
    var trimmer = trimmerOf(lunr, languages);
    if (lunr.Pipeline.registeredFunctions["ssg-possessive"] !== possessive) lunr.Pipeline.registerFunction(possessive, "ssg-possessive");
    if (lunr.Pipeline.registeredFunctions["ssg-elision"] !== elision) lunr.Pipeline.registerFunction(elision, "ssg-elision");
    if (lunr.Pipeline.registeredFunctions["ssg-cjk-pairs"] !== cjkPairs) lunr.Pipeline.registerFunction(cjkPairs, "ssg-cjk-pairs");
    var pipeline = new lunr.Pipeline();
    pipeline.add(trimmer, possessive, elision, cjkPairs);
    if (languages.indexOf("en") >= 0) pipeline.add(lunr.stemmer);
    if (languages.indexOf("ru") >= 0) pipeline.add(russianCases(lunr, known));
    return pipeline;
  }

  // ---- the encoding of ssg/search/codec.py ----------------------------------------------------

  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = new Int8Array(128).fill(-1);
  for (var a = 0; a < ALPHABET.length; a++) DIGIT[ALPHABET.charCodeAt(a)] = a;

  // The numbers of a stream of varints (5 bits a letter, letters 32..63 continue a number).
  function numbers(text, out) {
    for (var i = 0, v = 0; i < text.length; i++) {
      var d = DIGIT[text.charCodeAt(i)];
      if (d >= 32) v = v * 32 + d - 32;
      else { out.push(v * 32 + d); v = 0; }
    }
    return out;
  }

  // The documents of a bitmap "~B" (codec.bitmap): letter i, bit j is document 6 * i + j.
  function bitmapDocs(bits) {
    var out = [];
    for (var i = 1; i < bits.length; i++) {
      var v = DIGIT[bits.charCodeAt(i)];
      for (var j = 0; v; j++, v >>= 1) if (v & 1) out.push(6 * (i - 1) + j);
    }
    return Int32Array.from(out);
  }

  // The `count` counts of a bitmap (codec.rice_counts): k in the first letter, then 6 bits a
  // letter, each count c the Rice code of c - 1 (c - 1 >> k ones, a zero, then its k low bits).
  function riceCounts(text, count) {
    var out = new Int32Array(count), k = DIGIT[text.charCodeAt(0)], at = 1, word = 0, left = 0;
    for (var n = 0; n < count; n++) {
      var ones = 0, low = 0, b;
      for (;;) {
        if (!left) { word = DIGIT[text.charCodeAt(at++)]; left = 6; }
        if (!((word >> --left) & 1)) break;
        ones++;
      }
      for (b = 0; b < k; b++) {
        if (!left) { word = DIGIT[text.charCodeAt(at++)]; left = 6; }
        low = low * 2 + ((word >> --left) & 1);
      }
      out[n] = ones * (1 << k) + low + 1;
    }
    return out;
  }

  // The file of the shard whose terms start at `bound` (codec.shard_name).
  function shardName(bound) {
    var hex = "";
    for (var i = 0; i < bound.length; i++) hex += (0x10000 + bound.charCodeAt(i)).toString(16).slice(1);
    if (hex.length <= 96) return "x" + hex;
    var fnv = 0x811c9dc5;
    for (i = 0; i < bound.length; i++) fnv = Math.imul(fnv ^ bound.charCodeAt(i), 0x01000193) >>> 0;
    return "y" + hex.slice(0, 64) + (0x100000000 + fnv).toString(16).slice(1);
  }

  // load(key, fresh) -> Promise of the data of file `key` ("index", "t/x0440", "d/12"); `fresh`: never from a cache.
  function createSearch(lunr, load) {
    var manifest, pipeline, planning, trimmer, bounds, averages, docs;
    var loading = {}, added = {}, storeChunks = {}, tables = {}, tableLoads = {};
    var checked = null, checkedAt = 0, checking = false;

    // A file of the index the manifest names, once the site is known to hold the manifest's build still (build.js, asked
    // anew at most every RECHECK ms): after the site is built again, the files a manifest loaded before names (an open
    // tab's, or one a browser kept) hold other postings and documents, and the hits were other articles than the words'.
    // A "stale" SearchError then: the page starts over with the new manifest. (No build.js: an index of an older ssg.)
    function current(key) {
      if (!checking && (!checked || Date.now() - checkedAt > RECHECK)) {  // (one look at a time: a slow one is shared)
        checking = true;
        checked = load("build", true).then(function (b) {
          checking = false;
          checkedAt = Date.now();
          if (b && b.build && b.build !== manifest.build) throw new SearchError("stale", "the site's index was built again", null, b.build);
        }, function () { checking = false; checkedAt = Date.now(); });
      }
      return checked.then(function () { return load(key); });
    }

    function loadError(e) {
      return e instanceof SearchError ? e : new SearchError("load", String((e && e.message) || e));
    }
    var entries = Object.create(null); // term -> [shard columns, row] until decoded, then the term
    var loadedTerms = [], sortedTerms = null;

    function ready() {
      if (manifest) return Promise.resolve(manifest);
      return load("index").then(function (m) {
        if (m.format !== FORMAT) throw new SearchError("format", "the index is in format " + m.format + ", this script reads " + FORMAT);
        manifest = m;
        docs = m.docs;
        bounds = m.shards.split("\n");
        // A query's terms, with every case form's stem to know which shards to load; then only those the index holds.
        planning = searchPipeline(lunr, m.languages, null);
        trimmer = trimmerOf(lunr, m.languages);
        pipeline = searchPipeline(lunr, m.languages, function (term) { return entries[term] !== undefined; });
        averages = m.lengths.map(function (total) { return total / docs; });
        return m;
      });
    }

    function compare(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

    function shardOf(term) { // the last shard whose lower bound is <= term
      var lo = 0, hi = bounds.length - 1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (compare(bounds[mid], term) <= 0) lo = mid; else hi = mid - 1;
      }
      return lo;
    }

    function shardsFor(term, fuzzy) {
      var star = term.indexOf("*");
      if (fuzzy || star === 0) return bounds.map(function (_, i) { return i; });
      if (star < 0) return [shardOf(term)];
      var prefix = term.slice(0, star), first = shardOf(prefix), out = [first];
      for (var i = first + 1; i < bounds.length && bounds[i].lastIndexOf(prefix, 0) === 0; i++) out.push(i);
      return out;
    }

    // A field named in capitals (Title:moon) is the field: lunr's names are lower case, and it would say there is none.
    function fieldsInLowerCase(queryString) {
      return queryString.replace(/(^|[\s+-])([^\s:+-]+):/g, function (whole, before, name) {
        var lower = name.toLowerCase();
        return lower !== name && manifest.fields.indexOf(lower) >= 0 ? before + lower + ":" : whole;
      });
    }

    // Whether a clause is a word the index left out: a stop word once trimmed, its 's and elided article gone, as the
    // index's pipeline reads it. lunr's search pipeline has no stop-word filters, so "US" was stemmed to "us", the term
    // of "used" and "uses", and found those; "+US" found nothing. (A word with a star or a ~ stands for other words: kept.)
    function leftOut(clause) {
      if (!clause.usePipeline || "editDistance" in clause) return false;
      var token = elision(possessive(trimmer(new lunr.Token(clause.term, {}))));
      return stopFilters().some(function (filter) { return filter(token) === undefined; });
    }

    // Parse the query (SearchError "syntax" if lunr cannot); the clauses' terms and the shards. The clauses of stop
    // words are left out of the query, as the index left the words out of the articles (`left` counts them).
    function plan(queryString) {
      var query = new lunr.Query(manifest.fields);
      try {
        new lunr.QueryParser(fieldsInLowerCase(queryString), query).parse();
      } catch (e) {
        if (e instanceof lunr.QueryParseError) throw new SearchError("syntax", e.message, manifest.fields);
        throw e;
      }
      var asked = query.clauses.length;
      query.clauses = query.clauses.filter(function (clause) { return !leftOut(clause); });
      var needed = {};
      var clauses = query.clauses.map(function (clause) {
        var terms = clause.usePipeline ? planning.runString(clause.term, { fields: clause.fields }) : [clause.term].concat(starredStems(clause, planning));
        terms.forEach(function (t) {
          shardsFor(t, "editDistance" in clause).forEach(function (i) { needed[i] = true; });
        });
        return { clause: clause, terms: terms, word: clause.term };
      });
      var list = Object.keys(needed).map(Number).sort(function (a, b) { return a - b; });
      if (list.length > MAX_SHARDS) throw new SearchError("broad", "needs " + list.length + " shards");
      return { query: query, clauses: clauses, shards: list, left: asked - query.clauses.length };
    }

    // A whole word with a star at its end (ракета*, Луна*, rockets*) stands for its own stems too, and those of its case
    // forms: lunr matches the prefix against the index's terms as typed, and the stemmer cuts most words shorter (ракета
    // is "ракет", rockets "rocket"), so the word itself was found nowhere. A stem the prefix holds already (ракет*) is
    // not added, so a stem typed with a star finds what it found.
    function starredStems(clause, words) {
      var term = clause.term, star = term.indexOf("*");
      if ("editDistance" in clause || star < 1 || star !== term.length - 1) return [];
      var prefix = term.slice(0, star);
      return words.runString(prefix, { fields: clause.fields }).filter(function (t) { return t.lastIndexOf(prefix, 0) !== 0; });
    }

    function addShard(columns) {
      var terms = columns[0].split("\n");
      var fields = columns.slice(2).map(function (c) { return c.split(","); });
      var pos = numbers(columns[1], []);
      for (var i = 0; i < terms.length; i++) {
        entries[terms[i]] = { pos: pos[i], fields: fields, row: i, decoded: null };
        loadedTerms.push(terms[i]);
      }
      sortedTerms = null;
    }

    function loadShards(list) {
      var missing = list.filter(function (i) { return !added[i]; });
      if (!missing.length) return Promise.resolve();
      var waits = missing.map(function (i) { return loading[i] || (loading[i] = current("t/" + shardName(bounds[i]))); });
      return Promise.all(waits).then(function (loaded) {
        missing.forEach(function (i, k) {
          if (added[i]) return; // a query that overlapped this one got here first
          addShard(loaded[k]);
          added[i] = true;
        });
      }, function (e) {
        missing.forEach(function (i) { if (!added[i]) delete loading[i]; });
        throw loadError(e);
      });
    }

    // A term's postings: per field its documents (oldest first) and their values in lunr's field
    // vectors, as lunr.Builder computes them (createFieldVectors); and its key in lunr's term order.
    function decode(term) {
      var entry = entries[term];
      if (!entry) return null;
      if (entry.decoded) return entry.decoded;
      var fields = manifest.fields, lists = [], total = 0, newest = -1;
      for (var f = 0; f < fields.length; f++) {
        var text = entry.fields[f][entry.row] || "", parts = text ? text.split(".") : [];
        var bitmap = parts.length && parts[0].charAt(0) === "~", ids, tfs, lens, i;
        var counts = parts.length > 2 && !bitmap ? numbers(parts[2], []) : [];
        var table = parts.length && !parts[1] ? tables[fields[f]] : null; // a common term: the field's table
        if (bitmap) { // with every count
          ids = bitmapDocs(parts[0]);
          tfs = riceCounts(parts[2], ids.length);
          lens = new Int32Array(ids.length);
          for (i = 0; i < ids.length; i++) lens[i] = table[ids[i]];
        } else {
          var g = parts.length ? numbers(parts[0], []) : [], lengths = parts.length ? numbers(parts[1], []) : [];
          ids = new Int32Array(g.length); tfs = new Int32Array(g.length); lens = new Int32Array(g.length);
          for (var k = 0, doc = -1, c = 0; k < g.length; k++) {
            doc += (g[k] >> 1) + 1;
            ids[k] = doc;
            tfs[k] = g[k] & 1 ? counts[c++] : 1;
            lens[k] = table ? table[doc] : lengths[k];
          }
        }
        if (ids.length) newest = Math.max(newest, ids[ids.length - 1]);
        total += ids.length;
        lists.push([ids, tfs, lens]);
      }
      // lunr.idf over all fields: its documentsWithTerm counts a document once per field.
      var x = (docs - total + 0.5) / (total + 0.5), idf = Math.log(1 + Math.abs(x));
      var postings = lists.map(function (list, f) {
        var ids = list[0], tfs = list[1], lens = list[2], values = new Float64Array(ids.length);
        var boost = manifest.boosts[f] || 1, average = averages[f];
        for (var i = 0; i < ids.length; i++) {
          var tf = tfs[i];
          var score = idf * ((K1 + 1) * tf) / (K1 * (1 - B + B * (lens[i] / average)) + tf);
          score *= boost;
          score *= 1; // document boost
          values[i] = Math.round(score * 1000) / 1000;
        }
        return { docs: ids, values: values };
      });
      // lunr numbers terms by first occurrence, adding documents newest first: the newest document
      // holding the term, then the term's offset in it, give the same order.
      entry.decoded = { term: term, key: (docs - 1 - newest) * KEY_SPAN + entry.pos, fields: postings };
      entry.fields = null;
      return entry.decoded;
    }

    function termsFrom(prefix) { // loaded terms starting with prefix, in JavaScript's sort order
      if (!sortedTerms) sortedTerms = loadedTerms.slice().sort();
      var lo = 0, hi = sortedTerms.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (sortedTerms[mid] < prefix) lo = mid + 1; else hi = mid; }
      var out = [];
      for (var i = lo; i < sortedTerms.length && sortedTerms[i].lastIndexOf(prefix, 0) === 0; i++) out.push(sortedTerms[i]);
      return out;
    }

    // The terms a clause's term stands for, in the order lunr.Index.query gets them: its
    // TokenSet intersected with the index's (for wildcards and edit distances; a TokenSet of the
    // loaded terms sharing the literal prefix lists them in the same order as the whole index's).
    function expand(clause, term) {
      if (!("editDistance" in clause) && term.indexOf("*") < 0) return entries[term] ? [term] : [];
      var star = term.indexOf("*"), prefix = "editDistance" in clause || star < 0 ? "" : term.slice(0, star);
      var candidates = termsFrom(prefix);
      if (!candidates.length) return [];
      clause.term = term;
      return lunr.TokenSet.fromArray(candidates).intersect(lunr.TokenSet.fromClause(clause)).toArray();
    }

    // lunr.Set, over document numbers: null is "complete", a Uint8Array marks members.
    function union(a, b) {
      if (a === null || b === null) return null;
      var out = new Uint8Array(docs);
      for (var i = 0; i < docs; i++) out[i] = a[i] | b[i];
      return out;
    }
    function intersect(a, b) {
      if (a === null) return b;
      if (b === null) return a;
      var out = new Uint8Array(docs);
      for (var i = 0; i < docs; i++) out[i] = a[i] & b[i];
      return out;
    }
    function members(list) {
      var out = new Uint8Array(docs);
      for (var i = 0; i < list.length; i++) out[list[i]] = 1;
      return out;
    }

    // The terms of every clause, expanded (see `expand`), in lunr's order. A clause with case forms (russianCases) keeps
    // those the index holds, now that their shards are loaded.
    function expandAll(p) {
      p.clauses.forEach(function (c) {
        if (c.terms.length > 1 && c.clause.usePipeline) c.terms = pipeline.runString(c.word, { fields: c.clause.fields });
      });
      return p.clauses.map(function (c) {
        var lists = c.terms.map(function (t) { return expand(c.clause, t); });
        if (c.clause.usePipeline || lists.length < 2) return lists;
        // A starred word and its stems (starredStems): those the index holds, as a required clause finds nothing where one
        // of its terms is missing (lunr.Index.query); all of them where it holds none.
        var held = c.terms.filter(function (t, i) { return lists[i].length; });
        if (!held.length) return lists;
        c.terms = held;
        return lists.filter(function (list) { return list.length; });
      });
    }

    // Load the length tables of the fields where a term of the query is a common one.
    function loadTables(expanded) {
      var wanted = {};
      expanded.forEach(function (lists) {
        lists.forEach(function (terms) {
          terms.forEach(function (term) {
            var entry = entries[term];
            if (!entry || entry.decoded) return;
            manifest.fields.forEach(function (field, f) {
              var text = entry.fields[f][entry.row];
              if (text && text.split(".")[1] === "" && !tables[field]) wanted[field] = true;
            });
          });
        });
      });
      return Promise.all(Object.keys(wanted).map(function (field) {
        if (!tableLoads[field]) {
          tableLoads[field] = current("l/" + field).then(function (text) {
            tables[field] = Int32Array.from(numbers(text, []));
          }, function (e) {
            delete tableLoads[field];
            throw loadError(e);
          });
        }
        return tableLoads[field];
      }));
    }

    // lunr.Index.prototype.query, over the decoded postings. Results: [{ref, score, doc}] best
    // first, refs as lunr's ("0" is the newest document), doc the document's number here.
    function run(p, expanded) {
      var fields = manifest.fields, width = fields.length, presence = lunr.Query.presence;
      var vectors = fields.map(function () { return Object.create(null); }); // per field: key -> [value, postings]
      var groups = []; // the (term, field) postings in the order lunr collects matching fields
      var seen = Object.create(null), required = {}, prohibited = {}, empty = new Uint8Array(docs);
      p.clauses.forEach(function (c, ci) {
        var clause = c.clause, matches = empty, k, field;
        for (var m = 0; m < c.terms.length; m++) {
          var terms = expanded[ci][m];
          if (terms.length === 0 && clause.presence === presence.REQUIRED) {
            for (k = 0; k < clause.fields.length; k++) required[clause.fields[k]] = empty;
            break;
          }
          for (var j = 0; j < terms.length; j++) {
            var postings = decode(terms[j]);
            for (k = 0; k < clause.fields.length; k++) {
              field = clause.fields[k];
              var f = fields.indexOf(field), list = postings.fields[f];
              if (clause.presence === presence.REQUIRED) {
                matches = union(matches, members(list.docs));
                if (required[field] === undefined) required[field] = null;
              }
              if (clause.presence === presence.PROHIBITED) {
                prohibited[field] = union(prohibited[field] || empty, members(list.docs));
                continue;
              }
              var slot = vectors[f][postings.key];
              if (slot) slot[0] = slot[0] + clause.boost;
              else vectors[f][postings.key] = [clause.boost, list];
              var name = terms[j] + "/" + field, lone = LONE_PREFIX.test(c.terms[m]);
              if (seen[name]) { if (!lone) seen[name].lone = false; continue; }
              groups.push(seen[name] = { field: f, term: terms[j], list: list, lone: lone });
            }
          }
        }
        if (clause.presence === presence.REQUIRED) {
          for (k = 0; k < clause.fields.length; k++) required[clause.fields[k]] = intersect(required[clause.fields[k]], matches);
        }
      });
      var allRequired = null, allProhibited = empty;
      fields.forEach(function (field) {
        if (required[field] !== undefined) allRequired = intersect(allRequired, required[field]);
        if (prohibited[field]) allProhibited = union(allProhibited, prohibited[field]);
      });
      var d, f, i, n = 0;
      var order = buffers(), found = order.found, scores = order.scores;
      if (p.query.isNegated()) { // every document, in lunr's order, scoring 0
        for (i = 0; i < docs; i++) {
          d = docs - 1 - i;
          if ((allRequired === null || allRequired[d]) && !allProhibited[d]) found[n++] = d;
        }
        return new Results(found.slice(0, n), new Float64Array(n), []);
      }
      // Matching fields in lunr's order: by group, then by ref (the newest document first).
      var docFirst = order.first, firsts = order.firsts, matched = 0, seq = 0;
      groups.forEach(function (group) {
        var ids = group.list.docs, marks = order.fields[group.field];
        for (var i = ids.length - 1; i >= 0; i--) {
          var d = ids[i];
          if (marks[d] === 0) {
            marks[d] = ++seq;
            if (docFirst[d] === 0) { docFirst[d] = seq; firsts[matched++] = d; }
          }
        }
      });
      // Dot products of the query vectors and the field vectors, in lunr's term order.
      var norms = [];
      for (f = 0; f < width; f++) {
        var keys = Object.keys(vectors[f]).map(Number).sort(function (a, b) { return a - b; });
        var sum = 0, dot = order.dots[f];
        for (var k = 0; k < keys.length; k++) {
          var slot = vectors[f][keys[k]], q = slot[0], ids = slot[1].docs, values = slot[1].values;
          sum += q * q;
          for (i = 0; i < ids.length; i++) dot[ids[i]] += q * values[i];
        }
        norms.push(Math.sqrt(sum));
      }
      // A document's score: its fields' similarities added in the order its fields matched.
      var marks = order.fields, at = [0, 0, 0, 0], by = [0, 0, 0, 0];
      for (var r = 0; r < matched; r++) {
        d = firsts[r];
        if ((allRequired !== null && !allRequired[d]) || allProhibited[d]) continue;
        var count = 0;
        for (f = 0; f < width; f++) {
          var o = marks[f][d];
          if (!o) continue;
          var j = count++;
          while (j > 0 && at[j - 1] > o) { at[j] = at[j - 1]; by[j] = by[j - 1]; j--; }
          at[j] = o;
          by[j] = f;
        }
        var score = 0;
        for (i = 0; i < count; i++) {
          var s = order.dots[by[i]][d] / norms[by[i]] || 0;
          score = i === 0 ? s : score + s;
        }
        found[n] = d;
        scores[n++] = score;
      }
      return sortResults(found.subarray(0, n), scores.subarray(0, n), groups);
    }

    // lunr's results.sort((a, b) => b.score - a.score), a stable sort: best first, ties in the
    // order lunr found them. Done with a native sort of the scores and one binary search each,
    // much faster than calling a comparator a million times.
    function sortResults(found, scores, groups) {
      var n = found.length, ascending = Float64Array.from(scores).sort();
      var taken = new Int32Array(n), outDocs = new Int32Array(n), outScores = new Float64Array(n);
      for (var i = 0; i < n; i++) {
        var s = scores[i], lo = 0, hi = n;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (ascending[mid] > s) hi = mid; else lo = mid + 1; }
        var at = n - lo + taken[n - lo]++; // after the higher scores and the equal ones before it
        outDocs[at] = found[i];
        outScores[at] = s;
      }
      return new Results(outDocs, outScores, groups);
    }

    // The results of a query: results.length, results.hit(i) and results.slice(a, b) give
    // lunr's {ref, score} (with doc, the document's number here), best first.
    function Results(found, scores, groups) {
      this.length = found.length;
      this.docs = found;
      this.scores = scores;
      this.groups = groups;
    }
    Results.prototype.hit = function (i) {
      return { ref: String(docs - 1 - this.docs[i]), score: this.scores[i], doc: this.docs[i], groups: this.groups };
    };
    Results.prototype.slice = function (start, end) {
      var out = [];
      for (var i = start; i < Math.min(end === undefined ? this.length : end, this.length); i++) out.push(this.hit(i));
      return out;
    };

    // Per-query arrays over all documents, allocated once and cleared for each query.
    var scratch = null;
    function buffers() {
      var width = manifest.fields.length;
      if (!scratch) {
        scratch = { first: new Int32Array(docs), fields: [], dots: [], firsts: new Int32Array(docs), found: new Int32Array(docs),
                    scores: new Float64Array(docs) };
        for (var f = 0; f < width; f++) {
          scratch.fields.push(new Int32Array(docs));
          scratch.dots.push(new Float64Array(docs));
        }
      } else {
        scratch.first.fill(0);
        for (f = 0; f < width; f++) {
          scratch.fields[f].fill(0);
          scratch.dots[f].fill(0);
        }
      }
      return scratch;
    }

    // Whether a word, as the reader wrote it, is a stop word of the index's languages (which the index leaves out).
    function stopWord(word) {
      var w = foldQuery(word).toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      return stopFilters().some(function (filter) { return filter(w) === undefined; });
    }

    var russianStops = null;

    function stopFilters() {
      var filters = [];
      if (manifest.languages.indexOf("en") >= 0 && lunr.stopWordFilter) filters.push(lunr.stopWordFilter);
      if (manifest.languages.indexOf("ru") >= 0) filters.push(russianStops || (russianStops = lunr.generateStopWordFilter(RUSSIAN_STOP_WORDS.split(" "))));
      return filters;
    }

    // The plan of a query as the reader typed it (`readerQuery`, its letters folded): what each use of one reads.
    function planOf(queryString) {
      return plan(foldQuery(readerQuery(queryString, manifest && stopWord, manifest && manifest.fields)));
    }

    // Resolves to the results (see Results), best first.
    function search(queryString) {
      return ready().then(function () {
        var p = planOf(queryString);
        // (Stop words only: no query, not lunr's query of no clauses, which lists every article as a negated one.)
        if (!p.clauses.length) return new Results(new Int32Array(0), new Float64Array(0), []);
        return loadShards(p.shards).then(function () {
          var expanded = expandAll(p);
          return loadTables(expanded).then(function () { return run(p, expanded); });
        });
      });
    }

    // The index terms of a result's matches (lunr's matchData.metadata keys), to highlight them: true, or "first" for a
    // pair of Han or kana matched only as what a lone character's prefix found (号* found 号火: 号 is what matched).
    function matched(hit) {
      var out = Object.create(null);
      hit.groups.forEach(function (group) {
        var ids = group.list.docs, lo = 0, hi = ids.length;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (ids[mid] < hit.doc) lo = mid + 1; else hi = mid; }
        if (ids[lo] === hit.doc) out[group.term] = out[group.term] === true || !group.lone || "first";
      });
      return out;
    }

    // Resolves to the stored [path, title, date, lang, lead, tags] of documents `refs`.
    function documents(refs) {
      var chunk = manifest.chunk;
      var numbersOf = refs.map(function (r) { return docs - 1 - Number(r); });
      var wanted = {};
      numbersOf.forEach(function (n) { wanted[Math.floor(n / chunk)] = true; });
      return Promise.all(Object.keys(wanted).map(function (c) {
        if (!storeChunks[c]) {
          storeChunks[c] = current("d/" + c).catch(function (e) { delete storeChunks[c]; throw loadError(e); });
        }
        return storeChunks[c];
      })).then(function () {
        return Promise.all(numbersOf.map(function (n) {
          return storeChunks[Math.floor(n / chunk)].then(function (rows) { return rows[n % chunk]; });
        }));
      });
    }

    // The index terms a word of a lead becomes, to highlight what matched.
    function termOf(word) {
      var out = planning.runString(foldQuery(word).toLowerCase()); // its stem first (not its case forms' stems)
      return out.length ? out[0] : "";
    }

    // The results in one language only: langs.js, one character per document, is loaded on first use.
    var langTable = null;
    function onlyLanguage(results, code) {
      if (!langTable) langTable = current("langs").catch(function (e) { langTable = null; throw loadError(e); });
      return langTable.then(function (table) {
        var want = String.fromCharCode(48 + table.codes.indexOf(code)), kept = [], scores = [];
        for (var i = 0; i < results.length; i++) {
          if (table.docs.charAt(results.docs[i]) === want) { kept.push(results.docs[i]); scores.push(results.scores[i]); }
        }
        return new Results(kept, scores, results.groups);
      });
    }

    // Whether every word of a query is a stop word of the index's languages ("и", "the", "в"): the index leaves
    // those out, so such a query finds nothing however common the word, and the page says why instead of "nothing".
    function onlyStopWords(queryString) {
      try {
        var p = planOf(queryString);
        return p.left > 0 && !p.clauses.length;
      } catch (e) {
        return false;
      }
    }

    // Whether a query's only fault is its end, a +, - or field with no word after it yet ("title:", "Маск -"): lunr's
    // parser stops at the first fault, and says "found nothing" only when it met the end there.
    function unfinished(queryString) {
      try {
        planOf(queryString);
        return false;
      } catch (e) {
        return e instanceof SearchError && e.kind === "syntax" && /found nothing$/.test(e.message);
      }
    }

    return { ready: ready, search: search, onlyStopWords: onlyStopWords, unfinished: unfinished, documents: documents, matched: matched, termOf: termOf, onlyLanguage: onlyLanguage,
             plan: planOf };
  }

  var api = { createSearch: createSearch, SearchError: SearchError, foldQuery: foldQuery, readerQuery: readerQuery, shardName: shardName, possessive: possessive, elision: elision,
              RUSSIAN_STOP_WORDS: RUSSIAN_STOP_WORDS, trimmerOf: trimmerOf, caseForms: caseForms, nominatives: nominatives, russianCases: russianCases,
              cjkParts: cjkParts, cjkPairs: cjkPairs, CJK_CHARACTERS: CJK_CHARACTERS, KANA: KANA,
              directionOf: directionOf };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.ssgSearch = api;

  if (typeof document === "undefined") return;

  // ---- the page --------------------------------------------------------------------------

  var PAGE = 10, DEBOUNCE = 200, TITLE_CHARS = 80, SEPARATOR = /([\s\-\u2010-\u2015\u2212]+)/; // (the dashes: foldQuery's)

  // A file no answer comes for (a phone's link dropped as it was asked) fails after this long, as one that cannot be
  // loaded does: the page says so, and the next query asks again. It waited for ever ("Searching…" on every later
  // query needing it: a trial of slow networks).
  var LOAD_TIMEOUT = 20000;

  // A script URL under the index's folder `base`, as a Trusted Types policy gives it where the browser has them: a site
  // whose Content-Security-Policy says `require-trusted-types-for 'script'` refused `script.src = ...` and found nothing
  // (it allows the policy with `trusted-types ssg-search`). The policy passes the index's files alone: a key of letters,
  // digits, "_", "-" and "/" (no "..": no dot at all), ".js", and the ?t= or ?v= that keeps it fresh.
  function scriptUrls(base) {
    var FILE = /^[A-Za-z0-9_\/-]+\.js(\?[tv]=[A-Za-z0-9]+)?$/;
    function checked(url) {
      if (url.indexOf(base) !== 0 || !FILE.test(url.slice(base.length))) throw new Error("not a file of the search index: " + url);
      return url;
    }
    var types = root.trustedTypes, policy = null;
    try {
      policy = types && types.createPolicy ? types.createPolicy("ssg-search", { createScriptURL: checked }) : null;
    } catch (e) {
      // (a policy whose `trusted-types` names others, without requiring them: the plain string is taken, as before)
    }
    return policy ? function (url) { return policy.createScriptURL(url); } : checked;
  }

  function scriptLoader(base, build) {
    var pending = {}; // key -> the loads of it waiting (one file's data settles each of them)
    var scriptUrl = scriptUrls(base);
    root.ssgSearchData = function (key, data) {
      (pending[key] || []).forEach(function (waiting) { waiting.resolve(data); });
      delete pending[key];
    };
    return function load(key, fresh) {
      return new Promise(function (resolve, reject) {
        var script = document.createElement("script"), timer;
        var waiting = { resolve: function (data) { clearTimeout(timer); resolve(data); } };
        function fail(message) {
          clearTimeout(timer);
          if (pending[key]) pending[key] = pending[key].filter(function (w) { return w !== waiting; });
          reject(new Error(message));
        }
        (pending[key] = pending[key] || []).push(waiting);
        script.src = scriptUrl(base + key + ".js" + (fresh ? "?t=" + Date.now() : build() ? "?v=" + build() : ""));
        script.async = true;
        script.onerror = function () { fail("cannot load " + script.src); };
        script.onload = function () { script.remove(); };
        timer = setTimeout(function () { script.remove(); fail("no answer in " + LOAD_TIMEOUT / 1000 + " s from " + script.src); }, LOAD_TIMEOUT);
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

  // The language of a name shown in a hit (a tag, the outlet), as the pages' in_own_lang gives it (ssg/scripts.py's
  // part_lang): the article's, unless its letters tell the site's other language, as a tag named only Газпром on an
  // English article does (a screen reader spelt it out in an English voice). `languages`: a bilingual site's, else none.
  function languageOfParts(languages, scripts) {
    var CYRILLIC = /^[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]/;
    var LATIN = /^[a-zA-Z\u00c0-\u024f]/;
    function inCyrillic(code) {
      try { return new Intl.Locale(code).maximize().script === "Cyrl"; } catch (e) { return false; }
    }
    function words(text) { return text.match(/\p{L}+/gu) || []; }
    function lower(word) { return word === word.toLowerCase() && word !== word.toUpperCase(); }
    function readsAsCyrillic(text) {
      var letters = (text.match(/\p{L}/gu) || []).join("");
      var share = letters ? letters.split("").filter(function (c) { return CYRILLIC.test(c); }).length / letters.length : 0;
      return share > 0.5 || words(text).some(function (w) { return lower(w) && CYRILLIC.test(w); });
    }
    function readsAsLatin(text) {
      return !readsAsCyrillic(text) && words(text).some(function (w) { return lower(w) && LATIN.test(w); });
    }
    var cyrillic = languages.filter(inCyrillic);
    var others = languages.filter(function (code) { return !inCyrillic(code); });
    var inIt = cyrillic.length === 1 ? cyrillic[0] : null;
    var other = inIt && others.length === 1 ? others[0] : null;
    var byScript = scriptsLanguage(scripts);
    return function (text, lang) {
      var told = inCyrillic(lang) ? (other && readsAsLatin(text) ? other : null) : (inIt && readsAsCyrillic(text) ? inIt : null);
      if (told) return told;
      var code = byScript(text, lang);
      return code === null ? lang : code;
    };
  }

  // A name's language by its script, as the pages' in_own_lang tells it (ssg/scripts.py's script_language,
  // alphabet_language and in_other_script): the one of the site's languages whose script most of its letters are in
  // (a text with kana letters ja, and only such a text), else, on a page in neither Latin nor Cyrillic letters, the one
  // language of the alphabet most of a name's letters are in (C++ on an Arabic page: en), else "" (unknown) for a name in
  // a script the language around it is not written in; null: the language around it. `scripts`: the page's
  // data-scripts, each language's Unicode scripts as Python gives them ("ar=Arab ja=Hani,Hira,Kana"), not re-derived.
  function scriptsLanguage(scripts) {
    var written = {};
    scripts.forEach(function (entry) {
      var at = entry.indexOf("=");
      if (at > 0) written[entry.slice(0, at)] = entry.slice(at + 1).split(",").filter(Boolean);
    });
    var codes = Object.keys(written), patterns = {};
    function pattern(script) {
      try { return patterns[script] || (patterns[script] = new RegExp("\\p{Script=" + script + "}", "u")); } catch (e) { return /$^/; }
    }
    function share(chars, code) {
      var within = written[code] || [];
      if (!within.length) return 0;
      return chars.filter(function (c) { return within.some(function (s) { return pattern(s).test(c); }); }).length / chars.length;
    }
    function alphabet(code) { var w = written[code] || []; return w.length === 1 && (w[0] === "Latn" || w[0] === "Cyrl") ? w[0] : null; }
    var KANA_LETTER = /(?=\p{L})[\p{Script=Hiragana}\p{Script=Katakana}]/u; // (Python's scripts._KANA_LETTER: not ・)
    return function (text, lang) {
      var chars = text.match(/\p{L}/gu) || [];
      if (!chars.length) return null;
      var neither = chars.filter(function (c) { return !/[a-zA-Z\u00c0-\u024f\u0400-\u052f]/.test(c); }).length;
      if (neither) {
        var found = codes.filter(function (code) { return written[code].length && !alphabet(code) && share(chars, code) > 0.5; });
        if (found.some(function (code) { return written[code].indexOf("Kana") >= 0; })) {
          var kana = KANA_LETTER.test(text);
          found = found.filter(function (code) { return (written[code].indexOf("Kana") >= 0) === kana; });
        }
        if (found.length === 1) return found[0] === lang ? null : found[0];
      }
      var own = alphabet(lang);
      if (!own && written[lang]) {
        var cyrillic = chars.filter(function (c) { return /[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]/.test(c); }).length;
        var script = cyrillic * 2 > chars.length ? "Cyrl" : (chars.length - neither - cyrillic) * 2 > chars.length ? "Latn" : null;
        if (script) {
          var inScript = codes.filter(function (code) { return alphabet(code) === script; });
          return inScript.length === 1 ? inScript[0] : "";
        }
      }
      return neither * 2 > chars.length && share(chars, lang) <= 0.5 ? "" : null;
    };
  }

  // The dir of an element in the language `code` within text of direction `around` ("rtl" or "ltr"): its own where it
  // or `around` is right-to-left, else none, as the pages' lang_attrs (ssg/render.py) gives it; `rtl`: the site's
  // right-to-left languages (data-rtl, CLDR's). (site.js's latest list follows the same rule.)
  function directionOf(code, around, rtl) {
    var dir = rtl.indexOf(code) >= 0 ? "rtl" : "ltr";
    return dir === "rtl" || around === "rtl" ? dir : null;
  }

  function start() {
    var box = document.getElementById("search-page");
    if (!box) return;
    var strings = JSON.parse(document.getElementById("search-strings").textContent);
    var input = document.getElementById("search-page-q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var filter = document.getElementById("search-lang");  // only on bilingual sites
    var rootUrl = box.getAttribute("data-root");
    var partLang = languageOfParts((box.getAttribute("data-languages") || "").split(" ").filter(Boolean),
                                   (box.getAttribute("data-scripts") || "").split(" ").filter(Boolean));
    var lang = document.documentElement.lang || "en";
    var ownNames = (box.getAttribute("data-own-names") || "").split(" ").filter(Boolean);
    var rtl = (box.getAttribute("data-rtl") || "").split(" ").filter(Boolean);
    var pageDir = document.documentElement.dir === "rtl" ? "rtl" : "ltr";
    // An element's language, and its direction where it or the page's is right-to-left (the pages' lang_attrs).
    function setLang(e, code) {
      if (code === "") { e.setAttribute("lang", ""); e.setAttribute("dir", "auto"); return e; } // (unknown: in_own_lang's)
      var dir = directionOf(code, pageDir, rtl);
      e.setAttribute("lang", code);
      if (dir) e.setAttribute("dir", dir);
      return e;
    }
    // What a hit's language is called: the page's string for it ("German" on an English page), else the language's own
    // name, marked as in that language: the template's for each of the site's languages (Babel's, as the language menu
    // shows them: search_lang_fr "Français" with fr in data-own-names), the browser's for another (an article in a
    // language the site does not list). A hit in French or Spanish showed the bare code "fr", "es".
    function languageLabel(code) {
      var given = strings["search_lang_" + code];
      if (given) return { text: given, lang: ownNames.indexOf(code) >= 0 ? code : null };
      var name = null;
      try { name = new Intl.DisplayNames([code], { type: "language" }).of(code); } catch (e) { name = null; }
      if (!name || name === code) return { text: code, lang: null };
      return { text: name.charAt(0).toUpperCase() + name.slice(1), lang: code };
    }
    var manifestBuild = "";
    var loader = scriptLoader(box.getAttribute("data-index"), function () { return manifestBuild; });
    var engine = createSearch(root.lunr, loader);
    // The site was built again since this page loaded its manifest (a "stale" SearchError): the new one, asked by its build
    // (not the copy a browser kept), and the search again, at most twice in a row (a build being copied to the server).
    function startOver(e) {
      manifestBuild = e.build;
      engine = createSearch(root.lunr, loader);
    }
    var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
    // A count as the page's language writes it ("10 432 материала", "10,432 articles"), as the pages' format_number.
    var numbers = window.Intl && Intl.NumberFormat ? new Intl.NumberFormat(lang, { useGrouping: true }) : null;
    var dates = window.Intl ? new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }) : null;
    var current = 0, timer = null, results = [], shown = 0;
    var SETTLE = 1000; // ms a search's hits are shown, untouched, before it is one the history keeps (`run`)
    var settled = false, settling = null, shownQuery = null, shownLang = "";
    var pageTitle = document.title;

    function say(key, values) {
      status.textContent = fill(key, values);
    }

    function formatDate(iso) {
      var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
      return m && dates ? dates.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))) : iso.slice(0, 10);
    }

    // The lead with the words that matched marked: the word only, not the quotes or the comma around it ("«Союз", "17»,").
    function highlighted(text, matched) {
      var p = el("p", "search-hit__lead");
      text.split(SEPARATOR).forEach(function (part) {
        if (CJK.test(part)) { markPairs(p, part, matched); return; }
        var term = part && !SEPARATOR.test(part) ? engine.termOf(part) : "";
        if (!term || !matched[term]) { p.appendChild(document.createTextNode(part)); return; }
        var word = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(part);
        if (word[1]) p.appendChild(document.createTextNode(word[1]));
        p.appendChild(el("mark", null, word[2]));
        if (word[3]) p.appendChild(document.createTextNode(word[3]));
      });
      return p;
    }

    // A stretch of Han or kana (a clause: the script has no spaces) with the characters of the pairs that matched marked
    // (a lone character's too), as the index holds them (cjkParts); its other words as words.
    function markPairs(p, part, matched) {
      var chars = Array.from(part), marked = chars.map(function () { return false; });
      var cjk = chars.map(function (c) { return CJK_WORD.test(c); });
      chars.forEach(function (c, i) {
        var pair = cjk[i] && cjk[i + 1] && matched[c + chars[i + 1]];
        if (pair) { marked[i] = true; if (pair === true) marked[i + 1] = true; } // (a lone character's prefix: it alone)
        else if (cjk[i] && !cjk[i - 1] && !cjk[i + 1] && matched[c]) marked[i] = true;
      });
      var word, words = new RegExp(NON_CJK_WORDS.source, "gu"); // (SpaceX in SpaceX的星舰: marked as a word is)
      while ((word = words.exec(part))) {
        var term = engine.termOf(word[0]);
        if (!term || !matched[term]) continue;
        for (var k = Array.from(part.slice(0, word.index)).length, n = k + Array.from(word[0]).length; k < n; k++) marked[k] = true;
      }
      for (var i = 0; i < chars.length;) {
        var j = i;
        while (j < chars.length && marked[j] === marked[i]) j++;
        var text = chars.slice(i, j).join("");
        p.appendChild(marked[i] ? el("mark", null, text) : document.createTextNode(text));
        i = j;
      }
    }

    function render(hit, doc) {
      var matched = engine.matched(hit);
      var li = el("li", "search-hit");
      var h = el("h2", "search-hit__title");
      setLang(h, doc[3]); // the title, lead and tags are in the article's language; the meta line and labels in the page's
      var a = el("a", null, doc[1]);
      a.href = pageUrl(rootUrl, doc[0]);
      h.appendChild(a);
      li.appendChild(h);
      var meta = el("p", "search-hit__meta");
      var time = el("time", null, formatDate(doc[2]));
      time.setAttribute("datetime", doc[2]);
      meta.appendChild(time);
      meta.appendChild(document.createTextNode(" · "));
      var language = languageLabel(doc[3]);
      var named = meta.appendChild(el("span", "search-hit__lang", language.text));
      if (language.lang) setLang(named, language.lang);
      if (doc[6]) { // the outlet, named in the article's language; a link to its page where outlets have pages (doc[7])
        meta.appendChild(document.createTextNode(" · "));
        var source = meta.appendChild(el(doc[7] ? "a" : "span", "search-hit__source", doc[6]));
        setLang(source, partLang(doc[6], doc[3]));
        if (doc[7]) source.href = pageUrl(rootUrl, doc[7]);
      }
      li.appendChild(meta);
      if (doc[4]) {
        var lead = highlighted(doc[4], matched);
        setLang(lead, doc[3]);
        li.appendChild(lead);
      }
      if (doc[5].length) {
        var tags = el("ul", "search-hit__tags");
        tags.setAttribute("aria-label", strings.search_tags);
        doc[5].forEach(function (tag) { setLang(tags.appendChild(el("li", null, tag)), partLang(tag, doc[3])); });
        li.appendChild(tags);
      }
      return li;
    }

    function showMore(run) {
      var page = results.slice(shown, shown + PAGE);
      return engine.documents(page.map(function (r) { return r.ref; })).then(function (docs) {
        if (run !== current) return;
        docs.forEach(function (doc, i) { list.appendChild(render(page[i], doc)); });
        shown += page.length;
        more.hidden = shown >= results.length;
        // How many hits are shown, for the way back from one of them (see `restore` in start).
        history.replaceState({ shown: shown }, "", location.href);
      });
    }

    // Show the hits up to `count` (the first page at least), a page at a time.
    function showUntil(run, count) {
      return showMore(run).then(function () {
        if (run === current && shown < count && shown < results.length) return showUntil(run, count);
      });
    }

    // lunr's parser speaks English and of its own terms ("expecting term, found nothing"): say in the page's
    // language what is wrong with the query and what would be right, and keep lunr's words for anything else.
    function syntaxError(e) {
      if (!strings.search_error_missing) return e.message; // a site's own search.html without these strings
      var m = /^unrecognised field '([^']*)'/.exec(e.message);
      if (m && !m[1] && strings.search_error_no_field) return fill("search_error_no_field"); // ":moon"
      if (m) {
        var fields = e.fields.map(function (f) { return f + ":" + (strings.search_word || "word"); });
        return fill("search_error_field", { field: m[1], fields: fields.slice(0, -1).join(", ") + (fields.length > 1 ? " " + strings.search_or + " " : "") + fields[fields.length - 1] });
      }
      if (/found nothing$/.test(e.message)) return fill("search_error_missing");
      if (/must be numeric$/.test(e.message)) return fill("search_error_number");
      // A mark where lunr wants a word ("title:-moon", "^2", "title:moon:x"): say where that mark goes.
      m = /found '?(PRESENCE|BOOST|EDIT_DISTANCE|FIELD)\b/.exec(e.message);
      if (m && strings.search_error_place) return fill(m[1] === "PRESENCE" ? "search_error_place" : m[1] === "FIELD" ? "search_error_one_field" : "search_error_after");
      return e.message;
    }

    function fill(key, values) {
      var text = strings[key] || key;
      Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
      return text;
    }

    function countText(n) {
      var form = plural ? plural.select(n) : n === 1 ? "one" : "other";
      return (strings["search_results_" + form] || strings.search_results_other).split("{n}").join(numbers ? numbers.format(n) : n);
    }

    function run(query, updateUrl, restoreShown, restarts) {
      var id = ++current;
      clearTimeout(settling);  // (the search before is settled by now, or never: an empty one never is)
      shownQuery = query;
      shownLang = filter ? filter.value : "";
      // The tab, the history and a bookmark name the search, as the address does ("ракета · Search · Archive").
      document.title = query.trim() ? Array.from(query.trim()).slice(0, TITLE_CHARS).join("") + " · " + pageTitle : pageTitle;  // (by characters: an emoji is two code units)
      if (updateUrl) {
        var url = new URL(location.href);
        if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
        if (filter && filter.value) url.searchParams.set("lang", filter.value); else url.searchParams.delete("lang");
        // A search the reader stopped at (its hits shown a moment: `settled`) keeps its history entry, and the next one
        // gets its own: Back goes to it, where it had left the search page. The keys typed meanwhile replace theirs.
        if (settled && url.href !== location.href) history.pushState(null, "", url.href);
        else history.replaceState(null, "", url.href);
        settled = false;
      }
      // The header's language switch leads to this search in the other language: the query goes along.
      // (As written, relative: site.js points it at index.html when the site is opened from disk.)
      document.querySelectorAll(".lang-switch a[hreflang]").forEach(function (a) {
        var href = a.getAttribute("href"), cut = href.search(/[?#]/);
        a.setAttribute("href", (cut < 0 ? href : href.slice(0, cut)) + location.search);
      });
      list.textContent = "";
      more.hidden = true;
      results = [];
      shown = 0;
      // (Nothing to look for, quotes or a zero-width space alone: the page as before a query, not every article.)
      if (!/[\p{L}\p{N}]/u.test(foldQuery(query))) {
        status.textContent = "";
        box.removeAttribute("aria-busy");  // (an earlier search's, which ends unseen)
        return Promise.resolve();
      }
      say("search_loading");
      box.setAttribute("aria-busy", "true");
      var only = filter ? filter.value : "", inAll = 0;
      return engine.ready().then(function (m) {
        manifestBuild = m.build;
        return engine.search(query);
      }).then(function (found) {
        inAll = found.length;
        return only ? engine.onlyLanguage(found, only) : found;
      }).then(function (found) {
        if (id !== current) return;
        results = found;
        if (!found.length) {
          // Hits in the languages the menu leaves out: say so, rather than that nothing matches.
          var key = inAll && strings.search_no_results_language ? "search_no_results_language"
            : strings.search_stop_words && engine.onlyStopWords(query) ? "search_stop_words" : "search_no_results";
          say(key, { query: query, all: strings.search_all_languages });
          return;
        }
        status.textContent = countText(found.length);
        return showUntil(id, restoreShown || 0);
      }).catch(function (e) {
        if (id !== current) return;
        if (e && e.kind === "stale" && (restarts || 0) < 2) {
          startOver(e);
          return run(query, false, restoreShown, (restarts || 0) + 1);
        }
        if (e && e.kind === "syntax") say("search_syntax_error", { error: syntaxError(e) });
        // (A query of many words and no * or ~, a lead pasted whole, needs too many shards for its words, not for a star.)
        else if (e && e.kind === "broad") say(/[*~]/.test(query) || !strings.search_too_many_words ? "search_too_broad" : "search_too_many_words");
        else if (e && (e.kind === "format" || e.kind === "stale") && strings.search_format_error) say("search_format_error");
        else say("search_load_error");
      }).then(function () {
        if (id !== current) return;
        box.removeAttribute("aria-busy");
        clearTimeout(settling);
        if (query.trim()) settling = setTimeout(function () { settled = true; }, SETTLE);
      });
    }

    // As the reader types: a query that only wants its next word ("title:", "Маск -") leaves the search before on the
    // page, where it flashed a syntax error at each field typed. (Enter and a loaded ?q= say what is missing.)
    function searchTyped() {
      clearTimeout(timer);
      clearTimeout(settling);
      timer = setTimeout(function () {
        var query = input.value, at = current, asked = engine;
        asked.ready().then(function () { return asked.unfinished(query); }, function () { return false; }).then(function (wait) {
          if (at !== current || query !== input.value) return;  // (searched meanwhile: Enter, Back; or typed on)
          if (!wait) run(query, true);
        });
      }, DEBOUNCE);
    }
    input.addEventListener("input", searchTyped);
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
    // One page at a time: a second click while the first one's hits load (a double click, a slow connection) took the
    // same slice of the results, and the page listed those ten hits twice.
    var adding = false;
    more.addEventListener("click", function () {
      if (adding) return;
      adding = true;
      var first = list.children.length;
      showMore(current).then(function () {
        var next = list.children[first] && list.children[first].querySelector("a");
        if (next) next.focus();
      }).then(function () { adding = false; }, function (e) {
        adding = false;
        if (e && e.kind === "stale") {  // (built again since the hits were found: found anew)
          startOver(e);
          run(input.value, false);
        }
      });
    });

    if (filter) {
      filter.value = new URLSearchParams(location.search).get("lang") || "";
      filter.addEventListener("change", function () { run(input.value, true); });
    }
    var q = new URLSearchParams(location.search).get("q") || "";
    // What the reader typed before this script ran (a slow phone shows the box seconds earlier) is kept and searched as
    // typing is; a ?q= fills an empty box. (Set to ?q=, the box lost the words typed, and nothing was searched.)
    var typed = input.value !== "" && input.value !== q;
    if (!typed) input.value = q;
    if (!q) input.focus();  // (a page of nothing but its box: typing starts there, not nine tabs later)
    var header = document.getElementById("search-q");
    if (header) header.value = q;
    // Back from a hit: the hits that were shown ("More results" included) come again, and the page scrolls to where
    // the reader was (the browser's own restoring ran while the list was still empty).
    var restore = history.state || {};
    window.addEventListener("pagehide", function () {
      history.replaceState({ shown: shown, y: window.scrollY }, "", location.href);
    });
    // Back (or Forward) to an earlier search of this page: its query and its hits again.
    window.addEventListener("popstate", function (event) {
      var params = new URLSearchParams(location.search), back = params.get("q") || "";
      // (A link within the page, the skip link's #main, is a history entry too: the search on screen stays as it is.)
      if (back === shownQuery && (params.get("lang") || "") === shownLang) return;
      if (filter) filter.value = params.get("lang") || "";
      input.value = back;
      if (header) header.value = back;
      clearTimeout(timer);
      clearTimeout(settling);
      settled = false;
      run(back, false, (event.state || {}).shown);
    });
    if (typed) {
      searchTyped();
    } else if (q) {
      run(q, false, restore.shown).then(function () {
        if (restore.y) window.scrollTo(0, restore.y);
      });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(typeof self !== "undefined" ? self : this);
