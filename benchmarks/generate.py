"""Generate a synthetic but realistic news-article archive for benchmarking ssg (and Hugo).

Usage::

    python benchmarks/generate.py OUT_DIR --articles 10000 [--seed 1] [--hugo HUGO_DIR]

OUT_DIR becomes a complete ssg project (``site.yaml`` + ``content/YYYY/<slug>.md``). With
``--hugo`` the very same articles (same titles, dates, tags and bodies) are also written as a
Hugo site (``benchmarks/hugo/`` copied to HUGO_DIR, articles in ``HUGO_DIR/content/posts/``), so
that both generators build exactly the same input.

Why synthetic and how
---------------------
A benchmark needs inputs of any size, reproducible bit for bit, with no downloads and no
licensing questions, yet whose cost profile (Markdown constructs, front matter, vocabulary for a
search index or stemmer, tag and date distributions) resembles a real archive. So:

* **Vocabulary.** Each language (60 % English, 40 % Russian articles) has a word model with

  - a few hundred of the most common *real* word forms of the language (articles, pronouns,
    prepositions, auxiliaries, frequent news words: "the", "said", "в", "который", "года" ...),
    carrying about 45 % (English) / 35 % (Russian) of the tokens, Zipf-distributed among
    themselves;
  - an unbounded list of synthetic *lemmas*. Lemma ``k`` is a pseudo-word made of syllables
    (Latin for English, Cyrillic for Russian) by writing a scrambled ``k`` in mixed radix over
    the syllable inventory, so every lemma is distinct and cheap to compute from ``k`` alone;
    frequent lemmas get fewer syllables (Zipf's law of abbreviation). Lemma frequencies follow
    a Zipf-Mandelbrot law ``p(k) ~ (k + q) ** -s`` with ``s > 1`` (see ``LANG_PARAMS``), whose
    unbounded tail makes the number of distinct words keep growing with the corpus size, as
    Heaps' law says real text does (about 100k distinct words for 10,000 articles);
  - each lemma has a part of speech (hash of ``k``) with real inflection endings and their
    rough frequencies: Russian nouns -а -у -ом -е -ы -ов -ам -ами -ах, -ение/-ения/-ением,
    adjectives -ый -ая -ое -ые -ого -ому -ой -ую -ых -ыми, verbs -ать -ает -ают -ал -ала -али
    -ается, -ить -ит -ят -ил -ила, -ёт -ут (with the ы→и, о→е spelling rules after к г х ж ш ч
    щ), English nouns -s/-es, -tion(s), -ment(s), verbs -s -ed -ing (e-dropping), adjectives
    -ly -er -est -ness. A stemmer therefore sees realistic inflection families.

* **Articles.** About 5 KB of Markdown on average (log-normal, 1.5-15 KB): paragraphs of 2-6
  sentences (commas, numbers, quotations, names), now and then a ``##`` heading, a bulleted or
  numbered list, a blockquote, some bold text, and 0-5 links to external news sites. Titles have
  6-12 words; 1-4 tags out of 36 names of organisations and people (some Cyrillic), with
  Zipf-distributed popularity; dates are spread uniformly over 2013-2024 with minute times and a
  ``+03:00`` (mostly Russian) or ``+00:00`` (mostly English) offset; every article has an
  external image, a source and a rights line.

* **Determinism and speed.** Article ``i`` depends only on ``(seed, i)`` (its own
  ``random.Random``) and lemma ``k`` only on ``(seed, k)``; only slug de-duplication looks at
  earlier articles. So the output is identical for a given seed, and the first 10,000 articles
  of a 100,000-article archive are the 10,000-article archive. Tokens are drawn in bulk with
  ``random.choices`` over precomputed cumulative weights of every inflected form of the most
  frequent lemmas (the rare tail is sampled by inverse CDF), and bodies are written by
  ``--jobs`` forked workers (default: all cores).
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import math
import multiprocessing
import os
import random
import re
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

HUGO_TEMPLATE_DIR = Path(__file__).resolve().parent / "hugo"

SITE_YAML = "title: Benchmark archive\nbase_url: https://example.org/\ntimezone: Europe/Moscow\nlang: en\n"

RU_SHARE = 0.4
FIRST_YEAR, LAST_YEAR = 2013, 2024  # twelve years of dates
MEAN_BODY_BYTES = 5000

# --- vocabulary ---------------------------------------------------------------------------

# The most common real word forms, roughly in frequency order (news English / news Russian).
# Order matters: the list is Zipf-weighted by position.
FUNCTION_WORDS: dict[str, str] = {
    "en": """
