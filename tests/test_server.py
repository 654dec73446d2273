"""`ssg serve` over real HTTP: files and their types, 404, traversal, live-reload events, stopping."""

from __future__ import annotations

import contextlib
import errno
import http.client
import io
import ipaddress
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import types
import wave
import webbrowser
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from email.message import Message
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from click.testing import CliRunner

import ssg.build
import ssg.server
import ssg.watch
from ssg.build import Builder
from ssg.cli import main
from ssg.errors import SsgError
from ssg.server import Preview, ServeOptions, host_name, inject, inside, is_local, moved_to, network_addresses, refused, relative
from ssg.watch import ReadWriteLock, Rebuilder, View

from .conftest import REPO, SITE_YAML, article, ctrl_c, ssg_env
from .test_nginx import running_nginx

ARTICLE = "content/2021/roscosmos.md"
ARTICLE_URL = "/2021/05/24/roscosmos/"


@contextmanager
def running(root: Path, **options: object) -> Iterator[Preview]:
    """A preview on a free port, rebuilding in a thread, as `ssg serve` does in its main thread."""
    before = set(threading.enumerate())
    preview = Preview(root, ServeOptions(**{"port": 0, **options}))
    preview.start()
    rebuilds = threading.Thread(target=preview.run, name="test-rebuilds")
    rebuilds.start()
    try:
        yield preview
    finally:
        started = time.monotonic()
        preview.stop()
        rebuilds.join(2)
        assert time.monotonic() - started < 1.5  # (prompt: no poll or debounce waited out; a loaded box adds tenths)
        assert set(threading.enumerate()) <= before, "a thread outlived the preview"


