"""Portable output: right under a base_url with a path, the same from any folder, and usable from disk.

The browser test opens the built site with file:// in Chromium and follows links as a reader would.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from ssg.build import BuildOptions, build
from ssg.cli import main
from ssg.config import load_config
from ssg.linkcheck import check_links

from .conftest import NOW, Project, article
from .publish_support import FILES, SITE_YAML

CHROMIUM = "/usr/bin/chromium"
BASE = "https://example.org/news/archive/"
TEXT_SUFFIXES = (".html", ".xml", ".txt", ".js", ".json", ".css")
ABSOLUTE_ATTR = re.compile(r'(?:href|src|action|content)="(/[^"]*)"')


def build_cli(project: Project, *args: str) -> None:
    result = CliRunner().invoke(main, ["-C", str(project.root), "build", "-j", "1", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture
def site(project: Project) -> Project:
    return project.write({**FILES, "site.yaml": SITE_YAML})


def text_files(folder: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(folder.rglob("*")):
        if path.suffix in TEXT_SUFFIXES and path.is_file():
            yield path.relative_to(folder).as_posix(), path.read_text(encoding="utf-8")


def test_base_url_with_a_path_is_used_for_every_absolute_and_root_relative_url(site):
    build_cli(site, "--base-url", BASE)
    absolute_seen = 0
    for name, text in text_files(site.public):
        for url in re.findall(r"https?://example\.org[^\s\"'<>)]*", text):
            assert url.startswith(BASE), f"{name}: {url}"
            absolute_seen += 1
        for path in ABSOLUTE_ATTR.findall(text):
            assert name == "404.html" and path.startswith("/news/archive/"), f"{name}: {path}"
    assert absolute_seen > 100
    article = site.page("2021/05/24/roscosmos-china/")
    assert f'<link rel="canonical" href="{BASE}2021/05/24/roscosmos-china/">' in article
    assert f'"url": "{BASE}2021/05/24/roscosmos-china/"' in article and f'content="{BASE}images/soyuz.png"' in article
    assert 'href="../../../../feed.xml"' in article and 'src="../../../../images/soyuz.png"' in article
    assert 'href="/news/archive/assets/style.css"' in (site.public / "404.html").read_text()
    search = site.page("search/")
    assert 'data-root="../"' in search and 'src="../assets/search.js"' in search  # the index is found relative to the page
    assert check_links(site.public, BASE).broken == []


def test_a_link_from_the_site_root_in_an_article_works_under_a_sub_path_and_from_disk(project):
    """Hugo and Jekyll writers link a static image or another page from the site's root: `/images/logo.png`.
    Left as written, under a sub-path or from disk it led off the site, and only `ssg check --links` said so."""
    body = "![Logo](/images/logo.png)\n\nSee [all tags](/tags/), [the home page](/), [a search](/search/?q=soyuz#main), [Роскосмос](/tags/roskosmos/)."
    project.write({"content/a.md": article("A", "2021-05-24", body, tags="[Роскосмос]"), "static/images/logo.png": b"\x89PNG"})
    project.build(base_url=BASE)
    page = project.page("2021/05/24/a/")
    assert 'src="../../../../images/logo.png"' in page and 'href="../../../../tags/"' in page and 'href="../../../../"' in page
    assert 'href="../../../../search/?q=soyuz#main"' in page and 'href="../../../../tags/roskosmos/"' in page
    feed = project.page("feed.xml")
    assert f'src="{BASE}images/logo.png"' in html.unescape(feed) and f'href="{BASE}search/?q=soyuz#main"' in html.unescape(feed)
    assert check_links(project.public, BASE).broken == []


def test_base_url_flag_is_for_one_build_only(site):
    build_cli(site, "--base-url", BASE)
    build_cli(site)
    assert '<link rel="canonical" href="https://example.org/">' in site.page("")
    assert "Sitemap: https://example.org/sitemap.xml" in (site.public / "robots.txt").read_text()


def test_output_is_the_same_in_any_folder(site, tmp_path):
    build_cli(site, "-o", str(tmp_path / "one"))
    build_cli(site, "-o", str(tmp_path / "deeper" / "two"))
    one, two = dict(text_files(tmp_path / "one")), dict(text_files(tmp_path / "deeper" / "two"))
    assert one == two and len(one) > 30


# --- opened from disk, in Chromium -------------------------------------------------------------


@pytest.fixture(scope="module")
def on_disk(tmp_path_factory) -> Path:
    """The test site, built for a sub-path base URL, in a folder of its own."""
    project = Project(tmp_path_factory.mktemp("disk") / "site").write({**FILES, "site.yaml": SITE_YAML})
    build(load_config(project.root, base_url=BASE), BuildOptions(now=NOW, jobs=1))
    return project.public


class Reader:
    """A browser tab that records every request and every failure."""

    def __init__(self, browser: object):
        self.page = browser.new_page()  # type: ignore[attr-defined]
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        # (Not a load the next page's navigation cancelled, `net::ERR_ABORTED`: the icon of a page clicked away from at
        # once, on a loaded box, was "failed" once in CI; a file missing from disk is `net::ERR_FILE_NOT_FOUND`.)
        self.page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and self.failed.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def follow(self, selector: str) -> str:
        """Click the first link matching `selector`; returns the new page's <h1> text."""
        with self.page.expect_navigation():
            self.page.locator(selector).first.click()
        return self.page.locator("h1").first.inner_text()

    def styled(self) -> bool:
        return self.page.evaluate("getComputedStyle(document.body).margin === '0px' && getComputedStyle(document.body).display === 'flex'")

    def images_loaded(self) -> list[bool]:
        return self.page.evaluate("[...document.images].map(i => i.complete && i.naturalWidth > 0)")


