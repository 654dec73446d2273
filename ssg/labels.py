"""The date archive's labels kept from one `ssg build` process for the next: each month's and day's link text
(`pages.period_label`: `May 2021`, `24 мая 2021 г.`) by its period.

A label is Babel's formatting of the period's first day in the site's language, a pure function of the date, the
language and the code (ssg's, and Babel's data: `inputs.code_version` hashes both). At 10,000 articles there are
4,000 of them, which a build in a new process formatted anew every time (40-60 ms of a one-edit build), for the one
or two a new month or day adds. The memo is keyed by the code and the language: one left by another ssg, another
Babel or for another language is no memo; one that fails its checksum or does not unpack as the labels it stored is
none either, and every label is made again.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable

FORMAT = "1"  # the shape of what `dumps` stores: another value makes a memo stored by an older ssg none

Day = tuple[int, int, int]  # a period's year, month and day (0 for a month)


class PeriodLabels:
    """Each labelled period's text, those an earlier build made and those this one adds."""

    def __init__(self, key: str, known: dict[Day, str] | None = None):
        """`key`: what the labels are a function of besides the period (the code and the language)."""
        self.key = key
        self.known: dict[Day, str] = known or {}
        self.added = False  # whether a label was made that the memo did not hold (it is worth storing again)

    def label(self, year: int, month: int, day: int, make: Callable[[], str]) -> str:
        """The period's label, made by `make` unless an earlier build made it."""
        found = self.known.get((year, month, day))
        if found is None:
            found = self.known[(year, month, day)] = make()
            self.added = True
        return found

    def dumps(self) -> bytes:
        """The labels as stored: a checksum, then marshal's bytes."""
        data = marshal.dumps((FORMAT, self.key, self.known))
        return hashlib.sha256(data).digest() + data

    @classmethod
    def loads(cls, stored: bytes | None, key: str) -> PeriodLabels:
        """The labels `dumps` stored, if they were made under `key`; else none (as for a damaged memo or one of
        another shape: every label is made again)."""
        if not stored or len(stored) < 32 or hashlib.sha256(stored[32:]).digest() != stored[:32]:
            return cls(key)
        try:
            form, made_under, known = marshal.loads(stored[32:])
        except (ValueError, TypeError, EOFError, MemoryError):
            return cls(key)
        if form != FORMAT or made_under != key or not isinstance(known, dict) or not all(map(_well_formed, known.items())):
            return cls(key)
        return cls(key, known)


def _well_formed(item: tuple) -> bool:
    day, label = item
    return type(day) is tuple and len(day) == 3 and all(type(n) is int for n in day) and type(label) is str
