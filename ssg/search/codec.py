"""The compact text encoding of the index files, shared by the writer and (in JavaScript) search.js.

Numbers are varints in a JSON-safe 64-letter alphabet, most significant digit first: each letter
carries 5 bits, the first 32 letters end a number and the other 32 continue it, so a number below
32 is one letter and the stream needs no separators.

A term's postings in one field are three streams of such numbers, written as `G.L` or `G.L.T`:

- G: per document holding the term, in increasing document order, 2 * (gap - 1) + (count > 1),
  where gap is the distance to the previous document (the first is counted from -1);
- L: per document, the length of the field (lunr's BM25 needs it, and shipping it with the
  postings means a query downloads the lengths of only the documents it can match); empty for
  a term in DENSE documents or more, whose lengths come from the field's length table instead
  (a common term would otherwise carry most of that table, again with every such term);
- T: per document whose count is above 1, the count.

A term in more than a third of the documents up to its last one (and in DENSE or more, so its
lengths are in the table) is written `~B..T` instead: B a bitmap of the documents, 6 a letter
(letter i has bit j set when document 6 * i + j holds the term), and T the count of every
document. At that density a letter per posting costs more than six documents a letter: the
gzip of a term in 60% of 100,000 documents drops from 17 KB to 13 KB for B.

A bitmap's T is a bit stream, 6 bits a letter (most significant first, the last letter padded
with zeros) after a letter holding k: each count c as the Rice code of c - 1 (its quotient by
2^k in unary, ones ended by a zero, then its k low bits). The counts of a common term are
mostly above 1 (a term in 60% of the bodies is in each about 6 times), and one letter a count
left their gzip 16-21% above their entropy: LZ77 matched runs of these few letters at random,
and each such match costs more than its letters. As Rice codes they weigh 5-15% less, 4-10%
above their entropy (at 100,000 articles a term in 59% of the bodies: 31.8 -> 28.8 KB; the
counts of every bitmap: 2.85 -> 2.40 MB gzip). The code is positional, so an update keeps the
letters before the first changed posting (`rice_splice`).

The build encodes millions of postings: the loops here are kept tight (on Python 3.11 a plain
loop beats chains of `map`, which build a list per step).
"""

from __future__ import annotations

import base64
from array import array
from collections import deque
from collections.abc import Sequence
from itertools import repeat
from operator import sub

FINAL = "0123456789ABCDEFGHIJKLMNOPQRSTUV"
MORE = "WXYZabcdefghijklmnopqrstuvwxyz-_"
ALPHABET = FINAL + MORE
TF_OFFSET = 48  # counts are kept as count + 48 (the code point of the analysis' count letters)


def vint(value: int) -> str:
    """One number as letters, most significant first."""
    out = FINAL[value & 31]
    value >>= 5
    while value:
        out = MORE[value & 31] + out
        value >>= 5
    return out


def decode(text: str) -> list[int]:
    """The numbers of a stream (for tests and for reading back a few codes)."""
    out, value = [], 0
    for char in text:
        digit = ALPHABET.index(char)
        if digit >= 32:
            value = value * 32 + digit - 32
        else:
            out.append(value * 32 + digit)
            value = 0
    return out


class _Codes(dict):
    """value -> vint(value - offset), filled on first use; a dict lookup is the cheapest C-level map."""

    def __init__(self, offset: int):
        super().__init__()
        self.offset = offset

    def __missing__(self, value: int) -> str:
        code = self[value] = vint(value - self.offset)
        return code


CODES = _Codes(0)
# 2 * distance + flag -> the code of G for a document `distance` after the one before it (2 * (distance - 1) + flag); flag:
# its count is above 1. Public for updates that edit a few codes of a stream in place (the writer's `_shifted`).
GAP_CODES = _Codes(2)
_COUNT_CODES = _Codes(TF_OFFSET)  # count + 48 -> the code of the count
_ONE = TF_OFFSET + 1
# bytes.translate(None, MORE_BYTES) leaves one letter a number: 3 to 6 times as fast as str.translate (whose deletions
# leave its fast path, and which costs 2 us even on a short stream); a stream is ASCII, encoded by a copy.
MORE_BYTES = MORE.encode("ascii")


def encode(docs: Sequence[int], tfs: Sequence[int], length_codes: list[str] | None, previous: int) -> tuple[str, str, str]:
    """(G, L, T) of postings `docs` (with counts + 48 `tfs`) following a posting of `previous`.

    `length_codes[n]` is the code of document n's field length; None: no L (a common term's
    postings leave the lengths to the field's length table). A plain loop: on Python 3.11 it
    beats chains of `map` (which build a list per step) at every size.
    """
    gap_codes, count_codes = GAP_CODES, _COUNT_CODES
    if len(docs) == 1:  # (most terms in a field: a third less time without the lists)
        doc, tf = docs[0], tfs[0]
        many = tf > _ONE
        return (
            gap_codes[2 * (doc - previous) + many],
            length_codes[doc] if length_codes is not None else "",
            count_codes[tf] if many else "",
        )
    gaps, lengths, counts = [], [], []
    for doc, tf in zip(docs, tfs, strict=True):
        if tf > _ONE:
            gaps.append(gap_codes[2 * (doc - previous) + 1])
            counts.append(count_codes[tf])
        else:
            gaps.append(gap_codes[2 * (doc - previous)])
        previous = doc
    if length_codes is not None:
        lengths = list(map(length_codes.__getitem__, docs))
    return "".join(gaps), "".join(lengths), "".join(counts)


