"""Relative links: from any page to any site path, resolved by a browser as the page's URL, they reach the target."""

from __future__ import annotations

import random
from urllib.parse import quote, urljoin

from ssg.urls import is_later_page, relative_from

SEGMENTS = ["a", "b", "ab", "2021", "05", "x y", "тег", "page", "2"]


def site_path(rng: random.Random, folder: bool) -> str:
    parts = [rng.choice(SEGMENTS) for _ in range(rng.randint(0, 4))]
    if folder:
        return "/".join(parts) + "/" if parts else ""
    return "/".join([*parts, rng.choice(["feed.xml", "index.html", "img.png"])])


def test_relative_links_reach_their_targets():
    rng = random.Random(7)
    base = "https://example.org/sub/"
    for _ in range(3000):
        page = site_path(rng, folder=rng.random() < 0.8)
        target = site_path(rng, folder=rng.random() < 0.6) + rng.choice(["", "#top"])
        link = relative_from(page)(target)
        assert urljoin(base + quote(page), link) == base + quote(target, safe="/#"), (page, target, link)
        assert not link.startswith("/") and "//" not in link


def relative(page: str, target: str) -> str:
    return relative_from(page)(target)


def test_relative_links_are_the_shortest():
    assert relative("2021/05/24/story/", "2021/05/") == "../../"
    assert relative("2021/05/", "2021/05/24/story/") == "24/story/"
    assert relative("tags/nasa/page/2/", "tags/nasa/") == "../../"
    assert relative("", "") == "./"
    assert relative("2021/", "2021/") == "./"
    assert relative("404.html", "assets/style.css") == "assets/style.css"
    assert relative("a/b/", "ab/") == "../../ab/"


def test_a_later_page_is_one_urls_makes():
    """A listing's later pages are `page/<n>/` at the end of its path; a tag named Page's first page is none."""
    assert is_later_page("page/2/") and is_later_page("tags/moon/page/12/")
    assert not any(map(is_later_page, ("", "page/", "tags/page/", "tags/page/feed.xml", "2021/03/04/page/", "page/x/")))
