"""Text -> index terms, exactly as the browser's lunr.js pipeline turns a query into terms.

The pipeline is lunr-languages' `lunr.multiLanguage("en", "ru")`: lunr's tokenizer (lower case,
split on white space and hyphens), a trimmer that keeps Latin, Cyrillic and digits, the Russian
and English stop-word filters, then the English and the Russian stemmer one after the other.
Each stemmer leaves the other alphabet alone, so an English word in a Russian article is stemmed
as English and the other way round, and one query box finds both languages. Before all that, ё
becomes е (in the index here, in the query in search.js): lunr-languages' stemmer does not fold
it, so "самолёт" and "самолет" would otherwise never meet.

Per-word results are cached: an archive repeats the same few hundred thousand word forms, so the
stemmers run once per form and per process, not once per token.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from .porter import stem_en
from .russian import stem_ru

SUPPORTED_LANGUAGES = ("en", "ru")

# lunr.tokenizer.separator is /[\s\-]+/; JavaScript's \s, spelled out (Python's differs).
_SEPARATORS = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff-]+")
# lunr-languages' trimmer for ("en", "ru"): "\w" (ASCII in JavaScript) + the Cyrillic ranges + 0-9.
_WORD_CHARS = "A-Za-z0-9_\u0400-\u0484\u0487-\u052f\u1d2b\u1d78\u2de0-\u2dff\ua640-\ua69f\ufe2e\ufe2f"
_TRIM = re.compile(f"^[^{_WORD_CHARS}]+|[^{_WORD_CHARS}]+\\Z")
_FOLD = str.maketrans("Ёё", "Ее")
_DATA = Path(__file__).parent / "data"


def fold(text: str) -> str:
    """Lower case with ё folded into е: what both the index and the query see."""
    return text.lower().translate(_FOLD)


def tokenize(text: str) -> list[str]:
    """lunr.tokenizer: lower-cased slices between separators (ё folded first)."""
    return [t for t in _SEPARATORS.split(fold(text)) if t]


def trim(token: str) -> str:
    return _TRIM.sub("", token)


def utf16_units(word: str) -> str:
    """The word as JavaScript sees it: one character per UTF-16 code unit.

    lunr.js measures and slices strings in code units, so a word with an emoji is longer there;
    stemming the unit string and joining it back keeps Python and JavaScript in step.
    """
    data = word.encode("utf-16-le", "surrogatepass")
    return "".join(chr(int.from_bytes(data[i : i + 2], "little")) for i in range(0, len(data), 2))


def from_utf16_units(units: str) -> str:
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


@lru_cache(maxsize=None)
def stopwords(lang: str) -> frozenset[str]:
    """The stop words of lunr.js (en) and lunr-languages (ru), shipped as files: no download."""
    lines = (_DATA / f"stopwords-{lang}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def stem(word: str, languages: Sequence[str] = SUPPORTED_LANGUAGES) -> str:
    """The English stemmer then the Russian one, as lunr.multiLanguage chains them."""
    if max(word, default="\0") > "\uffff":
        return from_utf16_units(stem(utf16_units(word), languages))
    if "en" in languages:
        word = stem_en(word)
    if "ru" in languages:
        word = stem_ru(word)
    return word


@lru_cache(maxsize=8)
def term_of(languages: tuple[str, ...]) -> Callable[[str], str | None]:
    """A cached token -> term function for these languages (None: a stop word)."""
    unknown = set(languages) - set(SUPPORTED_LANGUAGES)
    if unknown:
        raise ValueError(f"search languages {sorted(unknown)} are not supported (use {', '.join(SUPPORTED_LANGUAGES)})")
    stop = frozenset().union(*(stopwords(lang) for lang in languages))

    @lru_cache(maxsize=1 << 19)
    def term(token: str) -> str | None:
        word = trim(token)
        return None if word in stop else stem(word, languages)

    return term


def analyze(text: str, languages: tuple[str, ...]) -> tuple[list[str], list[int], int]:
    """(terms in order of first occurrence, their counts, field length) as lunr.Builder counts them.

    The field length counts every token the pipeline keeps, including those the trimmer empties
    (lunr.js keeps an empty term for "—"); the empty term itself is not worth indexing.
    """
    term = term_of(languages)
    counts: dict[str, int] = {}
    length = 0
    for token, n in Counter(tokenize(text)).items():
        t = term(token)
        if t is None:
            continue
        length += n
        if t:
            counts[t] = counts.get(t, 0) + n
    return list(counts), list(counts.values()), length
