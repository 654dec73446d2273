"""The default theme for readers with screen readers, keyboards, zoom and phones, on the bundled sample archive.

axe-core (node_modules, from `npm ci`) checks each kind of page, in English and Russian, at 1280 and 375 px and in
the light and dark colour schemes; any violation it finds fails, whatever its impact. The keyboard tests check what
axe cannot see: the skip link, a visible focus on every stop, the search box and its results within reach, and
pages that fit a 320 px screen (a 1280 px window at 400% zoom) without scrolling sideways.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ssg.build import BuildOptions, build
from ssg.config import load_config

from .conftest import NOW, REPO, article, served

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
# Lead image with caption and credit, source, rights, tags, a Russian translation.
ARTICLE = "2021/05/24/roscosmos-china/"
PAGES = {
    "home": "",
    "home, page 2": "page/2/",
    "Russian home": "ru/",
    "Russian home, page 2": "ru/page/2/",
    "article": ARTICLE,
    "Russian article": "ru/" + ARTICLE,
    "tag": "tags/roscosmos/",
    "tags": "tags/",
    "source": "sources/interfax/",
    "source, Russian articles": "sources/ria-novosti/",  # (named in Russian alone)
    "sources": "sources/",
    "year": "2021/",
    "month": "2021/05/",
    "day": "2021/05/24/",
    "archive": "archive/",
    "about": "about/",
    "Russian about": "ru/about/",
    "search": "search/?q=moon",
    "Russian search": "ru/search/?q=луна",
    "search, nothing found": "search/?q=zzqxvvy",
    "search, syntax error": "search/?q=title:",
    "404": "404.html",
}
# axe's defaults (WCAG 2.0 to 2.2 A and AA, and its best practices), none turned off, and three it leaves off:
# target-size (WCAG 2.2's 2.5.8, for fingers on phones) and the duplicate ids, deprecated with HTML 5's parsing
# rules but still what breaks a label's `for` or an aria-labelledby.
RULES = {rule: {"enabled": True} for rule in ("target-size", "duplicate-id", "duplicate-id-active")}
# The dark scheme and a phone's width change colours and layout, not markup: there only the rules that read them.
RENDERED = ["color-contrast", "link-in-text-block", "target-size", "scrollable-region-focusable"]
VIEWS = [(1280, "light"), (375, "light"), (1280, "dark"), (375, "dark")]
# The search page is done when it says what it found and is no longer busy.
SEARCH_DONE = """() => { const s = document.getElementById('search-status');
  return s && s.textContent && !document.getElementById('search-page').hasAttribute('aria-busy'); }"""


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("a11y") / "public"
    build(load_config(REPO, output_dir=str(out)), BuildOptions(now=NOW))
    article = (out / ARTICLE / "index.html").read_text(encoding="utf-8")
    for part in ('class="article__figure"', 'class="article__credit"', "Source:", 'class="rights"', 'rel="tag"', 'hreflang="ru"'):
        assert part in article, f"{ARTICLE} no longer has {part}: audit an article that has"
    return out


@pytest.fixture(scope="module")
def root(sample: Path) -> Iterator[str]:
    with served(sample) as url:
        yield url


def _open(page: Page, url: str) -> None:
    """Go to `url` and wait for what the theme's scripts add: search results, the latest articles."""
    page.goto(url)
    if "search/" in url:
        page.wait_for_function(SEARCH_DONE)
    elif page.locator("aside[data-latest]").count():
        page.wait_for_selector("aside[data-latest]:not([hidden])")


def _violations(page: Page, rendered_only: bool) -> list[str]:
    options = {"resultTypes": ["violations"], "rules": RULES}
    if rendered_only:
        options["runOnly"] = {"type": "rule", "values": RENDERED}
    result = page.evaluate("options => axe.run(document, options)", options)
    return [
        f"{v['id']} ({v['impact']}) at {' '.join(node['target'])}: {node['failureSummary']}"
        for v in result["violations"]  # (every impact: a moderate one, two unnamed search landmarks, was fixed and must stay so)
        for node in v["nodes"]
    ]


@pytest.fixture(scope="module")
def axe_page(browser: Browser) -> Iterator[Page]:
    assert AXE.is_file(), "run `npm ci` (the Makefile's test target does) to get axe-core"
    page = browser.new_page()
    yield page
    page.close()