the of and to a in that is for on it said was with he as at by from his be have are has an
but not this they were had who its which been will their or after more about also one would
two new up i than over first we she there her other last when years into out can all what
year if could government no some president them him million percent just so only our most
world before while three then people do against because being time any such under between
may during these where those both since country state told police officials minister many
well us through how back like four next against did even now week news including according
its should five made make per still official former national security two take until very
much second public part group just own around while billion today report law support
director health city work without billion leader party military company day season months
says going around among called government high local top end put each get home told million
early found long within set left several again another however never great think know way
want go see here off down come says whether though already often long less least every
although across along around toward among within without upon whose whom which what yet
""",
    "ru": """
в и на не что с по к о из за от для как это а но у до он его было также который года при
же так все мы она они был была были будет может их ее только уже или после более этом того
этого чтобы том бы есть можно со во под без время если когда где себя себе ли ни лет году
сообщил заявил отметил словам данным рамках случае числе компании страны области
президент правительство млн млрд тыс руб России РФ Москве Москвы США который которые которого которая которых которой
свой своей своих свои этот эта эти этих эту один одна одно одного двух три пять сейчас
ранее сегодня вчера однако кроме того между через около против пока даже еще тоже всего
всех весь вся всё очень также может могут должны нужно будут стал стала стали является
являются сообщает сообщили заявили говорится известно время года году году годах лет день
дня дней раз человек людей работы работа дело глава главы министр министра власти власть
страна стране страну мире мира Россия Россию Украины Китая нас вас им
ему ей ним ней них нем тем чем том теперь потом тогда здесь там куда откуда почему зачем
именно лишь почти сразу снова вновь вместе также либо будто если хотя чтобы поскольку
""",
}

EN_ONSETS = (*"bcdfghjklmnprstvwz", "br", "cr", "dr", "fl", "gr", "pl", "pr", "st", "tr", "ch", "sh", "th", "bl", "cl", "sl", "sp", "sc")
EN_NUCLEI = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "oo"]
EN_CODAS = ["", "", "", "n", "r", "l", "s", "t", "m", "nd", "st", "ck", "rt", "nt", "x"]

RU_ONSETS = (*"бвгджзклмнпрстфхцчшщ", "бр", "вр", "гр", "др", "кр", "пр", "тр", "ст", "сл", "пл", "гл", "зн", "см", "сп", "ск")
RU_NUCLEI = ["а", "о", "е", "и", "у", "ы"]
RU_SOFT = "вдлмнрст"  # onsets that also take я, ю (кя, шю look foreign)
RU_BAD = ("жы", "шы", "чы", "щы", "кы", "гы", "хы")
RU_CODAS = ["н", "р", "л", "с", "т", "к", "в", "м", "д", "ст", "нк", "рн", "льн", "ж", "ш", "ч", "з", "б", "п", "г", "х", "рт"]

# Endings per part of speech: (ending, relative frequency).
Paradigm = tuple[tuple[str, float], ...]
EN_PARADIGMS: dict[str, Paradigm] = {
    "noun": (("", 0.7), ("s", 0.3)),
    "tion": (("tion", 0.72), ("tions", 0.28)),
    "ment": (("ment", 0.7), ("ments", 0.3)),
    "verb": (("", 0.28), ("s", 0.14), ("ed", 0.34), ("ing", 0.24)),
    "adj": (("", 0.8), ("ly", 0.12), ("er", 0.04), ("est", 0.02), ("ness", 0.02)),
}
EN_POS_SHARES = {"noun": 0.42, "tion": 0.06, "ment": 0.04, "verb": 0.28, "adj": 0.2}

RU_PARADIGMS: dict[str, Paradigm] = {
    "masc": (
        ("", 0.28),
        ("а", 0.18),
        ("у", 0.08),
        ("ом", 0.08),
        ("е", 0.12),
        ("ы", 0.09),
        ("ов", 0.07),
        ("ам", 0.03),
        ("ами", 0.03),
        ("ах", 0.04),
    ),
    "fem": (
        ("а", 0.3),
        ("ы", 0.2),
        ("е", 0.15),
        ("у", 0.14),
        ("ой", 0.08),
        ("ам", 0.03),
        ("ами", 0.04),
        ("ах", 0.04),
        ("", 0.02),
    ),
    "neut": (
        ("ение", 0.3),
        ("ения", 0.28),
        ("ению", 0.08),
        ("ением", 0.07),
        ("ении", 0.15),
        ("ений", 0.08),
        ("ениями", 0.02),
        ("ениях", 0.02),
    ),
    "adj": (
        ("ый", 0.12),
        ("ая", 0.14),
        ("ое", 0.1),
        ("ые", 0.1),
        ("ого", 0.12),
        ("ому", 0.04),
        ("ой", 0.12),
        ("ую", 0.06),
        ("ым", 0.05),
        ("ом", 0.04),
        ("ых", 0.08),
        ("ыми", 0.03),
    ),
    "verb_a": (
        ("ать", 0.18),
        ("ает", 0.18),
        ("ают", 0.1),
        ("ал", 0.12),
        ("ала", 0.08),
        ("али", 0.1),
        ("ало", 0.04),
        ("ается", 0.06),
        ("ались", 0.03),
        ("ающих", 0.03),
        ("ая", 0.03),
        ("ано", 0.05),
    ),
    "verb_i": (
        ("ить", 0.18),
        ("ит", 0.18),
        ("ят", 0.08),
        ("ил", 0.14),
        ("ила", 0.08),
        ("или", 0.1),
        ("ило", 0.04),
        ("ится", 0.06),
        ("ились", 0.03),
        ("ен", 0.03),
        ("ены", 0.03),
        ("ив", 0.05),
    ),
    "verb_e": (
        ("ёт", 0.25),
        ("ут", 0.15),
        ("ём", 0.05),
        ("ёте", 0.02),
        ("ти", 0.18),
        ("", 0.12),
        ("ла", 0.08),
        ("ли", 0.1),
        ("ло", 0.05),
    ),
}
RU_POS_SHARES = {
    "masc": 0.26,
    "fem": 0.18,
    "neut": 0.07,
    "adj": 0.2,
    "verb_a": 0.13,
    "verb_i": 0.11,
    "verb_e": 0.05,
}


@dataclass(frozen=True)
class LangParams:
    """Zipf-Mandelbrot parameters of one language's word model.

    ``function_mass`` is the share of tokens that are real common words; content lemma ``k``
    has weight ``(k + q) ** -s``. ``s`` and ``q`` were tuned so that 10,000 articles have about
    100k distinct lowercase words, Russian (more inflected forms) contributing more per token.
    """

    function_mass: float
    s: float
    q: float
    head_lemmas: int  # lemmas whose forms are precomputed; the rest is the sampled tail


LANG_PARAMS = {
    "en": LangParams(function_mass=0.45, s=1.82, q=40.0, head_lemmas=20000),
    "ru": LangParams(function_mass=0.35, s=1.82, q=40.0, head_lemmas=20000),
}

TAIL = "\x00"  # sentinel in the sampled token stream: replace by a tail (rare) word


def _ru_join(stem: str, ending: str) -> str:
    """Attach a Russian ending, applying the spelling rules after velars and sibilants."""
    if ending:
        last = stem[-1]
        if last in "кгхжшчщ" and ending[0] == "ы":
            ending = "и" + ending[1:]
        if last in "жшчщц":
            if ending[0] == "я":
                ending = "а" + ending[1:]
            elif ending[0] == "ю":
                ending = "у" + ending[1:]
            elif ending in ("ого", "ому", "ое"):
                ending = "е" + ending[1:]
    return stem + ending


def _en_join(stem: str, ending: str) -> str:
    """Attach an English suffix with the usual e-dropping and -es rules."""
    if not ending:
        return stem
    if ending in ("ed", "er", "est") and stem.endswith("e"):
        return stem + ending[1:]
    if ending == "ing" and stem.endswith("e") and len(stem) > 2:
        return stem[:-1] + ending
    if ending == "s" and stem.endswith(("s", "x", "z", "ch", "sh")):
        return stem + "es"
    return stem + ending


def _coprime_multiplier(modulus: int, start: int) -> int:
    """An odd multiplier coprime with ``modulus``: ``j -> (a*j + c) % modulus`` is a bijection."""
    a = start | 1
    while math.gcd(a, modulus) != 1:
        a += 2
    return a


class WordModel:
    """The vocabulary of one language: function words plus unbounded inflected pseudo-lemmas."""

    def __init__(self, lang: str, seed: int) -> None:
        self.lang = lang
        self.params = LANG_PARAMS[lang]
        if lang == "ru":
            onsets, nuclei, codas = RU_ONSETS, RU_NUCLEI, RU_CODAS
            self.paradigms, shares, self._join = RU_PARADIGMS, RU_POS_SHARES, _ru_join
        else:
            onsets, nuclei, codas = EN_ONSETS, EN_NUCLEI, EN_CODAS
            self.paradigms, shares, self._join = EN_PARADIGMS, EN_POS_SHARES, _en_join
        syllables = {o + n for o in onsets for n in nuclei}
        if lang == "ru":
            syllables = {s for s in syllables if not s.endswith(RU_BAD)}
            syllables |= {o + n for o in RU_SOFT for n in "яю"}
        self.syllables = sorted(syllables)
        self.codas = codas
        rng = random.Random(f"lexicon:{lang}:{seed}")
        # Bands of lemmas with 1, 2, 3, 4 syllables; within a band an affine bijection
        # scrambles the index so consecutive ranks do not look alike.
        self.bands: list[tuple[int, int, int, int]] = []  # (first rank, size, a, c)
        first = 0
        for n_syl in range(1, 5):
            size = len(self.syllables) ** n_syl * len(codas)
            a = _coprime_multiplier(size, rng.randrange(size // 3, size))
            self.bands.append((first, size, a, rng.randrange(size)))
            first += size
        # Part of speech: a 256-slot table indexed by a hash of the rank.
        pos_table: list[str] = []
        for pos, share in shares.items():
            pos_table += [pos] * round(share * 256)
        self.pos_table = (pos_table + [pos_table[0]] * 256)[:256]
        self.pos_salt = rng.getrandbits(32)
        self.ending_cum = {
            pos: (
                [e for e, _ in paradigm],
                list(itertools.accumulate(w for _, w in paradigm)),
            )
            for pos, paradigm in self.paradigms.items()
        }
        self._build_head()

    def stem(self, k: int) -> str:
        """The stem of lemma ``k``, unique per ``k``."""
        for first, size, a, c in self.bands:
            if k < first + size:
                j = (a * (k - first) + c) % size
                break
        else:
            first, size, a, c = self.bands[-1]
            j = (a * k + c) % size
        j, coda = divmod(j, len(self.codas))
        parts = [self.codas[coda]]
        n = len(self.syllables)
        while True:
            j, digit = divmod(j, n)
            parts.append(self.syllables[digit])
            if j == 0:
                break
        return "".join(reversed(parts))

    def pos(self, k: int) -> str:
        """Part of speech of lemma ``k`` (deterministic hash, so it needs no table)."""
        h = ((k + 1) * 0x9E3779B1 ^ self.pos_salt) & 0xFFFFFFFF
        return self.pos_table[h >> 24]

    def _build_head(self) -> None:
        """Precompute every form of the frequent lemmas with cumulative weights.

        ``random.choices`` with ``cum_weights`` is then a bisect per token (C code), much
        faster than sampling a lemma and then an ending in Python.
        """
        p = self.params
        population: list[str] = []
        weights: list[float] = []
        fwords = list(dict.fromkeys(FUNCTION_WORDS[self.lang].split()))
        self.function_words = frozenset(fwords)
        harmonic = sum(1 / (r + 1) for r in range(len(fwords)))
        for r, w in enumerate(fwords):
            population.append(w)
            weights.append(p.function_mass / (r + 1) / harmonic)
        head_w = [(k + p.q) ** -p.s for k in range(p.head_lemmas)]
        # Continuous approximation of the tail mass beyond the head.
        tail_w = (p.head_lemmas + p.q) ** (1 - p.s) / (p.s - 1)
        total = sum(head_w) + tail_w
        content = 1 - p.function_mass
        for k, wk in enumerate(head_w):
            stem = self.stem(k)
            paradigm = self.paradigms[self.pos(k)]
            norm = sum(f for _, f in paradigm)
            for ending, f in paradigm:
                population.append(self._join(stem, ending))
                weights.append(content * wk / total * f / norm)
        population.append(TAIL)
        weights.append(content * tail_w / total)
        self.population = population
        self.cum_weights = list(itertools.accumulate(weights))
        self._tail_x0 = p.head_lemmas + p.q
        self._tail_exp = -1 / (p.s - 1)

    def tail_word(self, rng: random.Random) -> str:
        """A rare word: lemma rank from the continuous Pareto tail, then an ending."""
        u = 1.0 - rng.random()  # (0, 1]
        k = int(self._tail_x0 * u**self._tail_exp - self.params.q)
        k = min(k, 10**12)
        endings, cum = self.ending_cum[self.pos(k)]
        ending = endings[bisect.bisect(cum, rng.random() * cum[-1])]
        return self._join(self.stem(k), ending)

    def words(self, rng: random.Random, n: int) -> list[str]:
        """``n`` tokens drawn from the language's Zipfian distribution."""
        tokens = rng.choices(self.population, cum_weights=self.cum_weights, k=n)
        i = -1
        try:
            while True:
                i = tokens.index(TAIL, i + 1)
                tokens[i] = self.tail_word(rng)
        except ValueError:
            pass
        return tokens

    def headline_words(self, rng: random.Random, n: int) -> list[str]:
        """``n`` tokens with most function words dropped, as in headlines."""
        words: list[str] = []
        while len(words) < n:
            words += [w for w in self.words(rng, 2 * n) if w not in self.function_words or rng.random() < 0.3]
        return words[:n]