def get(preview: Preview, path: str, method: str = "GET", headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """A raw request: http.client sends the path exactly as given (no `..` clean-up)."""
    host, port = preview.server.server_address[:2]
    return fetch(f"http://{host}:{port}{path}", method, headers)


def fetch(url: str, method: str = "GET", headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """`get` of a URL (through a proxy)."""
    address = urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request(method, address.path + (f"?{address.query}" if address.query else ""), headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def script_url(page: bytes) -> str:
    """Where the live-reload script of `page` listens, as written in it."""
    return json.loads(re.search(rb"const epoch = \d+, url = (\"[^\"]*\");", page)[1])


def redirect(preview: Preview, path: str) -> tuple[int, str | None]:
    """The status of GET `path`, and where its Location leads, resolved as a browser resolves it. Every Location is
    relative to the request: a path from the root led out of a proxy's sub-path (`relative`)."""
    status, headers, _ = get(preview, path)
    location = headers.get("Location")
    assert location is None or not location.startswith("/"), location
    return status, None if location is None else urljoin(path, location)


class Events:
    """A client of the live-reload event stream (of the preview, or at `url`: through a proxy)."""

    def __init__(self, preview: Preview, url: str | None = None):
        host, port = preview.server.server_address[:2]
        address = urlsplit(url or f"http://{host}:{port}/__ssg__/events")
        self.connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
        self.connection.request("GET", address.path)
        self.response = self.connection.getresponse()
        assert self.response.status == 200, self.response.status
        assert self.response.getheader("Content-Type") == "text/event-stream; charset=utf-8"

    def until(self, wanted: Callable[[dict], bool]) -> dict:
        while True:
            line = self.response.fp.readline()
            assert line, "the stream ended"
            if line.startswith(b"data: ") and wanted(message := json.loads(line[6:])):
                return message

    def close(self) -> None:
        self.connection.close()


@contextmanager
def behind_nginx(preview: Preview, tmp: Path, locations: str) -> Iterator[str]:
    """A real nginx in front of `preview` with `locations` (UPSTREAM: the preview's address), nginx's defaults otherwise
    (proxy_buffering on among them); yields nginx's origin (http://127.0.0.1:<port>)."""
    upstream = f"http://127.0.0.1:{preview.server.server_address[1]}"
    tmp.mkdir(exist_ok=True)
    with running_nginx(tmp, lambda port: f"server {{\n    listen 127.0.0.1:{port};\n{locations.replace('UPSTREAM', upstream)}\n}}") as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def site(project):
    return project.write(
        {
            "site.yaml": SITE_YAML + "# secret-in-site-yaml\n",
            ARTICLE: article("Russia and China agree", "2021-05-24T10:15:00+03:00", "The first text.", tags="[Roscosmos]"),
            "content/2021/june.md": article("June news", "2021-06-02T08:00:00+03:00"),
            "content/2021/draft.md": article("A draft", "2021-07-01", draft="true"),
            "static/data.json": '{"a": 1}',
            "static/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
            "static/img/pixel.png": b"\x89PNG\r\n\x1a\n",
            "static/fonts/serif.woff2": b"wOF2",
            "static/robots.txt": "User-agent: *\n",
        }
    )


@pytest.fixture
def preview(site):
    with running(site.root) as preview:
        yield preview


def test_files_with_their_types(preview):
    expected = {
        "/": "text/html; charset=utf-8",
        ARTICLE_URL: "text/html; charset=utf-8",
        "/assets/style.css": "text/css; charset=utf-8",
        "/assets/site.js": "text/javascript; charset=utf-8",
        "/data.json": "application/json; charset=utf-8",
        "/feed.xml": "application/xml; charset=utf-8",
        "/logo.svg": "image/svg+xml; charset=utf-8",
        "/img/pixel.png": "image/png",
        "/fonts/serif.woff2": "font/woff2",
        "/robots.txt": "text/plain; charset=utf-8",
    }
    for path, content_type in expected.items():
        status, headers, body = get(preview, path)
        assert (status, headers["Content-Type"]) == (200, content_type), path
        assert headers["Cache-Control"] == "no-store"
    assert get(preview, "/data.json")[2] == b'{"a": 1}'


def test_the_event_stream_goes_through_nginx_as_configured_by_default(site, preview, tmp_path):
    """nginx buffers what it proxies (proxy_buffering on, its default): the stream's first message waited in its buffer
    for more, and pages behind it never reloaded nor showed the error overlay (a preview trial). The stream tells it
    not to (X-Accel-Buffering: no), as every proxy that buffers so is told."""
    assert get(preview, "/__ssg__/events", "HEAD")[1]["X-Accel-Buffering"] == "no"
    with behind_nginx(preview, tmp_path / "nginx", "    location / { proxy_pass UPSTREAM; }") as origin:
        events = Events(preview, origin + "/__ssg__/events")
        first = events.until(lambda m: True)  # (held by nginx, this read times out)
        site.write({ARTICLE: article("Russia and China agree", "2021-05-24T10:15:00+03:00", "Via nginx.", tags="[Roscosmos]")})
        events.until(lambda m: m["epoch"] != first["epoch"])
        events.close()


PROXIED = """\
    location /preview/ { proxy_pass UPSTREAM/; }
    location /archive/ { proxy_pass UPSTREAM; }
    location / { return 404; }"""  # the preview at a sub-path, as a proxy strips it (/preview/) and as it keeps it


def test_behind_a_proxy_at_a_sub_path_the_stream_and_redirects_stay_under_it(site, preview, tmp_path):
    """jupyter-server-proxy (/user/x/proxy/8000/), code-server (/proxy/8000/) and nginx's `location /preview/ {
    proxy_pass http://127.0.0.1:8000/; }` serve the preview at a sub-path they strip: the script listened at
    /__ssg__/events, outside it (nginx's 404: no reload), and redirects led out of it too (a preview trial)."""
    with behind_nginx(preview, tmp_path / "nginx", PROXIED) as origin:
        page = origin + "/preview" + ARTICLE_URL
        status, _, body = fetch(page)
        assert status == 200 and script_url(body) == "../../../../__ssg__/events"
        events = Events(preview, urljoin(page, script_url(body)))
        epoch = events.until(lambda m: True)["epoch"]
        status, headers, _ = fetch(origin + "/preview/2021?x=1")
        assert (status, urljoin(origin + "/preview/2021", headers["Location"])) == (301, origin + "/preview/2021/?x=1")
        site.write({ARTICLE: article("Russia and China agree", "2021-06-01T10:15:00+03:00", "Moved.", tags="[Roscosmos]")})
        events.until(lambda m: m["epoch"] != epoch)
        status, headers, _ = fetch(page)
        assert (status, urljoin(page, headers["Location"])) == (302, origin + "/preview/2021/06/01/roscosmos/")
        events.close()
        status, _, body = fetch(origin + "/preview/no/such/page/")
        assert status == 404 and urljoin(origin + "/preview/no/such/page/", script_url(body)) == origin + "/preview/__ssg__/events"


def test_behind_a_proxy_with_base_urls_path_the_stream_is_under_it(site, tmp_path):
    """base_url's path (/archive/) is where the preview serves the site: a proxy that passes on that path alone, as
    the site's own server block would (`location /archive/`), has the stream there too; one that strips its own
    (/preview/) leads from its root to /preview/archive/."""
    site.write({"site.yaml": SITE_YAML.replace("base_url: https://example.org/", "base_url: https://example.org/archive/")})
    with running(site.root) as preview, behind_nginx(preview, tmp_path / "nginx", PROXIED) as origin:
        for page in (origin + "/archive/2021/", origin + "/preview/archive/2021/"):
            status, _, body = fetch(page)
            assert status == 200 and script_url(body) == "../__ssg__/events"
            Events(preview, urljoin(page, script_url(body))).close()
        status, headers, _ = fetch(origin + "/preview/")
        assert (status, urljoin(origin + "/preview/", headers["Location"])) == (302, origin + "/preview/archive/")
        assert get(preview, "/__ssg__/events", "HEAD")[0] == 200  # (and at the root, as before)


def test_relative():
    """A Location and the script's stream, relative to the page asked for, as the browser resolves them."""
    cases = {
        ("/2021", "/2021/?x=1"): "./2021/?x=1",
        ("/", "/archive/"): "./archive/",
        ("/archive", "/archive/"): "./archive/",
        ("/2021/05/24/roscosmos/", "/2021/06/01/roscosmos/"): "../../../06/01/roscosmos/",
        ("/2021/05/24/roscosmos/index.html", "/__ssg__/events"): "../../../../__ssg__/events",
        ("/archive/2021/", "/archive/__ssg__/events"): "../__ssg__/events",
        ("/a/b/", "/a/b/"): "./",
        ("/а/x/", "/%D0%B0/y/"): "../y/",  # (the same folder, as sent and as encoded)
        ("/x", "/a:b/"): "./a:b/",  # (not a scheme)
    }
    for (path, location), expected in cases.items():
        assert relative(path, location) == expected, (path, location)
        for prefix in ("", "/user/x/proxy/8000"):  # resolved to the same place directly and behind a stripping proxy
            assert unquote(urljoin("http://h" + prefix + path, expected)) == unquote("http://h" + prefix + urljoin(path, location))


def test_html_gets_the_script_the_files_on_disk_do_not(preview):
    body = get(preview, ARTICLE_URL)[2].decode()
    assert "The first text." in body and body.count("data-ssg-live-reload") == 1
    assert body.index("data-ssg-live-reload") < body.rindex("</body>")
    on_disk = (preview.rebuilder.view.folder / ARTICLE_URL.strip("/") / "index.html").read_text(encoding="utf-8")
    assert "ssg-live-reload" not in on_disk
    assert "ssg-live-reload" not in get(preview, "/assets/site.js")[2].decode()


def test_drafts_are_shown_and_the_deploy_folder_is_untouched(site, preview):
    assert get(preview, "/2021/07/01/draft/")[0] == 200
    assert preview.rebuilder.view.folder == site.root.resolve() / ".ssg-cache/serve"
    assert not site.public.exists()


def test_no_drafts(site, capsys):
    with running(site.root, drafts=False) as preview:
        assert get(preview, "/2021/07/01/draft/")[0] == 404
        assert get(preview, ARTICLE_URL)[0] == 200
    # (serve has no --drafts to suggest)
    assert "1 draft left out (ssg serve without --no-drafts shows them)" in capsys.readouterr().out


def test_no_reload_injects_nothing(site):
    with running(site.root, reload=False) as preview:
        assert b"ssg-live-reload" not in get(preview, ARTICLE_URL)[2]


def test_head_is_get_without_the_body(preview):
    for path in (ARTICLE_URL, "/assets/style.css", "/no/such/page/"):
        get_status, get_headers, get_body = get(preview, path)
        head_status, head_headers, head_body = get(preview, path, "HEAD")
        assert head_body == b"" and head_status == get_status
        assert head_headers["Content-Type"] == get_headers["Content-Type"]
        assert head_headers["Content-Length"] == get_headers["Content-Length"] == str(len(get_body))


def test_missing_page_is_the_sites_own_404(preview):
    status, headers, body = get(preview, "/no/such/page/")
    assert status == 404 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert b'class="not-found"' in body and b"data-ssg-live-reload" in body


def test_a_path_whose_name_the_system_refuses_is_the_sites_own_404(preview):
    """A segment of 256 characters or more (ENAMETOOLONG), or a path longer than the system's limit: asking whether the
    file was there raised, the error was taken for a closed connection, and the browser got no answer at all."""
    for path in (f"/{'a' * 256}/", f"/2021/{'%C3%A9' * 200}", "/a" * 3000):
        status, _, body = get(preview, path)
        assert status == 404 and b'class="not-found"' in body, path


def test_folder_without_slash_redirects(preview):
    assert redirect(preview, "/2021?x=1") == (301, "/2021/?x=1")
    assert get(preview, "/2021?x=1")[1]["Location"] == "./2021/?x=1"


def test_served_under_the_path_of_base_url(site):
    site.write({"site.yaml": "title: T\nbase_url: https://example.org/archive/\n"})
    with running(site.root) as preview:
        assert preview.url.endswith("/archive/")
        assert redirect(preview, "/") == (302, "/archive/") and redirect(preview, "/archive") == (302, "/archive/")
        assert get(preview, "/archive" + ARTICLE_URL)[0] == 200
        assert get(preview, ARTICLE_URL)[0] == 404


def test_no_path_leads_out_of_the_output_folder(site, preview, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("top secret")
    (preview.rebuilder.view.folder / "link-dir").symlink_to(outside, target_is_directory=True)
    (preview.rebuilder.view.folder / "link-file.txt").symlink_to(outside / "secret.txt")
    up = os.path.relpath(tmp_path, preview.rebuilder.view.folder)  # ../../../.. from the preview folder
    attempts = [
        f"/{up}/outside/secret.txt",
        f"/{up.replace('..', '%2e%2e')}/outside/secret.txt",
        f"/{up.replace('..', '%2E%2E')}/outside/secret.txt",
        f"/{up.replace('/', '%2f')}%2foutside%2fsecret.txt",
        f"/assets/../{up}/outside/secret.txt",
        "/../../../../site.yaml",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/site.yaml",
        "/..%5c..%5c..%5c..%5csite.yaml",
        f"/{outside / 'secret.txt'}",  # absolute
        f"//{outside / 'secret.txt'}",
        f"/%2F{str(outside / 'secret.txt').lstrip('/').replace('/', '%2F')}",
        "/link-dir/secret.txt",  # symlinks that point out
        "/link-file.txt",
        "/link-dir/",
        "/%00/etc/passwd",
    ]
    for path in attempts:
        status, _, body = get(preview, path)
        assert status == 404, path
        assert b"top secret" not in body and b"secret-in-site-yaml" not in body, path


def test_several_clients_at_once(preview):
    paths = [ARTICLE_URL, "/", "/assets/style.css", "/feed.xml", "/tags/"] * 20
    with ThreadPoolExecutor(16) as pool:
        statuses = list(pool.map(lambda path: get(preview, path)[0], paths))
    assert statuses == [200] * len(paths)


def test_edit_break_fix_delete(site, preview, capsys):
    events = Events(preview)
    first = events.until(lambda m: True)
    assert first["problems"] == []
    site.write({ARTICLE: article("Russia and China agree", "2021-05-24T10:15:00+03:00", "The second text.", tags="[Roscosmos]")})
    edited = events.until(lambda m: m["epoch"] != first["epoch"])
    assert b"The second text." in get(preview, ARTICLE_URL)[2]  # complete before the event was sent

    site.write({ARTICLE: article("Russia and China agree", "May 24", "The third text.")})
    broken = events.until(lambda m: m["problems"])
    assert broken["epoch"] == edited["epoch"]  # no reload: the last good site stays
    assert broken["problems"][0]["path"] == ARTICLE and broken["problems"][0]["line"] == 3
    assert b"The second text." in get(preview, ARTICLE_URL)[2]
    out = capsys.readouterr()
    assert out.err.count(f"error: {ARTICLE}:3: date:") == 1 and "Traceback" not in out.err

    site.write({ARTICLE: article("Russia and China agree", "2021-05-24T10:15:00+03:00", "The fourth text.", tags="[Roscosmos]")})
    fixed = events.until(lambda m: not m["problems"])
    assert fixed["epoch"] != edited["epoch"] and b"The fourth text." in get(preview, ARTICLE_URL)[2]

    site.remove(ARTICLE)
    events.until(lambda m: m["epoch"] != fixed["epoch"])
    assert get(preview, ARTICLE_URL)[0] == 404
    assert get(preview, "/tags/roscosmos/")[0] == 404  # its only tag went with it
    events.close()


def test_a_failure_tidying_up_is_reported_and_the_preview_goes_on(site, monkeypatch, capsys):
    """What a build leaves for a pause (saving the search index's state) is for later builds only."""
    tried = threading.Event()

    def broken(builder: Builder, stop: object = None) -> None:
        tried.set()
        raise OSError("No space left on device")

    monkeypatch.setattr(Builder, "tidy", broken)
    with running(site.root) as preview:
        events = Events(preview)
        first = events.until(lambda m: True)
        assert tried.wait(5)  # once the project was quiet for a moment
        site.write({ARTICLE: article("Russia and China agree", "2021-05-24T10:15:00+03:00", "After the failure.", tags="[Roscosmos]")})
        events.until(lambda m: m["epoch"] != first["epoch"])
        assert b"After the failure." in get(preview, ARTICLE_URL)[2]
        events.close()
    assert "tidying up after the build failed (OSError: No space left on device)" in capsys.readouterr().err


@contextmanager
def held_builds(monkeypatch) -> Iterator[tuple[threading.Event, threading.Event]]:
    """Builds that stop before they write anything, until let go: (reached, let_go)."""
    reached, let_go = threading.Event(), threading.Event()
    real = ssg.build.write_site

    def held(*args: object, **kwargs: object) -> object:
        reached.set()
        assert let_go.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(ssg.build, "write_site", held)
    try:
        yield reached, let_go
    finally:
        let_go.set()


def test_pages_are_answered_from_the_last_build_while_the_next_one_runs(site, monkeypatch):
    """A rebuild holds requests back only while it moves its files in: a long one (a new article at 10,000 articles
    takes seconds) left every page of the preview waiting for it."""
    with running(site.root) as preview, held_builds(monkeypatch) as (reached, let_go):
        events = Events(preview)
        first = events.until(lambda m: True)
        site.write({ARTICLE: article("Russia and China agree", "2021-05-24T10:15:00+03:00", "The next text.", tags="[Roscosmos]")})
        assert reached.wait(10)
        started = time.monotonic()
        assert b"The first text." in get(preview, ARTICLE_URL)[2] and time.monotonic() - started < 2
        let_go.set()
        events.until(lambda m: m["epoch"] != first["epoch"])
        assert b"The next text." in get(preview, ARTICLE_URL)[2]
        events.close()


def test_a_new_session_shows_the_last_preview_while_its_first_build_runs(site, monkeypatch, capsys):
    """The first build of a session goes over the whole site (seconds at 10,000 articles) before the first save can be
    quick: the preview the last session left is served meanwhile, and open tabs reload once it is done."""
    with running(site.root):
        pass
    site.write({ARTICLE: article("Russia and China agree", "2021-05-24T10:15:00+03:00", "Saved between sessions.", tags="[Roscosmos]")})
    capsys.readouterr()
    with held_builds(monkeypatch) as (reached, let_go):
        preview = Preview(site.root, ServeOptions(port=0))
        starting = threading.Thread(target=preview.start)
        starting.start()
        try:
            assert reached.wait(10)
            assert b"The first text." in get(preview, ARTICLE_URL)[2]  # the last session's, served already
            assert "the last session's preview until this build is done" in capsys.readouterr().out
            events = Events(preview)
            first = events.until(lambda m: True)
            let_go.set()
            starting.join(10)
            assert events.until(lambda m: m["epoch"] != first["epoch"])  # the tabs reload
            assert b"Saved between sessions." in get(preview, ARTICLE_URL)[2]
            events.close()
        finally:
            let_go.set()
            starting.join(10)
            preview.stop()


def test_new_renamed_and_template_changes(site, preview):
    events = Events(preview)
    epoch = events.until(lambda m: True)["epoch"]
    site.write({"content/2021/new.md": article("Brand new", "2021-08-01")})
    epoch = events.until(lambda m: m["epoch"] != epoch)["epoch"]
    assert get(preview, "/2021/08/01/new/")[0] == 200
    os.replace(site.root / "content/2021/new.md", site.root / "content/2021/renamed.md")
    epoch = events.until(lambda m: m["epoch"] != epoch)["epoch"]
    assert get(preview, "/2021/08/01/renamed/")[0] == 200
    # The tab that showed it follows it (the file's name is the slug's), as one whose date moves it does.
    assert redirect(preview, "/2021/08/01/new/") == (302, "/2021/08/01/renamed/")
    site.write({"templates/article.html": '{% extends "base.html" %}{% block content %}OVERRIDDEN {{ page.title }}{% endblock %}'})
    events.until(lambda m: m["epoch"] != epoch)
    assert b"OVERRIDDEN Russia and China agree" in get(preview, ARTICLE_URL)[2]
    events.close()


def test_a_tab_showing_an_article_follows_it_when_its_date_moves_it(site, preview):
    """A new date moves the page (its URL has the date): the tab that showed it reloaded into a 404."""
    events = Events(preview)
    epoch = events.until(lambda m: True)["epoch"]
    site.write({ARTICLE: article("Russia and China agree", "2021-06-01T10:15:00+03:00", "Moved.", tags="[Roscosmos]")})
    epoch = events.until(lambda m: m["epoch"] != epoch)["epoch"]
    assert redirect(preview, ARTICLE_URL) == (302, "/2021/06/01/roscosmos/")
    assert b"Moved." in get(preview, "/2021/06/01/roscosmos/")[2]
    site.write({ARTICLE: article("Russia and China agree", "2021-05-24T10:15:00+03:00", "Back.", tags="[Roscosmos]")})
    events.until(lambda m: m["epoch"] != epoch)
    assert get(preview, ARTICLE_URL)[0] == 200 and redirect(preview, "/2021/06/01/roscosmos/")[1] == ARTICLE_URL
    assert get(preview, "/2021/09/09/never/")[0] == 404
    events.close()


def test_a_tab_follows_its_page_when_base_url_moves_the_site_to_a_sub_path_and_back(site, preview):
    """A new user's trial: base_url given a path (https://example.org/archive/) while the preview ran; every open tab
    reloaded into a 404 (/2021/05/24/roscosmos/ is /archive/2021/05/24/roscosmos/ since), and again on the way back."""
    events = Events(preview)
    epoch = events.until(lambda m: True)["epoch"]
    yaml = (site.root / "site.yaml").read_text()
    assert "base_url: https://example.org/\n" in yaml
    site.write({"site.yaml": yaml.replace("base_url: https://example.org/\n", "base_url: https://example.org/archive/\n")})
    epoch = events.until(lambda m: m["epoch"] != epoch)["epoch"]
    for path in (ARTICLE_URL, "/tags/", "/feed.xml"):
        assert redirect(preview, path) == (302, "/archive" + path)
    assert get(preview, "/archive" + ARTICLE_URL)[0] == 200
    assert get(preview, "/2021/09/09/never/")[0] == 404 and get(preview, "/archive/nothing/")[0] == 404
    site.write({"site.yaml": yaml})
    events.until(lambda m: m["epoch"] != epoch)
    assert redirect(preview, "/archive" + ARTICLE_URL) == (302, ARTICLE_URL)
    assert get(preview, ARTICLE_URL)[0] == 200 and get(preview, "/archive/never/")[0] == 404
    events.close()


def test_following_a_remounted_page_reads_no_file(tmp_path, monkeypatch):
    """A tab's 404 after base_url moved the site under /archive/: whether the page is there was asked by reading it
    whole, and the 404 page after it where not; a look at the folder answers as well."""
    folder = tmp_path / "preview"
    (folder / "2021" / "x").mkdir(parents=True)
    (folder / "2021" / "x" / "index.html").write_bytes(b"<p>" * 100_000)
    (folder / "404.html").write_text("gone")
    live = types.SimpleNamespace(view=View(folder, "/archive/"), moved={}, remounted={"/": "/archive/"})
    read = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or real(self))
    assert moved_to(live, "/2021/x/") == "/archive/2021/x/"
    assert moved_to(live, "/2021/x") == "/archive/2021/x"  # (a folder: its redirect to the path with a slash)
    assert moved_to(live, "/2021/y/") is None
    assert read == []


def test_template_error_and_missing_image_are_problems(site, preview):
    events = Events(preview)
    events.until(lambda m: True)
    site.write({"templates/article.html": '{% extends "base.html" %}\n{% block content %}\n{% if %}\n{% endblock %}'})
    problem = events.until(lambda m: m["problems"])["problems"][0]
    assert (problem["path"], problem["line"]) == ("templates/article.html", 3)
    site.remove("templates/article.html")
    events.until(lambda m: not m["problems"])
    site.write({"content/2021/june.md": article("June news", "2021-06-02T08:00:00+03:00", image="{src: images/gone.png, alt: x}")})
    problem = events.until(lambda m: m["problems"])["problems"][0]
    assert problem["path"] == "content/2021/june.md" and "images/gone.png" in problem["message"]
    events.close()


def test_a_bad_site_yaml_is_an_overlay_not_a_crash(site, preview):
    events = Events(preview)
    events.until(lambda m: True)
    site.write({"site.yaml": SITE_YAML.replace("paginate: 2", "paginate: many")})
    broken = events.until(lambda m: m["problems"])
    assert broken["problems"][0]["path"] == "site.yaml" and broken["problems"][0]["field"] == "paginate"
    assert get(preview, ARTICLE_URL)[0] == 200
    site.write({"site.yaml": SITE_YAML.replace("Test archive", "Renamed archive")})
    events.until(lambda m: not m["problems"])
    assert b"Renamed archive" in get(preview, ARTICLE_URL)[2]
    events.close()


def test_port_in_use_takes_the_next_one(site, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with running(site.root, port=port) as preview:
            assert preview.server.server_address[1] != port
            assert get(preview, "/")[0] == 200
    assert f"Port {port} is in use; serving on port" in capsys.readouterr().out


def ssg_serve(root: Path) -> dict:
    """`ssg serve` on any free port, as a separate process."""
    return {
        "args": [sys.executable, "-m", "ssg", "-C", str(root), "serve", "--port", "0"],
        "cwd": REPO,
        "env": ssg_env(),
    }


def test_a_bad_site_yaml_at_start_is_exit_1(site):
    site.write({"site.yaml": "title: [unclosed\n"})
    result = subprocess.run(**ssg_serve(site.root), capture_output=True, text=True, timeout=20)
    assert result.returncode == 1 and "site.yaml:1" in result.stderr and "Traceback" not in result.stderr


def test_ctrl_c_stops_at_once(site):
    process = subprocess.Popen(**ssg_serve(site.root), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = []
        while not lines or not lines[-1].startswith("Serving "):
            lines.append(process.stdout.readline())
            assert lines[-1], "".join(lines)
        address = urlsplit(lines[-1].split()[1])
        stream = socket.create_connection((address.hostname, address.port))  # an open event stream
        stream.sendall(b"GET /__ssg__/events HTTP/1.1\r\nHost: x\r\n\r\n")
        idle = socket.create_connection((address.hostname, address.port))  # a browser's pre-connect
        stream.recv(100)
        started = time.monotonic()
        ctrl_c(process, lambda: process.communicate()[0])
        output = process.communicate()[0]
        assert time.monotonic() - started < 2.5  # (the open connections hold nothing: held, it waits out ctrl_c's 5 s)
        assert process.returncode == 0 and "Stopped." in output and "Traceback" not in output
        stream.close()
        idle.close()
    finally:
        process.kill()
        process.wait()


def test_poll_sees_a_save_that_no_file_event_tells(site, tmp_path, monkeypatch):
    """`ssg serve --poll` (the default where the project is on a network drive, a FUSE mount or a virtual machine's
    shared folder): a write through a hard link from outside the project, which no file event tells, reloads the tab."""
    monkeypatch.setattr(Rebuilder, "catch_up", lambda self: None)  # (the listing of a pause would find it once)
    os.link(site.root / ARTICLE, tmp_path / "outside.md")
    with running(site.root, poll=True) as preview:
        events = Events(preview)
        first = events.until(lambda m: True)
        (tmp_path / "outside.md").write_text(article("Russia and China agree", "2021-05-24T10:15:00+03:00", "Polled."), encoding="utf-8")
        events.until(lambda m: m["epoch"] != first["epoch"])
        assert b"Polled." in get(preview, ARTICLE_URL)[2]
        events.close()


def test_read_write_lock():
    lock, order = ReadWriteLock(), []
    with lock.exclusive():
        reader = threading.Thread(target=lambda: [lock.shared().__enter__(), order.append("read")])
        reader.start()
        reader.join(0.1)
        order.append("written")
    reader.join(10)  # (reads once the write is done: on a loaded box maybe not within a second)
    assert order == ["written", "read"]


def test_inside():
    folder = Path("/srv/site")
    assert inside(folder, "a/b.html") == folder / "a/b.html"
    assert inside(folder, "") == folder
    assert inside(folder, "a/../../x") is None and inside(folder, "..") is None


def test_inject():
    assert inject(b"<p>x</p></BODY></html>", 3, "/e").startswith(b"<p>x</p><script data-ssg-live-reload>")
    assert b"const epoch = 3" in inject(b"<p>x</p>", 3, "/e") and inject(b"<p>x</p>", 3, "/e").endswith(b"</script>\n")


def test_listening_on_every_address_tells_the_local_address_and_the_networks(site, monkeypatch, capsys):
    """`--host 0.0.0.0` printed Serving http://0.0.0.0:8000/, which no browser or phone opens, and --open opened it (a
    preview trial): the local address is the preview's, and others are told the machine's own, as Vite tells them."""
    monkeypatch.setattr(ssg.server, "network_addresses", lambda ipv6: ["192.0.2.7"] + ["2001:db8::7"] * ipv6)
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", opened.append)
    with running(site.root, host="0.0.0.0", open_browser=True) as preview:
        port = preview.server.server_address[1]
        assert preview.url == f"http://127.0.0.1:{port}/" and fetch(preview.url)[0] == 200
    out = capsys.readouterr()
    assert f"Serving http://127.0.0.1:{port}/ (" in out.out and f"\n  on your network: http://192.0.2.7:{port}/\n" in out.out
    assert opened == [f"http://127.0.0.1:{port}/"] and "2001:db8::7" not in out.out
    assert "warning: listening on 0.0.0.0: others on your network can see the preview" in out.err
    with running(site.root, host="[::]") as preview:  # (in brackets, as copied from a URL)
        port = preview.server.server_address[1]
        assert preview.url == f"http://[::1]:{port}/" and fetch(preview.url)[0] == 200
    out = capsys.readouterr()
    assert f"\n  on your network: http://192.0.2.7:{port}/\n  on your network: http://[2001:db8::7]:{port}/\n" in out.out
    assert "warning: listening on [::]: others on your network can see the preview" in out.err
    with running(site.root, host="[::1]") as preview:
        assert preview.url == f"http://[::1]:{preview.server.server_address[1]}/" and fetch(preview.url)[0] == 200
    out = capsys.readouterr()
    assert "on your network" not in out.out and "warning" not in out.err


def test_network_addresses_leave_out_what_others_cannot_open(monkeypatch):
    """This machine's name resolves to its loopback address on Debian (127.0.1.1), and to link-local ones elsewhere."""
    resolved = ["127.0.1.1", "169.254.3.4", "198.51.100.9", "fe80::1%eth0", "2001:db8::9", "198.51.100.9"]

    def getaddrinfo(host: str, port: object, type: int = 0) -> list[tuple]:  # noqa: A002 - socket's name
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, type, 6, "", (a, 0)) for a in resolved]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    found = network_addresses(ipv6=True)
    assert [a for a in found if a in resolved] == ["198.51.100.9", "2001:db8::9"]  # (and the default route's, if any)
    assert all(not ipaddress.ip_address(a).is_loopback and not ipaddress.ip_address(a).is_link_local for a in found)
    assert "2001:db8::9" not in network_addresses(ipv6=False)


def test_is_local():
    assert is_local("127.0.0.1") and is_local("::1") and is_local("localhost")
    assert not is_local("0.0.0.0") and not is_local("192.168.1.5") and not is_local("example.org")


def test_a_second_preview_of_the_project_is_refused_naming_the_first(site):
    """A second `ssg serve` in the project started on the next port, and the two failed each other's builds on every
    save (found by a new user's trial): it is refused at once, with the first one's address; once that stops, a new one
    starts."""
    with running(site.root) as first:
        second = Preview(site.root, ServeOptions(port=0))
        with pytest.raises(SsgError) as raised:
            second.start()
        second.stop()
        assert f"another ssg serve is previewing this project at {first.url} (process {os.getpid()})" in str(raised.value)
        assert get(first, "/")[0] == 200  # the first one goes on
    with running(site.root) as again:
        assert get(again, "/")[0] == 200


def test_a_full_disk_under_the_preview_folder_does_not_stop_the_preview_starting(site, monkeypatch):
    """`ssg serve` writes its address into the preview's lock file for a second one to name; on a full disk that write
    ended the command with a traceback before anything was served, where the build says what is full."""

    def full(handle: int, data: bytes, offset: int) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "pwrite", full)
    with running(site.root) as preview:
        assert get(preview, ARTICLE_URL)[0] == 200


def test_an_unsupported_search_language_is_an_overlay_on_site_yamls_line(site, preview):
    """The preview showed "internal error": the index refused the language with a ValueError."""
    events = Events(preview)
    events.until(lambda m: True)
    site.write({"site.yaml": SITE_YAML + "search: {languages: [uk]}\n"})
    problem = events.until(lambda m: m["problems"])["problems"][0]
    assert (problem["path"], problem["line"], problem["field"]) == ("site.yaml", SITE_YAML.count("\n") + 1, "search")
    assert problem["message"] == "languages: 'uk' is not supported (use en, ru)"
    events.close()


def test_a_tab_showing_a_standalone_page_follows_it_when_its_slug_changes(site, preview):
    """`slug: about` given to content/pages/ob-arkhive.md: the tab showing /ob-arkhive/ reloaded into a 404 (found by
    a daily user's trial), where an article's tab follows it."""
    events = Events(preview)
    epoch = events.until(lambda m: True)["epoch"]
    site.write({"content/pages/ob-arkhive.md": "---\ntitle: Об архиве\nmenu: 1\n---\nТекст.\n"})
    epoch = events.until(lambda m: m["epoch"] != epoch)["epoch"]
    assert get(preview, "/ob-arkhive/")[0] == 200
    site.write({"content/pages/ob-arkhive.md": "---\ntitle: Об архиве\nmenu: 1\nslug: about\n---\nТекст.\n"})
    events.until(lambda m: m["epoch"] != epoch)
    assert redirect(preview, "/ob-arkhive/") == (302, "/about/")
    events.close()


def test_another_sites_page_cannot_read_the_preview(site):
    """A page of another site the author had open read the preview's drafts: by loading its search index and latest.js
    as scripts, and by a name of its own that its DNS turned to 127.0.0.1 (DNS rebinding), for which the server
    answered as for localhost (found by a security trial). Both are refused, as Vite refuses them; following a link
    from another site, the author's own names (`.local`, addresses) and a proxy's name allowed by --allow-host are not."""
    with running(site.root, allowed_hosts=("hub.example.org",)) as preview:
        port = preview.server.server_address[1]
        for host in ("attacker.example", f"rebind.example:{port}"):
            status, _, body = get(preview, "/latest.js", headers={"Host": host})
            assert status == 403 and b"answers requests for localhost" in body, host
        for host in (
            f"localhost.:{port}",
            f"localhost:{port}",
            f"127.0.0.1:{port}",
            "192.168.1.5:8000",
            "[::1]:8000",
            "laptop.local",
            "hub.example.org",
            "x.localhost",
        ):
            assert get(preview, "/latest.js", headers={"Host": host})[0] == 200, host
        script = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "script"}
        assert get(preview, "/search/index.js", headers=script)[0] == 403
        assert get(preview, "/latest.js", headers={**script, "Sec-Fetch-Site": "same-site"})[0] == 403
        assert get(preview, "/", headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"})[0] == 200
        assert get(preview, "/latest.js", headers={**script, "Sec-Fetch-Site": "same-origin"})[0] == 200


def test_a_single_byte_range_is_answered_with_that_part(site):
    """A video in an article could not be seeked in Chromium (seekable [0, 0]) and Safari plays no mp4 from a server
    without byte ranges: the preview answered every Range with 200 and the whole file (a preview trial). One range is
    answered 206 with its part; one past the end 416; several, or an If-Range (the preview gives no validator to
    match), the whole file; a page that gets the live-reload script is no file as it is, and is sent whole."""
    clip = bytes(range(256)) * 4
    site.write({"static/files/clip.mp4": clip})
    with running(site.root) as preview:
        status, headers, body = get(preview, "/files/clip.mp4")
        assert (status, headers["Accept-Ranges"], headers["Content-Type"], body) == (200, "bytes", "video/mp4", clip)
        for asked, part in (
            ("bytes=100-199", (100, 199)),
            ("bytes=1000-", (1000, 1023)),
            ("bytes=-24", (1000, 1023)),
            ("bytes=0-5000", (0, 1023)),
        ):
            status, headers, body = get(preview, "/files/clip.mp4", headers={"Range": asked})
            assert status == 206, asked
            assert headers["Content-Range"] == f"bytes {part[0]}-{part[1]}/1024", asked
            assert body == clip[part[0] : part[1] + 1] and headers["Content-Length"] == str(len(body)), asked
        status, headers, body = get(preview, "/files/clip.mp4", "HEAD", headers={"Range": "bytes=100-199"})
        assert (status, headers["Content-Range"], headers["Content-Length"], body) == (206, "bytes 100-199/1024", "100", b"")
        for asked in ("bytes=1024-", "bytes=-0"):
            status, headers, body = get(preview, "/files/clip.mp4", headers={"Range": asked})
            assert (status, headers["Content-Range"], body) == (416, "bytes */1024", b""), asked
        for asked in (
            {"Range": "bytes=0-1,5-6"},
            {"Range": "bytes=0-1", "If-Range": '"x"'},
            {"Range": "lines=1-2"},
            {"Range": "bytes=9-1"},
        ):
            assert get(preview, "/files/clip.mp4", headers=asked)[:3:2] == (200, clip), asked
        status, headers, body = get(preview, ARTICLE_URL, headers={"Range": "bytes=0-9"})
        assert status == 200 and b"data-ssg-live-reload" in body and "Accept-Ranges" not in headers


def test_a_file_is_sent_from_disk_not_read_whole_first(site, monkeypatch):
    """Every request read its file whole into memory (a 500 MB video, once for each of a browser's range requests)."""
    site.write({"static/files/clip.mp4": b"\0" * 100_000})
    read = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or real(self))
    with running(site.root) as preview:
        read.clear()  # (what the build read)
        assert get(preview, "/files/clip.mp4")[2] == b"\0" * 100_000
        assert get(preview, ARTICLE_URL)[0] == 200
    assert "clip.mp4" not in read and "index.html" in read


def test_a_served_video_or_sound_can_be_seeked_in_the_browser(site, browser):
    """Chromium seeks a media file only where its server answers byte ranges: from ssg serve its seekable range was
    [0, 0]. (A sound file, which Python's `wave` writes: an mp4 cannot be made here without an encoder; the browser
    asks for ranges of either alike.)"""
    sound = io.BytesIO()
    with wave.open(sound, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(1)
        wav.setframerate(8000)
        wav.writeframes(b"\x80" * 8000 * 4)  # 4 s of silence
    site.write({"static/files/sound.wav": sound.getvalue()})
    with running(site.root) as preview:
        page = browser.new_page()
        try:
            page.goto(preview.url)
            seekable = page.evaluate(
                """async () => {
                    const media = new Audio("files/sound.wav");
                    await new Promise((done, failed) => { media.onloadedmetadata = done; media.onerror = failed; });
                    media.currentTime = 3;
                    await new Promise((done) => { media.onseeked = done; });
                    return [media.seekable.length ? media.seekable.end(0) : 0, media.currentTime];
                }"""
            )
        finally:
            page.close()
    assert seekable == [4, 3]


def test_a_last_preview_built_with_drafts_is_not_served_to_a_session_without_them(site, monkeypatch, capsys):
    """`ssg serve --no-drafts --host 0.0.0.0` served the last session's preview, built with drafts, to the network
    until its own first build was done (a security trial): a preview built with other draft and future settings is
    not served; requests wait for this session's build, as they do where there is no preview yet. One built as this
    session builds is served meanwhile, as before. The warning of one listening on the network says what it shows."""
    draft_url = "/2021/07/01/draft/"
    with running(site.root) as preview:
        assert get(preview, draft_url)[0] == 200
    capsys.readouterr()
    for session in range(2):
        with held_builds(monkeypatch) as (reached, let_go):
            preview = Preview(site.root, ServeOptions(port=0, drafts=False, host="0.0.0.0"))
            starting = threading.Thread(target=preview.start)
            starting.start()
            try:
                assert reached.wait(10)
                answered: list[int] = []
                asking = threading.Thread(target=lambda asked=preview, into=answered: into.append(get(asked, draft_url)[0]))
                asking.start()
                asking.join(0.5)
                assert answered == ([] if session == 0 else [404])  # (the second: the first's preview, without drafts)
                let_go.set()
                starting.join(10)
                asking.join(10)
                assert answered == [404]
            finally:
                let_go.set()
                starting.join(10)
                preview.stop()
        out = capsys.readouterr()
        assert ("the last session's preview until this build is done" in out.out) is (session == 1)
        assert "others on your network can see the preview: published articles only (--no-drafts)" in out.err
        assert "drafts included" not in out.err


def test_connections_over_the_cap_get_503_and_a_slow_request_is_dropped(site, monkeypatch):
    """300 requests held half-open took every file descriptor of `ssg serve` under `ulimit -n 256`: the server spun at
    full CPU and the rebuild failed (a security trial). Connections are capped (those over it are told 503, with when
    to try again), and a request whose line and headers are not all in within HEADER_TIMEOUT is dropped, however
    slowly it trickles them in."""
    monkeypatch.setattr(ssg.server, "MAX_CONNECTIONS", 4)
    monkeypatch.setattr(ssg.server, "HEADER_TIMEOUT", 1.0)
    with running(site.root) as preview:
        address = preview.server.server_address[:2]
        held = [socket.create_connection(address, timeout=5) for _ in range(4)]
        for each in held:
            each.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
        time.sleep(0.2)
        status, headers, _ = get(preview, "/")
        assert status == 503 and headers["Retry-After"] == "1"
        started = time.monotonic()
        for _ in range(4):  # (a header line every 0.3 s: each read is quick, the whole is not)
            time.sleep(0.3)
            for each in held:
                with contextlib.suppress(OSError):
                    each.sendall(b"X-a: b\r\n")
        for each in held:
            assert each.recv(100) == b""  # (closed by the server)
            each.close()
        assert time.monotonic() - started < 3
        time.sleep(0.2)
        assert get(preview, "/")[0] == 200


@pytest.mark.parametrize("where", ["unusable", "write_site"])
@pytest.mark.parametrize("lacking", ["files", "thread"])
def test_a_rebuild_that_ran_out_of_file_descriptors_is_told_so_and_tried_again(site, monkeypatch, capsys, where, lacking):
    """A rebuild that failed with "Too many open files" (looking at the cache folder) said "internal error" and was
    not tried again once the connections that took them were closed: the page stayed a 404 until the next save (a
    security trial). One that failed so as it wrote the output was not tried again either; nor one whose thread could
    not start for want of memory (a RuntimeError, which `resources.out_of_memory` tells)."""
    monkeypatch.setattr(ssg.watch, "RETRY_AFTER", 0.5)
    real, failures = getattr(ssg.build, where), []

    def failing(*args: object, **kwargs: object) -> object:
        if not failures:
            failures.append(1)
            if lacking == "thread":
                raise RuntimeError("can't start new thread")
            raise OSError(errno.EMFILE, "Too many open files", str(site.root / ".ssg-cache"))
        return real(*args, **kwargs)

    with running(site.root) as preview:
        events = Events(preview)
        epoch = events.until(lambda m: True)["epoch"]
        monkeypatch.setattr(ssg.build, where, failing)
        site.write({"content/2021/new.md": article("Brand new", "2021-08-01")})
        assert events.until(lambda m: m["problems"])["problems"]
        assert events.until(lambda m: m["epoch"] != epoch and not m["problems"])  # (no save: tried again on its own)
        assert get(preview, "/2021/08/01/new/")[0] == 200
        events.close()
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err
    assert "tried again in 0.5 s, or at the next save" in err
    if where == "unusable" and lacking == "files":
        assert "error: ssg: the build ran out of open files (the process's limit, ulimit -n) ([Errno 24] Too many open files" in err


def test_an_allowed_name_with_a_leading_dot_allows_every_name_under_it():
    """`--allow-host .example.com` was taken without a word, and `Host: x.example.com` still got 403 (a security
    trial): a leading dot allows the name and every one under it, as Vite's allowedHosts does; not one that only ends
    in the same letters, nor a name elsewhere. What is no name is refused, saying what is taken."""
    allowed = (host_name(".example.com"),)

    def status(host: str) -> str | None:
        headers = Message()
        headers["Host"] = host
        return refused(headers, allowed)

    for host in ("x.example.com", "a.b.example.com:8000", "example.com", "X.Example.COM."):
        assert status(host) is None, host
    for host in ("badexample.com", "example.com.evil.org", "example.org"):
        assert status(host) is not None, host
    for value in ("*.example.com", ".", ""):
        result = CliRunner().invoke(main, ["serve", "--allow-host", value])
        assert result.exit_code == 2, value
        assert "a host name (hub.example.org), or one with a leading dot for every name under it (.example.org)" in result.output


def test_a_connection_over_the_cap_is_read_from_before_it_is_closed():
    """A connection over the cap was told 503 and closed with its request unread: such a close sends a reset, which
    over a real network may come in before the client read the 503, and lose it. The server ends its side of the
    connection (the client reads the 503, then its end) and reads what the client sent before it closes."""
    server, client = socket.socketpair()
    try:
        client.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        full = types.SimpleNamespace(_slots=threading.BoundedSemaphore(1))
        full._slots.acquire()
        assert ssg.server.PreviewServer.verify_request(full, server, None) is False  # type: ignore[arg-type]
        with pytest.raises(BlockingIOError):
            server.recv(100, socket.MSG_DONTWAIT)  # (nothing unread left)
        client.settimeout(5)
        assert client.recv(1000) == ssg.server.BUSY and client.recv(100) == b""
    finally:
        server.close()
        client.close()
