"""The search page in Chromium, on a generated archive with a few known articles added.

The site is served under a sub-path (/sub/archive/) by a local HTTP server, and opened from disk
too. Each test starts from a fresh page, so the network log shows what one query downloads.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from ssg.search import codec
from ssg.search.analysis import term_of
from ssg.search.writer import FORMAT

from .conftest import served

REPO = Path(__file__).resolve().parent.parent

ARTICLES = {
    "2024/raketa.md": ("Новая ракета прошла огневые испытания", "2024-05-20T10:00:00+03:00", "ru", "[Роскосмос]",
                       "Новая ракета лёгкого класса прошла огневые испытания на стенде. Ракета выведет спутники на орбиту."),
    "2024/gruz.md": ("Ракета доставила груз на станцию", "2024-05-23T10:00:00+03:00", "ru", "[МКС]",
                     "Ракета «Союз» вывела на орбиту грузовой корабль с топливом для экипажа."),
    "2024/samolet.md": ("Самолёт МС-21 поднялся в небо", "2024-05-21T10:00:00+03:00", "ru", "[ОАК]",
                        "Пассажирский самолёт совершил полёт продолжительностью полтора часа."),
    "2024/rocket.md": ("Rocket engine passes its first firing test", "2024-05-22T10:00:00+00:00", "en", "[Roscosmos]",
                       "The new rocket engine fired for ninety seconds. Engineers say the rockets will carry satellites."),
    # Possessives only, one with ' and one with ’ (the generated articles say "European", never "Europe").
    "2024/ariane.md": ("Ariane 6 lifts Europe's weather satellite", "2024-05-24T10:00:00+00:00", "en", "[ESA]",
                       "The launcher carried Europe's new weather satellite to orbit."),
    "2024/kepler.md": ("Astronomers confirm Kepler’s last planets", "2024-05-25T10:00:00+00:00", "en", "[NASA]",
                       "Europe’s and NASA’s astronomers confirmed the telescope’s candidates."),
    # What readers paste and quote (a new user's trial): a name with a number, an address.
    "2024/soyuz.md": ("«Союз МС-17» вернулся на Землю", "2024-05-26T10:00:00+03:00", "ru", "[Роскосмос]",
                      "Экипаж корабля «Союз МС-17» приземлился в Казахстане, сообщает https://tass.ru/kosmos со ссылкой на Роскосмос."),
    # Pasted from a news site with its soft hyphens (&shy;) and a zero-width space inside words (a keeper's trial).
    "2024/plesetsk.md": ("Спутник стартовал с Пле\u00adсецка", "2024-05-27T10:00:00+03:00", "ru", "[Минобороны]",
                         "Спутник запустил космо\u00adдром Пле\u00adсецк в Архан\u200bгельской области, пишет «Коммерсантъ»."),
    # A name only in its other cases (the generated articles name Газпром in the nominative; Росатом in none).
    "2024/gazprom.md": ("Акции выросли на бирже", "2024-05-28T10:00:00+03:00", "ru", "[]",
                        "Совет директоров Газпрома одобрил сделку с Росатомом, а акционеры Газпрома её поддержали."),
    # Dashes other than the hyphen inside words, as Russian typography writes them (a reader's trial): an en dash in a
    # range, a non-breaking hyphen in a name.
    "2024/plan.md": ("Программа на 2031–2035 годы утверждена", "2024-05-29T10:00:00+03:00", "ru", "[]",
                     "В программу вошли самолёты Ту‑214 и ракета «Ангара–А5»."),
}  # fmt: skip


def _article(title: str, date: str, lang: str, tags: str, body: str) -> str:
    return f"---\ntitle: {title}\ndate: {date}\nlang: {lang}\ntags: {tags}\nsource: {{name: Wire, url: https://example.com/x}}\n---\n\n{body}\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated archive plus ARTICLES, built into <www>/sub/archive/; returns that folder."""
    project = tmp_path_factory.mktemp("project")
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), str(project), "--articles", "200", "--seed", "3", "--force"],
                   check=True, capture_output=True)  # fmt: skip
    for name, fields in ARTICLES.items():
        (project / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "content" / name).write_text(_article(*fields), encoding="utf-8")
    out = tmp_path_factory.mktemp("www") / "sub" / "archive"
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    subprocess.run([sys.executable, "-m", "ssg", "build", "-o", str(out)], cwd=project, env=env, check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    with served(site.parent.parent) as root:
        yield root + "sub/archive/"


class SearchPage:
    """A fresh page with its network log and JavaScript errors."""

    def __init__(self, browser: object):
        self.page = browser.new_page()  # type: ignore[attr-defined]
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, url: str) -> SearchPage:
        self.page.goto(url)
        return self

    def wait_done(self) -> str:
        self.page.wait_for_function("() => { const s = document.getElementById('search-status');"
                                    " return s && s.textContent && !document.getElementById('search-page').hasAttribute('aria-busy'); }")  # fmt: skip
        return self.page.locator("#search-status").text_content() or ""

    def titles(self) -> list[str]:
        return self.page.locator(".search-hit__title a").all_text_contents()

    def langs(self) -> list[str]:
        return self.page.locator(".search-hit__lang").all_text_contents()

    def type(self, query: str) -> str:
        box = self.page.locator("#search-page-q")
        box.fill("")
        box.type(query)
        self.page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=query)
        return self.wait_done()

    def submit(self, query: str) -> str:
        """The query typed and Enter pressed at once (no search as it is typed)."""
        box = self.page.locator("#search-page-q")
        box.fill(query)
        box.press("Enter")
        self.page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=query)
        return self.wait_done()

    def shard_requests(self) -> set[str]:
        return {u.split("/search/")[1].split("?")[0] for u in self.requests if "/search/t/" in u}


@pytest.fixture
def page(browser: object) -> Iterator[SearchPage]:
    p = SearchPage(browser)
    yield p
    assert not p.errors, p.errors
    p.page.close()


def _search_url(base: str, query: str) -> str:
    return f"{base}search/?q={quote(query)}"


def test_an_inflected_russian_form_finds_the_other_forms(page: SearchPage, server: str) -> None:
    page.open(_search_url(server, "ракеты"))
    assert "found" in page.wait_done()
    assert {"Новая ракета прошла огневые испытания", "Ракета доставила груз на станцию"} <= set(page.titles())
    assert page.page.locator("#search-page-q").input_value() == "ракеты"  # the deep link filled the box
    assert page.page.locator(".search-hit__lead mark").first.text_content().lower() == "ракета"


def test_yo_and_ye_are_the_same_letter(page: SearchPage, server: str) -> None:
    page.open(_search_url(server, "самолет"))
    page.wait_done()
    assert "Самолёт МС-21 поднялся в небо" in page.titles()
    assert page.type("САМОЛЁТ") and "Самолёт МС-21 поднялся в небо" in page.titles()