BITMAP = "~"  # a field string in bitmap form starts with it
_LETTER_BITS = {letter: value for value, letter in enumerate(ALPHABET)}
_VALUES = bytes.maketrans(ALPHABET.encode("ascii"), bytes(range(64)))  # letter -> its value, for bytes.translate


_LETTERS = ALPHABET.encode("ascii") + bytes(256 - len(ALPHABET))  # value -> its letter, for bytes.translate


def bitmap(docs: Sequence[int], first_letter: int, letters: int) -> str:
    """Letters `first_letter`..`first_letter + letters - 1` of the bitmap of `docs` (sorted,
    all within those letters' documents).

    In C but for one call per document: a byte per document (1 where it holds the term), then
    bit j of every letter at once, from the bytes of documents j, j + 6, ... read as one number
    (each byte 0 or 1, so the six shifted numbers add up without carrying into the next letter).
    Twice as fast as a loop over the documents."""
    held = bytearray(6 * letters)
    base = 6 * first_letter
    deque(map(held.__setitem__, map(sub, docs, repeat(base)) if base else docs, repeat(1)), maxlen=0)
    values = 0
    for j in range(6):
        values |= int.from_bytes(held[j::6], "little") << j
    return values.to_bytes(letters, "little").translate(_LETTERS).decode("ascii")


def bitmap_docs(bits: str) -> list[int]:
    """The documents of a bitmap (without its `BITMAP` mark)."""
    out = []
    for i, letter in enumerate(bits):
        value = _LETTER_BITS[letter]
        while value:
            low = value & -value
            out.append(6 * i + low.bit_length() - 1)
            value ^= low
    return out


RICE_MAX = 20  # the largest k: 2^k stays exact in JavaScript's 32-bit shifts
_FROM_BASE64 = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", ALPHABET.encode("ascii"))


class _RiceCodes(dict):
    """count + 48 -> the bits of its Rice code with parameter k, filled on first use."""

    def __init__(self, k: int):
        super().__init__()
        self.k = k

    def __missing__(self, tf: int) -> str:
        value = tf - TF_OFFSET - 1
        low = format(value & ((1 << self.k) - 1), f"0{self.k}b") if self.k else ""
        code = self[tf] = "1" * (value >> self.k) + "0" + low
        return code


_RICE = [_RiceCodes(k) for k in range(RICE_MAX + 1)]
# count + 48 -> its Rice code's quotient (the ones before its zero) for each k, for bytes.translate (`rice_bits`)
_QUOTIENTS = [bytes(max(0, value - TF_OFFSET - 1) >> k for value in range(256)) for k in range(RICE_MAX + 1)]


