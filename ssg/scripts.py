"""Which alphabet a text is written in, which of a site's languages is written in Cyrillic, and its Latin spelling.

A Russian headline tells its language by its letters alone, where English, German or Portuguese cannot be told
apart: so ssg guesses a language from the alphabet only for Cyrillic, and only between a site's own languages
(`ssg new` on a bilingual site), and says an article's `lang:` looks wrong only when its text leaves no doubt.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from types import ModuleType
from typing import Any

from babel.core import Locale, UnknownLocaleError, get_global

_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
# Share of the letters that must be Cyrillic for an article's `lang:` in another alphabet to be called wrong: a
# Russian quotation, a name or an agency in an English text keeps it near half or under; Russian news on Apple,
# SpaceX or OpenAI, full of Latin names, has 0.7-0.9.
MOSTLY = 0.7
# Combining marks (accents, the breve of й, the diaeresis of ё, Japanese (han)dakuten, Hangul's vowel and final jamo): a
# letter followed by them is the letter decomposed (NFD), as macOS writes file names.
_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a\u1160-\u11ff"
_DECOMPOSED = re.compile(f".[{_MARKS}]+", re.DOTALL)


def composed(text: str) -> str:
    """`text` with each letter written decomposed (NFD: `е` and a diaeresis) composed into one (NFC: `ё`), as it is
    typed: macOS saves `й` and `ё` of a file's name decomposed, and text pasted from Finder or a PDF has them so, where
    a link, a tag or a search typed elsewhere has them composed, and Linux, where CI builds, takes the two for different
    names. Only a letter followed by the marks `_MARKS` lists (the accents of Latin, Cyrillic and Greek letters, kana's,
    Hangul's): NFC of the whole text would change characters that are right as they are (U+FA19 神, a compatibility
    ideograph of Japanese names, would become U+795E; Å, U+212B, U+00C5)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):  # (8 us for a 5 KB article; a search for marks: 26)
        return text
    return _DECOMPOSED.sub(lambda letter: unicodedata.normalize("NFC", letter[0]), text)


def other_form(name: str) -> str | None:
    """`name` with its letters written the other way, decomposed (as a Mac saves `й`: NFD) or composed, where that is
    another name; None where it is not (no such letter): the two are two files on Linux, and one on a Mac."""
    if name.isascii():
        return None
    other = composed(name)
    other = unicodedata.normalize("NFD", name) if other == name else other
    return other if other != name else None


class ByLetters:
    """File names (paths under content/) looked up as written, else by their letters composed (`composed`): a name
    typed for a file a Mac saved (`ёлка.md`, decomposed) finds that file. The composed names are made at the first
    name not found as written, which a build of names typed where they were saved never meets."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = set(names)
        self._letters: dict[str, str] | None = None

    def find(self, name: str) -> str | None:
        """`name` as it is among the names, or None."""
        if name in self.names:
            return name
        if self._letters is None:
            self._letters = {}
            for known in sorted(self.names):
                self._letters.setdefault(composed(known), known)
        return self._letters.get(composed(name))


def cyrillic_share(text: str) -> float:
    """The share of `text`'s letters that are Cyrillic (0 for a text without letters)."""
    letters = len(_LETTER.findall(text))
    return len(_CYRILLIC.findall(text)) / letters if letters else 0.0


_UNFILED = re.compile(r"^[\W_]+(?=\w)")  # quotes, brackets, a # before a name's first letter or digit
# The Cyrillic letters in the order the alphabets have them, Ukrainian's and Belarusian's among Russian's (ґ after г,
# є after е, і and ї after и, ў after у), each given the code point of its place in that order: by code point, Ukrainian's
# names went Музей, Місяць, Євросоюз, Історія, Ґрунт. ё is е, as an index has it (Ёлки before Ель, not after Ярославль).
# The Cyrillic block's code points are dealt out again in that order (its other letters, Serbian's ђ and Kazakh's қ,
# after я, as before), so Cyrillic still sorts after Latin and before Chinese.
_CYRILLIC_ORDER = "абвгґдеєжзиіїйклмнопрстуўфхцчшщъыьэюя"
_ALPHABETIC = str.maketrans(
    {
        letter: chr(0x400 + n)
        for n, letter in enumerate([*_CYRILLIC_ORDER, *(chr(c) for c in range(0x400, 0x530) if chr(c) not in _CYRILLIC_ORDER + "ё")])
    }
    | {"ё": chr(0x400 + 6)}
)


