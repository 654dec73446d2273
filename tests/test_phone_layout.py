"""The default theme on a phone, in Chromium emulating one (is_mobile, has_touch): what a trial on a 320 and a 360 px
screen found. A page that scrolls sideways, a search box that makes iOS zoom the page, taps that miss, a header of
three rows and a search page whose first hit stood at the foot of the screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest

from .conftest import SITE_YAML, Project, article, served

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

LONG_TAG = "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft"
SOURCE = "{name: Interfax, url: https://www.interfax.ru/russia/1}"
# The search page is done when it says what it found and is no longer busy.
SEARCH_DONE = """() => { const s = document.getElementById('search-status');
  return s && s.textContent && !document.getElementById('search-page').hasAttribute('aria-busy'); }"""
# Each shown element matching a selector: [its text, its width, its height], in whole pixels.
SIZES = """selector => [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length).map(e => {
  const r = e.getBoundingClientRect(); return [e.textContent.trim().slice(0, 20), Math.round(r.width), Math.round(r.height)]; })"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seven articles on the moon, two to a listing page (four pages: first, previous, numbers, next and last), each with
    an outlet and small tags, one with a 79-letter German tag."""
    project = Project(tmp_path_factory.mktemp("phone") / "site").write({"site.yaml": SITE_YAML})
    (project.root / "content").mkdir()
    for day in range(1, 8):
        tags = f"[Moon, {LONG_TAG}]" if day == 3 else "[Moon, ESA]"
        project.write(
            {f"content/2021/a{day}.md": article(f"Moon mission {day}", f"2021-10-0{day}", "The moon again.", tags=tags, source=SOURCE)}
        )
    project.build()
    return project.public


@pytest.fixture(scope="module")
def root(site: Path) -> Iterator[str]:
    with served(site) as url:
        yield url


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A 360 x 740 phone (the tester's); a test sets a narrower screen where it needs one."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def test_a_long_tag_of_a_search_hit_breaks_instead_of_widening_a_phones_page(phone: Page, root: str) -> None:
    """The tag list of a hit is a row of flex items, which did not shrink below their one word: the search page was
    584 px wide on a 360 px phone (cards, articles and tag pages broke the same tag)."""
    phone.set_viewport_size({"width": 320, "height": 568})
    phone.goto(f"{root}search/?q={quote(LONG_TAG)}")
    phone.wait_for_function(SEARCH_DONE)
    assert LONG_TAG in phone.locator(".search-hit__tags").all_text_contents()[0]
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320


def test_what_is_typed_before_the_search_script_runs_is_kept_and_searched(phone: Page, root: str) -> None:
    """On a slow phone the box is there seconds before search.js: it emptied the box when it ran, and what had been
    typed was lost, unsearched. A ?q= fills the box only when nothing was typed."""
    held: list[Route] = []
    phone.route("**/assets/search.js*", lambda route: held.append(route))  # (answered once the query is typed)
    phone.goto(root + "search/", wait_until="commit")
    phone.locator("#search-page-q").type("moon")
    phone.wait_for_timeout(300)
    assert len(held) == 1, "search.js was loaded before the query was typed: the test tests nothing"
    held[0].continue_()
    phone.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'moon'", timeout=10_000)
    assert phone.wait_for_function(SEARCH_DONE) and phone.locator(".search-hit").count() == 7
    assert phone.locator("#search-page-q").input_value() == "moon"
    assert phone.locator("#search-status").text_content() == "7 articles found"


def test_the_header_search_box_is_large_enough_that_ios_does_not_zoom_the_page(phone: Page, root: str) -> None:
    """iOS Safari zooms a page into any text box whose text is smaller than 16 px when it takes the focus."""
    phone.goto(root)
    assert phone.eval_on_selector("#search-q", "e => parseFloat(getComputedStyle(e).fontSize)") >= 16


def _small(page: Page, selector: str, least: int) -> list[list[object]]:
    return [size for size in page.evaluate(SIZES, selector) if size[1] < least or size[2] < least]


def test_the_targets_of_a_tap_are_large_enough_on_a_phone(phone: Page, root: str) -> None:
    """The header's links and the page numbers are used most: 44 x 44 px (WCAG 2.5.5, Apple's guidelines); every other
    link 24 x 24 px at least (WCAG 2.5.8). Nav links were 38 px high, page numbers 36 x 38, tags 23 high, the outlet in
    a card's meta line 15, the feed's link 23."""
    phone.goto(root + "page/2/")
    assert phone.locator(".pagination__numbers a").count() >= 3 and phone.locator(".tag-list--small .tag").count()
    assert _small(phone, ".site-nav a", 44) == []
    assert _small(phone, ".pagination a, .pagination .is-disabled", 44) == []
    for selector in (".tag-list--small .tag", ".entry__meta a", ".entry__title a", ".site-footer a"):
        assert _small(phone, selector, 24) == [], selector
    phone.goto(root + "search/?q=moon")
    phone.wait_for_function(SEARCH_DONE)
    assert _small(phone, ".search-hit a", 24) == []


def test_the_header_is_one_row_of_links_on_a_320_px_phone_and_the_first_hit_on_its_first_screen(phone: Page, root: str) -> None:
    """The nav wrapped "Sources" to a row of its own on 320 and 360 px screens; on the search page the box's button
    and four lines of help stood above the results, whose first hit began at y = 536 of a 568 px screen."""
    phone.set_viewport_size({"width": 320, "height": 568})
    for path in ("", "search/?q=moon"):
        phone.goto(root + path)
        tops = phone.evaluate("[...document.querySelectorAll('.site-nav a')].map(a => Math.round(a.getBoundingClientRect().top))")
        assert len(tops) == 4 and len(set(tops)) == 1, (path, tops)
    phone.wait_for_function(SEARCH_DONE)
    assert phone.evaluate("document.querySelector('.search-hit').getBoundingClientRect().top") < 400
    # (the help is still there, under the results, and still describes the box)
    assert phone.locator("#search-help").is_visible()
    assert phone.evaluate(
        "document.getElementById('search-help').getBoundingClientRect().top > document.querySelector('.search-hit').getBoundingClientRect().top"
    )