@pytest.mark.parametrize("kind", PAGES)
def test_axe_finds_nothing_and_the_page_fits_a_phone(axe_page: Page, root: str, kind: str) -> None:
    """Every rule in the first view; then, in the same page, the rules that read colours and layout in the others."""
    _open(axe_page, root + PAGES[kind])
    axe_page.add_script_tag(path=str(AXE))
    found = []
    for width, scheme in VIEWS:
        axe_page.set_viewport_size({"width": width, "height": 900})
        axe_page.emulate_media(color_scheme=scheme)
        found += [f"{width} px, {scheme}: {v}" for v in _violations(axe_page, rendered_only=(width, scheme) != VIEWS[0])]
    assert not found, "\n".join(found)
    axe_page.set_viewport_size({"width": 320, "height": 640})  # WCAG's reflow width: 1280 px at 400% zoom
    assert axe_page.evaluate("document.documentElement.scrollWidth") <= 320, "the page scrolls sideways on a phone"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def _focused(page: Page, script: str) -> object:
    return page.evaluate(f"() => {{ const e = document.activeElement; return {script}; }}")


def test_tab_reaches_the_skip_link_first_and_it_leads_into_the_content(page: Page, root: str) -> None:
    for path in ("", ARTICLE):
        _open(page, root + path)
        page.keyboard.press("Tab")
        assert _focused(page, "e.className") == "skip-link"
        assert page.locator(".skip-link").bounding_box()["y"] >= 0  # shown while focused
        page.keyboard.press("Enter")
        assert _focused(page, "e.id") == "main"
        page.keyboard.press("Tab")
        assert _focused(page, "e.closest('main') !== null"), path  # past the header's links and search box


def test_the_search_box_and_its_results_are_in_reach_of_the_keyboard(page: Page, root: str) -> None:
    _open(page, root)
    for _ in range(12):  # skip link, brand, menu, languages: the box comes before the page's content
        page.keyboard.press("Tab")
        if _focused(page, "e.id") == "search-q":
            break
    assert _focused(page, "e.id") == "search-q"
    page.keyboard.type("moon")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=moon")
    page.wait_for_function(SEARCH_DONE)
    status = page.locator("#search-status")
    assert status.get_attribute("role") == "status" and "found" in status.text_content()  # read out when it changes
    page.locator("#search-page-q").focus()
    stops = []
    while len(stops) < 5 and not _focused(page, "e.matches('.search-hit__title a')"):
        page.keyboard.press("Tab")
        stops.append(_focused(page, "e.id || e.tagName"))
    assert stops == ["search-lang", "BUTTON", "A"]  # the language filter, the button, then the results
    assert _focused(page, "e === document.querySelector('.search-hit__title a')")


def test_every_tab_stop_shows_the_focus(page: Page, root: str) -> None:
    unseen = []
    for path in ("", ARTICLE, "search/?q=moon", "404.html"):
        _open(page, root + path)
        for _ in range(100):
            page.keyboard.press("Tab")
            stop = _focused(
                page, "[e.tagName, e.outerHTML.slice(0, 80), getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth]"
            )
            if stop[0] == "BODY":  # past the last stop
                break
            if stop[2] == "none" or stop[3] == "0px":
                unseen.append(f"{path}: {stop[1]}")
    assert unseen == []


WIDE_BODY = """\
| Mission | Launch date | Launch site | Vehicle | Outcome | Notes |
|---|---|---|---|---|---|
| Soyuz MS-19 | 2021-10-05 | Baikonur Cosmodrome Site 31 | Soyuz-2.1a | Success | A film crew aboard for The Challenge |

```
telemetry = read_frames(station="Baikonur", vehicle="Soyuz-2.1a", stage=3, frames=range(0, 4096), strict=True)
```

```
ok = True
```
"""


