"""The default theme under a strict Content-Security-Policy, in Chromium: what a security trial found blocked.

A site served with `style-src 'self'` (no inline style) showed a bilingual site's language switch as a bulleted list
(its rules were a <style> of each page), the search page unstyled and the archive's and sources' bars without length
(style="--share: ..."); under plain `default-src 'self'` the theme's icon (a data: URL) was refused; and under
`require-trusted-types-for 'script'` search loaded no index (search.js set a script's src from a string). Each policy
is the header a small HTTP server adds to every response, as a host's would; each page kind of a small bilingual site
with search is loaded, and every `securitypolicyviolation` it raises is counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext

from .conftest import BILINGUAL_YAML, REPO, Project, _QuietHandler, article, served

# The policies docs/deploy.md gives: the one the trial used, the strictest (everything from the site's own host), and
# the first with Trusted Types, allowing search.js's policy.
STRICT = "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'"
SELF_ONLY = "default-src 'self'"
TRUSTED_TYPES = STRICT + "; require-trusted-types-for 'script'; trusted-types ssg-search"

# Every page kind of the site below: the homes, an article in each language, a standalone page, the tag, date,
# outlet and search pages, their indexes, and the 404 page.
PAGES = [
    "",
    "en/",
    "ru/",
    "2021/01/10/story-0/",
    "ru/2021/01/10/story-0/",
    "about/",
    "tags/",
    "tags/moon/",
    "archive/",
    "2021/",
    "2021/01/",
    "2021/01/10/",
    "sources/",
    "sources/wire/",
    "search/",
    "ru/search/",
    "404.html",
]
# Reports the violations of every document a page loads, through its navigations too (a redirect's).
REPORT = """
document.addEventListener("securitypolicyviolation", (e) =>
  window.cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
"""


class _PolicyHandler(_QuietHandler):
    policy = ""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()


def served_with(folder: Path, policy: str) -> AbstractContextManager[str]:
    """`folder` over HTTP with `policy` as every response's Content-Security-Policy header; yields its root URL."""
    return served(folder, type("Handler", (_PolicyHandler,), {"policy": policy}))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bilingual site with search, outlets, tags, a standalone page in the menu and an article's old URL."""
    project = Project(tmp_path_factory.mktemp("csp")).write({"site.yaml": BILINGUAL_YAML})
    source = "{name: Wire, url: 'https://wire.example/a'}"
    files = {"content/pages/about.md": "---\ntitle: About\nmenu: 1\n---\n\nAbout the archive.\n"}
    for n in range(4):
        date = f"2021-0{1 + n % 2}-1{n}T10:00:00+03:00"
        front = {"tags": "[Roscosmos, Moon]", "source": source if n % 2 == 0 else "Agency"}
        if n == 0:
            front["aliases"] = "[/old/story/]"
        files[f"content/en/story-{n}.md"] = article(f"Story {n}", date, f"English rocket body {n}.", **front)
        files[f"content/ru/story-{n}.md"] = article(f"Новость {n}", date, f"Русский текст {n}.", lang="ru", tags="[Роскосмос]")
    project.write(files).build()
    return project.public


def test_no_page_has_an_inline_style_or_a_data_icon(bilingual) -> None:
    """What `style-src 'self'` and `default-src 'self'` refuse, in every page of a bilingual site: the language switch's
    <style>, the bars' style="--share: ...", the theme's icon as a data: URL. (The search page's is checked in a
    browser below.)"""
    bilingual.build()
    pages = {path: text for path, data in bilingual.files().items() if path.endswith(".html") for text in [data.decode()]}
    assert len(pages) > 20
    for path, text in pages.items():
        assert not re.search(r"<style|\sstyle=|href=\"data:", text), path
    assert 'class="archive-month share-100"' in bilingual.page("archive/")


def test_an_older_copy_of_base_html_still_builds(bilingual) -> None:
    """A site's copy of base.html made before the switch's rules moved to style.css includes languages.css in a
    <style>: the theme keeps that template, empty, so that the copy builds, and style.css styles its switch."""
    base = (REPO / "themes/default/templates/base.html").read_text(encoding="utf-8")
    old = base.replace(
        '  {% include "head_extra.html" %}', '  <style>{% include "languages.css" %}</style>\n  {% include "head_extra.html" %}'
    )
    assert old != base
    bilingual.write({"templates/base.html": old}).build()
    assert "<style></style>" in bilingual.page("") and 'class="lang-switch"' in bilingual.page("")
    # The theme's own is no template "not used" (CI's build of ssg's sample, whose theme is the project's, said so);
    # a site's own copy, which no page includes now, is.
    bilingual.remove("templates/base.html")
    assert bilingual.build().warnings == []
    bilingual.write({"templates/languages.css": ".lang-switch { color: red; }\n"})
    assert [w.path for w in bilingual.build().warnings] == ["templates/languages.css"]


@pytest.fixture
def context(browser: Browser) -> Iterator[tuple[BrowserContext, list[str]]]:
    """A browser context whose pages report each violation into the list it comes with."""
    context, violations = browser.new_context(), []
    context.expose_function("cspViolation", lambda text: violations.append(text))
    context.add_init_script(REPORT)
    yield context, violations
    context.close()


@pytest.mark.parametrize("policy", [STRICT, SELF_ONLY, TRUSTED_TYPES])
def test_every_page_kind_runs_under_a_strict_policy(site: Path, context, policy: str) -> None:
    """The trial's policy blocked the inline <style> of every page of a bilingual site (and of the search page), and
    the bars' style="--share"; `default-src 'self'` the icon's data: URL too."""
    context, violations = context
    page = context.new_page()
    with served_with(site, policy) as root:
        for path in PAGES:
            page.goto(root + path)
            page.wait_for_load_state("load")
            assert violations == [], f"/{path}: {violations}"
        # The icon is a file of the site's own: a data: URL is no 'self'.
        icon = page.locator("link[rel=icon]").get_attribute("href")
        assert not icon.startswith("data:") and (site / icon.lstrip("/")).is_file()


def test_the_language_switch_and_bars_are_styled_from_the_stylesheet(site: Path, context) -> None:
    """The switch showed as a bulleted list of EN and RU, and each bar had no length."""
    context, violations = context
    page = context.new_page()
    with served_with(site, STRICT) as root:
        page.goto(root + "2021/01/10/story-0/")
        switch = page.locator(".lang-switch ul")
        assert switch.evaluate("e => [getComputedStyle(e).display, getComputedStyle(e).listStyleType]") == ["flex", "none"]
        page.locator(".lang-switch a[hreflang=ru]").click()
        page.wait_for_url(root + "ru/2021/01/10/story-0/")
        page.goto(root + "archive/")
        widths = page.locator(".archive-month").evaluate_all("es => es.map(e => e.clientWidth)")
        bars = page.locator(".archive-month").evaluate_all("es => es.map(e => parseFloat(getComputedStyle(e, '::after').width))")
        # Two months of two articles each: full bars, as wide as their tiles.
        assert len(bars) == 2 and all(bar > 0 for bar in bars) and [round(bar) for bar in bars] == widths
        page.goto(root + "sources/")
        bars = page.locator(".source-list__item").evaluate_all("es => es.map(e => parseFloat(getComputedStyle(e, '::after').width))")
        assert len(bars) == 2 and all(bar > 0 for bar in bars)
    assert violations == []


@pytest.mark.parametrize("policy", [STRICT, TRUSTED_TYPES, STRICT + "; trusted-types other"])
def test_search_finds_articles_under_the_policy(site: Path, context, policy: str) -> None:
    """Under Trusted Types search.js's `script.src = ...` was refused: the page said the index could not be loaded.
    Under a `trusted-types` naming other policies alone, without requiring them, making its own threw, and search found
    nothing (found in review)."""
    context, violations = context
    page = context.new_page()
    with served_with(site, policy) as root:
        page.goto(root + "search/?q=rocket")
        page.locator(".search-hit").first.wait_for()
        assert page.locator(".search-hit").count() == 4
        assert page.locator(".search-page__form").evaluate("e => getComputedStyle(e).display") == "flex"
    # (the one report there: the policy search.js tried to make, which the page then did without)
    assert all("trusted-types-policy" in v and "ssg-search" in v for v in violations) if "other" in policy else violations == []


def test_a_redirect_page_leads_on_under_the_policy(site: Path, context) -> None:
    """The page at an article's old URL sends readers on by its meta refresh; its one inline script, for pages opened
    from disk (where no header applies), is all that is blocked over HTTP."""
    context, violations = context
    page = context.new_page()
    with served_with(site, STRICT) as root:
        page.goto(root + "old/story/")
        page.wait_for_url(root + "2021/01/10/story-0/")
    assert [v.split()[0] for v in violations] == ["script-src-elem"]