# --- metadata -------------------------------------------------------------------------------

TAGS = (
    "Roscosmos",
    "NASA",
    "SpaceX",
    "China",
    "ESA",
    "Elon Musk",
    "Роскосмос",
    "МКС",
    "Boeing",
    "Дмитрий Рогозин",
    "Blue Origin",
    "Юрий Борисов",
    "JAXA",
    "ISRO",
    "Илон Маск",
    "Jeff Bezos",
    "Bill Nelson",
    "Arianespace",
    "OneWeb",
    "Starlink",
    "Газпром",
    "Сбербанк",
    "Владимир Путин",
    "Joe Biden",
    "Xi Jinping",
    "Pentagon",
    "European Union",
    "Минобороны",
    "Центробанк",
    "United Nations",
    "Lockheed Martin",
    "Rocket Lab",
    "ЦНИИмаш",
    "Энергия",
    "Airbus",
    "Министерство финансов",
)
TAG_CUM = list(itertools.accumulate(1 / (r + 1) ** 0.8 for r in range(len(TAGS))))
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
NAMES = {
    "ru": tuple(t for t in TAGS if CYRILLIC.search(t)),
    "en": tuple(t for t in TAGS if not CYRILLIC.search(t)),
}


def names_for(lang: str, tags: Sequence[str]) -> list[str]:
    """The article's tags written in its language's script: names to mention in its text."""
    return [t for t in tags if t in NAMES[lang]]


