"""A cold build's inverted lists, made from the documents' terms a document at a time, newest first.

At 10,000 articles the index has about 2.7 million postings (a term in a field of a document). Kept
as Python lists of (document, count) they took about 20 bytes each (55 MB); here each is one 32-bit
number in its term's `array`, the count + 48 in its high byte and the document in the others
(4 bytes: 11 MB), so a document's terms need not be kept once they are added: the build reads them
from the cache a batch at a time. The two are taken apart at the end by copying bytes (`pop`).

Documents come newest first, so that the first document to hold a term is its newest: the term's
order key (its offset in that document's terms, see writer.py) is found then, while the document's
terms are at hand. A term's numbers are thus in decreasing document order; `pop` turns them around.

The work per posting runs in C (`map` over a document's terms): no Python code runs per posting,
only per term a field meets for the first time (`_Field.__missing__`, which makes its array and
tells a new term: 62,000 calls at 10,000 articles, not a check of all 2.7 million postings).
"""

from __future__ import annotations

import sys
from array import array
from collections import deque
from collections.abc import Sequence
from itertools import repeat
from operator import add, and_, rshift

from . import codec

_OVERFLOW = 255  # a count + 48 this large or larger is kept in `Inverted.overflow` (the packed number holds a byte)
_MAX_DOCS = 1 << 24  # documents the 3 low bytes number; beyond, 64-bit numbers unpacked by arithmetic (slower)
_FEW = 8  # postings of a term in a field unpacked into lists (arrays above)
_HIGH_BYTES = slice(3, None, 4) if sys.byteorder == "little" else slice(0, None, 4)  # of the packed numbers' bytes