def test_one_box_finds_english_and_russian(page: SearchPage, server: str) -> None:
    page.open(server + "search/")
    page.type("rockets")
    hits = dict(zip(page.titles(), page.langs(), strict=True))
    assert hits["Rocket engine passes its first firing test"] == "English"
    page.type("ракета")
    hits = dict(zip(page.titles(), page.langs(), strict=True))
    assert hits["Ракета доставила груз на станцию"] == hits["Новая ракета прошла огневые испытания"] == "Russian"


def test_a_word_finds_its_possessive_with_either_apostrophe(page: SearchPage, server: str) -> None:
    ariane, kepler = ARTICLES["2024/ariane.md"][0], ARTICLES["2024/kepler.md"][0]
    page.open(_search_url(server, "Europe"))
    page.wait_done()
    assert {ariane, kepler} <= set(page.titles())
    marks = page.page.locator(".search-hit__lead mark").all_text_contents()
    assert {"Europe's", "Europe’s"} <= set(marks)  # the lead marks both spellings
    for query in ("europe's", "Europe’s", "EUROPE’S"):
        page.type(query)
        assert {ariane, kepler} <= set(page.titles()), query
    assert page.type("Kepler") and page.titles() == [kepler]
    assert page.type("title:kepler's") and page.titles() == [kepler]


def test_field_scope_and_exclusion(page: SearchPage, server: str) -> None:
    page.open(_search_url(server, "ракета -испытания"))
    page.wait_done()
    titles = page.titles()
    assert "Ракета доставила груз на станцию" in titles
    assert "Новая ракета прошла огневые испытания" not in titles
    page.type("title:самолет")
    assert page.titles() == ["Самолёт МС-21 поднялся в небо"]
    page.type("Title:самолет")  # (a field in capitals is the field: lunr said there was none)
    assert page.titles() == ["Самолёт МС-21 поднялся в небо"]
    page.type("tags:мкс")
    assert "Ракета доставила груз на станцию" in page.titles()
    # The outlet's name, which the text does not hold (found by a new user's trial: "Интерфакс" found nothing).
    assert page.type("source:wire") and set(page.titles()) == {fields[0] for fields in ARTICLES.values()}
    assert page.type("Wire") and set(page.titles()) == {fields[0] for fields in ARTICLES.values()}
    assert set(page.page.locator(".search-hit__source").all_text_contents()) == {"Wire"}  # each hit names it
    # ... and links its page, as the article's source line does (the name was plain text)
    links = page.page.eval_on_selector_all(".search-hit__source", "els => els.map(e => [e.tagName, e.href])")
    assert {tuple(link) for link in links} == {("A", server + "sources/wire/")}  # (under the site's sub-path)


def test_a_query_downloads_only_the_shards_it_needs(page: SearchPage, server: str, site: Path) -> None:
    text = (site / "search" / "index.js").read_text(encoding="utf-8")
    bounds = json.loads(text[text.index(",") + 1 : text.rindex(")")])["shards"].split("\n")
    term = term_of(("en", "ru"))
    expected = {f"t/{codec.shard_name(max((b for b in bounds if b <= term(w)), key=codec.utf16_key))}.js" for w in ("ракеты", "rockets")}
    page.open(_search_url(server, "ракеты rockets"))
    page.wait_done()
    assert page.shard_requests() == expected
    assert len(bounds) > len(expected)
    before = len(page.requests)
    page.type("ракета")  # same term: nothing more to load but the result chunks
    assert page.shard_requests() == expected
    # (and the site's build, asked anew where the last look is more than 2 s old: `current` in search.js)
    assert all("/search/d/" in u or "/search/build.js?t=" in u for u in page.requests[before:] if "/search/" in u)


def test_a_search_tab_open_while_the_site_is_built_again_finds_what_the_new_build_holds(page: SearchPage, tmp_path: Path) -> None:
    """A search trial: a tab open while the site was built again (or a manifest a browser kept, index.js having no
    `?v=`) loaded the new build's shards and result chunks by the old manifest's names, and showed articles without the
    word ("ракета" found "Crew Dragon launches ..."), or "the search index could not be loaded". The page asks the site's
    build (build.js) before it loads a file, and starts over with the new manifest where it changed."""
    project = tmp_path / "project"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), str(project), "--articles", "200", "--seed", "5", "--force"],
                   check=True, capture_output=True)  # fmt: skip
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))

    def built(extra: dict[str, tuple[str, str, str, str, str]], out: Path) -> Path:
        for path, fields in {**ARTICLES, **extra}.items():
            (project / "content" / path).parent.mkdir(parents=True, exist_ok=True)
            (project / "content" / path).write_text(_article(*fields), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "ssg", "build", "-o", str(out)], cwd=project, env=env, check=True, capture_output=True)
        return out

    older = {  # (older than every article: every document's number moves)
        f"2000/staraya-{n}.md": (
            f"Старая заметка {n}",
            f"2000-01-{n + 10}T10:00:00+03:00",
            "ru",
            "[]",
            "Самолёт и ракета в старой заметке.",
        )
        for n in range(12)
    }
    before, after = built({}, tmp_path / "before"), built(older, tmp_path / "after")
    www = tmp_path / "www"
    shutil.copytree(before, www / "archive")
    with served(www) as root:
        page.open(_search_url(root + "archive/", "rockets"))
        assert "found" in page.wait_done()
        shutil.copytree(after, www / "archive", dirs_exist_ok=True)  # (built again, and copied to the server)
        page.page.wait_for_timeout(2100)  # (the page's last look at the build is older than it asks again)
        page.type("title:заметка")
        titles = page.titles()
        assert set(titles) <= {fields[0] for fields in older.values()}, titles  # (the old code's: other articles' titles)
        assert len(titles) == 10 and "12" in (page.page.locator("#search-status").text_content() or "")


def test_a_query_of_nothing_to_look_for_is_no_search(page: SearchPage, server: str) -> None:
    """A search trial: `""`, `«»` or a zero-width space alone listed the whole archive ("2,000 articles found")."""
    for query in ('""', "«»", "\u200b"):
        page.open(_search_url(server, query))
        page.page.wait_for_function("() => !document.getElementById('search-page').hasAttribute('aria-busy')")
        page.page.wait_for_timeout(300)
        assert page.titles() == [] and not (page.page.locator("#search-status").text_content() or "").strip(), query


def test_a_query_of_too_many_words_says_so_not_to_drop_a_star(page: SearchPage, server: str, site: Path) -> None:
    """A search trial: a lead pasted whole (50 words) was told "put a few letters before * or drop the ~", which it
    had neither of."""
    text = (site / "search" / "index.js").read_text(encoding="utf-8")
    bounds = [b for b in json.loads(text[text.index(",") + 1 : text.rindex(")")])["shards"].split("\n") if b.isalpha()]
    assert len(bounds) > 40  # (each word in a shard of its own)
    page.open(_search_url(server, " ".join(bounds[:40])))
    assert page.wait_done().startswith("This query has too many words to look up at once")