def test_a_wide_table_or_code_block_on_a_phone_takes_a_tab_stop_to_scroll_by_keyboard(project, page: Page) -> None:
    """A table or code line wider than a 320 px screen scrolls sideways, which a keyboard does only in what has the
    focus: the rest of the row could not be read without a mouse (axe: scrollable-region-focusable). Such a block
    is a tab stop while it is wide, as Hugo's code blocks are; a block that fits is none."""
    project.write({"content/2021/wide.md": article("Wide", "2021-10-05", WIDE_BODY)}).build()
    page.set_viewport_size({"width": 320, "height": 640})
    with served(project.public) as url:
        _open(page, url + "2021/10/05/wide/")
        page.add_script_tag(path=str(AXE))
        assert _violations(page, rendered_only=False) == []
        stops = []
        for _ in range(40):
            page.keyboard.press("Tab")
            stop = _focused(page, "[e.tagName, getComputedStyle(e).outlineStyle]")
            if stop[0] == "BODY":
                break
            stops.append(stop)
        assert [stop for stop in stops if stop[0] in ("TABLE", "PRE")] == [["TABLE", "solid"], ["PRE", "solid"]]
        page.set_viewport_size({"width": 1280, "height": 900})  # (the table fits: no stop)
        page.wait_for_function("document.querySelectorAll('.prose [tabindex]').length === 1")


COMMONS = "https://commons.wikimedia.org/wiki/File:Soyuz_TMA-14M_spacecraft_launch_from_Baikonur_Cosmodrome.jpg"


