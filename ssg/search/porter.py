"""The English stemmer of lunr.js 2.3.9 (`lunr.stemmer`), ported line for line.

Why a port and not a library: the index is built here and queried by lunr.js in the browser, so
a word must stem to the very same string on both sides. lunr.py's Porter stemmer and NLTK's
differ from lunr.js (lunr.py turns "day" into "dai", lunr.js keeps "day"); this port follows the
JavaScript regular expressions step by step, and tests/test_search_stemmers.py checks it against
lunr.js over a word list. Words are given in UTF-16 code units (see `analysis.utf16_units`),
as JavaScript sees them.
"""

from __future__ import annotations

import re

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
    "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
    "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
    "iviti": "ive", "biliti": "ble", "logi": "log",
}  # fmt: skip
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}

# JavaScript's "." matches anything but line terminators; tokens never contain those (they are
# separators), but keep the same class so the port reads like the original. "$" is "\Z" here:
# Python's "$" would also match before a final newline.
_DOT = r"[^\n\r\u2028\u2029]"
_c = "[^aeiou]"  # consonant
_v = "[aeiouy]"  # vowel
_C = _c + "[^aeiouy]*"  # consonant sequence
_V = _v + "[aeiou]*"  # vowel sequence

_MGR0 = re.compile("^(" + _C + ")?" + _V + _C)  # [C]VC... is m>0
_MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + r")?\Z")  # [C]VC[V] is m=1
_MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)  # [C]VCVC... is m>1
_S_V = re.compile("^(" + _C + ")?" + _v)  # vowel in stem

_1A = re.compile(rf"^({_DOT}+?)(ss|i)es\Z")
_1A2 = re.compile(rf"^({_DOT}+?)([^s])s\Z")
_1B = re.compile(rf"^({_DOT}+?)eed\Z")
_1B2 = re.compile(rf"^({_DOT}+?)(ed|ing)\Z")
_1B_AT = re.compile(r"(at|bl|iz)\Z")
_1B_DOUBLE = re.compile(r"([^aeiouylsz])\1\Z")
_1B_CVC = re.compile("^" + _C + _v + r"[^aeiouwxy]\Z")
_1C = re.compile(rf"^({_DOT}+?[^aeiou])y\Z")
_2 = re.compile(
    rf"^({_DOT}+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)\Z"
)
_3 = re.compile(rf"^({_DOT}+?)(icate|ative|alize|iciti|ical|ful|ness)\Z")
_4 = re.compile(rf"^({_DOT}+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)\Z")
_4B = re.compile(rf"^({_DOT}+?)(s|t)(ion)\Z")
_5 = re.compile(rf"^({_DOT}+?)e\Z")
_5_CVC = re.compile("^" + _C + _v + r"[^aeiouwxy]\Z")
_LAST = re.compile(rf"{_DOT}\Z")

# The endings each step's expression ends with: a word without one of them is not searched by it (`str.endswith`, in C;
# the expressions, `^(.+?)(ational|tional|...)\Z`, tried every ending at every character, most of a word's stemming).
_2_ENDS = tuple(_STEP2)
_3_ENDS = tuple(_STEP3)
_4_ENDS = ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate", "iti", "ous", "ive", "ize")


def _drop_last(w: str) -> str:
    """`w.replace(/.$/, "")`."""
    return _LAST.sub("", w, count=1)


def stem_en(w: str) -> str:  # noqa: C901 - one function per lunr.js, step by step
    """Stem `w` (lower case, in UTF-16 code units) exactly as lunr.js's `porterStemmer` does."""
    if len(w) < 3:
        return w
    firstch = w[0]
    if firstch == "y":
        w = "Y" + w[1:]

    # Step 1a
    # (Each expression matches the whole word: `w.replace(re, "$1$2")` is its two groups.)
    if w[-1] == "s" and (m := _1A.search(w) or _1A2.search(w)):
        w = m.group(1) + m.group(2)

    # Step 1b
    m = _1B.search(w) if w.endswith("eed") else None
    if m:
        if _MGR0.search(m.group(1)):
            w = _drop_last(w)
    elif w.endswith(("ed", "ing")):
        m = _1B2.search(w)
        if m:
            stem = m.group(1)
            if _S_V.search(stem):
                w = stem
                if _1B_AT.search(w):
                    w += "e"
                elif _1B_DOUBLE.search(w):
                    w = _drop_last(w)
                elif _1B_CVC.search(w):
                    w += "e"

    # Step 1c
    m = _1C.search(w) if w[-1] == "y" else None
    if m:
        w = m.group(1) + "i"

    # Step 2
    m = _2.search(w) if w.endswith(_2_ENDS) else None
    if m and _MGR0.search(m.group(1)):
        w = m.group(1) + _STEP2[m.group(2)]

    # Step 3
    m = _3.search(w) if w.endswith(_3_ENDS) else None
    if m and _MGR0.search(m.group(1)):
        w = m.group(1) + _STEP3[m.group(2)]

    # Step 4
    m = _4.search(w) if w.endswith(_4_ENDS) else None
    if m:
        if _MGR1.search(m.group(1)):
            w = m.group(1)
    elif w.endswith(("sion", "tion")):
        m = _4B.search(w)
        if m:
            stem = m.group(1) + m.group(2)
            if _MGR1.search(stem):
                w = stem

    # Step 5
    m = _5.search(w) if w[-1:] == "e" else None
    if m:
        stem = m.group(1)
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _5_CVC.search(stem)):
            w = stem
    if w.endswith("ll") and _MGR1.search(w):
        w = _drop_last(w)

    if firstch == "y":
        w = "y" + w[1:]
    return w