@dataclass(frozen=True)
class Source:
    """A news outlet: how its article URLs and rights lines look."""

    name: str
    url: str  # with {id}, {slug}, {ymd}, {y}, {m}
    lang: str
    rights: str  # with {y}


SOURCES = (
    Source("Interfax", "https://www.interfax.ru/russia/{id}", "ru", "© Interfax, {y}"),
    Source("ТАСС", "https://tass.ru/kosmos/{id}", "ru", "© ТАСС, {y}"),
    Source("РИА Новости", "https://ria.ru/{ymd}/{slug}-{id}.html", "ru", "© РИА Новости, {y}"),
    Source("Коммерсантъ", "https://www.kommersant.ru/doc/{id}", "ru", "© АО «Коммерсантъ», {y}"),
    Source("Reuters", "https://www.reuters.com/world/{slug}-{ymd}/", "en", "© {y} Reuters"),
    Source("BBC News", "https://www.bbc.com/news/world-{id}", "en", "© {y} BBC"),
    Source("SpaceNews", "https://spacenews.com/{slug}/", "en", "© {y} SpaceNews"),
    Source(
        "The Guardian",
        "https://www.theguardian.com/science/{y}/{m}/{slug}",
        "en",
        "© {y} Guardian News & Media Limited",
    ),
)
IMAGE_CREDITS = (
    "pronedra.ru",
    "NASA",
    "Roscosmos",
    "ESA/CNES",
    "AP Photo",
    "Reuters",
    "ТАСС",
    "SpaceX",
    "Wikimedia Commons",
)
LINK_SITES = (
    "https://www.nasa.gov/news/",
    "https://www.roscosmos.ru/",
    "https://en.wikipedia.org/wiki/",
    "https://ru.wikipedia.org/wiki/",
    "https://www.esa.int/Newsroom/",
    "https://www.interfax.ru/world/",
    "https://tass.ru/ekonomika/",
    "https://arstechnica.com/science/",
    "https://www.space.com/",
)