def test_an_address_as_a_credit_or_in_the_rights_notice_breaks_instead_of_widening_a_phones_page(project, page: Page) -> None:
    """A credit that is a Wikimedia Commons file's address, or a licence's address in the rights notice, is one long
    word: the page scrolled sideways at 320 px (WCAG 1.4.10, reflow)."""
    image = f"{{src: 'https://x.example/a.jpg', alt: Soyuz, credit: '{COMMONS}', caption: 'Launch, {COMMONS}'}}"
    rights = "'Licensed under https://creativecommons.org/licenses/by-sa/4.0/legalcode.en_and_its_translations'"
    source = "{name: 'www.roscosmos.ru/press-releases/soyuz-tma-14m-launch-report', url: 'https://roscosmos.ru/1'}"
    project.write({"content/2021/a.md": article("Soyuz", "2021-10-05", image=image, rights=rights, source=source)}).build()
    page.set_viewport_size({"width": 320, "height": 640})
    with served(project.public) as url:
        for path in ("2021/10/05/a/", ""):
            _open(page, url + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, path


def test_a_long_one_word_tag_breaks_instead_of_widening_a_phones_page(project, page: Page) -> None:
    """`Межгосударственнаякомиссияпосотрудничествувкосмосе`, one word: its chip ran off a 375 px screen on the article, the
    home page and tags/, which scrolled sideways (a trial; WCAG 1.4.10, reflow)."""
    tags = "[Межгосударственнаякомиссияпосотрудничествувкосмосе, Space]"
    project.write({"content/2021/a.md": article("Soyuz", "2021-10-05", tags=tags)}).build()
    page.set_viewport_size({"width": 320, "height": 640})
    with served(project.public) as url:
        for path in ("2021/10/05/a/", "", "tags/"):
            _open(page, url + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, path


# Each printed element's text colour, and its background (which a browser prints only when asked to).
PRINTED_COLOURS = """() => [...document.querySelectorAll('main *')].map(e => {
  const s = getComputedStyle(e); return `${e.tagName}.${e.className}: ${s.color} on ${s.backgroundColor}`; })"""


def test_an_article_printed_from_a_dark_system_prints_as_from_a_light_one_with_its_sources_address(page: Page, root: str) -> None:
    """Paper is white, and browsers leave backgrounds out: printed in the dark palette, tags, links and the rights
    notice came out light grey or pale blue on it. On paper a link is its text alone, so the link to the original
    article shows its address (the outlet's page, a path in the archive, none)."""
    _open(page, root + ARTICLE)
    printed = {}
    for scheme in ("light", "dark"):
        page.emulate_media(media="print", color_scheme=scheme)
        printed[scheme] = page.evaluate(PRINTED_COLOURS)
    assert printed["dark"] == printed["light"]
    after = page.evaluate("getComputedStyle(document.querySelector('.article__meta .meta__item a[rel=external]'), '::after').content")
    assert after == '": https://www.interfax.ru/russia/767824"'  # (in the parentheses of "original article")
    outlet = page.evaluate("getComputedStyle(document.querySelector('.article__meta .meta__item a'), '::after').content")
    assert outlet == "none"  # (the outlet's page: a path in the archive, no address to print)
    page.emulate_media(media="screen", color_scheme="dark")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(18, 19, 21)"  # (the screen's stays dark)


def _docs_example(heading: str, language: str) -> str:
    """The first `language` code block under `heading` in docs/templates.md: the test keeps the docs' examples right."""
    text = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")
    return text.split(heading, 1)[1].split(f"```{language}\n", 1)[1].split("```", 1)[0]


@pytest.fixture(scope="module")
def branded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample archive branded as docs/templates.md's "Branding your site" shows: its colours in both schemes, a
    logo, a footer line with a link."""
    site = tmp_path_factory.mktemp("branded")
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "site.yaml", site / "site.yaml")
    files = {
        "static/assets/custom.css": _docs_example("### Colours, light and dark", "css"),
        "templates/brand.html": _docs_example("### A logo", "jinja"),
        "static/images/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 32"><rect width="120" height="32" fill="#0a6e4f"/></svg>',
        "i18n/en.yaml": _docs_example("### The footer", "yaml"),
        "i18n/ru.yaml": 'footer_text: "© 2026 Редакция. Перепечатка: [rights@newsroom.example](mailto:rights@newsroom.example)"\n',
    }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    build(load_config(site), BuildOptions(now=NOW))
    with served(site / "public") as url:
        yield url


@pytest.mark.parametrize("path", ["", ARTICLE, "ru/", "404.html"])
def test_a_branded_site_keeps_its_colours_in_each_scheme_and_axe_finds_nothing(axe_page: Page, branded: str, path: str) -> None:
    _open(axe_page, branded + path)
    axe_page.add_script_tag(path=str(AXE))
    assert axe_page.locator(".site-footer__text a").count() == 1 and axe_page.locator("img.brand__logo").count() == 1
    found, backgrounds = [], {}
    for width, scheme in VIEWS:
        axe_page.set_viewport_size({"width": width, "height": 900})
        axe_page.emulate_media(color_scheme=scheme)
        backgrounds[scheme] = axe_page.evaluate("getComputedStyle(document.body).backgroundColor")
        found += [f"{width} px, {scheme}: {v}" for v in _violations(axe_page, rendered_only=(width, scheme) != VIEWS[0])]
    assert not found, "\n".join(found)
    assert backgrounds == {"light": "rgb(251, 250, 247)", "dark": "rgb(16, 20, 19)"}  # custom.css's --light-bg, --dark-bg


def _contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two CSS colours given as rgb(r, g, b)."""

    def luminance(colour: str) -> float:
        channels = [int(part) / 255 for part in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_search_pages_box_says_what_it_is_for_in_a_readable_placeholder(page: Page, root: str, scheme: str) -> None:
    """An accessibility trial: its placeholder, the box's one visible label, kept the browser's grey, 3.7:1 on the dark
    surface (axe does not look at placeholders); the header's box had its own colour."""
    page.emulate_media(color_scheme=scheme)
    page.goto(root + "search/")  # (no query: the placeholder shows)
    colours = page.eval_on_selector(
        "#search-page-q", "e => [getComputedStyle(e, '::placeholder').color, getComputedStyle(e).backgroundColor]"
    )
    assert _contrast(*colours) >= 4.5, colours


# Each element's outline, for the current one and the first that is not.
OUTLINES = """selector => { const current = document.querySelector(selector + '[aria-current="page"], ' + selector + '.is-current');
  const other = [...document.querySelectorAll(selector)].find(e => e !== current);
  return [current, other].map(e => getComputedStyle(e).outlineStyle); }"""


def test_the_current_nav_item_page_number_and_latest_article_show_in_forced_colours(page: Page, root: str) -> None:
    """Windows' contrast themes replace colours and backgrounds, which alone told the current item from the others."""
    page.emulate_media(forced_colors="active")
    _open(page, root + "page/2/")
    assert page.evaluate(OUTLINES, ".site-nav a") == ["solid", "none"]
    assert page.evaluate(OUTLINES, ".pagination__numbers a") == ["solid", "none"]
    _open(page, root + "2022/07/25/wentian/")  # (the newest: in the latest articles beside it)
    assert page.evaluate(OUTLINES, ".latest__list a") == ["solid", "none"]
    page.emulate_media(forced_colors="none")
    assert page.evaluate(OUTLINES, ".latest__list a") == ["none", "none"]  # (elsewhere colours tell it)
