"""A Russian name or masculine noun typed in the nominative finds its other cases (search.js's russianCases).

lunr-languages' Russian stemmer reads the nominative of many names and masculine nouns as carrying a case ending
(Газпром -> "газпр", Газпрома -> "газпром"); the search pipeline adds the stems of the word's case forms as further
terms of its clause. These run search.js's pipeline functions in node with the vendored lunr.js: the case forms of
real names meet, other words stay one term, and only the terms the index holds are kept. (tests/test_search_ranking.py
holds the whole search to one lunr index with the same pipeline; tests/test_search_browser.py the page.)
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEARCH_JS = REPO / "themes" / "default" / "static" / "assets" / "search.js"
VENDOR = REPO / "themes" / "default" / "static" / "vendor" / "lunr"

# What a request runs: for each word, lunr-languages' own stem and the terms of search.js's Russian stemmer (with
# `known`, the terms an index holds, when given).
SCRIPT = """
const [vendor, searchJs] = process.argv.slice(1);
const lunr = require(vendor + "/lunr.min.js");
require(vendor + "/lunr.stemmer.support.min.js")(lunr);
require(vendor + "/lunr.ru.min.js")(lunr);
const { russianCases, caseForms } = require(searchJs);
const request = JSON.parse(require("fs").readFileSync(0, "utf8"));
const known = request.known ? new Set(request.known) : null;
const cases = russianCases(lunr, known && ((term) => known.has(term)));
const terms = (word) => [].concat(cases(new lunr.Token(word, {}))).map(String);
const stem = (word) => lunr.ru.stemmer(word);
process.stdout.write(JSON.stringify(request.words.map((w) => ({ stem: stem(w), terms: terms(w), forms: caseForms(w) }))));
"""

# Nominatives and case forms from news text (singular and plural, both instrumentals of a surname), each a name or
# noun whose nominative lunr-languages stems apart from some of its cases.
NAMES = {
    "газпром": "газпрома газпрому газпромом газпроме",
    "росатом": "росатома росатому росатомом росатоме",
    "космодром": "космодрома космодрому космодромом космодроме космодромы космодромов космодромах",
    "борисов": "борисова борисову борисовым борисове",
    "медведев": "медведева медведеву медведевым медведеве",
    "иван": "ивана ивану иваном иване",
    "алексей": "алексея алексею алексеем алексее",
    "сергей": "сергея сергею сергеем сергее",
    "музей": "музея музею музеем музее музеи музеев",
    "урал": "урала уралу уралом урале",
    "казахстан": "казахстана казахстану казахстаном казахстане",
    "михаил": "михаила михаилу михаилом михаиле",
    "кредит": "кредита кредиту кредитом кредите кредиты кредитов",
    "режим": "режима режиму режимом режиме",
    "герой": "героя герою героем герое",
}


@pytest.fixture(autouse=True)
def node_installed() -> None:
    """Missing node is a failure, not a skip: these run lunr.js itself, and CI has node."""
    assert shutil.which("node"), "these tests need node on PATH"


def _run(words: list[str], known: list[str] | None = None) -> list[dict]:
    request = {"words": words, "known": known}
    done = subprocess.run(
        ["node", "-e", SCRIPT, str(VENDOR), str(SEARCH_JS)], input=json.dumps(request), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_a_nominative_stands_for_the_stems_of_its_other_cases() -> None:
    words = list(NAMES) + [f for forms in NAMES.values() for f in forms.split()]
    out = dict(zip(words, _run(words), strict=True))
    for name, forms in NAMES.items():
        theirs = {out[f]["stem"] for f in forms.split()}
        assert out[name]["stem"] != out[name]["terms"] and not theirs <= {out[name]["stem"]}, name  # lunr's alone misses
        assert theirs <= set(out[name]["terms"]), name
        assert out[name]["terms"][0] == out[name]["stem"], name  # the stem first: the term a lead's word is marked by
    assert out["газпром"]["terms"] == ["газпр", "газпром"] and out["алексей"]["terms"] == ["алекс", "алексе"]


def test_other_words_stay_one_term() -> None:
    # A word that is no masculine nominative: other cases, feminine and neuter nouns, adjectives (-ый), verbs whose
    # forms stem alike, a name the stemmer leaves whole, short words, other alphabets and digits.
    words = ["ракета", "ракеты", "ракетами", "новый", "запуск", "роскосмос", "путин", "сбербанк", "москва", "ёж", "мкс",
             "он", "rocket", "мс-21", "станция", "село", "ракете", "москве", "рогозина", "дома", "слова", "идея", "музея"]  # fmt: skip
    for word, result in zip(words, _run(words), strict=True):
        assert result["terms"] == [result["stem"]], word
    assert _run(["газпрома"])[0]["forms"] == [] and _run(["новый"])[0]["forms"] == []


def test_a_name_in_another_case_stands_for_its_nominative_too() -> None:
    """`Мантурова` (stem "мантуров") missed every article saying only Мантуров ("мантур"), as a journalist types a
    name inside a phrase, "заявление Мантурова" (found by a daily user's trial): a singular case of a masculine noun
    also stands for its nominative's stem."""
    nominative = {"мантурова": "мантуров", "лаврову": "лавров", "медведевым": "медведев", "газпрома": "газпром",
                  "газпроме": "газпром", "газпромом": "газпром", "алексея": "алексей", "сергея": "сергей"}  # fmt: skip
    out = dict(zip(nominative, _run(list(nominative)), strict=True))
    stems = dict(zip(nominative.values(), (r["stem"] for r in _run(list(nominative.values()))), strict=True))
    for word, name in nominative.items():
        assert out[word]["terms"][0] == out[word]["stem"] != stems[name], word  # lunr's alone misses the nominative
        assert stems[name] in out[word]["terms"], word
    # Only the terms the index holds: an index of Мантуров alone answers Мантурова with it.
    assert _run(["мантурова"], known=["мантур"])[0]["terms"] == ["мантур"]


def test_the_nominatives_noise_is_the_one_docs_search_md_measures() -> None:
    """A nominative's stem is often another word's too (docs/search.md gives the measure): голове looks up гол, a
    woman's surname in the nominative a man's stem. Its terms shorter than four letters were left in on purpose:
    leaving them out spared fewer such words than it took from names the stemmer cuts shortest (Киеве: Киев is ки)."""
    noise = {"голове": "гол", "голову": "гол", "острове": "остр", "королева": "корол", "захарова": "захар",
             "волкова": "волк", "морозова": "мороз", "чернова": "черн", "жукова": "жук",
             "киеве": "ки", "урале": "ура", "иране": "ира", "зенита": "зен"}  # fmt: skip
    for (word, term), result in zip(noise.items(), _run(list(noise)), strict=True):
        assert result["terms"] == [result["stem"], term], word


def test_only_the_terms_the_index_holds_are_kept() -> None:
    """lunr.Index.query finds nothing for a required clause one of whose terms the index lacks: +Росатом, where the
    articles say only Росатома, must still find them."""
    assert [r["terms"] for r in _run(["росатом", "газпром"], known=["росатом", "газпр", "газпром"])] == [["росатом"], ["газпр", "газпром"]]
    assert [r["terms"] for r in _run(["росатом", "алексей"], known=["алексе"])] == [["росат"], ["алексе"]]
    assert _run(["росатом"], known=[])[0]["terms"] == ["росат"]  # none held: the stem, as lunr-languages'
    # A word that only ends as a nominative does (ракетой, as героем's герой) has case forms whose stems no word has.
    assert [r["terms"] for r in _run(["ракетой", "герой"], known=["ракет", "гер", "геро"])] == [["ракет"], ["гер", "геро"]]