TRANSLIT = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
        "ё": "yo",
        "ж": "zh",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ь": "",
        "ю": "yu",
        "я": "ya",
    }
)
SLUG_JUNK = re.compile(r"[^a-z0-9]+")
PLAIN_YAML = re.compile(r"(?:[^\W\d_]|©)[\w .,'«»()&—-]*")


def yaml_str(s: str) -> str:
    """A YAML scalar for ``s``: plain when unambiguous, else double-quoted (JSON is valid YAML)."""
    if PLAIN_YAML.fullmatch(s) and ": " not in s and " #" not in s:
        return s
    return json.dumps(s, ensure_ascii=False)


def slugify(text: str, max_words: int = 8) -> str:
    """An ASCII URL slug (Cyrillic transliterated) from the first words of a title."""
    words = SLUG_JUNK.sub(" ", text.lower().translate(TRANSLIT)).split()
    return "-".join(words[:max_words])[:72].strip("-") or "article"


@dataclass
class ArticleMeta:
    """Everything about an article but its body, decided in the parent process."""

    index: int
    lang: str
    date: datetime
    tags: list[str]
    slug: str
    front_matter: str  # ssg's
    hugo_front_matter: str


def article_rng(seed: int, index: int, stream: int) -> random.Random:
    """An independent stream per (seed, article, purpose): articles depend on nothing else."""
    return random.Random((seed << 40) | (index << 2) | stream)


