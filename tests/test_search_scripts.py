"""Words of the scripts with no stemmer: Greek, Arabic, Hebrew, Korean, ... as written, Chinese and Japanese as pairs.

A tester's trial: the trimmer kept the letters of the Latin and Cyrillic scripts alone, so 月球, 航天 (a tag), المريخ,
הירח, Σελήνη and リュウグウ were never indexed ("Nothing matches"), 長征5号 was the term "5" (and found an English
article with a 5), and -المريخ left out nothing. Every script's letters, marks and digits are word characters now,
and Han and kana, written without spaces, are indexed as overlapping pairs of characters (Lucene's CJKBigramFilter),
in the index (analysis.py) and the query (search.js) alike. node runs the vendored lunr.js with search.js's steps.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from ssg.search import SearchConfig, article_terms
from ssg.search.analysis import analyze, cjk_parts, fold, term_of, tokenize, trim

from .search_js import folded_by_search_js

HERE = Path(__file__).parent
NODE_PIPELINE = HERE / "search_support" / "lunr_pipeline.js"
LANGUAGES = ("en", "ru")

# Words and tokens of many scripts, as texts hold them: with punctuation around them, marks (Arabic tashkeel, Hebrew
# niqqud, Devanagari vowel signs), capitals (Greek final sigma, Turkish İ) and scripts run together.
TOKENS = [
    "Σελήνη", "ΣΕΛΗΝΗΣ", "σελήνης.", "(Άρης)", "Σ", "ΟΔΟΣ", "Ἀθῆναι", "σελήνησ",
    "المريخ", "،المريخ،", "كتابٌ", "مُحَمَّدٌ", "الـمريخ", "«المريخ»", "٢٠٢٤", "ناسا:",
    "הירח", "צה״ל", "בְּרֵאשִׁית", "(הירח)", "ירח.",
    "달", "누리호는", "«누리호»", "한국항공우주연구원",
    "リュウグウ", "はやぶさ2", "小惑星「リュウグウ」から", "ｶﾀｶﾅ", "ー", "・", "々", "〇",
    "嫦娥六号从月球背面带回样品。", "長征5号", "「航天」", "月", "月。", "，", "𠀋𠀌", "長征-5号",
    "SpaceX的星舰", "iPhone用", "NASA's月球", "the月球", "l'月球", "3.5吨", "于2024年6月25日",
    "İstanbul", "ISTANBUL", "İSTANBUL", "i\u0307stanbul", "Ağrı", "ŞİŞLİ",
    "ดวงจันทร์", "चंद्रयान", "चंद्रमा।", "Լուսին", "მთვარე", "ጨረቃ", "Місяць", "ракеты", "rockets", "_", "x_y",
]  # fmt: skip


@pytest.fixture(autouse=True)
def node_installed() -> None:
    """Missing node is a failure, not a skip: the parity checks run lunr.js itself, and CI has node."""
    assert shutil.which("node"), "these tests need node on PATH"


def _node(request: dict) -> dict:
    out = subprocess.run(["node", str(NODE_PIPELINE)], input=json.dumps(request), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _terms(token: str) -> list[str]:
    """The index's terms of a token: term_of's one term, none (a stop word) or several (Han and kana)."""
    term = term_of(LANGUAGES)(token)
    return [] if term is None else [term] if isinstance(term, str) else list(term)


def test_words_of_scripts_with_no_stemmer_are_indexed_as_written() -> None:
    assert [_terms(fold(w)) for w in ("Σελήνη", "المريخ", "הירח", "누리호는", "Ἀθῆναι", "चंद्रयान", "ดวงจันทร์")] == [
        ["σελήνη"], ["المريخ"], ["הירח"], ["누리호는"], ["ἀθῆναι"], ["चंद्रयान"], ["ดวงจันทร์"],
    ]  # fmt: skip
    assert trim("،المريخ،") == "المريخ" and trim("(הירח).") == "הירח" and trim("«누리호»") == "누리호"
    assert trim("كتابٌ") == "كتابٌ" and trim("चंद्रमा।") == "चंद्रमा"  # (a final mark is the word's, the danda is not)


def test_greek_final_sigma_and_turkish_dotted_i_are_one_letter_with_their_lower_case() -> None:
    """Σ lower-cases as σ or ς by what follows it: ΣΕΛΗΝΗΣ, Σελήνης and σεληνησ are one word. İ is i (both languages
    lower-case it as i and a combining dot)."""
    assert fold("ΣΕΛΗΝΗΣ Σελήνης σελήνησ Σ") == "σεληνησ σελήνησ σελήνησ σ"
    assert fold("İstanbul ISTANBUL İSTANBUL I\u0307") == "istanbul istanbul istanbul i"


def test_han_and_kana_are_indexed_as_overlapping_pairs() -> None:
    assert cjk_parts("嫦娥六号从月球背面带回样品") == [
        "嫦娥",
        "娥六",
        "六号",
        "号从",
        "从月",
        "月球",
        "球背",
        "背面",
        "面带",
        "带回",
        "回样",
        "样品",
    ]
    assert cjk_parts("長征5号") == ["長征", "5", "号"]  # (no pair across a change of script: it was the term "5" alone)
    assert cjk_parts("リュウグウ") == ["リュ", "ュウ", "ウグ", "グウ"] and cjk_parts("はやぶさ2") == ["はや", "やぶ", "ぶさ", "2"]
    assert cjk_parts("「嫦娥」，nasa") == ["嫦娥", "nasa"] and cjk_parts("月") == ["月"] and cjk_parts("𠀋𠀌") == ["𠀋𠀌"]
    assert _terms("spacex的星舰") == ["spacex", "的星", "星舰"] and _terms("the月球") == ["月球"]  # (the: a stop word)
    counts, length = analyze("嫦娥六号从月球背面带回样品。 長征5号 月球", LANGUAGES)
    assert counts["月球"] == 2 and "5" in counts and length == 12 + 3 + 1  # (each pair counts, as lunr.Pipeline spreads them)
    assert list(counts)[:3] == ["嫦娥", "娥六", "六号"]  # (in order of first occurrence)


def test_an_article_in_chinese_has_its_tags_and_title_as_pairs() -> None:
    terms = article_terms("zh", "嫦娥六号从月球背面带回样品", ["航天"], "中国国家航天局宣布。", SearchConfig())["fields"]
    assert terms["tags"][0] == "航天" and "月球" in terms["title"][0].split() and "航天" in terms["body"][0].split()


def test_the_index_pipeline_makes_the_terms_lunr_js_and_search_js_make() -> None:
    """Each token's terms, by analysis.py and by lunr.js's pipeline with search.js's trimmer and pairs (`cjkPairs`)."""
    tokens = [t for text in TOKENS for t in tokenize(text)]
    tokens += [f"{t}," for t in tokens] + [f"「{t}」" for t in tokens]
    js = _node({"tokens": tokens})["terms"]
    differ = [(t, _terms(t), j) for t, j in zip(tokens, js, strict=True) if _terms(t) != j]
    assert not differ[:20], f"{len(differ)} of {len(tokens)} tokens differ (token, python, lunr.js)"