def rice_parameter(tfs: Sequence[int]) -> int:
    """k for counts + 48 `tfs`: log2 of 0.69 times their mean less one, plus one (about the best k
    for counts spread geometrically); from their sum alone, so a few changed counts seldom change it."""
    excess = sum(tfs) - (TF_OFFSET + 1) * len(tfs)
    return min(((69 * excess) // (100 * len(tfs)) + 1).bit_length() - 1, RICE_MAX)


def _letters(bits: str) -> str:
    """A bit stream as letters, 6 bits each, the last padded with zeros (in C: base64's letters, translated)."""
    if not bits:
        return ""
    pad = -len(bits) % 24
    raw = int(bits + "0" * pad, 2).to_bytes((len(bits) + pad) // 8, "big")
    return base64.b64encode(raw).translate(_FROM_BASE64).decode("ascii")[: (len(bits) + 5) // 6]


def rice_counts(tfs: Sequence[int]) -> str:
    """T of a bitmap: the counts + 48 `tfs` (not empty) as Rice codes, after the letter of k."""
    k = rice_parameter(tfs)
    return FINAL[k] + _letters("".join(map(_RICE[k].__getitem__, tfs)))


def rice_splice(text: str, tfs: Sequence[int], first: int) -> str:
    """`rice_counts(tfs)`, where T `text` holds the same counts before posting `first`: while k
    stays, the letters of those are kept, and only the codes from `first` on are made."""
    k = rice_parameter(tfs)
    if not text or _LETTER_BITS[text[0]] != k:
        return rice_counts(tfs)
    codes = _RICE[k]
    whole, part = divmod(sum(map(len, map(codes.__getitem__, tfs[:first]))), 6)  # where posting `first` starts
    lead = format(_LETTER_BITS[text[1 + whole]], "06b")[:part] if part else ""
    return text[: 1 + whole] + _letters(lead + "".join(map(codes.__getitem__, tfs[first:])))


def rice_bits(tfs: Sequence[int], k: int) -> int:
    """How many bits the Rice codes (parameter k) of counts + 48 `tfs` take: k + 1 each, and their quotients in unary.
    In C where the counts are bytes (an array "B", as the writer keeps them while they fit): 10 ns a count, where
    looking up each code took 60."""
    if isinstance(tfs, array) and tfs.typecode == "B":
        return (k + 1) * len(tfs) + sum(tfs.tobytes().translate(_QUOTIENTS[k]))
    return sum(map(len, map(_RICE[k].__getitem__, tfs)))


def rice_replace(text: str, tfs: Sequence[int], first: int, stop: int, replaced: Sequence[int]) -> str | None:
    """`rice_counts(tfs)`, where T `text` is that of the same counts but for `replaced` in place of tfs[first:stop]
    (as many, of the same sum: k stays): when their codes take as many bits as the new ones (a move reorders the counts
    of a few postings), only the letters over them are made again, the others kept where they are. None where they
    take another number of bits (`rice_splice`)."""
    new = tfs[first:stop]
    if not text or len(new) != len(replaced) or sum(new) != sum(replaced):
        return None
    k = _LETTER_BITS[text[0]]
    codes = _RICE[k]
    made = "".join(map(codes.__getitem__, new))
    if len(made) != sum(map(len, map(codes.__getitem__, replaced))):
        return None
    start = rice_bits(tfs[:first], k)  # (the counts before are the same)
    end = start + len(made)
    low, high = start // 6, -(-end // 6)  # the letters over the codes replaced
    lead = format(_LETTER_BITS[text[1 + low]], "06b")[: start % 6] if start % 6 else ""
    trail = format(_LETTER_BITS[text[high]], "06b")[end % 6 :] if end % 6 else ""  # (letter high - 1 is text[high])
    return text[: 1 + low] + _letters(lead + made + trail) + text[1 + high :]


def rice_decode(text: str, count: int) -> list[int]:
    """The `count` counts of a bitmap's T."""
    k = _LETTER_BITS[text[0]]
    bits = "".join(format(_LETTER_BITS[letter], "06b") for letter in text[1:])
    out, at = [], 0
    for _ in range(count):
        ones = bits.index("0", at) - at
        at += ones + 1
        out.append((ones << k) + (int(bits[at : at + k], 2) if k else 0) + 1)
        at += k
    return out


def postings(text: str) -> int:
    """How many documents a field string holds."""
    g = text.partition(".")[0]
    if g.startswith(BITMAP):  # (the bits of all its letters' values at once: each is below 64, so none carries)
        return int.from_bytes(g[1:].encode("ascii").translate(_VALUES), "little").bit_count()
    return len(g.encode("ascii").translate(None, MORE_BYTES))  # one final letter a posting


def skip(stream: str | bytes, count: int, start: int = 0) -> int:
    """Where the `count` numbers of `stream` (its letters, or their bytes) that begin at `start` end.

    Each number ends with its one FINAL letter, so this counts those (in C, deleting the other
    letters) instead of decoding: at least as many letters as numbers are missing still follow.
    """
    if isinstance(stream, str):
        stream = stream.encode("ascii")  # (a copy, in C: bytes.translate is the quick one)
    end = start + count
    found = len(stream[start:end].translate(None, MORE_BYTES))
    while found < count and end < len(stream):
        step = count - found
        found += len(stream[end : end + step].translate(None, MORE_BYTES))
        end += step
    return end


def field_string(g: str, lengths: str, counts: str) -> str:
    """G.L or G.L.T; an empty L (G. or G..T) says the lengths are in the field's length table."""
    if not g:
        return ""
    return f"{g}.{lengths}.{counts}" if counts else f"{g}.{lengths}"


def bitmap_field(docs: Sequence[int], tfs: Sequence[int]) -> str:
    """~B..T: the bitmap form of postings `docs` (not empty) with counts + 48 `tfs`."""
    return f"{BITMAP}{bitmap(docs, 0, docs[-1] // 6 + 1)}..{rice_counts(tfs)}"


def split_field(text: str) -> tuple[str, str, str]:
    if not text:
        return "", "", ""
    parts = text.split(".")
    return parts[0], parts[1], parts[2] if len(parts) > 2 else ""


def utf16_key(text: str) -> bytes:
    """JavaScript compares strings by UTF-16 code units; so must the shard bounds."""
    return text.encode("utf-16-be", "surrogatepass")


def shard_name(bound: str) -> str:
    """The file of the shard whose terms start at `bound`: derived from the bound alone (search.js
    computes it too), so a shard keeps its file while other shards split or merge."""
    units = utf16_key(bound).hex()
    if len(units) <= 96:
        return "x" + units
    fnv = 0x811C9DC5
    for i in range(0, len(units), 4):
        fnv = ((fnv ^ int(units[i : i + 4], 16)) * 0x01000193) & 0xFFFFFFFF
    return "y" + units[:64] + f"{fnv:08x}"