@functools.lru_cache(maxsize=8192)  # (the model and the tags and sources pages sort every tag and outlet by it, each save)
def alphabetical(name: str, cyrillic_first: bool = False) -> tuple[int, str, str]:
    """The key that puts names in the order an index has them (a tag cloud, a list of outlets): case aside, Cyrillic in
    its alphabets' order and ё as е (`_ALPHABETIC`), and a quote or bracket before the first
    letter not counted («Союз МС-18» under С); then the name as written, so that two names the first part makes equal
    keep one order. Names beginning with a number come first, then those with a letter; on the pages of a language
    written in Cyrillic (`cyrillic_first`), Cyrillic names before Latin ones, as CLDR's Russian order has them
    (Роскосмос before NASA), where code points put every Latin name first."""
    folded = _UNFILED.sub("", name).casefold()
    first = folded[:1]
    rank = 1 if _LETTER.match(first) else 0
    if rank and cyrillic_first and not _CYRILLIC.match(first):
        rank = 2
    return rank, folded.translate(_ALPHABETIC), folded


def has_letters(text: str) -> bool:
    """Whether `text` has a letter of any alphabet (a text of numbers or links alone tells no language)."""
    return _LETTER.search(text) is not None


# Latin letters drawn as Cyrillic ones, and the other way round: one typed for the other on a keyboard switched at the
# wrong moment (Роскосмоc with the c of a Latin layout) looks right and is another name.
_LATIN_TWINS = "aceopxyAEKMHOPCTXBk"
_CYRILLIC_TWINS = "асеорхуАЕКМНОРСТХВк"
_TO_CYRILLIC = str.maketrans(_LATIN_TWINS, _CYRILLIC_TWINS)
_TO_LATIN = str.maketrans(_CYRILLIC_TWINS, _LATIN_TWINS)


@functools.lru_cache(maxsize=8192)  # (asked of every tag and outlet name of the site on each build: a few thousand)
def twin_spelling(name: str) -> str | None:
    """`name` in the other alphabet where each of its letters has a twin there that looks the same (`TACC` -> `ТАСС`,
    `МАХ` -> `MAX`); None where a letter has none, or where it has no letter. A name typed whole in the wrong keyboard
    layout is a name of its own that no one can tell from the real one."""
    letters = _LETTER.findall(name)
    if not letters:
        return None
    if all(letter in _LATIN_TWINS for letter in letters):
        return name.translate(_TO_CYRILLIC)
    if all(letter in _CYRILLIC_TWINS for letter in letters):
        return name.translate(_TO_LATIN)
    return None


@functools.lru_cache(maxsize=8192)  # (asked of every tag and outlet name of the site on each build: a few thousand)
def lookalikes(name: str) -> tuple[str, str] | None:
    """`name` as it was meant, and what is wrong with it, where a word of it is written in one alphabet but for a letter
    or two of the other that look the same (`Роскосмоc`, its c Latin; `MКС`, its M): ('Роскосмос', 'a Latin c among
    Cyrillic letters'); None for a name without such a word (a word of both alphabets whose letters of the fewer one
    do not all look like letters of the other is written so on purpose)."""
    if name.isascii() or not _CYRILLIC.search(name):
        return None
    fixed, strays, alphabet = [], [], ""
    in_all = len(_CYRILLIC.findall(name)) - len(_LATIN.findall(name))  # (> 0: the name is mostly Cyrillic)
    for word in _WORDS.split(name):
        cyrillic, latin = _CYRILLIC.findall(word), _LATIN.findall(word)
        if not cyrillic or not latin:
            fixed.append(word)
            continue
        meant_cyrillic = len(cyrillic) > len(latin)
        if len(cyrillic) == len(latin):  # (МС with a Latin M, Mи-8: the letter without a twin, else the name, tells)
            plain = (any(c not in _CYRILLIC_TWINS for c in cyrillic), any(c not in _LATIN_TWINS for c in latin))
            if plain[0] != plain[1]:
                meant_cyrillic = plain[0]
            elif in_all:
                meant_cyrillic = in_all > 0
            else:
                fixed.append(word)
                continue
        table, twins, alphabet = (_TO_CYRILLIC, _LATIN_TWINS, "Latin") if meant_cyrillic else (_TO_LATIN, _CYRILLIC_TWINS, "Cyrillic")
        found = [letter for letter in word if letter in twins]
        if len(found) != len(latin if meant_cyrillic else cyrillic):
            return None
        fixed.append(word.translate(table))
        strays += found
    if not strays:
        return None
    letters = " and ".join(dict.fromkeys(strays))
    among = "Cyrillic" if alphabet == "Latin" else "Latin"
    return "".join(fixed), f"{'a ' if len(strays) == 1 else ''}{alphabet} {letters} among {among} letters"