def test_the_tokenizer_and_fold_match_lunr_js_and_search_js_for_every_script() -> None:
    text = " ".join(TOKENS)
    assert tokenize(text) == _node({"texts": [fold(text)]})["texts"][0]
    assert folded_by_search_js(TOKENS) == [fold(t) for t in TOKENS]


def test_a_query_word_is_the_terms_the_index_holds_for_it_each_required() -> None:
    """The page reads a query word as its terms in the index: a word of Han or kana as all its pairs, each required (as
    a hyphenated МС-21's parts), under a field and after a minus too; a word of another script as written. A lone
    character of Han or kana is a prefix: the text holds it first in a pair (長征5号 in 長征5号火箭 is 長征 5 号火)."""
    words = [
        "月球",
        "嫦娥六号",
        "SpaceX的星舰",
        "「航天」",
        "l’月球",
        "NASA’s月球",
        "リュウグウ",
        "المريخ",
        "ΣΕΛΗΝΗΣ",
        "הירח",
        "누리호는",
        "İstanbul",
        "ǅ",
    ]
    asked = ["title:嫦娥六号", "-嫦娥六号", "+月球背面 -長征5号", "月球背*", "月", "月*", "航天^3", "長征5号", "title:月"]
    queries = _node({"queries": words + asked})["queries"]
    for word, clauses in zip(words, queries, strict=False):
        expected = [["required" if len(_terms(fold(word))) > 1 else "optional", "", [t]] for t in _terms(fold(word))]
        assert clauses == expected, word
    assert queries[len(words) :] == [
        [["required", "title", ["嫦娥"]], ["required", "title", ["娥六"]], ["required", "title", ["六号"]]],
        [["prohibited", "", ["嫦娥"]], ["prohibited", "", ["娥六"]], ["prohibited", "", ["六号"]]],
        [["required", "", ["月球"]], ["required", "", ["球背"]], ["required", "", ["背面"]],
         ["prohibited", "", ["長征"]], ["prohibited", "", ["5"]], ["prohibited", "", ["号*"]]],
        [["required", "", ["月球"]], ["required", "", ["球背*"]]],
        [["optional", "", ["月*"]]],
        [["optional", "", ["月*"]]],
        [["optional", "", ["航天"]]],
        [["required", "", ["長征"]], ["required", "", ["5"]], ["required", "", ["号*"]]],
        [["optional", "title", ["月*"]]],
    ]  # fmt: skip


def test_a_tokens_pairs_are_counted_one_by_one_when_the_memos_are_emptied_midway(monkeypatch: pytest.MonkeyPatch) -> None:
    """The term memos are emptied when full: a token of Han or kana met again after that still counts its pairs."""
    from ssg.search import analysis

    monkeypatch.setattr(analysis, "_CACHE_LIMIT", 3)
    for text in ["嫦娥六号 月球背面 a b c 嫦娥六号 x y z 月球背面", "月球背面, 嫦娥六号. d e f"] * 3:
        counts, _ = analyze(text, LANGUAGES)
        assert all(isinstance(term, str) for term in counts) and counts["月球"] >= 1, counts


