"""Text -> index terms, exactly as the browser's lunr.js pipeline turns a query into terms.

The pipeline is lunr-languages' `lunr.multiLanguage("en", "ru")`: lunr's tokenizer (lower case,
split on white space and hyphens), a trimmer that keeps the letters, combining marks and digits of
every script (`trim`), ssg's own possessive and elision steps (see `possessive` and `elision`), its
step for the scripts written without spaces (`cjk_parts`: Han and kana as overlapping pairs of
characters; search.js adds the three to lunr's pipeline), the Russian and English stop-word filters,
then the English and the Russian stemmer one after the other.
Each stemmer leaves the other alphabets alone, so an English word in a Russian article is stemmed
as English and the other way round, a Greek, Arabic or Hebrew word is indexed as written, and one
query box finds them all. Before all that, ё becomes е and a Greek final ς σ (in the index here, in
the query in search.js): lunr-languages' stemmer does not fold ё, so "самолёт" and "самолет" would
otherwise never meet.

Per-word results are cached: an archive repeats the same few hundred thousand word forms, so the
stemmers run once per form and per process, not once per token. (Not a token of Han or kana: it is
a whole clause, seldom repeated, and its pairs are made in a pass in C.)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..scripts import KANA
from .model import SUPPORTED_LANGUAGES, TERMS_VERSION, SearchConfig
from .porter import stem_en
from .russian import stem_ru

# lunr.tokenizer.separator is /[\s\-]+/; JavaScript's \s, spelled out (Python's differs).
_SEPARATORS = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff-]+")
# The characters of a word: every script's letters, combining marks and digits (Unicode's L, M and N categories) and
# "_", which JavaScript's "\w" holds: search.js's trimmer is /[^\p{L}\p{M}\p{N}_]/u. It kept the letters of the Latin
# and Cyrillic scripts alone (lunr-languages' trimmers for en and ru), so a Greek, Arabic, Hebrew, Chinese or Japanese
# word was trimmed to nothing and never indexed, and 長征5号 was the term "5".
_WORD_CATEGORIES = frozenset("LMN")
# Han and kana, the scripts written without spaces between words: their letters are indexed as overlapping pairs
# (`cjk_parts`), as Lucene's CJKBigramFilter does. Hangul is written with spaces: its words are words. search.js's
# CJK_CHARACTERS is this string.
CJK_CHARACTERS = (
    "\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c" + KANA + "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
)
_CJK = re.compile(f"[{CJK_CHARACTERS}]")
# Superscript and subscript digits are no word characters (km², CO₂: the unit's and the formula's word is км, co, as
# lunr-languages' trimmers had them, and `км` finds `км²`); search.js's trimmer leaves them out alike.
NOT_WORD_DIGITS = "\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089"
_NOT_WORD_DIGIT = re.compile(f"[{NOT_WORD_DIGITS}]")
# What a character is to a word (`_CharKinds`): a combining mark (other than kana's voicing marks, which are Han and
# kana) is a word character only after one, as it sits on the letter before it: an emoji's variation selector, a
# keycap or an accent after a symbol or at a word's start is trimmed with the symbol.
_SEPARATOR, _WORD, _CJK_WORD, _MARK = 0, 1, 2, 3


class _CharKinds(dict):
    """character -> _SEPARATOR, _WORD, _CJK_WORD or _MARK, told once per character by its Unicode category: a look-up in
    C for the two ends of each new token, where `unicodedata.category` is a call."""

    def __missing__(self, char: str) -> int:
        category = _category(char) if char != "_" else "L"
        if category not in _WORD_CATEGORIES or _NOT_WORD_DIGIT.match(char):
            kind = _SEPARATOR
        else:
            kind = _CJK_WORD if _CJK.match(char) else _MARK if category == "M" else _WORD
        self[char] = kind
        return kind


@cache
def _categories() -> Any:
    """L, M and N by the `regex` module's Unicode data (dateparser's; imported at the first new character, not with
    ssg): Python 3.11's unicodedata is Unicode 14, where the browsers' is newer, and a letter it calls unassigned (CJK
    Extension H, U+2EBF0) was trimmed by the index and kept by the query."""
    import regex

    return regex.compile(r"(\p{L})|(\p{M})|(\p{N})")


def _category(char: str) -> str:
    """The major Unicode category of `char` among L, M and N ('' for any other), by `_categories`."""
    found = _categories().match(char)
    return "LMN"[found.lastindex - 1] if found else ""


_KIND = _CharKinds({"": _SEPARATOR})
# Where Python's str.split() and JavaScript's \s disagree: only then is the slow regex needed.
_SPLIT_DIFFERS_CHARS = "\x1c\x1d\x1e\x1f\x85\ufeff"
_DATA = Path(__file__).parent / "data"
_LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")  # (what `[a-z]` finds)
_CYRILLIC_VOWELS = frozenset("аеиоуыэюя")


# What a text pasted from a news site holds inside its words and shows as nothing: a soft hyphen (U+00AD, where the
# site's &shy; allows a break: "космо­дром"), zero-width space, non-joiner, joiner, word joiner and a byte-order mark
# (a zero-width no-break space inside a text). A word holding one was indexed with it, and no query typed for the word
# found the article; a tag's or outlet's name holding one was a second name of the same look (`content`).
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_NO_INVISIBLE = str.maketrans(dict.fromkeys(INVISIBLE))
# What the index and the query leave out of a word, but a name shows: an emoji's variation selectors (U+FE0E, U+FE0F:
# "⚡️Роскосмос", "❗️Срочно" in clippings from Telegram) and the keycap (U+20E3). Ideographic variation selectors
# (U+E0100-E01EF), which follow Han only, go where Han is parted into pairs (`_parts`).
SELECTORS = "\ufe0e\ufe0f\u20e3"
_NO_SELECTORS = str.maketrans(dict.fromkeys(SELECTORS))
_IDEOGRAPHIC_SELECTOR = re.compile("[\U000e0100-\U000e01ef]")
# й and ё written as и, е and a combining mark (copied from a PDF), and a Russian stress mark (Москва́, a combining acute
# on a Cyrillic letter): the query's letters are single ones, and a stressed word is the word.
_COMBINING = ("\u0306", "\u0308", "\u0301")
_STRESS = re.compile("(?<=[\u0400-\u04ff])\u0301")


# Dashes other than the hyphen, which Russian typography writes inside words (2031–2035, an en dash; Ту‑214, a
# non-breaking hyphen; Москва—Пекин) and lunr's tokenizer took for letters: such a word was found by no part of it, and
# a query typed with the dash found nothing. They part words as the hyphen does, in the index and the query.
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_NO_DASHES = str.maketrans(dict.fromkeys(DASHES, " "))
# A hard sign that ends a word: the old spelling outlets keep in their names (Коммерсантъ), which readers type without it
# (Коммерсант, коммерсанта: the stemmers leave the ъ on, and those found none of its 1,529 clippings). Modern Russian
# ends no word with ъ; inside one (объявил) it stays.
_FINAL_HARD_SIGN = re.compile("ъ(?![0-9a-z_\u0400-\u04ff])")


def fold(text: str) -> str:
    """Lower case with ё folded into е, the invisible characters of a paste and an emoji's selectors (`SELECTORS`) gone,
    a stress mark on a Cyrillic letter gone, a dash a space and a word's final ъ dropped: what both the index and the
    query see (search.js's foldQuery does the same to the query).

    Greek's final ς is σ (Lucene's GreekLowerCaseFilter does the same): str.lower() and JavaScript's toLowerCase() make
    a capital Σ one or the other by what follows it, which a query word alone and the same word in a text need not
    share (ΣΕΛΗΝΗΣ and σεληνης are one word). A Turkish İ, which both lower-case as i and a combining dot
    (U+0307), is i: "İstanbul" is "istanbul", as readers type it.
    """
    if any(mark in text for mark in _COMBINING):  # (three scans in C: normalizing every article cost 28 µs)
        text = unicodedata.normalize("NFC", text)
        if "\u0301" in text:
            text = _STRESS.sub("", text)
    text = text.lower().replace("ё", "е")
    if "ς" in text:
        text = text.replace("ς", "σ")
    if "\u0307" in text:
        text = text.replace("i\u0307", "i")
    if any(c in text for c in INVISIBLE):
        text = text.translate(_NO_INVISIBLE)
    if any(c in text for c in SELECTORS):
        text = text.translate(_NO_SELECTORS)
    if any(c in text for c in DASHES):
        text = text.translate(_NO_DASHES)
    if "ъ" in text:
        text = _FINAL_HARD_SIGN.sub("", text)
    return text


def tokenize(text: str) -> list[str]:
    """lunr.tokenizer: lower-cased slices between separators (ё folded first)."""
    text = fold(text)
    if any(c in text for c in _SPLIT_DIFFERS_CHARS):  # a few memchr scans: cheaper than a regex
        return [t for t in _SEPARATORS.split(text) if t]
    return text.replace("-", " ").split()  # C speed: the bulk of the per-article time


def trim(token: str) -> str:
    """The token without what is not a word character at either end (search.js's trimmer): a combining mark only with
    the word character it sits on."""
    # A token that starts and ends with a letter or digit (most) has nothing to trim: two look-ups.
    if _WORD <= _KIND[token[:1]] <= _CJK_WORD and _WORD <= _KIND[token[-1:]] <= _CJK_WORD:
        return token
    start, end = 0, len(token)
    while start < end and not _WORD <= _KIND[token[start]] <= _CJK_WORD:  # (marks at the start sit on no letter)
        start += 1
    while end > start:
        kind = _KIND[token[end - 1]]
        if _WORD <= kind <= _CJK_WORD:
            break
        if kind == _MARK:  # the marks' letter, if a word character, keeps them
            sits = end - 1
            while _KIND[token[sits - 1]] == _MARK:
                sits -= 1
            if _WORD <= _KIND[token[sits - 1]] <= _CJK_WORD:
                break
            end = sits
        end -= 1
    return token[start:end]


def cjk_parts(word: str, term: Callable[[str], str | None] | None = None) -> list[str]:
    """A trimmed word holding Han or kana (its possessive and elided article gone), as the parts the index holds: each
    run of Han and kana as its overlapping pairs of characters (a lone character as itself), each run of other word
    characters as a word; any other character parts them ("月球背面" -> 月球 球背 背面; "長征5号" -> 長征 5 号;
    "「嫦娥」，NASA" -> 嫦娥 nasa).

    Chinese and Japanese are written without spaces, so lunr's tokenizer reads a whole clause as one token, which no
    query word matches: pairs are what Lucene's CJKBigramFilter indexes, and a query word is found inside a longer
    text by requiring all its pairs (search.js's `cjkParts`, the same split, applied by `readerQuery`). No pair is made
    across a change of script (Han then a digit or a Latin letter), nor across punctuation.

    `term`: what each other word becomes (the stemmers, None for a stop word: `_TermCache._parts`, the index's one use).
    """
    parts: list[str] = []
    for pairs, run in _runs(_IDEOGRAPHIC_SELECTOR.sub("", word)):
        if pairs:
            parts.extend(_pairs(run))
        elif term is None:
            parts.append(run)
        elif (told := term(run)) is not None:
            parts.append(told)
    return parts


class _KindDigits(dict):
    """ordinal -> its character's kind as a digit ("0" _SEPARATOR, "1" _WORD, "2" _CJK_WORD, "3" _MARK): str.translate's
    table."""

    def __missing__(self, ordinal: int) -> str:
        digit = self[ordinal] = "0123"[_KIND[chr(ordinal)]]
        return digit


_KIND_DIGITS = _KindDigits()
# A run of other word characters starts with a letter or digit, or with a mark on a letter (Han's or kana's too).
_RUNS = re.compile("(?:1|(?<=[12])3)[13]*|2+")


def _runs(word: str) -> list[tuple[bool, str]]:
    """The word's runs of word characters, each told as Han or kana (True) or not: a pass in C over its characters (a
    Chinese clause is one token of a few hundred), not one in Python."""
    kinds = word.translate(_KIND_DIGITS)
    return [(kinds[m.start()] == "2", word[m.start() : m.end()]) for m in _RUNS.finditer(kinds)]


def _pairs(run: str) -> list[str]:
    """A run of Han or kana as its overlapping pairs of characters (a lone one as itself)."""
    return [run] if len(run) < 2 else list(map(str.__add__, run, run[1:]))


def possessive(word: str) -> str:
    """A trimmed word without its possessive ending: "nasa's", "nasa’s" -> "nasa".

    lunr's pipeline keeps an apostrophe inside a word and its Porter stemmer then takes the s, so
    "europe's" became the term "europe'" and "Europe" did not find it. This runs after the trimmer,
    before the stop words (so "it's" is the stop word "it") and the stemmers, for both alphabets:
    the typographic apostrophes ’ (U+2019) and ʼ (U+02BC) become ', a final 's goes, then any
    apostrophe left at the end ("roscosmos'" reaches here only as "roscosmos": the trimmer took
    it). Apostrophes inside a word stay: dropping them would make "he'll" "hell" and "we're" the
    stop word "were", splitting there would cut "м'ясо" in two. search.js's `possessive` is this
    step in the browser.
    """
    if "\u2019" in word or "\u02bc" in word:
        word = word.replace("\u2019", "'").replace("\u02bc", "'")
    if "'" not in word:
        return word
    if word.endswith(("'s", "'S")):
        word = word[:-2]
    return word.rstrip("'")


# The articles French writes elided before a vowel (l'Europe, d'orbite, qu'il, jusqu'à): Lucene's French ElisionFilter's
# default list (FrenchAnalyzer.DEFAULT_ARTICLES).
ELIDED_ARTICLES = frozenset(("l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"))


def elision(word: str) -> str:
    """A word without the elided article written onto it: "l'europe" -> "europe", "qu'il" -> "il".

    lunr's pipeline keeps an apostrophe inside a word, so "l'Europe" was the term "l'europ" and "Europe" did not find
    it. As Lucene's ElisionFilter, the part before the word's first apostrophe goes where it is one of
    `ELIDED_ARTICLES`; any other stays (aujourd'hui, o'clock). It runs after `possessive`, which has made ’ and ʼ ', and
    before the stop words and the stemmers; search.js's `elision` is this step in the browser.

    For every article, not only those of `lang: fr`: a query does not know its language (search.js runs every stemmer
    over it), so a query's "l'Europe" has to be the term the index holds whatever the article's language, and the
    index's "Europe" that a French article's l'Europe is. English words so written are a handful (c'mon, d'you), and
    lose only a letter nobody searches by.
    """
    at = word.find("'")
    if at > 0 and word[:at] in ELIDED_ARTICLES:
        return word[at + 1 :]
    return word


def utf16_units(word: str) -> str:
    """The word as JavaScript sees it: one character per UTF-16 code unit.

    lunr.js measures and slices strings in code units, so a word with an emoji is longer there;
    stemming the unit string and joining it back keeps Python and JavaScript in step.
    """
    data = word.encode("utf-16-le", "surrogatepass")
    return "".join(chr(int.from_bytes(data[i : i + 2], "little")) for i in range(0, len(data), 2))


def from_utf16_units(units: str) -> str:
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


@cache
def stopwords(lang: str) -> frozenset[str]:
    """The stop words of lunr.js (en) and Snowball (ru), shipped as files: no download. Not lunr-languages' Russian list,
    which holds words news are searched by (год, время, день, люди, мира, первый, тысяч, процентов: станция «Мир»,
    written «Мира», was found by no form of it); search.js filters a query by the same list (`RUSSIAN_STOP_WORDS`)."""
    lines = (_DATA / f"stopwords-{lang}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def stem(word: str, languages: Sequence[str] = SUPPORTED_LANGUAGES) -> str:
    """The English stemmer then the Russian one, as lunr.multiLanguage chains them."""
    if max(word, default="\0") > "\uffff":
        return from_utf16_units(stem(utf16_units(word), languages))
    # Each stemmer only changes words with letters of its alphabet: skip it for the others. (Told by sets, in C: each
    # regular expression, `[a-z]` and `[аеиоуыэюя]`, cost as much as both sets.)
    if "en" in languages and not _LATIN_LETTERS.isdisjoint(word):
        word = stem_en(word)
    if "ru" in languages and not _CYRILLIC_VOWELS.isdisjoint(word):
        word = stem_ru(word)
    return word


_CACHE_LIMIT = 1 << 20  # distinct tokens kept per language set
_UNSEEN = object()  # (a word not stemmed before: its term may be None, a stop word)


class _TermCache(dict):
    """token -> term (None: a stop word; a tuple of terms: a token of Han or kana); a miss runs the pipeline, so lookups
    stay in C.

    Tokens keep their punctuation ("ракета," "(ракета" "ракета."), so there are about 1.6 times as
    many distinct tokens as words: a second memo by trimmed word spares the stemmers (about half of a
    cold build's per-article time) those repeats.
    """

    def __init__(self, languages: tuple[str, ...]):
        super().__init__()
        self.languages = languages
        self.stops = frozenset().union(*map(stopwords, languages))
        self.words: dict[str, str | tuple[str, ...] | None] = {}  # trimmed word, less its possessive -> term
        # Whether a token of Han or kana was met, whose terms may be several (`cjk_parts`), which `analyze` then
        # spreads: never on a site without them, whose texts are counted as before.
        self.several = False

    def __missing__(self, token: str) -> str | tuple[str, ...] | None:
        word = elision(possessive(trim(token)))
        term = self.words.get(word, _UNSEEN)  # (not a KeyError caught: raised for most new tokens, it cost a third of one)
        if term is _UNSEEN:
            # (Han and kana told here, with the stemmers' work, not at every new token: that was 0.3% of a read.)
            if _CJK.search(word):
                # Not remembered: a token of Chinese or Japanese is a clause, seldom written twice, and the pairs of an
                # archive's every clause would fill the memory.
                self.several = True
                return self._parts(word)
            term = self._term(word)
            if len(self.words) >= _CACHE_LIMIT:
                self.words.clear()
            self.words[word] = term
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        self[token] = term
        return term

    def _term(self, word: str) -> str | None:
        """A word's term (None: a stop word)."""
        return None if word in self.stops else stem(word, self.languages)

    def _parts(self, word: str) -> str | tuple[str, ...] | None:
        """The terms of a word holding Han or kana (`cjk_parts`): several as a tuple, one as itself, none as None."""
        terms = cjk_parts(word, self._term)
        return tuple(terms) if len(terms) > 1 else terms[0] if terms else None


@lru_cache(maxsize=8)
def _token_cache(languages: tuple[str, ...]) -> _TermCache:
    unknown = set(languages) - set(SUPPORTED_LANGUAGES)
    if unknown:
        raise ValueError(f"search languages {sorted(unknown)} are not supported (use {', '.join(SUPPORTED_LANGUAGES)})")
    return _TermCache(languages)


def term_of(languages: tuple[str, ...]) -> Callable[[str], str | tuple[str, ...] | None]:
    """A cached token -> term function for these languages (None: a stop word; a tuple: the terms of a token of Han or
    kana, see `cjk_parts`)."""
    return _token_cache(languages).__getitem__


def analyze(text: str, languages: tuple[str, ...]) -> tuple[dict[str, int], int]:
    """{term: count} in order of first occurrence, and the field length, as lunr.Builder counts them.

    The field length counts every token the pipeline keeps, including those the trimmer empties
    (lunr.js keeps an empty term for "—"); the empty term itself is not worth indexing. It is
    one C-level pass over the tokens; only words never seen before reach the stemmers. A token of
    several terms (Han and kana) counts each, as lunr.Pipeline spreads a step's list of tokens.
    """
    cache = _token_cache(languages)
    counts = Counter(map(cache.__getitem__, tokenize(text)))
    if cache.several and tuple in set(map(type, counts)):  # (told in C: a site with Han or kana has other texts too)
        counts = _spread(counts)
    counts.pop(None, 0)
    length = counts.total()
    counts.pop("", None)
    return counts, length


def _spread(counts: Counter) -> Counter:
    """Counts whose tuples of terms (a token of Han or kana) are counted term by term, in order of first occurrence.
    (A pass over a text's terms, only for a text that has such tokens.)"""
    spread: Counter = Counter()
    for term, count in counts.items():
        if type(term) is not tuple:
            spread[term] += count
        else:
            for _ in range(count):
                spread.update(term)  # (counted in C)
    return spread


# Term counts travel as one character each (count + 48): a string is far cheaper than a list of
# numbers for the build cache to store, for pickling between processes, and to read back.
TF_OFFSET = 48
_TF_CHARS = [chr(TF_OFFSET + n) for n in range(4096)]


def encode_tf(counts: Iterable[int]) -> str | list[int]:
    """Counts as a string of chr(count + 48); a list of numbers if one is too large for that."""
    counts = list(counts)
    try:
        return "".join(map(_TF_CHARS.__getitem__, counts))
    except IndexError:
        return counts


def article_terms(lang: str, title: str, tags: Sequence[str], body_text: str, config: SearchConfig, source: str = "") -> dict:
    """Terms per indexed field, in order of first occurrence, with their counts and the field length.

    `source`: the outlet's name, so that a search for it (Интерфакс, `source:ТАСС`) finds the clippings it published,
    whose text seldom names it.

    This is the expensive, per-article part (run in worker processes and cached: `cache.Store.put`), so the
    global `write_index` only has counting and writing left. Every article goes through the same
    bilingual pipeline whatever its `lang`: each stemmer only touches its own alphabet, so the
    English names in a Russian article are stemmed as English and its Russian words as Russian.

    Returns {"version", "languages", "fields": {name: [terms joined by spaces, counts (see
    `encode_tf`), length]}}. No digest of its own: the build tells a changed article by its key,
    and hashing 2 KB of terms per article would cost the read phase more than it saves.
    """
    del lang  # the alphabet of each word picks its stemmer
    texts = {"title": title, "tags": " ".join(tags), "source": source, "body": body_text}
    languages = tuple(config.languages)
    fields = {}
    for name in config.fields:
        counts, length = analyze(texts[name], languages)
        fields[name] = [" ".join(counts), encode_tf(counts.values()), length]
    return {"version": TERMS_VERSION, "languages": list(languages), "fields": fields}


def terms_digest(terms: dict) -> str:
    """A digest of what `article_terms` returned: changes whenever its fields do."""
    fields = terms.get("fields")
    data = repr(sorted(fields.items()) if isinstance(fields, dict) else fields)
    return hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()
