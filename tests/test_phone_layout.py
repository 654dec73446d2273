"""The default theme on a phone, in Chromium emulating one (is_mobile, has_touch): what a trial on a 320 and a 360 px
screen found. A page that scrolls sideways, a search box that makes iOS zoom the page, taps that miss, a header of
three rows and a search page whose first hit stood at the foot of the screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import SITE_YAML, Project, article, served

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

LONG_TAG = "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft"
SOURCE = "{name: Interfax, url: https://www.interfax.ru/russia/1}"
# The search page is done when it says what it found and is no longer busy.
SEARCH_DONE = """() => { const s = document.getElementById('search-status');
  return s && s.textContent && !document.getElementById('search-page').hasAttribute('aria-busy'); }"""


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
