"""Live reload in a real browser (Playwright with Debian's Chromium): edit, break, fix, delete."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from .conftest import article
from .test_server import ARTICLE, ARTICLE_URL, PROXIED, behind_nginx, running

WAIT_MS = 10_000


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    yield page
    context.close()


def text(body: str, date: str = "2021-05-24T10:15:00+03:00") -> str:
    return article("Russia and China agree", date, body, tags="[Roscosmos]")


def test_edit_break_fix_delete_in_the_browser(project, page):
    project.write({ARTICLE: text("The first text."), "content/2021/june.md": article("June news", "2021-06-02")})
    with running(project.root) as preview:
        url = preview.url.rstrip("/") + ARTICLE_URL
        page.goto(url)
        expect(page.locator("article")).to_contain_text("The first text.")
        page.evaluate("window.notReloaded = true")  # gone after a real reload

        project.write({ARTICLE: text("The second text.")})
        expect(page.locator("article")).to_contain_text("The second text.")
        assert page.evaluate("window.notReloaded") is None

        project.write({ARTICLE: text("The third text.", date="May 24")})
        overlay = page.locator("#ssg-problems")
        expect(overlay).to_contain_text(f"{ARTICLE}:3")
        expect(overlay).to_contain_text("has no year")
        expect(page.locator("article")).to_contain_text("The second text.")  # the last good page, under it

        page.evaluate("window.notReloaded = true")
        project.write({ARTICLE: text("The second text.")})  # the fix brings back the very same page
        expect(overlay).to_have_count(0)
        assert page.evaluate("window.notReloaded") is True  # so the overlay just went, without a reload

        with page.expect_response(url) as response:
            project.remove(ARTICLE)
        assert response.value.status == 404
        expect(page.locator(".not-found")).to_be_visible()


def test_a_page_opened_while_broken_shows_the_overlay_escaped_and_reloads_on_the_fix(project, page):
    project.write({ARTICLE: text("Fine.")})
    with running(project.root) as preview:
        project.write({ARTICLE: text("Broken.", date="<b>May</b>")})
        overlay = page.locator("#ssg-problems")
        page.goto(preview.url.rstrip("/") + ARTICLE_URL)
        expect(overlay).to_contain_text(f"{ARTICLE}:3: date: '<b>May</b>' is not a date")  # as text, not markup
        assert page.locator("#ssg-problems li b").count() == 1  # only the file:line
        expect(overlay).to_have_attribute("lang", "en")  # its words are English on a Russian page too (screen readers)
        project.write({ARTICLE: text("Fixed.")})
        expect(page.locator("article")).to_contain_text("Fixed.")
        expect(overlay).to_have_count(0)


def test_behind_nginx_at_a_sub_path_with_its_defaults(project, page, tmp_path):
    """The preview behind nginx at /preview/ (proxy_pass http://127.0.0.1:8000/; proxy_buffering on, nginx's default),
    as jupyter-server-proxy and code-server serve it: pages never reloaded nor showed the overlay (a preview trial)."""
    project.write({ARTICLE: text("Proxied.")})
    with running(project.root) as preview, behind_nginx(preview, tmp_path / "nginx", PROXIED) as origin:
        page.goto(origin + "/preview/2021")  # (a folder without its slash: led to it under /preview/)
        assert page.url == origin + "/preview/2021/"
        page.goto(origin + "/preview" + ARTICLE_URL)
        expect(page.locator("article")).to_contain_text("Proxied.")
        project.write({ARTICLE: text("Reloaded.")})
        expect(page.locator("article")).to_contain_text("Reloaded.")
        project.write({ARTICLE: text("Broken.", date="May 24")})
        expect(page.locator("#ssg-problems")).to_contain_text("has no year")


class _BadGateway(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.send_response(502)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def bad_gateway(port: int) -> Iterator[None]:
    """What a proxy answers on `port` while the preview behind it is down: 502, to every request."""
    server = ThreadingHTTPServer(("127.0.0.1", port), _BadGateway)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


def test_a_tab_lives_through_a_restart_behind_a_proxy_that_answered_502_meanwhile(project, page):
    """ssg serve restarted behind a proxy: while it was down the proxy answered the stream 502, and a browser's
    EventSource that gets anything but 200 gives up for good: the tab never reloaded again (a preview trial). The
    script connects again after a pause, as the browser does after a dropped connection."""
    project.write({ARTICLE: text("Before.")})
    with running(project.root) as preview:
        port = preview.server.server_address[1]
        page.goto(preview.url.rstrip("/") + ARTICLE_URL)
        expect(page.locator("article")).to_contain_text("Before.")
    with bad_gateway(port), page.expect_response(lambda response: "/__ssg__/events" in response.url and response.status == 502):
        project.write({ARTICLE: text("Saved while it was down.")})
    with running(project.root, port=port) as preview:
        assert preview.server.server_address[1] == port
        expect(page.locator("article")).to_contain_text("Saved while it was down.")  # (another session: the tab reloads)
        project.write({ARTICLE: text("Saved since.")})
        expect(page.locator("article")).to_contain_text("Saved since.")


def test_nine_tabs_of_one_browser_share_one_live_reload_stream(project, browser):
    """Each tab's live reload held a stream, one of the 6 connections Chromium opens to a host: a 7th visible tab of
    the preview hung, and tabs 7-9 timed out loading (a preview trial). The tabs of one browser share one stream (the
    tab holding a lock keeps it and passes its messages on to the others); each loads, and each reloads on a save."""
    project.write({ARTICLE: text("The first text.")})
    context = browser.new_context()
    try:
        with running(project.root) as preview:
            url = preview.url.rstrip("/") + ARTICLE_URL
            pages = []
            for _ in range(9):
                page = context.new_page()
                page.set_default_timeout(WAIT_MS)
                page.goto(url)
                expect(page.locator("article")).to_contain_text("The first text.")
                page.evaluate("window.notReloaded = true")
                pages.append(page)
            project.write({ARTICLE: text("The second text.")})
            for page in pages:
                expect(page.locator("article")).to_contain_text("The second text.")
                assert page.evaluate("window.notReloaded") is None
            pages[0].close()  # (the tab holding the stream, or another: those left still hear the next save)
            project.write({ARTICLE: text("The third text.")})
            for page in pages[1:]:
                expect(page.locator("article")).to_contain_text("The third text.")
    finally:
        context.close()


def test_a_hidden_tab_reloads_as_it_is_shown_not_on_every_save(project, browser):
    """Since the tabs shared one stream, a hidden tab reloaded on every save it heard over the channel, where before
    it reloaded once, as it was shown again. It lets them pass while hidden, and as it is shown asks for the state and
    reloads where a save came meanwhile."""
    project.write({ARTICLE: text("The first text.")})
    context = browser.new_context()
    try:
        with running(project.root) as preview:
            url = preview.url.rstrip("/") + ARTICLE_URL
            shown, hidden = context.new_page(), context.new_page()
            hidden.add_init_script(
                "window.ssgHidden = false;"
                "Object.defineProperty(Document.prototype, 'hidden', {get: () => window.ssgHidden, configurable: true});"
                "Object.defineProperty(Document.prototype, 'visibilityState',"
                " {get: () => window.ssgHidden ? 'hidden' : 'visible', configurable: true});"
            )
            for page in (shown, hidden):
                page.set_default_timeout(WAIT_MS)
                page.goto(url)
                expect(page.locator("article")).to_contain_text("The first text.")
            hidden.evaluate("window.ssgHidden = true; document.dispatchEvent(new Event('visibilitychange')); window.notReloaded = true")
            shown.evaluate("window.notReloaded = true")
            project.write({ARTICLE: text("The second text.")})
            expect(shown.locator("article")).to_contain_text("The second text.")
            hidden.wait_for_timeout(1000)
            assert hidden.evaluate("window.notReloaded") is True
            hidden.evaluate("window.ssgHidden = false; document.dispatchEvent(new Event('visibilitychange'))")
            expect(hidden.locator("article")).to_contain_text("The second text.")
    finally:
        context.close()