# Clippings as Telegram channels write them, units and formulas, stressed Russian: Latin and Cyrillic words as they were
# before every script's marks were word characters.
PASTED = ["⚡️Роскосмос сообщил", "❗️Срочно", "Роскосмос⚡️", "🔥Роскосмос", "1️⃣ ракета", "площадь 5 км², CO₂", "H₂O",
          "Москва́", "Мо́сква, Ро́скосмос", "кафе\u0301", "北\U000e0100京", "☎︎ NASA", "月\u0301球", "月，\u0301abc\u0301", "か\u3099\u0301"]  # fmt: skip


def test_an_emojis_selector_a_superscript_and_a_stress_mark_are_not_part_of_a_word() -> None:
    """A reviewer's finding: U+FE0F after an emoji counted as a word character (a combining mark), so `⚡️Роскосмос
    сообщил` indexed "\\ufe0fроскосмос" and `Роскосмос` did not find it; км² and CO₂ were whole terms (`км` did not find
    км²); Москва́ kept its stress mark and was not stemmed. The index and the page read such text alike."""
    terms = [sorted(analyze(text, LANGUAGES)[0]) for text in PASTED]
    assert terms[:8] == [
        ["роскосмос", "сообщ"], ["срочн"], ["роскосмос"], ["роскосмос"], ["1", "ракет"], ["5", "co", "км", "площад"],
        ["h₂o"], ["москв"],  # (inside a word it stays, as it did)
    ]  # fmt: skip
    assert terms[8] == ["москв", "роскосмос"] and terms[10] == ["北京"] and terms[11] == ["nasa"]
    tokens = [t for text in PASTED for t in tokenize(fold(text))]
    assert _node({"tokens": tokens})["terms"] == [_terms(t) for t in tokens]
    queries = _node({"queries": PASTED[:12]})["queries"]  # (the others: marks among Han, the pipelines alike)
    for text, clauses in zip(PASTED[:12], queries, strict=True):
        assert {t for _, _, ts in clauses for t in ts} - {""} <= set(analyze(text, LANGUAGES)[0]), text


def test_search_js_has_the_kana_and_the_han_of_python() -> None:
    """Kana was defined four ways (scripts' slugs, the index's pairs, search.js's copy, `regex`'s script data): one in
    Python (scripts.KANA, which analysis.CJK_CHARACTERS is built on), and search.js's copy is it."""
    from ssg.scripts import KANA
    from ssg.search.analysis import CJK_CHARACTERS

    script = "const s = require(process.argv[1]); process.stdout.write(JSON.stringify([s.KANA, s.CJK_CHARACTERS]));"
    search_js = str(HERE.parent / "themes" / "default" / "static" / "assets" / "search.js")
    done = subprocess.run(["node", "-e", script, search_js], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [KANA, CJK_CHARACTERS] and KANA in CJK_CHARACTERS


def test_a_pasted_chinese_sentence_requires_about_half_its_pairs() -> None:
    """A reviewer's finding: each overlapping pair of a pasted sentence was a required term, so one of 40 characters
    asked for 39 terms (as many shards) and one of 50 was refused as too broad. Of a run longer than a typed word (8),
    the pairs that hold each character, every other one and the last, are required: about half, and at most 16 of a
    word (a 300-article archive: a paste of 40 characters loaded 31 files, now 18; one of 80 was refused, now 17). A
    typed word's are all (背面月球 is not found in 月球背面)."""
    sentence = "嫦娥六号从月球背面带回样品中国国家航天局宣布任务圆满成功科学家将开展研究工作并公布结果"
    clauses = _node({"queries": [sentence, sentence[:9], sentence[:8]]})["queries"]
    assert len(sentence) == 43 and len(clauses[0]) == 16 and all(presence == "required" for presence, _, _ in clauses[0])
    assert clauses[0][0][2] == ["嫦娥"] and clauses[0][-1][2] == ["结果"]  # (at most 16, evenly spread: MOST_PASTED)
    half = _node({"queries": [sentence[:31]]})["queries"][0]
    assert len(half) == 16 and {c for _, _, ts in half for c in ts[0]} == set(sentence[:31])  # (every character)
    assert [ts[0] for _, _, ts in clauses[1]] == ["嫦娥", "六号", "从月", "球背", "背面"]
    assert len(clauses[2]) == 7  # (a word's: all its pairs)


def test_the_index_parts_a_token_of_han_by_the_one_function_the_tests_read() -> None:
    """cjk_parts was used by tests alone while the index ran a copy of its loop (`_TermCache._parts`): the index's terms
    of a token are cjk_parts' with each other word stemmed (the stop words gone)."""
    from ssg.search.analysis import _token_cache

    cache = _token_cache(LANGUAGES)
    for token in ["spacex的星舰", "the月球", "rockets的月球背面", "長征5号"]:
        assert _terms(token) == cjk_parts(token, cache._term)