_WORDS = re.compile(r"([^\W\d_]+)")  # (in a group: `split` keeps the words, and what is between them)


def reads_as_cyrillic(title: str) -> bool:
    """Whether a headline is written in a Cyrillic language: most of its letters are Cyrillic, or one of its words is
    Cyrillic in lower case (`SpaceX запустила Starship`: a verb, where `Interview: «Роскосмос» chief on the ISS` only
    names an agency)."""
    return cyrillic_share(title) > 0.5 or any(word.islower() and _CYRILLIC.match(word) for word in _WORD.findall(title))


def reads_as_latin(title: str) -> bool:
    """Whether a headline is written in a language of Latin letters: it does not read as Cyrillic, and one of its words
    is Latin in lower case (`NASA picks SpaceX for Artemis lander`; `Interview: «Роскосмос» chief on the ISS`), as a
    sentence has. A title of names alone (`SpaceX Starship`) tells no language: a Russian article may be headed so."""
    return not reads_as_cyrillic(title) and any(word.islower() and _LATIN.match(word) for word in _WORD.findall(title))


@functools.lru_cache(maxsize=8192)  # (asked for each tag and source of every card and article page: a few thousand names)
def part_lang(text: str, page_in_cyrillic: bool, cyrillic: str | None, other: str | None) -> str | None:
    """The language to mark on `text` shown on a page (WCAG's language of parts: a screen reader reads a marked part in
    its language's voice, where an English one spells Cyrillic out letter by letter), where its alphabet tells one the
    page is not in: `cyrillic` (a bilingual site's language in Cyrillic) for a text that reads as Cyrillic on a page in
    another alphabet (a tag named only `Газпром` on an English page), `other` (its language in another alphabet) for
    one that reads as Latin on a Cyrillic page; else None."""
    if page_in_cyrillic:
        return other if other and reads_as_latin(text) else None
    return cyrillic if cyrillic and reads_as_cyrillic(text) else None


def written_in_cyrillic(code: str) -> bool:
    """Whether the language `code` (`ru`, `uk`, `sr-Latn`, `pt-BR`) is written in Cyrillic: its script subtag if it
    has one, else the script CLDR gives it (Babel's likely subtags: ru -> ru_Cyrl_RU)."""
    parts = code.replace("_", "-").split("-")
    given = next((part for part in parts[1:] if len(part) == 4 and part.isalpha()), None)
    if given:
        return given.title() == "Cyrl"
    likely = get_global("likely_subtags").get(parts[0].lower(), "")
    return "_Cyrl" in likely


def cyrillic_language(codes: tuple[str, ...]) -> str | None:
    """The one of `codes` written in Cyrillic; None when none is, or several are (then the letters cannot choose)."""
    found = [code for code in codes if written_in_cyrillic(code)]
    return found[0] if len(found) == 1 else None


def alphabet_languages(codes: tuple[str, ...]) -> tuple[str | None, str | None]:
    """The one of `codes` written in Cyrillic and the one other (ru and en of en, ru), each None where there is not
    exactly one: what a name's letters tell of its language (`part_lang`). On a site of two languages in Cyrillic and
    one other (uk, ru, en) the other is still told: Latin letters are English there (an English title was Ukrainian)."""
    cyrillic = cyrillic_language(codes)
    others = [code for code in codes if not written_in_cyrillic(code)]
    return cyrillic, (others[0] if len(others) == 1 and len(others) < len(codes) else None)


# The letters Ukrainian has and Russian does not, and the other way round: what tells the two apart where a site has
# both (`cyrillic_by_letters`). Only those two: Belarusian has Russian's ы, э, ё and Ukrainian's і, Bulgarian Russian's ъ.
_OWN_LETTERS = {"uk": frozenset("іїєґ"), "ru": frozenset("ыэъё")}


def cyrillic_by_letters(text: str, codes: tuple[str, ...]) -> str | None:
    """Of a site whose languages in Cyrillic are Ukrainian and Russian, the one whose own letters `text` has and the
    other's not (`Київ` uk, `ракеты` ru); None where the letters do not tell (`Супутники`, or both), or the site has
    another language in Cyrillic."""
    cyrillic = {code: code.replace("_", "-").split("-")[0].lower() for code in codes if written_in_cyrillic(code)}
    if set(cyrillic.values()) != set(_OWN_LETTERS) or len(cyrillic) != len(_OWN_LETTERS):
        return None
    letters = set(text.casefold())
    found = [code for code, base in cyrillic.items() if letters & _OWN_LETTERS[base]]
    return found[0] if len(found) == 1 else None