def test_a_slow_look_at_the_build_is_shared_and_every_search_ends(page: SearchPage, site: Path) -> None:
    """A second reading: where build.js took longer than the 2 s a look holds for, the next query asked it again, the
    page's one waiting load per file gave the first answer to the second ask, and the first query's files (and every
    later query needing them) waited for ever ("Searching…")."""
    import functools
    import threading
    import time
    from http.server import ThreadingHTTPServer

    from .conftest import _QuietHandler

    class Slow(_QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 - the base class's name
            if "/search/build.js" in self.path:
                time.sleep(3)
            super().do_GET()

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Slow, directory=str(site.parent.parent)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        root = f"http://127.0.0.1:{httpd.server_address[1]}/sub/archive/"
        page.open(root + "search/")
        box = page.page.locator("#search-page-q")
        box.fill("ракета")
        page.page.wait_for_timeout(2300)  # (its look at the build under way, and older than 2 s)
        box.fill("rockets")
        page.page.wait_for_timeout(1500)
        box.fill("ракета")
        page.page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg="ракета")
        page.page.wait_for_function(
            "() => !document.getElementById('search-page').hasAttribute('aria-busy') && document.querySelectorAll('.search-hit').length",
            timeout=15000,
        )
        assert "Ракета доставила груз на станцию" in page.titles()
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_file_no_answer_comes_for_fails_and_the_next_query_asks_again(page: SearchPage, site: Path) -> None:
    """A shard asked as a phone's link dropped never answered: "Searching…" for ever, on that query and on every later
    one needing it, whose load waited on the first (a trial of slow networks). After LOAD_TIMEOUT it fails as a file that
    cannot be loaded does, and the next query asks again."""
    import threading

    from .conftest import _QuietHandler, served

    answering = threading.Event()

    class Stalling(_QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 - the base class's name
            if "/search/t/" in self.path and not answering.is_set():
                answering.wait(120)  # (no answer, until the test lets it go)
                return
            super().do_GET()

    with served(site.parent.parent, Stalling) as root:
        try:
            page.page.clock.install()
            page.page.set_default_timeout(10000)  # (less than the stalled answer's wait)
            page.open(root + "sub/archive/search/")
            box = page.page.locator("#search-page-q")
            box.fill("ракета")
            box.press("Enter")
            page.page.wait_for_function("() => document.getElementById('search-page').hasAttribute('aria-busy')")
            for _ in range(100):  # (until the shard is asked)
                if page.shard_requests():
                    break
                page.page.wait_for_timeout(100)
            assert page.shard_requests()
            page.page.clock.fast_forward(21000)
            assert "could not be loaded" in page.wait_done()
            answering.set()
            box.press("Enter")
            page.page.wait_for_function("() => document.querySelectorAll('.search-hit').length")
            assert "Ракета доставила груз на станцию" in page.titles()
        finally:
            answering.set()  # (a stalled answer ends with the test)


def test_back_goes_to_the_search_before_and_forward_again(page: SearchPage, server: str) -> None:
    """A search trial: each search replaced the history entry of the one before, so Back after "ракета", then
    "rockets", left the search page. A search whose hits stood a moment keeps its entry; the keys typed for the next
    one replace each other's."""
    page.open(server + "search/")
    page.type("ракета")
    first = set(page.titles())
    page.page.wait_for_timeout(1300)  # (read a moment: the history keeps it)
    page.type("rockets")
    second = set(page.titles())
    assert first and second and first != second
    page.page.go_back()
    page.page.wait_for_function("() => document.getElementById('search-page-q').value === 'ракета'")
    page.wait_done()
    assert set(page.titles()) == first and "q=%D1%80" in page.page.url
    page.page.go_forward()
    page.page.wait_for_function("() => document.getElementById('search-page-q').value === 'rockets'")
    page.wait_done()
    assert set(page.titles()) == second
    # A link within the page (the skip link's #main) is a history entry too: the search on screen stays (a second
    # reading: it was run again, and the hits "More results" had added went).
    if page.page.locator("#search-more:not([hidden])").count():
        page.page.click("#search-more")
        page.page.wait_for_function("() => document.querySelectorAll('.search-hit').length > 10")
    count = len(page.titles())
    page.page.evaluate("location.hash = 'main'")
    page.page.go_back()
    page.page.wait_for_timeout(500)
    assert len(page.titles()) == count and page.page.locator("#search-page-q").input_value() == "rockets"


def test_works_from_disk(page: SearchPage, site: Path) -> None:
    page.open((site / "search" / "index.html").as_uri() + "?q=" + quote("ракета"))
    page.wait_done()
    assert "Ракета доставила груз на станцию" in page.titles()
    href = page.page.locator(".search-hit__title a").first.get_attribute("href")
    assert href.endswith("/index.html")  # a folder URL shows a file listing on disk


def test_messages_for_no_match_and_syntax_errors(page: SearchPage, server: str) -> None:
    page.open(server + "search/")
    # (found by a new user's trial: nothing said what to try, and a common word the index leaves out "matched nothing")
    assert (
        page.type("zzqxvvy") == "Nothing matches “zzqxvvy”. Check the spelling, try fewer words, or the start of a word with * (launch*)."
    )
    assert page.type("и в").startswith("“и в” has only words too common to search for")
    assert page.type("И").startswith("“И” has only words too common")
    # lunr's own words ("expecting term, found nothing") say neither what is wrong in this query nor what would be right
    assert page.submit("title:") == "The query has a syntax error: a word is missing after the last +, - or field (title:moon, +moon)."
    assert (
        page.type("nosuchfield:word")
        == "The query has a syntax error: there is no field “nosuchfield”; use title:word, tags:word, source:word or body:word."
    )
    assert page.type("moon~x") == "The query has a syntax error: put a number after ~ or ^ (moon~1, moon^2)."
    # (found by a new user's trial: lunr's token names, in English on every page)
    assert page.type("title:-moon") == "The query has a syntax error: + and - go right before a word or a field (+moon, -title:moon)."
    assert page.type("^2") == "The query has a syntax error: ^ and ~ go right after a word (moon^2, moon~1)."
    assert page.type("title:moon:x") == "The query has a syntax error: one field for a word (title:moon)."
    assert page.type(":moon") == "The query has a syntax error: a field's name goes before the colon (title:moon)."
    assert page.titles() == []


def test_a_query_typed_up_to_its_next_word_keeps_the_search_before(page: SearchPage, server: str) -> None:
    """A reader's trial: typing title:Маск said "a word is missing after the last +, - or field" as soon as title: was
    typed, and Маск - likewise: a syntax error flashed while the query was only unfinished."""
    page.open(server + "search/")
    found = page.type("ракета")
    shown = page.titles()
    page.page.evaluate("""() => {
        window.statuses = [];
        const status = document.getElementById('search-status');
        new MutationObserver(() => window.statuses.push(status.textContent)).observe(status, {childList: true, characterData: true, subtree: true});
    }""")  # fmt: skip
    box = page.page.locator("#search-page-q")
    box.press_sequentially(" title:Союз -", delay=300)  # (slower than the search as you type: it runs at each key)
    page.page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'ракета title:Союз '")
    narrowed = page.wait_done()
    page.page.wait_for_timeout(800)  # (the search of "ракета title:Союз -" would have run by now)
    statuses = page.page.evaluate("() => window.statuses")
    assert statuses and not [s for s in statuses if "syntax error" in s], statuses
    assert page.page.evaluate("() => new URLSearchParams(location.search).get('q')") == "ракета title:Союз "  # (the last search)
    assert page.page.locator("#search-status").text_content() == narrowed and narrowed != found and page.titles()
    box.fill("ракета title:")
    page.page.wait_for_timeout(800)
    assert page.page.locator("#search-status").text_content() == narrowed  # (a field typed: the search before stays)
    box.press("Enter")  # Enter says what is missing, as a loaded ?q= does
    missing = "The query has a syntax error: a word is missing after the last +, - or field (title:moon, +moon)."
    page.page.wait_for_function("t => document.getElementById('search-status').textContent === t", arg=missing)
    assert page.titles() == []
    page.open(_search_url(server, "ракета -"))
    assert page.wait_done() == missing
    assert shown


def test_queries_typed_as_in_other_search_boxes(page: SearchPage, server: str) -> None:
    """Found by a new user's trial: quotes, +word+word, a pasted address and a Latin look-alike letter each
    found the wrong articles, nothing, or a syntax error."""
    soyuz, gruz = ARTICLES["2024/soyuz.md"][0], ARTICLES["2024/gruz.md"][0]
    page.open(server + "search/")
    assert '"two words" to require' in (page.page.locator("#search-help").text_content() or "")  # the page tells it
    page.type("Союз МС")  # any of the words: МС-21 and the other Союз too
    assert {soyuz, gruz, ARTICLES["2024/samolet.md"][0]} <= set(page.titles())
    assert page.type("Союз МС-17") == "1 article found" and page.titles() == [soyuz]  # (МС-17's parts both, as quoted)
    for quoted in ('"Союз МС-17"', "«Союз МС-17»", "“союз мс-17”"):  # every word in the quotes: the one article
        assert page.type(quoted) == "1 article found" and page.titles() == [soyuz], quoted
    # The words are marked, not the quotes around them (they were: "«Союз", "17»")
    assert page.page.locator(".search-hit__lead mark").all_text_contents() == ["Союз", "МС", "17"]
    assert page.type("+ракета+груз") == "1 article found" and page.titles() == [gruz]  # was one word "ракета+груз"
    assert page.type("https://tass.ru/kosmos") == "1 article found" and page.titles() == [soyuz]  # was the field "https"
    page.type("Роскосмос")
    cyrillic = page.titles()
    assert soyuz in cyrillic
    assert page.type("Роскосмоc") and page.titles() == cyrillic  # its last letter a Latin c
    assert page.type("C++") and page.titles() == []  # (a plus after a plus is no word of its own)


def test_a_pasted_clippings_soft_hyphens_do_not_hide_its_words(page: SearchPage, server: str) -> None:
    """A keeper's trial: a clipping pasted with the news site's soft hyphens (космо&shy;дром) was found by no word
    they split, and a query pasted from such a page found nothing either."""
    plesetsk = ARTICLES["2024/plesetsk.md"][0]
    page.open(_search_url(server, "космодром Плесецк"))
    page.wait_done()
    assert page.titles()[:1] == [plesetsk]
    assert page.page.locator(".search-hit__lead mark").all_text_contents() == ["космо\u00adдром", "Пле\u00adсецк"]
    for query in ("title:Плесецк", "+Архангельской +космодром", "космо\u00adдром\u200b"):
        assert page.type(query) == "1 article found" and page.titles() == [plesetsk], query


def test_an_outlets_old_spelling_is_found_as_readers_type_it(page: SearchPage, server: str) -> None:
    """A keeper's trial: Коммерсант, as readers type the outlet's name, found none of the clippings naming Коммерсантъ
    (the stemmer keeps the final hard sign), nor did коммерсанта."""
    plesetsk = ARTICLES["2024/plesetsk.md"][0]
    page.open(_search_url(server, "Коммерсантъ"))
    found = page.wait_done()
    assert int(found.split()[0]) > 1  # (the generated archive's outlet, and the clipping naming it)
    assert page.type("Коммерсант") == found and page.type("коммерсанта") == found
    assert page.type("+коммерсант +космодром") == "1 article found" and page.titles() == [plesetsk]
    assert "Коммерсантъ" in page.page.locator(".search-hit__lead mark").all_text_contents()


def test_a_name_typed_in_the_nominative_finds_and_marks_its_other_cases(page: SearchPage, server: str) -> None:
    """A keeper's trial: the stemmer reads Газпром as a case ending on "газпр", so the name as people say it found none
    of the articles saying Газпрома, Газпромом, Газпроме (search.js's russianCases)."""
    gazprom = ARTICLES["2024/gazprom.md"][0]
    page.open(_search_url(server, "Газпром"))
    page.wait_done()
    assert gazprom in page.titles()
    lead = page.page.locator(".search-hit", has_text=gazprom).locator(".search-hit__lead mark").all_text_contents()
    assert lead == ["Газпрома", "Газпрома"]
    for query in ("Росатом", "+Росатом", "title:акции +Росатом", "Росатом -Роскосмос"):
        assert page.type(query) == "1 article found" and page.titles() == [gazprom], query
    assert page.page.locator(".search-hit__lead mark").all_text_contents() == ["Росатомом"]
    assert page.type("Росатом -Газпром") != "1 article found"  # (excluded by its other cases too)


def test_a_quoted_phrase_with_stop_words_finds_its_article(page: SearchPage, server: str) -> None:
    """A keeper's trial: a phrase a reader half remembers holds stop words ("Space news of the day", "испытания на
    стенде"), which the index leaves out; in quotes each word was required, those too, and it found nothing."""
    raketa, rocket = ARTICLES["2024/raketa.md"][0], ARTICLES["2024/rocket.md"][0]
    page.open(_search_url(server, '"прошла огневые испытания на стенде"'))
    assert page.wait_done() == "1 article found" and page.titles() == [raketa]
    assert page.type("«Испытания на стенде»") == "1 article found" and page.titles() == [raketa]
    assert page.type('"passes its first firing test"') == "1 article found" and page.titles() == [rocket]
    assert page.type('"The new rocket engine" -nonexistentword') == "1 article found" and page.titles() == [rocket]
    assert "too common to search for" in page.type('"и в на"')  # stop words only: said so, as unquoted


def test_a_word_with_a_hyphen_needs_each_of_its_parts(page: SearchPage, server: str) -> None:
    """A reader's trial: МС-21 listed every Союз МС (lunr parts the word at the hyphen, and a hit needed either part).
    Typed so, a name with a hyphen is read as in quotes: each part must be in a hit."""
    samolet, plan = ARTICLES["2024/samolet.md"][0], ARTICLES["2024/plan.md"][0]
    page.open(_search_url(server, "МС-21"))
    assert page.wait_done() == "1 article found" and page.titles() == [samolet]
    assert page.type("Ту-214") == "1 article found" and page.titles() == [plan]
    assert page.type("самолёт Ту–214") == "1 article found" and page.titles() == [plan]  # (самолёт: any hit may have it)
    assert len(page.type("МС")) and {samolet, ARTICLES["2024/soyuz.md"][0]} <= set(page.titles())  # (the word alone: any МС)


def test_a_dash_inside_a_word_parts_it_as_the_hyphen_does(page: SearchPage, server: str) -> None:
    """A reader's trial: an article saying 2031–2035 (an en dash) and Ту‑214 (a non-breaking hyphen) was found by neither
    2035 nor «Ту-214», and a query typed with such a dash («Ангара–А5», Ту—214) found nothing: lunr's tokenizer parts
    words at the hyphen only."""
    plan = ARTICLES["2024/plan.md"][0]
    page.open(_search_url(server, "2035"))
    assert page.wait_done() == "1 article found" and page.titles() == [plan]
    for query in ("title:2035", "«Ту-214»", '"Ту‑214"', "«Ангара–А5»", "+Ангара—А5 +2031", "+Ангара–А5"):
        assert page.type(query) == "1 article found" and page.titles() == [plan], query
    page.type("«Ангара-А5»")
    assert page.page.locator(".search-hit__lead mark").all_text_contents() == ["Ангара", "А5"]  # the words, not the dash


def test_a_hyphen_between_spaces_is_a_dash_not_an_exclusion(page: SearchPage, server: str) -> None:
    """A reader's trial: a headline pasted as a tab or a clipper gives it ("Ракета доставила груз на станцию - Wire")
    left out every article of the outlet, the article itself among them: lunr reads a hyphen before a word as -word,
    even with a space between. As in other search boxes, only a - (or +) written onto a word is one."""
    gruz = ARTICLES["2024/gruz.md"][0]
    page.open(_search_url(server, f"{gruz} - Wire"))
    page.wait_done()
    assert page.titles()[:1] == [gruz]
    assert page.type("груз + ракета") and gruz in page.titles()
    assert page.type("груз -wire") and gruz not in page.titles()  # (written onto the word: excluded, as before)


def test_a_whole_word_with_a_star_finds_that_word(page: SearchPage, server: str) -> None:
    """A reader's trial: ракета* and Ракета* found nothing, rockets* nothing, though ракета and rockets find their
    articles: lunr matches a starred prefix against the index's terms as typed, and the stemmer had cut the word shorter
    (ракета is the term "ракет", rockets "rocket"). The page said to try the start of a word with *, which was done."""
    raketa, gruz, rocket = (ARTICLES[name][0] for name in ("2024/raketa.md", "2024/gruz.md", "2024/rocket.md"))
    page.open(_search_url(server, "ракета*"))
    page.wait_done()
    assert {raketa, gruz} <= set(page.titles())
    assert "Ракета" in page.page.locator(".search-hit__lead mark").all_text_contents()
    assert page.type("Ракета*") and {raketa, gruz} <= set(page.titles())
    assert page.type("rockets*") and rocket in page.titles()
    for query in ("+ракета* +груз", "+груз title:ракета*"):
        assert page.type(query) == "1 article found" and page.titles() == [gruz], query
    assert gruz not in page.type("+груз -ракета*") + " ".join(page.titles())  # (left out, as by -ракета)
    assert page.type("ракет*") and {raketa, gruz} <= set(page.titles())  # (a stem as typed: as before)


def test_back_from_a_hit_shows_the_hits_that_were_shown(page: SearchPage, server: str) -> None:
    """Found by a new user's trial: after "More results" and a hit, Back showed the first ten hits only."""
    page.open(_search_url(server, "Roscosmos"))
    assert int(page.wait_done().split()[0]) > 10
    page.page.locator("#search-more").click()
    page.page.wait_for_function("() => document.querySelectorAll('.search-hit').length > 10")
    shown = page.page.locator(".search-hit").count()
    page.page.locator(".search-hit__title a").nth(shown - 1).click()
    page.page.wait_for_url("**/20*/**")
    page.page.go_back()
    page.page.wait_for_function("n => document.querySelectorAll('.search-hit').length === n", arg=shown)
    page.page.wait_for_function("() => window.scrollY > 0")


def test_a_double_click_on_more_results_adds_one_page(page: SearchPage, server: str) -> None:
    """A second click on "More results" while the first one's hits loaded took the same ten results again: the page
    listed them twice. (Both clicks in one task here: the first's hits cannot have come before the second.)"""
    page.open(_search_url(server, "Roscosmos"))
    found = int(page.wait_done().split()[0])
    assert found > 20
    page.page.evaluate("() => { const more = document.getElementById('search-more'); more.click(); more.click(); }")
    page.page.wait_for_function("() => (history.state || {}).shown >= 20")  # (set once a page of hits is added)
    page.page.wait_for_function("() => document.activeElement.closest('.search-hit')")  # (the first added hit)
    titles = page.page.locator(".search-hit__title a").evaluate_all("links => links.map(a => a.href)")
    assert len(titles) == 20 and len(set(titles)) == 20


def test_keyboard_only(page: SearchPage, server: str) -> None:
    page.open(server + "search/")
    page.page.locator("#search-page-q").focus()
    page.page.keyboard.type("ракета")
    # Typed slowly (a loaded box), "рак" may be searched and shown before the last letters: wait for the whole word's
    # search, or ArrowDown focuses a hit that the search for "ракета" then replaces.
    page.page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg="ракета")
    page.wait_done()
    page.page.keyboard.press("ArrowDown")
    first = page.page.locator(".search-hit__title a").first
    assert first.evaluate("a => a === document.activeElement")
    page.page.keyboard.press("ArrowDown")
    page.page.keyboard.press("ArrowUp")
    assert first.evaluate("a => a === document.activeElement")
    page.page.keyboard.press("Enter")
    page.page.wait_for_url("**/2024/**")


