"""An article page off a desktop's screen: as readers print it or save it as PDF (Chromium's print media), as reader
modes take it, and on a phone: what a print-and-cite trial and a rich author's trial found lost there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from .conftest import SITE_YAML, Project, article, served

WIDE = " | ".join(f"Column {n}" for n in range(1, 11))
BODY = (
    f"| {WIDE} |\n|{'---|' * 10}\n| {' | '.join(f'value {n}' for n in range(1, 10))} | LASTCOLUMN |\n\n"
    "    " + "window_configuration = " + "x" * 150 + " ENDOFLINE\n\n"
    "## A heading\n\nText.[^1]\n\n[^1]: A note.\n\n"
    '<iframe title="Video: the launch" width="560" height="315" src="https://www.youtube.com/embed/abc" allowfullscreen></iframe>\n'
)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[Page]:
    project = Project(tmp_path_factory.mktemp("print")).write({"site.yaml": SITE_YAML})
    project.write({"content/2021/wide.md": article("Wide", "2021-05-24", BODY, rights="All rights reserved.")})
    project.write({"content/2021/before.md": article("Before", "2021-05-23"), "content/2021/after.md": article("After", "2021-05-25")})
    project.build()
    page = browser.new_page(viewport={"width": 800, "height": 1000})
    with served(project.public) as root:
        page.goto(root + "2021/05/24/wide/")
        page.emulate_media(media="print")
        page.root = root  # (for the tests that go elsewhere, and come back)
        yield page
    page.close()


def test_a_wide_table_and_a_long_line_of_code_are_printed_whole(printed: Page) -> None:
    """On screen they scroll; on paper they were cut at the page's edge (its last columns and the line's end gone)."""
    table, code = printed.locator(".prose table"), printed.locator(".prose pre")
    assert table.evaluate("e => e.scrollWidth <= e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'")
    assert code.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    width = printed.evaluate("document.documentElement.clientWidth")
    assert printed.get_by_text("LASTCOLUMN").bounding_box()["x"] < width
    assert printed.get_by_text("ENDOFLINE", exact=False).evaluate("e => getComputedStyle(e.closest('pre')).whiteSpace") == "pre-wrap"


def test_a_heading_keeps_with_its_text_and_controls_are_not_printed(printed: Page) -> None:
    """A heading was left alone at a page's foot; a footnote's ↩ and the translations' links printed as junk."""
    assert printed.locator(".prose h2").evaluate("e => getComputedStyle(e).breakAfter") == "avoid"
    assert printed.locator(".footnote-backref").first.evaluate("e => getComputedStyle(e).display") == "none"


def test_the_pages_own_address_is_printed_and_only_printed(printed: Page) -> None:
    """With the browser's headers off, nothing on paper said where the archived copy lives, to find or cite it."""
    address = printed.locator(".article__address")
    assert address.inner_text() == "This page: https://example.org/2021/05/24/wide/"
    printed.emulate_media(media="screen")
    try:
        assert not address.is_visible()
    finally:
        printed.emulate_media(media="print")


def test_the_rights_notice_is_no_footer_that_reader_modes_leave_out(printed: Page) -> None:
    """Firefox's reader mode (Readability) drops every <footer> of an article, and the rights notice was in one."""
    assert printed.locator("article footer").count() == 0
    assert printed.locator("article .rights").count() == 1


def test_a_pasted_video_player_keeps_its_shape_on_a_phone(printed: Page) -> None:
    """YouTube's share button pastes `<iframe width="560" height="315">`: on a phone its height stayed, the player
    nearly square and the video banded in black."""
    printed.emulate_media(media="screen")
    printed.set_viewport_size({"width": 360, "height": 740})
    try:
        box = printed.locator(".prose iframe").bounding_box()
    finally:  # (the page is the module's: the others see it printed)
        printed.set_viewport_size({"width": 800, "height": 1000})
        printed.emulate_media(media="print")
    assert box["width"] < 360 and abs(box["width"] / box["height"] - 16 / 9) < 0.02


def test_a_days_neighbours_on_a_phone_are_in_the_order_the_keyboard_goes(printed: Page) -> None:
    """On a phone "All of May 2021" was shown above "Earlier" and "Later", where the keyboard went Earlier, All of,
    Later (WCAG 2.4.3): they stand one below another in the page's order."""
    article_url = printed.url
    printed.emulate_media(media="screen")
    printed.set_viewport_size({"width": 360, "height": 740})
    try:
        printed.goto(printed.root + "2021/05/24/")
        tops = [link.bounding_box()["y"] for link in printed.locator(".period-nav a").all()]
    finally:
        printed.goto(article_url)
        printed.set_viewport_size({"width": 800, "height": 1000})
        printed.emulate_media(media="print")
    assert len(tops) == 3 and tops == sorted(tops) and len(set(tops)) == 3