def romanized(text: str) -> str:
    """`text` with its Cyrillic in Latin letters as English-language Wikipedia spells Russian (iuliia's schema):
    Союз -> Soyuz, Юрий -> Yury, Мария -> Mariya, where the transliteration slugify falls back on gives Soiuz, Iurii,
    Mariia, which no Russian reader writes; and its kana as text-unidecode spells them (`kana_romanized`). Other text is
    left as it is (slugify does the rest).

    Letters are composed first (`composed`): a Mac names a file `ёлка.md` with `е` and a diaeresis (NFD), which romanized as
    `yelka` where the same name typed elsewhere is `yolka`, so one article had two URLs by whose machine saved it."""
    text = kana_romanized(text)
    if not _CYRILLIC.search(text):
        return text
    return _iuliia().WIKIPEDIA.translate(composed(text))


# Hiragana, Katakana (with its long-vowel mark, the combining (han)dakuten and the middle dot), Katakana's phonetic
# extensions, the half-width Katakana and the Kana Supplement and Extended: the Unicode blocks of kana, a `re` class's
# ranges. The one definition: the search index's Han and kana (search.analysis.CJK_CHARACTERS) are built on it.
KANA = "\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f\U0001b000-\U0001b16f"
_KANA = re.compile(f"[{KANA}]+")
# A kana letter: not the middle dot ・ (punctuation, which Chinese writes between a foreign name's parts too: 尤里・加加林)
# nor the voicing marks alone. What tells a text as Japanese (`script_language`).
_KANA_LETTER = re.compile(f"(?![\\W\\d_])[{KANA}]")


def kana_romanized(text: str) -> str:
    """`text` with its kana in Latin letters, as text-unidecode spells them composed (NFKC): ガガーリン -> gagarin,
    ﾋﾞﾃﾞｵ -> bideo. python-slugify decomposes a text (NFKD) before it spells it, which parts a voiced kana from its
    dakuten, and text-unidecode then spelt ガ as ka, ビデオ hiteo. Text without kana is left as it is (Latin's and
    Cyrillic's slugs are slugify's own, decomposed as before)."""
    if not _KANA.search(text):
        return text
    from text_unidecode import unidecode  # (here: its table is 4 MiB, as python-slugify says; slugify imports it anyway)

    return _KANA.sub(lambda run: unidecode(unicodedata.normalize("NFKC", run[0])), text)


@functools.cache
def _iuliia() -> ModuleType:
    """iuliia, imported once a slug needs it: it reads all of its schemas on import (20 ms every command would pay)."""
    import iuliia

    return iuliia


# Where CLDR names a language's script by a code standing for several of Unicode's (Japanese is written in kanji and
# both kana; Korean in Hangul and hanja): those it stands for. Every other code is one Unicode script's (Arab, Hebr).
_WRITTEN_IN = {"Jpan": ("Hani", "Hira", "Kana"), "Kore": ("Hang", "Hani"), "Hans": ("Hani",), "Hant": ("Hani",)}
# A letter that is neither one of the Latin letters most text has nor Cyrillic: only a text with one is looked at for
# another script (`script_language`), so that a Latin or Cyrillic title costs one search, and no import of `regex`.
_NEITHER = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f\u0400-\u052f]")


@functools.cache
def language_script(code: str) -> str:
    """The script the language `code` is written in, as ISO 15924 names it (`ar` Arab, `zh` Hans, `ja` Jpan, `sr-Latn`
    Latn): its script subtag if it has one, else the one CLDR gives it (Babel's likely subtags); '' where neither says."""
    parts = code.replace("_", "-").split("-")
    given = next((part for part in parts[1:] if len(part) == 4 and part.isalpha()), None)
    if given:
        return given.title()
    likely = get_global("likely_subtags").get(parts[0].lower(), "").split("_")
    return likely[1] if len(likely) > 2 and len(likely[1]) == 4 else ""


@functools.cache
def _script_letters(script: str) -> Any:
    """A `regex` pattern of the letters of `script` (an ISO 15924 code, `_WRITTEN_IN`'s for those that are several of
    Unicode's), by Unicode's script data: `regex` (dateparser's) is imported only for a text in another script."""
    import regex

    return regex.compile("[" + "".join(rf"\p{{Script={part}}}" for part in _WRITTEN_IN.get(script, (script,))) + "]")


