"""Texts Babel makes for a build, kept from one `ssg build` process for the next: each month's and day's label in the
date archive (`pages.period_label`: `May 2021`, `24 мая 2021 г.`) by its period, and each language's name in itself
(`feeds.language_name`: a language feed's title, "Архив (русский)", in every page's head).

Each is a pure function of its date or language code, the site's language and the code (ssg's, and Babel's data:
`code.code_version` hashes both). At 10,000 articles there are 4,000 labels, which a build in a new process
formatted anew every time (35-50 ms of a one-edit build), for the one or two a new month or day adds; and naming a
language reads all of Babel's data of it (20-30 ms for each language the build's pages are not written in). The memo
is keyed by the code and the language: one left by another ssg, another Babel or for another language is no memo; one
that fails its checksum or does not unpack as the texts it stored is none either, and every text is made again.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable

FORMAT = "2"  # the shape of what `dumps` stores: another value makes a memo stored by an older ssg none

Day = tuple[int, int, int]  # a period's year, month and day (0 for a month)


class Labels:
    """Each labelled period's text and each named language's name, those an earlier build made and those this one
    adds."""

    def __init__(self, key: str, periods: dict[Day, str] | None = None, languages: dict[str, str] | None = None):
        """`key`: what the texts are a function of besides the period or language (the code and the site's language)."""
        self.key = key
        self.periods: dict[Day, str] = periods or {}
        self.languages: dict[str, str] = languages or {}
        self.added = False  # whether a text was made that the memo did not hold (it is worth storing again)

    def period(self, year: int, month: int, day: int, make: Callable[[], str]) -> str:
        """The period's label, made by `make` unless an earlier build made it."""
        return self._text(self.periods, (year, month, day), make)

    def language(self, code: str, make: Callable[[], str]) -> str:
        """The language's name, made by `make` unless an earlier build made it."""
        return self._text(self.languages, code, make)

    def _text(self, texts: dict, key: object, make: Callable[[], str]) -> str:
        found = texts.get(key)
        if found is None:
            found = texts[key] = make()
            self.added = True
        return found

    def dumps(self) -> bytes:
        """The texts as stored: a checksum, then marshal's bytes."""
        data = marshal.dumps((FORMAT, self.key, self.periods, self.languages))
        return hashlib.sha256(data).digest() + data

    @classmethod
    def loads(cls, stored: bytes | None, key: str) -> Labels:
        """The texts `dumps` stored, if they were made under `key`; else none (as for a damaged memo or one of another
        shape: every text is made again)."""
        if not stored or len(stored) < 32 or hashlib.sha256(stored[32:]).digest() != stored[:32]:
            return cls(key)
        try:
            form, made_under, periods, languages = marshal.loads(stored[32:])
        except (ValueError, TypeError, EOFError, MemoryError):
            return cls(key)
        if form != FORMAT or made_under != key or not (isinstance(periods, dict) and isinstance(languages, dict)):
            return cls(key)
        if not (all(map(_period_text, periods.items())) and all(map(_language_name, languages.items()))):
            return cls(key)
        return cls(key, periods, languages)


def _period_text(item: tuple) -> bool:
    day, label = item
    return type(day) is tuple and len(day) == 3 and all(type(n) is int for n in day) and type(label) is str


def _language_name(item: tuple) -> bool:
    code, name = item
    return type(code) is str and type(name) is str
