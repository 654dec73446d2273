"""The Russian stemmer of lunr-languages 1.22 (`lunr.ru.stemmer`), ported to plain Python.

Why a port: the browser stems queries with lunr-languages, so the index must hold the very same
stems. NLTK's and snowballstemmer's Russian stemmers follow a newer Snowball that folds ё into е
inside the stemmer (lunr-languages does not), and lunr.py needs NLTK. We fold ё ourselves before
stemming, on both sides (see `analysis.fold`).

lunr-languages runs generated Snowball code whose `find_among_b` returns the longest ending of a
list that fits in the region; here each list is a dict and we try the longest candidate first,
which is the same thing and several times faster. tests/test_search_stemmers.py proves equality
with lunr.js over more than 10,000 words.
"""

from __future__ import annotations

_VOWELS = frozenset("аеиоуыэюя")


def _among(*groups: tuple[int, str]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Each last letter of the endings -> those endings that end with it, with their actions, longest first."""
    table = {ending: result for result, endings in groups for ending in endings.split()}
    by_last: dict[str, list[tuple[str, int]]] = {}
    for ending in sorted(table, key=len, reverse=True):
        by_last.setdefault(ending[-1], []).append((ending, table[ending]))
    return {last: tuple(endings) for last, endings in by_last.items()}


# Endings and the action number lunr-languages gives them (1: must follow а or я, or plain delete).
_PERFECTIVE_GERUND = _among((1, "в вши вшись"), (2, "ив ыв ивши ывши ившись ывшись"))
_ADJECTIVE = _among((1, "ее ие ое ые ими ыми ей ий ой ый ем им ом ым его ого ему ому их ых ею ою ую юю ая яя"))
_PARTICIPLE = _among((1, "ем нн вш щ ющ"), (2, "ивш ывш ующ"))
_REFLEXIVE = _among((1, "ся сь"))
_VERB = _among(
    (1, "ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно"),
    (2, "ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует ит ыт ены ить ыть ишь ую ю уют"),
)
_NOUN = _among((1, "а ев ов е ие ье и еи ии ами ями иями й ей ией ий ой ам ем ием ом ям иям о у ах ях иях ы ь ю ию ью я ия ья"))
_DERIVATIONAL = _among((1, "ост ость"))
_TIDY_UP = _among((1, "ейше ейш"), (2, "н"), (3, "ь"))


def _find(word: str, end: int, start: int, among: dict[str, tuple[tuple[str, int], ...]]) -> tuple[int, int]:
    """The longest ending of `word[start:end]` in `among`: (its length, its action), or (0, 0). Only the endings of
    its last letter are tried, longest first, each by `str.endswith` within the region (most lists have none)."""
    if end > start:
        for ending, action in among.get(word[end - 1], ()):
            if word.endswith(ending, start, end):
                return len(ending), action
    return 0, 0


def _regions(word: str) -> tuple[int, int]:
    """(RV, R2) start positions as Snowball's `mark_regions` sets them."""
    n = len(word)
    i = 0
    while i < n and word[i] not in _VOWELS:
        i += 1
    if i >= n:
        return n, n
    rv = i + 1
    pos = rv
    for want_vowel in (False, True, False):
        while pos < n and (word[pos] in _VOWELS) != want_vowel:
            pos += 1
        if pos >= n:
            return rv, n
        pos += 1
    return rv, pos


def _after_a_or_ya(word: str, end: int, rv: int, size: int, action: int) -> bool:
    """Action 1 endings only count after а or я inside RV; action 2 endings always do."""
    return action == 2 or (end - size - 1 >= rv and word[end - size - 1] in "ая")


def stem_ru(word: str) -> str:
    """Stem a lower-case word exactly as lunr-languages' `lunr.ru.stemmer` does."""
    rv, r2 = _regions(word)
    end = len(word)

    size, action = _find(word, end, rv, _PERFECTIVE_GERUND)
    if size and _after_a_or_ya(word, end, rv, size, action):
        end -= size
    else:
        size, _ = _find(word, end, rv, _REFLEXIVE)
        end -= size
        size, _ = _find(word, end, rv, _ADJECTIVE)
        if size:
            end -= size
            size, action = _find(word, end, rv, _PARTICIPLE)
            if size and _after_a_or_ya(word, end, rv, size, action):
                end -= size
        else:
            size, action = _find(word, end, rv, _VERB)
            if size and _after_a_or_ya(word, end, rv, size, action):
                end -= size
            else:
                size, _ = _find(word, end, rv, _NOUN)
                end -= size

    if end - 1 >= rv and word[end - 1] == "и":
        end -= 1
    size, _ = _find(word, end, rv, _DERIVATIONAL)
    if size and end - size >= r2:
        end -= size

    size, action = _find(word, end, rv, _TIDY_UP)
    if action == 1:
        end -= size
        if end - 2 >= rv and word[end - 2 : end] == "нн":
            end -= 1
    elif action == 2:
        if end - 2 >= rv and word[end - 2] == "н":
            end -= 1
    elif action == 3:
        end -= 1
    return word[:end]