class Inverted:
    """Per field, term -> its postings packed in an array; per term, its order key."""

    def __init__(self, width: int, count: int):
        """`width`: the number of indexed fields; `count`: of documents."""
        self.wide = count > _MAX_DOCS or array("I").itemsize != 4  # (4 on every platform Python supports: `_HIGH_BYTES`)
        self.typecode = "Q" if self.wide else "I"
        self.shift = 56 if self.wide else 24  # where the count + 48 starts in a packed number
        self.mask = (1 << self.shift) - 1  # its document
        self.fields = [_Field(self) for _ in range(width)]
        self.keys: dict[str, int] = {}  # term -> its order key
        self.overflow: dict[tuple[int, str, int], int] = {}  # (field, term, document) -> a count + 48 of `_OVERFLOW` or more
        self._adding: Sequence[Sequence] = ()  # the fields of the document being added
        self._sequence: str | None = None  # its terms in order (`sequence`), made when a term is new
        self._after = 0  # where in `_sequence` the last term new to the index was found

    def add(self, n: int, fields: Sequence[Sequence]) -> None:
        """Document `n`, older than every one added before it, with its fields as `article_terms` gives them:
        per field [terms joined by spaces, their counts (`analysis.encode_tf`), length]."""
        self._adding, self._sequence, self._after = fields, None, 0
        for f, (text, tf, _) in enumerate(fields):
            if not text:
                continue
            terms = text.split(" ")
            counts = _count_bytes(tf)
            if counts is None:
                counts = self._overflowed(f, n, terms, tf)
            # (the few counts of the document, each packed once: no number is made per posting)
            distinct = set(counts)
            if len(distinct) == 1:  # (a title's, tags' or outlet's terms, each once: no count to look up)
                numbers = repeat(n + (counts[0] << self.shift), len(counts))
            else:
                packed = dict(zip(distinct, map(add, repeat(n), map(self.shift.__rlshift__, distinct)), strict=True))
                numbers = map(packed.__getitem__, counts)
            deque(map(array.append, map(self.fields[f].__getitem__, terms), numbers), maxlen=0)

    def met(self, term: str) -> None:
        """A term met in a field for the first time, in the document being added: its order key, where it is the
        term's first document (its newest), is the term's offset in that document's terms (in lunr's order: fields
        in order, each term where it first occurs).

        The document's terms are met in that order, and a term new to the index is in none of its fields met before: it
        is searched for after the last new one (at 10,000 articles, 62,000 searches went through half a document each)."""
        if term not in self.keys:
            if self._sequence is None:
                self._sequence = sequence(self._adding)
            key = self.keys[term] = self._after = self._sequence.find(" " + term + " ", self._after)
            if key < 0:
                raise AssertionError(f"search index: {term!r} is not in its newest document")

    def _overflowed(self, f: int, n: int, terms: list[str], tf: str | list[int]) -> bytes:
        """The counts + 48 of a field holding a count too large for the packed numbers' byte: those are kept
        aside, and `_OVERFLOW` stands for them (an article that repeats a word 207 times or more)."""
        ords = list(map(ord, tf)) if isinstance(tf, str) else [t + codec.TF_OFFSET for t in tf]
        for term, o in zip(terms, ords, strict=True):
            if o >= _OVERFLOW:
                self.overflow[f, term, n] = o
        return bytes(min(o, _OVERFLOW) for o in ords)

    def pop(self, term: str) -> list[tuple[Sequence[int], Sequence[int]] | None]:
        """The term's postings (then forgotten), per field: its documents in increasing order ("i") and their counts
        + 48 ("B", or "i" where one is too large for a byte), as lists where they are a few (`_FEW`); None where no
        document has the term in that field."""
        out: list[tuple[Sequence[int], Sequence[int]] | None] = []
        for f, packed_of in enumerate(self.fields):
            packed = packed_of.pop(term, None)
            out.append(None if packed is None else self._unpacked(f, term, packed))
        return out

    def _unpacked(self, f: int, term: str, packed: array) -> tuple[Sequence[int], Sequence[int]]:
        """`pop`'s documents and counts of one field, from its packed numbers (turned around in place: let go after)."""
        if len(packed) == 1:  # (most terms in a field: a third of the time without the loops)
            number = packed[0]
            docs: Sequence[int] = [number & self.mask]
            counts: Sequence[int] = [number >> self.shift]
        elif len(packed) <= _FEW:  # (many terms: lists are made faster than arrays, and do as well for a few numbers)
            packed.reverse()
            docs = [number & self.mask for number in packed]
            counts = [number >> self.shift for number in packed]
        elif self.wide:
            packed.reverse()
            docs, counts = array("i", map(and_, packed, repeat(self.mask))), bytes(map(rshift, packed, repeat(self.shift)))
        else:  # the high byte of each number is its count, the others its document
            packed.reverse()
            raw = bytearray(packed.tobytes())
            counts = bytes(raw[_HIGH_BYTES])
            raw[_HIGH_BYTES] = bytes(len(packed))
            docs = array("i")
            docs.frombytes(raw)
        if self.overflow and _OVERFLOW in counts:
            counts = [self.overflow.pop((f, term, doc)) if count == _OVERFLOW else count for doc, count in zip(docs, counts, strict=True)]
            return docs, counts if len(packed) <= _FEW else array("i", counts)
        return docs, counts if len(packed) <= _FEW else array("B", counts)


def sequence(fields: Sequence[Sequence]) -> str:
    """A document's terms in lunr's order of first occurrence (fields in order), space-delimited: a term's order key
    is where " term " is in that of its newest document."""
    return " " + " ".join(f[0] for f in fields if f[0]) + " "


class _Field(dict):
    """term -> its packed postings in one field; a term not there yet gets an empty array, and `Inverted.met` is told."""

    def __init__(self, inverted: Inverted):
        super().__init__()
        self.inverted = inverted

    def __missing__(self, term: str) -> array:
        self.inverted.met(term)
        packed = self[term] = array(self.inverted.typecode)
        return packed


def _count_bytes(tf: str | list[int]) -> bytes | None:
    """Counts + 48 as bytes (`analysis.encode_tf` gives them as the characters of those code points, or as a list
    of counts when one is too large for that); None where one is `_OVERFLOW` or more."""
    if not isinstance(tf, str):
        return None
    try:
        counts = tf.encode("latin-1")
    except UnicodeEncodeError:
        return None
    return None if _OVERFLOW in counts else counts