def test_site_opened_from_disk_shows_pages_css_images_and_navigates(browser, on_disk):
    reader = Reader(browser)
    reader.page.goto((on_disk / "index.html").as_uri())
    assert reader.styled()
    assert reader.page.locator("h1").first.inner_text() == "Test archive"

    assert reader.follow(".entry__title a >> text=Russia and China agree on rockets") == "Russia and China agree on rockets"
    assert reader.page.url == (on_disk / "2021/05/24/roscosmos-china/index.html").as_uri()
    assert reader.styled() and reader.images_loaded() == [True]

    # The latest list, from latest.js: newest first, dates as the page's language shows them, this page marked.
    latest = reader.page.locator("aside.latest li")
    assert reader.page.locator("aside.latest").is_visible()
    assert latest.all_inner_texts() == [
        "May 26, 2021, 12:00 PM\nРакета «Союз» стартовала с Байконура",
        "May 24, 2021, 10:15 AM\nRussia and China agree on rockets",
        "Mar 9, 2021, 9:00 AM\nMemo signed",
        "Dec 31, 2020, 11:00 PM\nFirst one",
    ]
    assert latest.first.get_attribute("lang") == "ru" and latest.first.locator("time").get_attribute("lang") == "en"
    assert latest.nth(1).locator("a").get_attribute("aria-current") == "page" and latest.nth(2).get_attribute("lang") is None
    assert reader.follow("aside.latest a >> text=Memo signed") == "Memo signed"
    assert reader.page.url == (on_disk / "2021/03/09/memo/index.html").as_uri()
    reader.page.go_back()

    assert reader.follow(".prose a >> text=the launch") == "Ракета «Союз» стартовала с Байконура"
    assert reader.follow("a.tag >> text=Roscosmos") == "Roscosmos"
    assert reader.page.url.endswith("/tags/roscosmos/index.html") and reader.styled()
    assert reader.follow(".site-nav a >> text=Archive")
    assert reader.follow(".site-nav a >> text=Tags")
    assert reader.follow(".site-nav a >> text=Sources") and reader.page.url.endswith("/sources/index.html") and reader.styled()
    assert reader.follow(".site-nav a >> text=Home") == "Test archive"
    assert reader.page.url == (on_disk / "index.html").as_uri()

    assert reader.failed == [] and reader.errors == []
    assert all(url.startswith("file://") or url.startswith("data:") for url in reader.requests), reader.requests
    reader.page.close()


@pytest.mark.parametrize("old", ["новости/роскосмос/index.html", "2021/05/roscosmos-china.html"])
def test_an_old_url_opened_from_disk_leads_to_its_article(browser, on_disk, old):
    """A redirect page (the article's `aliases:`) goes to the article's index.html: a folder's address would show its
    file listing from disk."""
    reader = Reader(browser)
    with reader.page.expect_navigation(url=(on_disk / "2021/05/24/roscosmos-china/index.html").as_uri()):
        reader.page.goto((on_disk / old).as_uri())
    assert reader.page.locator("h1").first.inner_text() == "Russia and China agree on rockets" and reader.styled()
    assert reader.failed == [] and reader.errors == []
    reader.page.close()