def test_the_search_page_warns_of_nothing_in_the_console(browser: object, server: str) -> None:
    """A reader's trial: every search page printed lunr's "Overwriting existing registered function: ssg-trimmer-en-ru"
    in the browser's console, as search.js registered its trimmer once for planning and again for the search."""
    page = browser.new_page()  # type: ignore[attr-defined]
    told: list[str] = []
    page.on("console", lambda m: told.append(f"{m.type}: {m.text}") if m.type in ("warning", "error") else None)
    page.goto(_search_url(server, "ракета"))
    page.wait_for_function("() => /found/.test(document.getElementById('search-status').textContent)")
    page.close()
    assert told == []


def test_search_is_off_when_site_yaml_says_so(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "site.yaml").write_text("title: T\nbase_url: https://example.org/\nsearch: {enabled: false}\n", encoding="utf-8")
    (tmp_path / "content" / "a.md").write_text(_article(*ARTICLES["2024/rocket.md"]), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    subprocess.run(
        [sys.executable, "-m", "ssg", "build", "-o", str(tmp_path / "out")], cwd=tmp_path, env=env, check=True, capture_output=True
    )
    assert not (tmp_path / "out" / "search").exists()
    shutil.rmtree(tmp_path / "out")


def test_a_bilingual_site_searches_in_each_language(tmp_path: Path, page: SearchPage) -> None:
    """The search box of a Russian page leads to a Russian search page, which searches the one index (from disk too)."""
    (tmp_path / "content").mkdir()
    site_yaml = "title: T\nbase_url: https://example.org/\nlanguages: [en, ru]\n"
    (tmp_path / "site.yaml").write_text(site_yaml, encoding="utf-8")
    for name in ("2024/rocket.md", "2024/raketa.md"):
        (tmp_path / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "content" / name).write_text(_article(*ARTICLES[name]), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    subprocess.run([sys.executable, "-m", "ssg", "build", "-o", str(tmp_path / "out")], cwd=tmp_path, env=env, check=True)
    russian = next((tmp_path / "out" / "ru").rglob("raketa/index.html"))
    page.open(russian.as_uri())
    page.page.fill("#search-q", "ракета")
    page.page.press("#search-q", "Enter")
    page.page.wait_for_url("**/ru/search/**")
    status = page.wait_done()
    assert page.page.locator("html").get_attribute("lang") == "ru" and "Найден" in status
    assert page.titles() == [ARTICLES["2024/raketa.md"][0]]
    assert page.submit("title:") == "В запросе синтаксическая ошибка: после последнего +, - или поля нужно слово (title:луна, +луна)."
    assert "поля «lang» нет" in page.type("lang:ru")  # no English on the Russian page
    # The language switch leads to the English search page, with the query (found by a new user's trial: it led to /en/).
    page.type("rocket")
    page.page.click(".lang-switch a[hreflang=en]")
    # (The English page's address exactly: **/search/index.html?q=rocket* is the Russian page's too, which wait_for_url
    # takes as arrived at once, whether or not the click's navigation has begun.)
    page.page.wait_for_url((tmp_path / "out" / "search" / "index.html").as_uri() + "?q=rocket")
    assert page.page.locator("html").get_attribute("lang") == "en" and "/ru/" not in page.page.url
    page.wait_done()
    assert page.titles() == [ARTICLES["2024/rocket.md"][0]]
    # Russian only, and an English word (found by a new user's trial: "Nothing matches", when an article did)
    page.page.select_option("#search-lang", "ru")
    page.page.wait_for_function("() => new URLSearchParams(location.search).get('lang') === 'ru'")
    assert (
        page.wait_done() == "Nothing in the chosen language matches “rocket”, but articles in other languages do: choose “All languages”."
    )
    assert page.type("zzqxvvy").startswith("Nothing matches “zzqxvvy”.")  # in no language


def test_a_hits_names_in_the_other_alphabet_are_marked_with_their_language(tmp_path: Path, page: SearchPage) -> None:
    """As the pages mark them (`in_own_lang`): a tag named only Газпром and the outlet ТАСС on an English article are
    Russian to a screen reader, a tag "open source" on a Russian one English; the rest take the article's language."""
    site_yaml = "title: T\nbase_url: https://example.org/\nlanguages: [en, ru]\n"
    english = "---\ntitle: Gazprom signs a deal\ndate: 2024-05-20T10:00:00+00:00\nlang: en\ntags: [Газпром, Energy]\nsource: {name: ТАСС, url: https://tass.ru/1}\n---\n\nThe deal was signed.\n"
    russian = "---\ntitle: Сделка подписана\ndate: 2024-05-21T10:00:00+03:00\nlang: ru\ntags: [open source, Энергетика]\nsource: {name: Interfax, url: https://interfax.ru/1}\n---\n\nСделка подписана.\n"
    (tmp_path / "site.yaml").write_text(site_yaml, encoding="utf-8")
    (tmp_path / "content" / "2024").mkdir(parents=True)
    (tmp_path / "content" / "2024" / "deal.md").write_text(english, encoding="utf-8")
    (tmp_path / "content" / "2024" / "sdelka.md").write_text(russian, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    subprocess.run([sys.executable, "-m", "ssg", "build", "-o", str(tmp_path / "out")], cwd=tmp_path, env=env, check=True)
    page.open((tmp_path / "out" / "search" / "index.html").as_uri() + "?q=deal")
    page.wait_done()
    assert page.titles() == ["Gazprom signs a deal"]
    marks = page.page.eval_on_selector_all(".search-hit__tags li, .search-hit__source", "els => els.map(e => [e.textContent, e.lang])")
    assert sorted(marks) == [["Energy", "en"], ["Газпром", "ru"], ["ТАСС", "ru"]]
    page.type("сделка")
    assert page.titles() == ["Сделка подписана"]
    marks = page.page.eval_on_selector_all(".search-hit__tags li, .search-hit__source", "els => els.map(e => [e.textContent, e.lang])")
    assert sorted(marks) == [["Interfax", "ru"], ["open source", "en"], ["Энергетика", "ru"]]


def test_a_script_and_index_of_other_formats_say_so(page: SearchPage, site: Path, tmp_path: Path) -> None:
    """A browser may keep the search.js of an earlier ssg (or its index.js) after a newer one rebuilt the site: read in
    another format, the postings ranked wrongly without a word. The reader is told to reload instead."""
    copy = tmp_path / "archive"
    shutil.copytree(site, copy)
    manifest = copy / "search" / "index.js"
    text = manifest.read_text(encoding="utf-8")
    assert f'"format":{FORMAT}' in text
    manifest.write_text(text.replace(f'"format":{FORMAT}', f'"format":{FORMAT - 1}'), encoding="utf-8")
    page.open((copy / "search" / "index.html").as_uri() + "?q=" + quote("ракета"))
    assert page.wait_done().startswith("The site's search was updated since your browser saved parts of it: reload the page")
    assert page.titles() == []


def test_the_script_reads_the_format_the_index_is_written_in() -> None:
    script = (REPO / "themes/default/static/assets/search.js").read_text(encoding="utf-8")
    assert f"var FORMAT = {FORMAT};" in script


def test_the_search_names_itself_in_the_tab_and_an_empty_page_waits_in_its_box(page: SearchPage, server: str) -> None:
    """Every search's tab, history entry and bookmark read "Search · ..." alone, and the search page without a query
    left the reader nine tabs from its box (a reader's trial)."""
    page.open(f"{server}search/")
    base = page.page.title()
    assert page.page.evaluate("document.activeElement.id") == "search-page-q"
    page.type("ракета")
    assert page.page.title() == f"ракета · {base}"
    page.open(_search_url(server, "самолет"))
    page.wait_done()
    assert page.page.title() == f"самолет · {base}"
    assert page.page.evaluate("document.activeElement.id") != "search-page-q"  # (a search linked to: its hits come first)


def test_the_search_page_has_one_search_box(page: SearchPage, server: str) -> None:
    """The header's box stood above the page's own: on a phone the results began 520 px down a 740 px screen (a
    reader's trial). Every other page keeps the header's box, which leads to the search page."""
    page.open(_search_url(server, "ракета"))
    page.wait_done()
    assert page.page.locator("form[role=search]").count() == 1 and page.page.locator("#search-q").count() == 0
    page.open(server)
    assert page.page.locator("#search-q").count() == 1


# A German, French and Spanish archive's words (a trial's): an accented letter at a word's end, and French elision.
LATIN_ARTICLES = {
    "2024/oel.md": ("Öl wird teurer", "2024-05-20T10:00:00+02:00", "de", "[Wirtschaft]", "Der Preis für Öl steigt in Österreich weiter."),
    "2024/el.md": ("El ministro habla", "2024-05-21T10:00:00+02:00", "es", "[Política]", "Según él, el programa continuará."),
    "2024/ile.md": ("Un centre spatial ouvre en Île-de-France", "2024-05-22T10:00:00+02:00", "fr", "[Régions]",
                    "Le centre ouvre ses portes, et l'Europe célèbre l'été."),
    "2024/rocket.md": ARTICLES["2024/rocket.md"],
}  # fmt: skip


def _built(project: Path, settings: str, articles: dict[str, tuple]) -> Path:
    """`articles` (path -> `_article`'s fields) built in `project`, its site.yaml a title, a base URL and `settings`
    (YAML lines); the output folder."""
    (project / "site.yaml").write_text(f"title: T\nbase_url: https://example.org/\n{settings}", encoding="utf-8")
    for name, fields in articles.items():
        (project / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "content" / name).write_text(_article(*fields), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    subprocess.run(
        [sys.executable, "-m", "ssg", "build", "-o", str(project / "out")], cwd=project, env=env, check=True, capture_output=True
    )
    return project / "out"


@pytest.fixture(scope="module")
def latin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """LATIN_ARTICLES on a site in English, German, French and Spanish; its output folder."""
    return _built(tmp_path_factory.mktemp("latin"), "languages: [en, de, fr, es]\n", LATIN_ARTICLES)


def test_a_words_accented_letter_and_french_article_are_read_as_the_index_reads_them(latin_site: Path, page: SearchPage) -> None:
    """A trial of a German, French and Spanish archive: the trimmer dropped an accented letter at a word's end, so `Öl`
    found Spanish "él", `Île` every "le" and `Öster*` nothing; and `Europe` did not find "l'Europe"."""
    page.open((latin_site / "de" / "search" / "index.html").as_uri() + "?q=" + quote("Öl"))
    page.wait_done()
    assert page.titles() == ["Öl wird teurer"]
    assert page.type("Öster*") and page.titles() == ["Öl wird teurer"]
    assert page.page.locator(".search-hit__lead mark").all_text_contents() == ["Österreich"]
    assert page.type("él") and page.titles() == ["El ministro habla"]
    assert page.type("Île") and page.titles() == ["Un centre spatial ouvre en Île-de-France"]
    assert page.type("Europe") and page.titles() == ["Un centre spatial ouvre en Île-de-France"]
    assert page.page.locator(".search-hit__lead mark").all_text_contents() == ["l'Europe"]
    assert page.type("l’été") and page.titles() == ["Un centre spatial ouvre en Île-de-France"]


def test_a_hit_in_each_of_the_sites_languages_is_named_not_coded(latin_site: Path, page: SearchPage) -> None:
    """French and Spanish hits were labelled "fr" and "es": the theme's strings name en, ru, uk and de only. A language
    without one is named as the language menu names it, in itself, and marked as in it."""
    page.open((latin_site / "search" / "index.html").as_uri() + "?q=" + quote("Öl él Île rocket"))
    page.wait_done()
    labels = page.page.eval_on_selector_all(".search-hit__lang", "els => els.map(e => [e.textContent, e.lang])")
    assert sorted(labels) == [["English", ""], ["Español", "es"], ["Français", "fr"], ["German", ""]]
    page.open((latin_site / "de" / "search" / "index.html").as_uri() + "?q=" + quote("Öl Île"))
    page.wait_done()
    assert sorted(page.langs()) == ["Deutsch", "Français"]
    # An article in a language a site of one language does not list is named by the browser, in that language.
    project = latin_site.parent / "one"
    (project / "content" / "2024").mkdir(parents=True)
    (project / "site.yaml").write_text("title: T\nbase_url: https://example.org/\n", encoding="utf-8")
    (project / "content" / "2024" / "it.md").write_text(
        _article("Il razzo", "2024-05-20T10:00:00+02:00", "it", "[]", "Il razzo."), encoding="utf-8"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    subprocess.run(
        [sys.executable, "-m", "ssg", "build", "-o", str(project / "out")], cwd=project, env=env, check=True, capture_output=True
    )
    page.open((project / "out" / "search" / "index.html").as_uri() + "?q=razzo")
    page.wait_done()
    labels = page.page.eval_on_selector_all(".search-hit__lang", "els => els.map(e => [e.textContent, e.lang])")
    assert labels == [["Italiano", "it"]]


# Articles in scripts with no stemmer (a tester's trial): Chinese and Japanese, written without spaces, and Arabic,
# Hebrew and Greek, with an English one holding a 5.
WORLD_ARTICLES = {
    "2024/change.md": ("嫦娥六号完成任务", "2024-06-25T10:00:00+08:00", "zh", "[航天]", "嫦娥六号从月球背面带回样品。長征5号火箭发射成功。"),
    "2024/ryugu.md": ("はやぶさ2の帰還", "2024-06-26T10:00:00+09:00", "ja", "[宇宙]", "小惑星「リュウグウ」から試料を持ち帰った。"),
    "2024/mars.md": ("مسبار الأمل", "2024-06-27T10:00:00+04:00", "ar", "[فضاء]", "وصل المسبار إلى المريخ، وبدأ دراسة الغلاف الجوي."),
    "2024/moon.md": ("החללית נחתה", "2024-06-28T10:00:00+03:00", "he", "[חלל]", "החללית נחתה על הירח בשלום."),
    "2024/selene.md": ("Αποστολή στη Σελήνη", "2024-06-29T10:00:00+03:00", "el", "[Διάστημα]", "Η ΑΠΟΣΤΟΛΗ ΣΤΗ ΣΕΛΗΝΗΣ ΤΡΟΧΙΑ."),
    "2024/five.md": ("Five engines fired", "2024-06-30T10:00:00+00:00", "en", "[Rockets]", "All 5 engines fired on the pad."),
}  # fmt: skip


@pytest.fixture(scope="module")
def world_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """WORLD_ARTICLES on an English site; its output folder."""
    return _built(tmp_path_factory.mktemp("world"), "", WORLD_ARTICLES)


def test_words_of_other_scripts_find_their_articles_a_chinese_one_inside_a_sentence(world_site: Path, page: SearchPage) -> None:
    """A tester's trial: 月球, 航天 (a tag), المريخ, הירח, Σελήνη and リュウグウ found nothing ("Check the spelling"): the
    index held no word of those scripts; 長征5号 found the English article with a 5, and -المريخ left out nothing."""
    title = {name: fields[0] for name, fields in WORLD_ARTICLES.items()}
    page.open((world_site / "search" / "index.html").as_uri() + "?q=" + quote("月球"))
    assert page.wait_done() == "1 article found" and page.titles() == [title["2024/change.md"]]
    assert page.page.locator(".search-hit__lead mark").all_text_contents() == ["月球"]  # (the pairs that matched, marked)
    assert page.type("嫦娥六号 火箭") and page.page.locator(".search-hit__lead mark").all_text_contents() == ["嫦娥六号", "火箭"]
    for query, name in [("嫦娥六号", "change"), ("航天", "change"), ("tags:航天", "change"), ("長征5号", "change"),
                        ("title:嫦娥六号", "change"), ("リュウグウ", "ryugu"), ("المريخ", "mars"), ("«المريخ»", "mars"),
                        ("הירח", "moon"), ("Σελήνη", "selene"), ("σεληνης", "selene")]:  # fmt: skip
        assert page.type(query) == "1 article found" and page.titles() == [title[f"2024/{name}.md"]], query
    assert page.type("背面月球") != "1 article found"  # (the pairs of another word: not found inside 月球背面)
    # 号 alone is a prefix of the pairs 号火, 号从: the lead marks 長征5号, not 長征5号火, and 号 of 号从 (a reviewer's finding).
    assert page.type("長征5号") and page.page.locator(".search-hit__lead mark").all_text_contents() == ["号", "長征5号"]
    assert page.type("5 -المريخ") and title["2024/five.md"] in page.titles()
    assert page.type("المريخ") and page.page.locator(".search-hit__lead mark").all_text_contents() == ["المريخ"]  # (not its comma)
    page.type("مسبار -المريخ")
    assert title["2024/mars.md"] not in page.titles()


def test_a_hit_in_a_right_to_left_language_is_marked_with_its_direction(tmp_path: Path, page: SearchPage) -> None:
    """Search hits got `<h2 lang="ar">` without `dir`, as the pages did: a hit's title, lead and names in a
    right-to-left language are dir="rtl" (the page's data-rtl, CLDR's by Babel), and on a right-to-left page a
    left-to-right one is dir="ltr"."""
    _built(tmp_path, "languages: [en, ar]\n", {
        "2024/msbar.md": ("مسبار NASA يصل إلى المريخ", "2024-05-20T10:00:00+00:00", "ar", "[علم]", "وصل مسبار NASA إلى المريخ."),
        "2024/probe.md": ("NASA probe reaches Mars", "2024-05-21T10:00:00+00:00", "en", "[Science]", "The NASA probe reached Mars."),
    })  # fmt: skip
    marks = "els => els.map(e => [e.className || e.tagName, e.lang, e.getAttribute('dir')])"
    page.open((tmp_path / "out" / "search" / "index.html").as_uri() + "?q=nasa")
    page.wait_done()
    assert sorted(page.titles()) == ["NASA probe reaches Mars", "مسبار NASA يصل إلى المريخ"]
    shown = page.page.eval_on_selector_all(".search-hit__title, .search-hit__lead, .search-hit__tags li", marks)
    assert sorted(map(tuple, shown)) == [
        ("LI", "ar", "rtl"),
        ("LI", "en", None),
        ("search-hit__lead", "ar", "rtl"),
        ("search-hit__lead", "en", None),
        ("search-hit__title", "ar", "rtl"),
        ("search-hit__title", "en", None),
    ]
    page.open((tmp_path / "out" / "ar" / "search" / "index.html").as_uri() + "?q=nasa")
    page.wait_done()
    shown = page.page.eval_on_selector_all(".search-hit__title", marks)
    assert sorted(map(tuple, shown)) == [("search-hit__title", "ar", "rtl"), ("search-hit__title", "en", "ltr")], page.titles()
    # The pages' latest list (site.js, from latest.js) marks its entries so too.
    latest = (
        "els => els.map(e => [e.lang, e.getAttribute('dir'), e.querySelector('time').lang, e.querySelector('time').getAttribute('dir')])"
    )
    page.open((tmp_path / "out" / "2024" / "05" / "21" / "probe" / "index.html").as_uri())
    page.page.wait_for_selector(".latest__list li")
    assert page.page.eval_on_selector_all(".latest__list li", latest) == [["", None, "", None], ["ar", "rtl", "en", "ltr"]]
    page.open((tmp_path / "out" / "ar" / "2024" / "05" / "20" / "msbar" / "index.html").as_uri())
    page.page.wait_for_selector(".latest__list li")
    assert page.page.eval_on_selector_all(".latest__list li", latest) == [["en", "ltr", "ar", "rtl"], ["", None, "", None]]


def test_a_hits_names_are_marked_by_their_script_as_the_pages_mark_them(tmp_path: Path, page: SearchPage) -> None:
    """A reviewer's finding: the search page told a hit's names' language by Cyrillic letters alone, so on an English
    search page the tags علم and 北京 were `<li lang="en">`, and an Arabic hit's C++ was in its lang="ar" dir="rtl" (shown
    ++C). It follows in_own_lang's rule, by the scripts the page's data-scripts gives each language (Python's)."""
    _built(tmp_path, "languages: [en, ar]\n", {
        "2024/msbar.md": ("مسبار يصل إلى المريخ", "2024-05-20T10:00:00+00:00", "ar", "[علم, C++]", "وصل مسبار NASA."),
        "2024/probe.md": ("NASA probe reaches Mars", "2024-05-21T10:00:00+00:00", "en", "[علم, 北京, Science]", "The NASA probe."),
    })  # fmt: skip
    search = (tmp_path / "out" / "search" / "index.html").read_text(encoding="utf-8")
    assert 'data-scripts="en=Latn ar=Arab"' in search
    marks = "els => els.map(e => [e.textContent, e.lang, e.getAttribute('dir')])"
    page.open((tmp_path / "out" / "search" / "index.html").as_uri() + "?q=nasa")
    page.wait_done()
    shown = sorted(map(tuple, page.page.eval_on_selector_all(".search-hit__tags li", marks)))
    assert shown == [("C++", "en", None), ("Science", "en", None), ("علم", "ar", "rtl"), ("علم", "ar", "rtl"), ("北京", "", "auto")]