def sentence_case(words: Sequence[str]) -> str:
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def make_meta(models: dict[str, WordModel], seed: int, index: int) -> ArticleMeta:
    """Title, date, tags, source, image and rights of article ``index`` (slug not unique yet)."""
    rng = article_rng(seed, index, 0)
    lang = "ru" if rng.random() < RU_SHARE else "en"
    model = models[lang]
    n_tags = rng.choices((1, 2, 3, 4), cum_weights=(35, 70, 90, 100))[0]
    tags = list(dict.fromkeys(rng.choices(TAGS, cum_weights=TAG_CUM, k=n_tags)))
    n_words = rng.randint(6, 12)
    names = names_for(lang, tags)
    if names and rng.random() < 0.5:  # headlines often name the subject
        name = names[0]
        words = model.headline_words(rng, n_words - name.count(" "))
        words[rng.randrange(len(words))] = name
    else:
        words = model.headline_words(rng, n_words)
    title = sentence_case(words)

    start = datetime(FIRST_YEAR, 1, 1)
    span_minutes = int((datetime(LAST_YEAR + 1, 1, 1) - start).total_seconds() // 60)
    date = start + timedelta(minutes=rng.randrange(span_minutes))
    moscow_share = 0.85 if lang == "ru" else 0.15
    offset = "+03:00" if rng.random() < moscow_share else "+00:00"
    date_s = date.strftime("%Y-%m-%dT%H:%M:00") + offset

    sources = [s for s in SOURCES if s.lang == lang]
    source = sources[min(int(rng.paretovariate(1.2)) - 1, len(sources) - 1)]
    slug = slugify(title)
    src_slug = slugify(" ".join(model.words(rng, 5)), 6)
    source_url = source.url.format(
        id=rng.randrange(10**5, 10**7),
        slug=src_slug,
        ymd=date.strftime("%Y%m%d"),
        y=date.year,
        m=date.strftime("%b").lower(),
    )
    alt = sentence_case(model.words(rng, rng.randint(3, 9)))
    credit = rng.choice(IMAGE_CREDITS)
    fm = (
        f"title: {yaml_str(title)}\n"
        f"date: {date_s}\n"
        f"lang: {lang}\n"
        f"tags: [{', '.join(yaml_str(t) for t in tags)}]\n"
        f"source: {{name: {yaml_str(source.name)}, url: {source_url}}}\n"
        f"image: {{src: https://images.example.org/{index}.jpg, "
        f"credit: {yaml_str(credit)}, alt: {json.dumps(alt, ensure_ascii=False)}}}\n"
        f"rights: {yaml_str(source.rights.format(y=date.year))}\n"
    )
    hugo_fm = f"title: {yaml_str(title)}\ndate: {date_s}\ntags: [{', '.join(yaml_str(t) for t in tags)}]\nlang: {lang}\n"
    return ArticleMeta(index, lang, date, tags, slug, fm, hugo_fm)


# --- bodies ---------------------------------------------------------------------------------

QUOTES = {"en": ("“", "”"), "ru": ("«", "»")}
NUMBERS = ("2", "3", "10", "12", "15", "20", "25", "40", "100", "150", "2021", "1,5", "30%")
MEAN_SENTENCE_WORDS = {"en": 17, "ru": 13}
LAST_BLOCK_OVERSHOOT = 240  # bytes, measured


class BodyWriter:
    """Builds one article's Markdown body from its own random stream."""

    def __init__(self, model: WordModel, rng: random.Random, tags: list[str]) -> None:
        self.model = model
        self.rng = rng
        self.lang = model.lang
        self.names = names_for(self.lang, tags) + [rng.choice(NAMES[self.lang]) for _ in range(2)]
        self.link_prob = 0.0

    def sentence_lengths(self, n: int) -> list[int]:
        mean = MEAN_SENTENCE_WORDS[self.lang]
        return [max(4, int(self.rng.gammavariate(4.0, mean / 4.0))) for _ in range(n)]

    def sentences(self, n: int, *, enders: str = "." * 30 + "?!") -> list[str]:
        """``n`` sentences, drawing all their words in one bulk call."""
        rng = self.rng
        lengths = self.sentence_lengths(n)
        words = self.model.words(rng, sum(lengths))
        out = []
        pos = 0
        for length in lengths:
            toks = words[pos : pos + length]
            pos += length
            if rng.random() < 0.25:
                toks[rng.randrange(length)] = rng.choice(self.names)
            if rng.random() < 0.12:
                toks.insert(rng.randrange(1, length), rng.choice(NUMBERS))
            if rng.random() < self.link_prob:
                a = rng.randrange(length)
                b = min(length, a + rng.randint(1, 3)) - 1
                url = rng.choice(LINK_SITES) + slugify(" ".join(toks[a : b + 1]), 4)
                toks[a] = "[" + toks[a]
                toks[b] = f"{toks[b]}]({url})"
            elif rng.random() < 0.03:
                a = rng.randrange(length)
                toks[a] = f"**{toks[a]}**"
            if rng.random() < 0.08 and length > 6:
                opening, closing = QUOTES[self.lang]
                a = rng.randrange(1, length - 3)
                toks[a] = opening + toks[a]
                toks[a + 2] += closing
            for _ in range(length // 8):
                i = rng.randrange(1, len(toks) - 1)
                if toks[i][-1] not in ",)":
                    toks[i] += ","
            out.append(sentence_case(toks) + rng.choice(enders))
        return out

    def heading(self) -> str:
        words = self.model.headline_words(self.rng, self.rng.randint(3, 7))
        return "## " + sentence_case(words)

    def bullet_list(self) -> str:
        rng = self.rng
        items = self.sentences(rng.randint(3, 6), enders=".;")
        if rng.random() < 0.3:
            return "\n".join(f"{i}. {s}" for i, s in enumerate(items, 1))
        return "\n".join(f"- {s}" for s in items)

    def blockquote(self) -> str:
        opening, closing = QUOTES[self.lang]
        text = " ".join(self.sentences(self.rng.randint(1, 3)))
        return f"> {opening}{text}{closing}"

    def body(self) -> str:
        rng = self.rng
        target = min(15000, max(1500, int(rng.lognormvariate(math.log(MEAN_BODY_BYTES) - 0.06, 0.35))))
        bytes_per_char = 1.85 if self.lang == "ru" else 1.0
        est_sentences = target / bytes_per_char / (MEAN_SENTENCE_WORDS[self.lang] * 7)
        n_links = rng.choice((0, 1, 1, 2, 2, 3, 3, 4, 5))
        self.link_prob = n_links / est_sentences
        blocks: list[str] = []
        size = 0
        paragraphs = 0
        # The last block overshoots the target by half a block on average: stop that early.
        while size + LAST_BLOCK_OVERSHOOT < target or paragraphs < 3:
            r = rng.random()
            if paragraphs >= 2 and r < 0.05 and not blocks[-1].startswith("##"):
                block = self.heading()
            elif paragraphs >= 1 and r < 0.08:
                block = self.bullet_list()
            elif paragraphs >= 1 and r < 0.11:
                block = self.blockquote()
            else:
                block = " ".join(self.sentences(rng.randint(2, 6)))
                paragraphs += 1
            blocks.append(block)
            size += len(block.encode()) + 2
        return "\n\n".join(blocks) + "\n"


# --- driver ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    """What the workers need; a module global so that forked workers inherit it for free."""

    out: Path
    hugo: Path | None
    seed: int
    models: dict[str, WordModel]
    metas: list[ArticleMeta]


_job: _Job | None = None


def _write_range(bounds: tuple[int, int]) -> int:
    """Worker: write articles ``[start, stop)``; returns the bytes written (ssg copy)."""
    job = _job
    assert job is not None
    total = 0
    for meta in job.metas[bounds[0] : bounds[1]]:
        rng = article_rng(job.seed, meta.index, 1)
        body = BodyWriter(job.models[meta.lang], rng, meta.tags).body()
        data = f"---\n{meta.front_matter}---\n\n{body}".encode()
        (job.out / "content" / str(meta.date.year) / f"{meta.slug}.md").write_bytes(data)
        total += len(data)
        if job.hugo is not None:
            hugo_data = f"---\n{meta.hugo_front_matter}---\n\n{body}".encode()
            (job.hugo / "content" / "posts" / f"{meta.slug}.md").write_bytes(hugo_data)
    return total


def _prepare_dir(path: Path, force: bool) -> None:
    """Refuse to mix with an earlier archive (stale files would skew counts) unless --force."""
    content = path / "content"
    if content.exists() and any(content.iterdir()):
        if not force:
            sys.exit(f"{content} is not empty; pass --force to replace it")
        shutil.rmtree(content)
    path.mkdir(parents=True, exist_ok=True)


def generate(out: Path, articles: int, seed: int, hugo: Path | None, jobs: int, force: bool) -> None:
    """Write the archive (and optionally the Hugo twin) and print a summary on stderr."""
    t0 = time.perf_counter()
    _prepare_dir(out, force)
    (out / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    if hugo is not None:
        _prepare_dir(hugo, force)
        shutil.copytree(HUGO_TEMPLATE_DIR, hugo, dirs_exist_ok=True)
        (hugo / "content" / "posts").mkdir(parents=True, exist_ok=True)

    models = {lang: WordModel(lang, seed) for lang in ("en", "ru")}
    seen: set[str] = set()
    metas: list[ArticleMeta] = []
    for i in range(articles):
        meta = make_meta(models, seed, i)
        slug, n = meta.slug, 2
        while slug in seen:  # like a CMS: "-2", "-3" on a clash with an earlier article
            slug, n = f"{meta.slug}-{n}", n + 1
        meta.slug = slug
        seen.add(slug)
        metas.append(meta)
    for year in {m.date.year for m in metas}:
        (out / "content" / str(year)).mkdir(parents=True, exist_ok=True)
    t_meta = time.perf_counter()

    global _job
    _job = _Job(out, hugo, seed, models, metas)
    chunk = 250
    ranges = [(i, min(i + chunk, articles)) for i in range(0, articles, chunk)]
    if jobs > 1 and len(ranges) > 1:
        # fork: workers inherit the word models and metadata instead of rebuilding them.
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            total = sum(pool.imap_unordered(_write_range, ranges))
    else:
        total = sum(map(_write_range, ranges))
    elapsed = time.perf_counter() - t0
    print(
        f"{articles} articles, {total / 1e6:.1f} MB of Markdown in {out}"
        + (f" (+ Hugo site in {hugo})" if hugo else "")
        + f"; {elapsed:.2f} s ({t_meta - t0:.2f} s models+metadata, {jobs} jobs)",
        file=sys.stderr,
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, metavar="OUT_DIR", help="ssg project to write")
    parser.add_argument("--articles", type=int, required=True, metavar="N")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hugo", type=Path, metavar="DIR", help="also write a Hugo site here")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--force", action="store_true", help="replace existing content/")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be positive")
    if args.seed < 0:
        parser.error("--seed must be >= 0")
    if args.hugo is not None and args.hugo.resolve() in (args.out.resolve(), HUGO_TEMPLATE_DIR):
        parser.error("--hugo needs a directory of its own")
    generate(args.out, args.articles, args.seed, args.hugo, max(1, args.jobs), args.force)


if __name__ == "__main__":
    main()