def script_share(text: str, code: str) -> float:
    """The share of `text`'s letters that are of the script the language `code` is written in (0 for a text without
    letters, or a language whose script is not known)."""
    script = language_script(code)
    letters = len(_LETTER.findall(text))
    if not letters or not script:
        return 0.0
    if script == "Cyrl":
        return cyrillic_share(text)
    return len(_script_letters(script).findall(text)) / letters


@functools.lru_cache(maxsize=8192)  # (asked for each tag and source of every card and article page: a few thousand names)
def script_language(text: str, codes: tuple[str, ...]) -> str | None:
    """The one of `codes` whose script most of `text`'s letters are in, where that script is neither Latin nor Cyrillic
    (those are told by `reads_as_cyrillic` and `cyrillic_language`) and no other of `codes` is written in it: `مسبار`
    is ar where ar is the site's one language in Arabic letters (not where fa is another), `Διάστημα` el, `שלום` he.
    A text with kana letters is ja, and only such a text: Han alone (`北京`, `尤里・加加林访问北京`) is zh, not
    Japanese, whose titles write their particles and endings in kana. None otherwise, and for a text whose letters are
    all Latin or Cyrillic (one search)."""
    if not _NEITHER.search(text):
        return None
    found = [code for code in codes if language_script(code) not in ("Latn", "Cyrl", "") and script_share(text, code) > 0.5]
    if any(language_script(code) == "Jpan" for code in found):
        kana = _KANA_LETTER.search(text) is not None
        found = [code for code in found if (language_script(code) == "Jpan") == kana]
    return found[0] if len(found) == 1 else None


def in_other_script(text: str, code: str) -> bool:
    """Whether most of `text`'s letters are of a script that is neither Latin nor Cyrillic, and the language `code` is
    not written in it (`北京` on an English page): its language, if it cannot be told, is not the page's."""
    if not _NEITHER.search(text):
        return False
    letters = len(_LETTER.findall(text))
    return len(_NEITHER.findall(text)) > letters / 2 and script_share(text, code) <= 0.5


@functools.lru_cache(maxsize=8192)  # (asked for each name on a page, as `script_language`)
def alphabet_language(text: str, lang: str, codes: tuple[str, ...]) -> str | None:
    """On a page in `lang`, a language written in neither Latin nor Cyrillic letters (ar, he, zh, el), the language of
    a name most of whose letters are Latin or Cyrillic: the one of `codes` written in that alphabet, '' where none or
    several are (unknown, not the page's: `C++` in an Arabic page's language showed as `++C`). None on a page in Latin or
    Cyrillic letters (`part_lang` tells those: a Latin name in a Russian text is no other language) and for a name in
    neither alphabet or without letters (one search for a name in the page's own script)."""
    if language_script(lang) in ("Latn", "Cyrl", "") or not _LETTER.search(text):
        return None
    letters = len(_LETTER.findall(text))
    neither, cyrillic = len(_NEITHER.findall(text)), len(_CYRILLIC.findall(text))
    script = "Cyrl" if cyrillic * 2 > letters else "Latn" if (letters - neither - cyrillic) * 2 > letters else None
    if script is None:
        return None
    found = [code for code in codes if language_script(code) == script]
    return found[0] if len(found) == 1 else ""


def unicode_scripts(code: str) -> tuple[str, ...]:
    """The scripts of Unicode the language `code` is written in (ISO 15924 codes: ar Arab, ja Hani Hira Kana, zh Hani),
    none where CLDR does not say: what the search page tells a name's language by (`data-scripts`)."""
    script = language_script(code)
    return _WRITTEN_IN.get(script, (script,)) if script else ()


def script_name(code: str) -> str:
    """The English name of the script the language `code` is written in (`ar` Arabic, `ja` Japanese, `zh` Han, not
    CLDR's "Simplified"), for a message."""
    script = language_script(code)
    script = "Hani" if script in ("Hans", "Hant") else script
    return Locale("en").scripts.get(script, script) if script else code


@functools.lru_cache(maxsize=64)
def text_direction(code: str) -> str:
    """The direction the language `code` is written in, `rtl` (ar, he, fa, ur) or `ltr`, as CLDR gives it (Babel's
    `Locale.text_direction`); `ltr` for a code Babel does not know. Pages mark it with the language (`dir="rtl"`): a
    browser lays out and orders a right-to-left text only where it is told."""
    try:
        return Locale.parse(code.replace("-", "_")).text_direction
    except (ValueError, TypeError, UnknownLocaleError):
        return "ltr"
